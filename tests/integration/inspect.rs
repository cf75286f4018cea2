//! `inspect` over the public sample exports: the report every later issue extends.

use std::path::{Path, PathBuf};

use reflet::i18n::{finding_why, Lang};
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind, SCHEMA};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples")
}

/// The advertising samples and the sources that read them (issue 8).
fn social_samples() -> Vec<(String, &'static str)> {
    let ig = "samples/instagram/whatif_2025";
    [
        ("samples/facebook/ads_interests.json", "facebook.ad_interests"),
        (
            "samples/facebook/advertisers_using_your_activity_or_information.json",
            "facebook.advertisers",
        ),
        ("samples/facebook/your_off-facebook_activity.json", "facebook.off_platform"),
        (&format!("{ig}/ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json"), "instagram.advertisers"),
        (&format!("{ig}/ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json"), "instagram.ad_interests"),
        (&format!("{ig}/apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json"), "instagram.off_platform"),
        ("samples/twitter/personalization.js", "x.personalization"),
        ("samples/tiktok/user_data_tiktok.json", "tiktok.user_data"),
        ("samples/tiktok/user_data_hestia_2022.json", "tiktok.user_data"),
        ("samples/linkedin/Connections.csv", "linkedin.connections"),
        ("samples/linkedin/Ad_Targeting.csv", "linkedin.ad_targeting"),
        ("samples/linkedin/Inferences_about_you.csv", "linkedin.inferences"),
        (&format!("{ig}/security_and_login_information/login_and_profile_creation/login_activity.json"), "instagram.logins"),
        (&format!("{ig}/personal_information/device_information/devices.json"), "instagram.logins"),
        ("samples/instagram/hestia_2022/followers.json", "instagram.connections"),
        (&format!("{ig}/connections/followers_and_following/followers_1.json"), "instagram.connections"),
        (&format!("{ig}/connections/followers_and_following/following.json"), "instagram.connections"),
        ("samples/instagram/hestia_2022/message_1.json", "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/inbox/username/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/message_requests/anotheruser_999999999/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/message_requests/anotheruser_999999999999/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/message_requests/fake_username_12345/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/message_requests/fake_username_123456789/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/messages/message_requests/fake_username_1234567890/message_1.json"), "instagram.messages"),
        (&format!("{ig}/your_instagram_activity/content/stories.json"), "instagram.activity"),
        (&format!("{ig}/logged_information/recent_searches/profile_searches.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/likes/liked_posts.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/comments/post_comments_1.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/content/posts_1.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/saved/saved_posts.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/story_sticker_interactions/story_likes.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/story_sticker_interactions/polls.json"), "instagram.activity"),
        (&format!("{ig}/your_instagram_activity/story_sticker_interactions/quizzes.json"), "instagram.activity"),
        (&format!("{ig}/ads_information/ads_and_topics/ads_viewed.json"), "instagram.activity"),
        (&format!("{ig}/ads_information/ads_and_topics/posts_viewed.json"), "instagram.activity"),
        (&format!("{ig}/ads_information/ads_and_topics/videos_watched.json"), "instagram.activity"),
        (&format!("{ig}/preferences/your_topics/recommended_topics.json"), "instagram.inferences"),
        (&format!("{ig}/personal_information/information_about_you/profile_based_in.json"), "instagram.inferences"),
        (&format!("{ig}/personal_information/information_about_you/locations_of_interest.json"), "instagram.inferences"),
        (&format!("{ig}/personal_information/personal_information/personal_information.json"), "instagram.profile"),
        (&format!("{ig}/personal_information/personal_information/professional_information.json"), "instagram.profile"),
        ("samples/instagram/hestia_2022/personal_information_fr.json", "instagram.profile"),
        (&format!("{ig}/ads_information/instagram_ads_and_businesses/information_you've_submitted_to_advertisers.json"), "instagram.submitted_to_advertisers"),
    ]
    .map(|(p, k)| (p.to_owned(), k))
    .to_vec()
}

