//! CSV, streamed: the delimiter (`,`, `;` or tab) and any preamble lines (`LinkedIn`'s `Notes:`) are
//! sniffed from the first lines; records are then read one at a time (quoted fields, CRLF, ragged
//! rows), in any encoding [`super::text`] knows. A line longer than [`MAX_LINE`] stops the file
//! with an error instead of filling memory.

use std::io::{self, Read};

use serde::{Deserialize, Serialize};

use super::text::{decode, Encoding};

/// Longest line accepted (a CSV record, or the text between two newlines).
pub const MAX_LINE: usize = 16 << 20;

const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// How a CSV file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub delimiter: u8,
    /// Lines before the header (a preamble).
    pub skip_lines: usize,
    pub encoding: Encoding,
}

/// Why a CSV stream could not be read to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvError {
    /// No delimiter gives the first lines a consistent shape.
    NotCsv,
    /// A line longer than [`MAX_LINE`].
    LineTooLong,
    Io,
}

/// Counts delimiter occurrences outside quotes in one line.
fn fields(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 1;
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            _ if b == delimiter && !quoted => n += 1,
            _ => {}
        }
    }
    n
}

/// The logical lines of `text`: split at line breaks outside quotes (a quoted cell may hold line
/// breaks), each with the number of physical lines before it; a line ending in `\r` loses it.
fn logical_lines(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let (mut start, mut physical, mut before, mut quoted) = (0, 0, 0, false);
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' => {
                physical += 1;
                if !quoted {
                    let line = text.get(start..i).unwrap_or_default();
                    out.push((line.strip_suffix('\r').unwrap_or(line), before));
                    start = i + 1;
                    before = physical;
                }
            }
            _ => {}
        }
    }
    if let Some(rest) = text.get(start..).filter(|r| !r.is_empty()) {
        out.push((rest, before));
    }
    out
}

/// Finds the delimiter and the header line from the first lines of text: the first line whose
/// field count (at least 2) the following lines share. Lines are logical (a quoted cell's line
/// breaks do not end one); if that finds nothing (a stray quote), physical lines are tried.
pub fn sniff(text: &str, encoding: Encoding) -> Option<Layout> {
    let logical = logical_lines(text);
    // The last line may be cut by the end of the head.
    let cut = !text.ends_with('\n') || logical.last().is_some_and(|(l, _)| l.ends_with('\n'));
    sniff_lines(&logical, cut, encoding).or_else(|| {
        let physical: Vec<(&str, usize)> = text.lines().enumerate().map(|(i, l)| (l, i)).collect();
        sniff_lines(&physical, !text.ends_with('\n'), encoding)
    })
}

/// [`sniff`] over `lines`, each with the number of physical lines before it; `cut` when the last
/// one may be cut by the end of the head.
fn sniff_lines(lines: &[(&str, usize)], cut: bool, encoding: Encoding) -> Option<Layout> {
    let complete = lines.len().saturating_sub(usize::from(cut)).max(1);
    let physical: Vec<usize> = lines.iter().map(|&(_, p)| p).collect();
    let lines: Vec<&str> = lines.iter().map(|&(l, _)| l).collect();
    let lines = lines.get(..complete.min(lines.len())).unwrap_or_default();
    for start in 0..lines.len().min(12) {
        let mut best: Option<(usize, u8)> = None;
        for &d in &DELIMITERS {
            let Some(header) = lines.get(start) else {
                continue;
            };
            let width = fields(header, d);
            if width < 2 {
                continue;
            }
            let following: Vec<usize> = lines
                .iter()
                .skip(start + 1)
                .filter(|l| !l.trim().is_empty())
                .take(5)
                .map(|l| fields(l, d))
                .collect();
            let consistent = following.iter().all(|&w| w == width);
            if consistent && best.is_none_or(|(w, _)| width > w) {
                best = Some((width, d));
            }
        }
        if let Some((_, delimiter)) = best {
            return Some(Layout {
                delimiter,
                skip_lines: physical.get(start).copied().unwrap_or(start),
                encoding,
            });
        }
    }
    None
}

/// Fails a stream whose lines run longer than [`MAX_LINE`].
struct LineGuard<R> {
    inner: R,
    since_newline: usize,
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in buf.get(..n).unwrap_or_default() {
            if b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
                if self.since_newline > MAX_LINE {
                    return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
                }
            }
        }
        Ok(n)
    }
}

