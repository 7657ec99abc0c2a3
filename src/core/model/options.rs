//! Options side by side (issue 28): what each way of serving the workload
//! costs over the horizon, in present value, which is cheapest, and the
//! starting monthly volumes at which the cheapest changes.
//!
//! An option is an [`Approach`] on the shared [`Basis`]. Its cost over the
//! horizon is
//!
//! C_k = Σ_m (c_k·V_m + S_k,m + M_k) + T_k + R_k·(retrainings by H) − Σ_m a_k/100 · e · V_m,
//!
//! with a_k its accuracy in points above option 1's (option 1: 0). It is
//! the schedule of option k against nothing at all, negated, so that
//! C_1 − C_2 is the net benefit of today's two sides to the last rounding,
//! and the present-value cost (each month's flow discounted as the NPV
//! discounts it, the one-time cost at the start) gives PV_1 − PV_2 = NPV.
//! Definitions: docs/model.md, "Options side by side".

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::approach::{Approach, Comparison, Retraining};
use super::basis::{difference, Basis};
use super::schedule::Months;
use super::serving::{Serving, UNIT_TOLERANCE};
use super::volume::MAX_STEPS;

/// No option at all: nothing paid, no accuracy. Each option's costs are
/// its schedule against this.
const NOTHING: Approach = Approach {
    cost_per_request: 0.0,
    monthly: 0.0,
    serving: Serving::PerToken,
    one_time: 0.0,
    retraining: Retraining {
        cost: 0.0,
        per_year: 0.0,
        migration: super::lifecycle::Migration::NONE,
    },
    accuracy: 0.0,
};

/// One option's costs over the horizon ($).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct OptionCost {
    /// C_k: requests, serving, fixed monthly costs, the one-time cost and
    /// retraining lumps over the horizon, less the value of its accuracy
    /// over option 1's (`option_cost`).
    pub cost: f64,
    /// The same flows, each month's discounted to today as the NPV does;
    /// the one-time cost at the start (`option_pv_cost`).
    pub pv_cost: f64,
}

/// Option `option`'s costs on `basis` ([`OptionCost`]). Total: finite
/// inputs give finite costs.
pub fn option_cost(basis: &Basis, option: &Approach) -> OptionCost {
    let against_nothing = Comparison {
        basis: *basis,
        a: NOTHING,
        b: *option,
    };
    // The position of the option against nothing is minus its costs so far.
    match Months::of(&against_nothing)
        .take(basis.months as usize)
        .last()
    {
        // 0 − x, not −x: a zero cost is +0, never "−$0".
        Some(m) => OptionCost {
            cost: 0.0 - m.cumulative,
            pv_cost: 0.0 - m.discounted_cumulative,
        },
        None => OptionCost {
            cost: option.one_time,
            pv_cost: option.one_time,
        },
    }
}

/// The cheapest of `costs` (0-based index): the lowest present-value cost,
/// costs equal within the model's tolerance ([`difference`]) going to the
/// lower index. `None` for no options.
pub fn cheapest(costs: &[OptionCost]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (k, c) in costs.iter().enumerate() {
        match best {
            Some(b) if difference(c.pv_cost, costs[b].pv_cost) >= 0.0 => {}
            _ => best = Some(k),
        }
    }
    best
}

/// Where the cheapest option changes as the starting monthly volume grows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Crossovers {
    /// The cheapest option (0-based) at the smallest volumes above zero.
    pub first: usize,
    /// Each change in increasing volume: the starting monthly volume from
    /// which (the infimum of the volumes at which) option `.1` is cheapest.
    pub changes: Vec<(f64, usize)>,
    /// `Some(v)`: the search gave up after [`MAX_STEPS`] serving-unit steps
    /// at starting volume v; no change above v is known.
    pub gave_up_at: Option<f64>,
}

impl Crossovers {
    /// The volumes alone, in increasing order (`crossover_volumes`).
    pub fn volumes(&self) -> Vec<f64> {
        self.changes.iter().map(|&(v, _)| v).collect()
    }
}

/// One option's present-value cost as a function of the starting monthly
/// volume V: `slope`·V + `base` + `stepped` (its capacity units' cost so
/// far, which steps up as V passes each month's unit thresholds).
#[derive(Clone, Debug)]
struct Line {
    slope: f64,
    base: f64,
    stepped: f64,
}

