//! The sections of a scenario, each read by its own small parser: display,
//! requests and their costs, the one-time investment, recurring operations,
//! serving, the value of accuracy, growth and discounting; then the
//! settings that hide only their own chart or section (the sensitivity
//! range, the exchange rate, the ranges on the estimates). Every parser
//! reads its fields through a [`Reader`], which records each invalid
//! field's message in the scenario's one error map, and writes what it
//! read into the scenario being built.
//!
//! A section reads only the fields its modes use: a field the scenario
//! does not use keeps its text and is not checked, so switching modes loses
//! nothing.

use super::{optional_field, parse_field, DecimalMark, Errors, InputError, Parsed, RawInputs};
use super::{Echo, TokenCosts};
use crate::core::inputs::builders::{self, BillTerms, Compute, InvestmentItems, TokenSide};
use crate::core::inputs::field::{
    Choice, ComputeMode, CostMode, CurrencyCode, EntryMode, Field, LocaleTag, PriceUnit,
    ServingMode,
};
use crate::core::model::gpu::{GpuCost, GpuJob};
use crate::core::model::serving::{Capacity, Serving};
use crate::core::model::uncertainty::{Ends, RANGED};
use crate::core::model::Inputs;
use crate::core::present::format::Display;

/// A section's parser: reads its fields and writes what they give into
/// the scenario being built.
pub(super) type Section = fn(&mut Reader, &mut Parsed);

/// The sections the figures read, in form order: an error in any of them
/// leaves no figures.
pub(super) const FIGURES: [Section; 8] = [
    display,
    requests,
    investment,
    operations,
    serving,
    accuracy,
    growth,
    end_of_life,
];

/// The settings read after the figures: an error in one hides only its
/// own chart or section, never the figures. (The options 3 to 6, read
/// after them by [`super::parse_scenario`], are settings too: an error in
/// one leaves only that option without figures.)
pub(super) const SETTINGS: [Section; 3] = [sensitivity, fx_rate, ranges];

/// Reads one scenario's fields, recording each invalid field's message.
pub(super) struct Reader<'a> {
    pub(super) raw: &'a RawInputs,
    mark: DecimalMark,
    errors: Errors,
    /// How many errors were recorded, to tell whether a section recorded
    /// any (see [`Reader::section`]).
    recorded: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `raw`, with no error yet.
    pub(super) fn new(raw: &'a RawInputs) -> Reader<'a> {
        Reader {
            raw,
            mark: raw.decimal_mark(),
            errors: Errors::default(),
            recorded: 0,
        }
    }

    /// Whether no error has been recorded.
    pub(super) fn is_clean(&self) -> bool {
        self.recorded == 0
    }

    /// The errors recorded, in form order.
    pub(super) fn finish(self) -> Errors {
        self.errors
    }

    /// Records `error` as the message of `field`.
    pub(super) fn record(&mut self, field: Field, error: InputError) {
        self.errors.insert(field, error);
        self.recorded += 1;
    }

    /// `result`'s value, or `None` with its error recorded for `field`.
    pub(super) fn keep<T>(&mut self, field: Field, result: Result<T, InputError>) -> Option<T> {
        result.map_err(|e| self.record(field, e)).ok()
    }

    /// The value of `field`; 0 when it is invalid, its message recorded.
    pub(super) fn number(&mut self, field: Field) -> f64 {
        let value = parse_field(field, self.raw.get(field), self.mark);
        self.keep(field, value).unwrap_or(0.0)
    }

    /// A field in % as a fraction (15 → 0.15).
    pub(super) fn share(&mut self, field: Field) -> f64 {
        self.number(field) / 100.0
    }

    /// The option chosen in `field`; the first option when the text is
    /// none of them, its message recorded (so the fields of the default
    /// mode are read, as the form shows them).
    pub(super) fn choice<C: Choice>(&mut self, field: Field) -> C {
        let chosen = C::from_text(self.raw.get(field)).ok_or(InputError::NotAnOption);
        self.keep(field, chosen).unwrap_or_default()
    }

    /// The value of a field that may be left empty: `None` when it is
    /// empty, or when it is invalid (its message recorded).
    pub(super) fn optional(&mut self, field: Field) -> Option<f64> {
        let value = optional_field(field, self.raw, self.mark);
        self.keep(field, value).flatten()
    }

    /// The value of `field` when it is valid, recording nothing: for a
    /// field another section reads (and reports).
    fn peek(&self, field: Field) -> Option<f64> {
        parse_field(field, self.raw.get(field), self.mark).ok()
    }

    /// What `read` gives, when it records no error.
    pub(super) fn section<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        let before = self.recorded;
        let value = read(self);
        (self.recorded == before).then_some(value)
    }
}

