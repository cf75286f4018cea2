//! Streaming XML: GPX, TCX, KML and Apple Health's `export.xml` (several GB), read event by event.
//!
//! [`xml_structure`] reports a file's value-free structure (element paths, counts, attribute names,
//! whether there was text), never a value. [`for_each_element`] hands every element found at a
//! given path (a GPX `trkpt`, an Apple Health `Record`) to a callback, with its attributes and the
//! text of the elements inside it; memory holds one such element at a time, whatever the file's
//! size.
//!
//! Paths are local names joined by `/` from the root (`gpx/trk/trkseg/trkpt`): namespace prefixes
//! are dropped, so `<gpx:trkpt>` is `trkpt` and `<gx:Track>` is `Track`. Text is first decoded by
//! [`super::text`] (UTF-8 with or without a byte-order mark, UTF-16 with a mark, else
//! Windows-1252), whatever the XML declaration says.
//!
//! The walk never recurses and every buffer is bounded: nesting deeper than [`MAX_DEPTH`], a tag,
//! text, comment or DOCTYPE longer than [`MAX_EVENT`], and an element larger than [`MAX_ELEMENT`]
//! are errors, not a stack overflow or an exhausted memory. A DOCTYPE is skipped, never read: the
//! entities it declares are never expanded (no "billion laughs"), and references to them are kept
//! as written (`&lol;`). The five predefined entities and character references are resolved; a
//! lone `&` is read as itself.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, Read};

use quick_xml::errors::{Error, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::{Deserialize, Serialize};

use super::structure::MAX_PATHS;
use super::text::decode;
use super::{read_prefix, HEAD_LEN};

/// Deepest nesting of elements accepted, the root element counting as 1.
pub const MAX_DEPTH: usize = 1000;

/// Longest tag, run of text, comment or DOCTYPE accepted, in bytes of UTF-8.
pub const MAX_EVENT: usize = 16 << 20;

/// Longest element path accepted (its local names joined by `/`), in bytes.
pub const MAX_PATH: usize = 64 << 10;

/// Largest element [`for_each_element`] hands out: its attributes, text and inner elements.
pub const MAX_ELEMENT: usize = 64 << 20;

/// What one stored name or value costs beyond its bytes, in the budgets above.
const ENTRY_COST: usize = 64;

/// Why an XML stream could not be read to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlError {
    /// The text ends in the middle (a cut-off file), or before any element (an empty file).
    Truncated,
    /// Not well-formed XML at this line: garbage (an image renamed `.xml`), mismatched or unknown
    /// markup, text outside the root element, a second root element.
    Syntax { line: usize },
    /// Elements nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A tag, text, comment or DOCTYPE longer than [`MAX_EVENT`], an element path longer than
    /// [`MAX_PATH`], or an element for [`for_each_element`] larger than [`MAX_ELEMENT`].
    TooLarge,
    /// The bytes could not be read.
    Io,
}

/// A syntax error whose line the walk fills in.
const SYNTAX: XmlError = XmlError::Syntax { line: 0 };

/// The decoded text as quick-xml reads it: counts the lines consumed, and fails a read once the
/// current event has grown past [`MAX_EVENT`], so that quick-xml's buffer stays bounded.
struct Guard<R> {
    inner: io::BufReader<R>,
    /// The line being read, from 1.
    line: usize,
    /// Bytes consumed since the current event began.
    event_len: usize,
    too_large: bool,
    /// Every byte has been consumed.
    ended: bool,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.event_len > MAX_EVENT {
            self.too_large = true;
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "XML event too large",
            ));
        }
        let available = self.inner.fill_buf()?;
        if available.is_empty() {
            self.ended = true;
        }
        Ok(available)
    }

    #[allow(clippy::naive_bytecount)] // vectorised by the compiler; not worth a crate
    fn consume(&mut self, n: usize) {
        let taken = self.inner.buffer().get(..n).unwrap_or_default();
        self.line += taken.iter().filter(|&&b| b == b'\n').count();
        self.event_len += n;
        self.inner.consume(n);
    }
}

/// The path of the open elements: local names joined by `/`.
#[derive(Default)]
struct Path {
    joined: String,
    /// Where each open element's name ends in `joined`, and the length of its qualified name.
    ends: Vec<(usize, usize)>,
    /// The lengths of the open elements' qualified names (`gx:Track`), added up: quick-xml keeps
    /// them to match end tags.
    qualified: usize,
}

impl Path {
    fn depth(&self) -> usize {
        self.ends.len()
    }

    fn as_str(&self) -> &str {
        &self.joined
    }

    /// The local name of the innermost open element.
    fn name(&self) -> &str {
        self.below(self.depth().saturating_sub(1))
    }

    /// The path below the first `depth` elements (`ele`, `extensions/speed`).
    fn below(&self, depth: usize) -> &str {
        let start = match depth.checked_sub(1) {
            None => 0,
            Some(i) => self.ends.get(i).map_or(usize::MAX, |&(end, _)| end + 1),
        };
        self.joined.get(start..).unwrap_or_default()
    }

    fn push(&mut self, start: &BytesStart<'_>) -> Result<(), XmlError> {
        let name = start.local_name().into_inner();
        let qualified = start.name().into_inner().len();
        if self.depth() >= MAX_DEPTH {
            return Err(XmlError::TooDeep);
        }
        if self.joined.len() + 1 + name.len() > MAX_PATH || self.qualified + qualified > MAX_PATH {
            return Err(XmlError::TooLarge);
        }
        if !self.ends.is_empty() {
            self.joined.push('/');
        }
        self.joined.push_str(name);
        self.qualified += qualified;
        self.ends.push((self.joined.len(), qualified));
        Ok(())
    }

