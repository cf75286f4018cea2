//! Snapchat's social files (issue 8), read from the fixtures written from formats.md section 4
//! (no real sample exists), through the registry: detection by path and first bytes, then the
//! summary `read_source` gives.
//!
//! The expected values were counted from the fixtures independently of Reflet's readers, with a
//! Python walk of the JSON (`json.load`, then `collections.Counter` over the entries: logins whose
//! `Status` does not say "fail", by `IP` and `Device`; `"Friends"` by the year of `"Creation
//! Timestamp"`; chat entries whose `"Media Type"` does not start with `STATUS`, by `"Conversation
//! Title"` or else their key (2023+) or by `To`/`From` (older), `IsSender` or the list's
//! direction summed; dates with `time.strptime` and `calendar.timegm`), then written down here.

use std::path::Path;

use reflet::analysis::read_source;
use reflet::ingest::HEAD_LEN;
use reflet::model::social::{Platform, Relation, SocialSummary};
use reflet::model::Summary;
use reflet::sources;

/// The summary of a fixture of `tests/fixtures/<id>/`, after checking that `id` claims it.
fn read(id: &str, name: &str) -> SocialSummary {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let claim =
        sources::detect(&path.to_string_lossy(), &bytes[..bytes.len().min(HEAD_LEN)]).unwrap();
    assert_eq!(claim.source, id, "{name}");
    let (summary, error) = read_source(sources::by_id(id).unwrap(), &mut &bytes[..]);
    assert_eq!(error, None, "{name}");
    let Summary::Social(summary) = summary else {
        panic!("{name}: {summary:?}")
    };
    assert_eq!(summary.platform, Platform::Snapchat);
    summary
}

/// Names and login counts, with first and last days.
fn seen(list: &[reflet::model::social::Seen]) -> Vec<(&str, u64, &str, &str)> {
    list.iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.logins,
                s.first.as_deref().unwrap_or(""),
                s.last.as_deref().unwrap_or(""),
            )
        })
        .collect()
}

#[test]
fn account_logins_by_address_and_device_without_the_failed_ones() {
    // account_2022.json: 40 entries in "Login History", 2 with "Status": "failure" → 38.
    let s = read("snapchat.account", "account_2022.json");
    assert_eq!(s.logins, 38);
    assert_eq!(
        seen(&s.ips),
        [
            ("203.0.113.45", 10, "2022-01-06", "2022-07-18"),
            ("203.0.113.7", 10, "2022-01-01", "2022-07-13"),
            ("192.0.2.200", 9, "2022-01-16", "2022-07-28"),
            ("198.51.100.23", 9, "2022-01-11", "2022-07-23"),
        ]
    );
    // The user agent of the web login is shown as its browser and system.
    let devices: Vec<(&str, u64)> = s
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.logins))
        .collect();
    assert_eq!(
        devices,
        [
            ("iPhone12,1", 10),
            ("iPhone14,5", 10),
            ("Chrome (Mac)", 9),
            ("SM-G991B", 9)
        ]
    );
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(38));
    // Neither the username nor the name is kept.
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        !json.contains("lea.martin") && !json.contains("Martin"),
        "{json}"
    );
}

#[test]
fn account_logins_of_every_era() {
    // account_2019.json: 30 logins, slashes in the dates, none failed; account_2024.json: 50
    // entries, 1 failed.
    let s = read("snapchat.account", "account_2019.json");
    assert_eq!(s.logins, 30);
    assert_eq!(
        seen(&s.ips).first(),
        Some(&("203.0.113.45", 8, "2019-01-06", "2019-06-06"))
    );
    let s = read("snapchat.account", "account_2024.json");
    assert_eq!(s.logins, 49);
    assert_eq!(s.ips.iter().map(|i| i.logins).sum::<u64>(), 49);
}

#[test]
fn friends_by_the_year_the_friendship_began() {
    // friends_2023.json: 36 "Friends" (Team Snapchat from 2015, then 8, 9, 9, 9 from 2020 to
    // 2023); the 3 requests, 1 blocked, 4 deleted, 1 hidden and 1 pending are not friends.
    let s = read("snapchat.friends", "friends_2023.json");
    assert_eq!(s.contacts.len(), 1);
    let friends = &s.contacts[0];
    assert_eq!((friends.relation, friends.count), (Relation::Friend, 36));
    assert_eq!(
        friends.years,
        [(2015, 1), (2020, 8), (2021, 9), (2022, 9), (2023, 9)]
    );
    // friends_2019.json: 24 friends, 6 a year from 2016 to 2019, dates with slashes.
    let s = read("snapchat.friends", "friends_2019.json");
    assert_eq!(s.contacts[0].count, 24);
    assert_eq!(
        s.contacts[0].years,
        [(2016, 6), (2017, 6), (2018, 6), (2019, 6)]
    );
    // No name is kept.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("tom") && !json.contains("Tom"), "{json}");
}

/// Conversations as (name, messages, sent, first, last).
fn conversations(s: &SocialSummary) -> Vec<(&str, u64, Option<u64>, &str, &str)> {
    s.conversations
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.messages,
                c.sent,
                c.first.as_deref().unwrap_or(""),
                c.last.as_deref().unwrap_or(""),
            )
        })
        .collect()
}

#[test]
fn chats_of_2023_by_conversation_without_notices_or_texts() {
    // chat_history_2023.json: 57 entries, 4 STATUS… notices → 53 messages, 18 sent; the group
    // is named by its "Conversation Title".
    let s = read("snapchat.chat_history", "chat_history_2023.json");
    assert_eq!(s.messages, 53);
    assert_eq!(
        conversations(&s),
        [
            ("tom.10", 23, Some(8), "2023-01-01", "2023-01-24"),
            ("ana.11", 17, Some(6), "2023-01-25", "2023-02-14"),
            ("Escalade 🧗", 13, Some(4), "2023-02-15", "2023-03-01"),
        ]
    );
    // The rhythm counts what the person sent.
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(18));
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        !json.contains("on se voit") && !json.contains("b~"),
        "{json}"
    );
}

