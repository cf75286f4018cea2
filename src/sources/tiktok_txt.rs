//! TikTok's export in its TXT format: one `.txt` file a list, in folders (`Activity/`,
//! `Profile/`, `Direct Messages/`…), each list a series of blocks of `Key: value` lines that
//! start with a `Date:` line (formats.md section 5):
//!
//! ```text
//! Date: 2024-11-20 15:21:12 UTC
//! Link: https://www.tiktokv.com/share/video/7439…/
//!
//! Date: 2024-11-20 15:24:03 UTC
//! …
//! ```
//!
//! The file's name tells the list, so one source a kind of list, each claiming its names (any
//! case, `Browsing History.txt`, `Watch History.txt`…) when a `Date:` line with a date is in its
//! first bytes:
//! - the person's own actions (watched, liked, added to favourites, searched, shared, commented,
//!   posted): one [`SocialSink::active`] a block, never the link, term or comment;
//! - logins (`Login History.txt`): when, from which `IP`, on which `DeviceModel` /
//!   `Device Model` and system (as the JSON export's, the system without its version);
//! - followers and followings: one relation a block, dated, never the user name.
//!
//! Comments (`Comments/Comments.txt`, blocks of `Date:`, `Comment:`, `Photo:`, `Url:`) are among
//! the person's actions: one dated comment, one action, never its text.
//!
//! Direct messages (`Direct Messages/Direct Messages.txt`) are not blocks but lines, as the
//! export writes them (formats.md section 5 only names the folder; this shape is the one every
//! public reader of the TXT export parses):
//!
//! ```text
//! >>> Chat History with ann::
//! 2024-11-20 15:21:12 UTC ann: text
//! 2024-11-20 15:19:40 UTC me: text, maybe going on
//! on the next lines
//! ```
//!
//! Each header begins a conversation, named after `Chat History with `; each dated line is one
//! message of it, [`SocialSink::message`], with whether the person sent it when that can be told
//! (see [`Chats`]), never its text. It is claimed when its first bytes hold a header and a
//! message line.
//!
//! Dates are UTC, `YYYY-MM-DD HH:MM:SS` with or without ` UTC`. A text file cut off cannot always
//! be told from a whole one: a last line without its line break that is a `Key:` with no value,
//! or a `Date:` that is no date, says the file was cut. Lines longer than 64 KB are skipped.
//!
//! [`SocialSink::active`]: crate::model::social::SocialSink::active
//! [`SocialSink::message`]: crate::model::social::SocialSink::message

use std::io::{BufRead, BufReader, Read};

use super::meta::file_name;
use super::tiktok::{date, device, Chats};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Login, Platform, Relation};
use crate::model::Sink;

/// Which list a TXT file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextList {
    /// The person's own dated actions.
    Actions,
    Logins,
    Followers,
    Following,
    /// `Direct Messages.txt`, whose lines are not blocks (see the module's documentation).
    Messages,
}

/// One of TikTok's TXT lists.
pub struct TikTokText {
    pub list: TextList,
}

/// The file names of each list, lower case.
fn names(list: TextList) -> &'static [&'static str] {
    match list {
        TextList::Actions => &[
            "browsing history.txt",
            "watch history.txt",
            "video browsing history.txt",
            "like list.txt",
            "liked videos.txt",
            "favorite videos.txt",
            "search history.txt",
            "searches.txt",
            "share history.txt",
            "comments.txt",
            "videos.txt",
            "posts.txt",
        ],
        TextList::Logins => &["login history.txt"],
        TextList::Followers => &[
            "follower.txt",
            "follower list.txt",
            "followers.txt",
            "fans.txt",
        ],
        TextList::Following => &["following.txt", "following list.txt"],
        TextList::Messages => &["direct messages.txt", "direct message.txt"],
    }
}

/// Longest line read, in bytes; a longer one is skipped.
const MAX_LINE: usize = 64 * 1024;

/// One block's fields, as far as read.
#[derive(Default)]
struct Block {
    at: Option<i64>,
    ip: Option<String>,
    model: Option<String>,
    system: Option<String>,
}

