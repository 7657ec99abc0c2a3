//! A training file (JSONL, one example a line) → validated examples and their tokens, as the
//! providers' data-preparation checks do it (OpenAI cookbook `Chat_finetuning_data_prep.ipynb`,
//! c:b774cbf1), into the figures `data_*`.
//!
//! Formats accepted, recognised per file from its first line in one of them ([`Format`]): OpenAI
//! chat and preference (DPO), Amazon Bedrock (Claude 3 Haiku's and Nova's
//! `bedrock-conversation-2024`), Google Vertex AI Gemini and Together's prompt/completion and
//! text (Together's conversational format is OpenAI's chat). Every line is validated on its
//! own: a bad line is counted under its reason (with the first line numbers) and never stops the
//! rest.

use serde_json::{Map, Value};

use super::stats::{histogram, summary, Bin, Summary};
use super::tokens::Count;

/// How many line numbers each group of errors or warnings keeps.
pub const FIRST_LINES: usize = 5;

/// The file formats recognised, per file (each documented with an example in
/// docs/contract.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OpenAI chat fine-tuning, also Together's and Fireworks' conversational format:
    /// `{"messages": [{role, content, name?, weight?, tool_calls?}], "tools"?}` a line.
    OpenAiChat,
    /// OpenAI preference fine-tuning (DPO): `{"input": {"messages": […]}, "preferred_output":
    /// [assistant], "non_preferred_output": [assistant]}`.
    OpenAiPreference,
    /// Claude 3 Haiku on Amazon Bedrock: `{"system": "…", "messages": [{role, content}]}`, user
    /// first, assistant last, strictly alternating, no other keys.
    BedrockClaude,
    /// Amazon Nova on Bedrock: `{"schemaVersion": "bedrock-conversation-2024", "system":
    /// [{text}], "messages": [{role, content: [{text}]}]}`, user first, assistant last.
    BedrockNova,
    /// Google Vertex AI Gemini: `{"systemInstruction": {parts}, "contents": [{role: user|model,
    /// parts: [{text}]}]}`.
    VertexGemini,
    /// Together prompt/completion: `{"prompt": "…", "completion": "…"}`.
    TogetherPromptCompletion,
    /// Together text: `{"text": "…"}`.
    TogetherText,
}

impl Format {
    /// The format's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Format::OpenAiChat => "OpenAI chat (messages)",
            Format::OpenAiPreference => "OpenAI preference (DPO)",
            Format::BedrockClaude => "Amazon Bedrock, Claude 3 Haiku",
            Format::BedrockNova => "Amazon Bedrock, Nova (bedrock-conversation-2024)",
            Format::VertexGemini => "Google Vertex AI Gemini (contents)",
            Format::TogetherPromptCompletion => "Together prompt/completion",
            Format::TogetherText => "Together text",
        }
    }

    /// A stable key (`data-format`).
    pub fn key(self) -> &'static str {
        match self {
            Format::OpenAiChat => "openai_chat",
            Format::OpenAiPreference => "openai_preference",
            Format::BedrockClaude => "bedrock_claude",
            Format::BedrockNova => "bedrock_nova",
            Format::VertexGemini => "vertex_gemini",
            Format::TogetherPromptCompletion => "together_prompt_completion",
            Format::TogetherText => "together_text",
        }
    }

    /// Whether the format is OpenAI's (counted by the cookbook's rule, OpenAI's rules).
    pub fn openai(self) -> bool {
        matches!(self, Format::OpenAiChat | Format::OpenAiPreference)
    }

    /// The provider's rules for this format, with exact counts or an estimate.
    pub fn rules(self, exact: bool) -> Rules {
        match self {
            Format::OpenAiChat | Format::OpenAiPreference if exact => OPENAI,
            Format::OpenAiChat | Format::OpenAiPreference => NO_MAXIMUM,
            Format::VertexGemini => GEMINI,
            Format::BedrockClaude | Format::BedrockNova => Rules {
                provider: "Amazon Bedrock",
                min_examples: 0,
                max_tokens: None,
            },
            Format::TogetherPromptCompletion | Format::TogetherText => Rules {
                provider: "Together",
                min_examples: 0,
                max_tokens: None,
            },
        }
    }

    /// The format of one line, from its keys.
    fn detect(line: &Map<String, Value>) -> Option<Format> {
        let has = |k: &str| line.contains_key(k);
        if line.get("schemaVersion").and_then(Value::as_str) == Some("bedrock-conversation-2024") {
            Some(Format::BedrockNova)
        } else if has("contents") {
            Some(Format::VertexGemini)
        } else if has("input") && (has("preferred_output") || has("non_preferred_output")) {
            Some(Format::OpenAiPreference)
        } else if has("messages") && line.get("system").is_some_and(Value::is_string) {
            Some(Format::BedrockClaude)
        } else if has("messages") {
            Some(Format::OpenAiChat)
        } else if has("prompt") && has("completion") {
            Some(Format::TogetherPromptCompletion)
        } else if has("text") {
            Some(Format::TogetherText)
        } else {
            None
        }
    }

    /// Whether a line of format `line` belongs in a file of this format (a Claude line with no
    /// system prompt reads as chat, and the reverse).
    fn accepts(self, line: Format) -> bool {
        let chat = |f| matches!(f, Format::OpenAiChat | Format::BedrockClaude);
        self == line || (chat(self) && chat(line))
    }
}

