//! The formula panel: every definition, worked with the current numbers.

use leptos::prelude::*;

use crate::app::shell::state::use_calc;
use crate::core::present::formulas::{definitions, markup, request_costs, worked};

/// The formula card.
#[component]
pub fn FormulaPanel() -> impl IntoView {
    let calc = use_calc();
    let lines = move || {
        let fmt = calc.fmt.get();
        calc.parsed(|p| match p {
            // With request costs from tokens, each side's cost per request
            // by part comes first: the figures start from it.
            Some(inputs) => calc.results.with(|r| {
                let mut lines = inputs
                    .tokens
                    .map_or_else(Vec::new, |t| request_costs(fmt, &t));
                lines.extend(
                    r.as_ref()
                        .map_or_else(definitions, |r| worked(fmt, &inputs.inputs, r)),
                );
                lines
            }),
            None => definitions(),
        })
    };
    view! {
        <section class="card formulas" aria-labelledby="formulas-title">
            <h2 id="formulas-title">"How fine-tuning ROI is calculated"</h2>
            <p class="muted">
                "Each figure follows from the six inputs. The second line of each formula "
                "substitutes your numbers and updates as you type."
            </p>
            // One string of markup from the core per update (text escaped
            // there), like the charts.
            <ol class="formula-list" inner_html=move || markup(&lines())></ol>
        </section>
    }
}
