//! Every card loaded after the first paint or on demand (issue 32: the
//! builders, the data section and the simulation only when the user acts or
//! shows intent), in one list: each names its wasm chunk, says what it is
//! (for the message when its chunk fails to load) and builds its view. Adding such a card takes one entry here and
//! its place in [`super::App`]'s list (or a `lazy` in the form). The
//! machinery is [`super::shell::split`].

use leptos::prelude::*;

use super::shell::split::split_card;

split_card!(
    REQUEST_COSTS,
    builders,
    "the request-cost builder",
    view! { <crate::app::form::builders::RequestCostBuilder/> }
);
split_card!(
    INVESTMENT,
    builders,
    "the investment builder",
    view! { <crate::app::form::builders::InvestmentBuilder/> }
);
split_card!(
    OPERATIONS,
    builders,
    "the operations builder",
    view! { <crate::app::form::builders::OperationsBuilder/> }
);
split_card!(
    DATA,
    data,
    "the file reader",
    view! { <crate::app::data::DataSection/> }
);
split_card!(
    CHARTS,
    charts,
    "the charts",
    view! { <crate::app::charts::ChartsCard/> }
);
split_card!(
    UNCERTAINTY,
    simulation,
    "the uncertainty simulation",
    view! { <crate::app::results::simulation::UncertaintyCard/> }
);
split_card!(
    BASIS,
    below,
    "the calculation basis",
    view! { <crate::app::results::basis::BasisCard/> }
);
split_card!(
    OPTIONS,
    options,
    "the options side by side",
    view! { <crate::app::options::view::OptionsCard/> }
);
split_card!(
    SCHEDULE,
    below,
    "the month-by-month schedule",
    view! { <crate::app::results::schedule::ScheduleCard/> }
);
split_card!(
    FORMULAS,
    below,
    "the formulas",
    view! { <crate::app::results::formulas::FormulaPanel/> }
);
split_card!(
    LIBRARY,
    below,
    "saved scenarios, export and import",
    view! {
        <div class="pair">
            <crate::app::scenarios::ScenariosCard/>
            <crate::app::scenarios::data::DataCard/>
        </div>
    }
);
split_card!(
    COMPARE,
    below,
    "the comparison",
    view! { <crate::app::scenarios::compare::CompareCard/> }
);
split_card!(
    EXPLAINER,
    below,
    "the explanations",
    view! { <crate::app::results::explainer::Explainer/> }
);
split_card!(
    MEMO,
    below,
    "the decision memo",
    view! { <crate::app::memo::MemoCard/> }
);
split_card!(
    EMBED,
    embed,
    "the embed code",
    view! { <crate::app::embed_code::EmbedCode/> }
);
