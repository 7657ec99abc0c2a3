//! The core's JSON reader and writer against serde_json, the reference:
//! they accept the same texts, read them to the same values, and what the
//! core writes serde_json reads back unchanged (and the other way round).
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::json::{parse, Json};
use proptest::prelude::*;
use serde_json::Value;

/// Whether the core's value and serde_json's are the same JSON value.
fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => {
            b.as_f64().is_some_and(|b| a.to_bits() == b.to_bits())
        }
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        // serde_json keeps one member per key (the last); so does `get`.
        (Json::Object(a), Value::Object(b)) => {
            a.iter().all(|(k, _)| b.contains_key(k))
                && b.iter()
                    .all(|(k, v)| ours.get(k).is_some_and(|o| same(o, v)))
        }
        _ => false,
    }
}

/// serde_json's value as the core's, members in serde_json's (sorted) order.
fn ours(theirs: &Value) -> Json {
    match theirs {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.as_f64().unwrap()),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(items) => Json::Array(items.iter().map(ours).collect()),
        Value::Object(members) => Json::object(members.iter().map(|(k, v)| (k.clone(), ours(v)))),
    }
}

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "[\"\\\\/\u{0}-\u{1f}a\u{7f}é€😀\u{fffd}]{0,8}",]
}

fn any_value(numbers: bool) -> impl Strategy<Value = Value> {
    let number = if numbers {
        prop_oneof![
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(Value::from),
            (-1e6..1e6f64).prop_map(Value::from),
        ]
        .boxed()
    } else {
        Just(Value::Null).boxed()
    };
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        any_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any_string(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Texts near JSON: its punctuation, literals, digits and escapes.
fn json_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{"),
            Just("}"),
            Just("["),
            Just("]"),
            Just(":"),
            Just(","),
            Just("\""),
            Just("\\"),
            Just("\\u"),
            Just("\\ud83d"),
            Just("\\ude00"),
            Just("d800"),
            Just("00e9"),
            Just("n"),
            Just("t"),
            Just("null"),
            Just("true"),
            Just("fals"),
            Just("false"),
            Just("0"),
            Just("1"),
            Just("9"),
            Just("-"),
            Just("+"),
            Just("."),
            Just("e"),
            Just("E"),
            Just("1e999"),
            Just("1e-999"),
            Just(" "),
            Just("\n"),
            Just("\t"),
            Just("\u{c}"),
            Just("\u{1}"),
            Just("a"),
            Just("é"),
            Just("/"),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_what_serde_json_writes(v in any_value(true)) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let read = parse(&text);
            prop_assert!(read.as_ref().is_some_and(|r| same(r, &v)), "{text} → {read:?}");
        }
    }

    #[test]
    fn serde_json_reads_what_it_writes(v in any_value(true)) {
        let value = ours(&v);
        for text in [value.to_text(), value.to_pretty_text()] {
            let back: Value = serde_json::from_str(&text).unwrap();
            prop_assert!(same(&value, &back), "{text}");
            prop_assert_eq!(parse(&text), Some(value.clone()));
        }
    }

    #[test]
    fn writes_text_as_serde_json_does(v in any_value(false)) {
        // Without numbers (serde_json writes 2500.0, the core 2500) the texts
        // are the same to the byte: layout and string escapes.
        let value = ours(&v);
        prop_assert_eq!(value.to_text(), serde_json::to_string(&v).unwrap());
        prop_assert_eq!(value.to_pretty_text(), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in json_ish()) {
        let theirs = serde_json::from_str::<Value>(&text);
        let read = parse(&text);
        prop_assert_eq!(read.is_some(), theirs.is_ok(), "{:?}: ours {:?}, serde_json {:?}", text, read, theirs);
        if let (Some(read), Ok(theirs)) = (read, theirs) {
            prop_assert!(same(&read, &theirs), "{text}");
        }
    }

    #[test]
    fn numbers_round_trip_to_the_bit(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let text = Json::Number(x).to_text();
        prop_assert_eq!(parse(&text).and_then(|v| v.as_f64()).map(f64::to_bits), Some(x.to_bits()));
        prop_assert_eq!(serde_json::from_str::<f64>(&text).unwrap().to_bits(), x.to_bits());
    }
}

#[test]
fn nesting_is_limited_as_in_serde_json() {
    for depth in [1, 100, 126, 127, 128, 129, 5000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            parse(&text).is_some(),
            serde_json::from_str::<Value>(&text).is_ok(),
            "depth {depth}"
        );
    }
}

#[test]
fn reads_and_writes_by_example() {
    let doc =
        parse(r#" {"a": [1, -0.5e2, "x\"\u00e9\ud83d\ude00"], "a": null, "b": {}} "#).unwrap();
    assert_eq!(
        doc.get("a"),
        Some(&Json::Null),
        "a repeated key reads as its last value"
    );
    assert_eq!(doc.get("b"), Some(&Json::Object(vec![])));
    let items = doc.as_object().unwrap()[0].1.as_array().unwrap();
    assert_eq!(items[1].as_f64(), Some(-50.0));
    assert_eq!(items[2].as_str(), Some("x\"é😀"));
    assert_eq!(
        doc.to_pretty_text(),
        "{\n  \"a\": [\n    1,\n    -50,\n    \"x\\\"é😀\"\n  ],\n  \"a\": null,\n  \"b\": {}\n}"
    );
    assert_eq!(Json::Number(f64::NAN).to_text(), "null");
    assert_eq!(Json::from(Some(0.1 + 0.2)).to_text(), "0.30000000000000004");
    assert_eq!(Json::from(None::<f64>).to_text(), "null");
    assert_eq!(
        Json::String("\u{1}\u{8}\u{c}".into()).to_text(),
        r#""\u0001\b\f""#
    );
    assert_eq!(Json::Number(3.0).as_u64(), Some(3));
    assert_eq!(Json::Number(3.5).as_u64(), None);
    assert_eq!(Json::Number(-1.0).as_u64(), None);
    for bad in [
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        ".5",
        "+1",
        "1e",
        "\"\\x\"",
        "nul",
        "[] []",
        "1e400",
        "\"\\ud800\"",
    ] {
        assert_eq!(parse(bad), None, "{bad:?}");
    }
}
