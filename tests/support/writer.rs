//! The number writer's promise, shared by `tests/format.rs` (in CI) and
//! `tests/fuzz.rs` (at scale): for any non-negative finite value and any
//! option set, the built-in writer never panics, writes between `min` and
//! `max` decimals with a separator every three integer digits, and the
//! figure it writes is the value rounded at its last place (the nearest,
//! give or take the last bit of the value's shortest decimal).

use ft_roi::core::present::format::{builtin, Display, Spec};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Values from every range the writer meets: figures, per-request costs,
/// and any finite `f64` at all.
pub fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..1e3f64,
        0.0..1e9f64,
        0.0..1e22f64,
        1e15..1e16f64,
        (0u32..13, 0u64..100_000).prop_map(|(d, n)| (n as f64 + 0.5) / 10f64.powi(d as i32)),
        any::<f64>()
            .prop_map(f64::abs)
            .prop_filter("finite", |x| x.is_finite()),
    ]
}

/// Every option set the writer accepts.
pub fn spec() -> impl Strategy<Value = Spec> {
    (0u8..3, any::<bool>(), 0usize..=12, 0usize..=12).prop_map(|(style, compact, a, b)| Spec {
        currency: style == 1,
        percent: style == 2 && !compact,
        compact,
        min: a.min(b),
        max: a.max(b),
    })
}

/// Checks the writer's promise for `x` written per `spec`.
pub fn check_writer(x: f64, spec: Spec) -> Result<(), TestCaseError> {
    let out = builtin(x, spec, Display::DEFAULT);
    let body = out.trim_start_matches('$').trim_end_matches('%');
    let (body, power) = match body.char_indices().last() {
        Some((at, c @ ('K' | 'M' | 'B' | 'T'))) if spec.compact => {
            (&body[..at], 3 * (1 + "KMBT".find(c).unwrap()) as i32)
        }
        _ => (body, 0),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    prop_assert!(frac.chars().all(|c| c.is_ascii_digit()), "{out}");
    // Separators every three digits, from four digits on (compact: five).
    let digits = int.replace(',', "");
    prop_assert!(
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
        "{out}"
    );
    let grouped = digits.len() >= if spec.compact { 5 } else { 4 };
    let groups: Vec<&str> = int.split(',').collect();
    prop_assert!(
        if grouped {
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
        } else {
            groups.len() == 1
        },
        "{out}: separators"
    );
    // Decimals, and the place the figure is rounded at.
    let place = if spec.compact {
        prop_assert!(frac.len() <= 1, "{out}: decimals");
        prop_assert!(digits.len() <= 3 || power == 12, "{out}: suffix");
        power - 1
    } else {
        prop_assert!(
            (spec.min..=spec.max).contains(&frac.len()),
            "{out}: decimals"
        );
        -(spec.max as i32)
    };
    let shown: f64 = body.replace(',', "").parse::<f64>().unwrap() * 10f64.powi(power);
    let half = 0.5 * 10f64.powi(place);
    prop_assert!(
        (shown - x).abs() <= half * (1.0 + 1e-9) + x * 1e-15,
        "{x} written {out}"
    );
    Ok(())
}
