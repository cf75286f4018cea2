//! Sums up what streaming files hand over ([`MediaSink`]) into a [`MediaSummary`]: plays and time
//! by kind and month, the rhythm of the plays in Paris time, the artists, series and channels
//! played most, the devices and addresses seen, and the marketing segments (issue 9).
//!
//! Memory follows the number of distinct names, never the number of plays.

use std::collections::{BTreeMap, HashMap};

use super::social::{
    bounded, by_month, clean, device_name, plausible, seen_at, seen_list, Seeing, Span, Week,
    MAX_NAMES,
};
use super::Finding;
use crate::i18n::media as text;
use crate::i18n::Messages;
use crate::model::location::{Fix, LocationSink};
use crate::model::media::{
    KindTotal, MediaKind, MediaSink, MediaSummary, Play, Played, Service, TOP,
};
use crate::model::social::SocialSink;
use crate::model::time::{civil_from_days, DaySeen};

/// Plays and time of one name.
#[derive(Default, Clone, Copy)]
struct Tally {
    plays: u64,
    ms: u64,
}

/// The collector a streaming source reads into.
pub struct Media {
    service: Service,
    plays: u64,
    ms: u64,
    span: Span,
    days: DaySeen,
    kinds: BTreeMap<MediaKind, Tally>,
    /// Minutes played by month since 1970 (`year * 12 + month - 1`).
    months: BTreeMap<i64, u64>,
    week: Week,
    creators: HashMap<String, Tally>,
    titles: HashMap<String, Tally>,
    devices: HashMap<String, Seeing>,
    ips: HashMap<String, Seeing>,
    countries: HashMap<String, u64>,
    segments: Vec<String>,
}

impl Media {
    pub fn new(service: Service) -> Self {
        Media {
            service,
            plays: 0,
            ms: 0,
            span: Span::default(),
            days: DaySeen::default(),
            kinds: BTreeMap::new(),
            months: BTreeMap::new(),
            week: Week::default(),
            creators: HashMap::new(),
            titles: HashMap::new(),
            devices: HashMap::new(),
            ips: HashMap::new(),
            countries: HashMap::new(),
            segments: Vec::new(),
        }
    }

    pub fn finish(self) -> MediaSummary {
        let (first, last) = self.span.dates();
        let mut kinds: Vec<KindTotal> = self
            .kinds
            .into_iter()
            .map(|(kind, t)| KindTotal {
                kind,
                plays: t.plays,
                ms: t.ms,
            })
            .collect();
        kinds.sort_by(|a, b| b.ms.cmp(&a.ms).then_with(|| b.plays.cmp(&a.plays)));
        let (creators, creator_count) = top(self.creators, |t| (t.ms, t.plays));
        let (titles, title_count) = top(self.titles, |t| (t.plays, t.ms));
        let mut countries: Vec<(String, u64)> = self.countries.into_iter().collect();
        countries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        MediaSummary {
            days_seen: self.days.runs(),
            service: self.service,
            plays: self.plays,
            ms: self.ms,
            first,
            last,
            kinds,
            months: month_minutes(self.months),
            rhythm: self.week.rhythm(),
            creators,
            creator_count,
            titles,
            title_count,
            devices: seen_list(self.devices),
            ips: seen_list(self.ips),
            countries,
            segments: self.segments,
        }
    }
}

/// The [`TOP`] names by `key` (largest first, then by name), and how many there are.
fn top(map: HashMap<String, Tally>, key: impl Fn(&Tally) -> (u64, u64)) -> (Vec<Played>, u64) {
    let count = map.len() as u64;
    let mut list: Vec<(String, Tally)> = map.into_iter().collect();
    list.sort_by(|a, b| key(&b.1).cmp(&key(&a.1)).then_with(|| a.0.cmp(&b.0)));
    list.truncate(TOP);
    let list = list
        .into_iter()
        .map(|(name, t)| Played {
            name,
            plays: t.plays,
            ms: t.ms,
        })
        .collect();
    (list, count)
}

/// A device's name, unless the file writes that it does not know it (Spotify's `unknown` and
/// `not_applicable`).
fn known_device(device: &str) -> Option<std::borrow::Cow<'_, str>> {
    clean(device).filter(|d| {
        !["unknown", "not_applicable", "n/a"]
            .iter()
            .any(|none| d.eq_ignore_ascii_case(none))
    })
}

