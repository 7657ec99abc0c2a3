//! The month-by-month schedule: requests (with growth), costs, maintenance,
//! retraining lumps, the net flow, the cumulative position and its
//! discounted value. Break-even and NPV with growth or discounting come
//! from here; without them the schedule agrees with the closed forms of
//! [`super::model`] (property-tested).

use super::format::data;
use super::inputs::Inputs;

/// Longest schedule: the longest horizon.
pub const MAX_MONTHS: u32 = super::field::MAX_MONTHS;

/// Retrainings that happen by time `t` (months) at `c` a year: the k-th is
/// at k·12/c, and one falling exactly at `t` counts.
pub fn retrainings_by(t: f64, per_year: f64) -> f64 {
    if per_year <= 0.0 {
        return 0.0;
    }
    // A tolerance so that, say, the 4th quarterly retraining at month 12
    // counts in a 12-month horizon despite rounding.
    (t * per_year / 12.0 + 1e-9).floor()
}

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
}

/// The schedule for `months` months (capped at [`MAX_MONTHS`]).
pub fn schedule(i: &Inputs, months: u32) -> Vec<Month> {
    let months = months.min(MAX_MONTHS);
    let mut out = Vec::with_capacity(months as usize);
    out.extend(Months::new(i).take(months as usize));
    out
}

/// The schedule's months one by one, from month 1 on, without end: what
/// [`schedule`] collects, for a caller that needs only some of each month
/// (the simulation) or stops early. Every month is computed exactly as
/// there, so the two agree to the last bit.
#[derive(Clone, Debug)]
pub struct Months {
    inputs: Inputs,
    monthly_rate: f64,
    quality_per_request: f64,
    month: u32,
    requests: f64,
    cumulative: f64,
    discounted: f64,
    factor: f64,
    served: f64,
    lumps_before: f64,
}

impl Months {
    /// The months of scenario `i`.
    pub fn new(i: &Inputs) -> Months {
        Months {
            inputs: *i,
            monthly_rate: (1.0 + i.discount).powf(1.0 / 12.0),
            quality_per_request: i.accuracy_gain / 100.0 * i.error_value,
            month: 0,
            requests: i.requests,
            cumulative: -i.training,
            discounted: -i.training,
            factor: 1.0,
            served: 0.0,
            lumps_before: 0.0,
        }
    }
}

impl Iterator for Months {
    type Item = Month;

    fn next(&mut self) -> Option<Month> {
        let i = &self.inputs;
        if self.month > 0 {
            self.requests *= 1.0 + i.growth;
        }
        self.month += 1;
        let m = self.month;
        let requests = self.requests;
        let lumps = retrainings_by(f64::from(m), i.retrain_per_year);
        let retraining = i.retrain_cost * (lumps - self.lumps_before);
        self.lumps_before = lumps;
        let baseline_cost = i.baseline * requests;
        let finetuned_cost = i.finetuned * requests;
        let quality = self.quality_per_request * requests;
        let net = baseline_cost - finetuned_cost + quality - i.maintenance - retraining;
        self.factor /= self.monthly_rate;
        self.cumulative += net;
        self.discounted += net * self.factor;
        self.served += requests;
        Some(Month {
            month: m,
            requests,
            baseline_cost,
            finetuned_cost,
            maintenance: i.maintenance,
            retraining,
            quality,
            net,
            cumulative: self.cumulative,
            discounted_cumulative: self.discounted,
            cumulative_requests: self.served,
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

/// Break-even from the schedule (see [`payback`]): undiscounted, then
/// discounted.
pub fn break_evens(i: &Inputs, months: &[Month]) -> (Option<f64>, Option<f64>) {
    let h = i.months as usize;
    let ends: Vec<f64> = months.iter().map(|m| m.cumulative).collect();
    let accruals: Vec<f64> = months.iter().map(|m| m.net + m.retraining).collect();
    let lumps = i.retrain_cost > 0.0 && i.retrain_per_year > 0.0;
    let plain = payback(-i.training, &ends, &accruals, h, lumps);
    let monthly_rate = (1.0 + i.discount).powf(1.0 / 12.0);
    let d_ends: Vec<f64> = months.iter().map(|m| m.discounted_cumulative).collect();
    let d_accruals: Vec<f64> = months
        .iter()
        .map(|m| (m.net + m.retraining) / monthly_rate.powi(m.month as i32))
        .collect();
    let discounted = payback(-i.training, &d_ends, &d_accruals, h, lumps);
    (plain, discounted)
}

/// The schedule as CSV (month, requests, baseline cost, fine-tuned cost,
/// maintenance, retraining, net, cumulative, discounted cumulative).
pub fn to_csv(months: &[Month]) -> String {
    let mut out = super::csv::csv_line([
        "month",
        "requests",
        "baseline_cost",
        "finetuned_cost",
        "maintenance",
        "retraining",
        "quality_value",
        "net",
        "cumulative",
        "discounted_cumulative",
    ]);
    for m in months {
        out += &super::csv::csv_line([
            m.month.to_string(),
            data(m.requests),
            data(m.baseline_cost),
            data(m.finetuned_cost),
            data(m.maintenance),
            data(m.retraining),
            data(m.quality),
            data(m.net),
            data(m.cumulative),
            data(m.discounted_cumulative),
        ]);
    }
    out
}
