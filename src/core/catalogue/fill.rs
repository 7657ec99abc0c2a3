//! What choosing a catalogue model puts in the fields: the
//! prices of a side, converted to the scenario's price unit and currency,
//! each with its date and source; which filled values the user has since
//! changed; the oldest price in use; model labels the catalogue does not
//! know. The fields stay the truth: this only proposes texts and compares.

use crate::core::catalogue::{entry, is_stale, usd, Dated, Entry, Offer, Pick, Side, UnitPrice};
use crate::core::inputs::field::Field;
use crate::core::inputs::number::parse_number;
use crate::core::inputs::parse::{parse_field, parse_fx_rate, DecimalMark, RawInputs};
use crate::core::present::format::{data, Escaped};

impl Side {
    /// The label field naming this side's model.
    pub const fn model_field(self) -> Field {
        match self {
            Side::Baseline => Field::BaseModel,
            Side::FineTuned => Field::FtModel,
        }
    }

    /// The serving mode and hourly hosting fee fields of this side.
    pub const fn serving_fields(self) -> [Field; 2] {
        match self {
            Side::Baseline => [Field::BaseServing, Field::BaseHostRate],
            Side::FineTuned => [Field::FtServing, Field::FtHostRate],
        }
    }

    /// The capacity unit's fields of this side: the unit type
    /// (the catalogue entry its price comes from), the unit price, the GPUs
    /// per unit.
    pub const fn unit_fields(self) -> [Field; 3] {
        match self {
            Side::Baseline => [
                Field::BaseUnitType,
                Field::BaseUnitRate,
                Field::BaseUnitGpus,
            ],
            Side::FineTuned => [Field::FtUnitType, Field::FtUnitRate, Field::FtUnitGpus],
        }
    }

    /// "baseline" or "fine-tuned", for sentences.
    pub const fn word(self) -> &'static str {
        match self {
            Side::Baseline => "baseline",
            Side::FineTuned => "fine-tuned",
        }
    }

    /// The bill-term fields of this side a catalogue entry speaks to
    /// (issue 27): reasoning tokens per request, the cache-write price, the
    /// batch discount.
    pub const fn term_fields(self) -> [Field; 3] {
        match self {
            Side::Baseline => [
                Field::BaseReasoningTokens,
                Field::BaseCacheWritePrice,
                Field::BaseBatchDiscount,
            ],
            Side::FineTuned => [
                Field::FtReasoningTokens,
                Field::FtCacheWritePrice,
                Field::FtBatchDiscount,
            ],
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
    /// hosting fee); for a batch discount, its % off (not converted).
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
    /// For a capacity unit's price: the entry's price per its
    /// unit and the GPUs per unit it was multiplied by.
    pub per_unit: Option<PerUnit>,
}

/// How a capacity unit's price was made from a GPU-hour or model-unit-hour
/// entry: [`UnitPrice::middle`] × GPUs per unit for a GPU-hour
/// price, the price itself for any other unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerUnit {
    /// The entry's price per its unit (a range or a single price).
    pub price: UnitPrice,
    /// The GPUs per unit it was multiplied by, for a GPU-hour price.
    pub gpus: Option<f64>,
}

/// The prices choosing `entry` on `side` puts in the fields of `raw`'s
/// scenario: the token prices (per 1M or 1K tokens, as the scenario's price
/// unit says), for a fine-tuned model the training price, and where the
/// provider charges one the hourly hosting fee per deployment (serving);
/// all in the scenario's currency. Nothing without a rate for a currency other than
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
        per_unit: None,
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
        // Issue 27: the 5-minute cache write and the batch discount (a
        // percentage: neither the currency nor the price unit applies).
        let [_, write, discount] = side.term_fields();
        if let Offer::Listed(w) = entry.cache_write {
            out.push(fill(write, w.five_minutes, w.dated, per_unit));
        }
        if let Offer::Listed(b) = entry.batch {
            out.push(Fill {
                value: b.discount,
                rate: None,
                ..fill(discount, b.discount, b.dated, 1.0)
            });
        }
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

