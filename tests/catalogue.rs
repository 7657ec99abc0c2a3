//! Native tests of the price catalogue (issue #16): the data file's checks
//! (the build script's own module, run here on bad inputs, a test per rule),
//! the shipped data against the gathered facts, and what choosing a model
//! fills, marks and warns about.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/catalogue.rs"]
#[allow(dead_code)]
mod data;

use ft_roi::core::catalogue::fill::{
    conversion, current, fills, is_changed, oldest_in_use, stale, text, unknown_models, Conversion,
    NeedsRate,
};
use ft_roi::core::catalogue::{
    day_number, entry, is_stale, search, source_label, to_csv, Side, ENTRIES,
};
use ft_roi::core::inputs::parse::parse_scenario;
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{unit_cost, F};
use ft_roi::core::{DecimalMark, Field, RawInputs};

/// A valid entry, as the data file writes one.
const GOOD: &str = r#"
[[entry]]
id = "acme/model-1"
provider = "Acme"
name = "Model 1"
as_of = "2026-11-29"
source = "https://example.com/pricing"
input = 1.0
output = 2.0
"#;

/// The problems the checks find in `text` (the parser's message first).
fn problems(text: &str) -> Vec<String> {
    match data::read(text) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

/// Checks that `text` is refused with a message that contains each of
/// `expected` (the entry's name among them).
#[track_caller]
fn refused(text: &str, expected: &[&str]) {
    let found = problems(text);
    assert!(!found.is_empty(), "accepted:\n{text}");
    let all = found.join("\n");
    for e in expected {
        assert!(all.contains(e), "expected {e:?} in:\n{all}");
    }
}

#[test]
fn the_shipped_data_file_passes_every_check() {
    let text = std::fs::read_to_string("data/prices.toml").unwrap();
    let entries = data::read(&text).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert_eq!(entries.len(), ENTRIES.len());
    assert!(problems(GOOD).is_empty());
}

#[test]
fn a_malformed_file_fails_naming_the_entry() {
    // Not TOML at all.
    refused(
        &format!("{GOOD}\n[[entry]]\nid = \"acme/model-2\"\ninput = = 3\n"),
        &["entry 2 (\"acme/model-2\")", "line 13"],
    );
    // A price that is not a number.
    refused(
        &GOOD.replace("input = 1.0", "input = \"cheap\""),
        &["entry 1 (\"acme/model-1\")", "line 8"],
    );
    // A key the catalogue does not know (a typo).
    refused(
        &GOOD.replace("output = 2.0", "ouptut = 2.0"),
        &["entry 1 (\"acme/model-1\")", "ouptut"],
    );
}

#[test]
fn a_missing_as_of_fails_naming_the_entry() {
    refused(
        &GOOD.replace("as_of = \"2026-11-29\"\n", ""),
        &["entry 1 (\"acme/model-1\"): missing as_of"],
    );
    refused(
        &GOOD.replace("2026-11-29", "Nov 2026"),
        &["entry 1 (\"acme/model-1\")", "not a date"],
    );
    refused(&GOOD.replace("2026-11-29", "2026-02-30"), &["not a date"]);
    refused(
        &format!("{GOOD}training = 3.0\ntraining_source = \"https://example.com/t\"\n"),
        &["training_source without training_as_of"],
    );
}

#[test]
fn a_missing_source_fails_naming_the_entry() {
    refused(
        &GOOD.replace("source = \"https://example.com/pricing\"\n", ""),
        &["entry 1 (\"acme/model-1\"): missing source"],
    );
    refused(
        &GOOD.replace("https://example.com/pricing", "example.com"),
        &["not an https:// address"],
    );
    refused(
        &format!("{GOOD}hosting = 1.7\nhosting_as_of = \"2026-02-11\"\n"),
        &["hosting_as_of without hosting_source"],
    );
}

#[test]
fn a_negative_price_fails_naming_the_entry() {
    refused(
        &GOOD.replace("input = 1.0", "input = -1.0"),
        &["entry 1 (\"acme/model-1\"): negative price: input = -1"],
    );
    refused(
        &format!("{GOOD}training = -0.5\n"),
        &["negative price: training = -0.5"],
    );
    refused(
        &format!("{GOOD}unit = \"GPU-hour\"\nunit_price = -2.0\n"),
        &["negative price: unit_price"],
    );
    refused(
        &GOOD.replace("input = 1.0", "input = nan"),
        &["input is not a finite number"],
    );
}

#[test]
fn a_duplicate_id_fails_naming_the_entry() {
    refused(
        &format!("{GOOD}{GOOD}"),
        &["entry 2 (\"acme/model-1\"): duplicate id (also entry 1)"],
    );
}

#[test]
fn the_other_rules_name_the_entry_too() {
    refused(
        &GOOD.replace("id = \"acme/model-1\"\n", ""),
        &["entry 1: missing id"],
    );
    refused(
        &GOOD.replace("acme/model-1", "Acme Model"),
        &["\"provider/model\""],
    );
    refused(&GOOD.replace("name = \"Model 1\"\n", ""), &["missing name"]);
    refused(
        &GOOD.replace("output = 2.0\n", ""),
        &["token prices need both input and output"],
    );
    refused(
        &format!("{GOOD}base = \"acme/nothing\"\n"),
        &["base \"acme/nothing\" is not an entry"],
    );
    refused(
        &format!("{GOOD}unit_price = 2.0\n"),
        &["a unit price needs its unit"],
    );
    refused(
        &format!("{GOOD}unit = \"GPU-hour\"\nunit_price_low = 3.0\nunit_price_high = 2.0\n"),
        &["unit_price_low is above unit_price_high"],
    );
}

#[test]
fn every_shipped_entry_is_dated_and_sourced() {
    for e in ENTRIES {
        assert!(day_number(e.dated.as_of).is_some(), "{}", e.id);
        assert!(e.dated.source.starts_with("https://"), "{}", e.id);
        for p in [e.training, e.hosting].into_iter().flatten() {
            assert!(day_number(p.dated.as_of).is_some(), "{}", e.id);
            assert!(p.dated.source.starts_with("https://"), "{}", e.id);
        }
        if let Some(base) = e.base {
            assert!(entry(base).is_some_and(|b| b.base.is_none()), "{}", e.id);
        }
    }
}

/// One row of the facts: id, input, cached input, output, batch input,
/// batch output, training (US dollars per 1M tokens).
type FineTunedRow = (&'static str, f64, Option<f64>, f64, f64, f64, Option<f64>);

/// OpenAI's fine-tuned models as `/work/shared/prices-2026-11.md` lists
/// them (LiteLLM's map, 2026-11-29; training from OpenAI's pricing page).
const OPENAI_FINE_TUNED: [FineTunedRow; 7] = [
    (
        "openai/ft:gpt-4o-2024-08-06",
        3.75,
        Some(1.875),
        15.00,
        1.875,
        7.50,
        Some(25.0),
    ),
    (
        "openai/ft:gpt-4o-mini-2024-07-18",
        0.30,
        Some(0.15),
        1.20,
        0.15,
        0.60,
        Some(3.0),
    ),
    (
        "openai/ft:gpt-4.1-2025-04-14",
        3.00,
        Some(0.75),
        12.00,
        1.50,
        6.00,
        Some(25.0),
    ),
    (
        "openai/ft:gpt-4.1-mini-2025-04-14",
        0.80,
        Some(0.20),
        3.20,
        0.40,
        1.60,
        Some(5.0),
    ),
    (
        "openai/ft:gpt-4.1-nano-2025-04-14",
        0.20,
        Some(0.05),
        0.80,
        0.10,
        0.40,
        Some(1.5),
    ),
    (
        "openai/ft:o4-mini-2025-04-16",
        4.00,
        Some(1.00),
        16.00,
        2.00,
        8.00,
        None,
    ),
    (
        "openai/ft:gpt-3.5-turbo",
        3.00,
        None,
        6.00,
        1.50,
        3.00,
        Some(8.0),
    ),
];

/// Their base models in the same file: id, input, cached input, output.
const OPENAI_BASE: [(&str, f64, Option<f64>, f64); 7] = [
    ("openai/gpt-4o-2024-08-06", 2.50, Some(1.25), 10.00),
    ("openai/gpt-4o-mini-2024-07-18", 0.15, Some(0.075), 0.60),
    ("openai/gpt-4.1-2025-04-14", 2.00, Some(0.50), 8.00),
    ("openai/gpt-4.1-mini-2025-04-14", 0.40, Some(0.10), 1.60),
    ("openai/gpt-4.1-nano-2025-04-14", 0.10, Some(0.025), 0.40),
    ("openai/o4-mini-2025-04-16", 1.10, Some(0.275), 4.40),
    ("openai/gpt-3.5-turbo-0125", 0.50, None, 1.50),
];

#[test]
fn openai_fine_tuned_prices_match_the_gathered_facts() {
    for (id, input, cached, output, batch_in, batch_out, training) in OPENAI_FINE_TUNED {
        let e = entry(id).unwrap_or_else(|| panic!("{id} missing"));
        let t = e.tokens.unwrap();
        assert_eq!(
            (
                t.input,
                t.cached_input,
                t.output,
                t.batch_input,
                t.batch_output
            ),
            (input, cached, output, Some(batch_in), Some(batch_out)),
            "{id}"
        );
        assert_eq!(e.training.map(|t| t.price), training, "{id}");
        assert_eq!(e.hosting, None, "{id}: no OpenAI hosting fee was found");
        assert!(e.base.is_some_and(|b| b.starts_with("openai/")), "{id}");
    }
    // Every fine-tuned OpenAI entry is in the table.
    let listed = ENTRIES
        .iter()
        .filter(|e| e.id.starts_with("openai/") && e.base.is_some())
        .count();
    assert_eq!(listed, OPENAI_FINE_TUNED.len());
    for (id, input, cached, output) in OPENAI_BASE {
        let t = entry(id).unwrap().tokens.unwrap();
        assert_eq!(
            (t.input, t.cached_input, t.output),
            (input, cached, output),
            "{id}"
        );
    }
    // o4-mini's reinforcement fine-tuning is priced by the hour, in a note.
    assert!(entry("openai/ft:o4-mini-2025-04-16")
        .unwrap()
        .notes
        .contains("$100 per hour"));
}

#[test]
fn azure_fine_tunes_carry_the_hosting_fee_and_the_training_rule() {
    let e = entry("azure/ft:gpt-4.1").unwrap();
    assert_eq!(
        e.hosting.map(|h| (h.price, h.dated.as_of)),
        Some((1.70, "2026-02-11"))
    );
    assert!(e
        .notes
        .contains("training tokens x epochs x training price"));
    for e in ENTRIES.iter().filter(|e| e.id.starts_with("azure/ft:")) {
        assert_eq!(e.hosting.map(|h| h.price), Some(1.70), "{}", e.id);
        // Per token at the base model's rate.
        assert_eq!(
            e.tokens.map(|t| t.input),
            entry(e.base.unwrap()).unwrap().tokens.map(|t| t.input)
        );
    }
}

#[test]
fn the_coverage_the_issue_asks_for_is_there() {
    for id in [
        "fireworks/ft:lora-up-to-16b",
        "fireworks/ft:lora-16.1b-80b",
        "fireworks/gpu-a100-80gb",
        "fireworks/gpu-h100",
        "fireworks/serverless-above-16b",
        "together/serverless-41.1b-80b",
        "together/fine-tuning",
        "google/gemini-2.5-flash",
        "bedrock/amazon.nova-lite-v1:0",
        "bedrock/meta.llama3-1-70b-instruct-v1:0",
        "mistral/mistral-small-latest",
        "gpu/a100-80gb",
        "gpu/h100-sxm",
        "gpu/h200",
    ] {
        assert!(entry(id).is_some(), "{id}");
    }
    let h100 = entry("gpu/h100-sxm").unwrap().unit.unwrap();
    assert_eq!((h100.unit, h100.low, h100.high), ("GPU-hour", 1.99, 5.00));
}

fn tokens_scenario() -> RawInputs {
    let mut raw = RawInputs::example();
    raw.set(Field::CostMode, "tokens");
    raw
}

/// Chooses `id` on `side` as the page does: fills the prices, sets the
/// serving mode a hosting fee calls for, labels the side.
fn choose(raw: &mut RawInputs, side: Side, id: &str) {
    let e = entry(id).unwrap();
    let serving = ft_roi::core::catalogue::fill::serving_after(e, side, raw);
    for f in fills(e, side, raw).unwrap() {
        raw.set(f.field, text(f.value, raw.decimal_mark()));
    }
    if let Some(mode) = serving {
        raw.set(side.serving_fields()[0], mode);
    }
    raw.set(side.model_field(), id);
}

#[test]
fn choosing_models_fills_prices_and_the_training_price() {
    let mut raw = tokens_scenario();
    choose(&mut raw, Side::Baseline, "openai/gpt-4o-mini-2024-07-18");
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    let got = |f: Field| raw.get(f).to_owned();
    assert_eq!(
        [
            Field::BaseInputPrice,
            Field::BaseOutputPrice,
            Field::BaseCachePrice
        ]
        .map(got),
        ["0.15", "0.6", "0.075"]
    );
    assert_eq!(
        [
            Field::FtInputPrice,
            Field::FtOutputPrice,
            Field::FtCachePrice,
            Field::TrainPrice
        ]
        .map(got),
        ["0.3", "1.2", "0.15", "3"]
    );
    // 1000 input and 1000 output tokens a request: $0.00075 and $0.0015.
    let p = parse_scenario(&raw).into_result().unwrap();
    assert_eq!(unit_cost(p.inputs.baseline), "$0.00075");
    assert_eq!(unit_cost(p.inputs.finetuned), "$0.0015");
    // Nothing changed yet; an edit is.
    assert!(current(&raw).iter().all(|f| !is_changed(f, &raw)));
    raw.set(Field::FtOutputPrice, "1.1");
    let changed: Vec<Field> = current(&raw)
        .iter()
        .filter(|f| is_changed(f, &raw))
        .map(|f| f.field)
        .collect();
    assert_eq!(changed, [Field::FtOutputPrice]);
    raw.set(Field::FtOutputPrice, "1.20");
    assert!(current(&raw).iter().all(|f| !is_changed(f, &raw)));
}

#[test]
fn prices_follow_the_price_unit_and_the_number_format() {
    let mut raw = tokens_scenario();
    raw.set(Field::PriceUnit, "1k");
    raw.set(Field::Locale, "de-DE");
    choose(&mut raw, Side::Baseline, "openai/gpt-4o-mini-2024-07-18");
    assert_eq!(raw.get(Field::BaseInputPrice), "0,00015");
    assert_eq!(raw.get(Field::BaseCachePrice), "0,000075");
    assert!(parse_scenario(&raw).into_result().is_ok());
    // A model without a cached price: the input price, said so.
    let e = entry("openai/gpt-3.5-turbo-0125").unwrap();
    let cached = fills(e, Side::Baseline, &raw)
        .unwrap()
        .into_iter()
        .find(|f| f.field == Field::BaseCachePrice)
        .unwrap();
    assert!(cached.no_cache_price);
    assert_eq!(cached.usd, 0.5);
}

#[test]
fn another_currency_needs_a_rate_and_then_converts() {
    let mut raw = tokens_scenario();
    raw.set(Field::Currency, "EUR");
    let e = entry("openai/ft:gpt-4o-mini-2024-07-18").unwrap();
    assert_eq!(fills(e, Side::FineTuned, &raw), Err(NeedsRate::Missing));
    raw.set(Field::FxRate, "abc");
    assert_eq!(fills(e, Side::FineTuned, &raw), Err(NeedsRate::Invalid));
    raw.set(Field::FxRate, "0");
    assert_eq!(conversion(&raw), Err(NeedsRate::Invalid));
    raw.set(Field::FxRate, "0.92");
    assert_eq!(conversion(&raw), Ok(Conversion::Rate(0.92)));
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    assert_eq!(raw.get(Field::FtInputPrice), "0.276");
    assert_eq!(raw.get(Field::FtOutputPrice), "1.104");
    assert_eq!(raw.get(Field::TrainPrice), "2.76");
    // Every price is converted; a batch discount (a percentage) is not.
    assert!(current(&raw).iter().all(|f| {
        let discount = matches!(f.field, Field::BaseBatchDiscount | Field::FtBatchDiscount);
        f.rate == if discount { None } else { Some(0.92) }
    }));
    assert_eq!(raw.get(Field::FtBatchDiscount), "50");
    // A bad rate is that field's message, not fewer figures.
    raw.set(Field::FxRate, "-1");
    let checked = parse_scenario(&raw);
    let p = checked.parsed.as_ref().unwrap();
    assert!(p.fx_rate.is_none() && checked.error(Field::FxRate).is_some());
    // In US dollars the rate is not used.
    raw.set(Field::Currency, "USD");
    assert_eq!(conversion(&raw), Ok(Conversion::Usd));
}

#[test]
fn the_oldest_price_in_use_decides_the_warning() {
    let mut raw = tokens_scenario();
    assert_eq!(oldest_in_use(&raw), None);
    choose(&mut raw, Side::Baseline, "openai/gpt-4o-mini-2024-07-18");
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    // The training price (2025-02-27) is not in use while compute is flat.
    assert_eq!(oldest_in_use(&raw), Some("2026-11-29"));
    raw.set(Field::TrainingMode, "itemized");
    raw.set(Field::ComputeMode, "tokens");
    assert_eq!(oldest_in_use(&raw), Some("2025-02-27"));
    // An edited price is the user's, not the catalogue's.
    raw.set(Field::TrainPrice, "2.5");
    assert_eq!(oldest_in_use(&raw), Some("2026-11-29"));
    let today = day_number("2026-11-29").unwrap();
    assert_eq!(stale(&raw, today), None);
    assert_eq!(stale(&raw, today + 180), None);
    assert_eq!(stale(&raw, today + 181), Some("2026-11-29"));
}

#[test]
fn dates_count_days() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2000-03-01"), Some(11_017));
    assert_eq!(day_number("2026-11-29"), Some(20_786));
    assert_eq!(day_number("2026-13-01"), None);
    assert_eq!(day_number("soon"), None);
    assert!(!is_stale("2026-06-02", day_number("2026-11-29").unwrap()));
    assert!(is_stale("2026-06-01", day_number("2026-11-29").unwrap()));
    assert!(data::is_date("2024-02-29"));
    assert!(!data::is_date("2025-02-29"));
}

#[test]
fn unknown_labels_are_reported_and_ignored() {
    let mut raw = tokens_scenario();
    raw.set(Field::BaseModel, "acme/gpt-9");
    raw.set(Field::FtModel, "openai/gpt-4o-mini-2024-07-18"); // a base model, on the fine-tuned side
    assert_eq!(
        unknown_models(&raw),
        [
            (Side::Baseline, "acme/gpt-9".to_owned()),
            (Side::FineTuned, "openai/gpt-4o-mini-2024-07-18".to_owned())
        ]
    );
    assert!(current(&raw).is_empty());
    // The scenario still computes from the prices in its fields.
    assert!(parse_scenario(&raw).into_result().is_ok());
}

#[test]
fn pickers_offer_each_side_its_models_and_search_by_words() {
    assert!(Side::Baseline
        .choices()
        .all(|e| e.base.is_none() && e.tokens.is_some()));
    assert!(Side::FineTuned
        .choices()
        .all(|e| e.base.is_some()
            && (e.tokens.is_some() || e.training.is_some() || e.hosting.is_some())));
    let found: Vec<&str> = search(Side::FineTuned, "4o MINI 2024-07-18")
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(found, ["openai/ft:gpt-4o-mini-2024-07-18"]);
    assert!(search(Side::Baseline, "").is_empty());
    assert_eq!(search(Side::Baseline, "nova micro").len(), 1);
}

#[test]
fn sources_get_short_names() {
    assert_eq!(
        source_label(
            "https://github.com/BerriAI/litellm/blob/00035b6/model_prices_and_context_window.json"
        ),
        "github.com/BerriAI/litellm"
    );
    assert_eq!(
        source_label("https://www.mercatus-ai.com/blog/cloud-gpu-pricing"),
        "mercatus-ai.com"
    );
    assert_eq!(source_label("https://fireworks.ai/pricing"), "fireworks.ai");
}

#[test]
fn the_catalogue_exports_as_csv_by_provider() {
    let all = to_csv(None);
    assert_eq!(all.lines().count(), ENTRIES.len() + 1);
    assert!(all.starts_with("id,provider,name,base,input_per_1m,"));
    let azure = to_csv(Some("Azure OpenAI"));
    assert!(azure.contains("azure/ft:gpt-4.1,Azure OpenAI,"));
    assert!(azure.lines().skip(1).all(|l| l.starts_with("azure/")));
    assert!(all.contains(",1.7,2026-02-11,https://learn.microsoft.com/"));
}

#[test]
fn labels_and_rate_travel_in_links_and_default_to_nothing() {
    use ft_roi::core::codec::url::{decode, encode};
    let example = RawInputs::example();
    assert_eq!(example.get(Field::BaseModel), "");
    assert_eq!(example.get(Field::FxRate), "");
    assert_eq!(encode(&example, &example), "");
    let mut raw = tokens_scenario();
    choose(&mut raw, Side::Baseline, "openai/gpt-4o-mini-2024-07-18");
    let query = encode(&raw, &example);
    assert!(query.contains("base_model=openai%2Fgpt-4o-mini-2024-07-18"));
    assert!(query.contains("base_input_price=0.15"));
    assert_eq!(decode(&query, RawInputs::example()).raw, raw);
    assert_eq!(text(0.1 + 0.2, DecimalMark::Point), "0.3");
}

#[test]
fn exports_label_the_models_and_the_rate() {
    use ft_roi::core::catalogue::fill::{csv_rows, markdown_rows};
    let mut raw = tokens_scenario();
    assert_eq!(csv_rows(&raw), "");
    assert_eq!(markdown_rows(&raw), "");
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    raw.set(Field::BaseModel, "acme/x");
    assert_eq!(
        csv_rows(&raw),
        "label,base_model,Baseline model,acme/x,not in this catalogue\r\n\
         label,ft_model,Fine-tuned model,openai/ft:gpt-4o-mini-2024-07-18,\"GPT-4o mini (2024-07-18), fine-tuned (OpenAI)\"\r\n"
    );
    // The rate only where it converts.
    raw.set(Field::FxRate, "0.92");
    assert!(!csv_rows(&raw).contains("fx_rate"));
    raw.set(Field::Currency, "EUR");
    assert!(csv_rows(&raw).ends_with("label,fx_rate,Exchange rate,0.92,0.92 EUR per US dollar\r\n"));
    assert!(markdown_rows(&raw).contains("| Exchange rate | 0.92 EUR per US dollar (0.92) |\n"));
}

#[test]
fn the_catalogue_view_rows_are_escaped_markup_by_provider() {
    use ft_roi::core::catalogue::{rows_markup, usd};
    assert_eq!(usd(Some(0.5)), "$0.50");
    assert_eq!(usd(Some(2.0)), "$2.00");
    assert_eq!(usd(Some(0.075)), "$0.075");
    assert_eq!(usd(None), "–");
    let all = rows_markup(None);
    assert_eq!(all.matches("<tr data-entry=").count(), ENTRIES.len());
    let gpu = rows_markup(Some("GPU-hour reference"));
    assert_eq!(gpu.matches("<tr ").count(), 3);
    assert!(gpu.contains("<td class=\"num\" data-label=\"Other\">$1.99–5.00 / GPU-hour</td>"));
    assert!(gpu.contains("<td class=\"num none\" data-label=\"Input / 1M\">–</td>"));
    let azure = rows_markup(Some("Azure OpenAI"));
    assert!(azure.contains(
        "<br>hosting 2026-02-11 · <a href=\"https://learn.microsoft.com/azure/ai-foundry/openai/how-to/fine-tuning-cost-management\" target=\"_blank\" rel=\"noopener noreferrer\">learn.microsoft.com</a>"
    ));
    // Notes are text, never markup.
    assert!(!all.contains("<script"));
    assert!(rows_markup(Some("Nobody")).is_empty());
}

#[test]
fn the_note_under_a_filled_field_says_when_where_and_what_changed() {
    use ft_roi::core::catalogue::fill::note_markup;
    let mut raw = tokens_scenario();
    choose(&mut raw, Side::Baseline, "openai/gpt-3.5-turbo-0125");
    let fills = current(&raw);
    let input = fills
        .iter()
        .find(|f| f.field == Field::BaseInputPrice)
        .unwrap();
    let link = "<a href=\"https://github.com/BerriAI/litellm/blob/00035b69f416be24e2e323c13198d9b7d2d1bdf9/model_prices_and_context_window.json\" target=\"_blank\" rel=\"noopener noreferrer\">github.com/BerriAI/litellm</a>";
    assert_eq!(
        note_markup(input, false, DecimalMark::Point, "USD"),
        format!("as of 2026-11-29 · {link}")
    );
    assert_eq!(
        note_markup(input, true, DecimalMark::Comma, "USD"),
        format!("<span class=\"changed-mark\">Changed from the catalogue's 0,5.</span> (as of 2026-11-29 · {link})")
    );
    let cached = fills
        .iter()
        .find(|f| f.field == Field::BaseCachePrice)
        .unwrap();
    assert!(note_markup(cached, false, DecimalMark::Point, "USD")
        .ends_with(" · no cached-input price listed: the input price"));
    raw.set(Field::Currency, "EUR");
    raw.set(Field::FxRate, "0.92");
    let converted = current(&raw)[0];
    assert!(note_markup(&converted, false, DecimalMark::Point, "EUR")
        .ends_with(" · converted at 0.92 EUR per US dollar"));
}

#[test]
fn a_hosting_fee_sets_hourly_serving_and_leaves_with_its_model() {
    use ft_roi::core::calculate;
    let mut raw = tokens_scenario();
    choose(&mut raw, Side::FineTuned, "azure/ft:gpt-4.1");
    assert_eq!(raw.get(Field::FtServing), "hourly");
    assert_eq!(raw.get(Field::FtHostRate), "1.7");
    let host = current(&raw)
        .into_iter()
        .find(|f| f.field == Field::FtHostRate)
        .unwrap();
    assert_eq!(host.dated.as_of, "2026-02-11");
    // 1 deployment × $1.70 × 730 hours a month.
    let r = calculate(&parse_scenario(&raw).into_result().unwrap().inputs);
    assert_eq!(F.money(r.finetuned_serving_monthly), "$1,241.00");
    // The fee is a price in use, with its own date.
    assert_eq!(oldest_in_use(&raw), Some("2026-02-11"));
    // Another model without a fee: serving goes back to per token.
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    assert_eq!(raw.get(Field::FtServing), "per_token");
    // Unless the fee was the user's own.
    choose(&mut raw, Side::FineTuned, "azure/ft:gpt-4.1");
    raw.set(Field::FtHostRate, "2");
    choose(
        &mut raw,
        Side::FineTuned,
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    assert_eq!(raw.get(Field::FtServing), "hourly");
    assert_eq!(raw.get(Field::FtHostRate), "2");
    // In another currency the fee is converted too.
    let mut eur = tokens_scenario();
    eur.set(Field::Currency, "EUR");
    eur.set(Field::FxRate, "0.9");
    choose(&mut eur, Side::FineTuned, "azure/ft:gpt-4.1");
    assert_eq!(eur.get(Field::FtHostRate), "1.53");
}

// Issue 25: the price unit converts the prices; a model without a training
// price says so; capacity units from GPU-hour prices; the dialog picks.

/// Sets every text the core says choosing `id` for `pick` sets.
fn pick(raw: &mut RawInputs, pick: ft_roi::core::catalogue::Pick, id: &str) {
    let texts = ft_roi::core::catalogue::fill::choice_texts(entry(id).unwrap(), pick, raw).unwrap();
    for (field, t) in texts {
        raw.set(field, t);
    }
}

/// Applies [`switch_price_unit`] to `raw`.
fn switch_unit(raw: &mut RawInputs, to: &str) {
    for (field, t) in ft_roi::core::catalogue::fill::switch_price_unit(raw, to) {
        raw.set(field, t);
    }
}

fn net_benefit(raw: &RawInputs) -> f64 {
    ft_roi::core::calculate(&parse_scenario(raw).into_result().unwrap().inputs).net_benefit
}

#[test]
fn switching_the_price_unit_converts_every_price_and_changes_no_figure() {
    use ft_roi::core::catalogue::Pick;
    // The issue's case: a support team at 2M requests a month, gpt-4.1-mini
    // against its fine-tune, request costs from tokens.
    let mut raw = tokens_scenario();
    raw.set(Field::Requests, "2000000");
    pick(
        &mut raw,
        Pick::Model(Side::Baseline),
        "openai/gpt-4.1-2025-04-14",
    );
    pick(
        &mut raw,
        Pick::Model(Side::FineTuned),
        "openai/ft:gpt-4.1-mini-2025-04-14",
    );
    let before = net_benefit(&raw);
    let prices = |raw: &RawInputs| {
        [
            Field::BaseInputPrice,
            Field::BaseOutputPrice,
            Field::BaseCachePrice,
            Field::FtInputPrice,
            Field::FtOutputPrice,
            Field::FtCachePrice,
        ]
        .map(|f| raw.get(f).to_owned())
    };
    let per_1m = prices(&raw);
    assert_eq!(per_1m, ["2", "8", "0.5", "0.8", "3.2", "0.2"]);

    switch_unit(&mut raw, "1k");
    assert_eq!(raw.get(Field::PriceUnit), "1k");
    assert_eq!(
        prices(&raw),
        ["0.002", "0.008", "0.0005", "0.0008", "0.0032", "0.0002"]
    );
    // Not one figure moves, and every price is still the catalogue's.
    let after = net_benefit(&raw);
    assert!(
        (after - before).abs() <= 1e-9 * before.abs(),
        "{before} → {after}"
    );
    assert_eq!(F.money(after), F.money(before));
    assert!(current(&raw).iter().all(|f| !is_changed(f, &raw)));

    // And back: the very texts of before.
    switch_unit(&mut raw, "1m");
    assert_eq!(prices(&raw), per_1m);
    assert_eq!(net_benefit(&raw), before);

    // Typed prices convert too; the training price (per 1M training tokens
    // whatever the unit) does not; nothing when the unit stays.
    let mut typed = tokens_scenario();
    typed.set(Field::TrainPrice, "30");
    let example = net_benefit(&typed);
    switch_unit(&mut typed, "1k");
    assert_eq!(typed.get(Field::BaseInputPrice), "0.01");
    assert_eq!(typed.get(Field::FtOutputPrice), "0.006");
    assert_eq!(typed.get(Field::TrainPrice), "30");
    assert_eq!(net_benefit(&typed), example);
    assert!(ft_roi::core::catalogue::fill::switch_price_unit(&typed, "1k").is_empty());
    assert!(ft_roi::core::catalogue::fill::switch_price_unit(&typed, "1g").is_empty());
}

#[test]
fn the_price_unit_switch_writes_the_scenario_number_format_and_keeps_bad_text() {
    let mut raw = tokens_scenario();
    raw.set(Field::Locale, "de-DE");
    raw.set(Field::BaseInputPrice, "0,15");
    raw.set(Field::BaseOutputPrice, "abc");
    raw.set(Field::FtInputPrice, "");
    raw.set(Field::FtOutputPrice, "0,3");
    switch_unit(&mut raw, "1k");
    assert_eq!(raw.get(Field::BaseInputPrice), "0,00015");
    // Not numbers: kept as typed, for their fields' messages.
    assert_eq!(raw.get(Field::BaseOutputPrice), "abc");
    assert_eq!(raw.get(Field::FtInputPrice), "");
    // No binary noise (0.3 ÷ 1,000 is 0.00030000000000000003 in binary).
    assert_eq!(raw.get(Field::FtOutputPrice), "0,0003");
    switch_unit(&mut raw, "1m");
    assert_eq!(raw.get(Field::BaseInputPrice), "0,15");
    assert_eq!(raw.get(Field::FtOutputPrice), "0,3");
}

#[test]
fn a_link_per_1k_means_what_it_says() {
    use ft_roi::core::codec::url::decode;
    // $0.002 and $0.008 per 1K tokens, 1,000 of each: $0.01 a request.
    let d = decode(
        "?v=1&cost_mode=tokens&price_unit=1k&base_input_price=0.002&base_output_price=0.008",
        RawInputs::example(),
    );
    let p = parse_scenario(&d.raw).into_result().unwrap();
    assert_eq!(unit_cost(p.inputs.baseline), "$0.01");
}

#[test]
fn a_model_without_a_training_price_says_so_and_drops_the_old_mark() {
    use ft_roi::core::catalogue::fill::{gap_markup, gaps, gaps_sentence};
    use ft_roi::core::catalogue::Pick;
    let mut raw = tokens_scenario();
    raw.set(Field::TrainingMode, "itemized");
    raw.set(Field::ComputeMode, "tokens");
    pick(
        &mut raw,
        Pick::Model(Side::FineTuned),
        "openai/ft:gpt-4.1-mini-2025-04-14",
    );
    assert_eq!(raw.get(Field::TrainPrice), "5");
    assert!(gaps(&raw).is_empty());
    assert!(current(&raw).iter().any(|f| f.field == Field::TrainPrice));

    // Azure lists token prices and the hosting fee, no training price.
    pick(
        &mut raw,
        Pick::Model(Side::FineTuned),
        "azure/ft:gpt-4.1-mini",
    );
    assert_eq!(raw.get(Field::FtInputPrice), "0.4");
    assert_eq!(raw.get(Field::FtHostRate), "1.7");
    assert_eq!(raw.get(Field::FtServing), "hourly");
    // The old value stays, but nothing says it is the catalogue's: no fill,
    // a gap that says whose it is.
    assert_eq!(raw.get(Field::TrainPrice), "5");
    assert!(current(&raw).iter().all(|f| f.field != Field::TrainPrice));
    let gaps = gaps(&raw);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].field, Field::TrainPrice);
    assert_eq!(gaps[0].what, "training price");
    assert_eq!(
        gap_markup(&gaps[0]),
        "<span class=\"unlisted-mark\">No training price listed</span> for GPT-4.1 mini (Azure), \
         fine-tuned, Standard deployment (Azure OpenAI) in the catalogue: this value is not from it \
         (a previous model's or your own). Check it with the provider."
    );
    let e = entry("azure/ft:gpt-4.1-mini").unwrap();
    assert_eq!(
        gaps_sentence(e, Side::FineTuned).as_deref(),
        Some(
            "No training price listed for it: the training price field keeps its value, not from \
             the catalogue (a previous model's or your own)."
        )
    );
    // The oldest price in use is no longer the training price's date.
    assert_ne!(oldest_in_use(&raw), Some("2025-08-21"));

    // Back to a model with a training price: filled again, no gap.
    pick(
        &mut raw,
        Pick::Model(Side::FineTuned),
        "openai/ft:gpt-4o-mini-2024-07-18",
    );
    assert_eq!(raw.get(Field::TrainPrice), "3");
    assert!(ft_roi::core::catalogue::fill::gaps(&raw)
        .iter()
        .all(|g| g.field != Field::TrainPrice));
    // A base model has no training price to list.
    let base = entry("openai/gpt-4o-mini-2024-07-18").unwrap();
    assert_eq!(gaps_sentence(base, Side::Baseline), None);
}

