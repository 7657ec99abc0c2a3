//! From the text the user typed to validated [`Inputs`]. Raw text is kept as
//! typed (so nothing is lost); only validated numbers reach the model.
//! Numbers are read with the decimal mark of the scenario's own number
//! format ([`DecimalMark`]), so a link or file reads the same for everyone.

use super::builders::{
    self, Compute, Investment, InvestmentItems, Operations, RequestCost, TokenSide,
};
use super::field::{push_in_form_order, Field, Kind, COUNT, MAX_MONTHS, MAX_VALUE, MIN_NONZERO};
use super::model::Inputs;

/// Why a field's text is not a valid value. The `Display` text is the inline
/// message shown next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Nothing but whitespace.
    #[error("Enter a value.")]
    Empty,
    /// Not a decimal number at all.
    #[error("Enter a plain number, like 2500 or 0.012.")]
    NotANumber,
    /// Digits grouped with separators, like `1,000`, `1.000.000` or
    /// `1 000`: what to write instead (in the number format's decimal
    /// mark), and what was typed.
    #[error("Leave out thousands separators: write {0}, not {1}.")]
    Grouped(Echo, Echo),
    /// A comma as the decimal mark in a number format that writes a point,
    /// like `0,02`: the number written with a point.
    #[error("Write decimals with a point: {0}.")]
    DecimalComma(Echo),
    /// In a number format with a decimal comma, a point before exactly three
    /// digits (`1.000`, `12.500`) may group thousands or mark decimals: the
    /// integer part (with its sign) and the three digits.
    #[error("Write {0}{1:03} if the point groups thousands, or {0},{1:03} if it marks decimals.")]
    Ambiguous(i16, u16),
    /// `NaN`, `Infinity`, or a number too large to represent, like `1e999`.
    #[error("Enter a finite number.")]
    NotFinite,
    /// Below zero in a field whose range starts at zero.
    #[error("Enter 0 or a positive number.")]
    Negative,
    /// Above [`MAX_VALUE`].
    #[error("Enter at most 1,000,000,000,000,000 (1e15).")]
    TooLarge,
    /// Positive but below [`MIN_NONZERO`].
    #[error("Enter 0 or at least 0.000000001 (1e-9).")]
    TooSmall,
    /// A horizon with a fractional part.
    #[error("Enter a whole number of months.")]
    NotWholeMonths,
    /// A horizon outside 1 to [`MAX_MONTHS`] (negative ones included).
    #[error("Enter 1 to 600 months.")]
    MonthsOutOfRange,
    /// Outside 0 to a bounded field's maximum (negative values included).
    #[error("Enter a number from 0 to {0}.")]
    OutsideBounds(u32),
    /// Outside a signed field's range.
    #[error("Enter a number from −{0} to {0}.")]
    OutsideRange(u32),
    /// Not one of a choice field's options.
    #[error("Choose one of the options.")]
    NotAnOption,
}

/// A short text quoted by a message (what was typed, what to write
/// instead), kept inline so that errors stay `Copy` and cheap to compare.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Echo {
    len: u8,
    bytes: [u8; Echo::CAPACITY],
}

impl Echo {
    /// The longest text an echo holds, in bytes; a longer number is
    /// answered with a short example instead.
    pub const CAPACITY: usize = 32;

    /// `text`, when it fits.
    pub fn new(text: &str) -> Option<Echo> {
        let len = text.len();
        (len <= Echo::CAPACITY).then(|| {
            let mut bytes = [0; Echo::CAPACITY];
            bytes[..len].copy_from_slice(text.as_bytes());
            Echo {
                len: len as u8,
                bytes,
            }
        })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Always whole UTF-8: `new` copies a whole `&str`.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Display for Echo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Echo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The decimal mark of a number format, which decides how typed numbers
/// are read. A point is the decimal mark in every format, so plain numbers
/// (in links, files, the examples) mean the same everywhere; a format that
/// writes decimals with a comma also takes a single comma as the mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DecimalMark {
    /// `0.5` only (en-US, en-GB, en-IN, ja-JP, zh-CN).
    #[default]
    Point,
    /// `0,5` as well as `0.5` (de-DE, fr-FR, es-ES, pt-BR).
    Comma,
}

impl DecimalMark {
    /// The mark of the number format `tag` (a `locale` option); a point for
    /// anything else, like the default format.
    pub fn of_locale(tag: &str) -> DecimalMark {
        match tag.trim() {
            "de-DE" | "fr-FR" | "es-ES" | "pt-BR" => DecimalMark::Comma,
            _ => DecimalMark::Point,
        }
    }

    /// The character the format writes between whole and fraction.
    pub const fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }
}

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
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    // A leading Unicode minus (U+2212) or dash is still a negative number to
    // the reader: read it as `-`, so that the number keeps its sign in the
    // messages and `−-5` is not a number.
    if let Some(rest) = t.strip_prefix(['\u{2212}', '\u{2013}']) {
        return check(
            field,
            parse_number(&format!("-{}", rest.trim_start()), mark)?,
        );
    }
    check(field, parse_number(t, mark)?)
}

/// Whether every byte may belong to a number Rust's parser reads.
fn is_plain(t: &str) -> bool {
    t.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
}

