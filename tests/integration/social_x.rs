//! X's archive (formerly Twitter's): what it inferred, its advertisers, logins, ads, tweets,
//! direct messages, followers and following, and the apps used, read through the report
//! `inspect` prints.
//!
//! The expected values were counted from the files independently of Reflet's readers: a Python
//! script loaded each file with `json.loads(text[text.index('=') + 1:])`, counted the entries,
//! the distinct names and the flags each list implies, and placed every time in Paris time with
//! `zoneinfo` (Monday first) for the rhythm; the real sample's short lists were checked by eye.
//! Apart from that sample, the files are the fixtures written from formats.md section 6.

use std::path::{Path, PathBuf};

use reflet::model::social::{Platform, SocialSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind};

fn fixture(id: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
        .join(name)
}

/// The social summary of one file, checking that `id` recognised and read it without error.
fn read(path: &Path, id: &str) -> SocialSummary {
    let report = inspect_paths(&[path.to_path_buf()]);
    let [file] = &report.files[..] else {
        panic!("{}: {} files", path.display(), report.files.len())
    };
    assert_eq!(file.kind, Kind::Source(id.into()), "{}", path.display());
    assert_eq!(file.error, None, "{}", path.display());
    let Some(Summary::Social(summary)) = file.summary.clone() else {
        panic!("{}: {:?}", path.display(), file.summary)
    };
    assert_eq!(summary.platform, Platform::X);
    summary
}

fn inferred(s: &SocialSummary) -> Vec<(&str, Vec<&str>)> {
    s.inferred
        .iter()
        .map(|(l, v)| (l.as_str(), v.iter().map(String::as_str).collect()))
        .collect()
}

fn names<T>(list: &[T], name: fn(&T) -> &str) -> Vec<&str> {
    list.iter().map(name).collect()
}

#[test]
fn the_real_personalization_sample_is_read_whole() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/twitter/personalization.js");
    let s = read(&path, "x.personalization");
    assert_eq!(
        names(&s.interests, |i| &i.name),
        ["Interest 1", "Interest 2"]
    );
    // Nine "@asd" in two lists: one advertiser, whose tailored audience holds the person.
    assert_eq!(s.advertisers.len(), 1);
    assert_eq!(s.advertisers[0].name, "@asd");
    assert!(s.advertisers[0].flags.remarketing && !s.advertisers[0].flags.data_file);
    assert_eq!(
        inferred(&s),
        [
            ("languages", vec!["asd"]),
            ("gender", vec!["asd"]),
            ("audiences", vec!["999"]),
            ("shows", vec!["asd"]),
            ("age", vec!["1-999"]),
        ]
    );
}

#[test]
fn personalization_lists_interests_advertisers_and_inferences() {
    let s = read(
        &fixture("x.personalization", "personalization.js"),
        "x.personalization",
    );
    // 56 interests (3 switched off, kept) and 2 partner interests.
    assert_eq!(s.interests.len(), 58);
    assert!(s.interests.iter().any(|i| i.name == "Naturopathie"));
    assert!(s
        .interests
        .iter()
        .any(|i| i.name == "Propriétaires d'animaux"));
    // 28 distinct screen names in four lists, 17 in a tailored or catalogue audience.
    assert_eq!(s.advertisers.len(), 28);
    let plain: Vec<&str> = s
        .advertisers
        .iter()
        .filter(|a| !a.flags.remarketing)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        plain,
        [
            "@BlaBlaCar",
            "@Boulanger",
            "@Cdiscount",
            "@Doctolib",
            "@LeMondefr",
            "@Leboncoin",
            "@MAIF",
            "@ManoMano",
            "@SNCFVoyageurs",
            "@decathlon",
            "@franceinter"
        ]
    );
    assert!(s.advertisers.iter().all(|a| !a.flags.data_file));
    assert_eq!(
        inferred(&s),
        [
            ("languages", vec!["French", "English", "Spanish"]),
            ("gender", vec!["female"]),
            ("audiences", vec!["187"]),
            (
                "shows",
                vec![
                    "Lupin",
                    "Dix pour cent",
                    "Le Bureau des légendes",
                    "Kaamelott",
                    "Les Revenants",
                    "Engrenages",
                    "Baron noir"
                ]
            ),
            ("age", vec!["25-34"]),
        ]
    );
}

