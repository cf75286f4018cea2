//! The sites a person visited in Chrome, as Google kept them: `History.json`.
//!
//! Where from: Google Takeout (takeout.google.com), "Chrome": `Takeout/Chrome/History.json`
//! (`BrowserHistory.json` until 2023–2024; DE `Verlauf.json`, NL `Geschiedenis.json`)
//! (formats.md section 1.5). Only the history synced to the Google account is there (about the
//! last 90 days, reportedly).
//!
//! Shape: `{"Browser History": [{"favicon_url", "page_transition": "LINK" | "TYPED" | "RELOAD"
//! …, "title", "url", "client_id", "time_usec": <epoch microseconds>}], "Typed Url": […]?}`; the
//! entries are streamed one at a time.
//!
//! Each entry with a time is a visit: product `Chrome`, at `time_usec` (UTC), the domain of its
//! address (`chrome://` and `file://` pages have none). Reloads are left out (no new visit).
//! Not read: titles, full addresses, favicons, client ids, the `Typed Url` section.
//!
//! Detection: the `Browser History` key and a `time_usec` in the first bytes.

use std::io::Read;

use serde::Deserialize;

use super::google_activity::domain;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::for_each_element;
use crate::model::activity::{ActivityKind, Event};
use crate::model::Sink;

/// `History.json`.
pub struct ChromeHistory;

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    page_transition: Option<String>,
    #[serde(default)]
    time_usec: Option<i64>,
}

impl Source for ChromeHistory {
    fn id(&self) -> &'static str {
        "chrome.history"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Chrome, historique de navigation (History.json)",
            Lang::En => "Chrome browsing history (History.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn activity(&self) -> bool {
        true
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
        (super::meta::opens_object(head) && has(b"\"Browser History\"") && has(b"\"time_usec\""))
            .then_some(Claim {
                source: self.id(),
                confidence: 90,
            })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut timed = 0_u64;
        let result = for_each_element(reader, &["Browser History"], &mut |e: Entry| {
            let Some(usec) = e.time_usec else { return };
            timed += 1;
            if e.page_transition
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case("RELOAD"))
            {
                return;
            }
            let site = e.url.as_deref().and_then(domain);
            out.event(&Event {
                product: "Chrome",
                at: usec.div_euclid(1_000_000),
                kind: ActivityKind::Visit,
                domain: site.as_deref(),
                location: None,
                ad: false,
                ip: None,
            });
        });
        match result {
            Err(e) => Some(e.kind()),
            Ok(_) if timed == 0 => Some(ErrorKind::WrongType),
            Ok(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = r#"{"Browser History": [
  {"favicon_url": "https://www.lemonde.fr/favicon.ico", "page_transition": "LINK",
   "title": "Le Monde", "url": "https://www.lemonde.fr/politique/", "client_id": "abc==",
   "time_usec": 1709324100123456},
  {"page_transition": "RELOAD", "title": "Le Monde", "url": "https://www.lemonde.fr/politique/",
   "client_id": "abc==", "time_usec": 1709324160000000},
  {"page_transition": "TYPED", "title": "Settings", "url": "chrome://settings/",
   "client_id": "abc==", "time_usec": 1709324200000000}
], "Typed Url": []}"#;

    #[test]
    fn visits_have_domains_and_reloads_are_left_out() {
        let (out, error) = collect(&ChromeHistory, FILE.as_bytes());
        assert_eq!(error, None);
        let got: Vec<_> = out
            .events
            .iter()
            .map(|e| (e.at, e.domain.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(1_709_324_100, Some("lemonde.fr")), (1_709_324_200, None)]
        );
        assert!(out
            .events
            .iter()
            .all(|e| e.product == "Chrome" && e.kind == ActivityKind::Visit));
        assert!(ChromeHistory
            .detect("Takeout/Chrome/History.json", FILE.as_bytes())
            .is_some());
        assert!(ChromeHistory
            .detect("History.json", b"[{\"time_usec\": 1}]")
            .is_none());
        let cut = FILE.find("RELOAD").unwrap_or_default();
        let (out, error) = collect(&ChromeHistory, &FILE.as_bytes()[..cut]);
        assert_eq!((out.events.len(), error), (1, Some(ErrorKind::Truncated)));
        assert_eq!(
            collect(&ChromeHistory, br#"{"Typed Url": []}"#).1,
            Some(ErrorKind::WrongType)
        );
    }
}
