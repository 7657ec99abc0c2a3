//! Exports (JSON, CSV, Markdown) of a scenario and its results, and the
//! import of an exported JSON file, validated field by field.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::csv::{csv_line, csv_row, Cell};
use super::store::{StoreError, NOT_AN_OBJECT};
use super::url;
use crate::core::inputs::builders::BillTerms;
use crate::core::inputs::field::{option_label, push_in_form_order, Field, Kind};
use crate::core::inputs::option_fields::Term;
use crate::core::inputs::parse::{parse_field, parse_scenario, DecimalMark, Parsed, RawInputs};
use crate::core::model::montecarlo::{sentence, SimFigure, Summary};
use crate::core::model::serving::Serving;
use crate::core::model::uncertainty::{Ends, RANGED};
use crate::core::model::{Inputs, Results};
use crate::core::present::figure::{Figure, Spec};
use crate::core::present::format::{data, Fmt};
use crate::core::present::options::OptionsView;

/// The `format` tag of exported JSON files.
pub const FORMAT: &str = "ft-roi-scenario";

/// A value of `field` written for people: `$2,500`, `$0.012`, `100,000`,
/// `12 months`, `15%`.
pub fn input_text(fmt: Fmt, field: Field, v: f64) -> String {
    match field.kind() {
        Kind::Money => fmt.money_input(v),
        Kind::UnitCost => fmt.unit_cost(v),
        Kind::Count => fmt.number(v),
        Kind::Months => format!("{} months", fmt.number(v)),
        Kind::Bounded(_) | Kind::Signed(_) => format!("{} {}", fmt.number(v), field.unit()),
        Kind::Choice(_) => field.option_at(v).unwrap_or("").to_owned(),
        // Serving costs.
        Kind::Whole(_) | Kind::Positive | Kind::Between(..) => {
            format!("{} {}", fmt.number(v), field.unit())
        }
        Kind::Label => String::new(),
        // the horizon's first month, `YYYY-MM`.
        Kind::YearMonth => crate::core::model::lifecycle::month_text(v as i64),
        // a range's ends (`−30%`, `4 % per month`), draws and seed.
        Kind::End(..) if field.unit() == "%" => format!("{}%", fmt.number(v)),
        Kind::End(..) | Kind::WholeIn(..) => format!("{} {}", fmt.number(v), field.unit())
            .trim_end()
            .to_owned(),
    }
}

/// A value of `field` as the form writes it, for people reading the
/// comparison: a choice by its label (`Capacity units`, not `capacity`) and
/// a unit in the singular for exactly one (`1 deployment`, `1 month`);
/// otherwise [`input_text`].
pub fn input_words(fmt: Fmt, field: Field, v: f64) -> String {
    let text = input_text(fmt, field, v);
    let unit = if matches!(field.kind(), Kind::Months) {
        "months"
    } else {
        field.unit()
    };
    match field.kind() {
        Kind::Choice(_) => field.option_at(v).map_or("", option_label).to_owned(),
        _ if v == 1.0 && !unit.is_empty() => match text.strip_suffix(unit) {
            Some(value) => format!("{value}{}", singular(unit)),
            None => text,
        },
        _ => text,
    }
}

/// A unit for one of it: the plural first word made singular
/// (`deployments` → `deployment`, `hours / month` → `hour / month`,
/// `percentage points` → `percentage point`); other units as they are.
fn singular(unit: &str) -> String {
    if unit == "percentage points" {
        return "percentage point".to_owned();
    }
    let (first, rest) = unit.split_once(' ').map_or((unit, ""), |(a, b)| (a, b));
    let one = match first {
        "passes" => "pass",
        "deployments" | "units" | "examples" | "tokens" | "hours" | "requests" | "cases"
        | "months" => &first[..first.len() - 1],
        _ => first,
    };
    if rest.is_empty() {
        one.to_owned()
    } else {
        format!("{one} {rest}")
    }
}