    fn pop(&mut self) {
        if let Some((_, qualified)) = self.ends.pop() {
            self.qualified -= qualified;
        }
        let keep = self.ends.last().map_or(0, |&(end, _)| end);
        self.joined.truncate(keep);
    }
}

/// What the walk hands its visitor, in document order.
enum Step<'a> {
    /// An element opens; the path already ends with it.
    Open(&'a BytesStart<'a>),
    /// Character data of the innermost open element, unescaped; a run of text may come in pieces.
    Text(&'a str),
    /// The innermost open element closes; the path still ends with it.
    Close,
}

/// XML white space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_blank(text: &str) -> bool {
    text.chars().all(is_space)
}

/// The character a reference stands for: a predefined entity or a character reference. Any other
/// entity is never expanded.
fn reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

/// Appends an attribute's value as XML reads it: references resolved (unknown entities kept as
/// written), tabs and line breaks turned into spaces.
fn unescape_attribute(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '\t', '\n', '\r']) {
        let Some((before, after)) = rest.split_at_checked(i) else {
            break;
        };
        out.push_str(before);
        if let Some(after_amp) = after.strip_prefix('&') {
            let resolved = after_amp
                .bytes()
                .take(32)
                .position(|b| b == b';')
                .and_then(|end| after_amp.split_at_checked(end))
                .and_then(|(name, tail)| Some((reference(name)?, tail.get(1..)?)));
            if let Some((c, tail)) = resolved {
                out.push(c);
                rest = tail;
            } else {
                out.push('&');
                rest = after_amp;
            }
        } else {
            out.push(' ');
            rest = after
                .strip_prefix("\r\n")
                .unwrap_or_else(|| after.get(1..).unwrap_or_default());
        }
    }
    out.push_str(rest);
}

/// Calls `each` with the local name and raw value of every attribute of a tag; namespace
/// declarations (`xmlns`, `xmlns:gx`) are left out.
fn for_each_attribute(
    start: &BytesStart<'_>,
    each: &mut dyn FnMut(&str, &str) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|_| SYNTAX)?;
        if attribute.key.as_namespace_binding().is_none() {
            each(attribute.key.local_name().into_inner(), &attribute.value)?;
        }
    }
    Ok(())
}

/// [`for_each_attribute`], namespace declarations included (as `xmlns` or `xmlns:gx`).
fn for_each_raw_attribute(
    start: &BytesStart<'_>,
    each: &mut dyn FnMut(&str, &str) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|_| SYNTAX)?;
        if attribute.key.as_namespace_binding().is_some() {
            each(attribute.key.into_inner(), &attribute.value)?;
        } else {
            each(attribute.key.local_name().into_inner(), &attribute.value)?;
        }
    }
    Ok(())
}

fn classify<R>(error: &Error, guard: &Guard<R>, line: usize) -> XmlError {
    match error {
        Error::Io(_) if guard.too_large => XmlError::TooLarge,
        Error::Io(_) => XmlError::Io,
        // `<!` or `&name` at the very end.
        Error::Syntax(SyntaxError::InvalidBangMarkup)
        | Error::IllFormed(IllFormedError::UnclosedReference)
            if guard.ended =>
        {
            XmlError::Truncated
        }
        Error::Syntax(SyntaxError::InvalidBangMarkup) => XmlError::Syntax { line },
        // Every other syntax error is markup that the end of the input cut.
        Error::Syntax(_) => XmlError::Truncated,
        _ => XmlError::Syntax { line },
    }
}

/// Walks a document and hands each [`Step`] to `visit`, with the path of the open elements. Checks
/// what quick-xml leaves to its caller: one root element, no text outside it, nothing missing at
/// the end. `visit` reports syntax errors as [`SYNTAX`]; the walk gives them their line.
fn walk(
    mut reader: impl Read,
    visit: &mut dyn FnMut(&Path, Step<'_>) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    let head = read_prefix(&mut reader, HEAD_LEN).map_err(|_| XmlError::Io)?;
    let mut xml = Reader::from_reader(Guard {
        inner: io::BufReader::with_capacity(64 << 10, decode(&head, reader)),
        line: 1,
        event_len: 0,
        too_large: false,
        ended: false,
    });
    xml.config_mut().allow_dangling_amp = true;
    let mut buf = Vec::new();
    let mut path = Path::default();
    let mut seen_root = false;
    loop {
        let line = xml.get_ref().line;
        xml.get_mut().event_len = 0;
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| classify(&e, xml.get_ref(), line))?;
        // The guard stops an event that keeps growing; this catches one that ended just past it.
        if xml.get_ref().event_len > MAX_EVENT {
            return Err(XmlError::TooLarge);
        }
        let at_line = |e: XmlError| match e {
            XmlError::Syntax { .. } => XmlError::Syntax { line },
            other => other,
        };
        let mut utf8 = [0u8; 4];
        let text: Option<Cow<'_, str>> = match &event {
            Event::Start(start) | Event::Empty(start) => {
                if seen_root && path.depth() == 0 {
                    return Err(XmlError::Syntax { line });
                }
                seen_root = true;
                path.push(start)?;
                visit(&path, Step::Open(start)).map_err(at_line)?;
                if matches!(event, Event::Empty(_)) {
                    visit(&path, Step::Close).map_err(at_line)?;
                    path.pop();
                }
                None
            }
            Event::End(_) => {
                visit(&path, Step::Close).map_err(at_line)?;
                path.pop();
                None
            }
            Event::Text(text) => Some(text.xml10_content()),
            Event::CData(data) => Some(data.xml10_content()),
            Event::GeneralRef(name) => Some(match reference(name) {
                Some(c) => Cow::Borrowed(&*c.encode_utf8(&mut utf8)),
                None => Cow::Owned(format!("&{};", &**name)),
            }),
            Event::Eof if seen_root && path.depth() == 0 => return Ok(()),
            Event::Eof => return Err(XmlError::Truncated),
            // Never read, let alone expanded.
            Event::DocType(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => None,
        };
        if let Some(text) = text {
            if path.depth() > 0 {
                visit(&path, Step::Text(&text)).map_err(at_line)?;
            } else if let Some(at) = text.find(|c| !is_space(c)) {
                let before = text.get(..at).unwrap_or_default();
                let line = line + before.matches('\n').count();
                return Err(XmlError::Syntax { line });
            }
        }
        buf.clear();
        if buf.capacity() > 1 << 20 {
            buf.shrink_to(64 << 10);
        }
    }
}

