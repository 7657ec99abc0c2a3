//! Named scenarios: save the current one, then load, rename, duplicate or
//! delete (with undo). A scenario loaded or saved stays linked to its entry
//! until the user starts a new one: Save updates it, Save as new keeps both.
//! Every change goes to the library as stored at that moment, shared by all
//! of this browser's tabs. Names are rendered as text, never as HTML.

pub(crate) mod compare;
pub(crate) mod data;
pub(crate) mod share;

use leptos::prelude::*;

use super::shell::state::{use_calc, Calc, Offer};
use crate::core::codec::store::{
    clean_name, save_action, LibraryError, SaveAction, SaveButton, Saved,
};
use crate::core::{calculate, parse_inputs};

/// A deletion that Undo can take back.
#[derive(Clone, Debug, PartialEq)]
struct Deleted {
    /// Where it was in the list.
    at: usize,
    /// What it was.
    saved: Saved,
    /// Whether the page was working on it.
    linked: bool,
}

/// A rename in progress. Kept by the card, not the item: when another tab
/// changes the library the list is redrawn, and the box comes back with
/// what was typed.
#[derive(Clone, Copy)]
struct Renaming {
    /// The scenario being renamed, as it was when the rename began.
    saved: RwSignal<Option<Saved>>,
    /// The text in the box.
    text: RwSignal<String>,
    /// Whether the box is new (its text is then selected, so typing
    /// replaces the old name).
    fresh: StoredValue<bool>,
}

/// The notice that a change found scenario `name` deleted by another tab
/// (so `what` did not happen), offering to save the work as a new scenario.
fn gone(calc: Calc, name: &str, what: &str, offer: Offer) {
    calc.offer(
        "deleted",
        format!(
            "\u{201c}{name}\u{201d} was deleted in another tab, so {what}. Save it as a new \
             scenario to keep it."
        ),
        Some(offer),
    );
}

/// The name of the scenario the page is working on, for the top of the
/// inputs; nothing when the page is not linked to a named scenario.
#[component]
pub fn CurrentName() -> impl IntoView {
    let calc = use_calc();
    let unsaved = Memo::new(move |_| {
        let id = calc.linked.with(|l| l.as_ref().map(|l| l.id))?;
        Some(
            calc.library
                .with(|l| l.get(id).map(|s| s.raw != calc.raw())),
        )
    });
    move || {
        calc.current_name().map(|name| {
            let state = match unsaved.get().flatten() {
                None => " (deleted in another tab)",
                Some(true) => " (unsaved changes)",
                Some(false) => "",
            };
            view! {
                <p class="current-scenario muted small" data-testid="current-scenario">
                    "Saved scenario: "<strong data-testid="current-name">{name}</strong>{state}
                </p>
            }
        })
    }
}

