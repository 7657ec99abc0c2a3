//! Native tests of the embedding options: the page options read from the
//! URL (`parts` among them), the host messages an embed accepts (the host
//! API's requests and its `set` checked field by field), and the accent colours (the ink
//! on an accent fill and the accent as text keep WCAG 2's 4.5:1 contrast).
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::embed::{
    accent_colours, api_request, check_set, contrast, errors_by_key, height_report, host_message,
    options, relative_luminance, rgb, AccentColours, ApiRequest, HostMessage, Part, Parts, Value,
    DARK_SURFACE, LIGHT_SURFACE, MIN_CONTRAST,
};
use ft_roi::core::{parse_scenario, Field, RawInputs};

/// Checks the theme read from `query` and that it is written back as read.
#[track_caller]
fn check_theme(query: &str, theme: Option<&str>) {
    let read = options(query);
    assert_eq!(read.theme, theme, "{query}");
    assert_eq!(read.host_theme(), theme == Some("host"), "{query}");
    let written = read.query();
    assert_eq!(options(&written), read, "{query} → {written}");
}

#[test]
fn theme_option() {
    check_theme("theme=light", Some("light"));
    check_theme("?embed=1&theme=dark", Some("dark"));
    check_theme("theme=host", Some("host"));
    check_theme("theme=%20host%20", Some("host"));
    check_theme("theme=auto", None);
    check_theme("theme=Host", None);
    check_theme("theme=purple", None);
    check_theme("", None);
    assert_eq!(options("embed=1&theme=host").query(), "embed=1&theme=host");
}

#[test]
fn host_messages_of_the_documented_shape_only() {
    let table: &[(Option<&str>, Option<&str>, Option<HostMessage>)] = &[
        (Some("ft-roi:measure"), None, Some(HostMessage::Measure)),
        (
            Some("ft-roi:measure"),
            Some("dark"),
            Some(HostMessage::Measure),
        ),
        (
            Some("ft-roi:theme"),
            Some("light"),
            Some(HostMessage::Theme("light")),
        ),
        (
            Some("ft-roi:theme"),
            Some("dark"),
            Some(HostMessage::Theme("dark")),
        ),
        (Some("ft-roi:theme"), None, None),
        (Some("ft-roi:theme"), Some("auto"), None),
        (Some("ft-roi:theme"), Some("host"), None),
        (Some("ft-roi:theme"), Some("Dark"), None),
        (Some("ft-roi:theme"), Some(" dark"), None),
        (Some("ft-roi:height"), None, None),
        (Some("FT-ROI:MEASURE"), None, None),
        (Some("measure"), None, None),
        (Some(""), Some("dark"), None),
        (None, Some("dark"), None),
        (None, None, None),
    ];
    for &(kind, theme, expected) in table {
        assert_eq!(host_message(kind, theme), expected, "{kind:?} {theme:?}");
    }
}

/// Checks the colours chosen for `accent`, and that each pairing reaches
/// 4.5:1 on the surfaces it is used on.
#[track_caller]
fn check(accent: &str, ink: &str, text_light: &str, text_dark: &str) {
    let colours = accent_colours(accent).expect("a colour");
    let fill = rgb(accent).unwrap();
    assert_eq!(
        colours,
        AccentColours {
            fill: colours.fill.clone(),
            ink: ink.to_owned(),
            text_light: text_light.to_owned(),
            text_dark: text_dark.to_owned(),
        },
        "{accent}"
    );
    let ratio = |a: &str, b: [u8; 3]| contrast(rgb(a).unwrap(), b);
    assert!(ratio(&colours.ink, fill) >= MIN_CONTRAST, "{accent}: ink");
    for surface in [LIGHT_SURFACE, [0xff, 0xff, 0xff], [0xf4, 0xf5, 0xf9]] {
        assert!(
            ratio(&colours.text_light, surface) >= MIN_CONTRAST,
            "{accent}: text on light {surface:?}"
        );
    }
    for surface in [DARK_SURFACE, [0x18, 0x1b, 0x24], [0x0f, 0x11, 0x17]] {
        assert!(
            ratio(&colours.text_dark, surface) >= MIN_CONTRAST,
            "{accent}: text on dark {surface:?}"
        );
    }
}

