//! What was watched on YouTube: the watch history, `watch-history.json`.
//!
//! Where from: Google Takeout (takeout.google.com), "YouTube and YouTube Music", history in JSON:
//! `Takeout/YouTube and YouTube Music/history/watch-history.json` (localised: Spanish
//! `historial/historial-de-reproducciones.json`), or the YouTube folder of My Activity
//! (`Takeout/My Activity/YouTube/MyActivity.json`, localised folder names) (formats.md sections
//! 1.3 and 1.4).
//!
//! Shape: a top-level array of My Activity records, `{"header": "YouTube", "title": "Watched
//! <video>", "titleUrl": "https://www.youtube.com/watch?v=…", "subtitles": [{"name": <channel>,
//! "url": …}], "time": "2022-09-21T11:52:59.995Z", "products": […], "activityControls": […],
//! "details": [{"name": "From Google Ads"}]}`, streamed one at a time.
//!
//! Each record is handed over as a play: at `time` (UTC), no duration (the file gives none), kind
//! [`MediaKind::Music`] under the header `YouTube Music`, [`MediaKind::Video`] otherwise; the
//! title without its localised verb (`Watched `, `Vous avez regardé `, `Has visto `…; a title in
//! an unknown language is kept as written), the channel (`subtitles[0].name`) as the creator.
//! A deleted or private video (its title is its URL, or `a video that has been removed`, no
//! channel) is a play with neither title nor creator. Left out: ads (a detail naming Google's
//! ads, `From Google Ads`, `De los anuncios de Google`…); what the My Activity file mixes in
//! (searches, with a `titleUrl` to `/results?search_query=`; likes, subscriptions, comments,
//! posts viewed, by their English, French or Spanish verb); records without a readable time.
//! Nothing else is read (descriptions, products, activity controls).
//!
//! Detection: the file's path (`watch-history.json`, `historial-de-reproducciones.json`, or a JSON
//! file in a YouTube folder of My Activity or of YouTube's export, not a search history) and
//! a My Activity record with a YouTube header in the first bytes. Other My Activity products
//! (Search, Maps, Chrome…) have other headers and are not claimed.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, json_start};
use crate::model::media::{MediaKind, Play, Service};
use crate::model::time::parse_iso;
use crate::model::Sink;

/// `watch-history.json`.
pub struct YouTubeHistory;

/// The localised verbs before a watched video's title (as public parsers of the file list them).
const PREFIXES: [&str; 11] = [
    "Watched ",
    "Vous avez regardé ",
    "A regardé ",
    "Has visto ",
    "Ha visto ",
    "Viste ",
    "Hai guardato ",
    "Você assistiu a ",
    "Assistiu a ",
    "Angesehen: ",
    "Bekeken ",
];

/// The verbs of what My Activity's YouTube file mixes with the videos watched (searches, likes,
/// subscriptions, comments, posts viewed): such records are no plays.
const NOT_WATCHED: [&str; 16] = [
    "Searched for ",
    "Liked ",
    "Disliked ",
    "Subscribed to ",
    "Commented on ",
    "Viewed ",
    "Visited ",
    "Vous avez recherché ",
    "Vous avez aimé ",
    "Vous vous êtes abonné ",
    "Vous avez commenté ",
    "Vous avez consulté ",
    "Has buscado ",
    "Te ha gustado ",
    "Te has suscrito ",
    "Has comentado ",
];

/// What a removed video's title says once its verb is stripped (`Watched a video that has been
/// removed`): no title.
const REMOVED: [&str; 2] = [
    "a video that has been removed",
    "une vidéo qui a été supprimée",
];

/// What the details of an ad say, in part.
pub(super) const AD_DETAILS: [&str; 5] = [
    "google ads",
    "anuncios de google",
    "annonces google",
    "google-anzeigen",
    "annunci google",
];

/// One record; anything else in it is passed over.
#[derive(Deserialize)]
struct Record {
    header: Option<Value>,
    title: Option<Value>,
    #[serde(rename = "titleUrl")]
    title_url: Option<Value>,
    subtitles: Option<Value>,
    time: Option<Value>,
    details: Option<Value>,
}

impl Record {
    fn is_ad(&self) -> bool {
        self.details
            .as_ref()
            .and_then(Value::as_array)
            .is_some_and(|details| {
                details.iter().any(|d| {
                    d.get("name").and_then(Value::as_str).is_some_and(|name| {
                        let name = name.to_lowercase();
                        AD_DETAILS.iter().any(|a| name.contains(a))
                    })
                })
            })
    }

    /// A search, a like, a subscription… (in My Activity's YouTube file).
    fn is_not_a_watch(&self) -> bool {
        let search = self
            .title_url
            .as_ref()
            .and_then(Value::as_str)
            .is_some_and(|u| u.contains("/results?search_query="));
        let verb = self
            .title
            .as_ref()
            .and_then(Value::as_str)
            .is_some_and(|t| NOT_WATCHED.iter().any(|v| t.starts_with(v)));
        search || verb
    }