/// The GPUs per unit typed on `side`, when valid (a whole number from 1 to
/// 1,000).
pub fn unit_gpus(side: Side, raw: &RawInputs) -> Option<f64> {
    let field = side.unit_fields()[2];
    parse_field(field, raw.get(field), raw.decimal_mark()).ok()
}

/// The unit price choosing `entry` for `side`'s capacity units puts in its
/// unit price field, converted with `factor`: the entry's price
/// (the middle of a range) × the side's GPUs per unit for a GPU-hour price.
/// `None` for an entry without a unit price, or a GPU-hour price while the
/// GPUs per unit are not valid.
fn unit_fill_at(
    entry: &'static Entry,
    side: Side,
    raw: &RawInputs,
    factor: f64,
    rate: Option<f64>,
) -> Option<Fill> {
    let price = entry.unit?;
    let gpus = if price.is_gpu_hour() {
        Some(unit_gpus(side, raw)?)
    } else {
        None
    };
    let usd = price.middle();
    Some(Fill {
        field: side.unit_fields()[1],
        entry,
        usd,
        value: usd * gpus.unwrap_or(1.0) * factor,
        dated: entry.dated,
        rate,
        no_cache_price: false,
        per_unit: Some(PerUnit { price, gpus }),
    })
}

/// The prices choosing `entry` for `pick` puts in the fields: a model's
/// ([`fills`]) or a capacity unit's price. Nothing without a rate for a currency other than US
/// dollars.
pub fn pick_fills(
    entry: &'static Entry,
    pick: Pick,
    raw: &RawInputs,
) -> Result<Vec<Fill>, NeedsRate> {
    match pick {
        Pick::Model(side) => fills(entry, side, raw),
        Pick::Unit(side) => {
            let (factor, rate) = match conversion(raw)? {
                Conversion::Usd => (1.0, None),
                Conversion::Rate(r) => (r, Some(r)),
            };
            Ok(unit_fill_at(entry, side, raw, factor, rate)
                .into_iter()
                .collect())
        }
    }
}

/// Every field text choosing `entry` for `pick` sets, in the
/// order to set them: the prices it fills (in the scenario's number
/// format); for a model, request costs built from tokens (the prices count
/// only there) and the serving mode a hosting fee calls for
/// ([`serving_after`]); for a capacity unit, the side's serving by capacity
/// units; last the label. A price the entry does not list keeps its text
/// (see [`gaps`]). Nothing without a rate for a currency other than US
/// dollars.
pub fn choice_texts(
    entry: &'static Entry,
    pick: Pick,
    raw: &RawInputs,
) -> Result<Vec<(Field, String)>, NeedsRate> {
    let mark = raw.decimal_mark();
    let mut out: Vec<(Field, String)> = pick_fills(entry, pick, raw)?
        .into_iter()
        .map(|f| (f.field, text(f.value, mark)))
        .collect();
    let mut set_choice = |field: Field, option: &str| {
        if raw.get(field).trim() != option {
            out.push((field, option.to_owned()));
        }
    };
    match pick {
        Pick::Model(side) => {
            set_choice(Field::CostMode, "tokens");
            if let Some(mode) = serving_after(entry, side, raw) {
                set_choice(side.serving_fields()[0], mode);
            }
            if compute_after(entry, side, raw) == Some(ComputeChange::Switch) {
                set_choice(Field::ComputeMode, "tokens");
            }
        }
        Pick::Unit(side) => set_choice(side.serving_fields()[0], "capacity"),
    }
    out.push((pick.label_field(), entry.id.to_owned()));
    Ok(out)
}

/// The investment builder's items other than the training price: while
/// each still holds the reference example's text, the builder is at its
/// defaults and a catalogue pick may set how compute is priced.
pub const INVESTMENT_ITEMS: [Field; 12] = [
    Field::LabelExamples,
    Field::LabelCost,
    Field::LabelQa,
    Field::ComputeMode,
    Field::ComputeFlat,
    Field::TrainTokens,
    Field::TrainEpochs,
    Field::CurationHours,
    Field::CurationRate,
    Field::SetupHours,
    Field::SetupRate,
    Field::OtherOneTime,
];

