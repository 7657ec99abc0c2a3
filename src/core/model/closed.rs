//! The fine-tuning ROI model: exact definitions of every figure, in closed
//! form (summed over the schedule when volume grows, cash flows are
//! discounted or both sides retrain), for any two sides ([`Approach`]) on a
//! [`Basis`].

use super::approach::{Approach, Comparison};
pub use super::basis::retrainings_by;
use super::basis::{difference, finite, Basis};
pub use super::types::{Inputs, Results, Status};

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

/// Computes every figure of scenario `i`: the fine-tuned model against the
/// baseline. Total: any validated [`Inputs`] gives finite numbers or
/// `None`.
pub fn calculate(i: &Inputs) -> Results {
    compare(
        &Basis::of(i),
        &i.baseline_approach(),
        &i.finetuned_approach(),
    )
}

/// Every figure of side `b` against side `a` on `basis`: the one model of
/// any two sides. Total, as [`calculate`].
pub fn compare(basis: &Basis, a: &Approach, b: &Approach) -> Results {
    let c = Comparison {
        basis: *basis,
        a: *a,
        b: *b,
    };
    let h = basis.horizon();
    let v = basis.requests;
    let s = c.request_savings();
    let quality_per_request = c.quality_per_request();
    let q = quality_per_request * v;
    // Per-request benefit: savings plus the value of avoided errors.
    let u = s + quality_per_request;
    let training = c.one_time();
    let maintenance = c.monthly();
    // Serving costs: month 1's, the same every month without
    // growth. Zero on a side paid per request only.
    let serving = c.has_serving();
    let (sb, sf) = (a.serving.month(v), b.serving.month(v));
    let n = difference(s * v + q + sb.cost, maintenance + sf.cost);
    let k_h = b.retraining.count_by(h);
    let retraining = c.retraining_by(h);
    // With serving, month 1's serving saving shared over its
    // requests is part of the saving per request: the cards then agree
    // with the monthly net savings and break-even.
    let effective_request_savings = (serving && v > 0.0)
        .then(|| {
            finite(difference(
                a.cost_per_request + sb.cost / v,
                b.cost_per_request + sf.cost / v,
            ))
        })
        .flatten();
    let recovering = if serving {
        effective_request_savings.map(|e| e + quality_per_request)
    } else {
        Some(u)
    };
    let training_recovery_requests = match recovering {
        Some(x) if x > 0.0 => finite(training / x),
        _ => None,
    };
    // With serving, solved piece by piece between unit steps (growth
    // included); without, the closed form.
    let volumes = serving.then(|| super::volume::Curve::new(&c).range());
    let break_even_volume = match volumes {
        Some(range) => range.min,
        None if u > 0.0 => finite((training / h + maintenance + retraining / h) / u),
        None => None,
    };
    // Without serving the net benefit is a line in volume: at or above zero
    // everywhere when it is at zero volume and rises.
    let pays_at_every_volume = match volumes {
        Some(range) => range.every,
        None => break_even_volume == Some(0.0),
    };
    let investment = training + maintenance * h + retraining;
    let net_operating_savings = n * h - retraining;
    let net_benefit = difference(net_operating_savings, training);
    // The cycles of the closed form are B's retraining calendar; with A
    // retraining too the schedule finds break-even.
    let calendar = b.retraining;
    // A position at or above zero at the horizon has paid back within it,
    // even if a retraining after the horizon dips it below zero again.
    let break_even_months = if calendar.is_on() && n > 0.0 && net_benefit >= 0.0 {
        paid_back_by(training, n, calendar.cost, calendar.per_year, k_h)
    } else {
        break_even(training, n, calendar.cost, calendar.per_year)
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
    let annual_benefit = n * 12.0 - c.retraining_by(12.0) - training;
    let side_horizon = |side: &Approach, serving: f64| {
        side.horizon_cost((side.cost_per_request * v + serving) * h, h)
    };
    let closed = Results {
        request_savings: s,
        monthly_baseline_cost: a.cost_per_request * v,
        monthly_finetuned_cost: b.cost_per_request * v,
        monthly_gross_savings: s * v,
        monthly_quality_value: q,
        retraining_monthly_average: b.retraining.cost * b.retraining.per_year / 12.0
            - a.retraining.cost * a.retraining.per_year / 12.0,
        retrainings_in_horizon: k_h,
        annual_benefit,
        annual_roi_one_time: if training > 0.0 {
            finite(annual_benefit / training * 100.0)
        } else {
            None
        },
        monthly_net_savings: n,
        break_even_months,
        // V·t: the requests served by t without growth (with growth the
        // schedule's sum replaces it below).
        break_even_requests: break_even_months.and_then(|m| finite(m * v)),
        training_recovery_requests,
        break_even_volume,
        baseline_horizon_cost: side_horizon(a, sb.cost),
        finetuned_horizon_cost: side_horizon(b, sf.cost),
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
            .then(|| finite(a.cost_per_request + sb.cost / v))
            .flatten(),
        finetuned_effective_cost: (serving && v > 0.0)
            .then(|| finite(b.cost_per_request + sf.cost / v))
            .flatten(),
        finetuned_idle_cost: sf.utilization.map(|x| sf.cost * (1.0 - x)),
        effective_request_savings,
        pays_at_every_volume,
        break_even_volume_max: volumes.and_then(|r| r.max),
        volume_search_exhausted: volumes.is_some_and(|r| r.exhausted),
    };
    if !summed(&c) && basis.discount == 0.0 {
        closed
    } else {
        from_schedule(&c, closed, u, retraining)
    }
}

/// Whether the horizon's figures are sums over the schedule: volume grows,
/// side A retrains too (the closed form's cycles are one calendar's), or a
/// side migrates (a one-off lump the cycles do not have).
fn summed(c: &Comparison) -> bool {
    c.basis.grows()
        || c.a.retraining.is_on()
        || c.a.retraining.migration.is_on()
        || c.b.retraining.migration.is_on()
}

/// Net benefit over the horizon alone, without building the schedule: what
/// the volume sweep and the sensitivity chart need dozens of times per
/// keystroke. Equal to [`calculate`]'s `net_benefit` (to rounding, with
/// growth: the schedule sums what this sums by months of volume).
pub fn net_benefit(i: &Inputs) -> f64 {
    net_benefit_of(&Comparison::of(i))
}

/// [`net_benefit`] of any two sides.
pub fn net_benefit_of(c: &Comparison) -> f64 {
    let basis = &c.basis;
    let h = basis.horizon();
    let u = c.per_request_benefit();
    if !basis.grows() {
        let (sa, sb) = (
            c.a.serving.month(basis.requests),
            c.b.serving.month(basis.requests),
        );
        let n = difference(u * basis.requests + sa.cost, c.monthly() + sb.cost);
        return difference(n * h - c.retraining_by(h), c.one_time());
    }
    let variable = if c.has_serving() {
        // Each month's units sized for V·γ_m, as the volume search sizes
        // them (a starting volume times the month's growth factor: the
        // schedule's volume compounded from V differs from it by rounding,
        // and where γ_m underflows to 0 by a unit).
        basis
            .volumes()
            .zip(basis.growth_factors())
            .take(basis.months as usize)
            .map(|(requests, gamma)| {
                let load = basis.requests * gamma;
                u * requests + c.a.serving.month(load).cost - c.b.serving.month(load).cost
            })
            .sum()
    } else {
        u * basis.requests * basis.volume_factor(basis.months)
    };
    variable - c.monthly() * h - c.retraining_by(h) - c.one_time()
}

/// The per-request benefit: savings b − f plus the value of avoided errors
/// a/100 · e ($ per request).
pub fn per_request_benefit(i: &Inputs) -> f64 {
    Comparison::of(i).per_request_benefit()
}

/// The figures when volume grows, cash flows are discounted or side A
/// retrains too: the same definitions, summed over the month-by-month
/// schedule.
fn from_schedule(
    c: &Comparison,
    closed: Results,
    per_request_benefit: f64,
    retraining: f64,
) -> Results {
    let months = super::schedule::schedule_of(c, super::schedule::MAX_MONTHS);
    let basis = &c.basis;
    let h = basis.months as usize;
    let at = |m: usize| months[m.clamp(1, months.len()) - 1];
    let (plain, discounted) = super::schedule::break_evens_of(c, &months);
    let mut r = Results {
        npv: at(h).discounted_cumulative,
        discounted_break_even_months: discounted,
        ..closed
    };
    if !summed(c) {
        return r;
    }
    let training = c.one_time();
    let horizon = &months[..h];
    let volume_factor: f64 =
        horizon.iter().map(|m| m.requests).sum::<f64>() / basis.requests.max(f64::MIN_POSITIVE);
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
    let hf = basis.horizon();
    r.baseline_horizon_cost = c.a.horizon_cost(baseline, hf);
    r.finetuned_horizon_cost = c.b.horizon_cost(finetuned, hf);
    r.net_benefit = difference(at(h).cumulative, 0.0);
    r.net_operating_savings = r.net_benefit + training;
    r.roi_percent = if r.investment > 0.0 {
        finite(r.net_benefit / r.investment * 100.0)
    } else {
        None
    };
    r.break_even_months = plain;
    r.break_even_requests = plain.and_then(|t| finite(basis.requests_by(t)));
    r.break_even_volume = if r.serving {
        // Solved with growth already (see `compare`).
        closed.break_even_volume
    } else if per_request_benefit > 0.0 && volume_factor > 0.0 {
        finite((training + c.monthly() * hf + retraining) / (per_request_benefit * volume_factor))
    } else {
        None
    };
    if !r.serving {
        r.pays_at_every_volume = r.break_even_volume == Some(0.0);
    }
    r.annual_benefit = at(12).cumulative;
    r.annual_roi_one_time = if training > 0.0 {
        finite(r.annual_benefit / training * 100.0)
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
