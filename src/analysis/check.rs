//! Checks a file no source claimed against what its name says it is.
//!
//! A `.json` that is a photo, a `.json` whose text is not valid UTF-8, a `.csv` or `.txt` with a
//! line of hundreds of megabytes: each gets its own message instead of passing silently as an
//! "unknown file". The file is streamed to its end (memory stays bounded by the readers' limits).

use std::io::Read;

use crate::error::ErrorKind;
use crate::ingest::csv::{csv_structure, CsvError, MAX_LINE};
use crate::ingest::structure::json_structure;
use crate::ingest::text::{self, Encoding};
use crate::ingest::xml::{xml_structure, XmlError};

/// The format a file's name announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claimed {
    Json,
    Csv,
    Xml,
    Text,
}

fn claimed(path: &str) -> Option<Claimed> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    match ext.to_ascii_lowercase().as_str() {
        "json" | "geojson" | "js" => Some(Claimed::Json),
        "csv" | "tsv" => Some(Claimed::Csv),
        "xml" | "gpx" | "kml" | "tcx" => Some(Claimed::Xml),
        "txt" | "text" | "log" | "md" | "ics" | "vcf" | "html" | "htm" => Some(Claimed::Text),
        _ => None,
    }
}

/// Signatures of common binary files (images, documents, archives, media).
const MAGIC: &[&[u8]] = &[
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1F\x8B",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"BM",
];

/// Whether the first bytes are those of a binary file rather than text.
fn looks_binary(head: &[u8]) -> bool {
    let (encoding, _) = text::sniff(head);
    if matches!(encoding, Encoding::Utf16Le | Encoding::Utf16Be) {
        return false;
    }
    MAGIC.iter().any(|m| head.starts_with(m))
        || head.get(4..8) == Some(b"ftyp")
        || head.contains(&0)
}

/// Reads an unclaimed file (its first bytes `head`, then `rest`) and says what is wrong with it,
/// if anything. Files whose name announces no text format are not read.
pub fn check(path: &str, head: &[u8], rest: &mut dyn Read) -> Option<ErrorKind> {
    let claimed = claimed(path)?;
    if looks_binary(head) {
        return Some(ErrorKind::WrongType);
    }
    match claimed {
        Claimed::Json => {
            let first = head
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(head)
                .iter()
                .find(|b| !b.is_ascii_whitespace());
            // JSON, or X/Twitter's `window.YTD.… = [` wrapper.
            if !matches!(first, Some(b'{' | b'[' | b'"' | b'w')) {
                return Some(ErrorKind::WrongType);
            }
            match json_structure(std::io::Cursor::new(head).chain(rest)) {
                Ok(_) => None,
                Err(e) => Some(e.kind()),
            }
        }
        Claimed::Csv => match csv_structure(head, rest) {
            Ok(_) | Err(CsvError::NotCsv) => None,
            Err(CsvError::LineTooLong) => Some(ErrorKind::TooLarge),
            Err(CsvError::Io) => Some(ErrorKind::Unreadable),
        },
        Claimed::Xml => match xml_structure(std::io::Cursor::new(head).chain(rest)) {
            Ok(_) => None,
            Err(XmlError::Truncated) => Some(ErrorKind::Truncated),
            Err(XmlError::Syntax { line: 1 }) if !head.trim_ascii_start().starts_with(b"<") => {
                Some(ErrorKind::WrongType)
            }
            Err(XmlError::Syntax { .. } | XmlError::TooDeep) => Some(ErrorKind::Malformed),
            Err(XmlError::TooLarge) => Some(ErrorKind::TooLarge),
            Err(XmlError::Io) => Some(ErrorKind::Unreadable),
        },
        Claimed::Text => longest_line_fits(head, rest),
    }
}

