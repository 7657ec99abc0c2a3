//! A usage log's text lines → rows (one JSON object per request, or a CSV record made into
//! one), whatever the file's shape: JSONL (one object a line), a JSON document (an array of
//! objects, or an object holding arrays of objects, on any number of lines) or CSV with a
//! header line. Fed the lines of [`super::lines::Lines`] in order, so a file in slices is read
//! with the memory of one row at a time. Each row keeps the 1-based line it starts on.

use serde_json::{Map, Value};

/// The shape of a usage file, from its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One JSON value a line.
    JsonLines,
    /// One JSON document: a top-level array (its elements are the rows) or object (the
    /// elements of the arrays directly under it are the rows).
    JsonDocument,
    /// Comma-separated values, the first line naming the columns.
    Csv,
}

/// Why a line (or the row starting on it) cannot be read as a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowError {
    /// Not JSON (or a JSON document that never closes).
    NotJson,
    /// A CSV record with another number of fields than the header, or a quote not closed.
    BadCsv,
}

/// One row's content: JSON text (parsed by the reader, which keeps only what it needs) or a
/// CSV record made into an object.
#[derive(Clone, Debug, PartialEq)]
pub enum Data<'a> {
    /// The text of one JSON value.
    Json(&'a str),
    /// A CSV record: the header's names to the fields (numbers where they are whole numbers).
    Value(Value),
}

/// One row: its line and its content, or why it cannot be read.
pub type Row<'a> = (u64, Result<Data<'a>, RowError>);

/// Deepest nesting a JSON document may have (deeper ones are not read: serde_json's own limit
/// is 128).
const MAX_DEPTH: usize = 120;

/// Splits a usage file's lines into rows; the shape is fixed by the first line given.
#[derive(Clone, Debug, Default)]
pub struct Rows {
    shape: Option<Shape>,
    /// The CSV header's column names.
    header: Vec<String>,
    /// The JSON document's reader.
    doc: Doc,
}

/// The JSON document's state between lines.
#[derive(Clone, Debug, Default)]
struct Doc {
    /// The open containers, outermost first: `true` for an array.
    stack: Vec<bool>,
    in_string: bool,
    escape: bool,
    /// The row being read and the line it starts on.
    row: Option<(u64, String)>,
    /// Depth at which the row being read started (its containers).
    row_depth: usize,
    /// The document has closed (anything after it is not read).
    closed: bool,
    /// Too deep or malformed: the rest is not read.
    broken: bool,
}

impl Rows {
    /// A splitter at the start of a file.
    pub fn new() -> Rows {
        Rows::default()
    }

    /// The shape found from the first line, if any line came.
    pub fn shape(&self) -> Option<Shape> {
        self.shape
    }

    /// The shape a file has whose first non-blank line is `first`.
    pub fn shape_of(first: &str) -> Shape {
        let t = first.trim_start();
        if t.starts_with('[') {
            Shape::JsonDocument
        } else if t.starts_with('{') {
            if serde_json::from_str::<Value>(first).is_ok() {
                Shape::JsonLines
            } else {
                Shape::JsonDocument
            }
        } else {
            Shape::Csv
        }
    }