#[test]
fn a_pick_switches_request_costs_to_tokens_and_a_unit_pick_to_capacity() {
    use ft_roi::core::catalogue::fill::choice_texts;
    use ft_roi::core::catalogue::Pick;
    let raw = RawInputs::example();
    let e = entry("openai/gpt-4o-mini-2024-07-18").unwrap();
    let texts = choice_texts(e, Pick::Model(Side::Baseline), &raw).unwrap();
    assert!(texts.contains(&(Field::CostMode, "tokens".to_owned())));
    assert_eq!(
        texts.last(),
        Some(&(Field::BaseModel, "openai/gpt-4o-mini-2024-07-18".to_owned()))
    );
    // Already from tokens: the mode is not written again.
    let texts = choice_texts(e, Pick::Model(Side::Baseline), &tokens_scenario()).unwrap();
    assert!(texts.iter().all(|(f, _)| *f != Field::CostMode));
    let gpu = entry("fireworks/gpu-h100").unwrap();
    let texts = choice_texts(gpu, Pick::Unit(Side::FineTuned), &raw).unwrap();
    assert_eq!(
        texts,
        [
            (Field::FtUnitRate, "5.8".to_owned()),
            (Field::FtServing, "capacity".to_owned()),
            (Field::FtUnitType, "fireworks/gpu-h100".to_owned()),
        ]
    );
    // Another currency waits for its rate.
    let mut eur = raw.clone();
    eur.set(Field::Currency, "EUR");
    assert_eq!(
        choice_texts(gpu, Pick::Unit(Side::FineTuned), &eur),
        Err(NeedsRate::Missing)
    );
}

