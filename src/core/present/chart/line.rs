//! Line charts: the break-even timeline and the volume threshold, with
//! their frame, series, markers and readouts.

use super::scale::{log_ticks, nice_ticks, Frame, Scale, Tick};
use super::svg::{axes, marker_labels, path, Px};
use crate::core::model::approach::Comparison;
use crate::core::model::closed::{net_benefit, Inputs, Results};
use crate::core::model::schedule::schedule;
use crate::core::model::volume::Curve;
use crate::core::present::format::Escaped;
use crate::core::present::format::Fmt;

/// One line of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// CSS hook (`position`, `baseline`, `finetuned`, `net`).
    pub key: &'static str,
    /// Legend text.
    pub label: &'static str,
    /// SVG path data.
    pub path: String,
}

/// A vertical marker line with a label.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// CSS hook.
    pub key: &'static str,
    /// x in pixels.
    pub x: f64,
    /// y of the marked point, if it is a point.
    pub y: Option<f64>,
    /// The label.
    pub label: String,
}

/// The values behind a hover or keyboard readout at one x.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// x in pixels.
    pub x: f64,
    /// The y of each series at this x, in series order.
    pub ys: Vec<f64>,
    /// The row as plain numbers: x, then one value per column.
    pub raw: Vec<f64>,
}

/// What a line chart's x axis counts, which decides how readouts read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XKind {
    /// Months since the start.
    Month,
    /// Requests per month.
    Volume,
}

impl LineChart {
    /// The heading and the labelled values of readout `k`, formatted only
    /// when asked for (a 600-month chart has 601 readouts, and formatting
    /// them all on every keystroke would be wasted work).
    pub fn describe(&self, k: usize) -> Option<(String, Vec<(&'static str, String)>)> {
        let r = self.readouts.get(k)?;
        let fmt = self.fmt;
        let title = match self.x_kind {
            XKind::Month => format!("Month {}", fmt.number(r.raw[0])),
            XKind::Volume => format!("{} requests/month", fmt.count(r.raw[0])),
        };
        let values = self.columns[1..]
            .iter()
            .zip(&r.raw[1..])
            .map(|(c, v)| (*c, fmt.money(*v)))
            .collect();
        Some((title, values))
    }

    /// The x value of readout `k` as the table's first column writes it.
    pub fn x_text(&self, x: f64) -> String {
        let fmt = self.fmt;
        match self.x_kind {
            XKind::Month => fmt.number(x),
            XKind::Volume => fmt.count(x),
        }
    }
}

/// A line chart, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// Size and plot area.
    pub frame: Frame,
    /// x-axis ticks.
    pub x_ticks: Vec<Tick>,
    /// y-axis ticks.
    pub y_ticks: Vec<Tick>,
    /// y of the zero line, when zero is in range.
    pub zero_y: Option<f64>,
    /// The lines.
    pub series: Vec<Series>,
    /// Vertical markers.
    pub markers: Vec<Marker>,
    /// One readout per data point, left to right.
    pub readouts: Vec<Readout>,
    /// Column headings of the table alternative (x first).
    pub columns: Vec<&'static str>,
    /// A sentence saying what the chart shows, for screen readers.
    pub summary: String,
    /// What the x axis counts.
    pub x_kind: XKind,
    /// The formatter its labels were written with, for the readouts.
    pub fmt: Fmt,
}

pub(super) fn y_axis(
    fmt: Fmt,
    values: impl Iterator<Item = f64>,
    frame: &Frame,
) -> (Scale, Vec<Tick>, Option<f64>) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let (ticks, lo, hi) = nice_ticks(lo, hi, 5);
    let scale = Scale::linear(lo, hi, frame.bottom, frame.top);
    let ticks = ticks
        .into_iter()
        .map(|t| Tick {
            pos: scale.map(t),
            label: fmt.money_short(t),
        })
        .collect();
    let zero = (lo <= 0.0 && hi >= 0.0).then(|| scale.map(0.0));
    (scale, ticks, zero)
}

/// Widens the left margin for y-axis labels longer than it holds (money in
/// the hundreds of trillions), up to 45% of the width: a 12 px tabular
/// digit is at most 7.2 px wide, and labels end 8 px left of the plot.
pub(super) fn fit_labels(frame: &mut Frame, ticks: &[Tick]) {
    let widest = ticks
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(0);
    let needed = widest as f64 * 7.2 + 14.0;
    frame.left = frame.left.max(needed.min(frame.width * 0.45));
}

