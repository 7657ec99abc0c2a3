//! Native tests of the models' end of life (issue 27, issue 29's Azure
//! phases): the lifecycle file's checks (the build script's own module, a
//! test per rule), the shipped dates against the gathered facts, the marks,
//! the `start` and `ft_migration_cost` inputs, and the migration lump at
//! the horizon's edges.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/lifecycle.rs"]
#[allow(dead_code)]
mod data;

use ft_roi::core::catalogue::lifecycle::{mark, of, shutdown_in, shutdown_of, Mark, LIFECYCLE};
use ft_roi::core::catalogue::{day_number, entry, ENTRIES};
use ft_roi::core::model::lifecycle::{
    month_index, month_of_date, month_text, placement, Placement,
};

/// The catalogue's ids.
fn ids() -> Vec<&'static str> {
    ENTRIES.iter().map(|e| e.id).collect()
}

/// A valid row, as the data file writes one.
const GOOD: &str = r#"
[[model]]
id = "openai/gpt-3.5-turbo-0125"
shutdown = { date = "2026-10-23", source = "https://platform.openai.com/docs/deprecations", as_of = "2026-05-14" }
"#;

/// Checks that `text` is refused with a message containing each of `expected`.
#[track_caller]
fn refused(text: &str, expected: &[&str]) {
    let found = match data::read(text, &ids()) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(p) => p.join("\n"),
    };
    for e in expected {
        assert!(found.contains(e), "expected {e:?} in:\n{found}");
    }
}

#[test]
fn the_shipped_lifecycle_file_passes_every_check() {
    let text = std::fs::read_to_string("data/lifecycle.toml").unwrap();
    let rows = data::read(&text, &ids()).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert_eq!(rows.len(), LIFECYCLE.len());
    assert!(data::read(GOOD, &ids()).is_ok());
}

#[test]
fn every_lifecycle_rule_refuses_a_bad_row_naming_it() {
    let row = |body: &str| format!("[[model]]\nid = \"openai/gpt-3.5-turbo-0125\"\n{body}\n");
    refused(
        "[[model]]\nid = \"acme/none\"\nshutdown = { date = \"2026-10-23\", source = \"https://a.example\", as_of = \"2026-05-14\" }\n",
        &["model 1 (\"acme/none\")", "is not a catalogue entry"],
    );
    refused(&format!("{GOOD}{GOOD}"), &["model 2", "duplicate id"]);
    refused(
        &row("shutdown = { date = \"2026-10-23\", as_of = \"2026-05-14\" }"),
        &["shutdown has no source"],
    );
    refused(
        &row("shutdown = { date = \"2026-10-23\", source = \"https://a.example\" }"),
        &["shutdown has no as_of"],
    );
    refused(
        &row("shutdown = { source = \"https://a.example\", as_of = \"2026-05-14\" }"),
        &["shutdown has no date"],
    );
    refused(
        &row("shutdown = { date = \"2026-02-30\", source = \"https://a.example\", as_of = \"2026-05-14\" }"),
        &["\"2026-02-30\" is not a date"],
    );
    refused(
        &row("deprecated = { date = \"2026-13-01\", source = \"https://a.example\", as_of = \"2026-05-14\" }"),
        &["deprecated date \"2026-13-01\""],
    );
    // A source that is not an address must be marked third-party.
    refused(
        &row("shutdown = { date = \"2026-10-23\", source = \"a blog\", as_of = \"2026-05-14\" }"),
        &["not an https:// address", "third_party = true"],
    );
    assert!(data::read(
        &row("shutdown = { date = \"2026-10-23\", source = \"a blog\", as_of = \"2026-05-14\", third_party = true }"),
        &ids()
    )
    .is_ok());
    refused(
        &row("deprecated = { date = \"2026-11-01\", source = \"https://a.example\", as_of = \"2026-05-14\" }\nshutdown = { date = \"2026-10-23\", source = \"https://a.example\", as_of = \"2026-05-14\" }"),
        &["deprecated (2026-11-01) is after shutdown (2026-10-23)"],
    );
    refused(
        &row("two_phase = { years = 0, source = \"https://a.example\", as_of = \"2026-05-14\" }"),
        &["two_phase needs years"],
    );
    refused(
        &row("two_phase = { years = 1, as_of = \"2026-05-14\" }"),
        &["two_phase needs a source"],
    );
    refused(&row(""), &["nothing to say"]);
    refused("[[model]]\nid = 3\n", &["line 2"]);
}

