//! FT-ROI: a fine-tuning ROI calculator that runs in the browser.
//!
//! - [`core`] is the pure model: validation, every formula, formatting and
//!   the URL reader. It knows nothing of the browser and cannot fail.
//! - [`app`] is the thin Leptos layer: the state (raw field text in signals,
//!   results derived by memos), the components, and the edges (URL).

#[cfg(feature = "app")]
pub mod app;
pub mod core;