/// Adds a play to `name`'s tally, within [`MAX_NAMES`] names.
fn tally(map: &mut HashMap<String, Tally>, name: Option<&str>, ms: u64) {
    let Some(name) = name.and_then(clean) else {
        return;
    };
    let name = bounded(&name);
    if let Some(t) = map.get_mut(name) {
        t.plays += 1;
        t.ms += ms;
    } else if map.len() < MAX_NAMES {
        map.insert(name.to_owned(), Tally { plays: 1, ms });
    }
}

impl MediaSink for Media {
    fn play(&mut self, play: &Play<'_>) {
        if !plausible(play.at) {
            return;
        }
        // A play longer than a day is a mistake of the file (Spotify's streams may overlap, but
        // none lasts a day).
        let ms = play.ms.unwrap_or(0).min(86_400_000);
        self.plays += 1;
        self.ms += ms;
        self.span.add(play.at);
        self.days.add(play.at);
        let kind = self.kinds.entry(play.kind).or_default();
        kind.plays += 1;
        kind.ms += ms;
        let (year, month, _) = civil_from_days(play.at.div_euclid(86_400));
        *self.months.entry(year * 12 + month - 1).or_default() += ms;
        self.week.add(play.at);
        tally(&mut self.creators, play.creator, ms);
        tally(&mut self.titles, play.title, ms);
        if let Some(device) = play.device.and_then(known_device) {
            let name = device_name(&device);
            seen_at(&mut self.devices, bounded(&name), Some(play.at));
        }
        if let Some(ip) = play.ip.and_then(clean) {
            seen_at(&mut self.ips, bounded(&ip), Some(play.at));
        }
        if let Some(country) = play.country.and_then(clean) {
            let country = bounded(&country);
            if let Some(n) = self.countries.get_mut(country) {
                *n += 1;
            } else if self.countries.len() < MAX_NAMES {
                self.countries.insert(country.to_owned(), 1);
            }
        }
    }

    fn seen(&mut self, device: Option<&str>, ip: Option<&str>, at: Option<i64>) {
        let at = at.filter(|s| plausible(*s));
        if let Some(device) = device.and_then(known_device) {
            let name = device_name(&device);
            seen_at(&mut self.devices, bounded(&name), at);
        }
        if let Some(ip) = ip.and_then(clean) {
            seen_at(&mut self.ips, bounded(&ip), at);
        }
    }

    fn segment(&mut self, name: &str) {
        if let Some(name) = clean(name) {
            if self.segments.len() < MAX_NAMES && !self.segments.iter().any(|s| *s == name) {
                self.segments.push(name.into_owned());
            }
        }
    }
}

