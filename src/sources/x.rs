//! What the data files of X's archive (formerly Twitter's) have in common: the JavaScript
//! wrapper, detection by the data type it names, a streaming walk of the JSON inside, and X's three
//! ways of writing a time.
//!
//! The archive (`twitter-YYYY-MM-DD-<hex>.zip`) holds `Your archive.html`, `assets/` and `data/`.
//! Every data file in `data/` is a JavaScript assignment, `window.YTD.<type>.part<N> = [ … ]`
//! (formats.md section 6): the type is written with underscores where the file name has hyphens
//! (`ad-impressions.js` → `YTD.ad_impressions.part0`), and a big type is split
//! (`tweets.js` → `part0`, `tweets-part1.js` → `part1`…). Detection reads the type in the
//! first bytes (section 19: `^\s*window\.YTD\.([a-z_]+)\.part(\d+)\s*=`), whatever the file is
//! called; reading checks it again, skips everything up to the first `=`, and streams the JSON
//! array after it. X writes every number as a string (`"numAudiences" : "999"`).

use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Claim;
use crate::error::ErrorKind;
use crate::ingest::json::{JsonError, SkipBom};
use crate::model::time::{days_from_civil, english_month, parse_iso};

/// What opens every data file, before its type.
const MARK: &[u8] = b"window.YTD.";

/// The longest prefix read before its `=` (`window.YTD.` and a type name are well under this).
const MAX_PREFIX: usize = 256;

/// The prefix `window.YTD.<type>.part<N>` at the start of `bytes` (after a byte-order mark and
/// white space): the type, the part, and the bytes after the part's number and white space.
fn prefix(bytes: &[u8]) -> Option<(&str, u32, &[u8])> {
    let bytes = crate::ingest::text::without_bom(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = bytes.get(start..)?.strip_prefix(MARK)?;
    let name_len = rest
        .iter()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_'))?;
    let (name, rest) = rest.split_at_checked(name_len)?;
    let rest = rest.strip_prefix(b".part")?;
    let digits = rest
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    let (number, rest) = rest.split_at_checked(digits)?;
    let part = std::str::from_utf8(number).ok()?.parse().ok()?;
    let name = std::str::from_utf8(name).ok().filter(|n| !n.is_empty())?;
    let spaces = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some((name, part, rest.get(spaces..).unwrap_or_default()))
}

/// The data type and part a data file's first bytes name (`window.YTD.tweets.part1 =` →
/// `("tweets", 1)`), if they are those of an X data file.
pub(super) fn data_type(head: &[u8]) -> Option<(&str, u32)> {
    let (name, part, rest) = prefix(head)?;
    rest.starts_with(b"=").then_some((name, part))
}

/// The claim of source `id` on a data file of one of `types`: 90, the type being X's own
/// signature; none for any other file.
pub(super) fn claim(id: &'static str, types: &[&str], head: &[u8]) -> Option<Claim> {
    let (name, _) = data_type(head)?;
    types.contains(&name).then_some(Claim {
        source: id,
        confidence: 90,
    })
}

/// The stream after the `=` of a data file of one of `types`; `WrongType` for another file,
/// `Truncated` for one cut within its prefix.
pub(super) fn open<'a>(
    reader: &'a mut dyn Read,
    types: &[&str],
) -> Result<impl Read + 'a, ErrorKind> {
    let mut reader = BufReader::new(SkipBom::new(reader));
    let mut before = Vec::new();
    loop {
        let buf = reader.fill_buf().map_err(|_| ErrorKind::Unreadable)?;
        if buf.is_empty() {
            // The stream ended before any `=`.
            let text = before.trim_ascii_start();
            return Err(if text.is_empty() {
                ErrorKind::Empty
            } else if text.starts_with(MARK) || MARK.starts_with(text) {
                ErrorKind::Truncated
            } else {
                ErrorKind::WrongType
            });
        }
        let (found, used) = match memchr::memchr(b'=', buf) {
            Some(eq) => (true, eq),
            None => (false, buf.len()),
        };
        before.extend_from_slice(buf.get(..used).unwrap_or_default());
        reader.consume(if found { used + 1 } else { used });
        if before.len() > MAX_PREFIX {
            return Err(ErrorKind::WrongType);
        }
        if found {
            break;
        }
    }
    match prefix(&before) {
        Some((name, _, rest)) if rest.is_empty() && types.contains(&name) => Ok(reader),
        _ => Err(ErrorKind::WrongType),
    }
}

