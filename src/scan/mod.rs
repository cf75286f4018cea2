//! The scanner: what is inside any file, and what personal data it holds.
//!
//! No file is a dead end. For a file that no source recognises (and, as a raw view, for one that
//! a source does), [`scan`] streams it once and reports:
//! - its **shape**, never a value: a JSON file's key paths with types, counts and array lengths;
//!   a CSV file's columns with inferred types and fill rates; an XML file's element paths; a
//!   text file's lines, encoding and language; a binary file's kind from its magic bytes, and a
//!   photo's EXIF date, camera and position;
//! - the **personal data** in its values, by category ([`detect`]), with counts, where they are
//!   (JSON path, column, element), masked examples ([`mask`]) and a sensitivity level with its
//!   reasons.
//!
//! Memory follows the number of distinct paths and the caps below, never the file's size.

use std::collections::BTreeMap;
use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::i18n::scan::{reveal_sentence, sensitivity_reason};
use crate::i18n::Messages;
use crate::ingest::csv::{csv_structure_with, CsvError, CsvStructure};
use crate::ingest::structure::{json_structure_with, Leaf, Leaves, Structure};
use crate::ingest::text::{self, Encoding};
use crate::ingest::xml::{xml_structure_with, XmlError, XmlStructure};

pub mod binary;
pub mod detect;
pub mod keys;
pub mod mask;
pub mod trackers;

pub use detect::Category;
use detect::{Hit, Value};
use keys::Hint;

/// Places (paths, columns) kept per category; the rest are counted together.
const MAX_PLACES: usize = 24;
/// Places listed in the report per category, most frequent first.
const SHOWN_PLACES: usize = 5;
/// Distinct masked examples kept per category.
const EXAMPLES: usize = 3;
/// Hits of a category looked at for examples.
const EXAMPLE_TRIES: u64 = 256;
/// Longest piece of text handed to the detectors at once; longer values are cut at a space.
const PIECE: usize = 16 << 10;

/// What the scanner found in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileScan {
    /// The file's shape, without a single value.
    pub shape: Shape,
    /// The personal data found, by category, most sensitive first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub found: Vec<Found>,
    /// A photo's EXIF: when, with what, where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<binary::Exif>,
    /// A CSV file's columns, each with a few masked examples of its values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnExamples>,
    pub sensitivity: Sensitivity,
    /// What the file reveals, in one or two sentences.
    pub text: Messages,
    /// Only what a file's row shows: the shape's paths and columns, and the columns' examples,
    /// are left out ([`FileScan::brief`]); the whole scan is made again when it is opened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub brief: bool,
}

impl FileScan {
    /// The scan without its shape's paths and columns: what the page keeps of each file no
    /// source claims, so that an archive of 20,000 unknown files weighs a few kilobytes each at
    /// most. The row's line (sensitivity, categories, counts) is the same; the panel asks for the
    /// whole scan.
    #[must_use]
    pub fn brief(mut self) -> Self {
        match &mut self.shape {
            Shape::Json(s) => s.paths.clear(),
            Shape::Xml(s) => s.paths.clear(),
            Shape::Csv(s) => s.columns.clear(),
            Shape::Text(_) | Shape::Binary(_) | Shape::Data => {}
        }
        self.columns.clear();
        self.brief = true;
        self
    }
}

/// A file's shape: its format and structure, never a value. Written `{"json": {…}}`: an enum
/// tagged by its variant is read as it streams (a `"format"` field would make serde buffer it,
/// and weigh on the first load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Json(Structure),
    Csv(CsvStructure),
    Xml(XmlStructure),
    Text(TextShape),
    Binary(binary::Binary),
    /// Bytes that are neither text nor a known binary format.
    Data,
}

impl Shape {
    /// `json`, `csv`, `xml`, `text`, `binary`, `data`.
    pub fn format(&self) -> &'static str {
        match self {
            Shape::Json(_) => "json",
            Shape::Csv(_) => "csv",
            Shape::Xml(_) => "xml",
            Shape::Text(_) => "text",
            Shape::Binary(_) => "binary",
            Shape::Data => "data",
        }
    }
}

