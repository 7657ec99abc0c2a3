//! The field widgets every form part uses: a number field (label, unit,
//! hint, inline message, arrow-key steps) and a choice field (a radio group
//! styled as a segmented control). Both bind to the field's raw text.

use leptos::prelude::*;

use crate::app::shell::state::use_calc;
use crate::core::inputs::field::{option_label, Kind, PriceUnit};
use crate::core::inputs::parse::{step_text, DecimalMark};
use crate::core::Field;

/// A choice field as a group of radio buttons, styled as a segmented
/// control; arrow keys move between options as in any radio group.
#[component]
pub fn ChoiceField(
    /// Which input this is.
    field: Field,
    /// Called with the option chosen instead of setting the field's text.
    #[prop(optional)]
    on_set: Option<Callback<&'static str>>,
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
                                    on:change=move |_| match on_set {
                                        Some(set) => set.run(option),
                                        None => text.set(option.to_owned()),
                                    }
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
    /// Called with the new text instead of setting the field's text (typed
    /// or stepped: GPUs per unit refill the unit price).
    #[prop(optional)]
    on_set: Option<Callback<String>>,
) -> impl IntoView {
    let calc = use_calc();
    let text = calc.field(field);
    let set = move |t: String| match on_set {
        Some(set) => set.run(t),
        None => text.set(t),
    };
    let error = Memo::new(move |_| calc.error(field));
    let name = field.name();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // The catalogue's note describes the field too when present.
    let described = format!("{hint_id} {id}-source {error_id}");
    let fill = crate::app::catalogue::field_fill(field);
    let gap = crate::app::catalogue::field_gap(field);
    let term = crate::app::catalogue::field_term(field);
    // Token prices follow the price unit switch.
    let unit = move || {
        let unit = if field.unit() == "$ / unit" {
            if calc.is(Field::PriceUnit, PriceUnit::Thousand) {
                "$ / 1K tokens"
            } else {
                "$ / 1M tokens"
            }
        } else {
            field.unit()
        };
        // Units follow the display currency's symbol.
        let symbol = calc.fmt.get().symbol();
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
            set(next);
        }
    };
    view! {
        <div
            class="field"
            class:invalid=move || error.get().is_some()
            data-catalogue=move || match fill.get() {
                Some((_, changed)) => Some(if changed { "changed" } else { "filled" }),
                None => gap
                    .get()
                    .map(|_| "unlisted")
                    .or_else(|| term.get().map(|t| t.why.mark())),
            }
        >
            <label for=id.clone()>{field.label()}</label>
            <div class="control">
                <input
                    id=id
                    name=name
                    type="text"
                    inputmode=if matches!(field.kind(), Kind::YearMonth) { "text" } else if field == Field::Months || matches!(field.kind(), Kind::Whole(_)) { "numeric" } else { "decimal" }
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input=move |ev| set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
                <span class="unit" aria-hidden="true">{unit}</span>
            </div>
            <p class="hint" id=hint_id>{field.hint()}</p>
            <crate::app::catalogue::FillNote field fill gap term/>
            <p class="error" id=error_id data-error=name>
                {move || error.get().map(|e| e.to_string())}
            </p>
        </div>
    }
}
