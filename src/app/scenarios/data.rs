//! Export (JSON, CSV, Markdown, the decision memo in Markdown) of the current scenario, under the name of
//! the saved scenario it is linked to, and import of an exported JSON file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::shell::browser::{copy_text, download, read_chosen_file};
use crate::app::shell::state::use_calc;
use crate::core::catalogue::fill;
use crate::core::codec::export::{import_json, part_inputs, ExportDoc};
use crate::core::present::options::OptionsView;
use crate::core::RawInputs;

/// The export and import controls.
#[component]
pub fn DataCard() -> impl IntoView {
    let calc = use_calc();
    let sim = expect_context::<crate::app::results::simulation::Sim>();
    let status = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let valid = move || calc.results.with(Option::is_some);
    // Runs `f` with the current scenario's document under `name`, and its
    // field texts, when valid.
    let with_scenario = move |name: &str, f: &dyn Fn(ExportDoc, &RawInputs)| {
        if let (Some(p), Some(r)) = (
            calc.checked.with_untracked(|c| c.parsed.clone()),
            calc.results.get_untracked(),
        ) {
            let raw = calc.raw_untracked();
            let parts = part_inputs(&raw, &p);
            let sim = sim.summary_now();
            // Options side by side, when the user added options (issue 28).
            let options = (!p.options.is_empty()).then(|| OptionsView::of(&p));
            let doc = ExportDoc::new(calc.fmt.get_untracked(), name, &raw, &p.inputs, &r)
                .with_parts(&parts)
                .with_simulation(sim.as_ref())
                .with_options(options.as_ref());
            f(doc, &raw);
        }
    };
    // The linked scenario's name, else "Current scenario".
    let name =
        move || untrack(|| calc.current_name()).unwrap_or_else(|| "Current scenario".to_owned());
    let report = move |result: Result<(), String>, done: &str| {
        status.set(result.map_or_else(|e| format!("Export failed: {e}"), |()| done.to_owned()));
    };
    let export_json = move |_| {
        with_scenario(&name(), &|doc, _| {
            report(
                download("ft-roi-scenario.json", "application/json", &doc.json()),
                "Downloaded ft-roi-scenario.json.",
            )
        })
    };
    let export_csv = move |_| {
        with_scenario(&name(), &|doc, raw| {
            report(
                download(
                    "ft-roi-scenario.csv",
                    "text/csv",
                    // The catalogue's model labels, when the scenario names any.
                    &(doc.csv() + &fill::csv_rows(raw)),
                ),
                "Downloaded ft-roi-scenario.csv.",
            )
        })
    };
    let copy_md = move |_| {
        let title = untrack(|| calc.current_name()).unwrap_or_else(|| "FT-ROI scenario".to_owned());
        with_scenario(&title, &|doc, raw| {
            let md = doc.markdown() + &fill::markdown_rows(raw);
            spawn_local(async move {
                let ok = copy_text(&md).await;
                status.set(
                    if ok {
                        "Results copied as a Markdown table."
                    } else {
                        "Your browser blocked the clipboard."
                    }
                    .to_owned(),
                );
            });
        })
    };
    // The decision memo as Markdown, dated today.
    let export_memo = move |_| {
        let sim = sim.summary_now();
        let name = name();
        let date = crate::app::memo::today();
        let done = untrack(|| {
            crate::app::memo::with_memo(calc, &name, &date, sim.as_ref(), |m| {
                download("ft-roi-memo.md", "text/markdown", &m.markdown())
            })
        });
        if let Some(result) = done {
            report(result, "Downloaded ft-roi-memo.md.");
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            let outcome = read_chosen_file(&input).await;
            input.set_value("");
            let text = match outcome {
                None => return,
                Some(Err(e)) => {
                    status.set(String::new());
                    return errors.set(vec![e]);
                }
                Some(Ok(text)) => text,
            };
            match import_json(&text) {
                Ok((name, raw)) => {
                    // An imported file is a new scenario: not linked to a
                    // saved one (Save asks for a name).
                    calc.start_new(raw);
                    crate::app::catalogue::check_models(calc);
                    errors.set(Vec::new());
                    status.set(format!(
                        "Imported \u{201c}{}\u{201d}.",
                        name.unwrap_or_else(|| "scenario".to_owned())
                    ));
                }
                Err(list) => {
                    // An earlier "Imported …" no longer describes the page.
                    status.set(String::new());
                    errors.set(list.iter().map(ToString::to_string).collect());
                }
            }
        });
    };
    view! {
        <section class="card data" aria-labelledby="data-title">
            <h2 id="data-title">"Export and import"</h2>
            <div class="button-row">
                <button type="button" class="ghost" data-testid="export-json" prop:disabled=move || !valid() on:click=export_json>"Export JSON"</button>
                <button type="button" class="ghost" data-testid="export-csv" prop:disabled=move || !valid() on:click=export_csv>"Export CSV"</button>
                <button type="button" class="ghost" data-testid="copy-markdown" prop:disabled=move || !valid() on:click=copy_md>"Copy as Markdown"</button>
                <button type="button" class="ghost" data-testid="export-memo" prop:disabled=move || !valid() on:click=export_memo>"Export memo (Markdown)"</button>
                <label class="ghost file-button">
                    "Import JSON"
                    <input type="file" accept="application/json,.json" class="sr-only" data-testid="import-file" on:change=import/>
                </label>
            </div>
            <p class="muted small" role="status" data-testid="data-status">{move || status.get()}</p>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="fix" role="alert" data-testid="import-errors">
                    <p class="status-head">"The file was not imported; nothing changed."</p>
                    <ul>{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
