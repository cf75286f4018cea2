//! CSV written to be opened safely in a spreadsheet (RFC 4180: comma-separated, CRLF lines,
//! fields quoted when they hold a comma, a quote or a line break).
//!
//! A text cell that a spreadsheet would read as a formula (one that begins with `=`, `+`, `-`,
//! `@`, a tab or a carriage return, even after spaces) is *neutralised*: it is written after a
//! single quote, which `Excel`, `LibreOffice` and Google Sheets take as "this is text". Names come
//! from the person's files, and an advertiser or a contact can be called
//! `=HYPERLINK("http://…")`. Numbers are written by Reflet itself and are never neutralised.

use std::borrow::Cow;
use std::io::{self, Write};

/// Written first in every CSV export: the UTF-8 byte-order mark, by which spreadsheets (Excel
/// above all) know the file is UTF-8 and show "é" rather than "Ã©".
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// One cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text from a file: neutralised and quoted as needed.
    Text(&'a str),
    /// A whole number Reflet worked out.
    Int(i64),
    /// A decimal number Reflet worked out, written with at most `decimals` digits after the point.
    Num(f64, usize),
    Empty,
}

/// `text` as a spreadsheet will show it, never as a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let first = text.trim_start_matches(' ').chars().next();
    if matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes one row: its cells, then CRLF.
pub fn row(out: &mut dyn Write, cells: &[Cell<'_>]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match *cell {
            Cell::Text(text) => {
                let text = neutralise(text);
                if text.contains([',', '"', '\n', '\r']) {
                    write!(out, "\"{}\"", text.replace('"', "\"\""))?;
                } else {
                    out.write_all(text.as_bytes())?;
                }
            }
            Cell::Int(n) => write!(out, "{n}")?,
            Cell::Num(x, decimals) if x.is_finite() => {
                let text = format!("{x:.decimals$}");
                // `12.50` → `12.5`, `3.000` → `3`: the value, no more digits than it has.
                let text = if text.contains('.') {
                    text.trim_end_matches('0').trim_end_matches('.')
                } else {
                    &text
                };
                out.write_all(text.as_bytes())?;
            }
            Cell::Num(..) | Cell::Empty => {}
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(cells: &[Cell<'_>]) -> String {
        let mut out = Vec::new();
        row(&mut out, cells).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formulas_are_written_as_text() {
        for hostile in [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+33 6 12",
            "-2+3",
            "@SUM(A1)",
            "\tcmd",
            "\r=1",
            "   =1+1",
        ] {
            let cell = written(&[Cell::Text(hostile)]);
            let unquoted = cell.trim_end_matches("\r\n").trim_start_matches('"');
            assert!(unquoted.starts_with('\''), "{hostile:?} → {cell:?}");
        }
        assert_eq!(written(&[Cell::Text("Carrefour")]), "Carrefour\r\n");
        assert_eq!(written(&[Cell::Text("a = b")]), "a = b\r\n");
    }

    #[test]
    fn quotes_commas_and_lines_are_quoted() {
        assert_eq!(
            written(&[Cell::Text("Dupont, \"Jo\""), Cell::Text("two\nlines")]),
            "\"Dupont, \"\"Jo\"\"\",\"two\nlines\"\r\n"
        );
        // A neutralised cell is quoted too when it needs to be.
        assert_eq!(written(&[Cell::Text("=A1,B1")]), "\"'=A1,B1\"\r\n");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(
            written(&[
                Cell::Int(-1250),
                Cell::Num(-12.5, 2),
                Cell::Num(3.0, 3),
                Cell::Num(f64::NAN, 2),
                Cell::Empty
            ]),
            "-1250,-12.5,3,,\r\n"
        );
    }
}
