//! Embedding: theme and accent from the URL, the compact layout's "Open
//! full calculator" link, the messages exchanged with the host page (the
//! content height, the host's questions and theme), and the Embed dialog
//! (its body, which writes the snippet, is in `embed_code.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::scenarios::share::share_url;
use super::shell::browser::{close_dialog, show_modal};
use super::shell::split::lazy;
use super::shell::state::use_calc;
use crate::core::codec::embed::{
    accent_colours, host_message, is_api_request, EmbedOptions, HostMessage, HEIGHT,
};

/// Marks the compact layout, pins the colour scheme and sets the accent
/// colour on `<html>`.
pub fn apply_theme(options: &EmbedOptions) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if options.embed {
        // The stylesheet lets an embedded page be as short as its content
        // (no viewport-based minimum height), so its frame can shrink.
        let _ = root.set_attribute("data-embed", "");
    }
    // `host` pins no scheme here: the system decides until the host page
    // says light or dark (see `connect_host`). The page takes the host's
    // own background (a transparent root), so the calculator does not sit
    // in a box of its own colour.
    if options.host_theme() {
        let _ = root.set_attribute("data-theme-host", "");
    }
    if let Some(theme) = options.theme.filter(|&t| t != "host") {
        let _ = root.set_attribute("data-theme", theme);
    }
    if let Some(colours) = options.accent.as_deref().and_then(accent_colours) {
        if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
            // Through the CSSOM, which a strict style-src policy allows. The
            // fill is the accent as given; text on it and the accent as text
            // get colours that keep 4.5:1 (chosen by the core).
            let style = el.style();
            let _ = style.set_property("--accent", &colours.fill);
            let _ = style.set_property("--accent-ink", &colours.ink);
            let text = format!("light-dark({}, {})", colours.text_light, colours.text_dark);
            let _ = style.set_property("--accent-text", &text);
        }
    }
}

/// How long a `theme=host` embed stays hidden waiting for its host's theme
/// after its first height report (the host's cue to answer), so that it
/// does not flash in the wrong one; after that it shows in the system's (a
/// host page without `embed.js` never answers).
const THEME_WAIT: Duration = Duration::from_millis(300);
/// The longest a `theme=host` embed stays hidden in any case.
const THEME_WAIT_MAX: Duration = Duration::from_millis(2000);

/// The embedded page's side of the height protocol, and its theme.
struct Reporter {
    document: web_sys::Document,
    parent: web_sys::Window,
    /// The last height reported of the page's own accord.
    last: Cell<i32>,
    /// Whether a measurement is already queued.
    queued: Cell<bool>,
    /// With `theme=host`, the root element while it waits for the host's
    /// theme (hidden by `data-theme-wait`).
    waiting: RefCell<Option<web_sys::Element>>,
}

impl Reporter {
    /// The content's own height in CSS pixels: the root element's box
    /// (the body and the margins that collapse through it), or the body's
    /// overflow when something sticks out of it. Never the viewport's: with
    /// no minimum height the page is as short as its content, so the frame
    /// can shrink as well as grow. Reading it lays the page out if needed,
    /// which works in a frame that is not painting.
    fn content_height(&self) -> i32 {
        let Some(root) = self.document.document_element() else {
            return 0;
        };
        let mut height = root.get_bounding_client_rect().height();
        if let Some(body) = self.document.body() {
            height = height.max(f64::from(body.scroll_height()));
        }
        // Within 0..=i32::MAX for any page; the cast saturates otherwise.
        height.ceil() as i32
    }

    /// Posts `{ type: "ft-roi:height", height }` to the parent: always when
    /// asked (`target` is then the asker's origin), otherwise only when the
    /// height changed (`*`: the message carries nothing but the height), so
    /// an idle page sends nothing.
    fn report(&self, asked_by: Option<&str>) {
        let height = self.content_height();
        if height <= 0 || (asked_by.is_none() && height == self.last.get()) {
            return;
        }
        self.last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let target = asked_by.unwrap_or("*");
        // An opaque origin ("null", a sandboxed host) is no valid target.
        if self.parent.post_message(&message, target).is_err() {
            let _ = self.parent.post_message(&message, "*");
        }
        // The host has been told the calculator is there: a little longer
        // for its theme, then show in the system's.
        if let Some(root) = self.waiting.take() {
            set_timeout(move || stop_waiting(&root), THEME_WAIT);
        }
    }

    /// Measures once the current task's changes are done (several changes
    /// in one task give one measurement). A timer, not an animation frame
    /// or a resize observation: a frame out of view in a cross-origin host
    /// gets neither, and must still report its height.
    fn queue(self: &Rc<Self>) {
        if self.queued.replace(true) {
            return;
        }
        let this = Rc::clone(self);
        set_timeout(
            move || {
                this.queued.set(false);
                this.report(None);
            },
            Duration::ZERO,
        );
    }
}

/// Shows a `theme=host` page that was waiting for its host's theme.
fn stop_waiting(root: &web_sys::Element) {
    let _ = root.remove_attribute("data-theme-wait");
}

