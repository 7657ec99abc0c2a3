//! Side-by-side comparison of two to four scenarios (saved ones and the
//! current one), with the best value per figure highlighted.

use leptos::prelude::*;

use crate::app::shell::browser::download;
use crate::app::shell::state::use_calc;
use crate::core::model::montecarlo::{simulate_scenario, Summary};
use crate::core::present::compare::{compare_with, Simulated, Table};
use crate::core::present::format::raw;
use crate::core::RawInputs;

/// Most scenarios compared at once.
const MAX_COLUMNS: usize = 4;

/// The comparison card.
#[component]
pub fn CompareCard() -> impl IntoView {
    let calc = use_calc();
    let sim = expect_context::<crate::app::results::simulation::Sim>();
    // The simulations of saved scenarios, by their field texts, newest first.
    let saved_sims = StoredValue::new(Vec::<(RawInputs, Option<Summary>)>::new());
    // Picked scenarios in the order picked: "current" or a saved id.
    let picked = RwSignal::new(Vec::<String>::new());
    // A memo: the checkboxes are redrawn only when the choices change.
    // The current scenario, by the name of the saved one it is linked to.
    let current = move || {
        calc.current_name().map_or_else(
            || "Current scenario".to_owned(),
            |n| format!("{n} (current)"),
        )
    };
    let options = Memo::new(move |_| {
        let mut o = vec![("current".to_owned(), current())];
        calc.library.with(|l| {
            o.extend(
                l.scenarios
                    .iter()
                    .map(|s| (s.id.to_string(), s.name.clone())),
            )
        });
        o
    });
    let table = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        // Each column with whether it is the current scenario.
        let picks: Vec<(bool, String, RawInputs)> = picked
            .get()
            .iter()
            .filter_map(|key| {
                if key == "current" {
                    let (name, raw) = (current(), calc.raw());
                    return Some((true, name, raw));
                }
                let id = key.parse().ok()?;
                calc.library
                    .with(|l| l.get(id).map(|s| (false, s.name.clone(), s.raw.clone())))
            })
            .collect();
        if picks.len() < 2 {
            return None;
        }
        // each column's simulation. The current scenario's comes
        // from the page's runner (its cells wait while it runs, so typing
        // never waits for it); a saved one's is run once and kept.
        let sims: Vec<Simulated> = picks
            .iter()
            .map(|(current, _, raw)| {
                if *current {
                    return match (sim.key.get(), sim.fresh()) {
                        (None, _) => Simulated::NoRange,
                        (Some(_), false) => Simulated::Running,
                        (Some(_), true) => sim.done.with(|d| {
                            d.as_ref().map_or(Simulated::Running, |(_, s)| {
                                Simulated::Done(Box::new(s.clone()))
                            })
                        }),
                    };
                }
                let cached = saved_sims
                    .with_value(|c| c.iter().find(|(r, _)| r == raw).map(|(_, s)| s.clone()));
                let s = cached.unwrap_or_else(|| {
                    let s = simulate_scenario(raw);
                    saved_sims.update_value(|c| {
                        c.truncate(7);
                        c.insert(0, (raw.clone(), s.clone()));
                    });
                    s
                });
                s.map_or(Simulated::NoRange, |s| Simulated::Done(Box::new(s)))
            })
            .collect();
        let columns: Vec<(String, RawInputs)> = picks
            .into_iter()
            .map(|(_, name, raw)| (name, raw))
            .collect();
        Some(compare_with(fmt, &columns, &sims))
    });
    let export = move |_| {
        if let Some(t) = table.get_untracked() {
            let _ = download("ft-roi-comparison.csv", "text/csv", &t.to_csv());
        }
    };
    view! {
        <section class="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare scenarios"</h2>
            <p class="muted">"Pick two to four. The best value of each figure is highlighted; smaller lines show the difference to the first column."</p>
            <fieldset class="picks">
                <legend class="sr-only">"Scenarios to compare"</legend>
                {move || options.get().into_iter().map(|(key, label)| {
                    let k = key.clone();
                    let checked = move || picked.with(|p| p.contains(&k));
                    let k = key.clone();
                    let full = move || picked.with(|p| p.len() >= MAX_COLUMNS && !p.contains(&k));
                    let k = key.clone();
                    view! {
                        <label class="pick">
                            <input
                                type="checkbox"
                                data-compare=key
                                prop:checked=checked
                                prop:disabled=full
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    picked.update(|p| {
                                        p.retain(|x| *x != k);
                                        if on && p.len() < MAX_COLUMNS {
                                            p.push(k.clone());
                                        }
                                    });
                                }
                            />
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            {move || match table.get() {
                Some(t) => view! {
                    <CompareTable table=t/>
                    <button type="button" class="ghost" data-testid="export-compare-csv" on:click=export>
                        "Export comparison (CSV)"
                    </button>
                }
                .into_any(),
                None => view! { <p class="muted small">"Save a scenario, then pick it here with the current one."</p> }.into_any(),
            }}
        </section>
    }
}

/// The comparison table itself.
#[component]
fn CompareTable(
    /// What to show.
    table: Table,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Comparison table">
            <p class="scroll-cue" aria-hidden="true">"More columns: scroll sideways →"</p>
            <table data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        {table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table
                        .rows
                        .into_iter()
                        .map(|row| view! {
                            <tr data-row=row.key class:metric-row=row.is_metric>
                                <th scope="row">{row.label}</th>
                                {row
                                    .cells
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, c)| view! {
                                        <td data-col=i.to_string() data-value=raw(c.value) data-best=c.best.to_string() class:best=c.best>
                                            <span>{c.text}</span>
                                            {c.diff.map(|d| view! { <span class="diff" data-diff="">{d}</span> })}
                                        </td>
                                    })
                                    .collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
