//! Health files (issue 9): Apple Health's `export.xml`, Google Fit's daily metrics and sessions,
//! read whole by their sources and summed up.
//!
//! The real sample's numbers were counted independently of the parser with python3
//! (`xml.etree.ElementTree` over `../shared/samples/apple/export.xml`: `Record`s counted by
//! `type` and `sourceName` with `collections.Counter`, the workout's `duration` × 60 and
//! `totalDistance` × 1609.344, the `ActivitySummary` attributes averaged by hand). The generated
//! export's are the generator's own ground truth (`synth::health`), computed while writing, not by
//! reading the file. The Google Fit fixture's, with python3's `csv.DictReader` (non-empty cells
//! counted by column, latitude and longitude left out; means by hand).

use reflet::analysis::{findings, read_source, Kind};
use reflet::model::health::{HealthApp, RingDays};
use reflet::model::Summary;
use reflet::sources;
use reflet::synth::health::{write_health, HealthSpec};

use super::common::{fixture, health, sample};

#[test]
fn the_real_export_holds_two_records_a_run_and_two_days_of_rings() {
    let s = health(&sample("apple/export.xml"), "apple.health");
    assert_eq!(s.app, HealthApp::AppleHealth);
    // 2 Records: BodyMassIndex (Health Mate, 2016-04-18) and HeartRate (Apple Watch, with a
    // no-break space, 2018-09-10, 72 count/min).
    assert_eq!((s.records, s.skipped, s.days), (2, 0, 2));
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2016-04-18"), Some("2018-09-10"))
    );
    assert_eq!(
        s.types,
        [("BodyMassIndex".to_owned(), 1), ("HeartRate".to_owned(), 1)]
    );
    let heart = s.heart.clone().unwrap();
    assert_eq!(
        (
            heart.measures,
            heart.min,
            heart.mean,
            heart.max,
            heart.resting
        ),
        (1, 72, 72, 72, None)
    );
    assert!(s.steps.is_none() && s.sleep.is_none());
    // Running: 5.19412346680959 min = 311.6 s; 0.4971749504535062 mi = 800.1 m; 48.745 kcal.
    let w: Vec<(&str, u64, u64, u64, u64)> = s
        .workouts
        .iter()
        .map(|w| (w.kind.as_str(), w.count, w.seconds, w.metres, w.kcal))
        .collect();
    assert_eq!(w, [("Running", 1, 312, 800, 49)]);
    // (590.252 + 323.513) / 2 = 456.9 kcal; (68 + 39) / 2 = 53.5 min; (13 + 9) / 2 = 11 h;
    // goals 630 kcal (never met), 30 min (met twice), 12 h (met once).
    assert_eq!(
        s.rings,
        Some(RingDays {
            days: 2,
            energy: 457,
            exercise: 54,
            stand: 11,
            energy_met: 0,
            exercise_met: 2,
            stand_met: 1
        })
    );
    let writers: Vec<(&str, u64)> = s
        .sources
        .iter()
        .map(|w| (w.name.as_str(), w.records))
        .collect();
    // The no-break space is read as a space, as in every name kept.
    assert_eq!(writers, [("Apple Watch", 1), ("Health Mate", 1)]);
    // Me: a date of birth and a sex; blood and skin type NotSet.
    assert_eq!(s.characteristics, ["DateOfBirth", "BiologicalSex"]);
    let found = findings(&Kind::Source("apple.health".into()), &Summary::Health(s));
    assert_eq!(
        found[0].text.en,
        "Your heart rate, measured once, was 72 beats a minute."
    );
    assert_eq!(
        found[0].text.fr,
        "Votre fréquence cardiaque, mesurée 1\u{a0}fois, était de 72\u{a0}battements par minute."
    );
    let ids: Vec<String> = found.into_iter().map(|f| f.id).collect();
    assert_eq!(
        ids,
        [
            "health_heart",
            "health_workouts",
            "health_rings",
            "health_sources",
            "health_profile"
        ]
    );
}

