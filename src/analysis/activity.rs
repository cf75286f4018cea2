//! Sums up what activity files hand over ([`ActivitySink`]) into an [`ActivitySummary`]: events
//! by product, kind and month, their rhythm in Paris time, the sites visited most, the searches
//! and the share Google attached a location to, the ads (issue 9).
//!
//! Memory follows the number of distinct products, sites and addresses (each at most
//! [`MAX_NAMES`]), never the number of events. No search term reaches the collector.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::social::{bounded, by_month, clean, plausible, Span, Week, MAX_NAMES};
use super::Finding;
use crate::i18n::activity as text;
use crate::i18n::Messages;
use crate::model::activity::{
    ActivityKind, ActivitySink, ActivitySummary, Event, LocationSource, TOP_SITES,
};
use crate::model::location::{Fix, LocationSink};
use crate::model::time::{civil_from_days, DaySeen};

/// The collector an activity source reads into.
#[derive(Default)]
pub struct Activity {
    events: u64,
    span: Span,
    days: DaySeen,
    products: HashMap<String, u64>,
    months: BTreeMap<i64, u64>,
    kinds: BTreeMap<ActivityKind, u64>,
    week: Week,
    domains: HashMap<String, u64>,
    searches: u64,
    searches_located: u64,
    sources: BTreeMap<LocationSource, u64>,
    ads: u64,
    ip_events: u64,
    ips: HashSet<String>,
}

/// Adds one to `name`'s count, within [`MAX_NAMES`] names.
fn count(map: &mut HashMap<String, u64>, name: &str) {
    let Some(name) = clean(name) else { return };
    let name = bounded(&name);
    if let Some(n) = map.get_mut(name) {
        *n += 1;
    } else if map.len() < MAX_NAMES {
        map.insert(name.to_owned(), 1);
    }
}

