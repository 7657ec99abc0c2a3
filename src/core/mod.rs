//! The pure calculation core: inputs, validation, the ROI model, formatting,
//! the formula read-out and the URL query reader.
//!
//! Invariants this layer keeps (and its tests check):
//! - It does not touch the outside world: no `leptos`, `web_sys`, `gloo` or
//!   JavaScript. Everything here runs and is tested natively.
//! - It cannot fail at run time: parsing returns errors as data, and
//!   [`calculate`] is total on validated [`Inputs`]. Undefined results are
//!   `None`, never NaN or infinity, and no formatted string contains either.

pub mod builders;
pub mod catalogue;
pub mod chart;
pub mod compare;
pub mod csv;
pub mod embed;
pub mod export;
pub mod field;
pub mod fill;
pub mod float;
pub mod format;
pub mod formulas;
pub mod inputs;
pub mod metrics;
pub mod model;
pub mod number;
pub mod parse;
pub mod presets;
pub mod scenario;
pub mod schedule;
pub mod store;
// Serving costs (issue #15).
pub mod serving;
pub mod volume;
// Issue #17: ranges on the estimates and the Monte Carlo simulation.
pub mod montecarlo;
pub mod uncertainty;

pub use field::Field;
pub use model::{calculate, Inputs, Results, Status};
pub use parse::{parse_inputs, parse_scenario, DecimalMark, InputError, Parsed, RawInputs};
