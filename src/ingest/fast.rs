//! A strict, fast reader for the common shape of a JSON element, before `serde_json`.
//!
//! `serde_json` reads a `Records.json` record through generic visitors: about a third of the
//! browser worker's time on a 1 GB file (BENCHMARKS.md). Most records are flat objects of
//! integers and plain ASCII strings, which a [`Cursor`] reads directly from the bytes. It only
//! says yes to what `serde_json` would read to the same value: anything else (an escape, a
//! float where an integer is expected, a duplicate key, a syntax error…) makes it give up, and the
//! caller reads the element again with `serde_json`, whose results and errors stay the
//! reference. Values the caller does not use are skipped by `serde_json` itself (checked,
//! not built).

// `Option<Option<T>>`: the outer `None` gives up, the inner one is JSON's `null`.
#![allow(clippy::option_option)]

use serde::de::{DeserializeOwned, IgnoredAny};

/// A position in the bytes of one element. Every method returns `None` to give up.
pub struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    /// How many bytes have been read.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` after white space.
    fn consume(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// A string of printable ASCII without escapes, its bytes without the quotes.
    fn plain(&mut self) -> Option<&'a [u8]> {
        self.consume(b'"')?;
        let rest = self.bytes.get(self.pos..)?;
        let len = memchr::memchr(b'"', rest)?;
        let text = rest.get(..len)?;
        if !text
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) && b != b'\\')
        {
            return None;
        }
        self.pos += len + 1;
        Some(text)
    }

    /// `null`, after white space.
    fn null(&mut self) -> bool {
        self.skip_space();
        let found = self.bytes.get(self.pos..self.pos + 4) == Some(b"null")
            && self.bytes.get(self.pos + 4).is_some_and(|&b| ends_value(b));
        if found {
            self.pos += 4;
        }
        found
    }

    /// An integer (`-?[1-9][0-9]*` or `0`) that fits an `i64`, or `null`.
    pub fn int(&mut self) -> Option<Option<i64>> {
        if self.null() {
            return Some(None);
        }
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let digits = self
            .bytes
            .get(self.pos..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = self.bytes.get(self.pos..self.pos + digits)?;
        // `serde_json` refuses leading zeros, and reads `1.5`, `1e3` and `-0` as floats.
        let zero = text.first() == Some(&b'0');
        if digits == 0 || digits > 18 || (zero && (digits > 1 || negative)) {
            self.pos = start;
            return None;
        }
        self.pos += digits;
        if !self.bytes.get(self.pos).is_some_and(|&b| ends_value(b)) {
            self.pos = start;
            return None;
        }
        let magnitude = text
            .iter()
            .fold(0_i64, |n, &d| n * 10 + i64::from(d - b'0'));
        Some(Some(if negative { -magnitude } else { magnitude }))
    }

    /// A string of printable ASCII without escapes, or `null`.
    pub fn text(&mut self) -> Option<Option<&'a str>> {
        if self.null() {
            return Some(None);
        }
        // Printable ASCII is UTF-8.
        self.plain()
            .and_then(|t| std::str::from_utf8(t).ok())
            .map(Some)
    }

    /// One value read by `serde_json` into `T`.
    pub fn value<T: DeserializeOwned>(&mut self) -> Option<T> {
        self.skip_space();
        let rest = self.bytes.get(self.pos..)?;
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
        let value = values.next()?.ok()?;
        self.pos += values.byte_offset();
        Some(value)
    }

    /// One value checked by `serde_json` and passed over.
    pub fn skip(&mut self) -> Option<()> {
        self.value::<IgnoredAny>().map(|_| ())
    }

    /// An object: `field` is called with each key (plain ASCII, without escapes) and the cursor
    /// at its value, which it must read or skip.
    pub fn object(
        &mut self,
        mut field: impl FnMut(&'a [u8], &mut Self) -> Option<()>,
    ) -> Option<()> {
        self.consume(b'{')?;
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            let key = self.plain()?;
            self.consume(b':')?;
            field(key, self)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }
}

/// Bytes that may follow a number or a literal inside an element.
fn ends_value(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',' | b'}' | b']')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(json: &str) -> Option<Option<i64>> {
        Cursor::new(json.as_bytes()).int()
    }

    #[test]
    fn integers_are_read_as_serde_json_reads_them_or_not_at_all() {
        assert_eq!(ints("485000000,"), Some(Some(485_000_000)));
        assert_eq!(ints("-23 }"), Some(Some(-23)));
        assert_eq!(ints("0]"), Some(Some(0)));
        assert_eq!(ints("null,"), Some(None));
        // Floats, leading zeros, numbers that may go on, and words are left to serde_json.
        for other in [
            "1.5,",
            "1e3,",
            "012,",
            "12",
            "-,",
            "nullx,",
            "\"12\",",
            "9999999999999999999,",
        ] {
            assert_eq!(ints(other), None, "{other}");
        }
    }

    #[test]
    fn strings_only_when_plain() {
        let text = |json: &str| {
            Cursor::new(json.as_bytes())
                .text()
                .map(|t| t.map(str::to_owned))
        };
        assert_eq!(text(r#""WIFI","#), Some(Some("WIFI".into())));
        assert_eq!(text("null}"), Some(None));
        assert_eq!(text(r#""a\"b","#), None);
        assert_eq!(text("\"caf\u{e9}\","), None);
        assert_eq!(text("\"tab\there\","), None);
    }

    #[test]
    fn objects_walk_their_keys_and_stop_at_anything_unusual() {
        let keys = |json: &str| {
            let mut seen = Vec::new();
            let mut cursor = Cursor::new(json.as_bytes());
            cursor
                .object(|key, c| {
                    seen.push(String::from_utf8_lossy(key).into_owned());
                    c.skip()
                })
                .map(|()| (seen, cursor.pos()))
        };
        let doc = r#"{ "a": 1, "b" : {"c": [1, "x"]}, "d": "e" } ,"#;
        assert_eq!(
            keys(doc),
            Some((vec!["a".into(), "b".into(), "d".into()], doc.len() - 2))
        );
        assert_eq!(keys("{}"), Some((vec![], 2)));
        assert_eq!(keys(r#"{"a": 1,}"#), None);
        assert_eq!(keys(r#"{"a": tru}"#), None);
        assert_eq!(keys(r#"{"a" 1}"#), None);
        assert_eq!(keys(r#"{"a\u0062": 1}"#), None);
        assert_eq!(keys("[1]"), None);
    }
}