/// Counts by name, most first (then by name).
fn ranked<K: Ord>(list: impl IntoIterator<Item = (K, u64)>) -> Vec<(K, u64)> {
    let mut list: Vec<(K, u64)> = list.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

impl Activity {
    pub fn finish(self) -> ActivitySummary {
        let (first, last) = self.span.dates();
        let domain_count = self.domains.len() as u64;
        let mut domains = ranked(self.domains);
        domains.truncate(TOP_SITES);
        ActivitySummary {
            days_seen: self.days.runs(),
            events: self.events,
            first,
            last,
            products: ranked(self.products),
            months: by_month(self.months),
            kinds: ranked(self.kinds),
            rhythm: self.week.rhythm(),
            domains,
            domain_count,
            searches: self.searches,
            searches_located: self.searches_located,
            located: self.sources.values().sum(),
            location_sources: ranked(self.sources),
            ads: self.ads,
            ip_events: self.ip_events,
            ip_count: self.ips.len() as u64,
        }
    }
}

impl ActivitySink for Activity {
    fn event(&mut self, e: &Event<'_>) {
        if !plausible(e.at) {
            return;
        }
        self.events += 1;
        self.span.add(e.at);
        self.days.add(e.at);
        self.week.add(e.at);
        count(&mut self.products, e.product);
        let (year, month, _) = civil_from_days(e.at.div_euclid(86_400));
        *self.months.entry(year * 12 + month - 1).or_default() += 1;
        *self.kinds.entry(e.kind).or_default() += 1;
        // Sites visited, not the search engine nor the video site of searches and videos.
        if let (ActivityKind::Visit, Some(domain)) = (e.kind, e.domain) {
            count(&mut self.domains, domain);
        }
        if e.kind == ActivityKind::Search {
            self.searches += 1;
            self.searches_located += u64::from(e.location.is_some());
        }
        if let Some(source) = e.location {
            *self.sources.entry(source).or_default() += 1;
        }
        self.ads += u64::from(e.ad);
        if let Some(ip) = e.ip.and_then(clean) {
            self.ip_events += 1;
            if self.ips.len() < MAX_NAMES {
                self.ips.insert(bounded(&ip).to_owned());
            }
        }
    }
}

/// An activity file holds no position (a location attached to a search is Google's guess, and
/// only counted).
impl LocationSink for Activity {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

impl crate::model::social::SocialSink for Activity {}
impl crate::model::media::MediaSink for Activity {}
impl crate::model::energy::EnergySink for Activity {}
impl crate::model::chat::ChatSink for Activity {}
impl crate::model::money::MoneySink for Activity {}
impl crate::model::health::HealthSink for Activity {}

/// `part` of `whole` in percent, rounded.
fn share(part: u64, whole: u64) -> u8 {
    u8::try_from((part * 100 + whole / 2) / whole.max(1)).unwrap_or(100)
}

/// What an activity file reveals, in words: how much Google kept, where it placed the person,
/// the sites visited most, and when the person is active.
pub fn findings(s: &ActivitySummary) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.events > 0 {
        out.push(Finding::new(
            "activity_volume",
            Messages::from_fn(|lang| text::volume(lang, s)),
        ));
    }
    if s.located > 0 || s.ip_events > 0 {
        // The share of searches when some are located, else of every event.
        let (part, whole, searches) = if s.searches_located > 0 {
            (s.searches_located, s.searches, true)
        } else {
            (s.located, s.events, false)
        };
        let percent = share(part, whole);
        out.push(Finding::new(
            "activity_located",
            Messages::from_fn(|lang| text::located(lang, s, (part, whole, percent), searches)),
        ));
    }
    if !s.domains.is_empty() {
        out.push(Finding::new(
            "activity_sites",
            Messages::from_fn(|lang| text::sites(lang, &s.domains, s.domain_count)),
        ));
    }
    if let Some(rhythm) = &s.rhythm {
        let (quiet, busiest) = super::social::quiet_and_busiest(rhythm);
        out.push(Finding::new(
            "activity_hours",
            Messages::from_fn(|lang| text::rhythm(lang, rhythm.total, quiet, busiest)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn event(at: i64, kind: ActivityKind, domain: Option<&'static str>) -> Event<'static> {
        Event {
            product: "Search",
            at,
            kind,
            domain,
            location: None,
            ad: false,
            ip: None,
        }
    }

    #[test]
    fn events_are_counted_by_product_kind_month_and_site() {
        let mut a = Activity::default();
        // 2024-01-15 12:00 UTC, and 31 days later; one implausible time (1970) left out.
        let jan = 1_705_320_000;
        let feb = jan + 31 * 86_400;
        a.event(&Event {
            location: Some(LocationSource::History),
            ip: Some("192.0.2.1"),
            ..event(jan, ActivityKind::Search, Some("google.com"))
        });
        a.event(&event(jan, ActivityKind::Search, None));
        a.event(&Event {
            ad: true,
            ..event(jan, ActivityKind::Visit, Some("lemonde.fr"))
        });
        a.event(&Event {
            product: "Chrome",
            ..event(feb, ActivityKind::Visit, Some("lemonde.fr"))
        });
        a.event(&event(feb, ActivityKind::Visit, Some("wikipedia.org")));
        a.event(&event(10, ActivityKind::Visit, Some("never.example")));
        let s = a.finish();
        assert_eq!(s.events, 5);
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref()),
            (Some("2024-01-15"), Some("2024-02-15"))
        );
        assert_eq!(
            s.products,
            [("Search".to_owned(), 4), ("Chrome".to_owned(), 1)]
        );
        assert_eq!(
            s.months,
            [("2024-01".to_owned(), 3), ("2024-02".to_owned(), 2)]
        );
        assert_eq!(
            s.kinds,
            [(ActivityKind::Visit, 3), (ActivityKind::Search, 2)]
        );
        // The search's google.com is no site visited.
        assert_eq!(
            s.domains,
            [
                ("lemonde.fr".to_owned(), 2),
                ("wikipedia.org".to_owned(), 1)
            ]
        );
        assert_eq!(s.domain_count, 2);
        assert_eq!((s.searches, s.searches_located, s.located), (2, 1, 1));
        assert_eq!(s.location_sources, [(LocationSource::History, 1)]);
        assert_eq!((s.ads, s.ip_events, s.ip_count), (1, 1, 1));
        assert_eq!(s.days_seen.count(), 2);
        let found = findings(&s);
        let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "activity_volume",
                "activity_located",
                "activity_sites",
                "activity_hours"
            ]
        );
        // Each finding's reasoning is this domain's own (no id shared with another domain).
        for f in &found {
            for lang in [Lang::Fr, Lang::En] {
                assert_eq!(
                    crate::i18n::activity::why(lang, &f.id),
                    Some(f.why.get(lang)),
                    "{}",
                    f.id
                );
            }
        }
        let say = |id: &str, lang| crate::analysis::said(&found, id, lang);
        assert_eq!(
            say("activity_volume", Lang::En),
            "Google kept 5\u{a0}things you did between 2024-01-15 and 2024-02-15, in Search and \
             Chrome: 3\u{a0}visits and 2\u{a0}searches. 1 of them came from Google Ads."
        );
        assert_eq!(
            say("activity_located", Lang::Fr),
            "Google a associé un lieu à 50\u{a0}% de vos recherches (1 sur 2). En tout, \
             1\u{a0}lieu\u{a0}: 1 d'après votre historique des positions. Il a aussi noté \
             l'adresse IP de 1\u{a0}action (1\u{a0}adresse)."
        );
        assert_eq!(
            say("activity_sites", Lang::En),
            "The sites you visited most, out of 2: lemonde.fr (2\u{a0}visits) and wikipedia.org \
             (1\u{a0}visit)."
        );
    }
}
