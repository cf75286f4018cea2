//! `GeoJSON` (RFC 7946) points and lines with times: `*.geojson`, `*.json`.
//!
//! Where from: map and tracking apps (exports of trips, photo maps, togeojson conversions of GPX
//! and KML, Strava-style exports), and tools people use to clean up their location history.
//! Detection reads the content: `"FeatureCollection"`, or a single `"Feature"` with
//! `"coordinates"`. Google's saved places are `GeoJSON` too, but their `date` is when a place was
//! saved, not a visit: files with `Google Maps URL` are left to their own source.
//!
//! Shape: `{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type":
//! "Point", "coordinates": [lon, lat, alt]}, "properties": {"time": "…"}}, …]}`: positions are
//! **longitude first**. A point's instant is `properties.time`, `timestamp` or `date` (ISO 8601,
//! or epoch seconds or milliseconds). A `LineString`, `MultiPoint` or `MultiLineString` has one
//! instant per position in `properties.coordTimes` (togeojson, Strava-style) or
//! `properties.coordinateProperties.times` (newer togeojson), parallel to the coordinates. Features
//! are streamed one at a time.
//!
//! Quirks: a position without its own instant (a planned route, a place list) is skipped, never
//! given the feature's time; polygons hold areas, not positions, and are skipped; a time without a
//! zone is read as UTC.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::gpx::{contains, parse_utc};
use super::loose::{document_outcome, fix_or_skip};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, Each};
use crate::model::location::{LatLng, LocationSink};
use crate::model::time::Millis;

pub struct GeoJson;

/// What the fixes from this source are called.
const FIX_SOURCE: &str = "GeoJSON";

#[derive(Deserialize, Default)]
struct Geometry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    coordinates: Value,
}

#[derive(Deserialize, Default)]
struct Times {
    #[serde(default)]
    times: Value,
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    time: Value,
    #[serde(default)]
    timestamp: Value,
    #[serde(default)]
    date: Value,
    #[serde(rename = "coordTimes", default)]
    coord_times: Value,
    #[serde(rename = "coordinateProperties", default)]
    per_coordinate: Option<Times>,
}

#[derive(Deserialize, Default)]
struct Feature {
    #[serde(default)]
    geometry: Option<Geometry>,
    #[serde(default)]
    properties: Option<Properties>,
}

/// An instant: ISO 8601, or epoch milliseconds (from 10^11) or seconds.
fn instant(value: &Value) -> Option<Millis> {
    match value {
        Value::String(text) => parse_utc(text),
        Value::Number(n) => {
            let n = n.as_f64().filter(|n| n.is_finite() && n.abs() < 1e15)?;
            let ms = if n.abs() >= 1e11 { n } else { n * 1000.0 };
            #[allow(clippy::cast_possible_truncation)] // bounded just above
            Some(ms.round() as i64)
        }
        _ => None,
    }
}

/// `[lon, lat, …]`.
fn position(value: &Value) -> Option<LatLng> {
    let lng = value.get(0)?.as_f64()?;
    let lat = value.get(1)?.as_f64()?;
    LatLng::from_degrees(lat, lng)
}

/// A list of positions with the parallel list of their instants (`Null` when there is none).
fn hand_over_line(positions: &Value, times: &Value, out: &mut dyn LocationSink) {
    let Some(positions) = positions.as_array() else {
        out.skipped();
        return;
    };
    for (i, p) in positions.iter().enumerate() {
        fix_or_skip(position(p), times.get(i).and_then(instant), FIX_SOURCE, out);
    }
}

fn hand_over(feature: &Feature, out: &mut dyn LocationSink) {
    let Some(geometry) = &feature.geometry else {
        out.skipped();
        return;
    };
    let none = Properties::default();
    let properties = feature.properties.as_ref().unwrap_or(&none);
    let per_position = match &properties.per_coordinate {
        Some(Times { times }) if !times.is_null() => times,
        _ => &properties.coord_times,
    };
    let coordinates = &geometry.coordinates;
    match geometry.kind.as_str() {
        "Point" => {
            let time = [
                &properties.time,
                &properties.timestamp,
                &properties.date,
                per_position,
            ]
            .into_iter()
            .find_map(|v| match v {
                Value::Array(list) => list.first().and_then(instant),
                other => instant(other),
            });
            fix_or_skip(position(coordinates), time, FIX_SOURCE, out);
        }
        "LineString" | "MultiPoint" => hand_over_line(coordinates, per_position, out),
        "MultiLineString" => match coordinates.as_array() {
            Some(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    hand_over_line(line, per_position.get(i).unwrap_or(&Value::Null), out);
                }
            }
            None => out.skipped(),
        },
        _ => out.skipped(),
    }
}

