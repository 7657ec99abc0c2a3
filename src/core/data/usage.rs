//! A usage log (JSONL, JSON or CSV export of requests with their token usage) → the figures
//! `log_*`: requests, the period they cover, requests per month, and per request the input,
//! cached, visible output and reasoning tokens (mean, 10th, 50th and 90th percentiles), the
//! cached share, a histogram of tokens per request and the models seen.
//!
//! The format is recognised per row ([`Format`]); where each export keeps its counts is in the
//! facts file `data-files-2026-12.md`, section C, and each format is documented with an example
//! in docs/contract.md. A row without usage (a failed call) is counted apart and never guessed;
//! a row that cannot be read is a bad line, reported with its line number under its reason.
//! Memory: four `u32` per request (the percentiles need them) and one count per model.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::rows::{Data, Row, RowError, Rows, Shape};
#[cfg(doc)]
use super::stats::percentile;
use super::stats::{histogram, Bin};
use super::training::Group;

/// The usage formats recognised, per row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// OpenAI Chat Completions object: `usage.{prompt_tokens, completion_tokens,
    /// prompt_tokens_details.cached_tokens, completion_tokens_details.reasoning_tokens}`,
    /// `created` (unix seconds).
    OpenAiChat,
    /// OpenAI Responses object: `usage.{input_tokens, input_tokens_details.cached_tokens,
    /// output_tokens, output_tokens_details.reasoning_tokens}`, `created_at` (unix seconds).
    OpenAiResponses,
    /// OpenAI Batch output line: `{custom_id, response: {status_code, body}, error}`, the body
    /// a Chat Completions or Responses object.
    OpenAiBatch,
    /// Anthropic Messages object (or a Message Batches result `{custom_id, result: {type,
    /// message}}`): `usage.{input_tokens, cache_creation_input_tokens, cache_read_input_tokens,
    /// output_tokens, output_tokens_details.thinking_tokens}`; no timestamp.
    Anthropic,
    /// Gemini `usageMetadata.{promptTokenCount, cachedContentTokenCount,
    /// candidatesTokenCount, thoughtsTokenCount}`, top-level or in a batch line's `response`;
    /// no timestamp.
    Gemini,
    /// Amazon Bedrock Converse `usage.{inputTokens, cacheReadInputTokens,
    /// cacheWriteInputTokens, outputTokens}`; no timestamp.
    BedrockConverse,
    /// LiteLLM `LiteLLM_SpendLogs` row: `prompt_tokens`, `completion_tokens`, `model`,
    /// `startTime`.
    LiteLlm,
    /// OpenTelemetry GenAI span: `gen_ai.usage.*` attributes (a map, the OTLP key/value list,
    /// or CSV columns), start time `startTimeUnixNano`.
    OpenTelemetry,
}

impl Format {
    /// Every format, in the order they are reported.
    pub const ALL: [Format; 8] = [
        Format::OpenAiChat,
        Format::OpenAiResponses,
        Format::OpenAiBatch,
        Format::Anthropic,
        Format::Gemini,
        Format::BedrockConverse,
        Format::LiteLlm,
        Format::OpenTelemetry,
    ];

    /// The format's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Format::OpenAiChat => "OpenAI Chat Completions",
            Format::OpenAiResponses => "OpenAI Responses",
            Format::OpenAiBatch => "OpenAI Batch output",
            Format::Anthropic => "Anthropic Messages",
            Format::Gemini => "Gemini usageMetadata",
            Format::BedrockConverse => "Amazon Bedrock Converse",
            Format::LiteLlm => "LiteLLM spend logs",
            Format::OpenTelemetry => "OpenTelemetry GenAI spans",
        }
    }

    /// A stable key (`data-log-format`).
    pub fn key(self) -> &'static str {
        match self {
            Format::OpenAiChat => "openai_chat_completions",
            Format::OpenAiResponses => "openai_responses",
            Format::OpenAiBatch => "openai_batch",
            Format::Anthropic => "anthropic_messages",
            Format::Gemini => "gemini",
            Format::BedrockConverse => "bedrock_converse",
            Format::LiteLlm => "litellm",
            Format::OpenTelemetry => "otel_genai",
        }
    }
}

/// Why a row is a bad line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// Not JSON.
    NotJson,
    /// A CSV record with the wrong number of fields, or a quote not closed.
    BadCsv,
    /// JSON, but not an object.
    NotObject,
    /// An object in none of the usage formats.
    NoFormat,
    /// A token count that is not a whole number from 0 to 4,294,967,295, or reasoning over
    /// the output that holds it.
    BadCount,
}

