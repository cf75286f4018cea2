//! Google Takeout location history, legacy raw records: `Records.json`.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", until Google moved Timeline onto
//! the phone in 2024 (older archives keep it). Path: `Takeout/<Location History>/Records.json`
//! (the folder name is translated: `Historique des positions`…), so detection reads the content.
//!
//! Shape: `{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "accuracy": 20,
//! "source": "WIFI", "deviceTag": -123, "timestamp": "2022-09-21T11:52:59.995Z"}, …]}`, one record
//! per one or two minutes, 200 MB to over 1 GB for a decade: it is streamed record by record.
//!
//! Besides the position, a record may name the device that recorded it (`deviceTag`, an integer
//! that may be negative, with `platformType` ANDROID/IOS and `formFactor` PHONE/TABLET), handed
//! over with each fix; and Google's guesses of what the person was doing, `activity: [{timestamp,
//! activity: [{type: "STILL", confidence: 0–100}, …]}, …]`: the type of highest confidence in
//! each entry is handed over as that instant's top guess (the first on a tie).
//!
//! Quirks: files before ~2022 write `timestampMs` (epoch milliseconds as a string) instead of
//! `timestamp`; rare overflowed coordinates need 2^32 subtracted; `source` comes in upper or lower
//! case; the tag may come as a string; unknown fields (`activeWifiScan`…) are skipped without
//! being built. Activity types are compared without allocating (only an unknown type that wins an
//! entry is copied), so that the guesses cost little on a 1 GB file.
//!
//! Speed: records of the usual shape (integers, plain ASCII strings) are read straight from their
//! bytes by [`Record::fast`], about twice as fast in the browser as through `serde_json`'s
//! generic visitors; any record it is not sure of goes to `serde_json`, whose reading stays the
//! reference (a test checks that both agree on every record the fast reader accepts).

use std::borrow::Cow;
use std::fmt;
use std::io::Read;

use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

use super::google_timeline_android::Num;
use super::gpx::contains;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::fast::Cursor;
use crate::ingest::json::for_each_element_fast;
use crate::model::location::{Fix, LatLng, LocationSink, ACTIVITY_TYPES};
use crate::model::time::{parse_iso, parse_iso_bytes, Millis};

pub struct GoogleRecords;

#[derive(Deserialize, Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Record {
    #[serde(rename = "latitudeE7")]
    lat: Option<i64>,
    #[serde(rename = "longitudeE7")]
    lng: Option<i64>,
    timestamp: Option<Stamp<false>>,
    #[serde(rename = "timestampMs")]
    timestamp_ms: Option<Stamp<true>>,
    source: Option<Label>,
    #[serde(rename = "deviceTag", default)]
    device_tag: Tag,
    #[serde(rename = "platformType", default)]
    platform: Word,
    #[serde(rename = "formFactor", default)]
    form_factor: Word,
    #[serde(default)]
    activity: Guesses,
}

/// A time as written, read without keeping the text: `timestamp` in ISO 8601, or (`MS`)
/// `timestampMs`, epoch milliseconds as a string. A value that is not a string is an error, as
/// for a `String`.
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Stamp<const MS: bool>(Option<Millis>);

impl<const MS: bool> Stamp<MS> {
    fn new(text: &str) -> Self {
        Stamp(if MS {
            text.trim().parse().ok()
        } else {
            parse_iso(text)
        })
    }
}

impl<const MS: bool> Stamp<MS> {
    /// [`Stamp::new`] of a plain string's bytes (printable ASCII).
    fn from_bytes(text: &[u8]) -> Self {
        if MS {
            std::str::from_utf8(text).map_or(Stamp(None), Stamp::new)
        } else {
            Stamp(parse_iso_bytes(text))
        }
    }
}

impl<'de, const MS: bool> Deserialize<'de> for Stamp<MS> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_string(deserializer, Stamp::new)
    }
}

/// Reads a string (and only a string, as for a `String`) through `make`, without keeping it.
fn from_string<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    make: fn(&str) -> T,
) -> Result<T, D::Error> {
    struct V<T>(fn(&str) -> T);
    impl<T> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok((self.0)(v))
        }
    }
    deserializer.deserialize_str(V(make))
}

