//! The pure calculation core: the model, its inputs (field table, number
//! reading, validation, builders, presets), the price catalogue, the codecs
//! of every document (link, storage, exports) and the presentation (number
//! writing, figures, formulas, comparison, chart geometry).
//!
//! Invariants this layer keeps (and its tests check):
//! - It does not touch the outside world: no `leptos`, `web_sys`, `gloo` or
//!   JavaScript. Everything here runs and is tested natively.
//! - It cannot fail at run time: parsing returns errors as data, and
//!   [`calculate`] is total on validated [`Inputs`]. Undefined results are
//!   `None`, never NaN or infinity, and no formatted string contains either.

// The model: validated inputs → every figure.
pub mod model;

// The inputs: field table, number reading, validation, builders, presets.
pub mod inputs;

// The price catalogue and what its choices fill.
pub mod catalogue;

// The documents: the share link, storage, exports, embed options.
pub mod codec;

// From your own data (issue 30): training files read, validated and counted.
pub mod data;

// The presentation: numbers and figures written for people, formulas, comparison, charts.
pub mod present;

pub use inputs::field::Field;
pub use inputs::parse::{
    parse_inputs, parse_scenario, parse_sides, Checked, DecimalMark, InputError, Parsed, RawInputs,
    ReadScenario,
};
pub use model::{calculate, Inputs, Results, Status};
