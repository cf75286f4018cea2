//! Snapchat's friends: `json/friends.json` in the "My Data" archive (see [`super::snapchat`]).
//!
//! Shape (formats.md section 4): an object of lists, `"Friends"`, `"Friend Requests Sent"`,
//! `"Blocked Users"`, `"Deleted Friends"`, `"Hidden Friend Suggestions"`, `"Ignored
//! Snapchatters"`, `"Pending Requests"` (and `"Shortcuts"`), each entry `{"Username", "Display
//! Name", "Creation Timestamp": "2024-09-09 00:40:41 UTC" (older `2021/09/02 …`), "Last Modified
//! Timestamp", "Source"}`.
//!
//! Read: each entry of `"Friends"` is a friend, dated by its `Creation Timestamp` (when the
//! friendship began). Not read: the other lists (requests, blocked, deleted, ignored people are
//! not the person's network), and every username and display name, never kept.
//! No real sample was available: the fixtures in `tests/fixtures/snapchat.friends/` were written
//! from formats.md.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};

use super::meta::read_document;
use super::snapchat::{has_key, object_head, Records};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Platform, Relation};
use crate::model::Sink;

pub struct SnapchatFriends;

const FRIENDS: &str = "Friends";
/// The file's other lists, skipped.
const OTHER_KEYS: [&str; 7] = [
    "Friend Requests Sent",
    "Blocked Users",
    "Deleted Friends",
    "Hidden Friend Suggestions",
    "Ignored Snapchatters",
    "Pending Requests",
    "Shortcuts",
];

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Snapchat's friends.json")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == FRIENDS {
                known = true;
                map.next_value_seed(Records {
                    keys: &["Creation Timestamp"],
                    strict: true,
                    each: &mut |record| {
                        out.contact(Relation::Friend, record.time("Creation Timestamp"));
                    },
                })?;
            } else {
                known |= OTHER_KEYS.contains(&key.as_str());
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for SnapchatFriends {
    fn id(&self) -> &'static str {
        "snapchat.friends"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Snapchat, amis",
            Lang::En => "Snapchat friends",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SNAPCHAT
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Snapchat)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let head = object_head(head)?;
        let own = ["Creation Timestamp", "Last Modified Timestamp"]
            .iter()
            .chain(&OTHER_KEYS)
            .any(|k| has_key(head, k));
        (has_key(head, FRIENDS) && own).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn friends_only_dated_by_their_creation() {
        let doc = br#"{
            "Friends": [
                {"Username": "tom", "Display Name": "Tom", "Creation Timestamp": "2024-09-09 00:40:41 UTC", "Last Modified Timestamp": "2024-09-10 00:00:00 UTC", "Source": "Added by Search"},
                {"Username": "ana", "Display Name": "Ana", "Creation Timestamp": "2016/03/04 10:00:00 UTC"},
                {"Username": "x", "Creation Timestamp": ""},
                "odd"
            ],
            "Deleted Friends": [{"Username": "old", "Creation Timestamp": "2020-01-01 00:00:00 UTC"}],
            "Blocked Users": [{"Username": "bad", "Creation Timestamp": "2020-01-01 00:00:00 UTC"}]
        }"#;
        let (out, error) = collect(&SnapchatFriends, doc);
        assert_eq!(error, None);
        // date -ud '2024-09-09 00:40:41' +%s → 1725842441; date -ud '2016-03-04 10:00:00' +%s →
        // 1457085600
        assert_eq!(
            out.contacts,
            [
                (Relation::Friend, Some(1_725_842_441)),
                (Relation::Friend, Some(1_457_085_600)),
                (Relation::Friend, None),
            ]
        );
        assert!(out.messages.is_empty() && out.inferred.is_empty());
    }

    #[test]
    fn detection_wants_snapchat_s_keys() {
        let friends = br#"{"Friends": [{"Username": "tom", "Creation Timestamp": "2024-09-09 00:40:41 UTC"}]}"#;
        assert!(SnapchatFriends
            .detect("json/friends.json", friends)
            .is_some());
        let empty = br#"{"Friends": [], "Friend Requests Sent": [], "Blocked Users": []}"#;
        assert!(SnapchatFriends.detect("json/friends.json", empty).is_some());
        assert!(SnapchatFriends
            .detect("friends.json", br#"{"Friends": ["a", "b"]}"#)
            .is_none());
        assert!(SnapchatFriends
            .detect("friends.json", br#"{"friends_v2": []}"#)
            .is_none());
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc =
            br#"{"Friends": [{"Creation Timestamp": "2024-09-09 00:40:41 UTC"}, {"Creation Ti"#;
        let (out, error) = collect(&SnapchatFriends, doc);
        assert_eq!((out.contacts.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&SnapchatFriends, br#"{"friends_v2": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&SnapchatFriends, br#"{"Friends": "many"}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }
}