/// A plain decimal number: optional sign, digits with an optional point (or
/// a single comma, with a decimal comma), optional exponent. Rust's parser
/// alone would also take `inf` and `NaN`.
fn parse_number(t: &str, mark: DecimalMark) -> Result<f64, InputError> {
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned.starts_with("inf") || unsigned.starts_with("nan") {
        return Err(InputError::NotFinite);
    }
    let finite = |v: f64| {
        if v.is_finite() {
            Ok(v)
        } else {
            Err(InputError::NotFinite)
        }
    };
    if is_plain(t) {
        if mark == DecimalMark::Comma {
            if let Some(e) = ambiguous(t) {
                return Err(e);
            }
        }
        if let Ok(v) = t.parse::<f64>() {
            return finite(v);
        }
    }
    // With one comma and no point, the comma is the decimal mark: read in a
    // format that writes one, pointed to the point in one that does not
    // (unless it can only group thousands, like `1,000`).
    let pointed = t.replacen(',', ".", 1);
    let comma_decimal = t.matches(',').count() == 1 && !t.contains('.') && is_plain(&pointed);
    if comma_decimal && mark == DecimalMark::Comma {
        return pointed
            .parse::<f64>()
            .map_err(|_| InputError::NotANumber)
            .and_then(finite);
    }
    // A number too long to quote (see [`Echo::CAPACITY`]) is answered
    // with a short example instead.
    if let Some(plain) = ungrouped(t, mark) {
        let sep = t
            .trim_start_matches(['+', '-'])
            .chars()
            .find(|c| !c.is_ascii_digit());
        let short = format!("1{}000", sep.unwrap_or(','));
        let echoes = Echo::new(&plain)
            .zip(Echo::new(t))
            .or_else(|| Echo::new("1000").zip(Echo::new(&short)));
        return Err(echoes.map_or(InputError::NotANumber, |(plain, typed)| {
            InputError::Grouped(plain, typed)
        }));
    }
    if comma_decimal {
        if let Ok(v) = pointed.parse::<f64>() {
            finite(v)?;
            let echo = Echo::new(&pointed).or_else(|| Echo::new("0.5"));
            return Err(echo.map_or(InputError::NotANumber, InputError::DecimalComma));
        }
    }
    Err(InputError::NotANumber)
}

/// With a decimal comma, text that reads as a grouped thousand (one to
/// three digits, not starting with 0, a point and exactly three digits,
/// like `1.000` or `12.500`) could mean either; the error that says so.
fn ambiguous(t: &str) -> Option<InputError> {
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (whole, fraction) = body.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=3).contains(&whole.len())
        || whole.starts_with('0')
        || fraction.len() != 3
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    let whole: i16 = whole.parse().ok()?;
    let fraction: u16 = fraction.parse().ok()?;
    Some(InputError::Ambiguous(
        if negative { -whole } else { whole },
        fraction,
    ))
}

/// Separators people group thousands with: comma, point, space, no-break
/// space and narrow no-break space (as fr-FR writes them).
const SEPARATORS: [char; 5] = [',', '.', ' ', '\u{a0}', '\u{202f}'];

/// When `t` is digits grouped by one separator (`1,000`, `1.000.000,5`,
/// `12,50,000` as en-IN writes it, `1 000`), the number without its
/// separators, its decimals after `mark`: what to write instead.
fn ungrouped(t: &str, mark: DecimalMark) -> Option<String> {
    let (sign, body) = match t.strip_prefix(['+', '-']) {
        Some(rest) => (&t[..1], rest),
        None => ("", t),
    };
    let mut out = String::from(sign);
    let mut groups = 0;
    let mut sep = None;
    let mut chars = body.chars().peekable();
    loop {
        let mut len = 0;
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            out.push(d);
            len += 1;
        }
        // The first group has one to three digits and no leading zero; the
        // others (Indian grouping has pairs) two or three.
        let ok = if groups == 0 {
            (1..=3).contains(&len) && !out[sign.len()..].starts_with('0')
        } else {
            (2..=3).contains(&len)
        };
        if !ok {
            return None;
        }
        groups += 1;
        match chars.next() {
            // The last group of a grouped whole part has three digits.
            None => return (groups > 1 && len == 3).then_some(out),
            Some(c) if sep.is_none() && SEPARATORS.contains(&c) => sep = Some(c),
            Some(c) if sep == Some(c) => {}
            Some(',' | '.') if groups > 1 && len == 3 => {
                // The decimals after a grouped whole part.
                let decimals: String = chars.collect();
                if decimals.is_empty() || !decimals.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                out.push(mark.char());
                out.push_str(&decimals);
                return Some(out);
            }
            Some(_) => return None,
        }
    }
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
#[derive(Clone, Copy, Debug, PartialEq)]
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
    pub display: super::format::Display,
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
    let display = super::format::Display {
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
    if !errors.is_empty() {
        // A bad range is reported with the other fields' errors too.
        if let Err(e) = sensitivity {
            push_in_form_order(&mut errors, Field::Sensitivity, e);
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
    };
    Ok(Parsed {
        inputs,
        tokens,
        investment,
        operations,
        sensitivity,
        display,
    })
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
        _ => (0.0, MAX_VALUE),
    };
    let next = (if up { v + step } else { v - step }).clamp(low, high);
    let decimals_of = |s: &str| s.split_once(['.', ',']).map_or(0, |(_, d)| d.len());
    let step_decimals = decimals_of(&format!("{}", field.step()));
    let text_decimals = if text.contains(['e', 'E']) {
        0
    } else {
        decimals_of(text.trim())
    };
    let decimals = step_decimals.max(text_decimals).min(12);
    let mut out = format!("{next:.decimals$}");
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
        let mut set = |f: Field, v: f64| raw.set(f, v.to_string());
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
        raw
    }
}
