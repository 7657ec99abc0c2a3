//! Training priced by GPU time (issue 29), in the investment builder's
//! chunk: the GPU and open-model pickers, the job's fields, the memory
//! warning and the three figures (GPU-hours, wall-clock hours, cost).

use leptos::prelude::*;

use super::widgets::{ChoiceField, NumberField};
use crate::app::results::metric::Tile;
use crate::app::shell::state::use_calc;
use crate::core::catalogue::gpus::{
    gpu_choice, gpu_choices, gpu_fills, model_fills, open_model, OPEN_MODELS,
};
use crate::core::inputs::parse::parse_fx_rate;
use crate::core::model::gpu::GpuTraining;
use crate::core::present::format::Fmt;
use crate::core::{Field, Parsed};

/// The GPU mode's fields, warning and figures.
#[component]
pub fn GpuFields() -> impl IntoView {
    use Field::*;
    let calc = use_calc();
    let job = move |pick: fn(&GpuTraining) -> f64| {
        calc.detail(move |p: &Parsed| p.investment.and_then(|i| i.gpu).map(|g| pick(&g)))
    };
    // A warning, not an error: the figures stay.
    let warning = move || {
        let fmt = calc.fmt.get();
        let method = calc.field(GpuMethod).get();
        calc.parsed(|p| {
            let g = p?.investment?.gpu?;
            if g.fits() {
                return None;
            }
            let rule = match method.trim() {
                "full" => "16 bytes per parameter for full fine-tuning: weights, gradients and Adam's state",
                "qlora" => "half a byte per parameter for QLoRA's 4-bit base",
                _ => "2 bytes per parameter for LoRA's BF16 base",
            };
            Some(format!(
                "The model does not fit: it needs about {} GB ({rule}, activations not counted), \
                 and these GPUs hold {} GB. It would take at least {} of them. The figures \
                 assume it runs as typed.",
                fmt.number(g.memory_needed_gb),
                fmt.number(g.memory_available_gb),
                fmt.count(g.gpus_needed),
            ))
        })
    };
    view! {
        <div class="gpu-job" data-testid="gpu-job">
            <GpuPickers/>
            <ChoiceField field=GpuMethod/>
            <div class="fields">
                <NumberField field=TrainTokens/>
                <NumberField field=TrainEpochs/>
                <NumberField field=GpuParams/>
                <NumberField field=GpuCount/>
                <NumberField field=GpuPrice/>
                <NumberField field=GpuFlops/>
                <NumberField field=GpuMfu/>
                <NumberField field=GpuMemory/>
            </div>
            {move || warning().map(|w| view! {
                <p class="stale-warning" role="status" data-testid="gpu-memory-warning">{w}</p>
            })}
            <Show when=move || calc.valid()><dl class="rows breakdown">
                <Tile name="gpu_train_wall_hours" label="Wall-clock hours" value=job(|g| g.wall_hours) format=Fmt::months/>
                <Tile name="gpu_train_hours" label="GPU-hours" value=job(|g| g.gpu_hours) format=Fmt::months/>
                <Tile name="gpu_train_cost" label="GPU training cost" value=job(|g| g.cost) format=Fmt::money class="total"/>
            </dl></Show>
        </div>
    }
}

/// A GPU from the catalogue (fills the peak, the memory and the price) and
/// a common open model (fills the parameters), each a plain select; a
/// sentence says what was filled and from where.
#[component]
fn GpuPickers() -> impl IntoView {
    let calc = use_calc();
    let said = RwSignal::new(String::new());
    let pick_gpu = move |id: String| {
        let Some(choice) = gpu_choice(&id) else {
            return;
        };
        let raw = calc.raw_untracked();
        let fx = parse_fx_rate(&raw).ok().flatten();
        let (texts, priced) = gpu_fills(&choice, &raw, fx);
        for (field, text) in texts {
            calc.field(field).set(text);
        }
        let spec = choice.spec;
        let copy = if spec.third_party {
            "a third party's copy of NVIDIA's figures, "
        } else {
            ""
        };
        let mut out = format!(
            "{}: peak and memory from {} ({copy}{}).",
            spec.name, spec.dated.source, spec.dated.as_of
        );
        out += &if priced {
            let unit = choice
                .entry
                .unit
                .map(|u| (u.low, u.high))
                .unwrap_or_default();
            let range = if unit.1 > unit.0 {
                " the middle of its range, which the price's range ends now carry for the simulation"
            } else {
                " a single price"
            };
            format!(
                " Price per GPU-hour from {} ({}, {}):{range}.",
                choice.entry.provider, choice.entry.dated.source, choice.entry.dated.as_of
            )
        } else {
            " Catalogue prices are in US dollars: enter the exchange rate to fill the price."
                .to_owned()
        };
        said.set(out);
    };
    let pick_model = move |id: String| {
        let Some(model) = open_model(&id) else {
            return;
        };
        for (field, text) in model_fills(model, &calc.raw_untracked()) {
            calc.field(field).set(text);
        }
        said.set(format!(
            "{}: {} billion parameters, the size in its official name ({}, {}).",
            model.name,
            crate::core::present::float::display(model.params_billion),
            model.dated.source,
            model.dated.as_of
        ));
    };
    let gpu_label = calc.field(Field::GpuType);
    let model_label = calc.field(Field::GpuModel);
    view! {
        <div class="fields gpu-pickers">
            <div class="field">
                <label for="field-gpu_type">{Field::GpuType.label()}</label>
                <div class="control"><select
                    id="field-gpu_type"
                    name=Field::GpuType.name()
                    data-testid="gpu-pick"
                    prop:value=move || gpu_label.get()
                    on:change=move |ev| pick_gpu(event_target_value(&ev))
                >
                    <option value="">"Choose a GPU…"</option>
                    {gpu_choices()
                        .into_iter()
                        .map(|c| {
                            let text = format!("{} · {}", c.spec.name, c.entry.provider);
                            view! { <option value=c.entry.id>{text}</option> }
                        })
                        .collect_view()}
                </select></div>
                <p class="hint">{Field::GpuType.hint()}</p>
            </div>
            <div class="field">
                <label for="field-gpu_model">{Field::GpuModel.label()}</label>
                <div class="control"><select
                    id="field-gpu_model"
                    name=Field::GpuModel.name()
                    data-testid="gpu-model-pick"
                    prop:value=move || model_label.get()
                    on:change=move |ev| pick_model(event_target_value(&ev))
                >
                    <option value="">"Choose a model…"</option>
                    {OPEN_MODELS
                        .iter()
                        .map(|m| view! { <option value=m.id>{m.name}</option> })
                        .collect_view()}
                </select></div>
                <p class="hint">{Field::GpuModel.hint()}</p>
            </div>
        </div>
        <p class="muted small" role="status" data-testid="gpu-pick-status">{move || said.get()}</p>
    }
}
