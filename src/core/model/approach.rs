//! A side of the comparison as a value ([`Approach`]: what one way of
//! serving the requests costs and how accurate it is) and two of them
//! compared on a [`Basis`] ([`Comparison`]: the incremental terms the
//! closed form, the schedule and the volume search use). Today's two sides
//! are built from [`Inputs`]; another kind of side (prompting with caching,
//! another model, retrieval, distillation) is another `Approach`, compared
//! by the same code.

use super::basis::{difference, retrainings_by, Basis};
use super::lifecycle::Migration;
use super::serving::Serving;
use super::types::Inputs;

/// One side: a way of serving the scenario's requests, with its own costs
/// and accuracy. Named `Approach`, not `Side` (the catalogue's enum of the
/// form's two columns, [`crate::core::catalogue::Side`]) nor `Option` (the
/// standard library's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Approach {
    /// Cost per request ($): b for the baseline, f for the fine-tuned model.
    pub cost_per_request: f64,
    /// Fixed cost a month ($), whatever the volume: the fine-tuned model's
    /// maintenance M.
    pub monthly: f64,
    /// How the model is served beyond its cost per request.
    pub serving: Serving,
    /// One-time cost ($) before month 1: the fine-tuned model's training T.
    pub one_time: f64,
    /// Its retraining: a lump sum on a calendar.
    pub retraining: Retraining,
    /// Accuracy, in percentage points above the baseline's (the baseline
    /// 0, the fine-tuned model its gain a).
    pub accuracy: f64,
}

impl Approach {
    /// The side's cost over a horizon of `months`, from its `variable`
    /// costs over it (requests and serving): + monthly cost × months +
    /// its retrainings by then + its one-time cost ($).
    pub fn horizon_cost(&self, variable: f64, months: f64) -> f64 {
        variable + self.monthly * months + self.retraining.cost_by(months) + self.one_time
    }
}

/// A side's retraining: `cost` R a time, `per_year` c times a year, the
/// k-th at month k·12/c ([`retrainings_by`]); and its one-off migration
/// lump when its model shuts down within the horizon (issue 27), which
/// lands like a retraining, at the end of its month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Retraining {
    /// Cost of one retraining R ($).
    pub cost: f64,
    /// Retrainings a year c.
    pub per_year: f64,
    /// The migration lump ([`Migration::NONE`] for none).
    pub migration: Migration,
}

impl Retraining {
    /// Whether the retraining calendar costs anything: lump sums then
    /// mark the position.
    pub fn is_on(&self) -> bool {
        self.cost > 0.0 && self.per_year > 0.0
    }

    /// Whether any lump costs anything: the calendar's or the migration's.
    pub fn has_lumps(&self) -> bool {
        self.is_on() || self.migration.is_on()
    }

    /// Retrainings by time `t` (months).
    pub fn count_by(&self, t: f64) -> f64 {
        retrainings_by(t, self.per_year)
    }

    /// What the retrainings by time `t` (months) cost ($), with the
    /// migration once `t` reaches the end of its month.
    pub fn cost_by(&self, t: f64) -> f64 {
        self.cost * self.count_by(t) + self.migration.cost_by(t)
    }
}

impl Inputs {
    /// Side A of the scenario: the model used today.
    pub const fn baseline_approach(&self) -> Approach {
        Approach {
            cost_per_request: self.baseline,
            monthly: 0.0,
            serving: self.base_serving,
            one_time: 0.0,
            retraining: Retraining {
                cost: 0.0,
                per_year: 0.0,
                migration: Migration::NONE,
            },
            accuracy: 0.0,
        }
    }

    /// Side B of the scenario: the fine-tuned model.
    pub const fn finetuned_approach(&self) -> Approach {
        Approach {
            cost_per_request: self.finetuned,
            monthly: self.maintenance,
            serving: self.ft_serving,
            one_time: self.training,
            retraining: Retraining {
                cost: self.retrain_cost,
                per_year: self.retrain_per_year,
                migration: self.migration,
            },
            accuracy: self.accuracy_gain,
        }
    }

    /// Whether either side pays for serving beyond its per-request costs
    /// ([`Comparison::has_serving`]).
    pub const fn has_serving(&self) -> bool {
        Comparison::of(self).has_serving()
    }
}

/// Side B against side A on a basis: B's costs and gains over A's, the
/// terms every figure is made of. Every figure of [`super::types::Results`]
/// is B's change over A ("fine-tuned" names B, "baseline" A).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// The horizon and its months.
    pub basis: Basis,
    /// The side compared against (today's setup).
    pub a: Approach,
    /// The side considered (the fine-tuned model).
    pub b: Approach,
}

impl Comparison {
    /// The fine-tuned model against the baseline, on scenario `i`'s basis.
    pub const fn of(i: &Inputs) -> Comparison {
        Comparison {
            basis: Basis::of(i),
            a: i.baseline_approach(),
            b: i.finetuned_approach(),
        }
    }

    /// s = cost per request of A − that of B ($ per request).
    pub fn request_savings(&self) -> f64 {
        difference(self.a.cost_per_request, self.b.cost_per_request)
    }

    /// The value of B's accuracy over A's per request: (a_B − a_A)/100 · e.
    pub fn quality_per_request(&self) -> f64 {
        (self.b.accuracy - self.a.accuracy) / 100.0 * self.basis.error_value
    }

    /// The per-request benefit u = s + the value of accuracy per request.
    pub fn per_request_benefit(&self) -> f64 {
        self.request_savings() + self.quality_per_request()
    }

    /// M: B's fixed monthly cost over A's ($ a month).
    pub fn monthly(&self) -> f64 {
        self.b.monthly - self.a.monthly
    }

    /// T: B's one-time cost over A's ($).
    pub fn one_time(&self) -> f64 {
        self.b.one_time - self.a.one_time
    }

    /// B's retraining by time `t` (months) over A's ($).
    pub fn retraining_by(&self, t: f64) -> f64 {
        self.b.retraining.cost_by(t) - self.a.retraining.cost_by(t)
    }

    /// Whether either side retrains or migrates: lump sums then mark the
    /// position.
    pub fn lumps(&self) -> bool {
        self.a.retraining.has_lumps() || self.b.retraining.has_lumps()
    }

    /// Whether serving costs beyond the per-request costs count: either
    /// side pays for them. With both per token every figure is the model's
    /// without serving.
    pub const fn has_serving(&self) -> bool {
        !self.a.serving.is_per_token() || !self.b.serving.is_per_token()
    }
}