/// Skips the first `n` lines of a stream.
fn skip_lines(reader: &mut impl Read, n: usize) -> io::Result<()> {
    let mut left = n;
    let mut byte = [0u8; 1];
    while left > 0 {
        if reader.read(&mut byte)? == 0 {
            break;
        }
        if byte[0] == b'\n' {
            left -= 1;
        }
    }
    Ok(())
}

/// Reads a CSV stream (`head`: its first bytes, already read; `rest`: what follows) and calls
/// `each` with every record after the header. Returns the layout and the header.
pub fn for_each_record(
    head: &[u8],
    rest: impl Read,
    each: &mut dyn FnMut(&csv::StringRecord),
) -> Result<(Layout, csv::StringRecord), CsvError> {
    for_each_record_under(head, rest, &mut |_, record| each(record))
}

/// [`for_each_record`], handing the header along with each record.
pub fn for_each_record_under(
    head: &[u8],
    rest: impl Read,
    each: &mut dyn FnMut(&csv::StringRecord, &csv::StringRecord),
) -> Result<(Layout, csv::StringRecord), CsvError> {
    let (encoding, _) = super::text::sniff(head);
    let mut probe = String::new();
    decode(head, &b""[..])
        .read_to_string(&mut probe)
        .map_err(|_| CsvError::Io)?;
    let layout = sniff(&probe, encoding).ok_or(CsvError::NotCsv)?;
    let mut text = io::BufReader::new(LineGuard {
        inner: decode(head, rest),
        since_newline: 0,
    });
    skip_lines(&mut text, layout.skip_lines).map_err(|_| CsvError::Io)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(layout.delimiter)
        .flexible(true)
        .from_reader(text);
    let header = reader.headers().map_err(|e| classify(&e))?.clone();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => each(&header, &record),
            Ok(false) => return Ok((layout, header)),
            Err(e) => return Err(classify(&e)),
        }
    }
}

fn classify(error: &csv::Error) -> CsvError {
    match error.kind() {
        csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::InvalidData => CsvError::LineTooLong,
        _ => CsvError::Io,
    }
}

/// A column's value-free description.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    /// Rows with a non-empty value.
    pub filled: u64,
    pub integers: u64,
    /// Decimal numbers, with a point or a French comma.
    pub decimals: u64,
    /// `2024-03-01…` or `01/03/2024…`.
    pub dates: u64,
    pub text: u64,
}

/// The value-free structure of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvStructure {
    pub delimiter: char,
    pub skip_lines: usize,
    pub rows: u64,
    pub columns: Vec<Column>,
}

fn looks_like_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    (digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
        || (digits(0..2)
            && b.get(2) == Some(&b'/')
            && digits(3..5)
            && b.get(5) == Some(&b'/')
            && digits(6..8))
}

fn classify_value(column: &mut Column, value: &str) {
    let v = value.trim();
    if v.is_empty() {
        return;
    }
    column.filled += 1;
    let number = v.strip_prefix('-').unwrap_or(v);
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        column.integers += 1;
    } else if number.bytes().filter(|b| *b == b'.' || *b == b',').count() == 1
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && number.len() > 1
    {
        column.decimals += 1;
    } else if looks_like_date(v) {
        column.dates += 1;
    } else {
        column.text += 1;
    }
}

/// Streams a CSV file into its structure: columns, kinds of values and fill rates, never a value.
pub fn csv_structure(head: &[u8], rest: impl Read) -> Result<CsvStructure, CsvError> {
    csv_structure_with(head, rest, &mut |_, _| {})
}

