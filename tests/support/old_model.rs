//! The model as it computed every figure before the model basis and the
//! side values: the closed form, the schedule and the volume search, copied
//! unchanged (only their paths adjusted) as a frozen oracle. The property
//! test in `tests/model_basis.rs` checks that the model gives these
//! figures on random scenarios; nothing else may use this copy.
#![allow(dead_code, clippy::all)]

/// The closed form (was `src/core/model/closed.rs`).
pub mod closed {
    pub use super::schedule::retrainings_by;
    pub use ft_roi::core::{Inputs, Results, Status};

    /// `Some(x)` when `x` is finite. Validated inputs keep every quotient
    /// finite; this keeps the model total even if that reasoning were wrong.
    fn finite(x: f64) -> Option<f64> {
        x.is_finite().then_some(x)
    }

    /// `a − b`, snapped to exactly zero when the difference is below the
    /// rounding noise of its operands. Decimal inputs such as 0.02 − 0.012 are
    /// not exact in binary floating point; without this, a scenario that
    /// breaks even exactly would read as "pays back in 10¹⁶ months".
    fn difference(a: f64, b: f64) -> f64 {
        let d = a - b;
        if d.abs() <= 1e-12 * a.abs().max(b.abs()) {
            0.0
        } else {
            d
        }
    }

    /// The month from which the cumulative net position −T + n·t − R·k(t)
    /// stays non-negative, or `None` if it never does.
    fn break_even(training: f64, n: f64, retrain_cost: f64, per_year: f64) -> Option<f64> {
        if n <= 0.0 {
            return None;
        }
        if retrain_cost <= 0.0 || per_year <= 0.0 {
            return finite(training / n);
        }
        let period = 12.0 / per_year;
        // Net gain over a whole retraining cycle; without it the position
        // drifts down in the long run.
        let gain = difference(n * period, retrain_cost);
        let k = cycles_to_pay_back(training, gain)?;
        if k == 0.0 {
            return Some(0.0);
        }
        // It crosses zero in the cycle before the k-th retraining.
        finite((k - 1.0) * period + (training - (k - 1.0) * gain) / n)
    }

    /// After the k-th retraining the position is −T + k·gain: the first k
    /// where that is non-negative, or `None` when the cycles gain nothing.
    fn cycles_to_pay_back(training: f64, gain: f64) -> Option<f64> {
        if gain <= 0.0 {
            return None;
        }
        let mut k = (training / gain).ceil();
        if !k.is_finite() {
            return None;
        }
        // Rounding can leave `k` one off; correct it, a bounded number of times
        // (beyond 2^53 a step of 1 no longer changes `k`, so an unbounded loop
        // would never end).
        for _ in 0..4 {
            if k > 0.0 && (k - 1.0) * gain >= training {
                k -= 1.0;
            } else if k * gain < training {
                k += 1.0;
            } else {
                break;
            }
        }
        Some(k)
    }

    /// The time from which −T + n·t − R·k(t) stays non-negative up to a
    /// horizon with `lumps` retrainings in it, for a position that is
    /// non-negative at the horizon (`n` > 0). Its lowest points are just after
    /// the retrainings, −T + k·gain, monotone in k: it crosses zero for the
    /// last time in the cycle after the last retraining that leaves it below
    /// zero, at (T + R·k) / n. When that is the retraining before the one
    /// from which it stays non-negative for good, this is [`break_even`].
    fn paid_back_by(
        training: f64,
        n: f64,
        retrain_cost: f64,
        per_year: f64,
        lumps: f64,
    ) -> Option<f64> {
        // As `break_even` computes it, so that the two agree at the boundary.
        let gain = difference(n * (12.0 / per_year), retrain_cost);
        match cycles_to_pay_back(training, gain) {
            Some(k) if k - 1.0 <= lumps => break_even(training, n, retrain_cost, per_year),
            // A position that starts at zero and loses nothing over a cycle
            // never goes below zero.
            None if training <= 0.0 && gain == 0.0 => Some(0.0),
            _ => finite((training + retrain_cost * lumps) / n),
        }
    }

