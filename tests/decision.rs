//! The decision table for the user's options (issue 28): bands by hand on
//! small cases, a single row without a crossover, the "if accuracy is
//! critical" rows, and the bands' edges equal to the crossover volumes to
//! the last bit, each band's cheapest checked against the costs at its
//! volumes.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::options::{cheapest, option_cost, side_by_side, OptionCost};
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::model::{Approach, Basis, Retraining};
use ft_roi::core::present::decision::{bands, Band};
use proptest::prelude::*;

/// 12 months, no growth, no discounting, an avoided error worth $0.50.
const BASIS: Basis = Basis {
    months: 12,
    requests: 100_000.0,
    growth: 0.0,
    discount: 0.0,
    error_value: 0.5,
};

/// An option paying `per_request` a request and `one_time` once, with
/// `accuracy` points over option 1's.
fn option(per_request: f64, one_time: f64, accuracy: f64) -> Approach {
    Approach {
        cost_per_request: per_request,
        monthly: 0.0,
        serving: Serving::PerToken,
        one_time,
        retraining: Retraining::default(),
        accuracy,
    }
}

/// Numbered 1, 2, … as the page numbers them.
fn numbered(options: &[Approach]) -> Vec<(usize, Option<Approach>)> {
    options
        .iter()
        .enumerate()
        .map(|(i, a)| (i + 1, Some(*a)))
        .collect()
}

/// `bands` of `options` on `basis` against `want`: (from, to, cheapest,
/// cheapest on cost alone), volumes within 1e-9 relative.
#[track_caller]
fn check(basis: &Basis, options: &[Approach], want: &[(f64, Option<f64>, usize, usize)]) {
    let table = bands(basis, &numbered(options));
    assert_eq!(table.bands.len(), want.len(), "{table:?}");
    for (b, &(from, to, cheapest, cost_only)) in table.bands.iter().zip(want) {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
        assert!(close(b.from, from), "from: {b:?} vs {from}");
        match (b.to, to) {
            (Some(a), Some(w)) => assert!(close(a, w), "to: {b:?} vs {w}"),
            (None, None) => {}
            _ => panic!("to: {b:?} vs {to:?}"),
        }
        assert_eq!((b.cheapest, b.cost_only), (cheapest, cost_only), "{b:?}");
    }
    assert_eq!(table.gave_up_at, None);
}

#[test]
fn bands_by_hand() {
    // Two options: $0.02 a request against $0.012 and $2,500 once. Over
    // 12 months 0.24·V = 2,500 + 0.144·V at V = 2,500 ÷ 0.096 = 26,041.67.
    check(
        &BASIS,
        &[option(0.02, 0.0, 0.0), option(0.012, 2_500.0, 0.0)],
        &[
            (0.0, Some(2_500.0 / 0.096), 1, 1),
            (2_500.0 / 0.096, None, 2, 2),
        ],
    );
    // Three options, two crossovers: A $0.02; B $0.01 and $1,200 once;
    // C $0.004 and $6,000 once. A = B: 0.24·V = 1,200 + 0.12·V at 10,000;
    // B = C: 1,200 + 0.12·V = 6,000 + 0.048·V at 4,800 ÷ 0.072 = 66,666.67
    // (A = C at 31,250 lies where B is cheaper: no band there).
    check(
        &BASIS,
        &[
            option(0.02, 0.0, 0.0),
            option(0.01, 1_200.0, 0.0),
            option(0.004, 6_000.0, 0.0),
        ],
        &[
            (0.0, Some(10_000.0), 1, 1),
            (10_000.0, Some(4_800.0 / 0.072), 2, 2),
            (4_800.0 / 0.072, None, 3, 3),
        ],
    );
}

#[test]
fn a_single_row_without_a_crossover() {
    // One option, or one cheaper at every volume (lower per request, no
    // more once): one band from 0 with no upper end.
    check(&BASIS, &[option(0.02, 0.0, 0.0)], &[(0.0, None, 1, 1)]);
    check(
        &BASIS,
        &[option(0.02, 100.0, 0.0), option(0.01, 0.0, 0.0)],
        &[(0.0, None, 2, 2)],
    );
    // No valid option: no band.
    assert!(bands(&BASIS, &[(1, None), (2, None)]).bands.is_empty());
}

#[test]
fn accuracy_is_critical_between_the_two_crossovers_as_in_the_article() {
    // Prompting at $0.02 against a fine-tune at $0.012 with $2,500 once
    // and 2 points more accuracy, an error avoided worth $0.50: 2% × $0.50
    // = $0.01 a request. On cost alone they cross at 2,500 ÷ (12 × 0.008)
    // = 26,041.67; counting errors at 2,500 ÷ (12 × 0.018) = 11,574.07.
    // So: prompting / fine-tune if accuracy is critical / fine-tune.
    let table = bands(
        &BASIS,
        &numbered(&[option(0.02, 0.0, 0.0), option(0.012, 2_500.0, 2.0)]),
    );
    check(
        &BASIS,
        &[option(0.02, 0.0, 0.0), option(0.012, 2_500.0, 2.0)],
        &[
            (0.0, Some(2_500.0 / 0.216), 1, 1),
            (2_500.0 / 0.216, Some(2_500.0 / 0.096), 2, 1),
            (2_500.0 / 0.096, None, 2, 2),
        ],
    );
    let decides: Vec<bool> = table.bands.iter().map(Band::accuracy_decides).collect();
    assert_eq!(decides, [false, true, false]);
    // With no value on errors, accuracy decides nothing: the cost-alone
    // bands.
    check(
        &Basis {
            error_value: 0.0,
            ..BASIS
        },
        &[option(0.02, 0.0, 0.0), option(0.012, 2_500.0, 2.0)],
        &[
            (0.0, Some(2_500.0 / 0.096), 1, 1),
            (2_500.0 / 0.096, None, 2, 2),
        ],
    );
    // An option that only wins by its accuracy: the same cost per request
    // plus $1,000 once, 1 point better: 0.24·V = 1,000 + 0.18·V at 16,666.67.
    check(
        &BASIS,
        &[option(0.02, 0.0, 0.0), option(0.02, 1_000.0, 1.0)],
        &[
            (0.0, Some(1_000.0 / 0.06), 1, 1),
            (1_000.0 / 0.06, None, 2, 1),
        ],
    );
}

