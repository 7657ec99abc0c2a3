//! What every chart shares in the page: its measured width, its readout's
//! wiring (keys, pointer and focus to the core's steps), its table
//! alternative ("Show as table") and its image downloads (SVG, PNG).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::image::{exporter, Caption, Format};
use super::memo::{scenario_name, today};
use super::shell::browser::on_toggle;
use super::shell::state::use_calc;
use crate::core::codec::memo::price_dates;
use crate::core::present::chart::{pointed, step, Axis, Pointed, Step, Table};

/// The width of `node` in pixels, `None` until the first layout. A
/// `ResizeObserver` reports it after layout and before paint, so reading it
/// does not force a layout of its own, and it follows every resize (an
/// embedding iframe resizes its window too). The charts live as long as
/// the page, and so do the observer and its callback.
pub fn use_width(node: NodeRef<Div>) -> ReadSignal<Option<f64>> {
    let (width, set_width) = signal(None::<f64>);
    node.on_load(move |el| {
        let measured = el.clone();
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let w = f64::from(measured.client_width());
            if w > 0.0 && width.try_get_untracked().is_some_and(|now| now != Some(w)) {
                set_width.set(Some(w));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            std::mem::forget(observer);
        }
        callback.forget();
        // A page that is not painting (a background tab, an embed out of
        // view) gets no observations: measure once anyway, so the charts are
        // drawn and an embed reports its full height.
        let fallback = el.clone();
        set_timeout(
            move || {
                let w = f64::from(fallback.client_width());
                if width.try_get_untracked() == Some(None) && w > 0.0 {
                    set_width.set(Some(w));
                }
            },
            std::time::Duration::from_millis(150),
        );
    });
    width
}

/// A chart's readout: which of its items shows its exact values, moved by
/// the keys ([`step`]) and the pointer ([`pointed`]), cleared when the
/// pointer or the focus leaves.
#[derive(Clone, Copy)]
pub struct Readout {
    /// The item chosen last, if any (it may be past the end after an edit).
    selected: RwSignal<Option<usize>>,
    /// How many items the chart has now.
    len: Signal<usize>,
}

impl Readout {
    /// The readout of a chart with `len` items (0 while it is not drawn).
    pub fn new(len: impl Fn() -> usize + Send + Sync + 'static) -> Self {
        Self {
            selected: RwSignal::new(None),
            len: Signal::derive(len),
        }
    }

    /// The item shown, if any: a selection past the end (after an edit
    /// shortened the chart) shows none.
    pub fn current(self) -> Option<usize> {
        let len = self.len.get();
        self.selected.get().filter(|&k| k < len)
    }

    /// Shows item `k` (or none); a no-op when it is already shown, as the
    /// events that call it bubble from each part of an item.
    pub fn show(self, k: Option<usize>) {
        if self.selected.with_untracked(|s| *s != k) {
            self.selected.set(k);
        }
    }

    /// A handler that clears the readout (the pointer or the focus left).
    pub fn clear<E>(self) -> impl Fn(E) + Copy + 'static {
        move |_| self.show(None)
    }

    /// Applies the key of `ev`, stepping from item `from` along `axis`: a
    /// key the readout uses is kept from the page (no scrolling). The item
    /// shown after it, if the key moved to one.
    pub fn key(
        self,
        ev: &web_sys::KeyboardEvent,
        from: Option<usize>,
        axis: Axis,
    ) -> Option<usize> {
        match step(&ev.key(), from, self.len.get_untracked(), axis)? {
            Step::To(k) => {
                ev.prevent_default();
                self.show(Some(k));
                Some(k)
            }
            Step::Clear => {
                self.show(None);
                None
            }
        }
    }

    /// The `keydown` handler of a chart read along its x axis from the item
    /// shown.
    pub fn on_key(self) -> impl Fn(web_sys::KeyboardEvent) + Copy + 'static {
        move |ev| {
            let from = untrack(|| self.current());
            self.key(&ev, from, Axis::Across);
        }
    }

    /// The `mousemove` handler of the `<svg>` drawing `chart`: shows the
    /// item under the pointer.
    pub fn on_pointer<T>(self, chart: Memo<Option<T>>) -> impl Fn(web_sys::MouseEvent) + 'static
    where
        T: Pointed + PartialEq + Send + Sync + 'static,
    {
        move |ev| {
            let Some(svg) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            let x = f64::from(ev.client_x());
            if let Some(k) = chart
                .with_untracked(|c| c.as_ref().map(|c| pointed(c, x, rect.left(), rect.width())))
            {
                self.show(k);
            }
        }
    }
}

/// A chart's table alternative: a "Show as table" `<details>` whose table
/// is built only while it is open, in a region that scrolls inside the
/// card on a phone, never the page.
#[component]
pub fn AsTable(
    /// Whether it is open. The chart keeps it, outside the part of its view
    /// that goes while the chart cannot be drawn (a range being typed), so
    /// an open table comes back open.
    open: RwSignal<bool>,
    /// The table's `data-table` name.
    name: &'static str,
    /// What the table shows, for the region's name ("… as a table").
    what: &'static str,
    /// A long table: its region is taller.
    #[prop(optional)]
    tall: bool,
    /// The table, read only while it is open.
    #[prop(into)]
    table: Signal<Option<Table>>,
) -> impl IntoView {
    view! {
        <details class="as-table" prop:open=move || open.get() on:toggle=on_toggle(open)>
            <summary>"Show as table"</summary>
            <Show when=move || open.get()>
                <div
                    class=if tall { "table-scroll tall" } else { "table-scroll" }
                    tabindex="0"
                    role="region"
                    aria-label=format!("{what} as a table")
                >
                    {move || table.with(|t| t.as_ref().map(|t| view! {
                        <table data-table=name>
                            <thead><tr>{t.columns.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {t.rows.iter().map(|r| view! {
                                    <tr data-input=r.input>
                                        <th scope="row" data-value=r.head.value.clone()>{r.head.text.clone()}</th>
                                        {r.cells.iter().map(|c| view! { <td data-value=c.value.clone()>{c.text.clone()}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }))}
                </div>
            </Show>
        </details>
    }
}

/// A chart's image downloads: `data-export="svg"` and `data-export="png"`
/// buttons inside its `figure[data-chart]`. The export's code is a wasm
/// chunk of its own (`image`), fetched on the first click.
#[component]
pub fn ChartExport() -> impl IntoView {
    let calc = use_calc();
    let status = RwSignal::new(String::new());
    let run = move |ev: web_sys::MouseEvent, format: Format| {
        let figure = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.closest("figure[data-chart]").ok().flatten());
        let Some(figure) = figure else { return };
        let caption = Caption {
            name: untrack(|| scenario_name(calc)),
            date: today(),
            prices: price_dates(&calc.raw_untracked()),
        };
        status.set("Making the image…".to_owned());
        leptos::task::spawn_local(async move {
            let done = match exporter().await {
                Ok(export) => export(figure, caption, format).await,
                Err(_) => Err("the image export could not be loaded".to_owned()),
            };
            status.try_set(match done {
                Ok(name) => format!("Downloaded {name}."),
                Err(e) => format!("No image: {e}"),
            });
        });
    };
    view! {
        <div class="chart-export">
            <button type="button" class="ghost small" data-export="svg" on:click=move |ev| run(ev, Format::Svg)>"Download SVG"</button>
            <button type="button" class="ghost small" data-export="png" on:click=move |ev| run(ev, Format::Png)>"Download PNG"</button>
            <span class="muted small" role="status">{move || status.get()}</span>
        </div>
    }
}
