//! The Monte Carlo simulation: every ranged input drawn from
//! its triangular distribution by Latin hypercube sampling, the whole model
//! run once per draw, and the percentiles and probabilities of what comes
//! out. Seeded and free of transcendental functions, so the same link gives
//! the same figures natively and in every browser.
//!
//! The method, exactly:
//! - each ranged input ([`super::uncertainty::RANGED`] row k) has its own
//!   stream of the xoshiro256++ generator: seeded from the seed by
//!   SplitMix64 (`seed_from_u64`), then jumped ahead k times (2^128 steps
//!   each), so adding a range on one input leaves the others' draws be;
//! - from its stream, for each of the N equal-probability strata j (0 to
//!   N − 1) in order, a point u = (j + U) / N with U uniform in [0, 1) (53
//!   random bits), mapped through the inverse triangular distribution
//!   function; then the N values are shuffled (Fisher–Yates from the last
//!   position down, unbiased bounded integers by Lemire's method), which
//!   pairs the strata of different inputs by independent random
//!   permutations;
//! - draw d sets every ranged input to the d-th value of its column (a
//!   term of a token bill rebuilds the costs per request from the drawn
//!   bills, [`Case::rebuild`]) and runs the whole model ([`outcome`]);
//! - percentiles interpolate linearly between the closest ranks (NumPy's
//!   default, R's type 7).

use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::basis::Basis;
use super::closed::calculate;
use super::options::OptionCost;
use super::optsim::{approaches, price, OptionOdds};
use super::schedule::{payback, Months, MAX_MONTHS};
use super::types::Inputs;
use super::uncertainty::{Case, Ranges, Triangular, RANGED};
use crate::core::present::figure::{figures, months_text};
use crate::core::present::format::{Fmt, Spec};

/// What one run of the model gives the simulation: the three figures it
/// summarises, equal to [`calculate`]'s.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Net benefit over the horizon ($).
    pub net_benefit: f64,
    /// ROI on the incremental investment (%), when the investment is
    /// positive.
    pub roi_percent: Option<f64>,
    /// Break-even (months, within 600), when it comes.
    pub break_even_months: Option<f64>,
}

/// Month-end positions and accruals, reused from draw to draw.
#[derive(Clone, Debug, Default)]
struct Scratch {
    ends: Vec<f64>,
    accruals: Vec<f64>,
}

/// Net benefit, ROI and break-even of scenario `i`, exactly as
/// [`calculate`] gives them (property-tested), for less: discounting,
/// which none of the three depends on, is left out, and with growth the
/// month-by-month schedule is walked without being stored, up to the
/// horizon when the position is at or above zero there (break-even is then
/// within it), up to 600 months otherwise.
pub fn outcome(i: &Inputs) -> Outcome {
    outcome_with(i, &mut Scratch::default())
}

fn outcome_with(i: &Inputs, scratch: &mut Scratch) -> Outcome {
    let flat = Inputs {
        discount: 0.0,
        ..*i
    };
    let closed = calculate(&Inputs {
        growth: 0.0,
        ..flat
    });
    if i.growth == 0.0 {
        return Outcome {
            net_benefit: closed.net_benefit,
            roi_percent: closed.roi_percent,
            break_even_months: closed.break_even_months,
        };
    }
    let h = i.months.clamp(1, MAX_MONTHS) as usize;
    let Scratch { ends, accruals } = scratch;
    ends.clear();
    accruals.clear();
    for m in Months::new(&flat).take(MAX_MONTHS as usize) {
        ends.push(m.cumulative);
        accruals.push(m.net + m.retraining);
        if ends.len() == h && m.cumulative >= 0.0 {
            break;
        }
    }
    let lumps = (i.retrain_cost > 0.0 && i.retrain_per_year > 0.0) || i.migration.is_on();
    // As the model writes it: −0 is 0.
    let end = ends[h - 1];
    let net_benefit = if end == 0.0 { 0.0 } else { end };
    let roi_percent = (closed.investment > 0.0)
        .then(|| net_benefit / closed.investment * 100.0)
        .filter(|x| x.is_finite());
    Outcome {
        net_benefit,
        roi_percent,
        break_even_months: payback(-i.training, ends, accruals, h, lumps),
    }
}

