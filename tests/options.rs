//! Options side by side (issue 28): each option's cost by hand, the
//! two-option case against today's model, the cheapest with its ties, and
//! the crossover volumes at their edges (ties, none, several, serving
//! steps), checked against the costs themselves.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::closed::compare;
use ft_roi::core::model::options::{cheapest, crossovers, option_cost, OptionCost};
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::model::{Approach, Basis, Retraining};
use proptest::prelude::*;

#[path = "support/options_strategies.rs"]
mod options_strategies;
#[path = "support/serving.rs"]
mod serving;
use options_strategies::{any_basis, any_option};

/// 100,000 requests a month for 12 months, no growth, no discounting.
const BASIS: Basis = Basis {
    months: 12,
    requests: 100_000.0,
    growth: 0.0,
    discount: 0.0,
    error_value: 0.5,
};

/// An option paying `per_request` a request and `one_time` once.
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

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} != {b}"
    );
}

#[test]
fn each_term_of_an_option_cost_by_hand() {
    // (option, cost C over 12 months of 100,000 requests, by hand)
    let fine_tune = Approach {
        cost_per_request: 0.012,
        monthly: 500.0,
        serving: Serving::Hourly {
            rate: 1.7,
            hours: 730.0,
            deployments: 1.0,
        },
        one_time: 10_000.0,
        retraining: Retraining {
            cost: 2_000.0,
            per_year: 2.0,
            ..Retraining::default()
        },
        accuracy: 2.0,
    };
    let cases = [
        // 0.02 × 1,200,000
        (simple(0.02, 0.0), 24_000.0),
        // 0.01 × 1,200,000 + 1,200
        (simple(0.01, 1_200.0), 13_200.0),
        // 14,400 requests + 12 × 500 + 12 × 1,241 hosting + 10,000 + 2 × 2,000
        // − 2/100 × 0.5 × 1,200,000 (accuracy worth 12,000)
        (
            fine_tune,
            14_400.0 + 6_000.0 + 14_892.0 + 10_000.0 + 4_000.0 - 12_000.0,
        ),
    ];
    for (option, want) in cases {
        let c = option_cost(&BASIS, &option);
        close(c.cost, want, "cost");
        close(c.pv_cost, want, "present-value cost without discounting");
    }
}

#[test]
fn discounting_takes_each_month_flow_to_today_and_leaves_the_one_time_cost() {
    let basis = Basis {
        discount: 0.1,
        ..BASIS
    };
    let o = simple(0.02, 1_000.0);
    let flows: f64 = (1..=12)
        .map(|m| 2_000.0 / 1.1f64.powf(f64::from(m) / 12.0))
        .sum();
    let c = option_cost(&basis, &o);
    close(c.cost, 25_000.0, "cost");
    close(c.pv_cost, 1_000.0 + flows, "present-value cost");
}

#[test]
fn a_zero_cost_is_plus_zero() {
    let c = option_cost(&BASIS, &simple(0.0, 0.0));
    assert!(c.cost == 0.0 && c.cost.is_sign_positive());
    assert!(c.pv_cost == 0.0 && c.pv_cost.is_sign_positive());
}

#[test]
fn the_cheapest_is_the_lowest_present_value_ties_to_the_lower_number() {
    let c = |pv: f64| OptionCost {
        cost: pv,
        pv_cost: pv,
    };
    assert_eq!(cheapest(&[]), None);
    assert_eq!(cheapest(&[c(3.0), c(2.0), c(5.0)]), Some(1));
    assert_eq!(cheapest(&[c(2.0), c(2.0)]), Some(0));
    assert_eq!(cheapest(&[c(3.0), c(2.0), c(2.0)]), Some(1));
    // Equal within the model's tolerance: a tie.
    assert_eq!(cheapest(&[c(0.1 + 0.2), c(0.3)]), Some(0));
}

/// Options, the first cheapest, and the changes (volume, option).
type Case = (Vec<Approach>, usize, Vec<(f64, usize)>);

