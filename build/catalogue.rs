//! The price catalogue's data file (`data/prices.toml`): reading it, the
//! checks every entry must pass, and the Rust static data generated from it.
//! Shared by `build.rs` (which fails the build on any problem, naming the
//! entry) and `tests/catalogue_data.rs` (a test per rule), so the rules are
//! tested natively with bad inputs. Only build-time code: the page gets the
//! generated data, never this module, serde or the TOML parser.

use serde::Deserialize;

/// The file: a list of `[[entry]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entry: Vec<Entry>,
}

/// One entry as written in the file. Everything is optional here so that a
/// missing key is reported by [`check`] with the entry's name, not by the
/// parser.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable identity, `provider/model`; never reused for another model.
    pub id: Option<String>,
    /// Who sells it, as shown to users.
    pub provider: Option<String>,
    /// The model's name, as shown to users.
    pub name: Option<String>,
    /// The id of the base model, for a fine-tuned model.
    pub base: Option<String>,
    /// The date the source states or was read, `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// Where the prices come from (an `https://` address).
    pub source: Option<String>,
    /// Input tokens, US dollars per 1M.
    pub input: Option<f64>,
    /// Cached input tokens, US dollars per 1M.
    pub cached_input: Option<f64>,
    /// Output tokens, US dollars per 1M.
    pub output: Option<f64>,
    /// Input tokens through the batch API, US dollars per 1M.
    pub batch_input: Option<f64>,
    /// Output tokens through the batch API, US dollars per 1M.
    pub batch_output: Option<f64>,
    /// Training, US dollars per 1M training tokens (dataset tokens × epochs).
    pub training: Option<f64>,
    /// The training price's own date, when its source is another.
    pub training_as_of: Option<String>,
    /// The training price's own source, when another.
    pub training_source: Option<String>,
    /// Hosting a fine-tuned deployment, US dollars per hour.
    pub hosting: Option<f64>,
    /// The hosting fee's own date, when its source is another.
    pub hosting_as_of: Option<String>,
    /// The hosting fee's own source, when another.
    pub hosting_source: Option<String>,
    /// What `unit_price` is per: `GPU-hour`, `model-unit hour`.
    pub unit: Option<String>,
    /// US dollars per `unit`.
    pub unit_price: Option<f64>,
    /// The low end of a range of US dollars per `unit`.
    pub unit_price_low: Option<f64>,
    /// The high end of that range.
    pub unit_price_high: Option<f64>,
    /// The batch prices' own date, when their source is another.
    pub batch_as_of: Option<String>,
    /// The batch prices' own source, when another.
    pub batch_source: Option<String>,
    /// `false`: the provider offers no batch discount for this model (with
    /// `batch_as_of` and `batch_source` saying who says so). Never `true`:
    /// a batch discount is stated by its prices.
    pub batch_offered: Option<bool>,
    /// Writing input tokens to the prompt cache for 5 minutes, US dollars
    /// per 1M (the lifetime a pick fills).
    pub cache_write_5m: Option<f64>,
    /// Writing them for 1 hour, US dollars per 1M.
    pub cache_write_1h: Option<f64>,
    /// The cache-write prices' own date, when their source is another.
    pub cache_write_as_of: Option<String>,
    /// The cache-write prices' own source, when another.
    pub cache_write_source: Option<String>,
    /// `false`: the provider bills no cache writes for this model (with
    /// `cache_write_as_of` and `cache_write_source`). Never `true`: a billed
    /// write is stated by its prices.
    pub cache_write_billed: Option<bool>,
    /// Whether the model bills hidden reasoning (thinking) tokens, at the
    /// output price; with `reasoning_as_of` and `reasoning_source`.
    pub reasoning: Option<bool>,
    /// The date of the source of `reasoning`.
    pub reasoning_as_of: Option<String>,
    /// The source of `reasoning`.
    pub reasoning_source: Option<String>,
    /// Anything a user should know: disagreeing sources, billing rules.
    pub notes: Option<String>,
}

