//! Options side by side (issue 28): the slot in the page's list of cards
//! (first module, tiny) and, in the wasm chunk `options`, the options view
//! it loads once the scenario holds a third option. The view's columns
//! edit the `oK_…` fields like any other input.

pub(crate) mod edit;
pub(crate) mod view;

use leptos::prelude::*;

use crate::app::shell::state::use_calc;
use crate::core::inputs::option_fields::{Term, FIRST, LAST};

/// Whether the scenario holds an option beyond the two sides (its kind
/// typed), read from the field texts so the view stays while a field is
/// invalid.
pub fn has_added() -> bool {
    let calc = use_calc();
    (FIRST..=LAST).any(|k| {
        Term::Kind
            .of(k)
            .is_some_and(|f| calc.field(f).with(|t| !t.trim().is_empty()))
    })
}

/// Where the options view goes: nothing until the scenario holds a third
/// option, then the view from its chunk.
#[component]
pub fn OptionsSlot() -> impl IntoView {
    let shown = Memo::new(move |_| has_added());
    move || {
        shown
            .get()
            .then(|| crate::app::shell::split::lazy(crate::app::cards::OPTIONS))
    }
}
