//! The price catalogue: dated, sourced prices of base and fine-tuned models,
//! training, hosting and GPU-hours, compiled in from `data/prices.toml` (read
//! and checked by build.rs; see docs/catalogue.md). Lookups, the pickers'
//! search, the catalogue's CSV and the day arithmetic of its dates. Prices
//! are US dollars: per 1M tokens, per 1M training tokens, per hour.

pub mod fill;
// issue 29: GPU specifications and open models' sizes for training priced by GPU time.
pub mod gpus;
// issue 27: the models' end of life (data/lifecycle.toml).
pub mod lifecycle;

use super::codec::csv::csv_line;
use super::inputs::field::Field;
use super::present::format::{data, Escaped};

/// Where a price comes from and the date its source states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dated {
    /// `YYYY-MM-DD`.
    pub as_of: &'static str,
    /// An `https://` address.
    pub source: &'static str,
}

/// Token prices, US dollars per 1M tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tokens {
    /// Input tokens.
    pub input: f64,
    /// Cached input tokens, when the provider lists a price.
    pub cached_input: Option<f64>,
    /// Output tokens.
    pub output: f64,
    /// Input tokens through the batch API.
    pub batch_input: Option<f64>,
    /// Output tokens through the batch API.
    pub batch_output: Option<f64>,
}

/// A price with its own date and source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Priced {
    /// US dollars (per 1M training tokens, or per hour).
    pub price: f64,
    /// Its date and source.
    pub dated: Dated,
}

/// A price per unit of time or capacity (GPU-hour, model-unit hour), or a
/// range of them (`low == high` for a single price).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitPrice {
    /// What the price is per.
    pub unit: &'static str,
    /// The lowest price, US dollars per unit.
    pub low: f64,
    /// The highest price, US dollars per unit.
    pub high: f64,
}

/// A term of a bill (batch discount, cache writes) as the catalogue knows
/// it for a model: its value, a source saying the provider does not offer
/// it for this model, or nothing (the gathered sources do not state it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Offer<T> {
    /// The term, with its date and source.
    Listed(T),
    /// The provider does not offer (or bill) it for this model, as the
    /// source of that date says.
    NotOffered(Dated),
    /// Not in the catalogue: no gathered source states it.
    NotInCatalogue,
}

impl<T: Copy> Offer<T> {
    /// The term, when listed.
    pub fn listed(self) -> Option<T> {
        match self {
            Offer::Listed(t) => Some(t),
            _ => None,
        }
    }

    /// `None` when listed; else `Some` of the date and source saying the
    /// provider does not offer it, or `Some(None)` when not in the catalogue.
    pub fn unlisted(self) -> Option<Option<Dated>> {
        match self {
            Offer::Listed(_) => None,
            Offer::NotOffered(d) => Some(Some(d)),
            Offer::NotInCatalogue => Some(None),
        }
    }
}

/// The batch API's discount on a model's token prices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Batch {
    /// % off every token price of a batched request: 1 − batch ÷ standard
    /// price, from the entry's batch prices (the same for input and output,
    /// which the build checks).
    pub discount: f64,
    /// The date and source of the batch prices.
    pub dated: Dated,
}

/// The price of writing input tokens to the prompt cache, per lifetime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacheWrite {
    /// A 5-minute cache write, US dollars per 1M tokens (what a pick fills).
    pub five_minutes: f64,
    /// A 1-hour cache write, US dollars per 1M tokens, when listed.
    pub one_hour: Option<f64>,
    /// The date and source of these prices.
    pub dated: Dated,
}

/// Whether a model bills hidden reasoning (thinking) tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reasoning {
    /// `true`: reasoning tokens are billed as output tokens, at the output
    /// price; `false`: the model bills none.
    pub billed: bool,
    /// The date and source saying so.
    pub dated: Dated,
}