/// The break-even timeline: cumulative net position month by month (from
/// −T, stepping down at each retraining), with cumulative baseline and
/// fine-tuned costs. When payback comes after the horizon, the axis extends
/// to show it (up to 600 months).
pub fn timeline(fmt: Fmt, i: &Inputs, r: &Results, width: f64, height: f64) -> LineChart {
    let mut frame = Frame::new(width, height);
    let horizon = i.months;
    let span = match r.break_even_months {
        Some(be) if be > f64::from(horizon) => {
            ((be * 1.15).ceil() as u32 + 1).clamp(horizon, crate::core::model::schedule::MAX_MONTHS)
        }
        _ => horizon,
    };
    let sched = schedule(i, span);
    let mut rows = vec![(0.0, -i.training, 0.0, i.training)];
    let (mut base, mut ft) = (0.0, i.training);
    for m in &sched {
        // Serving is inference: 0 on a side paid per request.
        base += m.baseline_cost + m.baseline_serving;
        ft += m.finetuned_cost + m.finetuned_serving + m.maintenance + m.retraining;
        rows.push((f64::from(m.month), m.cumulative, base, ft));
    }
    let (y, y_ticks, zero_y) = y_axis(fmt, rows.iter().flat_map(|r| [r.1, r.2, r.3]), &frame);
    fit_labels(&mut frame, &y_ticks);
    let x = Scale::linear(0.0, f64::from(span), frame.left, frame.right);
    let (xt, _, _) = nice_ticks(0.0, f64::from(span), 6);
    let x_ticks = xt
        .into_iter()
        .filter(|t| *t <= f64::from(span))
        .map(|t| Tick {
            pos: x.map(t),
            label: fmt.number(t),
        })
        .collect();
    let line = |pick: fn(&(f64, f64, f64, f64)) -> f64| {
        path(
            &rows
                .iter()
                .map(|r| (x.map(r.0), y.map(pick(r))))
                .collect::<Vec<_>>(),
        )
    };
    let series = vec![
        Series {
            key: "position",
            label: "Cumulative net position",
            path: line(|r| r.1),
        },
        Series {
            key: "baseline",
            label: "Cumulative baseline cost",
            path: line(|r| r.2),
        },
        Series {
            key: "finetuned",
            label: "Cumulative fine-tuned cost",
            path: line(|r| r.3),
        },
    ];
    let mut markers = Vec::new();
    if span > horizon {
        markers.push(Marker {
            key: "horizon",
            x: x.map(f64::from(horizon)),
            y: None,
            label: format!("{horizon}-month horizon"),
        });
    }
    if let Some(be) = r.break_even_months.filter(|be| *be <= f64::from(span)) {
        markers.push(Marker {
            key: "break-even",
            x: x.map(be),
            y: Some(y.map(0.0)),
            label: format!("Break-even {} months", fmt.months(be)),
        });
    }
    let readouts = rows
        .iter()
        .map(|&(m, pos, b, f)| Readout {
            x: x.map(m),
            ys: vec![y.map(pos), y.map(b), y.map(f)],
            raw: vec![m, pos, b, f],
        })
        .collect();
    let summary = match r.break_even_months {
        Some(be) if be <= f64::from(horizon) => format!(
            "The cumulative net position starts at {} and crosses zero at {} months, ending the {horizon}-month horizon at {}.",
            fmt.money(-i.training),
            fmt.months(be),
            fmt.money(r.net_benefit)
        ),
        Some(be) if be <= f64::from(span) => format!(
            "The cumulative net position starts at {} and is {} at the {horizon}-month horizon; it crosses zero later, at {} months.",
            fmt.money(-i.training),
            fmt.money(r.net_benefit),
            fmt.months(be)
        ),
        Some(be) => format!(
            "The cumulative net position is {} at the {horizon}-month horizon; it crosses zero only at {} months, beyond what the chart shows.",
            fmt.money(r.net_benefit),
            fmt.months(be)
        ),
        None => format!(
            "The cumulative net position starts at {} and never crosses zero: it is {} at the {horizon}-month horizon.",
            fmt.money(-i.training),
            fmt.money(r.net_benefit)
        ),
    };
    LineChart {
        frame,
        x_ticks,
        y_ticks,
        zero_y,
        series,
        markers,
        readouts,
        columns: vec!["Month", "Net position", "Baseline cost", "Fine-tuned cost"],
        summary,
        x_kind: XKind::Month,
        fmt,
    }
}

