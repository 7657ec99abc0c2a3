//! The Monte Carlo simulation with options (issue 28): each option's
//! chance of being the cheapest and the spread of its present-value cost
//! over the same draws (common random numbers), checked by hand on tiny
//! cases and by property tests; ranges on an option's own inputs.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::montecarlo::{simulate, Simulation, Summary};
use ft_roi::core::model::options::side_by_side;
use ft_roi::core::model::optsim::{approaches, at_point, OptionOdds};
use ft_roi::core::model::uncertainty::{option_of, option_range_fields, OPTION_ROWS, RANGED};
use ft_roi::core::model::Basis;
use ft_roi::core::{parse_scenario, Field, InputError, RawInputs};
use proptest::prelude::*;

/// The field named `name`.
#[track_caller]
fn f(name: &str) -> Field {
    Field::from_name(name).expect(name)
}

/// The reference example (100,000 requests a month for 12 months; option
/// 1 at $0.02 a request, option 2 at $0.012 with $2,500 once and $100 a
/// month) with `pairs` set.
fn with(pairs: &[(&str, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    for (name, text) in pairs {
        raw.set(f(name), *text);
    }
    raw
}

/// The simulation of a valid scenario with valid ranges.
#[track_caller]
fn run(pairs: &[(&str, &str)]) -> Summary {
    let p = parse_scenario(&with(pairs))
        .into_result()
        .expect("valid scenario");
    let ranges = p.ranges.expect("valid ranges");
    simulate(p.case(), &ranges).expect("a range to simulate")
}

/// Each option's chance of being the cheapest, by number.
fn p(s: &Summary) -> Vec<(usize, f64)> {
    s.options.iter().map(|o| (o.number, o.p_cheapest)).collect()
}

#[track_caller]
fn near(got: f64, want: f64, within: f64, what: &str) {
    assert!((got - want).abs() <= within, "{what}: {got} != {want}");
}

// ------------------------------------------------------------ by hand

/// Per month V requests: C1 = 0.24·V, C2 = 0.144·V + 3,700, and with the
/// options below C3 = 0.12·V + 1,200 or 1,200,000·c3. Each row: the
/// scenario, then each option's chance as the triangular distribution's
/// cumulative share at the crossing (computed by hand), within 0.001 (Latin
/// hypercube sampling of 10,000 cases is closer than that).
#[test]
fn chances_by_hand() {
    // V from 10,000 to 100,000 (mode 100,000): option 2 from V > 38,541.67;
    // P(V ≤ 38,541.67) = 28,541.67² ÷ (90,000 × 90,000) = 0.10057.
    let two = run(&[("requests_low", "-90")]);
    assert_eq!(two.options.len(), 2);
    near(two.options[0].p_cheapest, 0.10057, 1e-3, "option 1");
    near(two.options[1].p_cheapest, 0.89943, 1e-3, "option 2");
    // Option 3 ($0.01 a request, $1,200 once) beats 2 at every volume, and
    // 1 above V = 10,000: V from 5,000 to 100,000 gives
    // P(V ≤ 10,000) = 5,000² ÷ 95,000² = 0.00277.
    let three = run(&[
        ("requests_low", "-95"),
        ("o3_kind", "model"),
        ("o3_request_cost", "0.01"),
        ("o3_one_time", "1200"),
    ]);
    let got = p(&three);
    assert_eq!(got.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 3]);
    near(got[0].1, 0.00277, 1e-3, "option 1");
    assert_eq!(got[1].1, 0.0, "option 2 never");
    near(got[2].1, 0.99723, 1e-3, "option 3");
    // A range on option 3's own cost only ($0.01 to $0.03, mode $0.02):
    // C3 = 1,200,000·c3 below C2 = 18,100 when c3 < 0.0150833:
    // 0.0050833² ÷ (0.02 × 0.01) = 0.12920.
    let own = run(&[
        ("o3_kind", "model"),
        ("o3_request_cost", "0.02"),
        ("o3_request_cost_low", "-50"),
        ("o3_request_cost_high", "50"),
    ]);
    let got = p(&own);
    assert_eq!(got[0].1, 0.0, "option 1 never");
    near(got[1].1, 0.87080, 1e-3, "option 2");
    near(got[2].1, 0.12920, 1e-3, "option 3");
    // Its cost's spread: 1,200,000 × the triangle's percentiles
    // (P10 at 0.01 + √(0.1 × 0.0002) = 0.0144721: $17,366.56; the median
    // $24,000).
    let o3 = &own.options[2];
    near(o3.pv_cost_p10.unwrap(), 17_366.56, 2.0, "P10");
    near(o3.pv_cost_p50.unwrap(), 24_000.0, 2.0, "P50");
    near(o3.pv_cost_p90.unwrap(), 30_633.44, 2.0, "P90");
    // Options 1 and 2 have no range of their own and no shared input
    // drawn: their costs are the point's in every case.
    assert_eq!(own.options[0].pv_cost_p10, Some(24_000.0));
    assert_eq!(own.options[1].pv_cost_p90, Some(18_100.0));
}

#[test]
fn a_fallback_pays_option_1s_drawn_cost_per_request() {
    let raw = with(&[
        ("o5_kind", "finetune"),
        ("o5_request_cost", "0.005"),
        ("o5_fallback_share", "50"),
    ]);
    let p = parse_scenario(&raw).into_result().expect("valid");
    let scenario = p.case();
    let at = approaches(&scenario, &scenario);
    assert_eq!(at.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 5]);
    // 0.005 + 50% × 0.02.
    assert_eq!(at[2].1.cost_per_request, 0.015);
    let mut drawn = scenario;
    drawn.inputs.baseline = 0.04;
    let at = approaches(&drawn, &scenario);
    near(at[0].1.cost_per_request, 0.04, 1e-15, "option 1");
    near(
        at[2].1.cost_per_request,
        0.025,
        1e-15,
        "option 5: 0.005 + 50% × 0.04",
    );
}