/// A uniform number in [0, 1) from 53 random bits: exact on every platform.
fn unit(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform whole number below `n` (≥ 1), unbiased (Lemire's method on
/// 32 bits).
fn below(rng: &mut Xoshiro256PlusPlus, n: u32) -> u32 {
    let mut m = u64::from(rng.next_u32()) * u64::from(n);
    if (m as u32) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u32) < threshold {
            m = u64::from(rng.next_u32()) * u64::from(n);
        }
    }
    (m >> 32) as u32
}

/// The Latin hypercube column of [`super::uncertainty::RANGED`] row `k`:
/// one value of `t` in each of `n` equal-probability strata, in random
/// order, from the row's own stream of the generator seeded with `seed`.
pub fn column(t: &Triangular, k: usize, n: u32, seed: u64) -> Vec<f64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    for _ in 0..k {
        rng.jump();
    }
    let size = f64::from(n);
    let mut values: Vec<f64> = (0..n)
        .map(|j| t.quantile((f64::from(j) + unit(&mut rng)) / size))
        .collect();
    for last in (1..n).rev() {
        let other = below(&mut rng, last + 1);
        values.swap(last as usize, other as usize);
    }
    values
}

/// The percentile `p` (0 to 1) of `sorted` (ascending), interpolating
/// linearly between the closest ranks (NumPy's default, R's type 7):
/// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)·p. `None` when
/// empty or when it falls on (or between) infinite values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let low = (h.floor() as usize).min(last);
    let fraction = h - low as f64;
    let a = sorted[low];
    let x = if fraction == 0.0 {
        a
    } else {
        a + fraction * (sorted[(low + 1).min(last)] - a)
    };
    x.is_finite().then_some(x)
}

/// Sorts ascending (one sort for every list of numbers here: each element
/// type sorted costs its own code in the wasm).
fn sort(values: &mut [f64]) {
    values.sort_unstable_by(f64::total_cmp);
}

/// The simulation's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Simulated cases.
    pub draws: u32,
    /// The generator's seed.
    pub seed: u64,
    /// The horizon, months.
    pub months: u32,
    /// The ranges as typed, and the draws and seed.
    pub ranges: Ranges,
    /// The ranged inputs: each one's row in `RANGED` and distribution.
    pub ranged: Vec<(usize, Triangular)>,
    /// % of cases whose net benefit over the horizon is above zero.
    pub prob_positive: f64,
    /// % of cases that break even within the horizon.
    pub prob_payback_in_horizon: f64,
    /// The 10th percentile of net benefit ($).
    pub net_benefit_p10: f64,
    /// The median net benefit ($).
    pub net_benefit_p50: f64,
    /// The 90th percentile of net benefit ($).
    pub net_benefit_p90: f64,
    /// The mean net benefit ($).
    pub net_benefit_mean: f64,
    /// The 10th percentile of ROI (%), over the cases with an investment.
    pub roi_percent_p10: Option<f64>,
    /// The median ROI (%).
    pub roi_percent_p50: Option<f64>,
    /// The 90th percentile of ROI (%).
    pub roi_percent_p90: Option<f64>,
    /// The median break-even (months), counting a case that does not break
    /// even within 600 months as never: `None` unless more than half do.
    pub break_even_months_p50: Option<f64>,
    /// Every case's net benefit, ascending (the distribution chart).
    pub net_benefits: Vec<f64>,
    /// Each valid option's chance of being the cheapest and the spread of
    /// its present-value cost over the same cases (issue 28; options 1
    /// and 2 are the two sides), by number.
    pub options: Vec<OptionOdds>,
}

/// What the simulation counts for the options, draw by draw.
#[derive(Clone, Debug, Default)]
struct Tally {
    /// The options' numbers, in order.
    numbers: Vec<usize>,
    /// Draws in which each was the cheapest.
    wins: Vec<usize>,
    /// Each one's present-value cost in every draw (sorted at the end).
    pv: Vec<Vec<f64>>,
    /// Reused from draw to draw.
    costs: Vec<OptionCost>,
}

