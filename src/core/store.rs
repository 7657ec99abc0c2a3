//! What is kept in the browser's storage, as pure encode/decode functions:
//! the working scenario and the library of named scenarios. Every stored
//! document carries a schema `version`. Decoding never panics: anything that
//! is not a document this build can read is a [`StoreError`], and the page
//! then keeps the payload under a backup key instead of overwriting it.

use super::field::Field;
use super::json::{self, Json};
use super::parse::RawInputs;

/// The storage schema version this build reads and writes.
pub const VERSION: u64 = 1;
/// Storage key of the working scenario.
pub const WORKING_KEY: &str = "ft-roi:working";
/// Storage key of the named scenarios.
pub const LIBRARY_KEY: &str = "ft-roi:scenarios";
/// Longest scenario name kept, in characters.
pub const MAX_NAME_LEN: usize = 80;
/// Most named scenarios kept.
pub const MAX_SCENARIOS: usize = 200;

/// The storage key where an unreadable payload of `key` is kept.
pub fn backup_key(key: &str) -> String {
    format!("{key}:backup")
}

/// Why a stored payload cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not JSON at all.
    #[error("it is not valid JSON")]
    NotJson,
    /// JSON, but not a document of ours.
    #[error("it does not have the expected shape ({0})")]
    WrongShape(String),
    /// Written by a newer version of FT-ROI.
    #[error("it was written by a newer version of FT-ROI (format {0}, this page reads {VERSION})")]
    FutureVersion(u64),
}

/// Field texts by public name, as stored.
type Fields = Vec<(String, String)>;

/// Every field's text by public name, as stored and exported.
pub(crate) fn fields_json(raw: &RawInputs) -> Json {
    Json::object(
        Field::ALL
            .into_iter()
            .map(|f| (f.name(), raw.get(f).into())),
    )
}

/// The `fields` member of `doc`: an object of texts.
fn fields_of(doc: &Json) -> Result<Fields, StoreError> {
    let shape = || StoreError::WrongShape("\"fields\" is not an object of texts".to_owned());
    doc.get("fields")
        .and_then(Json::as_object)
        .ok_or_else(shape)?
        .iter()
        .map(|(name, text)| Some((name.clone(), text.as_str()?.to_owned())))
        .collect::<Option<Fields>>()
        .ok_or_else(shape)
}

/// Field texts from a stored map; missing fields keep the defaults and
/// unknown names are ignored (a later version may add inputs). A name given
/// twice takes its last text.
fn raw_of(fields: &Fields) -> RawInputs {
    let mut raw = RawInputs::example();
    for (name, text) in fields {
        if let Some(field) = Field::from_name(name) {
            raw.set(
                field,
                text.chars()
                    .take(super::scenario::MAX_VALUE_LEN)
                    .collect::<String>(),
            );
        }
    }
    raw
}

/// The whole number `key` of `doc`.
fn whole(doc: &Json, key: &str) -> Result<u64, StoreError> {
    doc.get(key)
        .ok_or_else(|| StoreError::WrongShape(format!("no {key}")))?
        .as_u64()
        .ok_or_else(|| StoreError::WrongShape(format!("{key} is not a whole number")))
}

/// Parses `text` as a document of ours: JSON, an object, a known version.
fn document(text: &str) -> Result<Json, StoreError> {
    let doc = json::parse(text).ok_or(StoreError::NotJson)?;
    let version = whole(&doc, "version")?;
    if version > VERSION {
        return Err(StoreError::FutureVersion(version));
    }
    if version == 0 {
        return Err(StoreError::WrongShape("version 0".to_owned()));
    }
    // Version 1 is the only format so far; an older one would migrate here.
    Ok(doc)
}

/// Reads the stored working scenario.
pub fn decode_working(text: &str) -> Result<RawInputs, StoreError> {
    fields_of(&document(text)?).map(|fields| raw_of(&fields))
}

/// Writes the working scenario for storage.
pub fn encode_working(raw: &RawInputs) -> String {
    Json::object([("version", VERSION.into()), ("fields", fields_json(raw))]).to_text()
}

/// A named scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Stable identity, unique within the library.
    pub id: u64,
    /// The name, as the user wrote it (shown as text, never as HTML).
    pub name: String,
    /// The field texts.
    pub raw: RawInputs,
}

/// The named scenarios, in the order they were saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    /// The id the next saved scenario gets.
    pub next_id: u64,
    /// The scenarios.
    pub scenarios: Vec<Saved>,
}

/// Why a name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing but whitespace.
    #[error("Enter a name for the scenario.")]
    Empty,
    /// The library is full.
    #[error("You have 200 saved scenarios; delete some to save more.")]
    Full,
}

