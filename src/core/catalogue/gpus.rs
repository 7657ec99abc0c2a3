//! Training priced by GPU time (issue 29): the GPUs' peak dense BF16
//! throughput and memory, joined to the catalogue's GPU-hour price entries
//! by id, and a short list of common open models' sizes, each with its
//! source and date. Picking a GPU fills `gpu_flops`, `gpu_memory` and
//! `gpu_price` (a range's middle, and the range as the price's ends in %);
//! picking a model fills `gpu_params`. See docs/catalogue.md.

use super::{entry, Dated, Entry};
use crate::core::inputs::field::Field;
use crate::core::inputs::parse::{DecimalMark, RawInputs};

/// One GPU's specifications, from its datasheet or a copy of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GpuSpec {
    /// The GPU, for people.
    pub name: &'static str,
    /// Peak dense (without 2:4 sparsity) BF16 Tensor Core throughput,
    /// TFLOPS.
    pub tflops: f64,
    /// Memory of one GPU, GB.
    pub memory_gb: f64,
    /// Where the two figures come from and when it was stated or read.
    pub dated: Dated,
    /// Whether the source is a third party's copy of NVIDIA's figures
    /// (the page says so beside the figures). Where sources disagree is in
    /// the comment above each row and in docs/catalogue.md.
    pub third_party: bool,
    /// The ids of the catalogue's GPU-hour price entries for this GPU.
    pub entries: &'static [&'static str],
}

/// The GPUs with known specifications. NVIDIA's own datasheets were not
/// among the stored sources: every figure is from a third-party copy,
/// marked as such, dated by the page or by the day it was read.
#[rustfmt::skip]
pub const GPUS: [GpuSpec; 4] = [
    // Third-party copy of NVIDIA's A100 datasheet
    // (nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf, which the page cites): BF16 312 TFLOPS
    // dense (624 with sparsity), 80 GB HBM2e. The page is undated: as_of is the day it was read.
    GpuSpec {
        name: "NVIDIA A100 80GB",
        tflops: 312.0,
        memory_gb: 80.0,
        dated: Dated { as_of: "2026-12-06", source: "https://glennklockwood.com/garden/processors/A100" },
        third_party: true,
        entries: &["gpu/a100-80gb", "fireworks/gpu-a100-80gb"],
    },
    // Third-party copy of NVIDIA's H100 specification table: BFLOAT16 Tensor Core 1,979 TFLOPS with
    // sparsity, "1/2 lower without sparsity" (989 dense; glennklockwood.com gives 989.4), 80 GB.
    // The page is undated: as_of is the day it was read.
    GpuSpec {
        name: "NVIDIA H100 SXM 80GB",
        tflops: 989.0,
        memory_gb: 80.0,
        dated: Dated { as_of: "2026-12-06", source: "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html" },
        third_party: true,
        entries: &["gpu/h100-sxm", "fireworks/gpu-h100"],
    },
    // Third-party: FP16/BF16 about 989 TFLOPS dense (the H100's GH100 silicon), 141 GB HBM3e.
    // NVIDIA's own MLPerf system description (mlcommons/inference_results_v4.1, H200-SXM-141GBx8)
    // gives 141 GB; glennklockwood.com says 144 GB.
    GpuSpec {
        name: "NVIDIA H200 141GB",
        tflops: 989.0,
        memory_gb: 141.0,
        dated: Dated { as_of: "2026-06-22", source: "https://itkb.uw.cz/2026/06/nvidia-h200-vs-b300-precisions-cores.html" },
        third_party: true,
        entries: &["gpu/h200", "fireworks/gpu-h200"],
    },
    // Third-party. Memory: 179 GB as nvidia-smi reports it on an HGX B200 (Vultr, updated
    // 2026-03-11); glennklockwood.com gives 192 GB HBM3 (8 stacks) and Fireworks names it B200
    // 180GB. BF16 2,250 TFLOPS dense (4,500 with sparsity) for the HGX B200 at 1,000 W, from
    // glennklockwood.com/garden/processors/B200 (citing NVIDIA; read 2026-12-06).
    GpuSpec {
        name: "NVIDIA B200 (HGX)",
        tflops: 2250.0,
        memory_gb: 179.0,
        dated: Dated { as_of: "2026-03-11", source: "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview" },
        third_party: true,
        entries: &["fireworks/gpu-b200"],
    },
];

/// A common open model and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OpenModel {
    /// Stable identity (the `gpu_model` label).
    pub id: &'static str,
    /// The model, for people.
    pub name: &'static str,
    /// Parameters, billions.
    pub params_billion: f64,
    /// The model's official page, whose name states the size, and the
    /// day the list was made (the pages themselves were not among the
    /// stored sources: the size is the one in the official name).
    pub dated: Dated,
}

