//! SVG markup primitives shared by the charts: path data, pixel coordinates
//! written without float formatting, and where a marker's label goes (clear
//! of the axis labels and of the other markers' labels).

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

/// A label's box in pixels: left, right, top, bottom.
type LabelBox = [f64; 4];

/// The box of 12 px text with its baseline at `y` from `x0` to `x1`: the
/// font's ascent and descent (at most 11.2 and 3 px in the fallback
/// sans-serif), with a pixel to spare on each side.
fn text_box(x0: f64, x1: f64, y: f64) -> LabelBox {
    [x0 - 1.0, x1 + 1.0, y - 12.0, y + 3.5]
}

/// Whether two boxes share any area.
fn overlap(a: &LabelBox, b: &LabelBox) -> bool {
    a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3]
}

/// The box a marker label of `chars` characters takes at `x` with `anchor`
/// (12 px bold: up to 8.6 px a character in the fallback sans-serif).
fn marker_box(x: f64, anchor: &str, chars: usize, y: f64) -> LabelBox {
    let w = chars as f64 * 8.6;
    let x0 = match anchor {
        "start" => x,
        "end" => x - w,
        _ => x - w / 2.0,
    };
    text_box(x0, x0 + w, y)
}

/// The boxes of the y-axis tick labels [`axes`] writes (right-aligned 8 px
/// left of the plot, baseline 4 px below the tick; 12 px digits up to 8 px
/// wide).
fn tick_boxes(f: &Frame, y_ticks: &[Tick]) -> Vec<LabelBox> {
    y_ticks
        .iter()
        .map(|t| {
            let right = f.left - 8.0;
            text_box(right - text_width(&t.label), right, t.pos + 4.0)
        })
        .collect()
}

/// Where each marker's label goes, as `(x, baseline y, anchor)`: marker
/// `k` on row `k` from the top, beside its line as [`label_place`] puts it,
/// unless that covers a y-axis label or an earlier marker's label; then the
/// first free place among the lower rows, with the label kept inside the
/// plot area where it fits there. A label with no free place anywhere stays
/// where it would have been.
pub fn marker_labels(
    f: &Frame,
    y_ticks: &[Tick],
    markers: &[(f64, usize)],
) -> Vec<(f64, f64, &'static str)> {
    let mut taken = tick_boxes(f, y_ticks);
    let row = |r: usize| f.top + 12.0 + 16.0 * r as f64;
    let rows = ((f.bottom - 4.0 - row(0)) / 16.0).floor().max(0.0) as usize + 1;
    let mut out = Vec::with_capacity(markers.len());
    for (k, &(x, chars)) in markers.iter().enumerate() {
        let default = label_place(x, chars, f.width);
        // The same placement within the plot area only, when it fits there.
        let inside = {
            let (lx, anchor) = label_place(x - f.left, chars, f.width - f.left);
            (lx + f.left, anchor)
        };
        let free = (k..rows.max(k + 1))
            .flat_map(|r| [(default, r), (inside, r)])
            .find(|&((lx, anchor), r)| {
                let b = marker_box(lx, anchor, chars, row(r));
                b[3] <= f.bottom + 4.0 && !taken.iter().any(|t| overlap(t, &b))
            });
        let ((lx, anchor), r) = free.unwrap_or((default, k));
        taken.push(marker_box(lx, anchor, chars, row(r)));
        out.push((lx, row(r), anchor));
    }
    out
}
