//! The results: the status and headline figures, the calculation basis,
//! the formula panel, the schedule, the simulation's card and the
//! explainer.

// One figure, and the headline figures and basis built from it.
pub(crate) mod basis;
pub(crate) mod metric;
pub(crate) mod options;
pub(crate) mod summary;

// The cards below: formulas, schedule, explainer.
pub(crate) mod explainer;
pub(crate) mod formulas;
pub(crate) mod schedule;

// The simulation: its engine (a split point) and its card.
pub(crate) mod engine;
pub(crate) mod sim;
pub(crate) mod sim_options;
pub(crate) mod simulation;