/// The message shown for a file in no recognised format.
pub const UNKNOWN_FORMAT: &str = "No line of this file is in a training format this page reads. \
Accepted, as JSONL (one object a line): OpenAI chat ({\"messages\": […]}) and preference ({\"input\", \"preferred_output\", \"non_preferred_output\"}), \
Amazon Bedrock Claude ({\"system\", \"messages\"}) and Nova ({\"schemaVersion\": \"bedrock-conversation-2024\", …}), \
Vertex AI Gemini ({\"contents\": […]}), Together ({\"prompt\", \"completion\"} or {\"text\"}).";

/// Why a line is not a valid example (the cookbook's error counters, in the cookbook's order,
/// and the checks the provider's file validation adds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// Not JSON.
    NotJson,
    /// JSON, but not an object (`data_type`).
    NotObject,
    /// No `messages` (`missing_messages_list`).
    NoMessages,
    /// `messages` is not a list (`missing_messages_list`).
    NotList,
    /// A message is not an object.
    MessageNotObject,
    /// A message without a `role` (`message_missing_key`).
    NoRole,
    /// A message with a key the format does not have (`message_unrecognized_key`).
    UnknownKey,
    /// A role the format does not have (`unrecognized_role`).
    UnknownRole,
    /// A message without content, or with empty content (`missing_content`).
    MissingContent,
    /// An assistant message whose `weight` is not 0 or 1.
    BadWeight,
    /// No assistant message (`example_missing_assistant_message`), or no model turn, no
    /// completion, a preference line without both outputs.
    NoAssistant,
    /// Turns that do not alternate user/assistant, or do not start with the user and end with
    /// the assistant (Bedrock).
    NotAlternating,
    /// A line in another format than the file's.
    OtherFormat,
}

impl Reason {
    /// Every reason, in the order they are reported.
    pub const ALL: [Reason; 13] = [
        Reason::NotJson,
        Reason::NotObject,
        Reason::NoMessages,
        Reason::NotList,
        Reason::MessageNotObject,
        Reason::NoRole,
        Reason::UnknownKey,
        Reason::UnknownRole,
        Reason::MissingContent,
        Reason::BadWeight,
        Reason::NoAssistant,
        Reason::NotAlternating,
        Reason::OtherFormat,
    ];

