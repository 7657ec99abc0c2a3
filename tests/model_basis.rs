//! The model on its basis and side values gives the figures the model gave
//! before them: every field of `Results` on random scenarios (with and
//! without growth, discounting, retraining, the value of accuracy and each
//! kind of serving), against a frozen copy of the old closed form,
//! schedule and volume search (`tests/support/old_model.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/old_model.rs"]
mod old_model;
#[path = "support/serving.rs"]
mod serving;

use ft_roi::core::model::closed::{compare, net_benefit};
use ft_roi::core::model::serving::Serving;
use ft_roi::core::model::Basis;
use ft_roi::core::{calculate, Inputs, Results, Status};
use proptest::prelude::*;

/// Any serving of one side: per token, an hourly fee, or capacity units.
fn any_serving() -> impl Strategy<Value = Serving> {
    serving::any_serving(2, 0.0, 0.1, 0.0)
}

/// A money or volume value as validated inputs hold them: 0 often (an
/// input left off), otherwise within a range.
fn or_zero(range: std::ops::Range<f64>) -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), range]
}

/// Any scenario the model takes.
fn any_inputs() -> impl Strategy<Value = Inputs> {
    (
        (any_serving(), any_serving()),
        (
            or_zero(0.0..1e5),
            or_zero(0.0..2e3),
            or_zero(0.0..0.05),
            or_zero(0.0..0.05),
            or_zero(0.0..1e6),
            1u32..=120,
        ),
        (or_zero(-0.2..0.2), or_zero(0.0..0.3)),
        (
            or_zero(0.0..5e3),
            or_zero(0.0..12.0),
            or_zero(0.0..5.0),
            or_zero(0.0..2.0),
        ),
    )
        .prop_map(
            |((base_serving, ft_serving), (t, m, b, f, v, h), (g, d), (r, c, a, e))| Inputs {
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

/// Within the model's tolerance for differences (relative 1e-12 of the
/// larger, or of 1 near zero).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// Every figure the same. Exactly, to the last bit, except discounted
/// break-even: its fraction of a month used to divide each month's flow by
/// (1+D)^(m/12) computed afresh, and now multiplies it by the basis's
/// discount factor, the one the NPV uses; the two agree within the model's
/// tolerance.
#[track_caller]
fn assert_same(new: &Results, old: &Results) {
    let months = |r: &Results| Results {
        discounted_break_even_months: None,
        ..*r
    };
    assert_eq!(months(new), months(old));
    match (
        new.discounted_break_even_months,
        old.discounted_break_even_months,
    ) {
        (Some(a), Some(b)) => assert!(close(a, b), "discounted break-even {a} vs {b}"),
        (a, b) => assert_eq!(a, b, "discounted break-even"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_model_gives_the_old_closed_form_s_figures(i in any_inputs()) {
        assert_same(&calculate(&i), &old_model::closed::calculate(&i));
    }

    /// The quick net benefit is the old one exactly, but with growth and
    /// no serving: it sums the months of volume where it used the closed
    /// form ((1+g)^H − 1) / g, within the model's tolerance of the
    /// horizon's flows.
    #[test]
    fn the_quick_net_benefit_is_the_old_one(i in any_inputs()) {
        let (new, old) = (net_benefit(&i), old_model::closed::net_benefit(&i));
        if i.growth == 0.0 || i.has_serving() {
            prop_assert_eq!(new, old);
        } else {
            let r = calculate(&i);
            // Every flow of the horizon, each side's and the value of accuracy.
            let scale = r.baseline_horizon_cost.abs()
                + r.finetuned_horizon_cost.abs()
                + r.net_operating_savings.abs()
                + 1.0;
            prop_assert!((new - old).abs() <= 1e-12 * scale, "{} vs {}", new, old);
        }
    }

    /// The comparison is a function of two sides, either way round: B
    /// against A loses what A against B gains (a side A that retrains goes
    /// through the schedule, the other way through the closed form).
    #[test]
    fn swapping_the_sides_negates_the_net_benefit(i in any_inputs()) {
        let basis = Basis::of(&i);
        let (a, b) = (i.baseline_approach(), i.finetuned_approach());
        let (there, back) = (compare(&basis, &a, &b), compare(&basis, &b, &a));
        let scale = there.baseline_horizon_cost.abs()
            + there.finetuned_horizon_cost.abs()
            + there.net_operating_savings.abs()
            + 1.0;
        prop_assert!((there.net_benefit + back.net_benefit).abs() <= 1e-9 * scale, "{} vs {}", there.net_benefit, back.net_benefit);
        prop_assert!((there.npv + back.npv).abs() <= 1e-9 * scale, "{} vs {}", there.npv, back.npv);
        prop_assert!((there.finetuned_horizon_cost - back.baseline_horizon_cost).abs() <= 1e-9 * scale);
        prop_assert!((there.baseline_horizon_cost - back.finetuned_horizon_cost).abs() <= 1e-9 * scale);
    }

    /// A side against itself gains nothing, whatever it costs.
    #[test]
    fn a_side_against_itself_gains_nothing(i in any_inputs()) {
        let b = i.finetuned_approach();
        let r = compare(&Basis::of(&i), &b, &b);
        prop_assert_eq!(r.net_benefit, 0.0);
        prop_assert_eq!(r.npv, 0.0);
        prop_assert_eq!(r.monthly_net_savings, 0.0);
        prop_assert_ne!(r.status, Status::Positive);
    }
}
