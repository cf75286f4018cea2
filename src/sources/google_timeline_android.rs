//! Google Timeline exported from an Android phone (2024+): `Timeline.json`.
//!
//! Where from: since Google moved Timeline onto the phone (announced December 2023, cloud history
//! switched off through 2024–2025), Takeout no longer holds it. The person exports it from the
//! phone: Settings › Location › Location services › Timeline › "Export Timeline data". The file is
//! usually named `Timeline.json`, but any name is possible, so detection reads the content.
//!
//! Shape: one object with up to three top-level keys, in any order, each optional:
//! - `semanticSegments[]`: `{startTime, endTime, …}` (ISO 8601 with the **local** offset,
//!   `2024-11-15T09:30:00.000-08:00`) plus one of `visit{topCandidate{placeId, semanticType,
//!   placeLocation{latLng}}}`, `activity{start{latLng}, end{latLng}, distanceMeters,
//!   topCandidate{type}}`, `timelinePath[{point, time}]` or `timelineMemory{…}` (no coordinates);
//! - `rawSignals[]`: `position{LatLng, timestamp, source, …}` (capital `L`), `activityRecord`,
//!   `wifiScan`;
//! - `userLocationProfile{frequentPlaces[{placeId, placeLocation, label}],
//!   persona{travelModeAffinities[{mode, affinity}]}}`.
//!
//! Coordinates are strings: `"48.8566°, 2.3522°"`, sometimes without the degree signs. Files run
//! from 1 to 200 MB, so each of the three values is streamed element by element: memory holds one
//! segment (with its `timelinePath`) at a time.
//!
//! Handed over: a visit becomes a [`Visit`] (and a [`ServicePlace`] when Google labelled it home or
//! work), plus a fix at its place at arrival and at departure (source `VISIT`) so that a history of
//! stays is also a history of positions; an activity becomes a [`Move`]; each `timelinePath` point
//! a fix (source `TIMELINE_PATH`); each raw position a fix (source as written, `WIFI`, `GPS`…);
//! frequent places become [`ServicePlace`]s and travel-mode affinities go to
//! [`LocationSink::affinity`]. `timelineMemory`, `activityRecord` and `wifiScan` hold no position
//! and are passed over.
//!
//! The segment types here also read the iOS export (`google_timeline_ios`), which writes the same
//! segments with every number as a string, `geo:` coordinates and `placeID`.

use std::fmt;
use std::io::Read;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::{Deserialize, Deserializer};

use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{json_start, Each, JsonError};
use crate::model::location::{
    Fix, LatLng, LocationSink, Mode, Move, PlaceLabel, ServicePlace, Visit,
};
use crate::model::time::{parse_iso, Millis};

pub struct GoogleTimelineAndroid;

// ---------------------------------------------------------------------------------------------
// Lenient leaves: a value of an unexpected type reads as "absent" instead of failing the file.
// ---------------------------------------------------------------------------------------------

/// Consumes a sequence or a map without building it.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A text value; numbers are written out, anything else is absent.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Text(pub Option<String>);

