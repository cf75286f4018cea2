//! Synthetic people (`reflet::synth::person`) written in every location format, read through
//! files by `inspect`: the planted home is found within 200 m in each, the decoys come out with low
//! confidence and the right reason, and damaged records, empty segments and mixed archives are
//! handled. Each file gets its own report: a person's home is computed per file.
//!
//! Formats that carry no position cannot carry a home: Apple Health's `export.xml` (a health file;
//! its workouts' routes are GPX files, covered here by the GPX writer, whose shape is checked
//! against an Apple Health route), Strava's `activities.csv` (workouts only) and
//! `Encrypted Backups.txt`.
//! They are not generated here.

use std::collections::BTreeSet;
use std::io::{Cursor, Write};
use std::path::Path;

use reflet::analysis::Kind;
use reflet::ingest::structure::{json_structure, Structure};
use reflet::ingest::xml::{xml_structure, XmlStructure};
use reflet::model::location::{Confidence, Doubt, LatLng};
use reflet::model::{PositionSummary, Summary};
use reflet::report::{inspect_paths, FileReport, Report};
use reflet::synth::person::{self, Kind as Who, Person, PersonSpec, Place};

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples")
            .join(path),
    )
    .unwrap()
}

/// Writes `files` into a fresh folder and inspects it.
fn inspect(files: &[(String, String)]) -> Report {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let report = inspect_paths(&[dir.path().to_path_buf()]);
    assert_eq!(report.files.len(), files.len(), "{report:#?}");
    report
}

fn positions(file: &FileReport) -> &PositionSummary {
    assert_eq!(file.error, None, "{}", file.file.path);
    match &file.summary {
        Some(Summary::Positions(p)) => p,
        _ => panic!("{}: no positions", file.file.path),
    }
}

fn distance(lat: f64, lng: f64, place: Place) -> f64 {
    LatLng::from_degrees(lat, lng)
        .unwrap()
        .distance_m(LatLng::from_degrees(place.lat, place.lng).unwrap())
}

fn source(file: &FileReport) -> &str {
    match &file.kind {
        Kind::Source(id) => id,
        Kind::Unknown => "unknown",
    }
}

/// Every location format the person can be written in: (file name, text, source id).
fn every_format(person: &Person) -> Vec<(String, String, &'static str)> {
    let mut files = vec![
        (
            "Records.json".to_owned(),
            person::records_json(person),
            "google.records",
        ),
        (
            "Timeline.json".to_owned(),
            person::android_timeline(person),
            "google.timeline.android",
        ),
        (
            "location-history.json".to_owned(),
            person::ios_timeline(person),
            "google.timeline.ios",
        ),
        (
            "location_history.json".to_owned(),
            person::snapchat_location(person, false),
            "snapchat.location",
        ),
        (
            "location_history_2021.json".to_owned(),
            person::snapchat_location(person, true),
            "snapchat.location",
        ),
        (
            "route.gpx".to_owned(),
            person::gpx(person, false),
            "geo.gpx",
        ),
        ("history.kml".to_owned(), person::kml(person), "geo.kml"),
        (
            "tracks.geojson".to_owned(),
            person::geojson(person),
            "geo.geojson",
        ),
        (
            "Timeline Edits.json".to_owned(),
            person::timeline_edits(person),
            "google.timeline_edits",
        ),
    ];
    for legacy_ms in [false, true] {
        for (name, text) in person::semantic_months(person, legacy_ms) {
            let name = if legacy_ms {
                name.replace(".json", "_ms.json")
            } else {
                name
            };
            files.push((name, text, "google.semantic"));
        }
    }
    files
}

