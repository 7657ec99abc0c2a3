//! The month-by-month schedule: requests (with growth), costs, maintenance,
//! retraining lumps, the net flow, the cumulative position and its
//! discounted value, of one side against another on a basis (volumes,
//! retraining calendar and discount factors from [`super::basis`]).
//! Break-even and NPV with growth or discounting come from here; without
//! them the schedule agrees with the closed forms of [`super::closed`]
//! (property-tested).

use super::approach::Comparison;
use super::basis::{Compounding, Discounting};
use super::types::Inputs;
use crate::core::present::format::data;

/// Longest schedule: the longest horizon.
pub const MAX_MONTHS: u32 = crate::core::inputs::field::MAX_MONTHS;

/// One month of the schedule (amounts in dollars, flows of that month).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Month {
    /// 1-based month number.
    pub month: u32,
    /// Requests served: V·(1+g)^(m−1).
    pub requests: f64,
    /// Baseline inference cost.
    pub baseline_cost: f64,
    /// Fine-tuned inference cost.
    pub finetuned_cost: f64,
    /// Monthly maintenance.
    pub maintenance: f64,
    /// Retraining lump sums falling in this month.
    pub retraining: f64,
    /// Value of avoided errors.
    pub quality: f64,
    /// baseline − fine-tuned + quality − maintenance − retraining.
    pub net: f64,
    /// −T + the nets so far.
    pub cumulative: f64,
    /// −T + the nets so far, each discounted to today.
    pub discounted_cumulative: f64,
    /// Cumulative requests served so far.
    pub cumulative_requests: f64,
    // Serving costs.
    /// The baseline's serving cost S_base,m (0 per token).
    pub baseline_serving: f64,
    /// The fine-tuned side's serving cost S_ft,m (0 per token).
    pub finetuned_serving: f64,
    /// Units the baseline runs, in capacity mode.
    pub baseline_units: Option<f64>,
    /// Units the fine-tuned side runs, in capacity mode.
    pub finetuned_units: Option<f64>,
}

/// The schedule of scenario `i` for `months` months (capped at
/// [`MAX_MONTHS`]).
pub fn schedule(i: &Inputs, months: u32) -> Vec<Month> {
    schedule_of(&Comparison::of(i), months)
}

/// The schedule of a comparison for `months` months (capped at
/// [`MAX_MONTHS`]).
pub fn schedule_of(c: &Comparison, months: u32) -> Vec<Month> {
    let months = months.min(MAX_MONTHS);
    let mut out = Vec::with_capacity(months as usize);
    out.extend(Months::of(c).take(months as usize));
    out
}

/// The schedule's months one by one, from month 1 on, without end: what
/// [`schedule`] collects, for a caller that needs only some of each month
/// (the simulation) or stops early. Every month is computed exactly as
/// there, so the two agree to the last bit.
#[derive(Clone, Debug)]
pub struct Months {
    comparison: Comparison,
    quality_per_request: f64,
    monthly: f64,
    month: u32,
    volumes: Compounding,
    discounts: Discounting,
    cumulative: f64,
    discounted: f64,
    served: f64,
    /// Each side's (A, B) retrainings before this month.
    lumps_before: (f64, f64),
    serving: bool,
}

impl Months {
    /// The months of scenario `i`.
    pub fn new(i: &Inputs) -> Months {
        Months::of(&Comparison::of(i))
    }

    /// The months of comparison `c`.
    pub fn of(c: &Comparison) -> Months {
        let training = c.one_time();
        Months {
            comparison: *c,
            quality_per_request: c.quality_per_request(),
            monthly: c.monthly(),
            month: 0,
            volumes: c.basis.volumes(),
            discounts: c.basis.discount_factors(),
            cumulative: -training,
            discounted: -training,
            served: 0.0,
            lumps_before: (0.0, 0.0),
            serving: c.has_serving(),
        }
    }
}

impl Iterator for Months {
    type Item = Month;

