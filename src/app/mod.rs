//! The Leptos layer: state, components and the edges to the browser. It is
//! thin on purpose: every number comes from [`crate::core`].

mod basis;
mod browser;
mod builders;
mod catalogue;
mod catalogue_view;
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
mod pickers;
// Issue #17: `ranges` here and `simulation` below.
mod ranges;
mod scenarios;
mod schedule;
mod share;
mod simulation;
mod state;
mod summary;

use std::time::Duration;

use leptos::prelude::*;

pub use state::Calc;

/// The whole page; with `?embed=1` the compact layout for iframes.
#[component]
pub fn App() -> impl IntoView {
    crate::core::format::set_backend(Box::new(intl::IntlBackend::default()));
    let options = crate::core::embed::options(&browser::location_search());
    embed::apply_theme(&options);
    let calc = Calc::start(options.query(), options.embed);
    provide_context(calc);
    catalogue::provide(calc);
    simulation::provide();
    if options.embed {
        embed::connect_host(&options);
        return view! {
            <main id="calculator" class="wrap embed">
                <h1 class="sr-only">"Fine-tuning ROI calculator"</h1>
                <Calculator/>
                <AfterFirstPaint cards=vec![
                    || view! { <charts::ChartsCard/> }.into_any(),
                    || view! { <simulation::UncertaintyCard/> }.into_any(),
                    || view! { <embed::OpenFull/> }.into_any(),
                ]/>
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
                || view! { <charts::ChartsCard/> }.into_any(),
                || view! { <simulation::UncertaintyCard/> }.into_any(),
                || view! { <basis::BasisCard/> }.into_any(),
                || view! { <schedule::ScheduleCard/> }.into_any(),
                || view! { <formulas::FormulaPanel/> }.into_any(),
                || view! {
                    <div class="pair">
                        <scenarios::ScenariosCard/>
                        <data::DataCard/>
                    </div>
                }.into_any(),
                || view! { <compare::CompareCard/> }.into_any(),
                || view! { <explainer::Explainer/> }.into_any(),
            ]/>
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

/// Renders `cards` only after the page has painted once, one card per
/// task: the inputs and the results come first, and the cards below them
/// (charts, formulas, saved scenarios, …) follow a frame later, each in a
/// task of its own, so that none of them delays the first figures on
/// screen or blocks a keystroke for long.
#[component]
fn AfterFirstPaint(cards: Vec<fn() -> AnyView>) -> impl IntoView {
    let shown = RwSignal::new(0);
    let total = cards.len();
    // Shows the next card and queues the one after it. `try_`: a timer may
    // fire after the signal is gone; nothing to do then.
    fn step(shown: RwSignal<usize>, total: usize) {
        if let Some(n) = shown.try_get_untracked().filter(|&n| n < total) {
            shown.set(n + 1);
            set_timeout(move || step(shown, total), Duration::ZERO);
        }
    }
    let started = StoredValue::new(false);
    let start = move || {
        if started.try_get_value() == Some(false) {
            started.set_value(true);
            step(shown, total);
        }
    };
    // The next animation frame comes just before a paint; a task queued
    // from it runs after that paint.
    request_animation_frame(move || set_timeout(start, Duration::ZERO));
    // A page that is not painting (a background tab, an embed scrolled out
    // of view) gets no animation frames: render anyway, a little later, so
    // that an embed reports its full height.
    set_timeout(start, Duration::from_millis(100));
    cards
        .into_iter()
        .enumerate()
        .map(|(k, card)| {
            let visible = Memo::new(move |_| shown.get() > k);
            move || visible.get().then(card)
        })
        .collect_view()
}