/// The model's value of one of its inputs, in the field's unit (growth and
/// discount in %, as typed); `None` for a field that is not a model input.
pub fn input_value(i: &Inputs, field: Field) -> Option<f64> {
    Some(match field {
        Field::Training => i.training,
        Field::Maintenance => i.maintenance,
        Field::Baseline => i.baseline,
        Field::Finetuned => i.finetuned,
        Field::Requests => i.requests,
        Field::Months => f64::from(i.months),
        Field::RetrainCost => i.retrain_cost,
        Field::RetrainPerYear => i.retrain_per_year,
        Field::AccuracyGain => i.accuracy_gain,
        Field::ErrorValue => i.error_value,
        Field::Growth => i.growth * 100.0,
        Field::Discount => i.discount * 100.0,
        // Serving costs: a side's mode, and its mode's values.
        _ => {
            let (serving, k) = if let Some(k) = Field::BASE_SERVING.iter().position(|&f| f == field)
            {
                (i.base_serving, k)
            } else {
                let k = Field::FT_SERVING.iter().position(|&f| f == field)?;
                (i.ft_serving, k)
            };
            return serving_value(&serving, k);
        }
    })
}

/// The `k`-th value of a side's serving fields ([`Field::BASE_SERVING`]
/// order): the mode's option index, or a value of the side's mode; `None`
/// for a value of another mode.
fn serving_value(s: &Serving, k: usize) -> Option<f64> {
    match (s, k) {
        (Serving::PerToken, 0) => Some(0.0),
        (Serving::Hourly { .. }, 0) => Some(1.0),
        (Serving::Capacity(_), 0) => Some(2.0),
        (Serving::Hourly { rate, .. }, 1) => Some(*rate),
        (Serving::Hourly { hours, .. }, 2) => Some(*hours),
        (Serving::Hourly { deployments, .. }, 3) => Some(*deployments),
        (Serving::Capacity(c), 4) => Some(c.unit_rate),
        (Serving::Capacity(c), 5) => Some(c.unit_rps),
        (Serving::Capacity(c), 6) => Some(c.peak_factor),
        (Serving::Capacity(c), 7) => Some(c.min_units),
        (Serving::Capacity(c), 8) => Some(c.unit_hours),
        _ => None,
    }
}

/// A side's serving fields that a scenario uses: none per
/// token; the mode and that mode's values otherwise.
fn serving_fields(s: &Serving, fields: [Field; 9]) -> impl Iterator<Item = Field> + '_ {
    fields
        .into_iter()
        .enumerate()
        .filter(move |&(k, _)| !s.is_per_token() && serving_value(s, k).is_some())
        .map(|(_, f)| f)
}

/// The model's inputs beyond the six: retraining (from the operations
/// builder), the value of accuracy, growth and discounting.
pub const EXTRA: [Field; 6] = [
    Field::RetrainCost,
    Field::RetrainPerYear,
    Field::AccuracyGain,
    Field::ErrorValue,
    Field::Growth,
    Field::Discount,
];

/// The inputs the figures of `scenarios` come from, in form order: the six,
/// then each extra input that one of them uses (is not zero), then the
/// serving inputs one of them uses, so that an export reproduces its own
/// figures.
pub fn used_inputs<'a>(scenarios: impl IntoIterator<Item = &'a Inputs>) -> Vec<Field> {
    let scenarios: Vec<&Inputs> = scenarios.into_iter().collect();
    let serving = |f: Field| {
        scenarios.iter().any(|i| {
            serving_fields(&i.base_serving, Field::BASE_SERVING)
                .chain(serving_fields(&i.ft_serving, Field::FT_SERVING))
                .any(|g| g == f)
        })
    };
    Field::CORE
        .into_iter()
        .chain(EXTRA.into_iter().filter(|&f| {
            scenarios
                .iter()
                .any(|i| input_value(i, f).is_some_and(|v| v != 0.0))
        }))
        .chain(
            Field::BASE_SERVING
                .into_iter()
                .chain(Field::FT_SERVING)
                .filter(|&f| serving(f)),
        )
        .collect()
}

