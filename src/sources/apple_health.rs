//! Apple Health's main export file: `apple_health_export/export.xml` (root `HealthData`).
//!
//! Where from: on the iPhone, Health app, profile picture, "Export All Health Data": an
//! `export.zip` holding `apple_health_export/export.xml`, `export_cda.xml`, `workout-routes/*.gpx`
//! and `electrocardiograms/*.csv`. Detection reads the content: `<!DOCTYPE HealthData` or the root
//! `<HealthData`.
//!
//! Shape: `<HealthData locale="en_US">` with `ExportDate`, `Me`, millions of `Record`s (heart
//! rate, steps… with `MetadataEntry` children), `Workout`s (`workoutActivityType`,
//! `totalDistance` + `totalDistanceUnit`, `startDate`, `endDate`, and a
//! `WorkoutRoute/FileReference path="/workout-routes/route_….gpx"`), `ActivitySummary`s. 100 MB to
//! several GB: it is streamed, and only workouts are kept, one at a time.
//!
//! This file holds **no coordinates**: a workout's positions are in the GPX file its
//! `FileReference` names, read by the GPX source (`geo.gpx`). Each workout is handed over as a
//! [`Move`] without places (when, how long, how far, which activity); records are not location
//! data and are skipped without being built.
//!
//! Quirks: dates are local with an offset, `2019-07-19 10:36:11 -0700`; values are strings in
//! attributes; distances come in the person's unit (`mi`, `km`, `m`…); real exports carry an
//! internal DTD, which is skipped, never expanded.

use std::io::Read;

use super::gpx::{contains, has_root, xml_error, xml_head};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::xml::{for_each_element, Element};
use crate::model::location::{LocationSink, Mode, Move};
use crate::model::time::{parse_iso, Millis};

pub struct AppleHealth;

/// An Apple Health date: `2019-07-19 10:36:11 -0700`.
fn parse_date(text: &str) -> Option<Millis> {
    let text = text.trim();
    match text.rsplit_once(' ') {
        Some((clock, zone)) if zone.starts_with(['+', '-']) => parse_iso(&format!("{clock}{zone}")),
        _ => parse_iso(text),
    }
}

/// Metres in one of the length units Health writes.
fn metres(value: f64, unit: &str) -> Option<f64> {
    let factor = match unit.trim() {
        "m" => 1.0,
        "km" => 1000.0,
        "mi" => 1609.344,
        "yd" => 0.9144,
        "ft" => 0.3048,
        "cm" => 0.01,
        _ => return None,
    };
    Some(value * factor).filter(|m| m.is_finite() && *m >= 0.0)
}

/// The way of moving of a `workoutActivityType` (`HKWorkoutActivityTypeRunning`).
pub(super) fn workout_mode(kind: &str) -> Mode {
    let kind = kind.trim();
    let name = kind.strip_prefix("HKWorkoutActivityType").unwrap_or(kind);
    if name.ends_with("Skiing") || name == "Snowboarding" {
        return Mode::Skiing;
    }
    Mode::parse(name)
}

fn hand_over(workout: &Element, out: &mut dyn LocationSink) {
    let start = workout.attribute("startDate").and_then(parse_date);
    let end = workout.attribute("endDate").and_then(parse_date);
    let Some(start) = start else {
        out.skipped();
        return;
    };
    let distance_m = workout
        .attribute("totalDistance")
        .and_then(|v| v.trim().parse::<f64>().ok())
        .zip(workout.attribute("totalDistanceUnit"))
        .and_then(|(value, unit)| metres(value, unit));
    out.movement(&Move {
        start,
        end: end.filter(|&e| e >= start).unwrap_or(start),
        from: None,
        to: None,
        distance_m,
        mode: workout_mode(workout.attribute("workoutActivityType").unwrap_or("")),
    });
}