/// The streaming samples and the sources that read them (issue 9).
fn media_samples() -> Vec<(String, &'static str)> {
    [
        (
            "samples/spotify/StreamingHistory_music_0.json",
            "spotify.streaming_history",
        ),
        ("samples/netflix/ViewingActivity.csv", "netflix.viewing"),
        ("samples/google/watch-history.json", "youtube.watch_history"),
        (
            "samples/google/historial-de-reproducciones_es.json",
            "youtube.watch_history",
        ),
    ]
    .map(|(p, k)| (p.to_owned(), k))
    .to_vec()
}

/// The chat samples and the source that reads them (issue 9).
fn chat_samples() -> Vec<(String, &'static str)> {
    [
        "samples/whatsapp/_chat.txt",
        "samples/whatsapp/_chat_ios_mmddyy_24h.txt",
        "samples/whatsapp/WhatsApp Chat android_ddmmyy_24h.txt",
        "samples/whatsapp/WhatsApp Chat android_es_12h.txt",
    ]
    .map(|p| (p.to_owned(), "whatsapp.chat"))
    .to_vec()
}

/// The bank statement samples and the sources that read them (issue 9).
fn money_samples() -> Vec<(String, &'static str)> {
    [
        ("samples/bank/bank_medium.ofx", "bank.ofx"),
        ("samples/bank/test.qif", "bank.qif"),
    ]
    .map(|(p, k)| (p.to_owned(), k))
    .to_vec()
}

#[test]
fn every_sample_is_listed_with_its_real_size() {
    let report = inspect_paths(&[samples()]);
    assert_eq!(report.schema, SCHEMA);
    let on_disk = reflet::ingest::walk(&[samples()]);
    assert_eq!(report.files.len(), on_disk.len());
    assert!(
        report.files.len() > 80,
        "the samples folder holds ~90 files"
    );
    for (file, (name, path)) in report.files.iter().zip(&on_disk) {
        assert_eq!(&file.file.path, name);
        assert!(file.file.path.starts_with("samples/"), "{}", file.file.path);
        assert_eq!(file.file.size, std::fs::metadata(path).unwrap().len());
        assert!(file.error.is_none(), "{}: {:?}", file.file.path, file.error);
    }
    let records = report
        .files
        .iter()
        .find(|f| f.file.path == "samples/google/Records.json")
        .unwrap();
    assert_eq!(records.file.size, 569);
    // The real sample, read by the first registered source: 3 positions (checked by hand).
    assert_eq!(records.kind, Kind::Source("google.records".into()));
    let Some(Summary::Positions(p)) = &records.summary else {
        panic!("no summary")
    };
    assert_eq!(p.count, 3);
    assert_eq!(p.first.as_deref(), Some("2012-12-15T14:21:29.460Z"));
    assert_eq!(p.last.as_deref(), Some("2013-03-01T05:17:39.849Z"));
    assert_eq!(p.sources.get("UNKNOWN"), Some(&2));
    assert_eq!(p.sources.get("WIFI"), Some(&1));
    // Three dates, checked with: python3 -c "import json; d=json.load(open('../shared/samples/google/
    // Records.json')); print({l['timestamp'][:10] for l in d['locations']})". The gaps are weeks apart,
    // so no pace is given.
    assert_eq!((p.days, p.interval_s), (3, None));
    // One record in three names its device, with no platform nor form factor, and none has an
    // activity: python3 -c "import json; d=json.load(open('../shared/samples/google/Records.json'));
    // print([l.get('deviceTag') for l in d['locations']], [l for l in d['locations'] if 'activity' in l])"
    // prints [None, None, 1184882232] [].
    let devices: Vec<(&str, u64)> = p
        .devices
        .iter()
        .map(|d| (d.tag.as_str(), d.positions))
        .collect();
    assert_eq!(devices, [("1184882232", 1)]);
    assert!(p.activity_guesses.is_empty());
    assert_eq!(records.findings.len(), 3);
    // (findings[1] is `countries`: tests/integration/trips.rs.)
    assert_eq!(records.findings[2].id, "devices");
    assert_eq!(
        records.findings[2].text.en,
        "Google noted, for 1 of the 3 positions, the device that recorded it: a single device \
         (device of unknown type)."
    );
    assert_eq!(records.findings[0].id, "coverage");
    assert_eq!(
        records.findings[0].text.en,
        "Google recorded where you were on 3 days between 2012 and 2013."
    );
}

