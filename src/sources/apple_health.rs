//! Apple Health's main export file: `apple_health_export/export.xml` (root `HealthData`).
//!
//! Where from: on the iPhone, Health app, profile picture, "Export All Health Data": an
//! `export.zip` holding `apple_health_export/export.xml`, `export_cda.xml`, `workout-routes/*.gpx`
//! and `electrocardiograms/*.csv`. Detection reads the content: `<!DOCTYPE HealthData` or the root
//! `<HealthData`.
//!
//! Shape (formats.md section 12): `<HealthData locale="en_US">` with `ExportDate`, `Me` (the
//! characteristics: `HKCharacteristicTypeIdentifierDateOfBirth`, `…BiologicalSex`,
//! `…BloodType`…), millions of `Record`s (`type`, `sourceName`, `unit`, `startDate`, `endDate`,
//! `value`, with `MetadataEntry` children), `Workout`s (`workoutActivityType`, `duration` +
//! `durationUnit`, `totalDistance` + `totalDistanceUnit`, `totalEnergyBurned` + unit, or since
//! iOS 16 `WorkoutStatistics` children with `sum` + `unit`; a `WorkoutRoute/FileReference`
//! naming the route's GPX file), `ActivitySummary`s (one a day: `dateComponents`,
//! `activeEnergyBurned`, `appleExerciseTime`, `appleStandHours` and their goals). 100 MB to
//! several GB: it is streamed tag by tag ([`for_each_tag`]), nothing built per record but a few
//! reused buffers.
//!
//! Read: every record's type, writer and day (counted); steps, distance walked or run, active
//! energy, heart rate, resting heart rate, exercise minutes, sleep analysis; workouts;
//! activity rings; the kinds of characteristics stated (never their values). Not read: the
//! other record types' values (weight, blood pressure, cycle tracking… counted only), metadata,
//! `device` strings, clinical records. This file holds **no coordinates**: a workout's positions
//! are in the GPX file its `FileReference` names, read by the GPX source (`geo.gpx`), which
//! feeds trips; the summary here is [`crate::model::Summary::Health`].
//!
//! Quirks: dates are local with an offset, `2019-07-19 10:36:11 -0700`: the local clock is kept;
//! values are strings in attributes; distances come in the person's unit (`mi`, `km`, `m`…);
//! several writers (phone and watch) record the same steps; real exports carry an internal DTD,
//! which is skipped, never expanded.

use std::io::Read;

use super::gpx::{contains, has_root, xml_error, xml_head};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::xml::{for_each_tag, unescape, Tag};
use crate::model::health::{HealthApp, Measure, Quantity, Rings, Workout};
use crate::model::time::days_from_civil;
use crate::model::Sink;

pub struct AppleHealth;

/// The digits of `b[range]` as a number.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<i64> {
    b.get(range)?.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// A `YYYY-MM-DD` day, in days since 1970.
