//! The summary card: the status banner and the headline figures, or, while
//! a field is invalid, which fields to fix.

use leptos::prelude::*;

use super::metric::{FitRow, Metric};
use super::simulation::Sim;
use crate::app::shell::state::use_calc;
use crate::core::model::montecarlo::{SimFigure, Summary};
use crate::core::present::figure::Figure;
use crate::core::present::format::{raw, Fmt};
use crate::core::present::summary::{
    half_chars, horizon_note, month_note, recovery_note, second_row, status_icon, status_text, HERO,
};

/// The results card.
#[component]
pub fn SummaryCard() -> impl IntoView {
    let calc = use_calc();
    let valid = move || calc.results.with(Option::is_some);
    view! {
        <section class="card summary" aria-labelledby="summary-title">
            <div class="card-head">
                <h2 id="summary-title">"Fine-tuning ROI estimate"</h2>
                <p class="sub">"Savings, payback, and projected return"</p>
            </div>
            <div aria-live="polite" data-testid="results">
                <Show when=valid fallback=|| view! { <FixFields/> }>
                    <Figures/>
                </Show>
            </div>
            <crate::app::scenarios::share::ShareLink/>
        </section>
    }
}

/// The banner and figures of a valid scenario.
#[component]
fn Figures() -> impl IntoView {
    let calc = use_calc();
    let status = move || calc.results.with(|r| r.map(|r| r.status));
    let horizon = Signal::derive(move || calc.parsed(|p| p.map_or(0, |p| p.inputs.months)));
    let banner = move || {
        let fmt = calc.fmt.get();
        calc.results
            .with(|r| r.as_ref().map(|r| status_text(fmt, r, horizon.get())))
    };
    let horizon_note = Signal::derive(move || horizon_note(horizon.get()));
    // Serving makes part of the saving a monthly amount: the cards show it
    // per request, and count it in training recovery.
    let serving = move || calc.results.with(|r| r.as_ref().is_some_and(|r| r.serving));
    let growing = move || calc.parsed(|p| p.is_some_and(|p| p.inputs.growth != 0.0));
    let month_note = Signal::derive(move || month_note(growing()).to_owned());
    let recovery_note = move || recovery_note(serving());
    let [net_benefit, roi, break_even] = HERO;
    let [savings, _, _] = second_row(false);
    let [serving_savings, monthly, recovery] = second_row(true);
    view! {
        <div
            class="status"
            data-metric="status"
            data-value=move || status().map_or("", |s| s.name())
            role="status"
        >
            <span class="status-icon" aria-hidden="true">
                {move || status().map(status_icon)}
            </span>
            <div>
                <p class="status-head">{move || banner().map(|b| b.0)}</p>
                <p class="status-text">{move || banner().map(|b| b.1)}</p>
            </div>
        </div>
        <FitRow class="metrics hero-metrics">
            <Metric figure=net_benefit note=horizon_note class="hero" fit=true/>
            <Metric figure=roi class="hero" fit=true/>
            <Metric figure=break_even class="hero" fit=true/>
        </FitRow>
        <FitRow class="metrics">
            <Show
                when=serving
                fallback=move || view! { <Metric figure=savings fit=true/> }
            >
                <Metric figure=serving_savings fit=true/>
            </Show>
            <Metric figure=monthly note=month_note fit=true/>
            <Metric figure=recovery fit=true/>
        </FitRow>
        <SimulationHeadline/>
        <p class="fine">
            <span data-metric="horizon_months" data-value=move || horizon.get().to_string()>
                {horizon_note}
            </span>
            {recovery_note}
        </p>
    }
}

/// The simulation's chance of paying back and median net benefit, once it
/// has run, from its state in context: the engine stays in its
/// wasm chunk. Dimmed while a newer run is under way; a link down to the
/// simulation's card.
#[component]
fn SimulationHeadline() -> impl IntoView {
    let calc = use_calc();
    let Some(sim) = use_context::<Sim>() else {
        return ().into_any();
    };
    let shown = move || sim.key.with(Option::is_some) && sim.done.with(Option::is_some);
    let fresh = Memo::new(move |_| sim.fresh());
    // A figure of the simulation under a shorter label than its table's.
    let figure =
        move |figure: SimFigure, label: &'static str, note: fn(Fmt, &Summary) -> String| {
            let value = move || {
                sim.done
                    .with(|d| d.as_ref().and_then(|(_, s)| figure.value(s)))
            };
            let text = Memo::new(move |_| {
                let fmt = calc.fmt.get();
                value().map(|v| figure.write(fmt, v)).unwrap_or_default()
            });
            let note = move || {
                let fmt = calc.fmt.get();
                sim.done.with(|d| d.as_ref().map(|(_, s)| note(fmt, s)))
            };
            view! {
                <div class="metric">
                    <dt>{label}</dt>
                    <dd
                        data-sim=figure.name()
                        data-value=move || raw(value())
                        style:--half-chars=move || text.with(|t| half_chars(t).to_string())
                    >
                        {text}
                    </dd>
                    <dd class="note">{note}</dd>
                </div>
            }
        };
    view! {
        <Show when=shown>
            <div
                class="sim-headline"
                data-testid="summary-simulation"
                data-state=move || if fresh.get() { "done" } else { "running" }
                aria-busy=move || if fresh.get() { "false" } else { "true" }
            >
                <dl class="metrics">
                    {figure(SimFigure::ProbPaybackInHorizon, "Chance of paying back", |_, s| {
                        format!("within {} months, simulated", s.months)
                    })}
                    {figure(SimFigure::NetBenefitP50, "Median net benefit", |fmt, s| {
                        format!("of {} simulated cases", fmt.count(f64::from(s.draws)))
                    })}
                </dl>
                <p class="fine"><a href="#uncertainty-title">"The simulation and its distribution ↓"</a></p>
            </div>
        </Show>
    }
    .into_any()
}

