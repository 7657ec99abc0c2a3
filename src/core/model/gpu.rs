//! Training priced by GPU time (issue 29): the FLOPs of a fine-tuning job
//! from the model's parameters and the trained tokens, the wall-clock hours
//! and GPU-hours they take at a sustained share of the GPUs' peak, their
//! cost, and whether the model fits in the GPUs' memory. Pure and total:
//! every figure is finite for finite inputs within the fields' limits.
//! Definitions and sources: docs/model.md, "Training priced by GPU time".

use crate::core::inputs::field::GpuMethod;

/// Bytes in a gigabyte as GPU memory is quoted (10⁹, the datasheets' GB).
const GB: f64 = 1e9;

/// Seconds in an hour.
const HOUR: f64 = 3600.0;

impl GpuMethod {
    /// FLOPs per parameter and trained token, k in FLOPs = k·N·D.
    ///
    /// - Full fine-tuning: 6, the forward pass (2·N·D) and the backward
    ///   pass (4·N·D: gradients of the activations and of the weights), as
    ///   in the scaling-laws estimate C ≈ 6·N·D (Kaplan et al. 2020,
    ///   "Scaling Laws for Neural Language Models", arXiv:2001.08361, §2.1).
    /// - LoRA and QLoRA: 4. The base weights are frozen, so the backward
    ///   pass still carries the activations' gradients through every layer
    ///   (2·N·D) but computes no weight gradients for them (the other
    ///   2·N·D); the adapters' own FLOPs are negligible beside N. This is the
    ///   same split of 6·N·D into 2 + 2 + 2 (Kaplan et al. 2020, §2.1) with
    ///   the weight-gradient term removed. No overhead factor is applied for
    ///   QLoRA's dequantisation of its 4-bit base: no source found gives one.
    pub const fn flops_per_param_token(self) -> f64 {
        match self {
            GpuMethod::Full => 6.0,
            GpuMethod::Lora | GpuMethod::Qlora => 4.0,
        }
    }

    /// Bytes of GPU memory per parameter that the rule of the memory check
    /// counts.
    ///
    /// - Full fine-tuning: 16, mixed-precision Adam as the ZeRO paper counts
    ///   it: 2 (fp16/bf16 weights) + 2 (gradients) + 12 (fp32 master
    ///   weights, momentum and variance) (Rajbhandari et al. 2020, "ZeRO:
    ///   Memory Optimizations Toward Training Trillion Parameter Models",
    ///   arXiv:1910.02054, §3.1).
    /// - LoRA: 2, the frozen base in BF16 (the adapters and their optimiser
    ///   state are small beside it and are not counted).
    /// - QLoRA: 0.5, the frozen base in 4 bits (Dettmers et al. 2023,
    ///   "QLoRA: Efficient Finetuning of Quantized LLMs", arXiv:2305.14314).
    ///
    /// Activations are not counted: they depend on batch size, sequence
    /// length and checkpointing, which the calculator does not ask for.
    pub const fn bytes_per_param(self) -> f64 {
        match self {
            GpuMethod::Full => 16.0,
            GpuMethod::Lora => 2.0,
            GpuMethod::Qlora => 0.5,
        }
    }
}

/// A fine-tuning job on rented GPUs, as its fields give it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GpuJob {
    /// N: the model's parameters, in billions (`gpu_params`).
    pub params_billion: f64,
    /// Full fine-tuning, LoRA or QLoRA (`gpu_method`).
    pub method: GpuMethod,
    /// GPUs the job runs on, a whole number from 1 to 100,000 (`gpu_count`).
    pub count: f64,
    /// Price of one GPU for an hour, $ (`gpu_price`).
    pub price: f64,
    /// Peak dense BF16 throughput of one GPU, TFLOPS (`gpu_flops`).
    pub tflops: f64,
    /// Model FLOPs utilisation: the share of the peak sustained, 0.01 to 1
    /// (`gpu_mfu` ÷ 100).
    pub mfu: f64,
    /// Memory of one GPU, GB (`gpu_memory`).
    pub memory_gb: f64,
}

