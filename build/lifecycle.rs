//! The catalogue's lifecycle file (`data/lifecycle.toml`): each model's
//! deprecation date, the date its fine-tuning stops taking new jobs and its
//! shutdown date, each with the source that states it and that source's
//! date, keyed by catalogue entry id. Reading it, its checks, and the Rust
//! static data generated from it. Shared by `build.rs` (which fails the
//! build on any problem, naming the row) and `tests/lifecycle.rs` (a test
//! per rule). Only build-time code: the page gets the generated data.

use serde::Deserialize;

/// The file: a list of `[[model]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    model: Vec<Row>,
}

/// A date a source states about a model.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where it is stated: an `https://` address, or for a third-party
    /// account that names no address, words saying whose account it is.
    pub source: Option<String>,
    /// The date the source states or was read, `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// Whether only third parties state it (not the provider itself).
    #[serde(default)]
    pub third_party: bool,
}

/// A provider's rule that retires a fine-tuned model's deployments a number
/// of years after its training (Azure OpenAI's two phases).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TwoPhase {
    /// Whole years from the training retirement to the deployment's.
    pub years: Option<u32>,
    /// An `https://` address stating the rule.
    pub source: Option<String>,
    /// The date the source states or was read, `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// One row as written in the file. Everything is optional here so that a
/// missing key is reported by [`check`] with the row's name.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// A catalogue entry's id (`data/prices.toml`).
    pub id: Option<String>,
    /// When the provider announced the model's deprecation.
    pub deprecated: Option<Stated>,
    /// The first day its fine-tuning takes no new jobs (Azure: the training
    /// retirement).
    pub training_closes: Option<Stated>,
    /// The day the model (and its fine-tunes) stops being served (Azure:
    /// the deployment retirement): the date that counts for the horizon.
    pub shutdown: Option<Stated>,
    /// The provider's two-phase rule, when it has one.
    pub two_phase: Option<TwoPhase>,
    /// Anything a user should know; may be absent.
    pub notes: Option<String>,
}

/// How a row is named in a message: its position (1-based) and its id.
fn label(index: usize, row: &Row) -> String {
    match row.id.as_deref() {
        Some(id) if !id.trim().is_empty() => format!("model {} (\"{id}\")", index + 1),
        _ => format!("model {}", index + 1),
    }
}

// The date and address checks both build-time files use. Each file
// loads them itself, so that a test can load it alone (tests/lifecycle.rs);
// build.rs loads both.
#[path = "dates.rs"]
#[allow(clippy::duplicate_mod)]
mod dates;
use dates::is_address;
pub use dates::is_date;

/// Reads the file: its rows, or why it cannot be read.
pub fn parse(text: &str) -> Result<Vec<Row>, String> {
    toml::from_str::<File>(text).map(|f| f.model).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start.min(text.len()));
        let line = text[..at].matches('\n').count() + 1;
        format!("line {line}: {}", e.message().trim())
    })
}

/// Every problem of `rows`, each naming its row; empty when all pass.
/// `ids` are the catalogue's entry ids.
///
/// The rules: every row names a catalogue entry, once; every date has a
/// `date` (a valid `YYYY-MM-DD`), a `source` and an `as_of` date; a
/// first-party source is an `https://` address, a third-party one is marked
/// `third_party = true`; the deprecation is on or before the other dates
/// where given; a two-phase rule has its years (1 to 10), an address and a date;
/// a row says something (a date or a rule).
pub fn check(rows: &[Row], ids: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let name = label(i, r);
        let mut problem = |what: String| problems.push(format!("{name}: {what}"));
        match r.id.as_deref() {
            None => problem("missing id".to_owned()),
            Some(id) if !ids.contains(&id) => problem(format!(
                "\"{id}\" is not a catalogue entry (data/prices.toml)"
            )),
            Some(id) => {
                if let Some(first) = rows[..i].iter().position(|o| o.id.as_deref() == Some(id)) {
                    problem(format!("duplicate id (also model {})", first + 1));
                }
            }
        }
        let dates = [
            ("deprecated", &r.deprecated),
            ("training_closes", &r.training_closes),
            ("shutdown", &r.shutdown),
        ];
        for (key, stated) in dates {
            let Some(s) = stated else { continue };
            match s.date.as_deref() {
                None => problem(format!("{key} has no date")),
                Some(d) if !is_date(d) => problem(format!(
                    "{key} date \"{d}\" is not a date written YYYY-MM-DD"
                )),
                Some(_) => {}
            }
            match s.as_of.as_deref() {
                None => problem(format!("{key} has no as_of (the date its source states)")),
                Some(d) if !is_date(d) => problem(format!(
                    "{key} as_of \"{d}\" is not a date written YYYY-MM-DD"
                )),
                Some(_) => {}
            }
            match s.source.as_deref() {
                None => problem(format!("{key} has no source")),
                Some(t) if t.trim().is_empty() => problem(format!("{key} has no source")),
                Some(t) if !s.third_party && !is_address(t) => problem(format!(
                    "{key} source \"{t}\" is not an https:// address (mark a third-party account third_party = true)"
                )),
                Some(_) => {}
            }
        }
        let day = |s: &Option<Stated>| {
            s.as_ref()
                .and_then(|s| s.date.clone())
                .filter(|d| is_date(d))
        };
        let ordered = [
            ("deprecated", day(&r.deprecated)),
            ("training_closes", day(&r.training_closes)),
            ("shutdown", day(&r.shutdown)),
        ];
        // A deprecation comes before what it announces. (A shutdown may
        // come before a provider-wide end of new fine-tuning jobs: then
        // the model closes at its shutdown.)
        let (a, da) = &ordered[0];
        for (b, db) in &ordered[1..] {
            if let (Some(da), Some(db)) = (da, db) {
                // ISO dates order as text.
                if da > db {
                    problem(format!("{a} ({da}) is after {b} ({db})"));
                }
            }
        }
        if let Some(t) = &r.two_phase {
            if !t.years.is_some_and(|y| (1..=10).contains(&y)) {
                problem("two_phase needs years, 1 to 10".to_owned());
            }
            if !t.source.as_deref().is_some_and(is_address) {
                problem("two_phase needs a source, an https:// address".to_owned());
            }
            if !t.as_of.as_deref().is_some_and(is_date) {
                problem("two_phase needs as_of, a date written YYYY-MM-DD".to_owned());
            }
        }
        if r.deprecated.is_none()
            && r.training_closes.is_none()
            && r.shutdown.is_none()
            && r.two_phase.is_none()
        {
            problem("no date and no rule: nothing to say".to_owned());
        }
        if r.notes.as_deref().is_some_and(|n| n.trim().is_empty()) {
            problem("empty notes".to_owned());
        }
    }
    problems
}