impl Reason {
    /// Every reason, in the order they are reported.
    pub const ALL: [Reason; 5] = [
        Reason::NotJson,
        Reason::BadCsv,
        Reason::NotObject,
        Reason::NoFormat,
        Reason::BadCount,
    ];

    /// A stable key (`data-reason`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::NotJson => "not_json",
            Reason::BadCsv => "bad_csv",
            Reason::NotObject => "not_object",
            Reason::NoFormat => "no_usage_format",
            Reason::BadCount => "bad_count",
        }
    }

    /// What is wrong, in words.
    pub fn label(self) -> &'static str {
        match self {
            Reason::NotJson => "Not JSON",
            Reason::BadCsv => "CSV record with another number of fields than the header, or a quote not closed",
            Reason::NotObject => "Not a JSON object",
            Reason::NoFormat => "In no usage format this page reads",
            Reason::BadCount => "A token count that is not a whole number from 0 to 4,294,967,295 (or reasoning over the output that holds it)",
        }
    }
}

/// The message shown for a log in which no row is in a usage format.
pub const UNKNOWN_FORMAT: &str = "No row of this file is in a usage format this page reads. \
Accepted, as JSONL, a JSON array (or an object holding one) or CSV with a header: OpenAI Chat Completions and Responses objects, OpenAI Batch output lines, \
Anthropic Messages, Gemini usageMetadata, Amazon Bedrock Converse, LiteLLM spend logs, OpenTelemetry GenAI spans (gen_ai.usage.*).";

/// One request's usage, in tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// All prompt tokens, cached (read and written) included.
    pub input: u32,
    /// Prompt tokens read from the cache.
    pub cached: u32,
    /// Visible output tokens (reasoning excluded).
    pub output: u32,
    /// Reasoning (thinking) tokens.
    pub reasoning: u32,
}

/// What one row is.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// A request with its usage, model and time (unix seconds).
    Request {
        format: Format,
        usage: Usage,
        model: Option<String>,
        time: Option<f64>,
    },
    /// A request without usage (a failed call).
    Failed(Format),
    /// A bad line.
    Bad(Reason),
    /// Not a request, and nothing wrong (a GenAI span of a tool or an agent step).
    Skip,
}

/// Most distinct models kept by name; more are counted together as "other models".
pub const MAX_MODELS: usize = 200;

/// Bars of the tokens-per-request histogram (at most).
pub const HISTOGRAM_BINS: usize = 12;

/// A usage log being read: give it each line with [`Scan::line`], call [`Scan::finish`], then
/// take its [`Scan::report`].
#[derive(Clone, Debug)]
pub struct Scan {
    rows: Rows,
    input: Vec<u32>,
    cached: Vec<u32>,
    output: Vec<u32>,
    reasoning: Vec<u32>,
    formats: BTreeMap<Format, u64>,
    failed: Vec<(Format, Group)>,
    errors: Vec<(Reason, Group)>,
    invalid: u64,
    models: BTreeMap<String, u64>,
    other_models: u64,
    first: Option<f64>,
    last: Option<f64>,
    timed: u64,
}

impl Default for Scan {
    fn default() -> Scan {
        Scan::new()
    }
}

impl Scan {
    /// A scan at the start of a log.
    pub fn new() -> Scan {
        Scan {
            rows: Rows::new(),
            input: Vec::new(),
            cached: Vec::new(),
            output: Vec::new(),
            reasoning: Vec::new(),
            formats: BTreeMap::new(),
            failed: Vec::new(),
            errors: Reason::ALL.iter().map(|&r| (r, Group::default())).collect(),
            invalid: 0,
            models: BTreeMap::new(),
            other_models: 0,
            first: None,
            last: None,
            timed: 0,
        }
    }

    /// Reads line `no` (1-based, without its line end).
    pub fn line(&mut self, no: u64, text: &str) {
        let mut rows = std::mem::take(&mut self.rows);
        rows.line(no, text, &mut |row| self.row(row));
        self.rows = rows;
    }

    /// The end of the file (a JSON document left open is a bad line).
    pub fn finish(&mut self) {
        let mut rows = std::mem::take(&mut self.rows);
        rows.finish(&mut |row| self.row(row));
        self.rows = rows;
    }

