//! The distribution chart of the simulation: a histogram of
//! net benefit over the horizon across the simulated cases, with the zero
//! line and the 10th, 50th and 90th percentiles marked.

use super::line::Marker;
use super::scale::{nice_ticks, Frame, Scale, Tick};
use super::svg::{axes, label_place, text_width, Px};
use crate::core::model::montecarlo::Summary;
use crate::core::present::format::{Escaped, Fmt};

/// One bar of the histogram: the cases whose net benefit falls in
/// `from..to` (the last bar includes its upper end).
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    /// Lower edge ($).
    pub from: f64,
    /// Upper edge ($).
    pub to: f64,
    /// Cases in it.
    pub cases: u32,
    /// Pixel left edge.
    pub x: f64,
    /// Pixel width.
    pub w: f64,
    /// Pixel top.
    pub y: f64,
}

/// The histogram, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    /// Size and plot area.
    pub frame: Frame,
    /// x-axis ticks (net benefit).
    pub x_ticks: Vec<Tick>,
    /// y-axis ticks (cases).
    pub y_ticks: Vec<Tick>,
    /// The bars, left to right.
    pub bins: Vec<Bin>,
    /// The zero line (`zero`) and the percentiles (`p10`, `p50`, `p90`).
    pub markers: Vec<Marker>,
    /// The number of cases.
    pub draws: u32,
    /// A sentence saying what the chart shows, for screen readers.
    pub summary: String,
    /// The formatter its labels were written with, for the readouts.
    pub fmt: Fmt,
}

/// The histogram of `s`'s net benefits in a `width` × `height` frame:
/// bars on round money edges (about 24, fewer on a narrow screen).
pub fn distribution(fmt: Fmt, s: &Summary, width: f64, height: f64) -> Distribution {
    let mut frame = Frame::new(width, height);
    let values = &s.net_benefits;
    let (lo, hi) = match (values.first(), values.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => (0.0, 0.0),
    };
    let target = if frame.width < 520.0 { 12 } else { 24 };
    let (edges, first, last) = nice_ticks(lo, hi, target);
    let step = match edges.as_slice() {
        [a, b, ..] => b - a,
        _ => (last - first).max(1.0),
    };
    // Counts per bin, walking the sorted values once.
    let mut bins: Vec<(f64, f64, u32)> = Vec::with_capacity(edges.len());
    let mut at = 0;
    for (k, &from) in edges
        .iter()
        .enumerate()
        .take(edges.len().saturating_sub(1).max(1))
    {
        let to = edges.get(k + 1).copied().unwrap_or(from + step);
        let last_bin = k + 2 >= edges.len();
        let start = at;
        while at < values.len() && (values[at] < to || last_bin) {
            at += 1;
        }
        bins.push((from, to, (at - start) as u32));
    }
    // The markers' labels sit in rows above the plot.
    let zero_inside = first < 0.0 && last > 0.0;
    frame.top = 8.0 + 16.0 * if zero_inside { 4.0 } else { 3.0 };
    let most = bins.iter().map(|b| b.2).max().unwrap_or(0);
    let (y_values, y_lo, y_hi) = nice_ticks(0.0, f64::from(most.max(1)), 4);
    let y = Scale::linear(y_lo, y_hi, frame.bottom, frame.top);
    let y_ticks: Vec<Tick> = y_values
        .into_iter()
        .filter(|t| t.fract() == 0.0)
        .map(|t| Tick {
            pos: y.map(t),
            label: fmt.count_short(t),
        })
        .collect();
    // Room for the widest count label.
    let widest = y_ticks
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(1);
    frame.left = (widest as f64 * 7.2 + 14.0).max(40.0);
    let (x_values, _, _) = nice_ticks(first, last, if frame.width < 520.0 { 3 } else { 6 });
    let x_values: Vec<f64> = x_values
        .into_iter()
        .filter(|t| (first..=last).contains(t))
        .collect();
    // A tick at the plot's right end has its label centred there: the plot
    // leaves half of it inside the chart ("$600K" was cut on a phone).
    if let Some(&end) = x_values.last().filter(|&&t| t == last) {
        frame.right = frame
            .right
            .min(frame.width - text_width(&fmt.money_short(end)) / 2.0 - 4.0);
    }
    let x = Scale::linear(first, last, frame.left, frame.right);
    let x_ticks = x_values
        .into_iter()
        .map(|t| Tick {
            pos: x.map(t),
            label: fmt.money_short(t),
        })
        .collect();
    let bins = bins
        .into_iter()
        .map(|(from, to, cases)| Bin {
            from,
            to,
            cases,
            x: x.map(from),
            w: (x.map(to) - x.map(from)).max(1.0),
            y: y.map(f64::from(cases)),
        })
        .collect();
    let mut markers = Vec::new();
    if zero_inside {
        markers.push(Marker {
            key: "zero",
            x: x.map(0.0),
            y: None,
            label: "Break-even".to_owned(),
        });
    }
    for (key, name, v) in [
        ("p10", "P10", s.net_benefit_p10),
        ("p50", "Median", s.net_benefit_p50),
        ("p90", "P90", s.net_benefit_p90),
    ] {
        markers.push(Marker {
            key,
            x: x.map(v),
            y: None,
            label: format!("{name} {}", fmt.money_short(v)),
        });
    }
    let summary = format!(
        "Net benefit over the {}-month horizon in {} simulated cases: 1 in 10 below {}, half below {}, 9 in 10 below {}; {} above zero.",
        s.months,
        fmt.count(f64::from(s.draws)),
        fmt.money(s.net_benefit_p10),
        fmt.money(s.net_benefit_p50),
        fmt.money(s.net_benefit_p90),
        fmt.percent(s.prob_positive)
    );
    Distribution {
        frame,
        x_ticks,
        y_ticks,
        bins,
        markers,
        draws: s.draws,
        summary,
        fmt,
    }
}

