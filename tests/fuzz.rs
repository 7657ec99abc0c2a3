//! Fuzzing at scale with proptest (not in CI: every test here is ignored).
//!
//! ```sh
//! cargo test --release --test fuzz -- --ignored            # 1,000,000 cases per target
//! FUZZ_CASES=20000 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! Targets: the URL decoder, the two storage decoders, JSON import, the
//! calculation with every formatter and formula, and the number writer on
//! any finite value with any options (rounded at its last place). Inputs come from
//! structured generators (real field names, numbers at and around every
//! limit, valid-ish JSON documents) mixed with arbitrary text. Each target
//! asserts no panic, that no formatted string contains `NaN` or `inf`, and
//! the decoders' own promises (values capped, errors that match the fields).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ft_roi::core::codec::export::{import_json, ExportDoc};
use ft_roi::core::codec::store::{decode_library, decode_working, encode_library, encode_working};
use ft_roi::core::codec::url::{decode, encode, MAX_VALUE_LEN};
use ft_roi::core::inputs::field::{Kind, MAX_VALUE, MIN_NONZERO};
use ft_roi::core::inputs::parse::{parse_field, DecimalMark};
use ft_roi::core::model::montecarlo::{outcome, sentence, simulate, SimFigure};
use ft_roi::core::model::schedule::schedule;
use ft_roi::core::model::uncertainty::Ranges;
use ft_roi::core::present::figure::Figure;
use ft_roi::core::present::formulas::worked;
use ft_roi::core::{calculate, parse_scenario, Field, InputError, RawInputs};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

/// Cases per target: `FUZZ_CASES`, default one million.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(1_000_000)
}

/// Runs `test` on `cases()` values of `strategy`, with shrinking on failure.
/// A watchdog reports a case that runs longer than `FUZZ_HANG_SECS` (default
/// 10) with its input, and aborts: a hang in the core would freeze the page.
fn run<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = cases();
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 20_000,
        ..ProptestConfig::default()
    };
    let hang = Duration::from_secs(
        std::env::var("FUZZ_HANG_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10),
    );
    let current: Arc<Mutex<Option<(Instant, String)>>> = Arc::default();
    let watched = Arc::clone(&current);
    let target = name.to_owned();
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(500));
        if let Some((started, input)) = &*watched.lock().unwrap_or_else(|e| e.into_inner()) {
            if started.elapsed() > hang {
                eprintln!(
                    "fuzz {target}: a case has run for {:?}; input:\n{input}",
                    started.elapsed()
                );
                std::process::abort();
            }
        }
    });
    let mut runner = TestRunner::new(config);
    let start = Instant::now();
    let outcome = runner.run(&strategy, |value| {
        let input = format!("{value:?}");
        *current.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), input));
        let result = test(value);
        *current.lock().unwrap_or_else(|e| e.into_inner()) = None;
        result
    });
    eprintln!("fuzz {name}: {cases} cases in {:.1?}", start.elapsed());
    if let Err(e) = outcome {
        panic!("fuzz {name} failed: {e}");
    }
}

// ---------------------------------------------------------------- checks

/// A formatted string shown to people: never `NaN` or `inf` in any form.
fn shown(what: &str, s: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        !s.contains("NaN") && !s.contains("inf") && !s.contains("Inf"),
        "{what} shows {s:?}"
    );
    Ok(())
}

/// Text with labels (CSV, Markdown, JSON): no word `NaN`, `inf` or `infinity`
/// ("inference" in a label is fine).
fn no_bad_words(what: &str, s: &str) -> Result<(), TestCaseError> {
    let bad = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| ["nan", "inf", "infinity"].contains(&w.to_ascii_lowercase().as_str()));
    prop_assert!(bad.is_none(), "{what} contains {bad:?}: {s:?}");
    Ok(())
}

