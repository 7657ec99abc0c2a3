//! The catalogue of figures: public name, label, how to read it from the
//! results, how to write it, and which direction is better. Comparison and
//! export use it, so every figure is described once.

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

/// One figure of the results (`R`: what it is read from, the model's
/// [`Results`] unless said otherwise).
pub struct MetricDef<R = Results> {
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
    /// Words in place of the value where a number would mislead (
    /// a break-even volume of 0 when every volume pays); `None` for
    /// the number.
    pub words: fn(&R) -> Option<&'static str>,
}

/// No words: every value is written as a number ([`MetricDef::words`]).
pub fn no_words<R>(_: &R) -> Option<&'static str> {
    None
}

impl<R> Clone for MetricDef<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for MetricDef<R> {}

impl<R> MetricDef<R> {
    /// The figure as text: formatted, or its words when undefined.
    pub fn text(&self, fmt: Fmt, r: &R) -> String {
        if let Some(words) = (self.words)(r) {
            return words.to_owned();
        }
        (self.get)(r).map_or_else(|| self.undefined.to_owned(), |v| (self.format)(fmt, v))
    }
}

fn months_text(fmt: Fmt, m: f64) -> String {
    format!("{} months", fmt.months(m))
}

fn requests_text(fmt: Fmt, n: f64) -> String {
    format!("{} requests", fmt.count(n))
}

fn volume_text(fmt: Fmt, n: f64) -> String {
    format!("{} requests/month", fmt.count(n))
}

const fn def(
    name: &'static str,
    label: &'static str,
    unit: &'static str,
    get: fn(&Results) -> Option<f64>,
    format: fn(Fmt, f64) -> String,
    undefined: &'static str,
    better: Better,
) -> MetricDef {
    MetricDef {
        name,
        label,
        unit,
        get,
        format,
        undefined,
        better,
        words: no_words,
    }
}

impl MetricDef {
    /// The same figure with [`MetricDef::words`].
    const fn with_words(self, words: fn(&Results) -> Option<&'static str>) -> MetricDef {
        MetricDef { words, ..self }
    }
}

/// The break-even volume in words where a number would mislead: 0 is the lowest volume at which the net benefit is at or above
/// zero, but shown as "0 requests/month" it reads as "it never pays".
/// Undefined, it stays "n/a" (exported files pin it); the page says in a
/// sentence under it that no volume pays.
pub fn volume_words(r: &Results) -> Option<&'static str> {
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

use Better::{Higher, Lower};

/// Every figure, in reading order.
#[rustfmt::skip]
pub const METRICS: [MetricDef; 21] = [
    def("request_savings", "Per-request savings", "$", |r| Some(r.request_savings), Fmt::unit_cost, "n/a", Higher),
    def("monthly_baseline_cost", "Baseline inference per month", "$/month", |r| Some(r.monthly_baseline_cost), Fmt::money, "n/a", Lower),
    def("monthly_finetuned_cost", "Fine-tuned inference per month", "$/month", |r| Some(r.monthly_finetuned_cost), Fmt::money, "n/a", Lower),
    def("monthly_gross_savings", "Inference savings per month", "$/month", |r| Some(r.monthly_gross_savings), Fmt::money, "n/a", Higher),
    def("monthly_quality_value", "Value of accuracy per month", "$/month", |r| Some(r.monthly_quality_value), Fmt::money, "n/a", Higher),
    def("monthly_net_savings", "Monthly net savings", "$/month", |r| Some(r.monthly_net_savings), Fmt::money, "n/a", Higher),
    def("retraining_monthly_average", "Retraining, monthly average", "$/month", |r| Some(r.retraining_monthly_average), Fmt::money, "n/a", Lower),
    def("break_even_months", "Break-even time", "months", |r| r.break_even_months, months_text, "Never", Lower),
    def("break_even_requests", "Requests served by break-even", "requests", |r| r.break_even_requests, requests_text, "Never", Lower),
    def("training_recovery_requests", "Training recovery", "requests", |r| r.training_recovery_requests, requests_text, "Never", Lower).with_words(recovery_words),
    def("break_even_volume", "Break-even volume", "requests/month", |r| r.break_even_volume, volume_text, "n/a", Lower).with_words(volume_words),
    def("baseline_horizon_cost", "Baseline cost over horizon", "$", |r| Some(r.baseline_horizon_cost), Fmt::money, "n/a", Lower),
    def("finetuned_horizon_cost", "Fine-tuned cost over horizon", "$", |r| Some(r.finetuned_horizon_cost), Fmt::money, "n/a", Lower),
    def("investment", "Incremental investment", "$", |r| Some(r.investment), Fmt::money, "n/a", Lower),
    def("net_operating_savings", "Net operating savings", "$", |r| Some(r.net_operating_savings), Fmt::money, "n/a", Higher),
    def("net_benefit", "Projected net benefit", "$", |r| Some(r.net_benefit), Fmt::money, "n/a", Higher),
    def("roi_percent", "ROI on investment", "%", |r| r.roi_percent, Fmt::percent, "n/a", Higher),
    def("npv", "Net present value", "$", |r| Some(r.npv), Fmt::money, "n/a", Higher),
    def("discounted_break_even_months", "Discounted payback", "months", |r| r.discounted_break_even_months, months_text, "Not within 50 years", Lower),
    def("annual_benefit", "First-year benefit", "$", |r| Some(r.annual_benefit), Fmt::money, "n/a", Higher),
    def("annual_roi_one_time", "Annual ROI on one-time cost", "%", |r| r.annual_roi_one_time, Fmt::percent, "n/a", Higher),
];

