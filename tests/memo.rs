//! The decision memo (issue 31): the verdict in one sentence for each
//! status, the Markdown memo's sections in order, the print markup escaped
//! and complete, and the catalogue's price sources with their dates.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

use ft_roi::core::catalogue::fill::{fills, text};
use ft_roi::core::catalogue::{entry, Side};
use ft_roi::core::codec::export::ExportDoc;
use ft_roi::core::codec::memo::{price_dates, price_sources, verdict, MemoDoc};
use ft_roi::core::present::formulas::worked;
use ft_roi::core::{calculate, parse_scenario, Field, Inputs, RawInputs, Status};

#[track_caller]
fn check_verdict(i: Inputs, status: Status, expected: &str) {
    let r = calculate(&i);
    assert_eq!(r.status, status);
    assert_eq!(verdict(F, &i, &r), expected);
}

#[test]
fn the_verdict_is_one_sentence_per_status() {
    check_verdict(
        Inputs::EXAMPLE,
        Status::Positive,
        "Fine-tune: it pays back in 3.57 months and returns a net benefit of $5,900.00 over the \
         12-month horizon, an ROI of 159.46% on the incremental investment of $3,700.00.",
    );
    check_verdict(
        Inputs {
            months: 3,
            ..Inputs::EXAMPLE
        },
        Status::BeyondHorizon,
        "Do not fine-tune for this horizon: it pays back only after 3.57 months, beyond the \
         3-month horizon, for a net benefit of −$400.00 within it.",
    );
    check_verdict(
        Inputs {
            finetuned: Inputs::EXAMPLE.baseline,
            ..Inputs::EXAMPLE
        },
        Status::Never,
        "Do not fine-tune at this volume: the savings per request do not cover the monthly \
         costs, so the training cost of $2,500 is never recovered.",
    );
}

/// The memo of `raw` named `name`, as Markdown and as markup.
fn memo(raw: &RawInputs, name: &str) -> (String, String) {
    let p = parse_scenario(raw).into_result().unwrap();
    let r = calculate(&p.inputs);
    let formulas = worked(F, &p.inputs, &r);
    let doc = ExportDoc::new(F, name, raw, &p.inputs, &r);
    let memo = MemoDoc {
        doc,
        date: "2026-12-06",
        formulas: &formulas,
    };
    (memo.markdown(), memo.markup())
}

#[test]
fn the_markdown_memo_reads_as_a_decision_document() {
    let (md, _) = memo(&RawInputs::example(), "Support | bot");
    let order = [
        "# Decision memo: Support \\| bot\n\n2026-12-06\n\n**Fine-tune: it pays back in 3.57 months",
        "## Key figures",
        "| Projected net benefit | $5,900.00 |",
        "| ROI on investment | 159.46% |",
        "## Break-even timeline",
        "## Assumptions",
        "| Monthly requests | 100,000 |",
        "## Price sources",
        "The prices are as entered; no catalogue model is picked.",
        "## Appendix: formulas",
        "- **Projected net benefit** = ",
    ];
    let mut from = 0;
    for part in order {
        let at = md[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} after {from} in\n{md}"));
        from += at + part.len();
    }
    // The timeline: at most 13 points and the last month.
    let timeline =
        &md[md.find("## Break-even timeline").unwrap()..md.find("## Assumptions").unwrap()];
    let rows = timeline.lines().filter(|l| l.starts_with("| ")).count();
    assert!((3..=14).contains(&rows), "{timeline}");
    assert!(!md.contains("NaN") && !md.contains("Infinity"), "{md}");
}

#[test]
fn the_print_markup_is_escaped_and_has_every_part() {
    let (_, html) = memo(&RawInputs::example(), "<b>Bot</b> & co");
    assert!(
        html.contains("<h2>&lt;b&gt;Bot&lt;/b&gt; &amp; co</h2>"),
        "{html}"
    );
    let order = [
        r#"data-memo="verdict">Fine-tune: it pays back"#,
        r#"<dl class="memo-figures">"#,
        r#"data-memo="timeline""#,
        "<svg viewBox=\"0 0 680 230\"",
        "<h3>Assumptions</h3>",
        "<h3>Price sources</h3>",
        r#"data-memo="appendix"><h3>Appendix: formulas</h3>"#,
        r#"<li data-formula="net_benefit">"#,
    ];
    let mut from = 0;
    for part in order {
        let at = html[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} after {from}"));
        from += at + part.len();
    }
    // Each figure stays once on the page: the memo carries no data-metric.
    assert!(!html.contains("data-metric"));
}

#[test]
fn price_sources_name_the_picked_models_and_their_dates() {
    assert!(price_sources(&RawInputs::example()).is_empty());
    let mut raw = RawInputs::example();
    raw.set(Field::CostMode, "tokens");
    for (side, id) in [
        (Side::Baseline, "openai/gpt-4.1-mini-2025-04-14"),
        (Side::FineTuned, "openai/ft:gpt-4.1-mini-2025-04-14"),
    ] {
        let e = entry(id).unwrap();
        for f in fills(e, side, &raw).unwrap() {
            raw.set(f.field, text(f.value, raw.decimal_mark()));
        }
        raw.set(side.model_field(), id);
    }
    let sources = price_sources(&raw);
    assert!(!sources.is_empty());
    for s in &sources {
        assert!(s.source.starts_with("https://"), "{s:?}");
        assert_eq!(s.as_of.len(), 10, "{s:?}");
    }
    assert!(
        sources[0].fields.contains("Input price"),
        "{:?}",
        sources[0]
    );
    let dates = price_dates(&raw);
    assert!(
        !dates.is_empty() && dates.windows(2).all(|w| w[0] < w[1]),
        "{dates:?}"
    );
    let (md, html) = memo(&raw, "Picked");
    assert!(md.contains(&format!("as of {}", dates[0])), "{md}");
    assert!(html.contains(&format!("as of {}", dates[0])));
    // Prices the user changed are no longer the catalogue's.
    for f in [
        Field::BaseInputPrice,
        Field::BaseOutputPrice,
        Field::BaseCachePrice,
    ] {
        raw.set(f, "9");
    }
    let after = price_sources(&raw);
    assert!(
        after.iter().all(|s| !s.fields.contains("Baseline input")),
        "{after:?}"
    );
    assert!(!after.is_empty(), "the fine-tuned side's prices stay");
}
