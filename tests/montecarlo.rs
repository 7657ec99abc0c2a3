//! Native tests of the ranges on the estimates and the Monte Carlo
//! simulation (issue #17): validation of the range fields, the triangular
//! distribution, percentiles, Latin hypercube accuracy against exact
//! quantiles, pinned figures for a fixed seed, and property tests.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::model::montecarlo::{
    column, outcome, percentile, sentence, simulate, Simulation, Summary,
};
use ft_roi::core::model::serving::Serving;
use ft_roi::core::model::uncertainty::{Ranges, Triangular, RANGED};
use ft_roi::core::{calculate, parse_scenario, Field, Inputs, RawInputs};
use proptest::prelude::*;
#[path = "support/fmt.rs"]
mod fmt_default;
#[path = "support/serving.rs"]
mod serving;
use fmt_default::F;

/// The scenario of `pairs` (field, text) over the reference example.
fn raw(pairs: &[(Field, &str)]) -> RawInputs {
    let mut raw = RawInputs::example();
    for (f, t) in pairs {
        raw.set(*f, *t);
    }
    raw
}

/// The summary of a valid scenario with valid ranges.
#[track_caller]
fn run(pairs: &[(Field, &str)]) -> Summary {
    let p = parse_scenario(&raw(pairs))
        .into_result()
        .expect("valid scenario");
    let ranges = p.ranges.expect("valid ranges");
    simulate(p.case(), &ranges).expect("a range to simulate")
}

// ------------------------------------------------------------ validation

#[track_caller]
fn check_range_error(pairs: &[(Field, &str)], field: Field, message: &str) {
    let checked = parse_scenario(&raw(pairs));
    let p = checked.parsed.expect("the figures stay valid");
    assert!(p.ranges.is_none(), "a bad range");
    let errors = checked.errors.into_vec();
    let got: Vec<(Field, String)> = errors.iter().map(|(f, e)| (*f, e.to_string())).collect();
    assert!(
        got.contains(&(field, message.to_owned())),
        "{pairs:?}: expected {field:?} {message:?}, got {got:?}"
    );
    // Only the simulation's fields are reported, and the figures are the
    // scenario's own.
    assert_eq!(
        calculate(&p.inputs),
        calculate(&Inputs::EXAMPLE.clone_with(pairs))
    );
}

trait CloneWith {
    fn clone_with(&self, pairs: &[(Field, &str)]) -> Inputs;
}

impl CloneWith for Inputs {
    /// The inputs of the reference scenario with `pairs`, the range fields
    /// left out.
    fn clone_with(&self, pairs: &[(Field, &str)]) -> Inputs {
        let plain: Vec<(Field, &str)> = pairs
            .iter()
            .copied()
            .filter(|(f, _)| !ft_roi::core::model::uncertainty::is_simulation_field(*f))
            .collect();
        parse_scenario(&raw(&plain))
            .into_result()
            .expect("valid")
            .inputs
    }
}

