//! Component: the catalogue view (issue #16), a dialog listing every entry
//! of the price catalogue with its prices, date and source, filterable by
//! provider and downloadable as CSV. Rendered only while open.

use leptos::prelude::*;

use super::browser::download;
use crate::core::catalogue::{entry, providers, source_label, to_csv, Dated, Entry, ENTRIES};
use crate::core::format::data;

/// A price in US dollars, or a dash.
fn usd(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("${}", data(v)))
}

/// The date and source of a price when they differ from the entry's.
fn own(label: &'static str, d: Dated, e: &Entry) -> Option<impl IntoView> {
    (d != e.dated).then(|| {
        view! {
            <br/>
            {label} " " {d.as_of} " · "
            <a href=d.source target="_blank" rel="noopener noreferrer">{source_label(d.source)}</a>
        }
    })
}

/// One entry as a table row.
fn row(e: &'static Entry) -> impl IntoView {
    let t = e.tokens;
    let unit = e.unit.map(|u| {
        if u.low == u.high {
            format!("${} / {}", data(u.low), u.unit)
        } else {
            format!("${}–{} / {}", data(u.low), data(u.high), u.unit)
        }
    });
    let base = e.base.map(|b| {
        let name = entry(b).map_or(b, |b| b.name);
        view! { <br/><span class="muted small">"fine-tuned from " {name}</span> }
    });
    view! {
        <tr data-entry=e.id>
            <th scope="row">{e.name}<br/><code>{e.id}</code>{base}</th>
            <td>{e.provider}</td>
            <td class="num">{usd(t.map(|t| t.input))}</td>
            <td class="num">{usd(t.and_then(|t| t.cached_input))}</td>
            <td class="num">{usd(t.map(|t| t.output))}</td>
            <td class="num">{usd(t.and_then(|t| t.batch_input))} " / " {usd(t.and_then(|t| t.batch_output))}</td>
            <td class="num">{usd(e.training.map(|p| p.price))}</td>
            <td class="num">{usd(e.hosting.map(|p| p.price))}</td>
            <td class="num">{unit.unwrap_or_else(|| "–".to_owned())}</td>
            <td>
                {e.dated.as_of} " · "
                <a href=e.dated.source target="_blank" rel="noopener noreferrer">{source_label(e.dated.source)}</a>
                {e.training.and_then(|p| own("training", p.dated, e))}
                {e.hosting.and_then(|p| own("hosting", p.dated, e))}
            </td>
            <td class="notes">{e.notes}</td>
        </tr>
    }
}

/// The "Price catalogue" button and its dialog.
#[component]
pub fn CatalogueDialog() -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let shown = RwSignal::new(false);
    let provider = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let open = move |_| {
        status.set(String::new());
        shown.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let chosen = move || provider.with(|p| (!p.is_empty()).then(|| p.clone()));
    let csv = move |_| {
        let p = chosen();
        let result = download("ft-roi-prices.csv", "text/csv", &to_csv(p.as_deref()));
        status.set(result.map_or_else(
            |e| format!("Download failed: {e}"),
            |()| "Downloaded ft-roi-prices.csv.".to_owned(),
        ));
    };
    let rows = move || {
        let p = chosen();
        ENTRIES
            .iter()
            .filter(|e| p.as_deref().is_none_or(|p| p == e.provider))
            .map(row)
            .collect_view()
    };
    view! {
        <button type="button" class="ghost" data-testid="catalogue-open" on:click=open>"Price catalogue"</button>
        <dialog node_ref=dialog class="catalogue-dialog" aria-labelledby="catalogue-title" on:close=move |_| shown.set(false)>
            <div class="card-head">
                <h2 id="catalogue-title">"Price catalogue"</h2>
                <button type="button" class="ghost" data-testid="catalogue-close" on:click=close>"Close"</button>
            </div>
            <p class="muted small">
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
                <div class="table-scroll">
                    <table class="catalogue-table" data-testid="catalogue-table">
                        <thead>
                            <tr>
                                <th scope="col">"Model"</th>
                                <th scope="col">"Provider"</th>
                                <th scope="col">"Input / 1M"</th>
                                <th scope="col">"Cached / 1M"</th>
                                <th scope="col">"Output / 1M"</th>
                                <th scope="col">"Batch in / out"</th>
                                <th scope="col">"Training / 1M"</th>
                                <th scope="col">"Hosting / hour"</th>
                                <th scope="col">"Other"</th>
                                <th scope="col">"As of · source"</th>
                                <th scope="col">"Notes"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </dialog>
    }
}
