//! How figures are written for people: money in the display currency with
//! its usual decimals (per-request costs with the precision they need),
//! percentages and months with two decimals, whole request counts.
//! Undefined values are words, never `NaN` or `Infinity`.
//!
//! The formatter is a value, [`Fmt`]: the display (currency and locale)
//! and the writer of digits, passed to every function that writes a
//! figure; nothing here is ambient state. Every method goes through
//! [`Fmt::write`], which hands the digits to a [`Writer`]: in the browser
//! that is `Intl.NumberFormat` for the chosen currency and locale;
//! natively, in tests and for the default display the built-in en-US
//! writer, which writes what Intl writes. What does not depend on the
//! display ([`raw`], [`data`], [`Escaped`]) stays a free function.

/// The minus sign used in figures (U+2212), which lines up with the plus
/// and reads better than a hyphen.
pub const MINUS: char = '\u{2212}';

/// A non-negative finite number as decimal digits: the shortest decimal
/// that reads back as the same `f64` (what `Intl.NumberFormat` starts
/// from), so 1.005 rounds to 1.01 and 1e23 is written as 1 and 23 zeros,
/// where `format!("{:.2}")` would round the binary value (1.00) and write
/// 1e23 as 99999999999999991611392.
#[derive(Clone, Debug)]
struct Decimal {
    /// Digits without leading or trailing zeros; empty for zero.
    digits: Vec<u8>,
    /// The value is `0.d₁d₂… × 10^point`.
    point: i32,
}

impl Decimal {
    fn of(x: f64) -> Decimal {
        // 1.005 → [1, 0, 0, 5] and 1, 5e-7 → [5] and −6 (what `{x:e}` writes).
        let (digits, point) = super::float::shortest(x);
        let mut d = Decimal { digits, point };
        d.normalize();
        d
    }

    fn normalize(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        let lead = self.digits.iter().take_while(|&&d| d == 0).count();
        self.digits.drain(..lead);
        self.point -= lead as i32;
        if self.digits.is_empty() {
            self.point = 0;
        }
    }

    /// Multiplies by `10^by`.
    fn shift(mut self, by: i32) -> Decimal {
        if !self.digits.is_empty() {
            self.point += by;
        }
        self
    }

    /// The power of ten of the first digit (2 for 123.4), `None` for zero.
    fn magnitude(&self) -> Option<i32> {
        (!self.digits.is_empty()).then_some(self.point - 1)
    }

    /// Rounds to `decimals` decimals (negative: to tens, hundreds…), a tie
    /// away from zero, as `Intl.NumberFormat` does.
    fn round(&mut self, decimals: i32) {
        let keep = self.point.saturating_add(decimals);
        if keep >= self.digits.len() as i32 {
            return;
        }
        if keep < 0 {
            self.digits.clear();
            self.point = 0;
            return;
        }
        let keep = keep as usize;
        let up = self.digits[keep] >= 5;
        self.digits.truncate(keep);
        if up {
            match self.digits.iter().rposition(|&d| d != 9) {
                Some(i) => {
                    self.digits.truncate(i + 1);
                    self.digits[i] += 1;
                }
                None => {
                    // All nines (or nothing kept): 0.96 → 1.0, 0.5 → 1.
                    self.digits = vec![1];
                    self.point += 1;
                }
            }
        }
        self.normalize();
    }

    /// The integer part with thousands separators (only from
    /// `min_grouping` digits on) and exactly `decimals` decimals, as is.
    fn write(&self, decimals: usize, min_grouping: usize) -> String {
        let digit = |i: i32| -> char {
            let d = usize::try_from(i).ok().and_then(|i| self.digits.get(i));
            char::from(b'0' + d.copied().unwrap_or(0))
        };
        // At least one integer digit: "0" below 1.
        let int_len = self.point.max(1);
        let mut out = String::with_capacity(int_len as usize * 4 / 3 + decimals + 1);
        for i in 0..int_len {
            if i > 0 && (int_len - i) % 3 == 0 && int_len as usize >= min_grouping {
                out.push(',');
            }
            out.push(digit(i - (int_len - self.point)));
        }
        if decimals > 0 {
            out.push('.');
            for i in 0..decimals as i32 {
                out.push(digit(self.point + i));
            }
        }
        out
    }
}