#[test]
fn the_office_worker_is_found_at_home_and_at_work_in_every_format() {
    let person = Person::new(PersonSpec::new(Who::OfficeWorker, 11));
    let formats = every_format(&person);
    let report = inspect(
        &formats
            .iter()
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect::<Vec<_>>(),
    );
    let mut seen = BTreeSet::new();
    for (name, _, id) in &formats {
        let file = report
            .files
            .iter()
            .find(|f| f.file.path.ends_with(name.as_str()))
            .unwrap();
        assert_eq!(source(file), *id, "{name}");
        seen.insert(*id);
        let p = positions(file);
        assert_eq!(p.skipped, 0, "{name}");
        let home = p.home.as_ref().unwrap_or_else(|| panic!("{name}: no home"));
        assert!(
            distance(home.lat, home.lng, person.home()) < 200.0,
            "{name}: {home:?}"
        );
        assert_eq!(
            (home.confidence, home.doubt),
            (Confidence::High, None),
            "{name}: {home:?}"
        );
        let work = p.work.as_ref().unwrap_or_else(|| panic!("{name}: no work"));
        assert!(
            distance(work.lat, work.lng, person.work()) < 200.0,
            "{name}: {work:?}"
        );
        assert_eq!(work.confidence, Confidence::High, "{name}: {work:?}");
        assert!(file.findings.iter().any(|f| f.id == "home"), "{name}");
        // The routine: out at 08:30, back at 17:30 (19:30 on Wednesdays, after the gym), to
        // within a slot or two of 10 minutes.
        let routine = p
            .routine
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no routine"));
        let (leave, back) = (routine.leave.unwrap(), routine.back.unwrap());
        assert!((500..=530).contains(&leave), "{name}: leaves at {leave}");
        assert!((1040..=1070).contains(&back), "{name}: back at {back}");
        assert!(file.findings.iter().any(|f| f.id == "routine"), "{name}");
    }
    assert_eq!(seen.len(), 9, "{seen:?}");
}

// --- Shapes: what the writers produce is what real exports hold ---------------------------------

/// The generated file has the real samples' shape: every path of the samples is generated with
/// the same JSON types (but those under `unneeded`, parts of the format the person has no use
/// for), and every generated path is in a sample or is, or leads to, a `documented` one (key
/// paths `formats.md` lists for what the samples lack).
fn same_json_shape(ours: &Structure, samples: &[&str], unneeded: &[&str], documented: &[&str]) {
    let mut real = Structure::default();
    for path in samples {
        real.paths
            .extend(json_structure(&sample(path)[..]).unwrap().paths);
    }
    for (path, stats) in &real.paths {
        if unneeded.iter().any(|u| path.starts_with(u)) {
            continue;
        }
        let generated = ours
            .paths
            .get(path)
            .unwrap_or_else(|| panic!("{samples:?}: {path} is never generated"));
        assert_eq!(generated.types, stats.types, "{samples:?}: {path}");
    }
    for path in ours.paths.keys() {
        assert!(
            real.paths.contains_key(path)
                || documented
                    .iter()
                    .any(|d| path.starts_with(d) || d.starts_with(path.as_str())),
            "{samples:?}: {path} is in no real export"
        );
    }
}

/// The same for XML: the same element paths, attributes and text.
fn same_xml_shape(ours: &XmlStructure, sample_path: &str) {
    let real = xml_structure(&sample(sample_path)[..]).unwrap();
    let keys = |s: &XmlStructure| s.paths.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(ours), keys(&real), "{sample_path}");
    for (path, stats) in &real.paths {
        let generated = &ours.paths[path];
        assert_eq!(
            (&generated.attributes, generated.text),
            (&stats.attributes, stats.text),
            "{sample_path}: {path}"
        );
    }
}

fn structure(text: &str) -> Structure {
    json_structure(text.as_bytes()).unwrap()
}

