//! The scanner against real files and a hand-labelled corpus.
//!
//! - Every file in `../shared/samples/` is scanned whole (the raw view), and the categories found
//!   are checked against `tests/scan-corpus/samples.json`, written by hand: every category marked
//!   `present` must be found, and nothing beyond `present` and `maybe`.
//! - The corpus `tests/scan-corpus/corpus.jsonl` (real-looking values with planted personal data
//!   and decoys, labels written by hand) measures each detector's precision and recall, which
//!   must both reach 0.95.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::common::files_under;
use reflet::ingest::{read_prefix, HEAD_LEN};
use reflet::scan::detect::{detect, Category, Hit, Value};
use reflet::scan::keys::hint;
use reflet::scan::scan;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn category(id: &str) -> Category {
    serde_json::from_value(serde_json::Value::String(id.to_owned()))
        .unwrap_or_else(|_| panic!("unknown category {id}"))
}

#[test]
fn every_sample_holds_the_categories_written_down_by_hand() {
    let samples = root().join("../shared/samples");
    let expected: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/scan-corpus/samples.json")).unwrap(),
    )
    .unwrap();
    let all = files_under(&samples, &|_| true);
    let mut wrong = Vec::new();
    for path in &all {
        let name = path
            .strip_prefix(&samples)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(want) = expected.get(&name) else {
            wrong.push(format!("{name}: not written down in samples.json"));
            continue;
        };
        let list = |key: &str| -> BTreeSet<Category> {
            want[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| category(v.as_str().unwrap()))
                .collect()
        };
        let (present, maybe) = (list("present"), list("maybe"));
        let mut file = std::fs::File::open(path).unwrap();
        let head = read_prefix(&mut file, HEAD_LEN).unwrap();
        let (result, _) = scan(&name, &head, &mut file);
        let found: BTreeSet<Category> = result
            .map(|s| s.found.iter().map(|f| f.category).collect())
            .unwrap_or_default();
        let missed: Vec<_> = present.difference(&found).collect();
        let extra: Vec<_> = found
            .iter()
            .filter(|c| !present.contains(c) && !maybe.contains(c))
            .collect();
        if !missed.is_empty() || !extra.is_empty() {
            wrong.push(format!("{name}: missed {missed:?}, false alarms {extra:?}"));
        }
    }
    assert!(
        expected.len() == all.len(),
        "samples.json lists {} files, the folder holds {}",
        expected.len(),
        all.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// One labelled value of the corpus.
#[derive(serde::Deserialize)]
struct Item {
    id: String,
    key: Option<String>,
    value: serde_json::Value,
    labels: Vec<(String, String)>,
}

#[derive(Default, Debug)]
struct Score {
    true_positives: u32,
    false_positives: u32,
    false_negatives: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            return 1.0;
        }
        f64::from(self.true_positives) / f64::from(found)
    }
    fn recall(&self) -> f64 {
        let wanted = self.true_positives + self.false_negatives;
        if wanted == 0 {
            return 1.0;
        }
        f64::from(self.true_positives) / f64::from(wanted)
    }
}

#[test]
fn each_detector_reaches_095_precision_and_recall_on_the_labelled_corpus() {
    accuracy("corpus.jsonl");
}

/// The corpus written by a second author who saw neither the first one nor the detectors' code:
/// how the detectors do on values they were not tuned on.
#[test]
fn each_detector_reaches_095_precision_and_recall_on_the_held_out_corpus() {
    accuracy("heldout.jsonl");
}