#[test]
fn ip_audit_lists_logins_by_address() {
    let s = read(&fixture("x.ip_audit", "ip-audit.js"), "x.ip_audit");
    assert_eq!(s.logins, 36);
    let ips: Vec<(&str, u64)> = s.ips.iter().map(|i| (i.name.as_str(), i.logins)).collect();
    assert_eq!(
        ips,
        [
            ("90.12.204.17", 19),
            ("2a01:e0a:1f2:4b30:d1c9:8e2f:1a7b:33c0", 5),
            ("78.194.33.120", 5),
            ("92.184.105.61", 4),
            ("176.134.22.9", 3),
        ]
    );
    assert_eq!(
        (s.ips[0].first.as_deref(), s.ips[0].last.as_deref()),
        (Some("2023-03-07"), Some("2023-11-22"))
    );
    assert!(s.devices.is_empty());
    let rhythm = s.rhythm.unwrap();
    assert_eq!(rhythm.total, 36);
    // Tuesdays at 8 in Paris: the busiest hour, 3 logins.
    assert_eq!(rhythm.counts[1][8], 3);
}

#[test]
fn ad_impressions_say_who_targeted_the_person_and_why() {
    let s = read(
        &fixture("x.ad_impressions", "ad-impressions.js"),
        "x.ad_impressions",
    );
    // 75 ads from 13 advertisers; 9 matched through an uploaded list, 6 by retargeting.
    assert_eq!(s.advertisers.len(), 13);
    let with_list: Vec<&str> = s
        .advertisers
        .iter()
        .filter(|a| a.flags.data_file)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        with_list,
        [
            "Blablacar",
            "Boulanger",
            "Crédit Mutuel",
            "Decathlon France",
            "Française des Jeux",
            "Hôtels Ibis",
            "L'Oréal Paris",
            "Le Slip Français",
            "Région Île-de-France"
        ]
    );
    assert_eq!(
        s.advertisers.iter().filter(|a| a.flags.remarketing).count(),
        6
    );
    let mut interests = names(&s.interests, |i| &i.name);
    interests.sort_unstable();
    assert_eq!(
        interests,
        [
            "@Doctolib",
            "@LeMondefr",
            "@franceinter",
            "Banque et finance",
            "Cuisine",
            "Cyclisme",
            "Ligue 1",
            "Lupin",
            "Mode féminine",
            "Santé mentale",
            "Tour de France 2023",
            "Voyages en train",
            "recrutement",
            "retraite",
            "épargne"
        ]
    );
    let rhythm = s.rhythm.unwrap();
    assert_eq!(rhythm.total, 75);
    // Fridays at 22 in Paris: 5 ads.
    assert_eq!(rhythm.counts[4][22], 5);
}

#[test]
fn ad_engagements_are_timed_by_each_engagement() {
    let s = read(
        &fixture("x.ad_engagements", "ad-engagements.js"),
        "x.ad_engagements",
    );
    // 18 ads engaged with, from 10 advertisers (2 through a list, 6 by retargeting), 13
    // interests; 16 engagement times, and the impression's time for the 7 ads listing none.
    assert_eq!(s.advertisers.len(), 10);
    let count = |f: fn(&reflet::model::social::AudienceFlags) -> bool| {
        s.advertisers.iter().filter(|a| f(&a.flags)).count()
    };
    assert_eq!((count(|f| f.data_file), count(|f| f.remarketing)), (2, 6));
    assert_eq!(s.interests.len(), 13);
    assert!(s.interests.iter().any(|i| i.name == "vélo électrique"));
    assert_eq!(s.rhythm.unwrap().total, 23);
}

#[test]
fn every_part_of_the_tweets_is_read_for_its_times_only() {
    for (name, total) in [("tweets.js", 30), ("tweets-part1.js", 20), ("tweet.js", 12)] {
        let s = read(&fixture("x.tweets", name), "x.tweets");
        assert_eq!(s.rhythm.unwrap().total, total, "{name}");
        assert!(s.interests.is_empty() && s.inferred.is_empty() && s.messages == 0);
    }
    let s = read(&fixture("x.tweets", "tweets.js"), "x.tweets");
    // Wednesdays and Fridays at noon in Paris: 2 tweets each.
    let rhythm = s.rhythm.unwrap();
    assert_eq!((rhythm.counts[2][12], rhythm.counts[4][12]), (2, 2));
}

