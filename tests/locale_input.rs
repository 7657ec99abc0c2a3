//! Native tests of typed numbers in each number format: a point is the
//! decimal mark everywhere; a format with a decimal comma (de-DE, fr-FR,
//! es-ES, pt-BR) also takes a single comma, and refuses a point before
//! exactly three digits (`1.000`) as ambiguous; grouped digits are refused
//! everywhere, with the fix written in the user's format. The scenario's
//! own `locale` field decides, so links, storage and files read the same
//! for everyone.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::import_json;
use ft_roi::core::codec::store::{decode_working, encode_working};
use ft_roi::core::codec::url::{decode, encode};
use ft_roi::core::inputs::field::{Kind, MAX_VALUE, MIN_NONZERO};
use ft_roi::core::inputs::parse::{parse_field, step_text, DecimalMark, Echo};
use ft_roi::core::{parse_inputs, Field, InputError, Inputs, RawInputs};
use proptest::prelude::*;

/// Every number format offered, and the two kinds of decimal mark.
const LOCALES: [&str; 9] = [
    "en-US", "en-GB", "en-IN", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP", "zh-CN",
];
const COMMA: [&str; 3] = ["de-DE", "fr-FR", "pt-BR"];
const POINT: [&str; 2] = ["en-US", "en-IN"];

fn read(locale: &str, field: Field, text: &str) -> Result<f64, InputError> {
    parse_field(field, text, DecimalMark::of_locale(locale))
}

#[track_caller]
fn check(locale: &str, field: Field, text: &str, expected: Result<f64, InputError>) {
    assert_eq!(
        read(locale, field, text),
        expected,
        "{locale} {field:?} {text:?}"
    );
}

fn echo(s: &str) -> Echo {
    Echo::new(s).unwrap()
}

fn grouped(plain: &str, typed: &str) -> InputError {
    InputError::Grouped(echo(plain), echo(typed))
}

#[test]
fn the_decimal_mark_of_each_number_format() {
    for tag in LOCALES {
        let expected = if ["de-DE", "fr-FR", "es-ES", "pt-BR"].contains(&tag) {
            DecimalMark::Comma
        } else {
            DecimalMark::Point
        };
        assert_eq!(DecimalMark::of_locale(tag), expected, "{tag}");
        let mut raw = RawInputs::example();
        raw.set(Field::Locale, tag);
        assert_eq!(raw.decimal_mark(), expected, "{tag}");
    }
    // The default, and anything that is not an option, reads with a point.
    assert_eq!(RawInputs::example().decimal_mark(), DecimalMark::Point);
    assert_eq!(DecimalMark::of_locale("xx"), DecimalMark::Point);
}

#[test]
fn decimal_comma_formats() {
    use Field::*;
    use InputError::*;
    let table: &[(Field, &str, Result<f64, InputError>)] = &[
        // A single comma is the decimal mark.
        (Baseline, "0,02", Ok(0.02)),
        (Training, "2500,5", Ok(2500.5)),
        (Baseline, " 0,012 ", Ok(0.012)),
        (Baseline, ",5", Ok(0.5)),
        (Training, "1,000", Ok(1.0)),
        (Training, "1,5e3", Ok(1500.0)),
        (Growth, "-0,5", Ok(-0.5)),
        (Growth, "\u{2212}2,5", Ok(-2.5)),
        (BaseCacheShare, "12,5", Ok(12.5)),
        (Months, "12,0", Ok(12.0)),
        // A point is the decimal mark too: plain numbers mean the same.
        (Baseline, "0.02", Ok(0.02)),
        (Baseline, "0.125", Ok(0.125)),
        (Training, "1.5", Ok(1.5)),
        (Training, "2500.5", Ok(2500.5)),
        (Training, "1.0000", Ok(1.0)),
        (Training, "1000.000", Ok(1000.0)),
        (Requests, "1e6", Ok(1e6)),
        // A point before exactly three digits could be either.
        (Training, "1.000", Err(Ambiguous(1, 0))),
        (Training, "12.500", Err(Ambiguous(12, 500))),
        (Training, "2.500", Err(Ambiguous(2, 500))),
        (Training, "999.999", Err(Ambiguous(999, 999))),
        (Training, " 1.000 ", Err(Ambiguous(1, 0))),
        (Training, "+1.000", Err(Ambiguous(1, 0))),
        (Growth, "-1.000", Err(Ambiguous(-1, 0))),
        (Months, "1.000", Err(Ambiguous(1, 0))),
        // Grouped digits: the fix in the format's own decimal mark.
        (Training, "1.000.000", Err(grouped("1000000", "1.000.000"))),
        (Training, "1 000", Err(grouped("1000", "1 000"))),
        (Training, "1\u{a0}000", Err(grouped("1000", "1\u{a0}000"))),
        (
            Training,
            "1\u{202f}000,5",
            Err(grouped("1000,5", "1\u{202f}000,5")),
        ),
        (Training, "1.000,50", Err(grouped("1000,50", "1.000,50"))),
        (Training, "1,000.5", Err(grouped("1000,5", "1,000.5"))),
        (Training, "1,000,000", Err(grouped("1000000", "1,000,000"))),
        (
            Training,
            "-1.000.000",
            Err(grouped("-1000000", "-1.000.000")),
        ),
        // Everything else as in any format.
        (Training, "0,0,2", Err(NotANumber)),
        (Training, "1,5,", Err(NotANumber)),
        (Training, ",", Err(NotANumber)),
        (Training, "1.2.3", Err(NotANumber)),
        (Training, "1,5e999", Err(NotFinite)),
        (Training, "-0,02", Err(Negative)),
        (Baseline, "0,0000000001", Err(TooSmall)),
        (Months, "12,5", Err(NotWholeMonths)),
        (Months, "-5", Err(MonthsOutOfRange)),
        (BaseCacheShare, "100,5", Err(OutsideBounds(100))),
    ];
    for locale in COMMA.into_iter().chain(["es-ES"]) {
        for (field, text, expected) in table {
            check(locale, *field, text, *expected);
        }
    }
}

