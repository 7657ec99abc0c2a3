//! Native tests of validation: what each field accepts and the message of
//! everything it refuses; the URL reader; arrow-key steps.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::url::decode;
use ft_roi::core::inputs::field::Kind;
use ft_roi::core::inputs::parse::{parse_field, step_text, DecimalMark, Echo};
use ft_roi::core::{parse_inputs, Field, InputError, Inputs, RawInputs};
use proptest::prelude::*;

#[track_caller]
fn ok(field: Field, text: &str, expected: f64) {
    assert_eq!(
        parse_field(field, text, DecimalMark::Point),
        Ok(expected),
        "{field:?} {text:?}"
    );
}

#[track_caller]
fn fail(field: Field, text: &str, expected: InputError) {
    assert_eq!(
        parse_field(field, text, DecimalMark::Point),
        Err(expected),
        "{field:?} {text:?}"
    );
}

/// The thousands-separator error: what to write, and what was typed.
fn grouped(plain: &str, typed: &str) -> InputError {
    InputError::Grouped(Echo::new(plain).unwrap(), Echo::new(typed).unwrap())
}

#[test]
fn accepted_values() {
    use Field::*;
    ok(Training, "2500", 2500.0);
    ok(Training, " 12 ", 12.0);
    ok(Training, "0", 0.0);
    ok(Training, "-0", 0.0);
    ok(Training, "\u{2212}0", 0.0);
    ok(Training, "1e15", 1e15);
    ok(Training, "+5", 5.0);
    ok(Baseline, ".5", 0.5);
    ok(Baseline, "0.000045", 0.000045);
    ok(Baseline, "1e-9", 1e-9);
    ok(Requests, "1e9", 1e9);
    ok(Months, "1", 1.0);
    ok(Months, "600", 600.0);
    ok(Months, "12.0", 12.0);
}

#[test]
fn refused_values_and_their_messages() {
    use Field::*;
    use InputError::*;
    let table = [
        (Training, "", Empty),
        (Training, "   ", Empty),
        (Training, "abc", NotANumber),
        (Training, "-", NotANumber),
        (Training, "0x10", NotANumber),
        (Training, "12abc", NotANumber),
        (Training, "1.2.3", NotANumber),
        (Training, "😀", NotANumber),
        (Training, "$100", NotANumber),
        (Training, "1,000", grouped("1000", "1,000")),
        (Training, "1,000.50", grouped("1000.50", "1,000.50")),
        (Training, "NaN", NotFinite),
        (Training, "nan", NotFinite),
        (Training, "Infinity", NotFinite),
        (Training, "-inf", NotFinite),
        (Training, "1e999", NotFinite),
        (Training, "-5", Negative),
        (Training, "\u{2212}5", Negative),
        (Training, "1.000000001e15", TooLarge),
        (Training, "1e16", TooLarge),
        (Baseline, "1e-10", TooSmall),
        (Months, "12.5", NotWholeMonths),
        (Months, "0", MonthsOutOfRange),
        (Months, "601", MonthsOutOfRange),
        (Months, "-1", MonthsOutOfRange),
        (Months, "\u{2212}12", MonthsOutOfRange),
        (BaseCacheShare, "-5", OutsideBounds(100)),
        (BaseCacheShare, "\u{2212}5", OutsideBounds(100)),
        (RetrainPerYear, "-1", OutsideBounds(52)),
        (Growth, "-100", OutsideRange(99)),
        (Months, "1e999", NotFinite),
    ];
    for (field, text, error) in table {
        fail(field, text, error);
    }
    // A very long string is refused, not choked on.
    fail(Requests, &"9".repeat(10_000), NotFinite);
    fail(Requests, &"x".repeat(10_000), NotANumber);
    // Every message is a sentence for people.
    for e in [
        Empty,
        NotANumber,
        grouped("1000", "1,000"),
        DecimalComma(Echo::new("0.5").unwrap()),
        Ambiguous(1, 0),
        NotFinite,
        Negative,
        TooLarge,
        TooSmall,
        NotWholeMonths,
        MonthsOutOfRange,
        OutsideBounds(100),
        OutsideRange(99),
        NotAnOption,
    ] {
        let m = e.to_string();
        assert!(m.starts_with(char::is_uppercase) && m.ends_with('.'), "{m}");
    }
}

#[test]
fn parse_inputs_reports_every_bad_field() {
    assert_eq!(parse_inputs(&RawInputs::example()), Ok(Inputs::EXAMPLE));
    let mut raw = RawInputs::example();
    raw.set(Field::Training, "x");
    raw.set(Field::Months, "0");
    assert_eq!(
        parse_inputs(&raw),
        Err(vec![
            (Field::Training, InputError::NotANumber),
            (Field::Months, InputError::MonthsOutOfRange)
        ])
    );
}

