//! Usage logs in "From your data" (issue 30): each log's formats, failed calls and bad lines
//! with their line numbers; the logs' figures `log_*` read together, the models seen, a
//! histogram of tokens per request, the period asked for when no row has a timestamp; **Use
//! these numbers** fills the baseline's token builder and the monthly requests, and ranges can
//! be set from the 10th and 90th percentiles. Only numbers go to the inputs, never the file.

use leptos::prelude::*;

use super::read::LogReport;
use crate::app::results::metric::Tile;
use crate::app::shell::state::use_calc;
use crate::core::data::usage::{Report, Stat, UNKNOWN_FORMAT};
use crate::core::inputs::number::{parse_number, DecimalMark};
use crate::core::present::float;
use crate::core::present::format::Fmt;
use crate::core::Field;

/// The logs' reports and, read together, their figures.
#[component]
pub fn LogView(
    /// Each log's report.
    logs: Vec<LogReport>,
    /// The logs read together.
    together: Option<Box<Report>>,
) -> impl IntoView {
    view! {
        {logs.into_iter().map(|l| view! { <LogFileView log=l/> }).collect_view()}
        {together.filter(|r| r.requests > 0).map(|r| view! { <LogFigures report=*r/> })}
    }
}

/// `n one` or `n many`.
fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Line numbers, with `…` when there are more than shown.
fn lines(count: u64, lines: &[u64]) -> String {
    let list = lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let more = if count > lines.len() as u64 {
        ", …"
    } else {
        ""
    };
    format!("{list}{more}")
}

