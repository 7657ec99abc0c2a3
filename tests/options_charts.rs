//! The options charts (issue 28): the cumulative cost series and their
//! crossing months, the volume chart's range, lines, envelope and table,
//! against the options' costs.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::options::{cumulative_costs, option_cost, pv_curve};
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::model::{Approach, Basis, Retraining};
use ft_roi::core::present::chart::{
    month_crossings, options_cumulative, options_volume, volume_range, Plotted,
};
use ft_roi::core::present::format::Fmt;
use proptest::prelude::*;

#[path = "support/options_strategies.rs"]
mod options_strategies;
#[path = "support/serving.rs"]
mod serving;
use options_strategies::{any_basis, any_option};

const F: Fmt = Fmt::DEFAULT;

/// 100,000 requests a month for 12 months, no growth, no discounting.
const BASIS: Basis = Basis {
    months: 12,
    requests: 100_000.0,
    growth: 0.0,
    discount: 0.0,
    error_value: 0.5,
};

fn simple(per_request: f64, one_time: f64) -> Approach {
    Approach {
        cost_per_request: per_request,
        monthly: 0.0,
        serving: Serving::PerToken,
        one_time,
        retraining: Retraining::default(),
        accuracy: 0.0,
    }
}

fn plotted(options: &[Approach]) -> Vec<Plotted> {
    options
        .iter()
        .enumerate()
        .map(|(k, a)| Plotted {
            number: k + 1,
            title: format!("Option {}", k + 1),
            approach: *a,
        })
        .collect()
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} != {b}"
    );
}

#[test]
fn cumulative_costs_by_hand() {
    // One-time at month 0; requests, the fixed monthly cost and retraining
    // lumps in their months; the accuracy's value taken off each month.
    let trained = Approach {
        cost_per_request: 0.01,
        monthly: 100.0,
        serving: Serving::PerToken,
        one_time: 5_000.0,
        retraining: Retraining {
            cost: 1_000.0,
            per_year: 2.0,
            ..Retraining::default()
        },
        accuracy: 1.0,
    };
    let c = cumulative_costs(&BASIS, &trained);
    assert_eq!(c.len(), 13);
    assert_eq!(c[0], 5_000.0);
    // Each month: 1,000 requests + 100 − 1/100 × 0.5 × 100,000 = 600.
    close(c[1], 5_600.0, "month 1");
    close(c[5], 8_000.0, "month 5");
    // The first retraining lands in month 6, the second in month 12.
    close(c[6], 9_600.0, "month 6");
    close(c[12], 5_000.0 + 12.0 * 600.0 + 2_000.0, "month 12");
    assert_eq!(c[12], option_cost(&BASIS, &trained).cost);
    // No months: the one-time cost alone.
    let none = Basis { months: 0, ..BASIS };
    assert_eq!(cumulative_costs(&none, &trained), vec![5_000.0]);
}

/// Cumulative costs, one series per option.
type Series = Vec<Vec<f64>>;
/// A crossing: (month, i, j).
type Found = (f64, usize, usize);

#[test]
fn crossing_months_by_hand() {
    // (series, crossings as (month, i, j))
    let cases: Vec<(Series, Vec<Found>)> = vec![
        // Never cross.
        (vec![vec![0.0, 1.0, 2.0], vec![1.0, 2.0, 3.0]], vec![]),
        // Swap within month 2: 2 − 1.5 = 0.5 ahead, then 3 − 3.5 = −0.5 behind.
        (
            vec![vec![1.0, 1.5, 2.0, 3.0], vec![0.0, 1.0, 1.5, 3.5]],
            vec![(2.5, 0, 1)],
        ),
        // Equal at month 1 and 2, then swap: the first month they met.
        (
            vec![vec![0.0, 1.0, 2.0, 4.0], vec![1.0, 1.0, 2.0, 3.0]],
            vec![(1.0, 0, 1)],
        ),
        // Touch and part the same way: no crossing.
        (vec![vec![0.0, 1.0, 0.0], vec![1.0, 1.0, 1.0]], vec![]),
        // Equal from the start then apart: no crossing.
        (vec![vec![1.0, 1.0, 2.0], vec![1.0, 1.0, 3.0]], vec![]),
        // Back and forth, and three series.
        (
            vec![
                vec![0.0, 2.0, 0.0, 2.0],
                vec![1.0, 1.0, 1.0, 1.0],
                vec![5.0, 5.0, 5.0, 5.0],
            ],
            vec![(0.5, 0, 1), (1.5, 0, 1), (2.5, 0, 1)],
        ),
    ];
    for (series, want) in cases {
        assert_eq!(month_crossings(&series), want, "{series:?}");
    }
}