    /// Computes every figure. Total: any validated [`Inputs`] gives finite
    /// numbers or `None`.
    pub fn calculate(i: &Inputs) -> Results {
        let h = f64::from(i.months);
        let v = i.requests;
        let s = difference(i.baseline, i.finetuned);
        let quality_per_request = i.accuracy_gain / 100.0 * i.error_value;
        let q = quality_per_request * v;
        // Per-request benefit: savings plus the value of avoided errors.
        let u = s + quality_per_request;
        // Serving costs: month 1's, the same every month without
        // growth. Zero on a side paid per request only.
        let serving = i.has_serving();
        let (sb, sf) = (i.base_serving.month(v), i.ft_serving.month(v));
        let n = difference(s * v + q + sb.cost, i.maintenance + sf.cost);
        let k_h = retrainings_by(h, i.retrain_per_year);
        let retraining = i.retrain_cost * k_h;
        let retraining_on = i.retrain_cost > 0.0 && i.retrain_per_year > 0.0;
        // With serving, month 1's serving saving shared over its
        // requests is part of the saving per request: the cards then agree
        // with the monthly net savings and break-even.
        let effective_request_savings = (serving && v > 0.0)
            .then(|| {
                finite(difference(
                    i.baseline + sb.cost / v,
                    i.finetuned + sf.cost / v,
                ))
            })
            .flatten();
        let recovering = if serving {
            effective_request_savings.map(|e| e + quality_per_request)
        } else {
            Some(u)
        };
        let training_recovery_requests = match recovering {
            Some(x) if x > 0.0 => finite(i.training / x),
            _ => None,
        };
        // With serving, solved piece by piece between unit steps (growth
        // included); without, the closed form.
        let volumes = serving.then(|| super::volume::Curve::new(i, u).range());
        let break_even_volume = match volumes {
            Some(range) => range.min,
            None if u > 0.0 => finite((i.training / h + i.maintenance + retraining / h) / u),
            None => None,
        };
        // Without serving the net benefit is a line in volume: at or above zero
        // everywhere when it is at zero volume and rises.
        let pays_at_every_volume = match volumes {
            Some(range) => range.every,
            None => break_even_volume == Some(0.0),
        };
        let investment = i.training + i.maintenance * h + retraining;
        let net_operating_savings = n * h - retraining;
        let net_benefit = difference(net_operating_savings, i.training);
        // A position at or above zero at the horizon has paid back within it,
        // even if a retraining after the horizon dips it below zero again.
        let break_even_months = if retraining_on && n > 0.0 && net_benefit >= 0.0 {
            paid_back_by(i.training, n, i.retrain_cost, i.retrain_per_year, k_h)
        } else {
            break_even(i.training, n, i.retrain_cost, i.retrain_per_year)
        };
        let roi_percent = if investment > 0.0 {
            finite(net_benefit / investment * 100.0)
        } else {
            None
        };
        let status = if net_benefit > 0.0 {
            Status::Positive
        } else if break_even_months.is_some() {
            Status::BeyondHorizon
        } else {
            Status::Never
        };
        let annual_benefit =
            n * 12.0 - i.retrain_cost * retrainings_by(12.0, i.retrain_per_year) - i.training;
        let closed = Results {
            request_savings: s,
            monthly_baseline_cost: i.baseline * v,
            monthly_finetuned_cost: i.finetuned * v,
            monthly_gross_savings: s * v,
            monthly_quality_value: q,
            retraining_monthly_average: i.retrain_cost * i.retrain_per_year / 12.0,
            retrainings_in_horizon: k_h,
            annual_benefit,
            annual_roi_one_time: if i.training > 0.0 {
                finite(annual_benefit / i.training * 100.0)
            } else {
                None
            },
            monthly_net_savings: n,
            break_even_months,
            break_even_requests: break_even_months.and_then(|m| finite(m * v)),
            training_recovery_requests,
            break_even_volume,
            baseline_horizon_cost: (i.baseline * v + sb.cost) * h,
            finetuned_horizon_cost: (i.finetuned * v + sf.cost) * h
                + i.maintenance * h
                + retraining
                + i.training,
            investment,
            net_benefit,
            net_operating_savings,
            roi_percent,
            npv: net_benefit,
            discounted_break_even_months: break_even_months,
            status,
            serving,
            baseline_serving_monthly: sb.cost,
            finetuned_serving_monthly: sf.cost,
            baseline_serving_horizon: sb.cost * h,
            finetuned_serving_horizon: sf.cost * h,
            baseline_units: sb.units,
            finetuned_units: sf.units,
            baseline_utilization: sb.utilization.map(|x| x * 100.0),
            finetuned_utilization: sf.utilization.map(|x| x * 100.0),
            baseline_effective_cost: (serving && v > 0.0)
                .then(|| finite(i.baseline + sb.cost / v))
                .flatten(),
            finetuned_effective_cost: (serving && v > 0.0)
                .then(|| finite(i.finetuned + sf.cost / v))
                .flatten(),
            finetuned_idle_cost: sf.utilization.map(|x| sf.cost * (1.0 - x)),
            effective_request_savings,
            pays_at_every_volume,
            break_even_volume_max: volumes.and_then(|r| r.max),
            volume_search_exhausted: volumes.is_some_and(|r| r.exhausted),
        };
        if i.growth == 0.0 && i.discount == 0.0 {
            closed
        } else {
            from_schedule(i, closed, u, retraining)
        }
    }

