//! The stored documents and the exported files keep their formats: the
//! fixtures in `tests/fixtures/`, written by the build before the documents
//! moved to serde (main 120f3fc), load unchanged, and today's code writes
//! the same text for them (fields or figures added since at the end of
//! their lists aside). Numbers read back bit for bit.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::{import_json, ExportDoc};
use ft_roi::core::codec::store::{
    decode_library, decode_working_doc, encode_library, encode_working,
};
use ft_roi::core::present::compare::compare;
use ft_roi::core::{calculate, parse_scenario, Field, Inputs, RawInputs};
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("tests/fixtures/{name}: {e}"))
}

// The scenarios the fixtures were written from.

fn builders() -> RawInputs {
    let mut raw = RawInputs::example();
    for (field, text) in [
        (Field::CostMode, "tokens"),
        (Field::FtInputTokens, "400"),
        (Field::TrainingMode, "itemized"),
        (Field::MaintenanceMode, "itemized"),
        (Field::RetrainCost, "300"),
        (Field::RetrainPerYear, "3"),
        (Field::Growth, "5"),
        (Field::Discount, "10"),
        (Field::AccuracyGain, "1"),
        (Field::ErrorValue, "0.2"),
    ] {
        raw.set(field, text);
    }
    raw
}

fn de() -> RawInputs {
    let mut raw = RawInputs::example();
    for (field, text) in [
        (Field::Currency, "EUR"),
        (Field::Locale, "de-DE"),
        (Field::Maintenance, "150,125"),
        (Field::Finetuned, "0,0125"),
        (Field::Baseline, "0,000045"),
        (Field::Requests, "1e12"),
    ] {
        raw.set(field, text);
    }
    raw
}

fn never() -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::Maintenance, "900");
    raw
}

fn working() -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::Training, "4000");
    raw.set(Field::Months, "18");
    raw.set(
        Field::Requests,
        "1 000 000 \"quoted\" \\ back\tslash\nline é€😀 \u{1}",
    );
    raw.set(Field::Baseline, "abc");
    raw
}

const BUILDERS: &str = "Builders, growth & \"discount\"";
const DE: &str = "Zähler <img src=x> 😀";

/// Today's document `ours` against the fixture `theirs`, line by line with
/// trailing commas ignored, after dropping the members whose key the
/// fixture does not have (fields and figures added since, at the end of
/// their lists).
#[track_caller]
fn same_document(ours: &str, theirs: &str) {
    let key = |line: &str| {
        let line = line.trim_start();
        line.strip_prefix('"')
            .and_then(|rest| rest.split_once("\": "))
            .map(|(k, _)| format!("\"{k}\": "))
    };
    let known = |line: &&str| key(line).is_none_or(|k| theirs.contains(&k));
    let norm = |text: &str, all: bool| -> Vec<String> {
        text.lines()
            .filter(|l| all || known(l))
            .map(|l| l.trim_end_matches(',').to_owned())
            .collect()
    };
    assert_eq!(norm(ours, false), norm(theirs, true));
}

/// A compact document `ours` against the fixture `theirs`: the same text
/// once every `,"name":"text"` member of a field the fixture lacks (added
/// since, at the end of the list) is taken out.
#[track_caller]
fn same_compact(ours: &str, theirs: &str) {
    let mut ours = ours.to_owned();
    for field in Field::ALL {
        if !theirs.contains(&format!("\"{}\":", field.name())) {
            let text = serde_json::to_string(field.example()).unwrap();
            ours = ours.replace(&format!(",\"{}\":{text}", field.name()), "");
        }
    }
    assert_eq!(ours, theirs);
}

/// Every line of the fixture `theirs` appears in `ours`, in order (later
/// builds add lines: the scenario's name, new fields and figures).
#[track_caller]
fn has_every_line(ours: &str, theirs: &str) {
    let mut lines = ours.split("\r\n").flat_map(|l| l.split('\n'));
    for line in theirs.split("\r\n").flat_map(|l| l.split('\n')) {
        assert!(
            lines.any(|l| l == line),
            "missing or out of order: {line:?}\nin:\n{ours}"
        );
    }
}

