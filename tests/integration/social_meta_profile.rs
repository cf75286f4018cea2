//! Facebook's and Instagram's profiles, the details given to advertisers through ad forms, the
//! ads seen by advertiser, and Facebook's devices (issue 8): read from the real Instagram
//! samples and from the Facebook fixtures written from formats.md.
//!
//! The expected values were derived independently of Reflet's readers, with a Python walk of the
//! JSON (`json.load`, each `string_map_data` label with a non-empty value listed, labels repaired
//! with `encode('latin-1').decode('utf-8')`), and the kind of each label decided by eye:
//! - the 2025 English sample's `personal_information.json` gives ten labels with a value:
//!   `Email`, `Phone Number`, `Phone Confirmed`, `Phone Confirmation Method`, `Username`,
//!   `Name`, `Gender`, `Date of birth`, `Private Account`, `Emoji Pong High Score`: six personal
//!   details (e-mail, phone, username, name, gender, birth date), the others about the account;
//! - the 2022 French sample gives six: `Adresse e-mail`, `Numéro de téléphone confirmé`,
//!   `Nom d’utilisateur`, `Nom`, `Genre`, `Compte privé`: four details (e-mail, username, name,
//!   gender); a confirmed phone says nothing of the number;
//! - `professional_information.json`'s one record is empty;
//! - `information_you've_submitted_to_advertisers.json` has one entry, `Email`, with a value;
//! - `ads_viewed.json` has four ads, by `bla vla`, `blabla` (twice) and `blablabla`;
//! - the Facebook profile fixture's fields holding a non-empty text or a non-zero number that is
//!   not a time: `name`, `emails`, `birthday`, `gender`, `current_city`, `hometown`,
//!   `relationship`, `family_members`, `education_experiences`, `work_experiences`,
//!   `places_lived`, `phone_numbers`, `profile_uri`, `username`, `languages` (empty:
//!   `previous_names`, `other_names`, `blood_info`, `pages`, `groups_admined`,
//!   `registration_timestamp`, `websites`, `intro_bio`); all but `profile_uri` and `languages`
//!   are personal details;
//! - the Facebook ad-form fixture's entries with a value: `Nom complet`, `E-mail`,
//!   `Numéro de téléphone`, `Ville`, `Code postal`, `Quel est votre budget ?`: a name, an e-mail,
//!   a phone, two parts of an address, and a question that is none;
//! - the recognized devices fixture: 5 devices, their latest times (the larger of
//!   `created_timestamp` and `updated_timestamp`) on 2023-12-01, 2024-01-01, 2021-01-01,
//!   2020-01-01 and 2023-07-01, 4 of them with an IP address, each different; the mobile devices
//!   fixture: 4 devices, 3 dated (`update_time` not 0), no IP address.
//!
//! Each file is read into its `SocialSummary`, which lists each kind of detail once, in the order
//! of `Detail`'s kinds, and counts the ads by advertiser.

use reflet::analysis::social::Social;
use reflet::ingest::HEAD_LEN;
use reflet::model::social::{Platform, SocialSummary};
use reflet::sources;

use reflet::model::social::Detail::*;

use super::common::{fixture, sample, social};

/// What a file with nothing but the kinds of details `details` hands over sums up to on `platform`.
fn only_details(platform: Platform, details: &[reflet::model::social::Detail]) -> SocialSummary {
    SocialSummary {
        details: details.to_vec(),
        ..Social::new(platform).finish()
    }
}

const IG: &str = "instagram/whatif_2025";

#[test]
fn instagram_s_english_and_french_profiles_hold_their_kinds_of_details() {
    // Nothing else: no detail given to advertisers, no ad, no login, interest or inference.
    let english = social(
        &sample(&format!(
            "{IG}/personal_information/personal_information/personal_information.json"
        )),
        "instagram.profile",
    );
    assert_eq!(
        english,
        only_details(
            Platform::Instagram,
            &[Name, Username, Email, Phone, BirthDate, Gender]
        )
    );
    let french = social(
        &sample("instagram/hestia_2022/personal_information_fr.json"),
        "instagram.profile",
    );
    assert_eq!(
        french,
        only_details(Platform::Instagram, &[Name, Username, Email, Gender])
    );
    let professional = social(
        &sample(&format!(
            "{IG}/personal_information/personal_information/professional_information.json"
        )),
        "instagram.profile",
    );
    assert_eq!(professional, only_details(Platform::Instagram, &[]));
}

