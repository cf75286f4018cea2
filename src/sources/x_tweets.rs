//! When the person posted on X: the time of each of their tweets, nothing of their text.
//!
//! Where from: X's archive (see `guides::X`), `data/tweets.js` (late 2022 on,
//! `window.YTD.tweets.part0`), split as `tweets-part1.js` (`YTD.tweets.part1`)… when long, or
//! `data/tweet.js` (2019 to 2022, `YTD.tweet.part0`), formats.md section 6:
//! `[{"tweet": {"id_str": "…", "created_at": "Sat Aug 12 16:10:37 +0000 2023", "full_text":
//! "…", …}}]`; the earliest of these archives may list the tweets bare, without the `tweet`
//! wrapper, and both are read. Each tweet's `created_at` → `active`. The text, mentions, links
//! and counts are not read. The older "Grailbird" archive (`tweets.csv`, `data/js/tweets/*.js`)
//! is not read.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::x;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::social::Platform;
use crate::model::Sink;

/// `tweets.js`, `tweets-partN.js`, `tweet.js`.
pub struct XTweets;

const TYPES: [&str; 2] = ["tweets", "tweet"];

/// One entry: a tweet in its wrapper, or bare.
#[derive(Deserialize)]
struct Entry {
    tweet: Option<Tweet>,
    created_at: Option<Value>,
}

#[derive(Deserialize)]
struct Tweet {
    created_at: Option<Value>,
}

impl Source for XTweets {
    fn id(&self) -> &'static str {
        "x.tweets"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), vos tweets (leurs heures seulement)",
            Lang::En => "X (Twitter) tweets (their times only)",
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
            let created = entry.tweet.and_then(|t| t.created_at).or(entry.created_at);
            if let Some(at) = created
                .as_ref()
                .and_then(Value::as_str)
                .and_then(x::parse_time)
            {
                out.active(at);
            }
        })
        .err()
        .map(JsonError::kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn each_tweet_s_time_is_handed_over_and_its_text_is_not() {
        let doc = r#"window.YTD.tweets.part1 = [
          { "tweet" : { "id_str" : "1690000000000000000", "created_at" : "Sat Aug 12 16:10:37 +0000 2023",
                        "full_text" : "Bonjour &amp; à bientôt", "favorite_count" : "3" } },
          { "tweet" : { "id_str" : "1690000000000000001", "created_at" : "not a date" } },
          { "created_at" : "Sat Aug 12 16:11:37 +0000 2023", "full_text" : "bare, 2019" }
        ]"#;
        let (out, error) = collect(&XTweets, doc.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.active, [1_691_856_637, 1_691_856_697]);
        assert!(out.interests.is_empty() && out.messages.is_empty());
        // The older file's type, and a part, are the same source's.
        assert!(XTweets
            .detect("data/tweet.js", b"window.YTD.tweet.part0 = [")
            .is_some());
        assert!(XTweets
            .detect("data/tweets-part2.js", b"window.YTD.tweets.part2 = [")
            .is_some());
        assert!(XTweets
            .detect("data/like.js", b"window.YTD.like.part0 = [")
            .is_none());
        let (out, error) = collect(&XTweets, &doc.as_bytes()[..300]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active.len(), 1);
    }
}
