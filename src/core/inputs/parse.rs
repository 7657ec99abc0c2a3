//! From the text the user typed to validated [`Inputs`]. Raw text is kept as
//! typed (so nothing is lost); only validated numbers reach the model.
//! Numbers are read by [`super::number`] with the decimal mark of the
//! scenario's own number format ([`DecimalMark`]), so a link or file reads
//! the same for everyone; this module checks each value against its field's
//! limits and decides which fields the scenario's modes use.

use super::builders::{
    self, Compute, Investment, InvestmentItems, Operations, RequestCost, TokenSide,
};
use super::field::{
    push_in_form_order, Field, Kind, COUNT, MAX_MONTHS, MAX_VALUE, MIN_NONZERO, THROUGHPUT_LOW,
};
use super::number::parse_number;
pub use super::number::{DecimalMark, Echo, InputError};
use crate::core::model::serving::{Capacity, Serving};
use crate::core::model::uncertainty::{Ends, Ranges, RANGED};
use crate::core::model::Inputs;

/// The text of each field, exactly as typed, in [`Field::ALL`] order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RawInputs(pub [String; COUNT]);

impl RawInputs {
    /// The reference example: the default scenario.
    pub fn example() -> RawInputs {
        RawInputs(Field::ALL.map(|f| f.example().to_owned()))
    }

    /// The text of `field`.
    pub fn get(&self, field: Field) -> &str {
        &self.0[field.index()]
    }

    /// Replaces the text of `field`.
    pub fn set(&mut self, field: Field, text: impl Into<String>) {
        self.0[field.index()] = text.into();
    }

    /// The decimal mark of the scenario's own number format (its `locale`
    /// field), which every number field is read with: a link or a file
    /// that carries its format reads the same for everyone.
    pub fn decimal_mark(&self) -> DecimalMark {
        DecimalMark::of_locale(self.get(Field::Locale))
    }
}

impl Default for RawInputs {
    fn default() -> Self {
        RawInputs::example()
    }
}

/// Parses one field's text, read with `mark` (the scenario's
/// [`RawInputs::decimal_mark`]). Surrounding whitespace is ignored; anything
/// else that is not a plain decimal number within the field's limits is an
/// error.
///
/// A choice field's value is the index of its option.
pub fn parse_field(field: Field, text: &str, mark: DecimalMark) -> Result<f64, InputError> {
    let t = text.trim();
    if let Kind::Choice(options) = field.kind() {
        return options
            .iter()
            .position(|o| *o == t)
            .map(|i| i as f64)
            .ok_or(InputError::NotAnOption);
    }
    // A label is text, not a number: nothing to read.
    if field.kind() == Kind::Label {
        return Ok(0.0);
    }
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    // A whole number past 2^53 reads as a nearby double: refuse it from its
    // digits.
    if let (Kind::WholeIn(low, high), Ok(n)) = (field.kind(), t.parse::<u64>()) {
        if n > high {
            return Err(InputError::WholeBetween(low, high));
        }
    }
    check(field, parse_number(t, mark)?)
}

fn check(field: Field, v: f64) -> Result<f64, InputError> {
    // `-0` is zero, not a negative number.
    let v = if v == 0.0 { 0.0 } else { v };
    match field.kind() {
        Kind::Signed(max) if v.abs() > f64::from(max) => Err(InputError::OutsideRange(max)),
        Kind::Signed(_) => Ok(v),
        // A negative value is outside the field's own range: say which.
        Kind::Bounded(max) if !(0.0..=f64::from(max)).contains(&v) => {
            Err(InputError::OutsideBounds(max))
        }
        Kind::Bounded(_) => Ok(v),
        Kind::Months if v < 0.0 => Err(InputError::MonthsOutOfRange),
        Kind::Months if v.fract() != 0.0 => Err(InputError::NotWholeMonths),
        Kind::Months if !(1.0..=f64::from(MAX_MONTHS)).contains(&v) => {
            Err(InputError::MonthsOutOfRange)
        }
        Kind::Months => Ok(v),
        // Serving costs.
        Kind::Whole(max) if !(0.0..=f64::from(max)).contains(&v) || v.fract() != 0.0 => {
            Err(InputError::NotWhole(max))
        }
        Kind::Whole(_) => Ok(v),
        Kind::Between(low, high) if !(f64::from(low)..=f64::from(high)).contains(&v) => {
            Err(InputError::OutsideBetween(low, high))
        }
        Kind::Between(..) => Ok(v),
        Kind::Positive if v < MIN_NONZERO => Err(InputError::NotPositive),
        // A range's low end on throughput: 0 requests per second serves nothing.
        Kind::End(THROUGHPUT_LOW, 0) if !(f64::from(THROUGHPUT_LOW)..=0.0).contains(&v) => {
            Err(InputError::ThroughputEnd)
        }
        Kind::End(low, high) if !(f64::from(low)..=f64::from(high)).contains(&v) => {
            Err(InputError::Between(low, high))
        }
        Kind::End(..) => Ok(v),
        Kind::WholeIn(low, high)
            if v.fract() != 0.0 || !(low as f64..=high as f64).contains(&v) =>
        {
            Err(InputError::WholeBetween(low, high))
        }
        Kind::WholeIn(..) => Ok(v),
        _ if v < 0.0 => Err(InputError::Negative),
        _ if v > MAX_VALUE => Err(InputError::TooLarge),
        _ if v > 0.0 && v < MIN_NONZERO => Err(InputError::TooSmall),
        _ => Ok(v),
    }
}