#[test]
fn the_written_files_have_the_shape_of_the_real_samples() {
    let person = Person::new(PersonSpec {
        days: 8,
        ..PersonSpec::new(Who::OfficeWorker, 5)
    });
    same_json_shape(
        &structure(&person::records_json(&person)),
        &["google/Records.json"],
        &[],
        &[],
    );
    same_json_shape(
        &structure(&person::timeline_edits(&person)),
        &["google/Timeline Edits.json"],
        &[],
        &[],
    );
    // Android: two samples together; formats.md 1.2 documents `position.source` and the
    // activity's `probability`.
    same_json_shape(
        &structure(&person::android_timeline(&person)),
        &[
            "google/Timeline_android_gpsbabel.json",
            "google/Timeline_android_rawSignals.json",
        ],
        &[
            "$.semanticSegments[].timelineMemory",
            "$.semanticSegments[].activity.parking",
        ],
        &[
            "$.rawSignals[].position.source",
            "$.semanticSegments[].activity.probability",
        ],
    );
    // iOS: the sample has no activity; formats.md 1.2 documents its keys, every number a string.
    let ios = structure(&person::ios_timeline(&person));
    same_json_shape(
        &ios,
        &["google/location-history_ios.json"],
        &[],
        &["$[].activity"],
    );
    for (path, stats) in &ios.paths {
        assert!(!stats.types.number, "{path}: iOS writes numbers as strings");
    }
    // Semantic Location History: the samples hold only moves; formats.md 1.1 documents the
    // visits' keys, and the moves' that the samples leave out.
    let semantic_documented = [
        "$.timelineObjects[].placeVisit.location",
        "$.timelineObjects[].placeVisit.duration",
        "$.timelineObjects[].placeVisit.simplifiedRawPath",
        "$.timelineObjects[].placeVisit.placeConfidence",
        "$.timelineObjects[].placeVisit.centerLatE7",
        "$.timelineObjects[].placeVisit.centerLngE7",
        "$.timelineObjects[].placeVisit.visitConfidence",
        "$.timelineObjects[].placeVisit.editConfirmationStatus",
        "$.timelineObjects[].placeVisit.placeVisitImportance",
        "$.timelineObjects[].activitySegment.activityType",
        "$.timelineObjects[].activitySegment.duration.startTimestampMs",
        "$.timelineObjects[].activitySegment.duration.endTimestampMs",
    ];
    for legacy_ms in [false, true] {
        let months = person::semantic_months(&person, legacy_ms);
        assert_eq!(months.len(), 1);
        let ours = structure(&months[0].1);
        let unneeded: &[&str] = if legacy_ms {
            &[
                "$.timelineObjects[].activitySegment.duration.startTimestamp",
                "$.timelineObjects[].activitySegment.duration.endTimestamp",
            ]
        } else {
            &[]
        };
        same_json_shape(
            &ours,
            &[
                "google/semantic_history_2013_DECEMBER.json",
                "google/semantic_history_with_bom.json",
            ],
            unneeded,
            &semantic_documented,
        );
        for path in [
            "$.timelineObjects[].placeVisit.location.latitudeE7",
            "$.timelineObjects[].placeVisit.location.semanticType",
            "$.timelineObjects[].placeVisit.centerLatE7",
        ] {
            assert!(ours.paths.contains_key(path), "{path}");
        }
        let raw = "$.timelineObjects[].placeVisit.simplifiedRawPath.points[].latE7";
        assert_eq!(ours.paths.contains_key(raw), !legacy_ms);
    }
    // GPX as Apple Health writes workout routes, KML with a Google Earth track: the very shape.
    same_xml_shape(
        &xml_structure(person::gpx(&person, false).as_bytes()).unwrap(),
        "apple/workout-routes/route_2019-06-11_3.00pm.gpx",
    );
    same_xml_shape(
        &xml_structure(person::kml(&person).as_bytes()).unwrap(),
        "geo/gx_track.kml",
    );
}