    /// A stable key (`data-reason`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::NotJson => "not_json",
            Reason::NotObject => "not_object",
            Reason::NoMessages => "no_messages",
            Reason::NotList => "not_list",
            Reason::MessageNotObject => "message_not_object",
            Reason::NoRole => "no_role",
            Reason::UnknownKey => "unknown_key",
            Reason::UnknownRole => "unknown_role",
            Reason::MissingContent => "missing_content",
            Reason::BadWeight => "bad_weight",
            Reason::NoAssistant => "no_assistant",
            Reason::NotAlternating => "not_alternating",
            Reason::OtherFormat => "other_format",
        }
    }

    /// What is wrong, in words.
    pub fn label(self) -> &'static str {
        match self {
            Reason::NotJson => "Not JSON",
            Reason::NotObject => "Not a JSON object",
            Reason::NoMessages => "No messages",
            Reason::NotList => "Messages is not a list",
            Reason::MessageNotObject => "A message is not an object",
            Reason::NoRole => "A message has no role",
            Reason::UnknownKey => "Unknown key (OpenAI messages: role, content, name, weight, tool_calls, tool_call_id, function_call; Bedrock Claude: system, messages, role, content)",
            Reason::UnknownRole => "Unknown role (OpenAI: system, developer, user, assistant, tool, function; Bedrock: user, assistant; Gemini: user, model)",
            Reason::MissingContent => "Missing or empty content",
            Reason::BadWeight => "Weight is not 0 or 1",
            Reason::NoAssistant => "No assistant reply (or model turn, completion, preferred and non-preferred output)",
            Reason::NotAlternating => "Turns must alternate, user first and assistant last",
            Reason::OtherFormat => "In another format than the file's first line",
        }
    }
}

/// A count with the first few line numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// How many lines.
    pub count: u64,
    /// The first [`FIRST_LINES`] line numbers (1-based).
    pub lines: Vec<u64>,
}

impl Group {
    /// Counts line `line`, keeping it when among the first [`FIRST_LINES`].
    pub(crate) fn add(&mut self, line: u64) {
        self.count += 1;
        if self.lines.len() < FIRST_LINES {
            self.lines.push(line);
        }
    }
}

/// What is worth knowing but does not make a line bad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Fewer valid examples than the provider's minimum.
    FewExamples,
    /// Examples without a system (or developer) message.
    NoSystem,
    /// Examples without a user message.
    NoUser,
    /// Examples over the maximum tokens per example: counted (and trained) up to it.
    OverMaximum,
}

impl Warning {
    /// A stable key (`data-warning`).
    pub fn key(self) -> &'static str {
        match self {
            Warning::FewExamples => "few_examples",
            Warning::NoSystem => "no_system",
            Warning::NoUser => "no_user",
            Warning::OverMaximum => "over_maximum",
        }
    }
}

/// The provider's rules a file is checked against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rules {
    /// Whose rules these are, as named in the warnings.
    pub provider: &'static str,
    /// The fewest examples a job accepts (0: none stated).
    pub min_examples: u64,
    /// The most tokens an example is trained on (longer ones are cut to it), where stated.
    pub max_tokens: Option<u64>,
}

/// OpenAI's rules: at least 10 examples (developers.openai.com SFT guide); examples counted up
/// to 16,385 tokens (the cookbook's `MAX_TOKENS_PER_EXAMPLE`, c:b774cbf1). OpenAI states no
/// per-example maximum for current models; the cookbook's cap is the one it bills by.
pub const OPENAI: Rules = Rules {
    provider: "OpenAI",
    min_examples: 10,
    max_tokens: Some(16_385),
};

/// The same checks where the provider states no maximum (the estimate).
pub const NO_MAXIMUM: Rules = Rules {
    provider: "OpenAI",
    min_examples: 10,
    max_tokens: None,
};

/// Vertex AI Gemini: at least 16 examples (the older tuning page), at most 131,072 input and
/// output tokens per example (Gemini 2.5 Flash; cloud.google.com gemini-supervised-tuning).
pub const GEMINI: Rules = Rules {
    provider: "Vertex AI",
    min_examples: 16,
    max_tokens: Some(131_072),
};

/// A training file being read: give it each line with [`Scan::line`], then take its
/// [`Scan::report`].
#[derive(Clone, Debug)]
pub struct Scan {
    /// Rules fixed by the caller; else the file format's.
    fixed: Option<Rules>,
    exact: bool,
    /// The file's format: the format of its first line in one.
    format: Option<Format>,
    invalid: u64,
    errors: Vec<(Reason, Group)>,
    no_system: Group,
    no_user: Group,
    over: Group,
    /// Tokens of each valid example, as counted (before the cap).
    tokens: Vec<u64>,
}