impl Entry {
    /// Every price of the entry, by key.
    fn prices(&self) -> [(&'static str, Option<f64>); 12] {
        [
            ("input", self.input),
            ("cached_input", self.cached_input),
            ("output", self.output),
            ("batch_input", self.batch_input),
            ("batch_output", self.batch_output),
            ("training", self.training),
            ("hosting", self.hosting),
            ("unit_price", self.unit_price),
            ("unit_price_low", self.unit_price_low),
            ("unit_price_high", self.unit_price_high),
            ("cache_write_5m", self.cache_write_5m),
            ("cache_write_1h", self.cache_write_1h),
        ]
    }

    /// The batch discount its batch prices state, in % off (1 − batch ÷
    /// standard, rounded to 10 decimals so that 0.0175 against 0.035 reads
    /// 50 exactly): `Ok(None)` without batch prices; an error when input
    /// and output are not discounted alike (the form has one discount for
    /// every token price of a batched request) or it is outside 0..100.
    pub fn batch_discount(&self) -> Result<Option<f64>, String> {
        let off = |batch: f64, standard: f64| {
            if standard > 0.0 {
                ((1.0 - batch / standard) * 100.0 * 1e10).round() / 1e10
            } else {
                f64::NAN
            }
        };
        match (self.batch_input, self.batch_output, self.input, self.output) {
            (None, None, _, _) => Ok(None),
            (Some(bi), Some(bo), Some(i), Some(o)) => {
                let (din, dout) = (off(bi, i), off(bo, o));
                if !(0.0..=100.0).contains(&din) || !(0.0..=100.0).contains(&dout) {
                    Err(format!(
                        "batch discount outside 0..100% (input {din}%, output {dout}%): a batch \
                         price above its standard price, or a standard price of 0"
                    ))
                } else if din != dout {
                    Err(format!(
                        "batch discounts differ: input {din}%, output {dout}% (the form takes \
                         one discount for every token price)"
                    ))
                } else {
                    Ok(Some(din))
                }
            }
            _ => Err("batch prices need both batch_input and batch_output".to_owned()),
        }
    }
}

/// How an entry is named in a message: its position (1-based) and its id.
fn label(index: usize, entry: &Entry) -> String {
    match entry.id.as_deref() {
        Some(id) if !id.trim().is_empty() => format!("entry {} (\"{id}\")", index + 1),
        _ => format!("entry {}", index + 1),
    }
}

/// Reads the file: its entries, or why it cannot be read. A syntax or type
/// error names the entry it is in (position and id) and its line.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    match toml::from_str::<File>(text) {
        Ok(file) => Ok(file.entry),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start.min(text.len()));
            let line = text[..at].matches('\n').count() + 1;
            let message = e.message().trim();
            Err(match entry_at(text, at) {
                Some((index, id)) => {
                    let entry = Entry {
                        id,
                        ..Entry::default()
                    };
                    format!("{}, line {line}: {message}", label(index, &entry))
                }
                None => format!("line {line}: {message}"),
            })
        }
    }
}

/// The entry (position, id) whose table contains byte `at` of `text`.
fn entry_at(text: &str, at: usize) -> Option<(usize, Option<String>)> {
    let mut start = None;
    let mut index = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > at {
            break;
        }
        if line.trim() == "[[entry]]" {
            start = Some((index, offset));
            index += 1;
        }
        offset += line.len();
    }
    let (index, from) = start?;
    let id = text[from..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "id").then(|| value.trim().trim_matches('"').to_owned())
        });
    Some((index, id))
}

// The date and address checks both build-time files use.
#[path = "dates.rs"]
mod dates;
use dates::is_address;
pub use dates::is_date;

