//! The price catalogue's data file (`data/prices.toml`): reading it, the
//! checks every entry must pass, and the Rust static data generated from it.
//! Shared by `build.rs` (which fails the build on any problem, naming the
//! entry) and `tests/catalogue_data.rs` (a test per rule), so the rules are
//! tested natively with bad inputs. Only build-time code: the page gets the
//! generated data, never this module, serde or the TOML parser.

use serde::Deserialize;

/// The file: a list of `[[entry]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entry: Vec<Entry>,
}

/// One entry as written in the file. Everything is optional here so that a
/// missing key is reported by [`check`] with the entry's name, not by the
/// parser.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable identity, `provider/model`; never reused for another model.
    pub id: Option<String>,
    /// Who sells it, as shown to users.
    pub provider: Option<String>,
    /// The model's name, as shown to users.
    pub name: Option<String>,
    /// The id of the base model, for a fine-tuned model.
    pub base: Option<String>,
    /// The date the source states or was read, `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// Where the prices come from (an `https://` address).
    pub source: Option<String>,
    /// Input tokens, US dollars per 1M.
    pub input: Option<f64>,
    /// Cached input tokens, US dollars per 1M.
    pub cached_input: Option<f64>,
    /// Output tokens, US dollars per 1M.
    pub output: Option<f64>,
    /// Input tokens through the batch API, US dollars per 1M.
    pub batch_input: Option<f64>,
    /// Output tokens through the batch API, US dollars per 1M.
    pub batch_output: Option<f64>,
    /// Training, US dollars per 1M training tokens (dataset tokens × epochs).
    pub training: Option<f64>,
    /// The training price's own date, when its source is another.
    pub training_as_of: Option<String>,
    /// The training price's own source, when another.
    pub training_source: Option<String>,
    /// Hosting a fine-tuned deployment, US dollars per hour.
    pub hosting: Option<f64>,
    /// The hosting fee's own date, when its source is another.
    pub hosting_as_of: Option<String>,
    /// The hosting fee's own source, when another.
    pub hosting_source: Option<String>,
    /// What `unit_price` is per: `GPU-hour`, `model-unit hour`.
    pub unit: Option<String>,
    /// US dollars per `unit`.
    pub unit_price: Option<f64>,
    /// The low end of a range of US dollars per `unit`.
    pub unit_price_low: Option<f64>,
    /// The high end of that range.
    pub unit_price_high: Option<f64>,
    /// Anything a user should know: disagreeing sources, billing rules.
    pub notes: Option<String>,
}

impl Entry {
    /// Every price of the entry, by key.
    fn prices(&self) -> [(&'static str, Option<f64>); 10] {
        [
            ("input", self.input),
            ("cached_input", self.cached_input),
            ("output", self.output),
            ("batch_input", self.batch_input),
            ("batch_output", self.batch_output),
            ("training", self.training),
            ("hosting", self.hosting),
            ("unit_price", self.unit_price),
            ("unit_price_low", self.unit_price_low),
            ("unit_price_high", self.unit_price_high),
        ]
    }
}

/// How an entry is named in a message: its position (1-based) and its id.
fn label(index: usize, entry: &Entry) -> String {
    match entry.id.as_deref() {
        Some(id) if !id.trim().is_empty() => format!("entry {} (\"{id}\")", index + 1),
        _ => format!("entry {}", index + 1),
    }
}

/// Reads the file: its entries, or why it cannot be read. A syntax or type
/// error names the entry it is in (position and id) and its line.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    match toml::from_str::<File>(text) {
        Ok(file) => Ok(file.entry),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start.min(text.len()));
            let line = text[..at].matches('\n').count() + 1;
            let message = e.message().trim();
            Err(match entry_at(text, at) {
                Some((index, id)) => {
                    let entry = Entry {
                        id,
                        ..Entry::default()
                    };
                    format!("{}, line {line}: {message}", label(index, &entry))
                }
                None => format!("line {line}: {message}"),
            })
        }
    }
}

