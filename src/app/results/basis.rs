//! The calculation basis: the horizon totals, the monthly view, the
//! request-volume figures, the article's annual convention and the token
//! volume against the article's decision table.

use leptos::prelude::*;

use super::metric::{Metric, Tile};
use crate::app::shell::state::use_calc;
use crate::core::catalogue::Side;
use crate::core::inputs::builders::{RequestCost, PARTS};
use crate::core::inputs::presets::{token_tier, TOKEN_TIERS};
use crate::core::model::{Approach, Results};
use crate::core::present::figure::{gpus_text, Figure};
use crate::core::present::format::Fmt;

/// The breakdown card; hidden while a field is invalid.
#[component]
pub fn BasisCard() -> impl IntoView {
    let calc = use_calc();
    let serving = move || calc.results.with(|r| r.as_ref().is_some_and(|r| r.serving));
    view! {
        <section class="card basis" aria-labelledby="basis-title">
            <h2 id="basis-title">"Calculation basis"</h2>
            <Show
                when=move || calc.results.with(Option::is_some)
                fallback=|| view! { <p class="muted">"Shown once every field holds a valid value."</p> }
            >
                <div class="basis-grid">
                    <div>
                        <h3>"Over the horizon"</h3>
                        <dl class="rows">
                            <Metric figure=Figure::BaselineHorizonCost/>
                            <Metric figure=Figure::FinetunedHorizonCost/>
                            <Metric figure=Figure::Investment/>
                            <Metric figure=Figure::NetOperatingSavings/>
                            <Metric figure=Figure::Npv/>
                            <Metric figure=Figure::DiscountedBreakEvenMonths/>
                        </dl>
                        <h3>"Request volume"</h3>
                        <dl class="rows">
                            <Metric figure=Figure::BreakEvenRequests/>
                            <Metric figure=Figure::BreakEvenVolume/>
                            <Show when=serving>
                                <Metric figure=Figure::BreakEvenVolumeMax/>
                            </Show>
                        </dl>
                        <VolumeRange/>
                        <Show when=serving>
                            <ServingFigures/>
                        </Show>
                    </div>
                    <div>
                        <h3>"Per month"</h3>
                        <dl class="rows">
                            <Metric figure=Figure::MonthlyBaselineCost/>
                            <Metric figure=Figure::MonthlyFinetunedCost/>
                            <Metric figure=Figure::MonthlyGrossSavings/>
                            <Metric figure=Figure::MonthlyQualityValue/>
                            <Metric figure=Figure::RetrainingMonthlyAverage/>
                        </dl>
                        <h3>"Two ROI conventions"</h3>
                        <dl class="rows">
                            <Metric figure=Figure::AnnualBenefit/>
                            <Metric figure=Figure::AnnualRoiOneTime note=Signal::derive(|| "(net monthly × 12 − one-time cost) ÷ one-time cost, as in the article".to_owned())/>
                        </dl>
                        <p class="fine">
                            "The summary's ROI divides the net benefit by the incremental investment (training plus "
                            "maintenance over the horizon); the article's annual ROI divides the first year's "
                            "benefit by the one-time cost only. Both formulas are below."
                        </p>
                    </div>
                </div>
                <RequestParts/>
                <super::options::OptionsSummary/>
                <TokenVolume/>
            </Show>
        </section>
    }
}

// Serving costs.

/// One side's serving figures: which side, how to read its model's
/// serving and its units, and the public names of its rows.
struct ServingRows {
    side: Side,
    approach: fn(&crate::core::Inputs) -> Approach,
    units: fn(&Results) -> Option<f64>,
    monthly: Figure,
    units_figure: Figure,
    utilization: Figure,
    /// Rows only this side has, in capacity mode.
    more: &'static [Figure],
}

/// The sides' serving figures, baseline first.
const SERVING_ROWS: [ServingRows; 2] = [
    ServingRows {
        side: Side::Baseline,
        approach: crate::core::Inputs::baseline_approach,
        units: |r| r.baseline_units,
        monthly: Figure::BaselineServingMonthly,
        units_figure: Figure::BaselineUnits,
        utilization: Figure::BaselineUtilization,
        more: &[],
    },
    ServingRows {
        side: Side::FineTuned,
        approach: crate::core::Inputs::finetuned_approach,
        units: |r| r.finetuned_units,
        monthly: Figure::FinetunedServingMonthly,
        units_figure: Figure::FinetunedUnits,
        utilization: Figure::FinetunedUtilization,
        more: &[Figure::FinetunedIdleCost],
    },
];