impl Tally {
    /// A tally of the valid options of `scenario` for `draws` cases.
    fn new(scenario: &Case, draws: usize) -> Tally {
        let numbers: Vec<usize> = approaches(scenario, scenario)
            .iter()
            .map(|(k, _)| *k)
            .collect();
        Tally {
            wins: vec![0; numbers.len()],
            pv: numbers.iter().map(|_| Vec::with_capacity(draws)).collect(),
            numbers,
            costs: Vec::new(),
        }
    }

    /// Counts draw `c` of scenario `scenario`.
    fn add(&mut self, c: &Case, scenario: &Case) {
        let options = approaches(c, scenario);
        let best = price(&Basis::of(&c.inputs), &options, &mut self.costs);
        if let Some(w) = self.wins.get_mut(best) {
            *w += 1;
        }
        for (list, cost) in self.pv.iter_mut().zip(&self.costs) {
            list.push(cost.pv_cost);
        }
    }

    /// How many sorts [`Tally::sort`] takes: one per option.
    fn lists(&self) -> usize {
        self.pv.len()
    }

    /// Sorts option `i`'s costs (ascending).
    fn sort(&mut self, i: usize) {
        if let Some(list) = self.pv.get_mut(i) {
            list.sort_unstable_by(f64::total_cmp);
        }
    }

    /// Each option's figures over `draws` cases, once every list is sorted.
    fn odds(&self, draws: usize) -> Vec<OptionOdds> {
        self.numbers
            .iter()
            .zip(&self.wins)
            .zip(&self.pv)
            .map(|((&number, &wins), pv)| OptionOdds {
                number,
                p_cheapest: if draws == 0 {
                    0.0
                } else {
                    wins as f64 / draws as f64
                },
                pv_cost_p10: percentile(pv, 0.1),
                pv_cost_p50: percentile(pv, 0.5),
                pv_cost_p90: percentile(pv, 0.9),
            })
            .collect()
    }
}

/// Where a [`Simulation`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Drawing the column of the k-th ranged input.
    Columns(usize),
    /// Running the model for each draw.
    Draws,
    /// Sorting the k-th list of results.
    Sorting(usize),
    /// Finished.
    Done,
}

/// A simulation run in steps, so a page can do it in slices between input
/// events: [`Simulation::step`] until it says it is done, then
/// [`Simulation::summary`]. [`simulate`] does it all at once.
#[derive(Clone, Debug)]
pub struct Simulation {
    base: Case,
    /// Whether a term of a token bill is ranged (each draw then rebuilds
    /// the costs per request).
    rebuild: bool,
    ranges: Ranges,
    ranged: Vec<(usize, Triangular)>,
    columns: Vec<Vec<f64>>,
    phase: Phase,
    next: usize,
    net: Vec<f64>,
    roi: Vec<f64>,
    break_even: Vec<f64>,
    positive: usize,
    paid_back: usize,
    scratch: Scratch,
    /// The options' counts over the same draws.
    tally: Tally,
}

impl Simulation {
    /// The simulation of scenario `c` (its [`Case`], or its [`Inputs`]
    /// when its costs per request are entered directly) with `ranges`, or
    /// `None` when no input carries a range (nothing to simulate).
    pub fn new(c: impl Into<Case>, ranges: &Ranges) -> Option<Simulation> {
        let base = c.into();
        let ranged = ranges.active(base);
        if ranged.is_empty() {
            return None;
        }
        let n = ranges.draws as usize;
        Some(Simulation {
            base,
            rebuild: ranged.iter().any(|(row, _)| RANGED[*row].in_bill()),
            ranges: *ranges,
            ranged,
            columns: Vec::new(),
            phase: Phase::Columns(0),
            next: 0,
            net: Vec::with_capacity(n),
            roi: Vec::with_capacity(n),
            break_even: Vec::with_capacity(n),
            positive: 0,
            paid_back: 0,
            scratch: Scratch::default(),
            tally: Tally::new(&base, n),
        })
    }

