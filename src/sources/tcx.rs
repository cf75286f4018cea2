//! Garmin Training Center XML: `*.tcx`, a workout with its GPS track.
//!
//! Where from: Google Fit's Takeout (`Takeout/Fit/Activities/*.tcx`, one file per workout), Strava's
//! account archive (`activities/<id>.tcx.gz`, when the activity was uploaded as TCX: the archive
//! walker inflates the `.gz`), Garmin Connect ("Export to TCX"), Polar, Suunto and many apps.
//! Detection reads the content: the root element `<TrainingCenterDatabase`.
//!
//! Shape: `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/
//! TrainingCenterDatabase/v2">` holding `Activities/Activity Sport="Running|Biking|Other"` with an
//! `Id` (the start, ISO 8601) and `Lap StartTime="…"` elements (`TotalTimeSeconds`,
//! `DistanceMeters`, `Calories`…), each with `Track/Trackpoint{Time, Position{LatitudeDegrees,
//! LongitudeDegrees}, AltitudeMeters, DistanceMeters, HeartRateBpm{Value}}`; and
//! `Courses/Course/Track`, a planned route whose points carry the times the plan gives them. Each
//! trackpoint with a time and a position is a fix; each activity is a [`Move`] (its sport, its
//! start, its laps' time and distance added up, its first and last positions). Trackpoints are
//! streamed one at a time, never a whole activity.
//!
//! Quirks: trackpoints without `Position` are common (indoor workouts, pauses, a heart-rate strap
//! only) and are skipped; a `Track` may be empty; namespace prefixes (`<tcx:Trackpoint>`) are
//! dropped; times may have milliseconds or an offset; `Sport="Other"` says nothing of the way of
//! moving. No TCX sample was at hand: the shape follows `formats.md` and Garmin's schema.

use std::io::Read;

use super::gpx::{degrees, ends_with, has_root, parse_utc, xml_error};
use super::loose::fix_or_skip;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::xml::{for_each_found, Element, Found};
use crate::model::location::{LatLng, LocationSink, Mode, Move};
use crate::model::time::Millis;

pub struct Tcx;

/// What the fixes from this source are called.
const FIX_SOURCE: &str = "GPS";

/// An activity being read: what its `Move` will say.
#[derive(Debug, Default)]
struct Activity {
    mode: Option<Mode>,
    start: Option<Millis>,
    /// The laps' `TotalTimeSeconds` and `DistanceMeters`, added up.
    seconds: Option<f64>,
    metres: Option<f64>,
    first: Option<(Millis, LatLng)>,
    last: Option<(Millis, LatLng)>,
}

impl Activity {
    /// Hands the activity over as a move, if anything tells when it began.
    fn finish(self, out: &mut dyn LocationSink) {
        let Some(mode) = self.mode else {
            // Not an activity (a course): its points were fixes, nothing more.
            return;
        };
        let Some(start) = self.start.or(self.first.map(|(t, _)| t)) else {
            out.skipped();
            return;
        };
        #[allow(clippy::cast_possible_truncation)] // finite, non-negative, below 1e12 ms
        let duration = self
            .seconds
            .filter(|s| s.is_finite() && (0.0..1e9).contains(s))
            .map(|s| (s * 1000.0).round() as i64);
        // Laps' time is timer time, pauses left out: the last trackpoint may come later.
        let end = duration
            .map(|ms| start + ms)
            .into_iter()
            .chain(self.last.map(|(t, _)| t))
            .max()
            .filter(|&e| e >= start)
            .unwrap_or(start);
        out.movement(&Move {
            start,
            end,
            from: self.first.map(|(_, at)| at),
            to: self.last.map(|(_, at)| at),
            distance_m: self.metres.filter(|m| m.is_finite() && *m >= 0.0),
            mode,
        });
    }

    fn add(total: &mut Option<f64>, text: &str) {
        if let Some(value) = degrees(Some(text)).filter(|v| v.is_finite() && *v >= 0.0) {
            *total = Some(total.unwrap_or(0.0) + value);
        }
    }
}

fn hand_over(point: &Element, activity: Option<&mut Activity>, out: &mut dyn LocationSink) {
    let at = degrees(point.text_of("Position/LatitudeDegrees"))
        .zip(degrees(point.text_of("Position/LongitudeDegrees")))
        .and_then(|(lat, lng)| LatLng::from_degrees(lat, lng));
    let time = point.text_of("Time").and_then(parse_utc);
    if let (Some(activity), Some(at), Some(time)) = (activity, at, time) {
        activity.first.get_or_insert((time, at));
        activity.last = Some((time, at));
    }
    fix_or_skip(at, time, FIX_SOURCE, out);
}

