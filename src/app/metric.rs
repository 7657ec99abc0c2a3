//! One labelled figure carrying the public `data-metric` / `data-value`
//! contract.

use leptos::prelude::*;

use crate::core::format::raw;

/// A figure: its label, its formatted value (or words when undefined) and an
/// optional note. Renders as a `<div>` of a `<dl>`.
#[component]
pub fn Metric(
    /// The public `data-metric` name.
    name: &'static str,
    /// What the figure is, for people.
    label: &'static str,
    /// The raw value; `None` when undefined.
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Writes a defined value.
    format: fn(f64) -> String,
    /// The words shown when the value is undefined.
    #[prop(default = "n/a")]
    undefined: &'static str,
    /// A short note under the value.
    #[prop(optional, into)]
    note: Option<Signal<String>>,
    /// Extra CSS class (`hero` for headline figures).
    #[prop(default = "")]
    class: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("metric {class}")>
            <dt>{label}</dt>
            <dd data-metric=name data-value=move || raw(value.get())>
                {move || value.get().map_or_else(|| undefined.to_owned(), format)}
            </dd>
            {note.map(|note| view! { <p class="note">{note}</p> })}
        </div>
    }
}
