//! Messages between the page and the worker.
//!
//! Each message is a JS object `{ json, files?, blob? }`: `json` is one of these enums serialised
//! with serde, `files` (page to worker only) carries the `File` objects, which are
//! structured-cloneable and so cross without being read on the main thread (`FileJob::index`
//! points into `files`), and `blob` (worker to page only) an export's file.

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::export::{Format, What};

use crate::model::day::{DayView, PlaceSaid};
use crate::model::location::Mode;
use crate::report::FileReport;

/// From the page to the worker.
///
/// Externally tagged (`{"analyse": {…}}`), as [`FromWorker`] is: serde reads such an enum as it
/// streams, where a `"type"` field would make it buffer every message first, and the code for
/// that weighs tens of kilobytes in each of the two wasm files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToWorker {
    /// Analyse these files; results come back one by one. With `keep_points` (map mode), the
    /// worker also keeps every position for maps and day views.
    Analyse {
        jobs: Vec<FileJob>,
        #[serde(default)]
        keep_points: bool,
    },
    /// The day view: day `date` (`2024-03-02`; the last day with data when absent) of the file at
    /// `path` in opened file `id`. Answered by [`FromWorker::Day`].
    Day {
        id: u32,
        path: String,
        #[serde(default)]
        date: Option<String>,
    },
    /// The person set the mode of a trip (a [`crate::model::day::DayTrip::id`]) of the file at
    /// `path`: answered by the file's updated report ([`FromWorker::Updated`]), then day `date`
    /// again.
    Correct {
        id: u32,
        path: String,
        trip: u32,
        mode: Mode,
        date: String,
    },
    /// The person said what the place at `lat`, `lng` is, in the file at `path`: answered as
    /// [`ToWorker::Correct`] is.
    Relabel {
        id: u32,
        path: String,
        lat: f64,
        lng: f64,
        place: PlaceSaid,
        date: String,
    },
    /// The raw view of the file at `path` in opened file `id`, named `name` (the message's first
    /// `File`): what the scanner finds in it. Answered by [`FromWorker::Scanned`].
    Scan { id: u32, name: String, path: String },
    /// Write what was read from the file at `path` in opened file `id`, named `name` (the
    /// message's first `File`), as `what` in `format`, for the person to download. Answered by
    /// [`FromWorker::Exported`].
    Export {
        id: u32,
        name: String,
        path: String,
        what: What,
        format: Format,
    },
    /// The facilitator's view: read the contribution files `names` (the message's `File`s, in
    /// order) and combine them, withholding what fewer than `k` people gave. Answered by
    /// [`FromWorker::Combined`].
    Combine { names: Vec<String>, k: u32 },
    /// Self-test only: make one same-origin request from the worker, to prove the page counts it.
    SelfTestRequest { url: String },
    /// Self-test only: make this worker die when it reaches a file with this name, to prove that
    /// the page marks that file and goes on with the others in a new worker.
    SelfTestCrashOn { name: String },
}

/// One file to analyse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileJob {
    /// The page's id for the file.
    pub id: u32,
    /// Position of the `File` in the message's `files` array.
    pub index: u32,
    /// Path inside what the person opened (folder-relative path, or the file name).
    pub path: String,
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(clippy::large_enum_variant)] // each message is serialised once and dropped
#[serde(rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker has started and waits for work.
    Ready,
    /// The worker's wasm could not start (posted by the boot script in `spawn.rs`, not by Rust).
    BootFailed,
    /// A file is being read.
    Started { id: u32 },
    /// How far the worker is in a file. Sent at most every 100 ms.
    Progress { id: u32, read: ReadProgress },
    /// The reports of files found in what the person opened (the file itself, or entries of an
    /// archive), sent in batches as they are ready.
    Found { id: u32, reports: Vec<FileReport> },
    /// Everything in that file has been reported.
    Finished { id: u32 },
    /// The worker's own network requests so far (it should make none).
    Requests { total: u32 },
    /// A day of a file; `None` when it has no day to show (`known`: the worker keeps that file,
    /// which has no trip and whose positions were not kept), or when the worker keeps nothing of
    /// it (it was read by a worker since stopped).
    Day {
        id: u32,
        path: String,
        view: Option<DayView>,
        #[serde(default)]
        known: bool,
    },
    /// A file's report after a correction: it replaces the one with the same path.
    Updated { id: u32, report: FileReport },
    /// The raw view asked by [`ToWorker::Scan`]: `None` if the file could not be read again.
    Scanned {
        id: u32,
        path: String,
        scan: Option<crate::scan::FileScan>,
    },
    /// The export asked by [`ToWorker::Export`]: how many positions, trips or rows it holds, or
    /// why it could not be made. The file itself travels beside the message (its `blob`).
    Exported {
        id: u32,
        path: String,
        what: What,
        format: Format,
        count: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        failed: Option<ErrorKind>,
    },
    /// The facilitator's view asked by [`ToWorker::Combine`], and the files that could not be
    /// read, with why.
    Combined {
        combined: crate::contribute::combine::Combined,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        problems: Vec<(String, ErrorKind)>,
    },
    /// Map mode, after each file: the positions the worker keeps, the bytes they take, and the
    /// worker's whole wasm memory.
    Kept {
        points: u64,
        bytes: u64,
        wasm_bytes: u64,
    },
}

