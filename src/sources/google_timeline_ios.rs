//! Google Timeline exported from the iPhone's Google Maps app (2024+): `location-history.json`.
//!
//! Where from: since Google moved Timeline onto the phone, iPhone users export it from Google Maps:
//! profile picture › Settings › Personal content › "Export Timeline data". The app writes
//! `location-history.json` (any name is possible, so detection reads the content). 1–10 MB.
//!
//! Shape: a **bare top-level array** of segments `{startTime, endTime}` (ISO 8601 with the local
//! offset) holding one of:
//! - `visit{hierarchyLevel "0", probability "0.71", topCandidate{placeID, semanticType,
//!   probability, placeLocation "geo:27.720022,-97.347951"}}`;
//! - `activity{start "geo:…", end "geo:…", distanceMeters "908.83", topCandidate{type}}`;
//! - `timelinePath[{point "geo:…", durationMinutesOffsetFromStartTime "49"}]`: the point's time
//!   is the segment's start plus that many minutes;
//! - `timelineMemory{destinations[{identifier}], distanceFromOriginKms}` (no coordinates).
//!
//! Quirks against the Android export: every number is a string, coordinates are `geo:` URIs,
//! `placeID` has a capital `ID`, `semanticType` and activity types are human-readable
//! (`"Inferred Home"`, `"in passenger vehicle"`), and there are no raw signals nor profile.
//! The segment reader is the Android one, which accepts both spellings; the hand-over is the same
//! (visits with their arrival and departure fixes, home/work service places, moves, path fixes).

use std::io::Read;

use serde::de::DeserializeSeed;

use super::google_timeline_android::{error_kind, json_text, EofWatch, Segment};
use super::gpx::contains;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::json_start;
use crate::ingest::json::Each;

pub struct GoogleTimelineIos;

