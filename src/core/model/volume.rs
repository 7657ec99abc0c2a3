//! The break-even volume with serving costs: the lowest starting
//! volume at which the horizon's net benefit is at or above zero, and the
//! volume above which it is below zero for good, solved exactly.
//!
//! With serving, the horizon's net benefit as a function of the starting
//! monthly volume V is
//!
//! NB(V) = A·V − K + Σ_m (S_base,m(V) − S_ft,m(V)),
//!
//! with A = (per-request benefit) × Σ_m (1+g)^(m−1), K = T + M·H + R·k_H,
//! and S_m the serving cost of month m ([`Serving::month`]). An hourly fee
//! is a constant; capacity units step up by one unit-month's cost each time
//! a month's load passes a whole number of units. So NB is linear with
//! slope A between unit steps, and jumps at each: up when the baseline adds
//! a unit, down when the fine-tuned side does. The search walks the steps in
//! order and solves the linear piece between them, starting where an upper
//! envelope of NB (each month's units replaced by bounds without the
//! rounding up) says it can first be at or above zero, so that it only
//! walks the steps near the answer.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::approach::Comparison;
use super::serving::{Serving, UNIT_TOLERANCE};

/// Most unit steps one search walks before it gives up (a scenario whose
/// serving costs take all but a sliver of its savings can need more; the
/// figures then say the search gave up, never a wrong volume).
pub const MAX_STEPS: usize = 400_000;

/// What the search found, in requests a month (starting volume).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Range {
    /// The lowest starting volume at which the horizon's net benefit is at
    /// or above zero (the infimum, where a baseline unit step lifts it).
    pub min: Option<f64>,
    /// The volume above which the net benefit is below zero for good, when
    /// it turns negative again.
    pub max: Option<f64>,
    /// The search gave up after [`MAX_STEPS`] steps: both volumes unknown.
    pub exhausted: bool,
    /// The net benefit is at or above zero at every starting volume: `min` is 0, `max` is undefined, and a lower envelope of the
    /// net benefit (each month's baseline units without the rounding up,
    /// one more fine-tuned unit than needed) never goes below zero, so no
    /// fine-tuned unit step dips it below zero either. `false` when that
    /// cannot be shown this way, even if it holds.
    pub every: bool,
}

/// One side's capacity units, as a step function of the starting volume.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Steps {
    /// +1 for the baseline (its units add to the net benefit), −1 for the
    /// fine-tuned side.
    sign: f64,
    /// One unit for one month ($).
    cost: f64,
    /// Starting-volume requests per unit, tolerance included: a month with
    /// growth factor γ runs max(min, ⌈V·γ ÷ per_unit⌉) units.
    per_unit: f64,
    /// The always-on minimum.
    min: f64,
}

impl Steps {
    /// The side's steps, or `None` when its serving cost does not depend on
    /// volume (per token, hourly, or units billed no hours).
    fn of(serving: &Serving, sign: f64) -> Option<Steps> {
        let c = serving.capacity()?;
        let per_unit = c.unit_requests() * (1.0 + UNIT_TOLERANCE) / c.peak_factor;
        (per_unit > 0.0 && per_unit.is_finite()).then_some(Steps {
            sign,
            cost: c.unit_cost(),
            per_unit,
            min: c.min_units,
        })
    }

    /// Units at starting volume `v` in a month of growth factor `gamma`:
    /// the smallest count ≥ min whose threshold `count × per_unit ÷ gamma`
    /// is at or above `v`. Computed through the thresholds themselves, so
    /// that the walk's counts and thresholds never disagree by a rounding.
    fn units_at(&self, v: f64, gamma: f64) -> f64 {
        let mut e = (v * gamma / self.per_unit).ceil().max(self.min);
        // At most a step or two off after rounding; bounded, as a step of 1
        // does nothing beyond 2^53.
        for _ in 0..4 {
            if self.threshold(e, gamma) < v {
                e += 1.0;
            } else if e > self.min && self.threshold(e - 1.0, gamma) >= v {
                e -= 1.0;
            } else {
                break;
            }
        }
        e
    }

