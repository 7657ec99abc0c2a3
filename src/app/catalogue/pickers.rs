//! Component: the price catalogue's pickers and the catalogue's
//! bar: choosing a model fills its side's prices (and, for a fine-tuned
//! model, the training price); choosing a unit type fills a side's capacity
//! unit price from a GPU-hour or model-unit-hour entry; the
//! catalogue dialog picks too, in either cost mode; the exchange rate for a
//! scenario in another currency; the price unit that converts the prices;
//! the warning on old prices.

use leptos::prelude::*;

use super::choose::{choose, rate_changed};
use super::dialog::CatalogueDialog;
use super::Catalogue;
use crate::app::form::widgets::{ChoiceField, NumberField};
use crate::app::shell::browser::today;
use crate::app::shell::state::use_calc;
use crate::core::catalogue::fill::{
    compute_sentence, conversion, gaps_sentence, per_unit_words, refill_unit_rate, stale,
    switch_price_unit, unit_gpus, ComputeChange,
};
use crate::core::catalogue::{usd, Entry, Pick, Side, STALE_AFTER_DAYS};
use crate::core::inputs::field::{CostMode, CurrencyCode, ServingMode};
use crate::core::present::format::data;
use crate::core::Field;

/// What the datalist shows for `entry`: provider, name and prices (US
/// dollars).
fn option_label(e: &Entry, today: i64) -> String {
    let mut label = format!("{} · {}", e.provider, e.name);
    // issue 27: shut down, or closed to new fine-tuning jobs.
    if let Some(m) = crate::core::catalogue::lifecycle::mark(e.id, today) {
        label += &format!(" · {}", m.words());
    }
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
    if let Some(u) = e.unit {
        let range = if u.low == u.high {
            usd(Some(u.low))
        } else {
            format!("{}–{}", usd(Some(u.low)), usd(Some(u.high)))
        };
        label += &format!(" · {range} per {}", u.unit);
    }
    label + " (USD)"
}

/// What a model pick filled of the bill terms, for the picker's status
/// (issue 27; its end of life is said by [`super::life`]).
fn terms_sentence(e: &Entry) -> String {
    let mut out = String::new();
    let discount = e
        .batch
        .listed()
        .map(|b| format!("batch discount {}%", data(b.discount)));
    let write = e.cache_write.listed().map(|w| {
        format!(
            "5-minute cache-write price {} per 1M",
            usd(Some(w.five_minutes))
        )
    });
    match (discount, write) {
        (Some(d), Some(w)) => out += &format!(" The {d} and the {w} are filled."),
        (Some(d), None) => out += &format!(" The {d} is filled."),
        (None, Some(w)) => out += &format!(" The {w} is filled."),
        (None, None) => {}
    }
    out
}

