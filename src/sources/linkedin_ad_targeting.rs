//! LinkedIn's ad targeting: the criteria advertisers can use to reach the person, as LinkedIn
//! filled them in from their profile and activity.
//!
//! Where from: LinkedIn's complete data export (see `guides::LINKEDIN`),
//! `Ad_Targeting.csv` at the archive's root.
//!
//! Shape (formats.md section 7): one wide data row under about thirty columns (`Member Age`,
//! `Company Names` (three times), `Degrees`, `Member Interests`, `Member Traits`, `Profile
//! Locations`, `Member Skills`, `Job Titles`, `Years of Experience`…), some named twice or more;
//! several values in a cell are joined by `; `, and a quoted cell may hold commas. `Member
//! Interests` values are handed over as interests; every other non-empty cell as what LinkedIn
//! inferred, each `;`-separated value under its column's name as written (the values of columns
//! of the same name go under the same label).

use std::io::Read;

use super::linkedin::{self, column};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// `Ad_Targeting.csv`.
pub struct LinkedInAdTargeting;

/// The column whose values are interests.
const INTERESTS: &str = "Member Interests";

/// Columns only this file has; two in the header claim it.
const OWN: [&str; 7] = [
    "Member Age",
    "Member Interests",
    "Member Traits",
    "Member Skills",
    "Member Gender",
    "Member Schools",
    "Profile Locations",
];

/// Hands over a data row's cells, the first `cells` of them.
fn hand_over(
    header: &csv::StringRecord,
    row: &csv::StringRecord,
    cells: usize,
    out: &mut dyn Sink,
) {
    for (name, cell) in header.iter().zip(row.iter()).take(cells) {
        let name = column(name);
        for value in cell.split(';').map(str::trim).filter(|v| !v.is_empty()) {
            if name == INTERESTS {
                out.interest(value);
            } else {
                out.inferred(name, value);
            }
        }
    }
}

impl Source for LinkedInAdTargeting {
    fn id(&self) -> &'static str {
        "linkedin.ad_targeting"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, ciblage publicitaire (Ad_Targeting.csv)",
            Lang::En => "LinkedIn ad targeting (Ad_Targeting.csv)",
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
        let own = OWN
            .iter()
            .filter(|n| linkedin::header_has(head, &[n]))
            .count();
        let named = super::meta::file_name(path) == "ad_targeting.csv";
        let confidence = if own >= 2 {
            90
        } else if named && own == 1 {
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
        let known = |header: &csv::StringRecord| {
            header.iter().filter(|c| OWN.contains(&column(c))).count() >= 1
        };
        let mut checked: Option<bool> = None;
        let end = linkedin::read(reader, &mut |header, row| {
            if *checked.get_or_insert_with(|| known(header)) {
                hand_over(header, row, usize::MAX, out);
            }
        });
        let end = match end {
            Ok(end) => end,
            Err(kind) => return Some(kind),
        };
        if !known(&end.header) {
            return Some(ErrorKind::WrongType);
        }
        match end.last_whole(|_| true) {
            Ok(Some(row)) => {
                hand_over(&end.header, row, usize::MAX, out);
                None
            }
            Ok(None) => None,
            Err(kind) => {
                // Cut inside the row: its cells before the last, which may be cut, are whole.
                if let Some(row) = &end.last {
                    hand_over(&end.header, row, row.len().saturating_sub(1), out);
                }
                Some(kind)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = "Member Age,Company Names,Company Names,Degrees,Member Interests,Member Traits,Job Titles,Years of Experience\n\
        18 to 24,Lin PLC ,\"Lewis, Moore; Ball-Preston \",Bachelor's Degree; Master's Degree,Cloud Computing; Health,,,1 year\n";

    #[test]
    fn interests_and_every_other_column_as_written() {
        let (out, error) = collect(&LinkedInAdTargeting, FILE.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.interests, ["Cloud Computing", "Health"]);
        let inferred: Vec<(&str, &str)> = out
            .inferred
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            inferred,
            [
                ("Member Age", "18 to 24"),
                ("Company Names", "Lin PLC"),
                ("Company Names", "Lewis, Moore"),
                ("Company Names", "Ball-Preston"),
                ("Degrees", "Bachelor's Degree"),
                ("Degrees", "Master's Degree"),
                ("Years of Experience", "1 year")
            ]
        );
    }

    #[test]
    fn a_cut_row_keeps_its_whole_cells() {
        let cut = FILE.find("Health").unwrap();
        let (out, error) = collect(&LinkedInAdTargeting, &FILE.as_bytes()[..cut]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        // Member Age, Company Names ×2, Degrees; the cut Member Interests is left out.
        assert_eq!((out.inferred.len(), out.interests.len()), (6, 0));
    }

    #[test]
    fn detection_and_other_files() {
        assert!(LinkedInAdTargeting
            .detect("Ad_Targeting.csv", FILE.as_bytes())
            .is_some());
        assert!(LinkedInAdTargeting
            .detect(
                "x.csv",
                b"Category,Type of inference,Description,Inference\n"
            )
            .is_none());
        assert_eq!(
            collect(&LinkedInAdTargeting, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
    }
}