#[test]
fn a_unicode_minus_keeps_its_sign_in_the_messages() {
    let mut raw = RawInputs::example();
    raw.set(Field::Growth, "\u{2212}2,5");
    let errors = ft_roi::core::parse_scenario(&raw)
        .into_result()
        .unwrap_err();
    assert_eq!(
        errors[0].1.to_string(),
        "Write decimals with a point: -2.5."
    );
    raw.set(Field::Growth, "\u{2212}2.5");
    assert_eq!(
        ft_roi::core::parse_scenario(&raw)
            .into_result()
            .unwrap()
            .inputs
            .growth,
        -0.025
    );
    // A minus before a minus is not a number.
    raw.set(Field::Growth, "\u{2212}-5");
    let errors = ft_roi::core::parse_scenario(&raw)
        .into_result()
        .unwrap_err();
    assert_eq!(errors, vec![(Field::Growth, InputError::NotANumber)]);
}

#[test]
fn a_bad_sensitivity_range_leaves_the_figures_be() {
    // The range is the sensitivity chart's setting, not a model input: its
    // message, and no chart, but every figure.
    for (text, error) in [
        ("abc", InputError::NotANumber),
        ("", InputError::Empty),
        ("1e15", InputError::OutsideBounds(100)),
    ] {
        let mut raw = RawInputs::example();
        raw.set(Field::Sensitivity, text);
        let checked = ft_roi::core::parse_scenario(&raw);
        let p = checked.parsed.as_ref().unwrap();
        assert_eq!(p.inputs, Inputs::EXAMPLE, "{text:?}");
        assert_eq!(p.sensitivity, None, "{text:?}");
        assert_eq!(checked.error(Field::Sensitivity), Some(error), "{text:?}");
    }
    let p = ft_roi::core::parse_scenario(&RawInputs::example())
        .into_result()
        .unwrap();
    assert_eq!(p.sensitivity, Some(0.2));
    // With another bad field it is listed with the rest, in form order.
    let mut raw = RawInputs::example();
    raw.set(Field::Training, "x");
    raw.set(Field::Sensitivity, "abc");
    assert_eq!(
        ft_roi::core::parse_scenario(&raw).into_result(),
        Err(vec![
            (Field::Training, InputError::NotANumber),
            (Field::Sensitivity, InputError::NotANumber)
        ])
    );
}

#[test]
fn query_strings() {
    let example = RawInputs::example;
    let read = |q: &str| decode(q, example()).raw;
    assert_eq!(read(""), example());
    assert_eq!(read("?"), example());
    let full = read(
        "?training=2500&maintenance=100&baseline=0.02&finetuned=0.012&requests=100000&months=12",
    );
    assert_eq!(parse_inputs(&full), Ok(Inputs::EXAMPLE));
    let partial = read("training=1000&unknown=5&requests=5e4");
    assert_eq!(partial.get(Field::Training), "1000");
    assert_eq!(partial.get(Field::Requests), "5e4");
    assert_eq!(partial.get(Field::Months), "12");
    // Percent-encoding and `+` are decoded; the first of repeated keys wins.
    assert_eq!(
        read("training=%2012%20&training=9").get(Field::Training),
        " 12 "
    );
    assert_eq!(read("months=1+2").get(Field::Months), "1 2");
    // Bad values are kept as text for their field's message.
    assert_eq!(read("months=abc").get(Field::Months), "abc");
    // Malformed encodings and huge values never panic; long values are cut.
    assert_eq!(
        read("training=%E0%A4%A&=&&=x").get(Field::Training),
        "\u{FFFD}%A"
    );
    assert_eq!(
        read(&format!("requests={}", "9".repeat(100_000)))
            .get(Field::Requests)
            .len(),
        200
    );
}

#[test]
fn arrow_key_steps() {
    use Field::*;
    let table = [
        (Months, "12", true, false, Some("13")),
        (Months, "12", false, true, Some("2")),
        (Months, "1", false, false, Some("1")),
        (Months, "600", true, false, Some("600")),
        (Baseline, "0.02", true, false, Some("0.021")),
        (Baseline, "0.0125", true, false, Some("0.0135")),
        (Baseline, "0.0005", false, false, Some("0")),
        (Training, "2500", true, false, Some("2600")),
        (Training, "2500", true, true, Some("3500")),
        (Requests, "1e5", true, false, Some("101000")),
        (Training, "abc", true, false, None),
    ];
    for (field, text, up, big, expected) in table {
        assert_eq!(
            step_text(field, text, up, big, DecimalMark::Point).as_deref(),
            expected,
            "{field:?} {text} {up} {big}"
        );
    }
}

proptest! {
    #[test]
    fn parsing_never_panics_and_accepts_only_valid_values(text in ".{0,40}") {
        for field in Field::ALL {
            for mark in [DecimalMark::Point, DecimalMark::Comma] {
                if let Ok(v) = parse_field(field, &text, mark) {
                    let (low, high) = match field.kind() {
                        // Issue #17: a range's ends, draws and seed.
                        Kind::End(low, high) => (f64::from(low), f64::from(high)),
                        Kind::WholeIn(low, high) => (low as f64, high as f64),
                        _ => (-99.0, 1e15),
                    };
                    prop_assert!(v.is_finite() && (low..=high).contains(&v));
                }
            }
        }
        let _ = decode(&text, RawInputs::example());
    }

    #[test]
    fn a_written_number_reads_back(v in 0.0..1e15f64) {
        prop_assert_eq!(
            parse_field(Field::Training, &v.to_string(), DecimalMark::Point),
            Ok(v)
        );
    }
}
