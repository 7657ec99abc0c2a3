//! Native tests of validation's shape: every choice field's options read
//! into its enum and back, and a table of scenarios through the section
//! parsers into the one error map (which fields each mode checks, what an
//! error hides, the form order of the messages).
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::inputs::field::{
    Choice, ComputeMode, CostMode, CurrencyCode, EntryMode, GpuMethod, Kind, LocaleTag, PriceUnit,
    ServingMode,
};
use ft_roi::core::inputs::parse::Echo;
use ft_roi::core::{parse_scenario, Field, InputError, RawInputs};

// ------------------------------------------------------------ choices

/// `C` is the enum of `fields`: the same options in the same order, the
/// first the example's; every option's text reads into its variant and
/// back, surrounding whitespace ignored; anything else is no option.
#[track_caller]
fn round_trip<C: Choice + std::fmt::Debug>(fields: &[Field]) {
    for &field in fields {
        assert_eq!(field.kind(), Kind::Choice(C::OPTIONS), "{field:?}");
        assert_eq!(C::default().text(), field.example(), "{field:?}");
        assert_eq!(C::ALL.len(), C::OPTIONS.len(), "{field:?}");
        for (k, (&option, &text)) in C::ALL.iter().zip(C::OPTIONS).enumerate() {
            assert_eq!(option.text(), text, "{field:?}");
            assert_eq!(C::from_text(text), Some(option), "{field:?}");
            assert_eq!(
                C::from_text(&format!(" {text}\t")),
                Some(option),
                "{field:?}"
            );
            assert_eq!(field.option_at(k as f64), Some(text), "{field:?}");
            // Options are case-sensitive, as links and files write them.
            if text.to_ascii_uppercase() != text {
                assert_eq!(C::from_text(&text.to_ascii_uppercase()), None, "{field:?}");
            }
        }
        assert_eq!(field.option_at(C::ALL.len() as f64), None, "{field:?}");
        assert_eq!(field.option_at(0.5), None, "{field:?}");
        for other in ["", "x", "1"] {
            assert_eq!(C::from_text(other), None, "{field:?} {other:?}");
        }
    }
}

#[test]
fn every_choice_field_reads_into_its_enum_and_back() {
    round_trip::<CostMode>(&[Field::CostMode]);
    round_trip::<PriceUnit>(&[Field::PriceUnit]);
    round_trip::<EntryMode>(&[Field::TrainingMode, Field::MaintenanceMode]);
    round_trip::<ComputeMode>(&[Field::ComputeMode]);
    // issue 29: the fine-tuning method of training priced by GPU time.
    round_trip::<GpuMethod>(&[Field::GpuMethod]);
    round_trip::<ServingMode>(&[Field::BaseServing, Field::FtServing]);
    // issue 28: each added option's serving (`o3_serving` … `o6_serving`).
    round_trip::<ServingMode>(&[
        Field::O3Serving,
        Field::O4Serving,
        Field::O5Serving,
        Field::O6Serving,
    ]);
    round_trip::<CurrencyCode>(&[Field::Currency]);
    round_trip::<LocaleTag>(&[Field::Locale]);
    // Every choice field is one of the above.
    let choices = Field::ALL
        .iter()
        .filter(|f| matches!(f.kind(), Kind::Choice(_)))
        .count();
    assert_eq!(choices, 14);
    assert_eq!(Field::Training.option_at(0.0), None);
    assert_eq!(PriceUnit::Million.tokens(), 1e6);
    assert_eq!(PriceUnit::Thousand.tokens(), 1e3);
}

// ------------------------------------------------------------ sections

/// What validating a scenario should give.
struct Expect<'a> {
    /// Every error, in form order.
    errors: &'a [(Field, InputError)],
    /// Whether the figures can be computed.
    figures: bool,
    /// With figures: whether the sensitivity range and the ranges on the
    /// estimates are valid, and the exchange rate.
    settings: (bool, bool, Option<f64>),
}

const VALID: Expect<'static> = Expect {
    errors: &[],
    figures: true,
    settings: (true, true, None),
};

/// Validates the example with `pairs` set and checks it against `expect`.
#[track_caller]
fn check(pairs: &[(Field, &str)], expect: Expect) {
    let mut raw = RawInputs::example();
    for &(field, text) in pairs {
        raw.set(field, text);
    }
    let checked = parse_scenario(&raw);
    assert_eq!(checked.errors.as_slice(), expect.errors, "{pairs:?}");
    // One lookup per field: the message of each invalid field, none for
    // the others.
    for field in Field::ALL {
        let listed = expect.errors.iter().find(|(f, _)| *f == field);
        assert_eq!(checked.error(field), listed.map(|&(_, e)| e), "{pairs:?}");
    }
    assert_eq!(checked.parsed.is_some(), expect.figures, "{pairs:?}");
    assert_eq!(
        checked.blocking().is_some(),
        !expect.figures,
        "{pairs:?}: every error is listed when the figures are hidden"
    );
    if let Some(p) = &checked.parsed {
        let (sensitivity, ranges, fx_rate) = expect.settings;
        assert_eq!(p.sensitivity.is_some(), sensitivity, "{pairs:?}");
        assert_eq!(p.ranges.is_some(), ranges, "{pairs:?}");
        assert_eq!(p.fx_rate, fx_rate, "{pairs:?}");
    }
    // What a link or file is refused for: every error without figures,
    // else the ranges' and the simulation settings' only.
    let damaging: Vec<Field> = checked.damaging().iter().map(|(f, _)| *f).collect();
    let expected: Vec<Field> = expect
        .errors
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| !expect.figures || !matches!(f, Field::Sensitivity | Field::FxRate))
        .collect();
    assert_eq!(damaging, expected, "{pairs:?}");
}