/// The whole document: a collection streamed feature by feature, or a single feature.
struct Document<'a> {
    out: &'a mut dyn LocationSink,
    /// The document said it was `GeoJSON` (`type` or `features`).
    known: &'a mut bool,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Document { out, known } = self;
        let mut single = Feature::default();
        let mut kind = String::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => {
                    map.next_value::<Value>()?
                        .as_str()
                        .unwrap_or("")
                        .clone_into(&mut kind);
                    *known |= kind == "FeatureCollection" || kind == "Feature";
                }
                "features" => {
                    *known = true;
                    map.next_value_seed(Each {
                        each: &mut |feature: Feature| hand_over(&feature, &mut *out),
                        nullable: false,
                    })?;
                }
                "geometry" => single.geometry = map.next_value()?,
                "properties" => single.properties = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if kind == "Feature" {
            hand_over(&single, out);
        }
        Ok(())
    }
}

impl Source for GeoJson {
    fn id(&self) -> &'static str {
        "geo.geojson"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Points et traces datés (GeoJSON)",
            Lang::En => "Timed points and tracks (GeoJSON)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::GEOJSON
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let head = crate::ingest::text::without_bom(head);
        let object = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let has = |needle: &[u8]| contains(head, needle);
        let geojson =
            has(b"\"FeatureCollection\"") || (has(b"\"Feature\"") && has(b"\"coordinates\""));
        let saved_places = has(b"Google Maps URL") || has(b"google_maps_url");
        (object && geojson && !saved_places).then_some(Claim {
            source: self.id(),
            confidence: 60,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut known = false;
        let result = visit_object(
            reader,
            Document {
                out,
                known: &mut known,
            },
        );
        document_outcome(result, known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::structure::json_structure;
    use crate::sources::collect;

    // No real GeoJSON sample exists: this fixture was generated by
    // tests/fixtures/geo.geojson/generate.py from RFC 7946 and formats.md section 14.
    fn fixture() -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/geo.geojson/track.geojson");
        std::fs::read(path).unwrap()
    }

    #[test]
    fn the_fixture_has_the_documented_paths() {
        let s = json_structure(&fixture()[..]).unwrap();
        for path in [
            "$.type",
            "$.features[].type",
            "$.features[].geometry.type",
            "$.features[].geometry.coordinates",
            "$.features[].geometry.coordinates[]",
            "$.features[].properties.time",
            "$.features[].properties.coordTimes[]",
            "$.features[].properties.coordinateProperties.times[][]",
        ] {
            assert!(s.paths.contains_key(path), "{path}");
        }
        // A Point's coordinates are numbers; a line's are arrays of numbers.
        let coordinates = s.paths["$.features[].geometry.coordinates[]"].types;
        assert!(coordinates.number && coordinates.array);
    }

    #[test]
    fn the_generated_fixture() {
        let bytes = fixture();
        assert!(GeoJson.detect("track.geojson", &bytes).is_some());
        let (out, error) = collect(&GeoJson, &bytes);
        assert_eq!(error, None);
        // jq '[.features[] | select(.properties.time) ] | length' → 12 timed points;
        // jq '[.features[].properties.coordTimes // empty | .[]] | length' → 20;
        // jq '[.features[].properties.coordinateProperties.times // empty | .[][]] | length' → 20
        assert_eq!(out.fixes.len(), 12 + 20 + 20);
        // One point without a time, the two positions of the untimed route.
        assert_eq!(out.skipped, 3);
        // jq -c '.features[0] | .geometry.coordinates, .properties.time' → [4.827,45.764],
        // "2024-05-04T08:10:00+02:00"; date -ud 2024-05-04T06:10:00Z +%s → 1714803000
        let (first, source) = &out.fixes[0];
        assert_eq!(
            (
                first.time,
                first.at.lat_e7,
                first.at.lng_e7,
                source.as_str()
            ),
            (1_714_803_000_000, 457_640_000, 48_270_000, "GeoJSON")
        );
        // The MultiLineString's last position: jq -c '.features[14].geometry.coordinates[1][-1],
        // .features[14].properties.coordinateProperties.times[1][-1]' → [4.8186,45.7904,170],
        // "2024-05-04T09:54:00Z"; date -ud 2024-05-04T09:54:00Z +%s → 1714816440
        let last = out.fixes[51].0;
        assert_eq!(
            (last.time, last.at.lat_e7, last.at.lng_e7),
            (1_714_816_440_000, 457_904_000, 48_186_000)
        );
    }

    #[test]
    fn a_single_feature_epoch_times_and_bad_features() {
        let single = br#"{"type": "Feature", "properties": {"timestamp": 1700000000},
            "geometry": {"type": "Point", "coordinates": ["x", 1]}}"#;
        let (out, error) = collect(&GeoJson, single);
        assert_eq!((out.fixes.len(), out.skipped, error), (0, 1, None));
        let single = br#"{"properties": {"timestamp": 1700000000}, "type": "Feature",
            "geometry": {"coordinates": [2.35, 48.85], "type": "Point"}}"#;
        let (out, error) = collect(&GeoJson, single);
        assert_eq!(error, None);
        assert_eq!(out.fixes[0].0.time, 1_700_000_000_000);
        let doc = br#"{"features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"date": 1700000000123}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {"time": "2024-01-01T00:00:00Z"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 91]}, "properties": {"time": "2024-01-01T00:00:00Z"}},
            {"type": "Feature", "geometry": null, "properties": {"time": "2024-01-01T00:00:00Z"}},
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3, 4], [1, 2]]]}},
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "properties": {"coordTimes": ["2024-01-01T00:00:00", "nope"]}},
            {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[5, 6]], []]}, "properties": null}
        ], "type": "FeatureCollection"}"#;
        let (out, error) = collect(&GeoJson, doc);
        assert_eq!(error, None);
        let fixes = out.points();
        assert_eq!(
            fixes,
            [
                (1_700_000_000_123, 488_500_000, 23_500_000),
                (1_704_067_200_000, 20_000_000, 10_000_000),
            ]
        );
        // 0,0; lat 91; no geometry; the polygon; the line's second time; the multi-line's point.
        assert_eq!(out.skipped, 6);
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc = br#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}, "properties": {"time": "2024-01-01T00:00:00Z"}}, {"type": "Fea"#;
        let (out, error) = collect(&GeoJson, doc);
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::Truncated)));
        assert_eq!(
            collect(&GeoJson, br#"{"locations": []}"#).1,
            Some(ErrorKind::WrongType)
        );
        assert_eq!(
            collect(
                &GeoJson,
                br#"{"type": "FeatureCollection", "features": {}}"#
            )
            .1,
            Some(ErrorKind::Malformed)
        );
        let bom = b"\xEF\xBB\xBF{\"type\": \"FeatureCollection\", \"features\": []}";
        assert!(GeoJson.detect("x.json", bom).is_some());
        assert_eq!(collect(&GeoJson, bom).1, None);
    }

    #[test]
    fn detection_leaves_other_files_alone() {
        assert!(GeoJson
            .detect(
                "x.json",
                br#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}"#
            )
            .is_some());
        // Google Maps saved places have their own meaning (when a place was saved).
        assert!(GeoJson
            .detect("Saved Places.json", br#"{"type": "FeatureCollection", "features": [{"geometry": {"coordinates": [1, 2], "type": "Point"}, "properties": {"date": "2021-01-01T00:00:00Z", "google_maps_url": "http://maps.google.com/?cid=1"}, "type": "Feature"}]}"#)
            .is_none());
        assert!(GeoJson
            .detect("x.json", br#"[{"type": "FeatureCollection"}]"#)
            .is_none());
        assert!(GeoJson
            .detect("x.json", br#"{"locations": [{"latitudeE7": 1}]}"#)
            .is_none());
    }
}
