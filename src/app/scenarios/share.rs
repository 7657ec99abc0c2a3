//! Sharing: the link of the current scenario, copied to the clipboard, with
//! a selectable text field where the clipboard is refused.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::shell::browser::{copy_text, page_url};
use crate::app::shell::state::use_calc;
use crate::core::codec::url;
use crate::core::RawInputs;

/// The full link of the current scenario.
pub fn share_url(raw: &RawInputs) -> String {
    page_url(&url::encode(raw, &RawInputs::example()))
}

/// The "Copy link" control.
#[component]
pub fn ShareLink() -> impl IntoView {
    let calc = use_calc();
    let url = Memo::new(move |_| share_url(&calc.raw()));
    // The last copy attempt: which link, and whether the clipboard took it.
    let attempt = RwSignal::new(None::<(String, bool)>);
    // The confirmation holds only while the link is the one copied.
    let copied = move || {
        attempt.with(|a| {
            a.as_ref()
                .filter(|(u, _)| *u == url.get())
                .map(|(_, ok)| *ok)
        })
    };
    // Once the clipboard has refused, the selectable link stays.
    let refused = move || attempt.with(|a| matches!(a, Some((_, false))));
    let copy = move |_| {
        let text = url.get_untracked();
        spawn_local(async move {
            let ok = copy_text(&text).await;
            attempt.set(Some((text, ok)));
        });
    };
    view! {
        <div class="share">
            <button type="button" class="primary" data-testid="copy-link" on:click=copy>
                "Copy link"
            </button>
            <span class="share-status" data-testid="copy-status" role="status">
                {move || match copied() {
                    Some(true) => "Link copied. Anyone who opens it sees this scenario.",
                    Some(false) => "Your browser blocked the clipboard; copy the link below.",
                    None => "",
                }}
            </span>
            <Show when=refused>
                <input
                    class="share-url"
                    type="text"
                    readonly
                    aria-label="Link to this scenario"
                    data-testid="share-url"
                    prop:value=move || url.get()
                    on:focus=|ev| {
                        if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                            input.select();
                        }
                    }
                />
            </Show>
        </div>
    }
}
