//! Proptest strategies for options and their basis, shared by the
//! options' test files (`#[path]`-included).

use ft_roi::core::model::serving::{Capacity, Serving};
use ft_roi::core::model::{Approach, Basis, Retraining};
use proptest::prelude::*;

/// Any serving of one option: per token, an hourly fee, or capacity units.
pub fn any_serving() -> impl Strategy<Value = Serving> {
    prop_oneof![
        2 => Just(Serving::PerToken),
        1 => (0.0..5.0f64, 0.0..744.0f64, 0u32..3).prop_map(|(rate, hours, d)| Serving::Hourly {
            rate,
            hours,
            deployments: f64::from(d),
        }),
        1 => (0.1..5.0f64, 1.0..50.0f64, 1.0..4.0f64, 0u32..3, 100.0..744.0f64).prop_map(
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