    fn hand_over(&self, out: &mut dyn Sink) {
        if self.is_ad() || self.is_not_a_watch() {
            return;
        }
        let Some(at) = self
            .time
            .as_ref()
            .and_then(Value::as_str)
            .and_then(parse_iso)
        else {
            return;
        };
        let kind = match self.header.as_ref().and_then(Value::as_str) {
            Some(h) if h.trim().eq_ignore_ascii_case("YouTube Music") => MediaKind::Music,
            _ => MediaKind::Video,
        };
        let title = self
            .title
            .as_ref()
            .and_then(Value::as_str)
            .map(strip_verb)
            .filter(|t| {
                !t.is_empty()
                    && !t.starts_with("http://")
                    && !t.starts_with("https://")
                    && !REMOVED.contains(t)
            });
        let creator = self
            .subtitles
            .as_ref()
            .and_then(|s| s.get(0))
            .and_then(|s| s.get("name"))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| !c.is_empty());
        out.play(&Play {
            at: at.div_euclid(1000),
            ms: None,
            kind,
            title,
            creator,
            device: None,
            ip: None,
            country: None,
        });
    }
}

/// A title without its localised verb, trimmed.
fn strip_verb(title: &str) -> &str {
    PREFIXES
        .iter()
        .find_map(|p| title.strip_prefix(p))
        .unwrap_or(title)
        .trim()
}

/// Whether the path is a watch history's: by its file name, or a JSON file (not a search
/// history) in a YouTube folder.
fn watch_path(path: &str) -> Option<u8> {
    let name = super::meta::file_name(path);
    if name.rsplit_once('.').map(|(_, ext)| ext) != Some("json") {
        return None;
    }
    if name.starts_with("watch-history") || name.starts_with("historial-de-reproducciones") {
        return Some(90);
    }
    let lower = path.to_lowercase();
    let folders: Vec<&str> = lower.split(['/', '\\']).collect();
    let in_youtube = folders.iter().rev().skip(1).any(|f| f.contains("youtube"));
    (in_youtube && !search_name(&name)).then_some(80)
}

/// Whether a file's name (lower case) is a search history's (`search-history.json`,
/// `historial-de-búsquedas.json`…): `google.my_activity` reads those.
pub(super) fn search_name(name: &str) -> bool {
    ["search", "recherche", "busqueda", "búsqueda", "suche"]
        .iter()
        .any(|s| name.contains(s))
}

/// Whether the first bytes open an array whose first record has a YouTube header.
pub(super) fn youtube_head(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    if head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'[') {
        return false;
    }
    let Some(at) = head.windows(8).position(|w| w == b"\"header\"") else {
        return false;
    };
    let rest = head.get(at + 8..).unwrap_or_default();
    let rest: Vec<u8> = rest
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == b':')
        .take(8)
        .collect();
    rest.starts_with(b"\"YouTube") && head.windows(6).any(|w| w == b"\"time\"")
}

impl Source for YouTubeHistory {
    fn id(&self) -> &'static str {
        "youtube.watch_history"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "YouTube, historique des vidéos regardées (watch-history.json)",
            Lang::En => "YouTube watch history (watch-history.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn media(&self) -> Option<Service> {
        Some(Service::YouTube)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let confidence = watch_path(path)?;
        youtube_head(head).then_some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut records = 0_u64;
        let mut youtube = false;
        let result = for_each_element(json_start(reader), &[], &mut |record: Record| {
            records += 1;
            youtube |= record
                .header
                .as_ref()
                .and_then(Value::as_str)
                .is_some_and(|h| h.starts_with("YouTube"));
            record.hand_over(out);
        });
        match result {
            Err(e) => Some(e.kind()),
            Ok(_) if records > 0 && !youtube => Some(ErrorKind::WrongType),
            Ok(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = r#"[{
  "header": "YouTube",
  "title": "Watched Comment faire une crêpe",
  "titleUrl": "https://www.youtube.com/watch?v=abc",
  "subtitles": [{"name": "Chef Michel", "url": "https://www.youtube.com/channel/x"}],
  "time": "2024-03-01T20:15:00.500Z",
  "products": ["YouTube"],
  "activityControls": ["YouTube watch history"]
},{
  "header": "YouTube",
  "title": "Watched Big Sale!",
  "titleUrl": "https://www.youtube.com/watch?v=ad",
  "time": "2024-03-01T20:14:00Z",
  "details": [{"name": "From Google Ads"}]
},{
  "header": "YouTube Music",
  "title": "Vous avez regardé Alors on danse",
  "titleUrl": "https://music.youtube.com/watch?v=def",
  "subtitles": [{"name": "Stromae - Topic"}],
  "time": "2024-03-02T09:05:07.000Z"
},{
  "header": "YouTube",
  "title": "Vous avez regardé une vidéo qui a été supprimée",
  "titleUrl": "https://www.youtube.com/watch?v=gone",
  "time": "2024-03-03T10:00:00.000Z"
},{
  "header": "YouTube",
  "title": "Searched for crêpes",
  "titleUrl": "https://www.youtube.com/results?search_query=cr%C3%AApes",
  "time": "2024-03-03T11:00:00.000Z"
},{
  "header": "YouTube",
  "title": "Vous avez aimé Comment faire une crêpe",
  "titleUrl": "https://www.youtube.com/watch?v=abc",
  "time": "2024-03-03T11:00:00.000Z"
},{
  "header": "YouTube",
  "title": "Guardaste algo",
  "time": "2024-03-0"
}]
"#;

