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

/// The example with `field` set to `text`.
fn with(field: Field, text: &str) -> RawInputs {
    let mut raw = example();
    raw.set(field, text);
    raw
}

/// An edited scenario, and another.
fn edited() -> RawInputs {
    with(Field::Months, "24")
}
fn other() -> RawInputs {
    with(Field::Months, "36")
}

/// A library holding "Pilot" (the edited scenario) and "Other", with the
/// ids they got.
fn library() -> (Library, u64, u64) {
    let mut library = Library::default();
    let pilot = library.save_new("Pilot", edited()).expect("room");
    let rest = library.save_new("Other", other()).expect("room");
    (library, pilot, rest)
}

/// The starting point for `query` (embedded or not) with `working` and
/// `library` stored: its field texts, its link (id, name) and the kinds of
/// its notices.
#[track_caller]
fn check(
    query: &str,
    embedded: bool,
    working: Option<Working>,
    library: Option<&Library>,
    raw: RawInputs,
    linked: Option<(u64, &str)>,
    notices: &[&str],
) {
    let got = start(query, embedded, working, library);
    assert_eq!(got.raw, raw, "field texts for {query:?}");
    let linked = linked.map(|(id, name)| Linked {
        id,
        name: name.to_owned(),
    });
    assert_eq!(got.linked, linked, "link for {query:?}");
    let kinds: Vec<&str> = got.notices.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, notices, "notices for {query:?}");
}

#[test]
fn where_a_page_starts() {
    let (lib, pilot, rest) = library();
    let link = encode(&edited(), &example());
    let link_q = format!("?{link}");
    let unlinked = |raw: RawInputs| Some(Working::new(raw, None));
    let linked_to = |raw: RawInputs, id: u64| Some(Working::new(raw, Some(id)));
    let mut gone = lib.clone();
    gone.remove(pilot).expect("there");

    // Nothing stored, no link: the example.
    check("", false, None, None, example(), None, &[]);
    check("?", false, None, Some(&lib), example(), None, &[]);
    // Keys that are not fields (page options, trackers) are no scenario.
    check(
        "?embed=0&utm_source=x",
        false,
        None,
        None,
        example(),
        None,
        &[],
    );

    // A link: its fields, not linked, with or without the leading `?`.
    check(&link, false, None, Some(&lib), edited(), None, &[]);
    check(&link_q, false, None, Some(&lib), edited(), None, &[]);
    // A link wins over a different working scenario, and not its link.
    check(
        &link_q,
        false,
        linked_to(other(), rest),
        Some(&lib),
        edited(),
        None,
        &[],
    );
    // A link naming a field at its default is still a link: the example,
    // not the working scenario.
    let at_default = format!("?months={}", example().get(Field::Months));
    check(
        &at_default,
        false,
        linked_to(other(), rest),
        Some(&lib),
        example(),
        None,
        &[],
    );

    // A reload: the link equals the working scenario, whose named scenario
    // is still in the library: linked, under its stored name.
    check(
        &link_q,
        false,
        linked_to(edited(), pilot),
        Some(&lib),
        edited(),
        Some((pilot, "Pilot")),
        &[],
    );
    // Its named scenario was deleted (or the library cannot be read): not
    // linked.
    check(
        &link_q,
        false,
        linked_to(edited(), pilot),
        Some(&gone),
        edited(),
        None,
        &[],
    );
    check(
        &link_q,
        false,
        linked_to(edited(), pilot),
        None,
        edited(),
        None,
        &[],
    );
    // The working scenario was not linked: nor is the page.
    check(
        &link_q,
        false,
        unlinked(edited()),
        Some(&lib),
        edited(),
        None,
        &[],
    );

    // No link: the working scenario, with its link when its scenario is
    // still in the library (even if the texts were edited since).
    check(
        "",
        false,
        linked_to(other(), pilot),
        Some(&lib),
        other(),
        Some((pilot, "Pilot")),
        &[],
    );
    check("", false, unlinked(other()), Some(&lib), other(), None, &[]);
    check(
        "",
        false,
        linked_to(edited(), pilot),
        Some(&gone),
        edited(),
        None,
        &[],
    );
    check(
        "?theme=dark",
        false,
        linked_to(edited(), pilot),
        None,
        edited(),
        None,
        &[],
    );

    // Embedded: never the working scenario, never linked.
    check(
        "",
        true,
        linked_to(other(), pilot),
        Some(&lib),
        example(),
        None,
        &[],
    );
    check(
        &link_q,
        true,
        linked_to(edited(), pilot),
        Some(&lib),
        edited(),
        None,
        &[],
    );
    // An embed's link still has its notices.
    check(
        "?embed=1&months=abc",
        true,
        None,
        None,
        with(Field::Months, "abc"),
        None,
        &["url"],
    );

    // A link in a format this build cannot read: what it recognises (here
    // nothing, so the example rather than the working scenario), and why.
    check(
        "?v=2",
        false,
        linked_to(other(), pilot),
        Some(&lib),
        example(),
        None,
        &["url-version"],
    );
    check(
        "?v=2&months=24",
        false,
        linked_to(edited(), pilot),
        Some(&lib),
        edited(),
        Some((pilot, "Pilot")),
        &["url-version"],
    );
    // A damaged link: the values as written (their fields show the error),
    // and a notice; with a newer version too, both, in that order.
    check(
        "?months=abc",
        false,
        linked_to(other(), pilot),
        Some(&lib),
        with(Field::Months, "abc"),
        None,
        &["url"],
    );
    check(
        "?v=9&months=abc",
        false,
        None,
        Some(&lib),
        with(Field::Months, "abc"),
        None,
        &["url", "url-version"],
    );
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
