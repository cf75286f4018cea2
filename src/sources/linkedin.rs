//! What LinkedIn's CSV files have in common: how they are read (with the shared CSV reader, which
//! skips `Connections.csv`'s `Notes:` preamble), how a file cut off midway is told from a whole
//! one, and `15 Mar 2009` dates.
//!
//! LinkedIn writes UTF-8 (maybe with a byte-order mark), commas, LF line endings, and a last line
//! with or without a line break (`Inferences_about_you.csv` has none). A file is taken as cut off
//! when it does not end with a line break and its last record is unfinished: fewer fields than
//! the header, or a value its source cannot read whole (see each source). That last record is
//! then left out; every record before it has been handed over.

use std::io::Read;

use crate::error::ErrorKind;
use crate::ingest::csv::{for_each_record_under, CsvError};
use crate::ingest::{read_prefix, HEAD_LEN};
use crate::model::time::{days_from_civil, english_month, parse_iso};

/// A stream that remembers its last byte.
struct Tail<R> {
    inner: R,
    last: Option<u8>,
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(&b) = n.checked_sub(1).and_then(|i| buf.get(i)) {
            self.last = Some(b);
        }
        Ok(n)
    }
}

/// The end of a file read by [`read`].
pub(super) struct End {
    pub header: csv::StringRecord,
    /// The last record, not handed over yet.
    pub last: Option<csv::StringRecord>,
    /// Whether the file ends with a line break.
    pub newline: bool,
}

impl End {
    /// The last record if it looks whole (`whole` says so for a record with all its fields when
    /// the file does not end with a line break), or `Err(Truncated)` with nothing.
    pub fn last_whole(
        &self,
        whole: impl Fn(&csv::StringRecord) -> bool,
    ) -> Result<Option<&csv::StringRecord>, ErrorKind> {
        match &self.last {
            None => Ok(None),
            Some(last) if self.newline => Ok(Some(last)),
            Some(last) if last.len() >= self.header.len() && whole(last) => Ok(Some(last)),
            Some(_) => Err(ErrorKind::Truncated),
        }
    }
}

/// Reads a CSV file row by row, as [`read`]: `find` looks in the header for what the file needs
/// (`None`: not this file's, [`ErrorKind::WrongType`]), `row` hands a row over, and `whole` says
/// whether a last row without a line break after it is whole (handed over) or cut
/// ([`ErrorKind::Truncated`]).
pub(super) fn read_rows<C: Copy>(
    reader: &mut dyn Read,
    find: impl Fn(&csv::StringRecord) -> Option<C>,
    whole: impl Fn(C, &csv::StringRecord) -> bool,
    mut row: impl FnMut(C, &csv::StringRecord),
) -> Option<ErrorKind> {
    let mut found: Option<Option<C>> = None;
    let end = read(reader, &mut |header, record| {
        if let Some(c) = *found.get_or_insert_with(|| find(header)) {
            row(c, record);
        }
    });
    let end = match end {
        Ok(end) => end,
        Err(kind) => return Some(kind),
    };
    let Some(c) = find(&end.header) else {
        return Some(ErrorKind::WrongType);
    };
    match end.last_whole(|record| whole(c, record)) {
        Ok(Some(record)) => {
            row(c, record);
            None
        }
        Ok(None) => None,
        Err(kind) => Some(kind),
    }
}

/// Reads a LinkedIn CSV file: `each` gets the header and every record but the last, which is
/// returned with the header and whether the file ends with a line break.
pub(super) fn read(
    reader: &mut dyn Read,
    each: &mut dyn FnMut(&csv::StringRecord, &csv::StringRecord),
) -> Result<End, ErrorKind> {
    let head = read_prefix(reader, HEAD_LEN).map_err(|_| ErrorKind::Unreadable)?;
    let mut tail = Tail {
        inner: reader,
        last: None,
    };
    let mut waiting: Option<csv::StringRecord> = None;
    let result = for_each_record_under(&head, &mut tail, &mut |header, record| {
        if let Some(previous) = waiting.replace(record.clone()) {
            each(header, &previous);
        }
    });
    let header = match result {
        Ok((_, header)) => header,
        Err(CsvError::NotCsv) => return Err(ErrorKind::WrongType),
        Err(CsvError::LineTooLong) => return Err(ErrorKind::TooLarge),
        Err(CsvError::Io) => return Err(ErrorKind::Unreadable),
    };
    let last_byte = tail.last.or_else(|| head.last().copied());
    Ok(End {
        header,
        last: waiting,
        newline: matches!(last_byte, Some(b'\n' | b'\r')),
    })
}

