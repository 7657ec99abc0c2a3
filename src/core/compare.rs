//! Side-by-side comparison of scenarios: every input and every figure in
//! columns, the best value per figure marked, and the difference of each
//! column to the first.

use super::csv::{self, csv_row};
use super::export::{input_text, input_value, used_inputs};
use super::format::MINUS;
use super::metrics::{Better, METRICS, SERVING};
use super::model::{calculate, Inputs, Results};
use super::parse::{parse_inputs, RawInputs};

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
/// in the ranking; among the others an undefined value (never breaks even)
/// ranks last. Nothing is marked when every valid column has the same value.
fn finish(
    cells: &mut [Cell],
    valid: &[bool],
    better: Option<Better>,
    format: impl Fn(f64) -> String,
) {
    let first = cells.first().and_then(|c| c.value);
    for cell in cells.iter_mut().skip(1) {
        cell.diff = match (first, cell.value) {
            (Some(a), Some(b)) => Some(signed_diff(b - a, &format)),
            _ => None,
        };
    }
    let Some(better) = better else { return };
    let ranked: Vec<Option<f64>> = cells
        .iter()
        .zip(valid)
        .filter(|(_, &ok)| ok)
        .map(|(c, _)| c.value)
        .collect();
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

/// Compares named scenarios given as field texts. A scenario with invalid
/// fields shows its inputs and "invalid" for every figure.
pub fn compare(scenarios: &[(String, RawInputs)]) -> Table {
    let inputs: Vec<Option<Inputs>> = scenarios
        .iter()
        .map(|(_, raw)| parse_inputs(raw).ok())
        .collect();
    let results: Vec<Option<Results>> = inputs.iter().map(|i| i.as_ref().map(calculate)).collect();
    let valid: Vec<bool> = results.iter().map(Option::is_some).collect();
    let mut rows = Vec::new();
    // The model's inputs, whether entered directly or built from parts,
    // and any extra input one of the scenarios uses.
    for field in used_inputs(inputs.iter().flatten()) {
        let mut cells: Vec<Cell> = inputs
            .iter()
            .map(|i| {
                let value = i.as_ref().and_then(|i| input_value(i, field));
                let text = match (i, value) {
                    (_, Some(v)) => input_text(field, v),
                    // A serving value of a mode this scenario does not use
                    // (issue #15).
                    (Some(_), None) => "not used".to_owned(),
                    (None, None) => "invalid".to_owned(),
                };
                Cell {
                    value,
                    text,
                    ..Cell::default()
                }
            })
            .collect();
        finish(&mut cells, &valid, None, |v| input_text(field, v));
        rows.push(Row {
            key: field.name(),
            label: field.label(),
            is_metric: false,
            cells,
        });
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
    // The serving figures when one of the scenarios pays for serving
    // (issue #15).
    let serving = results.iter().flatten().any(|r| r.serving);
    for m in METRICS.iter().chain(SERVING.iter().filter(|_| serving)) {
        let mut cells: Vec<Cell> = results
            .iter()
            .map(|r| match r {
                Some(r) => Cell {
                    value: (m.get)(r),
                    text: m.text(r),
                    ..Cell::default()
                },
                None => Cell {
                    text: "invalid".to_owned(),
                    ..Cell::default()
                },
            })
            .collect();
        finish(&mut cells, &valid, Some(m.better), m.format);
        rows.push(Row {
            key: m.name,
            label: m.label,
            is_metric: true,
            cells,
        });
    }
    Table {
        columns: scenarios.iter().map(|(n, _)| n.clone()).collect(),
        rows,
    }
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
                .map(|c| match c.value {
                    Some(v) => super::format::data(v),
                    None => c.status.unwrap_or_default().to_owned(),
                })
                .collect();
            out += &csv_row(
                [csv::Cell::Text(row.key), csv::Cell::Text(row.label)]
                    .into_iter()
                    .chain(values.iter().map(|v| csv::Cell::Number(v))),
            );
        }
        out
    }
}
