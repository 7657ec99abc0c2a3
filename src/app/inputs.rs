//! The form: six fields that keep what the user typed, with their inline
//! messages, and the reset control.

use leptos::prelude::*;

use super::state::use_calc;
use crate::core::parse::step_text;
use crate::core::Field;

/// The card with every input.
#[component]
pub fn InputsCard() -> impl IntoView {
    let calc = use_calc();
    view! {
        <section class="card inputs" aria-labelledby="inputs-title">
            <div class="card-head">
                <h2 id="inputs-title">"Your scenario"</h2>
                <button type="button" class="ghost" data-testid="reset" on:click=move |_| calc.reset()>
                    "Reset to example"
                </button>
            </div>
            <form class="fields" novalidate on:submit=|ev| ev.prevent_default()>
                {Field::ALL.into_iter().map(|field| view! { <NumberField field/> }).collect_view()}
            </form>
        </section>
    }
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
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        if let Some(next) = step_text(field, &text.get_untracked(), up, ev.shift_key()) {
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
                <span class="unit" aria-hidden="true">{field.unit()}</span>
            </div>
            <p class="hint" id=hint_id>{field.hint()}</p>
            <p class="error" id=error_id data-error=name>
                {move || error.get().map(|e| e.to_string())}
            </p>
        </div>
    }
}
