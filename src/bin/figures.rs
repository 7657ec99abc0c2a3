//! The figures-first module (issue 32): a small wasm module, without Leptos
//! or any view, that a shared link's page loads before the app. It reads
//! the link as the app will ([`from_address`]), computes the scenario and
//! writes the results card's words and figures ([`card`]), which the page's
//! first script puts into the build-time copy of the card, so that a link's
//! figures show before the app has loaded and never differ from the app's.
//! Built by `tools/figures.mjs` (Trunk's `post_build` hook).
//!
//! [`from_address`]: ft_roi::core::codec::start::from_address
//! [`card`]: ft_roi::core::present::summary::card

use ft_roi::core::codec::start::from_address;
use ft_roi::core::present::format::{Display, Fmt};
use ft_roi::core::present::summary::{card, half_chars, horizon_note, status_icon};
use ft_roi::core::{calculate, parse_sides, Field};
use wasm_bindgen::prelude::wasm_bindgen;

/// The results card for the page's starting `query` (the address bar's,
/// or on a reload the copy its tab last wrote), knowing whether a working
/// scenario is stored (`working_stored`).
///
/// Returns, in this order: the status's `data-value`, its icon, headline
/// and sentence; the horizon in months (the `horizon_months` `data-value`)
/// and its note; the closing sentence; then for each of the six figures in
/// the card's order its `data-metric` name, label, `data-value`, text, note
/// (empty for none) and width in half characters (CSS `--half-chars`).
///
/// `None` when the page cannot know its first figures from the address
/// alone ([`from_address`]), when a field the figures read is invalid (the
/// card then lists the fields to fix), and for a currency or number format
/// other than the default (written by the browser's `Intl.NumberFormat`,
/// which this module leaves to the app): the page then waits for the app.
#[wasm_bindgen]
pub fn figures(query: &str, working_stored: bool) -> Option<Vec<String>> {
    let raw = from_address(query, working_stored)?;
    let display = Display::from_codes(raw.get(Field::Currency), raw.get(Field::Locale));
    if display != Display::DEFAULT {
        return None;
    }
    let inputs = parse_sides(&raw).parsed?.inputs;
    let c = card(Fmt::DEFAULT, &inputs, &calculate(&inputs));
    let mut out = vec![
        c.status.name().to_owned(),
        status_icon(c.status).to_owned(),
        c.head.to_owned(),
        c.text,
        c.horizon.to_string(),
        horizon_note(c.horizon),
        c.recovery_note.to_owned(),
    ];
    for t in c.tiles {
        let half = half_chars(&t.text).to_string();
        out.extend([
            t.figure.name().to_owned(),
            t.figure.label().to_owned(),
            t.value,
            t.text,
            t.note,
            half,
        ]);
    }
    Some(out)
}

fn main() {}