/// Field texts over the reference example.
type Pairs<'a> = &'a [(Field, &'a str)];

#[test]
fn bad_ranges_get_their_fields_message_and_leave_the_figures_be() {
    use Field::*;
    let table: &[(Pairs, Field, &str)] = &[
        (
            &[(RequestsLow, "10")],
            RequestsLow,
            "Enter a number from −100 to 0.",
        ),
        (
            &[(RequestsLow, "-101")],
            RequestsLow,
            "Enter a number from −100 to 0.",
        ),
        (
            &[(RequestsHigh, "-5")],
            RequestsHigh,
            "Enter a number from 0 to 1,000.",
        ),
        (
            &[(TrainingHigh, "1001")],
            TrainingHigh,
            "Enter a number from 0 to 1,000.",
        ),
        (
            &[(FinetunedLow, "abc")],
            FinetunedLow,
            "Enter a plain number, like 2500 or 0.012.",
        ),
        (
            &[(BaselineHigh, "NaN")],
            BaselineHigh,
            "Enter a finite number.",
        ),
        (
            &[(MaintenanceLow, "1,000")],
            MaintenanceLow,
            "Leave out thousands separators: write 1000, not 1,000.",
        ),
        (
            &[(Growth, "2"), (GrowthLow, "3")],
            GrowthLow,
            "Enter at most the monthly growth, 2.",
        ),
        (
            &[(Growth, "2.5"), (GrowthHigh, "1")],
            GrowthHigh,
            "Enter at least the monthly growth, 2.5.",
        ),
        (
            &[(Locale, "de-DE"), (Growth, "2,5"), (GrowthHigh, "1")],
            GrowthHigh,
            "Enter at least the monthly growth, 2,5.",
        ),
        (
            &[(GrowthHigh, "100")],
            GrowthHigh,
            "Enter a number from −99 to 99.",
        ),
        // A throughput of 0 serves nothing.
        (
            &[(FtServing, "capacity"), (FtUnitRpsLow, "-100")],
            FtUnitRpsLow,
            "Enter a number from −99 to 0: a throughput of 0 serves nothing.",
        ),
        (
            &[(BaseServing, "capacity"), (BaseUnitRpsHigh, "1001")],
            BaseUnitRpsHigh,
            "Enter a number from 0 to 1,000.",
        ),
        (
            &[(FtServing, "hourly"), (FtHostRateLow, "-101")],
            FtHostRateLow,
            "Enter a number from −100 to 0.",
        ),
        (
            &[(McDraws, "999")],
            McDraws,
            "Enter a whole number from 1,000 to 100,000.",
        ),
        (
            &[(McDraws, "100001")],
            McDraws,
            "Enter a whole number from 1,000 to 100,000.",
        ),
        (
            &[(McDraws, "5000.5")],
            McDraws,
            "Enter a whole number from 1,000 to 100,000.",
        ),
        (&[(McDraws, "")], McDraws, "Enter a value."),
        (
            &[(McSeed, "-1")],
            McSeed,
            "Enter a whole number from 0 to 9,007,199,254,740,992.",
        ),
        (
            &[(McSeed, "9007199254740993")],
            McSeed,
            "Enter a whole number from 0 to 9,007,199,254,740,992.",
        ),
        (
            &[(McSeed, "1.5")],
            McSeed,
            "Enter a whole number from 0 to 9,007,199,254,740,992.",
        ),
    ];
    for (pairs, field, message) in table {
        check_range_error(pairs, *field, message);
    }
}

#[test]
fn good_ranges_read_as_typed() {
    use Field::*;
    let p = parse_scenario(&raw(&[
        (RequestsLow, " -30 "),
        (RequestsHigh, "50"),
        (Growth, "2"),
        (GrowthLow, "-1"),
        (GrowthHigh, "2"),
        (McDraws, "2000"),
        (McSeed, "9007199254740992"),
    ]))
    .into_result()
    .expect("valid");
    let r = p.ranges.expect("valid ranges");
    assert_eq!(r.ends[4], (Some(-30.0), Some(50.0)));
    assert_eq!(r.ends[5], (Some(-1.0), Some(2.0)));
    assert_eq!(r.ends[0], (None, None));
    assert_eq!((r.draws, r.seed), (2000, 1 << 53));
    let active = r.active(p.inputs);
    assert_eq!(active.len(), 2);
    assert_eq!(
        active[0],
        (
            4,
            Triangular {
                low: 70_000.0,
                mode: 100_000.0,
                high: 150_000.0
            }
        )
    );
    assert_eq!(
        active[1].1,
        Triangular {
            low: -1.0,
            mode: 2.0,
            high: 2.0
        }
    );
}

#[test]
fn a_bad_range_is_listed_with_the_other_fields_errors() {
    let errors = parse_scenario(&raw(&[(Field::Training, "x"), (Field::RequestsLow, "5")]))
        .into_result()
        .expect_err("invalid");
    let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, [Field::Training, Field::RequestsLow]);
}

#[test]
fn no_range_no_simulation() {
    use Field::*;
    for pairs in [
        &[][..],
        &[(RequestsLow, "0"), (RequestsHigh, "0")][..],
        &[(RequestsLow, ""), (RequestsHigh, " ")][..],
        // A range in % of a value of 0 has no width.
        &[
            (Maintenance, "0"),
            (MaintenanceLow, "-50"),
            (MaintenanceHigh, "50"),
        ][..],
        &[(Growth, "3"), (GrowthLow, "3"), (GrowthHigh, "3")][..],
    ] {
        let p = parse_scenario(&raw(pairs)).into_result().expect("valid");
        let ranges = p.ranges.expect("valid ranges");
        assert!(ranges.active(p.inputs).is_empty(), "{pairs:?}");
        assert!(simulate(p.inputs, &ranges).is_none(), "{pairs:?}");
        assert!(Simulation::new(p.inputs, &ranges).is_none(), "{pairs:?}");
    }
}

// --------------------------------------------------- distribution, ranks

#[test]
fn triangular_quantiles_invert_the_distribution_function() {
    let t = Triangular {
        low: 2.0,
        mode: 5.0,
        high: 11.0,
    };
    let table = [
        (0.0, 2.0),
        (1.0, 11.0),
        // The mode's share is (5 − 2) / (11 − 2) = 1/3.
        (1.0 / 3.0, 5.0),
        // Below the mode: 2 + √(u·9·3); above: 11 − √((1 − u)·9·6).
        (0.12, 2.0 + (0.12f64 * 27.0).sqrt()),
        (0.75, 11.0 - (0.25f64 * 54.0).sqrt()),
    ];
    for (u, x) in table {
        assert!(
            (t.quantile(u) - x).abs() < 1e-12,
            "u {u}: {} vs {x}",
            t.quantile(u)
        );
        assert!((t.cdf(x) - u).abs() < 1e-12, "x {x}: {} vs {u}", t.cdf(x));
    }
    // A right-angled one (mode at the low end) and a point.
    let right = Triangular {
        low: 0.0,
        mode: 0.0,
        high: 1.0,
    };
    assert!((right.quantile(0.75) - 0.5).abs() < 1e-15);
    let point = Triangular {
        low: 3.0,
        mode: 3.0,
        high: 3.0,
    };
    assert_eq!(point.quantile(0.3), 3.0);
}

#[test]
fn percentiles_interpolate_between_closest_ranks_like_numpy() {
    // numpy.percentile([1, 2, 3, 4], [10, 50, 90]) = [1.3, 2.5, 3.7];
    // numpy.percentile([7], 50) = 7; R quantile(type = 7) agrees.
    let table: &[(&[f64], f64, Option<f64>)] = &[
        (&[1.0, 2.0, 3.0, 4.0], 0.1, Some(1.3)),
        (&[1.0, 2.0, 3.0, 4.0], 0.5, Some(2.5)),
        (&[1.0, 2.0, 3.0, 4.0], 0.9, Some(3.7)),
        (&[1.0, 2.0, 3.0, 4.0, 10.0], 0.9, Some(7.6)),
        (&[7.0], 0.5, Some(7.0)),
        (&[], 0.5, None),
        // A median between a case that breaks even and one that never does.
        (&[1.0, f64::INFINITY], 0.5, None),
        (&[1.0, 2.0, f64::INFINITY], 0.5, Some(2.0)),
    ];
    for (values, p, expected) in table {
        let got = percentile(values, *p);
        match (got, expected) {
            (Some(g), Some(e)) => assert!((g - e).abs() < 1e-12, "{values:?} {p}: {g}"),
            _ => assert_eq!(got, *expected, "{values:?} {p}"),
        }
    }
}

#[test]
fn each_column_has_one_value_per_stratum() {
    let t = Triangular {
        low: 0.0,
        mode: 0.5,
        high: 1.0,
    };
    let n = 1000;
    let values = column(&t, 3, n, 42);
    assert_eq!(values.len(), n as usize);
    let mut strata: Vec<usize> = values
        .iter()
        .map(|&x| (t.cdf(x) * f64::from(n)).floor() as usize)
        .collect();
    strata.sort_unstable();
    // Up to rounding at a stratum's edge, each stratum exactly once.
    let misplaced = strata.iter().enumerate().filter(|(j, s)| *j != **s).count();
    assert!(misplaced <= 2, "{misplaced} values outside their stratum");
    // Shuffled: not in stratum order.
    assert!(values.windows(2).filter(|w| w[0] > w[1]).count() > 400);
}

// ------------------------------------------------ exact, monotone cases

/// Checks the simulation of one ranged input, through which net benefit is
/// monotone (`increasing` or not), against the exact quantiles of its
/// triangular distribution mapped through the model: within 0.1% of the
/// range of net benefit, and `prob_positive` within 0.2 points.
#[track_caller]
fn check_exact(pairs: &[(Field, &str)], increasing: bool) {
    let p = parse_scenario(&raw(pairs)).into_result().expect("valid");
    let ranges = p.ranges.expect("valid ranges");
    let active = ranges.active(p.case());
    assert_eq!(active.len(), 1);
    let (row, t) = active[0];
    let net_at = |x: f64| {
        let mut c = p.case();
        (RANGED[row].set)(&mut c, x);
        c.rebuild(&p.case());
        calculate(&c.inputs).net_benefit
    };
    let s = simulate(p.case(), &ranges).expect("simulated");
    let width = (net_at(t.high) - net_at(t.low)).abs();
    assert!(width > 0.0);
    for (q, got) in [
        (0.1, s.net_benefit_p10),
        (0.5, s.net_benefit_p50),
        (0.9, s.net_benefit_p90),
    ] {
        let exact = net_at(t.quantile(if increasing { q } else { 1.0 - q }));
        assert!(
            (got - exact).abs() <= 0.001 * width,
            "{pairs:?} p{}: {got} vs exact {exact} (range {width})",
            q * 100.0
        );
    }
    // The exact probability of a positive net benefit: bisect for the
    // input's value where it turns positive.
    let (mut lo, mut hi) = (t.low, t.high);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if (net_at(mid) > 0.0) == increasing {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let below = t.cdf(0.5 * (lo + hi));
    let exact = 100.0 * if increasing { 1.0 - below } else { below };
    assert!(
        (s.prob_positive - exact).abs() <= 0.2,
        "{pairs:?} prob_positive {} vs exact {exact}",
        s.prob_positive
    );
}

#[test]
fn one_ranged_input_matches_its_exact_quantiles() {
    use Field::*;
    // Volume: net benefit rises with it; break-even volume 38,541.67 lies
    // within 20,000 to 150,000.
    check_exact(&[(RequestsLow, "-80"), (RequestsHigh, "50")], true);
    // Training cost: net benefit falls as it rises, and turns negative.
    check_exact(
        &[
            (Training, "8000"),
            (TrainingLow, "-50"),
            (TrainingHigh, "200"),
        ],
        false,
    );
    // The fine-tuned cost per request, with a right-angled distribution.
    check_exact(&[(FinetunedHigh, "100")], false);
    // Growth, on the schedule with retraining: net benefit rises with it.
    check_exact(
        &[
            (Months, "36"),
            (Growth, "1"),
            (GrowthLow, "-4"),
            (GrowthHigh, "5"),
            (Maintenance, "650"),
            (MaintenanceMode, "itemized"),
            (Monitoring, "650"),
            (RetrainCost, "2000"),
            (RetrainPerYear, "2"),
        ],
        true,
    );
}

#[test]
fn a_throughput_range_matches_its_exact_quantiles() {
    use Field::*;
    // The fine-tuned model on capacity units: 10 billion requests a month
    // at twice the average load need 7,611 units of 1 request per second;
    // net benefit rises with throughput (fewer units), in steps of one unit
    // (about 0.01% of its range), and turns negative near 0.83 requests
    // per second.
    check_exact(
        &[
            (Requests, "10000000000"),
            (FtServing, "capacity"),
            (FtUnitRate, "12"),
            (FtUnitRpsLow, "-50"),
            (FtUnitRpsHigh, "50"),
        ],
        true,
    );
    // The baseline's hosting fee: net benefit rises with it.
    check_exact(
        &[
            (BaseServing, "hourly"),
            (BaseHostRate, "2"),
            (BaseHostRateLow, "-100"),
            (BaseHostRateHigh, "100"),
            (Maintenance, "2500"),
        ],
        true,
    );
}

#[test]
fn a_range_on_a_serving_mode_not_in_use_changes_nothing() {
    use Field::*;
    // Each side's serving rows, and a mode that does not use them.
    let table: &[(Field, &str, Field, Field)] = &[
        (FtServing, "per_token", FtUnitRpsLow, FtUnitRpsHigh),
        (FtServing, "hourly", FtUnitRpsLow, FtUnitRpsHigh),
        (FtServing, "hourly", FtUnitRateLow, FtUnitRateHigh),
        (FtServing, "capacity", FtHostRateLow, FtHostRateHigh),
        (FtServing, "per_token", FtHostRateLow, FtHostRateHigh),
        (BaseServing, "per_token", BaseUnitRpsLow, BaseUnitRpsHigh),
        (BaseServing, "hourly", BaseUnitRateLow, BaseUnitRateHigh),
        (BaseServing, "capacity", BaseHostRateLow, BaseHostRateHigh),
    ];
    // Rates that would give the ranges a width in any mode.
    let rates = [
        (BaseHostRate, "1"),
        (BaseUnitRate, "1"),
        (FtHostRate, "1"),
        (FtUnitRate, "1"),
    ];
    for &(mode_field, mode, low, high) in table {
        let mut plain = rates.to_vec();
        plain.push((mode_field, mode));
        let mut ranged = plain.clone();
        ranged.extend([(low, "-50"), (high, "50")]);
        // Alone, it is no range: no simulation runs.
        let p = parse_scenario(&raw(&ranged)).into_result().expect("valid");
        let ranges = p.ranges.expect("valid ranges");
        assert!(ranges.active(p.inputs).is_empty(), "{ranged:?}");
        assert!(simulate(p.inputs, &ranges).is_none(), "{ranged:?}");
        assert_eq!(ranges, Ranges::default(), "{ranged:?}");
        // Its ends are not even checked (the form hides them).
        let mut bad = plain.clone();
        bad.extend([(low, "abc"), (high, "-5")]);
        assert!(parse_scenario(&raw(&bad))
            .into_result()
            .expect("valid")
            .ranges
            .is_some());
        // Beside another range, the figures are that range's alone.
        plain.extend([(RequestsLow, "-30"), (RequestsHigh, "20")]);
        ranged.extend([(RequestsLow, "-30"), (RequestsHigh, "20")]);
        assert_eq!(run(&ranged), run(&plain), "{ranged:?}");
    }
}

#[test]
fn each_serving_row_reads_and_sets_its_own_input() {
    // The serving rows; the GPU rows (compute mode `gpu`) are tested in
    // tests/gpu.rs, the rows of a token bill above.
    for r in RANGED
        .iter()
        .filter(|r| r.mode.is_some_and(|(f, _)| f != Field::ComputeMode) && !r.in_bill())
    {
        let (mode_field, mode) = r.mode.expect("a serving row");
        let value = Field::from_name(r.name).expect("the row's value field");
        let at = |text: &str| {
            parse_scenario(&raw(&[(mode_field, mode), (value, text)]))
                .into_result()
                .expect("valid")
                .case()
        };
        let mut i = at("3");
        assert_eq!((r.get)(&i), 3.0, "{}", r.name);
        (r.set)(&mut i, 5.0);
        assert_eq!(i, at("5"), "{}", r.name);
        // In another mode, setting it changes nothing.
        let other = if mode == "hourly" {
            "capacity"
        } else {
            "hourly"
        };
        let j = parse_scenario(&raw(&[(mode_field, other)]))
            .into_result()
            .expect("valid")
            .case();
        let mut k = j;
        (r.set)(&mut k, 5.0);
        assert_eq!(k, j, "{}", r.name);
    }
}

#[test]
fn a_serving_row_is_used_in_the_mode_the_form_shows_it_in() {
    use Field::*;
    for base in ["per_token", "hourly", "capacity"] {
        for ft in ["per_token", "hourly", "capacity"] {
            let raw = raw(&[(BaseServing, base), (FtServing, ft)]);
            let i = parse_scenario(&raw).into_result().expect("valid").case();
            for (row, r) in RANGED.iter().enumerate() {
                // An added option's rows show while the option is there
                // (none is here).
                let shown = r.mode.is_none_or(|(f, m)| raw.get(f) == m)
                    && ft_roi::core::model::uncertainty::option_of(row).is_none();
                assert_eq!((r.used)(&i), shown, "{} in {base}, {ft}", r.name);
            }
        }
    }
}

#[test]
fn a_scenario_that_seldom_pays_back_reads_never() {
    use Field::*;
    // Monthly net savings are 700 − 900 < 0 at the scenario's value.
    let s = run(&[
        (Maintenance, "900"),
        (MaintenanceLow, "-30"),
        (MaintenanceHigh, "10"),
    ]);
    assert!(s.prob_payback_in_horizon < 50.0);
    assert_eq!(s.break_even_months_p50, None);
    let s = run(&[(RequestsLow, "-10"), (RequestsHigh, "10")]);
    assert_eq!(s.prob_payback_in_horizon, 100.0);
    assert!(s.break_even_months_p50.is_some());
}

// ---------------------------------------------------- pinned, exact run

/// The figures as the page's `data-value`s write them.
fn values(s: &Summary) -> Vec<String> {
    let raw = ft_roi::core::present::format::raw;
    vec![
        raw(Some(s.prob_positive)),
        raw(Some(s.prob_payback_in_horizon)),
        raw(Some(s.net_benefit_p10)),
        raw(Some(s.net_benefit_p50)),
        raw(Some(s.net_benefit_p90)),
        raw(Some(s.net_benefit_mean)),
        raw(s.roi_percent_p10),
        raw(s.roi_percent_p50),
        raw(s.roi_percent_p90),
        raw(s.break_even_months_p50),
    ]
}

/// The scenario `tests/e2e/uncertainty.test.mjs` opens: its figures there
/// must be these, to the last digit.
const PINNED: &[(Field, &str)] = &[
    (Field::RequestsLow, "-60"),
    (Field::RequestsHigh, "50"),
    (Field::FinetunedLow, "-10"),
    (Field::FinetunedHigh, "40"),
    (Field::Growth, "1"),
    (Field::GrowthLow, "-2"),
    (Field::GrowthHigh, "3"),
    (Field::McSeed, "7"),
];

#[test]
fn a_fixed_seed_gives_exactly_these_figures() {
    let s = run(PINNED);
    assert_eq!(values(&s), PINNED_VALUES, "{s:#?}");
    assert_eq!(sentence(F, &s), PINNED_SENTENCE);
}

const PINNED_VALUES: [&str; 10] = [
    "97.82",
    "97.82",
    "1266.0181040948464",
    "4359.380715671892",
    "7977.831363765837",
    "4505.1094278556575",
    "34.216705516076935",
    "117.82110042356464",
    "215.61706388556314",
    "4.4946724555322675",
];
const PINNED_SENTENCE: &str = "In 98% of 10,000 simulated cases fine-tuning pays back within 12 months; 1 case in 10 ends below $1,266.02.";

#[test]
fn slices_give_the_same_figures_as_one_run() {
    let p = parse_scenario(&raw(PINNED)).into_result().expect("valid");
    let ranges = p.ranges.expect("valid ranges");
    let mut sim = Simulation::new(p.inputs, &ranges).expect("ranged");
    let mut steps = 0;
    while !sim.step(97) {
        steps += 1;
        assert!(sim.summary().is_none());
    }
    assert!(steps > 100);
    assert_eq!(sim.summary(), simulate(p.inputs, &ranges));
}

// ------------------------------------------------------------ properties

/// Any serving of one side (issue #15): per token, an hourly fee, or
/// capacity units.
fn any_serving() -> impl Strategy<Value = Serving> {
    serving::any_serving(1, 0.0, 0.1, 0.0)
}

/// Any scenario the model takes, with growth, discounting, retraining,
/// the value of accuracy and serving costs.
fn any_inputs() -> impl Strategy<Value = Inputs> {
    (
        any_serving(),
        any_serving(),
        (
            0.0..1e5f64,
            0.0..2e3f64,
            0.0..0.05f64,
            0.0..0.05f64,
            0.0..1e6f64,
            1u32..=120,
        ),
        (
            prop_oneof![Just(0.0), -0.2..0.2f64],
            prop_oneof![Just(0.0), 0.0..0.3f64],
        ),
        (
            prop_oneof![Just(0.0), 0.0..5e3f64],
            0.0..12.0f64,
            0.0..5.0f64,
            0.0..2.0f64,
        ),
    )
        .prop_map(
            |(base_serving, ft_serving, (t, m, b, f, v, h), (g, d), (r, c, a, e))| Inputs {
                training: t,
                maintenance: m,
                baseline: b,
                finetuned: f,
                requests: v,
                months: h,
                growth: g,
                discount: d,
                retrain_cost: r,
                retrain_per_year: c,
                accuracy_gain: a,
                error_value: e,
                base_serving,
                ft_serving,
                gpu: None,
                migration: ft_roi::core::model::lifecycle::Migration::NONE,
            },
        )
}

/// Ranges on some of the inputs, within their fields' limits.
fn any_ranges() -> impl Strategy<Value = Ranges> {
    let end = |low: f64, high: f64| prop_oneof![Just(None), (low..=high).prop_map(Some)];
    (
        prop::collection::vec((end(-100.0, 0.0), end(0.0, 1000.0)), 5),
        end(-0.3, 0.0),
        end(0.0, 0.3),
        0u64..1000,
        // Serving (host rate, unit rate, throughput on each side); a
        // throughput's low end stops at −99.
        prop::collection::vec((end(-100.0, 0.0), end(0.0, 1000.0)), 6),
    )
        .prop_map(|(percent, gl, gh, seed, serving)| {
            let mut r = Ranges {
                draws: 1000,
                seed,
                ..Ranges::default()
            };
            for (k, e) in percent.into_iter().enumerate() {
                r.ends[k] = e;
            }
            // Growth's ends as offsets from its value, filled in below.
            r.ends[5] = (gl, gh);
            for (k, (low, high)) in serving.into_iter().enumerate() {
                let low = if k % 3 == 2 {
                    low.map(|l| l.max(-99.0))
                } else {
                    low
                };
                r.ends[6 + k] = (low, high);
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The simulation's model gives exactly what the page's model gives.
    #[test]
    fn the_draws_model_equals_calculate(i in any_inputs()) {
        let r = calculate(&i);
        let o = outcome(&i);
        prop_assert_eq!(o.net_benefit.to_bits(), r.net_benefit.to_bits());
        prop_assert_eq!(o.roi_percent.map(f64::to_bits), r.roi_percent.map(f64::to_bits));
        prop_assert_eq!(o.break_even_months.map(f64::to_bits), r.break_even_months.map(f64::to_bits));
    }

    #[test]
    fn percentiles_are_ordered_and_probabilities_are_percentages(
        i in any_inputs(),
        mut ranges in any_ranges(),
    ) {
        let g = i.growth * 100.0;
        ranges.ends[5] = (ranges.ends[5].0.map(|d| g + d), ranges.ends[5].1.map(|d| g + d));
        let Some(s) = simulate(i, &ranges) else { return Ok(()) };
        prop_assert!(s.net_benefit_p10 <= s.net_benefit_p50 && s.net_benefit_p50 <= s.net_benefit_p90);
        if let (Some(a), Some(b), Some(c)) = (s.roi_percent_p10, s.roi_percent_p50, s.roi_percent_p90) {
            prop_assert!(a <= b && b <= c);
        }
        let (lo, hi) = (s.net_benefits[0], s.net_benefits[s.net_benefits.len() - 1]);
        prop_assert!(lo <= s.net_benefit_mean && s.net_benefit_mean <= hi);
        for p in [s.prob_positive, s.prob_payback_in_horizon] {
            prop_assert!((0.0..=100.0).contains(&p));
        }
        prop_assert!(s.break_even_months_p50.is_none_or(|m| (0.0..=600.0).contains(&m)));
        // The same seed, the same figures.
        prop_assert_eq!(simulate(i, &ranges), Some(s));
    }
}

/// Another seed moves each figure by less than its sampling error: five
/// standard errors of a difference between two independent simple random
/// samples (Latin hypercube sampling is tighter still).
#[test]
fn another_seed_moves_the_figures_by_less_than_the_sampling_error() {
    use Field::*;
    let base = [
        (RequestsLow, "-80"),
        (RequestsHigh, "30"),
        (FinetunedLow, "-20"),
        (FinetunedHigh, "60"),
        (TrainingHigh, "100"),
    ];
    let s1 = run(&base);
    let mut other = base.to_vec();
    other.push((McSeed, "2"));
    let s2 = run(&other);
    assert_ne!(s1.net_benefit_p50, s2.net_benefit_p50);
    let n = f64::from(s1.draws);
    let bound = |se: f64| 5.0 * std::f64::consts::SQRT_2 * se;
    for (a, b) in [
        (s1.prob_positive, s2.prob_positive),
        (s1.prob_payback_in_horizon, s2.prob_payback_in_horizon),
    ] {
        let p = a / 100.0;
        let se = 100.0 * (p * (1.0 - p) / n).sqrt();
        assert!((a - b).abs() <= bound(se).max(100.0 / n), "{a} vs {b}");
    }
    // A percentile's standard error: √(q(1 − q) / n) ÷ the density there,
    // the density estimated from the neighbouring percentiles.
    let values = &s1.net_benefits;
    for (q, a, b) in [
        (0.1, s1.net_benefit_p10, s2.net_benefit_p10),
        (0.5, s1.net_benefit_p50, s2.net_benefit_p50),
        (0.9, s1.net_benefit_p90, s2.net_benefit_p90),
    ] {
        let slope =
            (percentile(values, q + 0.05).unwrap() - percentile(values, q - 0.05).unwrap()) / 0.1;
        let se = (q * (1.0 - q) / n).sqrt() * slope;
        assert!(
            (a - b).abs() <= bound(se),
            "p{}: {a} vs {b} (se {se})",
            q * 100.0
        );
    }
    let sd = (values
        .iter()
        .map(|x| (x - s1.net_benefit_mean).powi(2))
        .sum::<f64>()
        / n)
        .sqrt();
    assert!((s1.net_benefit_mean - s2.net_benefit_mean).abs() <= bound(sd / n.sqrt()));
}

#[test]
fn the_sentence_reads_for_people() {
    let s = run(&[(Field::RequestsLow, "-80"), (Field::RequestsHigh, "50")]);
    let text = sentence(F, &s);
    assert!(
        text.starts_with("In 97% of 10,000 simulated cases fine-tuning pays back within 12 months; 1 case in 10 ends below $"),
        "{text}"
    );
    let one = Summary {
        months: 1,
        prob_payback_in_horizon: 0.004,
        net_benefit_p10: -1200.0,
        ..s.clone()
    };
    assert_eq!(
        sentence(F, &one),
        "In under 1% of 10,000 simulated cases fine-tuning pays back within 1 month; 1 case in 10 ends below −$1,200.00."
    );
    let most = Summary {
        prob_payback_in_horizon: 99.99,
        ..s
    };
    assert!(sentence(F, &most).starts_with("In over 99% of"));
}

// --------------------------------------------------------------- exports

#[test]
fn exports_carry_the_ranges_and_the_figures() {
    use ft_roi::core::codec::export::{import_json, ExportDoc};
    let raw = raw(PINNED);
    let p = parse_scenario(&raw).into_result().expect("valid");
    let r = calculate(&p.inputs);
    let s = run(PINNED);
    let export = ExportDoc::new(F, "Pinned", &raw, &p.inputs, &r).with_simulation(Some(&s));
    let json = export.json();
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let sim = &doc["simulation"];
    assert_eq!(sim["draws"], 10000.0);
    assert_eq!(sim["seed"], 7.0);
    assert_eq!(sim["ranges"]["requests"]["low"], -60.0);
    assert_eq!(sim["ranges"]["requests"]["max"], 150000.0);
    assert_eq!(sim["ranges"]["growth"]["min"], -2.0);
    assert_eq!(
        sim["results"]["net_benefit_p10"].as_f64(),
        Some(s.net_benefit_p10)
    );
    assert_eq!(
        sim["results"]["break_even_months_p50"].as_f64(),
        s.break_even_months_p50
    );
    assert_eq!(sim["sentence"], PINNED_SENTENCE);
    // The file reads back to the same ranges.
    let (_, back) = import_json(&json).expect("imports");
    assert_eq!(
        parse_scenario(&back).into_result().expect("valid").ranges,
        p.ranges
    );
    // Without ranges, no `simulation` member: the export is as before.
    assert!(!ExportDoc::new(
        F,
        "x",
        &RawInputs::example(),
        &Inputs::EXAMPLE,
        &calculate(&Inputs::EXAMPLE)
    )
    .json()
    .contains("simulation"));

    let csv = export.csv();
    for line in [
        "input,requests_low,\"Monthly requests, low end\",-60,−60%\r\n",
        "input,growth_high,\"Monthly volume growth, high end\",3,3 % per month\r\n",
        "input,mc_draws,Simulated cases,10000,\"10,000 cases\"\r\n",
        "input,mc_seed,Random seed,7,7\r\n",
        "result,prob_positive,Chance of a positive net benefit,97.82,97.82%\r\n",
        "result,net_benefit_p10,\"Net benefit, 10th percentile\",1266.01810409485,\"$1,266.02\"\r\n",
    ] {
        assert!(csv.contains(line), "{line:?} not in\n{csv}");
    }
    let md = export.markdown();
    for part in [
        "| Monthly requests, range | −60% to 50% (40,000 to 150,000) |",
        "| Monthly volume growth, range | −2 to 3 % per month |",
        "| Simulated cases | 10,000 (seed 7) |",
        "| Chance of paying back within the horizon | 97.82% |",
        PINNED_SENTENCE,
    ] {
        assert!(md.contains(part), "{part:?} not in\n{md}");
    }
}

#[test]
fn the_comparison_carries_the_simulation() {
    use ft_roi::core::present::compare::compare;
    let table = compare(
        F,
        &[
            ("Ranged".to_owned(), raw(PINNED)),
            ("Plain".to_owned(), RawInputs::example()),
        ],
    );
    let row = |key: &str| {
        table
            .rows
            .iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("row {key}"))
    };
    assert_eq!(row("requests_low").cells[0].text, "−60%");
    assert_eq!(row("requests_low").cells[1].text, "none");
    assert_eq!(
        row("net_benefit_p10").cells[0].value,
        Some(run(PINNED).net_benefit_p10)
    );
    assert_eq!(row("net_benefit_p10").cells[1].text, "no range");
    assert!(
        !row("net_benefit_p10").cells[0].best,
        "one simulated column: nothing to rank"
    );
    assert!(table
        .to_csv()
        .contains("prob_positive,Chance of a positive net benefit,97.82,\r\n"));
    // No range anywhere: no simulation rows.
    let plain = compare(
        F,
        &[
            ("A".to_owned(), RawInputs::example()),
            ("B".to_owned(), RawInputs::example()),
        ],
    );
    assert!(plain
        .rows
        .iter()
        .all(|r| !r.key.starts_with("prob_") && !r.key.ends_with("_low")));
}

#[test]
fn a_bad_range_damages_a_link_and_is_refused_on_import() {
    let decoded =
        ft_roi::core::codec::url::decode("?requests_low=10&mc_draws=5", RawInputs::example());
    let bad: Vec<Field> = decoded.bad.iter().map(|(f, _)| *f).collect();
    assert_eq!(bad, [Field::RequestsLow, Field::McDraws]);
    let mut raw = RawInputs::example();
    raw.set(Field::RequestsLow, "10");
    let r = calculate(&Inputs::EXAMPLE);
    let json =
        ft_roi::core::codec::export::ExportDoc::new(F, "x", &raw, &Inputs::EXAMPLE, &r).json();
    let errors = ft_roi::core::codec::export::import_json(&json).expect_err("refused");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "Monthly requests, low end: Enter a number from −100 to 0."
    );
}

#[test]
fn the_distributions_axis_labels_stay_inside_the_chart() {
    use ft_roi::core::present::chart::distribution;
    use Field::*;
    // The self-hosted case of issue 25: the last tick, "$600K", sat on the
    // plot's right end, its label cut at a phone's width.
    let s = run(&[
        (Training, "25000"),
        (Requests, "2000000"),
        (Months, "24"),
        (Baseline, "0"),
        (Finetuned, "0"),
        (BaseServing, "capacity"),
        (BaseUnitRate, "10"),
        (BaseMinUnits, "4"),
        (FtServing, "capacity"),
        (FtUnitRate, "2.5"),
        (FtMinUnits, "1"),
        (TrainingLow, "-30"),
        (TrainingHigh, "50"),
        (RequestsLow, "-30"),
        (RequestsHigh, "50"),
    ]);
    for s in [s, run(&[(RequestsLow, "-30"), (RequestsHigh, "50")])] {
        for width in [240.0, 316.0, 390.0, 640.0, 1118.0] {
            let d = distribution(F, &s, width, 280.0);
            for k in &d.x_ticks {
                // About 8 px a character of the 12 px tick labels.
                let half = k.label.chars().count() as f64 * 8.0 / 2.0;
                assert!(
                    k.pos - half >= 0.0 && k.pos + half <= d.frame.width,
                    "{} at {} of {width}",
                    k.label,
                    k.pos
                );
            }
        }
    }
}

// ------------------------------------------------- the terms of a bill

#[test]
fn each_term_of_a_bill_matches_its_exact_quantiles() {
    use Field::*;
    let tokens = [
        (CostMode, "tokens"),
        (BaseCacheShare, "40"),
        (BaseCachePrice, "1"),
        (FtCacheShare, "40"),
        (FtCachePrice, "0.6"),
        (BaseBatchShare, "40"),
        (FtBatchShare, "40"),
        (BaseReasoningTokens, "500"),
        (FtReasoningTokens, "500"),
    ];
    let with = |more: &[(Field, &'static str)]| -> Vec<(Field, &'static str)> {
        tokens.iter().chain(more).copied().collect()
    };
    // More batching or caching makes a side cheaper, more reasoning
    // dearer: net benefit falls as the baseline gets cheaper and rises as
    // the fine-tuned side does.
    check_exact(
        &with(&[(BaseBatchShareLow, "-50"), (BaseBatchShareHigh, "100")]),
        false,
    );
    check_exact(
        &with(&[(BaseCacheShareLow, "-100"), (BaseCacheShareHigh, "50")]),
        false,
    );
    check_exact(
        &with(&[
            (BaseReasoningTokensLow, "-80"),
            (BaseReasoningTokensHigh, "300"),
        ]),
        true,
    );
    check_exact(
        &with(&[(FtBatchShareLow, "-50"), (FtBatchShareHigh, "100")]),
        true,
    );
    check_exact(
        &with(&[(FtCacheShareLow, "-100"), (FtCacheShareHigh, "50")]),
        true,
    );
    check_exact(
        &with(&[
            (FtReasoningTokensLow, "-80"),
            (FtReasoningTokensHigh, "300"),
        ]),
        false,
    );
}

#[test]
fn a_drawn_share_stops_where_the_bill_allows() {
    use Field::*;
    let p = parse_scenario(&raw(&[
        (CostMode, "tokens"),
        (BaseCacheShare, "50"),
        (BaseCacheWriteShare, "30"),
        (BaseBatchShare, "60"),
    ]))
    .into_result()
    .expect("valid");
    let row = |name: &str| RANGED.iter().find(|r| r.name == name).expect("a row");
    let mut c = p.case();
    (row("base_cache_share").set)(&mut c, 150.0);
    (row("base_batch_share").set)(&mut c, 150.0);
    let t = c.tokens.expect("token mode");
    assert_eq!(t.baseline_side.cache_share, 0.7);
    assert_eq!(t.baseline_terms.batch_share, 1.0);
    // Read back in % as typed.
    assert_eq!((row("base_cache_share").get)(&p.case()), 50.0);
    assert_eq!((row("base_batch_share").get)(&p.case()), 60.0);
}

#[test]
fn a_rebuilt_bill_moves_the_cost_per_request_and_keeps_the_fallback() {
    use Field::*;
    let p = parse_scenario(&raw(&[
        (CostMode, "tokens"),
        (FtFallbackShare, "10"),
        (BaseReasoningTokens, "1000"),
    ]))
    .into_result()
    .expect("valid");
    let row = |name: &str| RANGED.iter().find(|r| r.name == name).expect("a row");
    // Unchanged terms rebuild the same costs, bit for bit.
    let mut same = p.case();
    same.rebuild(&p.case());
    assert_eq!(same, p.case());
    // Doubling the baseline's reasoning: its cost per request goes from
    // $0.03 to $0.04, and the fine-tuned side's fallback (10%) with it.
    let mut c = p.case();
    (row("base_reasoning_tokens").set)(&mut c, 2000.0);
    c.rebuild(&p.case());
    assert!((c.inputs.baseline - 0.04).abs() < 1e-15);
    assert!((c.inputs.finetuned - (0.012 + 0.004)).abs() < 1e-15);
    // A range on the cost per request itself scales the rebuilt one.
    let mut d = p.case();
    d.inputs.baseline *= 1.5;
    (row("base_reasoning_tokens").set)(&mut d, 2000.0);
    d.rebuild(&p.case());
    assert!((d.inputs.baseline - 0.06).abs() < 1e-15);
}

#[test]
fn the_terms_of_a_bill_are_ranged_in_token_cost_mode_only() {
    use Field::*;
    let ends = [
        (BaseBatchShareHigh, "50"),
        (BaseCacheShareHigh, "50"),
        (BaseReasoningTokensHigh, "50"),
        (FtBatchShareHigh, "50"),
        (FtCacheShareHigh, "50"),
        (FtReasoningTokensHigh, "50"),
    ];
    // Entered directly: not read, not checked, nothing to simulate.
    let mut direct: Vec<(Field, &str)> = ends.to_vec();
    direct.push((BaseBatchShareLow, "oops"));
    let p = parse_scenario(&raw(&direct)).into_result().expect("valid");
    let ranges = p.ranges.expect("not read");
    assert!(ranges.active(p.case()).is_empty());
    // From tokens: a value of 0 (the defaults) is certain; with values each
    // is ranged, and a bad end is flagged.
    let mut tokens: Vec<(Field, &str)> = ends.to_vec();
    tokens.push((CostMode, "tokens"));
    let p = parse_scenario(&raw(&tokens)).into_result().expect("valid");
    assert!(p.ranges.expect("valid").active(p.case()).is_empty());
    tokens.extend([
        (BaseBatchShare, "20"),
        (BaseCacheShare, "20"),
        (BaseCachePrice, "1"),
        (BaseReasoningTokens, "100"),
        (FtBatchShare, "20"),
        (FtCacheShare, "20"),
        (FtReasoningTokens, "100"),
    ]);
    let p = parse_scenario(&raw(&tokens)).into_result().expect("valid");
    let names: Vec<&str> = p
        .ranges
        .expect("valid")
        .active(p.case())
        .iter()
        .map(|(k, _)| RANGED[*k].name)
        .collect();
    assert_eq!(
        names,
        [
            "base_batch_share",
            "base_cache_share",
            "base_reasoning_tokens",
            "ft_batch_share",
            "ft_cache_share",
            "ft_reasoning_tokens"
        ]
    );
    tokens.push((FtCacheShareLow, "-120"));
    let checked = parse_scenario(&raw(&tokens));
    assert!(checked.parsed.as_ref().is_some_and(|p| p.ranges.is_none()));
    assert!(checked.error(FtCacheShareLow).is_some());
}
