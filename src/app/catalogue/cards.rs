//! The catalogue's parts that the form shows in place from the builders'
//! wasm chunk: the catalogue's bar (in either cost mode) and the capacity
//! units' unit type pickers, with the rest of the catalogue's page parts.

use leptos::prelude::*;

use crate::app::shell::split::split_card;

split_card!(
    CATALOGUE,
    builders,
    "the price catalogue",
    view! { <crate::app::catalogue::pickers::CatalogueBar/> }
);
split_card!(
    BASE_UNITS,
    builders,
    "the baseline's unit type picker",
    view! { <crate::app::catalogue::pickers::UnitPicker side=crate::core::catalogue::Side::Baseline/> }
);
split_card!(
    FT_UNITS,
    builders,
    "the fine-tuned side's unit type picker",
    view! { <crate::app::catalogue::pickers::UnitPicker side=crate::core::catalogue::Side::FineTuned/> }
);
