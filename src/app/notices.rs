//! Dismissible notices: damaged links, unreadable or unwritable storage,
//! imports.

use leptos::prelude::*;

use super::state::use_calc;

/// The notice area at the top of the calculator.
#[component]
pub fn Notices() -> impl IntoView {
    let calc = use_calc();
    view! {
        <div class="notices" role="status" aria-live="polite">
            // Unkeyed: a notice or two, redrawn when the list changes.
            {move || calc.notices.get().into_iter().map(|notice| view! {
                <div class="notice" data-testid="notice" data-notice=notice.kind>
                    <p>{notice.text}</p>
                    <button
                        type="button"
                        class="icon-button"
                        data-testid="dismiss"
                        aria-label="Dismiss this message"
                        on:click=move |_| calc.dismiss(notice.kind)
                    >
                        "×"
                    </button>
                </div>
            }).collect_view()}
        </div>
    }
}
