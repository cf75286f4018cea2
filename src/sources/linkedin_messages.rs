//! LinkedIn's messages: which conversation each message belongs to, and when it was sent.
//!
//! Where from: LinkedIn's data export (see `guides::LINKEDIN`), `messages.csv` at the
//! archive's root.
//!
//! Shape (formats.md section 7, reported by parsers, no real sample seen): the header
//! `CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER`
//! and one row per message; `DATE` is `2023-05-04 10:11:12 UTC` (other shapes of
//! [`super::linkedin::moment`] are read too); `CONTENT` is quoted and may hold commas and line
//! breaks. Columns are found by name in any case and order. Each row is handed over as a
//! message of its conversation (its title, else its id), at its date; it was sent by the person
//! when `FOLDER` says `SENT` (any case), else the file does not tell (the sender's name alone
//! cannot say whether it is the person). Contents, subjects, names and profile links are never
//! kept.
//!
//! A file is taken as cut off when its last row misses a column (even if the file ends with a
//! line break: one inside a quoted content), or, if the file does not end with a line break,
//! when its last row has an unreadable date or a folder that is not one LinkedIn writes (a folder
//! cut short).

use std::io::Read;

use super::linkedin::{self, find_any_case};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// `messages.csv`.
pub struct LinkedInMessages;

const ID: &str = "CONVERSATION ID";
const TITLE: &str = "CONVERSATION TITLE";
const DATE: &str = "DATE";
const FOLDER: &str = "FOLDER";

