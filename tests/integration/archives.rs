//! Archives, good and bad: a corpus generated here (never committed), read through the same
//! `describe_input` the worker and `inspect` use.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use reflet::error::ErrorKind;
use reflet::model::Summary;
use reflet::report::{describe_input, FileReport, Kind};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn describe(name: &str, bytes: &[u8]) -> Vec<FileReport> {
    let mut out = Vec::new();
    describe_input(name, &mut &bytes[..], &mut |r: FileReport| out.push(r));
    out
}

/// (path, size, error kind) of each report, for compact assertions.
fn summary(reports: &[FileReport]) -> Vec<(String, u64, Option<ErrorKind>)> {
    reports
        .iter()
        .map(|r| {
            (
                r.file.path.clone(),
                r.file.size,
                r.error.as_ref().map(|e| e.kind),
            )
        })
        .collect()
}

fn records(n: usize) -> Vec<u8> {
    let mut json = String::from("{\n  \"locations\": [");
    for i in 0..n {
        if i > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            "{{\n    \"latitudeE7\": {},\n    \"longitudeE7\": {},\n    \"accuracy\": {},\n    \"source\": \"WIFI\",\n    \"timestamp\": \"2024-03-0{}T10:{:02}:00Z\"\n  }}",
            461_600_000 + i * 37,
            -11_500_000 - i64::try_from(i).unwrap() * 11,
            10 + i % 50,
            1 + i % 9,
            i % 60
        );
    }
    json.push_str("]\n}\n");
    json.into_bytes()
}

type Entry<'a> = (&'a str, &'a [u8], CompressionMethod);

