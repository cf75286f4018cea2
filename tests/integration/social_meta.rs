//! Facebook's and Instagram's logins, connections, messages and activity (issue 8), read from
//! the real Instagram samples through the report `inspect` prints, and from the Facebook
//! fixtures written from formats.md.
//!
//! The expected values were counted independently of Reflet's readers, with a Python walk of
//! the JSON (`json.load`, the records counted, times turned into UTC dates and years with
//! `datetime`, those before 2004 left out as the collector does), and by eye for the short
//! files: 96 followers in the 2022 sample, from 2008 to 2022; 22 messages with Jay Baker, 6 sent
//! by John Lennon, the other participant, between 2008-12-07 and 2021-10-23; 2 logins in the
//! 2025 sample, titled 2025-02-18 and 2024-03-22, from 84.818 and 149.25 with the agent
//! `blabla`; 4 stories, 5 searches of which one has an untruncated time, and so on below.

use std::path::{Path, PathBuf};

use reflet::analysis::read_source;
use reflet::ingest::HEAD_LEN;
use reflet::model::social::{Platform, Relation, SocialSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind};
use reflet::sources;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One real sample, named with its folders (`instagram/…`), read by the source `id` through
/// the report.
fn sample(path: &str, id: &str) -> SocialSummary {
    let top = path.split('/').next().unwrap();
    let report = inspect_paths(&[root().join("../shared/samples").join(top)]);
    let file = report
        .files
        .into_iter()
        .find(|f| format!("{top}/{}", f.file.path.split_once('/').map_or("", |p| p.1)) == path)
        .unwrap_or_else(|| panic!("{path} not in the report"));
    assert_eq!(file.kind, Kind::Source(id.into()), "{path}");
    assert_eq!(file.error, None, "{path}");
    let Some(Summary::Social(summary)) = file.summary else {
        panic!("{path}: {:?}", file.summary)
    };
    summary
}

/// One generated fixture, `tests/fixtures/<id>/<name>`, claimed and read by `id`.
fn fixture(id: &str, name: &str) -> SocialSummary {
    let path: PathBuf = root().join("tests/fixtures").join(id).join(name);
    let bytes = std::fs::read(&path).unwrap();
    let shown = path.to_string_lossy();
    let claim = sources::detect(&shown, &bytes[..bytes.len().min(HEAD_LEN)]).unwrap();
    assert_eq!(claim.source, id, "{shown}");
    let (summary, error) = read_source(sources::by_id(id).unwrap(), &mut &bytes[..]);
    assert_eq!(error, None, "{shown}");
    let Summary::Social(summary) = summary else {
        panic!("{shown}: {summary:?}")
    };
    summary
}

/// Each IP address (or device) and its logins, sorted by name.
fn seen(list: &[reflet::model::social::Seen]) -> Vec<(&str, u64)> {
    let mut out: Vec<(&str, u64)> = list.iter().map(|s| (s.name.as_str(), s.logins)).collect();
    out.sort_unstable();
    out
}

fn rhythm_total(s: &SocialSummary) -> u64 {
    s.rhythm.as_ref().map_or(0, |r| r.total)
}

const IG: &str = "instagram/whatif_2025";

