//! CSV writing: RFC 4180 quoting, and text that a spreadsheet would run as
//! a formula written so that it shows as text (OWASP's advice: a single
//! quote in front, and the cell quoted), while numbers stay numbers.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::csv::{csv_cell, csv_line, csv_row, Cell, FORMULA_TRIGGERS};
use ft_roi::core::codec::export::ExportDoc;
use ft_roi::core::present::compare::compare;
use ft_roi::core::{calculate, Field, Inputs, RawInputs};
use proptest::prelude::*;
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::F;

#[track_caller]
fn check(cell: Cell, expected: &str) {
    assert_eq!(csv_cell(cell), expected, "{cell:?}");
}

#[test]
fn text_that_starts_a_formula_is_written_as_text() {
    use Cell::{Number, Text};
    for (cell, expected) in [
        // The dangerous prefixes: =, +, -, @, tab, carriage return.
        (Text("=1+1"), r#""'=1+1""#),
        (Text("+1+1"), r#""'+1+1""#),
        (Text("-1+1"), r#""'-1+1""#),
        (Text("@SUM(1,1)"), r#""'@SUM(1,1)""#),
        (Text("\t=1+1"), "\"'\t=1+1\""),
        (Text("\r=1+1"), "\"'\r=1+1\""),
        (
            Text(r#"=HYPERLINK("http://example.invalid/","x")"#),
            r#""'=HYPERLINK(""http://example.invalid/"",""x"")""#,
        ),
        (Text("=cmd|' /C calc'!A0"), r#""'=cmd|' /C calc'!A0""#),
        // Text that looks like a number is text too: a name "-1600".
        (Text("-1600"), r#""'-1600""#),
        (Text("-"), r#""'-""#),
        // Elsewhere in the cell they are harmless.
        (Text("1+1=2"), "1+1=2"),
        (Text("a@b"), "a@b"),
        (Text(" =1+1"), " =1+1"),
        (Text("−$1,600.00"), "\"−$1,600.00\""),
        // RFC 4180 quoting.
        (Text("plain"), "plain"),
        (Text(""), ""),
        (Text("a,b"), "\"a,b\""),
        (Text("say \"hi\""), "\"say \"\"hi\"\"\""),
        (Text("two\nlines"), "\"two\nlines\""),
        // Numbers as the exports write them stay numbers.
        (Number("-1600"), "-1600"),
        (Number("0.0125"), "0.0125"),
        (Number("-0"), "-0"),
        (Number("138541.666666667"), "138541.666666667"),
        (Number("1e21"), "1e21"),
        (Number(""), ""),
        // Anything else given as a number is text, and guarded.
        (Number("=1+1"), r#""'=1+1""#),
        (Number("-1+1"), r#""'-1+1""#),
        (Number("+5"), r#""'+5""#),
        (Number("-"), r#""'-""#),
        (Number("1.5."), "1.5."),
        (Number("positive"), "positive"),
    ] {
        check(cell, expected);
    }
}

#[test]
fn lines_end_in_crlf() {
    assert_eq!(
        csv_row([Cell::Text("=a"), Cell::Number("-1"), Cell::Text("b,c")]),
        "\"'=a\",-1,\"b,c\"\r\n"
    );
    assert_eq!(
        csv_line(["month", "-12.5", "@x"]),
        "month,-12.5,\"'@x\"\r\n"
    );
}

proptest! {
    /// Whatever the text, a spreadsheet never sees a cell that starts a
    /// formula, and a CSV reader gets the text back (after the quote).
    #[test]
    fn no_text_cell_starts_a_formula(text in "[=+@\t\r\n\",a1 -]{0,12}") {
        let cell = csv_cell(Cell::Text(&text));
        let inner = cell
            .strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .map_or(cell.clone(), |c| c.replace("\"\"", "\""));
        prop_assert!(!inner.starts_with(FORMULA_TRIGGERS), "{cell:?}");
        prop_assert_eq!(inner.strip_prefix('\'').filter(|_| text.starts_with(FORMULA_TRIGGERS)).unwrap_or(&inner), text.as_str());
    }
}

#[test]
fn exports_guard_names_and_keep_numbers() {
    let i = Inputs {
        training: 10_000.0,
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    let csv = ExportDoc::new(F, "=1+1", &i.to_raw(), &i, &r).csv();
    assert!(
        csv.contains("\r\nscenario,name,Scenario,,\"'=1+1\"\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nresult,net_benefit,Projected net benefit,-1600,\"−$1,600.00\"\r\n"),
        "{csv}"
    );
    let mut b = RawInputs::example();
    b.set(Field::Training, "10000");
    let table = compare(
        F,
        &[
            ("@SUM(1,1)".into(), RawInputs::example()),
            ("-1+1".into(), b),
        ],
    );
    let csv = table.to_csv();
    assert!(
        csv.starts_with("name,label,\"'@SUM(1,1)\",\"'-1+1\"\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nnet_benefit,Projected net benefit,5900,-1600\r\n"),
        "{csv}"
    );
}
