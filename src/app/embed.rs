//! Embedding: theme and accent from the URL, the compact layout's "Open
//! full calculator" link, the auto-height messages to the host page, and
//! the Embed dialog that writes the snippet.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{copy_text, location_base};
use super::share::share_url;
use super::state::use_calc;
use crate::core::embed::{accent_colours, EmbedOptions};
use crate::core::format::Escaped;
use crate::core::scenario;
use crate::core::RawInputs;

/// Pins the colour scheme and sets the accent colour on `<html>`.
pub fn apply_theme(options: &EmbedOptions) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Some(theme) = options.theme {
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

/// In an iframe, tells the parent the content height whenever it changes:
/// `postMessage({ type: "ft-roi:height", height }, "*")`. The message
/// carries nothing but the height, so any origin may receive it.
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let mut last = -1;
    let send = move |height: i32| {
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"ft-roi:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    let measured = root.clone();
    let mut send = send;
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| send(measured.scroll_height()));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        if let Some(body) = root.owner_document().and_then(|d| d.body()) {
            observer.observe(&body);
        }
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
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

/// The directory the page is served from, for the `embed.js` address.
fn base_dir() -> String {
    let base = location_base();
    match base.rfind('/') {
        Some(i) => base[..=i].to_owned(),
        None => format!("{base}/"),
    }
}

/// The iframe and script tags that embed the current scenario.
pub fn snippet(raw: &RawInputs, options: &EmbedOptions) -> String {
    let scenario = scenario::encode(raw, &RawInputs::example());
    let extra = EmbedOptions {
        embed: true,
        ..options.clone()
    }
    .query();
    let dir = base_dir();
    format!(
        "<iframe data-ft-roi src=\"{}\" title=\"Fine-tuning ROI calculator\" loading=\"lazy\" style=\"width:100%;height:720px;border:0\"></iframe>\n<script src=\"{}\" async></script>",
        Escaped(&format!("{dir}?{}", scenario::join_queries(&scenario, &extra))),
        Escaped(&format!("{dir}embed.js")),
    )
}

/// The Embed button and its dialog with the snippet.
#[component]
pub fn EmbedDialog(
    /// The page's own options (theme and accent carry over to the snippet).
    options: EmbedOptions,
) -> impl IntoView {
    let calc = use_calc();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let copied = RwSignal::new(String::new());
    // The snippet follows the scenario only while the dialog is open.
    let shown = RwSignal::new(false);
    let code = Memo::new(move |_| {
        if shown.get() {
            snippet(&calc.raw(), &options)
        } else {
            String::new()
        }
    });
    let open = move |_| {
        copied.set(String::new());
        shown.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = code.get_untracked();
        spawn_local(async move {
            let ok = copy_text(&text).await;
            copied.set(
                if ok {
                    "Copied. Paste it into your page's HTML."
                } else {
                    "Select the code and copy it."
                }
                .to_owned(),
            );
        });
    };
    view! {
        <button type="button" class="ghost" data-testid="embed-open" on:click=open>"Embed"</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby="embed-title" on:close=move |_| shown.set(false)>
            <h2 id="embed-title">"Embed this calculator"</h2>
            <p class="muted">
                "Paste this into any page. The calculator opens with the current scenario, and the small "
                "script resizes the frame to its content."
            </p>
            <label class="sr-only" for="embed-code">"Embed code"</label>
            <textarea id="embed-code" readonly rows="6" data-testid="embed-snippet" prop:value=move || code.get()></textarea>
            <p class="muted small" role="status">{move || copied.get()}</p>
            <div class="button-row">
                <button type="button" class="primary" data-testid="embed-copy" on:click=copy>"Copy code"</button>
                <button type="button" class="ghost" data-testid="embed-close" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