/// What to do with a value, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Walk into it (an object's keys, an array's elements); a string, number or boolean met
    /// there is handed to [`Walker::take`].
    Descend,
    /// Read it whole (a small object) and hand it to [`Walker::take`].
    Take,
    /// Pass over it without keeping anything.
    Skip,
}

/// A source's pass over a data file, told each value's path as it streams: `$` for the whole
/// array, `[]` for an array's elements, `.key` for an object's keys
/// (`$[].p13nData.interests.interests[]`).
pub(super) trait Walker {
    /// What to do with the value at `path`.
    fn step(&mut self, path: &str) -> Step;
    /// A value taken whole, or a scalar met while descending.
    fn take(&mut self, path: &str, value: Value);
}

/// Streams a data file of one of `types` through `walker`: the file's whole array, each value
/// as the walker asks. A file cut midway has handed over what came before.
pub(super) fn walk(
    reader: &mut dyn Read,
    types: &[&str],
    walker: &mut dyn Walker,
) -> Option<ErrorKind> {
    let reader = match open(reader, types) {
        Ok(reader) => reader,
        Err(kind) => return Some(kind),
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut path = String::from("$");
    let node = Node {
        walker,
        path: &mut path,
    };
    serde::Deserializer::deserialize_seq(&mut de, node)
        .and_then(|()| de.end())
        .err()
        .map(|e| JsonError::from(e).kind())
}

/// One value of the walk, at `path`.
struct Node<'a> {
    walker: &'a mut dyn Walker,
    path: &'a mut String,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Node<'_> {
    fn scalar(self, value: Value) {
        self.walker.take(self.path, value);
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an X archive's data")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.scalar(Value::Bool(v));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.scalar(Value::from(v));
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.scalar(Value::from(v));
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.scalar(Value::from(v));
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.scalar(Value::String(v.to_owned()));
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        self.scalar(Value::String(v));
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Node { walker, path } = self;
        let len = path.len();
        path.push_str("[]");
        loop {
            let more = match walker.step(path) {
                Step::Descend => seq
                    .next_element_seed(Node {
                        walker: &mut *walker,
                        path: &mut *path,
                    })?
                    .is_some(),
                Step::Take => match seq.next_element::<Value>()? {
                    Some(value) => {
                        walker.take(path, value);
                        true
                    }
                    None => false,
                },
                Step::Skip => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                break;
            }
        }
        path.truncate(len);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Node { walker, path } = self;
        let len = path.len();
        while let Some(key) = map.next_key::<String>()? {
            path.push('.');
            path.push_str(&key);
            match walker.step(path) {
                Step::Descend => map.next_value_seed(Node {
                    walker: &mut *walker,
                    path: &mut *path,
                })?,
                Step::Take => {
                    let value = map.next_value::<Value>()?;
                    walker.take(path, value);
                }
                Step::Skip => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            path.truncate(len);
        }
        Ok(())
    }
}

/// A value X wrote as a string or a number, as text (`"999"`, `999`).
pub(super) fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The text at `key` of an object, or `None`.
pub(super) fn str_at<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key)?.as_str()
}

/// A time as X writes it, in epoch seconds: `created_at`'s `Sat Aug 12 16:10:37 +0000 2023`,
/// ISO `2023-08-12T16:10:37.000Z`, or `2023-08-12 16:10:37` (UTC, the ads' files). `None` for
/// anything else.
pub(super) fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return parse_created_at(text);
    }
    let millis = parse_iso(text).or_else(|| {
        // No zone: X's UTC `YYYY-MM-DD HH:MM:SS`.
        let zoneless = text.len() == 19 && text.get(10..11).is_some_and(|s| s == " " || s == "T");
        zoneless.then(|| parse_iso(&format!("{text}Z")))?
    })?;
    Some(millis.div_euclid(1000))
}

