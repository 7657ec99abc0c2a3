//! The Monte Carlo simulation in the page: run in slices of a
//! few milliseconds between input events, after the deterministic figures
//! are up, and shown in its own card: the chances, the percentiles, the
//! sentence and the distribution chart. Nothing of it exists without a
//! range.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::engine::Engine;
use super::metric::{FitRow, Tile};
pub use super::sim::{Key, Sim};
use crate::app::chart_parts::{use_width, AsTable, ChartExport, Readout};
use crate::app::shell::state::use_calc;
use crate::core::codec::export::range_text;
use crate::core::model::montecarlo::{sentence, SimFigure, Simulation, Summary};
use crate::core::model::uncertainty::RANGED;
use crate::core::present::chart::{distribution, Distribution};
use crate::core::present::float::display;

/// How long one slice of the simulation may hold the main thread, in
/// milliseconds: an input event waits at most this long.
const SLICE_MS: f64 = 6.0;

/// Starts the simulation's state and its runner: whenever the scenario's
/// inputs or ranges change, the running simulation (if any) is dropped and
/// a new one starts in the next task, in slices of [`SLICE_MS`]. The
/// finished figures go to [`Sim::done`]: a job that runs over several
/// tasks, like a timer, is one of the edges where a signal is written.
pub fn provide() -> Sim {
    let calc = use_calc();
    let key = Memo::new(move |_| {
        // Options not read yet would join the draws once read: no run
        // before then, so no figure changes when they arrive.
        if calc.options_pending() {
            return None;
        }
        calc.parsed(|p| {
            let p = p?;
            let ranges = p.ranges.as_ref()?;
            let case = p.case();
            (!ranges.active(case).is_empty()).then_some((case, *ranges))
        })
    });
    let sim = Sim {
        key,
        done: RwSignal::new(None),
        engine_failed: RwSignal::new(false),
    };
    // Each run has a number; a slice of an older run stops.
    let run = StoredValue::new(0u64);
    Effect::new(move |_| {
        sim.engine_failed.track();
        let Some(k) = key.get() else { return };
        let id = run.get_value() + 1;
        run.set_value(id);
        fn slice(
            id: u64,
            run: StoredValue<u64>,
            job: StoredValue<Simulation>,
            k: Key,
            sim: Sim,
            engine: Engine,
        ) {
            if run.try_get_value() != Some(id) {
                return;
            }
            let start = js_sys::Date::now();
            loop {
                let finished = job
                    .try_update_value(|j| (engine.step)(j, 64))
                    .unwrap_or(true);
                if finished {
                    if let Some(summary) = job.try_with_value(engine.summary).flatten() {
                        sim.done.set(Some((k, summary)));
                    }
                    return;
                }
                if js_sys::Date::now() - start >= SLICE_MS {
                    set_timeout(
                        move || slice(id, run, job, k, sim, engine),
                        std::time::Duration::ZERO,
                    );
                    return;
                }
            }
        }
        // The engine comes from its wasm chunk (at once once loaded); the
        // first slice runs in a later task: the deterministic figures go
        // first. A chunk that fails to load leaves the card's message.
        let owner = Owner::current();
        spawn_local(async move {
            let Ok(engine) = super::engine::engine().await else {
                sim.engine_failed.try_set(true);
                return;
            };
            if run.try_get_value() != Some(id) {
                return;
            }
            let Some(job) = (engine.start)(&k.0, &k.1) else {
                return;
            };
            // Owned by this run of the effect, like the rest of it.
            let job = match owner {
                Some(owner) => owner.with(|| StoredValue::new(job)),
                None => StoredValue::new(job),
            };
            set_timeout(
                move || slice(id, run, job, k, sim, engine),
                std::time::Duration::ZERO,
            );
        });
    });
    provide_context(sim);
    sim
}

/// The card: shown while the scenario has a valid range.
#[component]
pub fn UncertaintyCard() -> impl IntoView {
    let sim = expect_context::<Sim>();
    // This card comes from the engine's chunk: it has loaded now.
    if sim.engine_failed.get_untracked() {
        sim.engine_failed.set(false);
    }
    view! {
        <Show when=move || sim.key.with(Option::is_some)>
            <Card sim/>
        </Show>
    }
}