/// A column's name as written, without a byte-order mark or surrounding spaces.
pub(super) fn column(name: &str) -> &str {
    name.trim_start_matches('\u{feff}').trim()
}

/// The index of the column named `name`, if the header has one.
pub(super) fn find(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header.iter().position(|c| column(c) == name)
}

/// `15 Mar 2009` (or `15 March 2009`), a day in UTC, to epoch seconds at its midnight. The year
/// must have four digits (a cut-off `15 Mar 200` is not a date).
pub(super) fn day(text: &str) -> Option<i64> {
    let mut words = text.split_whitespace();
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || year.len() != 4 {
        return None;
    }
    let day: i64 = day.parse().ok()?;
    let year: i64 = year.parse().ok()?;
    let month = english_month(month)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400)
}

/// Whether the first line of `head` (after a byte-order mark) has every one of `names` as a
/// column.
pub(super) fn header_has(head: &[u8], names: &[&str]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let columns: Vec<&str> = line.split(',').map(column).collect();
    names.iter().all(|n| columns.contains(n))
}

/// The index of the column named `name` in any case (`DATE`, `Date`), if the header has one.
pub(super) fn find_any_case(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header
        .iter()
        .position(|c| column(c).eq_ignore_ascii_case(name))
}

/// Whether one of the first lines of `head` (after a byte-order mark, past a short preamble)
/// has every one of `names` as a column, in any order and any case.
pub(super) fn header_has_any_case(head: &[u8], names: &[&str]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    head.split(|&b| b == b'\n').take(5).any(|line| {
        let line = String::from_utf8_lossy(line);
        let columns: Vec<&str> = line
            .split(',')
            .map(|c| column(c).trim_matches('"'))
            .collect();
        names
            .iter()
            .all(|n| columns.iter().any(|c| c.eq_ignore_ascii_case(n)))
    })
}

/// A moment as LinkedIn writes it in `messages.csv` and `Logins.csv`, to epoch seconds (UTC):
/// - ISO-like: `2024-03-01 08:12:55 UTC` (the zone may be `UTC`, `GMT`, `Z`, an offset or
///   missing, then UTC), `2024-03-01T08:12:55Z`, or a day alone, `2024-03-01`, at its midnight;
/// - English: `Mar 1, 2024, 8:12 AM`, `March 1, 2024 8:12:55 PM`, `1 Mar 2024 08:12`, or
///   `Fri Mar 01 08:12:55 UTC 2024`, taken as UTC.
///
/// The year must have four digits and the minutes two, so that a value cut short is no moment.
pub(super) fn moment(text: &str) -> Option<i64> {
    let text = text.trim();
    let bare = ["UTC", "GMT"]
        .iter()
        .find_map(|z| text.strip_suffix(z))
        .map_or(text, str::trim_end);
    if full_clock(bare) {
        return parse_iso(text)
            .or_else(|| parse_iso(&format!("{bare}Z")))
            .map(|ms| ms.div_euclid(1000));
    }
    if bare.len() == 10 && bare.as_bytes().get(4) == Some(&b'-') {
        return parse_iso(&format!("{bare}T00:00Z")).map(|ms| ms.div_euclid(1000));
    }
    english(text)
}

/// Whether `text` starts with an ISO day and a whole clock: `YYYY-MM-DD HH:MM`, then the end
/// or a zone, or `:SS` (a clock cut short, `08:1`, is none).
fn full_clock(text: &str) -> bool {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    digits(0..4)
        && b.get(4) == Some(&b'-')
        && matches!(b.get(10), Some(b' ' | b'T'))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && match b.get(16) {
            None | Some(b'Z' | b'+' | b'-' | b' ') => true,
            Some(b':') => digits(17..19),
            Some(_) => false,
        }
}

