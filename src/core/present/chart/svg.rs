//! SVG markup primitives shared by the charts: path data, pixel coordinates
//! written without float formatting, and where a marker's label goes.

use super::scale::{Frame, Tick};
use crate::core::present::format::Escaped;

/// SVG path data through `points` (pixels, one decimal).
pub fn path(points: &[(f64, f64)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(points.len() * 14);
    for (k, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {}",
            if k == 0 { 'M' } else { 'L' },
            Px(*x),
            Px(*y)
        );
    }
    out
}

/// A pixel coordinate as SVG markup writes it: tenths, through integer
/// formatting, far cheaper than float formatting (a path can have 600
/// points).
pub(super) struct Px(pub(super) f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round();
        let t = if t.is_finite() {
            t.clamp(-1e12, 1e12) as i64
        } else {
            0
        };
        let sign = if t < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}", t.abs() / 10, t.abs() % 10)
    }
}

/// Writes the opening of a chart's axes group: the opening `<g class="axes">`, a grid line
/// and a label per y tick, a label per x tick, and the bottom axis line; the caller adds
/// what else belongs to the group and closes it.
pub fn axes(out: &mut String, f: &Frame, y_ticks: &[Tick], x_ticks: &[Tick]) {
    use std::fmt::Write;
    let (l, r, b) = (Px(f.left), Px(f.right), Px(f.bottom));
    out.push_str(r#"<g class="axes">"#);
    for k in y_ticks {
        let _ = write!(
            out,
            r#"<line class="grid" x1="{l}" x2="{r}" y1="{p}" y2="{p}"/><text class="tick" x="{}" y="{}" text-anchor="end">{}</text>"#,
            Px(f.left - 8.0),
            Px(k.pos + 4.0),
            Escaped(&k.label),
            p = Px(k.pos),
        );
    }
    for k in x_ticks {
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            Px(k.pos),
            Px(f.bottom + 20.0),
            Escaped(&k.label),
        );
    }
    let _ = write!(
        out,
        r#"<line class="axis" x1="{l}" x2="{r}" y1="{b}" y2="{b}"/>"#
    );
}

/// The width a chart's label of `text` takes at most, in pixels: about
/// 8 px a character of 12 px text (digits in the fallback sans-serif
/// measure 7.6, bold ones 7.6–8).
pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 8.0
}

/// Where a marker's label goes: right of the line if it fits, else left of
/// it, else centred within the chart (labels are at most about 8 px a
/// character: 12 px bold digits in the fallback sans-serif measure 7.6–8).
pub fn label_place(x: f64, chars: usize, width: f64) -> (f64, &'static str) {
    let w = chars as f64 * 8.0;
    if x + 6.0 + w <= width - 4.0 {
        (x + 6.0, "start")
    } else if x - 6.0 - w >= 4.0 {
        (x - 6.0, "end")
    } else {
        // A label wider than the chart is centred in it: `clamp` with its
        // bounds crossed would panic and stop the page.
        let (low, high) = (w / 2.0 + 4.0, width - w / 2.0 - 4.0);
        let x = if low <= high {
            x.clamp(low, high)
        } else {
            width / 2.0
        };
        (x, "middle")
    }
}
