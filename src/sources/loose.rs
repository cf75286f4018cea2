//! Values as Google's location exports write them, loosely: numbers as numbers or strings, times
//! as ISO text, epoch milliseconds or epoch seconds; and the plumbing the JSON location sources
//! share (did the file hold the expected key at all, how a JSON error reads for the person), and
//! the last step of every reader of timed points (GPX, KML, TCX, FIT): a fix, or a skipped record.

use std::io::Read;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::error::ErrorKind;
use crate::ingest::json::JsonError;
use crate::model::location::{Fix, LatLng, LocationSink};
use crate::model::time::{parse_iso, Millis};

/// Below this, an epoch number is seconds: as milliseconds it would be before March 1973, as
/// seconds it reaches the year 5138.
const SECONDS_BELOW: i64 = 100_000_000_000;

/// A number or a time, however it was written. Anything else (`true`, an object) is kept as
/// [`Loose::Other`], so that one odd value does not stop the file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum Loose {
    Int(i64),
    Float(f64),
    Text(String),
    Other(IgnoredAny),
}

/// Rounds a float to an integer, if it is one that fits.
#[allow(clippy::cast_possible_truncation)] // finite and within ±9e18, checked first
fn round(value: f64) -> Option<i64> {
    (value.is_finite() && value.abs() < 9.0e18).then(|| value.round() as i64)
}

/// Epoch seconds or milliseconds to milliseconds.
fn epoch(value: i64) -> Option<Millis> {
    if value.abs() < SECONDS_BELOW {
        value.checked_mul(1000)
    } else {
        Some(value)
    }
}

impl Loose {
    /// An integer, from `42`, `42.0` or `"42"`.
    pub fn integer(&self) -> Option<i64> {
        match self {
            Loose::Int(v) => Some(*v),
            Loose::Float(v) => round(*v),
            Loose::Text(t) => t
                .trim()
                .parse()
                .ok()
                .or_else(|| round(t.trim().parse().ok()?)),
            Loose::Other(_) => None,
        }
    }

    /// A finite number, from `4.5` or `"4.5"`.
    pub fn number(&self) -> Option<f64> {
        let value = match self {
            #[allow(clippy::cast_precision_loss)] // metres and degrees are far below 2^53
            Loose::Int(v) => Some(*v as f64),
            Loose::Float(v) => Some(*v),
            Loose::Text(t) => t.trim().parse().ok(),
            Loose::Other(_) => None,
        }?;
        value.is_finite().then_some(value)
    }

    /// An instant: ISO 8601 text, or epoch milliseconds (the legacy `…Ms` fields), or epoch
    /// seconds when the number is clearly too small to be milliseconds, as a number or a string.
    pub fn instant(&self) -> Option<Millis> {
        match self {
            Loose::Int(v) => epoch(*v),
            Loose::Float(v) if v.is_finite() && v.abs() < 1e11 => round(v * 1000.0),
            Loose::Float(v) => round(*v),
            Loose::Text(t) => parse_iso(t).or_else(|| {
                let t = t.trim();
                match t.parse::<i64>() {
                    Ok(v) => epoch(v),
                    Err(_) => Loose::Float(t.parse().ok()?).instant(),
                }
            }),
            Loose::Other(_) => None,
        }
    }
}

/// The first instant among fields that may each hold it (`startTimestamp`, `startTimestampMs`).
pub(crate) fn first_instant(fields: &[&Option<Loose>]) -> Option<Millis> {
    fields
        .iter()
        .find_map(|f| f.as_ref().and_then(Loose::instant))
}

/// A position from E7 integers, however written.
pub(crate) fn e7(lat: Option<&Loose>, lng: Option<&Loose>) -> Option<LatLng> {
    LatLng::from_e7(lat?.integer()?, lng?.integer()?)
}

/// Hands a point over as a fix when it has both a position and an instant; else counts it as a
/// record skipped (no time: a planned route; no position: an indoor workout, a lost signal).
pub(crate) fn fix_or_skip(
    at: Option<LatLng>,
    time: Option<Millis>,
    source: &str,
    out: &mut dyn LocationSink,
) {
    match (at, time) {
        (Some(at), Some(time)) => out.fix(Fix { time, at }, source),
        _ => out.skipped(),
    }
}