    /// The starting volume up to which `count` units do (above it, one more
    /// is needed).
    fn threshold(&self, count: f64, gamma: f64) -> f64 {
        count * self.per_unit / gamma
    }
}

/// The net benefit over the horizon as a function of the starting volume:
/// slope · V + constant + Σ sides sign · cost · Σ groups weight · units.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    slope: f64,
    constant: f64,
    /// Months as (growth factor γ, how many months share it): one group of
    /// H months without growth.
    groups: Vec<(f64, f64)>,
    sides: Vec<Steps>,
}

/// A step event: at starting volume `at`, side `side`'s units in group
/// `group` change. Ordered by volume (total order: thresholds are finite).
#[derive(Clone, Copy, Debug)]
struct Event {
    at: f64,
    side: usize,
    group: usize,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Event {}
impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Event {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.total_cmp(&other.at)
    }
}

/// Step events, lowest volume first.
type Heap = BinaryHeap<Reverse<Event>>;

/// How a walk ended.
enum Walk {
    Found(f64),
    Nothing,
    GaveUp,
}

impl Curve {
    /// The curve of comparison `c`: side A's units add to the net benefit,
    /// side B's take from it.
    pub fn new(c: &Comparison) -> Curve {
        let basis = &c.basis;
        let h = basis.horizon();
        let groups: Vec<(f64, f64)> = if basis.grows() {
            // As the schedule multiplies them: γ_m = (1+g)^(m−1).
            basis
                .growth_factors()
                .take(basis.months as usize)
                .map(|g| (g, 1.0))
                .collect()
        } else {
            vec![(1.0, h)]
        };
        let volume_factor: f64 = groups.iter().map(|(g, w)| g * w).sum();
        let fixed = |s: &Serving| {
            if s.is_fixed() {
                s.month(0.0).cost
            } else {
                0.0
            }
        };
        let constant = (fixed(&c.a.serving) - fixed(&c.b.serving)) * h
            - c.monthly() * h
            - c.retraining_by(h)
            - c.one_time();
        let mut sides: Vec<Steps> = [Steps::of(&c.a.serving, 1.0), Steps::of(&c.b.serving, -1.0)]
            .into_iter()
            .flatten()
            .collect();
        // The same units on both sides cost the same whatever the volume:
        // their steps cancel exactly (and walking them would find nothing).
        if let [b, f] = sides[..] {
            if (b.cost, b.per_unit, b.min) == (f.cost, f.per_unit, f.min) {
                sides.clear();
            }
        }
        Curve {
            slope: c.per_request_benefit() * volume_factor,
            constant,
            groups,
            sides,
        }
    }

    /// The net benefit at starting volume `v`.
    pub fn at(&self, v: f64) -> f64 {
        let units = self.sides.iter().map(|s| {
            s.sign
                * s.cost
                * self
                    .groups
                    .iter()
                    .map(|&(g, w)| w * s.units_at(v, g))
                    .sum::<f64>()
        });
        self.slope * v + self.constant + units.sum::<f64>()
    }

    /// The value of the linear piece whose unit totals are `totals` (per
    /// side, Σ weight × units), at `v`.
    fn piece(&self, totals: &[f64], v: f64) -> f64 {
        let steps: f64 = self
            .sides
            .iter()
            .zip(totals)
            .map(|(s, n)| s.sign * s.cost * n)
            .sum();
        self.slope * v + self.constant + steps
    }

