//! What choosing a catalogue model puts in the fields (issue #16): the
//! prices of a side, converted to the scenario's price unit and currency,
//! each with its date and source; which filled values the user has since
//! changed; the oldest price in use; model labels the catalogue does not
//! know. The fields stay the truth: this only proposes texts and compares.

use super::catalogue::{entry, is_stale, Dated, Entry, Side};
use super::field::Field;
use super::format::{data, Escaped};
use super::parse::{parse_field, parse_fx_rate, DecimalMark, RawInputs};

impl Side {
    /// The label field naming this side's model.
    pub const fn model_field(self) -> Field {
        match self {
            Side::Baseline => Field::BaseModel,
            Side::FineTuned => Field::FtModel,
        }
    }

    /// The serving mode and hourly hosting fee fields of this side (issue
    /// #15's serving costs).
    pub const fn serving_fields(self) -> [Field; 2] {
        match self {
            Side::Baseline => [Field::BaseServing, Field::BaseHostRate],
            Side::FineTuned => [Field::FtServing, Field::FtHostRate],
        }
    }

    /// The input, output and cached-input price fields of this side.
    pub const fn price_fields(self) -> [Field; 3] {
        match self {
            Side::Baseline => [
                Field::BaseInputPrice,
                Field::BaseOutputPrice,
                Field::BaseCachePrice,
            ],
            Side::FineTuned => [
                Field::FtInputPrice,
                Field::FtOutputPrice,
                Field::FtCachePrice,
            ],
        }
    }
}

/// How catalogue prices (US dollars) become the scenario's currency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Conversion {
    /// The scenario is in US dollars: prices as they are.
    Usd,
    /// Scenario currency per US dollar, as typed in `fx_rate`.
    Rate(f64),
}

/// Why nothing can be filled yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedsRate {
    /// The scenario is not in US dollars and `fx_rate` is empty.
    Missing,
    /// `fx_rate` holds text that is not a rate.
    Invalid,
}

/// The conversion the scenario allows: US dollars as they are, another
/// currency only with the rate typed in `fx_rate`.
pub fn conversion(raw: &RawInputs) -> Result<Conversion, NeedsRate> {
    if raw.get(Field::Currency).trim() == "USD" {
        return Ok(Conversion::Usd);
    }
    match parse_fx_rate(raw) {
        Ok(Some(rate)) => Ok(Conversion::Rate(rate)),
        Ok(None) => Err(NeedsRate::Missing),
        Err(_) => Err(NeedsRate::Invalid),
    }
}

/// One price the catalogue puts in a field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fill {
    /// The field it goes in.
    pub field: Field,
    /// The entry it comes from.
    pub entry: &'static Entry,
    /// The catalogue's price, US dollars per 1M tokens (per hour for a
    /// hosting fee).
    pub usd: f64,
    /// The value for the field: in the scenario's currency and, for token
    /// prices, per its price unit.
    pub value: f64,
    /// Its date and source.
    pub dated: Dated,
    /// The rate it was converted at, when the scenario is not in US dollars.
    pub rate: Option<f64>,
    /// The catalogue lists no cached-input price: the input price is used
    /// (no discount).
    pub no_cache_price: bool,
}

/// The prices choosing `entry` on `side` puts in the fields of `raw`'s
/// scenario: the token prices (per 1M or 1K tokens, as the scenario's price
/// unit says), for a fine-tuned model the training price, and where the
/// provider charges one the hourly hosting fee per deployment (serving,
/// issue #15); all in the scenario's currency. Nothing without a rate for a currency other than
/// US dollars.
pub fn fills(entry: &'static Entry, side: Side, raw: &RawInputs) -> Result<Vec<Fill>, NeedsRate> {
    Ok(match conversion(raw)? {
        Conversion::Usd => fills_at(entry, side, raw, 1.0, None),
        Conversion::Rate(r) => fills_at(entry, side, raw, r, Some(r)),
    })
}