/// Every field's error, in form order.
pub type FieldErrors = Vec<(Field, InputError)>;

/// The token side of the request-cost builder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenCosts {
    /// Tokens per price unit: 1,000,000 or 1,000.
    pub unit: f64,
    /// The baseline side's profile.
    pub baseline_side: TokenSide,
    /// The fine-tuned side's profile.
    pub finetuned_side: TokenSide,
    /// Share of requests that also go to the baseline model, 0 to 1.
    pub fallback_share: f64,
    /// The baseline cost per request, by part.
    pub baseline: RequestCost,
    /// The fine-tuned cost per request, by part.
    pub finetuned: RequestCost,
}

/// A validated scenario: the model's inputs, and the builders' breakdowns
/// for the sections built from parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The inputs of the model.
    pub inputs: Inputs,
    /// Request costs from tokens, when built that way.
    pub tokens: Option<TokenCosts>,
    /// The one-time investment by item, when itemized.
    pub investment: Option<Investment>,
    /// Recurring operations by item, when itemized.
    pub operations: Option<Operations>,
    /// How far each input moves in the sensitivity chart, as a fraction,
    /// or why the range field is invalid (which leaves the figures be).
    pub sensitivity: Result<f64, InputError>,
    /// The display currency and locale.
    pub display: crate::core::present::format::Display,
    /// The ranges on the estimates and the simulation's settings, or each invalid field's error: like the sensitivity range, a
    /// bad one hides the simulation only, never the figures.
    pub ranges: Result<Ranges, FieldErrors>,
    /// The exchange rate for catalogue prices: `None` when the
    /// field is empty, or why its text is invalid (which leaves the figures
    /// be, as a bad sensitivity range does).
    pub fx_rate: Result<Option<f64>, InputError>,
    /// GPUs in one capacity unit, baseline then fine-tuned: a
    /// whole number from 1 to 1,000 in capacity mode, 1 otherwise.
    pub unit_gpus: [f64; 2],
}

/// The exchange rate typed in `fx_rate`: `None` when empty.
pub fn parse_fx_rate(raw: &RawInputs) -> Result<Option<f64>, InputError> {
    let text = raw.get(Field::FxRate);
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_field(Field::FxRate, text, raw.decimal_mark()).map(Some)
}

impl Parsed {
    /// Tokens a month implied by the scenario (requests × the baseline's
    /// input and output tokens per request), when costs are built from
    /// tokens.
    pub fn monthly_tokens(&self) -> Option<f64> {
        self.tokens.map(|t| {
            self.inputs.requests * (t.baseline_side.input_tokens + t.baseline_side.output_tokens)
        })
    }
}

