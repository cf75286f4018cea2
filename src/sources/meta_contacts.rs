//! Facebook's friends and Instagram's followers: the person's network, and when each relation
//! began. Names are never kept: each relation is handed over as its kind and its date.
//!
//! Where from: the JSON export (see `guides::meta`).
//!
//! Facebook (formats.md section 2):
//! - `connections/friends/your_friends.json` (older `friends/friends.json`): `{"friends_v2":
//!   [{"name", "timestamp"}]}` (older `friends`): friends;
//! - `connections/followers/who_you've_followed.json` (or `who_you_ve_followed.json`):
//!   `{"following_v3": [{"name", "timestamp"}]}` (`following_v2` before): people followed.
//!
//! Friend requests received, sent, rejected and removed friends are not read (they are not
//! relations), nor `people_you_may_know.json`.
//!
//! Instagram (formats.md section 3), records `{"title", "media_list_data": [],
//! "string_list_data": [{"href", "value", "timestamp"}]}`:
//! - `connections/followers_and_following/followers_1.json` (`_2`…): a bare array of records
//!   (older `followers.json`: `{"relationships_followers": […]}`): followers;
//! - `following.json`: `{"relationships_following": […]}` (2025: the username sometimes in
//!   `title`, with no `value`): people followed.
//!
//! Each record is one relation, dated by its first non-zero timestamp. Close friends (a subset of
//! the people followed), follow requests, recently unfollowed and blocked profiles are not read.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::{Platform, Relation};
use crate::model::Sink;

/// Friends and followers, for one platform.
pub struct MetaContacts {
    pub platform: Meta,
}

/// Keys of lists of relations, and what each is.
const KEYS: [(&str, Relation); 5] = [
    ("friends_v2", Relation::Friend),
    ("following_v3", Relation::Following),
    ("following_v2", Relation::Following),
    ("relationships_followers", Relation::Follower),
    ("relationships_following", Relation::Following),
];
/// Facebook's older key of friends, and the names of its file.
const OLD_FRIENDS: (&str, [&str; 2]) = ("friends", ["friends.json", "your_friends.json"]);

/// What a key holds, if it is a list of relations.
fn relation(key: &str) -> Option<Relation> {
    KEYS.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, r)| *r)
        .or_else(|| (key == OLD_FRIENDS.0).then_some(Relation::Friend))
}

/// When a relation began: Facebook's `timestamp`, or the first non-zero timestamp of an
/// Instagram record.
fn began(record: &Value) -> Option<i64> {
    record
        .get("timestamp")
        .and_then(meta::seconds)
        .or_else(|| meta::fields(record).iter().find_map(|f| f.timestamp))
}

/// Whether a file name is Instagram's list of followers (`followers.json`, `followers_1.json`…).
fn is_followers_name(name: &str) -> bool {
    name.strip_prefix("followers")
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|n| {
            n.is_empty()
                || n.strip_prefix('_')
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The whole file: an object of lists, or Instagram's bare array of followers. It says whether
/// it held a list of relations.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's friends or followers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if let Some(relation) = self::relation(&key) {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |record: Value| out.contact(relation, began(&record)),
                    nullable: true,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }

    /// Instagram's bare array of followers: only records with `string_list_data` are.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut known = false;
        while let Some(record) = seq.next_element::<Value>()? {
            if record.get("string_list_data").is_some() {
                known = true;
                self.out.contact(Relation::Follower, began(&record));
            }
        }
        Ok(known)
    }
}

