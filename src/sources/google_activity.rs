//! What Google kept of what a person did: My Activity in JSON, `MyActivity.json` (Search, Maps,
//! Chrome, Android, Assistant, Discover, Play…), and YouTube's search history,
//! `search-history.json`.
//!
//! Where from: Google Takeout (takeout.google.com), "My Activity" with JSON chosen (HTML by
//! default): `Takeout/My Activity/<Product>/MyActivity.json`, localised (`Mon activité/Recherche/
//! MonActivité.json`); YouTube's `Takeout/YouTube and YouTube Music/history/search-history.json`
//! has the same shape (formats.md sections 1.3 and 1.4).
//!
//! Shape: a top-level array of records `{"header": "Search", "title": "Searched for …",
//! "titleUrl": "https://www.google.com/search?q=…", "time": "2024-03-01T20:15:00.500Z",
//! "products": ["Search"], "details": [{"name": "From Google Ads"}, {"name": "From IP 1.2.3.4"}],
//! "locationInfos": [{"name": "At this general area", "url": …, "source": "From your Location
//! History"}]}`, streamed one at a time: `header` is the product and `title` starts with a verb,
//! both localised; a visit's `titleUrl` is a Google redirect, `https://www.google.com/url?q=…`.
//!
//! Each record with a readable time is an event: its product (`header`, else the first of
//! `products`), its kind from the title's verb in English, French or Spanish (`Searched for`,
//! `Vous avez recherché`, `A consulté`…; a Google search address makes a search in any
//! language), the domain of the site it links to (Google's redirects followed), whether a
//! location is attached and where Google says it comes from, whether a detail names Google's
//! ads, and an IP address a detail gives. Not read: the search terms and page titles (never
//! kept), subtitles, descriptions, activity controls, attached files.
//!
//! The YouTube folder of My Activity, and `watch-history.json`, belong to `youtube.watch_history`
//! (videos watched): this source declines a file whose first record is YouTube's unless its name
//! says it is a search history. YouTube's search history is read here, under its own product:
//! its shape and meaning are My Activity's, so one id serves both.

use std::io::Read;

use serde::Deserialize;

use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, json_start};
use crate::model::activity::{ActivityKind, Event, LocationSource};
use crate::model::time::parse_iso;
use crate::model::Sink;

/// `MyActivity.json`, `search-history.json`.
pub struct GoogleActivity;

/// The localised verbs that open a title (with a space or a non-breaking space after them).
const VERBS: [(&str, ActivityKind); 20] = [
    ("Searched for", ActivityKind::Search),
    ("Vous avez recherché", ActivityKind::Search),
    ("A recherché", ActivityKind::Search),
    ("Has buscado", ActivityKind::Search),
    ("Visited", ActivityKind::Visit),
    ("Viewed", ActivityKind::Visit),
    ("A consulté", ActivityKind::Visit),
    ("Vous avez consulté", ActivityKind::Visit),
    ("Vous avez visité", ActivityKind::Visit),
    ("A visité", ActivityKind::Visit),
    ("Has visitado", ActivityKind::Visit),
    ("Has consultado", ActivityKind::Visit),
    ("Watched", ActivityKind::Watch),
    ("Vous avez regardé", ActivityKind::Watch),
    ("A regardé", ActivityKind::Watch),
    ("Has visto", ActivityKind::Watch),
    ("Used", ActivityKind::Use),
    ("Vous avez utilisé", ActivityKind::Use),
    ("A utilisé", ActivityKind::Use),
    ("Has usado", ActivityKind::Use),
];

/// What an event was, from its title's verb, or its address for a search in another language.
pub(super) fn kind_of(title: &str, url: Option<&str>) -> ActivityKind {
    let verb = VERBS.iter().find(|(verb, _)| {
        title
            .strip_prefix(verb)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    });
    match verb {
        Some((_, kind)) => *kind,
        None if url.is_some_and(|u| u.contains("/search?") || u.contains("search_query=")) => {
            ActivityKind::Search
        }
        None => ActivityKind::Other,
    }
}

/// The host of an address, lower-cased, without `www.`, a port or user name; `None` if it has
/// none that looks like a domain or an IP address.
fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let name = authority.split(':').next()?.to_ascii_lowercase();
    let name = name.strip_prefix("www.").unwrap_or(&name);
    let fine = name.contains('.')
        && name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    fine.then(|| name.to_owned())
}

/// `%XX` sequences decoded (what cannot be decoded is kept as written).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        let (byte, len) = match (b, hex) {
            (b'%', Some(decoded)) => (decoded, 3),
            _ => (b, 1),
        };
        out.push(byte);
        i += len;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The domain of the site an address leads to: for Google's redirects
