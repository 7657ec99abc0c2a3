//! The page's state: one signal of raw text per field, the saved-scenario
//! library, the scenario the page is linked to, and the notices.
//! Validation and results are memos; effects only write to the outside
//! world (address bar, storage).
//!
//! Several tabs share one library: every change to it is applied to the
//! library as stored at that moment (read, apply, write), and each tab's
//! list follows the others' writes through the `storage` event. The working
//! scenario belongs to its tab while the tab is open; on a reload the last
//! tab to write it wins.

use leptos::prelude::*;
use serde::Serialize;

use super::browser::{
    location_search, on_page_leave, on_storage, replace_query, storage_get, storage_set,
    storage_set_doc,
};
use crate::core::codec::start;
pub use crate::core::codec::start::Linked;
use crate::core::codec::store::{
    self, backup_key, Library, LibraryError, Working, LIBRARY_KEY, WORKING_KEY,
};
use crate::core::codec::url;
use crate::core::inputs::field::Choice;
use crate::core::inputs::field::COUNT;
use crate::core::inputs::option_fields::{Term, FIRST, LAST};
use crate::core::present::format::{Display, Fmt};
use crate::core::{
    calculate, parse_sides, Checked, Field, InputError, Parsed, RawInputs, ReadScenario, Results,
};

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
    /// What its button does, if it has one.
    pub offer: Option<Offer>,
}

/// A notice's offer to save field texts as a new named scenario (the work
/// of a scenario another tab deleted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The name to save under (`name (2)` when it is taken).
    pub name: String,
    /// The field texts to save.
    pub raw: RawInputs,
    /// Whether the page then works on the new scenario (the texts are the
    /// page's own).
    pub link: bool,
}

/// The calculator's state, shared through context. `Copy`, like signals.
#[derive(Clone, Copy)]
pub struct Calc {
    /// The text of each field, exactly as typed, in [`Field::ALL`] order.
    pub fields: [RwSignal<String>; COUNT],
    /// Every invalid field's message, beside the validated scenario when
    /// the figures can be computed.
    pub checked: Memo<Checked>,
    /// The reader of options 3 to 6, once their chunk has given it
    /// ([`Calc::read_options`]); until then [`Calc::checked`] reads the
    /// sides only ([`parse_sides`]), so the first wasm module does not carry
    /// the options' reader (issue 28).
    reader: RwSignal<Option<ReadScenario>>,
    /// The query the page started from (the link, or the tab's reload
    /// copy of it), which the options' chunk checks again for their values,
    /// and where the link's notices sit among the notices.
    start_query: StoredValue<(String, usize)>,
    /// The figures, when every field is valid.
    pub results: Memo<Option<Results>>,
    /// The formatter for the display currency and locale, passed to
    /// whatever writes figures. Reading it is what makes a formatted view
    /// follow a currency or locale change.
    pub fmt: Memo<Fmt>,
    /// The named scenarios, as last read from or written to storage.
    pub library: RwSignal<Library>,
    /// The named scenario the page is working on, if any.
    pub linked: RwSignal<Option<Linked>>,
    /// Messages for the user, newest last.
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether the last write of the library failed: this tab's list is
    /// then ahead of storage, and its changes build on it, not on storage.
    unsaved: StoredValue<bool>,
    /// Whether the list of saved scenarios is being redrawn for a change
    /// another tab made (see [`Calc::redrawing`]).
    redrawing: StoredValue<bool>,
}

impl Calc {
    /// State starting from `raw`, with an empty library.
    pub fn new(raw: RawInputs) -> Calc {
        let fields = raw.0.map(RwSignal::new);
        let reader = RwSignal::new(None::<ReadScenario>);
        let checked = Memo::new(move |_| {
            let raw = RawInputs(fields.map(|f| f.get()));
            reader
                .get()
                .map_or_else(|| parse_sides(&raw), |read| read(&raw))
        });
        let results =
            Memo::new(move |_| checked.with(|c| c.parsed.as_ref().map(|p| calculate(&p.inputs))));
        let currency = fields[Field::Currency.index()];
        let locale = fields[Field::Locale.index()];
        let fmt = Memo::new(move |_| {
            super::intl::fmt(Display::from_codes(&currency.read(), &locale.read()))
        });
        Calc {
            fields,
            checked,
            reader,
            start_query: StoredValue::new((String::new(), 0)),
            results,
            fmt,
            library: RwSignal::new(Library::default()),
            linked: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            unsaved: StoredValue::new(false),
            redrawing: StoredValue::new(false),
        }
    }

