//! The decision memo: a scenario as a one-page decision document (the
//! verdict in one sentence, the key figures, the break-even timeline, the
//! assumptions with their ranges, the price sources with their dates) and
//! the formulas in an appendix, written as Markdown (the memo export) and as
//! markup for the print layout ("Print memo"). Pure: the page passes the
//! date and the formulas in.

use std::fmt::Write as _;

use super::export::{
    input_text, input_value, input_words, part_label, range_text, used_inputs, ExportDoc,
};
use crate::core::catalogue::fill;
use crate::core::inputs::field::{Field, Kind};
use crate::core::inputs::parse::RawInputs;
use crate::core::model::montecarlo::{sentence, SimFigure};
use crate::core::model::uncertainty::RANGED;
use crate::core::model::{Inputs, Results, Status};
use crate::core::present::chart::{self, LineChart};
use crate::core::present::figure::Figure;
use crate::core::present::float::display;
use crate::core::present::format::{Escaped, Fmt};
use crate::core::present::formulas::{self, Formula};

/// The figures a memo leads with, in this order (each only where the
/// scenario has it: see [`key_figures`]).
pub const KEY_FIGURES: [Figure; 7] = [
    Figure::NetBenefit,
    Figure::RoiPercent,
    Figure::BreakEvenMonths,
    Figure::MonthlyNetSavings,
    Figure::Investment,
    Figure::BreakEvenVolume,
    Figure::Npv,
];

/// The memo's timeline chart: its size in CSS pixels (the width of the
/// printed page's text column at 96 px per inch, less a margin).
pub const CHART_SIZE: (f64, f64) = (680.0, 230.0);

/// Where prices of the scenario come from: a catalogue entry whose prices
/// fill fields the user has not changed since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceSource {
    /// The model or unit type and its provider: `GPT-4.1 mini (OpenAI)`.
    pub what: String,
    /// The labels of the fields it filled, in form order, joined by `, `.
    pub fields: String,
    /// The date its source states, `YYYY-MM-DD`.
    pub as_of: &'static str,
    /// Its `https://` address.
    pub source: &'static str,
}

/// The catalogue prices in `raw`'s fields (filled from a picked model and
/// not changed since), one entry per model and source, in pick order. Empty
/// when no catalogue model is picked: the prices are the user's own.
pub fn price_sources(raw: &RawInputs) -> Vec<PriceSource> {
    let mut out: Vec<PriceSource> = Vec::new();
    for f in fill::current(raw) {
        if fill::is_changed(&f, raw) {
            continue;
        }
        let what = format!("{} ({})", f.entry.name, f.entry.provider);
        let same = |s: &&mut PriceSource| {
            s.what == what && s.as_of == f.dated.as_of && s.source == f.dated.source
        };
        match out.iter_mut().find(|s| same(s)) {
            Some(s) => {
                s.fields.push_str(", ");
                s.fields.push_str(f.field.label());
            }
            None => out.push(PriceSource {
                what,
                fields: f.field.label().to_owned(),
                as_of: f.dated.as_of,
                source: f.dated.source,
            }),
        }
    }
    out
}

/// The distinct dates of [`price_sources`], oldest first: what a chart
/// image states under its title.
pub fn price_dates(raw: &RawInputs) -> Vec<&'static str> {
    let mut dates: Vec<&'static str> = Vec::new();
    for s in price_sources(raw) {
        if !dates.contains(&s.as_of) {
            let at = dates
                .iter()
                .position(|d| *d > s.as_of)
                .unwrap_or(dates.len());
            dates.insert(at, s.as_of);
        }
    }
    dates
}

/// The decision in one sentence, from the status and the headline figures:
/// fine-tune (it pays back within the horizon) or not (after the horizon,
/// or never at this volume).
pub fn verdict(fmt: Fmt, i: &Inputs, r: &Results) -> String {
    let net = Figure::NetBenefit.text(fmt, r);
    let when = Figure::BreakEvenMonths.text(fmt, r);
    let investment = Figure::Investment.text(fmt, r);
    let training = fmt.money_input(i.training);
    let horizon = fmt.count(f64::from(i.months));
    match r.status {
        Status::Positive => {
            let roi = Figure::RoiPercent
                .value(r)
                .map(|v| {
                    format!(
                        ", an ROI of {} on the incremental investment of {investment}",
                        fmt.percent(v)
                    )
                })
                .unwrap_or_default();
            format!(
                "Fine-tune: it pays back in {when} and returns a net benefit of {net} over the \
                 {horizon}-month horizon{roi}."
            )
        }
        Status::BeyondHorizon => format!(
            "Do not fine-tune for this horizon: it pays back only after {when}, beyond the \
             {horizon}-month horizon, for a net benefit of {net} within it."
        ),
        Status::Never => format!(
            "Do not fine-tune at this volume: the savings per request do not cover the monthly \
             costs, so the training cost of {training} is never recovered."
        ),
    }
}