/// The cost builders' fields that a scenario's modes use, with
/// their values, in form order and beyond what [`used_inputs`] lists: with
/// request costs from tokens the price unit and both sides' tokens, prices,
/// cache, retries and fallback; with an itemized investment its items
/// (labeling, compute as its mode prices it, curation, setup, other); with
/// itemized operations monitoring, support and retraining. Each group
/// starts with its mode. Nothing for a section entered directly, so the
/// exports of such a scenario are as before.
pub fn part_inputs(raw: &RawInputs, p: &Parsed) -> Vec<(Field, f64)> {
    use Field::*;
    let mut fields = Vec::new();
    if let Some(t) = &p.tokens {
        fields.extend([CostMode, PriceUnit]);
        // Each side's tokens, prices, cache and retries, then the terms of
        // its bill it uses; the fine-tuned side's before its fallback, as in
        // the form.
        for (bill, terms) in [
            (Field::BASE_BILL, &t.baseline_terms),
            (Field::FT_BILL, &t.finetuned_terms),
        ] {
            let [tokens @ .., _, _, _, _, _] = bill;
            let [.., reasoning, write_share, write_price, batch_share, batch_discount] = bill;
            fields.extend(tokens);
            fields.extend(bill_terms(
                terms,
                [
                    reasoning,
                    write_share,
                    write_price,
                    batch_share,
                    batch_discount,
                ],
            ));
        }
        fields.push(FtFallbackShare);
    }
    if let Some(investment) = p.investment {
        fields.extend([TrainingMode, LabelExamples, LabelCost, LabelQa, ComputeMode]);
        match (investment.training_tokens, investment.gpu) {
            (Some(_), _) => fields.extend([TrainTokens, TrainEpochs, TrainPrice]),
            // Training priced by GPU time: the trained tokens, then the job.
            (None, Some(_)) => fields.extend([
                TrainTokens,
                TrainEpochs,
                GpuParams,
                GpuMethod,
                GpuCount,
                GpuPrice,
                GpuFlops,
                GpuMfu,
                GpuMemory,
            ]),
            (None, None) => fields.push(ComputeFlat),
        }
        fields.extend([
            CurationHours,
            CurationRate,
            SetupHours,
            SetupRate,
            OtherOneTime,
        ]);
    }
    if p.operations.is_some() {
        fields.extend([MaintenanceMode, Monitoring, SupportHours, SupportRate]);
        fields.extend([RetrainCost, RetrainPerYear]);
    }
    // The model's end of life, when the horizon has a start month.
    if !raw.get(Start).trim().is_empty() {
        fields.extend([Start, FtMigrationCost]);
    }
    // Options 3 to 6: the numbers each one's kind reads (its kind and name
    // are text, written with its figures: [`ExportDoc::with_options`]).
    for o in &p.options {
        fields.extend(
            o.terms
                .iter()
                .filter_map(|t| t.of(o.number))
                .filter(|f| f.kind() != Kind::Label),
        );
    }
    let listed = used_inputs([&p.inputs]);
    let mark = raw.decimal_mark();
    fields
        .into_iter()
        .filter(|f| !listed.contains(f))
        .filter_map(|f| Some((f, parse_field(f, raw.get(f), mark).ok()?)))
        .collect()
}

/// The terms of a side's bill that it uses: reasoning tokens when there
/// are any, cache writes (share and price) when input is written, batch
/// (share and discount) when requests are batched. A side without them
/// adds nothing, so the exports of a scenario that does not use them are
/// as before.
fn bill_terms(terms: &BillTerms, fields: [Field; 5]) -> Vec<Field> {
    let mut out = Vec::new();
    if terms.reasoning_tokens != 0.0 {
        out.push(fields[0]);
    }
    if terms.cache_write_share != 0.0 {
        out.extend([fields[1], fields[2]]);
    }
    if terms.batch_share != 0.0 {
        out.extend([fields[3], fields[4]]);
    }
    out
}

/// A builder field's label in an export, where it stands without the
/// form's side headings: a side's token field names its side ("Baseline
/// input tokens", "Fine-tuned fallback to baseline"), as the serving
/// fields' labels do.
pub fn part_label(field: Field) -> String {
    let side = if Field::BASE_BILL.contains(&field) {
        "Baseline"
    } else if Field::FT_BILL.contains(&field) || field == Field::FtFallbackShare {
        "Fine-tuned"
    } else {
        return field.label().to_owned();
    };
    let mut label = field.label().chars();
    let first = label.next().map(|c| c.to_lowercase().to_string());
    format!("{side} {}{}", first.unwrap_or_default(), label.as_str())
}

