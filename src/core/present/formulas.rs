//! Every formula of the model written out, with the user's numbers
//! substituted: the "show your work" panel.

use std::fmt::Write;

use super::format::{Escaped, Fmt, MINUS};
use crate::core::model::serving::Serving as ServingKind;
use crate::core::model::{Inputs, Results};

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
#[rustfmt::skip]
const DEFINITIONS: [(&str, &str, &str); 21] = [
    ("request_savings", "Per-request savings", "baseline cost per request − fine-tuned cost per request"),
    ("monthly_baseline_cost", "Baseline inference per month", "baseline cost per request × monthly requests"),
    ("monthly_finetuned_cost", "Fine-tuned inference per month", "fine-tuned cost per request × monthly requests"),
    ("monthly_gross_savings", "Inference savings per month", "per-request savings × monthly requests"),
    ("monthly_quality_value", "Value of accuracy per month", "accuracy gain (points) ÷ 100 × value per avoided error × monthly requests"),
    ("monthly_net_savings", "Monthly net savings", "per-request savings × monthly requests + value of accuracy − monthly maintenance"),
    ("retraining_monthly_average", "Retraining, monthly average", "retraining cost × cycles per year ÷ 12 (charged as lump sums in the months they happen)"),
    ("break_even_months", "Break-even time", "training cost ÷ monthly net savings; with retraining or growth, the month from which the cumulative position stays at or above zero (up to the horizon when it is at or above zero there)"),
    ("break_even_requests", "Requests served by break-even", "break-even months × monthly requests"),
    ("training_recovery_requests", "Training recovery requests", "training cost ÷ per-request benefit (savings plus value of accuracy; maintenance ignored)"),
    ("break_even_volume", "Break-even volume", "(training cost ÷ horizon months + monthly maintenance + retraining in horizon ÷ horizon months) ÷ per-request benefit"),
    ("baseline_horizon_cost", "Baseline cost over horizon", "baseline cost per request × monthly requests × months (with growth, months of volume: Σ (1 + monthly growth)^(month − 1) over the horizon, the horizon's requests ÷ the first month's)"),
    ("finetuned_horizon_cost", "Fine-tuned cost over horizon", "fine-tuned cost per request × monthly requests × months of volume + maintenance × months + retraining in horizon + training cost"),
    ("investment", "Incremental investment", "training cost + monthly maintenance × months + retraining in horizon"),
    ("net_operating_savings", "Net operating savings", "monthly net savings × months − retraining in horizon (with growth: the savings and value of accuracy × months of volume − maintenance × months − retraining)"),
    ("net_benefit", "Projected net benefit", "baseline cost over horizon − fine-tuned cost over horizon + value of accuracy × months of volume"),
    ("roi_percent", "ROI on incremental investment", "projected net benefit ÷ incremental investment × 100"),
    ("npv", "Net present value", "−training cost + each month's net flow ÷ (1 + annual discount rate)^(month ÷ 12), over the horizon"),
    ("discounted_break_even_months", "Discounted payback", "break-even of the discounted cumulative position, by the same rule"),
    ("annual_benefit", "First-year benefit", "monthly net savings × 12 − retraining in the first year − training cost (with growth: the savings and value of accuracy × the first 12 months of volume − maintenance × 12 − retraining − training cost)"),
    ("annual_roi_one_time", "Annual ROI on one-time cost", "first-year benefit ÷ training cost × 100 (the article's convention)"),
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

/// The formula list's items as markup: per formula an `<li
/// data-formula="…">` with the definition and, when there are numbers, the
/// worked line. Text is escaped.
pub fn markup(formulas: &[Formula]) -> String {
    let mut out = String::with_capacity(formulas.len() * 240);
    for f in formulas {
        let _ = write!(
            out,
            r#"<li data-formula="{}"><p class="formula-def"><strong>{}</strong> = {}</p>"#,
            f.metric,
            Escaped(f.title),
            Escaped(f.words)
        );
        if let Some(w) = &f.worked {
            let _ = write!(
                out,
                r#"<p class="formula-worked"><code>= {}</code></p>"#,
                Escaped(w)
            );
        }
        out.push_str("</li>");
    }
    out
}

/// A negative operand reads better in parentheses: 2 × (−$1.00).
fn paren(text: String) -> String {
    if text.starts_with(MINUS) {
        format!("({text})")
    } else {
        text
    }
}

/// The formulas worked with the current inputs and results. Terms that are
/// zero in every scenario without them (retraining, value of accuracy) are
/// left out, so the plain model reads plainly.
pub fn worked(fmt: Fmt, i: &Inputs, r: &Results) -> Vec<Formula> {
    let (t, m, b, f, v) = (
        fmt.money_input(i.training),
        fmt.money_input(i.maintenance),
        fmt.unit_cost(i.baseline),
        fmt.unit_cost(i.finetuned),
        fmt.number(i.requests),
    );
    let h = i.months.to_string();
    let s = fmt.unit_cost(r.request_savings);
    let n = fmt.money(r.monthly_net_savings);
    let q = fmt.money(r.monthly_quality_value);
    let has_q = r.monthly_quality_value != 0.0;
    let quality_term = if has_q {
        format!(" + {q}")
    } else {
        String::new()
    };
    let retrain_k = r.retrainings_in_horizon;
    let retrain_term = if i.retrain_cost > 0.0 && retrain_k > 0.0 {
        format!(
            " + {} × {}",
            fmt.money_input(i.retrain_cost),
            fmt.number(retrain_k)
        )
    } else {
        String::new()
    };
    let benefit = if has_q {
        format!(
            "({s} + {}% × {})",
            fmt.number(i.accuracy_gain),
            fmt.money_input(i.error_value)
        )
    } else {
        s.clone()
    };
    let retrain_12 =
        i.retrain_cost * crate::core::model::closed::retrainings_by(12.0, i.retrain_per_year);
    // Months of volume: Σ (1+g)^(m−1), as the model's basis sums them.
    let basis = crate::core::model::basis::Basis::of(i);
    let growing = basis.grows();
    let volume_factor = |months: u32| basis.volume_factor(months);
    let g = fmt.number(volume_factor(i.months));
    let g12 = fmt.number(volume_factor(12));
    let in_month_1 = if growing { " in month 1" } else { "" };
    let per_request = if has_q {
        format!("{} × {v} + {q}", paren(s.clone()))
    } else {
        format!("{} × {v}", paren(s.clone()))
    };
    // Serving costs: terms only for a side that pays any.
    let sv = ServingTerms::of(fmt, i, r, growing);
    let line = |metric: &str| -> String {
        match metric {
            "request_savings" => format!("{b} {MINUS} {f} = {s}"),
            "monthly_baseline_cost" => format!("{b} × {v} = {}{in_month_1}", fmt.money(r.monthly_baseline_cost)),
            "monthly_finetuned_cost" => format!("{f} × {v} = {}{in_month_1}", fmt.money(r.monthly_finetuned_cost)),
            "monthly_gross_savings" => format!("{} × {v} = {}{in_month_1}", paren(s.clone()), fmt.money(r.monthly_gross_savings)),
            "monthly_quality_value" => format!(
                "{} ÷ 100 × {} × {v} = {q}{in_month_1}",
                fmt.number(i.accuracy_gain),
                fmt.money_input(i.error_value)
            ),
            "monthly_net_savings" => format!("{} × {v}{quality_term} {MINUS} {m}{} = {n}{in_month_1}", paren(s.clone()), sv.monthly),
            "retraining_monthly_average" => format!(
                "{} × {} ÷ 12 = {}",
                fmt.money_input(i.retrain_cost),
                fmt.number(i.retrain_per_year),
                fmt.money(r.retraining_monthly_average)
            ),
            "break_even_months" => match r.break_even_months {
                Some(be) if growing => format!(
                    "{MINUS}{t} + each month's net flow (volume growing {}% a month{}) is at or above zero from {} months",
                    fmt.number(i.growth * 100.0),
                    if retrain_term.is_empty() { "" } else { ", retraining as lump sums" },
                    fmt.months(be)
                ),
                None if growing => format!(
                    "never: {MINUS}{t} + each month's net flow (volume growing {}% a month) does not stay at or above zero within 600 months",
                    fmt.number(i.growth * 100.0)
                ),
                Some(be) if retrain_term.is_empty() => format!("{t} ÷ {n} = {} months", fmt.months(be)),
                Some(be) => format!(
                    "{MINUS}{t} + {n} per month {MINUS} {} per retraining stays at or above zero from {} months",
                    fmt.money_input(i.retrain_cost),
                    fmt.months(be)
                ),
                None => format!("never: monthly net savings of {n} do not repay {t}"),
            },
            "break_even_requests" => match (r.break_even_months, r.break_even_requests) {
                (Some(be), Some(req)) if growing => {
                    format!("the requests of the first {} months, growing {}% a month = {} requests", fmt.months(be), fmt.number(i.growth * 100.0), fmt.count(req))
                }
                (Some(be), Some(req)) => format!("{} × {v} = {} requests", fmt.months(be), fmt.count(req)),
                _ => "never: there is no break-even month".to_owned(),
            },
            // Serving counts in the saving per request.
            "training_recovery_requests" if r.serving => match (r.effective_request_savings, r.training_recovery_requests) {
                (None, _) => "n/a: no requests to share the serving costs over".to_owned(),
                (Some(e), recovery) => {
                    let per_request = if has_q {
                        format!("({} + {}% × {})", fmt.unit_cost(e), fmt.number(i.accuracy_gain), fmt.money_input(i.error_value))
                    } else {
                        fmt.unit_cost(e)
                    };
                    match recovery {
                        Some(req) => format!("{t} ÷ {per_request} = {} requests{in_month_1}", fmt.count(req)),
                        None => format!("n/a: a benefit of {per_request} a request, serving included, never repays {t}"),
                    }
                }
            },
            "training_recovery_requests" => match r.training_recovery_requests {
                Some(req) => format!("{t} ÷ {benefit} = {} requests", fmt.count(req)),
                None => format!("n/a: a per-request benefit of {s} never repays {t}"),
            },
            "break_even_volume" if r.serving => sv.break_even_volume(i, r, &benefit, &g),
            "break_even_volume" => match r.break_even_volume {
                // Nothing to recover.
                Some(0.0) => format!("{t} + {m} × {h}{retrain_term} = {}: nothing to recover, so every volume pays", fmt.money_input(0.0)),
                Some(vol) if growing => format!(
                    "({t} ÷ {h} + {m}{}) ÷ ({benefit} × {g} ÷ {h}) = {} requests/month in month 1",
                    if retrain_term.is_empty() { String::new() } else { format!(" + {} ÷ {h}", fmt.money_input(i.retrain_cost * retrain_k)) },
                    fmt.count(vol)
                ),
                Some(vol) if retrain_term.is_empty() => {
                    format!("({t} ÷ {h} + {m}) ÷ {benefit} = {} requests/month", fmt.count(vol))
                }
                Some(vol) => format!(
                    "({t} ÷ {h} + {m} + {} ÷ {h}) ÷ {benefit} = {} requests/month",
                    fmt.money_input(i.retrain_cost * retrain_k),
                    fmt.count(vol)
                ),
                None => format!("n/a: with a per-request benefit of {s}, no volume breaks even"),
            },
            "baseline_horizon_cost" if growing => format!(
                "{b} × {v} × {g} (Σ {}^(month {MINUS} 1), months 1 to {h}){} = {}",
                fmt.number(1.0 + i.growth),
                sv.base_horizon,
                fmt.money(r.baseline_horizon_cost)
            ),
            "baseline_horizon_cost" => format!("{b} × {v} × {g}{} = {}", sv.base_horizon, fmt.money(r.baseline_horizon_cost)),
            "finetuned_horizon_cost" => {
                format!("{f} × {v} × {g}{} + {m} × {h}{retrain_term} + {t} = {}", sv.ft_horizon, fmt.money(r.finetuned_horizon_cost))
            }
            "investment" => format!("{t} + {m} × {h}{retrain_term} = {}", fmt.money(r.investment)),
            "net_operating_savings" if growing => format!(
                "({per_request}) × {g}{} {MINUS} {m} × {h}{} = {}",
                sv.horizon,
                retrain_term.replacen(" + ", &format!(" {MINUS} "), 1),
                fmt.money(r.net_operating_savings)
            ),
            "net_operating_savings" => format!(
                "{} × {h}{} = {}",
                paren(n.clone()),
                retrain_term.replacen(" + ", &format!(" {MINUS} "), 1),
                fmt.money(r.net_operating_savings)
            ),
            "net_benefit" => format!(
                "{} {MINUS} {}{} = {}",
                fmt.money(r.baseline_horizon_cost),
                fmt.money(r.finetuned_horizon_cost),
                if has_q { format!(" + {q} × {g}") } else { String::new() },
                fmt.money(r.net_benefit)
            ),
            "roi_percent" => match r.roi_percent {
                Some(roi) => format!("{} ÷ {} × 100 = {}", paren(fmt.money(r.net_benefit)), fmt.money(r.investment), fmt.percent(roi)),
                None => "n/a: there is no investment to return on".to_owned(),
            },
            "npv" => {
                if i.discount == 0.0 {
                    format!("no discounting: equal to the projected net benefit, {}", fmt.money(r.npv))
                } else {
                    format!(
                        "{MINUS}{t} + Σ net flow ÷ {}^(month ÷ 12) over {h} months = {}",
                        fmt.number(1.0 + i.discount),
                        fmt.money(r.npv)
                    )
                }
            }
            "discounted_break_even_months" => match r.discounted_break_even_months {
                Some(m) => format!("{} months at {}% a year", fmt.months(m), fmt.number(i.discount * 100.0)),
                None => "not within 50 years".to_owned(),
            },
            "annual_benefit" if growing => format!(
                "({per_request}) × {g12}{} {MINUS} {m} × 12{} {MINUS} {t} = {}",
                sv.first_year,
                if retrain_12 > 0.0 { format!(" {MINUS} {}", fmt.money_input(retrain_12)) } else { String::new() },
                fmt.money(r.annual_benefit)
            ),
            "annual_benefit" => format!(
                "{} × 12{} {MINUS} {t} = {}",
                paren(n.clone()),
                if retrain_12 > 0.0 { format!(" {MINUS} {}", fmt.money_input(retrain_12)) } else { String::new() },
                fmt.money(r.annual_benefit)
            ),
            "annual_roi_one_time" => match r.annual_roi_one_time {
                Some(roi) => format!("{} ÷ {t} × 100 = {}", paren(fmt.money(r.annual_benefit)), fmt.percent(roi)),
                None => "n/a: there is no one-time cost to return on".to_owned(),
            },
            _ => String::new(),
        }
    };
    let mut out: Vec<Formula> = DEFINITIONS
        .iter()
        .map(|&(metric, title, words)| Formula {
            metric,
            title,
            words: if r.serving {
                serving_words(metric).unwrap_or(words)
            } else {
                words
            },
            worked: Some(line(metric)),
        })
        .collect();
    if r.serving {
        out.extend(
            SERVING_DEFINITIONS
                .iter()
                .map(|&(metric, title, words)| Formula {
                    metric,
                    title,
                    words,
                    worked: Some(sv.line(metric, i, r)),
                }),
        );
    }
    out
}

// Serving costs.

/// The serving formulas, in the order of [`super::metrics::SERVING`], as
/// (metric, title, words): shown when a side pays for serving.
#[rustfmt::skip]
const SERVING_DEFINITIONS: [(&str, &str, &str); 11] = [
    ("baseline_serving_monthly", "Baseline serving", "hourly: deployments × hosting fee × hours billed; capacity: units × unit price × hours per unit; per request only: nothing"),
    ("finetuned_serving_monthly", "Fine-tuned serving", "hourly: deployments × hosting fee × hours billed; capacity: units × unit price × hours per unit; per request only: nothing"),
    ("baseline_units", "Baseline units", "monthly requests × peak factor ÷ (throughput per unit × hours per unit × 3,600), rounded up (a load within 1e-9 of a whole number needs that many), at least the minimum units"),
    ("finetuned_units", "Fine-tuned units", "monthly requests × peak factor ÷ (throughput per unit × hours per unit × 3,600), rounded up (a load within 1e-9 of a whole number needs that many), at least the minimum units"),
    ("baseline_utilization", "Baseline utilization", "monthly requests ÷ (units × throughput per unit × hours per unit × 3,600) × 100 (0 with no unit running)"),
    ("finetuned_utilization", "Fine-tuned utilization", "monthly requests ÷ (units × throughput per unit × hours per unit × 3,600) × 100 (0 with no unit running)"),
    ("baseline_effective_cost", "Baseline cost per request with serving", "baseline cost per request + baseline serving ÷ monthly requests"),
    ("finetuned_effective_cost", "Fine-tuned cost per request with serving", "fine-tuned cost per request + fine-tuned serving ÷ monthly requests"),
    ("effective_request_savings", "Per-request savings with serving", "baseline cost per request with serving − fine-tuned cost per request with serving"),
    ("finetuned_idle_cost", "Fine-tuned idle capacity", "fine-tuned serving × (1 − fine-tuned utilization): what the unused capacity costs"),
    ("break_even_volume_max", "Upper break-even volume", "the volume above which the horizon's net benefit is below zero for good, when each extra unit costs more than the requests it serves save"),
];

/// What a figure's definition says once serving costs count.
fn serving_words(metric: &str) -> Option<&'static str> {
    Some(match metric {
        "monthly_net_savings" => "per-request savings × monthly requests + value of accuracy − monthly maintenance + baseline serving − fine-tuned serving",
        "training_recovery_requests" => "training cost ÷ (per-request savings with serving + value of accuracy per request), month 1's serving shared over month 1's requests; maintenance ignored",
        "break_even_volume" => "the lowest starting monthly volume at which the horizon's net benefit is at or above zero; serving units step up with volume, and between steps the net benefit is a line, so each piece is solved exactly",
        "baseline_horizon_cost" => "baseline cost per request × monthly requests × months of volume + baseline serving over the horizon",
        "finetuned_horizon_cost" => "fine-tuned cost per request × monthly requests × months of volume + fine-tuned serving over the horizon + maintenance × months + retraining in horizon + training cost",
        "net_operating_savings" => "monthly net savings (serving included) × months − retraining in horizon (with growth: the savings and value of accuracy × months of volume + baseline serving − fine-tuned serving − maintenance × months − retraining)",
        "annual_benefit" => "monthly net savings (serving included) × 12 − retraining in the first year − training cost (with growth: summed over the first 12 months)",
        _ => return None,
    })
}