/// Common open models. Each size is the nominal one in the model's
/// official name; the exact counts differ by a few percent (Llama 3.1 8B
/// has 8.03B), which the estimate does not resolve.
#[rustfmt::skip]
pub const OPEN_MODELS: [OpenModel; 7] = [
    OpenModel { id: "open/llama-3.1-8b", name: "Llama 3.1 8B", params_billion: 8.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/meta-llama/Llama-3.1-8B" } },
    OpenModel { id: "open/llama-3.1-70b", name: "Llama 3.1 70B", params_billion: 70.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/meta-llama/Llama-3.1-70B" } },
    OpenModel { id: "open/qwen2.5-7b", name: "Qwen2.5 7B", params_billion: 7.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/Qwen/Qwen2.5-7B" } },
    OpenModel { id: "open/qwen2.5-72b", name: "Qwen2.5 72B", params_billion: 72.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/Qwen/Qwen2.5-72B" } },
    OpenModel { id: "open/mistral-7b-v0.3", name: "Mistral 7B v0.3", params_billion: 7.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/mistralai/Mistral-7B-v0.3" } },
    OpenModel { id: "open/gemma-2-9b", name: "Gemma 2 9B", params_billion: 9.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/google/gemma-2-9b" } },
    OpenModel { id: "open/gemma-2-27b", name: "Gemma 2 27B", params_billion: 27.0, dated: Dated { as_of: "2026-12-06", source: "https://huggingface.co/google/gemma-2-27b" } },
];

/// A GPU-hour price entry of the catalogue with its GPU's specifications:
/// what the GPU picker offers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GpuChoice {
    /// The price entry.
    pub entry: &'static Entry,
    /// The GPU's specifications.
    pub spec: &'static GpuSpec,
}

/// Every GPU-hour price entry whose GPU has known specifications, in the
/// order of [`GPUS`].
pub fn gpu_choices() -> Vec<GpuChoice> {
    GPUS.iter()
        .flat_map(|spec| {
            spec.entries.iter().filter_map(move |id| {
                let entry = entry(id).filter(|e| e.unit.is_some_and(|u| u.is_gpu_hour()))?;
                Some(GpuChoice { entry, spec })
            })
        })
        .collect()
}

/// The GPU choice whose price entry is `id`.
pub fn gpu_choice(id: &str) -> Option<GpuChoice> {
    gpu_choices().into_iter().find(|c| c.entry.id == id.trim())
}

/// The open model `id`.
pub fn open_model(id: &str) -> Option<&'static OpenModel> {
    OPEN_MODELS.iter().find(|m| m.id == id.trim())
}

/// A number as a field's text in the scenario's decimal mark, rounded to
/// `decimals` and without trailing zeros.
fn number_text(value: f64, decimals: usize, mark: DecimalMark) -> String {
    let mut out = crate::core::present::float::fixed(value, decimals);
    if out.contains('.') {
        out = out.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if mark == DecimalMark::Comma {
        out = out.replacen('.', ",", 1);
    }
    out
}

/// The field texts that picking GPU `choice` sets: its label, the peak and
/// the memory, and the price per GPU-hour in the scenario's currency (the
/// middle of a range, whose ends become the price's range in % around it,
/// or no range for a single price). `fx_rate` converts US dollars into a
/// currency other than the US dollar; without it the price is not filled
/// (the second value is `false`).
pub fn gpu_fills(
    choice: &GpuChoice,
    raw: &RawInputs,
    fx_rate: Option<f64>,
) -> (Vec<(Field, String)>, bool) {
    let mark = raw.decimal_mark();
    let mut out = vec![
        (Field::GpuType, choice.entry.id.to_owned()),
        (Field::GpuFlops, number_text(choice.spec.tflops, 2, mark)),
        (
            Field::GpuMemory,
            number_text(choice.spec.memory_gb, 2, mark),
        ),
    ];
    let Some(unit) = choice.entry.unit else {
        return (out, false);
    };
    let rate = match raw.get(Field::Currency).trim() {
        "USD" => Some(1.0),
        _ => fx_rate,
    };
    let Some(rate) = rate else {
        return (out, false);
    };
    let middle = unit.middle();
    out.push((Field::GpuPrice, number_text(middle * rate, 4, mark)));
    let (low, high) = if unit.high > unit.low && middle > 0.0 {
        (
            number_text((unit.low / middle - 1.0) * 100.0, 4, mark),
            number_text((unit.high / middle - 1.0) * 100.0, 4, mark),
        )
    } else {
        (String::new(), String::new())
    };
    out.push((Field::GpuPriceLow, low));
    out.push((Field::GpuPriceHigh, high));
    (out, true)
}

/// The field texts that picking open model `model` sets: its label and its
/// parameters.
pub fn model_fills(model: &OpenModel, raw: &RawInputs) -> Vec<(Field, String)> {
    vec![
        (Field::GpuModel, model.id.to_owned()),
        (
            Field::GpuParams,
            number_text(model.params_billion, 3, raw.decimal_mark()),
        ),
    ]
}