#[test]
fn formats_without_a_sample_have_the_key_paths_formats_md_documents() {
    let person = Person::new(PersonSpec {
        days: 3,
        ..PersonSpec::new(Who::OfficeWorker, 5)
    });
    // Snapchat: no real sample exists (samples/SOURCES.md, "Gaps"); formats.md section 4 gives
    // the keys of each era.
    let new = structure(&person::snapchat_location(&person, false));
    let old = structure(&person::snapchat_location(&person, true));
    for (s, paths) in [
        (
            &new,
            &[
                "$.Frequent Locations[].City",
                "$.Frequent Locations[].Country",
                "$.Frequent Locations[].Region",
                "$.Latest Location[].City",
                "$.Home, School & Work.inferredHome",
                "$.Home, School & Work.inferredWork",
                "$.Location History[][]",
            ][..],
        ),
        (
            &old,
            &[
                "$.Frequent Locations[].City",
                "$.Home & Work.Home",
                "$.Home & Work.Work",
                "$.Location History[].Time",
                "$.Location History[].Latitude, Longitude",
            ][..],
        ),
    ] {
        for path in paths {
            assert!(s.paths.get(*path).unwrap().types.string, "{path}");
        }
    }
    // 2024: pairs of strings.
    assert_eq!(new.paths["$.Location History[]"].max_len, Some(2));
    assert!(!new.paths.contains_key("$.Location History[].Time"));
    // GeoJSON: no sample; formats.md section 14 says FeatureCollection, longitude first (RFC
    // 7946); the per-position times are togeojson's `properties.coordTimes` (geojson.rs).
    let geo = structure(&person::geojson(&person));
    let keys: Vec<&str> = geo.paths.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "$",
            "$.features",
            "$.features[]",
            "$.features[].geometry",
            "$.features[].geometry.coordinates",
            "$.features[].geometry.coordinates[]",
            "$.features[].geometry.coordinates[][]",
            "$.features[].geometry.type",
            "$.features[].properties",
            "$.features[].properties.coordTimes",
            "$.features[].properties.coordTimes[]",
            "$.features[].properties.name",
            "$.features[].type",
            "$.type",
        ]
    );
    assert_eq!(
        geo.paths["$.features[].geometry.coordinates[]"].max_len,
        Some(3)
    );
    let text = person::geojson(&person);
    let first: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lng = first["features"][0]["geometry"]["coordinates"][0][0]
        .as_f64()
        .unwrap();
    assert!((lng - person.home().lng).abs() < 0.01, "longitude first");
}

// --- Decoys, daylight saving, damaged records, empty segments, mixed archives -------------------

#[test]
fn decoys_written_as_files_come_out_low_confidence_with_their_reason() {
    let decoys = [
        // Weekday nights at work, weekend nights at home.
        (PersonSpec::new(Who::NightShift, 3), Doubt::WeekdaysDiffer),
        // Every night at work, weekends included: the nights alone would point at work, but
        // far more time is spent at home.
        (
            PersonSpec::new(Who::NightShiftEveryNight, 6),
            Doubt::DaytimeElsewhere,
        ),
        // Eight whole weeks from Monday 2024-03-04, four in each home.
        (
            PersonSpec {
                first_day: 19_786,
                days: 56,
                ..PersonSpec::new(Who::TwoHomes, 4)
            },
            Doubt::TwoPlaces,
        ),
        // One day in twelve: five nights.
        (PersonSpec::new(Who::Sparse, 5), Doubt::FewNights),
    ];
    for (spec, doubt) in decoys {
        let person = Person::new(PersonSpec {
            step_minutes: 30,
            ..spec
        });
        let files: Vec<(String, String)> = every_format(&person)
            .into_iter()
            // Semantic months split the person in two files; the other formats hold it whole.
            .filter(|(_, _, id)| *id != "google.semantic")
            .map(|(n, t, _)| (n, t))
            .collect();
        let report = inspect(&files);
        for file in &report.files {
            let home = positions(file).home.as_ref().unwrap();
            assert_eq!(
                (home.confidence, home.doubt),
                (Confidence::Low, Some(doubt)),
                "{:?} in {}: {home:?}",
                spec.kind,
                file.file.path
            );
            let finding = file.findings.iter().find(|f| f.id == "home").unwrap();
            assert!(
                finding.text.en.contains("low confidence"),
                "{}",
                finding.text.en
            );
        }
    }
}

