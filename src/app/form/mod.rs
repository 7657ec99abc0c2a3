//! The form: presets, the core inputs, and the three sections that can be
//! entered directly or built from their parts. Fields keep what the user
//! typed, with their inline messages.

pub(crate) mod builders;
// issue 29: training priced by GPU time (in the builders' chunk).
pub(crate) mod gpu;
pub(crate) mod ranges;
pub(crate) mod widgets;

use leptos::prelude::*;

use super::shell::split::{lazy, prefetch, Card};
use super::shell::state::use_calc;
use crate::app::form::builders::ServingFields;
use crate::app::form::widgets::{ChoiceField, NumberField};
use crate::core::inputs::field::{CostMode, EntryMode, Kind};
use crate::core::inputs::presets::PRESETS;
use crate::core::Field;

/// The card with every input.
#[component]
pub fn InputsCard() -> impl IntoView {
    let calc = use_calc();
    let mode = move |field: Field, option: EntryMode| move || calc.is(field, option);
    let costs = move |option: CostMode| move || calc.is(Field::CostMode, option);
    let growth_open = calc
        .field(Field::Growth)
        .with_untracked(|t| t.trim() != "0")
        || calc
            .field(Field::Discount)
            .with_untracked(|t| t.trim() != "0");
    let accuracy_open = calc
        .field(Field::AccuracyGain)
        .with_untracked(|t| t.trim() != "0");
    // The data section's view comes from its chunk once the section opens;
    // the pointer on its summary, its focus or a file dragged over the page
    // fetch it before.
    let data_open = RwSignal::new(false);
    let data_soon = move || prefetch(super::cards::DATA);
    let drag = window_event_listener(leptos::ev::dragenter, move |ev| {
        // Files only: not a selection of text dragged about.
        let files = ev
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if files {
            data_soon();
        }
    });
    on_cleanup(move || drag.remove());
    view! {
        <section class="card inputs" aria-labelledby="inputs-title">
            <div class="card-head">
                <h2 id="inputs-title">"Your scenario"</h2>
                <button type="button" class="ghost" data-testid="reset" on:click=move |_| calc.reset()>
                    "Reset to example"
                </button>
            </div>
            // the name of the saved scenario being worked on.
            <super::scenarios::CurrentName/>
            <Presets/>
            <DisplayControls/>
            <form class="form" novalidate on:submit=|ev| ev.prevent_default()>
                <div class="fields">
                    <NumberField field=Field::Requests/>
                    <NumberField field=Field::Months/>
                </div>
                <Section field=Field::CostMode builder=super::cards::REQUEST_COSTS>
                    // The price catalogue in either cost mode, its bar as it
                    // will look until its chunk has come; where the chunk
                    // fails, the builder's message says so.
                    {super::shell::split::lazy_quiet(
                        super::catalogue::cards::CATALOGUE,
                        Some(super::catalogue::bar_stand_in),
                    )}
                    <Show when=costs(CostMode::Direct)>
                        <div class="fields">
                            <NumberField field=Field::Baseline/>
                            <NumberField field=Field::Finetuned/>
                        </div>
                    </Show>
                    <Show when=costs(CostMode::Tokens)>
                        {lazy(super::cards::REQUEST_COSTS)}
                    </Show>
                    // Serving costs, in either cost mode.
                    <ServingFields/>
                </Section>
                <Section field=Field::TrainingMode builder=super::cards::INVESTMENT>
                    <Show when=mode(Field::TrainingMode, EntryMode::Direct)>
                        <div class="fields">
                            <NumberField field=Field::Training/>
                        </div>
                    </Show>
                    <Show when=mode(Field::TrainingMode, EntryMode::Itemized)>
                        {lazy(super::cards::INVESTMENT)}
                    </Show>
                </Section>
                <details class="section optional" data-testid="data-section" on:toggle=move |ev| {
                    if is_open(&ev) {
                        data_open.set(true);
                    }
                }>
                    <summary on:pointerenter=move |_| data_soon() on:focus=move |_| data_soon()>"From your data (optional)"</summary>
                    // Issue 30: the section's view is a chunk fetched once the section
                    // opens (issue 32); its reader comes with the first file.
                    {move || data_open.get().then(|| lazy(super::cards::DATA))}
                </details>
                <Section field=Field::MaintenanceMode builder=super::cards::OPERATIONS>
                    <Show when=mode(Field::MaintenanceMode, EntryMode::Direct)>
                        <div class="fields">
                            <NumberField field=Field::Maintenance/>
                        </div>
                    </Show>
                    <Show when=mode(Field::MaintenanceMode, EntryMode::Itemized)>
                        {lazy(super::cards::OPERATIONS)}
                    </Show>
                </Section>
                <details class="section optional" open=growth_open>
                    <summary>"Growth and discounting (optional)"</summary>
                    <p class="hint">"With growth, break-even and net benefit come from the month-by-month schedule; the discount rate gives the net present value."</p>
                    // Closed, its fields are built after the first paint.
                    {super::shell::split::after_paint(growth_open, || view! {
                        <div class="fields">
                            <NumberField field=Field::Growth/>
                            <NumberField field=Field::Discount/>
                        </div>
                    }.into_any())}
                </details>
                <details class="section optional" open=accuracy_open>
                    <summary>"Value of accuracy (optional)"</summary>
                    <p class="hint">"Fewer errors are worth money too; this is added to monthly savings and shown apart from them."</p>
                    {super::shell::split::after_paint(accuracy_open, || view! {
                        <div class="fields">
                            <NumberField field=Field::AccuracyGain/>
                            <NumberField field=Field::ErrorValue/>
                        </div>
                    }.into_any())}
                </details>
                <crate::app::form::ranges::RangesSection/>
            </form>
            <super::results::summary::ResultsPeek/>
        </section>
    }
}