/// A text file's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextShape {
    /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`.
    pub encoding: String,
    pub lines: u64,
    /// The longest line, in bytes (decoded as UTF-8).
    pub longest_line: u64,
    /// `fr` or `en` when the words say so clearly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One category of personal data in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub category: Category,
    pub count: u64,
    /// Where: JSON paths, columns or element paths, with their counts, most frequent first.
    pub places: Vec<Place>,
    /// A few distinct examples, masked.
    pub examples: Vec<String>,
}

/// A few values of one CSV column, masked: `M*****, M*****`, `j***@exemple.fr`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnExamples {
    pub name: String,
    pub examples: Vec<String>,
}

/// Columns given examples at most.
const MAX_COLUMNS: usize = 64;
/// Examples kept per column.
const COLUMN_EXAMPLES: usize = 2;

/// Where some personal data sits, and how much of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// `$.messages[].content`, a column's name, `gpx/trk/trkseg/trkpt@lat`, or `text`.
    pub at: String,
    pub count: u64,
}

/// How sensitive a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sensitivity {
    pub level: Level,
    /// Why, one reason a category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Messages>,
}

/// Everything found so far in a file, by category.
#[derive(Debug, Default)]
struct Tally {
    by: BTreeMap<Category, PerCategory>,
    hits: Vec<Hit>,
    /// A CSV file's columns and their masked examples.
    columns: Vec<ColumnExamples>,
}

#[derive(Debug, Default)]
struct PerCategory {
    count: u64,
    places: BTreeMap<String, u64>,
    /// Hits whose place was not kept ([`MAX_PLACES`]).
    elsewhere: u64,
    examples: Vec<String>,
}

impl Tally {
    /// Scans one value found at `place`, under a key saying `hint`.
    fn value(&mut self, place: &str, hint: Hint, value: Value<'_>) {
        match value {
            Value::Text(text) if text.len() > PIECE => {
                let mut rest = text;
                while !rest.is_empty() {
                    let mut cut = rest.len().min(PIECE);
                    while !rest.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    if cut < rest.len() {
                        if let Some(space) = rest.get(..cut).and_then(|r| r.rfind([' ', '\n'])) {
                            cut = space + 1;
                        }
                    }
                    let (piece, next) = rest.split_at(cut.max(1).min(rest.len()));
                    self.one(place, hint, Value::Text(piece));
                    rest = next;
                }
            }
            _ => self.one(place, hint, value),
        }
    }

    fn one(&mut self, place: &str, hint: Hint, value: Value<'_>) {
        self.hits.clear();
        detect::detect(hint, value, &mut self.hits);
        let text = match value {
            Value::Text(t) | Value::Number(t) => t,
        };
        for hit in &self.hits {
            let count = self.by.entry(hit.category).or_default();
            count.count += 1;
            if let Some(n) = count.places.get_mut(place) {
                *n += 1;
            } else if count.places.len() < MAX_PLACES {
                count.places.insert(place.to_owned(), 1);
            } else {
                count.elsewhere += 1;
            }
            // Masked until three distinct ones are found, or for the first hits only: a file of
            // a million dates in one year would otherwise mask every one of them.
            if count.examples.len() < EXAMPLES && count.count <= EXAMPLE_TRIES {
                let shown = mask::mask(
                    hit.category,
                    text.get(hit.start..hit.end).unwrap_or_default(),
                );
                if !count.examples.contains(&shown) {
                    count.examples.push(shown);
                }
            }
        }
    }

    /// A CSV cell: its column gets it as a masked example, while it has few.
    fn cell(&mut self, column: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let index = match self.columns.iter().position(|c| c.name == column) {
            Some(i) => i,
            None if self.columns.len() < MAX_COLUMNS => {
                self.columns.push(ColumnExamples {
                    name: column.to_owned(),
                    examples: Vec::new(),
                });
                self.columns.len() - 1
            }
            None => return,
        };
        let Some(examples) = self.columns.get_mut(index).map(|c| &mut c.examples) else {
            return;
        };
        if examples.len() < COLUMN_EXAMPLES {
            let shown = mask::any(value);
            if !examples.contains(&shown) {
                examples.push(shown);
            }
        }
    }

    fn found(&mut self) -> Vec<Found> {
        let mut found: Vec<Found> = std::mem::take(&mut self.by)
            .into_iter()
            .map(|(category, c)| {
                let mut places: Vec<Place> = c
                    .places
                    .into_iter()
                    .map(|(at, count)| Place { at, count })
                    .collect();
                places.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.at.cmp(&b.at)));
                places.truncate(SHOWN_PLACES);
                Found {
                    category,
                    count: c.count,
                    places,
                    examples: c.examples,
                }
            })
            .collect();
        found.sort_by_key(|f| {
            (
                std::cmp::Reverse(weight(f.category)),
                std::cmp::Reverse(f.count),
            )
        });
        found
    }
}

/// How sensitive a category is, for ordering and the level.
fn weight(category: Category) -> u8 {
    match category {
        Category::Nir | Category::Iban | Category::Card => 5,
        Category::Coordinates => 4,
        Category::Email | Category::Phone => 3,
        Category::IpAddress | Category::DeviceId | Category::MacAddress | Category::Tracker => 2,
        Category::Date | Category::Url => 1,
    }
}

/// The name a key gets in the shape: itself, unless it is a value (an e-mail address, a phone
/// number, a date, a long number used as a key): then its category in angle brackets.
fn key_name(key: &str) -> Option<String> {
    // A long key is no name: and the detectors are not run on megabytes of key.
    if key.len() > 64 {
        return Some("<long key>".to_owned());
    }
    let mut hits = Vec::new();
    detect::detect(Hint::None, Value::Text(key), &mut hits);
    if let Some(hit) = hits.first() {
        return Some(format!("<{}>", hit.category.id()));
    }
    if key.len() >= 4 && key.bytes().all(|b| b.is_ascii_digit()) {
        return Some("<number>".to_owned());
    }
    // Ids used as keys: UUIDs, long hex, long runs of digits (`thread_10153029473729`).
    let hex = key.len() >= 8 && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
    let digits = key
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() >= 6);
    if (hex && key.bytes().any(|b| b.is_ascii_digit())) || digits {
        return Some("<id>".to_owned());
    }
    None
}

/// Each key (or column) met, with its hint and the name the shape gives it (`None`: its own),
/// worked out once: a file repeats the same keys millions of times. Keys that are values (ids,
/// addresses) never repeat: past [`KeyCache::MAX`] keys, new ones are not kept.
#[derive(Default)]
struct KeyCache(std::collections::HashMap<String, (Hint, Option<String>)>);

impl KeyCache {
    const MAX: usize = 4096;

    /// The key's hint and shown name, or `None` for a new key once the cache is full.
    fn get(&mut self, key: &str) -> Option<&(Hint, Option<String>)> {
        if !self.0.contains_key(key) && self.0.len() < Self::MAX {
            self.0
                .insert(key.to_owned(), (keys::hint(key), key_name(key)));
        }
        self.0.get(key)
    }

    /// The key's hint and shown name, worked out again for a new key once the cache is full.
    fn known(&mut self, key: &str) -> (Hint, Option<String>) {
        // One lookup for a key already met: most are.
        if let Some(known) = self.0.get(key) {
            return known.clone();
        }
        self.get(key)
            .cloned()
            .unwrap_or_else(|| (keys::hint(key), key_name(key)))
    }
}

struct JsonLeaves<'a> {
    tally: &'a mut Tally,
    number: String,
    keys: KeyCache,
    /// The last key asked about, and its hint: a value's key was asked about just before it.
    last: (String, Hint),
}

impl JsonLeaves<'_> {
    fn known(&mut self, key: &str) -> (Hint, Option<String>) {
        let known = self.keys.known(key);
        key.clone_into(&mut self.last.0);
        self.last.1 = known.0;
        known
    }

    fn hint(&mut self, key: &str) -> Hint {
        if self.last.0 == key {
            return self.last.1;
        }
        self.known(key).0
    }
}

impl Leaves for JsonLeaves<'_> {
    fn key(&mut self, path: &str, key: &str) -> Option<String> {
        let named = self.known(key).1?;
        // A key that is a value (`{"marie@exemple.fr": {…}}`) is personal data of the file too.
        let place = format!("{path}.{named}");
        self.tally.value(&place, Hint::None, Value::Text(key));
        Some(named)
    }

    fn leaf(&mut self, path: &str, key: &str, leaf: Leaf<'_>) {
        let mut hint = self.hint(key);
        // Meta's `{"Device ID": {"value": "…"}}`: a generic key says what its parent says.
        if hint == Hint::None && keys::generic(key) {
            let parent = path.rsplit('.').nth(1).unwrap_or_default();
            hint = self.hint(parent.trim_end_matches("[]"));
        }
        match leaf {
            Leaf::Str(text) => self.tally.value(path, hint, Value::Text(text)),
            Leaf::U64(_) | Leaf::I64(_) | Leaf::F64(_) => {
                // Numbers mean something only under some keys: write them out only then.
                if matches!(
                    hint,
                    Hint::Time | Hint::Latitude { .. } | Hint::Device | Hint::Mac
                ) {
                    use std::fmt::Write;
                    self.number.clear();
                    let _ = match leaf {
                        Leaf::U64(v) => write!(self.number, "{v}"),
                        Leaf::I64(v) => write!(self.number, "{v}"),
                        Leaf::F64(v) => write!(self.number, "{v}"),
                        Leaf::Str(_) => Ok(()),
                    };
                    let number = std::mem::take(&mut self.number);
                    self.tally.value(path, hint, Value::Number(&number));
                    self.number = number;
                }
            }
        }
    }
}

/// The format a file's name announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claimed {
    Json,
    Csv,
    Xml,
    Text,
}

fn claimed(path: &str) -> Option<Claimed> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    match ext.to_ascii_lowercase().as_str() {
        "json" | "geojson" | "js" => Some(Claimed::Json),
        "csv" | "tsv" => Some(Claimed::Csv),
        "xml" | "gpx" | "kml" | "tcx" => Some(Claimed::Xml),
        // HTML is rarely well-formed XML (`<meta charset="utf-8">`), and JSON Lines is one JSON
        // document a line: both are read as text.
        "txt" | "text" | "log" | "md" | "ics" | "vcf" | "ofx" | "qfx" | "qif" | "html" | "htm"
        | "jsonl" | "ndjson" => Some(Claimed::Text),
        _ => None,
    }
}

/// Whether the first bytes are those of a binary file rather than text.
fn looks_binary(head: &[u8]) -> bool {
    let (encoding, _) = text::sniff(head);
    if matches!(encoding, Encoding::Utf16Le | Encoding::Utf16Be) {
        return false;
    }
    binary::sniff(head).is_some() || head.contains(&0)
}

/// The first byte that is not white space or a byte-order mark.
fn first_byte(head: &[u8]) -> Option<u8> {
    crate::ingest::text::without_bom(head)
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace())
}

/// Scans a file (its first bytes `head`, then `rest`): its shape and the personal data in it,
/// and what went wrong reading it, if anything (a file cut off midway is scanned up to there).
pub fn scan(path: &str, head: &[u8], rest: &mut dyn Read) -> (Option<FileScan>, Option<ErrorKind>) {
    let claim = claimed(path);
    if looks_binary(head) {
        let error = claim.map(|_| ErrorKind::WrongType);
        return (Some(scan_binary(head, rest)), error);
    }
    let first = first_byte(head);
    let mut tally = Tally::default();
    // A text or CSV file may start with `[` (WhatsApp's `[20.06.19, 15:58:47]`): JSON only when
    // the name says so or says nothing.
    let json_like = matches!(claim, None | Some(Claimed::Json))
        && (matches!(first, Some(b'{' | b'['))
            || (claim == Some(Claimed::Json) && matches!(first, Some(b'"' | b'w'))));
    let (shape, error) = if json_like {
        let mut structure = Structure::default();
        let mut leaves = JsonLeaves {
            tally: &mut tally,
            number: String::new(),
            keys: KeyCache::default(),
            last: (String::new(), keys::hint("")),
        };
        // Read in large slices from the inflater and the archive's reader underneath.
        let stream =
            std::io::BufReader::with_capacity(256 << 10, std::io::Cursor::new(head).chain(rest));
        let error = json_structure_with(stream, &mut structure, &mut leaves)
            .err()
            .map(crate::ingest::json::JsonError::kind)
            // A file whose name promises nothing was only tried as JSON.
            .filter(|_| claim.is_some());
        (Shape::Json(structure), error)
    } else if first == Some(b'<') && claim != Some(Claimed::Text) {
        scan_xml(head, rest, &mut tally)
    } else if claim == Some(Claimed::Csv) || (claim.is_none() && csv_like(head)) {
        scan_csv(head, rest, &mut tally)
    } else {
        scan_text(head, rest, &mut tally)
    };
    // Content that is not what the name says is still scanned, and said to be something else.
    let misnamed = match claim {
        Some(Claimed::Json) => !json_like,
        Some(Claimed::Xml) => first != Some(b'<'),
        _ => false,
    };
    let error = if misnamed {
        Some(ErrorKind::WrongType)
    } else {
        error
    };
    let found = tally.found();
    let mut scan = finish(shape, found, None);
    scan.columns = tally.columns;
    (Some(scan), error)
}

/// An XML attribute that belongs to the format, not the data: `xmlns`, `xmlns:gx`,
/// `xsi:schemaLocation`, `noNamespaceSchemaLocation`.
fn format_attribute(name: &str) -> bool {
    let local = name.rsplit(':').next().unwrap_or(name);
    name == "xmlns"
        || name.starts_with("xmlns:")
        || local == "schemaLocation"
        || local == "noNamespaceSchemaLocation"
}

/// Whether the first lines have the consistent shape of CSV.
fn csv_like(head: &[u8]) -> bool {
    let (encoding, _) = text::sniff(head);
    let mut probe = String::new();
    text::decode(head, &b""[..])
        .read_to_string(&mut probe)
        .is_ok()
        && crate::ingest::csv::sniff(&probe, encoding).is_some()
}

fn scan_xml(head: &[u8], rest: &mut dyn Read, tally: &mut Tally) -> (Shape, Option<ErrorKind>) {
    let mut structure = XmlStructure::default();
    let mut place = String::new();
    let stream = std::io::Cursor::new(head).chain(rest);
    let result = xml_structure_with(stream, &mut structure, &mut |path, attribute, value| {
        place.clear();
        place.push_str(path);
        // Namespace declarations and schema locations are the format's, not the person's.
        if attribute.is_some_and(format_attribute) {
            return;
        }
        let hint = match attribute {
            Some(name) => {
                place.push('@');
                place.push_str(name);
                keys::hint(name)
            }
            None => keys::hint(path.rsplit('/').next().unwrap_or(path)),
        };
        tally.value(&place, hint, Value::Text(value));
    });
    let error = result.err().map(|e| match e {
        XmlError::Truncated => ErrorKind::Truncated,
        XmlError::Syntax { line: 1 } if !head.trim_ascii_start().starts_with(b"<") => {
            ErrorKind::WrongType
        }
        XmlError::Syntax { .. } | XmlError::TooDeep => ErrorKind::Malformed,
        XmlError::TooLarge => ErrorKind::TooLarge,
        XmlError::Io => ErrorKind::Unreadable,
    });
    (Shape::Xml(structure), error)
}

/// A CSV file, cell by cell; text if its lines turn out to have no consistent shape.
fn scan_csv(head: &[u8], rest: &mut dyn Read, tally: &mut Tally) -> (Shape, Option<ErrorKind>) {
    // Each column's hint and shown name, worked out once (a column that is a value is renamed).
    let mut columns = KeyCache::default();
    let result = csv_structure_with(head, &mut *rest, &mut |column, value| {
        let (hint, shown) = columns
            .get(column)
            .map_or((Hint::None, "<column>"), |(h, n)| {
                (*h, n.as_deref().unwrap_or(column))
            });
        tally.value(shown, hint, Value::Text(value));
        tally.cell(shown, value);
    });
    match result {
        Ok(mut structure) => {
            // Lines before the header (LinkedIn's notes) are text.
            let mut preamble = String::new();
            if structure.skip_lines > 0
                && text::decode(head, &b""[..])
                    .read_to_string(&mut preamble)
                    .is_ok()
            {
                for line in preamble.lines().take(structure.skip_lines) {
                    tally.value("text", Hint::None, Value::Text(line));
                }
            }
            for column in &mut structure.columns {
                if let Some(name) = key_name(&column.name) {
                    column.name = name;
                }
            }

            (Shape::Csv(structure), None)
        }
        // The shape is sniffed from the head alone: nothing of `rest` was read yet.
        Err(CsvError::NotCsv) => scan_text(head, rest, tally),
        Err(CsvError::LineTooLong) => (Shape::Data, Some(ErrorKind::TooLarge)),
        Err(CsvError::Io) => (Shape::Data, Some(ErrorKind::Unreadable)),
    }
}

/// Words frequent in French and in English text, for a language hint.
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "est", "et", "une", "pour", "vous", "je", "pas", "dans",
];
const ENGLISH: &[&str] = &[
    "the", "and", "is", "of", "to", "you", "for", "in", "not", "this", "with", "are",
];

/// A text file, line by line.
fn scan_text(head: &[u8], rest: &mut dyn Read, tally: &mut Tally) -> (Shape, Option<ErrorKind>) {
    let (encoding, _) = text::sniff(head);
    let mut reader = std::io::BufReader::with_capacity(64 << 10, text::decode(head, rest));
    let mut line = Vec::new();
    let (mut lines, mut longest) = (0u64, 0u64);
    let (mut fr, mut en) = (0u32, 0u32);
    let mut error = None;
    loop {
        line.clear();
        match read_line_capped(&mut reader, &mut line) {
            Ok(0) => break,
            Ok(n) => {
                lines += 1;
                longest = longest.max(n as u64);
                if n > crate::ingest::csv::MAX_LINE {
                    error = Some(ErrorKind::TooLarge);
                    break;
                }
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches(['\n', '\r']);
                if lines <= 2000 {
                    for word in text.split(|c: char| !c.is_alphabetic()) {
                        let word = word.to_lowercase();
                        fr += u32::from(FRENCH.contains(&word.as_str()));
                        en += u32::from(ENGLISH.contains(&word.as_str()));
                    }
                }
                tally.value("text", Hint::None, Value::Text(text));
            }
            Err(_) => {
                error = Some(ErrorKind::Unreadable);
                break;
            }
        }
    }
    let language = if fr >= 5 && fr >= en * 2 {
        Some("fr".to_owned())
    } else if en >= 5 && en >= fr * 2 {
        Some("en".to_owned())
    } else {
        None
    };
    let encoding = match encoding {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Windows1252 => "windows-1252",
    };
    (
        Shape::Text(TextShape {
            encoding: encoding.to_owned(),
            lines,
            longest_line: longest,
            language,
        }),
        error,
    )
}

/// Reads one line into `out`, keeping at most [`crate::ingest::csv::MAX_LINE`] + 1 bytes of it
/// (the rest of a longer line is read and dropped). Returns the line's full length.
fn read_line_capped(
    reader: &mut impl std::io::BufRead,
    out: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let cap = crate::ingest::csv::MAX_LINE + 1;
    let mut total = 0;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(total);
        }
        let (taken, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = cap.saturating_sub(out.len());
        out.extend_from_slice(available.get(..taken.min(room)).unwrap_or_default());
        total += taken;
        reader.consume(taken);
        if done {
            return Ok(total);
        }
    }
}

/// A binary file: its kind, and a photo's EXIF.
fn scan_binary(head: &[u8], rest: &mut dyn Read) -> FileScan {
    let Some(kind) = binary::sniff(head) else {
        return finish(Shape::Data, Vec::new(), None);
    };
    let photo = if kind.format == "jpeg" {
        binary::jpeg_exif(&mut std::io::Cursor::new(head).chain(rest))
    } else {
        None
    };
    let mut tally = Tally::default();
    if let Some(exif) = &photo {
        if let Some(taken) = &exif.taken {
            tally.value("exif", Hint::None, Value::Text(taken));
        }
        if let Some(gps) = &exif.gps {
            let at = format!("{:.6}, {:.6}", gps.lat, gps.lng);
            tally.value("exif", Hint::None, Value::Text(&at));
        }
    }
    finish(Shape::Binary(kind), tally.found(), photo)
}

/// The scan, with its sensitivity and sentence worked out from what was found.
fn finish(shape: Shape, found: Vec<Found>, photo: Option<binary::Exif>) -> FileScan {
    let sensitivity = sensitivity(&found, photo.as_ref());
    let text = Messages::from_fn(|lang| reveal_sentence(lang, &shape, &found, photo.as_ref()));
    FileScan {
        shape,
        found,
        photo,
        columns: Vec::new(),
        sensitivity,
        text,
        brief: false,
    }
}

/// High for identity and bank numbers and for positions (a trail of them, or a photo's); medium
/// for ways to reach or recognise the person (addresses, numbers, identifiers, trackers); low
/// otherwise.
fn sensitivity(found: &[Found], photo: Option<&binary::Exif>) -> Sensitivity {
    let mut level = Level::Low;
    let mut reasons = Vec::new();
    for f in found {
        let this = match f.category {
            Category::Nir | Category::Iban | Category::Card => Level::High,
            Category::Coordinates if f.count >= 2 || photo.is_some() => Level::High,
            Category::Coordinates
            | Category::Email
            | Category::Phone
            | Category::IpAddress
            | Category::DeviceId
            | Category::MacAddress
            | Category::Tracker => Level::Medium,
            Category::Date | Category::Url => continue,
        };
        level = level.max(this);
        reasons.push(Messages::from_fn(|lang| {
            sensitivity_reason(lang, f.category, f.count)
        }));
    }
    Sensitivity { level, reasons }
}

/// The value-free structure report of a file: its shape, for Reflet's maintainers when a format
/// is not supported. Never a value: no example, no EXIF, keys that are values renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShapeReport {
    pub generator: String,
    /// The file's name and the folders it is in (folders named after people or ids masked).
    pub path: String,
    pub size: u64,
    pub shape: Shape,
    /// The categories of personal data found, and how many: no value, no example.
    pub categories: BTreeMap<Category, u64>,
}

impl ShapeReport {
    pub fn new(path: &str, size: u64, scan: &FileScan) -> Self {
        ShapeReport {
            generator: crate::report::generator(),
            path: shape_path(path),
            size,
            shape: scan.shape.clone(),
            categories: scan.found.iter().map(|f| (f.category, f.count)).collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// A path with the components that may name someone masked: Meta's `jeandupont_1234567890`
/// conversation folders, anything with an `@`, and long runs of digits (ids, dates).
fn shape_path(path: &str) -> String {
    path.split('/')
        .map(|part| {
            let id_suffix = part
                .rsplit_once('_')
                .is_some_and(|(_, id)| id.len() >= 6 && id.bytes().all(|b| b.is_ascii_digit()));
            if id_suffix {
                return "<folder>".to_owned();
            }
            if part.contains('@') {
                return "<email>".to_owned();
            }
            let mut out = String::new();
            let mut digits = String::new();
            for c in part.chars().chain(std::iter::once('\0')) {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                if digits.len() >= 6 {
                    out.extend(digits.chars().map(|_| '#'));
                } else {
                    out.push_str(&digits);
                }
                digits.clear();
                if c != '\0' {
                    out.push(c);
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests;
