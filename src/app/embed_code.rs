//! Component: the Embed dialog's body, loaded from its own wasm chunk when
//! the dialog first opens: the parts the embed shows (`parts=`), the
//! snippet for the current scenario with its copy button, and a preview of
//! the embed at 800 px wide that reports its height.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::shell::browser::{copy_text, location_base};
use super::shell::state::use_calc;
use crate::core::codec::embed::{height_report, EmbedOptions, Part, Parts};
use crate::core::codec::url;
use crate::core::present::format::Escaped;
use crate::core::RawInputs;

/// The width the preview shows the embed at: a docs page's content column.
const PREVIEW_WIDTH: u32 = 800;

/// The directory the page is served from, for the `embed.js` address.
fn base_dir() -> String {
    let base = location_base();
    match base.rfind('/') {
        Some(i) => base[..=i].to_owned(),
        None => format!("{base}/"),
    }
}

/// The address an embed of the current scenario opens, with the page
/// options (`embed=1` added).
fn frame_src(raw: &RawInputs, options: &EmbedOptions) -> String {
    let scenario = url::encode(raw, &RawInputs::example());
    let extra = EmbedOptions {
        embed: true,
        ..options.clone()
    }
    .query();
    format!("{}?{}", base_dir(), url::join_queries(&scenario, &extra))
}

/// The iframe and script tags that embed the current scenario.
pub fn snippet(raw: &RawInputs, options: &EmbedOptions) -> String {
    format!(
        "<iframe data-ft-roi src=\"{}\" title=\"Fine-tuning ROI calculator\" loading=\"lazy\" style=\"width:100%;height:720px;border:0\"></iframe>\n<script src=\"{}\" async></script>",
        Escaped(&frame_src(raw, options)),
        Escaped(&format!("{}embed.js", base_dir())),
    )
}

/// The dialog's body: the parts, the snippet, copy, and the preview.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let calc = use_calc();
    let page = use_context::<EmbedOptions>().unwrap_or_default();
    let parts = RwSignal::new(page.parts.unwrap_or(Parts::ALL));
    // Every part is the default: no `parts` in the snippet (nor with none
    // ticked, which would show nothing).
    let options = Memo::new(move |_| EmbedOptions {
        parts: Some(parts.get()).filter(|p| *p != Parts::ALL && !p.is_empty()),
        ..page.clone()
    });
    let code = Memo::new(move |_| snippet(&calc.raw(), &options.get()));
    let src = Memo::new(move |_| frame_src(&calc.raw(), &options.get()));
    let copied = RwSignal::new(String::new());
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
    let boxes = Part::ALL.into_iter().map(|part| {
        let toggle = move |ev| parts.update(|p| *p = p.with(part, event_target_checked(&ev)));
        view! {
            <label class="pick">
                <input type="checkbox" data-part=part.name() prop:checked=move || parts.get().has(part) on:change=toggle/>
                <span>{part.label()}</span>
            </label>
        }
    }).collect_view();
    view! {
        <fieldset class="embed-parts">
            <legend>"Show"</legend>
            <div class="choices">{boxes}</div>
            <Show when=move || parts.get().is_empty()>
                <p class="hint">"Nothing ticked: the embed shows every part."</p>
            </Show>
        </fieldset>
        <label class="sr-only" for="embed-code">"Embed code"</label>
        <textarea id="embed-code" readonly rows="6" data-testid="embed-snippet" prop:value=move || code.get()></textarea>
        <p class="muted small" role="status">{move || copied.get()}</p>
        <div class="button-row">
            <button type="button" class="primary" data-testid="embed-copy" on:click=copy>"Copy code"</button>
        </div>
        <Preview src=src/>
    }
}

/// The embed as it will look, at [`PREVIEW_WIDTH`] and scaled down, with
/// the height it reports (the same `ft-roi:height` message `embed.js`
/// reads, taken only from this frame at this page's origin).
#[component]
fn Preview(
    /// The embed's address.
    src: Memo<String>,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Iframe>::new();
    // The address the frame shows. It follows `src` only once the page in
    // the frame has finished loading (`data-ready`): a frame replaced while
    // its page still fetches its chunks would abort them, with errors.
    let shown = RwSignal::new(src.get_untracked());
    let loaded = move || {
        frame
            .get_untracked()
            .and_then(|f| f.content_document())
            .and_then(|d| d.document_element())
            .is_some_and(|root| root.has_attribute("data-ready"))
    };
    let follow = set_interval_with_handle(
        move || {
            if shown.with_untracked(|s| src.with_untracked(|n| s != n)) && loaded() {
                shown.set(src.get_untracked());
            }
        },
        std::time::Duration::from_millis(200),
    );
    on_cleanup(move || {
        if let Ok(handle) = follow {
            handle.clear();
        }
    });
    // The last height reported, with the address it was reported for: a
    // new address is a new page, whose height comes again.
    let reported = RwSignal::new(None::<(String, u32)>);
    let height = move || {
        reported.with(|r| {
            r.as_ref()
                .filter(|(at, _)| src.with(|s| s == at))
                .map(|&(_, h)| h)
        })
    };
    let origin = web_sys::window().and_then(|w| w.location().origin().ok());
    let listener = window_event_listener(leptos::ev::message, move |event| {
        let Some(own) = frame.get_untracked().and_then(|f| f.content_window()) else {
            return;
        };
        // Compared as values: the frame's window is of another realm, no
        // `instanceof Window` here.
        let from_frame = event.source().map(JsValue::from) == Some(JsValue::from(own));
        if !from_frame || origin.as_deref() != Some(event.origin().as_str()) {
            return;
        }
        let data = event.data();
        if !data.is_object() {
            return;
        }
        let get = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok();
        let kind = get("type").and_then(|v| v.as_string());
        if let Some(h) = height_report(kind.as_deref(), get("height").and_then(|v| v.as_f64())) {
            reported.set(Some((shown.get_untracked(), h)));
        }
    });
    on_cleanup(move || listener.remove());
    let said = move || match height() {
        Some(h) => format!("At {PREVIEW_WIDTH} px wide the frame is {h} px tall."),
        None => "Measuring the frame…".to_owned(),
    };
    // Scaled to 40%: 320 px wide in the dialog.
    view! {
        <p class="hint" data-testid="embed-height" role="status">{said}</p>
        // Scrolls past 400 px: reachable by keyboard.
        <div class="embed-preview" tabindex="0" role="region" aria-label="Preview of the embed, at 40%" style:height=move || format!("{}px", f64::from(height().unwrap_or(720)) * 0.4)>
            // A new frame for each address (a navigated frame would keep
            // the old page's height until the new one reports).
            {move || {
                let address = shown.get();
                view! {
                    <iframe
                        node_ref=frame
                        src=address
                        title="Preview of the embedded calculator"
                        inert=""
                        data-testid="embed-preview"
                        style:width=format!("{PREVIEW_WIDTH}px")
                        style:height=move || format!("{}px", height().unwrap_or(720))
                    ></iframe>
                }
            }}
        </div>
    }
}
