//! Embedding options read from the URL: `embed=1` (compact layout),
//! `theme=light|dark|auto` and `accent=<hex colour>`. Invalid values are
//! ignored. These are page options, not part of the scenario.

/// The embedding options of a page load.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Compact layout without the page chrome.
    pub embed: bool,
    /// `light` or `dark` when pinned; `None` follows the system.
    pub theme: Option<&'static str>,
    /// The accent colour as `#rrggbb` or `#rgb`.
    pub accent: Option<String>,
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
                    _ => None,
                }
            }
            "accent" => out.accent = hex_colour(&value),
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
        out.finish()
    }
}
