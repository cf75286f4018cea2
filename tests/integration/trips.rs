//! Trips, modes and carbon, end to end through `inspect`: the real Semantic sample, and a
//! Takeout zip holding a bike commuter's `Records.json` (with Google's activity guesses) and
//! Semantic Location History (with its activity segments and two flights). Expected values are
//! worked out by hand (haversine on a sphere of 6,371,008.8 m, in Python) and from the ADEME
//! factors in `src/analysis/co2.rs`.

#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::io::Write;

use reflet::model::location::Mode;
use reflet::model::trips::{HomeWork, TripOrigin, TripSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, FileReport};

const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;
/// 2024-03-04T00:00:00Z, a Monday.
const START: i64 = 1_709_510_400_000;
const HOME: (f64, f64) = (46.1603, -1.1511);
/// 0.03° due north of home: 12 steps of 0.0025°, 3,335.85 m in all.
const WORK: (f64, f64) = (46.1903, -1.1511);
const AIRPORT: (f64, f64) = (46.1790, -1.1950);
const NICE: (f64, f64) = (43.6584, 7.2159);

fn iso(ms: i64) -> String {
    reflet::model::time::format_iso(ms)
}

fn e7(degrees: f64) -> i64 {
    (degrees * 1e7).round() as i64
}

fn trips(report: &FileReport) -> &TripSummary {
    let Some(Summary::Positions(p)) = &report.summary else {
        panic!("no positions in {}", report.file.path)
    };
    p.trips.as_ref().unwrap()
}

fn finding<'a>(report: &'a FileReport, id: &str) -> &'a str {
    &report.findings.iter().find(|f| f.id == id).unwrap().text.en
}

fn modes(t: &TripSummary) -> Vec<(Mode, u64, u64, Option<u64>)> {
    t.modes
        .iter()
        .map(|m| (m.mode, m.metres, m.estimated_metres, m.grams))
        .collect()
}

#[test]
fn the_semantic_sample_lists_three_trips_and_the_carbon_of_its_car_ride() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples/google/semantic_history_2013_DECEMBER.json");
    let report = inspect_paths(&[path]);
    let file = &report.files[0];
    let t = trips(file);
    assert_eq!((t.origin, t.trips), (TripOrigin::Export, 3));
    // jq -c '.timelineObjects[].activitySegment | [.activities[0].activityType, .distance]'
    // → ["WALKING",null] ["IN_VEHICLE",3853] ["WALKING",413]; the first has no distance and
    // empty ends: the straight line between its waypoint path's ends, 163 m.
    // Car: 3.853 km × 217.6 g = 838.4 g.
    assert_eq!(
        modes(t),
        [
            (Mode::Car, 3_853, 0, Some(838)),
            (Mode::Walking, 576, 0, Some(0))
        ]
    );
    assert_eq!(t.months[0].period, "2013-12");
    assert_eq!(
        finding(file, "co2"),
        "By ADEME's factors, these trips emitted about 838\u{a0}g of CO2 equivalent: car \
         838\u{a0}g (100%)."
    );
}

/// A position's record, with Google's guesses of the activity when `cycling`.
fn record(time: i64, at: (f64, f64), cycling: bool) -> String {
    let activity = if cycling {
        format!(
            r#", "activity": [{{"timestamp": "{}", "activity": [{{"type": "ON_BICYCLE", "confidence": 80}}, {{"type": "STILL", "confidence": 10}}]}}]"#,
            iso(time + 5_000)
        )
    } else {
        String::new()
    };
    format!(
        r#"{{"latitudeE7": {}, "longitudeE7": {}, "accuracy": 10, "source": "GPS", "timestamp": "{}"{activity}}}"#,
        e7(at.0),
        e7(at.1),
        iso(time)
    )
}

/// Two weeks of a person who cycles to work on weekdays (07:30–07:42 and 16:00–16:12 UTC), a
/// position every 15 minutes while still and every minute on the way, as Records.json.
fn commuter_records() -> String {
    let mut out = Vec::new();
    for day in 0..14 {
        let midnight = START + day * DAY;
        let weekday = day % 7 < 5;
        let mut t = midnight;
        while t < midnight + DAY {
            let minutes = (t - midnight) / MINUTE;
            if weekday && (450..=462).contains(&minutes) {
                // On the way to work: 07:30 at home, then 12 steps north.
                let i = minutes - 450;
                let at = (HOME.0 + 0.0025 * i as f64, HOME.1);
                out.push(record(t, at, i > 0));
                t += MINUTE;
            } else if weekday && (960..=972).contains(&minutes) {
                let i = minutes - 960;
                let at = (WORK.0 - 0.0025 * i as f64, WORK.1);
                out.push(record(t, at, i > 0));
                t += MINUTE;
            } else {
                let at = if weekday && (463..960).contains(&minutes) {
                    WORK
                } else {
                    HOME
                };
                out.push(record(t, at, false));
                t += 15 * MINUTE;
                // Back on the minute grid for the trips.
                let next = (t - midnight) / MINUTE;
                if weekday && minutes < 450 && next > 450 {
                    t = midnight + 450 * MINUTE;
                } else if weekday && minutes < 960 && next > 960 {
                    t = midnight + 960 * MINUTE;
                }
            }
        }
    }
    format!("{{\"locations\": [{}]}}", out.join(",\n"))
}

fn location(at: (f64, f64)) -> String {
    format!(
        r#"{{"latitudeE7": {}, "longitudeE7": {}}}"#,
        e7(at.0),
        e7(at.1)
    )
}