#[test]
fn a_gpu_hour_price_times_gpus_per_unit_fills_the_unit_price() {
    use ft_roi::core::catalogue::fill::{note_markup, refill_unit_rate, unknown_labels};
    use ft_roi::core::catalogue::Pick;
    let mut raw = RawInputs::example();
    raw.set(Field::BaseServing, "capacity");
    raw.set(Field::BaseUnitRps, "10");
    raw.set(Field::FtServing, "capacity");
    raw.set(Field::FtUnitRps, "10");
    // A range: its middle, $3.495 per H100-hour.
    pick(&mut raw, Pick::Unit(Side::Baseline), "gpu/h100-sxm");
    assert_eq!(raw.get(Field::BaseUnitRate), "3.495");
    // 4 GPUs per unit while the price is the catalogue's: refilled.
    let mut four = raw.clone();
    four.set(Field::BaseUnitGpus, "4");
    assert_eq!(
        refill_unit_rate(&raw, &four, Side::Baseline),
        Some((Field::BaseUnitRate, "13.98".to_owned()))
    );
    four.set(Field::BaseUnitRate, "13.98");
    let fill = current(&four)
        .into_iter()
        .find(|f| f.field == Field::BaseUnitRate)
        .unwrap();
    assert!(!is_changed(&fill, &four));
    assert_eq!(fill.dated.as_of, "2026-05-01");
    assert!(note_markup(&fill, false, DecimalMark::Point, "USD")
        .ends_with(" · $3.495 per GPU-hour (the middle of $1.99–$5.00) × 4 GPUs per unit"));
    // An edited unit price is the user's own: the GPUs leave it be.
    let mut edited = four.clone();
    edited.set(Field::BaseUnitRate, "12");
    let mut eight = edited.clone();
    eight.set(Field::BaseUnitGpus, "8");
    assert_eq!(refill_unit_rate(&edited, &eight, Side::Baseline), None);
    // Not a whole number of GPUs: nothing to fill, and the field says why.
    let mut bad = four.clone();
    bad.set(Field::BaseUnitGpus, "2.5");
    assert_eq!(refill_unit_rate(&four, &bad, Side::Baseline), None);
    assert!(parse_scenario(&bad)
        .into_result()
        .unwrap_err()
        .iter()
        .any(|(f, _)| *f == Field::BaseUnitGpus));
    // A model-unit hour is a unit already: no GPUs multiplied in.
    let mut pt = four.clone();
    pick(
        &mut pt,
        Pick::Unit(Side::FineTuned),
        "bedrock/pt:cohere.command-light-text-v14",
    );
    pt.set(Field::FtUnitGpus, "4");
    assert_eq!(pt.get(Field::FtUnitRate), "6.8472");
    assert!(current(&pt)
        .iter()
        .find(|f| f.field == Field::FtUnitRate)
        .is_some_and(|f| f.value == 6.8472));
    // The unit prices are prices in use: the oldest date counts them.
    assert_eq!(oldest_in_use(&pt), Some("2026-05-01"));
    // A unit type the catalogue does not know is reported, and ignored.
    let mut unknown = raw.clone();
    unknown.set(Field::FtUnitType, "gpu/h900");
    assert_eq!(
        unknown_labels(&unknown),
        [(Field::FtUnitType, "gpu/h900".to_owned())]
    );
    // Other currencies convert the unit price too.
    let mut eur = raw.clone();
    eur.set(Field::Currency, "EUR");
    eur.set(Field::FxRate, "0.9");
    pick(&mut eur, Pick::Unit(Side::FineTuned), "fireworks/gpu-h100");
    assert_eq!(eur.get(Field::FtUnitRate), "5.22");
}

