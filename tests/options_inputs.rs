//! Options 3 to 6 as inputs (issue 28): their `oK_…` fields through a
//! link, storage and the JSON export and back; bad input on one option;
//! keys of options outside 3 to 6; each kind's cost by hand through the
//! fields; the two-option case equal to today's model.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::import_json;
use ft_roi::core::codec::start::start;
use ft_roi::core::codec::store::{decode_working_doc, encode_working};
use ft_roi::core::codec::url::{decode, decode_with, encode};
use ft_roi::core::inputs::option_fields::{is_outside_key, Term};
use ft_roi::core::model::options::{side_by_side, OptionKind};
use ft_roi::core::model::Basis;
use ft_roi::core::{calculate, parse_scenario, parse_sides, Field, InputError, RawInputs};
use proptest::prelude::*;

/// Option `k`'s field named `suffix`.
#[track_caller]
fn of(k: usize, suffix: &str) -> Field {
    Field::from_name(&format!("o{k}_{suffix}")).expect("an option field")
}

/// The reference example with `pairs` (`o3_kind`, `rag`) set.
fn with(pairs: &[(&str, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    for (name, text) in pairs {
        raw.set(Field::from_name(name).expect(name), *text);
    }
    raw
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} != {b}"
    );
}

/// Four options of every kind on the reference example (direct costs,
/// 100,000 requests a month for 12 months: 1,200,000 requests).
fn four_kinds() -> RawInputs {
    with(&[
        ("o3_kind", "model"),
        ("o3_name", "Smaller model"),
        ("o3_request_cost", "0.01"),
        ("o3_one_time", "1200"),
        ("o4_kind", "rag"),
        ("o4_request_cost", "0.01"),
        ("o4_embed_tokens", "500"),
        ("o4_embed_price", "0.02"),
        ("o4_corpus_tokens", "10000000"),
        ("o4_reindex_per_month", "2"),
        ("o4_monthly", "100"),
        ("o5_kind", "finetune"),
        ("o5_request_cost", "0.005"),
        ("o5_fallback_share", "10"),
        ("o5_retrain_cost", "1000"),
        ("o5_retrain_per_year", "2"),
        ("o5_one_time", "3000"),
        ("o6_kind", "distill"),
        ("o6_request_cost", "0.004"),
        ("o6_one_time", "500"),
        ("o6_teacher_examples", "10000"),
        ("o6_teacher_input_tokens", "1000"),
        ("o6_teacher_input_price", "3"),
        ("o6_teacher_output_tokens", "500"),
        ("o6_teacher_output_price", "15"),
    ])
}

#[test]
fn the_template_gives_forty_fields_to_each_option_named_as_the_issue_lists_them() {
    for k in 3..=6 {
        for (t, suffix) in Term::ALL.iter().zip([
            "kind",
            "name",
            "request_cost",
            "input_tokens",
            "output_tokens",
            "input_price",
            "output_price",
            "cache_share",
            "cache_price",
            "retry_rate",
            "reasoning_tokens",
            "cache_write_share",
            "cache_write_price",
            "batch_share",
            "batch_discount",
            "fallback_share",
            "serving",
            "host_rate",
            "host_hours",
            "host_deployments",
            "unit_rate",
            "unit_rps",
            "peak_factor",
            "min_units",
            "unit_hours",
            "one_time",
            "monthly",
            "retrain_cost",
            "retrain_per_year",
            "accuracy_gain",
            "rag_tokens",
            "embed_tokens",
            "embed_price",
            "corpus_tokens",
            "reindex_per_month",
            "teacher_examples",
            "teacher_input_tokens",
            "teacher_input_price",
            "teacher_output_tokens",
            "teacher_output_price",
        ]) {
            let f = t.of(k).unwrap();
            assert_eq!(f.name(), format!("o{k}_{suffix}"));
            assert_eq!(f.option_term(), Some((k, *t)));
            assert!(
                f.label().starts_with(&format!("Option {k} ")),
                "{}",
                f.label()
            );
        }
        assert_eq!(Term::Kind.of(2), None);
        assert_eq!(Term::Kind.of(7), None);
    }
    assert_eq!(Field::Training.option_term(), None);
    // The sides' serving suffixes, the baseline's bill suffixes.
    assert_eq!(of(3, "unit_rps").kind(), Field::BaseUnitRps.kind());
    assert_eq!(of(5, "batch_discount").example(), "50");
}

