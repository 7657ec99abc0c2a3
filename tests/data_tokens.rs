//! Native tests of issue 30's token counter against tiktoken-rs's own `CoreBPE` (built here,
//! natively, from the same vocabulary): the same counts on any text, long pieces (the
//! heap-based merge) included, and the vocabulary read in steps of any size giving the same
//! tokenizer as in one go.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use base64::Engine as _;
use ft_roi::core::data::tokens::{
    estimate_spread, training_range, Count, Encoding, Tokenizer, VocabError, Vocabulary,
};
use proptest::prelude::*;
use rustc_hash::FxHashMap;
use tiktoken_rs::CoreBPE;

#[path = "support/vocab.rs"]
mod vocab;
use vocab::vocab;

/// tiktoken-rs's `CoreBPE` of the vocabulary, with the pattern tiktoken-rs uses.
fn reference(text: &str, pattern: &str) -> CoreBPE {
    let b64 = base64::engine::general_purpose::STANDARD;
    let map: FxHashMap<Vec<u8>, u32> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (t, r) = l.split_once(' ').unwrap();
            (b64.decode(t).unwrap(), r.parse().unwrap())
        })
        .collect();
    CoreBPE::new(map, FxHashMap::default(), pattern).unwrap()
}

struct Pair {
    ours: Tokenizer,
    theirs: CoreBPE,
}

fn o200k() -> &'static Pair {
    static P: OnceLock<Pair> = OnceLock::new();
    P.get_or_init(|| {
        let text = vocab("o200k_base.tiktoken");
        Pair {
            ours: Tokenizer::from_tiktoken(Encoding::O200k, &text).unwrap(),
            theirs: reference(&text, tiktoken_rs::O200K_BASE_PAT_STR),
        }
    })
}

fn cl100k() -> &'static Pair {
    static P: OnceLock<Pair> = OnceLock::new();
    P.get_or_init(|| {
        let text = vocab("cl100k_base.tiktoken");
        Pair {
            ours: Tokenizer::from_tiktoken(Encoding::Cl100k, &text).unwrap(),
            // tiktoken-rs 0.12.1's `cl100k_base()` pattern, written inline there.
            theirs: reference(&text, "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s"),
        }
    })
}

#[track_caller]
fn same(text: &str) {
    for (name, p) in [("o200k_base", o200k()), ("cl100k_base", cl100k())] {
        assert_eq!(
            p.ours.tokens(text),
            p.theirs.encode_ordinary(text).len() as u64,
            "{name}: {text:?}"
        );
    }
}

#[test]
fn counts_as_core_bpe_on_texts_and_long_pieces() {
    let long_word: String = "supercalifragilistic".repeat(40);
    let letters: String = (0..3000u32)
        .map(|i| char::from(b'a' + ((i * 7 + i / 13) % 26) as u8))
        .collect();
    let cases = [
        "",
        "a",
        "hello world",
        "Hello, world! It's 2026: 12345678 tokens, don't they?\n\n  indented\r\n",
        "日本語のテキストと emoji 🎉🎉 and accents: déjà vu",
        &" ".repeat(500),
        &format!("{}x", " ".repeat(300)),
        &"\n".repeat(250),
        &long_word,
        &letters,
        &"1234567890".repeat(50),
        &"🎉".repeat(120),
        "<|endoftext|> is ordinary text here",
    ];
    for text in cases {
        same(text);
    }
    for name in ["chat-valid.jsonl", "mixed-bad.jsonl"] {
        if let Ok(text) = std::fs::read_to_string(format!("tests/fixtures/data/{name}")) {
            same(&text);
        }
    }
}

