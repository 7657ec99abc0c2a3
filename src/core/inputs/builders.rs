//! The cost builders: per-request cost from tokens and prices, the
//! one-time investment from its items, and recurring operations. Each
//! returns its parts and their total, so the page can show the breakdown
//! and the total feeds the core model.

use crate::core::model::gpu::{train, GpuJob, GpuTraining};

/// One side's token profile and prices (prices per `unit` tokens).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenSide {
    /// Input tokens per request.
    pub input_tokens: f64,
    /// Output tokens per request.
    pub output_tokens: f64,
    /// Price of input tokens, per unit.
    pub input_price: f64,
    /// Price of output tokens, per unit.
    pub output_price: f64,
    /// Share of input tokens served from cache, 0 to 1.
    pub cache_share: f64,
    /// Price of cached input tokens, per unit.
    pub cache_price: f64,
    /// Extra attempts per request, as a fraction (0.1 = 10%).
    pub retry_rate: f64,
}

/// The terms of a real bill beyond input, cached input and output: hidden
/// reasoning tokens, input written to the prompt cache, and requests sent
/// through the batch API. [`BillTerms::NONE`] leaves a request cost exactly
/// as [`TokenSide`] alone gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BillTerms {
    /// Reasoning (thinking) tokens per request, billed at the output price.
    pub reasoning_tokens: f64,
    /// Share of input tokens written to the cache, 0 to 1 (with the cached
    /// share at most 1).
    pub cache_write_share: f64,
    /// Price of input tokens written to the cache, per unit.
    pub cache_write_price: f64,
    /// Share of requests sent through the batch API, 0 to 1.
    pub batch_share: f64,
    /// Discount on every token price of a batched request, 0 to 1.
    pub batch_discount: f64,
}

impl BillTerms {
    /// No reasoning, no cache writes, no batch (at the default discount of
    /// 50%): the fields' defaults.
    pub const NONE: BillTerms = BillTerms {
        reasoning_tokens: 0.0,
        cache_write_share: 0.0,
        cache_write_price: 0.0,
        batch_share: 0.0,
        batch_discount: 0.5,
    };
}

impl Default for BillTerms {
    fn default() -> Self {
        BillTerms::NONE
    }
}

/// A request cost and its parts, in dollars per request.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RequestCost {
    /// Uncached input tokens of one attempt.
    pub input: f64,
    /// Cached input tokens of one attempt.
    pub cached: f64,
    /// Input tokens written to the cache in one attempt.
    pub cache_write: f64,
    /// Output tokens of one attempt.
    pub output: f64,
    /// Reasoning tokens of one attempt.
    pub reasoning: f64,
    /// One attempt at full price, A: the sum of the parts above.
    pub attempt: f64,
    /// What the batched requests save on an attempt (positive; a
    /// deduction).
    pub batch_saving: f64,
    /// The extra attempts.
    pub retries: f64,
    /// Requests also sent to the baseline model (fine-tuned side only).
    pub fallback: f64,
    /// The cost per request.
    pub total: f64,
}

/// One part of a request cost, as the calculation basis and the worked
/// formulas list them.
#[derive(Clone, Copy)]
pub struct Part {
    /// What people call it.
    pub label: &'static str,
    /// Its value in a request cost.
    pub value: fn(&RequestCost) -> f64,
    /// Whether it comes off the total (the batch saving).
    pub deduction: bool,
    /// Whether only the fine-tuned side has it (the fallback).
    pub finetuned_only: bool,
}

