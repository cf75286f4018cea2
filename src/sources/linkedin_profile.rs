//! The kinds of personal detail LinkedIn holds on the person's profile and account: names, birth
//! date, address, e-mail addresses, phone numbers.
//!
//! Where from: LinkedIn's data export (see `guides::LINKEDIN`), three small CSV files at
//! the archive's root (formats.md section 7 names them; their columns are those LinkedIn writes,
//! no real sample seen):
//! - `Profile.csv`: `First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,
//!   Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers`, one row. Each
//!   column is named by [`Detail::from_label`] (the names → [`Detail::Name`], `Address` and `Zip
//!   Code` → [`Detail::Address`], `Birth Date` → [`Detail::BirthDate`], `Twitter Handles` → a
//!   user name), and `Geo Location` (the profile's city and region) is an address too; the
//!   headline, summary, industry, websites and messengers name no kind of detail;
//! - `Email Addresses.csv`: `Email Address,Confirmed,Primary,Updated On`, one row an address →
//!   [`Detail::Email`];
//! - `PhoneNumbers.csv`: `Extension,Number,Type`, one row a number → [`Detail::Phone`].
//!
//! Each kind with a non-blank value in some row is handed over once per file
//! ([`SocialSink::holds`]); the values themselves are never kept. Which file it is, is told by
//! its header (columns found by name, in any order and case, past a short preamble). A file that
//! does not end with a line break and whose last row misses columns is taken as cut off; a last
//! row with all its columns is read.
//!
//! [`SocialSink::holds`]: crate::model::social::SocialSink::holds

use std::io::Read;

use super::linkedin::{self, column, header_has_any_case};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Detail, Platform};
use crate::model::Sink;

/// `Profile.csv`, `Email Addresses.csv` and `PhoneNumbers.csv`.
pub struct LinkedInProfile;

/// Which of the three files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Profile,
    Emails,
    Phones,
}

/// The columns that tell each file, in its header.
const PROFILE: [&str; 3] = ["First Name", "Last Name", "Headline"];
const EMAILS: [&str; 2] = ["Email Address", "Confirmed"];
const PHONES: [&str; 3] = ["Extension", "Number", "Type"];

impl File {
    /// The file a header is, if it is one of the three.
    fn of(header: &csv::StringRecord) -> Option<File> {
        let has = |names: &[&str]| {
            names
                .iter()
                .all(|n| header.iter().any(|c| column(c).eq_ignore_ascii_case(n)))
        };
        if has(&PROFILE) {
            Some(File::Profile)
        } else if has(&EMAILS) {
            Some(File::Emails)
        } else if has(&PHONES) {
            Some(File::Phones)
        } else {
            None
        }
    }

    /// The kind of detail a column of this file holds.
    fn detail(self, name: &str) -> Option<Detail> {
        let name = column(name);
        match self {
            File::Profile if name.eq_ignore_ascii_case("Geo Location") => Some(Detail::Address),
            File::Profile => Detail::from_label(name),
            File::Emails => name
                .eq_ignore_ascii_case("Email Address")
                .then_some(Detail::Email),
            File::Phones => name.eq_ignore_ascii_case("Number").then_some(Detail::Phone),
        }
    }
}

/// What a file holds, as its rows are read.
struct Pass {
    /// Each column's kind of detail, once the header is known.
    columns: Option<Vec<Option<Detail>>>,
    /// The kinds handed over.
    seen: Vec<Detail>,
}

impl Pass {
    fn columns(file: File, header: &csv::StringRecord) -> Vec<Option<Detail>> {
        header.iter().map(|name| file.detail(name)).collect()
    }

    fn row(
        &mut self,
        file: File,
        header: &csv::StringRecord,
        row: &csv::StringRecord,
        out: &mut dyn Sink,
    ) {
        let columns = self
            .columns
            .get_or_insert_with(|| Pass::columns(file, header));
        for (detail, value) in columns.iter().zip(row.iter()) {
            let Some(detail) = *detail else { continue };
            if !value.trim().is_empty() && !self.seen.contains(&detail) {
                self.seen.push(detail);
                out.holds(detail);
            }
        }
    }
}

