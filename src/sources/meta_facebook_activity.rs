//! Facebook's dated actions: what the person posted, commented on and reacted to, searched,
//! posted and commented in groups, which pages they liked and what they viewed or visited, each
//! handed over as the moment it happened (together, the rhythm of their days). What the actions were about
//! (post and comment texts, search terms, names, titles, links) is never read.
//!
//! Where from: the JSON export (see `guides::FACEBOOK`), under `your_facebook_activity/`
//! (2024+), `your_activity_across_facebook/` (2022–2023) or at the top (≤2021), formats.md
//! section 2:
//! - `posts/your_posts__check_ins__photos_and_videos_1.json` (older `posts/your_posts_1.json`): a
//!   bare array of posts `{"timestamp", "data": [{"post", "update_timestamp"}], "attachments",
//!   "title"}`;
//! - `comments_and_reactions/comments.json`: `{"comments_v2": [{"timestamp", "data":
//!   [{"comment": {"timestamp", "comment", "author"}}], "title"}]}`;
//! - `comments_and_reactions/likes_and_reactions_1.json`: a bare array of `{"timestamp", "data":
//!   [{"reaction": {"reaction", "actor"}}], "title"}`; the 2024+ `likes_and_reactions.json`: a
//!   bare array of generic records `{"timestamp", "media", "label_values", "fbid"}`;
//! - `logged_information/search/your_search_history.json`: `{"searches_v2": [{"timestamp",
//!   "data": [{"text"}], "title"}]}`;
//! - `groups/group_posts_and_comments.json` (`group_posts_v2`), `your_comments_in_groups.json`
//!   (`group_comments_v2`): records with their `timestamp`;
//! - `pages/pages_you've_liked.json`: `{"page_likes_v2": [{"name", "timestamp"}]}`;
//! - `interactions/recently_viewed.json` (`recently_viewed`), `recently_visited.json`
//!   (`visited_things_v2`): categories `{"name", "entries": [{"timestamp", "data"}]}`, or
//!   `{"name", "children": [categories]}`: one action per entry, streamed.
//!
//! Each record is one action at its `timestamp`, else its first `data` item's
//! `update_timestamp` or comment's `timestamp`, else its first `label_values` `timestamp_value`.
//! Times are handed over as written (0 is none); implausible ones are left to the collector.
//! Not read: `events/your_event_responses.json` (`event_responses_v2`), whose times are the
//! events' own (when they start and end), not when the person answered; group memberships
//! (`groups_joined_v2`) and pages followed (`pages_followed_v2`), not listed here.

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

/// Facebook's dated actions.
pub struct FacebookActivity;

/// Keys of lists of actions, one action per record.
const KEYS: [&str; 5] = [
    "comments_v2",
    "searches_v2",
    "group_posts_v2",
    "group_comments_v2",
    "page_likes_v2",
];

/// Keys of lists of categories of things seen, one action per entry.
const VIEWED: [&str; 2] = ["recently_viewed", "visited_things_v2"];

/// File names (without their number, or `.json`) of the bare arrays of posts and reactions.
const BARE: [&str; 3] = [
    "your_posts__check_ins__photos_and_videos",
    "your_posts",
    "likes_and_reactions",
];

/// A file name `<stem>_<N>.json` or `<stem>.json`'s stem, lower case.
fn stem(name: &str) -> Option<&str> {
    let base = name.strip_suffix(".json")?;
    Some(match base.rsplit_once('_') {
        Some((stem, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => stem,
        _ => base,
    })
}

/// When one action happened.
fn when(record: &Value) -> Option<i64> {
    record
        .get("timestamp")
        .and_then(meta::seconds)
        .or_else(|| {
            record.get("data")?.as_array()?.iter().find_map(|d| {
                d.get("update_timestamp")
                    .and_then(meta::seconds)
                    .or_else(|| d.get("comment")?.get("timestamp").and_then(meta::seconds))
            })
        })
        .or_else(|| meta::fields(record).iter().find_map(|f| f.timestamp))
}

/// A list of categories of things seen (`[{"name", "entries": [{"timestamp", "data"}],
/// "children": [categories]}]`), streamed: one time per entry as it comes, so that a cut file
/// keeps the entries before the cut.
struct Categories<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> DeserializeSeed<'de> for Categories<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Categories<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("categories of things seen")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(Category {
                out: &mut *self.out,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// One category of things seen: its entries, and its children's.
struct Category<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> DeserializeSeed<'de> for Category<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Category<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a category of things seen")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "entries" => map.next_value_seed(Each {
                    each: &mut |entry: Value| {
                        if let Some(at) = entry.get("timestamp").and_then(meta::seconds) {
                            self.out.active(at);
                        }
                    },
                    nullable: true,
                })?,
                "children" => map.next_value_seed(Categories {
                    out: &mut *self.out,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The whole file: an object of lists, or a bare array of records.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Facebook's activity")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if KEYS.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if let Some(at) = when(&record) {
                            out.active(at);
                        }
                    },
                    nullable: true,
                })?;
            } else if VIEWED.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Categories { out: &mut *out })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut known = false;
        while let Some(record) = seq.next_element::<Value>()? {
            if record.is_object() {
                known = true;
                if let Some(at) = when(&record) {
                    self.out.active(at);
                }
            }
        }
        Ok(known)
    }
}

