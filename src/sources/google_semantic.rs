//! Google Takeout location history, legacy monthly summaries: Semantic Location History.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", until Google moved Timeline onto
//! the phone in 2024 (older archives keep it). Path:
//! `Takeout/<Location History>/Semantic Location History/2021/2021_JULY.json`, one file per month
//! (folder names are translated, the month is in English capitals), so detection reads the
//! content: the `"timelineObjects"` key.
//!
//! Shape: `{"timelineObjects": [{"placeVisit": {…}}, {"activitySegment": {…}}, …]}`, both kinds
//! in one array, in time order; 10 KB to 5 MB a month, streamed element by element.
//! - `placeVisit`: `location{latitudeE7, longitudeE7, placeId, name, address (lines joined by
//!   "\n"), semanticType (TYPE_HOME, TYPE_WORK, TYPE_SEARCHED_ADDRESS…)}`, `duration{startTimestamp,
//!   endTimestamp}`, `centerLatE7/centerLngE7`, `simplifiedRawPath{points[{latE7, lngE7,
//!   timestamp}]}`, `childVisits`, candidates and confidences.
//! - `activitySegment`: `startLocation`/`endLocation{latitudeE7, longitudeE7}`, `duration`,
//!   `distance` (m), `activityType` (or only `activities[{activityType, probability}]` in old
//!   files), `waypointPath{waypoints[{latE7, lngE7}], travelMode}`, `simplifiedRawPath`,
//!   `transitPath`, `parkingEvent`.
//!
//! Handed over: each `placeVisit` as a [`Visit`] (its `location`, or its centre; its name, or the
//! first line of its address; `semanticType` as its label), plus a [`ServicePlace`] when Google
//! labelled it home or work (`TYPE_HOME`, `TYPE_WORK`; once per such visit, so repeated);
//! each `activitySegment` as a [`Move`] (`{}` locations give `None`; the mode is `activityType`,
//! else the likeliest of `activities`, else the waypoint path's `travelMode`; `distance` only,
//! not the snapped path's `distanceMeters`, which measures something else).
//!
//! Fixes: the points of `simplifiedRawPath` that carry a time are real fixes and are handed over
//! as such (those without a usable position or time are counted as skipped). `waypointPath`
//! points carry no time: they are the shape of a path, never a fix on their own, and are not
//! interpolated. Many months (old ones especially) hold no raw path at all; their only
//! timed positions are the ones Google ties to an instant itself: a visit's place at its start
//! and at its end (sources `VISIT_ARRIVAL`, `VISIT_DEPARTURE`, the names `Records.json` uses), a
//! move's start at its start and its end at its end (`ACTIVITY_START`, `ACTIVITY_END`). So a
//! timeline object with no timed raw point hands over those two fixes; where a move's
//! `startLocation`/`endLocation` is `{}`, the first/last waypoint stands for it (the waypoint
//! path runs from the move's start to its end: consecutive moves' paths meet at the same point).
//! An object with raw points hands over only those, so that nothing is counted twice; a fix equal
//! to the one just handed (a move ending where the next one starts) is not handed again.
//!
//! Quirks: files up to ~2021 write `startTimestampMs`/`endTimestampMs` (epoch milliseconds as a
//! string) and `timestampMs`; some tools wrote epoch seconds (taken when the number is too small
//! to be milliseconds); some files start with a byte-order mark; empty months are 23 bytes
//! (`{"timelineObjects": []}`) and read as nothing, without error. Old files write activity
//! probabilities as `0.0`.

use std::io::Read;

use serde::Deserialize;

use super::gpx::contains;
use super::loose::{e7, first_instant, json_error, KeyWatch, Loose};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::for_each_element;
use crate::model::location::{
    Fix, LatLng, LocationSink, Mode, Move, PlaceLabel, ServicePlace, Visit,
};
use crate::model::time::Millis;

pub struct GoogleSemantic;

const KEY: &[u8] = b"\"timelineObjects\"";