/// One valid example: its tokens, and whether it has a system and a user message (where the
/// format has them).
struct Example {
    tokens: u64,
    system: Option<bool>,
    user: Option<bool>,
}

impl Scan {
    /// A scan whose counts are exact or not as the counter given to it; the rules are the
    /// file format's ([`Format::rules`]).
    pub fn new(exact: bool) -> Scan {
        Scan {
            fixed: None,
            exact,
            format: None,
            invalid: 0,
            errors: Reason::ALL.iter().map(|&r| (r, Group::default())).collect(),
            no_system: Group::default(),
            no_user: Group::default(),
            over: Group::default(),
            tokens: Vec::new(),
        }
    }

    /// A scan with `rules` whatever the format.
    pub fn with_rules(rules: Rules, exact: bool) -> Scan {
        Scan {
            fixed: Some(rules),
            ..Scan::new(exact)
        }
    }

    /// The rules in force.
    fn rules(&self) -> Rules {
        self.fixed
            .unwrap_or_else(|| self.format.unwrap_or(Format::OpenAiChat).rules(self.exact))
    }

    /// Reads line `no` (1-based, its text without the line end), counting with `count`.
    pub fn line(&mut self, no: u64, text: &str, count: &dyn Count) {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(_) => return self.bad(no, Reason::NotJson),
        };
        let Value::Object(line) = value else {
            return self.bad(no, Reason::NotObject);
        };
        let detected = Format::detect(&line);
        let format = match (self.format, detected) {
            (None, Some(f)) => {
                self.format = Some(f);
                f
            }
            (Some(file), Some(f)) if !file.accepts(f) => return self.bad(no, Reason::OtherFormat),
            (Some(file), _) => file,
            // Before any line in a known format, a line is checked as OpenAI chat.
            (None, None) => Format::OpenAiChat,
        };
        match check(format, &line, count) {
            Err(reason) => self.bad(no, reason),
            Ok(example) => {
                if example.system == Some(false) {
                    self.no_system.add(no);
                }
                if example.user == Some(false) {
                    self.no_user.add(no);
                }
                if self
                    .rules()
                    .max_tokens
                    .is_some_and(|max| example.tokens > max)
                {
                    self.over.add(no);
                }
                self.tokens.push(example.tokens);
            }
        }
    }

    fn bad(&mut self, no: u64, reason: Reason) {
        self.invalid += 1;
        if let Some((_, g)) = self.errors.iter_mut().find(|(r, _)| *r == reason) {
            g.add(no);
        }
    }

    /// What the file holds so far.
    pub fn report(&self) -> Report {
        let rules = self.rules();
        let capped: Vec<u64> = match rules.max_tokens {
            Some(max) => self.tokens.iter().map(|&t| t.min(max)).collect(),
            None => self.tokens.clone(),
        };
        let examples = self.tokens.len() as u64;
        let mut warnings = Vec::new();
        if self.format.is_some() && examples < rules.min_examples {
            warnings.push((
                Warning::FewExamples,
                Group {
                    count: examples,
                    lines: Vec::new(),
                },
            ));
        }
        for (w, g) in [
            (Warning::NoSystem, &self.no_system),
            (Warning::NoUser, &self.no_user),
            (Warning::OverMaximum, &self.over),
        ] {
            if g.count > 0 {
                warnings.push((w, g.clone()));
            }
        }
        Report {
            format: self.format,
            exact: self.exact,
            rules,
            examples,
            invalid: self.invalid,
            errors: self
                .errors
                .iter()
                .filter(|(_, g)| g.count > 0)
                .cloned()
                .collect(),
            warnings,
            tokens: capped.iter().fold(0u64, |s, &t| s.saturating_add(t)),
            per_example: summary(&self.tokens),
            histogram: histogram(&self.tokens, HISTOGRAM_BINS),
            example_tokens: self.tokens.clone(),
        }
    }
}

/// Bars of the tokens-per-example histogram (at most).
pub const HISTOGRAM_BINS: usize = 12;