#[test]
fn accent_colours_keep_text_readable() {
    // accent, ink on the fill, text on light, text on dark
    check("#abc", "#000000", "#5e6770", "#aabbcc");
    check("#aabbcc", "#000000", "#5e6770", "#aabbcc");
    check("#0f766e", "#ffffff", "#0f766e", "#579f9a");
    check("#4338ca", "#ffffff", "#4338ca", "#8e88df");
    check("#ffffff", "#000000", "#666666", "#ffffff");
    check("#000000", "#ffffff", "#000000", "#999999");
    check("#ff0", "#000000", "#666600", "#ffff00");
    check("#e11d48", "#ffffff", "#cb1a41", "#ea617f");
    // Just too light for white text (4.48:1): black.
    check("#777777", "#000000", "#6b6b6b", "#929292");
}

#[test]
fn contrast_follows_wcag() {
    assert_eq!(relative_luminance([0, 0, 0]), 0.0);
    assert!((relative_luminance([255, 255, 255]) - 1.0).abs() < 1e-12);
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert_eq!(contrast([1, 2, 3], [1, 2, 3]), 1.0);
    // The figures QA measured: white on #0f766e's dark ink was 3.37:1, white on #abc 1.96:1.
    assert!((contrast(rgb("#0f766e").unwrap(), [0x11, 0x14, 0x1b]) - 3.37).abs() < 0.01);
    assert!((contrast(rgb("#abc").unwrap(), [255, 255, 255]) - 1.96).abs() < 0.01);
}

#[test]
fn every_grey_and_primary_gets_readable_colours() {
    let mut accents: Vec<String> = (0..=255u8)
        .step_by(5)
        .map(|v| format!("#{v:02x}{v:02x}{v:02x}"))
        .collect();
    for r in [0u8, 0x80, 0xff] {
        for g in [0u8, 0x80, 0xff] {
            for b in [0u8, 0x80, 0xff] {
                accents.push(format!("#{r:02x}{g:02x}{b:02x}"));
            }
        }
    }
    for accent in accents {
        let c = accent_colours(&accent).unwrap();
        let fill = rgb(&accent).unwrap();
        assert!(
            contrast(rgb(&c.ink).unwrap(), fill) >= MIN_CONTRAST,
            "{accent}"
        );
        assert!(
            contrast(rgb(&c.text_light).unwrap(), LIGHT_SURFACE) >= MIN_CONTRAST,
            "{accent}"
        );
        assert!(
            contrast(rgb(&c.text_dark).unwrap(), DARK_SURFACE) >= MIN_CONTRAST,
            "{accent}"
        );
    }
}

#[test]
fn not_a_colour() {
    for text in ["", "#", "#ab", "#abcd", "#ggg", "red", "#12345g"] {
        assert_eq!(accent_colours(text), None, "{text:?}");
    }
}

#[test]
fn part_names_are_public_and_unique() {
    let table = [
        (Part::Inputs, "inputs"),
        (Part::Summary, "summary"),
        (Part::Timeline, "timeline"),
        (Part::Volume, "volume"),
        (Part::Tornado, "tornado"),
        (Part::Uncertainty, "uncertainty"),
    ];
    assert_eq!(table.map(|(p, _)| p), Part::ALL);
    for (part, name) in table {
        assert_eq!(part.name(), name);
        assert_eq!(Part::from_name(name), Some(part));
        assert!(!part.label().is_empty());
    }
    assert_eq!(Part::from_name("Inputs"), None);
    assert_eq!(Part::from_name(""), None);
}

/// Checks the parts read from `query` (as names, `None` for every part), the
/// parts shown, and that the query is written back as read.
#[track_caller]
fn check_parts(query: &str, parts: Option<&str>, shown: &str) {
    let read = options(query);
    assert_eq!(read.parts.map(Parts::names).as_deref(), parts, "{query}");
    assert_eq!(read.shown().names(), shown, "{query}");
    let written = read.query();
    assert_eq!(options(&written), read, "{query} → {written}");
}