/// The display currency and number format: they change how figures are
/// written, and a text that is none of the options leaves no figures.
fn display(read: &mut Reader, p: &mut Parsed) {
    let currency: CurrencyCode = read.choice(Field::Currency);
    let locale: LocaleTag = read.choice(Field::Locale);
    p.display = Display::from_codes(currency.text(), locale.text());
}

/// Monthly requests, the horizon, and each side's cost per request:
/// entered directly, or built from tokens and prices.
fn requests(read: &mut Reader, p: &mut Parsed) {
    p.inputs.requests = read.number(Field::Requests);
    // A whole number from 1 to 600 when valid.
    p.inputs.months = read.number(Field::Months) as u32;
    p.tokens = match read.choice(Field::CostMode) {
        CostMode::Direct => None,
        CostMode::Tokens => Some(tokens(read)),
    };
    (p.inputs.baseline, p.inputs.finetuned) = match &p.tokens {
        Some(t) => (t.baseline.total, t.finetuned.total),
        None => (read.number(Field::Baseline), read.number(Field::Finetuned)),
    };
}

/// The request costs built from each side's tokens and prices, with every
/// term of the bill.
fn tokens(read: &mut Reader) -> TokenCosts {
    let unit = read.choice::<PriceUnit>(Field::PriceUnit).tokens();
    let (baseline_side, baseline_terms) = token_side(read, &Field::BASE_BILL);
    let (finetuned_side, finetuned_terms) = token_side(read, &Field::FT_BILL);
    let fallback_share = read.share(Field::FtFallbackShare);
    let baseline = builders::bill(&baseline_side, &baseline_terms, unit);
    let finetuned = builders::finetuned_bill(
        &finetuned_side,
        &finetuned_terms,
        unit,
        fallback_share,
        baseline.total,
    );
    TokenCosts {
        unit,
        baseline_side,
        finetuned_side,
        baseline_terms,
        finetuned_terms,
        fallback_share,
        baseline,
        finetuned,
    }
}

/// One side's token profile and the terms of its bill, from its fields in
/// [`Field::BASE_BILL`] order. Cached and written input together are at
/// most the whole input: past it, the written share gets the message.
pub(super) fn token_side(read: &mut Reader, f: &[Field; 12]) -> (TokenSide, BillTerms) {
    let side = TokenSide {
        input_tokens: read.number(f[0]),
        output_tokens: read.number(f[1]),
        input_price: read.number(f[2]),
        output_price: read.number(f[3]),
        cache_share: read.share(f[4]),
        cache_price: read.number(f[5]),
        retry_rate: read.share(f[6]),
    };
    let terms = BillTerms {
        reasoning_tokens: read.number(f[7]),
        cache_write_share: read.share(f[8]),
        cache_write_price: read.number(f[9]),
        batch_share: read.share(f[10]),
        batch_discount: read.share(f[11]),
    };
    // Compared in % as typed, so 70 and 30 make exactly 100.
    if let (Some(cached), Some(written)) = (read.peek(f[4]), read.peek(f[8])) {
        if cached + written > 100.0 {
            // Six decimals are more than a share is typed with, and keep
            // a difference like 100 − 33.3 free of binary noise.
            let most = crate::core::present::float::fixed(100.0 - cached, 6);
            let most = most.trim_end_matches('0').trim_end_matches('.');
            let most = format!("{}%", most.replacen('.', &read.mark.char().to_string(), 1));
            // At most three digits, six decimals and a sign: it fits.
            let error =
                Echo::new(&most).map_or(InputError::OutsideBounds(100), InputError::CacheOverShare);
            read.record(f[8], error);
        }
    }
    (side, terms)
}

/// The GPU job of training priced by GPU time: the model, the method and
/// the GPUs.
fn gpu_job(read: &mut Reader) -> GpuJob {
    GpuJob {
        params_billion: read.number(Field::GpuParams),
        method: read.choice(Field::GpuMethod),
        count: read.number(Field::GpuCount),
        price: read.number(Field::GpuPrice),
        tflops: read.number(Field::GpuFlops),
        mfu: read.share(Field::GpuMfu),
        memory_gb: read.number(Field::GpuMemory),
    }
}