#[test]
fn night_is_local_night_on_both_sides_of_both_daylight_saving_changes() {
    // Positions only at 06:xx and 23:xx Paris time, from 2024-03-20 to 2024-04-10 and from
    // 2024-10-20 to 2024-11-10: never night. A reader an hour off on either side of a change
    // would count 05:xx or 00:xx as night. The same at 00:xx and 05:xx: every day is a night.
    let days = (19_802..19_823).chain(20_016..20_037);
    let at = |hours: [i64; 2]| {
        let mut points = Vec::new();
        for day in days.clone() {
            for hour in hours {
                for quarter in 0..4 {
                    let local = day * 86_400_000 + hour * 3_600_000 + quarter * 15 * 60_000;
                    points.push(person::Point {
                        time: person::utc_of_paris(local),
                        lat: 46.1603,
                        lng: -1.1511,
                    });
                }
            }
        }
        Person {
            kind: Who::OfficeWorker,
            places: Vec::new(),
            stays: Vec::new(),
            trips: Vec::new(),
            points,
        }
    };
    let (never, always) = (at([6, 23]), at([0, 5]));
    let report = inspect(&[
        ("never.json".to_owned(), person::records_json(&never)),
        ("always.gpx".to_owned(), person::gpx(&always, false)),
    ]);
    let file = |name: &str| {
        report
            .files
            .iter()
            .find(|f| f.file.path.ends_with(name))
            .unwrap()
    };
    assert_eq!(positions(file("never.json")).home, None);
    let home = positions(file("always.gpx")).home.clone().unwrap();
    assert_eq!((home.nights, home.nights_total), (42, 42));
}

/// Inserts `bad` right after the first `anchor` of `text`.
fn splice(text: &str, anchor: &str, bad: &str) -> String {
    assert!(text.contains(anchor), "{anchor}");
    text.replacen(anchor, &format!("{anchor}{bad}"), 1)
}

/// Damaged records for each source: (source, anchor, bad records, how many are skipped, how
/// many are read after all).
#[allow(clippy::too_many_lines)] // one table, a row a format
fn damage() -> Vec<(&'static str, &'static str, String, u64, u64)> {
    const T: &str = "2024-03-05T12:00:00Z";
    vec![
        (
            "google.records",
            "\"locations\": [\n    ",
            // Latitude 95, longitude 200, a value past any E7 reading, no coordinates; and an
            // overflowed longitude (-1.15 + 2^32) that is read back (formats.md 1.1).
            format!(
                r#"{{"latitudeE7": 950000000, "longitudeE7": 20000000, "timestamp": "{T}"}},
    {{"latitudeE7": 461600000, "longitudeE7": 2000000000, "timestamp": "{T}"}},
    {{"latitudeE7": 9000000000, "longitudeE7": 20000000, "timestamp": "{T}"}},
    {{"accuracy": 10, "timestamp": "{T}"}},
    {{"latitudeE7": 461603000, "longitudeE7": 4283467296, "timestamp": "{T}"}},
    "#
            ),
            4,
            1,
        ),
        (
            "google.timeline.android",
            "\"rawSignals\": [\n    ",
            format!(
                r#"{{"position": {{"LatLng": "95.0°, 2.0°", "timestamp": "{T}"}}}},
    {{"position": {{"LatLng": "46.1°, 200.0°", "timestamp": "{T}"}}}},
    {{"position": {{"timestamp": "{T}"}}}},
    "#
            ),
            3,
            0,
        ),
        (
            "google.timeline.ios",
            "[\n  ",
            format!(
                r#"{{"startTime": "{T}", "endTime": "{T}", "timelinePath": [{{"point": "geo:95.0,2.0", "durationMinutesOffsetFromStartTime": "1"}}, {{"point": "geo:46.1,200.0", "durationMinutesOffsetFromStartTime": "2"}}, {{"durationMinutesOffsetFromStartTime": "3"}}]}},
  "#
            ),
            3,
            0,
        ),
        (
            "snapchat.location",
            "\"Location History\": [\n    ",
            r#"["2024-03-05 12:00:00 UTC", "95.0 ± 14.2 meters, 2.0 ± 14.2 meters"],
    ["2024-03-05 12:00:00 UTC", "46.1, 200.0"],
    ["2024-03-05 12:00:00 UTC", ""],
    "#
            .to_owned(),
            3,
            0,
        ),
        (
            "geo.gpx",
            "<trkseg>\n",
            format!(
                "<trkpt lat=\"95\" lon=\"2\"><time>{T}</time></trkpt>\n<trkpt lat=\"46.1\" lon=\"200\"><time>{T}</time></trkpt>\n<trkpt lon=\"2\"><time>{T}</time></trkpt>\n"
            ),
            3,
            0,
        ),
        (
            "geo.kml",
            "<Document>\n",
            format!(
                "<Placemark><gx:Track><when>{T}</when><when>{T}</when><gx:coord>2 95 0</gx:coord><gx:coord>200 46.1 0</gx:coord></gx:Track></Placemark>\n"
            ),
            2,
            0,
        ),
        (
            "geo.geojson",
            "\"features\": [\n  ",
            format!(
                r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [2.0, 95.0]}}, "properties": {{"time": "{T}"}}}},
  {{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [200.0, 46.1]}}, "properties": {{"time": "{T}"}}}},
  {{"type": "Feature", "geometry": {{"type": "Point"}}, "properties": {{"time": "{T}"}}}},
  "#
            ),
            3,
            0,
        ),
        (
            "google.timeline_edits",
            "\"timelineEdits\": [\n    ",
            format!(
                r#"{{"rawSignal": {{"signal": {{"position": {{"point": {{"latE7": 950000000, "lngE7": 20000000}}, "timestamp": "{T}"}}}}}}}},
    {{"rawSignal": {{"signal": {{"position": {{"point": {{"latE7": 461000000, "lngE7": 2000000000}}, "timestamp": "{T}"}}}}}}}},
    {{"rawSignal": {{"signal": {{"position": {{"timestamp": "{T}"}}}}}}}},
    "#
            ),
            3,
            0,
        ),
        (
            "google.semantic",
            "\"timelineObjects\": [\n    ",
            format!(
                r#"{{"placeVisit": {{"location": {{"latitudeE7": 461603000, "longitudeE7": -11511000}}, "duration": {{"startTimestamp": "{T}", "endTimestamp": "2024-03-05T12:30:00Z"}}, "simplifiedRawPath": {{"points": [{{"latE7": 950000000, "lngE7": 20000000, "timestamp": "{T}"}}, {{"latE7": 461000000, "lngE7": 2000000000, "timestamp": "{T}"}}, {{"timestamp": "{T}"}}, {{"latE7": 461603000, "lngE7": -11511000, "timestamp": "{T}"}}]}}}}}},
    "#
            ),
            3,
            1,
        ),
    ]
}