/// The figure named `name`.
pub fn metric(name: &str) -> Option<&'static MetricDef> {
    METRICS.iter().chain(&SERVING).find(|m| m.name == name)
}

// Serving costs.

fn units_text(fmt: Fmt, n: f64) -> String {
    format!(
        "{} {}",
        fmt.count(n),
        if n == 1.0 { "unit" } else { "units" }
    )
}

/// The GPUs running for `units` capacity units of `gpus_per_unit` GPUs each, in words: "16 GPUs running: 4 units × 4 GPUs per unit".
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

/// The serving figures, in reading order: shown and exported
/// only when a scenario pays for serving on either side
/// ([`Results::serving`]), so that scenarios without keep every export as
/// it was.
#[rustfmt::skip]
pub const SERVING: [MetricDef; 11] = [
    def("baseline_serving_monthly", "Baseline serving per month", "$/month", |r| Some(r.baseline_serving_monthly), Fmt::money, "n/a", Lower),
    def("finetuned_serving_monthly", "Fine-tuned serving per month", "$/month", |r| Some(r.finetuned_serving_monthly), Fmt::money, "n/a", Lower),
    def("baseline_units", "Baseline units", "units", |r| r.baseline_units, units_text, "n/a", Lower),
    def("finetuned_units", "Fine-tuned units", "units", |r| r.finetuned_units, units_text, "n/a", Lower),
    def("baseline_utilization", "Baseline utilization", "%", |r| r.baseline_utilization, Fmt::percent, "n/a", Higher),
    def("finetuned_utilization", "Fine-tuned utilization", "%", |r| r.finetuned_utilization, Fmt::percent, "n/a", Higher),
    def("baseline_effective_cost", "Baseline cost per request with serving", "$", |r| r.baseline_effective_cost, Fmt::unit_cost, "n/a", Lower),
    def("finetuned_effective_cost", "Fine-tuned cost per request with serving", "$", |r| r.finetuned_effective_cost, Fmt::unit_cost, "n/a", Lower),
    def("effective_request_savings", "Per-request savings with serving", "$", |r| r.effective_request_savings, Fmt::unit_cost, "n/a: no requests", Higher),
    def("finetuned_idle_cost", "Fine-tuned idle capacity per month", "$/month", |r| r.finetuned_idle_cost, Fmt::money, "n/a", Lower),
    def("break_even_volume_max", "Upper break-even volume", "requests/month", |r| r.break_even_volume_max, volume_text, "n/a", Higher),
];

/// The figures of `r`: [`METRICS`], then [`SERVING`] when it pays for
/// serving.
pub fn of(r: &Results) -> impl Iterator<Item = &'static MetricDef> {
    let serving = r.serving;
    METRICS
        .iter()
        .chain(SERVING.iter().filter(move |_| serving))
}
