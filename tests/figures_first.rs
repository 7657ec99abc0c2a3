//! Issue 32, lever 2: what the figures-first module (src/bin/figures.rs)
//! shows before the app. `start::from_address` starts where the app's
//! `start` does whenever it answers, and the results card's words and
//! figures (`present::summary::card`) are the figures' table's.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::start::{from_address, start};
use ft_roi::core::codec::store::{decode_working_doc, encode_working};
use ft_roi::core::present::figure::Figure;
use ft_roi::core::present::format::{raw, Fmt};
use ft_roi::core::present::summary::{card, half_chars, HERO};
use ft_roi::core::{calculate, parse_sides, Field, RawInputs, Status};
use proptest::prelude::*;

/// A stored working scenario that is not the example (7,000 requests).
fn working() -> ft_roi::core::codec::store::Working {
    let mut raw = RawInputs::example();
    raw.set(Field::Requests, "7000");
    decode_working_doc(&encode_working(&raw)).expect("a working scenario")
}

/// `from_address` answers only where the app's start is certain, and then
/// with the app's scenario; for an embed (never a working scenario) too.
#[track_caller]
fn agrees(query: &str) -> [bool; 2] {
    [false, true].map(|stored| {
        let known = from_address(query, stored);
        let app = start(query, false, stored.then(working), None);
        if let Some(raw) = &known {
            assert_eq!(raw, &app.raw, "{query} (working stored: {stored})");
            assert!(app.notices.is_empty(), "{query}: {:?}", app.notices);
        }
        if !stored {
            let embed = start(query, true, Some(working()), None);
            if let Some(raw) = &known {
                assert_eq!(raw, &embed.raw, "{query} as an embed");
            }
        }
        known.is_some()
    })
}

#[test]
fn from_address_answers_only_where_the_start_is_certain() {
    // query, answered without a stored working scenario, with one
    let table: &[(&str, [bool; 2])] = &[
        ("", [true, false]),
        ("?", [true, false]),
        ("?theme=dark", [true, false]),
        ("?embed=1", [true, false]),
        (
            "?v=1&training=4000&requests=150000&baseline=0.025",
            [true, true],
        ),
        (
            "?v=1&cost_mode=tokens&base_model=acme%2Fgpt-9&base_input_price=7",
            [true, true],
        ),
        (
            "?v=1&o3_kind=model&o3_name=Smaller%20model&o3_request_cost=0.01",
            [true, true],
        ),
        // A link's notice would come above the figures.
        ("?v=1&training=abc&months=24", [false, false]),
        ("?v=9&training=4000", [false, false]),
        ("?v=1&o7_kind=rag&training=4000", [false, false]),
    ];
    for (query, expected) in table {
        assert_eq!(&agrees(query), expected, "{query}");
    }
    // With no field in the link and nothing stored, the example.
    assert_eq!(
        from_address("?theme=dark", false),
        Some(RawInputs::example())
    );
}

#[test]
fn the_card_is_the_figures_table() {
    let fmt = Fmt::DEFAULT;
    let inputs = parse_sides(&RawInputs::example())
        .parsed
        .expect("valid")
        .inputs;
    let r = calculate(&inputs);
    let c = card(fmt, &inputs, &r);
    assert_eq!(c.status, Status::Positive);
    assert_eq!(c.head, "Positive projected ROI");
    let names: Vec<&str> = c.tiles.iter().map(|t| t.figure.name()).collect();
    assert_eq!(
        names,
        [
            "net_benefit",
            "roi_percent",
            "break_even_months",
            "request_savings",
            "monthly_net_savings",
            "training_recovery_requests"
        ]
    );
    // The reference page's figures, exactly.
    let texts: Vec<&str> = c.tiles.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "$5,900.00",
            "159.46%",
            "3.57 months",
            "$0.008",
            "$700.00",
            "312,500 requests"
        ]
    );
    assert_eq!(c.tiles[0].note, "12-month horizon");
    assert_eq!(c.tiles[0].value, "5900");
    assert!(c.tiles[1..].iter().all(|t| t.note.is_empty()));
    assert_eq!(c.horizon, 12);
    assert_eq!(half_chars("$5,900.00"), 18);
    assert_eq!(half_chars("159.46%"), 15);
}

/// The card of a link's scenario.
fn card_of(query: &str) -> ft_roi::core::present::summary::Card {
    let raw = from_address(query, false).expect(query);
    let inputs = parse_sides(&raw).parsed.expect(query).inputs;
    card(Fmt::DEFAULT, &inputs, &calculate(&inputs))
}

#[test]
fn every_status_and_variant_of_the_card() {
    let never = card_of("?v=1&requests=1000&months=24");
    assert_eq!(never.status, Status::Never);
    assert_eq!(never.tiles[2].text, "Never");
    assert_eq!(never.tiles[2].value, "");
    let later = card_of("?v=1&requests=30000&months=6");
    assert_eq!(later.status, Status::BeyondHorizon);
    assert!(
        later
            .text
            .contains("after 17.86 months, beyond the 6-month horizon"),
        "{}",
        later.text
    );
    let serving = card_of(
        "?v=1&base_serving=capacity&base_unit_rps=5&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5",
    );
    assert_eq!(serving.tiles[3].figure, Figure::EffectiveRequestSavings);
    assert!(serving.recovery_note.contains("serving included"));
    let growing = card_of("?v=1&growth=5");
    assert_eq!(
        growing.tiles[4].note,
        "Month 1's: months differ as volume grows"
    );
}

proptest! {
    /// Any link of known fields and odd values: where `from_address`
    /// answers, it is the app's start, with no notice; and the card's
    /// figures are the figures' table's.
    #[test]
    fn any_link_agrees_with_the_app(
        pairs in proptest::collection::vec(
            (0..Field::ALL.len(), prop_oneof![
                Just("0".to_owned()), Just("12".to_owned()), Just("2500".to_owned()),
                Just("0.015".to_owned()), Just("-3".to_owned()), Just("abc".to_owned()),
                Just(String::new()), Just("tokens".to_owned()), Just("capacity".to_owned()),
                Just("itemized".to_owned()), Just("1e9".to_owned()),
            ]),
            0..6,
        ),
        version in prop_oneof![Just("1"), Just("2"), Just("")],
    ) {
        let mut query = format!("?v={version}");
        for (field, value) in &pairs {
            query += &format!("&{}={}", Field::ALL[*field].name(), value);
        }
        agrees(&query);
        if let Some(fields) = from_address(&query, false) {
            if let Some(parsed) = parse_sides(&fields).parsed {
                let r = calculate(&parsed.inputs);
                let c = card(Fmt::DEFAULT, &parsed.inputs, &r);
                for (tile, figure) in c.tiles.iter().zip(HERO) {
                    prop_assert_eq!(tile.figure, figure);
                }
                for tile in &c.tiles {
                    prop_assert_eq!(&tile.value, &raw(tile.figure.value(&r)));
                    prop_assert_eq!(&tile.text, &tile.figure.text(Fmt::DEFAULT, &r));
                    prop_assert!(!tile.text.contains("NaN") && !tile.text.contains("inf"));
                }
            }
        }
    }
}
