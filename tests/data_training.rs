//! Native tests of issue 30's training files: reading lines (BOM, CRLF, slices, empty, binary,
//! not UTF-8), validation by reason with line numbers, exact token counts against OpenAI's
//! tiktoken (counts printed by `tests/fixtures/data/reference.py`, never by this code), the
//! default epochs rule at its edges, percentiles at their edges, and totality on any bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use ft_roi::core::data::lines::{FileProblem, Lines};
use ft_roi::core::data::stats::{histogram, percentile, summary};
use ft_roi::core::data::tokens::{Count, Encoding, Estimate, Tokenizer};
use ft_roi::core::data::training::{
    default_epochs, Format, Group, Reason, Report, Scan, Warning, NO_MAXIMUM,
};
use proptest::prelude::*;

#[path = "support/vocab.rs"]
mod vocab;
use vocab::vocab;

fn o200k() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        Tokenizer::from_tiktoken(Encoding::O200k, &vocab("o200k_base.tiktoken")).unwrap()
    })
}

fn cl100k() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(|| {
        Tokenizer::from_tiktoken(Encoding::Cl100k, &vocab("cl100k_base.tiktoken")).unwrap()
    })
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/data/{name}")).unwrap()
}

/// Reads `bytes` in slices of `slice` bytes; the report, or the file's problem.
fn scan(bytes: &[u8], slice: usize, count: &dyn Count) -> Result<Report, FileProblem> {
    let mut lines = Lines::new();
    let mut scan = Scan::new(count.exact());
    let mut each = |no: u64, text: &str| scan.line(no, text, count);
    for part in bytes.chunks(slice.max(1)) {
        lines.push(part, &mut each);
    }
    lines.finish(&mut each)?;
    Ok(scan.report())
}

fn group(count: u64, lines: &[u64]) -> Group {
    Group {
        count,
        lines: lines.to_vec(),
    }
}

#[test]
fn plain_texts_count_as_tiktoken_counts_them() {
    // (text, o200k_base, cl100k_base) as printed by reference.py with tiktoken 0.14.0.
    let cases: [(String, u64, u64); 4] = [
        ("hello world".into(), 2, 2),
        ("hello ".repeat(100_000), 100_001, 100_001),
        (format!("{}x", " ".repeat(10_000)), 80, 80),
        ("東京の時間は？🎉".into(), 7, 10),
    ];
    for (text, o, c) in cases {
        assert_eq!(
            o200k().tokens(&text),
            o,
            "o200k {:?}",
            &text[..text.len().min(20)]
        );
        assert_eq!(
            cl100k().tokens(&text),
            c,
            "cl100k {:?}",
            &text[..text.len().min(20)]
        );
    }
}

#[test]
fn examples_count_by_the_cookbook_rule_as_the_reference_does() {
    let bytes = fixture("chat-valid.jsonl");
    // Per example, as printed by reference.py (tiktoken 0.14.0).
    let o200k_counts = [45, 51, 55, 62, 42, 43, 50, 52, 29, 49, 52, 46];
    let cl100k_counts = [48, 53, 56, 71, 44, 43, 51, 53, 29, 50, 53, 55];
    for (tok, counts) in [(o200k(), o200k_counts), (cl100k(), cl100k_counts)] {
        let report = scan(&bytes, 1 << 16, tok).unwrap();
        assert_eq!(report.examples, 12);
        assert_eq!(report.invalid, 0);
        assert!(report.errors.is_empty());
        assert_eq!(report.tokens, counts.iter().sum::<u64>());
        let s = report.per_example.clone().unwrap();
        assert_eq!(s.max, *counts.iter().max().unwrap());
        assert!(report.exact);
        let hist: u64 = report.histogram.iter().map(|b| b.count).sum();
        assert_eq!(hist, 12);
    }
}

#[test]
fn slices_of_any_size_read_the_same() {
    let bytes = fixture("chat-valid.jsonl");
    let whole = scan(&bytes, bytes.len(), &Estimate).unwrap();
    for slice in [1, 2, 3, 7, 64, 1000] {
        assert_eq!(
            scan(&bytes, slice, &Estimate).unwrap(),
            whole,
            "slice {slice}"
        );
    }
}

