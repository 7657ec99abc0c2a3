//! The model: validated inputs → every figure. The closed form, the
//! month-by-month schedule, the break-even volume search over serving
//! units, each side's serving costs, and the Monte Carlo simulation over
//! ranges on the estimates. Definitions: docs/model.md.

// Below the rest: the model's types.
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

pub use closed::calculate;
pub use types::{Inputs, Results, Status};
