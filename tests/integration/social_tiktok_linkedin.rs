//! TikTok's and LinkedIn's files (issue 8), read from the real samples through the report
//! `inspect` prints.
//!
//! The expected values were counted from the samples independently of Reflet's readers, with
//! Python's `json` and `csv` modules (the commands are next to each test).

use std::path::{Path, PathBuf};

use reflet::analysis::read_source;
use reflet::ingest::HEAD_LEN;
use reflet::model::social::{Platform, Relation, SocialSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, FileReport, Kind};
use reflet::sources;

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

#[test]
fn linkedin_connections_are_counted_by_year() {
    let (_, s) = read("linkedin/Connections.csv", "linkedin.connections");
    assert_eq!(s.platform, Platform::LinkedIn);
    // python3: csv.DictReader over the lines after the 3-line preamble → 3000 rows, every
    // 'Connected On' like '15 Mar 2009'; Counter of its last four characters:
    let years = [
        (2008, 208),
        (2009, 191),
        (2010, 205),
        (2011, 212),
        (2012, 215),
        (2013, 200),
        (2014, 205),
        (2015, 194),
        (2016, 183),
        (2017, 212),
        (2018, 193),
        (2019, 204),
        (2020, 195),
        (2021, 219),
        (2022, 164),
    ];
    assert_eq!(s.contacts.len(), 1);
    let c = &s.contacts[0];
    assert_eq!((c.relation, c.count), (Relation::Connection, 3000));
    assert_eq!(c.years, years);
    // Nothing but dates is kept: no name, company or e-mail address anywhere in the summary.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("Carla") && !json.contains('@'), "{json}");
}

#[test]
fn linkedin_ad_targeting_lists_interests_and_criteria_as_written() {
    let (_, s) = read("linkedin/Ad_Targeting.csv", "linkedin.ad_targeting");
    // python3: csv.reader → a header of 31 columns and one row; 'Member Interests' split on ';'
    // and stripped → 129 distinct names, sorted, '3D Printing' first and 'Working Environments'
    // last.
    assert_eq!(s.interests.len(), 129);
    assert_eq!(s.interests[0].name, "3D Printing");
    assert_eq!(s.interests[128].name, "Working Environments");
    // Every other column with a value, its name as written, in the file's order (the three
    // 'Company Names' once): 20 labels, 136 distinct values.
    let labels: Vec<&str> = s.inferred.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Member Age",
            "Company Names",
            "Company Follower of",
            "Company Size",
            "Degrees",
            "degreeClass",
            "Member Schools",
            "Fields of Study",
            "Company Connections",
            "Job Functions",
            "Member Gender",
            "Graduation Year",
            "Company Industries",
            "Interface Locales",
            "interfaceLocale",
            "Member Traits",
            "Profile Locations",
            "Job Seniorities",
            "Member Skills",
            "Years of Experience"
        ]
    );
    let values: usize = s.inferred.iter().map(|(_, v)| v.len()).sum();
    assert_eq!(values, 136);
    let of = |label: &str| -> Vec<&str> {
        s.inferred
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.iter().map(String::as_str).collect())
            .unwrap()
    };
    assert_eq!(
        of("Member Traits"),
        [
            "Mac",
            "Recently Switched Jobs",
            "Desktop/Laptop Users",
            "iPhone Users",
            "Career Changers"
        ]
    );
    assert_eq!(of("Company Names"), ["Lin PLC"]);
    // A quoted cell with a comma inside a value.
    assert!(of("Profile Locations").contains(&"Lausanne Area, Switzerland"));
    assert_eq!(of("Profile Locations").len(), 9);
}

#[test]
fn linkedin_inferences_are_labelled_by_category_and_type() {
    let (_, s) = read("linkedin/Inferences_about_you.csv", "linkedin.inferences");
    // python3: csv.reader → 18 rows; label 'Category – Type of inference', value 'Inference';
    // 5 answered 'true'.
    assert_eq!(s.inferred.len(), 18);
    assert_eq!(
        s.inferred[0],
        (
            "Career inferences – Human resources professional".to_owned(),
            vec!["No".to_owned()]
        )
    );
    let yes = s
        .inferred
        .iter()
        .filter(|(_, v)| v == &["true".to_owned()])
        .count();
    assert_eq!(yes, 5);
    assert!(s.inferred.contains(&(
        "Career inferences – Likelihood to be a marketer".to_owned(),
        vec!["0.008506942256753853".to_owned()]
    )));
}

/// One generated fixture, `tests/fixtures/<id>/<name>`, claimed and read by `id`.
fn fixture(id: &str, name: &str) -> SocialSummary {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
        .join(name);
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

#[test]
fn linkedin_logins_are_counted_by_address() {
    let s = fixture("linkedin.logins", "Logins.csv");
    assert_eq!(s.platform, Platform::LinkedIn);
    // python3: csv.DictReader → 32 rows; Counter of 'IP Address'; every date in 2023.
    assert_eq!(s.logins, 32);
    let mut ips: Vec<(&str, u64)> = s.ips.iter().map(|i| (i.name.as_str(), i.logins)).collect();
    ips.sort_unstable();
    assert_eq!(
        ips,
        [
            ("176.150.22.9", 7),
            ("2a01:cb00:1234:5600::1", 5),
            ("37.165.4.201", 3),
            ("90.12.34.56", 13),
            ("90.12.34.57", 4)
        ]
    );
    // Every login is dated: all in the rhythm.
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(32));
    assert_eq!(s.devices.iter().map(|d| d.logins).sum::<u64>(), 32);
}

/// A conversation: its name, messages, of which sent, first and last days.
type Thread<'a> = (&'a str, u64, Option<u64>, Option<&'a str>, Option<&'a str>);

#[test]
fn linkedin_messages_are_counted_by_conversation_without_their_contents() {
    let s = fixture("linkedin.messages", "messages.csv");
    assert_eq!(s.platform, Platform::LinkedIn);
    // python3: csv.DictReader → 40 rows, 16 with FOLDER 'SENT'; by CONVERSATION TITLE, else
    // CONVERSATION ID: messages, SENT, first and last DATE[:10].
    assert_eq!(s.messages, 40);
    assert_eq!(s.conversation_count, 4);
    let mut conversations: Vec<Thread> = s
        .conversations
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.messages,
                c.sent,
                c.first.as_deref(),
                c.last.as_deref(),
            )
        })
        .collect();
    conversations.sort_unstable();
    assert_eq!(
        conversations,
        [
            (
                "2-MzM5OWE1YzUtMWQ4Ny00ZGNh==",
                6,
                None,
                Some("2023-05-06"),
                Some("2023-07-04")
            ),
            (
                "2-NGQ1ZTk2YjAtYzk2OC00OGI4==",
                11,
                Some(6),
                Some("2023-05-07"),
                Some("2023-07-05")
            ),
            (
                "Alumni Lyon 2015",
                11,
                Some(3),
                Some("2023-05-13"),
                Some("2023-07-01")
            ),
            (
                "Projet Rhône, équipe",
                12,
                Some(7),
                Some("2023-05-06"),
                Some("2023-07-08")
            ),
        ]
    );
    // Only the 16 messages filed as SENT make the rhythm.
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(16));
    // Contents, subjects, senders' names and profile links are not kept.
    let json = serde_json::to_string(&s).unwrap();
    for kept_out in [
        "Camille",
        "Louis Martin",
        "linkedin.com/in",
        "Réunion",
        "Opportunité",
    ] {
        assert!(!json.contains(kept_out), "{kept_out}: {json}");
    }
}
