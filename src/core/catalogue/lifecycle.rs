//! The catalogue models' end of life: deprecation, the end of new
//! fine-tuning jobs and the shutdown, each with its source and date,
//! compiled in from `data/lifecycle.toml` (read and checked by build.rs;
//! see docs/catalogue.md). Lookups, where a picked fine-tuned model's
//! shutdown falls in the horizon, and the words and marks the page shows.
//! Pure: "today" is a parameter (days since 1970-01-01), read by the app.

use super::{day_number, entry};
use crate::core::model::lifecycle::{horizon_month, month_of_date, placement, Placement};
use crate::core::present::format::Escaped;

/// A date a source states about a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stated {
    /// `YYYY-MM-DD`.
    pub date: &'static str,
    /// An `https://` address, or (third party) words naming the account.
    pub source: &'static str,
    /// The date the source states or was read, `YYYY-MM-DD`.
    pub as_of: &'static str,
    /// Whether only third parties state it.
    pub third_party: bool,
    /// Whether it follows from a two-phase rule (a deployment retirement a
    /// number of years after the training retirement).
    pub derived: bool,
}

impl Stated {
    /// The date, with " (third-party report)" when only third parties state it.
    pub fn words(&self) -> String {
        if self.third_party {
            format!("{} (third-party report)", self.date)
        } else {
            self.date.to_owned()
        }
    }

    /// Its day number (days since 1970-01-01).
    pub fn day(&self) -> Option<i64> {
        day_number(self.date)
    }
}

/// One model's lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    /// The catalogue entry's id.
    pub id: &'static str,
    /// When its deprecation was announced.
    pub deprecated: Option<Stated>,
    /// The first day its fine-tuning takes no new jobs (Azure: training
    /// retirement).
    pub training_closes: Option<Stated>,
    /// The day it stops being served (Azure: deployment retirement).
    pub shutdown: Option<Stated>,
    /// Years from the training retirement to the deployment's, when the
    /// provider retires fine-tuned models in two phases.
    pub two_phase_years: Option<u32>,
    /// The two-phase rule's source address ("" without one).
    pub two_phase_source: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lifecycle.rs"));

/// The lifecycle row of catalogue entry `id`.
pub fn of(id: &str) -> Option<&'static Lifecycle> {
    LIFECYCLE.iter().find(|l| l.id == id.trim())
}

/// The shutdown that counts for entry `id`: its own, or, for a fine-tuned
/// model without one, its base model's (fine-tunes are served only until
/// their base model retires).
pub fn shutdown_of(id: &str) -> Option<Stated> {
    of(id).and_then(|l| l.shutdown).or_else(|| {
        entry(id.trim())
            .and_then(|e| e.base)
            .and_then(of)
            .and_then(|l| l.shutdown)
    })
}

/// What the page marks a model with, as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Shut down on or before that day.
    ShutDown(Stated),
    /// Still served, but its fine-tuning took no new jobs from that day.
    Closed(Stated),
}

impl Mark {
    /// The mark in words: "Shut down on 2026-10-23", "Closed to new
    /// fine-tuning jobs since 2027-01-06".
    pub fn words(&self) -> String {
        match self {
            Mark::ShutDown(s) => format!("Shut down on {}", s.words()),
            Mark::Closed(s) => format!("Closed to new fine-tuning jobs since {}", s.words()),
        }
    }

    /// A stable name for the mark (`data-life`): `shut-down`, `closed`.
    pub const fn name(&self) -> &'static str {
        match self {
            Mark::ShutDown(_) => "shut-down",
            Mark::Closed(_) => "closed",
        }
    }
}

/// The mark of entry `id` on day `today` (days since 1970-01-01): shut
/// down when its shutdown is on or before `today`, closed when its
/// fine-tuning stopped taking new jobs by then; `None` otherwise.
pub fn mark(id: &str, today: i64) -> Option<Mark> {
    let reached = |s: &Stated| s.day().is_some_and(|d| d <= today);
    if let Some(s) = shutdown_of(id).filter(reached) {
        return Some(Mark::ShutDown(s));
    }
    of(id)
        .and_then(|l| l.training_closes)
        .filter(reached)
        .map(Mark::Closed)
}

/// A fine-tuned model's shutdown against a horizon: which model, when, and
/// in which month of the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shutdown {
    /// The catalogue entry's id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The shutdown date and its source.
    pub stated: Stated,
    /// The month of the horizon holding it, 1-based (0 or less: before
    /// the horizon's first month).
    pub month: i64,
    /// Where that is against the horizon.
    pub placement: Placement,
}

/// The shutdown of catalogue entry `id` against a horizon of `months`
/// months starting in month `start` ([`crate::core::model::lifecycle::month_index`]),
/// when the catalogue knows one.
pub fn shutdown_in(id: &str, start: i64, months: u32) -> Option<Shutdown> {
    let e = entry(id.trim())?;
    let stated = shutdown_of(e.id)?;
    let k = horizon_month(start, month_of_date(stated.date)?);
    Some(Shutdown {
        id: e.id,
        name: e.name,
        stated,
        month: k,
        placement: placement(k, months),
    })
}

/// What the page says after the month of a shutdown within the horizon.
pub const SUCCESSOR: &str = "The migration cost is counted in that month; after it the figures assume a successor model at the same prices.";

impl Shutdown {
    /// Which model shuts down when: "GPT-3.5 Turbo, fine-tuned shuts down
    /// on 2026-10-23".
    pub fn when(&self) -> String {
        format!("{} shuts down on {}", self.name, self.stated.words())
    }

    /// The page's sentence: which model shuts down when, and where that
    /// falls in the horizon.
    pub fn words(&self) -> String {
        let when = self.when();
        match self.placement {
            Placement::Within(k) => format!("{when}: month {k} of the horizon. {SUCCESSOR}"),
            Placement::BeforeStart => format!(
                "{} was shut down on {}, before the horizon starts: it can no longer be used, so these figures are for a model you cannot run.",
                self.name,
                self.stated.words()
            ),
            Placement::After(k) => {
                format!("{when}: month {k}, after the horizon; no migration is counted.")
            }
        }
    }
}

/// What the catalogue view's row of entry `id` says about its end of life
/// on day `today`, as markup (`<br>` first; empty when nothing is known):
/// its mark in words (`data-life` = [`Mark::name`]), or the shutdown to
/// come (`data-life="shuts-down"`).
pub fn row_markup(id: &str, today: i64) -> String {
    let (life, words) = match mark(id, today) {
        Some(m) => (m.name(), m.words()),
        None => match shutdown_of(id) {
            Some(s) => ("shuts-down", format!("Shuts down on {}", s.words())),
            None => match of(id).and_then(|l| l.two_phase_years) {
                Some(years) => (
                    "two-phase",
                    format!(
                        "Retires in two phases: training, then deployments {years} year{} later (no dates known yet)",
                        if years == 1 { "" } else { "s" }
                    ),
                ),
                None => return String::new(),
            },
        },
    };
    format!(
        "<br><span class=\"life-mark small\" data-life=\"{life}\">{}</span>",
        Escaped(&words)
    )
}
