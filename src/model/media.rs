//! What streaming services saw a person play: songs, podcasts, episodes, films and videos, when,
//! for how long, by whom, on which devices and from which addresses, and the marketing segments
//! they were put in (issue 9).
//!
//! Sources hand plays over one by one to a [`MediaSink`]; `analysis::media` sums them up into a
//! [`MediaSummary`], which the report carries.

use serde::{Deserialize, Serialize};

use super::social::{Rhythm, Seen};

/// The service an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Spotify,
    Netflix,
    #[serde(rename = "youtube")]
    YouTube,
}

impl Service {
    /// The service's name, the same in French and English.
    pub fn name(self) -> &'static str {
        match self {
            Service::Spotify => "Spotify",
            Service::Netflix => "Netflix",
            Service::YouTube => "YouTube",
        }
    }
}

/// What was played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Music,
    Podcast,
    Audiobook,
    /// An episode of a series, or a film (Netflix tells them apart only by their title).
    Show,
    /// A video (YouTube).
    Video,
}

/// One play, as an export lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Play<'a> {
    /// When it started, epoch seconds (UTC). A file that dates the end of a play hands over the
    /// end less the time played.
    pub at: i64,
    /// How long it played, in milliseconds, if the file says.
    pub ms: Option<u64>,
    pub kind: MediaKind,
    /// What was played: a track, an episode, a film, a video, as written.
    pub title: Option<&'a str>,
    /// Who made it: an artist, a podcast or series, a channel, as written.
    pub creator: Option<&'a str>,
    /// The device or app it was played on, as written (a user agent, `android`, `Apple iPhone 12`).
    pub device: Option<&'a str>,
    pub ip: Option<&'a str>,
    /// The country it was played in, as written (`FR`, `FR (France)`).
    pub country: Option<&'a str>,
}

/// Where what a source reads from streaming files goes.
pub trait MediaSink {
    /// One play.
    fn play(&mut self, _play: &Play<'_>) {}
    /// A device or address the service saw the account used from, outside plays (a device list,
    /// a list of IP addresses), and when, if the file says.
    fn seen(&mut self, _device: Option<&str>, _ip: Option<&str>, _at: Option<i64>) {}
    /// A marketing segment the service put the person in, as written (Spotify's
    /// `Inferences.json`).
    fn segment(&mut self, _name: &str) {}
}

/// What a streaming file holds, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaSummary {
    pub service: Service,
    /// The days (UTC) with a play (the portrait's timeline).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
    /// Plays counted (trailers and previews left out).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub plays: u64,
    /// Time played in all, in milliseconds (plays whose time the file gives).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ms: u64,
    /// The first and last day with a play, `YYYY-MM-DD` (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// Plays and time by kind, most time first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<KindTotal>,
    /// Time played by month (`YYYY-MM`, UTC), in minutes, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
    /// When the person plays: the plays' start times by weekday and hour, in Paris time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The artists, podcasts, series and channels played most (at most [`TOP`]), most time
    /// first, and how many there are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub creators: Vec<Played>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub creator_count: u64,
    /// The tracks, episodes, films and videos played most (at most [`TOP`]), most plays first,
    /// and how many there are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<Played>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub title_count: u64,
    /// The devices and apps, and the IP addresses, the service saw, most uses first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Seen>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ips: Vec<Seen>,
    /// Countries played in, as written, most plays first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<(String, u64)>,
    /// Marketing segments, as written, in the file's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<String>,
}

/// Names listed by play count or time in a summary.
pub const TOP: usize = 10;

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Plays and time of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindTotal {
    pub kind: MediaKind,
    pub plays: u64,
    pub ms: u64,
}

/// An artist, a series, a channel or a title, and how much it was played.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Played {
    pub name: String,
    pub plays: u64,
    pub ms: u64,
}