#[test]
fn bom_crlf_blank_lines_and_no_final_newline_read_the_same() {
    // The first four examples of chat-valid.jsonl, with a BOM, CRLF and LF mixed, a blank
    // line and no final newline.
    let report = scan(&fixture("chat-crlf-bom.jsonl"), 5, o200k()).unwrap();
    assert_eq!(report.examples, 4);
    assert_eq!(report.invalid, 0);
    assert_eq!(report.tokens, 45 + 51 + 55 + 62);
}

#[test]
fn bad_lines_are_grouped_by_reason_with_their_line_numbers() {
    let report = scan(&fixture("chat-bad.jsonl"), 100, o200k()).unwrap();
    assert_eq!(report.examples, 3);
    assert_eq!(report.invalid, 15);
    // Lines 1, 15 and 18 are examples 1, 5 and 9 of chat-valid.jsonl.
    assert_eq!(report.tokens, 45 + 42 + 29);
    let expected = [
        (Reason::NotJson, group(3, &[2, 14, 17])),
        (Reason::NotObject, group(1, &[3])),
        (Reason::NoMessages, group(1, &[16])),
        (Reason::NotList, group(1, &[5])),
        (Reason::MessageNotObject, group(1, &[6])),
        (Reason::NoRole, group(1, &[7])),
        (Reason::UnknownKey, group(1, &[8])),
        (Reason::UnknownRole, group(1, &[9])),
        (Reason::MissingContent, group(2, &[10, 11])),
        (Reason::BadWeight, group(1, &[12])),
        (Reason::NoAssistant, group(1, &[13])),
        // Line 4 is Together's prompt/completion in an OpenAI chat file.
        (Reason::OtherFormat, group(1, &[4])),
    ];
    assert_eq!(report.errors, expected);
    // Warnings apart: fewer than 10 examples; line 18 has no system message.
    assert_eq!(
        report.warnings,
        [
            (Warning::FewExamples, group(3, &[])),
            (Warning::NoSystem, group(1, &[18])),
        ]
    );
}

#[test]
fn only_the_first_line_numbers_are_kept() {
    let text = "x\n".repeat(12);
    let report = scan(text.as_bytes(), 4, &Estimate).unwrap();
    assert_eq!(
        report.errors,
        [(Reason::NotJson, group(12, &[1, 2, 3, 4, 5]))]
    );
}

#[test]
fn a_file_that_is_not_text_is_one_message() {
    assert_eq!(
        scan(&fixture("empty.jsonl"), 3, &Estimate),
        Err(FileProblem::Empty)
    );
    assert_eq!(scan(b"", 3, &Estimate), Err(FileProblem::Empty));
    assert_eq!(scan(b"\xEF\xBB\xBF", 3, &Estimate), Err(FileProblem::Empty));
    assert_eq!(
        scan(&fixture("binary.jsonl"), 3, &Estimate),
        Err(FileProblem::Binary)
    );
    assert_eq!(
        scan(&fixture("latin1.jsonl"), 3, &Estimate),
        Err(FileProblem::NotUtf8 { line: 2 })
    );
    assert_eq!(
        scan(b"\xFF\xFE{\x00}\x00", 3, &Estimate),
        Err(FileProblem::NotUtf8 { line: 1 })
    );
    assert_eq!(
        FileProblem::NotUtf8 { line: 2 }.to_string(),
        "The file is not UTF-8 text (line 2 is not): save it as UTF-8 JSONL."
    );
}

#[test]
fn a_file_in_another_shape_has_no_format() {
    let report = scan(&fixture("other-format.jsonl"), 64, &Estimate).unwrap();
    assert_eq!(report.format, None);
    assert_eq!(report.invalid, 2);
    assert!(report.warnings.is_empty());
}