    /// Net benefit over the horizon alone, without building the schedule: what
    /// the volume sweep and the sensitivity chart need dozens of times per
    /// keystroke. Equal to [`calculate`]'s `net_benefit` (to rounding, with
    /// growth: the schedule sums what this sums in closed form).
    pub fn net_benefit(i: &Inputs) -> f64 {
        let h = f64::from(i.months);
        let u = per_request_benefit(i);
        let retraining = i.retrain_cost * retrainings_by(h, i.retrain_per_year);
        if i.has_serving() {
            return net_benefit_serving(i, u, retraining);
        }
        if i.growth == 0.0 {
            let n = difference(u * i.requests, i.maintenance);
            return difference(n * h - retraining, i.training);
        }
        // Σ (1+g)^(m−1) for m = 1..H.
        let volume_factor = ((1.0 + i.growth).powf(h) - 1.0) / i.growth;
        u * i.requests * volume_factor - i.maintenance * h - retraining - i.training
    }

    /// The per-request benefit: savings b − f plus the value of avoided errors
    /// a/100 · e ($ per request).
    pub fn per_request_benefit(i: &Inputs) -> f64 {
        difference(i.baseline, i.finetuned) + i.accuracy_gain / 100.0 * i.error_value
    }

    /// [`net_benefit`] with serving costs: fixed ones times the
    /// horizon, capacity units month by month when volume grows.
    fn net_benefit_serving(i: &Inputs, u: f64, retraining: f64) -> f64 {
        let h = f64::from(i.months);
        let v = i.requests;
        if i.growth == 0.0 {
            let (sb, sf) = (i.base_serving.month(v).cost, i.ft_serving.month(v).cost);
            let n = difference(u * v + sb, i.maintenance + sf);
            return difference(n * h - retraining, i.training);
        }
        // Units sized for V·γ_m, as the schedule sizes them.
        let (mut total, mut requests, mut gamma) = (0.0, v, 1.0);
        for _ in 0..i.months {
            let load = v * gamma;
            total += u * requests + i.base_serving.month(load).cost - i.ft_serving.month(load).cost;
            requests *= 1.0 + i.growth;
            gamma *= 1.0 + i.growth;
        }
        total - i.maintenance * h - retraining - i.training
    }

    /// The figures when volume grows or cash flows are discounted: the same
    /// definitions, summed over the month-by-month schedule.
    fn from_schedule(
        i: &Inputs,
        closed: Results,
        per_request_benefit: f64,
        retraining: f64,
    ) -> Results {
        let months = super::schedule::schedule(i, super::schedule::MAX_MONTHS);
        let h = i.months as usize;
        let at = |m: usize| months[m.clamp(1, months.len()) - 1];
        let (plain, discounted) = super::schedule::break_evens(i, &months);
        let mut r = Results {
            npv: at(h).discounted_cumulative,
            discounted_break_even_months: discounted,
            ..closed
        };
        if i.growth == 0.0 {
            return r;
        }
        let horizon = &months[..h];
        let volume_factor: f64 =
            horizon.iter().map(|m| m.requests).sum::<f64>() / i.requests.max(f64::MIN_POSITIVE);
        // Serving is inference: each month's, summed.
        let baseline: f64 = horizon
            .iter()
            .map(|m| m.baseline_cost + m.baseline_serving)
            .sum();
        let finetuned: f64 = horizon
            .iter()
            .map(|m| m.finetuned_cost + m.finetuned_serving)
            .sum();
        r.baseline_serving_horizon = horizon.iter().map(|m| m.baseline_serving).sum();
        r.finetuned_serving_horizon = horizon.iter().map(|m| m.finetuned_serving).sum();
        let hf = f64::from(i.months);
        r.baseline_horizon_cost = baseline;
        r.finetuned_horizon_cost = finetuned + i.maintenance * hf + retraining + i.training;
        r.net_benefit = difference(at(h).cumulative, 0.0);
        r.net_operating_savings = r.net_benefit + i.training;
        r.roi_percent = if r.investment > 0.0 {
            finite(r.net_benefit / r.investment * 100.0)
        } else {
            None
        };
        r.break_even_months = plain;
        r.break_even_requests = plain.and_then(|t| {
            let whole = t.floor() as usize;
            let before = if whole == 0 {
                0.0
            } else {
                at(whole).cumulative_requests
            };
            let next = months.get(whole).map_or(0.0, |m| m.requests);
            finite(before + (t - t.floor()) * next)
        });
        r.break_even_volume = if r.serving {
            // Solved with growth already (see `calculate`).
            closed.break_even_volume
        } else if per_request_benefit > 0.0 && volume_factor > 0.0 {
            finite(
                (i.training + i.maintenance * hf + retraining)
                    / (per_request_benefit * volume_factor),
            )
        } else {
            None
        };
        if !r.serving {
            r.pays_at_every_volume = r.break_even_volume == Some(0.0);
        }
        r.annual_benefit = at(12).cumulative;
        r.annual_roi_one_time = if i.training > 0.0 {
            finite(r.annual_benefit / i.training * 100.0)
        } else {
            None
        };
        r.status = if r.net_benefit > 0.0 {
            Status::Positive
        } else if plain.is_some() {
            Status::BeyondHorizon
        } else {
            Status::Never
        };
        r
    }
}

