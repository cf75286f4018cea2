//! Who follows the person on X, and whom they follow: how many, and nothing else.
//!
//! Where from: X's archive (see `guides::X`), `data/follower.js`
//! (`window.YTD.follower.part0 = [{"follower": {"accountId": "…", "userLink": "…"}}]`) and
//! `data/following.js` (`window.YTD.following.part0 = [{"following": {…}}]`), split as
//! `follower-part1.js`… when long (formats.md section 6). Each entry is one relation:
//! `contact(Follower, None)` for a `follower`, `contact(Following, None)` for a `following`.
//! The files date nothing, so no relation has a date; the account ids and profile links are
//! never read.

use std::io::Read;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::x;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::social::{Platform, Relation};
use crate::model::Sink;

/// `follower.js` and `following.js`.
pub struct XFollows;

const TYPES: [&str; 2] = ["follower", "following"];

/// One entry, by its key alone; what it holds is passed over.
#[derive(Deserialize)]
struct Entry {
    follower: Option<IgnoredAny>,
    following: Option<IgnoredAny>,
}

impl Source for XFollows {
    fn id(&self) -> &'static str {
        "x.follows"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), abonnés et abonnements",
            Lang::En => "X (Twitter) followers and following",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::X
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::X)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        x::claim(self.id(), &TYPES, head)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let reader = match x::open(reader, &TYPES) {
            Ok(reader) => reader,
            Err(kind) => return Some(kind),
        };
        for_each_element(reader, &[], &mut |entry: Entry| {
            if entry.follower.is_some() {
                out.contact(Relation::Follower, None);
            }
            if entry.following.is_some() {
                out.contact(Relation::Following, None);
            }
        })
        .err()
        .map(JsonError::kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    #[test]
    fn each_entry_is_one_relation_without_a_date() {
        let doc = br#"window.YTD.follower.part0 = [
          { "follower" : { "accountId" : "1234", "userLink" : "https://twitter.com/intent/user?user_id=1234" } },
          { "follower" : { "accountId" : "5678", "userLink" : "https://twitter.com/intent/user?user_id=5678" } },
          { "other" : 1 }
        ]"#;
        let (out, error) = collect(&XFollows, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.contacts,
            [(Relation::Follower, None), (Relation::Follower, None)]
        );
        let (out, error) = collect(&XFollows, &doc[..doc.len() - 100]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.contacts.len(), 1);

        let doc = br#"window.YTD.following.part0 = [ { "following" : { "accountId" : "1" } } ]"#;
        assert_eq!(
            collect(&XFollows, doc).0.contacts,
            [(Relation::Following, None)]
        );
        let tweets = b"window.YTD.tweets.part0 = []";
        assert_eq!(collect(&XFollows, tweets).1, Some(ErrorKind::WrongType));
        assert!(XFollows.detect("data/follower.js", tweets).is_none());
        assert!(XFollows
            .detect("data/following-part1.js", b"window.YTD.following.part1 = [")
            .is_some());
        // Blocked and muted accounts are no relations.
        assert!(XFollows
            .detect("data/block.js", b"window.YTD.block.part0 = [")
            .is_none());
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        for (name, relation, count) in [
            ("follower.js", Relation::Follower, 42),
            ("following.js", Relation::Following, 37),
        ] {
            let (out, error) = collect(&XFollows, &fixture("x.follows", name));
            assert_eq!(error, None, "{name}");
            assert_eq!(out.contacts.len(), count, "{name}");
            assert!(
                out.contacts.iter().all(|c| *c == (relation, None)),
                "{name}"
            );
        }
    }

    #[test]
    fn garbage_is_an_error() {
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n", b"[[[[[[[["] {
            assert!(collect(&XFollows, bytes).1.is_some());
        }
        let deep = format!("window.YTD.follower.part0 = {}", "[".repeat(5000));
        assert!(collect(&XFollows, deep.as_bytes()).1.is_some());
    }
}