fn zip_of(entries: &[Entry<'_>], large: bool) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data, method) in entries {
        if name.ends_with('/') {
            writer
                .add_directory(*name, SimpleFileOptions::default())
                .unwrap();
            continue;
        }
        let options = SimpleFileOptions::default()
            .compression_method(*method)
            .large_file(large);
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_takeout_zip_lists_its_files_and_skips_noise() {
    let rec = records(300);
    let zip = zip_of(
        &[
            ("Takeout/", b"", CompressionMethod::Stored),
            (
                "Takeout/archive_browser.html",
                b"<html></html>",
                CompressionMethod::Stored,
            ),
            (
                "Takeout/Location History/Records.json",
                &rec,
                CompressionMethod::Deflated,
            ),
            (
                "__MACOSX/Takeout/._Records.json",
                b"junk",
                CompressionMethod::Stored,
            ),
            ("Takeout/.DS_Store", b"junk", CompressionMethod::Stored),
        ],
        false,
    );
    let reports = describe("takeout-20240301T101010Z-001.zip", &zip);
    assert_eq!(
        summary(&reports),
        [
            ("Takeout/archive_browser.html".into(), 13, None),
            (
                "Takeout/Location History/Records.json".into(),
                rec.len() as u64,
                None
            ),
        ]
    );
    assert!(reports
        .iter()
        .all(|r| r.container.as_deref() == Some("takeout-20240301T101010Z-001.zip")));
}

#[test]
fn zip64_entries_read_like_others() {
    let rec = records(50);
    let zip = zip_of(&[("Records.json", &rec, CompressionMethod::Deflated)], true);
    // The ZIP64 extra field (header id 0x0001) is really there.
    assert!(zip.windows(2).any(|w| w == [0x01, 0x00]));
    assert_eq!(
        summary(&describe("a.zip", &zip)),
        [("Records.json".into(), rec.len() as u64, None)]
    );
}

#[test]
fn a_zip_inside_a_zip_is_read_from_its_local_headers() {
    let inner = zip_of(
        &[
            (
                "messages/inbox/a/message_1.json",
                b"{\"messages\":[]}",
                CompressionMethod::Deflated,
            ),
            ("your_activity.json", b"[1,2,3]", CompressionMethod::Stored),
        ],
        false,
    );
    let outer = zip_of(
        &[
            ("facebook-part1.zip", &inner, CompressionMethod::Stored),
            ("README.txt", b"hello", CompressionMethod::Deflated),
        ],
        false,
    );
    assert_eq!(
        summary(&describe("export.zip", &outer)),
        [
            ("messages/inbox/a/message_1.json".into(), 15, None),
            ("your_activity.json".into(), 7, None),
            ("README.txt".into(), 5, None),
        ]
    );
}

#[test]
fn a_zip_bomb_is_refused_and_the_rest_is_read() {
    let zeros = vec![0u8; 50 << 20];
    let zip = zip_of(
        &[
            ("bomb.json", &zeros, CompressionMethod::Deflated),
            ("fine.json", b"{}", CompressionMethod::Deflated),
        ],
        false,
    );
    assert!(
        zip.len() < 200_000,
        "50 MB of zeros deflate to {} bytes",
        zip.len()
    );
    assert_eq!(
        summary(&describe("b.zip", &zip)),
        [
            ("bomb.json".into(), 50 << 20, Some(ErrorKind::Bomb)),
            ("fine.json".into(), 2, None)
        ]
    );
}

#[test]
fn genuine_highly_compressible_data_is_not_a_bomb() {
    // Real JSON compresses ~15:1; even very repetitive records stay far below the limit.
    let rec = records(20_000);
    let zip = zip_of(
        &[("Records.json", &rec, CompressionMethod::Deflated)],
        false,
    );
    let ratio = rec.len() / zip.len();
    assert!(ratio < 100, "ratio {ratio}");
    assert_eq!(summary(&describe("r.zip", &zip))[0].2, None);
}

#[test]
fn encrypted_entries_and_unsafe_names_are_refused_one_by_one() {
    let mut zip = zip_of(
        &[
            ("secret.json", b"{\"a\":1}", CompressionMethod::Stored),
            ("../../evil.json", b"{}", CompressionMethod::Stored),
            ("ok.csv", b"a,b\n1,2\n", CompressionMethod::Stored),
        ],
        false,
    );
    // Set the "encrypted" flag of the first entry, in its local and central headers.
    let local = zip.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
    zip[local + 6] |= 1;
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    zip[central + 8] |= 1;
    assert_eq!(
        summary(&describe("mixed.zip", &zip)),
        [
            ("secret.json".into(), 7, Some(ErrorKind::Encrypted)),
            ("../../evil.json".into(), 2, Some(ErrorKind::UnsafeName)),
            ("ok.csv".into(), 8, None),
        ]
    );
}

#[test]
fn a_cut_off_zip_says_so_and_keeps_what_it_can() {
    let big = records(2000);
    let zip = zip_of(
        &[
            (
                "first.json",
                b"{\"first\":true}",
                CompressionMethod::Deflated,
            ),
            ("second.json", b"[]", CompressionMethod::Stored),
            ("Records.json", &big, CompressionMethod::Deflated),
        ],
        false,
    );
    let cut = &zip[..zip.len() * 2 / 3];
    let reports = describe("takeout-001.zip", cut);
    let found = summary(&reports);
    assert_eq!(
        found[0],
        ("takeout-001.zip".into(), 0, Some(ErrorKind::Truncated))
    );
    assert_eq!(found[1], ("first.json".into(), 14, None));
    assert_eq!(found[2], ("second.json".into(), 2, None));
}

#[test]
fn garbage_that_starts_like_a_zip_does_not_break_anything() {
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let reports = describe("broken.zip", &junk);
    assert_eq!(
        summary(&reports)[0],
        ("broken.zip".into(), 0, Some(ErrorKind::Truncated))
    );
    // An empty zip is fine too: nothing inside, nothing wrong.
    let empty = zip_of(&[], false);
    assert!(describe("empty.zip", &empty).is_empty());
}

#[test]
fn gzip_and_tar_gz_are_streamed() {
    use flate2::{write::GzEncoder, Compression};
    let rec = records(100);
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&rec).unwrap();
    let gz = gz.finish().unwrap();
    assert_eq!(
        summary(&describe("Records.json.gz", &gz)),
        [("Records.json".into(), rec.len() as u64, None)]
    );

    let mut tar = tar::Builder::new(Vec::new());
    for (path, data) in [
        ("export/a.json", &b"{}"[..]),
        ("export/b.csv", &b"x,y\n"[..]),
    ] {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, path, data).unwrap();
    }
    let mut tgz = GzEncoder::new(Vec::new(), Compression::default());
    tgz.write_all(&tar.into_inner().unwrap()).unwrap();
    let tgz = tgz.finish().unwrap();
    assert_eq!(
        summary(&describe("takeout.tgz", &tgz)),
        [
            ("export/a.json".into(), 2, None),
            ("export/b.csv".into(), 4, None)
        ]
    );
    // A gzip cut in half: what was read is counted, and the file is flagged.
    let half = &gz[..gz.len() / 2];
    assert_eq!(
        summary(&describe("cut.json.gz", half))[0].2,
        Some(ErrorKind::Unreadable)
    );
}