/// A number in the exported file: whole numbers without a fraction
/// (`2500`, as people write them), others in the shortest form that reads
/// back bit for bit; `null` when undefined or not finite.
struct JsonNumber(Option<f64>);

impl Serialize for JsonNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(x) if x.is_finite() => {
                let whole = x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0;
                // -0.0 keeps its sign (`-0.0`), so it reads back bit for bit.
                if whole && !(x == 0.0 && x.is_sign_negative()) {
                    serializer.serialize_i64(x as i64)
                } else {
                    serializer.serialize_f64(x)
                }
            }
            _ => serializer.serialize_none(),
        }
    }
}

/// The model's six inputs by public name, as numbers.
struct CoreInputs<'a>(&'a Inputs);

impl Serialize for CoreInputs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            Field::CORE
                .into_iter()
                .map(|f| (f.name(), JsonNumber(input_value(self.0, f)))),
        )
    }
}

/// Every figure by public name (`null` when undefined), then `status`.
struct Figures<'a>(&'a Results);

impl Serialize for Figures<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for figure in Figure::of(self.0) {
            map.serialize_entry(figure.name(), &JsonNumber(figure.value(self.0)))?;
        }
        map.serialize_entry("status", self.0.status.name())?;
        map.end()
    }
}

/// A scenario's inputs and figures as its exported JSON has them, for the
/// host API (`get` and the `results` event): `inputs` is the JSON's
/// `fields` (every field's text by its URL key) and `figures` its
/// `results` (every figure by its `data-metric` name, then `status`), or
/// `null` while a field the figures read is invalid.
pub fn state_json(raw: &RawInputs, results: Option<&Results>) -> String {
    #[derive(Serialize)]
    struct State<'a> {
        inputs: &'a RawInputs,
        figures: Option<Figures<'a>>,
    }
    serde_json::to_string(&State {
        inputs: raw,
        figures: results.map(Figures),
    })
    .unwrap_or_default()
}

/// The exported JSON file, `ft-roi-scenario.json`, as written: the members
/// in this order, indented by two spaces.
#[derive(Serialize)]
struct ScenarioFile<'a> {
    /// Always [`FORMAT`].
    format: &'static str,
    /// The share format's version ([`url::VERSION`]).
    version: u32,
    /// The scenario's name, exactly as typed.
    name: &'a str,
    /// The share link's query for the scenario.
    query: String,
    /// The model's six inputs as numbers, whatever built them.
    inputs: CoreInputs<'a>,
    /// Every field's text, as in storage.
    fields: &'a RawInputs,
    /// Every figure.
    results: Figures<'a>,
    /// The simulation of the ranges, when the scenario has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    simulation: Option<SimulationJson<'a>>,
}

/// The `simulation` member: the draws, the seed, each ranged
/// input's ends (as typed, and as values: `min`, `mode`, `max`), the
/// figures (`null` when undefined) and the sentence.
struct SimulationJson<'a>(Fmt, &'a Summary);

/// One ranged input in the `simulation` member.
struct RangeJson<'a>(&'a Summary, usize);

impl Serialize for RangeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (s, k) = (self.0, self.1);
        let t = s.ranged.iter().find(|(row, _)| *row == k).map(|(_, t)| *t);
        let (low, high) = s.ranges.ends[k];
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("low", &JsonNumber(low))?;
        map.serialize_entry("high", &JsonNumber(high))?;
        map.serialize_entry("min", &JsonNumber(t.map(|t| t.low)))?;
        map.serialize_entry("mode", &JsonNumber(t.map(|t| t.mode)))?;
        map.serialize_entry("max", &JsonNumber(t.map(|t| t.high)))?;
        map.end()
    }
}

impl Serialize for SimulationJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (fmt, s) = (self.0, self.1);
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("draws", &s.draws)?;
        map.serialize_entry("seed", &s.seed)?;
        let ranges: Vec<(&str, RangeJson)> = s
            .ranged
            .iter()
            .map(|(k, _)| (RANGED[*k].name, RangeJson(s, *k)))
            .collect();
        map.serialize_entry("ranges", &Pairs(&ranges))?;
        let figures: Vec<(&str, JsonNumber)> = SimFigure::ALL
            .iter()
            .map(|f| (f.name(), JsonNumber(f.value(s))))
            .collect();
        map.serialize_entry("results", &Pairs(&figures))?;
        map.serialize_entry("sentence", &sentence(fmt, s))?;
        map.end()
    }
}

