//! Snapchat's chats and snaps: `json/chat_history.json` and `json/snap_history.json` in the "My
//! Data" archive (see [`super::snapchat`]). Two sources, one reader: the files share their shapes.
//!
//! Shapes (formats.md section 4):
//! - until 2022, lists by direction: `"Received Saved Chat History"`, `"Sent Saved Chat
//!   History"`, `"Received Unsaved Chat History"`, `"Sent Unsaved Chat History"` (chats) and
//!   `"Received Snap History"`, `"Sent Snap History"` (snaps), each entry `{"From"` (received) or
//!   `"To"` (sent)`, "Media Type", "Created": "2022-07-22 19:28:21 UTC"` (or `2021/09/02 …`)`,
//!   "Text"}` (chats);
//! - 2023+, lists by conversation: `{"<conversation>": [{"From", "Media Type", "Created",
//!   "Created(microseconds)", "Content", "Conversation Title", "IsSender", "IsSaved", "Media
//!   IDs"}]}`; the key is the friend's username for a one-to-one chat, an id for a group, whose
//!   name is the `"Conversation Title"` (null otherwise). Snaps have no `Content`, `IsSaved` or
//!   `Media IDs`. `Created(microseconds)` holds milliseconds in some exports.
//!
//! Read: each entry is a message of its conversation (the other person's username, or the
//! group's title), sent by the person or not (the list's direction, or `IsSender`), at its
//! `Created` time (or `Created(microseconds)`). A snap is a message too: it is sent to someone
//! in a conversation, and the sent ones mark when the person was active, as sent chats do.
//! Entries whose `Media Type` starts with `STATUS` (a message erased, a participant removed, a
//! save to the camera roll) are notices, not messages: skipped. Never read: `Content` and `Text`
//! (the messages themselves), skipped unread, and the media ids. Chat files can reach tens of
//! MB: they are streamed.
//!
//! Detection: the older lists' names; for the newer shape, entries with `IsSender`, `Media Type`
//! and `Created`, a chat or a snap by the file's name (`chat_history…`, `snap_history…`) or else
//! by `Content`, `IsSaved` or `Media IDs` (chats only); under either name, the first entry's
//! `From`, `Media Type` and `Created` alone (80). No real sample was available: the fixtures in
//! `tests/fixtures/snapchat.chat_history/` and `snapchat.snap_history/` were written from
//! formats.md.

use std::fmt;
use std::io::Read;

use serde::de::{MapAccess, Visitor};

use super::meta::read_document;
use super::snapchat::{epoch_seconds, file_name, has_key, object_head, Record, Records};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// Chats (`chat_history.json`) or snaps (`snap_history.json`).
pub struct SnapchatMessages {
    pub snaps: bool,
}

/// The lists of the older shape: chats, received then sent.
const CHATS_RECEIVED: [&str; 2] = [
    "Received Saved Chat History",
    "Received Unsaved Chat History",
];
const CHATS_SENT: [&str; 2] = ["Sent Saved Chat History", "Sent Unsaved Chat History"];
const SNAPS_RECEIVED: &str = "Received Snap History";
const SNAPS_SENT: &str = "Sent Snap History";

const FIELDS: &[&str] = &[
    "From",
    "To",
    "Media Type",
    "Created",
    "Created(microseconds)",
    "Conversation Title",
    "IsSender",
];

/// The time of an entry, epoch seconds.
fn time(record: &Record) -> Option<i64> {
    record
        .time("Created")
        .or_else(|| record.get("Created(microseconds)").and_then(epoch_seconds))
}

/// A notice rather than a message (`STATUSERASEDMESSAGE`…).
fn notice(record: &Record) -> bool {
    record
        .text("Media Type")
        .is_some_and(|t| t.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("status")))
}

/// Whether a record of the 2023+ shape is a message at all.
fn message_like(record: &Record) -> bool {
    record.has("Created") || record.has("IsSender") || record.has("Created(microseconds)")
}

