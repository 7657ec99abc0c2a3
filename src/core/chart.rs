//! Chart geometry, computed here and only rendered by the components:
//! scales, ticks, SVG path data, markers and the values behind every
//! hover readout. Pure and tested natively, degenerate ranges included.

use super::field::Field;
use super::format::{count, count_short, money, money_short, months, number, Escaped};
use super::model::{net_benefit, Inputs, Results};
use super::schedule::schedule;

/// A linear or logarithmic map from data to pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
    log: bool,
}

/// A domain that can be drawn: finite, increasing, non-empty. All-equal
/// values get a margin around them; all-zero values become −1 to 1.
pub fn usable_domain(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo > hi.abs().max(lo.abs()) * 1e-12 {
        return (lo, hi);
    }
    if lo == 0.0 {
        (-1.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        (lo - pad, hi + pad)
    }
}

impl Scale {
    /// A linear scale; a degenerate domain is widened (see [`usable_domain`]).
    pub fn linear(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let (d0, d1) = usable_domain(d0, d1);
        Scale {
            d0,
            d1,
            r0,
            r1,
            log: false,
        }
    }

    /// A base-10 logarithmic scale over positive `d0..d1`.
    pub fn log(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let lo = if d0 > 0.0 && d0.is_finite() { d0 } else { 1.0 };
        let hi = if d1 > lo && d1.is_finite() {
            d1
        } else {
            lo * 10.0
        };
        Scale {
            d0: lo.log10(),
            d1: hi.log10(),
            r0,
            r1,
            log: true,
        }
    }

    /// Pixel position of `x`, clamped to a little beyond the range so that
    /// an off-scale value never yields a path point at infinity.
    pub fn map(&self, x: f64) -> f64 {
        let x = if self.log {
            x.max(f64::MIN_POSITIVE).log10()
        } else {
            x
        };
        let t = ((x - self.d0) / (self.d1 - self.d0)).clamp(-0.1, 1.1);
        let t = if t.is_finite() { t } else { 0.0 };
        self.r0 + t * (self.r1 - self.r0)
    }

    /// Data value at pixel position `p`.
    pub fn invert(&self, p: f64) -> f64 {
        let t = (p - self.r0) / (self.r1 - self.r0);
        let x = self.d0 + t * (self.d1 - self.d0);
        if self.log {
            10f64.powf(x)
        } else {
            x
        }
    }
}

/// About `target` round tick values (steps of 1, 2 or 5 × 10ⁿ) covering
/// `lo..=hi`, and the domain widened to the outer ticks.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, f64, f64) {
    let (lo, hi) = usable_domain(lo, hi);
    let raw = (hi - lo) / target.max(1) as f64;
    let exp = raw.log10().floor();
    let magnitude = 10f64.powf(exp);
    // The step is m·10^e with m 1, 2 or 5.
    let (m, e) = [1.0, 2.0, 5.0]
        .into_iter()
        .find(|m| m * magnitude >= raw)
        .map_or((1.0, exp + 1.0), |m| (m, exp));
    let step = m * 10f64.powf(e);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    let n = (last - first).round() as usize;
    // The q-th tick is q·m·10^e, read from that decimal: the double nearest
    // to it, so its label carries no binary noise (0.3, not
    // 0.30000000000000004; 4e26, not 3.9999999999999995e26).
    let at = |q: f64| decimal(q * m, e);
    let ticks = (0..=n.min(50)).map(|k| at(first + k as f64)).collect();
    (ticks, at(first), at(last))
}

/// The double nearest to `digits`·10^`exp` (`digits` a whole number).
fn decimal(digits: f64, exp: f64) -> f64 {
    let v = format!("{digits}e{exp}")
        .parse()
        .unwrap_or(digits * 10f64.powf(exp));
    // −0 is 0.
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

/// Powers of ten within `lo..=hi` (positive), with 2× and 5× steps when
/// the range spans fewer than three decades.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if !(lo > 0.0 && hi > lo && hi.is_finite()) {
        return vec![];
    }
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let mults: &[f64] = if b - a < 3 { &[1.0, 2.0, 5.0] } else { &[1.0] };
    let mut out = Vec::new();
    for e in a..=b.min(a + 40) {
        for m in mults {
            let v = decimal(*m, f64::from(e));
            if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                out.push(v);
            }
        }
    }
    out
}

/// SVG path data through `points` (pixels, one decimal).
pub fn path(points: &[(f64, f64)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(points.len() * 14);
    for (k, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {}",
            if k == 0 { 'M' } else { 'L' },
            Px(*x),
            Px(*y)
        );
    }
    out
}

