//! Streaming JSON: a big array, top-level or nested under object keys, consumed element by element.
//!
//! [`for_each_element`] walks down the given keys of nested objects (skipping every other value
//! without building it) and hands each element of the array it finds to a callback, deserialised
//! into a compact struct. It is a record framer: the stream is read in large chunks into one
//! buffer, a byte scanner (strings skipped with `memchr`, brackets counted) walks the keys and
//! skips values, and `serde_json` parses each element from a slice of the buffer, never a byte at
//! a time through `Read`. An element is parsed in place, `serde_json` finding its end; one that
//! runs past the buffer (about one per read) or fails is framed by the scanner, read whole, and
//! parsed from exactly its bytes. Memory holds the buffer and one element (at most
//! [`MAX_ELEMENT`] bytes), whatever the file's size; a minified file on one line is as fine as a
//! pretty-printed one.
//! Nesting inside elements is limited by `serde_json` (128 levels), so 10,000 nested brackets are
//! an error, not a stack overflow; the scanner itself never recurses.

use std::fmt;
use std::io::Read;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, SeqAccess, Visitor,
};

/// Why a JSON stream could not be read to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends in the middle (a cut-off file).
    Truncated,
    /// Not JSON, or not the expected shape, at this line.
    Syntax { line: usize },
    /// A string holds bytes that are not UTF-8.
    Encoding,
    /// The bytes could not be read.
    Io,
    /// One element (or key) is larger than [`MAX_ELEMENT`]: not the expected file.
    TooLarge,
}

/// Whether `serde_json` stopped at bytes that are not UTF-8. It has no category for it; its
/// message is stable since 1.0.
fn is_encoding(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("invalid unicode code point")
}

impl JsonError {
    /// What the person is told: cut off, damaged, not text, too large, or unreadable.
    pub fn kind(self) -> crate::error::ErrorKind {
        use crate::error::ErrorKind;
        match self {
            JsonError::Truncated => ErrorKind::Truncated,
            JsonError::Syntax { .. } => ErrorKind::Malformed,
            JsonError::Encoding => ErrorKind::InvalidText,
            JsonError::TooLarge => ErrorKind::TooLarge,
            JsonError::Io => ErrorKind::Unreadable,
        }
    }
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        match e.classify() {
            serde_json::error::Category::Eof => JsonError::Truncated,
            serde_json::error::Category::Io => JsonError::Io,
            _ if is_encoding(&e) => JsonError::Encoding,
            _ => JsonError::Syntax { line: e.line() },
        }
    }
}

/// Skips a UTF-8 byte-order mark at the start of a stream.
pub struct SkipBom<R> {
    inner: R,
    start: Option<([u8; 3], usize, usize)>,
}

impl<R: Read> SkipBom<R> {
    pub fn new(inner: R) -> Self {
        SkipBom { inner, start: None }
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.start.is_none() {
            let mut head = [0u8; 3];
            let mut got = 0;
            while got < 3 {
                let n = self.inner.read(head.get_mut(got..).unwrap_or_default())?;
                if n == 0 {
                    break;
                }
                got += n;
            }
            let skip = if got == 3 && head == [0xEF, 0xBB, 0xBF] {
                3
            } else {
                0
            };
            self.start = Some((head, skip, got));
        }
        if let Some((head, pos, len)) = self.start.as_mut() {
            if *pos < *len {
                let rest = head.get(*pos..*len).unwrap_or_default();
                let n = rest.len().min(buf.len());
                if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
                    dst.copy_from_slice(src);
                }
                *pos += n;
                return Ok(n);
            }
        }
        self.inner.read(buf)
    }
}

/// The JSON inside a stream: skips a UTF-8 byte-order mark, and X/Twitter's JavaScript wrapper
/// (`window.YTD.tweets.part0 = [...]`), so that the same readers serve both.
pub fn json_start<'a>(reader: impl Read + 'a) -> impl Read + 'a {
    let mut reader = SkipBom::new(reader);
    let mut prefix = Vec::with_capacity(512);
    let got = (&mut reader)
        .take(512)
        .read_to_end(&mut prefix)
        .unwrap_or(0);
    prefix.truncate(got);
    let start = prefix
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let skip = if prefix
        .get(start..)
        .is_some_and(|p| p.starts_with(b"window."))
    {
        prefix
            .iter()
            .position(|&b| b == b'=')
            .map_or(0, |eq| eq + 1)
    } else {
        0
    };
    let rest = prefix.split_off(skip.min(prefix.len()));
    std::io::Cursor::new(rest).chain(reader)
}

/// Walks a whole JSON object with `visitor`, a source's pass over its top-level keys (streaming
/// the arrays it wants with [`Each`]), from a stream with or without a BOM or wrapper; only white
/// space may follow it.
pub fn visit_object<V, T>(reader: &mut dyn Read, visitor: V) -> Result<T, JsonError>
where
    V: for<'de> serde::de::Visitor<'de, Value = T>,
{
    let mut de = serde_json::Deserializer::from_reader(json_start(std::io::BufReader::new(reader)));
    serde::Deserializer::deserialize_map(&mut de, visitor)
        .and_then(|value| de.end().map(|()| value))
        .map_err(JsonError::from)
}

/// The largest element (or object key) read whole: beyond, [`JsonError::TooLarge`]. Real records
/// are a few hundred bytes; this bounds memory on a file that is not what it claims to be.
pub const MAX_ELEMENT: usize = 16 * 1024 * 1024;

/// The smallest read: the buffer starts at twice this, and is refilled when less than this is free.
const CHUNK: usize = 256 * 1024;

/// Calls `each` for every element of the array found under `keys` (`&[]`: the top-level array).
/// Elements that do not fit `T` stop the walk with a syntax error; use `Option`/`default` fields
/// in `T` to accept variants; an element over [`MAX_ELEMENT`] bytes stops it with
/// [`JsonError::TooLarge`]. Returns how many elements were read.
pub fn for_each_element<T: DeserializeOwned>(
    reader: impl Read,
    keys: &[&str],
    each: &mut dyn FnMut(T),
) -> Result<u64, JsonError> {
    elements_with_limit(reader, keys, MAX_ELEMENT, None, each)
}

/// A reader for the common shape of an element: the element, its length in bytes and the `\n`
/// among them, or `None` to leave it to `serde_json` (see [`super::fast`]).
pub type Fast<T> = fn(&[u8]) -> Option<(T, usize, usize)>;

/// [`for_each_element`], trying `fast` on each element before `serde_json`. `fast` must only
/// accept what `serde_json` would read to the same value: results and errors are unchanged.
pub fn for_each_element_fast<T: DeserializeOwned>(
    reader: impl Read,
    keys: &[&str],
    fast: Fast<T>,
    each: &mut dyn FnMut(T),
) -> Result<u64, JsonError> {
    elements_with_limit(reader, keys, MAX_ELEMENT, Some(fast), each)
}

fn elements_with_limit<T: DeserializeOwned>(
    reader: impl Read,
    keys: &[&str],
    limit: usize,
    fast: Option<Fast<T>>,
    each: &mut dyn FnMut(T),
) -> Result<u64, JsonError> {
    let mut framer = Framer::new(json_start(reader), limit);
    let count = framer.walk(keys, fast, each)?;
    // Anything but white space after the value is an error.
    framer.end()?;
    Ok(count)
}

/// JSON's white space (not form feeds, unlike `u8::is_ascii_whitespace`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// Bytes after which a number or literal (or garbage) has ended.
fn ends_scalar(b: u8) -> bool {
    is_space(b) || matches!(b, b',' | b':' | b'[' | b']' | b'{' | b'}' | b'"')
}