#[test]
fn no_option_leaves_every_figure_as_today() {
    let p = parse_scenario(&RawInputs::example()).parsed.unwrap();
    assert!(p.options.is_empty());
    let s = side_by_side(&Basis::of(&p.inputs), &p.option_approaches());
    let r = calculate(&p.inputs);
    let c: Vec<f64> = s.costs.iter().map(|(_, c)| c.unwrap().cost).collect();
    close(c[0] - c[1], r.net_benefit, "C1 − C2 = net benefit");
    close(c[0], 24_000.0, "C1");
    close(c[1], 18_100.0, "C2");
    assert_eq!(s.cheapest, Some(2));
    // The fine-tune is cheaper from (2,500/12 + 100)/0.008 = 38,541.67 a month.
    assert_eq!(s.changes.len(), 1);
    close(
        s.changes[0].0,
        (2_500.0 / 12.0 + 100.0) / 0.008,
        "crossover",
    );
    assert_eq!(s.changes[0].1, 2);
}

#[test]
fn each_kind_costs_what_it_does_by_hand_through_its_fields() {
    let p = parse_scenario(&four_kinds()).parsed.unwrap();
    let kinds: Vec<OptionKind> = p.options.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [
            OptionKind::Model,
            OptionKind::Rag,
            OptionKind::Finetune,
            OptionKind::Distill
        ]
    );
    assert_eq!(p.options[0].title(), "Smaller model");
    assert_eq!(p.options[1].title(), "Option 4");
    let s = side_by_side(&Basis::of(&p.inputs), &p.option_approaches());
    let cost = |k: usize| s.costs[k - 1].1.unwrap().cost;
    // model: 0.01 × 1,200,000 + 1,200.
    close(cost(3), 13_200.0, "model");
    // rag: (0.01 + 500 × 0.02 / 1M) × 1.2M + 12 × (100 + 10M × 2 × 0.02 / 1M).
    close(cost(4), 0.010_01 * 1.2e6 + 12.0 * 100.4, "rag");
    // finetune: (0.005 + 10% × 0.02) × 1.2M + 2 × 1,000 + 3,000.
    close(cost(5), 0.007 * 1.2e6 + 2_000.0 + 3_000.0, "finetune");
    // distill: 0.004 × 1.2M + 500 + 10,000 × (1,000 × 3 + 500 × 15) / 1M.
    close(cost(6), 4_800.0 + 500.0 + 105.0, "distill");
    assert_eq!(s.cheapest, Some(6));
}

#[test]
fn in_token_mode_an_option_prices_its_bill_and_retrieval_adds_its_tokens() {
    let raw = with(&[
        ("cost_mode", "tokens"),
        ("o3_kind", "model"),
        ("o3_input_tokens", "1000"),
        ("o3_output_tokens", "500"),
        ("o3_input_price", "1"),
        ("o3_output_price", "4"),
        ("o3_retry_rate", "10"),
        ("o4_kind", "rag"),
        ("o4_input_tokens", "1000"),
        ("o4_rag_tokens", "2000"),
        ("o4_output_tokens", "500"),
        ("o4_input_price", "1"),
        ("o4_output_price", "4"),
        ("o4_retry_rate", "10"),
        ("o4_embed_tokens", "100"),
        ("o4_embed_price", "0.1"),
    ]);
    let p = parse_scenario(&raw).parsed.unwrap();
    let per_request = |i: usize| p.options[i].approach.unwrap().cost_per_request;
    // (1,000 × 1 + 500 × 4) / 1M = 0.003, and 10% retries.
    close(per_request(0), 0.0033, "model");
    // (3,000 × 1 + 500 × 4) / 1M = 0.005, retries, then one embedding.
    close(per_request(1), 0.0055 + 100.0 * 0.1 / 1e6, "rag");
    close(p.options[0].bill.unwrap().total, 0.0033, "bill");
}