/// One catalogue entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    /// Stable identity, `provider/model` (the `base_model` / `ft_model` label).
    pub id: &'static str,
    /// Who sells it.
    pub provider: &'static str,
    /// The model's name.
    pub name: &'static str,
    /// The base model's id, for a fine-tuned model.
    pub base: Option<&'static str>,
    /// The date and source of the entry (and of its token prices).
    pub dated: Dated,
    /// Inference prices, per 1M tokens.
    pub tokens: Option<Tokens>,
    /// Training, per 1M training tokens (dataset tokens × epochs).
    pub training: Option<Priced>,
    /// Hosting a fine-tuned deployment, per hour.
    pub hosting: Option<Priced>,
    /// GPU-hours, provisioned throughput.
    pub unit: Option<UnitPrice>,
    /// The batch discount (issue 27).
    pub batch: Offer<Batch>,
    /// The cache-write prices (issue 27).
    pub cache_write: Offer<CacheWrite>,
    /// Whether it bills reasoning tokens, when a source says (issue 27).
    pub reasoning: Option<Reasoning>,
    /// Disagreeing sources, billing rules; may be empty.
    pub notes: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The entry with `id`.
pub fn entry(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

/// The providers, in catalogue order, each once.
pub fn providers() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for e in ENTRIES {
        if !out.contains(&e.provider) {
            out.push(e.provider);
        }
    }
    out
}

/// Which side of the request-cost builder a model is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The model used today.
    Baseline,
    /// The fine-tuned model.
    FineTuned,
}

impl Side {
    /// Both sides, baseline first.
    pub const BOTH: [Side; 2] = [Side::Baseline, Side::FineTuned];

    /// Whether `entry` can be chosen on this side: on the baseline, a
    /// model with token prices that is not fine-tuned; on the fine-tuned
    /// side, a fine-tuned model with any price a pick fills (token prices,
    /// a training price or a hosting fee: a customised model served only by
    /// provisioned throughput has no token prices, and its fields keep
    /// theirs, see [`fill::gaps`]).
    pub fn fits(self, entry: &Entry) -> bool {
        match self {
            Side::Baseline => entry.tokens.is_some() && entry.base.is_none(),
            Side::FineTuned => {
                entry.base.is_some()
                    && (entry.tokens.is_some()
                        || entry.training.is_some()
                        || entry.hosting.is_some())
            }
        }
    }

    /// The entries that can be chosen on this side, grouped by provider in
    /// catalogue order.
    pub fn choices(self) -> impl Iterator<Item = &'static Entry> {
        ENTRIES.iter().filter(move |e| self.fits(e))
    }
}

/// The entries of `side` that every word of `query` matches (in the id,
/// the provider or the name, ignoring case): what the picker takes when the
/// user commits a search instead of choosing from the list.
pub fn search(side: Side, query: &str) -> Vec<&'static Entry> {
    Pick::Model(side).search(query)
}

impl UnitPrice {
    /// Whether the price is per GPU-hour (then a unit of several GPUs costs
    /// that many times as much).
    pub fn is_gpu_hour(&self) -> bool {
        self.unit == "GPU-hour"
    }

    /// The price a pick fills: the single price, or the middle of a range.
    pub fn middle(&self) -> f64 {
        (self.low + self.high) / 2.0
    }
}

/// What a catalogue pick fills: a side's model (its token
/// prices, training price and hosting fee) or the price of a side's
/// capacity units (from a GPU-hour or model-unit-hour entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    /// A side's model: `base_model` / `ft_model`.
    Model(Side),
    /// A side's capacity unit: `base_unit_type` / `ft_unit_type`.
    Unit(Side),
}

impl Pick {
    /// Every pick: both sides' models, then both sides' units.
    pub const ALL: [Pick; 4] = [
        Pick::Model(Side::Baseline),
        Pick::Model(Side::FineTuned),
        Pick::Unit(Side::Baseline),
        Pick::Unit(Side::FineTuned),
    ];

    /// The side it fills.
    pub const fn side(self) -> Side {
        match self {
            Pick::Model(s) | Pick::Unit(s) => s,
        }
    }