impl Line {
    fn at(&self, v: f64) -> f64 {
        self.slope * v + self.base + self.stepped
    }
}

/// The months' unit steps of one option: months grouped by growth factor γ,
/// each group's weight the sum of its months' discount factors.
#[derive(Clone, Copy, Debug)]
struct Group {
    gamma: f64,
    weight: f64,
}

/// A unit step: above starting volume `at`, option `option` runs one more
/// unit in group `group` (then `count` units).
#[derive(Clone, Copy, Debug)]
struct Step {
    at: f64,
    option: usize,
    group: usize,
    count: f64,
}

impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Step {}
impl PartialOrd for Step {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Step {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.total_cmp(&other.at)
    }
}

/// The starting monthly volumes in (0, `max_volume`] at which the cheapest
/// of `options` (by present-value cost, ties to the lower index) changes on
/// `basis` (its `requests` is ignored). Each option's present-value cost is
/// linear in V between its capacity units' steps; the search walks the
/// steps in order and solves each linear piece exactly, so each volume is
/// the crossing of two lines (or a step's threshold, where a unit step
/// makes another option cheapest), within floating-point rounding.
pub fn crossovers(basis: &Basis, options: &[Approach], max_volume: f64) -> Crossovers {
    let mut out = Crossovers::default();
    if options.is_empty() {
        return out;
    }
    let groups = groups(basis);
    let months_of_volume: f64 = groups.iter().map(|g| g.gamma * g.weight).sum();
    let at_zero = Basis {
        requests: 0.0,
        ..*basis
    };
    let mut lines: Vec<Line> = options
        .iter()
        .map(|o| {
            let per_request = o.cost_per_request - o.accuracy / 100.0 * basis.error_value;
            Line {
                slope: per_request * months_of_volume,
                // At V = 0 the units are each month's minimum: their cost is
                // in the option's cost at zero volume.
                base: option_cost(&at_zero, o).pv_cost,
                stepped: 0.0,
            }
        })
        .collect();
    let mut steps = BinaryHeap::new();
    for (k, o) in options.iter().enumerate() {
        if let Some(c) = o.serving.capacity() {
            let per_unit = c.unit_requests() * (1.0 + UNIT_TOLERANCE) / c.peak_factor;
            if per_unit > 0.0 && per_unit.is_finite() {
                for (g, group) in groups.iter().enumerate() {
                    // Above count × per_unit ÷ γ, count + 1 units.
                    let count = c.min_units;
                    steps.push(Reverse(Step {
                        at: count * per_unit / group.gamma,
                        option: k,
                        group: g,
                        count,
                    }));
                }
            }
        }
    }
    let unit = |k: usize| -> (f64, f64) {
        match options[k].serving.capacity() {
            Some(c) => (
                c.unit_cost(),
                c.unit_requests() * (1.0 + UNIT_TOLERANCE) / c.peak_factor,
            ),
            None => (0.0, 0.0),
        }
    };
    let bounds: Vec<Bounds> = (0..options.len())
        .map(|k| {
            let (cost, per_unit) = unit(k);
            Bounds::of(
                &groups,
                cost,
                per_unit,
                options[k].serving.capacity().map(|c| c.min_units),
            )
        })
        .collect();
    // An exact copy of a lower-numbered option never is the cheapest (ties
    // go to the lower number): it cannot change the answer.
    let copies: Vec<bool> = (0..options.len())
        .map(|j| options[..j].contains(&options[j]))
        .collect();
    let mut v = 0.0;
    let mut cur = lowest_above(&lines, v);
    out.first = cur;
    let mut walked = 0usize;
    loop {
        // Apply the steps at or below v: above v, their units run.
        while let Some(Reverse(s)) = steps.peek().copied() {
            if s.at > v {
                break;
            }
            steps.pop();
            walked += 1;
            if walked > MAX_STEPS {
                out.gave_up_at = Some(v);
                return out;
            }
            let (cost, per_unit) = unit(s.option);
            lines[s.option].stepped += groups[s.group].weight * cost;
            let count = s.count + 1.0;
            steps.push(Reverse(Step {
                at: count * per_unit / groups[s.group].gamma,
                count,
                ..s
            }));
        }
        let best = lowest_above(&lines, v);
        if best != cur {
            if v > 0.0 {
                out.changes.push((v, best));
            } else {
                out.first = best;
            }
            cur = best;
        }
        if settled(options, &lines, &bounds, &copies, cur, v) {
            return out;
        }
        let hi = steps
            .peek()
            .map_or(max_volume, |Reverse(s)| s.at.min(max_volume));
        // The crossings of the lines within (v, hi].
        while let Some((x, j)) = next_crossing(&lines, cur, v, hi) {
            out.changes.push((x, j));
            cur = j;
            v = x;
        }
        if hi >= max_volume {
            return out;
        }
        v = hi;
    }
}