/// The drawing area: the SVG's size and the plot's margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// SVG width.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Plot area left edge.
    pub left: f64,
    /// Plot area right edge.
    pub right: f64,
    /// Plot area top edge.
    pub top: f64,
    /// Plot area bottom edge.
    pub bottom: f64,
}

impl Frame {
    /// A frame of `width` × `height` with room for axis labels.
    pub fn new(width: f64, height: f64) -> Frame {
        let width = if width.is_finite() {
            width.clamp(240.0, 2000.0)
        } else {
            640.0
        };
        let height = if height.is_finite() {
            height.clamp(160.0, 1200.0)
        } else {
            320.0
        };
        Frame {
            width,
            height,
            left: 64.0,
            right: width - 16.0,
            top: 16.0,
            bottom: height - 36.0,
        }
    }
}

/// An axis tick: pixel position and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis, in pixels.
    pub pos: f64,
    /// The formatted value.
    pub label: String,
}

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
        let title = match self.x_kind {
            XKind::Month => format!("Month {}", number(r.raw[0])),
            XKind::Volume => format!("{} requests/month", count(r.raw[0])),
        };
        let values = self.columns[1..]
            .iter()
            .zip(&r.raw[1..])
            .map(|(c, v)| (*c, money(*v)))
            .collect();
        Some((title, values))
    }

    /// The x value of readout `k` as the table's first column writes it.
    pub fn x_text(&self, x: f64) -> String {
        match self.x_kind {
            XKind::Month => number(x),
            XKind::Volume => count(x),
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
}

fn y_axis(values: impl Iterator<Item = f64>, frame: &Frame) -> (Scale, Vec<Tick>, Option<f64>) {
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
            label: money_short(t),
        })
        .collect();
    let zero = (lo <= 0.0 && hi >= 0.0).then(|| scale.map(0.0));
    (scale, ticks, zero)
}

