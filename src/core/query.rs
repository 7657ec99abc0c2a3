//! Reads a scenario from a URL query string (`?training=2500&months=12`).
//! Unknown keys are ignored, a missing key keeps its default, and a bad value
//! is kept as text so its field can show what is wrong with it.

use super::field::Field;
use super::parse::RawInputs;

/// Longest value kept from the URL; anything longer is cut, so a hostile
/// link cannot fill the page with megabytes of text.
pub const MAX_VALUE_LEN: usize = 200;

/// The scenario in `query` (with or without its leading `?`), with the
/// fields it does not name taken from `defaults`. The first occurrence of a
/// repeated key wins.
pub fn raw_from_query(query: &str, defaults: RawInputs) -> RawInputs {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut raw = defaults;
    let mut seen = [false; 6];
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let Some(field) = Field::from_name(&key) else {
            continue;
        };
        if std::mem::replace(&mut seen[field.index()], true) {
            continue;
        }
        raw.set(field, value.chars().take(MAX_VALUE_LEN).collect::<String>());
    }
    raw
}