/// How far the worker is in a file: bytes read of `total`, the entry being read (inside an
/// archive), and how many files it has found so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadProgress {
    pub done: u64,
    pub total: u64,
    pub entry: String,
    pub found: u32,
}

impl ReadProgress {
    /// Whole percent of bytes read, 0–100.
    pub fn percent(&self) -> u8 {
        if self.total == 0 {
            return 100;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=100
        let p = (u128::from(self.done.min(self.total)) * 100 / u128::from(self.total)) as u8;
        p
    }
}

impl ToWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl FromWorker {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

/// The kinds of summary a report can hold (`Summary`'s `type`), each with the fields it needs,
/// for [`warm_up_reader`].
fn summary_kinds() -> Vec<(&'static str, String)> {
    use crate::model::{media::Service, social::Platform};
    fn json(value: &impl Serialize) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }
    vec![
        (
            "positions",
            r#""count":0,"sources":{},"skipped":0"#.to_owned(),
        ),
        (
            "social",
            format!(r#""platform":{}"#, json(&Platform::Facebook)),
        ),
        ("media", format!(r#""service":{}"#, json(&Service::Spotify))),
        #[cfg(feature = "energy")]
        ("energy", String::new()),
        #[cfg(feature = "chat")]
        ("chat", String::new()),
        #[cfg(feature = "money")]
        (
            "money",
            format!(r#""format":{}"#, json(&crate::model::money::Format::Ofx)),
        ),
        #[cfg(feature = "activity")]
        ("activity", String::new()),
        #[cfg(feature = "health")]
        (
            "health",
            format!(
                r#""app":{}"#,
                json(&crate::model::health::HealthApp::AppleHealth)
            ),
        ),
    ]
}

/// Reads, and drops, a report of one empty file of each kind of summary; the number of files
/// read. The page calls it once while it loads: browsers compile wasm code on a function's first
/// call, and the report reader is one large function (every summary's fields). Compiled when the
/// first file's report came, it made that message's task 30–60 ms long (BENCHMARK.md T8).
pub fn warm_up_reader() -> usize {
    let reports: Vec<String> = summary_kinds()
        .into_iter()
        .map(|(kind, fields)| {
            let fields = if fields.is_empty() {
                fields
            } else {
                format!(",{fields}")
            };
            format!(
                r#"{{"path":"","size":0,"kind":"unknown","summary":{{"type":"{kind}"{fields}}}}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"found":{{"id":0,"reports":[{}]}}}}"#,
        reports.join(",")
    );
    match FromWorker::from_json(&json) {
        Some(FromWorker::Found { reports, .. }) => reports.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FileRef;
    use crate::report::Kind;

    #[test]
    #[cfg(feature = "everyday")]
    fn the_warm_up_reads_an_empty_summary_of_every_kind() {
        // Every kind is read to its end: each summary's own reader runs once.
        assert_eq!(warm_up_reader(), 8);
    }

    #[test]
    fn messages_round_trip_tagged_by_their_variant() {
        let msg = ToWorker::Analyse {
            jobs: vec![FileJob {
                id: 3,
                index: 0,
                path: "a/b.json".into(),
            }],
            keep_points: true,
        };
        let json = msg.to_json();
        assert!(json.starts_with(r#"{"analyse":{"#), "{json}");
        assert_eq!(serde_json::from_str::<ToWorker>(&json).unwrap(), msg);
        // Summary mode unless asked.
        let older = r#"{"analyse":{"jobs":[]}}"#;
        assert_eq!(
            serde_json::from_str::<ToWorker>(older).unwrap(),
            ToWorker::Analyse {
                jobs: Vec::new(),
                keep_points: false
            }
        );

        let done = FromWorker::Found {
            id: 3,
            reports: vec![FileReport::identified(
                FileRef::new("a/b.json", 9),
                Kind::Unknown,
            )],
        };
        assert_eq!(FromWorker::from_json(&done.to_json()), Some(done));
        assert_eq!(FromWorker::from_json("{\"nonsense\":{}}"), None);
        assert_eq!(FromWorker::from_json("not json"), None);
        // The boot script's message, written by hand in spawn.rs.
        assert_eq!(
            FromWorker::from_json(r#""boot_failed""#),
            Some(FromWorker::BootFailed)
        );
    }
}
