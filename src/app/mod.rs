//! The Leptos layer: state, components and the edges to the browser. It is
//! thin on purpose: every number comes from [`crate::core`].

mod basis;
mod browser;
mod builders;
mod charts;
mod compare;
mod data;
mod explainer;
mod formulas;
mod inputs;
mod metric;
mod notices;
mod scenarios;
mod schedule;
mod share;
mod state;
mod summary;

use leptos::prelude::*;

pub use state::Calc;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let calc = Calc::start();
    provide_context(calc);
    view! {
        <a class="skip" href="#calculator">"Skip to the calculator"</a>
        <header class="site-header">
            <div class="wrap">
                <span class="brand"><span class="logo" aria-hidden="true">"◆"</span>" FT-ROI"</span>
                <span class="tagline">"Model optimization business case"</span>
            </div>
        </header>
        <main id="calculator" class="wrap">
            <section class="hero">
                <h1>"Fine-tuning ROI calculator"</h1>
                <p class="lede">
                    "Compare the one-time and recurring costs of fine-tuning with its per-request "
                    "savings: break-even time and volume, net benefit and return on investment."
                </p>
            </section>
            <notices::Notices/>
            <div class="layout">
                <inputs::InputsCard/>
                <summary::SummaryCard/>
            </div>
            <charts::ChartsCard/>
            <basis::BasisCard/>
            <schedule::ScheduleCard/>
            <formulas::FormulaPanel/>
            <div class="pair">
                <scenarios::ScenariosCard/>
                <data::DataCard/>
            </div>
            <compare::CompareCard/>
            <explainer::Explainer/>
        </main>
        <footer class="site-footer">
            <div class="wrap">
                "FT-ROI runs entirely in your browser; nothing you enter leaves this page. "
                "Figures are estimates from the costs you enter, not financial advice."
            </div>
        </footer>
    }
}
