//! From your own data (issue 30): a training file read in the page, validated and counted
//! exactly, into the figures that fill the training builder. Pure: the bytes come in slices
//! from the page, nothing here touches the browser.
//!
//! - [`lines`]: bytes in slices → lines (UTF-8 BOM, CRLF or LF, no final newline all read the
//!   same; empty, binary and non-UTF-8 files are one clear problem).
//! - [`tokens`]: token counting: the exact OpenAI encodings (o200k_base, cl100k_base) through
//!   tiktoken-rs from a vocabulary given at run time, or a labelled estimate.
//! - [`training`]: a training file's lines → validated examples (errors grouped by reason with
//!   counts and first line numbers, warnings apart), tokens per example by the OpenAI cookbook's
//!   rule, the default epochs rule, and the figures `data_*`.
//! - [`rows`]: a usage log's lines → rows (JSONL, a JSON document, CSV).
//! - [`usage`]: a usage log's rows → requests and their tokens by format, failed calls and
//!   bad lines, into the figures `log_*`.
//! - [`stats`]: percentiles (linear interpolation between the closest ranks) and histograms.
//!
//! Every function here is total: any byte sequence gives a report, never a panic.

pub mod lines;
pub mod rows;
pub mod stats;
pub mod tokens;
pub mod training;
pub mod usage;
