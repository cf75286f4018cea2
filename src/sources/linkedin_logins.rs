//! LinkedIn's logins: when the account was opened, from which IP address, with which browser.
//!
//! Where from: LinkedIn's data export (see `guides::LINKEDIN`), `Logins.csv` at the
//! archive's root.
//!
//! Shape (formats.md section 7, reported by parsers, no real sample seen): the header
//! `Login Date,IP Address,User Agent,Login Type` and one row per login. As the file is only
//! reported, the columns are found by name in any order and any case, and a short preamble
//! before the header is skipped; the date is read in any of the shapes of
//! [`super::linkedin::moment`] (`2024-03-01 08:12:55 UTC`, `Mar 1, 2024, 8:12 AM`…). Each row
//! is handed over as a login: its time, IP address and user agent (the device). The login type
//! is not read.
//!
//! A file that does not end with a line break and whose last row misses a column or a readable
//! date is taken as cut off; a last row cut within its last column (the login type) cannot be
//! told from a whole one, and is read.

use std::io::Read;

use super::linkedin::{self, find_any_case};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Login, Platform};
use crate::model::Sink;

/// `Logins.csv`.
pub struct LinkedInLogins;

const DATE: &str = "Login Date";
const IP: &str = "IP Address";
const AGENT: &str = "User Agent";

/// The columns read: date, IP address, user agent.
#[derive(Clone, Copy)]
struct Columns {
    date: Option<usize>,
    ip: Option<usize>,
    agent: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Self {
        Columns {
            date: find_any_case(header, DATE).or_else(|| find_any_case(header, "Date")),
            ip: find_any_case(header, IP),
            agent: find_any_case(header, AGENT),
        }
    }

    fn hand_over(self, row: &csv::StringRecord, out: &mut dyn Sink) {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        out.login(&Login {
            at: cell(self.date).and_then(linkedin::moment),
            ip: cell(self.ip),
            device: cell(self.agent),
        });
    }
}

impl Source for LinkedInLogins {
    fn id(&self) -> &'static str {
        "linkedin.logins"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, connexions au compte (Logins.csv)",
            Lang::En => "LinkedIn logins (Logins.csv)",
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
        let confidence = if linkedin::header_has_any_case(head, &[DATE, IP]) {
            90
        } else if super::meta::file_name(path) == "logins.csv"
            && linkedin::header_has_any_case(head, &[IP])
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
            |header| {
                let columns = Columns::of(header);
                (columns.date.is_some() && columns.ip.is_some()).then_some(columns)
            },
            |columns, row| {
                columns
                    .date
                    .and_then(|date| row.get(date))
                    .and_then(linkedin::moment)
                    .is_some()
            },
            |columns, row| columns.hand_over(row, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const FILE: &str = "Login Date,IP Address,User Agent,Login Type\n\
        2024-03-01 08:12:55 UTC,203.0.113.9,\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36\",PASSWORD\n\
        not a date,198.51.100.7,,PASSWORD\n\
        \"Mar 1, 2024, 8:12 PM\",2001:db8::1,LinkedIn/9.29 (iPhone; iOS 17.3),REMEMBER_ME\n";

    #[test]
    fn each_row_is_a_login_with_its_time_address_and_agent() {
        let (out, error) = collect(&LinkedInLogins, FILE.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-03-01 08:12:55' +%s → 1709280775; date -ud '2024-03-01 20:12' +%s → 1709323920
        assert_eq!(
            out.logins,
            [
                (
                    Some(1_709_280_775),
                    Some("203.0.113.9".to_owned()),
                    Some("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 Safari/537.36".to_owned())
                ),
                (None, Some("198.51.100.7".to_owned()), None),
                (
                    Some(1_709_323_920),
                    Some("2001:db8::1".to_owned()),
                    Some("LinkedIn/9.29 (iPhone; iOS 17.3)".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn the_columns_are_found_in_any_order_and_case() {
        let file = "\u{feff}login type,USER AGENT,ip address,LOGIN DATE\nPASSWORD,curl/8.0,192.0.2.4,2023-12-31 23:59:59 UTC\n";
        assert!(LinkedInLogins
            .detect("x/Logins.csv", file.as_bytes())
            .is_some());
        let (out, error) = collect(&LinkedInLogins, file.as_bytes());
        assert_eq!(error, None);
        // date -ud '2023-12-31 23:59:59' +%s → 1704067199
        assert_eq!(
            out.logins,
            [(
                Some(1_704_067_199),
                Some("192.0.2.4".to_owned()),
                Some("curl/8.0".to_owned())
            )]
        );
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        // Cut within the last row's agent, within its date, and within the row before.
        let last = FILE.rfind("\"Mar 1").unwrap_or_default();
        let before = FILE.find("not a date").unwrap_or_default();
        for (cut, kept) in [(last + 30, 2), (last + 8, 2), (before + 14, 1)] {
            let (out, error) = collect(&LinkedInLogins, &FILE.as_bytes()[..cut]);
            assert_eq!(
                (out.logins.len(), error),
                (kept, Some(ErrorKind::Truncated)),
                "{cut}"
            );
        }
        let (out, error) = collect(&LinkedInLogins, &FILE.as_bytes()[..FILE.len() - 1]);
        assert_eq!((out.logins.len(), error), (3, None));
    }

    #[test]
    fn detection_and_other_files() {
        assert!(LinkedInLogins
            .detect("Logins.csv", FILE.as_bytes())
            .is_some());
        assert!(LinkedInLogins
            .detect(
                "Connections.csv",
                b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            )
            .is_none());
        assert!(LinkedInLogins
            .detect(
                "Registration.csv",
                b"Registered At,Registration Ip,Subscription Types\n"
            )
            .is_none());
        assert_eq!(
            collect(&LinkedInLogins, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
        assert_eq!(collect(&LinkedInLogins, b"").1, Some(ErrorKind::WrongType));
    }

    #[test]
    fn the_generated_fixture_is_read() {
        let (out, error) = collect(&LinkedInLogins, &fixture("linkedin.logins", "Logins.csv"));
        assert_eq!(error, None);
        assert!(out.logins.len() > 20 && out.logins.iter().all(|l| l.0.is_some()));
    }
}
