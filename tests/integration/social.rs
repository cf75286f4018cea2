//! Facebook and Instagram advertising files (issue 8), read from the real samples through the
//! report `inspect` prints.
//!
//! The expected values were counted from the samples independently of Reflet's readers (a
//! Python walk of the JSON, and by eye for the short lists), then written down here: 70
//! advertisers on Facebook (31 with a data file, 39 retargeting, 32 matched with a shop visit),
//! 1,804 off-Facebook events from 78 apps (one app listed twice), between 2019-11-23 and
//! 2021-10-30, most from Clash Royale (476).

use std::path::{Path, PathBuf};

use reflet::model::social::{Platform, SocialSummary, Special};
use reflet::model::Summary;
use reflet::report::{inspect_paths, FileReport, Kind};

fn sample(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(path)
}

/// The report of one sample, read by the source `id`, with its social summary. The sample is
/// named with its folders (`instagram/…`), as in an archive or a dropped folder: a lone file's
/// name may not tell Instagram from Facebook.
fn read(path: &str, id: &str) -> (FileReport, SocialSummary) {
    let top = path.split('/').next().unwrap();
    let report = inspect_paths(&[sample(top)]);
    let file = report
        .files
        .into_iter()
        .find(|f| format!("{top}/{}", f.file.path.split_once('/').map_or("", |p| p.1)) == path)
        .unwrap_or_else(|| panic!("{path} not in the report"));
    assert_eq!(file.kind, Kind::Source(id.into()), "{path}");
    assert_eq!(file.error, None, "{path}");
    let Some(Summary::Social(summary)) = file.summary.clone() else {
        panic!("{path}: {:?}", file.summary)
    };
    (file, summary)
}

fn finding<'a>(file: &'a FileReport, id: &str) -> &'a reflet::analysis::Finding {
    file.findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", file.findings))
}

#[test]
fn facebook_s_ad_interests_are_listed_repaired_and_the_sensitive_one_flagged() {
    let (file, s) = read("facebook/ads_interests.json", "facebook.ad_interests");
    assert_eq!(s.platform, Platform::Facebook);
    let names: Vec<&str> = s.interests.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Château",
            "Konbini",
            "Mont Blanc",
            "Musique de jeu vidéo",
            "Organisation mondiale de la santé",
            "Quiz",
            "Vie",
            "Épicerie"
        ]
    );
    let flagged: Vec<(&str, Special)> = s
        .interests
        .iter()
        .filter_map(|i| Some((i.name.as_str(), i.special?)))
        .collect();
    assert_eq!(
        flagged,
        [("Organisation mondiale de la santé", Special::Health)]
    );
    assert_eq!(
        finding(&file, "ad_interests").text.en,
        "Facebook inferred 8\u{a0}interests about you to choose the ads it shows you: Château, \
         Konbini, Mont Blanc, Musique de jeu vidéo, Organisation mondiale de la santé and 3 others."
    );
    assert_eq!(
        finding(&file, "ad_interests").text.fr,
        "Facebook vous attribue 8\u{a0}centres d'intérêt pour choisir les publicités qu'il vous \
         montre\u{a0}: Château, Konbini, Mont Blanc, Musique de jeu vidéo, Organisation mondiale \
         de la santé et 3 autres."
    );
    assert_eq!(
        finding(&file, "special_interests").text.en,
        "One of them touches a category of data the GDPR protects most (health): Organisation \
         mondiale de la santé."
    );
    // No mojibake anywhere in what is shown.
    let json = serde_json::to_string(&file).unwrap();
    assert!(!json.contains('Ã'), "{json}");
}

#[test]
fn facebook_s_advertisers_say_who_has_your_contact_details() {
    let (file, s) = read(
        "facebook/advertisers_using_your_activity_or_information.json",
        "facebook.advertisers",
    );
    assert_eq!(s.advertisers.len(), 70);
    let count = |f: fn(&reflet::model::social::AudienceFlags) -> bool| {
        s.advertisers.iter().filter(|a| f(&a.flags)).count()
    };
    assert_eq!(
        (
            count(|f| f.data_file),
            count(|f| f.remarketing),
            count(|f| f.in_store)
        ),
        (31, 39, 32)
    );
    assert_eq!(
        finding(&file, "advertisers").text.en,
        "70\u{a0}advertisers use your activity or information on Facebook: 31 uploaded a list \
         holding your contact details, 39 target you for what you did on their site or app and \
         32 matched you with a visit to one of their shops."
    );
    let holders = &finding(&file, "contact_lists").text.en;
    assert!(
        holders.starts_with("These advertisers have your contact details: ")
            && holders.ends_with(" and 26 others."),
        "{holders}"
    );
}