    /// The label field naming the entry chosen (a public name and URL key).
    pub const fn label_field(self) -> Field {
        match self {
            Pick::Model(Side::Baseline) => Field::BaseModel,
            Pick::Model(Side::FineTuned) => Field::FtModel,
            Pick::Unit(Side::Baseline) => Field::BaseUnitType,
            Pick::Unit(Side::FineTuned) => Field::FtUnitType,
        }
    }

    /// What it fills, for people: "the baseline model", "the fine-tuned
    /// side's units".
    pub const fn what(self) -> &'static str {
        match self {
            Pick::Model(Side::Baseline) => "the baseline model",
            Pick::Model(Side::FineTuned) => "the fine-tuned model",
            Pick::Unit(Side::Baseline) => "the baseline's capacity units",
            Pick::Unit(Side::FineTuned) => "the fine-tuned side's capacity units",
        }
    }

    /// Its index in [`Pick::ALL`] (per-pick state in the page).
    pub const fn slot(self) -> usize {
        match self {
            Pick::Model(Side::Baseline) => 0,
            Pick::Model(Side::FineTuned) => 1,
            Pick::Unit(Side::Baseline) => 2,
            Pick::Unit(Side::FineTuned) => 3,
        }
    }

    /// Whether `entry` can be chosen here: a model of the side (see
    /// [`Side::fits`]), or an entry priced per unit-hour.
    pub fn fits(self, entry: &Entry) -> bool {
        match self {
            Pick::Model(side) => side.fits(entry),
            Pick::Unit(_) => entry.unit.is_some(),
        }
    }

    /// The entries that can be chosen, in catalogue order.
    pub fn choices(self) -> impl Iterator<Item = &'static Entry> {
        ENTRIES.iter().filter(move |e| self.fits(e))
    }

    /// The entry `id` names, when it can be chosen here.
    pub fn entry(self, id: &str) -> Option<&'static Entry> {
        entry(id.trim()).filter(|e| self.fits(e))
    }

    /// The choices that every word of `query` matches (in the id, the
    /// provider or the name, ignoring case).
    pub fn search(self, query: &str) -> Vec<&'static Entry> {
        let words: Vec<String> = query
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.choices()
            .filter(|e| {
                let hay = format!("{} {} {}", e.id, e.provider, e.name).to_ascii_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect()
    }
}