/// What choosing a fine-tuned model with a training price does to the
/// training compute of the investment builder, which counts that price only
/// when compute is priced by tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComputeChange {
    /// The builder is at its defaults: compute becomes priced by tokens.
    Switch,
    /// The builder holds the user's own values: the switch is offered,
    /// never made.
    Offer,
}

/// How choosing `entry` on `side` changes training compute, judged before
/// the choice: `None` for a baseline model, a model without a training
/// price, or compute already priced by tokens or by GPU time (a GPU job is
/// the user's deliberate choice: a provider's token price does not apply).
pub fn compute_after(entry: &Entry, side: Side, raw: &RawInputs) -> Option<ComputeChange> {
    if side != Side::FineTuned
        || entry.training.is_none()
        || matches!(raw.get(Field::ComputeMode).trim(), "tokens" | "gpu")
    {
        return None;
    }
    let defaults = INVESTMENT_ITEMS
        .iter()
        .all(|&f| raw.get(f).trim() == f.example());
    Some(if defaults {
        ComputeChange::Switch
    } else {
        ComputeChange::Offer
    })
}

/// What the page says of a [`ComputeChange`] made or offered for `entry`.
pub fn compute_sentence(change: ComputeChange, entry: &Entry) -> String {
    let price = entry.training.map_or_else(String::new, |t| {
        format!(": {} per 1M tokens", usd(Some(t.price)))
    });
    match change {
        ComputeChange::Switch => format!(
            "Training compute in the itemized investment is now priced by training tokens (it \
             was a flat amount), at the training price of {}{price}.",
            entry.name
        ),
        ComputeChange::Offer => format!(
            "Training compute in the itemized investment stays a flat amount, as you set it; \
             price it by training tokens to use the training price of {}{price}.",
            entry.name
        ),
    }
}

/// The unit price to set after the GPUs per unit of `side` changed from
/// `before` to `after`: the catalogue's GPU-hour price × the new
/// GPUs per unit, when the unit price still held the catalogue's value for
/// the old ones (an edited price is the user's own and stays).
pub fn refill_unit_rate(
    before: &RawInputs,
    after: &RawInputs,
    side: Side,
) -> Option<(Field, String)> {
    let pick = Pick::Unit(side);
    let e = pick.entry(after.get(pick.label_field()))?;
    let old = pick_fills(e, pick, before).ok()?.into_iter().next()?;
    if old.per_unit?.gpus.is_none() || is_changed(&old, before) {
        return None;
    }
    let new = pick_fills(e, pick, after).ok()?.into_iter().next()?;
    Some((new.field, text(new.value, after.decimal_mark())))
}

/// The field texts that switch the scenario's token price unit
/// (`price_unit`) to `to` (`1m` or `1k`) without changing a figure (issue
/// 25): every price per token unit (every field whose unit is `$ / unit`:
/// input, output and cached-input prices of both sides), typed or filled,
/// converted (× 1,000 from per 1K to per 1M, ÷ 1,000 the other way) and
/// written in the scenario's number format without binary noise; then the
/// unit itself. A price that is not a valid number keeps its text; nothing
/// to set when `to` is the unit already or not an option.
pub fn switch_price_unit(raw: &RawInputs, to: &str) -> Vec<(Field, String)> {
    let from = raw.get(Field::PriceUnit).trim();
    let factor = match (from, to) {
        ("1k", "1m") => 1e3,
        ("1m", "1k") => 1e-3,
        // An invalid unit reads as nothing the prices were per: no
        // conversion, only the choice.
        (_, "1m" | "1k") if from != to => 1.0,
        _ => return Vec::new(),
    };
    let mark = raw.decimal_mark();
    let mut out: Vec<(Field, String)> = Field::ALL
        .into_iter()
        .filter(|f| f.unit() == "$ / unit" && factor != 1.0)
        .filter_map(|f| {
            let v = parse_number(raw.get(f).trim(), mark).ok()?;
            Some((f, text(v * factor, mark)))
        })
        .collect();
    out.push((Field::PriceUnit, to.to_owned()));
    out
}