/// A name with surrounding whitespace removed and cut to
/// [`MAX_NAME_LEN`] characters.
pub fn clean_name(name: &str) -> Result<String, NameError> {
    let name: String = name.trim().chars().take(MAX_NAME_LEN).collect();
    if name.is_empty() {
        Err(NameError::Empty)
    } else {
        Ok(name)
    }
}

impl Library {
    /// The scenario with `id`.
    pub fn get(&self, id: u64) -> Option<&Saved> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Saves `raw` under `name`: a scenario of that name is updated,
    /// otherwise a new one is added. Returns its id.
    pub fn save(&mut self, name: &str, raw: RawInputs) -> Result<u64, NameError> {
        let name = clean_name(name)?;
        if let Some(s) = self.scenarios.iter_mut().find(|s| s.name == name) {
            s.raw = raw;
            return Ok(s.id);
        }
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(NameError::Full);
        }
        let id = self.fresh_id();
        self.scenarios.push(Saved { id, name, raw });
        Ok(id)
    }

    fn fresh_id(&mut self) -> u64 {
        let max = self.scenarios.iter().map(|s| s.id).max().unwrap_or(0);
        let id = self.next_id.max(max + 1).max(1);
        self.next_id = id + 1;
        id
    }

    /// Renames scenario `id`.
    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), NameError> {
        let name = clean_name(name)?;
        if let Some(s) = self.scenarios.iter_mut().find(|s| s.id == id) {
            s.name = name;
        }
        Ok(())
    }

    /// Copies scenario `id` right after it, named "… (copy)". Returns the
    /// copy's id.
    pub fn duplicate(&mut self, id: u64) -> Result<Option<u64>, NameError> {
        let Some(at) = self.scenarios.iter().position(|s| s.id == id) else {
            return Ok(None);
        };
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(NameError::Full);
        }
        let source = &self.scenarios[at];
        let base: String = source.name.chars().take(MAX_NAME_LEN - 7).collect();
        let mut name = format!("{base} (copy)");
        let mut n = 2;
        while self.scenarios.iter().any(|s| s.name == name) {
            name = format!("{base} (copy {n})");
            n += 1;
        }
        let raw = source.raw.clone();
        let new = self.fresh_id();
        self.scenarios.insert(at + 1, Saved { id: new, name, raw });
        Ok(Some(new))
    }

    /// Removes scenario `id`, returning where it was and what it was, so
    /// that [`Library::restore`] can undo it.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Saved)> {
        let at = self.scenarios.iter().position(|s| s.id == id)?;
        Some((at, self.scenarios.remove(at)))
    }

    /// Puts a removed scenario back where it was.
    pub fn restore(&mut self, at: usize, saved: Saved) {
        if self.get(saved.id).is_none() {
            let at = at.min(self.scenarios.len());
            self.scenarios.insert(at, saved);
        }
    }
}

/// Reads the stored library.
pub fn decode_library(text: &str) -> Result<Library, StoreError> {
    let doc = document(text)?;
    let next_id = whole(&doc, "next_id")?;
    let docs = doc
        .get("scenarios")
        .and_then(Json::as_array)
        .ok_or_else(|| StoreError::WrongShape("\"scenarios\" is not a list".to_owned()))?;
    let mut scenarios: Vec<Saved> = Vec::new();
    for s in docs.iter().take(MAX_SCENARIOS) {
        let id = whole(s, "id")?;
        let name = s
            .get("name")
            .and_then(Json::as_str)
            .ok_or_else(|| StoreError::WrongShape(format!("scenario {id} has no name")))?;
        let fields = fields_of(s)?;
        if scenarios.iter().any(|t| t.id == id) {
            return Err(StoreError::WrongShape(format!(
                "scenario id {id} appears twice"
            )));
        }
        let name = clean_name(name).unwrap_or_else(|_| format!("Scenario {id}"));
        scenarios.push(Saved {
            id,
            name,
            raw: raw_of(&fields),
        });
    }
    Ok(Library { next_id, scenarios })
}

/// Writes the library for storage.
pub fn encode_library(library: &Library) -> String {
    let scenarios = library
        .scenarios
        .iter()
        .map(|s| {
            Json::object([
                ("id", s.id.into()),
                ("name", s.name.as_str().into()),
                ("fields", fields_json(&s.raw)),
            ])
        })
        .collect();
    Json::object([
        ("version", VERSION.into()),
        ("next_id", library.next_id.into()),
        ("scenarios", Json::Array(scenarios)),
    ])
    .to_text()
}