/// How many `\n` in `bytes`, eight at a time (this runs over every byte of the file, in the
/// browser too, where the compiler does not vectorise a plain loop): each byte of a word counts
/// its own newlines, for up to 255 words, then the eight counts are added up.
pub(super) fn count_newlines(bytes: &[u8]) -> usize {
    use super::fast::ONES;
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    const NEWLINES: u64 = u64::from_le_bytes([b'\n'; 8]);
    const EVEN: u64 = 0x00FF_00FF_00FF_00FF;
    let mut total = 0;
    for block in bytes.chunks(255 * 8) {
        let words = block.chunks_exact(8);
        total += memchr::memchr_iter(b'\n', words.remainder()).count();
        let lanes = words.fold(0_u64, |lanes, word| {
            let w = super::fast::load8(word, 0) ^ NEWLINES;
            // The high bit of each byte of `nonzero` is set exactly when that byte of `w` is not 0.
            let nonzero = ((w & LOW7) + LOW7) | w;
            lanes + ((!nonzero >> 7) & ONES)
        });
        // Eight counts of at most 255 each: added in pairs, then all four pairs at once.
        let pairs = (lanes & EVEN) + ((lanes >> 8) & EVEN);
        total += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
    }
    total
}

/// Asks `serde_json` for an array (or an object) and accepts nothing: its error for a value of
/// another type is the one to report.
struct Expect {
    array: bool,
}

impl<'de> DeserializeSeed<'de> for Expect {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.array {
            deserializer.deserialize_seq(self)
        } else {
            deserializer.deserialize_map(self)
        }
    }
}

impl Visitor<'_> for Expect {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.array { "an array" } else { "an object" })
    }
}

/// How long the number or literal at the start of `bytes` is, as `serde_json` reads it; `None`
/// if it is not one.
fn scalar_len(bytes: &[u8]) -> Option<usize> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<IgnoredAny>();
    // After a number or literal followed by something else, the value was read (the offset moved
    // past it) but is refused for what follows.
    values.next()?.ok();
    Some(values.byte_offset()).filter(|&len| len > 0)
}

/// Why a value is framed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// An element (or a key): kept whole for `serde_json`, at most the limit.
    Keep,
    /// A value that is skipped: kept whole (to be checked) while within the limit, then passed
    /// over unchecked, brackets matched, with bounded memory.
    Skip,
}

/// Where a value is in the buffer, once framed.
enum Framed {
    /// `start..end`; `at_eof`: the stream ended right after it (only numbers and literals can).
    Whole {
        start: usize,
        end: usize,
        at_eof: bool,
        scalar: bool,
    },
    /// The stream ends inside the value, which starts at `start` and runs to the buffer's end.
    Cut { start: usize },
    /// A skipped value beyond the limit: passed over, not checked.
    Passed,
}

/// Where a scan stopped.
enum Scanned {
    /// The value ends just before this index.
    Done(usize),
    /// The value goes on past the bytes given.
    More,
    /// A closing bracket at this index does not match its opening one.
    Mismatch(usize),
}

/// The state of a scan for the end of one value, kept across refills.
struct Scan {
    scalar: bool,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The open brackets, when they are checked (values that are skipped).
    open: Option<Vec<u8>>,
}

impl Scan {
    fn new(first: u8, check_brackets: bool) -> Self {
        Scan {
            scalar: !matches!(first, b'"' | b'[' | b'{'),
            depth: 0,
            in_string: false,
            escaped: false,
            open: check_brackets.then(Vec::new),
        }
    }

    /// Scans `bytes` from `i`, where the previous call stopped (or the value's first byte).
    fn run(&mut self, bytes: &[u8], mut i: usize) -> Scanned {
        if self.scalar {
            let rest = bytes.get(i..).unwrap_or_default();
            return match rest.iter().position(|&b| ends_scalar(b)) {
                Some(k) => Scanned::Done(i + k),
                None => Scanned::More,
            };
        }
        loop {
            if self.escaped {
                // The byte after a backslash is never special, even a quote.
                if i >= bytes.len() {
                    return Scanned::More;
                }
                i += 1;
                self.escaped = false;
            }
            let rest = bytes.get(i..).unwrap_or_default();
            if self.in_string {
                let Some(k) = memchr::memchr2(b'"', b'\\', rest) else {
                    return Scanned::More;
                };
                i += k + 1;
                if rest.get(k) == Some(&b'"') {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Scanned::Done(i);
                    }
                } else {
                    self.escaped = true;
                }
            } else {
                let found = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'[' | b']' | b'{' | b'}'));
                let (Some(k), Some(&b)) = (found, found.and_then(|k| rest.get(k))) else {
                    return Scanned::More;
                };
                i += k + 1;
                match b {
                    b'"' => self.in_string = true,
                    b'[' | b'{' => {
                        self.depth += 1;
                        if let Some(open) = self.open.as_mut() {
                            open.push(b);
                        }
                    }
                    _ => {
                        if let Some(open) = self.open.as_mut() {
                            let matching = if b == b']' { b'[' } else { b'{' };
                            if open.pop() != Some(matching) {
                                return Scanned::Mismatch(i - 1);
                            }
                        }
                        self.depth = self.depth.saturating_sub(1);
                        if self.depth == 0 {
                            return Scanned::Done(i);
                        }
                    }
                }
            }
        }
    }
}

/// The record framer: reads the stream in large chunks into one buffer, walks the keys down to
/// the array with a byte scanner, and hands each element's bytes to `serde_json` as a slice.
/// Memory: the buffer, which holds at least the element being framed (at most `limit` bytes).
struct Framer<R> {
    reader: R,
    buf: Vec<u8>,
    /// The next byte to look at.
    pos: usize,
    /// The end of the bytes read into `buf`.
    end: usize,
    eof: bool,
    /// Newlines before `buf[counted]`, for error lines: counted as bytes are dropped from the
    /// front of `buf` ([`count_newlines`]), or as elements are read in place
    /// ([`Framer::parse_in_place`]), where the fast reader counts them as it passes white space
    /// (most of a file's bytes then go through one loop, not two).
    lines: usize,
    counted: usize,
    limit: usize,
}

impl<R: Read> Framer<R> {
    fn new(reader: R, limit: usize) -> Self {
        Framer {
            reader,
            buf: vec![0; 2 * CHUNK],
            pos: 0,
            end: 0,
            eof: false,
            lines: 0,
            counted: 0,
            limit,
        }
    }

