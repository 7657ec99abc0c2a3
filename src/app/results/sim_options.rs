//! The simulation's figures for the options (issue 28), in the
//! simulation's card (chunk `simulation`): the option most often cheapest
//! in a sentence and, on the two-option page, each option's chance of
//! being the cheapest and the spread of its present-value cost
//! (`data-option`, `option_p_cheapest`). With options added, the options
//! view's columns carry each option's chance ([`crate::app::options`]).

use leptos::prelude::*;

use super::sim::Sim;
use crate::app::shell::state::use_calc;
use crate::core::model::montecarlo::cheapest_sentence;
use crate::core::model::optsim::OptionOdds;
use crate::core::present::format::raw;

/// What people call option `number` in the current scenario.
pub fn option_title(number: usize) -> String {
    match number {
        1 => "Baseline".to_owned(),
        2 => "Fine-tuned".to_owned(),
        _ => use_calc()
            .parsed(|p| {
                p.and_then(|p| {
                    p.options
                        .iter()
                        .find(|o| o.number == number)
                        .map(|o| o.title())
                })
            })
            .unwrap_or_else(|| format!("Option {number}")),
    }
}

/// The options' chances in the simulation's card.
#[component]
pub fn SimOptions(
    /// The simulation's state: its last finished run is shown.
    sim: Sim,
) -> impl IntoView {
    let calc = use_calc();
    let odds = Memo::new(move |_| {
        sim.done
            .with(|d| d.as_ref().map(|(_, s)| (s.options.clone(), s.draws)))
    });
    let added = Memo::new(move |_| crate::app::options::edit::has_added());
    let sentence = move || {
        let fmt = calc.fmt.get();
        odds.with(|o| {
            let (all, draws) = o.as_ref()?;
            // The most often cheapest; on a tie the lower number.
            let best = all.iter().fold(None::<&OptionOdds>, |b, x| match b {
                Some(b) if b.p_cheapest >= x.p_cheapest => Some(b),
                _ => Some(x),
            })?;
            let title = format!("{} (option {})", option_title(best.number), best.number);
            Some(format!(
                "{}.",
                cheapest_sentence(fmt, &title, best.p_cheapest, *draws)
            ))
        })
    };
    let rows = move || {
        let fmt = calc.fmt.get();
        odds.with(|o| {
            o.iter()
                .flat_map(|(all, _)| all.clone())
                .map(|x| {
                    let spread = match (x.pv_cost_p10, x.pv_cost_p90) {
                        (Some(a), Some(b)) => format!("{} to {}", fmt.money(a), fmt.money(b)),
                        _ => "n/a".to_owned(),
                    };
                    view! {
                        <tr data-option=x.number>
                            <th scope="row">{format!("{} ({})", option_title(x.number), x.number)}</th>
                            <td data-metric="option_p_cheapest" data-value=raw(Some(x.p_cheapest))>
                                {fmt.percent(x.p_cheapest * 100.0)}
                            </td>
                            <td data-metric="option_pv_cost_p50" data-value=raw(x.pv_cost_p50)>
                                {x.pv_cost_p50.map_or_else(|| "n/a".to_owned(), |v| fmt.money(v))}
                            </td>
                            <td>{spread}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <p class="sentence" data-testid="mc-options">{sentence}</p>
        // With options added, each option's column shows its chance.
        <Show when=move || !added.get()>
            <h3>"Which option is cheapest"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Each option's chance of being the cheapest">
                <table class="options-costs options-odds">
                    <caption class="sr-only">"Each option's chance of being the cheapest, over the same cases"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Option"</th>
                            <th scope="col">"Cheapest in"</th>
                            <th scope="col">"PV cost, median"</th>
                            <th scope="col">"P10 to P90"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