    /// Does a bounded piece of the work: one input's column, at most
    /// `draws` runs of the model, or one sort. `true` once it is all done.
    pub fn step(&mut self, draws: usize) -> bool {
        let n = self.ranges.draws;
        match self.phase {
            Phase::Columns(k) => {
                let (row, t) = self.ranged[k];
                self.columns.push(column(&t, row, n, self.ranges.seed));
                self.phase = if k + 1 < self.ranged.len() {
                    Phase::Columns(k + 1)
                } else {
                    Phase::Draws
                };
            }
            Phase::Draws => {
                let end = self.next.saturating_add(draws.max(1)).min(n as usize);
                let horizon = f64::from(self.base.inputs.months);
                for d in self.next..end {
                    let mut c = self.base;
                    for ((row, _), column) in self.ranged.iter().zip(&self.columns) {
                        (RANGED[*row].set)(&mut c, column[d]);
                    }
                    if self.rebuild {
                        c.rebuild(&self.base);
                    }
                    let o = outcome_with(&c.inputs, &mut self.scratch);
                    self.net.push(o.net_benefit);
                    if let Some(roi) = o.roi_percent {
                        self.roi.push(roi);
                    }
                    // A case that breaks even only after 600 months (a
                    // closed form can say 1,000) never does, here.
                    let within = o.break_even_months.filter(|m| *m <= f64::from(MAX_MONTHS));
                    self.break_even.push(within.unwrap_or(f64::INFINITY));
                    self.positive += usize::from(o.net_benefit > 0.0);
                    self.paid_back +=
                        usize::from(o.break_even_months.is_some_and(|m| m <= horizon));
                    self.tally.add(&c, &self.base);
                }
                self.next = end;
                if end == n as usize {
                    self.columns = Vec::new();
                    self.phase = Phase::Sorting(0);
                }
            }
            Phase::Sorting(k) => {
                match k {
                    0 => sort(&mut self.net),
                    1 => sort(&mut self.roi),
                    2 => sort(&mut self.break_even),
                    _ => self.tally.sort(k - 3),
                }
                self.phase = if k < 2 + self.tally.lists() {
                    Phase::Sorting(k + 1)
                } else {
                    Phase::Done
                };
            }
            Phase::Done => {}
        }
        self.phase == Phase::Done
    }

    /// The figures, once [`Simulation::step`] has said it is done.
    pub fn summary(&self) -> Option<Summary> {
        if self.phase != Phase::Done {
            return None;
        }
        let n = self.net.len();
        let share = |k: usize| k as f64 * 100.0 / n as f64;
        // Summed in ascending order (the list is sorted by now): as
        // reproducible as any fixed order.
        let mean = self.net.iter().sum::<f64>() / n as f64;
        Some(Summary {
            draws: self.ranges.draws,
            seed: self.ranges.seed,
            months: self.base.inputs.months,
            ranges: self.ranges,
            ranged: self.ranged.clone(),
            prob_positive: share(self.positive),
            prob_payback_in_horizon: share(self.paid_back),
            net_benefit_p10: percentile(&self.net, 0.1).unwrap_or(0.0),
            net_benefit_p50: percentile(&self.net, 0.5).unwrap_or(0.0),
            net_benefit_p90: percentile(&self.net, 0.9).unwrap_or(0.0),
            net_benefit_mean: if mean.is_finite() { mean } else { 0.0 },
            roi_percent_p10: percentile(&self.roi, 0.1),
            roi_percent_p50: percentile(&self.roi, 0.5),
            roi_percent_p90: percentile(&self.roi, 0.9),
            break_even_months_p50: percentile(&self.break_even, 0.5),
            net_benefits: self.net.clone(),
            options: self.tally.odds(n),
        })
    }

    /// The share of the work done, 0 to 1 (the columns count as one draw
    /// each, the sorts as none).
    pub fn progress(&self) -> f64 {
        let n = f64::from(self.ranges.draws);
        match self.phase {
            Phase::Columns(_) => 0.0,
            Phase::Draws => self.next as f64 / n,
            Phase::Sorting(_) | Phase::Done => 1.0,
        }
    }
}

/// The whole simulation of scenario `c` (its [`Case`], or its [`Inputs`])
/// with `ranges` at once, or `None` when no input carries a range.
pub fn simulate(c: impl Into<Case>, ranges: &Ranges) -> Option<Summary> {
    let mut s = Simulation::new(c, ranges)?;
    while !s.step(usize::MAX) {}
    s.summary()
}

