//! What was watched on a Netflix account: `ViewingActivity.csv`.
//!
//! Where from: Netflix's report (see `guides::NETFLIX`), `netflix-report.zip`,
//! `CONTENT_INTERACTION/ViewingActivity.csv` (formats.md section 9).
//!
//! Shape: the header `Profile Name,Start Time,Duration,Attributes,Title,Supplemental Video Type,
//! Device Type,Bookmark,Latest Bookmark,Country` and one row per view. `Start Time` is
//! `YYYY-MM-DD HH:MM:SS` in UTC, `Duration` `H:MM:SS`, `Country` `FR (France)`. Columns are found
//! by name, in any order and any case.
//!
//! Each row whose `Supplemental Video Type` is empty is handed over as a play (kind
//! [`MediaKind::Show`]): its start, duration, title, device type and country. A row with a
//! supplemental type (`TRAILER`, `HOOK`, `PROMOTIONAL`, `BIG_ROW`…) is a trailer or preview the
//! person did not choose: it is left out. The title is kept whole (`Show: Season 1: Episode`);
//! the creator is the series, the part before the first `: `, or, for a film (no `: `), the
//! title itself. A row without a readable start time is left out. The profile name (often
//! another person's), the attributes and the bookmarks are not read.
//!
//! A file that does not end with a line break and whose last row misses a column, a readable
//! start or duration, or a whole country (`FR (Fra`) is taken as cut off: that row is left out.

use std::io::Read;

use super::netflix::{cell, duration_ms, find};
use super::{linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::media::{MediaKind, Play, Service};
use crate::model::Sink;

/// `ViewingActivity.csv`.
pub struct NetflixViewing;

const START: &str = "Start Time";
const DURATION: &str = "Duration";
const TITLE: &str = "Title";
const SUPPLEMENTAL: &str = "Supplemental Video Type";

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    start: Option<usize>,
    duration: Option<usize>,
    title: Option<usize>,
    supplemental: Option<usize>,
    device: Option<usize>,
    country: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Self {
        Columns {
            start: find(header, &[START]),
            duration: find(header, &[DURATION]),
            title: find(header, &[TITLE]),
            supplemental: find(header, &[SUPPLEMENTAL]),
            device: find(header, &["Device Type"]),
            country: find(header, &["Country"]),
        }
    }

    fn usable(self) -> bool {
        self.start.is_some() && self.title.is_some()
    }

    /// Whether a last row without a line break after it is whole.
    fn whole(self, row: &csv::StringRecord) -> bool {
        cell(row, self.start).and_then(linkedin::moment).is_some()
            && self
                .duration
                .is_none_or(|_| cell(row, self.duration).and_then(duration_ms).is_some())
            && cell(row, self.country).is_none_or(|c| !c.contains('(') || c.ends_with(')'))
    }

    fn hand_over(self, row: &csv::StringRecord, out: &mut dyn Sink) {
        if cell(row, self.supplemental).is_some() {
            return;
        }
        let Some(at) = cell(row, self.start).and_then(linkedin::moment) else {
            return;
        };
        let title = cell(row, self.title);
        let creator = title.map(|t| t.split_once(": ").map_or(t, |(series, _)| series.trim()));
        out.play(&Play {
            at,
            ms: cell(row, self.duration).and_then(duration_ms),
            kind: MediaKind::Show,
            title,
            creator,
            device: cell(row, self.device),
            ip: None,
            country: cell(row, self.country),
        });
    }
}