#[test]
fn a_vocabulary_read_in_steps_is_the_same_as_in_one_go() {
    let text = vocab("cl100k_base.tiktoken");
    let mut steps = Vocabulary::new(Encoding::Cl100k, text.clone().into_bytes()).unwrap();
    let mut n = 0;
    while !steps.step(7_777).unwrap() {
        n += 1;
        assert!(steps.done() > 0.0 && steps.done() < 1.0);
    }
    assert!(n > 10);
    assert_eq!(steps.done(), 1.0);
    let stepped = steps.finish().unwrap();
    let sample = "Stepped or not, the counts are the same: 42 tokens?";
    assert_eq!(stepped.tokens(sample), cl100k().ours.tokens(sample));
    // Not all read yet: no tokenizer.
    let mut part = Vocabulary::new(Encoding::Cl100k, text.into_bytes()).unwrap();
    assert_eq!(part.step(10), Ok(false));
    assert_eq!(part.finish().unwrap_err(), VocabError::Build);
    // CRLF line ends read the same; a token given twice is refused.
    let crlf = Tokenizer::from_tiktoken(Encoding::O200k, "IQ== 0\r\nIg== 1\r\n").unwrap();
    assert_eq!(crlf.tokens("!\"!"), 3);
    assert_eq!(
        Tokenizer::from_tiktoken(Encoding::O200k, "IQ== 0\nIQ== 1").unwrap_err(),
        VocabError::Build
    );
    assert_eq!(
        Tokenizer::from_tiktoken(Encoding::O200k, "IQ== 0\nIg== x").unwrap_err(),
        VocabError::BadLine(2)
    );
}

#[track_caller]
fn spread(chars: u64, bytes: u64, expect: Option<(f64, f64)>) {
    assert_eq!(
        estimate_spread(chars, bytes),
        expect,
        "{chars} chars, {bytes} bytes"
    );
}

#[test]
fn the_estimates_spread_lies_between_the_two_stated_ratios() {
    // ASCII: 5 bytes per token counts 4 ÷ 5 of 4 characters per token.
    spread(1000, 1000, Some((-20.0, 0.0)));
    // Two-byte characters (accented Latin, Cyrillic): 2 × 4 ÷ 5 = 1.6.
    spread(1000, 2000, Some((0.0, 60.0)));
    // Three-byte characters (most CJK): 3 × 4 ÷ 5 = 2.4.
    spread(1000, 3000, Some((0.0, 140.0)));
    // 1.25 bytes a character: the two ratios agree.
    spread(1000, 1250, Some((0.0, 0.0)));
    spread(0, 0, None);
    spread(0, 10, None);
}

#[track_caller]
fn range(spread: (f64, f64), compute: f64, total: f64, expect: Option<(f64, f64)>) {
    assert_eq!(training_range(spread, compute, total), expect);
}

#[test]
fn the_training_range_is_the_spread_on_the_share_tokens_price() {
    // All of T is compute: the spread itself.
    range((-20.0, 0.0), 500.0, 500.0, Some((-20.0, 0.0)));
    // Compute a quarter of T: a quarter of the spread, rounded to 0.1.
    range((-20.0, 0.0), 250.0, 1000.0, Some((-5.0, 0.0)));
    range((0.0, 140.0), 1.0, 3.0, Some((0.0, 46.7)));
    // No compute (priced flat at 0, or by GPU with no cost): no spread; never "-0".
    let (low, high) = training_range((-20.0, 0.0), 0.0, 100.0).unwrap();
    assert!(low == 0.0 && low.is_sign_positive() && high == 0.0);
    // T of 0, or compute outside 0…T: no range.
    range((-20.0, 0.0), 0.0, 0.0, None);
    range((-20.0, 0.0), 200.0, 100.0, None);
    range((-20.0, 0.0), -1.0, 100.0, None);
    range((-20.0, 0.0), f64::NAN, 100.0, None);
    range((-20.0, 0.0), 1.0, f64::INFINITY, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_counts_as_core_bpe(text in "(?s).{0,400}") {
        same(&text);
    }

    #[test]
    fn ranges_stay_within_the_fields_ends(chars in 0u64..1_000_000, extra in 0u64..4_000_000, compute in 0.0f64..1e6, more in 0.0f64..1e6) {
        // UTF-8 takes 1 to 4 bytes a character.
        let bytes = chars + extra.min(3 * chars);
        if let Some(s) = estimate_spread(chars, bytes) {
            prop_assert!((-20.0..=0.0).contains(&s.0) && (0.0..=220.0).contains(&s.1));
            if let Some((low, high)) = training_range(s, compute, compute + more) {
                prop_assert!((-20.0..=0.0).contains(&low) && (0.0..=220.0).contains(&high));
            }
        }
    }

    #[test]
    fn long_runs_count_as_core_bpe(unit in "[a-zA-Z0-9 \\n'é日🎉]{1,6}", times in 20usize..200) {
        same(&unit.repeat(times));
    }
}