/// What to fix before figures can be shown: no stale or invalid figure is
/// ever displayed.
#[component]
fn FixFields() -> impl IntoView {
    let calc = use_calc();
    let errors = move || {
        calc.checked
            .with(|c| c.blocking().map(|e| e.as_slice().to_vec()))
            .unwrap_or_default()
    };
    view! {
        <div class="fix" data-testid="fix-fields">
            <p class="status-head">"Check the highlighted fields"</p>
            <p>"Results appear as soon as every field holds a valid value."</p>
            <ul>
                {move || {
                    errors()
                        .into_iter()
                        .map(|(field, error)| {
                            view! {
                                <li>
                                    <a href=format!("#field-{}", field.name())>{field.label()}</a>
                                    ": "
                                    {error.to_string()}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// On a one-column (phone) layout the results come after the long form:
/// once the user edits a field, this bar sticks to the bottom of the screen
/// while the form is in view, shows the three headline figures as they
/// change, and jumps to the results. It ends with the form, right above the
/// results card, so it never covers them; before the first edit it covers
/// nothing at all. Hidden on wide layouts (CSS), where the results sit
/// beside the form.
#[component]
pub fn ResultsPeek() -> impl IntoView {
    let calc = use_calc();
    // Derived, not written: false on the first run, true from the first
    // change of any field on (the memo reruns only when a field changes).
    let edited = Memo::new(move |before: Option<&bool>| {
        calc.fields.iter().for_each(|f| f.track());
        before.is_some()
    });
    // The bar can appear over the field being typed in (the first edit shows
    // it) and a message can appear under that field: once the page has
    // drawn, scroll the focused field with its message clear of the bar.
    // Focus and caret stay put. Only when the bar or a message comes or
    // goes, not on every keystroke.
    let bar = NodeRef::<leptos::html::A>::new();
    let messages = Memo::new(move |_| calc.checked.with(|c| c.blocking().cloned()));
    Effect::new(move |_| {
        messages.track();
        if edited.get() {
            request_animation_frame(move || reveal_focused_field(bar));
        }
    });
    // Once a simulation has run, its chance of paying back and median net
    // benefit follow, dimmed while a newer run is under way.
    let sim = use_context::<Sim>();
    let simulated = move |fmt: Fmt| {
        let sim = sim?;
        if sim.key.with(Option::is_none) {
            return None;
        }
        let fresh = sim.fresh();
        sim.done.with(|d| {
            d.as_ref().map(|(_, s)| {
                (
                    fresh,
                    fmt.percent(s.prob_payback_in_horizon),
                    fmt.money(s.net_benefit_p50),
                )
            })
        })
    };
    let figures = move || {
        let fmt = calc.fmt.get();
        calc.results.with(|r| {
            let Some(r) = r else {
                return view! { <span>"Check the highlighted fields"</span> }.into_any();
            };
            let mut figures: Vec<(&str, String, bool)> = [
                ("Net benefit", Figure::NetBenefit),
                ("ROI", Figure::RoiPercent),
                ("Break-even", Figure::BreakEvenMonths),
            ]
            .into_iter()
            .map(|(label, figure)| (label, figure.text(fmt, r), false))
            .collect();
            if let Some((fresh, chance, median)) = simulated(fmt) {
                figures.push(("Payback chance", chance, !fresh));
                figures.push(("Median", median, !fresh));
            }
            figures
                .into_iter()
                .map(|(label, text, stale)| {
                    // Lines break between figures and after a label, never
                    // inside a value.
                    view! { <span class="peek-figure" class:stale=stale>{label}" "<span class="peek-value">{text}</span></span> }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <a node_ref=bar class="peek" class:shown=edited href="#summary-title" data-testid="results-peek">
            <span class="peek-figures">{figures}</span>
            <span class="peek-go">"Results ↓"</span>
        </a>
    }
}

/// Scrolls the field that has focus, its message included, just far enough
/// to end at the results bar's top, when the bar is shown and covers it.
/// Measured against the bar itself, not a fixed padding: the next field then
/// starts under the bar instead of showing a sliver above it.
fn reveal_focused_field(bar: NodeRef<leptos::html::A>) {
    let Some(bar) = bar.get_untracked() else {
        return;
    };
    // Hidden (a wide layout, or no edit yet): nothing is covered.
    if bar.offset_height() == 0 {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(field) = window
        .document()
        .and_then(|d| d.active_element())
        .and_then(|el| el.closest(".field, .choice").ok().flatten())
    else {
        return;
    };
    let field = field.get_bounding_client_rect();
    // Never past the field's own top, should it be taller than the room.
    let by = (field.bottom() - bar.get_bounding_client_rect().top()).min(field.top());
    if by > 0.0 {
        window.scroll_by_with_x_and_y(0.0, by);
    }
}