/// Several files' reports as one training set (a file split in parts): examples, bad lines,
/// tokens and the statistics added up; errors stay with each file (their line numbers are the
/// file's), so the whole has none; the examples' warning is the whole's. `None` when no report
/// has a recognised format.
pub fn combine(reports: &[&Report]) -> Option<Report> {
    let with_format: Vec<&&Report> = reports.iter().filter(|r| r.format.is_some()).collect();
    let first = with_format.first()?;
    let mut example_tokens = Vec::new();
    for r in &with_format {
        example_tokens.extend_from_slice(&r.example_tokens);
    }
    let examples = example_tokens.len() as u64;
    let warnings = if examples < first.rules.min_examples {
        vec![(
            Warning::FewExamples,
            Group {
                count: examples,
                lines: Vec::new(),
            },
        )]
    } else {
        Vec::new()
    };
    Some(Report {
        format: first.format,
        exact: with_format.iter().all(|r| r.exact),
        rules: first.rules,
        examples,
        invalid: reports
            .iter()
            .fold(0u64, |s, r| s.saturating_add(r.invalid)),
        errors: Vec::new(),
        warnings,
        tokens: with_format
            .iter()
            .fold(0u64, |s, r| s.saturating_add(r.tokens)),
        per_example: summary(&example_tokens),
        histogram: histogram(&example_tokens, HISTOGRAM_BINS),
        example_tokens,
    })
}

/// What a training file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The format recognised; `None`: no line is in a format this page reads ([`UNKNOWN_FORMAT`]).
    pub format: Option<Format>,
    /// Whether the token counts are exact (an encoding) or an estimate.
    pub exact: bool,
    /// The rules checked.
    pub rules: Rules,
    /// Valid examples (`data_examples`).
    pub examples: u64,
    /// Bad lines (`data_invalid`).
    pub invalid: u64,
    /// The bad lines by reason, in [`Reason::ALL`]'s order, only reasons that occur.
    pub errors: Vec<(Reason, Group)>,
    /// The warnings that apply, apart from the errors (for [`Warning::FewExamples`] the count
    /// is the number of examples).
    pub warnings: Vec<(Warning, Group)>,
    /// Tokens of one pass over the valid examples, each capped at the maximum (`data_tokens`).
    pub tokens: u64,
    /// Tokens per valid example as counted (before the cap): mean, percentiles, largest.
    pub per_example: Option<Summary>,
    /// Histogram of tokens per valid example.
    pub histogram: Vec<Bin>,
    /// Tokens of each valid example, as counted (before the cap), in file order.
    pub example_tokens: Vec<u64>,
}

/// The figures of a training file with the epochs and the training price.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// `data_examples`.
    pub examples: u64,
    /// `data_invalid`.
    pub invalid: u64,
    /// `data_tokens`.
    pub tokens: u64,
    /// `data_epochs`: the number typed, else OpenAI's default rule; `None` without examples.
    pub epochs: Option<u64>,
    /// `data_trained_tokens` = `data_tokens` × `data_epochs`.
    pub trained_tokens: Option<u64>,
    /// `data_training_cost` = trained tokens × price per 1M tokens ÷ 1,000,000; `None` without
    /// a price or epochs.
    pub training_cost: Option<f64>,
    /// Tokens per example for the training builder: `data_tokens` ÷ `data_examples`, rounded
    /// up, so examples × tokens per example covers every token; `None` without examples.
    pub tokens_per_example: Option<u64>,
}

impl Report {
    /// The figures with `epochs` typed (`None`: auto, OpenAI's default rule) and the training
    /// price per 1M tokens (`None`: no price).
    pub fn figures(&self, epochs: Option<u64>, price_per_million: Option<f64>) -> Figures {
        let epochs = match epochs {
            Some(e) if self.examples > 0 => Some(e),
            _ => default_epochs(self.examples),
        };
        let trained = epochs.map(|e| self.tokens.saturating_mul(e));
        let cost = match (trained, price_per_million) {
            (Some(t), Some(p)) if p.is_finite() && p >= 0.0 => Some(t as f64 * p / 1e6),
            _ => None,
        }
        .filter(|c| c.is_finite());
        Figures {
            examples: self.examples,
            invalid: self.invalid,
            tokens: self.tokens,
            epochs,
            trained_tokens: trained,
            training_cost: cost,
            tokens_per_example: (self.examples > 0).then(|| self.tokens.div_ceil(self.examples)),
        }
    }
}