/// `TooLarge` if a line runs longer than [`MAX_LINE`] bytes.
fn longest_line_fits(head: &[u8], rest: &mut dyn Read) -> Option<ErrorKind> {
    let mut since_newline = 0usize;
    let mut buf = vec![0u8; 64 * 1024];
    let mut stream = std::io::Cursor::new(head).chain(rest);
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Some(ErrorKind::Unreadable),
        };
        for chunk in buf
            .get(..n)
            .unwrap_or_default()
            .split_inclusive(|&b| b == b'\n')
        {
            let ends_line = chunk.last() == Some(&b'\n');
            since_newline += chunk.len() - usize::from(ends_line);
            if since_newline > MAX_LINE {
                return Some(ErrorKind::TooLarge);
            }
            if ends_line {
                since_newline = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(path: &str, bytes: &[u8]) -> Option<ErrorKind> {
        let split = bytes.len().min(4096);
        let (head, rest) = bytes.split_at(split);
        check(path, head, &mut &rest[..])
    }

    #[test]
    fn valid_files_pass() {
        assert_eq!(run("a.json", br#"{"a": [1, 2, {"b": null}]}"#), None);
        assert_eq!(run("a.js", b"window.YTD.tweets.part0 = [{\"a\": 1}]"), None);
        assert_eq!(run("a.csv", b"a;b\n1;2\n"), None);
        assert_eq!(
            run(
                "run.gpx",
                b"<?xml version=\"1.0\"?><gpx><trk><trkseg/></trk></gpx>"
            ),
            None
        );
        assert_eq!(
            run("notes.txt", "Bonjour\n\u{e9}t\u{e9}\n".as_bytes()),
            None
        );
        // UTF-16 text has NUL bytes and is still text.
        assert_eq!(run("u.txt", b"\xFF\xFEa\0b\0\n\0"), None);
        // A name that announces no text format is not read.
        assert_eq!(run("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF"), None);
    }

    #[test]
    fn an_image_renamed_json_is_said_to_be_something_else() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        assert_eq!(run("Takeout/data.json", png), Some(ErrorKind::WrongType));
        assert_eq!(run("table.csv", png), Some(ErrorKind::WrongType));
        assert_eq!(
            run("a.json", b"Hello, this is not JSON"),
            Some(ErrorKind::WrongType)
        );
    }

    #[test]
    fn broken_json_says_how() {
        assert_eq!(run("a.json", br#"{"a": [1, 2"#), Some(ErrorKind::Truncated));
        assert_eq!(
            run("a.json", br#"{"a": [1, 2}}"#),
            Some(ErrorKind::Malformed)
        );
        assert_eq!(
            run("a.json", b"{\"name\": \"caf\xE9\"}"),
            Some(ErrorKind::InvalidText)
        );
        let deep = "[".repeat(10_000);
        assert_eq!(
            run("deep.json", deep.as_bytes()),
            Some(ErrorKind::Malformed)
        );
    }

    #[test]
    fn broken_xml_says_how() {
        assert_eq!(
            run("a.gpx", b"<gpx><trk><trkseg>"),
            Some(ErrorKind::Truncated)
        );
        assert_eq!(
            run("a.kml", b"<kml><a></b></kml>"),
            Some(ErrorKind::Malformed)
        );
        assert_eq!(
            run("a.xml", b"{\"not\": \"xml\"}"),
            Some(ErrorKind::WrongType)
        );
        let deep = "<a>".repeat(10_000);
        assert_eq!(run("deep.xml", deep.as_bytes()), Some(ErrorKind::Malformed));
    }

    #[test]
    fn a_line_of_more_than_16_mb_is_refused_in_text_and_csv() {
        let mut long = b"first line\n".to_vec();
        long.resize(long.len() + MAX_LINE + 1, b'x');
        long.extend_from_slice(b"\nlast\n");
        assert_eq!(run("notes.txt", &long), Some(ErrorKind::TooLarge));
        let mut csv = b"a,b\n1,2\n".to_vec();
        csv.resize(csv.len() + MAX_LINE + 1, b'x');
        assert_eq!(run("t.csv", &csv), Some(ErrorKind::TooLarge));
        // Exactly at the limit is fine.
        let mut ok = b"a\n".to_vec();
        ok.resize(ok.len() + MAX_LINE, b'y');
        assert_eq!(run("notes.txt", &ok), None);
    }
}
