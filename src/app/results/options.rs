//! Options side by side on the page (issue 28): each option's cost and
//! present-value cost in a small table (`data-option`), the cheapest and
//! the volumes at which the cheapest changes. On today's page these are
//! options 1 and 2, the two sides.

use leptos::prelude::*;

use crate::app::shell::state::use_calc;
use crate::core::present::format::raw;
use crate::core::present::options::OptionsView;

/// The options' costs, the cheapest and the crossovers; shown with the
/// figures (hidden while a field they read is invalid).
#[component]
pub fn OptionsSummary() -> impl IntoView {
    let calc = use_calc();
    let view = Memo::new(move |_| {
        calc.checked
            .with(|c| c.parsed.as_ref().map(OptionsView::of))
    });
    let rows = move || {
        let fmt = calc.fmt.get();
        view.with(|v| {
            v.iter()
                .flat_map(|v| v.lines.clone())
                .map(|line| {
                    let (cost, pv) = match line.cost {
                        Some(c) => (Some(c.cost), Some(c.pv_cost)),
                        None => (None, None),
                    };
                    let text = move |x: Option<f64>| {
                        x.map_or_else(|| "invalid".to_owned(), |x| fmt.money(x))
                    };
                    view! {
                        <tr data-option=line.number>
                            <th scope="row">{format!("{} ({})", line.title, line.number)}</th>
                            <td data-metric="option_cost" data-value=raw(cost)>{text(cost)}</td>
                            <td data-metric="option_pv_cost" data-value=raw(pv)>{text(pv)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let cheapest = move || view.with(|v| v.as_ref().and_then(|v| v.cheapest));
    let cheapest_text = move || view.with(|v| v.as_ref().map(OptionsView::cheapest_text));
    let volumes = move || view.with(|v| v.as_ref().map(OptionsView::volumes_data));
    let changes = move || {
        let fmt = calc.fmt.get();
        view.with(|v| v.as_ref().map(|v| v.crossovers_text(fmt)))
    };
    let added = Memo::new(move |_| crate::app::options::edit::has_added());
    let add = move |_| {
        crate::app::options::edit::add(calc);
    };
    let two = move || {
        view! {
        <p class="fine" data-testid="options-line">
            "Cheapest over the horizon: "
            <span data-metric="cheapest_option" data-value=move || cheapest().map(|k| k.to_string())>
                {cheapest_text}
            </span>
            "; the cheapest changes at: "
            <span data-metric="crossover_volumes" data-value=volumes>{changes}</span>
            "."
        </p>
        // Scrolls inside the card at phone width, never the page.
        <div class="table-scroll">
        <table class="options-costs">
            <caption class="sr-only">"Each option's cost over the horizon"</caption>
            <thead>
                <tr>
                    <th scope="col">"Option"</th>
                    <th scope="col">"Cost"</th>
                    <th scope="col">"Present value"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        <crate::app::options::decision::DecisionTableView options=view/>
        }
    };
    view! {
        <h3>"Options side by side"</h3>
        <Show
            when=move || !added.get()
            fallback=|| view! { <p class="fine">"Every option's figures are in the options below."</p> }
        >
            {two}
        </Show>
        <button type="button" class="ghost" data-testid="add-option-basis" on:click=add hidden=move || added.get()>
            "Add an option"
        </button>
    }
}