/// OpenAI's default epochs for `n` examples when epochs are left on auto (the cookbook's rule,
/// c:b774cbf1): 3; min(25, ⌊100 ÷ n⌋) when 3n < 100; max(1, ⌊25,000 ÷ n⌋) when 3n > 25,000.
/// `None` for no examples.
pub fn default_epochs(n: u64) -> Option<u64> {
    const TARGET: u64 = 3;
    const MIN_EXAMPLES: u64 = 100;
    const MAX_EXAMPLES: u64 = 25_000;
    if n == 0 {
        return None;
    }
    let three_n = n.saturating_mul(TARGET);
    Some(if three_n < MIN_EXAMPLES {
        (MIN_EXAMPLES / n).min(25)
    } else if three_n > MAX_EXAMPLES {
        (MAX_EXAMPLES / n).max(1)
    } else {
        TARGET
    })
}

/// The keys a chat message may have.
const MESSAGE_KEYS: [&str; 7] = [
    "role",
    "content",
    "name",
    "weight",
    "tool_calls",
    "tool_call_id",
    "function_call",
];

/// The roles a chat message may have.
const ROLES: [&str; 6] = [
    "system",
    "developer",
    "user",
    "assistant",
    "tool",
    "function",
];

/// Checks one line in `format`; the example (its tokens, its system and user messages) when
/// valid, else the first reason it is not.
fn check(format: Format, line: &Map<String, Value>, count: &dyn Count) -> Result<Example, Reason> {
    let texts = |parts: &[&str]| {
        parts
            .iter()
            .map(|t| count.tokens(t))
            .fold(0, u64::saturating_add)
    };
    match format {
        Format::OpenAiChat => {
            let m = check_chat(line)?;
            Ok(Example {
                tokens: example_tokens(m, count),
                system: Some(has_role(m, &["system", "developer"])),
                user: Some(has_role(m, &["user"])),
            })
        }
        Format::OpenAiPreference => {
            let input = match line.get("input") {
                Some(Value::Object(i)) => i,
                Some(_) => return Err(Reason::NotObject),
                None => return Err(Reason::NoMessages),
            };
            let m = messages(input.get("messages"))?;
            check_messages(m)?;
            let output = |key: &str| -> Result<&Vec<Value>, Reason> {
                let out = messages(line.get(key)).map_err(|_| Reason::NoAssistant)?;
                check_messages(out)?;
                if out
                    .iter()
                    .all(|o| o.get("role").and_then(Value::as_str) == Some("assistant"))
                {
                    Ok(out)
                } else {
                    Err(Reason::NoAssistant)
                }
            };
            let (good, bad) = (output("preferred_output")?, output("non_preferred_output")?);
            // Both sequences are trained on: the input with each output, each counted as a
            // chat example.
            let pair = |out: &Vec<Value>| {
                let all: Vec<Value> = m.iter().chain(out).cloned().collect();
                example_tokens(&all, count)
            };
            Ok(Example {
                tokens: pair(good).saturating_add(pair(bad)),
                system: Some(has_role(m, &["system", "developer"])),
                user: Some(has_role(m, &["user"])),
            })
        }
        Format::BedrockClaude => {
            if line.keys().any(|k| k != "system" && k != "messages") {
                return Err(Reason::UnknownKey);
            }
            let system = match line.get("system") {
                None => None,
                Some(Value::String(s)) => Some(s.as_str()),
                Some(_) => return Err(Reason::MissingContent),
            };
            let m = messages(line.get("messages"))?;
            let mut parts: Vec<&str> = system.into_iter().collect();
            for (k, msg) in m.iter().enumerate() {
                let Value::Object(msg) = msg else {
                    return Err(Reason::MessageNotObject);
                };
                if msg.keys().any(|k| k != "role" && k != "content") {
                    return Err(Reason::UnknownKey);
                }
                let role = msg.get("role").ok_or(Reason::NoRole)?;
                let want = if k % 2 == 0 { "user" } else { "assistant" };
                match role.as_str() {
                    Some("user" | "assistant") => {}
                    _ => return Err(Reason::UnknownRole),
                }
                if role.as_str() != Some(want) {
                    return Err(Reason::NotAlternating);
                }
                match msg.get("content") {
                    Some(Value::String(c)) if !c.trim().is_empty() => parts.push(c),
                    _ => return Err(Reason::MissingContent),
                }
            }
            if m.len() < 2 || m.len() % 2 != 0 {
                return Err(Reason::NotAlternating);
            }
            Ok(Example {
                tokens: texts(&parts),
                system: Some(system.is_some()),
                user: None,
            })
        }
        Format::BedrockNova => {
            let mut parts: Vec<&str> = Vec::new();
            let system = match line.get("system") {
                None => false,
                Some(Value::Array(s)) => {
                    parts.extend(
                        s.iter()
                            .filter_map(|p| p.get("text").and_then(Value::as_str)),
                    );
                    !s.is_empty()
                }
                Some(_) => return Err(Reason::MissingContent),
            };
            let m = messages(line.get("messages"))?;
            for msg in m {
                let Value::Object(msg) = msg else {
                    return Err(Reason::MessageNotObject);
                };
                match msg.get("role").map(Value::as_str) {
                    None => return Err(Reason::NoRole),
                    Some(Some("user" | "assistant")) => {}
                    Some(_) => return Err(Reason::UnknownRole),
                }
                let texts_of: Vec<&str> = match msg.get("content") {
                    Some(Value::Array(c)) => c
                        .iter()
                        .filter_map(|p| p.get("text").and_then(Value::as_str))
                        .collect(),
                    _ => Vec::new(),
                };
                if texts_of.iter().all(|t| t.trim().is_empty()) {
                    return Err(Reason::MissingContent);
                }
                parts.extend(texts_of);
            }
            if role_of(m.first()) != Some("user") || role_of(m.last()) != Some("assistant") {
                return Err(Reason::NotAlternating);
            }
            Ok(Example {
                tokens: texts(&parts),
                system: Some(system),
                user: None,
            })
        }
        Format::VertexGemini => {
            let mut parts: Vec<&str> = Vec::new();
            let system = line.get("systemInstruction").is_some();
            if let Some(p) = line
                .get("systemInstruction")
                .and_then(|s| s.get("parts"))
                .and_then(Value::as_array)
            {
                parts.extend(
                    p.iter()
                        .filter_map(|p| p.get("text").and_then(Value::as_str)),
                );
            }
            let contents = messages(line.get("contents"))?;
            let mut model = false;
            for turn in contents {
                let Value::Object(turn) = turn else {
                    return Err(Reason::MessageNotObject);
                };
                match turn.get("role").map(Value::as_str) {
                    None => return Err(Reason::NoRole),
                    Some(Some("model")) => model = true,
                    Some(Some("user")) => {}
                    Some(_) => return Err(Reason::UnknownRole),
                }
                match turn.get("parts") {
                    Some(Value::Array(p)) if !p.is_empty() => {
                        parts.extend(
                            p.iter()
                                .filter_map(|p| p.get("text").and_then(Value::as_str)),
                        );
                    }
                    _ => return Err(Reason::MissingContent),
                }
            }
            if !model {
                return Err(Reason::NoAssistant);
            }
            Ok(Example {
                tokens: texts(&parts),
                system: Some(system),
                user: None,
            })
        }
        Format::TogetherPromptCompletion => {
            let text = |k: &str| -> Option<&str> {
                line.get(k)
                    .and_then(Value::as_str)
                    .filter(|t| !t.trim().is_empty())
            };
            let prompt = text("prompt").ok_or(Reason::MissingContent)?;
            let completion = text("completion").ok_or(Reason::NoAssistant)?;
            Ok(Example {
                tokens: texts(&[prompt, completion]),
                system: None,
                user: None,
            })
        }
        Format::TogetherText => {
            let text = line
                .get("text")
                .and_then(Value::as_str)
                .filter(|t| !t.trim().is_empty())
                .ok_or(Reason::MissingContent)?;
            Ok(Example {
                tokens: texts(&[text]),
                system: None,
                user: None,
            })
        }
    }
}

