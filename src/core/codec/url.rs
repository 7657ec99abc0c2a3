//! The share format: a scenario as a URL query string, schema `v=1`, with
//! one readable key per input (`?v=1&training=2500&months=24`). This is a
//! public interface: links in the wild rely on it, so keys never change.
//!
//! - Keys at their default are omitted; a query without `v` is read as v1.
//! - Unknown keys are ignored; the first of repeated keys wins. Keys of
//!   options numbered outside 3 to 6 (`o7_kind`) are skipped and listed.
//! - A bad value is kept as text, so its field can show what is wrong, and
//!   is reported so the page can say the link was damaged.
//! - Values longer than [`MAX_VALUE_LEN`] are cut: a hostile link cannot
//!   fill the page.

use crate::core::inputs::field::{Field, COUNT};
use crate::core::inputs::option_fields::is_outside_key;
use crate::core::inputs::parse::{parse_scenario, InputError, RawInputs, ReadScenario};

/// The schema version this build writes.
pub const VERSION: u32 = 1;
/// Longest value kept from a URL.
pub const MAX_VALUE_LEN: usize = 200;
/// Most skipped keys listed (a hostile link cannot fill the notice).
const MAX_SKIPPED: usize = 20;

/// What a query string held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The field texts: from the query where it named them, else the defaults.
    pub raw: RawInputs,
    /// The fields the query named with a value that is not valid.
    pub bad: Vec<(Field, InputError)>,
    /// The `v` of the query when this build cannot read that version.
    pub unsupported_version: Option<String>,
    /// Whether the query named any field at all.
    pub has_scenario: bool,
    /// Keys of options numbered outside 3 to 6 (`o7_kind`), which the page
    /// cannot hold: skipped, in the query's order.
    pub skipped: Vec<String>,
}

/// Reads a query string (with or without its leading `?`), taking the
/// fields it does not name from `defaults`.
pub fn decode(query: &str, defaults: RawInputs) -> Decoded {
    decode_with(query, defaults, parse_scenario)
}

/// [`decode`], with the values checked by `check` (a scenario's reader:
/// [`parse_scenario`], or [`parse_sides`](crate::core::parse_sides),
/// which leaves options 3 to 6 unchecked, for the page's first wasm
/// module).
pub fn decode_with(query: &str, defaults: RawInputs, check: ReadScenario) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw = defaults;
    let mut seen = [false; COUNT];
    let mut version = None;
    let mut skipped = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if key == "v" {
            version.get_or_insert_with(|| value.chars().take(20).collect::<String>());
            continue;
        }
        let Some(field) = Field::from_name(&key) else {
            if is_outside_key(&key) && skipped.len() < MAX_SKIPPED {
                skipped.push(key.chars().take(40).collect());
            }
            continue;
        };
        if std::mem::replace(&mut seen[field.index()], true) {
            continue;
        }
        raw.set(field, value.chars().take(MAX_VALUE_LEN).collect::<String>());
    }
    // Only the fields the scenario uses are checked (a bad token price under
    // direct entry waits, unflagged, until the user switches to tokens).
    // A valid scenario's bad ranges damage a link too.
    let bad = check(&raw)
        .damaging()
        .into_iter()
        .filter(|(f, _)| seen[f.index()])
        .collect();
    let unsupported_version = version.filter(|v| v.trim() != VERSION.to_string());
    Decoded {
        raw,
        bad,
        unsupported_version,
        has_scenario: seen.contains(&true) || !skipped.is_empty(),
        skipped,
    }
}

/// Writes the fields as a query string (without the `?`): `v=1` and every
/// field whose text differs from `defaults`, or the empty string when none
/// does. Texts are written as typed, so nothing the user entered is lost.
pub fn encode(raw: &RawInputs, defaults: &RawInputs) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for field in Field::ALL {
        let text = raw.get(field);
        if text != defaults.get(field) {
            if !any {
                out.append_pair("v", &VERSION.to_string());
                any = true;
            }
            out.append_pair(field.name(), text);
        }
    }
    out.finish()
}

/// Two query strings as one: `a&b`, or whichever is not empty (the
/// scenario's keys beside the page options).
pub fn join_queries(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (_, true) => a.to_owned(),
        (true, false) => b.to_owned(),
        (false, false) => format!("{a}&{b}"),
    }
}