/// The saved-scenarios card.
#[component]
pub fn ScenariosCard() -> impl IntoView {
    let calc = use_calc();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<Deleted>);
    let renaming = Renaming {
        saved: RwSignal::new(None),
        text: RwSignal::new(String::new()),
        fresh: StoredValue::new(false),
    };
    let linked = move || calc.linked.with(Option::is_some);
    let done = move |text: String| {
        status.set(text);
        error.set(None);
        name.set(String::new());
    };
    // Saves the fields into the linked scenario.
    let save_linked = move || {
        let Some(link) = calc.linked.get_untracked() else {
            return;
        };
        let raw = calc.raw_untracked();
        match calc.change_library(|l| l.update(link.id, raw.clone())) {
            Ok(()) => {
                let saved = calc.current_name().unwrap_or_default();
                done(format!("Saved \u{201c}{saved}\u{201d}."));
            }
            Err(LibraryError::Gone) => {
                status.set(String::new());
                gone(
                    calc,
                    &link.name,
                    "your changes were not saved into it",
                    Offer {
                        name: link.name.clone(),
                        raw,
                        link: true,
                    },
                );
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    // Replacing a scenario of the typed name waits for the user's answer.
    let asking = RwSignal::new(None::<(u64, String)>);
    // Does what `save_action` decided; the typed name is cleared only once
    // it is saved.
    let act = move |action: SaveAction| {
        let raw = calc.raw_untracked();
        let result = match action {
            SaveAction::UpdateLinked => return save_linked(),
            SaveAction::SaveNew(typed) => calc.change_library(|l| l.save_new(&typed, raw)),
            SaveAction::Save(typed) => calc.change_library(|l| l.save(&typed, raw)),
            SaveAction::AskReplace(id, typed) => {
                status.set(String::new());
                asking.set(Some((id, typed)));
                return;
            }
        };
        asking.set(None);
        match result {
            Ok(id) => {
                let before = calc.current_name();
                calc.link(id);
                let saved = calc.current_name().unwrap_or_default();
                done(match before {
                    Some(b) if b != saved => format!(
                        "Saved \u{201c}{saved}\u{201d} as a new scenario; \u{201c}{b}\u{201d} stays as it was."
                    ),
                    _ => format!("Saved \u{201c}{saved}\u{201d}."),
                });
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let decide = move |button: SaveButton| {
        let typed = name.get_untracked();
        let current = calc.current_name();
        let action = calc
            .library
            .with_untracked(|l| save_action(l, current.as_deref(), &typed, button));
        match action {
            Ok(a) => act(a),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        decide(SaveButton::Form);
    };
    // The name typed differs from the linked scenario's: the linked Save
    // then saves it as a new scenario instead of dropping it.
    let typed_other = move || {
        let typed = clean_name(&name.get()).ok()?;
        (calc.current_name()? != typed).then_some(typed)
    };
    let replace = move |_| {
        if let Some((id, _)) = asking.get_untracked() {
            asking.set(None);
            let raw = calc.raw_untracked();
            match calc.change_library(|l| l.update(id, raw)) {
                Ok(()) => {
                    calc.link(id);
                    let saved = calc.current_name().unwrap_or_default();
                    done(format!(
                        "Replaced \u{201c}{saved}\u{201d} with these figures."
                    ));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let keep_both = move |_| {
        if let Some((_, typed)) = asking.get_untracked() {
            act(SaveAction::SaveNew(typed));
        }
    };
    let start_new = move |_| {
        if let Some(name) = calc.current_name() {
            calc.linked.set(None);
            done(format!(
                "New scenario from these figures; \u{201c}{name}\u{201d} stays saved as it was."
            ));
        }
    };
    let undo = move |_| {
        if let Some(d) = deleted.get_untracked() {
            let id = d.saved.id;
            let restored = calc.change_library(|l| {
                l.restore(d.at, d.saved);
                Ok(())
            });
            if restored.is_ok() && d.linked && calc.linked.with_untracked(Option::is_none) {
                calc.link(id);
            }
            deleted.set(None);
        }
    };
    // A scenario being renamed that another tab deletes leaves the list:
    // keep what was typed in a notice that offers to save it.
    Effect::new(move |_| {
        let Some(saved) = renaming.saved.get() else {
            return;
        };
        if calc.library.with(|l| l.get(saved.id).is_none()) {
            renaming.saved.set(None);
            let typed = renaming.text.get_untracked();
            let name = clean_name(&typed).unwrap_or_else(|_| saved.name.clone());
            let what = format!("your new name \u{201c}{name}\u{201d} was not saved");
            gone(
                calc,
                &saved.name,
                &what,
                Offer {
                    name,
                    raw: saved.raw,
                    link: false,
                },
            );
        }
    });
    view! {
        <section class="card scenarios" aria-labelledby="scenarios-title">
            <h2 id="scenarios-title">"Saved scenarios"</h2>
            <p class="muted">"Kept in this browser only, shared by its tabs. Save what-ifs to load or compare them later."</p>
            <Show when=linked>
                <div class="linked" data-testid="linked">
                    <p>
                        {move || {
                            let id = calc.linked.with(|l| l.as_ref().map(|l| l.id))?;
                            let name = calc.current_name()?;
                            Some(if let Some(typed) = typed_other() {
                                format!("\u{201c}{typed}\u{201d} is typed below: Save keeps it as a new scenario, and \u{201c}{name}\u{201d} stays as it was.")
                            } else if calc.library.with(|l| l.get(id).is_some()) {
                                format!("Linked to \u{201c}{name}\u{201d}: Save updates it; Save as new keeps both.")
                            } else {
                                format!("\u{201c}{name}\u{201d} was deleted in another tab; Save as new keeps these figures.")
                            })
                        }}
                    </p>
                    <div class="button-row">
                        <button type="button" class="primary" data-testid="save-scenario" on:click=move |_| decide(SaveButton::Linked)>
                            {move || if typed_other().is_some() { "Save as new" } else { "Save" }}
                        </button>
                        <button type="button" class="ghost" data-testid="new-scenario" on:click=start_new>"New scenario"</button>
                    </div>
                </div>
            </Show>
            <form class="save-form" on:submit=submit>
                <label class="sr-only" for="scenario-name">"Scenario name"</label>
                <input
                    id="scenario-name"
                    name="scenario_name"
                    type="text"
                    placeholder=move || if linked() { "Name (optional)" } else { "Name this scenario" }
                    maxlength="80"
                    autocomplete="off"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby="scenario-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        asking.set(None);
                        name.set(event_target_value(&ev));
                    }
                />
                <button
                    type="submit"
                    class=move || if linked() { "ghost" } else { "primary" }
                    data-testid=move || if linked() { "save-as-new" } else { "save-scenario" }
                >
                    {move || if linked() { "Save as new" } else { "Save" }}
                </button>
            </form>
            <p class="error" id="scenario-name-error">{move || error.get()}</p>
            <Show when=move || asking.with(Option::is_some)>
                <div class="ask-replace" role="alert" data-testid="ask-replace">
                    <p>{move || asking.with(|a| a.as_ref().map(|(_, n)| format!(
                        "A saved scenario is already named \u{201c}{n}\u{201d}. Replace it with these figures, or keep both?"
                    )))}</p>
                    <div class="button-row">
                        <button type="button" class="ghost" data-testid="confirm-replace" on:click=replace>"Replace it"</button>
                        <button type="button" class="primary" data-testid="confirm-save-new" on:click=keep_both>"Keep both"</button>
                        <button type="button" class="ghost" data-testid="cancel-replace" on:click=move |_| asking.set(None)>"Cancel"</button>
                    </div>
                </div>
            </Show>
            <p class="muted small" role="status" data-testid="scenarios-status">{move || status.get()}</p>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="undo" role="status">
                    {move || deleted.with(|d| d.as_ref().map(|d| format!("Deleted \u{201c}{}\u{201d}.", d.saved.name)))}
                    <button type="button" class="ghost" data-testid="undo-delete" on:click=undo>"Undo"</button>
                </div>
            </Show>
            <ul class="saved-list" data-testid="saved-list">
                {move || {
                    calc.library.with(|l| l.scenarios.clone()).into_iter()
                        .map(|saved| view! { <SavedItem saved status deleted renaming/> })
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
    deleted: RwSignal<Option<Deleted>>,
    /// The rename in progress, if any.
    renaming: Renaming,
) -> impl IntoView {
    let calc = use_calc();
    let id = saved.id;
    let is_renaming = move || {
        renaming
            .saved
            .with(|s| s.as_ref().is_some_and(|s| s.id == id))
    };
    // The rename box takes focus when it appears (`autofocus` only works on
    // page load), its text selected when the rename has just begun.
    let rename_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = rename_box.get() {
            let _ = input.focus();
            if renaming.fresh.get_value() {
                renaming.fresh.set_value(false);
                input.select();
            }
        }
    });
    let summary = parse_inputs(&saved.raw).map_or_else(
        |_| "has invalid fields".to_owned(),
        |i| {
            let fmt = calc.fmt.get_untracked();
            format!("net benefit {}", fmt.money(calculate(&i).net_benefit))
        },
    );
    let name = saved.name.clone();
    let load = {
        let (name, raw) = (saved.name.clone(), saved.raw.clone());
        move |_| {
            calc.set_raw(raw.clone());
            calc.link(id);
            super::catalogue::check_models(calc);
            status.set(format!("Loaded \u{201c}{name}\u{201d}."));
        }
    };
    let begin_rename = {
        let saved = saved.clone();
        move |_| {
            renaming.text.set(saved.name.clone());
            renaming.fresh.set_value(true);
            renaming.saved.set(Some(saved.clone()));
        }
    };
    // Leaves renaming before the library changes: the change redraws the
    // list, and this item with it.
    let commit = move || {
        let Some(old) = renaming.saved.get_untracked() else {
            return;
        };
        renaming.saved.set(None);
        let text = renaming.text.get_untracked();
        if let Err(LibraryError::Gone) = calc.change_library(|l| l.rename(id, &text)) {
            let name = clean_name(&text).unwrap_or_else(|_| old.name.clone());
            let what = format!("your new name \u{201c}{name}\u{201d} was not saved");
            gone(
                calc,
                &old.name,
                &what,
                Offer {
                    name,
                    raw: old.raw,
                    link: false,
                },
            );
        }
    };
    let duplicate = {
        let saved = saved.clone();
        move |_| {
            if let Err(LibraryError::Gone) = calc.change_library(|l| l.duplicate(id)) {
                gone(
                    calc,
                    &saved.name,
                    "it was not duplicated",
                    Offer {
                        name: saved.name.clone(),
                        raw: saved.raw.clone(),
                        link: false,
                    },
                );
            }
        }
    };
    let delete = {
        let name = saved.name.clone();
        move |_| match calc.change_library(|l| l.remove(id).ok_or(LibraryError::Gone)) {
            Ok((at, saved)) => {
                let linked = calc
                    .linked
                    .with_untracked(|l| l.as_ref().is_some_and(|l| l.id == id));
                if linked {
                    calc.linked.set(None);
                }
                deleted.set(Some(Deleted { at, saved, linked }));
            }
            Err(_) => status.set(format!(
                "\u{201c}{name}\u{201d} was already deleted in another tab."
            )),
        }
    };
    view! {
        <li data-scenario=id.to_string()>
            <div class="saved-main">
                <Show
                    when=is_renaming
                    fallback=move || view! { <span class="saved-name" data-testid="scenario-name">{name.clone()}</span> }
                >
                    <input
                        type="text"
                        class="rename"
                        data-testid="rename-input"
                        aria-label="New name"
                        maxlength="80"
                        prop:value=move || renaming.text.get_untracked()
                        node_ref=rename_box
                        on:input=move |ev| renaming.text.set(event_target_value(&ev))
                        on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => commit(),
                            "Escape" => renaming.saved.set(None),
                            _ => {}
                        }
                        // Not when the list is being redrawn (another tab
                        // changed the library: the box comes back with what
                        // was typed), nor when the user switches to another
                        // tab or window (the box is still there on return).
                        on:blur=move |ev| {
                            let input = event_target::<web_sys::HtmlInputElement>(&ev);
                            let here = input.owner_document().is_some_and(|d| d.has_focus().unwrap_or(true));
                            if here && !calc.redrawing() && is_renaming() {
                                commit();
                            }
                        }
                    />
                </Show>
                <span class="muted small">{summary}</span>
            </div>
            <div class="saved-actions">
                <button type="button" class="ghost" data-action="load" on:click=load>"Load"</button>
                <button type="button" class="ghost" data-action="rename" on:click=begin_rename>"Rename"</button>
                <button type="button" class="ghost" data-action="duplicate" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="ghost danger" data-action="delete" on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}
