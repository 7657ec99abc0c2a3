//! The charts: inline SVG drawn from the core's geometry. Each has a title,
//! a legend, axis ticks, a hover and arrow-key readout of exact values,
//! `role="img"` with a text summary, and a "show as table" alternative.

use leptos::html::Div;
use leptos::prelude::*;

use super::browser::on_toggle;
use super::inputs::NumberField;
use super::state::use_calc;
use crate::core::chart::{self, signed_money, LineChart, Tornado};
use crate::core::format::{money, number};
use crate::core::Field;

/// The width of `node` in pixels, following window resizes (an embedding
/// iframe resizes its window too).
fn use_width(node: NodeRef<Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(640.0);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                set_width.set(w);
            }
        }
    };
    node.on_load(move |_| request_animation_frame(measure));
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    width
}

/// Where a marker's label goes: right of the line if it fits, else left of
/// it, else centred within the chart (labels are about 7 px a character).
fn label_place(x: f64, chars: usize, width: f64) -> (f64, &'static str) {
    let w = chars as f64 * 7.0;
    if x + 6.0 + w <= width - 4.0 {
        (x + 6.0, "start")
    } else if x - 6.0 - w >= 4.0 {
        (x - 6.0, "end")
    } else {
        (x.clamp(w / 2.0 + 4.0, width - w / 2.0 - 4.0), "middle")
    }
}

