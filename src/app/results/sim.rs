//! The simulation's state shared through context ([`Sim`]): what the
//! current scenario asks for and the last finished run. The runner and the
//! card are in [`super::simulation`]; the memo and the exports read it.

use leptos::prelude::*;

use crate::core::model::montecarlo::Summary;
use crate::core::model::uncertainty::{Case, Ranges};

/// What a simulation is run from: the model's inputs (and token bills)
/// and the ranges.
pub type Key = (Case, Ranges);

/// The simulation's state, shared through context.
#[derive(Clone, Copy)]
pub struct Sim {
    /// What the current scenario asks for: `None` without a valid range.
    pub key: Memo<Option<Key>>,
    /// The last finished simulation and what it was run from.
    pub done: RwSignal<Option<(Key, Summary)>>,
    /// Whether the engine's chunk failed to load (the card, from the same
    /// chunk, shows the failure and its Try again; once it has come, it
    /// clears this and the runner starts over).
    pub(super) engine_failed: RwSignal<bool>,
}

impl Sim {
    /// Whether the figures shown are those of the current scenario.
    pub fn fresh(self) -> bool {
        let key = self.key.get();
        self.done
            .with(|d| d.as_ref().map(|(k, _)| Some(*k)) == Some(key))
    }
}

impl Sim {
    /// The current scenario's simulation, untracked: the finished one when
    /// it is current, otherwise run here and now (an export, once per
    /// click). `None` without a valid range.
    pub fn summary_now(self) -> Option<Summary> {
        let (inputs, ranges) = self.key.get_untracked()?;
        self.done
            .with_untracked(|d| {
                d.as_ref()
                    .filter(|(k, _)| *k == (inputs, ranges))
                    .map(|(_, s)| s.clone())
            })
            .or_else(|| crate::core::model::montecarlo::simulate(inputs, &ranges))
    }
}
