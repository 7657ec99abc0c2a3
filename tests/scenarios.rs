//! Native tests of the share format (URL codec), the stored documents and
//! their corruption cases, export/import, and comparison.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::{import_json, ExportDoc, ImportError};
use ft_roi::core::codec::store::{
    self, decode_library, decode_working, decode_working_doc, encode_library, encode_working,
    save_action, Library, LibraryError, SaveAction, SaveButton, StoreError, Working,
};
use ft_roi::core::codec::url::{decode, encode};
use ft_roi::core::present::compare::compare;
use ft_roi::core::{calculate, parse_inputs, Field, InputError, Inputs, RawInputs};
use proptest::prelude::*;
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

#[path = "support/extras.rs"]
mod extras;

fn example() -> RawInputs {
    RawInputs::example()
}

/// The example with the six core fields replaced by `texts`.
fn core_texts(texts: [String; 6]) -> RawInputs {
    let mut raw = example();
    for (field, text) in Field::CORE.into_iter().zip(texts) {
        raw.set(field, text);
    }
    raw
}

#[test]
fn url_encoding_omits_defaults_and_reads_back() {
    assert_eq!(encode(&example(), &example()), "");
    let mut raw = example();
    raw.set(Field::Months, "24");
    raw.set(Field::Baseline, "0.000045");
    assert_eq!(encode(&raw, &example()), "v=1&baseline=0.000045&months=24");
    let d = decode("?v=1&baseline=0.000045&months=24", example());
    assert_eq!(d.raw, raw);
    assert!(d.bad.is_empty() && d.unsupported_version.is_none() && d.has_scenario);
    // Text that needs escaping survives.
    raw.set(Field::Training, "1 000 & more=?#");
    assert_eq!(decode(&encode(&raw, &example()), example()).raw, raw);
}

#[test]
fn url_decoding_of_malformed_queries() {
    // No `v` reads as v1.
    let d = decode("training=1000", example());
    assert_eq!(d.raw.get(Field::Training), "1000");
    assert_eq!(d.unsupported_version, None);
    // An unknown version is reported, the known keys still load.
    let d = decode("v=2&months=6", example());
    assert_eq!(d.unsupported_version.as_deref(), Some("2"));
    assert_eq!(d.raw.get(Field::Months), "6");
    // A bad value loads the rest, keeps its text and is reported.
    let d = decode("training=abc&months=24&maintenance=-1", example());
    assert_eq!(d.raw.get(Field::Months), "24");
    assert_eq!(d.raw.get(Field::Training), "abc");
    assert_eq!(
        d.bad,
        vec![
            (Field::Training, InputError::NotANumber),
            (Field::Maintenance, InputError::Negative)
        ]
    );
    // Unknown keys, empty pairs, broken escapes, huge values: no panic.
    let d = decode("?&&=&foo=bar&%ZZ=1&training=%E0%A4", example());
    assert!(d.has_scenario);
    assert_eq!(d.bad.len(), 1);
    assert!(!decode("foo=bar", example()).has_scenario);
    let long = format!("requests={}", "1".repeat(1_000_000));
    assert_eq!(decode(&long, example()).raw.get(Field::Requests).len(), 200);
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(0.000045),
        Just(1e12),
        Just(1e15),
        1e-9..1e-3f64,
        0.0..1e6f64,
        1e6..1e15f64
    ]
}

fn any_inputs() -> impl Strategy<Value = Inputs> {
    (amount(), amount(), amount(), amount(), amount(), 1u32..=600).prop_map(
        |(training, maintenance, baseline, finetuned, requests, months)| Inputs {
            training,
            maintenance,
            baseline,
            finetuned,
            requests,
            months,
            // The optional inputs off, as in the example.
            ..Inputs::EXAMPLE
        },
    )
}

