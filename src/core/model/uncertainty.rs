//! Ranges on the estimates: which inputs can carry one (one
//! table, [`RANGED`]), how a range reads (low and high ends in % around the
//! scenario's value, or growth's own ends in points), and the triangular
//! distribution each ranged input follows. The simulation that draws from
//! them is [`super::montecarlo`].

use super::gpu::GpuCost;
use super::serving::{Capacity, Serving};
use super::types::Inputs;
use crate::core::inputs::field::Field;

/// How a range's ends read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// Percentages around the scenario's value: a low end from −100 to 0,
    /// a high end from 0 to 1,000 (`-30` and `50` mean 70% to 150% of it).
    Percent,
    /// The input's own unit (growth in % per month): low ≤ value ≤ high.
    Absolute,
}

/// An input that can carry a range: its ends' fields, how they read, and
/// how to read and set its value in the model's [`Inputs`] (in the unit of
/// its field: growth in %). One row per input; each side's serving fee,
/// unit price and throughput are rows too, used only in their mode.
#[derive(Clone, Copy)]
pub struct Ranged {
    /// The input's public name (`requests`); its ends are `<name>_low` and
    /// `<name>_high`.
    pub name: &'static str,
    /// What people call it.
    pub label: &'static str,
    /// The field of the low end.
    pub low: Field,
    /// The field of the high end.
    pub high: Field,
    /// How the ends read.
    pub ends: Ends,
    /// The scenario's value (typed or built).
    pub get: fn(&Inputs) -> f64,
    /// Sets the value in a draw.
    pub set: fn(&mut Inputs, f64),
    /// Whether the scenario uses this input (serving rates only in the
    /// serving modes that have them); an unused input's range is ignored.
    pub used: fn(&Inputs) -> bool,
    /// The serving mode field and option under which the form shows this
    /// row (the same condition as `used`, read from the field's text);
    /// `None`: always shown.
    pub mode: Option<(Field, &'static str)>,
}

impl Ranged {
    /// Whether a range on this input does nothing in scenario `i`: ends in % of a value of 0 are 0 too. The form then says so
    /// instead of offering the ends.
    pub fn on_zero(&self, i: &Inputs) -> bool {
        self.ends == Ends::Percent && (self.used)(i) && (self.get)(i) == 0.0
    }
}

fn always(_: &Inputs) -> bool {
    true
}

// Serving: each side's hourly fee, and its unit
// price and throughput in capacity mode. Setting one in another mode does
// nothing.

fn hourly_rate(s: &Serving) -> Option<f64> {
    match s {
        Serving::Hourly { rate, .. } => Some(*rate),
        _ => None,
    }
}

fn set_hourly_rate(s: &mut Serving, v: f64) {
    if let Serving::Hourly { rate, .. } = s {
        *rate = v;
    }
}

fn capacity_mut(s: &mut Serving) -> Option<&mut Capacity> {
    match s {
        Serving::Capacity(c) => Some(c),
        _ => None,
    }
}

// Training priced by GPU time: a draw of the GPU price or the MFU changes
// the GPU job's cost, and the training cost T by as much.

fn set_gpu(i: &mut Inputs, change: impl Fn(GpuCost) -> GpuCost) {
    if let Some(g) = i.gpu {
        let drawn = change(g);
        i.training = (i.training + drawn.cost() - g.cost()).max(0.0);
        i.gpu = Some(drawn);
    }
}

/// Every input that can carry a range, in form order.
#[rustfmt::skip]
pub const RANGED: [Ranged; 14] = [
    Ranged { name: "training", label: "Training cost", low: Field::TrainingLow, high: Field::TrainingHigh, ends: Ends::Percent, get: |i| i.training, set: |i, v| i.training = v, used: always, mode: None },
    Ranged { name: "maintenance", label: "Monthly maintenance", low: Field::MaintenanceLow, high: Field::MaintenanceHigh, ends: Ends::Percent, get: |i| i.maintenance, set: |i, v| i.maintenance = v, used: always, mode: None },
    Ranged { name: "baseline", label: "Baseline cost per request", low: Field::BaselineLow, high: Field::BaselineHigh, ends: Ends::Percent, get: |i| i.baseline, set: |i, v| i.baseline = v, used: always, mode: None },
    Ranged { name: "finetuned", label: "Fine-tuned cost per request", low: Field::FinetunedLow, high: Field::FinetunedHigh, ends: Ends::Percent, get: |i| i.finetuned, set: |i, v| i.finetuned = v, used: always, mode: None },
    Ranged { name: "requests", label: "Monthly requests", low: Field::RequestsLow, high: Field::RequestsHigh, ends: Ends::Percent, get: |i| i.requests, set: |i, v| i.requests = v, used: always, mode: None },
    Ranged { name: "growth", label: "Monthly volume growth", low: Field::GrowthLow, high: Field::GrowthHigh, ends: Ends::Absolute, get: |i| i.growth * 100.0, set: |i, v| i.growth = v / 100.0, used: always, mode: None },
    // serving rates and throughput, in the serving mode that has them.
    Ranged { name: "base_host_rate", label: "Baseline hosting fee", low: Field::BaseHostRateLow, high: Field::BaseHostRateHigh, ends: Ends::Percent, get: |i| hourly_rate(&i.base_serving).unwrap_or(0.0), set: |i, v| set_hourly_rate(&mut i.base_serving, v), used: |i| hourly_rate(&i.base_serving).is_some(), mode: Some((Field::BaseServing, "hourly")) },
    Ranged { name: "base_unit_rate", label: "Baseline unit price", low: Field::BaseUnitRateLow, high: Field::BaseUnitRateHigh, ends: Ends::Percent, get: |i| i.base_serving.capacity().map_or(0.0, |c| c.unit_rate), set: |i, v| { if let Some(c) = capacity_mut(&mut i.base_serving) { c.unit_rate = v } }, used: |i| i.base_serving.capacity().is_some(), mode: Some((Field::BaseServing, "capacity")) },
    Ranged { name: "base_unit_rps", label: "Baseline throughput per unit", low: Field::BaseUnitRpsLow, high: Field::BaseUnitRpsHigh, ends: Ends::Percent, get: |i| i.base_serving.capacity().map_or(0.0, |c| c.unit_rps), set: |i, v| { if let Some(c) = capacity_mut(&mut i.base_serving) { c.unit_rps = v } }, used: |i| i.base_serving.capacity().is_some(), mode: Some((Field::BaseServing, "capacity")) },
    Ranged { name: "ft_host_rate", label: "Fine-tuned hosting fee", low: Field::FtHostRateLow, high: Field::FtHostRateHigh, ends: Ends::Percent, get: |i| hourly_rate(&i.ft_serving).unwrap_or(0.0), set: |i, v| set_hourly_rate(&mut i.ft_serving, v), used: |i| hourly_rate(&i.ft_serving).is_some(), mode: Some((Field::FtServing, "hourly")) },
    Ranged { name: "ft_unit_rate", label: "Fine-tuned unit price", low: Field::FtUnitRateLow, high: Field::FtUnitRateHigh, ends: Ends::Percent, get: |i| i.ft_serving.capacity().map_or(0.0, |c| c.unit_rate), set: |i, v| { if let Some(c) = capacity_mut(&mut i.ft_serving) { c.unit_rate = v } }, used: |i| i.ft_serving.capacity().is_some(), mode: Some((Field::FtServing, "capacity")) },
    Ranged { name: "ft_unit_rps", label: "Fine-tuned throughput per unit", low: Field::FtUnitRpsLow, high: Field::FtUnitRpsHigh, ends: Ends::Percent, get: |i| i.ft_serving.capacity().map_or(0.0, |c| c.unit_rps), set: |i, v| { if let Some(c) = capacity_mut(&mut i.ft_serving) { c.unit_rps = v } }, used: |i| i.ft_serving.capacity().is_some(), mode: Some((Field::FtServing, "capacity")) },
    // issue 29: the GPU price and the MFU of training priced by GPU time; a draw moves T by the change in the GPU job's cost.
    Ranged { name: "gpu_price", label: "GPU price", low: Field::GpuPriceLow, high: Field::GpuPriceHigh, ends: Ends::Percent, get: |i| i.gpu.map_or(0.0, |g| g.price), set: |i, v| set_gpu(i, |g| g.at_price(v)), used: |i| i.gpu.is_some(), mode: Some((Field::ComputeMode, "gpu")) },
    Ranged { name: "gpu_mfu", label: "Utilisation (MFU)", low: Field::GpuMfuLow, high: Field::GpuMfuHigh, ends: Ends::Percent, get: |i| i.gpu.map_or(0.0, |g| g.mfu * 100.0), set: |i, v| set_gpu(i, |g| g.at_mfu(v / 100.0)), used: |i| i.gpu.is_some(), mode: Some((Field::ComputeMode, "gpu")) },
];

/// The number of inputs that can carry a range.
pub const COUNT: usize = RANGED.len();

/// The fields of the simulation: every range's ends, then the number of
/// draws and the seed.
pub fn fields() -> impl Iterator<Item = Field> {
    RANGED
        .iter()
        .flat_map(|r| [r.low, r.high])
        .chain([Field::McDraws, Field::McSeed])
}

/// Whether `field` is one of the simulation's ([`fields`]).
pub fn is_simulation_field(field: Field) -> bool {
    fields().any(|f| f == field)
}

/// A triangular distribution: from `low` through its most likely value
/// `mode` to `high` (low ≤ mode ≤ high).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangular {
    /// The lowest value.
    pub low: f64,
    /// The most likely value (the scenario's).
    pub mode: f64,
    /// The highest value.
    pub high: f64,
}