/// Scores every detector on one corpus of `tests/scan-corpus/`, prints the table, and fails below
/// 0.95 precision or recall (or with fewer than 20 labels to judge by).
fn accuracy(name: &str) {
    let corpus = std::fs::read_to_string(root().join("tests/scan-corpus").join(name)).unwrap();
    let mut scores: BTreeMap<Category, Score> = Category::ALL
        .iter()
        .map(|c| (*c, Score::default()))
        .collect();
    let mut mistakes = Vec::new();
    let mut items = 0;
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let item: Item = serde_json::from_str(line).unwrap();
        items += 1;
        let number;
        let (text, value) = match &item.value {
            serde_json::Value::String(s) => (s.as_str(), Value::Text(s)),
            other => {
                number = other.to_string();
                (number.as_str(), Value::Number(&number))
            }
        };
        let mut hits: Vec<Hit> = Vec::new();
        detect(hint(item.key.as_deref().unwrap_or("")), value, &mut hits);
        // A label is matched by a hit of its category whose span overlaps it.
        // The same text labelled twice is its first and second occurrence.
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        let labels: Vec<(Category, usize, usize)> = item
            .labels
            .iter()
            .map(|(c, t)| {
                let nth = seen.entry((c.clone(), t.clone())).or_default();
                let start = text
                    .match_indices(t.as_str())
                    .nth(*nth)
                    .unwrap_or_else(|| panic!("{}: {t} not in value", item.id))
                    .0;
                *nth += 1;
                (category(c), start, start + t.len())
            })
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let mut matched = vec![false; labels.len()];
        for hit in &hits {
            let score = scores.get_mut(&hit.category).unwrap();
            let label = labels.iter().enumerate().position(|(k, l)| {
                !matched[k] && l.0 == hit.category && overlaps((l.1, l.2), (hit.start, hit.end))
            });
            if let Some(k) = label {
                matched[k] = true;
                score.true_positives += 1;
            } else {
                score.false_positives += 1;
                mistakes.push(format!(
                    "{}: false {:?} {:?}",
                    item.id,
                    hit.category,
                    text.get(hit.start..hit.end).unwrap_or_default()
                ));
            }
        }
        for (k, label) in labels.iter().enumerate() {
            if !matched[k] {
                scores.get_mut(&label.0).unwrap().false_negatives += 1;
                mistakes.push(format!(
                    "{}: missed {:?} {:?}",
                    item.id,
                    label.0,
                    text.get(label.1..label.2).unwrap_or_default()
                ));
            }
        }
    }
    let mut table =
        format!("{name}: {items} values\ncategory        precision  recall  (tp fp fn)\n");
    for (category, s) in &scores {
        let _ = writeln!(
            table,
            "{:<15} {:>9.3} {:>7.3}  ({} {} {})",
            category.id(),
            s.precision(),
            s.recall(),
            s.true_positives,
            s.false_positives,
            s.false_negatives
        );
    }
    println!("{table}");
    let weak: Vec<_> = scores
        .iter()
        .filter(|(_, s)| {
            s.precision() < 0.95 || s.recall() < 0.95 || s.true_positives + s.false_negatives < 20
        })
        .map(|(c, _)| c.id())
        .collect();
    assert!(
        weak.is_empty(),
        "below 0.95 (or under 20 labels): {weak:?}\n{table}\n{}",
        mistakes.join("\n")
    );
}