/// Trims trailing zeros of the fraction down to `min` decimals.
fn trim_zeros(mut s: String, min: usize) -> String {
    if let Some(dot) = s.find('.') {
        let keep = dot + 1 + min;
        while s.len() > keep && s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// Decimals needed to show `x` to six significant digits, at least `min`
/// and at most twelve.
fn significant_decimals(x: f64, min: usize) -> usize {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return min;
    }
    let magnitude = x.log10().floor() as i64; // 0.008 → -3, 2500 → 3
    let wanted = 5 - magnitude;
    wanted.clamp(min as i64, 12) as usize
}

/// The display currencies: ISO code, symbol (as en-US writes it) and the
/// currency's usual decimals. Figures are in whatever currency the user
/// enters; choosing one converts nothing.
pub const CURRENCIES: [(&str, &str, usize); 8] = [
    ("USD", "$", 2),
    ("EUR", "€", 2),
    ("GBP", "£", 2),
    ("JPY", "¥", 0),
    ("INR", "₹", 2),
    ("CNY", "CN¥", 2),
    ("CAD", "CA$", 2),
    ("AUD", "A$", 2),
];

/// The number locales offered (BCP 47 tags).
pub const LOCALES: [&str; 9] = [
    "en-US", "en-GB", "en-IN", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP", "zh-CN",
];

/// How figures are displayed: currency and number locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Display {
    /// Index into [`CURRENCIES`].
    pub currency: usize,
    /// Index into [`LOCALES`].
    pub locale: usize,
}

impl Display {
    /// US dollars, en-US: the default.
    pub const DEFAULT: Display = Display {
        currency: 0,
        locale: 0,
    };

    /// The display for a currency code and locale tag; unknown values fall
    /// back to the defaults.
    pub fn from_codes(currency: &str, locale: &str) -> Display {
        Display {
            currency: CURRENCIES
                .iter()
                .position(|c| c.0.eq_ignore_ascii_case(currency.trim()))
                .unwrap_or(0),
            locale: LOCALES
                .iter()
                .position(|l| l.eq_ignore_ascii_case(locale.trim()))
                .unwrap_or(0),
        }
    }

    /// The ISO currency code.
    pub fn currency_code(self) -> &'static str {
        CURRENCIES[self.currency.min(CURRENCIES.len() - 1)].0
    }

    /// The locale tag.
    pub fn locale_tag(self) -> &'static str {
        LOCALES[self.locale.min(LOCALES.len() - 1)]
    }

    fn digits(self) -> usize {
        CURRENCIES[self.currency.min(CURRENCIES.len() - 1)].2
    }
}

/// What kind of number to write, and with how many decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Spec {
    /// Money in the display currency.
    pub currency: bool,
    /// A percentage (the value is in percent: 159.46 means 159.46%).
    pub percent: bool,
    /// Compact notation for axis labels (12k, 1.5M).
    pub compact: bool,
    /// Fewest decimals.
    pub min: usize,
    /// Most decimals.
    pub max: usize,
}

/// Writes a non-negative finite number per a [`Spec`] for a [`Display`]
/// other than the default. The browser supplies one backed by
/// `Intl.NumberFormat`; natively the built-in en-US writer ([`builtin`])
/// writes every display. A plain function, so a [`Fmt`] is `Copy`, `Send`
/// and `Sync` and a writer keeps whatever cache it needs on its side.
pub type Writer = fn(f64, Spec, Display) -> String;

/// The formatter: the display (currency and locale) and the writer of
/// digits, as one value passed to whatever writes figures. It is `Copy`,
/// so views and closures take it by value; the app builds it in one memo
/// from the display fields, and reading that memo is what makes a view
/// follow the currency.
#[derive(Clone, Copy)]
pub struct Fmt {
    /// The currency and number locale.
    pub display: Display,
    writer: Writer,
}

