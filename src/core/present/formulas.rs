//! Every formula of the model written out, with the user's numbers
//! substituted: the "show your work" panel.

use std::fmt::Write;

use super::figure::Figure;
use super::format::{Escaped, Fmt, MINUS};
use crate::core::inputs::builders::TokenCosts;
use crate::core::inputs::builders::PARTS;
use crate::core::model::serving::Serving as ServingKind;
use crate::core::model::{Inputs, Results};

/// One formula: what it computes, in words, and worked with the numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula {
    /// The `data-metric` name of the figure it computes
    /// ([`Figure::name`]).
    pub metric: &'static str,
    /// The figure's name.
    pub title: &'static str,
    /// The definition in words.
    pub words: &'static str,
    /// The definition with the current numbers and its result, or `None`
    /// when the inputs are invalid.
    pub worked: Option<String>,
}

/// A formula's heading: the figure's label, or where the panel names it
/// differently, its own words.
fn title(figure: Figure) -> &'static str {
    match figure {
        Figure::TrainingRecoveryRequests => "Training recovery requests",
        Figure::RoiPercent => "ROI on incremental investment",
        Figure::BaselineServingMonthly => "Baseline serving",
        Figure::FinetunedServingMonthly => "Fine-tuned serving",
        Figure::FinetunedIdleCost => "Fine-tuned idle capacity",
        _ => figure.label(),
    }
}

/// A figure's definition in words.
#[rustfmt::skip]
fn definition(figure: Figure) -> &'static str {
    match figure {
        Figure::RequestSavings => "baseline cost per request − fine-tuned cost per request",
        Figure::MonthlyBaselineCost => "baseline cost per request × monthly requests",
        Figure::MonthlyFinetunedCost => "fine-tuned cost per request × monthly requests",
        Figure::MonthlyGrossSavings => "per-request savings × monthly requests",
        Figure::MonthlyQualityValue => "accuracy gain (points) ÷ 100 × value per avoided error × monthly requests",
        Figure::MonthlyNetSavings => "per-request savings × monthly requests + value of accuracy − monthly maintenance",
        Figure::RetrainingMonthlyAverage => "retraining cost × cycles per year ÷ 12 (charged as lump sums in the months they happen)",
        Figure::BreakEvenMonths => "training cost ÷ monthly net savings; with retraining or growth, the month from which the cumulative position stays at or above zero (up to the horizon when it is at or above zero there)",
        Figure::BreakEvenRequests => "break-even months × monthly requests",
        Figure::TrainingRecoveryRequests => "training cost ÷ per-request benefit (savings plus value of accuracy; maintenance ignored)",
        Figure::BreakEvenVolume => "(training cost ÷ horizon months + monthly maintenance + retraining in horizon ÷ horizon months) ÷ per-request benefit",
        Figure::BaselineHorizonCost => "baseline cost per request × monthly requests × months (with growth, months of volume: Σ (1 + monthly growth)^(month − 1) over the horizon, the horizon's requests ÷ the first month's)",
        Figure::FinetunedHorizonCost => "fine-tuned cost per request × monthly requests × months of volume + maintenance × months + retraining in horizon + training cost",
        Figure::Investment => "training cost + monthly maintenance × months + retraining in horizon",
        Figure::NetOperatingSavings => "monthly net savings × months − retraining in horizon (with growth: the savings and value of accuracy × months of volume − maintenance × months − retraining)",
        Figure::NetBenefit => "baseline cost over horizon − fine-tuned cost over horizon + value of accuracy × months of volume",
        Figure::RoiPercent => "projected net benefit ÷ incremental investment × 100",
        Figure::Npv => "−training cost + each month's net flow ÷ (1 + annual discount rate)^(month ÷ 12), over the horizon",
        Figure::DiscountedBreakEvenMonths => "break-even of the discounted cumulative position, by the same rule",
        Figure::AnnualBenefit => "monthly net savings × 12 − retraining in the first year − training cost (with growth: the savings and value of accuracy × the first 12 months of volume − maintenance × 12 − retraining − training cost)",
        Figure::AnnualRoiOneTime => "first-year benefit ÷ training cost × 100 (the article's convention)",
        Figure::BaselineServingMonthly | Figure::FinetunedServingMonthly => "hourly: deployments × hosting fee × hours billed; capacity: units × unit price × hours per unit; per request only: nothing",
        Figure::BaselineUnits | Figure::FinetunedUnits => "monthly requests × peak factor ÷ (throughput per unit × hours per unit × 3,600), rounded up (a load within 1e-9 of a whole number needs that many), at least the minimum units",
        Figure::BaselineUtilization | Figure::FinetunedUtilization => "monthly requests ÷ (units × throughput per unit × hours per unit × 3,600) × 100 (0 with no unit running)",
        Figure::BaselineEffectiveCost => "baseline cost per request + baseline serving ÷ monthly requests",
        Figure::FinetunedEffectiveCost => "fine-tuned cost per request + fine-tuned serving ÷ monthly requests",
        Figure::EffectiveRequestSavings => "baseline cost per request with serving − fine-tuned cost per request with serving",
        Figure::FinetunedIdleCost => "fine-tuned serving × (1 − fine-tuned utilization): what the unused capacity costs",
        Figure::BreakEvenVolumeMax => "the volume above which the horizon's net benefit is below zero for good, when each extra unit costs more than the requests it serves save",
    }
}