impl Triangular {
    /// The value below which a share `u` (0 to 1) of the distribution lies:
    /// the inverse of its cumulative distribution function,
    /// low + √(u·(high − low)·(mode − low)) below the mode's share
    /// (mode − low) / (high − low), high − √((1 − u)·(high − low)·(high − mode))
    /// above it. Square roots only, so it is the same on every platform
    /// (IEEE 754 rounds them exactly). The mode when the width is zero.
    pub fn quantile(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if width <= 0.0 || !width.is_finite() {
            return c;
        }
        let u = u.clamp(0.0, 1.0);
        let x = if u * width < c - a {
            a + (u * width * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * width * (b - c)).sqrt()
        };
        x.clamp(a, b)
    }

    /// The share of the distribution at or below `x` (0 to 1).
    pub fn cdf(&self, x: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if x < a {
            0.0
        } else if x >= b {
            1.0
        } else if x <= c {
            (x - a) * (x - a) / (width * (c - a))
        } else {
            1.0 - (b - x) * (b - x) / (width * (b - c))
        }
    }
}

/// The validated ends of every range and the simulation's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranges {
    /// Each [`RANGED`] input's low and high end as typed (% for percent
    /// ends; `None` when the field is empty: no range on that side).
    pub ends: [(Option<f64>, Option<f64>); COUNT],
    /// Simulated cases, 1,000 to 100,000.
    pub draws: u32,
    /// The generator's seed, 0 to 2^53.
    pub seed: u64,
}

