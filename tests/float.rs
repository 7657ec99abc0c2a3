//! Native tests of `core::float`: its digits, text and readings are the
//! standard library's, on tables of hard cases and on millions of random
//! values (every bit pattern class: subnormals, powers of two, halfway
//! decimals, long digit strings).
#![cfg(not(target_arch = "wasm32"))]
// Literals written with more digits than an f64 holds are cases on purpose.
#![allow(clippy::excessive_precision)]

use ft_roi::core::present::float::{display, fixed, parse, shortest, significant};
use ft_roi::core::present::format::data;
use proptest::prelude::*;

/// The standard library's shortest digits and point, from `{:e}`.
fn std_shortest(x: f64) -> (Vec<u8>, i32) {
    let text = format!("{:e}", x.abs());
    let (mantissa, exponent) = text.split_once('e').expect("an exponent");
    let digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if digits == [0] {
        return (vec![], 0);
    }
    let mut digits = digits;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, exponent.parse::<i32>().expect("an exponent") + 1)
}

/// The exact decimal of `(a + b) / 2` for non-negative doubles, as `d.ddd…e±x`.
fn midpoint(a: f64, b: f64) -> String {
    // Exact decimals of both (at most 767 significant digits, so 1100 decimals are exact), as
    // digit strings over the same power of ten.
    let exact = |x: f64| {
        let text = format!("{x:.1100e}");
        let (mantissa, exponent) = text.split_once('e').unwrap();
        let digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        (digits, exponent.parse::<i64>().unwrap())
    };
    let ((da, ea), (db, eb)) = (exact(a), exact(b));
    let top = ea.max(eb);
    // Align: digit i stands for 10^(top − i).
    let len = 1101 + (top - ea.min(eb)) as usize + 1;
    let mut sum = vec![0u32; len + 1];
    for (digits, e) in [(&da, ea), (&db, eb)] {
        let offset = (top - e) as usize + 1;
        for (i, &d) in digits.iter().enumerate() {
            sum[offset + i] += u32::from(d);
        }
    }
    for i in (1..sum.len()).rev() {
        sum[i - 1] += sum[i] / 10;
        sum[i] %= 10;
    }
    // Halve, digit by digit, one more digit for the last half.
    sum.push(0);
    let mut carry = 0;
    for d in &mut sum {
        let v = carry * 10 + *d;
        *d = v / 2;
        carry = v % 2;
    }
    // sum[0] stands for 10^(top + 1).
    let first = sum.iter().position(|&d| d != 0).unwrap_or(0);
    let digits: String = sum[first..]
        .iter()
        .map(|d| char::from(b'0' + *d as u8))
        .collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    format!(
        "{}.{}e{}",
        &digits[..1],
        &digits[1..],
        top + 1 - first as i64
    )
}

#[track_caller]
fn check_write(x: f64) {
    assert_eq!(shortest(x), std_shortest(x), "shortest({x:e})");
    assert_eq!(display(x), x.to_string(), "display({x:e})");
}

#[track_caller]
fn check_read(text: &str) {
    let expected = text.parse::<f64>().ok().filter(|_| {
        !text
            .to_ascii_lowercase()
            .trim_start_matches(['+', '-'])
            .starts_with(['i', 'n'])
    });
    let got = parse(text);
    assert_eq!(
        got.map(f64::to_bits),
        expected.map(f64::to_bits),
        "parse({text:?}) = {got:?}, std: {expected:?}"
    );
}