/// The entry (position, id) whose table contains byte `at` of `text`.
fn entry_at(text: &str, at: usize) -> Option<(usize, Option<String>)> {
    let mut start = None;
    let mut index = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > at {
            break;
        }
        if line.trim() == "[[entry]]" {
            start = Some((index, offset));
            index += 1;
        }
        offset += line.len();
    }
    let (index, from) = start?;
    let id = text[from..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "id").then(|| value.trim().trim_matches('"').to_owned())
        });
    Some((index, id))
}

/// Whether `s` is a calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r)?.bytes().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 2000 && (1..=days).contains(&d)
}

/// Whether `s` is an address a user can follow.
fn is_address(s: &str) -> bool {
    s.strip_prefix("https://")
        .is_some_and(|rest| rest.contains('.') && !rest.contains(char::is_whitespace))
}

/// Every problem of `entries`, each naming its entry; empty when all pass.
///
/// The rules: every entry has an `id` (unique, `provider/model`), a
/// `provider`, a `name`, an `as_of` date and a `source` address; no price is
/// negative or not finite; a `base` names another entry that is not itself
/// fine-tuned; token prices come with both `input` and `output`; a training
/// or hosting price with its own date has its own source too (and the
/// reverse), and only with that price; a unit price has its `unit`, and a
/// range is low to high.
pub fn check(entries: &[Entry]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let name = label(i, e);
        let mut problem = |what: String| problems.push(format!("{name}: {what}"));
        match e.id.as_deref() {
            None => problem("missing id".to_owned()),
            Some(id) if id.trim().is_empty() => problem("missing id".to_owned()),
            Some(id)
                if !id.contains('/')
                    || id.contains(char::is_whitespace)
                    || id.chars().any(|c| c.is_ascii_uppercase()) =>
            {
                problem("the id must be \"provider/model\", lower case, without spaces".to_owned())
            }
            Some(id) => {
                if let Some(first) = entries[..i]
                    .iter()
                    .position(|o| o.id.as_deref() == Some(id))
                {
                    problem(format!("duplicate id (also entry {})", first + 1));
                }
            }
        }
        for (key, value) in [
            ("provider", &e.provider),
            ("name", &e.name),
            ("notes", &e.notes),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty())
                || (key != "notes" && value.is_none())
            {
                problem(format!("missing {key}"));
            }
        }
        match e.as_of.as_deref() {
            None => problem("missing as_of (the date its source states, YYYY-MM-DD)".to_owned()),
            Some(d) if !is_date(d) => {
                problem(format!("as_of \"{d}\" is not a date written YYYY-MM-DD"))
            }
            Some(_) => {}
        }
        match e.source.as_deref() {
            None => problem("missing source (the address the prices come from)".to_owned()),
            Some(s) if !is_address(s) => {
                problem(format!("source \"{s}\" is not an https:// address"))
            }
            Some(_) => {}
        }
        for (key, value) in e.prices() {
            match value {
                Some(v) if !v.is_finite() => problem(format!("{key} is not a finite number")),
                Some(v) if v < 0.0 => problem(format!("negative price: {key} = {v}")),
                _ => {}
            }
        }
        if e.input.is_some() != e.output.is_some() {
            problem("token prices need both input and output".to_owned());
        }
        if e.input.is_none()
            && (e.cached_input.is_some() || e.batch_input.is_some() || e.batch_output.is_some())
        {
            problem("cached or batch prices without input and output prices".to_owned());
        }
        for (price, key, as_of, source) in [
            (
                e.training,
                "training",
                &e.training_as_of,
                &e.training_source,
            ),
            (e.hosting, "hosting", &e.hosting_as_of, &e.hosting_source),
        ] {
            if price.is_none() && (as_of.is_some() || source.is_some()) {
                problem(format!("{key}_as_of or {key}_source without a {key} price"));
            }
            match (as_of.as_deref(), source.as_deref()) {
                (Some(_), None) => problem(format!("{key}_as_of without {key}_source")),
                (None, Some(_)) => problem(format!("{key}_source without {key}_as_of")),
                (Some(d), Some(s)) => {
                    if !is_date(d) {
                        problem(format!(
                            "{key}_as_of \"{d}\" is not a date written YYYY-MM-DD"
                        ));
                    }
                    if !is_address(s) {
                        problem(format!("{key}_source \"{s}\" is not an https:// address"));
                    }
                }
                (None, None) => {}
            }
        }
        let priced_unit =
            e.unit_price.is_some() || e.unit_price_low.is_some() || e.unit_price_high.is_some();
        if priced_unit != e.unit.as_deref().is_some_and(|u| !u.trim().is_empty()) {
            problem("a unit price needs its unit, and a unit its price".to_owned());
        }
        match (e.unit_price, e.unit_price_low, e.unit_price_high) {
            (Some(_), None, None) | (None, None, None) => {}
            (None, Some(low), Some(high)) if low <= high => {}
            (None, Some(_), Some(_)) => {
                problem("unit_price_low is above unit_price_high".to_owned())
            }
            _ => problem("give unit_price, or both unit_price_low and unit_price_high".to_owned()),
        }
        if let Some(base) = e.base.as_deref() {
            match entries.iter().find(|o| o.id.as_deref() == Some(base)) {
                None => problem(format!("base \"{base}\" is not an entry")),
                Some(o) if o.base.is_some() => {
                    problem(format!("base \"{base}\" is itself fine-tuned"))
                }
                Some(_) => {}
            }
        }
    }
    problems
}