#[test]
fn crossover_volumes_by_hand() {
    let prompt = simple(0.02, 0.0); // 0.24 V over 12 months
    let tuned = simple(0.01, 1_200.0); // 0.12 V + 1,200
    let distilled = simple(0.005, 3_000.0); // 0.06 V + 3,000
    let through_the_middle = simple(0.015, 600.0); // 0.18 V + 600, through (10,000, 2,400)
    let max = 1e15;
    // (options, first cheapest, changes)
    let cases: Vec<Case> = vec![
        (vec![prompt], 0, vec![]),
        (vec![prompt, tuned], 0, vec![(10_000.0, 1)]),
        (vec![tuned, prompt], 1, vec![(10_000.0, 0)]),
        // None: one option is never more expensive.
        (vec![tuned, simple(0.02, 1_200.0)], 0, vec![]),
        // Identical options: the lower number throughout.
        (vec![prompt, prompt], 0, vec![]),
        // Several: 0.24 V = 0.12 V + 1,200 at 10,000; 0.12 V + 1,200 = 0.06 V + 3,000 at 30,000.
        (
            vec![prompt, tuned, distilled],
            0,
            vec![(10_000.0, 1), (30_000.0, 2)],
        ),
        // Three lines through one point: the one cheapest beyond it wins, the middle never.
        (
            vec![prompt, through_the_middle, tuned],
            0,
            vec![(10_000.0, 2)],
        ),
    ];
    for (options, first, changes) in cases {
        let x = crossovers(&BASIS, &options, max);
        assert_eq!(x.first, first, "{options:?}");
        assert_eq!(x.gave_up_at, None);
        assert_eq!(
            x.changes.len(),
            changes.len(),
            "{options:?}: {:?}",
            x.changes
        );
        for ((v, k), (want_v, want_k)) in x.changes.iter().zip(&changes) {
            close(*v, *want_v, "crossover volume");
            assert_eq!(k, want_k);
        }
    }
    // A crossing beyond the largest volume searched is not one.
    let x = crossovers(&BASIS, &[prompt, tuned], 9_999.0);
    assert!(x.changes.is_empty());
    assert_eq!(x.volumes(), Vec::<f64>::new());
}

#[test]
fn a_unit_step_can_make_another_option_cheapest() {
    // Option 2 runs units of 1 request/s for 730 hours (2,628,000 requests
    // a unit-month) at $1 an hour: $730 a unit-month, $8,760 a unit over 12
    // months, and pays nothing per request. Option 1 pays 0.001 a request:
    // 0.012 V. Below 730,000 requests option 1 is cheaper (0.012 V < 8,760);
    // from there to 2,628,000 (1 unit) option 2 is; above it 2 units cost
    // 17,520, cheaper than 0.012 V beyond 1,460,000, so option 2 stays.
    let units = Approach {
        serving: Serving::Capacity(Capacity {
            unit_rate: 1.0,
            unit_rps: 1.0,
            peak_factor: 1.0,
            min_units: 0.0,
            unit_hours: 730.0,
        }),
        ..simple(0.0, 0.0)
    };
    let x = crossovers(&BASIS, &[simple(0.001, 0.0), units], 1e8);
    assert_eq!(x.first, 0);
    assert_eq!(x.changes.len(), 1);
    close(x.changes[0].0, 730_000.0, "crossing");
    // With a per-request price above the unit's own: 0.004 V against units.
    // 0.048 V < 8,760 until 182,500; then units win while each new unit
    // costs less than the requests it serves.
    let x = crossovers(&BASIS, &[simple(0.004, 0.0), units], 1e8);
    assert_eq!(x.changes.len(), 1);
    close(x.changes[0].0, 182_500.0, "crossing");
    // A step that makes the other option cheapest again. Units at $8.40 an
    // hour cost U = 73,584 each over 12 months; option 1 pays 0.0035 a
    // request (0.042 V over the horizon). One unit (up to 2,628,000) wins
    // from 0.042 V = U, V = 1,752,000; just above 2,628,000 a second unit
    // (2U = 147,168) costs more than 0.042 × 2,628,000 = 110,376, so option 1
    // is cheapest again until 0.042 V = 2U at 3,504,000; from there units win
    // for good (each further unit costs U = 0.042 × 1,752,000 < 0.042 ×
    // 2,628,000, and the third step is exactly a tie at 5,256,000).
    let dear = Approach {
        serving: Serving::Capacity(Capacity {
            unit_rate: 8.4,
            ..units.serving.capacity().copied().unwrap()
        }),
        ..units
    };
    let options = [simple(0.0035, 0.0), dear];
    let x = crossovers(&BASIS, &options, 1e8);
    assert_eq!(x.first, 0);
    let want = [(1_752_000.0, 1), (2_628_000.0, 0), (3_504_000.0, 1)];
    assert_eq!(x.changes.len(), want.len(), "{x:?}");
    for ((v, k), (want_v, want_k)) in x.changes.iter().zip(want) {
        close(*v, want_v, "crossover volume");
        assert_eq!(*k, want_k);
    }
    check_against_costs(&BASIS, &options, &x, 1e8);
}

