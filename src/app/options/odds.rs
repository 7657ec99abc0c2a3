//! Each option's chance of being the cheapest and the spread of its
//! present-value cost in its column of the options view (issue 28), from
//! the simulation's last finished run over the same cases: shown while the
//! scenario has a range.

use leptos::prelude::*;

use crate::app::results::sim::Sim;
use crate::app::shell::state::use_calc;
use crate::core::model::optsim::OptionOdds;
use crate::core::present::format::raw;

/// Option `number`'s chance and spread (rows of its figures' list).
#[component]
pub fn Odds(
    /// The option's number, 1 to 6.
    number: usize,
) -> impl IntoView {
    let calc = use_calc();
    let sim = use_context::<Sim>();
    let odds = Memo::new(move |_| {
        let sim = sim?;
        sim.key.with(Option::is_some).then_some(())?;
        sim.done.with(|d| {
            let (_, s) = d.as_ref()?;
            let o: &OptionOdds = s.options.iter().find(|o| o.number == number)?;
            Some((o.clone(), s.draws))
        })
    });
    move || {
        let fmt = calc.fmt.get();
        odds.get().map(|(o, draws)| {
            let spread = match (o.pv_cost_p50, o.pv_cost_p10, o.pv_cost_p90) {
                (Some(m), Some(a), Some(b)) => format!(
                    "{} (10th to 90th percentile: {} to {})",
                    fmt.money(m),
                    fmt.money(a),
                    fmt.money(b)
                ),
                _ => "n/a".to_owned(),
            };
            view! {
                <div class="metric">
                    <dt>"Chance it is the cheapest"</dt>
                    <dd data-metric="option_p_cheapest" data-value=raw(Some(o.p_cheapest))>
                        {fmt.percent(o.p_cheapest * 100.0)}
                        {format!(" of {} draws", fmt.count(f64::from(draws)))}
                    </dd>
                </div>
                <div class="metric">
                    <dt>"Present-value cost, median over the draws"</dt>
                    <dd data-metric="option_pv_cost_p50" data-value=raw(o.pv_cost_p50)>{spread}</dd>
                </div>
            }
        })
    }
}
