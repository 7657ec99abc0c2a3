//! Charts as images (wasm chunk `image`, loaded on the first download): a
//! chart's drawing with its title, the scenario's name, the date and the
//! catalogue's price dates, as a standalone SVG (the page's computed
//! styles written into it, so it looks as on screen, light or dark) or as a
//! PNG at twice its CSS size (the SVG drawn on a canvas). Nothing leaves the
//! page: the PNG is drawn from a blob of the SVG, and both are offered as
//! downloads of object URLs.
#![allow(unsafe_code)] // The `unsafe extern` imports and `no_mangle` exports that `wasm_split` generates.

use std::future::Future;
use std::pin::Pin;

use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Element};

use crate::app::shell::browser::{download, download_blob};
use crate::core::present::float::display;

/// What an image states under the chart's title.
pub struct Caption {
    /// The scenario's name.
    pub name: String,
    /// The day it is made, `YYYY-MM-DD`.
    pub date: String,
    /// The catalogue's price dates in use, oldest first (none without a
    /// catalogue model).
    pub prices: Vec<&'static str>,
}

/// The image formats of a chart.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A standalone SVG.
    Svg,
    /// A PNG at twice the chart's CSS size (for slides).
    Png,
}

/// Downloads the chart in a `figure[data-chart]` as an image; the file's
/// name, or why it failed.
pub type Export =
    fn(Element, Caption, Format) -> Pin<Box<dyn Future<Output = Result<String, String>>>>;

/// Loads the chunk `image` and returns its [`Export`], or the chunk's load
/// failure.
#[cfg(not(test))]
#[leptos::wasm_split::wasm_split(image, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn exporter() -> Result<Export, SplitLoaderError> {
    Ok(EXPORT)
}

/// The component tests' module has no chunk loader (the split point's
/// imports would stop it from instantiating): there the exporter comes at once.
#[cfg(test)]
pub async fn exporter() -> Result<Export, SplitLoaderError> {
    Ok(EXPORT)
}

/// [`export`] as an [`Export`].
const EXPORT: Export = |figure, caption, format| Box::pin(export(figure, caption, format));

/// The SVG namespace.
const SVG: &str = "http://www.w3.org/2000/svg";

/// The computed properties written into each element of the image (each is
/// also an SVG presentation attribute), so that it draws as on screen with
/// no stylesheet.
const PROPERTIES: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "paint-order",
    "visibility",
    "display",
];

/// A JavaScript error as a message.
fn message(e: JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the browser could not make the image".to_owned())
}

async fn export(figure: Element, caption: Caption, format: Format) -> Result<String, String> {
    let (xml, width, height) = standalone(&figure, &caption)?;
    let chart = figure
        .get_attribute("data-chart")
        .unwrap_or_else(|| "chart".to_owned());
    match format {
        Format::Svg => {
            let name = format!("ft-roi-{chart}.svg");
            download(&name, "image/svg+xml", &xml)?;
            Ok(name)
        }
        Format::Png => {
            let name = format!("ft-roi-{chart}.png");
            let png = png(&xml, width, height).await?;
            download_blob(&name, &png)?;
            Ok(name)
        }
    }
}

/// The first colour that is not transparent, from `el` up to the root: what
/// the chart is drawn on.
fn background(window: &web_sys::Window, el: &Element) -> String {
    let mut at = Some(el.clone());
    while let Some(e) = at {
        if let Ok(Some(style)) = window.get_computed_style(&e) {
            let bg = style
                .get_property_value("background-color")
                .unwrap_or_default();
            if !bg.is_empty() && bg != "transparent" && !bg.ends_with(", 0)") {
                return bg;
            }
        }
        at = e.parent_element();
    }
    // A transparent page (theme=host): the colour its scheme implies.
    let dark = window
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        "rgb(17, 24, 39)"
    } else {
        "rgb(255, 255, 255)"
    }
    .to_owned()
}

/// Writes each computed property of `from` and its descendants into the
/// same element of `to` (a deep clone of it) as a presentation attribute:
/// not a `style` attribute, which the page's Content Security Policy
/// refuses, and which the file needs no more than these.
fn inline_styles(window: &web_sys::Window, from: &Element, to: &Element) -> Result<(), String> {
    let copy = |a: &Element, b: &Element| {
        if let Ok(Some(style)) = window.get_computed_style(a) {
            for p in PROPERTIES {
                let v = style.get_property_value(p).unwrap_or_default();
                if !v.is_empty() {
                    let _ = b.set_attribute(p, &v);
                }
            }
        }
    };
    copy(from, to);
    let (a, b) = (
        from.query_selector_all("*").map_err(message)?,
        to.query_selector_all("*").map_err(message)?,
    );
    for k in 0..a.length().min(b.length()) {
        if let (Some(x), Some(y)) = (a.item(k), b.item(k)) {
            if let (Ok(x), Ok(y)) = (x.dyn_into::<Element>(), y.dyn_into::<Element>()) {
                copy(&x, &y);
            }
        }
    }
    Ok(())
}

