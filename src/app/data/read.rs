//! Reading dropped training files in the page (issue 30), in the wasm chunk `datacount`,
//! fetched only when a file is dropped: the parser, the tokenizer and, for an exact encoding,
//! its vocabulary (an own-origin file fetched with its integrity and kept for the next drop).
//! Files are read in slices (`Blob.slice` + `arrayBuffer`), each slice in a task of its own,
//! with the progress in a signal and a cancel flag checked between slices. Nothing of a file
//! is stored, sent or logged: its bytes live only while their slice is read.
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::data::lines::Lines;
use crate::core::data::tokens::{
    warm_up, Count, Encoding, Estimate, Tokenizer, Vocabulary, VOCABULARY_STEP,
};
use crate::core::data::training::{Report, Scan};
use crate::core::data::usage;

/// The most bytes read per slice of a training file. Slices start at [`FIRST_SLICE`] and
/// are sized to [`SLICE_MS`] of work each (the first ones run before the browser has
/// optimized the chunk's code, several times slower than later ones).
const SLICE: f64 = 64.0 * 1024.0;

/// The most bytes read per slice of a usage log (no tokenizer: faster per byte).
const LOG_SLICE: f64 = 512.0 * 1024.0;

/// The first slice's size, in bytes.
const FIRST_SLICE: f64 = 8.0 * 1024.0;

/// The work aimed at per slice, in milliseconds: well under the 50 ms of a long task, with
/// room for a main thread that shares a busy core (a task's wall time stretches with it).
const SLICE_MS: f64 = 8.0;

/// The most bytes read to find a file's first line (to tell a usage log from training data).
const FIRST_LINE_MAX: f64 = 16.0 * 1024.0 * 1024.0;

/// What is being read, for the progress bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// The file's name.
    pub file: String,
    /// Bytes read of it.
    pub bytes: f64,
    /// Its size in bytes.
    pub total: f64,
    /// Lines read of it.
    pub lines: u64,
    /// Getting the tokenizer's vocabulary.
    pub vocabulary: bool,
}

/// The files to read and how.
pub struct Job {
    /// The files, in the order chosen.
    pub files: Vec<web_sys::File>,
    /// How tokens are counted.
    pub encoding: Encoding,
    /// Where the progress goes.
    pub progress: RwSignal<Progress>,
    /// Set to stop reading (checked between slices).
    pub cancel: RwSignal<bool>,
}

/// One file's report, or why it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// Its report, or the one message for a file that is not text.
    pub result: Result<Report, String>,
    /// Characters and UTF-8 bytes of its lines, counted with the estimate only (for the
    /// estimate's spread, `estimate_spread`); (0, 0) with an exact encoding.
    pub text: (u64, u64),
}

/// One usage log's report, or why it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct LogReport {
    /// The file's name.
    pub name: String,
    /// Its report, or the one message for a file that is not text.
    pub result: Result<usage::Report, String>,
}

/// How reading ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Every file read: the training files, the usage logs and the logs read together (their
    /// errors stay with each file).
    Done(Vec<FileReport>, Vec<LogReport>, Option<Box<usage::Report>>),
    /// Stopped by Cancel.
    Cancelled,
    /// The tokenizer could not be had (its vocabulary failed to load or its integrity).
    Failed(String),
}

/// Reads a job's files.
pub type Engine = fn(Job) -> Pin<Box<dyn Future<Output = Outcome>>>;

/// Loads the chunk `datacount` and returns its [`Engine`], or the chunk's load failure.
#[cfg(not(test))]
#[leptos::wasm_split::wasm_split(datacount, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn engine() -> Result<Engine, SplitLoaderError> {
    Ok(ENGINE)
}

/// The component tests' module has no chunk loader: there the engine comes at once.
#[cfg(test)]
pub async fn engine() -> Result<Engine, SplitLoaderError> {
    Ok(ENGINE)
}

/// [`run`] as an [`Engine`].
const ENGINE: Engine = |job| Box::pin(run(job));