/// The parts of a request cost in the order of their definitions: one
/// attempt's parts and their sum A, the batch saving, retries, the
/// fallback, the cost per request.
#[rustfmt::skip]
pub const PARTS: [Part; 10] = [
    Part { label: "Input", value: |c| c.input, deduction: false, finetuned_only: false },
    Part { label: "Cached input", value: |c| c.cached, deduction: false, finetuned_only: false },
    Part { label: "Cache writes", value: |c| c.cache_write, deduction: false, finetuned_only: false },
    Part { label: "Output", value: |c| c.output, deduction: false, finetuned_only: false },
    Part { label: "Reasoning", value: |c| c.reasoning, deduction: false, finetuned_only: false },
    Part { label: "One attempt (A)", value: |c| c.attempt, deduction: false, finetuned_only: false },
    Part { label: "Batch saving", value: |c| c.batch_saving, deduction: true, finetuned_only: false },
    Part { label: "Retries", value: |c| c.retries, deduction: false, finetuned_only: false },
    Part { label: "Fallback to baseline", value: |c| c.fallback, deduction: false, finetuned_only: true },
    Part { label: "Cost per request", value: |c| c.total, deduction: false, finetuned_only: false },
];

/// The token side of the request-cost builder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenCosts {
    /// Tokens per price unit: 1,000,000 or 1,000.
    pub unit: f64,
    /// The baseline side's profile.
    pub baseline_side: TokenSide,
    /// The fine-tuned side's profile.
    pub finetuned_side: TokenSide,
    /// The baseline side's reasoning, cache writes and batch.
    pub baseline_terms: BillTerms,
    /// The fine-tuned side's reasoning, cache writes and batch.
    pub finetuned_terms: BillTerms,
    /// Share of requests that also go to the baseline model, 0 to 1.
    pub fallback_share: f64,
    /// The baseline cost per request, by part.
    pub baseline: RequestCost,
    /// The fine-tuned cost per request, by part.
    pub finetuned: RequestCost,
}

/// The cost of one request on a side, with `unit` tokens per price unit
/// (1,000,000 or 1,000).
pub fn side_cost(side: &TokenSide, unit: f64) -> RequestCost {
    bill(side, &BillTerms::NONE, unit)
}

/// The cost of one request on a side with every term of its bill, in the
/// order of the definitions: the parts of one attempt (input, cached,
/// cache write, output, reasoning) sum to A; the batch saving comes off A;
/// retries repeat what is left.
pub fn bill(side: &TokenSide, terms: &BillTerms, unit: f64) -> RequestCost {
    // Read and written shares that make the whole input (70% + 30%) leave
    // none plain, not a rounding error's worth.
    let uncached = match 1.0 - side.cache_share - terms.cache_write_share {
        u if terms.cache_write_share > 0.0 && u < 1e-12 => 0.0,
        u => u,
    };
    let input = side.input_tokens * uncached * side.input_price / unit;
    let cached = side.input_tokens * side.cache_share * side.cache_price / unit;
    let cache_write = side.input_tokens * terms.cache_write_share * terms.cache_write_price / unit;
    let output = side.output_tokens * side.output_price / unit;
    let reasoning = terms.reasoning_tokens * side.output_price / unit;
    let attempt = input + cached + cache_write + output + reasoning;
    let batch_saving = attempt * terms.batch_share * terms.batch_discount;
    let discounted = attempt - batch_saving;
    let retries = discounted * side.retry_rate;
    RequestCost {
        input,
        cached,
        cache_write,
        output,
        reasoning,
        attempt,
        batch_saving,
        retries,
        fallback: 0.0,
        total: discounted + retries,
    }
}

/// The fine-tuned side's cost: its own requests, plus the share that falls
/// back to the baseline model and pays for it as well.
pub fn finetuned_cost(
    side: &TokenSide,
    unit: f64,
    fallback_share: f64,
    baseline: f64,
) -> RequestCost {
    finetuned_bill(side, &BillTerms::NONE, unit, fallback_share, baseline)
}

/// The fine-tuned side's cost with every term of its bill
/// ([`bill`]), then the fallback: the share of requests that also pay the
/// baseline's cost per request.
pub fn finetuned_bill(
    side: &TokenSide,
    terms: &BillTerms,
    unit: f64,
    fallback_share: f64,
    baseline: f64,
) -> RequestCost {
    let own = bill(side, terms, unit);
    let fallback = fallback_share * baseline;
    RequestCost {
        fallback,
        total: own.total + fallback,
        ..own
    }
}