#[test]
fn gpus_per_unit_default_to_one_and_change_no_existing_figure() {
    use ft_roi::core::codec::url::{decode, encode};
    use ft_roi::core::present::figure::gpus_text;
    let raw = RawInputs::example();
    assert_eq!(raw.get(Field::BaseUnitGpus), "1");
    assert_eq!(encode(&raw, &RawInputs::example()), "");
    // A capacity link from before: the same figures, one GPU per unit.
    let link = "?v=1&base_serving=capacity&base_unit_rate=10&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5";
    let d = decode(link, RawInputs::example());
    let p = parse_scenario(&d.raw).into_result().unwrap();
    assert_eq!(p.unit_gpus, [1.0, 1.0]);
    let mut four = d.raw.clone();
    four.set(Field::BaseUnitGpus, "4");
    let p4 = parse_scenario(&four).into_result().unwrap();
    assert_eq!(p4.unit_gpus, [4.0, 1.0]);
    // The unit price is per unit: the GPUs per unit change no figure.
    assert_eq!(
        ft_roi::core::calculate(&p.inputs),
        ft_roi::core::calculate(&p4.inputs)
    );
    assert!(encode(&four, &RawInputs::example()).contains("base_unit_gpus=4"));
    // Validated in capacity mode only; 1 to 1,000 whole.
    for (text, ok) in [
        ("1", true),
        ("1000", true),
        ("0", false),
        ("1001", false),
        ("2.5", false),
        ("", false),
    ] {
        let mut r = d.raw.clone();
        r.set(Field::FtUnitGpus, text);
        assert_eq!(parse_scenario(&r).into_result().is_ok(), ok, "{text:?}");
    }
    let mut per_token = RawInputs::example();
    per_token.set(Field::FtUnitGpus, "abc");
    assert!(parse_scenario(&per_token).into_result().is_ok());
    // In words: units × GPUs per unit.
    assert_eq!(
        gpus_text(F, 4.0, 4.0),
        "16 GPUs running: 4 units × 4 GPUs per unit"
    );
    assert_eq!(
        gpus_text(F, 1.0, 1.0),
        "1 GPU running: 1 unit × 1 GPU per unit"
    );
}