/// How a walk over a whole JSON document ([`crate::ingest::json::visit_object`]) ended: fine if
/// one of the source's own keys was seen (`known`), else not its file; or the error that stopped it.
pub(crate) fn document_outcome(result: Result<(), JsonError>, known: bool) -> Option<ErrorKind> {
    match result {
        Ok(()) if known => None,
        Ok(()) => Some(ErrorKind::WrongType),
        Err(e) => Some(e.kind()),
    }
}

/// How a JSON error reads for the person.
pub(crate) fn json_error(error: JsonError) -> ErrorKind {
    error.kind()
}

/// A reader that notes whether a quoted key (`"timelineObjects"`, no quote inside) went by, so
/// that a source can tell an empty array under its key (an empty month: fine) from a file that
/// does not have the key at all (not its file: an error).
pub(crate) struct KeyWatch<'a, R> {
    inner: R,
    needle: &'a [u8],
    matched: usize,
    pub seen: bool,
}

impl<'a, R: Read> KeyWatch<'a, R> {
    pub fn new(inner: R, needle: &'a [u8]) -> Self {
        KeyWatch {
            inner,
            needle,
            matched: 0,
            seen: false,
        }
    }
}

impl<R: Read> Read for KeyWatch<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if !self.seen {
            for &b in buf.get(..n).unwrap_or_default() {
                // The needle's only quotes are its first and last bytes, so on a mismatch the
                // match restarts at 1 if the byte is a quote, else at 0.
                if self.needle.get(self.matched) == Some(&b) {
                    self.matched += 1;
                    if self.matched == self.needle.len() {
                        self.seen = true;
                        break;
                    }
                } else {
                    self.matched = usize::from(self.needle.first() == Some(&b));
                }
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loose(json: &str) -> Loose {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_written_as_numbers_or_strings() {
        assert_eq!(loose("485000000").integer(), Some(485_000_000));
        assert_eq!(loose("\"-1193393903\"").integer(), Some(-1_193_393_903));
        assert_eq!(loose("4.6").integer(), Some(5));
        assert_eq!(loose("\" 12.5 \"").number(), Some(12.5));
        assert_eq!(loose("3853").number(), Some(3853.0));
        assert_eq!(loose("\"north\"").integer(), None);
        assert_eq!(loose("true").integer(), None);
        assert_eq!(loose("{\"a\": [1]}").number(), None);
        assert_eq!(loose("\"NaN\"").number(), None);
    }

    #[test]
    fn instants_in_iso_epoch_milliseconds_and_epoch_seconds() {
        let at = 1_386_000_000_000;
        for json in [
            "\"2013-12-02T16:00:00Z\"",
            "\"2013-12-02T17:00:00.000+01:00\"",
            "\"1386000000000\"",
            "1386000000000",
            "1386000000",
            "\"1386000000\"",
            "1386000000.0",
            "\"1386000000.000\"",
        ] {
            assert_eq!(loose(json).instant(), Some(at), "{json}");
        }
        assert_eq!(loose("\"yesterday\"").instant(), None);
        assert_eq!(loose("1e300").instant(), None);
        assert_eq!(loose("null").instant(), None);
        assert_eq!(
            first_instant(&[&None, &Some(loose("1386000000000"))]),
            Some(at)
        );
    }

    #[test]
    fn the_key_watch_sees_its_key_across_reads_and_only_it() {
        struct Bytewise<'a>(&'a [u8]);
        impl Read for Bytewise<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let (Some(b), Some(dst)) = (self.0.first(), buf.first_mut()) else {
                    return Ok(0);
                };
                *dst = *b;
                self.0 = self.0.get(1..).unwrap_or_default();
                Ok(1)
            }
        }
        let seen = |text: &[u8]| {
            let mut watch = KeyWatch::new(Bytewise(text), b"\"timelineObjects\"");
            std::io::copy(&mut watch, &mut std::io::sink()).unwrap();
            watch.seen
        };
        assert!(seen(b"{\"timelineObjects\": []}"));
        assert!(seen(b"{\"\"timelineObjects\": []}"));
        assert!(!seen(b"{\"timelineObject\": []}"));
        assert!(!seen(b"{\"locations\": []}"));
    }
}