#[test]
fn parts_option() {
    const ALL: &str = "inputs,summary,timeline,volume,tornado,uncertainty";
    check_parts(
        "embed=1&parts=inputs,summary,timeline",
        Some("inputs,summary,timeline"),
        "inputs,summary,timeline",
    );
    check_parts("embed=1&parts=summary", Some("summary"), "summary");
    // Page order, whatever the order given; repeats, spaces and escapes are fine.
    check_parts(
        "embed=1&parts=timeline%2C%20summary,summary",
        Some("summary,timeline"),
        "summary,timeline",
    );
    // Unknown names are ignored; none known is every part.
    check_parts(
        "embed=1&parts=summary,chart,,SUMMARY",
        Some("summary"),
        "summary",
    );
    check_parts("embed=1&parts=nothing", None, ALL);
    check_parts("embed=1&parts=", None, ALL);
    check_parts("embed=1", None, ALL);
    // Outside an embed the page shows everything (the option is kept).
    check_parts("parts=summary", Some("summary"), ALL);
    // Commas stay readable in the address bar.
    assert_eq!(
        options("?theme=dark&parts=summary,inputs&embed=1").query(),
        "embed=1&theme=dark&parts=inputs,summary"
    );
    assert_eq!(options("parts=volume").query(), "parts=volume");
    assert!(Parts::SUGGESTED.has(Part::Summary) && !Parts::SUGGESTED.has(Part::Volume));
    assert!(Parts::NONE.is_empty());
    assert_eq!(
        Parts::ALL
            .with(Part::Tornado, false)
            .with(Part::Uncertainty, false)
            .names(),
        "inputs,summary,timeline,volume"
    );
}

#[test]
fn height_reports_of_the_documented_shape_only() {
    let table: &[(Option<&str>, Option<f64>, Option<u32>)] = &[
        (Some("ft-roi:height"), Some(1234.0), Some(1234)),
        (Some("ft-roi:height"), Some(0.5), Some(1)),
        (Some("ft-roi:height"), Some(99_999.2), Some(100_000)),
        (Some("ft-roi:height"), Some(100_000.0), None),
        (Some("ft-roi:height"), Some(0.0), None),
        (Some("ft-roi:height"), Some(-5.0), None),
        (Some("ft-roi:height"), Some(f64::NAN), None),
        (Some("ft-roi:height"), Some(f64::INFINITY), None),
        (Some("ft-roi:height"), None, None),
        (Some("ft-roi:measure"), Some(100.0), None),
        (Some("FT-ROI:HEIGHT"), Some(100.0), None),
        (None, Some(100.0), None),
    ];
    for &(kind, height, expected) in table {
        assert_eq!(height_report(kind, height), expected, "{kind:?} {height:?}");
    }
}

/// A request's `type`, `id` and `inputs`, and what it reads as.
type Request = (
    Option<&'static str>,
    Option<f64>,
    Option<Vec<(String, Value)>>,
    Option<ApiRequest>,
);

#[test]
fn host_api_requests_of_the_documented_shape_only() {
    let inputs = || Some(vec![("requests".to_owned(), Value::Number(5.0))]);
    let table: Vec<Request> = vec![
        (
            Some("ft-roi:get"),
            Some(7.0),
            None,
            Some(ApiRequest::Get { id: 7 }),
        ),
        (
            Some("ft-roi:get"),
            Some(0.0),
            inputs(),
            Some(ApiRequest::Get { id: 0 }),
        ),
        (
            Some("ft-roi:get"),
            Some(4_294_967_295.0),
            None,
            Some(ApiRequest::Get { id: u32::MAX }),
        ),
        (Some("ft-roi:get"), Some(4_294_967_296.0), None, None),
        (Some("ft-roi:get"), Some(1.5), None, None),
        (Some("ft-roi:get"), Some(-1.0), None, None),
        (Some("ft-roi:get"), Some(f64::NAN), None, None),
        (Some("ft-roi:get"), None, None, None),
        (
            Some("ft-roi:set"),
            Some(3.0),
            inputs(),
            Some(ApiRequest::Set {
                id: 3,
                inputs: inputs().unwrap(),
            }),
        ),
        (
            Some("ft-roi:set"),
            Some(3.0),
            Some(vec![]),
            Some(ApiRequest::Set {
                id: 3,
                inputs: vec![],
            }),
        ),
        (Some("ft-roi:set"), Some(3.0), None, None),
        (Some("ft-roi:set"), None, inputs(), None),
        (
            Some("ft-roi:subscribe"),
            None,
            None,
            Some(ApiRequest::Subscribe),
        ),
        (Some("FT-ROI:GET"), Some(1.0), None, None),
        (Some("ft-roi:state"), Some(1.0), None, None),
        (Some("ft-roi:height"), Some(1.0), None, None),
        (None, Some(1.0), inputs(), None),
    ];
    for (kind, id, inputs, expected) in table {
        assert_eq!(api_request(kind, id, inputs), expected, "{kind:?} {id:?}");
    }
}