impl Source for AppleHealth {
    fn id(&self) -> &'static str {
        "apple.health"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Apple Santé (export.xml)",
            Lang::En => "Apple Health (export.xml)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => {
                "Sur l'iPhone, ouvrez Santé, touchez votre photo de profil puis «\u{a0}Exporter \
                 toutes les données de santé\u{a0}». La préparation prend de quelques minutes à \
                 une demi-heure\u{a0}; vous obtenez export.zip, à déposer tel quel. Les trajets \
                 des entraînements sont dans le dossier workout-routes, en GPX."
            }
            Lang::En => {
                "On the iPhone, open Health, tap your profile picture, then \"Export All Health \
                 Data\". Preparing it takes from a few minutes to half an hour; you get \
                 export.zip, to drop as it is. Workout routes are in its workout-routes folder, \
                 as GPX."
            }
        }
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let root =
            contains(&xml_head(head), b"<!DOCTYPE HealthData") || has_root(head, "HealthData");
        root.then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        for_each_element(reader, &["HealthData", "Workout"], &mut |w| {
            hand_over(w, out);
        })
        .err()
        .map(xml_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::collect;

    #[test]
    fn the_sample_is_claimed_and_its_workout_read_without_positions() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/apple/export.xml");
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("no samples: skipped");
            return;
        };
        assert_eq!(
            AppleHealth.detect("apple_health_export/export.xml", &bytes),
            Some(Claim {
                source: "apple.health",
                confidence: 95
            })
        );
        let (out, error) = collect(&AppleHealth, &bytes);
        assert_eq!(error, None);
        // grep -c '<trkpt\|latitude\|lat=' apple/export.xml → 0: no positions in this file.
        assert!(out.fixes.is_empty() && out.visits.is_empty() && out.places.is_empty());
        // grep -c '<Workout ' apple/export.xml → 1
        assert_eq!(out.moves.len(), 1);
        let workout = &out.moves[0];
        // startDate="2016-11-14 07:25:41 -0700": date -ud '2016-11-14 14:25:41' +%s → 1479133541;
        // endDate 07:30:52 → 1479133852.
        assert_eq!(
            (workout.start, workout.end, workout.mode),
            (1_479_133_541_000, 1_479_133_852_000, Mode::Running)
        );
        // totalDistance="0.4971749504535062" totalDistanceUnit="mi": 0.49717… × 1609.344 ≈ 800 m.
        let d = workout.distance_m.unwrap();
        assert!((d - 800.12).abs() < 0.01, "{d}");
        assert_eq!((workout.from, workout.to), (None, None));
    }

    #[test]
    fn workouts_in_every_unit_and_without_dates() {
        let doc = br#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="fr_FR">
 <Record type="HKQuantityTypeIdentifierStepCount" startDate="2024-01-01 10:00:00 +0100" value="12"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeCycling" totalDistance="12.5" totalDistanceUnit="km" startDate="2024-01-01 10:00:00 +0100" endDate="2024-01-01 11:00:00 +0100"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeDownhillSkiing" startDate="2024-02-01 10:00:00 +0100" endDate="2024-02-01 09:00:00 +0100"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeYoga" totalDistance="x" totalDistanceUnit="km" startDate="2024-03-01 10:00:00 +0000" endDate="2024-03-01 10:30:00 +0000"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeWalking" startDate="yesterday"/>
</HealthData>"#;
        let (out, error) = collect(&AppleHealth, doc);
        assert_eq!(error, None);
        assert_eq!(out.skipped, 1);
        let moves = out.move_spans();
        assert_eq!(
            moves,
            [
                (
                    1_704_099_600_000,
                    1_704_103_200_000,
                    Mode::Cycling,
                    Some(12_500.0)
                ),
                // An end before the start is not believed.
                (1_706_778_000_000, 1_706_778_000_000, Mode::Skiing, None),
                (1_709_287_200_000, 1_709_289_000_000, Mode::Unknown, None),
            ]
        );
    }

    #[test]
    fn cut_off_files_and_detection() {
        let doc = br#"<HealthData><Workout workoutActivityType="HKWorkoutActivityTypeRunning" startDate="2024-01-01 10:00:00 +0100"/><Record type="#;
        let (out, error) = collect(&AppleHealth, doc);
        assert_eq!((out.moves.len(), error), (1, Some(ErrorKind::Truncated)));
        assert!(AppleHealth
            .detect(
                "export.xml",
                b"<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData ["
            )
            .is_some());
        assert!(AppleHealth
            .detect(
                "export_cda.xml",
                b"<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
            )
            .is_none());
        assert!(AppleHealth
            .detect("x.gpx", b"<gpx creator=\"Apple Health Export\">")
            .is_none());
    }
}