#[test]
fn off_facebook_activity_is_counted_by_app_type_and_month() {
    let (file, s) = read(
        "facebook/your_off-facebook_activity.json",
        "facebook.off_platform",
    );
    assert_eq!(s.off_platform.len(), 78);
    assert_eq!(s.off_platform.iter().map(|a| a.events).sum::<u64>(), 1804);
    let top = &s.off_platform[0];
    assert_eq!((top.name.as_str(), top.events), ("Clash Royale", 476));
    let activation: u64 = s
        .off_platform
        .iter()
        .flat_map(|a| &a.types)
        .filter(|(t, _)| t == "ACTIVATE_APP")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(activation, 1043);
    assert_eq!(s.months.iter().map(|(_, n)| n).sum::<u64>(), 1804);
    assert_eq!(s.months.first().map(|m| m.0.as_str()), Some("2019-11"));
    assert_eq!(s.months.last().map(|m| m.0.as_str()), Some("2021-10"));
    // Names written in mojibake read right.
    assert!(s
        .off_platform
        .iter()
        .any(|a| a.name == "FDJ® Officiel: Jeux, Résultats"));
    assert!(s
        .off_platform
        .iter()
        .any(|a| a.name == "Smood – Swiss Food Delivery"));
    assert_eq!(
        finding(&file, "off_platform").text.en,
        "78\u{a0}apps and sites told Facebook what you did there: 1,804\u{a0}events, from \
         2019-11-23 to 2021-10-30. The most: Clash Royale (476\u{a0}events)."
    );
    // The rhythm of the events, in Paris time, counted with Python's zoneinfo: by hour of day
    // from 0:00, 71, 29, 23, 8, 3, 3, 1, 7, 24, 74…; the hours from 3:00 to 8:00 each hold fewer
    // than 1,804 / 96 (22 events in all, 1%); the busiest cell is Tuesday 12:00 (27).
    let rhythm = s.rhythm.as_ref().unwrap();
    assert_eq!(rhythm.total, 1804);
    let by_hour: Vec<u64> = (0..24)
        .map(|h| rhythm.counts.iter().map(|d| d[h]).sum())
        .collect();
    assert_eq!(by_hour[..10], [71, 29, 23, 8, 3, 3, 1, 7, 24, 74]);
    assert_eq!(
        (rhythm.quiet, rhythm.quiet_percent),
        (Some((3, 8)), Some(1))
    );
    assert_eq!(rhythm.counts[1][12], 27);
    assert_eq!(
        finding(&file, "activity_rhythm").text.en,
        "Of your 1,804\u{a0}dated actions on Facebook, 1% fall between 3:00 and 8:00 (Paris \
         time): you are rarely active then, most likely while you sleep. The busiest hour: \
         Tuesday, 12:00 to 13:00."
    );
}

#[test]
fn instagram_s_files_are_instagram_s() {
    let ig = "instagram/whatif_2025";
    let (_, s) = read(
        &format!("{ig}/ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json"),
        "instagram.advertisers",
    );
    assert_eq!(s.platform, Platform::Instagram);
    let names: Vec<(&str, bool, bool, bool)> = s
        .advertisers
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.flags.data_file,
                a.flags.remarketing,
                a.flags.in_store,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("BSc", false, true, false),
            ("bla", true, true, false),
            ("test", true, true, false)
        ]
    );
    let (_, s) = read(
        &format!("{ig}/ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json"),
        "instagram.ad_interests",
    );
    let names: Vec<&str> = s.interests.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Work at BSC"]);
    // The sample's times are cut short (1970): the events count, no date is made up.
    let (file, s) = read(
        &format!("{ig}/apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json"),
        "instagram.off_platform",
    );
    assert_eq!(s.off_platform.len(), 1);
    assert_eq!(s.off_platform[0].events, 3);
    assert_eq!(s.off_platform[0].first, None);
    assert!(s.months.is_empty());
    assert_eq!(
        finding(&file, "off_platform").text.en,
        "1\u{a0}app or site told Instagram what you did there: 3\u{a0}events. The most: Vinted - \
         Buy and sell clothes (3\u{a0}events)."
    );
}

#[test]
fn facebook_and_instagram_together_merge_their_advertisers_and_one_platform_alone_does_not() {
    // Facebook's three files alone: one platform, and one file with dated actions: nothing to
    // say together.
    let facebook = inspect_paths(&[sample("facebook")]);
    assert_eq!(facebook.across, None);
    // With Instagram's: 70 advertisers on Facebook and 3 on Instagram, none in common (names
    // compared by eye), 31 and 2 of them with a data file.
    let report = inspect_paths(&[sample("facebook"), sample("instagram/whatif_2025")]);
    let across = report.across.expect("Facebook and Instagram together");
    let social = across.social.as_ref().expect("two social files");
    assert_eq!(social.advertisers.len(), 73);
    assert_eq!(
        social.advertisers_from.platforms,
        [Platform::Facebook, Platform::Instagram]
    );
    let merged = across
        .findings
        .iter()
        .find(|f| f.id == "merged_advertisers")
        .unwrap();
    assert_eq!(
        merged.text.en,
        "73\u{a0}different advertisers across Facebook and Instagram; 33 of them have your contact \
         details."
    );
}