#[test]
fn the_catalogue_view_offers_each_entry_for_the_picks_it_fits() {
    use ft_roi::core::catalogue::rows_markup;
    let openai = rows_markup(Some("OpenAI"));
    assert!(openai.contains("<button type=\"button\" class=\"chip pick\" data-pick=\"base_model\" data-id=\"openai/gpt-4o-mini-2024-07-18\" aria-label=\"Use as baseline: GPT-4o mini (2024-07-18)\">Use as baseline</button>"));
    assert!(openai.contains("data-pick=\"ft_model\" data-id=\"openai/ft:gpt-4o-mini-2024-07-18\""));
    assert!(!openai.contains("data-pick=\"ft_model\" data-id=\"openai/gpt-4o-mini-2024-07-18\""));
    let gpu = rows_markup(Some("GPU-hour reference"));
    assert_eq!(gpu.matches("data-pick=\"base_unit_type\"").count(), 3);
    assert_eq!(gpu.matches("data-pick=\"ft_unit_type\"").count(), 3);
    assert!(!gpu.contains("data-pick=\"base_model\""));
}

#[test]
fn exports_label_unit_types_too() {
    use ft_roi::core::catalogue::fill::csv_rows;
    let mut raw = RawInputs::example();
    raw.set(Field::FtServing, "capacity");
    raw.set(Field::FtUnitType, "gpu/h100-sxm");
    assert_eq!(
        csv_rows(&raw),
        "label,ft_unit_type,Fine-tuned unit type,gpu/h100-sxm,\"NVIDIA H100 SXM, on demand, across clouds (GPU-hour reference)\"\r\n"
    );
}

