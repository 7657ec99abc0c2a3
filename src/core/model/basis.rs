//! The model's basis: what every side is measured on, each written once.
//! The horizon's months, each month's volume as it grows, the months of
//! volume (Σ growth factors), the requests served by a time, the retraining
//! calendar, the discount factors, and the model's tolerance for
//! differences. The closed form, the schedule, the volume search and the
//! worked formulas all build on it; it uses nothing else of the model but
//! the validated [`Inputs`] it is read from.

use super::types::Inputs;
use crate::core::inputs::field::MAX_MONTHS;

/// `Some(x)` when `x` is finite. Validated inputs keep every quotient
/// finite; this keeps the model total even if that reasoning were wrong.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// `a − b`, snapped to exactly zero when the difference is below the
/// rounding noise of its operands (relative 1e-12): the model's one
/// tolerance. Decimal inputs such as 0.02 − 0.012 are not exact in binary
/// floating point; without this, a scenario that breaks even exactly would
/// read as "pays back in 10¹⁶ months".
pub fn difference(a: f64, b: f64) -> f64 {
    let d = a - b;
    if d.abs() <= 1e-12 * a.abs().max(b.abs()) {
        0.0
    } else {
        d
    }
}

/// Retrainings that happen by time `t` (months) at `per_year` a year: the
/// k-th is at k·12/c, and one falling exactly at `t` counts. The retraining
/// calendar of every side.
pub fn retrainings_by(t: f64, per_year: f64) -> f64 {
    if per_year <= 0.0 {
        return 0.0;
    }
    // A tolerance so that, say, the 4th quarterly retraining at month 12
    // counts in a 12-month horizon despite rounding.
    (t * per_year / 12.0 + 1e-9).floor()
}

/// The horizon and its months, whichever sides are compared over them:
/// volume (starting volume V, monthly growth g), the horizon H, the annual
/// discount rate D, and the value e of one avoided error (what the
/// scenario's requests gain from a side's accuracy).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Basis {
    /// Horizon H (whole months).
    pub months: u32,
    /// Requests in month 1, V.
    pub requests: f64,
    /// Monthly volume growth g (fraction): month m serves V·(1+g)^(m−1).
    pub growth: f64,
    /// Annual discount rate D (fraction).
    pub discount: f64,
    /// Value e of one avoided error ($).
    pub error_value: f64,
}

impl Basis {
    /// The basis of scenario `i`.
    pub const fn of(i: &Inputs) -> Basis {
        Basis {
            months: i.months,
            requests: i.requests,
            growth: i.growth,
            discount: i.discount,
            error_value: i.error_value,
        }
    }

    /// The horizon H in months, as a number.
    pub fn horizon(&self) -> f64 {
        f64::from(self.months)
    }

    /// Whether volume changes from month to month.
    pub fn grows(&self) -> bool {
        self.growth != 0.0
    }

    /// Each month's requests from month 1 on, without end: V, V·(1+g),
    /// V·(1+g)², … (each the one before times 1+g).
    pub fn volumes(&self) -> Compounding {
        Compounding {
            next: self.requests,
            step: 1.0 + self.growth,
        }
    }

    /// Each month's growth factor γ_m = (1+g)^(m−1), from month 1 on: the
    /// volumes of a starting volume of 1, what a month's volume is for any
    /// starting volume (the volume search).
    pub fn growth_factors(&self) -> Compounding {
        Basis {
            requests: 1.0,
            ..*self
        }
        .volumes()
    }

    /// Months of volume: Σ γ_m over months 1 to `months`, the horizon's
    /// requests ÷ the first month's (`months` itself without growth).
    pub fn volume_factor(&self, months: u32) -> f64 {
        self.growth_factors().take(months as usize).sum()
    }

    /// Requests served by time `t` (months, ≥ 0, within the longest
    /// schedule with growth): whole months' volumes, then the part `t`
    /// reaches of the next month's (requests arrive evenly within a month).
    /// V·t without growth.
    pub fn requests_by(&self, t: f64) -> f64 {
        if !self.grows() {
            return t * self.requests;
        }
        // Bounded, so that a time past the schedule cannot make it walk
        // for ever.
        let whole = t.floor().min(f64::from(MAX_MONTHS));
        let mut volumes = self.volumes();
        let before: f64 = volumes.by_ref().take(whole as usize).sum();
        before + (t - whole) * volumes.next().unwrap_or(0.0)
    }

    /// The monthly discount rate (1+D)^(1/12).
    pub fn monthly_rate(&self) -> f64 {
        (1.0 + self.discount).powf(1.0 / 12.0)
    }

    /// Each month's discount factor from month 1 on, without end: 1 ÷
    /// (1+D)^(m/12), a flow at the end of month m in today's money (each
    /// the one before divided by the monthly rate).
    pub fn discount_factors(&self) -> Discounting {
        Discounting {
            factor: 1.0,
            rate: self.monthly_rate(),
        }
    }
}

/// A value compounded month by month: each month's is the one before
/// times `step`. Never ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Compounding {
    next: f64,
    step: f64,
}

impl Iterator for Compounding {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        let x = self.next;
        self.next *= self.step;
        Some(x)
    }
}

/// Discount factors month by month ([`Basis::discount_factors`]). Never
/// ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Discounting {
    factor: f64,
    rate: f64,
}

impl Iterator for Discounting {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        self.factor /= self.rate;
        Some(self.factor)
    }
}