#[test]
fn out_of_range_and_missing_coordinates_are_skipped_and_counted_in_every_format() {
    let person = Person::new(PersonSpec {
        days: 21,
        step_minutes: 30,
        ..PersonSpec::new(Who::OfficeWorker, 8)
    });
    let damage = &damage()[..];
    let formats: Vec<_> = every_format(&person)
        .into_iter()
        .filter(|(n, _, _)| !n.ends_with("_ms.json") && !n.ends_with("_2021.json"))
        .collect();
    let mut files = Vec::new();
    for (name, text, id) in &formats {
        let (_, anchor, bad, _, _) = damage.iter().find(|d| d.0 == *id).unwrap();
        files.push((name.clone(), text.clone()));
        files.push((format!("damaged/{name}"), splice(text, anchor, bad)));
    }
    let report = inspect(&files);
    for (name, _, id) in &formats {
        let (_, _, _, skipped, extra) = damage.iter().find(|d| d.0 == *id).unwrap();
        let find = |path: &str| {
            report
                .files
                .iter()
                .find(|f| f.file.path.ends_with(path))
                .unwrap()
        };
        let (whole, damaged) = (
            positions(find(&format!("/{name}"))),
            positions(find(&format!("damaged/{name}"))),
        );
        assert_eq!(
            (damaged.skipped, damaged.count),
            (*skipped, whole.count + extra),
            "{name}"
        );
        let home = damaged.home.as_ref().unwrap();
        assert!(
            distance(home.lat, home.lng, person.home()) < 200.0,
            "{name}"
        );
    }
}