/// What is known of the elements at one path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct XmlPathStats {
    /// How many elements were seen at this path.
    pub count: u64,
    /// The local names of their attributes, never a value; namespace declarations left out.
    pub attributes: BTreeSet<String>,
    /// Whether any held text other than white space (its own, not that of the elements inside).
    pub text: bool,
}

/// The structure of one XML file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct XmlStructure {
    /// Element paths, local names joined by `/` from the root: `gpx/trk/trkseg/trkpt`.
    pub paths: BTreeMap<String, XmlPathStats>,
    /// The deepest nesting, the root element counting as 1.
    pub max_depth: usize,
    /// More than [`MAX_PATHS`] distinct paths, or more than [`MAX_EVENT`] bytes of paths and
    /// attribute names: later new ones were not recorded.
    pub cut_short: bool,
}

/// Streams an XML document and reports its structure.
pub fn xml_structure(reader: impl Read) -> Result<XmlStructure, XmlError> {
    let mut out = XmlStructure::default();
    xml_structure_with(reader, &mut out, &mut |_, _, _| {})?;
    Ok(out)
}

/// [`xml_structure`] into `out`, handing every attribute value (with its element's path and
/// its name) and every piece of text (with its element's path, no name) to `value`. What came
/// before an error stays in `out`.
pub fn xml_structure_with(
    reader: impl Read,
    out: &mut XmlStructure,
    value: &mut dyn FnMut(&str, Option<&str>, &str),
) -> Result<(), XmlError> {
    // Bytes left for new paths and attribute names.
    let mut budget = MAX_EVENT;
    walk(reader, &mut |path, step| {
        match step {
            Step::Open(start) => {
                out.max_depth = out.max_depth.max(path.depth());
                let key = path.as_str();
                if !out.paths.contains_key(key) {
                    let cost = key.len() + ENTRY_COST;
                    if out.paths.len() >= MAX_PATHS || cost > budget {
                        out.cut_short = true;
                    } else {
                        budget -= cost;
                        out.paths.insert(key.to_owned(), XmlPathStats::default());
                    }
                }
                let mut stats = out.paths.get_mut(key);
                if let Some(stats) = stats.as_deref_mut() {
                    stats.count += 1;
                }
                let cut_short = &mut out.cut_short;
                for_each_raw_attribute(start, &mut |name, raw| {
                    value(key, Some(name), raw);
                    if name.starts_with("xmlns") {
                        return Ok(());
                    }
                    let Some(stats) = stats.as_deref_mut() else {
                        return Ok(());
                    };
                    if !stats.attributes.contains(name) {
                        let cost = name.len() + ENTRY_COST;
                        if cost > budget {
                            *cut_short = true;
                        } else {
                            budget -= cost;
                            stats.attributes.insert(name.to_owned());
                        }
                    }
                    Ok(())
                })?;
            }
            Step::Text(text) => {
                if !is_blank(text) {
                    value(path.as_str(), None, text);
                    if let Some(stats) = out.paths.get_mut(path.as_str()) {
                        stats.text = true;
                    }
                }
            }
            Step::Close => {}
        }
        Ok(())
    })
}

/// An element inside the one [`for_each_element`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Child {
    /// Its path below the element found: `ele`, `time`, or `extensions/speed` further down.
    pub path: String,
    /// Its attributes in document order: local name and unescaped value.
    pub attributes: Vec<(String, String)>,
    /// Its own text, unescaped and trimmed (not that of the elements inside it).
    pub text: String,
}

impl Child {
    /// The value of the first attribute with this local name.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }
}

/// An element found by [`for_each_element`], with everything inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// Its attributes in document order: local name (prefix dropped) and unescaped value;
    /// namespace declarations (`xmlns`, `xmlns:gx`) are left out.
    pub attributes: Vec<(String, String)>,
    /// Its own text, unescaped and trimmed: empty for `<Record …/>`.
    pub text: String,
    /// Every element inside it, at any depth, in document order.
    pub children: Vec<Child>,
}

impl Element {
    /// The value of the first attribute with this local name (`lat`).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        attribute(&self.attributes, name)
    }

    /// The first element inside at this path (`ele`, `extensions/speed`).
    pub fn child(&self, path: &str) -> Option<&Child> {
        self.children.iter().find(|c| c.path == path)
    }

    /// The text of the first element inside at this path.
    pub fn text_of(&self, path: &str) -> Option<&str> {
        self.child(path).map(|c| c.text.as_str())
    }

    /// Empties it for the next element, giving back the memory a big one took.
    fn clear(&mut self) {
        self.attributes.clear();
        self.text.clear();
        self.children.clear();
        self.attributes.shrink_to(64);
        self.text.shrink_to(64 << 10);
        self.children.shrink_to(1024);
    }
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Appends a piece of text, leaving out white space at the start; the end is trimmed on closing.
fn push_text(text: &mut String, piece: &str) {
    if text.is_empty() {
        text.push_str(piece.trim_start_matches(is_space));
    } else {
        text.push_str(piece);
    }
}