/// How a position was found (`source`), without allocating for the usual words; a value that is
/// not a string is an error, as for a `String`.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Label(Cow<'static, str>);

/// The sources Google writes, in the cases seen in exports.
const LABELS: [&str; 8] = [
    "WIFI", "GPS", "CELL", "UNKNOWN", "wifi", "gps", "cell", "unknown",
];

impl Label {
    fn new(text: &str) -> Self {
        Label(match LABELS.iter().find(|l| **l == text) {
            Some(known) => Cow::Borrowed(known),
            None => Cow::Owned(text.to_owned()),
        })
    }
}

impl Label {
    /// [`Label::new`] of a plain string's bytes (printable ASCII, so UTF-8).
    fn from_bytes(text: &[u8]) -> Self {
        match LABELS.iter().find(|l| l.as_bytes() == text) {
            Some(known) => Label(Cow::Borrowed(known)),
            None => Label::new(&String::from_utf8_lossy(text)),
        }
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_string(deserializer, Label::new)
    }
}

/// A device tag: an integer, or a string holding one; anything else is absent.
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Tag(Option<i64>);

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Tag;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a device tag")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tag, E> {
                Ok(Tag(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tag, E> {
                Ok(Tag(i64::try_from(v).ok()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tag, E> {
                Ok(Tag(v.trim().parse().ok()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Tag, E> {
                Ok(Tag(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Tag, E> {
                Ok(Tag(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Tag, E> {
                Ok(Tag(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The words `platformType` and `formFactor` take, kept without allocating; any other is `OTHER`.
const WORDS: [&str; 6] = ["ANDROID", "IOS", "PHONE", "TABLET", "UNKNOWN", "OTHER"];

/// A platform or form factor, one of [`WORDS`].
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Word(Option<&'static str>);

impl Word {
    fn new(text: &str) -> Self {
        let text = text.trim();
        Word(Some(
            WORDS
                .iter()
                .copied()
                .find(|w| w.eq_ignore_ascii_case(text))
                .unwrap_or("OTHER"),
        ))
    }
}

impl Word {
    /// [`Word::new`] of a plain string's bytes (printable ASCII, whose only white space is ` `).
    fn from_bytes(text: &[u8]) -> Self {
        let text = text.trim_ascii();
        Word(Some(
            WORDS
                .iter()
                .copied()
                .find(|w| w.as_bytes().eq_ignore_ascii_case(text))
                .unwrap_or("OTHER"),
        ))
    }
}

/// A text, borrowed from the file when it holds no escapes; any other value is absent.
struct Str<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Str(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Str(Some(Cow::Owned(v.to_owned()))))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Str<'a>, E> {
                Ok(Str(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Str<'a>, E> {
                Ok(Str(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Str<'a>, E> {
                Ok(Str(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Str<'a>, E> {
                Ok(Str(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Str<'a>, E> {
                Ok(Str(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Str<'a>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Str(None))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Str<'a>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Str(None))
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for Word {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Str::deserialize(deserializer)?
            .0
            .map_or(Word(None), |t| Word::new(&t)))
    }
}

/// An activity type: one of [`ACTIVITY_TYPES`] by its index, or another, as written.
enum Kind {
    Known(usize),
    Other(String),
}

/// The top guess of each entry of a record's `activity`, counted by type: no allocation but for a
/// type Google does not document.
#[derive(Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Guesses {
    known: [u32; ACTIVITY_TYPES.len()],
    /// Whether any of `known` is counted (most records have no activity: nothing to go through).
    any_known: bool,
    other: Vec<String>,
}

impl Guesses {
    /// One more top guess of the type of `index` in [`ACTIVITY_TYPES`].
    fn count(&mut self, index: usize) {
        if let Some(n) = self.known.get_mut(index) {
            *n = n.saturating_add(1);
            self.any_known = true;
        }
    }
}

/// One guess of an entry, its type borrowed from the file when it has no escapes.
#[derive(Deserialize)]
struct Guess<'a> {
    #[serde(rename = "type", borrow)]
    kind: Option<Str<'a>>,
    #[serde(default)]
    confidence: Num,
}

/// The type of highest confidence among an entry's guesses.
struct Top(Option<Kind>);

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Top;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of activity guesses")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                let mut best: Option<(Cow<'de, str>, f64)> = None;
                while let Some(guess) = seq.next_element::<Guess<'de>>()? {
                    let Some(kind) = guess
                        .kind
                        .and_then(|k| k.0)
                        .filter(|k| !k.trim().is_empty())
                    else {
                        continue;
                    };
                    let confidence = guess.confidence.0.unwrap_or(0.0);
                    if best.as_ref().is_none_or(|(_, c)| confidence > *c) {
                        best = Some((kind, confidence));
                    }
                }
                Ok(Top(best.map(|(kind, _)| {
                    let kind = kind.trim();
                    match ACTIVITY_TYPES
                        .iter()
                        .position(|t| t.eq_ignore_ascii_case(kind))
                    {
                        Some(index) => Kind::Known(index),
                        None => Kind::Other(kind.to_owned()),
                    }
                })))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Top, E> {
                Ok(Top(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// One entry of `activity`: an instant and its guesses (the instant is not needed).
#[derive(Deserialize)]
struct Entry {
    activity: Option<Top>,
}

impl<'de> Deserialize<'de> for Guesses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Guesses;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of activity entries")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Guesses, A::Error> {
                let mut guesses = Guesses::default();
                while let Some(entry) = seq.next_element::<Entry>()? {
                    match entry.activity.and_then(|t| t.0) {
                        Some(Kind::Known(index)) => guesses.count(index),
                        Some(Kind::Other(kind)) => guesses.other.push(kind),
                        None => {}
                    }
                }
                Ok(guesses)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Guesses, E> {
                Ok(Guesses::default())
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Guesses, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Guesses::default())
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The keys [`Record::fast`] knows, in the order Google writes them, matched straight against
/// the bytes (see [`Cursor::fields`]); those of [`PASSED`] are passed over.
const RECORD_KEYS: [&[u8]; 15] = [
    b"latitudeE7",
    b"longitudeE7",
    b"accuracy",
    b"velocity",
    b"heading",
    b"altitude",
    b"verticalAccuracy",
    b"activity",
    b"activeWifiScan",
    b"source",
    b"deviceTag",
    b"platformType",
    b"formFactor",
    b"timestamp",
    b"timestampMs",
];

/// The bits of [`RECORD_KEYS`] that are passed over, not read.
const PASSED: u32 = 0b1_0111_1100;

impl Guesses {
    /// `activity` read straight from the bytes when it has the usual shape (see
    /// [`Guesses::fast`]), by `serde_json` from its start otherwise.
    fn fast_or_serde(c: &mut Cursor) -> Option<Guesses> {
        let start = c.mark();
        Guesses::fast(c).or_else(|| {
            c.back_to(start);
            c.value()
        })
    }

    /// `activity` as [`Guesses`]'s reader reads it, when it is `null` or a list of entries
    /// (objects, `activity` once) whose `activity` is `null` or a list of guesses (objects,
    /// `type` once, a plain string or `null`, `confidence` once, an integer or `null`), the
    /// other keys passed over; `None` for anything else.
    fn fast(c: &mut Cursor) -> Option<Guesses> {
        let mut guesses = Guesses::default();
        if c.null() {
            return Some(guesses);
        }
        c.array(|c| {
            let mut top = None;
            let mut seen = false;
            c.fields(&[b"activity", b"timestamp"], |index, c| {
                if index != Some(0) {
                    return c.skip();
                }
                if std::mem::replace(&mut seen, true) {
                    return None;
                }
                top = Top::fast(c)?;
                Some(())
            })?;
            match top {
                Some(Kind::Known(index)) => guesses.count(index),
                Some(Kind::Other(kind)) => guesses.other.push(kind),
                None => {}
            }
            Some(())
        })?;
        Some(guesses)
    }
}

impl Top {
    /// An entry's guesses as [`Top`]'s reader reads them (see [`Guesses::fast`]): `Some(None)`
    /// when there is no guess with a type.
    // As `Num` reads an integer; the outer `None` gives up.
    #[allow(clippy::cast_precision_loss, clippy::option_option)]
    fn fast(c: &mut Cursor) -> Option<Option<Kind>> {
        if c.null() {
            return Some(None);
        }
        let mut best: Option<(&[u8], f64)> = None;
        c.array(|c| {
            let (mut kind, mut confidence) = (None, None);
            let mut seen = 0_u8;
            c.fields(&[b"type", b"confidence"], |index, c| {
                let Some(index) = index else {
                    return c.skip();
                };
                let bit = 1 << index;
                if seen & bit != 0 {
                    return None;
                }
                seen |= bit;
                if index == 0 {
                    kind = c.bytes_text()?;
                } else {
                    confidence = c.int()?;
                }
                Some(())
            })?;
            // Printable ASCII: its only white space is ` `.
            let Some(kind) = kind.filter(|k| !k.trim_ascii().is_empty()) else {
                return Some(());
            };
            let confidence = confidence.map_or(0.0, |c| c as f64);
            if best.is_none_or(|(_, c)| confidence > c) {
                best = Some((kind, confidence));
            }
            Some(())
        })?;
        let Some((kind, _)) = best else {
            return Some(None);
        };
        let kind = kind.trim_ascii();
        Some(Some(
            match ACTIVITY_TYPES
                .iter()
                .position(|t| t.as_bytes().eq_ignore_ascii_case(kind))
            {
                Some(index) => Kind::Known(index),
                None => Kind::Other(std::str::from_utf8(kind).ok()?.to_owned()),
            },
        ))
    }
}

impl Record {
    fn time(&self) -> Option<Millis> {
        match (self.timestamp, self.timestamp_ms) {
            (Some(iso), _) => iso.0,
            (None, Some(ms)) => ms.0,
            (None, None) => None,
        }
    }

    /// Reads a record of the usual shape straight from its bytes (see [`crate::ingest::fast`]):
    /// the record, its length and the `\n` in it, or `None` to leave it to `serde_json`.
    // Kept out of the reader's loop (one call per file), so that the browser optimises it on its
    // own while a file is read (see `worker::runtime::warm_up`) and can inline calls into the
    // loop, which would otherwise be too large for that. `wasm-opt -Oz` ignores
    // `#[inline(never)]`: `index.html` names this function and `hand_over` to keep them apart
    // (`--no-inline=*google_records*Record*fast*`): renaming either means changing it there.
    #[inline(never)]
    fn fast(bytes: &[u8]) -> Option<(Record, usize, usize)> {
        let mut record = Record::default();
        // Keys already seen: `serde_json` refuses a repeated field (of those it reads).
        let mut seen = 0_u32;
        let mut cursor = Cursor::new(bytes);
        cursor.fields(&RECORD_KEYS, |index, c| {
            // Written without `Option`'s combinators, which a build for size leaves as calls.
            let bit = match index {
                Some(i) => 1_u32 << i,
                None => return c.skip(),
            };
            if bit & PASSED != 0 {
                return c.skip();
            }
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            match index {
                Some(0) => record.lat = c.int()?,
                Some(1) => record.lng = c.int()?,
                Some(7) => record.activity = Guesses::fast_or_serde(c)?,
                Some(9) => record.source = c.bytes_text()?.map(Label::from_bytes),
                Some(10) => record.device_tag = Tag(c.int()?),
                Some(11) => record.platform = c.bytes_text()?.map_or(Word(None), Word::from_bytes),
                Some(12) => {
                    record.form_factor = c.bytes_text()?.map_or(Word(None), Word::from_bytes);
                }
                Some(13) => record.timestamp = c.bytes_text()?.map(Stamp::from_bytes),
                Some(14) => record.timestamp_ms = c.bytes_text()?.map(Stamp::from_bytes),
                // Not reached: the others are passed over above.
                _ => return None,
            }
            Some(())
        })?;
        Some((record, cursor.pos(), cursor.lines()))
    }

    /// Kept out of the reader's loop, as [`Record::fast`] (named in `index.html` too).
    #[inline(never)]
    fn hand_over(&self, out: &mut dyn LocationSink) {
        let at = self
            .lat
            .zip(self.lng)
            .and_then(|(lat, lng)| LatLng::from_e7(lat, lng));
        if let (Some(at), Some(time)) = (at, self.time()) {
            out.fix(Fix { time, at }, self.source.as_ref().map_or("", |s| &s.0));
            if let Some(tag) = self.device_tag.0 {
                out.fix_device(tag, self.platform.0, self.form_factor.0);
            }
        } else {
            out.skipped();
        }
        if self.activity.any_known {
            for (kind, n) in ACTIVITY_TYPES.iter().zip(self.activity.known) {
                for _ in 0..n {
                    out.activity_guess(kind);
                }
            }
        }
        for kind in &self.activity.other {
            out.activity_guess(kind);
        }
    }
}

impl Source for GoogleRecords {
    fn id(&self) -> &'static str {
        "google.records"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google, historique des positions (Records.json)",
            Lang::En => "Google Location History (Records.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let has = |needle: &[u8]| contains(head, needle);
        let fields = has(b"\"latitudeE7\"") || has(b"\"timestampMs\"");
        (has(b"\"locations\"") && fields && !has(b"\"timelineObjects\"")).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let result =
            for_each_element_fast::<Record>(reader, &["locations"], Record::fast, &mut |r| {
                r.hand_over(out);
            });
        match result {
            Ok(_) => None,
            Err(e) => Some(e.kind()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::collect;

    /// The records of two generated files (activity lists, Wi-Fi scans, both times), each
    /// pretty-printed and followed by `,\n` as in a file.
    fn generated_records() -> Vec<String> {
        let mut generated = Vec::new();
        for legacy_ms in [false, true] {
            let spec = crate::synth::RecordsSpec {
                seed: 3,
                target_bytes: 200_000,
                legacy_ms,
            };
            let mut file = Vec::new();
            crate::synth::write_records(spec, &mut file).unwrap();
            let doc: serde_json::Value = serde_json::from_slice(&file).unwrap();
            for record in doc["locations"].as_array().unwrap() {
                generated.push(serde_json::to_string_pretty(record).unwrap() + ",\n");
            }
        }
        generated
    }

    /// The activity of usual records is read by the fast reader too, as `serde_json` reads it.
    #[test]
    fn the_fast_reader_reads_usual_activity_itself() {
        let generated = generated_records();
        let mut activities = 0;
        for text in &generated {
            let record: serde_json::Value =
                serde_json::from_str(text.trim_end_matches([',', '\n'])).unwrap();
            let Some(activity) = record.get("activity") else {
                continue;
            };
            let json = serde_json::to_string_pretty(activity).unwrap() + ",";
            let fast = Guesses::fast(&mut Cursor::new(json.as_bytes()));
            assert_eq!(
                fast,
                serde_json::from_value::<Guesses>(activity.clone()).ok(),
                "{json}"
            );
            activities += 1;
        }
        assert!(activities > 50, "{activities}");
    }

    /// The fast reader and `serde_json` agree on every record the fast reader accepts, and it
    /// accepts the usual ones (or the speed-up would be lost without any test failing).
    #[test]
    fn the_fast_reader_accepts_only_what_serde_json_reads_the_same() {
        let serde = |bytes: &[u8]| {
            let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<Record>();
            let value = values.next().and_then(Result::ok);
            let len = values.byte_offset();
            let lines = memchr::memchr_iter(b'\n', &bytes[..len]).count();
            value.map(|v| (v, len, lines))
        };
        // Usual records, as a generated file has them.
        let generated = generated_records();
        let usual = generated.len();
        assert!(usual > 300);
        let odd = [
            r#"{"latitudeE7": null, "longitudeE7": 23, "timestamp": null, "source": null},"#,
            r#"{"latitudeE7": 1, "longitudeE7": 2, "timestampMs": "1571000000000", "deviceTag": "-5"},"#,
            r#"{"latitudeE7": 1, "longitudeE7": 2, "timestampMs": 1571000000000},"#,
            r#"{"latitudeE7": 1.5, "longitudeE7": 2, "timestamp": "2020-01-01T00:00:00Z"},"#,
            r#"{"latitudeE7": 01, "longitudeE7": 2},"#,
            r#"{"latitudeE7": 1, "latitudeE7": 2},"#,
            r#"{"source": "W\u0049FI", "latitudeE7": 1},"#,
            r#"{"source": "wifi", "platformType": "ios", "formFactor": " tablet ", "deviceTag": 1e3},"#,
            r#"{"platformType": 7, "formFactor": null, "deviceTag": true},"#,
            r#"{"activity": null, "activeWifiScan": {"accessPoints": [{"mac": "1", "strength": -80}]}},"#,
            r#"{"activity": {"not": "a list"}},"#,
            r#"{"activity": [{"timestamp": "x", "activity": [{"type": "WALKING", "confidence": 80}, {"type": "STILL", "confidence": 90}]}]},"#,
            r#"{"timestamp": "2020-01-01T00:00:00+0100", "velocity": 3, "heading": 90, "altitude": -12.5},"#,
            r#"{"timestamp": "caf\u00e9"},"#,
            "{\"timestamp\": \"caf\u{e9}\"},",
            r#"{"latitudeE7": 99999999999999999999},"#,
            r#"{"latitudeE7": -0, "longitudeE7": 0},"#,
            r#"{"a": [1, 2,], "latitudeE7": 1},"#,
            r#"{"latitudeE7": 1 "longitudeE7": 2},"#,
            r#"{"latitudeE7": 1,},"#,
            "{},",
            "{ } ,",
            "[1],",
            "null,",
            r#"{"latitudeE7": 4850000000, "longitudeE7": -3300000000, "timestamp": "2019-13-01T00:00:00Z"},"#,
            // Keys in another order, repeated, or near a known one.
            r#"{"timestamp": "2020-01-01T00:00:00.5Z", "source": "GPS", "longitudeE7": 2, "latitudeE7": 1, "accuracy": 3, "accuracy": 4},"#,
            r#"{"timestampMs": "1571000000000", "timestamp": "2020-01-01T00:00:00Z", "timestampM": 1, "latitudeE": 2},"#,
            r#"{"source": "GPS", "source": "WIFI"},"#,
            r#"{"activity": [], "activity": []},"#,
            r#"{"source": "Bluetooth", "platformType": " ios ", "formFactor": "watch", "deviceTag": null},"#,
            r#"{"source": "", "platformType": "", "formFactor": " "},"#,
            r#"{"timestamp": " 2020-01-01T00:00:00Z"},"#,
            r#"{"timestamp": "2020-01-01 00:00:00+01:00"},"#,
            r#"{"timestampMs": " 1571000000000 "},"#,
            r#"{"verticalAccuracy": true, "heading": false, "velocity": [null], "altitude": {"a": "b"}},"#,
            r#"{"activeWifiScan": {"accessPoints": [{"mac": "1", "strength": -80.5}]}, "latitudeE7": 1},"#,
            r#"{"activeWifiScan": {"accessPoints": [{"mac": "café"}]}},"#,
            r#"{"activeWifiScan": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},"#,
            r#"{"activeWifiScan": {"a": [1, 2,]}},"#,
            r#"{"activeWifiScan": tru},"#,
            // Activity: ties, types unknown, blank or absent, confidences absent, null or odd,
            // entries without guesses, repeated keys, other shapes.
            r#"{"activity": [{"activity": [{"type": "WALKING", "confidence": 80}, {"type": "STILL", "confidence": 80}], "timestamp": "x"}]},"#,
            r#"{"activity": [{"activity": [{"type": "walking"}, {"type": " TILTING ", "confidence": 0}]}]},"#,
            r#"{"activity": [{"activity": [{"type": "HOVERING", "confidence": -5}, {"type": "", "confidence": 90}, {"type": "  ", "confidence": 95}]}]},"#,
            r#"{"activity": [{"activity": [{"type": null, "confidence": 90}, {"confidence": 95}, {"type": "ON_FOOT", "confidence": null}]}]},"#,
            r#"{"activity": [{"activity": null}, {"timestamp": "x"}, {"activity": []}, {}]},"#,
            r#"{"activity": null},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 50, "extra": [1, {"a": 2}]}], "extra": true}]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 50.5}]}]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": "50"}]}]},"#,
            r#"{"activity": [{"activity": [{"type": 7, "confidence": 50}]}]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "type": "WALKING"}]}]},"#,
            r#"{"activity": [{"activity": [{"confidence": 1, "confidence": 2}]}]},"#,
            r#"{"activity": [{"activity": [], "activity": []}]},"#,
            r#"{"activity": [{"activity": {"type": "STILL"}}]},"#,
            r#"{"activity": [[{"type": "STILL"}]]},"#,
            r#"{"activity": [null]},"#,
            r#"{"activity": "STILL"},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 50}]}]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 50},]}]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 50}]},]},"#,
            r#"{"activity": [{"activity": [{"type": "STILL", "confidence": 9999999999999999999}]}]},"#,
            // Lines where the separators change, in values passed over, in an activity read
            // again by serde_json, and with `\r\n`.
            "{\n  \"latitudeE7\": 1,\n  \"longitudeE7\": 2,\n\n  \"accuracy\":\n 3\n,\"source\": \"GPS\"\n}\n,",
            "{\"activeWifiScan\": {\n \"accessPoints\": [\n {\"mac\": \"a\\u0062\",\n \"strength\": -1.5\n }\n ]\n},\n \"latitudeE7\": 1}\n,",
            "{\"activity\": [\n {\"activity\": [\n {\"type\": \"STILL\", \"confidence\": 1.5\n }\n ]\n }\n ],\n \"latitudeE7\": 1}\n,",
            "{\"activity\": [\n {\"activity\": [\n {\"type\": \"STILL\",\n \"confidence\": 10\n }\n ]\n }\n ],\n \"x\": [\n [\n 1,\n\n 2\n ]\n ]\n}\n,",
            "{\r\n  \"latitudeE7\": 1,\r\n  \"longitudeE7\": 2\r\n}\r\n,",
        ];
        let (mut accepted, mut odd_lines) = (0, 0);
        for (i, text) in generated.iter().map(String::as_str).chain(odd).enumerate() {
            let bytes = text.as_bytes();
            let Some(fast) = Record::fast(bytes) else {
                continue;
            };
            accepted += usize::from(i < usual);
            odd_lines += usize::from(i >= usual && text.contains('\n'));
            assert_eq!(Some(&fast), serde(bytes).as_ref(), "{text}");
        }
        assert_eq!(
            accepted, usual,
            "every usual record is read by the fast reader"
        );
        assert_eq!(
            odd_lines, 5,
            "the odd records with lines are read by the fast reader"
        );
    }

    #[test]
    fn both_timestamp_forms_sources_and_the_overflow_quirk() {
        let (out, error) = collect(
            &GoogleRecords,
            br#"{"locations": [
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "source": "WIFI", "timestamp": "2022-09-21T11:52:59.995Z"},
              {"latitudeE7": 4294967295, "longitudeE7": -1000000, "source": "gps", "timestampMs": "1500000000000", "activity": [{"x": 1}]},
              {"latitudeE7": 10, "timestamp": "2022-01-01T00:00:00Z"},
              {"latitudeE7": 451000000, "longitudeE7": 51000000, "timestamp": "not a time"}
            ]}"#,
        );
        assert_eq!(error, None);
        assert_eq!(out.skipped, 2);
        let fixes: Vec<(i64, i32, i32, &str)> = out
            .fixes
            .iter()
            .map(|(f, s)| (f.time, f.at.lat_e7, f.at.lng_e7, s.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [
                (1_663_761_179_995, 485_000_000, 23_000_000, "WIFI"),
                (1_500_000_000_000, -1, -1_000_000, "gps"),
            ]
        );
    }

    #[test]
    fn the_top_guess_of_each_activity_entry_is_counted_without_the_others() {
        let (out, error) = collect(
            &GoogleRecords,
            br#"{"locations": [
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z",
               "deviceTag": -123, "platformType": "ANDROID", "formFactor": "phone",
               "activity": [
                 {"timestamp": "2022-09-21T11:52:58Z", "activity": [{"type": "IN_VEHICLE", "confidence": 61}, {"type": "STILL", "confidence": 30}, {"type": "ON_FOOT", "confidence": 9}]},
                 {"timestamp": "2022-09-21T11:53:58Z", "activity": [{"type": "still", "confidence": "80"}, {"type": "TILTING", "confidence": 80}]},
                 {"timestamp": "2022-09-21T11:54:58Z", "activity": [{"type": "HOVERING", "confidence": 100}, {"confidence": 100}]},
                 {"timestamp": "2022-09-21T11:55:58Z", "activity": []},
                 {"timestamp": "2022-09-21T11:56:58Z"}
               ]},
              {"timestamp": "not a time", "deviceTag": "7", "activity": [{"activity": [{"type": "ON_BICYCLE", "confidence": 5}]}]},
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T12:00:00Z",
               "deviceTag": "18446744073709551615", "platformType": "WINDOWS", "activity": null},
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T12:01:00Z",
               "deviceTag": 9, "platformType": "IOS"}
            ]}"#,
        );
        assert_eq!(error, None);
        // The highest confidence of each entry, the first on a tie; an unknown type as written,
        // a guess with no type left out; the guesses of a record with no position count too.
        assert_eq!(
            out.guesses,
            ["STILL", "IN_VEHICLE", "HOVERING", "ON_BICYCLE"]
        );
        // Devices of the fixes only; a tag past i64 is no tag; unknown platforms are `OTHER`.
        assert_eq!(
            out.fix_devices,
            [
                (-123, Some("ANDROID".into()), Some("PHONE".into())),
                (9, Some("IOS".into()), None),
            ]
        );
        assert_eq!(out.skipped, 1);
        let (out, _) = collect(
            &GoogleRecords,
            br#"{"locations": [{"latitudeE7": 1, "longitudeE7": 1, "timestamp": "2022-01-01T00:00:00Z", "deviceTag": 3, "platformType": "windows"}]}"#,
        );
        assert_eq!(out.fix_devices, [(3, Some("OTHER".into()), None)]);
    }

    #[test]
    fn the_real_sample_names_one_device_and_no_activity() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/google/Records.json");
        let (out, error) = collect(&GoogleRecords, &std::fs::read(path).unwrap());
        assert_eq!(error, None);
        // python3 -c "import json; d=json.load(open('../shared/samples/google/Records.json'));
        // print([(l.get('deviceTag'), l.get('platformType'), l.get('formFactor'))
        // for l in d['locations'] if 'deviceTag' in l], sum(len(l.get('activity', [])) for l in d['locations']))"
        // prints [(1184882232, None, None)] 0
        assert_eq!(out.fix_devices, [(1_184_882_232, None, None)]);
        assert!(out.guesses.is_empty());
    }

    #[test]
    fn a_cut_off_file_keeps_what_was_read_and_says_so() {
        let (out, error) = collect(
            &GoogleRecords,
            br#"{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}, {"latitudeE7": 48"#,
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.fixes.len(), 1);
        let (_, error) = collect(&GoogleRecords, br#"{"locations": "nope"}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn a_record_too_large_to_be_one_is_refused_after_the_ones_before_it() {
        let (out, error) = collect(&GoogleRecords, format!(
            r#"{{"locations": [{{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}}, {{"source": "{}"}}]}}"#,
            "W".repeat(crate::ingest::json::MAX_ELEMENT)
        ).as_bytes());
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::TooLarge)));
    }

    #[test]
    fn detection_is_by_content_not_by_name() {
        let head = br#"{
  "locations": [{
    "latitudeE7": 1"#;
        assert!(GoogleRecords
            .detect("Takeout/Historique des positions/Records.json", head)
            .is_some());
        assert!(GoogleRecords.detect("anything.json", head).is_some());
        assert!(GoogleRecords.detect("Records.json", br#"{"timelineObjects": [{"placeVisit": {"location": {"latitudeE7": 1}}}], "locations": 1}"#).is_none());
        assert!(GoogleRecords.detect("Records.json", b"[]").is_none());
    }
}