#[test]
fn every_sample_is_recognised_by_its_own_source_and_no_other() {
    let report = inspect_paths(&[samples()]);
    // Every sample an export type recognises, and which one: each location format by its own
    // source, each advertising file by its platform's, nothing else claimed (the Semantic and on-device Timeline files also hold
    // `latitudeE7`, and are not taken for Records.json).
    let claimed: Vec<(&str, String)> = report
        .files
        .iter()
        .filter(|f| f.kind != Kind::Unknown)
        .map(|f| (f.file.path.as_str(), String::from(f.kind.clone())))
        .collect();
    let expected = [
        ("samples/apple/export.xml", "apple.health"),
        (
            "samples/apple/workout-routes/route_2019-06-11_3.00pm.gpx",
            "geo.gpx",
        ),
        ("samples/geo/gx_track.kml", "geo.kml"),
        (
            "samples/google/Encrypted Backups.txt",
            "google.takeout_no_history",
        ),
        ("samples/google/Records.json", "google.records"),
        (
            "samples/google/Timeline Edits.json",
            "google.timeline_edits",
        ),
        (
            "samples/google/Timeline_android_gpsbabel.json",
            "google.timeline.android",
        ),
        (
            "samples/google/Timeline_android_rawSignals.json",
            "google.timeline.android",
        ),
        (
            "samples/google/location-history_ios.json",
            "google.timeline.ios",
        ),
        (
            "samples/google/semantic_history_2013_DECEMBER.json",
            "google.semantic",
        ),
        (
            "samples/google/semantic_history_with_bom.json",
            "google.semantic",
        ),
        ("samples/strava/activities.csv", "strava.activities"),
    ];
    let social = social_samples();
    let media = media_samples();
    let mut expected: Vec<(&str, &str)> = expected.to_vec();
    expected.extend(social.iter().map(|(p, k)| (p.as_str(), *k)));
    expected.extend(media.iter().map(|(p, k)| (p.as_str(), *k)));
    let chats = chat_samples();
    expected.extend(chats.iter().map(|(p, k)| (p.as_str(), *k)));
    let money = money_samples();
    expected.extend(money.iter().map(|(p, k)| (p.as_str(), *k)));
    expected.sort_unstable();
    let expected: Vec<(&str, String)> = expected
        .iter()
        .map(|(p, k)| (*p, (*k).to_owned()))
        .collect();
    assert_eq!(claimed, expected);
}

#[test]
fn a_missing_file_is_reported_not_fatal() {
    let report = inspect_paths(&[
        PathBuf::from("/definitely/not/here.json"),
        samples().join("bank/test.qif"),
    ]);
    assert_eq!(report.files.len(), 2);
    let missing = &report.files[0];
    assert_eq!(missing.file.path, "here.json");
    assert_eq!(
        missing.error.as_ref().map(|e| e.kind),
        Some(reflet::error::ErrorKind::Unreadable)
    );
    assert_eq!(report.files[1].file.path, "test.qif");
    assert_eq!(report.files[1].file.size, 1484);
}