#[test]
fn decimal_point_formats() {
    use Field::*;
    use InputError::*;
    let table: &[(Field, &str, Result<f64, InputError>)] = &[
        (Baseline, "0.02", Ok(0.02)),
        (Training, "1.000", Ok(1.0)),
        (Training, "12.500", Ok(12.5)),
        (Training, "2500.5", Ok(2500.5)),
        // A comma that cannot group thousands is pointed to the point.
        (Baseline, "0,02", Err(DecimalComma(echo("0.02")))),
        (Training, "2500,5", Err(DecimalComma(echo("2500.5")))),
        (Training, "1,5", Err(DecimalComma(echo("1.5")))),
        (Training, "12,50", Err(DecimalComma(echo("12.50")))),
        (Training, "0,125", Err(DecimalComma(echo("0.125")))),
        (Baseline, ",5", Err(DecimalComma(echo(".5")))),
        (Training, "1,5e3", Err(DecimalComma(echo("1.5e3")))),
        (Months, "12,5", Err(DecimalComma(echo("12.5")))),
        // Grouped digits, whatever the separator.
        (Training, "1,000", Err(grouped("1000", "1,000"))),
        (Training, "2,500.50", Err(grouped("2500.50", "2,500.50"))),
        (Training, "1,00,000", Err(grouped("100000", "1,00,000"))),
        (Training, "1,000,000", Err(grouped("1000000", "1,000,000"))),
        (Training, "1.000.000", Err(grouped("1000000", "1.000.000"))),
        (Training, "1.000,5", Err(grouped("1000.5", "1.000,5"))),
        (Training, "1 000", Err(grouped("1000", "1 000"))),
        (Training, "0,02,5", Err(NotANumber)),
        (Training, "1 2", Err(NotANumber)),
        (Training, "1,5e999", Err(NotFinite)),
        (Months, "-5", Err(MonthsOutOfRange)),
    ];
    for locale in POINT.into_iter().chain(["en-GB", "ja-JP", "zh-CN"]) {
        for (field, text, expected) in table {
            check(locale, *field, text, *expected);
        }
    }
}

