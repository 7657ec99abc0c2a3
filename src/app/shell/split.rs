//! Cards whose code lives in a wasm chunk of its own, loaded after the first paint (code splitting).
//!
//! The page's first wasm carries what the first view needs (the inputs and the figures); each
//! card below it that is declared here with [`split_card!`] goes to its own chunk, which
//! `tools/split.mjs` (a Trunk `post_build` hook running `wasm-split-cli`) cuts out of the build.
//! A chunk that fails to load (offline, a blocked request) leaves a message and a button that
//! tries again where its card would be; the rest of the page keeps working.
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

/// What a split point returns once its chunk has loaded: the function (in the chunk) that builds
/// the card, called where the card is rendered (under its owner, with the page's context); or the
/// chunk's load failure.
pub type Loaded = Result<Build, SplitLoaderError>;

/// Builds a card (in its chunk, once loaded).
pub type Build = fn() -> AnyView;

/// A split card's chunk once it has loaded (`Some(build)`) or failed (`None`); not yet: `None`
/// outside.
type Slot = StoredValue<Option<Option<Build>>>;

/// A split point's load, as a boxed future.
pub type Load = fn() -> Pin<Box<dyn Future<Output = Loaded>>>;

/// A card rendered after the first paint: built at once, or loaded from its chunk.
#[derive(Clone, Copy)]
pub enum Card {
    /// Code in the first wasm: the card is built at once.
    Now(Build),
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
/// split_card!(COMPARE, compare, "the comparison", view! { <crate::app::scenarios::compare::CompareCard/> });
/// ```
macro_rules! split_card {
    ($name:ident, $chunk:ident, $what:literal, $view:expr) => {
        #[doc = concat!("The card with ", $what, ", from the wasm chunk `", stringify!($chunk), "`.")]
        pub const $name: $crate::app::shell::split::Card = $crate::app::shell::split::Card::Split {
            load: || {
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
                fn build() -> $crate::app::shell::split::Loaded {
                    Ok(|| $view.into_any())
                }
                Box::pin(build())
            },
            what: $what,
        };
    };
}
pub(crate) use split_card;

thread_local! {
    /// Set once every card held by [`on_approach`] is wanted at once ([`approach_all`]: Print, the
    /// browser's print command, the first Tab key, the first held card that came).
    static ALL_NEAR: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// Chunks requested by [`lazy`] and [`lazy_quiet`] for content on screen that have not come
    /// (or failed) yet.
    static IN_FLIGHT: Cell<usize> = const { Cell::new(0) };
    /// Whether [`AfterFirstPaint`] has shown every one of its cards.
    static ALL_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Gives the root element `data-ready` once [`AfterFirstPaint`] has shown every card and no chunk
/// of content on screen is still on its way: what scripts and tests wait for. Content behind a
/// user action (a closed section, a mode not chosen, a dialog) is not on screen and is not waited
/// for; once set, the attribute stays.
fn mark_ready() {
    if ALL_SHOWN.get() && IN_FLIGHT.get() == 0 {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-ready", "");
        }
    }
}

/// Sets [`IN_FLIGHT`] to `n`; the root element has `data-loading` while it is above 0: a chunk
/// of content on screen is on its way (a builder just picked, a section just opened), so a
/// script that reads figures after an action waits for the root without it.
fn set_in_flight(n: usize) {
    IN_FLIGHT.set(n);
    if let Some(root) = document().document_element() {
        let _ = if n > 0 {
            root.set_attribute("data-loading", "")
        } else {
            root.remove_attribute("data-loading")
        };
    }
}

/// `load`, counted in [`IN_FLIGHT`] from now (at once, before the first poll) until it has come
/// or failed.
fn counted(load: Load) -> impl Future<Output = Loaded> {
    set_in_flight(IN_FLIGHT.get() + 1);
    async move {
        let loaded = load().await;
        set_in_flight(IN_FLIGHT.get().saturating_sub(1));
        mark_ready();
        loaded
    }
}

/// Requests `card`'s chunk without showing anything: on a sign of intent (the pointer over a
/// section's summary, its focus, a file dragged over the page), so that the chunk has come, or
/// is on its way, when the user acts. A chunk that has come is not fetched again, and requests
/// made while one is on its way share it; a failure is not remembered (the card shows its
/// message when it is shown). Not waited for by `data-ready`.
pub fn prefetch(card: Card) {
    if let Card::Split { load, .. } = card {
        spawn_local(async move {
            let _ = load().await;
        });
    }
}

/// Renders `cards` only after the page has painted once, one card per
/// task and in order: the inputs and the results come first, and the cards
/// below them (charts, formulas, saved scenarios, …) follow a frame later,
/// each in a task of its own, so that none of them delays the first figures
/// on screen or blocks a keystroke for long. The chunks of the split cards
/// are all requested at the first paint; a split card shows once its chunk
/// has arrived (or failed), and the cards after it wait for it. Once every
/// card is shown and every chunk of content on screen has come (or failed),
/// the root element gets `data-ready` (see [`mark_ready`]). Split cards
/// shown in place later (the builders, the data section, the simulation) are
/// not fetched here: each is fetched when the user acts or shows intent.
#[component]
pub fn AfterFirstPaint(
    /// The cards, in page order.
    cards: Vec<Card>,
) -> impl IntoView {
    let steps = Steps {
        slots: cards.iter().map(|_| StoredValue::new(None)).collect(),
        cards,
        shown: RwSignal::new(0),
        waiting: StoredValue::new(false),
    };
    let started = StoredValue::new(false);
    let start = {
        let steps = steps.clone();
        move || {
            if started.try_get_value() != Some(false) {
                return;
            }
            started.set_value(true);
            steps.fetch();
            steps.advance();
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
    let Steps {
        cards,
        slots,
        shown,
        ..
    } = steps;
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
                        None => failed(load, what, true),
                    },
                })
            }
        })
        .collect_view()
}

