//! The month-by-month schedule table, rendered only while open, and its
//! CSV export.

use leptos::prelude::*;

use crate::app::shell::browser::{download, on_toggle};
use crate::app::shell::state::use_calc;
use crate::core::model::schedule::{schedule, to_csv, Columns, Month};
use crate::core::present::format::Fmt;

/// The schedule card.
#[component]
pub fn ScheduleCard() -> impl IntoView {
    let calc = use_calc();
    let open = RwSignal::new(false);
    // Computed only while the table is open, or once for an export: not on
    // every keystroke behind a closed <details>.
    let rows = move || {
        let p = calc.checked.get().parsed?;
        Some(schedule(&p.inputs, p.inputs.months))
    };
    let export = move |_| {
        if let Some(rows) = untrack(rows) {
            let _ = download("ft-roi-schedule.csv", "text/csv", &to_csv(&rows));
        }
    };
    view! {
        <section class="card schedule" aria-labelledby="schedule-title">
            <h2 id="schedule-title">"Month by month"</h2>
            <p class="muted">"Requests, costs, maintenance, retraining, serving and the running position for each month of the horizon."</p>
            <div class="button-row">
                <button type="button" class="ghost" data-testid="export-schedule-csv" prop:disabled=move || !calc.valid() on:click=export>
                    "Export schedule (CSV)"
                </button>
            </div>
            <details class="as-table" on:toggle=on_toggle(open)>
                <summary>"Show the schedule"</summary>
                <Show when=move || open.get()>
                    <div class="table-scroll tall" tabindex="0" role="region" aria-label="Month-by-month schedule">
                        <p class="scroll-cue" aria-hidden="true">"More columns: scroll sideways →"</p>
                        {move || {
                            let fmt = calc.fmt.get();
                            let rows = rows().unwrap_or_default();
                            // The value of accuracy gets its column when the
                            // scenario has one (as in the CSV), so that each
                            // row's net adds up on screen.
                            let quality = rows.iter().any(|m| m.quality != 0.0);
                            // Serving costs and units of the sides that
                            // pay any, as in the CSV.
                            let serving = Columns::of(&rows);
                            let columns = ["Month", "Requests", "Baseline cost", "Fine-tuned cost", "Maintenance", "Retraining"]
                                .into_iter()
                                .chain(quality.then_some("Value of accuracy"))
                                .chain(serving.baseline_serving.then_some("Baseline serving"))
                                .chain(serving.baseline_units.then_some("Baseline units"))
                                .chain(serving.finetuned_serving.then_some("Fine-tuned serving"))
                                .chain(serving.finetuned_units.then_some("Fine-tuned units"))
                                .chain(["Net", "Cumulative", "Discounted cumulative"]);
                            fn units(fmt: Fmt, u: Option<f64>) -> String {
                                u.map_or_else(|| "n/a".to_owned(), |u| fmt.count(u))
                            }
                            type Cell = (&'static str, fn(Fmt, &Month) -> String);
                            let cells: Vec<Cell> = [
                                (serving.baseline_serving, ("baseline_serving", (|fmt: Fmt, m: &Month| fmt.money(m.baseline_serving)) as fn(Fmt, &Month) -> String)),
                                (serving.baseline_units, ("baseline_units", |fmt: Fmt, m: &Month| units(fmt, m.baseline_units))),
                                (serving.finetuned_serving, ("finetuned_serving", |fmt: Fmt, m: &Month| fmt.money(m.finetuned_serving))),
                                (serving.finetuned_units, ("finetuned_units", |fmt: Fmt, m: &Month| units(fmt, m.finetuned_units))),
                            ]
                            .into_iter()
                            .filter_map(|(shown, cell)| shown.then_some(cell))
                            .collect();
                            view! {
                                <table data-testid="schedule-table">
                                    <thead>
                                        <tr>{columns.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|m: Month| view! {
                                            <tr>
                                                <th scope="row">{m.month}</th>
                                                <td>{fmt.count(m.requests)}</td>
                                                <td>{fmt.money(m.baseline_cost)}</td>
                                                <td>{fmt.money(m.finetuned_cost)}</td>
                                                <td>{fmt.money(m.maintenance)}</td>
                                                <td>{fmt.money(m.retraining)}</td>
                                                {quality.then(|| view! { <td>{fmt.money(m.quality)}</td> })}
                                                {cells.iter().map(|&(col, cell)| view! { <td data-col=col>{cell(fmt, &m)}</td> }).collect_view()}
                                                <td>{fmt.money(m.net)}</td>
                                                <td>{fmt.money(m.cumulative)}</td>
                                                <td>{fmt.money(m.discounted_cumulative)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }
                        }}
                    </div>
                </Show>
            </details>
        </section>
    }
}
