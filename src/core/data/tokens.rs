//! Token counting: OpenAI's encodings counted exactly by tiktoken-rs (a pure-Rust port of
//! OpenAI's tiktoken), from a vocabulary given at run time, and an estimate for models whose
//! tokenizer is not public.
//!
//! The vocabulary is never compiled in: the page fetches tiktoken-rs 0.12.1's own
//! `assets/<encoding>.tiktoken` file (copied into the bundle by `tools/vocab.mjs`) from its own
//! origin when a file is dropped, with the [`Encoding::integrity`] below, and gives its text to
//! [`Vocabulary`], which reads it in steps (so the page can yield between them and no task runs
//! over 50 ms), then [`Vocabulary::finish`] compiles the pre-tokenizer.
//!
//! Counting is tiktoken's `encode_ordinary` without the token ids: the pre-tokenizer's pieces
//! (fancy-regex, the pattern tiktoken-rs 0.12.1 uses), each one token when it is in the
//! vocabulary, else byte-pair merged by rank (tiktoken's `byte_pair_split` for pieces under 100
//! bytes, and for longer ones a count-only copy of tiktoken's heap-based `_byte_pair_merge_large`,
//! MIT). tiktoken-rs's `CoreBPE::new` is not used: it also builds a decoder map, a sorted copy
//! of every token and 2 × 128 regex clones in one call (about 1.2 s in the page for o200k_base,
//! one main-thread task), none of which counting needs.

use std::collections::BinaryHeap;

use base64::Engine as _;
use fancy_regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

/// How tokens are counted (`data_encoding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// OpenAI's o200k_base (GPT-4o, GPT-4.1, GPT-5.x, o-series; tiktoken-rs README 0.12.1).
    O200k,
    /// OpenAI's cl100k_base (GPT-4, GPT-3.5 Turbo, embeddings).
    Cl100k,
    /// An estimate for models without a public tokenizer: [`ESTIMATE_CHARS_PER_TOKEN`]
    /// characters per token.
    Estimate,
}

/// Characters per token of the estimate (heeki/loom PR #39: "4 chars/token"; the facts file
/// `data-files-2026-12.md`, section B). Labelled as an estimate wherever it is shown.
pub const ESTIMATE_CHARS_PER_TOKEN: u64 = 4;

/// Where the estimate's ratio comes from, as shown beside it.
pub const ESTIMATE_SOURCE: &str =
    "an estimate at 4 characters per token (heeki/loom PR #39): Anthropic, Amazon and others publish no tokenizer";

impl Encoding {
    /// Every choice, in the select's order.
    pub const ALL: [Encoding; 3] = [Encoding::O200k, Encoding::Cl100k, Encoding::Estimate];

    /// The public name (`data_encoding`'s option value).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::O200k => "o200k_base",
            Encoding::Cl100k => "cl100k_base",
            Encoding::Estimate => "estimate",
        }
    }

    /// The option's label.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::O200k => "o200k_base (GPT-4o, GPT-4.1, GPT-5, o-series): exact",
            Encoding::Cl100k => "cl100k_base (GPT-4, GPT-3.5 Turbo): exact",
            Encoding::Estimate => "Estimate, 4 characters per token (no public tokenizer)",
        }
    }

    /// The encoding named `name`, if any.
    pub fn from_name(name: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.name() == name.trim())
    }

    /// The vocabulary file's name in the bundle (tiktoken-rs 0.12.1's asset), `None` for the
    /// estimate.
    pub fn file(self) -> Option<&'static str> {
        match self {
            Encoding::O200k => Some("o200k_base.tiktoken"),
            Encoding::Cl100k => Some("cl100k_base.tiktoken"),
            Encoding::Estimate => None,
        }
    }

    /// The vocabulary file's subresource integrity (sha256, base64), checked by the browser's
    /// fetch and by `tools/vocab.mjs` when it copies the file; `None` for the estimate.
    pub fn integrity(self) -> Option<&'static str> {
        match self {
            Encoding::O200k => Some("sha256-RGqVOMtsNI41FhINfAiwn1fDZJXirP/+WaW/iwz7Gi0="),
            Encoding::Cl100k => Some("sha256-Ijkht27pm96ZW3/3OFE+7xAPtR0YyTWXoRO8/+hlsqc="),
            Encoding::Estimate => None,
        }
    }

    /// The encoding a catalogue model uses, from its name: OpenAI's GPT-4o, GPT-4.1, GPT-4.5,
    /// GPT-5 and o-series models use o200k_base, GPT-4 and GPT-3.5 cl100k_base (tiktoken-rs
    /// README 0.12.1); any other named model gets the estimate; no model, `None`.
    pub fn for_model(model: &str) -> Option<Encoding> {
        let m = model.trim().to_ascii_lowercase();
        if m.is_empty() {
            return None;
        }
        let has = |s: &str| m.contains(s);
        let o_series = ["o1", "o3", "o4"].iter().any(|o| m.starts_with(o));
        if o_series || has("gpt-4o") || has("gpt-4.1") || has("gpt-4.5") || has("gpt-5") {
            Some(Encoding::O200k)
        } else if has("gpt-4") || has("gpt-3.5") {
            Some(Encoding::Cl100k)
        } else {
            Some(Encoding::Estimate)
        }
    }

    /// The pre-tokenizer's pattern (tiktoken-rs 0.12.1 `openai_public.rs`).
    fn pattern(self) -> &'static str {
        match self {
            Encoding::O200k | Encoding::Estimate => tiktoken_rs::O200K_BASE_PAT_STR,
            Encoding::Cl100k => CL100K_BASE_PAT_STR,
        }
    }
}

