//! Named scenarios: save the current one, then load, rename, duplicate or
//! delete (with undo). Names are rendered as text, never as HTML.

use leptos::prelude::*;

use super::state::use_calc;
use crate::core::store::Saved;
use crate::core::{calculate, format, parse_inputs};

/// The saved-scenarios card.
#[component]
pub fn ScenariosCard() -> impl IntoView {
    let calc = use_calc();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<(usize, Saved)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = calc.raw();
        let mut result = Ok(0);
        calc.library
            .update(|l| result = l.save(&name.get_untracked(), raw));
        match result {
            Ok(_) => {
                status.set(format!(
                    "Saved \u{201c}{}\u{201d}.",
                    name.get_untracked().trim()
                ));
                error.set(None);
                name.set(String::new());
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let undo = move |_| {
        if let Some((at, saved)) = deleted.get_untracked() {
            calc.library.update(|l| l.restore(at, saved));
            deleted.set(None);
        }
    };
    view! {
        <section class="card scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">"Saved scenarios"</h2>
            <p class="muted">"Kept in this browser only. Save what-ifs to load or compare them later."</p>
            <form class="save-form" on:submit=save>
                <label class="sr-only" for="scenario-name">"Scenario name"</label>
                <input
                    id="scenario-name"
                    name="scenario_name"
                    type="text"
                    placeholder="Name this scenario"
                    maxlength="80"
                    autocomplete="off"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="scenario-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" class="primary" data-testid="save-scenario">"Save"</button>
            </form>
            <p class="error" id="scenario-name-error">{move || error.get()}</p>
            <p class="muted small" role="status" data-testid="scenarios-status">{move || status.get()}</p>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="undo" role="status">
                    {move || deleted.with(|d| d.as_ref().map(|(_, s)| format!("Deleted \u{201c}{}\u{201d}.", s.name)))}
                    <button type="button" class="ghost" data-testid="undo-delete" on:click=undo>"Undo"</button>
                </div>
            </Show>
            <ul class="saved-list" data-testid="saved-list">
                {move || {
                    calc.library.with(|l| l.scenarios.clone()).into_iter()
                        .map(|saved| view! { <SavedItem saved status deleted/> })
                        .collect_view()
                }}
            </ul>
            <Show when=move || calc.library.with(|l| l.scenarios.is_empty())>
                <p class="muted small">"No saved scenarios yet."</p>
            </Show>
        </section>
    }
}

/// One saved scenario with its actions.
#[component]
fn SavedItem(
    /// The scenario.
    saved: Saved,
    /// Where to confirm actions.
    status: RwSignal<String>,
    /// Where a deletion is kept for undo.
    deleted: RwSignal<Option<(usize, Saved)>>,
) -> impl IntoView {
    let calc = use_calc();
    let id = saved.id;
    let renaming = RwSignal::new(false);
    // The rename box takes focus, its text selected, when it appears
    // (`autofocus` only works on page load).
    let rename_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = rename_box.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let summary = parse_inputs(&saved.raw).map_or_else(
        |_| "has invalid fields".to_owned(),
        |i| format!("net benefit {}", format::money(calculate(&i).net_benefit)),
    );
    let (name, raw) = (saved.name.clone(), saved.raw.clone());
    let load = move |_| {
        calc.set_raw(raw.clone());
        super::catalogue::check_models(calc);
        status.set(format!("Loaded \u{201c}{name}\u{201d}."));
    };
    // Leaves renaming before the library changes: the change redraws the
    // list, and this item with it.
    let commit = move |text: String| {
        renaming.set(false);
        calc.library.update(|l| {
            let _ = l.rename(id, &text);
        });
    };
    let name_text = saved.name.clone();
    view! {
        <li data-scenario=id.to_string()>
            <div class="saved-main">
                <Show
                    when=move || renaming.get()
                    fallback=move || view! { <span class="saved-name" data-testid="scenario-name">{name_text.clone()}</span> }
                >
                    <input
                        type="text"
                        class="rename"
                        data-testid="rename-input"
                        aria-label="New name"
                        maxlength="80"
                        value=saved.name.clone()
                        node_ref=rename_box
                        on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => commit(event_target_value(&ev)),
                            "Escape" => renaming.set(false),
                            _ => {}
                        }
                        on:blur=move |ev| if renaming.try_get_untracked() == Some(true) { commit(event_target_value(&ev)) }
                    />
                </Show>
                <span class="muted small">{summary}</span>
            </div>
            <div class="saved-actions">
                <button type="button" class="ghost" data-action="load" on:click=load>"Load"</button>
                <button type="button" class="ghost" data-action="rename" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" class="ghost" data-action="duplicate" on:click=move |_| calc.library.update(|l| { let _ = l.duplicate(id); })>"Duplicate"</button>
                <button
                    type="button"
                    class="ghost danger"
                    data-action="delete"
                    on:click=move |_| {
                        let mut removed = None;
                        calc.library.update(|l| removed = l.remove(id));
                        deleted.set(removed);
                    }
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}