proptest! {
    #[test]
    fn url_round_trip_is_the_identity_on_valid_scenarios(i in any_inputs()) {
        let query = encode(&i.to_raw(), &example());
        let decoded = decode(&query, example());
        prop_assert!(decoded.bad.is_empty());
        prop_assert_eq!(parse_inputs(&decoded.raw), Ok(i));
    }

    #[test]
    fn url_round_trip_keeps_any_text(texts in proptest::array::uniform6(".{0,30}")) {
        let raw = core_texts(texts);
        prop_assert_eq!(decode(&encode(&raw, &example()), example()).raw, raw);
    }

    #[test]
    fn decoding_never_panics(query in ".{0,200}") {
        let _ = decode(&query, example());
        let _ = decode_working(&query);
        let _ = decode_library(&query);
        let _ = import_json(&query);
    }

    #[test]
    fn storage_round_trip(texts in proptest::array::uniform6(".{0,30}"), names in proptest::collection::vec("[a-zA-Z <>&\"]{1,20}", 0..5)) {
        let raw = core_texts(texts);
        prop_assert_eq!(decode_working(&encode_working(&raw)), Ok(raw.clone()));
        let mut library = Library::default();
        for name in &names {
            let _ = library.save(name, raw.clone());
        }
        prop_assert_eq!(decode_library(&encode_library(&library)), Ok(library));
    }

    #[test]
    fn export_import_round_trip(i in any_inputs()) {
        let json = ExportDoc::new(F, "Scenario", &i.to_raw(), &i, &calculate(&i)).json();
        let (name, raw) = import_json(&json).unwrap();
        prop_assert_eq!(name.as_deref(), Some("Scenario"));
        prop_assert_eq!(parse_inputs(&raw), Ok(i));
    }
}