/// The cheapest by the costs themselves at volume v.
fn cheapest_at(basis: &Basis, options: &[Approach], v: f64) -> usize {
    let at = Basis {
        requests: v,
        ..*basis
    };
    let costs: Vec<OptionCost> = options.iter().map(|o| option_cost(&at, o)).collect();
    cheapest(&costs).unwrap()
}

/// The crossovers agree with the costs: just below each change the option
/// before it is cheapest, just above it the new one, and between changes
/// (sampled) the one the changes say.
fn check_against_costs(
    basis: &Basis,
    options: &[Approach],
    x: &ft_roi::core::model::options::Crossovers,
    max: f64,
) {
    assert_eq!(x.gave_up_at, None);
    let mut before = x.first;
    let mut from = 0.0;
    let mut points: Vec<(f64, usize)> = x.changes.clone();
    points.push((max, usize::MAX));
    for &(v, k) in &points {
        // Samples strictly inside (from, v), away from both ends.
        for t in [0.001, 0.25, 0.5, 0.75, 0.999] {
            let s = from + (v - from) * t;
            if s > from * (1.0 + 1e-7) && s < v * (1.0 - 1e-7) {
                assert_eq!(
                    cheapest_at(basis, options, s),
                    before,
                    "at {s} (between {from} and {v}): {x:?}"
                );
            }
        }
        if k == usize::MAX {
            break;
        }
        assert_eq!(
            cheapest_at(basis, options, v * (1.0 + 1e-7)),
            k,
            "just above {v}: {x:?}"
        );
        before = k;
        from = v;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The two-option case is today's model: C_1 − C_2 is the net benefit,
    /// PV_1 − PV_2 the NPV.
    #[test]
    fn two_options_are_todays_model(basis in any_basis(), a in any_option(), b in any_option()) {
        // Option 1 is the baseline: no accuracy of its own over itself.
        let a = Approach { accuracy: 0.0, ..a };
        let results = compare(&basis, &a, &b);
        let (ca, cb) = (option_cost(&basis, &a), option_cost(&basis, &b));
        let scale = ca.cost.abs().max(cb.cost.abs()).max(1.0);
        prop_assert!((ca.cost - cb.cost - results.net_benefit).abs() <= 1e-9 * scale,
            "{} − {} vs {}", ca.cost, cb.cost, results.net_benefit);
        prop_assert!((ca.pv_cost - cb.pv_cost - results.npv).abs() <= 1e-9 * scale,
            "{} − {} vs {}", ca.pv_cost, cb.pv_cost, results.npv);
    }

    /// Costs are finite, and an option identical to another is never the
    /// cheapest over the lower-numbered copy.
    #[test]
    fn identical_options_never_win(basis in any_basis(), a in any_option(), b in any_option()) {
        let costs = [option_cost(&basis, &a), option_cost(&basis, &b), option_cost(&basis, &a)];
        prop_assert!(costs.iter().all(|c| c.cost.is_finite() && c.pv_cost.is_finite()));
        prop_assert_ne!(cheapest(&costs), Some(2));
    }

    /// The crossovers agree with the costs computed at each volume.
    #[test]
    fn crossovers_agree_with_the_costs(
        basis in any_basis(),
        options in prop::collection::vec(any_option(), 1..=4),
    ) {
        let max = 3e6;
        let x = crossovers(&basis, &options, max);
        prop_assert!(x.changes.windows(2).all(|w| w[0].0 < w[1].0), "{x:?}");
        prop_assert!(x.changes.iter().all(|&(v, k)| v > 0.0 && v <= max && k < options.len()));
        check_against_costs(&basis, &options, &x, max);
    }
}

/// 36 requests a unit-month at $1 a unit-month: up to 1e15, billions of
/// unit steps.
fn tiny_units() -> Approach {
    Approach {
        serving: Serving::Capacity(Capacity {
            unit_rate: 1.0,
            unit_rps: 0.01,
            peak_factor: 1.0,
            min_units: 0.0,
            unit_hours: 1.0,
        }),
        ..simple(0.0, 0.0)
    }
}

#[test]
fn a_search_that_cannot_be_settled_says_where_it_gave_up() {
    // $1/36 a request is the units' own average cost per request: the two
    // lines never part by more than one unit's cost, so no bound settles
    // which is cheaper, and the walk meets its limit of steps.
    let tiny = tiny_units();
    let x = crossovers(&BASIS, &[simple(1.0 / 36.0, 0.0), tiny], 1e15);
    let v = x.gave_up_at.expect("gives up");
    assert!(v > 0.0 && v < 1e15, "gave up at {v}");
    assert!(x.changes.iter().all(|&(c, _)| c <= v), "changes beyond {v}");
}

#[test]
fn a_search_through_many_unit_steps_stops_once_the_cheapest_is_settled() {
    // $0.50 a request against about $0.028 a request in units ($1 a
    // unit-month): below 2 requests a month the first unit costs more;
    // from 2 on the units are cheaper and, once cheaper by more than one
    // unit's cost with the lower slope, no later step can change that. The
    // search stops there instead of walking billions of steps, and what it
    // found holds up to 1e15.
    let options = [simple(0.5, 0.0), tiny_units()];
    let x = crossovers(&BASIS, &options, 1e15);
    assert_eq!(
        (x.first, x.changes.len(), x.gave_up_at),
        (0, 1, None),
        "{x:?}"
    );
    close(
        x.changes[0].0,
        2.0,
        "the first unit against $0.50 a request",
    );
    check_against_costs(&BASIS, &options, &x, 1e15);
    // With $1,000 one-time on the units, option 1 is cheapest first, then
    // the units from the volume where the lines cross.
    let dearer = Approach {
        one_time: 1_000.0,
        ..tiny_units()
    };
    let options = [simple(0.5, 0.0), dearer];
    let x = crossovers(&BASIS, &options, 1e15);
    assert_eq!(
        (x.first, x.changes.len(), x.gave_up_at),
        (0, 1, None),
        "{x:?}"
    );
    check_against_costs(&BASIS, &options, &x, 1e15);
}

#[test]
fn each_kind_of_option_by_hand() {
    use ft_roi::core::model::options::{cost_per_request, OptionKind, Retrieval, Teacher};
    // Retrieval: 2,000 retrieved tokens on a 500-token prompt; 50 tokens
    // embedded per query at $0.02 per 1M; a 10M-token corpus re-indexed
    // twice a month.
    let r = Retrieval {
        rag_tokens: 2_000.0,
        embed_tokens: 50.0,
        embed_price: 0.02,
        corpus_tokens: 10_000_000.0,
        reindex_per_month: 2.0,
    };
    assert_eq!(r.input_tokens(500.0), 2_500.0);
    close(
        r.embedding_per_request(),
        0.000_001,
        "embedding per request",
    ); // 50 × 0.02 / 1M
    close(r.reindex_monthly(), 0.4, "re-indexing a month"); // 10M × 2 × 0.02 / 1M
                                                            // Distillation: 20,000 examples, each 800 tokens in at $2 and 400 out
                                                            // at $8 per 1M: 20,000 × (1,600 + 3,200) / 1M = $96.
    let t = Teacher {
        examples: 20_000.0,
        input_tokens: 800.0,
        input_price: 2.0,
        output_tokens: 400.0,
        output_price: 8.0,
    };
    close(t.cost(), 96.0, "teacher data");
    // (kind, cost per request): attempts 0.004, 10% falling back to option 1 at 0.02.
    let cases = [
        (OptionKind::Model, 0.004),
        (OptionKind::Rag, 0.004 + 0.000_001),
        (OptionKind::Finetune, 0.004 + 0.1 * 0.02),
        (OptionKind::Distill, 0.004 + 0.1 * 0.02),
    ];
    for (kind, want) in cases {
        close(
            cost_per_request(kind, 0.004, &r, 0.1, 0.02),
            want,
            kind.name(),
        );
        assert_eq!(OptionKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(OptionKind::from_name("prompting"), None);
    assert!(OptionKind::Distill.is_trained() && !OptionKind::Rag.is_trained());
}
