//! The model: validated inputs → every figure. The closed form, the
//! month-by-month schedule, the break-even volume search over serving
//! units, each side's serving costs, and the Monte Carlo simulation over
//! ranges on the estimates. Definitions: docs/model.md.

// Below the rest: the model's types, the basis every side is measured on
// (volumes, growth, the retraining calendar, discounting, the tolerance)
// and a side as a value, compared with another.
pub mod approach;
pub mod basis;
pub mod types;

// The closed form and the month-by-month schedule it sums with growth or discounting.
pub mod closed;
pub mod schedule;

// Serving costs and the break-even volume over their unit steps.
pub mod serving;
pub mod volume;

// Ranges on the estimates and the simulation over them.
pub mod montecarlo;
pub mod uncertainty;

// The model's end of life: calendar months, the shutdown's month, the
// migration lump (issue 27).
pub mod lifecycle;

// Training priced by GPU time (issue 29).
pub mod gpu;

// Several options side by side: each one's cost, the cheapest, and the
// volumes at which the cheapest changes (issue 28).
pub mod options;
// The simulation's figures for every option (issue 28).
pub mod optsim;

pub use approach::{Approach, Comparison, Retraining};
pub use basis::Basis;
pub use closed::{calculate, compare};
pub use types::{Inputs, Results, Status};