/// A price a chosen model does not list: its field keeps a value
/// that is not from the catalogue (a previous model's or the user's own),
/// and says so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The field.
    pub field: Field,
    /// The model chosen.
    pub entry: &'static Entry,
    /// What is not listed: "training price", "hosting fee", "token prices".
    pub what: &'static str,
}

/// The prices the models `raw` names do not list: a fine-tuned model
/// without a training price, a model without a hosting fee on a side that
/// pays one (hourly), (in principle) a model without token prices. Empty for
/// a side without a known model.
pub fn gaps(raw: &RawInputs) -> Vec<Gap> {
    let mut out = Vec::new();
    for side in Side::BOTH {
        let Some(entry) = Pick::Model(side).entry(raw.get(side.model_field())) else {
            continue;
        };
        let mut gap = |field: Field, what: &'static str| out.push(Gap { field, entry, what });
        if entry.tokens.is_none() {
            for field in side.price_fields() {
                gap(field, "token prices");
            }
        }
        if side == Side::FineTuned && entry.training.is_none() {
            gap(Field::TrainPrice, "training price");
        }
        // A fee counts only while the side pays one (most models have none).
        let [mode, fee] = side.serving_fields();
        if entry.hosting.is_none() && raw.get(mode).trim() == "hourly" {
            gap(fee, "hosting fee");
        }
    }
    out
}

/// The note under a field of a [`Gap`], as markup (text escaped).
pub fn gap_markup(gap: &Gap) -> String {
    format!(
        "<span class=\"unlisted-mark\">No {} listed</span> for {} ({}) in the catalogue: this value is \
         not from it (a previous model's or your own). Check it with the provider.",
        gap.what,
        Escaped(gap.entry.name),
        Escaped(gap.entry.provider)
    )
}

/// Why a bill-term field of a side says something about its model
/// (issue 27), instead of or beside a filled value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TermWhy {
    /// The provider does not offer the term for this model (no batch
    /// discount, no billed cache writes), as the source of that date says:
    /// nothing is filled, not even a zero.
    NotOffered(Dated),
    /// No gathered source states the term: not in the catalogue.
    NotInCatalogue,
    /// The model bills reasoning tokens, at the output price: the user
    /// types how many a request uses.
    BillsReasoning(Dated),
    /// The model bills no reasoning tokens, yet the field counts some: a
    /// warning.
    NoReasoning(Dated),
}

impl TermWhy {
    /// The field's `data-catalogue` value.
    pub const fn mark(self) -> &'static str {
        match self {
            TermWhy::NotOffered(_) => "not-offered",
            TermWhy::NotInCatalogue => "not-in-catalogue",
            TermWhy::BillsReasoning(_) => "reasoning",
            TermWhy::NoReasoning(_) => "no-reasoning",
        }
    }
}

/// What a bill-term field says about the model of its side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TermNote {
    /// The field.
    pub field: Field,
    /// The model of its side.
    pub entry: &'static Entry,
    /// What it says.
    pub why: TermWhy,
}

/// Whether the text of `field` in `raw` is a number above 0.
fn positive(raw: &RawInputs, field: Field) -> bool {
    parse_number(raw.get(field).trim(), raw.decimal_mark()).is_ok_and(|v| v > 0.0)
}