#[test]
fn a_fine_tuned_pick_prices_compute_by_tokens_when_the_builder_is_at_its_defaults() {
    use ft_roi::core::catalogue::fill::{
        choice_texts, compute_after, compute_sentence, ComputeChange, INVESTMENT_ITEMS,
    };
    use ft_roi::core::catalogue::Pick;
    let ft = entry("openai/ft:gpt-4o-mini-2024-07-18").unwrap();
    let base = entry("openai/gpt-4o-mini-2024-07-18").unwrap();
    let switches = |raw: &RawInputs, e, side| {
        choice_texts(e, Pick::Model(side), raw)
            .unwrap()
            .contains(&(Field::ComputeMode, "tokens".to_owned()))
    };
    #[track_caller]
    fn check(
        raw: &RawInputs,
        e: &ft_roi::core::catalogue::Entry,
        side: Side,
        expected: Option<ComputeChange>,
    ) {
        assert_eq!(compute_after(e, side, raw), expected);
    }
    let raw = RawInputs::example();
    // At the defaults, directly entered or itemized: switched.
    check(&raw, ft, Side::FineTuned, Some(ComputeChange::Switch));
    assert!(switches(&raw, ft, Side::FineTuned));
    let mut itemized = raw.clone();
    itemized.set(Field::TrainingMode, "itemized");
    check(&itemized, ft, Side::FineTuned, Some(ComputeChange::Switch));
    // The training price itself does not count as an edit (a previous pick wrote it).
    itemized.set(Field::TrainPrice, "25");
    check(&itemized, ft, Side::FineTuned, Some(ComputeChange::Switch));
    // Any item of the user's own: offered, never made.
    for field in INVESTMENT_ITEMS
        .into_iter()
        .filter(|&f| f != Field::ComputeMode)
    {
        let mut edited = itemized.clone();
        edited.set(field, "7");
        check(&edited, ft, Side::FineTuned, Some(ComputeChange::Offer));
        assert!(!switches(&edited, ft, Side::FineTuned), "{field:?}");
    }
    // Already by tokens, a baseline model, a model without a training price: nothing.
    let mut tokens = raw.clone();
    tokens.set(Field::ComputeMode, "tokens");
    check(&tokens, ft, Side::FineTuned, None);
    assert!(!switches(&tokens, ft, Side::FineTuned));
    check(&raw, base, Side::Baseline, None);
    let untrained = ENTRIES
        .iter()
        .find(|e| Side::FineTuned.fits(e) && e.training.is_none())
        .unwrap();
    check(&raw, untrained, Side::FineTuned, None);
    // The words say what changed, with the price.
    assert_eq!(
        compute_sentence(ComputeChange::Switch, ft),
        "Training compute in the itemized investment is now priced by training tokens (it was a \
         flat amount), at the training price of GPT-4o mini (2024-07-18), fine-tuned: $3.00 per \
         1M tokens."
    );
    assert!(compute_sentence(ComputeChange::Offer, ft).contains("stays a flat amount"));
}

#[test]
fn every_entry_with_a_price_can_be_picked_and_named_in_a_link() {
    use ft_roi::core::catalogue::Pick;
    // An entry of billing rules alone (no price: `together/fine-tuning`)
    // fills nothing, so no picker offers it.
    let priced = |e: &&ft_roi::core::catalogue::Entry| {
        e.tokens.is_some() || e.training.is_some() || e.hosting.is_some() || e.unit.is_some()
    };
    for e in ENTRIES.iter().filter(priced) {
        assert!(
            Pick::ALL.iter().any(|p| p.entry(e.id).is_some()),
            "{} fits no picker",
            e.id
        );
    }
}

#[test]
fn a_customised_model_without_token_prices_opens_from_a_link() {
    use ft_roi::core::catalogue::fill::{gaps, gaps_sentence, unknown_labels};
    let id = "bedrock/ft:amazon.titan-text-express-v1";
    let mut raw = tokens_scenario();
    raw.set(Field::FtModel, id);
    // Named in a link: known, not ignored.
    assert!(unknown_models(&raw).is_empty());
    assert!(unknown_labels(&raw).is_empty());
    let e = entry(id).unwrap();
    assert!(e.tokens.is_none());
    assert_eq!(
        search(Side::FineTuned, "titan express customised")[0].id,
        id
    );
    // Picking it fills the training price (8.00 per 1M) and the hosting
    // fee; the token prices keep their values, and the form says so.
    choose(&mut raw, Side::FineTuned, id);
    assert_eq!(raw.get(Field::TrainPrice), "8");
    assert_eq!(raw.get(Field::FtHostRate), "20.5");
    assert_eq!(raw.get(Field::FtServing), "hourly");
    assert_eq!(raw.get(Field::FtInputPrice), "6");
    let gaps: Vec<Field> = gaps(&raw).iter().map(|g| g.field).collect();
    assert!(gaps.contains(&Field::FtInputPrice), "{gaps:?}");
    assert!(gaps_sentence(e, Side::FineTuned)
        .is_some_and(|s| s.starts_with("No token prices listed for it")));
    assert!(parse_scenario(&raw).into_result().is_ok());
}

// ---------------------------------------------------------------- issue 27: terms of a bill

#[test]
fn terms_without_their_source_or_date_are_refused() {
    // A flag has no price to carry the entry's date: it needs its own.
    refused(
        &format!("{GOOD}reasoning = true\n"),
        &[
            "entry 1 (\"acme/model-1\")",
            "reasoning without its own source and date",
        ],
    );
    refused(
        &format!("{GOOD}reasoning = true\nreasoning_as_of = \"2026-12-06\"\n"),
        &["reasoning_as_of without reasoning_source"],
    );
    refused(
        &format!("{GOOD}batch_offered = false\n"),
        &["batch_offered without its own source and date"],
    );
    refused(
        &format!(
            "{GOOD}cache_write_billed = false\ncache_write_source = \"https://example.com/c\"\n"
        ),
        &["cache_write_billed without its own source and date"],
    );
    refused(
        &format!("{GOOD}batch_as_of = \"2026-12-06\"\nbatch_source = \"https://example.com/b\"\n"),
        &["batch_as_of or batch_source without a batch term"],
    );
    refused(
        &format!("{GOOD}cache_write_5m = 1.25\ncache_write_as_of = \"yesterday\"\ncache_write_source = \"https://example.com/c\"\n"),
        &["cache_write_as_of \"yesterday\" is not a date"],
    );
    // With their own source and date, or the entry's for prices, they pass.
    assert!(problems(&format!(
        "{GOOD}reasoning = false\nreasoning_as_of = \"2026-12-06\"\nreasoning_source = \"https://example.com/r\"\n\
         batch_input = 0.5\nbatch_output = 1.0\ncache_write_5m = 1.25\ncache_write_1h = 2.0\n"
    ))
    .is_empty());
}

