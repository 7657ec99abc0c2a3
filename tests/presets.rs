//! Native tests of the presets' published figures (with the article's
//! arithmetic corrected), the builders, and their invariants.
#![cfg(not(target_arch = "wasm32"))]

use ft_roi::core::inputs::builders::{
    investment, operations, side_cost, Compute, InvestmentItems, TokenSide,
};
use ft_roi::core::inputs::presets::{preset, token_tier, PRESETS, TOKEN_TIERS};
#[path = "support/fmt.rs"]
mod fmt_default;
use fmt_default::{count, money, months, percent, unit_cost};
use ft_roi::core::{calculate, parse_inputs, parse_scenario, Field, Inputs, RawInputs, Status};
use proptest::prelude::*;

fn run(id: &str) -> (ft_roi::core::Parsed, ft_roi::core::Results) {
    let parsed = parse_scenario(&preset(id).unwrap().raw())
        .into_result()
        .unwrap();
    let results = calculate(&parsed.inputs);
    (parsed, results)
}

#[test]
fn reference_preset_is_the_seed_example() {
    let (p, r) = run("reference");
    assert_eq!(p.inputs, Inputs::EXAMPLE);
    assert_eq!(money(r.net_benefit), "$5,900.00");
    assert_eq!(percent(r.roi_percent.unwrap()), "159.46%");
}

#[test]
fn customer_support_matches_the_article() {
    let (p, r) = run("support");
    assert_eq!(money(r.monthly_baseline_cost), "$21.00");
    assert_eq!(money(r.monthly_finetuned_cost), "$7.00");
    assert_eq!(money(r.monthly_gross_savings), "$14.00");
    assert_eq!(money(r.monthly_net_savings), "−$186.00");
    assert_eq!(money(p.inputs.training), "$1,600.00");
    assert_eq!(r.status, Status::Never);
    assert_eq!(r.break_even_months, None);
    assert_eq!(p.monthly_tokens(), Some(3e6));
    assert_eq!(TOKEN_TIERS[token_tier(3e6)].1, "under-5m");
}

#[test]
fn classification_matches_the_article_with_its_roi_corrected() {
    let (p, r) = run("classification");
    assert_eq!(money(r.monthly_baseline_cost), "$45,000.00");
    assert_eq!(money(r.monthly_finetuned_cost), "$15,000.00");
    assert_eq!(money(r.monthly_gross_savings), "$30,000.00");
    assert_eq!(money(r.monthly_net_savings), "$29,700.00");
    assert_eq!(money(p.inputs.training), "$3,700.00");
    assert_eq!(months(r.break_even_months.unwrap()), "0.12");
    // ((29,700 × 12) − 3,700) / 3,700 = 9,532.43%; the article prints 9,560%.
    assert_eq!(percent(r.annual_roi_one_time.unwrap()), "9,532.43%");
    assert_ne!(percent(r.annual_roi_one_time.unwrap()), "9,560.00%");
    assert_eq!(money(r.annual_benefit), "$352,700.00");
    assert_eq!(
        TOKEN_TIERS[token_tier(p.monthly_tokens().unwrap())].1,
        "100m-plus"
    );
}

#[test]
fn article_code_example_with_its_arithmetic_corrected() {
    let (p, r) = run("article-code");
    assert_eq!(money(r.monthly_baseline_cost), "$150.00");
    assert_eq!(money(r.monthly_finetuned_cost), "$50.00");
    assert_eq!(money(r.monthly_gross_savings), "$100.00");
    assert_eq!(money(r.monthly_net_savings), "−$100.00");
    assert_eq!(r.break_even_months, None);
    // −100 × 12 − 1,600 = −2,800 (the article prints −2,200), and
    // −2,800 / 1,600 = −175% (the article prints −137.5%).
    assert_eq!(money(r.annual_benefit), "−$2,800.00");
    assert_eq!(percent(r.annual_roi_one_time.unwrap()), "−175.00%");
    assert_eq!(p.monthly_tokens(), Some(5e7));
    assert_eq!(TOKEN_TIERS[token_tier(5e7)].1, "20m-100m");
}

#[test]
fn every_preset_keeps_direct_entry_equivalent() {
    for preset in PRESETS {
        let raw = preset.raw();
        let built = parse_inputs(&raw).unwrap();
        let mut direct = raw.clone();
        for (mode, value) in [
            (Field::CostMode, "direct"),
            (Field::TrainingMode, "direct"),
            (Field::MaintenanceMode, "direct"),
        ] {
            direct.set(mode, value);
        }
        let direct = parse_inputs(&direct).unwrap();
        let r1 = calculate(&built);
        let r2 = calculate(&direct);
        for (a, b) in [
            (r1.net_benefit, r2.net_benefit),
            (r1.monthly_net_savings, r2.monthly_net_savings),
        ] {
            assert!(
                (a - b).abs() <= 1e-9 * a.abs().max(1.0),
                "{}: {a} vs {b}",
                preset.id
            );
        }
    }
}