#[test]
fn without_ranges_the_chance_is_the_point_estimates() {
    let raw = with(&[
        ("o3_kind", "model"),
        ("o3_request_cost", "0.01"),
        ("o4_kind", "rag"),
        ("o4_request_cost", "0.001"),
        ("o4_monthly", "20000"),
    ]);
    let p = parse_scenario(&raw).into_result().expect("valid");
    let ranges = p.ranges.expect("valid, empty ranges");
    assert!(
        Simulation::new(p.case(), &ranges).is_none(),
        "nothing to draw"
    );
    let odds = at_point(&p.case());
    let s = side_by_side(&Basis::of(&p.inputs), &p.option_approaches());
    assert_eq!(s.cheapest, Some(3));
    for o in &odds {
        let cost = s.costs.iter().find(|c| c.0 == o.number).unwrap().1.unwrap();
        assert_eq!(o.p_cheapest, if o.number == 3 { 1.0 } else { 0.0 });
        assert_eq!(o.pv_cost_p10, Some(cost.pv_cost));
        assert_eq!(o.pv_cost_p90, Some(cost.pv_cost));
    }
}

// ------------------------------------------------------ the range rows

#[test]
fn each_option_has_ranges_on_its_own_inputs_keyed_like_every_range() {
    assert_eq!(RANGED.len(), OPTION_ROWS + 12);
    for (row, r) in RANGED.iter().enumerate() {
        assert_eq!(r.low.name(), format!("{}_low", r.name));
        assert_eq!(r.high.name(), format!("{}_high", r.name));
        match option_of(row) {
            None => assert!(row < OPTION_ROWS && !r.name.starts_with("o3_")),
            Some(k) => assert!(r.name.starts_with(&format!("o{k}_")), "{}", r.name),
        }
    }
    for k in 3..=6 {
        let names: Vec<&str> = option_range_fields(k).map(|f| f.name()).collect();
        let want: Vec<String> = ["request_cost", "one_time", "monthly"]
            .iter()
            .flat_map(|t| [format!("o{k}_{t}_low"), format!("o{k}_{t}_high")])
            .collect();
        assert_eq!(names, want);
    }
}