    fn row(&mut self, (no, data): Row<'_>) {
        let value = match data {
            Ok(Data::Value(v)) => v,
            Ok(Data::Json(text)) => {
                // The fast path: only the keys a usage format reads are kept (a response's
                // text is skipped, not copied).
                if let Ok(Lean(lean)) = serde_json::from_str::<Lean>(text) {
                    if let Some(kind) = classify(&lean) {
                        return self.kinds(no, vec![kind]);
                    }
                }
                match serde_json::from_str::<Value>(text) {
                    Ok(v) => v,
                    Err(_) => return self.bad(no, Reason::NotJson),
                }
            }
            Err(RowError::NotJson) => return self.bad(no, Reason::NotJson),
            Err(RowError::BadCsv) => return self.bad(no, Reason::BadCsv),
        };
        let Value::Object(obj) = value else {
            return self.bad(no, Reason::NotObject);
        };
        let mut kinds = Vec::new();
        expand(&obj, 0, &mut kinds);
        self.kinds(no, kinds);
    }

    fn kinds(&mut self, no: u64, kinds: Vec<Kind>) {
        if !kinds
            .iter()
            .any(|k| matches!(k, Kind::Request { .. } | Kind::Failed(_) | Kind::Skip))
        {
            // Nothing in it is a request: the row is one bad line.
            let reason = kinds
                .iter()
                .find_map(|k| match k {
                    Kind::Bad(Reason::BadCount) => Some(Reason::BadCount),
                    _ => None,
                })
                .unwrap_or(Reason::NoFormat);
            return self.bad(no, reason);
        }
        for kind in kinds {
            match kind {
                Kind::Request {
                    format,
                    usage,
                    model,
                    time,
                } => self.request(format, usage, model, time),
                Kind::Failed(format) => match self.failed.iter_mut().find(|(f, _)| *f == format) {
                    Some((_, g)) => g.add(no),
                    None => {
                        let mut g = Group::default();
                        g.add(no);
                        self.failed.push((format, g));
                    }
                },
                Kind::Bad(reason) => self.bad(no, reason),
                Kind::Skip => {}
            }
        }
    }