    /// Units of every side and group at `v`, their totals, and the events
    /// where they next change going up (`up`) or last changed going down.
    fn state(&self, v: f64, up: bool) -> (Vec<Vec<f64>>, Vec<f64>, Vec<Event>) {
        let mut units = Vec::with_capacity(self.sides.len());
        let mut totals = Vec::with_capacity(self.sides.len());
        let mut events = Vec::new();
        for (side, s) in self.sides.iter().enumerate() {
            let counts: Vec<f64> = self.groups.iter().map(|&(g, _)| s.units_at(v, g)).collect();
            totals.push(
                counts
                    .iter()
                    .zip(&self.groups)
                    .map(|(e, (_, w))| e * w)
                    .sum(),
            );
            for (group, (&e, &(g, _))) in counts.iter().zip(&self.groups).enumerate() {
                let at = if up {
                    s.threshold(e, g)
                } else if e > s.min {
                    s.threshold(e - 1.0, g)
                } else {
                    continue;
                };
                // A month whose volume has shrunk to nothing (γ rounded to
                // 0) keeps its minimum at every volume: it never steps.
                if at.is_finite() {
                    events.push(Event { at, side, group });
                }
            }
            units.push(counts);
        }
        (units, totals, events)
    }

    /// The lowest v ≥ `from` at which the net benefit is at or above zero,
    /// walking unit steps up to `until`.
    fn first_at_or_above_zero(&self, from: f64, until: f64, budget: &mut usize) -> Walk {
        let (mut units, mut totals, events) = self.state(from, true);
        if self.piece(&totals, from) >= 0.0 {
            return Walk::Found(from);
        }
        let mut heap: Heap = events.into_iter().map(Reverse).collect();
        let mut a = from;
        loop {
            // Units that step up just above `a`.
            while let Some(&Reverse(e)) = heap.peek() {
                if e.at > a {
                    break;
                }
                heap.pop();
                let s = &self.sides[e.side];
                let (g, w) = self.groups[e.group];
                let count = &mut units[e.side][e.group];
                *count += 1.0;
                totals[e.side] += w;
                let next = s.threshold(*count, g);
                if next.is_nan() || next <= e.at || *budget == 0 {
                    // Counts beyond 2^53 no longer step: give up.
                    return Walk::GaveUp;
                }
                *budget -= 1;
                heap.push(Reverse(Event { at: next, ..e }));
            }
            let b = heap.peek().map_or(f64::INFINITY, |e| e.0.at);
            // The piece (a, b]: slope · v + c.
            let c = self.piece(&totals, 0.0);
            if self.slope > 0.0 {
                if b.is_infinite() || self.slope * b + c >= 0.0 {
                    return Walk::Found((-c / self.slope).max(a));
                }
            } else if self.slope * a + c >= 0.0 {
                return Walk::Found(a);
            }
            // Past the last step (or the envelope's last point at or above
            // zero) nothing more can be found.
            if b.is_nan() || b > until || b.is_infinite() {
                return Walk::Nothing;
            }
            a = b;
        }
    }

    /// The highest v ≤ `from` at which the net benefit is at or above zero
    /// (the volume from which it is below zero for good, when it is below
    /// zero everywhere above `from`), walking unit steps down.
    fn last_at_or_above_zero(&self, from: f64, budget: &mut usize) -> Walk {
        let (mut units, mut totals, events) = self.state(from, false);
        // Highest threshold first: kept negated in the same min-heap as the
        // walk up (one heap type in the wasm, not two).
        let mut heap: Heap = events
            .into_iter()
            .map(|e| Reverse(Event { at: -e.at, ..e }))
            .collect();
        let mut b = from;
        loop {
            let a = heap.peek().map_or(0.0, |e| -e.0.at).max(0.0);
            // The piece (a, b]: slope · v + c.
            let c = self.piece(&totals, 0.0);
            if self.slope >= 0.0 {
                if self.slope * b + c >= 0.0 {
                    return Walk::Found(b);
                }
            } else if self.slope * a + c >= 0.0 {
                return Walk::Found((-c / self.slope).min(b));
            }
            if a <= 0.0 {
                // Zero itself, with every side at its minimum.
                let (_, totals, _) = self.state(0.0, false);
                return if self.piece(&totals, 0.0) >= 0.0 {
                    Walk::Found(0.0)
                } else {
                    Walk::Nothing
                };
            }
            // Units that step down at `a` (going down).
            while let Some(&Reverse(e)) = heap.peek() {
                if -e.at < a {
                    break;
                }
                heap.pop();
                let s = &self.sides[e.side];
                let (g, w) = self.groups[e.group];
                let count = &mut units[e.side][e.group];
                *count -= 1.0;
                totals[e.side] -= w;
                if *budget == 0 {
                    return Walk::GaveUp;
                }
                *budget -= 1;
                if *count > s.min {
                    let next = s.threshold(*count - 1.0, g);
                    if next.is_nan() || next >= -e.at {
                        return Walk::GaveUp;
                    }
                    heap.push(Reverse(Event { at: -next, ..e }));
                }
            }
            b = a;
        }
    }