/// Name-value pairs as a JSON object, in their order.
struct Pairs<'a, T>(&'a [(&'a str, T)]);

impl<T: Serialize> Serialize for Pairs<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The fields of the simulation that `sim` used, in form order: each
/// ranged input's typed ends, then the draws and the seed.
pub fn simulation_inputs(sim: &Summary) -> Vec<(Field, f64)> {
    let mut out = Vec::new();
    for (k, _) in &sim.ranged {
        let (low, high) = sim.ranges.ends[*k];
        out.extend(low.map(|v| (RANGED[*k].low, v)));
        out.extend(high.map(|v| (RANGED[*k].high, v)));
    }
    out.push((Field::McDraws, f64::from(sim.draws)));
    out.push((Field::McSeed, sim.seed as f64));
    out
}

/// A ranged input's range for people: `−30% to 50% (70,000 to 150,000)`,
/// or growth's `−1 to 3 % per month`.
pub fn range_text(fmt: Fmt, sim: &Summary, k: usize) -> Option<String> {
    let r = RANGED.get(k)?;
    let t = sim.ranged.iter().find(|(row, _)| *row == k)?.1;
    let value = Field::from_name(r.name)?;
    Some(match r.ends {
        Ends::Percent => {
            let (low, high) = sim.ranges.ends[k];
            format!(
                "{} to {} ({} to {})",
                input_text(fmt, r.low, low.unwrap_or(0.0)),
                input_text(fmt, r.high, high.unwrap_or(0.0)),
                input_text(fmt, value, t.low),
                input_text(fmt, value, t.high)
            )
        }
        Ends::Absolute => format!(
            "{} to {}",
            fmt.number(t.low),
            input_text(fmt, value, t.high)
        ),
    })
}

/// A scenario's exported document: its name, its field texts, the inputs
/// and results they give, the builders' fields it uses and the simulation
/// of its ranges, written as JSON ([`ExportDoc::json`]), CSV
/// ([`ExportDoc::csv`]) or Markdown ([`ExportDoc::markdown`]).
#[derive(Clone, Copy)]
pub struct ExportDoc<'a> {
    /// The formatter of the text written for people.
    pub fmt: Fmt,
    /// The scenario's name, exactly as typed.
    pub name: &'a str,
    /// Every field's text.
    pub raw: &'a RawInputs,
    /// The model's inputs.
    pub inputs: &'a Inputs,
    /// The builders' fields the scenario uses, with their values
    /// ([`part_inputs`]); none by default.
    pub parts: &'a [(Field, f64)],
    /// The results of [`ExportDoc::inputs`].
    pub results: &'a Results,
    /// The simulation of the scenario's ranges, when it has any.
    pub simulation: Option<&'a Summary>,
    /// Its options side by side, written when the user added options.
    pub options: Option<&'a OptionsView>,
}

impl<'a> ExportDoc<'a> {
    /// The document of a scenario: no builders' fields, no simulation.
    pub fn new(
        fmt: Fmt,
        name: &'a str,
        raw: &'a RawInputs,
        inputs: &'a Inputs,
        results: &'a Results,
    ) -> Self {
        ExportDoc {
            fmt,
            name,
            raw,
            inputs,
            parts: &[],
            results,
            simulation: None,
            options: None,
        }
    }

    /// The same document with the scenario's options: with options 3 to
    /// 6 added, each option's kind and name as `input` rows, and each
    /// option's cost and present-value cost, the cheapest and the crossover
    /// volumes as `result` rows after the figures (none without them, so
    /// other documents are as before).
    pub fn with_options(self, options: Option<&'a OptionsView>) -> Self {
        ExportDoc {
            options: options.filter(|o| o.has_added()),
            ..self
        }
    }

    /// The same document with the builders' fields the scenario uses.
    pub fn with_parts(self, parts: &'a [(Field, f64)]) -> Self {
        ExportDoc { parts, ..self }
    }

    /// The same document with the simulation of the scenario's ranges.
    pub fn with_simulation(self, simulation: Option<&'a Summary>) -> Self {
        ExportDoc { simulation, ..self }
    }

    /// The document as JSON, which [`import_json`] reads back: `inputs`
    /// holds the model's six inputs as numbers (whatever built them),
    /// `fields` every field's text; undefined figures are `null`; a
    /// `simulation` member when there is one.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&ScenarioFile {
            format: FORMAT,
            version: url::VERSION,
            name: self.name,
            query: url::encode(self.raw, &RawInputs::example()),
            inputs: CoreInputs(self.inputs),
            fields: self.raw,
            results: Figures(self.results),
            simulation: self.simulation.map(|s| SimulationJson(self.fmt, s)),
        })
        .unwrap_or_default()
    }

    /// The inputs and figures as the JSON has them, for the host API:
    /// `{ "inputs": <fields>, "figures": <results> }` ([`state_json`]).
    pub fn state_json(&self) -> String {
        state_json(self.raw, Some(self.results))
    }

    /// The document as CSV: `kind,name,label,value,text`; the first row
    /// after the header names the scenario (`scenario,name,Scenario,,<name>`).
    /// Then the model's inputs, the builders' fields (each labelled by
    /// [`part_label`]), the ranges' ends, draws and seed as `input` rows;
    /// every figure, the status and the simulation's figures as `result`
    /// rows.
    pub fn csv(&self) -> String {
        let (fmt, i, r) = (self.fmt, self.inputs, self.results);
        let mut out = csv_line(["kind", "name", "label", "value", "text"]);
        out += &csv_row([
            Cell::Text("scenario"),
            Cell::Text("name"),
            Cell::Text("Scenario"),
            Cell::Number(""),
            Cell::Text(self.name),
        ]);
        let ranges = self.simulation.map(simulation_inputs).unwrap_or_default();
        let used = used_inputs([i])
            .into_iter()
            .map(|f| (f, input_value(i, f).unwrap_or_default()));
        let used = used.map(|(f, v)| (f, v, f.label().to_owned()));
        let parts = self.parts.iter().map(|&(f, v)| (f, v, part_label(f)));
        let ranges = ranges
            .into_iter()
            .map(|(f, v)| (f, v, f.label().to_owned()));
        for (f, v, label) in used.chain(parts).chain(ranges) {
            // A month is written as the field has it (`2027-03`).
            let value = if f.kind() == Kind::YearMonth {
                input_text(fmt, f, v)
            } else {
                data(v)
            };
            out += &csv_row([
                Cell::Text("input"),
                Cell::Text(f.name()),
                Cell::Text(&label),
                Cell::Number(&value),
                Cell::Text(&input_text(fmt, f, v)),
            ]);
        }
        for figure in Figure::of(r) {
            out += &csv_result(fmt, figure.spec(), r);
        }
        out += &csv_line([
            "result",
            "status",
            "Status",
            r.status.name(),
            r.status.name(),
        ]);
        if let Some(o) = self.options {
            for (kind, name, label, value, text) in option_rows(fmt, self.raw, o) {
                out += &csv_row([
                    Cell::Text(kind),
                    Cell::Text(&name),
                    Cell::Text(&label),
                    Cell::Number(&value),
                    Cell::Text(&text),
                ]);
            }
        }
        if let Some(s) = self.simulation {
            for figure in SimFigure::ALL {
                out += &csv_result(fmt, figure.spec(), s);
            }
        }
        out
    }

    /// The document as a Markdown table: the inputs, the builders' fields
    /// (a choice written as the form writes it, `From tokens`, every other
    /// value as in the CSV), every figure and, with a simulation, each
    /// range, the cases simulated, the simulation's figures and its
    /// sentence under the table.
    pub fn markdown(&self) -> String {
        let (fmt, i, r) = (self.fmt, self.inputs, self.results);
        let mut out = format!("**{}**\n\n| | |\n|---|---:|\n", md_cell(self.name));
        let text = |f: Field, v: f64| match f.kind() {
            Kind::Choice(_) => input_words(fmt, f, v),
            _ => input_text(fmt, f, v),
        };
        for f in used_inputs([i]) {
            let v = input_value(i, f).unwrap_or_default();
            out += &format!("| {} | {} |\n", f.label(), text(f, v));
        }
        for &(f, v) in self.parts {
            out += &format!("| {} | {} |\n", part_label(f), text(f, v));
        }
        for figure in Figure::of(r) {
            out += &md_row(fmt, figure.spec(), r);
        }
        if let Some(o) = self.options {
            for (_, _, label, _, text) in option_rows(fmt, self.raw, o) {
                out += &format!("| {} | {} |\n", md_cell(&label), md_cell(&text));
            }
        }
        if let Some(s) = self.simulation {
            for (k, _) in &s.ranged {
                if let Some(text) = range_text(fmt, s, *k) {
                    out += &format!("| {}, range | {} |\n", RANGED[*k].label, text);
                }
            }
            out += &format!(
                "| Simulated cases | {} (seed {}) |\n",
                fmt.number(f64::from(s.draws)),
                s.seed
            );
            for figure in SimFigure::ALL {
                out += &md_row(fmt, figure.spec(), s);
            }
            out += &format!("\n{}\n", md_cell(&sentence(fmt, s)));
        }
        out
    }
}