#[test]
fn empty_segments_read_as_nothing_without_error() {
    const T: &str = "2024-03-05T12:00:00.000+01:00";
    let person = Person::new(PersonSpec {
        days: 14,
        step_minutes: 30,
        ..PersonSpec::new(Who::OfficeWorker, 9)
    });
    let files = [
        (
            "Timeline.json".to_owned(),
            splice(
                &person::android_timeline(&person),
                "\"semanticSegments\": [\n    ",
                &format!(
                    "{{\"startTime\": \"{T}\", \"endTime\": \"{T}\", \"timelinePath\": []}},\n    "
                ),
            ),
        ),
        (
            "empty/Timeline.json".to_owned(),
            "{\"semanticSegments\": []}\n".to_owned(),
        ),
        (
            "location-history.json".to_owned(),
            splice(
                &person::ios_timeline(&person),
                "[\n  ",
                &format!(
                    "{{\"startTime\": \"{T}\", \"endTime\": \"{T}\", \"timelinePath\": []}},\n  "
                ),
            ),
        ),
        (
            "route.gpx".to_owned(),
            splice(
                &person::gpx(&person, true),
                "<trk>\n",
                "<trkseg></trkseg>\n",
            ),
        ),
        (
            "2024_APRIL.json".to_owned(),
            "{\"timelineObjects\": []}".to_owned(),
        ),
    ];
    assert!(files[3].1.contains("<trkseg/>"));
    let report = inspect(&files);
    for file in &report.files {
        let p = positions(file);
        assert_eq!(p.skipped, 0, "{}", file.file.path);
        if file.file.path.contains("empty") || file.file.path.ends_with("APRIL.json") {
            assert_eq!((p.count, &p.home), (0, &None), "{}", file.file.path);
        } else {
            let home = p.home.as_ref().unwrap();
            assert!(distance(home.lat, home.lng, person.home()) < 200.0);
        }
    }
}

#[test]
fn a_zip_of_mixed_formats_gives_each_file_its_own_report_and_home() {
    let person = Person::new(PersonSpec {
        step_minutes: 30,
        ..PersonSpec::new(Who::OfficeWorker, 12)
    });
    let mut entries: Vec<(String, String, &str)> = vec![
        (
            "Takeout/Historique des positions/Records.json".to_owned(),
            person::records_json(&person),
            "google.records",
        ),
        (
            "phone/Timeline.json".to_owned(),
            person::android_timeline(&person),
            "google.timeline.android",
        ),
        (
            "phone/location-history.json".to_owned(),
            person::ios_timeline(&person),
            "google.timeline.ios",
        ),
        (
            "snapchat/json/location_history.json".to_owned(),
            person::snapchat_location(&person, false),
            "snapchat.location",
        ),
        (
            "apple_health_export/workout-routes/route_2024-03-01_9.00am.gpx".to_owned(),
            person::gpx(&person, true),
            "geo.gpx",
        ),
        ("earth/doc.kml".to_owned(), person::kml(&person), "geo.kml"),
        (
            "tracks.geojson".to_owned(),
            person::geojson(&person),
            "geo.geojson",
        ),
    ];
    for (month, text) in person::semantic_months(&person, false) {
        entries.push((
            format!("Takeout/Historique des positions/Semantic Location History/2024/{month}"),
            text,
            "google.semantic",
        ));
    }
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text, _) in &entries {
        zip.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("everything.zip");
    std::fs::write(&path, bytes).unwrap();
    let report = inspect_paths(&[path]);
    assert_eq!(report.files.len(), entries.len(), "{report:#?}");
    for (name, _, id) in &entries {
        let file = report
            .files
            .iter()
            .find(|f| f.file.path == *name)
            .unwrap_or_else(|| panic!("{name} has no report"));
        assert_eq!(file.container.as_deref(), Some("everything.zip"));
        assert_eq!(source(file), *id, "{name}");
        let p = positions(file);
        let home = p.home.as_ref().unwrap();
        assert!(
            distance(home.lat, home.lng, person.home()) < 200.0,
            "{name}: {home:?}"
        );
        assert_eq!(home.confidence, Confidence::High, "{name}: {home:?}");
    }
}