#[test]
fn the_volume_range_covers_the_current_volume_and_the_crossovers() {
    // (current volume, crossover volumes, range)
    let cases: [(f64, &[f64], f64); 5] = [
        (100_000.0, &[], 200_000.0),
        (100_000.0, &[50_000.0, 400_000.0], 500_000.0),
        // A crossover beyond 100 × the current volume is left out.
        (1_000.0, &[1e9], 2_000.0),
        (0.0, &[8_000.0], 10_000.0),
        (0.0, &[], 10_000.0),
    ];
    for (current, x, want) in cases {
        close(volume_range(current, x), want, "range");
    }
}

#[test]
fn the_cumulative_chart_marks_the_months_where_options_cross() {
    // A: $0.02 a request; B: $0.01 a request and $5,000 up front: B
    // catches up at 5,000 / (0.01 × 100,000) = month 5 exactly.
    let options = plotted(&[simple(0.02, 0.0), simple(0.01, 5_000.0)]);
    let chart = options_cumulative(F, &BASIS, &options, 640.0, 320.0);
    assert_eq!(chart.readouts.len(), 13);
    assert_eq!(chart.crossings.len(), 1);
    close(chart.crossings[0].at, 5.0, "crossing");
    assert_eq!(chart.crossings[0].between, (1, 2));
    assert_eq!(chart.series.len(), 2);
    assert_eq!(chart.columns, ["Month", "Option 1", "Option 2"]);
    assert!(
        chart
            .summary
            .contains("Option 2 is cheapest from month 5.00"),
        "{}",
        chart.summary
    );
    let svg = chart.svg();
    assert!(svg.contains(r#"data-series="2""#) && svg.contains(r#"data-crossing="1 2""#));
    // Level at the start, then one lower: lowest throughout, no crossing.
    let level = plotted(&[simple(0.02, 0.0), simple(0.01, 0.0)]);
    let chart = options_cumulative(F, &BASIS, &level, 640.0, 320.0);
    assert!(chart.crossings.is_empty());
    assert!(
        chart
            .summary
            .starts_with("Option 2 has the lowest cumulative cost throughout the 12-month horizon"),
        "{}",
        chart.summary
    );
    let options = plotted(&[simple(0.02, 0.0), simple(0.01, 5_000.0)]);
    let chart = options_cumulative(F, &BASIS, &options, 640.0, 320.0);
    // The table's last row is each option's cost.
    let table = chart.table();
    let last = table.rows.last().unwrap();
    assert_eq!(last.cells[0].text, "$24,000.00");
    assert_eq!(last.cells[1].text, "$17,000.00");
}

#[test]
fn the_volume_chart_marks_the_crossovers_and_the_current_volume() {
    // A: $0.02 a request; B: $0.01 a request and $6,000 up front: B is
    // cheaper above 6,000 / (0.01 × 12) = 50,000 requests a month.
    let options = plotted(&[simple(0.02, 0.0), simple(0.01, 6_000.0)]);
    let chart = options_volume(F, &BASIS, &options, 640.0, 300.0);
    assert_eq!(chart.crossings.len(), 1);
    close(chart.crossings[0].at, 50_000.0, "crossover");
    assert_eq!(chart.markers[0].key, "current");
    assert!(
        chart
            .summary
            .contains("above 50,000 requests a month Option 2 is cheapest"),
        "{}",
        chart.summary
    );
    // The crossover and the current volume are rows of the table.
    let table = chart.table();
    let row = |v: f64| {
        table
            .rows
            .iter()
            .find(|r| r.head.value.as_deref() == Some(&ft_roi::core::present::format::raw(Some(v))))
            .unwrap_or_else(|| panic!("no row at {v}"))
    };
    assert_eq!(row(50_000.0).cells[0].text, row(50_000.0).cells[1].text);
    assert_eq!(row(100_000.0).cells[0].text, "$24,000.00");
    assert!(chart.svg().contains("data-envelope"));
}

#[test]
fn the_volume_lines_step_with_the_serving_units() {
    // One unit serves 3,600 × 100 × 1 requests a month: 360,000.
    let units = Approach {
        serving: Serving::Capacity(Capacity {
            unit_rate: 10.0,
            unit_rps: 1.0,
            peak_factor: 1.0,
            min_units: 1.0,
            unit_hours: 100.0,
        }),
        ..simple(0.0, 0.0)
    };
    let curve = pv_curve(&BASIS, &units, 1e6, 100).unwrap();
    // Each unit $1,000 a month, 12 months: steps of $12,000 above 360,000
    // and 720,000 requests (with the unit tolerance).
    assert_eq!(curve.steps.len(), 2);
    close(curve.at_zero, 12_000.0, "one unit");
    close(curve.steps[0].1, 12_000.0, "a step");
    close(curve.at(500_000.0), 24_000.0, "two units");
    // Too many steps for the limit.
    assert_eq!(pv_curve(&BASIS, &units, 1e9, 100), None);
    // The chart draws them and the envelope follows the cheaper line.
    let options = plotted(&[simple(0.05, 0.0), units]);
    let chart = options_volume(F, &BASIS, &options, 640.0, 300.0);
    assert!(!chart.crossings.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The charts agree with the figures: each cumulative line ends at the
    /// option's cost, the volume chart at the current volume reads each
    /// option's present-value cost, every value is finite, and the
    /// envelope is at or below every line.
    #[test]
    fn the_charts_agree_with_the_figures(
        basis in any_basis(),
        approaches in prop::collection::vec(any_option(), 1..=5),
    ) {
        let options = plotted(&approaches);
        let time = options_cumulative(F, &basis, &options, 390.0, 300.0);
        let last = time.readouts.last().unwrap();
        for (k, a) in approaches.iter().enumerate() {
            prop_assert_eq!(last.raw[k + 1], option_cost(&basis, a).cost);
        }
        let volume = options_volume(F, &basis, &options, 390.0, 300.0);
        let now = volume.readouts.iter().find(|r| r.raw[0] == basis.requests);
        let now = now.expect("a row at the current volume");
        for (k, a) in approaches.iter().enumerate() {
            prop_assert_eq!(now.raw[k + 1], option_cost(&basis, a).pv_cost);
        }
        for r in time.readouts.iter().chain(&volume.readouts) {
            prop_assert!(r.raw.iter().chain(&r.ys).all(|v| v.is_finite()));
        }
        let hi = volume.readouts.last().unwrap().raw[0];
        let curves: Option<Vec<_>> = approaches.iter().map(|a| pv_curve(&basis, a, hi, 400)).collect();
        if let Some(curves) = curves {
            for &(v, e) in &volume.envelope_points {
                for c in &curves {
                    let above: f64 = c.steps.iter().filter(|s| s.0 == v).map(|s| s.1).sum();
                    let line = c.at(v).max(c.at(v) + above);
                    prop_assert!(e <= line + 1e-9 * line.abs().max(1.0), "{e} > {line} at {v}");
                }
            }
        }
    }

    /// Each option's curve against volume is its present-value cost at
    /// every volume (between its steps, where the cost is one value).
    #[test]
    fn the_volume_curve_is_the_present_value_cost(
        basis in any_basis(),
        a in any_option(),
        share in 0.0..1.0f64,
    ) {
        let hi = 2e6;
        if let Some(c) = pv_curve(&basis, &a, hi, 20_000) {
            let v = share * hi;
            if c.steps.iter().all(|s| (s.0 - v).abs() > 1e-6 * v.max(1.0)) {
                let want = option_cost(&Basis { requests: v, ..basis }, &a).pv_cost;
                let got = c.at(v);
                prop_assert!((got - want).abs() <= 1e-8 * want.abs().max(1.0), "{got} vs {want} at {v}");
            }
        }
    }
}