#[test]
fn writes_as_the_standard_library_does() {
    let table = [
        0.0,
        -0.0,
        1.0,
        5900.0,
        0.008,
        0.012,
        0.02,
        0.1,
        0.3,
        0.1 + 0.2,
        159.45945945945945,
        3.5714285714285716,
        1.005,
        2.5,
        1e15,
        1e16,
        1e21,
        1e22,
        1e23,
        123456789012345680.0,
        9007199254740993.0,
        5e-324,
        f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 2.0,
        f64::MAX,
        f64::EPSILON,
        1e-7,
        0.000001,
        2f64.powi(-1022),
        2f64.powi(1023),
        2f64.powi(-1074) * 3.0,
        1.7976931348623157e308,
        4.9406564584124654e-324,
        2.2250738585072009e-308,
        2.2250738585072014e-308,
        9.5,
        0.95,
        0.5,
        99999999999999999.0,
    ];
    for x in table {
        check_write(x);
        check_write(-x);
    }
    // Every power of two: the asymmetric neighbours below.
    for e in -1074..=1023 {
        check_write(2f64.powi(e));
    }
    // Every power of ten and its neighbours.
    for e in -323..=308 {
        let x: f64 = format!("1e{e}").parse().unwrap();
        check_write(x);
        check_write(f64::from_bits(x.to_bits() + 1));
        check_write(f64::from_bits(x.to_bits() - 1));
    }
    for (x, decimals) in [
        (0.125, 2),
        (0.375, 2),
        (2.5, 0),
        (3.5, 0),
        (0.5, 0),
        (-0.0, 2),
        (-0.001, 2),
        (0.1 + 0.01, 2),
        (1e300, 3),
        (5e-324, 12),
        (123.456, 12),
        (1e15 + 0.3, 1),
    ] {
        assert_eq!(
            fixed(x, decimals),
            format!("{x:.decimals$}"),
            "fixed({x:e}, {decimals})"
        );
    }
    for x in [
        0.125,
        0.375,
        2.5,
        3.5,
        9.5,
        0.95,
        12345.5,
        12344.5,
        1e23,
        9.999999999999999e22,
        5e-324,
        f64::MAX,
        0.1,
        1.0,
    ] {
        for n in 1..=17 {
            let (digits, point) = significant(x, n);
            let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let std = format!("{:.*e}", n - 1, x);
            let (mantissa, exponent) = std.split_once('e').unwrap();
            assert_eq!(
                (text, point),
                (
                    mantissa.replace('.', ""),
                    exponent.parse::<i32>().unwrap() + 1
                ),
                "significant({x:e}, {n})"
            );
        }
        assert_eq!(
            data(x),
            format!("{x:.14e}").parse::<f64>().unwrap().to_string(),
            "data({x:e})"
        );
    }
    assert_eq!(display(f64::NAN), "NaN");
    assert_eq!(display(f64::INFINITY), "inf");
    assert_eq!(display(f64::NEG_INFINITY), "-inf");
}