#[test]
fn a_huge_line_is_counted_whole() {
    // One example whose reply is "hello " × 100,000 (600,000 bytes): 100,001 tokens by
    // tiktoken in either encoding, + 3 + 2 × 3 + "user"(1) + "hi"(1) + "assistant"(1).
    let line = format!(
        "{{\"messages\":[{{\"role\":\"user\",\"content\":\"hi\"}},{{\"role\":\"assistant\",\"content\":\"{}\"}}]}}\n",
        "hello ".repeat(100_000)
    );
    let report = scan(line.as_bytes(), 4096, o200k()).unwrap();
    let counted = 100_001 + 3 + 6 + 3;
    assert_eq!(report.per_example.as_ref().unwrap().max, counted);
    // Over the cookbook's 16,385: trained and billed up to it, and said so.
    assert_eq!(report.tokens, 16_385);
    assert_eq!(report.warnings[2], (Warning::OverMaximum, group(1, &[1])));
    let uncapped = {
        let mut lines = Lines::new();
        let mut s = Scan::with_rules(NO_MAXIMUM, true);
        lines.push(line.as_bytes(), &mut |n, t| s.line(n, t, o200k()));
        lines.finish(&mut |n, t| s.line(n, t, o200k())).unwrap();
        s.report()
    };
    assert_eq!(uncapped.tokens, counted);
}

#[test]
fn the_default_epochs_rule_at_its_edges() {
    // (examples, epochs): 3n < 100 → min(25, ⌊100/n⌋); 3n > 25,000 → max(1, ⌊25,000/n⌋); else 3.
    for (n, e) in [
        (1, 25),
        (3, 25),
        (4, 25),
        (5, 20),
        (10, 10),
        (33, 3),
        (34, 3),
        (100, 3),
        (8_333, 3),
        (8_334, 2),
        (12_500, 2),
        (12_501, 1),
        (25_000, 1),
        (1_000_000, 1),
    ] {
        assert_eq!(default_epochs(n), Some(e), "n = {n}");
    }
    assert_eq!(default_epochs(0), None);
    assert_eq!(default_epochs(u64::MAX), Some(1));
}

#[test]
fn figures_multiply_out() {
    let report = scan(&fixture("chat-valid.jsonl"), 4096, o200k()).unwrap();
    // 12 examples: 3 × 12 = 36 < 100, so ⌊100 / 12⌋ = 8 epochs.
    let f = report.figures(None, Some(25.0));
    assert_eq!(f.epochs, Some(8));
    assert_eq!(f.trained_tokens, Some(576 * 8));
    assert_eq!(f.training_cost, Some(576.0 * 8.0 * 25.0 / 1e6));
    assert_eq!(f.tokens_per_example, Some(48)); // ⌈576 / 12⌉
    let typed = report.figures(Some(2), None);
    assert_eq!(
        (typed.epochs, typed.trained_tokens, typed.training_cost),
        (Some(2), Some(1152), None)
    );
    let none = scan(b"x\n", 1, &Estimate)
        .unwrap()
        .figures(Some(3), Some(1.0));
    assert_eq!(
        (
            none.epochs,
            none.trained_tokens,
            none.training_cost,
            none.tokens_per_example
        ),
        (None, None, None, None)
    );
}

#[test]
fn percentiles_at_their_edges() {
    assert_eq!(percentile(&[], 50.0), None);
    // One value: every percentile is it.
    for p in [0.0, 10.0, 50.0, 90.0, 100.0] {
        assert_eq!(percentile(&[7], p), Some(7.0));
    }
    // Ties.
    assert_eq!(percentile(&[5, 5, 5, 5], 90.0), Some(5.0));
    // Linear between the closest ranks: rank p/100 · (n − 1).
    let v = [10, 20, 30, 40, 50];
    assert_eq!(percentile(&v, 0.0), Some(10.0));
    assert_eq!(percentile(&v, 100.0), Some(50.0));
    assert_eq!(percentile(&v, 50.0), Some(30.0));
    assert_eq!(percentile(&v, 10.0), Some(14.0));
    assert_eq!(percentile(&v, 90.0), Some(46.0));
    assert_eq!(percentile(&[1, 2], 50.0), Some(1.5));
    // Out of range and NaN clamp.
    assert_eq!(percentile(&v, -5.0), Some(10.0));
    assert_eq!(percentile(&v, 500.0), Some(50.0));
    assert_eq!(percentile(&v, f64::NAN), Some(10.0));
    let s = summary(&[3, 1, 2]).unwrap();
    assert_eq!(
        (s.count, s.sum, s.mean, s.p50, s.min, s.max),
        (3, 6, 2.0, 2.0, 1, 3)
    );
}

