//! Facebook's (Messenger) and Instagram's messages: how many in each conversation, when, and
//! who sent them. What messages say is never read: not their text, links, photos or reactions.
//!
//! Where from: the JSON export (see `guides::meta`), one file per conversation (and per
//! 10,000 messages): `messages/{inbox,archived_threads,filtered_threads,message_requests,
//! e2ee_cutover}/<thread>/message_N.json` (Facebook under `your_activity_across_facebook/` or
//! `your_facebook_activity/` since 2022; Instagram under `your_instagram_activity/` since
//! 2024).
//!
//! Shape (formats.md sections 2 and 3): `{"participants": [{"name": "…"}], "messages":
//! [{"sender_name": "…", "timestamp_ms": 1552735961366, "content": "…", …}], "title": "…",
//! "is_still_participant": true, "thread_path": "…", …}`, names in mojibake, messages newest
//! first. Messenger's end-to-end encrypted download writes `{"participants": ["…"],
//! "threadName": "…", "messages": [{"senderName", "timestamp" (ms), "text", …}]}`, in proper
//! UTF-8: it is read the same way.
//!
//! The conversation is named by its `title` (repaired), else its participants joined. Meta
//! writes the title after the messages, so each message waits for it as two numbers (its time
//! and the rank of its sender), up to [`MAX_WAITING`] messages, far more than the 10,000 a file
//! holds; past that bound, or when the file is cut before the title, the messages are handed over
//! under the participants' names. Whether the person sent a message is told only in a
//! conversation of two whose title is one of them (Meta titles a one-to-one conversation with
//! the other person's name): the person is the other participant; elsewhere it is not told.
//!
//! Detection reads the keys (`participants`, `messages`, `sender_name`, `timestamp_ms`) and the
//! folders; Facebook and Instagram write the same files, so a conversation is Instagram's only
//! when its folders say so (`your_instagram_activity/`, or the archive's `instagram-…` folder):
//! a thread of an older Instagram export, taken out of its archive, reads as Facebook's.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, Each};
use crate::model::social::Platform;
use crate::model::Sink;

/// Messages, for one platform.
pub struct MetaMessages {
    pub platform: Meta,
}

/// Messages held until the conversation's title comes.
pub const MAX_WAITING: usize = 100_000;
/// Participants and distinct senders kept by name (a group's first ones).
const MAX_NAMES: usize = 256;
/// Folders of conversations.
const FOLDERS: [&str; 5] = [
    "inbox",
    "archived_threads",
    "filtered_threads",
    "message_requests",
    "e2ee_cutover",
];

/// One message: who sent it and when, nothing else.
#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    sender_name: Option<String>,
    #[serde(default, rename = "senderName")]
    sender: Option<String>,
    #[serde(default)]
    timestamp_ms: Option<Value>,
    #[serde(default)]
    timestamp: Option<Value>,
}

/// What a conversation's file has said so far.
#[derive(Default)]
struct Thread {
    participants: Vec<String>,
    title: Option<String>,
    /// Distinct senders, repaired, in order of appearance.
    senders: Vec<String>,
    /// Messages waiting for the title: time (epoch seconds) and rank in `senders`.
    waiting: Vec<(Option<i64>, Option<usize>)>,
    /// The name messages are handed over under once the bound is passed.
    streaming: Option<String>,
    /// Whether the `messages` key was met.
    known: bool,
}

impl Thread {
    /// The participants' names joined: the name of a conversation without a title.
    fn participants_name(&self) -> String {
        self.participants.join(", ")
    }

    /// The rank of a sender in `senders`, added if new (up to a bound).
    fn sender(&mut self, name: Option<&str>) -> Option<usize> {
        let name = meta::text(name?.trim());
        if let Some(rank) = self.senders.iter().position(|s| *s == name) {
            return Some(rank);
        }
        if self.senders.len() >= MAX_NAMES {
            return None;
        }
        self.senders.push(name);
        Some(self.senders.len() - 1)
    }

    /// One message, handed over now if the bound was passed, else held.
    fn message(&mut self, message: &Message, out: &mut dyn Sink) {
        let ms = message
            .timestamp_ms
            .as_ref()
            .or(message.timestamp.as_ref())
            .and_then(meta::seconds);
        let at = ms.map(|ms| ms.div_euclid(1000));
        let sender = message.sender_name.as_deref().or(message.sender.as_deref());
        if let Some(name) = &self.streaming {
            out.message(name, None, at);
            return;
        }
        let rank = self.sender(sender);
        if self.waiting.len() < MAX_WAITING {
            self.waiting.push((at, rank));
        } else {
            // Too many to wait for the title: the participants name them from now on.
            let name = self.participants_name();
            for (at, _) in self.waiting.drain(..) {
                out.message(&name, None, at);
            }
            out.message(&name, None, at);
            self.streaming = Some(name);
        }
    }

