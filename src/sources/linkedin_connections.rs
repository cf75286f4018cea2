//! LinkedIn's list of connections: when each relation began.
//!
//! Where from: LinkedIn's data export (see `guides::LINKEDIN`), `Connections.csv` at the
//! archive's root, in the first (fast) part and in the complete archive.
//!
//! Shape (formats.md section 7): a preamble (`Notes:`, a quoted sentence about missing e-mail
//! addresses, a blank line), then the header `First Name,Last Name,URL,Email Address,Company,
//! Position,Connected On` (exports before ~2022 have no `URL`: 6 columns) and one row per
//! connection; `Connected On` is a day, `15 Mar 2009`. Each row is handed over as a
//! [`Relation::Connection`] dated that day at 00:00 UTC (or undated if the day cannot be read).
//! Names, e-mail addresses, companies and positions are never kept. The header is found by the
//! shared CSV reader, whatever the preamble.

use std::io::Read;

use super::linkedin::{self, find};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Platform, Relation};
use crate::model::Sink;

/// `Connections.csv`.
pub struct LinkedInConnections;

/// The column read.
const CONNECTED_ON: &str = "Connected On";

impl Source for LinkedInConnections {
    fn id(&self) -> &'static str {
        "linkedin.connections"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, relations (Connections.csv)",
            Lang::En => "LinkedIn connections (Connections.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::LINKEDIN
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::LinkedIn)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let head = crate::ingest::text::without_bom(head);
        // The header, on its own line after the preamble or first.
        let header = head.split(|&b| b == b'\n').any(|line| {
            line.starts_with(b"First Name,Last Name,")
                && line.trim_ascii_end().ends_with(CONNECTED_ON.as_bytes())
        });
        let named = super::meta::file_name(path) == "connections.csv";
        let confidence = if header {
            90
        } else if named && head.starts_with(b"Notes:") {
            80
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let day = |i: usize, row: &csv::StringRecord| row.get(i).and_then(linkedin::day);
        linkedin::read_rows(
            reader,
            |header| find(header, CONNECTED_ON),
            // Without a line break at the end, the last row is whole if its day is.
            |i, row| day(i, row).is_some(),
            |i, row| out.contact(Relation::Connection, day(i, row)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,,\"Morris, Maddox and Harris\",\"Producer, film\",15 Mar 2009\nBob,Ray,,,Lin PLC,Accountant,not a day\nCid,Roe,,,X,Y,04 Dec 2012\n";

    #[test]
    fn each_row_is_a_dated_connection_and_nothing_else_is_kept() {
        let (out, error) = collect(&LinkedInConnections, FILE.as_bytes());
        assert_eq!(error, None);
        // date -ud '2009-03-15' +%s → 1237075200; date -ud '2012-12-04' +%s → 1354579200
        assert_eq!(
            out.contacts,
            [
                (Relation::Connection, Some(1_237_075_200)),
                (Relation::Connection, None),
                (Relation::Connection, Some(1_354_579_200))
            ]
        );
        assert!(out.inferred.is_empty() && out.interests.is_empty());
        // Without the preamble, with a byte-order mark, and the old six columns.
        let bare = "\u{feff}First Name,Last Name,Email Address,Company,Position,Connected On\nA,B,,C,D,19 May 2017\n";
        let (out, error) = collect(&LinkedInConnections, bare.as_bytes());
        assert_eq!((out.contacts.len(), error), (1, None));
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        for (cut, kept) in [
            (FILE.len() - 3, 2),
            (FILE.len() - 12, 2),
            (FILE.len() - 20, 2),
        ] {
            let (out, error) = collect(&LinkedInConnections, &FILE.as_bytes()[..cut]);
            assert_eq!(
                (out.contacts.len(), error),
                (kept, Some(ErrorKind::Truncated)),
                "{cut}"
            );
        }
        // Whole, without the last line break.
        let (out, error) = collect(&LinkedInConnections, &FILE.as_bytes()[..FILE.len() - 1]);
        assert_eq!((out.contacts.len(), error), (3, None));
    }

    #[test]
    fn detection_and_other_files() {
        assert!(LinkedInConnections
            .detect("Connections.csv", FILE.as_bytes())
            .is_some());
        assert!(LinkedInConnections
            .detect(
                "x/Member_Follows.csv",
                b"Notes:\n\"...\"\n\nStatus,Followed On\n"
            )
            .is_none());
        assert!(LinkedInConnections
            .detect("Connections.csv", b"Notes:\n\"...\"\n")
            .is_some());
        assert_eq!(
            collect(&LinkedInConnections, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
        assert_eq!(
            collect(&LinkedInConnections, b"").1,
            Some(ErrorKind::WrongType)
        );
    }
}