#[test]
fn chats_of_every_era() {
    // chat_history_2025.json: 46 entries, 3 notices → 43, 15 sent ("Created(microseconds)" in
    // milliseconds there).
    let s = read("snapchat.chat_history", "chat_history_2025.json");
    assert_eq!(
        (s.messages, s.rhythm.as_ref().map(|r| r.total)),
        (43, Some(15))
    );
    assert_eq!(
        conversations(&s),
        [
            ("Coloc", 24, Some(8), "2025-01-21", "2025-02-18"),
            ("chloe.13", 19, Some(7), "2025-01-01", "2025-01-20"),
        ]
    );
    // chat_history_2022.json: the four lists by direction, 64 entries, 27 in the "Sent" lists.
    let s = read("snapchat.chat_history", "chat_history_2022.json");
    assert_eq!(s.messages, 64);
    assert_eq!(
        conversations(&s),
        [
            ("chloe.13", 17, Some(7), "2022-01-01", "2022-03-06"),
            ("ana.11", 16, Some(7), "2022-01-03", "2022-03-08"),
            ("yanis.12", 16, Some(7), "2022-01-02", "2022-03-07"),
            ("tom.10", 15, Some(6), "2022-01-04", "2022-03-05"),
        ]
    );
    // chat_history_2021.json: the same with slashes in the dates, 76 entries, 32 sent.
    let s = read("snapchat.chat_history", "chat_history_2021.json");
    assert_eq!(
        (s.messages, s.rhythm.as_ref().map(|r| r.total)),
        (76, Some(32))
    );
    assert_eq!(s.conversations.len(), 4);
}

#[test]
fn snaps_are_messages_of_their_conversations() {
    // snap_history_2022.json: 40 received, 25 sent (slashes in the first list's dates).
    let s = read("snapchat.snap_history", "snap_history_2022.json");
    assert_eq!(
        (s.messages, s.rhythm.as_ref().map(|r| r.total)),
        (65, Some(25))
    );
    assert_eq!(
        conversations(&s),
        [
            ("ana.11", 22, Some(9), "2022-01-02", "2022-05-13"),
            ("tom.10", 22, Some(8), "2022-01-01", "2022-05-12"),
            ("yanis.12", 21, Some(8), "2022-01-03", "2022-05-11"),
        ]
    );
    // snap_history_2024.json: 62 snaps by conversation, 31 sent.
    let s = read("snapchat.snap_history", "snap_history_2024.json");
    assert_eq!(s.messages, 62);
    assert_eq!(
        conversations(&s),
        [
            ("tom.10", 30, Some(15), "2024-01-01", "2024-02-02"),
            ("ana.11", 20, Some(10), "2024-02-03", "2024-02-22"),
            ("Escalade 🧗", 12, Some(6), "2024-02-23", "2024-03-06"),
        ]
    );
}

#[test]
fn the_ad_profile_s_interests_inferences_and_interactions() {
    let s = read("snapchat.user_profile", "user_profile_2024.json");
    // 20 "Interest Categories", sorted by name (Python's sorted()).
    let names: Vec<&str> = s.interests.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Anime Fans",
            "Beauty Mavens",
            "Comedy Fans",
            "Fashion & Style Gurus",
            "Fitness Enthusiasts",
            "Foodies",
            "Frequent Domestic Travelers",
            "Gamers",
            "Hip Hop Fans",
            "Movie Lovers",
            "Music Lovers",
            "Outdoor & Nature Enthusiasts",
            "Parents & Family-Focused",
            "Pet & Animal Lovers",
            "Political News Watchers",
            "Shoppers",
            "Sports Fans",
            "Students",
            "TV Lovers",
            "Travel Enthusiasts",
        ]
    );
    let inferred: Vec<(&str, Vec<&str>)> = s
        .inferred
        .iter()
        .map(|(l, v)| (l.as_str(), v.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        inferred,
        [
            ("Cohort Age", vec!["AGE_21_TO_24"]),
            ("Derived Ad Demographic", vec!["FEMALE"]),
            (
                "Content Categories",
                vec![
                    "Comedy",
                    "Gaming",
                    "Music",
                    "Sports",
                    "Beauty",
                    "Animals & Pets",
                    "Food & Cooking"
                ]
            ),
        ]
    );
    // 2 sites and 3 apps, one undated event each.
    let apps: Vec<(&str, u64, &str)> = s
        .off_platform
        .iter()
        .map(|a| (a.name.as_str(), a.events, a.types[0].0.as_str()))
        .collect();
    assert_eq!(
        apps,
        [
            ("Deezer", 1, "App Interactions"),
            ("Spotify", 1, "App Interactions"),
            ("Vinted", 1, "App Interactions"),
            ("example.com", 1, "Web Interactions"),
            ("tickets.example.org", 1, "Web Interactions"),
        ]
    );
    assert!(s.rhythm.is_none() && s.logins == 0);
    // user_profile_2021.json: 14 categories, the older cohort's writing, 3 sites.
    let s = read("snapchat.user_profile", "user_profile_2021.json");
    assert_eq!((s.interests.len(), s.off_platform.len()), (14, 3));
    assert_eq!(
        s.inferred[0],
        ("Cohort Age".to_owned(), vec!["18-24".to_owned()])
    );
}
