//! Spotify's basic streaming history: the last year of songs and podcast episodes played.
//!
//! Where from: Spotify's "Account data" package (see `guides::SPOTIFY`), folder
//! `Spotify Account Data/` (older: `MyData/`), formats.md section 8: `StreamingHistory_music_N.json`
//! and `StreamingHistory_podcast_N.json` (since 2023), `StreamingHistoryN.json` before, each a
//! pretty-printed array of at most 10,000 entries:
//! - music: `{"endTime": "YYYY-MM-DD HH:MM" (UTC, to the minute), "artistName", "trackName",
//!   "msPlayed"}`;
//! - podcast: `{"endTime", "podcastName", "episodeName", "msPlayed"}`.
//!
//! Each entry with a readable `endTime` is one play handed over: it started at `endTime` less
//! `msPlayed` (rounded down to the second), of kind music (artist as creator, track as title) or
//! podcast (show as creator, episode as title) by its keys; no device, address nor country (the
//! file gives none). An entry without a readable `endTime` is passed over. Entries stream one by
//! one, so a file cut off midway has handed over the plays before the cut. Detection needs the
//! file's name and its keys in the head.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::spotify::{self, file_name, numbered};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::for_each_element;
use crate::model::media::{MediaKind, Play, Service};
use crate::model::Sink;

/// `StreamingHistory_music_N.json`, `StreamingHistory_podcast_N.json`, `StreamingHistoryN.json`.
pub struct SpotifyHistory;

/// One entry; anything else in it is passed over.
#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "endTime")]
    end_time: Option<Value>,
    #[serde(rename = "msPlayed")]
    ms_played: Option<Value>,
    #[serde(rename = "artistName")]
    artist: Option<Value>,
    #[serde(rename = "trackName")]
    track: Option<Value>,
    #[serde(rename = "podcastName")]
    podcast: Option<Value>,
    #[serde(rename = "episodeName")]
    episode: Option<Value>,
}

/// A text, if the value is one.
fn text(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str)
}

/// Whether the file's name is one of the basic history's.
fn known_name(path: &str) -> bool {
    let name = file_name(path);
    [
        "StreamingHistory_music_",
        "StreamingHistory_podcast_",
        "StreamingHistory",
    ]
    .iter()
    .any(|prefix| numbered(name, prefix))
}