#[test]
fn the_json_matches_the_documented_schema_example() {
    // A file no source claims.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello, see you 12/03/2024\n").unwrap();
    let report = inspect_paths(&[dir.path().join("notes.txt")]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "schema": 1,
            "generator": format!("reflet {}", env!("CARGO_PKG_VERSION")),
            "files": [{"path": "notes.txt", "size": 26, "kind": "unknown", "scan": {
                "shape": {"text": {"encoding": "utf-8", "lines": 1, "longest_line": 26}},
                "found": [{"category": "date", "count": 1,
                    "places": [{"at": "text", "count": 1}], "examples": ["**/**/2024"]}],
                "sensitivity": {"level": "low"},
                "text": {
                    "fr": "Ce fichier contient 1\u{a0}date. Des dates disent quand vous étiez actif.",
                    "en": "This file holds 1\u{a0}date. Dates tell when you were active."
                }
            }}]
        })
    );
}

#[test]
fn the_schema_doc_documents_every_key_id_and_category() {
    // docs/report-schema.md documents every top-level and per-file key.
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report-schema.md"),
    )
    .unwrap();
    for key in [
        "`schema`",
        "`generator`",
        "`files`",
        "`exports`",
        "`confidence`",
        "`summary`",
        "`findings`",
        "`days`",
        "`interval_s`",
        "`coverage`",
        "`home`",
        "`service_places`",
        "`travel_affinities`",
        "`activity_guesses`",
        "`devices`",
        "`history_settings`",
        "`uniqueness`",
        "`work`",
        "`days_total`",
        "`places`",
        "`sensitive_places`",
        "`nights_total`",
        "`doubt`",
        "`daytime_elsewhere`",
        "`routine`",
        "`leave`",
        "`away`",
        "`trips`",
        "`home_work`",
        "`co2`",
        "`countries`",
        "`density`",
        "`towns`",
        "`estimated_metres`",
        "`plane_grams`",
        "`why`",
        "`path`",
        "`size`",
        "`kind`",
        "`error`",
        "`message`",
        "`scan`",
        "`name`",
        "`shape`",
        "`found`",
        "`examples`",
        "`sensitivity`",
        "`reasons`",
        "`photo`",
        "`longest_line`",
        "`max_len`",
        "`skip_lines`",
        "`platform`",
        "`interests`",
        "`advertisers`",
        "`off_platform`",
        "`special`",
        "`data_file`",
        "`remarketing`",
        "`in_store`",
    ] {
        assert!(
            doc.contains(key),
            "docs/report-schema.md does not document {key}"
        );
    }
    // Every finding id in the doc's table has its own reasoning, in both languages.
    let table = doc.split("## Finding ids").nth(1).unwrap();
    let table = table.split("\n## ").next().unwrap();
    let ids: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    assert!(ids.len() >= 9, "{ids:?}");
    for lang in [Lang::Fr, Lang::En] {
        let fallback = finding_why(lang, "no such finding");
        for id in &ids {
            assert_ne!(finding_why(lang, id), fallback, "{id} has no reasoning");
        }
    }
    for category in reflet::scan::Category::ALL {
        let name = format!("`{}`", category.id());
        assert!(doc.contains(&name), "docs/report-schema.md lacks {name}");
    }
    for kind in reflet::error::ErrorKind::ALL {
        let name = serde_json::to_value(kind).unwrap();
        let name = format!("`{}`", name.as_str().unwrap());
        assert!(doc.contains(&name), "docs/report-schema.md lacks {name}");
    }
}

#[test]
fn the_parts_of_a_split_takeout_are_one_export_in_the_report() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    for (part, entry) in [(3, "YouTube/history.json"), (1, "Chrome/History.json")] {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            format!("Takeout/{entry}"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(b"{\"ok\": true}").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let name = format!("takeout-20241201T101010Z-{part:03}.zip");
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "hello\n").unwrap();
    let report = inspect_paths(&[dir.path().to_path_buf()]);
    let folder = dir.path().file_name().unwrap().to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json["exports"],
        serde_json::json!([{
            "name": format!("{folder}/takeout-20241201T101010Z"),
            "parts": [
                format!("{folder}/takeout-20241201T101010Z-001.zip"),
                format!("{folder}/takeout-20241201T101010Z-003.zip"),
            ],
            "missing": [2],
        }])
    );
    assert_eq!(report.files.len(), 3);
    // One part alone is not a split export.
    let single = inspect_paths(&[dir.path().join("takeout-20241201T101010Z-001.zip")]);
    assert!(single.exports.is_empty());
    assert!(!single.to_json().contains("\"exports\""));
}

