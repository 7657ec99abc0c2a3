//! Native tests of the model: the seed example to the cent, edge cases, and
//! property tests of its invariants.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{count, money, months, percent, unit_cost};
use ft_roi::core::{calculate, Inputs, Results, Status};
use proptest::prelude::*;

fn inputs(
    training: f64,
    maintenance: f64,
    baseline: f64,
    finetuned: f64,
    requests: f64,
    months: u32,
) -> Inputs {
    Inputs {
        training,
        maintenance,
        baseline,
        finetuned,
        requests,
        months,
        // The optional inputs off, as in the example.
        ..Inputs::EXAMPLE
    }
}

fn opt(x: Option<f64>, f: fn(f64) -> String) -> String {
    x.map_or_else(|| "undefined".to_owned(), f)
}

/// Every figure, formatted as the page writes it, in a fixed order.
fn figures(r: &Results) -> Vec<String> {
    vec![
        unit_cost(r.request_savings),
        money(r.monthly_net_savings),
        opt(r.break_even_months, months),
        opt(r.break_even_requests, count),
        opt(r.training_recovery_requests, count),
        opt(r.break_even_volume, count),
        money(r.baseline_horizon_cost),
        money(r.finetuned_horizon_cost),
        money(r.investment),
        money(r.net_benefit),
        money(r.net_operating_savings),
        opt(r.roi_percent, percent),
        r.status.name().to_owned(),
    ]
}

#[track_caller]
fn check(i: Inputs, expected: &[&str]) {
    let got = figures(&calculate(&i));
    assert_eq!(got, expected, "inputs {i:?}");
}

#[test]
fn seed_example_reproduces_the_reference_page() {
    check(
        Inputs::EXAMPLE,
        &[
            "$0.008",
            "$700.00",
            "3.57",
            "357,143",
            "312,500",
            "38,542",
            "$24,000.00",
            "$18,100.00",
            "$3,700.00",
            "$5,900.00",
            "$8,400.00",
            "159.46%",
            "positive",
        ],
    );
}

#[test]
fn edge_cases() {
    // Savings do not cover maintenance: never breaks even.
    check(
        inputs(2500.0, 900.0, 0.02, 0.012, 100_000.0, 12),
        &[
            "$0.008",
            "−$100.00",
            "undefined",
            "undefined",
            "312,500",
            "138,542",
            "$24,000.00",
            "$27,700.00",
            "$13,300.00",
            "−$3,700.00",
            "−$1,200.00",
            "−27.82%",
            "never",
        ],
    );
    // Exactly zero monthly net savings is "never", not a division by zero.
    check(
        inputs(1000.0, 800.0, 0.02, 0.012, 100_000.0, 12),
        &[
            "$0.008",
            "$0.00",
            "undefined",
            "undefined",
            "125,000",
            "110,417",
            "$24,000.00",
            "$25,000.00",
            "$10,600.00",
            "−$1,000.00",
            "$0.00",
            "−9.43%",
            "never",
        ],
    );
    // Pays back after the horizon: 2500 / 700 = 3.57 months > 3.
    check(
        inputs(2500.0, 100.0, 0.02, 0.012, 100_000.0, 3),
        &[
            "$0.008",
            "$700.00",
            "3.57",
            "357,143",
            "312,500",
            "116,667",
            "$6,000.00",
            "$6,400.00",
            "$2,800.00",
            "−$400.00",
            "$2,100.00",
            "−14.29%",
            "beyond_horizon",
        ],
    );
    // Zero training: break-even at once.
    check(
        inputs(0.0, 100.0, 0.02, 0.012, 100_000.0, 12),
        &[
            "$0.008",
            "$700.00",
            "0.00",
            "0",
            "0",
            "12,500",
            "$24,000.00",
            "$15,600.00",
            "$1,200.00",
            "$8,400.00",
            "$8,400.00",
            "700.00%",
            "positive",
        ],
    );
    // Zero training and zero maintenance: nothing invested, ROI undefined.
    check(
        inputs(0.0, 0.0, 0.02, 0.012, 100_000.0, 12),
        &[
            "$0.008",
            "$800.00",
            "0.00",
            "0",
            "0",
            "0",
            "$24,000.00",
            "$14,400.00",
            "$0.00",
            "$9,600.00",
            "$9,600.00",
            "undefined",
            "positive",
        ],
    );
    // Fine-tuned dearer than the baseline.
    check(
        inputs(2500.0, 100.0, 0.01, 0.02, 100_000.0, 12),
        &[
            "−$0.01",
            "−$1,100.00",
            "undefined",
            "undefined",
            "undefined",
            "undefined",
            "$12,000.00",
            "$27,700.00",
            "$3,700.00",
            "−$15,700.00",
            "−$13,200.00",
            "−424.32%",
            "never",
        ],
    );
    // One month.
    check(
        inputs(2500.0, 100.0, 0.02, 0.012, 100_000.0, 1),
        &[
            "$0.008",
            "$700.00",
            "3.57",
            "357,143",
            "312,500",
            "325,000",
            "$2,000.00",
            "$3,800.00",
            "$2,600.00",
            "−$1,800.00",
            "$700.00",
            "−69.23%",
            "beyond_horizon",
        ],
    );
    // Six hundred months.
    check(
        inputs(2500.0, 100.0, 0.02, 0.012, 100_000.0, 600),
        &[
            "$0.008",
            "$700.00",
            "3.57",
            "357,143",
            "312,500",
            "13,021",
            "$1,200,000.00",
            "$782,500.00",
            "$62,500.00",
            "$417,500.00",
            "$420,000.00",
            "668.00%",
            "positive",
        ],
    );
    // A billion requests a month.
    check(
        inputs(2500.0, 100.0, 0.02, 0.012, 1e9, 12),
        &[
            "$0.008",
            "$7,999,900.00",
            // 0.0003 months: too short for hundredths, and not "at once".
            "under 0.01",
            "312,504",
            "312,500",
            "38,542",
            "$240,000,000.00",
            "$144,003,700.00",
            "$3,700.00",
            "$95,996,300.00",
            "$95,998,800.00",
            "2,594,494.59%",
            "positive",
        ],
    );
    // Costs of a millionth of a dollar.
    check(
        inputs(10.0, 0.0, 0.000002, 0.000001, 1e7, 12),
        &[
            "$0.000001",
            "$10.00",
            "1.00",
            "10,000,000",
            "10,000,000",
            "833,333",
            "$240.00",
            "$130.00",
            "$10.00",
            "$110.00",
            "$120.00",
            "1,100.00%",
            "positive",
        ],
    );
    // No requests at all.
    check(
        inputs(2500.0, 100.0, 0.02, 0.012, 0.0, 12),
        &[
            "$0.008",
            "−$100.00",
            "undefined",
            "undefined",
            "312,500",
            "38,542",
            "$0.00",
            "$3,700.00",
            "$3,700.00",
            "−$3,700.00",
            "−$1,200.00",
            "−100.00%",
            "never",
        ],
    );
}

