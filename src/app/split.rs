//! Cards whose code lives in a wasm chunk of its own, loaded after the first paint (code splitting).
//!
//! The page's first wasm carries what the first view needs (the inputs and the figures); each
//! card below it that is declared here with [`split_card!`] goes to its own chunk, which
//! `tools/split.mjs` (a Trunk `post_build` hook running `wasm-split-cli`) cuts out of the build.
//! A chunk that fails to load (offline, a blocked request) leaves a message and a button that
//! tries again where its card would be; the rest of the page keeps working.
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

/// What a split point returns once its chunk has loaded: the function (in the chunk) that builds
/// the card, called where the card is rendered (under its owner, with the page's context); or the
/// chunk's load failure.
pub type Loaded = Result<fn() -> AnyView, SplitLoaderError>;

/// A split point's load, as a boxed future.
pub type Load = fn() -> Pin<Box<dyn Future<Output = Loaded>>>;

/// A card rendered after the first paint: built at once, or loaded from its chunk.
#[derive(Clone, Copy)]
pub enum Card {
    /// Code in the first wasm: the card is built at once.
    Now(fn() -> AnyView),
    /// Code in a chunk of its own: `load` fetches the chunk, then builds the card; `what` names
    /// the card in the message shown if the chunk cannot be loaded ("the comparison").
    Split {
        /// Fetches the chunk and builds the card.
        load: Load,
        /// What the card is, for the failure message.
        what: &'static str,
    },
}

/// Declares a card whose code goes to the wasm chunk `$chunk`, as the constant `$name`
/// ([`Card::Split`]); cards that name the same chunk share it.
///
/// ```ignore
/// split_card!(COMPARE, compare, "the comparison", view! { <super::compare::CompareCard/> });
/// ```
macro_rules! split_card {
    ($name:ident, $chunk:ident, $what:literal, $view:expr) => {
        #[doc = concat!("The card with ", $what, ", from the wasm chunk `", stringify!($chunk), "`.")]
        pub const $name: Card = Card::Split {
            load: || {
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn build() -> Loaded {
                    Ok(|| $view.into_any())
                }
                Box::pin(build())
            },
            what: $what,
        };
    };
}

split_card!(
    REQUEST_COSTS,
    builders,
    "the request-cost builder",
    view! { <super::builders::RequestCostBuilder/> }
);
split_card!(
    INVESTMENT,
    builders,
    "the investment builder",
    view! { <super::builders::InvestmentBuilder/> }
);
split_card!(
    OPERATIONS,
    builders,
    "the operations builder",
    view! { <super::builders::OperationsBuilder/> }
);
split_card!(
    CHARTS,
    charts,
    "the charts",
    view! { <super::charts::ChartsCard/> }
);
split_card!(
    BASIS,
    below,
    "the calculation basis",
    view! { <super::basis::BasisCard/> }
);
split_card!(
    SCHEDULE,
    below,
    "the month-by-month schedule",
    view! { <super::schedule::ScheduleCard/> }
);
split_card!(
    FORMULAS,
    below,
    "the formulas",
    view! { <super::formulas::FormulaPanel/> }
);
split_card!(
    LIBRARY,
    below,
    "saved scenarios, export and import",
    view! {
        <div class="pair">
            <super::scenarios::ScenariosCard/>
            <super::data::DataCard/>
        </div>
    }
);
split_card!(
    COMPARE,
    below,
    "the comparison",
    view! { <super::compare::CompareCard/> }
);
split_card!(
    EXPLAINER,
    below,
    "the explanations",
    view! { <super::explainer::Explainer/> }
);