impl TikTokText {
    fn hand_over(&self, block: &Block, out: &mut dyn Sink) {
        let Some(at) = block.at else { return };
        match self.list {
            TextList::Actions => out.active(at),
            TextList::Followers => out.contact(Relation::Follower, Some(at)),
            TextList::Following => out.contact(Relation::Following, Some(at)),
            // Read line by line, not by blocks.
            TextList::Messages => {}
            TextList::Logins => {
                let device = device(block.model.as_deref(), block.system.as_deref());
                out.login(&Login {
                    at: Some(at),
                    ip: block
                        .ip
                        .as_deref()
                        .filter(|ip| !ip.is_empty() && *ip != "N/A"),
                    device: device.as_deref(),
                });
            }
        }
    }
}

/// A line's key and value: `Date: 2024-11-20 15:21:12` → (`date`, `2024-11-20 15:21:12`). The key
/// is compared without case or spaces (`Device Model`, `DeviceModel`).
fn field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key: String = key
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    (!key.is_empty() && key.len() <= 32).then(|| (key, value.trim()))
}

/// Whether the first bytes hold a `Date:` line with a date.
fn dated(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    String::from_utf8_lossy(head)
        .lines()
        .take(40)
        .any(|line| field(line).is_some_and(|(key, value)| key == "date" && date(value).is_some()))
}

/// Whether the first bytes hold a conversation's header and a message line.
fn chatting(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines().take(40);
    lines.any(|line| chat_header(line).is_some()) && lines.any(|line| chat_message(line).is_some())
}

impl Source for TikTokText {
    fn id(&self) -> &'static str {
        match self.list {
            TextList::Actions => "tiktok.txt_activity",
            TextList::Logins => "tiktok.txt_logins",
            TextList::Followers => "tiktok.txt_followers",
            TextList::Following => "tiktok.txt_following",
            TextList::Messages => "tiktok.txt_messages",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.list, lang) {
            (TextList::Actions, Lang::Fr) => "TikTok, votre activité (fichier texte)",
            (TextList::Actions, Lang::En) => "TikTok activity (text file)",
            (TextList::Logins, Lang::Fr) => "TikTok, historique des connexions (fichier texte)",
            (TextList::Logins, Lang::En) => "TikTok login history (text file)",
            (TextList::Followers, Lang::Fr) => "TikTok, vos abonnés (fichier texte)",
            (TextList::Followers, Lang::En) => "TikTok followers (text file)",
            (TextList::Following, Lang::Fr) => "TikTok, comptes suivis (fichier texte)",
            (TextList::Following, Lang::En) => "TikTok accounts followed (text file)",
            (TextList::Messages, Lang::Fr) => "TikTok, messages privés (fichier texte)",
            (TextList::Messages, Lang::En) => "TikTok direct messages (text file)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TIKTOK
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::TikTok)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = file_name(path);
        let shaped = if self.list == TextList::Messages {
            chatting(head)
        } else {
            dated(head)
        };
        (names(self.list).contains(&name.as_str()) && shaped).then_some(Claim {
            source: self.id(),
            confidence: 85,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        if self.list == TextList::Messages {
            return read_chats(reader, out);
        }
        let mut block = Block::default();
        let mut blocks = 0_u64;
        let mut cut = false;
        let error = each_line(reader, &mut |text, ended| {
            let Some((key, value)) = field(text) else {
                return;
            };
            if !ended {
                // The last line, without its line break: a key without its value, or a date that
                // is none, was cut.
                cut = value.is_empty() || (key == "date" && date(value).is_none());
            }
            match key.as_str() {
                "date" => {
                    self.hand_over(&block, out);
                    block = Block {
                        at: date(value),
                        ..Block::default()
                    };
                    blocks += u64::from(block.at.is_some());
                }
                "ip" | "ipaddress" => block.ip = Some(value.to_owned()),
                "devicemodel" => block.model = Some(value.to_owned()),
                "devicesystem" => block.system = Some(value.to_owned()),
                _ => {}
            }
        });
        if error.is_some() {
            return error;
        }
        if !cut {
            self.hand_over(&block, out);
        }
        if cut {
            Some(ErrorKind::Truncated)
        } else if blocks == 0 {
            Some(ErrorKind::WrongType)
        } else {
            None
        }
    }
}

/// Calls `each` with every line of a text file, without its line break (nor a byte-order mark
/// before the first), and whether it ended with one (the last line of a cut file does not).
/// Lines longer than [`MAX_LINE`] are skipped.
pub(crate) fn each_line(
    reader: &mut dyn Read,
    each: &mut dyn FnMut(&str, bool),
) -> Option<ErrorKind> {
    each_raw_line(reader, &mut |text, ended, _| each(text, ended))
}

/// [`each_line`], also telling whether the line ended with CR LF.
pub(super) fn each_raw_line(
    reader: &mut dyn Read,
    each: &mut dyn FnMut(&str, bool, bool),
) -> Option<ErrorKind> {
    let mut reader = BufReader::new(reader);
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        let read = match (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Some(ErrorKind::Unreadable),
        };
        let ended = line.last() == Some(&b'\n');
        if !ended && read > MAX_LINE {
            // Too long: skip the rest of it.
            let mut rest = Vec::new();
            if reader.read_until(b'\n', &mut rest).is_err() {
                return Some(ErrorKind::Unreadable);
            }
            continue;
        }
        let mut bytes = line.as_slice();
        if first {
            bytes = crate::ingest::text::without_bom(bytes);
            first = false;
        }
        let crlf = bytes.ends_with(b"\r\n");
        let text = String::from_utf8_lossy(bytes);
        each(text.trim_end_matches(['\r', '\n']), ended, crlf);
    }
}

