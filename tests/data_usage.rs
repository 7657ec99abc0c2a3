//! Native tests of issue 30's usage logs: one fixture per format (tests/fixtures/data/usage/,
//! written from the examples of the facts file `data-files-2026-12.md`, section C), with the
//! figures computed by hand in each test; failed calls counted apart; bad lines by reason with
//! their line numbers; CRLF, a BOM, slices of any size, a huge line; percentiles at their
//! edges; totality on any bytes.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::data::lines::{FileProblem, Lines};
use ft_roi::core::data::rows::Shape;
use ft_roi::core::data::training::Group;
use ft_roi::core::data::usage::{is_usage_log, iso_seconds, Format, Reason, Report, Scan, Stat};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/data/usage/{name}")).unwrap()
}

/// Reads `bytes` in slices of `slice` bytes, as the page does.
fn read(bytes: &[u8], slice: usize) -> Result<Report, FileProblem> {
    let mut lines = Lines::new();
    let mut scan = Scan::new();
    let mut each = |no: u64, text: &str| scan.line(no, text);
    for part in bytes.chunks(slice.max(1)) {
        lines.push(part, &mut each);
    }
    lines.finish(&mut each)?;
    scan.finish();
    Ok(scan.report())
}

fn group(count: u64, lines: &[u64]) -> Group {
    Group {
        count,
        lines: lines.to_vec(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn stat(s: Stat, mean: f64, p10: f64, p50: f64, p90: f64) {
    assert!(close(s.mean, mean), "mean {} ≠ {mean}", s.mean);
    assert!(close(s.p10, p10), "p10 {} ≠ {p10}", s.p10);
    assert!(close(s.p50, p50), "p50 {} ≠ {p50}", s.p50);
    assert!(close(s.p90, p90), "p90 {} ≠ {p90}", s.p90);
}

/// The same report whatever the slice size.
fn read_all_ways(name: &str) -> Report {
    let bytes = fixture(name);
    let whole = read(&bytes, 1 << 16).unwrap();
    for slice in [1, 7, 64] {
        assert_eq!(
            read(&bytes, slice).unwrap(),
            whole,
            "{name} in slices of {slice}"
        );
    }
    whole
}

#[test]
fn openai_chat_completions() {
    let r = read_all_ways("openai-chat.jsonl");
    assert_eq!(r.shape, Some(Shape::JsonLines));
    assert_eq!(r.formats, vec![(Format::OpenAiChat, 3)]);
    assert_eq!(r.requests, 3);
    assert_eq!(r.failed, vec![(Format::OpenAiChat, group(1, &[3]))]);
    assert_eq!(r.invalid, 3);
    assert_eq!(
        r.errors,
        vec![
            (Reason::NotJson, group(1, &[5])),
            (Reason::NoFormat, group(1, &[6])),
            (Reason::BadCount, group(1, &[7])),
        ]
    );
    // Input 100, 300, 200: sorted 100, 200, 300; p10 at rank 0.2 → 120, p90 at 1.8 → 280.
    stat(r.input, 200.0, 120.0, 200.0, 280.0);
    // Cached 20, 0, 100: sorted 0, 20, 100.
    stat(r.cached, 40.0, 4.0, 20.0, 84.0);
    // Visible output 50, 70, 500 − 400 = 100: sorted 50, 70, 100.
    stat(r.output, 220.0 / 3.0, 54.0, 70.0, 94.0);
    // Reasoning 0, 0, 400.
    stat(r.reasoning, 400.0 / 3.0, 0.0, 0.0, 320.0);
    assert!(close(r.cached_share.unwrap(), 120.0 / 600.0));
    // created 1733011200 … 1733184000: 2 days.
    assert!(close(r.days.unwrap(), 2.0));
    assert!(close(
        r.requests_per_month(None).unwrap(),
        3.0 * 30.4375 / 2.0
    ));
    // A typed period does not override the timestamps.
    assert!(close(
        r.requests_per_month(Some(10.0)).unwrap(),
        3.0 * 30.4375 / 2.0
    ));
    assert_eq!(
        r.models,
        vec![
            ("gpt-4o-2024-08-06".to_owned(), 2),
            ("o3-mini".to_owned(), 1)
        ]
    );
    // Tokens per request (input + visible output + reasoning): 150, 370, 700.
    stat(r.total, 1220.0 / 3.0, 194.0, 370.0, 634.0);
    assert_eq!(r.histogram.iter().map(|b| b.count).sum::<u64>(), 3);
}

#[test]
fn openai_responses_in_a_json_array() {
    let r = read_all_ways("openai-responses.json");
    assert_eq!(r.shape, Some(Shape::JsonDocument));
    assert_eq!(r.formats, vec![(Format::OpenAiResponses, 2)]);
    assert_eq!(r.failed, vec![(Format::OpenAiResponses, group(1, &[32]))]);
    assert_eq!(r.invalid, 0);
    stat(r.input, 1500.0, 1100.0, 1500.0, 1900.0);
    stat(r.cached, 400.0, 80.0, 400.0, 720.0);
    // Visible output 300 − 200 = 100 and 50.
    stat(r.output, 75.0, 55.0, 75.0, 95.0);
    stat(r.reasoning, 100.0, 20.0, 100.0, 180.0);
    assert!(close(r.cached_share.unwrap(), 800.0 / 3000.0));
    // created_at 43,200 s apart: half a day, so the month is counted over max(1, 0.5) = 1 day.
    assert!(close(r.days.unwrap(), 0.5));
    assert!(close(r.requests_per_month(None).unwrap(), 2.0 * 30.4375));
    assert_eq!(r.models, vec![("gpt-5".to_owned(), 2)]);
}

#[test]
fn openai_batch_output() {
    let r = read_all_ways("openai-batch.jsonl");
    assert_eq!(r.formats, vec![(Format::OpenAiBatch, 2)]);
    assert_eq!(r.failed, vec![(Format::OpenAiBatch, group(1, &[3]))]);
    stat(r.input, 50.0, 42.0, 50.0, 58.0);
    stat(r.cached, 15.0, 3.0, 15.0, 27.0);
    stat(r.output, 20.0, 12.0, 20.0, 28.0);
    // created 1733011200 and 1733270400: 3 days.
    assert!(close(r.days.unwrap(), 3.0));
    assert_eq!(r.models, vec![("gpt-4o-mini".to_owned(), 2)]);
}

#[test]
fn anthropic_messages_with_crlf_and_a_bom() {
    let r = read_all_ways("anthropic-crlf-bom.jsonl");
    assert_eq!(r.formats, vec![(Format::Anthropic, 3)]);
    // An error object (line 3) and an errored batch result (line 5).
    assert_eq!(r.failed, vec![(Format::Anthropic, group(2, &[3, 5]))]);
    assert_eq!(r.invalid, 0);
    // input_tokens excludes the cache: 10 + 200 + 1000 = 1210; then 50 and 40.
    stat(r.input, 1300.0 / 3.0, 42.0, 50.0, 978.0);
    stat(r.cached, 1000.0 / 3.0, 0.0, 0.0, 800.0);
    // output_tokens holds the thinking: 300 − 100 = 200; then 20 and 30.
    stat(r.output, 250.0 / 3.0, 22.0, 30.0, 166.0);
    stat(r.reasoning, 100.0 / 3.0, 0.0, 0.0, 80.0);
    assert!(close(r.cached_share.unwrap(), 1000.0 / 1300.0));
    // No timestamps: the period is asked for.
    assert_eq!(r.days, None);
    assert_eq!(r.requests_per_month(None), None);
    assert_eq!(r.requests_per_month(Some(0.0)), None);
    assert_eq!(r.requests_per_month(Some(f64::NAN)), None);
    assert!(close(
        r.requests_per_month(Some(30.0)).unwrap(),
        3.0 * 30.4375 / 30.0
    ));
    assert!(close(
        r.requests_per_month(Some(0.25)).unwrap(),
        3.0 * 30.4375
    ));
    assert_eq!(
        r.models,
        vec![
            ("claude-haiku-4-5".to_owned(), 2),
            ("claude-sonnet-4-5".to_owned(), 1)
        ]
    );
}

#[test]
fn gemini_usage_metadata() {
    let r = read_all_ways("gemini.jsonl");
    assert_eq!(r.formats, vec![(Format::Gemini, 3)]);
    assert_eq!(r.errors, vec![(Reason::BadCount, group(1, &[4]))]);
    // promptTokenCount includes the cache: 500, 100, 300.
    stat(r.input, 300.0, 140.0, 300.0, 460.0);
    stat(r.cached, 100.0 / 3.0, 0.0, 0.0, 80.0);
    // thoughtsTokenCount is apart from candidatesTokenCount: output 40, 10, 30.
    stat(r.output, 80.0 / 3.0, 14.0, 30.0, 38.0);
    stat(r.reasoning, 20.0, 0.0, 0.0, 48.0);
    assert_eq!(r.days, None);
    assert_eq!(
        r.models,
        vec![
            ("gemini-2.5-flash".to_owned(), 2),
            ("gemini-2.5-pro".to_owned(), 1)
        ]
    );
}

#[test]
fn bedrock_converse_in_an_object_holding_an_array() {
    let r = read_all_ways("bedrock-converse.json");
    assert_eq!(r.shape, Some(Shape::JsonDocument));
    assert_eq!(r.formats, vec![(Format::BedrockConverse, 2)]);
    assert!(r.failed.is_empty() && r.errors.is_empty());
    // inputTokens plus cache reads and writes: 100 + 300 + 50 = 450; 200.
    stat(r.input, 325.0, 225.0, 325.0, 425.0);
    stat(r.cached, 150.0, 30.0, 150.0, 270.0);
    stat(r.output, 30.0, 22.0, 30.0, 38.0);
    assert!(close(r.cached_share.unwrap(), 300.0 / 650.0));
    assert_eq!(r.days, None);
    assert!(r.models.is_empty());
}

#[test]
fn litellm_spend_logs_as_csv() {
    let r = read_all_ways("litellm.csv");
    assert_eq!(r.shape, Some(Shape::Csv));
    assert_eq!(r.formats, vec![(Format::LiteLlm, 2)]);
    assert_eq!(r.failed, vec![(Format::LiteLlm, group(1, &[4]))]);
    assert_eq!(r.errors, vec![(Reason::BadCsv, group(1, &[5]))]);
    stat(r.input, 100.0, 84.0, 100.0, 116.0);
    stat(r.output, 25.0, 21.0, 25.0, 29.0);
    assert_eq!(r.cached_share, Some(0.0));
    // 2024-12-01 10:00:00 to 2024-12-04T10:00:00Z.
    assert!(close(r.days.unwrap(), 3.0));
    assert!(close(
        r.requests_per_month(None).unwrap(),
        2.0 * 30.4375 / 3.0
    ));
}

#[test]
fn opentelemetry_genai_spans_in_an_otlp_export() {
    let r = read_all_ways("otel-genai.json");
    assert_eq!(r.formats, vec![(Format::OpenTelemetry, 2)]);
    // The resourceSpans element starts on line 3: the failed span is counted there; the tool
    // span is no request and no error.
    assert_eq!(r.failed, vec![(Format::OpenTelemetry, group(1, &[3]))]);
    assert!(r.errors.is_empty());
    stat(r.input, 500.0, 420.0, 500.0, 580.0);
    stat(r.cached, 50.0, 10.0, 50.0, 90.0);
    // output_tokens holds the reasoning: 100 − 40 = 60; 200.
    stat(r.output, 130.0, 74.0, 130.0, 186.0);
    stat(r.reasoning, 20.0, 4.0, 20.0, 36.0);
    assert!(close(r.days.unwrap(), 1.0));
    assert_eq!(
        r.models,
        vec![
            ("gpt-4o".to_owned(), 1),
            ("gpt-4o-2024-08-06".to_owned(), 1)
        ]
    );
}

#[test]
fn otel_spans_as_jsonl_with_an_attribute_map() {
    let text = concat!(
        r#"{"name":"chat","start_time":"2024-12-01T00:00:00Z","attributes":{"gen_ai.request.model":"m","gen_ai.usage.input_tokens":10,"gen_ai.usage.output_tokens":5}}"#,
        "\n",
        r#"{"name":"chat","start_time":"2024-12-01T12:00:00+02:00","attributes":{"gen_ai.request.model":"m","gen_ai.usage.prompt_tokens":30,"gen_ai.usage.completion_tokens":7}}"#,
    );
    let r = read(text.as_bytes(), 9).unwrap();
    assert_eq!(r.formats, vec![(Format::OpenTelemetry, 2)]);
    stat(r.input, 20.0, 12.0, 20.0, 28.0);
    assert!(close(r.days.unwrap(), 10.0 / 24.0));
}

#[test]
fn bad_lines_are_grouped_with_their_first_line_numbers() {
    let mut text = String::new();
    for k in 1..=8 {
        if k % 2 == 0 {
            text.push_str("[1,2\n");
        } else {
            text.push_str(r#"{"usage":{"prompt_tokens":1,"completion_tokens":2}}"#);
            text.push('\n');
        }
    }
    text.push_str("42\n\n{\"usage\":{\"prompt_tokens\":1.5}}\n");
    // The first line is an object, so the file is JSONL.
    let r = read(text.as_bytes(), 5).unwrap();
    assert_eq!(r.requests, 4);
    assert_eq!(
        r.errors,
        vec![
            (Reason::NotJson, group(4, &[2, 4, 6, 8])),
            (Reason::NotObject, group(1, &[9])),
            (Reason::BadCount, group(1, &[11])),
        ]
    );
    assert_eq!(r.invalid, 6);
}

#[test]
fn reasoning_over_output_and_cache_over_input_are_bad_counts() {
    let text = concat!(
        r#"{"usage":{"prompt_tokens":10,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":6}}}"#,
        "\n",
        r#"{"usage":{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":11}}}"#,
        "\n",
        r#"{"usage":{"prompt_tokens":4294967296,"completion_tokens":5}}"#,
    );
    let r = read(text.as_bytes(), 100).unwrap();
    assert_eq!(r.requests, 0);
    assert_eq!(r.errors, vec![(Reason::BadCount, group(3, &[1, 2, 3]))]);
}

#[test]
fn a_huge_line_is_read_in_slices() {
    let big = "x".repeat(3 << 20);
    let text = format!(
        "{{\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":[{{\"message\":{{\"content\":\"{big}\"}}}}],\"usage\":{{\"prompt_tokens\":7,\"completion_tokens\":9}}}}\n"
    );
    let r = read(text.as_bytes(), 64 << 10).unwrap();
    assert_eq!(r.requests, 1);
    stat(r.input, 7.0, 7.0, 7.0, 7.0);
    // One timestamp: 0 days, counted as 1.
    assert_eq!(r.days, Some(0.0));
    assert!(close(r.requests_per_month(None).unwrap(), 30.4375));
}

#[test]
fn percentiles_at_their_edges() {
    // One row: every percentile is that row.
    let one = r#"{"usage":{"prompt_tokens":42,"completion_tokens":0}}"#;
    let r = read(one.as_bytes(), 3).unwrap();
    stat(r.input, 42.0, 42.0, 42.0, 42.0);
    stat(r.output, 0.0, 0.0, 0.0, 0.0);
    // Ties: five rows of 10 and one of 70 → p10 = p50 = 10, p90 at rank 4.5 → 40.
    let mut text = String::new();
    for v in [10, 10, 70, 10, 10, 10] {
        text.push_str(&format!(
            "{{\"usage\":{{\"prompt_tokens\":{v},\"completion_tokens\":1}}}}\n"
        ));
    }
    let r = read(text.as_bytes(), 11).unwrap();
    stat(r.input, 20.0, 10.0, 10.0, 40.0);
    // No requests: zeros, no share, no month.
    let r = read(b"{\"foo\":1}\n", 4).unwrap();
    assert_eq!(r.requests, 0);
    assert_eq!(r.input, Stat::default());
    assert_eq!(r.cached_share, None);
    assert!(!r.recognised());
}

#[test]
fn usage_logs_are_told_from_training_files() {
    let first = |name: &str| {
        let bytes = fixture(name);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let line = text
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap()
            .to_owned();
        is_usage_log(&line)
    };
    for name in [
        "openai-chat.jsonl",
        "openai-responses.json",
        "openai-batch.jsonl",
        "anthropic-crlf-bom.jsonl",
        "gemini.jsonl",
        "bedrock-converse.json",
        "litellm.csv",
        "otel-genai.json",
    ] {
        assert!(first(name), "{name} is a usage log");
    }
    for training in [
        r#"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}"#,
        r#"{"prompt":"a","completion":"b"}"#,
        r#"{"text":"prompt_tokens"}"#,
        "not json at all",
    ] {
        assert!(!is_usage_log(training), "{training} is not a usage log");
    }
}

#[test]
fn iso_timestamps() {
    assert_eq!(iso_seconds("1970-01-01T00:00:00Z"), Some(0.0));
    assert_eq!(iso_seconds("2024-12-01T00:00:00Z"), Some(1_733_011_200.0));
    assert_eq!(iso_seconds("2024-12-01 00:00:00"), Some(1_733_011_200.0));
    assert_eq!(iso_seconds("2024-12-01"), Some(1_733_011_200.0));
    assert_eq!(
        iso_seconds("2024-12-01T02:00:00+02:00"),
        Some(1_733_011_200.0)
    );
    assert_eq!(
        iso_seconds("2024-12-01T00:00:00.25Z"),
        Some(1_733_011_200.25)
    );
    assert_eq!(iso_seconds("2024-02-29T00:00:00Z"), Some(1_709_164_800.0));
    for bad in [
        "",
        "2024",
        "2024-13-01",
        "2024-12-01T25:00",
        "yesterday",
        "2024-12-01T00:00:00Q",
    ] {
        assert_eq!(iso_seconds(bad), None, "{bad}");
    }
}

proptest! {
    /// Any bytes, in any slices, give a report or one problem, never a panic; the groups add up.
    #[test]
    fn any_bytes_are_read_totally(bytes in proptest::collection::vec(any::<u8>(), 0..600), slice in 1usize..50) {
        if let Ok(r) = read(&bytes, slice) {
            let grouped: u64 = r.errors.iter().map(|(_, g)| g.count).sum();
            prop_assert_eq!(grouped, r.invalid);
            prop_assert!(r.days.is_none_or(|d| d.is_finite() && d >= 0.0));
        }
    }

    /// JSON-ish text (documents cut anywhere, CSV, JSONL) never panics, and its figures are
    /// finite.
    #[test]
    fn jsonish_text_gives_finite_figures(parts in proptest::collection::vec(
        prop_oneof![
            Just(r#"{"usage":{"prompt_tokens":3,"completion_tokens":2}}"#.to_owned()),
            Just(r#"[{"usageMetadata":{"promptTokenCount":"7"}},"#.to_owned()),
            Just(r#"{"custom_id":"a","response":{"body":{"usage":{"input_tokens":1,"output_tokens":1}}}}"#.to_owned()),
            Just("prompt_tokens,completion_tokens,startTime".to_owned()),
            Just("1,2,2024-01-01".to_owned()),
            Just("]}\"\\,".to_owned()),
            "[ -~]{0,30}",
        ], 0..20), slice in 1usize..40) {
        let text = parts.join("\n");
        if let Ok(r) = read(text.as_bytes(), slice) {
            for s in [r.input, r.cached, r.output, r.reasoning] {
                prop_assert!(s.mean.is_finite() && s.p10 <= s.p50 && s.p50 <= s.p90);
            }
            prop_assert!(r.requests_per_month(Some(30.0)).is_none_or(f64::is_finite));
        }
    }
}

#[test]
fn logs_merge_into_one() {
    let scan = |name: &str| {
        let mut lines = Lines::new();
        let mut scan = Scan::new();
        let mut each = |no: u64, text: &str| scan.line(no, text);
        lines.push(&fixture(name), &mut each);
        lines.finish(&mut each).unwrap();
        scan.finish();
        scan
    };
    let mut all = scan("openai-chat.jsonl");
    all.merge(&scan("openai-batch.jsonl"));
    let r = all.report();
    assert_eq!(r.requests, 5);
    assert_eq!(r.failed_count(), 2);
    assert_eq!(r.invalid, 3);
    // Input 100, 300, 200, 40, 60.
    stat(r.input, 700.0 / 5.0, 48.0, 100.0, 260.0);
    // 2024-12-01 to 2024-12-04.
    assert!(close(r.days.unwrap(), 3.0));
    assert_eq!(
        r.formats,
        vec![(Format::OpenAiChat, 3), (Format::OpenAiBatch, 2)]
    );
}