impl Text {
    fn iso(&self) -> Option<Millis> {
        self.0.as_deref().and_then(parse_iso)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text, A::Error> {
                drain_seq(seq).map(|()| Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
                drain_map(map).map(|()| Text(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A number, written as a number or as a string (`"908.83"`); finite, or absent.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct Num(pub Option<f64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
                Ok(Num(v.is_finite().then_some(v)))
            }
            #[allow(clippy::cast_precision_loss)] // metres and minutes: far below 2^52
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(Some(v as f64)))
            }
            #[allow(clippy::cast_precision_loss)] // metres and minutes: far below 2^52
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Some(v as f64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
                Ok(Num(v.trim().parse::<f64>().ok().filter(|v| v.is_finite())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Num, A::Error> {
                drain_seq(seq).map(|()| Num(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Num, A::Error> {
                drain_map(map).map(|()| Num(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A position in any form the Timeline exports write: `"48.8566°, 2.3522°"`, `"48.8566, 2.3522"`,
/// `"geo:48.8566,2.3522"`, or an object holding one of those under `latLng` / `LatLng` / `point`
/// (`placeLocation{latLng}`, `start{latLng}`). Out of range, `0, 0` or unreadable: absent.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct Coord(pub Option<LatLng>);

impl<'de> Deserialize<'de> for Coord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Coord;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a position")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Coord, E> {
                Ok(Coord(LatLng::parse(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Coord, A::Error> {
                let mut found = Coord(None);
                while let Some(key) = map.next_key::<String>()? {
                    if found.0.is_none() && matches!(key.as_str(), "latLng" | "LatLng" | "point") {
                        found = map.next_value()?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(found)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Coord, E> {
                Ok(Coord(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Coord, E> {
                Ok(Coord(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Coord, E> {
                Ok(Coord(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Coord, E> {
                Ok(Coord(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Coord, E> {
                Ok(Coord(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Coord, A::Error> {
                drain_seq(seq).map(|()| Coord(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------------------------
// Segments, shared with the iOS export.
// ---------------------------------------------------------------------------------------------

/// One entry of `semanticSegments` (Android) or of the top-level array (iOS).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub(super) struct Segment {
    start_time: Text,
    end_time: Text,
    visit: Option<SegmentVisit>,
    activity: Option<Activity>,
    timeline_path: Option<Vec<PathPoint>>,
    timeline_memory: Option<IgnoredAny>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SegmentVisit {
    top_candidate: Option<Candidate>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Candidate {
    /// `placeId` on Android, `placeID` on iOS.
    #[serde(alias = "placeID")]
    place_id: Text,
    semantic_type: Text,
    place_location: Coord,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Activity {
    start: Coord,
    end: Coord,
    distance_meters: Num,
    top_candidate: Option<ActivityCandidate>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ActivityCandidate {
    r#type: Text,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct PathPoint {
    point: Coord,
    /// Android: the instant.
    time: Text,
    /// iOS: minutes after the segment's start.
    duration_minutes_offset_from_start_time: Num,
}

/// Whether a label is one a service place is made of (home or work, set or guessed).
fn is_service_label(label: PlaceLabel) -> bool {
    matches!(
        label,
        PlaceLabel::Home | PlaceLabel::Work | PlaceLabel::InferredHome | PlaceLabel::InferredWork
    )
}

/// `start` plus `minutes`, when both make sense.
fn after_minutes(start: Option<Millis>, minutes: Option<f64>) -> Option<Millis> {
    let minutes = minutes.filter(|m| m.abs() < 1e9)?;
    #[allow(clippy::cast_possible_truncation)] // |minutes| < 1e9: at most 6e13 ms
    let offset = (minutes * 60_000.0).round() as i64;
    start?.checked_add(offset)
}

impl Segment {
    pub(super) fn hand_over(&self, out: &mut dyn LocationSink) {
        let start = self.start_time.iso();
        let end = self.end_time.iso();
        let mut used = false;
        if let Some(visit) = &self.visit {
            used = true;
            hand_visit(visit, start, end, out);
        }
        if let Some(activity) = &self.activity {
            used = true;
            match start {
                Some(start) => {
                    let mode = activity
                        .top_candidate
                        .as_ref()
                        .and_then(|c| c.r#type.0.as_deref())
                        .map_or(Mode::Unknown, Mode::parse);
                    out.movement(&Move {
                        start,
                        end: end.unwrap_or(start),
                        from: activity.start.0,
                        to: activity.end.0,
                        distance_m: activity.distance_meters.0.filter(|d| *d >= 0.0),
                        mode,
                    });
                }
                None => out.skipped(),
            }
        }
        if let Some(path) = &self.timeline_path {
            used = true;
            for point in path {
                let time = point.time.iso().or_else(|| {
                    after_minutes(start, point.duration_minutes_offset_from_start_time.0)
                });
                match (point.point.0, time) {
                    (Some(at), Some(time)) => out.fix(Fix { time, at }, "TIMELINE_PATH"),
                    _ => out.skipped(),
                }
            }
        }
        // A trip summary holds no position: it is no record to read, and none skipped either.
        if !used && self.timeline_memory.is_none() {
            out.skipped();
        }
    }
}

fn hand_visit(
    visit: &SegmentVisit,
    start: Option<Millis>,
    end: Option<Millis>,
    out: &mut dyn LocationSink,
) {
    let Some(start) = start else {
        out.skipped();
        return;
    };
    let end = end.unwrap_or(start);
    let candidate = visit.top_candidate.as_ref();
    let at = candidate.and_then(|c| c.place_location.0);
    let place_id = candidate.and_then(|c| c.place_id.0.clone());
    let label = candidate
        .and_then(|c| c.semantic_type.0.as_deref())
        .map(PlaceLabel::parse);
    out.visit(&Visit {
        start,
        end,
        at,
        place_id: place_id.clone(),
        name: None,
        label,
    });
    if let Some(label) = label.filter(|l| is_service_label(*l)) {
        out.service_place(&ServicePlace {
            label,
            at,
            place_id,
        });
    }
    if let Some(at) = at {
        out.fix(Fix { time: start, at }, "VISIT");
        if end != start {
            out.fix(Fix { time: end, at }, "VISIT");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Android-only parts: raw signals and the location profile.
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawSignal {
    position: Option<Position>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Position {
    #[serde(rename = "LatLng", alias = "latLng", alias = "point")]
    lat_lng: Coord,
    timestamp: Text,
    source: Text,
}

impl RawSignal {
    fn hand_over(&self, out: &mut dyn LocationSink) {
        // `activityRecord` and `wifiScan` signals hold no position.
        let Some(position) = &self.position else {
            return;
        };
        match (position.lat_lng.0, position.timestamp.iso()) {
            (Some(at), Some(time)) => {
                out.fix(Fix { time, at }, position.source.0.as_deref().unwrap_or(""));
            }
            _ => out.skipped(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct FrequentPlace {
    place_id: Text,
    place_location: Coord,
    label: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Affinity {
    mode: Text,
    affinity: Num,
}

// ---------------------------------------------------------------------------------------------
// Streaming: arrays element by element, objects key by key.
// ---------------------------------------------------------------------------------------------

/// The keys of an object a reader cares about; the others are skipped without being built.
trait Fields {
    /// Reads the value of `key` if it is one of ours; `false` leaves it to be skipped.
    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// Streams an object key by key into `F` (`null` reads as an empty object).
struct Object<F>(F);

impl<'de, F: Fields> DeserializeSeed<'de> for Object<F> {
    type Value = F;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<F, D::Error> {
        // `any`, so that `null` reaches `visit_unit`; other types are refused by the default.
        deserializer.deserialize_any(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for Object<F> {
    type Value = F;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<F, A::Error> {
        let mut fields = self.0;
        while let Some(key) = map.next_key::<String>()? {
            if !fields.field(&key, &mut map)? {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(fields)
    }

    fn visit_unit<E: de::Error>(self) -> Result<F, E> {
        Ok(self.0)
    }
}

/// Streams an array of `T` found as the current map value.
fn each_value<'de, A: MapAccess<'de>, T: DeserializeOwned>(
    map: &mut A,
    each: &mut dyn FnMut(T),
) -> Result<bool, A::Error> {
    map.next_value_seed(Each {
        each,
        nullable: true,
    })?;
    Ok(true)
}

/// The top-level object.
struct Top<'a> {
    out: &'a mut dyn LocationSink,
    /// One of the three Timeline keys was met.
    found: bool,
}

impl Fields for Top<'_> {
    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        let out = &mut *self.out;
        let read = match key {
            "semanticSegments" => each_value(map, &mut |s: Segment| s.hand_over(out))?,
            "rawSignals" => each_value(map, &mut |s: RawSignal| s.hand_over(out))?,
            "userLocationProfile" => {
                map.next_value_seed(Object(Profile { out }))?;
                true
            }
            _ => false,
        };
        self.found |= read;
        Ok(read)
    }
}

/// `userLocationProfile`.
struct Profile<'a> {
    out: &'a mut dyn LocationSink,
}

impl Fields for Profile<'_> {
    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        let out = &mut *self.out;
        match key {
            "frequentPlaces" => each_value(map, &mut |p: FrequentPlace| {
                out.service_place(&ServicePlace {
                    label: p
                        .label
                        .0
                        .as_deref()
                        .map_or(PlaceLabel::Other, PlaceLabel::parse),
                    at: p.place_location.0,
                    place_id: p.place_id.0,
                });
            }),
            "persona" => {
                map.next_value_seed(Object(Persona { out }))?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// `userLocationProfile.persona`.
struct Persona<'a> {
    out: &'a mut dyn LocationSink,
}

impl Fields for Persona<'_> {
    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        let out = &mut *self.out;
        if key != "travelModeAffinities" {
            return Ok(false);
        }
        each_value(map, &mut |a: Affinity| {
            if let (Some(mode), Some(affinity)) = (a.mode.0, a.affinity.0) {
                out.affinity(Mode::parse(&mode), affinity);
            }
        })
    }
}

/// Notes whether the parser asked for bytes past the end of the text.
pub(super) struct EofWatch<R> {
    inner: R,
    pub ended: bool,
}

impl<R: Read> EofWatch<R> {
    pub fn new(inner: R) -> Self {
        EofWatch {
            inner,
            ended: false,
        }
    }
}

impl<R: Read> Read for EofWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.ended = true;
        }
        Ok(n)
    }
}

/// What stopped a JSON stream, as the registry reports it. `serde_json` calls a number cut off at
/// the end (`-`, `1.`) a syntax error: when the text had ended, the file was cut, not damaged.
pub(super) fn error_kind(error: serde_json::Error, ended: bool) -> ErrorKind {
    match JsonError::from(error) {
        JsonError::Syntax { .. } if ended => ErrorKind::Truncated,
        other => other.kind(),
    }
}

/// Where the JSON text starts in `head`: past a byte-order mark and white space.
pub(super) fn json_text(head: &[u8]) -> &[u8] {
    let head = crate::ingest::text::without_bom(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    head.get(start..).unwrap_or_default()
}

/// Whether one of `keys` is a key of the top-level object that `head` begins.
fn has_top_level_key(head: &[u8], keys: &[&[u8]]) -> bool {
    let text = json_text(head);
    if !text.starts_with(b"{") {
        return false;
    }
    let (mut depth, mut in_string, mut escaped) = (0_usize, false, false);
    let mut string_start = None;
    for (i, &b) in text.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if let Some(start) = string_start.take() {
                    let is_key = text
                        .get(i + 1..)
                        .and_then(|rest| rest.iter().find(|c| !c.is_ascii_whitespace()))
                        == Some(&b':');
                    if is_key && text.get(start..i).is_some_and(|k| keys.contains(&k)) {
                        return true;
                    }
                }
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = (depth == 1).then_some(i + 1);
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

impl Source for GoogleTimelineAndroid {
    fn id(&self) -> &'static str {
        "google.timeline.android"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Maps, Vos trajets (export Android, Timeline.json)",
            Lang::En => "Google Maps Timeline (Android export, Timeline.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TIMELINE_ANDROID
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let keys: [&[u8]; 3] = [b"semanticSegments", b"rawSignals", b"userLocationProfile"];
        has_top_level_key(head, &keys).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut text = EofWatch::new(json_start(reader));
        let mut de = serde_json::Deserializer::from_reader(&mut text);
        let top = Object(Top { out, found: false })
            .deserialize(&mut de)
            .and_then(|top| de.end().map(|()| top.found));
        drop(de);
        match top {
            Ok(true) => None,
            // An object, but none of the Timeline keys: not this export.
            Ok(false) => Some(ErrorKind::Malformed),
            Err(e) => Some(error_kind(e, text.ended)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::structure::json_structure;
    use crate::sources::{collect, Collected};

    fn sample(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/google")
            .join(name);
        std::fs::read(path).unwrap()
    }

    fn at(lat: f64, lng: f64) -> Option<LatLng> {
        LatLng::from_degrees(lat, lng)
    }

    fn sources_of(out: &Collected) -> Vec<&str> {
        out.fixes.iter().map(|(_, s)| s.as_str()).collect()
    }

    #[test]
    fn the_gpsbabel_sample_visits_moves_paths_and_the_inferred_home() {
        let (out, error) = collect(
            &GoogleTimelineAndroid,
            &sample("Timeline_android_gpsbabel.json"),
        );
        assert_eq!(error, None);
        // python3 -c "import json; d=json.load(open('../shared/samples/google/Timeline_android_gpsbabel.json')); print(sum('visit' in s for s in d['semanticSegments']), sum('activity' in s for s in d['semanticSegments']), sum(len(s.get('timelinePath',[])) for s in d['semanticSegments']))"
        // → 2 1 3
        assert_eq!((out.visits.len(), out.moves.len()), (2, 1));
        let path: Vec<&Fix> = out
            .fixes
            .iter()
            .filter(|(_, s)| s == "TIMELINE_PATH")
            .map(|(f, _)| f)
            .collect();
        assert_eq!(path.len(), 3);
        // Each visit also gives its place at arrival and departure (start ≠ end for both).
        assert_eq!(
            sources_of(&out).iter().filter(|s| **s == "VISIT").count(),
            4
        );
        assert_eq!(out.fixes.len(), 7);
        assert_eq!((out.skipped, out.affinities.len()), (0, 0));

        // python3 -c "from datetime import datetime as D; print(int(D.fromisoformat('2024-11-15T09:30:00.000-08:00').timestamp()*1000), int(D.fromisoformat('2024-11-15T11:00:00.000-08:00').timestamp()*1000))"
        // → 1731691800000 1731697200000
        let home = &out.visits[0];
        assert_eq!(
            (home.start, home.end),
            (1_731_691_800_000, 1_731_697_200_000)
        );
        assert_eq!(home.label, Some(PlaceLabel::InferredHome));
        assert_eq!(
            home.place_id.as_deref(),
            Some("ChIJ2eUgeAK6j4ARbn5u_wAGqWA")
        );
        // python3 -c "import json; d=json.load(open('../shared/samples/google/Timeline_android_gpsbabel.json')); print([s['visit']['topCandidate'] for s in d['semanticSegments'] if s.get('visit',{}).get('topCandidate',{}).get('semanticType')=='INFERRED_HOME'])"
        // → placeId ChIJ2eUgeAK6j4ARbn5u_wAGqWA, latLng '37.4219983°, -122.0840000°'
        assert_eq!(
            out.places,
            [ServicePlace {
                label: PlaceLabel::InferredHome,
                at: at(37.421_998_3, -122.084),
                place_id: Some("ChIJ2eUgeAK6j4ARbn5u_wAGqWA".into()),
            }]
        );
        assert_eq!(home.at, at(37.421_998_3, -122.084));
        // The second visit is labelled UNKNOWN: a visit, no service place.
        assert_eq!(out.visits[1].label, Some(PlaceLabel::Other));
        assert_eq!(out.visits[1].place_id, None);

        // python3 -c "import json; d=json.load(open('../shared/samples/google/Timeline_android_gpsbabel.json')); print([s['activity'] for s in d['semanticSegments'] if 'activity' in s])"
        // → start 37.4219983°, -122.0840000°, end 37.4419983°, -122.1040000°, 2900.0, IN_PASSENGER_VEHICLE
        let moved = &out.moves[0];
        assert_eq!(moved.mode, Mode::Car);
        assert_eq!(moved.distance_m, Some(2900.0));
        assert_eq!(moved.from, at(37.421_998_3, -122.084));
        assert_eq!(moved.to, at(37.441_998_3, -122.104));
        assert_eq!(
            (moved.start, moved.end),
            (1_731_697_200_000, 1_731_698_400_000)
        );
        // python3 -c "from datetime import datetime as D; print(int(D.fromisoformat('2024-11-15T11:02:00.000-08:00').timestamp()*1000))"
        // → 1731697320000
        assert_eq!(path[0].time, 1_731_697_320_000);
        assert_eq!(Some(path[1].at), at(37.43, -122.095));
    }

    #[test]
    fn the_raw_signals_sample_positions_and_frequent_places() {
        let (out, error) = collect(
            &GoogleTimelineAndroid,
            &sample("Timeline_android_rawSignals.json"),
        );
        assert_eq!(error, None);
        // python3 -c "import json; d=json.load(open('../shared/samples/google/Timeline_android_rawSignals.json')); S=d['semanticSegments']; print(sum('visit' in s for s in S), sum('activity' in s for s in S), sum(len(s.get('timelinePath',[])) for s in S), sum('position' in r for r in d['rawSignals']), len(d['userLocationProfile']['frequentPlaces']))"
        // → 1 1 2 1 2
        assert_eq!((out.visits.len(), out.moves.len()), (1, 1));
        let count = |source: &str| sources_of(&out).iter().filter(|s| **s == source).count();
        assert_eq!(
            (count("TIMELINE_PATH"), count("VISIT"), count("")),
            (2, 2, 1)
        );
        // The raw position has no `source`; the visit has no semanticType, so no service place
        // comes from it: both places are the profile's frequent places.
        assert_eq!(out.visits[0].label, None);
        assert_eq!(out.moves[0].distance_m, None);
        // python3 -c "from datetime import datetime as D; print(int(D.fromisoformat('2024-06-15T09:05:00.000+00:00').timestamp()*1000))"
        // → 1718442300000
        let raw = out.fixes.iter().find(|(_, s)| s.is_empty()).unwrap().0;
        assert_eq!(
            (raw.time, Some(raw.at)),
            (1_718_442_300_000, at(48.8566, 2.3522))
        );
        // python3 -c "import json; print(json.load(open('../shared/samples/google/Timeline_android_rawSignals.json'))['userLocationProfile'])"
        assert_eq!(
            out.places,
            [
                ServicePlace {
                    label: PlaceLabel::Home,
                    at: at(48.8566, 2.3522),
                    place_id: Some("ChIJtest123".into()),
                },
                ServicePlace {
                    label: PlaceLabel::Work,
                    at: at(48.8606, 2.3376),
                    place_id: Some("ChIJtest456".into()),
                },
            ]
        );
    }

    /// The documented shape in every variant at once: keys in another order, a persona, raw
    /// signals of every kind, missing and out-of-range coordinates, numbers as strings, empty
    /// segments, a byte-order mark.
    const VARIANTS: &[u8] = "\u{feff}{
  \"userLocationProfile\": {
    \"persona\": {\"travelModeAffinities\": [
      {\"mode\": \"WALKING\", \"affinity\": 0.5},
      {\"mode\": \"IN_PASSENGER_VEHICLE\", \"affinity\": \"0.25\"},
      {\"mode\": \"FLYING\"}
    ]},
    \"frequentPlaces\": [
      {\"placeId\": \"ChIJw\", \"placeLocation\": \"45.7640°, 4.8357°\", \"label\": \"WORK\"},
      {\"placeId\": \"ChIJx\", \"placeLocation\": \"95.0, 4.0\"}
    ],
    \"frequentTrips\": [{\"waypointIds\": [\"a\", \"b\"], \"modeDistribution\": []}]
  },
  \"rawSignals\": [
    {\"position\": {\"LatLng\": \"46.16°, -1.15°\", \"accuracyMeters\": 10, \"source\": \"GPS\", \"timestamp\": \"2024-03-01T10:00:00.000+01:00\"}},
    {\"position\": {\"LatLng\": \"0.0°, 0.0°\", \"source\": \"WIFI\", \"timestamp\": \"2024-03-01T10:01:00.000+01:00\"}},
    {\"position\": {\"LatLng\": \"46.16°, -1.15°\", \"source\": \"CELL\"}},
    {\"activityRecord\": {\"probableActivities\": [{\"type\": \"STILL\", \"confidence\": 0.9}], \"timestamp\": \"2024-03-01T10:00:00.000Z\"}},
    {\"wifiScan\": {\"deliveryTime\": \"2024-03-01T10:00:00.000Z\", \"devicesRecords\": [{\"mac\": 1, \"rawRssi\": -50}]}}
  ],
  \"semanticSegments\": [
    {\"startTime\": \"2024-03-01T08:00:00.000+01:00\", \"endTime\": \"2024-03-01T09:00:00.000+01:00\",
     \"visit\": {\"hierarchyLevel\": 0, \"probability\": 0.9, \"topCandidate\": {\"placeId\": \"ChIJh\", \"semanticType\": \"HOME\", \"probability\": 0.8, \"placeLocation\": {\"latLng\": \"46.1600, -1.1500\"}}}},
    {\"startTime\": \"2024-03-01T09:00:00.000+01:00\", \"endTime\": \"2024-03-01T09:00:00.000+01:00\",
     \"visit\": {\"topCandidate\": {\"semanticType\": \"INFERRED_WORK\", \"placeLocation\": {}}}},
    {\"startTime\": \"2024-03-01T09:30:00.000+01:00\", \"endTime\": \"2024-03-01T10:00:00.000+01:00\",
     \"activity\": {\"start\": {\"latLng\": \"46.16°, -1.15°\"}, \"end\": {\"latLng\": \"not a place\"}, \"distanceMeters\": \"1234.5\", \"topCandidate\": {\"type\": \"CYCLING\"},
       \"parking\": {\"location\": {\"latLng\": \"46.17°, -1.16°\"}, \"startTime\": \"2024-03-01T10:00:00.000+01:00\"}}},
    {\"startTime\": \"2024-03-01T10:00:00.000+01:00\", \"endTime\": \"2024-03-01T11:00:00.000+01:00\",
     \"timelinePath\": [
       {\"point\": \"46.161°, -1.151°\", \"time\": \"2024-03-01T10:05:00.000+01:00\"},
       {\"point\": \"46.162°, -1.152°\", \"time\": \"yesterday\"},
       {\"point\": \"46.163°, 181.0°\", \"time\": \"2024-03-01T10:07:00.000+01:00\"},
       {\"time\": \"2024-03-01T10:08:00.000+01:00\"}
     ]},
    {\"startTime\": \"2024-03-01T11:00:00.000+01:00\", \"endTime\": \"2024-03-01T11:00:00.000+01:00\",
     \"timelineMemory\": {\"trip\": {\"distanceFromPreviousVisitMeters\": 12, \"destinations\": [{\"identifier\": {\"placeId\": \"ChIJd\"}}]}}},
    {\"endTime\": \"2024-03-01T12:00:00.000+01:00\", \"visit\": {\"topCandidate\": {\"placeLocation\": {\"latLng\": \"46.16°, -1.15°\"}}}},
    {},
    {\"startTime\": null, \"activity\": null}
  ]
}
"
    .as_bytes();

    #[test]
    fn every_documented_variant_is_read_and_the_unusable_is_counted() {
        let (out, error) = collect(&GoogleTimelineAndroid, VARIANTS);
        assert_eq!(error, None);
        // Affinities: the one without a value is left out; a string number is read.
        assert_eq!(out.affinities, [(Mode::Walking, 0.5), (Mode::Car, 0.25)]);
        // Frequent places (work, then one out of range: a place without position), then the
        // home and inferred-work visits.
        let places: Vec<(PlaceLabel, Option<LatLng>)> =
            out.places.iter().map(|p| (p.label, p.at)).collect();
        assert_eq!(
            places,
            [
                (PlaceLabel::Work, at(45.764, 4.8357)),
                (PlaceLabel::Other, None),
                (PlaceLabel::Home, at(46.16, -1.15)),
                (PlaceLabel::InferredWork, None),
            ]
        );
        // Visits: home (two fixes), inferred work without position (no fix), and the one
        // without a start is skipped.
        assert_eq!(out.visits.len(), 2);
        assert_eq!(out.visits[1].at, None);
        assert_eq!(out.visits[1].start, out.visits[1].end);
        let moved = &out.moves[..];
        assert_eq!(moved.len(), 1);
        assert_eq!(
            (moved[0].mode, moved[0].distance_m, moved[0].to),
            (Mode::Cycling, Some(1234.5), None)
        );
        assert_eq!(moved[0].from, at(46.16, -1.15));
        let sources = sources_of(&out);
        assert_eq!(sources, ["GPS", "VISIT", "VISIT", "TIMELINE_PATH"]);
        // Skipped: two raw positions (0,0 and no time), three path points (bad time, out of
        // range, no point), the visit without start, the empty segment and the all-null one.
        assert_eq!(out.skipped, 2 + 3 + 1 + 2);
        // python3 -c "from datetime import datetime as D; print(int(D.fromisoformat('2024-03-01T10:00:00.000+01:00').timestamp()*1000))"
        // → 1709283600000
        assert_eq!(out.fixes[0].0.time, 1_709_283_600_000);
    }

    #[test]
    fn the_variants_fixture_has_the_shape_of_the_real_samples() {
        // Every path the fixture writes is one a real export has (in a sample, or in the format
        // reference for what the samples lack), so tests do not pass on an invented shape.
        let mut real = json_structure(&sample("Timeline_android_gpsbabel.json")[..]).unwrap();
        let other = json_structure(&sample("Timeline_android_rawSignals.json")[..]).unwrap();
        real.paths.extend(other.paths);
        let documented = [
            "$.userLocationProfile.persona",
            "$.userLocationProfile.persona.travelModeAffinities",
            "$.userLocationProfile.persona.travelModeAffinities[]",
            "$.userLocationProfile.persona.travelModeAffinities[].mode",
            "$.userLocationProfile.persona.travelModeAffinities[].affinity",
            "$.userLocationProfile.frequentTrips",
            "$.rawSignals[].position.source",
            "$.rawSignals[].activityRecord",
            "$.rawSignals[].activityRecord.timestamp",
            "$.rawSignals[].activityRecord.probableActivities",
            "$.rawSignals[].activityRecord.probableActivities[]",
            "$.rawSignals[].activityRecord.probableActivities[].type",
            "$.rawSignals[].activityRecord.probableActivities[].confidence",
            "$.rawSignals[].wifiScan",
            "$.rawSignals[].wifiScan.deliveryTime",
            "$.rawSignals[].wifiScan.devicesRecords",
            "$.rawSignals[].wifiScan.devicesRecords[]",
            "$.rawSignals[].wifiScan.devicesRecords[].mac",
            "$.rawSignals[].wifiScan.devicesRecords[].rawRssi",
            "$.semanticSegments[].timelineMemory.trip.destinations",
        ];
        let ours = json_structure(VARIANTS).unwrap();
        for path in ours.paths.keys() {
            let known =
                real.paths.contains_key(path) || documented.iter().any(|d| path.starts_with(d));
            assert!(known, "{path} is in no real export");
        }
        // And the fixture covers the samples' three top-level values.
        for key in [
            "$.semanticSegments[].visit.topCandidate.placeLocation.latLng",
            "$.semanticSegments[].activity.topCandidate.type",
            "$.semanticSegments[].timelinePath[].point",
            "$.rawSignals[].position.LatLng",
            "$.userLocationProfile.frequentPlaces[].placeLocation",
        ] {
            assert!(ours.paths.contains_key(key), "{key}");
        }
    }

    #[test]
    fn cut_off_and_damaged_files_keep_what_came_before_and_say_so() {
        let whole = sample("Timeline_android_gpsbabel.json");
        let (all, _) = collect(&GoogleTimelineAndroid, &whole);
        // The sample ends with a line feed: every cut before it loses part of the JSON.
        for cut in 1..whole.len() - 1 {
            let (out, error) = collect(&GoogleTimelineAndroid, &whole[..cut]);
            assert_eq!(error, Some(ErrorKind::Truncated), "cut at {cut}");
            assert!(out.fixes.len() <= all.fixes.len());
            assert!(all.fixes.starts_with(&out.fixes), "cut at {cut}");
        }
        // A number cut at the very end is a cut too, not a syntax error…
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"rawSignals": [], "x": -"#);
        assert_eq!(error, Some(ErrorKind::Truncated));
        // …but broken syntax in the middle is not.
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"rawSignals": [}, "x": 1}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"rawSignals": []} trailing"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        // An array where the segments should be, and an object of something else.
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"semanticSegments": {}}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"locations": []}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineAndroid, b"[]");
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineAndroid, b"{\"rawSignals\": [\"\xff\"]}");
        assert_eq!(error, Some(ErrorKind::InvalidText));
        // Empty values are an empty export, not an error.
        let (out, error) = collect(
            &GoogleTimelineAndroid,
            br#"{"semanticSegments": [], "rawSignals": null, "userLocationProfile": {}}"#,
        );
        assert_eq!((error, out.fixes.len(), out.skipped), (None, 0, 0));
        let (out, error) = collect(
            &GoogleTimelineAndroid,
            br#"{"userLocationProfile": {"persona": null, "frequentPlaces": null}}"#,
        );
        assert_eq!((error, out.places.len()), (None, 0));
        let (_, error) = collect(&GoogleTimelineAndroid, b"null");
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineAndroid, br#"{"userLocationProfile": 3}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn detection_reads_the_top_level_keys_only() {
        let yes: [&[u8]; 5] = [
            b"{\n  \"semanticSegments\": [\n    {\n      \"startTime\"",
            b"{\"rawSignals\":[",
            b"\xEF\xBB\xBF  {\"userLocationProfile\" : {",
            // Another key first, with a string holding a quote and braces.
            br#"{"x": "a \"b\" {c", "y": {"z": [1]}, "semanticSegments": ["#,
            // A huge first value cut by the head: the keys seen so far decide.
            br#"{"userLocationProfile": {"frequentPlaces": [], "semanticSegments": 1}, "rawSignals": ["#,
        ];
        for head in yes {
            assert!(
                GoogleTimelineAndroid.detect("x.json", head).is_some(),
                "{}",
                String::from_utf8_lossy(head)
            );
        }
        let no: [&[u8]; 6] = [
            br#"{"data": {"semanticSegments": []}}"#,
            br#"{"note": "semanticSegments", "x": 1}"#,
            br#"[{"semanticSegments": []}]"#,
            br#"{"locations": [{"latitudeE7": 1}]}"#,
            br#"{"timelineEdits": [{"rawSignal": {"signal": {}}}]}"#,
            b"",
        ];
        for head in no {
            assert!(
                GoogleTimelineAndroid
                    .detect("Timeline.json", head)
                    .is_none(),
                "{}",
                String::from_utf8_lossy(head)
            );
        }
        for other in [
            "Records.json",
            "location-history_ios.json",
            "Timeline Edits.json",
        ] {
            assert!(GoogleTimelineAndroid
                .detect(other, &sample(other))
                .is_none());
        }
    }

    #[test]
    fn a_long_file_is_streamed_segment_by_segment() {
        /// Writes a Timeline.json of `n` segments as it is read, never whole.
        struct Generated {
            n: usize,
            i: usize,
            pending: Vec<u8>,
            at: usize,
        }
        impl Read for Generated {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.at == self.pending.len() {
                    self.at = 0;
                    self.pending = match self.i {
                        0 => b"{\"semanticSegments\": [".to_vec(),
                        i if i <= self.n => format!(
                            "{}{{\"startTime\": \"2024-01-01T00:00:00Z\", \"timelinePath\": [{{\"point\": \"1.5°, 2.5°\", \"time\": \"2024-01-01T00:{:02}:00Z\"}}]}}",
                            if i > 1 { "," } else { "" },
                            i % 60
                        )
                        .into_bytes(),
                        i if i == self.n + 1 => b"]}".to_vec(),
                        _ => return Ok(0),
                    };
                    self.i += 1;
                }
                let rest = &self.pending[self.at..];
                let n = buf.len().min(rest.len());
                buf[..n].copy_from_slice(&rest[..n]);
                self.at += n;
                Ok(n)
            }
        }
        struct Count(u64);
        impl crate::model::social::SocialSink for Count {}
        impl crate::model::media::MediaSink for Count {}
        impl crate::model::energy::EnergySink for Count {}
        impl crate::model::chat::ChatSink for Count {}
        impl crate::model::money::MoneySink for Count {}
        impl crate::model::activity::ActivitySink for Count {}
        impl crate::model::health::HealthSink for Count {}
        impl LocationSink for Count {
            fn fix(&mut self, _: Fix, _: &str) {
                self.0 += 1;
            }
        }
        let mut count = Count(0);
        let mut reader = Generated {
            n: 10_000,
            i: 0,
            pending: Vec::new(),
            at: 0,
        };
        assert_eq!(GoogleTimelineAndroid.read(&mut reader, &mut count), None);
        assert_eq!(count.0, 10_000);
    }
}
