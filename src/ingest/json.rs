//! Streaming JSON: a big array, top-level or nested under object keys, consumed element by element.
//!
//! [`for_each_element`] walks down the given keys of nested objects (skipping every other value
//! without building it) and hands each element of the array it finds to a callback, deserialised
//! into a compact struct. Memory holds one element at a time, whatever the file's size; a minified
//! file on one line is as fine as a pretty-printed one. Nesting inside elements is limited by
//! `serde_json` (128 levels), so 10,000 nested brackets are an error, not a stack overflow; values
//! that are skipped are walked without recursion at all.

use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
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
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        match e.classify() {
            serde_json::error::Category::Eof => JsonError::Truncated,
            serde_json::error::Category::Io => JsonError::Io,
            // serde_json has no category for it; its message is stable since 1.0.
            _ if e.to_string().starts_with("invalid unicode code point") => JsonError::Encoding,
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

/// Calls `each` for every element of the array found under `keys` (`&[]`: the top-level array).
/// Elements that do not fit `T` stop the walk with a syntax error; use `Option`/`default` fields
/// in `T` to accept variants. Returns how many elements were read.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
