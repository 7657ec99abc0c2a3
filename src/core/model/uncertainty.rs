//! Ranges on the estimates: which inputs can carry one (one
//! table, [`RANGED`]), how a range reads (low and high ends in % around the
//! scenario's value, or growth's own ends in points), and the triangular
//! distribution each ranged input follows. The simulation that draws from
//! them is [`super::montecarlo`].

use super::approach::Approach;
use super::gpu::GpuCost;
use super::serving::{Capacity, Serving};
use super::types::Inputs;
use crate::core::inputs::builders::{bill, finetuned_bill, BillTerms, TokenCosts, TokenSide};
use crate::core::inputs::field::Field;

/// What a draw changes: the model's inputs and, in token cost mode, the
/// bills each side's cost per request is built from (a range on a term of
/// a bill moves the cost per request through them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Case {
    /// The model's inputs.
    pub inputs: Inputs,
    /// The token bills, in token cost mode.
    pub tokens: Option<TokenCosts>,
    /// Options 3 to 6 (index K − 3), each when it is in the scenario with
    /// valid fields (issue 28).
    pub options: [Option<AddedOption>; ADDED],
}

impl From<Inputs> for Case {
    /// A scenario with its costs per request entered directly.
    fn from(inputs: Inputs) -> Case {
        Case {
            inputs,
            tokens: None,
            options: [None; ADDED],
        }
    }
}

impl From<&Inputs> for Case {
    fn from(inputs: &Inputs) -> Case {
        Case::from(*inputs)
    }
}

impl From<&Case> for Case {
    fn from(case: &Case) -> Case {
        *case
    }
}

impl Case {
    /// Rebuilds each side's cost per request from its drawn bill, after a
    /// draw has set a term of it. A range on the cost per request itself
    /// (`baseline_low`, …) then scales the rebuilt cost by the same factor
    /// it drew: drawn cost ÷ the scenario's cost of `scenario`.
    pub fn rebuild(&mut self, scenario: &Case) {
        let Some(t) = self.tokens else {
            return;
        };
        let factor = |drawn: f64, was: f64| if was > 0.0 { drawn / was } else { 1.0 };
        let base_factor = factor(self.inputs.baseline, scenario.inputs.baseline);
        let ft_factor = factor(self.inputs.finetuned, scenario.inputs.finetuned);
        let baseline = bill(&t.baseline_side, &t.baseline_terms, t.unit).total * base_factor;
        let finetuned = finetuned_bill(
            &t.finetuned_side,
            &t.finetuned_terms,
            t.unit,
            t.fallback_share,
            baseline,
        )
        .total
            * ft_factor;
        self.inputs.baseline = baseline;
        self.inputs.finetuned = finetuned;
    }
}

/// Options 3 to 6: how many a [`Case`] holds beside the two sides.
pub const ADDED: usize = 4;

/// An added option (3 to 6) as the simulation draws it: its costs and its
/// fallback to option 1, so that a draw of option 1's cost per request
/// moves its fallback part too.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AddedOption {
    /// Its costs and accuracy in the scenario.
    pub approach: Approach,
    /// Share of its requests (0 to 1) that also pay option 1's cost per
    /// request (`oK_fallback_share` ÷ 100; 0 for a model or retrieval).
    pub fallback: f64,
    /// Its own cost per request ($): the approach's less the fallback
    /// part, fallback × option 1's cost per request.
    pub own: f64,
}

impl AddedOption {
    /// Option `approach` whose share `fallback` (0 to 1) of requests also
    /// pays option 1's cost per request `baseline` ($).
    pub fn new(approach: Approach, fallback: f64, baseline: f64) -> AddedOption {
        AddedOption {
            approach,
            fallback,
            own: approach.cost_per_request - fallback * baseline,
        }
    }
}

/// An added option's input that can carry a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnInput {
    /// Its own cost per request, without the fallback
    /// (`oK_request_cost_low`, `oK_request_cost_high`): in token cost mode
    /// the cost built from its bill, with retrieval's embedding.
    RequestCost,
    /// Its one-time cost, with a distilled option's teacher data
    /// (`oK_one_time_low`, `oK_one_time_high`).
    OneTime,
    /// Its fixed monthly cost, with retrieval's re-indexing
    /// (`oK_monthly_low`, `oK_monthly_high`).
    Monthly,
}