impl Source for FacebookActivity {
    fn id(&self) -> &'static str {
        "facebook.activity"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Facebook, publications, commentaires, réactions et recherches",
            Lang::En => "Facebook posts, comments, reactions and searches",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::FACEBOOK
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Facebook)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = meta::file_name(path);
        // The bare arrays of posts and reactions, under their own names only.
        if meta::opens_array(head)
            && stem(&name).is_some_and(|s| BARE.contains(&s))
            && meta::has_key(head, "timestamp")
            && meta::platform(path, head) == Meta::Facebook
        {
            return Some(Claim {
                source: self.id(),
                confidence: 80,
            });
        }
        let strong = KEYS.iter().chain(&VIEWED).any(|k| meta::has_key(head, k));
        meta::claim((self.id(), Meta::Facebook), path, head, strong, false)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_any(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn every_shape_gives_one_time_per_action_and_no_text() {
        let cases: [(&[u8], &[i64]); 7] = [
            (
                br#"[{"timestamp": 1700000000, "data": [{"post": "Ch\u00c3\u00a2teau", "update_timestamp": 1700000100}], "title": "Marie"},
                   {"data": [{"update_timestamp": 1700000200}], "attachments": []}]"#,
                &[1_700_000_000, 1_700_000_200],
            ),
            (
                br#"{"comments_v2": [{"timestamp": 1600000000, "data": [{"comment": {"timestamp": 1600000000, "comment": "Bravo", "author": "Marie"}}], "title": "t"},
                   {"data": [{"comment": {"timestamp": 1600000001}}]}]}"#,
                &[1_600_000_000, 1_600_000_001],
            ),
            (
                br#"[{"timestamp": 1500000000, "data": [{"reaction": {"reaction": "LIKE", "actor": "Marie"}}], "title": "t"}]"#,
                &[1_500_000_000],
            ),
            (
                br#"[{"timestamp": 1730000000, "media": [], "label_values": [{"label": "Reaction", "value": "J'aime"}], "fbid": "1"},
                   {"media": [], "label_values": [{"label": "Heure", "timestamp_value": 1730000001}]}]"#,
                &[1_730_000_000, 1_730_000_001],
            ),
            (
                br#"{"searches_v2": [{"timestamp": 1650000000, "data": [{"text": "v\u00c3\u00a9lo"}], "title": "t"}, {"timestamp": 0}]}"#,
                &[1_650_000_000],
            ),
            (
                br#"{"group_posts_v2": [{"timestamp": 1}], "group_comments_v2": [{"timestamp": 2}], "page_likes_v2": [{"name": "n", "timestamp": 3}]}"#,
                &[1, 2, 3],
            ),
            (
                br#"{"recently_viewed": [{"name": "Videos", "children": [{"name": "Time Viewed", "entries": [{"timestamp": 10, "data": {"name": "x"}}, {"timestamp": 11}]}]},
                   {"name": "Posts", "entries": [{"timestamp": 12, "data": {"uri": "u"}}]}],
                  "visited_things_v2": [{"name": "Profile visits", "entries": [{"timestamp": 13}]}]}"#,
                &[10, 11, 12, 13],
            ),
        ];
        for (doc, expected) in cases {
            let (out, error) = collect(&FacebookActivity, doc);
            assert_eq!(error, None);
            assert_eq!(out.active, expected);
            let kept = format!("{out:?}");
            for text in ["Bravo", "Château", "vélo", "Marie", "aime"] {
                assert!(!kept.contains(text), "{kept}");
            }
        }
    }

    #[test]
    fn event_responses_are_not_read() {
        let doc = br#"{"event_responses_v2": {"events_joined": [{"name": "F\u00c3\u00aate", "start_timestamp": 1700000000}]}}"#;
        assert!(FacebookActivity
            .detect("your_event_responses.json", doc)
            .is_none());
        let (out, error) = collect(&FacebookActivity, doc);
        assert_eq!(error, Some(ErrorKind::WrongType));
        assert!(out.active.is_empty());
    }

    #[test]
    fn detection_reads_keys_file_names_and_the_platform() {
        let bare = br#"[{"timestamp": 1700000000, "data": [{"post": "x"}]}]"#;
        for name in [
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
            "posts/your_posts_1.json",
            "comments_and_reactions/likes_and_reactions_3.json",
            "comments_and_reactions/likes_and_reactions.json",
        ] {
            let claim = FacebookActivity.detect(name, bare);
            assert_eq!(claim.map(|c| c.confidence), Some(80), "{name}");
        }
        assert!(FacebookActivity.detect("posts_1.json", bare).is_none());
        assert!(FacebookActivity.detect("message_1.json", bare).is_none());
        assert!(FacebookActivity
            .detect("instagram-x/your_posts_1.json", bare)
            .is_none());
        let comments = br#"{"comments_v2": []}"#;
        assert_eq!(
            FacebookActivity
                .detect("comments.json", comments)
                .map(|c| c.confidence),
            Some(90)
        );
        assert!(FacebookActivity
            .detect("your_instagram_activity/comments.json", comments)
            .is_none());
        assert!(FacebookActivity
            .detect("x.json", br#"{"friends_v2": []}"#)
            .is_none());
    }

    #[test]
    fn a_cut_file_keeps_what_came_before_and_other_files_are_refused() {
        let doc = br#"{"searches_v2": [{"timestamp": 1650000000, "data": [{"text": "a"}]}, {"timestamp": 16"#;
        let (out, error) = collect(&FacebookActivity, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active, [1_650_000_000]);
        let doc = br#"[{"timestamp": 1500000000, "title": "t"}, {"timestamp": 15000"#;
        let (out, error) = collect(&FacebookActivity, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active, [1_500_000_000]);
        let doc = br#"{"recently_viewed": [{"name": "a", "children": [{"entries": [{"timestamp": 10}, {"timestamp": 11}, {"times"#;
        let (out, error) = collect(&FacebookActivity, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active, [10, 11]);
        let (_, error) = collect(&FacebookActivity, br#"{"other": 1}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&FacebookActivity, b"[1]");
        assert_eq!(error, Some(ErrorKind::WrongType));
    }
}