#[test]
fn instagram_s_account_insights_are_no_profile() {
    // `profile_account_insights`: contact syncing, story times, an empty country code.
    let path = sample(&format!(
        "{IG}/personal_information/personal_information/instagram_profile_information.json"
    ));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        sources::detect(&path.to_string_lossy(), &bytes[..bytes.len().min(HEAD_LEN)]),
        None
    );
}

#[test]
fn instagram_s_ad_form_gave_an_e_mail_to_an_advertiser() {
    let s = social(
        &sample(&format!(
            "{IG}/ads_information/instagram_ads_and_businesses/information_you've_submitted_to_advertisers.json"
        )),
        "instagram.submitted_to_advertisers",
    );
    assert_eq!(s.advertiser_forms, [Email]);
    assert!(s.details.is_empty() && s.ads == 0);
}

#[test]
fn instagram_s_ads_seen_are_counted_by_advertiser() {
    let s = social(
        &sample(&format!(
            "{IG}/ads_information/ads_and_topics/ads_viewed.json"
        )),
        "instagram.activity",
    );
    assert_eq!((s.ads, s.ad_advertiser_count), (4, 3));
    assert_eq!(
        s.ads_by_advertiser,
        [
            ("blabla".to_owned(), 2),
            ("bla vla".to_owned(), 1),
            ("blablabla".to_owned(), 1)
        ]
    );
    // Posts and videos seen name their authors, who are no advertisers.
    for name in ["posts_viewed.json", "videos_watched.json"] {
        let s = social(
            &sample(&format!("{IG}/ads_information/ads_and_topics/{name}")),
            "instagram.activity",
        );
        assert_eq!(s.ads, 0, "{name}");
        assert!(s.ads_by_advertiser.is_empty(), "{name}");
    }
}

#[test]
fn facebook_s_profile_and_ad_form_fixtures_hold_their_kinds_of_details() {
    let s = social(
        &fixture("facebook.profile", "profile_information.json"),
        "facebook.profile",
    );
    // current_city, hometown and places_lived are addresses; relationship and family_members
    // are family: each kind once.
    assert_eq!(
        s.details,
        [Name, Username, Email, Phone, BirthDate, Gender, Address, Work, Education, Family]
    );
    assert!(s.advertiser_forms.is_empty());
    let s = social(
        &fixture(
            "facebook.submitted_to_advertisers",
            "information_you've_submitted_to_advertisers.json",
        ),
        "facebook.submitted_to_advertisers",
    );
    // Ville and Code postal: one kind, an address.
    assert_eq!(s.advertiser_forms, [Name, Email, Phone, Address]);
    assert!(s.details.is_empty());
}

#[test]
fn facebook_s_devices_are_logins_with_their_addresses_and_devices() {
    let s = social(
        &fixture("facebook.logins", "recognized_devices.json"),
        "facebook.logins",
    );
    assert_eq!(s.logins, 5);
    let months: Vec<&str> = s.login_months.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(
        months,
        ["2020-01", "2021-01", "2023-07", "2023-12", "2024-01"]
    );
    assert_eq!(s.ips.len(), 4);
    assert!(s.ips.iter().all(|ip| ip.logins == 1));
    assert_eq!(s.devices.len(), 5);
    assert!(s.devices.iter().any(|d| d.name == "Firefox sur Ubuntu"));
    // The cookies are not kept anywhere.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("Xk3pZQ4aQz8nS1bV2cT5rW9y"));

    let s = social(
        &fixture("facebook.logins", "mobile_devices.json"),
        "facebook.logins",
    );
    assert_eq!(s.logins, 4);
    assert!(s.ips.is_empty());
    let mut devices: Vec<&str> = s.devices.iter().map(|d| d.name.as_str()).collect();
    devices.sort_unstable();
    assert_eq!(
        devices,
        [
            "ANDROID (Android 13)",
            "Android 9",
            "IPAD",
            "IPHONE (iOS 17.1.2)"
        ]
    );
    assert_eq!(s.login_months.iter().map(|(_, n)| n).sum::<u64>(), 3);
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("6D92078A") && !json.contains("00008110"));
}
