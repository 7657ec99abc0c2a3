//! Component: the catalogue view, a dialog listing every entry
//! of the price catalogue with its prices, date and source, filterable by
//! provider and downloadable as CSV; each row's buttons pick the entry for a
//! side's model or capacity units. The rows are one string of
//! markup from the core (`catalogue::table_markup`), rendered only while
//! open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::shell::browser::{close_dialog, download, show_modal};
use crate::core::catalogue::{providers, table_markup_on, to_csv, Pick};
use crate::core::Field;

/// The pick a click in the table asks for: its button's `data-pick` (the
/// label field's name) and `data-id` (the entry).
fn clicked_pick(
    ev: &web_sys::MouseEvent,
) -> Option<(Pick, &'static crate::core::catalogue::Entry)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button[data-pick]").ok()??;
    let field = Field::from_name(&button.get_attribute("data-pick")?)?;
    let pick = Pick::ALL.into_iter().find(|p| p.label_field() == field)?;
    let entry = pick.entry(&button.get_attribute("data-id")?)?;
    Some((pick, entry))
}

/// The "Price catalogue" button and its dialog.
#[component]
pub fn CatalogueDialog() -> impl IntoView {
    let calc = crate::app::shell::state::use_calc();
    let state = use_context::<super::Catalogue>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let shown = RwSignal::new(false);
    let provider = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let open = move |_| {
        status.set(String::new());
        shown.set(true);
        show_modal(dialog.get());
    };
    let close = move |_| close_dialog(dialog.get());
    let chosen = move || provider.with(|p| (!p.is_empty()).then(|| p.clone()));
    let csv = move |_| {
        let result = download(
            "ft-roi-prices.csv",
            "text/csv",
            &to_csv(chosen().as_deref()),
        );
        status.set(result.map_or_else(
            |e| format!("Download failed: {e}"),
            |()| "Downloaded ft-roi-prices.csv.".to_owned(),
        ));
    };
    view! {
        <button type="button" class="ghost" data-testid="catalogue-open" on:click=open>"Price catalogue"</button>
        <dialog node_ref=dialog class="catalogue-dialog" aria-labelledby="catalogue-title" on:close=move |_| shown.set(false)>
            <div class="card-head">
                <h2 id="catalogue-title">"Price catalogue"</h2>
                <button type="button" class="ghost" data-testid="catalogue-close" on:click=close>"Close"</button>
            </div>
            <p class="muted small">
                "Use a row's buttons to fill a side's model or capacity units with its prices. "
                "US dollars: tokens per 1M, training per 1M training tokens (dataset tokens × epochs), hosting per hour. "
                "Each price with the date its source states; notes say where sources disagree. Prices change: check them at their sources. "
                "Token prices are mostly from LiteLLM's price map (MIT licence, copyright 2023 Berri AI)."
            </p>
            <div class="catalogue-tools">
                <label class="display-field">
                    <span>"Provider"</span>
                    <select data-testid="catalogue-provider" on:change=move |ev| provider.set(event_target_value(&ev))>
                        <option value="">"All providers"</option>
                        {providers().into_iter().map(|p| view! { <option value=p>{p}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="ghost" data-testid="catalogue-csv" on:click=csv>"Download CSV"</button>
            </div>
            <p class="muted small" role="status">{move || status.get()}</p>
            <Show when=move || shown.get()>
                <div class="table-scroll catalogue-scroll">
                    <table
                        class="catalogue-table"
                        data-testid="catalogue-table"
                        inner_html=move || table_markup_on(chosen().as_deref(), Some(crate::app::shell::browser::today()))
                        on:click=move |ev| {
                            if let (Some((pick, entry)), Some(state)) = (clicked_pick(&ev), state) {
                                super::choose::pick_from_dialog(calc, state, pick, entry);
                                close_dialog(dialog.get());
                            }
                        }
                    ></table>
                </div>
            </Show>
        </dialog>
    }
}
