//! The calculation basis: the horizon totals and the request-volume figures
//! behind the headline numbers.

use leptos::prelude::*;

use super::metric::Metric;
use super::state::use_calc;
use crate::core::format::{count, money};

/// The breakdown card; hidden while a field is invalid.
#[component]
pub fn BasisCard() -> impl IntoView {
    let calc = use_calc();
    view! {
        <section class="card basis" aria-labelledby="basis-title">
            <h2 id="basis-title">"Calculation basis"</h2>
            <Show
                when=move || calc.results.with(Option::is_some)
                fallback=|| view! { <p class="muted">"Shown once every field holds a valid value."</p> }
            >
                <div class="basis-grid">
                    <dl class="rows">
                        <Metric name="baseline_horizon_cost" label="Baseline cost over horizon" value=calc.figure(|r| Some(r.baseline_horizon_cost)) format=money/>
                        <Metric name="finetuned_horizon_cost" label="Fine-tuned cost over horizon" value=calc.figure(|r| Some(r.finetuned_horizon_cost)) format=money/>
                        <Metric name="investment" label="Incremental investment" value=calc.figure(|r| Some(r.investment)) format=money/>
                        <Metric name="net_operating_savings" label="Net operating savings" value=calc.figure(|r| Some(r.net_operating_savings)) format=money/>
                    </dl>
                    <dl class="rows">
                        <Metric
                            name="break_even_requests"
                            label="Requests served by break-even"
                            value=calc.figure(|r| r.break_even_requests)
                            format=|n| format!("{} requests", count(n))
                            undefined="Never"
                        />
                        <Metric
                            name="break_even_volume"
                            label="Break-even volume"
                            value=calc.figure(|r| r.break_even_volume)
                            format=|n| format!("{} requests/month", count(n))
                            undefined="n/a: no volume breaks even"
                        />
                    </dl>
                </div>
            </Show>
        </section>
    }
}
