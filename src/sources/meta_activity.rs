//! Instagram's dated actions: what the person liked, commented, searched, saved, viewed,
//! watched and posted, each handed over as the moment it happened (together, the rhythm of
//! their days). What the actions were about (comments, searches, links, the authors of posts)
//! is not read, but for the ads seen: each is also handed over as one ad by its author, the
//! advertiser.
//!
//! Where from: the JSON export (see `guides::INSTAGRAM`), formats.md section 3:
//! - `your_instagram_activity/likes/liked_posts.json` (`likes_media_likes`),
//!   `liked_comments.json` (`likes_comment_likes`): records with `string_list_data[].timestamp`;
//! - `your_instagram_activity/comments/post_comments_1.json`: a bare array (or
//!   `comments_media_comments`), `reels_comments.json` (`comments_reels_comments`):
//!   `string_map_data{"Comment", "Media Owner", "Time"{timestamp}}`;
//! - `ads_information/ads_and_topics/ads_viewed.json`, `posts_viewed.json`,
//!   `videos_watched.json`, `ads_clicked.json` (`impressions_history_*`):
//!   `string_map_data{"Author", "Time"{timestamp}}`;
//! - `logged_information/recent_searches/profile_searches.json`, `word_or_phrase_searches.json`,
//!   `tag_searches.json` (`searches_user`, `searches_keyword`, `searches_hashtag`);
//! - `your_instagram_activity/saved/saved_posts.json` (`saved_saved_media`, `Saved on`);
//! - `your_instagram_activity/story_sticker_interactions/*.json` (`story_activities_*`);
//! - `your_instagram_activity/content/posts_1.json` (a bare array of posts `{"media":
//!   [{"uri", "creation_timestamp", …}], "title", "creation_timestamp"}`, or one such post),
//!   `stories.json` (`ig_stories`), `reels.json` (`ig_reels_media`): `creation_timestamp`.
//!
//! Each record is one action, at its own `timestamp` or `creation_timestamp`, else its first
//! non-zero timestamp (labels are localised, and only the time has one), else its first media's
//! `creation_timestamp`; the 2024+ `label_values` records are read the same way
//! (`timestamp_value`). Times are handed over as written: implausible ones (the 2025 public
//! sample truncates some, `17397255`) are left to the collector, which drops them. The 2022
//! `ads_viewed.json`, which writes its time as text (`Mar 08, 2020, 19:22 PM`), gives no time.
//!
//! An ad seen (`impressions_history_ads_seen`) names its advertiser under a localised label
//! (`Author`, `Auteur`, `Autor`, `Autore`): its value, repaired, is handed over as one ad, with
//! or without a time. Ads clicked are among the ads seen, and are not counted again.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

/// Instagram's dated actions.
pub struct InstagramActivity;

/// Keys of lists of actions.
const KEYS: [&str; 20] = [
    "likes_media_likes",
    "likes_comment_likes",
    "comments_media_comments",
    "comments_reels_comments",
    "impressions_history_ads_seen",
    "impressions_history_posts_seen",
    "impressions_history_videos_watched",
    "impressions_history_ads_clicked",
    "searches_user",
    "searches_keyword",
    "searches_hashtag",
    "saved_saved_media",
    "story_activities_story_likes",
    "story_activities_polls",
    "story_activities_quizzes",
    "story_activities_emoji_sliders",
    "story_activities_questions",
    "story_activities_countdowns",
    "ig_stories",
    "ig_reels_media",
];

/// The key of the ads seen, each also one ad by its advertiser.
const ADS_SEEN: &str = "impressions_history_ads_seen";

/// The labels of an ad's advertiser, lower case, a final `e` dropped: `Author`; `Auteur` (FR,
/// NL); `Autor` (ES, DE, PT); `Autore` (IT).
const AUTHOR_LABELS: [&str; 3] = ["author", "auteur", "autor"];

/// The advertiser of one ad seen: the value of its author's field, in any language.
fn advertiser(record: &Value) -> Option<String> {
    meta::fields(record).into_iter().find_map(|f| {
        let label = f.label.trim().to_lowercase();
        let label = label.strip_suffix('e').unwrap_or(&label);
        AUTHOR_LABELS.contains(&label).then_some(f.value).flatten()
    })
}

