//! The presentation: figures written for people (number writing, the
//! figures' table, the worked formulas), the comparison table and the
//! charts' geometry and markup. Pure: the views only render what it gives.

// Writing numbers: shortest digits, then money, percent, counts.
pub mod float;
pub mod format;

// The figures' table, the worked formulas and the comparison.
pub mod compare;
pub mod figure;
pub mod formulas;
// Options side by side: titles, the cheapest, the crossovers in words.
pub mod options;
// The results card's words and figures (the app and the figures-first module).
pub mod summary;
// The decision table for the user's options, by monthly volume.
pub mod decision;

// The charts' geometry and markup.
pub mod chart;
