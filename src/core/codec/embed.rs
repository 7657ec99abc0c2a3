//! Embedding options read from the URL: `embed=1` (compact layout),
//! `theme=light|dark|auto|host`, `accent=<hex colour>` and
//! `parts=<names>` (which parts an embed shows, [`Part`]). Invalid values
//! are ignored. These are page options, not part of the scenario. A custom
//! accent also decides the colours that go with it ([`accent_colours`]), so
//! text on it and in it stays readable (WCAG 2 contrast of at least 4.5:1).
//! The messages a host page may send an embedded calculator are read here
//! too ([`host_message`]): only their documented shapes are accepted.

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
