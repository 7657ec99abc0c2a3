//! From the text the user typed to validated [`Inputs`]. Raw text is kept as
//! typed (so nothing is lost); only validated numbers reach the model.
//! Numbers are read by [`super::number`] with the decimal mark of the
//! scenario's own number format ([`DecimalMark`]), so a link or file reads
//! the same for everyone; this module checks each value against its field's
//! limits. A scenario is read section by section (`sections`: the modes
//! decide which fields each reads), and every invalid field's message goes
//! into one map, [`Errors`], returned beside the valid scenario
//! ([`Checked`]).

mod options;
mod sections;

pub use options::{used_terms, ParsedOption, MAX_NAME_LEN};

use super::builders::{Investment, Operations};
use super::field::{
    push_in_form_order, Field, Kind, COUNT, MAX_MONTHS, MAX_VALUE, MIN_NONZERO, THROUGHPUT_LOW,
};
use super::number::parse_number;
pub use super::number::{DecimalMark, Echo, InputError};
use crate::core::model::serving::Serving;
use crate::core::model::uncertainty::Ranges;
use crate::core::model::Inputs;
use sections::Reader;

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
    // A calendar month: its month index.
    if field.kind() == Kind::YearMonth {
        return match crate::core::model::lifecycle::month_index(t) {
            Some(m) => Ok(m as f64),
            None if t.is_empty() => Err(InputError::Empty),
            None => Err(InputError::NotAMonth),
        };
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

/// Every field's error, in form order: what [`parse_inputs`] returns.
pub type FieldErrors = Vec<(Field, InputError)>;

/// The one map of a scenario's errors: each invalid field's message, kept
/// in field (form) order. The figures' fields and the settings that hide
/// only their own chart or section (the sensitivity range, the exchange
/// rate, the ranges on the estimates) all report here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors(FieldErrors);

impl Errors {
    /// Records `error` as the message of `field`, in form order; a field
    /// keeps its first message.
    pub fn insert(&mut self, field: Field, error: InputError) {
        if self.get(field).is_none() {
            push_in_form_order(&mut self.0, field, error);
        }
    }

    /// The message of `field`, if it is invalid.
    pub fn get(&self, field: Field) -> Option<InputError> {
        self.0.iter().find(|(f, _)| *f == field).map(|&(_, e)| e)
    }

    /// Whether no field is invalid.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each invalid field and its message, in form order.
    pub fn as_slice(&self) -> &[(Field, InputError)] {
        &self.0
    }

    /// Each invalid field and its message, in form order.
    pub fn into_vec(self) -> FieldErrors {
        self.0
    }
}

pub use crate::core::inputs::builders::TokenCosts;

/// A validated scenario: the model's inputs, the builders' breakdowns for
/// the sections built from parts, and the settings that are valid (an
/// invalid one is `None`, its message in [`Checked::errors`]).
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
    /// How far each input moves in the sensitivity chart, as a fraction;
    /// `None` when its field is invalid, which hides that chart only.
    pub sensitivity: Option<f64>,
    /// The display currency and locale.
    pub display: crate::core::present::format::Display,
    /// The ranges on the estimates and the simulation's settings; `None`
    /// when one of their fields is invalid, which hides the simulation
    /// only.
    pub ranges: Option<Ranges>,
    /// The exchange rate for catalogue prices; `None` when the field is
    /// empty or invalid (which leaves the figures be).
    pub fx_rate: Option<f64>,
    /// GPUs in one capacity unit, baseline then fine-tuned: a
    /// whole number from 1 to 1,000 in capacity mode, 1 otherwise.
    pub unit_gpus: [f64; 2],
    /// The picked fine-tuned model's shutdown against the horizon, when a
    /// start month is set and the catalogue knows the shutdown (issue 27).
    pub shutdown: Option<crate::core::catalogue::lifecycle::Shutdown>,
    /// Options 3 to 6 the user added, in number order (issue 28); an
    /// option with an invalid field has no approach, the rest stand.
    pub options: Vec<ParsedOption>,
}

/// What validating a scenario gives: every invalid field's message in one
/// map, beside the valid scenario when the figures can be computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// Every invalid field's message, in form order.
    pub errors: Errors,
    /// The validated scenario; `None` when a field the figures read is
    /// invalid. An invalid setting (the sensitivity range, the exchange
    /// rate, a range on an estimate) leaves it be.
    pub parsed: Option<Parsed>,
}

impl Checked {
    /// The message of `field`, if its text is invalid.
    pub fn error(&self, field: Field) -> Option<InputError> {
        self.errors.get(field)
    }

    /// Every error, when they leave no figures; `None` when the figures
    /// can be computed.
    pub fn blocking(&self) -> Option<&Errors> {
        self.parsed.is_none().then_some(&self.errors)
    }

    /// The errors that damage a link or an imported file: every error when
    /// they leave no figures, otherwise those of the ranges, the
    /// simulation's settings and options 3 to 6 (a bad sensitivity range or
    /// exchange rate is only that field's message).
    pub fn damaging(&self) -> FieldErrors {
        let all = self.parsed.is_none();
        let damaging = |f: Field| {
            all || crate::core::model::uncertainty::is_simulation_field(f) || f.is_option_field()
        };
        self.errors
            .as_slice()
            .iter()
            .filter(|(f, _)| damaging(*f))
            .copied()
            .collect()
    }

