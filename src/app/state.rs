//! The page's state: one signal of raw text per field, the saved-scenario
//! library and the notices. Validation and results are memos; effects only
//! write to the outside world (address bar, storage).

use leptos::prelude::*;

use super::browser::{location_search, on_page_leave, replace_query, storage_get, storage_set};
use crate::core::field::COUNT;
use crate::core::format::{set_display, Display};
use crate::core::scenario::{self, Decoded};
use crate::core::store::{self, backup_key, Library, LIBRARY_KEY, WORKING_KEY};
use crate::core::{calculate, parse_scenario, Field, InputError, Parsed, RawInputs, Results};

/// How long typing must pause before the address bar and the autosaved
/// working scenario catch up, in milliseconds.
pub const WRITE_DELAY_MS: u64 = 250;

/// A message at the top of the page, dismissible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What it is about (`url`, `storage`, `import`, …); one notice per kind.
    pub kind: &'static str,
    /// The message.
    pub text: String,
}

/// The calculator's state, shared through context. `Copy`, like signals.
#[derive(Clone, Copy)]
pub struct Calc {
    /// The text of each field, exactly as typed, in [`Field::ALL`] order.
    pub fields: [RwSignal<String>; COUNT],
    /// The validated scenario, or each invalid field's error.
    pub parsed: Memo<Result<Parsed, Vec<(Field, InputError)>>>,
    /// The figures, when every field is valid.
    pub results: Memo<Option<Results>>,
    /// The display currency and locale. Reading it (`track`) is what makes
    /// a formatted view follow a currency or locale change.
    pub display: Memo<Display>,
    /// The named scenarios.
    pub library: RwSignal<Library>,
    /// Messages for the user, newest last.
    pub notices: RwSignal<Vec<Notice>>,
}

impl Calc {
    /// State starting from `raw`, with an empty library.
    pub fn new(raw: RawInputs) -> Calc {
        let fields = raw.0.map(RwSignal::new);
        let parsed = Memo::new(move |_| parse_scenario(&RawInputs(fields.map(|f| f.get()))));
        let results =
            Memo::new(move |_| parsed.with(|p| p.as_ref().ok().map(|p| calculate(&p.inputs))));
        let currency = fields[Field::Currency.index()];
        let locale = fields[Field::Locale.index()];
        let display = Memo::new(move |_| {
            let d = Display::from_codes(&currency.read(), &locale.read());
            // The formatters read the display from the core's thread-local
            // setting; set it here, before anything that tracks this memo
            // formats again.
            set_display(d);
            d
        });
        Calc {
            fields,
            parsed,
            results,
            display,
            library: RwSignal::new(Library::default()),
            notices: RwSignal::new(Vec::new()),
        }
    }

    /// State for the page: the URL's scenario if it has one, else the
    /// autosaved working scenario, else the reference example; then keeps
    /// the address bar and storage in step with it.
    /// `keep` is the query of page options (embed, theme, accent) that the
    /// address bar keeps beside the scenario.
    /// An embedded calculator (`embedded`) neither reads nor writes the
    /// browser's saved scenarios: several embeds on one page, or an embed
    /// beside the full page, must not overwrite each other.
    pub fn start(keep: String, embedded: bool) -> Calc {
        let mut notices = Vec::new();
        let decoded = scenario::decode(&location_search(), RawInputs::example());
        let raw = if decoded.has_scenario || decoded.unsupported_version.is_some() {
            notices.extend(url_notices(&decoded));
            decoded.raw
        } else if embedded {
            RawInputs::example()
        } else {
            load(
                WORKING_KEY,
                "working scenario",
                store::decode_working,
                &mut notices,
            )
            .unwrap_or_default()
        };
        let calc = Calc::new(raw);
        if !embedded {
            let library = load(
                LIBRARY_KEY,
                "saved scenarios",
                store::decode_library,
                &mut notices,
            );
            calc.library.set(library.unwrap_or_default());
        }
        calc.notices.set(notices);
        calc.sync(keep, embedded);
        calc
    }