thread_local! {
    /// The tokenizers built so far (one per encoding): a second drop needs no fetch.
    static TOKENIZERS: RefCell<Vec<(Encoding, Rc<Tokenizer>)>> = const { RefCell::new(Vec::new()) };
}

/// Reads every file of `job`: each is told a usage log or training data from its first line;
/// the tokenizer is loaded only for training data.
async fn run(job: Job) -> Outcome {
    let mut tokenizer: Option<Option<Rc<Tokenizer>>> = None;
    let mut out = Vec::new();
    let mut logs = Vec::new();
    let mut together = usage::Scan::new();
    for file in &job.files {
        let name = file.name();
        if job.cancel.get_untracked() {
            return Outcome::Cancelled;
        }
        if is_log(file).await {
            let mut scan = usage::Scan::new();
            let result = match read_lines(file, &job, LOG_SLICE, &mut |no, text| {
                scan.line(no, text)
            })
            .await
            {
                Err(None) => return Outcome::Cancelled,
                Err(Some(message)) => Err(message),
                Ok(()) => {
                    scan.finish();
                    together.merge(&scan);
                    // The statistics are the logs' together: each log's own are its counts.
                    Ok(scan.counts())
                }
            };
            logs.push(LogReport { name, result });
            continue;
        }
        if tokenizer.is_none() {
            tokenizer = Some(match job.encoding {
                Encoding::Estimate => None,
                e => {
                    job.progress.set(Progress {
                        vocabulary: true,
                        ..Progress::default()
                    });
                    match self::tokenizer(e).await {
                        Ok(t) => Some(t),
                        Err(message) => return Outcome::Failed(message),
                    }
                }
            });
        }
        let count: &dyn Count = match tokenizer.as_ref().and_then(Option::as_ref) {
            Some(t) => &**t,
            None => &Estimate,
        };
        let mut scan = Scan::new(count.exact());
        let mut size = (0u64, 0u64);
        let estimate = !count.exact();
        let result = match read_lines(file, &job, SLICE, &mut |no, text| {
            if estimate {
                size.0 += text.chars().count() as u64;
                size.1 += text.len() as u64;
            }
            scan.line(no, text, count)
        })
        .await
        {
            Err(None) => return Outcome::Cancelled,
            Err(Some(message)) => Err(message),
            Ok(()) => Ok(scan.report()),
        };
        out.push(FileReport {
            name,
            result,
            text: size,
        });
    }
    let together = (!logs.is_empty()).then(|| Box::new(together.report()));
    mark("ft-roi:data-read");
    Outcome::Done(out, logs, together)
}

/// Reads `file`'s lines in slices of `size` bytes into `each`, with the progress and the
/// cancel flag; `Err(None)` when cancelled, `Err(Some(message))` when the file cannot be read
/// or is not text.
async fn read_lines(
    file: &web_sys::File,
    job: &Job,
    size: f64,
    each: &mut dyn FnMut(u64, &str),
) -> Result<(), Option<String>> {
    let name = file.name();
    let total = file.size();
    let mut lines = Lines::new();
    let mut each = |no: u64, text: &str| each(no, text);
    let mut offset = 0.0;
    let mut step = FIRST_SLICE.min(size);
    while offset < total {
        if job.cancel.get_untracked() {
            return Err(None);
        }
        let end = (offset + step).min(total);
        match slice(file, offset, end).await {
            Ok(bytes) => {
                let start = now();
                lines.push(&bytes, &mut each);
                // The next slice sized to SLICE_MS at the speed of this one.
                let took = now() - start;
                if took > 0.0 {
                    let rate = (end - offset) / took;
                    step = (rate * SLICE_MS).clamp(FIRST_SLICE, size);
                } else {
                    step = (step * 2.0).min(size);
                }
            }
            Err(()) => {
                return Err(Some(
                    "The file could not be read (was it moved or deleted?).".to_owned(),
                ))
            }
        }
        offset = end;
        job.progress.set(Progress {
            file: name.clone(),
            bytes: offset,
            total,
            lines: lines.lines(),
            vocabulary: false,
        });
        if lines.problem().is_some() {
            break;
        }
    }
    if job.cancel.get_untracked() {
        return Err(None);
    }
    lines.finish(&mut each).map_err(|p| Some(p.to_string()))
}

