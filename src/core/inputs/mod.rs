//! The inputs: every field's table, reading a typed number in the
//! scenario's number format, validation of a scenario's field texts into
//! the model's inputs, the cost builders and the presets.

// The field table and reading one typed number.
pub mod field;
pub mod number;
// The fields of options 3 to 6: one template, written into the field table.
pub mod option_fields;
// The options' rows in the field table (a macro, issue 28).
mod option_rows;

// A scenario's field texts → the model's inputs.
pub mod parse;

// Costs built from their parts, and the ready-made scenarios.
pub mod builders;
pub mod presets;