/// Option `k`'s (3 to 6) slot in a [`Case`].
fn slot(c: &Case, k: usize) -> Option<&AddedOption> {
    c.options.get(k.wrapping_sub(3))?.as_ref()
}

/// Whether option `k` (3 to 6) is in the case with valid fields.
pub fn has_option(c: &Case, k: usize) -> bool {
    slot(c, k).is_some()
}

/// Option `k`'s value of `input` ($); 0 when it is not there.
pub fn own_value(c: &Case, k: usize, input: OwnInput) -> f64 {
    slot(c, k).map_or(0.0, |o| match input {
        OwnInput::RequestCost => o.own,
        OwnInput::OneTime => o.approach.one_time,
        OwnInput::Monthly => o.approach.monthly,
    })
}

/// Sets option `k`'s value of `input` in a draw (nothing when it is not
/// there).
pub fn set_own_value(c: &mut Case, k: usize, input: OwnInput, v: f64) {
    if let Some(Some(o)) = c.options.get_mut(k.wrapping_sub(3)) {
        match input {
            OwnInput::RequestCost => o.own = v,
            OwnInput::OneTime => o.approach.one_time = v,
            OwnInput::Monthly => o.approach.monthly = v,
        }
    }
}

/// How a range's ends read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// Percentages around the scenario's value: a low end from −100 to 0,
    /// a high end from 0 to 1,000 (`-30` and `50` mean 70% to 150% of it).
    Percent,
    /// The input's own unit (growth in % per month): low ≤ value ≤ high.
    Absolute,
}

/// An input that can carry a range: its ends' fields, how they read, and
/// how to read and set its value in the model's [`Inputs`] (in the unit of
/// its field: growth in %). One row per input; each side's serving fee,
/// unit price and throughput are rows too, used only in their mode.
#[derive(Clone, Copy)]
pub struct Ranged {
    /// The input's public name (`requests`); its ends are `<name>_low` and
    /// `<name>_high`.
    pub name: &'static str,
    /// What people call it.
    pub label: &'static str,
    /// The field of the low end.
    pub low: Field,
    /// The field of the high end.
    pub high: Field,
    /// How the ends read.
    pub ends: Ends,
    /// The scenario's value (typed or built).
    pub get: fn(&Case) -> f64,
    /// Sets the value in a draw (a term of a bill: then
    /// [`Case::rebuild`] brings the costs per request up to date).
    pub set: fn(&mut Case, f64),
    /// Whether the scenario uses this input (serving rates only in the
    /// serving modes that have them, the terms of a bill only in token
    /// cost mode); an unused input's range is ignored.
    pub used: fn(&Case) -> bool,
    /// The serving mode field and option under which the form shows this
    /// row (the same condition as `used`, read from the field's text);
    /// `None`: always shown.
    pub mode: Option<(Field, &'static str)>,
}

impl Ranged {
    /// Whether a range on this input does nothing in scenario `i`: ends in % of a value of 0 are 0 too. The form then says so
    /// instead of offering the ends.
    pub fn on_zero(&self, c: impl Into<Case>) -> bool {
        let c = c.into();
        self.ends == Ends::Percent && (self.used)(&c) && (self.get)(&c) == 0.0
    }