/// The simulation of a scenario given as field texts, when it is valid
/// and has a range (the comparison's columns).
pub fn simulate_scenario(raw: &crate::core::inputs::parse::RawInputs) -> Option<Summary> {
    let p = crate::core::inputs::parse::parse_scenario(raw).parsed?;
    simulate(p.case(), p.ranges.as_ref()?)
}

/// A probability (%) in whole percent for a sentence: `82%`, and `under 1%`
/// or `over 99%` rather than a 0% or 100% that is not exact.
pub fn whole_percent(fmt: Fmt, p: f64) -> String {
    let spec = Spec {
        currency: false,
        percent: true,
        compact: false,
        min: 0,
        max: 0,
    };
    if p > 0.0 && p < 0.5 {
        format!("under {}", fmt.write(1.0, spec))
    } else if (99.5..100.0).contains(&p) {
        format!("over {}", fmt.write(99.0, spec))
    } else {
        fmt.write(p, spec)
    }
}

/// The sentence a manager reads: "In 82% of 10,000 simulated cases
/// fine-tuning pays back within 12 months; 1 case in 10 ends below
/// −$1,200."
pub fn sentence(fmt: Fmt, s: &Summary) -> String {
    let months = if s.months == 1 {
        "1 month".to_owned()
    } else {
        format!("{} months", fmt.count(f64::from(s.months)))
    };
    format!(
        "In {} of {} simulated cases fine-tuning pays back within {months}; 1 case in 10 ends below {}.",
        whole_percent(fmt, s.prob_payback_in_horizon),
        fmt.count(f64::from(s.draws)),
        fmt.money(s.net_benefit_p10)
    )
}

/// An option's chance in words: "Option 3 is cheapest in 72% of 2,000
/// draws" (`title` what people call it, `p` its chance 0 to 1, `draws` the
/// simulated cases), in whole percent as the simulation's sentence writes
/// it (`under 1%`, `over 99%` unless exact).
pub fn cheapest_sentence(fmt: Fmt, title: &str, p: f64, draws: u32) -> String {
    format!(
        "{title} is cheapest in {} of {} draws",
        whole_percent(fmt, p * 100.0),
        fmt.count(f64::from(draws))
    )
}

figures! {
    /// One figure of the simulation's [`Summary`], in reading order: the
    /// same kind of table as [`crate::core::present::figure::Figure`]'s.
    #[rustfmt::skip]
    pub enum SimFigure of Summary {
        ProbPaybackInHorizon: "prob_payback_in_horizon", "Chance of paying back within the horizon", "%", |s| Some(s.prob_payback_in_horizon), Fmt::percent, "n/a", Higher;
        ProbPositive: "prob_positive", "Chance of a positive net benefit", "%", |s| Some(s.prob_positive), Fmt::percent, "n/a", Higher;
        NetBenefitP10: "net_benefit_p10", "Net benefit, 10th percentile", "$", |s| Some(s.net_benefit_p10), Fmt::money, "n/a", Higher;
        NetBenefitP50: "net_benefit_p50", "Net benefit, median", "$", |s| Some(s.net_benefit_p50), Fmt::money, "n/a", Higher;
        NetBenefitP90: "net_benefit_p90", "Net benefit, 90th percentile", "$", |s| Some(s.net_benefit_p90), Fmt::money, "n/a", Higher;
        NetBenefitMean: "net_benefit_mean", "Net benefit, mean", "$", |s| Some(s.net_benefit_mean), Fmt::money, "n/a", Higher;
        RoiPercentP10: "roi_percent_p10", "ROI, 10th percentile", "%", |s| s.roi_percent_p10, Fmt::percent, "n/a", Higher;
        RoiPercentP50: "roi_percent_p50", "ROI, median", "%", |s| s.roi_percent_p50, Fmt::percent, "n/a", Higher;
        RoiPercentP90: "roi_percent_p90", "ROI, 90th percentile", "%", |s| s.roi_percent_p90, Fmt::percent, "n/a", Higher;
        BreakEvenMonthsP50: "break_even_months_p50", "Break-even time, median", "months", |s| s.break_even_months_p50, months_text, "Never", Lower;
    }
}