fn trim_end(text: &mut String) {
    let len = text.trim_end_matches(is_space).len();
    text.truncate(len);
}

/// Copies a tag's attributes, unescaped, adding what they cost to `size`.
fn copy_attributes(
    start: &BytesStart<'_>,
    out: &mut Vec<(String, String)>,
    size: &mut usize,
) -> Result<(), XmlError> {
    for_each_attribute(start, &mut |name, raw| {
        let mut value = String::with_capacity(raw.len());
        unescape_attribute(raw, &mut value);
        *size += name.len() + value.len() + ENTRY_COST;
        if *size > MAX_ELEMENT {
            return Err(XmlError::TooLarge);
        }
        out.push((name.to_owned(), value));
        Ok(())
    })
}

/// Calls `each` for every element at `path` (local names from the root: `["gpx", "trk", "trkseg",
/// "trkpt"]`; `&[]` finds nothing), then drops it. Returns how many elements were found.
pub fn for_each_element(
    reader: impl Read,
    path: &[&str],
    each: &mut dyn FnMut(&Element),
) -> Result<u64, XmlError> {
    let target = path.len();
    // How many of the open elements, from the root, match `path`.
    let mut matching = 0;
    let mut element = Element::default();
    // The inner elements still open, as indices in `element.children`.
    let mut open = Vec::new();
    let mut size = 0;
    let mut count = 0;
    walk(reader, &mut |at, step| {
        let depth = at.depth();
        let inside = target > 0 && matching == target;
        match step {
            Step::Open(start) => {
                if matching + 1 == depth && path.get(matching) == Some(&at.name()) {
                    matching = depth;
                }
                if target > 0 && matching == target {
                    if depth == target {
                        element.clear();
                        open.clear();
                        size = 0;
                        copy_attributes(start, &mut element.attributes, &mut size)?;
                    } else {
                        let mut child = Child {
                            path: at.below(target).to_owned(),
                            ..Child::default()
                        };
                        size += child.path.len() + ENTRY_COST;
                        copy_attributes(start, &mut child.attributes, &mut size)?;
                        open.push(element.children.len());
                        element.children.push(child);
                    }
                }
            }
            Step::Text(piece) if inside => {
                let text = match open.last() {
                    None => &mut element.text,
                    Some(&i) => match element.children.get_mut(i) {
                        Some(child) => &mut child.text,
                        None => return Ok(()),
                    },
                };
                push_text(text, piece);
                size += piece.len();
            }
            Step::Text(_) => {}
            Step::Close => {
                if inside {
                    if depth == target {
                        trim_end(&mut element.text);
                        count += 1;
                        each(&element);
                        element.clear();
                        size = 0;
                    } else if let Some(child) = open.pop().and_then(|i| element.children.get_mut(i))
                    {
                        trim_end(&mut child.text);
                    }
                }
                if matching == depth {
                    matching -= 1;
                }
            }
        }
        if size > MAX_ELEMENT {
            return Err(XmlError::TooLarge);
        }
        Ok(())
    })?;
    Ok(count)
}

/// A tag [`for_each_tag`] hands over: its attributes are read only if asked for.
pub struct Tag<'a>(&'a BytesStart<'a>);

impl Tag<'_> {
    /// Calls `each` with the local name and the raw value (references not resolved: see
    /// [`unescape`]) of every attribute, namespace declarations left out.
    pub fn attributes(&self, each: &mut dyn FnMut(&str, &str)) -> Result<(), XmlError> {
        for_each_attribute(self.0, &mut |name, raw| {
            each(name, raw);
            Ok(())
        })
    }
}

/// An attribute's raw value as XML reads it: references resolved (unknown entities kept as
/// written), tabs and line breaks turned into spaces; borrowed when there is none.
pub fn unescape(raw: &str) -> Cow<'_, str> {
    if raw.contains(['&', '\t', '\n', '\r']) {
        let mut out = String::with_capacity(raw.len());
        unescape_attribute(raw, &mut out);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(raw)
    }
}