#[test]
fn histograms_have_round_widths() {
    assert!(histogram(&[], 10).is_empty());
    let h = histogram(&[0, 9, 10, 95], 10);
    assert!(h.iter().all(|b| b.to - b.from == 10));
    assert_eq!(h.iter().map(|b| b.count).sum::<u64>(), 4);
    let h = histogram(&[u64::MAX], 3);
    assert_eq!(h.iter().map(|b| b.count).sum::<u64>(), 1);
}

#[test]
fn encodings_follow_the_model() {
    assert_eq!(
        Encoding::for_model("gpt-4o-mini-2024-07-18"),
        Some(Encoding::O200k)
    );
    assert_eq!(Encoding::for_model("GPT-4.1 mini"), Some(Encoding::O200k));
    assert_eq!(Encoding::for_model("gpt-3.5-turbo"), Some(Encoding::Cl100k));
    assert_eq!(
        Encoding::for_model("Claude 3 Haiku"),
        Some(Encoding::Estimate)
    );
    assert_eq!(Encoding::for_model(""), None);
    for e in Encoding::ALL {
        assert_eq!(Encoding::from_name(e.name()), Some(e));
    }
    assert!(Tokenizer::from_tiktoken(Encoding::O200k, "not base64!! x").is_err());
    assert!(Tokenizer::from_tiktoken(Encoding::O200k, "").is_err());
    assert!(Tokenizer::from_tiktoken(Encoding::O200k, "IQ== 0\nIg== 0").is_err());
    assert!(Tokenizer::from_tiktoken(Encoding::Estimate, "IQ== 0").is_err());
    assert_eq!(Estimate.tokens("abcde"), 2);
}