#[test]
fn a_generated_export_is_read_to_its_ground_truth() {
    let mut bytes = Vec::new();
    let truth = write_health(
        HealthSpec {
            seed: 7,
            target_bytes: 3 << 20,
        },
        &mut bytes,
    )
    .unwrap();
    assert!(bytes.len() > 2 << 20, "{}", bytes.len());
    let claim = sources::detect("apple_health_export/export.xml", &bytes[..4096]).unwrap();
    assert_eq!(claim.source, "apple.health");
    let (summary, error) = read_source(sources::by_id("apple.health").unwrap(), &mut &bytes[..]);
    assert_eq!(error, None);
    let Summary::Health(s) = summary else {
        panic!("{summary:?}")
    };
    assert_eq!(
        (s.records, s.days, s.skipped),
        (truth.records, truth.days, 0)
    );
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some(truth.first.as_str()), Some(truth.last.as_str()))
    );
    let mut types = s.types.clone();
    types.sort();
    assert_eq!(types, truth.types.clone().into_iter().collect::<Vec<_>>());
    let steps = s.steps.clone().unwrap();
    assert_eq!(
        (steps.days, steps.mean, steps.best_day.as_str(), steps.best),
        (
            truth.steps_days,
            truth.steps_mean,
            truth.best_day.as_str(),
            truth.best
        )
    );
    let heart = s.heart.clone().unwrap();
    assert_eq!(
        (heart.measures, heart.min, heart.mean, heart.max),
        truth.heart
    );
    assert_eq!(heart.resting, Some(truth.resting));
    let sleep = s.sleep.clone().unwrap();
    assert_eq!(
        (sleep.nights, sleep.asleep_min, sleep.bedtime, sleep.wake),
        truth.sleep
    );
    let mut workouts: Vec<(String, (u64, u64, u64))> = s
        .workouts
        .iter()
        .map(|w| (w.kind.clone(), (w.count, w.seconds, w.metres)))
        .collect();
    workouts.sort();
    assert_eq!(workouts, truth.workouts.into_iter().collect::<Vec<_>>());
    assert_eq!(s.rings.map(|r| r.days), Some(truth.rings));
    assert_eq!(s.characteristics, ["DateOfBirth", "BiologicalSex"]);
    // Cut in the middle, it says so and keeps what came before.
    let (cut, error) = read_source(
        sources::by_id("apple.health").unwrap(),
        &mut &bytes[..bytes.len() / 2],
    );
    assert_eq!(error, Some(reflet::error::ErrorKind::Truncated));
    assert!(matches!(cut, Summary::Health(h) if h.records > 0 && h.records < truth.records));
}

#[test]
fn google_fit_daily_metrics_day_by_day() {
    let s = health(
        &fixture("google.fit.daily", "Daily activity metrics.csv"),
        "google.fit.daily",
    );
    assert_eq!(s.app, HealthApp::GoogleFit);
    // 192 non-empty metric cells over 15 days; Calories (kcal) on every day.
    assert_eq!((s.records, s.days), (192, 15));
    assert_eq!(s.types[0], ("Calories (kcal)".to_owned(), 15));
    // Steps on 13 days, 109,109 in all: 8,393 a day; best 13,332 on 2024-03-12; distance
    // 6,522.2 m a day; move minutes 56.6.
    let steps = s.steps.clone().unwrap();
    assert_eq!(
        (steps.days, steps.mean, steps.best_day.as_str(), steps.best),
        (13, 8393, "2024-03-12", 13_332)
    );
    assert_eq!(
        (steps.distance_m, steps.exercise_min, steps.energy_kcal),
        (Some(6522), Some(57), None)
    );
    // 13 daily means, averaging 72.29; lowest 48, highest 176.
    let heart = s.heart.clone().unwrap();
    assert_eq!(
        (heart.measures, heart.min, heart.mean, heart.max),
        (13, 48, 72, 176)
    );
    // No writer is named, no sleep, workouts nor characteristics.
    assert!(s.sources.is_empty() && s.sleep.is_none() && s.workouts.is_empty());
    let found = findings(
        &Kind::Source("google.fit.daily".into()),
        &Summary::Health(s),
    );
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["health_steps", "health_heart"]);
    assert_eq!(
        found[1].text.en,
        "Your heart rate, over 13\u{a0}days, ranged from 48 to 176 beats a minute, 72 on average."
    );
}

#[test]
fn google_fit_sessions_are_workouts() {
    // Read by eye in the fixtures: a run of 2550 s (42.5 min, said 43) and 7310.6 m, a walk of 2210 s and 2741.2 m.
    let run = health(
        &fixture(
            "google.fit.sessions",
            "2024-03-01T18_00_00.000+01_00_RUNNING.json",
        ),
        "google.fit.sessions",
    );
    let walk = health(
        &fixture(
            "google.fit.sessions",
            "2024-03-02T09_15_12.345Z_WALKING.json",
        ),
        "google.fit.sessions",
    );
    let totals = |s: &reflet::model::health::HealthSummary| {
        s.workouts
            .iter()
            .map(|w| (w.kind.clone(), w.count, w.seconds, w.metres))
            .collect::<Vec<_>>()
    };
    assert_eq!(totals(&run), [("Running".to_owned(), 1, 2550, 7311)]);
    assert_eq!(totals(&walk), [("Walking".to_owned(), 1, 2210, 2741)]);
    assert_eq!(run.first.as_deref(), Some("2024-03-01"));
    let found = findings(
        &Kind::Source("google.fit.sessions".into()),
        &Summary::Health(run),
    );
    assert_eq!(
        found[0].text.en,
        "Google Fit lists 1\u{a0}workout: running once (43\u{a0}min, 7.3\u{a0}km)."
    );
    assert_eq!(
        found[0].text.fr,
        "Google Fit recense 1\u{a0}entraînement\u{a0}: course à pied 1\u{a0}fois (43\u{a0}min, 7,3\u{a0}km)."
    );
}
