//! Spotify's streaming files (issue 9), read whole by their sources and summed up.
//!
//! Every expected number was counted independently of the parsers with a small python3 script
//! (json.load each file; a play starts at its end less its time played, floor to the second;
//! kinds by the non-null names; counts with collections.Counter), not by reading Reflet's output.

use reflet::model::media::{MediaKind, Service};

use super::common::{fixture, media, sample};

/// The kinds of a summary, with their plays and time, in the summary's order.
fn kinds(s: &reflet::model::media::MediaSummary) -> Vec<(MediaKind, u64, u64)> {
    s.kinds.iter().map(|k| (k.kind, k.plays, k.ms)).collect()
}

#[test]
fn the_real_basic_history_is_three_songs_by_one_artist() {
    let s = media(
        &sample("spotify/StreamingHistory_music_0.json"),
        "spotify.streaming_history",
    );
    assert_eq!(s.service, Service::Spotify);
    // 265550 + 271011 + 90674 ms, all on 2023-04-09 (endTime 03:55, 04:00, 04:01 UTC).
    assert_eq!((s.plays, s.ms), (3, 627_235));
    assert_eq!(s.first.as_deref(), Some("2023-04-09"));
    assert_eq!(s.last.as_deref(), Some("2023-04-09"));
    assert_eq!(kinds(&s), [(MediaKind::Music, 3, 627_235)]);
    assert_eq!((s.creator_count, s.title_count), (1, 3));
    let top = s.creators.first().unwrap();
    assert_eq!(
        (top.name.as_str(), top.plays, top.ms),
        ("John Mayer", 3, 627_235)
    );
    // The basic history names no device, address nor country.
    assert!(s.devices.is_empty() && s.ips.is_empty() && s.countries.is_empty());
}

#[test]
fn the_basic_podcast_history_is_episodes_of_three_shows() {
    let s = media(
        &fixture(
            "spotify.streaming_history",
            "StreamingHistory_podcast_0.json",
        ),
        "spotify.streaming_history",
    );
    assert_eq!((s.plays, s.ms), (12, 16_875_587));
    assert_eq!(s.first.as_deref(), Some("2023-06-05"));
    assert_eq!(s.last.as_deref(), Some("2023-10-21"));
    assert_eq!(kinds(&s), [(MediaKind::Podcast, 12, 16_875_587)]);
    assert_eq!((s.creator_count, s.title_count), (3, 3));
    let top = s.creators.first().unwrap();
    assert_eq!(
        (top.name.as_str(), top.plays, top.ms),
        ("La Méthode scientifique", 4, 6_081_363)
    );
}

#[test]
fn the_extended_history_names_devices_addresses_and_countries() {
    let s = media(
        &fixture(
            "spotify.extended_history",
            "Streaming_History_Audio_2023-2024_0.json",
        ),
        "spotify.extended_history",
    );
    assert_eq!((s.plays, s.ms), (36, 20_009_807));
    assert_eq!(s.first.as_deref(), Some("2023-01-22"));
    assert_eq!(s.last.as_deref(), Some("2024-07-24"));
    // Nine podcast episodes hold most of the time; the 27 music plays include one whose track
    // is null (a track since removed), counted but unnamed.
    assert_eq!(
        kinds(&s),
        [
            (MediaKind::Podcast, 9, 16_460_092),
            (MediaKind::Music, 27, 3_549_715)
        ]
    );
    assert_eq!((s.creator_count, s.title_count), (8, 10));
    let top = s.creators.first().unwrap();
    assert_eq!(
        (top.name.as_str(), top.plays, top.ms),
        ("Les Couilles sur la table", 3, 5_943_531)
    );
    let title = s.titles.first().unwrap();
    assert_eq!((title.name.as_str(), title.plays), ("La grenade", 4));
    // Three long platform strings before 2023-10-19, three short ones after.
    let mut devices: Vec<(&str, u64)> = s
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.logins))
        .collect();
    devices.sort_unstable();
    assert_eq!(
        devices,
        [
            ("Android OS 13 API 33 (samsung, SM-G991B)", 7),
            ("Windows 10 (10.0.19045; x64)", 6),
            ("android", 5),
            ("iOS 16.4.1 (iPhone14,5)", 7),
            ("ios", 5),
            ("windows", 6),
        ]
    );
    let ips: Vec<(&str, u64)> = s.ips.iter().map(|d| (d.name.as_str(), d.logins)).collect();
    assert_eq!(ips.len(), 4);
    assert_eq!(ips.first(), Some(&("90.12.204.17", 15)));
    assert_eq!(s.countries, [("FR".to_owned(), 32), ("BE".to_owned(), 4)]);
}

#[test]
fn the_old_extended_history_reads_the_decrypted_address_and_the_user_agent() {
    let s = media(
        &fixture("spotify.extended_history", "endsong_0.json"),
        "spotify.extended_history",
    );
    assert_eq!((s.plays, s.ms), (10, 1_153_978));
    assert_eq!(s.first.as_deref(), Some("2016-04-07"));
    assert_eq!(s.last.as_deref(), Some("2016-12-27"));
    assert_eq!((s.creator_count, s.title_count), (4, 4));
    // One entry has no platform: its user agent (a Mac's browser) names the device.
    let mut devices: Vec<(&str, u64)> = s
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.logins))
        .collect();
    devices.sort_unstable();
    assert_eq!(
        devices,
        [
            ("Android OS 6.0.1 API 23 (samsung, SM-G920F)", 5),
            ("Mac", 1),
            ("OS X 10.11.6 [x86 8]", 4),
        ]
    );
    let ips: Vec<(&str, u64)> = s.ips.iter().map(|d| (d.name.as_str(), d.logins)).collect();
    assert_eq!(ips, [("82.64.12.201", 7), ("193.54.67.2", 3)]);
    assert_eq!(s.countries, [("FR".to_owned(), 10)]);
    // The user name is never read.
    assert!(!format!("{s:?}").contains("jdupont75"));
}

#[test]
fn the_extended_video_history_is_videos() {
    let s = media(
        &fixture(
            "spotify.extended_video",
            "Streaming_History_Video_2024.json",
        ),
        "spotify.extended_video",
    );
    assert_eq!((s.plays, s.ms), (8, 5_555_956));
    assert_eq!(s.first.as_deref(), Some("2024-02-17"));
    assert_eq!(s.last.as_deref(), Some("2024-05-05"));
    assert_eq!(kinds(&s), [(MediaKind::Video, 8, 5_555_956)]);
    assert_eq!((s.creator_count, s.title_count), (2, 2));
    assert_eq!(s.creators.first().unwrap().name, "Le Code a changé");
    assert_eq!((s.devices.len(), s.ips.len()), (2, 2));
}

#[test]
fn the_inferences_are_segments_in_order() {
    let s = media(
        &fixture("spotify.inferences", "Inferences.json"),
        "spotify.inferences",
    );
    // 28 distinct strings.
    assert_eq!(s.segments.len(), 28);
    assert_eq!(
        s.segments.first().map(String::as_str),
        Some("1P_Custom_Auto_Intenders")
    );
    assert_eq!(
        s.segments.last().map(String::as_str),
        Some("Gender_Female_Skewed")
    );
    assert!(s
        .segments
        .iter()
        .any(|g| g == "2P_Renault_Auto-Intenders_20230115_FR_Lookalike [Advertiser-Restricted]"));
    assert_eq!(s.plays, 0);
}
