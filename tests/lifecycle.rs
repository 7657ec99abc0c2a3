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

// The inputs and the migration lump.

use ft_roi::core::inputs::parse::parse_scenario;
use ft_roi::core::model::calculate;
use ft_roi::core::model::lifecycle::Migration;
use ft_roi::core::{Field, InputError, RawInputs};
use proptest::prelude::*;

/// The reference example (T = 2,500, n = 700 a month, 12 months) with the
/// fine-tuned GPT-3.5 Turbo picked (shut down 2026-10-23), a start month
/// and a migration cost.
fn scenario(start: &str, cost: &str) -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::FtModel, "openai/ft:gpt-3.5-turbo");
    raw.set(Field::Start, start);
    raw.set(Field::FtMigrationCost, cost);
    raw
}

#[track_caller]
fn parsed(raw: &RawInputs) -> ft_roi::core::inputs::parse::Parsed {
    parse_scenario(raw).parsed.expect("valid scenario")
}

#[test]
fn the_shutdown_month_at_the_horizons_edges() {
    let example = calculate(&parsed(&RawInputs::example()).inputs);
    // [start, the lump's month (0: none), placement, net benefit, break-even]
    for (start, month, at, net, break_even) in [
        // In month 1: −2,500 + 700 − 1,000 at its end, then 700 a month.
        ("2026-10", 1, Placement::Within(1), 4_900.0, Some(5.0)),
        // Two months in: the position is −2,100 after it, 0 at month 5.
        ("2026-09", 2, Placement::Within(2), 4_900.0, Some(5.0)),
        // In the last month: break-even as without it (month 4, 3 4⁄7),
        // net benefit 1,000 less.
        (
            "2025-11",
            12,
            Placement::Within(12),
            4_900.0,
            example.break_even_months,
        ),
        // Just after the horizon: no lump.
        (
            "2025-10",
            0,
            Placement::After(13),
            5_900.0,
            example.break_even_months,
        ),
        // Before the start: already shut down; no lump, the page says so.
        (
            "2026-11",
            0,
            Placement::BeforeStart,
            5_900.0,
            example.break_even_months,
        ),
    ] {
        let p = parsed(&scenario(start, "1000"));
        assert_eq!(p.shutdown.map(|s| s.placement), Some(at), "{start}");
        assert_eq!(p.inputs.migration.month, month, "{start}");
        let r = calculate(&p.inputs);
        assert!(
            (r.net_benefit - net).abs() < 1e-9,
            "{start}: {}",
            r.net_benefit
        );
        assert_eq!(r.npv, r.net_benefit, "{start}");
        match (r.break_even_months, break_even) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{start}: {a} vs {b}"),
            (a, b) => assert_eq!(a, b, "{start}"),
        }
        // The schedule carries the lump in its month, and the investment counts it.
        let months = ft_roi::core::model::schedule::schedule(&p.inputs, 12);
        for m in &months {
            let lump = if m.month == month { 1000.0 } else { 0.0 };
            assert_eq!(m.retraining, lump, "{start} month {}", m.month);
        }
        let invested = if month > 0 { 1_000.0 } else { 0.0 };
        assert_eq!(r.investment, example.investment + invested, "{start}");
    }
}

#[test]
fn without_a_start_month_or_a_known_shutdown_nothing_changes() {
    let example = calculate(&parsed(&RawInputs::example()).inputs);
    for raw in [
        // No start: no calendar, whatever the migration cost.
        scenario("", "1000"),
        // A model whose shutdown the catalogue does not know.
        {
            let mut raw = scenario("2026-09", "1000");
            raw.set(Field::FtModel, "google/gemini-2.5-pro");
            raw
        },
        // No model picked.
        {
            let mut raw = scenario("2026-09", "1000");
            raw.set(Field::FtModel, "");
            raw
        },
    ] {
        let p = parsed(&raw);
        assert_eq!(p.inputs.migration, Migration::NONE);
        assert_eq!(calculate(&p.inputs), example);
    }
    assert_eq!(parsed(&scenario("", "1000")).shutdown, None);
}

#[test]
fn bad_start_and_migration_cost_get_their_fields_messages_and_keep_the_text() {
    for (field, text, error) in [
        (Field::Start, "2027-13", InputError::NotAMonth),
        (Field::Start, "2027-00", InputError::NotAMonth),
        (Field::Start, "March 2027", InputError::NotAMonth),
        (Field::Start, "2027-3", InputError::NotAMonth),
        (Field::FtMigrationCost, "-5", InputError::Negative),
        (Field::FtMigrationCost, "abc", InputError::NotANumber),
    ] {
        let mut raw = scenario("2026-09", "1000");
        raw.set(field, text);
        let checked = parse_scenario(&raw);
        assert_eq!(checked.error(field), Some(error), "{text}");
        assert_eq!(checked.errors.as_slice().len(), 1, "{text}");
        assert_eq!(raw.get(field), text);
    }
    assert_eq!(
        InputError::NotAMonth.to_string(),
        "Enter a month as YYYY-MM, like 2027-03 (month 01 to 12), or leave it empty."
    );
}

