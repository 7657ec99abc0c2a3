//! The Monte Carlo simulation with options side by side (issue 28): the
//! same draws that give the net benefit's spread give each option's
//! present-value cost, so every option is priced from the same sampled
//! inputs (common random numbers), and each option's chance of being the
//! cheapest and the spread of its present-value cost come out.
//!
//! The method, exactly:
//! - one draw is one value for every ranged input ([`super::montecarlo`]):
//!   the shared inputs (requests, growth, the two sides' costs) and each
//!   added option's own ranged inputs ([`super::uncertainty::OwnInput`]: its cost per request
//!   without the fallback, its one-time and its monthly costs, ranges
//!   `oK_request_cost_low`, …);
//! - in that draw option 1 is the baseline side and option 2 the
//!   fine-tuned side, as drawn; option K (3 to 6) costs its drawn own cost
//!   per request plus its fallback share × option 1's drawn cost per
//!   request (c_K = own_K + f_K·c_1), its drawn one-time and monthly costs;
//! - each option's present-value cost PV_K in the draw is
//!   [`option_cost`]'s, the cheapest is [`cheapest`]'s (lowest PV, ties
//!   within the model's tolerance to the lower number);
//! - `p_cheapest` of option K is the share of draws (0 to 1) in which it is
//!   the cheapest: the options' shares sum to 1; its PV cost's 10th, 50th
//!   and 90th percentiles interpolate as the net benefit's do
//!   (`super::montecarlo::percentile`).
//!
//! Definitions: docs/model.md, "Options under uncertainty".

use super::approach::Approach;
use super::basis::Basis;
use super::options::{cheapest, option_cost, OptionCost};
use super::uncertainty::Case;

/// Every valid option of draw `c` of scenario `scenario`, by number:
/// options 1 and 2 from the drawn sides, then the added ones, each
/// costing its drawn own cost per request plus its fallback share ×
/// option 1's drawn cost per request. Written as the scenario's cost plus
/// the changes, so an undrawn option costs exactly what it does in the
/// scenario.
pub fn approaches(c: &Case, scenario: &Case) -> Vec<(usize, Approach)> {
    let mut out = vec![
        (1, c.inputs.baseline_approach()),
        (2, c.inputs.finetuned_approach()),
    ];
    let moved = c.inputs.baseline - scenario.inputs.baseline;
    for (i, (drawn, was)) in c.options.iter().zip(&scenario.options).enumerate() {
        if let (Some(o), Some(w)) = (drawn, was) {
            let mut a = o.approach;
            let change = (o.own - w.own) + o.fallback * moved;
            if change != 0.0 {
                a.cost_per_request = w.approach.cost_per_request + change;
            }
            out.push((i + 3, a));
        }
    }
    out
}

/// Each option's present-value cost in a draw, into `costs` (cleared
/// first); the number of the cheapest's index in `options`.
pub fn price(basis: &Basis, options: &[(usize, Approach)], costs: &mut Vec<OptionCost>) -> usize {
    costs.clear();
    costs.extend(options.iter().map(|(_, a)| option_cost(basis, a)));
    cheapest(costs).unwrap_or(0)
}

/// One option's figures over the simulated cases.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionOdds {
    /// Its number, 1 to 6.
    pub number: usize,
    /// The share of cases (0 to 1) in which it is the cheapest by
    /// present-value cost, ties to the lower number
    /// (`option_p_cheapest`).
    pub p_cheapest: f64,
    /// The 10th percentile of its present-value cost ($).
    pub pv_cost_p10: Option<f64>,
    /// The median of its present-value cost ($).
    pub pv_cost_p50: Option<f64>,
    /// The 90th percentile of its present-value cost ($).
    pub pv_cost_p90: Option<f64>,
}

/// The options' figures without ranges: the scenario is the only case, so
/// the cheapest has `p_cheapest` 1, every other 0, and each percentile is
/// the option's present-value cost.
pub fn at_point(scenario: &Case) -> Vec<OptionOdds> {
    let options = approaches(scenario, scenario);
    let mut costs = Vec::new();
    let best = price(&Basis::of(&scenario.inputs), &options, &mut costs);
    options
        .iter()
        .zip(&costs)
        .enumerate()
        .map(|(i, ((number, _), cost))| OptionOdds {
            number: *number,
            p_cheapest: if i == best { 1.0 } else { 0.0 },
            pv_cost_p10: Some(cost.pv_cost),
            pv_cost_p50: Some(cost.pv_cost),
            pv_cost_p90: Some(cost.pv_cost),
        })
        .collect()
}
