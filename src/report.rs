//! The report: everything Reflet found, per file and overall, as versioned JSON.
//!
//! The browser shows it and offers it for download; `inspect` prints it. Both come from the same
//! [`crate::analysis`] calls, so every value on screen is in the report, identical. The schema is
//! documented in `docs/report-schema.md`; [`SCHEMA`] changes whenever a field changes meaning or
//! disappears (adding optional fields keeps it).

use serde::{Deserialize, Serialize};

use crate::analysis::day::Kept;
pub use crate::analysis::Finding;
pub use crate::analysis::Kind;
use crate::analysis::{self, FileAnalysis, Memory};
use crate::error::ErrorKind;
use crate::i18n::Lang;
pub use crate::i18n::Messages;
use crate::ingest::archive::{self, Event};
use crate::ingest::ByteSource;
use crate::model::portrait::Portrait;
use crate::model::social::SocialOverview;
use crate::model::{FileRef, Summary};

/// The schema version written in every report.
pub const SCHEMA: u32 = 1;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// `reflet <version>`, the program that wrote it.
    pub generator: String,
    /// Exports split over several archives (`takeout-…-001.zip`, `-002.zip`…), read as one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Export>,
    pub files: Vec<FileReport>,
    /// What the files reveal together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub across: Option<Across>,
}

/// What several files reveal together: social files merged across platforms (issue 8), and the
/// portrait across every service (issue 9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Across {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social: Option<SocialOverview>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portrait: Option<Portrait>,
    pub findings: Vec<Finding>,
}

impl Across {
    /// What `files` reveal together, when together they say something no one of them says:
    /// two social files or more, two services or more.
    pub fn of<'a>(files: impl IntoIterator<Item = &'a FileReport>) -> Option<Across> {
        let files: Vec<&FileReport> = files.into_iter().collect();
        let social =
            crate::analysis::social::overview(files.iter().filter_map(|f| match &f.summary {
                Some(Summary::Social(s)) => Some(s),
                _ => None,
            }));
        let portrait = crate::analysis::portrait::portrait(
            files
                .iter()
                .filter_map(|f| Some((&f.kind, f.summary.as_ref()?))),
        );
        let mut findings = social
            .as_ref()
            .map(crate::analysis::social::overview_findings)
            .unwrap_or_default();
        if let Some(p) = &portrait {
            findings.extend(crate::analysis::portrait::findings(p));
        }
        (!findings.is_empty()).then_some(Across {
            social,
            portrait,
            findings,
        })
    }
}

/// One export split in parts, as the file list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// The parts' common name, without the part number.
    pub name: String,
    /// The archives opened, in part order.
    pub parts: Vec<String>,
    /// Part numbers absent between 1 and the highest one opened.
    pub missing: Vec<u32>,
}

