//! The proptest strategy for a side's or an option's serving, shared by
//! the model's test files (`#[path]`-included).

use ft_roi::core::model::serving::{Capacity, Serving};
use proptest::prelude::*;

/// Any serving: per token (weighted `per_token` against 1 for each other
/// kind), an hourly fee ($0–5 an hour, 0–744 hours, 0–2 deployments), or
/// capacity units (`rate_low`–$5 a unit-hour, `rps_low`–50 requests a
/// second, peak factor 1–4, 0–2 minimum units, `hours_low`–744 hours).
pub fn any_serving(
    per_token: u32,
    rate_low: f64,
    rps_low: f64,
    hours_low: f64,
) -> impl Strategy<Value = Serving> {
    prop_oneof![
        per_token => Just(Serving::PerToken),
        1 => (0.0..5.0f64, 0.0..744.0f64, 0u32..3).prop_map(|(rate, hours, d)| Serving::Hourly {
            rate,
            hours,
            deployments: f64::from(d),
        }),
        1 => (rate_low..5.0f64, rps_low..50.0f64, 1.0..4.0f64, 0u32..3, hours_low..744.0f64).prop_map(
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