#[test]
fn each_section_checks_the_fields_its_mode_uses() {
    use Field::*;
    use InputError::*;
    check(&[], VALID);
    // Requests and tokens: the token fields wait under direct entry.
    check(&[(BaseInputPrice, "x")], VALID);
    check(
        &[(CostMode, "tokens"), (BaseInputPrice, "x"), (Baseline, "y")],
        Expect {
            errors: &[(BaseInputPrice, NotANumber)],
            figures: false,
            ..VALID
        },
    );
    // A mode that is none of the options: its message, and the default
    // mode's fields are read, as the form shows them.
    check(
        &[(CostMode, "gpu"), (Baseline, "y")],
        Expect {
            errors: &[(Baseline, NotANumber), (CostMode, NotAnOption)],
            figures: false,
            ..VALID
        },
    );
    check(
        &[(PriceUnit, "1g"), (CostMode, "tokens")],
        Expect {
            errors: &[(PriceUnit, NotAnOption)],
            figures: false,
            ..VALID
        },
    );
    // Investment: the compute mode's fields only.
    check(&[(TrainingMode, "itemized"), (TrainPrice, "x")], VALID);
    check(
        &[
            (TrainingMode, "itemized"),
            (ComputeMode, "tokens"),
            (TrainPrice, "x"),
            (ComputeFlat, "y"),
            (Training, "z"),
        ],
        Expect {
            errors: &[(TrainPrice, NotANumber)],
            figures: false,
            ..VALID
        },
    );
    // Operations.
    check(
        &[(MaintenanceMode, "itemized"), (RetrainPerYear, "60")],
        Expect {
            errors: &[(RetrainPerYear, OutsideBounds(52))],
            figures: false,
            ..VALID
        },
    );
    // Serving: GPUs per unit in capacity mode only.
    check(&[(BaseServing, "hourly"), (BaseUnitGpus, "0")], VALID);
    check(
        &[(BaseServing, "capacity"), (BaseUnitGpus, "0")],
        Expect {
            errors: &[(BaseUnitGpus, WholeBetween(1, 1000))],
            figures: false,
            ..VALID
        },
    );
    // Accuracy, growth and discounting, display.
    check(
        &[(ErrorValue, "-1"), (Discount, "101"), (Currency, "usd")],
        Expect {
            errors: &[
                (ErrorValue, Negative),
                (Discount, OutsideBounds(100)),
                (Currency, NotAnOption),
            ],
            figures: false,
            ..VALID
        },
    );
}

#[test]
fn a_bad_setting_hides_only_its_own_chart_or_section() {
    use Field::*;
    use InputError::*;
    check(
        &[(Sensitivity, "abc")],
        Expect {
            errors: &[(Sensitivity, NotANumber)],
            settings: (false, true, None),
            ..VALID
        },
    );
    check(
        &[(FxRate, "0")],
        Expect {
            errors: &[(FxRate, NotPositive)],
            ..VALID
        },
    );
    check(
        &[(FxRate, "0.92")],
        Expect {
            settings: (true, true, Some(0.92)),
            ..VALID
        },
    );
    check(
        &[(RequestsLow, "5"), (McDraws, "10")],
        Expect {
            errors: &[
                (RequestsLow, Between(-100, 0)),
                (McDraws, WholeBetween(1_000, 100_000)),
            ],
            settings: (true, false, None),
            ..VALID
        },
    );
    // Growth's ends must enclose a valid growth, quoted in the scenario's
    // number format.
    let quoted = |text: &str| Echo::new(text).unwrap();
    check(
        &[(Growth, "2.5"), (GrowthLow, "3"), (GrowthHigh, "1")],
        Expect {
            errors: &[
                (GrowthLow, AboveGrowth(quoted("2.5"))),
                (GrowthHigh, BelowGrowth(quoted("2.5"))),
            ],
            settings: (true, false, None),
            ..VALID
        },
    );
    check(
        &[(Locale, "de-DE"), (Growth, "2,5"), (GrowthLow, "3")],
        Expect {
            errors: &[(GrowthLow, AboveGrowth(quoted("2,5")))],
            settings: (true, false, None),
            ..VALID
        },
    );
    // Against an invalid growth there is nothing to enclose.
    check(
        &[(Growth, "x"), (GrowthLow, "3")],
        Expect {
            errors: &[(Growth, NotANumber)],
            figures: false,
            ..VALID
        },
    );
    // With the figures hidden, every error is in the one map, in form
    // order, whichever section found it.
    check(
        &[
            (McSeed, "-1"),
            (Sensitivity, "abc"),
            (Training, "x"),
            (FxRate, "x"),
            (RequestsLow, "5"),
        ],
        Expect {
            errors: &[
                (Training, NotANumber),
                (Sensitivity, NotANumber),
                (FxRate, NotANumber),
                (RequestsLow, Between(-100, 0)),
                (McSeed, WholeBetween(0, 1 << 53)),
            ],
            figures: false,
            ..VALID
        },
    );
}