/// `Sat Aug 12 16:10:37 +0000 2023`: weekday, month, day, clock, offset, year.
fn parse_created_at(text: &str) -> Option<i64> {
    let mut parts = text.split_ascii_whitespace();
    let (_weekday, month, day, clock, zone, year) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if parts.next().is_some() {
        return None;
    }
    let month = english_month(month)?;
    let number = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    // Four digits: a longer year would overflow the sum below.
    if year.len() != 4 {
        return None;
    }
    let (day, year) = (number(day)?, number(year)?);
    let mut clock = clock.split(':');
    let (hour, minute, second) = (
        number(clock.next()?)?,
        number(clock.next()?)?,
        number(clock.next()?)?,
    );
    if clock.next().is_some() || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60
    {
        return None;
    }
    let sign = match zone.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let zone = zone.get(1..)?;
    if zone.len() != 4 {
        return None;
    }
    let offset = sign * (number(zone.get(..2)?)? * 60 + number(zone.get(2..)?)?);
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute - offset) * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_type_is_read_from_the_prefix() {
        assert_eq!(
            data_type(b"window.YTD.tweets.part0 = [ {"),
            Some(("tweets", 0))
        );
        assert_eq!(
            data_type(b"\xEF\xBB\xBF  window.YTD.ad_impressions.part12=["),
            Some(("ad_impressions", 12))
        );
        assert_eq!(data_type(b"window.YTD.tweets.part1"), None);
        assert_eq!(data_type(b"window.__THAR_CONFIG = {"), None);
        assert_eq!(data_type(b"window.YTD..part0 = ["), None);
        assert_eq!(data_type(b"Grailbird.data.tweets_2012_01 = ["), None);
        assert_eq!(data_type(b"[{\"tweet\": {}}]"), None);
        assert!(claim(
            "x.tweets",
            &["tweets", "tweet"],
            b"window.YTD.tweet.part0 = ["
        )
        .is_some());
        assert!(claim("x.tweets", &["tweets"], b"window.YTD.like.part0 = [").is_none());
    }

    #[test]
    fn opening_checks_the_type_and_says_when_the_prefix_is_cut() {
        let mut rest = String::new();
        let ok = open(&mut &b"window.YTD.tweets.part1 = [1]"[..], &["tweets"])
            .map(|mut r| r.read_to_string(&mut rest));
        assert!(ok.is_ok());
        assert_eq!(rest, " [1]");
        let kind = |bytes: &[u8]| open(&mut &bytes[..], &["tweets"]).err();
        assert_eq!(
            kind(b"window.YTD.like.part0 = []"),
            Some(ErrorKind::WrongType)
        );
        assert_eq!(kind(b"window.YTD.twe"), Some(ErrorKind::Truncated));
        assert_eq!(kind(b"wind"), Some(ErrorKind::Truncated));
        assert_eq!(kind(b""), Some(ErrorKind::Empty));
        assert_eq!(kind(b"{\"a\": 1}"), Some(ErrorKind::WrongType));
        assert_eq!(kind(&[b' '; 1000]), Some(ErrorKind::WrongType));
        assert_eq!(kind(b"var x = 1"), Some(ErrorKind::WrongType));
    }

    #[test]
    fn x_s_three_ways_of_writing_a_time_are_read() {
        // 2023-08-12T16:10:37Z: 19581 days since 1970, checked with Python's datetime.
        let at = 1_691_856_637;
        assert_eq!(parse_time("Sat Aug 12 16:10:37 +0000 2023"), Some(at));
        assert_eq!(parse_time("Sat Aug 12 18:10:37 +0200 2023"), Some(at));
        assert_eq!(parse_time("2023-08-12T16:10:37.000Z"), Some(at));
        assert_eq!(parse_time("2023-08-12 16:10:37"), Some(at));
        assert_eq!(parse_time("Sat Aug 32 16:10:37 +0000 2023"), None);
        assert_eq!(parse_time("Sat Foo 12 16:10:37 +0000 2023"), None);
        assert_eq!(parse_time("Sat Aug 12 16:10:37 2023"), None);
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(parse_time(""), None);
        assert_eq!(parse_time("2023-08-12"), None);
        // A year too long to be one is no time, not an overflow.
        assert_eq!(parse_time("Sat Aug 12 16:10:37 +0000 99999999999999"), None);
    }
}