/// The fastest walk, for files of millions of flat records (Apple Health's `Record`s): calls
/// `each` with the depth (the root is 1), the local name and `Some(tag)` when an element at most
/// `max_depth` deep opens, and `None` when it closes. Nothing is copied: text is skipped, and
/// attributes are read only if `each` asks.
pub fn for_each_tag(
    reader: impl Read,
    max_depth: usize,
    each: &mut dyn FnMut(usize, &str, Option<&Tag<'_>>),
) -> Result<(), XmlError> {
    walk(reader, &mut |at, step| {
        let depth = at.depth();
        if depth <= max_depth {
            match step {
                Step::Open(start) => each(depth, at.name(), Some(&Tag(start))),
                Step::Close => each(depth, at.name(), None),
                Step::Text(_) => {}
            }
        }
        Ok(())
    })
}

/// Like [`for_each_element`], for every element whose path `wanted` accepts (`gpx/wpt`,
/// `kml/Document/Folder/Placemark`: local names joined by `/` from the root), whatever its depth.
/// An accepted element inside one already found is handed over as part of it, never on its own.
/// `each` gets the path of the element found. Returns how many elements were found.
pub fn for_each_element_where(
    reader: impl Read,
    wanted: &dyn Fn(&str) -> bool,
    each: &mut dyn FnMut(&str, &Element),
) -> Result<u64, XmlError> {
    for_each_found(reader, &|_| false, wanted, &mut |found| {
        if let Found::Element(path, element) = found {
            each(path, element);
        }
    })
}

/// What [`for_each_found`] hands its callback, in document order.
#[derive(Debug)]
pub enum Found<'a> {
    /// An element `around` accepts opens, with its path and attributes (a TCX `Activity` and its
    /// `Sport`); the elements inside it are still walked, and may be found.
    Open(&'a str, &'a [(String, String)]),
    /// That element closes.
    Close(&'a str),
    /// An element `wanted` accepts, whole, with its path.
    Element(&'a str, &'a Element),
}

/// Like [`for_each_element_where`], and also says when an element `around` accepts opens (with
/// its attributes) and closes, without gathering what it holds: for a file whose records (TCX
/// trackpoints) sit inside an element whose attributes matter (the `Activity`'s sport). Returns
/// how many elements were found.
pub fn for_each_found(
    reader: impl Read,
    around: &dyn Fn(&str) -> bool,
    wanted: &dyn Fn(&str) -> bool,
    each: &mut dyn FnMut(Found<'_>),
) -> Result<u64, XmlError> {
    // The depth of the element being gathered; 0 while there is none.
    let mut target = 0;
    let mut found = String::new();
    let mut element = Element::default();
    // The inner elements still open, as indices in `element.children`.
    let mut open = Vec::new();
    let mut size = 0;
    let mut count = 0;
    // The attributes of an `around` element opening, reused.
    let mut opening = Vec::new();
    walk(reader, &mut |at, step| {
        let depth = at.depth();
        match step {
            Step::Open(start) if target == 0 => {
                if wanted(at.as_str()) {
                    target = depth;
                    element.clear();
                    open.clear();
                    size = 0;
                    found.clear();
                    found.push_str(at.as_str());
                    copy_attributes(start, &mut element.attributes, &mut size)?;
                } else if around(at.as_str()) {
                    opening.clear();
                    let mut cost = 0;
                    copy_attributes(start, &mut opening, &mut cost)?;
                    each(Found::Open(at.as_str(), &opening));
                }
            }
            Step::Open(start) => {
                let mut child = Child {
                    path: at.below(target).to_owned(),
                    ..Child::default()
                };
                size += child.path.len() + ENTRY_COST;
                copy_attributes(start, &mut child.attributes, &mut size)?;
                open.push(element.children.len());
                element.children.push(child);
            }
            Step::Text(piece) if target > 0 => {
                let text = match open.last() {
                    None => &mut element.text,
                    Some(&i) => match element.children.get_mut(i) {
                        Some(child) => &mut child.text,
                        None => return Ok(()),
                    },
                };
                push_text(text, piece);
                size += piece.len();
            }
            Step::Close if target > 0 && depth == target => {
                trim_end(&mut element.text);
                count += 1;
                each(Found::Element(&found, &element));
                element.clear();
                size = 0;
                target = 0;
            }
            Step::Close if target > 0 => {
                if let Some(child) = open.pop().and_then(|i| element.children.get_mut(i)) {
                    trim_end(&mut child.text);
                }
            }
            Step::Close if around(at.as_str()) => each(Found::Close(at.as_str())),
            Step::Text(_) | Step::Close => {}
        }
        if size > MAX_ELEMENT {
            return Err(XmlError::TooLarge);
        }
        Ok(())
    })?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;

    fn points(xml: &[u8], path: &[&str]) -> Result<Vec<Element>, XmlError> {
        let mut out = Vec::new();
        for_each_element(xml, path, &mut |e| out.push(e.clone()))?;
        Ok(out)
    }

    #[test]
    fn elements_stream_with_attributes_and_inner_text() {
        let doc = br#"<?xml version="1.0"?>
<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="urn:x">
  <trk><name>Run &amp; walk</name><trkseg>
    <trkpt lat="48.85" lon="2.35">
      <ele> 35.2 </ele><time>2024-03-01T10:00:00Z</time>
      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>142</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
    </trkpt>
    <trkpt lat="48.86" lon="2.36"/>
  </trkseg></trk>
  <wpt lat="1" lon="2"><trkpt lat="0" lon="0"/></wpt>
</gpx>"#;
        let found = points(doc, &["gpx", "trk", "trkseg", "trkpt"]).unwrap();
        assert_eq!(found.len(), 2);
        let first = &found[0];
        assert_eq!(first.attribute("lat"), Some("48.85"));
        assert_eq!(first.text_of("ele"), Some("35.2"));
        assert_eq!(first.text_of("time"), Some("2024-03-01T10:00:00Z"));
        assert_eq!(
            first.text_of("extensions/TrackPointExtension/hr"),
            Some("142")
        );
        assert_eq!(first.text, "");
        let paths: Vec<&str> = first.children.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "ele",
                "time",
                "extensions",
                "extensions/TrackPointExtension",
                "extensions/TrackPointExtension/hr"
            ]
        );
        // A self-closing element has its attributes only.
        assert_eq!(
            found[1].attributes,
            [
                ("lat".into(), "48.86".into()),
                ("lon".into(), "2.36".into())
            ]
        );
        assert!(found[1].children.is_empty());
        // Text is unescaped; the root's namespace declarations are not attributes.
        let names = points(doc, &["gpx", "trk", "name"]).unwrap();
        assert_eq!(names[0].text, "Run & walk");
        assert!(points(doc, &["gpx"]).unwrap()[0].attributes.is_empty());
        assert_eq!(points(doc, &[]).unwrap(), []);
        assert_eq!(points(doc, &["trkpt"]).unwrap(), []);
    }

    #[test]
    fn prefixes_are_dropped_and_attributes_unescaped() {
        let doc = br#"<g:gpx xmlns:g="urn:gpx"><g:trk><g:trkseg><g:trkpt g:lat="1.5" lon="2"><g:ele>3</g:ele></g:trkpt></g:trkseg></g:trk></g:gpx>"#;
        let found = points(doc, &["gpx", "trk", "trkseg", "trkpt"]).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].attribute("lat"), Some("1.5"));
        assert_eq!(found[0].text_of("ele"), Some("3"));
        // Apple Health's device string: escapes resolved, line breaks read as spaces.
        let record = br#"<HealthData><Record device="&lt;&lt;HKDevice: 0x1&gt;, name:Watch&#x2C; A&amp;B &#233;&gt;" note="a&#10;b&#9;c