#[test]
fn messages_in_the_users_format() {
    let table = [
        (
            "de-DE",
            "1.000",
            "Write 1000 if the point groups thousands, or 1,000 if it marks decimals.",
        ),
        (
            "pt-BR",
            "12.500",
            "Write 12500 if the point groups thousands, or 12,500 if it marks decimals.",
        ),
        (
            "fr-FR",
            "-2.050",
            "Write -2050 if the point groups thousands, or -2,050 if it marks decimals.",
        ),
        (
            "de-DE",
            "1.000.000",
            "Leave out thousands separators: write 1000000, not 1.000.000.",
        ),
        (
            "de-DE",
            "1.000,5",
            "Leave out thousands separators: write 1000,5, not 1.000,5.",
        ),
        (
            "fr-FR",
            "1 000",
            "Leave out thousands separators: write 1000, not 1 000.",
        ),
        (
            "en-US",
            "1,000",
            "Leave out thousands separators: write 1000, not 1,000.",
        ),
        (
            "en-IN",
            "1,00,000",
            "Leave out thousands separators: write 100000, not 1,00,000.",
        ),
        ("en-US", "0,02", "Write decimals with a point: 0.02."),
        ("en-IN", "2500,5", "Write decimals with a point: 2500.5."),
        // Too long to quote: a short example in the user's separator.
        (
            "en-US",
            "1,000,000,000,000,000,000,000,000,000",
            "Leave out thousands separators: write 1000, not 1,000.",
        ),
        (
            "de-DE",
            "1.000.000.000.000.000.000.000.000.000",
            "Leave out thousands separators: write 1000, not 1.000.",
        ),
        (
            "en-US",
            "0,000000000000000000000000000000001",
            "Write decimals with a point: 0.5.",
        ),
    ];
    for (locale, text, message) in table {
        let error = read(locale, Field::Training, text).unwrap_err();
        assert_eq!(error.to_string(), message, "{locale} {text:?}");
    }
}

#[test]
fn negative_values_get_the_fields_own_range() {
    let table = [
        (Field::Months, "-5", "Enter 1 to 600 months."),
        (Field::Months, "\u{2212}1", "Enter 1 to 600 months."),
        (Field::Months, "-0.5", "Enter 1 to 600 months."),
        (Field::BaseCacheShare, "-5", "Enter a number from 0 to 100."),
        (Field::BaseRetryRate, "-1", "Enter a number from 0 to 1000."),
        (
            Field::RetrainPerYear,
            "\u{2212}4",
            "Enter a number from 0 to 52.",
        ),
        (Field::Sensitivity, "-20", "Enter a number from 0 to 100."),
        (Field::Discount, "-3", "Enter a number from 0 to 100."),
        (Field::Growth, "-100", "Enter a number from −99 to 99."),
        (Field::Training, "-5", "Enter 0 or a positive number."),
        (
            Field::Requests,
            "\u{2212}5",
            "Enter 0 or a positive number.",
        ),
    ];
    for (field, text, message) in table {
        for locale in ["en-US", "de-DE"] {
            let error = read(locale, field, text).unwrap_err();
            assert_eq!(error.to_string(), message, "{locale} {field:?} {text:?}");
        }
    }
}

#[test]
fn arrow_keys_write_the_formats_decimal_mark() {
    use Field::*;
    let table = [
        ("de-DE", Baseline, "0,02", true, Some("0,021")),
        ("de-DE", Baseline, "0.02", true, Some("0,021")),
        ("fr-FR", Training, "2500,5", true, Some("2600,5")),
        ("pt-BR", Training, "2500", false, Some("2400")),
        ("de-DE", Growth, "0,5", false, Some("0")),
        ("de-DE", Growth, "-1,5", true, Some("-1")),
        ("de-DE", Months, "12", true, Some("13")),
        ("de-DE", Training, "1.000", true, None),
        ("en-US", Baseline, "0.02", true, Some("0.021")),
        ("en-US", Baseline, "0,02", true, None),
        ("en-IN", Training, "2500.5", true, Some("2600.5")),
    ];
    for (locale, field, text, up, expected) in table {
        let mark = DecimalMark::of_locale(locale);
        assert_eq!(
            step_text(field, text, up, false, mark).as_deref(),
            expected,
            "{locale} {field:?} {text}"
        );
    }
}

/// The reference example typed in a German format.
fn german() -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::Currency, "EUR");
    raw.set(Field::Locale, "de-DE");
    raw.set(Field::Baseline, "0,02");
    raw.set(Field::Finetuned, "0,012");
    raw
}

#[test]
fn a_scenario_reads_with_its_own_number_format() {
    assert_eq!(parse_inputs(&german()), Ok(Inputs::EXAMPLE));
    // The same text under a point format is flagged, not misread.
    let mut raw = german();
    raw.set(Field::Locale, "en-US");
    assert_eq!(
        parse_inputs(&raw),
        Err(vec![
            (Field::Baseline, InputError::DecimalComma(echo("0.02"))),
            (Field::Finetuned, InputError::DecimalComma(echo("0.012"))),
        ])
    );
    // `1.000` is never silently one under a comma format.
    let mut raw = german();
    raw.set(Field::Training, "1.000");
    assert_eq!(
        parse_inputs(&raw),
        Err(vec![(Field::Training, InputError::Ambiguous(1, 0))])
    );
}