/// [`fills`] converted with `factor` (scenario currency per US dollar).
fn fills_at(
    entry: &'static Entry,
    side: Side,
    raw: &RawInputs,
    factor: f64,
    rate: Option<f64>,
) -> Vec<Fill> {
    let per_unit = if raw.get(Field::PriceUnit).trim() == "1k" {
        1e-3
    } else {
        1.0
    };
    let mut out = Vec::new();
    let fill = |field: Field, usd: f64, dated: Dated, scale: f64| Fill {
        field,
        entry,
        usd,
        value: usd * scale * factor,
        dated,
        rate,
        no_cache_price: false,
    };
    if let Some(t) = entry.tokens {
        let [input, output, cached] = side.price_fields();
        out.push(fill(input, t.input, entry.dated, per_unit));
        out.push(fill(output, t.output, entry.dated, per_unit));
        out.push(Fill {
            no_cache_price: t.cached_input.is_none(),
            ..fill(
                cached,
                t.cached_input.unwrap_or(t.input),
                entry.dated,
                per_unit,
            )
        });
    }
    if side == Side::FineTuned {
        if let Some(training) = entry.training {
            out.push(fill(Field::TrainPrice, training.price, training.dated, 1.0));
        }
    }
    if let Some(hosting) = entry.hosting {
        out.push(fill(
            side.serving_fields()[1],
            hosting.price,
            hosting.dated,
            1.0,
        ));
    }
    out
}

/// The serving mode choosing `entry` on `side` sets (issue #15), judged
/// before the choice: `hourly` when its provider charges a hosting fee;
/// back to `per_token` when it does not and the side is hourly only for the
/// previous model's fee (filled from the catalogue and unchanged); else
/// `None`, and the user's own choice stays.
pub fn serving_after(entry: &Entry, side: Side, raw: &RawInputs) -> Option<&'static str> {
    let [mode, rate] = side.serving_fields();
    if entry.hosting.is_some() {
        return Some("hourly");
    }
    let hourly = raw.get(mode).trim() == "hourly";
    let fee_from_catalogue = current(raw)
        .iter()
        .any(|f| f.field == rate && !is_changed(f, raw));
    (hourly && fee_from_catalogue).then_some("per_token")
}

/// Whether the fields of `side` still hold what `entry` filled at
/// `factor` (scenario currency per US dollar; 1 for US dollars): then a new
/// exchange rate may convert them again, as nobody has edited them since.
pub fn untouched_at(entry: &'static Entry, side: Side, raw: &RawInputs, factor: f64) -> bool {
    fills_at(entry, side, raw, factor, None)
        .iter()
        .all(|f| !is_changed(f, raw))
}

/// The conversion factor of [`Fill::rate`]: the rate, or 1 in US dollars.
pub fn factor(fill: &Fill) -> f64 {
    fill.rate.unwrap_or(1.0)
}

/// A value as field text in the scenario's number format: rounded to 15
/// significant digits (no binary noise like 0.27600000000000002), written
/// the shortest way, with the format's decimal mark.
pub fn text(value: f64, mark: DecimalMark) -> String {
    let t = data(value);
    if mark == DecimalMark::Comma {
        t.replacen('.', ",", 1)
    } else {
        t
    }
}

/// The prices of the models `raw` names (by their labels), as they would be
/// filled now: what each field is compared with, and where its date and
/// source come from. Empty for a side without a label, with a label the
/// catalogue does not know, or while a rate is needed.
pub fn current(raw: &RawInputs) -> Vec<Fill> {
    Side::BOTH
        .into_iter()
        .filter_map(|side| {
            let e = entry(raw.get(side.model_field()).trim()).filter(|e| side.fits(e))?;
            fills(e, side, raw).ok()
        })
        .flatten()
        .collect()
}

/// Whether the field of `fill` holds something else than the catalogue's
/// value now: another number (beyond rounding), or text that is not one.
pub fn is_changed(fill: &Fill, raw: &RawInputs) -> bool {
    differs(fill, raw.get(fill.field), raw.decimal_mark())
}

/// Whether `text` (read with `mark`) is something else than the value of
/// `fill`: another number beyond rounding, or not a valid number.
pub fn differs(fill: &Fill, text: &str, mark: DecimalMark) -> bool {
    match parse_field(fill.field, text, mark) {
        Ok(v) => (v - fill.value).abs() > 1e-9 * v.abs().max(fill.value.abs()),
        Err(_) => true,
    }
}

/// Whether the scenario's figures use `field` (its section is built from
/// the parts the field belongs to).
fn in_use(field: Field, raw: &RawInputs) -> bool {
    let is = |f: Field, option: &str| raw.get(f).trim() == option;
    match field {
        Field::TrainPrice => {
            is(Field::TrainingMode, "itemized") && is(Field::ComputeMode, "tokens")
        }
        Field::BaseHostRate => is(Field::BaseServing, "hourly"),
        Field::FtHostRate => is(Field::FtServing, "hourly"),
        _ => is(Field::CostMode, "tokens"),
    }
}