/// The state of [`AfterFirstPaint`]'s steps.
#[derive(Clone)]
struct Steps {
    cards: Vec<Card>,
    /// Each split card's chunk, once it has loaded (`Some(Some(build))`) or failed (`Some(None)`).
    slots: Vec<Slot>,
    /// How many cards are shown.
    shown: RwSignal<usize>,
    /// The next card is a split card whose chunk has not come yet: its
    /// arrival resumes the steps.
    waiting: StoredValue<bool>,
}

impl Steps {
    /// Requests every split card's chunk at once.
    fn fetch(&self) {
        for (k, card) in self.cards.iter().enumerate() {
            if let Card::Split { load, .. } = *card {
                let steps = self.clone();
                spawn_local(async move {
                    let loaded = load().await.ok();
                    if steps.slots[k].try_set_value(Some(loaded)).is_none()
                        && steps.waiting.try_get_value() == Some(true)
                        && steps.shown.try_get_untracked() == Some(k)
                    {
                        steps.waiting.set_value(false);
                        steps.advance();
                    }
                });
            }
        }
    }

    /// Shows the next card and queues the one after it. `try_`: a timer may
    /// fire after the signals are gone; nothing to do then.
    fn advance(&self) {
        let Some(n) = self.shown.try_get_untracked() else {
            return;
        };
        if n >= self.cards.len() {
            self.ready();
            return;
        }
        let pending = matches!(self.cards[n], Card::Split { .. })
            && self.slots[n]
                .try_with_value(Option::is_none)
                .unwrap_or(false);
        if pending {
            self.waiting.set_value(true);
            return;
        }
        self.shown.set(n + 1);
        let steps = self.clone();
        set_timeout(move || steps.advance(), Duration::ZERO);
    }

    /// Marks the page ready once every card is shown and no chunk of content on screen is on
    /// its way ([`mark_ready`]).
    fn ready(&self) {
        if self.shown.try_get_untracked() == Some(self.cards.len()) {
            ALL_SHOWN.set(true);
            mark_ready();
            // The page's length, held since the build-time copy left (index.html), is the
            // app's own now that every card or its placeholder is in place.
            if let Some(main) = document().get_element_by_id("calculator") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    let _ = main.style().remove_property("min-height");
                }
            }
        }
    }
}