/// The file and photo the browser test opens: `inspect` says what the page shows, word for word.
#[test]
fn inspect_reports_what_the_page_shows_for_an_unknown_file_and_a_photo() {
    let fixtures = root().join("tests/fixtures/scan");
    let report = reflet::report::inspect_paths(&[
        fixtures.join("profile.json"),
        fixtures.join("photo-gps.jpg"),
    ]);
    let scan = |i: usize| report.files[i].scan.clone().unwrap();
    let profile = scan(0);
    assert_eq!(
        profile.text.en,
        "This file holds 1\u{a0}IBAN, 2\u{a0}e-mail addresses, 1\u{a0}phone number, 2\u{a0}IP \
         addresses and 4\u{a0}dates. An IBAN lets someone debit a bank account."
    );
    assert_eq!(
        profile.text.fr,
        "Ce fichier contient 1\u{a0}IBAN, 2\u{a0}adresses e-mail, 1\u{a0}numéro de téléphone, \
         2\u{a0}adresses IP et 4\u{a0}dates. Un IBAN permet de prélever un compte."
    );
    let examples: Vec<(&str, Vec<&str>)> = profile
        .found
        .iter()
        .map(|f| {
            (
                f.category.id(),
                f.examples.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        examples,
        [
            ("iban", vec!["FR76 **** 189"]),
            ("email", vec!["j***@exemple.fr", "m***@exemple.fr"]),
            ("phone", vec!["+33 * ** ** ** 78"]),
            ("ip_address", vec!["82.64.*.*", "2a01:e0a:…"]),
            ("date", vec!["1984-**-**", "2023-**-**", "2021-**-**"]),
        ]
    );
    let photo = scan(1);
    assert_eq!(
        photo.text.en,
        "This photo's hidden metadata tells when it was taken (2023-07-14), with which device \
         (Apple iPhone 12), and where, to within a few metres, by its GPS position."
    );
    let exif = photo.photo.unwrap();
    assert_eq!(exif.taken.as_deref(), Some("2023-07-14T16:32:05+02:00"));
    assert_eq!(exif.camera.as_deref(), Some("Apple iPhone 12"));
    let gps = exif.gps.unwrap();
    assert!((gps.lat - 46.1591).abs() < 1e-4 && (gps.lng + 1.152).abs() < 1e-4);
}

/// The raw view of a recognised file, as `inspect --raw` prints it and the page shows it.
#[test]
fn inspect_raw_scans_recognised_files_too() {
    let path = root().join("../shared/samples/google/Records.json");
    let plain = reflet::report::inspect_paths(std::slice::from_ref(&path));
    assert!(plain.files[0].scan.is_none());
    let raw = reflet::report::inspect_raw(&[path]);
    let file = &raw.files[0];
    assert_eq!(
        file.kind,
        reflet::report::Kind::Source("google.records".into())
    );
    // The source's own findings stay; the scan comes beside them.
    assert_eq!(file.findings, plain.files[0].findings);
    let scan = file.scan.as_ref().unwrap();
    assert_eq!(
        scan.text.en,
        "This file holds 3\u{a0}geographic positions, 1\u{a0}device identifier and 3\u{a0}dates. \
         Positions tell where you were."
    );
    let places: Vec<(&str, u64, &str)> = scan
        .found
        .iter()
        .map(|f| (f.category.id(), f.count, f.places[0].at.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            ("coordinates", 3, "$.locations[].latitudeE7"),
            ("device_id", 1, "$.locations[].deviceTag"),
            ("date", 3, "$.locations[].timestamp"),
        ]
    );
}

#[test]
fn inspect_raw_scans_every_entry_of_an_archive_as_the_raw_view_does() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let records = std::fs::read(root().join("../shared/samples/google/Records.json")).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let entries: [(&str, &[u8]); 3] = [
        ("Takeout/Location History/Records.json", &records),
        (
            "Takeout/Other/contacts.json",
            br#"{"me": "marie.dupont@exemple.fr"}"#,
        ),
        ("Takeout/Location History/Records (1).json", &records),
    ];
    for (name, bytes) in entries {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    let path = dir.path().join("takeout.zip");
    std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();

    let raw = reflet::report::inspect_raw(std::slice::from_ref(&path));
    assert_eq!(raw.files.len(), 3);
    let mut source = reflet::ingest::FileSource::open(&path).unwrap();
    for file in &raw.files {
        let scan = file.scan.as_ref().expect("every entry scanned");
        // The same scan as the page's raw view of that one entry.
        let alone = reflet::report::scan_entry("takeout.zip", &mut source, &file.file.path);
        assert_eq!(Some(scan), alone.as_ref(), "{}", file.file.path);
    }
    let categories = |i: usize| -> Vec<&str> {
        let scan = raw.files[i].scan.as_ref().unwrap();
        scan.found.iter().map(|f| f.category.id()).collect()
    };
    assert_eq!(categories(0), ["coordinates", "device_id", "date"]);
    assert_eq!(categories(1), ["email"]);
    assert_eq!(categories(2), categories(0));
}
