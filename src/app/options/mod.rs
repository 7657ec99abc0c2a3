//! Options side by side (issue 28): the slot in the page's list of cards
//! (first module, tiny) and, in the wasm chunk `options`, the options view
//! it loads once the scenario holds a third option. The view's columns
//! edit the `oK_…` fields like any other input.

pub(crate) mod charts;
pub(crate) mod decision;
pub(crate) mod edit;
pub(crate) mod odds;
pub(crate) mod view;

use leptos::prelude::*;

/// Where the options view goes: nothing until the scenario holds a third
/// option, then the view from its chunk.
#[component]
pub fn OptionsSlot() -> impl IntoView {
    let shown = Memo::new(move |_| edit::has_added());
    move || {
        shown
            .get()
            .then(|| crate::app::shell::split::lazy(crate::app::cards::OPTIONS))
    }
}