impl Source for LinkedInProfile {
    fn id(&self) -> &'static str {
        "linkedin.profile"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, profil et coordonnées (Profile.csv, e-mails, téléphones)",
            Lang::En => "LinkedIn profile and contact details (Profile.csv, e-mails, phones)",
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
        let name = super::meta::file_name(path);
        let confidence =
            if header_has_any_case(head, &PROFILE) || header_has_any_case(head, &EMAILS) {
                90
            } else if (name == "phonenumbers.csv" || name == "phone numbers.csv")
                && header_has_any_case(head, &PHONES)
            {
                // Extension, Number, Type: a generic shape, LinkedIn's by the file's name.
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
        let mut pass = Pass {
            columns: None,
            seen: Vec::new(),
        };
        let mut wrong = false;
        let end = linkedin::read(reader, &mut |header, row| match File::of(header) {
            Some(file) => pass.row(file, header, row, out),
            None => wrong = true,
        });
        let end = match end {
            Ok(end) => end,
            Err(kind) => return Some(kind),
        };
        let Some(file) = File::of(&end.header).filter(|_| !wrong) else {
            return Some(ErrorKind::WrongType);
        };
        match end.last_whole(|_| true) {
            Ok(Some(row)) => {
                pass.row(file, &end.header, row, out);
                None
            }
            Ok(None) => None,
            Err(kind) => Some(kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const PROFILE_CSV: &str = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n\
        Camille,Durand,,,\"Apr 12, 1991\",Data engineer,\"Pipelines, données\net cartes\",Software Development,,\"Lyon, Auvergne-Rhône-Alpes, France\",[camdurand_74],[PORTFOLIO:https://camille.example],\n";

    #[test]
    fn the_profile_names_the_kinds_of_detail_held() {
        assert!(LinkedInProfile
            .detect("Profile.csv", PROFILE_CSV.as_bytes())
            .is_some());
        let (out, error) = collect(&LinkedInProfile, PROFILE_CSV.as_bytes());
        assert_eq!(error, None);
        // First and last names are one kind; maiden name, address and zip code are empty, but
        // the geo location is an address; the Twitter handle is a user name.
        assert_eq!(
            out.holds,
            [
                Detail::Name,
                Detail::BirthDate,
                Detail::Address,
                Detail::Username
            ]
        );
        let all = format!("{out:?}");
        assert!(!all.contains("Camille") && !all.contains("Lyon"));
    }

    #[test]
    fn e_mail_addresses_and_phone_numbers_each_once() {
        let emails = "Email Address,Confirmed,Primary,Updated On\n\
            camille.durand@example.fr,Yes,Yes,2019-05-02 10:11:12 UTC\n\
            c.durand@example.com,No,No,Not Available\n";
        assert!(LinkedInProfile
            .detect("Email Addresses.csv", emails.as_bytes())
            .is_some());
        let (out, error) = collect(&LinkedInProfile, emails.as_bytes());
        assert_eq!((out.holds, error), (vec![Detail::Email], None));

        let phones = "Extension,Number,Type\n,+33 6 45 12 88 90,Mobile\n";
        assert!(LinkedInProfile
            .detect("PhoneNumbers.csv", phones.as_bytes())
            .is_some());
        // The generic shape under another name is not claimed.
        assert!(LinkedInProfile
            .detect("extensions.csv", phones.as_bytes())
            .is_none());
        let (out, error) = collect(&LinkedInProfile, phones.as_bytes());
        assert_eq!((out.holds, error), (vec![Detail::Phone], None));
        // A number left empty is no phone held.
        let (out, error) = collect(&LinkedInProfile, b"Extension,Number,Type\n,,Mobile\n");
        assert_eq!(error, None);
        assert!(out.holds.is_empty());
    }

    #[test]
    fn cut_and_other_files() {
        // Cut within the profile's row: nothing read, and said.
        let cut = PROFILE_CSV.find("Data engineer").unwrap_or_default();
        let (out, error) = collect(&LinkedInProfile, &PROFILE_CSV.as_bytes()[..cut]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert!(out.holds.is_empty());
        // Cut in the second address: the first was read.
        let emails = "Email Address,Confirmed,Primary,Updated On\na@example.fr,Yes,Yes,x\nb@exa";
        let (out, error) = collect(&LinkedInProfile, emails.as_bytes());
        assert_eq!(
            (out.holds, error),
            (vec![Detail::Email], Some(ErrorKind::Truncated))
        );
        for other in [
            &b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,15 Mar 2009\n"[..],
            b"a,b\n1,2\n",
            b"",
        ] {
            assert!(LinkedInProfile.detect("Connections.csv", other).is_none());
            assert_eq!(collect(&LinkedInProfile, other).1, Some(ErrorKind::WrongType));
        }
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        let read = |name: &str| collect(&LinkedInProfile, &fixture("linkedin.profile", name));
        let (out, error) = read("Profile.csv");
        assert_eq!(error, None);
        assert_eq!(
            out.holds,
            [
                Detail::Name,
                Detail::Address,
                Detail::BirthDate,
                Detail::Username
            ]
        );
        assert_eq!(read("Email Addresses.csv").0.holds, [Detail::Email]);
        assert_eq!(read("PhoneNumbers.csv").0.holds, [Detail::Phone]);
    }
}
