//! The catalogue's parts that the form shows in place from the wasm chunk
//! `catalogue`: the catalogue's bar (in either cost mode, on the first
//! screen, so fetched after the first paint) and the capacity units' unit
//! type pickers, with the rest of the catalogue's page parts. The builders
//! (the chunk `builders`) are fetched only when a section is switched to
//! them, or on intent (`super::super::form`).

use leptos::prelude::*;

use crate::app::shell::split::split_card;

split_card!(
    CATALOGUE,
    catalogue,
    "the price catalogue",
    view! { <crate::app::catalogue::pickers::CatalogueBar/> }
);
split_card!(
    BASE_UNITS,
    catalogue,
    "the baseline's unit type picker",
    view! { <crate::app::catalogue::pickers::UnitPicker side=crate::core::catalogue::Side::Baseline/> }
);
split_card!(
    FT_UNITS,
    catalogue,
    "the fine-tuned side's unit type picker",
    view! { <crate::app::catalogue::pickers::UnitPicker side=crate::core::catalogue::Side::FineTuned/> }
);