/// The one-time investment: one total, or itemized.
fn investment(read: &mut Reader, p: &mut Parsed) {
    let mut job_used = None;
    p.investment = match read.choice(Field::TrainingMode) {
        EntryMode::Direct => None,
        EntryMode::Itemized => {
            let compute = match read.choice(Field::ComputeMode) {
                ComputeMode::Flat => Compute::Flat(read.number(Field::ComputeFlat)),
                ComputeMode::Tokens => Compute::Tokens {
                    tokens_per_example: read.number(Field::TrainTokens),
                    epochs: read.number(Field::TrainEpochs),
                    price_per_million: read.number(Field::TrainPrice),
                },
                ComputeMode::Gpu => Compute::Gpu {
                    tokens_per_example: read.number(Field::TrainTokens),
                    epochs: read.number(Field::TrainEpochs),
                    job: gpu_job(read),
                },
            };
            if let Compute::Gpu { job, .. } = compute {
                job_used = Some(job);
            }
            Some(builders::investment(&InvestmentItems {
                examples: read.number(Field::LabelExamples),
                cost_per_example: read.number(Field::LabelCost),
                qa_share: read.share(Field::LabelQa),
                compute,
                curation: (
                    read.number(Field::CurationHours),
                    read.number(Field::CurationRate),
                ),
                setup: (
                    read.number(Field::SetupHours),
                    read.number(Field::SetupRate),
                ),
                other: read.number(Field::OtherOneTime),
            }))
        }
    };
    p.inputs.training = match p.investment {
        Some(i) => i.total,
        None => read.number(Field::Training),
    };
    // The GPU job's part of T, which the simulation's ranges on the GPU
    // price and the MFU move.
    p.inputs.gpu = match (job_used, p.investment.and_then(|i| i.gpu)) {
        (Some(job), Some(g)) => Some(GpuCost {
            gpu_hours: g.gpu_hours,
            price: job.price,
            mfu: job.mfu,
        }),
        _ => None,
    };
}

/// Recurring operations: one monthly total, or itemized (with retraining,
/// which only the itemized operations model).
fn operations(read: &mut Reader, p: &mut Parsed) {
    p.operations = match read.choice(Field::MaintenanceMode) {
        EntryMode::Direct => None,
        EntryMode::Itemized => Some(builders::operations(
            read.number(Field::Monitoring),
            read.number(Field::SupportHours),
            read.number(Field::SupportRate),
            read.number(Field::RetrainCost),
            read.number(Field::RetrainPerYear),
        )),
    };
    p.inputs.maintenance = match p.operations {
        Some(o) => o.monthly,
        None => read.number(Field::Maintenance),
    };
    p.inputs.retrain_cost = p.operations.map_or(0.0, |o| o.retrain_cost);
    p.inputs.retrain_per_year = p.operations.map_or(0.0, |o| o.retrain_per_year);
}

/// Each side's serving: its mode, and only that mode's fields.
fn serving(read: &mut Reader, p: &mut Parsed) {
    let mut side = |f: [Field; 9], gpus: Field| {
        let serving = side_serving(read, &f);
        // GPUs per unit, read in capacity mode only: they price a unit
        // from a GPU-hour price and count the GPUs running, never the
        // model's figures.
        let unit_gpus = match serving {
            Serving::Capacity(_) => read.number(gpus),
            _ => 1.0,
        };
        (serving, unit_gpus)
    };
    let (base, base_gpus) = side(Field::BASE_SERVING, Field::BaseUnitGpus);
    let (ft, ft_gpus) = side(Field::FT_SERVING, Field::FtUnitGpus);
    p.inputs.base_serving = base;
    p.inputs.ft_serving = ft;
    p.unit_gpus = [base_gpus, ft_gpus];
}

/// One side's serving from its fields in [`Field::BASE_SERVING`] order:
/// its mode, and only that mode's fields.
pub(super) fn side_serving(read: &mut Reader, f: &[Field; 9]) -> Serving {
    match read.choice(f[0]) {
        ServingMode::PerToken => Serving::PerToken,
        ServingMode::Hourly => Serving::Hourly {
            rate: read.number(f[1]),
            hours: read.number(f[2]),
            deployments: read.number(f[3]),
        },
        ServingMode::Capacity => Serving::Capacity(Capacity {
            unit_rate: read.number(f[4]),
            unit_rps: read.number(f[5]),
            peak_factor: read.number(f[6]),
            min_units: read.number(f[7]),
            unit_hours: read.number(f[8]),
        }),
    }
}

