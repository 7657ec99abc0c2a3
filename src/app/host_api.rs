//! The embedded calculator's side of the host API (`FtRoi.connect` in
//! `embed.js`): answers `get` with the inputs and figures as the JSON export
//! has them, applies a `set` only when every value is valid (the core's
//! [`check_set`]) and answers with each invalid one's message, and, once a
//! host has subscribed, tells it of new results and of input errors. The
//! shapes are read by the core ([`api_request`]); only messages from the
//! parent window reach here, and every answer goes to the asker's origin.
//!
//! It lives in the wasm chunk `host_api`, loaded when a host first sends a
//! request ([`entry`]): a page that is never asked does not fetch it.
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::JsValue;

use super::shell::state::Calc;
use crate::core::codec::embed::{
    api_request, check_set, errors_by_key, ApiRequest, Value, ERROR, RESULTS, SET_RESULT, STATE,
};
use crate::core::codec::export::{state_json, ExportDoc};

/// The host API of one embedded page.
pub struct HostApi {
    calc: Calc,
    parent: web_sys::Window,
    /// The origin of the host that subscribed to results and errors.
    subscriber: RefCell<Option<String>>,
}

/// Sets `key` of `object` (a plain object made here: it cannot fail).
fn put(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// A plain object of `type` and `id`.
fn message(kind: &str, id: Option<u32>) -> js_sys::Object {
    let out = js_sys::Object::new();
    put(&out, "type", &kind.into());
    if let Some(id) = id {
        put(&out, "id", &id.into());
    }
    out
}

/// `{ <key>: <message> }` of a list of errors.
fn error_map<K: AsRef<str>>(errors: &[(K, String)]) -> js_sys::Object {
    let out = js_sys::Object::new();
    for (key, text) in errors {
        put(&out, key.as_ref(), &text.into());
    }
    out
}

/// The `inputs` of a `set` as the core reads them: `None` unless a plain
/// object; each value a string, a number, or something else.
fn inputs_of(value: &JsValue) -> Option<Vec<(String, Value)>> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return None;
    }
    let object: &js_sys::Object = wasm_bindgen::JsCast::unchecked_ref(value);
    let entries = js_sys::Object::entries(object);
    Some(
        entries
            .iter()
            .filter_map(|entry| {
                let pair = js_sys::Array::from(&entry);
                let key = pair.get(0).as_string()?;
                let v = pair.get(1);
                let value = match (v.as_string(), v.as_f64()) {
                    (Some(t), _) => Value::Text(t),
                    (None, Some(n)) => Value::Number(n),
                    _ => Value::Other,
                };
                Some((key, value))
            })
            .collect(),
    )
}

impl HostApi {
    /// The API of the page with state `calc`, framed by `parent`.
    pub fn new(calc: Calc, parent: web_sys::Window) -> Rc<HostApi> {
        Rc::new(HostApi {
            calc,
            parent,
            subscriber: RefCell::new(None),
        })
    }

    /// Posts `message` to the parent at `origin` (an opaque origin, which
    /// is no valid target, hears nothing: the message carries the scenario).
    fn post(&self, message: &js_sys::Object, origin: &str) {
        let _ = self.parent.post_message(message, origin);
    }

    /// The inputs and figures now, put on `out` as the JSON export has them.
    fn put_state(&self, out: &js_sys::Object) {
        let calc = self.calc;
        let raw = calc.raw_untracked();
        let results = calc.results.get_untracked();
        let inputs = calc
            .checked
            .with_untracked(|c| c.parsed.as_ref().map(|p| p.inputs));
        let json = match (inputs, &results) {
            (Some(i), Some(r)) => {
                ExportDoc::new(calc.fmt.get_untracked(), "", &raw, &i, r).state_json()
            }
            _ => state_json(&raw, None),
        };
        if let Ok(state) = js_sys::JSON::parse(&json) {
            for key in ["inputs", "figures"] {
                put(
                    out,
                    key,
                    &js_sys::Reflect::get(&state, &key.into()).unwrap_or(JsValue::NULL),
                );
            }
        }
    }

    /// Tells the subscribed host the results, and the input errors if any.
    fn tell(&self) {
        let Some(origin) = self.subscriber.borrow().clone() else {
            return;
        };
        let out = message(RESULTS, None);
        self.put_state(&out);
        self.post(&out, &origin);
        let errors = self.calc.checked.with_untracked(errors_by_key);
        if !errors.is_empty() {
            let out = message(ERROR, None);
            put(&out, "errors", &error_map(&errors));
            self.post(&out, &origin);
        }
    }

    /// Acts on a message from the parent that is not a height question or a
    /// theme: a host API request of a documented shape, or nothing.
    pub fn handle(&self, data: &JsValue, origin: &str) {
        let get = |key: &str| js_sys::Reflect::get(data, &key.into()).ok();
        let kind = get("type").and_then(|v| v.as_string());
        let id = get("id").and_then(|v| v.as_f64());
        let inputs = get("inputs").and_then(|v| inputs_of(&v));
        match api_request(kind.as_deref(), id, inputs) {
            Some(ApiRequest::Get { id }) => {
                let out = message(STATE, Some(id));
                self.put_state(&out);
                self.post(&out, origin);
            }
            Some(ApiRequest::Set { id, inputs }) => {
                let out = message(SET_RESULT, Some(id));
                match check_set(&self.calc.raw_untracked(), &inputs) {
                    Ok(changes) => {
                        for (field, text) in changes {
                            self.calc.field(field).set(text);
                        }
                        put(&out, "ok", &true.into());
                        put(&out, "errors", &js_sys::Object::new());
                    }
                    Err(errors) => {
                        put(&out, "ok", &false.into());
                        put(&out, "errors", &error_map(&errors));
                    }
                }
                self.post(&out, origin);
            }
            Some(ApiRequest::Subscribe) => {
                *self.subscriber.borrow_mut() = Some(origin.to_owned());
                self.tell();
            }
            None => {}
        }
    }

    /// Tells the subscribed host whenever the scenario changes.
    pub fn watch(self: &Rc<Self>) {
        let this = Rc::clone(self);
        let calc = self.calc;
        Effect::new(move |_| {
            calc.results.track();
            calc.checked.track();
            this.tell();
        });
    }
}

/// The host API's entry points, from the wasm chunk `host_api`.
#[derive(Clone, Copy)]
pub struct Entry {
    /// A page's API ([`HostApi::new`]), telling its subscriber of every
    /// change from now on ([`HostApi::watch`]); run under the page's owner.
    pub start: fn(Calc, web_sys::Window) -> Rc<HostApi>,
    /// [`HostApi::handle`].
    pub handle: fn(&HostApi, &JsValue, &str),
}

/// Loads the chunk `host_api` and returns its [`Entry`], or the chunk's
/// load failure.
#[leptos::wasm_split::wasm_split(host_api, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn entry() -> Result<Entry, SplitLoaderError> {
    Ok(Entry {
        start: |calc, parent| {
            let api = HostApi::new(calc, parent);
            api.watch();
            api
        },
        handle: HostApi::handle,
    })
}
