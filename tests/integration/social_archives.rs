//! One archive per platform, laid out as the platform lays its export out (formats.md sections
//! 2–7), built here from the real samples and the generated fixtures: every file a source reads
//! is read by it, through its folders, with its findings; the others are scanned; and the
//! platforms together say what none says alone.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use reflet::model::social::Platform::{Facebook, Instagram, LinkedIn, Snapchat, TikTok, X};
use reflet::report::{describe_input, FileReport, Kind, Report};
use zip::write::SimpleFileOptions;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample(path: &str) -> PathBuf {
    root().join("../shared/samples").join(path)
}

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// A zip of `entries`: a path in the archive, and the file it holds.
fn zip_of(entries: &[(&str, PathBuf)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, file) in entries {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// Files recognised whose sample holds nothing to tell (Instagram's professional information, with
/// no entry).
const EMPTY: [&str; 1] =
    ["personal_information/personal_information/professional_information.json"];

/// Reads an archive as the page and `inspect` do, and checks that each entry is read by the
/// source expected (`None`: no source, the file is scanned) without error, a recognised one with
/// findings.
fn check(name: &str, entries: &[(&str, PathBuf, Option<&str>)]) -> Vec<FileReport> {
    let zip = zip_of(
        &entries
            .iter()
            .map(|(p, f, _)| (*p, f.clone()))
            .collect::<Vec<_>>(),
    );
    let mut reports = Vec::new();
    describe_input(name, &mut &zip[..], &mut |r: FileReport| reports.push(r));
    for (path, _, id) in entries {
        let report = reports
            .iter()
            .find(|r| r.file.path == *path)
            .unwrap_or_else(|| panic!("{name}: {path} not listed"));
        assert_eq!(report.error, None, "{name}: {path}");
        if let Some(id) = id {
            assert_eq!(report.kind, Kind::Source((*id).into()), "{name}: {path}");
            assert!(
                !report.findings.is_empty() || EMPTY.contains(path),
                "{name}: {path} says nothing"
            );
        } else {
            assert_eq!(report.kind, Kind::Unknown, "{name}: {path}");
            assert!(report.scan.is_some(), "{name}: {path} not scanned");
        }
    }
    reports
}

fn x_archive() -> Vec<FileReport> {
    let x = |f: &str| fixture(&format!("x.{f}"));
    check(
        "twitter-2026-11-29-1f2e3d4c5b6a.zip",
        &[
            (
                "data/personalization.js",
                x("personalization/personalization.js"),
                Some("x.personalization"),
            ),
            (
                "data/ip-audit.js",
                x("ip_audit/ip-audit.js"),
                Some("x.ip_audit"),
            ),
            (
                "data/ad-impressions.js",
                x("ad_impressions/ad-impressions.js"),
                Some("x.ad_impressions"),
            ),
            (
                "data/ad-engagements.js",
                x("ad_engagements/ad-engagements.js"),
                Some("x.ad_engagements"),
            ),
            ("data/tweets.js", x("tweets/tweets.js"), Some("x.tweets")),
            (
                "data/tweets-part1.js",
                x("tweets/tweets-part1.js"),
                Some("x.tweets"),
            ),
            (
                "data/direct-messages.js",
                x("direct_messages/direct-messages.js"),
                Some("x.direct_messages"),
            ),
            (
                "data/ageinfo.js",
                x("ageinfo/ageinfo.js"),
                Some("x.ageinfo"),
            ),
            (
                "data/follower.js",
                x("follows/follower.js"),
                Some("x.follows"),
            ),
            (
                "data/following.js",
                x("follows/following.js"),
                Some("x.follows"),
            ),
            (
                "data/device-token.js",
                x("devices/device-token.js"),
                Some("x.devices"),
            ),
            (
                "data/account-creation-ip.js",
                x("devices/account-creation-ip.js"),
                Some("x.devices"),
            ),
        ],
    )
}

fn tiktok_archive() -> Vec<FileReport> {
    check(
        "TikTok_Data_1732900000.zip",
        &[(
            "user_data_tiktok.json",
            sample("tiktok/user_data_tiktok.json"),
            Some("tiktok.user_data"),
        )],
    )
}

/// TikTok's TXT format: one file a list, in folders.
fn tiktok_text_archive() -> Vec<FileReport> {
    let t = |p: &str| fixture(&format!("tiktok.txt_{p}"));
    check(
        "TikTok_Data_1732900001.zip",
        &[
            (
                "TikTok_Data/Activity/Browsing History.txt",
                t("activity/Browsing History.txt"),
                Some("tiktok.txt_activity"),
            ),
            (
                "TikTok_Data/Activity/Login History.txt",
                t("logins/Login History.txt"),
                Some("tiktok.txt_logins"),
            ),
            (
                "TikTok_Data/Profile/Follower.txt",
                t("followers/Follower.txt"),
                Some("tiktok.txt_followers"),
            ),
            (
                "TikTok_Data/Profile/Following.txt",
                t("following/Following.txt"),
                Some("tiktok.txt_following"),
            ),
            (
                "TikTok_Data/Comments/Comments.txt",
                t("activity/Comments.txt"),
                Some("tiktok.txt_activity"),
            ),
            (
                "TikTok_Data/Direct Messages/Direct Messages.txt",
                t("messages/Direct Messages.txt"),
                Some("tiktok.txt_messages"),
            ),
        ],
    )
}

fn linkedin_archive() -> Vec<FileReport> {
    check(
        "Basic_LinkedInDataExport_11-29-2026.zip",
        &[
            (
                "Connections.csv",
                sample("linkedin/Connections.csv"),
                Some("linkedin.connections"),
            ),
            (
                "Ad_Targeting.csv",
                sample("linkedin/Ad_Targeting.csv"),
                Some("linkedin.ad_targeting"),
            ),
            (
                "Inferences_about_you.csv",
                sample("linkedin/Inferences_about_you.csv"),
                Some("linkedin.inferences"),
            ),
            (
                "Logins.csv",
                fixture("linkedin.logins/Logins.csv"),
                Some("linkedin.logins"),
            ),
            (
                "messages.csv",
                fixture("linkedin.messages/messages.csv"),
                Some("linkedin.messages"),
            ),
        ],
    )
}

fn snapchat_archive() -> Vec<FileReport> {
    let s = |f: &str| fixture(&format!("snapchat.{f}"));
    check(
        "mydata~1732900000.zip",
        &[
            (
                "json/account.json",
                s("account/account_2024.json"),
                Some("snapchat.account"),
            ),
            (
                "json/friends.json",
                s("friends/friends_2023.json"),
                Some("snapchat.friends"),
            ),
            (
                "json/chat_history.json",
                s("chat_history/chat_history_2023.json"),
                Some("snapchat.chat_history"),
            ),
            (
                "json/snap_history.json",
                s("snap_history/snap_history_2024.json"),
                Some("snapchat.snap_history"),
            ),
            (
                "json/user_profile.json",
                s("user_profile/user_profile_2024.json"),
                Some("snapchat.user_profile"),
            ),
            (
                "json/location_history.json",
                s("location/location_history_2024.json"),
                Some("snapchat.location"),
            ),
        ],
    )
}

fn facebook_archive() -> Vec<FileReport> {
    let f = |p: &str| fixture(&format!("facebook.{p}"));
    let security = "your_facebook_activity/security_and_login_information";
    let act = "your_facebook_activity";
    check(
        "facebook-marie-29_11_2026-AbCd.zip",
        &[
            ("ads_information/advertisers_using_your_activity_or_information.json", sample("facebook/advertisers_using_your_activity_or_information.json"), Some("facebook.advertisers")),
            ("logged_information/other_logged_information/ads_interests.json", sample("facebook/ads_interests.json"), Some("facebook.ad_interests")),
            ("apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json", sample("facebook/your_off-facebook_activity.json"), Some("facebook.off_platform")),
            ("ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json", f("contact_lists/advertisers_who_uploaded_a_contact_list_with_your_information.json"), Some("facebook.contact_lists")),
            (&format!("{security}/ip_address_activity.json"), f("logins/ip_address_activity.json"), Some("facebook.logins")),
            (&format!("{security}/account_activity.json"), f("logins/account_activity.json"), Some("facebook.logins")),
            (&format!("{security}/logins_and_logouts.json"), f("logins/logins_and_logouts.json"), Some("facebook.logins")),
            (&format!("{security}/where_you're_logged_in.json"), f("logins/where_you're_logged_in.json"), Some("facebook.logins")),
            ("connections/friends/your_friends.json", f("connections/your_friends.json"), Some("facebook.connections")),
            ("connections/followers/who_you've_followed.json", f("connections/who_you've_followed.json"), Some("facebook.connections")),
            ("your_facebook_activity/messages/inbox/zoelefevre_1234/message_1.json", f("messages/message_1.json"), Some("facebook.messages")),
            ("your_facebook_activity/messages/inbox/amis_5678/message_1.json", f("messages/group_message_1.json"), Some("facebook.messages")),
            (&format!("{act}/posts/your_posts__check_ins__photos_and_videos_1.json"), f("activity/your_posts__check_ins__photos_and_videos_1.json"), Some("facebook.activity")),
            (&format!("{act}/comments_and_reactions/comments.json"), f("activity/comments.json"), Some("facebook.activity")),
            (&format!("{act}/comments_and_reactions/likes_and_reactions_1.json"), f("activity/likes_and_reactions_1.json"), Some("facebook.activity")),
            (&format!("{act}/comments_and_reactions/likes_and_reactions.json"), f("activity/likes_and_reactions.json"), Some("facebook.activity")),
            (&format!("{act}/groups/group_posts_and_comments.json"), f("activity/group_posts_and_comments.json"), Some("facebook.activity")),
            (&format!("{act}/groups/your_comments_in_groups.json"), f("activity/your_comments_in_groups.json"), Some("facebook.activity")),
            (&format!("{act}/pages/pages_you've_liked.json"), f("activity/pages_you've_liked.json"), Some("facebook.activity")),
            (&format!("{act}/interactions/recently_viewed.json"), f("activity/recently_viewed.json"), Some("facebook.activity")),
            (&format!("{act}/interactions/recently_visited.json"), f("activity/recently_visited.json"), Some("facebook.activity")),
            ("logged_information/search/your_search_history.json", f("activity/your_search_history.json"), Some("facebook.activity")),
            ("logged_information/location/primary_location.json", f("location/primary_location.json"), Some("facebook.location")),
            ("logged_information/location/last_location.json", f("location/last_location.json"), Some("facebook.location")),
            (&format!("{security}/recognized_devices.json"), f("logins/recognized_devices.json"), Some("facebook.logins")),
            (&format!("{security}/mobile_devices.json"), f("logins/mobile_devices.json"), Some("facebook.logins")),
            ("personal_information/profile_information/profile_information.json", f("profile/profile_information.json"), Some("facebook.profile")),
            ("ads_information/information_you've_submitted_to_advertisers.json", f("submitted_to_advertisers/information_you've_submitted_to_advertisers.json"), Some("facebook.submitted_to_advertisers")),
            ("personal_information/profile_information/profile_update_history.json", sample("instagram/whatif_2025/personal_information/personal_information/note_interactions.json"), None),
        ],
    )
}

fn instagram_archive() -> Vec<FileReport> {
    let ig = |p: &str| sample(&format!("instagram/whatif_2025/{p}"));
    let same = |p: &'static str, id: &'static str| (p, ig(p), Some(id));
    check(
        "instagram-marie-2026-11-29-AbCd.zip",
        &[
            same("ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json", "instagram.advertisers"),
            same("ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json", "instagram.ad_interests"),
            same("apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json", "instagram.off_platform"),
            same("security_and_login_information/login_and_profile_creation/login_activity.json", "instagram.logins"),
            same("personal_information/device_information/devices.json", "instagram.logins"),
            same("connections/followers_and_following/followers_1.json", "instagram.connections"),
            same("connections/followers_and_following/following.json", "instagram.connections"),
            same("your_instagram_activity/messages/inbox/username/message_1.json", "instagram.messages"),
            same("your_instagram_activity/likes/liked_posts.json", "instagram.activity"),
            same("your_instagram_activity/content/stories.json", "instagram.activity"),
            same("preferences/your_topics/recommended_topics.json", "instagram.inferences"),
            same("personal_information/information_about_you/profile_based_in.json", "instagram.inferences"),
            same("personal_information/information_about_you/locations_of_interest.json", "instagram.inferences"),
            same("personal_information/personal_information/personal_information.json", "instagram.profile"),
            same("personal_information/personal_information/professional_information.json", "instagram.profile"),
            same("ads_information/instagram_ads_and_businesses/information_you've_submitted_to_advertisers.json", "instagram.submitted_to_advertisers"),
            ("personal_information/personal_information/instagram_profile_information.json", ig("personal_information/personal_information/instagram_profile_information.json"), None),
        ],
    )
}

#[test]
fn each_platform_s_archive_is_read_file_by_file() {
    for (platform, reports) in [
        ("X", x_archive()),
        ("TikTok", tiktok_archive()),
        ("TikTok, TXT", tiktok_text_archive()),
        ("LinkedIn", linkedin_archive()),
        ("Snapchat", snapchat_archive()),
        ("Facebook", facebook_archive()),
        ("Instagram", instagram_archive()),
    ] {
        assert!(!reports.is_empty(), "{platform}: no file listed");
        assert!(
            reports.iter().all(|r| r.container.is_some()),
            "{platform}: each file is listed under its archive"
        );
    }
}

#[test]
fn all_the_archives_together_merge_interests_advertisers_and_rhythm_across_platforms() {
    let files: Vec<FileReport> = [
        x_archive(),
        tiktok_archive(),
        linkedin_archive(),
        snapchat_archive(),
        facebook_archive(),
        instagram_archive(),
    ]
    .concat();
    let report = Report::new(files);
    let across = report.across.expect("six platforms together");
    let ids: Vec<&str> = across.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "merged_interests",
            "merged_advertisers",
            "merged_rhythm",
            "portrait_timeline",
            "portrait_knows"
        ]
    );
    let portrait = across.portrait.as_ref().unwrap();
    // Four platforms have 50 dated actions or more and weigh the same in the combined rhythm;
    // the generated archives' actions fall at every hour but 4:00, so no sleep window shows (no
    // `portrait_sleep`).
    let from: Vec<&str> = portrait
        .rhythm_from
        .iter()
        .map(|s| s.service.as_str())
        .collect();
    assert_eq!(from, ["facebook", "snapchat", "tiktok", "x"]);
    assert_eq!(portrait.rhythm.as_ref().unwrap().quiet, None);
    let social = across.social.as_ref().expect("six social platforms");
    // Interests come from every platform but TikTok's 2024 sample (no ad interests in it);
    // advertisers from X, Snapchat's none, Facebook's and Instagram's files; the rhythm from
    // every platform: LinkedIn's through the dated logins of Logins.csv and the messages
    // messages.csv files as SENT.
    assert_eq!(
        social.interests_from.platforms,
        [Facebook, Instagram, X, Snapchat, LinkedIn]
    );
    assert_eq!(social.advertisers_from.platforms, [Facebook, Instagram, X]);
    assert_eq!(
        social.rhythm_from.platforms,
        [Facebook, Instagram, X, TikTok, Snapchat, LinkedIn]
    );
}
