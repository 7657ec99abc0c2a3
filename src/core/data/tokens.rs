//! Token counting: OpenAI's encodings counted exactly by tiktoken-rs (a pure-Rust port of
//! OpenAI's tiktoken), from a vocabulary given at run time, and an estimate for models whose
//! tokenizer is not public.
//!
//! The vocabulary is never compiled in: the page fetches tiktoken-rs 0.12.1's own
//! `assets/<encoding>.tiktoken` file (copied into the bundle by `tools/vocab.mjs`) from its own
//! origin when a file is dropped, with the [`Encoding::integrity`] below, and gives its text to
//! [`Tokenizer::from_tiktoken`].

use base64::Engine as _;
use rustc_hash::FxHashMap;
use tiktoken_rs::CoreBPE;

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

    /// The special tokens of the encoding (tiktoken-rs 0.12.1 `openai_public.rs`).
    fn special(self) -> &'static [(&'static str, u32)] {
        match self {
            Encoding::O200k => &[("<|endoftext|>", 199_999), ("<|endofprompt|>", 200_018)],
            Encoding::Cl100k => &[
                ("<|endoftext|>", 100_257),
                ("<|fim_prefix|>", 100_258),
                ("<|fim_middle|>", 100_259),
                ("<|fim_suffix|>", 100_260),
                ("<|endofprompt|>", 100_276),
            ],
            Encoding::Estimate => &[],
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
    /// A line of the `.tiktoken` text is not `base64 rank`.
    BadLine(u64),
    /// The tokenizer could not be built from it.
    Build,
}

/// An exact tokenizer for one of OpenAI's encodings.
pub struct Tokenizer {
    bpe: CoreBPE,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tokenizer")
    }
}

impl Tokenizer {
    /// The tokenizer of `encoding` from the text of its `.tiktoken` file (one `base64 rank`
    /// pair a line, as tiktoken ships it).
    pub fn from_tiktoken(encoding: Encoding, text: &str) -> Result<Tokenizer, VocabError> {
        if encoding == Encoding::Estimate {
            return Err(VocabError::NoVocabulary);
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut map: FxHashMap<Vec<u8>, u32> = FxHashMap::default();
        for (k, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let bad = || VocabError::BadLine(k as u64 + 1);
            let (token, rank) = line.split_once(' ').ok_or_else(bad)?;
            let bytes = b64.decode(token).map_err(|_| bad())?;
            let rank: u32 = rank.trim().parse().map_err(|_| bad())?;
            map.insert(bytes, rank);
        }
        if map.is_empty() {
            return Err(VocabError::BadLine(1));
        }
        let special = encoding
            .special()
            .iter()
            .map(|&(s, r)| (s.to_owned(), r))
            .collect::<FxHashMap<String, u32>>();
        // CoreBPE::new asserts that no two tokens share a rank: check it here instead, so a
        // damaged file is an error, not a panic.
        let mut ranks: Vec<u32> = map.values().copied().collect();
        ranks.sort_unstable();
        if ranks.windows(2).any(|w| w[0] == w[1]) {
            return Err(VocabError::Build);
        }
        let bpe = CoreBPE::new(map, special, encoding.pattern()).map_err(|_| VocabError::Build)?;
        Ok(Tokenizer { bpe })
    }
}

impl Count for Tokenizer {
    fn tokens(&self, text: &str) -> u64 {
        self.bpe.encode_ordinary(text).len() as u64
    }
    fn exact(&self) -> bool {
        true
    }
}
