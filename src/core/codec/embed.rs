//! Embedding options read from the URL: `embed=1` (compact layout),
//! `theme=light|dark|auto|host`, `accent=<hex colour>` and
//! `parts=<names>` (which parts an embed shows, [`Part`]). Invalid values
//! are ignored. These are page options, not part of the scenario. A custom
//! accent also decides the colours that go with it ([`accent_colours`]), so
//! text on it and in it stays readable (WCAG 2 contrast of at least 4.5:1).
//! The messages a host page may send an embedded calculator are read here
//! too ([`host_message`], and the host API's [`api_request`], whose `set`
//! is checked by [`check_set`]): only their documented shapes are accepted.

use crate::core::catalogue::fill;
use crate::core::inputs::field::Field;
use crate::core::inputs::parse::{parse_scenario, Checked, RawInputs};

/// The embedding options of a page load.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Compact layout without the page chrome.
    pub embed: bool,
    /// `light` or `dark` when pinned, `host` when the host page decides (by
    /// message, see [`HostMessage::Theme`]); `None` follows the system.
    pub theme: Option<&'static str>,
    /// The accent colour as `#rrggbb` or `#rgb`.
    pub accent: Option<String>,
    /// The parts an embed shows; `None` (no `parts`, or none of its names
    /// known) shows every one.
    pub parts: Option<Parts>,
}

/// A part of the calculator an embed can show, named in `parts=` by its
/// public name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The inputs card (`inputs`).
    Inputs,
    /// The results card: the status and the headline figures (`summary`).
    Summary,
    /// The break-even timeline chart (`timeline`).
    Timeline,
    /// The volume threshold chart (`volume`).
    Volume,
    /// The sensitivity chart (`tornado`, its `data-chart` name).
    Tornado,
    /// The uncertainty simulation's card (`uncertainty`).
    Uncertainty,
}

impl Part {
    /// Every part, in page order.
    pub const ALL: [Part; 6] = [
        Part::Inputs,
        Part::Summary,
        Part::Timeline,
        Part::Volume,
        Part::Tornado,
        Part::Uncertainty,
    ];