#[test]
fn the_requests_at_break_even_match_the_months() {
    let r = calculate(&Inputs::EXAMPLE);
    let months = r.break_even_months.unwrap();
    assert!((r.break_even_requests.unwrap() - months * 100_000.0).abs() < 1e-6);
    // At the break-even volume the horizon's net benefit is zero.
    let at = calculate(&Inputs {
        requests: r.break_even_volume.unwrap(),
        ..Inputs::EXAMPLE
    });
    assert!(at.net_benefit.abs() < 1e-9, "{}", at.net_benefit);
}

/// Validated money and volume values: 0, or within 1e-9..=1e15, with a bias
/// towards everyday magnitudes.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        1e-9..1e-3f64,
        0.0..10.0f64,
        0.0..1e6f64,
        1e6..1e15f64,
        Just(1e15),
    ]
}

fn any_inputs() -> impl Strategy<Value = Inputs> {
    (amount(), amount(), amount(), amount(), amount(), 1u32..=600)
        .prop_map(|(t, m, b, f, v, h)| inputs(t, m, b, f, v, h))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn net_benefit_is_the_difference_of_the_horizon_costs(i in any_inputs()) {
        let r = calculate(&i);
        let diff = r.baseline_horizon_cost - r.finetuned_horizon_cost;
        // The two sides are computed along different paths; compare them at
        // the precision of the largest term involved.
        let scale = r.baseline_horizon_cost.abs().max(r.finetuned_horizon_cost.abs()).max(1.0);
        prop_assert!((r.net_benefit - diff).abs() <= 1e-9 * scale, "{} vs {}", r.net_benefit, diff);
    }

    #[test]
    fn break_even_months_times_net_savings_is_the_training_cost(i in any_inputs()) {
        let r = calculate(&i);
        if let Some(m) = r.break_even_months {
            prop_assert!(close(m * r.monthly_net_savings, i.training));
        }
        prop_assert_eq!(r.break_even_months.is_some(), r.monthly_net_savings > 0.0);
    }

    #[test]
    fn status_agrees_with_the_signs(i in any_inputs()) {
        let r = calculate(&i);
        let expected = if r.monthly_net_savings <= 0.0 {
            Status::Never
        } else if r.net_benefit > 0.0 {
            Status::Positive
        } else {
            Status::BeyondHorizon
        };
        prop_assert_eq!(r.status, expected);
        if r.status == Status::BeyondHorizon {
            prop_assert!(r.break_even_months.unwrap() >= f64::from(i.months) * (1.0 - 1e-12));
        }
        if r.status == Status::Positive {
            prop_assert!(r.break_even_months.unwrap() <= f64::from(i.months) * (1.0 + 1e-12));
        }
    }

    #[test]
    fn no_figure_is_nan_or_infinite(i in any_inputs()) {
        let r = calculate(&i);
        let all = [
            Some(r.request_savings), Some(r.monthly_net_savings), r.break_even_months,
            r.break_even_requests, r.training_recovery_requests, r.break_even_volume,
            Some(r.baseline_horizon_cost), Some(r.finetuned_horizon_cost), Some(r.investment),
            Some(r.net_benefit), Some(r.net_operating_savings), r.roi_percent,
        ];
        for x in all.into_iter().flatten() {
            prop_assert!(x.is_finite(), "{x} in {r:?}");
        }
        // Defined exactly when the definitions say so.
        prop_assert_eq!(r.training_recovery_requests.is_some(), r.request_savings > 0.0);
        prop_assert_eq!(r.break_even_volume.is_some(), r.request_savings > 0.0);
        prop_assert_eq!(r.roi_percent.is_some(), r.investment > 0.0);
        for text in figures(&r) {
            prop_assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
        }
    }
}