/// A message's role, if it is a string.
fn role_of(message: Option<&Value>) -> Option<&str> {
    message.and_then(|m| m.get("role")).and_then(Value::as_str)
}

/// Whether any message has one of `roles`.
fn has_role(messages: &[Value], roles: &[&str]) -> bool {
    messages.iter().any(|m| {
        m.get("role")
            .and_then(Value::as_str)
            .is_some_and(|r| roles.contains(&r))
    })
}

/// Checks one chat example; its messages when valid, else the first reason it is not (in the
/// cookbook's order: the list, then each message's keys, role and content, then the reply).
fn check_chat(example: &Map<String, Value>) -> Result<&Vec<Value>, Reason> {
    let messages = messages(example.get("messages"))?;
    check_messages(messages)?;
    if !messages
        .iter()
        .any(|m| m.get("role").and_then(Value::as_str) == Some("assistant"))
    {
        return Err(Reason::NoAssistant);
    }
    Ok(messages)
}

/// A non-empty list of messages, or why not.
fn messages(value: Option<&Value>) -> Result<&Vec<Value>, Reason> {
    match value {
        None | Some(Value::Null) => Err(Reason::NoMessages),
        Some(Value::Array(m)) if m.is_empty() => Err(Reason::NoMessages),
        Some(Value::Array(m)) => Ok(m),
        Some(_) => Err(Reason::NotList),
    }
}