/// A short name for a source address: the host, and the owner and project
/// on GitHub (`github.com/BerriAI/litellm`, `learn.microsoft.com`).
pub fn source_label(address: &str) -> &str {
    let rest = address
        .strip_prefix("https://")
        .unwrap_or(address)
        .trim_start_matches("www.");
    let mut parts = rest.splitn(4, '/');
    let host = parts.next().unwrap_or_default();
    if host == "github.com" {
        let owner = parts.next().unwrap_or_default();
        let project = parts.next().unwrap_or_default();
        let len = host.len() + 1 + owner.len() + 1 + project.len();
        return rest[..len.min(rest.len())].trim_end_matches('/');
    }
    host
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the civil-from-days
/// algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms");
/// `None` when `date` is not written that way.
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// How old a price may be before the page says it may have changed, in days.
pub const STALE_AFTER_DAYS: i64 = 180;

/// Whether a price of `as_of` is more than [`STALE_AFTER_DAYS`] older than
/// `today` (days since 1970-01-01, as the browser's clock gives them).
pub fn is_stale(as_of: &str, today: i64) -> bool {
    day_number(as_of).is_some_and(|d| today - d > STALE_AFTER_DAYS)
}

/// The catalogue as CSV (RFC 4180, through [`csv_line`]): one line per
/// entry of `provider` (every entry when `None`), prices in US dollars as
/// the data file has them.
pub fn to_csv(provider: Option<&str>) -> String {
    let mut out = csv_line([
        "id",
        "provider",
        "name",
        "base",
        "input_per_1m",
        "cached_input_per_1m",
        "output_per_1m",
        "batch_input_per_1m",
        "batch_output_per_1m",
        "training_per_1m",
        "training_as_of",
        "training_source",
        "hosting_per_hour",
        "hosting_as_of",
        "hosting_source",
        "unit",
        "unit_price_low",
        "unit_price_high",
        "as_of",
        "source",
        "notes",
        // Issue 27's bill terms, after every earlier column.
        "batch_discount_pct",
        "batch_offered",
        "batch_as_of",
        "batch_source",
        "cache_write_5m_per_1m",
        "cache_write_1h_per_1m",
        "cache_write_billed",
        "cache_write_as_of",
        "cache_write_source",
        "reasoning_billed",
        "reasoning_as_of",
        "reasoning_source",
    ]);
    let num = |v: Option<f64>| v.map(data).unwrap_or_default();
    for e in ENTRIES
        .iter()
        .filter(|e| provider.is_none_or(|p| p == e.provider))
    {
        let t = e.tokens;
        let priced = |p: Option<Priced>| {
            p.map_or_else(
                || [String::new(), String::new(), String::new()],
                |p| {
                    [
                        data(p.price),
                        p.dated.as_of.to_owned(),
                        p.dated.source.to_owned(),
                    ]
                },
            )
        };
        let [training, training_as_of, training_source] = priced(e.training);
        let [hosting, hosting_as_of, hosting_source] = priced(e.hosting);
        out += &csv_line(
            [
                e.id.to_owned(),
                e.provider.to_owned(),
                e.name.to_owned(),
                e.base.unwrap_or_default().to_owned(),
                num(t.map(|t| t.input)),
                num(t.and_then(|t| t.cached_input)),
                num(t.map(|t| t.output)),
                num(t.and_then(|t| t.batch_input)),
                num(t.and_then(|t| t.batch_output)),
                training,
                training_as_of,
                training_source,
                hosting,
                hosting_as_of,
                hosting_source,
                e.unit.map(|u| u.unit.to_owned()).unwrap_or_default(),
                num(e.unit.map(|u| u.low)),
                num(e.unit.map(|u| u.high)),
                e.dated.as_of.to_owned(),
                e.dated.source.to_owned(),
                e.notes.to_owned(),
            ]
            .into_iter()
            .chain(term_cells(e))
            .collect::<Vec<String>>(),
        );
    }
    out
}

/// The bill-term cells of an entry's CSV line (issue 27): each term's
/// value, whether offered (`yes`, `no`, empty when not in the catalogue),
/// its date and source; the retirement date and source.
fn term_cells(e: &Entry) -> [String; 12] {
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let offered = |listed: bool, not: Option<Dated>| match (listed, not) {
        (true, _) => "yes".to_owned(),
        (false, Some(_)) => "no".to_owned(),
        (false, None) => String::new(),
    };
    let dated = |d: Option<Dated>| {
        d.map_or_else(
            || [String::new(), String::new()],
            |d| [d.as_of.to_owned(), d.source.to_owned()],
        )
    };
    let batch_not = e.batch.unlisted().flatten();
    let write_not = e.cache_write.unlisted().flatten();
    let b = e.batch.listed();
    let w = e.cache_write.listed();
    let [b_as_of, b_source] = dated(b.map(|b| b.dated).or(batch_not));
    let [w_as_of, w_source] = dated(w.map(|w| w.dated).or(write_not));
    let [r_as_of, r_source] = dated(e.reasoning.map(|r| r.dated));
    [
        b.map(|b| data(b.discount)).unwrap_or_default(),
        offered(b.is_some(), batch_not),
        b_as_of,
        b_source,
        w.map(|w| data(w.five_minutes)).unwrap_or_default(),
        w.and_then(|w| w.one_hour).map(data).unwrap_or_default(),
        offered(w.is_some(), write_not),
        w_as_of,
        w_source,
        e.reasoning.map(|r| yes_no(r.billed)).unwrap_or_default(),
        r_as_of,
        r_source,
    ]
}

/// A price in US dollars with cents at least (`$0.50`, `$0.075`, `$2.00`),
/// or a dash when there is none.
pub fn usd(v: Option<f64>) -> String {
    let Some(v) = v else {
        return "–".to_owned();
    };
    let t = data(v);
    match t.split_once('.') {
        None => format!("${t}.00"),
        Some((_, d)) if d.len() == 1 => format!("${t}0"),
        Some(_) => format!("${t}"),
    }
}

/// A link to a source, named by [`source_label`], as markup.
fn link(address: &str) -> String {
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
        Escaped(address),
        Escaped(source_label(address))
    )
}

