//! Exports (JSON, CSV, Markdown) of a scenario and its results, and the
//! import of an exported JSON file, validated field by field.

use serde_json::{json, Map, Value};

use super::field::Field;
use super::format::{money_input, months, number, unit_cost};
use super::metrics::METRICS;
use super::model::{Inputs, Results};
use super::parse::{parse_field, RawInputs};
use super::scenario;

/// The `format` tag of exported JSON files.
pub const FORMAT: &str = "ft-roi-scenario";

/// An input written for people: `$2,500`, `$0.012`, `100,000`, `12 months`.
pub fn input_text(field: Field, v: f64) -> String {
    match field {
        Field::Training | Field::Maintenance => money_input(v),
        Field::Baseline | Field::Finetuned => unit_cost(v),
        Field::Requests => number(v),
        Field::Months => format!("{} months", months(v).trim_end_matches(".00")),
    }
}

fn input_value(i: &Inputs, field: Field) -> f64 {
    match field {
        Field::Training => i.training,
        Field::Maintenance => i.maintenance,
        Field::Baseline => i.baseline,
        Field::Finetuned => i.finetuned,
        Field::Requests => i.requests,
        Field::Months => f64::from(i.months),
    }
}

/// The scenario and its results as a JSON document that [`import_json`]
/// reads back. Undefined figures are `null`.
pub fn to_json(name: &str, i: &Inputs, r: &Results) -> String {
    let inputs: Map<String, Value> = Field::ALL
        .into_iter()
        .map(|f| (f.name().to_owned(), json!(input_value(i, f))))
        .collect();
    let mut results: Map<String, Value> = METRICS
        .iter()
        .map(|m| {
            (
                m.name.to_owned(),
                (m.get)(r).map_or(Value::Null, |v| json!(v)),
            )
        })
        .collect();
    results.insert("status".to_owned(), json!(r.status.name()));
    let doc = json!({
        "format": FORMAT,
        "version": scenario::VERSION,
        "name": name,
        "query": scenario::encode(&i.to_raw(), &RawInputs(Default::default())),
        "inputs": inputs,
        "results": results,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// One CSV field, quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One CSV line from its fields, ending in CRLF.
pub fn csv_line<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The scenario and its results as CSV: `kind,name,label,value,text`.
pub fn to_csv(i: &Inputs, r: &Results) -> String {
    let mut out = csv_line(["kind", "name", "label", "value", "text"]);
    for f in Field::ALL {
        let v = input_value(i, f);
        out += &csv_line([
            "input",
            f.name(),
            f.label(),
            &v.to_string(),
            &input_text(f, v),
        ]);
    }
    for m in &METRICS {
        let value = (m.get)(r).map_or_else(String::new, |v| v.to_string());
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
    for f in Field::ALL {
        out += &format!("| {} | {} |\n", f.label(), input_text(f, input_value(i, f)));
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
    let doc: Value = serde_json::from_str(text).map_err(|_| vec![ImportError::NotJson])?;
    let Some(obj) = doc.as_object() else {
        return Err(vec![ImportError::NotExport("not a JSON object".to_owned())]);
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(vec![ImportError::NotExport(format!("format \"{other}\""))]),
        None => return Err(vec![ImportError::NotExport("no \"format\"".to_owned())]),
    }
    let version = obj.get("version").and_then(Value::as_u64).unwrap_or(1);
    if version > u64::from(scenario::VERSION) {
        return Err(vec![ImportError::FutureVersion(version)]);
    }
    let Some(inputs) = obj.get("inputs").and_then(Value::as_object) else {
        return Err(vec![ImportError::NotExport(
            "no \"inputs\" object".to_owned(),
        )]);
    };
    let mut raw = RawInputs::example();
    let mut errors = Vec::new();
    for field in Field::ALL {
        let text = match inputs.get(field.name()) {
            None | Some(Value::Null) => {
                errors.push(ImportError::Missing(field.label()));
                continue;
            }
            // Written the shortest way that reads back exactly: 3000, not 3000.0.
            Some(Value::Number(n)) => n.as_f64().map_or_else(|| n.to_string(), |v| v.to_string()),
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                errors.push(ImportError::NotANumber(field.label()));
                continue;
            }
        };
        match parse_field(field, &text) {
            Ok(_) => raw.set(field, text),
            Err(e) => errors.push(ImportError::Invalid(field.label(), e.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let name = obj
        .get("name")
        .and_then(Value::as_str)
        .and_then(|n| super::store::clean_name(n).ok());
    Ok((name, raw))
}
