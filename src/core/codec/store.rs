//! What is kept in the browser's storage: the working scenario and the
//! library of named scenarios, as serde documents read and written with
//! serde_json. Every stored document carries a schema `version`. Decoding
//! never panics: anything that is not a document this build can read is a
//! [`StoreError`], and the page then keeps the payload under a backup key
//! instead of overwriting it.
//!
//! The library's changes (save, rename, duplicate, delete, undo) are
//! methods on [`Library`], so that a page can apply one change to the
//! library as stored at that moment (read, apply, write) and several tabs
//! never write back stale copies of each other's work.

use serde::de::{DeserializeOwned, Error as _, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::inputs::field::Field;
use crate::core::inputs::parse::RawInputs;

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
/// The largest whole number every JSON reader reads exactly: 2^53.
const MAX_WHOLE: f64 = 9_007_199_254_740_992.0;

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

/// The field texts as a JSON object, `{"training":"2500",…}`, in form
/// order: the `fields` member of every stored document and of the
/// exported file. Read back, a missing field keeps its default, an unknown
/// name is ignored (a later version may add inputs), a name given twice
/// takes its last text, and each text is cut to
/// [`super::url::MAX_VALUE_LEN`] characters; a text that is not a
/// string makes the document unreadable.
impl Serialize for RawInputs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Field::ALL.len()))?;
        for field in Field::ALL {
            map.serialize_entry(field.name(), self.get(field))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for RawInputs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> Visitor<'de> for Texts {
            type Value = RawInputs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of texts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawInputs, A::Error> {
                let mut raw = RawInputs::example();
                while let Some((name, text)) = map.next_entry::<String, String>()? {
                    if let Some(field) = Field::from_name(&name) {
                        let text: String = text.chars().take(super::url::MAX_VALUE_LEN).collect();
                        raw.set(field, text);
                    }
                }
                Ok(raw)
            }
        }
        deserializer.deserialize_map(Texts)
    }
}

/// A whole number from 0 to 2^53 (a version or an id), read from any JSON
/// number that is one (`3`, `3.0`), as the documents have always been read,
/// and written without a fraction.
mod whole {
    use super::*;

    pub fn serialize<S: Serializer>(n: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(*n)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let x = f64::deserialize(deserializer)?;
        if x.fract() == 0.0 && (0.0..=MAX_WHOLE).contains(&x) {
            Ok(x as u64)
        } else {
            // Written by the core's float writer: `{x}` on an f64 would
            // bring the standard library's float formatting (about 11 KB)
            // into the first module for this one message.
            let x = crate::core::present::float::display(x);
            Err(D::Error::custom(format_args!("{x} is not a whole number")))
        }
    }
}

/// An optional id that never makes its document unreadable: anything but a
/// whole number reads as none. Read by a visitor of its own rather than
/// through `serde_json::Value`, whose reader (maps, arrays, strings) would
/// otherwise sit in the first wasm module for this one field.
fn optional_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    deserializer.deserialize_any(OptionalId)
}

/// The visitor of [`optional_id`]: a number is an id when it is a whole
/// number from 0 to 2^53 (read as an `f64`, as JSON numbers are); anything
/// else, whatever its shape, is read past and gives none.
struct OptionalId;

impl OptionalId {
    fn whole(x: f64) -> Option<u64> {
        (x.fract() == 0.0 && (0.0..=MAX_WHOLE).contains(&x)).then_some(x as u64)
    }
}

impl<'de> Visitor<'de> for OptionalId {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an id")
    }

    fn visit_u64<E>(self, v: u64) -> Result<Option<u64>, E> {
        Ok(Self::whole(v as f64))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Option<u64>, E> {
        Ok(Self::whole(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Option<u64>, E> {
        Ok(Self::whole(v))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_none<E>(self) -> Result<Option<u64>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u64>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Option<u64>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<u64>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// The schema version of a stored document: written as [`VERSION`]; read
/// (and checked) by [`document`] before the rest of the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(VERSION)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        whole::deserialize(deserializer).map(|_| Version)
    }
}

/// Just the version of a stored document.
#[derive(Deserialize)]
struct Versioned {
    #[serde(with = "whole")]
    version: u64,
}

/// What [`StoreError::WrongShape`] says of JSON that is not an object.
pub(crate) const NOT_AN_OBJECT: &str = "not an object";

/// Reads `text` as a JSON object of type `T`: [`StoreError::NotJson`] when
/// it is not JSON, [`StoreError::WrongShape`] when it is not an object or
/// not a `T`. Shared with the import of exported files.
pub(crate) fn object<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str::<IgnoredAny>(text).map_err(|_| StoreError::NotJson)?;
    // serde reads a struct from a JSON array as well; ours are objects.
    if !text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{')
    {
        return Err(StoreError::WrongShape(NOT_AN_OBJECT.to_owned()));
    }
    serde_json::from_str(text).map_err(|e| StoreError::WrongShape(e.to_string()))
}

/// Reads `text` as a stored document: JSON, an object, a version this
/// build reads (checked first, so that a newer document is reported as
/// newer whatever its shape), then a `T`.
fn document<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    let Versioned { version } = object(text)?;
    if version > VERSION {
        return Err(StoreError::FutureVersion(version));
    }
    if version == 0 {
        return Err(StoreError::WrongShape("version 0".to_owned()));
    }
    // Version 1 is the only format so far; an older one would migrate here.
    object(text)
}

/// The stored working scenario, `ft-roi:working`:
/// `{"version":1,"fields":{…},"linked_id":3}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Working {
    version: Version,
    /// The field texts.
    pub fields: RawInputs,
    /// The id of the named scenario the working scenario is linked to
    /// (loaded from or saved as); absent when it is not linked.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_id"
    )]
    pub linked_id: Option<u64>,
}