/// What the bill-term fields say about the models `raw` names (models with
/// token prices only): a batch discount or cache writes the provider does
/// not offer for the model, or that the catalogue does not have; that the
/// model bills reasoning tokens, or that it bills none while the side counts
/// some.
pub fn term_notes(raw: &RawInputs) -> Vec<TermNote> {
    let mut out = Vec::new();
    for side in Side::BOTH {
        let Some(entry) = Pick::Model(side).entry(raw.get(side.model_field())) else {
            continue;
        };
        if entry.tokens.is_none() {
            continue;
        }
        let [reasoning, write, discount] = side.term_fields();
        let mut note = |field: Field, why: TermWhy| out.push(TermNote { field, entry, why });
        for (field, offer) in [
            (discount, entry.batch.unlisted()),
            (write, entry.cache_write.unlisted()),
        ] {
            match offer {
                None => {}
                Some(Some(d)) => note(field, TermWhy::NotOffered(d)),
                Some(None) => note(field, TermWhy::NotInCatalogue),
            }
        }
        match entry.reasoning {
            Some(r) if r.billed => note(reasoning, TermWhy::BillsReasoning(r.dated)),
            Some(r) if positive(raw, reasoning) => note(reasoning, TermWhy::NoReasoning(r.dated)),
            _ => {}
        }
    }
    out
}

/// The note under a field of a [`TermNote`], as markup (text escaped).
pub fn term_markup(note: &TermNote) -> String {
    let e = note.entry;
    let model = format!("{} ({})", Escaped(e.name), Escaped(e.provider));
    let what = match note.field {
        Field::BaseBatchDiscount | Field::FtBatchDiscount => "batch discount",
        Field::BaseCacheWritePrice | Field::FtCacheWritePrice => "cache-write price",
        _ => "reasoning tokens",
    };
    let cite = |d: &Dated| {
        format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>, {}",
            Escaped(d.source),
            Escaped(super::source_label(d.source)),
            d.as_of
        )
    };
    match note.why {
        TermWhy::NotOffered(d) => {
            let words = if what == "batch discount" {
                "Not offered for this model"
            } else {
                "Cache writes are not billed for this model"
            };
            format!(
                "<span class=\"term-mark\">{words}</span> ({model}: {}): nothing is filled; the \
                 value here is not from the catalogue.",
                cite(&d)
            )
        }
        TermWhy::NotInCatalogue => format!(
            "<span class=\"term-mark\">The {what} of {model} is not in the catalogue</span>: the \
             value here is not from it. Check it with the provider."
        ),
        TermWhy::BillsReasoning(d) => format!(
            "<span class=\"term-mark\">{model} bills reasoning tokens</span> as output tokens: \
             type the reasoning tokens per request ({}).",
            cite(&d)
        ),
        TermWhy::NoReasoning(d) => format!(
            "<span class=\"warning-mark\">{model} bills no reasoning tokens</span> ({}): check \
             the reasoning tokens per request.",
            cite(&d)
        ),
    }
}

/// What a picker's status says about the prices `entry` does not list on
/// `side`, or `None` when it lists every one the side can take.
pub fn gaps_sentence(entry: &Entry, side: Side) -> Option<String> {
    let (what, fields) = match (
        entry.tokens.is_none(),
        side == Side::FineTuned && entry.training.is_none(),
    ) {
        (true, true) => (
            "token prices or training price",
            "those fields keep their values",
        ),
        (true, false) => ("token prices", "the token price fields keep their values"),
        (false, true) => ("training price", "the training price field keeps its value"),
        (false, false) => return None,
    };
    Some(format!(
        "No {what} listed for it: {fields}, not from the catalogue (a previous model's or your \
         own)."
    ))
}

/// What a capacity unit's price is made of, in words with US
/// dollars: "$3.495 per GPU-hour (the middle of $1.99–$5.00) × 4 GPUs per
/// unit", or "$63.00 per model-unit hour".
pub fn per_unit_words(p: &PerUnit) -> String {
    let u = p.price;
    let mut out = format!("{} per {}", usd(Some(u.middle())), u.unit);
    if u.low != u.high {
        out += &format!(
            " (the middle of {}–{})",
            usd(Some(u.low)),
            usd(Some(u.high))
        );
    }
    if let Some(g) = p.gpus {
        out += &format!(
            " × {} GPU{} per unit",
            data(g),
            if g == 1.0 { "" } else { "s" }
        );
    }
    out
}