/// A conversation's header, `>>> Chat History with ann::`, if the line is one.
fn chat_header(line: &str) -> Option<&str> {
    line.trim_start()
        .strip_prefix(">>>")
        .map(str::trim_start)
        .filter(|rest| rest.starts_with("Chat History with "))
}

/// A message line, `2024-11-20 15:21:12 UTC ann: text`: when, and who wrote it (the name before
/// the first `: `, or before a final `:` when the text is empty). `None` for another line (the
/// rest of a message written on several lines).
fn chat_message(line: &str) -> Option<(i64, &str)> {
    let stamp = line.get(..19)?;
    let at = date(stamp)?;
    let rest = line.get(19..)?;
    let rest = rest.strip_prefix(" UTC").unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let (from, _) = rest
        .split_once(": ")
        .or_else(|| rest.strip_suffix(':').map(|from| (from, "")))?;
    Some((at, from.trim()))
}

/// Whether a line is the start of a message line cut short: `2024-11-20 15:2`, or a whole date
/// without its sender.
fn date_begun(line: &str) -> bool {
    const TEMPLATE: &str = "0000-00-00 00:00:00";
    !line.is_empty()
        && line.chars().zip(TEMPLATE.chars()).all(|(c, t)| {
            if t == '0' {
                c.is_ascii_digit()
            } else {
                c == t
            }
        })
}

