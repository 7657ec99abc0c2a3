//! The model on its basis and side values gives the figures the model gave
//! before them: every field of `Results` on random scenarios (with and
//! without growth, discounting, retraining, the value of accuracy and each
//! kind of serving), against a frozen copy of the old closed form,
//! schedule and volume search (`tests/support/old_model.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/old_model.rs"]
mod old_model;

use ft_roi::core::model::closed::net_benefit;
use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::{calculate, Inputs};
use proptest::prelude::*;

/// Any serving of one side: per token, an hourly fee, or capacity units.
fn any_serving() -> impl Strategy<Value = Serving> {
    prop_oneof![
        2 => Just(Serving::PerToken),
        1 => (0.0..5.0f64, 0.0..744.0f64, 0u32..3).prop_map(|(rate, hours, d)| Serving::Hourly {
            rate,
            hours,
            deployments: f64::from(d),
        }),
        1 => (0.0..5.0f64, 0.1..50.0f64, 1.0..4.0f64, 0u32..3, 0.0..744.0f64).prop_map(
            |(unit_rate, unit_rps, peak_factor, min, unit_hours)| {
                Serving::Capacity(Capacity {
                    unit_rate,
                    unit_rps,
                    peak_factor,
                    min_units: f64::from(min),
                    unit_hours,
                })
            }
        ),
    ]
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
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn the_model_gives_the_old_closed_form_s_figures(i in any_inputs()) {
        prop_assert_eq!(calculate(&i), old_model::closed::calculate(&i));
    }

    #[test]
    fn the_quick_net_benefit_is_the_old_one(i in any_inputs()) {
        prop_assert_eq!(net_benefit(&i), old_model::closed::net_benefit(&i));
    }
}