/// How far an option's capacity units can move its cost above a volume
/// already walked: between v and any V′ > v, each group g adds between
/// (V′ − v)·γ_g ÷ per_unit − 1 and (V′ − v)·γ_g ÷ per_unit + 1 unit steps
/// (its thresholds are per_unit ÷ γ_g apart), each costing the group's
/// weight × the unit's cost; below a group's first threshold (its minimum
/// units) it may add none.
#[derive(Clone, Copy, Debug, Default)]
struct Bounds {
    /// Σ_g weight_g × unit cost × γ_g ÷ per_unit: the steps' cost per
    /// request a month, on average.
    rate: f64,
    /// Σ_g weight_g × unit cost: one step in every group.
    slack: f64,
    /// The largest volume at which a group still runs its minimum units.
    first: f64,
}

impl Bounds {
    fn of(groups: &[Group], cost: f64, per_unit: f64, min_units: Option<f64>) -> Bounds {
        let Some(min_units) = min_units else {
            return Bounds::default();
        };
        if !(per_unit > 0.0 && per_unit.is_finite()) {
            return Bounds::default();
        }
        Bounds {
            rate: groups
                .iter()
                .map(|g| g.weight * cost * g.gamma / per_unit)
                .sum(),
            slack: groups.iter().map(|g| g.weight * cost).sum(),
            first: groups
                .iter()
                .map(|g| min_units * per_unit / g.gamma)
                .fold(0.0, f64::max),
        }
    }
}

/// Whether option `cur`, the cheapest just above `v`, stays the cheapest
/// at every larger volume, whatever the unit steps still to come: its
/// highest possible cost (its line now, plus its steps' rate, plus one step
/// per group) stays below every other option's lowest possible cost (its
/// line now, plus its steps' rate less one step per group once past its
/// minimum units, else its line alone) with a slope no steeper. Then the
/// search stops walking steps: no change is left to find. Conservative:
/// false when it cannot tell (the walk goes on).
fn settled(
    options: &[Approach],
    lines: &[Line],
    bounds: &[Bounds],
    copies: &[bool],
    cur: usize,
    v: f64,
) -> bool {
    let b = &bounds[cur];
    lines.iter().enumerate().all(|(j, line)| {
        if j == cur || copies[j] {
            return true;
        }
        let o = &bounds[j];
        let ((high_slope, high), (low_slope, low)) = if options[j].serving == options[cur].serving {
            // The same units step at the same volumes: the difference of
            // the two costs is exactly the difference of their lines.
            (
                (lines[cur].slope, lines[cur].at(v)),
                (line.slope, line.at(v)),
            )
        } else {
            let high = (lines[cur].slope + b.rate, lines[cur].at(v) + b.slack);
            let low = if v >= o.first {
                (line.slope + o.rate, line.at(v) - o.slack)
            } else {
                (line.slope, line.at(v))
            };
            (high, low)
        };
        let margin = 1e-9 * high.abs().max(low.abs());
        high_slope.is_finite()
            && low_slope.is_finite()
            && high_slope <= low_slope
            && high + margin < low
    })
}

/// The months as groups of equal growth factor, each weighted by its
/// months' discount factors: one group without growth.
fn groups(basis: &Basis) -> Vec<Group> {
    let months = basis.months as usize;
    let factors = basis.discount_factors().take(months);
    if basis.grows() {
        basis
            .growth_factors()
            .zip(factors)
            .map(|(gamma, weight)| Group { gamma, weight })
            .collect()
    } else {
        vec![Group {
            gamma: 1.0,
            weight: factors.sum(),
        }]
    }
}

