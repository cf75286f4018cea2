//! Google Takeout after the Timeline migration: `Timeline Edits.json`.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", since Google moved Timeline onto
//! the phone (2024–2025). The history itself is no longer in Takeout; what is left is this file,
//! beside `Settings.json`, `Tombstones.csv` and `Encrypted Backups.txt`. Path:
//! `Takeout/<Location History>/Timeline Edits.json` (the folder name is translated), so detection
//! reads the content: the `"timelineEdits"` key.
//!
//! Shape: `{"timelineEdits": [{"deviceId": "-1613859921", "rawSignal": {"signal": {"position":
//! {"point": {"latE7": …, "lngE7": …}, "accuracyMm": 12000, "altitudeMeters", "source",
//! "speedMetersPerSecond", "timestamp"}} | {"activityRecord": …} | {"wifiScan": …},
//! "additionalTimestamp", "metadata": {"platform"}}, "placeAggregates": {"placeAggregateInfo":
//! [{"score", "point", "placeId", "placePoint"}], "windowSizeHrs", "topRankedPlacesPlaceIds",
//! "processWindow"}}, …]}`, streamed element by element.
//!
//! Handed over: each raw signal's `position` as a fix (its `timestamp`, else the signal's
//! `additionalTimestamp`; source from `position.source`); positions without a usable point or
//! time are counted as skipped. Activity records and Wi-Fi scans hold no position and are passed
//! over. Each `placeAggregateInfo` with coordinates (`point`, else `placePoint`) is handed over as
//! a [`ServicePlace`] labelled `Other`: places Google ranked, without saying what they are.
//!
//! Quirks: `accuracyMm` is in millimetres (unused here); `deviceId` is a string; points may be
//! written `latitudeE7`/`longitudeE7`; times may be ISO or epoch numbers.

use std::io::Read;

use serde::Deserialize;

use super::gpx::contains;
use super::loose::{e7, first_instant, json_error, KeyWatch, Loose};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::for_each_element;
use crate::model::location::{Fix, LatLng, LocationSink, PlaceLabel, ServicePlace};

pub struct GoogleTimelineEdits;

const KEY: &[u8] = b"\"timelineEdits\"";

#[derive(Deserialize)]
struct Edit {
    #[serde(rename = "rawSignal")]
    raw_signal: Option<RawSignal>,
    #[serde(rename = "placeAggregates")]
    place_aggregates: Option<PlaceAggregates>,
}

#[derive(Deserialize)]
struct RawSignal {
    signal: Option<Signal>,
    #[serde(rename = "additionalTimestamp")]
    additional_timestamp: Option<Loose>,
}

#[derive(Deserialize)]
struct Signal {
    position: Option<Position>,
}

#[derive(Deserialize)]
struct Point {
    #[serde(rename = "latE7", alias = "latitudeE7")]
    lat: Option<Loose>,
    #[serde(rename = "lngE7", alias = "longitudeE7")]
    lng: Option<Loose>,
}

impl Point {
    fn at(&self) -> Option<LatLng> {
        e7(self.lat.as_ref(), self.lng.as_ref())
    }
}

#[derive(Deserialize)]
struct Position {
    point: Option<Point>,
    source: Option<String>,
    timestamp: Option<Loose>,
}

#[derive(Deserialize)]
struct PlaceAggregates {
    #[serde(rename = "placeAggregateInfo", default)]
    infos: Vec<AggregateInfo>,
}

#[derive(Deserialize)]
struct AggregateInfo {
    point: Option<Point>,
    #[serde(rename = "placePoint")]
    place_point: Option<Point>,
    #[serde(rename = "placeId")]
    place_id: Option<String>,
}

impl Edit {
    fn hand_over(self, out: &mut dyn LocationSink) {
        if let Some(raw) = self.raw_signal {
            if let Some(position) = raw.signal.and_then(|s| s.position) {
                let at = position.point.as_ref().and_then(Point::at);
                let time = first_instant(&[&position.timestamp, &raw.additional_timestamp]);
                match (at, time) {
                    (Some(at), Some(time)) => {
                        out.fix(Fix { time, at }, position.source.as_deref().unwrap_or(""));
                    }
                    _ => out.skipped(),
                }
            }
        }
        for info in self.place_aggregates.map(|p| p.infos).unwrap_or_default() {
            let at = info
                .point
                .as_ref()
                .and_then(Point::at)
                .or_else(|| info.place_point.as_ref().and_then(Point::at));
            if at.is_some() {
                out.service_place(&ServicePlace {
                    label: PlaceLabel::Other,
                    at,
                    place_id: info.place_id,
                });
            }
        }
    }
}