/// Every problem of `entries`, each naming its entry; empty when all pass.
///
/// The rules: every entry has an `id` (unique, `provider/model`), a
/// `provider`, a `name`, an `as_of` date and a `source` address; no price is
/// negative or not finite; a `base` names another entry that is not itself
/// fine-tuned; token prices come with both `input` and `output`; a training
/// or hosting price with its own date has its own source too (and the
/// reverse), and only with that price; a unit price has its `unit`, and a
/// range is low to high.
pub fn check(entries: &[Entry]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let name = label(i, e);
        let mut problem = |what: String| problems.push(format!("{name}: {what}"));
        match e.id.as_deref() {
            None => problem("missing id".to_owned()),
            Some(id) if id.trim().is_empty() => problem("missing id".to_owned()),
            Some(id)
                if !id.contains('/')
                    || id.contains(char::is_whitespace)
                    || id.chars().any(|c| c.is_ascii_uppercase()) =>
            {
                problem("the id must be \"provider/model\", lower case, without spaces".to_owned())
            }
            Some(id) => {
                if let Some(first) = entries[..i]
                    .iter()
                    .position(|o| o.id.as_deref() == Some(id))
                {
                    problem(format!("duplicate id (also entry {})", first + 1));
                }
            }
        }
        for (key, value) in [
            ("provider", &e.provider),
            ("name", &e.name),
            ("notes", &e.notes),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty())
                || (key != "notes" && value.is_none())
            {
                problem(format!("missing {key}"));
            }
        }
        match e.as_of.as_deref() {
            None => problem("missing as_of (the date its source states, YYYY-MM-DD)".to_owned()),
            Some(d) if !is_date(d) => {
                problem(format!("as_of \"{d}\" is not a date written YYYY-MM-DD"))
            }
            Some(_) => {}
        }
        match e.source.as_deref() {
            None => problem("missing source (the address the prices come from)".to_owned()),
            Some(s) if !is_address(s) => {
                problem(format!("source \"{s}\" is not an https:// address"))
            }
            Some(_) => {}
        }
        for (key, value) in e.prices() {
            match value {
                Some(v) if !v.is_finite() => problem(format!("{key} is not a finite number")),
                Some(v) if v < 0.0 => problem(format!("negative price: {key} = {v}")),
                _ => {}
            }
        }
        if e.input.is_some() != e.output.is_some() {
            problem("token prices need both input and output".to_owned());
        }
        if e.input.is_none()
            && (e.cached_input.is_some() || e.batch_input.is_some() || e.batch_output.is_some())
        {
            problem("cached or batch prices without input and output prices".to_owned());
        }
        let batch_priced = e.batch_input.is_some() || e.batch_output.is_some();
        let batch_stated = batch_priced || e.batch_offered.is_some();
        let cache_write_stated = e.cache_write_5m.is_some()
            || e.cache_write_1h.is_some()
            || e.cache_write_billed.is_some();
        for (stated, key, as_of, source) in [
            (
                e.training.is_some(),
                "training",
                &e.training_as_of,
                &e.training_source,
            ),
            (
                e.hosting.is_some(),
                "hosting",
                &e.hosting_as_of,
                &e.hosting_source,
            ),
            (batch_stated, "batch", &e.batch_as_of, &e.batch_source),
            (
                cache_write_stated,
                "cache_write",
                &e.cache_write_as_of,
                &e.cache_write_source,
            ),
            (
                e.reasoning.is_some(),
                "reasoning",
                &e.reasoning_as_of,
                &e.reasoning_source,
            ),
        ] {
            if !stated && (as_of.is_some() || source.is_some()) {
                problem(format!("{key}_as_of or {key}_source without a {key} term"));
            }
            match (as_of.as_deref(), source.as_deref()) {
                (Some(_), None) => problem(format!("{key}_as_of without {key}_source")),
                (None, Some(_)) => problem(format!("{key}_source without {key}_as_of")),
                (Some(d), Some(s)) => {
                    if !is_date(d) {
                        problem(format!(
                            "{key}_as_of \"{d}\" is not a date written YYYY-MM-DD"
                        ));
                    }
                    if !is_address(s) {
                        problem(format!("{key}_source \"{s}\" is not an https:// address"));
                    }
                }
                (None, None) => {}
            }
        }
        // A term stated by a flag (no price to carry the entry's date) and
        // the retirement need their own source and date.
        for (stated, key, as_of, source) in [
            (
                e.batch_offered.is_some(),
                "batch_offered",
                &e.batch_as_of,
                &e.batch_source,
            ),
            (
                e.cache_write_billed.is_some(),
                "cache_write_billed",
                &e.cache_write_as_of,
                &e.cache_write_source,
            ),
            (
                e.reasoning.is_some(),
                "reasoning",
                &e.reasoning_as_of,
                &e.reasoning_source,
            ),
        ] {
            if stated && (as_of.is_none() || source.is_none()) {
                problem(format!(
                    "{key} without its own source and date (a term but no source or date)"
                ));
            }
        }
        if e.batch_offered == Some(true) || e.cache_write_billed == Some(true) {
            problem(
                "batch_offered and cache_write_billed may only be false (a term offered is \
                 stated by its prices)"
                    .to_owned(),
            );
        }
        if e.batch_offered == Some(false) && batch_priced {
            problem("batch prices on an entry whose batch is not offered".to_owned());
        }
        if e.input.is_some() {
            if let Err(why) = e.batch_discount() {
                problem(why);
            }
        }
        if e.cache_write_billed == Some(false)
            && (e.cache_write_5m.is_some() || e.cache_write_1h.is_some())
        {
            problem("cache-write prices on an entry whose cache writes are not billed".to_owned());
        }
        if e.cache_write_1h.is_some() && e.cache_write_5m.is_none() {
            problem("cache_write_1h without cache_write_5m".to_owned());
        }
        if e.input.is_none() && (e.cache_write_5m.is_some() || e.cache_write_1h.is_some()) {
            problem("cache-write prices without input and output prices".to_owned());
        }
        // Every source here bills a cache write as a premium over input
        // (Anthropic 1.25x for 5 minutes, 2x for 1 hour; OpenAI GPT-5.6 1.25x),
        // and the longer lifetime costs more.
        if let (Some(input), Some(w5)) = (e.input, e.cache_write_5m) {
            if w5 < input {
                problem(format!(
                    "cache_write_5m {w5} is below the input price {input} (a cache write is a premium)"
                ));
            }
        }
        if let (Some(w5), Some(w1)) = (e.cache_write_5m, e.cache_write_1h) {
            if w1 < w5 {
                problem(format!("cache_write_1h {w1} is below cache_write_5m {w5}"));
            }
        }
        if e.input.is_none() && e.reasoning.is_some() {
            problem("reasoning on an entry without token prices".to_owned());
        }
        let priced_unit =
            e.unit_price.is_some() || e.unit_price_low.is_some() || e.unit_price_high.is_some();
        if priced_unit != e.unit.as_deref().is_some_and(|u| !u.trim().is_empty()) {
            problem("a unit price needs its unit, and a unit its price".to_owned());
        }
        match (e.unit_price, e.unit_price_low, e.unit_price_high) {
            (Some(_), None, None) | (None, None, None) => {}
            (None, Some(low), Some(high)) if low <= high => {}
            (None, Some(_), Some(_)) => {
                problem("unit_price_low is above unit_price_high".to_owned())
            }
            _ => problem("give unit_price, or both unit_price_low and unit_price_high".to_owned()),
        }
        if let Some(base) = e.base.as_deref() {
            match entries.iter().find(|o| o.id.as_deref() == Some(base)) {
                None => problem(format!("base \"{base}\" is not an entry")),
                Some(o) if o.base.is_some() => {
                    problem(format!("base \"{base}\" is itself fine-tuned"))
                }
                Some(_) => {}
            }
        }
    }
    problems
}

