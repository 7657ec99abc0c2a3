//! A scenario that uses every input beyond the six (growth, discounting,
//! retraining, the value of accuracy), shared by the tests that need one.

use ft_roi::core::Inputs;

/// The reference example with 5% monthly growth, a 10% discount rate,
/// $300 retraining three times a year and a 1-point accuracy gain worth
/// $0.20 an error.
pub const EVERY_EXTRA: Inputs = Inputs {
    growth: 0.05,
    discount: 0.1,
    retrain_cost: 300.0,
    retrain_per_year: 3.0,
    accuracy_gain: 1.0,
    error_value: 0.2,
    ..Inputs::EXAMPLE
};
