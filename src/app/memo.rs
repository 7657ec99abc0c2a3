//! The decision memo in the page: the "Print memo" control, the memo's print
//! layout (one string of markup from the core, built once asked for and
//! hidden on screen) and the Markdown memo's document for the export card.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app::results::sim::Sim;
use crate::app::shell::state::{use_calc, Calc};
use crate::core::codec::export::{part_inputs, ExportDoc};
use crate::core::codec::memo::MemoDoc;
use crate::core::model::montecarlo::Summary;
use crate::core::present::formulas::{request_costs, worked};

/// Whether the memo has been asked for ("Print memo"): until then the page
/// does not build it, so edits cost nothing more.
#[derive(Clone, Copy)]
pub struct MemoRequest(pub RwSignal<bool>);

/// Today's date as `YYYY-MM-DD` (the browser's clock, in UTC).
pub fn today() -> String {
    let iso = js_sys::Date::new_0().to_iso_string();
    String::from(iso).chars().take(10).collect()
}

/// The scenario's name for a memo or a chart image: the linked saved
/// scenario's, else "Current scenario".
pub fn scenario_name(calc: Calc) -> String {
    calc.current_name()
        .unwrap_or_else(|| "Current scenario".to_owned())
}

/// Calls `f` with the current scenario's memo when it is valid, under
/// `name`, dated `date`, with the simulation `sim` (its finished run, when
/// it has one). Reads the page's state tracked: a view that calls it follows
/// every edit.
pub fn with_memo<T>(
    calc: Calc,
    name: &str,
    date: &str,
    sim: Option<&Summary>,
    f: impl FnOnce(MemoDoc) -> T,
) -> Option<T> {
    let fmt = calc.fmt.get();
    let p = calc.checked.with(|c| c.parsed.clone())?;
    let r = calc.results.get()?;
    let raw = calc.raw();
    let parts = part_inputs(&raw, &p);
    let mut formulas = p.tokens.map_or_else(Vec::new, |t| request_costs(fmt, &t));
    formulas.extend(worked(fmt, &p.inputs, &r));
    let doc = ExportDoc::new(fmt, name, &raw, &p.inputs, &r)
        .with_parts(&parts)
        .with_simulation(sim);
    Some(f(MemoDoc {
        doc,
        date,
        formulas: &formulas,
    }))
}

/// The memo's print layout: empty until asked for, then the memo of the
/// current scenario, following its edits. Hidden on screen; the print
/// stylesheet shows it alone while `<html data-print="memo">`.
#[component]
pub fn MemoCard() -> impl IntoView {
    let calc = use_calc();
    let request = use_context::<MemoRequest>();
    let sim = use_context::<Sim>();
    let markup = move || {
        if !request.is_some_and(|r| r.0.get()) {
            return String::new();
        }
        // The simulation's finished run of this scenario, if there is one
        // (never a run in the keystroke).
        let summary = sim.and_then(|s| {
            let key = s.key.get()?;
            s.done.with(|d| {
                d.as_ref()
                    .filter(|(k, _)| *k == key)
                    .map(|(_, s)| s.clone())
            })
        });
        let name = scenario_name(calc);
        with_memo(calc, &name, &today(), summary.as_ref(), |m| m.markup()).unwrap_or_else(|| {
            // Nothing to decide on yet: say so on the paper, not a blank page.
            r#"<p class="memo-verdict" data-memo="invalid">Fix the highlighted fields of the calculator to print its memo.</p>"#.to_owned()
        })
    };
    view! { <article class="memo" data-testid="memo" aria-label="Decision memo" inner_html=markup></article> }
}

/// "Print memo" (in the first module: it is on the first screen; the memo's
/// card is in the `below` chunk, fetched on intent, the pointer over the
/// button or its focus, or on the click): builds the memo (the
/// [`MemoRequest`] in context), marks the page for the memo's print layout,
/// prints once the memo is drawn, and leaves the mark when printing is over.
/// A memo that has not come within ten seconds (its chunk failed) prints
/// nothing rather than a blank page; a click while one waits does nothing.
#[component]
pub fn PrintMemo(
    /// The memo's card (from its chunk), fetched on intent.
    memo: crate::app::shell::split::Card,
) -> impl IntoView {
    let Some(request) = use_context::<MemoRequest>() else {
        return ().into_any();
    };
    let waiting = RwSignal::new(false);
    let print = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if waiting.get_untracked() {
            return;
        }
        waiting.set(true);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-print", "memo");
        }
        request.0.set(true);
        let after = Closure::once_into_js(|| {
            if let Some(root) = document().document_element() {
                let _ = root.remove_attribute("data-print");
            }
        });
        window.set_onafterprint(Some(after.unchecked_ref()));
        leptos::task::spawn_local(async move {
            let drawn = || matches!(document().query_selector(".memo [data-memo]"), Ok(Some(_)));
            if wait_for(drawn, 200).await {
                let _ = window.print();
            } else if let Some(root) = document().document_element() {
                let _ = root.remove_attribute("data-print");
            }
            waiting.set(false);
        });
    };
    let intent = move || crate::app::shell::split::prefetch(memo);
    view! {
        <button type="button" class="ghost" data-testid="print-memo" aria-busy=move || waiting.get().then_some("true")
            on:click=print on:pointerenter=move |_| intent() on:focus=move |_| intent()>"Print memo"</button>
    }
    .into_any()
}

/// "Print": the page as it is, once the cards still held below the answer
/// ([`on_approach`](crate::app::shell::split::on_approach)) have come (or
/// failed), or after five seconds anyway (a card not yet come prints a line
/// saying so); at once when they all have. A click while one waits does
/// nothing.
pub fn print_page() {
    thread_local! {
        static WAITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if crate::app::shell::split::all_here() {
        let _ = window.print();
        return;
    }
    if WAITING.replace(true) {
        return;
    }
    crate::app::shell::split::approach_all();
    leptos::task::spawn_local(async move {
        wait_for(crate::app::shell::split::all_here, 100).await;
        WAITING.set(false);
        let _ = window.print();
    });
}

/// Waits until `done()`, checking at once and then every 50 ms, at most
/// `checks` times; whether it is done.
async fn wait_for(done: impl Fn() -> bool, checks: u32) -> bool {
    for _ in 0..checks {
        if done() {
            return true;
        }
        pause(50).await;
    }
    done()
}

/// Waits `ms` milliseconds (a timer's promise).
async fn pause(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}
