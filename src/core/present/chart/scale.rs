//! Scales, axis ticks and the plot frame: the map from data to pixels, tick
//! values read from their decimals (no binary noise in labels), and the
//! drawing area with its margins.

/// A linear or logarithmic map from data to pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
    log: bool,
}

/// A domain that can be drawn: finite, increasing, non-empty. All-equal
/// values get a margin around them; all-zero values become −1 to 1.
pub fn usable_domain(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    if hi - lo > hi.abs().max(lo.abs()) * 1e-12 {
        return (lo, hi);
    }
    if lo == 0.0 {
        (-1.0, 1.0)
    } else {
        let pad = lo.abs() * 0.1;
        (lo - pad, hi + pad)
    }
}

impl Scale {
    /// A linear scale; a degenerate domain is widened (see [`usable_domain`]).
    pub fn linear(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let (d0, d1) = usable_domain(d0, d1);
        Scale {
            d0,
            d1,
            r0,
            r1,
            log: false,
        }
    }

    /// A base-10 logarithmic scale over positive `d0..d1`.
    pub fn log(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let lo = if d0 > 0.0 && d0.is_finite() { d0 } else { 1.0 };
        let hi = if d1 > lo && d1.is_finite() {
            d1
        } else {
            lo * 10.0
        };
        Scale {
            d0: lo.log10(),
            d1: hi.log10(),
            r0,
            r1,
            log: true,
        }
    }

    /// Pixel position of `x`, clamped to a little beyond the range so that
    /// an off-scale value never yields a path point at infinity.
    pub fn map(&self, x: f64) -> f64 {
        let x = if self.log {
            x.max(f64::MIN_POSITIVE).log10()
        } else {
            x
        };
        let t = ((x - self.d0) / (self.d1 - self.d0)).clamp(-0.1, 1.1);
        let t = if t.is_finite() { t } else { 0.0 };
        self.r0 + t * (self.r1 - self.r0)
    }

    /// Data value at pixel position `p`.
    pub fn invert(&self, p: f64) -> f64 {
        let t = (p - self.r0) / (self.r1 - self.r0);
        let x = self.d0 + t * (self.d1 - self.d0);
        if self.log {
            10f64.powf(x)
        } else {
            x
        }
    }
}

/// About `target` round tick values (steps of 1, 2 or 5 × 10ⁿ) covering
/// `lo..=hi`, and the domain widened to the outer ticks.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (Vec<f64>, f64, f64) {
    let (lo, hi) = usable_domain(lo, hi);
    let raw = (hi - lo) / target.max(1) as f64;
    let exp = raw.log10().floor();
    let magnitude = 10f64.powf(exp);
    // The step is m·10^e with m 1, 2 or 5.
    let (m, e) = [1.0, 2.0, 5.0]
        .into_iter()
        .find(|m| m * magnitude >= raw)
        .map_or((1.0, exp + 1.0), |m| (m, exp));
    let step = m * 10f64.powf(e);
    let (first, last) = ((lo / step).floor(), (hi / step).ceil());
    let n = (last - first).round() as usize;
    // The q-th tick is q·m·10^e, read from that decimal: the double nearest
    // to it, so its label carries no binary noise (0.3, not
    // 0.30000000000000004; 4e26, not 3.9999999999999995e26).
    let at = |q: f64| decimal(q * m, e);
    let ticks = (0..=n.min(50)).map(|k| at(first + k as f64)).collect();
    (ticks, at(first), at(last))
}

/// The double nearest to `digits`·10^`exp` (`digits` a whole number).
fn decimal(digits: f64, exp: f64) -> f64 {
    let text = format!(
        "{}e{}",
        crate::core::present::float::display(digits),
        crate::core::present::float::display(exp)
    );
    let v = crate::core::present::float::parse(&text).unwrap_or(digits * 10f64.powf(exp));
    // −0 is 0.
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

/// Powers of ten within `lo..=hi` (positive), with 2× and 5× steps when
/// the range spans fewer than three decades.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if !(lo > 0.0 && hi > lo && hi.is_finite()) {
        return vec![];
    }
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let mults: &[f64] = if b - a < 3 { &[1.0, 2.0, 5.0] } else { &[1.0] };
    let mut out = Vec::new();
    for e in a..=b.min(a + 40) {
        for m in mults {
            let v = decimal(*m, f64::from(e));
            if v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9) {
                out.push(v);
            }
        }
    }
    out
}

/// The drawing area: the SVG's size and the plot's margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// SVG width.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Plot area left edge.
    pub left: f64,
    /// Plot area right edge.
    pub right: f64,
    /// Plot area top edge.
    pub top: f64,
    /// Plot area bottom edge.
    pub bottom: f64,
}

impl Frame {
    /// A frame of `width` × `height` with room for axis labels.
    pub fn new(width: f64, height: f64) -> Frame {
        let width = if width.is_finite() {
            width.clamp(240.0, 2000.0)
        } else {
            640.0
        };
        let height = if height.is_finite() {
            height.clamp(160.0, 1200.0)
        } else {
            320.0
        };
        Frame {
            width,
            height,
            left: 64.0,
            right: width - 16.0,
            top: 16.0,
            bottom: height - 36.0,
        }
    }
}

/// An axis tick: pixel position and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis, in pixels.
    pub pos: f64,
    /// The formatted value.
    pub label: String,
}