    fn request(&mut self, format: Format, usage: Usage, model: Option<String>, time: Option<f64>) {
        self.input.push(usage.input);
        self.cached.push(usage.cached);
        self.output.push(usage.output);
        self.reasoning.push(usage.reasoning);
        *self.formats.entry(format).or_insert(0) += 1;
        let model = model.filter(|m| !m.trim().is_empty());
        match model {
            Some(m) if self.models.contains_key(&m) || self.models.len() < MAX_MODELS => {
                *self.models.entry(m).or_insert(0) += 1;
            }
            Some(_) => self.other_models += 1,
            None => {}
        }
        if let Some(t) = time.filter(|t| t.is_finite()) {
            self.timed += 1;
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
    }

    fn bad(&mut self, no: u64, reason: Reason) {
        self.invalid += 1;
        if let Some((_, g)) = self.errors.iter_mut().find(|(r, _)| *r == reason) {
            g.add(no);
        }
    }

    /// Adds `other`'s requests, failed calls, models and timestamps to this scan (several
    /// logs read as one; bad lines are counted but their line numbers, which are each file's,
    /// are not kept).
    pub fn merge(&mut self, other: &Scan) {
        self.input.extend_from_slice(&other.input);
        self.cached.extend_from_slice(&other.cached);
        self.output.extend_from_slice(&other.output);
        self.reasoning.extend_from_slice(&other.reasoning);
        for (&f, &n) in &other.formats {
            *self.formats.entry(f).or_insert(0) += n;
        }
        for (f, g) in &other.failed {
            match self.failed.iter_mut().find(|(mine, _)| mine == f) {
                Some((_, mine)) => mine.count += g.count,
                None => self.failed.push((
                    *f,
                    Group {
                        count: g.count,
                        lines: Vec::new(),
                    },
                )),
            }
        }
        self.invalid = self.invalid.saturating_add(other.invalid);
        for (m, &n) in &other.models {
            if self.models.contains_key(m) || self.models.len() < MAX_MODELS {
                *self.models.entry(m.clone()).or_insert(0) += n;
            } else {
                self.other_models += n;
            }
        }
        self.other_models += other.other_models;
        for t in [other.first, other.last].into_iter().flatten() {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
        }
        self.timed += other.timed;
    }

    /// What the log holds so far without the statistics of its tokens (the means, percentiles,
    /// share and histogram are left empty): the counts, formats, failed calls, errors, days and
    /// models of one log among several, whose statistics are those of the logs together.
    pub fn counts(&self) -> Report {
        let mut failed = self.failed.clone();
        failed.sort_by_key(|(f, _)| *f);
        let mut models: Vec<(String, u64)> =
            self.models.iter().map(|(m, &n)| (m.clone(), n)).collect();
        models.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if self.other_models > 0 {
            models.push((OTHER_MODELS.to_owned(), self.other_models));
        }
        Report {
            shape: self.rows.shape(),
            formats: self.formats.iter().map(|(&f, &n)| (f, n)).collect(),
            requests: self.input.len() as u64,
            failed,
            invalid: self.invalid,
            errors: self
                .errors
                .iter()
                .filter(|(_, g)| g.count > 0)
                .cloned()
                .collect(),
            days: match (self.first, self.last) {
                (Some(f), Some(l)) => Some(((l - f) / 86_400.0).max(0.0)),
                _ => None,
            },
            timed: self.timed,
            input: Stat::default(),
            cached: Stat::default(),
            output: Stat::default(),
            reasoning: Stat::default(),
            cached_share: None,
            total: Stat::default(),
            histogram: Vec::new(),
            models,
        }
    }

    /// What the log holds so far.
    pub fn report(&self) -> Report {
        let totals: Vec<u64> = (0..self.input.len())
            .map(|k| {
                let at = |v: &Vec<u32>| v.get(k).copied().unwrap_or(0) as u64;
                at(&self.input) + at(&self.output) + at(&self.reasoning)
            })
            .collect();
        let sum = |v: &[u32]| v.iter().map(|&x| x as u64).sum::<u64>();
        let (input_sum, cached_sum) = (sum(&self.input), sum(&self.cached));
        Report {
            input: Stat::of(&self.input),
            cached: Stat::of(&self.cached),
            output: Stat::of(&self.output),
            reasoning: Stat::of(&self.reasoning),
            cached_share: (input_sum > 0).then(|| cached_sum as f64 / input_sum as f64),
            histogram: histogram(&totals, HISTOGRAM_BINS),
            total: Stat::of_u64(totals),
            ..self.counts()
        }
    }
}

/// A JSON object with only the keys a usage format reads ([`KEPT`], and `gen_ai.*`); the
/// others are skipped without being copied.
struct Lean(Map<String, Value>);

/// The top-level keys the formats read.
const KEPT: [&str; 22] = [
    "usage",
    "object",
    "type",
    "model",
    "modelId",
    "modelVersion",
    "created",
    "created_at",
    "custom_id",
    "response",
    "error",
    "result",
    "usageMetadata",
    "attributes",
    "startTimeUnixNano",
    "start_time",
    "startTime",
    "status",
    "prompt_tokens",
    "completion_tokens",
    "id",
    "request_id",
];

impl<'de> serde::Deserialize<'de> for Lean {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lean, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Lean;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Lean, A::Error> {
                let mut out = Map::new();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if KEPT.contains(&key.as_ref()) || key.starts_with("gen_ai.") {
                        let value = map.next_value::<Value>()?;
                        out.insert(key.into_owned(), value);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(Lean(out))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// The name under which models past [`MAX_MODELS`] are counted.
pub const OTHER_MODELS: &str = "(other models)";

/// Mean and percentiles of one count per request.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stat {
    /// Mean per request.
    pub mean: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

impl Stat {
    /// The statistics of `values`; all 0 when empty.
    fn of(values: &[u32]) -> Stat {
        Stat::of_u64(values.iter().map(|&v| v as u64).collect())
    }

    /// The statistics of `values` (any order); all 0 when empty. The percentiles are found by
    /// selection (linear time), not by sorting, as [`percentile`] defines them.
    fn of_u64(mut values: Vec<u64>) -> Stat {
        let n = values.len();
        if n == 0 {
            return Stat::default();
        }
        let sum = values.iter().fold(0u64, |s, &v| s.saturating_add(v));
        let mut at = |p: f64| {
            let rank = p / 100.0 * (n - 1) as f64;
            let lo = (rank.floor() as usize).min(n - 1);
            let (_, &mut a, rest) = values.select_nth_unstable(lo);
            let b = rest.iter().copied().min().unwrap_or(a);
            a as f64 + (b as f64 - a as f64) * (rank - lo as f64)
        };
        Stat {
            mean: sum as f64 / n as f64,
            p10: at(10.0),
            p50: at(50.0),
            p90: at(90.0),
        }
    }
}

/// What a usage log holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The file's shape (`None`: no line).
    pub shape: Option<Shape>,
    /// Requests by format, in [`Format::ALL`]'s order.
    pub formats: Vec<(Format, u64)>,
    /// Rows with usage (`log_requests`).
    pub requests: u64,
    /// Rows without usage (failed calls) by format, with their first line numbers.
    pub failed: Vec<(Format, Group)>,
    /// Bad lines.
    pub invalid: u64,
    /// The bad lines by reason, in [`Reason::ALL`]'s order, only reasons that occur.
    pub errors: Vec<(Reason, Group)>,
    /// Last − first timestamp in days (`log_days`); `None` when no request has a timestamp.
    pub days: Option<f64>,
    /// Requests with a timestamp.
    pub timed: u64,
    /// Input tokens per request (all prompt tokens, cached included).
    pub input: Stat,
    /// Cached (read from the cache) input tokens per request.
    pub cached: Stat,
    /// Visible output tokens per request.
    pub output: Stat,
    /// Reasoning tokens per request.
    pub reasoning: Stat,
    /// Σ cached ÷ Σ input; `None` without input tokens.
    pub cached_share: Option<f64>,
    /// Tokens per request: input + visible output + reasoning.
    pub total: Stat,
    /// Histogram of tokens per request (input + visible output + reasoning).
    pub histogram: Vec<Bin>,
    /// The models seen with their request counts, most first.
    pub models: Vec<(String, u64)>,
}

impl Report {
    /// Whether any row is in a usage format (a request or a failed call).
    pub fn recognised(&self) -> bool {
        self.requests > 0 || !self.failed.is_empty()
    }