/// `Direct Messages.txt`: each `>>> Chat History with <name>::` header begins a conversation, each
/// dated line after it is one message (see [`Chats`] for who sent it); the text is never kept. A
/// last line without its line break that is a header without its final `:`, or that starts with
/// a date but is not a whole message line, was cut.
fn read_chats(reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
    let mut chats = Chats::default();
    let mut conversations = 0_u64;
    let mut cut = false;
    let error = each_line(reader, &mut |line, ended| {
        if let Some(header) = chat_header(line) {
            if !ended && !header.trim_end().ends_with(':') {
                cut = true;
                return;
            }
            chats.begin(out, header);
            conversations += 1;
        } else if conversations > 0 {
            match chat_message(line) {
                Some((at, from)) => chats.message(out, Some(from), Some(at)),
                None => cut |= !ended && date_begun(line),
            }
        }
    });
    // A file cut inside a conversation: its held messages are handed over all the same.
    chats.end(out);
    if error.is_some() {
        error
    } else if cut {
        Some(ErrorKind::Truncated)
    } else if conversations == 0 {
        Some(ErrorKind::WrongType)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const ACTIONS: TikTokText = TikTokText {
        list: TextList::Actions,
    };
    const LOGINS: TikTokText = TikTokText {
        list: TextList::Logins,
    };

    #[test]
    fn each_block_is_one_action_and_no_link_is_kept() {
        let text = "\u{feff}Date: 2024-11-20 15:21:12 UTC\r\nLink: https://www.tiktokv.com/share/video/1/\r\n\r\nDate: 2024-11-20 15:24:03\r\nLink: https://www.tiktokv.com/share/video/2/\r\n";
        assert!(ACTIONS
            .detect("TikTok_Data/Activity/Browsing History.txt", text.as_bytes())
            .is_some());
        let (out, error) = collect(&ACTIONS, text.as_bytes());
        assert_eq!(error, None);
        // 2024-11-20T15:21:12Z and 15:24:03Z, by Python's datetime.
        assert_eq!(out.active, [1_732_116_072, 1_732_116_243]);
        assert!(out.interests.is_empty() && out.logins.is_empty());
    }

    #[test]
    fn logins_give_their_address_and_device_however_the_keys_are_spaced() {
        let text = "Date: 2024-11-20 15:21:12 UTC\nIP: 192.0.2.7\nDevice Model: iPhone14,4\nDevice System: iOS 17.6.1\nNetwork Type: Wi-Fi\n\nDate: 2024-11-21 08:00:00 UTC\nIP: N/A\nDeviceModel: Pixel 8\nDeviceSystem: Android 14\n";
        let (out, error) = collect(&LOGINS, text.as_bytes());
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                (
                    Some(1_732_116_072),
                    Some("192.0.2.7".to_owned()),
                    Some("iPhone14,4 (iOS)".to_owned())
                ),
                (
                    Some(1_732_176_000),
                    None,
                    Some("Pixel 8 (Android)".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn followers_are_dated_relations_and_names_are_not_kept() {
        let followers = TikTokText {
            list: TextList::Followers,
        };
        let text = "Date: 2023-01-02 03:04:05 UTC\nUsername: marie.dupont\n\nDate: 2024-05-06 07:08:09 UTC\nUsername: paul\n";
        assert!(followers
            .detect("Profile/Follower.txt", text.as_bytes())
            .is_some());
        assert!(followers
            .detect("Profile/Following.txt", text.as_bytes())
            .is_none());
        let (out, error) = collect(&followers, text.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.contacts.len(), 2);
        assert!(out
            .contacts
            .iter()
            .all(|(r, at)| *r == Relation::Follower && at.is_some()));
    }

    #[test]
    fn a_cut_file_says_so_when_it_can_and_a_file_without_dates_is_not_this() {
        let (out, error) = collect(
            &ACTIONS,
            b"Date: 2024-11-20 15:21:12 UTC\nLink: x\n\nDate: 2024-11-2",
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active.len(), 1);
        let (_, error) = collect(&ACTIONS, b"Date: 2024-11-20 15:21:12 UTC\nLink:");
        assert_eq!(error, Some(ErrorKind::Truncated));
        let (_, error) = collect(&ACTIONS, b"Hello\nworld\n");
        assert_eq!(error, Some(ErrorKind::WrongType));
        // Another app's list of the same name is not TikTok's.
        assert!(ACTIONS
            .detect("Search History.txt", b"query: cats\n")
            .is_none());
    }

    const MESSAGES: TikTokText = TikTokText {
        list: TextList::Messages,
    };

    #[test]
    fn comments_are_actions_and_their_text_is_not_kept() {
        let text = "Date: 2024-09-13 01:10:49 UTC\nComment: premier !\nPhoto: N/A\nUrl: https://www.tiktokv.com/share/video/1/\n\nDate: 2024-09-12 22:41:56 UTC\nComment: la recette svp ?\nPhoto: N/A\nUrl: N/A\n";
        assert!(ACTIONS
            .detect("TikTok/Comments/Comments.txt", text.as_bytes())
            .is_some());
        let (out, error) = collect(&ACTIONS, text.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-09-13 01:10:49' +%s → 1726189849; '2024-09-12 22:41:56' → 1726180916
        assert_eq!(out.active, [1_726_189_849, 1_726_180_916]);
        assert!(!format!("{out:?}").contains("recette"));
    }

    #[test]
    fn each_line_of_a_conversation_is_one_message_and_the_person_is_told_by_one_to_one_chats() {
        let text = "\u{feff}>>> Chat History with julien_b::\n\
            2024-10-20 17:45:00 UTC lea.mrtn: coucou\n\
            2024-10-20 11:23:00 UTC julien_b: https://www.tiktokv.com/share/video/7/\n\
            2024-10-20 04:56:00 UTC lea.mrtn: et toi : tu viens ?\n\
            2 billets\n\
            \n\
            >>> Chat History with sophie::\n\
            2024-10-14 18:19:00 UTC sophie: mdr\n\
            2024-10-14 18:00:00 UTC lea.mrtn:\n\
            >>> Chat History with theo::\n\
            2024-10-13 13:04:00 UTC marius: salut\n";
        assert!(MESSAGES
            .detect(
                "TikTok/Direct Messages/Direct Messages.txt",
                text.as_bytes()
            )
            .is_some());
        // Another list's name, or the JSON export's shape, is not this.
        assert!(MESSAGES.detect("Comments.txt", text.as_bytes()).is_none());
        assert!(ACTIONS
            .detect("Direct Messages.txt", text.as_bytes())
            .is_none());
        let (out, error) = collect(&MESSAGES, text.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-10-20 17:45:00' +%s → 1729446300; the minutes before each message by
        // Python's datetime.
        let at = |minutes_before: i64| Some(1_729_446_300 - minutes_before * 60);
        assert_eq!(
            out.messages,
            [
                ("julien_b".to_owned(), Some(false), at(382)),
                ("julien_b".to_owned(), Some(true), at(0)),
                ("julien_b".to_owned(), Some(true), at(769)),
                ("sophie".to_owned(), Some(false), at(8606)),
                ("sophie".to_owned(), Some(true), at(8625)),
                // Neither the other party nor the person: someone else in a group.
                ("theo".to_owned(), Some(false), at(10361)),
            ]
        );
        let all = format!("{out:?}");
        assert!(!all.contains("coucou") && !all.contains("tiktokv") && !all.contains("billets"));
    }

    #[test]
    fn a_cut_conversation_keeps_its_messages_and_says_so() {
        let whole = ">>> Chat History with ann::\n2024-10-20 17:45:00 UTC ann: hi\n2024-10-20 17:40:00 UTC me: yo\n";
        for (cut, messages) in [(whole.len() - 20, 1), (40, 0), (22, 0)] {
            let (out, error) = collect(&MESSAGES, &whole.as_bytes()[..cut]);
            assert_eq!(error, Some(ErrorKind::Truncated), "{cut}");
            assert_eq!(out.messages.len(), messages, "{cut}");
        }
        // Cut within a message's text: it cannot be told, the message is read.
        let (out, error) = collect(&MESSAGES, &whole.as_bytes()[..whole.len() - 2]);
        assert_eq!(error, None);
        assert_eq!(out.messages.len(), 2);
        // Without a conversation, it is not this file.
        for other in [
            &b"Date: 2024-10-20 17:45:00 UTC\nLink: x\n"[..],
            b"",
            b"\x89PNG",
        ] {
            assert!(collect(&MESSAGES, other).1.is_some());
        }
        assert_eq!(
            collect(&MESSAGES, b"2024-10-20 17:45:00 UTC ann: hi\n").1,
            Some(ErrorKind::WrongType)
        );
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        let (out, error) = collect(&ACTIONS, &fixture("tiktok.txt_activity", "Comments.txt"));
        assert_eq!((out.active.len(), error), (23, None));
        let (out, error) = collect(
            &MESSAGES,
            &fixture("tiktok.txt_messages", "Direct Messages.txt"),
        );
        assert_eq!(error, None);
        assert_eq!(out.messages.len(), 32);
        let sent = out.messages.iter().filter(|m| m.1 == Some(true)).count();
        assert_eq!(sent, 14);
    }
}
