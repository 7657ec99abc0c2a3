//! Which scenario a page starts from: the link (or the tab's reload copy of
//! it), the autosaved working scenario, or the reference example; and which
//! named scenario it is linked to. Pure: the app reads the address, session
//! and local storage, and hands over what it read.

use crate::core::codec::store::{Library, Working};
use crate::core::codec::url::{self, Decoded};
use crate::core::{parse_scenario, RawInputs, ReadScenario};

/// The named scenario the page is working on: loaded from the library or
/// saved to it, until the user starts a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    /// Its id in the library.
    pub id: u64,
    /// Its name when the page last saw it in the library (kept for a
    /// scenario another tab has deleted).
    pub name: String,
}

/// A message for the user about the link the page opened with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkNotice {
    /// `url` (values that cannot be used), `url-options` (options numbered
    /// outside 3 to 6, skipped) or `url-version` (a newer format).
    pub kind: &'static str,
    /// The message.
    pub text: String,
}

/// Where the page starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The field texts.
    pub raw: RawInputs,
    /// The named scenario the page is linked to, if any.
    pub linked: Option<Linked>,
    /// What to tell the user about the link, in order.
    pub notices: Vec<LinkNotice>,
}

/// Where a page starts, from what it read when it opened:
///
/// - `query`: the query it starts from (the address bar's, or on a reload
///   the copy its tab last wrote; the app decides which);
/// - `embedded`: whether it is an embedded calculator, which neither reads
///   nor writes the browser's saved scenarios (several embeds on one page,
///   or an embed beside the full page, must not overwrite each other), so
///   it never starts from the working scenario and is never linked;
/// - `working`: the autosaved working scenario, when stored and readable;
/// - `library`: the saved scenarios, when stored and readable.
///
/// A query that names a field, or that has a format version this build
/// cannot read, is the scenario (with its notices); it keeps the working
/// scenario's link when the working scenario is that very scenario (a
/// reload of a tab that was also the last to save its work). Otherwise the
/// page starts from the working scenario with its link, or the example. A
/// link comes back only if its scenario is still in the library.
pub fn start(
    query: &str,
    embedded: bool,
    working: Option<Working>,
    library: Option<&Library>,
) -> Start {
    start_with(query, embedded, working, library, parse_scenario)
}

/// [`start`], with the link's values checked by `check` (see
/// [`url::decode_with`]): the page's first wasm module leaves options 3 to
/// 6 to their chunk, which checks them again ([`link_notices`] of the full
/// [`url::decode`]).
pub fn start_with(
    query: &str,
    embedded: bool,
    working: Option<Working>,
    library: Option<&Library>,
    check: ReadScenario,
) -> Start {
    let decoded = url::decode_with(query, RawInputs::example(), check);
    let working = working.filter(|_| !embedded);
    let (raw, linked_id, notices) = if decoded.has_scenario || decoded.unsupported_version.is_some()
    {
        let notices = link_notices(&decoded);
        let linked_id = working
            .filter(|w| w.fields == decoded.raw)
            .and_then(|w| w.linked_id);
        (decoded.raw, linked_id, notices)
    } else {
        let (raw, linked_id) =
            working.map_or_else(|| (RawInputs::example(), None), |w| (w.fields, w.linked_id));
        (raw, linked_id, Vec::new())
    };
    let linked = linked_id
        .filter(|_| !embedded)
        .and_then(|id| library?.get(id).map(|s| (id, s.name.clone())))
        .map(|(id, name)| Linked { id, name });
    Start {
        raw,
        linked,
        notices,
    }
}

/// What to tell the user about a link with bad values or a newer format.
pub fn link_notices(decoded: &Decoded) -> Vec<LinkNotice> {
    let mut notices = Vec::new();
    if !decoded.bad.is_empty() {
        let fields: Vec<String> = decoded
            .bad
            .iter()
            .map(|(f, _)| format!("{} (\u{201c}{}\u{201d})", f.label(), decoded.raw.get(*f)))
            .collect();
        notices.push(LinkNotice {
            kind: "url",
            text: format!(
                "This link has values that cannot be used: {}. The rest of the scenario is loaded; \
                 fix the highlighted fields below.",
                fields.join(", ")
            ),
        });
    }
    if !decoded.skipped.is_empty() {
        notices.push(LinkNotice {
            kind: "url-options",
            text: format!(
                "This link has options this page cannot hold (options are numbered 3 to 6): {}. \
                 They were skipped; the rest of the scenario is loaded.",
                decoded.skipped.join(", ")
            ),
        });
    }
    if let Some(v) = &decoded.unsupported_version {
        notices.push(LinkNotice {
            kind: "url-version",
            text: format!(
                "This link is in format version \u{201c}{v}\u{201d}; this page reads version {}. \
                 The inputs it recognises are loaded; check them.",
                url::VERSION
            ),
        });
    }
    notices
}

/// The scenario a page starts from when its first figures can be known
/// from the address alone, before any storage is read (the figures-first
/// module, `src/bin/figures.rs`, issue 32): the same as [`start_with`]
/// gives, or `None` where that is not certain or the page has more to say.
///
/// - `query`: the query the page starts from (the address bar's, or on a
///   reload the copy its tab last wrote);
/// - `working_stored`: whether the page may start from a stored working
///   scenario: one is stored (readable or not) and the page is not an
///   embed (which never reads one).
///
/// `None` when the query names no field while a working scenario may be
/// the start, and when the link has something to tell ([`link_notices`]:
/// its notice would come above the figures, and a bad value of options 3
/// to 6, which the app's options chunk reports when it arrives, counts).
pub fn from_address(query: &str, working_stored: bool) -> Option<RawInputs> {
    let decoded = url::decode(query, RawInputs::example());
    if decoded.has_scenario || decoded.unsupported_version.is_some() {
        link_notices(&decoded).is_empty().then_some(decoded.raw)
    } else if working_stored {
        None
    } else {
        Some(RawInputs::example())
    }
}