/// How training compute is priced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Compute {
    /// A flat amount (GPU jobs).
    Flat(f64),
    /// Examples × tokens per example × epochs × price per 1M tokens.
    Tokens {
        /// Tokens per training example.
        tokens_per_example: f64,
        /// Passes over the training set.
        epochs: f64,
        /// Price per million training tokens.
        price_per_million: f64,
    },
    /// GPU time: examples × tokens per example × epochs trained tokens on
    /// a GPU job ([`crate::core::model::gpu`]).
    Gpu {
        /// Tokens per training example.
        tokens_per_example: f64,
        /// Passes over the training set.
        epochs: f64,
        /// The model, the method and the GPUs.
        job: GpuJob,
    },
}

/// The one-time investment's items.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InvestmentItems {
    /// Examples labeled (and trained on).
    pub examples: f64,
    /// Labeling cost per example.
    pub cost_per_example: f64,
    /// QA and rework allowance, as a fraction of labeling.
    pub qa_share: f64,
    /// Training compute.
    pub compute: Compute,
    /// Data curation hours and rate.
    pub curation: (f64, f64),
    /// Setup, evaluation and deployment hours and rate.
    pub setup: (f64, f64),
    /// Anything else paid once.
    pub other: f64,
}

/// The one-time investment, by item.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Investment {
    /// Examples × cost per example.
    pub labeling: f64,
    /// Labeling × QA allowance.
    pub qa: f64,
    /// Training compute.
    pub compute: f64,
    /// Training tokens, when compute is priced by tokens.
    pub training_tokens: Option<f64>,
    /// The GPU job's FLOPs, hours, cost and memory, when compute is
    /// priced by GPU time (its trained tokens are not `training_tokens`,
    /// which only the token price reads).
    pub gpu: Option<GpuTraining>,
    /// Curation hours × rate.
    pub curation: f64,
    /// Setup hours × rate.
    pub setup: f64,
    /// Other one-time costs.
    pub other: f64,
    /// The sum: the training cost T.
    pub total: f64,
}

/// Sums the one-time investment.
pub fn investment(items: &InvestmentItems) -> Investment {
    let labeling = items.examples * items.cost_per_example;
    let qa = labeling * items.qa_share;
    let mut gpu = None;
    let (compute, training_tokens) = match items.compute {
        Compute::Flat(amount) => (amount, None),
        Compute::Gpu {
            tokens_per_example,
            epochs,
            job,
        } => {
            let trained = train(&job, items.examples * tokens_per_example * epochs);
            gpu = Some(trained);
            (trained.cost, None)
        }
        Compute::Tokens {
            tokens_per_example,
            epochs,
            price_per_million,
        } => {
            let tokens = items.examples * tokens_per_example * epochs;
            (tokens * price_per_million / 1e6, Some(tokens))
        }
    };
    let curation = items.curation.0 * items.curation.1;
    let setup = items.setup.0 * items.setup.1;
    let total = labeling + qa + compute + curation + setup + items.other;
    Investment {
        labeling,
        qa,
        compute,
        training_tokens,
        gpu,
        curation,
        setup,
        other: items.other,
        total,
    }
}

/// Weeks in a month on average (52 weeks ÷ 12 months).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Recurring operations, per month, and the retraining schedule.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Operations {
    /// Monitoring and tooling per month.
    pub monitoring: f64,
    /// Support hours per week × rate × 52 ÷ 12.
    pub support: f64,
    /// The monthly maintenance M: monitoring + support.
    pub monthly: f64,
    /// Cost of one retraining.
    pub retrain_cost: f64,
    /// Retrainings a year.
    pub retrain_per_year: f64,
}

/// Sums recurring operations.
pub fn operations(
    monitoring: f64,
    support_hours_week: f64,
    support_rate: f64,
    retrain_cost: f64,
    retrain_per_year: f64,
) -> Operations {
    let support = support_hours_week * support_rate * WEEKS_PER_MONTH;
    Operations {
        monitoring,
        support,
        monthly: monitoring + support,
        retrain_cost,
        retrain_per_year,
    }
}
