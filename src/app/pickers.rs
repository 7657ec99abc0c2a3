//! Component: the model pickers of the request-cost builder (issue #16) and
//! the catalogue's bar above them: choosing a model fills its side's prices
//! (and, for a fine-tuned model, the training price), the exchange rate for
//! a scenario in another currency, and the warning on old prices.

use leptos::prelude::*;

use super::catalogue::{slot, Catalogue};
use super::catalogue_view::CatalogueDialog;
use super::field::NumberField;
use super::state::{use_calc, Calc};
use crate::core::catalogue::{entry, search, usd, Entry, Side, STALE_AFTER_DAYS};
use crate::core::fill::{
    conversion, factor, fills, serving_after, stale, text, untouched_at, NeedsRate,
};
use crate::core::format::data;
use crate::core::Field;

/// Puts `entry`'s prices in `side`'s fields and labels the side with it;
/// in another currency without a rate, keeps the choice until one is typed.
fn choose(calc: Calc, state: Catalogue, side: Side, entry: &'static Entry) {
    let raw = calc.raw_untracked();
    match fills(entry, side, &raw) {
        Ok(list) => {
            let mark = raw.decimal_mark();
            let used = list.first().map_or(1.0, factor);
            // Judged before the fills: the previous model's fee decides.
            let serving = serving_after(entry, side, &raw);
            for f in list {
                calc.field(f.field).set(text(f.value, mark));
            }
            if let Some(mode) = serving {
                calc.field(side.serving_fields()[0]).set(mode.to_owned());
            }
            calc.field(side.model_field()).set(entry.id.to_owned());
            state.pending.update(|p| p[slot(side)] = None);
            state.applied.update_value(|a| a[slot(side)] = Some(used));
        }
        Err(_) => state.pending.update(|p| p[slot(side)] = Some(entry)),
    }
}

/// After the exchange rate changes: fills the choices that waited for it,
/// and converts again the sides whose prices nobody has edited since they
/// were filled (so typing 0.92 digit by digit ends at 0.92).
fn rate_changed(calc: Calc, state: Catalogue) {
    let raw = calc.raw_untracked();
    if conversion(&raw).is_err() {
        return;
    }
    for side in Side::BOTH {
        if let Some(e) = state.pending.get_untracked()[slot(side)] {
            choose(calc, state, side, e);
            continue;
        }
        let Some(e) = entry(raw.get(side.model_field()).trim()).filter(|e| side.fits(e)) else {
            continue;
        };
        if let Some(then) = state.applied.get_value()[slot(side)] {
            if untouched_at(e, side, &raw, then) {
                choose(calc, state, side, e);
            }
        }
    }
}

/// What the datalist shows for `entry`: provider, name and prices (US
/// dollars).
fn option_label(e: &Entry) -> String {
    let mut label = format!("{} · {}", e.provider, e.name);
    if let Some(t) = e.tokens {
        label += &format!(
            " · {} in, {} out per 1M",
            usd(Some(t.input)),
            usd(Some(t.output))
        );
    }
    if let Some(t) = e.training {
        label += &format!(" · training {} per 1M", usd(Some(t.price)));
    }
    if let Some(h) = e.hosting {
        label += &format!(" · hosting {} an hour", usd(Some(h.price)));
    }
    label + " (USD)"
}