#[test]
fn start_and_migration_cost_travel_in_links_and_exports() {
    use ft_roi::core::codec::url;
    let raw = scenario("2026-09", "1500");
    let query = url::encode(&raw, &RawInputs::example());
    assert!(query.contains("start=2026-09"), "{query}");
    assert!(query.contains("ft_migration_cost=1500"), "{query}");
    let back = url::decode(&query, RawInputs::example());
    assert_eq!(back.raw, raw);
    assert!(back.bad.is_empty());
    // A link with a bad month opens with that field flagged, its text kept.
    let bad = url::decode(
        "v=1&start=2027-13&ft_migration_cost=-1",
        RawInputs::example(),
    );
    assert_eq!(bad.raw.get(Field::Start), "2027-13");
    assert_eq!(
        bad.bad,
        vec![
            (Field::Start, InputError::NotAMonth),
            (Field::FtMigrationCost, InputError::Negative)
        ]
    );
    // The CSV lists them after the builders' fields when a start month is set.
    use ft_roi::core::codec::export::{part_inputs, ExportDoc};
    let p = parsed(&raw);
    let parts = part_inputs(&raw, &p);
    let r = calculate(&p.inputs);
    let csv = ExportDoc::new(
        ft_roi::core::present::format::Fmt::DEFAULT,
        "Plan",
        &raw,
        &p.inputs,
        &r,
    )
    .with_parts(&parts)
    .csv();
    assert!(
        csv.contains("input,start,Horizon starts,2026-09,2026-09\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("input,ft_migration_cost,Migration cost,1500,"),
        "{csv}"
    );
    let none = parse_scenario(&RawInputs::example()).parsed.unwrap();
    assert!(part_inputs(&RawInputs::example(), &none).is_empty());
    // The defaults stay out of a link.
    let plain = url::encode(&RawInputs::example(), &RawInputs::example());
    assert!(
        !plain.contains("start") && !plain.contains("migration"),
        "{plain}"
    );
}

proptest! {
    /// With a migration cost of 0 every figure is as without a start
    /// month; with a cost C in month k the net benefit moves by exactly
    /// C, the NPV by C discounted to month k's end.
    #[test]
    fn the_lump_moves_net_benefit_by_its_discounted_amount(
        cost in 0.0f64..1e6,
        month in 1u32..=24,
        months in 1u32..=36,
        discount in 0.0f64..0.3,
        growth in -0.05f64..0.05,
        training in 0.0f64..1e5,
    ) {
        let base = ft_roi::core::model::Inputs {
            training,
            months,
            discount,
            growth,
            ..ft_roi::core::model::Inputs::EXAMPLE
        };
        let plain = calculate(&base);
        let zero = calculate(&ft_roi::core::model::Inputs { migration: Migration { cost: 0.0, month }, ..base });
        prop_assert_eq!(zero, plain);
        prop_assume!(month <= months && cost > 0.0);
        let with = calculate(&ft_roi::core::model::Inputs { migration: Migration { cost, month }, ..base });
        let scale = 1.0 + cost + plain.net_benefit.abs();
        prop_assert!(((plain.net_benefit - with.net_benefit) - cost).abs() <= 1e-9 * scale,
            "net benefit moved by {}", plain.net_benefit - with.net_benefit);
        let factor = (1.0 + discount).powf(-f64::from(month) / 12.0);
        prop_assert!(((plain.npv - with.npv) - cost * factor).abs() <= 1e-9 * scale,
            "npv moved by {} not {}", plain.npv - with.npv, cost * factor);
    }
}

#[test]
fn the_simulation_counts_the_lump_as_the_figures_do() {
    use ft_roi::core::model::montecarlo::outcome;
    for growth in [0.0, 0.03, -0.02] {
        for month in [1, 6, 12] {
            let i = ft_roi::core::model::Inputs {
                growth,
                migration: Migration {
                    cost: 1_200.0,
                    month,
                },
                ..ft_roi::core::model::Inputs::EXAMPLE
            };
            let (o, r) = (outcome(&i), calculate(&i));
            assert!(
                (o.net_benefit - r.net_benefit).abs() < 1e-9,
                "{growth} {month}"
            );
            assert_eq!(o.break_even_months, r.break_even_months, "{growth} {month}");
        }
    }
}
