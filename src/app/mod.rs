//! The Leptos layer: state, components and the edges to the browser. It is
//! thin on purpose: every number comes from [`crate::core`].

// The shell: state and the edges to the browser.
mod shell;

// The form and the results beside it.
mod form;
mod results;

// Options side by side beyond the two sides (issue 28).
mod options;

// The cards loaded after the first paint, and the charts among them
// (with the parts every chart shares).
mod cards;
mod chart_parts;
mod charts;

// The scenarios library, the catalogue and the embed.
mod catalogue;
mod embed;
mod embed_code;
mod host_api;
mod scenarios;

// Charts as images and the decision memo.
mod image;
// Issue 30: from your own data (the section in the chunk `data`, its reader in `datacount`).
mod data;
mod memo;

// Components mounted in headless Chromium (wasm-bindgen-test).
#[cfg(all(test, target_arch = "wasm32"))]
mod component_tests;

use leptos::prelude::*;

use crate::core::codec::embed::{Part, Parts};
use shell::split::{AfterFirstPaint, Card};
pub use shell::state::Calc;

/// Starts the calculator in the page's frame. `index.html` carries the
/// frame as markup, painted before the wasm arrives: the skip link, the
/// header and the hero (its lede is the largest text, the Largest
/// Contentful Paint) in `<main id="calculator">`; with `?embed=1` its first
/// script hides them before the first paint. [`App`] fills in the rest.
pub fn start() {
    let main = document()
        .get_element_by_id("calculator")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match main {
        Some(main) => leptos::mount::mount_to(main, App).forget(),
        // Not our index.html: the calculator alone, in the body.
        None => leptos::mount::mount_to_body(App),
    }
}

/// The calculator in `<main>`, after the frame's hero: the hero's buttons,
/// the inputs beside the results, the cards below them and the footer;
/// with `?embed=1` the compact layout for iframes.
#[component]
pub fn App() -> impl IntoView {
    let options = crate::core::codec::embed::options(&shell::browser::location_search());
    embed::apply_theme(&options);
    let calc = Calc::start(options.query(), options.embed);
    provide_context(calc);
    // The parts the page shows (`parts=` in an embed), read by the cards.
    let parts = options.shown();
    provide_context(parts);
    catalogue::provide(calc);
    results::simulation::provide();
    // The decision memo, built once "Print memo" asks for it.
    let memo = memo::MemoRequest(RwSignal::new(false));
    provide_context(memo);
    if options.embed {
        embed::connect_host(&options);
        if let Some(main) = document().get_element_by_id("calculator") {
            let _ = main.class_list().add_1("embed");
        }
        // The frame, hidden since the first paint, leaves the page.
        for selector in [".skip", ".site-header", "#calculator > .hero"] {
            if let Ok(Some(element)) = document().query_selector(selector) {
                element.remove();
            }
        }
        let charts = [Part::Timeline, Part::Volume, Part::Tornado];
        let mut below = Vec::new();
        if charts.into_iter().any(|p| parts.has(p)) {
            below.push(cards::CHARTS);
        }
        if parts.has(Part::Uncertainty) {
            below.push(Card::Now(uncertainty));
        }
        below.push(Card::Now(|| view! { <embed::OpenFull/> }.into_any()));
        return view! {
            <h1 class="sr-only">"Fine-tuning ROI calculator"</h1>
            <Calculator parts/>
            <AfterFirstPaint cards=below/>
        }
        .into_any();
    }
    // Into the frame's hero, and after <main>.
    let hero_actions = document()
        .query_selector("#calculator .hero-actions")
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(actions) = hero_actions {
        let options = options.clone();
        leptos::mount::mount_to(actions, move || {
            // This root has a context of its own: the memo's request.
            provide_context(memo);
            view! {
                <embed::EmbedDialog options/>
                <button type="button" class="ghost" data-testid="print" on:click=|_| memo::print_page()>"Print"</button>
                <memo::PrintMemo memo=cards::MEMO/>
            }
        })
        .forget();
    }
    leptos::mount::mount_to_body(|| {
        view! {
            <footer class="site-footer">
                <div class="wrap">
                    "FT-ROI runs entirely in your browser; nothing you enter leaves this page. "
                    "Figures are estimates from the costs you enter, not financial advice."
                </div>
            </footer>
        }
    });
    // The browser's own print command and the first Tab key bring the cards
    // still held below (that print cannot wait for them; the Print button does).
    shell::split::bring_when_needed();
    // Below the answer, each card comes when it nears the viewport (issue
    // 32: not fetched with the page), in a placeholder of its height until then.
    use shell::split::on_approach;
    view! {
        <Calculator parts/>
        <AfterFirstPaint cards=vec![
            Card::Now(|| on_approach("charts", cards::CHARTS)),
            Card::Now(uncertainty),
            Card::Now(|| on_approach("basis", cards::BASIS)),
            // Nothing until the scenario holds a third option; then the
            // options view from its chunk.
            Card::Now(|| view! { <options::OptionsSlot/> }.into_any()),
            Card::Now(|| on_approach("schedule", cards::SCHEDULE)),
            Card::Now(|| on_approach("formulas", cards::FORMULAS)),
            Card::Now(|| on_approach("library", cards::LIBRARY)),
            Card::Now(|| on_approach("compare", cards::COMPARE)),
            Card::Now(|| on_approach("explainer", cards::EXPLAINER)),
            // Hidden on screen, built once "Print memo" asks for it: where
            // its chunk failed, nothing (not a message).
            Card::Now(|| {
                let memo = expect_context::<memo::MemoRequest>();
                view! {
                    <Show when=move || memo.0.get()>{shell::split::lazy_quiet(cards::MEMO, None)}</Show>
                }
                .into_any()
            }),
        ]/>
    }
    .into_any()
}

/// The uncertainty card, from its chunk (with the Monte Carlo engine), only
/// once the scenario has a range: a page without one never fetches it. The
/// ranges' summary in the form fetches it on intent ([`form::ranges`]).
fn uncertainty() -> AnyView {
    let sim = expect_context::<results::simulation::Sim>();
    view! {
        <Show when=move || sim.key.with(Option::is_some)>
            {shell::split::lazy_card(cards::UNCERTAINTY)}
        </Show>
    }
    .into_any()
}

/// What both layouts start with: notices, then the inputs beside (or, on
/// a phone, above) the results; in an embed, those of the two its `parts`
/// name.
#[component]
fn Calculator(
    /// The parts the page shows.
    parts: Parts,
) -> impl IntoView {
    view! {
        <shell::notices::Notices/>
        <div class="layout">
            {parts.has(Part::Inputs).then(|| view! { <form::InputsCard/> })}
            {parts.has(Part::Summary).then(|| view! { <results::summary::SummaryCard/> })}
        </div>
    }
}
