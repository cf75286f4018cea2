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
        // Without a branch per byte: these strings are short, and most are plain.
        let bad = text.iter().fold(0_u8, |bad, &b| {
            bad | u8::from(b.wrapping_sub(0x20) >= 0x5f) | u8::from(b == b'\\')
        });
        if bad != 0 {
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

    /// An integer (`-?[1-9][0-9]*` or `0`) that fits an `i64`, or `null`. Read in one pass: about
    /// six per record.
    pub fn int(&mut self) -> Option<Option<i64>> {
        self.skip_space();
        let bytes = self.bytes;
        let start = self.pos;
        let negative = bytes.get(start) == Some(&b'-');
        let first = start + usize::from(negative);
        let mut at = first;
        let mut magnitude = 0_i64;
        while let Some(&b) = bytes.get(at) {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            // Wraps only past 18 digits, which are refused below.
            magnitude = magnitude.wrapping_mul(10).wrapping_add(i64::from(digit));
            at += 1;
        }
        let digits = at - first;
        if digits == 0 {
            return self.null().then_some(None);
        }
        // `serde_json` refuses leading zeros, and reads `1.5`, `1e3` and `-0` as floats.
        let zero = bytes.get(first) == Some(&b'0');
        if digits > 18
            || (zero && (digits > 1 || negative))
            || !bytes.get(at).is_some_and(|&b| ends_value(b))
        {
            return None;
        }
        self.pos = at;
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

    /// One value passed over: an integer, a plain string or `null` directly (the fields a
    /// `Records.json` reader passes over are mostly those: `accuracy`, `velocity`, `altitude`…),
    /// anything else checked by `serde_json`.
    pub fn skip(&mut self) -> Option<()> {
        let start = self.pos;
        let direct = match self.peek()? {
            b'"' => self.plain().is_some(),
            b'-' | b'0'..=b'9' | b'n' => self.int().is_some(),
            _ => false,
        };
        if direct {
            return Some(());
        }
        self.pos = start;
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

    #[test]
    fn skip_passes_over_any_value_exactly_as_far_as_serde_json() {
        // Read directly (integers, plain strings, null) or by serde_json (the rest): the cursor
        // ends right after the value either way, and an invalid value is refused.
        let skip = |json: &str| {
            let mut cursor = Cursor::new(json.as_bytes());
            cursor.skip().map(|()| cursor.pos())
        };
        for (json, end) in [
            ("  42 ,", 4),
            ("-7}", 2),
            ("null,", 4),
            (r#""WIFI","#, 6),
            (r#""a\"b","#, 6),
            ("1.5e3,", 5),
            ("012,", 0),
            ("true,", 4),
            (r#"{"a": [1, {"b": null}]},"#, 23),
            ("\"caf\u{e9}\",", 7),
        ] {
            let expected = (end > 0).then_some(end);
            assert_eq!(skip(json), expected, "{json}");
        }
        assert_eq!(skip("\"unterminated"), None);
        assert_eq!(skip("[1, 2"), None);
    }
}