/// The serving terms of the worked lines, and the serving formulas.
struct ServingTerms {
    /// ` + S_base,1 − S_ft,1` for the sides that pay.
    monthly: String,
    /// ` + baseline serving over the horizon`.
    base_horizon: String,
    /// ` + fine-tuned serving over the horizon`.
    ft_horizon: String,
    /// ` + baseline − fine-tuned serving over the horizon`.
    horizon: String,
    /// ` + baseline − fine-tuned serving over the first 12 months`.
    first_year: String,
    growing: bool,
    /// The formatter the terms were written with.
    fmt: Fmt,
}

impl ServingTerms {
    fn of(fmt: Fmt, i: &Inputs, r: &Results, growing: bool) -> ServingTerms {
        let (b_on, f_on) = (!i.base_serving.is_per_token(), !i.ft_serving.is_per_token());
        let terms = |b: String, f: String| {
            let mut out = String::new();
            if b_on {
                out += &format!(" + {b}");
            }
            if f_on {
                out += &format!(" {MINUS} {f}");
            }
            out
        };
        let h = i.months;
        // A side's horizon total: its monthly cost × months when that is the
        // same every month, else the schedule's sum.
        let over = |fixed: bool, monthly: f64, total: f64| {
            if fixed || !growing {
                format!("{} × {h}", fmt.money(monthly))
            } else {
                fmt.money(total)
            }
        };
        let base = over(
            i.base_serving.is_fixed(),
            r.baseline_serving_monthly,
            r.baseline_serving_horizon,
        );
        let ft = over(
            i.ft_serving.is_fixed(),
            r.finetuned_serving_monthly,
            r.finetuned_serving_horizon,
        );
        let first_year = if growing && r.serving {
            let year = crate::core::model::schedule::schedule(i, 12);
            let sum = |f: fn(&crate::core::model::schedule::Month) -> f64| {
                fmt.money(year.iter().map(f).sum())
            };
            terms(sum(|m| m.baseline_serving), sum(|m| m.finetuned_serving))
        } else {
            String::new()
        };
        ServingTerms {
            monthly: terms(
                fmt.money(r.baseline_serving_monthly),
                fmt.money(r.finetuned_serving_monthly),
            ),
            base_horizon: if b_on {
                format!(" + {base}")
            } else {
                String::new()
            },
            ft_horizon: if f_on {
                format!(" + {ft}")
            } else {
                String::new()
            },
            horizon: terms(base, ft),
            first_year,
            growing,
            fmt,
        }
    }