/// The schedule (was `src/core/model/schedule.rs`, without its CSV).
pub mod schedule {
    use ft_roi::core::Inputs;

    /// Longest schedule: the longest horizon.
    pub const MAX_MONTHS: u32 = ft_roi::core::inputs::field::MAX_MONTHS;

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
        serving: bool,
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
                serving: i.has_serving(),
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
            let mut net = baseline_cost - finetuned_cost + quality - i.maintenance - retraining;
            // Serving is inference: it accrues evenly within the month, like
            // maintenance.
            let (base, ft) = (i.base_serving.month(requests), i.ft_serving.month(requests));
            if self.serving {
                net += base.cost - ft.cost;
            }
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
    pub fn payback(
        start: f64,
        ends: &[f64],
        accruals: &[f64],
        h: usize,
        lumps: bool,
    ) -> Option<f64> {
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
}

/// The break-even volume search (was `src/core/model/volume.rs`).
pub mod volume {
    use std::cmp::{Ordering, Reverse};
    use std::collections::BinaryHeap;

    use super::schedule::retrainings_by;
    use ft_roi::core::model::serving::{Serving, UNIT_TOLERANCE};
    use ft_roi::core::Inputs;

    /// Most unit steps one search walks before it gives up (a scenario whose
    /// serving costs take all but a sliver of its savings can need more; the
    /// figures then say the search gave up, never a wrong volume).
    pub const MAX_STEPS: usize = 400_000;

    /// What the search found, in requests a month (starting volume).
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    pub struct Range {
        /// The lowest starting volume at which the horizon's net benefit is at
        /// or above zero (the infimum, where a baseline unit step lifts it).
        pub min: Option<f64>,
        /// The volume above which the net benefit is below zero for good, when
        /// it turns negative again.
        pub max: Option<f64>,
        /// The search gave up after [`MAX_STEPS`] steps: both volumes unknown.
        pub exhausted: bool,
        /// The net benefit is at or above zero at every starting volume: `min` is 0, `max` is undefined, and a lower envelope of the
        /// net benefit (each month's baseline units without the rounding up,
        /// one more fine-tuned unit than needed) never goes below zero, so no
        /// fine-tuned unit step dips it below zero either. `false` when that
        /// cannot be shown this way, even if it holds.
        pub every: bool,
    }

    /// One side's capacity units, as a step function of the starting volume.
    #[derive(Clone, Copy, Debug, PartialEq)]
    struct Steps {
        /// +1 for the baseline (its units add to the net benefit), −1 for the
        /// fine-tuned side.
        sign: f64,
        /// One unit for one month ($).
        cost: f64,
        /// Starting-volume requests per unit, tolerance included: a month with
        /// growth factor γ runs max(min, ⌈V·γ ÷ per_unit⌉) units.
        per_unit: f64,
        /// The always-on minimum.
        min: f64,
    }

