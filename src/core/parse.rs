//! From the text the user typed to validated [`Inputs`]. Raw text is kept as
//! typed (so nothing is lost); only validated numbers reach the model.

use super::field::{Field, Kind, MAX_MONTHS, MAX_VALUE, MIN_NONZERO};
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
    /// Digits grouped with commas, like `1,000`.
    #[error("Leave out thousands separators: write 1000, not 1,000.")]
    Grouped,
    /// `NaN`, `Infinity`, or a number too large to represent, like `1e999`.
    #[error("Enter a finite number.")]
    NotFinite,
    /// Below zero.
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
    /// A horizon outside 1 to [`MAX_MONTHS`].
    #[error("Enter 1 to 600 months.")]
    MonthsOutOfRange,
}

/// The text of each field, exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RawInputs(pub [String; 6]);

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
}

impl Default for RawInputs {
    fn default() -> Self {
        RawInputs::example()
    }
}

/// Parses one field's text. Surrounding whitespace is ignored; anything else
/// that is not a plain decimal number within the field's limits is an error.
pub fn parse_field(field: Field, text: &str) -> Result<f64, InputError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    // A leading Unicode minus (U+2212) or dash is still a negative number to
    // the reader; say so rather than "not a number".
    if let Some(rest) = t.strip_prefix(['\u{2212}', '\u{2013}']) {
        let v = parse_number(rest.trim_start())?;
        return if v == 0.0 {
            check(field, 0.0)
        } else {
            Err(InputError::Negative)
        };
    }
    check(field, parse_number(t)?)
}

/// A plain decimal number: optional sign, digits with an optional point,
/// optional exponent. Rust's parser alone would also take `inf` and `NaN`.
fn parse_number(t: &str) -> Result<f64, InputError> {
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned.starts_with("inf") || unsigned.starts_with("nan") {
        return Err(InputError::NotFinite);
    }
    let plain = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !plain {
        let grouped = t.contains(',')
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'+' | b'-'));
        return Err(if grouped {
            InputError::Grouped
        } else {
            InputError::NotANumber
        });
    }
    let v: f64 = t.parse().map_err(|_| InputError::NotANumber)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(InputError::NotFinite)
    }
}

fn check(field: Field, v: f64) -> Result<f64, InputError> {
    // `-0` is zero, not a negative number.
    let v = if v == 0.0 { 0.0 } else { v };
    if v < 0.0 {
        return Err(InputError::Negative);
    }
    if field.kind() == Kind::Months {
        if v.fract() != 0.0 {
            return Err(InputError::NotWholeMonths);
        }
        if !(1.0..=f64::from(MAX_MONTHS)).contains(&v) {
            return Err(InputError::MonthsOutOfRange);
        }
        return Ok(v);
    }
    if v > MAX_VALUE {
        return Err(InputError::TooLarge);
    }
    if v > 0.0 && v < MIN_NONZERO {
        return Err(InputError::TooSmall);
    }
    Ok(v)
}

/// Every field's error, in form order.
pub type FieldErrors = Vec<(Field, InputError)>;

/// Validates all six fields: the inputs when every one is valid, otherwise
/// every field's error.
pub fn parse_inputs(raw: &RawInputs) -> Result<Inputs, FieldErrors> {
    let mut values = [0.0; 6];
    let mut errors = Vec::new();
    for field in Field::ALL {
        match parse_field(field, raw.get(field)) {
            Ok(v) => values[field.index()] = v,
            Err(e) => errors.push((field, e)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let [training, maintenance, baseline, finetuned, requests, months] = values;
    Ok(Inputs {
        training,
        maintenance,
        baseline,
        finetuned,
        requests,
        // Checked above: a whole number from 1 to 600.
        months: months as u32,
    })
}

/// The text one arrow-key step away from `text`: up by the field's step
/// (ten steps with `big`), or down when `up` is false, kept within the
/// field's limits and written with no more decimals than the step or the
/// text need. `None` when `text` is not a valid value to step from.
pub fn step_text(field: Field, text: &str, up: bool, big: bool) -> Option<String> {
    let v = parse_field(field, text).ok()?;
    let step = field.step() * if big { 10.0 } else { 1.0 };
    let (low, high) = match field.kind() {
        Kind::Months => (1.0, f64::from(MAX_MONTHS)),
        _ => (0.0, MAX_VALUE),
    };
    let next = (if up { v + step } else { v - step }).clamp(low, high);
    let decimals_of = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len());
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
    Some(out)
}

impl Inputs {
    /// The inputs written as field text that reads back to exactly these
    /// values (Rust's shortest round-trip form, never an exponent).
    pub fn to_raw(&self) -> RawInputs {
        RawInputs([
            self.training.to_string(),
            self.maintenance.to_string(),
            self.baseline.to_string(),
            self.finetuned.to_string(),
            self.requests.to_string(),
            self.months.to_string(),
        ])
    }
}