impl Source for GoogleTimelineIos {
    fn id(&self) -> &'static str {
        "google.timeline.ios"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Maps, Vos trajets (export iPhone, location-history.json)",
            Lang::En => "Google Maps Timeline (iPhone export, location-history.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TIMELINE_IPHONE
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let text = json_text(head);
        let has = |needle: &[u8]| contains(text, needle);
        let segment = has(b"\"visit\"") || has(b"\"activity\"") || has(b"\"timelinePath\"");
        (text.starts_with(b"[") && has(b"\"geo:") && segment).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut text = EofWatch::new(json_start(reader));
        let mut de = serde_json::Deserializer::from_reader(&mut text);
        let read = Each {
            each: &mut |s: Segment| s.hand_over(out),
            nullable: false,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        drop(de);
        read.err().map(|e| error_kind(e, text.ended))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::structure::json_structure;
    use crate::model::location::{Fix, LatLng, Mode, PlaceLabel, ServicePlace};
    use crate::sources::collect;

    fn sample(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/google")
            .join(name);
        std::fs::read(path).unwrap()
    }

    fn at(lat: f64, lng: f64) -> Option<LatLng> {
        LatLng::from_degrees(lat, lng)
    }

    #[test]
    fn the_sample_visit_and_path_points_at_start_plus_their_minutes() {
        let (out, error) = collect(&GoogleTimelineIos, &sample("location-history_ios.json"));
        assert_eq!(error, None);
        // python3 -c "import json; d=json.load(open('../shared/samples/google/location-history_ios.json')); print(sum('visit' in s for s in d), sum('activity' in s for s in d), sum(len(s.get('timelinePath',[])) for s in d))"
        // → 1 0 10
        assert_eq!((out.visits.len(), out.moves.len()), (1, 0));
        let path: Vec<Fix> = out
            .fixes
            .iter()
            .filter(|(_, s)| s == "TIMELINE_PATH")
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(path.len(), 10);
        // The visit's place at arrival and departure.
        assert_eq!(out.fixes.len(), 12);
        assert_eq!((out.skipped, out.places.len()), (0, 0));
        // python3 -c "import json; from datetime import datetime as D, timedelta as T; d=json.load(open('../shared/samples/google/location-history_ios.json')); print([(p['point'], int((D.fromisoformat(s['startTime'])+T(minutes=int(p['durationMinutesOffsetFromStartTime']))).timestamp()*1000)) for s in d for p in s.get('timelinePath',[])])"
        // → first ('geo:27.720007,-97.348044', 1693169340000), last ('geo:27.709617,-97.375988', 1693180320000)
        let first = path.first().unwrap();
        let last = path.last().unwrap();
        assert_eq!(
            (first.time, Some(first.at)),
            (1_693_169_340_000, at(27.720_007, -97.348_044))
        );
        assert_eq!(
            (last.time, Some(last.at)),
            (1_693_180_320_000, at(27.709_617, -97.375_988))
        );
        // python3 -c "import json; from datetime import datetime as D; v=json.load(open('../shared/samples/google/location-history_ios.json'))[0]; print(int(D.fromisoformat(v['startTime']).timestamp()*1000), int(D.fromisoformat(v['endTime']).timestamp()*1000), v['visit']['topCandidate'])"
        // → 1693169336000 1693173866999, placeID ChIJxxP_Qwb2aIYRTwDNDLkUmD0, Unknown, geo:27.720022,-97.347951
        let visit = &out.visits[0];
        assert_eq!(
            (visit.start, visit.end),
            (1_693_169_336_000, 1_693_173_866_999)
        );
        assert_eq!(visit.at, at(27.720_022, -97.347_951));
        assert_eq!(
            visit.place_id.as_deref(),
            Some("ChIJxxP_Qwb2aIYRTwDNDLkUmD0")
        );
        assert_eq!(visit.label, Some(PlaceLabel::Other));
    }

    /// The documented iOS forms the sample lacks: activities, home labels in words, every number
    /// as a string.
    const VARIANTS: &[u8] = br#"[
  {"endTime": "2024-05-01T09:00:00.000+02:00", "startTime": "2024-05-01T08:00:00.000+02:00",
   "visit": {"hierarchyLevel": "0", "topCandidate": {"probability": "0.9", "semanticType": "Inferred Home", "placeID": "ChIJh", "placeLocation": "geo:46.16,-1.15"}, "probability": "0.8"}},
  {"endTime": "2024-05-01T09:30:00.000+02:00", "startTime": "2024-05-01T09:00:00.000+02:00",
   "activity": {"probability": "0.99", "end": "geo:46.17,-1.16", "topCandidate": {"type": "in passenger vehicle", "probability": "0.7"}, "distanceMeters": "908.83", "start": "geo:46.16,-1.15"}},
  {"endTime": "2024-05-01T10:00:00.000+02:00", "startTime": "2024-05-01T09:30:00.000+02:00",
   "activity": {"end": "geo:", "topCandidate": {"type": "walking"}, "distanceMeters": "n/a", "start": "geo:46.17,-1.16"}},
  {"endTime": "2024-05-01T18:00:00.000+02:00", "startTime": "2024-05-01T10:00:00.000+02:00",
   "visit": {"topCandidate": {"semanticType": "Work", "placeID": "ChIJw", "placeLocation": "geo:46.18,-1.17"}}},
  {"endTime": "2024-05-01T20:00:00.000+02:00", "startTime": "2024-05-01T18:00:00.000+02:00",
   "timelinePath": [
     {"point": "geo:46.18,-1.17", "durationMinutesOffsetFromStartTime": "0"},
     {"point": "geo:46.19,-1.18", "durationMinutesOffsetFromStartTime": "soon"},
     {"point": "geo:99,-1.18", "durationMinutesOffsetFromStartTime": "3"},
     {"point": "geo:46.2,-1.19", "durationMinutesOffsetFromStartTime": 5}
   ]},
  {"endTime": "2024-05-01T20:00:00.000+02:00",
   "timelinePath": [{"point": "geo:46.18,-1.17", "durationMinutesOffsetFromStartTime": "1"}]},
  {"endTime": "2024-05-03T20:00:00.000+02:00", "startTime": "2024-05-01T20:00:00.000+02:00",
   "timelineMemory": {"destinations": [{"identifier": "ChIJd"}], "distanceFromOriginKms": "1594"}}
]"#;

