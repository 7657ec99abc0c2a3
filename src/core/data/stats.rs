//! Statistics of per-example (or per-request) counts: percentiles by linear interpolation
//! between the closest ranks, the mean, and a histogram on round bin widths.

/// The `p`-th percentile (`p` in 0–100, clamped) of `sorted` (ascending), by linear
/// interpolation between the closest ranks: the value at rank `p/100 · (n − 1)` (0-based),
/// interpolated between its two neighbours (numpy's default "linear" method). `None` when empty.
pub fn percentile(sorted: &[u64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 100.0) };
    let rank = p / 100.0 * last as f64;
    let lo = (rank.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    let frac = rank - lo as f64;
    let (a, b) = (sorted[lo] as f64, sorted[hi] as f64);
    Some(a + (b - a) * frac)
}

/// The summary of a list of counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// How many values.
    pub count: usize,
    /// Their sum.
    pub sum: u64,
    /// Their mean.
    pub mean: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median (50th percentile).
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 95th percentile.
    pub p95: f64,
    /// The smallest value.
    pub min: u64,
    /// The largest value.
    pub max: u64,
}

/// Summarises `values` (any order); `None` when empty.
pub fn summary(values: &[u64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let sum = sorted.iter().fold(0u64, |s, &v| s.saturating_add(v));
    let at = |p| percentile(&sorted, p).unwrap_or(0.0);
    Some(Summary {
        count: sorted.len(),
        sum,
        mean: sum as f64 / sorted.len() as f64,
        p10: at(10.0),
        p50: at(50.0),
        p90: at(90.0),
        p95: at(95.0),
        min: sorted[0],
        max: sorted[sorted.len() - 1],
    })
}

/// One bar of a histogram: the values `from ≤ v < to` (the last bar includes `to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    /// Lower edge (inclusive).
    pub from: u64,
    /// Upper edge.
    pub to: u64,
    /// How many values fall in it.
    pub count: u64,
}

/// A histogram of `values` in at most `bins` bars of one round width (1, 2 or 5 × a power of
/// ten) starting at 0. Empty for no values or no bins.
pub fn histogram(values: &[u64], bins: usize) -> Vec<Bin> {
    let Some(&max) = values.iter().max() else {
        return Vec::new();
    };
    if bins == 0 {
        return Vec::new();
    }
    let width = round_width(max / bins as u64 + 1);
    let n = (max / width + 1) as usize;
    let mut out: Vec<Bin> = (0..n as u64)
        .map(|k| Bin {
            from: k.saturating_mul(width),
            to: (k + 1).saturating_mul(width),
            count: 0,
        })
        .collect();
    for &v in values {
        let k = ((v / width) as usize).min(n - 1);
        out[k].count += 1;
    }
    out
}

/// The smallest 1, 2 or 5 × 10^k that is at least `w` (at least 1).
fn round_width(w: u64) -> u64 {
    let mut base = 1u64;
    loop {
        for m in [1u64, 2, 5] {
            let c = base.saturating_mul(m);
            if c >= w || c == u64::MAX {
                return c.max(1);
            }
        }
        if base > u64::MAX / 10 {
            return u64::MAX;
        }
        base *= 10;
    }
}