impl PartialEq for Fmt {
    fn eq(&self, other: &Fmt) -> bool {
        self.display == other.display && std::ptr::fn_addr_eq(self.writer, other.writer)
    }
}

impl std::fmt::Debug for Fmt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fmt")
            .field("display", &self.display)
            .finish()
    }
}

impl Default for Fmt {
    fn default() -> Fmt {
        Fmt::DEFAULT
    }
}

impl Fmt {
    /// US dollars, en-US, with the built-in writer.
    pub const DEFAULT: Fmt = Fmt::builtin(Display::DEFAULT);

    /// `display` with the built-in en-US writer (natively and in tests).
    pub const fn builtin(display: Display) -> Fmt {
        Fmt {
            display,
            writer: builtin,
        }
    }

    /// `display` with `writer` writing every display but the default
    /// (the browser's `Intl.NumberFormat`).
    pub const fn new(display: Display, writer: Writer) -> Fmt {
        Fmt { display, writer }
    }

    /// Writes `x` per `spec`: words for a non-finite value, the minus sign
    /// (U+2212) in front of a negative one unless it rounds to zero.
    pub fn write(self, x: f64, spec: Spec) -> String {
        if !x.is_finite() {
            return "n/a".to_owned();
        }
        // The default display needs no backend: the built-in writer writes
        // it exactly as Intl would, without ICU's start-up in the browser.
        let body = if self.display == Display::DEFAULT {
            builtin(x.abs(), spec, self.display)
        } else {
            (self.writer)(x.abs(), spec, self.display)
        };
        let zero = !body.chars().any(|c| c.is_ascii_digit() && c != '0');
        if x < 0.0 && !zero {
            format!("{MINUS}{body}")
        } else {
            body
        }
    }

    /// A money amount in the currency's usual decimals: `$5,900.00`,
    /// `−$186.00`, `¥5,900`.
    pub fn money(self, x: f64) -> String {
        let d = self.display.digits();
        self.write(x, money_spec(d, d))
    }

    /// A per-request cost with the precision it needs, at least the
    /// currency's usual decimals: `$0.008`, `$0.000045`, `$0.02`.
    pub fn unit_cost(self, x: f64) -> String {
        let d = self.display.digits();
        self.write(x, money_spec(d, significant_decimals(x, d)))
    }

    /// A per-request amount that comes off a total (a batch saving),
    /// written as the negative it is: `−$0.0025`; nothing off is `$0.00`.
    pub fn deduction(self, x: f64) -> String {
        self.unit_cost(if x > 0.0 { -x } else { x })
    }

    /// An amount as the user would write it: no cents when whole
    /// (`$2,500`), otherwise the precision it needs (`$100.50`, `$0.012`).
    pub fn money_input(self, x: f64) -> String {
        if x.fract() == 0.0 {
            return self.write(x, money_spec(0, 0));
        }
        self.unit_cost(x)
    }

    /// A percentage with two decimals: `159.46%`.
    pub fn percent(self, x: f64) -> String {
        self.write(
            x,
            Spec {
                currency: false,
                percent: true,
                compact: false,
                min: 2,
                max: 2,
            },
        )
    }

    /// A number of months with two decimals: `3.57`; a time too short to
    /// show that way is `under 0.01` (not `0.00`, which reads as at once).
    pub fn months(self, x: f64) -> String {
        if x > 0.0 && x < 0.005 {
            return format!("under {}", self.write(0.01, decimal_spec(2, 2)));
        }
        self.write(x, decimal_spec(2, 2))
    }

    /// A whole count with separators: `357,143`.
    pub fn count(self, x: f64) -> String {
        self.write(x, decimal_spec(0, 0))
    }

    /// A plain number as typed, with separators and only the decimals it
    /// has: `100,000`, `1,234.5`.
    pub fn number(self, x: f64) -> String {
        self.write(x, decimal_spec(0, significant_decimals(x, 0)))
    }

    /// A compact money label for axes: `$0`, `$850`, `$12K`, `−$1.5M`.
    pub fn money_short(self, x: f64) -> String {
        self.write(
            x,
            Spec {
                currency: true,
                percent: false,
                compact: true,
                min: 0,
                max: 1,
            },
        )
    }