/// Reads and checks the file against the catalogue's `ids`: its rows, or
/// every problem found.
pub fn read(text: &str, ids: &[&str]) -> Result<Vec<Row>, Vec<String>> {
    let rows = parse(text).map_err(|e| vec![e])?;
    let problems = check(&rows, ids);
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The date `years` whole years after `date` (`YYYY-MM-DD`; 29 February
/// goes to 28 February): a two-phase rule's deployment retirement.
pub fn years_after(date: &str, years: u32) -> Option<String> {
    if !is_date(date) {
        return None;
    }
    let y: u32 = date[..4].parse().ok()?;
    let mut out = format!("{:04}{}", y + years, &date[4..]);
    if !is_date(&out) {
        out.replace_range(8..10, "28");
    }
    Some(out)
}

/// The rows as Rust: `pub static LIFECYCLE: &[Lifecycle]`, each a
/// `Lifecycle` of `src/core/catalogue/lifecycle.rs` (checked rows only;
/// the notes stay in the file: the page does not show them, and the parse
/// of every scenario, in the first wasm module, reaches this data). A
/// row with a two-phase rule and a training retirement but no shutdown
/// gets the shutdown the rule gives, stated by the rule's source.
pub fn to_rust(rows: &[Row]) -> String {
    fn s(v: &Option<String>) -> String {
        format!("{:?}", v.as_deref().unwrap_or_default())
    }
    fn stated(v: &Option<Stated>) -> String {
        v.as_ref().map_or_else(
            || "None".to_owned(),
            |v| {
                format!(
                    "Some(Stated {{ date: {}, source: {}, as_of: {}, third_party: {}, derived: false }})",
                    s(&v.date),
                    s(&v.source),
                    s(&v.as_of),
                    v.third_party
                )
            },
        )
    }
    let mut out = String::from(
        "/// Every lifecycle row, in file order: generated by build.rs from data/lifecycle.toml.\n\
         pub static LIFECYCLE: &[Lifecycle] = &[\n",
    );
    for r in rows {
        let shutdown = match (&r.shutdown, &r.two_phase, &r.training_closes) {
            (None, Some(t), Some(closes)) => closes
                .date
                .as_deref()
                .and_then(|d| years_after(d, t.years.unwrap_or(1)))
                .map_or_else(
                    || "None".to_owned(),
                    |d| {
                        format!(
                            "Some(Stated {{ date: {d:?}, source: {}, as_of: {}, third_party: {}, derived: true }})",
                            s(&t.source),
                            s(&t.as_of),
                            closes.third_party
                        )
                    },
                ),
            _ => stated(&r.shutdown),
        };
        let two_phase = r
            .two_phase
            .as_ref()
            .and_then(|t| t.years)
            .map_or_else(|| "None".to_owned(), |y| format!("Some({y})"));
        out += &format!(
            "    Lifecycle {{ id: {}, deprecated: {}, training_closes: {}, shutdown: {shutdown}, two_phase_years: {two_phase}, two_phase_source: {} }},\n",
            s(&r.id),
            stated(&r.deprecated),
            stated(&r.training_closes),
            r.two_phase
                .as_ref()
                .map_or_else(|| "\"\"".to_owned(), |t| s(&t.source)),
        );
    }
    out += "];\n";
    out
}
