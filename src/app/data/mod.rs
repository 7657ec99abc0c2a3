//! "From your data" (issue 30): a training file dropped or picked is read in the page (its
//! reader in the chunk `datacount`, fetched only on a drop: [`read`]) into the figures
//! `data_*`, the errors by reason with line numbers and the warnings; **Use these numbers**
//! fills the training builder, so the scenario and its link carry numbers, never the file.
//! This section's view is in the chunk `data`, built after the first paint.

pub mod logs;
pub mod read;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::results::metric::Tile;
use crate::app::shell::state::use_calc;
use crate::core::data::tokens::{
    estimate_spread, training_range, Encoding, ESTIMATE_SOURCE, SPREAD_SOURCE,
};
use crate::core::data::training::{combine, Figures, Report, Warning, UNKNOWN_FORMAT};
use crate::core::inputs::parse::{parse_field, DecimalMark};
use crate::core::present::float;
use crate::core::present::format::Fmt;
use crate::core::Field;
use read::{FileReport, Job, Outcome, Progress};

/// The section: picker and drop zone, tokenizer and epochs, progress, reports, figures.
#[component]
pub fn DataSection() -> impl IntoView {
    let calc = use_calc();
    // The encoding follows the fine-tuned model until the user picks one.
    let chosen = RwSignal::new(None::<Encoding>);
    let encoding = Memo::new(move |_| {
        chosen.get().unwrap_or_else(|| {
            Encoding::for_model(&calc.field(Field::FtModel).get()).unwrap_or(Encoding::O200k)
        })
    });
    let epochs_text = RwSignal::new(String::new());
    let progress = RwSignal::new(Progress::default());
    let cancel = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<(Encoding, Outcome)>);

    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() || busy.get_untracked() {
            return;
        }
        let used = encoding.get_untracked();
        cancel.set(false);
        busy.set(true);
        outcome.set(None);
        progress.set(Progress::default());
        spawn_local(async move {
            let result = match read::engine().await {
                Ok(engine) => {
                    engine(Job {
                        files,
                        encoding: used,
                        progress,
                        cancel,
                    })
                    .await
                }
                Err(_) => Outcome::Failed(
                    "The file reader could not be loaded (a failed or blocked request). Drop the file again to retry; the rest of the page works."
                        .to_owned(),
                ),
            };
            busy.try_set(false);
            outcome.try_set(Some((used, result)));
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = input.files().map(files_of).unwrap_or_default();
        // Picking the same file again reads it again.
        input.set_value("");
        start(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(files_of)
            .unwrap_or_default();
        start(files);
    };

    // Epochs typed, else auto; a bad entry is said on the field and counts as auto.
    let epochs = Memo::new(move |_| {
        let t = epochs_text.get();
        let t = t.trim();
        if t.is_empty() || t.eq_ignore_ascii_case("auto") {
            Ok(None)
        } else {
            match t.parse::<u64>() {
                Ok(n) if (1..=100).contains(&n) => Ok(Some(n)),
                _ => Err("Epochs: a whole number from 1 to 100, or empty for auto."),
            }
        }
    });
    let price = Memo::new(move |_| {
        let mark = DecimalMark::of_locale(&calc.field(Field::Locale).get());
        parse_field(
            Field::TrainPrice,
            &calc.field(Field::TrainPrice).get(),
            mark,
        )
        .ok()
    });
    let combined = Memo::new(move |_| {
        outcome.with(|o| match o {
            Some((_, Outcome::Done(files, _, _))) => {
                let ok: Vec<&Report> = files
                    .iter()
                    .filter_map(|f| f.result.as_ref().ok())
                    .collect();
                combine(&ok)
            }
            _ => None,
        })
    });
    // With the estimate: where the other stated ratio puts the tokens, from the files' text.
    let spread = Memo::new(move |_| {
        outcome.with(|o| match o {
            Some((Encoding::Estimate, Outcome::Done(files, _, _))) => {
                let (chars, bytes) = files
                    .iter()
                    .filter(|f| f.result.is_ok())
                    .fold((0, 0), |(c, b), f| (c + f.text.0, b + f.text.1));
                estimate_spread(chars, bytes)
            }
            _ => None,
        })
    });
    let figures = Memo::new(move |_| {
        combined.with(|c| {
            c.as_ref()
                .map(|r| r.figures(epochs.get().ok().flatten(), price.get()))
        })
    });

    view! {
        <p class="hint">
            "Drop a training file (JSONL: OpenAI chat or preference, Amazon Bedrock Claude or Nova, Vertex AI Gemini, Together) to count its examples and tokens, or a usage log (JSONL, JSON or CSV from OpenAI, Anthropic, Gemini, Bedrock, LiteLLM or OpenTelemetry) to get your requests and tokens per request. It is read here, in your browser: nothing of it is sent, stored or put in the link."
        </p>
        <div class="fields">
            <label class="field">
                <span class="label">"Tokenizer"</span>
                <select
                    name="data_encoding"
                    prop:value=move || encoding.get().name()
                    on:change=move |ev| chosen.set(Encoding::from_name(&event_target_value(&ev)))
                >
                    {Encoding::ALL
                        .into_iter()
                        .map(|e| view! { <option value=e.name()>{e.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="label">"Epochs"</span>
                <input
                    name="data_epochs"
                    inputmode="numeric"
                    placeholder="auto"
                    prop:value=move || epochs_text.get()
                    on:input=move |ev| epochs_text.set(event_target_value(&ev))
                    aria-invalid=move || epochs.get().is_err().then_some("true")
                />
                {move || epochs.get().err().map(|m| view! { <span class="error" role="alert">{m}</span> })}
            </label>
        </div>
        <div
            class="data-drop"
            data-testid="data-drop"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <label>
                "Drop training files or usage logs here, or choose: "
                <input type="file" multiple data-testid="data-file" accept=".jsonl,.json,.txt,.csv" on:change=on_pick/>
            </label>
        </div>
        <Show when=move || busy.get()>
            <ProgressBar progress cancel/>
        </Show>
        {move || outcome.get().map(|(used, o)| match o {
            Outcome::Cancelled => view! {
                <p class="data-message" data-testid="data-message">"Cancelled: nothing was counted."</p>
            }.into_any(),
            Outcome::Failed(m) => view! {
                <p class="data-message error" role="alert" data-testid="data-message">{m}</p>
            }.into_any(),
            Outcome::Done(files, logs, together) => view! {
                {(!files.is_empty()).then(|| view! { <FileReports files used/> })}
                {(!logs.is_empty()).then(|| view! { <logs::LogView logs together/> })}
            }.into_any(),
        })}
        {move || figures.get().map(|f| view! { <DataFigures figures=f combined spread/> })}
    }
}

/// The files of a `FileList`.
fn files_of(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|k| list.get(k)).collect()
}

/// Lines and bytes read, with Cancel.
#[component]
fn ProgressBar(
    /// What is read.
    progress: RwSignal<Progress>,
    /// Set by Cancel.
    cancel: RwSignal<bool>,
) -> impl IntoView {
    let calc = use_calc();
    let text = move || {
        let p = progress.get();
        let fmt = calc.fmt.get();
        if p.vocabulary {
            "Loading the tokenizer…".to_owned()
        } else {
            format!(
                "{}: {} lines, {} of {} bytes",
                p.file,
                fmt.count(p.lines as f64),
                fmt.count(p.bytes),
                fmt.count(p.total)
            )
        }
    };
    view! {
        <div class="data-progress" data-testid="data-progress">
            <progress
                max=move || (progress.get().total.max(1.0) as u64).to_string()
                value=move || (progress.get().bytes as u64).to_string()
                aria-label="Reading the file"
            ></progress>
            <span role="status">{text}</span>
            <button type="button" data-testid="data-cancel" on:click=move |_| cancel.set(true)>"Cancel"</button>
        </div>
    }
}

/// Each file's errors, warnings or message.
#[component]
fn FileReports(
    /// The files' reports.
    files: Vec<FileReport>,
    /// The encoding they were counted with.
    used: Encoding,
) -> impl IntoView {
    let exact = used != Encoding::Estimate;
    view! {
        <p class="hint" data-testid="data-counted-with">
            {if exact {
                format!("Tokens counted exactly with {}.", used.name())
            } else {
                format!("Tokens are {ESTIMATE_SOURCE}.")
            }}
        </p>
        {files.into_iter().map(|f| view! { <FileReportView file=f/> }).collect_view()}
    }
}

/// One file's report.
#[component]
fn FileReportView(
    /// The report.
    file: FileReport,
) -> impl IntoView {
    let name = file.name.clone();
    let format = file
        .result
        .as_ref()
        .ok()
        .and_then(|r| r.format)
        .map(|f| f.key());
    let body = match file.result {
        Err(message) => {
            view! { <p class="error" role="alert" data-testid="data-file-message">{message}</p> }
                .into_any()
        }
        Ok(r) if r.format.is_none() => view! {
            <p class="error" role="alert" data-testid="data-file-message">{UNKNOWN_FORMAT}</p>
        }
        .into_any(),
        Ok(r) => {
            let lines = |l: &[u64]| l.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
            let errors = r
                .errors
                .iter()
                .map(|(reason, g)| {
                    let more = if g.count > g.lines.len() as u64 {
                        ", …"
                    } else {
                        ""
                    };
                    let text = format!(
                        "{}: {} line{} ({}{more})",
                        reason.label(),
                        g.count,
                        if g.count == 1 { "" } else { "s" },
                        lines(&g.lines)
                    );
                    view! { <li data-reason=reason.key()>{text}</li> }
                })
                .collect_view();
            let max = r.rules.max_tokens.unwrap_or(0);
            let warnings = r
                .warnings
                .iter()
                .map(|(w, g)| {
                    let at = match g.lines.len() {
                        0 => String::new(),
                        1 => format!(" (line {})", lines(&g.lines)),
                        _ => format!(" (lines {})", lines(&g.lines)),
                    };
                    let n = |one: &str, many: &str| {
                        format!("{} {}", g.count, if g.count == 1 { one } else { many })
                    };
                    let text = match w {
                        Warning::FewExamples => format!(
                            "{} valid example{}: {} needs at least {}{}.",
                            g.count,
                            if g.count == 1 { "" } else { "s" },
                            r.rules.provider,
                            r.rules.min_examples,
                            if r.rules.provider == "OpenAI" {
                                " (50 to 100 recommended)"
                            } else {
                                ""
                            }
                        ),
                        Warning::NoSystem => {
                            format!("{} without a system message{at}.", n("example", "examples"))
                        }
                        Warning::NoUser => {
                            format!("{} without a user message{at}.", n("example", "examples"))
                        }
                        Warning::OverMaximum => format!(
                            "{} over {max} tokens: each is trained, and counted, up to {max}{at}.",
                            n("example", "examples")
                        ),
                    };
                    view! { <li data-warning=w.key()>{text}</li> }
                })
                .collect_view();
            // An OpenAI encoding on another provider's file is not that provider's tokenizer.
            let estimate = match r.format {
                Some(f) if !f.openai() && r.exact => " Its tokens are an estimate: counted with an OpenAI encoding, not this provider's tokenizer.",
                _ => "",
            };
            let summary = format!(
                "{}: {}, {} valid example{}, {} bad line{}.{estimate}",
                "Format",
                r.format.map_or("", |f| f.label()),
                r.examples,
                if r.examples == 1 { "" } else { "s" },
                r.invalid,
                if r.invalid == 1 { "" } else { "s" }
            );
            view! {
                <p>{summary}</p>
                <Show when={let e = !r.errors.is_empty(); move || e}>
                    <p class="label">"Errors (these lines are not counted)"</p>
                </Show>
                <ul class="data-errors" data-testid="data-errors">{errors}</ul>
                <Show when={let w = !r.warnings.is_empty(); move || w}>
                    <p class="label">"Warnings"</p>
                </Show>
                <ul class="data-warnings" data-testid="data-warnings">{warnings}</ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="data-file" data-testid="data-file-report" data-format=format>
            <h4>{name}</h4>
            {body}
        </div>
    }
}

/// The figures of the files together, the statistics, the histogram and Use these numbers.
#[component]
fn DataFigures(
    /// The figures.
    figures: Figures,
    /// The files together.
    combined: Memo<Option<Report>>,
    /// With the estimate, its spread on the tokens (low and high ends in %).
    spread: Memo<Option<(f64, f64)>>,
) -> impl IntoView {
    let calc = use_calc();
    let f = figures;
    let v = |x: Option<f64>| Signal::derive(move || x);
    let stat = move |pick: fn(&crate::core::data::stats::Summary) -> f64| {
        Signal::derive(move || {
            combined.with(|c| c.as_ref().and_then(|r| r.per_example.as_ref().map(pick)))
        })
    };
    let use_numbers = move |_| {
        let set = |field: Field, text: String| calc.field(field).set(text);
        set(Field::TrainingMode, "itemized".to_owned());
        set(Field::ComputeMode, "tokens".to_owned());
        set(Field::LabelExamples, f.examples.to_string());
        if let Some(t) = f.tokens_per_example {
            set(Field::TrainTokens, t.to_string());
        }
        if let Some(e) = f.epochs {
            set(Field::TrainEpochs, e.to_string());
        }
    };
    // Use these numbers, then the training cost's range from the estimate's spread, scaled
    // by the share of the training cost its tokens price (compute ÷ T of the builder).
    let ranged = RwSignal::new(None::<bool>);
    let use_with_ranges = move |ev| {
        use_numbers(ev);
        let Some(spread) = spread.get_untracked() else {
            return;
        };
        let parts =
            untrack(|| calc.parsed(|p| p.and_then(|p| p.investment).map(|i| (i.compute, i.total))));
        match parts.and_then(|(compute, total)| training_range(spread, compute, total)) {
            Some((low, high)) => {
                calc.field(Field::TrainingLow).set(float::display(low));
                calc.field(Field::TrainingHigh).set(float::display(high));
                ranged.set(Some(true));
            }
            None => ranged.set(Some(false)),
        }
    };
    let spread_text = move || {
        spread.get().map(|(low, high)| {
            let fmt = calc.fmt.get();
            format!(
                "At {SPREAD_SOURCE}, these files would count {} to {} of the tokens above.",
                fmt.percent(100.0 + low),
                fmt.percent(100.0 + high)
            )
        })
    };
    let bars = move || {
        combined.with(|c| {
            let bins = c.as_ref().map(|r| r.histogram.clone()).unwrap_or_default();
            let top = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
            bins.into_iter()
                .map(|b| {
                    let width = format!("{}%", b.count * 60 / top);
                    let text = format!("{}–{} tokens: {}", b.from, b.to, b.count);
                    view! {
                        <li><span class="bar" style:width=width></span><span class="bar-label">{text}</span></li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <dl class="rows data-figures">
            <Tile name="data_examples" label="Valid examples" value=v(Some(f.examples as f64)) format=Fmt::count/>
            <Tile name="data_invalid" label="Bad lines" value=v(Some(f.invalid as f64)) format=Fmt::count/>
            <Tile name="data_tokens" label="Tokens, one pass" value=v(Some(f.tokens as f64)) format=Fmt::count/>
            <Tile name="data_epochs" label="Epochs" value=v(f.epochs.map(|e| e as f64)) format=Fmt::count/>
            <Tile name="data_trained_tokens" label="Trained tokens" value=v(f.trained_tokens.map(|t| t as f64)) format=Fmt::count/>
            <Tile name="data_training_cost" label="Training cost" value=v(f.training_cost) format=Fmt::money undefined="no training price"/>
            <Tile name="data_example_tokens_mean" label="Tokens per example, mean" value=stat(|s| s.mean) format=Fmt::count/>
            <Tile name="data_example_tokens_p50" label="Tokens per example, median" value=stat(|s| s.p50) format=Fmt::count/>
            <Tile name="data_example_tokens_p95" label="Tokens per example, 95th percentile" value=stat(|s| s.p95) format=Fmt::count/>
            <Tile name="data_example_tokens_max" label="Tokens per example, largest" value=stat(|s| s.max as f64) format=Fmt::count/>
        </dl>
        <ol class="data-histogram" data-chart="data_tokens_histogram" aria-label="Tokens per example, histogram">{bars}</ol>
        <button type="button" data-testid="data-use" on:click=use_numbers>"Use these numbers"</button>
        <p class="hint">"Fills the training builder: examples, tokens per example (rounded up), epochs; the training price is the builder's."</p>
        <Show when=move || spread.get().is_some()>
            <p class="hint" data-testid="data-spread">{spread_text}</p>
            <button type="button" data-testid="data-use-ranges" on:click=use_with_ranges>"Use these numbers, with ranges"</button>
            <p class="hint">"The tokens are an estimate: this also sets the training cost's range for the simulation, between the two ratios, scaled by the share of the training cost the tokens price."</p>
        </Show>
        {move || ranged.get().map(|ok| if ok {
            view! { <p class="hint" role="status" data-testid="data-ranged">"Ranges set: see the simulation's inputs."</p> }.into_any()
        } else {
            view! { <p class="error" role="alert" data-testid="data-ranged">"No range set: the training cost is 0 or a field of the builder is invalid."</p> }.into_any()
        })}
    }
}