/// A picker: a search box over the catalogue's entries for `pick` (a native
/// datalist: keyboard, phone and iframe friendly; in catalogue order), the
/// chosen entry's name and provider, and its status. Choosing fills the
/// prices; Enter or leaving the box takes the one entry that matches every
/// word. The box holds the id (the label's public form in links).
#[component]
pub fn Picker(
    /// What it fills.
    pick: Pick,
) -> impl IntoView {
    let calc = use_calc();
    let Some(state) = use_context::<Catalogue>() else {
        return ().into_any();
    };
    let field = pick.label_field();
    let label = calc.field(field);
    let name = field.name();
    let id = format!("field-{name}");
    let list_id = format!("catalogue-{name}");
    let status_id = format!("{id}-status");
    let chosen_id = format!("{id}-chosen");
    let chosen_line_id = chosen_id.clone();
    let search_note = RwSignal::new(String::new());
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        search_note.set(String::new());
        if typed.is_empty() {
            // Choosing nothing: the label goes, the prices stay as they are.
            state.pending.update(|p| p[pick.slot()] = None);
            label.set(String::new());
        } else if let Some(e) = pick.entry(typed) {
            choose(calc, state, pick, e);
        }
    };
    let on_change = move |ev| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        if typed.is_empty() || pick.entry(typed).is_some() {
            return;
        }
        match pick.search(typed).as_slice() {
            [one] => {
                choose(calc, state, pick, one);
                // The box shows the id even when the label did not change.
                label.set(one.id.to_owned());
            }
            [] => search_note.set(format!(
                "Nothing in the catalogue matches \u{201c}{typed}\u{201d}."
            )),
            many => search_note.set(format!(
                "{} {} match \u{201c}{typed}\u{201d}: pick one from the list.",
                many.len(),
                if matches!(pick, Pick::Model(_)) {
                    "models"
                } else {
                    "entries"
                }
            )),
        }
    };
    let status = move || {
        let note = search_note.get();
        if !note.is_empty() {
            return note;
        }
        let code = calc.field(Field::Currency).get();
        if let Some(e) = state.pending.get()[pick.slot()] {
            return format!(
                "{}: catalogue prices are in US dollars. Enter the exchange rate above ({code} per \
                 US dollar) to fill them converted; nothing is filled until then.",
                e.name
            );
        }
        let chosen = label.get();
        let chosen = chosen.trim();
        if chosen.is_empty() {
            return match pick {
                Pick::Model(_) => "Search by model or provider, or pick from the list; its prices (US dollars) fill this side.".to_owned(),
                Pick::Unit(_) => "Search the GPU-hour and model-unit prices (H100, A100, provisioned throughput), or type your own unit price below.".to_owned(),
            };
        }
        let Some(e) = pick.entry(chosen) else {
            return format!(
                "\u{201c}{chosen}\u{201d} is not in this price catalogue: it is ignored, and the prices below are as entered."
            );
        };
        if conversion(&calc.raw_untracked()).is_err() {
            return format!(
                "{} ({}): catalogue prices are in US dollars; with an exchange rate above ({code} \
                 per US dollar) they are converted.",
                e.name, e.provider
            );
        }
        // The fill of this pick's own price fields (another pick may name
        // the same entry).
        let own = move |field: Field| match pick {
            Pick::Model(side) => side.price_fields().contains(&field),
            Pick::Unit(side) => side.unit_fields()[1] == field,
        };
        let fill = state.fills.with(|f| {
            f.iter()
                .find(|f| f.entry.id == e.id && own(f.field))
                .copied()
        });
        let rate = fill.and_then(|f| f.rate);
        let mut out = match pick {
            Pick::Model(side) => {
                // The name and provider are on the line above.
                // A customised model without token prices fills none: the
                // gaps sentence below says so.
                let mut out = if e.tokens.is_some() {
                    "Token prices from the catalogue.".to_owned()
                } else {
                    String::new()
                };
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
                if e.tokens.is_some() {
                    out += &terms_sentence(e);
                }
                if let Some(gaps) = gaps_sentence(e, side) {
                    out += " ";
                    out += &gaps;
                }
                out.trim_start().to_owned()
            }
            Pick::Unit(_) => match fill.and_then(|f| Some((f, f.per_unit?))) {
                Some((f, per_unit)) => {
                    let fmt = calc.fmt.get();
                    format!(
                        "{} = {} per unit-hour in the unit price.",
                        per_unit_words(&per_unit),
                        fmt.money(f.value)
                    )
                }
                None => "Enter the GPUs per unit (a whole number from 1 to 1,000) to price a unit."
                    .to_owned(),
            },
        };
        if let Some(r) = rate {
            out += &format!(" Converted at {} {code} per US dollar.", data(r));
        }
        out
    };
    // The entry's name and provider, in words: the box holds its id.
    let chosen = move || {
        let e = pick.entry(&label.get())?;
        let life = crate::core::catalogue::lifecycle::mark(e.id, today()).map(|m| {
            view! { <span class="life-mark" data-life=m.name()>{format!(" · {}", m.words())}</span> }
        });
        Some(view! {
            <strong>{e.name}</strong>
            <span class="muted">{format!(" · {}", e.provider)}</span>
            {life}
        })
    };
    let notes = move || {
        let e = pick.entry(&label.get()).filter(|e| !e.notes.is_empty())?;
        Some(view! {
            <details class="picker-notes">
                <summary>"Notes on these prices"</summary>
                <p>{e.notes}</p>
            </details>
        })
    };
    let (caption, placeholder) = match pick {
        Pick::Model(_) => (
            format!("{} from the price catalogue", field.label()),
            "Search models or providers",
        ),
        Pick::Unit(_) => ("Unit type from the price catalogue".to_owned(), "e.g. H100"),
    };
    view! {
        <div class="picker">
            <label for=id.clone()>{caption}</label>
            <input
                id=id
                name=name
                type="search"
                list=list_id.clone()
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="done"
                placeholder=placeholder
                aria-describedby=format!("{chosen_id} {status_id}")
                prop:value=move || label.get()
                on:input=on_input
                on:change=on_change
            />
            <p class="picker-chosen" id=chosen_line_id data-picker-chosen=name>{chosen}</p>
            <datalist id=list_id>
                {pick.choices().map(|e| view! { <option value=e.id label=option_label(e, today())></option> }).collect_view()}
            </datalist>
            <p class="hint" id=status_id role="status" data-picker-status=name>{status}</p>
            {notes}
        </div>
    }
    .into_any()
}