/// One row of a document's options: `input` or `result`, name, label,
/// value (data), text.
type OptionRow = (&'static str, String, String, String, String);

/// The options' rows of a document: each added option's kind and name
/// (`input` rows without a value), then each option's cost and
/// present-value cost, the cheapest option and the crossover volumes.
fn option_rows(fmt: Fmt, raw: &RawInputs, o: &OptionsView) -> Vec<OptionRow> {
    let mut rows = Vec::new();
    for line in o.lines.iter().filter(|l| l.number > 2) {
        for term in [Term::Kind, Term::Name] {
            if let Some(f) = term.of(line.number) {
                let text = match term {
                    Term::Kind => line.kind.name().to_owned(),
                    _ => raw.get(f).trim().to_owned(),
                };
                rows.push((
                    "input",
                    f.name().to_owned(),
                    f.label().to_owned(),
                    String::new(),
                    text,
                ));
            }
        }
    }
    for line in &o.lines {
        let k = line.number;
        let (cost, pv) = match line.cost {
            Some(c) => (
                (data(c.cost), fmt.money(c.cost)),
                (data(c.pv_cost), fmt.money(c.pv_cost)),
            ),
            None => (
                (String::new(), "invalid".to_owned()),
                (String::new(), "invalid".to_owned()),
            ),
        };
        rows.push((
            "result",
            format!("option_cost_{k}"),
            format!("Option {k} cost ({})", line.title),
            cost.0,
            cost.1,
        ));
        rows.push((
            "result",
            format!("option_pv_cost_{k}"),
            format!("Option {k} present-value cost ({})", line.title),
            pv.0,
            pv.1,
        ));
    }
    rows.push((
        "result",
        "cheapest_option".to_owned(),
        "Cheapest option".to_owned(),
        o.cheapest.map_or_else(String::new, |k| k.to_string()),
        o.cheapest_text(),
    ));
    rows.push((
        "result",
        "crossover_volumes".to_owned(),
        "Cheapest changes at".to_owned(),
        o.volumes_data(),
        o.crossovers_text(fmt),
    ));
    rows
}

/// A figure's `result` row of the CSV: its raw value (empty when
/// undefined) and its text.
fn csv_result<R>(fmt: Fmt, spec: &Spec<R>, r: &R) -> String {
    let value = (spec.get)(r).map_or_else(String::new, data);
    csv_row([
        Cell::Text("result"),
        Cell::Text(spec.name),
        Cell::Text(spec.label),
        Cell::Number(&value),
        Cell::Text(&spec.text(fmt, r)),
    ])
}

/// A figure's row of the Markdown table.
fn md_row<R>(fmt: Fmt, spec: &Spec<R>, r: &R) -> String {
    format!("| {} | {} |\n", spec.label, spec.text(fmt, r))
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Why an imported file is refused. The messages are shown as a list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not JSON.
    #[error("The file is not valid JSON.")]
    NotJson,
    /// JSON, but not an FT-ROI export.
    #[error("The file is not an FT-ROI scenario export ({0}).")]
    NotExport(String),
    /// Made by a newer version.
    #[error("The file was made by a newer version of FT-ROI (format {0}).")]
    FutureVersion(u64),
    /// One input is missing.
    #[error("{0}: missing.")]
    Missing(&'static str),
    /// One input is not a number or a string.
    #[error("{0}: not a number.")]
    NotANumber(&'static str),
    /// One input is out of its range.
    #[error("{0}: {1}")]
    Invalid(&'static str, String),
}

/// An exported file as read back: every member optional and taken as it
/// comes, so that each problem gets its own message below rather than
/// serde's. Unknown members are ignored.
#[derive(Deserialize)]
struct ImportedFile {
    #[serde(default)]
    format: Value,
    #[serde(default)]
    version: Value,
    #[serde(default)]
    name: Value,
    #[serde(default)]
    inputs: Value,
    #[serde(default)]
    fields: Value,
}

/// Reads an exported JSON file: the field texts when every input is valid,
/// otherwise every problem found. An invalid file changes nothing.
pub fn import_json(text: &str) -> Result<(Option<String>, RawInputs), Vec<ImportError>> {
    let file: ImportedFile = super::store::object(text).map_err(|e| {
        vec![match e {
            StoreError::NotJson => ImportError::NotJson,
            StoreError::WrongShape(why) if why == NOT_AN_OBJECT => {
                ImportError::NotExport("not a JSON object".to_owned())
            }
            other => ImportError::NotExport(other.to_string()),
        }]
    })?;
    match file.format.as_str() {
        Some(FORMAT) => {}
        Some(other) => return Err(vec![ImportError::NotExport(format!("format \"{other}\""))]),
        None => return Err(vec![ImportError::NotExport("no \"format\"".to_owned())]),
    }
    let version = file
        .version
        .as_f64()
        .filter(|v| v.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(v))
        .map_or(1, |v| v as u64);
    if version > u64::from(url::VERSION) {
        return Err(vec![ImportError::FutureVersion(version)]);
    }
    let Some(inputs) = file.inputs.as_object() else {
        return Err(vec![ImportError::NotExport(
            "no \"inputs\" object".to_owned(),
        )]);
    };
    let fields = file.fields.as_object();
    let mut raw = RawInputs::example();
    let mut errors = Vec::new();
    // Numbers become text in the file's own number format, which is what
    // the text is then read with: 150.125 is `150,125` in de-DE.
    let mark = fields
        .and_then(|f| f.get(Field::Locale.name()))
        .and_then(Value::as_str)
        .map_or(DecimalMark::Point, DecimalMark::of_locale);
    for field in Field::ALL {
        // The six model inputs must be in `inputs`; the builders' fields are
        // optional (files from before the builders lack them).
        let value = if Field::CORE.contains(&field) {
            inputs.get(field.name())
        } else {
            fields.and_then(|f| f.get(field.name()))
        };
        let text = match value {
            None | Some(Value::Null) if Field::CORE.contains(&field) => {
                errors.push((field, ImportError::Missing(field.label())));
                continue;
            }
            None | Some(Value::Null) => continue,
            // Written the shortest way that reads back exactly: 3000, not 3000.0.
            Some(Value::Number(v)) => {
                crate::core::present::float::display(v.as_f64().unwrap_or_default())
                    .replace('.', &mark.char().to_string())
            }
            Some(Value::String(s)) => s.chars().take(url::MAX_VALUE_LEN).collect(),
            Some(_) => {
                errors.push((field, ImportError::NotANumber(field.label())));
                continue;
            }
        };
        raw.set(field, text);
    }
    // A bad range on an estimate is refused like any bad field.
    // A field already reported as missing or not a number is not
    // reported again.
    let reported: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
    for (f, e) in parse_scenario(&raw).damaging() {
        if !reported.contains(&f) {
            push_in_form_order(
                &mut errors,
                f,
                ImportError::Invalid(f.label(), e.to_string()),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_iter().map(|(_, e)| e).collect());
    }
    let name = file
        .name
        .as_str()
        .and_then(|n| super::store::clean_name(n).ok());
    Ok((name, raw))
}