/// Net benefit over the horizon against monthly volume, on a log axis from
/// 1/100 to 100× the current volume, with the current and break-even
/// volumes marked. With serving units the net benefit steps at
/// each unit, and the line steps with it (vertical at each step, up to
/// [`MAX_DRAWN_STEPS`]; finer steps than that are below a pixel and the line
/// is sampled densely instead); the upper break-even volume is marked too.
pub fn volume(fmt: Fmt, i: &Inputs, r: &Results, width: f64, height: f64) -> LineChart {
    let mut frame = Frame::new(width, height);
    // With no volume yet, centre the sweep on the break-even volume.
    let centre = if i.requests > 0.0 {
        i.requests
    } else {
        r.break_even_volume.filter(|v| *v > 0.0).unwrap_or(10_000.0)
    };
    let (lo, hi) = (centre / 100.0, centre * 100.0);
    let sample = |n: u32| -> Vec<(f64, f64)> {
        (0..=n)
            .map(|k| {
                let v = lo * 10f64.powf(4.0 * f64::from(k) / f64::from(n));
                (v, net_benefit(&Inputs { requests: v, ..*i }))
            })
            .collect()
    };
    let samples = sample(48);
    // The drawn line: the samples, and with capacity units each step as a
    // vertical segment (its value just at and just above the step).
    let curve = (r.serving).then(|| Curve::new(&Comparison::of(i)));
    let steps = curve.as_ref().map(|c| c.steps(lo, hi, MAX_DRAWN_STEPS));
    let line: Vec<(f64, f64)> = match steps {
        Some(Some(steps)) if !steps.is_empty() => {
            let mut points = Vec::with_capacity(samples.len() + 2 * steps.len());
            let mut next = steps.iter().peekable();
            for &(v, nb) in &samples {
                while let Some(&&(at, before, after)) = next.peek() {
                    if at > v {
                        break;
                    }
                    points.push((at, before));
                    points.push((at, after));
                    next.next();
                }
                points.push((v, nb));
            }
            points
        }
        Some(None) => sample(480),
        _ => samples.clone(),
    };
    let (y, y_ticks, zero_y) = y_axis(fmt, line.iter().map(|s| s.1), &frame);
    fit_labels(&mut frame, &y_ticks);
    let x = Scale::log(lo, hi, frame.left, frame.right);
    let x_ticks = log_ticks(lo, hi)
        .into_iter()
        .map(|t| Tick {
            pos: x.map(t),
            label: fmt.count_short(t),
        })
        .collect();
    let series = vec![Series {
        key: "net",
        label: "Net benefit over the horizon",
        path: path(
            &line
                .iter()
                .map(|(v, nb)| (x.map(*v), y.map(*nb)))
                .collect::<Vec<_>>(),
        ),
    }];
    let mut markers = vec![Marker {
        key: "current",
        x: x.map(centre),
        y: (i.requests > 0.0).then(|| y.map(r.net_benefit)),
        label: format!("Now {}/month", fmt.count(i.requests)),
    }];
    if let Some(be) = r.break_even_volume.filter(|v| *v >= lo && *v <= hi) {
        markers.push(Marker {
            key: "break-even",
            x: x.map(be),
            y: Some(y.map(0.0)),
            label: format!("Break-even {}/month", fmt.count(be)),
        });
    }
    if let Some(max) = r.break_even_volume_max.filter(|v| *v >= lo && *v <= hi) {
        markers.push(Marker {
            key: "break-even-max",
            x: x.map(max),
            y: Some(y.map(0.0)),
            label: format!("Below zero above {}/month", fmt.count(max)),
        });
    }
    let readouts = samples
        .iter()
        .map(|&(v, nb)| Readout {
            x: x.map(v),
            ys: vec![y.map(nb)],
            raw: vec![v, nb],
        })
        .collect();
    // A break-even volume of 0 is no volume to reach: the net
    // benefit with no requests says how far above zero it starts.
    let at_zero = || {
        fmt.money(net_benefit(&Inputs {
            requests: 0.0,
            ..*i
        }))
    };
    let summary = match (r.break_even_volume, r.break_even_volume_max) {
        _ if r.volume_search_exhausted => format!(
            "Net benefit over the {}-month horizon steps with each serving unit; serving costs take nearly all the savings, and the steps are too many to find the break-even volume exactly. The scenario has {} requests a month.",
            i.months,
            fmt.count(i.requests)
        ),
        _ if r.pays_at_every_volume => format!(
            "Net benefit over the {}-month horizon is at or above zero at every volume ({} with no requests); the scenario has {} requests a month.",
            i.months,
            at_zero(),
            fmt.count(i.requests)
        ),
        (Some(0.0), Some(max)) => format!(
            "Net benefit over the {}-month horizon is at or above zero from zero volume to {} requests a month ({} with no requests), and below zero above that for good: each extra serving unit costs more than the requests it serves save. The scenario has {}.",
            i.months,
            fmt.count(max),
            at_zero(),
            fmt.count(i.requests)
        ),
        (Some(0.0), None) => format!(
            "Net benefit over the {}-month horizon is at or above zero with no requests ({}) and at high volumes; just after a fine-tuned unit step it can dip below zero. The scenario has {} requests a month.",
            i.months,
            at_zero(),
            fmt.count(i.requests)
        ),
        (Some(be), Some(max)) => format!(
            "Net benefit over the {}-month horizon is at or above zero from {} to {} requests a month, and below zero above that for good: each extra serving unit costs more than the requests it serves save. The scenario has {}.",
            i.months,
            fmt.count(be),
            fmt.count(max),
            fmt.count(i.requests)
        ),
        (Some(be), None) if r.serving => format!(
            "Net benefit over the {}-month horizon, stepping with each serving unit, reaches zero at {} requests a month; the scenario has {}.",
            i.months,
            fmt.count(be),
            fmt.count(i.requests)
        ),
        (None, _) if r.serving => format!(
            "Net benefit over the {}-month horizon, serving costs included, is below zero at every volume.",
            i.months
        ),
        (Some(be), _) => format!(
            "Net benefit over the {}-month horizon rises with monthly volume and crosses zero at {} requests a month; the scenario has {}.",
            i.months,
            fmt.count(be),
            fmt.count(i.requests)
        ),
        (None, _) => format!(
            "Per-request savings are not positive, so net benefit over the {}-month horizon falls as volume grows; no volume breaks even.",
            i.months
        ),
    };
    LineChart {
        frame,
        x_ticks,
        y_ticks,
        zero_y,
        series,
        markers,
        readouts,
        columns: vec!["Requests per month", "Net benefit"],
        summary,
        x_kind: XKind::Volume,
        fmt,
    }
}