#[test]
fn batch_and_cache_write_terms_are_checked() {
    // A batch price above the standard one: a discount below 0.
    refused(
        &format!("{GOOD}batch_input = 1.5\nbatch_output = 3.0\n"),
        &["batch discount outside 0..100%"],
    );
    refused(
        &format!("{GOOD}batch_input = -0.5\nbatch_output = 1.0\n"),
        &["negative price: batch_input"],
    );
    // One discount for every token price: input and output alike.
    refused(
        &format!("{GOOD}batch_input = 0.5\nbatch_output = 1.5\n"),
        &["batch discounts differ: input 50%, output 25%"],
    );
    refused(
        &format!("{GOOD}batch_input = 0.5\n"),
        &["batch prices need both batch_input and batch_output"],
    );
    refused(
        &format!("{GOOD}batch_input = 0.5\nbatch_output = 1.0\nbatch_offered = false\nbatch_as_of = \"2026-12-06\"\nbatch_source = \"https://example.com/b\"\n"),
        &["batch prices on an entry whose batch is not offered"],
    );
    refused(
        &format!("{GOOD}batch_offered = true\nbatch_as_of = \"2026-12-06\"\nbatch_source = \"https://example.com/b\"\n"),
        &["may only be false"],
    );
    // A cache write is a premium over input; 1 hour costs at least 5 minutes.
    refused(
        &format!("{GOOD}cache_write_5m = 0.5\n"),
        &["cache_write_5m 0.5 is below the input price 1"],
    );
    refused(
        &format!("{GOOD}cache_write_5m = 1.25\ncache_write_1h = 1.0\n"),
        &["cache_write_1h 1 is below cache_write_5m 1.25"],
    );
    refused(
        &format!("{GOOD}cache_write_1h = 2.0\n"),
        &["cache_write_1h without cache_write_5m"],
    );
    refused(
        &format!("{GOOD}cache_write_5m = 1.25\ncache_write_billed = false\ncache_write_as_of = \"2026-12-06\"\ncache_write_source = \"https://example.com/c\"\n"),
        &["cache-write prices on an entry whose cache writes are not billed"],
    );
    refused(
        &GOOD
            .replace("input = 1.0\noutput = 2.0\n", "training = 3.0\n")
            .replace("[[entry]]\n", "[[entry]]\ncache_write_5m = 1.25\n"),
        &["cache-write prices without input and output prices"],
    );
}

#[test]
fn the_new_entries_carry_their_terms_from_the_price_notes() {
    use ft_roi::core::catalogue::Offer;
    // id, input, cached, output, batch discount, 5-minute and 1-hour writes
    // (prices-2026-12.md: Anthropic's rules 1.25x / 2x / 0.1x, batch 50% off).
    let claude = [
        ("anthropic/claude-opus-4-8", 5.0, 0.5, 25.0, 6.25, 10.0),
        ("anthropic/claude-opus-4-1", 15.0, 1.5, 75.0, 18.75, 30.0),
        ("anthropic/claude-sonnet-4-6", 3.0, 0.3, 15.0, 3.75, 6.0),
        ("anthropic/claude-sonnet-4-5", 3.0, 0.3, 15.0, 3.75, 6.0),
        ("anthropic/claude-haiku-4-5", 1.0, 0.1, 5.0, 1.25, 2.0),
        ("anthropic/claude-3-5-haiku", 0.8, 0.08, 4.0, 1.0, 1.6),
    ];
    for (id, input, cached, output, w5, w1) in claude {
        let e = entry(id).unwrap_or_else(|| panic!("{id} missing"));
        let t = e.tokens.unwrap();
        assert_eq!(
            (t.input, t.cached_input, t.output),
            (input, Some(cached), output),
            "{id}"
        );
        assert_eq!(e.batch.listed().map(|b| b.discount), Some(50.0), "{id}");
        let w = e.cache_write.listed().unwrap();
        assert_eq!((w.five_minutes, w.one_hour), (w5, Some(w1)), "{id}");
        assert_eq!(
            w.dated.source,
            "https://platform.claude.com/docs/en/about-claude/pricing"
        );
        assert!(Side::Baseline.fits(e));
    }
    // Claude 4.x bills thinking as output; Haiku 3.5 has no such term here.
    assert!(
        entry("anthropic/claude-sonnet-4-6")
            .unwrap()
            .reasoning
            .unwrap()
            .billed
    );
    assert!(entry("anthropic/claude-3-5-haiku")
        .unwrap()
        .reasoning
        .is_none());
    // The batch prices of the newest models come from a third party.
    let b = entry("anthropic/claude-haiku-4-5")
        .unwrap()
        .batch
        .listed()
        .unwrap();
    assert_eq!(b.dated.source, "https://dev.to/neverpaytwice");
    // GPT-5 family and o3: id, input, cached, output; batch 50% off.
    for (id, input, cached, output) in [
        ("openai/o3", 2.0, Some(0.5), 8.0),
        ("openai/gpt-5", 1.25, Some(0.125), 10.0),
        ("openai/gpt-5-mini", 0.25, Some(0.025), 2.0),
        ("openai/gpt-5-nano", 0.05, Some(0.005), 0.4),
        ("openai/gpt-5.4", 2.5, Some(0.25), 15.0),
        ("openai/gpt-5.5", 5.0, None, 30.0),
    ] {
        let e = entry(id).unwrap_or_else(|| panic!("{id} missing"));
        let t = e.tokens.unwrap();
        assert_eq!(
            (t.input, t.cached_input, t.output),
            (input, cached, output),
            "{id}"
        );
        assert_eq!(e.batch.listed().map(|b| b.discount), Some(50.0), "{id}");
        assert!(e.reasoning.unwrap().billed, "{id}");
    }
    // OpenAI bills no cache writes (before GPT-5.6); where the notes say
    // nothing (gpt-5.4, 5.5), the term is not in the catalogue.
    for id in [
        "openai/gpt-5",
        "openai/o3",
        "openai/gpt-4.1-2025-04-14",
        "openai/ft:gpt-4o-mini-2024-07-18",
    ] {
        assert!(
            matches!(entry(id).unwrap().cache_write, Offer::NotOffered(_)),
            "{id}"
        );
    }
    assert_eq!(
        entry("openai/gpt-5.5").unwrap().cache_write,
        Offer::NotInCatalogue
    );
    // A fine-tune on Fireworks has no batch discount; Azure's fine-tunes:
    // not found.
    assert!(matches!(
        entry("fireworks/ft:lora-up-to-16b").unwrap().batch,
        Offer::NotOffered(_)
    ));
    assert_eq!(
        entry("azure/ft:gpt-4.1").unwrap().batch,
        Offer::NotInCatalogue
    );
    // Shut down, not removed (its end of life is data/lifecycle.toml's).
    assert!(entry("openai/gpt-3.5-turbo-0125").is_some());
}

#[test]
fn every_term_is_dated_and_sourced_and_discounts_are_exact() {
    use ft_roi::core::catalogue::Offer;
    for e in ENTRIES {
        let mut dated = Vec::new();
        match e.batch {
            Offer::Listed(b) => {
                let t = e.tokens.unwrap();
                // 1 - batch / standard, the same for input and output.
                assert!((0.0..=100.0).contains(&b.discount), "{}", e.id);
                let off = |b: f64, s: f64| (1.0 - b / s) * 100.0;
                assert!(
                    (off(t.batch_input.unwrap(), t.input) - b.discount).abs() < 1e-9,
                    "{}",
                    e.id
                );
                assert!(
                    (off(t.batch_output.unwrap(), t.output) - b.discount).abs() < 1e-9,
                    "{}",
                    e.id
                );
                dated.push(b.dated);
            }
            Offer::NotOffered(d) => dated.push(d),
            Offer::NotInCatalogue => {}
        }
        match e.cache_write {
            Offer::Listed(w) => {
                assert!(w.five_minutes >= e.tokens.unwrap().input, "{}", e.id);
                dated.push(w.dated);
            }
            Offer::NotOffered(d) => dated.push(d),
            Offer::NotInCatalogue => {}
        }
        dated.extend(e.reasoning.map(|r| r.dated));
        for d in dated {
            assert!(day_number(d.as_of).is_some(), "{}: {}", e.id, d.as_of);
            assert!(d.source.starts_with("https://"), "{}: {}", e.id, d.source);
        }
    }
}