impl Default for Ranges {
    /// No range, the default draws (10,000) and seed (1).
    fn default() -> Self {
        Ranges {
            ends: [(None, None); COUNT],
            draws: 10_000,
            seed: 1,
        }
    }
}

impl Ranges {
    /// The distribution of [`RANGED`] input `k` in scenario `i`, or `None`
    /// when it is certain: no range typed, a range of zero width (both
    /// ends 0, or a value of 0 in percent), or an input the scenario does
    /// not use.
    pub fn distribution(&self, k: usize, i: &Inputs) -> Option<Triangular> {
        let r = RANGED.get(k)?;
        if !(r.used)(i) {
            return None;
        }
        let x = (r.get)(i);
        let (low, high) = self.ends[k];
        let t = match r.ends {
            Ends::Percent => Triangular {
                low: x * (1.0 + low.unwrap_or(0.0) / 100.0),
                mode: x,
                high: x * (1.0 + high.unwrap_or(0.0) / 100.0),
            },
            Ends::Absolute => Triangular {
                low: low.unwrap_or(x).min(x),
                mode: x,
                high: high.unwrap_or(x).max(x),
            },
        };
        (t.high > t.low).then_some(t)
    }

    /// The ranged inputs of scenario `i`: each one's index in [`RANGED`]
    /// and its distribution, in table order. Empty: nothing to simulate.
    pub fn active(&self, i: &Inputs) -> Vec<(usize, Triangular)> {
        (0..COUNT)
            .filter_map(|k| self.distribution(k, i).map(|t| (k, t)))
            .collect()
    }

    /// Whether any range field holds text (the page's Ranges section is
    /// then open), from the ends alone.
    pub fn any_typed(&self) -> bool {
        self.ends.iter().any(|(l, h)| l.is_some() || h.is_some())
    }
}
