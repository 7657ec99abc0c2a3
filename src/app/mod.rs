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
mod formulas;
mod inputs;
mod intl;
mod metric;
mod notices;
mod scenarios;
mod schedule;
mod share;
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
    if options.embed {
        embed::report_height();
        return view! {
            <main id="calculator" class="wrap embed">
                <h1 class="sr-only">"Fine-tuning ROI calculator"</h1>
                <Calculator/>
                <AfterFirstPaint>
                    <charts::ChartsCard/>
                    <embed::OpenFull/>
                </AfterFirstPaint>
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
            <AfterFirstPaint>
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
            </AfterFirstPaint>
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

/// Renders `children` only after the page has painted once: the inputs and
/// the results come first, and the cards below them (charts, formulas,
/// saved scenarios, …) follow a frame later instead of delaying the first
/// figures on screen.
#[component]
fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // `try_`: a timer may fire after the signal is gone; nothing to do then.
    let show = move || {
        if ready.try_get_untracked() == Some(false) {
            ready.set(true);
        }
    };
    // The next animation frame comes just before a paint; a task queued
    // from it runs after that paint.
    request_animation_frame(move || set_timeout(show, Duration::ZERO));
    // A page that is not painting (a background tab, an embed scrolled out
    // of view) gets no animation frames: render anyway, a little later, so
    // that an embed reports its full height.
    set_timeout(show, Duration::from_millis(100));
    move || ready.get().then(|| children())
}
