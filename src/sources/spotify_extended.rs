//! Spotify's extended streaming history: every song, podcast episode, audiobook chapter and video
//! the account ever played, with the device, IP address and country of each.
//!
//! Where from: Spotify's "Extended streaming history" package (see `guides::SPOTIFY`),
//! folder `Spotify Extended Streaming History/`, formats.md section 8:
//! `Streaming_History_Audio_YYYY[-YYYY]_N.json` and `Streaming_History_Video_YYYY[-YYYY].json`
//! (before 2023: `endsong_N.json`), each an array of `{"ts" (ISO UTC, when the stream ENDED),
//! "platform", "ms_played", "conn_country", "ip_addr" (older: "ip_addr_decrypted"),
//! "user_agent_decrypted" (older only), "username" (older only), "master_metadata_track_name",
//! "master_metadata_album_artist_name", "master_metadata_album_album_name", "spotify_track_uri",
//! "episode_name", "episode_show_name", "spotify_episode_uri", "audiobook_title",
//! "audiobook_uri", "audiobook_chapter_uri", "audiobook_chapter_title", "reason_start",
//! "reason_end", "shuffle", "skipped", "offline", "offline_timestamp", "incognito_mode"}`.
//!
//! Each entry with a readable `ts` is one play handed over, started at `ts` less `ms_played`
//! (rounded down to the second), with `platform` as its device (or, on older entries without
//! one, `user_agent_decrypted`), `ip_addr` or `ip_addr_decrypted` as its address and
//! `conn_country` as its country. Its kind and names follow the fields that are not null: a
//! track (title) by an album artist (creator): music; an episode (title) of a show (creator):
//! podcast; an audiobook chapter (title, or the book's title before 2024) of a book (creator):
//! audiobook; none (a track since removed): music, unnamed. Every entry of a video file is a
//! video, named as a podcast episode is. The user name, the URIs, the album, the reasons, the
//! flags and the offline time are never read. An entry without a readable `ts` is passed over.
//! Entries stream one by one, so a file cut off midway has handed over the plays before the cut.
//! Detection needs the file's name and the keys `ts` and `ms_played` in the head.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::spotify::{self, file_name, numbered};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::media::{MediaKind, Play, Service};
use crate::model::Sink;

/// The extended history's audio files (`video: false`) or video files (`video: true`).
pub struct SpotifyExtended {
    pub video: bool,
}

/// One entry; anything else in it (user name, URIs, reasons, flags) is passed over.
#[derive(Deserialize)]
struct Entry {
    ts: Option<Value>,
    ms_played: Option<Value>,
    platform: Option<Value>,
    user_agent_decrypted: Option<Value>,
    conn_country: Option<Value>,
    ip_addr: Option<Value>,
    ip_addr_decrypted: Option<Value>,
    master_metadata_track_name: Option<Value>,
    master_metadata_album_artist_name: Option<Value>,
    episode_name: Option<Value>,
    episode_show_name: Option<Value>,
    audiobook_title: Option<Value>,
    audiobook_chapter_title: Option<Value>,
}