/// Checks each OpenAI message's keys, role, content and weight.
fn check_messages(messages: &[Value]) -> Result<(), Reason> {
    for m in messages {
        let Value::Object(m) = m else {
            return Err(Reason::MessageNotObject);
        };
        let Some(role) = m.get("role") else {
            return Err(Reason::NoRole);
        };
        if m.keys().any(|k| !MESSAGE_KEYS.contains(&k.as_str())) {
            return Err(Reason::UnknownKey);
        }
        if !role.as_str().is_some_and(|r| ROLES.contains(&r)) {
            return Err(Reason::UnknownRole);
        }
        let calls = m.get("tool_calls").is_some_and(|v| !v.is_null())
            || m.get("function_call").is_some_and(|v| !v.is_null());
        let has_content = match m.get("content") {
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Array(parts)) => !parts.is_empty(),
            _ => false,
        };
        if !has_content && !calls {
            return Err(Reason::MissingContent);
        }
        if let Some(w) = m.get("weight") {
            if !matches!(w.as_u64(), Some(0 | 1)) || role.as_str() != Some("assistant") {
                return Err(Reason::BadWeight);
            }
        }
    }
    Ok(())
}

/// Tokens of one example by the cookbook's rule: 3 (the reply's priming) + Σ over its messages
/// (3 + the tokens of each string value of the message, + 1 when it has a `name`). Structured
/// values count the text they carry: a content list its parts' `text`, a tool call its
/// function's `name` and `arguments`.
pub fn example_tokens(messages: &[Value], count: &dyn Count) -> u64 {
    const PER_MESSAGE: u64 = 3;
    const PER_NAME: u64 = 1;
    const REPLY: u64 = 3;
    let mut total = REPLY;
    for m in messages {
        let Value::Object(m) = m else { continue };
        total = total.saturating_add(PER_MESSAGE);
        for (key, value) in m {
            total = total.saturating_add(value_tokens(key, value, count));
            if key == "name" {
                total = total.saturating_add(PER_NAME);
            }
        }
    }
    total
}

/// Tokens of one value of a message (see [`example_tokens`]).
fn value_tokens(key: &str, value: &Value, count: &dyn Count) -> u64 {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map_or(0, |s| count.tokens(s));
    match (key, value) {
        (_, Value::String(s)) => count.tokens(s),
        ("content", Value::Array(parts)) => parts
            .iter()
            .map(|p| text(p.get("text")))
            .fold(0, u64::saturating_add),
        ("tool_calls", Value::Array(calls)) => calls
            .iter()
            .filter_map(|c| c.get("function"))
            .map(|f| text(f.get("name")).saturating_add(text(f.get("arguments"))))
            .fold(0, u64::saturating_add),
        ("function_call", Value::Object(f)) => {
            text(f.get("name")).saturating_add(text(f.get("arguments")))
        }
        _ => 0,
    }
}