/// The serving figures of month 1, each side's as its mode has them.
#[component]
fn ServingFigures() -> impl IntoView {
    let calc = use_calc();
    let capacity = move |rows: &'static ServingRows| {
        move || {
            calc.parsed(|p| {
                p.is_some_and(|p| (rows.approach)(&p.inputs).serving.capacity().is_some())
            })
        }
    };
    // the GPUs running, units × GPUs per unit, where a unit has
    // several GPUs or is priced per GPU-hour.
    let catalogue = use_context::<crate::app::catalogue::Catalogue>();
    let gpus = move |rows: &'static ServingRows| {
        Signal::derive(move || {
            let fmt = calc.fmt.get();
            let k = usize::from(rows.side == Side::FineTuned);
            let per_unit = calc.parsed(|p| p.map_or(1.0, |p| p.unit_gpus[k]));
            // Priced from a GPU-hour entry of the catalogue.
            let gpu_priced = catalogue.is_some_and(|c| {
                c.fills.with(|f| {
                    f.iter().any(|f| {
                        f.field == rows.side.unit_fields()[1]
                            && f.per_unit.is_some_and(|p| p.gpus.is_some())
                    })
                })
            });
            let units = calc.results.with(|r| r.as_ref().and_then(rows.units));
            match units {
                Some(u) if per_unit > 1.0 || gpu_priced => gpus_text(fmt, u, per_unit),
                _ => String::new(),
            }
        })
    };
    let growing = move || calc.parsed(|p| p.is_some_and(|p| p.inputs.growth != 0.0));
    view! {
        <h3>"Serving"</h3>
        <dl class="rows" data-testid="serving-figures">
            // The summary shows the saving per request with serving; the per-request costs' own difference is here.
            <Metric figure=Figure::RequestSavings label="Per-request savings before serving"/>
            {SERVING_ROWS
                .iter()
                .map(|rows| {
                    view! {
                        <Metric figure=rows.monthly/>
                        <Show when=capacity(rows)>
                            <Metric figure=rows.units_figure note=gpus(rows)/>
                            <Metric figure=rows.utilization/>
                            {rows.more.iter().map(|&figure| view! { <Metric figure/> }).collect_view()}
                        </Show>
                    }
                })
                .collect_view()}
            <Metric figure=Figure::BaselineEffectiveCost/>
            <Metric figure=Figure::FinetunedEffectiveCost/>
        </dl>
        <p class="fine">
            "Serving is paid on top of the cost per request: an hourly fee per deployment, or units "
            "sized to the peak load (utilization is the average load's share of what the units serve). "
            {move || if growing() { "Units and their cost are month 1's; the schedule below has every month's." } else { "" }}
        </p>
    }
}