/// Validates `raw`; when valid, calculates and checks every formatted
/// output; when invalid, checks that the errors are the fields' own.
fn check_scenario(raw: &RawInputs) -> Result<(), TestCaseError> {
    let parsed = match parse_scenario(raw).into_result() {
        Ok(p) => p,
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            for (field, error) in &errors {
                // Growth's ends are also checked against growth (issue #17).
                if !matches!(
                    error,
                    InputError::AboveGrowth(_) | InputError::BelowGrowth(_)
                ) {
                    prop_assert_eq!(
                        parse_field(*field, raw.get(*field), raw.decimal_mark()),
                        Err(*error)
                    );
                }
                shown("an error message", &error.to_string())?;
            }
            return Ok(());
        }
    };
    let i = parsed.inputs;
    let r = calculate(&i);
    // Issue #17: the simulation's model is the page's, to the last bit.
    let o = outcome(&i);
    prop_assert_eq!(o.net_benefit.to_bits(), r.net_benefit.to_bits());
    prop_assert_eq!(
        o.roi_percent.map(f64::to_bits),
        r.roi_percent.map(f64::to_bits)
    );
    prop_assert_eq!(
        o.break_even_months.map(f64::to_bits),
        r.break_even_months.map(f64::to_bits)
    );
    // The simulation of the ranges, at the fewest draws, and
    // the exports that carry it.
    let ranges_ok = parsed.ranges.is_some();
    let mut sim = None;
    if let Some(ranges) = parsed.ranges {
        let ranges = Ranges {
            draws: 1000,
            ..ranges
        };
        sim = simulate(parsed.inputs, &ranges);
        if let Some(s) = &sim {
            for m in SimFigure::ALL {
                if let Some(v) = m.value(s) {
                    prop_assert!(v.is_finite(), "{} = {v}", m.name());
                }
                shown(m.name(), &m.text(F, s))?;
            }
            shown("sentence", &sentence(F, s))?;
        }
    }
    for m in Figure::of(&r) {
        if let Some(v) = m.value(&r) {
            prop_assert!(v.is_finite(), "{} = {v}", m.name());
        }
        shown(m.name(), &m.text(F, &r))?;
    }
    for f in worked(F, &i, &r) {
        if let Some(w) = &f.worked {
            shown(f.metric, w)?;
        }
    }
    for month in schedule(&i, i.months) {
        let values = [
            month.requests,
            month.net,
            month.cumulative,
            month.discounted_cumulative,
            month.cumulative_requests,
        ];
        prop_assert!(values.iter().all(|v| v.is_finite()), "{month:?}");
    }
    let export = ExportDoc::new(F, "fuzz", raw, &i, &r).with_simulation(sim.as_ref());
    let json = export.json();
    prop_assert!(serde_json::from_str::<Value>(&json).is_ok(), "{json}");
    // The export keeps the field texts as typed; its numbers must be clean.
    let doc: Value = serde_json::from_str(&json).unwrap_or_default();
    no_bad_words("JSON export inputs", &doc["inputs"].to_string())?;
    no_bad_words("JSON export results", &doc["results"].to_string())?;
    no_bad_words("JSON export simulation", &doc["simulation"].to_string())?;
    no_bad_words("CSV export", &export.csv())?;
    no_bad_words("Markdown export", &export.markdown())?;
    // A valid scenario survives its link (links keep 200 characters a value).
    if raw.0.iter().any(|t| t.chars().count() > MAX_VALUE_LEN) {
        return Ok(());
    }
    let back = decode(&encode(raw, &RawInputs::example()), RawInputs::example());
    prop_assert_eq!(&back.raw, raw);
    // Bad ranges on a valid scenario are a damaged link's too (issue #17).
    prop_assert_eq!(back.bad.is_empty(), ranges_ok);
    Ok(())
}

// ------------------------------------------------------------ generators