    /// The break-even volume's line: the net benefit over the horizon at
    /// that starting volume, term by term.
    fn break_even_volume(&self, i: &Inputs, r: &Results, benefit: &str, g: &str) -> String {
        let fmt = self.fmt;
        if r.volume_search_exhausted {
            return "n/a: serving costs take nearly all the savings, and the unit steps are too many to search exactly".to_owned();
        }
        let Some(vol) = r.break_even_volume else {
            return "n/a: the horizon's net benefit is below zero at every volume".to_owned();
        };
        let at = Inputs {
            requests: vol,
            ..*i
        };
        let months = crate::core::model::schedule::schedule(&at, at.months);
        let (base, ft): (f64, f64) = months.iter().fold((0.0, 0.0), |(b, f), m| {
            (b + m.baseline_serving, f + m.finetuned_serving)
        });
        let h = i.months;
        let retraining = i.retrain_cost * r.retrainings_in_horizon;
        let nb = crate::core::model::closed::net_benefit(&at);
        let mut out = format!("{benefit} × {} × {g}", fmt.count(vol));
        if !i.base_serving.is_per_token() {
            out += &format!(" + {}", fmt.money(base));
        }
        if !i.ft_serving.is_per_token() {
            out += &format!(" {MINUS} {}", fmt.money(ft));
        }
        out += &format!(" {MINUS} {} × {h}", fmt.money_input(i.maintenance));
        if retraining > 0.0 {
            out += &format!(" {MINUS} {}", fmt.money_input(retraining));
        }
        // A break-even volume of 0 is no volume to reach.
        let at_volume = if r.pays_at_every_volume {
            " with no requests: at or above zero at every volume".to_owned()
        } else if vol == 0.0 {
            " with no requests: at or above zero already at zero volume".to_owned()
        } else {
            format!(
                " at {} requests/month{}",
                fmt.count(vol),
                if self.growing { " in month 1" } else { "" }
            )
        };
        out += &format!(
            " {MINUS} {} = {}{at_volume}",
            fmt.money_input(i.training),
            fmt.money(nb),
        );
        out
    }

