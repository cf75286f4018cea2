//! The report: everything Reflet found, per file and overall, as versioned JSON.
//!
//! The browser shows it and offers it for download; `inspect` prints it. Both come from the same
//! [`crate::analysis`] calls, so every value on screen is in the report, identical. The schema is
//! documented in `docs/report-schema.md`; [`SCHEMA`] changes whenever a field changes meaning or
//! disappears (adding optional fields keeps it).

use serde::{Deserialize, Serialize};

pub use crate::analysis::Kind;
use crate::analysis::{self, FileAnalysis};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::ByteSource;
use crate::model::FileRef;

/// The schema version written in every report.
pub const SCHEMA: u32 = 1;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// `reflet <version>`, the program that wrote it.
    pub generator: String,
    pub files: Vec<FileReport>,
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Self {
        Report {
            schema: SCHEMA,
            generator: generator(),
            files,
        }
    }

    /// Pretty JSON, as `inspect` prints and the browser downloads.
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
pub struct FileReport {
    #[serde(flatten)]
    pub file: FileRef,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ReportError>,
}

impl From<FileAnalysis> for FileReport {
    fn from(a: FileAnalysis) -> Self {
        FileReport {
            file: a.file,
            kind: a.kind,
            error: a.error.map(ReportError::new),
        }
    }
}

/// Analyses one file and reports it: the single entry point of the worker and of `inspect`.
pub fn describe_file(path: &str, source: &mut dyn ByteSource) -> FileReport {
    FileReport::from(analysis::describe(path, source))
}

/// The report of files and folders on disk: what `inspect` prints. A path that cannot be opened
/// is reported with an error, never skipped.
#[cfg(not(target_arch = "wasm32"))]
pub fn inspect_paths(paths: &[std::path::PathBuf]) -> Report {
    let files = crate::ingest::walk(paths)
        .into_iter()
        .map(
            |(name, path)| match crate::ingest::FileSource::open(&path) {
                Ok(mut source) => describe_file(&name, &mut source),
                Err(_) => FileReport::failed(FileRef::new(name, 0), ErrorKind::Unreadable),
            },
        )
        .collect();
    Report::new(files)
}

impl FileReport {
    pub fn identified(file: FileRef, kind: Kind) -> Self {
        FileReport {
            file,
            kind,
            error: None,
        }
    }

    pub fn failed(file: FileRef, kind: ErrorKind) -> Self {
        FileReport {
            file,
            kind: Kind::Unknown,
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
        let error = crate::error::Error::new(kind, "");
        ReportError {
            kind,
            message: Messages {
                fr: error.message(Lang::Fr).to_owned(),
                en: error.message(Lang::En).to_owned(),
            },
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Messages {
    pub fr: String,
    pub en: String,
}

impl Messages {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describing_a_file_goes_through_the_analysis() {
        let r = describe_file("./x/y.json", &mut &b"[]"[..]);
        assert_eq!(
            r,
            FileReport::identified(FileRef::new("x/y.json", 2), Kind::Unknown)
        );
        let r = describe_file("z.json", &mut &b""[..]);
        assert_eq!(r.error.map(|e| e.kind), Some(ErrorKind::Empty));
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