#[test]
fn a_bad_value_on_one_option_is_its_fields_message_and_the_rest_stand() {
    let mut raw = four_kinds();
    raw.set(of(4, "embed_price"), "abc");
    raw.set(of(5, "kind"), "lora");
    raw.set(of(6, "name"), "x".repeat(61));
    let checked = parse_scenario(&raw);
    assert_eq!(
        checked.error(of(4, "embed_price")),
        Some(InputError::NotANumber)
    );
    assert_eq!(checked.error(of(5, "kind")), Some(InputError::UnknownKind));
    assert_eq!(checked.error(of(6, "name")), Some(InputError::NameTooLong));
    let p = checked.parsed.expect("the figures stand");
    let valid: Vec<bool> = p.options.iter().map(|o| o.approach.is_some()).collect();
    assert_eq!(valid, [true, false, false, false]);
    let s = side_by_side(&Basis::of(&p.inputs), &p.option_approaches());
    close(s.costs[2].1.unwrap().cost, 13_200.0, "option 3 stands");
    assert_eq!(s.cheapest, Some(3));
    assert_eq!(
        calculate(&p.inputs),
        calculate(&parse_scenario(&RawInputs::example()).parsed.unwrap().inputs)
    );
    // A field the kind does not use is not checked: a model has no teacher.
    let mut raw = four_kinds();
    raw.set(of(3, "teacher_examples"), "abc");
    assert!(parse_scenario(&raw).errors.is_empty());
    // Nothing typed is lost: the link keeps the text and names the field.
    let query = encode(
        &with(&[("o3_kind", "model"), ("o3_request_cost", "1,5")]),
        &RawInputs::example(),
    );
    let d = decode(&query, RawInputs::example());
    assert_eq!(d.raw.get(of(3, "request_cost")), "1,5");
    assert_eq!(d.bad.len(), 1);
    assert_eq!(d.bad[0].0, of(3, "request_cost"));
    assert!(matches!(d.bad[0].1, InputError::DecimalComma(_)));
}

#[test]
fn a_link_with_six_options_round_trips_through_the_link_storage_and_the_file() {
    let raw = four_kinds();
    let query = encode(&raw, &RawInputs::example());
    assert!(query.starts_with("v=1&"), "{query}");
    assert!(query.contains("o3_kind=model") && query.contains("o6_teacher_output_price=15"));
    let d = decode(&query, RawInputs::example());
    assert_eq!(d.raw, raw);
    assert!(d.bad.is_empty() && d.skipped.is_empty());
    let doc = decode_working_doc(&encode_working(&raw)).unwrap();
    assert_eq!(doc.fields, raw);
    let p = parse_scenario(&raw).parsed.unwrap();
    let r = calculate(&p.inputs);
    let json = ft_roi::core::codec::export::ExportDoc::new(
        ft_roi::core::present::format::Fmt::default(),
        "Four",
        &raw,
        &p.inputs,
        &r,
    )
    .json();
    let (_, back) = import_json(&json).unwrap();
    assert_eq!(back, raw);
}