/// [`csv_structure`], handing every cell to `cell` with its column's name (empty past the
/// header's last column).
pub fn csv_structure_with(
    head: &[u8],
    rest: impl Read,
    cell: &mut dyn FnMut(&str, &str),
) -> Result<CsvStructure, CsvError> {
    let mut columns: Vec<Column> = Vec::new();
    let mut rows = 0u64;
    let (layout, header) = for_each_record_under(head, rest, &mut |header, record| {
        rows += 1;
        for (i, value) in record.iter().enumerate() {
            if columns.len() <= i {
                columns.resize_with(i + 1, Column::default);
            }
            if let Some(column) = columns.get_mut(i) {
                classify_value(column, value);
            }
            cell(header.get(i).unwrap_or_default(), value);
        }
    })?;
    if columns.len() < header.len() {
        columns.resize_with(header.len(), Column::default);
    }
    for (column, name) in columns.iter_mut().zip(header.iter()) {
        name.trim_start_matches('\u{feff}')
            .clone_into(&mut column.name);
    }
    Ok(CsvStructure {
        delimiter: char::from(layout.delimiter),
        skip_lines: layout.skip_lines,
        rows,
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn structure(bytes: &[u8]) -> Result<CsvStructure, CsvError> {
        let split = bytes.len().min(4096);
        csv_structure(&bytes[..split], &bytes[split..])
    }

    fn sample(path: &str) -> Vec<u8> {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/samples")
                .join(path),
        )
        .unwrap()
    }

    #[test]
    fn linkedin_preamble_is_skipped() {
        let s = structure(&sample("linkedin/Connections.csv")).unwrap();
        assert_eq!(s.delimiter, ',');
        assert_eq!(s.skip_lines, 3);
        let names: Vec<&str> = s.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "First Name",
                "Last Name",
                "Email Address",
                "Company",
                "Position",
                "Connected On"
            ]
        );
        assert!(s.rows > 100, "{}", s.rows);
    }

    #[test]
    fn quoted_values_with_the_other_delimiter_do_not_fool_the_sniffer() {
        // Netflix's Attributes column holds semicolons.
        let s = structure(&sample("netflix/ViewingActivity.csv")).unwrap();
        assert_eq!(s.delimiter, ',');
        assert_eq!(s.skip_lines, 0);
        assert_eq!(s.columns.len(), 10);
        assert_eq!(s.columns[0].name, "Profile Name");
        let strava = structure(&sample("strava/activities.csv")).unwrap();
        assert_eq!(strava.columns[1].name, "Activity Date");
        assert_eq!(strava.columns[0].integers, strava.rows);
    }

    #[test]
    fn line_breaks_inside_quoted_cells_do_not_fool_the_sniffer() {
        // LinkedIn's messages.csv: contents hold line breaks; a preamble line before the header.
        let text = "Notes about this file\nID,DATE,CONTENT\n1,2023-05-04,\"Hello,\nsee you\nsoon\"\n2,2023-05-05,\"a\nb, c\nd\ne\"\n3,2023-05-06,ok\n";
        let layout = sniff(text, Encoding::Utf8).unwrap();
        assert_eq!((layout.delimiter, layout.skip_lines), (b',', 1));
        let mut rows = Vec::new();
        let (_, header) = for_each_record(text.as_bytes(), &b""[..], &mut |r| {
            rows.push(r.get(2).unwrap_or_default().to_owned());
        })
        .unwrap();
        assert_eq!(header.get(2), Some("CONTENT"));
        assert_eq!(rows, ["Hello,\nsee you\nsoon", "a\nb, c\nd\ne", "ok"]);
        // A stray quote falls back to physical lines.
        let stray = "a,b\n5\" screen,1\n7,2\n8,3\n";
        assert_eq!(sniff(stray, Encoding::Utf8).map(|l| l.skip_lines), Some(0));
    }

    #[test]
    fn french_bank_csv_in_windows_1252() {
        let csv = b"Date;Libell\xe9;Montant\r\n01/03/2024;CB Caf\xe9;-3,50\r\n02/03/2024;\"Loyer; mars\";-650,00\r\n03/03/2024;Virement;1200\r\n";
        let s = structure(csv).unwrap();
        assert_eq!(s.delimiter, ';');
        assert_eq!(s.rows, 3);
        assert_eq!(s.columns[1].name, "Libellé");
        assert_eq!(
            (
                s.columns[0].dates,
                s.columns[2].decimals,
                s.columns[2].integers
            ),
            (3, 2, 1)
        );
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            !json.contains("Loyer") && !json.contains("650"),
            "values leak: {json}"
        );
    }

    #[test]
    fn not_csv_and_endless_lines_are_errors_not_crashes() {
        assert_eq!(
            structure(b"just one line of prose\nand another\n").err(),
            Some(CsvError::NotCsv)
        );
        assert_eq!(
            structure(b"\x89PNG\r\n\x1a\n").err(),
            Some(CsvError::NotCsv)
        );
        let mut long = b"a,b\n1,".to_vec();
        long.extend(std::iter::repeat_n(b'x', MAX_LINE + 10));
        assert_eq!(structure(&long).err(), Some(CsvError::LineTooLong));
    }
}
