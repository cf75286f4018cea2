//! The kinds of personal detail social networks hold (`details`), those given to advertisers
//! through ad forms (`advertiser_forms`), and the ads shown by advertiser (`ads`,
//! `ads_by_advertiser`), read from each source into its `SocialSummary` after checking that the
//! report `inspect` prints recognises each file as its source's and reads it without error.
//!
//! The expected values were derived independently of Reflet's readers: the JSON files were
//! loaded with Python's `json` module (X's after the first `=`), their fields listed and their
//! advertisers counted with `collections.Counter`; the CSV files with Python's `csv` module; the
//! text fixtures' blocks counted with `grep -c`. Each test says how. Apart from the two real
//! TikTok samples, the files are fixtures written from formats.md. A summary lists each kind of
//! detail once, in the order of `Detail`'s kinds.

use reflet::model::social::Detail::*;

use super::common::{fixture, sample, social};

#[test]
fn x_ads_are_one_ad_per_impression_and_per_engagement() {
    // Python: one name per element of `impressions` (`advertiserName`, else `screenName`):
    // 75, of which Blablacar, Française des Jeux and Hôtels Ibis 9 each, L'Oréal Paris 8.
    let s = social(
        &fixture("x.ad_impressions", "ad-impressions.js"),
        "x.ad_impressions",
    );
    assert_eq!(s.ads, 75);
    let top: Vec<(&str, u64)> = s
        .ads_by_advertiser
        .iter()
        .map(|(name, n)| (name.as_str(), *n))
        .collect();
    assert_eq!(
        top.get(..4).unwrap(),
        [
            ("Blablacar", 9),
            ("Française des Jeux", 9),
            ("Hôtels Ibis", 9),
            ("L'Oréal Paris", 8)
        ]
    );
    // One per element of `engagements` (not per engagement time): 18, Le Slip Français 3.
    let s = social(
        &fixture("x.ad_engagements", "ad-engagements.js"),
        "x.ad_engagements",
    );
    assert_eq!(s.ads, 18);
    assert_eq!(
        s.ads_by_advertiser.first(),
        Some(&("Le Slip Français".to_owned(), 3))
    );
    assert!(s.details.is_empty() && s.advertiser_forms.is_empty());
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
        let s = social(&path, "tiktok.user_data");
        assert_eq!(s.details, [Username, Email, BirthDate], "{name}");
        assert!(s.advertiser_forms.is_empty(), "{name}");
    }
}

#[test]
fn x_s_account_and_phone_number_name_the_details_x_holds() {
    // By eye: account.js fills username, accountDisplayName and email (accountId, createdAt and
    // createdVia are no personal detail); phone-number.js one phoneNumber.
    let s = social(&fixture("x.account", "account.js"), "x.account");
    assert_eq!(s.details, [Name, Username, Email]);
    let s = social(&fixture("x.account", "phone-number.js"), "x.account");
    assert_eq!(s.details, [Phone]);
    assert!(s.ads == 0 && s.rhythm.is_none());
}

#[test]
fn tiktok_s_text_comments_and_direct_messages() {
    // `grep -c '^Date: ' Comments.txt` → 23 comments, each dated.
    let s = social(
        &fixture("tiktok.txt_activity", "Comments.txt"),
        "tiktok.txt_activity",
    );
    assert_eq!(s.rhythm.map(|r| r.total), Some(23));
    // Counted by the Python that wrote the fixture (and `grep -c ' UTC lea.mrtn: '` for the
    // person's): julien_b 14 messages of which 7 sent, camille.r 9 (5), sophie_dance 3 (0),
    // theo.vlg 6 (2, the 4 others from theo.vlg and marius_42); 32 in all, 14 sent. The first
    // conversation is one-to-one and both write: it tells that lea.mrtn is the person.
    let s = social(
        &fixture("tiktok.txt_messages", "Direct Messages.txt"),
        "tiktok.txt_messages",
    );
    assert_eq!((s.messages, s.conversation_count), (32, 4));
    let conversations: Vec<(&str, u64, Option<u64>)> = s
        .conversations
        .iter()
        .map(|c| (c.name.as_str(), c.messages, c.sent))
        .collect();
    assert_eq!(
        conversations,
        [
            ("julien_b", 14, Some(7)),
            ("camille.r", 9, Some(5)),
            ("theo.vlg", 6, Some(2)),
            ("sophie_dance", 3, Some(0))
        ]
    );
    // Every message is dated: each conversation has a first and a last day, and the 14 the
    // person sent make the rhythm of their actions.
    for c in &s.conversations {
        assert!(c.first.is_some() && c.last.is_some(), "{}", c.name);
    }
    assert_eq!(s.rhythm.map(|r| r.total), Some(14));
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
        let s = social(&fixture("snapchat.account", name), "snapchat.account");
        assert_eq!(s.details, [Name, Username], "{name}");
    }
}

#[test]
fn linkedin_s_profile_e_mails_and_phones_name_the_details_linkedin_holds() {
    // Python's csv module over Profile.csv's one row: First Name, Last Name, Address, Birth
    // Date, Zip Code, Geo Location and Twitter Handles are filled (Maiden Name and Instant
    // Messengers empty; Headline, Summary, Industry and Websites name no kind), so a name, a
    // user name, a birth date and an address.
    let s = social(
        &fixture("linkedin.profile", "Profile.csv"),
        "linkedin.profile",
    );
    assert_eq!(s.details, [Name, Username, BirthDate, Address]);
    // Two addresses, one kind; two numbers, one kind.
    let s = social(
        &fixture("linkedin.profile", "Email Addresses.csv"),
        "linkedin.profile",
    );
    assert_eq!(s.details, [Email]);
    let s = social(
        &fixture("linkedin.profile", "PhoneNumbers.csv"),
        "linkedin.profile",
    );
    assert_eq!(s.details, [Phone]);
}