#[test]
fn keys_of_options_outside_three_to_six_are_skipped_and_said() {
    for (key, outside) in [
        ("o7_kind", true),
        ("o2_name", true),
        ("o0_request_cost", true),
        ("o12_one_time", true),
        ("o3_kind", false),
        ("o6_name", false),
        ("o7_colour", false),
        ("ox_kind", false),
        ("o_kind", false),
        ("training", false),
    ] {
        assert_eq!(is_outside_key(key), outside, "{key}");
    }
    let s = start(
        "?o3_kind=rag&o7_kind=model&o2_name=x&months=24",
        false,
        None,
        None,
    );
    assert_eq!(s.raw.get(of(3, "kind")), "rag");
    assert_eq!(s.raw.get(Field::Months), "24");
    let notice = s.notices.iter().find(|n| n.kind == "url-options").unwrap();
    assert!(notice.text.contains("o7_kind, o2_name"), "{}", notice.text);
    // An unknown kind is that field's message, the rest loads.
    let s = start("?o3_kind=magic&o4_kind=model", false, None, None);
    let notice = s.notices.iter().find(|n| n.kind == "url").unwrap();
    assert!(
        notice
            .text
            .contains("Option 3 kind (\u{201c}magic\u{201d})"),
        "{}",
        notice.text
    );
}

proptest! {
    /// The two-option case is today's model: C1 − C2 is the net benefit
    /// and PV1 − PV2 the NPV, on random scenarios.
    #[test]
    fn two_options_are_todays_two_sides(
        training in 0.0..1e5f64,
        maintenance in 0.0..1e3f64,
        baseline in 0.0..0.1f64,
        finetuned in 0.0..0.1f64,
        requests in 0.0..1e7f64,
        months in 1u32..120,
    ) {
        let mut raw = RawInputs::example();
        for (f, v) in [
            (Field::Training, training),
            (Field::Maintenance, maintenance),
            (Field::Baseline, baseline),
            (Field::Finetuned, finetuned),
            (Field::Requests, requests),
        ] {
            raw.set(f, ft_roi::core::present::float::display(v));
        }
        raw.set(Field::Months, months.to_string());
        let p = parse_scenario(&raw).parsed.unwrap();
        let s = side_by_side(&Basis::of(&p.inputs), &p.option_approaches());
        let r = calculate(&p.inputs);
        let c: Vec<f64> = s.costs.iter().map(|(_, c)| c.unwrap().cost).collect();
        let scale = c[0].abs().max(c[1].abs()).max(1.0);
        prop_assert!((c[0] - c[1] - r.net_benefit).abs() <= 1e-9 * scale);
    }
}

