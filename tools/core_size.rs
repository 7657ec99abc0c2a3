//! The size floor of the page: the pure core alone, with every entry point
//! the page uses (URL codec, validation, the model, the three charts'
//! markup and readouts, formulas, exports and import, storage codecs,
//! comparison, schedule) kept alive behind one export, built like the page
//! (same profile, wasm-bindgen, wasm-opt) but with no view at all.
//! `tools/perf.mjs` builds it and reports its brotli size beside the
//! page's:
//!
//! ```sh
//! cargo build --release --example core_size --target wasm32-unknown-unknown
//! ```
#![allow(missing_docs)]

use std::fmt::Write;

use ft_roi::core::*;
use ft_roi::core::{codec::*, inputs::*, model::*, present::*};
use wasm_bindgen::prelude::*;

/// The default formatter (US dollars, en-US).
const F: format::Fmt = format::Fmt::DEFAULT;

/// Runs every core entry point on text from JavaScript, so none of them
/// can be optimised away.
#[wasm_bindgen]
pub fn run(query: &str, stored: &str, import: &str, width: f64) -> String {
    let mut out = String::new();
    let d = url::decode(query, RawInputs::example());
    let _ = write!(out, "{}{}", d.bad.len(), d.has_scenario);
    let e = embed::options(query);
    out += &e.query();
    let mut raws = vec![d.raw.clone()];
    raws.extend(presets::PRESETS.iter().map(|p| p.raw()));
    for raw in &raws {
        match parse_scenario(raw).into_result() {
            Ok(p) => {
                let r = calculate(&p.inputs);
                let t = chart::timeline(F, &p.inputs, &r, width, 320.0);
                out += &t.svg();
                for k in 0..t.readouts.len() {
                    if let Some((a, v)) = t.describe(k) {
                        out += &a;
                        for (l, s) in v {
                            out += l;
                            out += &s;
                        }
                    }
                    out += &t.x_text(k as f64);
                }
                let v = chart::volume(F, &p.inputs, &r, width, 300.0);
                out += &v.svg();
                let to = chart::tornado(F, &p.inputs, p.sensitivity.unwrap_or(0.2), width);
                out += &to.svg();
                out += &formulas::markup(&formulas::worked(F, &p.inputs, &r));
                let doc = export::ExportDoc::new(F, "x", raw, &p.inputs, &r);
                out += &doc.json();
                out += &doc.csv();
                out += &doc.markdown();
                let m = schedule::schedule(&p.inputs, 600);
                out += &schedule::to_csv(&m);
                for figure in figure::Figure::ALL {
                    out += &figure.text(F, &r);
                }
                out += &format::raw(Some(r.net_benefit));
                if let Some(t) = p.monthly_tokens() {
                    out += presets::TOKEN_TIERS[presets::token_tier(t)].1;
                }
            }
            Err(errors) => {
                for (f, e) in errors {
                    let _ = write!(out, "{}{}", f.name(), e);
                }
            }
        }
    }
    out += &url::encode(&raws[0], &RawInputs::example());
    out += &url::join_queries(query, "embed=1");
    match store::decode_working(stored) {
        Ok(r) => out += &store::encode_working(&r),
        Err(e) => {
            let _ = write!(out, "{e}");
        }
    }
    match store::decode_library(stored) {
        Ok(mut l) => {
            let _ = l.save("a", raws[0].clone());
            out += &store::encode_library(&l);
        }
        Err(e) => {
            let _ = write!(out, "{e}");
        }
    }
    match export::import_json(import) {
        Ok((n, r)) => {
            out += &n.unwrap_or_default();
            out += &r.0[0];
        }
        Err(es) => {
            for e in es {
                let _ = write!(out, "{e}");
            }
        }
    }
    let named: Vec<(String, RawInputs)> =
        raws.iter().map(|r| ("n".to_owned(), r.clone())).collect();
    out += &compare::compare(F, &named).to_csv();
    out
}