#[test]
fn builder_tables() {
    let side = TokenSide {
        input_tokens: 1000.0,
        output_tokens: 500.0,
        input_price: 3.0,
        output_price: 15.0,
        cache_share: 0.5,
        cache_price: 0.3,
        retry_rate: 0.1,
    };
    let c = side_cost(&side, 1e6);
    // 500 × $3 + 500 × $0.30 + 500 × $15 per 1M, plus 10% retries.
    assert_eq!(unit_cost(c.input), "$0.0015");
    assert_eq!(unit_cost(c.cached), "$0.00015");
    assert_eq!(unit_cost(c.output), "$0.0075");
    assert_eq!(unit_cost(c.total), "$0.010065");
    let ft = ft_roi::core::inputs::builders::finetuned_cost(
        &TokenSide {
            retry_rate: 0.0,
            cache_share: 0.0,
            ..side
        },
        1e3,
        0.1,
        0.02,
    );
    assert_eq!(unit_cost(ft.fallback), "$0.002");
    assert_eq!(unit_cost(ft.total), "$10.502");
    let inv = investment(&InvestmentItems {
        examples: 1000.0,
        cost_per_example: 2.0,
        qa_share: 0.15,
        compute: Compute::Tokens {
            tokens_per_example: 500.0,
            epochs: 3.0,
            price_per_million: 30.0,
        },
        curation: (4.0, 100.0),
        setup: (10.0, 150.0),
        other: 250.0,
    });
    assert_eq!(
        (inv.labeling, inv.qa, inv.compute, inv.curation, inv.setup),
        (2000.0, 300.0, 45.0, 400.0, 1500.0)
    );
    assert_eq!(inv.training_tokens, Some(1.5e6));
    assert_eq!(money(inv.total), "$4,495.00");
    let ops = operations(200.0, 3.0, 100.0, 3000.0, 4.0);
    assert_eq!(money(ops.support), "$1,300.00");
    assert_eq!(money(ops.monthly), "$1,500.00");
}

#[test]
fn retraining_lumps_move_break_even_and_net_benefit() {
    // n = 700/month; quarterly retraining of $1,000 at months 3, 6, 9, 12.
    let i = Inputs {
        retrain_cost: 1000.0,
        retrain_per_year: 4.0,
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    assert_eq!(r.retrainings_in_horizon, 4.0);
    assert_eq!(money(r.net_benefit), "$1,900.00"); // 8,400 − 4,000 − 2,500
    assert_eq!(money(r.investment), "$7,700.00");
    assert_eq!(money(r.retraining_monthly_average), "$333.33");
    // Per cycle: 3 × 700 − 1,000 = 1,100; after the 3rd retraining the
    // position is −2,500 + 3,300 = 800 ≥ 0, and after the 2nd −300 < 0; it
    // crosses zero 300 / 700 months after month 6.
    assert_eq!(months(r.break_even_months.unwrap()), "6.43");
    assert_eq!(r.status, Status::Positive);
    // A retraining that eats every cycle's savings never breaks even.
    let r = calculate(&Inputs {
        retrain_cost: 2100.0,
        ..i
    });
    assert_eq!(r.break_even_months, None);
    assert_eq!(r.status, Status::Never);
    // Yearly retraining at month 12 counts in a 12-month horizon.
    let r = calculate(&Inputs {
        retrain_cost: 500.0,
        retrain_per_year: 1.0,
        ..Inputs::EXAMPLE
    });
    assert_eq!(r.retrainings_in_horizon, 1.0);
    assert_eq!(money(r.net_benefit), "$5,400.00");
}

#[test]
fn accuracy_value_is_added_to_monthly_savings() {
    // 2 points × $0.50 per avoided error × 100,000 requests = $1,000 a month.
    let i = Inputs {
        accuracy_gain: 2.0,
        error_value: 0.5,
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    assert_eq!(money(r.monthly_quality_value), "$1,000.00");
    assert_eq!(money(r.monthly_gross_savings), "$800.00");
    assert_eq!(money(r.monthly_net_savings), "$1,700.00");
    assert_eq!(money(r.net_benefit), "$17,900.00");
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), 0.0..10.0f64, 0.0..1e6f64]
}