/// Validates the fields a scenario uses: the modes decide which. A field
/// the scenario does not use (the token fields under direct entry, say)
/// keeps its text and is not checked, so switching modes loses nothing.
pub fn parse_scenario(raw: &RawInputs) -> Result<Parsed, FieldErrors> {
    let mut errors = Vec::new();
    let mark = raw.decimal_mark();
    let mut get = |field: Field| match parse_field(field, raw.get(field), mark) {
        Ok(v) => v,
        Err(e) => {
            push_in_form_order(&mut errors, field, e);
            0.0
        }
    };
    let requests = get(Field::Requests);
    let months = get(Field::Months);
    let accuracy_gain = get(Field::AccuracyGain);
    let error_value = get(Field::ErrorValue);
    let growth = get(Field::Growth);
    let discount = get(Field::Discount);
    // The sensitivity range is the chart's setting, not an input of the
    // model: a bad one is that field's message and no chart, never fewer
    // figures.
    let sensitivity =
        parse_field(Field::Sensitivity, raw.get(Field::Sensitivity), mark).map(|pct| pct / 100.0);
    let display = crate::core::present::format::Display {
        currency: get(Field::Currency) as usize,
        locale: get(Field::Locale) as usize,
    };
    let tokens = if get(Field::CostMode) as usize == 1 {
        let unit = if get(Field::PriceUnit) as usize == 1 {
            1e3
        } else {
            1e6
        };
        let mut side = |f: [Field; 7]| TokenSide {
            input_tokens: get(f[0]),
            output_tokens: get(f[1]),
            input_price: get(f[2]),
            output_price: get(f[3]),
            cache_share: get(f[4]) / 100.0,
            cache_price: get(f[5]),
            retry_rate: get(f[6]) / 100.0,
        };
        use Field::*;
        let baseline_side = side([
            BaseInputTokens,
            BaseOutputTokens,
            BaseInputPrice,
            BaseOutputPrice,
            BaseCacheShare,
            BaseCachePrice,
            BaseRetryRate,
        ]);
        let finetuned_side = side([
            FtInputTokens,
            FtOutputTokens,
            FtInputPrice,
            FtOutputPrice,
            FtCacheShare,
            FtCachePrice,
            FtRetryRate,
        ]);
        let fallback_share = get(FtFallbackShare) / 100.0;
        let baseline = builders::side_cost(&baseline_side, unit);
        let finetuned =
            builders::finetuned_cost(&finetuned_side, unit, fallback_share, baseline.total);
        Some(TokenCosts {
            unit,
            baseline_side,
            finetuned_side,
            fallback_share,
            baseline,
            finetuned,
        })
    } else {
        None
    };
    let (baseline, finetuned) = match &tokens {
        Some(t) => (t.baseline.total, t.finetuned.total),
        None => (get(Field::Baseline), get(Field::Finetuned)),
    };
    let investment = if get(Field::TrainingMode) as usize == 1 {
        let compute = if get(Field::ComputeMode) as usize == 1 {
            Compute::Tokens {
                tokens_per_example: get(Field::TrainTokens),
                epochs: get(Field::TrainEpochs),
                price_per_million: get(Field::TrainPrice),
            }
        } else {
            Compute::Flat(get(Field::ComputeFlat))
        };
        Some(builders::investment(&InvestmentItems {
            examples: get(Field::LabelExamples),
            cost_per_example: get(Field::LabelCost),
            qa_share: get(Field::LabelQa) / 100.0,
            compute,
            curation: (get(Field::CurationHours), get(Field::CurationRate)),
            setup: (get(Field::SetupHours), get(Field::SetupRate)),
            other: get(Field::OtherOneTime),
        }))
    } else {
        None
    };
    let training = investment.map_or_else(|| get(Field::Training), |i| i.total);
    let operations = if get(Field::MaintenanceMode) as usize == 1 {
        Some(builders::operations(
            get(Field::Monitoring),
            get(Field::SupportHours),
            get(Field::SupportRate),
            get(Field::RetrainCost),
            get(Field::RetrainPerYear),
        ))
    } else {
        None
    };
    let maintenance = operations.map_or_else(|| get(Field::Maintenance), |o| o.monthly);
    // Serving costs: each side's mode, and only that mode's fields.
    let mut serving = |f: [Field; 9]| match get(f[0]) as usize {
        1 => Serving::Hourly {
            rate: get(f[1]),
            hours: get(f[2]),
            deployments: get(f[3]),
        },
        2 => Serving::Capacity(Capacity {
            unit_rate: get(f[4]),
            unit_rps: get(f[5]),
            peak_factor: get(f[6]),
            min_units: get(f[7]),
            unit_hours: get(f[8]),
        }),
        _ => Serving::PerToken,
    };
    let base_serving = serving(Field::BASE_SERVING);
    let ft_serving = serving(Field::FT_SERVING);
    // GPUs per unit, read in capacity mode only: they price a unit
    // from a GPU-hour price and count the GPUs running, never the model's
    // figures.
    let unit_gpus = [
        (base_serving, Field::BaseUnitGpus),
        (ft_serving, Field::FtUnitGpus),
    ]
    .map(|(s, field)| {
        if s.capacity().is_some() {
            get(field)
        } else {
            1.0
        }
    });
    // The ranges on the estimates are checked apart from the figures' own
    // fields, like the sensitivity range (growth's ends against a valid
    // growth only).
    let growth_ok = !errors.iter().any(|(f, _)| *f == Field::Growth);
    // Only the ranges of inputs the scenario uses are read (serving rates in
    // their own mode, like the serving fields themselves).
    let uses = Inputs {
        base_serving,
        ft_serving,
        ..Inputs::EXAMPLE
    };
    let ranges = parse_ranges(raw, growth_ok.then_some(growth), &uses);
    if !errors.is_empty() {
        // A bad range is reported with the other fields' errors too.
        if let Err(e) = sensitivity {
            push_in_form_order(&mut errors, Field::Sensitivity, e);
        }
        if let Err(e) = parse_fx_rate(raw) {
            push_in_form_order(&mut errors, Field::FxRate, e);
        }
        for (f, e) in ranges.err().unwrap_or_default() {
            push_in_form_order(&mut errors, f, e);
        }
        return Err(errors);
    }
    let inputs = Inputs {
        training,
        maintenance,
        baseline,
        finetuned,
        requests,
        // Checked above: a whole number from 1 to 600.
        months: months as u32,
        retrain_cost: operations.map_or(0.0, |o| o.retrain_cost),
        retrain_per_year: operations.map_or(0.0, |o| o.retrain_per_year),
        accuracy_gain,
        error_value,
        growth: growth / 100.0,
        discount: discount / 100.0,
        base_serving,
        ft_serving,
    };
    Ok(Parsed {
        inputs,
        tokens,
        investment,
        operations,
        sensitivity,
        display,
        fx_rate: parse_fx_rate(raw),
        ranges,
        unit_gpus,
    })
}