fn segment(
    start: i64,
    end: i64,
    from: (f64, f64),
    to: (f64, f64),
    kind: &str,
    distance: Option<u32>,
) -> String {
    let distance = distance.map_or(String::new(), |d| format!(r#""distance": {d}, "#));
    format!(
        r#"{{"activitySegment": {{"startLocation": {}, "endLocation": {}, "duration": {{"startTimestamp": "{}", "endTimestamp": "{}"}}, {distance}"activityType": "{kind}", "confidence": "HIGH"}}}}"#,
        location(from),
        location(to),
        iso(start),
        iso(end)
    )
}

fn visit(start: i64, end: i64, at: (f64, f64)) -> String {
    format!(
        r#"{{"placeVisit": {{"location": {}, "duration": {{"startTimestamp": "{}", "endTimestamp": "{}"}}}}}}"#,
        location(at),
        iso(start),
        iso(end)
    )
}

/// The same fortnight as Timeline wrote it: visits, cycling segments of 3,400 m (Google's route,
/// longer than the straight line), and a weekend flight to Nice and back with no distance.
fn commuter_semantic() -> String {
    let mut out = Vec::new();
    let mut home_since = START;
    for day in 0..14 {
        let midnight = START + day * DAY;
        if day % 7 < 5 {
            let (leave, arrive) = (midnight + 450 * MINUTE, midnight + 462 * MINUTE);
            let (go, back) = (midnight + 960 * MINUTE, midnight + 972 * MINUTE);
            out.push(visit(home_since, leave, HOME));
            out.push(segment(leave, arrive, HOME, WORK, "CYCLING", Some(3_400)));
            out.push(visit(arrive, go, WORK));
            out.push(segment(go, back, WORK, HOME, "CYCLING", Some(3_400)));
            home_since = back;
        } else if day == 5 {
            let (leave, land) = (
                midnight + 8 * 60 * MINUTE,
                midnight + 9 * 60 * MINUTE + 30 * MINUTE,
            );
            out.push(visit(home_since, leave, HOME));
            out.push(segment(leave, land, AIRPORT, NICE, "FLYING", None));
            out.push(visit(land, land + DAY, NICE));
            out.push(segment(
                land + DAY,
                land + DAY + 90 * MINUTE,
                NICE,
                AIRPORT,
                "FLYING",
                None,
            ));
            home_since = land + DAY + 90 * MINUTE;
        }
    }
    out.push(visit(home_since, START + 14 * DAY, HOME));
    format!("{{\"timelineObjects\": [{}]}}", out.join(",\n"))
}

#[test]
fn a_takeout_with_records_and_semantic_history_gives_modes_home_work_trips_and_carbon() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("takeout-20240320T101010Z-001.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("Takeout/Location History/Records.json", commuter_records()),
        (
            "Takeout/Location History/Semantic Location History/2024/2024_MARCH.json",
            commuter_semantic(),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let report = inspect_paths(&[zip_path]);
    let [records, semantic] = &report.files[..] else {
        panic!("{:?}", report.files)
    };

    // Records.json: 20 trips cut out of the positions, by bike from Google's guesses (the first
    // step of each, from a record with no guess, goes to the trip's mode): 20 × 3,335.85 m.
    let t = trips(records);
    assert_eq!((t.origin, t.trips), (TripOrigin::Positions, 20));
    assert_eq!(modes(t), [(Mode::Cycling, 66_717, 0, Some(0))]);
    assert_eq!(
        t.home_work,
        [HomeWork {
            year: 2024,
            mode: Mode::Cycling,
            trips: 20,
            metres: 66_717
        }]
    );
    let weeks: Vec<(&str, u64)> = t
        .weeks
        .iter()
        .map(|w| (w.period.as_str(), w.metres[&Mode::Cycling]))
        .collect();
    assert_eq!(weeks, [("2024-W10", 33_359), ("2024-W11", 33_359)]);
    assert_eq!(
        finding(records, "trips"),
        "Your positions show 20 trips, 66.7\u{a0}km in all: cycling 66.7\u{a0}km (100%)."
    );
    assert_eq!(
        finding(records, "home_work"),
        "Between home and work in 2024: 20 trips, 20 by bike (66.7\u{a0}km)."
    );
    assert_eq!(
        finding(records, "co2"),
        "These trips emitted no CO2 from fuel: all on foot, by bike or running."
    );

    // Semantic Location History: its 22 segments, with its modes and distances; the flights
    // have none: the straight line La Rochelle airport–Nice, 718,658 m, short haul: 258.58 g/km,
    // 185,831 g each way.
    let t = trips(semantic);
    assert_eq!((t.origin, t.trips), (TripOrigin::Export, 22));
    assert_eq!(
        modes(t),
        [
            (Mode::Flying, 1_437_316, 0, Some(371_662)),
            (Mode::Cycling, 68_000, 0, Some(0))
        ]
    );
    assert_eq!((t.grams, t.plane_grams), (371_662, 371_662));
    assert_eq!(
        finding(semantic, "co2"),
        "By ADEME's factors, these trips emitted about 371.7\u{a0}kg of CO2 equivalent, 100% of \
         it by plane: plane 371.7\u{a0}kg (100%)."
    );
    let months: Vec<&str> = t.months.iter().map(|m| m.period.as_str()).collect();
    assert_eq!(months, ["2024-03"]);
}
