//! Side-by-side comparison of scenarios: every input and every figure in
//! columns, the best value per figure marked, and the difference of each
//! column to the first.

use super::figure::{Better, Figure, Spec};
use super::format::{Fmt, MINUS};
use crate::core::codec::csv::{self, csv_row};
use crate::core::codec::export::{input_value, input_words, simulation_inputs, used_inputs};
use crate::core::inputs::field::{Field, Kind};
use crate::core::inputs::option_fields::Term;
use crate::core::inputs::parse::{parse_field, parse_inputs, parse_scenario, Parsed, RawInputs};
use crate::core::model::montecarlo::{simulate_scenario, SimFigure, Summary};
use crate::core::model::{calculate, Inputs, Results};
use crate::core::present::options::OptionsView;

/// One cell of the table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// The raw value; `None` when undefined or invalid.
    pub value: Option<f64>,
    /// The value for people.
    pub text: String,
    /// Whether this is the best value of its row.
    pub best: bool,
    /// The difference to the first column, for people (`+$1,200.00`).
    pub diff: Option<String>,
    /// The machine name of a status cell (`positive`, …; `invalid`).
    pub status: Option<&'static str>,
    /// What a text cell writes to the CSV: a model row's catalogue id
    /// (empty for none).
    pub label: Option<String>,
}

/// One row: an input or a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The input's or figure's public name.
    pub key: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Whether it is a figure (results) rather than an input.
    pub is_metric: bool,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// The comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows: the inputs, then the status, then every figure.
    pub rows: Vec<Row>,
}

/// `+x` / `−x` with the row's formatting applied to the magnitude.
fn signed_diff(d: f64, format: impl Fn(f64) -> String) -> String {
    if d == 0.0 {
        return format!("±{}", format(0.0));
    }
    let sign = if d > 0.0 { '+' } else { MINUS };
    format!("{sign}{}", format(d.abs()))
}

/// Writes the differences to the first column and, for figures, marks
/// the best cells. Columns with invalid inputs (`valid` false) take no part
/// in the ranking. Among the others an undefined value ranks last when it
/// means the figure never comes (`never`, [`Spec::never`]: never breaking
/// even is worse than any time); any other undefined value ("n/a") cannot
/// be ranked against a number, so then nothing is marked. Nothing is marked
/// either when every valid column has the same value.
fn finish(
    cells: &mut [Cell],
    valid: &[bool],
    better: Option<(Better, bool)>,
    format: impl Fn(f64) -> String,
) {
    let first = cells.first().and_then(|c| c.value);
    for cell in cells.iter_mut().skip(1) {
        cell.diff = match (first, cell.value) {
            (Some(a), Some(b)) => Some(signed_diff(b - a, &format)),
            _ => None,
        };
    }
    let Some((better, never)) = better else {
        return;
    };
    let ranked: Vec<Option<f64>> = cells
        .iter()
        .zip(valid)
        .filter(|(_, &ok)| ok)
        .map(|(c, _)| c.value)
        .collect();
    if !never && ranked.contains(&None) {
        return;
    }
    let best = ranked
        .iter()
        .flatten()
        .copied()
        .reduce(|a, b| match better {
            Better::Higher => a.max(b),
            Better::Lower => a.min(b),
        });
    let Some(best) = best else { return };
    if ranked.iter().all(|v| *v == Some(best)) {
        return;
    }
    for (cell, &ok) in cells.iter_mut().zip(valid) {
        cell.best = ok && cell.value == Some(best);
    }
}

/// A column's simulation, for [`compare_with`].
#[derive(Clone, Debug, PartialEq)]
pub enum Simulated {
    /// The scenario has no range (or is invalid).
    NoRange,
    /// Its simulation is still running: its cells say so.
    Running,
    /// Its figures.
    Done(Box<Summary>),
}

/// Compares named scenarios given as field texts. A scenario with invalid
/// fields shows its inputs and "invalid" for every figure. The simulation
/// of each scenario's ranges is run here.
pub fn compare(fmt: Fmt, scenarios: &[(String, RawInputs)]) -> Table {
    let sims: Vec<Simulated> = scenarios
        .iter()
        .map(|(_, raw)| {
            simulate_scenario(raw).map_or(Simulated::NoRange, |s| Simulated::Done(Box::new(s)))
        })
        .collect();
    compare_with(fmt, scenarios, &sims)
}

