//! The results card's words and figures, in one place for the two writers
//! of that card: the app's view (`src/app/results/summary.rs`) and the
//! figures-first module (`src/bin/figures.rs`), which fills the page's
//! build-time copy with a shared link's figures before the app has loaded
//! (issue 32). Both read every word and figure from here, so the copy and
//! the app cannot differ.

use crate::core::present::figure::Figure;
use crate::core::present::format::{raw, Fmt};
use crate::core::{Inputs, Results, Status};

/// The headline figures, in the card's order.
pub const HERO: [Figure; 3] = [
    Figure::NetBenefit,
    Figure::RoiPercent,
    Figure::BreakEvenMonths,
];

/// The second row of figures, in the card's order: the saving per request
/// counts serving when the scenario pays for it (`serving`).
pub const fn second_row(serving: bool) -> [Figure; 3] {
    [
        if serving {
            Figure::EffectiveRequestSavings
        } else {
            Figure::RequestSavings
        },
        Figure::MonthlyNetSavings,
        Figure::TrainingRecoveryRequests,
    ]
}

/// The status banner's headline and sentence for `r` over a `horizon` of
/// months.
pub fn status_text(fmt: Fmt, r: &Results, horizon: u32) -> (&'static str, String) {
    match r.status {
        Status::Positive => (
            "Positive projected ROI",
            "Modeled savings recover the investment within the selected horizon.".to_owned(),
        ),
        Status::BeyondHorizon => (
            "Pays back after the horizon",
            format!(
                "Monthly net savings repay the training cost after {} months, beyond the \
                 {horizon}-month horizon, so the projected net benefit is not positive yet.",
                r.break_even_months
                    .map_or_else(|| "n/a".to_owned(), |m| fmt.months(m))
            ),
        ),
        // Serving costs count against the savings too.
        Status::Never if r.serving => (
            "Never breaks even",
            "Per-request savings do not cover the monthly maintenance and serving costs, so the \
             investment is never recovered at this volume."
                .to_owned(),
        ),
        Status::Never => (
            "Never breaks even",
            "Per-request savings do not cover the monthly maintenance, so the investment is \
             never recovered at this volume."
                .to_owned(),
        ),
    }
}

/// The status banner's icon (decorative: the headline says it in words).
pub const fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Positive => "▲",
        Status::BeyondHorizon => "◷",
        Status::Never => "▼",
    }
}

/// The note under the net benefit: `12-month horizon`.
pub fn horizon_note(horizon: u32) -> String {
    format!("{horizon}-month horizon")
}

/// The note under the monthly net savings: empty (no note) unless volume
/// grows, when month 1's figure stands for months that differ.
pub const fn month_note(growing: bool) -> &'static str {
    if growing {
        "Month 1's: months differ as volume grows"
    } else {
        ""
    }
}

/// The card's closing sentence after the horizon: what training recovery
/// counts (with serving, month 1's serving shared over its requests).
pub const fn recovery_note(serving: bool) -> &'static str {
    if serving {
        ". Training recovery counts the requests whose savings, serving included (month 1's serving shared over its requests), repay the training cost alone, before maintenance."
    } else {
        ". Training recovery counts the requests whose savings repay the training cost alone, before maintenance."
    }
}

/// The width of `text` in half characters of a digit, which sizes a fitted
/// figure's font (CSS `--half-chars`): the wide `%`, `m` and `w` count
/// three halves, everything else two (a separator is seldom wider than a
/// digit).
pub fn half_chars(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if matches!(c, '%' | 'm' | 'w' | 'M' | 'W') {
                3
            } else {
                2
            }
        })
        .sum()
}

/// One figure of the card as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    /// The figure (its public `data-metric` name and label).
    pub figure: Figure,
    /// Its text: the value written, or words where it is undefined.
    pub text: String,
    /// Its `data-value` ([`raw`]; empty when undefined).
    pub value: String,
    /// The note under it; empty for none.
    pub note: String,
}

/// The whole card for a valid scenario, as the app shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The status.
    pub status: Status,
    /// The banner's headline ([`status_text`]).
    pub head: &'static str,
    /// The banner's sentence.
    pub text: String,
    /// The headline figures ([`HERO`]), then the second row ([`second_row`]).
    pub tiles: [Tile; 6],
    /// The horizon in months.
    pub horizon: u32,
    /// What training recovery counts ([`recovery_note`]).
    pub recovery_note: &'static str,
}

/// The card for `inputs` and its results `r`, written with `fmt`.
pub fn card(fmt: Fmt, inputs: &Inputs, r: &Results) -> Card {
    let horizon = inputs.months;
    let [a, b, c] = HERO;
    let [d, e, f] = second_row(r.serving);
    let tile = |figure: Figure, note: String| Tile {
        figure,
        text: figure.text(fmt, r),
        value: raw(figure.value(r)),
        note,
    };
    let (head, text) = status_text(fmt, r, horizon);
    Card {
        status: r.status,
        head,
        text,
        tiles: [
            tile(a, horizon_note(horizon)),
            tile(b, String::new()),
            tile(c, String::new()),
            tile(d, String::new()),
            tile(e, month_note(inputs.growth != 0.0).to_owned()),
            tile(f, String::new()),
        ],
        horizon,
        recovery_note: recovery_note(r.serving),
    }
}