#[component]
fn Card(sim: Sim) -> impl IntoView {
    let calc = use_calc();
    let fresh = Memo::new(move |_| sim.fresh());
    // The last finished run's figures.
    let summary = move |f: &dyn Fn(&Summary) -> Option<String>| {
        sim.done.with(|d| d.as_ref().and_then(|(_, s)| f(s)))
    };
    let text = move || {
        let fmt = calc.fmt.get();
        summary(&|s| Some(sentence(fmt, s)))
    };
    let figures = move || {
        SimFigure::ALL
            .into_iter()
            .map(|figure| {
                let value = Signal::derive(move || sim.done.with(|d| d.as_ref().and_then(|(_, s)| figure.value(s))));
                view! { <Tile name=figure.name() label=figure.label() value format=figure.spec().format undefined=figure.undefined() fit=true/> }
            })
            .collect_view()
    };
    let about = move || {
        let fmt = calc.fmt.get();
        summary(&|s| {
            let ranged: Vec<String> = s
                .ranged
                .iter()
                .filter_map(|(k, _)| {
                    Some(format!("{} {}", RANGED[*k].label, range_text(fmt, s, *k)?))
                })
                .collect();
            Some(format!(
                "{} simulated cases (Latin hypercube sampling, seed {}). Ranged: {}.",
                fmt.count(f64::from(s.draws)),
                s.seed,
                ranged.join("; ")
            ))
        })
    };
    view! {
        <section
            class="card uncertainty"
            aria-labelledby="uncertainty-title"
            data-testid="uncertainty"
            data-state=move || if fresh.get() { "done" } else { "running" }
            aria-busy=move || if fresh.get() { "false" } else { "true" }
        >
            <h2 id="uncertainty-title">"Uncertainty: how likely it pays back"</h2>
            <Show
                when=move || sim.done.with(Option::is_some)
                fallback=|| view! { <p class="muted">"Simulating…"</p> }
            >
                <p class="sentence" data-testid="mc-sentence">{text}</p>
                <FitRow class="metrics sim-metrics">{figures()}</FitRow>
                <DistributionView sim/>
                <p class="fine" data-testid="mc-about">{about}</p>
                <super::sim_options::SimOptions sim/>
            </Show>
            <p class="fine">
                "Each ranged input follows a triangular distribution from its low end through the "
                "scenario's value to its high end. The inputs are independent: each is drawn on its "
                "own, as if none moved with another."
            </p>
        </section>
    }
}

/// The distribution chart, with its readout and table alternative.
#[component]
fn DistributionView(
    /// The simulation's state: its last finished run is drawn.
    sim: Sim,
) -> impl IntoView {
    let calc = use_calc();
    let node = NodeRef::<Div>::new();
    let width = use_width(node);
    let chart = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let width = width.get()?;
        sim.done
            .with(|d| Some(distribution(fmt, &d.as_ref()?.1, width, 280.0)))
    });
    let readout = Readout::new(move || chart.with(|c| c.as_ref().map_or(0, |c| c.bins.len())));
    let table_open = RwSignal::new(false);
    let current = move || readout.current();
    let frame = move || chart.with(|c| c.as_ref().map(|c| c.frame));
    let label = move || chart.with(|c| c.as_ref().map(|c| c.summary.clone()));
    view! {
        <figure class="chart" data-chart="distribution">
            <figcaption>
                <h3>"Net benefit across the simulated cases"</h3>
                <ul class="legend">
                    <li><span class="swatch gain" aria-hidden="true"></span>"Cases by net benefit"</li>
                    <li><span class="swatch loss" aria-hidden="true"></span>"Losses"</li>
                    <li><span class="swatch pct" aria-hidden="true"></span>"P10, median, P90"</li>
                </ul>
            </figcaption>
            <div node_ref=node class="chart-width"></div>
            <Show when=move || chart.with(Option::is_some)>
                <div
                    class="plot"
                    tabindex="0"
                    role="group"
                    aria-label="Net benefit across the simulated cases. Use the arrow keys to read the bars."
                    on:keydown=readout.on_key()
                    on:blur=readout.clear()
                >
                    <svg
                        role="img"
                        aria-label=label
                        viewBox=move || frame().map(|f| format!("0 0 {} {}", display(f.width), display(f.height)))
                        width=move || frame().map(|f| display(f.width))
                        height=move || frame().map(|f| display(f.height))
                        on:mousemove=readout.on_pointer(chart)
                        on:mouseleave=readout.clear()
                    >
                        <g inner_html=move || chart.with(|c| c.as_ref().map(Distribution::svg))></g>
                        {move || current().and_then(|k| chart.with(|c| c.as_ref().map(|c| {
                            let b = &c.bins[k];
                            view! { <rect class="focus-bin" x=display(b.x) y=display(c.frame.top) width=display(b.w) height=display(c.frame.bottom - c.frame.top)/> }
                        })))}
                    </svg>
                </div>
                <p class="readout" aria-live="polite" data-readout="distribution">
                    {move || {
                        current()
                            .and_then(|k| chart.with(|c| c.as_ref().and_then(|c| c.describe(k))))
                            .unwrap_or_else(|| "Hover or use the arrow keys for the cases in each bar.".to_owned())
                    }}
                </p>
                <p class="sr-summary">{label}</p>
                <AsTable
                    open=table_open
                    name="distribution"
                    what="Net benefit across the simulated cases"
                    tall=true
                    table=Signal::derive(move || chart.with(|c| c.as_ref().map(Distribution::table)))
                />
                <ChartExport/>
            </Show>
        </figure>
    }
}