impl Source for Tcx {
    fn id(&self) -> &'static str {
        "geo.tcx"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Séance de sport (TCX)",
            Lang::En => "Workout (TCX)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SPORTS
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        has_root(head, "TrainingCenterDatabase").then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let around = |path: &str| {
            ends_with(path, "Activities/Activity")
                || ends_with(path, "Courses/Course")
                || ends_with(path, "Activity/Lap")
        };
        let wanted = |path: &str| {
            ends_with(path, "Trackpoint")
                || ends_with(path, "Activities/Activity/Id")
                || ends_with(path, "Activity/Lap/TotalTimeSeconds")
                || ends_with(path, "Activity/Lap/DistanceMeters")
        };
        let mut activity: Option<Activity> = None;
        let result = for_each_found(reader, &around, &wanted, &mut |found| match found {
            Found::Open(path, attributes) => {
                let attribute = |name: &str| {
                    attributes
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, v)| v.as_str())
                };
                if ends_with(path, "Activity/Lap") {
                    if let Some(activity) = activity.as_mut() {
                        if activity.start.is_none() {
                            activity.start = attribute("StartTime").and_then(parse_utc);
                        }
                    }
                } else {
                    if let Some(done) = activity.take() {
                        done.finish(out);
                    }
                    let is_activity = ends_with(path, "Activity");
                    activity = Some(Activity {
                        mode: is_activity.then(|| Mode::parse(attribute("Sport").unwrap_or(""))),
                        ..Activity::default()
                    });
                }
            }
            Found::Close(path) => {
                if !ends_with(path, "Lap") {
                    if let Some(done) = activity.take() {
                        done.finish(out);
                    }
                }
            }
            Found::Element(path, element) => {
                if ends_with(path, "Trackpoint") {
                    hand_over(element, activity.as_mut(), out);
                } else if let Some(activity) = activity.as_mut() {
                    if ends_with(path, "Id") {
                        activity.start = parse_utc(&element.text).or(activity.start);
                    } else if ends_with(path, "TotalTimeSeconds") {
                        Activity::add(&mut activity.seconds, &element.text);
                    } else {
                        Activity::add(&mut activity.metres, &element.text);
                    }
                }
            }
        });
        // An activity cut off midway still says what it was.
        if let Some(done) = activity {
            done.finish(out);
        }
        result.err().map(xml_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    #[test]
    fn the_generated_ride() {
        // No TCX sample was at hand: tests/fixtures/geo.tcx/ride.tcx was written from the key
        // paths in formats.md (sections 1.6 and 14), as Google Fit writes them.
        let bytes = fixture("geo.tcx", "ride.tcx");
        assert!(Tcx.detect("Fit/Activities/ride.tcx", &bytes).is_some());
        let (out, error) = collect(&Tcx, &bytes);
        assert_eq!(error, None);
        // f=tests/fixtures/geo.tcx/ride.tcx; grep -c '<Trackpoint>' $f → 24;
        // grep -c '<Position>' $f → 22: two trackpoints have no position.
        assert_eq!((out.fixes.len(), out.skipped), (22, 2));
        // grep -o '<LatitudeDegrees>[^<]*' $f | sed -n '1p;$p' → 48.1173000, 48.1380000;
        // the same for LongitudeDegrees → -1.6778000, -1.6525000 and for Time →
        // 2023-09-03T06:15:00.000Z, 06:18:50.000Z; date -ud 2023-09-03T06:15:00Z +%s → 1693721700
        let points = out.points();
        assert_eq!(points[0], (1_693_721_700_000, 481_173_000, -16_778_000));
        assert_eq!(points[21], (1_693_721_930_000, 481_380_000, -16_525_000));
        // grep -A1 '<TotalTimeSeconds>' $f → 120.0 then the lap's DistanceMeters 1500.0; 120.0
        // and 1620.5: 240 s and 3120.5 m.
        assert_eq!(
            out.moves,
            [Move {
                start: 1_693_721_700_000,
                end: 1_693_721_940_000,
                from: LatLng::from_e7(481_173_000, -16_778_000),
                to: LatLng::from_e7(481_380_000, -16_525_000),
                distance_m: Some(3120.5),
                mode: Mode::Cycling,
            }]
        );
    }

    #[test]
    fn a_paused_activity_ends_at_its_last_point_not_at_its_timer_time() {
        // Timer 30 s, but the last point is two minutes after the start (a pause in between).
        let doc = br#"<TrainingCenterDatabase><Activities><Activity Sport="Biking">
  <Id>2024-03-01T10:00:00Z</Id><Lap StartTime="2024-03-01T10:00:00Z"><TotalTimeSeconds>30</TotalTimeSeconds><Track>
    <Trackpoint><Time>2024-03-01T10:00:00Z</Time><Position><LatitudeDegrees>46.16</LatitudeDegrees><LongitudeDegrees>-1.15</LongitudeDegrees></Position></Trackpoint>
    <Trackpoint><Time>2024-03-01T10:02:00Z</Time><Position><LatitudeDegrees>46.17</LatitudeDegrees><LongitudeDegrees>-1.15</LongitudeDegrees></Position></Trackpoint>
  </Track></Lap></Activity></Activities></TrainingCenterDatabase>"#;
        let (out, error) = collect(&Tcx, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.move_spans(),
            [(1_709_287_200_000, 1_709_287_320_000, Mode::Cycling, None)]
        );
    }

    #[test]
    fn activities_courses_and_odd_points() {
        let doc = br#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities>
  <Activity Sport="Running"><Id>2024-03-01T10:00:00Z</Id>
    <Lap StartTime="2024-03-01T10:00:00Z"><TotalTimeSeconds>60</TotalTimeSeconds><Track/>
      <Track>
        <Trackpoint><Time>2024-03-01T10:00:00Z</Time><Position><LatitudeDegrees>48.8566</LatitudeDegrees><LongitudeDegrees>2.3522</LongitudeDegrees></Position></Trackpoint>
        <Trackpoint><Time>2024-03-01T10:00:05Z</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>
        <Trackpoint><Time>2024-03-01T11:00:10+01:00</Time><Position><LatitudeDegrees>48.8567</LatitudeDegrees><LongitudeDegrees>2.3523</LongitudeDegrees></Position></Trackpoint>
        <Trackpoint><Time>2024-03-01T10:00:15Z</Time><Position><LatitudeDegrees>91</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position></Trackpoint>
        <Trackpoint><Position><LatitudeDegrees>1</LatitudeDegrees><LongitudeDegrees>1</LongitudeDegrees></Position></Trackpoint>
      </Track></Lap>
  </Activity>
  <Activity Sport="Other"><Id>2024-03-02T10:00:00Z</Id><Lap StartTime="2024-03-02T10:00:00Z"><Track>
    <Trackpoint><Time>2024-03-02T10:00:00Z</Time></Trackpoint></Track></Lap></Activity>
</Activities>
<Courses><Course><Name>Loop</Name><Track>
  <Trackpoint><Time>2024-03-03T10:00:00Z</Time><Position><LatitudeDegrees>-33.8688</LatitudeDegrees><LongitudeDegrees>151.2093</LongitudeDegrees></Position></Trackpoint>
</Track></Course></Courses>
</TrainingCenterDatabase>"#;
        let (out, error) = collect(&Tcx, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.points(),
            [
                (1_709_287_200_000, 488_566_000, 23_522_000),
                // 11:00:10+01:00 is 10:00:10Z.
                (1_709_287_210_000, 488_567_000, 23_523_000),
                (1_709_460_000_000, -338_688_000, 1_512_093_000),
            ]
        );
        // No position, lat 91, no time; the second activity's point without a position.
        assert_eq!(out.skipped, 4);
        let moves = out.move_spans();
        assert_eq!(
            moves,
            [
                (1_709_287_200_000, 1_709_287_260_000, Mode::Running, None),
                (1_709_373_600_000, 1_709_373_600_000, Mode::Unknown, None),
            ]
        );
    }

    #[test]
    fn cut_off_broken_and_foreign_files() {
        let doc = b"<TrainingCenterDatabase><Activities><Activity Sport=\"Biking\"><Id>2024-01-01T00:00:00Z</Id><Lap><Track><Trackpoint><Time>2024-01-01T00:00:00Z</Time><Position><LatitudeDegrees>1</LatitudeDegrees><LongitudeDegrees>2</LongitudeDegrees></Position></Trackpoint><Trackpoint><Ti";
        let (out, error) = collect(&Tcx, doc);
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::Truncated)));
        // The activity cut off still says what it was.
        assert_eq!(out.moves.len(), 1);
        assert_eq!(out.moves[0].mode, Mode::Cycling);
        let (_, error) = collect(&Tcx, b"<TrainingCenterDatabase><Activities></Lap>");
        assert_eq!(error, Some(ErrorKind::Malformed));
        assert_eq!(collect(&Tcx, b"").1, Some(ErrorKind::Truncated));
        let prefixed = b"<tcx:TrainingCenterDatabase xmlns:tcx=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><tcx:Courses><tcx:Course><tcx:Track><tcx:Trackpoint><tcx:Time>2024-01-01T00:00:00Z</tcx:Time><tcx:Position><tcx:LatitudeDegrees>1</tcx:LatitudeDegrees><tcx:LongitudeDegrees>2</tcx:LongitudeDegrees></tcx:Position></tcx:Trackpoint></tcx:Track></tcx:Course></tcx:Courses></tcx:TrainingCenterDatabase>";
        assert!(Tcx.detect("x.tcx", prefixed).is_some());
        let (out, error) = collect(&Tcx, prefixed);
        assert_eq!((out.fixes.len(), out.moves.len(), error), (1, 0, None));
        assert!(Tcx.detect("x.tcx", b"<gpx version=\"1.1\">").is_none());
        assert!(Tcx.detect("x.tcx", b"<TrainingCenterDatabaseX>").is_none());
    }
}