/// [`compare`], with each scenario's simulation given: the ranges' ends,
/// the cases and the seed as inputs, and the simulation's figures, when any
/// scenario has them.
pub fn compare_with(fmt: Fmt, scenarios: &[(String, RawInputs)], sims: &[Simulated]) -> Table {
    let done = |k: usize| match sims.get(k) {
        Some(Simulated::Done(s)) => Some(&**s),
        _ => None,
    };
    let inputs: Vec<Option<Inputs>> = scenarios
        .iter()
        .map(|(_, raw)| parse_inputs(raw).ok())
        .collect();
    let results: Vec<Option<Results>> = inputs.iter().map(|i| i.as_ref().map(calculate)).collect();
    let valid: Vec<bool> = results.iter().map(Option::is_some).collect();
    let mut rows = models(scenarios);
    // The model's inputs, whether entered directly or built from parts,
    // and any extra input one of the scenarios uses.
    for field in used_inputs(inputs.iter().flatten()) {
        let values = inputs.iter().map(|i| match i {
            // A serving value of a mode this scenario does not use.
            Some(i) => input_value(i, field).ok_or("not used"),
            None => Err("invalid"),
        });
        rows.push(input_row(fmt, field, values, &valid));
    }
    // The simulation's inputs, then (below) its figures.
    let sim_inputs: Vec<Vec<(Field, f64)>> = (0..scenarios.len())
        .map(|k| done(k).map(simulation_inputs).unwrap_or_default())
        .collect();
    for field in crate::core::model::uncertainty::fields() {
        if !sim_inputs.iter().flatten().any(|(f, _)| *f == field) {
            continue;
        }
        let values = sim_inputs.iter().zip(&valid).map(|(list, &ok)| {
            let value = list.iter().find(|(f, _)| *f == field).map(|(_, v)| *v);
            value.ok_or(if ok { "none" } else { "invalid" })
        });
        rows.push(input_row(fmt, field, values, &valid));
    }
    rows.push(Row {
        key: "status",
        label: "Status",
        is_metric: true,
        cells: results
            .iter()
            .map(|r| Cell {
                text: r.map_or("invalid", |r| r.status.label()).to_owned(),
                status: Some(r.map_or("invalid", |r| r.status.name())),
                ..Cell::default()
            })
            .collect(),
    });
    // The serving figures when one of the scenarios pays for serving.
    let serving = results.iter().flatten().any(|r| r.serving);
    for figure in Figure::shown(serving) {
        let sources = results.iter().map(|r| r.as_ref().ok_or("invalid"));
        rows.push(figure_row(fmt, figure.spec(), sources, &valid));
    }
    rows.extend(option_rows(fmt, scenarios, &valid));
    if sims.iter().any(|s| *s != Simulated::NoRange) {
        let simulated: Vec<bool> = (0..scenarios.len())
            .map(|k| valid[k] && done(k).is_some())
            .collect();
        for figure in SimFigure::ALL {
            let sources = (0..scenarios.len()).map(|k| match (sims.get(k), valid[k]) {
                (Some(Simulated::Done(s)), _) => Ok(&**s),
                (Some(Simulated::Running), _) => Err("simulating…"),
                (_, ok) => Err(if ok { "no range" } else { "invalid" }),
            });
            rows.push(figure_row(fmt, figure.spec(), sources, &simulated));
        }
    }
    Table {
        columns: scenarios.iter().map(|(n, _)| n.clone()).collect(),
        rows,
    }
}

/// Public names and labels of the options' rows, by option number − 1.
const OPTION_COST: [(&str, &str); 6] = [
    ("option_cost_1", "Option 1 cost"),
    ("option_cost_2", "Option 2 cost"),
    ("option_cost_3", "Option 3 cost"),
    ("option_cost_4", "Option 4 cost"),
    ("option_cost_5", "Option 5 cost"),
    ("option_cost_6", "Option 6 cost"),
];