/// A file, its logins, and its logins by IP address.
type Case<'a> = (&'a str, u64, Vec<(&'a str, u64)>);

#[test]
fn instagram_s_logins_are_dated_by_their_title_and_counted_by_address() {
    let s = sample(
        &format!(
            "{IG}/security_and_login_information/login_and_profile_creation/login_activity.json"
        ),
        "instagram.logins",
    );
    assert_eq!(s.platform, Platform::Instagram);
    assert_eq!(s.logins, 2);
    assert_eq!(seen(&s.ips), [("149.25", 1), ("84.818", 1)]);
    assert_eq!(seen(&s.devices), [("blabla", 2)]);
    let agent = &s.devices[0];
    assert_eq!(
        (agent.first.as_deref(), agent.last.as_deref()),
        (Some("2024-03-22"), Some("2025-02-18"))
    );
    // The truncated `Time` (17375704) is not used: the title gives the time.
    assert_eq!(rhythm_total(&s), 2);

    let s = sample(
        &format!("{IG}/personal_information/device_information/devices.json"),
        "instagram.logins",
    );
    assert_eq!(s.logins, 3);
    assert!(s.ips.is_empty());
    assert_eq!(rhythm_total(&s), 3);
}

#[test]
fn instagram_s_french_and_logout_fixtures_are_read_by_meaning() {
    let s = fixture("instagram.logins", "login_activity.json");
    assert_eq!(s.logins, 6);
    assert_eq!(
        seen(&s.ips),
        [
            ("2a01:e0a:5d3:9b60:8d1:4f2e:aa17:3c02", 2),
            ("37.171.88.140", 2),
            ("82.65.113.27", 2)
        ]
    );
    assert_eq!(s.devices.iter().map(|d| d.logins).sum::<u64>(), 6);
    // Logouts are no logins: only moments of use, the four titles' times.
    let s = fixture("instagram.logins", "logout_activity.json");
    assert_eq!(s.logins, 0);
    assert!(s.ips.is_empty());
    assert_eq!(rhythm_total(&s), 4);
}

#[test]
fn facebook_s_login_files_each_give_their_logins_and_addresses() {
    let v6 = "2a01:cb05:8f3e:1a00:5d2c:91ff:fe3b:7c10";
    let cases: [Case; 4] = [
        (
            "ip_address_activity.json",
            5,
            vec![("176.160.12.84", 1), (v6, 2), ("90.112.47.201", 2)],
        ),
        (
            "account_activity.json",
            4,
            vec![("176.160.12.84", 1), (v6, 2), ("90.112.47.201", 1)],
        ),
        // Its "Log Out" record is a moment of use, not a login.
        (
            "logins_and_logouts.json",
            3,
            vec![("176.160.12.84", 1), (v6, 1), ("90.112.47.201", 1)],
        ),
        (
            "where_you're_logged_in.json",
            5,
            vec![
                ("176.160.12.84", 1),
                (v6, 1),
                ("82.64.150.9", 1),
                ("90.112.47.201", 2),
            ],
        ),
    ];
    for (name, logins, ips) in cases {
        let s = fixture("facebook.logins", name);
        assert_eq!(s.platform, Platform::Facebook);
        assert_eq!(s.logins, logins, "{name}");
        assert_eq!(seen(&s.ips), ips, "{name}");
        let logouts = u64::from(name == "logins_and_logouts.json");
        assert_eq!(rhythm_total(&s), logins + logouts, "{name}");
    }
}

#[test]
fn followers_and_people_followed_are_counted_by_year_without_names() {
    let s = sample(
        "instagram/hestia_2022/followers.json",
        "instagram.connections",
    );
    assert_eq!(s.contacts.len(), 1);
    let followers = &s.contacts[0];
    assert_eq!(
        (followers.relation, followers.count),
        (Relation::Follower, 96)
    );
    assert_eq!(
        followers.years,
        [
            (2008, 8),
            (2009, 5),
            (2010, 4),
            (2011, 5),
            (2012, 8),
            (2013, 9),
            (2014, 11),
            (2015, 10),
            (2016, 4),
            (2017, 6),
            (2018, 5),
            (2019, 4),
            (2020, 4),
            (2021, 2),
            (2022, 11)
        ]
    );
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("david.holmes"), "{json}");

    let s = sample(
        &format!("{IG}/connections/followers_and_following/followers_1.json"),
        "instagram.connections",
    );
    assert_eq!(s.contacts[0].relation, Relation::Follower);
    assert_eq!(s.contacts[0].count, 3);
    assert_eq!(s.contacts[0].years, [(2024, 1), (2025, 2)]);

    // Both times are truncated (17397255, 17113269): counted, not dated.
    let s = sample(
        &format!("{IG}/connections/followers_and_following/following.json"),
        "instagram.connections",
    );
    assert_eq!(s.contacts[0].relation, Relation::Following);
    assert_eq!(s.contacts[0].count, 2);
    assert!(s.contacts[0].years.is_empty());
}