impl Source for GoogleTimelineEdits {
    fn id(&self) -> &'static str {
        "google.timeline_edits"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Takeout, modifications de la Timeline (Timeline Edits.json)",
            Lang::En => "Google Takeout, Timeline edits (Timeline Edits.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        contains(head, KEY).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut watch = KeyWatch::new(reader, KEY);
        let result =
            for_each_element::<Edit>(&mut watch, &["timelineEdits"], &mut |e| e.hand_over(out));
        match result {
            // No `timelineEdits` at all: not this file.
            Ok(0) if !watch.seen => Some(ErrorKind::Malformed),
            Ok(_) => None,
            Err(error) => Some(json_error(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::structure::json_structure;
    use crate::sources::collect;

    fn sample() -> Vec<u8> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/samples/google/Timeline Edits.json"
        );
        std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_sample_gives_its_one_position() {
        let (out, error) = collect(&GoogleTimelineEdits, &sample());
        assert_eq!(error, None);
        // jq -c '[.timelineEdits[].rawSignal.signal.position | [.point.latE7, .point.lngE7, .timestamp]]'
        // → [[355831402,-1193393903,"2025-08-15T14:32:18.000Z"]]
        // date -ud 2025-08-15T14:32:18Z +%s%3N → 1755268338000
        let fixes: Vec<(i64, i32, i32, &str)> = out
            .fixes
            .iter()
            .map(|(f, s)| (f.time, f.at.lat_e7, f.at.lng_e7, s.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [(1_755_268_338_000, 355_831_402, -1_193_393_903, "")]
        );
        // jq '[.timelineEdits[] | select(.placeAggregates)] | length' → 0
        assert!(out.places.is_empty());
        assert_eq!(out.skipped, 0);
    }

    #[test]
    fn cut_off_sample_says_so() {
        let bytes = sample();
        for cut in [bytes.len() / 3, bytes.len() * 2 / 3, bytes.len() - 2] {
            let (_, error) = collect(&GoogleTimelineEdits, &bytes[..cut]);
            assert_eq!(error, Some(ErrorKind::Truncated), "cut at {cut}");
        }
    }

    #[test]
    fn every_signal_kind_and_place_aggregates() {
        let (out, error) = collect(
            &GoogleTimelineEdits,
            br#"{"timelineEdits": [
              {"deviceId": "1", "rawSignal": {"signal": {"position": {"point": {"latE7": 485000000, "lngE7": 23000000},
                "accuracyMm": 12000, "source": "WIFI", "timestamp": "2025-01-01T00:00:00Z"}}}},
              {"deviceId": "1", "rawSignal": {"signal": {"position": {"point": {"latitudeE7": "485000000", "longitudeE7": "23000000"},
                "source": "GPS"}}, "additionalTimestamp": "2025-01-01T00:01:00Z"}},
              {"deviceId": "1", "rawSignal": {"signal": {"position": {"point": {}, "timestamp": "2025-01-01T00:02:00Z"}}}},
              {"deviceId": "1", "rawSignal": {"signal": {"activityRecord": {"detectedActivities": [{"activityType": "STILL", "probability": 0.9}],
                "timestamp": "2025-01-01T00:03:00Z"}}}},
              {"deviceId": "1", "rawSignal": {"signal": {"wifiScan": {"deliveryTime": "2025-01-01T00:04:00Z", "devices": [{"mac": "1", "rawRssi": -60}]}}}},
              {"deviceId": "1", "placeAggregates": {"placeAggregateInfo": [
                {"score": 0.9, "point": {"latE7": 488566000, "lngE7": 23522000}, "placeId": "ChIJa"},
                {"score": 0.5, "placePoint": {"latE7": 457640000, "lngE7": 48357000}},
                {"score": 0.1, "placeId": "ChIJnowhere"}],
                "windowSizeHrs": 2160, "topRankedPlacesPlaceIds": ["ChIJa"]}}
            ]}"#,
        );
        assert_eq!(error, None);
        let fixes: Vec<(i64, &str)> = out
            .fixes
            .iter()
            .map(|(f, s)| (f.time, s.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [(1_735_689_600_000, "WIFI"), (1_735_689_660_000, "GPS")]
        );
        assert_eq!(out.skipped, 1);
        let places: Vec<(PlaceLabel, Option<LatLng>, Option<&str>)> = out
            .places
            .iter()
            .map(|p| (p.label, p.at, p.place_id.as_deref()))
            .collect();
        assert_eq!(
            places,
            [
                (
                    PlaceLabel::Other,
                    LatLng::from_e7(488_566_000, 23_522_000),
                    Some("ChIJa")
                ),
                (
                    PlaceLabel::Other,
                    LatLng::from_e7(457_640_000, 48_357_000),
                    None
                )
            ]
        );
    }

    #[test]
    fn detection_reads_the_key_and_leaves_the_others_alone() {
        assert!(GoogleTimelineEdits
            .detect(
                "Takeout/Historique des positions/Timeline Edits.json",
                &sample()
            )
            .is_some());
        assert!(GoogleTimelineEdits
            .detect("Timeline Edits.json", br#"{"timelineObjects": []}"#)
            .is_none());
        assert!(crate::sources::GoogleRecords
            .detect("Timeline Edits.json", &sample())
            .is_none());
        let (_, error) = collect(&GoogleTimelineEdits, br#"{"locations": []}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (out, error) = collect(&GoogleTimelineEdits, br#"{"timelineEdits": []}"#);
        assert_eq!((out.fixes.len(), error), (0, None));
    }

    #[test]
    fn a_realistic_edit_has_the_shape_of_the_sample() {
        let realistic = br#"{"timelineEdits": [{"deviceId": "42", "rawSignal": {"signal": {"position":
            {"point": {"latE7": 488566000, "lngE7": 23522000}, "accuracyMm": 8000, "timestamp": "2025-03-01T08:00:00.000Z"}}}}]}"#;
        let paths = |bytes: &[u8]| -> Vec<String> {
            json_structure(bytes).unwrap().paths.into_keys().collect()
        };
        assert_eq!(paths(realistic), paths(&sample()));
    }
}