#[test]
fn invalid_options_are_left_out_and_keep_their_numbers() {
    let table = bands(
        &BASIS,
        &[
            (1, Some(option(0.02, 0.0, 0.0))),
            (2, None),
            (3, Some(option(0.012, 2_500.0, 0.0))),
        ],
    );
    let cheapest: Vec<usize> = table.bands.iter().map(|b| b.cheapest).collect();
    assert_eq!(cheapest, [1, 3]);
}

#[test]
fn edges_are_the_crossover_volumes_with_serving_steps() {
    // A capacity unit of $8.40 an hour serving 1 request a second against
    // $0.0035 a request: the cheapest changes three times (tests/options.rs).
    let units = Approach {
        serving: Serving::Capacity(Capacity {
            unit_rate: 8.4,
            unit_rps: 1.0,
            peak_factor: 1.0,
            min_units: 0.0,
            unit_hours: 730.0,
        }),
        ..option(0.0, 0.0, 0.0)
    };
    let options = numbered(&[option(0.0035, 0.0, 0.0), units]);
    let table = bands(&BASIS, &options);
    let sbs = side_by_side(&BASIS, &options);
    let edges: Vec<f64> = table.bands.iter().skip(1).map(|b| b.from).collect();
    assert_eq!(edges, sbs.volumes());
    assert_eq!(edges.len(), 3);
    let cheapest: Vec<usize> = table.bands.iter().map(|b| b.cheapest).collect();
    assert_eq!(cheapest, [1, 2, 1, 2]);
}

/// The cheapest of `options` at starting volume `v`, 1-based, counting
/// errors or (`cost_only`) not.
fn cheapest_at(
    basis: &Basis,
    options: &[Approach],
    v: f64,
    cost_only: bool,
) -> (usize, Vec<OptionCost>) {
    let basis = Basis {
        requests: v,
        ..*basis
    };
    let costs: Vec<OptionCost> = options
        .iter()
        .map(|a| {
            let a = if cost_only {
                Approach {
                    accuracy: 0.0,
                    ..*a
                }
            } else {
                *a
            };
            option_cost(&basis, &a)
        })
        .collect();
    (cheapest(&costs).unwrap() + 1, costs)
}

fn arb_option() -> impl Strategy<Value = Approach> {
    (
        0.0..0.05f64,
        0.0..20_000.0f64,
        0.0..1_000.0f64,
        -5.0..5.0f64,
    )
        .prop_map(|(per_request, one_time, monthly, accuracy)| Approach {
            monthly,
            ..option(per_request, one_time, accuracy)
        })
}

proptest! {
    /// The edges where the cheapest changes are the page's crossover
    /// volumes exactly, every edge is a change of one of the two
    /// cheapest, and inside each band the cheapest (counting errors, and
    /// on cost alone) is the band's.
    #[test]
    fn bands_follow_the_crossovers(
        options in proptest::collection::vec(arb_option(), 1..5),
        error_value in 0.0..2.0f64,
    ) {
        let basis = Basis { error_value, ..BASIS };
        let numbered = numbered(&options);
        let table = bands(&basis, &numbered);
        let sbs = side_by_side(&basis, &numbered);
        let changes: Vec<f64> = table
            .bands
            .windows(2)
            .filter(|w| w[0].cheapest != w[1].cheapest)
            .map(|w| w[1].from)
            .collect();
        prop_assert_eq!(changes, sbs.volumes());
        prop_assert_eq!(table.bands[0].from, 0.0);
        for w in table.bands.windows(2) {
            prop_assert_eq!(w[0].to, Some(w[1].from));
            prop_assert!(w[0].cheapest != w[1].cheapest || w[0].cost_only != w[1].cost_only);
        }
        prop_assert_eq!(table.bands.last().unwrap().to, None);
        for b in &table.bands {
            // A volume inside the band, away from its edges.
            let v = match b.to {
                Some(to) if to - b.from > 1e-6 * to => (b.from + to) / 2.0,
                Some(_) => continue,
                None => b.from * 2.0 + 1_000.0,
            };
            for (cost_only, want) in [(false, b.cheapest), (true, b.cost_only)] {
                let (k, costs) = cheapest_at(&basis, &options, v, cost_only);
                // Lines that meet within rounding may tie either way.
                let gap = (costs[want - 1].pv_cost - costs[k - 1].pv_cost).abs();
                prop_assert!(
                    k == want || gap <= 1e-9 * costs[k - 1].pv_cost.abs().max(1.0),
                    "at {} (cost only: {}): {} cheapest, band says {}", v, cost_only, k, want
                );
            }
        }
    }
}