#[test]
fn facebook_s_friends_and_people_followed_fixtures() {
    let s = fixture("facebook.connections", "your_friends.json");
    assert_eq!(s.contacts.len(), 1);
    assert_eq!(
        (s.contacts[0].relation, s.contacts[0].count),
        (Relation::Friend, 12)
    );
    assert_eq!(
        s.contacts[0].years,
        [
            (2013, 1),
            (2015, 1),
            (2017, 1),
            (2018, 1),
            (2019, 1),
            (2020, 1),
            (2021, 1),
            (2022, 3),
            (2023, 1),
            (2024, 1)
        ]
    );
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("Fran"), "{json}");
    let s = fixture("facebook.connections", "who_you've_followed.json");
    assert_eq!(
        (s.contacts[0].relation, s.contacts[0].count),
        (Relation::Following, 6)
    );
    assert_eq!(s.contacts[0].years.len(), 6);
}

#[test]
fn a_conversation_of_two_tells_who_sent_and_a_named_group_does_not() {
    let s = sample("instagram/hestia_2022/message_1.json", "instagram.messages");
    assert_eq!(s.messages, 22);
    assert_eq!(s.conversations.len(), 1);
    let c = &s.conversations[0];
    assert_eq!(
        (c.name.as_str(), c.messages, c.sent),
        ("Jay Baker", 22, Some(6))
    );
    assert_eq!(
        (c.first.as_deref(), c.last.as_deref()),
        (Some("2008-12-07"), Some("2021-10-23"))
    );
    // Only the person's own messages make the rhythm of their days.
    assert_eq!(rhythm_total(&s), 6);
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("Authority part"), "{json}");

    // Titled "hola", neither participant's name: who sent is not told.
    let s = sample(
        &format!("{IG}/your_instagram_activity/messages/inbox/username/message_1.json"),
        "instagram.messages",
    );
    let c = &s.conversations[0];
    assert_eq!((c.name.as_str(), c.messages, c.sent), ("hola", 2, None));
    assert_eq!(c.first.as_deref(), Some("2024-10-24"));
    // A garbled time (17257039188301 ms, year 2516) is counted, not dated.
    let s = sample(
        &format!("{IG}/your_instagram_activity/messages/message_requests/anotheruser_999999999/message_1.json"),
        "instagram.messages",
    );
    assert_eq!(s.messages, 1);
    assert_eq!(s.conversations[0].name, "second test");
    assert_eq!(s.conversations[0].first, None);
}

#[test]
fn facebook_s_message_fixtures_are_named_repaired() {
    let s = fixture("facebook.messages", "message_1.json");
    let c = &s.conversations[0];
    assert_eq!(
        (c.name.as_str(), c.messages, c.sent),
        ("François Dupré", 14, Some(6))
    );
    assert_eq!(c.first.as_deref(), Some("2024-03-25"));
    let s = fixture("facebook.messages", "group_message_1.json");
    let c = &s.conversations[0];
    assert_eq!(
        (c.name.as_str(), c.messages, c.sent),
        ("Rando Vercors \u{1f3d4}\u{fe0f}", 10, None)
    );
    assert_eq!(
        (c.first.as_deref(), c.last.as_deref()),
        (Some("2023-07-21"), Some("2023-07-22"))
    );
    let s = fixture("facebook.messages", "zoe_lefevre_1.json");
    let c = &s.conversations[0];
    assert_eq!(
        (c.name.as_str(), c.messages, c.sent),
        ("Zoé Lefèvre", 6, Some(3))
    );
}

#[test]
fn instagram_s_actions_give_the_rhythm_of_the_days_truncated_times_left_out() {
    // File, plausible times (the rest are truncated in the public sample).
    let cases = [
        ("your_instagram_activity/content/stories.json", 4),
        (
            "logged_information/recent_searches/profile_searches.json",
            1,
        ),
        ("your_instagram_activity/likes/liked_posts.json", 3),
        ("your_instagram_activity/comments/post_comments_1.json", 2),
        ("your_instagram_activity/content/posts_1.json", 1),
        ("your_instagram_activity/saved/saved_posts.json", 4),
        ("ads_information/ads_and_topics/videos_watched.json", 3),
        (
            "your_instagram_activity/story_sticker_interactions/story_likes.json",
            0,
        ),
        (
            "your_instagram_activity/story_sticker_interactions/polls.json",
            0,
        ),
        (
            "your_instagram_activity/story_sticker_interactions/quizzes.json",
            0,
        ),
        ("ads_information/ads_and_topics/ads_viewed.json", 0),
        ("ads_information/ads_and_topics/posts_viewed.json", 0),
    ];
    for (file, plausible) in cases {
        let s = sample(&format!("{IG}/{file}"), "instagram.activity");
        assert_eq!(s.platform, Platform::Instagram);
        assert_eq!(rhythm_total(&s), plausible, "{file}");
    }
}