/// One element of `timelineObjects`: one of the two kinds (or, liberally, neither).
#[derive(Deserialize)]
struct TimelineObject {
    #[serde(rename = "placeVisit")]
    place_visit: Option<PlaceVisit>,
    #[serde(rename = "activitySegment")]
    activity_segment: Option<ActivitySegment>,
}

#[derive(Deserialize, Default)]
struct Location {
    #[serde(rename = "latitudeE7", alias = "latE7")]
    lat: Option<Loose>,
    #[serde(rename = "longitudeE7", alias = "lngE7")]
    lng: Option<Loose>,
    #[serde(rename = "placeId")]
    place_id: Option<String>,
    name: Option<String>,
    address: Option<String>,
    #[serde(rename = "semanticType")]
    semantic_type: Option<String>,
}

impl Location {
    fn at(&self) -> Option<LatLng> {
        e7(self.lat.as_ref(), self.lng.as_ref())
    }

    /// The place's name, or the first line of its address.
    fn name(&self) -> Option<String> {
        let name = self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let address = || {
            self.address
                .as_deref()
                .and_then(|a| a.lines().map(str::trim).find(|l| !l.is_empty()))
        };
        name.or_else(address).map(str::to_owned)
    }
}

#[derive(Deserialize)]
struct Duration {
    #[serde(rename = "startTimestamp")]
    start: Option<Loose>,
    #[serde(rename = "startTimestampMs")]
    start_ms: Option<Loose>,
    #[serde(rename = "endTimestamp")]
    end: Option<Loose>,
    #[serde(rename = "endTimestampMs")]
    end_ms: Option<Loose>,
}

impl Duration {
    /// Start and end; one missing stands for the other.
    fn span(&self) -> Option<(Millis, Millis)> {
        let start = first_instant(&[&self.start, &self.start_ms]);
        let end = first_instant(&[&self.end, &self.end_ms]);
        match (start, end) {
            (Some(s), Some(e)) => Some((s, e)),
            (Some(t), None) | (None, Some(t)) => Some((t, t)),
            (None, None) => None,
        }
    }
}

/// A point of `simplifiedRawPath` or `waypointPath`.
#[derive(Deserialize)]
struct Point {
    #[serde(rename = "latE7", alias = "latitudeE7")]
    lat: Option<Loose>,
    #[serde(rename = "lngE7", alias = "longitudeE7")]
    lng: Option<Loose>,
    timestamp: Option<Loose>,
    #[serde(rename = "timestampMs")]
    timestamp_ms: Option<Loose>,
    source: Option<String>,
}

impl Point {
    fn at(&self) -> Option<LatLng> {
        e7(self.lat.as_ref(), self.lng.as_ref())
    }
}

#[derive(Deserialize)]
struct RawPath {
    #[serde(default)]
    points: Vec<Point>,
}

#[derive(Deserialize)]
struct WaypointPath {
    #[serde(default)]
    waypoints: Vec<Point>,
    #[serde(rename = "travelMode")]
    travel_mode: Option<String>,
}

#[derive(Deserialize)]
struct PlaceVisit {
    location: Option<Location>,
    duration: Option<Duration>,
    #[serde(rename = "centerLatE7")]
    center_lat: Option<Loose>,
    #[serde(rename = "centerLngE7")]
    center_lng: Option<Loose>,
    #[serde(rename = "simplifiedRawPath")]
    raw_path: Option<RawPath>,
}

#[derive(Deserialize)]
struct Activity {
    #[serde(rename = "activityType")]
    activity_type: Option<String>,
}

#[derive(Deserialize)]
struct ActivitySegment {
    #[serde(rename = "startLocation")]
    start_location: Option<Location>,
    #[serde(rename = "endLocation")]
    end_location: Option<Location>,
    duration: Option<Duration>,
    distance: Option<Loose>,
    #[serde(rename = "activityType")]
    activity_type: Option<String>,
    #[serde(default)]
    activities: Vec<Activity>,
    #[serde(rename = "waypointPath")]
    waypoint_path: Option<WaypointPath>,
    #[serde(rename = "simplifiedRawPath")]
    raw_path: Option<RawPath>,
}