#[test]
fn an_options_range_is_read_checked_and_ignored_when_the_option_is_not_there() {
    // A bad end: its own message; the figures stand, the simulation goes.
    let checked = parse_scenario(&with(&[
        ("o4_kind", "model"),
        ("o4_request_cost", "0.01"),
        ("o4_one_time_high", "2000"),
    ]));
    assert_eq!(
        checked.error(f("o4_one_time_high")),
        Some(InputError::Between(0, 1000))
    );
    let p = checked.parsed.expect("the figures stand");
    assert!(p.ranges.is_none());
    // An absent option's ends are kept, not read.
    let checked = parse_scenario(&with(&[("o5_monthly_low", "nonsense")]));
    assert!(checked.errors.is_empty());
    let p = checked.parsed.expect("valid");
    assert!(p.ranges.expect("valid").active(p.case()).is_empty());
    // A present option's range is active.
    let p = parse_scenario(&with(&[
        ("o6_kind", "distill"),
        ("o6_request_cost", "0.01"),
        ("o6_monthly", "50"),
        ("o6_monthly_low", "-20"),
    ]))
    .into_result()
    .expect("valid");
    let active = p.ranges.expect("valid").active(p.case());
    assert_eq!(active.len(), 1);
    assert_eq!(RANGED[active[0].0].name, "o6_monthly");
    assert_eq!(active[0].1.low, 40.0);
}

#[test]
fn an_options_range_leaves_the_other_draws_and_the_net_benefit_be() {
    let shared = [("requests_low", "-50"), ("requests_high", "20")];
    let without = run(&shared);
    let mut pairs = shared.to_vec();
    pairs.extend([
        ("o3_kind", "model"),
        ("o3_request_cost", "0.015"),
        ("o3_request_cost_low", "-30"),
        ("o3_request_cost_high", "30"),
    ]);
    let with_option = run(&pairs);
    assert_eq!(with_option.net_benefits, without.net_benefits);
    assert_eq!(with_option.prob_positive, without.prob_positive);
    assert_eq!(with_option.options[..2].len(), 2);
    assert_eq!(with_option.options.len(), 3);
}

#[test]
fn seeded_draws_are_deterministic() {
    let pairs = [
        ("requests_low", "-50"),
        ("baseline_high", "30"),
        ("o3_kind", "model"),
        ("o3_request_cost", "0.015"),
        ("o3_monthly", "200"),
        ("o3_monthly_high", "100"),
    ];
    assert_eq!(run(&pairs), run(&pairs));
    let mut other = pairs.to_vec();
    other.push(("mc_seed", "2"));
    assert_ne!(run(&pairs).options, run(&other).options);
}

// ------------------------------------------------------- properties

/// A scenario with option 3 (and its copy as option 4 when `copy`) and
/// ranges on shared inputs only.
fn scenario(
    costs: (f64, f64, f64),
    shared: (f64, f64, f64),
    copy: bool,
    extra: Option<f64>,
) -> RawInputs {
    let text = |x: f64| format!("{x}");
    let mut pairs: Vec<(&str, String)> = vec![
        ("requests_low", text(-shared.0)),
        ("requests_high", text(shared.1)),
        ("baseline_high", text(shared.2)),
        ("finetuned_low", "-20".to_owned()),
        ("growth", "1".to_owned()),
        ("discount", "8".to_owned()),
        ("mc_draws", "1000".to_owned()),
        ("o3_kind", "model".to_owned()),
        ("o3_request_cost", text(costs.0)),
        ("o3_one_time", text(costs.1)),
        ("o3_monthly", text(costs.2)),
    ];
    if copy {
        pairs.extend([
            ("o4_kind", "model".to_owned()),
            ("o4_request_cost", text(costs.0)),
            ("o4_one_time", text(costs.1)),
            ("o4_monthly", text(costs.2)),
        ]);
    }
    if let Some(c) = extra {
        pairs.extend([
            ("o5_kind", "model".to_owned()),
            ("o5_request_cost", text(c)),
            ("o5_request_cost_low", "-40".to_owned()),
            ("o5_request_cost_high", "40".to_owned()),
        ]);
    }
    let mut raw = RawInputs::example();
    for (name, t) in pairs {
        raw.set(f(name), t);
    }
    raw
}

