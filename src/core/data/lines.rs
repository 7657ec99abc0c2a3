//! A file's bytes, given in slices of any size, split into numbered lines: a UTF-8 byte order
//! mark, CRLF or LF line ends and a last line without a newline all read the same. An empty
//! file, a binary file (a NUL byte) or text that is not UTF-8 is one [`FileProblem`].

use std::fmt;

/// Why a whole file cannot be read as text lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// No line with anything but white space.
    Empty,
    /// A NUL byte: not a text file.
    Binary,
    /// Not UTF-8 text (first at this 1-based line).
    NotUtf8 {
        /// The first line that is not UTF-8.
        line: u64,
    },
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Empty => f.write_str("The file is empty: it has no line to read."),
            FileProblem::Binary => f.write_str(
                "This is not a text file (it holds binary data): save it as UTF-8 JSONL.",
            ),
            FileProblem::NotUtf8 { line } => write!(
                f,
                "The file is not UTF-8 text (line {line} is not): save it as UTF-8 JSONL."
            ),
        }
    }
}

/// Splits bytes given in slices into lines. Feed slices with [`Lines::push`], then call
/// [`Lines::finish`] once; each complete line is given to the callback with its 1-based number,
/// without its line end. Lines with only white space are skipped (but counted in the numbering).
#[derive(Default, Debug)]
pub struct Lines {
    /// The start of a line whose end has not come yet.
    pending: Vec<u8>,
    /// Lines seen so far (the number of the last line given or skipped).
    line: u64,
    /// Bytes seen so far.
    bytes: u64,
    /// Whether any line had something but white space.
    any: bool,
    /// The problem that stopped the reading, if any.
    problem: Option<FileProblem>,
}

impl Lines {
    /// A reader at the start of a file.
    pub fn new() -> Lines {
        Lines::default()
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Lines read so far (complete lines, blank ones included).
    pub fn lines(&self) -> u64 {
        self.line
    }

    /// The problem that stopped the reading, if any.
    pub fn problem(&self) -> Option<FileProblem> {
        self.problem
    }

    /// Reads the next slice of the file; complete lines go to `each(number, text)`. After a
    /// problem, nothing more is read.
    pub fn push(&mut self, slice: &[u8], each: &mut impl FnMut(u64, &str)) {
        if self.problem.is_some() {
            return;
        }
        if self.bytes == 0 && slice.len() >= 2 && matches!(slice[..2], [0xFF, 0xFE] | [0xFE, 0xFF])
        {
            // A UTF-16 byte order mark.
            self.problem = Some(FileProblem::NotUtf8 { line: 1 });
            return;
        }
        self.bytes += slice.len() as u64;
        let mut rest = slice;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            let (head, tail) = rest.split_at(end);
            rest = &tail[1..];
            if self.pending.is_empty() {
                self.emit_line(head, each);
            } else {
                let mut line = std::mem::take(&mut self.pending);
                line.extend_from_slice(head);
                self.emit_line(&line, each);
            }
            if self.problem.is_some() {
                return;
            }
        }
        self.pending.extend_from_slice(rest);
    }

    /// Reads the last line (one without a final newline) and says whether the file was text:
    /// `Err` with the problem for an empty, binary or non-UTF-8 file.
    pub fn finish(&mut self, each: &mut impl FnMut(u64, &str)) -> Result<(), FileProblem> {
        if self.problem.is_none() && !self.pending.is_empty() {
            let line = std::mem::take(&mut self.pending);
            self.emit_line(&line, each);
        }
        match self.problem {
            Some(p) => Err(p),
            None if !self.any => Err(FileProblem::Empty),
            None => Ok(()),
        }
    }

    fn emit_line(&mut self, raw: &[u8], each: &mut impl FnMut(u64, &str)) {
        self.line += 1;
        let mut raw = raw;
        if self.line == 1 {
            raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        }
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.contains(&0) {
            self.problem = Some(FileProblem::Binary);
            return;
        }
        match std::str::from_utf8(raw) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => {
                self.any = true;
                each(self.line, text);
            }
            Err(_) => self.problem = Some(FileProblem::NotUtf8 { line: self.line }),
        }
    }
}
