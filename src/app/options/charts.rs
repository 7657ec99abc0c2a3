//! The options charts (wasm chunk `options`, with the options view):
//! each option's cumulative cost over the horizon (`options-cumulative`)
//! and its present-value cost against monthly volume
//! (`options-volume`), each with its legend, keyboard readout, text
//! summary and table, as the page's other charts have.

use leptos::html::Div;
use leptos::prelude::*;

use crate::app::chart_parts::{use_width, AsTable, ChartExport, Readout};
use crate::app::shell::state::use_calc;
use crate::core::model::Basis;
use crate::core::present::chart::{options_cumulative, options_volume, OptionsChart, Plotted};
use crate::core::present::float::display;
use crate::core::present::options::OptionsView;

/// Both options charts.
#[component]
pub fn OptionsCharts() -> impl IntoView {
    let calc = use_calc();
    let node = NodeRef::<Div>::new();
    let width = use_width(node);
    // The basis and every option that can be drawn (an option with an
    // invalid field is left out, as from the cheapest).
    let plotted = Memo::new(move |_| {
        calc.checked.with(|c| {
            let p = c.parsed.as_ref()?;
            let view = OptionsView::of(p);
            let options: Vec<Plotted> = view
                .lines
                .iter()
                .zip(p.option_approaches())
                .filter_map(|(line, (_, a))| {
                    a.map(|approach| Plotted {
                        number: line.number,
                        title: line.title.clone(),
                        approach,
                    })
                })
                .collect();
            Some((Basis::of(&p.inputs), options))
        })
    });
    let cumulative = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let w = width.get()?;
        plotted.with(|p| {
            let (basis, options) = p.as_ref()?;
            Some(options_cumulative(fmt, basis, options, w, 320.0))
        })
    });
    let volume = Memo::new(move |_| {
        let fmt = calc.fmt.get();
        let w = width.get()?;
        plotted.with(|p| {
            let (basis, options) = p.as_ref()?;
            Some(options_volume(fmt, basis, options, w, 320.0))
        })
    });
    view! {
        <div class="options-charts">
            <div node_ref=node class="chart-width"></div>
            <Show
                when=move || plotted.with(Option::is_some)
                fallback=|| view! { <p class="muted">"The options charts appear once every field holds a valid value."</p> }
            >
                <OptionsChartView
                    name="options-cumulative"
                    title="Cumulative cost of each option over the horizon"
                    keys="month by month"
                    chart=cumulative
                />
                <OptionsChartView
                    name="options-volume"
                    title="Present-value cost of each option by monthly volume"
                    keys="volume by volume"
                    chart=volume
                />
            </Show>
        </div>
    }
}

/// One options chart with its legend, readout, summary and table.
#[component]
fn OptionsChartView(
    /// The `data-chart` name.
    name: &'static str,
    /// The chart's title.
    title: &'static str,
    /// How the arrow keys step ("month by month").
    keys: &'static str,
    /// The geometry, when the scenario is valid.
    chart: Memo<Option<OptionsChart>>,
) -> impl IntoView {
    let readout = Readout::new(move || chart.with(|c| c.as_ref().map_or(0, |c| c.readouts.len())));
    let table_open = RwSignal::new(false);
    let current = move || readout.current();
    let frame = move || chart.with(|c| c.as_ref().map(|c| c.frame));
    let summary = move || chart.with(|c| c.as_ref().map(|c| c.summary.clone()));
    let has_envelope = move || chart.with(|c| c.as_ref().is_some_and(|c| c.envelope.is_some()));
    view! {
        <figure class="chart" data-chart=name>
            <figcaption>
                <h3>{title}</h3>
                <ul class="legend">
                    {move || chart.with(|c| c.as_ref().map(|c| c.series.iter().map(|s| view! {
                        <li data-series=s.number><span class=format!("swatch opt{}", s.style) aria-hidden="true"></span>{s.title.clone()}</li>
                    }).collect_view()))}
                    {move || has_envelope().then(|| view! {
                        <li><span class="swatch envelope" aria-hidden="true"></span>"Cheapest"</li>
                    })}
                </ul>
            </figcaption>
            <Show when=move || chart.with(Option::is_some)>
                <div
                    class="plot"
                    tabindex="0"
                    role="group"
                    aria-label=format!("{title}. Use the arrow keys to read values {keys}.")
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
                        <g inner_html=move || chart.with(|c| c.as_ref().map(OptionsChart::svg))></g>
                        {move || current().and_then(|k| chart.with(|c| c.as_ref().and_then(|c| {
                            let r = c.readouts.get(k)?;
                            Some(view! {
                                <g class="focus">
                                    <line x1=display(r.x) x2=display(r.x) y1=display(c.frame.top) y2=display(c.frame.bottom)/>
                                    {r.ys.iter().enumerate().map(|(j, y)| view! { <circle class=format!("dot s{j}") cx=display(r.x) cy=display(*y) r="4"/> }).collect_view()}
                                </g>
                            })
                        })))}
                    </svg>
                </div>
                <p class="readout" aria-live="polite" data-readout=name>
                    {move || current().and_then(|k| chart.with(|c| c.as_ref().and_then(|c| c.describe(k)).map(|(title, values)| {
                        let values = values.iter().map(|(l, v)| format!("{l} {v}")).collect::<Vec<_>>().join(" · ");
                        format!("{title}: {values}")
                    }))).unwrap_or_else(|| "Hover or use the arrow keys for exact values.".to_owned())}
                </p>
                <p class="fine chart-summary" data-summary=name>{summary}</p>
                <AsTable open=table_open name what=title tall=true table=Signal::derive(move || chart.with(|c| c.as_ref().map(OptionsChart::table)))/>
                <ChartExport/>
            </Show>
        </figure>
    }
}
