//! Serving costs: what one side pays, month by month, to have
//! its model served beyond its per-request costs: nothing (`per_token`), an
//! hourly fee per deployment (`hourly`, Azure OpenAI's hosting fee), or
//! units sized to the peak load (`capacity`: GPUs, replicas,
//! provisioned-throughput units). A leaf of the core: the model, the
//! schedule and the break-even volume search all read it.

/// Hours billed in an average month: 8,760 ÷ 12.
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Most hours a month can bill: a 31-day month.
pub const MAX_HOURS: u32 = 744;
/// Most deployments or minimum units.
pub const MAX_UNITS: u32 = 10_000;
/// Most peak-to-average load.
pub const MAX_PEAK: u32 = 100;
/// A load within this relative distance of a whole number of units needs
/// that many units, not one more (decimal inputs are not exact in binary:
/// 2,628,000 requests at 1 request per second for 730 hours is 1 unit).
pub const UNIT_TOLERANCE: f64 = 1e-9;
/// Seconds in an hour.
const SECONDS: f64 = 3600.0;

/// Capacity mode: units sized to the load, billed per unit-hour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Capacity {
    /// Price of one unit for one hour ($ per unit-hour).
    pub unit_rate: f64,
    /// Requests per second one unit sustains at the latency needed (> 0).
    pub unit_rps: f64,
    /// Peak-to-average load the units are sized for (1 to 100).
    pub peak_factor: f64,
    /// Units always running, whatever the load (a whole number; 0 scales to
    /// zero).
    pub min_units: f64,
    /// Hours each unit is billed a month (0 to 744).
    pub unit_hours: f64,
}

impl Capacity {
    /// Requests one unit serves in a month at its throughput: rps × hours ×
    /// 3,600 (0 when it is billed no hours).
    pub fn unit_requests(&self) -> f64 {
        self.unit_rps * self.unit_hours * SECONDS
    }

    /// What one unit costs a month: unit_rate × unit_hours ($).
    pub fn unit_cost(&self) -> f64 {
        self.unit_rate * self.unit_hours
    }

    /// Units needed for a month of `requests`: max(min_units, ⌈requests ×
    /// peak ÷ (rps × hours × 3,600)⌉), a load within [`UNIT_TOLERANCE`] of a
    /// whole number needing that many. `None` when a unit is billed no
    /// hours: it then serves nothing, and no number of units would do.
    pub fn units(&self, requests: f64) -> Option<f64> {
        let capacity = self.unit_requests();
        if capacity <= 0.0 || !capacity.is_finite() {
            return None;
        }
        let load = requests * self.peak_factor / capacity;
        let needed = (load / (1.0 + UNIT_TOLERANCE)).ceil();
        needed.is_finite().then(|| needed.max(self.min_units))
    }
}

/// How one side's model is served.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Serving {
    /// Paid per request (per token) only: no serving cost (`per_token`).
    #[default]
    PerToken,
    /// A fee per deployment-hour on top of per-request costs (`hourly`).
    Hourly {
        /// $ per deployment-hour.
        rate: f64,
        /// Hours billed a month (0 to 744).
        hours: f64,
        /// Deployments paying the fee (a whole number, 0 allowed).
        deployments: f64,
    },
    /// Units sized to the load (`capacity`).
    Capacity(Capacity),
}

/// One month of a side's serving.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ServingMonth {
    /// The serving cost S_m ($): rate × hours × deployments, or units ×
    /// unit_rate × unit_hours; 0 per token.
    pub cost: f64,
    /// Units running, in capacity mode (`None` otherwise, or when a unit is
    /// billed no hours).
    pub units: Option<f64>,
    /// Requests ÷ (units × rps × hours × 3,600), as a fraction: the average
    /// use of the units (0 when no unit runs); capacity mode only.
    pub utilization: Option<f64>,
}

impl Serving {
    /// The option's public name: `per_token`, `hourly` or `capacity`.
    pub const fn name(&self) -> &'static str {
        match self {
            Serving::PerToken => "per_token",
            Serving::Hourly { .. } => "hourly",
            Serving::Capacity(_) => "capacity",
        }
    }

    /// Whether this side pays for serving beyond its per-request costs.
    pub const fn is_per_token(&self) -> bool {
        matches!(self, Serving::PerToken)
    }

    /// The capacity parameters, in capacity mode.
    pub const fn capacity(&self) -> Option<&Capacity> {
        match self {
            Serving::Capacity(c) => Some(c),
            _ => None,
        }
    }

    /// A month serving `requests`: its cost S_m, units and utilisation.
    /// Total: any finite inputs give finite numbers or `None`.
    pub fn month(&self, requests: f64) -> ServingMonth {
        match *self {
            Serving::PerToken => ServingMonth::default(),
            Serving::Hourly {
                rate,
                hours,
                deployments,
            } => ServingMonth {
                cost: rate * hours * deployments,
                ..ServingMonth::default()
            },
            Serving::Capacity(c) => match c.units(requests) {
                Some(units) => ServingMonth {
                    cost: units * c.unit_rate * c.unit_hours,
                    units: Some(units),
                    utilization: Some(if units > 0.0 {
                        requests / (units * c.unit_rps * c.unit_hours * SECONDS)
                    } else {
                        0.0
                    }),
                },
                // Billed no hours: nothing to pay, and no unit count.
                None => ServingMonth::default(),
            },
        }
    }

    /// Whether the cost is the same every month whatever the volume (per
    /// token or hourly).
    pub const fn is_fixed(&self) -> bool {
        !matches!(self, Serving::Capacity(_))
    }
}
