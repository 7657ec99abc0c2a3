//! The six inputs of the model: their public names, labels, units, hints,
//! steps and limits. The `name`s are a public interface (form field names and
//! URL query keys); never rename them.

/// Largest accepted absolute value of any money or volume input.
pub const MAX_VALUE: f64 = 1e15;
/// Smallest accepted non-zero value: below it the figures stop being
/// meaningful money and only invite floating-point noise.
pub const MIN_NONZERO: f64 = 1e-9;
/// Longest horizon, in months (fifty years).
pub const MAX_MONTHS: u32 = 600;

/// One input of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// One-time training and setup cost T, in dollars.
    Training,
    /// Recurring maintenance M, in dollars per month.
    Maintenance,
    /// Baseline cost per request b, in dollars.
    Baseline,
    /// Fine-tuned cost per request f, in dollars.
    Finetuned,
    /// Monthly requests V.
    Requests,
    /// Horizon H, in whole months.
    Months,
}

/// How a field's value is written and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Dollars, any non-negative amount.
    Money,
    /// Dollars per request, shown with the precision it needs.
    UnitCost,
    /// A count of requests (may be an average, so fractions are allowed).
    Count,
    /// Whole months from 1 to [`MAX_MONTHS`].
    Months,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 6] = [
        Field::Training,
        Field::Maintenance,
        Field::Baseline,
        Field::Finetuned,
        Field::Requests,
        Field::Months,
    ];

    /// Position in [`Field::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The public name: the input's `name` attribute and its URL query key.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Training => "training",
            Field::Maintenance => "maintenance",
            Field::Baseline => "baseline",
            Field::Finetuned => "finetuned",
            Field::Requests => "requests",
            Field::Months => "months",
        }
    }

    /// The field whose public name is `name`.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The label shown to users.
    pub const fn label(self) -> &'static str {
        match self {
            Field::Training => "Training and setup cost",
            Field::Maintenance => "Monthly maintenance",
            Field::Baseline => "Baseline cost per request",
            Field::Finetuned => "Fine-tuned cost per request",
            Field::Requests => "Monthly requests",
            Field::Months => "Horizon",
        }
    }

    /// The unit shown next to the field.
    pub const fn unit(self) -> &'static str {
        match self {
            Field::Training => "$ one-time",
            Field::Maintenance => "$ / month",
            Field::Baseline | Field::Finetuned => "$ / request",
            Field::Requests => "requests / month",
            Field::Months => "months",
        }
    }

    /// A one-line hint under the field.
    pub const fn hint(self) -> &'static str {
        match self {
            Field::Training => "Labeling, training runs, evaluation and deployment work.",
            Field::Maintenance => {
                "Monitoring, evaluation, hosting premium and retraining, averaged."
            }
            Field::Baseline => "Average all-in cost of one request today, retries included.",
            Field::Finetuned => "Average cost with the fine-tuned model, fallbacks included.",
            Field::Requests => "Production requests the model serves each month.",
            Field::Months => "How far ahead to project: 1 to 600 whole months.",
        }
    }

    /// The step of the arrow keys.
    pub const fn step(self) -> f64 {
        match self {
            Field::Training => 100.0,
            Field::Maintenance => 10.0,
            Field::Baseline | Field::Finetuned => 0.001,
            Field::Requests => 1000.0,
            Field::Months => 1.0,
        }
    }

    /// How the value is written and checked.
    pub const fn kind(self) -> Kind {
        match self {
            Field::Training | Field::Maintenance => Kind::Money,
            Field::Baseline | Field::Finetuned => Kind::UnitCost,
            Field::Requests => Kind::Count,
            Field::Months => Kind::Months,
        }
    }

    /// The text of the field in the reference example (the default scenario).
    pub const fn example(self) -> &'static str {
        match self {
            Field::Training => "2500",
            Field::Maintenance => "100",
            Field::Baseline => "0.02",
            Field::Finetuned => "0.012",
            Field::Requests => "100000",
            Field::Months => "12",
        }
    }
}
