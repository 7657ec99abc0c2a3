//! The fine-tuning ROI model: exact definitions of every figure.

pub use super::schedule::retrainings_by;
pub use super::types::{Inputs, Results, Status};

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
            (i.training + i.maintenance * hf + retraining) / (per_request_benefit * volume_factor),
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