/// One log's report.
#[component]
fn LogFileView(
    /// The report.
    log: LogReport,
) -> impl IntoView {
    let body = match log.result {
        Err(message) => {
            view! { <p class="error" role="alert" data-testid="log-file-message">{message}</p> }
                .into_any()
        }
        Ok(r) if !r.recognised() => view! {
            <p class="error" role="alert" data-testid="log-file-message">{UNKNOWN_FORMAT}</p>
        }
        .into_any(),
        Ok(r) => {
            let formats = r
                .formats
                .iter()
                .map(|(f, n)| format!("{} ({n})", f.label()))
                .collect::<Vec<_>>()
                .join(", ");
            let summary = format!(
                "Usage log: {}. {}, {} without usage, {}.",
                if formats.is_empty() {
                    "no request with usage"
                } else {
                    &formats
                },
                plural(r.requests, "request", "requests"),
                plural(r.failed_count(), "failed call", "failed calls"),
                plural(r.invalid, "bad line", "bad lines"),
            );
            let failed = r
                .failed
                .iter()
                .map(|(f, g)| {
                    let text = format!(
                        "{}: {} without usage, not counted (line{} {})",
                        f.label(),
                        plural(g.count, "call", "calls"),
                        if g.lines.len() == 1 { "" } else { "s" },
                        lines(g.count, &g.lines)
                    );
                    view! { <li data-log-format=f.key()>{text}</li> }
                })
                .collect_view();
            let errors = r
                .errors
                .iter()
                .map(|(reason, g)| {
                    let text = format!(
                        "{}: {} ({})",
                        reason.label(),
                        plural(g.count, "line", "lines"),
                        lines(g.count, &g.lines)
                    );
                    view! { <li data-reason=reason.key()>{text}</li> }
                })
                .collect_view();
            let has_errors = !r.errors.is_empty();
            let has_failed = !r.failed.is_empty();
            view! {
                <p>{summary}</p>
                <Show when=move || has_failed>
                    <p class="label">"Failed calls (no usage: counted apart, never guessed)"</p>
                </Show>
                <ul class="data-warnings" data-testid="log-failed">{failed}</ul>
                <Show when=move || has_errors>
                    <p class="label">"Errors (these lines are not counted)"</p>
                </Show>
                <ul class="data-errors" data-testid="log-errors">{errors}</ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="data-file" data-testid="log-file-report">
            <h4>{log.name}</h4>
            {body}
        </div>
    }
}

/// A number for an input: rounded to `decimals`, written as typed (never `{}` on an f64).
fn typed(x: f64, decimals: i32) -> String {
    let scale = 10f64.powi(decimals);
    float::display((x * scale).round() / scale)
}

/// A range end in % around `mean`: how far `at` lies from it, within `lo..=hi`; `None` when
/// the mean is 0.
fn end(at: f64, mean: f64, lo: f64, hi: f64) -> Option<f64> {
    (mean > 0.0)
        .then(|| ((at / mean - 1.0) * 100.0).clamp(lo, hi))
        .filter(|v| v.is_finite())
}

/// The logs' figures, models, histogram, the period when no row has a timestamp, Use these
/// numbers and the ranges.
#[component]
fn LogFigures(
    /// The logs read together (with requests).
    report: Report,
) -> impl IntoView {
    let calc = use_calc();
    let r = report;
    let period_text = RwSignal::new(String::new());
    let period = Memo::new(move |_| {
        let t = period_text.get();
        let t = t.trim();
        if t.is_empty() {
            return Ok(None);
        }
        let mark = DecimalMark::of_locale(&calc.field(Field::Locale).get());
        match parse_number(t, mark) {
            Ok(d) if d > 0.0 && d <= 36_525.0 => Ok(Some(d)),
            _ => Err("Days the file covers: a number above 0 (at most 36,525)."),
        }
    });
    let report = r.clone();
    let per_month = Memo::new(move |_| report.requests_per_month(period.get().ok().flatten()));
    let v = |x: Option<f64>| Signal::derive(move || x);
    let used = RwSignal::new(false);
    let ranged = RwSignal::new(false);
    let (input, cached, output, reasoning, total) =
        (r.input, r.cached, r.output, r.reasoning, r.total);
    let share = r.cached_share.map(|s| s * 100.0);
    let use_numbers = move |_| {
        let set = |field: Field, text: String| calc.field(field).set(text);
        set(Field::CostMode, "tokens".to_owned());
        set(Field::BaseInputTokens, typed(input.mean, 2));
        set(Field::BaseOutputTokens, typed(output.mean, 2));
        set(Field::BaseReasoningTokens, typed(reasoning.mean, 2));
        set(Field::BaseCacheShare, typed(share.unwrap_or(0.0), 2));
        if let Some(m) = per_month.get_untracked() {
            set(Field::Requests, typed(m, 0));
        }
        used.set(true);
    };
    let set_ranges = move |_| {
        let set = |field: Field, x: Option<f64>| {
            if let Some(x) = x {
                calc.field(field).set(typed(x, 1));
            }
        };
        set(Field::BaselineLow, end(total.p10, total.mean, -100.0, 0.0));
        set(Field::BaselineHigh, end(total.p90, total.mean, 0.0, 1000.0));
        set(
            Field::BaseReasoningTokensLow,
            end(reasoning.p10, reasoning.mean, -100.0, 0.0),
        );
        set(
            Field::BaseReasoningTokensHigh,
            end(reasoning.p90, reasoning.mean, 0.0, 1000.0),
        );
        ranged.set(true);
    };
    let stats = |name: &'static str, s: Stat| {
        let names: [&'static str; 4] = match name {
            "log_input_tokens" => [
                "log_input_tokens",
                "log_input_tokens_p10",
                "log_input_tokens_p50",
                "log_input_tokens_p90",
            ],
            "log_cached_tokens" => [
                "log_cached_tokens",
                "log_cached_tokens_p10",
                "log_cached_tokens_p50",
                "log_cached_tokens_p90",
            ],
            "log_output_tokens" => [
                "log_output_tokens",
                "log_output_tokens_p10",
                "log_output_tokens_p50",
                "log_output_tokens_p90",
            ],
            _ => [
                "log_reasoning_tokens",
                "log_reasoning_tokens_p10",
                "log_reasoning_tokens_p50",
                "log_reasoning_tokens_p90",
            ],
        };
        let labels: [&'static str; 4] = match name {
            "log_input_tokens" => [
                "Input tokens per request, mean",
                "Input tokens, 10th percentile",
                "Input tokens, median",
                "Input tokens, 90th percentile",
            ],
            "log_cached_tokens" => [
                "Cached input tokens per request, mean",
                "Cached input tokens, 10th percentile",
                "Cached input tokens, median",
                "Cached input tokens, 90th percentile",
            ],
            "log_output_tokens" => [
                "Output tokens per request, mean",
                "Output tokens, 10th percentile",
                "Output tokens, median",
                "Output tokens, 90th percentile",
            ],
            _ => [
                "Reasoning tokens per request, mean",
                "Reasoning tokens, 10th percentile",
                "Reasoning tokens, median",
                "Reasoning tokens, 90th percentile",
            ],
        };
        let values = [s.mean, s.p10, s.p50, s.p90];
        names
            .into_iter()
            .zip(labels)
            .zip(values)
            .map(|((n, l), x)| view! { <Tile name=n label=l value=v(Some(x)) format=Fmt::number/> })
            .collect_view()
    };
    let top = r
        .histogram
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let bars = r
        .histogram
        .iter()
        .map(|b| {
            let width = format!("{}%", b.count * 60 / top);
            let text = format!("{}–{} tokens: {}", b.from, b.to, b.count);
            view! {
                <li><span class="bar" style:width=width></span><span class="bar-label">{text}</span></li>
            }
        })
        .collect_view();
    let models = r
        .models
        .iter()
        .map(|(m, n)| {
            let (m, n) = (m.clone(), *n);
            view! { <tr><td>{m}</td><td data-value=n.to_string()>{n}</td></tr> }
        })
        .collect_view();
    let has_models = !r.models.is_empty();
    let no_time = r.days.is_none();
    view! {
        <h4>"Usage: the logs together"</h4>
        {no_time.then(|| view! {
            <label class="field">
                <span class="label">"Days the file covers"</span>
                <input
                    name="log_period_days"
                    inputmode="decimal"
                    placeholder="30"
                    prop:value=move || period_text.get()
                    on:input=move |ev| period_text.set(event_target_value(&ev))
                    aria-invalid=move || period.get().is_err().then_some("true")
                />
                <span class="hint">"This format has no timestamps: say how many days the log covers to get the monthly requests."</span>
                {move || period.get().err().map(|m| view! { <span class="error" role="alert">{m}</span> })}
            </label>
        })}
        <dl class="rows data-figures">
            <Tile name="log_requests" label="Requests with usage" value=v(Some(r.requests as f64)) format=Fmt::count/>
            <Tile name="log_failed" label="Failed calls (no usage)" value=v(Some(r.failed_count() as f64)) format=Fmt::count/>
            <Tile name="log_invalid" label="Bad lines" value=v(Some(r.invalid as f64)) format=Fmt::count/>
            <Tile name="log_days" label="Days covered" value=v(r.days) format=Fmt::months undefined="no timestamps"/>
            <Tile name="log_requests_per_month" label="Requests per month" value=per_month format=Fmt::count undefined="type the days covered"/>
            <Tile name="log_cached_share" label="Cached share of input" value=v(share) format=Fmt::percent/>
            {stats("log_input_tokens", input)}
            {stats("log_cached_tokens", cached)}
            {stats("log_output_tokens", output)}
            {stats("log_reasoning_tokens", reasoning)}
        </dl>
        <ol class="data-histogram" data-chart="log_tokens_histogram" aria-label="Tokens per request (input, output and reasoning), histogram">{bars}</ol>
        {has_models.then(|| view! {
            <table class="log-models" data-testid="log-models">
                <thead><tr><th scope="col">"Model"</th><th scope="col">"Requests"</th></tr></thead>
                <tbody>{models}</tbody>
            </table>
        })}
        <button type="button" data-testid="log-use" on:click=use_numbers>"Use these numbers"</button>
        <p class="hint">"Fills the baseline's token builder (request costs from tokens): input, output and reasoning tokens per request, cached share, and the monthly requests."</p>
        <Show when=move || used.get()>
            <p class="hint" role="status" data-testid="log-used">
                {move || if per_month.get().is_some() {
                    "Filled: the baseline's tokens per request, cached share and monthly requests."
                } else {
                    "Filled: the baseline's tokens per request and cached share. Type the days the log covers to fill the monthly requests too."
                }}
            </p>
        </Show>
        <button type="button" data-testid="log-ranges" on:click=set_ranges>"Set ranges from the 10th and 90th percentiles"</button>
        <p class="hint">"For the simulation: the baseline cost per request ranges as the tokens per request do (10th and 90th percentiles around the mean), and the reasoning tokens as theirs."</p>
        <Show when=move || ranged.get()>
            <p class="hint" role="status" data-testid="log-ranged">"Ranges set: see the simulation's inputs."</p>
        </Show>
    }
}