    /// State for the page, starting where [`start::start`] says from what
    /// the page reads now (the address or the tab's reload copy of it, the
    /// working scenario, the library); then keeps the address bar and
    /// storage in step with it.
    /// `keep` is the query of page options (embed, theme, accent) that the
    /// address bar keeps beside the scenario.
    /// An embedded calculator (`embedded`) neither reads nor writes the
    /// browser's saved scenarios: several embeds on one page, or an embed
    /// beside the full page, must not overwrite each other.
    pub fn start(keep: String, embedded: bool) -> Calc {
        // A reload starts from what this tab last wrote (a keystroke within
        // the write delay is not in the address bar yet); an embed from its
        // address (several embeds share one tab's session storage).
        let search = if embedded {
            location_search()
        } else {
            super::browser::start_query()
        };
        let mut notices = Vec::new();
        // Read even when the link has a scenario: an unreadable payload is
        // backed up before this page's first write replaces it. The link's
        // notices go after the working scenario's and before the library's
        // (at `at`).
        let (working, library, at) = if embedded {
            (None, None, 0)
        } else {
            let working = load(
                WORKING_KEY,
                "working scenario",
                store::decode_working_doc,
                &mut notices,
            )
            .doc();
            let at = notices.len();
            (working, Some(load_library(&mut notices)), at)
        };
        let readable = match &library {
            Some(Stored::Doc(library)) => Some(library),
            _ => None,
        };
        let begin = start::start_with(&search, embedded, working, readable, parse_sides);
        let later = notices.split_off(at);
        for n in begin.notices {
            notices.push(Notice {
                kind: n.kind,
                text: n.text,
                offer: None,
            });
        }
        notices.extend(later);
        let calc = Calc::new(begin.raw);
        calc.start_query.set_value((search, at));
        if let Some(library) = library {
            let library = match library {
                Stored::Doc(library) => library,
                Stored::Unreadable => {
                    // Kept under the backup key: start the stored library
                    // afresh (in the next task, after the first view).
                    set_timeout(
                        move || {
                            let _ = calc.change_library(|_| Ok(()));
                        },
                        std::time::Duration::ZERO,
                    );
                    Library::default()
                }
                Stored::Missing | Stored::Unavailable => Library::default(),
            };
            calc.linked.set(begin.linked);
            calc.library.set(library);
        }
        calc.notices.set(notices);
        calc.sync(keep, embedded);
        calc
    }

    /// Effects at the edge: the address bar follows the scenario, the
    /// working scenario (with its link) is saved as it changes, and the
    /// library follows other tabs' changes.
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
            let query = fixed
                .with_value(|(keep, example)| url::join_queries(&url::encode(&raw, example), keep));
            replace_query(&query);
            if !embedded {
                super::browser::remember_tab_query(&query);
                let linked = self.linked.with_untracked(|l| l.as_ref().map(|l| l.id));
                self.persist(WORKING_KEY, &Working::new(raw, linked));
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
            self.linked.track();
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
        // Another tab changed the library (or cleared the site's storage):
        // the list follows, unless this tab's own changes could not be
        // written (its list is then ahead of storage).
        on_storage(move |key| {
            if key.as_deref().is_none_or(|k| k == LIBRARY_KEY) && !self.unsaved.get_value() {
                // The redraw removes a focused rename box, which blurs it:
                // that blur is not the user leaving the box. Cleared once
                // the redraw is done.
                self.redrawing.set_value(true);
                self.set_library(self.stored_library());
                set_timeout(
                    move || self.redrawing.set_value(false),
                    std::time::Duration::ZERO,
                );
            }
        });
    }

    /// The library as stored now; this tab's own list when storage cannot
    /// be read or this tab's last write failed. An unreadable payload is
    /// kept under the backup key, with a notice, and reads as empty.
    fn stored_library(self) -> Library {
        if self.unsaved.get_value() {
            return self.library.get_untracked();
        }
        let mut notices = Vec::new();
        let library = match load_library(&mut notices) {
            Stored::Doc(library) => library,
            Stored::Missing | Stored::Unreadable => Library::default(),
            Stored::Unavailable => self.library.get_untracked(),
        };
        for n in notices {
            self.notify(n.kind, n.text);
        }
        library
    }