#[test]
fn the_android_sample_lists_its_two_stays_by_time_spent() {
    // python3 -c "import json; d=json.load(open('../shared/samples/google/Timeline_android_gpsbabel.json'));
    // print([(s['startTime'], s['endTime'], s['visit']['topCandidate']['placeLocation']) for s in
    // d['semanticSegments'] if 'visit' in s])": 09:30-11:00 at 37.4219983, -122.084 and
    // 11:20-12:30 at 37.4419983, -122.104, so 1.5 h (rounded to 2) and 1 h 10 (1).
    let report = inspect_paths(&[samples().join("google/Timeline_android_gpsbabel.json")]);
    let Some(Summary::Positions(p)) = &report.files[0].summary else {
        panic!("no summary")
    };
    let places: Vec<(Option<f64>, Option<f64>, u64, u64)> = p
        .places
        .iter()
        .map(|t| (t.lat, t.lng, t.visits, t.hours))
        .collect();
    assert_eq!(
        places,
        [
            (Some(37.422), Some(-122.084), 1, 2),
            (Some(37.442), Some(-122.104), 1, 1)
        ]
    );
    assert!(p.sensitive_places.is_empty());
    let finding = report.files[0]
        .findings
        .iter()
        .find(|f| f.id == "places")
        .unwrap();
    assert!(finding
        .text
        .en
        .starts_with("The places where you spent the most time: "));
    assert!(
        finding.text.en.ends_with("(1 h, 1 visit)."),
        "{}",
        finding.text.en
    );
}

/// The page reads the worker's reports back from JSON (src/worker/protocol.rs), through the
/// hand-written readers of `FileReport` (no `flatten` buffer) and `Summary` (its `type` first):
/// a report with every kind of summary, and the portrait across them, comes back unchanged.
#[test]
fn a_report_with_every_kind_of_summary_reads_back_unchanged() {
    use super::common::{fixture, sample};
    let report = inspect_paths(&[
        sample("google/Records.json"),
        sample("facebook/ads_interests.json"),
        sample("spotify/StreamingHistory_music_0.json"),
        fixture("enedis.linky", "mes-donnees-courbe-de-charge.csv"),
        sample("whatsapp/_chat.txt"),
        sample("bank/bank_medium.ofx"),
        fixture("google.my_activity", "Search/MyActivity.json"),
        sample("apple/export.xml"),
        samples().join("../samples/google/does-not-exist.json"),
    ]);
    let kinds: Vec<&str> = report
        .files
        .iter()
        .filter_map(|f| f.summary.as_ref())
        .map(|s| match s {
            Summary::Positions(_) => "positions",
            Summary::Social(_) => "social",
            Summary::Media(_) => "media",
            Summary::Energy(_) => "energy",
            Summary::Chat(_) => "chat",
            Summary::Money(_) => "money",
            Summary::Activity(_) => "activity",
            Summary::Health(_) => "health",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "positions",
            "social",
            "media",
            "energy",
            "chat",
            "money",
            "activity",
            "health"
        ]
    );
    assert!(
        report.files.iter().any(|f| f.error.is_some()),
        "the missing file's error"
    );
    assert!(report
        .across
        .as_ref()
        .and_then(|a| a.portrait.as_ref())
        .is_some());
    let json = report.to_json();
    let back: reflet::report::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);

    // A summary written with its type elsewhere than first is refused with a reason, not misread.
    let moved = r#"{"path":"a.csv","size":1,"kind":"unknown","summary":{"positions":0,"type":"positions"}}"#;
    let err = serde_json::from_str::<reflet::report::FileReport>(moved).unwrap_err();
    assert!(err.to_string().contains("type"), "{err}");
}