    fn plays(out: &crate::sources::Collected) -> Vec<(i64, MediaKind, Option<&str>, Option<&str>)> {
        out.plays
            .iter()
            .map(|p| (p.at, p.kind, p.title.as_deref(), p.creator.as_deref()))
            .collect()
    }

    #[test]
    fn watches_are_plays_and_ads_searches_are_left_out() {
        let (out, error) = collect(&YouTubeHistory, FILE.as_bytes());
        assert_eq!(error, None);
        // date -ud '2024-03-01 20:15:00' +%s → 1709324100; '2024-03-02 09:05:07' → 1709370307;
        // '2024-03-03 10:00:00' → 1709460000
        assert_eq!(
            plays(&out),
            [
                (
                    1_709_324_100,
                    MediaKind::Video,
                    Some("Comment faire une crêpe"),
                    Some("Chef Michel")
                ),
                (
                    1_709_370_307,
                    MediaKind::Music,
                    Some("Alors on danse"),
                    Some("Stromae - Topic")
                ),
                (1_709_460_000, MediaKind::Video, None, None),
            ]
        );
        assert!(out
            .plays
            .iter()
            .all(|p| p.ms.is_none() && p.device.is_none()));
    }

    #[test]
    fn a_private_video_titled_by_its_url_has_no_title_and_other_languages_are_kept() {
        let doc = r#"[{"header": "YouTube", "title": "Watched https://www.youtube.com/watch?v=x",
            "titleUrl": "https://www.youtube.com/watch?v=x", "time": "2024-03-03T10:00:00Z"},
          {"header": "YouTube", "title": "Angesehen: Tagesschau", "time": "2024-03-03T10:00:00Z",
            "subtitles": [{"name": "tagesschau"}]},
          {"header": "YouTube", "title": "Просмотрено: Видео", "time": "2024-03-03T10:00:00Z"}]"#;
        let (out, error) = collect(&YouTubeHistory, doc.as_bytes());
        assert_eq!(error, None);
        let titles: Vec<_> = out.plays.iter().map(|p| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [None, Some("Tagesschau"), Some("Просмотрено: Видео")]
        );
    }

    #[test]
    fn a_cut_file_keeps_the_records_before_the_cut() {
        let cut = FILE.find("Vous avez").unwrap_or_default();
        let (out, error) = collect(&YouTubeHistory, &FILE.as_bytes()[..cut]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.plays.len(), 1);
    }

    #[test]
    fn detection_is_specific() {
        for path in [
            "Takeout/YouTube and YouTube Music/history/watch-history.json",
            "Takeout/YouTube y YouTube Music/historial/historial-de-reproducciones.json",
            "Takeout/Mon activité/YouTube/MonActivité.json",
        ] {
            assert!(
                YouTubeHistory.detect(path, FILE.as_bytes()).is_some(),
                "{path}"
            );
        }
        // A search history, another product, other files.
        assert!(YouTubeHistory
            .detect(
                "Takeout/YouTube and YouTube Music/history/search-history.json",
                FILE.as_bytes()
            )
            .is_none());
        let search =
            br#"[{"header": "Search", "title": "Searched for x", "time": "2024-03-01T20:15:00Z"}]"#;
        assert!(YouTubeHistory
            .detect("Takeout/My Activity/Search/MyActivity.json", search)
            .is_none());
        assert!(YouTubeHistory
            .detect("Takeout/My Activity/YouTube/MyActivity.json", search)
            .is_none());
        assert!(YouTubeHistory
            .detect("watch-history.json", br#"{"header": "YouTube", "time": 1}"#)
            .is_none());
        assert_eq!(
            collect(&YouTubeHistory, search).1,
            Some(ErrorKind::WrongType)
        );
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n\0\0\0", b"[[[[[[[["] {
            assert!(collect(&YouTubeHistory, bytes).1.is_some());
        }
        let deep = "[".repeat(5000);
        assert!(collect(&YouTubeHistory, deep.as_bytes()).1.is_some());
    }
}