/// The whole file; it says whether it held messages (a list of the older shape, or an entry
/// of the newer).
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Snapchat's chat or snap history")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            let key = key.as_str();
            let received = CHATS_RECEIVED.contains(&key) || key == SNAPS_RECEIVED;
            let sent = CHATS_SENT.contains(&key) || key == SNAPS_SENT;
            if received || sent {
                // Older: the other person is `From` (received) or `To` (sent).
                known = true;
                let (first, second) = if sent { ("To", "From") } else { ("From", "To") };
                map.next_value_seed(Records {
                    keys: FIELDS,
                    strict: true,
                    each: &mut |record| {
                        if notice(&record) {
                            return;
                        }
                        let other = record.text(first).or_else(|| record.text(second));
                        out.message(other.unwrap_or(""), Some(sent), time(&record));
                    },
                })?;
            } else {
                // Newer: the key is the conversation.
                map.next_value_seed(Records {
                    keys: FIELDS,
                    strict: false,
                    each: &mut |record| {
                        if !message_like(&record) {
                            return;
                        }
                        known = true;
                        if notice(&record) {
                            return;
                        }
                        let name = record.text("Conversation Title").unwrap_or(key);
                        out.message(name, record.flag("IsSender"), time(&record));
                    },
                })?;
            }
        }
        Ok(known)
    }
}

impl SnapchatMessages {
    /// Which of the two files a head is, if either, and how sure: the older shape by its list
    /// names; the newer by its entries' keys (`IsSender`), told apart by the file's name or,
    /// without it, by the fields only chats have; and, under either file's name, by the first
    /// entry's leading keys alone (a first message longer than the head hides the rest).
    fn claim_in(path: &str, head: &[u8]) -> Option<(bool, u8)> {
        let head = object_head(head)?;
        if CHATS_RECEIVED
            .iter()
            .chain(&CHATS_SENT)
            .any(|k| has_key(head, k))
        {
            return Some((false, 90));
        }
        if has_key(head, SNAPS_RECEIVED) || has_key(head, SNAPS_SENT) {
            return Some((true, 90));
        }
        let name = file_name(path);
        let named = if name.starts_with("snap_history") {
            Some(true)
        } else if name.starts_with("chat_history") {
            Some(false)
        } else {
            None
        };
        let entry = has_key(head, "Media Type")
            && (has_key(head, "Created") || has_key(head, "Created(microseconds)"));
        if entry && has_key(head, "IsSender") {
            let snaps = named.unwrap_or_else(|| {
                !["IsSaved", "Content", "Media IDs"]
                    .iter()
                    .any(|k| has_key(head, k))
            });
            Some((snaps, 90))
        } else if entry && has_key(head, "From") {
            named.map(|snaps| (snaps, 80))
        } else {
            None
        }
    }
}

impl Source for SnapchatMessages {
    fn id(&self) -> &'static str {
        if self.snaps {
            "snapchat.snap_history"
        } else {
            "snapchat.chat_history"
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.snaps, lang) {
            (false, Lang::Fr) => "Snapchat, historique des discussions",
            (false, Lang::En) => "Snapchat chat history",
            (true, Lang::Fr) => "Snapchat, historique des snaps",
            (true, Lang::En) => "Snapchat snap history",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SNAPCHAT
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Snapchat)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let (snaps, confidence) = Self::claim_in(path, head)?;
        (snaps == self.snaps).then_some(Claim {
            source: self.id(),
            confidence,
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

    const CHATS: SnapchatMessages = SnapchatMessages { snaps: false };
    const SNAPS: SnapchatMessages = SnapchatMessages { snaps: true };

    type Messages = Vec<(String, Option<bool>, Option<i64>)>;

    fn messages(doc: &[u8]) -> Messages {
        let (out, error) = collect(&CHATS, doc);
        assert_eq!(error, None);
        out.messages
    }

    #[test]
    fn the_older_shape_by_direction() {
        let doc = br#"{
            "Received Saved Chat History": [
                {"From": "tom", "Media Type": "TEXT", "Created": "2022-07-22 19:28:21 UTC", "Text": "secret"},
                {"From": "ana", "Media Type": "MEDIA", "Created": "2021/09/02 20:37:47 UTC", "Text": null}
            ],
            "Sent Saved Chat History": [
                {"To": "tom", "Media Type": "TEXT", "Created": "2022-07-22 19:30:00 UTC", "Text": "hello"}
            ],
            "Received Unsaved Chat History": [],
            "Sent Unsaved Chat History": [
                {"To": "ana", "Media Type": "STATUSERASEDMESSAGE", "Created": "2022-07-22 19:31:00 UTC"},
                {"Media Type": "TEXT", "Created": "never"}
            ]
        }"#;
        // date -ud '2022-07-22 19:28:21' +%s → 1658518101; date -ud '2021-09-02 20:37:47' +%s →
        // 1630615067
        assert_eq!(
            messages(doc),
            [
                ("tom".into(), Some(false), Some(1_658_518_101)),
                ("ana".into(), Some(false), Some(1_630_615_067)),
                ("tom".into(), Some(true), Some(1_658_518_200)),
                (String::new(), Some(true), None),
            ]
        );
    }

    #[test]
    fn the_newer_shape_by_conversation() {
        let doc = br#"{
            "tom": [
                {"From": "tom", "Media Type": "TEXT", "Created": "2024-04-20 01:29:22 UTC", "Content": "secret", "Conversation Title": null, "IsSender": false, "Created(microseconds)": 1713576562686, "IsSaved": true, "Media IDs": ""},
                {"From": "me", "Media Type": "MEDIA", "Created": "", "Content": "", "Conversation Title": null, "IsSender": true, "Created(microseconds)": 1713576600000000, "IsSaved": false}
            ],
            "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b": [
                {"From": "ana", "Media Type": "TEXT", "Created": "2024-04-21 10:00:00 UTC", "Content": "x", "Conversation Title": "Climbing", "IsSender": false},
                {"From": "ana", "Media Type": "STATUSPARTICIPANTREMOVED", "Created": "2024-04-21 10:01:00 UTC", "Conversation Title": "Climbing", "IsSender": false}
            ],
            "note": "not a conversation"
        }"#;
        // date -ud '2024-04-20 01:29:22' +%s → 1713576562; 1713576600000000 µs → 1713576600;
        // date -ud '2024-04-21 10:00:00' +%s → 1713693600
        assert_eq!(
            messages(doc),
            [
                ("tom".into(), Some(false), Some(1_713_576_562)),
                ("tom".into(), Some(true), Some(1_713_576_600)),
                ("Climbing".into(), Some(false), Some(1_713_693_600)),
            ]
        );
    }