#[test]
fn storage_corruption_cases() {
    let shape = |text: &str| matches!(decode_working(text), Err(StoreError::WrongShape(_)));
    assert_eq!(decode_working("not json {"), Err(StoreError::NotJson));
    assert_eq!(decode_working(""), Err(StoreError::NotJson));
    assert_eq!(decode_working("\u{0}\u{1}"), Err(StoreError::NotJson));
    assert!(shape("42"));
    assert!(shape("[]"));
    assert!(shape("{}"));
    assert!(shape(r#"{"version":"1","fields":{}}"#));
    assert!(shape(r#"{"version":0,"fields":{}}"#));
    assert!(shape(r#"{"version":1}"#));
    assert!(shape(r#"{"version":1,"fields":{"training":2500}}"#));
    assert_eq!(
        decode_working(r#"{"version":7,"fields":{}}"#),
        Err(StoreError::FutureVersion(7))
    );
    // Missing fields keep the defaults; unknown ones are ignored.
    let raw = decode_working(r#"{"version":1,"fields":{"months":"24","later":"x"}}"#).unwrap();
    assert_eq!(raw.get(Field::Months), "24");
    assert_eq!(raw.get(Field::Training), "2500");
    // The library.
    assert!(matches!(
        decode_library(r#"{"version":1,"next_id":1,"scenarios":{}}"#),
        Err(StoreError::WrongShape(_))
    ));
    assert!(matches!(
        decode_library(
            r#"{"version":1,"next_id":3,"scenarios":[{"id":1,"name":"a","fields":{}},{"id":1,"name":"b","fields":{}}]}"#
        ),
        Err(StoreError::WrongShape(_))
    ));
    assert_eq!(
        decode_library(r#"{"version":2,"next_id":1,"scenarios":[]}"#),
        Err(StoreError::FutureVersion(2))
    );
    let lib = decode_library(
        r#"{"version":1,"next_id":1,"scenarios":[{"id":5,"name":"  ","fields":{}}]}"#,
    )
    .unwrap();
    assert_eq!(lib.scenarios[0].name, "Scenario 5");
    // Every error reads as a clause for a sentence.
    for e in [
        StoreError::NotJson,
        StoreError::WrongShape("x".into()),
        StoreError::FutureVersion(2),
    ] {
        assert!(e.to_string().starts_with("it "), "{e}");
    }
}

/// The page's link, the name box, the button pressed, and what it does.
type SaveCase<'a> = (
    Option<&'a str>,
    &'a str,
    SaveButton,
    Result<SaveAction, LibraryError>,
);

/// What each save button does with the name box: a typed name is never
/// dropped, and a saved scenario is never overwritten unasked.
#[test]
fn save_actions_keep_a_typed_name_and_never_overwrite_unasked() {
    use SaveAction::*;
    use SaveButton::{Form, Linked};
    let mut lib = Library::default();
    let a = lib.save("Plan A", example()).unwrap();
    let name = |s: &str| s.to_owned();
    let cases: &[SaveCase] = &[
        // The linked Save: the linked scenario, unless another name is typed.
        (Some("Plan A"), "", Linked, Ok(UpdateLinked)),
        (Some("Plan A"), "  Plan A ", Linked, Ok(UpdateLinked)),
        (
            Some("Plan A"),
            "Plan B",
            Linked,
            Ok(SaveNew(name("Plan B"))),
        ),
        (None, "Plan B", Linked, Err(LibraryError::Gone)),
        // The form while linked: always a new scenario.
        (Some("Plan A"), "", Form, Ok(SaveNew(name("Plan A")))),
        (Some("Plan A"), "Plan B", Form, Ok(SaveNew(name("Plan B")))),
        (Some("Plan A"), "Plan A", Form, Ok(SaveNew(name("Plan A")))),
        // The form unlinked: a taken name asks first.
        (None, "   ", Form, Err(LibraryError::Empty)),
        (None, "Plan B", Form, Ok(Save(name("Plan B")))),
        (None, " Plan A", Form, Ok(AskReplace(a, name("Plan A")))),
    ];
    for (linked, typed, button, expected) in cases {
        assert_eq!(
            &save_action(&lib, *linked, typed, *button),
            expected,
            "{button:?} with {typed:?} linked to {linked:?}"
        );
    }
}

#[test]
fn library_operations() {
    let mut lib = Library::default();
    assert_eq!(lib.save("  ", example()), Err(LibraryError::Empty));
    let a = lib.save("Plan A", example()).unwrap();
    let mut other = example();
    other.set(Field::Months, "24");
    // Saving under an existing name updates it.
    assert_eq!(lib.save("Plan A ", other.clone()), Ok(a));
    assert_eq!(lib.scenarios.len(), 1);
    assert_eq!(lib.get(a).unwrap().raw, other);
    let b = lib.save("<img src=x onerror=alert(1)>", example()).unwrap();
    assert_ne!(a, b);
    let c = lib.duplicate(a).unwrap();
    assert_eq!(lib.get(c).unwrap().name, "Plan A (copy)");
    let d = lib.duplicate(a).unwrap();
    assert_eq!(lib.get(d).unwrap().name, "Plan A (copy 2)");
    assert_eq!(
        lib.scenarios.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![a, d, c, b]
    );
    lib.rename(c, "Renamed").unwrap();
    assert_eq!(lib.rename(c, ""), Err(LibraryError::Empty));
    assert_eq!(lib.get(c).unwrap().name, "Renamed");
    let (at, removed) = lib.remove(d).unwrap();
    assert!(lib.get(d).is_none());
    lib.restore(at, removed);
    assert_eq!(
        lib.scenarios.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![a, d, c, b]
    );
    // Ids are never reused, even after a delete.
    let (_, _) = lib.remove(b).unwrap();
    let e = lib.save("New", example()).unwrap();
    assert!(e > b);
    // Long names are cut.
    let long = lib.save(&"n".repeat(500), example()).unwrap();
    assert_eq!(lib.get(long).unwrap().name.chars().count(), 80);
}

#[test]
fn import_is_validated_field_by_field() {
    let i = Inputs::EXAMPLE;
    let good = ExportDoc::new(F, "Plan", &i.to_raw(), &i, &calculate(&i)).json();
    assert_eq!(parse_inputs(&import_json(&good).unwrap().1), Ok(i));
    assert_eq!(import_json("nope"), Err(vec![ImportError::NotJson]));
    assert!(matches!(
        import_json("[1]").unwrap_err()[0],
        ImportError::NotExport(_)
    ));
    assert!(matches!(
        import_json(r#"{"format":"other"}"#).unwrap_err()[0],
        ImportError::NotExport(_)
    ));
    assert_eq!(
        import_json(r#"{"format":"ft-roi-scenario","version":9,"inputs":{}}"#),
        Err(vec![ImportError::FutureVersion(9)])
    );
    let bad = r#"{"format":"ft-roi-scenario","version":1,"inputs":{
        "training":-1,"maintenance":"abc","baseline":true,"finetuned":0.01,"requests":1e3}}"#;
    let errors: Vec<String> = import_json(bad)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        vec![
            "Training and setup cost: Enter 0 or a positive number.",
            "Monthly maintenance: Enter a plain number, like 2500 or 0.012.",
            "Baseline cost per request: not a number.",
            "Horizon: missing.",
        ]
    );
}

#[test]
fn exports() {
    let i = Inputs::EXAMPLE;
    let r = calculate(&i);
    let json: serde_json::Value =
        serde_json::from_str(&ExportDoc::new(F, "Plan \"A\"", &i.to_raw(), &i, &r).json()).unwrap();
    assert_eq!(json["inputs"]["training"], 2500.0);
    assert_eq!(json["results"]["status"], "positive");
    assert!((json["results"]["net_benefit"].as_f64().unwrap() - 5900.0).abs() < 1e-6);
    // The example is the bare URL; every field's text is kept.
    assert_eq!(json["query"], "");
    assert_eq!(json["fields"]["cost_mode"], "direct");
    assert_eq!(json["fields"]["finetuned"], "0.012");
    let never = Inputs {
        maintenance: 900.0,
        ..i
    };
    let json: serde_json::Value = serde_json::from_str(
        &ExportDoc::new(F, "x", &never.to_raw(), &never, &calculate(&never)).json(),
    )
    .unwrap();
    assert!(json["results"]["break_even_months"].is_null());
    let csv = ExportDoc::new(F, "Plan \"A\"", &i.to_raw(), &i, &r).csv();
    assert!(csv.starts_with(
        "kind,name,label,value,text\r\nscenario,name,Scenario,,\"Plan \"\"A\"\"\"\r\n"
    ));
    assert!(
        csv.contains("result,net_benefit,Projected net benefit,5900,\"$5,900.00\"\r\n"),
        "{csv}"
    );
    assert!(csv.contains("input,requests,Monthly requests,100000,\"100,000\"\r\n"));
    let md = ExportDoc::new(F, "a|b", &i.to_raw(), &i, &r).markdown();
    assert!(md.starts_with("**a\\|b**"));
    assert!(md.contains("| Projected net benefit | $5,900.00 |"));
    assert!(md.contains("| Break-even time | 3.57 months |"));
    // Only the six inputs for the plain model ...
    assert_eq!(csv.matches("\r\ninput,").count(), 6);
    // ... and every other input the figures come from when it is used, so
    // that the file reproduces its own figures.
    let full = extras::EVERY_EXTRA;
    let csv = ExportDoc::new(F, "x", &full.to_raw(), &full, &calculate(&full)).csv();
    assert_eq!(csv.matches("\r\ninput,").count(), 12);
    for line in [
        "input,growth,Monthly volume growth,5,5 % per month\r\n",
        "input,discount,Annual discount rate,10,10 % per year\r\n",
        "input,retrain_cost,Retraining cost,300,$300\r\n",
        "input,retrain_per_year,Retraining cycles,3,3 per year\r\n",
        "input,accuracy_gain,Accuracy gain,1,1 percentage points\r\n",
        "input,error_value,Value per avoided error,0.2,$0.20\r\n",
    ] {
        assert!(csv.contains(line), "{line} in {csv}");
    }
    let md = ExportDoc::new(F, "x", &full.to_raw(), &full, &calculate(&full)).markdown();
    assert!(
        md.contains("| Monthly volume growth | 5 % per month |"),
        "{md}"
    );
    assert!(md.contains("| Retraining cost | $300 |"), "{md}");
}

#[test]
fn a_decimal_comma_scenario_reads_back_from_its_own_export() {
    // 150.125 is written `150,125` in de-DE, and `150.125` there would be
    // refused as ambiguous: the import writes the file's numbers in its
    // own format.
    let mut raw = example();
    raw.set(Field::Currency, "EUR");
    raw.set(Field::Locale, "de-DE");
    raw.set(Field::Maintenance, "150,125");
    raw.set(Field::Finetuned, "0,0125");
    let p = ft_roi::core::parse_scenario(&raw).into_result().unwrap();
    let json = ExportDoc::new(F, "de", &raw, &p.inputs, &calculate(&p.inputs)).json();
    let (_, back) = import_json(&json).unwrap();
    assert_eq!(back.get(Field::Maintenance), "150,125");
    assert_eq!(
        ft_roi::core::parse_scenario(&back)
            .into_result()
            .unwrap()
            .inputs,
        p.inputs
    );
}

#[test]
fn comparison_marks_the_best_and_the_differences() {
    let mut cheap = example();
    cheap.set(Field::Finetuned, "0.008");
    let mut never = example();
    never.set(Field::Maintenance, "900");
    let mut invalid = example();
    invalid.set(Field::Months, "0");
    let t = compare(
        F,
        &[
            ("Example".into(), example()),
            ("Cheap".into(), cheap),
            ("Never".into(), never),
            ("Broken".into(), invalid),
        ],
    );
    assert_eq!(t.columns, ["Example", "Cheap", "Never", "Broken"]);
    let row = |key: &str| t.rows.iter().find(|r| r.key == key).unwrap();
    let nb = row("net_benefit");
    assert_eq!(
        nb.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["$5,900.00", "$10,700.00", "−$3,700.00", "invalid"]
    );
    assert_eq!(
        nb.cells.iter().map(|c| c.best).collect::<Vec<_>>(),
        [false, true, false, false]
    );
    assert_eq!(nb.cells[1].diff.as_deref(), Some("+$4,800.00"));
    assert_eq!(nb.cells[2].diff.as_deref(), Some("−$9,600.00"));
    assert_eq!(nb.cells[3].diff, None);
    let be = row("break_even_months");
    assert_eq!(be.cells[2].text, "Never");
    assert!(be.cells[1].best && !be.cells[0].best && !be.cells[2].best);
    assert_eq!(
        row("status")
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        [
            "Positive ROI",
            "Positive ROI",
            "Never breaks even",
            "invalid"
        ]
    );
    assert_eq!(row("months").cells[3].text, "invalid");
    // No scenario grows, so there is no growth row; with one that does,
    // the row is there for both.
    assert!(t.rows.iter().all(|r| r.key != "growth"));
    let mut growing = example();
    growing.set(Field::Growth, "5");
    let g = compare(
        F,
        &[("Example".into(), example()), ("Growing".into(), growing)],
    );
    let growth = g.rows.iter().find(|r| r.key == "growth").unwrap();
    assert_eq!(
        growth
            .cells
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        ["0 % per month", "5 % per month"]
    );
    // Equal values are not highlighted.
    assert!(row("baseline_horizon_cost").cells.iter().all(|c| !c.best));
    assert!(row("training").cells.iter().all(|c| !c.best));
    let csv = t.to_csv();
    assert!(csv.starts_with("name,label,Example,Cheap,Never,Broken\r\n"));
    assert!(csv.contains("status,Status,positive,positive,never,invalid\r\n"));
}

#[test]
fn queries_join_with_an_ampersand_only_between_two() {
    use ft_roi::core::codec::url::join_queries;
    assert_eq!(join_queries("", ""), "");
    assert_eq!(join_queries("v=1&months=24", ""), "v=1&months=24");
    assert_eq!(join_queries("", "embed=1"), "embed=1");
    assert_eq!(
        join_queries("v=1&months=24", "embed=1&theme=dark"),
        "v=1&months=24&embed=1&theme=dark"
    );
}

#[test]
fn saving_as_new_updating_and_changes_to_a_deleted_scenario() {
    let mut lib = Library::default();
    let a = lib.save("A", example()).unwrap();
    let mut edited = example();
    edited.set(Field::Training, "10000");
    // Save updates the linked entry in place.
    assert_eq!(lib.update(a, edited.clone()), Ok(()));
    assert_eq!(lib.get(a).unwrap().raw, edited);
    // Save as new keeps both, under a name of its own.
    let b = lib.save_new("A", example()).unwrap();
    let c = lib.save_new(" A ", example()).unwrap();
    let names: Vec<&str> = lib.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["A", "A (2)", "A (3)"]);
    assert!(a < b && b < c);
    assert_eq!(lib.save_new(" ", example()), Err(LibraryError::Empty));
    let long = lib.save_new(&"n".repeat(200), example()).unwrap();
    let again = lib.save_new(&"n".repeat(200), example()).unwrap();
    assert_eq!(lib.get(long).unwrap().name.chars().count(), 80);
    assert!(lib.get(again).unwrap().name.ends_with(" (2)"));
    assert!(lib.get(again).unwrap().name.chars().count() <= 80);
    // A change to a scenario that is no longer there brings nothing back.
    lib.remove(b).unwrap();
    let before = lib.clone();
    assert_eq!(lib.update(b, example()), Err(LibraryError::Gone));
    assert_eq!(lib.rename(b, "B"), Err(LibraryError::Gone));
    assert_eq!(lib.duplicate(b), Err(LibraryError::Gone));
    assert_eq!(lib.remove(b), None);
    assert_eq!(lib, before);
    assert_eq!(
        LibraryError::Gone.to_string(),
        "It was deleted in another tab."
    );
    // Undo puts it back where it was; the next id stays past it.
    let (at, saved) = lib.clone().remove(c).unwrap();
    lib.remove(c).unwrap();
    lib.restore(at, saved.clone());
    assert_eq!(lib.scenarios[at], saved);
    assert!(lib.next_id > c);
    // A library full to the limit refuses new scenarios but still updates.
    let mut full = Library::default();
    for k in 0..200 {
        full.save(&format!("s{k}"), example()).unwrap();
    }
    assert_eq!(full.save_new("more", example()), Err(LibraryError::Full));
    assert_eq!(full.save("more", example()), Err(LibraryError::Full));
    assert_eq!(full.duplicate(1), Err(LibraryError::Full));
    assert_eq!(full.save("s3", example()), Ok(4));
}

/// One tab's change, applied the way the page applies it: read the stored
/// text, apply, write back.
#[track_caller]
fn in_tab<R>(stored: &mut String, change: impl FnOnce(&mut Library) -> R) -> R {
    let mut lib = if stored.is_empty() {
        Library::default()
    } else {
        decode_library(stored).unwrap()
    };
    let result = change(&mut lib);
    *stored = encode_library(&lib);
    result
}

#[test]
fn two_tabs_changing_the_stored_library_keep_each_others_work() {
    // The steps of issue #14: tab 1 saves A, tab 2 (opened before) types
    // 10000 into training and saves B, tab 1 renames A to A2.
    let mut stored = String::new();
    let a = in_tab(&mut stored, |l| l.save("A", example())).unwrap();
    let mut b_raw = example();
    b_raw.set(Field::Training, "10000");
    let b = in_tab(&mut stored, |l| l.save("B", b_raw)).unwrap();
    in_tab(&mut stored, |l| l.rename(a, "A2")).unwrap();
    let lib = decode_library(&stored).unwrap();
    let names: Vec<(u64, &str)> = lib
        .scenarios
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    assert_eq!(names, [(1, "A2"), (2, "B")]);
    assert_eq!((a, b, lib.next_id), (1, 2, 3));
    let net = |id| calculate(&parse_inputs(&lib.get(id).unwrap().raw).unwrap()).net_benefit;
    assert_eq!(net(a), 5900.0);
    assert!((net(b) + 1600.0).abs() < 1e-9, "{}", net(b));
}

#[derive(Clone, Debug)]
enum Change {
    Save(u8),
    SaveNew(u8),
    Update(u8),
    Rename(u8, u8),
    Duplicate(u8),
    Remove(u8),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0u8..6).prop_map(Change::Save),
        (0u8..6).prop_map(Change::SaveNew),
        (0u8..12).prop_map(Change::Update),
        (0u8..12, 0u8..6).prop_map(|(k, n)| Change::Rename(k, n)),
        (0u8..12).prop_map(Change::Duplicate),
        (0u8..12).prop_map(Change::Remove),
    ]
}

proptest! {
    // Each case writes and reads the whole library up to 60 times.
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// However changes interleave, read-apply-write keeps ids unique and
    /// never reused, `next_id` past every id, and the stored library
    /// equal to one library that took every change in order.
    #[test]
    fn interleaved_changes_keep_ids_unique(changes in proptest::collection::vec(change(), 0..60)) {
        let mut stored = String::new();
        let mut model = Library::default();
        let mut seen = Vec::new();
        for c in changes {
            let apply = |l: &mut Library| {
                let id_at = |l: &Library, k: u8| l.scenarios.get(usize::from(k)).map_or(999, |s| s.id);
                match c.clone() {
                    Change::Save(n) => l.save(&format!("n{n}"), example()).map(|_| ()),
                    Change::SaveNew(n) => l.save_new(&format!("n{n}"), example()).map(|_| ()),
                    Change::Update(k) => l.update(id_at(l, k), core_texts(Default::default())),
                    Change::Rename(k, n) => l.rename(id_at(l, k), &format!("n{n}")),
                    Change::Duplicate(k) => l.duplicate(id_at(l, k)).map(|_| ()),
                    Change::Remove(k) => l.remove(id_at(l, k)).map(|_| ()).ok_or(LibraryError::Gone),
                }
            };
            let ours = in_tab(&mut stored, apply);
            prop_assert_eq!(ours, apply(&mut model));
            let lib = decode_library(&stored).unwrap();
            prop_assert_eq!(&lib, &model);
            for s in &lib.scenarios {
                prop_assert!(s.id < lib.next_id);
                prop_assert_eq!(lib.scenarios.iter().filter(|t| t.id == s.id).count(), 1);
                if !seen.contains(&s.id) {
                    // A new id is larger than any id ever seen: never reused.
                    prop_assert!(seen.iter().all(|&old| old < s.id));
                    seen.push(s.id);
                }
            }
        }
    }
}

#[test]
fn the_working_scenario_keeps_its_link() {
    let mut raw = example();
    raw.set(Field::Months, "24");
    let doc = Working::new(raw.clone(), Some(7));
    let text = store::encode(&doc);
    assert!(text.ends_with(r#","linked_id":7}"#), "{text}");
    assert_eq!(decode_working_doc(&text), Ok(doc));
    // Not linked: no member at all, so the document reads as before.
    assert_eq!(
        store::encode(&Working::new(raw.clone(), None)),
        encode_working(&raw)
    );
    assert!(!encode_working(&raw).contains("linked_id"));
    // A link that is not a whole number never costs the scenario.
    for link in [
        "null",
        "\"7\"",
        "-1",
        "1.5",
        "[7]",
        "{\"id\":7}",
        "true",
        "[[7],{\"id\":[7,{}]}]",
        "1e300",
    ] {
        let text = format!(r#"{{"version":1,"fields":{{"months":"24"}},"linked_id":{link}}}"#);
        let doc = decode_working_doc(&text).unwrap();
        assert_eq!(
            (doc.fields.get(Field::Months), doc.linked_id),
            ("24", None),
            "{link}"
        );
    }
    let doc = decode_working_doc(r#"{"version":1,"fields":{},"linked_id":7.0}"#).unwrap();
    assert_eq!(doc.linked_id, Some(7));
}

/// The texts of a comparison row, by key.
#[track_caller]
fn row_texts(t: &ft_roi::core::present::compare::Table, key: &str) -> Vec<String> {
    let row = t.rows.iter().find(|r| r.key == key);
    let row = row.unwrap_or_else(|| panic!("no row {key}"));
    row.cells.iter().map(|c| c.text.clone()).collect()
}

#[test]
fn the_comparison_writes_inputs_as_the_form_does() {
    let mut hourly = example();
    hourly.set(Field::FtServing, "hourly");
    hourly.set(Field::FtHostRate, "1.7");
    hourly.set(Field::FtHostDeployments, "1");
    let mut capacity = example();
    capacity.set(Field::FtServing, "capacity");
    capacity.set(Field::FtUnitRate, "2.5");
    capacity.set(Field::FtMinUnits, "1");
    capacity.set(Field::Months, "1");
    let t = compare(
        F,
        &[
            ("Plain".into(), example()),
            ("Hourly".into(), hourly),
            ("Capacity".into(), capacity),
        ],
    );
    // The choices by the form's labels, never their public names.
    assert_eq!(
        row_texts(&t, "ft_serving"),
        ["Per request only", "Hourly fee", "Capacity units"]
    );
    // One of a unit is singular; other counts plural.
    assert_eq!(
        row_texts(&t, "ft_host_deployments"),
        ["not used", "1 deployment", "not used"]
    );
    assert_eq!(
        row_texts(&t, "ft_min_units"),
        ["not used", "not used", "1 unit"]
    );
    assert_eq!(
        row_texts(&t, "months"),
        ["12 months", "12 months", "1 month"]
    );
    assert_eq!(
        row_texts(&t, "ft_host_hours"),
        ["not used", "730 hours / month", "not used"]
    );
    // A choice has no difference to the first column ("+Capacity units").
    let serving = t.rows.iter().find(|r| r.key == "ft_serving").unwrap();
    assert!(
        serving.cells.iter().all(|c| c.diff.is_none()),
        "{serving:?}"
    );
    // A difference is written the same way.
    let mut two = example();
    two.set(Field::Months, "13");
    let d = compare(F, &[("A".into(), example()), ("B".into(), two)]);
    let months = d.rows.iter().find(|r| r.key == "months").unwrap();
    assert_eq!(months.cells[1].diff.as_deref(), Some("+1 month"));
}

#[test]
fn no_value_is_best_against_one_that_cannot_be_ranked() {
    // No investment: the ROI is undefined (n/a), not worse than any.
    let mut free = example();
    free.set(Field::Training, "0");
    free.set(Field::Maintenance, "0");
    let t = compare(
        F,
        &[("Example".into(), example()), ("Free".into(), free.clone())],
    );
    assert_eq!(row_texts(&t, "roi_percent"), ["159.46%", "n/a"]);
    let roi = t.rows.iter().find(|r| r.key == "roi_percent").unwrap();
    assert!(roi.cells.iter().all(|c| !c.best), "{roi:?}");
    // Defined in both: ranked as before.
    let nb = t.rows.iter().find(|r| r.key == "net_benefit").unwrap();
    assert_eq!(
        nb.cells.iter().map(|c| c.best).collect::<Vec<_>>(),
        [false, true]
    );
    // Never breaking even still ranks last.
    let mut never = example();
    never.set(Field::Maintenance, "900");
    let t = compare(F, &[("Example".into(), example()), ("Never".into(), never)]);
    let be = t
        .rows
        .iter()
        .find(|r| r.key == "break_even_months")
        .unwrap();
    assert_eq!(
        be.cells.iter().map(|c| c.best).collect::<Vec<_>>(),
        [true, false]
    );
}

#[test]
fn the_comparison_names_each_scenarios_models() {
    // Without a model anywhere there is no models row.
    let t = compare(F, &[("A".into(), example()), ("B".into(), example())]);
    assert!(t
        .rows
        .iter()
        .all(|r| r.key != "base_model" && r.key != "ft_model"));
    let mut picked = example();
    picked.set(Field::BaseModel, "openai/gpt-4.1-2025-04-14");
    picked.set(Field::FtModel, "my/own-model");
    let t = compare(F, &[("Picked".into(), picked), ("Plain".into(), example())]);
    // First, before the inputs: the catalogue's name and provider, the id
    // itself when unknown, a dash for none.
    assert_eq!(t.rows[0].key, "base_model");
    assert_eq!(t.rows[1].key, "ft_model");
    assert_eq!(
        row_texts(&t, "base_model"),
        ["GPT-4.1 (2025-04-14) (OpenAI)", "—"]
    );
    assert_eq!(row_texts(&t, "ft_model"), ["my/own-model", "—"]);
    assert!(t.rows[0].cells.iter().all(|c| !c.best && c.diff.is_none()));
    // The CSV carries the ids, as text.
    let csv = t.to_csv();
    assert!(
        csv.contains("\r\nbase_model,Baseline model,openai/gpt-4.1-2025-04-14,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nft_model,Fine-tuned model,my/own-model,\r\n"),
        "{csv}"
    );
}
