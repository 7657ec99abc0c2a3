//! The charts: inline SVG drawn from the core's geometry. Each has a title,
//! a legend, axis ticks, a hover and arrow-key readout of exact values,
//! `role="img"` with a text summary, and a "show as table" alternative.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::form::widgets::NumberField;
use super::shell::browser::on_toggle;
use super::shell::state::use_calc;
use crate::core::present::chart::{self, signed_money, LineChart, Tornado};
// The standard library's float formatting, in a fraction of its code (as `to_string` writes).
use crate::core::present::float::display;
use crate::core::Field;

/// The width of `node` in pixels, `None` until the first layout. A
/// `ResizeObserver` reports it after layout and before paint, so reading it
/// does not force a layout of its own, and it follows every resize (an
/// embedding iframe resizes its window too). The charts card lives as long
/// as the page, and so do the observer and its callback.
pub(super) fn use_width(node: NodeRef<Div>) -> ReadSignal<Option<f64>> {
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

/// The three charts.
#[component]
pub fn ChartsCard() -> impl IntoView {
    let calc = use_calc();
    let node = NodeRef::<Div>::new();
    let width = use_width(node);
    let inputs = move || calc.parsed(|p| p.map(|p| p.inputs));
    let timeline = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let (i, r) = (inputs()?, calc.results.get()?);
        Some(chart::timeline(fmt, &i, &r, width.get()?, 320.0))
    });
    let volume = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let (i, r) = (inputs()?, calc.results.get()?);
        Some(chart::volume(fmt, &i, &r, width.get()?, 300.0))
    });
    let tornado = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let p = calc.checked.get().parsed?;
        Some(chart::tornado(fmt, &p.inputs, p.sensitivity?, width.get()?))
    });
    view! {
        <section class="card charts" aria-labelledby="charts-title">
            <h2 id="charts-title">"See the decision"</h2>
            <div node_ref=node class="chart-width"></div>
            <Show
                when=move || calc.results.with(Option::is_some)
                fallback=|| view! { <p class="muted">"Charts appear once every field holds a valid value."</p> }
            >
                <LineChartView
                    name="timeline"
                    title="Break-even timeline"
                    chart=timeline
                />
                <LineChartView
                    name="volume"
                    title="Volume threshold: net benefit by monthly volume"
                    chart=volume
                />
            </Show>
            // Outside the `Show`: the range field must stay while it is
            // being edited, even when its text is briefly invalid.
            <TornadoView chart=tornado/>
        </section>
    }
}