/// (`https://www.google.com/url?q=<target>&usg=…`), the target's; none for Google's own search
/// and map pages.
pub(super) fn domain(url: &str) -> Option<String> {
    let own = host(url)?;
    if own.starts_with("google.") {
        // A search or a map is no site visited; a redirect leads to one.
        let query = url.split_once("/url?")?.1;
        let target = query
            .split('&')
            .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("url=")))?;
        return host(&percent_decode(target));
    }
    Some(own)
}

/// Where a location came from, by the words Google uses (English, French, Spanish).
pub(super) fn location_source(text: &str) -> LocationSource {
    let text = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if has(&[
        "location history",
        "historique des positions",
        "historial de ubicaciones",
    ]) {
        LocationSource::History
    } else if has(&[
        "past activity",
        "activité passée",
        "activité précédente",
        "actividad anterior",
    ]) {
        LocationSource::PastActivity
    } else {
        LocationSource::Other
    }
}

/// Whether a detail names Google's ads (`From Google Ads`, `Depuis Google Ads`…).
pub(super) fn is_ad(detail: &str) -> bool {
    let detail = detail.to_lowercase();
    super::youtube_history::AD_DETAILS
        .iter()
        .any(|a| detail.contains(a))
}

/// The IP address a detail gives (`From IP 8.8.8.8`, `Depuis l'adresse IP 1.2.3.4`).
pub(super) fn ip_in(detail: &str) -> Option<&str> {
    detail.split_whitespace().find_map(|word| {
        let word = word.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | ';'));
        word.parse::<std::net::IpAddr>().ok().map(|_| word)
    })
}

/// A name, or something it contains.
#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// One record; anything else in it is passed over.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    header: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(rename = "titleUrl", default)]
    title_url: Option<String>,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    products: Option<Vec<String>>,
    #[serde(default)]
    details: Option<Vec<Named>>,
    #[serde(rename = "locationInfos", default)]
    location_infos: Option<Vec<Named>>,
}

impl Record {
    fn hand_over(&self, out: &mut dyn Sink) {
        let Some(at) = self.time.as_deref().and_then(parse_iso) else {
            return;
        };
        let product = self
            .header
            .as_deref()
            .or_else(|| self.products.as_ref()?.first().map(String::as_str))
            .unwrap_or_default();
        let url = self.title_url.as_deref();
        let kind = kind_of(self.title.as_deref().unwrap_or_default(), url);
        let domain = url.and_then(domain);
        let location = self.location_infos.as_ref().and_then(|infos| {
            let info = infos.first()?;
            Some(location_source(info.source.as_deref().unwrap_or_default()))
        });
        let details = self
            .details
            .iter()
            .flatten()
            .filter_map(|d| d.name.as_deref());
        let ad = details.clone().any(is_ad);
        let ip = { details }.find_map(ip_in);
        out.event(&Event {
            product,
            at: at.div_euclid(1000),
            kind,
            domain: domain.as_deref(),
            location,
            ad,
            ip,
        });
    }
}

/// Whether the first bytes open an array of My Activity records.
fn activity_head(head: &[u8]) -> bool {
    let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
    super::meta::opens_array(head)
        && [
            &b"\"header\""[..],
            b"\"title\"",
            b"\"time\"",
            b"\"products\"",
        ]
        .iter()
        .all(|k| has(k))
}