/// `build` in place once the page has painted (a frame later), or at once
/// when `now`: for content hidden at first (a closed `<details>`), which
/// then costs the first view nothing and shifts nothing when it comes.
pub fn after_paint(now: bool, build: Build) -> AnyView {
    if now {
        return build();
    }
    let shown = RwSignal::new(false);
    let show = move || {
        shown.try_set(true);
    };
    request_animation_frame(move || set_timeout(show, Duration::ZERO));
    // No frames in a page that is not painting: a little later anyway.
    set_timeout(show, Duration::from_millis(100));
    (move || shown.get().then(build)).into_any()
}

/// `card` in place, at once: a split card shows once its chunk has loaded
/// (at once if it has already), or the failure message where it would be
/// (a line in place). Until then `data-ready` waits for it.
pub fn lazy(card: Card) -> AnyView {
    shown(card, false)
}

/// `card` in place, like [`lazy`], but the failure message in a card of its
/// own: for a card below the results shown only in some states (the
/// simulation, once a range is set).
pub fn lazy_card(card: Card) -> AnyView {
    shown(card, true)
}

/// How far below the viewport a card held by [`on_approach`] starts to load: one screen (the
/// `IntersectionObserver`'s root margin), so that it has come before it is scrolled into view.
const NEAR: &str = "100% 0px 100% 0px";

/// `card` below the answer, held until it comes within a screen of the viewport (issue 32:
/// what the page fetches without a user action). A placeholder of about its height
/// (`data-approach` = `name`, its height from the stylesheet) stands in its place, so that the
/// page's length and the scroll bar hold; once near (at once if it is near when placed), the
/// card's chunk is fetched (counted until the card is built, like [`lazy`]: the root has
/// `data-loading` meanwhile and `data-ready` waits for it) and, once it has come, the card
/// replaces the placeholder in a task of its own (cards of one chunk that come near together are
/// not built in one long task), or the failure message in a card of its own. The first held card
/// that comes brings the others ([`approach_all`]): the reader is on the way down, and the
/// keyboard's Tab and a find in the page then reach every card. Without `IntersectionObserver`
/// the card loads at once.
pub fn on_approach(name: &'static str, card: Card) -> AnyView {
    let (load, what) = match card {
        Card::Now(build) => return build(),
        Card::Split { load, what } => (load, what),
    };
    let near = RwSignal::new(false);
    let all = ALL_NEAR.with(Clone::clone);
    let go = Memo::new(move |_| near.get() || all.get());
    let got = RwSignal::new(None::<Option<Build>>);
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let el = holder.get();
        if go.get() || el.as_ref().is_some_and(|el| is_near(el)) {
            set_in_flight(IN_FLIGHT.get() + 1);
            spawn_local(async move {
                let loaded = load().await.ok();
                set_timeout(
                    move || {
                        let came = loaded.is_some();
                        got.try_set(Some(loaded));
                        set_in_flight(IN_FLIGHT.get().saturating_sub(1));
                        mark_ready();
                        if came {
                            approach_all();
                        }
                    },
                    Duration::ZERO,
                );
            });
            return true;
        }
        if let Some(el) = el {
            watch(&el, near);
        }
        false
    });
    (move || match got.get() {
        Some(Some(build)) => build(),
        Some(None) => failed(load, what, true),
        None => view! { <div class="approach" data-approach=name node_ref=holder aria-hidden="true"></div> }
            .into_any(),
    })
    .into_any()
}

/// Whether `el` is within [`NEAR`] of the viewport now (one screen above or below it).
fn is_near(el: &web_sys::Element) -> bool {
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = el.get_bounding_client_rect();
    rect.bottom() > -screen && rect.top() < 2.0 * screen
}