/// Widens the left margin for y-axis labels longer than it holds (money in
/// the hundreds of trillions), up to 45% of the width: a 12 px tabular
/// digit is at most 7.2 px wide, and labels end 8 px left of the plot.
fn fit_labels(frame: &mut Frame, ticks: &[Tick]) {
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
pub fn timeline(i: &Inputs, r: &Results, width: f64, height: f64) -> LineChart {
    let mut frame = Frame::new(width, height);
    let horizon = i.months;
    let span = match r.break_even_months {
        Some(be) if be > f64::from(horizon) => {
            ((be * 1.15).ceil() as u32 + 1).clamp(horizon, super::schedule::MAX_MONTHS)
        }
        _ => horizon,
    };
    let sched = schedule(i, span);
    let mut rows = vec![(0.0, -i.training, 0.0, i.training)];
    let (mut base, mut ft) = (0.0, i.training);
    for m in &sched {
        base += m.baseline_cost;
        ft += m.finetuned_cost + m.maintenance + m.retraining;
        rows.push((f64::from(m.month), m.cumulative, base, ft));
    }
    let (y, y_ticks, zero_y) = y_axis(rows.iter().flat_map(|r| [r.1, r.2, r.3]), &frame);
    fit_labels(&mut frame, &y_ticks);
    let x = Scale::linear(0.0, f64::from(span), frame.left, frame.right);
    let (xt, _, _) = nice_ticks(0.0, f64::from(span), 6);
    let x_ticks = xt
        .into_iter()
        .filter(|t| *t <= f64::from(span))
        .map(|t| Tick {
            pos: x.map(t),
            label: number(t),
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
            label: format!("Break-even {} months", months(be)),
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
            money(-i.training),
            months(be),
            money(r.net_benefit)
        ),
        Some(be) if be <= f64::from(span) => format!(
            "The cumulative net position starts at {} and is {} at the {horizon}-month horizon; it crosses zero later, at {} months.",
            money(-i.training),
            money(r.net_benefit),
            months(be)
        ),
        Some(be) => format!(
            "The cumulative net position is {} at the {horizon}-month horizon; it crosses zero only at {} months, beyond what the chart shows.",
            money(r.net_benefit),
            months(be)
        ),
        None => format!(
            "The cumulative net position starts at {} and never crosses zero: it is {} at the {horizon}-month horizon.",
            money(-i.training),
            money(r.net_benefit)
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
    }
}

/// Net benefit over the horizon against monthly volume, on a log axis from
/// 1/100 to 100× the current volume, with the current and break-even
/// volumes marked.
pub fn volume(i: &Inputs, r: &Results, width: f64, height: f64) -> LineChart {
    let mut frame = Frame::new(width, height);
    // With no volume yet, centre the sweep on the break-even volume.
    let centre = if i.requests > 0.0 {
        i.requests
    } else {
        r.break_even_volume.filter(|v| *v > 0.0).unwrap_or(10_000.0)
    };
    let (lo, hi) = (centre / 100.0, centre * 100.0);
    let samples: Vec<(f64, f64)> = (0..=48)
        .map(|k| {
            let v = lo * 10f64.powf(4.0 * f64::from(k) / 48.0);
            (v, net_benefit(&Inputs { requests: v, ..*i }))
        })
        .collect();
    let (y, y_ticks, zero_y) = y_axis(samples.iter().map(|s| s.1), &frame);
    fit_labels(&mut frame, &y_ticks);
    let x = Scale::log(lo, hi, frame.left, frame.right);
    let x_ticks = log_ticks(lo, hi)
        .into_iter()
        .map(|t| Tick {
            pos: x.map(t),
            label: count_short(t),
        })
        .collect();
    let series = vec![Series {
        key: "net",
        label: "Net benefit over the horizon",
        path: path(
            &samples
                .iter()
                .map(|(v, nb)| (x.map(*v), y.map(*nb)))
                .collect::<Vec<_>>(),
        ),
    }];
    let mut markers = vec![Marker {
        key: "current",
        x: x.map(centre),
        y: (i.requests > 0.0).then(|| y.map(r.net_benefit)),
        label: format!("Now {}/month", count(i.requests)),
    }];
    if let Some(be) = r.break_even_volume.filter(|v| *v >= lo && *v <= hi) {
        markers.push(Marker {
            key: "break-even",
            x: x.map(be),
            y: Some(y.map(0.0)),
            label: format!("Break-even {}/month", count(be)),
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
    let summary = match r.break_even_volume {
        Some(be) => format!(
            "Net benefit over the {}-month horizon rises with monthly volume and crosses zero at {} requests a month; the scenario has {}.",
            i.months,
            count(be),
            count(i.requests)
        ),
        None => format!(
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
    }
}

/// One bar of the tornado: an input moved down and up by the range.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The input's public name.
    pub name: &'static str,
    /// The input's label.
    pub label: &'static str,
    /// Change in net benefit with the input lowered by the range.
    pub low: f64,
    /// Change in net benefit with the input raised by the range.
    pub high: f64,
    /// Pixel x of the low and high ends, and the bar's y and height.
    pub x_low: f64,
    /// See `x_low`.
    pub x_high: f64,
    /// Bar top.
    pub y: f64,
    /// Bar height.
    pub h: f64,
}

/// The sensitivity (tornado) chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// Size and plot area.
    pub frame: Frame,
    /// x-axis ticks (change in net benefit).
    pub x_ticks: Vec<Tick>,
    /// x of zero change.
    pub zero_x: f64,
    /// Bars, largest impact first.
    pub bars: Vec<Bar>,
    /// The net benefit the changes are relative to.
    pub base: f64,
    /// The range, as a fraction.
    pub range: f64,
    /// A sentence saying what the chart shows.
    pub summary: String,
    /// Whether labels sit above the bars (narrow screens) rather than to
    /// their left.
    pub labels_above: bool,
}

/// Moves each estimate by ±`range` (a fraction) and records the change in
/// net benefit, largest impact first.
pub fn tornado(i: &Inputs, range: f64, width: f64) -> Tornado {
    /// An estimate: its field (public name and label), how to read it and
    /// how to set it.
    type Knob = (Field, fn(&Inputs) -> f64, fn(&mut Inputs, f64));
    #[rustfmt::skip]
    let knobs: [Knob; 8] = [
        (Field::Training, |i| i.training, |i, v| i.training = v),
        (Field::Maintenance, |i| i.maintenance, |i, v| i.maintenance = v),
        (Field::Baseline, |i| i.baseline, |i, v| i.baseline = v),
        (Field::Finetuned, |i| i.finetuned, |i, v| i.finetuned = v),
        (Field::Requests, |i| i.requests, |i, v| i.requests = v),
        (Field::RetrainCost, |i| i.retrain_cost, |i, v| i.retrain_cost = v),
        (Field::AccuracyGain, |i| i.accuracy_gain, |i, v| i.accuracy_gain = v),
        (Field::ErrorValue, |i| i.error_value, |i, v| i.error_value = v),
    ];
    let base = net_benefit(i);
    let bars = knobs
        .iter()
        // The optional inputs take part only when the scenario uses them.
        .filter(|k| {
            (k.1)(i) != 0.0
                || !matches!(
                    k.0,
                    Field::RetrainCost | Field::AccuracyGain | Field::ErrorValue
                )
        })
        .map(|&(field, get, set)| {
            let moved = |factor: f64| {
                let mut j = *i;
                set(&mut j, get(i) * factor);
                net_benefit(&j) - base
            };
            (
                field.name(),
                field.label(),
                moved(1.0 - range),
                moved(1.0 + range),
            )
        });
    // Largest swing first, ties by name. Inserted in order rather than
    // sorted: a dozen bars, and no sorting machinery in the wasm.
    let swing = |b: &(&str, &str, f64, f64)| b.2.abs().max(b.3.abs());
    let mut raw: Vec<(&str, &str, f64, f64)> = Vec::with_capacity(knobs.len());
    for bar in bars {
        let at = raw.partition_point(|a| {
            swing(&bar)
                .total_cmp(&swing(a))
                .then_with(|| a.0.cmp(bar.0))
                .is_le()
        });
        raw.insert(at, bar);
    }
    // On narrow screens labels go above the bars, which then use the width.
    let labels_above = width < 520.0;
    let row = if labels_above { 46.0 } else { 30.0 };
    let mut frame = Frame::new(width, 8.0 + row * raw.len() as f64 + 36.0);
    frame.left = if labels_above {
        16.0
    } else {
        (frame.width * 0.3).clamp(110.0, 220.0)
    };
    frame.top = 8.0;
    let extent = raw
        .iter()
        .flat_map(|b| [b.2.abs(), b.3.abs()])
        .fold(0.0, f64::max);
    let (ticks, lo, hi) = nice_ticks(-extent, extent, 4);
    let x = Scale::linear(lo, hi, frame.left, frame.right);
    let bars = raw
        .into_iter()
        .enumerate()
        .map(|(k, (name, label, low, high))| Bar {
            name,
            label,
            low,
            high,
            x_low: x.map(low),
            x_high: x.map(high),
            y: frame.top + row * k as f64 + if labels_above { 18.0 } else { 4.0 },
            h: if labels_above { 20.0 } else { row - 8.0 },
        })
        .collect::<Vec<_>>();
    let summary = match bars.first() {
        Some(b) => format!(
            "Moving each estimate by ±{}%, {} changes the net benefit most: from {} to {}.",
            number(range * 100.0),
            b.label.to_lowercase(),
            signed_money(b.low.min(b.high)),
            signed_money(b.low.max(b.high))
        ),
        None => "No estimate to vary.".to_owned(),
    };
    Tornado {
        frame,
        x_ticks: ticks
            .into_iter()
            .map(|t| Tick {
                pos: x.map(t),
                label: money_short(t),
            })
            .collect(),
        zero_x: x.map(0.0),
        bars,
        base,
        range,
        summary,
        labels_above,
    }
}

/// A change in money with an explicit sign: `+$1,200.00`, `−$300.00`.
pub fn signed_money(x: f64) -> String {
    if x > 0.0 {
        format!("+{}", money(x))
    } else {
        money(x)
    }
}

/// A pixel coordinate as SVG markup writes it: tenths, through integer
/// formatting, far cheaper than float formatting (a path can have 600
/// points).
struct Px(f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round();
        let t = if t.is_finite() {
            t.clamp(-1e12, 1e12) as i64
        } else {
            0
        };
        let sign = if t < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}", t.abs() / 10, t.abs() % 10)
    }
}

/// Where a marker's label goes: right of the line if it fits, else left of
/// it, else centred within the chart (labels are about 7 px a character).
pub fn label_place(x: f64, chars: usize, width: f64) -> (f64, &'static str) {
    let w = chars as f64 * 7.0;
    if x + 6.0 + w <= width - 4.0 {
        (x + 6.0, "start")
    } else if x - 6.0 - w >= 4.0 {
        (x - 6.0, "end")
    } else {
        // A label wider than the chart is centred in it: `clamp` with its
        // bounds crossed would panic and stop the page.
        let (low, high) = (w / 2.0 + 4.0, width - w / 2.0 - 4.0);
        let x = if low <= high {
            x.clamp(low, high)
        } else {
            width / 2.0
        };
        (x, "middle")
    }
}

impl LineChart {
    /// The chart's drawing as SVG markup (axes, lines and markers), for the
    /// inside of its `<svg>`: one string per update instead of a tree of
    /// nodes to diff, which keeps a keystroke cheap.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let f = &self.frame;
        let (l, r, t, b) = (Px(f.left), Px(f.right), Px(f.top), Px(f.bottom));
        let mut out = String::with_capacity(
            1024 + self.series.iter().map(|s| s.path.len() + 40).sum::<usize>(),
        );
        out.push_str(r#"<g class="axes">"#);
        for k in &self.y_ticks {
            let _ = write!(
                out,
                r#"<line class="grid" x1="{l}" x2="{r}" y1="{p}" y2="{p}"/><text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
                Px(f.left - 8.0),
                Px(k.pos + 4.0),
                Escaped(&k.label),
                p = Px(k.pos),
            );
        }
        for k in &self.x_ticks {
            let _ = write!(
                out,
                r#"<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                Px(k.pos),
                Px(f.bottom + 20.0),
                Escaped(&k.label),
            );
        }
        let _ = write!(
            out,
            r#"<line class="axis" x1="{l}" x2="{r}" y1="{b}" y2="{b}"/>"#
        );
        if let Some(z) = self.zero_y {
            let _ = write!(
                out,
                r#"<line class="zero" x1="{l}" x2="{r}" y1="{z}" y2="{z}"/>"#,
                z = Px(z)
            );
        }
        out.push_str("</g>");
        for s in &self.series {
            let _ = write!(out, r#"<path class="line {}" d="{}"/>"#, s.key, s.path);
        }
        for (k, m) in self.markers.iter().enumerate() {
            let x = Px(m.x);
            let _ = write!(
                out,
                r#"<g class="marker {key}" data-marker="{key}" data-x="{x}"><line x1="{x}" x2="{x}" y1="{t}" y2="{b}"/>"#,
                key = m.key,
            );
            if let Some(y) = m.y {
                let _ = write!(out, r#"<circle cx="{x}" cy="{}" r="5"/>"#, Px(y));
            }
            let (lx, anchor) = label_place(m.x, m.label.chars().count(), f.width);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" text-anchor="{anchor}">{}</text></g>"#,
                Px(lx),
                Px(f.top + 12.0 + 16.0 * k as f64),
                Escaped(&m.label),
            );
        }
        out
    }
}

impl Bar {
    /// The bar's tooltip and accessible name.
    pub fn tip(&self, range: f64) -> String {
        let pct = number(range * 100.0) + "%";
        format!(
            "{}: lowered {pct} → {}, raised {pct} → {}",
            self.label,
            signed_money(self.low),
            signed_money(self.high)
        )
    }
}

impl Tornado {
    /// The chart's drawing as SVG markup (ticks, bars with their labels and
    /// tooltips, the zero line), for the inside of its `<svg>`.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let f = &self.frame;
        let (t, b) = (Px(f.top), Px(f.bottom));
        let mut out = String::with_capacity(512 + 400 * self.bars.len());
        for k in &self.x_ticks {
            let _ = write!(
                out,
                r#"<line class="grid" x1="{p}" x2="{p}" y1="{t}" y2="{b}"/><text class="tick" x="{p}" y="{}" text-anchor="middle">{}</text>"#,
                Px(f.bottom + 20.0),
                Escaped(&k.label),
                p = Px(k.pos),
            );
        }
        for bar in &self.bars {
            let tip = bar.tip(self.range);
            let _ = write!(
                out,
                r#"<g class="bar" data-input="{}" tabindex="0" role="img" aria-label="{tip}"><title>{tip}</title>"#,
                bar.name,
                tip = Escaped(&tip),
            );
            let (lx, ly, anchor) = if self.labels_above {
                (f.left, bar.y - 5.0, "start")
            } else {
                (f.left - 8.0, bar.y + bar.h / 2.0 + 4.0, "end")
            };
            let _ = write!(
                out,
                r#"<text class="tick label" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
                Px(lx),
                Px(ly),
                Escaped(bar.label),
            );
            for (class, end) in [("low", bar.x_low), ("high", bar.x_high)] {
                let _ = write!(
                    out,
                    r#"<rect class="{class}" x="{}" width="{}" y="{}" height="{}"/>"#,
                    Px(end.min(self.zero_x)),
                    Px((end - self.zero_x).abs().max(1.0)),
                    Px(bar.y),
                    Px(bar.h),
                );
            }
            out.push_str("</g>");
        }
        let _ = write!(
            out,
            r#"<line class="zero" x1="{z}" x2="{z}" y1="{t}" y2="{b}"/>"#,
            z = Px(self.zero_x)
        );
        out
    }
}