#[test]
fn facebook_s_actions_give_the_rhythm_of_the_days_without_any_text() {
    // Counted with python3 (`json.load`): for a bare array, its records with a `timestamp` from
    // 2004 to 2040; for an object, the records of its one list, or, for `recently_viewed` and
    // `visited_things_v2`, every item of every `entries` list at any depth.
    let cases = [
        ("your_posts__check_ins__photos_and_videos_1.json", 8),
        ("comments.json", 7),
        ("likes_and_reactions_1.json", 10),
        ("likes_and_reactions.json", 5),
        ("your_search_history.json", 6),
        ("group_posts_and_comments.json", 6),
        ("your_comments_in_groups.json", 4),
        ("pages_you've_liked.json", 5),
        ("recently_viewed.json", 11),
        ("recently_visited.json", 5),
    ];
    for (file, actions) in cases {
        let s = fixture("facebook.activity", file);
        assert_eq!(s.platform, Platform::Facebook);
        assert_eq!(rhythm_total(&s), actions, "{file}");
        let hours: u64 = s
            .rhythm
            .iter()
            .flat_map(|r| r.counts.iter().flatten())
            .sum();
        assert_eq!(hours, actions, "{file}");
        // Nothing else: no text, name, search term or link (each file holds some, in French).
        assert!(s.interests.is_empty() && s.advertisers.is_empty() && s.contacts.is_empty());
        assert_eq!((s.messages, s.logins), (0, 0));
        let json = serde_json::to_string(&s).unwrap();
        for text in [
            "Marie",
            "Lef",
            "Zo",
            "Rochelle",
            "Vercors",
            "facebook.com",
            "J'aime",
            "LIKE",
            "galette",
            "Vélo",
            "vélo",
            "Poitiers",
            "Aquarium",
        ] {
            assert!(!json.contains(text), "{file}: {text} in {json}");
        }
    }
}

#[test]
fn instagram_s_inferences_give_topics_interests_a_city_and_places() {
    let names =
        |s: &SocialSummary| -> Vec<String> { s.interests.iter().map(|i| i.name.clone()).collect() };
    // python3: [r['string_map_data']['Name']['value'] for r in d['topics_your_topics']] →
    // ['BSC', 'BCS', 'BSC']: two names, one twice.
    let s = sample(
        &format!("{IG}/preferences/your_topics/recommended_topics.json"),
        "instagram.inferences",
    );
    assert_eq!(s.platform, Platform::Instagram);
    let mut topics = names(&s);
    topics.sort_unstable();
    assert_eq!(topics, ["BCS", "BSC"]);
    assert!(s.inferred.is_empty());
    // City Name 'BSC'.
    let s = sample(
        &format!("{IG}/personal_information/information_about_you/profile_based_in.json"),
        "instagram.inferences",
    );
    assert_eq!(
        s.inferred,
        [("based in".to_owned(), vec!["BSC".to_owned()])]
    );
    assert!(s.interests.is_empty());
    // python3: the 'Locations of interest' vec → ['BSc', 'BSC' ×5]; the 'Usage explanation'
    // item has a lone value, not a place.
    let s = sample(
        &format!("{IG}/personal_information/information_about_you/locations_of_interest.json"),
        "instagram.inferences",
    );
    assert_eq!(
        s.inferred,
        [(
            "locations of interest".to_owned(),
            vec!["BSc".to_owned(), "BSC".to_owned()]
        )]
    );
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("personalize"), "{json}");
    // The generated ≤2023 ads_interests.json: python3, each value encoded latin-1 and decoded
    // UTF-8 → 20 names, 19 different ('Randonnée' twice), 'Œnologie' among them.
    let s = fixture("instagram.inferences", "ads_interests.json");
    let interests = names(&s);
    assert_eq!(interests.len(), 19);
    for name in [
        "Randonnée",
        "Œnologie",
        "Cinéma d'auteur",
        "Décoration intérieure",
    ] {
        assert!(interests.iter().any(|i| i == name), "{name}: {interests:?}");
    }
}