/// Sets `near` once `el` comes within [`NEAR`] of the viewport (at once where the browser has
/// no `IntersectionObserver`).
fn watch(el: &web_sys::Element, near: RwSignal<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let seen = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let hit = entries.iter().any(|e| {
                e.dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if hit {
                observer.disconnect();
                near.try_set(true);
            }
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(NEAR);
    match web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &init) {
        Ok(observer) => {
            observer.observe(el);
            // Lives as long as the page (a few cards): dropped, it could not be called.
            seen.forget();
        }
        Err(_) => {
            near.set(true);
        }
    }
}

/// Brings every card held by [`on_approach`] now, wherever the viewport is: before the page is
/// printed (the Print button waits for them; `beforeprint` cannot), on the first Tab key, once
/// one held card has come.
pub fn approach_all() {
    ALL_NEAR.with(|all| {
        if !all.get_untracked() {
            all.set(true);
        }
    });
}

/// Brings every held card when the browser is about to print with its own command (that print
/// cannot wait for them; the next one has them, and a card not yet come prints a line saying so)
/// unless the print is the memo's, and on the first Tab key (the keyboard then reaches every
/// card). For the page's lifetime.
pub fn bring_when_needed() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let window = window();
    let print = Closure::<dyn Fn()>::new(|| {
        let memo = document()
            .document_element()
            .is_some_and(|root| root.get_attribute("data-print").as_deref() == Some("memo"));
        if !memo {
            approach_all();
        }
    });
    let _ = window.add_event_listener_with_callback("beforeprint", print.as_ref().unchecked_ref());
    print.forget();
    let tab = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
        if e.key() == "Tab" {
            approach_all();
        }
    });
    let _ = window.add_event_listener_with_callback("keydown", tab.as_ref().unchecked_ref());
    tab.forget();
}

/// Whether every card after the results is in its place, every card held by [`on_approach`] has
/// come (or failed) and no chunk of content on screen is on its way.
pub fn all_here() -> bool {
    ALL_SHOWN.get()
        && IN_FLIGHT.get() == 0
        && document()
            .query_selector("[data-approach]:not([data-prerender])")
            .ok()
            .flatten()
            .is_none()
}

/// [`lazy`] and [`lazy_card`].
fn shown(card: Card, as_card: bool) -> AnyView {
    let (load, what) = match card {
        Card::Now(build) => return build(),
        Card::Split { load, what } => (load, what),
    };
    let got = RwSignal::new(None::<Option<Build>>);
    let loading = counted(load);
    spawn_local(async move {
        let loaded = loading.await.ok();
        got.try_set(Some(loaded));
    });
    (move || match got.get()? {
        Some(build) => Some(build()),
        None => Some(failed(load, what, as_card)),
    })
    .into_any()
}

/// `card` in place, at once, like [`lazy`], but nothing where its chunk
/// failed to load: for an extra beside a card of the same chunk that says so
/// itself. Until its chunk has come, `stand_in` (when given) in its place: a
/// static copy of how it starts, so that nothing below it moves when it comes.
pub fn lazy_quiet(card: Card, stand_in: Option<Build>) -> AnyView {
    let (load, _) = match card {
        Card::Now(build) => return build(),
        Card::Split { load, what } => (load, what),
    };
    let got = RwSignal::new(None::<Option<Build>>);
    let loading = counted(load);
    spawn_local(async move {
        got.try_set(Some(loading.await.ok()));
    });
    (move || match got.get() {
        None => stand_in.map(|build| build()),
        Some(loaded) => loaded.map(|build| build()),
    })
    .into_any()
}

/// Where a card would be whose chunk failed to load: a message and a button
/// that tries again (a failed load is not remembered), then the card. In a
/// card of its own when `card` (below the results), else a line in place.
fn failed(load: Load, what: &'static str, card: bool) -> AnyView {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Failed,
        Trying,
        Loaded,
    }
    let state = RwSignal::new(State::Failed);
    let class = if card {
        "card split-failed"
    } else {
        "split-failed"
    };
    let card = StoredValue::new(None::<Build>);
    let retry = move |_| {
        state.set(State::Trying);
        let loading = counted(load);
        spawn_local(async move {
            match loading.await {
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
                <section class=class data-testid="split-failed">
                    <p>"Could not load " {what} ". Everything else on the page works."</p>
                    <button type="button" class="ghost" on:click=retry disabled=s == State::Trying>
                        {if s == State::Trying { "Loading…" } else { "Try again" }}
                    </button>
                </section>
            }
            .into_any(),
        ),
    })
    .into_any()
}