    /// The validated scenario, or every error when they leave no figures:
    /// the figures' view of a scenario, which [`parse_inputs`] gives.
    pub fn into_result(self) -> Result<Parsed, FieldErrors> {
        self.parsed.ok_or(self.errors.into_vec())
    }
}

/// The value of a field that may be left empty: `None` when it is empty.
fn optional_field(
    field: Field,
    raw: &RawInputs,
    mark: DecimalMark,
) -> Result<Option<f64>, InputError> {
    let text = raw.get(field);
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_field(field, text, mark).map(Some)
}

/// The exchange rate typed in `fx_rate`: `None` when empty.
pub fn parse_fx_rate(raw: &RawInputs) -> Result<Option<f64>, InputError> {
    optional_field(Field::FxRate, raw, raw.decimal_mark())
}

impl Parsed {
    /// What the simulation draws from: the model's inputs and the token
    /// bills, in token cost mode.
    pub fn case(&self) -> crate::core::model::uncertainty::Case {
        let mut options = [None; crate::core::model::uncertainty::ADDED];
        for o in &self.options {
            if let (Some(a), Some(slot)) = (o.approach, options.get_mut(o.number.wrapping_sub(3))) {
                *slot = Some(crate::core::model::uncertainty::AddedOption::new(
                    a,
                    o.fallback,
                    self.inputs.baseline,
                ));
            }
        }
        crate::core::model::uncertainty::Case {
            inputs: self.inputs,
            tokens: self.tokens,
            options,
        }
    }

    /// Every option of the scenario by number, for
    /// [`side_by_side`](crate::core::model::options::side_by_side): the
    /// two sides as options 1 and 2, then the added ones (`None` while one
    /// of an added option's fields is invalid).
    pub fn option_approaches(&self) -> Vec<(usize, Option<crate::core::model::Approach>)> {
        let mut all = vec![
            (1, Some(self.inputs.baseline_approach())),
            (2, Some(self.inputs.finetuned_approach())),
        ];
        all.extend(self.options.iter().map(|o| (o.number, o.approach)));
        all
    }

    /// Tokens a month implied by the scenario (requests × the baseline's
    /// input and output tokens per request), when costs are built from
    /// tokens.
    pub fn monthly_tokens(&self) -> Option<f64> {
        self.tokens.map(|t| {
            self.inputs.requests * (t.baseline_side.input_tokens + t.baseline_side.output_tokens)
        })
    }

    /// The scenario before any section is read: each section writes its
    /// own part.
    const BLANK: Parsed = Parsed {
        inputs: Inputs::EXAMPLE,
        tokens: None,
        investment: None,
        operations: None,
        sensitivity: None,
        display: crate::core::present::format::Display::DEFAULT,
        ranges: None,
        fx_rate: None,
        unit_gpus: [1.0; 2],
        shutdown: None,
        options: Vec::new(),
    };
}

/// Validates the fields a scenario uses, section by section: the modes
/// decide which fields each reads. Every error
/// goes to one map, returned beside the valid scenario; an error in a
/// field the figures read leaves no scenario, an error in a setting only
/// that setting. Options 3 to 6 are read last ([`Parsed::options`]).
pub fn parse_scenario(raw: &RawInputs) -> Checked {
    let (mut read, mut parsed, figures) = sides(raw);
    options::options(&mut read, &mut parsed);
    checked(read, parsed, figures)
}

/// A scenario's reader: [`parse_scenario`], or [`parse_sides`] where
/// options 3 to 6 are left for later.
pub type ReadScenario = fn(&RawInputs) -> Checked;

/// [`parse_scenario`] without options 3 to 6: their fields are neither
/// read nor checked ([`Parsed::options`] is empty, and their ranges are
/// not read). The page's first wasm module reads a scenario with this
/// until the options' chunk arrives (issue 28: the first module does not
/// carry the options' reader); every figure of options 1 and 2 is the
/// same as [`parse_scenario`]'s.
pub fn parse_sides(raw: &RawInputs) -> Checked {
    let (read, parsed, figures) = sides(raw);
    checked(read, parsed, figures)
}

/// The sections of options 1 and 2 and the settings, read: what is left
/// to read, the scenario so far, and whether the figures can be computed.
fn sides(raw: &RawInputs) -> (Reader<'_>, Parsed, bool) {
    let mut read = Reader::new(raw);
    let mut parsed = Parsed::BLANK;
    for section in sections::FIGURES {
        section(&mut read, &mut parsed);
    }
    let figures = read.is_clean();
    for section in sections::SETTINGS {
        section(&mut read, &mut parsed);
    }
    (read, parsed, figures)
}

fn checked(read: Reader, parsed: Parsed, figures: bool) -> Checked {
    Checked {
        errors: read.finish(),
        parsed: figures.then_some(parsed),
    }
}

/// Validates a scenario and returns the model's inputs.
pub fn parse_inputs(raw: &RawInputs) -> Result<Inputs, FieldErrors> {
    parse_scenario(raw).into_result().map(|p| p.inputs)
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
        // a calendar month is typed, not stepped.
        Kind::YearMonth => return None,
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