#[test]
fn reads_as_the_standard_library_does() {
    let table = [
        "0",
        "-0",
        "+0",
        "0.0",
        "00",
        "1",
        "1.",
        ".5",
        "-.5",
        "+.5e-3",
        "2500",
        "0.012",
        "0.02",
        "100000",
        "1e15",
        "1E15",
        "1e+15",
        "1e-9",
        "0.000000001",
        "159.45945945945945",
        "3.5714285714285716",
        "9007199254740993",
        "9007199254740992.5",
        "9007199254740993.000001",
        "1e22",
        "1e23",
        "8.988465674311579e307",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e308",
        "1e309",
        "1e400",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "1e-400",
        "-1e-400",
        "123456789012345678901234567890",
        "0.1000000000000000055511151231257827",
        "0.1000000000000000055511151231257828",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "1e0000000000000000000001",
        "1e-99999999999999999999",
        "1e99999999999999999999",
        // Not numbers.
        "",
        ".",
        "-",
        "+",
        "e5",
        "1e",
        "1e+",
        "1.2.3",
        "1..2",
        "--1",
        "1e5.5",
        " 1",
        "1 ",
        "1,5",
        "0x10",
        "inf",
        "-inf",
        "NaN",
        "infinity",
        "1_000",
        "١",
    ];
    for text in table {
        check_read(text);
    }
    // A midpoint with many more digits than kept: the digits past them decide.
    let midpoint = "1.00000000000000011102230246251565404236316680908203125";
    for tail in ["", "0", "00000000000000000000001"] {
        check_read(&format!("{midpoint}{}{tail}", "0".repeat(900)));
    }
    check_read(&format!("0.{}1", "0".repeat(340)));
    check_read(&format!("{}e-900", "1".repeat(1000)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn any_double_is_written_as_std_writes_it(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        check_write(x);
    }

    #[test]
    fn any_double_is_written_with_fixed_decimals_as_std_writes_it(bits in any::<u64>(), decimals in 0usize..=14, small in any::<bool>()) {
        // Half the cases near the fields' values (where arrow keys step), half anywhere.
        let x = if small { f64::from_bits(bits % 0x4330_0000_0000_0000) } else { f64::from_bits(bits) };
        prop_assume!(x.is_finite());
        prop_assert_eq!(fixed(x, decimals), format!("{x:.decimals$}"), "fixed({:e}, {})", x, decimals);
    }

    #[test]
    fn any_double_is_rounded_to_significant_digits_as_std_rounds_it(bits in any::<u64>(), n in 1usize..=17) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let (digits, point) = significant(x, n);
        let std = format!("{:.*e}", n - 1, x.abs());
        let (mantissa, exponent) = std.split_once('e').unwrap();
        let expected: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        if x == 0.0 {
            prop_assert_eq!((digits, point), (vec![], 0));
        } else {
            prop_assert_eq!((digits, point), (expected, exponent.parse::<i32>().unwrap() + 1), "{:e}", x);
        }
    }

    #[test]
    fn dyadic_values_tie_as_std_ties_them(a in 1u64..(1 << 40), j in 0i32..30, n in 1usize..=17, decimals in 0usize..=14) {
        // a / 2^j has a short exact decimal: roundings to fewer digits often fall on a tie.
        let x = a as f64 / 2f64.powi(j);
        let (digits, point) = significant(x, n);
        let std = format!("{:.*e}", n - 1, x);
        let (mantissa, exponent) = std.split_once('e').unwrap();
        let expected: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        prop_assert_eq!((digits, point), (expected, exponent.parse::<i32>().unwrap() + 1), "{:e} {}", x, n);
        prop_assert_eq!(fixed(x, decimals), format!("{x:.decimals$}"));
        prop_assert_eq!(data(x), format!("{x:.14e}").parse::<f64>().unwrap().to_string());
    }

    #[test]
    fn data_values_are_what_the_standard_library_made_them(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let expected = format!("{x:.14e}").parse::<f64>().unwrap_or(x).to_string();
        prop_assert_eq!(data(x), expected);
    }

    #[test]
    fn any_double_reads_back_from_std_text(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        for text in [x.to_string(), format!("{x:e}"), format!("{x:.3e}"), format!("{x:.20e}"), format!("{x:.3}")] {
            check_read(&text);
        }
    }

    #[test]
    fn typed_decimals_read_as_std_reads_them(
        sign in "[-+]?",
        whole in "[0-9]{0,25}",
        fraction in proptest::option::of("[0-9]{0,25}"),
        exponent in proptest::option::of("[eE][-+]?[0-9]{1,3}"),
    ) {
        let text = format!("{sign}{whole}{}{}", fraction.map(|f| format!(".{f}")).unwrap_or_default(), exponent.unwrap_or_default());
        check_read(&text);
    }

    #[test]
    fn halfway_decimals_round_as_std_rounds_them(bits in any::<u64>(), tail in "[0-9]{1,5}") {
        // The exact decimal of the midpoint between x and its neighbour above (a tie), and a
        // little more than it.
        let x = f64::from_bits(bits >> 1);
        prop_assume!(x.is_finite() && x < f64::MAX);
        let mid = midpoint(x, f64::from_bits(x.to_bits() + 1));
        check_read(&mid);
        let (mantissa, exponent) = mid.split_once('e').unwrap();
        check_read(&format!("{mantissa}{tail}e{exponent}"));
    }

    #[test]
    fn any_text_of_number_characters_reads_as_std_reads_it(text in "[-+0-9.eE]{0,30}") {
        check_read(&text);
    }
}
