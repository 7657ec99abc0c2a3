//! Writing CSV (RFC 4180): one quoted-when-needed cell at a time, lines
//! ending in CRLF, and text guarded against formula injection. Every CSV
//! export (scenario, comparison, schedule) writes through here.
//!
//! Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell
//! that begins with `=`, `+`, `-` or `@` as a formula (a tab or a carriage
//! return first can lead to the same), so a scenario named
//! `=HYPERLINK(…)` would be a live link in the exported file. A text cell
//! that begins with one of them is written with a single quote in front and
//! quoted, which spreadsheets show as text. Numbers stay plain numbers
//! (`-1600`), so the files still calculate.

/// The first characters that make a spreadsheet read a cell as a formula.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell of a CSV line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text: a name, a label, a value written for people. Guarded against
    /// formula injection, whatever it holds.
    Text(&'a str),
    /// A number as [`crate::core::present::format::data`] writes it (`-1600`,
    /// `0.0125`), or empty for an undefined figure: written as it is.
    Number(&'a str),
}

/// Whether `s` is a number as [`crate::core::present::format::data`] writes it:
/// `-?digits(.digits)?(e-?digits)?`.
fn is_number(s: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = s.split_once(['e', 'E']).unwrap_or((s, "0"));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    digits(whole) && digits(fraction) && digits(exponent.strip_prefix('-').unwrap_or(exponent))
}

/// One CSV cell: quoted when it must be (RFC 4180), and text that begins
/// with a formula trigger prefixed with `'` and quoted. A [`Cell::Number`]
/// that is not a number is written as text.
pub fn csv_cell(cell: Cell) -> String {
    let (s, text) = match cell {
        Cell::Text(s) => (s, true),
        Cell::Number(s) => (s, !s.is_empty() && !is_number(s)),
    };
    if text && s.starts_with(FORMULA_TRIGGERS) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One CSV line from its cells, ending in CRLF.
pub fn csv_row<'a>(cells: impl IntoIterator<Item = Cell<'a>>) -> String {
    let mut line = cells
        .into_iter()
        .map(csv_cell)
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// One CSV line of the page's own labels and numbers (no user text), ending
/// in CRLF: a cell that is a number as [`crate::core::present::format::data`] writes it
/// stays a number, any other is text (and guarded like all text).
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let cells: Vec<S> = fields.into_iter().collect();
    csv_row(cells.iter().map(|s| Cell::Number(s.as_ref())))
}