/// The preset buttons.
#[component]
fn Presets() -> impl IntoView {
    let calc = use_calc();
    view! {
        <div class="presets" role="group" aria-label="Example scenarios">
            <span class="presets-label">"Examples:"</span>
            {PRESETS
                .iter()
                .map(|p| {
                    view! {
                        <button type="button" class="chip" data-preset=p.id title=p.description on:click=move |_| calc.start_new(p.raw())>
                            {p.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The display currency and number locale. They change how figures are
/// written, never the figures: no exchange rate is implied.
#[component]
fn DisplayControls() -> impl IntoView {
    let select = |field: Field, labels: fn(&str) -> String| {
        let calc = use_calc();
        let text = calc.field(field);
        let Kind::Choice(options) = field.kind() else {
            return ().into_any();
        };
        let id = format!("field-{}", field.name());
        let label_for = id.clone();
        view! {
            <label class="display-field" for=label_for>
                <span>{field.label()}</span>
                <select id=id name=field.name() title=field.hint() on:change=move |ev| text.set(event_target_value(&ev))>
                    {options.iter().map(|&o| view! { <option value=o selected=move || text.with(|t| t.trim() == o)>{labels(o)}</option> }).collect_view()}
                </select>
            </label>
        }
        .into_any()
    };
    view! {
        <div class="display-controls">
            {select(Field::Currency, |code| {
                let name = match code {
                    "USD" => "US dollar",
                    "EUR" => "Euro",
                    "GBP" => "Pound sterling",
                    "JPY" => "Japanese yen",
                    "INR" => "Indian rupee",
                    "CNY" => "Chinese yuan",
                    "CAD" => "Canadian dollar",
                    _ => "Australian dollar",
                };
                format!("{code} · {name}")
            })}
            {select(Field::Locale, |tag| tag.to_owned())}
        </div>
    }
}

/// Whether the `<details>` a `toggle` event came from is open.
fn is_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// A section of the form whose values are entered directly or built from
/// parts, switched by the choice field `field`.
#[component]
fn Section(
    /// The mode field (`cost_mode`, `training_mode`, `maintenance_mode`).
    field: Field,
    /// The builder the section switches to: its chunk is fetched when the
    /// pointer comes over the choice or the choice gets the focus (intent),
    /// before it is picked.
    builder: Card,
    /// The section's fields, for each mode.
    children: Children,
) -> impl IntoView {
    // Only the choice's own events: not those of the fields below it.
    let soon = move |target: Option<web_sys::EventTarget>| {
        use wasm_bindgen::JsCast;
        let on_choice = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("fieldset.choice").ok().flatten())
            .is_some_and(|c| {
                c.parent_element()
                    .is_some_and(|p| p.class_list().contains("section"))
            });
        if on_choice {
            prefetch(builder);
        }
    };
    view! {
        <div class="section" on:pointerover=move |ev| soon(ev.target()) on:focusin=move |ev| soon(ev.target())>
            <ChoiceField field/>
            {children()}
        </div>
    }
}