/// The split exports among the files the person opened (`inputs`, the names they gave).
pub fn exports<'a>(inputs: impl IntoIterator<Item = &'a str>) -> Vec<Export> {
    let mut found: Vec<(Export, Vec<u32>)> = Vec::new();
    for input in inputs {
        let Some((stem, number)) = archive::split_part(input) else {
            continue;
        };
        let index = found
            .iter()
            .position(|(e, _)| e.name == stem)
            .unwrap_or_else(|| {
                let export = Export {
                    name: stem.to_owned(),
                    parts: Vec::new(),
                    missing: Vec::new(),
                };
                found.push((export, Vec::new()));
                found.len() - 1
            });
        let Some((export, numbers)) = found.get_mut(index) else {
            continue;
        };
        if !export.parts.iter().any(|p| p == input) {
            export.parts.push(input.to_owned());
            numbers.push(number);
        }
    }
    found
        .into_iter()
        .filter(|(e, _)| e.parts.len() > 1)
        .map(|(mut export, numbers)| {
            let mut order: Vec<(u32, String)> = numbers.iter().copied().zip(export.parts).collect();
            order.sort();
            export.parts = order.into_iter().map(|(_, p)| p).collect();
            export.missing = archive::missing_parts(&numbers);
            export
        })
        .collect()
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Self {
        let inputs: Vec<&str> = files
            .iter()
            .map(|f| f.container.as_deref().unwrap_or(&f.file.path))
            .collect();
        Report {
            schema: SCHEMA,
            generator: generator(),
            exports: exports(inputs),
            across: Across::of(&files),
            files,
        }
    }

    /// Compact JSON, as the browser downloads it: written by the same code as the reports the
    /// worker sends (pretty JSON would need a second copy of it in the wasm module).
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// Pretty JSON, as `inspect` prints it.
    pub fn to_json(&self) -> String {
        // Serialising plain structs with string keys cannot fail; fall back to an empty object
        // rather than panic if it ever did.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// `reflet 0.1.0`.
pub fn generator() -> String {
    format!("reflet {}", env!("CARGO_PKG_VERSION"))
}

/// What is known about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "FileReportRead")]
pub struct FileReport {
    #[serde(flatten)]
    pub file: FileRef,
    pub kind: Kind,
    /// The name of the export type that recognised the file, as shown, in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Messages>,
    /// How sure the source that recognised the file is, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// What the source read from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// What the file reveals, in plain sentences (French and English).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    /// What the scanner found: the file's shape and the personal data in it (files no source
    /// recognised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan: Option<crate::scan::FileScan>,
    /// The archive the file came from, as the person opened it; absent for a loose file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ReportError>,
}

/// A [`FileReport`] as it is read back: the file's `path` and `size` beside the other fields, as
/// `flatten` writes them. Serde reads a flattened struct through a buffer of the whole object,
/// which builds every summary's reader a second time: this plain struct avoids it (issue 5, T7b).
#[derive(Deserialize)]
struct FileReportRead {
    path: String,
    size: u64,
    kind: Kind,
    #[serde(default)]
    name: Option<Messages>,
    #[serde(default)]
    confidence: Option<u8>,
    #[serde(default)]
    summary: Option<Summary>,
    #[serde(default)]
    findings: Vec<Finding>,
    #[serde(default)]
    scan: Option<crate::scan::FileScan>,
    #[serde(default)]
    container: Option<String>,
    #[serde(default)]
    error: Option<ReportError>,
}

impl From<FileReportRead> for FileReport {
    fn from(r: FileReportRead) -> Self {
        FileReport {
            file: FileRef {
                path: r.path,
                size: r.size,
            },
            kind: r.kind,
            name: r.name,
            confidence: r.confidence,
            summary: r.summary,
            findings: r.findings,
            scan: r.scan,
            container: r.container,
            error: r.error,
        }
    }
}

impl From<FileAnalysis> for FileReport {
    fn from(a: FileAnalysis) -> Self {
        // The name travels with the report: the page shows it without linking every source's
        // reader into its own code.
        let name = match &a.kind {
            Kind::Source(id) => {
                crate::sources::by_id(id).map(|s| Messages::from_fn(|lang| s.name(lang).to_owned()))
            }
            Kind::Unknown => None,
        };
        FileReport {
            file: a.file,
            kind: a.kind,
            name,
            confidence: a.confidence,
            summary: a.summary,
            findings: a.findings,
            scan: a.scan,
            container: None,
            error: a.error.map(ReportError::new),
        }
    }
}

/// A report held back, with what is kept of its file.
type Held = (FileReport, Option<Kept>);

/// Analyses one file the person opened (a plain file, or every file inside an archive) and hands
/// each file's report to `on_report` as soon as it is ready: the single entry point of the worker
/// and of `inspect`. Never panics; problems become reports with an error.
pub fn describe_input(name: &str, source: &mut dyn ByteSource, sink: &mut dyn Sink) {
    describe_input_with(name, source, sink, Memory::Summary);
}

/// [`describe_input`]; in map mode, each file's positions go to [`Sink::points`] just before its
/// report.
pub fn describe_input_with(
    name: &str,
    source: &mut dyn ByteSource,
    sink: &mut dyn Sink,
    memory: Memory,
) {
    // A report is held back until the next event, so that a bomb found at the end of an entry
    // replaces that entry's report (and drops its positions) instead of following it.
    let mut held: Option<Held> = None;
    let container = |path: &str| (path != name).then(|| name.to_owned());
    let hand_over = |sink: &mut dyn Sink, (report, kept): Held| {
        if let Some(kept) = kept {
            sink.kept(&report, kept);
        }
        sink.report(report);
    };
    archive::walk(name, source, &mut |event| {
        let next = match event {
            Event::File { path, size, reader } => {
                sink.entry(path);
                let mut analysis = analysis::describe_with(path, size, reader, memory);
                let kept = analysis.kept.take();
                let mut report = FileReport::from(analysis);
                report.container = container(path);
                (report, kept)
            }
            Event::Problem { path, size, kind } => {
                let mut report = FileReport::failed(FileRef::new(path, size.unwrap_or(0)), kind);
                report.container = container(path);
                if held
                    .as_ref()
                    .is_some_and(|(h, _)| h.file.path == report.file.path)
                {
                    held = None;
                }
                (report, None)
            }
        };
        if let Some(previous) = held.replace(next) {
            hand_over(sink, previous);
        }
    });
    if let Some(last) = held {
        hand_over(sink, last);
    }
}

/// The raw view of one file the person opened (`name`), or of the entry at `path` inside it
/// when it is an archive: what the scanner finds in it, whether or not a source recognised it.
/// `None` if there is no such file, or it cannot be read. The worker answers the page's
/// "raw view" with it, and `inspect --raw` adds it to every report, so both say the same.
pub fn scan_entry(
    name: &str,
    source: &mut dyn ByteSource,
    path: &str,
) -> Option<crate::scan::FileScan> {
    let mut found = None;
    scan_entries(name, source, &mut first_of(path), &mut |_, scan| {
        found = Some(scan);
    });
    found
}

/// Accepts the first entry at `path` (normalised as reports give it), and no other: what the
/// person asked about, even when an archive holds two entries of that name.
pub fn first_of(path: &str) -> impl FnMut(&str) -> bool {
    let wanted = FileRef::new(path, 0).path;
    let mut seen = false;
    move |entry| {
        let first = !seen && entry == wanted;
        seen |= first;
        first
    }
}

/// [`scan_entry`] for every entry whose path `wanted` accepts, in one walk: `on_scan` gets each
/// one's path and scan.
pub fn scan_entries(
    name: &str,
    source: &mut dyn ByteSource,
    wanted: &mut dyn FnMut(&str) -> bool,
    on_scan: &mut dyn FnMut(String, crate::scan::FileScan),
) {
    each_entry(name, source, wanted, &mut |entry, reader| {
        let Ok(head) = crate::ingest::read_prefix(reader, crate::ingest::HEAD_LEN) else {
            return;
        };
        if head.is_empty() {
            return;
        }
        if let (Some(scan), _) = crate::scan::scan(entry, &head, reader) {
            on_scan(entry.to_owned(), scan);
        }
    });
}

/// Walks what the person opened (`name`: a plain file or an archive) and hands `on` the path
/// (normalised, as reports give it) and the bytes of each entry whose path `wanted` accepts: the
/// raw view and the exports read a file again this way.
pub fn each_entry(
    name: &str,
    source: &mut dyn ByteSource,
    wanted: &mut dyn FnMut(&str) -> bool,
    on: &mut dyn FnMut(&str, &mut dyn std::io::Read),
) {
    archive::walk(name, source, &mut |event| {
        let Event::File {
            path: entry,
            reader,
            ..
        } = event
        else {
            return;
        };
        let entry = FileRef::new(entry, 0).path;
        if wanted(&entry) {
            on(&entry, reader);
        }
    });
}

/// Where [`describe_input`] sends what it finds. A closure taking a [`FileReport`] is a sink.
pub trait Sink {
    /// A file (or an archive's entry) is about to be read: for progress.
    fn entry(&mut self, _path: &str) {}
    /// A file's report, as soon as it is ready.
    fn report(&mut self, report: FileReport);
    /// What is kept of a location file (its trips one by one, and its positions in map mode),
    /// just before `report`, its report: for the day view and corrections. Dropped unless kept.
    fn kept(&mut self, _report: &FileReport, _kept: Kept) {}
}

impl<F: FnMut(FileReport)> Sink for F {
    fn report(&mut self, report: FileReport) {
        self(report);
    }
}

/// The report of files and folders on disk: what `inspect` prints. A path that cannot be opened
/// is reported with an error, never skipped.
#[cfg(not(target_arch = "wasm32"))]
pub fn inspect_paths(paths: &[std::path::PathBuf]) -> Report {
    let mut files = Vec::new();
    for (name, path) in crate::ingest::walk(paths) {
        match crate::ingest::FileSource::open(&path) {
            Ok(mut source) => {
                describe_input(&name, &mut source, &mut |r: FileReport| files.push(r));
            }
            Err(_) => files.push(FileReport::failed(
                FileRef::new(name, 0),
                ErrorKind::Unreadable,
            )),
        }
    }
    Report::new(files)
}

/// [`inspect_paths`], with every file's raw view: recognised files are scanned too, as the
/// page's "raw view" scans them (`inspect --raw`).
#[cfg(not(target_arch = "wasm32"))]
pub fn inspect_raw(paths: &[std::path::PathBuf]) -> Report {
    let mut files = Vec::new();
    for (name, path) in crate::ingest::walk(paths) {
        let Ok(mut source) = crate::ingest::FileSource::open(&path) else {
            files.push(FileReport::failed(
                FileRef::new(name, 0),
                ErrorKind::Unreadable,
            ));
            continue;
        };
        let mut reports = Vec::new();
        describe_input(&name, &mut source, &mut |r: FileReport| reports.push(r));
        // The recognised files, scanned in a second walk of the archive (not one walk each).
        let mut unscanned: std::collections::HashSet<String> = reports
            .iter()
            .filter(|r| r.scan.is_none() && r.error.is_none())
            .map(|r| r.file.path.clone())
            .collect();
        let mut scans = std::collections::HashMap::new();
        if !unscanned.is_empty() {
            scan_entries(
                &name,
                &mut source,
                &mut |entry| unscanned.remove(entry),
                &mut |entry, scan| {
                    scans.insert(entry, scan);
                },
            );
        }
        for report in &mut reports {
            if report.scan.is_none() {
                report.scan = scans.remove(&report.file.path);
            }
        }
        files.extend(reports);
    }
    Report::new(files)
}

/// One day of every location file in `paths` (folders walked, archives opened), as the day view
/// shows it: what `inspect --day DATE` prints. `date` is `2024-03-02`; `None`, or a text that
/// is no date, gives each file's last day with data. Files with no position or trip are left out.
#[cfg(not(target_arch = "wasm32"))]
pub fn inspect_day(paths: &[std::path::PathBuf], date: Option<&str>) -> DayReport {
    use crate::analysis::day::parse_day;

    struct Days {
        day: Option<i64>,
        days: Vec<FileDay>,
    }
    impl Sink for Days {
        fn report(&mut self, _report: FileReport) {}
        fn kept(&mut self, report: &FileReport, mut kept: Kept) {
            if let Some(view) = kept.day(self.day) {
                self.days.push(FileDay {
                    path: report.file.path.clone(),
                    day: view,
                });
            }
        }
    }
    let mut kept = Days {
        day: date.and_then(parse_day),
        days: Vec::new(),
    };
    for (name, path) in crate::ingest::walk(paths) {
        if let Ok(mut source) = crate::ingest::FileSource::open(&path) {
            describe_input_with(&name, &mut source, &mut kept, Memory::Map);
        }
    }
    DayReport {
        generator: generator(),
        days: kept.days,
    }
}

/// What `inspect --day` prints: one day of each location file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayReport {
    pub generator: String,
    pub days: Vec<FileDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileDay {
    pub path: String,
    pub day: crate::model::day::DayView,
}

impl DayReport {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }
}

impl FileReport {
    pub fn identified(file: FileRef, kind: Kind) -> Self {
        FileReport {
            file,
            kind,
            name: None,
            confidence: None,
            summary: None,
            findings: Vec::new(),
            scan: None,
            container: None,
            error: None,
        }
    }

    pub fn failed(file: FileRef, kind: ErrorKind) -> Self {
        FileReport {
            file,
            kind: Kind::Unknown,
            name: None,
            confidence: None,
            summary: None,
            findings: Vec::new(),
            scan: None,
            container: None,
            error: Some(ReportError::new(kind)),
        }
    }
}

/// A file's error as the report carries it: its kind and the message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportError {
    pub kind: ErrorKind,
    pub message: Messages,
}

