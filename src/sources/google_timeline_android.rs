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
use crate::ingest::json::{json_start, JsonError};
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

/// Streams the elements of an array into `each`, one at a time; `null` is an empty array when
/// `nullable`.
pub(super) struct Each<'a, T> {
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
        deserializer.deserialize_map(self)
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
        JsonError::Truncated => ErrorKind::Truncated,
        JsonError::Syntax { .. } if ended => ErrorKind::Truncated,
        JsonError::Syntax { .. } => ErrorKind::Malformed,
        JsonError::Encoding => ErrorKind::InvalidText,
        JsonError::Io => ErrorKind::Unreadable,
    }
}

/// Where the JSON text starts in `head`: past a byte-order mark and white space.
pub(super) fn json_text(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
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

    fn guide(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => {
                "Depuis 2024, Google garde l'historique des positions sur le téléphone, plus dans \
                 Takeout. Sur le téléphone Android, ouvrez Paramètres › Localisation › Services de \
                 localisation › Vos trajets (Timeline), puis touchez « Exporter les données \
                 Vos trajets » et enregistrez le fichier (souvent Timeline.json). L'export ne \
                 prend que quelques secondes\u{a0}; déposez ensuite le fichier ici, tel quel."
            }
            Lang::En => {
                "Since 2024 Google keeps Location History on the phone, no longer in Takeout. On \
                 the Android phone, open Settings › Location › Location services › Timeline, then \
                 tap \"Export Timeline data\" and save the file (often Timeline.json). The export \
                 takes a few seconds; then drop the file here as it is."
            }
        }
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let keys: [&[u8]; 3] = [b"semanticSegments", b"rawSignals", b"userLocationProfile"];
        has_top_level_key(head, &keys).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn LocationSink) -> Option<ErrorKind> {
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