/// Whether `file` is a usage log, from its first non-blank line ([`usage::is_usage_log`]).
async fn is_log(file: &web_sys::File) -> bool {
    let total = file.size();
    let mut lines = Lines::new();
    let mut first: Option<String> = None;
    let mut offset = 0.0;
    while offset < total.min(FIRST_LINE_MAX) && first.is_none() {
        let end = (offset + SLICE).min(total);
        let Ok(bytes) = slice(file, offset, end).await else {
            return false;
        };
        lines.push(&bytes, &mut |_, text| {
            if first.is_none() {
                first = Some(text.to_owned());
            }
        });
        if lines.problem().is_some() {
            return false;
        }
        offset = end;
    }
    if first.is_none() && offset >= total {
        let _ = lines.finish(&mut |_, text| {
            if first.is_none() {
                first = Some(text.to_owned());
            }
        });
    }
    first.is_some_and(|line| usage::is_usage_log(&line))
}

/// How long the vocabulary is read before yielding to the event loop, in milliseconds.
const YIELD_AFTER_MS: f64 = 8.0;

/// Marks a phase on the page's performance timeline (`performance.mark`), so a profile or
/// `tools/data-bench.mjs` can tell where the time of a drop goes; names only, nothing of a file.
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The page's clock in milliseconds (`performance.now()`), 0 without one.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a later task (`setTimeout(0)`), so the browser can paint and handle input
/// in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        } else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Bytes `from..to` of `file` (a task of their own: the read resolves later).
async fn slice(file: &web_sys::File, from: f64, to: f64) -> Result<Vec<u8>, ()> {
    let blob = file.slice_with_f64_and_f64(from, to).map_err(|_| ())?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The tokenizer of `encoding`: built once from its vocabulary, fetched from the page's origin
/// with its subresource integrity (the browser refuses a file that differs) and cached by the
/// browser like any file of the page.
async fn tokenizer(encoding: Encoding) -> Result<Rc<Tokenizer>, String> {
    if let Some(t) = TOKENIZERS.with_borrow(|all| {
        all.iter()
            .find(|(e, _)| *e == encoding)
            .map(|(_, t)| t.clone())
    }) {
        return Ok(t);
    }
    let failed = || {
        format!(
            "The {} vocabulary could not be loaded, so tokens cannot be counted exactly. Check the connection and drop the file again, or pick the estimate.",
            encoding.name()
        )
    };
    let (Some(file), Some(integrity)) = (encoding.file(), encoding.integrity()) else {
        return Err(failed());
    };
    let window = web_sys::window().ok_or_else(failed)?;
    let init = web_sys::RequestInit::new();
    init.set_integrity(integrity);
    let response = JsFuture::from(window.fetch_with_str_and_init(file, &init))
        .await
        .map_err(|_| failed())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    mark("ft-roi:vocabulary-fetched");
    let text = js_sys::Uint8Array::new(&buffer).to_vec();
    // Read in steps, yielding to the event loop whenever a task has run for 8 ms, so no
    // main-thread task runs over 50 ms.
    let mut vocabulary = Vocabulary::new(encoding, text).map_err(|_| failed())?;
    next_task().await;
    let mut since = now();
    while !vocabulary.step(VOCABULARY_STEP).map_err(|_| failed())? {
        if now() - since > YIELD_AFTER_MS {
            next_task().await;
            since = now();
        }
    }
    mark("ft-roi:vocabulary-read");
    next_task().await;
    warm_up();
    mark("ft-roi:regex-warmed");
    next_task().await;
    let built = Rc::new(vocabulary.finish().map_err(|_| failed())?);
    mark("ft-roi:tokenizer-built");
    next_task().await;
    TOKENIZERS.with_borrow_mut(|all| all.push((encoding, built.clone())));
    Ok(built)
}
