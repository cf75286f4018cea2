//! TikTok's TXT export, read from fixtures written from formats.md section 5 (no real sample
//! exists). The expected values were counted when the fixtures were written, by the Python that
//! wrote them: 60 watched videos; 12 logins from 3 addresses, 8 on `iPhone14,4` under two iOS
//! versions and 4 on `SM-A546B` (Android); 25 followers (21 in 2024, 4 in 2025) and 17 accounts
//! followed (11 and 6).

use std::path::Path;

use reflet::model::social::{Relation, SocialSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind};

fn read(folder: &str, name: &str) -> SocialSummary {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
        .join(name);
    let report = inspect_paths(&[path]);
    let file = &report.files[0];
    assert_eq!(file.kind, Kind::Source(folder.into()));
    assert_eq!(file.error, None);
    let Some(Summary::Social(s)) = file.summary.clone() else {
        panic!("{:?}", file.summary)
    };
    s
}

#[test]
fn tiktok_s_text_lists_give_actions_logins_and_relations() {
    let s = read("tiktok.txt_activity", "Browsing History.txt");
    assert_eq!(s.rhythm.map(|r| r.total), Some(60));

    let s = read("tiktok.txt_logins", "Login History.txt");
    assert_eq!((s.logins, s.ips.len()), (12, 3));
    let devices: Vec<(&str, u64)> = s
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.logins))
        .collect();
    // A phone is one device across system updates.
    assert_eq!(
        devices,
        [("iPhone14,4 (iOS)", 8), ("SM-A546B (Android)", 4)]
    );

    let s = read("tiktok.txt_followers", "Follower.txt");
    assert_eq!(s.contacts.len(), 1);
    assert_eq!(s.contacts[0].relation, Relation::Follower);
    assert_eq!(s.contacts[0].years, [(2024, 21), (2025, 4)]);
    // No user name is kept.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("user0"), "{json}");

    let s = read("tiktok.txt_following", "Following.txt");
    assert_eq!(s.contacts[0].relation, Relation::Following);
    assert_eq!(s.contacts[0].years, [(2024, 11), (2025, 6)]);
}
