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
use crate::core::data::tokens::{Count, Encoding, Estimate, Tokenizer};
use crate::core::data::training::{Report, Scan};

/// Bytes read per slice: small enough that counting one slice stays well under 50 ms.
const SLICE: f64 = 64.0 * 1024.0;

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
}

/// How reading ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Every file read.
    Done(Vec<FileReport>),
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

/// Reads every file of `job`.
async fn run(job: Job) -> Outcome {
    let tokenizer = match job.encoding {
        Encoding::Estimate => None,
        e => {
            job.progress.set(Progress {
                vocabulary: true,
                ..Progress::default()
            });
            match tokenizer(e).await {
                Ok(t) => Some(t),
                Err(message) => return Outcome::Failed(message),
            }
        }
    };
    let count: &dyn Count = match &tokenizer {
        Some(t) => &**t,
        None => &Estimate,
    };
    let mut out = Vec::new();
    for file in &job.files {
        let name = file.name();
        let total = file.size();
        let mut lines = Lines::new();
        let mut scan = Scan::new(count.exact());
        let mut each = |no: u64, text: &str| scan.line(no, text, count);
        let mut offset = 0.0;
        let mut failed = None;
        while offset < total {
            if job.cancel.get_untracked() {
                return Outcome::Cancelled;
            }
            let end = (offset + SLICE).min(total);
            match slice(file, offset, end).await {
                Ok(bytes) => lines.push(&bytes, &mut each),
                Err(()) => {
                    failed =
                        Some("The file could not be read (was it moved or deleted?).".to_owned());
                    break;
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
            return Outcome::Cancelled;
        }
        let result = match (failed, lines.finish(&mut each)) {
            (Some(message), _) => Err(message),
            (None, Err(problem)) => Err(problem.to_string()),
            (None, Ok(())) => Ok(scan.report()),
        };
        out.push(FileReport { name, result });
    }
    Outcome::Done(out)
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
    let text = JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?
        .as_string()
        .ok_or_else(failed)?;
    let built = Rc::new(Tokenizer::from_tiktoken(encoding, &text).map_err(|_| failed())?);
    TOKENIZERS.with_borrow_mut(|all| all.push((encoding, built.clone())));
    Ok(built)
}