    /// Effects at the edge: the address bar follows the scenario, and the
    /// working scenario and the library are saved as they change.
    ///
    /// The address bar and the working scenario are written once typing
    /// pauses ([`WRITE_DELAY_MS`]), not on every keystroke: both writes cost
    /// more than recomputing every figure, and they would otherwise delay the
    /// update the user is waiting for. A pending write is flushed when the
    /// page is hidden or left, so nothing typed is lost.
    fn sync(self, keep: String, embedded: bool) {
        // Stored, so that `write` is `Copy` like the signals it reads.
        let fixed = StoredValue::new((keep, RawInputs::example()));
        let write = move || {
            let raw = self.raw_untracked();
            let query = fixed.with_value(|(keep, example)| {
                scenario::join_queries(&scenario::encode(&raw, example), keep)
            });
            replace_query(&query);
            if !embedded {
                self.persist(WORKING_KEY, &store::encode_working(&raw));
            }
        };
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let flush = move || {
            if let Some(handle) = pending.get_value() {
                handle.clear();
                pending.set_value(None);
                write();
            }
        };
        Effect::new(move |ran: Option<()>| {
            self.fields.iter().for_each(|f| f.track());
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            // The first run (the page's own scenario) writes in the next
            // task, after the first view: not worth delaying it for.
            let delay =
                std::time::Duration::from_millis(if ran.is_none() { 0 } else { WRITE_DELAY_MS });
            let handle = set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    write();
                },
                delay,
            );
            pending.set_value(handle.ok());
        });
        on_page_leave(flush);
        if embedded {
            return;
        }
        Effect::new(move |ran: Option<()>| {
            // The first run writes back what was just read (or, when it was
            // unreadable, the fresh library): in the next task, after the
            // first view.
            let text = self.library.with(store::encode_library);
            if ran.is_none() {
                set_timeout(
                    move || self.persist(LIBRARY_KEY, &text),
                    std::time::Duration::ZERO,
                );
            } else {
                self.persist(LIBRARY_KEY, &text);
            }
        });
    }

    /// Writes to storage, telling the user once if it fails.
    fn persist(self, key: &str, text: &str) {
        if let Err(reason) = storage_set(key, text) {
            let known = self
                .notices
                .with_untracked(|n| n.iter().any(|n| n.kind == "storage-write"));
            if !known {
                self.notify(
                    "storage-write",
                    format!(
                        "Your work cannot be saved in this browser ({reason}). The calculator \
                         keeps working; use Copy link or Export to keep a scenario."
                    ),
                );
            }
        }
    }

    /// Subscribes the caller to the display (currency, locale) and makes sure
    /// the formatters use it. Every closure that formats calls this first.
    pub fn track_display(self) {
        let _ = self.display.get();
    }

    /// The current field texts.
    pub fn raw(self) -> RawInputs {
        RawInputs(self.fields.map(|f| f.get()))
    }

    /// The current field texts, without subscribing to them.
    pub fn raw_untracked(self) -> RawInputs {
        RawInputs(self.fields.map(|f| f.get_untracked()))
    }

    /// Replaces every field's text.
    pub fn set_raw(self, raw: RawInputs) {
        for (signal, text) in self.fields.iter().zip(raw.0) {
            signal.set(text);
        }
    }

    /// Shows a notice, replacing any earlier notice of the same kind.
    pub fn notify(self, kind: &'static str, text: String) {
        self.notices.update(|n| {
            n.retain(|n| n.kind != kind);
            n.push(Notice { kind, text });
        });
    }

    /// Removes the notice of `kind`.
    pub fn dismiss(self, kind: &'static str) {
        self.notices.update(|n| n.retain(|n| n.kind != kind));
    }

    /// The text signal of `field`.
    pub fn field(self, field: Field) -> RwSignal<String> {
        self.fields[field.index()]
    }

    /// The error of `field`, if its text is invalid.
    pub fn error(self, field: Field) -> Option<InputError> {
        self.parsed.with(|p| match p {
            // Only the chart's range can be wrong in a valid scenario.
            Ok(p) if field == Field::Sensitivity => p.sensitivity.err(),
            Ok(p) if field == Field::FxRate => p.fx_rate.err(),
            Ok(_) => None,
            Err(errors) => errors.iter().find(|(f, _)| *f == field).map(|&(_, e)| e),
        })
    }

    /// Puts the reference example back in every field.
    pub fn reset(self) {
        self.set_raw(RawInputs::example());
    }

    /// One value of the validated scenario's breakdowns, `None` when the
    /// section is not itemized or a field is invalid.
    pub fn detail(
        self,
        pick: impl Fn(&Parsed) -> Option<f64> + Send + Sync + 'static,
    ) -> Signal<Option<f64>> {
        let parsed = self.parsed;
        Signal::derive(move || parsed.with(|p| p.as_ref().ok().and_then(&pick)))
    }

    /// One figure of the results, `None` when undefined or not computable.
    pub fn figure(self, pick: fn(&Results) -> Option<f64>) -> Signal<Option<f64>> {
        let results = self.results;
        Signal::derive(move || results.with(|r| r.as_ref().and_then(pick)))
    }
}

/// What to tell the user about a link with bad values or a newer format.
fn url_notices(decoded: &Decoded) -> Vec<Notice> {
    let mut notices = Vec::new();
    if !decoded.bad.is_empty() {
        let fields: Vec<String> = decoded
            .bad
            .iter()
            .map(|(f, _)| format!("{} (\u{201c}{}\u{201d})", f.label(), decoded.raw.get(*f)))
            .collect();
        notices.push(Notice {
            kind: "url",
            text: format!(
                "This link has values that cannot be used: {}. The rest of the scenario is loaded; \
                 fix the highlighted fields below.",
                fields.join(", ")
            ),
        });
    }
    if let Some(v) = &decoded.unsupported_version {
        notices.push(Notice {
            kind: "url-version",
            text: format!(
                "This link is in format version \u{201c}{v}\u{201d}; this page reads version {}. \
                 The inputs it recognises are loaded; check them.",
                scenario::VERSION
            ),
        });
    }
    notices
}

/// Reads `key` from storage with `decode`. Unreadable data is copied to the
/// backup key (never overwritten by the fresh state) and reported; storage
/// that cannot be read at all is reported too.
fn load<T>(
    key: &str,
    what: &str,
    decode: fn(&str) -> Result<T, store::StoreError>,
    notices: &mut Vec<Notice>,
) -> Option<T> {
    let text = match storage_get(key) {
        Ok(text) => text?,
        Err(reason) => {
            if !notices.iter().any(|n| n.kind == "storage-read") {
                notices.push(Notice {
                    kind: "storage-read",
                    text: format!("Saved scenarios are unavailable ({reason}). The calculator works without them."),
                });
            }
            return None;
        }
    };
    match decode(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            let backup = backup_key(key);
            let kept = match storage_set(&backup, &text) {
                Ok(()) => format!(
                    "The unreadable data is kept under the storage key \u{201c}{backup}\u{201d}."
                ),
                Err(reason) => format!("It could not be backed up ({reason})."),
            };
            notices.push(Notice {
                kind: if key == WORKING_KEY {
                    "storage-working"
                } else {
                    "storage-library"
                },
                text: format!("Your {what} could not be read: {error}. Starting fresh. {kept}"),
            });
            None
        }
    }
}

/// The state provided by [`crate::app::App`].
pub fn use_calc() -> Calc {
    expect_context::<Calc>()
}
