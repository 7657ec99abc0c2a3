//! The cost builders' fields and breakdowns: request costs from tokens,
//! the one-time investment by item, recurring operations by item with the
//! retraining schedule.

use leptos::prelude::*;

use super::widgets::{ChoiceField, NumberField};
use crate::app::catalogue::pickers::{ModelPicker, PriceUnitField};
use crate::app::results::metric::Tile;
use crate::app::shell::state::use_calc;
use crate::core::catalogue::Side;
use crate::core::inputs::builders::RequestCost;
use crate::core::inputs::field::ServingMode;
use crate::core::model::closed::retrainings_by;
use crate::core::present::format::Fmt;
use crate::core::{Field, Parsed};

/// The request-cost builder: both sides' token profiles and prices, and the
/// resulting cost per request by part.
#[component]
pub fn RequestCostBuilder() -> impl IntoView {
    use Field::*;
    let calc = use_calc();
    let side = |fields: &[Field]| {
        fields
            .iter()
            .map(|&field| view! { <NumberField field/> })
            .collect_view()
    };
    // One part of a side's cost.
    let part = move |pick: fn(&RequestCost) -> f64, baseline: bool| {
        calc.detail(move |p: &Parsed| {
            p.tokens
                .map(|t| pick(if baseline { &t.baseline } else { &t.finetuned }))
        })
    };
    view! {
        <PriceUnitField/>
        // The pickers span the builder: a catalogue id is too
        // long for half of it.
        <div class="pickers">
            <ModelPicker side=Side::Baseline/>
            <ModelPicker side=Side::FineTuned/>
        </div>
        <div class="sides">
            <fieldset class="side">
                <legend>"Baseline model"</legend>
                <div class="fields single">
                    {side(&Field::BASE_BILL)}
                </div>
                <Show when=move || calc.valid()><dl class="rows breakdown">
                    <Tile name="baseline_input_cost" label="Input" value=part(|c| c.input, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_cached_cost" label="Cached input" value=part(|c| c.cached, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_cache_write_cost" label="Cache writes" value=part(|c| c.cache_write, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_output_cost" label="Output" value=part(|c| c.output, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_reasoning_cost" label="Reasoning" value=part(|c| c.reasoning, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_batch_saving" label="Batch saving" value=part(|c| c.batch_saving, true) format=Fmt::deduction/>
                    <Tile name="baseline_retry_cost" label="Retries" value=part(|c| c.retries, true) format=Fmt::unit_cost/>
                    <Tile name="baseline_request_cost" label="Total" value=part(|c| c.total, true) format=Fmt::unit_cost class="total"/>
                </dl></Show>
            </fieldset>
            <fieldset class="side">
                <legend>"Fine-tuned model"</legend>
                <div class="fields single">
                    {side(&Field::FT_BILL)}
                    {side(&[FtFallbackShare])}
                </div>
                <Show when=move || calc.valid()><dl class="rows breakdown">
                    <Tile name="finetuned_input_cost" label="Input" value=part(|c| c.input, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_cached_cost" label="Cached input" value=part(|c| c.cached, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_cache_write_cost" label="Cache writes" value=part(|c| c.cache_write, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_output_cost" label="Output" value=part(|c| c.output, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_reasoning_cost" label="Reasoning" value=part(|c| c.reasoning, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_batch_saving" label="Batch saving" value=part(|c| c.batch_saving, false) format=Fmt::deduction/>
                    <Tile name="finetuned_retry_cost" label="Retries" value=part(|c| c.retries, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_fallback_cost" label="Fallback to baseline" value=part(|c| c.fallback, false) format=Fmt::unit_cost/>
                    <Tile name="finetuned_request_cost" label="Total" value=part(|c| c.total, false) format=Fmt::unit_cost class="total"/>
                </dl></Show>
            </fieldset>
        </div>
    }
}

/// The one-time investment builder.
#[component]
pub fn InvestmentBuilder() -> impl IntoView {
    use Field::*;
    let calc = use_calc();
    let tokens_mode = move || calc.is(ComputeMode, crate::core::inputs::field::ComputeMode::Tokens);
    // Training priced by GPU time (issue 29): its own fields, shown only in
    // that mode.
    let gpu_mode = move || calc.is(ComputeMode, crate::core::inputs::field::ComputeMode::Gpu);
    let item = move |pick: fn(&crate::core::inputs::builders::Investment) -> f64| {
        calc.detail(move |p: &Parsed| p.investment.map(|i| pick(&i)))
    };
    view! {
        <div class="fields">
            <NumberField field=LabelExamples/>
            <NumberField field=LabelCost/>
            <NumberField field=LabelQa/>
        </div>
        <ChoiceField field=ComputeMode/>
        <Show when=gpu_mode>
            <super::gpu::GpuFields/>
        </Show>
        <div class="fields">
            <Show when=move || !gpu_mode() && !tokens_mode()>
                <NumberField field=ComputeFlat/>
            </Show>
            <Show when=tokens_mode>
                <NumberField field=TrainTokens/>
                <NumberField field=TrainEpochs/>
                <NumberField field=TrainPrice/>
            </Show>
            <NumberField field=CurationHours/>
            <NumberField field=CurationRate/>
            <NumberField field=SetupHours/>
            <NumberField field=SetupRate/>
            <NumberField field=OtherOneTime/>
        </div>
        <Show when=move || calc.valid()><dl class="rows breakdown">
            <Tile name="investment_labeling" label="Labeling" value=item(|i| i.labeling) format=Fmt::money/>
            <Tile name="investment_qa" label="QA and rework" value=item(|i| i.qa) format=Fmt::money/>
            <Tile
                name="investment_compute"
                label="Training compute"
                value=item(|i| i.compute)
                format=Fmt::money
                note=Signal::derive(move || {
                    let fmt = calc.fmt.get();
                    calc.detail(|p| p.investment.and_then(|i| i.training_tokens)).get().map_or_else(String::new, |t| format!("{} training tokens", fmt.count(t)))
                })
            />
            <Tile name="investment_curation" label="Data curation" value=item(|i| i.curation) format=Fmt::money/>
            <Tile name="investment_setup" label="Setup, evaluation, deployment" value=item(|i| i.setup) format=Fmt::money/>
            <Tile name="investment_other" label="Other" value=item(|i| i.other) format=Fmt::money/>
            <Tile name="one_time_cost" label="One-time investment (training cost)" value=item(|i| i.total) format=Fmt::money class="total"/>
        </dl></Show>
    }
}

/// Serving costs on either side: each side's mode as a radio
/// group, and the fields of the mode it uses. Shown whether request costs
/// are entered directly or built from tokens.
#[component]
pub fn ServingFields() -> impl IntoView {
    view! {
        <div class="sides serving" data-testid="serving">
            <ServingSide legend="Baseline serving" fields=Field::BASE_SERVING/>
            <ServingSide legend="Fine-tuned serving" fields=Field::FT_SERVING/>
        </div>
    }
}

/// One side's serving: its mode, then the hourly fee's or the capacity
/// units' fields.
#[component]
fn ServingSide(
    /// The side's name for people.
    legend: &'static str,
    /// The side's serving fields, in [`Field::BASE_SERVING`] order.
    fields: [Field; 9],
) -> impl IntoView {
    let calc = use_calc();
    let is = move |option: ServingMode| move || calc.is(fields[0], option);
    let numbers = move |range: std::ops::Range<usize>| {
        fields[range]
            .iter()
            .map(|&field| view! { <NumberField field/> })
            .collect_view()
    };
    view! {
        <div class="side serving-side" role="group" aria-label=legend>
            <ChoiceField field=fields[0]/>
            <Show when=is(ServingMode::Hourly)>
                <div class="fields single">{numbers(1..4)}</div>
            </Show>
            <Show when=is(ServingMode::Capacity)>
                // the unit price from the catalogue and the GPUs per
                // unit, from the catalogue's chunk.
                {crate::app::shell::split::lazy(if fields[0] == Field::BaseServing {
                    crate::app::catalogue::cards::BASE_UNITS
                } else {
                    crate::app::catalogue::cards::FT_UNITS
                })}
                <div class="fields single">{numbers(4..9)}</div>
            </Show>
        </div>
    }
}

/// The months (1-based) in which retrainings fall within `months`, at
/// `per_year` a year: the k-th happens at month k·12/c.
fn retraining_months(per_year: f64, months: u32) -> Vec<u32> {
    let n = retrainings_by(f64::from(months), per_year).min(1000.0) as u32;
    (1..=n)
        .map(|k| (f64::from(k) * 12.0 / per_year - 1e-9).ceil().max(1.0) as u32)
        .collect()
}

/// The recurring operations builder, with the retraining schedule.
#[component]
pub fn OperationsBuilder() -> impl IntoView {
    use Field::*;
    let calc = use_calc();
    let ops = move |pick: fn(&crate::core::inputs::builders::Operations) -> f64| {
        calc.detail(move |p: &Parsed| p.operations.map(|o| pick(&o)))
    };
    let schedule = move || {
        let fmt = calc.fmt.get();
        calc.parsed(|p| {
            let Some(p) = p else { return String::new() };
            let i = p.inputs;
            if i.retrain_cost <= 0.0 || i.retrain_per_year <= 0.0 {
                return "No retraining scheduled.".to_owned();
            }
            let months = retraining_months(i.retrain_per_year, i.months);
            if months.is_empty() {
                return format!(
                    "The first retraining falls after the {}-month horizon.",
                    i.months
                );
            }
            let shown: Vec<String> = months.iter().take(24).map(u32::to_string).collect();
            let more = if months.len() > 24 {
                format!(" and {} more", months.len() - 24)
            } else {
                String::new()
            };
            format!(
                "{} per retraining in month{} {}{more}: {} within the horizon.",
                fmt.money(i.retrain_cost),
                if months.len() == 1 { "" } else { "s" },
                shown.join(", "),
                fmt.money(i.retrain_cost * months.len() as f64)
            )
        })
    };
    view! {
        <div class="fields">
            <NumberField field=Monitoring/>
            <NumberField field=SupportHours/>
            <NumberField field=SupportRate/>
            <NumberField field=RetrainCost/>
            <NumberField field=RetrainPerYear/>
        </div>
        <Show when=move || calc.valid()><dl class="rows breakdown">
            <Tile name="operations_monitoring" label="Monitoring and tooling" value=ops(|o| o.monitoring) format=Fmt::money/>
            <Tile name="operations_support" label="Support (hours × rate × 52 ÷ 12)" value=ops(|o| o.support) format=Fmt::money/>
            <Tile name="monthly_operations" label="Monthly maintenance" value=ops(|o| o.monthly) format=Fmt::money class="total"/>
            <Tile
                name="retrainings_in_horizon"
                label="Retrainings in horizon"
                value=calc.figure(|r| Some(r.retrainings_in_horizon))
                format=Fmt::number
                note=Signal::derive(schedule)
            />
        </dl></Show>
    }
}

#[cfg(test)]
mod tests {
    use super::retraining_months;

    #[test]
    fn retraining_months_fall_where_the_cycles_end() {
        assert_eq!(retraining_months(4.0, 12), [3, 6, 9, 12]);
        assert_eq!(retraining_months(1.0, 12), [12]);
        assert_eq!(retraining_months(1.0, 11), Vec::<u32>::new());
        assert_eq!(retraining_months(5.0, 12), [3, 5, 8, 10, 12]);
        assert_eq!(retraining_months(0.0, 12), Vec::<u32>::new());
    }
}