    /// Failed calls in all.
    pub fn failed_count(&self) -> u64 {
        self.failed.iter().map(|(_, g)| g.count).sum()
    }

    /// `log_requests_per_month` = requests × (365.25 ÷ 12) ÷ max(1, days), with the days from
    /// the timestamps, else `period_days` (typed: the period the file covers); `None` when
    /// neither is known (or the typed period is not a number above 0).
    pub fn requests_per_month(&self, period_days: Option<f64>) -> Option<f64> {
        let days = self
            .days
            .or(period_days.filter(|d| d.is_finite() && *d > 0.0))?;
        let r = self.requests as f64 * (365.25 / 12.0) / days.max(1.0);
        r.is_finite().then_some(r)
    }
}

/// Whether a file whose first non-blank line is `first` is a usage log (else it is read as a
/// training file): a JSON document (training files are JSONL), a CSV header naming a token
/// column, or a JSON line in a usage format or a failed call.
pub fn is_usage_log(first: &str) -> bool {
    match Rows::shape_of(first) {
        Shape::JsonDocument => true,
        Shape::Csv => {
            let lower = first.to_ascii_lowercase();
            ["tokens", "tokencount", "gen_ai.usage"]
                .iter()
                .any(|k| lower.contains(k))
        }
        Shape::JsonLines => match serde_json::from_str::<Value>(first) {
            Ok(Value::Object(o)) => {
                let mut kinds = Vec::new();
                expand(&o, 0, &mut kinds);
                kinds
                    .iter()
                    .any(|k| matches!(k, Kind::Request { .. } | Kind::Failed(_)))
            }
            _ => false,
        },
    }
}

/// Deepest nesting searched for rows inside a row (an OTLP export: resourceSpans →
/// scopeSpans → spans).
const MAX_EXPAND: usize = 3;

/// The requests (or failed calls, or bad counts) in one object: itself when it is in a usage
/// format, else the objects in its arrays (an object holding a list, an OTLP export).
fn expand(obj: &Map<String, Value>, depth: usize, out: &mut Vec<Kind>) {
    if let Some(kind) = classify(obj) {
        out.push(kind);
        return;
    }
    if depth >= MAX_EXPAND {
        return;
    }
    for value in obj.values() {
        if let Value::Array(items) = value {
            for item in items {
                if let Value::Object(o) = item {
                    expand(o, depth + 1, out);
                }
            }
        }
    }
}

/// A whole token count from a JSON value: a number (a float only when whole) or a string of
/// digits (OTLP's `intValue`, CSV). `Ok(None)` when absent or null; `Err` when not a count.
fn count(value: Option<&Value>) -> Result<Option<u32>, ()> {
    let n = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(u), _) => u,
            (None, Some(f)) if f >= 0.0 && f.fract() == 0.0 && f < 4_294_967_296.0 => f as u64,
            _ => return Err(()),
        },
        Some(Value::String(s)) => s.trim().parse::<u64>().map_err(|_| ())?,
        Some(_) => return Err(()),
    };
    u32::try_from(n).map(Some).map_err(|_| ())
}

