//! Reading a number as a user typed it, in the scenario's number format:
//! the decimal mark ([`DecimalMark`]), thousands separators refused with the
//! fix written in the user's format, and every message a field can show
//! ([`InputError`]).

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
    /// Above [`MAX_VALUE`](super::field::MAX_VALUE).
    #[error("Enter at most 1,000,000,000,000,000 (1e15).")]
    TooLarge,
    /// Positive but below [`MIN_NONZERO`](super::field::MIN_NONZERO).
    #[error("Enter 0 or at least 0.000000001 (1e-9).")]
    TooSmall,
    /// A horizon with a fractional part.
    #[error("Enter a whole number of months.")]
    NotWholeMonths,
    /// A horizon outside 1 to [`MAX_MONTHS`](super::field::MAX_MONTHS) (negative ones included).
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
    // Serving costs.
    /// Not a whole number from 0 to the given maximum (deployments, units).
    #[error("Enter a whole number from 0 to {}.", grouped(u64::from(*.0)))]
    NotWhole(u32),
    /// Not above zero (at least [`MIN_NONZERO`](super::field::MIN_NONZERO)), where zero means nothing (throughput).
    #[error("Enter a number above 0 (at least 0.000000001).")]
    NotPositive,
    /// Outside the field's range from the first bound to the second.
    #[error("Enter a number from {0} to {1}.")]
    OutsideBetween(u32, u32),
    // the ends of a range and the simulation's settings.
    /// Outside a range end's limits (`−100` to `0` for a low end).
    #[error("Enter a number from {} to {}.", signed(*.0), signed(*.1))]
    Between(i32, i32),
    /// Not a whole number within the limits (draws, seed).
    #[error("Enter a whole number from {} to {}.", grouped(*.0), grouped(*.1))]
    WholeBetween(u64, u64),
    /// A low end of growth above the growth itself (quoted).
    #[error("Enter at most the monthly growth, {0}.")]
    AboveGrowth(Echo),
    /// A high end of growth below the growth itself (quoted).
    #[error("Enter at least the monthly growth, {0}.")]
    BelowGrowth(Echo),
    /// A low end of a range on throughput outside −99 to 0
    /// ([`THROUGHPUT_LOW`](super::field::THROUGHPUT_LOW)): a
    /// throughput of 0 serves nothing.
    #[error("Enter a number from −99 to 0: a throughput of 0 serves nothing.")]
    ThroughputEnd,
    // the model's end of life.
    /// Not a calendar month written `YYYY-MM` with a month from 01 to 12.
    #[error("Enter a month as YYYY-MM, like 2027-03 (month 01 to 12), or leave it empty.")]
    NotAMonth,
    // every term of a real bill.
    /// A share of input written to the cache that, with the cached share,
    /// passes 100% of the input: the most it can be (quoted).
    #[error("Enter at most {0}: cached and written input together are at most 100% of the input.")]
    CacheOverShare(Echo),
    // options side by side (issue 28).
    /// An option's kind that is none of the kinds.
    #[error("Choose model, rag, finetune or distill.")]
    UnknownKind,
    /// An option's name over 60 characters.
    #[error("Enter at most 60 characters.")]
    NameTooLong,
}

/// A whole number with comma thousands separators: `100,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number with its sign written as a minus sign (U+2212) and comma
/// thousands separators: `−100`, `1,000`.
fn signed(n: i32) -> String {
    let sign = if n < 0 { "\u{2212}" } else { "" };
    format!("{sign}{}", grouped(u64::from(n.unsigned_abs())))
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

/// Reads a number as typed (already trimmed and not empty) in a number
/// format with decimal `mark`: a plain decimal number, or the error whose
/// message says how to write it. A leading Unicode minus (U+2212) or dash is
/// a minus sign.
pub fn parse_number(t: &str, mark: DecimalMark) -> Result<f64, InputError> {
    // A leading Unicode minus (U+2212) or dash is still a negative number to
    // the reader: read it as `-`, so that the number keeps its sign in the
    // messages and `−-5` is not a number.
    if let Some(rest) = t.strip_prefix(['\u{2212}', '\u{2013}']) {
        return parse_plain(&format!("-{}", rest.trim_start()), mark);
    }
    parse_plain(t, mark)
}

/// Whether every byte may belong to a number Rust's parser reads
/// ([`crate::core::present::float::parse`] reads as it does).
fn is_plain(t: &str) -> bool {
    t.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
}

/// A plain decimal number: optional sign, digits with an optional point (or
/// a single comma, with a decimal comma), optional exponent. Rust's parser
/// alone would also take `inf` and `NaN`.
fn parse_plain(t: &str, mark: DecimalMark) -> Result<f64, InputError> {
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
        if let Some(v) = crate::core::present::float::parse(t) {
            return finite(v);
        }
    }
    // With one comma and no point, the comma is the decimal mark: read in a
    // format that writes one, pointed to the point in one that does not
    // (unless it can only group thousands, like `1,000`).
    let pointed = t.replacen(',', ".", 1);
    let comma_decimal = t.matches(',').count() == 1 && !t.contains('.') && is_plain(&pointed);
    if comma_decimal && mark == DecimalMark::Comma {
        return crate::core::present::float::parse(&pointed)
            .ok_or(InputError::NotANumber)
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
        if let Some(v) = crate::core::present::float::parse(&pointed) {
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