/// The three charts.
#[component]
pub fn ChartsCard() -> impl IntoView {
    let calc = use_calc();
    let node = NodeRef::<Div>::new();
    let width = use_width(node);
    let inputs = move || calc.parsed.with(|p| p.as_ref().ok().map(|p| p.inputs));
    let timeline = Memo::new(move |_| {
        calc.track_display();
        let (i, r) = (inputs()?, calc.results.get()?);
        Some(chart::timeline(&i, &r, width.get(), 320.0))
    });
    let volume = Memo::new(move |_| {
        calc.track_display();
        let (i, r) = (inputs()?, calc.results.get()?);
        Some(chart::volume(&i, &r, width.get(), 300.0))
    });
    let tornado = Memo::new(move |_| {
        calc.track_display();
        let p = calc.parsed.get().ok()?;
        Some(chart::tornado(&p.inputs, p.sensitivity, width.get()))
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
            {move || chart.get().map(|c| {
                let summary = c.summary.clone();
                view! {
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
                            aria-label=summary.clone()
                            viewBox=format!("0 0 {} {}", c.frame.width, c.frame.height)
                            width=c.frame.width
                            height=c.frame.height
                            on:mousemove=on_move
                            on:mouseleave=move |_| selected.set(None)
                        >
                            <Axes chart=c.clone()/>
                            {c.series.iter().map(|s| view! { <path class=format!("line {}", s.key) d=s.path.clone()/> }).collect_view()}
                            {c.markers.iter().enumerate().map(|(k, m)| view! {
                                <g class=format!("marker {}", m.key) data-marker=m.key data-x=format!("{:.1}", m.x)>
                                    <line x1=m.x x2=m.x y1=c.frame.top y2=c.frame.bottom/>
                                    {m.y.map(|y| view! { <circle cx=m.x cy=y r="5"/> })}
                                    {
                                        let (x, anchor) = label_place(m.x, m.label.len(), c.frame.width);
                                        view! { <text x=x y={c.frame.top + 12.0 + 16.0 * k as f64} text-anchor=anchor>{m.label.clone()}</text> }
                                    }
                                </g>
                            }).collect_view()}
                            {move || current().and_then(|k| chart.with(|c| c.as_ref().map(|c| {
                                let r = &c.readouts[k];
                                view! {
                                    <g class="focus">
                                        <line x1=r.x x2=r.x y1=c.frame.top y2=c.frame.bottom/>
                                        {r.ys.iter().enumerate().map(|(j, y)| view! { <circle class=format!("dot s{j}") cx=r.x cy=*y r="4"/> }).collect_view()}
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
                                {move || chart.get().map(|c| view! {
                                    <table data-table=name>
                                        <thead><tr>{c.columns.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                                        <tbody>
                                            {c.readouts.iter().map(|r| view! {
                                                <tr>
                                                    <th scope="row" data-value=r.raw[0].to_string()>{c.x_text(r.raw[0])}</th>
                                                    {r.raw[1..].iter().map(|v| view! { <td data-value=v.to_string()>{money(*v)}</td> }).collect_view()}
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                })}
                            </div>
                        </Show>
                    </details>
                }
            })}
        </figure>
    }
}

/// Grid lines, tick labels and the zero line of a line chart.
#[component]
fn Axes(
    /// The geometry.
    chart: LineChart,
) -> impl IntoView {
    let f = chart.frame;
    view! {
        <g class="axes">
            {chart.y_ticks.iter().map(|t| view! {
                <line class="grid" x1=f.left x2=f.right y1=t.pos y2=t.pos/>
                <text class="tick" x={f.left - 8.0} y={t.pos + 4.0} text-anchor="end">{t.label.clone()}</text>
            }).collect_view()}
            {chart.x_ticks.iter().map(|t| view! {
                <text class="tick" x=t.pos y={f.bottom + 20.0} text-anchor="middle">{t.label.clone()}</text>
            }).collect_view()}
            <line class="axis" x1=f.left x2=f.right y1=f.bottom y2=f.bottom/>
            {chart.zero_y.map(|y| view! { <line class="zero" x1=f.left x2=f.right y1=y y2=y/> })}
        </g>
    }
}

/// The sensitivity (tornado) chart with its range input.
#[component]
fn TornadoView(
    /// The geometry, when the scenario is valid.
    chart: Memo<Option<Tornado>>,
) -> impl IntoView {
    // Kept across re-renders, so an open table stays open while editing.
    let table_open = RwSignal::new(false);
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
            {move || chart.get().map(|t| {
                let f = t.frame;
                view! {
                    <div class="plot">
                        <svg role="img" aria-label=t.summary.clone() viewBox=format!("0 0 {} {}", f.width, f.height) width=f.width height=f.height>
                            {t.x_ticks.iter().map(|k| view! {
                                <line class="grid" x1=k.pos x2=k.pos y1=f.top y2=f.bottom/>
                                <text class="tick" x=k.pos y={f.bottom + 20.0} text-anchor="middle">{k.label.clone()}</text>
                            }).collect_view()}
                            {t.bars.iter().map(|b| {
                                let tip = format!("{}: lowered {} → {}, raised {} → {}", b.label, number(t.range * 100.0) + "%", signed_money(b.low), number(t.range * 100.0) + "%", signed_money(b.high));
                                view! {
                                    <g class="bar" data-input=b.name tabindex="0" role="img" aria-label=tip.clone()>
                                        <title>{tip.clone()}</title>
                                        {if t.labels_above {
                                            view! { <text class="tick label" x=f.left y={b.y - 5.0} text-anchor="start">{b.label}</text> }
                                        } else {
                                            view! { <text class="tick label" x={f.left - 8.0} y={b.y + b.h / 2.0 + 4.0} text-anchor="end">{b.label}</text> }
                                        }}
                                        <rect class="low" x=b.x_low.min(t.zero_x) width={(b.x_low - t.zero_x).abs().max(1.0)} y=b.y height=b.h/>
                                        <rect class="high" x=b.x_high.min(t.zero_x) width={(b.x_high - t.zero_x).abs().max(1.0)} y=b.y height=b.h/>
                                    </g>
                                }
                            }).collect_view()}
                            <line class="zero" x1=t.zero_x x2=t.zero_x y1=f.top y2=f.bottom/>
                        </svg>
                    </div>
                    <p class="sr-summary">{t.summary.clone()}</p>
                    <details class="as-table" prop:open=move || table_open.get_untracked() on:toggle=on_toggle(table_open)>
                        <summary>"Show as table"</summary>
                        <table data-table="tornado">
                            <thead><tr><th scope="col">"Input"</th><th scope="col">{format!("−{}%", number(t.range * 100.0))}</th><th scope="col">{format!("+{}%", number(t.range * 100.0))}</th></tr></thead>
                            <tbody>
                                {t.bars.iter().map(|b| view! {
                                    <tr data-input=b.name>
                                        <th scope="row">{b.label}</th>
                                        <td data-value=b.low.to_string()>{signed_money(b.low)}</td>
                                        <td data-value=b.high.to_string()>{signed_money(b.high)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }
            })}
        </figure>
    }
}