/// The folders LinkedIn is reported to write.
const FOLDERS: [&str; 5] = ["INBOX", "SENT", "ARCHIVE", "ARCHIVED", "SPAM"];

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    folder: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Self {
        Columns {
            id: find_any_case(header, ID),
            title: find_any_case(header, TITLE),
            date: find_any_case(header, DATE),
            folder: find_any_case(header, FOLDER),
        }
    }

    fn known(self) -> bool {
        self.id.is_some() && self.date.is_some()
    }

    fn cell(row: &csv::StringRecord, i: Option<usize>) -> Option<&str> {
        i.and_then(|i| row.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    fn hand_over(self, row: &csv::StringRecord, out: &mut dyn Sink) {
        let conversation = Self::cell(row, self.title)
            .or_else(|| Self::cell(row, self.id))
            .unwrap_or_default();
        let sent = Self::cell(row, self.folder)
            .is_some_and(|f| f.eq_ignore_ascii_case("SENT"))
            .then_some(true);
        let at = Self::cell(row, self.date).and_then(linkedin::moment);
        out.message(conversation, sent, at);
    }

    /// Whether a last row without a line break after it looks whole.
    fn whole(self, row: &csv::StringRecord) -> bool {
        let date = Self::cell(row, self.date)
            .and_then(linkedin::moment)
            .is_some();
        let folder = Self::cell(row, self.folder)
            .is_none_or(|f| FOLDERS.iter().any(|k| f.eq_ignore_ascii_case(k)));
        date && folder
    }
}

impl Source for LinkedInMessages {
    fn id(&self) -> &'static str {
        "linkedin.messages"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, messages (messages.csv)",
            Lang::En => "LinkedIn messages (messages.csv)",
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
        let confidence = if linkedin::header_has_any_case(head, &[ID, TITLE, DATE]) {
            90
        } else if super::meta::file_name(path) == "messages.csv"
            && linkedin::header_has_any_case(head, &[ID, DATE])
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
        let mut columns: Option<Columns> = None;
        let end = linkedin::read(reader, &mut |header, row| {
            let columns = *columns.get_or_insert_with(|| Columns::of(header));
            if columns.known() {
                columns.hand_over(row, out);
            }
        });
        let end = match end {
            Ok(end) => end,
            Err(kind) => return Some(kind),
        };
        let columns = Columns::of(&end.header);
        if !columns.known() {
            return Some(ErrorKind::WrongType);
        }
        match end.last_whole(|row| columns.whole(row)) {
            // Cut just after a line break inside a quoted content.
            Ok(Some(row)) if row.len() < end.header.len() => Some(ErrorKind::Truncated),
            Ok(Some(row)) => {
                columns.hand_over(row, out);
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

    const FILE: &str = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n\
        2-abc==,,Ann Lee,https://www.linkedin.com/in/ann,Bob Ray,2023-05-04 10:11:12 UTC,,\"Hello Bob, how are you?\nSee you soon\",INBOX\n\
        2-abc==,,Bob Ray,https://www.linkedin.com/in/bob,Ann Lee,2023-05-04 11:00:00 UTC,,\"Fine, thanks\",SENT\n\
        2-def==,Team lunch,Cid Roe,https://www.linkedin.com/in/cid,\"Ann Lee, Bob Ray\",2023-06-01 12:00:00 UTC,Lunch,\"Friday, 12:30?\",INBOX\n";

    #[test]
    fn each_row_is_a_message_of_its_conversation_and_nothing_else_is_kept() {
        let (out, error) = collect(&LinkedInMessages, FILE.as_bytes());
        assert_eq!(error, None);
        // date -ud '2023-05-04 10:11:12' +%s → 1683195072; '2023-05-04 11:00:00' → 1683198000;
        // '2023-06-01 12:00:00' → 1685620800
        assert_eq!(
            out.messages,
            [
                ("2-abc==".to_owned(), None, Some(1_683_195_072)),
                ("2-abc==".to_owned(), Some(true), Some(1_683_198_000)),
                ("Team lunch".to_owned(), None, Some(1_685_620_800)),
            ]
        );
        assert!(out.inferred.is_empty() && out.contacts.is_empty() && out.interests.is_empty());
        // Without FOLDER, in lower case and another order: nobody is known to have sent.
        let file =
            "date,conversation title,conversation id,content\n\"Mar 1, 2024, 8:12 PM\",,7,hi\n";
        let (out, error) = collect(&LinkedInMessages, file.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-03-01 20:12' +%s → 1709323920
        assert_eq!(out.messages, [("7".to_owned(), None, Some(1_709_323_920))]);
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        let content = FILE.find("See you").unwrap_or_default();
        let last = FILE.rfind("INBOX").unwrap_or_default();
        for (cut, kept) in [
            (content, 0),
            (last + 3, 2),
            (FILE.len() - 2, 2),
            (last - 20, 2),
        ] {
            let (out, error) = collect(&LinkedInMessages, &FILE.as_bytes()[..cut]);
            assert_eq!(
                (out.messages.len(), error),
                (kept, Some(ErrorKind::Truncated)),
                "{cut}"
            );
        }
        let (out, error) = collect(&LinkedInMessages, &FILE.as_bytes()[..FILE.len() - 1]);
        assert_eq!((out.messages.len(), error), (3, None));
    }

    #[test]
    fn detection_and_other_files() {
        assert!(LinkedInMessages
            .detect("messages.csv", FILE.as_bytes())
            .is_some());
        assert!(LinkedInMessages
            .detect(
                "Logins.csv",
                b"Login Date,IP Address,User Agent,Login Type\n"
            )
            .is_none());
        assert!(LinkedInMessages
            .detect("Invitations.csv", b"From,To,Sent At,Message,Direction\n")
            .is_none());
        assert_eq!(
            collect(&LinkedInMessages, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
        assert_eq!(
            collect(&LinkedInMessages, b"").1,
            Some(ErrorKind::WrongType)
        );
    }

    #[test]
    fn the_generated_fixture_is_read() {
        let (out, error) = collect(
            &LinkedInMessages,
            &fixture("linkedin.messages", "messages.csv"),
        );
        assert_eq!(error, None);
        assert!(out.messages.len() > 20 && out.messages.iter().all(|m| m.2.is_some()));
    }
}