#[test]
fn a_two_phase_rule_gives_the_deployment_retirement_a_year_after_training() {
    assert_eq!(
        data::years_after("2026-03-31", 1).as_deref(),
        Some("2027-03-31")
    );
    assert_eq!(
        data::years_after("2028-02-29", 1).as_deref(),
        Some("2029-02-28")
    );
    let text = "[[model]]\nid = \"azure/ft:gpt-4.1\"\ntraining_closes = { date = \"2027-04-14\", source = \"https://a.example\", as_of = \"2026-05-14\" }\ntwo_phase = { years = 1, source = \"https://b.example\", as_of = \"2026-12-06\" }\n";
    let rows = data::read(text, &ids()).unwrap();
    let rust = data::to_rust(&rows);
    assert!(
        rust.contains(
            "shutdown: Some(Stated { date: \"2028-04-14\", source: \"https://b.example\""
        ),
        "{rust}"
    );
    assert!(rust.contains("derived: true"), "{rust}");
}

#[test]
fn the_shipped_dates_are_the_gathered_facts() {
    const DEPRECATIONS: &str = "https://platform.openai.com/docs/deprecations";
    // First-party: gpt-3.5-turbo-0125 and its fine-tunes shut down on 2026-10-23.
    for id in ["openai/gpt-3.5-turbo-0125", "openai/ft:gpt-3.5-turbo"] {
        let s = shutdown_of(id).unwrap();
        assert_eq!(
            (s.date, s.source, s.third_party),
            ("2026-10-23", DEPRECATIONS, false),
            "{id}"
        );
    }
    // Third-party only: gpt-4.1-nano and o4-mini on 2026-10-23, gpt-4o,
    // 4o-mini, 4.1 and 4.1-mini on 2027-01-14, each marked as such.
    for (id, date) in [
        ("openai/gpt-4.1-nano-2025-04-14", "2026-10-23"),
        ("openai/ft:gpt-4.1-nano-2025-04-14", "2026-10-23"),
        ("openai/o4-mini-2025-04-16", "2026-10-23"),
        ("openai/ft:o4-mini-2025-04-16", "2026-10-23"),
        ("openai/gpt-4.1-2025-04-14", "2027-01-14"),
        ("openai/ft:gpt-4.1-2025-04-14", "2027-01-14"),
        ("openai/ft:gpt-4.1-mini-2025-04-14", "2027-01-14"),
        ("openai/ft:gpt-4o-2024-08-06", "2027-01-14"),
        ("openai/ft:gpt-4o-mini-2024-07-18", "2027-01-14"),
    ] {
        let s = shutdown_of(id).unwrap();
        assert_eq!((s.date, s.third_party), (date, true), "{id}");
    }
    // Every OpenAI fine-tunable entry stops taking new jobs on 2027-01-06.
    for e in ENTRIES
        .iter()
        .filter(|e| e.provider == "OpenAI" && e.base.is_some())
    {
        let c = of(e.id).and_then(|l| l.training_closes).unwrap();
        assert_eq!(
            (c.date, c.source, c.third_party),
            ("2027-01-06", DEPRECATIONS, false),
            "{}",
            e.id
        );
    }
    // Azure: the two-phase rule, one year, on every fine-tuned model since
    // gpt-4o-2024-08-06; no date the facts do not give.
    for id in [
        "azure/ft:gpt-4.1",
        "azure/ft:gpt-4.1-mini",
        "azure/ft:gpt-4.1-nano",
        "azure/ft:gpt-4o-2024-08-06",
        "azure/ft:o4-mini",
    ] {
        let l = of(id).unwrap();
        assert_eq!(l.two_phase_years, Some(1), "{id}");
        assert!(
            l.two_phase_source
                .starts_with("https://learn.microsoft.com/"),
            "{id}"
        );
        assert_eq!((l.training_closes, l.shutdown), (None, None), "{id}");
    }
    for l in LIFECYCLE {
        assert!(entry(l.id).is_some(), "{}", l.id);
    }
}