/// The field texts a `set` writes, or each key's message.
type Expected<'a> = Result<&'a [(Field, &'a str)], &'a [(&'a str, &'a str)]>;

#[track_caller]
fn check_set_case(raw: &RawInputs, inputs: &[(&str, Value)], expected: Expected) {
    let inputs: Vec<(String, Value)> = inputs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let got = check_set(raw, &inputs);
    match expected {
        Ok(changes) => assert_eq!(
            got,
            Ok(changes.iter().map(|(f, t)| (*f, (*t).to_owned())).collect())
        ),
        Err(errors) => assert_eq!(
            got,
            Err(errors
                .iter()
                .map(|(k, m)| ((*k).to_owned(), (*m).to_owned()))
                .collect())
        ),
    }
}

#[test]
fn a_set_is_checked_field_by_field_against_the_scenario() {
    let raw = RawInputs::example();
    let text = |t: &str| Value::Text(t.to_owned());
    check_set_case(
        &raw,
        &[
            ("requests", Value::Number(250_000.0)),
            ("months", text("24")),
        ],
        Ok(&[(Field::Requests, "250000"), (Field::Months, "24")]),
    );
    check_set_case(&raw, &[], Ok(&[]));
    check_set_case(
        &raw,
        &[("requests", Value::Number(0.1 + 0.2))],
        Ok(&[(Field::Requests, "0.3")]),
    );
    // Each invalid value with its field's own message; the valid ones are not set either.
    check_set_case(
        &raw,
        &[
            ("requests", text("lots")),
            ("months", text("24")),
            ("colour", text("red")),
            ("training", Value::Other),
            ("finetuned", Value::Number(f64::INFINITY)),
        ],
        Err(&[
            ("colour", "Not an input of this calculator."),
            ("training", "Give the value as text or a number."),
            ("finetuned", "Give the value as text or a number."),
            ("requests", "Enter a plain number, like 2500 or 0.012."),
        ]),
    );
    // In the scenario's number format: a decimal comma in de-DE.
    let mut de = raw.clone();
    de.set(Field::Locale, "de-DE");
    check_set_case(
        &de,
        &[("baseline", Value::Number(0.015))],
        Ok(&[(Field::Baseline, "0,015")]),
    );
    check_set_case(
        &de,
        &[("baseline", text(" "))],
        Err(&[("baseline", "Enter a value.")]),
    );
}

#[test]
fn the_error_event_lists_every_invalid_field_by_key() {
    let mut raw = RawInputs::example();
    assert!(errors_by_key(&parse_scenario(&raw)).is_empty());
    raw.set(Field::Months, "");
    raw.set(Field::Requests, "x");
    let errors = errors_by_key(&parse_scenario(&raw));
    assert_eq!(
        errors.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        ["requests", "months"]
    );
    assert_eq!(errors[1].1, "Enter a value.");
}

#[test]
fn only_the_api_requests_load_the_host_api() {
    use ft_roi::core::codec::embed::is_api_request;
    for (kind, api) in [
        ("ft-roi:get", true),
        ("ft-roi:set", true),
        ("ft-roi:subscribe", true),
        ("ft-roi:measure", false),
        ("ft-roi:theme", false),
        ("ft-roi:state", false),
        ("ft-roi:results", false),
        ("FT-ROI:GET", false),
        ("", false),
    ] {
        assert_eq!(is_api_request(kind), api, "{kind}");
    }
}
