//! The catalogue of figures: public name, label, how to read it from the
//! results, how to write it, and which direction is better. Comparison and
//! export use it, so every figure is described once.

use super::format::{count, money, months, percent, unit_cost};
use super::model::Results;

/// Which way a figure is better, for highlighting in comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// Larger is better (savings, net benefit, ROI).
    Higher,
    /// Smaller is better (costs, time to break even).
    Lower,
}

/// One figure of the results.
#[derive(Clone, Copy)]
pub struct MetricDef {
    /// The public `data-metric` name.
    pub name: &'static str,
    /// The label shown to people.
    pub label: &'static str,
    /// The unit of the raw value, for CSV headers.
    pub unit: &'static str,
    /// Reads the raw value; `None` when undefined.
    pub get: fn(&Results) -> Option<f64>,
    /// Writes a defined value.
    pub format: fn(f64) -> String,
    /// The words for an undefined value.
    pub undefined: &'static str,
    /// Which direction is better.
    pub better: Better,
}

impl MetricDef {
    /// The figure as text: formatted, or its words when undefined.
    pub fn text(&self, r: &Results) -> String {
        (self.get)(r).map_or_else(|| self.undefined.to_owned(), self.format)
    }
}

fn months_text(m: f64) -> String {
    format!("{} months", months(m))
}

fn requests_text(n: f64) -> String {
    format!("{} requests", count(n))
}

fn volume_text(n: f64) -> String {
    format!("{} requests/month", count(n))
}

/// Every figure, in reading order.
pub const METRICS: [MetricDef; 12] = [
    MetricDef {
        name: "request_savings",
        label: "Per-request savings",
        unit: "$",
        get: |r| Some(r.request_savings),
        format: unit_cost,
        undefined: "n/a",
        better: Better::Higher,
    },
    MetricDef {
        name: "monthly_net_savings",
        label: "Monthly net savings",
        unit: "$/month",
        get: |r| Some(r.monthly_net_savings),
        format: money,
        undefined: "n/a",
        better: Better::Higher,
    },
    MetricDef {
        name: "break_even_months",
        label: "Break-even time",
        unit: "months",
        get: |r| r.break_even_months,
        format: months_text,
        undefined: "Never",
        better: Better::Lower,
    },
    MetricDef {
        name: "break_even_requests",
        label: "Requests served by break-even",
        unit: "requests",
        get: |r| r.break_even_requests,
        format: requests_text,
        undefined: "Never",
        better: Better::Lower,
    },
    MetricDef {
        name: "training_recovery_requests",
        label: "Training recovery",
        unit: "requests",
        get: |r| r.training_recovery_requests,
        format: requests_text,
        undefined: "Never",
        better: Better::Lower,
    },
    MetricDef {
        name: "break_even_volume",
        label: "Break-even volume",
        unit: "requests/month",
        get: |r| r.break_even_volume,
        format: volume_text,
        undefined: "n/a",
        better: Better::Lower,
    },
    MetricDef {
        name: "baseline_horizon_cost",
        label: "Baseline cost over horizon",
        unit: "$",
        get: |r| Some(r.baseline_horizon_cost),
        format: money,
        undefined: "n/a",
        better: Better::Lower,
    },
    MetricDef {
        name: "finetuned_horizon_cost",
        label: "Fine-tuned cost over horizon",
        unit: "$",
        get: |r| Some(r.finetuned_horizon_cost),
        format: money,
        undefined: "n/a",
        better: Better::Lower,
    },
    MetricDef {
        name: "investment",
        label: "Incremental investment",
        unit: "$",
        get: |r| Some(r.investment),
        format: money,
        undefined: "n/a",
        better: Better::Lower,
    },
    MetricDef {
        name: "net_operating_savings",
        label: "Net operating savings",
        unit: "$",
        get: |r| Some(r.net_operating_savings),
        format: money,
        undefined: "n/a",
        better: Better::Higher,
    },
    MetricDef {
        name: "net_benefit",
        label: "Projected net benefit",
        unit: "$",
        get: |r| Some(r.net_benefit),
        format: money,
        undefined: "n/a",
        better: Better::Higher,
    },
    MetricDef {
        name: "roi_percent",
        label: "ROI on investment",
        unit: "%",
        get: |r| r.roi_percent,
        format: percent,
        undefined: "n/a",
        better: Better::Higher,
    },
];

/// The figure named `name`.
pub fn metric(name: &str) -> Option<&'static MetricDef> {
    METRICS.iter().find(|m| m.name == name)
}