#[test]
fn the_stored_working_scenario_loads_unchanged_and_is_written_the_same() {
    let text = fixture("storage-working.json");
    let doc = decode_working_doc(&text).unwrap();
    assert_eq!(doc.fields, working());
    assert_eq!(doc.linked_id, None);
    same_compact(&encode_working(&doc.fields), &text);
}

#[test]
fn the_stored_library_loads_unchanged_and_is_written_the_same() {
    let text = fixture("storage-library.json");
    let lib = decode_library(&text).unwrap();
    assert_eq!(lib.next_id, 6);
    let entries: Vec<(u64, &str)> = lib
        .scenarios
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    assert_eq!(
        entries,
        [(1, "Reference"), (3, BUILDERS), (4, DE), (5, "=1+1")]
    );
    let raws: Vec<&RawInputs> = lib.scenarios.iter().map(|s| &s.raw).collect();
    assert_eq!(raws, [&RawInputs::example(), &builders(), &de(), &never()]);
    same_compact(&encode_library(&lib), &text);
    // What a change then writes builds on it: the next id is 6.
    let mut lib = lib;
    assert_eq!(lib.save_new("New", RawInputs::example()), Ok(6));
}

#[test]
fn exported_files_import_unchanged_and_are_written_the_same() {
    for (file, name, raw) in [
        ("reference", "Reference", RawInputs::example()),
        ("builders", BUILDERS, builders()),
        ("de", DE, de()),
        ("never", "=1+1", never()),
    ] {
        let json = fixture(&format!("export-{file}.json"));
        let (imported_name, imported) = import_json(&json).unwrap();
        assert_eq!(imported_name.as_deref(), Some(name), "{file}");
        let p = parse_scenario(&raw).into_result().unwrap();
        // The six come from `inputs` (as built), the rest from `fields`.
        assert_eq!(
            parse_scenario(&imported).into_result().unwrap().inputs,
            p.inputs,
            "{file}"
        );
        for field in Field::ALL.into_iter().filter(|f| !Field::CORE.contains(f)) {
            assert_eq!(imported.get(field), raw.get(field), "{file}: {field:?}");
        }
        let r = calculate(&p.inputs);
        let doc = ExportDoc::new(F, name, &raw, &p.inputs, &r);
        same_document(&doc.json(), &json);
        has_every_line(&doc.csv(), &fixture(&format!("export-{file}.csv")));
        has_every_line(&doc.markdown(), &fixture(&format!("export-{file}.md")));
    }
    let table = compare(
        F,
        &[
            ("Current scenario".into(), RawInputs::example()),
            (BUILDERS.into(), builders()),
            ("Never".into(), never()),
        ],
    );
    has_every_line(&table.to_csv(), &fixture("compare.csv"));
}

#[test]
fn exported_numbers_read_back_bit_for_bit() {
    // serde_json reads this one a bit off without `float_roundtrip`.
    for training in [
        927_402.668_974_706_7,
        0.1 + 0.2,
        1e-7,
        5e-324,
        1.5e300,
        -0.0,
    ] {
        let i = Inputs {
            training,
            ..Inputs::EXAMPLE
        };
        let json = ExportDoc::new(F, "x", &i.to_raw(), &i, &calculate(&i)).json();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let back = doc["inputs"]["training"].as_f64().unwrap();
        assert_eq!(back.to_bits(), training.to_bits(), "{training:e} in {json}");
    }
    // Whole numbers are written as people write them.
    let i = Inputs::EXAMPLE;
    let json = ExportDoc::new(F, "x", &i.to_raw(), &i, &calculate(&i)).json();
    assert!(json.contains("\"training\": 2500,"), "{json}");
    assert!(json.contains("\"net_benefit\": 5900,"), "{json}");
}

#[test]
fn documents_ignore_unknown_members() {
    let working = r#"{"later":[1,{"x":null}],"version":1,"fields":{"months":"24","new_input":"7"},"theme":"dark"}"#;
    assert_eq!(
        decode_working_doc(working)
            .unwrap()
            .fields
            .get(Field::Months),
        "24"
    );
    let library = r#"{"version":1,"next_id":4,"folders":[],"scenarios":[{"id":3,"name":"a","fields":{},"colour":"red"}]}"#;
    let lib = decode_library(library).unwrap();
    assert_eq!((lib.next_id, lib.scenarios[0].id), (4, 3));
    let mut file: serde_json::Value =
        serde_json::from_str(&fixture("export-reference.json")).unwrap();
    file["extra"] = serde_json::json!({"deep": [1, 2]});
    file["inputs"]["unknown"] = serde_json::json!("x");
    let (_, raw) = import_json(&file.to_string()).unwrap();
    assert_eq!(raw, RawInputs::example());
}

