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
            <For each=move || calc.notices.get() key=|n| (n.kind, n.text.clone()) let:notice>
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
            </For>
        </div>
    }
}
