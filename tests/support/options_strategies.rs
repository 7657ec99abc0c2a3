//! Proptest strategies for options and their basis, shared by the
//! options' test files (`#[path]`-included, beside `serving.rs`).

use ft_roi::core::model::serving::Serving;
use ft_roi::core::model::{Approach, Basis, Retraining};
use proptest::prelude::*;

/// Any serving of one option: per token, an hourly fee, or capacity units
/// (at least $0.10 a unit-hour, 1 request a second and 100 hours).
pub fn any_serving() -> impl Strategy<Value = Serving> {
    crate::serving::any_serving(2, 0.1, 1.0, 100.0)
}

pub fn any_option() -> impl Strategy<Value = Approach> {
    (
        0.0..0.05f64,
        prop_oneof![Just(0.0), 0.0..2e3f64],
        any_serving(),
        prop_oneof![Just(0.0), 0.0..1e5f64],
        (prop_oneof![Just(0.0), 0.0..5e3f64], 0u32..5),
        -5.0..10.0f64,
    )
        .prop_map(
            |(c, monthly, serving, one_time, (cost, per_year), accuracy)| Approach {
                cost_per_request: c,
                monthly,
                serving,
                one_time,
                retraining: Retraining {
                    cost,
                    per_year: f64::from(per_year),
                    ..Retraining::default()
                },
                accuracy,
            },
        )
}

pub fn any_basis() -> impl Strategy<Value = Basis> {
    (
        1u32..=36,
        0.0..1e6f64,
        prop_oneof![Just(0.0), -0.05..0.1f64],
        prop_oneof![Just(0.0), 0.0..0.3f64],
        prop_oneof![Just(0.0), 0.0..2.0f64],
    )
        .prop_map(|(months, requests, growth, discount, error_value)| Basis {
            months,
            requests,
            growth,
            discount,
            error_value,
        })
}