impl ReportError {
    pub fn new(kind: ErrorKind) -> Self {
        ReportError {
            kind,
            message: Messages {
                fr: kind.message(Lang::Fr).to_owned(),
                en: kind.message(Lang::En).to_owned(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describing_a_file_goes_through_the_analysis() {
        let one = |name: &str, bytes: &[u8]| {
            let mut out = Vec::new();
            describe_input(name, &mut &bytes[..], &mut |r: FileReport| out.push(r));
            assert_eq!(out.len(), 1);
            out.remove(0)
        };
        // A file no source claims is scanned: its shape is in the report.
        let unknown = one("./x/y.json", b"[]");
        assert_eq!(
            (unknown.file, unknown.kind),
            (FileRef::new("x/y.json", 2), Kind::Unknown)
        );
        let scan = unknown.scan.expect("scanned");
        assert_eq!(scan.shape.format(), "json");
        assert!(scan.found.is_empty());
        assert_eq!(
            one("z.json", b"").error.map(|e| e.kind),
            Some(ErrorKind::Empty)
        );
    }

    #[test]
    fn report_json_has_the_documented_shape() {
        let report = Report::new(vec![
            FileReport::identified(FileRef::new("a/b.json", 42), Kind::Unknown),
            FileReport::identified(
                FileRef::new("c.json", 7),
                Kind::Source("google.records".into()),
            ),
            FileReport::failed(FileRef::new("d.csv", 0), ErrorKind::Empty),
        ]);
        let value: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(value["schema"], 1);
        assert_eq!(
            value["generator"],
            format!("reflet {}", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(
            value["files"][0],
            serde_json::json!({"path": "a/b.json", "size": 42, "kind": "unknown"})
        );
        assert_eq!(value["files"][1]["kind"], "google.records");
        assert_eq!(value["files"][2]["error"]["kind"], "empty");
        assert!(value["files"][2]["error"]["message"]["fr"]
            .as_str()
            .unwrap()
            .contains("vide"));
        // And it reads back to the same report.
        let back: Report = serde_json::from_value(value).unwrap();
        assert_eq!(back, report);
    }
}

/// Message folders of Meta's exports, under `messages/`: each holds one folder a conversation,
/// named after the other person (`jaybaker_123`).
const MESSAGE_BOXES: [&str; 5] = [
    "inbox",
    "archived_threads",
    "filtered_threads",
    "message_requests",
    "e2ee_cutover",
];

/// A path as shown on the page: a conversation's folder in a Meta export (`messages/inbox/
/// jaybaker_123/`) is masked (`messages/inbox/…_123/`), as its name is someone's; `None` when
/// nothing is masked.
pub fn shown_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let mut masked = false;
    let shown: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let thread = i >= 2
                && i + 1 < parts.len()
                && parts.get(i - 2).is_some_and(|p| *p == "messages")
                && parts.get(i - 1).is_some_and(|p| MESSAGE_BOXES.contains(p));
            if !thread {
                return (*part).to_owned();
            }
            masked = true;
            match part.rsplit_once('_') {
                Some((_, digits))
                    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    format!("…_{digits}")
                }
                _ => "…".to_owned(),
            }
        })
        .collect();
    masked.then(|| shown.join("/"))
}

#[cfg(test)]
mod path_tests {
    use super::shown_path;

    #[test]
    fn a_conversation_s_folder_is_masked_and_nothing_else() {
        assert_eq!(
            shown_path("your_facebook_activity/messages/inbox/jaybaker_123/message_1.json")
                .as_deref(),
            Some("your_facebook_activity/messages/inbox/…_123/message_1.json")
        );
        assert_eq!(
            shown_path("messages/message_requests/zoé/photos/1.jpg").as_deref(),
            Some("messages/message_requests/…/photos/1.jpg")
        );
        assert_eq!(shown_path("messages/inbox/message_1.json"), None);
        assert_eq!(shown_path("Takeout/Maps/Saved.json"), None);
    }
}