    /// An upper envelope of the net benefit (`upper`): each baseline
    /// month's units max(min, x + 1) and each fine-tuned month's max(min,
    /// x), x = V·γ ÷ per_unit (units round x up, by less than one); or the
    /// lower envelope, the other way round. Piecewise linear: the start,
    /// intercept and slope of each piece, in order.
    fn envelope(&self, upper: bool) -> Vec<(f64, f64, f64)> {
        // Each (group, side) term is a constant up to its kink and linear
        // after it: sign · cost · w · max(min, x·V + lift).
        let mut slope = self.slope;
        let mut intercept = self.constant;
        let mut kinks = Heap::new();
        let lift = |s: &Steps| if (s.sign > 0.0) == upper { 1.0 } else { 0.0 };
        for (side, s) in self.sides.iter().enumerate() {
            for (group, &(g, w)) in self.groups.iter().enumerate() {
                let k = s.sign * s.cost * w;
                let x = g / s.per_unit;
                let kink = (s.min - lift(s)) / x;
                if kink <= 0.0 {
                    slope += k * x;
                    intercept += k * lift(s);
                } else {
                    intercept += k * s.min;
                    // A month whose volume has shrunk to nothing (γ
                    // rounded to 0) keeps its minimum: no kink.
                    if kink.is_finite() {
                        kinks.push(Reverse(Event {
                            at: kink,
                            side,
                            group,
                        }));
                    }
                }
            }
        }
        // In order of volume, each term turns from its minimum to its line.
        let mut pieces = vec![(0.0, intercept, slope)];
        while let Some(Reverse(e)) = kinks.pop() {
            let s = &self.sides[e.side];
            let (g, w) = self.groups[e.group];
            let k = s.sign * s.cost * w;
            slope += k * g / s.per_unit;
            intercept += k * (lift(s) - s.min);
            pieces.push((e.at, intercept, slope));
        }
        pieces
    }

    /// The search: lowest and highest volumes, exactly (see the module's
    /// documentation).
    pub fn range(&self) -> Range {
        if self.sides.is_empty() {
            return self.linear_range();
        }
        let pieces = self.envelope(true);
        // The envelope's first point at or above zero: the net benefit is
        // below zero everywhere before it.
        let end = |k: usize| pieces.get(k + 1).map_or(f64::INFINITY, |p| p.0);
        let first = (0..pieces.len()).find_map(|k| {
            let (lo, c, s) = pieces[k];
            let hi = end(k);
            if c + s * lo >= 0.0 {
                Some(lo)
            } else if s > 0.0 && (hi.is_infinite() || c + s * hi >= 0.0) {
                Some((-c / s).max(lo))
            } else {
                None
            }
        });
        let Some(first) = first else {
            return Range::default();
        };
        // The envelope's last point at or above zero, when it ends below
        // zero: the net benefit is below zero for good after it.
        let (_, c_end, s_end) = pieces[pieces.len() - 1];
        let last = if s_end < 0.0 || (s_end == 0.0 && c_end < 0.0) {
            (0..pieces.len()).rev().find_map(|k| {
                let (lo, c, s) = pieces[k];
                let hi = end(k);
                if hi.is_finite() && c + s * hi >= 0.0 {
                    Some(hi)
                } else if s < 0.0 && c + s * lo >= 0.0 {
                    Some((-c / s).min(hi))
                } else {
                    None
                }
            })
        } else {
            None
        };
        let mut budget = MAX_STEPS;
        let min =
            match self.first_at_or_above_zero(first, last.unwrap_or(f64::INFINITY), &mut budget) {
                Walk::Found(v) => v,
                Walk::Nothing => return Range::default(),
                Walk::GaveUp => {
                    return Range {
                        exhausted: true,
                        ..Range::default()
                    }
                }
            };
        let max = match last {
            None => None,
            Some(last) => match self.last_at_or_above_zero(last, &mut budget) {
                Walk::Found(v) => Some(v.max(min)),
                Walk::Nothing => None,
                Walk::GaveUp => {
                    return Range {
                        exhausted: true,
                        ..Range::default()
                    }
                }
            },
        };
        Range {
            min: Some(min),
            max,
            exhausted: false,
            every: min == 0.0 && max.is_none() && self.never_below_zero(),
        }
    }

