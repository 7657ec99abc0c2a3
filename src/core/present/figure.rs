//! The figures: every figure of the results declared once, in one table
//! (public name, label, unit, how to read it, how to write it, its words
//! when undefined, which direction is better), as the variants of
//! [`Figure`]. Views, exports, the comparison and the worked formulas take
//! a [`Figure`], so a misspelt figure does not compile. The simulation's
//! figures are declared the same way over its summary
//! ([`crate::core::model::montecarlo::SimFigure`]).

use super::format::Fmt;
use crate::core::model::Results;

/// Which way a figure is better, for highlighting in comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Larger is better (savings, net benefit, ROI).
    Higher,
    /// Smaller is better (costs, time to break even).
    Lower,
}

/// Everything known about one figure read from `R` (the model's
/// [`Results`], or the simulation's summary).
pub struct Spec<R> {
    /// The public `data-metric` name.
    pub name: &'static str,
    /// The label shown to people.
    pub label: &'static str,
    /// The unit of the raw value, for CSV headers.
    pub unit: &'static str,
    /// Reads the raw value; `None` when undefined.
    pub get: fn(&R) -> Option<f64>,
    /// Writes a defined value.
    pub format: fn(Fmt, f64) -> String,
    /// The words for an undefined value.
    pub undefined: &'static str,
    /// Which direction is better.
    pub better: Better,
    /// Words in place of the value where a number would mislead (a
    /// break-even volume of 0 when every volume pays); `None` for the
    /// number.
    pub words: fn(&R) -> Option<&'static str>,
}

impl<R> Spec<R> {
    /// The figure as text: its words where a number would mislead,
    /// formatted when defined, its words for undefined otherwise.
    pub fn text(&self, fmt: Fmt, r: &R) -> String {
        if let Some(words) = (self.words)(r) {
            return words.to_owned();
        }
        (self.get)(r).map_or_else(|| self.undefined.to_owned(), |v| (self.format)(fmt, v))
    }

    /// Whether an undefined value means the figure never comes (its words
    /// "Never", "Not within 50 years"): it then ranks after every value,
    /// as never breaking even is worse than any time. Any other undefined
    /// value ("n/a") cannot be ranked against a number.
    pub fn never(&self) -> bool {
        self.undefined.starts_with("Never") || self.undefined.starts_with("Not within")
    }
}

/// No words: every value is written as a number ([`Spec::words`]).
pub fn no_words<R>(_: &R) -> Option<&'static str> {
    None
}

/// Declares an enum of figures read from one type, with its table of
/// [`Spec`]s: one row per figure, `Variant: "public_name", "Label",
/// "unit", reader, writer, "words when undefined", Higher | Lower` and, when
/// a number would sometimes mislead, `, words`.
macro_rules! figures {
    (
        $(#[$meta:meta])*
        pub enum $figure:ident of $of:ty {
            $($variant:ident: $name:literal, $label:literal, $unit:literal, $get:expr, $format:expr, $undefined:literal, $better:ident $(, $words:expr)?;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $figure {
            $(
                #[doc = $label]
                $variant,
            )*
        }

        impl $figure {
            /// Every figure, in reading order.
            pub const ALL: [$figure; [$($figure::$variant),*].len()] = [$($figure::$variant,)*];

            const SPECS: &'static [$crate::core::present::figure::Spec<$of>] = &[
                $($crate::core::present::figure::Spec {
                    name: $name,
                    label: $label,
                    unit: $unit,
                    get: $get,
                    format: $format,
                    undefined: $undefined,
                    better: $crate::core::present::figure::Better::$better,
                    words: $crate::core::present::figure::figures!(@words $($words)?),
                },)*
            ];

            /// Everything known about this figure.
            pub const fn spec(self) -> &'static $crate::core::present::figure::Spec<$of> {
                &Self::SPECS[self as usize]
            }

            /// The public `data-metric` name (and export key).
            pub const fn name(self) -> &'static str {
                self.spec().name
            }

            /// The label shown to people.
            pub const fn label(self) -> &'static str {
                self.spec().label
            }

            /// The unit of the raw value.
            pub const fn unit(self) -> &'static str {
                self.spec().unit
            }

            /// The words for an undefined value.
            pub const fn undefined(self) -> &'static str {
                self.spec().undefined
            }

            /// Which direction is better.
            pub const fn better(self) -> $crate::core::present::figure::Better {
                self.spec().better
            }

            /// The raw value in `r`; `None` when undefined.
            pub fn value(self, r: &$of) -> Option<f64> {
                (self.spec().get)(r)
            }

            /// A defined value written for people.
            pub fn write(self, fmt: $crate::core::present::format::Fmt, v: f64) -> String {
                (self.spec().format)(fmt, v)
            }

            /// Words in place of the value in `r` where a number would
            /// mislead.
            pub fn words(self, r: &$of) -> Option<&'static str> {
                (self.spec().words)(r)
            }

            /// The figure in `r` as text ([`Spec::text`]).
            pub fn text(self, fmt: $crate::core::present::format::Fmt, r: &$of) -> String {
                self.spec().text(fmt, r)
            }
        }
    };
    (@words) => { $crate::core::present::figure::no_words };
    (@words $words:expr) => { $words };
}
pub(crate) use figures;

