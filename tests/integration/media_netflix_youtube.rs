//! Netflix's viewing activity, devices and addresses, and YouTube's watch history (issue 9), read
//! whole by their sources.
//!
//! The expected values were counted independently of Reflet's readers, with Python's `csv` and
//! `json` modules, then written down here:
//! - `netflix/ViewingActivity.csv` (real sample, fake data): 3,000 rows, of which 374 have an
//!   empty `Supplemental Video Type` (the others are PROMOTIONAL 408, TRAILER 390, `BIG_ROW` 387,
//!   RECAP 377, `TEASER_TRAILER` 375, PREVIEW 365, HOOK 324); their durations add up to
//!   1,288,480,000 ms; first start 2008-01-07, last 2022-10-27; 75 titles, 74 series or films
//!   (the part before the first ": "), the most watched `A Dangerous Method` (11 plays); countries
//!   FR (France) 193, GB (United Kingdom) 181; six device types (listed below):
//!   `python3 -c "import csv,collections; r=[x for x in csv.DictReader(open('ViewingActivity.csv'))
//!   if not x['Supplemental Video Type']]; print(len(r), collections.Counter(x['Device Type'] for
//!   x in r))"`.
//! - `google/watch-history.json`: two records, no ads, `Video 1` by `Channel 1` on 2022-09-21,
//!   `Video 2` by `Channel 2` on 2022-09-20 (by eye).
//! - `google/historial-de-reproducciones_es.json`: three records: one play (`Has visto ` with the
//!   title cut away, by `Safiya Nygaard`, 2025-08-04), one with a cut time
//!   (`2025-08-04T09:46:5`, no play), one ad (`De los anuncios de Google`) (by eye).
//! - the generated Netflix fixtures (`tests/fixtures/netflix.devices/`): counted with
//!   `collections.Counter` over the device and address columns.

use reflet::model::media::{KindTotal, MediaKind, Service};

use super::common::{fixture, media, sample};

fn names(seen: &[reflet::model::social::Seen]) -> Vec<(&str, u64)> {
    let mut names: Vec<(&str, u64)> = seen.iter().map(|s| (s.name.as_str(), s.logins)).collect();
    names.sort_unstable();
    names
}

#[test]
fn netflix_views_are_plays_and_trailers_are_left_out() {
    let m = media(&sample("netflix/ViewingActivity.csv"), "netflix.viewing");
    assert_eq!(m.service, Service::Netflix);
    assert_eq!((m.plays, m.ms), (374, 1_288_480_000));
    assert_eq!(
        m.kinds,
        [KindTotal {
            kind: MediaKind::Show,
            plays: 374,
            ms: 1_288_480_000
        }]
    );
    assert_eq!(
        (m.first.as_deref(), m.last.as_deref()),
        (Some("2008-01-07"), Some("2022-10-27"))
    );
    assert_eq!((m.title_count, m.creator_count), (75, 74));
    assert_eq!(
        m.countries,
        [
            ("FR (France)".to_owned(), 193),
            ("GB (United Kingdom)".to_owned(), 181)
        ]
    );
    assert_eq!(
        names(&m.devices),
        [
            ("Apple iPhone 13", 56),
            ("DefaultWidevineAndroidPhone", 68),
            ("Google Chromecast V5 Streaming Stick", 60),
            ("Google Chromecast streaming stick", 72),
            ("LG LG 2017 MStar M2R Standard DTV Smart TV", 51),
            (
                "Netflix Chrome MAC (Cadmium) HTML 5Samsung 2014 MStar DTV",
                67
            ),
        ]
    );
    assert!(m.ips.is_empty() && m.segments.is_empty());
}

#[test]
fn youtube_watches_are_plays_with_their_channel_and_ads_are_left_out() {
    let m = media(
        &sample("google/watch-history.json"),
        "youtube.watch_history",
    );
    assert_eq!(m.service, Service::YouTube);
    assert_eq!((m.plays, m.ms), (2, 0));
    assert_eq!(
        (m.first.as_deref(), m.last.as_deref()),
        (Some("2022-09-20"), Some("2022-09-21"))
    );
    let mut creators: Vec<&str> = m.creators.iter().map(|c| c.name.as_str()).collect();
    creators.sort_unstable();
    assert_eq!(creators, ["Channel 1", "Channel 2"]);
    let mut titles: Vec<&str> = m.titles.iter().map(|c| c.name.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Video 1", "Video 2"]);
    assert_eq!(m.kinds[0].kind, MediaKind::Video);

    // Spanish: one play; the cut time and the ad count for nothing.
    let m = media(
        &sample("google/historial-de-reproducciones_es.json"),
        "youtube.watch_history",
    );
    assert_eq!(m.plays, 1);
    assert_eq!(
        (m.first.as_deref(), m.last.as_deref()),
        (Some("2025-08-04"), Some("2025-08-04"))
    );
    assert_eq!(m.creators.len(), 1);
    assert_eq!(m.creators[0].name, "Safiya Nygaard");
    assert_eq!(m.title_count, 0);
}

#[test]
fn netflix_devices_and_addresses_are_seen() {
    let id = "netflix.devices";
    let m = media(&fixture(id, "Devices.csv"), id);
    assert_eq!(m.service, Service::Netflix);
    assert_eq!(m.plays, 0);
    // Six devices, each listed for two profiles with the same account dates: each seen once at
    // the account's first and once at its last playback.
    assert_eq!(
        names(&m.devices),
        [
            ("Apple iPhone 12", 2),
            ("Google Chromecast V3 Streaming Stick", 2),
            ("Netflix Chrome MAC (Cadmium) HTML 5", 2),
            ("Samsung 2019 Tizen TV", 2),
            ("Samsung Galaxy S10 (Android)", 2),
            ("Sony PlayStation 4", 2),
        ]
    );
    let phone = m
        .devices
        .iter()
        .find(|d| d.name == "Samsung Galaxy S10 (Android)")
        .unwrap();
    assert_eq!(
        (phone.first.as_deref(), phone.last.as_deref()),
        (Some("2019-01-10"), Some("2024-01-20"))
    );
    assert!(m.ips.is_empty());

    let m = media(&fixture(id, "IpAddressesStreaming.csv"), id);
    assert_eq!(
        names(&m.ips),
        [
            ("176.134.22.5", 2),
            ("2a01:cb00:8a3:1200:3c5d:71ff:fe12:9a0b", 2),
            ("37.171.88.210", 2),
            ("90.12.204.17", 6),
        ]
    );
    assert_eq!(m.devices.len(), 6);
    assert!(m.devices.iter().all(|d| d.logins == 2));

    let m = media(&fixture(id, "IpAddressesLogin.csv"), id);
    assert_eq!(
        names(&m.ips),
        [
            ("176.134.22.5", 1),
            ("2a01:cb00:8a3:1200:3c5d:71ff:fe12:9a0b", 2),
            ("37.171.88.210", 1),
            ("90.12.204.17", 3),
        ]
    );
    assert_eq!(
        names(&m.devices),
        [
            ("Netflix Chrome MAC (Cadmium) HTML 5", 2),
            ("Samsung Galaxy S10 (Android)", 3),
            ("Sony PlayStation 4", 2),
        ]
    );
}
