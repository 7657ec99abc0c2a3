//! The number writer backed by the browser's `Intl.NumberFormat`, so that
//! every figure follows the chosen currency and locale. Formatters are
//! built once per (display, spec) and cached: constructing one costs far
//! more than using it, and the first one starts ICU (≈ 19 ms of a cold
//! load). The core therefore asks it only for displays other than the
//! default (US dollars, en-US), which its built-in writer writes with the
//! same characters (held to a table written by Chromium in
//! `tests/format.rs`).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::core::present::format::{builtin, Display, Fmt, Spec};

thread_local! {
    /// The formatters made so far, by display and spec.
    static CACHE: RefCell<HashMap<(Display, Spec), Function>> = RefCell::new(HashMap::new());
}

/// The formatter for `display`, writing with `Intl.NumberFormat`.
pub fn fmt(display: Display) -> Fmt {
    Fmt::new(display, write)
}

fn options(spec: Spec, display: Display) -> Object {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
    };
    let style = if spec.currency {
        "currency"
    } else if spec.percent {
        "percent"
    } else {
        "decimal"
    };
    set("style", style.into());
    if spec.currency {
        set("currency", display.currency_code().into());
    }
    if spec.compact {
        set("notation", "compact".into());
        set("maximumFractionDigits", 1.into());
    } else {
        // Intl accepts 0 to 20 fraction digits, minimum ≤ maximum.
        let max = spec.max.min(20);
        set("minimumFractionDigits", (spec.min.min(max) as u32).into());
        set("maximumFractionDigits", (max as u32).into());
    }
    o
}

/// `x` (≥ 0, finite) written per `spec` by `Intl.NumberFormat` for
/// `display` (a [`crate::core::present::format::Writer`]).
fn write(x: f64, spec: Spec, display: Display) -> String {
    let format = CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry((display, spec))
            .or_insert_with(|| {
                let locales = Array::of1(&JsValue::from_str(display.locale_tag()));
                Intl::NumberFormat::new(&locales, &options(spec, display)).format()
            })
            .clone()
    });
    let value = if spec.percent { x / 100.0 } else { x };
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        // Should Intl ever refuse, the built-in writer still gives a figure.
        .unwrap_or_else(|| builtin(x, spec, display))
}