/// Texts at and around every limit, and the classic bad inputs.
const EDGES: &[&str] = &[
    "",
    " ",
    "-",
    "+",
    ".",
    "e",
    "1e",
    "e5",
    "0",
    "-0",
    "+0",
    "\u{2212}0",
    "00",
    "0.0",
    "1",
    "12",
    " 12 ",
    "12.0",
    "12.5",
    "600",
    "601",
    "0.5",
    "1e15",
    "1.1e15",
    "1000000000000000",
    "1000000000000001",
    "1e-9",
    "9e-10",
    "1e-10",
    "1e-300",
    "5e-324",
    "1e308",
    "1e309",
    "1e999",
    "-1e999",
    "NaN",
    "nan",
    "-NaN",
    "inf",
    "-inf",
    "+inf",
    "Infinity",
    "-Infinity",
    "infinity",
    "1,000",
    "1,000.50",
    "1.000,5",
    "0,02",
    "2500,5",
    "1.000",
    "12.500",
    "-1.000",
    "1.000.000",
    "1,00,000",
    "1\u{202f}000,5",
    "1,5e3",
    "1,5e999",
    "0x10",
    "0b1",
    "1_000",
    "1 000",
    "\u{2212}5",
    "\u{2013}5",
    "-5",
    "\u{2212}",
    "\u{2212} 5",
    "--5",
    "+-5",
    "1e+5",
    "1E5",
    "1e-5",
    ".5",
    "5.",
    "1..2",
    "1e5e5",
    "\u{FF11}\u{FF12}",
    "\u{0661}\u{0662}",
    "$100",
    "100%",
    "abc",
    "null",
    "undefined",
    "true",
    "\u{1F680}",
    "99",
    "100",
    "100.5",
    "101",
    "1000",
    "1001",
    "52",
    "53",
    "-99",
    "-100",
    "direct",
    "tokens",
    "itemized",
    "1m",
    "1k",
    "flat",
];

/// A number in `[1e-9, 1e15]`, log-uniform, written one of several ways.
fn magnitude() -> impl Strategy<Value = String> {
    (-9i32..=15, 1.0f64..10.0, 0u8..4).prop_map(|(e, m, how)| {
        let v = (m * 10f64.powi(e)).clamp(MIN_NONZERO, MAX_VALUE);
        match how {
            0 => format!("{v}"),
            1 => format!("{v:e}"),
            2 => format!("{v:.3}"),
            _ => format!("{:.0}", v.round()),
        }
    })
}

/// Any text a field might receive.
fn number_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(EDGES).prop_map(str::to_owned),
        4 => magnitude(),
        2 => any::<f64>().prop_map(|v| format!("{v}")),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
        2 => (-1000i64..=1000).prop_map(|v| v.to_string()),
        2 => "[0-9eE.+\\-, \u{2212}\u{2013}]{0,14}",
        1 => "\\PC{0,24}",
        1 => (prop::sample::select(&[" ", "\t", "$", "%", "\u{2212}", "+", "-", "\u{a0}"][..]), magnitude(), any::<bool>())
            .prop_map(|(d, n, before)| if before { format!("{d}{n}") } else { format!("{n}{d}") }),
        1 => (0usize..3000).prop_map(|n| "9".repeat(n)),
    ]
    .boxed()
}

/// A value of `field` that is valid (mostly far from the defaults).
fn valid_text(field: Field) -> BoxedStrategy<String> {
    let valid = move |t: String| {
        if parse_field(field, &t, DecimalMark::Point).is_ok() {
            t
        } else {
            field.example().to_owned()
        }
    };
    match field.kind() {
        Kind::Choice(options) => prop::sample::select(options).prop_map(str::to_owned).boxed(),
        Kind::Months => prop_oneof![
            (1u32..=600).prop_map(|m| m.to_string()),
            prop::sample::select(&["1", "2", "12", "599", "600", " 12 ", "1e2", "12.0"][..])
                .prop_map(str::to_owned),
        ]
        .boxed(),
        // Issue #17: a range's ends (mostly empty: no range), draws, seed.
        Kind::End(low, high) => prop_oneof![
            3 => Just(String::new()),
            1 => (low..=high).prop_map(|v| v.to_string()),
            1 => (f64::from(low)..=f64::from(high)).prop_map(|v| format!("{v:.2}")),
        ]
        .boxed(),
        Kind::WholeIn(low, high) => (low..=high.min(1 << 53)).prop_map(|v| v.to_string()).boxed(),
        Kind::Bounded(max) => prop_oneof![
            (0..=max).prop_map(|v| v.to_string()),
            (0.0..=f64::from(max)).prop_map(|v| format!("{v}")),
            Just(max.to_string()),
            Just("0".to_owned()),
        ]
        .boxed(),
        _ => prop_oneof![
            3 => magnitude(),
            1 => prop::sample::select(&["0", "1e15", "1e-9", "-0", "\u{2212}0", "+1"][..]).prop_map(str::to_owned),
            1 => (-99i32..=99).prop_map(|v| v.to_string()),
            1 => (-99.0f64..=99.0).prop_map(|v| format!("{v:.2}")),
        ]
        .prop_map(valid)
        .boxed(),
    }
}

