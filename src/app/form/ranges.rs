//! The form's "Ranges" section: a low and a high end beside
//! each estimate that can carry a range, the simulation's cases and seed,
//! and a summary of which inputs carry one. Collapsed until used.

use leptos::prelude::*;

use super::widgets::NumberField;
use crate::app::shell::state::use_calc;
use crate::core::codec::export::input_text;
use crate::core::inputs::option_fields::Term;
use crate::core::inputs::parse::{step_text, DecimalMark};
use crate::core::model::uncertainty::{fields, option_of, Ends, Ranged, RANGED};
use crate::core::Field;

/// The section.
#[component]
pub fn RangesSection() -> impl IntoView {
    let calc = use_calc();
    // Open from the start when a range or a setting is already there.
    let used = fields().any(|f| calc.field(f).with_untracked(|t| t.trim() != f.example()));
    let summary = move || {
        calc.parsed(|p| match p {
            Some(p) => match &p.ranges {
                Some(r) => {
                    let names: Vec<String> = r
                        .active(p.case())
                        .iter()
                        .map(|(k, _)| RANGED[*k].label.to_ascii_lowercase())
                        .collect();
                    if names.is_empty() {
                        "none yet".to_owned()
                    } else {
                        names.join(", ")
                    }
                }
                None => "check the highlighted ends".to_owned(),
            },
            None => String::new(),
        })
    };
    // The simulation's chunk, needed once a range is set: fetched on intent
    // (the pointer on the summary, its focus) or when the section opens.
    let soon = move || crate::app::shell::split::prefetch(crate::app::cards::UNCERTAINTY);
    view! {
        <details class="section optional ranges" open=used on:toggle=move |_| soon()>
            <summary on:pointerenter=move |_| soon() on:focus=move |_| soon()>
                "Ranges on the estimates (optional)"
                <span class="range-summary" data-testid="ranges-summary">{summary}</span>
            </summary>
            <p class="hint">
                "Give an estimate a low and a high end, in % around its value (growth in points), "
                "to see how likely fine-tuning pays back. Each ranged input follows a triangular "
                "distribution peaking at its value; the inputs are independent of each other."
            </p>
            {RANGED.iter().map(|r| view! { <RangeRow range=*r/> }).collect_view()}
            <div class="fields">
                <NumberField field=Field::McDraws/>
                <NumberField field=Field::McSeed/>
            </div>
        </details>
    }
}

/// One estimate: its name and value, its two ends and the values they
/// give.
#[component]
fn RangeRow(
    /// The row of the table of ranged inputs.
    range: Ranged,
) -> impl IntoView {
    let calc = use_calc();
    let value_field = Field::from_name(range.name);
    // A range in % of a value of 0 does nothing: say so, and
    // offer the ends only when one has a message to show.
    let zero = Memo::new(move |_| calc.parsed(|p| p.is_some_and(|p| range.on_zero(p.case()))));
    let ends_hidden =
        move || zero.get() && calc.error(range.low).is_none() && calc.error(range.high).is_none();
    let values = move || {
        let fmt = calc.fmt.get();
        calc.parsed(|p| {
            let p = p?;
            let v = value_field?;
            let k = RANGED.iter().position(|r| r.name == range.name)?;
            let case = p.case();
            let now = input_text(fmt, v, (range.get)(&case));
            if range.on_zero(case) {
                return Some(format!(
                    "now {now}: a range in % of zero stays zero, so it does nothing here"
                ));
            }
            let t = p.ranges.as_ref()?.distribution(k, case);
            Some(match (t, range.ends) {
                (Some(t), Ends::Percent) => {
                    format!(
                        "{} to {}, now {now}",
                        input_text(fmt, v, t.low),
                        input_text(fmt, v, t.high)
                    )
                }
                (Some(t), Ends::Absolute) => {
                    format!("{} to {}, now {now}", fmt.number(t.low), fmt.number(t.high))
                }
                (None, _) => format!("now {now}"),
            })
        })
    };
    // A serving rate's row only in the mode that has it (hidden, so that
    // what was typed in it stays).
    // The GPU rows need the itemized investment too, whose compute mode
    // they belong to.
    // An added option's rows while the option is there (issue 28).
    let option = RANGED
        .iter()
        .position(|r| r.name == range.name)
        .and_then(option_of)
        .and_then(|k| Term::Kind.of(k));
    let absent = move || option.is_some_and(|f| calc.field(f).with(|t| t.trim().is_empty()));
    let hidden = move || {
        absent()
            || range.mode.is_some_and(|(f, m)| {
                calc.field(f).with(|t| t.trim() != m)
                    || (f == Field::ComputeMode
                        && calc
                            .field(Field::TrainingMode)
                            .with(|t| t.trim() != "itemized"))
            })
    };
    view! {
        <div class="range-row" data-range=range.name role="group" aria-label=range.label hidden=hidden class:zero=move || zero.get()>
            <p class="range-label">{range.label}<span class="range-values">{values}</span></p>
            <div class="range-ends" hidden=ends_hidden>
                <RangeEnd field=range.low word="Low"/>
                <RangeEnd field=range.high word="High"/>
            </div>
        </div>
    }
}

/// One end of a range: a compact number field with its message. Arrow keys
/// step it like any field, from 0 when it is empty.
#[component]
fn RangeEnd(
    /// The end's field.
    field: Field,
    /// "Low" or "High".
    word: &'static str,
) -> impl IntoView {
    let calc = use_calc();
    let text = calc.field(field);
    let error = Memo::new(move |_| calc.error(field));
    let name = field.name();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let locale = calc.field(Field::Locale);
    let percent = field.unit() == "%";
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        let mark = locale.with_untracked(|l| DecimalMark::of_locale(l));
        // An empty end steps from no range: 0%, or growth itself.
        let now = text.get_untracked();
        let from = match (now.trim().is_empty(), percent) {
            (false, _) => now,
            (true, true) => "0".to_owned(),
            (true, false) => calc.field(Field::Growth).get_untracked(),
        };
        if let Some(next) = step_text(field, &from, up, ev.shift_key(), mark) {
            ev.prevent_default();
            text.set(next);
        }
    };
    view! {
        <div class="field range-end" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{word}<span class="sr-only">{format!(" end: {}", field.label())}</span></label>
            <div class="control">
                <input
                    id=id
                    name=name
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=percent.then_some("0")
                    title=field.hint()
                    aria-describedby=error_id.clone()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
                // Growth's ends are in its own unit, % per month: `%` here.
                <span class="unit" aria-hidden="true">"%"</span>
            </div>
            <p class="error" id=error_id data-error=name>
                {move || error.get().map(|e| e.to_string())}
            </p>
        </div>
    }
}
