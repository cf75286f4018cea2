//! What a file reveals.
//!
//! Analyses turn a file's bytes into findings: a number, a plain sentence in French and English and
//! the reasoning behind it. For now the analysis identifies each file through the source registry;
//! the findings come with the source issues. The worker and `inspect` both reach [`describe`] through
//! `report::describe_file`, so the
//! screen and the JSON report always agree.

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use std::io::Read;

use crate::ingest::{read_prefix, HEAD_LEN};
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

/// Identifies one file from its stream (a loose file, or an entry inflating out of an archive).
/// `size` is the uncompressed size when known; otherwise the stream is counted to its end.
/// Never panics, whatever the bytes.
pub fn describe(path: &str, size: Option<u64>, reader: &mut dyn Read) -> FileAnalysis {
    let head = read_prefix(reader, HEAD_LEN);
    let counted = match (&head, size) {
        (Ok(head), None) => count_rest(reader).map(|rest| rest + head.len() as u64),
        (Ok(_), Some(size)) => Ok(size),
        (Err(_), _) => Ok(size.unwrap_or(0)),
    };
    let (size, counted_ok) = match counted {
        Ok(n) => (n, true),
        Err(_) => (size.unwrap_or(0), false),
    };
    let file = FileRef::new(path, size);
    let (kind, error) = match head {
        Ok(head) if head.is_empty() && size == 0 => (Kind::Unknown, Some(ErrorKind::Empty)),
        Ok(head) => (
            sources::detect(&file.path, &head)
                .map_or(Kind::Unknown, |claim| Kind::Source(claim.source.to_owned())),
            (!counted_ok).then_some(ErrorKind::Unreadable),
        ),
        Err(_) => (Kind::Unknown, Some(ErrorKind::Unreadable)),
    };
    FileAnalysis { file, kind, error }
}

fn count_rest(reader: &mut dyn Read) -> std::io::Result<u64> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => total += n as u64,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("gone"))
        }
    }

    #[test]
    fn files_are_unknown_until_a_source_claims_them() {
        let r = describe(
            "Takeout/Records.json",
            Some(16),
            &mut &br#"{"locations":[]}"#[..],
        );
        assert_eq!(r.file.path, "Takeout/Records.json");
        assert_eq!(r.file.size, 16);
        assert_eq!(r.kind, Kind::Unknown);
        assert!(r.error.is_none());
    }

    #[test]
    fn empty_and_unreadable_files_get_a_clear_error_not_a_panic() {
        let r = describe("empty.json", Some(0), &mut &b""[..]);
        assert_eq!(r.error, Some(ErrorKind::Empty));
        let r = describe("gone.json", Some(10), &mut Broken);
        assert_eq!(r.error, Some(ErrorKind::Unreadable));
        assert_eq!(r.file.size, 10);
    }

    #[test]
    fn an_unknown_size_is_counted_to_the_end() {
        let data = vec![b'x'; 100_000];
        let r = describe("big.txt", None, &mut &data[..]);
        assert_eq!(r.file.size, 100_000);
        assert!(r.error.is_none());
        assert_eq!(
            describe("none.txt", None, &mut &b""[..]).error,
            Some(ErrorKind::Empty)
        );
    }
}
