//! The sensitivity (tornado) chart: each estimate moved by ±range and the
//! change in net benefit, largest impact first.

use super::scale::{nice_ticks, Frame, Scale, Tick};
use super::svg::{text_width, Px};
use crate::core::inputs::field::{Field, MIN_NONZERO};
use crate::core::model::closed::{net_benefit, Inputs};
use crate::core::model::serving::{Capacity, Serving};
use crate::core::present::format::Escaped;
use crate::core::present::format::Fmt;

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
    /// The formatter its labels were written with, for the tooltips.
    pub fmt: Fmt,
}

/// Moves each estimate by ±`range` (a fraction) and records the change in
/// net benefit, largest impact first.
pub fn tornado(fmt: Fmt, i: &Inputs, range: f64, width: f64) -> Tornado {
    /// An estimate: its field (public name and label), how to read it and
    /// how to set it.
    type Knob = (Field, fn(&Inputs) -> f64, fn(&mut Inputs, f64));
    #[rustfmt::skip]
    let knobs: [Knob; 16] = [
        (Field::Training, |i| i.training, |i, v| i.training = v),
        (Field::Maintenance, |i| i.maintenance, |i, v| i.maintenance = v),
        (Field::Baseline, |i| i.baseline, |i, v| i.baseline = v),
        (Field::Finetuned, |i| i.finetuned, |i, v| i.finetuned = v),
        (Field::Requests, |i| i.requests, |i, v| i.requests = v),
        (Field::RetrainCost, |i| i.retrain_cost, |i, v| i.retrain_cost = v),
        (Field::AccuracyGain, |i| i.accuracy_gain, |i, v| i.accuracy_gain = v),
        (Field::ErrorValue, |i| i.error_value, |i, v| i.error_value = v),
        // Serving costs: rates, throughput and peak factor of the
        // mode a side uses. Throughput and peak factor stay within their
        // fields' limits (no unit serves nothing; peak is at least average).
        (Field::BaseHostRate, |i| hourly_rate(&i.base_serving), |i, v| set_hourly_rate(&mut i.base_serving, v)),
        (Field::FtHostRate, |i| hourly_rate(&i.ft_serving), |i, v| set_hourly_rate(&mut i.ft_serving, v)),
        (Field::BaseUnitRate, |i| unit(&i.base_serving, |c| c.unit_rate), |i, v| set_unit(&mut i.base_serving, v, |c, v| c.unit_rate = v)),
        (Field::FtUnitRate, |i| unit(&i.ft_serving, |c| c.unit_rate), |i, v| set_unit(&mut i.ft_serving, v, |c, v| c.unit_rate = v)),
        (Field::BaseUnitRps, |i| unit(&i.base_serving, |c| c.unit_rps), |i, v| set_unit(&mut i.base_serving, v, |c, v| c.unit_rps = v.max(MIN_NONZERO))),
        (Field::FtUnitRps, |i| unit(&i.ft_serving, |c| c.unit_rps), |i, v| set_unit(&mut i.ft_serving, v, |c, v| c.unit_rps = v.max(MIN_NONZERO))),
        (Field::BasePeakFactor, |i| unit(&i.base_serving, |c| c.peak_factor), |i, v| set_unit(&mut i.base_serving, v, |c, v| c.peak_factor = v.clamp(1.0, MAX_PEAK))),
        (Field::FtPeakFactor, |i| unit(&i.ft_serving, |c| c.peak_factor), |i, v| set_unit(&mut i.ft_serving, v, |c, v| c.peak_factor = v.clamp(1.0, MAX_PEAK))),
    ];
    let base = net_benefit(i);
    let bars = knobs
        .iter()
        // The optional inputs take part only when the scenario uses them.
        .filter(|k| {
            ((k.1)(i) != 0.0
                || !matches!(
                    k.0,
                    Field::RetrainCost | Field::AccuracyGain | Field::ErrorValue
                ))
                && serving_used(i, k.0)
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
    // The outer tick labels are centred on the plot's edges: the plot
    // leaves half of each inside the chart ("−$400K" and "$400K" were cut).
    let labels: Vec<String> = ticks.iter().map(|&t| fmt.money_short(t)).collect();
    let half = |label: Option<&String>| label.map_or(0.0, |l| text_width(l) / 2.0 + 4.0);
    frame.left = frame.left.max(half(labels.first()));
    frame.right = frame.right.min(frame.width - half(labels.last()));
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
            fmt.number(range * 100.0),
            b.label.to_lowercase(),
            signed_money(fmt, b.low.min(b.high)),
            signed_money(fmt, b.low.max(b.high))
        ),
        None => "No estimate to vary.".to_owned(),
    };
    Tornado {
        frame,
        x_ticks: ticks
            .into_iter()
            .zip(labels)
            .map(|(t, label)| Tick {
                pos: x.map(t),
                label,
            })
            .collect(),
        zero_x: x.map(0.0),
        bars,
        base,
        range,
        summary,
        labels_above,
        fmt,
    }
}