/// cl100k_base's pattern, as tiktoken-rs 0.12.1 writes it inline in `cl100k_base()`.
const CL100K_BASE_PAT_STR: &str = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";

/// Counts the tokens of a text.
pub trait Count {
    /// Tokens of `text` (special-token text counted as ordinary text).
    fn tokens(&self, text: &str) -> u64;
    /// Whether the counts are exact (an encoding) or an estimate.
    fn exact(&self) -> bool;
}

/// The estimate: ⌈characters ÷ [`ESTIMATE_CHARS_PER_TOKEN`]⌉ per text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl Count for Estimate {
    fn tokens(&self, text: &str) -> u64 {
        (text.chars().count() as u64).div_ceil(ESTIMATE_CHARS_PER_TOKEN)
    }
    fn exact(&self) -> bool {
        false
    }
}

/// Why a vocabulary could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VocabError {
    /// The estimate has no vocabulary.
    NoVocabulary,
    /// A line of the `.tiktoken` text is not `base64 rank` (1-based line number).
    BadLine(u64),
    /// The tokenizer could not be built from it (no token, two tokens with one rank, or the
    /// pattern did not compile).
    Build,
}

/// Lines of a `.tiktoken` vocabulary read per [`Vocabulary::step`] by the page: a few
/// milliseconds' work, so it can yield to the event loop between steps.
pub const VOCABULARY_STEP: usize = 1024;

/// A `.tiktoken` vocabulary being read in steps: [`Vocabulary::step`] reads a bounded number
/// of lines, so a caller can yield to the event loop between steps; [`Vocabulary::finish`]
/// makes the [`Tokenizer`].
pub struct Vocabulary {
    encoding: Encoding,
    text: Vec<u8>,
    /// Byte offset of the next line to read.
    at: usize,
    /// Lines read so far.
    line: u64,
    ranks: FxHashMap<Vec<u8>, u32>,
    /// The ranks seen, to refuse a damaged file in which two tokens share one.
    seen: FxHashSet<u32>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("encoding", &self.encoding)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl Vocabulary {
    /// Starts reading the `.tiktoken` bytes of `encoding` (one `base64 rank` pair a line, as
    /// tiktoken ships it). Errors: [`VocabError::NoVocabulary`] for the estimate.
    pub fn new(encoding: Encoding, text: Vec<u8>) -> Result<Vocabulary, VocabError> {
        if encoding == Encoding::Estimate {
            return Err(VocabError::NoVocabulary);
        }
        // One allocation of the right size: growing the map would rehash it all in one step.
        let lines = text.iter().filter(|&&b| b == b'\n').count() + 1;
        let mut ranks = FxHashMap::default();
        ranks.reserve(lines);
        let mut seen = FxHashSet::default();
        seen.reserve(lines);
        Ok(Vocabulary {
            encoding,
            text,
            at: 0,
            line: 0,
            ranks,
            seen,
        })
    }

    /// Reads up to `lines` more lines; `Ok(true)` once every line is read. Errors:
    /// [`VocabError::BadLine`] for a line that is not `base64 rank`, [`VocabError::Build`]
    /// for a rank or a token given twice.
    pub fn step(&mut self, lines: usize) -> Result<bool, VocabError> {
        let b64 = base64::engine::general_purpose::STANDARD;
        for _ in 0..lines {
            if self.at >= self.text.len() {
                return Ok(true);
            }
            let rest = &self.text[self.at..];
            let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let line = &rest[..end];
            self.at += end + 1;
            self.line += 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            let bad = VocabError::BadLine(self.line);
            let space = line.iter().position(|&b| b == b' ').ok_or(bad.clone())?;
            let token = b64.decode(&line[..space]).map_err(|_| bad.clone())?;
            let rank: u32 = std::str::from_utf8(&line[space + 1..])
                .ok()
                .and_then(|r| r.trim().parse().ok())
                .ok_or(bad)?;
            if !self.seen.insert(rank) || self.ranks.insert(token, rank).is_some() {
                return Err(VocabError::Build);
            }
        }
        Ok(self.at >= self.text.len())
    }

    /// The share of the text read so far, from 0 to 1.
    pub fn done(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            (self.at.min(self.text.len()) as f64) / (self.text.len() as f64)
        }
    }