    /// A compact count label for axes: `850`, `12K`, `1.5M`.
    pub fn count_short(self, x: f64) -> String {
        self.write(
            x,
            Spec {
                currency: false,
                percent: false,
                compact: true,
                min: 0,
                max: 1,
            },
        )
    }

    /// The currency's symbol as en-US writes it (`$`, `€`, `CA$`).
    pub fn symbol(self) -> &'static str {
        CURRENCIES[self.display.currency.min(CURRENCIES.len() - 1)].1
    }
}

/// The built-in writer: en-US digits and separators, the currency's
/// symbol in front. For en-US it writes what Chromium's
/// `Intl.NumberFormat` writes with the same options (the shortest decimal
/// of `x`, rounded half away from zero to `spec.max` decimals, trailing
/// zeros trimmed down to `spec.min`); `tests/format.rs` holds it to a table
/// written by Chromium (`tools/intl-fixture.mjs`).
pub fn builtin(x: f64, spec: Spec, display: Display) -> String {
    let symbol = if spec.currency {
        CURRENCIES[display.currency.min(CURRENCIES.len() - 1)].1
    } else {
        ""
    };
    if spec.compact {
        return compact(x, symbol);
    }
    // A percentage goes to Intl as a fraction (x / 100), which it scales
    // back by 100 in decimal: the same here.
    let mut d = if spec.percent {
        Decimal::of(x / 100.0).shift(2)
    } else {
        Decimal::of(x)
    };
    let decimals = spec.max.max(spec.min).min(20);
    d.round(decimals as i32);
    let body = trim_zeros(d.write(decimals, 1), spec.min);
    if spec.percent {
        format!("{body}%")
    } else {
        format!("{symbol}{body}")
    }
}

/// Compact notation with at most one decimal, as en-US `Intl.NumberFormat`
/// writes it with `maximumFractionDigits: 1`: 850.3, 12.1K, 1M (999,950
/// rounds up to the next suffix), 1000T; separators only from five
/// integer digits on (1,250,000T).
fn compact(a: f64, symbol: &str) -> String {
    const SUFFIXES: [&str; 5] = ["", "K", "M", "B", "T"];
    let suffix = |d: &Decimal| (d.magnitude().unwrap_or(0) / 3).clamp(0, 4);
    let mut d = Decimal::of(a);
    let k = suffix(&d);
    d.round(1 - 3 * k);
    let k = suffix(&d).max(k);
    let body = trim_zeros(d.shift(-3 * k).write(1, 5), 0);
    format!("{symbol}{body}{}", SUFFIXES[k as usize])
}

fn money_spec(min: usize, max: usize) -> Spec {
    Spec {
        currency: true,
        percent: false,
        compact: false,
        min,
        max,
    }
}

fn decimal_spec(min: usize, max: usize) -> Spec {
    Spec {
        currency: false,
        percent: false,
        compact: false,
        min,
        max,
    }
}

/// The `data-value` of a figure: the raw number (as Rust's `to_string`
/// writes it), or empty when undefined.
pub fn raw(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => super::float::display(v),
        _ => String::new(),
    }
}

/// A value for data files (the CSV exports): rounded to 15 significant
/// digits and written the shortest way, so arithmetic's binary noise
/// (0.0006000000000000001, 14999.999999999998) is gone and every digit a
/// person entered is kept; empty when not finite.
pub fn data(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    // `format!("{x:.14e}")`, read back and written the shortest way.
    let (digits, point) = super::float::significant(x, 15);
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let exp = point - digits.len() as i32;
    let sign = if x < 0.0 { "-" } else { "" };
    let rounded = super::float::parse(&format!(
        "{sign}{}e{exp}",
        if text.is_empty() { "0" } else { &text }
    ));
    super::float::display(rounded.unwrap_or(x))
}

/// Text made safe for markup: `&`, `<`, `>`, `"` and `'` become entities.
pub struct Escaped<'a>(pub &'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}