/// Reads and checks the file: its entries, or every problem found.
pub fn read(text: &str) -> Result<Vec<Entry>, Vec<String>> {
    let entries = parse(text).map_err(|e| vec![e])?;
    let problems = check(&entries);
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// The entries as Rust: `pub static ENTRIES: &[Entry]`, each an `Entry` of
/// `src/core/catalogue.rs` (checked entries only: every required key is
/// there).
pub fn to_rust(entries: &[Entry]) -> String {
    fn s(v: &Option<String>) -> String {
        format!("{:?}", v.as_deref().unwrap_or_default())
    }
    fn f(v: Option<f64>) -> String {
        v.map_or_else(|| "None".to_owned(), |v| format!("Some({v:?})"))
    }
    fn dated(as_of: &Option<String>, source: &Option<String>, e: &Entry) -> String {
        let as_of = as_of.as_ref().or(e.as_of.as_ref());
        let source = source.as_ref().or(e.source.as_ref());
        format!(
            "Dated {{ as_of: {}, source: {} }}",
            s(&as_of.cloned()),
            s(&source.cloned())
        )
    }
    let mut out = String::from(
        "/// Every catalogue entry, in file order: generated by build.rs from data/prices.toml.\n\
         pub static ENTRIES: &[Entry] = &[\n",
    );
    for e in entries {
        let tokens = match (e.input, e.output) {
            (Some(input), Some(output)) => format!(
                "Some(Tokens {{ input: {input:?}, cached_input: {}, output: {output:?}, batch_input: {}, batch_output: {} }})",
                f(e.cached_input),
                f(e.batch_input),
                f(e.batch_output)
            ),
            _ => "None".to_owned(),
        };
        let priced = |price: Option<f64>, as_of: &Option<String>, source: &Option<String>| {
            price.map_or_else(
                || "None".to_owned(),
                |p| {
                    format!(
                        "Some(Priced {{ price: {p:?}, dated: {} }})",
                        dated(as_of, source, e)
                    )
                },
            )
        };
        let unit = match (&e.unit, e.unit_price, e.unit_price_low, e.unit_price_high) {
            (Some(unit), Some(p), _, _) => {
                format!("Some(UnitPrice {{ unit: {unit:?}, low: {p:?}, high: {p:?} }})")
            }
            (Some(unit), None, Some(low), Some(high)) => {
                format!("Some(UnitPrice {{ unit: {unit:?}, low: {low:?}, high: {high:?} }})")
            }
            _ => "None".to_owned(),
        };
        out += &format!(
            "    Entry {{ id: {}, provider: {}, name: {}, base: {}, dated: {}, tokens: {tokens}, training: {}, hosting: {}, unit: {unit}, notes: {} }},\n",
            s(&e.id),
            s(&e.provider),
            s(&e.name),
            e.base.as_ref().map_or_else(|| "None".to_owned(), |b| format!("Some({b:?})")),
            dated(&None, &None, e),
            priced(e.training, &e.training_as_of, &e.training_source),
            priced(e.hosting, &e.hosting_as_of, &e.hosting_source),
            s(&e.notes),
        );
    }
    out += "];\n";
    out
}