/// The value at a path of keys.
fn at<'a>(obj: &'a Map<String, Value>, path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let mut v = obj.get(*first)?;
    for k in rest {
        v = v.get(k)?;
    }
    Some(v)
}

fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A timestamp in unix seconds: a number, or an ISO 8601 date-time string.
fn time(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64().filter(|t| t.is_finite()),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|t| t.is_finite())
            .or_else(|| iso_seconds(s)),
        _ => None,
    }
}

/// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM]` (no zone: UTC) → unix seconds.
pub fn iso_seconds(s: &str) -> Option<f64> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !(1..=12).contains(&mo) {
        return None;
    }
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, mo, d) as f64 * 86_400.0;
    if matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        let (h, mi) = (num(11, 2)?, num(14, 2)?);
        if h > 23 || mi > 59 {
            return None;
        }
        secs += (h * 3600 + mi * 60) as f64;
        let mut k = 16;
        if b.get(16) == Some(&b':') {
            let sec = num(17, 2)?;
            if sec > 60 {
                return None;
            }
            secs += sec as f64;
            k = 19;
            if b.get(19) == Some(&b'.') {
                let digits = s.get(20..)?.bytes().take_while(u8::is_ascii_digit).count();
                let frac: f64 = s.get(19..20 + digits)?.parse().ok()?;
                secs += frac;
                k = 20 + digits;
            }
        }
        match b.get(k) {
            None | Some(b'Z' | b'z') => {}
            Some(sign @ (b'+' | b'-')) => {
                let (oh, om) = (num(k + 1, 2)?, num(k + 4, 2).unwrap_or(0));
                let off = (oh * 3600 + om * 60) as f64;
                secs += if *sign == b'+' { -off } else { off };
            }
            _ => return None,
        }
    }
    Some(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Input, cached, output and reasoning from counts read; reasoning is taken out of the output
/// when `inside` (the format counts reasoning inside its output).
fn usage(
    input: Result<Option<u32>, ()>,
    cached: Result<Option<u32>, ()>,
    output: Result<Option<u32>, ()>,
    reasoning: Result<Option<u32>, ()>,
    inside: bool,
) -> Result<Usage, Reason> {
    let bad = |_| Reason::BadCount;
    let input = input.map_err(bad)?.unwrap_or(0);
    let cached = cached.map_err(bad)?.unwrap_or(0);
    let output = output.map_err(bad)?.unwrap_or(0);
    let reasoning = reasoning.map_err(bad)?.unwrap_or(0);
    let visible = if inside {
        output.checked_sub(reasoning).ok_or(Reason::BadCount)?
    } else {
        output
    };
    if cached > input {
        return Err(Reason::BadCount);
    }
    Ok(Usage {
        input,
        cached,
        output: visible,
        reasoning,
    })
}

/// Sums counts, a bad or too large sum being a bad count.
fn add(parts: &[Result<Option<u32>, ()>]) -> Result<Option<u32>, ()> {
    let mut total: u32 = 0;
    let mut any = false;
    for p in parts {
        if let Some(v) = (*p)? {
            any = true;
            total = total.checked_add(v).ok_or(())?;
        }
    }
    Ok(any.then_some(total))
}

fn request(
    format: Format,
    u: Result<Usage, Reason>,
    model: Option<String>,
    time: Option<f64>,
) -> Kind {
    match u {
        Ok(usage) => Kind::Request {
            format,
            usage,
            model,
            time,
        },
        Err(r) => Kind::Bad(r),
    }
}

/// What one object is, or `None` when it is in no usage format (its arrays may hold rows).
fn classify(o: &Map<String, Value>) -> Option<Kind> {
    let has = |k: &str| o.get(k).is_some_and(|v| !v.is_null());
    let usage_obj = o.get("usage").and_then(Value::as_object);
    // OpenAI Batch output line.
    if o.contains_key("custom_id") && (o.contains_key("response") || o.contains_key("error")) {
        if let Some(body) = at(o, &["response", "body"]).and_then(Value::as_object) {
            if let Some(Kind::Request {
                usage, model, time, ..
            }) = classify(body)
            {
                return Some(Kind::Request {
                    format: Format::OpenAiBatch,
                    usage,
                    model,
                    time,
                });
            }
            if let Some(Kind::Bad(r)) = classify(body) {
                return Some(Kind::Bad(r));
            }
        }
        if let Some(Value::Object(r)) = o.get("response") {
            if let Some(Kind::Request { usage, model, .. }) = classify(r) {
                // A Gemini batch line keeps its usage in `response`.
                return Some(Kind::Request {
                    format: Format::Gemini,
                    usage,
                    model,
                    time: None,
                });
            }
        }
        return Some(Kind::Failed(Format::OpenAiBatch));
    }
    // Anthropic Message Batches result.
    if o.contains_key("custom_id") && o.contains_key("result") {
        if let Some(m) = at(o, &["result", "message"]).and_then(Value::as_object) {
            if let Some(k @ (Kind::Request { .. } | Kind::Bad(_))) = classify(m) {
                return Some(k);
            }
        }
        return Some(Kind::Failed(Format::Anthropic));
    }
    // Gemini, top-level or inside a batch prediction line's response.
    if let Some(m) = o.get("usageMetadata").and_then(Value::as_object) {
        let c = |k: &str| count(m.get(k));
        let u = usage(
            c("promptTokenCount"),
            c("cachedContentTokenCount"),
            c("candidatesTokenCount"),
            c("thoughtsTokenCount"),
            false,
        );
        return Some(request(Format::Gemini, u, text(o, "modelVersion"), None));
    }
    if let Some(r) = o.get("response").and_then(Value::as_object) {
        if r.contains_key("usageMetadata") {
            return classify(r);
        }
    }
    if let Some(u) = usage_obj {
        let c = |path: &[&str]| {
            let (first, rest) = path.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
            let mut v = u.get(first);
            for k in rest {
                v = v.and_then(|x| x.get(k));
            }
            count(v)
        };
        let model = text(o, "model").or_else(|| text(o, "modelId"));
        if u.contains_key("prompt_tokens") {
            let x = usage(
                c(&["prompt_tokens"]),
                c(&["prompt_tokens_details", "cached_tokens"]),
                c(&["completion_tokens"]),
                c(&["completion_tokens_details", "reasoning_tokens"]),
                true,
            );
            return Some(request(
                Format::OpenAiChat,
                x,
                model,
                time(o.get("created")),
            ));
        }
        if u.contains_key("inputTokens") {
            let input = add(&[
                c(&["inputTokens"]),
                c(&["cacheReadInputTokens"]),
                c(&["cacheWriteInputTokens"]),
            ]);
            let x = usage(
                input,
                c(&["cacheReadInputTokens"]),
                c(&["outputTokens"]),
                Ok(None),
                false,
            );
            return Some(request(Format::BedrockConverse, x, model, None));
        }
        if u.contains_key("input_tokens") {
            let anthropic = o.get("type").and_then(Value::as_str) == Some("message")
                || u.contains_key("cache_creation_input_tokens")
                || u.contains_key("cache_read_input_tokens");
            let responses = o.get("object").and_then(Value::as_str) == Some("response")
                || u.contains_key("input_tokens_details")
                || o.contains_key("created_at");
            if anthropic || !responses {
                let input = add(&[
                    c(&["input_tokens"]),
                    c(&["cache_creation_input_tokens"]),
                    c(&["cache_read_input_tokens"]),
                ]);
                let x = usage(
                    input,
                    c(&["cache_read_input_tokens"]),
                    c(&["output_tokens"]),
                    c(&["output_tokens_details", "thinking_tokens"]),
                    true,
                );
                return Some(request(Format::Anthropic, x, model, None));
            }
            let x = usage(
                c(&["input_tokens"]),
                c(&["input_tokens_details", "cached_tokens"]),
                c(&["output_tokens"]),
                c(&["output_tokens_details", "reasoning_tokens"]),
                true,
            );
            return Some(request(
                Format::OpenAiResponses,
                x,
                model,
                time(o.get("created_at")),
            ));
        }
    }
    // OpenTelemetry GenAI span (attributes as a map, an OTLP key/value list, or flat columns).
    if let Some(kind) = otel(o) {
        return Some(kind);
    }
    // LiteLLM spend log row.
    if o.contains_key("prompt_tokens") && !has("usage") {
        if matches!(
            o.get("status").and_then(Value::as_str),
            Some("failure" | "failed")
        ) {
            return Some(Kind::Failed(Format::LiteLlm));
        }
        let x = usage(
            count(o.get("prompt_tokens")),
            Ok(None),
            count(o.get("completion_tokens")),
            Ok(None),
            false,
        );
        if o.get("prompt_tokens").is_some_and(Value::is_null) {
            return Some(Kind::Failed(Format::LiteLlm));
        }
        let t = time(o.get("startTime")).or_else(|| time(o.get("start_time")));
        return Some(request(Format::LiteLlm, x, text(o, "model"), t));
    }
    // Objects of a known kind without usage: failed calls.
    match o.get("object").and_then(Value::as_str) {
        Some("chat.completion" | "text_completion") => {
            return Some(Kind::Failed(Format::OpenAiChat))
        }
        Some("response") => return Some(Kind::Failed(Format::OpenAiResponses)),
        _ => {}
    }
    match o.get("type").and_then(Value::as_str) {
        Some("message" | "error") if o.contains_key("usage") || o.contains_key("error") => {
            return Some(Kind::Failed(Format::Anthropic))
        }
        _ => {}
    }
    // (Only the keys a format reads count, so a row reads the same parsed whole or lean.)
    let read_keys = o.keys().filter(|k| KEPT.contains(&k.as_str())).count();
    if has("error") && (has("id") || has("model") || read_keys == 1) {
        return Some(Kind::Failed(if o.contains_key("object") {
            Format::OpenAiChat
        } else {
            Format::Anthropic
        }));
    }
    None
}

/// The OpenTelemetry GenAI reading of a span, if it has `gen_ai.*` attributes.
fn otel(o: &Map<String, Value>) -> Option<Kind> {
    let mut attrs: Map<String, Value> = Map::new();
    match o.get("attributes") {
        Some(Value::Object(a)) => {
            for (k, v) in a {
                attrs.insert(k.clone(), v.clone());
            }
        }
        Some(Value::Array(list)) => {
            for kv in list {
                let (Some(k), Some(v)) = (kv.get("key").and_then(Value::as_str), kv.get("value"))
                else {
                    continue;
                };
                if !k.starts_with("gen_ai.") {
                    continue;
                }
                let v = match v {
                    Value::Object(any) => any
                        .get("intValue")
                        .or_else(|| any.get("stringValue"))
                        .or_else(|| any.get("doubleValue"))
                        .cloned()
                        .unwrap_or(Value::Null),
                    other => other.clone(),
                };
                attrs.insert(k.to_owned(), v);
            }
        }
        _ => {}
    }
    for (k, v) in o {
        if k.starts_with("gen_ai.") {
            attrs.insert(k.clone(), v.clone());
        }
    }
    if !attrs.keys().any(|k| k.starts_with("gen_ai.")) {
        return None;
    }
    let model =
        text(&attrs, "gen_ai.response.model").or_else(|| text(&attrs, "gen_ai.request.model"));
    let failed = at(o, &["status", "code"]).is_some_and(|c| {
        c.as_u64() == Some(2)
            || c.as_str() == Some("STATUS_CODE_ERROR")
            || c.as_str() == Some("ERROR")
    });
    let c = |k: &str| count(attrs.get(k));
    let input = if attrs.contains_key("gen_ai.usage.input_tokens") {
        c("gen_ai.usage.input_tokens")
    } else {
        c("gen_ai.usage.prompt_tokens")
    };
    let output = if attrs.contains_key("gen_ai.usage.output_tokens") {
        c("gen_ai.usage.output_tokens")
    } else {
        c("gen_ai.usage.completion_tokens")
    };
    if matches!(input, Ok(None)) && matches!(output, Ok(None)) {
        // A GenAI span without usage: a failed call when it names a model or an error, else
        // not a model call (a tool or agent span) and no row.
        return Some(if failed || model.is_some() {
            Kind::Failed(Format::OpenTelemetry)
        } else {
            Kind::Skip
        });
    }
    if failed {
        return Some(Kind::Failed(Format::OpenTelemetry));
    }
    let u = usage(
        input,
        c("gen_ai.usage.cache_read.input_tokens"),
        output,
        c("gen_ai.usage.reasoning.output_tokens"),
        true,
    );
    let t = o
        .get("startTimeUnixNano")
        .and_then(|v| time(Some(v)))
        .map(|ns| ns / 1e9)
        .or_else(|| time(o.get("start_time")))
        .or_else(|| time(o.get("startTime")));
    Some(request(Format::OpenTelemetry, u, model, t))
}