/// A scenario: every field valid, then (half the time) a few replaced by
/// arbitrary text.
fn scenario() -> impl Strategy<Value = RawInputs> {
    let fields: Vec<_> = Field::ALL.iter().map(|&f| valid_text(f)).collect();
    let junk = prop::collection::vec((0..Field::ALL.len(), number_text()), 0..3);
    (fields, prop_oneof![Just(Vec::new()), junk]).prop_map(|(texts, junk)| {
        let mut raw = RawInputs::example();
        for (field, text) in Field::ALL.into_iter().zip(texts) {
            raw.set(field, text);
        }
        for (at, text) in junk {
            raw.set(Field::ALL[at], text);
        }
        raw
    })
}

fn names() -> Vec<&'static str> {
    Field::ALL.iter().map(|f| f.name()).collect()
}

/// A query key: a real field name, `v`, or anything.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(names()).prop_map(str::to_owned),
        1 => Just("v".to_owned()),
        1 => "[a-zA-Z_]{0,12}",
        1 => "\\PC{0,6}",
    ]
}

/// A query string: well-formed pairs (escaped as a browser would), or raw
/// text full of separators and escapes.
fn query() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        6 => number_text(),
        1 => prop::sample::select(&["1", "2", "0", "", "999999999999999999999", "1.0", " 1 "][..]).prop_map(str::to_owned),
        1 => (0usize..500).prop_map(|n| "x".repeat(n)),
    ];
    let pairs = prop::collection::vec((key(), value), 0..16).prop_map(|pairs| {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            out.append_pair(k, v);
        }
        out.finish()
    });
    prop_oneof![
        6 => (any::<bool>(), pairs).prop_map(|(q, s)| if q { format!("?{s}") } else { s }),
        2 => "[a-z_=&%+0-9.\\-?#;A-F]{0,80}",
        1 => "\\PC{0,80}",
        1 => (prop::sample::select(names()), 0usize..5000).prop_map(|(k, n)| format!("{k}={}", "%E2%88%92".repeat(n / 9))),
    ]
}

/// A JSON value where a field's text is expected.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => number_text().prop_map(Value::String),
        3 => any::<f64>().prop_map(|v| serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)),
        1 => any::<i64>().prop_map(|v| json!(v)),
        1 => any::<u64>().prop_map(|v| json!(v)),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!([1, "2"])),
        1 => Just(json!({ "a": 1 })),
    ]
}

/// A `fields` object: real names mostly, odd keys sometimes.
fn fields_object() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), json_value()), 0..20)
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>()))
}

fn version() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => Just(json!(1)),
        1 => Just(json!(0)),
        1 => Just(json!(2)),
        1 => Just(json!(-1)),
        1 => Just(json!("1")),
        1 => Just(json!(1.5)),
        1 => Just(Value::Null),
        1 => any::<u64>().prop_map(|v| json!(v)),
    ]
}

/// JSON text: `doc` serialized, sometimes cut short or with a stray byte.
fn damaged(doc: impl Strategy<Value = Value>) -> impl Strategy<Value = String> {
    (doc, 0u8..10, any::<prop::sample::Index>(), any::<char>()).prop_map(|(doc, how, at, c)| {
        let text = doc.to_string();
        let cut = text
            .char_indices()
            .map(|(i, _)| i)
            .nth(at.index(text.chars().count().max(1)))
            .unwrap_or(text.len());
        match how {
            0 => text[..cut].to_owned(),
            1 => format!("{}{c}{}", &text[..cut], &text[cut..]),
            _ => text,
        }
    })
}