impl Distribution {
    /// The readout of bar `k`: `From $1,000.00 to $1,500.00: 812 cases
    /// (8.12%)`.
    pub fn describe(&self, k: usize) -> Option<String> {
        let b = self.bins.get(k)?;
        let fmt = self.fmt;
        Some(format!(
            "From {} to {}: {} cases ({})",
            fmt.money(b.from),
            fmt.money(b.to),
            fmt.count(f64::from(b.cases)),
            fmt.percent(self.share(b))
        ))
    }

    /// The share of the cases in bar `b` (%).
    pub fn share(&self, b: &Bin) -> f64 {
        f64::from(b.cases) * 100.0 / f64::from(self.draws.max(1))
    }

    /// The chart's drawing as SVG markup (axes, bars, the zero line and the
    /// percentiles), for the inside of its `<svg>`.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let f = &self.frame;
        let b = Px(f.bottom);
        let mut out = String::with_capacity(2048 + 120 * self.bins.len());
        axes(&mut out, f, &self.y_ticks, &self.x_ticks);
        out.push_str("</g>");
        for bin in &self.bins {
            if bin.cases == 0 {
                continue;
            }
            // A bar that starts below zero is a loss (or straddles zero).
            let class = if bin.from < 0.0 { "loss" } else { "gain" };
            let _ = write!(
                out,
                r#"<rect class="bin {class}" x="{}" width="{}" y="{}" height="{}"/>"#,
                Px(bin.x + 0.5),
                Px((bin.w - 1.0).max(1.0)),
                Px(bin.y),
                Px((f.bottom - bin.y).max(1.0)),
            );
        }
        for (k, m) in self.markers.iter().enumerate() {
            let x = Px(m.x);
            let _ = write!(
                out,
                r#"<g class="marker {key}" data-marker="{key}" data-x="{x}"><line x1="{x}" x2="{x}" y1="{}" y2="{b}"/>"#,
                Px(24.0 + 16.0 * k as f64),
                key = m.key,
            );
            let (lx, anchor) = label_place(m.x, m.label.chars().count(), f.width);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" text-anchor="{anchor}">{}</text></g>"#,
                Px(lx),
                Px(20.0 + 16.0 * k as f64),
                Escaped(&m.label),
            );
        }
        out
    }
}