impl ActivitySegment {
    fn mode(&self) -> Mode {
        let likeliest = || {
            self.activities
                .iter()
                .find_map(|a| a.activity_type.as_deref())
        };
        let travel = || {
            self.waypoint_path
                .as_ref()
                .and_then(|w| w.travel_mode.as_deref())
        };
        self.activity_type
            .as_deref()
            .or_else(likeliest)
            .or_else(travel)
            .map_or(Mode::Unknown, Mode::parse)
    }

    /// The first and last positions of the waypoint path.
    fn waypoint_ends(&self) -> (Option<LatLng>, Option<LatLng>) {
        let points = self.waypoint_path.as_ref().map(|w| &w.waypoints[..]);
        let points = points.unwrap_or_default();
        (
            points.iter().find_map(Point::at),
            points.iter().rev().find_map(Point::at),
        )
    }
}

/// Hands over what the file holds, remembering the last fix so as not to repeat it.
struct Reader<'a> {
    out: &'a mut dyn LocationSink,
    last: Option<Fix>,
}

impl Reader<'_> {
    fn fix(&mut self, time: Millis, at: Option<LatLng>, source: &str) {
        let Some(at) = at else { return };
        let fix = Fix { time, at };
        if self.last != Some(fix) {
            self.out.fix(fix, source);
            self.last = Some(fix);
        }
    }

    /// Hands over the timed points of a raw path; returns how many were.
    fn raw_path(&mut self, path: Option<&RawPath>) -> usize {
        let mut handed = 0;
        for point in path.map(|p| &p.points[..]).unwrap_or_default() {
            let time = first_instant(&[&point.timestamp, &point.timestamp_ms]);
            match (point.at(), time) {
                (Some(at), Some(time)) => {
                    self.fix(time, Some(at), point.source.as_deref().unwrap_or(""));
                    handed += 1;
                }
                _ => self.out.skipped(),
            }
        }
        handed
    }

    fn object(&mut self, object: TimelineObject) {
        match object {
            TimelineObject {
                place_visit: Some(visit),
                ..
            } => self.place_visit(&visit),
            TimelineObject {
                activity_segment: Some(segment),
                ..
            } => self.segment(&segment),
            _ => self.out.skipped(),
        }
    }

    fn place_visit(&mut self, visit: &PlaceVisit) {
        let location = visit.location.as_ref();
        let at = location
            .and_then(Location::at)
            .or_else(|| e7(visit.center_lat.as_ref(), visit.center_lng.as_ref()));
        let place_id = location.and_then(|l| l.place_id.clone());
        let label = location
            .and_then(|l| l.semantic_type.as_deref())
            .map(PlaceLabel::parse);
        if let Some(label @ (PlaceLabel::Home | PlaceLabel::Work)) = label {
            self.out.service_place(&ServicePlace {
                label,
                at,
                place_id: place_id.clone(),
            });
        }
        let timed = self.raw_path(visit.raw_path.as_ref());
        let Some((start, end)) = visit.duration.as_ref().and_then(Duration::span) else {
            self.out.skipped();
            return;
        };
        self.out.visit(&Visit {
            start,
            end,
            at,
            place_id,
            name: location.and_then(Location::name),
            label,
        });
        if timed == 0 {
            self.fix(start, at, "VISIT_ARRIVAL");
            self.fix(end, at, "VISIT_DEPARTURE");
        }
    }

    fn segment(&mut self, segment: &ActivitySegment) {
        // Ends left empty (`{}`) are where the path starts and ends.
        let (first, last) = segment.waypoint_ends();
        let from = segment.start_location.as_ref().and_then(Location::at);
        let to = segment.end_location.as_ref().and_then(Location::at);
        let timed = self.raw_path(segment.raw_path.as_ref());
        let Some((start, end)) = segment.duration.as_ref().and_then(Duration::span) else {
            self.out.skipped();
            return;
        };
        self.out.movement(&Move {
            start,
            end,
            from: from.or(first),
            to: to.or(last),
            distance_m: segment
                .distance
                .as_ref()
                .and_then(Loose::number)
                .filter(|d| *d >= 0.0),
            mode: segment.mode(),
        });
        if timed == 0 {
            self.fix(start, from.or(first), "ACTIVITY_START");
            self.fix(end, to.or(last), "ACTIVITY_END");
        }
    }
}

