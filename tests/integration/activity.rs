//! Web activity (issue 9): Google My Activity in JSON and HTML, YouTube's search history and
//! Chrome's history, read whole by their sources. There is no real sample of any of them: the
//! fixtures were generated from formats.md sections 1.3, 1.4 and 1.5.
//!
//! The expected values were counted independently of Reflet's readers, with Python, then written
//! down here:
//! - JSON files: `json.load`, then `collections.Counter` over the title's verb (`Searched for`,
//!   `Vous avez recherché` → searches; `Visited`, `Viewed`, `A consulté` → visits; `Used` → use),
//!   over `locationInfos[0].source`, over details containing `Google Ads` or `IP`; the domains of
//!   visits with `urllib.parse` (the `q` parameter of Google's `/url` redirects, `www.` dropped,
//!   Google's own maps pages left out); first and last day and distinct days from `time[:10]`.
//! - HTML files: the text split on `outer-cell`; in each cell, the `mdl-typography--body-1` div
//!   by regular expression, its verb (before the link) and its date (after the last `<br>`),
//!   parsed with `datetime.strptime('%b %d %Y %I:%M:%S %p')` (English) or a French month table,
//!   less the zone's hours (CET 1, CEST 2, UTC or none 0); the caption div searched for `maps`,
//!   `Location History` / `historique des positions`, `Google Ads` and `IP`.
//! - Chrome: `json.load(...)['Browser History']`, entries whose `page_transition` is not
//!   `RELOAD`, `time_usec // 10**6` as UTC days, `urlparse(url).hostname` with a dot.

use reflet::analysis::portrait::portrait;
use reflet::model::activity::{ActivityKind, ActivitySummary, LocationSource};
use reflet::model::Summary;
use reflet::report::Kind;

use super::common::{activity, fixture};

fn ids(s: &ActivitySummary) -> Vec<String> {
    reflet::analysis::findings(&Kind::Source("x".into()), &Summary::Activity(s.clone()))
        .into_iter()
        .map(|f| f.id)
        .collect()
}

fn text(s: &ActivitySummary, id: &str, lang: reflet::i18n::Lang) -> String {
    reflet::analysis::findings(&Kind::Source("x".into()), &Summary::Activity(s.clone()))
        .into_iter()
        .find(|f| f.id == id)
        .map(|f| f.text.get(lang).to_owned())
        .unwrap_or_default()
}

fn domains(s: &ActivitySummary) -> Vec<(&str, u64)> {
    s.domains.iter().map(|(d, n)| (d.as_str(), *n)).collect()
}

#[test]
fn search_activity_in_english_json() {
    let s = activity(
        &fixture("google.my_activity", "Search/MyActivity.json"),
        "google.my_activity",
    );
    assert_eq!(s.events, 61);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2023-01-08"), Some("2024-03-01"))
    );
    assert_eq!(s.days_seen.count(), 58);
    assert_eq!(s.products, [("Search".to_owned(), 61)]);
    assert_eq!(
        s.kinds,
        [(ActivityKind::Search, 41), (ActivityKind::Visit, 20)]
    );
    assert_eq!((s.searches, s.searches_located, s.located), (41, 31, 31));
    assert_eq!(
        s.location_sources,
        [
            (LocationSource::History, 16),
            (LocationSource::PastActivity, 15)
        ]
    );
    assert_eq!((s.ads, s.ip_events, s.ip_count), (7, 5, 4));
    assert_eq!(s.domain_count, 7);
    assert_eq!(
        domains(&s),
        [
            ("doctolib.fr", 3),
            ("fr.wikipedia.org", 3),
            ("github.com", 3),
            ("leboncoin.fr", 3),
            ("lemonde.fr", 3),
            ("sncf-connect.com", 3),
            ("marmiton.org", 2)
        ]
    );
    assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(61));
    assert_eq!(
        ids(&s),
        [
            "activity_volume",
            "activity_located",
            "activity_sites",
            "activity_hours"
        ]
    );
    // 31 of 41 searches: 75.6 %.
    assert!(text(&s, "activity_located", reflet::i18n::Lang::En)
        .starts_with("Google attached a location to 76% of your searches (31 of 41)."));
    // No search term reaches the report.
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("pharmacie") && !json.contains("météo"));
}

#[test]
fn maps_activity_has_locations_and_no_sites() {
    let s = activity(
        &fixture("google.my_activity", "Maps/MyActivity.json"),
        "google.my_activity",
    );
    assert_eq!(s.events, 16);
    assert_eq!(
        s.kinds,
        [
            (ActivityKind::Search, 4),
            (ActivityKind::Visit, 4),
            (ActivityKind::Use, 4),
            (ActivityKind::Other, 4)
        ]
    );
    assert_eq!((s.searches_located, s.located), (4, 12));
    assert_eq!(
        s.location_sources,
        [
            (LocationSource::History, 8),
            (LocationSource::PastActivity, 4)
        ]
    );
    assert_eq!(s.domain_count, 0);
    assert_eq!(
        ids(&s),
        ["activity_volume", "activity_located", "activity_hours"]
    );
}