    /// Reads line `no`; the rows it completes go to `each`.
    pub fn line(&mut self, no: u64, text: &str, each: &mut impl FnMut(Row<'_>)) {
        let shape = *self.shape.get_or_insert_with(|| Rows::shape_of(text));
        match shape {
            Shape::JsonLines => each((no, Ok(Data::Json(text)))),
            Shape::Csv => self.csv(no, text, each),
            Shape::JsonDocument => self.doc(no, text, each),
        }
    }

    /// The end of the file: a JSON document's row left open is not JSON.
    pub fn finish(&mut self, each: &mut impl FnMut(Row<'_>)) {
        if let Some((no, _)) = self.doc.row.take() {
            each((no, Err(RowError::NotJson)));
        } else if self.shape == Some(Shape::JsonDocument) && !self.doc.closed && !self.doc.broken {
            each((1, Err(RowError::NotJson)));
        }
    }

    fn csv(&mut self, no: u64, text: &str, each: &mut impl FnMut(Row<'_>)) {
        let Some(fields) = csv_fields(text) else {
            if !self.header.is_empty() {
                each((no, Err(RowError::BadCsv)));
            }
            return;
        };
        if self.header.is_empty() {
            self.header = fields;
            return;
        }
        if fields.len() != self.header.len() {
            return each((no, Err(RowError::BadCsv)));
        }
        let mut row = Map::new();
        for (name, field) in self.header.iter().zip(fields) {
            let value = if field.is_empty() {
                Value::Null
            } else if let Ok(n) = field.parse::<u64>() {
                Value::from(n)
            } else {
                Value::String(field)
            };
            row.insert(name.clone(), value);
        }
        each((no, Ok(Data::Value(Value::Object(row)))));
    }

    fn doc(&mut self, no: u64, text: &str, each: &mut impl FnMut(Row<'_>)) {
        let d = &mut self.doc;
        if d.closed || d.broken {
            return;
        }
        // The rows' level: inside the top-level array, or inside an array under the top-level
        // object.
        let row_level = |stack: &[bool]| matches!(stack, [true] | [false, true]);
        for (k, c) in text.char_indices() {
            if let Some((_, buf)) = d.row.as_mut() {
                buf.push(c);
            }
            if d.in_string {
                if d.escape {
                    d.escape = false;
                } else if c == '\\' {
                    d.escape = true;
                } else if c == '"' {
                    d.in_string = false;
                }
                continue;
            }
            match c {
                '"' => {
                    d.in_string = true;
                    if d.row.is_none() && row_level(&d.stack) {
                        d.row = Some((no, String::from("\"")));
                        d.row_depth = d.stack.len();
                    }
                }
                '{' | '[' => {
                    if d.row.is_none() && row_level(&d.stack) {
                        d.row = Some((no, String::from(c)));
                        d.row_depth = d.stack.len();
                    }
                    if d.stack.len() >= MAX_DEPTH {
                        d.broken = true;
                        let line = d.row.take().map_or(no, |(n, _)| n);
                        return each((line, Err(RowError::NotJson)));
                    }
                    d.stack.push(c == '[');
                }
                '}' | ']' => {
                    if d.stack.pop() != Some(c == ']') {
                        d.broken = true;
                        let line = d.row.take().map_or(no, |(n, _)| n);
                        return each((line, Err(RowError::NotJson)));
                    }
                    if d.row.is_some() && d.stack.len() == d.row_depth {
                        if let Some((line, buf)) = d.row.take() {
                            each((line, Ok(Data::Json(&buf))));
                        }
                    } else if d.row.is_some() && d.stack.len() < d.row_depth {
                        // A scalar row ended by its array's close.
                        if let Some((line, mut buf)) = d.row.take() {
                            buf.pop();
                            each((line, Ok(Data::Json(&buf))));
                        }
                    }
                    if d.stack.is_empty() {
                        d.closed = true;
                        return;
                    }
                }
                ',' if d.row.is_some() && d.stack.len() == d.row_depth => {
                    if let Some((line, mut buf)) = d.row.take() {
                        buf.pop();
                        each((line, Ok(Data::Json(&buf))));
                    }
                }
                c if c.is_whitespace() || c == ',' || c == ':' => {}
                _ => {
                    if d.row.is_none() && row_level(&d.stack) {
                        d.row = Some((no, text[k..].chars().take(1).collect()));
                        d.row_depth = d.stack.len();
                    } else if d.stack.is_empty() {
                        d.broken = true;
                        return each((no, Err(RowError::NotJson)));
                    }
                }
            }
        }
        if let Some((_, buf)) = d.row.as_mut() {
            buf.push('\n');
        }
    }
}

/// The fields of one CSV record on one line (RFC 4180 quoting: `"a, b"`, `""` for a quote);
/// `None` when a quote is not closed.
fn csv_fields(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.trim().is_empty() && !was_quoted {
            field.clear();
            quoted = true;
            was_quoted = true;
        } else if c == ',' {
            out.push(finish_field(std::mem::take(&mut field), was_quoted));
            was_quoted = false;
        } else {
            field.push(c);
        }
    }
    if quoted {
        return None;
    }
    out.push(finish_field(field, was_quoted));
    Some(out)
}

fn finish_field(field: String, quoted: bool) -> String {
    if quoted {
        field
    } else {
        field.trim().to_owned()
    }
}