/// Reads and checks the file: its entries, or every problem found.
pub fn read(text: &str) -> Result<Vec<Entry>, Vec<String>> {
    let entries = parse(text).map_err(|e| vec![e])?;
    let problems = check(&entries);
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// The entries as Rust: `pub static ENTRIES: &[Entry]`, each an `Entry` of
/// `src/core/catalogue.rs` (checked entries only: every required key is
/// there).
pub fn to_rust(entries: &[Entry]) -> String {
    fn s(v: &Option<String>) -> String {
        format!("{:?}", v.as_deref().unwrap_or_default())
    }
    fn f(v: Option<f64>) -> String {
        v.map_or_else(|| "None".to_owned(), |v| format!("Some({v:?})"))
    }
    fn dated(as_of: &Option<String>, source: &Option<String>, e: &Entry) -> String {
        let as_of = as_of.as_ref().or(e.as_of.as_ref());
        let source = source.as_ref().or(e.source.as_ref());
        format!(
            "Dated {{ as_of: {}, source: {} }}",
            s(&as_of.cloned()),
            s(&source.cloned())
        )
    }
    let mut out = String::from(
        "/// Every catalogue entry, in file order: generated by build.rs from data/prices.toml.\n\
         pub static ENTRIES: &[Entry] = &[\n",
    );
    for e in entries {
        let tokens = match (e.input, e.output) {
            (Some(input), Some(output)) => format!(
                "Some(Tokens {{ input: {input:?}, cached_input: {}, output: {output:?}, batch_input: {}, batch_output: {} }})",
                f(e.cached_input),
                f(e.batch_input),
                f(e.batch_output)
            ),
            _ => "None".to_owned(),
        };
        let priced = |price: Option<f64>, as_of: &Option<String>, source: &Option<String>| {
            price.map_or_else(
                || "None".to_owned(),
                |p| {
                    format!(
                        "Some(Priced {{ price: {p:?}, dated: {} }})",
                        dated(as_of, source, e)
                    )
                },
            )
        };
        let unit = match (&e.unit, e.unit_price, e.unit_price_low, e.unit_price_high) {
            (Some(unit), Some(p), _, _) => {
                format!("Some(UnitPrice {{ unit: {unit:?}, low: {p:?}, high: {p:?} }})")
            }
            (Some(unit), None, Some(low), Some(high)) => {
                format!("Some(UnitPrice {{ unit: {unit:?}, low: {low:?}, high: {high:?} }})")
            }
            _ => "None".to_owned(),
        };
        let batch = match (e.batch_discount(), e.batch_offered) {
            (Ok(Some(discount)), _) => format!(
                "Offer::Listed(Batch {{ discount: {discount:?}, dated: {} }})",
                dated(&e.batch_as_of, &e.batch_source, e)
            ),
            (_, Some(false)) => format!(
                "Offer::NotOffered({})",
                dated(&e.batch_as_of, &e.batch_source, e)
            ),
            _ => "Offer::NotInCatalogue".to_owned(),
        };
        let cache_write = match (e.cache_write_5m, e.cache_write_billed) {
            (Some(five), _) => format!(
                "Offer::Listed(CacheWrite {{ five_minutes: {five:?}, one_hour: {}, dated: {} }})",
                f(e.cache_write_1h),
                dated(&e.cache_write_as_of, &e.cache_write_source, e)
            ),
            (None, Some(false)) => format!(
                "Offer::NotOffered({})",
                dated(&e.cache_write_as_of, &e.cache_write_source, e)
            ),
            _ => "Offer::NotInCatalogue".to_owned(),
        };
        let reasoning = e.reasoning.map_or_else(
            || "None".to_owned(),
            |billed| {
                format!(
                    "Some(Reasoning {{ billed: {billed}, dated: {} }})",
                    dated(&e.reasoning_as_of, &e.reasoning_source, e)
                )
            },
        );
        out += &format!(
            "    Entry {{ id: {}, provider: {}, name: {}, base: {}, dated: {}, tokens: {tokens}, training: {}, hosting: {}, unit: {unit}, batch: {batch}, cache_write: {cache_write}, reasoning: {reasoning}, notes: {} }},\n",
            s(&e.id),
            s(&e.provider),
            s(&e.name),
            e.base.as_ref().map_or_else(|| "None".to_owned(), |b| format!("Some({b:?})")),
            dated(&None, &None, e),
            priced(e.training, &e.training_as_of, &e.training_source),
            priced(e.hosting, &e.hosting_as_of, &e.hosting_source),
            s(&e.notes),
        );
    }
    out += "];\n";
    out
}