/// A streaming file holds no position.
impl LocationSink for Media {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

/// Nor social data.
impl SocialSink for Media {}
impl crate::model::energy::EnergySink for Media {}

/// Nor chats.
impl crate::model::chat::ChatSink for Media {}

/// Nor money.
impl crate::model::money::MoneySink for Media {}

/// Nor web activity.
impl crate::model::activity::ActivitySink for Media {}

/// Nor health records.
impl crate::model::health::HealthSink for Media {}

/// Months are summed in minutes (the summary's unit for them): `months` holds milliseconds while
/// collecting.
fn minutes(ms: u64) -> u64 {
    (ms + 30_000) / 60_000
}

/// What a streaming file reveals, in words: how much and when the person played, what they
/// played most, where from, and how the service labels them for advertisers.
pub fn findings(s: &MediaSummary) -> Vec<Finding> {
    let mut out = Vec::new();
    let who = s.service;
    if s.plays > 0 {
        let span = s.first.clone().zip(s.last.clone());
        out.push(Finding::new(
            "media_time",
            Messages::from_fn(|lang| {
                let span = span.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
                text::time(lang, who, s.plays, s.ms, span)
            }),
        ));
    }
    if let Some(top) = s.creators.first().filter(|c| c.ms > 0 || c.plays > 1) {
        let names: Vec<(&str, u64)> = s.creators.iter().map(|c| (c.name.as_str(), c.ms)).collect();
        let main = s.kinds.first().map(|k| k.kind);
        out.push(Finding::new(
            "media_top",
            Messages::from_fn(|lang| {
                text::top(
                    lang,
                    who,
                    main,
                    &names,
                    s.creator_count,
                    (top.plays, s.plays),
                )
            }),
        ));
    }
    if let Some(rhythm) = &s.rhythm {
        let (quiet, busiest) = super::social::quiet_and_busiest(rhythm);
        out.push(Finding::new(
            "media_rhythm",
            Messages::from_fn(|lang| text::rhythm(lang, who, rhythm.total, quiet, busiest)),
        ));
    }
    if !s.devices.is_empty() || !s.ips.is_empty() {
        let top = s.devices.first().map(|d| (d.name.as_str(), d.logins));
        out.push(Finding::new(
            "media_devices",
            Messages::from_fn(|lang| {
                text::devices(
                    lang,
                    who,
                    (s.devices.len() as u64, s.ips.len() as u64),
                    s.countries.len() as u64,
                    top,
                )
            }),
        ));
    }
    if !s.segments.is_empty() {
        let advertisers = s
            .segments
            .iter()
            .filter(|seg| text::segment_advertiser(seg).is_some())
            .count() as u64;
        out.push(Finding::new(
            "media_segments",
            Messages::from_fn(|lang| text::segments(lang, who, &s.segments, advertisers)),
        ));
    }
    out
}

pub(crate) fn month_minutes(months: BTreeMap<i64, u64>) -> Vec<(String, u64)> {
    by_month(months)
        .into_iter()
        .map(|(m, ms)| (m, minutes(ms)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn play(at: i64, ms: u64, artist: &str, track: &str) -> Play<'static> {
        let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
        Play {
            at,
            ms: Some(ms),
            kind: MediaKind::Music,
            title: Some(leak(track)),
            creator: Some(leak(artist)),
            device: Some("android"),
            ip: Some("192.0.2.1"),
            country: Some("FR"),
        }
    }

    #[test]
    fn plays_are_summed_by_kind_month_creator_and_title_and_bounded() {
        let mut media = Media::new(Service::Spotify);
        // 2024-01-15 12:00 UTC, and a month later; one implausible time (1970) left out.
        let jan = 1_705_320_000;
        let feb = jan + 31 * 86_400;
        for _ in 0..3 {
            media.play(&play(jan, 180_000, "Angèle", "Balance ton quoi"));
        }
        media.play(&play(feb, 240_000, "Stromae", "Alors on danse"));
        media.play(&play(feb, 100_000_000, "Stromae", "Papaoutai"));
        media.play(&play(10, 180_000, "Nobody", "Never"));
        media.segment("2P_Brand_Segment_2024_FR_LAL");
        media.segment("1P_Custom_Music");
        media.segment("1P_Custom_Music");
        let s = media.finish();
        // Five plays; the last held at a day: 87,180,000 ms in all over 32 days (45.4 minutes a
        // day).
        assert_eq!(s.plays, 5);
        assert_eq!(s.ms, 3 * 180_000 + 240_000 + 86_400_000);
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref()),
            (Some("2024-01-15"), Some("2024-02-15"))
        );
        assert_eq!(
            s.months,
            [("2024-01".to_owned(), 9), ("2024-02".to_owned(), 1444)]
        );
        assert_eq!(s.creator_count, 2);
        assert_eq!(
            (s.creators[0].name.as_str(), s.creators[0].plays),
            ("Stromae", 2)
        );
        assert_eq!(s.title_count, 3);
        assert_eq!(
            (s.titles[0].name.as_str(), s.titles[0].plays),
            ("Balance ton quoi", 3)
        );
        assert_eq!(s.devices.len(), 1);
        assert_eq!(s.ips[0].logins, 5);
        assert_eq!(s.countries, [("FR".to_owned(), 5)]);
        assert_eq!(s.segments.len(), 2);
        let found = findings(&s);
        let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "media_time",
                "media_top",
                "media_rhythm",
                "media_devices",
                "media_segments"
            ]
        );
        let en = |id: &str| crate::analysis::said(&found, id, Lang::En);
        assert_eq!(
            en("media_time"),
            "Spotify lists 5\u{a0}plays, 24\u{a0}hours in all, between 2024-01-15 and 2024-02-15: about 45\u{a0}minutes a day."
        );
        assert!(
            en("media_top").starts_with("Played most on Spotify, out of 2\u{a0}artists: Stromae (24\u{a0}h) and Angèle (9\u{a0}min)."),
            "{}",
            en("media_top")
        );
        assert_eq!(
            en("media_segments"),
            "Spotify put you in 2\u{a0}marketing segments, 1 of them made for named advertisers: 2P_Brand_Segment_2024_FR_LAL and 1P_Custom_Music."
        );
        let fr = found
            .iter()
            .find(|f| f.id == "media_time")
            .unwrap()
            .text
            .get(Lang::Fr)
            .to_owned();
        assert_eq!(
            fr,
            "Spotify recense 5\u{a0}lectures, 24\u{a0}heures en tout, du 2024-01-15 au 2024-02-15\u{a0}: environ 45\u{a0}minutes par jour."
        );
    }
}
