//! What LinkedIn's CSV files have in common: how they are read (with the shared CSV reader, which
//! skips `Connections.csv`'s `Notes:` preamble), how a file cut off midway is told from a whole
//! one, `15 Mar 2009` dates, and the guide to ask for the export.
//!
//! LinkedIn writes UTF-8 (maybe with a byte-order mark), commas, LF line endings, and a last line
//! with or without a line break (`Inferences_about_you.csv` has none). A file is taken as cut off
//! when it does not end with a line break and its last record is unfinished: fewer fields than
//! the header, or a value its source cannot read whole (see each source). That last record is
//! then left out; every record before it has been handed over.

use std::io::Read;

use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::csv::{for_each_record_under, CsvError};
use crate::ingest::{read_prefix, HEAD_LEN};
use crate::model::time::days_from_civil;

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
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| month.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m)))?;
    let month = i64::try_from(month).ok()? + 1;
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400)
}

/// Whether the first line of `head` (after a byte-order mark) has every one of `names` as a
/// column.
pub(super) fn header_has(head: &[u8], names: &[&str]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let columns: Vec<&str> = line.split(',').map(column).collect();
    names.iter().all(|n| columns.contains(n))
}

/// How to ask for the export, for every LinkedIn source.
pub(super) fn guide(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "Sur linkedin.com, ouvrez Moi → Préférences et confidentialité → Confidentialité des \
             données → Obtenir une copie de vos données, choisissez la grande archive (avec les \
             relations, le ciblage publicitaire et ce que LinkedIn déduit de vous), puis \
             «\u{a0}Demander l'archive\u{a0}». Une première partie arrive par e-mail en quelques \
             minutes, l'archive complète en 24\u{a0}heures environ. Déposez le zip tel quel."
        }
        Lang::En => {
            "On linkedin.com, open Me → Settings & Privacy → Data privacy → Get a copy of your \
             data, choose the larger archive (with connections, ad targeting and what LinkedIn \
             infers about you), then \"Request archive\". A first part arrives by e-mail within \
             minutes, the complete archive within about 24 hours. Drop the zip as it is."
        }
    }
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
