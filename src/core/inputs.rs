//! The model's input and result types: validated [`Inputs`], every figure
//! in [`Results`], and the [`Status`] a scenario ends up in. The model
//! ([`crate::core::model`]) computes them; views and exports read them.

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
    /// Cost of one retraining R ($), a lump sum in the month it happens.
    pub retrain_cost: f64,
    /// Retrainings a year c; the k-th happens at month k·12/c.
    pub retrain_per_year: f64,
    /// Accuracy gain a, in percentage points.
    pub accuracy_gain: f64,
    /// Value e of one avoided error ($).
    pub error_value: f64,
    /// Monthly volume growth g (fraction; month m serves V·(1+g)^(m−1)).
    pub growth: f64,
    /// Annual discount rate D (fraction), for the net present value.
    pub discount: f64,
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
        retrain_cost: 0.0,
        retrain_per_year: 0.0,
        accuracy_gain: 0.0,
        error_value: 0.0,
        growth: 0.0,
        discount: 0.0,
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
    /// b·V: baseline inference per month.
    pub monthly_baseline_cost: f64,
    /// f·V: fine-tuned inference per month.
    pub monthly_finetuned_cost: f64,
    /// s·V: inference savings per month, before maintenance.
    pub monthly_gross_savings: f64,
    /// Q = a/100 · e · V: the value of avoided errors per month.
    pub monthly_quality_value: f64,
    /// R·c/12: retraining averaged per month.
    pub retraining_monthly_average: f64,
    /// k_H: retrainings within the horizon.
    pub retrainings_in_horizon: f64,
    /// n·12 − R·k₁₂ − T: the first year's cumulative net position.
    pub annual_benefit: f64,
    /// annual_benefit / T × 100 when T > 0: the article's "annual ROI on
    /// the one-time cost".
    pub annual_roi_one_time: Option<f64>,
    /// n = s·V + Q − M ($ per month), before retraining lumps.
    pub monthly_net_savings: f64,
    /// T / n when n > 0; with retraining or growth, when the cumulative
    /// position turns non-negative: up to the horizon when it is
    /// non-negative there, for good otherwise (see `schedule::payback`).
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
    /// Net present value over the horizon: −T + each month's net
    /// discounted at the annual rate D (equals net_benefit when D = 0).
    pub npv: f64,
    /// Break-even of the discounted cumulative position, by the same rule,
    /// within 600 months.
    pub discounted_break_even_months: Option<f64>,
    /// Where the scenario ends up.
    pub status: Status,
}