/// The columns of the catalogue view.
const COLUMNS: [&str; 13] = [
    "Model",
    "Provider",
    "Input / 1M",
    "Cached / 1M",
    "Output / 1M",
    "Batch in / out",
    "Cache write 5m / 1h",
    "Reasoning",
    "Training / 1M",
    "Hosting / hour",
    "Other",
    "As of · source",
    "Notes",
];

/// The catalogue view's table as markup (text escaped): the head, then one
/// `<tr data-entry=id>` per entry of `provider` (every entry when `None`),
/// each cell labelled (`data-label`) for the phone layout and marked
/// `none` when it has no price.
pub fn table_markup(provider: Option<&str>) -> String {
    table_markup_on(provider, None)
}

/// [`table_markup`], each model marked as of `today` (days since
/// 1970-01-01, the browser's date) when it has shut down or closed to new
/// fine-tuning jobs ([`lifecycle::row_markup`]).
pub fn table_markup_on(provider: Option<&str>, today: Option<i64>) -> String {
    let mut out = String::from("<thead><tr>");
    for c in COLUMNS {
        // The bill terms' heads may wrap, so that the table fits.
        let wrap = if matches!(c, "Batch in / out" | "Cache write 5m / 1h" | "Reasoning") {
            " class=\"wrap\""
        } else {
            ""
        };
        out += &format!("<th scope=\"col\"{wrap}>{c}</th>");
    }
    out += "</tr></thead><tbody>";
    out += &rows_markup_on(provider, today);
    out + "</tbody>"
}

/// The rows of [`table_markup`].
pub fn rows_markup(provider: Option<&str>) -> String {
    rows_markup_on(provider, None)
}

