//! Export (JSON, CSV, Markdown) of the current scenario, under the name of
//! the saved scenario it is linked to, and import of an exported JSON file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::shell::browser::{copy_text, download, read_chosen_file};
use crate::app::shell::state::use_calc;
use crate::core::catalogue::fill;
use crate::core::codec::export::{
    import_json, part_inputs, to_csv_parts, to_json_with, to_markdown_parts,
};
use crate::core::Field;

/// The builders' fields a scenario uses, with their values.
type Parts = [(Field, f64)];

/// The export and import controls.
#[component]
pub fn DataCard() -> impl IntoView {
    let calc = use_calc();
    let sim = expect_context::<crate::app::results::simulation::Sim>();
    let status = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let valid = move || calc.results.with(Option::is_some);
    // Runs `f` with the current inputs, the builders' fields the scenario
    // uses and the results, when valid.
    let with_scenario = move |f: &dyn Fn(&crate::core::Inputs, &Parts, &crate::core::Results)| {
        if let (Some(p), Some(r)) = (
            calc.checked.with_untracked(|c| c.parsed.clone()),
            calc.results.get_untracked(),
        ) {
            f(&p.inputs, &part_inputs(&calc.raw_untracked(), &p), &r);
        }
    };
    // The linked scenario's name, else "Current scenario".
    let name =
        move || untrack(|| calc.current_name()).unwrap_or_else(|| "Current scenario".to_owned());
    let report = move |result: Result<(), String>, done: &str| {
        status.set(result.map_or_else(|e| format!("Export failed: {e}"), |()| done.to_owned()));
    };
    let export_json = move |_| {
        with_scenario(&|i, _, r| {
            report(
                download(
                    "ft-roi-scenario.json",
                    "application/json",
                    &to_json_with(
                        calc.fmt.get_untracked(),
                        &name(),
                        &calc.raw_untracked(),
                        i,
                        r,
                        sim.summary_now().as_ref(),
                    ),
                ),
                "Downloaded ft-roi-scenario.json.",
            )
        })
    };
    let export_csv = move |_| {
        with_scenario(&|i, parts, r| {
            report(
                download(
                    "ft-roi-scenario.csv",
                    "text/csv",
                    // The catalogue's model labels, when the scenario names any.
                    &(to_csv_parts(
                        calc.fmt.get_untracked(),
                        &name(),
                        i,
                        parts,
                        r,
                        sim.summary_now().as_ref(),
                    ) + &fill::csv_rows(&calc.raw_untracked())),
                ),
                "Downloaded ft-roi-scenario.csv.",
            )
        })
    };
    let copy_md = move |_| {
        with_scenario(&|i, parts, r| {
            let title =
                untrack(|| calc.current_name()).unwrap_or_else(|| "FT-ROI scenario".to_owned());
            let md = to_markdown_parts(
                calc.fmt.get_untracked(),
                &title,
                i,
                parts,
                r,
                sim.summary_now().as_ref(),
            ) + &fill::markdown_rows(&calc.raw_untracked());
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