    /// The worked line of serving figure `metric`.
    fn line(&self, metric: &str, i: &Inputs, r: &Results) -> String {
        let fmt = self.fmt;
        let baseline = metric.starts_with("baseline");
        let (serving, cost, per_request) = if baseline {
            (i.base_serving, r.baseline_serving_monthly, i.baseline)
        } else {
            (i.ft_serving, r.finetuned_serving_monthly, i.finetuned)
        };
        let (units, utilization) = if baseline {
            (r.baseline_units, r.baseline_utilization)
        } else {
            (r.finetuned_units, r.finetuned_utilization)
        };
        let in_month_1 = if self.growing && !serving.is_fixed() {
            " in month 1"
        } else {
            ""
        };
        let v = fmt.number(i.requests);
        let plural = |n: f64, one: &str, many: &str| {
            format!("{} {}", fmt.count(n), if n == 1.0 { one } else { many })
        };
        let not_units = match serving {
            ServingKind::PerToken => "n/a: paid per request only, not by units",
            _ if serving.capacity().is_none() => "n/a: paid per deployment-hour, not by units",
            _ => "n/a: a unit billed 0 hours a month serves nothing",
        };
        let suffix = metric.rsplit_once('_').map_or("", |(_, s)| s);
        match (suffix, serving) {
            ("monthly", ServingKind::PerToken) => format!("paid per request only: {}", fmt.money(0.0)),
            (
                "monthly",
                ServingKind::Hourly {
                    rate,
                    hours,
                    deployments,
                },
            ) => format!(
                "{} × {}/deployment-hour × {} h = {}",
                plural(deployments, "deployment", "deployments"),
                fmt.money_input(rate),
                fmt.number(hours),
                fmt.money(cost)
            ),
            ("monthly", ServingKind::Capacity(c)) => match units {
                Some(u) => format!(
                    "{} × {}/unit-hour × {} h = {}{in_month_1}",
                    plural(u, "unit", "units"),
                    fmt.money_input(c.unit_rate),
                    fmt.number(c.unit_hours),
                    fmt.money(cost)
                ),
                None => format!("a unit billed 0 hours a month: {}", fmt.money(0.0)),
            },
            ("units", ServingKind::Capacity(c)) => match units {
                Some(u) => {
                    let load = i.requests * c.peak_factor / c.unit_requests();
                    format!(
                        "{v} × {} ÷ ({} × {} × 3,600) = {} units of peak load → {}{}{in_month_1}",
                        fmt.number(c.peak_factor),
                        fmt.number(c.unit_rps),
                        fmt.number(c.unit_hours),
                        fmt.number(load),
                        plural(u, "unit", "units"),
                        if u == c.min_units && load < u {
                            " (the minimum)"
                        } else {
                            ""
                        }
                    )
                }
                None => not_units.to_owned(),
            },
            ("utilization", ServingKind::Capacity(c)) => match (units, utilization) {
                (Some(u), Some(pct)) if u > 0.0 => format!(
                    "{v} ÷ ({} × {} × {} × 3,600) × 100 = {}{in_month_1}",
                    fmt.count(u),
                    fmt.number(c.unit_rps),
                    fmt.number(c.unit_hours),
                    fmt.percent(pct)
                ),
                (Some(_), Some(pct)) => format!("no unit runs: {}", fmt.percent(pct)),
                _ => not_units.to_owned(),
            },
            ("units" | "utilization", _) => not_units.to_owned(),
            ("savings", _) => match r.effective_request_savings {
                Some(e) => format!(
                    "({} + {} ÷ {v}) {MINUS} ({} + {} ÷ {v}) = {}{}",
                    fmt.unit_cost(i.baseline),
                    fmt.money(r.baseline_serving_monthly),
                    fmt.unit_cost(i.finetuned),
                    fmt.money(r.finetuned_serving_monthly),
                    fmt.unit_cost(e),
                    if self.growing { " in month 1" } else { "" }
                ),
                None => "n/a: no requests to share the serving costs over".to_owned(),
            },
            ("cost", _) if metric.ends_with("effective_cost") => {
                let effective = if baseline {
                    r.baseline_effective_cost
                } else {
                    r.finetuned_effective_cost
                };
                match effective {
                    Some(e) => format!(
                        "{} + {} ÷ {v} = {}{in_month_1}",
                        fmt.unit_cost(per_request),
                        fmt.money(cost),
                        fmt.unit_cost(e)
                    ),
                    None => "n/a: no requests to share the serving cost".to_owned(),
                }
            }
            ("cost", _) => match (r.finetuned_idle_cost, r.finetuned_utilization) {
                (Some(idle), Some(pct)) => format!(
                    "{} × (1 {MINUS} {}) = {}{in_month_1}",
                    fmt.money(cost),
                    fmt.percent(pct),
                    fmt.money(idle)
                ),
                _ => "n/a: only for units sized to the load (capacity)".to_owned(),
            },
            ("max", _) => match r.break_even_volume_max {
                Some(max) => format!(
                    "above {} requests/month the horizon's net benefit is below zero for good: each extra unit costs more than the requests it serves save",
                    fmt.count(max)
                ),
                None if r.volume_search_exhausted => "n/a: too many unit steps to search exactly".to_owned(),
                None => "n/a: the net benefit does not fall below zero again at higher volumes".to_owned(),
            },
            _ => String::new(),
        }
    }
}