/// A number of months for people: `3.57 months`.
pub fn months_text(fmt: Fmt, m: f64) -> String {
    format!("{} months", fmt.months(m))
}

fn requests_text(fmt: Fmt, n: f64) -> String {
    format!("{} requests", fmt.count(n))
}

fn volume_text(fmt: Fmt, n: f64) -> String {
    format!("{} requests/month", fmt.count(n))
}

fn units_text(fmt: Fmt, n: f64) -> String {
    format!(
        "{} {}",
        fmt.count(n),
        if n == 1.0 { "unit" } else { "units" }
    )
}

/// The break-even volume in words where a number would mislead: 0 is the
/// lowest volume at which the net benefit is at or above zero, but shown as
/// "0 requests/month" it reads as "it never pays". Undefined, it stays
/// "n/a" (exported files pin it); the page says in a sentence under it that
/// no volume pays.
fn volume_words(r: &Results) -> Option<&'static str> {
    match r.break_even_volume {
        _ if r.pays_at_every_volume => Some("Pays at every volume"),
        Some(0.0) => Some("Pays even at zero volume"),
        _ => None,
    }
}

/// With serving and no requests there is no saving per request to recover
/// the training cost with.
fn recovery_words(r: &Results) -> Option<&'static str> {
    (r.serving && r.effective_request_savings.is_none()).then_some("n/a: no requests")
}