/// Writes a line chart's axes, its zero line when the y range holds 0
/// (`zero_y`, px) and closes the axes' group: what every line chart draws
/// under its lines.
pub(super) fn write_axes(
    out: &mut String,
    f: &Frame,
    y_ticks: &[Tick],
    x_ticks: &[Tick],
    zero_y: Option<f64>,
) {
    use std::fmt::Write;
    axes(out, f, y_ticks, x_ticks);
    if let Some(z) = zero_y {
        let (l, r) = (Px(f.left), Px(f.right));
        let _ = write!(
            out,
            r#"<line class="zero" x1="{l}" x2="{r}" y1="{z}" y2="{z}"/>"#,
            z = Px(z)
        );
    }
    out.push_str("</g>");
}

/// Writes `markers` over a line chart: each a vertical line across the
/// plot, its point when it has one, and its label placed clear of the
/// others and of the y axis' labels.
pub(super) fn write_markers(out: &mut String, f: &Frame, y_ticks: &[Tick], markers: &[Marker]) {
    use std::fmt::Write;
    let (t, b) = (Px(f.top), Px(f.bottom));
    let places = marker_labels(
        f,
        y_ticks,
        &markers
            .iter()
            .map(|m| (m.x, m.label.chars().count()))
            .collect::<Vec<_>>(),
    );
    for (m, &(lx, ly, anchor)) in markers.iter().zip(&places) {
        let x = Px(m.x);
        let _ = write!(
            out,
            r#"<g class="marker {key}" data-marker="{key}" data-x="{x}"><line x1="{x}" x2="{x}" y1="{t}" y2="{b}"/>"#,
            key = m.key,
        );
        if let Some(y) = m.y {
            let _ = write!(out, r#"<circle cx="{x}" cy="{}" r="5"/>"#, Px(y));
        }
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="{anchor}">{}</text></g>"#,
            Px(lx),
            Px(ly),
            Escaped(&m.label),
        );
    }
}

/// Most serving unit steps the volume chart draws one by one.
pub const MAX_DRAWN_STEPS: usize = 400;

impl LineChart {
    /// The chart's drawing as SVG markup (axes, lines and markers), for the
    /// inside of its `<svg>`: one string per update instead of a tree of
    /// nodes to diff, which keeps a keystroke cheap.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let f = &self.frame;
        let mut out = String::with_capacity(
            1024 + self.series.iter().map(|s| s.path.len() + 40).sum::<usize>(),
        );
        write_axes(&mut out, f, &self.y_ticks, &self.x_ticks, self.zero_y);
        for s in &self.series {
            let _ = write!(out, r#"<path class="line {}" d="{}"/>"#, s.key, s.path);
        }
        write_markers(&mut out, f, &self.y_ticks, &self.markers);
        out
    }
}