impl Working {
    /// The document for `fields`, linked to `linked_id`.
    pub fn new(fields: RawInputs, linked_id: Option<u64>) -> Working {
        Working {
            version: Version,
            fields,
            linked_id,
        }
    }
}

/// Reads the stored working scenario, with its link.
pub fn decode_working_doc(text: &str) -> Result<Working, StoreError> {
    document(text)
}

/// Reads the stored working scenario's field texts.
pub fn decode_working(text: &str) -> Result<RawInputs, StoreError> {
    decode_working_doc(text).map(|w| w.fields)
}

/// Writes the working scenario for storage (not linked).
pub fn encode_working(raw: &RawInputs) -> String {
    encode(&Working::new(raw.clone(), None))
}

/// Compact JSON text of a document. Writing our documents cannot fail
/// (string keys, finite numbers); an empty text would be reported as
/// unreadable on the next read rather than panic here.
pub fn encode<T: Serialize>(doc: &T) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// A named scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// Stable identity, unique within the library.
    #[serde(with = "whole")]
    pub id: u64,
    /// The name, as the user wrote it (shown as text, never as HTML).
    pub name: String,
    /// The field texts.
    #[serde(rename = "fields")]
    pub raw: RawInputs,
}

/// The named scenarios, in the order they were saved: the document stored
/// under `ft-roi:scenarios`,
/// `{"version":1,"next_id":N,"scenarios":[{"id":1,"name":"…","fields":{…}}]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    version: Version,
    /// The id the next saved scenario gets.
    #[serde(with = "whole")]
    pub next_id: u64,
    /// The scenarios.
    pub scenarios: Vec<Saved>,
}

/// Why a change to the library cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// The name is nothing but whitespace.
    #[error("Enter a name for the scenario.")]
    Empty,
    /// The library is full.
    #[error("You have 200 saved scenarios; delete some to save more.")]
    Full,
    /// The scenario is no longer in the library (another tab deleted it).
    #[error("It was deleted in another tab.")]
    Gone,
}

/// A name with surrounding whitespace removed and cut to
/// [`MAX_NAME_LEN`] characters.
pub fn clean_name(name: &str) -> Result<String, LibraryError> {
    let name: String = name.trim().chars().take(MAX_NAME_LEN).collect();
    if name.is_empty() {
        Err(LibraryError::Empty)
    } else {
        Ok(name)
    }
}

/// What a save does, decided before it is done, so that a name the user
/// typed is never dropped and a saved scenario is never overwritten
/// without the user choosing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveAction {
    /// Write the fields into the linked scenario (Save with the name box
    /// empty or holding the linked scenario's own name).
    UpdateLinked,
    /// Add a new scenario under this name (`name (2)` when it is taken);
    /// the linked one, if any, stays as it was.
    SaveNew(String),
    /// Add a new scenario under this name, which no scenario has.
    Save(String),
    /// A scenario of this name exists and the page is not working on it:
    /// ask whether to replace it (its id) or save beside it.
    AskReplace(u64, String),
}

/// Where the save came from: the linked scenario's Save button, or the
/// name box's form (Save, or Save as new while linked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveButton {
    /// The linked scenario's Save.
    Linked,
    /// The form under the name box.
    Form,
}

/// What pressing `button` does with `typed` in the name box, while the page
/// is linked to the scenario named `linked` (or to none):
///
/// - the linked Save updates the linked scenario, unless the box holds
///   another name: then that name is saved as a new scenario;
/// - the form, while linked, saves as new (under the typed name, or after
///   the linked one when the box is empty);
/// - the form, unlinked, saves under the typed name, and asks first when a
///   scenario of that name exists.
///
/// Errors: [`LibraryError::Empty`] for the form with no name while
/// unlinked.
pub fn save_action(
    library: &Library,
    linked: Option<&str>,
    typed: &str,
    button: SaveButton,
) -> Result<SaveAction, LibraryError> {
    let typed = clean_name(typed).ok();
    match (button, linked, typed) {
        (SaveButton::Linked, None, _) => Err(LibraryError::Gone),
        (SaveButton::Linked, Some(_), None) => Ok(SaveAction::UpdateLinked),
        (SaveButton::Linked, Some(current), Some(name)) if name == current => {
            Ok(SaveAction::UpdateLinked)
        }
        (_, Some(_), Some(name)) => Ok(SaveAction::SaveNew(name)),
        (SaveButton::Form, Some(current), None) => Ok(SaveAction::SaveNew(current.to_owned())),
        (SaveButton::Form, None, None) => Err(LibraryError::Empty),
        (SaveButton::Form, None, Some(name)) => Ok(match library.named(&name) {
            Some(existing) => SaveAction::AskReplace(existing.id, name),
            None => SaveAction::Save(name),
        }),
    }
}

