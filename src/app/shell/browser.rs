//! The edges to the browser: URL, storage, downloads, clipboard, files.
//! Every function here fails softly: it returns an error or `None` for the
//! page to report, never panics, so a browser with storage or the clipboard
//! disabled still runs the calculator.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A `toggle` handler for a `<details>` that keeps `open` in step with it,
/// so content behind it is built only while it is open.
pub fn on_toggle(
    open: leptos::prelude::RwSignal<bool>,
) -> impl Fn(leptos::ev::Event) + Clone + 'static {
    use leptos::prelude::Set;
    move |ev| {
        let details = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        open.set(details.is_some_and(|d| d.open()));
    }
}

/// The page's query string, with its `?`, or empty.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without its query string and fragment. Read once:
/// the page only ever changes its query (`replace_query`), and the share
/// link asks for it on every edit.
pub fn location_base() -> String {
    thread_local! {
        static BASE: String = web_sys::window()
            .and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
            })
            .unwrap_or_default();
    }
    BASE.with(Clone::clone)
}

/// This page's address with `query` (none when empty).
pub fn page_url(query: &str) -> String {
    if query.is_empty() {
        location_base()
    } else {
        format!("{}?{query}", location_base())
    }
}

/// Opens `dialog` (a `<dialog>` once rendered) as a modal: the page behind
/// it is inert, focus moves into it, Escape closes it.
pub fn show_modal(dialog: Option<web_sys::HtmlDialogElement>) {
    if let Some(d) = dialog {
        let _ = d.show_modal();
    }
}

/// Closes `dialog` (a `<dialog>` once rendered).
pub fn close_dialog(dialog: Option<web_sys::HtmlDialogElement>) {
    if let Some(d) = dialog {
        d.close();
    }
}

/// Session storage key of this tab's copy of the query it last wrote to
/// its address bar.
const TAB_QUERY_KEY: &str = "ft-roi:tab-query";

/// Keeps `query` as this tab's own copy of its address bar (session
/// storage: per tab, kept across reloads). A reload's address is fixed
/// before the page flushes its last keystrokes into the address bar (on
/// `pagehide`); this copy has them.
pub fn remember_tab_query(query: &str) {
    let _ = gloo_storage::SessionStorage::set(TAB_QUERY_KEY, query);
}

/// The query this page starts from: on a reload of this tab, the query it
/// last wrote ([`remember_tab_query`]), which may be newer than the address
/// bar's; otherwise (a link opened, typed or followed) the address bar's.
pub fn start_query() -> String {
    let reload = web_sys::window()
        .and_then(|w| w.performance())
        .and_then(|p| {
            p.get_entries_by_type("navigation")
                .get(0)
                .dyn_into::<web_sys::PerformanceNavigationTiming>()
                .ok()
        })
        .is_some_and(|n| n.type_() == web_sys::NavigationType::Reload);
    reload
        .then(|| gloo_storage::SessionStorage::get::<String>(TAB_QUERY_KEY).ok())
        .flatten()
        .unwrap_or_else(location_search)
}

/// Replaces the address bar's query with `query` (no new history entry,
/// no reload).
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_url(query)));
}

/// The message of a JavaScript exception (a `DOMException` such as
/// `QuotaExceededError` is an `Error`).
fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// Whether `localStorage` can be used at all. Reading the property throws
/// when storage is disabled, so probe it before gloo's handle, which would
/// throw.
fn storage_available() -> bool {
    matches!(
        web_sys::window().map(|w| w.local_storage()),
        Some(Ok(Some(_)))
    )
}

/// The stored text under `key`; `Err` when storage cannot be read.
pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    if !storage_available() {
        return Err("storage is disabled in this browser".to_owned());
    }
    LocalStorage::raw()
        .get_item(key)
        .map_err(|e| js_message(&e))
}

/// Stores the text `value` under `key` as it is (a backup of a payload
/// this build cannot read); `Err` with the browser's reason when the write
/// fails (quota, private mode, storage disabled).
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    if !storage_available() {
        return Err("storage is disabled in this browser".to_owned());
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| js_message(&e))
}

/// Stores the document `doc` under `key` as JSON (gloo-storage's typed
/// `set`, through serde_json); `Err` with the browser's reason when the
/// write fails (quota, private mode, storage disabled).
pub fn storage_set_doc<T: Serialize>(key: &str, doc: &T) -> Result<(), String> {
    if !storage_available() {
        return Err("storage is disabled in this browser".to_owned());
    }
    LocalStorage::set(key, doc).map_err(|e| match e {
        StorageError::JsError(e) => e.message,
        other => other.to_string(),
    })
}

/// Runs `changed` with the key whenever another tab of this site changes
/// `localStorage` (the `storage` event; `None` when it was cleared).
/// Registered for the page's lifetime.
pub fn on_storage(changed: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            changed(e.key());
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    download_blob(filename, &blob)
}

/// Offers `blob` as a file download named `filename`: an object URL on an
/// `<a download>`, revoked once clicked.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(refused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A refused download's message.
fn refused(e: JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the browser refused the download".to_owned())
}

/// Copies `text` to the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // `clipboard` is undefined on insecure origins; calling it would throw.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The text of the first file chosen in `input`, or `None`.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files()?.get(0)?;
    if file.size() > 1_000_000.0 {
        return Some(Err(
            "The file is larger than 1 MB; it is not an FT-ROI export.".to_owned(),
        ));
    }
    Some(
        JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| "The file could not be read.".to_owned()),
    )
}

/// Runs `flush` whenever the page is hidden (another tab, a phone's app
/// switcher) or left (reload, navigation, closing): the last moments in
/// which a page can be sure its writes land. Registered for the page's
/// lifetime.
pub fn on_page_leave(flush: impl Fn() + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hide = Closure::<dyn Fn()>::new(flush.clone());
    let _ = window.add_event_listener_with_callback("pagehide", hide.as_ref().unchecked_ref());
    hide.forget();
    if let Some(document) = window.document() {
        let watched = document.clone();
        let change = Closure::<dyn Fn()>::new(move || {
            if watched.hidden() {
                flush();
            }
        });
        let _ = document
            .add_event_listener_with_callback("visibilitychange", change.as_ref().unchecked_ref());
        change.forget();
    }
}

/// Today as days since 1970-01-01, by the browser's clock (UTC): the
/// catalogue's staleness and end-of-life marks.
pub fn today() -> i64 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i64
}