#[test]
fn exports_carry_the_builders_fields_the_scenario_uses_and_keep_every_line() {
    use ft_roi::core::codec::export::part_inputs;
    let raw = builders();
    let p = parse_scenario(&raw).into_result().unwrap();
    let r = calculate(&p.inputs);
    let parts = part_inputs(&raw, &p);
    let doc = ExportDoc::new(F, BUILDERS, &raw, &p.inputs, &r).with_parts(&parts);
    let (csv, md) = (doc.csv(), doc.markdown());
    // Every line of the format as pinned, in order.
    has_every_line(&csv, &fixture("export-builders.csv"));
    has_every_line(&md, &fixture("export-builders.md"));
    // The assumptions, after the model's inputs and before the results:
    // the request costs' tokens, shares and prices of each side, the
    // investment's items, the operations' items.
    let lines: Vec<&str> = csv.split("\r\n").collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("missing {line:?} in\n{csv}"))
    };
    let parts_at = [
        "input,cost_mode,Request costs,1,tokens",
        "input,price_unit,Token prices per,0,1m",
        "input,base_input_tokens,Baseline input tokens,1000,\"1,000\"",
        "input,base_input_price,Baseline input price,10,$10.00",
        "input,base_cache_share,Baseline cached input,0,0 % of input",
        "input,ft_input_tokens,Fine-tuned input tokens,400,400",
        "input,ft_fallback_share,Fine-tuned fallback to baseline,0,0 % of requests",
        "input,training_mode,One-time investment,1,itemized",
        "input,label_examples,Labeled examples,1000,\"1,000\"",
        "input,label_cost,Cost per example,2,$2.00",
        "input,compute_mode,Training compute,0,flat",
        "input,compute_flat,Compute cost,500,$500",
        "input,maintenance_mode,Recurring operations,1,itemized",
        "input,monitoring,Monitoring and tooling,100,$100",
        "input,support_rate,Support rate,100,$100",
    ]
    .map(at);
    assert!(parts_at.windows(2).all(|w| w[0] < w[1]), "{csv}");
    assert!(at("input,discount,Annual discount rate,10,10 % per year") < parts_at[0]);
    assert!(parts_at[14] < at("result,request_savings,Per-request savings,0.0116,$0.0116"));
    // Fields the modes do not use are left out; retraining is there once.
    for absent in ["train_tokens", "train_price", ",training,", ",baseline,0"] {
        assert!(
            !csv.contains(&format!("input,{absent}")),
            "{absent} in {csv}"
        );
    }
    assert_eq!(csv.matches("input,retrain_cost,").count(), 1, "{csv}");
    for row in [
        "| Request costs | From tokens |",
        "| Token prices per | 1M tokens |",
        "| Baseline output price | $10.00 |",
        "| Fine-tuned input tokens | 400 |",
        "| Training compute | Flat amount |",
        "| Labeled examples | 1,000 |",
        "| Support and troubleshooting | 0 |",
    ] {
        assert!(md.contains(&format!("{row}\n")), "{row} in {md}");
    }
    // Priced by training tokens: those fields instead of the flat amount.
    let mut tokens = raw.clone();
    tokens.set(Field::ComputeMode, "tokens");
    let p = parse_scenario(&tokens).into_result().unwrap();
    let names: Vec<&str> = part_inputs(&tokens, &p)
        .iter()
        .map(|(f, _)| f.name())
        .collect();
    assert!(names.contains(&"train_tokens") && names.contains(&"train_price"));
    assert!(!names.contains(&"compute_flat"));
    // A scenario entered directly has no parts: its exports are as before.
    let plain = RawInputs::example();
    let p = parse_scenario(&plain).into_result().unwrap();
    assert_eq!(part_inputs(&plain, &p), []);
}