    /// Whether this input is a term of a token bill: a draw that sets it
    /// rebuilds the costs per request ([`Case::rebuild`]).
    pub fn in_bill(&self) -> bool {
        self.mode.is_some_and(|(f, _)| f == Field::CostMode)
    }
}

fn always(_: &Case) -> bool {
    true
}

// The terms of a token bill: each side's batch share, cached share and
// reasoning tokens, in token cost mode only. Shares read and set in %, as
// typed; a drawn share past what the bill allows (100%, or for the cached
// share 100% less the written share) is capped there.

fn in_tokens(c: &Case) -> bool {
    c.tokens.is_some()
}

fn side(c: &Case, finetuned: bool) -> Option<(TokenSide, BillTerms)> {
    c.tokens.map(|t| {
        if finetuned {
            (t.finetuned_side, t.finetuned_terms)
        } else {
            (t.baseline_side, t.baseline_terms)
        }
    })
}

fn set_side(c: &mut Case, finetuned: bool, f: impl FnOnce(&mut TokenSide, &mut BillTerms)) {
    if let Some(t) = c.tokens.as_mut() {
        if finetuned {
            f(&mut t.finetuned_side, &mut t.finetuned_terms);
        } else {
            f(&mut t.baseline_side, &mut t.baseline_terms);
        }
    }
}

fn batch_share(c: &Case, finetuned: bool) -> f64 {
    side(c, finetuned).map_or(0.0, |(_, t)| t.batch_share * 100.0)
}

fn set_batch_share(c: &mut Case, finetuned: bool, v: f64) {
    set_side(c, finetuned, |_, t| {
        t.batch_share = (v / 100.0).clamp(0.0, 1.0)
    });
}

fn cache_share(c: &Case, finetuned: bool) -> f64 {
    side(c, finetuned).map_or(0.0, |(s, _)| s.cache_share * 100.0)
}

fn set_cache_share(c: &mut Case, finetuned: bool, v: f64) {
    set_side(c, finetuned, |s, t| {
        s.cache_share = (v / 100.0).min(1.0 - t.cache_write_share).max(0.0);
    });
}

fn reasoning_tokens(c: &Case, finetuned: bool) -> f64 {
    side(c, finetuned).map_or(0.0, |(_, t)| t.reasoning_tokens)
}

fn set_reasoning_tokens(c: &mut Case, finetuned: bool, v: f64) {
    set_side(c, finetuned, |_, t| t.reasoning_tokens = v.max(0.0));
}

// Serving: each side's hourly fee, and its unit
// price and throughput in capacity mode. Setting one in another mode does
// nothing.

fn hourly_rate(s: &Serving) -> Option<f64> {
    match s {
        Serving::Hourly { rate, .. } => Some(*rate),
        _ => None,
    }
}

fn set_hourly_rate(s: &mut Serving, v: f64) {
    if let Serving::Hourly { rate, .. } = s {
        *rate = v;
    }
}

fn capacity_mut(s: &mut Serving) -> Option<&mut Capacity> {
    match s {
        Serving::Capacity(c) => Some(c),
        _ => None,
    }
}

// Training priced by GPU time: a draw of the GPU price or the MFU changes
// the GPU job's cost, and the training cost T by as much.

fn set_gpu(i: &mut Inputs, change: impl Fn(GpuCost) -> GpuCost) {
    if let Some(g) = i.gpu {
        let drawn = change(g);
        i.training = (i.training + drawn.cost() - g.cost()).max(0.0);
        i.gpu = Some(drawn);
    }
}

/// Every input that can carry a range, in form order.
#[rustfmt::skip]
pub const RANGED: [Ranged; 32] = [
    Ranged { name: "training", label: "Training cost", low: Field::TrainingLow, high: Field::TrainingHigh, ends: Ends::Percent, get: |c| c.inputs.training, set: |c, v| c.inputs.training = v, used: always, mode: None },
    Ranged { name: "maintenance", label: "Monthly maintenance", low: Field::MaintenanceLow, high: Field::MaintenanceHigh, ends: Ends::Percent, get: |c| c.inputs.maintenance, set: |c, v| c.inputs.maintenance = v, used: always, mode: None },
    Ranged { name: "baseline", label: "Baseline cost per request", low: Field::BaselineLow, high: Field::BaselineHigh, ends: Ends::Percent, get: |c| c.inputs.baseline, set: |c, v| c.inputs.baseline = v, used: always, mode: None },
    Ranged { name: "finetuned", label: "Fine-tuned cost per request", low: Field::FinetunedLow, high: Field::FinetunedHigh, ends: Ends::Percent, get: |c| c.inputs.finetuned, set: |c, v| c.inputs.finetuned = v, used: always, mode: None },
    Ranged { name: "requests", label: "Monthly requests", low: Field::RequestsLow, high: Field::RequestsHigh, ends: Ends::Percent, get: |c| c.inputs.requests, set: |c, v| c.inputs.requests = v, used: always, mode: None },
    Ranged { name: "growth", label: "Monthly volume growth", low: Field::GrowthLow, high: Field::GrowthHigh, ends: Ends::Absolute, get: |c| c.inputs.growth * 100.0, set: |c, v| c.inputs.growth = v / 100.0, used: always, mode: None },
    // serving rates and throughput, in the serving mode that has them.
    Ranged { name: "base_host_rate", label: "Baseline hosting fee", low: Field::BaseHostRateLow, high: Field::BaseHostRateHigh, ends: Ends::Percent, get: |c| hourly_rate(&c.inputs.base_serving).unwrap_or(0.0), set: |c, v| set_hourly_rate(&mut c.inputs.base_serving, v), used: |c| hourly_rate(&c.inputs.base_serving).is_some(), mode: Some((Field::BaseServing, "hourly")) },
    Ranged { name: "base_unit_rate", label: "Baseline unit price", low: Field::BaseUnitRateLow, high: Field::BaseUnitRateHigh, ends: Ends::Percent, get: |c| c.inputs.base_serving.capacity().map_or(0.0, |c| c.unit_rate), set: |c, v| { if let Some(c) = capacity_mut(&mut c.inputs.base_serving) { c.unit_rate = v } }, used: |c| c.inputs.base_serving.capacity().is_some(), mode: Some((Field::BaseServing, "capacity")) },
    Ranged { name: "base_unit_rps", label: "Baseline throughput per unit", low: Field::BaseUnitRpsLow, high: Field::BaseUnitRpsHigh, ends: Ends::Percent, get: |c| c.inputs.base_serving.capacity().map_or(0.0, |c| c.unit_rps), set: |c, v| { if let Some(c) = capacity_mut(&mut c.inputs.base_serving) { c.unit_rps = v } }, used: |c| c.inputs.base_serving.capacity().is_some(), mode: Some((Field::BaseServing, "capacity")) },
    Ranged { name: "ft_host_rate", label: "Fine-tuned hosting fee", low: Field::FtHostRateLow, high: Field::FtHostRateHigh, ends: Ends::Percent, get: |c| hourly_rate(&c.inputs.ft_serving).unwrap_or(0.0), set: |c, v| set_hourly_rate(&mut c.inputs.ft_serving, v), used: |c| hourly_rate(&c.inputs.ft_serving).is_some(), mode: Some((Field::FtServing, "hourly")) },
    Ranged { name: "ft_unit_rate", label: "Fine-tuned unit price", low: Field::FtUnitRateLow, high: Field::FtUnitRateHigh, ends: Ends::Percent, get: |c| c.inputs.ft_serving.capacity().map_or(0.0, |c| c.unit_rate), set: |c, v| { if let Some(c) = capacity_mut(&mut c.inputs.ft_serving) { c.unit_rate = v } }, used: |c| c.inputs.ft_serving.capacity().is_some(), mode: Some((Field::FtServing, "capacity")) },
    Ranged { name: "ft_unit_rps", label: "Fine-tuned throughput per unit", low: Field::FtUnitRpsLow, high: Field::FtUnitRpsHigh, ends: Ends::Percent, get: |c| c.inputs.ft_serving.capacity().map_or(0.0, |c| c.unit_rps), set: |c, v| { if let Some(c) = capacity_mut(&mut c.inputs.ft_serving) { c.unit_rps = v } }, used: |c| c.inputs.ft_serving.capacity().is_some(), mode: Some((Field::FtServing, "capacity")) },
    // the terms of a token bill, in token cost mode.
    Ranged { name: "base_batch_share", label: "Baseline batched requests", low: Field::BaseBatchShareLow, high: Field::BaseBatchShareHigh, ends: Ends::Percent, get: |c| batch_share(c, false), set: |c, v| set_batch_share(c, false, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    Ranged { name: "base_cache_share", label: "Baseline cached input", low: Field::BaseCacheShareLow, high: Field::BaseCacheShareHigh, ends: Ends::Percent, get: |c| cache_share(c, false), set: |c, v| set_cache_share(c, false, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    Ranged { name: "base_reasoning_tokens", label: "Baseline reasoning tokens", low: Field::BaseReasoningTokensLow, high: Field::BaseReasoningTokensHigh, ends: Ends::Percent, get: |c| reasoning_tokens(c, false), set: |c, v| set_reasoning_tokens(c, false, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    Ranged { name: "ft_batch_share", label: "Fine-tuned batched requests", low: Field::FtBatchShareLow, high: Field::FtBatchShareHigh, ends: Ends::Percent, get: |c| batch_share(c, true), set: |c, v| set_batch_share(c, true, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    Ranged { name: "ft_cache_share", label: "Fine-tuned cached input", low: Field::FtCacheShareLow, high: Field::FtCacheShareHigh, ends: Ends::Percent, get: |c| cache_share(c, true), set: |c, v| set_cache_share(c, true, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    Ranged { name: "ft_reasoning_tokens", label: "Fine-tuned reasoning tokens", low: Field::FtReasoningTokensLow, high: Field::FtReasoningTokensHigh, ends: Ends::Percent, get: |c| reasoning_tokens(c, true), set: |c, v| set_reasoning_tokens(c, true, v), used: in_tokens, mode: Some((Field::CostMode, "tokens")) },
    // issue 29: the GPU price and the MFU of training priced by GPU time; a draw moves T by the change in the GPU job's cost.
    Ranged { name: "gpu_price", label: "GPU price", low: Field::GpuPriceLow, high: Field::GpuPriceHigh, ends: Ends::Percent, get: |c| c.inputs.gpu.map_or(0.0, |g| g.price), set: |c, v| set_gpu(&mut c.inputs, |g| g.at_price(v)), used: |c| c.inputs.gpu.is_some(), mode: Some((Field::ComputeMode, "gpu")) },
    Ranged { name: "gpu_mfu", label: "Utilisation (MFU)", low: Field::GpuMfuLow, high: Field::GpuMfuHigh, ends: Ends::Percent, get: |c| c.inputs.gpu.map_or(0.0, |g| g.mfu * 100.0), set: |c, v| set_gpu(&mut c.inputs, |g| g.at_mfu(v / 100.0)), used: |c| c.inputs.gpu.is_some(), mode: Some((Field::ComputeMode, "gpu")) },
    // issue 28: options 3 to 6's own inputs, used while the option is in the scenario with valid fields.
    Ranged { name: "o3_request_cost", label: "Option 3 cost per request", low: Field::O3RequestCostLow, high: Field::O3RequestCostHigh, ends: Ends::Percent, get: |c| own_value(c, 3, OwnInput::RequestCost), set: |c, v| set_own_value(c, 3, OwnInput::RequestCost, v), used: |c| has_option(c, 3), mode: None },
    Ranged { name: "o3_one_time", label: "Option 3 one-time cost", low: Field::O3OneTimeLow, high: Field::O3OneTimeHigh, ends: Ends::Percent, get: |c| own_value(c, 3, OwnInput::OneTime), set: |c, v| set_own_value(c, 3, OwnInput::OneTime, v), used: |c| has_option(c, 3), mode: None },
    Ranged { name: "o3_monthly", label: "Option 3 monthly cost", low: Field::O3MonthlyLow, high: Field::O3MonthlyHigh, ends: Ends::Percent, get: |c| own_value(c, 3, OwnInput::Monthly), set: |c, v| set_own_value(c, 3, OwnInput::Monthly, v), used: |c| has_option(c, 3), mode: None },
    Ranged { name: "o4_request_cost", label: "Option 4 cost per request", low: Field::O4RequestCostLow, high: Field::O4RequestCostHigh, ends: Ends::Percent, get: |c| own_value(c, 4, OwnInput::RequestCost), set: |c, v| set_own_value(c, 4, OwnInput::RequestCost, v), used: |c| has_option(c, 4), mode: None },
    Ranged { name: "o4_one_time", label: "Option 4 one-time cost", low: Field::O4OneTimeLow, high: Field::O4OneTimeHigh, ends: Ends::Percent, get: |c| own_value(c, 4, OwnInput::OneTime), set: |c, v| set_own_value(c, 4, OwnInput::OneTime, v), used: |c| has_option(c, 4), mode: None },
    Ranged { name: "o4_monthly", label: "Option 4 monthly cost", low: Field::O4MonthlyLow, high: Field::O4MonthlyHigh, ends: Ends::Percent, get: |c| own_value(c, 4, OwnInput::Monthly), set: |c, v| set_own_value(c, 4, OwnInput::Monthly, v), used: |c| has_option(c, 4), mode: None },
    Ranged { name: "o5_request_cost", label: "Option 5 cost per request", low: Field::O5RequestCostLow, high: Field::O5RequestCostHigh, ends: Ends::Percent, get: |c| own_value(c, 5, OwnInput::RequestCost), set: |c, v| set_own_value(c, 5, OwnInput::RequestCost, v), used: |c| has_option(c, 5), mode: None },
    Ranged { name: "o5_one_time", label: "Option 5 one-time cost", low: Field::O5OneTimeLow, high: Field::O5OneTimeHigh, ends: Ends::Percent, get: |c| own_value(c, 5, OwnInput::OneTime), set: |c, v| set_own_value(c, 5, OwnInput::OneTime, v), used: |c| has_option(c, 5), mode: None },
    Ranged { name: "o5_monthly", label: "Option 5 monthly cost", low: Field::O5MonthlyLow, high: Field::O5MonthlyHigh, ends: Ends::Percent, get: |c| own_value(c, 5, OwnInput::Monthly), set: |c, v| set_own_value(c, 5, OwnInput::Monthly, v), used: |c| has_option(c, 5), mode: None },
    Ranged { name: "o6_request_cost", label: "Option 6 cost per request", low: Field::O6RequestCostLow, high: Field::O6RequestCostHigh, ends: Ends::Percent, get: |c| own_value(c, 6, OwnInput::RequestCost), set: |c, v| set_own_value(c, 6, OwnInput::RequestCost, v), used: |c| has_option(c, 6), mode: None },
    Ranged { name: "o6_one_time", label: "Option 6 one-time cost", low: Field::O6OneTimeLow, high: Field::O6OneTimeHigh, ends: Ends::Percent, get: |c| own_value(c, 6, OwnInput::OneTime), set: |c, v| set_own_value(c, 6, OwnInput::OneTime, v), used: |c| has_option(c, 6), mode: None },
    Ranged { name: "o6_monthly", label: "Option 6 monthly cost", low: Field::O6MonthlyLow, high: Field::O6MonthlyHigh, ends: Ends::Percent, get: |c| own_value(c, 6, OwnInput::Monthly), set: |c, v| set_own_value(c, 6, OwnInput::Monthly, v), used: |c| has_option(c, 6), mode: None },
];

/// The first row of [`RANGED`] on an added option's own input: rows from
/// here come three to an option (cost per request, one-time, monthly),
/// options 3 to 6 in order.
pub const OPTION_ROWS: usize = 20;

/// The option (3 to 6) whose own input [`RANGED`] row `row` is; `None` for
/// the scenario's shared inputs and the two sides'.
pub fn option_of(row: usize) -> Option<usize> {
    (OPTION_ROWS..COUNT)
        .contains(&row)
        .then(|| 3 + (row - OPTION_ROWS) / 3)
}

/// The range fields (each low end, then its high end) of option `k`'s own
/// inputs: they move with the option when it is moved, copied or removed.
pub fn option_range_fields(k: usize) -> impl Iterator<Item = Field> {
    RANGED
        .iter()
        .enumerate()
        .filter(move |(row, _)| option_of(*row) == Some(k))
        .flat_map(|(_, r)| [r.low, r.high])
}

/// The number of inputs that can carry a range.
pub const COUNT: usize = RANGED.len();

/// The fields of the simulation: every range's ends, then the number of
/// draws and the seed.
pub fn fields() -> impl Iterator<Item = Field> {
    RANGED
        .iter()
        .flat_map(|r| [r.low, r.high])
        .chain([Field::McDraws, Field::McSeed])
}

/// Whether `field` is one of the simulation's ([`fields`]).
pub fn is_simulation_field(field: Field) -> bool {
    fields().any(|f| f == field)
}

/// A triangular distribution: from `low` through its most likely value
/// `mode` to `high` (low ≤ mode ≤ high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangular {
    /// The lowest value.
    pub low: f64,
    /// The most likely value (the scenario's).
    pub mode: f64,
    /// The highest value.
    pub high: f64,
}

impl Triangular {
    /// The value below which a share `u` (0 to 1) of the distribution lies:
    /// the inverse of its cumulative distribution function,
    /// low + √(u·(high − low)·(mode − low)) below the mode's share
    /// (mode − low) / (high − low), high − √((1 − u)·(high − low)·(high − mode))
    /// above it. Square roots only, so it is the same on every platform
    /// (IEEE 754 rounds them exactly). The mode when the width is zero.
    pub fn quantile(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if width <= 0.0 || !width.is_finite() {
            return c;
        }
        let u = u.clamp(0.0, 1.0);
        let x = if u * width < c - a {
            a + (u * width * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * width * (b - c)).sqrt()
        };
        x.clamp(a, b)
    }

    /// The share of the distribution at or below `x` (0 to 1).
    pub fn cdf(&self, x: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if x < a {
            0.0
        } else if x >= b {
            1.0
        } else if x <= c {
            (x - a) * (x - a) / (width * (c - a))
        } else {
            1.0 - (b - x) * (b - x) / (width * (b - c))
        }
    }
}

/// The validated ends of every range and the simulation's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranges {
    /// Each [`RANGED`] input's low and high end as typed (% for percent
    /// ends; `None` when the field is empty: no range on that side).
    pub ends: [(Option<f64>, Option<f64>); COUNT],
    /// Simulated cases, 1,000 to 100,000.
    pub draws: u32,
    /// The generator's seed, 0 to 2^53.
    pub seed: u64,
}

impl Default for Ranges {
    /// No range, the default draws (10,000) and seed (1).
    fn default() -> Self {
        Ranges {
            ends: [(None, None); COUNT],
            draws: 10_000,
            seed: 1,
        }
    }
}

impl Ranges {
    /// The distribution of [`RANGED`] input `k` in scenario `i`, or `None`
    /// when it is certain: no range typed, a range of zero width (both
    /// ends 0, or a value of 0 in percent), or an input the scenario does
    /// not use. `c`: the scenario's [`Case`] (or its [`Inputs`] when its
    /// costs per request are entered directly).
    pub fn distribution(&self, k: usize, c: impl Into<Case>) -> Option<Triangular> {
        let c = c.into();
        let r = RANGED.get(k)?;
        if !(r.used)(&c) {
            return None;
        }
        let x = (r.get)(&c);
        let (low, high) = self.ends[k];
        let t = match r.ends {
            Ends::Percent => Triangular {
                low: x * (1.0 + low.unwrap_or(0.0) / 100.0),
                mode: x,
                high: x * (1.0 + high.unwrap_or(0.0) / 100.0),
            },
            Ends::Absolute => Triangular {
                low: low.unwrap_or(x).min(x),
                mode: x,
                high: high.unwrap_or(x).max(x),
            },
        };
        (t.high > t.low).then_some(t)
    }

    /// The ranged inputs of scenario `c`: each one's index in [`RANGED`]
    /// and its distribution, in table order. Empty: nothing to simulate.
    pub fn active(&self, c: impl Into<Case>) -> Vec<(usize, Triangular)> {
        let c = c.into();
        (0..COUNT)
            .filter_map(|k| self.distribution(k, c).map(|t| (k, t)))
            .collect()
    }

    /// Whether any range field holds text (the page's Ranges section is
    /// then open), from the ends alone.
    pub fn any_typed(&self) -> bool {
        self.ends.iter().any(|(l, h)| l.is_some() || h.is_some())
    }
}