    fn next(&mut self) -> Option<Month> {
        let Comparison { a, b, .. } = &self.comparison;
        self.month += 1;
        let m = self.month;
        let requests = self.volumes.next()?;
        // The lumps of each side falling in this month: B's add to the
        // costs, A's (a side compared against that retrains too) save them.
        let lumps = (
            a.retraining.count_by(f64::from(m)),
            b.retraining.count_by(f64::from(m)),
        );
        let retraining = b.retraining.cost * (lumps.1 - self.lumps_before.1)
            - a.retraining.cost * (lumps.0 - self.lumps_before.0)
            + b.retraining.migration.in_month(m)
            - a.retraining.migration.in_month(m);
        self.lumps_before = lumps;
        let baseline_cost = a.cost_per_request * requests;
        let finetuned_cost = b.cost_per_request * requests;
        let quality = self.quality_per_request * requests;
        let mut net = baseline_cost - finetuned_cost + quality - self.monthly - retraining;
        // Serving is inference: it accrues evenly within the month, like
        // maintenance.
        let (base, ft) = (a.serving.month(requests), b.serving.month(requests));
        if self.serving {
            net += base.cost - ft.cost;
        }
        let factor = self.discounts.next()?;
        self.cumulative += net;
        self.discounted += net * factor;
        self.served += requests;
        Some(Month {
            month: m,
            requests,
            baseline_cost,
            finetuned_cost,
            maintenance: self.monthly,
            retraining,
            quality,
            net,
            cumulative: self.cumulative,
            discounted_cumulative: self.discounted,
            cumulative_requests: self.served,
            baseline_serving: base.cost,
            finetuned_serving: ft.cost,
            baseline_units: base.units,
            finetuned_units: ft.units,
        })
    }
}

/// The time (months) from which a position stays at or above zero, from
/// month-end positions (`start` at month 0) and each month's accrual before
/// its lumps (savings accrue evenly; lumps land at the month's end).
/// `None` when it is still negative at the end of the schedule.
pub fn crossing(start: f64, ends: &[f64], accruals: &[f64]) -> Option<f64> {
    // The last month-end at which the position is negative.
    let last_negative = ends.iter().rposition(|&p| p < 0.0);
    match last_negative {
        None if start >= 0.0 => Some(0.0),
        None => {
            let rate = accruals.first().copied().unwrap_or(0.0);
            (rate > 0.0).then(|| (-start / rate).min(1.0))
        }
        Some(j) if j + 1 == ends.len() => None,
        Some(j) => {
            let rate = accruals[j + 1];
            let t = if rate > 0.0 {
                (-ends[j] / rate).min(1.0)
            } else {
                1.0
            };
            Some((j + 1) as f64 + t)
        }
    }
}

/// When a position (month-end values `ends`, as for [`crossing`]) has paid
/// back, judged at the horizon `h` (months): if it is at or above zero at
/// the horizon, from when it stays there up to the horizon (a retraining
/// or shrinking volume may pull it below zero later, after the horizon);
/// if it is below zero at the horizon, from when it stays at or above zero
/// for good within the schedule, or, without retraining (`lumps` false),
/// for a position that turns down again (volume shrinking until the
/// savings no longer cover maintenance), from when it first reaches zero
/// after the horizon. With retraining a position that reaches zero only
/// between lumps, and falls below it at the next, has not paid back.
/// `None` when it never pays back by these rules.
pub fn payback(start: f64, ends: &[f64], accruals: &[f64], h: usize, lumps: bool) -> Option<f64> {
    let h = h.min(ends.len());
    if h == 0 {
        return crossing(start, ends, accruals);
    }
    if ends[h - 1] >= 0.0 {
        return crossing(start, &ends[..h], &accruals[..h]);
    }
    crossing(start, ends, accruals).or_else(|| {
        if lumps {
            return None;
        }
        let first = h + ends[h..].iter().position(|&p| p >= 0.0)?;
        crossing(start, &ends[..=first], &accruals[..=first])
    })
}

