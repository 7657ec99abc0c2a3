//! A chart's table alternative ("Show as table") as plain data: column
//! headings, then one row per item with a heading cell and value cells,
//! each with its text and its raw number. Each chart kind writes its own;
//! one component renders them all.

use super::distribution::Distribution;
use super::line::LineChart;
use super::tornado::{signed_money, Tornado};
use crate::core::present::format::raw;

/// One cell: the text shown, and the raw number behind it for
/// `data-value` (none on a cell that is only a name).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// What the cell shows.
    pub text: String,
    /// The number as `data-value` writes it ([`raw`]).
    pub value: Option<String>,
}

impl Cell {
    /// A cell showing `text` for the number `value`.
    fn number(text: String, value: f64) -> Self {
        Self {
            text,
            value: Some(raw(Some(value))),
        }
    }
}

/// One row: its heading cell and its value cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The input the row is about (`data-input`), when it is one.
    pub input: Option<&'static str>,
    /// The row's heading (first column).
    pub head: Cell,
    /// The other columns.
    pub cells: Vec<Cell>,
}

/// A table alternative: column headings and rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The column headings, the rows' heading column first.
    pub columns: Vec<String>,
    /// The rows, in the chart's order.
    pub rows: Vec<Row>,
}

impl LineChart {
    /// The table alternative: one row per data point, x first, then each
    /// series' value in money.
    pub fn table(&self) -> Table {
        Table {
            columns: self.columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: self
                .readouts
                .iter()
                .map(|r| {
                    let (x, values) = r.raw.split_first().unwrap_or((&0.0, &[]));
                    Row {
                        input: None,
                        head: Cell::number(self.x_text(*x), *x),
                        cells: values
                            .iter()
                            .map(|v| Cell::number(self.fmt.money(*v), *v))
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

impl Tornado {
    /// The table alternative: one row per estimate, largest impact first,
    /// with the change in net benefit when lowered and raised.
    pub fn table(&self) -> Table {
        let pct = self.fmt.number(self.range * 100.0);
        Table {
            columns: vec!["Input".to_owned(), format!("−{pct}%"), format!("+{pct}%")],
            rows: self
                .bars
                .iter()
                .map(|b| Row {
                    input: Some(b.name),
                    head: Cell {
                        text: b.label.to_owned(),
                        value: None,
                    },
                    cells: vec![
                        Cell::number(signed_money(self.fmt, b.low), b.low),
                        Cell::number(signed_money(self.fmt, b.high), b.high),
                    ],
                })
                .collect(),
        }
    }
}

impl Distribution {
    /// The table alternative: one row per bar, with its range of net
    /// benefit, its cases and their share.
    pub fn table(&self) -> Table {
        let fmt = self.fmt;
        Table {
            columns: ["Net benefit from", "to", "Cases", "Share"]
                .map(str::to_owned)
                .into(),
            rows: self
                .bins
                .iter()
                .map(|b| {
                    let cases = f64::from(b.cases);
                    let share = self.share(b);
                    Row {
                        input: None,
                        head: Cell::number(fmt.money(b.from), b.from),
                        cells: vec![
                            Cell::number(fmt.money(b.to), b.to),
                            Cell::number(fmt.count(cases), cases),
                            Cell::number(fmt.percent(share), share),
                        ],
                    }
                })
                .collect(),
        }
    }
}