impl Source for SpotifyHistory {
    fn id(&self) -> &'static str {
        "spotify.streaming_history"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Spotify, historique d’écoute de l’année",
            Lang::En => "Spotify streaming history (last year)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SPOTIFY
    }

    fn media(&self) -> Option<Service> {
        Some(Service::Spotify)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        if !known_name(path) || !super::meta::opens_array(head) {
            return None;
        }
        let keys = |ks: &[&str]| ks.iter().all(|k| super::meta::has_key(head, k));
        let own = keys(&["endTime", "msPlayed"])
            && (keys(&["artistName", "trackName"]) || keys(&["podcastName", "episodeName"]));
        // An empty history (`[]`) is claimed on its name alone, less surely.
        let empty = head
            .iter()
            .filter(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF)
            .eq(b"[]".iter());
        (own || empty).then(|| Claim {
            source: self.id(),
            confidence: if own { 90 } else { 80 },
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let (mut entries, mut known) = (0u64, 0u64);
        let result = for_each_element(reader, &[], &mut |entry: Entry| {
            entries += 1;
            let Some(end) = entry
                .end_time
                .as_ref()
                .and_then(Value::as_str)
                .and_then(spotify::parse_minute)
            else {
                return;
            };
            known += 1;
            let ms = entry.ms_played.as_ref().and_then(Value::as_u64);
            let podcast = entry.podcast.is_some() || entry.episode.is_some();
            let (kind, creator, title) = if podcast && entry.track.is_none() {
                (
                    MediaKind::Podcast,
                    text(entry.podcast.as_ref()),
                    text(entry.episode.as_ref()),
                )
            } else {
                (
                    MediaKind::Music,
                    text(entry.artist.as_ref()),
                    text(entry.track.as_ref()),
                )
            };
            out.play(&Play {
                at: spotify::start(end, ms),
                ms,
                kind,
                title,
                creator,
                device: None,
                ip: None,
                country: None,
            });
        });
        match result {
            Err(e) => Some(e.kind()),
            // Entries, none of them a play: not this file.
            Ok(_) if entries > 0 && known == 0 => Some(ErrorKind::WrongType),
            Ok(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture, CollectedPlay};

    const MUSIC: &[u8] = br#"[
  {
    "endTime" : "2023-04-09 03:55",
    "artistName" : "John Mayer",
    "trackName" : "Heartbreak Warfare",
    "msPlayed" : 265550
  },
  {
    "endTime" : "someday",
    "artistName" : "X",
    "trackName" : "Y",
    "msPlayed" : 1
  },
  {
    "endTime" : "2023-04-09 04:00",
    "artistName" : "John Mayer",
    "trackName" : "All We Ever Do Is Say Goodbye",
    "msPlayed" : 271011
  }
]"#;

    #[test]
    fn each_entry_is_a_play_from_its_end_less_its_time() {
        let (out, error) = collect(&SpotifyHistory, MUSIC);
        assert_eq!(error, None);
        // 2023-04-09 03:55 UTC = 1681012500; less 265.55 s, rounded down.
        assert_eq!(
            out.plays.first(),
            Some(&CollectedPlay {
                at: 1_681_012_234,
                ms: Some(265_550),
                kind: MediaKind::Music,
                title: Some("Heartbreak Warfare".into()),
                creator: Some("John Mayer".into()),
                device: None,
                ip: None,
                country: None,
            })
        );
        assert_eq!(out.plays.len(), 2);
        assert_eq!(out.plays.get(1).map(|p| p.at), Some(1_681_012_800 - 272));
        let (out, error) = collect(&SpotifyHistory, MUSIC.get(..MUSIC.len() - 30).unwrap());
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.plays.len(), 1);
    }

    #[test]
    fn podcast_entries_are_episodes_of_their_show() {
        let doc = br#"[{"endTime" : "2024-01-31 23:59", "podcastName" : "Les Pieds sur terre",
            "episodeName" : "Voisins", "msPlayed" : 60000}]"#;
        let (out, error) = collect(&SpotifyHistory, doc);
        assert_eq!(error, None);
        let play = out.plays.first().unwrap();
        assert_eq!(play.kind, MediaKind::Podcast);
        assert_eq!(play.creator.as_deref(), Some("Les Pieds sur terre"));
        assert_eq!(play.title.as_deref(), Some("Voisins"));
        assert!(SpotifyHistory
            .detect("MyData/StreamingHistory_podcast_0.json", doc)
            .is_some());
    }

    #[test]
    fn detection_needs_the_name_and_the_keys() {
        assert!(SpotifyHistory
            .detect("StreamingHistory_music_0.json", MUSIC)
            .is_some());
        assert!(SpotifyHistory
            .detect("MyData/StreamingHistory12.json", MUSIC)
            .is_some());
        assert!(SpotifyHistory.detect("history.json", MUSIC).is_none());
        assert!(SpotifyHistory.detect("endsong_0.json", MUSIC).is_none());
        assert!(SpotifyHistory
            .detect("StreamingHistory0.json", b"[{\"ts\": 1}]")
            .is_none());
        assert!(SpotifyHistory
            .detect("StreamingHistory0.json", b"[ ]")
            .is_some());
        let (out, error) = collect(&SpotifyHistory, b"[]");
        assert_eq!((out.plays.len(), error), (0, None));
    }

    #[test]
    fn garbage_is_an_error() {
        for bytes in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n",
            b"[[[[[[[[",
            b"{\"locations\": []}",
            b"[{\"ts\": 1}]",
        ] {
            assert!(collect(&SpotifyHistory, bytes).1.is_some(), "{bytes:?}");
        }
    }

    #[test]
    fn the_fixture_is_read_whole() {
        let path = fixture(
            "spotify.streaming_history",
            "StreamingHistory_podcast_0.json",
        );
        let (out, error) = collect(&SpotifyHistory, &path);
        assert_eq!(error, None);
        assert!(out.plays.iter().all(|p| p.kind == MediaKind::Podcast));
        assert!(!out.plays.is_empty());
    }
}