figures! {
    /// One figure of the model's [`Results`], in reading order; the serving
    /// figures ([`Figure::SERVING`]) last.
    #[rustfmt::skip]
    pub enum Figure of Results {
        RequestSavings: "request_savings", "Per-request savings", "$", |r| Some(r.request_savings), Fmt::unit_cost, "n/a", Higher;
        MonthlyBaselineCost: "monthly_baseline_cost", "Baseline inference per month", "$/month", |r| Some(r.monthly_baseline_cost), Fmt::money, "n/a", Lower;
        MonthlyFinetunedCost: "monthly_finetuned_cost", "Fine-tuned inference per month", "$/month", |r| Some(r.monthly_finetuned_cost), Fmt::money, "n/a", Lower;
        MonthlyGrossSavings: "monthly_gross_savings", "Inference savings per month", "$/month", |r| Some(r.monthly_gross_savings), Fmt::money, "n/a", Higher;
        MonthlyQualityValue: "monthly_quality_value", "Value of accuracy per month", "$/month", |r| Some(r.monthly_quality_value), Fmt::money, "n/a", Higher;
        MonthlyNetSavings: "monthly_net_savings", "Monthly net savings", "$/month", |r| Some(r.monthly_net_savings), Fmt::money, "n/a", Higher;
        RetrainingMonthlyAverage: "retraining_monthly_average", "Retraining, monthly average", "$/month", |r| Some(r.retraining_monthly_average), Fmt::money, "n/a", Lower;
        BreakEvenMonths: "break_even_months", "Break-even time", "months", |r| r.break_even_months, months_text, "Never", Lower;
        BreakEvenRequests: "break_even_requests", "Requests served by break-even", "requests", |r| r.break_even_requests, requests_text, "Never", Lower;
        TrainingRecoveryRequests: "training_recovery_requests", "Training recovery", "requests", |r| r.training_recovery_requests, requests_text, "Never", Lower, recovery_words;
        BreakEvenVolume: "break_even_volume", "Break-even volume", "requests/month", |r| r.break_even_volume, volume_text, "n/a", Lower, volume_words;
        BaselineHorizonCost: "baseline_horizon_cost", "Baseline cost over horizon", "$", |r| Some(r.baseline_horizon_cost), Fmt::money, "n/a", Lower;
        FinetunedHorizonCost: "finetuned_horizon_cost", "Fine-tuned cost over horizon", "$", |r| Some(r.finetuned_horizon_cost), Fmt::money, "n/a", Lower;
        Investment: "investment", "Incremental investment", "$", |r| Some(r.investment), Fmt::money, "n/a", Lower;
        NetOperatingSavings: "net_operating_savings", "Net operating savings", "$", |r| Some(r.net_operating_savings), Fmt::money, "n/a", Higher;
        NetBenefit: "net_benefit", "Projected net benefit", "$", |r| Some(r.net_benefit), Fmt::money, "n/a", Higher;
        RoiPercent: "roi_percent", "ROI on investment", "%", |r| r.roi_percent, Fmt::percent, "n/a", Higher;
        Npv: "npv", "Net present value", "$", |r| Some(r.npv), Fmt::money, "n/a", Higher;
        DiscountedBreakEvenMonths: "discounted_break_even_months", "Discounted payback", "months", |r| r.discounted_break_even_months, months_text, "Not within 50 years", Lower;
        AnnualBenefit: "annual_benefit", "First-year benefit", "$", |r| Some(r.annual_benefit), Fmt::money, "n/a", Higher;
        AnnualRoiOneTime: "annual_roi_one_time", "Annual ROI on one-time cost", "%", |r| r.annual_roi_one_time, Fmt::percent, "n/a", Higher;
        // Serving costs: from here on, shown and exported only when a
        // scenario pays for serving on either side.
        BaselineServingMonthly: "baseline_serving_monthly", "Baseline serving per month", "$/month", |r| Some(r.baseline_serving_monthly), Fmt::money, "n/a", Lower;
        FinetunedServingMonthly: "finetuned_serving_monthly", "Fine-tuned serving per month", "$/month", |r| Some(r.finetuned_serving_monthly), Fmt::money, "n/a", Lower;
        BaselineUnits: "baseline_units", "Baseline units", "units", |r| r.baseline_units, units_text, "n/a", Lower;
        FinetunedUnits: "finetuned_units", "Fine-tuned units", "units", |r| r.finetuned_units, units_text, "n/a", Lower;
        BaselineUtilization: "baseline_utilization", "Baseline utilization", "%", |r| r.baseline_utilization, Fmt::percent, "n/a", Higher;
        FinetunedUtilization: "finetuned_utilization", "Fine-tuned utilization", "%", |r| r.finetuned_utilization, Fmt::percent, "n/a", Higher;
        BaselineEffectiveCost: "baseline_effective_cost", "Baseline cost per request with serving", "$", |r| r.baseline_effective_cost, Fmt::unit_cost, "n/a", Lower;
        FinetunedEffectiveCost: "finetuned_effective_cost", "Fine-tuned cost per request with serving", "$", |r| r.finetuned_effective_cost, Fmt::unit_cost, "n/a", Lower;
        EffectiveRequestSavings: "effective_request_savings", "Per-request savings with serving", "$", |r| r.effective_request_savings, Fmt::unit_cost, "n/a: no requests", Higher;
        FinetunedIdleCost: "finetuned_idle_cost", "Fine-tuned idle capacity per month", "$/month", |r| r.finetuned_idle_cost, Fmt::money, "n/a", Lower;
        BreakEvenVolumeMax: "break_even_volume_max", "Upper break-even volume", "requests/month", |r| r.break_even_volume_max, volume_text, "n/a", Higher;
    }
}

impl Figure {
    /// The serving figures, in reading order: shown and exported only when
    /// a scenario pays for serving on either side ([`Results::serving`]),
    /// so that scenarios without keep every export as it was.
    pub const SERVING: &'static [Figure] = Figure::ALL
        .split_at(Figure::BaselineServingMonthly as usize)
        .1;

    /// Whether this is one of the [`Figure::SERVING`] figures.
    pub const fn is_serving(self) -> bool {
        self as usize >= Figure::BaselineServingMonthly as usize
    }

    /// The figures shown: every figure, the serving ones only `serving`.
    pub fn shown(serving: bool) -> impl Iterator<Item = Figure> {
        Figure::ALL
            .into_iter()
            .filter(move |f| serving || !f.is_serving())
    }

    /// The figures of `r`: every figure, the serving ones only when it
    /// pays for serving.
    pub fn of(r: &Results) -> impl Iterator<Item = Figure> {
        Figure::shown(r.serving)
    }
}

/// The GPUs running for `units` capacity units of `gpus_per_unit` GPUs
/// each, in words: "16 GPUs running: 4 units × 4 GPUs per unit".
pub fn gpus_text(fmt: Fmt, units: f64, gpus_per_unit: f64) -> String {
    let n = units * gpus_per_unit;
    format!(
        "{} {} running: {} × {} {} per unit",
        fmt.count(n),
        if n == 1.0 { "GPU" } else { "GPUs" },
        units_text(fmt, units),
        fmt.count(gpus_per_unit),
        if gpus_per_unit == 1.0 { "GPU" } else { "GPUs" }
    )
}