    /// Reads more bytes, keeping those from `keep` on. Returns whether any came, and by how much
    /// indices into the buffer moved down (bytes before `keep` may have been dropped).
    fn fill(&mut self, keep: usize) -> Result<(bool, usize), JsonError> {
        if self.eof {
            return Ok((false, 0));
        }
        let mut shift = 0;
        if self.buf.len() - self.end < CHUNK {
            shift = keep.min(self.end);
            self.count_lines_to(shift);
            self.counted -= shift;
            self.buf.copy_within(shift..self.end, 0);
            self.end -= shift;
            self.pos = self.pos.saturating_sub(shift);
            let len = self.buf.len();
            if self.end + CHUNK > len {
                // A large value: grow (the limit bounds how far).
                let grown = (len * 2).min(self.limit + 2 * CHUNK);
                self.buf.resize(grown.max(self.end + CHUNK), 0);
            } else if len > 2 * CHUNK && self.end <= CHUNK {
                // Back to normal after a large value.
                self.buf.truncate(2 * CHUNK);
                self.buf.shrink_to_fit();
            }
        }
        loop {
            match self
                .reader
                .read(self.buf.get_mut(self.end..).unwrap_or_default())
            {
                Ok(0) => {
                    self.eof = true;
                    return Ok((false, shift));
                }
                Ok(n) => {
                    self.end = (self.end + n).min(self.buf.len());
                    return Ok((true, shift));
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Err(JsonError::Io),
            }
        }
    }

    /// The next byte that is not white space, not consumed; `None` at the end of the stream.
    fn peek(&mut self) -> Result<Option<u8>, JsonError> {
        loop {
            let rest = self.buf.get(self.pos..self.end).unwrap_or_default();
            if let Some(k) = rest.iter().position(|&b| !is_space(b)) {
                self.pos += k;
                return Ok(rest.get(k).copied());
            }
            self.pos = self.end;
            if !self.fill(self.end)?.0 {
                return Ok(None);
            }
        }
    }

    /// Counts the newlines not yet counted before `to` in the buffer (none if all are).
    fn count_lines_to(&mut self, to: usize) {
        if self.counted < to {
            self.lines += count_newlines(self.buf.get(self.counted..to).unwrap_or_default());
            self.counted = to;
        }
    }

    /// The line (from 1) of the byte at `at` in the buffer.
    fn line_at(&self, at: usize) -> usize {
        let lines = if at >= self.counted {
            self.lines + count_newlines(self.buf.get(self.counted..at).unwrap_or_default())
        } else {
            let after = count_newlines(self.buf.get(at..self.counted).unwrap_or_default());
            self.lines.saturating_sub(after)
        };
        lines + 1
    }

    fn syntax_at(&self, at: usize) -> JsonError {
        JsonError::Syntax {
            line: self.line_at(at),
        }
    }

    /// The error `serde_json` gave for the bytes from `start` in the buffer, placed in the file.
    /// Running out of bytes means a cut-off file only when the stream really ended there.
    fn slice_error(
        &self,
        e: &serde_json::Error,
        start: usize,
        end: usize,
        at_eof: bool,
    ) -> JsonError {
        match e.classify() {
            serde_json::error::Category::Io => JsonError::Io,
            serde_json::error::Category::Eof if at_eof => JsonError::Truncated,
            serde_json::error::Category::Eof => self.syntax_at(end),
            _ if is_encoding(e) => JsonError::Encoding,
            _ => JsonError::Syntax {
                line: self.line_at(start) + e.line().saturating_sub(1),
            },
        }
    }

    /// The first error in `start..end`, which may stop short of a value's end: `None` if the
    /// bytes are valid as far as they go.
    fn first_error(&self, start: usize, end: usize) -> Option<JsonError> {
        let bytes = self.buf.get(start..end).unwrap_or_default();
        let e = serde_json::from_slice::<IgnoredAny>(bytes).err()?;
        (!e.is_eof()).then(|| self.slice_error(&e, start, end, false))
    }

    /// Finds where the value at the next non-space byte ends, reading as needed; the value is
    /// then consumed.
    fn frame(&mut self, purpose: Purpose) -> Result<Framed, JsonError> {
        let Some(first) = self.peek()? else {
            return Err(JsonError::Truncated);
        };
        if matches!(first, b',' | b':' | b']' | b'}') {
            return Err(self.syntax_at(self.pos));
        }
        // Where the value starts while it is kept; `None` once a skipped value outgrew the limit.
        let mut start = Some(self.pos);
        let mut scan = Scan::new(first, purpose == Purpose::Skip);
        let mut i = self.pos;
        loop {
            let scanned = scan.run(self.buf.get(..self.end).unwrap_or_default(), i);
            // The limit holds however the bytes came in, in one read or many.
            if let Some(kept) = start {
                let reach = match scanned {
                    Scanned::Done(end) => end,
                    Scanned::Mismatch(at) => at + 1,
                    Scanned::More => self.end,
                };
                if reach - kept > self.limit {
                    match purpose {
                        // A syntax error before the limit is reported as such.
                        Purpose::Keep => {
                            let error = self.first_error(kept, kept + self.limit);
                            return Err(error.unwrap_or(JsonError::TooLarge));
                        }
                        Purpose::Skip => start = None,
                    }
                }
            }
            match scanned {
                Scanned::Done(end) => {
                    self.pos = end;
                    return Ok(match start {
                        Some(start) => Framed::Whole {
                            start,
                            end,
                            at_eof: false,
                            scalar: scan.scalar,
                        },
                        None => Framed::Passed,
                    });
                }
                Scanned::Mismatch(at) => {
                    // The first error of the value, which may come before the bracket.
                    let error = start.and_then(|start| self.first_error(start, at + 1));
                    return Err(error.unwrap_or_else(|| self.syntax_at(at)));
                }
                Scanned::More => {}
            }
            i = self.end;
            let (more, shift) = self.fill(start.unwrap_or(self.end))?;
            i -= shift;
            start = start.map(|s| s - shift);
            if !more {
                self.pos = self.end;
                return Ok(match start {
                    None => Framed::Passed,
                    Some(start) if scan.scalar => Framed::Whole {
                        start,
                        end: self.end,
                        at_eof: true,
                        scalar: true,
                    },
                    Some(start) => Framed::Cut { start },
                });
            }
        }
    }

    /// Frames the next value and gives its bytes to `parse` (which needs them whole).
    fn parse<V>(
        &mut self,
        purpose: Purpose,
        parse: &mut dyn FnMut(&[u8]) -> Result<V, serde_json::Error>,
    ) -> Result<Option<V>, JsonError> {
        let (start, mut end, mut at_eof, cut, scalar) = match self.frame(purpose)? {
            Framed::Whole {
                start,
                end,
                at_eof,
                scalar,
            } => (start, end, at_eof, false, scalar),
            Framed::Cut { start } => (start, self.end, true, true, false),
            Framed::Passed => return Ok(None),
        };
        let mut error = match parse(self.buf.get(start..end).unwrap_or_default()) {
            // A value cut off is never whole; `serde_json` says what it saw before the end.
            Ok(_) if cut => return Err(JsonError::Truncated),
            Ok(value) => return Ok(Some(value)),
            Err(e) => e,
        };
        // A number or literal is framed up to the next delimiter, where `serde_json` stops at
        // the end of the number (`12x`: 12, then an error at `x`): read it up to there.
        let bytes = self.buf.get(start..end).unwrap_or_default();
        match scalar_len(bytes) {
            Some(len) if scalar && len < bytes.len() => {
                (end, at_eof) = (start + len, false);
                self.pos = end;
                match parse(self.buf.get(start..end).unwrap_or_default()) {
                    Ok(value) => return Ok(Some(value)),
                    Err(e) => error = e,
                }
            }
            _ => {}
        }
        // Reading a stream, `serde_json` looks at the byte after a number or a literal before it
        // fails: so does this second reading, for the same error on the same line.
        let error = match self.buf.get(start..=end) {
            Some(bytes) if !at_eof && end < self.end => parse(bytes).err().unwrap_or(error),
            _ => error,
        };
        Err(self.slice_error(&error, start, end, at_eof))
    }

    /// Skips the next value, checked as `serde_json` would (without building it).
    fn skip(&mut self) -> Result<(), JsonError> {
        self.parse(Purpose::Skip, &mut |bytes| {
            serde_json::from_slice::<IgnoredAny>(bytes)
        })?;
        Ok(())
    }

    /// The error for a value that is not the array (or object) expected at `self.pos`: the one
    /// `serde_json` gives, asked for an array (or object) there.
    fn wrong_type(&mut self, array: bool) -> JsonError {
        let error = self.syntax_at(self.pos);
        if matches!(self.buf.get(self.pos), Some(b'[' | b'{')) {
            return error;
        }
        let expect = &mut |bytes: &[u8]| {
            Expect { array }.deserialize(&mut serde_json::Deserializer::from_slice(bytes))
        };
        match self.parse(Purpose::Skip, expect) {
            Err(e) => e,
            Ok(_) => error,
        }
    }

    /// Walks down `keys` from the next value, then hands out the elements of the array there.
    /// Returns how many were handed out.
    fn walk<T: DeserializeOwned>(
        &mut self,
        keys: &[&str],
        fast: Option<Fast<T>>,
        each: &mut dyn FnMut(T),
    ) -> Result<u64, JsonError> {
        let Some(first) = self.peek()? else {
            return Err(JsonError::Truncated);
        };
        let Some((key, rest)) = keys.split_first() else {
            if first != b'[' {
                return Err(self.wrong_type(true));
            }
            self.pos += 1;
            return self.elements(fast, each);
        };
        if first != b'{' {
            return Err(self.wrong_type(false));
        }
        self.pos += 1;
        if self.peek()? == Some(b'}') {
            self.pos += 1;
            return Ok(0);
        }
        // Only the first of repeated keys is walked, as `serde_json` would.
        let mut found = None;
        loop {
            match self.peek()? {
                None => return Err(JsonError::Truncated),
                Some(b'"') => {}
                Some(_) => return Err(self.syntax_at(self.pos)),
            }
            // Keys are decoded (escapes, UTF-8 checked): the file's `"loc\u0061tions"` matches.
            let name = self.parse(Purpose::Keep, &mut |bytes| {
                serde_json::from_slice::<String>(bytes)
            })?;
            match self.peek()? {
                None => return Err(JsonError::Truncated),
                Some(b':') => self.pos += 1,
                Some(_) => return Err(self.syntax_at(self.pos)),
            }
            if found.is_none() && name.as_deref() == Some(*key) {
                found = Some(self.walk(rest, fast, each)?);
            } else {
                self.skip()?;
            }
            match self.peek()? {
                None => return Err(JsonError::Truncated),
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(found.unwrap_or(0));
                }
                Some(_) => return Err(self.syntax_at(self.pos)),
            }
        }
    }