    #[test]
    fn snaps_in_both_shapes() {
        let older = br#"{"Received Snap History": [{"From": "tom", "Media Type": "IMAGE", "Created": "2022-07-22 19:28:21 UTC"}],
            "Sent Snap History": [{"To": "ana", "Media Type": "VIDEO", "Created": "2022-07-22 19:29:21 UTC"}]}"#;
        let (out, error) = collect(&SNAPS, older);
        assert_eq!(error, None);
        assert_eq!(
            out.messages,
            [
                ("tom".into(), Some(false), Some(1_658_518_101)),
                ("ana".into(), Some(true), Some(1_658_518_161)),
            ]
        );
        let newer = br#"{"tom": [{"From": "me", "Media Type": "IMAGE", "Created": "2024-06-13 16:42:26 UTC", "Conversation Title": null, "IsSender": true, "Created(microseconds)": 1718296946482}]}"#;
        assert!(SNAPS.detect("json/snap_history.json", newer).is_some());
        assert!(SNAPS.detect("x.json", newer).is_some());
        assert!(CHATS.detect("x.json", newer).is_none());
        // Named chat_history, it is the chats', whatever its first entries hold.
        assert!(CHATS.detect("json/chat_history.json", newer).is_some());
        assert!(SNAPS.detect("json/chat_history.json", newer).is_none());
        assert!(SNAPS.detect("x.json", older).is_some());
        assert!(CHATS.detect("x.json", older).is_none());
    }

    #[test]
    fn detection_wants_snapchat_s_keys() {
        let chats = br#"{"tom": [{"From": "tom", "Media Type": "TEXT", "Created": "2024-04-20 01:29:22 UTC", "Content": "", "IsSender": false, "IsSaved": true}]}"#;
        assert!(CHATS.detect("x.json", chats).is_some());
        assert!(SNAPS.detect("x.json", chats).is_none());
        assert!(CHATS
            .detect("x.json", br#"{"Received Saved Chat History": []}"#)
            .is_some());
        assert!(CHATS
            .detect("x.json", br#"{"messages": [{"sender_name": "a"}]}"#)
            .is_none());
        assert!(CHATS.detect("x.json", br#"[{"IsSender": true}]"#).is_none());
        // A first message longer than the head: its leading keys, under the file's own name.
        let long = br#"{"tom": [{"From": "tom", "Media Type": "TEXT", "Created": "2024-04-20 01:29:22 UTC", "Content": "aaaa"#;
        assert_eq!(
            CHATS
                .detect("json/chat_history.json", long)
                .map(|c| c.confidence),
            Some(80)
        );
        assert!(CHATS.detect("x.json", long).is_none());
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc = br#"{"tom": [{"Created": "2024-04-20 01:29:22 UTC", "IsSender": true}, {"Created": "2024-04"#;
        let (out, error) = collect(&CHATS, doc);
        assert_eq!((out.messages.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&CHATS, br#"{"tom": [1, 2], "ana": {"a": 1}}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&CHATS, br#"{"Sent Saved Chat History": 3}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }
}