/// A line chart with its legend, readout and table alternative.
#[component]
fn LineChartView(
    /// The `data-chart` name.
    name: &'static str,
    /// The chart's title.
    title: &'static str,
    /// The geometry, when the scenario is valid.
    chart: Memo<Option<LineChart>>,
) -> impl IntoView {
    // The table alternative is built only while it is open.
    let table_open = RwSignal::new(false);
    let selected = RwSignal::new(None::<usize>);
    let len = move || chart.with(|c| c.as_ref().map_or(0, |c| c.readouts.len()));
    // A selection past the end (after an edit shortened the chart) falls back.
    let current = move || selected.get().filter(|&k| k < len());
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = len();
        if n == 0 {
            return;
        }
        let k = current().unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => (k + 1).min(n - 1),
            "ArrowLeft" | "ArrowDown" => k.saturating_sub(1),
            "Home" => 0,
            "End" => n - 1,
            "Escape" => return selected.set(None),
            _ => return,
        };
        ev.prevent_default();
        selected.set(Some(next));
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        chart.with(|c| {
            let Some(c) = c else { return };
            let scale = if rect.width() > 0.0 {
                c.frame.width / rect.width()
            } else {
                1.0
            };
            let x = (f64::from(ev.client_x()) - rect.left()) * scale;
            let nearest = c
                .readouts
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1.x - x).abs().total_cmp(&(b.1.x - x).abs()))
                .map(|(k, _)| k);
            selected.set(nearest);
        });
    };
    let frame = move || chart.with(|c| c.as_ref().map(|c| c.frame));
    let summary = move || chart.with(|c| c.as_ref().map(|c| c.summary.clone()));
    view! {
        <figure class="chart" data-chart=name>
            <figcaption>
                <h3>{title}</h3>
                <ul class="legend">
                    {move || chart.with(|c| c.as_ref().map(|c| c.series.iter().map(|s| view! {
                        <li><span class=format!("swatch {}", s.key) aria-hidden="true"></span>{s.label}</li>
                    }).collect_view()))}
                </ul>
            </figcaption>
            <Show when=move || chart.with(Option::is_some)>
                <div
                    class="plot"
                    tabindex="0"
                    role="group"
                    aria-label=format!("{title}. Use the arrow keys to read values month by month.")
                    on:keydown=on_key
                    on:blur=move |_| selected.set(None)
                >
                    <svg
                        role="img"
                        aria-label=summary
                        viewBox=move || frame().map(|f| format!("0 0 {} {}", display(f.width), display(f.height)))
                        width=move || frame().map(|f| display(f.width))
                        height=move || frame().map(|f| display(f.height))
                        on:mousemove=on_move
                        on:mouseleave=move |_| selected.set(None)
                    >
                        // The drawing is one string of markup from the core.
                        <g inner_html=move || chart.with(|c| c.as_ref().map(LineChart::svg))></g>
                        {move || current().and_then(|k| chart.with(|c| c.as_ref().map(|c| {
                            let r = &c.readouts[k];
                            view! {
                                <g class="focus">
                                    <line x1=display(r.x) x2=display(r.x) y1=display(c.frame.top) y2=display(c.frame.bottom)/>
                                    {r.ys.iter().enumerate().map(|(j, y)| view! { <circle class=format!("dot s{j}") cx=display(r.x) cy=display(*y) r="4"/> }).collect_view()}
                                </g>
                            }
                        })))}
                    </svg>
                </div>
                <p class="readout" aria-live="polite" data-readout=name>
                    {move || current().and_then(|k| chart.with(|c| c.as_ref().and_then(|c| c.describe(k)).map(|(title, values)| {
                        let values = values.iter().map(|(l, v)| format!("{l} {v}")).collect::<Vec<_>>().join(" · ");
                        format!("{title}: {values}")
                    }))).unwrap_or_else(|| "Hover or use the arrow keys for exact values.".to_owned())}
                </p>
                <p class="sr-summary">{summary}</p>
                <details class="as-table" prop:open=move || table_open.get() on:toggle=on_toggle(table_open)>
                    <summary>"Show as table"</summary>
                    <Show when=move || table_open.get()>
                        <div class="table-scroll tall" tabindex="0" role="region" aria-label=format!("{title} as a table")>
                            {move || chart.with(|c| c.as_ref().map(|c| view! {
                                <table data-table=name>
                                    <thead><tr>{c.columns.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                                    <tbody>
                                        {c.readouts.iter().map(|r| view! {
                                            <tr>
                                                <th scope="row" data-value=display(r.raw[0])>{c.x_text(r.raw[0])}</th>
                                                {r.raw[1..].iter().map(|v| view! { <td data-value=display(*v)>{c.fmt.money(*v)}</td> }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }))}
                        </div>
                    </Show>
                </details>
            </Show>
        </figure>
    }
}

/// The sensitivity (tornado) chart with its range input.
#[component]
fn TornadoView(
    /// The geometry, when the scenario is valid.
    chart: Memo<Option<Tornado>>,
) -> impl IntoView {
    // The table alternative is built only while it is open.
    let table_open = RwSignal::new(false);
    let frame = move || chart.with(|t| t.as_ref().map(|t| t.frame));
    let summary = move || chart.with(|t| t.as_ref().map(|t| t.summary.clone()));
    // The bar under the pointer or with the focus, by its input's name.
    let selected = RwSignal::new(None::<String>);
    let bar_of = |ev: &web_sys::Event| {
        ev.target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest(".bar")
            .ok()?
    };
    let select = move |ev: web_sys::Event| {
        let name = bar_of(&ev).and_then(|b| b.get_attribute("data-input"));
        // `mouseover` bubbles from each part of a bar: set on a change only.
        if name.is_some() && selected.with_untracked(|s| *s != name) {
            selected.set(name);
        }
    };
    // Each bar is focusable (Tab); the arrow keys move between them.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(bar) = bar_of(&ev) else { return };
        let step = |from: &web_sys::Element| match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => from.next_element_sibling(),
            "ArrowUp" | "ArrowLeft" => from.previous_element_sibling(),
            _ => None,
        };
        let mut next = step(&bar);
        while let Some(el) = next.as_ref().filter(|el| !el.class_list().contains("bar")) {
            next = step(el);
        }
        if let Some(el) = next {
            ev.prevent_default();
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    let readout = move || {
        selected
            .get()
            .and_then(|name| {
                chart.with(|t| {
                    let t = t.as_ref()?;
                    t.bars
                        .iter()
                        .find(|b| b.name == name)
                        .map(|b| b.tip(t.fmt, t.range))
                })
            })
            .unwrap_or_else(|| {
                "Hover over a bar, or Tab to one and use the arrow keys, for exact values."
                    .to_owned()
            })
    };
    view! {
        <figure class="chart" data-chart="tornado">
            <figcaption>
                <h3>"Sensitivity: which estimate matters most"</h3>
                <ul class="legend">
                    <li><span class="swatch low" aria-hidden="true"></span>"Input lowered"</li>
                    <li><span class="swatch high" aria-hidden="true"></span>"Input raised"</li>
                </ul>
            </figcaption>
            <div class="fields single narrow"><NumberField field=Field::Sensitivity/></div>
            <Show when=move || chart.with(Option::is_some)>
                <div
                    class="plot"
                    on:mouseover=move |ev| select(ev.into())
                    on:focusin=move |ev| select(ev.into())
                    on:mouseleave=move |_| selected.set(None)
                    on:focusout=move |_| selected.set(None)
                    on:keydown=on_key
                >
                    <svg
                        role="img"
                        aria-label=summary
                        viewBox=move || frame().map(|f| format!("0 0 {} {}", display(f.width), display(f.height)))
                        width=move || frame().map(|f| display(f.width))
                        height=move || frame().map(|f| display(f.height))
                        inner_html=move || chart.with(|t| t.as_ref().map(Tornado::svg))
                    ></svg>
                </div>
                // Not live: a focused bar's name already says the same.
                <p class="readout" data-readout="tornado">{readout}</p>
                <p class="sr-summary">{summary}</p>
                <details class="as-table" prop:open=move || table_open.get() on:toggle=on_toggle(table_open)>
                    <summary>"Show as table"</summary>
                    <Show when=move || table_open.get()>
                        // Scrolls sideways inside the card on a phone, never the page.
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Sensitivity as a table">
                        {move || chart.with(|t| t.as_ref().map(|t| {
                            let pct = t.fmt.number(t.range * 100.0);
                            view! {
                                <table data-table="tornado">
                                    <thead><tr><th scope="col">"Input"</th><th scope="col">{format!("−{pct}%")}</th><th scope="col">{format!("+{pct}%")}</th></tr></thead>
                                    <tbody>
                                        {t.bars.iter().map(|b| view! {
                                            <tr data-input=b.name>
                                                <th scope="row">{b.label}</th>
                                                <td data-value=display(b.low)>{signed_money(t.fmt, b.low)}</td>
                                                <td data-value=display(b.high)>{signed_money(t.fmt, b.high)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }
                        }))}
                        </div>
                    </Show>
                </details>
            </Show>
        </figure>
    }
}