    /// The elements of an array whose `[` was just consumed.
    fn elements<T: DeserializeOwned>(
        &mut self,
        fast: Option<Fast<T>>,
        each: &mut dyn FnMut(T),
    ) -> Result<u64, JsonError> {
        let mut count = 0;
        if self.peek()? == Some(b']') {
            self.pos += 1;
            return Ok(count);
        }
        loop {
            // At an element's start.
            if !self.in_place_run(fast, each, &mut count)? {
                if let Some(item) =
                    self.parse(Purpose::Keep, &mut |bytes| serde_json::from_slice(bytes))?
                {
                    count += 1;
                    each(item);
                }
            }
            match self.peek()? {
                None => return Err(JsonError::Truncated),
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(count);
                }
                Some(_) => return Err(self.syntax_at(self.pos)),
            }
        }
    }

    /// Elements read in place ([`Framer::parse_in_place`]) one after the other, with the `,`
    /// after each, as long as their bytes are in the buffer; each counted in `count`. Then
    /// `false` at the start of an element not read so (one that runs past the buffer, about one
    /// per read of the file, or an unusual one), or `true` past the last element read, when what
    /// follows is not a `,` in the buffer (`]`, or the buffer's end).
    ///
    /// A function of its own, called about once per read, rather than the loop of the whole
    /// array: the browser optimises a function while it runs but uses the optimised code from its
    /// next call on, so a file's first read runs on the first code at worst, not the whole file
    /// (`walk` and `elements` are called once per file). `wasm-opt -Oz` inlines a function with
    /// one caller whatever `#[inline(never)]` says: `index.html` names it
    /// (`--no-inline=*Framer*in_place_run*`), so renaming it means changing it there.
    #[inline(never)]
    fn in_place_run<T: DeserializeOwned>(
        &mut self,
        fast: Option<Fast<T>>,
        each: &mut dyn FnMut(T),
        count: &mut u64,
    ) -> Result<bool, JsonError> {
        loop {
            if !self.parse_in_place(fast, each)? {
                return Ok(false);
            }
            *count += 1;
            let rest = self.buf.get(self.pos..self.end).unwrap_or_default();
            match rest.iter().position(|&b| !is_space(b)) {
                Some(k) if rest.get(k) == Some(&b',') => self.pass(k, k + 1),
                _ => return Ok(true),
            }
        }
    }

    /// The fast way to an element: parsed straight from the bytes in the buffer, where
    /// `serde_json` finds its end itself, and taken only if it ended before the buffer did (a
    /// number may go on in the next read) and within the limit. Then handed to `each` at once
    /// (`true`): an element is not moved from one function's result to the next (a record is
    /// some 200 bytes). Otherwise (an element that runs past the buffer, about one per read, or
    /// any error) `false`, and the element is framed by the scanner and parsed again, so errors
    /// are exactly those of the framed path.
    fn parse_in_place<T: DeserializeOwned>(
        &mut self,
        fast: Option<Fast<T>>,
        each: &mut dyn FnMut(T),
    ) -> Result<bool, JsonError> {
        // Lines up to here (those of an element framed the other way) counted, so that the fast
        // reader's count follows on.
        self.count_lines_to(self.pos);
        // The white space before the element, passed here when it is in the buffer (its lines
        // counted), else by `peek` (which reads more).
        let rest = self.buf.get(self.pos..self.end).unwrap_or_default();
        match rest.iter().position(|&b| !is_space(b)) {
            Some(k) => self.pass(k, k),
            None => {
                if self.peek()?.is_none() {
                    return Ok(false);
                }
            }
        }
        let bytes = self.buf.get(self.pos..self.end).unwrap_or_default();
        if let Some(fast) = fast {
            if let Some((item, len, lines)) = fast(bytes) {
                if len < bytes.len() && len <= self.limit {
                    if self.counted == self.pos {
                        self.lines += lines;
                        self.counted += len;
                    }
                    self.pos += len;
                    each(item);
                    return Ok(true);
                }
            }
        }
        let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
        // Past a number or literal, `next` checks for white space or a delimiter: the very bytes
        // at which the scanner ends one.
        let Some(Ok(item)) = values.next() else {
            return Ok(false);
        };
        let len = values.byte_offset();
        if len >= bytes.len() || len > self.limit {
            return Ok(false);
        }
        self.pos += len;
        each(item);
        Ok(true)
    }

    /// Moves the position `len` bytes on, past white space (its first `space` bytes, a few) and
    /// maybe a `,`: their newlines counted if those before them are.
    // A few bytes, usually none: a loop, not a call.
    #[allow(clippy::naive_bytecount)]
    fn pass(&mut self, space: usize, len: usize) {
        if self.counted == self.pos {
            let passed = self.buf.get(self.pos..self.pos + space).unwrap_or_default();
            self.lines += passed.iter().filter(|&&b| b == b'\n').count();
            self.counted += len;
        }
        self.pos += len;
    }

    /// Only white space may follow the value.
    fn end(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            None => Ok(()),
            Some(_) => Err(self.syntax_at(self.pos)),
        }
    }
}

