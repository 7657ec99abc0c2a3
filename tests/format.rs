//! Native tests of number formatting and the formula read-out.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::codec::export::ExportDoc;
use ft_roi::core::present::format::{builtin, data, raw, Display, Spec};
use ft_roi::core::present::formulas::{definitions, markup, worked, Formula};
use ft_roi::core::{calculate, Inputs};
use proptest::prelude::*;
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{count, money, money_input, months, number, percent, unit_cost, F};

/// A formatter, a value, and the text it must give.
type Case = (fn(f64) -> String, f64, &'static str);

#[test]
fn formats() {
    let table: [Case; 29] = [
        (money, 5900.000000000002, "$5,900.00"),
        (money, 0.0, "$0.00"),
        (money, -0.0, "$0.00"),
        (money, -0.001, "$0.00"),
        (money, -186.0, "−$186.00"),
        (money, 999.995, "$1,000.00"),
        (money, 1e15, "$1,000,000,000,000,000.00"),
        (money, 123.456, "$123.46"),
        (unit_cost, 0.008000000000000002, "$0.008"),
        (unit_cost, 0.000045, "$0.000045"),
        (unit_cost, 0.02, "$0.02"),
        (unit_cost, 0.012, "$0.012"),
        (unit_cost, 1.5, "$1.50"),
        (unit_cost, -0.01, "−$0.01"),
        (unit_cost, 1e-9, "$0.000000001"),
        (money_input, 2500.0, "$2,500"),
        (money_input, 100.5, "$100.50"),
        (percent, 159.45945945945945, "159.46%"),
        (percent, -27.82, "−27.82%"),
        (percent, 953243.24, "953,243.24%"),
        (months, 3.5714285714285716, "3.57"),
        (months, 0.0, "0.00"),
        (months, 0.004999, "under 0.01"),
        (months, 0.005, "0.01"),
        (count, 312499.99999999994, "312,500"),
        (count, 357142.85714285716, "357,143"),
        (count, 0.4, "0"),
        (number, 100000.0, "100,000"),
        (number, 1234.5, "1,234.5"),
    ];
    for (f, x, expected) in table {
        assert_eq!(f(x), expected, "{x}");
    }
    for f in [
        money,
        unit_cost,
        money_input,
        percent,
        months,
        count,
        number,
    ] {
        assert_eq!(f(f64::NAN), "n/a");
        assert_eq!(f(f64::INFINITY), "n/a");
    }
    assert_eq!(raw(None), "");
    assert_eq!(raw(Some(f64::NAN)), "");
    assert_eq!(raw(Some(5900.0)), "5900");
}

/// The built-in writer (the page's default display) writes exactly what
/// Chromium's `Intl.NumberFormat` writes (the other displays), for every
/// value and option set in the table `tools/intl-fixture.mjs` made in
/// Chromium: ties at every decimal place, the compact suffix boundaries,
/// 1 to 17 significant digits from 1e-10 to 1e22.
#[test]
fn builtin_writer_matches_chromium_intl() {
    let table = include_str!("fixtures/intl-en-us.tsv");
    let mut lines = table.lines().filter(|l| !l.starts_with('#'));
    let specs: Vec<Spec> = lines
        .next()
        .unwrap()
        .split('\t')
        .skip(1)
        .map(|spec| {
            let words: Vec<&str> = spec.split(' ').collect();
            let compact = words[0] == "compact";
            let style = if compact { words[1] } else { words[0] };
            let digits = |i: usize| {
                if compact {
                    0
                } else {
                    words[i].parse().unwrap()
                }
            };
            Spec {
                currency: style == "currency",
                percent: style == "percent",
                compact,
                min: digits(1),
                max: digits(2),
            }
        })
        .collect();
    let mut checked = 0;
    for line in lines {
        let mut cells = line.split('\t');
        let x: f64 = cells.next().unwrap().parse().unwrap();
        for (spec, expected) in specs.iter().zip(cells) {
            assert_eq!(
                builtin(x, *spec, Display::DEFAULT),
                expected,
                "{x} {spec:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5000, "{checked}");
}

/// The worked formula of each figure for `i`, by metric name.
fn worked_lines(i: &Inputs) -> impl Fn(&str) -> String {
    let lines = worked(F, i, &calculate(i));
    move |metric| {
        lines
            .iter()
            .find(|f| f.metric == metric)
            .and_then(|f| f.worked.clone())
            .unwrap()
    }
}

#[test]
fn formulas_substitute_the_numbers() {
    let i = Inputs::EXAMPLE;
    let line = worked_lines(&i);
    assert_eq!(line("request_savings"), "$0.02 − $0.012 = $0.008");
    assert_eq!(
        line("monthly_net_savings"),
        "$0.008 × 100,000 − $100 = $700.00"
    );
    assert_eq!(line("break_even_months"), "$2,500 ÷ $700.00 = 3.57 months");
    assert_eq!(
        line("break_even_requests"),
        "3.57 × 100,000 = 357,143 requests"
    );
    assert_eq!(
        line("training_recovery_requests"),
        "$2,500 ÷ $0.008 = 312,500 requests"
    );
    assert_eq!(
        line("break_even_volume"),
        "($2,500 ÷ 12 + $100) ÷ $0.008 = 38,542 requests/month"
    );
    assert_eq!(
        line("baseline_horizon_cost"),
        "$0.02 × 100,000 × 12 = $24,000.00"
    );
    assert_eq!(
        line("finetuned_horizon_cost"),
        "$0.012 × 100,000 × 12 + $100 × 12 + $2,500 = $18,100.00"
    );
    assert_eq!(line("investment"), "$2,500 + $100 × 12 = $3,700.00");
    assert_eq!(line("net_operating_savings"), "$700.00 × 12 = $8,400.00");
    assert_eq!(line("net_benefit"), "$24,000.00 − $18,100.00 = $5,900.00");
    assert_eq!(line("roi_percent"), "$5,900.00 ÷ $3,700.00 × 100 = 159.46%");
    // Every metric has a definition, in the same order either way.
    let metrics: Vec<_> = definitions().into_iter().map(|f| f.metric).collect();
    let lines = worked(F, &i, &calculate(&i));
    assert_eq!(metrics, lines.iter().map(|f| f.metric).collect::<Vec<_>>());
    // Every figure of the catalogue has its formula, in the same order.
    let catalogue: Vec<_> = ft_roi::core::present::figure::Figure::shown(false)
        .map(|m| m.name())
        .collect();
    assert_eq!(metrics, catalogue);
}

#[test]
fn retraining_and_accuracy_terms_appear_when_used() {
    let i = Inputs {
        retrain_cost: 1000.0,
        retrain_per_year: 4.0,
        accuracy_gain: 2.0,
        error_value: 0.5,
        ..Inputs::EXAMPLE
    };
    let line = worked_lines(&i);
    assert_eq!(
        line("monthly_net_savings"),
        "$0.008 × 100,000 + $1,000.00 − $100 = $1,700.00"
    );
    assert_eq!(
        line("investment"),
        "$2,500 + $100 × 12 + $1,000 × 4 = $7,700.00"
    );
    assert_eq!(
        line("net_operating_savings"),
        "$1,700.00 × 12 − $1,000 × 4 = $16,400.00"
    );
    assert_eq!(
        line("monthly_quality_value"),
        "2 ÷ 100 × $0.50 × 100,000 = $1,000.00"
    );
    assert_eq!(
        line("retraining_monthly_average"),
        "$1,000 × 4 ÷ 12 = $333.33"
    );
    assert_eq!(
        line("annual_benefit"),
        "$1,700.00 × 12 − $4,000 − $2,500 = $13,900.00"
    );
    assert_eq!(
        line("annual_roi_one_time"),
        "$13,900.00 ÷ $2,500 × 100 = 556.00%"
    );
}

#[test]
fn undefined_formulas_say_so_in_words() {
    let i = Inputs {
        maintenance: 900.0,
        finetuned: 0.03,
        ..Inputs::EXAMPLE
    };
    let line = worked_lines(&i);
    assert!(line("break_even_months").starts_with("never"));
    assert!(line("training_recovery_requests").starts_with("n/a"));
    assert_eq!(
        line("monthly_net_savings"),
        "(−$0.01) × 100,000 − $900 = −$1,900.00"
    );
}

#[test]
fn formula_markup_is_one_item_per_formula_with_text_escaped() {
    let worked = worked(F, &Inputs::EXAMPLE, &calculate(&Inputs::EXAMPLE));
    let html = markup(&worked);
    assert_eq!(html.matches("<li data-formula=").count(), worked.len());
    assert_eq!(
        html.matches(r#"<p class="formula-worked">"#).count(),
        worked.len()
    );
    assert!(html.contains(r#"<li data-formula="monthly_net_savings"><p class="formula-def"><strong>Monthly net savings</strong> = "#));
    assert_eq!(markup(&definitions()).matches("formula-worked").count(), 0);
    let odd = Formula {
        metric: "x",
        title: "<b>",
        words: "a & b",
        worked: Some("\"1\" < 2".to_owned()),
    };
    assert_eq!(
        markup(&[odd]),
        r#"<li data-formula="x"><p class="formula-def"><strong>&lt;b&gt;</strong> = a &amp; b</p><p class="formula-worked"><code>= &quot;1&quot; &lt; 2</code></p></li>"#
    );
}

#[path = "support/writer.rs"]
mod writer;

#[test]
fn data_values_lose_the_binary_noise_and_keep_every_entered_digit() {
    for (x, expected) in [
        (0.0006000000000000001, "0.0006"),
        (14999.999999999998, "15000"),
        (0.1 + 0.2, "0.3"),
        (0.02 - 0.012, "0.008"),
        (2500.0, "2500"),
        (-186.0, "-186"),
        (0.000045, "0.000045"),
        (123456789012345.0, "123456789012345"),
        (1e15, "1000000000000000"),
        (f64::NAN, ""),
        (f64::INFINITY, ""),
    ] {
        assert_eq!(data(x), expected, "{x:?}");
    }
}

proptest! {
    #[test]
    fn data_values_are_within_fifteen_digits_and_stable(x in prop::num::f64::NORMAL | prop::num::f64::ZERO) {
        let d: f64 = data(x).parse().unwrap();
        prop_assert!((d - x).abs() <= 1e-14 * x.abs(), "{x} → {d}");
        prop_assert_eq!(data(d), data(x));
    }

    #[test]
    fn data_values_keep_a_typed_decimal(digits in 1u64..999_999_999_999_999, point in 0u32..15) {
        let typed = digits as f64 / 10f64.powi(point as i32);
        prop_assert_eq!(data(typed), typed.to_string());
    }
}

proptest! {
    #[test]
    fn builtin_writer_rounds_at_its_last_place(x in writer::value(), spec in writer::spec()) {
        writer::check_writer(x, spec)?;
    }

    #[test]
    fn money_has_separators_and_two_decimals(x in -1e18..1e18f64) {
        let s = money(x);
        let digits = s.trim_start_matches('\u{2212}').trim_start_matches('$');
        let (int, frac) = digits.split_once('.').unwrap();
        prop_assert_eq!(frac.len(), 2);
        for group in int.split(',').skip(1) {
            prop_assert_eq!(group.len(), 3);
        }
        let back: f64 = digits.replace(',', "").parse().unwrap();
        prop_assert!((back - x.abs()).abs() <= 0.005 + x.abs() * 1e-15);
    }
}

/// The formatter is a value: two displays side by side on one thread
/// write their own currency, and nothing one writes changes the other (it
/// used to be a thread-wide setting, which a view had to remember to
/// subscribe to or it showed the old currency).
#[test]
fn formatters_are_values_that_do_not_share_a_display() {
    use ft_roi::core::present::format::Fmt;
    let euro = Fmt::builtin(Display::from_codes("EUR", "en-US"));
    let yen = Fmt::builtin(Display::from_codes("JPY", "en-US"));
    assert_eq!(euro.money(5900.0), "€5,900.00");
    assert_eq!(yen.money(5900.0), "¥5,900");
    assert_eq!(F.money(5900.0), "$5,900.00");
    assert_eq!(euro.money(-186.0), "−€186.00");
    assert_eq!(yen.unit_cost(0.008), "¥0.008");
    assert_eq!(euro.symbol(), "€");
    assert_eq!(Fmt::default(), Fmt::DEFAULT);
    assert_ne!(euro, yen);
    // A writer other than the built-in one writes every display but the
    // default, which stays the built-in en-US writer's.
    fn shout(x: f64, spec: Spec, display: Display) -> String {
        format!("<{}>", builtin(x, spec, display))
    }
    let custom = Fmt::new(Display::from_codes("EUR", "de-DE"), shout);
    assert_eq!(custom.money(1.5), "<€1.50>");
    assert_eq!(custom.money(-1.5), "−<€1.50>");
    assert_eq!(Fmt::new(Display::DEFAULT, shout).money(1.5), "$1.50");
    assert_ne!(custom, Fmt::builtin(custom.display));
    // The worked formulas and the exports take it as given.
    let i = Inputs::EXAMPLE;
    let r = calculate(&i);
    let text = markup(&worked(euro, &i, &r));
    assert!(text.contains('€') && !text.contains('$'), "{text}");
    let md = ExportDoc::new(euro, "x", &i.to_raw(), &i, &r).markdown();
    assert!(md.contains("€5,900.00"), "{md}");
    assert!(!ExportDoc::new(F, "x", &i.to_raw(), &i, &r)
        .markdown()
        .contains('€'));
}
