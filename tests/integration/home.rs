//! The probable home, end to end: a synthetic person with a planted home and workplace, written
//! as real exports (legacy `Records.json`, Android on-device `Timeline.json`), read by `inspect`.
//! The person's clock is Paris time by the rule (UTC+1, UTC+2 from 2024-03-31T01:00Z), not by the
//! code under test.

use reflet::model::location::{Confidence, LatLng};
use reflet::model::time::format_iso;
use reflet::model::Summary;
use reflet::report::inspect_paths;

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// 2024-03-01T00:00:00Z, a Friday.
const START: i64 = 1_709_251_200_000;
const SUMMER: i64 = 1_711_846_800_000;
const HOME: (f64, f64) = (46.1603, -1.1511);
const WORK: (f64, f64) = (46.1450, -1.1700);

/// Where the person is every 15 minutes for 60 days: (UTC ms, lat, lng).
fn office_worker() -> Vec<(i64, f64, f64)> {
    let mut out = Vec::new();
    for day in 0..60 {
        let weekday = (START / DAY + day + 3).rem_euclid(7);
        for quarter in 0..96 {
            let local = START + day * DAY + quarter * 15 * 60_000;
            let hour = quarter / 4;
            let at = match (weekday, hour) {
                (0..=4, 9..=16) => WORK,
                (_, 8 | 17) => continue,
                _ => HOME,
            };
            // A few metres of noise.
            let wobble = f64::from(u8::try_from((day * 7 + quarter * 13) % 21).unwrap()) * 1e-5;
            let utc = if local - HOUR >= SUMMER {
                local - 2 * HOUR
            } else {
                local - HOUR
            };
            out.push((utc, at.0 + wobble, at.1 - wobble));
        }
    }
    out
}

fn records_json(points: &[(i64, f64, f64)]) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|(t, lat, lng)| {
            format!(
                r#"{{"latitudeE7": {}, "longitudeE7": {}, "accuracy": 12, "source": "WIFI", "timestamp": "{}"}}"#,
                (lat * 1e7).round(),
                (lng * 1e7).round(),
                format_iso(*t)
            )
        })
        .collect();
    format!("{{\"locations\": [\n{}\n]}}\n", items.join(",\n"))
}

fn android_timeline(points: &[(i64, f64, f64)]) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|(t, lat, lng)| {
            format!(
                r#"{{"position": {{"LatLng": "{lat:.7}°, {lng:.7}°", "accuracyMeters": 12, "source": "WIFI", "timestamp": "{}"}}}}"#,
                format_iso(*t)
            )
        })
        .collect();
    // Google's own guess, as the on-device export writes it: the planted home.
    let profile = format!(
        r#""userLocationProfile": {{"frequentPlaces": [{{"placeId": "x", "placeLocation": "{:.7}°, {:.7}°", "label": "HOME"}}]}}"#,
        HOME.0, HOME.1
    );
    format!(
        "{{\"semanticSegments\": [], \"rawSignals\": [\n{}\n], {profile}}}\n",
        items.join(",\n")
    )
}

#[test]
fn the_planted_home_and_work_are_found_within_200_m_in_records_json_and_android_timeline() {
    let points = office_worker();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Records.json"), records_json(&points)).unwrap();
    std::fs::write(dir.path().join("Timeline.json"), android_timeline(&points)).unwrap();
    let report = inspect_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.files.len(), 2);
    let planted = LatLng::from_degrees(HOME.0, HOME.1).unwrap();
    for file in &report.files {
        let Some(Summary::Positions(p)) = &file.summary else {
            panic!("{}: no summary", file.file.path)
        };
        assert_eq!(p.count, points.len() as u64, "{}", file.file.path);
        let home = p.home.as_ref().unwrap();
        let found = LatLng::from_degrees(home.lat, home.lng).unwrap();
        assert!(
            found.distance_m(planted) < 200.0,
            "{}: {home:?}",
            file.file.path
        );
        assert_eq!((home.nights, home.nights_total), (60, 60));
        assert_eq!(home.confidence, Confidence::High);
        let finding = file.findings.iter().find(|f| f.id == "home").unwrap();
        assert!(
            finding.text.en.starts_with(
                "You were at the same place on 100% of nights (60 of 60), around La Rochelle (46.16"
            ),
            "{}",
            finding.text.en
        );
        assert!(finding.text.fr.contains("(confiance élevée)"));
        // And the workplace, on weekdays: 2024-03-01 to 2024-04-29 holds 42 weekdays.
        let work = p.work.as_ref().unwrap();
        let planted_work = LatLng::from_degrees(WORK.0, WORK.1).unwrap();
        let found = LatLng::from_degrees(work.lat, work.lng).unwrap();
        assert!(found.distance_m(planted_work) < 200.0, "{work:?}");
        assert_eq!(
            (work.days, work.days_total, work.confidence),
            (42, 42, Confidence::High)
        );
        let finding = file.findings.iter().find(|f| f.id == "work").unwrap();
        assert!(finding.text.en.starts_with("On weekdays from 9:00 to 17:00, you were at the same place away from home on 100% of days (42 of 42)"), "{}", finding.text.en);
    }
    // The Android export also says where Google itself thinks home is: the same place.
    let android = report
        .files
        .iter()
        .find(|f| f.file.path.ends_with("Timeline.json"))
        .unwrap();
    let service = android
        .findings
        .iter()
        .find(|f| f.id == "service_places")
        .unwrap();
    assert_eq!(
        service.text.en,
        "Google itself labelled a place as your home, around 46.160\u{a0}N, 1.151\u{a0}W. \
         Reflet's own reading of your nights puts your home at the same place."
            .replace("\u{a0}N", "°\u{a0}N")
            .replace("\u{a0}W", "°\u{a0}W")
    );
}