/// The previous implementation, a `serde_json` visitor over `from_reader` (byte by byte): the
/// reference the framer is compared with.
/// A seed that streams the elements of an array into `each`, one at a time, for sources that
/// walk a document themselves (`map.next_value_seed(Each { .. })`); `null` is an empty array when
/// `nullable`.
pub struct Each<'a, T> {
    pub each: &'a mut dyn FnMut(T),
    pub nullable: bool,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Each<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.nullable {
            deserializer.deserialize_any(self)
        } else {
            deserializer.deserialize_seq(self)
        }
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Each<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            (self.each)(item);
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod reference {
    use std::fmt;
    use std::io::Read;
    use std::marker::PhantomData;

    use serde::de::{
        self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };

    use super::{json_start, JsonError};

    pub fn for_each_element<T: DeserializeOwned>(
        reader: impl Read,
        keys: &[&str],
        each: &mut dyn FnMut(T),
    ) -> Result<u64, JsonError> {
        let mut de = serde_json::Deserializer::from_reader(json_start(reader));
        let mut count = 0;
        Walk {
            keys,
            each,
            count: &mut count,
            item: PhantomData,
        }
        .deserialize(&mut de)?;
        // Anything but white space after the value is an error.
        de.end()?;
        Ok(count)
    }

    struct Walk<'a, T> {
        keys: &'a [&'a str],
        each: &'a mut dyn FnMut(T),
        count: &'a mut u64,
        item: PhantomData<T>,
    }

    impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Walk<'_, T> {
        type Value = ();

        fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            if self.keys.is_empty() {
                deserializer.deserialize_seq(self)
            } else {
                deserializer.deserialize_map(self)
            }
        }
    }

    impl<'de, T: DeserializeOwned> Visitor<'de> for Walk<'_, T> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.keys.first() {
                Some(key) => write!(f, "an object with \"{key}\""),
                None => f.write_str("an array"),
            }
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(item) = seq.next_element::<T>()? {
                *self.count += 1;
                (self.each)(item);
            }
            Ok(())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let Some((first, rest)) = self.keys.split_first() else {
                return Err(de::Error::custom("expected an array"));
            };
            let Walk { each, count, .. } = self;
            let mut each = Some(each);
            let mut count = Some(count);
            while let Some(key) = map.next_key::<String>()? {
                match (key == *first, each.take(), count.take()) {
                    (true, Some(each), Some(count)) => {
                        map.next_value_seed(Walk {
                            keys: rest,
                            each,
                            count,
                            item: PhantomData,
                        })?;
                    }
                    (_, e, c) => {
                        each = e;
                        count = c;
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::{self, Write};

    use super::*;
    use crate::synth::Rng;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct P {
        #[serde(rename = "latitudeE7")]
        lat: i64,
    }

    fn lats(json: &[u8], keys: &[&str]) -> Result<Vec<i64>, JsonError> {
        let mut out = Vec::new();
        for_each_element::<P>(json, keys, &mut |p| out.push(p.lat))?;
        Ok(out)
    }

    #[test]
    fn nested_and_top_level_arrays_stream_element_by_element() {
        let doc = br#"{"before": {"x": [1, {"y": 2}]}, "locations": [{"latitudeE7": 1, "other": "z"}, {"latitudeE7": 2}], "after": null}"#;
        assert_eq!(lats(doc, &["locations"]), Ok(vec![1, 2]));
        assert_eq!(lats(br#"[{"latitudeE7": 5}]"#, &[]), Ok(vec![5]));
        assert_eq!(
            lats(br#"{"a": {"b": [{"latitudeE7": 7}]}}"#, &["a", "b"]),
            Ok(vec![7])
        );
        assert_eq!(lats(br#"{"other": []}"#, &["locations"]), Ok(vec![]));
        // A byte-order mark is skipped; a minified one-line file is fine.
        assert_eq!(
            lats(
                b"\xEF\xBB\xBF{\"locations\":[{\"latitudeE7\":3}]}",
                &["locations"]
            ),
            Ok(vec![3])
        );
    }

    #[test]
    fn bad_json_is_classified_not_panicked_on() {
        assert_eq!(
            lats(
                br#"{"locations": [{"latitudeE7": 1}, {"lat"#,
                &["locations"]
            ),
            Err(JsonError::Truncated)
        );
        assert_eq!(
            lats(b"\x89PNG\r\n", &["locations"]),
            Err(JsonError::Syntax { line: 1 })
        );
        assert_eq!(
            lats(br#"{"locations": [1, 2]}"#, &["locations"]),
            Err(JsonError::Syntax { line: 1 })
        );
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(matches!(
            lats(deep.as_bytes(), &["locations"]),
            Err(JsonError::Syntax { .. })
        ));
        let deep_inside = format!(
            "{{\"x\": {}, \"locations\": []}}",
            "[".repeat(10_000) + &"]".repeat(10_000)
        );
        // Skipped values are walked without recursion: deep but valid nesting beside the array is fine.
        assert_eq!(lats(deep_inside.as_bytes(), &["locations"]), Ok(vec![]));
        assert_eq!(
            lats(br#"{"locations": []} trailing"#, &["locations"]),
            Err(JsonError::Syntax { line: 1 })
        );
    }

    /// Hands out 1 to `max` bytes a call, so that every byte boundary is met.
    struct Trickle<'a> {
        bytes: &'a [u8],
        rng: Rng,
        max: u64,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = usize::try_from(1 + self.rng.below(self.max)).unwrap();
            let n = n.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    type Outcome<T> = (Vec<T>, Result<u64, JsonError>);

    fn framed<T: DeserializeOwned>(reader: impl Read, keys: &[&str], limit: usize) -> Outcome<T> {
        let mut out = Vec::new();
        let result = elements_with_limit(reader, keys, limit, None, &mut |item| out.push(item));
        (out, result)
    }

    fn reference<T: DeserializeOwned>(doc: &[u8], keys: &[&str]) -> Outcome<T> {
        let mut out = Vec::new();
        let result = reference::for_each_element(doc, keys, &mut |item| out.push(item));
        (out, result)
    }

    /// The framer, read whole and a few bytes at a time, against the previous implementation:
    /// the same elements and the same error, except that a syntax error may be placed one line
    /// earlier. Reading a stream, `serde_json` counts a newline it has only peeked at (after a
    /// number that is then refused, or as a control character in a skipped string); reading a
    /// slice, it does not. Returns the outcome, and whether its line was one earlier.
    fn assert_same<T: DeserializeOwned + PartialEq + fmt::Debug>(
        doc: &[u8],
        keys: &[&str],
        rng: &mut Rng,
    ) -> (Outcome<T>, bool) {
        let text = String::from_utf8_lossy(doc);
        let got = framed::<T>(doc, keys, MAX_ELEMENT);
        let trickle = Trickle {
            bytes: doc,
            rng: Rng::new(rng.next_u64()),
            max: 1 + rng.below(12),
        };
        // However the bytes come in, the outcome is the same.
        assert_eq!(
            framed::<T>(trickle, keys, MAX_ELEMENT),
            got,
            "{keys:?} {text}"
        );
        let expected = reference::<T>(doc, keys);
        let earlier = got.0 == expected.0
            && matches!(
                (&got.1, &expected.1),
                (Err(JsonError::Syntax { line }), Err(JsonError::Syntax { line: old }))
                    if *old == line + 1
            );
        if !earlier {
            assert_eq!(got, expected, "{keys:?} {text}");
        }
        (got, earlier)
    }

    /// Random JSON with the traps of real files: escapes, brackets and key names inside strings,
    /// the keys sought at other depths, and white space from none to random.
    struct Gen {
        rng: Rng,
        /// 0: minified, 1: pretty-printed, 2: random white space.
        style: u64,
    }

    impl Gen {
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[usize::try_from(self.rng.below(from.len() as u64)).unwrap()]
        }

        fn space(&mut self, depth: usize) -> String {
            match self.style {
                0 => String::new(),
                1 => format!("\n{}", "  ".repeat(depth)),
                _ => (0..self.rng.below(4))
                    .map(|_| self.pick(&[" ", "\n", "\t", "\r\n", "  "]))
                    .collect(),
            }
        }

        /// `text` as a JSON string, each character written plain or escaped at random.
        fn string(&mut self, text: &str) -> String {
            let mut out = String::from("\"");
            for c in text.chars() {
                let escape = self.rng.below(4) == 0;
                match c {
                    '"' if !escape => out.push_str("\\\""),
                    '\\' if !escape => out.push_str("\\\\"),
                    '\n' if !escape => out.push_str("\\n"),
                    c if (c as u32) < 0x20 || escape => {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            let _ = write!(out, "\\u{unit:04x}");
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }

        fn text(&mut self) -> String {
            let pieces = [
                "a",
                "Z",
                "9",
                " ",
                "\"",
                "\\",
                "[",
                "]",
                "{",
                "}",
                ",",
                ":",
                "/",
                "\n",
                "\t",
                "\u{1}",
                "é",
                "€",
                "😀",
                "locations",
                "\\\"]",
                "\"]}",
                "a\"b",
            ];
            (0..self.rng.below(6)).map(|_| self.pick(&pieces)).collect()
        }

        fn scalar(&mut self) -> String {
            match self.rng.below(9) {
                0 => "true".into(),
                1 => "false".into(),
                2 => "null".into(),
                3 => self.rng.below(1 << 40).to_string(),
                4 => format!("-{}", self.rng.below(1000)),
                5 => self
                    .pick(&["0", "-0.25", "1.5e-3", "1E+2", "12.0", "-7e3"])
                    .into(),
                _ => {
                    let text = self.text();
                    self.string(&text)
                }
            }
        }

        fn value(&mut self, depth: usize) -> String {
            match self.rng.below(if depth >= 4 { 1 } else { 4 }) {
                0 => self.scalar(),
                1 => {
                    let items: Vec<String> = (0..self.rng.below(4))
                        .map(|_| {
                            let space = self.space(depth + 1);
                            space + &self.value(depth + 1)
                        })
                        .collect();
                    self.wrap('[', &items, ']', depth)
                }
                _ => {
                    let entries: Vec<String> = (0..self.rng.below(4))
                        .map(|_| {
                            let name = self.pick(&["locations", "a", "b", "x", "latitudeE7", ""]);
                            self.entry(name, depth)
                        })
                        .collect();
                    self.wrap('{', &entries, '}', depth)
                }
            }
        }

        fn entry(&mut self, name: &str, depth: usize) -> String {
            let value = self.value(depth + 1);
            self.entry_of(name, &value, depth)
        }

        fn entry_of(&mut self, name: &str, value: &str, depth: usize) -> String {
            let (before, key, after) = (self.space(depth + 1), self.string(name), self.space(0));
            let gap = if self.style == 1 { " " } else { "" };
            format!("{before}{key}{after}:{gap}{value}")
        }

        fn wrap(&mut self, open: char, items: &[String], close: char, depth: usize) -> String {
            let end = if items.is_empty() {
                String::new()
            } else {
                self.space(depth)
            };
            format!("{open}{}{end}{close}", items.join(","))
        }

        /// A document with an array under `keys`, among other values; sometimes the array is
        /// missing, of the wrong type, or its key repeated.
        fn doc(&mut self, keys: &[&str], depth: usize) -> String {
            let Some((key, rest)) = keys.split_first() else {
                if self.rng.below(20) == 0 {
                    return self.value(depth);
                }
                let elements: Vec<String> = (0..self.rng.below(6))
                    .map(|_| {
                        let space = self.space(depth + 1);
                        space + &self.value(depth + 1)
                    })
                    .collect();
                return self.wrap('[', &elements, ']', depth);
            };
            let mut entries: Vec<String> = (0..self.rng.below(3))
                .map(|_| {
                    let name = self.pick(&["locations", "a", "b", "x", "y", "other"]);
                    let name = if name == *key { "other" } else { name };
                    self.entry(name, depth)
                })
                .collect();
            if self.rng.below(10) != 0 {
                let inner = self.doc(rest, depth + 1);
                let at = usize::try_from(self.rng.below(entries.len() as u64 + 1)).unwrap();
                entries.insert(at, self.entry_of(key, &inner, depth));
                if self.rng.below(8) == 0 {
                    // A repeated key: only the first is walked.
                    let again = self.doc(rest, depth + 1);
                    entries.push(self.entry_of(key, &again, depth));
                }
            }
            self.wrap('{', &entries, '}', depth)
        }
    }

    /// The same document, damaged: cut off, or one byte changed, removed or added.
    fn damage(doc: &[u8], rng: &mut Rng) -> Vec<u8> {
        let mut bytes = doc.to_vec();
        let at = usize::try_from(rng.below(doc.len() as u64)).unwrap();
        let traps = b"\"\\[]{},: \nx1-.e\xFF\x01";
        let trap = traps[usize::try_from(rng.below(traps.len() as u64)).unwrap()];
        match rng.below(4) {
            0 => bytes.truncate(at),
            1 => bytes[at] = trap,
            2 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, trap),
        }
        bytes
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Fields {
        a: Option<i64>,
        #[serde(rename = "locations")]
        text: Option<String>,
    }

    thread_local! {
        /// How many elements [`fast_fields`] read.
        static FAST_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A reader of [`Fields`] straight from the bytes, as `Record::fast` is for `Records.json`.
    fn fast_fields(bytes: &[u8]) -> Option<(Fields, usize, usize)> {
        let mut cursor = super::super::fast::Cursor::new(bytes);
        let (mut a, mut text, mut seen) = (None, None, 0_u8);
        cursor.fields(&[b"a", b"locations"], |index, c| {
            let Some(index) = index else {
                return c.skip();
            };
            if seen & (1 << index) != 0 {
                return None;
            }
            seen |= 1 << index;
            if index == 0 {
                a = c.int()?;
            } else {
                text = c.text()?.map(str::to_owned);
            }
            Some(())
        })?;
        FAST_READ.with(|n| n.set(n.get() + 1));
        Some((Fields { a, text }, cursor.pos(), cursor.lines()))
    }

    /// With a fast reader, read whole and a few bytes at a time, the framer gives the same
    /// elements and the same error, on the same line, as without: the lines the fast reader
    /// counts and those the framer counts add up.
    fn assert_fast_same(doc: &[u8], keys: &[&str], rng: &mut Rng) {
        let fast = |reader: &mut dyn Read| {
            let mut out = Vec::new();
            let result =
                elements_with_limit(reader, keys, MAX_ELEMENT, Some(fast_fields), &mut |item| {
                    out.push(item);
                });
            (out, result)
        };
        let expected = framed::<Fields>(doc, keys, MAX_ELEMENT);
        let text = String::from_utf8_lossy(doc);
        assert_eq!(fast(&mut &doc[..]), expected, "{keys:?} {text}");
        let mut trickle = Trickle {
            bytes: doc,
            rng: Rng::new(rng.next_u64()),
            max: 1 + rng.below(200),
        };
        assert_eq!(fast(&mut trickle), expected, "{keys:?} {text}");
    }

    #[test]
    fn lines_counted_by_the_fast_reader_place_errors_as_the_framer_does() {
        let mut rng = Rng::new(5);
        for nl in ["\n", "\r\n"] {
            // Elements of every kind the fast reader meets: pretty-printed (a separator read in
            // one comparison), with lines in a value passed over, read again by serde_json (an
            // escape; a float passed over), compact, with blank lines between members.
            let elements: Vec<String> = (0..20_000)
                .map(|i| match i % 5 {
                    0 => format!(
                        "{{{nl}    \"a\": {i},{nl}    \"b\": [{nl}      1,{nl}      {{\"c\": \"d\"}}{nl}    ],{nl}    \"x\": \"y\",{nl}    \"locations\": \"t{i}\"{nl}  }}"
                    ),
                    1 => format!("{{{nl}    \"locations\": \"e\\u0062{i}\",{nl}    \"a\": {i}{nl}  }}"),
                    2 => format!("{{\"a\": {i}, \"locations\": \"z\"}}"),
                    3 => format!("{{{nl}    \"f\": [{nl}1.5{nl}],{nl}    \"a\": {i}{nl}  }}"),
                    _ => format!("{{{nl}{nl}    \"a\": {i}{nl}{nl}    ,\"locations\": null{nl}{nl}  }}"),
                })
                .collect();
            let body = elements.join(&format!(",{nl}  "));
            for bad in [
                "{\"a\": tru}".to_owned(),
                format!("{{{nl}\"a\":{nl}{nl}1,,}}"),
                format!("{{\"a\": 1}}{nl}{nl}}}"),
            ] {
                let doc = format!("{{{nl}  \"locations\": [{nl}  {body},{nl}  {bad}]{nl}}}");
                assert!(doc.len() > 3 * CHUNK, "{}", doc.len());
                let before = FAST_READ.with(std::cell::Cell::get);
                assert_fast_same(doc.as_bytes(), &["locations"], &mut rng);
                let fast_read = FAST_READ.with(std::cell::Cell::get) - before;
                assert!(fast_read > 15_000, "{fast_read}");
                let (read, result) = framed::<Fields>(doc.as_bytes(), &["locations"], MAX_ELEMENT);
                assert!((elements.len()..=elements.len() + 1).contains(&read.len()));
                let Err(JsonError::Syntax { line }) = result else {
                    panic!("{result:?}");
                };
                let head = doc.len() - bad.len() - nl.len() - 2;
                let lines = doc[..head].matches('\n').count();
                let (first, last) = (lines + 1, lines + bad.matches('\n').count() + 1);
                assert!(
                    (first..=last).contains(&line),
                    "{line} {first} {last} {bad:?}"
                );
            }
        }
    }

    #[test]
    fn the_framer_reads_exactly_what_the_previous_reader_read() {
        let mut rng = Rng::new(11);
        let paths: [&[&str]; 4] = [&[], &["locations"], &["a", "b"], &["x", "y", "locations"]];
        let (mut read, mut failed, mut earlier) = (0, 0, 0);
        for round in 0..3000 {
            let keys = paths[round % paths.len()];
            let mut gen = Gen {
                rng: Rng::new(rng.next_u64()),
                style: rng.below(3),
            };
            let doc = gen.doc(keys, 0);
            // The whole document is valid JSON, whatever the framer thought of its shape.
            assert!(
                serde_json::from_str::<serde_json::Value>(&doc).is_ok(),
                "{doc}"
            );
            let ((_, result), _) = assert_same::<serde_json::Value>(doc.as_bytes(), keys, &mut rng);
            read += u64::from(result.is_ok_and(|n| n > 0));
            let (_, line) = assert_same::<Fields>(doc.as_bytes(), keys, &mut rng);
            earlier += u64::from(line);
            assert_fast_same(doc.as_bytes(), keys, &mut rng);
            for _ in 0..4 {
                let damaged = damage(doc.as_bytes(), &mut rng);
                let ((_, result), line) =
                    assert_same::<serde_json::Value>(&damaged, keys, &mut rng);
                failed += u64::from(result.is_err());
                earlier += u64::from(line);
                let (_, line) = assert_same::<Fields>(&damaged, keys, &mut rng);
                earlier += u64::from(line);
                assert_fast_same(&damaged, keys, &mut rng);
            }
        }
        // The fast reader read enough elements for the comparisons to mean something.
        assert!(FAST_READ.with(std::cell::Cell::get) > 3000);
        // The generator made both arrays to read and errors to report; lines one earlier are rare
        // (about 1% of the 30,000 comparisons).
        assert!(read > 1000 && failed > 3000, "{read} {failed}");
        assert!(earlier < 500, "{earlier}");
    }

    #[test]
    fn long_documents_read_the_same_across_many_refills() {
        let mut rng = Rng::new(23);
        for style in 0..3 {
            let mut gen = Gen {
                rng: Rng::new(rng.next_u64()),
                style,
            };
            let mut elements = Vec::new();
            let mut len = 0;
            while len < 3 * CHUNK {
                // Mostly small values, a few larger than the buffer.
                let element = if gen.rng.below(400) == 0 || elements.len() == 100 {
                    let text = (gen.text() + "x").repeat(CHUNK / 2);
                    format!("{{\"s\": {}, \"a\": [1, {{}}]}}", gen.string(&text))
                } else {
                    gen.value(1)
                };
                len += element.len();
                elements.push(element);
            }
            let doc = format!("{{\"locations\": [{}]}}", elements.join(",\n"));
            let (read, result) =
                assert_same::<serde_json::Value>(doc.as_bytes(), &["locations"], &mut rng).0;
            assert_eq!(
                (read.len(), result),
                (elements.len(), Ok(elements.len() as u64))
            );
            // Reads of any size, up to a few buffers' worth.
            let chunky = Trickle {
                bytes: doc.as_bytes(),
                rng: Rng::new(rng.next_u64()),
                max: 3 * CHUNK as u64,
            };
            let (again, _) = framed::<serde_json::Value>(chunky, &["locations"], MAX_ELEMENT);
            assert_eq!(again, read);
            // Cut anywhere, the elements before the cut are read.
            let cut = usize::try_from(rng.below(doc.len() as u64)).unwrap();
            let (_, earlier) =
                assert_same::<serde_json::Value>(&doc.as_bytes()[..cut], &["locations"], &mut rng);
            assert!(!earlier);
        }
    }

    #[test]
    fn strings_with_brackets_quotes_and_key_names_do_not_confuse_the_scanner() {
        let doc = br#"{"x": "]\"}[{\\", "y": ["locations", "\\\""], "z": {"locations": [{"latitudeE7": 9}]},
            "locations": [{"latitudeE7": 1, "s": "]}\"{[\\\\"}, {"s": "\u005d\"", "latitudeE7": 2}],
            "w": {"locations": [{"latitudeE7": 8}]}}"#;
        assert_eq!(lats(doc, &["locations"]), Ok(vec![1, 2]));
        // Deeper: a key sought only counts at its own depth.
        let doc = br#"{"b": [{"latitudeE7": 5}], "a": {"x": {"b": []}, "b": [{"latitudeE7": 6}]}}"#;
        assert_eq!(lats(doc, &["a", "b"]), Ok(vec![6]));
        // Keys are compared once decoded, as `serde_json` decodes them.
        let doc = br#"{"loc\u0061tions": [{"latitudeE7": 3}], "locations": [{"latitudeE7": 4}]}"#;
        assert_eq!(lats(doc, &["locations"]), Ok(vec![3]));
    }

    #[test]
    fn any_white_space_a_bom_and_a_javascript_wrapper_are_read() {
        let minified = br#"{"locations":[{"latitudeE7":1},{"latitudeE7":2}]}"#;
        let spaced = b"\r\n { \"locations\"\t:\r\n [ {\"latitudeE7\" : 1 } ,\n\n{ \"latitudeE7\":2}\t]\n}\r\n";
        assert_eq!(lats(minified, &["locations"]), Ok(vec![1, 2]));
        assert_eq!(lats(spaced, &["locations"]), Ok(vec![1, 2]));
        let wrapped = b"\xEF\xBB\xBFwindow.YTD.tweets.part0 = [{\"latitudeE7\": 4}]";
        assert_eq!(lats(wrapped, &[]), Ok(vec![4]));
        // A form feed is not JSON white space.
        assert!(matches!(
            lats(b"[\x0C{\"latitudeE7\": 4}]", &[]),
            Err(JsonError::Syntax { line: 1 })
        ));
    }

    #[test]
    fn every_cut_is_truncated_and_keeps_the_elements_before_it() {
        let doc = br#"{"skip": ["a]", {"b": null}], "locations": [{"latitudeE7": 10}, {"latitudeE7": -20, "x": "\"]"}, {"latitudeE7": 30}]}"#;
        for cut in 0..doc.len() {
            let (read, result) = framed::<P>(&doc[..cut], &["locations"], MAX_ELEMENT);
            assert_eq!(result, Err(JsonError::Truncated), "{cut}");
            assert!([10, -20, 30].starts_with(&read.iter().map(|p| p.lat).collect::<Vec<_>>()));
        }
    }

    #[test]
    fn syntax_errors_give_the_line_they_are_on_even_far_into_a_file() {
        let record = "{\n  \"latitudeE7\": 1\n},\n";
        let head = format!("{{\n\"locations\": [\n{}", record.repeat(100_000));
        let lines = head.matches('\n').count();
        for (bad, line) in [
            ("{\"latitudeE7\": tru}]}", 1),
            ("{\n\"latitudeE7\":\n\"one\"}]}", 3),
            ("{\"latitudeE7\": 1}\n\n}", 3),
            ("{\"latitudeE7\": 1}]\n}\n,", 3),
            ("\n\n{\"latitudeE7\": 1]]}", 3),
        ] {
            let doc = head.clone() + bad;
            assert!(doc.len() > 2 * CHUNK);
            let expected = JsonError::Syntax { line: lines + line };
            assert_eq!(
                framed::<P>(doc.as_bytes(), &["locations"], MAX_ELEMENT).1,
                Err(expected),
                "{bad}"
            );
            assert_eq!(
                reference::<P>(doc.as_bytes(), &["locations"]).1,
                Err(expected)
            );
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_where_text_is_read() {
        #[derive(serde::Deserialize)]
        struct Text {
            #[allow(dead_code)] // read to be checked
            s: String,
        }
        let read = |doc: &[u8]| for_each_element::<Text>(doc, &["locations"], &mut |_| {});
        assert_eq!(
            read(b"{\"locations\": [{\"s\": \"ok\"}, {\"s\": \"\xFF\"}]}"),
            Err(JsonError::Encoding)
        );
        assert_eq!(read(b"{\"loc\xFFations\": []}"), Err(JsonError::Encoding));
        // As before, text that is skipped is not checked.
        assert_eq!(read(b"{\"x\": \"\xFF\", \"locations\": []}"), Ok(0));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        for doc in [
            format!("{{\"locations\": [{deep}]}}"),
            format!("{{\"locations\": [{}", "[".repeat(10_000)),
            format!("{{\"locations\": [{{\"a\": {}", "{\"a\": ".repeat(10_000)),
        ] {
            let (read, result) =
                framed::<serde_json::Value>(doc.as_bytes(), &["locations"], MAX_ELEMENT);
            assert!(read.is_empty() && matches!(result, Err(JsonError::Syntax { line: 1 })));
        }
        // What an element's type ignores is skipped without recursion, as before.
        let doc = format!("{{\"locations\": [{{\"a\": {deep}, \"latitudeE7\": 2}}]}}");
        assert_eq!(lats(doc.as_bytes(), &["locations"]), Ok(vec![2]));
        // Beside the array, deep values are skipped without recursion, even beyond the limit.
        let doc = format!("{{\"x\": {deep}, \"locations\": [{{\"latitudeE7\": 1}}]}}");
        let (read, result) = framed::<P>(doc.as_bytes(), &["locations"], 1000);
        assert_eq!((read.len(), result), (1, Ok(1)));
    }

    #[test]
    fn an_element_beyond_the_limit_is_an_error_and_memory_stays_bounded() {
        let huge = format!(
            "{{\"locations\": [{{\"latitudeE7\": 1, \"s\": \"{}\"}}]}}",
            "x".repeat(MAX_ELEMENT + 1)
        );
        assert_eq!(
            lats(huge.as_bytes(), &["locations"]),
            Err(JsonError::TooLarge)
        );
        // Small limits, to see the cases quickly.
        let doc = br#"{"big": [1, 2, 3, 4, 5, 6, 7, 8, 9, "]]"], "locations": [{"latitudeE7": 1}, {"latitudeE7": 2, "s": "0123456789"}]}"#;
        let (read, result) = framed::<P>(&doc[..], &["locations"], 30);
        assert_eq!((read.len(), result), (1, Err(JsonError::TooLarge)));
        // A value that is skipped may be larger: it is passed over, brackets still matched.
        let (read, result) = framed::<P>(&doc[..], &["locations"], 20);
        assert_eq!((read.len(), result), (1, Err(JsonError::TooLarge)));
        let (read, result) = framed::<P>(&doc[..], &["locations"], 16);
        assert_eq!((read.len(), result), (0, Err(JsonError::TooLarge)));
        let doc = br#"{"big": [1, 2, 3, 4, 5, 6, 7, 8, 9, [}], "locations": []}"#;
        assert_eq!(
            framed::<P>(&doc[..], &["locations"], 10).1,
            Err(JsonError::Syntax { line: 1 })
        );
        // Broken before the limit: the syntax error is what is reported.
        let doc = br#"{"locations": [{"latitudeE7": 1, "x": tru, "s": "0123456789"}]}"#;
        assert_eq!(
            framed::<P>(&doc[..], &["locations"], 40).1,
            Err(JsonError::Syntax { line: 1 })
        );
    }

    #[test]
    fn a_read_error_midway_is_reported_after_the_elements_before_it() {
        // Longer than the 512 bytes `json_start` looks at first.
        let doc = format!(
            "{{\"locations\": [{{\"latitudeE7\": 1, \"s\": \"{}\"}}, {{\"latitudeE7\": 2",
            "x".repeat(600)
        );
        let broken = doc.as_bytes().chain(Broken);
        let (read, result) = framed::<P>(broken, &["locations"], MAX_ELEMENT);
        assert_eq!((read.len(), result), (1, Err(JsonError::Io)));
    }

    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("gone"))
        }
    }

    #[test]
    fn newlines_are_counted_exactly_in_any_alignment() {
        let mut rng = Rng::new(5);
        // Short ones, and long ones across the blocks of 255 words the counts are added up by.
        for max in [40, 9_000] {
            for _ in 0..200 {
                let len = usize::try_from(rng.below(max)).unwrap();
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        [b'\n', b'a', 0x0B, 0x8A, 0xFF][usize::try_from(rng.below(5)).unwrap()]
                    })
                    .collect();
                #[allow(clippy::naive_bytecount)] // the reference
                let naive = bytes.iter().filter(|&&b| b == b'\n').count();
                assert_eq!(count_newlines(&bytes), naive);
            }
        }
        // Nothing but newlines: every byte's count at its most.
        for len in [2_039, 2_040, 2_041, 10_000] {
            assert_eq!(count_newlines(&vec![b'\n'; len]), len);
        }
    }
}