proptest! {
    #[test]
    fn builder_total_is_the_sum_of_its_parts(
        e in amount(), c in amount(), qa in 0.0..2.0f64, flat in amount(), hours in amount(), rate in amount(), other in amount(),
    ) {
        let inv = investment(&InvestmentItems { examples: e, cost_per_example: c, qa_share: qa, compute: Compute::Flat(flat), curation: (hours, rate), setup: (hours, rate), other });
        let sum = inv.labeling + inv.qa + inv.compute + inv.curation + inv.setup + inv.other;
        prop_assert!((inv.total - sum).abs() <= 1e-9 * sum.abs().max(1.0));
        let side = TokenSide { input_tokens: e, output_tokens: c, input_price: rate, output_price: flat, cache_share: qa / 2.0, cache_price: other, retry_rate: qa };
        let cost = side_cost(&side, 1e6);
        let parts = cost.input + cost.cached + cost.output + cost.retries;
        prop_assert!((cost.total - parts).abs() <= 1e-9 * parts.abs().max(1e-12));
    }

    #[test]
    fn direct_entry_and_an_equivalent_builder_give_identical_results(
        tin in 0.0..5000.0f64, tout in 0.0..2000.0f64, pin in 0.0..20.0f64, pout in 0.0..60.0f64, v in 0.0..1e7f64,
    ) {
        let mut built = RawInputs::example();
        for (f, x) in [(Field::CostMode, "tokens".to_owned()), (Field::Requests, v.to_string()),
            (Field::BaseInputTokens, tin.to_string()), (Field::BaseOutputTokens, tout.to_string()),
            (Field::BaseInputPrice, pin.to_string()), (Field::BaseOutputPrice, pout.to_string())] {
            built.set(f, x);
        }
        let Ok(b) = parse_inputs(&built) else { return Ok(()) };
        let mut direct = built.clone();
        direct.set(Field::CostMode, "direct");
        direct.set(Field::Baseline, b.baseline.to_string());
        direct.set(Field::Finetuned, b.finetuned.to_string());
        if let Ok(d) = parse_inputs(&direct) {
            prop_assert_eq!(calculate(&d), calculate(&b));
        }
    }

    #[test]
    fn the_schedule_agrees_with_break_even(t in 0.0..1e5f64, n in 1.0..1e4f64, cost in 0.0..2e4f64, per_year in 1u32..=12) {
        let i = Inputs { training: t, maintenance: 0.0, baseline: n / 1000.0, finetuned: 0.0, requests: 1000.0, months: 600, retrain_cost: cost, retrain_per_year: f64::from(per_year), accuracy_gain: 0.0, error_value: 0.0, growth: 0.0, discount: 0.0, ..Inputs::EXAMPLE };
        let r = calculate(&i);
        let position = |time: f64| -t + r.monthly_net_savings * time - cost * ft_roi::core::model::closed::retrainings_by(time, f64::from(per_year));
        if let Some(m) = r.break_even_months {
            // Non-negative from break-even on (checked at and after each retraining) ...
            let tol = 1e-6 * t.max(1.0);
            prop_assert!(position(m) >= -tol, "{m}");
            let period = 12.0 / f64::from(per_year);
            let mut k = (m / period).ceil();
            // (Up to the horizon: a position non-negative there has paid
            // back within it, whatever a later retraining does.)
            let until = if r.net_benefit >= 0.0 { 600.0 } else { f64::INFINITY };
            while k * period < (m + 120.0).min(until) { prop_assert!(position(k * period) >= -tol); k += 1.0; }
            // ... and negative just before it (after the retraining before it;
            // just before that retraining the position may have been
            // positive, which is why break-even is where it stays positive).
            let last_lump = (m / period).floor() * period;
            if m - last_lump > 1e-6 && m > 1e-6 {
                prop_assert!(position(last_lump + (m - last_lump) * 0.5) < tol);
            }
        }
    }
}

#[test]
fn break_even_with_a_vanishing_cycle_gain_terminates() {
    // A whole cycle barely beats the retraining cost and the training cost
    // is huge: the cycle count passes 2^53, where `k + 1 == k`. This once
    // looped forever.
    let i = Inputs {
        training: 1e15,
        maintenance: 0.0,
        baseline: 1.0,
        finetuned: 0.0,
        requests: 1000.0,
        retrain_cost: 3000.0 - 1e-9,
        retrain_per_year: 4.0,
        ..Inputs::EXAMPLE
    };
    let r = calculate(&i);
    assert!(r.break_even_months.is_none_or(f64::is_finite));
}