/// The English shapes of [`moment`].
fn english(text: &str) -> Option<i64> {
    let words: Vec<&str> = text
        .split([' ', ','])
        .filter(|w| {
            !w.is_empty() && !w.eq_ignore_ascii_case("utc") && !w.eq_ignore_ascii_case("gmt")
        })
        .collect();
    let mut date: (Option<i64>, Option<i64>, Option<i64>) = (None, None, None);
    let mut clock: Option<(i64, i64, i64)> = None;
    let mut half: Option<bool> = None;
    for word in &words {
        if word.contains(':') {
            let mut parts = word.split(':');
            let hour: i64 = parts.next()?.parse().ok()?;
            let minute = parts.next()?;
            let second = parts.next().unwrap_or("00");
            if minute.len() != 2 || second.len() != 2 || parts.next().is_some() {
                return None;
            }
            clock = Some((hour, minute.parse().ok()?, second.parse().ok()?));
        } else if word.eq_ignore_ascii_case("am") || word.eq_ignore_ascii_case("pm") {
            half = Some(word.eq_ignore_ascii_case("pm"));
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            if word.len() == 4 {
                date.2 = Some(word.parse().ok()?);
            } else if word.len() <= 2 && date.0.is_none() {
                date.0 = Some(word.parse().ok()?);
            } else {
                return None;
            }
        } else if let Some(m) = english_month(word) {
            date.1 = Some(m);
        } else if !["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .any(|d| word.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(d)))
        {
            return None;
        }
    }
    let (Some(day), Some(month), Some(year)) = date else {
        return None;
    };
    let (mut hour, minute, second) = clock.unwrap_or((0, 0, 0));
    match half {
        Some(pm) if (1..=12).contains(&hour) => hour = hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => {}
    }
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_headers() {
        // date -ud '2009-03-15' +%s → 1237075200
        assert_eq!(day("15 Mar 2009"), Some(1_237_075_200));
        assert_eq!(day(" 15 March 2009 "), Some(1_237_075_200));
        assert_eq!(day("15 Mar 200"), None);
        assert_eq!(day("15 Foo 2009"), None);
        assert_eq!(day("32 Mar 2009"), None);
        assert_eq!(day("2009-03-15"), None);
        assert!(header_has(
            b"\xEF\xBB\xBFCategory,Type of inference,Description,Inference\n",
            &["Category", "Type of inference"]
        ));
        assert!(!header_has(
            b"Notes:\nCategory,Type of inference\n",
            &["Category"]
        ));
    }

    #[test]
    fn moments_in_every_shape() {
        // date -ud '2024-03-01 08:12:55' +%s → 1709280775
        for text in [
            "2024-03-01 08:12:55 UTC",
            "2024-03-01 08:12:55",
            "2024-03-01T08:12:55Z",
            "Mar 1, 2024, 8:12:55 AM",
            "March 1, 2024 8:12:55 AM",
            "1 Mar 2024 08:12:55",
            "Fri Mar 01 08:12:55 UTC 2024",
        ] {
            assert_eq!(moment(text), Some(1_709_280_775), "{text}");
        }
        // date -ud '2024-03-01 20:12' +%s → 1709323920; date -ud '2024-03-01' +%s → 1709251200
        assert_eq!(moment("Mar 1, 2024, 8:12 PM"), Some(1_709_323_920));
        assert_eq!(moment("Mar 1, 2024, 12:00 AM"), Some(1_709_251_200));
        assert_eq!(moment("2024-03-01"), Some(1_709_251_200));
        for cut in [
            "2024-03-01 08:1",
            "2024-03-0",
            "Mar 1, 202",
            "Mar 1, 2024, 8:1",
            "",
            "soon",
            "Mar 1, 2024, 13:00 PM",
        ] {
            assert_eq!(moment(cut), None, "{cut}");
        }
        assert!(header_has_any_case(
            b"Notes about this file\nlogin date,IP ADDRESS,User Agent\n",
            &["Login Date", "IP Address"]
        ));
    }

    #[test]
    fn the_last_record_is_held_and_a_cut_one_is_told() {
        let read_all = |bytes: &[u8]| {
            let mut rows = Vec::new();
            let end = read(&mut &bytes[..], &mut |_, r| rows.push(r.len())).ok()?;
            let last = end
                .last_whole(|r| r.get(1) != Some("x"))
                .map(|r| r.map(csv::StringRecord::len));
            Some((rows, last))
        };
        assert_eq!(read_all(b"a,b\n1,2\n3,4\n"), Some((vec![2], Ok(Some(2)))));
        assert_eq!(read_all(b"a,b\n1,2\n3,4"), Some((vec![2], Ok(Some(2)))));
        assert_eq!(
            read_all(b"a,b\n1,2\n3"),
            Some((vec![2], Err(ErrorKind::Truncated)))
        );
        assert_eq!(
            read_all(b"a,b\n1,2\n3,x"),
            Some((vec![2], Err(ErrorKind::Truncated)))
        );
        assert_eq!(read_all(b"a,b\n"), Some((vec![], Ok(None))));
        assert_eq!(read_all(b""), None);
    }
}