/// The options' rows (issue 28), when one of the scenarios added options:
/// each added option's kind and name, its numbers the scenarios use, then
/// each option's cost (the lowest marked), the cheapest option and the
/// crossover volumes. None otherwise, so other comparisons are as before.
fn option_rows(fmt: Fmt, scenarios: &[(String, RawInputs)], valid: &[bool]) -> Vec<Row> {
    let parsed: Vec<Option<Parsed>> = scenarios
        .iter()
        .map(|(_, raw)| parse_scenario(raw).parsed)
        .collect();
    if !parsed.iter().flatten().any(|p| !p.options.is_empty()) {
        return Vec::new();
    }
    let views: Vec<Option<OptionsView>> = parsed
        .iter()
        .map(|p| p.as_ref().map(OptionsView::of))
        .collect();
    let text_cells = |f: &dyn Fn(&OptionsView) -> String| -> Vec<Cell> {
        views
            .iter()
            .map(|v| Cell {
                text: v.as_ref().map_or_else(|| "invalid".to_owned(), f),
                ..Cell::default()
            })
            .collect()
    };
    let mut rows = Vec::new();
    // The added options' fields any scenario uses, in form order.
    let mut fields: Vec<Field> = parsed
        .iter()
        .flatten()
        .flat_map(|p| {
            p.options
                .iter()
                .flat_map(|o| o.terms.iter().filter_map(|t| t.of(o.number)))
        })
        .collect();
    fields.sort();
    fields.dedup();
    for field in fields {
        if field.kind() == Kind::Label {
            let cells = scenarios
                .iter()
                .zip(&parsed)
                .map(|((_, raw), p)| {
                    let used = p.as_ref().is_some_and(|p| {
                        p.options.iter().any(|o| {
                            Some(field) == Term::Kind.of(o.number)
                                || Some(field) == Term::Name.of(o.number)
                        })
                    });
                    Cell {
                        text: if used {
                            raw.get(field).trim().to_owned()
                        } else {
                            "not used".to_owned()
                        },
                        ..Cell::default()
                    }
                })
                .collect();
            rows.push(Row {
                key: field.name(),
                label: field.label(),
                is_metric: false,
                cells,
            });
            continue;
        }
        let values = scenarios.iter().zip(&parsed).map(|((_, raw), p)| {
            let used = p.as_ref().is_some_and(|p| {
                p.options
                    .iter()
                    .any(|o| o.terms.iter().any(|t| t.of(o.number) == Some(field)))
            });
            if !used {
                return Err("not used");
            }
            parse_field(field, raw.get(field), raw.decimal_mark()).map_err(|_| "invalid")
        });
        rows.push(input_row(fmt, field, values, valid));
    }
    for (k, &(key, label)) in OPTION_COST.iter().enumerate() {
        let number = k + 1;
        if !views
            .iter()
            .flatten()
            .any(|v| v.lines.iter().any(|l| l.number == number))
        {
            continue;
        }
        let mut cells: Vec<Cell> = views
            .iter()
            .map(|v| {
                let line = v
                    .as_ref()
                    .and_then(|v| v.lines.iter().find(|l| l.number == number));
                match line {
                    None if v.is_none() => Cell {
                        text: "invalid".to_owned(),
                        ..Cell::default()
                    },
                    None => Cell {
                        text: "none".to_owned(),
                        ..Cell::default()
                    },
                    Some(l) => match l.cost {
                        Some(c) => Cell {
                            value: Some(c.cost),
                            text: fmt.money(c.cost),
                            ..Cell::default()
                        },
                        None => Cell {
                            text: "invalid".to_owned(),
                            ..Cell::default()
                        },
                    },
                }
            })
            .collect();
        finish(&mut cells, valid, None, |v| fmt.money(v));
        rows.push(Row {
            key,
            label,
            is_metric: true,
            cells,
        });
    }
    rows.push(Row {
        key: "cheapest_option",
        label: "Cheapest option",
        is_metric: true,
        cells: text_cells(&|v| v.cheapest_text()),
    });
    rows.push(Row {
        key: "crossover_volumes",
        label: "Cheapest changes at",
        is_metric: true,
        cells: text_cells(&|v| v.crossovers_text(fmt)),
    });
    rows
}

