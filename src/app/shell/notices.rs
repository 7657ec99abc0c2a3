//! Dismissible notices: damaged links, unreadable or unwritable storage,
//! imports, and work on a scenario another tab deleted (with a button that
//! saves it as a new one).

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
                    <div class="notice-body">
                        <p>{notice.text}</p>
                        {notice.offer.map(|offer| view! {
                            <button
                                type="button"
                                class="ghost"
                                data-testid="notice-save-as-new"
                                on:click=move |_| calc.accept(notice.kind, offer.clone())
                            >
                                "Save as new"
                            </button>
                        })}
                    </div>
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