/// The oldest date among the catalogue prices the figures use: filled,
/// unchanged, in a section the scenario builds from its parts.
pub fn oldest_in_use(raw: &RawInputs) -> Option<&'static str> {
    current(raw)
        .into_iter()
        .filter(|f| in_use(f.field, raw) && !is_changed(f, raw))
        .map(|f| f.dated.as_of)
        .min()
}

/// Whether a catalogue price in use is more than 180 days older than
/// `today` (days since 1970-01-01): its date, when it is.
pub fn stale(raw: &RawInputs, today: i64) -> Option<&'static str> {
    oldest_in_use(raw).filter(|d| is_stale(d, today))
}

/// The model labels of `raw` that name no model of their side in this
/// catalogue (a link from a newer catalogue, a typo): each is ignored, and
/// the prices in the fields still apply.
pub fn unknown_models(raw: &RawInputs) -> Vec<(Side, String)> {
    Side::BOTH
        .into_iter()
        .filter_map(|side| {
            let label = raw.get(side.model_field()).trim();
            let known = entry(label).is_some_and(|e| side.fits(e));
            (!label.is_empty() && !known).then(|| (side, label.to_owned()))
        })
        .collect()
}

/// The catalogue's labels of a scenario for its CSV and Markdown exports:
/// each model label (field, id, the model's name when the catalogue knows
/// it) and, in a currency other than US dollars, the exchange rate typed.
/// Empty when the scenario names no model, so other exports are unchanged.
pub fn export_labels(raw: &RawInputs) -> Vec<(Field, String, String)> {
    let mut out: Vec<(Field, String, String)> = Side::BOTH
        .into_iter()
        .filter_map(|side| {
            let id = raw.get(side.model_field()).trim();
            let name = entry(id).filter(|e| side.fits(e)).map_or_else(
                || "not in this catalogue".to_owned(),
                |e| format!("{} ({})", e.name, e.provider),
            );
            (!id.is_empty()).then(|| (side.model_field(), id.to_owned(), name))
        })
        .collect();
    if let (false, Ok(Some(rate))) = (raw.get(Field::Currency).trim() == "USD", parse_fx_rate(raw))
    {
        let text = format!(
            "{} {} per US dollar",
            data(rate),
            raw.get(Field::Currency).trim()
        );
        out.push((Field::FxRate, data(rate), text));
    }
    out
}

/// [`export_labels`] as lines of the scenario CSV (`kind,name,label,value,text`,
/// kind `label`), to follow [`super::export::to_csv`].
pub fn csv_rows(raw: &RawInputs) -> String {
    export_labels(raw)
        .into_iter()
        .map(|(f, value, text)| super::csv::csv_line(["label", f.name(), f.label(), &value, &text]))
        .collect()
}

/// [`export_labels`] as rows of the Markdown table, to follow
/// [`super::export::to_markdown`].
pub fn markdown_rows(raw: &RawInputs) -> String {
    export_labels(raw)
        .into_iter()
        .map(|(f, value, text)| {
            let cell = |s: &str| s.replace('|', "\\|");
            format!("| {} | {} ({}) |\n", f.label(), cell(&text), cell(&value))
        })
        .collect()
}

/// The note under a field filled from the catalogue, as markup (text
/// escaped): "as of <date> · <source link>", the rate it was converted at,
/// the missing cached-input price; once `changed`, first that the field
/// differs from the catalogue's value (written with `mark`). `code` is the
/// scenario's currency code.
pub fn note_markup(fill: &Fill, changed: bool, mark: DecimalMark, code: &str) -> String {
    let mut out = String::new();
    if changed {
        out += &format!(
            "<span class=\"changed-mark\">Changed from the catalogue's {}.</span> (",
            text(fill.value, mark)
        );
    }
    out += &format!(
        "as of {} · <a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
        fill.dated.as_of,
        Escaped(fill.dated.source),
        Escaped(super::catalogue::source_label(fill.dated.source))
    );
    if let Some(r) = fill.rate {
        out += &format!(
            " · converted at {} {} per US dollar",
            data(r),
            Escaped(code)
        );
    }
    if fill.no_cache_price {
        out += " · no cached-input price listed: the input price";
    }
    if changed {
        out += ")";
    }
    out
}