    impl Steps {
        /// The side's steps, or `None` when its serving cost does not depend on
        /// volume (per token, hourly, or units billed no hours).
        fn of(serving: &Serving, sign: f64) -> Option<Steps> {
            let c = serving.capacity()?;
            let per_unit = c.unit_requests() * (1.0 + UNIT_TOLERANCE) / c.peak_factor;
            (per_unit > 0.0 && per_unit.is_finite()).then_some(Steps {
                sign,
                cost: c.unit_cost(),
                per_unit,
                min: c.min_units,
            })
        }

        /// Units at starting volume `v` in a month of growth factor `gamma`:
        /// the smallest count ≥ min whose threshold `count × per_unit ÷ gamma`
        /// is at or above `v`. Computed through the thresholds themselves, so
        /// that the walk's counts and thresholds never disagree by a rounding.
        fn units_at(&self, v: f64, gamma: f64) -> f64 {
            let mut e = (v * gamma / self.per_unit).ceil().max(self.min);
            // At most a step or two off after rounding; bounded, as a step of 1
            // does nothing beyond 2^53.
            for _ in 0..4 {
                if self.threshold(e, gamma) < v {
                    e += 1.0;
                } else if e > self.min && self.threshold(e - 1.0, gamma) >= v {
                    e -= 1.0;
                } else {
                    break;
                }
            }
            e
        }

        /// The starting volume up to which `count` units do (above it, one more
        /// is needed).
        fn threshold(&self, count: f64, gamma: f64) -> f64 {
            count * self.per_unit / gamma
        }
    }

    /// The net benefit over the horizon as a function of the starting volume:
    /// slope · V + constant + Σ sides sign · cost · Σ groups weight · units.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Curve {
        slope: f64,
        constant: f64,
        /// Months as (growth factor γ, how many months share it): one group of
        /// H months without growth.
        groups: Vec<(f64, f64)>,
        sides: Vec<Steps>,
    }

    /// A step event: at starting volume `at`, side `side`'s units in group
    /// `group` change. Ordered by volume (total order: thresholds are finite).
    #[derive(Clone, Copy, Debug)]
    struct Event {
        at: f64,
        side: usize,
        group: usize,
    }