/// A non-empty text, if the value is one.
fn text(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

impl SpotifyExtended {
    /// Whether the file's name is one of this source's.
    fn known_name(&self, path: &str) -> bool {
        let name = file_name(path);
        if self.video {
            numbered(name, "Streaming_History_Video_")
        } else {
            numbered(name, "Streaming_History_Audio_") || numbered(name, "endsong_")
        }
    }

    /// Hands over the play an entry records, if it says when.
    fn hand_over(&self, entry: &Entry, out: &mut dyn Sink) -> bool {
        let Some(end) = text(entry.ts.as_ref()).and_then(spotify::parse_ts) else {
            return false;
        };
        let ms = entry.ms_played.as_ref().and_then(Value::as_u64);
        let track = text(entry.master_metadata_track_name.as_ref());
        let artist = text(entry.master_metadata_album_artist_name.as_ref());
        let episode = text(entry.episode_name.as_ref());
        let show = text(entry.episode_show_name.as_ref());
        let book = text(entry.audiobook_title.as_ref());
        let chapter = text(entry.audiobook_chapter_title.as_ref());
        let (kind, title, creator) = if self.video {
            (MediaKind::Video, episode.or(track), show.or(artist))
        } else if track.is_some() || artist.is_some() {
            (MediaKind::Music, track, artist)
        } else if episode.is_some() || show.is_some() {
            (MediaKind::Podcast, episode, show)
        } else if book.is_some() || chapter.is_some() {
            (MediaKind::Audiobook, chapter.or(book), book)
        } else {
            (MediaKind::Music, None, None)
        };
        let device =
            text(entry.platform.as_ref()).or_else(|| text(entry.user_agent_decrypted.as_ref()));
        let ip = text(entry.ip_addr.as_ref()).or_else(|| text(entry.ip_addr_decrypted.as_ref()));
        out.play(&Play {
            at: spotify::start(end, ms),
            ms,
            kind,
            title,
            creator,
            device,
            ip,
            country: text(entry.conn_country.as_ref()),
        });
        true
    }
}

impl Source for SpotifyExtended {
    fn id(&self) -> &'static str {
        if self.video {
            "spotify.extended_video"
        } else {
            "spotify.extended_history"
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (lang, self.video) {
            (Lang::Fr, false) => "Spotify, historique d’écoute complet (étendu)",
            (Lang::En, false) => "Spotify extended streaming history",
            (Lang::Fr, true) => "Spotify, historique des vidéos regardées (étendu)",
            (Lang::En, true) => "Spotify extended video history",
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
        if !self.known_name(path) || !super::meta::opens_array(head) {
            return None;
        }
        let own = ["ts", "ms_played"]
            .iter()
            .all(|k| super::meta::has_key(head, k))
            && [
                "platform",
                "conn_country",
                "master_metadata_track_name",
                "episode_name",
            ]
            .iter()
            .any(|k| super::meta::has_key(head, k));
        own.then(|| Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let (mut entries, mut known) = (0u64, 0u64);
        let result = for_each_element(reader, &[], &mut |entry: Entry| {
            entries += 1;
            if self.hand_over(&entry, out) {
                known += 1;
            }
        });
        match result {
            Err(e) => Some(JsonError::kind(e)),
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

    const AUDIO: SpotifyExtended = SpotifyExtended { video: false };
    const VIDEO: SpotifyExtended = SpotifyExtended { video: true };

    const OLD: &[u8] = br#"[{"ts": "2016-03-05T18:02:11Z", "username": "secret-user",
        "platform": null, "ms_played": 2500,
        "conn_country": "FR", "ip_addr_decrypted": "192.0.2.10",
        "user_agent_decrypted": "unknown",
        "master_metadata_track_name": "La Javanaise",
        "master_metadata_album_artist_name": "Serge Gainsbourg",
        "master_metadata_album_album_name": "Couleur cafe",
        "spotify_track_uri": "spotify:track:0", "episode_name": null, "episode_show_name": null,
        "spotify_episode_uri": null, "reason_start": "clickrow", "reason_end": "fwdbtn",
        "shuffle": false, "skipped": null, "offline": false, "offline_timestamp": 0,
        "incognito_mode": false},
      {"ts": "2016-03-05T18:40:00Z", "username": "secret-user",
        "platform": "Android OS 6.0.1 API 23 (samsung, SM-G920F)", "ms_played": 1800000,
        "conn_country": "FR", "ip_addr_decrypted": "192.0.2.11",
        "master_metadata_track_name": null, "master_metadata_album_artist_name": null,
        "episode_name": "Le monde en face", "episode_show_name": "La Methode scientifique"},
      {"ts": "2024-11-02T07:00:00Z", "platform": "ios", "ms_played": 600000,
        "conn_country": "BE", "ip_addr": "198.51.100.4",
        "audiobook_title": "Le Petit Prince", "audiobook_chapter_title": "Chapitre 2"},
      {"ts": "2024-11-02T08:00:00Z", "platform": "android", "ms_played": 1000,
        "conn_country": "FR", "ip_addr": "198.51.100.4",
        "master_metadata_track_name": null, "episode_name": null}
    ]"#;

    #[test]
    fn each_entry_is_a_play_with_its_device_address_and_country() {
        let (out, error) = collect(&AUDIO, OLD);
        assert_eq!(error, None);
        // 2016-03-05T18:02:11Z = 1457200931; less 2.5 s, rounded down.
        assert_eq!(
            out.plays.first(),
            Some(&CollectedPlay {
                at: 1_457_200_928,
                ms: Some(2500),
                kind: MediaKind::Music,
                title: Some("La Javanaise".into()),
                creator: Some("Serge Gainsbourg".into()),
                device: Some("unknown".into()),
                ip: Some("192.0.2.10".into()),
                country: Some("FR".into()),
            })
        );
        let kinds: Vec<_> = out.plays.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                MediaKind::Music,
                MediaKind::Podcast,
                MediaKind::Audiobook,
                MediaKind::Music
            ]
        );
        let podcast = out.plays.get(1).unwrap();
        assert_eq!(podcast.creator.as_deref(), Some("La Methode scientifique"));
        assert_eq!(
            podcast.device.as_deref(),
            Some("Android OS 6.0.1 API 23 (samsung, SM-G920F)")
        );
        let book = out.plays.get(2).unwrap();
        assert_eq!(
            (book.title.as_deref(), book.creator.as_deref()),
            (Some("Chapitre 2"), Some("Le Petit Prince"))
        );
        let removed = out.plays.get(3).unwrap();
        assert_eq!(
            (removed.title.as_ref(), removed.creator.as_ref()),
            (None, None)
        );
        // The user name is never handed over.
        assert!(!format!("{out:?}").contains("secret-user"));
        let (out, error) = collect(&AUDIO, OLD.get(..OLD.len() - 40).unwrap());
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.plays.len(), 3);
    }

    #[test]
    fn a_video_file_holds_videos() {
        let doc = br#"[{"ts": "2023-05-01T20:00:00Z", "platform": "android", "ms_played": 90000,
            "conn_country": "FR", "ip_addr": "203.0.113.9", "master_metadata_track_name": null,
            "episode_name": "Episode 12", "episode_show_name": "Un podcast filme"}]"#;
        let (out, error) = collect(&VIDEO, doc);
        assert_eq!(error, None);
        let play = out.plays.first().unwrap();
        assert_eq!(play.kind, MediaKind::Video);
        assert_eq!(play.title.as_deref(), Some("Episode 12"));
        assert!(VIDEO
            .detect("Streaming_History_Video_2023.json", doc)
            .is_some());
        assert!(AUDIO
            .detect("Streaming_History_Video_2023.json", doc)
            .is_none());
        assert!(VIDEO
            .detect("Streaming_History_Audio_2023_0.json", doc)
            .is_none());
    }

    #[test]
    fn detection_needs_the_name_and_the_keys() {
        for name in [
            "Spotify Extended Streaming History/Streaming_History_Audio_2019-2021_0.json",
            "Streaming_History_Audio_2024_3.json",
            "MyData/endsong_0.json",
        ] {
            assert!(AUDIO.detect(name, OLD).is_some(), "{name}");
        }
        assert!(AUDIO.detect("StreamingHistory_music_0.json", OLD).is_none());
        assert!(AUDIO
            .detect(
                "endsong_0.json",
                br#"[{"endTime": "2023-04-09 03:55", "msPlayed": 1}]"#
            )
            .is_none());
    }

    #[test]
    fn garbage_is_an_error() {
        for bytes in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n",
            b"[[[[[[[[",
            b"{\"locations\": []}",
            b"[{\"endTime\": \"2023-04-09 03:55\"}]",
        ] {
            assert!(collect(&AUDIO, bytes).1.is_some(), "{bytes:?}");
        }
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        let bytes = fixture(
            "spotify.extended_history",
            "Streaming_History_Audio_2023-2024_0.json",
        );
        let (out, error) = collect(&AUDIO, &bytes);
        assert_eq!(error, None);
        assert!(out.plays.len() > 20);
        let bytes = fixture(
            "spotify.extended_video",
            "Streaming_History_Video_2024.json",
        );
        let (out, error) = collect(&VIDEO, &bytes);
        assert_eq!(error, None);
        assert!(out.plays.iter().all(|p| p.kind == MediaKind::Video));
    }
}