    #[test]
    fn activities_home_and_work_and_string_numbers() {
        let (out, error) = collect(&GoogleTimelineIos, VARIANTS);
        assert_eq!(error, None);
        assert_eq!(
            out.places,
            [
                ServicePlace {
                    label: PlaceLabel::InferredHome,
                    at: at(46.16, -1.15),
                    place_id: Some("ChIJh".into()),
                },
                ServicePlace {
                    label: PlaceLabel::Work,
                    at: at(46.18, -1.17),
                    place_id: Some("ChIJw".into()),
                },
            ]
        );
        let moves: Vec<(Mode, Option<f64>, bool)> = out
            .moves
            .iter()
            .map(|m| (m.mode, m.distance_m, m.to.is_some()))
            .collect();
        assert_eq!(
            moves,
            [
                (Mode::Car, Some(908.83), true),
                (Mode::Walking, None, false)
            ]
        );
        let path: Vec<i64> = out
            .fixes
            .iter()
            .filter(|(_, s)| s == "TIMELINE_PATH")
            .map(|(f, _)| f.time)
            .collect();
        // python3 -c "from datetime import datetime as D; print(int(D.fromisoformat('2024-05-01T18:00:00.000+02:00').timestamp()*1000))"
        // → 1714579200000; the offset may also be a plain number.
        assert_eq!(path, [1_714_579_200_000, 1_714_579_200_000 + 5 * 60_000]);
        // Skipped: an offset that is no number, a point out of range, a point without start.
        assert_eq!(out.skipped, 3);
        assert_eq!(out.fixes.len(), 2 + 2 + 2);
    }

    #[test]
    fn the_variants_fixture_has_the_shape_of_the_real_sample() {
        let real = json_structure(&sample("location-history_ios.json")[..]).unwrap();
        let ours = json_structure(VARIANTS).unwrap();
        for path in ours.paths.keys() {
            let known = real.paths.contains_key(path) || path.starts_with("$[].activity");
            assert!(known, "{path} is in no real export");
        }
        // Same leaf types: strings everywhere the sample has strings.
        for (path, stats) in &real.paths {
            if let Some(ours) = ours.paths.get(path) {
                assert!(stats.types.string || !ours.types.string, "{path}");
            }
        }
    }

    #[test]
    fn cut_off_damaged_and_foreign_files() {
        let whole = sample("location-history_ios.json");
        let (all, _) = collect(&GoogleTimelineIos, &whole);
        // The sample ends with a line feed: every cut before it loses part of the JSON.
        for cut in 1..whole.len() - 1 {
            let (out, error) = collect(&GoogleTimelineIos, &whole[..cut]);
            assert_eq!(error, Some(ErrorKind::Truncated), "cut at {cut}");
            assert!(all.fixes.starts_with(&out.fixes), "cut at {cut}");
        }
        let (_, error) = collect(&GoogleTimelineIos, br#"{"semanticSegments": []}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (_, error) = collect(&GoogleTimelineIos, br#"[{"visit": "here"}]"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        let (out, error) = collect(&GoogleTimelineIos, b"\xEF\xBB\xBF[]");
        assert_eq!((error, out.fixes.len()), (None, 0));
        // Elements that are not segments at all.
        let (out, error) = collect(&GoogleTimelineIos, br#"[{}, {"startTime": 1}]"#);
        assert_eq!((error, out.skipped), (None, 2));
    }

    #[test]
    fn detection_wants_an_array_of_segments_with_geo_positions() {
        assert!(GoogleTimelineIos
            .detect("x.json", &sample("location-history_ios.json"))
            .is_some());
        assert!(GoogleTimelineIos
            .detect(
                "x.json",
                b"\xEF\xBB\xBF\n[{\"activity\": {\"start\": \"geo:1,2\""
            )
            .is_some());
        for other in [
            "Records.json",
            "Timeline_android_gpsbabel.json",
            "Timeline_android_rawSignals.json",
            "watch-history.json",
        ] {
            assert!(
                GoogleTimelineIos.detect(other, &sample(other)).is_none(),
                "{other}"
            );
        }
        // Arrays of other things, and a geo: URI outside an array.
        assert!(GoogleTimelineIos
            .detect("x.json", br#"[{"title": "geo:1,2"}]"#)
            .is_none());
        assert!(GoogleTimelineIos
            .detect("x.json", br#"{"visit": "geo:1,2"}"#)
            .is_none());
    }
}