    impl PartialEq for Event {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other) == Ordering::Equal
        }
    }
    impl Eq for Event {}
    impl PartialOrd for Event {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Event {
        fn cmp(&self, other: &Self) -> Ordering {
            self.at.total_cmp(&other.at)
        }
    }

    /// Step events, lowest volume first.
    type Heap = BinaryHeap<Reverse<Event>>;

    /// How a walk ended.
    enum Walk {
        Found(f64),
        Nothing,
        GaveUp,
    }

    impl Curve {
        /// The curve of scenario `i`, whose per-request benefit (savings plus
        /// the value of accuracy) is `benefit`.
        pub fn new(i: &Inputs, benefit: f64) -> Curve {
            let h = f64::from(i.months);
            let groups: Vec<(f64, f64)> = if i.growth == 0.0 {
                vec![(1.0, h)]
            } else {
                // As the schedule multiplies it: γ_m = (1+g)^(m−1).
                let mut gamma = 1.0;
                (0..i.months)
                    .map(|_| {
                        let g = gamma;
                        gamma *= 1.0 + i.growth;
                        (g, 1.0)
                    })
                    .collect()
            };
            let volume_factor: f64 = groups.iter().map(|(g, w)| g * w).sum();
            let fixed = |s: &Serving| {
                if s.is_fixed() {
                    s.month(0.0).cost
                } else {
                    0.0
                }
            };
            let retraining = i.retrain_cost * retrainings_by(h, i.retrain_per_year);
            let constant = (fixed(&i.base_serving) - fixed(&i.ft_serving)) * h
                - i.maintenance * h
                - retraining
                - i.training;
            let mut sides: Vec<Steps> = [
                Steps::of(&i.base_serving, 1.0),
                Steps::of(&i.ft_serving, -1.0),
            ]
            .into_iter()
            .flatten()
            .collect();
            // The same units on both sides cost the same whatever the volume:
            // their steps cancel exactly (and walking them would find nothing).
            if let [b, f] = sides[..] {
                if (b.cost, b.per_unit, b.min) == (f.cost, f.per_unit, f.min) {
                    sides.clear();
                }
            }
            Curve {
                slope: benefit * volume_factor,
                constant,
                groups,
                sides,
            }
        }

        /// The net benefit at starting volume `v`.
        pub fn at(&self, v: f64) -> f64 {
            let units = self.sides.iter().map(|s| {
                s.sign
                    * s.cost
                    * self
                        .groups
                        .iter()
                        .map(|&(g, w)| w * s.units_at(v, g))
                        .sum::<f64>()
            });
            self.slope * v + self.constant + units.sum::<f64>()
        }

        /// The value of the linear piece whose unit totals are `totals` (per
        /// side, Σ weight × units), at `v`.
        fn piece(&self, totals: &[f64], v: f64) -> f64 {
            let steps: f64 = self
                .sides
                .iter()
                .zip(totals)
                .map(|(s, n)| s.sign * s.cost * n)
                .sum();
            self.slope * v + self.constant + steps
        }

        /// Units of every side and group at `v`, their totals, and the events
        /// where they next change going up (`up`) or last changed going down.
        fn state(&self, v: f64, up: bool) -> (Vec<Vec<f64>>, Vec<f64>, Vec<Event>) {
            let mut units = Vec::with_capacity(self.sides.len());
            let mut totals = Vec::with_capacity(self.sides.len());
            let mut events = Vec::new();
            for (side, s) in self.sides.iter().enumerate() {
                let counts: Vec<f64> = self.groups.iter().map(|&(g, _)| s.units_at(v, g)).collect();
                totals.push(
                    counts
                        .iter()
                        .zip(&self.groups)
                        .map(|(e, (_, w))| e * w)
                        .sum(),
                );
                for (group, (&e, &(g, _))) in counts.iter().zip(&self.groups).enumerate() {
                    let at = if up {
                        s.threshold(e, g)
                    } else if e > s.min {
                        s.threshold(e - 1.0, g)
                    } else {
                        continue;
                    };
                    // A month whose volume has shrunk to nothing (γ rounded to
                    // 0) keeps its minimum at every volume: it never steps.
                    if at.is_finite() {
                        events.push(Event { at, side, group });
                    }
                }
                units.push(counts);
            }
            (units, totals, events)
        }

        /// The lowest v ≥ `from` at which the net benefit is at or above zero,
        /// walking unit steps up to `until`.
        fn first_at_or_above_zero(&self, from: f64, until: f64, budget: &mut usize) -> Walk {
            let (mut units, mut totals, events) = self.state(from, true);
            if self.piece(&totals, from) >= 0.0 {
                return Walk::Found(from);
            }
            let mut heap: Heap = events.into_iter().map(Reverse).collect();
            let mut a = from;
            loop {
                // Units that step up just above `a`.
                while let Some(&Reverse(e)) = heap.peek() {
                    if e.at > a {
                        break;
                    }
                    heap.pop();
                    let s = &self.sides[e.side];
                    let (g, w) = self.groups[e.group];
                    let count = &mut units[e.side][e.group];
                    *count += 1.0;
                    totals[e.side] += w;
                    let next = s.threshold(*count, g);
                    if next.is_nan() || next <= e.at || *budget == 0 {
                        // Counts beyond 2^53 no longer step: give up.
                        return Walk::GaveUp;
                    }
                    *budget -= 1;
                    heap.push(Reverse(Event { at: next, ..e }));
                }
                let b = heap.peek().map_or(f64::INFINITY, |e| e.0.at);
                // The piece (a, b]: slope · v + c.
                let c = self.piece(&totals, 0.0);
                if self.slope > 0.0 {
                    if b.is_infinite() || self.slope * b + c >= 0.0 {
                        return Walk::Found((-c / self.slope).max(a));
                    }
                } else if self.slope * a + c >= 0.0 {
                    return Walk::Found(a);
                }
                // Past the last step (or the envelope's last point at or above
                // zero) nothing more can be found.
                if b.is_nan() || b > until || b.is_infinite() {
                    return Walk::Nothing;
                }
                a = b;
            }
        }

        /// The highest v ≤ `from` at which the net benefit is at or above zero
        /// (the volume from which it is below zero for good, when it is below
        /// zero everywhere above `from`), walking unit steps down.
        fn last_at_or_above_zero(&self, from: f64, budget: &mut usize) -> Walk {
            let (mut units, mut totals, events) = self.state(from, false);
            // Highest threshold first: kept negated in the same min-heap as the
            // walk up (one heap type in the wasm, not two).
            let mut heap: Heap = events
                .into_iter()
                .map(|e| Reverse(Event { at: -e.at, ..e }))
                .collect();
            let mut b = from;
            loop {
                let a = heap.peek().map_or(0.0, |e| -e.0.at).max(0.0);
                // The piece (a, b]: slope · v + c.
                let c = self.piece(&totals, 0.0);
                if self.slope >= 0.0 {
                    if self.slope * b + c >= 0.0 {
                        return Walk::Found(b);
                    }
                } else if self.slope * a + c >= 0.0 {
                    return Walk::Found((-c / self.slope).min(b));
                }
                if a <= 0.0 {
                    // Zero itself, with every side at its minimum.
                    let (_, totals, _) = self.state(0.0, false);
                    return if self.piece(&totals, 0.0) >= 0.0 {
                        Walk::Found(0.0)
                    } else {
                        Walk::Nothing
                    };
                }
                // Units that step down at `a` (going down).
                while let Some(&Reverse(e)) = heap.peek() {
                    if -e.at < a {
                        break;
                    }
                    heap.pop();
                    let s = &self.sides[e.side];
                    let (g, w) = self.groups[e.group];
                    let count = &mut units[e.side][e.group];
                    *count -= 1.0;
                    totals[e.side] -= w;
                    if *budget == 0 {
                        return Walk::GaveUp;
                    }
                    *budget -= 1;
                    if *count > s.min {
                        let next = s.threshold(*count - 1.0, g);
                        if next.is_nan() || next >= -e.at {
                            return Walk::GaveUp;
                        }
                        heap.push(Reverse(Event { at: -next, ..e }));
                    }
                }
                b = a;
            }
        }

        /// An upper envelope of the net benefit (`upper`): each baseline
        /// month's units max(min, x + 1) and each fine-tuned month's max(min,
        /// x), x = V·γ ÷ per_unit (units round x up, by less than one); or the
        /// lower envelope, the other way round. Piecewise linear: the start,
        /// intercept and slope of each piece, in order.
        fn envelope(&self, upper: bool) -> Vec<(f64, f64, f64)> {
            // Each (group, side) term is a constant up to its kink and linear
            // after it: sign · cost · w · max(min, x·V + lift).
            let mut slope = self.slope;
            let mut intercept = self.constant;
            let mut kinks = Heap::new();
            let lift = |s: &Steps| if (s.sign > 0.0) == upper { 1.0 } else { 0.0 };
            for (side, s) in self.sides.iter().enumerate() {
                for (group, &(g, w)) in self.groups.iter().enumerate() {
                    let k = s.sign * s.cost * w;
                    let x = g / s.per_unit;
                    let kink = (s.min - lift(s)) / x;
                    if kink <= 0.0 {
                        slope += k * x;
                        intercept += k * lift(s);
                    } else {
                        intercept += k * s.min;
                        // A month whose volume has shrunk to nothing (γ
                        // rounded to 0) keeps its minimum: no kink.
                        if kink.is_finite() {
                            kinks.push(Reverse(Event {
                                at: kink,
                                side,
                                group,
                            }));
                        }
                    }
                }
            }
            // In order of volume, each term turns from its minimum to its line.
            let mut pieces = vec![(0.0, intercept, slope)];
            while let Some(Reverse(e)) = kinks.pop() {
                let s = &self.sides[e.side];
                let (g, w) = self.groups[e.group];
                let k = s.sign * s.cost * w;
                slope += k * g / s.per_unit;
                intercept += k * (lift(s) - s.min);
                pieces.push((e.at, intercept, slope));
            }
            pieces
        }

        /// The search: lowest and highest volumes, exactly (see the module's
        /// documentation).
        pub fn range(&self) -> Range {
            if self.sides.is_empty() {
                return self.linear_range();
            }
            let pieces = self.envelope(true);
            // The envelope's first point at or above zero: the net benefit is
            // below zero everywhere before it.
            let end = |k: usize| pieces.get(k + 1).map_or(f64::INFINITY, |p| p.0);
            let first = (0..pieces.len()).find_map(|k| {
                let (lo, c, s) = pieces[k];
                let hi = end(k);
                if c + s * lo >= 0.0 {
                    Some(lo)
                } else if s > 0.0 && (hi.is_infinite() || c + s * hi >= 0.0) {
                    Some((-c / s).max(lo))
                } else {
                    None
                }
            });
            let Some(first) = first else {
                return Range::default();
            };
            // The envelope's last point at or above zero, when it ends below
            // zero: the net benefit is below zero for good after it.
            let (_, c_end, s_end) = pieces[pieces.len() - 1];
            let last = if s_end < 0.0 || (s_end == 0.0 && c_end < 0.0) {
                (0..pieces.len()).rev().find_map(|k| {
                    let (lo, c, s) = pieces[k];
                    let hi = end(k);
                    if hi.is_finite() && c + s * hi >= 0.0 {
                        Some(hi)
                    } else if s < 0.0 && c + s * lo >= 0.0 {
                        Some((-c / s).min(hi))
                    } else {
                        None
                    }
                })
            } else {
                None
            };
            let mut budget = MAX_STEPS;
            let min = match self.first_at_or_above_zero(
                first,
                last.unwrap_or(f64::INFINITY),
                &mut budget,
            ) {
                Walk::Found(v) => v,
                Walk::Nothing => return Range::default(),
                Walk::GaveUp => {
                    return Range {
                        exhausted: true,
                        ..Range::default()
                    }
                }
            };
            let max = match last {
                None => None,
                Some(last) => match self.last_at_or_above_zero(last, &mut budget) {
                    Walk::Found(v) => Some(v.max(min)),
                    Walk::Nothing => None,
                    Walk::GaveUp => {
                        return Range {
                            exhausted: true,
                            ..Range::default()
                        }
                    }
                },
            };
            Range {
                min: Some(min),
                max,
                exhausted: false,
                every: min == 0.0 && max.is_none() && self.never_below_zero(),
            }
        }

        /// Whether the lower envelope is at or above zero at every volume: then
        /// so is the net benefit.
        fn never_below_zero(&self) -> bool {
            let pieces = self.envelope(false);
            pieces.iter().enumerate().all(|(k, &(lo, c, s))| {
                let hi = pieces.get(k + 1).map_or(f64::INFINITY, |p| p.0);
                c + s * lo >= 0.0
                    && if hi.is_finite() {
                        c + s * hi >= 0.0
                    } else {
                        s >= 0.0
                    }
            })
        }

        /// Without capacity steps the net benefit is a line.
        fn linear_range(&self) -> Range {
            let (a, c) = (self.slope, self.constant);
            let finite = |x: f64| x.is_finite().then_some(x);
            let (min, max) = if a > 0.0 {
                (finite((-c / a).max(0.0)), None)
            } else if c < 0.0 {
                (None, None)
            } else if a < 0.0 {
                (Some(0.0), finite(-c / a))
            } else {
                (Some(0.0), None)
            };
            Range {
                min,
                max,
                exhausted: false,
                // A line at or above zero at 0 that does not fall.
                every: min == Some(0.0) && max.is_none(),
            }
        }

        /// The unit steps between starting volumes `lo` and `hi`, as (volume,
        /// net benefit there, net benefit just above), in order; `None` when
        /// there are more than `limit` (they are then finer than a chart can
        /// draw).
        pub fn steps(&self, lo: f64, hi: f64, limit: usize) -> Option<Vec<(f64, f64, f64)>> {
            if self.sides.is_empty() || lo.partial_cmp(&hi) != Some(Ordering::Less) {
                return Some(Vec::new());
            }
            // Every (side, month) steps once per unit between its counts at `lo`
            // and at `hi`.
            let (low, _, _) = self.state(lo, true);
            let (high, _, _) = self.state(hi, true);
            let count: f64 = low
                .iter()
                .flatten()
                .zip(high.iter().flatten())
                .map(|(a, b)| b - a)
                .sum();
            if count.is_nan() || count > limit as f64 {
                return None;
            }
            let (mut units, mut totals, events) = self.state(lo, true);
            let mut heap: Heap = events.into_iter().map(Reverse).collect();
            let mut out = Vec::new();
            while let Some(&Reverse(e)) = heap.peek() {
                if e.at >= hi || out.len() > limit {
                    break;
                }
                let before = self.piece(&totals, e.at);
                // Every unit that steps up at this volume.
                while let Some(&Reverse(next)) = heap.peek() {
                    if next.at > e.at {
                        break;
                    }
                    heap.pop();
                    let s = &self.sides[next.side];
                    let (g, w) = self.groups[next.group];
                    let count = &mut units[next.side][next.group];
                    *count += 1.0;
                    totals[next.side] += w;
                    let at = s.threshold(*count, g);
                    if at.is_nan() || at <= next.at {
                        return None;
                    }
                    heap.push(Reverse(Event { at, ..next }));
                }
                if e.at >= lo {
                    out.push((e.at, before, self.piece(&totals, e.at)));
                }
            }
            Some(out)
        }
    }
}
