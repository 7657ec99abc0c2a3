//! Exports (JSON, CSV, Markdown) of a scenario and its results, and the
//! import of an exported JSON file, validated field by field.

use super::csv::csv_line;
use super::field::{push_in_form_order, Field, Kind};
use super::format::{data, money_input, number, unit_cost};
use super::json::{self, Json};
use super::metrics::METRICS;
use super::model::{Inputs, Results};
use super::parse::{parse_scenario, DecimalMark, RawInputs};
use super::scenario;

/// The `format` tag of exported JSON files.
pub const FORMAT: &str = "ft-roi-scenario";

/// A value of `field` written for people: `$2,500`, `$0.012`, `100,000`,
/// `12 months`, `15%`.
pub fn input_text(field: Field, v: f64) -> String {
    match field.kind() {
        Kind::Money => money_input(v),
        Kind::UnitCost => unit_cost(v),
        Kind::Count => number(v),
        Kind::Months => format!("{} months", number(v)),
        Kind::Bounded(_) | Kind::Signed(_) => format!("{} {}", number(v), field.unit()),
        Kind::Choice(options) => options.get(v as usize).copied().unwrap_or("").to_owned(),
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
        _ => return None,
    })
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
/// then each extra input that one of them uses (is not zero), so that an
/// export reproduces its own figures.
pub fn used_inputs<'a>(scenarios: impl IntoIterator<Item = &'a Inputs>) -> Vec<Field> {
    let scenarios: Vec<&Inputs> = scenarios.into_iter().collect();
    Field::CORE
        .into_iter()
        .chain(EXTRA.into_iter().filter(|&f| {
            scenarios
                .iter()
                .any(|i| input_value(i, f).is_some_and(|v| v != 0.0))
        }))
        .collect()
}

/// The scenario and its results as a JSON document that [`import_json`]
/// reads back: `inputs` holds the model's six inputs as numbers (whatever
/// built them), `fields` every field's text. Undefined figures are `null`.
pub fn to_json(name: &str, raw: &RawInputs, i: &Inputs, r: &Results) -> String {
    let inputs = Json::object(
        Field::CORE
            .into_iter()
            .map(|f| (f.name(), input_value(i, f).into())),
    );
    let mut results: Vec<(String, Json)> = METRICS
        .iter()
        .map(|m| (m.name.to_owned(), (m.get)(r).into()))
        .collect();
    results.push(("status".to_owned(), r.status.name().into()));
    Json::object([
        ("format", FORMAT.into()),
        ("version", u64::from(scenario::VERSION).into()),
        ("name", name.into()),
        ("query", scenario::encode(raw, &RawInputs::example()).into()),
        ("inputs", inputs),
        ("fields", super::store::fields_json(raw)),
        ("results", Json::Object(results)),
    ])
    .to_pretty_text()
}

/// The scenario and its results as CSV: `kind,name,label,value,text`.
pub fn to_csv(i: &Inputs, r: &Results) -> String {
    let mut out = csv_line(["kind", "name", "label", "value", "text"]);
    for f in used_inputs([i]) {
        let v = input_value(i, f).unwrap_or_default();
        out += &csv_line(["input", f.name(), f.label(), &data(v), &input_text(f, v)]);
    }
    for m in &METRICS {
        let value = (m.get)(r).map_or_else(String::new, data);
        out += &csv_line(["result", m.name, m.label, &value, &m.text(r)]);
    }
    out += &csv_line([
        "result",
        "status",
        "Status",
        r.status.name(),
        r.status.name(),
    ]);
    out
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The scenario and its results as a Markdown table.
pub fn to_markdown(name: &str, i: &Inputs, r: &Results) -> String {
    let mut out = format!("**{}**\n\n| | |\n|---|---:|\n", md_cell(name));
    for f in used_inputs([i]) {
        out += &format!(
            "| {} | {} |\n",
            f.label(),
            input_text(f, input_value(i, f).unwrap_or_default())
        );
    }
    for m in &METRICS {
        out += &format!("| {} | {} |\n", m.label, m.text(r));
    }
    out
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

/// Reads an exported JSON file: the field texts when every input is valid,
/// otherwise every problem found. An invalid file changes nothing.
pub fn import_json(text: &str) -> Result<(Option<String>, RawInputs), Vec<ImportError>> {
    let obj = json::parse(text).ok_or_else(|| vec![ImportError::NotJson])?;
    if obj.as_object().is_none() {
        return Err(vec![ImportError::NotExport("not a JSON object".to_owned())]);
    }
    match obj.get("format").and_then(Json::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(vec![ImportError::NotExport(format!("format \"{other}\""))]),
        None => return Err(vec![ImportError::NotExport("no \"format\"".to_owned())]),
    }
    let version = obj.get("version").and_then(Json::as_u64).unwrap_or(1);
    if version > u64::from(scenario::VERSION) {
        return Err(vec![ImportError::FutureVersion(version)]);
    }
    let Some(inputs) = obj.get("inputs").filter(|v| v.as_object().is_some()) else {
        return Err(vec![ImportError::NotExport(
            "no \"inputs\" object".to_owned(),
        )]);
    };
    let fields = obj.get("fields").filter(|v| v.as_object().is_some());
    let mut raw = RawInputs::example();
    let mut errors = Vec::new();
    // Numbers become text in the file's own number format, which is what
    // the text is then read with: 150.125 is `150,125` in de-DE.
    let mark = fields
        .and_then(|f| f.get(Field::Locale.name()))
        .and_then(Json::as_str)
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
            None | Some(Json::Null) if Field::CORE.contains(&field) => {
                errors.push((field, ImportError::Missing(field.label())));
                continue;
            }
            None | Some(Json::Null) => continue,
            // Written the shortest way that reads back exactly: 3000, not 3000.0.
            Some(Json::Number(v)) => {
                super::float::display(*v).replace('.', &mark.char().to_string())
            }
            Some(Json::String(s)) => s.chars().take(scenario::MAX_VALUE_LEN).collect(),
            Some(_) => {
                errors.push((field, ImportError::NotANumber(field.label())));
                continue;
            }
        };
        raw.set(field, text);
    }
    if let Err(field_errors) = parse_scenario(&raw) {
        // A field already reported as missing or not a number is not
        // reported again.
        let reported: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        for (f, e) in field_errors {
            if !reported.contains(&f) {
                push_in_form_order(
                    &mut errors,
                    f,
                    ImportError::Invalid(f.label(), e.to_string()),
                );
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_iter().map(|(_, e)| e).collect());
    }
    let name = obj
        .get("name")
        .and_then(Json::as_str)
        .and_then(|n| super::store::clean_name(n).ok());
    Ok((name, raw))
}
