//! The options charts (issue 28): each option's cumulative cost over the
//! horizon, with the months where two options' cumulative costs cross,
//! and each option's present-value cost against the starting monthly
//! volume, with the cheapest envelope, the crossover volumes and the
//! current volume. Definitions: docs/model.md, "Options side by side",
//! "The options charts".

use super::line::{fit_labels, write_axes, write_markers, y_axis, Marker, Readout, XKind};
use super::readout::{nearest, Pointed};
use super::scale::{nice_ticks, Frame, Scale, Tick};
use super::svg::{path, Px};
use super::table::{Cell, Row, Table};
use crate::core::model::basis::difference;
use crate::core::model::options::{
    crossovers, cumulative_costs, option_cost, pv_curve, PvCurve, MAX_VOLUME,
};
use crate::core::model::{Approach, Basis};
use crate::core::present::format::{raw, Fmt};

/// One option to draw: its number, what people call it and its terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Plotted {
    /// Its number (1 to 6).
    pub number: usize,
    /// Its title ("Baseline", its name, "Option K").
    pub title: String,
    /// Its terms.
    pub approach: Approach,
}

impl Plotted {
    /// How the summaries name it: "Option 3", or "Its name (option 3)".
    pub fn named(&self) -> String {
        let plain = format!("Option {}", self.number);
        if self.title == plain {
            plain
        } else {
            format!("{} (option {})", self.title, self.number)
        }
    }
}

/// One option's line.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSeries {
    /// The option's number (`data-series` on its line and legend entry).
    pub number: usize,
    /// Legend text.
    pub title: String,
    /// Its look (colour and dash pattern), 0 to 5 by its place on the page.
    pub style: usize,
    /// SVG path data.
    pub path: String,
}

/// A marked point: two lines crossing, or the cheapest changing.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossing {
    /// Where, in the x axis' units (months or requests a month).
    pub at: f64,
    /// The two options' numbers (the lower first).
    pub between: (usize, usize),
    /// x and y in pixels.
    pub px: (f64, f64),
}

/// An options chart, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsChart {
    /// Size and plot area.
    pub frame: Frame,
    /// x-axis ticks.
    pub x_ticks: Vec<Tick>,
    /// y-axis ticks.
    pub y_ticks: Vec<Tick>,
    /// y of the zero line, when zero is in range.
    pub zero_y: Option<f64>,
    /// One line per option.
    pub series: Vec<OptionSeries>,
    /// The cheapest envelope's path data (the volume chart).
    pub envelope: Option<String>,
    /// The envelope's points: (requests a month, the lowest present-value
    /// cost there), twice at a step (just at it, then just above it).
    pub envelope_points: Vec<(f64, f64)>,
    /// Crossings of the lines (time) or changes of the cheapest (volume).
    pub crossings: Vec<Crossing>,
    /// Vertical markers (the current volume).
    pub markers: Vec<Marker>,
    /// One readout per table row, left to right: x, then one value per
    /// option in `series` order.
    pub readouts: Vec<Readout>,
    /// Column headings of the table (x first, then one per option).
    pub columns: Vec<String>,
    /// A sentence or two saying what the chart shows.
    pub summary: String,
    /// What the x axis counts.
    pub x_kind: XKind,
    /// The formatter its labels were written with.
    pub fmt: Fmt,
}

