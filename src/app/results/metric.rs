//! One labelled figure carrying the public `data-metric` / `data-value`
//! contract: a figure of the results ([`Metric`]) or any other value shown
//! the same way ([`Tile`]).

use leptos::prelude::*;

use crate::core::present::figure::Figure;
use crate::core::present::format::{raw, Fmt};
use crate::core::present::summary::half_chars;

/// A labelled value: its label, its formatted value (or words when
/// undefined) and an optional note. Renders as a `<div>` of a `<dl>`. A
/// figure of the results is shown with [`Metric`], which fills these in
/// from the figures' table.
#[component]
pub fn Tile(
    /// The public `data-metric` name.
    name: &'static str,
    /// What the figure is, for people.
    label: &'static str,
    /// The raw value; `None` when undefined.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Writes a defined value.
    format: fn(Fmt, f64) -> String,
    /// The words shown when the value is undefined.
    #[prop(default = "n/a")]
    undefined: &'static str,
    /// A short note under the value (none while it is empty).
    #[prop(optional, into)]
    note: Option<Signal<String>>,
    /// Words in place of the value where a number would mislead
    /// ([`crate::core::present::figure::Spec::words`]).
    #[prop(optional, into)]
    words: Option<Signal<Option<&'static str>>>,
    /// Extra CSS class (`hero` for headline figures).
    #[prop(default = "")]
    class: &'static str,
    /// A tile that fits its value on one line: the value's width in half
    /// characters goes to CSS (`--half-chars`), which sizes the font to the
    /// tile.
    #[prop(optional)]
    fit: bool,
) -> impl IntoView {
    let calc = crate::app::shell::state::use_calc();
    let text = move || {
        let fmt = calc.fmt.get();
        match words.and_then(|w| w.get()) {
            Some(words) => words.to_owned(),
            None => value
                .get()
                .map_or_else(|| undefined.to_owned(), |v| format(fmt, v)),
        }
    };
    // A fitted tile reads its text twice (the figure and its width): format
    // it once per change.
    let text: Signal<String> = if fit {
        Memo::new(move |_| text()).into()
    } else {
        Signal::derive(text)
    };
    // In a row of fitted tiles, the row sizes every tile's figure alike.
    if fit {
        if let Some(row) = use_context::<FitWidths>() {
            row.0.update_value(|w| w.push(text));
        }
    }
    view! {
        <div class=format!("metric {class}")>
            <dt>{label}</dt>
            <dd
                data-metric=name
                data-value=move || raw(value.get())
                style:--half-chars=move || fit.then(|| text.with(|t| half_chars(t).to_string()))
            >
                {text}
            </dd>
            {note.map(|note| view! {
                <Show when=move || note.with(|n| !n.is_empty())>
                    <dd class="note">{note}</dd>
                </Show>
            })}
        </div>
    }
}

/// The fitted figures of one [`FitRow`], registered as they are made.
///
/// A list in a `StoredValue`, not a memo: the row cannot derive it, as its
/// tiles are opaque children that announce their figures while they are
/// built. Nor a signal: a tile that a `<Show>` swaps in is built inside
/// that `Show`'s effect, and no effect writes a signal. What depends on the
/// list is derived: the row's width reads each registered figure's signal
/// and follows every change of one (a tile swapped in counts from the row's
/// next change).
#[derive(Clone, Copy)]
struct FitWidths(StoredValue<Vec<Signal<String>>>);

/// A row of figure tiles (`<dl>`) whose fitted figures share one font
/// size: the widest figure's width in half characters goes to CSS
/// (`--row-half-chars`) for every tile, so neighbours never differ in size
/// (a long "183,824 requests" beside "$1,260.00" made its tile's figure
/// smaller than the others).
#[component]
pub fn FitRow(
    /// The `<dl>`'s classes (`metrics`, …).
    class: &'static str,
    /// The tiles: [`Metric`]s or [`Tile`]s with `fit`.
    children: Children,
) -> impl IntoView {
    let widths = FitWidths(StoredValue::new(Vec::new()));
    // A tile that is gone (and its disposed figure) counts for nothing.
    let widest = move || {
        widths.0.with_value(|w| {
            w.iter()
                .filter_map(|t| t.try_with(|t| half_chars(t)))
                .max()
                .map(|n| n.to_string())
        })
    };
    view! {
        <dl class=class style:--row-half-chars=widest>
            <leptos::context::Provider value=widths>{children()}</leptos::context::Provider>
        </dl>
    }
}

/// A figure of the results, with the figures' table's name, label,
/// formatting and words ([`Figure`]).
#[component]
pub fn Metric(
    /// The figure.
    figure: Figure,
    /// A label in place of the table's, where the figure stands beside
    /// others that need it told apart.
    #[prop(optional)]
    label: Option<&'static str>,
    /// A short note under the value (none while it is empty).
    #[prop(optional, into)]
    note: Option<Signal<String>>,
    /// Extra CSS class (`hero` for headline figures).
    #[prop(default = "")]
    class: &'static str,
    /// A tile that fits its value on one line ([`Tile`]'s `fit`).
    #[prop(optional)]
    fit: bool,
) -> impl IntoView {
    let calc = crate::app::shell::state::use_calc();
    let value = Signal::derive(move || {
        calc.results
            .with(|r| r.as_ref().and_then(|r| figure.value(r)))
    });
    let words = Signal::derive(move || {
        calc.results
            .with(|r| r.as_ref().and_then(|r| figure.words(r)))
    });
    let (name, label, format, undefined) = (
        figure.name(),
        label.unwrap_or(figure.label()),
        figure.spec().format,
        figure.undefined(),
    );
    match note {
        Some(note) => {
            view! { <Tile name label value format undefined words note class fit/> }.into_any()
        }
        None => view! { <Tile name label value format undefined words class fit/> }.into_any(),
    }
}