impl Source for NetflixViewing {
    fn id(&self) -> &'static str {
        "netflix.viewing"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Netflix, historique de visionnage (ViewingActivity.csv)",
            Lang::En => "Netflix viewing activity (ViewingActivity.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::NETFLIX
    }

    fn media(&self) -> Option<Service> {
        Some(Service::Netflix)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let confidence = if linkedin::header_has_any_case(
            head,
            &["Profile Name", START, DURATION, TITLE, SUPPLEMENTAL],
        ) {
            90
        } else if super::meta::file_name(path) == "viewingactivity.csv"
            && linkedin::header_has_any_case(head, &[START, TITLE])
        {
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
        linkedin::read_rows(
            reader,
            |header| Some(Columns::of(header)).filter(|c| c.usable()),
            Columns::whole,
            |columns, row| columns.hand_over(row, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = "Profile Name,Start Time,Duration,Attributes,Title,Supplemental Video Type,Device Type,Bookmark,Latest Bookmark,Country\n\
        Léa,2024-03-01 20:15:00,0:42:10,,Lupin: Partie 1: Chapitre 1,,Samsung 2019 TV,0:42:10,0:42:10,FR (France)\n\
        Léa,2024-03-01 21:00:00,0:01:30,Autoplayed: user action: None; ,Lupin: Partie 1 (Bande-annonce),TRAILER,Samsung 2019 TV,0:01:30,Not latest view,FR (France)\n\
        Marc,2024-03-02 09:05:07,1:58:03,,Le Fabuleux Destin d'Amélie Poulain,,Apple iPhone 12,1:58:03,1:58:03,BE (Belgium)\n";

    #[test]
    fn views_are_plays_and_trailers_are_left_out() {
        let (out, error) = collect(&NetflixViewing, FILE.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-03-01 20:15:00' +%s → 1709324100; date -ud '2024-03-02 09:05:07' +%s → 1709370307
        let plays: Vec<_> = out
            .plays
            .iter()
            .map(|p| {
                (
                    p.at,
                    p.ms,
                    p.kind,
                    p.title.as_deref(),
                    p.creator.as_deref(),
                    p.device.as_deref(),
                    p.ip.as_deref(),
                    p.country.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            plays,
            [
                (
                    1_709_324_100,
                    Some(2_530_000),
                    MediaKind::Show,
                    Some("Lupin: Partie 1: Chapitre 1"),
                    Some("Lupin"),
                    Some("Samsung 2019 TV"),
                    None,
                    Some("FR (France)")
                ),
                (
                    1_709_370_307,
                    Some(7_083_000),
                    MediaKind::Show,
                    Some("Le Fabuleux Destin d'Amélie Poulain"),
                    Some("Le Fabuleux Destin d'Amélie Poulain"),
                    Some("Apple iPhone 12"),
                    None,
                    Some("BE (Belgium)")
                ),
            ]
        );
        // The profile names are not handed over.
        assert!(out.plays.iter().all(|p| !format!("{p:?}").contains("Léa")));
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        // Cut within the last row's country, within its start time, and within the trailer's
        // duration (the row before).
        let last = FILE.rfind("Marc").unwrap_or_default();
        let country = FILE.rfind("(Belgium)").unwrap_or_default();
        let trailer = FILE.find("0:01:30").unwrap_or_default();
        for (cut, kept) in [(country + 4, 1), (last + 20, 1), (trailer + 4, 1)] {
            let (out, error) = collect(&NetflixViewing, &FILE.as_bytes()[..cut]);
            assert_eq!(
                (out.plays.len(), error),
                (kept, Some(ErrorKind::Truncated)),
                "{cut}"
            );
        }
        let (out, error) = collect(&NetflixViewing, &FILE.as_bytes()[..FILE.len() - 1]);
        assert_eq!((out.plays.len(), error), (2, None));
    }

    #[test]
    fn detection_and_other_files() {
        assert!(NetflixViewing
            .detect("CONTENT_INTERACTION/ViewingActivity.csv", FILE.as_bytes())
            .is_some());
        for (path, head) in [
            (
                "Logins.csv",
                &b"Login Date,IP Address,User Agent,Login Type\n"[..],
            ),
            (
                "DEVICES/Devices.csv",
                b"Profile Name,Esn,Device Type,Acct First Playback Date\n",
            ),
            (
                "activities.csv",
                b"Activity ID,Activity Date,Activity Type\n",
            ),
        ] {
            assert!(NetflixViewing.detect(path, head).is_none(), "{path}");
        }
        assert_eq!(
            collect(&NetflixViewing, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n\0\0\0", b"[[[[[[[["] {
            assert!(collect(&NetflixViewing, bytes).1.is_some());
        }
    }

    #[test]
    fn the_real_sample_is_read() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/samples/netflix/ViewingActivity.csv"
        );
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let (out, error) = collect(&NetflixViewing, &bytes);
        assert_eq!(error, None);
        // 374 rows of 3,000 have no supplemental type (tests/integration/media_netflix_youtube.rs).
        assert_eq!(out.plays.len(), 374);
    }
}