/// The serving mode choosing `entry` on `side` sets, judged
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
pub fn untouched_at(entry: &'static Entry, pick: Pick, raw: &RawInputs, factor: f64) -> bool {
    match pick {
        Pick::Model(side) => fills_at(entry, side, raw, factor, None),
        Pick::Unit(side) => unit_fill_at(entry, side, raw, factor, None)
            .into_iter()
            .collect(),
    }
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
    Pick::ALL
        .into_iter()
        .filter_map(|pick| {
            let e = pick.entry(raw.get(pick.label_field()))?;
            pick_fills(e, pick, raw).ok()
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
        Field::BaseUnitRate => is(Field::BaseServing, "capacity"),
        Field::FtUnitRate => is(Field::FtServing, "capacity"),
        // A bill term counts only with its share of the bill.
        Field::BaseBatchDiscount => {
            is(Field::CostMode, "tokens") && positive(raw, Field::BaseBatchShare)
        }
        Field::FtBatchDiscount => {
            is(Field::CostMode, "tokens") && positive(raw, Field::FtBatchShare)
        }
        Field::BaseCacheWritePrice => {
            is(Field::CostMode, "tokens") && positive(raw, Field::BaseCacheWriteShare)
        }
        Field::FtCacheWritePrice => {
            is(Field::CostMode, "tokens") && positive(raw, Field::FtCacheWriteShare)
        }
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

/// Every label of `raw` that names nothing its pick can take in this
/// catalogue: each is ignored,
/// and the prices in the fields still apply.
pub fn unknown_labels(raw: &RawInputs) -> Vec<(Field, String)> {
    Pick::ALL
        .into_iter()
        .filter_map(|pick| {
            let label = raw.get(pick.label_field()).trim();
            (!label.is_empty() && pick.entry(label).is_none())
                .then(|| (pick.label_field(), label.to_owned()))
        })
        .collect()
}

/// The catalogue's labels of a scenario for its CSV and Markdown exports:
/// each model label (field, id, the model's name when the catalogue knows
/// it) and, in a currency other than US dollars, the exchange rate typed.
/// Empty when the scenario names no model, so other exports are unchanged.
pub fn export_labels(raw: &RawInputs) -> Vec<(Field, String, String)> {
    let mut out: Vec<(Field, String, String)> = Pick::ALL
        .into_iter()
        .filter_map(|pick| {
            let id = raw.get(pick.label_field()).trim();
            let name = pick.entry(id).map_or_else(
                || "not in this catalogue".to_owned(),
                |e| format!("{} ({})", e.name, e.provider),
            );
            (!id.is_empty()).then(|| (pick.label_field(), id.to_owned(), name))
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
/// kind `label`), to follow [`crate::core::codec::export::to_csv`].
pub fn csv_rows(raw: &RawInputs) -> String {
    export_labels(raw)
        .into_iter()
        .map(|(f, value, text)| {
            crate::core::codec::csv::csv_line(["label", f.name(), f.label(), &value, &text])
        })
        .collect()
}

/// [`export_labels`] as rows of the Markdown table, to follow
/// [`crate::core::codec::export::to_markdown`].
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
        Escaped(super::source_label(fill.dated.source))
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
    if matches!(
        fill.field,
        Field::BaseCacheWritePrice | Field::FtCacheWritePrice
    ) {
        out += " · the 5-minute cache write";
        if let Some(hour) = fill.entry.cache_write.listed().and_then(|w| w.one_hour) {
            out += &format!(" (1 hour: {} per 1M tokens)", usd(Some(hour)));
        }
    }
    if matches!(
        fill.field,
        Field::BaseBatchDiscount | Field::FtBatchDiscount
    ) {
        out += " · 1 − batch ÷ standard price";
    }
    if let Some(p) = &fill.per_unit {
        out += &format!(" · {}", Escaped(&per_unit_words(p)));
    }
    if changed {
        out += ")";
    }
    out
}