    /// Applies one change to the library as stored at this moment (read,
    /// apply, write), so that no tab writes back a stale copy of another
    /// tab's work; ids come from the stored `next_id`. The list then shows
    /// the library as written. A change that fails writes nothing.
    pub fn change_library<R>(
        self,
        change: impl FnOnce(&mut Library) -> Result<R, LibraryError>,
    ) -> Result<R, LibraryError> {
        let mut library = self.stored_library();
        let result = change(&mut library);
        if result.is_ok() {
            let written = self.persist(LIBRARY_KEY, &library);
            self.unsaved.set_value(!written);
        }
        self.set_library(library);
        result
    }

    /// Whether the list of saved scenarios is being redrawn for another
    /// tab's change: a focused element it removes is blurred without the
    /// user leaving it.
    pub fn redrawing(self) -> bool {
        self.redrawing.get_value()
    }

    /// Shows `library`, and keeps the linked scenario's last known name.
    fn set_library(self, library: Library) {
        if let Some(linked) = self.linked.get_untracked() {
            if let Some(s) = library.get(linked.id).filter(|s| s.name != linked.name) {
                self.linked.set(Some(Linked {
                    id: linked.id,
                    name: s.name.clone(),
                }));
            }
        }
        self.library.set(library);
    }

    /// Writes a document to storage, telling the user once if it fails.
    /// Returns whether it was written.
    fn persist<T: Serialize>(self, key: &str, doc: &T) -> bool {
        let Err(reason) = storage_set_doc(key, doc) else {
            return true;
        };
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
        false
    }

    /// The name of the scenario the page is working on: its name in the
    /// library (or, if another tab deleted it, its last known name); `None`
    /// when the page is not linked to a named scenario.
    pub fn current_name(self) -> Option<String> {
        let linked = self.linked.get()?;
        Some(
            self.library
                .with(|l| l.get(linked.id).map(|s| s.name.clone()))
                .unwrap_or(linked.name),
        )
    }

    /// Links the page to named scenario `id` (now in the library).
    pub fn link(self, id: u64) {
        let name = self
            .library
            .with_untracked(|l| l.get(id).map(|s| s.name.clone()));
        self.linked.set(name.map(|name| Linked { id, name }));
    }

    /// Starts a new scenario from `raw`: the page is no longer linked to a
    /// named scenario, so Save asks for a name.
    pub fn start_new(self, raw: RawInputs) {
        self.linked.set(None);
        self.set_raw(raw);
    }

    /// Saves an offer's texts as a new named scenario and removes the
    /// notice of `kind` that made it.
    pub fn accept(self, kind: &'static str, offer: Offer) {
        match self.change_library(|l| l.save_new(&offer.name, offer.raw)) {
            Ok(id) => {
                if offer.link {
                    self.link(id);
                }
                self.dismiss(kind);
            }
            Err(e) => self.notify(kind, e.to_string()),
        }
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
        self.offer(kind, text, None);
    }

