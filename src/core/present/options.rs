//! Options side by side as the page and the documents write them (issue
//! 28): each option's title and costs, the cheapest, and the volumes at
//! which the cheapest changes, in words and as data.

use super::float;
use super::format::Fmt;
use crate::core::inputs::parse::Parsed;
use crate::core::model::options::{side_by_side, OptionCost, OptionKind};
use crate::core::model::Basis;

/// One option's line: its number, what people call it, its kind and its
/// costs (`None` while one of its fields is invalid).
#[derive(Clone, Debug, PartialEq)]
pub struct OptionLine {
    /// Its number: 1 the baseline side, 2 the fine-tuned side, 3 to 6 added.
    pub number: usize,
    /// Its name, or the side's name, or "Option K".
    pub title: String,
    /// What it is (options 1 and 2: `model` and `finetune`).
    pub kind: OptionKind,
    /// Its costs over the horizon.
    pub cost: Option<OptionCost>,
    /// Its cost per request ($), when valid.
    pub per_request: Option<f64>,
}

/// Every option of a scenario with the cheapest and the crossover volumes.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsView {
    /// Options 1 and 2, then the added ones, by number.
    pub lines: Vec<OptionLine>,
    /// The number of the cheapest option (`cheapest_option`).
    pub cheapest: Option<usize>,
    /// Each change of the cheapest with the starting monthly volume: the
    /// volume and the new cheapest option's number.
    pub changes: Vec<(f64, usize)>,
    /// `Some(v)`: the crossover search stopped at starting volume v.
    pub gave_up_at: Option<f64>,
}

impl OptionsView {
    /// The options of a validated scenario.
    pub fn of(p: &Parsed) -> OptionsView {
        let approaches = p.option_approaches();
        let s = side_by_side(&Basis::of(&p.inputs), &approaches);
        let mut lines = vec![
            OptionLine {
                number: 1,
                title: "Baseline".to_owned(),
                kind: OptionKind::Model,
                cost: None,
                per_request: Some(p.inputs.baseline),
            },
            OptionLine {
                number: 2,
                title: "Fine-tuned".to_owned(),
                kind: OptionKind::Finetune,
                cost: None,
                per_request: Some(p.inputs.finetuned),
            },
        ];
        lines.extend(p.options.iter().map(|o| OptionLine {
            number: o.number,
            title: o.title(),
            kind: o.kind,
            cost: None,
            per_request: o.approach.map(|a| a.cost_per_request),
        }));
        for (line, (_, cost)) in lines.iter_mut().zip(&s.costs) {
            line.cost = *cost;
        }
        OptionsView {
            lines,
            cheapest: s.cheapest,
            changes: s.changes,
            gave_up_at: s.gave_up_at,
        }
    }

    /// Whether the user added options (3 to 6).
    pub fn has_added(&self) -> bool {
        self.lines.len() > 2
    }

    /// The title of option `number`.
    pub fn title(&self, number: usize) -> &str {
        self.lines
            .iter()
            .find(|l| l.number == number)
            .map_or("", |l| l.title.as_str())
    }

    /// The crossover volumes as data: shortest round-trip digits, in
    /// increasing order, separated by spaces; empty when none.
    pub fn volumes_data(&self) -> String {
        let all: Vec<String> = self
            .changes
            .iter()
            .map(|&(v, _)| float::display(v))
            .collect();
        all.join(" ")
    }

    /// The cheapest option in words: "Fine-tuned (option 2)".
    pub fn cheapest_text(&self) -> String {
        match self.cheapest {
            Some(k) => format!("{} (option {k})", self.title(k)),
            None => "n/a".to_owned(),
        }
    }

    /// Where the cheapest changes in words: "none", or each volume a month
    /// with the option cheapest from there ("38,542 requests a month
    /// (Fine-tuned)").
    pub fn crossovers_text(&self, fmt: Fmt) -> String {
        if self.changes.is_empty() {
            return "none".to_owned();
        }
        let all: Vec<String> = self
            .changes
            .iter()
            .map(|&(v, k)| format!("{} requests a month ({})", fmt.count(v), self.title(k)))
            .collect();
        all.join("; ")
    }
}