fn simulate_raw(raw: &RawInputs) -> Summary {
    let p = parse_scenario(raw).into_result().expect("valid");
    simulate(p.case(), &p.ranges.expect("valid ranges")).expect("ranged")
}

fn odds(s: &Summary, k: usize) -> &OptionOdds {
    s.options.iter().find(|o| o.number == k).expect("option")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The chances sum to 1 (to rounding), each in [0, 1].
    #[test]
    fn chances_sum_to_one(
        c in 0.0f64..0.04, one in 0.0f64..5000.0, monthly in 0.0f64..500.0,
        low in 0.0f64..90.0, high in 0.0f64..200.0, base in 0.0f64..100.0,
        extra in proptest::option::of(0.001f64..0.03),
    ) {
        let s = simulate_raw(&scenario((c, one, monthly), (low, high, base), false, extra));
        let sum: f64 = s.options.iter().map(|o| o.p_cheapest).sum();
        prop_assert!((sum - 1.0).abs() < 1e-12, "sum {}", sum);
        prop_assert!(s.options.iter().all(|o| (0.0..=1.0).contains(&o.p_cheapest)));
    }

    /// An option identical to another (the same fields, no range of its
    /// own: the same costs in every draw, by common random numbers) never
    /// wins: the copy (option 4) has a higher number, so the tie goes to
    /// the original (option 3). Its chance is exactly 0, every other
    /// option's chance is exactly what it was without the copy, and the
    /// copy's cost spread is the original's.
    #[test]
    fn a_copy_never_wins(
        c in 0.0f64..0.04, one in 0.0f64..5000.0, monthly in 0.0f64..500.0,
        low in 0.0f64..90.0, high in 0.0f64..200.0, base in 0.0f64..100.0,
        extra in proptest::option::of(0.001f64..0.03),
    ) {
        let before = simulate_raw(&scenario((c, one, monthly), (low, high, base), false, extra));
        let after = simulate_raw(&scenario((c, one, monthly), (low, high, base), true, extra));
        prop_assert_eq!(odds(&after, 4).p_cheapest, 0.0);
        for o in &before.options {
            prop_assert_eq!(odds(&after, o.number), o);
        }
        let (original, copy) = (odds(&after, 3), odds(&after, 4));
        prop_assert_eq!(
            (copy.pv_cost_p10, copy.pv_cost_p50, copy.pv_cost_p90),
            (original.pv_cost_p10, original.pv_cost_p50, original.pv_cost_p90)
        );
        prop_assert_eq!(&after.net_benefits, &before.net_benefits);
    }

    /// An option that is cheapest in every draw (free, while the others
    /// cost something) has chance 1.
    #[test]
    fn a_dominant_option_always_wins(
        low in 0.0f64..90.0, high in 0.0f64..200.0, base in 0.0f64..100.0,
    ) {
        let s = simulate_raw(&scenario((0.0, 0.0, 0.0), (low, high, base), false, Some(0.01)));
        prop_assert_eq!(odds(&s, 3).p_cheapest, 1.0);
        prop_assert_eq!(odds(&s, 3).pv_cost_p90, Some(0.0));
    }
}