    /// Hands over the messages still waiting, under the title if it came.
    fn flush(&mut self, out: &mut dyn Sink) {
        let title = self.title.clone().filter(|t| !t.trim().is_empty());
        // The person, when the conversation is two people and its title is the other one.
        let owner = match (&title, self.participants.as_slice()) {
            (Some(title), [a, b]) if a != b && (a == title || b == title) => {
                Some(if a == title { b } else { a })
            }
            _ => None,
        };
        let name = title.clone().unwrap_or_else(|| self.participants_name());
        for (at, rank) in self.waiting.drain(..) {
            let sender = rank.and_then(|rank| self.senders.get(rank));
            let sent = owner.zip(sender).map(|(owner, sender)| owner == sender);
            out.message(&name, sent, at);
        }
    }
}

/// The whole file.
struct Document<'a> {
    out: &'a mut dyn Sink,
    thread: &'a mut Thread,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Meta conversation")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Document { out, thread } = self;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "participants" => map.next_value_seed(Each {
                    each: &mut |participant: Value| {
                        let name = participant
                            .get("name")
                            .and_then(Value::as_str)
                            .or(participant.as_str());
                        if let Some(name) = name {
                            if thread.participants.len() < MAX_NAMES {
                                thread.participants.push(meta::text(name.trim()));
                            }
                        }
                    },
                    nullable: true,
                })?,
                "messages" => {
                    thread.known = true;
                    map.next_value_seed(Each {
                        each: &mut |message: Message| thread.message(&message, &mut *out),
                        nullable: true,
                    })?;
                }
                "title" | "threadName" => {
                    let title: Option<String> = map.next_value()?;
                    thread.title = title.map(|t| meta::text(t.trim()));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Whether a path is a conversation's file: `messages/<folder>/<thread>/message_N.json`.
fn is_thread_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let parts: Vec<&str> = lower.rsplit(['/', '\\']).take(4).collect();
    let [file, _thread, folder, messages] = parts.as_slice() else {
        return false;
    };
    *messages == "messages"
        && FOLDERS.contains(folder)
        && file
            .strip_prefix("message_")
            .and_then(|n| n.strip_suffix(".json"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Source for MetaMessages {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.messages",
            Meta::Instagram => "instagram.messages",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook Messenger, conversations",
            (Meta::Facebook, Lang::En) => "Facebook Messenger conversations",
            (Meta::Instagram, Lang::Fr) => "Instagram, messages privés",
            (Meta::Instagram, Lang::En) => "Instagram direct messages",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        super::guides::meta(self.platform)
    }

    fn social(&self) -> Option<Platform> {
        Some(self.platform.platform())
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let participants = meta::has_key(head, "participants");
        let strong = participants
            && meta::has_key(head, "messages")
            && ["sender_name", "timestamp_ms", "senderName", "threadName"]
                .iter()
                .any(|k| meta::has_key(head, k));
        // A group's long list of participants may push its messages past the first bytes.
        let weak = participants && is_thread_path(path);
        meta::claim((self.id(), self.platform), path, head, strong, weak)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut thread = Thread::default();
        let result = visit_object(
            reader,
            Document {
                out: &mut *out,
                thread: &mut thread,
            },
        );
        // What came before a cut is handed over too.
        thread.flush(out);
        match result {
            Ok(()) if thread.known => None,
            Ok(()) => Some(ErrorKind::WrongType),
            Err(e) => Some(e.kind()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const FACEBOOK: MetaMessages = MetaMessages {
        platform: Meta::Facebook,
    };

    type Messages = Vec<(String, Option<bool>, Option<i64>)>;

    fn message(name: &str, sent: Option<bool>, at: i64) -> (String, Option<bool>, Option<i64>) {
        (name.to_owned(), sent, Some(at))
    }

    #[test]
    fn a_one_to_one_conversation_is_named_by_its_title_and_tells_who_sent() {
        let doc = br#"{"participants": [{"name": "Fran\u00c3\u00a7ois"}, {"name": "L\u00c3\u00a9a"}],
            "messages": [
                {"sender_name": "L\u00c3\u00a9a", "timestamp_ms": 1700000002000, "content": "Salut \u00f0\u009f\u0091\u008b"},
                {"sender_name": "Fran\u00c3\u00a7ois", "timestamp_ms": 1700000001999, "photos": [{"uri": "x.jpg"}]}],
            "title": "Fran\u00c3\u00a7ois", "is_still_participant": true, "thread_path": "inbox/francois_123"}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.messages,
            [
                message("François", Some(true), 1_700_000_002),
                message("François", Some(false), 1_700_000_001),
            ]
        );
    }

    #[test]
    fn in_a_conversation_of_two_the_other_person_s_messages_are_not_the_person_s() {
        let doc = br#"{"participants": [{"name": "A"}, {"name": "B"}],
            "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000}, {"timestamp_ms": 1700000001000}], "title": "A"}"#;
        let (out, _) = collect(&FACEBOOK, doc);
        assert_eq!(
            out.messages,
            [
                message("A", Some(false), 1_700_000_000),
                message("A", None, 1_700_000_001)
            ]
        );
    }

    #[test]
    fn a_group_says_nothing_of_who_sent_and_a_missing_title_is_its_participants() {
        let doc = br#"{"participants": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
            "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000}], "title": "Les copains"}"#;
        let (out, _) = collect(&FACEBOOK, doc);
        assert_eq!(out.messages, [message("Les copains", None, 1_700_000_000)]);
        let doc = br#"{"participants": [{"name": "A"}, {"name": "B"}],
            "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000}]}"#;
        let (out, _) = collect(&FACEBOOK, doc);
        assert_eq!(out.messages, [message("A, B", None, 1_700_000_000)]);
    }

    #[test]
    fn messenger_s_encrypted_download_is_read_the_same_way() {
        let doc = r#"{"participants": ["Zoé Lefèvre", "Jérôme"], "threadName": "Zoé Lefèvre",
            "messages": [{"isUnsent": false, "senderName": "Jérôme", "text": "…", "timestamp": 1710000000000, "type": "text"}]}"#;
        let (out, error) = collect(&FACEBOOK, doc.as_bytes());
        assert_eq!(error, None);
        assert_eq!(
            out.messages,
            [message("Zoé Lefèvre", Some(true), 1_710_000_000)]
        );
    }

    #[test]
    fn a_cut_file_hands_over_its_messages_under_the_participants() {
        let doc = br#"{"participants": [{"name": "A"}, {"name": "B"}], "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000}, {"sender_na"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.messages, [message("A, B", None, 1_700_000_000)]);
        let (_, error) = collect(&FACEBOOK, br#"{"participants": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
    }

    #[test]
    fn past_the_bound_messages_are_handed_over_as_they_come() {
        let mut doc =
            String::from(r#"{"participants": [{"name": "A"}, {"name": "B"}], "messages": ["#);
        for i in 0..=MAX_WAITING {
            if i > 0 {
                doc.push(',');
            }
            doc.push_str(r#"{"sender_name": "A", "timestamp_ms": 1700000000000}"#);
        }
        doc.push_str(r#"], "title": "B"}"#);
        let (out, error) = collect(&FACEBOOK, doc.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.messages.len(), MAX_WAITING + 1);
        assert!(out
            .messages
            .iter()
            .all(|(name, sent, _)| name == "A, B" && sent.is_none()));
    }

    #[test]
    fn detection_reads_the_keys_the_folders_and_the_platform() {
        let head = br#"{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}"#;
        let instagram = MetaMessages {
            platform: Meta::Instagram,
        };
        let ig = "your_instagram_activity/messages/inbox/a_123/message_1.json";
        assert!(instagram.detect(ig, head).is_some());
        assert!(FACEBOOK.detect(ig, head).is_none());
        let fb = "your_facebook_activity/messages/inbox/a_123/message_1.json";
        assert!(FACEBOOK.detect(fb, head).is_some());
        assert!(instagram.detect(fb, head).is_none());
        // A long list of participants: the folders tell.
        let group = br#"{"participants": [{"name": "A"}, {"name": "B"}"#;
        assert!(FACEBOOK.detect(fb, group).is_some());
        assert!(FACEBOOK.detect("message_1.json", group).is_none());
        assert!(is_thread_path(
            "messages/archived_threads/x_1/message_12.json"
        ));
        assert!(!is_thread_path("messages/inbox/x_1/message_.json"));
        assert!(!is_thread_path("messages/photos/x_1/message_1.json"));
    }

    #[test]
    fn the_generated_facebook_fixtures_are_read() {
        let cases: [(&str, &str, usize, Option<usize>); 3] = [
            ("message_1.json", "François Dupré", 14, Some(6)),
            (
                "group_message_1.json",
                "Rando Vercors \u{1f3d4}\u{fe0f}",
                10,
                None,
            ),
            ("zoe_lefevre_1.json", "Zoé Lefèvre", 6, Some(3)),
        ];
        for (file, name, count, sent) in cases {
            let bytes = fixture("facebook.messages", file);
            assert!(FACEBOOK.detect(file, &bytes).is_some(), "{file}");
            let (out, error) = collect(&FACEBOOK, &bytes);
            assert_eq!(error, None, "{file}");
            let messages: &Messages = &out.messages;
            assert_eq!(messages.len(), count, "{file}");
            assert!(
                messages.iter().all(|(n, _, at)| n == name && at.is_some()),
                "{file}"
            );
            let by_person = messages.iter().filter(|(_, s, _)| *s == Some(true)).count();
            assert_eq!(sent.map(|_| by_person), sent, "{file}");
            if sent.is_none() {
                assert!(messages.iter().all(|(_, s, _)| s.is_none()));
            }
        }
    }
}