#[test]
fn the_csv_markdown_and_comparison_carry_the_options_and_leave_other_documents_be() {
    use ft_roi::core::codec::export::{part_inputs, ExportDoc};
    use ft_roi::core::present::compare::compare;
    use ft_roi::core::present::format::Fmt;
    use ft_roi::core::present::options::OptionsView;
    let fmt = Fmt::default();
    let raw = four_kinds();
    let p = parse_scenario(&raw).parsed.unwrap();
    let r = calculate(&p.inputs);
    let parts = part_inputs(&raw, &p);
    let view = OptionsView::of(&p);
    let doc = ExportDoc::new(fmt, "Four", &raw, &p.inputs, &r)
        .with_parts(&parts)
        .with_options(Some(&view));
    let csv = doc.csv();
    for line in [
        "input,o3_request_cost,Option 3 cost per request,0.01,$0.01",
        "input,o6_teacher_examples,Option 6 teacher examples,10000,\"10,000\"",
        "input,o3_kind,Option 3 kind,,model",
        "input,o3_name,Option 3 name,,Smaller model",
        "result,option_cost_1,Option 1 cost (Baseline),24000,\"$24,000.00\"",
        "result,option_cost_6,Option 6 cost (Option 6),5405,\"$5,405.00\"",
        "result,cheapest_option,Cheapest option,6,Option 6 (option 6)",
    ] {
        assert!(csv.split("\r\n").any(|l| l == line), "{line} in\n{csv}");
    }
    // A model has no teacher: its teacher fields are not listed.
    assert!(!csv.contains("o3_teacher"), "{csv}");
    let md = doc.markdown();
    assert!(
        md.contains("| Option 5 cost (Option 5) | $13,400.00 |\n"),
        "{md}"
    );
    assert!(
        md.contains("| Cheapest option | Option 6 (option 6) |\n"),
        "{md}"
    );
    // Without added options, the documents are as before.
    let plain = RawInputs::example();
    let p0 = parse_scenario(&plain).parsed.unwrap();
    let r0 = calculate(&p0.inputs);
    let view0 = OptionsView::of(&p0);
    let before = ExportDoc::new(fmt, "x", &plain, &p0.inputs, &r0);
    assert_eq!(before.with_options(Some(&view0)).csv(), before.csv());
    // The comparison of saved scenarios.
    let table = compare(
        fmt,
        &[
            ("Four".into(), raw.clone()),
            ("Plain".into(), plain.clone()),
        ],
    );
    let row = |key: &str| {
        table
            .rows
            .iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(row("option_cost_3").cells[0].text, "$13,200.00");
    assert_eq!(row("option_cost_3").cells[1].text, "none");
    assert_eq!(row("cheapest_option").cells[0].text, "Option 6 (option 6)");
    assert_eq!(
        row("cheapest_option").cells[1].text,
        "Fine-tuned (option 2)"
    );
    assert_eq!(row("o3_kind").cells[0].text, "model");
    let plain_only = compare(fmt, &[("A".into(), plain.clone()), ("B".into(), plain)]);
    assert!(plain_only
        .rows
        .iter()
        .all(|r| !r.key.starts_with("option_") && r.key != "cheapest_option"));
}

/// The scenario with options 3 to 6 taken out (their fields at the
/// example's text).
fn without_options(raw: &RawInputs) -> RawInputs {
    let mut out = raw.clone();
    for f in Field::ALL.into_iter().filter(|f| f.is_option_field()) {
        out.set(f, f.example());
    }
    out
}

#[test]
fn the_first_modules_reader_reads_the_sides_as_the_full_reader_does_and_leaves_the_options() {
    // Valid and bad options, ranges on options and on the sides, an
    // invalid side field: `parse_sides` is the full reader of the same
    // scenario without its options, every figure of the sides the same.
    let mut bad = four_kinds();
    bad.set(of(4, "embed_price"), "abc");
    bad.set(of(5, "kind"), "lora");
    let mut ranged = four_kinds();
    ranged.set(of(3, "request_cost_low"), "-20");
    ranged.set(of(3, "request_cost_high"), "x");
    ranged.set(Field::from_name("requests_low").unwrap(), "-10");
    let mut blocked = four_kinds();
    blocked.set(Field::Requests, "lots");
    blocked.set(of(3, "request_cost"), "y");
    for raw in [four_kinds(), bad, ranged, blocked, RawInputs::example()] {
        let sides = parse_sides(&raw);
        assert_eq!(sides, parse_scenario(&without_options(&raw)));
        assert!(sides
            .errors
            .as_slice()
            .iter()
            .all(|(f, _)| !f.is_option_field()));
        let full = parse_scenario(&raw);
        assert_eq!(
            sides.parsed.as_ref().map(|p| calculate(&p.inputs)),
            full.parsed.as_ref().map(|p| calculate(&p.inputs))
        );
    }
    // A link read by the first module names the sides' bad values only;
    // the full check (the options' chunk) names the option's too.
    let query = encode(
        &with(&[("o3_kind", "lora"), ("requests", "1,5")]),
        &RawInputs::example(),
    );
    let first = decode_with(&query, RawInputs::example(), parse_sides);
    let full = decode(&query, RawInputs::example());
    assert_eq!(first.raw, full.raw);
    let fields = |d: &ft_roi::core::codec::url::Decoded| -> Vec<Field> {
        d.bad.iter().map(|(f, _)| *f).collect()
    };
    assert_eq!(fields(&first), [Field::Requests]);
    assert_eq!(fields(&full), [Field::Requests, of(3, "kind")]);
}