/// File names (without their number) of the bare arrays of comments and posts.
const BARE: [&str; 2] = ["post_comments", "posts"];

/// A file name `<stem>_<N>.json`'s stem, lower case.
fn numbered_stem(name: &str) -> Option<&str> {
    let (stem, n) = name.strip_suffix(".json")?.rsplit_once('_')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(stem)
}

/// When one action happened.
fn when(record: &Value) -> Option<i64> {
    ["timestamp", "creation_timestamp"]
        .iter()
        .find_map(|k| record.get(*k).and_then(meta::seconds))
        .or_else(|| meta::fields(record).iter().find_map(|f| f.timestamp))
        .or_else(|| {
            record
                .get("media")?
                .as_array()?
                .iter()
                .find_map(|m| m.get("creation_timestamp").and_then(meta::seconds))
        })
}

/// The whole file: an object of lists (or one post), or a bare array of records.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Instagram's activity")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        // A file of one post: its time, else its first media's.
        let mut post: Option<i64> = None;
        let mut first_media: Option<i64> = None;
        while let Some(key) = map.next_key::<String>()? {
            if KEYS.contains(&key.as_str()) {
                known = true;
                let ads = key == ADS_SEEN;
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if let Some(at) = when(&record) {
                            out.active(at);
                        }
                        if ads {
                            if let Some(name) = advertiser(&record) {
                                out.ad(&name);
                            }
                        }
                    },
                    nullable: true,
                })?;
            } else if key == "media" {
                let media: Value = map.next_value()?;
                first_media = media.as_array().and_then(|media| {
                    media
                        .iter()
                        .find_map(|m| m.get("creation_timestamp").and_then(meta::seconds))
                });
            } else if key == "creation_timestamp" {
                let at: Value = map.next_value()?;
                post = meta::seconds(&at);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if let Some(at) = post.or(first_media) {
            known = true;
            out.active(at);
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

impl Source for InstagramActivity {
    fn id(&self) -> &'static str {
        "instagram.activity"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Instagram, mentions J'aime, commentaires, recherches et publications",
            Lang::En => "Instagram likes, comments, searches and posts",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::INSTAGRAM
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Instagram)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = meta::file_name(path);
        let stem = numbered_stem(&name);
        // The bare arrays of comments and posts: Instagram's own shapes.
        if meta::opens_array(head)
            && stem.is_some_and(|s| BARE.contains(&s))
            && (meta::has_key(head, "string_map_data") || meta::has_key(head, "creation_timestamp"))
        {
            return Some(Claim {
                source: self.id(),
                confidence: 80,
            });
        }
        let strong = KEYS.iter().any(|k| meta::has_key(head, k));
        // One post on its own.
        let weak = stem == Some("posts")
            && meta::has_key(head, "media")
            && meta::has_key(head, "creation_timestamp");
        meta::claim((self.id(), Meta::Instagram), path, head, strong, weak)
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
    fn every_shape_gives_one_time_per_action() {
        let cases: [(&[u8], &[i64]); 6] = [
            (
                br#"{"likes_media_likes": [{"title": "a", "string_list_data": [{"href": "h", "value": "\u00f0\u009f\u0091\u008d", "timestamp": 1711225461}]}]}"#,
                &[1_711_225_461],
            ),
            (
                br#"[{"media_list_data": [{"uri": ""}], "string_map_data": {"Commentaire": {"value": "bla"}, "Propri\u00c3\u00a9taire": {"value": ""}, "Heure": {"timestamp": 1735822393}}}]"#,
                &[1_735_822_393],
            ),
            (
                br#"{"searches_user": [{"title": "", "string_map_data": {"Search": {"value": "x", "timestamp": 0}, "Time": {"value": "", "timestamp": 1739132098}}}]}"#,
                &[1_739_132_098],
            ),
            (
                br#"[{"media": [{"uri": "a", "creation_timestamp": 1721408072}, {"uri": "b", "creation_timestamp": 1721408073}]},
                   {"media": [{"uri": "c", "creation_timestamp": 1}], "title": "t", "creation_timestamp": 1721408074}]"#,
                &[1_721_408_072, 1_721_408_074],
            ),
            (
                br#"{"media": [{"uri": "a", "creation_timestamp": 1708072}], "title": "bla", "creation_timestamp": 1721408074}"#,
                &[1_721_408_074],
            ),
            (
                br#"{"likes_media_likes": [{"timestamp": 1730000000, "media": [], "label_values": [{"label": "URL", "value": "u"}], "fbid": "1"},
                   {"media": [], "label_values": [{"label": "Heure", "timestamp_value": 1730000001}]}]}"#,
                &[1_730_000_000, 1_730_000_001],
            ),
        ];
        for (doc, expected) in cases {
            let (out, error) = collect(&InstagramActivity, doc);
            assert_eq!(error, None);
            assert_eq!(out.active, expected);
        }
    }

    #[test]
    fn each_ad_seen_is_one_ad_by_its_author_in_any_language() {
        let doc = br#"{"impressions_history_ads_seen": [
            {"string_map_data": {"Author": {"value": "Caf\u00c3\u00a9 Lumi\u00c3\u00a8re"}, "Time": {"timestamp": 1739287200}}},
            {"string_map_data": {"Auteur": {"value": "Decathlon"}, "Heure": {"timestamp": 1739287300}}},
            {"string_map_data": {"Autore": {"value": "Fiat"}, "Ora": {"value": "Mar 08, 2020, 19:22 PM"}}},
            {"string_map_data": {"Author": {"value": ""}, "Time": {"timestamp": 1739287400}}},
            {"media": [], "label_values": [{"label": "Autor", "value": "Zalando"}, {"label": "Zeit", "timestamp_value": 1739287500}]}
        ]}"#;
        let (out, error) = collect(&InstagramActivity, doc);
        assert_eq!(error, None);
        assert_eq!(out.ads, ["Café Lumière", "Decathlon", "Fiat", "Zalando"]);
        assert_eq!(out.active.len(), 4);
        // The authors of posts seen are not advertisers.
        let posts = br#"{"impressions_history_posts_seen": [{"string_map_data": {"Author": {"value": "ann"}, "Time": {"timestamp": 1739287200}}}]}"#;
        let (out, _) = collect(&InstagramActivity, posts);
        assert!(out.ads.is_empty());
    }

    #[test]
    fn truncated_times_are_handed_over_as_written() {
        let doc = br#"{"impressions_history_ads_seen": [{"string_map_data": {"Author": {"value": "x"}, "Time": {"timestamp": 17392872}}}]}"#;
        let (out, _) = collect(&InstagramActivity, doc);
        assert_eq!(out.active, [17_392_872]);
    }

    #[test]
    fn detection_reads_keys_and_file_names() {
        let bare = br#"[{"string_map_data": {"Time": {"timestamp": 1}}}]"#;
        assert!(InstagramActivity
            .detect("post_comments_1.json", bare)
            .is_some());
        assert!(InstagramActivity.detect("followers_1.json", bare).is_none());
        let post = br#"{"media": [{"creation_timestamp": 1}], "creation_timestamp": 1}"#;
        assert!(InstagramActivity
            .detect("your_instagram_activity/content/posts_1.json", post)
            .is_some());
        assert!(InstagramActivity
            .detect("your_instagram_activity/content/profile_photos.json", post)
            .is_none());
        let likes = br#"{"likes_media_likes": []}"#;
        assert!(InstagramActivity
            .detect("liked_posts.json", likes)
            .is_some());
        let generic = br#"{"media": [], "label_values": []}"#;
        assert!(InstagramActivity
            .detect("your_instagram_activity/x.json", generic)
            .is_none());
    }

    #[test]
    fn a_cut_file_keeps_what_came_before_and_other_files_are_refused() {
        let doc = br#"{"ig_stories": [{"uri": "a", "creation_timestamp": 1711876312}, {"uri": "b", "crea"#;
        let (out, error) = collect(&InstagramActivity, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.active, [1_711_876_312]);
        let (_, error) = collect(&InstagramActivity, br#"{"other": 1}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&InstagramActivity, b"[1]");
        assert_eq!(error, Some(ErrorKind::WrongType));
    }
}