impl Source for MetaContacts {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.connections",
            Meta::Instagram => "instagram.connections",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, amis et abonnements",
            (Meta::Facebook, Lang::En) => "Facebook friends and people followed",
            (Meta::Instagram, Lang::Fr) => "Instagram, abonnés et abonnements",
            (Meta::Instagram, Lang::En) => "Instagram followers and following",
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
        let name = meta::file_name(path);
        // Instagram's bare array of followers: its own shape, whatever the folders say.
        if self.platform == Meta::Instagram
            && meta::opens_array(head)
            && is_followers_name(&name)
            && meta::has_key(head, "string_list_data")
        {
            return Some(Claim {
                source: self.id(),
                confidence: 80,
            });
        }
        let strong = KEYS.iter().any(|(k, _)| meta::has_key(head, k));
        let weak = OLD_FRIENDS.1.contains(&name.as_str()) && meta::has_key(head, OLD_FRIENDS.0);
        meta::claim((self.id(), self.platform), path, head, strong, weak)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_any(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const FACEBOOK: MetaContacts = MetaContacts {
        platform: Meta::Facebook,
    };
    const INSTAGRAM: MetaContacts = MetaContacts {
        platform: Meta::Instagram,
    };

    #[test]
    fn facebook_friends_and_people_followed_are_counted_with_their_dates() {
        let doc = br#"{"friends_v2": [{"name": "Fran\u00c3\u00a7ois Dupr\u00c3\u00a9", "timestamp": 1500000000},
            {"name": "Ana", "timestamp": 0}]}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.contacts,
            [
                (Relation::Friend, Some(1_500_000_000)),
                (Relation::Friend, None)
            ]
        );
        let (out, _) = collect(
            &FACEBOOK,
            br#"{"following_v3": [{"name": "L\u00c3\u00a9a", "timestamp": 1600000000}]}"#,
        );
        assert_eq!(out.contacts, [(Relation::Following, Some(1_600_000_000))]);
        let (out, _) = collect(
            &FACEBOOK,
            br#"{"friends": [{"name": "Z", "timestamp": 1300000000}]}"#,
        );
        assert_eq!(out.contacts, [(Relation::Friend, Some(1_300_000_000))]);
    }

    #[test]
    fn instagram_followers_come_bare_or_wrapped_and_following_may_have_only_a_title() {
        let bare = br#"[{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/a", "value": "a", "timestamp": 1739724913}]}]"#;
        let (out, error) = collect(&INSTAGRAM, bare);
        assert_eq!(error, None);
        assert_eq!(out.contacts, [(Relation::Follower, Some(1_739_724_913))]);
        let wrapped = br#"{"relationships_followers": [{"title": "", "string_list_data": [{"value": "b", "timestamp": 1351500658}]}]}"#;
        let (out, _) = collect(&INSTAGRAM, wrapped);
        assert_eq!(out.contacts, [(Relation::Follower, Some(1_351_500_658))]);
        let following = br#"{"relationships_following": [{"title": "c", "string_list_data": [{"href": "https://www.instagram.com/_u/c", "timestamp": 1711326900}]}]}"#;
        let (out, _) = collect(&INSTAGRAM, following);
        assert_eq!(out.contacts, [(Relation::Following, Some(1_711_326_900))]);
    }

    #[test]
    fn detection_reads_keys_names_and_the_bare_shape() {
        let bare = br#"[{"title": "", "string_list_data": []}]"#;
        assert!(INSTAGRAM.detect("followers_1.json", bare).is_some());
        assert!(INSTAGRAM.detect("followers.json", bare).is_some());
        assert!(INSTAGRAM.detect("close_friends.json", bare).is_none());
        assert!(INSTAGRAM.detect("followers_x.json", bare).is_none());
        assert!(FACEBOOK.detect("followers_1.json", bare).is_none());
        let fb = br#"{"friends_v2": []}"#;
        assert!(FACEBOOK
            .detect("connections/friends/your_friends.json", fb)
            .is_some());
        assert!(INSTAGRAM
            .detect("connections/friends/your_friends.json", fb)
            .is_none());
        let ig = br#"{"relationships_following": []}"#;
        assert!(INSTAGRAM.detect("following.json", ig).is_some());
        assert!(FACEBOOK.detect("following.json", ig).is_none());
        // Requests and close friends are not relations read here.
        let requests = br#"{"relationships_follow_requests_received": []}"#;
        assert!(INSTAGRAM.detect("x.json", requests).is_none());
        let old = br#"{"friends": []}"#;
        assert!(FACEBOOK.detect("friends/friends.json", old).is_some());
        assert!(FACEBOOK.detect("other.json", old).is_none());
    }

    #[test]
    fn a_cut_file_keeps_what_came_before_and_garbage_is_refused() {
        let (out, error) = collect(
            &INSTAGRAM,
            br#"[{"string_list_data": [{"timestamp": 1700000000}]}, {"string_l"#,
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.contacts.len(), 1);
        let (_, error) = collect(&INSTAGRAM, b"[1, 2]");
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(
            &INSTAGRAM,
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        );
        assert!(error.is_some());
    }

    #[test]
    fn the_generated_facebook_fixtures_are_read() {
        for (name, relation, count) in [
            ("your_friends.json", Relation::Friend, 12),
            ("who_you've_followed.json", Relation::Following, 6),
        ] {
            let bytes = fixture("facebook.connections", name);
            assert!(FACEBOOK.detect(name, &bytes).is_some());
            let (out, error) = collect(&FACEBOOK, &bytes);
            assert_eq!(error, None, "{name}");
            assert_eq!(out.contacts.len(), count, "{name}");
            assert!(out
                .contacts
                .iter()
                .all(|(r, at)| *r == relation && at.is_some()));
        }
    }
}