/// One formula of `figure`: its definition (as it reads once serving
/// costs count, with `serving`) and the worked line, when there is one.
fn formula(figure: Figure, serving: bool, worked: Option<String>) -> Formula {
    let words = if serving {
        serving_definition(figure).unwrap_or(definition(figure))
    } else {
        definition(figure)
    };
    Formula {
        metric: figure.name(),
        title: title(figure),
        words,
        worked,
    }
}

/// The formulas without numbers, for when the inputs are invalid: every
/// figure but the serving ones, in reading order.
pub fn definitions() -> Vec<Formula> {
    Figure::shown(false)
        .map(|f| formula(f, false, None))
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
    // The migration lump of the model's end of life (issue 27), when it
    // falls within the horizon: a lump like a retraining.
    let migration = i.migration.cost_by(f64::from(i.months));
    let lumps_term = if migration > 0.0 {
        format!("{retrain_term} + {}", fmt.money_input(migration))
    } else {
        retrain_term.clone()
    };
    let lumps_total = i.retrain_cost * retrain_k + migration;
    let benefit = if has_q {
        format!(
            "({s} + {}% × {})",
            fmt.number(i.accuracy_gain),
            fmt.money_input(i.error_value)
        )
    } else {
        s.clone()
    };
    let retrain_12 = i.retrain_cost
        * crate::core::model::closed::retrainings_by(12.0, i.retrain_per_year)
        + i.migration.cost_by(12.0);
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
    let line = |figure: Figure| -> String {
        match figure {
            Figure::RequestSavings => format!("{b} {MINUS} {f} = {s}"),
            Figure::MonthlyBaselineCost => format!("{b} × {v} = {}{in_month_1}", fmt.money(r.monthly_baseline_cost)),
            Figure::MonthlyFinetunedCost => format!("{f} × {v} = {}{in_month_1}", fmt.money(r.monthly_finetuned_cost)),
            Figure::MonthlyGrossSavings => format!("{} × {v} = {}{in_month_1}", paren(s.clone()), fmt.money(r.monthly_gross_savings)),
            Figure::MonthlyQualityValue => format!(
                "{} ÷ 100 × {} × {v} = {q}{in_month_1}",
                fmt.number(i.accuracy_gain),
                fmt.money_input(i.error_value)
            ),
            Figure::MonthlyNetSavings => format!("{} × {v}{quality_term} {MINUS} {m}{} = {n}{in_month_1}", paren(s.clone()), sv.monthly),
            Figure::RetrainingMonthlyAverage => format!(
                "{} × {} ÷ 12 = {}",
                fmt.money_input(i.retrain_cost),
                fmt.number(i.retrain_per_year),
                fmt.money(r.retraining_monthly_average)
            ),
            Figure::BreakEvenMonths => match r.break_even_months {
                Some(be) if growing => format!(
                    "{MINUS}{t} + each month's net flow (volume growing {}% a month{}) is at or above zero from {} months",
                    fmt.number(i.growth * 100.0),
                    if retrain_term.is_empty() { String::new() } else { ", retraining as lump sums".to_owned() }
                        + &if migration > 0.0 { format!(", the migration in month {}", i.migration.month) } else { String::new() },
                    fmt.months(be)
                ),
                None if growing => format!(
                    "never: {MINUS}{t} + each month's net flow (volume growing {}% a month) does not stay at or above zero within 600 months",
                    fmt.number(i.growth * 100.0)
                ),
                Some(be) if lumps_term.is_empty() => format!("{t} ÷ {n} = {} months", fmt.months(be)),
                Some(be) => format!(
                    "{MINUS}{t} + {n} per month{}{} stays at or above zero from {} months",
                    if retrain_term.is_empty() { String::new() } else { format!(" {MINUS} {} per retraining", fmt.money_input(i.retrain_cost)) },
                    if migration > 0.0 { format!(" {MINUS} {} in month {}", fmt.money_input(migration), i.migration.month) } else { String::new() },
                    fmt.months(be)
                ),
                None => format!("never: monthly net savings of {n} do not repay {t}"),
            },
            Figure::BreakEvenRequests => match (r.break_even_months, r.break_even_requests) {
                (Some(be), Some(req)) if growing => {
                    format!("the requests of the first {} months, growing {}% a month = {} requests", fmt.months(be), fmt.number(i.growth * 100.0), fmt.count(req))
                }
                (Some(be), Some(req)) => format!("{} × {v} = {} requests", fmt.months(be), fmt.count(req)),
                _ => "never: there is no break-even month".to_owned(),
            },
            // Serving counts in the saving per request.
            Figure::TrainingRecoveryRequests if r.serving => match (r.effective_request_savings, r.training_recovery_requests) {
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
            Figure::TrainingRecoveryRequests => match r.training_recovery_requests {
                Some(req) => format!("{t} ÷ {benefit} = {} requests", fmt.count(req)),
                None => format!("n/a: a per-request benefit of {s} never repays {t}"),
            },
            Figure::BreakEvenVolume if r.serving => sv.break_even_volume(i, r, &benefit, &g),
            Figure::BreakEvenVolume => match r.break_even_volume {
                // Nothing to recover.
                Some(0.0) => format!("{t} + {m} × {h}{lumps_term} = {}: nothing to recover, so every volume pays", fmt.money_input(0.0)),
                Some(vol) if growing => format!(
                    "({t} ÷ {h} + {m}{}) ÷ ({benefit} × {g} ÷ {h}) = {} requests/month in month 1",
                    if lumps_term.is_empty() { String::new() } else { format!(" + {} ÷ {h}", fmt.money_input(lumps_total)) },
                    fmt.count(vol)
                ),
                Some(vol) if lumps_term.is_empty() => {
                    format!("({t} ÷ {h} + {m}) ÷ {benefit} = {} requests/month", fmt.count(vol))
                }
                Some(vol) => format!(
                    "({t} ÷ {h} + {m} + {} ÷ {h}) ÷ {benefit} = {} requests/month",
                    fmt.money_input(lumps_total),
                    fmt.count(vol)
                ),
                None => format!("n/a: with a per-request benefit of {s}, no volume breaks even"),
            },
            Figure::BaselineHorizonCost if growing => format!(
                "{b} × {v} × {g} (Σ {}^(month {MINUS} 1), months 1 to {h}){} = {}",
                fmt.number(1.0 + i.growth),
                sv.base_horizon,
                fmt.money(r.baseline_horizon_cost)
            ),
            Figure::BaselineHorizonCost => format!("{b} × {v} × {g}{} = {}", sv.base_horizon, fmt.money(r.baseline_horizon_cost)),
            Figure::FinetunedHorizonCost => {
                format!("{f} × {v} × {g}{} + {m} × {h}{lumps_term} + {t} = {}", sv.ft_horizon, fmt.money(r.finetuned_horizon_cost))
            }
            Figure::Investment => format!("{t} + {m} × {h}{lumps_term} = {}", fmt.money(r.investment)),
            Figure::NetOperatingSavings if growing => format!(
                "({per_request}) × {g}{} {MINUS} {m} × {h}{} = {}",
                sv.horizon,
                lumps_term.replace(" + ", &format!(" {MINUS} ")),
                fmt.money(r.net_operating_savings)
            ),
            Figure::NetOperatingSavings => format!(
                "{} × {h}{} = {}",
                paren(n.clone()),
                lumps_term.replace(" + ", &format!(" {MINUS} ")),
                fmt.money(r.net_operating_savings)
            ),
            Figure::NetBenefit => format!(
                "{} {MINUS} {}{} = {}",
                fmt.money(r.baseline_horizon_cost),
                fmt.money(r.finetuned_horizon_cost),
                if has_q { format!(" + {q} × {g}") } else { String::new() },
                fmt.money(r.net_benefit)
            ),
            Figure::RoiPercent => match r.roi_percent {
                Some(roi) => format!("{} ÷ {} × 100 = {}", paren(fmt.money(r.net_benefit)), fmt.money(r.investment), fmt.percent(roi)),
                None => "n/a: there is no investment to return on".to_owned(),
            },
            Figure::Npv => {
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
            Figure::DiscountedBreakEvenMonths => match r.discounted_break_even_months {
                Some(m) => format!("{} months at {}% a year", fmt.months(m), fmt.number(i.discount * 100.0)),
                None => "not within 50 years".to_owned(),
            },
            Figure::AnnualBenefit if growing => format!(
                "({per_request}) × {g12}{} {MINUS} {m} × 12{} {MINUS} {t} = {}",
                sv.first_year,
                if retrain_12 > 0.0 { format!(" {MINUS} {}", fmt.money_input(retrain_12)) } else { String::new() },
                fmt.money(r.annual_benefit)
            ),
            Figure::AnnualBenefit => format!(
                "{} × 12{} {MINUS} {t} = {}",
                paren(n.clone()),
                if retrain_12 > 0.0 { format!(" {MINUS} {}", fmt.money_input(retrain_12)) } else { String::new() },
                fmt.money(r.annual_benefit)
            ),
            Figure::AnnualRoiOneTime => match r.annual_roi_one_time {
                Some(roi) => format!("{} ÷ {t} × 100 = {}", paren(fmt.money(r.annual_benefit)), fmt.percent(roi)),
                None => "n/a: there is no one-time cost to return on".to_owned(),
            },
            // Serving costs.
            Figure::BaselineServingMonthly
            | Figure::FinetunedServingMonthly
            | Figure::BaselineUnits
            | Figure::FinetunedUnits
            | Figure::BaselineUtilization
            | Figure::FinetunedUtilization
            | Figure::BaselineEffectiveCost
            | Figure::FinetunedEffectiveCost
            | Figure::EffectiveRequestSavings
            | Figure::FinetunedIdleCost
            | Figure::BreakEvenVolumeMax => sv.line(figure, i, r),
        }
    };
    Figure::of(r)
        .map(|figure| formula(figure, r.serving, Some(line(figure))))
        .collect()
}

// Serving costs.

/// What a figure's definition says once serving costs count.
fn serving_definition(figure: Figure) -> Option<&'static str> {
    Some(match figure {
        Figure::MonthlyNetSavings => "per-request savings × monthly requests + value of accuracy − monthly maintenance + baseline serving − fine-tuned serving",
        Figure::TrainingRecoveryRequests => "training cost ÷ (per-request savings with serving + value of accuracy per request), month 1's serving shared over month 1's requests; maintenance ignored",
        Figure::BreakEvenVolume => "the lowest starting monthly volume at which the horizon's net benefit is at or above zero; serving units step up with volume, and between steps the net benefit is a line, so each piece is solved exactly",
        Figure::BaselineHorizonCost => "baseline cost per request × monthly requests × months of volume + baseline serving over the horizon",
        Figure::FinetunedHorizonCost => "fine-tuned cost per request × monthly requests × months of volume + fine-tuned serving over the horizon + maintenance × months + retraining in horizon + training cost",
        Figure::NetOperatingSavings => "monthly net savings (serving included) × months − retraining in horizon (with growth: the savings and value of accuracy × months of volume + baseline serving − fine-tuned serving − maintenance × months − retraining)",
        Figure::AnnualBenefit => "monthly net savings (serving included) × 12 − retraining in the first year − training cost (with growth: summed over the first 12 months)",
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

    /// The worked line of serving figure `figure`.
    fn line(&self, figure: Figure, i: &Inputs, r: &Results) -> String {
        let fmt = self.fmt;
        use Figure::{
            BaselineEffectiveCost, BaselineServingMonthly, BaselineUnits, BaselineUtilization,
            BreakEvenVolumeMax, EffectiveRequestSavings, FinetunedEffectiveCost, FinetunedIdleCost,
            FinetunedServingMonthly, FinetunedUnits, FinetunedUtilization,
        };
        let baseline = matches!(
            figure,
            BaselineServingMonthly | BaselineUnits | BaselineUtilization | BaselineEffectiveCost
        );
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
        match (figure, serving) {
            (BaselineServingMonthly | FinetunedServingMonthly, ServingKind::PerToken) => format!("paid per request only: {}", fmt.money(0.0)),
            (
                BaselineServingMonthly | FinetunedServingMonthly,
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
            (BaselineServingMonthly | FinetunedServingMonthly, ServingKind::Capacity(c)) => match units {
                Some(u) => format!(
                    "{} × {}/unit-hour × {} h = {}{in_month_1}",
                    plural(u, "unit", "units"),
                    fmt.money_input(c.unit_rate),
                    fmt.number(c.unit_hours),
                    fmt.money(cost)
                ),
                None => format!("a unit billed 0 hours a month: {}", fmt.money(0.0)),
            },
            (BaselineUnits | FinetunedUnits, ServingKind::Capacity(c)) => match units {
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
            (BaselineUtilization | FinetunedUtilization, ServingKind::Capacity(c)) => match (units, utilization) {
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
            (BaselineUnits | FinetunedUnits | BaselineUtilization | FinetunedUtilization, _) => not_units.to_owned(),
            (EffectiveRequestSavings, _) => match r.effective_request_savings {
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
            (BaselineEffectiveCost | FinetunedEffectiveCost, _) => {
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
            (FinetunedIdleCost, _) => match (r.finetuned_idle_cost, r.finetuned_utilization) {
                (Some(idle), Some(pct)) => format!(
                    "{} × (1 {MINUS} {}) = {}{in_month_1}",
                    fmt.money(cost),
                    fmt.percent(pct),
                    fmt.money(idle)
                ),
                _ => "n/a: only for units sized to the load (capacity)".to_owned(),
            },
            (BreakEvenVolumeMax, _) => match r.break_even_volume_max {
                Some(max) => format!(
                    "above {} requests/month the horizon's net benefit is below zero for good: each extra unit costs more than the requests it serves save",
                    fmt.count(max)
                ),
                None if r.volume_search_exhausted => "n/a: too many unit steps to search exactly".to_owned(),
                None => "n/a: the net benefit does not fall below zero again at higher volumes".to_owned(),
            },
            // Not a serving figure.
            _ => String::new(),
        }
    }
}

// Request costs from tokens.

/// Each part's formula name (`data-formula`, the breakdown's `data-metric`
/// where it has one) and title, baseline then fine-tuned, in the order of
/// [`PARTS`].
#[rustfmt::skip]
const PART_NAMES: [[(&str, &str); 10]; 2] = [
    [
        ("baseline_input_cost", "Baseline input"),
        ("baseline_cached_cost", "Baseline cached input"),
        ("baseline_cache_write_cost", "Baseline cache writes"),
        ("baseline_output_cost", "Baseline output"),
        ("baseline_reasoning_cost", "Baseline reasoning"),
        ("baseline_attempt_cost", "Baseline attempt (A)"),
        ("baseline_batch_saving", "Baseline batch saving"),
        ("baseline_retry_cost", "Baseline retries"),
        ("baseline_fallback_cost", "Baseline fallback"),
        ("baseline_request_cost", "Baseline cost per request"),
    ],
    [
        ("finetuned_input_cost", "Fine-tuned input"),
        ("finetuned_cached_cost", "Fine-tuned cached input"),
        ("finetuned_cache_write_cost", "Fine-tuned cache writes"),
        ("finetuned_output_cost", "Fine-tuned output"),
        ("finetuned_reasoning_cost", "Fine-tuned reasoning"),
        ("finetuned_attempt_cost", "Fine-tuned attempt (A)"),
        ("finetuned_batch_saving", "Fine-tuned batch saving"),
        ("finetuned_retry_cost", "Fine-tuned retries"),
        ("finetuned_fallback_cost", "Fine-tuned fallback to baseline"),
        ("finetuned_request_cost", "Fine-tuned cost per request"),
    ],
];

/// Each part's definition in words, in the order of [`PARTS`]; U is the
/// tokens per price unit (1,000,000 or 1,000).
#[rustfmt::skip]
const PART_WORDS: [&str; 10] = [
    "input tokens × (1 − cached share − written share) × input price ÷ U",
    "input tokens × cached share × cached input price ÷ U",
    "input tokens × written share × cache write price ÷ U",
    "output tokens × output price ÷ U",
    "reasoning tokens × output price ÷ U",
    "input + cached input + cache writes + output + reasoning",
    "A × batched share × batch discount (comes off A)",
    "(A − batch saving) × retry rate",
    "fallback share × baseline cost per request",
    "A − batch saving + retries (+ the fallback on the fine-tuned side)",
];

/// The cost per request of each side built from tokens, part by part, in
/// the order of the definitions, each worked with the user's numbers. A
/// part whose term the side does not use (no cache, no cache writes, no
/// reasoning, no batch, no retries, no fallback) is left out, so a plain
/// token profile reads plainly.
pub fn request_costs(fmt: Fmt, t: &TokenCosts) -> Vec<Formula> {
    let mut out = Vec::new();
    let sides = [
        (&t.baseline_side, &t.baseline_terms, &t.baseline, 0.0),
        (
            &t.finetuned_side,
            &t.finetuned_terms,
            &t.finetuned,
            t.fallback_share,
        ),
    ];
    let pct = |x: f64| format!("{}%", fmt.number(x * 100.0));
    let u = fmt.count(t.unit);
    let baseline = fmt.unit_cost(t.baseline.total);
    for (k, (s, terms, c, fallback_share)) in sides.into_iter().enumerate() {
        let used = [
            true,
            s.cache_share > 0.0,
            terms.cache_write_share > 0.0,
            true,
            terms.reasoning_tokens > 0.0,
            true,
            terms.batch_share > 0.0,
            s.retry_rate > 0.0,
            k == 1 && fallback_share > 0.0,
            true,
        ];
        let values = PARTS.map(|part| fmt.unit_cost((part.value)(c)));
        let (i, p_out) = (fmt.number(s.input_tokens), fmt.unit_cost(s.output_price));
        // The plain input's share: what the cache does not read or write.
        let mut plain = String::new();
        for (on, share) in [(used[1], s.cache_share), (used[2], terms.cache_write_share)] {
            if on {
                plain += &format!(" {MINUS} {}", pct(share));
            }
        }
        let plain = if plain.is_empty() {
            String::new()
        } else {
            format!(" × (1{plain})")
        };
        // A and the cost per request from the parts the side uses.
        let attempt: Vec<&str> = (0..5)
            .filter(|&n| used[n])
            .map(|n| values[n].as_str())
            .collect();
        let mut total = values[5].clone();
        for (n, sign) in [(6, MINUS), (7, '+'), (8, '+')] {
            if used[n] {
                total += &format!(" {sign} {}", values[n]);
            }
        }
        let worked = [
            format!("{i}{plain} × {} ÷ {u}", fmt.unit_cost(s.input_price)),
            format!(
                "{i} × {} × {} ÷ {u}",
                pct(s.cache_share),
                fmt.unit_cost(s.cache_price)
            ),
            format!(
                "{i} × {} × {} ÷ {u}",
                pct(terms.cache_write_share),
                fmt.unit_cost(terms.cache_write_price)
            ),
            format!("{} × {p_out} ÷ {u}", fmt.number(s.output_tokens)),
            format!("{} × {p_out} ÷ {u}", fmt.number(terms.reasoning_tokens)),
            attempt.join(" + "),
            format!(
                "{} × {} × {}",
                values[5],
                pct(terms.batch_share),
                pct(terms.batch_discount)
            ),
            if used[6] {
                format!(
                    "({} {MINUS} {}) × {}",
                    values[5],
                    values[6],
                    pct(s.retry_rate)
                )
            } else {
                format!("{} × {}", values[5], pct(s.retry_rate))
            },
            format!("{} × {baseline}", pct(fallback_share)),
            total,
        ];
        for (n, line) in worked.into_iter().enumerate().filter(|&(n, _)| used[n]) {
            let (metric, title) = PART_NAMES[k][n];
            out.push(Formula {
                metric,
                title,
                words: PART_WORDS[n],
                worked: Some(format!("{line} = {}", values[n])),
            });
        }
    }
    out
}
