//! The Monte Carlo engine's entry points behind a split point: a page without
//! ranges never loads them (the wasm chunk `simulation`, shared with the uncertainty card).
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use leptos::wasm_split::SplitLoaderError;

use crate::core::model::montecarlo::{Simulation, Summary};
use crate::core::model::uncertainty::Case;
use crate::core::model::uncertainty::Ranges;

/// The Monte Carlo engine's entry points, from the wasm chunk `simulation`: a page
/// without ranges never loads them.
#[derive(Clone, Copy)]
pub struct Engine {
    /// [`Simulation::new`].
    pub start: fn(&Case, &Ranges) -> Option<Simulation>,
    /// [`Simulation::step`].
    pub step: fn(&mut Simulation, usize) -> bool,
    /// [`Simulation::summary`].
    pub summary: fn(&Simulation) -> Option<Summary>,
}

/// Loads the chunk `simulation` and returns its [`Engine`], or the chunk's load failure.
#[leptos::wasm_split::wasm_split(simulation, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn engine() -> Result<Engine, SplitLoaderError> {
    Ok(Engine {
        start: |c, r| Simulation::new(c, r),
        step: Simulation::step,
        summary: Simulation::summary,
    })
}
