//! What a file reveals.
//!
//! Analyses turn a file's bytes into findings: a number, a plain sentence in French and English and
//! the reasoning behind it. For now the analysis identifies each file through the source registry;
//! the findings come with the source issues. The worker and `inspect` both reach [`describe`] through
//! `report::describe_file`, so the
//! screen and the JSON report always agree.

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::ingest::{read_head, ByteSource};
use crate::model::FileRef;
use crate::sources;

/// The detected kind of a file: `"unknown"`, or the id of the source that claimed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Kind {
    Unknown,
    Source(String),
}

impl Kind {
    pub const UNKNOWN: &'static str = "unknown";
}

impl From<String> for Kind {
    fn from(s: String) -> Self {
        if s == Kind::UNKNOWN {
            Kind::Unknown
        } else {
            Kind::Source(s)
        }
    }
}

impl From<Kind> for String {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Unknown => Kind::UNKNOWN.to_owned(),
            Kind::Source(id) => id,
        }
    }
}

/// What the analysis learnt about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileAnalysis {
    pub file: FileRef,
    pub kind: Kind,
    pub error: Option<ErrorKind>,
}

/// Identifies one file. Never panics, whatever the bytes.
pub fn describe(path: &str, source: &mut dyn ByteSource) -> FileAnalysis {
    let file = FileRef::new(path, source.len());
    let (kind, error) = if source.is_empty() {
        (Kind::Unknown, Some(ErrorKind::Empty))
    } else {
        match read_head(source) {
            Ok(head) => (
                sources::detect(&file.path, &head)
                    .map_or(Kind::Unknown, |claim| Kind::Source(claim.source.to_owned())),
                None,
            ),
            Err(_) => (Kind::Unknown, Some(ErrorKind::Unreadable)),
        }
    };
    FileAnalysis { file, kind, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Broken;
    impl ByteSource for Broken {
        fn len(&self) -> u64 {
            10
        }
        fn read_at(&mut self, _: u64, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("gone"))
        }
    }

    #[test]
    fn files_are_unknown_until_a_source_claims_them() {
        let r = describe("Takeout/Records.json", &mut &br#"{"locations":[]}"#[..]);
        assert_eq!(r.file.path, "Takeout/Records.json");
        assert_eq!(r.file.size, 16);
        assert_eq!(r.kind, Kind::Unknown);
        assert!(r.error.is_none());
    }

    #[test]
    fn empty_and_unreadable_files_get_a_clear_error_not_a_panic() {
        let r = describe("empty.json", &mut &b""[..]);
        assert_eq!(r.error, Some(ErrorKind::Empty));
        let r = describe("gone.json", &mut Broken);
        assert_eq!(r.error, Some(ErrorKind::Unreadable));
        assert_eq!(r.file.size, 10);
    }
}
