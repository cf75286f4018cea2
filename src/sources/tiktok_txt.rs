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
//! Dates are UTC, `YYYY-MM-DD HH:MM:SS` with or without ` UTC`. A text file cut off cannot always
//! be told from a whole one: a last line without its line break that is a `Key:` with no value,
//! or a `Date:` that is no date, says the file was cut. Lines longer than 64 KB are skipped.
//!
//! [`SocialSink::active`]: crate::model::social::SocialSink::active

use std::io::{BufRead, BufReader, Read};

use super::meta::file_name;
use super::tiktok::{date, device, guide};
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
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    String::from_utf8_lossy(head)
        .lines()
        .take(40)
        .any(|line| field(line).is_some_and(|(key, value)| key == "date" && date(value).is_some()))
}

impl Source for TikTokText {
    fn id(&self) -> &'static str {
        match self.list {
            TextList::Actions => "tiktok.txt_activity",
            TextList::Logins => "tiktok.txt_logins",
            TextList::Followers => "tiktok.txt_followers",
            TextList::Following => "tiktok.txt_following",
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
        }
    }

    fn guide(&self, lang: Lang) -> &'static str {
        guide(lang)
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::TikTok)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = file_name(path);
        (names(self.list).contains(&name.as_str()) && dated(head)).then_some(Claim {
            source: self.id(),
            confidence: 85,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut reader = BufReader::new(reader);
        let mut line = Vec::new();
        let mut block = Block::default();
        let mut blocks = 0_u64;
        let mut first = true;
        let mut cut = false;
        loop {
            line.clear();
            let read = match (&mut reader)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut line)
            {
                Ok(0) => break,
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
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                first = false;
            }
            let text = String::from_utf8_lossy(bytes);
            let Some((key, value)) = field(text.trim_end_matches(['\r', '\n'])) else {
                continue;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

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
}