fn working_doc() -> impl Strategy<Value = String> {
    let doc = (version(), fields_object(), any::<bool>(), json_value()).prop_map(
        |(v, fields, extra, link)| {
            let mut doc = json!({ "version": v, "fields": fields });
            if extra {
                doc["unknown"] = json!("kept out");
                doc["linked_id"] = link;
            }
            doc
        },
    );
    prop_oneof![
        8 => damaged(doc),
        1 => "\\PC{0,60}",
        1 => Just("null".to_owned()),
    ]
}

fn library_doc() -> impl Strategy<Value = String> {
    let saved = (json_value(), "\\PC{0,90}", fields_object())
        .prop_map(|(id, name, fields)| json!({ "id": id, "name": name, "fields": fields }));
    let doc = (version(), json_value(), prop::collection::vec(saved, 0..6)).prop_map(
        |(v, next, scenarios)| json!({ "version": v, "next_id": next, "scenarios": scenarios }),
    );
    prop_oneof![
        8 => damaged(doc),
        1 => "\\PC{0,60}",
        1 => Just("[]".to_owned()),
    ]
}

fn export_doc() -> impl Strategy<Value = String> {
    let format = prop_oneof![
        6 => Just(json!("ft-roi-scenario")),
        1 => Just(json!("other")),
        1 => Just(json!(1)),
        1 => Just(Value::Null),
    ];
    let doc = (
        format,
        version(),
        json_value(),
        fields_object(),
        fields_object(),
        any::<bool>(),
    )
        .prop_map(|(format, v, name, inputs, fields, with_fields)| {
            let mut doc = json!({ "format": format, "version": v, "name": name, "inputs": inputs });
            if with_fields {
                doc["fields"] = fields;
            }
            doc
        });
    prop_oneof![
        8 => damaged(doc),
        1 => "\\PC{0,60}",
        1 => Just("{}".to_owned()),
    ]
}

// ----------------------------------------------------------------- targets

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_url_decoder() {
    run("url decoder", query(), |q| {
        let d = decode(&q, RawInputs::example());
        for field in Field::ALL {
            prop_assert!(d.raw.get(field).chars().count() <= MAX_VALUE_LEN);
        }
        if let Some(v) = &d.unsupported_version {
            prop_assert!(v.chars().count() <= 20);
        }
        prop_assert!(d.bad.is_empty() || d.has_scenario);
        for (field, error) in &d.bad {
            // Growth's ends are also checked against growth (issue #17).
            if !matches!(
                error,
                InputError::AboveGrowth(_) | InputError::BelowGrowth(_)
            ) {
                prop_assert_eq!(
                    parse_field(*field, d.raw.get(*field), d.raw.decimal_mark()),
                    Err(*error)
                );
            }
        }
        check_scenario(&d.raw)
    });
}

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_working_store() {
    run("working store decoder", working_doc(), |text| {
        if let Ok(raw) = decode_working(&text) {
            prop_assert_eq!(
                decode_working(&encode_working(&raw)).ok(),
                Some(raw.clone())
            );
            check_scenario(&raw)?;
        }
        Ok(())
    });
}

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_library_store() {
    run("library store decoder", library_doc(), |text| {
        if let Ok(library) = decode_library(&text) {
            let again = decode_library(&encode_library(&library)).ok();
            prop_assert_eq!(
                again.as_ref(),
                Some(&library),
                "re-encoded library reads back"
            );
            for saved in &library.scenarios {
                check_scenario(&saved.raw)?;
            }
        }
        Ok(())
    });
}

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_json_import() {
    run("JSON import", export_doc(), |text| {
        match import_json(&text) {
            Ok((_, raw)) => {
                prop_assert!(
                    parse_scenario(&raw).into_result().is_ok(),
                    "an import must be valid"
                );
                check_scenario(&raw)?;
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    shown("an import error", &e.to_string())?;
                }
            }
        }
        Ok(())
    });
}

#[path = "support/writer.rs"]
mod writer;

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_number_writer() {
    run(
        "number writer",
        (writer::value(), writer::spec()),
        |(x, spec)| writer::check_writer(x, spec),
    );
}

#[test]
#[ignore = "fuzzing at scale: cargo test --release --test fuzz -- --ignored"]
fn fuzz_calculation() {
    run("calculation and formatting", scenario(), |raw| {
        check_scenario(&raw)
    });
}