    /// The tokenizer, once every line is read: compiles the pre-tokenizer's pattern. Errors:
    /// [`VocabError::Build`] when lines are left, no token was read or the pattern fails.
    pub fn finish(self) -> Result<Tokenizer, VocabError> {
        if self.at < self.text.len() {
            return Err(VocabError::Build);
        }
        if self.ranks.is_empty() {
            return Err(VocabError::BadLine(1));
        }
        let regex = Regex::new(self.encoding.pattern()).map_err(|_| VocabError::Build)?;
        Ok(Tokenizer {
            ranks: self.ranks,
            regex,
        })
    }
}

/// Compiles a small pattern with the pre-tokenizer's constructs (Unicode letter and number
/// classes, a look-ahead) and drops it: in the page, the first use of the regex compiler's
/// code costs more than the compile itself (the browser compiles and optimizes that code as
/// it first runs), so the page does this in a task of its own before [`Vocabulary::finish`].
pub fn warm_up() {
    let _ = Regex::new(r"[^\r\n\p{L}\p{N}]?\p{Lu}*\p{Ll}+|\p{N}{1,3}|\s+(?!\S)|\s");
}

/// An exact tokenizer for one of OpenAI's encodings: the vocabulary's ranks and the
/// pre-tokenizer.
pub struct Tokenizer {
    ranks: FxHashMap<Vec<u8>, u32>,
    regex: Regex,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tokenizer")
    }
}

impl Tokenizer {
    /// The tokenizer of `encoding` from the text of its `.tiktoken` file, read in one go
    /// (the page reads it in steps with [`Vocabulary`]).
    pub fn from_tiktoken(encoding: Encoding, text: &str) -> Result<Tokenizer, VocabError> {
        let mut vocabulary = Vocabulary::new(encoding, text.as_bytes().to_vec())?;
        vocabulary.step(usize::MAX)?;
        vocabulary.finish()
    }

    /// Tokens of one pre-tokenized piece: 1 when it is a token, else how many byte-pair merges
    /// by rank leave (tiktoken's `byte_pair_encode`, counted).
    fn piece(&self, piece: &[u8]) -> u64 {
        if piece.len() < 2 || self.ranks.contains_key(piece) {
            piece.len().min(1) as u64
        } else if piece.len() < 100 {
            tiktoken_rs::byte_pair_split(piece, &self.ranks).len() as u64
        } else {
            merged_count(&self.ranks, piece)
        }
    }
}

impl Count for Tokenizer {
    fn tokens(&self, text: &str) -> u64 {
        let mut n = 0;
        let mut end = 0;
        for m in self.regex.find_iter(text) {
            match m {
                Ok(m) => {
                    n += self.piece(m.as_str().as_bytes());
                    end = m.end();
                }
                // fancy-regex's backtracking limit (tiktoken itself panics here): the rest
                // of the text is byte-pair merged as one piece, never dropped.
                Err(_) => {
                    n += self.piece(text.as_bytes().get(end..).unwrap_or_default());
                    break;
                }
            }
        }
        n
    }
    fn exact(&self) -> bool {
        true
    }
}

/// A merge candidate: the part starting at `start` with the next one, whose bytes have `rank`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Merge {
    start: usize,
    rank: u32,
}