    /// Whether the lower envelope is at or above zero at every volume: then
    /// so is the net benefit.
    fn never_below_zero(&self) -> bool {
        let pieces = self.envelope(false);
        pieces.iter().enumerate().all(|(k, &(lo, c, s))| {
            let hi = pieces.get(k + 1).map_or(f64::INFINITY, |p| p.0);
            c + s * lo >= 0.0
                && if hi.is_finite() {
                    c + s * hi >= 0.0
                } else {
                    s >= 0.0
                }
        })
    }

    /// Without capacity steps the net benefit is a line.
    fn linear_range(&self) -> Range {
        let (a, c) = (self.slope, self.constant);
        let finite = |x: f64| x.is_finite().then_some(x);
        let (min, max) = if a > 0.0 {
            (finite((-c / a).max(0.0)), None)
        } else if c < 0.0 {
            (None, None)
        } else if a < 0.0 {
            (Some(0.0), finite(-c / a))
        } else {
            (Some(0.0), None)
        };
        Range {
            min,
            max,
            exhausted: false,
            // A line at or above zero at 0 that does not fall.
            every: min == Some(0.0) && max.is_none(),
        }
    }

    /// The unit steps between starting volumes `lo` and `hi`, as (volume,
    /// net benefit there, net benefit just above), in order; `None` when
    /// there are more than `limit` (they are then finer than a chart can
    /// draw).
    pub fn steps(&self, lo: f64, hi: f64, limit: usize) -> Option<Vec<(f64, f64, f64)>> {
        if self.sides.is_empty() || lo.partial_cmp(&hi) != Some(Ordering::Less) {
            return Some(Vec::new());
        }
        // Every (side, month) steps once per unit between its counts at `lo`
        // and at `hi`.
        let (low, _, _) = self.state(lo, true);
        let (high, _, _) = self.state(hi, true);
        let count: f64 = low
            .iter()
            .flatten()
            .zip(high.iter().flatten())
            .map(|(a, b)| b - a)
            .sum();
        if count.is_nan() || count > limit as f64 {
            return None;
        }
        let (mut units, mut totals, events) = self.state(lo, true);
        let mut heap: Heap = events.into_iter().map(Reverse).collect();
        let mut out = Vec::new();
        while let Some(&Reverse(e)) = heap.peek() {
            if e.at >= hi || out.len() > limit {
                break;
            }
            let before = self.piece(&totals, e.at);
            // Every unit that steps up at this volume.
            while let Some(&Reverse(next)) = heap.peek() {
                if next.at > e.at {
                    break;
                }
                heap.pop();
                let s = &self.sides[next.side];
                let (g, w) = self.groups[next.group];
                let count = &mut units[next.side][next.group];
                *count += 1.0;
                totals[next.side] += w;
                let at = s.threshold(*count, g);
                if at.is_nan() || at <= next.at {
                    return None;
                }
                heap.push(Reverse(Event { at, ..next }));
            }
            if e.at >= lo {
                out.push((e.at, before, self.piece(&totals, e.at)));
            }
        }
        Some(out)
    }
}