/// An input's row: per column its value in the form's words, or the
/// words that stand in its place (`Err`: "not used", "none", "invalid"),
/// and the differences to the first column.
fn input_row<'a>(
    fmt: Fmt,
    field: Field,
    values: impl Iterator<Item = Result<f64, &'a str>>,
    valid: &[bool],
) -> Row {
    let mut cells: Vec<Cell> = values
        .map(|v| Cell {
            value: v.ok(),
            text: v.map_or_else(str::to_owned, |v| input_words(fmt, field, v)),
            ..Cell::default()
        })
        .collect();
    finish(&mut cells, valid, None, |v| input_words(fmt, field, v));
    // A choice (a serving mode) differs in kind, not by an amount.
    if matches!(field.kind(), Kind::Choice(_)) {
        cells.iter_mut().for_each(|c| c.diff = None);
    }
    Row {
        key: field.name(),
        label: field.label(),
        is_metric: false,
        cells,
    }
}

/// A figure's row: per column the figure read from its source, or the
/// words that stand in its place (`Err`: "invalid", "simulating…",
/// "no range"), the differences to the first column and the best of the
/// `ranked` columns marked.
fn figure_row<'a, R: 'a>(
    fmt: Fmt,
    spec: &'static Spec<R>,
    sources: impl Iterator<Item = Result<&'a R, &'a str>>,
    ranked: &[bool],
) -> Row {
    let mut cells: Vec<Cell> = sources
        .map(|source| match source {
            Ok(r) => Cell {
                value: (spec.get)(r),
                text: spec.text(fmt, r),
                ..Cell::default()
            },
            Err(words) => Cell {
                text: words.to_owned(),
                ..Cell::default()
            },
        })
        .collect();
    finish(&mut cells, ranked, Some((spec.better, spec.never())), |v| {
        (spec.format)(fmt, v)
    });
    Row {
        key: spec.name,
        label: spec.label,
        is_metric: true,
        cells,
    }
}

/// The rows naming each scenario's models, when one of them
/// names any: per side, the catalogue's name and provider for the
/// scenario's `base_model` / `ft_model` id, the id itself when the
/// catalogue does not know it, a dash when the scenario names none.
fn models(scenarios: &[(String, RawInputs)]) -> Vec<Row> {
    [Field::BaseModel, Field::FtModel]
        .into_iter()
        .filter(|&f| {
            scenarios
                .iter()
                .any(|(_, raw)| !raw.get(f).trim().is_empty())
        })
        .map(|field| Row {
            key: field.name(),
            label: field.label(),
            is_metric: false,
            cells: scenarios
                .iter()
                .map(|(_, raw)| {
                    let id = raw.get(field).trim();
                    let text = match crate::core::catalogue::entry(id) {
                        _ if id.is_empty() => "—".to_owned(),
                        Some(e) => format!("{} ({})", e.name, e.provider),
                        None => id.to_owned(),
                    };
                    Cell {
                        text,
                        label: Some(id.to_owned()),
                        ..Cell::default()
                    }
                })
                .collect(),
        })
        .collect()
}

impl Table {
    /// The table as CSV: one row per input or figure, raw values (to 15
    /// significant digits, [`super::format::data`]).
    pub fn to_csv(&self) -> String {
        // The column names are the scenarios' names: user text.
        let mut out = csv_row(
            [csv::Cell::Text("name"), csv::Cell::Text("label")]
                .into_iter()
                .chain(self.columns.iter().map(|c| csv::Cell::Text(c))),
        );
        for row in &self.rows {
            let values: Vec<String> = row
                .cells
                .iter()
                .map(|c| match (c.value, &c.label) {
                    (Some(v), _) => super::format::data(v),
                    (None, Some(label)) => label.clone(),
                    (None, None) => c.status.unwrap_or_default().to_owned(),
                })
                .collect();
            // A model's id is user text (a typed label): written as text.
            out += &csv_row(
                [csv::Cell::Text(row.key), csv::Cell::Text(row.label)]
                    .into_iter()
                    .chain(row.cells.iter().zip(&values).map(|(c, v)| {
                        if c.label.is_some() {
                            csv::Cell::Text(v)
                        } else {
                            csv::Cell::Number(v)
                        }
                    })),
            );
        }
        out
    }
}