d	e" odd="&unknown; &amp &#0;"/></HealthData>"#;
        let found = points(record, &["HealthData", "Record"]).unwrap();
        assert_eq!(
            found[0].attribute("device"),
            Some("<<HKDevice: 0x1>, name:Watch, A&B é>")
        );
        assert_eq!(found[0].attribute("note"), Some("a\nb\tc d e"));
        assert_eq!(found[0].attribute("odd"), Some("&unknown; &amp &#0;"));
        // CDATA and character references in text; a lone `&` is itself.
        let doc = b"<a><b><![CDATA[x < y]]> &#65;&#x42; & c</b></a>";
        assert_eq!(points(doc, &["a", "b"]).unwrap()[0].text, "x < y AB & c");
    }

    #[test]
    fn structure_has_paths_names_and_counts_but_no_values() {
        let doc = br#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [ <!ELEMENT HealthData (Record)*> <!ATTLIST Record type CDATA #REQUIRED> ]>
<HealthData locale="en_US">
  <Record type="HKQuantityTypeIdentifierHeartRate" value="72"/>
  <Record type="HKQuantityTypeIdentifierStepCount" value="1234" unit="count">
    <MetadataEntry key="HKTimeZone" value="Europe/Paris"/>
  </Record>
  <Note>secret words</Note>
</HealthData>"#;
        let s = xml_structure(&doc[..]).unwrap();
        let keys: Vec<&str> = s.paths.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "HealthData",
                "HealthData/Note",
                "HealthData/Record",
                "HealthData/Record/MetadataEntry"
            ]
        );
        let record = &s.paths["HealthData/Record"];
        assert_eq!(record.count, 2);
        assert_eq!(
            record.attributes.iter().collect::<Vec<_>>(),
            ["type", "unit", "value"]
        );
        assert!(!record.text && s.paths["HealthData/Note"].text);
        assert!(!s.paths["HealthData"].text);
        assert_eq!(s.max_depth, 3);
        assert!(!s.cut_short);
        let json = serde_json::to_string(&s).unwrap();
        for value in [
            "HeartRate",
            "1234",
            "Paris",
            "secret",
            "en_US",
            "72",
            "CDATA",
        ] {
            assert!(!json.contains(value), "{value} leaks: {json}");
        }
    }

    #[test]
    fn too_many_paths_are_cut_short() {
        let mut doc = String::from("<r>");
        for i in 0..(MAX_PATHS + 10) {
            write!(doc, "<k{i} a{i}=\"v\"/>").unwrap();
        }
        doc.push_str("</r>");
        let s = xml_structure(doc.as_bytes()).unwrap();
        assert!(s.cut_short);
        assert_eq!(s.paths.len(), MAX_PATHS);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
        assert_eq!(xml_structure(deep.as_bytes()), Err(XmlError::TooDeep));
        assert_eq!(points(deep.as_bytes(), &["a"]), Err(XmlError::TooDeep));
        // Long names nested less deep still have a bounded path, prefixes included.
        let name = "n".repeat(1000);
        let long = format!("<{name}>").repeat(100);
        assert_eq!(xml_structure(long.as_bytes()), Err(XmlError::TooLarge));
        let prefixed = format!("<{name}:a>").repeat(100);
        assert_eq!(points(prefixed.as_bytes(), &["a"]), Err(XmlError::TooLarge));
        let fine = "<a>".repeat(MAX_DEPTH) + &"</a>".repeat(MAX_DEPTH);
        assert_eq!(xml_structure(fine.as_bytes()).unwrap().max_depth, MAX_DEPTH);
    }

    #[test]
    fn huge_text_tags_and_elements_are_refused() {
        let mut long = b"<a>".to_vec();
        long.extend(std::iter::repeat_n(b'x', MAX_EVENT + 10));
        long.extend(b"</a>");
        assert_eq!(xml_structure(&long[..]), Err(XmlError::TooLarge));
        assert_eq!(points(&long, &["a"]), Err(XmlError::TooLarge));
        // A tag that never closes, without a single line break.
        let mut tag = b"<a b=\"".to_vec();
        tag.extend(std::iter::repeat_n(b'y', MAX_EVENT + 10));
        assert_eq!(xml_structure(&tag[..]), Err(XmlError::TooLarge));
        // Many pieces of text, each within bounds, add up in one element.
        let piece = "z".repeat(MAX_EVENT / 2);
        let mut many = String::from("<r><e>");
        for _ in 0..=(MAX_ELEMENT / piece.len()) {
            many.push_str(&piece);
            many.push_str("&amp;");
        }
        many.push_str("</e></r>");
        assert_eq!(
            points(many.as_bytes(), &["r", "e"]),
            Err(XmlError::TooLarge)
        );
        // The structure keeps no text: the same file is fine.
        assert!(xml_structure(many.as_bytes()).unwrap().paths["r/e"].text);
    }

    #[test]
    fn entities_are_never_expanded() {
        let mut doc =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "lol".to_owned()
            } else {
                format!("lol{}", i - 1)
            };
            writeln!(
                doc,
                " <!ENTITY lol{i} \"{}\">",
                format!("&{prev};").repeat(10)
            )
            .unwrap();
        }
        doc.push_str("]>\n<lolz><lol a=\"&lol9;\">&lol9;</lol></lolz>");
        let found = points(doc.as_bytes(), &["lolz", "lol"]).unwrap();
        assert_eq!(found[0].text, "&lol9;");
        assert_eq!(found[0].attribute("a"), Some("&lol9;"));
        let s = xml_structure(doc.as_bytes()).unwrap();
        assert!(s.paths["lolz/lol"].text);
        // An external entity is not fetched either.
        let external = br#"<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#;
        assert_eq!(points(external, &["a"]).unwrap()[0].text, "&x;");
    }

    #[test]
    fn byte_order_marks_and_utf16_are_read() {
        let doc = "<gpx><trk><trkseg><trkpt lat=\"45.5\" lon=\"-73.6\"><name>Montréal 😀</name></trkpt></trkseg></trk></gpx>";
        let path = ["gpx", "trk", "trkseg", "trkpt"];
        let bom = [b"\xEF\xBB\xBF".as_slice(), doc.as_bytes()].concat();
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n{doc}")
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(doc.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [doc.as_bytes(), &bom, &le, &be] {
            let found = points(bytes, &path).unwrap();
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].attribute("lon"), Some("-73.6"));
            assert_eq!(found[0].text_of("name"), Some("Montréal 😀"));
            assert!(xml_structure(bytes).unwrap().paths["gpx/trk/trkseg/trkpt/name"].text);
        }
        // Windows-1252, as an old device might write it.
        let latin = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a><b>caf\xe9</b></a>";
        assert_eq!(points(latin, &["a", "b"]).unwrap()[0].text, "café");
    }

    #[test]
    fn garbage_and_ill_formed_files_are_syntax_errors() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0<\xff\xd8";
        assert_eq!(xml_structure(&png[..]), Err(XmlError::Syntax { line: 1 }));
        let jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01<>\n";
        assert!(matches!(
            xml_structure(&jpeg[..]),
            Err(XmlError::Syntax { .. })
        ));
        assert!(matches!(
            xml_structure(&b"{\"json\": true}"[..]),
            Err(XmlError::Syntax { .. })
        ));
        for (doc, line) in [
            (&b"<a>\n<b>\n</c>\n</a>"[..], 3),
            (b"<a/>\n<b/>", 2),
            (b"<a/>\ntrailing", 2),
            (b"<a>\n</a>\n</a>", 3),
            (b"<a>\n<!x>\n</a>", 2),
            (b"<a b=1/>", 1),
            (b"<a b=\"1\" b=\"2\"/>", 1),
        ] {
            assert_eq!(
                xml_structure(doc),
                Err(XmlError::Syntax { line }),
                "{}",
                String::from_utf8_lossy(doc)
            );
        }
        assert_eq!(
            points(b"<a><b c=\"1\" c=\"2\"/></a>", &["a", "b"]),
            Err(XmlError::Syntax { line: 1 })
        );
    }

    #[test]
    fn cut_off_files_are_truncated_wherever_the_cut() {
        assert_eq!(xml_structure(&b""[..]), Err(XmlError::Truncated));
        assert_eq!(
            xml_structure(&b"<?xml version=\"1.0\"?>\n"[..]),
            Err(XmlError::Truncated)
        );
        let doc = br#"<?xml version="1.0"?><!DOCTYPE h [<!ENTITY e "x">]><!-- note --><h a="&amp;&lt;"><r v='1'>t&amp;u<![CDATA[v]]></r><x/></h>"#;
        assert!(xml_structure(&doc[..]).is_ok());
        for cut in 0..doc.len() {
            assert_eq!(
                xml_structure(&doc[..cut]),
                Err(XmlError::Truncated),
                "{}",
                String::from_utf8_lossy(&doc[..cut])
            );
        }
    }

    #[test]
    fn mangled_documents_never_panic() {
        let doc = br#"<?xml version="1.0"?><!DOCTYPE g [<!ENTITY e "x">]><g:gpx xmlns:g="u"><trk><trkpt lat="1&amp;" lon='2'><ele>3&#65;&e;</ele><![CDATA[c]]><!-- c --><?pi x?></trkpt></trk></g:gpx>"#;
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        let alphabet = b"<>/&;=\"'!?[]-: \nax#\xff\xfe\xc3";
        for _ in 0..3000 {
            let mut bytes = doc.to_vec();
            for _ in 0..=(next() % 4) {
                let at = next() % bytes.len();
                match next() % 3 {
                    0 => bytes[at] = alphabet[next() % alphabet.len()],
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, alphabet[next() % alphabet.len()]),
                }
            }
            let _ = xml_structure(&bytes[..]);
            let _ = points(&bytes, &["gpx", "trk", "trkpt"]);
        }
    }

    fn samples() -> Vec<std::path::PathBuf> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.filter_map(Result::ok) {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| {
                    ["xml", "gpx", "kml", "tcx"]
                        .contains(&e.to_ascii_lowercase().to_str().unwrap_or(""))
                }) {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples"),
            &mut out,
        );
        out.sort();
        out
    }

    #[test]
    fn real_samples_have_the_expected_structure() {
        let files = samples();
        if files.is_empty() {
            eprintln!("no XML samples under ../shared/samples: skipped");
            return;
        }
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let s = xml_structure(&bytes[..]).unwrap_or_else(|e| panic!("{file:?}: {e:?}"));
            let json = serde_json::to_string(&s).unwrap();
            let has = |path: &str, attributes: &[&str], text: bool| {
                let stats = s
                    .paths
                    .get(path)
                    .unwrap_or_else(|| panic!("{file:?}: no {path} in {json}"));
                for a in attributes {
                    assert!(stats.attributes.contains(*a), "{file:?}: {path} lacks @{a}");
                }
                assert_eq!(stats.text, text, "{file:?}: {path}");
            };
            let root = s
                .paths
                .keys()
                .next()
                .unwrap()
                .split('/')
                .next()
                .unwrap()
                .to_owned();
            match root.as_str() {
                "gpx" => {
                    has("gpx", &["version", "creator", "schemaLocation"], false);
                    has("gpx/trk/trkseg/trkpt", &["lat", "lon"], false);
                    has("gpx/trk/trkseg/trkpt/ele", &[], true);
                    has("gpx/trk/trkseg/trkpt/time", &[], true);
                    assert!(!json.contains("37.78") && !json.contains("Apple Health Export"));
                }
                "HealthData" => {
                    has("HealthData", &["locale"], false);
                    has(
                        "HealthData/Record",
                        &["type", "sourceName", "unit", "startDate", "value"],
                        false,
                    );
                    has("HealthData/Record/MetadataEntry", &["key", "value"], false);
                    has(
                        "HealthData/Workout/WorkoutRoute/FileReference",
                        &["path"],
                        false,
                    );
                    has("HealthData/ActivitySummary", &["dateComponents"], false);
                    assert!(!json.contains("HKQuantityTypeIdentifier") && !json.contains("Watch"));
                }
                "kml" => {
                    has("kml/Document/Placemark/Track/when", &[], true);
                    has("kml/Document/Placemark/Track/coord", &[], true);
                    assert!(!json.contains("122.08") && !json.contains("2024-01-20"));
                }
                "TrainingCenterDatabase" => {
                    has(
                        "TrainingCenterDatabase/Activities/Activity/Lap/Track/Trackpoint/Time",
                        &[],
                        true,
                    );
                }
                other => panic!("{file:?}: unexpected root {other}"),
            }
        }
    }

    #[test]
    fn real_gpx_track_points_and_health_records_stream() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/apple");
        let Ok(gpx) = std::fs::read(dir.join("workout-routes/route_2019-06-11_3.00pm.gpx")) else {
            eprintln!("no Apple samples under ../shared/samples: skipped");
            return;
        };
        let mut seen = Vec::new();
        let n = for_each_element(&gpx[..], &["gpx", "trk", "trkseg", "trkpt"], &mut |p| {
            let lat: f64 = p.attribute("lat").unwrap().parse().unwrap();
            let lon: f64 = p.attribute("lon").unwrap().parse().unwrap();
            let speed: f64 = p.text_of("extensions/speed").unwrap().parse().unwrap();
            seen.push((lat, lon, speed, p.text_of("time").unwrap().to_owned()));
        })
        .unwrap();
        assert_eq!(n, 3);
        assert_eq!(seen.len(), 3);
        for (lat, lon, speed, time) in &seen {
            assert!(
                (37.0..38.0).contains(lat) && (-123.0..-122.0).contains(lon),
                "{lat} {lon}"
            );
            assert!((-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon));
            assert!(*speed >= 0.0);
            assert!(time.starts_with("2019-06-11T22:00:4"), "{time}");
        }
        let health = std::fs::read(dir.join("export.xml")).unwrap();
        let mut records = Vec::new();
        for_each_element(&health[..], &["HealthData", "Record"], &mut |r| {
            records.push(r.clone());
        })
        .unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].attribute("value"), Some("72"));
        assert!(records[1]
            .attribute("device")
            .unwrap()
            .starts_with("<<HKDevice: 0x"));
        let withings = records[0]
            .children
            .iter()
            .find(|c| c.attribute("key") == Some("Withings Link"))
            .unwrap();
        assert!(withings
            .attribute("value")
            .unwrap()
            .contains("userid=12345&date="));
        let mut days = Vec::new();
        let n = for_each_element(&health[..], &["HealthData", "ActivitySummary"], &mut |a| {
            days.push(a.attribute("dateComponents").unwrap().to_owned());
        })
        .unwrap();
        // Google Earth's gx:Track: the times and the coordinates come as two lists of children.
        let kml = std::fs::read(dir.join("../geo/gx_track.kml")).unwrap();
        let mut tracks = Vec::new();
        let path = ["kml", "Document", "Placemark", "Track"];
        for_each_element(&kml[..], &path, &mut |t| tracks.push(t.clone())).unwrap();
        assert_eq!(tracks.len(), 1);
        let of = |name: &str| -> Vec<&str> {
            tracks[0]
                .children
                .iter()
                .filter(|c| c.path == name)
                .map(|c| c.text.as_str())
                .collect()
        };
        assert_eq!(of("when").len(), 4);
        assert_eq!(of("coord")[0], "-122.0841 37.4220 10");
        assert_eq!(
            (n, days.as_slice()),
            (
                2,
                ["2016-11-15".to_owned(), "2016-11-16".to_owned()].as_slice()
            )
        );
    }

    #[test]
    fn elements_are_found_by_path_at_any_depth() {
        let doc = br#"<gpx><wpt lat="1" lon="2"><time>t0</time></wpt>
<rte><rtept lat="3" lon="4"/></rte>
<trk><trkseg><trkpt lat="5" lon="6"><time>t1</time><trkpt lat="9" lon="9"/></trkpt></trkseg></trk></gpx>"#;
        let mut found = Vec::new();
        let n = for_each_element_where(&doc[..], &|path| path.ends_with("pt"), &mut |path, e| {
            found.push((
                path.to_owned(),
                e.attribute("lat").unwrap_or("").to_owned(),
                e.children.len(),
            ));
        })
        .unwrap();
        assert_eq!(n, 3);
        assert_eq!(
            found,
            [
                ("gpx/wpt".to_owned(), "1".to_owned(), 1),
                ("gpx/rte/rtept".to_owned(), "3".to_owned(), 0),
                ("gpx/trk/trkseg/trkpt".to_owned(), "5".to_owned(), 2),
            ]
        );
        assert_eq!(
            for_each_element_where(&doc[..doc.len() - 4], &|_| true, &mut |_, _| {}),
            Err(XmlError::Truncated)
        );
    }
}
