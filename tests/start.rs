//! Native tests of where a page starts (`core::codec::start`): the link or
//! the tab's reload copy, the autosaved working scenario, the example, the
//! linked named scenario, and the notices about the link, as one table.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::start::{start, Linked};
use ft_roi::core::codec::store::{Library, Working};
use ft_roi::core::codec::url::encode;
use ft_roi::core::{Field, RawInputs};

fn example() -> RawInputs {
    RawInputs::example()
}

/// A scenario a case stores or expects.
#[derive(Clone, Copy, Debug)]
enum S {
    /// The reference example.
    Example,
    /// The example over 24 months: the scenario saved as "Pilot".
    Edited,
    /// The example over 36 months: the one saved as "Other".
    Other,
    /// The example with a horizon that cannot be read ("abc").
    BadMonths,
}

impl S {
    fn raw(self) -> RawInputs {
        let months = match self {
            S::Example => return example(),
            S::Edited => "24",
            S::Other => "36",
            S::BadMonths => "abc",
        };
        let mut raw = example();
        raw.set(Field::Months, months);
        raw
    }
}

/// The working scenario the tab stored, and the named one it is linked to.
#[derive(Clone, Copy, Debug)]
enum W {
    /// None stored (or unreadable).
    Nothing,
    /// Not linked.
    Unlinked(S),
    /// Linked to "Pilot".
    Pilot(S),
    /// Linked to "Other".
    Rest(S),
}

/// The saved scenarios as read.
#[derive(Clone, Copy, Debug)]
enum L {
    /// None stored, or not readable.
    Unreadable,
    /// "Pilot" (the edited scenario) and "Other".
    Both,
    /// "Other" alone: "Pilot" was deleted.
    PilotDeleted,
}

/// The page: the full page, or an embedded calculator.
#[derive(Clone, Copy, Debug)]
enum Page {
    Full,
    Embed,
}

