//! The decision table for the user's own options (issue 28): bands of the
//! starting monthly volume between the crossover volumes, each naming the
//! cheapest option (and, where valuing the errors avoided decides, the
//! one cheapest on cost alone), the scenario's band marked. Shown in the
//! options view (chunk `options`) and, on the two-option page, with the
//! options' figures in the calculation basis (chunk `below`). The table is
//! [`crate::core::present::decision`]'s; this only renders it.

use leptos::prelude::*;

use crate::app::shell::state::use_calc;
use crate::core::present::decision::{DecisionTable, Row};
use crate::core::present::format::raw;
use crate::core::present::options::OptionsView;

/// The decision table; nothing while a field it reads is invalid.
#[component]
pub fn DecisionTableView(
    /// The options' figures the page already holds (their titles), so
    /// that the cheapest is not searched for once more.
    #[prop(into)]
    options: Signal<Option<OptionsView>>,
) -> impl IntoView {
    let calc = use_calc();
    let table = Memo::new(move |_| {
        let view = options.get()?;
        calc.checked.with(|c| {
            c.parsed.as_ref().map(|p| {
                let table = DecisionTable::of(p);
                let current = table.band_at(p.inputs.requests);
                (view, table, current)
            })
        })
    });
    let rows = move || {
        let fmt = calc.fmt.get();
        table.with(|t| {
            t.as_ref()
                .map(|(view, table, _)| table.rows(view, fmt))
                .unwrap_or_default()
        })
    };
    let current = move || table.with(|t| t.as_ref().and_then(|t| t.2));
    let tokens =
        move || table.with(|t| t.as_ref().is_some_and(|t| t.1.tokens_per_request.is_some()));
    let accuracy = move || {
        table.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.1.bands.iter().any(|b| b.accuracy_decides()))
        })
    };
    let gave_up = move || {
        let fmt = calc.fmt.get();
        table.with(|t| {
            t.as_ref()
                .and_then(|t| t.1.gave_up_at)
                .map(|v| fmt.count(v))
        })
    };
    let row = move |(i, r): (usize, Row)| {
        let here = move || current() == Some(i);
        view! {
            <tr data-band=i data-from=raw(Some(r.band.from)) data-to=raw(r.band.to)
                data-cheapest=r.band.cheapest data-cost-only=r.band.cost_only
                class:current=here aria-current=move || here().then_some("true")>
                <th scope="row">{r.requests}</th>
                {r.tokens.map(|t| view! { <td>{t}</td> })}
                <td>{r.advice}</td>
            </tr>
        }
    };
    view! {
        <Show when=move || table.with(Option::is_some)>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Decision table for your options">
                <table class="tiers decision" data-testid="decision-table">
                    <caption>"Decision table for your options: the cheapest by present-value cost, by starting monthly volume (your volume's band marked)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Requests a month"</th>
                            {move || tokens().then(|| view! { <th scope="col">"Tokens a month (option 1)"</th> })}
                            <th scope="col">"Cheapest"</th>
                        </tr>
                    </thead>
                    <tbody>{move || rows().into_iter().enumerate().map(row).collect_view()}</tbody>
                </table>
            </div>
            <p class="fine">
                "Each band ends where the cheapest changes (the crossover volumes). "
                {move || accuracy().then_some("“If accuracy is critical”: that option is the cheapest only because the errors it avoids are valued at your value of an avoided error; on cost alone the other one is. ")}
                {move || gave_up().map(|v| format!("Not searched above {v} requests a month."))}
            </p>
        </Show>
    }
}