proptest! {
    /// Any bytes, in any slices, give a report or one problem, never a panic; the groups add up.
    #[test]
    fn any_bytes_are_read_totally(bytes in proptest::collection::vec(any::<u8>(), 0..600), slice in 1usize..50) {
        if let Ok(report) = scan(&bytes, slice, &Estimate) {
            let grouped: u64 = report.errors.iter().map(|(_, g)| g.count).sum();
            prop_assert_eq!(grouped, report.invalid);
        }
    }

    /// JSON-ish lines never panic and every line is an example or a bad line.
    #[test]
    fn jsonish_lines_are_examples_or_errors(lines in proptest::collection::vec(
        prop_oneof![
            Just(r#"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}"#.to_owned()),
            Just(r#"{"messages":[{"role":"assistant","content":null,"tool_calls":[{"function":{"name":"f","arguments":"{}"}}]}]}"#.to_owned()),
            Just(r#"{"messages":[{"role":"assistant","content":[{"type":"text","text":"x"}],"weight":1}]}"#.to_owned()),
            "[ -~]{0,40}",
        ], 0..20)) {
        let text = lines.join("\n");
        if let Ok(report) = scan(text.as_bytes(), 13, &Estimate) {
            let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count() as u64;
            prop_assert_eq!(report.examples + report.invalid, non_blank);
        }
    }
}

#[test]
fn files_combine_into_one_training_set() {
    use ft_roi::core::data::training::combine;
    let a = scan(&fixture("chat-valid.jsonl"), 4096, o200k()).unwrap();
    let b = scan(&fixture("chat-bad.jsonl"), 4096, o200k()).unwrap();
    let other = scan(&fixture("other-format.jsonl"), 4096, o200k()).unwrap();
    let all = combine(&[&a, &b, &other]).unwrap();
    assert_eq!(
        (all.examples, all.invalid, all.tokens),
        (15, 17, 576 + 45 + 42 + 29)
    );
    assert!(all.errors.is_empty() && all.warnings.is_empty());
    assert_eq!(combine(&[&other]), None);
}

/// Bad lines by reason: their first line numbers.
type Errors = Vec<(Reason, Vec<u64>)>;

/// A fixture read with `count`: (format, examples, tokens, errors as (reason, lines)).
fn formats_case(name: &str, count: &dyn Count) -> (Option<Format>, u64, u64, Errors) {
    let r = scan(&fixture(name), 100, count).unwrap();
    let errors = r
        .errors
        .iter()
        .map(|(reason, g)| (*reason, g.lines.clone()))
        .collect();
    (r.format, r.examples, r.tokens, errors)
}

#[test]
fn every_training_format_is_recognised_validated_and_counted() {
    // Tokens as printed by reference.py: OpenAI's formats by the cookbook's rule with tiktoken,
    // the others as the sum of their texts, with the estimate and with o200k_base.
    use Reason::*;
    let cases: [(&str, Format, u64, u64, Errors); 6] = [
        (
            "bedrock-claude.jsonl",
            Format::BedrockClaude,
            20 + 6,
            18 + 5,
            vec![(UnknownKey, vec![5]), (NotAlternating, vec![3, 4])],
        ),
        (
            "bedrock-nova.jsonl",
            Format::BedrockNova,
            29,
            23,
            vec![(MissingContent, vec![2])],
        ),
        (
            "vertex-gemini.jsonl",
            Format::VertexGemini,
            21 + 20,
            23 + 20,
            vec![(UnknownRole, vec![4]), (NoAssistant, vec![3])],
        ),
        (
            "together-prompt-completion.jsonl",
            Format::TogetherPromptCompletion,
            9,
            7,
            vec![(NoAssistant, vec![2])],
        ),
        (
            "together-text.jsonl",
            Format::TogetherText,
            11 + 7,
            10 + 6,
            vec![(MissingContent, vec![3])],
        ),
        (
            "dpo.jsonl",
            Format::OpenAiPreference,
            0,
            150,
            vec![(NoAssistant, vec![3, 4])],
        ),
    ];
    for (name, format, estimate, exact, errors) in cases {
        let (f, examples, tokens, got) = formats_case(name, o200k());
        assert_eq!(f, Some(format), "{name}");
        assert_eq!(tokens, exact, "{name} o200k_base");
        assert_eq!(got, errors, "{name}");
        assert!(examples > 0, "{name}");
        if format != Format::OpenAiPreference {
            assert_eq!(formats_case(name, &Estimate).2, estimate, "{name} estimate");
        }
    }
    assert_eq!(formats_case("dpo.jsonl", cl100k()).2, 150);
}

#[test]
fn each_provider_warns_by_its_own_rules() {
    let gemini = scan(&fixture("vertex-gemini.jsonl"), 64, &Estimate).unwrap();
    assert_eq!(gemini.rules.provider, "Vertex AI");
    assert_eq!(gemini.rules.max_tokens, Some(131_072));
    assert_eq!(gemini.warnings[0], (Warning::FewExamples, group(2, &[])));
    assert_eq!(gemini.warnings[1], (Warning::NoSystem, group(1, &[2])));
    let claude = scan(&fixture("bedrock-claude.jsonl"), 64, &Estimate).unwrap();
    // No minimum stated for Bedrock: no warning on the count; line 2 has no system prompt.
    assert_eq!(claude.warnings, [(Warning::NoSystem, group(1, &[2]))]);
}

#[test]
fn a_line_in_another_format_than_the_files_is_an_error() {
    let text = [
        r#"{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}"#,
        r#"{"contents":[{"role":"user","parts":[{"text":"a"}]},{"role":"model","parts":[{"text":"b"}]}]}"#,
        r#"{"prompt":"a","completion":"b"}"#,
    ]
    .join("\n");
    let r = scan(text.as_bytes(), 16, &Estimate).unwrap();
    assert_eq!(r.format, Some(Format::OpenAiChat));
    assert_eq!(r.examples, 1);
    assert_eq!(r.errors, [(Reason::OtherFormat, group(2, &[2, 3]))]);
}