#[test]
fn marks_say_shut_down_or_closed_as_of_a_day() {
    let day = |d: &str| day_number(d).unwrap();
    // gpt-3.5-turbo's fine-tune: served until 2026-10-22, shut down from 2026-10-23.
    assert_eq!(mark("openai/ft:gpt-3.5-turbo", day("2026-10-22")), None);
    let m = mark("openai/ft:gpt-3.5-turbo", day("2026-10-23")).unwrap();
    assert!(matches!(m, Mark::ShutDown(_)));
    assert_eq!(m.words(), "Shut down on 2026-10-23");
    assert_eq!(m.name(), "shut-down");
    // A third-party date says so.
    let m = mark("openai/gpt-4.1-nano-2025-04-14", day("2026-12-06")).unwrap();
    assert_eq!(m.words(), "Shut down on 2026-10-23 (third-party report)");
    // gpt-4.1's fine-tune: open until 2027-01-05, closed to new jobs from
    // 2027-01-06, shut down (third-party) from 2027-01-14.
    assert_eq!(
        mark("openai/ft:gpt-4.1-2025-04-14", day("2027-01-05")),
        None
    );
    let m = mark("openai/ft:gpt-4.1-2025-04-14", day("2027-01-06")).unwrap();
    assert_eq!(m.words(), "Closed to new fine-tuning jobs since 2027-01-06");
    assert_eq!(m.name(), "closed");
    assert!(matches!(
        mark("openai/ft:gpt-4.1-2025-04-14", day("2027-01-14")),
        Some(Mark::ShutDown(_))
    ));
    // No row, no mark.
    assert_eq!(mark("google/gemini-2.5-pro", day("2030-01-01")), None);
}

#[test]
fn months_are_read_written_and_counted() {
    assert_eq!(month_index("2027-03"), Some(2027 * 12 + 2));
    assert_eq!(month_index(" 2027-12 "), Some(2027 * 12 + 11));
    for bad in [
        "",
        "2027",
        "2027-13",
        "2027-00",
        "2027-3",
        "27-03",
        "2027/03",
        "2027-03-01",
        "abcd-ef",
        "-2027-03",
        "2027-+3",
    ] {
        assert_eq!(month_index(bad), None, "{bad:?}");
    }
    assert_eq!(month_of_date("2026-10-23"), month_index("2026-10"));
    assert_eq!(month_of_date("2026-10"), None);
    assert_eq!(month_text(month_index("2027-01").unwrap()), "2027-01");
    assert_eq!(month_text(month_index("2026-12").unwrap()), "2026-12");
    assert_eq!(placement(0, 12), Placement::BeforeStart);
    assert_eq!(placement(1, 12), Placement::Within(1));
    assert_eq!(placement(12, 12), Placement::Within(12));
    assert_eq!(placement(13, 12), Placement::After(13));
}

#[test]
fn a_shutdown_falls_in_the_month_of_the_horizon_holding_its_date() {
    let m = |s: &str| month_index(s).unwrap();
    let id = "openai/ft:gpt-3.5-turbo";
    // [start, months, k, placement]
    for (start, months, k, at) in [
        ("2026-10", 12, 1, Placement::Within(1)),
        ("2025-11", 12, 12, Placement::Within(12)),
        ("2025-10", 12, 13, Placement::After(13)),
        ("2026-11", 12, 0, Placement::BeforeStart),
        ("2026-04", 12, 7, Placement::Within(7)),
    ] {
        let s = shutdown_in(id, m(start), months).unwrap();
        assert_eq!((s.month, s.placement), (k, at), "{start}");
    }
    let s = shutdown_in(id, m("2026-04"), 12).unwrap();
    assert_eq!(
        s.words(),
        "GPT-3.5 Turbo, fine-tuned shuts down on 2026-10-23: month 7 of the horizon. The migration cost is counted in that month; after it the figures assume a successor model at the same prices."
    );
    assert!(shutdown_in(id, m("2026-11"), 12)
        .unwrap()
        .words()
        .contains("before the horizon starts"));
    assert!(shutdown_in("google/gemini-2.5-pro", m("2026-01"), 12).is_none());
}
