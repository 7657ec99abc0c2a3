//! The decision table for the user's own options (issue 28): the article's
//! table by monthly tokens ("prompting / fine-tune if accuracy is critical
//! / fine-tune") computed instead of quoted. Its rows are bands of the
//! starting monthly volume delimited by the crossover volumes, each naming
//! the cheapest option there and, where valuing the errors avoided changes
//! the answer, the option cheapest on cost alone. Definition:
//! docs/model.md, "The decision table".

use super::format::Fmt;
use super::options::OptionsView;
use crate::core::inputs::parse::Parsed;
use crate::core::model::options::{crossovers, Crossovers, MAX_VOLUME};
use crate::core::model::{Approach, Basis};

/// One row: a band of starting monthly volumes (requests a month) and the
/// options cheapest in it, by number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Its lowest volume: 0 or a crossover volume.
    pub from: f64,
    /// The next crossover volume; for the last band `None` (it runs to the
    /// largest volume the page accepts), or where a crossover search
    /// stopped ([`DecisionTable::gave_up_at`]).
    pub to: Option<f64>,
    /// The cheapest option just above `from` and up to `to`, by
    /// present-value cost with the errors avoided valued at the scenario's
    /// `error_value` (the page's `cheapest_option` at those volumes).
    pub cheapest: usize,
    /// The cheapest option in the band on cost alone: every option's
    /// accuracy gain taken as 0. When it differs from `cheapest`, the row
    /// reads "`cost_only` on cost alone; `cheapest` if accuracy is
    /// critical".
    pub cost_only: usize,
}

impl Band {
    /// Whether valuing the errors avoided changes the cheapest in this band.
    pub fn accuracy_decides(&self) -> bool {
        self.cheapest != self.cost_only
    }
}

/// The decision table of a scenario's options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionTable {
    /// The bands in increasing volume, the first from 0; empty when no
    /// option is valid.
    pub bands: Vec<Band>,
    /// Tokens per request of option 1 (input + output), when costs are
    /// built from tokens: a band's monthly tokens are its volumes × this.
    pub tokens_per_request: Option<f64>,
    /// `Some(v)`: a crossover search stopped at starting volume v; the last
    /// band ends there and nothing above it is known.
    pub gave_up_at: Option<f64>,
}

/// The bands of `options` (number, approach or `None` when invalid; the
/// invalid ones are left out as in the cheapest and the crossovers) on
/// `basis` (its `requests` is ignored). The edges are the crossover
/// volumes of the options as they are (errors valued at the basis's
/// `error_value`: the page's `crossover_volumes`, to the last bit) merged
/// with those of the same options with every accuracy gain set to 0
/// (cost alone); with no error value or no accuracy gain the two are the
/// same and the edges are exactly the page's crossover volumes.
pub fn bands(basis: &Basis, options: &[(usize, Option<Approach>)]) -> DecisionTable {
    let valid: Vec<(usize, Approach)> = options
        .iter()
        .filter_map(|&(k, a)| a.map(|a| (k, a)))
        .collect();
    if valid.is_empty() {
        return DecisionTable::default();
    }
    let approaches: Vec<Approach> = valid.iter().map(|&(_, a)| a).collect();
    let valued = crossovers(basis, &approaches, MAX_VOLUME);
    let errors_count = basis.error_value != 0.0 && approaches.iter().any(|a| a.accuracy != 0.0);
    let plain = if errors_count {
        let no_accuracy: Vec<Approach> = approaches
            .iter()
            .map(|a| Approach {
                accuracy: 0.0,
                ..*a
            })
            .collect();
        crossovers(basis, &no_accuracy, MAX_VOLUME)
    } else {
        valued.clone()
    };
    let gave_up_at = match (valued.gave_up_at, plain.gave_up_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let number = |i: usize| valid[i].0;
    let mut bands = Vec::new();
    let (mut from, mut cheapest, mut cost_only) = (0.0, valued.first, plain.first);
    for (v, new_valued, new_plain) in merged(&valued, &plain) {
        if gave_up_at.is_some_and(|g| v > g) {
            break;
        }
        bands.push(Band {
            from,
            to: Some(v),
            cheapest: number(cheapest),
            cost_only: number(cost_only),
        });
        from = v;
        cheapest = new_valued.unwrap_or(cheapest);
        cost_only = new_plain.unwrap_or(cost_only);
    }
    bands.push(Band {
        from,
        to: gave_up_at,
        cheapest: number(cheapest),
        cost_only: number(cost_only),
    });
    DecisionTable {
        bands,
        tokens_per_request: None,
        gave_up_at,
    }
}

/// The changes of both searches in increasing volume, one entry per
/// volume: the volume, the new cheapest counting errors and the new
/// cheapest on cost alone (`None` where that one does not change there).
fn merged(valued: &Crossovers, plain: &Crossovers) -> Vec<(f64, Option<usize>, Option<usize>)> {
    let (a, b) = (&valued.changes, &plain.changes);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(va, ka)), Some(&(vb, kb))) if va == vb => {
                out.push((va, Some(ka), Some(kb)));
                i += 1;
                j += 1;
            }
            (Some(&(va, ka)), Some(&(vb, _))) if va < vb => {
                out.push((va, Some(ka), None));
                i += 1;
            }
            (Some(&(va, ka)), None) => {
                out.push((va, Some(ka), None));
                i += 1;
            }
            (_, Some(&(vb, kb))) => {
                out.push((vb, None, Some(kb)));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// One row as the page writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The band it writes.
    pub band: Band,
    /// "0 to 17,107" or "17,107 and more" (requests a month).
    pub requests: String,
    /// The same band in tokens a month ("0 to 51.3M"), when known.
    pub tokens: Option<String>,
    /// "Distilled (option 4)", or "Baseline (option 1) on cost alone;
    /// Fine-tuned (option 2) if accuracy is critical".
    pub advice: String,
}

impl DecisionTable {
    /// The decision table of a validated scenario's options.
    pub fn of(p: &Parsed) -> DecisionTable {
        DecisionTable {
            tokens_per_request: p
                .tokens
                .map(|t| t.baseline_side.input_tokens + t.baseline_side.output_tokens),
            ..bands(&Basis::of(&p.inputs), &p.option_approaches())
        }
    }

    /// The band holding starting volume `v` (requests a month): the last
    /// band whose `from` is at or below it.
    pub fn band_at(&self, v: f64) -> Option<usize> {
        self.bands.iter().rposition(|b| b.from <= v)
    }

    /// The rows in words, with the options' titles from `view`.
    pub fn rows(&self, view: &OptionsView, fmt: Fmt) -> Vec<Row> {
        let name = |k: usize| format!("{} (option {k})", view.title(k));
        let range = |from: f64, to: Option<f64>, write: &dyn Fn(f64) -> String| match to {
            Some(to) => format!("{} to {}", write(from), write(to)),
            None => format!("{} and more", write(from)),
        };
        self.bands
            .iter()
            .map(|&band| Row {
                band,
                requests: range(band.from, band.to, &|x| fmt.count(x)),
                tokens: self.tokens_per_request.map(|t| {
                    range(band.from * t, band.to.map(|v| v * t), &|x| {
                        fmt.count_short(x)
                    })
                }),
                advice: if band.accuracy_decides() {
                    format!(
                        "{} on cost alone; {} if accuracy is critical",
                        name(band.cost_only),
                        name(band.cheapest)
                    )
                } else {
                    name(band.cheapest)
                },
            })
            .collect()
    }
}