/// The months at which two cumulative cost series cross (`costs[k]` is
/// option k's cost at months 0..=H): for each pair, each time the order
/// of the two swaps (costs within the model's tolerance count as equal,
/// [`difference`]). The lines are straight between month ends, so the
/// crossing is where the two segments meet, by linear interpolation
/// within the month where the order swaps; when they were equal at some
/// month ends in between, the first month end at which they met. In
/// increasing month, then pair: (month, i, j) with i < j indices.
pub fn month_crossings(costs: &[Vec<f64>]) -> Vec<(f64, usize, usize)> {
    let mut out = Vec::new();
    for i in 0..costs.len() {
        for j in i + 1..costs.len() {
            // The last month with a strict order and its sign, and the
            // first month since then at which the two were equal.
            let mut last: Option<(usize, f64)> = None;
            let mut met: Option<usize> = None;
            for (m, (a, b)) in costs[i].iter().zip(&costs[j]).enumerate() {
                let d = difference(*a, *b);
                if d == 0.0 {
                    met = met.or(Some(m));
                    continue;
                }
                if let Some((lm, ld)) = last {
                    if ld.signum() != d.signum() {
                        let at = match met {
                            Some(e) => e as f64,
                            None => {
                                let (d0, d1) = (a_minus_b(costs, i, j, lm), a - b);
                                lm as f64 + d0 / (d0 - d1)
                            }
                        };
                        out.push((at, i, j));
                    }
                }
                last = Some((m, d));
                met = None;
            }
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    out
}

fn a_minus_b(costs: &[Vec<f64>], i: usize, j: usize, m: usize) -> f64 {
    costs[i][m] - costs[j][m]
}

/// The lowest of `values` (index): ties within the model's tolerance go to
/// the lower index, as the cheapest option's do.
fn lowest(values: impl Iterator<Item = f64>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (k, v) in values.enumerate() {
        match best {
            Some((_, b)) if difference(v, b) >= 0.0 => {}
            _ => best = Some((k, v)),
        }
    }
    best.map(|b| b.0)
}

/// Up to this many changes are told one by one in a summary.
const TOLD: usize = 5;

/// Joins the told parts of a summary, with how many more there are.
fn told(parts: Vec<String>) -> String {
    let more = parts.len().saturating_sub(TOLD);
    let mut text = parts.into_iter().take(TOLD).collect::<Vec<_>>().join("; ");
    if more > 0 {
        text.push_str(&format!("; and {more} more change(s)"));
    }
    text
}

/// A look for the option at place `k` on the page: six, then again.
fn style(k: usize) -> usize {
    k % 6
}

/// x-axis ticks over `0..=hi` labelled by `label`.
fn x_ticks(x: &Scale, hi: f64, label: impl Fn(f64) -> String) -> Vec<Tick> {
    let (ticks, _, _) = nice_ticks(0.0, hi, 6);
    ticks
        .into_iter()
        .filter(|t| *t >= 0.0 && *t <= hi)
        .map(|t| Tick {
            pos: x.map(t),
            label: label(t),
        })
        .collect()
}

/// Cumulative cost over the horizon, one line per option (months 0 to H,
/// [`cumulative_costs`]), with every crossing of two lines marked
/// ([`month_crossings`]).
pub fn options_cumulative(
    fmt: Fmt,
    basis: &Basis,
    options: &[Plotted],
    width: f64,
    height: f64,
) -> OptionsChart {
    let mut frame = Frame::new(width, height);
    let h = basis.months;
    let costs: Vec<Vec<f64>> = options
        .iter()
        .map(|o| cumulative_costs(basis, &o.approach))
        .collect();
    let (y, y_ticks, zero_y) = y_axis(fmt, costs.iter().flatten().copied(), &frame);
    fit_labels(&mut frame, &y_ticks);
    let span = f64::from(h.max(1));
    let x = Scale::linear(0.0, span, frame.left, frame.right);
    let series = options
        .iter()
        .zip(&costs)
        .enumerate()
        .map(|(k, (o, c))| OptionSeries {
            number: o.number,
            title: o.title.clone(),
            style: style(k),
            path: path(
                &c.iter()
                    .enumerate()
                    .map(|(m, v)| (x.map(m as f64), y.map(*v)))
                    .collect::<Vec<_>>(),
            ),
        })
        .collect();
    let found = month_crossings(&costs);
    let crossings = found
        .iter()
        .map(|&(at, i, j)| {
            let m = (at.floor() as usize).min(h as usize);
            let next = (m + 1).min(h as usize);
            let t = at - m as f64;
            let value = costs[i][m] + (costs[i][next] - costs[i][m]) * t;
            Crossing {
                at,
                between: (options[i].number, options[j].number),
                px: (x.map(at), y.map(value)),
            }
        })
        .collect();
    let readouts = (0..=h as usize)
        .map(|m| {
            let values: Vec<f64> = costs.iter().map(|c| c[m]).collect();
            Readout {
                x: x.map(m as f64),
                ys: values.iter().map(|v| y.map(*v)).collect(),
                raw: std::iter::once(m as f64).chain(values).collect(),
            }
        })
        .collect();
    let summary = cumulative_summary(fmt, h, options, &costs, found.len());
    OptionsChart {
        frame,
        x_ticks: x_ticks(&x, span, |t| fmt.number(t)),
        y_ticks,
        zero_y,
        series,
        envelope: None,
        envelope_points: Vec::new(),
        crossings,
        markers: Vec::new(),
        readouts,
        columns: columns("Month", options),
        summary,
        x_kind: XKind::Month,
        fmt,
    }
}

fn columns(first: &str, options: &[Plotted]) -> Vec<String> {
    std::iter::once(first.to_owned())
        .chain(options.iter().map(|o| o.title.clone()))
        .collect()
}

/// The cumulative chart in words: which option costs least so far at the
/// start, from which month another does (the lowest line month by month;
/// the month where it changes by the crossing of the two lines), and how
/// often the lines cross.
fn cumulative_summary(
    fmt: Fmt,
    h: u32,
    options: &[Plotted],
    costs: &[Vec<f64>],
    crossings: usize,
) -> String {
    let at = |m: usize| lowest(costs.iter().map(|c| c[m]));
    let Some(start) = at(0) else {
        return "No option can be drawn: each one has an invalid field.".to_owned();
    };
    // Options level at the start: the one lower after the first month.
    let first = if h == 0 {
        start
    } else {
        let level: Vec<usize> = (0..costs.len())
            .filter(|&k| difference(costs[k][0], costs[start][0]) == 0.0)
            .collect();
        lowest(level.iter().map(|&k| costs[k][1])).map_or(start, |i| level[i])
    };
    let mut leader = first;
    let mut parts = Vec::new();
    for m in 1..=h as usize {
        let Some(now) = at(m) else { continue };
        if now == leader {
            continue;
        }
        let d0 = costs[now][m - 1] - costs[leader][m - 1];
        let d1 = costs[now][m] - costs[leader][m];
        let from = if d0 > d1 && d0 > 0.0 {
            (m - 1) as f64 + d0 / (d0 - d1)
        } else {
            (m - 1) as f64
        };
        parts.push(format!(
            "{} is cheapest from month {}",
            options[now].named(),
            fmt.months(from)
        ));
        leader = now;
    }
    let last = &options[leader];
    let end = costs[leader].last().copied().unwrap_or(0.0);
    let lines = match crossings {
        0 => "the lines do not cross".to_owned(),
        1 => "the lines cross once".to_owned(),
        n => format!("the lines cross {} times", fmt.count(n as f64)),
    };
    if parts.is_empty() {
        format!(
            "{} has the lowest cumulative cost throughout the {h}-month horizon, ending at {}; {lines}.",
            last.named(),
            fmt.money(end)
        )
    } else {
        format!(
            "{} has the lowest cumulative cost at the start; {}. At the end of the {h}-month horizon {} has the lowest, {}; {lines}.",
            options[first].named(),
            told(parts),
            last.named(),
            fmt.money(end)
        )
    }
}

/// Most unit steps one option's line on the volume chart draws one by one;
/// beyond that they are finer than a pixel and every line is sampled
/// densely instead.
pub const MAX_OPTION_STEPS: usize = 400;

/// A line's points: (requests a month, $).
type Points = Vec<(f64, f64)>;

/// Points of a sampled volume chart (when the steps are too many to draw).
const SAMPLES: usize = 480;

/// Rows of the volume chart's table besides the current and crossover
/// volumes.
const ROWS: usize = 24;

/// The volume chart's range, 0 to this (requests a month), before it is
/// rounded to its ticks: at least twice the current volume `current`, and
/// 1.25 × the largest crossover volume up to 100 × the current volume (any
/// crossover when the current volume is 0); 10,000 with neither.
pub fn volume_range(current: f64, crossovers: &[f64]) -> f64 {
    let cap = if current > 0.0 {
        current * 100.0
    } else {
        f64::INFINITY
    };
    let largest = crossovers
        .iter()
        .copied()
        .filter(|v| *v > 0.0 && *v <= cap)
        .fold(0.0f64, f64::max);
    let hi = (current * 2.0).max(largest * 1.25);
    if hi > 0.0 && hi.is_finite() {
        hi.min(MAX_VOLUME)
    } else {
        10_000.0
    }
}

/// Present-value cost against the starting monthly volume, one line per
/// option from 0 to [`volume_range`] (rounded up to a tick), with the
/// cheapest envelope, the changes of the cheapest ([`crossovers`]) and the
/// current volume marked. Each line is drawn from the model's pieces
/// ([`pv_curve`]): straight between unit steps, vertical at each step, so
/// no crossing is missed; with more than [`MAX_OPTION_STEPS`] steps on a
/// line, every line is sampled at 480 points plus the crossover volumes.
/// The table's values are each option's present-value cost at that
/// volume ([`option_cost`]), at every 1/24 of the range, the current
/// volume and each crossover volume in range.
pub fn options_volume(
    fmt: Fmt,
    basis: &Basis,
    options: &[Plotted],
    width: f64,
    height: f64,
) -> OptionsChart {
    let mut frame = Frame::new(width, height);
    let current = basis.requests;
    let approaches: Vec<Approach> = options.iter().map(|o| o.approach).collect();
    let found = crossovers(basis, &approaches, MAX_VOLUME);
    let (_, _, hi) = nice_ticks(0.0, volume_range(current, &found.volumes()), 5);
    let hi = if hi > 0.0 { hi } else { 10_000.0 };
    let pv = |k: usize, v: f64| {
        option_cost(
            &Basis {
                requests: v,
                ..*basis
            },
            &approaches[k],
        )
        .pv_cost
    };
    let in_range: Vec<(f64, usize)> = found
        .changes
        .iter()
        .copied()
        .filter(|&(v, _)| v <= hi)
        .collect();
    // The drawn points of each line: (volume, cost).
    let curves: Option<Vec<PvCurve>> = approaches
        .iter()
        .map(|a| pv_curve(basis, a, hi, MAX_OPTION_STEPS))
        .collect();
    let (lines, envelope): (Vec<Points>, Points) = match &curves {
        Some(curves) => {
            let mut xs: Vec<f64> = vec![0.0, hi];
            xs.extend(curves.iter().flat_map(|c| c.steps.iter().map(|s| s.0)));
            xs.extend(in_range.iter().map(|c| c.0));
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let after = |c: &PvCurve, v: f64| {
                c.at(v)
                    + c.steps
                        .iter()
                        .filter(|s| s.0 == v)
                        .map(|s| s.1)
                        .sum::<f64>()
            };
            let lines = curves
                .iter()
                .map(|c| {
                    let mut points = vec![(0.0, c.at(0.0))];
                    for &(at, _) in &c.steps {
                        points.push((at, c.at(at)));
                        points.push((at, after(c, at)));
                    }
                    points.push((hi, c.at(hi)));
                    points
                })
                .collect();
            let mut env = Vec::with_capacity(2 * xs.len());
            for &v in &xs {
                let before = curves.iter().map(|c| c.at(v)).fold(f64::INFINITY, f64::min);
                let above = curves
                    .iter()
                    .map(|c| after(c, v))
                    .fold(f64::INFINITY, f64::min);
                env.push((v, before));
                if above != before && v < hi {
                    env.push((v, above));
                }
            }
            (lines, env)
        }
        None => {
            let mut xs: Vec<f64> = (0..=SAMPLES)
                .map(|k| hi * k as f64 / SAMPLES as f64)
                .collect();
            xs.extend(in_range.iter().map(|c| c.0));
            xs.sort_by(f64::total_cmp);
            xs.dedup();
            let lines: Vec<Vec<(f64, f64)>> = (0..options.len())
                .map(|k| xs.iter().map(|&v| (v, pv(k, v))).collect())
                .collect();
            let env = xs
                .iter()
                .enumerate()
                .map(|(n, &v)| {
                    let low = lines.iter().map(|l| l[n].1).fold(f64::INFINITY, f64::min);
                    (v, low)
                })
                .collect();
            (lines, env)
        }
    };
    // The table's rows: even steps, the current volume, the crossovers.
    let mut rows: Vec<f64> = (0..=ROWS).map(|k| hi * k as f64 / ROWS as f64).collect();
    if current <= hi {
        rows.push(current);
    }
    rows.extend(in_range.iter().map(|c| c.0));
    rows.sort_by(f64::total_cmp);
    rows.dedup();
    let values: Vec<Vec<f64>> = rows
        .iter()
        .map(|&v| (0..options.len()).map(|k| pv(k, v)).collect())
        .collect();
    let (y, y_ticks, zero_y) = y_axis(
        fmt,
        lines
            .iter()
            .flatten()
            .map(|p| p.1)
            .chain(values.iter().flatten().copied()),
        &frame,
    );
    fit_labels(&mut frame, &y_ticks);
    let x = Scale::linear(0.0, hi, frame.left, frame.right);
    let draw = |points: &[(f64, f64)]| {
        path(
            &points
                .iter()
                .map(|(v, c)| (x.map(*v), y.map(*c)))
                .collect::<Vec<_>>(),
        )
    };
    let series = options
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(k, (o, l))| OptionSeries {
            number: o.number,
            title: o.title.clone(),
            style: style(k),
            path: draw(l),
        })
        .collect();
    let mut from = found.first;
    let crossings = in_range
        .iter()
        .map(|&(v, to)| {
            let c = Crossing {
                at: v,
                between: (
                    options[from].number.min(options[to].number),
                    options[from].number.max(options[to].number),
                ),
                px: (x.map(v), y.map(pv(to, v))),
            };
            from = to;
            c
        })
        .collect();
    let now = lowest((0..options.len()).map(|k| pv(k, current)));
    let markers = vec![Marker {
        key: "current",
        x: x.map(current.min(hi)),
        y: now.map(|k| y.map(pv(k, current))),
        label: format!("Now {}/month", fmt.count(current)),
    }];
    let readouts = rows
        .iter()
        .zip(&values)
        .map(|(&v, vals)| Readout {
            x: x.map(v),
            ys: vals.iter().map(|c| y.map(*c)).collect(),
            raw: std::iter::once(v).chain(vals.iter().copied()).collect(),
        })
        .collect();
    let summary = volume_summary(fmt, basis, options, &found, now);
    OptionsChart {
        frame,
        x_ticks: x_ticks(&x, hi, |t| fmt.count_short(t)),
        y_ticks,
        zero_y,
        series,
        envelope: (!options.is_empty()).then(|| draw(&envelope)),
        envelope_points: envelope,
        crossings,
        markers,
        readouts,
        columns: columns("Requests per month", options),
        summary,
        x_kind: XKind::Volume,
        fmt,
    }
}

/// The volume chart in words: the cheapest at the smallest volumes, above
/// which volume each other one is, and the cheapest at the current volume.
fn volume_summary(
    fmt: Fmt,
    basis: &Basis,
    options: &[Plotted],
    found: &crate::core::model::options::Crossovers,
    now: Option<usize>,
) -> String {
    let Some(first) = options.get(found.first) else {
        return "No option can be drawn: each one has an invalid field.".to_owned();
    };
    let mut parts: Vec<String> = found
        .changes
        .iter()
        .map(|&(v, k)| {
            format!(
                "above {} requests a month {} is cheapest",
                fmt.count(v),
                options[k].named()
            )
        })
        .collect();
    if let Some(v) = found.gave_up_at {
        parts.push(format!(
            "above {} requests a month the serving steps are too many to follow",
            fmt.count(v)
        ));
    }
    let start = format!(
        "By present-value cost over the {}-month horizon, {} is cheapest at the smallest volumes",
        basis.months,
        first.named()
    );
    let at_now = match now {
        Some(k) => format!(
            " At the scenario's {} requests a month, {} is cheapest.",
            fmt.count(basis.requests),
            options[k].named()
        ),
        None => String::new(),
    };
    if parts.is_empty() {
        format!("{start} and at every volume.{at_now}")
    } else {
        format!("{start}; {}.{at_now}", told(parts))
    }
}

impl OptionsChart {
    /// The heading and the labelled values of readout `k`.
    pub fn describe(&self, k: usize) -> Option<(String, Vec<(String, String)>)> {
        let r = self.readouts.get(k)?;
        let fmt = self.fmt;
        let title = match self.x_kind {
            XKind::Month => format!("Month {}", fmt.number(r.raw[0])),
            XKind::Volume => format!("{} requests/month", fmt.count(r.raw[0])),
        };
        let values = self.columns[1..]
            .iter()
            .zip(&r.raw[1..])
            .map(|(c, v)| (c.clone(), fmt.money(*v)))
            .collect();
        Some((title, values))
    }

    /// The table alternative: one row per readout, x first, then each
    /// option's cost.
    pub fn table(&self) -> Table {
        let fmt = self.fmt;
        Table {
            columns: self.columns.clone(),
            rows: self
                .readouts
                .iter()
                .map(|r| {
                    let (x, values) = r.raw.split_first().unwrap_or((&0.0, &[]));
                    let head = match self.x_kind {
                        XKind::Month => fmt.number(*x),
                        XKind::Volume => fmt.count(*x),
                    };
                    Row {
                        input: None,
                        head: Cell {
                            text: head,
                            value: Some(raw(Some(*x))),
                        },
                        cells: values
                            .iter()
                            .map(|v| Cell {
                                text: fmt.money(*v),
                                value: Some(raw(Some(*v))),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }

    /// The drawing as SVG markup: axes, the envelope under the lines, the
    /// lines (`data-series`), the crossings and the markers.
    pub fn svg(&self) -> String {
        use std::fmt::Write;
        let f = &self.frame;
        let mut out = String::with_capacity(
            2048 + self.series.iter().map(|s| s.path.len() + 60).sum::<usize>(),
        );
        write_axes(&mut out, f, &self.y_ticks, &self.x_ticks, self.zero_y);
        if let Some(e) = &self.envelope {
            let _ = write!(
                out,
                r#"<path class="line envelope" data-envelope="" d="{e}"/>"#
            );
        }
        for s in &self.series {
            let _ = write!(
                out,
                r#"<path class="line opt{}" data-series="{}" d="{}"/>"#,
                s.style, s.number, s.path
            );
        }
        for c in &self.crossings {
            let _ = write!(
                out,
                r#"<circle class="crossing" data-crossing="{} {}" cx="{}" cy="{}" r="4"/>"#,
                c.between.0,
                c.between.1,
                Px(c.px.0),
                Px(c.px.1)
            );
        }
        write_markers(&mut out, f, &self.y_ticks, &self.markers);
        out
    }
}

/// An options chart reads the row nearest the pointer.
impl Pointed for OptionsChart {
    fn width(&self) -> f64 {
        self.frame.width
    }
    fn at(&self, x: f64) -> Option<usize> {
        nearest(self.readouts.iter().map(|r| r.x), x)
    }
}
