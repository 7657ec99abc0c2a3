//! The model's input and result types: validated [`Inputs`], every figure
//! in [`Results`], and the [`Status`] a scenario ends up in. The model
//! ([`super::closed`]) computes them; views and exports read them.

pub use super::serving::{Capacity, Serving};

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
    // Serving costs.
    /// How the baseline model is served: S_base,m a month.
    pub base_serving: Serving,
    /// How the fine-tuned model is served: S_ft,m a month.
    pub ft_serving: Serving,
    /// The GPU job's part of the training cost T, when training compute is
    /// priced by GPU time (issue 29): read only by the simulation's ranges
    /// on the GPU price and the MFU, never by the figures (T includes it).
    pub gpu: Option<crate::core::model::gpu::GpuCost>,
    /// The migration lump of the fine-tuned model's end of life: its cost
    /// in the month of the horizon holding the picked model's shutdown,
    /// when a start month is set and that month is within the horizon
    /// ([`crate::core::model::lifecycle`]); none otherwise.
    pub migration: crate::core::model::lifecycle::Migration,
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
        base_serving: Serving::PerToken,
        ft_serving: Serving::PerToken,
        gpu: None,
        migration: crate::core::model::lifecycle::Migration::NONE,
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
    /// T / u when u > 0, u = s + a/100 · e the per-request benefit: requests
    /// whose benefit repays the training cost alone. With serving, u includes month 1's serving saving per request,
    /// (S_base,1 − S_ft,1) / V, and is undefined when V = 0.
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
    // Serving costs.
    /// Whether either side pays for serving ([`Inputs::has_serving`]): the
    /// serving figures are shown and exported only then.
    pub serving: bool,
    /// S_base,1: the baseline's serving cost in month 1 ($).
    pub baseline_serving_monthly: f64,
    /// S_ft,1: the fine-tuned side's serving cost in month 1 ($).
    pub finetuned_serving_monthly: f64,
    /// Σ S_base,m over the horizon ($).
    pub baseline_serving_horizon: f64,
    /// Σ S_ft,m over the horizon ($).
    pub finetuned_serving_horizon: f64,
    /// u_base,1: the baseline's units in month 1, in capacity mode.
    pub baseline_units: Option<f64>,
    /// u_ft,1: the fine-tuned side's units in month 1, in capacity mode.
    pub finetuned_units: Option<f64>,
    /// The baseline units' utilisation in month 1, in percent.
    pub baseline_utilization: Option<f64>,
    /// The fine-tuned units' utilisation in month 1, in percent.
    pub finetuned_utilization: Option<f64>,
    /// b + S_base,1 / V ($ per request), when either side pays for serving
    /// and V > 0.
    pub baseline_effective_cost: Option<f64>,
    /// f + S_ft,1 / V ($ per request), when either side pays for serving
    /// and V > 0.
    pub finetuned_effective_cost: Option<f64>,
    /// S_ft,1 × (1 − utilisation): month 1's cost of unused fine-tuned
    /// capacity ($), in capacity mode.
    pub finetuned_idle_cost: Option<f64>,
    /// With serving, the volume above which the horizon's net benefit is
    /// below zero for good (each extra unit costs more than the requests it
    /// serves save); `None` when it never turns negative again.
    pub break_even_volume_max: Option<f64>,
    /// (b + S_base,1 / V) − (f + S_ft,1 / V) ($ per request): the saving per
    /// request with month 1's serving costs shared over its requests, when
    /// either side pays for serving and V > 0.
    pub effective_request_savings: Option<f64>,
    /// Whether the horizon's net benefit is at or above zero at every
    /// starting volume: `break_even_volume` is then 0 and the
    /// page says so in words instead of showing a volume of 0.
    pub pays_at_every_volume: bool,
    /// Whether the break-even volume search gave up: too many unit steps to
    /// walk exactly (both volumes are then `None`).
    pub volume_search_exhausted: bool,
}