/// One case: the query (`{link}` stands for a link to the edited scenario,
/// `{months}` for the example's horizon), the page, what is stored, and
/// where the page starts: its field texts, whether it is linked to "Pilot",
/// and the kinds of its notices.
type Case = (&'static str, Page, W, L, S, bool, &'static [&'static str]);

/// Checks `case`, the `n`th of the table.
#[track_caller]
fn check(n: usize, (query, page, working, library, raw, linked, notices): Case) {
    let mut lib = Library::default();
    let pilot = lib.save_new("Pilot", S::Edited.raw()).expect("room");
    let rest = lib.save_new("Other", S::Other.raw()).expect("room");
    let stored = match working {
        W::Nothing => None,
        W::Unlinked(s) => Some(Working::new(s.raw(), None)),
        W::Pilot(s) => Some(Working::new(s.raw(), Some(pilot))),
        W::Rest(s) => Some(Working::new(s.raw(), Some(rest))),
    };
    let read = match library {
        L::Unreadable => None,
        L::Both => Some(lib),
        L::PilotDeleted => {
            lib.remove(pilot).expect("there");
            Some(lib)
        }
    };
    let query = query
        .replace("{link}", &encode(&S::Edited.raw(), &example()))
        .replace("{months}", example().get(Field::Months));
    let got = start(&query, matches!(page, Page::Embed), stored, read.as_ref());
    let case = format!("case {n}: {query:?} {page:?} {working:?} {library:?}");
    assert_eq!(got.raw, raw.raw(), "field texts, {case}");
    let linked = linked.then(|| Linked {
        id: pilot,
        name: "Pilot".to_owned(),
    });
    assert_eq!(got.linked, linked, "link, {case}");
    let kinds: Vec<&str> = got.notices.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, notices, "notices, {case}");
}

#[test]
fn where_a_page_starts() {
    use Page::{Embed, Full};
    use L::{Both, PilotDeleted, Unreadable};
    use S::{BadMonths, Edited, Example, Other};
    use W::{Nothing, Pilot, Rest, Unlinked};
    #[rustfmt::skip]
    let cases: &[Case] = &[
        // query                 page   stored             library       start      linked notices
        // Nothing stored, no link: the example.
        ("",                     Full,  Nothing,           Unreadable,   Example,   false, &[]),
        ("?",                    Full,  Nothing,           Both,         Example,   false, &[]),
        // Keys that are not fields (page options, trackers) are no scenario.
        ("?embed=0&utm_source=x", Full, Nothing,           Unreadable,   Example,   false, &[]),
        // A link: its fields, not linked, with or without the leading `?`.
        ("{link}",               Full,  Nothing,           Both,         Edited,    false, &[]),
        ("?{link}",              Full,  Nothing,           Both,         Edited,    false, &[]),
        // A link wins over a different working scenario, and not its link.
        ("?{link}",              Full,  Rest(Other),       Both,         Edited,    false, &[]),
        // A link naming a field at its default is still a link: the
        // example, not the working scenario.
        ("?months={months}",     Full,  Rest(Other),       Both,         Example,   false, &[]),
        // A reload: the link equals the working scenario, whose named
        // scenario is still in the library: linked, under its stored name.
        ("?{link}",              Full,  Pilot(Edited),     Both,         Edited,    true,  &[]),
        // Its named scenario was deleted (or the library cannot be read):
        // not linked.
        ("?{link}",              Full,  Pilot(Edited),     PilotDeleted, Edited,    false, &[]),
        ("?{link}",              Full,  Pilot(Edited),     Unreadable,   Edited,    false, &[]),
        // The working scenario was not linked: nor is the page.
        ("?{link}",              Full,  Unlinked(Edited),  Both,         Edited,    false, &[]),
        // No link: the working scenario, with its link when its scenario is
        // still in the library (even if the texts were edited since).
        ("",                     Full,  Pilot(Other),      Both,         Other,     true,  &[]),
        ("",                     Full,  Unlinked(Other),   Both,         Other,     false, &[]),
        ("",                     Full,  Pilot(Edited),     PilotDeleted, Edited,    false, &[]),
        ("?theme=dark",          Full,  Pilot(Edited),     Unreadable,   Edited,    false, &[]),
        // Embedded: never the working scenario, never linked.
        ("",                     Embed, Pilot(Other),      Both,         Example,   false, &[]),
        ("?{link}",              Embed, Pilot(Edited),     Both,         Edited,    false, &[]),
        // An embed's link still has its notices.
        ("?embed=1&months=abc",  Embed, Nothing,           Unreadable,   BadMonths, false, &["url"]),
        // A link in a format this build cannot read: what it recognises
        // (here nothing, so the example rather than the working scenario),
        // and why.
        ("?v=2",                 Full,  Pilot(Other),      Both,         Example,   false, &["url-version"]),
        ("?v=2&months=24",       Full,  Pilot(Edited),     Both,         Edited,    true,  &["url-version"]),
        // A damaged link: the values as written (their fields show the
        // error), and a notice; with a newer version too, both, in that
        // order.
        ("?months=abc",          Full,  Pilot(Other),      Both,         BadMonths, false, &["url"]),
        ("?v=9&months=abc",      Full,  Nothing,           Both,         BadMonths, false, &["url", "url-version"]),
    ];
    for (n, case) in cases.iter().enumerate() {
        check(n, *case);
    }
}

#[test]
fn the_link_notices_name_the_values_and_the_version() {
    let got = start("?v=7&months=abc", false, None, None);
    let texts: Vec<&str> = got.notices.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            format!(
                "This link has values that cannot be used: {} (\u{201c}abc\u{201d}). The rest of \
                 the scenario is loaded; fix the highlighted fields below.",
                Field::Months.label()
            ),
            "This link is in format version \u{201c}7\u{201d}; this page reads version 1. The \
             inputs it recognises are loaded; check them."
                .to_owned(),
        ]
    );
}