/// The rows of [`table_markup_on`].
pub fn rows_markup_on(provider: Option<&str>, today: Option<i64>) -> String {
    let mut out = String::new();
    for e in ENTRIES
        .iter()
        .filter(|e| provider.is_none_or(|p| p == e.provider))
    {
        let t = e.tokens;
        let base = e.base.map_or_else(String::new, |b| {
            let name = entry(b).map_or(b, |b| b.name);
            format!(
                "<br><span class=\"muted small\">fine-tuned from {}</span>",
                Escaped(name)
            )
        });
        // the dialog picks too, a button per pick the entry fits.
        let mut picks = String::new();
        for pick in Pick::ALL.into_iter().filter(|p| p.fits(e)) {
            let short = match pick {
                Pick::Model(Side::Baseline) => "Use as baseline",
                Pick::Model(Side::FineTuned) => "Use as fine-tuned",
                Pick::Unit(Side::Baseline) => "Baseline units",
                Pick::Unit(Side::FineTuned) => "Fine-tuned units",
            };
            // The visible words first, then the entry they apply to.
            let long = format!("{short}: {}", e.name);
            picks += &format!(
                "<button type=\"button\" class=\"chip pick\" data-pick=\"{}\" data-id=\"{}\" aria-label=\"{}\">{short}</button>",
                pick.label_field().name(),
                Escaped(e.id),
                Escaped(&long)
            );
        }
        if !picks.is_empty() {
            picks = format!("<span class=\"picks\">{picks}</span>");
        }
        // issue 27: its end of life, in words.
        let base = base + &today.map_or_else(String::new, |t| lifecycle::row_markup(e.id, t));
        out += &format!(
            "<tr data-entry=\"{}\"><th scope=\"row\">{}<br><code>{}</code>{base}{picks}</th><td data-label=\"Provider\">{}</td>",
            Escaped(e.id),
            Escaped(e.name),
            Escaped(e.id),
            Escaped(e.provider)
        );
        let unit = e.unit.map_or_else(
            || "–".to_owned(),
            |u| {
                let high = usd(Some(u.high));
                let range = if u.low == u.high {
                    String::new()
                } else {
                    format!("–{}", &high[1..])
                };
                format!("{}{range} / {}", usd(Some(u.low)), u.unit)
            },
        );
        let batch = match (
            t.and_then(|t| t.batch_input),
            t.and_then(|t| t.batch_output),
            e.batch,
        ) {
            (_, _, Offer::NotOffered(_)) => "Not offered".to_owned(),
            (None, None, _) => "–".to_owned(),
            (i, o, Offer::Listed(b)) => {
                format!("{} / {} ({}% off)", usd(i), usd(o), data(b.discount))
            }
            (i, o, _) => format!("{} / {}", usd(i), usd(o)),
        };
        let cache_write = match e.cache_write {
            Offer::Listed(w) => format!("{} / {}", usd(Some(w.five_minutes)), usd(w.one_hour)),
            Offer::NotOffered(_) => "Not billed".to_owned(),
            Offer::NotInCatalogue => "–".to_owned(),
        };
        let reasoning = match e.reasoning {
            Some(r) if r.billed => "Billed as output".to_owned(),
            Some(_) => "None billed".to_owned(),
            None => "–".to_owned(),
        };
        for (label, text) in COLUMNS[2..11].iter().zip([
            usd(t.map(|t| t.input)),
            usd(t.and_then(|t| t.cached_input)),
            usd(t.map(|t| t.output)),
            batch,
            cache_write,
            reasoning,
            usd(e.training.map(|p| p.price)),
            usd(e.hosting.map(|p| p.price)),
            unit,
        ]) {
            let none = if text == "–" { " none" } else { "" };
            // The bill terms' cells may wrap, so that the table fits.
            let wrap = if matches!(
                *label,
                "Batch in / out" | "Cache write 5m / 1h" | "Reasoning"
            ) {
                " wrap"
            } else {
                ""
            };
            out += &format!(
                "<td class=\"num{none}{wrap}\" data-label=\"{label}\">{}</td>",
                Escaped(&text)
            );
        }
        out += &format!(
            "<td data-label=\"As of\">{} · {}",
            e.dated.as_of,
            link(e.dated.source)
        );
        for (label, p) in [("training", e.training), ("hosting", e.hosting)] {
            if let Some(p) = p.filter(|p| p.dated != e.dated) {
                out += &format!("<br>{label} {} · {}", p.dated.as_of, link(p.dated.source));
            }
        }
        // Each bill term's own date and source (issue 27).
        let batch_dated = match e.batch {
            Offer::Listed(b) => Some(b.dated),
            Offer::NotOffered(d) => Some(d),
            Offer::NotInCatalogue => None,
        };
        let write_dated = match e.cache_write {
            Offer::Listed(w) => Some(w.dated),
            Offer::NotOffered(d) => Some(d),
            Offer::NotInCatalogue => None,
        };
        for (label, d) in [
            ("batch", batch_dated),
            ("cache writes", write_dated),
            ("reasoning", e.reasoning.map(|r| r.dated)),
        ] {
            if let Some(d) = d.filter(|d| *d != e.dated) {
                out += &format!("<br>{label} {} · {}", d.as_of, link(d.source));
            }
        }
        let none = if e.notes.is_empty() { " none" } else { "" };
        out += &format!(
            "</td><td class=\"notes{none}\">{}</td></tr>",
            Escaped(e.notes)
        );
    }
    out
}