    /// The public name, as `parts=` writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Part::Inputs => "inputs",
            Part::Summary => "summary",
            Part::Timeline => "timeline",
            Part::Volume => "volume",
            Part::Tornado => "tornado",
            Part::Uncertainty => "uncertainty",
        }
    }

    /// The part whose public name is `name` (exactly).
    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name)
    }

    /// What it is, for the Embed dialog.
    pub const fn label(self) -> &'static str {
        match self {
            Part::Inputs => "Inputs",
            Part::Summary => "Results (headline figures)",
            Part::Timeline => "Break-even timeline",
            Part::Volume => "Volume threshold",
            Part::Tornado => "Sensitivity",
            Part::Uncertainty => "Uncertainty",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of [`Part`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts(u8);

impl Parts {
    /// Every part.
    pub const ALL: Parts = Parts((1 << Part::ALL.len()) - 1);
    /// No part.
    pub const NONE: Parts = Parts(0);
    /// What the Embed dialog proposes: the inputs, the headline figures and
    /// the timeline, which fit a docs page's first screen.
    pub const SUGGESTED: Parts =
        Parts(Part::Inputs.bit() | Part::Summary.bit() | Part::Timeline.bit());

    /// Whether `part` is in the set.
    pub const fn has(self, part: Part) -> bool {
        self.0 & part.bit() != 0
    }

    /// The set with `part` in (`on`) or out.
    pub const fn with(self, part: Part, on: bool) -> Parts {
        if on {
            Parts(self.0 | part.bit())
        } else {
            Parts(self.0 & !part.bit())
        }
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Reads `parts=`: public names separated by commas (spaces around
    /// them ignored); unknown names are ignored, and a list with no known
    /// name is `None` (every part).
    pub fn parse(text: &str) -> Option<Parts> {
        let set = text
            .split(',')
            .filter_map(|name| Part::from_name(name.trim()))
            .fold(Parts::NONE, |set, part| set.with(part, true));
        (!set.is_empty()).then_some(set)
    }

    /// The names in page order, separated by commas, as `parts=` takes them.
    pub fn names(self) -> String {
        Part::ALL
            .into_iter()
            .filter(|&p| self.has(p))
            .map(Part::name)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Reads the options from a query string.
pub fn options(query: &str) -> EmbedOptions {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut out = EmbedOptions::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match &*key {
            "embed" => out.embed = matches!(value.trim(), "1" | "true" | "yes"),
            "theme" => {
                out.theme = match value.trim() {
                    "light" => Some("light"),
                    "dark" => Some("dark"),
                    "host" => Some("host"),
                    _ => None,
                }
            }
            "accent" => out.accent = hex_colour(&value),
            "parts" => out.parts = Parts::parse(&value),
            _ => {}
        }
    }
    out
}

/// `#abc` or `#aabbcc` (the `#` optional), normalised to lower case with
/// its `#`; anything else is `None`.
pub fn hex_colour(text: &str) -> Option<String> {
    let hex = text.trim().trim_start_matches('#');
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("#{}", hex.to_ascii_lowercase()))
}

impl EmbedOptions {
    /// Whether the host page decides light or dark (`theme=host`).
    pub fn host_theme(&self) -> bool {
        self.theme == Some("host")
    }

    /// The options as query pairs, to keep them in the address bar while
    /// the scenario part changes.
    pub fn query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if self.embed {
            out.append_pair("embed", "1");
        }
        if let Some(theme) = self.theme {
            out.append_pair("theme", theme);
        }
        if let Some(accent) = &self.accent {
            out.append_pair("accent", accent);
        }
        let mut out = out.finish();
        // The names need no escaping; their commas stay readable.
        if let Some(parts) = self.parts {
            if !out.is_empty() {
                out.push('&');
            }
            out += "parts=";
            out += &parts.names();
        }
        out
    }

    /// The parts the page shows: those of `parts=` in an embed, every
    /// one otherwise.
    pub fn shown(&self) -> Parts {
        match (self.embed, self.parts) {
            (true, Some(parts)) => parts,
            _ => Parts::ALL,
        }
    }
}

/// The `type` of the message that asks an embedded calculator for its
/// height: `{ type: "ft-roi:measure" }`. The answer is a [`HEIGHT`] message.
pub const MEASURE: &str = "ft-roi:measure";
/// The `type` of the message that tells an embedded calculator with
/// `theme=host` to be light or dark: `{ type: "ft-roi:theme", theme: "light" | "dark" }`.
pub const THEME: &str = "ft-roi:theme";
/// The `type` of the calculator's height report to its host page:
/// `{ type: "ft-roi:height", height }`, the content's height in CSS pixels.
pub const HEIGHT: &str = "ft-roi:height";

/// A message from the host page that an embedded calculator acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// Report the content height now, even when it has not changed.
    Measure,
    /// Be `light` or `dark` (honoured only with `theme=host`).
    Theme(&'static str),
}

/// Reads a host message from its `type` and `theme` properties, each `None`
/// when absent or not a string. Only the documented shapes are accepted:
/// exactly the type names above, and for a theme exactly `light` or `dark`
/// (no trimming, no other case); other properties are ignored.
pub fn host_message(kind: Option<&str>, theme: Option<&str>) -> Option<HostMessage> {
    match (kind?, theme) {
        (MEASURE, _) => Some(HostMessage::Measure),
        (THEME, Some("light")) => Some(HostMessage::Theme("light")),
        (THEME, Some("dark")) => Some(HostMessage::Theme("dark")),
        _ => None,
    }
}

/// Reads a calculator's height report from its `type` and `height`
/// properties (`None` when absent or of another type): the height in CSS
/// pixels for `{ type: "ft-roi:height", height }` with a finite height
/// from 1 to 99,999 (rounded up, as `embed.js` takes it), else `None`.
pub fn height_report(kind: Option<&str>, height: Option<f64>) -> Option<u32> {
    let h = height?;
    // Within 1..=99_999 when the cast happens: it cannot truncate.
    (kind? == HEIGHT && h.is_finite() && h > 0.0 && h < 100_000.0).then(|| h.ceil() as u32)
}

/// The host API's version, `FtRoi.version` in `embed.js`.
pub const API_VERSION: u32 = 1;
/// Host → calculator: `{ type: "ft-roi:get", id }`, answered by [`STATE`].
pub const GET: &str = "ft-roi:get";
/// Host → calculator: `{ type: "ft-roi:set", id, inputs: { <URL key>: text or number } }`,
/// answered by [`SET_RESULT`].
pub const SET: &str = "ft-roi:set";
/// Host → calculator: `{ type: "ft-roi:subscribe" }`: send [`RESULTS`] and
/// [`ERROR`] to this host from now on (and the current state at once).
pub const SUBSCRIBE: &str = "ft-roi:subscribe";
/// Whether `kind` is the `type` of a host API request ([`GET`], [`SET`] or
/// [`SUBSCRIBE`]): what makes the page load the API's code.
pub fn is_api_request(kind: &str) -> bool {
    matches!(kind, GET | SET | SUBSCRIBE)
}

/// Calculator → host: `{ type: "ft-roi:state", id, inputs, figures }`.
pub const STATE: &str = "ft-roi:state";
/// Calculator → host: `{ type: "ft-roi:set-result", id, ok, errors: { <URL key>: message } }`.
pub const SET_RESULT: &str = "ft-roi:set-result";
/// Calculator → host: `{ type: "ft-roi:results", inputs, figures }` when they change.
pub const RESULTS: &str = "ft-roi:results";
/// Calculator → host: `{ type: "ft-roi:error", errors: { <URL key>: message } }`
/// when the scenario's inputs hold errors.
pub const ERROR: &str = "ft-roi:error";

/// A value of a `set` message's `inputs`, as the host sent it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A string: the field's text.
    Text(String),
    /// A number: written as the scenario's number format writes it.
    Number(f64),
    /// Anything else (an object, a boolean, `null`, …).
    Other,
}

/// A request of the host API, read by [`api_request`].
#[derive(Clone, Debug, PartialEq)]
pub enum ApiRequest {
    /// The inputs and figures, answered with the same `id`.
    Get {
        /// The host's number for the answer.
        id: u32,
    },
    /// Change some inputs, all or none.
    Set {
        /// The host's number for the answer.
        id: u32,
        /// Each URL key the host gave and its value, in the host's order.
        inputs: Vec<(String, Value)>,
    },
    /// Send results and errors to the asker from now on.
    Subscribe,
}

/// Reads a host API request from its `type`, `id` (a number) and, for a
/// `set`, its `inputs` (`None` when not a plain object). Only the
/// documented shapes are accepted: the type names exactly, an `id` that is
/// a whole number from 0 to 4,294,967,295 for `get` and `set`, and an
/// `inputs` object for `set`; anything else is `None` (ignored).
pub fn api_request(
    kind: Option<&str>,
    id: Option<f64>,
    inputs: Option<Vec<(String, Value)>>,
) -> Option<ApiRequest> {
    let id = || {
        let id = id?;
        // Whole and in range: the cast is exact.
        (id.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&id)).then_some(id as u32)
    };
    match kind? {
        GET => Some(ApiRequest::Get { id: id()? }),
        SET => Some(ApiRequest::Set {
            id: id()?,
            inputs: inputs?,
        }),
        SUBSCRIBE => Some(ApiRequest::Subscribe),
        _ => None,
    }
}

/// A URL key a host gave and the message of its invalid value.
pub type KeyError = (String, String);

/// What a `set` message does to the scenario `raw`: every field text to
/// set when each value is valid in the scenario it would make (read by the
/// core's parser, in the scenario's number format), otherwise each invalid
/// one's message by the key the host gave, and nothing is set. An unknown
/// key and a value that is neither text nor a finite number are invalid too.
pub fn check_set(
    raw: &RawInputs,
    inputs: &[(String, Value)],
) -> Result<Vec<(Field, String)>, Vec<KeyError>> {
    let mut changes = Vec::new();
    let mut errors = Vec::new();
    for (key, value) in inputs {
        let Some(field) = Field::from_name(key) else {
            errors.push((key.clone(), "Not an input of this calculator.".to_owned()));
            continue;
        };
        match value {
            Value::Text(t) => changes.push((field, t.clone())),
            Value::Number(v) if v.is_finite() => {
                changes.push((field, fill::text(*v, raw.decimal_mark())));
            }
            _ => errors.push((
                key.clone(),
                "Give the value as text or a number.".to_owned(),
            )),
        }
    }
    let mut after = raw.clone();
    for (field, text) in &changes {
        after.set(*field, text.clone());
    }
    let checked = parse_scenario(&after);
    for (key, _) in inputs {
        if errors.iter().any(|(k, _)| k == key) {
            continue;
        }
        if let Some(error) = Field::from_name(key).and_then(|f| checked.error(f)) {
            errors.push((key.clone(), error.to_string()));
        }
    }
    if errors.is_empty() {
        Ok(changes)
    } else {
        Err(errors)
    }
}

/// Every invalid field of `checked` by its URL key, with its message, in
/// form order: the `errors` of an [`ERROR`] event.
pub fn errors_by_key(checked: &Checked) -> Vec<(&'static str, String)> {
    checked
        .errors
        .as_slice()
        .iter()
        .map(|(f, e)| (f.name(), e.to_string()))
        .collect()
}

/// WCAG 2's minimum contrast for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// The red, green and blue of `#abc` or `#aabbcc` (as [`hex_colour`] writes it).
pub fn rgb(hex: &str) -> Option<[u8; 3]> {
    let hex = hex.strip_prefix('#').unwrap_or(hex);
    let digit = |k: usize| u8::from_str_radix(hex.get(k..=k)?, 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => Some([
            digit(0)? * 16 + digit(1)?,
            digit(2)? * 16 + digit(3)?,
            digit(4)? * 16 + digit(5)?,
        ]),
        _ => None,
    }
}

/// WCAG 2's relative luminance of an sRGB colour: 0 for black, 1 for white.
pub fn relative_luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2's contrast ratio of two colours, from 1 to 21 (order does not matter).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// White and black, the two inks a filled control can take.
pub const WHITE: [u8; 3] = [255, 255, 255];
/// See [`WHITE`].
pub const BLACK: [u8; 3] = [0, 0, 0];
/// The darkest light-theme surface accent text sits on (the soft accent
/// behind the example chips; the page and the cards are lighter).
pub const LIGHT_SURFACE: [u8; 3] = [0xec, 0xea, 0xfd];
/// The lightest dark-theme surface accent text sits on (the dark soft accent;
/// the page and the cards are darker).
pub const DARK_SURFACE: [u8; 3] = [0x23, 0x26, 0x4a];

/// The ink for text on an accent fill: white where it reaches 4.5:1,
/// otherwise black (which then always does: a colour too light for white
/// text has a luminance above 0.183, and 0.233 / 0.05 > 4.6).
pub fn ink_on(fill: [u8; 3]) -> [u8; 3] {
    if contrast(fill, WHITE) >= MIN_CONTRAST {
        WHITE
    } else {
        BLACK
    }
}

/// `colour` mixed toward `toward` in steps of 5% until it reaches 4.5:1
/// against `surface`; the colour itself when it already does. `toward` is
/// black for light surfaces and white for dark ones, which always gets there.
pub fn readable_on(colour: [u8; 3], surface: [u8; 3], toward: [u8; 3]) -> [u8; 3] {
    let mix = |k: u32| {
        let t = f64::from(k) / 20.0;
        let channel = |i: usize| {
            let (c, d) = (f64::from(colour[i]), f64::from(toward[i]));
            // Within 0..=255 by construction; the cast cannot truncate.
            (c + (d - c) * t).round() as u8
        };
        [channel(0), channel(1), channel(2)]
    };
    (0..=20)
        .map(mix)
        .find(|&c| contrast(c, surface) >= MIN_CONTRAST)
        .unwrap_or(toward)
}

/// The colours that go with a custom accent, as CSS `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccentColours {
    /// The accent itself, for fills, borders and outlines.
    pub fill: String,
    /// Text on the fill (buttons, the phone results bar).
    pub ink: String,
    /// The accent as text (links, ghost buttons, chips) on light surfaces:
    /// darkened as far as 4.5:1 needs.
    pub text_light: String,
    /// The accent as text on dark surfaces: lightened as far as 4.5:1 needs.
    pub text_dark: String,
}

/// The colours for the accent `hex` (`#abc` or `#aabbcc`); `None` when it
/// is not a colour.
pub fn accent_colours(hex: &str) -> Option<AccentColours> {
    let fill = rgb(hex)?;
    let css = |[r, g, b]: [u8; 3]| format!("#{r:02x}{g:02x}{b:02x}");
    Some(AccentColours {
        fill: css(fill),
        ink: css(ink_on(fill)),
        text_light: css(readable_on(fill, LIGHT_SURFACE, BLACK)),
        text_dark: css(readable_on(fill, DARK_SURFACE, WHITE)),
    })
}
