//! The form: presets, the core inputs, and the three sections that can be
//! entered directly or built from their parts. Fields keep what the user
//! typed, with their inline messages.

use leptos::prelude::*;

use super::builders::{InvestmentBuilder, OperationsBuilder, RequestCostBuilder};
use super::state::use_calc;
use crate::core::field::Kind;
use crate::core::parse::{step_text, DecimalMark};
use crate::core::presets::PRESETS;
use crate::core::Field;

/// The card with every input.
#[component]
pub fn InputsCard() -> impl IntoView {
    let calc = use_calc();
    let mode = move |field: Field, option: &'static str| {
        move || calc.field(field).with(|t| t.trim() == option)
    };
    view! {
        <section class="card inputs" aria-labelledby="inputs-title">
            <div class="card-head">
                <h2 id="inputs-title">"Your scenario"</h2>
                <button type="button" class="ghost" data-testid="reset" on:click=move |_| calc.reset()>
                    "Reset to example"
                </button>
            </div>
            <Presets/>
            <DisplayControls/>
            <form class="form" novalidate on:submit=|ev| ev.prevent_default()>
                <div class="fields">
                    <NumberField field=Field::Requests/>
                    <NumberField field=Field::Months/>
                </div>
                <Section field=Field::CostMode>
                    <Show when=mode(Field::CostMode, "direct")>
                        <div class="fields">
                            <NumberField field=Field::Baseline/>
                            <NumberField field=Field::Finetuned/>
                        </div>
                    </Show>
                    <Show when=mode(Field::CostMode, "tokens")>
                        <RequestCostBuilder/>
                    </Show>
                </Section>
                <Section field=Field::TrainingMode>
                    <Show when=mode(Field::TrainingMode, "direct")>
                        <div class="fields">
                            <NumberField field=Field::Training/>
                        </div>
                    </Show>
                    <Show when=mode(Field::TrainingMode, "itemized")>
                        <InvestmentBuilder/>
                    </Show>
                </Section>
                <Section field=Field::MaintenanceMode>
                    <Show when=mode(Field::MaintenanceMode, "direct")>
                        <div class="fields">
                            <NumberField field=Field::Maintenance/>
                        </div>
                    </Show>
                    <Show when=mode(Field::MaintenanceMode, "itemized")>
                        <OperationsBuilder/>
                    </Show>
                </Section>
                <details class="section optional" open={calc.field(Field::Growth).with_untracked(|t| t.trim() != "0") || calc.field(Field::Discount).with_untracked(|t| t.trim() != "0")}>
                    <summary>"Growth and discounting (optional)"</summary>
                    <p class="hint">"With growth, break-even and net benefit come from the month-by-month schedule; the discount rate gives the net present value."</p>
                    <div class="fields">
                        <NumberField field=Field::Growth/>
                        <NumberField field=Field::Discount/>
                    </div>
                </details>
                <details class="section optional" open=calc.field(Field::AccuracyGain).with_untracked(|t| t.trim() != "0")>
                    <summary>"Value of accuracy (optional)"</summary>
                    <p class="hint">"Fewer errors are worth money too; this is added to monthly savings and shown apart from them."</p>
                    <div class="fields">
                        <NumberField field=Field::AccuracyGain/>
                        <NumberField field=Field::ErrorValue/>
                    </div>
                </details>
            </form>
            <super::summary::ResultsPeek/>
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
                        <button type="button" class="chip" data-preset=p.id title=p.description on:click=move |_| calc.set_raw(p.raw())>
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

/// A section of the form whose values are entered directly or built from
/// parts, switched by the choice field `field`.
#[component]
fn Section(
    /// The mode field (`cost_mode`, `training_mode`, `maintenance_mode`).
    field: Field,
    /// The section's fields, for each mode.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="section">
            <ChoiceField field/>
            {children()}
        </div>
    }
}

/// What people read for each option of a choice field.
fn option_label(option: &str) -> &'static str {
    match option {
        "direct" => "Direct entry",
        "tokens" => "From tokens",
        "itemized" => "Itemized",
        "1m" => "1M tokens",
        "1k" => "1K tokens",
        "flat" => "Flat amount",
        _ => "By training tokens",
    }
}

/// A choice field as a group of radio buttons, styled as a segmented
/// control; arrow keys move between options as in any radio group.
#[component]
pub fn ChoiceField(
    /// Which input this is.
    field: Field,
) -> impl IntoView {
    let calc = use_calc();
    let text = calc.field(field);
    let Kind::Choice(options) = field.kind() else {
        return ().into_any();
    };
    let error = Memo::new(move |_| calc.error(field));
    let name = field.name();
    view! {
        <fieldset class="choice" aria-describedby=format!("field-{name}-hint")>
            <legend>{field.label()}</legend>
            <div class="segmented">
                {options
                    .iter()
                    .map(|&option| {
                        view! {
                            <label class="segment">
                                <input
                                    type="radio"
                                    name=name
                                    value=option
                                    prop:checked=move || text.with(|t| t.trim() == option)
                                    on:change=move |_| text.set(option.to_owned())
                                />
                                <span>{option_label(option)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="hint" id=format!("field-{name}-hint")>{field.hint()}</p>
            <p class="error" data-error=name>{move || error.get().map(|e| format!("{e} (was “{}”)", text.get()))}</p>
        </fieldset>
    }
    .into_any()
}

/// One numeric field: label, unit, hint and, when the text is invalid, its
/// message. Arrow keys step the value (Shift for ten steps).
#[component]
pub fn NumberField(
    /// Which input this is.
    field: Field,
) -> impl IntoView {
    let calc = use_calc();
    let text = calc.field(field);
    let error = Memo::new(move |_| calc.error(field));
    let name = field.name();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = format!("{hint_id} {error_id}");
    // Token prices follow the price unit switch.
    let price_unit = calc.field(Field::PriceUnit);
    let unit = move || {
        let unit = if field.unit() == "$ / unit" {
            if price_unit.with(|u| u.trim() == "1k") {
                "$ / 1K tokens"
            } else {
                "$ / 1M tokens"
            }
        } else {
            field.unit()
        };
        // Units follow the display currency's symbol.
        let symbol = crate::core::format::CURRENCIES[calc.display.get().currency.min(7)].1;
        unit.replace('$', symbol)
    };
    let locale = calc.field(Field::Locale);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        // Read and written in the scenario's number format, as it validates.
        let mark = locale.with_untracked(|l| DecimalMark::of_locale(l));
        if let Some(next) = step_text(field, &text.get_untracked(), up, ev.shift_key(), mark) {
            ev.prevent_default();
            text.set(next);
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{field.label()}</label>
            <div class="control">
                <input
                    id=id
                    name=name
                    type="text"
                    inputmode=if field == Field::Months { "numeric" } else { "decimal" }
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
                <span class="unit" aria-hidden="true">{unit}</span>
            </div>
            <p class="hint" id=hint_id>{field.hint()}</p>
            <p class="error" id=error_id data-error=name>
                {move || error.get().map(|e| e.to_string())}
            </p>
        </div>
    }
}