#[test]
fn direct_messages_are_counted_by_conversation() {
    let s = read(
        &fixture("x.direct_messages", "direct-messages.js"),
        "x.direct_messages",
    );
    assert_eq!(s.messages, 40);
    let conversations: Vec<(&str, u64, Option<u64>)> = s
        .conversations
        .iter()
        .map(|c| (c.name.as_str(), c.messages, c.sent))
        .collect();
    assert_eq!(
        conversations,
        [
            ("2950118422-1418260157300000768", 14, None),
            ("812345678901234567-1418260157300000768", 14, None),
            ("44196397-1418260157300000768", 12, None),
        ]
    );
    assert_eq!(
        (
            s.conversations[0].first.as_deref(),
            s.conversations[0].last.as_deref()
        ),
        (Some("2023-04-17"), Some("2023-11-30"))
    );
    // Who sent each is unknown: none counts among the person's own actions.
    assert_eq!(s.rhythm, None);

    // The group's file: its join and renaming events are not messages.
    let s = read(
        &fixture("x.direct_messages", "direct-messages-group.js"),
        "x.direct_messages",
    );
    assert_eq!(s.messages, 9);
    assert_eq!(s.conversations[0].name, "1643500000000000000");
}

#[test]
fn ageinfo_gives_the_age_x_holds() {
    let s = read(&fixture("x.ageinfo", "ageinfo.js"), "x.ageinfo");
    assert_eq!(inferred(&s), [("age", vec!["25-34"])]);
}

#[test]
fn followers_and_following_are_counted_without_dates() {
    use reflet::model::social::Relation;
    // 42 and 37 entries (Python: `len()` of each file's array, every entry under its file's key).
    for (name, relation, count) in [
        ("follower.js", Relation::Follower, 42),
        ("following.js", Relation::Following, 37),
    ] {
        let s = read(&fixture("x.follows", name), "x.follows");
        assert_eq!(s.contacts.len(), 1, "{name}");
        assert_eq!(
            (s.contacts[0].relation, s.contacts[0].count),
            (relation, count),
            "{name}"
        );
        // The files date nothing: no year, no rhythm, no login.
        assert!(s.contacts[0].years.is_empty(), "{name}");
        assert_eq!((s.rhythm.is_none(), s.logins), (true, 0), "{name}");
    }
}

#[test]
fn device_tokens_give_each_app_s_first_and_last_use() {
    let s = read(&fixture("x.devices", "device-token.js"), "x.devices");
    // 12 apps' entries, two times each (Python: createdAt and lastSeenAt, grouped by
    // clientApplicationName, the first and last dates in UTC).
    assert_eq!(s.logins, 24);
    let devices: Vec<(&str, u64, Option<&str>, Option<&str>)> = s
        .devices
        .iter()
        .map(|d| {
            (
                d.name.as_str(),
                d.logins,
                d.first.as_deref(),
                d.last.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        devices,
        [
            (
                "Twitter for iPhone",
                8,
                Some("2019-09-28"),
                Some("2023-11-07")
            ),
            ("Twitter Web App", 6, Some("2020-05-11"), Some("2024-03-03")),
            (
                "Twitter for Android",
                4,
                Some("2020-12-12"),
                Some("2022-09-30")
            ),
            ("TweetDeck", 2, Some("2022-10-05"), Some("2023-03-09")),
            ("Twitter for Mac", 2, Some("2022-05-07"), Some("2023-10-05")),
            (
                "Twitter for iPad",
                2,
                Some("2022-09-11"),
                Some("2023-06-27")
            ),
        ]
    );
    assert!(s.ips.is_empty());
    let rhythm = s.rhythm.unwrap();
    assert_eq!(rhythm.total, 24);
    // Thursdays at 11 and Saturdays at 5 in Paris: 2 times each, the busiest hours.
    assert_eq!((rhythm.counts[3][11], rhythm.counts[5][5]), (2, 2));
}

#[test]
fn the_account_creation_address_is_one_undated_login() {
    let s = read(&fixture("x.devices", "account-creation-ip.js"), "x.devices");
    assert_eq!(s.logins, 1);
    let ips: Vec<(&str, u64, Option<&str>)> = s
        .ips
        .iter()
        .map(|i| (i.name.as_str(), i.logins, i.first.as_deref()))
        .collect();
    assert_eq!(ips, [("90.12.204.17", 1, None)]);
    assert!(s.devices.is_empty() && s.rhythm.is_none());
}
