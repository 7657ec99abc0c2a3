//! A training file (JSONL, one example a line) → validated examples and their tokens, as the
//! providers' data-preparation checks do it (OpenAI cookbook `Chat_finetuning_data_prep.ipynb`,
//! c:b774cbf1), into the figures `data_*`.
//!
//! Formats accepted: OpenAI chat fine-tuning (`{"messages": [{role, content, name?, weight?,
//! tool_calls?, …}], "tools"?, …}`). Every line is validated on its own: a bad line is counted
//! under its reason (with the first line numbers) and never stops the rest.

use serde_json::{Map, Value};

use super::stats::{histogram, summary, Bin, Summary};
use super::tokens::Count;

/// How many line numbers each group of errors or warnings keeps.
pub const FIRST_LINES: usize = 5;

/// The file formats recognised, per file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OpenAI chat fine-tuning: `{"messages": […]}` a line.
    OpenAiChat,
}

impl Format {
    /// The format's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Format::OpenAiChat => "OpenAI chat (messages)",
        }
    }
}

/// The message shown for a file in no recognised format.
pub const UNKNOWN_FORMAT: &str = "No line of this file is in a training format this page reads. \
Accepted: OpenAI chat fine-tuning JSONL, one {\"messages\": [{\"role\": …, \"content\": …}, …]} object a line.";

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
    /// No assistant message (`example_missing_assistant_message`).
    NoAssistant,
}

impl Reason {
    /// Every reason, in the order they are reported.
    pub const ALL: [Reason; 11] = [
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
            Reason::UnknownKey => "Unknown key in a message (allowed: role, content, name, weight, tool_calls, tool_call_id, function_call)",
            Reason::UnknownRole => "Unknown role (allowed: system, developer, user, assistant, tool, function)",
            Reason::MissingContent => "Missing or empty content",
            Reason::BadWeight => "Weight is not 0 or 1",
            Reason::NoAssistant => "No assistant reply",
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
    fn add(&mut self, line: u64) {
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
    /// The fewest examples a job accepts.
    pub min_examples: u64,
    /// The most tokens an example is trained on (longer ones are cut to it), where stated.
    pub max_tokens: Option<u64>,
}

/// OpenAI's rules: at least 10 examples (developers.openai.com SFT guide); examples counted up
/// to 16,385 tokens (the cookbook's `MAX_TOKENS_PER_EXAMPLE`, c:b774cbf1). OpenAI states no
/// per-example maximum for current models; the cookbook's cap is the one it bills by.
pub const OPENAI: Rules = Rules {
    min_examples: 10,
    max_tokens: Some(16_385),
};

/// The same checks where the provider states no maximum (the estimate).
pub const NO_MAXIMUM: Rules = Rules {
    min_examples: 10,
    max_tokens: None,
};

/// A training file being read: give it each line with [`Scan::line`], then take its
/// [`Scan::report`].
#[derive(Clone, Debug)]
pub struct Scan {
    rules: Rules,
    exact: bool,
    /// Lines with a `messages` key (the file is in the chat format if any).
    chat_lines: u64,
    invalid: u64,
    errors: Vec<(Reason, Group)>,
    no_system: Group,
    no_user: Group,
    over: Group,
    /// Tokens of each valid example, as counted (before the cap).
    tokens: Vec<u64>,
}

impl Scan {
    /// A scan with `rules`, whose counts are exact or not as the counter given to it.
    pub fn new(rules: Rules, exact: bool) -> Scan {
        Scan {
            rules,
            exact,
            chat_lines: 0,
            invalid: 0,
            errors: Reason::ALL.iter().map(|&r| (r, Group::default())).collect(),
            no_system: Group::default(),
            no_user: Group::default(),
            over: Group::default(),
            tokens: Vec::new(),
        }
    }

    /// Reads line `no` (1-based, its text without the line end), counting with `count`.
    pub fn line(&mut self, no: u64, text: &str, count: &dyn Count) {
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(_) => return self.bad(no, Reason::NotJson),
        };
        let Value::Object(example) = value else {
            return self.bad(no, Reason::NotObject);
        };
        if example.contains_key("messages") {
            self.chat_lines += 1;
        }
        match check_chat(&example) {
            Err(reason) => self.bad(no, reason),
            Ok(messages) => {
                let roles = |r: &[&str]| {
                    messages.iter().any(|m| {
                        m.get("role")
                            .and_then(Value::as_str)
                            .is_some_and(|x| r.contains(&x))
                    })
                };
                if !roles(&["system", "developer"]) {
                    self.no_system.add(no);
                }
                if !roles(&["user"]) {
                    self.no_user.add(no);
                }
                let tokens = example_tokens(messages, count);
                if self.rules.max_tokens.is_some_and(|max| tokens > max) {
                    self.over.add(no);
                }
                self.tokens.push(tokens);
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
        let capped: Vec<u64> = match self.rules.max_tokens {
            Some(max) => self.tokens.iter().map(|&t| t.min(max)).collect(),
            None => self.tokens.clone(),
        };
        let examples = self.tokens.len() as u64;
        let mut warnings = Vec::new();
        if self.chat_lines > 0 && examples < self.rules.min_examples {
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
            format: (self.chat_lines > 0).then_some(Format::OpenAiChat),
            exact: self.exact,
            rules: self.rules,
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
            histogram: histogram(&self.tokens, 12),
        }
    }
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

/// Checks one chat example; its messages when valid, else the first reason it is not (in the
/// cookbook's order: the list, then each message's keys, role and content, then the reply).
fn check_chat(example: &Map<String, Value>) -> Result<&Vec<Value>, Reason> {
    let messages = match example.get("messages") {
        None | Some(Value::Null) => return Err(Reason::NoMessages),
        Some(Value::Array(m)) => m,
        Some(_) => return Err(Reason::NotList),
    };
    if messages.is_empty() {
        return Err(Reason::NoMessages);
    }
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
    if !messages
        .iter()
        .any(|m| m.get("role").and_then(Value::as_str) == Some("assistant"))
    {
        return Err(Reason::NoAssistant);
    }
    Ok(messages)
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
