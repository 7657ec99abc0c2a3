//! The fine-tuning ROI model: exact definitions of every figure.

/// Validated inputs. Every money and volume value is finite, in
/// `0..=1e15`, and either 0 or at least 1e-9; `months` is in `1..=600`.
/// [`crate::core::parse_inputs`] is the way to build one from user text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// One-time training and setup cost T ($).
    pub training: f64,
    /// Monthly maintenance M ($/month).
    pub maintenance: f64,
    /// Baseline cost per request b ($).
    pub baseline: f64,
    /// Fine-tuned cost per request f ($).
    pub finetuned: f64,
    /// Monthly requests V.
    pub requests: f64,
    /// Horizon H (whole months).
    pub months: u32,
}

impl Inputs {
    /// The reference page's example, the default scenario.
    pub const EXAMPLE: Inputs = Inputs {
        training: 2500.0,
        maintenance: 100.0,
        baseline: 0.02,
        finetuned: 0.012,
        requests: 100_000.0,
        months: 12,
    };
}

/// Where the scenario ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The projected net benefit over the horizon is positive.
    Positive,
    /// Monthly net savings are positive, but they repay the training cost
    /// only after the horizon.
    BeyondHorizon,
    /// Monthly net savings are zero or negative: it never pays back.
    Never,
}

impl Status {
    /// The public name, the `data-value` of the status element.
    pub const fn name(self) -> &'static str {
        match self {
            Status::Positive => "positive",
            Status::BeyondHorizon => "beyond_horizon",
            Status::Never => "never",
        }
    }

    /// A short label for people.
    pub const fn label(self) -> &'static str {
        match self {
            Status::Positive => "Positive ROI",
            Status::BeyondHorizon => "Pays back after horizon",
            Status::Never => "Never breaks even",
        }
    }
}

/// Every figure of the model. `None` means undefined (for example, the
/// break-even month of a scenario that never breaks even).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Results {
    /// s = b − f ($ per request).
    pub request_savings: f64,
    /// n = s·V − M ($ per month).
    pub monthly_net_savings: f64,
    /// T / n when n > 0.
    pub break_even_months: Option<f64>,
    /// break_even_months · V: cumulative requests served by break-even.
    pub break_even_requests: Option<f64>,
    /// T / s when s > 0: requests whose savings repay the training cost alone.
    pub training_recovery_requests: Option<f64>,
    /// (T / H + M) / s when s > 0: the monthly volume at which the horizon's
    /// net benefit is exactly zero.
    pub break_even_volume: Option<f64>,
    /// b·V·H.
    pub baseline_horizon_cost: f64,
    /// f·V·H + M·H + T.
    pub finetuned_horizon_cost: f64,
    /// T + M·H, the incremental investment.
    pub investment: f64,
    /// n·H − T, the projected net benefit.
    pub net_benefit: f64,
    /// n·H, savings net of maintenance, before training.
    pub net_operating_savings: f64,
    /// net_benefit / investment × 100 when the investment is positive.
    pub roi_percent: Option<f64>,
    /// Where the scenario ends up.
    pub status: Status,
}

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

/// Computes every figure. Total: any validated [`Inputs`] gives finite
/// numbers or `None`.
pub fn calculate(i: &Inputs) -> Results {
    let h = f64::from(i.months);
    let s = difference(i.baseline, i.finetuned);
    let n = difference(s * i.requests, i.maintenance);
    let break_even_months = if n > 0.0 {
        finite(i.training / n)
    } else {
        None
    };
    let training_recovery_requests = if s > 0.0 {
        finite(i.training / s)
    } else {
        None
    };
    let break_even_volume = if s > 0.0 {
        finite((i.training / h + i.maintenance) / s)
    } else {
        None
    };
    let investment = i.training + i.maintenance * h;
    let net_operating_savings = n * h;
    let net_benefit = difference(net_operating_savings, i.training);
    let roi_percent = if investment > 0.0 {
        finite(net_benefit / investment * 100.0)
    } else {
        None
    };
    let status = if n <= 0.0 {
        Status::Never
    } else if net_benefit > 0.0 {
        Status::Positive
    } else {
        Status::BeyondHorizon
    };
    Results {
        request_savings: s,
        monthly_net_savings: n,
        break_even_months,
        break_even_requests: break_even_months.and_then(|m| finite(m * i.requests)),
        training_recovery_requests,
        break_even_volume,
        baseline_horizon_cost: i.baseline * i.requests * h,
        finetuned_horizon_cost: i.finetuned * i.requests * h + i.maintenance * h + i.training,
        investment,
        net_benefit,
        net_operating_savings,
        roi_percent,
        status,
    }
}