    /// Shows a notice with an offer (a button), replacing any earlier
    /// notice of the same kind.
    pub fn offer(self, kind: &'static str, text: String, offer: Option<Offer>) {
        self.notices.update(|n| {
            n.retain(|n| n.kind != kind);
            n.push(Notice { kind, text, offer });
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
        self.checked.with(|c| c.error(field))
    }

    /// Whether choice `field` holds `option` (tracked): a text that is none
    /// of the options is no option.
    pub fn is<C: Choice>(self, field: Field, option: C) -> bool {
        self.field(field).with(|t| C::from_text(t) == Some(option))
    }

    /// Reads options 3 to 6 from now on with `read` (the full reader,
    /// [`crate::core::parse_scenario`], which the options' chunk gives), and
    /// tells of the link's bad option values, which the first module left
    /// unchecked: the link's notices become those of the full check
    /// ([`start::link_notices`]), in their place.
    pub fn read_options(self, read: ReadScenario) {
        if self.reader.with_untracked(Option::is_some) {
            return;
        }
        self.reader.set(Some(read));
        let (query, at) = self.start_query.get_value();
        let full = url::decode_with(&query, RawInputs::example(), read);
        if !full.has_scenario || !full.bad.iter().any(|(f, _)| f.is_option_field()) {
            return;
        }
        let link = start::link_notices(&full);
        self.notices.update(|all| {
            let at = all
                .iter()
                .position(|n| n.kind.starts_with("url"))
                .unwrap_or(at)
                .min(all.len());
            all.retain(|n| !n.kind.starts_with("url"));
            let at = at.min(all.len());
            let link = link.into_iter().map(|n| Notice {
                kind: n.kind,
                text: n.text,
                offer: None,
            });
            all.splice(at..at, link);
        });
    }

    /// Whether the scenario holds options 3 to 6 that are not read yet
    /// (tracked): their chunk has not arrived ([`Calc::read_options`]), so
    /// what depends on them (the simulation's draws) waits.
    pub fn options_pending(self) -> bool {
        self.reader.with(Option::is_none) && self.has_added_options()
    }

    /// Whether the scenario holds an option beyond the two sides (its kind
    /// typed; tracked), read from the field texts so the options view stays
    /// while a field is invalid.
    pub fn has_added_options(self) -> bool {
        (FIRST..=LAST).any(|k| {
            Term::Kind
                .of(k)
                .is_some_and(|f| self.field(f).with(|t| !t.trim().is_empty()))
        })
    }

    /// Runs `f` with the validated scenario (tracked), `None` when a field
    /// the figures read is invalid.
    pub fn parsed<T>(self, f: impl FnOnce(Option<&Parsed>) -> T) -> T {
        self.checked.with(|c| f(c.parsed.as_ref()))
    }

    /// Whether the figures can be computed: no field they read is invalid.
    pub fn valid(self) -> bool {
        self.checked.with(|c| c.parsed.is_some())
    }

    /// Puts the reference example back in every field, as a new scenario.
    pub fn reset(self) {
        self.start_new(RawInputs::example());
    }

    /// One value of the validated scenario's breakdowns, `None` when the
    /// section is not itemized or a field is invalid.
    pub fn detail(
        self,
        pick: impl Fn(&Parsed) -> Option<f64> + Send + Sync + 'static,
    ) -> Signal<Option<f64>> {
        let checked = self.checked;
        Signal::derive(move || checked.with(|c| c.parsed.as_ref().and_then(&pick)))
    }

    /// One figure of the results, `None` when undefined or not computable.
    pub fn figure(self, pick: fn(&Results) -> Option<f64>) -> Signal<Option<f64>> {
        let results = self.results;
        Signal::derive(move || results.with(|r| r.as_ref().and_then(pick)))
    }
}

/// What reading a stored document found.
enum Stored<T> {
    /// The document.
    Doc(T),
    /// Nothing stored under the key.
    Missing,
    /// Something this build cannot read, now kept under the backup key.
    Unreadable,
    /// Storage cannot be read at all.
    Unavailable,
}

impl<T> Stored<T> {
    /// The document, if one was read.
    fn doc(self) -> Option<T> {
        match self {
            Stored::Doc(doc) => Some(doc),
            _ => None,
        }
    }
}

/// The stored library of named scenarios, read by [`load`].
fn load_library(notices: &mut Vec<Notice>) -> Stored<Library> {
    load(
        LIBRARY_KEY,
        "saved scenarios",
        store::decode_library,
        notices,
    )
}

/// Reads `key` from storage with `decode`. Unreadable data is copied to the
/// backup key (never overwritten by the fresh state) and reported; storage
/// that cannot be read at all is reported too.
fn load<T>(
    key: &str,
    what: &str,
    decode: fn(&str) -> Result<T, store::StoreError>,
    notices: &mut Vec<Notice>,
) -> Stored<T> {
    let text = match storage_get(key) {
        Ok(Some(text)) => text,
        Ok(None) => return Stored::Missing,
        Err(reason) => {
            if !notices.iter().any(|n| n.kind == "storage-read") {
                notices.push(Notice {
                    kind: "storage-read",
                    text: format!("Saved scenarios are unavailable ({reason}). The calculator works without them."),
                    offer: None,
                });
            }
            return Stored::Unavailable;
        }
    };
    match decode(&text) {
        Ok(value) => Stored::Doc(value),
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
                offer: None,
            });
            Stored::Unreadable
        }
    }
}

/// The state provided by [`crate::app::App`].
pub fn use_calc() -> Calc {
    expect_context::<Calc>()
}