/// The value of accuracy: fewer errors, and what one is worth.
fn accuracy(read: &mut Reader, p: &mut Parsed) {
    p.inputs.accuracy_gain = read.number(Field::AccuracyGain);
    p.inputs.error_value = read.number(Field::ErrorValue);
}

/// Monthly volume growth and the annual discount rate, in % as typed.
fn growth(read: &mut Reader, p: &mut Parsed) {
    p.inputs.growth = read.share(Field::Growth);
    p.inputs.discount = read.share(Field::Discount);
}

/// The model's end of life (issue 27): the horizon's first month (empty:
/// no calendar) and the migration cost. With a start month and a picked
/// fine-tuned model whose shutdown the catalogue knows, where that shutdown
/// falls; within the horizon, month k carries the migration cost as a lump.
/// Read after the horizon (`months`), which decides where it falls.
fn end_of_life(read: &mut Reader, p: &mut Parsed) {
    let start = read.optional(Field::Start);
    let cost = read.number(Field::FtMigrationCost);
    let model = read.raw.get(Field::FtModel);
    p.shutdown = start.and_then(|s| {
        crate::core::catalogue::lifecycle::shutdown_in(model, s as i64, p.inputs.months)
    });
    if let Some(s) = p.shutdown {
        if let crate::core::model::lifecycle::Placement::Within(month) = s.placement {
            p.inputs.migration = crate::core::model::lifecycle::Migration { cost, month };
        }
    }
}

/// How far each input moves in the sensitivity chart, as a fraction: the
/// chart's setting, not an input of the model.
fn sensitivity(read: &mut Reader, p: &mut Parsed) {
    p.sensitivity = read.section(|r| r.share(Field::Sensitivity));
}

/// The exchange rate for catalogue prices; empty is none.
fn fx_rate(read: &mut Reader, p: &mut Parsed) {
    p.fx_rate = read.optional(Field::FxRate);
}

/// The ranges on the estimates and the simulation's settings: all of them
/// valid, or no ranges (and no simulation). An empty end is no range on
/// that side. Only the ranges of inputs the scenario uses are read
/// (serving rates in their own mode, like the serving fields themselves).
/// Growth's ends are in points and must enclose the growth (when it is
/// valid).
fn ranges(read: &mut Reader, p: &mut Parsed) {
    let uses = crate::core::model::uncertainty::Case {
        inputs: Inputs {
            base_serving: p.inputs.base_serving,
            ft_serving: p.inputs.ft_serving,
            gpu: p.inputs.gpu,
            ..Inputs::EXAMPLE
        },
        tokens: p.tokens,
        options: [None; crate::core::model::uncertainty::ADDED],
    };
    p.ranges = read.section(|read| {
        let mut ranges = crate::core::model::uncertainty::Ranges::default();
        for (k, r) in RANGED.iter().enumerate() {
            if (r.used)(&uses) {
                ranges.ends[k] = (read.optional(r.low), read.optional(r.high));
            }
        }
        // Whole numbers within their limits when valid.
        ranges.draws = read.number(Field::McDraws) as u32;
        ranges.seed = read.number(Field::McSeed) as u64;
        if let Some(g) = read.peek(Field::Growth) {
            enclose_growth(read, &ranges, g);
        }
        ranges
    });
}

/// Records an error on each end of growth's range that does not enclose
/// growth `g` (% per month).
fn enclose_growth(read: &mut Reader, ranges: &crate::core::model::uncertainty::Ranges, g: f64) {
    // Quoted as the scenario's format writes decimals.
    let quoted = Echo::new(&crate::core::present::float::display(g).replacen(
        '.',
        &read.mark.char().to_string(),
        1,
    ));
    let Some(q) = quoted else {
        return;
    };
    for (k, r) in RANGED.iter().enumerate() {
        if r.ends != Ends::Absolute {
            continue;
        }
        let (low, high) = ranges.ends[k];
        if low.is_some_and(|low| low > g) {
            read.record(r.low, InputError::AboveGrowth(q));
        }
        if high.is_some_and(|high| high < g) {
            read.record(r.high, InputError::BelowGrowth(q));
        }
    }
}