/// Validates the ranges on the estimates and the simulation's settings. An empty end is no range on that side. Growth's ends are in
/// points and must enclose `growth` (% per month, when it is valid). The
/// ends of an input that `uses` does not use (a serving rate in another
/// mode) are neither read nor checked: no range.
fn parse_ranges(
    raw: &RawInputs,
    growth: Option<f64>,
    uses: &Inputs,
) -> Result<Ranges, FieldErrors> {
    let mark = raw.decimal_mark();
    let mut errors = Vec::new();
    let mut ranges = Ranges::default();
    let mut end = |field: Field| {
        let text = raw.get(field);
        if text.trim().is_empty() {
            return None;
        }
        parse_field(field, text, mark)
            .map_err(|e| push_in_form_order(&mut errors, field, e))
            .ok()
    };
    for (k, r) in RANGED.iter().enumerate() {
        if (r.used)(uses) {
            ranges.ends[k] = (end(r.low), end(r.high));
        }
    }
    let draws = parse_field(Field::McDraws, raw.get(Field::McDraws), mark);
    let seed = parse_field(Field::McSeed, raw.get(Field::McSeed), mark);
    for (field, value) in [(Field::McDraws, draws), (Field::McSeed, seed)] {
        if let Err(e) = value {
            push_in_form_order(&mut errors, field, e);
        }
    }
    // Checked by `parse_field`: whole numbers within their limits.
    ranges.draws = draws.unwrap_or(1e4) as u32;
    ranges.seed = seed.unwrap_or(1.0) as u64;
    if let Some(g) = growth {
        // Quoted as the scenario's format writes decimals.
        let quoted = Echo::new(&crate::core::present::float::display(g).replacen(
            '.',
            &mark.char().to_string(),
            1,
        ));
        for (k, r) in RANGED.iter().enumerate() {
            if r.ends != Ends::Absolute {
                continue;
            }
            let (low, high) = ranges.ends[k];
            if let (Some(low), Some(q)) = (low, quoted) {
                if low > g {
                    push_in_form_order(&mut errors, r.low, InputError::AboveGrowth(q));
                }
            }
            if let (Some(high), Some(q)) = (high, quoted) {
                if high < g {
                    push_in_form_order(&mut errors, r.high, InputError::BelowGrowth(q));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(ranges)
    } else {
        Err(errors)
    }
}

/// Validates a scenario and returns the model's inputs.
pub fn parse_inputs(raw: &RawInputs) -> Result<Inputs, FieldErrors> {
    parse_scenario(raw).map(|p| p.inputs)
}

/// The text one arrow-key step away from `text`: up by the field's step
/// (ten steps with `big`), or down when `up` is false, kept within the
/// field's limits and written with no more decimals than the step or the
/// text need, with the number format's decimal `mark`. `None` when `text`
/// is not a valid value to step from.
pub fn step_text(
    field: Field,
    text: &str,
    up: bool,
    big: bool,
    mark: DecimalMark,
) -> Option<String> {
    let v = parse_field(field, text, mark).ok()?;
    let step = field.step() * if big { 10.0 } else { 1.0 };
    let (low, high) = match field.kind() {
        Kind::Months => (1.0, f64::from(MAX_MONTHS)),
        Kind::Bounded(max) => (0.0, f64::from(max)),
        Kind::Signed(max) => (-f64::from(max), f64::from(max)),
        Kind::Choice(_) => return None,
        // Serving costs.
        Kind::Whole(max) => (0.0, f64::from(max)),
        Kind::Between(low, high) => (f64::from(low), f64::from(high)),
        Kind::Positive => (MIN_NONZERO, MAX_VALUE),
        // a model label is not a number.
        Kind::Label => return None,
        Kind::End(low, high) => (f64::from(low), f64::from(high)),
        Kind::WholeIn(low, high) => (low as f64, high as f64),
        _ => (0.0, MAX_VALUE),
    };
    // max/min, not `f64::clamp`: its assertion would bring the standard
    // library's float formatting into the page's first wasm module.
    let next = (if up { v + step } else { v - step }).max(low).min(high);
    let decimals_of = |s: &str| s.split_once(['.', ',']).map_or(0, |(_, d)| d.len());
    let step_decimals = decimals_of(&crate::core::present::float::display(field.step()));
    let text_decimals = if text.contains(['e', 'E']) {
        0
    } else {
        decimals_of(text.trim())
    };
    let decimals = step_decimals.max(text_decimals).min(12);
    let mut out = crate::core::present::float::fixed(next, decimals);
    if out.contains('.') {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
    // Written as the format writes decimals: a comma never reads as a
    // grouped thousand, and a German keyboard's decimal key keeps working.
    if mark == DecimalMark::Comma {
        out = out.replacen('.', ",", 1);
    }
    Some(out)
}

impl Inputs {
    /// The inputs as direct-entry field text that reads back to exactly
    /// these values (Rust's shortest round-trip form, never an exponent).
    /// Retraining, which only the operations builder models, is written
    /// there.
    pub fn to_raw(&self) -> RawInputs {
        let mut raw = RawInputs::example();
        let mut set = |f: Field, v: f64| raw.set(f, crate::core::present::float::display(v));
        set(Field::Training, self.training);
        set(Field::Maintenance, self.maintenance);
        set(Field::Baseline, self.baseline);
        set(Field::Finetuned, self.finetuned);
        set(Field::Requests, self.requests);
        set(Field::Months, f64::from(self.months));
        set(Field::AccuracyGain, self.accuracy_gain);
        set(Field::ErrorValue, self.error_value);
        set(Field::Growth, self.growth * 100.0);
        set(Field::Discount, self.discount * 100.0);
        if self.retrain_cost != 0.0 || self.retrain_per_year != 0.0 {
            set(Field::Monitoring, self.maintenance);
            set(Field::SupportHours, 0.0);
            set(Field::RetrainCost, self.retrain_cost);
            set(Field::RetrainPerYear, self.retrain_per_year);
            raw.set(Field::MaintenanceMode, "itemized");
        }
        // Serving costs: each side's mode and its fields.
        for (serving, f) in [
            (self.base_serving, Field::BASE_SERVING),
            (self.ft_serving, Field::FT_SERVING),
        ] {
            raw.set(f[0], serving.name());
            match serving {
                Serving::PerToken => {}
                Serving::Hourly {
                    rate,
                    hours,
                    deployments,
                } => {
                    raw.set(f[1], rate.to_string());
                    raw.set(f[2], hours.to_string());
                    raw.set(f[3], deployments.to_string());
                }
                Serving::Capacity(c) => {
                    raw.set(f[4], c.unit_rate.to_string());
                    raw.set(f[5], c.unit_rps.to_string());
                    raw.set(f[6], c.peak_factor.to_string());
                    raw.set(f[7], c.min_units.to_string());
                    raw.set(f[8], c.unit_hours.to_string());
                }
            }
        }
        raw
    }
}
