//! The kinds of personal detail social networks hold (`holds`), those given to advertisers
//! through ad forms (`gave_advertiser`), and the ads shown by advertiser (`ad`), read straight
//! from each source into a recording sink (the summary does not carry them yet), after checking
//! that the report `inspect` prints recognises each file as its source's and reads it without
//! error.
//!
//! The expected values were derived independently of Reflet's readers: the JSON files were
//! loaded with Python's `json` module (X's after the first `=`), their fields listed and their
//! advertisers counted with `collections.Counter`; the CSV files with Python's `csv` module; the
//! text fixtures' blocks counted with `grep -c`. Each test says how. Apart from the two real
//! TikTok samples, the files are fixtures written from formats.md.

use std::path::{Path, PathBuf};

use reflet::model::location::{Fix, LocationSink};
use reflet::model::social::{Detail, SocialSink};
use reflet::report::{inspect_paths, Kind};

/// What a source handed over, of what these tests check.
#[derive(Debug, Default)]
struct Recorder {
    holds: Vec<Detail>,
    gave_advertiser: Vec<Detail>,
    ads: Vec<String>,
    active: Vec<i64>,
    /// Conversation, sent by the person, time.
    messages: Vec<(String, Option<bool>, Option<i64>)>,
}

impl LocationSink for Recorder {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

impl SocialSink for Recorder {
    fn holds(&mut self, detail: Detail) {
        self.holds.push(detail);
    }
    fn gave_advertiser(&mut self, detail: Detail) {
        self.gave_advertiser.push(detail);
    }
    fn ad(&mut self, advertiser: &str) {
        self.ads.push(advertiser.to_owned());
    }
    fn active(&mut self, at: i64) {
        self.active.push(at);
    }
    fn message(&mut self, conversation: &str, sent: Option<bool>, at: Option<i64>) {
        self.messages.push((conversation.to_owned(), sent, at));
    }
}

fn fixture(id: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
        .join(name)
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(name)
}

/// What source `id` hands over from `path`, checking that the report recognises the file as
/// that source's and reads it without error.
fn record(path: &Path, id: &str) -> Recorder {
    let report = inspect_paths(&[path.to_path_buf()]);
    let [file] = &report.files[..] else {
        panic!("{}: {} files", path.display(), report.files.len())
    };
    assert_eq!(file.kind, Kind::Source(id.into()), "{}", path.display());
    assert_eq!(file.error, None, "{}", path.display());
    let source = reflet::sources::by_id(id).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let mut out = Recorder::default();
    assert_eq!(source.read(&mut &bytes[..], &mut out), None);
    out
}

/// How many times each name comes, most first (ties by name).
fn counted(names: &[String]) -> Vec<(&str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for name in names {
        match counts.iter_mut().find(|(n, _)| n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
}

#[test]
fn x_ads_are_one_ad_per_impression_and_per_engagement() {
    // Python: one name per element of `impressions` (`advertiserName`, else `screenName`):
    // 75, of which Blablacar, Française des Jeux and Hôtels Ibis 9 each, L'Oréal Paris 8.
    let out = record(
        &fixture("x.ad_impressions", "ad-impressions.js"),
        "x.ad_impressions",
    );
    assert_eq!(out.ads.len(), 75);
    assert_eq!(
        counted(&out.ads).get(..4).unwrap(),
        [
            ("Blablacar", 9),
            ("Française des Jeux", 9),
            ("Hôtels Ibis", 9),
            ("L'Oréal Paris", 8)
        ]
    );
    // One per element of `engagements` (not per engagement time): 18, Le Slip Français 3.
    let out = record(
        &fixture("x.ad_engagements", "ad-engagements.js"),
        "x.ad_engagements",
    );
    assert_eq!(out.ads.len(), 18);
    assert_eq!(counted(&out.ads).first(), Some(&("Le Slip Français", 3)));
    assert!(out.holds.is_empty() && out.gave_advertiser.is_empty());
}

#[test]
fn tiktok_s_profile_names_the_details_it_holds() {
    // Both samples' Profile > "Profile Information" > ProfileMap, listed with Python: birthDate,
    // emailAddress and userName are filled in, telephoneNumber is "None"; bioDescription,
    // likesReceived, profilePhoto, profileVideo and PlatformInfo name no kind of detail. The
    // 2024 sample's "Auto Fill" holds "N/A" in every field; the 2022 one has none.
    for name in [
        "tiktok/user_data_tiktok.json",
        "tiktok/user_data_hestia_2022.json",
    ] {
        let path = sample(name);
        if !path.exists() {
            eprintln!("no samples: skipped");
            return;
        }
        let out = record(&path, "tiktok.user_data");
        assert_eq!(
            out.holds,
            [Detail::BirthDate, Detail::Email, Detail::Username],
            "{name}"
        );
        assert!(out.gave_advertiser.is_empty(), "{name}");
    }
}

#[test]
fn x_s_account_and_phone_number_name_the_details_x_holds() {
    // By eye: account.js fills username, accountDisplayName and email (accountId, createdAt and
    // createdVia are no personal detail); phone-number.js one phoneNumber.
    let out = record(&fixture("x.account", "account.js"), "x.account");
    assert_eq!(out.holds, [Detail::Username, Detail::Name, Detail::Email]);
    let out = record(&fixture("x.account", "phone-number.js"), "x.account");
    assert_eq!(out.holds, [Detail::Phone]);
    assert!(out.ads.is_empty() && out.active.is_empty());
}

#[test]
fn tiktok_s_text_comments_and_direct_messages() {
    // `grep -c '^Date: ' Comments.txt` → 23 comments, each dated.
    let out = record(
        &fixture("tiktok.txt_activity", "Comments.txt"),
        "tiktok.txt_activity",
    );
    assert_eq!(out.active.len(), 23);
    // Counted by the Python that wrote the fixture (and `grep -c ' UTC lea.mrtn: '` for the
    // person's): julien_b 14 messages of which 7 sent, camille.r 9 (5), sophie_dance 3 (0),
    // theo.vlg 6 (2, the 4 others from theo.vlg and marius_42); 32 in all, 14 sent. The first
    // conversation is one-to-one and both write: it tells that lea.mrtn is the person.
    let out = record(
        &fixture("tiktok.txt_messages", "Direct Messages.txt"),
        "tiktok.txt_messages",
    );
    let mut by_conversation: Vec<(&str, usize, usize)> = Vec::new();
    for (name, sent, at) in &out.messages {
        assert!(at.is_some() && sent.is_some(), "{name}");
        match by_conversation.iter_mut().find(|(n, _, _)| n == name) {
            Some((_, count, mine)) => {
                *count += 1;
                *mine += usize::from(*sent == Some(true));
            }
            None => by_conversation.push((name, 1, usize::from(*sent == Some(true)))),
        }
    }
    assert_eq!(
        by_conversation,
        [
            ("julien_b", 14, 7),
            ("camille.r", 9, 5),
            ("sophie_dance", 3, 0),
            ("theo.vlg", 6, 2)
        ]
    );
}

#[test]
fn snapchat_s_basic_information_names_the_details_snapchat_holds() {
    // Python: each fixture's "Basic Information" fills Username and Name; the others (Creation
    // Date, Registration IP, Country, Last Active) are no detail of those kinds.
    for name in [
        "account_2019.json",
        "account_2022.json",
        "account_2024.json",
    ] {
        let out = record(&fixture("snapchat.account", name), "snapchat.account");
        assert_eq!(out.holds, [Detail::Username, Detail::Name], "{name}");
    }
}

#[test]
fn linkedin_s_profile_e_mails_and_phones_name_the_details_linkedin_holds() {
    // Python's csv module over Profile.csv's one row: First Name, Last Name, Address, Birth
    // Date, Zip Code, Geo Location and Twitter Handles are filled (Maiden Name and Instant
    // Messengers empty; Headline, Summary, Industry and Websites name no kind), so a name, an
    // address, a birth date and a user name, in the order of their first column.
    let out = record(
        &fixture("linkedin.profile", "Profile.csv"),
        "linkedin.profile",
    );
    assert_eq!(
        out.holds,
        [
            Detail::Name,
            Detail::Address,
            Detail::BirthDate,
            Detail::Username
        ]
    );
    // Two addresses, one kind; two numbers, one kind.
    let out = record(
        &fixture("linkedin.profile", "Email Addresses.csv"),
        "linkedin.profile",
    );
    assert_eq!(out.holds, [Detail::Email]);
    let out = record(
        &fixture("linkedin.profile", "PhoneNumbers.csv"),
        "linkedin.profile",
    );
    assert_eq!(out.holds, [Detail::Phone]);
}