/// The same ten nights as the end-to-end test `a location history shows where home is…`: the
/// report carries the very sentence the page shows.
#[test]
fn ten_nights_give_a_medium_confidence_home_with_its_reason() {
    let mut signals = Vec::new();
    for day in 0..10 {
        for half in 0..18 {
            // 2024-01-10T21:00:00Z + day, every 30 minutes.
            let utc = 1_704_920_400_000 + day * DAY + half * 30 * 60_000;
            signals.push(format!(
                r#"{{"position": {{"LatLng": "46.1603000°, -1.1511000°", "source": "WIFI", "timestamp": "{}"}}}}"#,
                format_iso(utc)
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let json = format!(
        "{{\"semanticSegments\": [], \"rawSignals\": [{}]}}",
        signals.join(",")
    );
    std::fs::write(dir.path().join("Timeline.json"), json).unwrap();
    let report = inspect_paths(&[dir.path().join("Timeline.json")]);
    let home = report.files[0]
        .findings
        .iter()
        .find(|f| f.id == "home")
        .unwrap();
    assert_eq!(
        home.text.en,
        "You were at the same place on 100% of nights (10 of 10), around La Rochelle \
         (46.160\u{b0}\u{a0}N, 1.151\u{b0}\u{a0}W): perhaps your home (medium confidence: only 10 \
         nights have positions)."
    );
}

/// The office worker's routine, from `Records.json`: out of home at 8:00 and 17:00 (no position
/// then), at work from 9:00 to 17:00. Between the last position at home (7:45) and the first at
/// work (9:00), the last half hour is the way there (8:30); the first position back home (18:00)
/// is the return.
#[test]
fn the_office_workers_departure_and_return_and_hours_away_are_found() {
    let points = office_worker();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Records.json"), records_json(&points)).unwrap();
    let report = inspect_paths(&[dir.path().join("Records.json")]);
    let Some(Summary::Positions(p)) = &report.files[0].summary else {
        panic!("no summary")
    };
    let routine = p.routine.as_ref().unwrap();
    // 60 days, 42 of them weekdays (as above).
    assert_eq!((routine.days, routine.weekdays), (60, 42));
    assert_eq!(
        (routine.leave, routine.back),
        (Some(8 * 60 + 30), Some(18 * 60))
    );
    // Monday at 10:00 always away; Saturday at 10:00 and Monday at 03:00 always at home; 08:00
    // to 09:00 on a weekday is half at home, half on the way (no position: filled between 7:45
    // at home and 9:00 at work); 17:00 to 18:00 is at work, then on the way.
    let monday = routine.away[0];
    assert_eq!(
        (monday[10], monday[3], monday[8], monday[17]),
        (Some(100), Some(0), Some(50), Some(100))
    );
    assert_eq!(routine.away[5][10], Some(0));
    let finding = report.files[0]
        .findings
        .iter()
        .find(|f| f.id == "routine")
        .unwrap();
    assert_eq!(
        finding.text.en,
        "On weekdays you usually leave home around 8:30 and come back around 18:00 (median of 42 \
         days). Over 60 days of positions, you are mostly away from home on weekdays from 9:00 to \
         18:00. The hour-by-day table shows the detail."
    );
    assert!(finding.text.fr.starts_with(
        "En semaine, vous quittez d'habitude votre domicile vers 8\u{a0}h\u{a0}30 et y revenez vers 18\u{a0}h"
    ));
}
