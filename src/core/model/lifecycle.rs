//! The model's end of life in the horizon: calendar months (`YYYY-MM`
//! counted as whole months since year 0), the month of the horizon that
//! holds a shutdown date, and the migration lump that month carries.
//! Pure and total; the dates come from the catalogue's lifecycle data
//! (`crate::core::catalogue::lifecycle`), the start month from the `start`
//! input. Definitions: docs/model.md ("The model's end of life").

/// A calendar month as a number: year × 12 + (month − 1). `2027-03` is
/// 2027 × 12 + 2. Consecutive months differ by 1.
pub type MonthIndex = i64;

/// The month of `text` written `YYYY-MM` (four-digit year 1000 to 9999,
/// month 01 to 12; surrounding whitespace ignored), or `None`.
pub fn month_index(text: &str) -> Option<MonthIndex> {
    let t = text.trim();
    let (y, m) = t.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i64 = y.parse().ok()?;
    let m: i64 = m.parse().ok()?;
    ((1000..=9999).contains(&y) && (1..=12).contains(&m)).then_some(y * 12 + m - 1)
}

/// The month holding a `YYYY-MM-DD` date, or `None` when it is not written
/// that way.
pub fn month_of_date(date: &str) -> Option<MonthIndex> {
    let (month, day) = (date.get(..7)?, date.get(7..)?);
    let day = day.strip_prefix('-')?;
    (day.len() == 2 && day.bytes().all(|c| c.is_ascii_digit()))
        .then(|| month_index(month))
        .flatten()
}

/// `YYYY-MM` of a month index (the inverse of [`month_index`]).
pub fn month_text(month: MonthIndex) -> String {
    let (y, m) = (month.div_euclid(12), month.rem_euclid(12) + 1);
    format!("{y:04}-{m:02}")
}

/// The 1-based month of a horizon starting in `start` that holds month
/// `at`: 1 for the start month itself, 0 or less for a month before it.
pub fn horizon_month(start: MonthIndex, at: MonthIndex) -> i64 {
    at - start + 1
}

/// Where a shutdown falls against a horizon of `months` months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Before the horizon's first month: the model is already shut down
    /// when the horizon starts.
    BeforeStart,
    /// In month k (1-based) of the horizon.
    Within(u32),
    /// After the horizon's last month: month k, k > the horizon.
    After(i64),
}

/// Where month `k` of a horizon (as [`horizon_month`] counts it) falls in a
/// horizon of `months` months.
pub fn placement(k: i64, months: u32) -> Placement {
    if k < 1 {
        Placement::BeforeStart
    } else if k <= i64::from(months) {
        // k ≤ months ≤ u32::MAX.
        Placement::Within(k as u32)
    } else {
        Placement::After(k)
    }
}

/// The migration lump: a one-off cost ($) in month `month` (1-based) of
/// the horizon, when the fine-tuned model shuts down then; like a
/// retraining lump it lands at the month's end. `month` 0 means none.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Migration {
    /// The migration cost ($): moving to a successor model.
    pub cost: f64,
    /// The month of the horizon it falls in, 1-based; 0 for none.
    pub month: u32,
}

impl Migration {
    /// No migration.
    pub const NONE: Migration = Migration {
        cost: 0.0,
        month: 0,
    };

    /// Whether it costs anything: only then does it change a figure (a
    /// lump of 0 leaves every figure exactly as it is).
    pub fn is_on(&self) -> bool {
        self.cost > 0.0 && self.month > 0
    }

    /// What it has cost by time `t` (months): its cost once `t` reaches
    /// the end of its month (with the retraining calendar's tolerance).
    pub fn cost_by(&self, t: f64) -> f64 {
        if self.is_on() && t + 1e-9 >= f64::from(self.month) {
            self.cost
        } else {
            0.0
        }
    }

    /// Its cost when it falls in month `m` (1-based), 0 otherwise.
    pub fn in_month(&self, m: u32) -> f64 {
        if self.is_on() && m == self.month {
            self.cost
        } else {
            0.0
        }
    }
}