#[test]
fn links_storage_and_files_carry_the_typed_text_and_its_format() {
    let example = RawInputs::example;
    let raw = german();
    // The link keeps the text as typed, with its locale key.
    let query = encode(&raw, &example());
    assert!(query.contains("baseline=0%2C02"), "{query}");
    assert!(query.contains("locale=de-DE"), "{query}");
    let opened = decode(&query, example());
    assert_eq!(opened.raw, raw);
    assert!(opened.bad.is_empty());
    assert_eq!(parse_inputs(&opened.raw), Ok(Inputs::EXAMPLE));
    // A link with the comma but without its format flags the field.
    let d = decode("baseline=0%2C02", example());
    assert_eq!(
        d.bad,
        vec![(Field::Baseline, InputError::DecimalComma(echo("0.02")))]
    );
    // Autosave.
    let stored = decode_working(&encode_working(&raw)).unwrap();
    assert_eq!(stored, raw);
    assert_eq!(parse_inputs(&stored), Ok(Inputs::EXAMPLE));
    // An imported file's strings are read with the file's own format.
    let file = |locale: &str| {
        format!(
            r#"{{"format":"ft-roi-scenario","version":1,"inputs":{{"training":"2500","maintenance":"100","baseline":"0,02","finetuned":"0,012","requests":"100000","months":"12"}},"fields":{{"locale":"{locale}"}}}}"#
        )
    };
    let (_, imported) = import_json(&file("de-DE")).unwrap();
    assert_eq!(parse_inputs(&imported), Ok(Inputs::EXAMPLE));
    let errors = import_json(&file("en-US")).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        [
            "Baseline cost per request: Write decimals with a point: 0.02.",
            "Fine-tuned cost per request: Write decimals with a point: 0.012.",
        ]
    );
}

/// A field that takes numbers, a number format, and a value within the
/// field's limits.
fn valid_value() -> impl Strategy<Value = (Field, &'static str, f64)> {
    let numeric: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| !matches!(f.kind(), Kind::Choice(_) | Kind::Label | Kind::YearMonth))
        .collect();
    (
        prop::sample::select(numeric),
        prop::sample::select(&LOCALES[..]),
        0.0..=1.0f64,
        -9.0..=15.0f64,
        0u32..=600,
    )
        .prop_map(|(field, locale, unit, exponent, whole)| {
            let v = match field.kind() {
                Kind::Months => f64::from(whole.max(1)),
                Kind::Bounded(max) => unit * f64::from(max),
                Kind::Signed(max) => (unit * 2.0 - 1.0) * f64::from(max),
                // Serving costs (issue #15).
                Kind::Whole(max) => (unit * f64::from(max)).round(),
                Kind::Between(low, high) => f64::from(low) + unit * f64::from(high - low),
                Kind::Positive => 10f64.powf(exponent).clamp(MIN_NONZERO, MAX_VALUE),
                // Issue #17: a range's ends, draws and seed.
                Kind::End(low, high) => f64::from(low) + unit * f64::from(high - low),
                Kind::WholeIn(low, high) => (low as f64 + unit * (high - low) as f64).floor(),
                _ if unit < 0.05 => 0.0,
                _ => 10f64.powf(exponent).clamp(MIN_NONZERO, MAX_VALUE),
            };
            (field, locale, v)
        })
}

proptest! {
    /// Written with the format's decimal mark (no grouping), any valid
    /// value reads back exactly, in every format.
    #[test]
    fn a_value_written_in_its_format_reads_back((field, locale, v) in valid_value()) {
        let mark = DecimalMark::of_locale(locale);
        let text = v.to_string().replacen('.', &mark.char().to_string(), 1);
        prop_assert_eq!(parse_field(field, &text, mark), Ok(v), "{}", text);
        // A stepped value reads back in the same format.
        if let Some(next) = step_text(field, &text, true, false, mark) {
            prop_assert!(parse_field(field, &next, mark).is_ok(), "{} → {}", text, next);
        }
    }

    /// Plain text with a point means the same in every format, unless a
    /// comma format refuses it as ambiguous; it is never read as another
    /// number.
    #[test]
    fn plain_text_means_the_same_everywhere(v in 0.0..1e15f64, locale in prop::sample::select(&LOCALES[..])) {
        let text = v.to_string();
        match parse_field(Field::Training, &text, DecimalMark::of_locale(locale)) {
            Ok(read) => prop_assert_eq!(read, v),
            Err(e) => {
                prop_assert!(matches!(e, InputError::Ambiguous(..)), "{} {}: {:?}", locale, text, e);
                prop_assert_eq!(DecimalMark::of_locale(locale), DecimalMark::Comma);
            }
        }
    }
}