impl Source for GoogleActivity {
    fn id(&self) -> &'static str {
        "google.my_activity"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google, Mon activité (MyActivity.json)",
            Lang::En => "Google My Activity (MyActivity.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn activity(&self) -> bool {
        true
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        if !activity_head(head) {
            return None;
        }
        // YouTube's watches belong to `youtube.watch_history`.
        let name = super::meta::file_name(path);
        if super::youtube_history::youtube_head(head) && !super::youtube_history::search_name(&name)
        {
            return None;
        }
        Some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut records = 0_u64;
        let mut titled = false;
        let result = for_each_element(json_start(reader), &[], &mut |record: Record| {
            records += 1;
            titled |= record.header.is_some() || record.title.is_some();
            record.hand_over(out);
        });
        match result {
            Err(e) => Some(e.kind()),
            Ok(_) if records > 0 && !titled => Some(ErrorKind::WrongType),
            Ok(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    #[test]
    fn titles_make_kinds_in_three_languages() {
        let k = |t: &str| kind_of(t, None);
        assert_eq!(k("Searched for météo"), ActivityKind::Search);
        assert_eq!(k("Vous avez recherché\u{a0}horaires"), ActivityKind::Search);
        assert_eq!(k("A consulté Le Monde"), ActivityKind::Visit);
        assert_eq!(k("Has visto Algo"), ActivityKind::Watch);
        assert_eq!(k("Used Google Maps"), ActivityKind::Use);
        assert_eq!(k("Usedcars"), ActivityKind::Other);
        assert_eq!(k("Gesucht"), ActivityKind::Other);
        assert_eq!(
            kind_of("Gesucht nach x", Some("https://www.google.com/search?q=x")),
            ActivityKind::Search
        );
    }

    #[test]
    fn domains_follow_google_redirects_and_keep_nothing_else() {
        let d = |u: &str| domain(u);
        assert_eq!(
            d("https://www.google.com/url?q=https://www.lemonde.fr/politique/article.html&usg=AOv"),
            Some("lemonde.fr".to_owned())
        );
        assert_eq!(
            d("https://www.google.fr/url?q=https%3A%2F%2Ffr.wikipedia.org%2Fwiki%2FX&usg=A"),
            Some("fr.wikipedia.org".to_owned())
        );
        assert_eq!(d("https://www.google.com/search?q=secret+terms"), None);
        assert_eq!(d("https://www.google.com/maps/@45.9,6.1,13z"), None);
        assert_eq!(
            d("https://mail.google.com/mail/u/0/"),
            Some("mail.google.com".to_owned())
        );
        assert_eq!(
            d("https://user@Example.ORG:8080/x"),
            Some("example.org".to_owned())
        );
        assert_eq!(d("chrome://settings"), None);
        assert_eq!(d("not a url"), None);
    }

    #[test]
    fn details_say_ads_and_addresses() {
        assert!(is_ad("From Google Ads"));
        assert!(!is_ad("From IP 8.8.8.8"));
        assert_eq!(ip_in("From IP 8.8.8.8"), Some("8.8.8.8"));
        assert_eq!(
            ip_in("Depuis l'adresse IP 2001:db8::1."),
            Some("2001:db8::1")
        );
        assert_eq!(ip_in("Version 1.2.3"), None);
        assert_eq!(
            location_source("Based on your past activity"),
            LocationSource::PastActivity
        );
        assert_eq!(
            location_source("D'après votre historique des positions"),
            LocationSource::History
        );
        assert_eq!(location_source("From your device"), LocationSource::Other);
    }

    #[test]
    fn the_search_fixture_is_read_event_by_event() {
        let bytes = fixture("google.my_activity", "Search/MyActivity.json");
        let (out, error) = collect(&GoogleActivity, &bytes);
        assert_eq!(error, None);
        let first = out.events.first().cloned();
        // The first record: a search at 2024-03-01T20:15:00.500Z (date -ud … +%s: 1709324100),
        // located from the Location History, with an IP detail.
        assert_eq!(
            first,
            Some(crate::sources::CollectedEvent {
                product: "Search".to_owned(),
                at: 1_709_324_100,
                kind: ActivityKind::Search,
                domain: None,
                location: Some(LocationSource::History),
                ad: false,
                ip: Some("192.0.2.10".to_owned()),
            })
        );
        assert!(out
            .events
            .iter()
            .any(|e| e.ad && e.kind == ActivityKind::Visit));
    }

    #[test]
    fn detection_is_specific_and_garbage_is_an_error() {
        let search = br#"[{"header": "Search", "title": "Searched for x", "time": "2024-03-01T20:15:00Z", "products": ["Search"]}]"#;
        let path = "Takeout/My Activity/Search/MyActivity.json";
        assert!(GoogleActivity.detect(path, search).is_some());
        let youtube = br#"[{"header": "YouTube", "title": "Searched for x", "time": "2024-03-01T20:15:00Z", "products": ["YouTube"]}]"#;
        assert!(GoogleActivity
            .detect(
                "Takeout/YouTube and YouTube Music/history/search-history.json",
                youtube
            )
            .is_some());
        assert!(GoogleActivity
            .detect(
                "Takeout/YouTube and YouTube Music/history/watch-history.json",
                youtube
            )
            .is_none());
        assert!(GoogleActivity.detect(path, b"{\"header\": 1}").is_none());
        assert_eq!(
            collect(&GoogleActivity, br#"[{"a": 1}, {"b": 2}]"#).1,
            Some(ErrorKind::WrongType)
        );
        let cut = &search[..search.len() - 3];
        let (out, error) = collect(&GoogleActivity, cut);
        assert_eq!((out.events.len(), error), (0, Some(ErrorKind::Truncated)));
    }
}