/// In an iframe, keeps the host page told of the content height, answers
/// its questions and, with `theme=host`, takes light or dark from it:
/// - `{ type: "ft-roi:height", height }` goes to the parent whenever the
///   content's height changes (a resize observation while painting; after
///   any change to the page, by timer, when not), and in answer to
///   `{ type: "ft-roi:measure" }`;
/// - `{ type: "ft-roi:theme", theme: "light" | "dark" }` sets the theme
///   when the page was opened with `theme=host`, and is ignored otherwise.
///
/// Host API requests (`get`, `set`, `subscribe`) go to
/// [`super::host_api::HostApi`].
///
/// Only messages from the parent window, of exactly those shapes, are
/// acted on (read by [`host_message`]). Everything here lives as long as
/// the page. Not in a frame, there is no host: nothing happens.
pub fn connect_host(options: &EmbedOptions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let is_top = JsValue::from(&parent) == JsValue::from(&window);
    let (Some(document), false) = (window.document(), is_top) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let reporter = Rc::new(Reporter {
        document,
        parent: parent.clone(),
        last: Cell::new(-1),
        queued: Cell::new(false),
        waiting: RefCell::new(None),
    });

    let host_theme = options.host_theme();
    if host_theme {
        let _ = root.set_attribute("data-theme-wait", "");
        *reporter.waiting.borrow_mut() = Some(root.clone());
        let waiting = root.clone();
        set_timeout(move || stop_waiting(&waiting), THEME_WAIT_MAX);
    }
    // The host API, from its chunk once a host first asks: requests wait
    // for it in the order they came; a chunk that fails to load answers
    // nothing, as an unknown message would.
    let calc = use_calc();
    let owner = Owner::current();
    let api = Rc::new(RefCell::new(None::<Rc<super::host_api::HostApi>>));
    let answer = Rc::clone(&reporter);
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if event.source().map(JsValue::from) != Some(JsValue::from(&parent)) {
                return;
            }
            let data = event.data();
            if !data.is_object() {
                return;
            }
            let text = |key: &str| {
                js_sys::Reflect::get(&data, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            match host_message(text("type").as_deref(), text("theme").as_deref()) {
                Some(HostMessage::Measure) => answer.report(Some(&event.origin())),
                Some(HostMessage::Theme(theme)) if host_theme => {
                    let _ = root.set_attribute("data-theme", theme);
                    let _ = root.remove_attribute("data-theme-wait");
                }
                Some(HostMessage::Theme(_)) => {}
                None if text("type").is_some_and(|t| is_api_request(&t)) => {
                    let (api, parent, owner) = (Rc::clone(&api), parent.clone(), owner.clone());
                    let origin = event.origin();
                    spawn_local(async move {
                        let Ok(entry) = super::host_api::entry().await else {
                            return;
                        };
                        let api = Rc::clone(api.borrow_mut().get_or_insert_with(|| match owner {
                            Some(o) => o.with(|| (entry.start)(calc, parent)),
                            None => (entry.start)(calc, parent),
                        }));
                        (entry.handle)(&api, &data, &origin);
                    });
                }
                None => {}
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();

    let Some(body) = reporter.document.body() else {
        return;
    };
    // While painting: every change of the body's size, width included.
    let observed = Rc::clone(&reporter);
    let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_| observed.report(None));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    on_resize.forget();
    // Painting or not: every change to the page (the cards rendered after
    // the first paint, the charts drawn, an edit) queues a measurement.
    let changed = Rc::clone(&reporter);
    let on_change = Closure::<dyn FnMut(JsValue)>::new(move |_| changed.queue());
    if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        init.set_character_data(true);
        let _ = observer.observe_with_options(&body, &init);
        std::mem::forget(observer);
    }
    on_change.forget();
    reporter.queue();
}

/// The link from the compact layout to the full calculator, carrying the
/// current scenario.
#[component]
pub fn OpenFull() -> impl IntoView {
    let calc = use_calc();
    let href = move || share_url(&calc.raw());
    view! {
        <p class="open-full">
            <a href=href target="_blank" rel="noopener" data-testid="open-full">"Open full calculator ↗"</a>
        </p>
    }
}

/// The Embed button and its dialog; the dialog's body (the parts, the
/// snippet and its preview) comes from the wasm chunk `embed` when it is
/// first opened.
#[component]
pub fn EmbedDialog(
    /// The page's own options (theme, accent and parts carry over to the snippet).
    options: EmbedOptions,
) -> impl IntoView {
    provide_context(options);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The body follows the scenario only while the dialog is open.
    let shown = RwSignal::new(false);
    let open = move |_| {
        shown.set(true);
        show_modal(dialog.get());
    };
    let close = move |_| close_dialog(dialog.get());
    view! {
        <button type="button" class="ghost" data-testid="embed-open" on:click=open>"Embed"</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=move |_| shown.set(false)>
            <h2 id="embed-title">"Embed this calculator"</h2>
            <p class="muted">
                "Paste this into any page. The calculator opens with the current scenario, and the small "
                "script resizes the frame to its content."
            </p>
            {move || shown.get().then(|| lazy(super::cards::EMBED))}
            <div class="button-row">
                <button type="button" class="ghost" data-testid="embed-close" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