impl Source for GoogleSemantic {
    fn id(&self) -> &'static str {
        "google.semantic"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => {
                "Google, historique des positions mois par mois (Semantic Location History)"
            }
            Lang::En => "Google Location History, month by month (Semantic Location History)",
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
        let mut state = Reader { out, last: None };
        let result =
            for_each_element::<TimelineObject>(&mut watch, &["timelineObjects"], &mut |o| {
                state.object(o);
            });
        match result {
            // No `timelineObjects` at all: not a month of Semantic Location History.
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

    fn sample(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../shared/samples/google/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn december() -> Vec<u8> {
        sample("semantic_history_2013_DECEMBER.json")
    }

    fn with_bom() -> Vec<u8> {
        sample("semantic_history_with_bom.json")
    }

    #[test]
    fn the_2013_sample_gives_three_moves_and_their_ends_as_fixes() {
        let (out, error) = collect(&GoogleSemantic, &december());
        assert_eq!(error, None);
        // jq '[.timelineObjects[] | select(.activitySegment)] | length' → 3; placeVisit → 0
        assert_eq!(out.moves.len(), 3);
        assert!(out.visits.is_empty() && out.places.is_empty());
        // jq -c '.timelineObjects[].activitySegment | [.activities[0].activityType, .distance]'
        // → ["WALKING",null] ["IN_VEHICLE",3853] ["WALKING",413]
        let moves: Vec<(Mode, Option<f64>)> =
            out.moves.iter().map(|m| (m.mode, m.distance_m)).collect();
        assert_eq!(
            moves,
            [
                (Mode::Walking, None),
                (Mode::Car, Some(3853.0)),
                (Mode::Walking, Some(413.0))
            ]
        );
        // Every startLocation/endLocation is `{}`:
        // jq '[.timelineObjects[].activitySegment | .startLocation, .endLocation | length] | add' → 0
        // so the moves start and end where their waypoint paths do.
        // jq -c '.timelineObjects[0].activitySegment.waypointPath.waypoints[0]' → {"latE7":533407440,"lngE7":837026901}
        assert!(out.moves.iter().all(|m| m.from.is_some() && m.to.is_some()));
        assert_eq!(
            out.moves[0].from,
            Some(LatLng {
                lat_e7: 533_407_440,
                lng_e7: 837_026_901
            })
        );
        // jq -r '.timelineObjects[0].activitySegment.duration.startTimestamp' → 2013-12-01T07:05:14.222Z
        // date -ud 2013-12-01T07:05:14.222Z +%s%3N → 1385881514222
        assert_eq!(out.moves.first().map(|m| m.start), Some(1_385_881_514_222));
        // No raw path, waypoints without time: the ends stand in, 2 per move, minus the 2 where a
        // move ends where the next starts (same time, same point):
        // jq -c '.timelineObjects[].activitySegment | [.duration.startTimestamp, .waypointPath.waypoints[0], .duration.endTimestamp, .waypointPath.waypoints[-1]]'
        assert_eq!(out.fixes.len(), 4);
        let (first, source) = out.fixes.first().unwrap();
        assert_eq!(
            (
                first.time,
                first.at.lat_e7,
                first.at.lng_e7,
                source.as_str()
            ),
            (
                1_385_881_514_222,
                533_407_440,
                837_026_901,
                "ACTIVITY_START"
            )
        );
        assert_eq!(out.skipped, 0);
    }

    #[test]
    fn the_sample_with_a_byte_order_mark_reads_like_any_other() {
        let (out, error) = collect(&GoogleSemantic, &with_bom());
        assert_eq!(error, None);
        // head -c3 semantic_history_with_bom.json | xxd -p → efbbbf
        assert!(with_bom().starts_with(b"\xEF\xBB\xBF"));
        // tail -c +4 semantic_history_with_bom.json | jq -c '.timelineObjects[0].activitySegment | [.startLocation, .endLocation]'
        // → [{"latitudeE7":604518000,"longitudeE7":222666000},{"latitudeE7":604519000,"longitudeE7":222667000}]
        let m = out.moves.first().unwrap();
        assert_eq!(m.from, LatLng::from_e7(604_518_000, 222_666_000));
        assert_eq!(m.to, LatLng::from_e7(604_519_000, 222_667_000));
        // date -ud 2024-01-01T10:00:00Z +%s%3N → 1704103200000
        assert_eq!((m.start, m.end), (1_704_103_200_000, 1_704_105_000_000));
        assert_eq!(m.mode, Mode::Unknown);
        let fixes: Vec<(i64, i32, &str)> = out
            .fixes
            .iter()
            .map(|(f, s)| (f.time, f.at.lat_e7, s.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [
                (1_704_103_200_000, 604_518_000, "ACTIVITY_START"),
                (1_704_105_000_000, 604_519_000, "ACTIVITY_END")
            ]
        );
    }

    #[test]
    fn cut_off_samples_say_so() {
        for sample in [december(), with_bom()] {
            for cut in [sample.len() / 3, sample.len() * 2 / 3, sample.len() - 2] {
                let (_, error) = collect(&GoogleSemantic, &sample[..cut]);
                assert_eq!(error, Some(ErrorKind::Truncated), "cut at {cut}");
            }
        }
        // The 2013 sample keeps the first move when cut at a third.
        let december = december();
        let (out, _) = collect(&GoogleSemantic, &december[..december.len() / 3]);
        assert_eq!(out.moves.len(), 1);
    }

    #[test]
    fn visits_their_labels_raw_paths_and_legacy_milliseconds() {
        let (out, error) = collect(
            &GoogleSemantic,
            br#"{"timelineObjects": [
              {"placeVisit": {
                "location": {"latitudeE7": 488566000, "longitudeE7": 23522000, "placeId": "ChIJhome",
                             "address": "\n 1 rue de la Paix\n75002 Paris", "semanticType": "TYPE_HOME"},
                "duration": {"startTimestampMs": "1500000000000", "endTimestampMs": "1500003600000"},
                "placeConfidence": "HIGH_CONFIDENCE"}},
              {"activitySegment": {
                "startLocation": {"latitudeE7": 488566000, "longitudeE7": 23522000},
                "endLocation": {"latitudeE7": "457640000", "longitudeE7": "48357000"},
                "duration": {"startTimestamp": "2017-07-14T03:40:00Z", "endTimestamp": "2017-07-14T05:40:00Z"},
                "distance": 391500, "activityType": "IN_TRAIN",
                "simplifiedRawPath": {"points": [
                  {"latE7": 480000000, "lngE7": 30000000, "timestampMs": "1500004200000"},
                  {"latE7": 470000000, "lngE7": 40000000, "timestamp": "2017-07-14T04:30:00Z", "source": "gps"},
                  {"latE7": 470000000, "lngE7": 40000000},
                  {"latE7": 999999999, "lngE7": 40000000, "timestamp": "2017-07-14T04:40:00Z"}
                ]}}},
              {"placeVisit": {
                "location": {"placeId": "ChIJwork", "name": "Bureau", "semanticType": "TYPE_WORK"},
                "centerLatE7": 457640000, "centerLngE7": 48357000,
                "duration": {"startTimestamp": 1500010000, "endTimestamp": "2017-07-14T08:00:00Z"}}},
              {"placeVisit": {"location": {"latitudeE7": 1, "longitudeE7": 1}}},
              {"somethingNew": {}}
            ]}"#,
        );
        assert_eq!(error, None);
        assert_eq!(out.visits.len(), 2);
        let home = out.visits.first().unwrap();
        assert_eq!(home.name.as_deref(), Some("1 rue de la Paix"));
        assert_eq!(home.label, Some(PlaceLabel::Home));
        assert_eq!(
            (home.start, home.end),
            (1_500_000_000_000, 1_500_003_600_000)
        );
        let work = out.visits.get(1).unwrap();
        // Epoch seconds, and the centre when the location has no coordinates.
        assert_eq!(work.start, 1_500_010_000_000);
        assert_eq!(work.at, LatLng::from_e7(457_640_000, 48_357_000));
        assert_eq!(work.name.as_deref(), Some("Bureau"));
        let places: Vec<(PlaceLabel, Option<&str>)> = out
            .places
            .iter()
            .map(|p| (p.label, p.place_id.as_deref()))
            .collect();
        assert_eq!(
            places,
            [
                (PlaceLabel::Home, Some("ChIJhome")),
                (PlaceLabel::Work, Some("ChIJwork"))
            ]
        );
        let train = out.moves.first().unwrap();
        assert_eq!(train.mode, Mode::Train);
        assert_eq!(train.distance_m, Some(391_500.0));
        assert_eq!(train.to, LatLng::from_e7(457_640_000, 48_357_000));
        let sources: Vec<&str> = out.fixes.iter().map(|(_, s)| s.as_str()).collect();
        // Visit ends; the move's two timed raw points, not its ends; the second visit's ends.
        assert_eq!(
            sources,
            [
                "VISIT_ARRIVAL",
                "VISIT_DEPARTURE",
                "",
                "gps",
                "VISIT_ARRIVAL",
                "VISIT_DEPARTURE"
            ]
        );
        // Untimed and out-of-range raw points, the visit without a time, the unknown kind.
        assert_eq!(out.skipped, 4);
    }

    #[test]
    fn empty_months_are_fine_and_other_files_are_not() {
        let (out, error) = collect(&GoogleSemantic, br#"{"timelineObjects": []}"#);
        assert_eq!((out.fixes.len(), error), (0, None));
        let (_, error) = collect(&GoogleSemantic, b"\xEF\xBB\xBF{\"timelineObjects\": []}\n");
        assert_eq!(error, None);
        for other in [&br#"{"locations": []}"#[..], b"{}", b"[]"] {
            let (_, error) = collect(&GoogleSemantic, other);
            assert_eq!(error, Some(ErrorKind::Malformed));
        }
        let (_, error) = collect(&GoogleSemantic, br#"{"timelineObjects": [1]}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn detection_is_by_content_and_leaves_records_alone() {
        assert!(GoogleSemantic
            .detect("Takeout/Historique des positions/Semantic Location History/2013/2013_DECEMBER.json", &december())
            .is_some());
        assert!(GoogleSemantic.detect("x.json", &with_bom()).is_some());
        assert!(GoogleSemantic
            .detect("2021_JULY.json", br#"{"locations": [{"latitudeE7": 1}]}"#)
            .is_none());
        assert!(crate::sources::GoogleRecords
            .detect("x.json", &december())
            .is_none());
        assert!(crate::sources::GoogleRecords
            .detect("x.json", &with_bom())
            .is_none());
    }

    #[test]
    fn a_realistic_month_has_the_shape_of_the_sample() {
        let realistic = br#"{
          "timelineObjects": [
            {"activitySegment": {
              "startLocation": {}, "endLocation": {},
              "duration": {"startTimestamp": "2013-12-02T07:00:00.000Z", "endTimestamp": "2013-12-02T07:30:00.000Z"},
              "distance": 1200, "confidence": "LOW",
              "activities": [{"activityType": "CYCLING", "probability": 0.0}],
              "waypointPath": {"waypoints": [{"latE7": 533407440, "lngE7": 837026901}, {"latE7": 533410301, "lngE7": 837051010}],
                               "source": "BACKFILLED", "distanceMeters": 1250.5, "travelMode": "BICYCLE", "confidence": 1.0},
              "editConfirmationStatus": "NOT_CONFIRMED"}}
          ]
        }"#;
        let paths = |bytes: &[u8]| -> Vec<String> {
            json_structure(bytes).unwrap().paths.into_keys().collect()
        };
        assert_eq!(paths(realistic), paths(&december()));
        let (out, error) = collect(&GoogleSemantic, realistic);
        assert_eq!(error, None);
        assert_eq!(out.moves.first().map(|m| m.mode), Some(Mode::Cycling));
        assert_eq!(out.fixes.len(), 2);
    }
}