impl Library {
    /// The scenario with `id`.
    pub fn get(&self, id: u64) -> Option<&Saved> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The scenario named `name` (after [`clean_name`]).
    pub fn named(&self, name: &str) -> Option<&Saved> {
        let name = clean_name(name).ok()?;
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// Saves `raw` under `name`: a scenario of that name is updated,
    /// otherwise a new one is added. Returns its id.
    pub fn save(&mut self, name: &str, raw: RawInputs) -> Result<u64, LibraryError> {
        let name = clean_name(name)?;
        if let Some(s) = self.scenarios.iter_mut().find(|s| s.name == name) {
            s.raw = raw;
            return Ok(s.id);
        }
        self.add(name, raw)
    }

    /// Adds `raw` as a new scenario, whatever the library holds: named
    /// `name`, or `name (2)`, `name (3)`, … when that name is taken.
    /// Returns its id.
    pub fn save_new(&mut self, name: &str, raw: RawInputs) -> Result<u64, LibraryError> {
        let name = clean_name(name)?;
        let base: String = name.chars().take(MAX_NAME_LEN - 5).collect();
        let name = self.unique(name, |n| format!("{base} ({n})"));
        self.add(name, raw)
    }

    /// Replaces the field texts of scenario `id`; [`LibraryError::Gone`]
    /// when it is no longer there (it is not brought back).
    pub fn update(&mut self, id: u64, raw: RawInputs) -> Result<(), LibraryError> {
        let s = self.get_mut(id)?;
        s.raw = raw;
        Ok(())
    }

    fn get_mut(&mut self, id: u64) -> Result<&mut Saved, LibraryError> {
        self.scenarios
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(LibraryError::Gone)
    }

    /// `name`, or the first of `alternative(2)`, `alternative(3)`, … that
    /// no scenario has.
    fn unique(&self, name: String, alternative: impl Fn(usize) -> String) -> String {
        let mut candidate = name;
        let mut n = 2;
        while self.scenarios.iter().any(|s| s.name == candidate) {
            candidate = alternative(n);
            n += 1;
        }
        candidate
    }

    fn add(&mut self, name: String, raw: RawInputs) -> Result<u64, LibraryError> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(LibraryError::Full);
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

    /// Renames scenario `id`; [`LibraryError::Gone`] when it is no longer
    /// there.
    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), LibraryError> {
        let name = clean_name(name)?;
        self.get_mut(id)?.name = name;
        Ok(())
    }

    /// Copies scenario `id` right after it, named "… (copy)". Returns the
    /// copy's id; [`LibraryError::Gone`] when `id` is no longer there.
    pub fn duplicate(&mut self, id: u64) -> Result<u64, LibraryError> {
        let at = self
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or(LibraryError::Gone)?;
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(LibraryError::Full);
        }
        let source = &self.scenarios[at];
        let base: String = source.name.chars().take(MAX_NAME_LEN - 7).collect();
        let raw = source.raw.clone();
        let name = self.unique(format!("{base} (copy)"), |n| format!("{base} (copy {n})"));
        let new = self.fresh_id();
        self.scenarios.insert(at + 1, Saved { id: new, name, raw });
        Ok(new)
    }

    /// Removes scenario `id`, returning where it was and what it was, so
    /// that [`Library::restore`] can undo it; `None` when it is not there.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Saved)> {
        let at = self.scenarios.iter().position(|s| s.id == id)?;
        Some((at, self.scenarios.remove(at)))
    }

    /// Puts a removed scenario back where it was (or at the end, when the
    /// library has become shorter), unless a scenario with its id is there.
    pub fn restore(&mut self, at: usize, saved: Saved) {
        if self.get(saved.id).is_none() {
            let at = at.min(self.scenarios.len());
            self.next_id = self.next_id.max(saved.id + 1);
            self.scenarios.insert(at, saved);
        }
    }
}

/// Reads the stored library. Only the first [`MAX_SCENARIOS`] scenarios
/// are kept; a name that is only whitespace reads as "Scenario <id>"; two
/// scenarios with one id make the library unreadable.
pub fn decode_library(text: &str) -> Result<Library, StoreError> {
    let mut library: Library = document(text)?;
    library.scenarios.truncate(MAX_SCENARIOS);
    for (k, s) in library.scenarios.iter().enumerate() {
        if library.scenarios[..k].iter().any(|t| t.id == s.id) {
            return Err(StoreError::WrongShape(format!(
                "scenario id {} appears twice",
                s.id
            )));
        }
    }
    for s in &mut library.scenarios {
        s.name = clean_name(&s.name).unwrap_or_else(|_| format!("Scenario {}", s.id));
    }
    Ok(library)
}

/// Writes the library for storage.
pub fn encode_library(library: &Library) -> String {
    encode(library)
}