/// A side's model picker: a search box over the catalogue's models for that
/// side (a native datalist: keyboard, phone and iframe friendly; grouped by
/// provider in catalogue order). Choosing a model fills the side's prices;
/// Enter or leaving the box takes the one model that matches every word.
#[component]
pub fn ModelPicker(
    /// Which side it fills.
    side: Side,
) -> impl IntoView {
    let calc = use_calc();
    let Some(state) = use_context::<Catalogue>() else {
        return ().into_any();
    };
    let field = side.model_field();
    let label = calc.field(field);
    let name = field.name();
    let id = format!("field-{name}");
    let list_id = format!("catalogue-{name}");
    let status_id = format!("{id}-status");
    let search_note = RwSignal::new(String::new());
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        search_note.set(String::new());
        if typed.is_empty() {
            // Choosing nothing: the label goes, the prices stay as they are.
            state.pending.update(|p| p[slot(side)] = None);
            label.set(String::new());
        } else if let Some(e) = entry(typed).filter(|e| side.fits(e)) {
            choose(calc, state, side, e);
        }
    };
    let on_change = move |ev| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        if typed.is_empty() || entry(typed).is_some_and(|e| side.fits(e)) {
            return;
        }
        match search(side, typed).as_slice() {
            [one] => {
                choose(calc, state, side, one);
                // The box shows the id even when the label did not change.
                label.set(one.id.to_owned());
            }
            [] => search_note.set(format!(
                "No model in the catalogue matches \u{201c}{typed}\u{201d}."
            )),
            many => search_note.set(format!(
                "{} models match \u{201c}{typed}\u{201d}: pick one from the list.",
                many.len()
            )),
        }
    };
    let status = move || {
        let note = search_note.get();
        if !note.is_empty() {
            return note;
        }
        let code = calc.field(Field::Currency).get();
        if let Some(e) = state.pending.get()[slot(side)] {
            return format!(
                "{}: catalogue prices are in US dollars. Enter the exchange rate above ({code} per \
                 US dollar) to fill them converted; nothing is filled until then.",
                e.name
            );
        }
        let chosen = label.get();
        let chosen = chosen.trim();
        if chosen.is_empty() {
            return "Search by model or provider, or pick from the list; its prices (US dollars) fill this side.".to_owned();
        }
        let Some(e) = entry(chosen).filter(|e| side.fits(e)) else {
            return format!(
                "\u{201c}{chosen}\u{201d} is not in this price catalogue: it is ignored, and the prices below are as entered."
            );
        };
        let raw_conversion = conversion(&calc.raw_untracked());
        if let Err(NeedsRate::Missing | NeedsRate::Invalid) = raw_conversion {
            return format!(
                "{} ({}): catalogue prices are in US dollars; with an exchange rate above ({code} \
                 per US dollar) they are converted.",
                e.name, e.provider
            );
        }
        let rate = state
            .fills
            .with(|f| f.iter().find(|f| f.entry.id == e.id).and_then(|f| f.rate));
        let mut out = format!(
            "{} ({}): token prices from the catalogue.",
            e.name, e.provider
        );
        if side == Side::FineTuned {
            if let Some(t) = e.training {
                out += &format!(
                    " Training price {} per 1M training tokens in the investment builder (used when compute is priced by tokens).",
                    usd(Some(t.price))
                );
            }
        }
        if let Some(h) = e.hosting {
            out += &format!(
                " Hosting fee {} per deployment-hour in serving (hourly).",
                usd(Some(h.price))
            );
        }
        if let Some(r) = rate {
            out += &format!(" Converted at {} {code} per US dollar.", data(r));
        }
        out
    };
    let notes = move || {
        let e = entry(label.get().trim()).filter(|e| side.fits(e) && !e.notes.is_empty())?;
        Some(view! {
            <details class="picker-notes">
                <summary>"Notes on these prices"</summary>
                <p>{e.notes}</p>
            </details>
        })
    };
    view! {
        <div class="picker">
            <label for=id.clone()>"Model from the price catalogue"</label>
            <input
                id=id
                name=name
                type="search"
                list=list_id.clone()
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="done"
                placeholder="Search: gpt-4o mini, Gemini, Llama 70B…"
                aria-describedby=status_id.clone()
                prop:value=move || label.get()
                on:input=on_input
                on:change=on_change
            />
            <datalist id=list_id>
                {side.choices().map(|e| view! { <option value=e.id label=option_label(e)></option> }).collect_view()}
            </datalist>
            <p class="hint" id=status_id role="status" data-picker-status=name>{status}</p>
            {notes}
        </div>
    }
    .into_any()
}

/// The catalogue's bar in the request-cost builder: the catalogue view, the
/// exchange rate (when the scenario is not in US dollars) and the warning
/// when a price in use is old.
#[component]
pub fn CatalogueBar() -> impl IntoView {
    let calc = use_calc();
    let Some(state) = use_context::<Catalogue>() else {
        return ().into_any();
    };
    let foreign = move || calc.field(Field::Currency).with(|c| c.trim() != "USD");
    // The rate field's own handler has set its text when this one runs
    // (the event bubbles up from the input).
    let on_rate = move |_| rate_changed(calc, state);
    view! {
        <div class="catalogue-bar">
            <p class="hint">"Choose models from the price catalogue below, or type your own prices."</p>
            <CatalogueDialog/>
        </div>
        <Show when=foreign>
            <div class="fields narrow" on:input=on_rate>
                <NumberField field=Field::FxRate/>
            </div>
        </Show>
        <StaleWarning/>
    }
    .into_any()
}

/// Today as days since 1970-01-01, by the browser's clock.
fn today() -> i64 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i64
}

/// A quiet warning when the oldest catalogue price in use is more than 180
/// days older than today.
#[component]
fn StaleWarning() -> impl IntoView {
    let calc = use_calc();
    let oldest = Memo::new(move |_| stale(&calc.raw(), today()));
    move || {
        oldest.get().map(|date| {
            view! {
                <p class="stale-warning" data-testid="catalogue-stale">
                    {format!(
                        "Some catalogue prices in use are from {date}, more than {STALE_AFTER_DAYS} days ago: \
                         they may have changed since. Check them at their sources."
                    )}
                </p>
            }
        })
    }
}