/// The cheapest just above volume `v`: the lowest cost at v, then the
/// lowest slope, then the lowest index.
fn lowest_above(lines: &[Line], v: f64) -> usize {
    let mut best = 0;
    for k in 1..lines.len() {
        let by_cost = difference(lines[k].at(v), lines[best].at(v));
        let by_slope = difference(lines[k].slope, lines[best].slope);
        if by_cost < 0.0 || (by_cost == 0.0 && by_slope < 0.0) {
            best = k;
        }
    }
    best
}

/// The lowest volume in (v, hi] at which another line passes below line
/// `cur` (on a tie, the one with the lowest slope, then the lowest index).
fn next_crossing(lines: &[Line], cur: usize, v: f64, hi: f64) -> Option<(f64, usize)> {
    let here = &lines[cur];
    let mut next: Option<(f64, usize)> = None;
    for (j, line) in lines.iter().enumerate() {
        if j == cur || difference(line.slope, here.slope) >= 0.0 {
            continue;
        }
        let gap = (line.base + line.stepped) - (here.base + here.stepped);
        let x = gap / (here.slope - line.slope);
        if !(x > v && x <= hi) {
            continue;
        }
        let better = match next {
            None => true,
            Some((y, k)) => x < y || (x == y && (difference(line.slope, lines[k].slope) < 0.0)),
        };
        if better {
            next = Some((x, j));
        }
    }
    next
}

/// What an option is (`oK_kind`): it decides which costs of its own it
/// has beyond a model's per-request cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptionKind {
    /// Prompting a model, perhaps with caching and batch (`model`).
    #[default]
    Model,
    /// A model with retrieval (`rag`): retrieved tokens, embeddings and
    /// re-indexing ([`Retrieval`]).
    Rag,
    /// A fine-tuned model (`finetune`): fallback and retraining.
    Finetune,
    /// A small model distilled from a big one's answers (`distill`): the
    /// teacher's data generation ([`Teacher`]), fallback and retraining.
    Distill,
}

impl OptionKind {
    /// Every kind, by its public name.
    pub const ALL: [(OptionKind, &'static str); 4] = [
        (OptionKind::Model, "model"),
        (OptionKind::Rag, "rag"),
        (OptionKind::Finetune, "finetune"),
        (OptionKind::Distill, "distill"),
    ];

    /// The kind's public name (`oK_kind`).
    pub fn name(self) -> &'static str {
        OptionKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("model", |(_, n)| n)
    }

    /// The kind named `name`, if any.
    pub fn from_name(name: &str) -> Option<OptionKind> {
        OptionKind::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| *k)
    }

    /// Whether some requests fall back to option 1 and it retrains
    /// (`finetune` and `distill`).
    pub fn is_trained(self) -> bool {
        matches!(self, OptionKind::Finetune | OptionKind::Distill)
    }
}

/// Tokens per million: the unit of embedding and teacher prices.
const MILLION: f64 = 1e6;

/// A retrieval option's own terms (`rag`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Retrieval {
    /// Retrieved tokens added to each request's input (`oK_rag_tokens`);
    /// the cached and written shares apply to the whole input.
    pub rag_tokens: f64,
    /// Tokens embedded per request (`oK_embed_tokens`).
    pub embed_tokens: f64,
    /// $ per 1M embedded tokens (`oK_embed_price`).
    pub embed_price: f64,
    /// Tokens in the corpus (`oK_corpus_tokens`).
    pub corpus_tokens: f64,
    /// Times the corpus is embedded again a month (`oK_reindex_per_month`).
    pub reindex_per_month: f64,
}

impl Retrieval {
    /// The input tokens of a request with retrieval: its own plus the
    /// retrieved ones.
    pub fn input_tokens(&self, own: f64) -> f64 {
        own + self.rag_tokens
    }

    /// Embedding a request's query ($ per request): embed_tokens ×
    /// embed_price ÷ 1M, once per request, after retries (a retry does not
    /// embed again).
    pub fn embedding_per_request(&self) -> f64 {
        self.embed_tokens * self.embed_price / MILLION
    }