impl GpuJob {
    /// An H100 at 35% of its peak training an 8B model with LoRA: the
    /// fields' defaults.
    pub const DEFAULT: GpuJob = GpuJob {
        params_billion: 8.0,
        method: GpuMethod::Lora,
        count: 1.0,
        price: 3.495,
        tflops: 989.0,
        mfu: 0.35,
        memory_gb: 80.0,
    };
}

/// What a job takes: its FLOPs, hours, cost and memory.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GpuTraining {
    /// D: the trained tokens (examples × tokens per example × epochs).
    pub tokens: f64,
    /// k·N·D, floating-point operations.
    pub flops: f64,
    /// Wall-clock hours: FLOPs ÷ (GPUs × TFLOPS × 10¹² × MFU) ÷ 3600
    /// (`gpu_train_wall_hours`).
    pub wall_hours: f64,
    /// GPU-hours: wall-clock hours × GPUs (`gpu_train_hours`).
    pub gpu_hours: f64,
    /// GPU-hours × price per GPU-hour, $ (`gpu_train_cost`): the compute
    /// item of the one-time investment.
    pub cost: f64,
    /// GB the memory check counts: N × 10⁹ × bytes per parameter ÷ 10⁹.
    pub memory_needed_gb: f64,
    /// GB the job's GPUs hold together: GPUs × memory per GPU.
    pub memory_available_gb: f64,
    /// GPUs of this memory the model needs at least: ⌈needed ÷ memory per
    /// GPU⌉ (at least 1).
    pub gpus_needed: f64,
}

impl GpuTraining {
    /// Whether the model fits in the job's GPUs: the memory needed is at
    /// most GPUs × memory per GPU. When it does not, the page warns and
    /// the figures stay.
    pub fn fits(&self) -> bool {
        self.memory_needed_gb <= self.memory_available_gb
    }
}

/// The FLOPs, hours, cost and memory of `job` training on `tokens` trained
/// tokens. Total: with every field within its limits (all positive, MFU at
/// least 1%), every figure is finite.
pub fn train(job: &GpuJob, tokens: f64) -> GpuTraining {
    let n = job.params_billion * 1e9;
    let flops = job.method.flops_per_param_token() * n * tokens;
    let rate = job.count * job.tflops * 1e12 * job.mfu;
    let wall_hours = if rate > 0.0 { flops / rate / HOUR } else { 0.0 };
    let gpu_hours = wall_hours * job.count;
    let memory_needed_gb = n * job.method.bytes_per_param() / GB;
    let gpus_needed = if job.memory_gb > 0.0 {
        (memory_needed_gb / job.memory_gb).ceil().max(1.0)
    } else {
        1.0
    };
    GpuTraining {
        tokens,
        flops,
        wall_hours,
        gpu_hours,
        cost: gpu_hours * job.price,
        memory_needed_gb,
        memory_available_gb: job.count * job.memory_gb,
        gpus_needed,
    }
}

/// The GPU job's part of the model's inputs, for the simulation's ranges
/// on the GPU price and the MFU: the job's GPU-hours at its MFU, its price
/// and its MFU. The training cost T includes `gpu_hours × price`; a draw
/// that moves the price or the MFU moves T by the change in that product.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GpuCost {
    /// GPU-hours at `mfu`.
    pub gpu_hours: f64,
    /// $ per GPU-hour.
    pub price: f64,
    /// Model FLOPs utilisation, a fraction.
    pub mfu: f64,
}

impl GpuCost {
    /// The cost: GPU-hours × price.
    pub fn cost(&self) -> f64 {
        self.gpu_hours * self.price
    }

    /// This cost at another price.
    pub fn at_price(self, price: f64) -> GpuCost {
        GpuCost { price, ..self }
    }

    /// This cost at another MFU (a fraction), kept within 1% to 100%: the
    /// GPU-hours scale by the old MFU over the new one.
    // max/min, not `f64::clamp`: its assertion would bring the standard
    // library's float formatting into the page's first wasm module.
    #[allow(clippy::manual_clamp)]
    pub fn at_mfu(self, mfu: f64) -> GpuCost {
        let mfu = mfu.max(0.01).min(1.0);
        GpuCost {
            gpu_hours: self.gpu_hours * self.mfu / mfu,
            mfu,
            ..self
        }
    }
}
