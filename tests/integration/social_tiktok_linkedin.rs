//! TikTok's and LinkedIn's files (issue 8), read from the real samples through the report
//! `inspect` prints.
//!
//! The expected values were counted from the samples independently of Reflet's readers, with
//! Python's `json` and `csv` modules (the commands are next to each test).

use std::path::{Path, PathBuf};

use reflet::model::social::{Platform, Relation, SocialSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, FileReport, Kind};

fn sample(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(path)
}

/// The report of one sample, read by the source `id`, with its social summary.
fn read(path: &str, id: &str) -> (FileReport, SocialSummary) {
    let report = inspect_paths(&[sample(path)]);
    let file = report
        .files
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{path} not in the report"));
    assert_eq!(file.kind, Kind::Source(id.into()), "{path}");
    assert_eq!(file.error, None, "{path}");
    let Some(Summary::Social(summary)) = file.summary.clone() else {
        panic!("{path}: {:?}", file.summary)
    };
    (file, summary)
}

fn contacts(s: &SocialSummary, relation: Relation) -> u64 {
    s.contacts
        .iter()
        .find(|c| c.relation == relation)
        .map_or(0, |c| c.count)
}

#[test]
fn tiktok_2024_sample() {
    let (_, s) = read("tiktok/user_data_tiktok.json", "tiktok.user_data");
    assert_eq!(s.platform, Platform::TikTok);
    // python3: d = json.load(…); len(d['Activity']['Login History']['LoginHistoryList']) → 5,
    // one IP ('1.2.3.4'), one device (DeviceModel 'iPhone14,4', DeviceSystem 'iOS 17.6.1').
    assert_eq!(s.logins, 5);
    let ips: Vec<(&str, u64)> = s.ips.iter().map(|i| (i.name.as_str(), i.logins)).collect();
    assert_eq!(ips, [("1.2.3.4", 5)]);
    let devices: Vec<(&str, u64)> = s
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.logins))
        .collect();
    assert_eq!(devices, [("iPhone14,4 (iOS)", 5)]);
    // FansList 1 (2024), Following 6.
    assert_eq!(contacts(&s, Relation::Follower), 1);
    assert_eq!(contacts(&s, Relation::Following), 6);
    // Dated actions: VideoList 3 + ItemFavoriteList 20 + FavoriteVideoList 4 + SearchList 13 +
    // ShareHistoryList 5 + CommentsList 2 + Videos.VideoList 1 + RecentlyDeletedPosts.PostList 2
    // = 50, and the 5 logins: 55. ChatHistory is {}, AdInterestCategories '' and
    // OffTikTokActivityDataList null.
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(55));
    assert_eq!(s.messages, 0);
    assert!(s.interests.is_empty() && s.off_platform.is_empty());
}

#[test]
fn tiktok_2022_sample() {
    let (_, s) = read("tiktok/user_data_hestia_2022.json", "tiktok.user_data");
    // python3: 2289 logins, each from its own (fake) IP address; devices = DeviceModel and the
    // words of DeviceSystem before the version: 9 pairs, most often 'SAMSUNG_I006D (MacOs
    // Monterrey)' (274).
    assert_eq!(s.logins, 2289);
    assert_eq!(s.ips.len(), 2289);
    assert_eq!(s.devices.len(), 9);
    assert_eq!(
        (s.devices[0].name.as_str(), s.devices[0].logins),
        ("SAMSUNG_I006D (MacOs Monterrey)", 274)
    );
    // FansList 30, Following 200; followers by year (Date[:4]): 2009: 3, 2010: 1, 2011: 2,
    // 2012: 2, 2013: 1, 2014: 3, 2015: 1, 2016: 2, 2017: 2, 2018: 3, 2019: 3, 2020: 3,
    // 2021: 2, 2022: 2.
    assert_eq!(contacts(&s, Relation::Follower), 30);
    assert_eq!(contacts(&s, Relation::Following), 200);
    let followers = s
        .contacts
        .iter()
        .find(|c| c.relation == Relation::Follower)
        .unwrap();
    assert_eq!(
        followers.years,
        [
            (2009, 3),
            (2010, 1),
            (2011, 2),
            (2012, 2),
            (2013, 1),
            (2014, 3),
            (2015, 1),
            (2016, 2),
            (2017, 2),
            (2018, 3),
            (2019, 3),
            (2020, 3),
            (2021, 2),
            (2022, 2)
        ]
    );
    // Messages: 'Chat History with bob.dylan:' 589 (287 From 'john.lennon', the profile's
    // userName), 'Chat History with alfred.theboss:' 189 (87 from john.lennon). The profile comes
    // after the messages; the person is found as the other sender of a one-to-one conversation.
    assert_eq!(s.messages, 778);
    let conversations: Vec<(&str, u64, Option<u64>)> = s
        .conversations
        .iter()
        .map(|c| (c.name.as_str(), c.messages, c.sent))
        .collect();
    assert_eq!(
        conversations,
        [
            ("bob.dylan", 589, Some(287)),
            ("alfred.theboss", 189, Some(87))
        ]
    );
    // Dated actions: VideoList 5549 + ItemFavoriteList 589 + SearchList 389 +
    // ShareHistoryList 1 + CommentsList 389 = 6917, the 2289 logins and the 374 messages sent:
    // 9580 (all between 2008 and 2022).
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(9580));
}