    /// Re-indexing the corpus ($ a month): corpus × re-indexings a month ×
    /// embed_price ÷ 1M. The vector store's own fee is a fixed monthly
    /// cost of the option.
    pub fn reindex_monthly(&self) -> f64 {
        self.corpus_tokens * self.reindex_per_month * self.embed_price / MILLION
    }
}

/// A distilled option's teacher: the big model that writes the training
/// data (`distill`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Teacher {
    /// Examples generated (`oK_teacher_examples`).
    pub examples: f64,
    /// Input tokens per generated example (`oK_teacher_input_tokens`).
    pub input_tokens: f64,
    /// $ per 1M teacher input tokens (`oK_teacher_input_price`).
    pub input_price: f64,
    /// Output tokens per generated example (`oK_teacher_output_tokens`).
    pub output_tokens: f64,
    /// $ per 1M teacher output tokens (`oK_teacher_output_price`).
    pub output_price: f64,
}

impl Teacher {
    /// Generating the data, one-time ($): examples × (input tokens × input
    /// price + output tokens × output price) ÷ 1M.
    pub fn cost(&self) -> f64 {
        self.examples
            * (self.input_tokens * self.input_price + self.output_tokens * self.output_price)
            / MILLION
    }
}

/// An option's cost per request ($) from its model's cost per request
/// after retries (`attempts`), by kind: retrieval adds its query's
/// embedding; a trained option (fine-tune, distillation) adds the share
/// of requests that fall back to option 1 (`fallback_share`, 0 to 1) ×
/// option 1's cost per request (`option_1`).
pub fn cost_per_request(
    kind: OptionKind,
    attempts: f64,
    retrieval: &Retrieval,
    fallback_share: f64,
    option_1: f64,
) -> f64 {
    match kind {
        OptionKind::Model => attempts,
        OptionKind::Rag => attempts + retrieval.embedding_per_request(),
        OptionKind::Finetune | OptionKind::Distill => attempts + fallback_share * option_1,
    }
}

/// The largest starting monthly volume the crossover search looks up to:
/// the largest volume the page accepts.
pub const MAX_VOLUME: f64 = crate::core::inputs::field::MAX_VALUE;

/// Every option of a scenario compared (the page's figures): option 1 (the
/// baseline side), option 2 (the fine-tuned side), then the ones added, by
/// number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SideBySide {
    /// Each option's number and costs; `None` for an added option with an
    /// invalid field (left out of the cheapest and the crossovers).
    pub costs: Vec<(usize, Option<OptionCost>)>,
    /// The number of the cheapest option (`cheapest_option`).
    pub cheapest: Option<usize>,
    /// Where the cheapest changes with the starting monthly volume, each
    /// change's volume and the new cheapest option's number
    /// (`crossover_volumes`).
    pub changes: Vec<(f64, usize)>,
    /// `Some(v)`: the crossover search stopped at starting volume v.
    pub gave_up_at: Option<f64>,
}

impl SideBySide {
    /// The crossover volumes alone, in increasing order.
    pub fn volumes(&self) -> Vec<f64> {
        self.changes.iter().map(|&(v, _)| v).collect()
    }
}

/// The options of `options` (number, approach or `None` when invalid)
/// compared on `basis`: each one's costs, the cheapest, and the crossover
/// volumes from 0 to [`MAX_VOLUME`], in option numbers.
pub fn side_by_side(basis: &Basis, options: &[(usize, Option<Approach>)]) -> SideBySide {
    let valid: Vec<(usize, Approach)> = options
        .iter()
        .filter_map(|&(k, a)| a.map(|a| (k, a)))
        .collect();
    let costs: Vec<OptionCost> = valid.iter().map(|(_, a)| option_cost(basis, a)).collect();
    let approaches: Vec<Approach> = valid.iter().map(|&(_, a)| a).collect();
    let found = crossovers(basis, &approaches, MAX_VOLUME);
    SideBySide {
        costs: options
            .iter()
            .map(|&(k, a)| (k, a.map(|a| option_cost(basis, &a))))
            .collect(),
        cheapest: cheapest(&costs).map(|i| valid[i].0),
        changes: found
            .changes
            .iter()
            .map(|&(v, i)| (v, valid[i].0))
            .collect(),
        gave_up_at: found.gave_up_at,
    }
}

