//! The Leptos layer: state, components and the edges to the browser. It is
//! thin on purpose: every number comes from [`crate::core`].

mod basis;
mod browser;
mod builders;
mod charts;
mod compare;
mod data;
mod embed;
mod explainer;
mod field;
mod formulas;
mod inputs;
mod intl;
mod metric;
mod notices;
mod scenarios;
mod schedule;
mod share;
mod split;
mod state;
mod summary;

use leptos::prelude::*;

use split::{AfterFirstPaint, Card};
pub use state::Calc;

/// The whole page; with `?embed=1` the compact layout for iframes.
#[component]
pub fn App() -> impl IntoView {
    crate::core::format::set_backend(Box::new(intl::IntlBackend::default()));
    let options = crate::core::embed::options(&browser::location_search());
    embed::apply_theme(&options);
    let calc = Calc::start(options.query(), options.embed);
    provide_context(calc);
    if options.embed {
        embed::report_height();
        return view! {
            <main id="calculator" class="wrap embed">
                <h1 class="sr-only">"Fine-tuning ROI calculator"</h1>
                <Calculator/>
                <AfterFirstPaint cards=vec![
                    split::CHARTS,
                    Card::Now(|| view! { <embed::OpenFull/> }.into_any()),
                ] prefetch=vec![split::REQUEST_COSTS, split::INVESTMENT, split::OPERATIONS]/>
            </main>
        }
        .into_any();
    }
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
                <div class="hero-actions">
                    <embed::EmbedDialog options=options.clone()/>
                    <button type="button" class="ghost" data-testid="print" on:click=|_| { let _ = web_sys::window().map(|w| w.print()); }>"Print"</button>
                </div>
            </section>
            <Calculator/>
            <AfterFirstPaint cards=vec![
                split::CHARTS,
                split::BASIS,
                split::SCHEDULE,
                split::FORMULAS,
                split::LIBRARY,
                split::COMPARE,
                split::EXPLAINER,
            ] prefetch=vec![split::REQUEST_COSTS, split::INVESTMENT, split::OPERATIONS]/>
        </main>
        <footer class="site-footer">
            <div class="wrap">
                "FT-ROI runs entirely in your browser; nothing you enter leaves this page. "
                "Figures are estimates from the costs you enter, not financial advice."
            </div>
        </footer>
    }
    .into_any()
}

/// What both layouts start with: notices, then the inputs beside (or, on
/// a phone, above) the results.
#[component]
fn Calculator() -> impl IntoView {
    view! {
        <notices::Notices/>
        <div class="layout">
            <inputs::InputsCard/>
            <summary::SummaryCard/>
        </div>
    }
}