/// The corrupt-input corpus of issue 3 that is not about the archive itself: each file gets its own
/// message, and the good file beside them is still read whole.
#[test]
fn each_bad_file_in_an_archive_gets_its_own_message() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    // Varied bytes, so that the entries do not compress like a bomb.
    let noise = |n: usize| -> Vec<u8> {
        let mut x = 7u64;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                b'a' + u8::try_from(x >> 59).unwrap()
            })
            .collect()
    };
    let mut long_line = b"Historique\n".to_vec();
    long_line.extend(noise((16 << 20) + 10));
    let mut long_csv = b"Date;Montant\n01/02/2024;12,50\n".to_vec();
    long_csv.extend(noise((16 << 20) + 10));
    let deep = "[".repeat(10_000);
    let rec = records(50);
    let deflate = CompressionMethod::Deflated;
    let zip = zip_of(
        &[
            ("Takeout/photo.json", png, deflate),
            (
                "Takeout/latin1.json",
                b"{\"ville\": \"Montr\xe9al\"}",
                deflate,
            ),
            (
                "Takeout/cut.json",
                b"{\"items\": [{\"a\": 1}, {\"a\"",
                deflate,
            ),
            ("Takeout/deep.json", deep.as_bytes(), deflate),
            ("Takeout/notes.txt", &long_line, deflate),
            ("Takeout/releve.csv", &long_csv, deflate),
            ("Takeout/empty.json", b"", deflate),
            ("Takeout/fine.json", b"{\"ok\": [true, null, 1.5]}", deflate),
            ("Takeout/Location History/Records.json", &rec, deflate),
        ],
        false,
    );
    let reports = describe("takeout.zip", &zip);
    let kinds: Vec<(&str, Option<ErrorKind>)> = reports
        .iter()
        .map(|r| (r.file.path.as_str(), r.error.as_ref().map(|e| e.kind)))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Takeout/photo.json", Some(ErrorKind::WrongType)),
            ("Takeout/latin1.json", Some(ErrorKind::InvalidText)),
            ("Takeout/cut.json", Some(ErrorKind::Truncated)),
            ("Takeout/deep.json", Some(ErrorKind::Malformed)),
            ("Takeout/notes.txt", Some(ErrorKind::TooLarge)),
            ("Takeout/releve.csv", Some(ErrorKind::TooLarge)),
            ("Takeout/empty.json", Some(ErrorKind::Empty)),
            ("Takeout/fine.json", None),
            ("Takeout/Location History/Records.json", None),
        ]
    );
    let records = reports.last().unwrap();
    let json = serde_json::to_value(records).unwrap();
    assert_eq!(json["kind"], "google.records");
    assert_eq!(json["summary"]["count"], 50);
    // Messages are in both languages and never quote the file.
    for r in &reports[..7] {
        let error = r.error.as_ref().unwrap();
        assert!(!error.message.fr.is_empty() && error.message.fr != error.message.en);
        assert!(!error.message.en.contains("Montr"));
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use flate2::{write::GzEncoder, Compression};
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn a_strava_archive_reads_its_list_and_its_gzipped_activity_files() {
    let fixture = |path: &str| std::fs::read(format!("tests/fixtures/{path}")).unwrap();
    let (gpx, tcx, fit) = (
        fixture("geo.gpx/track.gpx"),
        fixture("geo.tcx/ride.tcx"),
        fixture("geo.fit/run.fit"),
    );
    // The reduced column set of the shared sample, with the Filename column linking each row to
    // its file.
    let csv =
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n\
               1,\"Oct 01, 2024, 11:35:00 AM\",Walk,Walk,1800,2.1,activities/1.gpx.gz\n\
               2,\"Sep 03, 2023, 6:15:00 AM\",Ride,Ride,240,3.12,activities/2.tcx.gz\n\
               3,\"May 12, 2024, 7:30:00 AM\",Run,Run,210,2.4,activities/3.fit.gz\n";
    let (gpx_gz, tcx_gz, fit_gz) = (gzip(&gpx), gzip(&tcx), gzip(&fit));
    let zip = zip_of(
        &[
            (
                "activities.csv",
                csv.as_bytes(),
                CompressionMethod::Deflated,
            ),
            ("activities/1.gpx.gz", &gpx_gz, CompressionMethod::Stored),
            ("activities/2.tcx.gz", &tcx_gz, CompressionMethod::Deflated),
            ("activities/3.fit.gz", &fit_gz, CompressionMethod::Stored),
        ],
        false,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export_12345.zip");
    std::fs::write(&path, zip).unwrap();
    let report = reflet::report::inspect_paths(&[path]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let files: Vec<(String, String, u64, u64, u64)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(f.get("error").is_none(), "{f}");
            let positions = &f["summary"];
            (
                f["path"].as_str().unwrap().to_owned(),
                f["kind"].as_str().unwrap().to_owned(),
                f["size"].as_u64().unwrap(),
                positions["count"].as_u64().unwrap(),
                positions["moves"].as_u64().unwrap(),
            )
        })
        .collect();
    // The positions: 32 in the GPX (its own tests), 22 in the TCX, 40 in the FIT (theirs); the
    // CSV's three rows are moves, and each activity file says its own activity once more, in its
    // own file's summary: nothing is added up across files.
    assert_eq!(
        files,
        [
            (
                "activities.csv".into(),
                "strava.activities".into(),
                csv.len() as u64,
                0,
                3
            ),
            (
                "activities/1.gpx".into(),
                "geo.gpx".into(),
                gpx.len() as u64,
                32,
                0
            ),
            (
                "activities/2.tcx".into(),
                "geo.tcx".into(),
                tcx.len() as u64,
                22,
                1
            ),
            (
                "activities/3.fit".into(),
                "geo.fit".into(),
                fit.len() as u64,
                40,
                1
            ),
        ]
    );
}

#[test]
fn a_gzip_bomb_inside_a_zip_is_refused() {
    let zeros = vec![0u8; 50 << 20];
    let bomb = gzip(&zeros);
    let fit = std::fs::read("tests/fixtures/geo.fit/run.fit").unwrap();
    let zip = zip_of(
        &[
            ("activities/9.fit.gz", &bomb, CompressionMethod::Stored),
            (
                "activities/3.fit.gz",
                &gzip(&fit),
                CompressionMethod::Stored,
            ),
        ],
        false,
    );
    let reports = summary(&describe("export.zip", &zip));
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_eq!(reports[0].0, "activities/9.fit");
    assert_eq!(reports[0].2, Some(ErrorKind::Bomb));
    assert_eq!(
        reports[1],
        ("activities/3.fit".into(), fit.len() as u64, None)
    );
}

/// A KMZ is a zip holding `doc.kml` (and sometimes images): its KML is read like a loose one. No
/// public KMZ sample exists; this one wraps the real `geo/gx_track.kml` sample.
#[test]
fn a_kmz_is_read_through_its_doc_kml() {
    let kml = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/geo/gx_track.kml"),
    )
    .unwrap();
    let kmz = zip_of(
        &[
            ("doc.kml", &kml, CompressionMethod::Deflated),
            (
                "files/icon.png",
                b"\x89PNG\r\n\x1a\n",
                CompressionMethod::Stored,
            ),
        ],
        false,
    );
    let reports = describe("trip.kmz", &kmz);
    let doc = reports.iter().find(|r| r.file.path == "doc.kml").unwrap();
    assert_eq!(doc.kind, Kind::Source("geo.kml".into()));
    assert_eq!(doc.container.as_deref(), Some("trip.kmz"));
    // The sample's <gx:coord> elements: grep -c '<gx:coord>' gx_track.kml → 4 (as the loose
    // sample's expectation in the source's tests).
    let Some(Summary::Positions(p)) = &doc.summary else {
        panic!("no summary")
    };
    assert_eq!((p.count, doc.error.as_ref().map(|e| e.kind)), (4, None));
}

/// A gzipped file's inner name drops `.gz` whatever its case.
#[test]
fn a_gz_suffix_in_any_case_is_dropped_from_the_inner_name() {
    let gpx = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/apple/workout-routes/route_2019-06-11_3.00pm.gpx"),
    )
    .unwrap();
    for name in ["route.gpx.gz", "ROUTE.GPX.GZ", "route.gpx.Gz"] {
        let reports = describe(name, &gzip(&gpx));
        assert_eq!(reports.len(), 1, "{name}");
        assert_eq!(reports[0].file.path, name[..name.len() - 3], "{name}");
        assert_eq!(reports[0].kind, Kind::Source("geo.gpx".into()), "{name}");
        assert!(reports[0].error.is_none(), "{name}");
    }
}
