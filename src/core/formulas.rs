//! Every formula of the model written out, with the user's numbers
//! substituted: the "show your work" panel.

use super::format::{count, money, money_input, months, number, percent, unit_cost, MINUS};
use super::model::{Inputs, Results};

/// One formula: what it computes, in words, and worked with the numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula {
    /// The `data-metric` name of the figure it computes.
    pub metric: &'static str,
    /// The figure's name.
    pub title: &'static str,
    /// The definition in words.
    pub words: &'static str,
    /// The definition with the current numbers and its result, or `None`
    /// when the inputs are invalid.
    pub worked: Option<String>,
}

/// The formulas in reading order, as (metric, title, words).
const DEFINITIONS: [(&str, &str, &str); 12] = [
    ("request_savings", "Per-request savings", "baseline cost per request − fine-tuned cost per request"),
    ("monthly_net_savings", "Monthly net savings", "per-request savings × monthly requests − monthly maintenance"),
    ("break_even_months", "Break-even time", "training cost ÷ monthly net savings, when monthly net savings are positive"),
    ("break_even_requests", "Requests served by break-even", "break-even months × monthly requests"),
    ("training_recovery_requests", "Training recovery requests", "training cost ÷ per-request savings (maintenance ignored)"),
    ("break_even_volume", "Break-even volume", "(training cost ÷ horizon months + monthly maintenance) ÷ per-request savings"),
    ("baseline_horizon_cost", "Baseline cost over horizon", "baseline cost per request × monthly requests × months"),
    ("finetuned_horizon_cost", "Fine-tuned cost over horizon", "fine-tuned cost per request × monthly requests × months + maintenance × months + training cost"),
    ("investment", "Incremental investment", "training cost + monthly maintenance × months"),
    ("net_operating_savings", "Net operating savings", "monthly net savings × months"),
    ("net_benefit", "Projected net benefit", "baseline cost over horizon − fine-tuned cost over horizon"),
    ("roi_percent", "ROI", "projected net benefit ÷ incremental investment × 100"),
];

/// The formulas without numbers, for when the inputs are invalid.
pub fn definitions() -> Vec<Formula> {
    DEFINITIONS
        .iter()
        .map(|&(metric, title, words)| Formula {
            metric,
            title,
            words,
            worked: None,
        })
        .collect()
}

/// The formulas worked with the current inputs and results.
pub fn worked(i: &Inputs, r: &Results) -> Vec<Formula> {
    let (t, m, b, f, v) = (
        money_input(i.training),
        money_input(i.maintenance),
        unit_cost(i.baseline),
        unit_cost(i.finetuned),
        number(i.requests),
    );
    let h = i.months.to_string();
    let s = unit_cost(r.request_savings);
    let n = money(r.monthly_net_savings);
    // A negative operand reads better in parentheses: 2 × (−$1.00).
    let paren = |text: String| {
        if text.starts_with(MINUS) {
            format!("({text})")
        } else {
            text
        }
    };
    let lines = [
        format!("{b} {MINUS} {f} = {s}"),
        format!("{} × {v} {MINUS} {m} = {n}", paren(s.clone())),
        match r.break_even_months {
            Some(be) => format!("{t} ÷ {n} = {} months", months(be)),
            None => format!("never: monthly net savings of {n} do not repay {t}"),
        },
        match (r.break_even_months, r.break_even_requests) {
            (Some(be), Some(req)) => format!("{} × {v} = {} requests", months(be), count(req)),
            _ => "never: there is no break-even month".to_owned(),
        },
        match r.training_recovery_requests {
            Some(req) => format!("{t} ÷ {s} = {} requests", count(req)),
            None => format!("n/a: per-request savings of {s} never repay {t}"),
        },
        match r.break_even_volume {
            Some(vol) => format!("({t} ÷ {h} + {m}) ÷ {s} = {} requests/month", count(vol)),
            None => format!("n/a: with per-request savings of {s}, no volume breaks even"),
        },
        format!("{b} × {v} × {h} = {}", money(r.baseline_horizon_cost)),
        format!(
            "{f} × {v} × {h} + {m} × {h} + {t} = {}",
            money(r.finetuned_horizon_cost)
        ),
        format!("{t} + {m} × {h} = {}", money(r.investment)),
        format!(
            "{} × {h} = {}",
            paren(n.clone()),
            money(r.net_operating_savings)
        ),
        format!(
            "{} {MINUS} {} = {}",
            money(r.baseline_horizon_cost),
            money(r.finetuned_horizon_cost),
            money(r.net_benefit)
        ),
        match r.roi_percent {
            Some(roi) => format!(
                "{} ÷ {} × 100 = {}",
                paren(money(r.net_benefit)),
                money(r.investment),
                percent(roi)
            ),
            None => "n/a: there is no investment to return on".to_owned(),
        },
    ];
    DEFINITIONS
        .iter()
        .zip(lines)
        .map(|(&(metric, title, words), line)| Formula {
            metric,
            title,
            words,
            worked: Some(line),
        })
        .collect()
}