/// Renders `cards` only after the page has painted once, one card per
/// task and in order: the inputs and the results come first, and the cards
/// below them (charts, formulas, saved scenarios, …) follow a frame later,
/// each in a task of its own, so that none of them delays the first figures
/// on screen or blocks a keystroke for long. The chunks of the split cards
/// are all requested at the first paint; a split card shows once its chunk
/// has arrived (or failed), and the cards after it wait for it.
#[component]
pub fn AfterFirstPaint(cards: Vec<Card>) -> impl IntoView {
    let shown = RwSignal::new(0);
    // Each split card's chunk, once it has loaded (`Some(Some(build))`) or failed (`Some(None)`).
    let slots: Vec<StoredValue<Option<Option<fn() -> AnyView>>>> =
        cards.iter().map(|_| StoredValue::new(None)).collect();
    // The next card is a split card whose chunk has not come yet: its
    // arrival resumes the steps.
    let waiting = StoredValue::new(false);
    // Shows the next card and queues the one after it. `try_`: a timer may
    // fire after the signals are gone; nothing to do then.
    let step = {
        let (cards, slots) = (cards.clone(), slots.clone());
        move || advance(shown, waiting, &cards, &slots)
    };
    fn advance(
        shown: RwSignal<usize>,
        waiting: StoredValue<bool>,
        cards: &[Card],
        slots: &[StoredValue<Option<Option<fn() -> AnyView>>>],
    ) {
        let Some(n) = shown.try_get_untracked().filter(|&n| n < cards.len()) else {
            return;
        };
        let pending = matches!(cards[n], Card::Split { .. })
            && slots[n].try_with_value(Option::is_none).unwrap_or(false);
        if pending {
            waiting.set_value(true);
            return;
        }
        shown.set(n + 1);
        let (cards, slots) = (cards.to_vec(), slots.to_vec());
        set_timeout(
            move || advance(shown, waiting, &cards, &slots),
            Duration::ZERO,
        );
    }
    let started = StoredValue::new(false);
    let start = {
        let (cards, slots) = (cards.clone(), slots.clone());
        move || {
            if started.try_get_value() != Some(false) {
                return;
            }
            started.set_value(true);
            for (k, card) in cards.iter().enumerate() {
                if let Card::Split { load, .. } = *card {
                    let (slot, step) = (slots[k], step.clone());
                    spawn_local(async move {
                        let loaded = load().await.ok();
                        if slot.try_set_value(Some(loaded)).is_none()
                            && waiting.try_get_value() == Some(true)
                            && shown.try_get_untracked() == Some(k)
                        {
                            waiting.set_value(false);
                            step();
                        }
                    });
                }
            }
            step();
        }
    };
    // The next animation frame comes just before a paint; a task queued
    // from it runs after that paint.
    let first = start.clone();
    request_animation_frame(move || set_timeout(first, Duration::ZERO));
    // A page that is not painting (a background tab, an embed scrolled out
    // of view) gets no animation frames: render anyway, a little later, so
    // that an embed reports its full height.
    set_timeout(start, Duration::from_millis(100));
    cards
        .into_iter()
        .zip(slots)
        .enumerate()
        .map(|(k, (card, slot))| {
            let visible = Memo::new(move |_| shown.get() > k);
            move || {
                visible.get().then(|| match card {
                    Card::Now(build) => build(),
                    Card::Split { load, what } => match slot.try_get_value().flatten().flatten() {
                        Some(build) => build(),
                        None => failed(load, what),
                    },
                })
            }
        })
        .collect_view()
}

/// `card` in place, at once: a split card shows once its chunk has loaded
/// (at once if it has already), or the failure message where it would be.
pub fn lazy(card: Card) -> AnyView {
    let (load, what) = match card {
        Card::Now(build) => return build(),
        Card::Split { load, what } => (load, what),
    };
    let got = RwSignal::new(None::<Option<fn() -> AnyView>>);
    spawn_local(async move {
        let loaded = load().await.ok();
        got.try_set(Some(loaded));
    });
    (move || match got.get()? {
        Some(build) => Some(build()),
        None => Some(failed(load, what)),
    })
    .into_any()
}

/// Where a card would be whose chunk failed to load: a message and a button
/// that tries again (a failed load is not remembered), then the card.
fn failed(load: Load, what: &'static str) -> AnyView {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Failed,
        Trying,
        Loaded,
    }
    let state = RwSignal::new(State::Failed);
    let card = StoredValue::new(None::<fn() -> AnyView>);
    let retry = move |_| {
        state.set(State::Trying);
        spawn_local(async move {
            match load().await {
                Ok(build) => {
                    card.try_set_value(Some(build));
                    state.try_set(State::Loaded);
                }
                Err(_) => {
                    state.try_set(State::Failed);
                }
            }
        });
    };
    (move || match state.get() {
        State::Loaded => card.try_get_value().flatten().map(|build| build()),
        s => Some(
            view! {
                <section class="card split-failed" data-testid="split-failed">
                    <p>"Could not load " {what} ". Everything else on the page works."</p>
                    <button type="button" on:click=retry disabled=s == State::Trying>
                        {if s == State::Trying { "Loading…" } else { "Try again" }}
                    </button>
                </section>
            }
            .into_any(),
        ),
    })
    .into_any()
}