/// A change in money with an explicit sign: `+$1,200.00`, `−$300.00`.
pub fn signed_money(fmt: Fmt, x: f64) -> String {
    if x > 0.0 {
        format!("+{}", fmt.money(x))
    } else {
        fmt.money(x)
    }
}

impl Bar {
    /// The bar's tooltip and accessible name.
    pub fn tip(&self, fmt: Fmt, range: f64) -> String {
        let pct = fmt.number(range * 100.0) + "%";
        format!(
            "{}: lowered {pct} → {}, raised {pct} → {}",
            self.label,
            signed_money(fmt, self.low),
            signed_money(fmt, self.high)
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
        // The zero line goes under the bars and their labels: on a phone a
        // label above its bar crosses it, and is drawn over it with a halo
        // (CSS), never under it.
        let _ = write!(
            out,
            r#"<line class="zero" x1="{z}" x2="{z}" y1="{t}" y2="{b}"/>"#,
            z = Px(self.zero_x)
        );
        for bar in &self.bars {
            let tip = bar.tip(self.fmt, self.range);
            let _ = write!(
                out,
                r#"<g class="bar" data-input="{}" tabindex="0" role="img" aria-label="{tip}"><title>{tip}</title>"#,
                bar.name,
                tip = Escaped(&tip),
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
            out.push_str("</g>");
        }
        out
    }
}

// Serving costs.

/// The most peak-to-average load a scenario can have.
const MAX_PEAK: f64 = crate::core::model::serving::MAX_PEAK as f64;

/// Whether `field` is an estimate the scenario uses: a serving rate,
/// throughput or peak factor only in its side's mode; every other knob yes.
fn serving_used(i: &Inputs, field: Field) -> bool {
    let hourly = |s: &Serving| matches!(s, Serving::Hourly { .. });
    let capacity = |s: &Serving| s.capacity().is_some();
    match field {
        Field::BaseHostRate => hourly(&i.base_serving),
        Field::FtHostRate => hourly(&i.ft_serving),
        Field::BaseUnitRate | Field::BaseUnitRps | Field::BasePeakFactor => {
            capacity(&i.base_serving)
        }
        Field::FtUnitRate | Field::FtUnitRps | Field::FtPeakFactor => capacity(&i.ft_serving),
        _ => true,
    }
}

fn hourly_rate(s: &Serving) -> f64 {
    match s {
        Serving::Hourly { rate, .. } => *rate,
        _ => 0.0,
    }
}

fn set_hourly_rate(s: &mut Serving, v: f64) {
    if let Serving::Hourly { rate, .. } = s {
        *rate = v;
    }
}

fn unit(s: &Serving, get: fn(&Capacity) -> f64) -> f64 {
    s.capacity().map_or(0.0, get)
}

fn set_unit(s: &mut Serving, v: f64, set: fn(&mut Capacity, f64)) {
    if let Serving::Capacity(c) = s {
        set(c, v);
    }
}