/// A scenario in token mode with `id` chosen on `side`, as the page does.
fn with_model(side: Side, id: &str) -> RawInputs {
    let mut raw = tokens_scenario();
    choose(&mut raw, side, id);
    raw
}

#[test]
fn picking_a_claude_model_fills_its_cache_write_and_batch_discount() {
    let mut raw = with_model(Side::Baseline, "anthropic/claude-sonnet-4-5");
    let got = |raw: &RawInputs, f: Field| raw.get(f).to_owned();
    assert_eq!(
        [
            Field::BaseInputPrice,
            Field::BaseOutputPrice,
            Field::BaseCachePrice,
            Field::BaseCacheWritePrice,
            Field::BaseBatchDiscount,
        ]
        .map(|f| got(&raw, f)),
        ["3", "15", "0.3", "3.75", "50"]
    );
    // Per 1K tokens the cache write converts like the other prices; the
    // discount does not.
    for (f, t) in ft_roi::core::catalogue::fill::switch_price_unit(&raw, "1k") {
        raw.set(f, &t);
    }
    assert_eq!(got(&raw, Field::BaseCacheWritePrice), "0.00375");
    assert_eq!(got(&raw, Field::BaseBatchDiscount), "50");
    assert!(current(&raw).iter().all(|f| !is_changed(f, &raw)));
    // Edited, each is marked changed; the note names both lifetimes.
    raw.set(Field::BaseBatchDiscount, "40");
    raw.set(Field::BaseCacheWritePrice, "0.006");
    let changed: Vec<Field> = current(&raw)
        .iter()
        .filter(|f| is_changed(f, &raw))
        .map(|f| f.field)
        .collect();
    assert_eq!(
        changed,
        [Field::BaseCacheWritePrice, Field::BaseBatchDiscount]
    );
    let write = current(&raw)
        .into_iter()
        .find(|f| f.field == Field::BaseCacheWritePrice)
        .unwrap();
    let note = ft_roi::core::catalogue::fill::note_markup(&write, true, DecimalMark::Point, "USD");
    assert!(
        note.contains("the 5-minute cache write (1 hour: $6.00 per 1M tokens)"),
        "{note}"
    );
    assert!(
        note.contains("Changed from the catalogue's 0.00375."),
        "{note}"
    );
}

#[test]
fn the_bill_terms_count_for_the_staleness_warning_only_with_their_share() {
    // Sonnet 4.6's batch prices are a third party's of 2026-12-06, its
    // other prices Anthropic's of 2026-08-04.
    let mut raw = with_model(Side::Baseline, "anthropic/claude-sonnet-4-6");
    assert_eq!(oldest_in_use(&raw), Some("2026-08-04"));
    let today = day_number("2026-12-06").unwrap() + 200;
    raw.set(Field::BaseInputPrice, "3.1");
    raw.set(Field::BaseOutputPrice, "15.1");
    raw.set(Field::BaseCachePrice, "0.31");
    raw.set(Field::BaseCacheWritePrice, "3.8");
    // Only the batch discount is the catalogue's, and no request is batched.
    assert_eq!(oldest_in_use(&raw), None);
    raw.set(Field::BaseBatchShare, "20");
    assert_eq!(oldest_in_use(&raw), Some("2026-12-06"));
    assert_eq!(stale(&raw, today), Some("2026-12-06"));
}

#[test]
fn a_term_the_provider_does_not_offer_says_so_instead_of_a_zero() {
    use ft_roi::core::catalogue::fill::{term_markup, term_notes, TermWhy};
    // A Fireworks LoRA fine-tune: no batch discount (dedicated deployment).
    let mut raw = with_model(Side::FineTuned, "fireworks/ft:lora-up-to-16b");
    raw.set(Field::FtBatchDiscount, "35");
    choose(&mut raw, Side::FineTuned, "fireworks/ft:lora-up-to-16b");
    // Nothing filled: the typed discount stays.
    assert_eq!(raw.get(Field::FtBatchDiscount), "35");
    let notes = term_notes(&raw);
    let batch = notes
        .iter()
        .find(|n| n.field == Field::FtBatchDiscount)
        .unwrap();
    assert!(
        matches!(batch.why, TermWhy::NotOffered(d) if d.source == "https://docs.fireworks.ai/")
    );
    let words = term_markup(batch);
    assert!(words.contains("Not offered for this model"), "{words}");
    assert!(
        words.contains("docs.fireworks.ai</a>, 2026-12-06"),
        "{words}"
    );
    // Its cache writes: not in the catalogue.
    let write = notes
        .iter()
        .find(|n| n.field == Field::FtCacheWritePrice)
        .unwrap();
    assert_eq!(write.why, TermWhy::NotInCatalogue);
    assert!(term_markup(write).contains("is not in the catalogue"));
    // OpenAI bills no cache writes: said, not filled.
    let raw = with_model(Side::Baseline, "openai/gpt-5");
    let notes = term_notes(&raw);
    let write = notes
        .iter()
        .find(|n| n.field == Field::BaseCacheWritePrice)
        .unwrap();
    assert!(term_markup(write).contains("Cache writes are not billed for this model"));
    assert_eq!(raw.get(Field::BaseCacheWritePrice), "0");
    // And GPT-5 bills reasoning tokens: the form asks for them.
    let r = notes
        .iter()
        .find(|n| n.field == Field::BaseReasoningTokens)
        .unwrap();
    assert!(matches!(r.why, TermWhy::BillsReasoning(_)));
    assert!(term_markup(r).contains("type the reasoning tokens per request"));
    // No notes without a model, and every existing figure is unchanged by
    // a pick's terms: the reference example's batch discount is 50 too.
    assert!(term_notes(&tokens_scenario()).is_empty());
}

#[test]
fn a_model_billing_no_reasoning_warns_only_when_the_side_counts_some() {
    use ft_roi::core::catalogue::fill::{term_markup, TermNote, TermWhy};
    use ft_roi::core::catalogue::{Dated, Reasoning};
    // No shipped source says a model bills no reasoning tokens: the
    // warning's words, from a made-up note.
    let d = Dated {
        as_of: "2026-12-06",
        source: "https://example.com/models",
    };
    let e = entry("openai/gpt-4.1-2025-04-14").unwrap();
    assert!(e.reasoning.is_none());
    let mut copy = *e;
    copy.reasoning = Some(Reasoning {
        billed: false,
        dated: d,
    });
    let leaked: &'static ft_roi::core::catalogue::Entry = Box::leak(Box::new(copy));
    let words = term_markup(&TermNote {
        field: Field::BaseReasoningTokens,
        entry: leaked,
        why: TermWhy::NoReasoning(d),
    });
    assert!(words.contains("bills no reasoning tokens"), "{words}");
    assert!(
        words.contains("check the reasoning tokens per request"),
        "{words}"
    );
}

#[test]
fn the_catalogue_csv_and_view_carry_the_terms() {
    let all = to_csv(None);
    let head = all.lines().next().unwrap();
    assert!(head.ends_with(
        ",notes,batch_discount_pct,batch_offered,batch_as_of,batch_source,cache_write_5m_per_1m,\
         cache_write_1h_per_1m,cache_write_billed,cache_write_as_of,cache_write_source,\
         reasoning_billed,reasoning_as_of,reasoning_source"
    ));
    let opus = all
        .lines()
        .find(|l| l.starts_with("anthropic/claude-opus-4-8,"))
        .unwrap();
    assert!(
        opus.ends_with(
            ",50,yes,2026-12-06,https://dev.to/neverpaytwice,6.25,10,yes,2026-08-04,\
         https://platform.claude.com/docs/en/about-claude/pricing,yes,2026-12-06,\
         https://platform.claude.com/docs/"
        ),
        "{opus}"
    );
    let rows = ft_roi::core::catalogue::rows_markup(Some("Anthropic"));
    assert!(rows.contains("$1.50 / $7.50 (50% off)"));
    assert!(rows.contains("$3.75 / $6.00"));
    assert!(rows.contains("Billed as output"));
    let openai = ft_roi::core::catalogue::rows_markup(Some("OpenAI"));
    assert!(openai.contains("Not billed"));
}