/// In words, when the net benefit turns negative again at higher volumes, and when the fine-tune pays at every volume or at none,
/// where a break-even volume of 0 or none would mislead.
#[component]
fn VolumeRange() -> impl IntoView {
    let calc = use_calc();
    let text = move || {
        let fmt = calc.fmt.get();
        let inputs = calc.parsed(|p| p.map(|p| p.inputs))?;
        let at_zero = || {
            fmt.money(crate::core::model::closed::net_benefit(
                &crate::core::Inputs {
                    requests: 0.0,
                    ..inputs
                },
            ))
        };
        calc.results.with(|r| {
            let r = r.as_ref()?;
            if r.volume_search_exhausted {
                return Some(
                    "Serving costs take nearly all the savings: the unit steps are too many to find the break-even volume exactly."
                        .to_owned(),
                );
            }
            match (r.break_even_volume, r.break_even_volume_max) {
                _ if r.pays_at_every_volume => Some(format!(
                    "The fine-tune pays at every volume: the net benefit over the horizon is {} with no requests at all and stays at or above zero as volume grows.",
                    at_zero()
                )),
                (Some(0.0), Some(max)) => Some(format!(
                    "The net benefit is at or above zero from zero volume ({}) to {} requests a month, and below zero above that for good: each extra serving unit costs more than the requests it serves save.",
                    at_zero(),
                    fmt.count(max)
                )),
                (Some(0.0), None) => Some(format!(
                    "The net benefit is at or above zero with no requests ({}) and at high volumes; just after a fine-tuned unit step it can dip below zero.",
                    at_zero()
                )),
                (Some(min), Some(max)) => Some(format!(
                    "The net benefit is at or above zero from {} to {} requests a month, and below zero above that for good: each extra serving unit costs more than the requests it serves save.",
                    fmt.count(min),
                    fmt.count(max)
                )),
                (None, _) if r.serving => Some(
                    "The fine-tune pays at no volume: serving costs included, the net benefit over the horizon is below zero at every volume."
                        .to_owned(),
                ),
                (None, _) => Some(
                    "The fine-tune pays at no volume: the per-request benefit is not positive, so more requests never recover the costs."
                        .to_owned(),
                ),
                (Some(_), None) => None,
            }
        })
    };
    view! {
        <Show when=move || text().is_some()>
            <p class="fine" data-testid="volume-range">{text}</p>
        </Show>
    }
}

/// Each side's cost per request by part, with request costs built from
/// tokens: one attempt's parts and their sum, the batch saving (a
/// deduction), retries, the fallback and the cost per request.
#[component]
fn RequestParts() -> impl IntoView {
    let calc = use_calc();
    let tokens = move || calc.parsed(|p| p.and_then(|p| p.tokens));
    let rows = move || {
        let fmt = calc.fmt.get();
        let Some(t) = tokens() else {
            return Vec::new();
        };
        PARTS
            .iter()
            .map(|part| {
                let cell = |c: &RequestCost| {
                    let v = (part.value)(c);
                    if part.deduction {
                        fmt.deduction(v)
                    } else {
                        fmt.unit_cost(v)
                    }
                };
                // The baseline has no fallback of its own.
                let base = if part.finetuned_only {
                    "—".to_owned()
                } else {
                    cell(&t.baseline)
                };
                view! { <tr><th scope="row">{part.label}</th><td>{base}</td><td>{cell(&t.finetuned)}</td></tr> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || tokens().is_some()>
            <h3>"Cost per request by part"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Cost per request by part">
                <table class="parts" data-testid="request-parts">
                    <thead>
                        <tr><th scope="col">"Part"</th><th scope="col">"Baseline"</th><th scope="col">"Fine-tuned"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}

/// Monthly tokens and the article's decision table with the scenario's row
/// highlighted.
#[component]
fn TokenVolume() -> impl IntoView {
    let calc = use_calc();
    let tokens = calc.detail(|p| p.monthly_tokens());
    let tier = move || tokens.get().map(token_tier);
    view! {
        <h3>"Token volume"</h3>
        <dl class="rows">
            <Tile
                name="monthly_tokens"
                label="Tokens per month"
                value=tokens
                format=Fmt::count
                undefined="Build request costs from tokens to see the token volume"
            />
        </dl>
        <div class="table-scroll" tabindex="0" role="region" aria-label="The article's decision table">
            <table class="tiers" data-metric="token_tier" data-value=move || tier().map_or("", |t| TOKEN_TIERS[t].1)>
                <caption>"The article's decision table"</caption>
                <thead>
                    <tr><th scope="col">"Monthly tokens"</th><th scope="col">"Fine-tuning ROI"</th><th scope="col">"Recommendation"</th></tr>
                </thead>
                <tbody>
                    {TOKEN_TIERS
                        .iter()
                        .enumerate()
                        .map(|(i, &(_, id, range, roi, advice))| {
                            let current = move || tier() == Some(i);
                            view! {
                                <tr data-tier=id class:current=current aria-current=move || current().then_some("true")>
                                    <th scope="row">{range}</th>
                                    <td>{roi}</td>
                                    <td>{advice}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="fine">"The article's rule of thumb for typical 2026 prices; what decides is the decision table computed for your own options, under Options side by side."</p>
    }
}