/// Break-even from the schedule (see [`payback`]) of scenario `i`:
/// undiscounted, then discounted.
pub fn break_evens(i: &Inputs, months: &[Month]) -> (Option<f64>, Option<f64>) {
    break_evens_of(&Comparison::of(i), months)
}

/// Break-even from the schedule of comparison `c` ([`break_evens`]).
pub fn break_evens_of(c: &Comparison, months: &[Month]) -> (Option<f64>, Option<f64>) {
    let h = c.basis.months as usize;
    let training = c.one_time();
    let lumps = c.lumps();
    let ends: Vec<f64> = months.iter().map(|m| m.cumulative).collect();
    let accruals: Vec<f64> = months.iter().map(|m| m.net + m.retraining).collect();
    let plain = payback(-training, &ends, &accruals, h, lumps);
    let d_ends: Vec<f64> = months.iter().map(|m| m.discounted_cumulative).collect();
    let d_accruals: Vec<f64> = accruals
        .iter()
        .zip(c.basis.discount_factors())
        .map(|(a, factor)| a * factor)
        .collect();
    let discounted = payback(-training, &d_ends, &d_accruals, h, lumps);
    (plain, discounted)
}

/// Which serving columns a schedule has: a side's serving cost
/// when it pays any, its units in capacity mode. Without serving, none, and
/// the table and CSV are as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// Baseline serving cost.
    pub baseline_serving: bool,
    /// Fine-tuned serving cost.
    pub finetuned_serving: bool,
    /// Baseline units.
    pub baseline_units: bool,
    /// Fine-tuned units.
    pub finetuned_units: bool,
}

impl Columns {
    /// The serving columns `months` need.
    pub fn of(months: &[Month]) -> Columns {
        let any = |f: fn(&Month) -> bool| months.iter().any(f);
        Columns {
            baseline_serving: any(|m| m.baseline_serving != 0.0 || m.baseline_units.is_some()),
            finetuned_serving: any(|m| m.finetuned_serving != 0.0 || m.finetuned_units.is_some()),
            baseline_units: any(|m| m.baseline_units.is_some()),
            finetuned_units: any(|m| m.finetuned_units.is_some()),
        }
    }
}

/// The schedule as CSV (month, requests, baseline cost, fine-tuned cost,
/// maintenance, retraining, value of accuracy, then, when a side pays for
/// serving, its serving cost and units, then net, cumulative, discounted
/// cumulative).
pub fn to_csv(months: &[Month]) -> String {
    let c = Columns::of(months);
    let serving = [
        (c.baseline_serving, "baseline_serving"),
        (c.baseline_units, "baseline_units"),
        (c.finetuned_serving, "finetuned_serving"),
        (c.finetuned_units, "finetuned_units"),
    ];
    let head = [
        "month",
        "requests",
        "baseline_cost",
        "finetuned_cost",
        "maintenance",
        "retraining",
        "quality_value",
    ];
    let tail = ["net", "cumulative", "discounted_cumulative"];
    let mut out = crate::core::codec::csv::csv_line(
        head.into_iter()
            .chain(serving.iter().filter(|s| s.0).map(|s| s.1))
            .chain(tail),
    );
    let units = |u: Option<f64>| u.map_or_else(String::new, data);
    for m in months {
        let values = [
            (c.baseline_serving, data(m.baseline_serving)),
            (c.baseline_units, units(m.baseline_units)),
            (c.finetuned_serving, data(m.finetuned_serving)),
            (c.finetuned_units, units(m.finetuned_units)),
        ];
        out += &crate::core::codec::csv::csv_line(
            [
                m.month.to_string(),
                data(m.requests),
                data(m.baseline_cost),
                data(m.finetuned_cost),
                data(m.maintenance),
                data(m.retraining),
                data(m.quality),
            ]
            .into_iter()
            .chain(values.into_iter().filter(|v| v.0).map(|v| v.1))
            .chain([
                data(m.net),
                data(m.cumulative),
                data(m.discounted_cumulative),
            ]),
        );
    }
    out
}