/// The key figures of `r`: [`KEY_FIGURES`], the net present value only
/// with discounting, the break-even volume only where it is defined.
pub fn key_figures(i: &Inputs, r: &Results) -> Vec<Figure> {
    KEY_FIGURES
        .into_iter()
        .filter(|&f| match f {
            Figure::Npv => i.discount != 0.0,
            Figure::BreakEvenVolume => f.value(r).is_some(),
            _ => true,
        })
        .collect()
}

/// One assumption: the input's label, its value and, when the simulation
/// drew it from a range, that range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    /// What the input is.
    pub label: String,
    /// Its value as the form writes it.
    pub value: String,
    /// Its range, `−30% to 50% (70,000 to 150,000)`.
    pub range: Option<String>,
}

/// A scenario's decision memo: its document, the day it is written and the
/// formulas of its appendix.
#[derive(Clone, Copy)]
pub struct MemoDoc<'a> {
    /// The scenario (its name, inputs, builders' fields, results and
    /// simulation), as the exports have it.
    pub doc: ExportDoc<'a>,
    /// The day the memo is written, `YYYY-MM-DD`.
    pub date: &'a str,
    /// The appendix: the formulas worked with the scenario's numbers.
    pub formulas: &'a [Formula],
}

impl MemoDoc<'_> {
    /// The verdict ([`verdict`]).
    pub fn verdict(&self) -> String {
        verdict(self.doc.fmt, self.doc.inputs, self.doc.results)
    }

    /// The assumptions: the inputs the figures use, then the builders'
    /// fields, each with its range when the simulation drew it from one.
    pub fn assumptions(&self) -> Vec<Assumption> {
        let d = self.doc;
        let text = |f: Field, v: f64| match f.kind() {
            Kind::Choice(_) => input_words(d.fmt, f, v),
            _ => input_text(d.fmt, f, v),
        };
        let range = |f: Field| {
            let s = d.simulation?;
            let k = RANGED.iter().position(|r| r.name == f.name())?;
            range_text(d.fmt, s, k)
        };
        let used = used_inputs([d.inputs]).into_iter().map(|f| {
            let v = input_value(d.inputs, f).unwrap_or_default();
            (f, v, f.label().to_owned())
        });
        let parts = d.parts.iter().map(|&(f, v)| (f, v, part_label(f)));
        used.chain(parts)
            .map(|(f, v, label)| Assumption {
                label,
                value: text(f, v),
                range: range(f),
            })
            .collect()
    }

    /// The price sources ([`price_sources`]).
    pub fn sources(&self) -> Vec<PriceSource> {
        price_sources(self.doc.raw)
    }

    /// The break-even timeline at the memo's size ([`CHART_SIZE`]).
    pub fn chart(&self) -> LineChart {
        let d = self.doc;
        chart::timeline(d.fmt, d.inputs, d.results, CHART_SIZE.0, CHART_SIZE.1)
    }

    /// The memo as Markdown: a heading with the scenario's name and the
    /// date, the verdict, the key figures, the timeline (its summary and its
    /// points at most 13 rows), the assumptions with their ranges, the
    /// simulation's sentence, the price sources and dates; then the
    /// appendix with every formula worked.
    pub fn markdown(&self) -> String {
        let d = self.doc;
        let (fmt, r) = (d.fmt, d.results);
        let mut out = format!(
            "# Decision memo: {}\n\n{}\n\n**{}**\n\n## Key figures\n\n| Figure | Value |\n|---|---:|\n",
            md(d.name),
            self.date,
            md(&self.verdict())
        );
        for f in key_figures(d.inputs, r) {
            let _ = writeln!(out, "| {} | {} |", f.label(), md(&f.text(fmt, r)));
        }
        if let Some(s) = d.simulation {
            for f in [SimFigure::ProbPositive, SimFigure::ProbPaybackInHorizon] {
                let _ = writeln!(out, "| {} | {} |", f.label(), md(&f.text(fmt, s)));
            }
        }
        let chart = self.chart();
        let _ = write!(
            out,
            "\n## Break-even timeline\n\n{}\n\n",
            md(&chart.summary)
        );
        let table = chart.table();
        out += &md_line(&table.columns);
        out += &md_line(&vec!["---".to_owned(); table.columns.len()]);
        let n = table.rows.len();
        let step = n.div_ceil(12).max(1);
        for (k, row) in table.rows.iter().enumerate() {
            if k % step == 0 || k + 1 == n {
                let cells: Vec<String> = std::iter::once(row.head.text.clone())
                    .chain(row.cells.iter().map(|c| c.text.clone()))
                    .collect();
                out += &md_line(&cells);
            }
        }
        out += "\n## Assumptions\n\n| Input | Value | Range |\n|---|---:|---|\n";
        for a in self.assumptions() {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&a.label),
                md(&a.value),
                md(a.range.as_deref().unwrap_or(""))
            );
        }
        if let Some(s) = d.simulation {
            let _ = write!(out, "\n{}\n", md(&sentence(fmt, s)));
        }
        out += "\n## Price sources\n\n";
        let sources = self.sources();
        if sources.is_empty() {
            out += "The prices are as entered; no catalogue model is picked.\n";
        }
        for s in sources {
            let _ = writeln!(
                out,
                "- {}: {}, as of {} ({})",
                md(&s.what),
                md(&s.fields),
                s.as_of,
                s.source
            );
        }
        out += "\n## Appendix: formulas\n\n";
        for f in self.formulas {
            let _ = writeln!(out, "- **{}** = {}", f.title, md(f.words));
            if let Some(w) = &f.worked {
                let _ = writeln!(out, "  `= {w}`");
            }
        }
        out
    }

    /// The memo as markup for the print layout (text escaped): the page's
    /// head, verdict (`data-memo="verdict"`), key figures (`data-metric`-free
    /// so each figure stays once on the page), the timeline chart
    /// (`data-memo="timeline"`), assumptions, price sources, and the
    /// appendix (`data-memo="appendix"`) with the formula list.
    pub fn markup(&self) -> String {
        let d = self.doc;
        let (fmt, r) = (d.fmt, d.results);
        let mut out = String::with_capacity(16_000);
        let _ = write!(
            out,
            r#"<header class="memo-head"><p class="memo-kicker">Decision memo · {}</p><h2>{}</h2></header><p class="memo-verdict" data-memo="verdict">{}</p><dl class="memo-figures">"#,
            Escaped(self.date),
            Escaped(d.name),
            Escaped(&self.verdict())
        );
        for f in key_figures(d.inputs, r) {
            let _ = write!(
                out,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                Escaped(f.label()),
                Escaped(&f.text(fmt, r))
            );
        }
        if let Some(s) = d.simulation {
            for f in [SimFigure::ProbPositive, SimFigure::ProbPaybackInHorizon] {
                let _ = write!(
                    out,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    Escaped(f.label()),
                    Escaped(&f.text(fmt, s))
                );
            }
        }
        let chart = self.chart();
        let (w, h) = (display(chart.frame.width), display(chart.frame.height));
        let _ = write!(
            out,
            r#"</dl><figure class="memo-chart" data-memo="timeline"><figcaption>Break-even timeline</figcaption><div class="plot"><svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}">{}</svg></div></figure><section class="memo-assumptions"><h3>Assumptions</h3><dl class="memo-list">"#,
            Escaped(&chart.summary),
            chart.svg()
        );
        for a in self.assumptions() {
            let range = a.range.map_or_else(String::new, |t| {
                format!(r#" <span class="memo-range">range {}</span>"#, Escaped(&t))
            });
            let _ = write!(
                out,
                "<div><dt>{}</dt><dd>{}{range}</dd></div>",
                Escaped(&a.label),
                Escaped(&a.value)
            );
        }
        out += "</dl>";
        if let Some(s) = d.simulation {
            let _ = write!(out, "<p>{}</p>", Escaped(&sentence(fmt, s)));
        }
        out += r#"</section><section class="memo-sources"><h3>Price sources</h3>"#;
        let sources = self.sources();
        if sources.is_empty() {
            out += "<p>The prices are as entered; no catalogue model is picked.</p>";
        } else {
            out += "<ul>";
            for s in sources {
                let _ = write!(
                    out,
                    "<li>{}: {}, as of {} ({})</li>",
                    Escaped(&s.what),
                    Escaped(&s.fields),
                    Escaped(s.as_of),
                    Escaped(s.source)
                );
            }
            out += "</ul>";
        }
        let _ = write!(
            out,
            r#"</section><section class="memo-appendix" data-memo="appendix"><h3>Appendix: formulas</h3><ol class="formula-list">{}</ol></section>"#,
            formulas::markup(self.formulas)
        );
        out
    }
}

/// Text in a Markdown table cell or line: pipes and backslashes escaped,
/// line breaks as spaces.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// One row of a Markdown table.
fn md_line(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}