#[test]
fn french_activity_is_read_and_said_in_french() {
    let s = activity(
        &fixture("google.my_activity", "Recherche/MonActivité.json"),
        "google.my_activity",
    );
    assert_eq!(s.events, 25);
    assert_eq!(s.products, [("Recherche".to_owned(), 25)]);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2024-09-06"), Some("2025-02-20"))
    );
    assert_eq!(s.days_seen.count(), 24);
    assert_eq!(
        s.kinds,
        [(ActivityKind::Search, 17), (ActivityKind::Visit, 8)]
    );
    assert_eq!((s.searches_located, s.located), (13, 13));
    assert_eq!(
        s.location_sources,
        [
            (LocationSource::History, 7),
            (LocationSource::PastActivity, 6)
        ]
    );
    assert_eq!((s.ads, s.ip_events, s.ip_count), (3, 2, 2));
    assert_eq!(
        (s.domain_count, s.domains.first().cloned()),
        (7, Some(("doctolib.fr".to_owned(), 2)))
    );
    assert_eq!(
        text(&s, "activity_volume", reflet::i18n::Lang::Fr),
        "Google a gardé 25\u{a0}traces de votre activité du 2024-09-06 au 2025-02-20, dans \
         Recherche\u{a0}: 17\u{a0}recherches et 8\u{a0}visites. 3 venaient de Google Ads."
    );
}

#[test]
fn youtube_search_history_is_read_as_my_activity() {
    let s = activity(
        &fixture("google.my_activity", "search-history.json"),
        "google.my_activity",
    );
    assert_eq!(s.events, 20);
    assert_eq!(s.products, [("YouTube".to_owned(), 20)]);
    assert_eq!(s.kinds, [(ActivityKind::Search, 20)]);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2024-04-05"), Some("2024-08-11"))
    );
    assert_eq!(s.days_seen.count(), 19);
    assert_eq!((s.located, s.domain_count), (0, 0));
}

#[test]
fn html_activity_in_english_and_french() {
    let en = activity(
        &fixture("google.my_activity_html", "Search/MyActivity.html"),
        "google.my_activity_html",
    );
    assert_eq!(en.events, 15);
    assert_eq!(
        (en.first.as_deref(), en.last.as_deref()),
        (Some("2016-10-11"), Some("2021-11-24"))
    );
    assert_eq!(en.days_seen.count(), 15);
    assert_eq!(
        en.kinds,
        [(ActivityKind::Search, 10), (ActivityKind::Visit, 5)]
    );
    assert_eq!((en.searches_located, en.located), (7, 7));
    assert_eq!(
        en.location_sources,
        [
            (LocationSource::PastActivity, 4),
            (LocationSource::History, 3)
        ]
    );
    assert_eq!((en.ads, en.ip_events, en.domain_count), (3, 1, 5));
    let fr = activity(
        &fixture("google.my_activity_html", "Recherche/MonActivité.html"),
        "google.my_activity_html",
    );
    assert_eq!(fr.events, 10);
    assert_eq!(fr.products, [("Recherche".to_owned(), 10)]);
    assert_eq!(
        (fr.first.as_deref(), fr.last.as_deref()),
        (Some("2025-12-06"), Some("2026-06-15"))
    );
    assert_eq!(
        fr.kinds,
        [(ActivityKind::Search, 7), (ActivityKind::Visit, 3)]
    );
    assert_eq!(
        fr.location_sources,
        [
            (LocationSource::PastActivity, 3),
            (LocationSource::History, 2)
        ]
    );
    assert_eq!((fr.ads, fr.ip_events, fr.domain_count), (2, 1, 3));
}

#[test]
fn chrome_history_is_visits_by_domain() {
    let s = activity(&fixture("chrome.history", "History.json"), "chrome.history");
    assert_eq!(s.events, 32);
    assert_eq!(s.products, [("Chrome".to_owned(), 32)]);
    assert_eq!(s.kinds, [(ActivityKind::Visit, 32)]);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2024-09-03"), Some("2024-11-27"))
    );
    assert_eq!(s.domain_count, 8);
    assert_eq!(
        domains(&s),
        [
            ("doctolib.fr", 4),
            ("fr.wikipedia.org", 4),
            ("lemonde.fr", 4),
            ("sncf-connect.com", 4),
            ("github.com", 3),
            ("leboncoin.fr", 3),
            ("mail.google.com", 3),
            ("marmiton.org", 3)
        ]
    );
    assert_eq!(
        ids(&s),
        ["activity_volume", "activity_sites", "activity_hours"]
    );
}

#[test]
fn the_portrait_counts_google_and_chrome_and_what_they_know() {
    let search = Summary::Activity(activity(
        &fixture("google.my_activity", "Search/MyActivity.json"),
        "google.my_activity",
    ));
    let chrome = Summary::Activity(activity(
        &fixture("chrome.history", "History.json"),
        "chrome.history",
    ));
    let (g, c) = (
        Kind::Source("google.my_activity".into()),
        Kind::Source("chrome.history".into()),
    );
    let p = portrait([(&g, &search), (&c, &chrome)]).unwrap();
    let google = p.knows.iter().find(|k| k.service == "google").unwrap();
    assert!(google.location.is_some() && google.interests && google.habits);
    let chrome = p.knows.iter().find(|k| k.service == "chrome").unwrap();
    assert!(chrome.location.is_none() && chrome.interests);
}