pub(crate) fn local_day(text: &str) -> Option<i64> {
    let b = text.trim_start().as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (digits(b, 0..4)?, digits(b, 5..7)?, digits(b, 8..10)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

/// An Apple Health date, `2019-07-19 10:36:11 -0700`, as its local clock: seconds since 1970 as
/// if that clock were UTC (the offset is left aside).
pub(crate) fn local_time(text: &str) -> Option<i64> {
    let b = text.trim_start().as_bytes();
    let day = local_day(text)?;
    if !matches!(b.get(10), Some(b' ' | b'T'))
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    let (h, m, s) = (digits(b, 11..13)?, digits(b, 14..16)?, digits(b, 17..19)?);
    (h < 24 && m < 60 && s <= 60).then_some(day * 86_400 + h * 3600 + m * 60 + s)
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

/// Kilocalories in one of the energy units Health writes.
fn kcal(value: f64, unit: &str) -> Option<f64> {
    let factor = match unit.trim() {
        "kcal" | "Cal" => 1.0,
        "kJ" => 1.0 / 4.184,
        "cal" => 0.001,
        _ => return None,
    };
    Some(value * factor).filter(|k| k.is_finite() && *k >= 0.0)
}

/// Seconds in one of the time units Health writes.
fn seconds(value: f64, unit: &str) -> Option<f64> {
    let factor = match unit.trim() {
        "s" => 1.0,
        "min" => 60.0,
        "hr" | "h" => 3600.0,
        _ => return None,
    };
    Some(value * factor).filter(|s| s.is_finite() && *s >= 0.0)
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A type without Apple's prefix: `HKQuantityTypeIdentifierStepCount` → `StepCount`.
fn short_type(kind: &str) -> &str {
    [
        "HKQuantityTypeIdentifier",
        "HKCategoryTypeIdentifier",
        "HKCorrelationTypeIdentifier",
        "HKDataType",
    ]
    .iter()
    .find_map(|p| kind.strip_prefix(p))
    .unwrap_or(kind)
}

/// The attributes of the element being read, in buffers reused from one to the next: only those
/// of the names asked for are copied.
#[derive(Default)]
struct Fields {
    values: Vec<String>,
}

impl Fields {
    /// Reads `names` of `tag` (raw values; [`unescape`] those that may hold references).
    fn read(&mut self, tag: &Tag<'_>, names: &[&str]) -> Result<(), ErrorKind> {
        self.values.resize_with(names.len(), String::new);
        for v in &mut self.values {
            v.clear();
        }
        let values = &mut self.values;
        tag.attributes(&mut |name, raw| {
            if let Some(slot) = names
                .iter()
                .position(|n| *n == name)
                .and_then(|i| values.get_mut(i))
            {
                slot.push_str(raw);
            }
        })
        .map_err(xml_error)
    }

    fn get(&self, i: usize) -> &str {
        self.values.get(i).map_or("", String::as_str)
    }
}

const RECORD: &[&str] = &[
    "type",
    "sourceName",
    "startDate",
    "endDate",
    "value",
    "unit",
];
const WORKOUT: &[&str] = &[
    "workoutActivityType",
    "startDate",
    "endDate",
    "duration",
    "durationUnit",
    "totalDistance",
    "totalDistanceUnit",
    "totalEnergyBurned",
    "totalEnergyBurnedUnit",
];
const STATISTICS: &[&str] = &["type", "sum", "unit"];
const RINGS: &[&str] = &[
    "dateComponents",
    "activeEnergyBurned",
    "activeEnergyBurnedGoal",
    "appleExerciseTime",
    "appleExerciseTimeGoal",
    "appleStandHours",
    "appleStandHoursGoal",
];

/// A workout being read: its `WorkoutStatistics` may still give its distance and energy.
struct Pending {
    kind: String,
    start: i64,
    seconds: f64,
    metres: Option<f64>,
    kcal: Option<f64>,
}

fn record(f: &Fields, out: &mut dyn Sink) {
    let kind = short_type(f.get(0));
    let source = unescape(f.get(1));
    let (Some(start), end) = (local_time(f.get(2)), local_time(f.get(3))) else {
        out.skipped();
        return;
    };
    let end = end.filter(|&e| e >= start).unwrap_or(start);
    out.record(kind, &source, start);
    let (value, unit) = (f.get(4), f.get(5));
    if kind == "SleepAnalysis" {
        // `HKCategoryValueSleepAnalysisInBed`, `…Asleep`, `…AsleepCore`/`Deep`/`REM`/
        // `Unspecified`, `…Awake`.
        let stage = value.rsplit("SleepAnalysis").next().unwrap_or(value);
        if stage.starts_with("Asleep") || stage == "InBed" {
            out.sleep(start, end, stage != "InBed", &source);
        }
        return;
    }
    let Some(n) = number(value) else {
        return;
    };
    let measured = match kind {
        "StepCount" => Some((Quantity::Steps, Some(n))),
        "DistanceWalkingRunning" => Some((Quantity::Distance, metres(n, unit))),
        "ActiveEnergyBurned" => Some((Quantity::ActiveEnergy, kcal(n, unit))),
        "HeartRate" => Some((Quantity::HeartRate, Some(n))),
        "RestingHeartRate" => Some((Quantity::RestingHeartRate, Some(n))),
        "AppleExerciseTime" => Some((
            Quantity::ExerciseMinutes,
            seconds(n, unit).map(|s| s / 60.0),
        )),
        _ => None,
    };
    if let Some((kind, Some(value))) = measured {
        out.measure(&Measure {
            kind,
            start,
            end,
            value,
            source: &source,
        });
    }
}

fn workout(f: &Fields) -> Option<Pending> {
    let kind = f.get(0);
    let kind = kind.strip_prefix("HKWorkoutActivityType").unwrap_or(kind);
    let start = local_time(f.get(1))?;
    let end = local_time(f.get(2)).filter(|&e| e >= start);
    let seconds = number(f.get(3))
        .and_then(|d| seconds(d, f.get(4)))
        .or_else(|| end.map(|e| f64::from(u32::try_from(e - start).unwrap_or(u32::MAX))))
        .unwrap_or(0.0);
    Some(Pending {
        kind: unescape(kind).into_owned(),
        start,
        seconds,
        metres: number(f.get(5)).and_then(|d| metres(d, f.get(6))),
        kcal: number(f.get(7)).and_then(|e| kcal(e, f.get(8))),
    })
}

/// A workout's `WorkoutStatistics`: its distance or energy when its own attributes lack them.
fn statistics(f: &Fields, w: &mut Pending) {
    let (kind, sum, unit) = (short_type(f.get(0)), number(f.get(1)), f.get(2));
    let Some(sum) = sum else {
        return;
    };
    if kind.starts_with("Distance") && w.metres.is_none() {
        w.metres = metres(sum, unit);
    } else if kind == "ActiveEnergyBurned" && w.kcal.is_none() {
        w.kcal = kcal(sum, unit);
    }
}

fn hand_over(w: &Pending, out: &mut dyn Sink) {
    out.workout(&Workout {
        kind: &w.kind,
        start: w.start,
        seconds: w.seconds,
        metres: w.metres,
        kcal: w.kcal,
    });
}

fn rings(f: &Fields, out: &mut dyn Sink) {
    let Some(day) = local_day(f.get(0)) else {
        return;
    };
    let n = |i| number(f.get(i)).unwrap_or(0.0);
    out.rings(&Rings {
        day,
        energy: n(1),
        energy_goal: n(2),
        exercise: n(3),
        exercise_goal: n(4),
        stand: n(5),
        stand_goal: n(6),
    });
}

/// The characteristics `Me` states: `HKCharacteristicTypeIdentifierDateOfBirth="1990-02-02"`
/// gives `DateOfBirth`; empty and `…NotSet` values are not stated.
fn me(tag: &Tag<'_>, out: &mut dyn Sink) -> Result<(), ErrorKind> {
    tag.attributes(&mut |name, raw| {
        if let Some(kind) = name.strip_prefix("HKCharacteristicTypeIdentifier") {
            let value = raw.trim();
            if !value.is_empty() && !value.ends_with("NotSet") {
                out.characteristic(kind);
            }
        }
    })
    .map_err(xml_error)
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
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::APPLE_HEALTH
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let root =
            contains(&xml_head(head), b"<!DOCTYPE HealthData") || has_root(head, "HealthData");
        root.then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn health(&self) -> Option<HealthApp> {
        Some(HealthApp::AppleHealth)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut fields = Fields::default();
        let mut pending: Option<Pending> = None;
        // The first error met in an element's attributes; the walk goes on to the end.
        let mut bad = None;
        let walked = for_each_tag(reader, 3, &mut |depth, name, tag| {
            let read = match (depth, name, tag) {
                (2, "Record", Some(tag)) => fields.read(tag, RECORD).map(|()| record(&fields, out)),
                (2, "Workout", Some(tag)) => fields.read(tag, WORKOUT).map(|()| {
                    pending = workout(&fields);
                }),
                (3, "WorkoutStatistics", Some(tag)) => match pending.as_mut() {
                    Some(w) => fields
                        .read(tag, STATISTICS)
                        .map(|()| statistics(&fields, w)),
                    None => Ok(()),
                },
                (2, "Workout", None) => {
                    if let Some(w) = pending.take() {
                        hand_over(&w, out);
                    }
                    Ok(())
                }
                (2, "ActivitySummary", Some(tag)) => {
                    fields.read(tag, RINGS).map(|()| rings(&fields, out))
                }
                (2, "Me", Some(tag)) => me(tag, out),
                _ => Ok(()),
            };
            if let Err(e) = read {
                bad.get_or_insert(e);
            }
        });
        // A workout the end of the file cut is still one.
        if let Some(w) = pending.take() {
            hand_over(&w, out);
        }
        walked.err().map(xml_error).or(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    #[test]
    fn the_sample_is_claimed_and_read() {
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
        assert!(out.fixes.is_empty() && out.moves.is_empty());
        // grep -o '<Record type="[A-Za-z]*" sourceName="[^"]*"' → BodyMassIndex by Health Mate,
        // HeartRate by Apple Watch, written with a no-break space (2018-09-10 02:28:55 local:
        // days_from_civil 17784).
        let records: Vec<(&str, &str)> = out
            .health_records
            .iter()
            .map(|(k, s, _)| (k.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            records,
            [
                ("BodyMassIndex", "Health Mate"),
                ("HeartRate", "Apple\u{a0}Watch")
            ]
        );
        let at = 17_784 * 86_400 + 2 * 3600 + 28 * 60 + 55;
        assert_eq!(
            out.measures,
            [(
                Quantity::HeartRate,
                at,
                at,
                72.0,
                "Apple\u{a0}Watch".to_owned()
            )]
        );
        // One Workout: Running, 07:25:41 local on 2016-11-14 (day 17119), duration
        // 5.19412346680959 min, 0.4971749504535062 mi ≈ 800.12 m, 48.745 kcal.
        let [(kind, start, seconds, Some(metres), Some(kcal))] = out.workouts.as_slice() else {
            panic!("{:?}", out.workouts);
        };
        assert_eq!(
            (kind.as_str(), *start),
            ("Running", 17_119 * 86_400 + 7 * 3600 + 25 * 60 + 41)
        );
        assert!((seconds - 311.647).abs() < 0.001, "{seconds}");
        assert!((metres - 800.12).abs() < 0.01, "{metres}");
        assert!((kcal - 48.745).abs() < 0.001, "{kcal}");
        // Two ActivitySummary days; Me states a date of birth and a sex, the rest NotSet.
        assert_eq!(out.rings.len(), 2);
        assert_eq!(
            (
                out.rings[0].day,
                out.rings[0].energy,
                out.rings[0].stand_goal
            ),
            (17_120, 590.252, 12.0)
        );
        assert_eq!(out.characteristics, ["DateOfBirth", "BiologicalSex"]);
    }

    #[test]
    fn the_fixture_with_its_dtd_sleep_statistics_and_units() {
        let bytes = fixture("apple.health", "export.xml");
        assert!(AppleHealth.detect("export.xml", &bytes).is_some());
        let (out, error) = collect(&AppleHealth, &bytes);
        assert_eq!(error, None);
        // Counted by eye in tests/fixtures/apple.health/export.xml: 14 records, one without a
        // date (skipped).
        assert_eq!((out.health_records.len(), out.skipped), (14, 1));
        let sleeps: Vec<(i64, i64, bool)> = out
            .sleeps
            .iter()
            .map(|s| (s.0 % 86_400 / 60, s.1 % 86_400 / 60, s.2))
            .collect();
        // InBed 23:10–07:20, AsleepCore 23:42–03:00, AsleepDeep 03:00–04:00, AsleepREM
        // 04:00–07:05 (minutes after midnight); the Awake stretch is not sleep.
        assert_eq!(
            sleeps,
            [
                (1390, 440, false),
                (1422, 180, true),
                (180, 240, true),
                (240, 425, true)
            ]
        );
        let kinds: Vec<Quantity> = out.measures.iter().map(|m| m.0).collect();
        assert_eq!(
            kinds,
            [
                Quantity::Steps,
                Quantity::Steps,
                Quantity::Distance,
                Quantity::ActiveEnergy,
                Quantity::HeartRate,
                Quantity::HeartRate,
                Quantity::RestingHeartRate,
                Quantity::ExerciseMinutes,
            ]
        );
        // 1.2 km; 418.4 kJ = 100 kcal.
        assert!((out.measures[2].3 - 1200.0).abs() < 1e-6);
        assert!((out.measures[3].3 - 100.0).abs() < 1e-6);
        // The iOS 16 workout: distance and energy from its WorkoutStatistics; 30 minutes.
        assert_eq!(out.workouts.len(), 2);
        let (kind, _, seconds, metres, kcal) = &out.workouts[1];
        assert_eq!(
            (kind.as_str(), *seconds, *metres, *kcal),
            ("Cycling", 1800.0, Some(12_500.0), Some(310.0))
        );
        assert_eq!(out.rings.len(), 1);
        assert_eq!(
            out.characteristics,
            ["DateOfBirth", "BiologicalSex", "BloodType"]
        );
        // The device strings, with their escapes, are never read; the writer's name is
        // unescaped.
        assert!(out
            .health_records
            .iter()
            .any(|r| r.1 == "iPhone de Marie & Co"));
    }

    #[test]
    fn dates_keep_the_local_clock() {
        // 2019-07-19 is day 18096.
        assert_eq!(
            local_time("2019-07-19 10:36:11 -0700"),
            Some(18_096 * 86_400 + 10 * 3600 + 36 * 60 + 11)
        );
        assert_eq!(local_time("2019-07-19 10:36"), None);
        assert_eq!(local_time("2019-13-19 10:36:11 +0000"), None);
        assert_eq!(local_time("yesterday"), None);
        assert_eq!(local_day("2016-11-15"), Some(17_120));
        assert_eq!(short_type("HKQuantityTypeIdentifierStepCount"), "StepCount");
        assert_eq!(short_type("Other"), "Other");
    }

    #[test]
    fn cut_off_files_garbage_and_detection() {
        let doc = br#"<HealthData><Workout workoutActivityType="HKWorkoutActivityTypeRunning" startDate="2024-01-01 10:00:00 +0100"/><Record type="#;
        let (out, error) = collect(&AppleHealth, doc);
        assert_eq!((out.workouts.len(), error), (1, Some(ErrorKind::Truncated)));
        // A workout whose end the cut took is still handed over.
        let doc = br#"<HealthData><Workout workoutActivityType="HKWorkoutActivityTypeRunning" startDate="2024-01-01 10:00:00 +0100"><MetadataEntry key="#;
        let (out, error) = collect(&AppleHealth, doc);
        assert_eq!((out.workouts.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&AppleHealth, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR garbage <<<");
        assert!(error.is_some());
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