#[test]
fn support_options_by_hand() {
    use ft_roi::core::present::decision::DecisionTable;
    use ft_roi::core::present::options::OptionsView;
    // The support bot: 1,000 requests a month for 12 months (12,000
    // requests), no growth, no discounting: present values equal costs.
    let (p, _) = run("support-options");
    let view = OptionsView::of(&p);
    let want = [
        // Option 1, prompting: 2,000 × $3 + 1,000 × $15 per 1M = $0.021 a
        // request; 12,000 × $0.021 = $252.
        (1, "$0.021", "$252.00"),
        // Option 2, the article's fine-tune: 2,000 × $1 + 1,000 × $5 per 1M
        // = $0.007; $1,600 once + 12 × (1,000 × $0.007 + $200) = $1,600 +
        // 12 × $207 = $4,084.
        (2, "$0.007", "$4,084.00"),
        // Option 3, cached and batched: input 1,000 uncached × $3 = $0.003,
        // 1,000 cached × $0.30 = $0.0003, output 1,000 × $15 = $0.015 (per
        // 1M): one attempt $0.0183; half the requests batched at 50% off
        // save $0.0183 × 0.5 × 0.5 = $0.004575: $0.013725 a request;
        // 12,000 × $0.013725 = $164.70.
        (3, "$0.013725", "$164.70"),
        // Option 4, distilled: 2,000 × $0.30 + 1,000 × $1.20 per 1M =
        // $0.0018 a request; once $27 training + the teacher's 1,000 ×
        // (2,000 × $3 + 1,000 × $15) ÷ 1M = $21, so $48; 12 × (1,000 ×
        // $0.0018 + $200) = 12 × $201.80 = $2,421.60; total $2,469.60.
        (4, "$0.0018", "$2,469.60"),
    ];
    assert_eq!(view.lines.len(), 4);
    for ((k, per_request, cost), line) in want.iter().zip(&view.lines) {
        assert_eq!(line.number, *k);
        assert_eq!(
            unit_cost(line.per_request.unwrap()),
            *per_request,
            "option {k}"
        );
        let c = line.cost.unwrap();
        assert_eq!(money(c.cost), *cost, "option {k}");
        assert_eq!(money(c.pv_cost), *cost, "option {k}");
    }
    // Cheapest at 1,000 a month: option 3 ($164.70).
    assert_eq!(view.cheapest, Some(3));
    // In the monthly volume V over 12 months: C1 = 0.252·V, C2 = 4,000 +
    // 0.084·V, C3 = 0.1647·V, C4 = 2,448 + 0.0216·V. Just above 0 option 3
    // (no fixed cost, the lower slope of the two without one); C3 = C4 at
    // V = 2,448 ÷ (0.1647 − 0.0216) = 2,448 ÷ 0.1431 = 17,106.92; option 2
    // is never below option 4 (more fixed cost, steeper), option 1 never
    // below option 3.
    assert_eq!(view.changes.len(), 1);
    let (v, k) = view.changes[0];
    assert_eq!(k, 4);
    assert!((v - 2_448.0 / 0.1431).abs() < 1e-6, "{v}");
    assert_eq!(count(v), "17,107");
    // The decision table: two bands, in tokens × 3,000 a request (option
    // 1's 2,000 in + 1,000 out): 17,106.92 × 3,000 = 51.3M tokens a month.
    let table = DecisionTable::of(&p);
    assert_eq!(table.tokens_per_request, Some(3_000.0));
    let rows = table.rows(&view, fmt_default::F);
    let got: Vec<(&str, Option<&str>, &str)> = rows
        .iter()
        .map(|r| (r.requests.as_str(), r.tokens.as_deref(), r.advice.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "0 to 17,107",
                Some("0 to 51.3M"),
                "Prompting, cached and batched (option 3)"
            ),
            (
                "17,107 and more",
                Some("51.3M and more"),
                "Distilled small model (option 4)"
            ),
        ]
    );
    assert_eq!(table.band_at(p.inputs.requests), Some(0));
    // Direct entry is kept equivalent: the same costs from the options'
    // costs per request.
    let mut raw = preset("support-options").unwrap().raw();
    raw.set(Field::CostMode, "direct");
    let direct = parse_scenario(&raw).into_result().unwrap();
    let direct = OptionsView::of(&direct);
    for (a, b) in view.lines.iter().zip(&direct.lines) {
        assert_eq!(money(a.cost.unwrap().cost), money(b.cost.unwrap().cost));
    }
}