/// A side's model picker.
#[component]
pub fn ModelPicker(
    /// Which side it fills.
    side: Side,
) -> impl IntoView {
    view! { <Picker pick=Pick::Model(side)/> }
}

/// A side's capacity unit from the catalogue: the unit type
/// picker and the GPUs per unit; changing the GPUs while the unit price is
/// still the catalogue's refills it.
#[component]
pub fn UnitPicker(
    /// Which side it prices.
    side: Side,
) -> impl IntoView {
    let calc = use_calc();
    let [_, _, gpus] = side.unit_fields();
    // The last valid GPUs per unit: typing 4 over 1 passes through an empty
    // field, and the price filled for 1 GPU must still count as the
    // catalogue's.
    let last = StoredValue::new(calc.field(gpus).get_untracked());
    let on_gpus = Callback::new(move |t: String| {
        let mut before = calc.raw_untracked();
        if unit_gpus(side, &before).is_none() {
            before.set(gpus, last.get_value());
        }
        let mut after = before.clone();
        after.set(gpus, t.clone());
        let refill = refill_unit_rate(&before, &after, side);
        if unit_gpus(side, &after).is_some() {
            last.set_value(t.clone());
        }
        calc.field(gpus).set(t);
        if let Some((field, t)) = refill {
            calc.field(field).set(t);
        }
    });
    view! {
        <Picker pick=Pick::Unit(side)/>
        <div class="fields single">
            <NumberField field=gpus on_set=on_gpus/>
        </div>
    }
}

/// The price unit of token prices: switching it converts every
/// token price (the core's [`switch_price_unit`]), so no figure changes.
#[component]
pub fn PriceUnitField() -> impl IntoView {
    let calc = use_calc();
    let on_set = Callback::new(move |to: &'static str| {
        for (field, t) in switch_price_unit(&calc.raw_untracked(), to) {
            calc.field(field).set(t);
        }
    });
    view! { <ChoiceField field=Field::PriceUnit on_set/> }
}

/// The catalogue's bar at the top of the request-cost section, in either
/// cost mode: the catalogue view (whose rows pick too), what its
/// last pick did, the exchange rate (when the scenario is not in US dollars
/// and uses catalogue prices) and the warning when a price in use is old.
#[component]
pub fn CatalogueBar() -> impl IntoView {
    let calc = use_calc();
    let Some(state) = use_context::<Catalogue>() else {
        return ().into_any();
    };
    let tokens = move || calc.is(Field::CostMode, CostMode::Tokens);
    // The rate is asked for wherever catalogue prices can go: token prices,
    // capacity units, or a pick waiting for it.
    let foreign = move || {
        !calc.is(Field::Currency, CurrencyCode::Usd)
            && (tokens()
                || calc.is(Field::BaseServing, ServingMode::Capacity)
                || calc.is(Field::FtServing, ServingMode::Capacity)
                || state.pending.with(|p| p.iter().any(Option::is_some)))
    };
    // The rate field's own handler has set its text when this one runs
    // (the event bubbles up from the input).
    let on_rate = move |_| rate_changed(calc, state);
    let hint = move || super::bar_hint(tokens());
    view! {
        <div class="catalogue-bar">
            <p class="hint">{hint}</p>
            <CatalogueDialog/>
        </div>
        <Show when=move || state.said.with(|s| !s.is_empty())>
            <p class="catalogue-said" data-testid="catalogue-said">{move || state.said.get()}</p>
        </Show>
        <ComputeOffer/>
        <Show when=foreign>
            <div class="fields narrow" on:input=on_rate>
                <NumberField field=Field::FxRate/>
            </div>
        </Show>
        <StaleWarning/>
        <super::life::EndOfLife/>
    }
    .into_any()
}

/// The switch of training compute to tokens that the last pick of a
/// fine-tuned model offered (the investment builder held the user's own
/// values, so it was not made): one click makes it, and says so.
#[component]
fn ComputeOffer() -> impl IntoView {
    let calc = use_calc();
    let Some(state) = use_context::<Catalogue>() else {
        return ().into_any();
    };
    let switch = move |_| {
        if let Some(entry) = state.compute_offer.get_untracked() {
            calc.field(Field::ComputeMode).set("tokens".to_owned());
            state.compute_offer.set(None);
            state
                .said
                .set(compute_sentence(ComputeChange::Switch, entry));
        }
    };
    view! {
        <Show when=move || {
            state.compute_offer.with(Option::is_some)
                && !calc.is(Field::ComputeMode, crate::core::inputs::field::ComputeMode::Tokens)
        }>
            <p class="button-row">
                <button type="button" class="ghost" data-testid="catalogue-compute-switch" on:click=switch>
                    "Price training compute by tokens"
                </button>
            </p>
        </Show>
    }
    .into_any()
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
