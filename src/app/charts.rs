//! The charts: inline SVG drawn from the core's geometry. Each has a title,
//! a legend, axis ticks, a hover and arrow-key readout of exact values,
//! `role="img"` with a text summary, and a "show as table" alternative.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart_parts::{use_width, AsTable, ChartExport, Readout};
use super::form::widgets::NumberField;
use super::shell::state::use_calc;
use crate::core::codec::embed::{Part, Parts};
use crate::core::present::chart::{self, Axis, LineChart, Tornado};
// The standard library's float formatting, in a fraction of its code (as `to_string` writes).
use crate::core::present::float::display;
use crate::core::Field;

/// The three charts.
#[component]
pub fn ChartsCard() -> impl IntoView {
    let calc = use_calc();
    // The charts an embed's `parts` name (every one on the full page).
    let parts = use_context::<Parts>().unwrap_or(Parts::ALL);
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
                {parts.has(Part::Timeline).then(|| view! {
                    <LineChartView
                        name="timeline"
                        title="Break-even timeline"
                        chart=timeline
                    />
                })}
                {parts.has(Part::Volume).then(|| view! {
                    <LineChartView
                        name="volume"
                        title="Volume threshold: net benefit by monthly volume"
                        chart=volume
                    />
                })}
            </Show>
            // Outside the `Show`: the range field must stay while it is
            // being edited, even when its text is briefly invalid.
            {parts.has(Part::Tornado).then(|| view! { <TornadoView chart=tornado/> })}
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
    let readout = Readout::new(move || chart.with(|c| c.as_ref().map_or(0, |c| c.readouts.len())));
    let table_open = RwSignal::new(false);
    let current = move || readout.current();
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
                    on:keydown=readout.on_key()
                    on:blur=readout.clear()
                >
                    <svg
                        role="img"
                        aria-label=summary
                        viewBox=move || frame().map(|f| format!("0 0 {} {}", display(f.width), display(f.height)))
                        width=move || frame().map(|f| display(f.width))
                        height=move || frame().map(|f| display(f.height))
                        on:mousemove=readout.on_pointer(chart)
                        on:mouseleave=readout.clear()
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
                <AsTable open=table_open name what=title tall=true table=Signal::derive(move || chart.with(|c| c.as_ref().map(LineChart::table)))/>
                <ChartExport/>
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
    let frame = move || chart.with(|t| t.as_ref().map(|t| t.frame));
    let summary = move || chart.with(|t| t.as_ref().map(|t| t.summary.clone()));
    // The bar under the pointer or with the focus.
    let readout = Readout::new(move || chart.with(|t| t.as_ref().map_or(0, |t| t.bars.len())));
    let table_open = RwSignal::new(false);
    // The bar an event came from (from any of its parts), by its position.
    let bar_of = move |ev: &web_sys::Event| {
        let bar = ev
            .target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest(".bar")
            .ok()??;
        let name = bar.get_attribute("data-input")?;
        chart.with_untracked(|t| t.as_ref()?.bars.iter().position(|b| b.name == name))
    };
    let select = move |ev: web_sys::Event| {
        if let Some(k) = bar_of(&ev) {
            readout.show(Some(k));
        }
    };
    // Each bar is focusable (Tab); the keys move the focus between them.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(from) = bar_of(&ev) else { return };
        let bar = readout.key(&ev, Some(from), Axis::Down).and_then(|k| {
            let name = chart.with_untracked(|t| Some(t.as_ref()?.bars.get(k)?.name))?;
            let plot = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
            plot.query_selector(&format!(r#".bar[data-input="{name}"]"#))
                .ok()?
        });
        if let Some(bar) = bar {
            let _ = bar.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    let text = move || {
        readout
            .current()
            .and_then(|k| {
                chart.with(|t| {
                    t.as_ref()
                        .and_then(|t| Some(t.bars.get(k)?.tip(t.fmt, t.range)))
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
                    on:mouseleave=readout.clear()
                    on:focusout=readout.clear()
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
                <p class="readout" data-readout="tornado">{text}</p>
                <p class="sr-summary">{summary}</p>
                <AsTable open=table_open name="tornado" what="Sensitivity" table=Signal::derive(move || chart.with(|t| t.as_ref().map(Tornado::table)))/>
                <ChartExport/>
            </Show>
        </figure>
    }
}