impl Ord for Merge {
    /// The lowest rank first, then the leftmost (as tiktoken orders its heap).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .rank
            .cmp(&self.rank)
            .then_with(|| other.start.cmp(&self.start))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// One part of a piece being merged (tiktoken's `State`, without the token id).
#[derive(Clone, Copy)]
struct Part {
    prev: usize,
    end: usize,
    next_end: usize,
    next_rank: u32,
}

/// Tokens of `piece` (at least 2 bytes) after byte-pair merging by rank: tiktoken's
/// `_byte_pair_merge_large` (O(n log n), a heap of candidate merges with stale entries
/// skipped), counting merges instead of collecting ids: tokens = bytes − merges.
fn merged_count(ranks: &FxHashMap<Vec<u8>, u32>, piece: &[u8]) -> u64 {
    let len = piece.len();
    let rank_of = |from: usize, to: usize| -> u32 {
        if to <= len {
            ranks.get(&piece[from..to]).copied().unwrap_or(u32::MAX)
        } else {
            u32::MAX
        }
    };
    let mut parts: Vec<Part> = (0..len)
        .map(|i| Part {
            prev: i.wrapping_sub(1),
            end: i + 1,
            next_end: i + 2,
            next_rank: u32::MAX,
        })
        .collect();
    let mut heap = BinaryHeap::with_capacity(len);
    for (i, part) in parts.iter_mut().enumerate().take(len - 1) {
        let rank = rank_of(i, i + 2);
        if rank != u32::MAX {
            heap.push(Merge { start: i, rank });
            part.next_rank = rank;
        }
    }
    let mut merges = 0u64;
    // A new candidate for the part at `start` with the part ending at `next_end`.
    let candidate =
        |parts: &mut [Part], heap: &mut BinaryHeap<Merge>, start: usize, next_end: usize| {
            parts[start].next_end = next_end;
            let rank = rank_of(start, next_end);
            parts[start].next_rank = rank;
            if rank != u32::MAX {
                heap.push(Merge { start, rank });
            }
        };
    while let Some(left) = heap.pop() {
        if left.rank == u32::MAX {
            break;
        }
        if left.rank != parts[left.start].next_rank {
            continue; // Stale: this part changed since.
        }
        let left_start = left.start;
        let right_start = parts[left_start].end;
        let right_end = parts[left_start].next_end;
        let right_next_end = parts[right_start].next_end;
        parts[left_start].end = right_end;
        merges += 1;
        candidate(&mut parts, &mut heap, left_start, right_next_end);
        if right_end < len {
            parts[right_end].prev = left_start;
        }
        if left_start > 0 {
            let prev_start = parts[left_start].prev;
            candidate(&mut parts, &mut heap, prev_start, right_end);
        }
        parts[right_start].next_rank = u32::MAX;
    }
    len as u64 - merges
}

/// Bytes per token of the other estimate the facts file states for tokenizers that are not
/// public (tau#191: "bytes/5"; `data-files-2026-12.md`, section B), used only for the
/// estimate's spread ([`estimate_spread`]).
pub const OTHER_ESTIMATE_BYTES_PER_TOKEN: u64 = 5;

/// Where the spread's other ratio comes from, as shown beside it.
pub const SPREAD_SOURCE: &str =
    "5 bytes per token (tau#191), the other ratio stated for tokenizers that are not public";

/// The estimate's spread on a text of `chars` characters in `bytes` UTF-8 bytes: where the
/// other stated estimate, ⌈bytes ÷ 5⌉ tokens, lies from the one used, ⌈chars ÷ 4⌉, as the low
/// and high ends of a range in % of the estimate: with q = (bytes ÷ 5) ÷ (chars ÷ 4), the low
/// end min(q − 1, 0) × 100 (from −100 to 0) and the high end max(q − 1, 0) × 100 (from 0 to
/// 1,000). Text of one-byte characters (ASCII) gives (−20, 0); text of three-byte characters
/// (most CJK) (0, 140), of four-byte characters (emoji) (0, 220); each end rounded to 0.1.
/// `None` without characters.
pub fn estimate_spread(chars: u64, bytes: u64) -> Option<(f64, f64)> {
    if chars == 0 {
        return None;
    }
    let q = (bytes as f64 * ESTIMATE_CHARS_PER_TOKEN as f64)
        / (chars as f64 * OTHER_ESTIMATE_BYTES_PER_TOKEN as f64);
    // Rounded to 0.1 (as the fields are written); + 0.0 turns −0 into 0.
    let d = ((q - 1.0) * 1000.0).round() / 10.0 + 0.0;
    d.is_finite()
        .then(|| (d.clamp(-100.0, 0.0), d.clamp(0.0, 1000.0)))
}

/// A spread on the training tokens (ends in %, as [`estimate_spread`] gives them) as a range
/// on the training cost T: tokens price only its compute part, so each end is scaled by the
/// share compute ÷ T (both in $), then rounded to 0.1 and kept within −100…0 and 0…1,000.
/// `None` when T is not above 0 or the compute is not within 0…T.
pub fn training_range(spread: (f64, f64), compute: f64, total: f64) -> Option<(f64, f64)> {
    if !(total > 0.0 && compute >= 0.0 && compute <= total && total.is_finite()) {
        return None;
    }
    let share = compute / total;
    let end = |x: f64| (x * share * 10.0).round() / 10.0;
    let (low, high) = (end(spread.0), end(spread.1));
    // −0.0 would be written "-0".
    let zero = |x: f64| if x == 0.0 { 0.0 } else { x };
    Some((zero(low.clamp(-100.0, 0.0)), zero(high.clamp(0.0, 1000.0))))
}
