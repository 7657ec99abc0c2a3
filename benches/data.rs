//! Benchmark of issue 30's training-file reader, natively: MB/s of OpenAI chat JSONL read in
//! 64 KiB slices (the page's slice size), validated and counted with o200k_base, cl100k_base
//! and the estimate; and of the usage-log reader: MB/s of a JSONL usage log (OpenAI Chat
//! Completions and Batch, Anthropic, Gemini rows) read in 256 KiB slices (the page's slice
//! size for logs) into the figures `log_*`. Prints figures; asserts nothing. Run with `cargo bench --bench data`
//! (the vocabulary comes from cargo's copy of tiktoken-rs 0.12.1, as in tests/data_training.rs).

use std::time::Instant;

use ft_roi::core::data::lines::Lines;
use ft_roi::core::data::tokens::{
    Count, Encoding, Estimate, Tokenizer, Vocabulary, VOCABULARY_STEP,
};
use ft_roi::core::data::training::Scan;
use ft_roi::core::data::usage;

#[path = "../tests/support/vocab.rs"]
mod vocab;
use vocab::vocab;

/// About 20 MB of chat examples made from the test fixture, repeated.
fn data() -> Vec<u8> {
    let valid = std::fs::read("tests/fixtures/data/chat-valid.jsonl").unwrap();
    let mut out = Vec::with_capacity(20 << 20);
    while out.len() < 20 << 20 {
        out.extend_from_slice(&valid);
    }
    out
}

fn run(name: &str, bytes: &[u8], count: &dyn Count) {
    let start = Instant::now();
    let mut lines = Lines::new();
    let mut scan = Scan::new(count.exact());
    let mut each = |no: u64, text: &str| scan.line(no, text, count);
    for slice in bytes.chunks(64 << 10) {
        lines.push(slice, &mut each);
    }
    lines.finish(&mut each).unwrap();
    let report = scan.report();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<40} {:>8.1} MB/s  ({} examples, {} tokens, {:.2} s)",
        bytes.len() as f64 / 1e6 / secs,
        report.examples,
        report.tokens,
        secs
    );
}

/// About 50 MB of a usage log made from the JSONL test fixtures, repeated (11 requests a copy).
fn log_data() -> Vec<u8> {
    let mut copy = Vec::new();
    for name in [
        "openai-chat.jsonl",
        "gemini.jsonl",
        "openai-batch.jsonl",
        "anthropic-crlf-bom.jsonl",
    ] {
        let bytes = std::fs::read(format!("tests/fixtures/data/usage/{name}")).unwrap();
        copy.extend_from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
        copy.push(b'\n');
    }
    let mut out = Vec::with_capacity(50 << 20);
    while out.len() < 50 << 20 {
        out.extend_from_slice(&copy);
    }
    out
}

fn run_log(bytes: &[u8]) {
    let start = Instant::now();
    let mut lines = Lines::new();
    let mut scan = usage::Scan::new();
    let mut each = |no: u64, text: &str| scan.line(no, text);
    for slice in bytes.chunks(256 << 10) {
        lines.push(slice, &mut each);
    }
    lines.finish(&mut each).unwrap();
    scan.finish();
    let report = scan.report();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{:<40} {:>8.1} MB/s  ({} requests, {} failed, {} bad lines, {:.2} s)",
        "usage log JSONL",
        bytes.len() as f64 / 1e6 / secs,
        report.requests,
        report.failed_count(),
        report.invalid,
        secs
    );
}

/// The tokenizer of `encoding`, built as the page builds it (the vocabulary read in steps,
/// then the pattern compiled), with the time of each phase printed.
fn build(name: &str, encoding: Encoding) -> Tokenizer {
    let text = vocab(&format!("{name}.tiktoken")).into_bytes();
    let start = Instant::now();
    let mut vocabulary = Vocabulary::new(encoding, text).unwrap();
    let mut steps = 0;
    let mut longest = 0.0f64;
    loop {
        let step = Instant::now();
        let done = vocabulary.step(VOCABULARY_STEP).unwrap();
        longest = longest.max(step.elapsed().as_secs_f64());
        steps += 1;
        if done {
            break;
        }
    }
    let read = start.elapsed().as_secs_f64();
    let compile = Instant::now();
    let tokenizer = vocabulary.finish().unwrap();
    println!(
        "{name} tokenizer built in {:.0} ms: vocabulary read in {:.0} ms ({steps} steps of {VOCABULARY_STEP} lines, the longest {:.1} ms), pattern compiled in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3,
        read * 1e3,
        longest * 1e3,
        compile.elapsed().as_secs_f64() * 1e3
    );
    tokenizer
}

fn main() {
    run_log(&log_data());
    if std::env::var_os("DATA_BENCH_LOGS_ONLY").is_some() {
        return;
    }
    let bytes = data();
    let o200k = build("o200k_base", Encoding::O200k);
    let cl100k = build("cl100k_base", Encoding::Cl100k);
    run("training JSONL, o200k_base (exact)", &bytes, &o200k);
    run("training JSONL, cl100k_base (exact)", &bytes, &cl100k);
    run("training JSONL, estimate", &bytes, &Estimate);
}