/// `text` in lines of at most `chars` characters, broken between words.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The chart of `figure` as a standalone SVG document with its caption on
/// top, and its size in CSS pixels.
fn standalone(figure: &Element, caption: &Caption) -> Result<(String, f64, f64), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let svg = figure
        .query_selector(".plot svg")
        .ok()
        .flatten()
        .ok_or("The chart is not drawn.")?;
    let rect = svg.get_bounding_client_rect();
    let (width, chart_height) = (rect.width().round(), rect.height().round());
    let clone: Element = svg
        .clone_node_with_deep(true)
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "not an element")?;
    inline_styles(&window, &svg, &clone)?;
    // The readout's focus marks and the pointer's handlers stay on the page.
    if let Ok(focus) = clone.query_selector_all(".focus, .focus-bin") {
        for k in 0..focus.length() {
            if let Some(node) = focus.item(k) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let style = window
        .get_computed_style(figure)
        .ok()
        .flatten()
        .ok_or("no style")?;
    let ink = style.get_property_value("color").unwrap_or_default();
    let font = style.get_property_value("font-family").unwrap_or_default();
    let title = figure
        .query_selector("h3")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    // About 8 px a character at 15 px, 7 px at 12 px.
    let wide = |size: f64| ((width - 24.0) / size).max(16.0) as usize;
    let mut lines: Vec<(String, f64, &str)> = wrap(&title, wide(8.0))
        .into_iter()
        .map(|l| (l, 15.0, "700"))
        .collect();
    let mut about = format!("{} · {}", caption.name, caption.date);
    if !caption.prices.is_empty() {
        about += &format!(" · catalogue prices as of {}", caption.prices.join(", "));
    }
    lines.extend(
        wrap(&about, wide(6.6))
            .into_iter()
            .map(|l| (l, 12.0, "400")),
    );
    let head = 12.0 + lines.iter().map(|(_, size, _)| size * 1.45).sum::<f64>() + 8.0;
    let height = (chart_height + head).round();

    let el = |name: &str| document.create_element_ns(Some(SVG), name).map_err(message);
    let root = el("svg")?;
    let set = |e: &Element, k: &str, v: &str| e.set_attribute(k, v).map_err(message);
    set(&root, "xmlns", SVG)?;
    set(&root, "width", &display(width))?;
    set(&root, "height", &display(height))?;
    set(
        &root,
        "viewBox",
        &format!("0 0 {} {}", display(width), display(height)),
    )?;
    set(&root, "font-family", &font)?;
    let bg = el("rect")?;
    set(&bg, "width", "100%")?;
    set(&bg, "height", "100%")?;
    set(&bg, "fill", &background(&window, figure))?;
    set(&bg, "data-background", "")?;
    root.append_child(&bg).map_err(message)?;
    let mut y = 12.0;
    for (line, size, weight) in lines {
        y += size * 1.2;
        let t = el("text")?;
        set(&t, "x", "12")?;
        set(&t, "y", &display(y.round()))?;
        set(&t, "fill", &ink)?;
        set(&t, "font-size", &display(size))?;
        set(&t, "font-weight", weight)?;
        t.set_text_content(Some(&line));
        root.append_child(&t).map_err(message)?;
        y += size * 0.25;
    }
    set(&clone, "x", "0")?;
    set(&clone, "y", &display(head.round()))?;
    set(&clone, "width", &display(width))?;
    set(&clone, "height", &display(chart_height))?;
    let _ = clone.remove_attribute("role");
    root.append_child(&clone).map_err(message)?;
    let xml = web_sys::XmlSerializer::new()
        .map_err(message)?
        .serialize_to_string(&root)
        .map_err(message)?;
    Ok((xml, width, height))
}

/// A promise's value, or its rejection as a message.
async fn settle(promise: js_sys::Promise) -> Result<JsValue, String> {
    JsFuture::from(promise).await.map_err(message)
}

/// The SVG document `xml` of `width` × `height` CSS pixels as a PNG at twice
/// that size: an `<img>` of a blob of it, drawn on a canvas.
async fn png(xml: &str, width: f64, height: f64) -> Result<Blob, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let svg = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&xml.into()), &options)
        .map_err(message)?;
    let url = web_sys::Url::create_object_url_with_blob(&svg).map_err(message)?;
    let img = web_sys::HtmlImageElement::new().map_err(message)?;
    let loaded = {
        let img = img.clone();
        js_sys::Promise::new(&mut move |resolve, reject| {
            img.set_onload(Some(&resolve));
            img.set_onerror(Some(&reject));
        })
    };
    img.set_src(&url);
    let drawn = settle(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    drawn.map_err(|_| "The browser could not draw the chart.".to_owned())?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(message)?
        .unchecked_into();
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(message)?
        .ok_or("no canvas")?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width * 2.0, height * 2.0)
        .map_err(message)?;
    let blob = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    });
    let blob = settle(blob).await?;
    blob.dyn_into::<Blob>()
        .map_err(|_| "The browser could not encode the PNG.".to_owned())
}