// The options' curves, as the options charts draw them (docs/model.md,
// "Options side by side", the charts).

/// Option `option`'s cumulative cost month by month on `basis`, months 0
/// to H ($, H + 1 values): its one-time cost at month 0, then each month's
/// requests, serving, fixed monthly cost and retraining lumps added and
/// the value of its accuracy over option 1's taken off, as
/// [`option_cost`] adds them (the last value is its `cost`, to the bit).
pub fn cumulative_costs(basis: &Basis, option: &Approach) -> Vec<f64> {
    let against_nothing = Comparison {
        basis: *basis,
        a: NOTHING,
        b: *option,
    };
    let mut out = Vec::with_capacity(basis.months as usize + 1);
    out.push(option.one_time);
    out.extend(
        Months::of(&against_nothing)
            .take(basis.months as usize)
            .map(|m| 0.0 - m.cumulative),
    );
    out
}

/// One option's present-value cost against the starting monthly volume V
/// on [0, hi], as the crossover search ([`crossovers`]) sees it: `slope`·V
/// + `at_zero` + the rises of its capacity units' steps below V.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PvCurve {
    /// $ of present-value cost per request a month of starting volume.
    pub slope: f64,
    /// The present-value cost at V = 0 ($; the minimum units' cost in it).
    pub at_zero: f64,
    /// Each unit step in [0, hi], in increasing volume, steps at the same
    /// volume merged: (starting volume, the rise of the cost just above it
    /// in $). Up to the volume itself the cost is the lower value.
    pub steps: Vec<(f64, f64)>,
}

impl PvCurve {
    /// The present-value cost at starting volume `v` (0 ≤ v ≤ hi), the
    /// steps at `v` itself not yet taken.
    pub fn at(&self, v: f64) -> f64 {
        let stepped: f64 = self
            .steps
            .iter()
            .take_while(|&&(at, _)| at < v)
            .map(|&(_, rise)| rise)
            .sum();
        self.slope * v + self.at_zero + stepped
    }
}

/// Option `option`'s present-value cost against the starting monthly
/// volume on `basis` (its `requests` ignored) over [0, `hi`]: the lines
/// and unit steps of [`crossovers`]. `None` when it steps more than
/// `limit` times there (the steps are then finer than a chart can draw).
pub fn pv_curve(basis: &Basis, option: &Approach, hi: f64, limit: usize) -> Option<PvCurve> {
    let groups = groups(basis);
    let months_of_volume: f64 = groups.iter().map(|g| g.gamma * g.weight).sum();
    let at_zero = Basis {
        requests: 0.0,
        ..*basis
    };
    let per_request = option.cost_per_request - option.accuracy / 100.0 * basis.error_value;
    let mut curve = PvCurve {
        slope: per_request * months_of_volume,
        at_zero: option_cost(&at_zero, option).pv_cost,
        steps: Vec::new(),
    };
    let Some(c) = option.serving.capacity() else {
        return Some(curve);
    };
    let per_unit = c.unit_requests() * (1.0 + UNIT_TOLERANCE) / c.peak_factor;
    if !(per_unit > 0.0 && per_unit.is_finite() && hi > 0.0) {
        return Some(curve);
    }
    // Group g steps at count × per_unit ÷ γ for count = min_units, min_units + 1, …
    let count: f64 = groups
        .iter()
        .map(|g| ((hi * g.gamma / per_unit).floor() - c.min_units + 1.0).max(0.0))
        .sum();
    if count.is_nan() || count > limit as f64 {
        return None;
    }
    let mut all: Vec<(f64, f64)> = Vec::with_capacity(count as usize);
    for g in &groups {
        let mut units = c.min_units;
        loop {
            let at = units * per_unit / g.gamma;
            if at.is_nan() || at > hi || all.len() > limit {
                break;
            }
            all.push((at, g.weight * c.unit_cost()));
            units += 1.0;
        }
    }
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (at, rise) in all {
        match curve.steps.last_mut() {
            Some(last) if last.0 == at => last.1 += rise,
            _ => curve.steps.push((at, rise)),
        }
    }
    Some(curve)
}
