//! Sums up what social and advertising files hand over ([`SocialSink`]) into a
//! [`SocialSummary`]: interests (each flagged when it touches a GDPR special category, by a
//! bilingual lexicon), advertisers with their flags merged, and the apps and sites that report
//! activity, with their events by type and by month.
//!
//! Memory follows the number of distinct names, never the number of events.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Finding;
use crate::i18n::social as text;
use crate::i18n::Messages;
use crate::model::location::{Fix, LocationSink};
use crate::model::social::{
    Advertiser, AudienceFlags, Contacts, Contributors, Conversation, Detail, Interest, Login,
    MergedAdvertiser, MergedInterest, OffPlatformApp, Platform, Relation, Rhythm, Seen,
    SocialOverview, SocialSink, SocialSummary, Special, TOP_CONVERSATIONS,
};
use crate::model::time::{civil_from_days, format_date, DaySeen};
use crate::model::tz::utc_offset_minutes;

/// Names kept at most per list: an export lists a few thousand at most; beyond, the rest are left
/// out (a hostile file cannot fill the memory).
pub(crate) const MAX_NAMES: usize = 20_000;
/// Event types kept per app (Meta has about twenty); the rest are counted under [`OTHER_TYPES`].
const MAX_TYPES: usize = 64;
const OTHER_TYPES: &str = "…";

/// Events before Facebook (2004) or after 2040 have no plausible time: Meta writes 0 for "none".
const EARLIEST: i64 = 1_072_915_200; // 2004-01-01
const LATEST: i64 = 2_208_988_800; // 2040-01-01

/// The rhythm's time zone: the programme's city (the files write UTC, and say nothing of where the
/// person lives).
pub const ZONE: &str = "Europe/Paris";
/// Dated actions below which no quiet hours are inferred.
pub(crate) const MIN_RHYTHM: u64 = 50;
/// Longest kept name, address or user agent, in bytes (the rest is cut at a character boundary).
const MAX_LEN: usize = 200;

/// The first and the last of some instants (epoch seconds).
#[derive(Default, Clone, Copy)]
pub(crate) struct Span {
    first: Option<i64>,
    last: Option<i64>,
}

impl Span {
    pub(crate) fn add(&mut self, at: i64) {
        self.first = Some(self.first.map_or(at, |f| f.min(at)));
        self.last = Some(self.last.map_or(at, |l| l.max(at)));
    }

    /// The first and last days, `YYYY-MM-DD` (UTC).
    pub(crate) fn dates(self) -> (Option<String>, Option<String>) {
        let date = |at: Option<i64>| at.map(|s| format_date(s * 1000));
        (date(self.first), date(self.last))
    }
}

#[derive(Default)]
struct App {
    events: u64,
    types: HashMap<String, u64>,
    span: Span,
}

/// Logins from one device or address.
#[derive(Default)]
pub(crate) struct Seeing {
    logins: u64,
    span: Span,
}

impl Seeing {
    fn add(&mut self, at: Option<i64>) {
        self.logins += 1;
        if let Some(at) = at {
            self.span.add(at);
        }
    }
}

#[derive(Default)]
struct Thread {
    messages: u64,
    sent: Option<u64>,
    span: Span,
}

/// Dated moments by weekday (Monday first) and hour, in Paris time ([`ZONE`]).
#[derive(Default)]
pub(crate) struct Week {
    counts: [[u64; 24]; 7],
    /// The last hour since 1970 (UTC) whose offset was looked up, and that offset in seconds.
    offset: Option<(i64, i64)>,
}

impl Week {
    /// Counts a moment (epoch seconds) at its local weekday and hour; an implausible one is left
    /// out.
    pub(crate) fn add(&mut self, at: i64) {
        if !plausible(at) {
            return;
        }
        let hour = at.div_euclid(3600);
        let offset = match self.offset {
            Some((h, offset)) if h == hour => offset,
            _ => {
                let offset = utc_offset_minutes(ZONE, at.saturating_mul(1000))
                    .map_or(0, |m| i64::from(m) * 60);
                self.offset = Some((hour, offset));
                offset
            }
        };
        let local = at + offset;
        let days = local.div_euclid(86_400);
        // 1970-01-01 was a Thursday: Monday first, it is day 3.
        let weekday = usize::try_from((days + 3).rem_euclid(7)).unwrap_or(0);
        let hour = usize::try_from(local.rem_euclid(86_400) / 3600).unwrap_or(0);
        if let Some(cell) = self.counts.get_mut(weekday).and_then(|d| d.get_mut(hour)) {
            *cell += 1;
        }
    }

    /// The moments' rhythm: total, quiet hours; none without any.
    pub(crate) fn rhythm(&self) -> Option<Rhythm> {
        rhythm_of(&self.counts)
    }
}

/// The collector a social source reads into.
pub struct Social {
    platform: Platform,
    interests: BTreeSet<String>,
    advertisers: BTreeMap<String, AudienceFlags>,
    apps: HashMap<String, App>,
    /// Events by month since 1970 (`year * 12 + month - 1`).
    months: BTreeMap<i64, u64>,
    /// Dated logins by month, likewise.
    login_months: BTreeMap<i64, u64>,
    logins: u64,
    devices: HashMap<String, Seeing>,
    ips: HashMap<String, Seeing>,
    /// Dated actions by weekday and local hour.
    week: Week,
    days: DaySeen,
    /// Relations and when they began, by year.
    contacts: BTreeMap<Relation, (u64, BTreeMap<i64, u64>)>,
    /// Labels in the file's order, each with its values once.
    inferred: Vec<(String, Vec<String>)>,
    inferred_values: usize,
    /// Each label's place in `inferred`, and the values met, so that each is one lookup.
    inferred_index: HashMap<String, usize>,
    inferred_seen: std::collections::HashSet<(usize, String)>,
    threads: HashMap<String, Thread>,
    messages: u64,
    details: BTreeSet<Detail>,
    advertiser_forms: BTreeSet<Detail>,
    ads: u64,
    ads_by_advertiser: HashMap<String, u64>,
}

impl Social {
    pub fn new(platform: Platform) -> Self {
        Social {
            platform,
            interests: BTreeSet::new(),
            advertisers: BTreeMap::new(),
            apps: HashMap::new(),
            months: BTreeMap::new(),
            login_months: BTreeMap::new(),
            logins: 0,
            devices: HashMap::new(),
            ips: HashMap::new(),
            week: Week::default(),
            days: DaySeen::default(),
            contacts: BTreeMap::new(),
            inferred: Vec::new(),
            inferred_values: 0,
            inferred_index: HashMap::new(),
            inferred_seen: std::collections::HashSet::new(),
            threads: HashMap::new(),
            messages: 0,
            details: BTreeSet::new(),
            advertiser_forms: BTreeSet::new(),
            ads: 0,
            ads_by_advertiser: HashMap::new(),
        }
    }

    /// Counts a dated action in the rhythm, at its local weekday and hour.
    fn count_time(&mut self, at: i64) {
        self.week.add(at);
        if plausible(at) {
            self.days.add(at);
        }
    }

    pub fn finish(self) -> SocialSummary {
        let rhythm = self.week.rhythm();
        let interests = self
            .interests
            .into_iter()
            .map(|name| Interest {
                special: special(&name),
                name,
            })
            .collect();
        let advertisers = self
            .advertisers
            .into_iter()
            .map(|(name, flags)| Advertiser { name, flags })
            .collect();
        let mut off_platform: Vec<OffPlatformApp> = self
            .apps
            .into_iter()
            .map(|(name, app)| {
                let mut types: Vec<(String, u64)> = app.types.into_iter().collect();
                types.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let (first, last) = app.span.dates();
                OffPlatformApp {
                    name,
                    events: app.events,
                    types,
                    first,
                    last,
                }
            })
            .collect();
        off_platform.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        let months = by_month(self.months);
        let login_months = by_month(self.login_months);
        let contacts = self
            .contacts
            .into_iter()
            .map(|(relation, (count, years))| Contacts {
                relation,
                count,
                years: years.into_iter().collect(),
            })
            .collect();
        let (conversations, conversation_count) = top_conversations(self.threads);
        let ad_advertiser_count = self.ads_by_advertiser.len() as u64;
        let mut ads_by_advertiser: Vec<(String, u64)> =
            self.ads_by_advertiser.into_iter().collect();
        ads_by_advertiser.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ads_by_advertiser.truncate(TOP_CONVERSATIONS);
        SocialSummary {
            platform: self.platform,
            days_seen: self.days.runs(),
            interests,
            advertisers,
            off_platform,
            months,
            logins: self.logins,
            login_months,
            devices: seen_list(self.devices),
            ips: seen_list(self.ips),
            rhythm,
            contacts,
            inferred: self.inferred,
            messages: self.messages,
            conversation_count,
            conversations,
            details: self.details.into_iter().collect(),
            advertiser_forms: self.advertiser_forms.into_iter().collect(),
            ads: self.ads,
            ad_advertiser_count,
            ads_by_advertiser,
        }
    }
}

/// The conversations with the most messages (at most [`TOP_CONVERSATIONS`]), most first, and how
/// many there are.
fn top_conversations(threads: HashMap<String, Thread>) -> (Vec<Conversation>, u64) {
    let mut conversations: Vec<Conversation> = threads
        .into_iter()
        .map(|(name, t)| {
            let (first, last) = t.span.dates();
            Conversation {
                name,
                messages: t.messages,
                sent: t.sent,
                first,
                last,
            }
        })
        .collect();
    conversations.sort_by(|a, b| {
        b.messages
            .cmp(&a.messages)
            .then_with(|| a.name.cmp(&b.name))
    });
    let count = conversations.len() as u64;
    conversations.truncate(TOP_CONVERSATIONS);
    (conversations, count)
}

/// Devices or addresses and their uses, most first (then by name).
pub(crate) fn seen_list(map: HashMap<String, Seeing>) -> Vec<Seen> {
    let mut list: Vec<Seen> = map
        .into_iter()
        .map(|(name, s)| {
            let (first, last) = s.span.dates();
            Seen {
                name,
                logins: s.logins,
                first,
                last,
            }
        })
        .collect();
    list.sort_by(|a, b| b.logins.cmp(&a.logins).then_with(|| a.name.cmp(&b.name)));
    list
}

/// The rhythm of dated actions counted by weekday and hour: their total and quiet hours; none
/// without any.
pub(crate) fn rhythm_of(counts: &[[u64; 24]; 7]) -> Option<Rhythm> {
    let total: u64 = counts.iter().flatten().sum();
    if total == 0 {
        return None;
    }
    let mut hours = [0_u64; 24];
    for day in counts {
        for (sum, n) in hours.iter_mut().zip(day) {
            *sum += n;
        }
    }
    let quiet = (total >= MIN_RHYTHM).then(|| quiet_hours(&hours)).flatten();
    let quiet_percent = quiet.map(|(start, end)| {
        let inside: u64 = (0..24)
            .zip(hours)
            .filter(|(h, _)| in_run(*h, start, end))
            .map(|(_, n)| n)
            .sum();
        percent_of(inside, total)
    });
    Some(Rhythm {
        zone: ZONE.to_owned(),
        total,
        counts: *counts,
        quiet,
        quiet_percent,
    })
}

/// Counts by month since 1970 (`year * 12 + month - 1`) as `YYYY-MM`, in order.
pub(crate) fn by_month(months: BTreeMap<i64, u64>) -> Vec<(String, u64)> {
    months
        .into_iter()
        .map(|(m, n)| {
            (
                format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                n,
            )
        })
        .collect()
}

/// Whether an instant (epoch seconds) is a plausible time for these files.
pub(crate) fn plausible(at: i64) -> bool {
    (EARLIEST..LATEST).contains(&at)
}

/// `part` of `total` in percent, rounded.
fn percent_of(part: u64, total: u64) -> u8 {
    if total == 0 {
        return 0;
    }
    u8::try_from((part * 100 + total / 2) / total).unwrap_or(100)
}

/// Whether `hour` is in the run from `start` to `end` (excluded), which may wrap past midnight.
fn in_run(hour: u8, start: u8, end: u8) -> bool {
    if start < end {
        (start..end).contains(&hour)
    } else {
        hour >= start || hour < end
    }
}

/// The longest run of at least three hours (wrapping past midnight) each holding less than a
/// quarter of an even share of the actions, `(first hour, hour after the last)`; the earliest
/// such run on a tie.
fn quiet_hours(hours: &[u64; 24]) -> Option<(u8, u8)> {
    let total: u64 = hours.iter().sum();
    let quiet: Vec<bool> = hours.iter().map(|n| n * 96 < total).collect();
    if quiet.iter().all(|q| *q) {
        return None;
    }
    let is_quiet = |hour: usize| quiet.get(hour % 24).copied().unwrap_or(false);
    let mut best: Option<(usize, usize)> = None;
    for start in 0..24 {
        // A run starts where the hour before is busy.
        if !is_quiet(start) || is_quiet(start + 23) {
            continue;
        }
        let len = (0..24).take_while(|i| is_quiet(start + i)).count();
        if len >= 3 && best.is_none_or(|(_, l)| len > l) {
            best = Some((start, len));
        }
    }
    best.and_then(|(start, len)| {
        Some((
            u8::try_from(start).ok()?,
            u8::try_from((start + len) % 24).ok()?,
        ))
    })
}

/// A device's name from a user agent: the app or browser and the system (`Chrome (Windows)`,
/// `Instagram (iPhone)`); anything else (a model, `iPhone12,1`) as written.
pub fn device_name(raw: &str) -> Cow<'_, str> {
    let has = |needle: &str| raw.contains(needle);
    if !(has("Mozilla/")
        || has("AppleWebKit")
        || has("Dalvik/")
        || has("FBAN/")
        || has("Instagram "))
    {
        return Cow::Borrowed(raw);
    }
    let system = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "Mac"),
        ("Mac OS X", "Mac"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| *name);
    let app = [
        ("Instagram ", "Instagram"),
        ("FBAN/", "Facebook"),
        ("FBAV/", "Facebook"),
        ("FB_IAB", "Facebook"),
        ("Edg", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| has(needle))
    .map(|(_, name)| *name);
    match (app, system) {
        (Some(app), Some(system)) => Cow::Owned(format!("{app} ({system})")),
        (Some(one), None) | (None, Some(one)) => Cow::Borrowed(one),
        (None, None) => Cow::Borrowed(raw),
    }
}

/// `text` cut to [`MAX_LEN`] bytes at a character boundary.
pub(crate) fn bounded(text: &str) -> &str {
    if text.len() <= MAX_LEN {
        return text;
    }
    let mut end = MAX_LEN;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Counts a login from `name` in `map`, unless the map is full and the name new.
pub(crate) fn seen_at(map: &mut HashMap<String, Seeing>, name: &str, at: Option<i64>) {
    if let Some(seen) = map.get_mut(name) {
        seen.add(at);
    } else if map.len() < MAX_NAMES {
        map.entry(name.to_owned()).or_default().add(at);
    }
}

/// A name as kept: trimmed, its inner runs of white space made one space.
pub(crate) fn clean(name: &str) -> Option<Cow<'_, str>> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return None;
    }
    // Most names are written so already: no copy for them (an app's name comes with each event).
    let tidy =
        !trimmed.contains("  ") && !trimmed.contains(|c: char| c.is_whitespace() && c != ' ');
    Some(if tidy {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

impl SocialSink for Social {
    fn interest(&mut self, name: &str) {
        if let Some(name) = clean(name) {
            if self.interests.len() < MAX_NAMES {
                self.interests.insert(name.into_owned());
            }
        }
    }

    fn advertiser(&mut self, name: &str, flags: AudienceFlags) {
        let Some(name) = clean(name) else { return };
        if let Some(known) = self.advertisers.get_mut(name.as_ref()) {
            known.merge(flags);
        } else if self.advertisers.len() < MAX_NAMES {
            self.advertisers.insert(name.into_owned(), flags);
        }
    }

    fn off_platform(&mut self, app: &str, kind: &str, at: Option<i64>) {
        let Some(name) = clean(app) else { return };
        if !self.apps.contains_key(name.as_ref()) {
            if self.apps.len() >= MAX_NAMES {
                return;
            }
            self.apps.insert(name.to_string(), App::default());
        }
        let Some(entry) = self.apps.get_mut(name.as_ref()) else {
            return;
        };
        entry.events += 1;
        let kind = kind.trim();
        let kind = if kind.is_empty() { "?" } else { kind };
        if let Some(n) = entry.types.get_mut(kind) {
            *n += 1;
        } else if entry.types.len() < MAX_TYPES {
            entry.types.insert(kind.to_owned(), 1);
        } else {
            *entry.types.entry(OTHER_TYPES.to_owned()).or_default() += 1;
        }
        if let Some(at) = at.filter(|s| plausible(*s)) {
            entry.span.add(at);
            let (year, month, _) = civil_from_days(at.div_euclid(86_400));
            *self.months.entry(year * 12 + month - 1).or_default() += 1;
            self.count_time(at);
        }
    }

    fn login(&mut self, login: &Login<'_>) {
        self.logins += 1;
        let at = login.at.filter(|s| plausible(*s));
        if let Some(at) = at {
            self.count_time(at);
            let (year, month, _) = civil_from_days(at.div_euclid(86_400));
            *self.login_months.entry(year * 12 + month - 1).or_default() += 1;
        }
        if let Some(ip) = login.ip.and_then(clean) {
            seen_at(&mut self.ips, bounded(&ip), at);
        }
        if let Some(device) = login.device.and_then(clean) {
            let name = device_name(&device);
            seen_at(&mut self.devices, bounded(&name), at);
        }
    }

    fn active(&mut self, at: i64) {
        self.count_time(at);
    }

    fn contact(&mut self, relation: Relation, at: Option<i64>) {
        let (count, years) = self.contacts.entry(relation).or_default();
        *count += 1;
        if let Some(at) = at.filter(|s| plausible(*s)) {
            self.days.add(at);
            let (year, _, _) = civil_from_days(at.div_euclid(86_400));
            if years.len() < MAX_NAMES || years.contains_key(&year) {
                *years.entry(year).or_default() += 1;
            }
        }
    }

    fn inferred(&mut self, label: &str, value: &str) {
        let (Some(label), Some(value)) = (clean(label), clean(value)) else {
            return;
        };
        if self.inferred_values >= MAX_NAMES {
            return;
        }
        let (label, value) = (bounded(&label), bounded(&value));
        let index = if let Some(index) = self.inferred_index.get(label) {
            *index
        } else {
            self.inferred.push((label.to_owned(), Vec::new()));
            let index = self.inferred.len() - 1;
            self.inferred_index.insert(label.to_owned(), index);
            index
        };
        if !self.inferred_seen.insert((index, value.to_owned())) {
            return;
        }
        if let Some((_, values)) = self.inferred.get_mut(index) {
            values.push(value.to_owned());
            self.inferred_values += 1;
        }
    }

    fn message(&mut self, conversation: &str, sent: Option<bool>, at: Option<i64>) {
        self.messages += 1;
        let at = at.filter(|s| plausible(*s));
        if let Some(at) = at.filter(|_| sent == Some(true)) {
            self.count_time(at);
        }
        let Some(name) = clean(conversation) else {
            return;
        };
        let name = bounded(&name);
        if !self.threads.contains_key(name) {
            if self.threads.len() >= MAX_NAMES {
                return;
            }
            self.threads.insert(name.to_owned(), Thread::default());
        }
        let Some(thread) = self.threads.get_mut(name) else {
            return;
        };
        thread.messages += 1;
        if let Some(sent) = sent {
            *thread.sent.get_or_insert(0) += u64::from(sent);
        }
        if let Some(at) = at {
            thread.span.add(at);
            self.days.add(at);
        }
    }

    fn holds(&mut self, detail: Detail) {
        self.details.insert(detail);
    }

    fn gave_advertiser(&mut self, detail: Detail) {
        self.advertiser_forms.insert(detail);
    }

    fn ad(&mut self, advertiser: &str) {
        self.ads += 1;
        let Some(name) = clean(advertiser) else {
            return;
        };
        let name = bounded(&name);
        if let Some(n) = self.ads_by_advertiser.get_mut(name) {
            *n += 1;
        } else if self.ads_by_advertiser.len() < MAX_NAMES {
            self.ads_by_advertiser.insert(name.to_owned(), 1);
        }
    }
}

/// Nor plays.
impl crate::model::media::MediaSink for Social {}
impl crate::model::energy::EnergySink for Social {}
impl crate::model::chat::ChatSink for Social {}
impl crate::model::money::MoneySink for Social {}
impl crate::model::activity::ActivitySink for Social {}

/// Nor health records.
impl crate::model::health::HealthSink for Social {}

/// A social file holds no position.
impl LocationSink for Social {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

/// What a social file reveals, in words: the interests inferred (and those touching special
/// categories), the advertisers and who has the person's contact details, and the apps and sites
/// that report activity.
pub fn findings(s: &SocialSummary) -> Vec<Finding> {
    let mut out = Vec::new();
    if !s.interests.is_empty() {
        let names: Vec<&str> = s.interests.iter().map(|i| i.name.as_str()).collect();
        out.push(Finding::new(
            "ad_interests",
            Messages::from_fn(|lang| text::interests(lang, s.platform, &names)),
        ));
        let special: Vec<(&str, Special)> = s
            .interests
            .iter()
            .filter_map(|i| Some((i.name.as_str(), i.special?)))
            .collect();
        if !special.is_empty() {
            out.push(Finding::new(
                "special_interests",
                Messages::from_fn(|lang| {
                    text::special_interests(lang, s.interests.len(), &special)
                }),
            ));
        }
    }
    if !s.advertisers.is_empty() {
        let count = |f: fn(&AudienceFlags) -> bool| {
            s.advertisers.iter().filter(|a| f(&a.flags)).count() as u64
        };
        let flags = (
            count(|f| f.data_file),
            count(|f| f.remarketing),
            count(|f| f.in_store),
        );
        out.push(Finding::new(
            "advertisers",
            Messages::from_fn(|lang| {
                text::advertisers(lang, s.platform, s.advertisers.len() as u64, flags)
            }),
        ));
        let holders: Vec<&str> = s
            .advertisers
            .iter()
            .filter(|a| a.flags.data_file)
            .map(|a| a.name.as_str())
            .collect();
        if !holders.is_empty() {
            out.push(Finding::new(
                "contact_lists",
                Messages::from_fn(|lang| text::contact_lists(lang, &holders)),
            ));
        }
    }
    if let Some(top) = s.off_platform.first() {
        let events: u64 = s.off_platform.iter().map(|a| a.events).sum();
        let span = span_of(s.off_platform.iter().map(|a| (&a.first, &a.last)));
        out.push(Finding::new(
            "off_platform",
            Messages::from_fn(|lang| {
                let span = span.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
                text::off_platform(
                    lang,
                    s.platform,
                    s.off_platform.len() as u64,
                    events,
                    span,
                    (&top.name, top.events),
                )
            }),
        ));
    }
    if let Some((top, n)) = s.ads_by_advertiser.first() {
        out.push(Finding::new(
            "ads_seen",
            Messages::from_fn(|lang| {
                text::ads_seen(
                    lang,
                    s.platform,
                    (s.ads, s.ad_advertiser_count),
                    (top.as_str(), *n),
                )
            }),
        ));
    }
    if !s.details.is_empty() {
        out.push(Finding::new(
            "personal_details",
            Messages::from_fn(|lang| text::personal_details(lang, s.platform, &s.details)),
        ));
    }
    if !s.advertiser_forms.is_empty() {
        out.push(Finding::new(
            "advertiser_forms",
            Messages::from_fn(|lang| text::advertiser_forms(lang, s.platform, &s.advertiser_forms)),
        ));
    }
    people_findings(s, &mut out);
    out
}

/// What the files say of the person's logins, days, network, inferred traits and conversations.
fn people_findings(s: &SocialSummary, out: &mut Vec<Finding>) {
    if s.logins > 0 {
        let span = span_of(s.devices.iter().chain(&s.ips).map(|d| (&d.first, &d.last)));
        let top = s.devices.first().map(|d| (d.name.as_str(), d.logins));
        let counts = (s.logins, s.devices.len() as u64, s.ips.len() as u64);
        out.push(Finding::new(
            "logins",
            Messages::from_fn(|lang| {
                let span = span.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
                text::logins(lang, s.platform, counts, span, top)
            }),
        ));
    }
    if let Some(rhythm) = &s.rhythm {
        let busiest = busiest_hour(&rhythm.counts);
        let quiet = rhythm.quiet_share();
        out.push(Finding::new(
            "activity_rhythm",
            Messages::from_fn(|lang| {
                text::rhythm(lang, s.platform.name(), rhythm.total, quiet, busiest)
            }),
        ));
    }
    if !s.contacts.is_empty() {
        let counts: Vec<_> = s.contacts.iter().map(|c| (c.relation, c.count)).collect();
        // The earliest year on a tie.
        let busiest =
            s.contacts_by_year()
                .into_iter()
                .fold(None, |best: Option<(i64, u64)>, (y, n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((y, n)),
                });
        out.push(Finding::new(
            "contacts",
            Messages::from_fn(|lang| text::contacts(lang, s.platform, &counts, busiest)),
        ));
    }
    if !s.inferred.is_empty() {
        out.push(Finding::new(
            "platform_inferences",
            Messages::from_fn(|lang| text::inferences(lang, s.platform, &s.inferred)),
        ));
    }
    if let Some(top) = s.conversations.first() {
        let span = span_of(s.conversations.iter().map(|c| (&c.first, &c.last)));
        let counts = (s.messages, s.conversation_count);
        out.push(Finding::new(
            "conversations",
            Messages::from_fn(|lang| {
                let span = span.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
                text::conversations(lang, s.platform, counts, span, top.messages)
            }),
        ));
    }
}

/// What the social files say together, when there are at least two: every interest and
/// advertiser once with the platforms that list it, and their rhythms added up.
pub fn overview<'a>(
    summaries: impl IntoIterator<Item = &'a SocialSummary>,
) -> Option<SocialOverview> {
    let mut files = 0_u64;
    let mut platforms: BTreeSet<Platform> = BTreeSet::new();
    // Keyed by the name in lower case: its first spelling met, its category or flags, platforms.
    let mut interests: BTreeMap<String, (String, Option<Special>, BTreeSet<Platform>)> =
        BTreeMap::new();
    let mut advertisers: BTreeMap<String, (String, AudienceFlags, BTreeSet<Platform>)> =
        BTreeMap::new();
    let mut counts = [[0_u64; 24]; 7];
    let (mut interests_from, mut advertisers_from, mut rhythm_from) = (
        Contributors::default(),
        Contributors::default(),
        Contributors::default(),
    );
    for s in summaries {
        files += 1;
        platforms.insert(s.platform);
        if !s.interests.is_empty() {
            interests_from.add(s.platform);
        }
        if !s.advertisers.is_empty() {
            advertisers_from.add(s.platform);
        }
        for i in &s.interests {
            let entry = interests
                .entry(i.name.to_lowercase())
                .or_insert_with(|| (i.name.clone(), i.special, BTreeSet::new()));
            entry.2.insert(s.platform);
        }
        for a in &s.advertisers {
            let entry = advertisers
                .entry(a.name.to_lowercase())
                .or_insert_with(|| (a.name.clone(), AudienceFlags::default(), BTreeSet::new()));
            entry.1.merge(a.flags);
            entry.2.insert(s.platform);
        }
        if let Some(r) = &s.rhythm {
            rhythm_from.add(s.platform);
            for (sum, day) in counts.iter_mut().zip(&r.counts) {
                for (cell, n) in sum.iter_mut().zip(day) {
                    *cell += n;
                }
            }
        }
    }
    if files < 2 {
        return None;
    }
    Some(SocialOverview {
        files,
        platforms: platforms.into_iter().collect(),
        interests: interests
            .into_values()
            .map(|(name, special, p)| MergedInterest {
                name,
                special,
                platforms: p.into_iter().collect(),
            })
            .collect(),
        advertisers: advertisers
            .into_values()
            .map(|(name, flags, p)| MergedAdvertiser {
                name,
                flags,
                platforms: p.into_iter().collect(),
            })
            .collect(),
        rhythm: rhythm_of(&counts),
        interests_from,
        advertisers_from,
        rhythm_from,
    })
}

/// What the social files reveal together: the interests and advertisers merged across
/// platforms (when two platforms or more list some), and the rhythm of every dated action (when
/// two files or more have some), each naming the platforms that contribute.
pub fn overview_findings(o: &SocialOverview) -> Vec<Finding> {
    let mut out = Vec::new();
    let who = |lang, from: &Contributors| {
        let names: Vec<String> = from.platforms.iter().map(|p| p.name().to_owned()).collect();
        crate::i18n::list_and(lang, &names)
    };
    if o.interests_from.platforms.len() > 1 {
        let special: Vec<Special> = o.interests.iter().filter_map(|i| i.special).collect();
        let shared: Vec<&str> = o
            .interests
            .iter()
            .filter(|i| i.platforms.len() > 1)
            .map(|i| i.name.as_str())
            .collect();
        out.push(Finding::new(
            "merged_interests",
            Messages::from_fn(|lang| {
                text::merged_interests(
                    lang,
                    &who(lang, &o.interests_from),
                    o.interests.len() as u64,
                    &special,
                    &shared,
                )
            }),
        ));
    }
    if o.advertisers_from.platforms.len() > 1 {
        let holders = o.advertisers.iter().filter(|a| a.flags.data_file).count() as u64;
        let shared: Vec<&str> = o
            .advertisers
            .iter()
            .filter(|a| a.platforms.len() > 1)
            .map(|a| a.name.as_str())
            .collect();
        out.push(Finding::new(
            "merged_advertisers",
            Messages::from_fn(|lang| {
                text::merged_advertisers(
                    lang,
                    &who(lang, &o.advertisers_from),
                    o.advertisers.len() as u64,
                    holders,
                    &shared,
                )
            }),
        ));
    }
    if let Some(rhythm) = o.rhythm.as_ref().filter(|_| o.rhythm_from.files > 1) {
        let quiet = rhythm.quiet_share();
        let busiest = busiest_hour(&rhythm.counts);
        out.push(Finding::new(
            "merged_rhythm",
            Messages::from_fn(|lang| {
                let who = who(lang, &o.rhythm_from);
                text::rhythm(lang, &who, rhythm.total, quiet, busiest)
            }),
        ));
    }
    out
}

/// The earliest first date and the latest last date among `dates`.
fn span_of<'a>(
    dates: impl Iterator<Item = (&'a Option<String>, &'a Option<String>)>,
) -> Option<(String, String)> {
    let (mut first, mut last): (Option<&String>, Option<&String>) = (None, None);
    for (f, l) in dates {
        if let Some(f) = f {
            first = Some(first.map_or(f, |x| x.min(f)));
        }
        if let Some(l) = l {
            last = Some(last.map_or(l, |x| x.max(l)));
        }
    }
    Some((first?.clone(), last?.clone()))
}

/// Quiet hours as a sentence takes them: first hour, end hour, share of the actions.
pub(crate) type Quiet = (u8, u8, u8);

/// What a rhythm's sentence says: its quiet hours with their share, if any, and its busiest
/// weekday and hour.
pub(crate) fn quiet_and_busiest(rhythm: &Rhythm) -> (Option<Quiet>, (usize, u8)) {
    (rhythm.quiet_share(), busiest_hour(&rhythm.counts))
}

/// The weekday (Monday first) and hour with the most actions; the earliest on a tie.
pub fn busiest_hour(counts: &[[u64; 24]; 7]) -> (usize, u8) {
    let mut best = (0, 0, 0);
    for (day, hours) in counts.iter().enumerate() {
        for (hour, n) in (0_u8..).zip(hours) {
            if *n > best.2 {
                best = (day, hour, *n);
            }
        }
    }
    (best.0, best.1)
}

/// Words (lower case, accents kept; matched at word starts) that place an interest in a GDPR
/// special category, in French and English. Chosen to flag what an advertiser could read as
/// health, belief, politics, sexuality, origin or union membership: "Organisation mondiale de la
/// santé" is flagged (health), "Santa Claus" is not (a word must match whole or as a prefix
/// marked `*`).
const LEXICON: &[(Special, &[&str])] = &[
    (
        Special::Health,
        &[
            "santé",
            "health",
            "médical*",
            "medical*",
            "medicine",
            "médecine",
            "maladie*",
            "disease*",
            "diabète",
            "diabetes",
            "cancer",
            "cancers",
            "hôpital",
            "hospital",
            "hospitals",
            "hôpitaux",
            "pharmac*",
            "dépression",
            "depression",
            "anxiété",
            "anxiety",
            "mental",
            "psychiatr*",
            "psycholog*",
            "thérapie",
            "therapy",
            "grossesse",
            "pregnancy",
            "pregnant",
            "fertilité",
            "fertility",
            "handicap*",
            "disabilit*",
            "autism*",
            "autisme",
            "vih",
            "hiv",
            "sida",
            "aids",
            "alzheimer*",
            "obésité",
            "obesity",
            "weight loss",
            "perte de poids",
            "addiction*",
            "alcoolisme",
            "alcoholism",
            "contraception",
            "avortement",
            "abortion",
            "vaccin*",
            "asthme",
            "asthma",
            "arthrite",
            "arthritis",
            "migraine*",
            "allerg*",
            "épilepsie",
            "epilepsy",
            "sclérose",
            "sclerosis",
        ],
    ),
    (
        Special::Religion,
        &[
            "religion*",
            "religieu*",
            "religious",
            "église",
            "church",
            "churches",
            "islam",
            "islamic",
            "islamique",
            "islamism",
            "islamisme",
            "musulman*",
            "muslim*",
            "mosquée",
            "mosque*",
            "judaism",
            "judaïsme",
            "jewish",
            "juif*",
            "juive*",
            "synagogue*",
            "christianity",
            "christianisme",
            "christians",
            "chrétien*",
            "catholi*",
            "protestant*",
            "évangéli*",
            "evangelical*",
            "bouddhis*",
            "buddhis*",
            "hindou",
            "hindouisme",
            "hindu",
            "hinduism",
            "sikh*",
            "bible",
            "coran",
            "quran",
            "torah",
            "ramadan",
            "prière",
            "prayer",
            "spiritualité",
            "spirituality",
            "athéisme",
            "atheism",
            "jésus",
            "jesus",
        ],
    ),
    (
        Special::Politics,
        &[
            "politique*",
            "politic*",
            "élection*",
            "election*",
            "socialis*",
            "communis*",
            "républicain*",
            "republican*",
            "democratic party",
            "democrats",
            "démocrate*",
            "écologis*",
            "green party",
            "nationalis*",
            "féminis*",
            "feminis*",
            "activis*",
            "militant*",
            "immigration",
            "rassemblement national",
            "la france insoumise",
            "les républicains",
            "europe écologie",
            "parti socialiste",
            "front national",
        ],
    ),
    (
        Special::Sexuality,
        &[
            "lgbt*",
            "gay",
            "gays",
            "lesbi*",
            "bisexu*",
            "transgen*",
            "queer",
            "homosexu*",
            "sexualité",
            "sexuality",
            "dating",
            "tinder",
            "grindr",
        ],
    ),
    (
        Special::Ethnicity,
        &[
            "ethni*",
            "afro-américain*",
            "african american*",
            "hispani*",
            "latino*",
            "diaspora",
            "maghreb*",
            "asian american*",
            "tsigane*",
        ],
    ),
    (
        Special::TradeUnion,
        &[
            "syndicat*",
            "syndical*",
            "trade union*",
            "labor union*",
            "labour union*",
            "cgt",
            "cfdt",
            "force ouvrière",
            "sud-rail",
            "unsa",
            "grève*",
        ],
    ),
];

/// The special category an interest's name touches, by [`LEXICON`]: an entry matches whole words
/// of the name (several words in a row for an entry of several), or a word's start when it ends
/// in `*`.
pub fn special(name: &str) -> Option<Special> {
    let lower = name.to_lowercase();
    // Words as written (`sud-rail`), and with their hyphenated parts apart (`african-american`
    // is `african american` too).
    let whole: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A star sign is no illness.
    if parts.iter().any(|w| NOT_SPECIAL.contains(w)) {
        return None;
    }
    let matches = |words: &[&str], entry: &str| {
        let (entry, prefix) = match entry.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (entry, false),
        };
        let wanted: Vec<&str> = entry.split(' ').collect();
        words.windows(wanted.len()).any(|window| {
            window
                .iter()
                .zip(&wanted)
                .enumerate()
                .all(|(i, (word, part))| {
                    if prefix && i == wanted.len() - 1 {
                        word.starts_with(part)
                    } else {
                        word == part
                    }
                })
        })
    };
    LEXICON
        .iter()
        .find(|(_, entries)| {
            entries
                .iter()
                .any(|e| matches(&whole, e) || matches(&parts, e))
        })
        .map(|(special, _)| *special)
}

/// Words that make an interest ordinary whatever else it says (`Cancer (astrology)`).
const NOT_SPECIAL: &[&str] = &["astrology", "astrologie", "zodiac", "zodiaque", "horoscope"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_flags_special_categories_in_both_languages_and_not_look_alikes() {
        for (name, expected) in [
            ("Organisation mondiale de la santé", Some(Special::Health)),
            ("Mental health awareness", Some(Special::Health)),
            ("Diabète de type 2", Some(Special::Health)),
            ("Catholic Church", Some(Special::Religion)),
            ("Islam", Some(Special::Religion)),
            ("Parti socialiste", Some(Special::Politics)),
            ("Politique française", Some(Special::Politics)),
            ("LGBT community", Some(Special::Sexuality)),
            (
                "Confédération générale du travail (CGT)",
                Some(Special::TradeUnion),
            ),
            ("Hispanic culture", Some(Special::Ethnicity)),
            // Look-alikes: a word must match whole, or a marked prefix.
            ("Santa Claus", None),
            ("Château", None),
            ("Musique de jeu vidéo", None),
            ("Godzilla", None),
            ("Unionville hockey", None),
            ("Partition musicale", None),
            ("Mont Blanc", None),
            ("Hospitality industry", None),
            ("Christian Dior", None),
            ("Winston Churchill", None),
            ("Islamabad", None),
            ("Hindustan Times", None),
            ("Judas Priest", None),
            ("Democratic Republic of the Congo", None),
            ("Cancer (astrology)", None),
            // Hyphenated names are read whole and in parts.
            ("African-American culture", Some(Special::Ethnicity)),
            ("Sud-Rail", Some(Special::TradeUnion)),
            ("Lutte contre le cancer", Some(Special::Health)),
        ] {
            assert_eq!(special(name), expected, "{name}");
        }
    }

    #[test]
    fn events_are_summed_by_app_type_and_month_and_implausible_times_left_out() {
        let mut social = Social::new(Platform::Facebook);
        // 2021-10-30 and 2021-08-18 (UTC), then a time of 0 ("none") and one in 1970.
        social.off_platform("Activision Publishing", "CUSTOM", Some(1_635_622_200));
        social.off_platform("  Activision   Publishing ", "CUSTOM", Some(1_629_314_880));
        social.off_platform("Activision Publishing", "PAGE_VIEW", Some(0));
        social.off_platform("Vinted", "PURCHASE", Some(17_076_220));
        social.advertiser(
            "Hogan Ltd",
            AudienceFlags {
                data_file: true,
                ..Default::default()
            },
        );
        social.advertiser(
            "Hogan Ltd",
            AudienceFlags {
                remarketing: true,
                ..Default::default()
            },
        );
        social.interest("Quiz");
        social.interest("Quiz");
        social.interest(" ");
        let s = social.finish();
        assert_eq!(s.off_platform.len(), 2);
        let activision = &s.off_platform[0];
        assert_eq!(activision.name, "Activision Publishing");
        assert_eq!(activision.events, 3);
        assert_eq!(
            activision.types,
            [("CUSTOM".to_owned(), 2), ("PAGE_VIEW".to_owned(), 1)]
        );
        assert_eq!(
            (activision.first.as_deref(), activision.last.as_deref()),
            (Some("2021-08-18"), Some("2021-10-30"))
        );
        assert_eq!(s.off_platform[1].first, None);
        assert_eq!(
            s.months,
            [("2021-08".to_owned(), 1), ("2021-10".to_owned(), 1)]
        );
        assert_eq!(s.advertisers.len(), 1);
        assert!(s.advertisers[0].flags.data_file && s.advertisers[0].flags.remarketing);
        assert_eq!(s.interests.len(), 1);
    }

    #[test]
    fn the_rhythm_is_in_paris_time_with_daylight_saving_and_finds_the_quiet_hours() {
        let mut social = Social::new(Platform::Instagram);
        // 2024-01-15 (a Monday) 22:30 UTC is 23:30 in Paris (UTC+1); 2024-07-15 (a Monday) 22:30
        // UTC is 00:30 on Tuesday (UTC+2).
        social.active(1_705_357_800);
        social.active(1_721_082_600);
        let s = social.finish();
        let rhythm = s.rhythm.unwrap();
        assert_eq!(rhythm.zone, "Europe/Paris");
        assert_eq!(
            (rhythm.total, rhythm.counts[0][23], rhythm.counts[1][0]),
            (2, 1, 1)
        );
        // Too few actions to speak of quiet hours.
        assert_eq!(rhythm.quiet, None);

        // 240 actions every hour from 8:00 to 0:59 Paris time on 2024-03-04 to 03-13 (winter),
        // and 1 at 3:00: quiet from 1:00 to 8:00.
        let mut social = Social::new(Platform::Facebook);
        let day0 = 1_709_510_400; // 2024-03-04 00:00 UTC
        for day in 0..10 {
            for hour in (8..24).chain(0..1) {
                let local = day0 + day * 86_400 + hour * 3600;
                social.active(local - 3600); // Paris is UTC+1 in March
            }
        }
        social.active(day0 + 3 * 3600 - 3600);
        let rhythm = social.finish().rhythm.unwrap();
        assert_eq!(rhythm.total, 171);
        assert_eq!(rhythm.quiet, Some((1, 8)));
        assert_eq!(rhythm.quiet_percent, Some(1)); // 1 of 171
                                                   // Quiet hours wrap past midnight.
        let mut hours = [10_u64; 24];
        for h in [22, 23, 0, 1, 2, 3] {
            hours[h] = 0;
        }
        assert_eq!(quiet_hours(&hours), Some((22, 4)));
        assert_eq!(quiet_hours(&[10; 24]), None);
    }

    #[test]
    fn logins_are_counted_by_device_and_address_with_their_first_and_last_dates() {
        let mut social = Social::new(Platform::Instagram);
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        let app = "Instagram 309.1.0.41.113 (iPhone13,2; iOS 17_1; fr_FR; fr; scale=3.00)";
        for (at, ip, device) in [
            (1_700_000_000, "192.0.2.1", chrome),
            (1_700_086_400, "192.0.2.1", chrome),
            (1_600_000_000, "2001:db8::1", app),
        ] {
            social.login(&Login {
                at: Some(at),
                ip: Some(ip),
                device: Some(device),
            });
        }
        social.login(&Login {
            at: Some(0),
            ip: None,
            device: Some("iPhone12,1"),
        });
        let s = social.finish();
        assert_eq!(s.logins, 4);
        let devices: Vec<(&str, u64)> = s
            .devices
            .iter()
            .map(|d| (d.name.as_str(), d.logins))
            .collect();
        assert_eq!(
            devices,
            [
                ("Chrome (Windows)", 2),
                ("Instagram (iPhone)", 1),
                ("iPhone12,1", 1)
            ]
        );
        assert_eq!(
            (s.devices[0].first.as_deref(), s.devices[0].last.as_deref()),
            (Some("2023-11-14"), Some("2023-11-15"))
        );
        // A time of 0 is no date.
        assert_eq!(s.devices[2].first, None);
        assert_eq!(s.ips.len(), 2);
        assert_eq!((s.ips[0].name.as_str(), s.ips[0].logins), ("192.0.2.1", 2));
        // The dated ones by month: 2020-09-13, then 2023-11-14 and 15.
        assert_eq!(
            s.login_months,
            [("2020-09".to_owned(), 1), ("2023-11".to_owned(), 2)]
        );
        // Three dated logins in the rhythm.
        assert_eq!(s.rhythm.map(|r| r.total), Some(3));
        let text = findings(&social_with_logins())
            .into_iter()
            .find(|f| f.id == "logins")
            .unwrap();
        assert!(text
            .text
            .get(crate::i18n::Lang::En)
            .contains("Most often: Firefox (Mac), 1\u{a0}login."));
    }

    fn social_with_logins() -> SocialSummary {
        let mut social = Social::new(Platform::X);
        social.login(&Login {
            at: Some(1_600_000_000),
            ip: Some("198.51.100.7"),
            device: Some("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:120.0) Gecko/20100101 Firefox/120.0"),
        });
        social.finish()
    }

    #[test]
    fn relations_inferences_and_conversations_are_counted_and_bounded() {
        let mut social = Social::new(Platform::LinkedIn);
        social.contact(Relation::Connection, Some(1_237_075_200)); // 2009-03-15
        social.contact(Relation::Connection, Some(1_237_075_200));
        social.contact(Relation::Connection, None);
        social.contact(Relation::Follower, Some(1_600_000_000));
        social.inferred("Member Age", "18 to 24");
        social.inferred("Member Traits", "Mac");
        social.inferred("Member Traits", " Mac ");
        social.inferred("Member Traits", "iPhone Users");
        social.inferred("", "nothing");
        for i in 0..12_u64 {
            for _ in 0..=i {
                social.message(&format!("Ami {i}"), Some(i % 2 == 0), Some(1_600_000_000));
            }
        }
        let s = social.finish();
        assert_eq!(s.contacts.len(), 2);
        assert_eq!(s.contacts[0].relation, Relation::Follower);
        let connections = &s.contacts[1];
        assert_eq!(
            (connections.count, connections.years.clone()),
            (3, vec![(2009, 2)])
        );
        assert_eq!(
            s.inferred,
            [
                ("Member Age".to_owned(), vec!["18 to 24".to_owned()]),
                (
                    "Member Traits".to_owned(),
                    vec!["Mac".to_owned(), "iPhone Users".to_owned()]
                ),
            ]
        );
        assert_eq!((s.messages, s.conversation_count), (78, 12));
        assert_eq!(s.conversations.len(), TOP_CONVERSATIONS);
        assert_eq!(
            (
                s.conversations[0].name.as_str(),
                s.conversations[0].messages
            ),
            ("Ami 11", 12)
        );
        assert_eq!(s.conversations[0].sent, Some(0));
        assert_eq!(s.conversations[1].sent, Some(11));
        let found = findings(&s);
        let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "activity_rhythm",
                "contacts",
                "platform_inferences",
                "conversations"
            ]
        );
        let en = |id: &str| crate::analysis::said(&found, id, crate::i18n::Lang::En);
        assert_eq!(
            en("contacts"),
            "Your network on LinkedIn: 1\u{a0}follower and 3\u{a0}connections. The year it grew most: 2009 (2)."
        );
        assert!(
            en("platform_inferences").contains("Member Traits: Mac and iPhone Users"),
            "{}",
            en("platform_inferences")
        );
        // No conversation is named in the sentence.
        let conversations = en("conversations");
        assert!(!conversations.contains("Ami"), "{conversations}");
        assert!(
            conversations.contains("The busiest holds 12 of them (15%)"),
            "{conversations}"
        );
    }

    #[test]
    fn ads_by_advertiser_and_the_kinds_of_details_held_are_counted_never_their_values() {
        let mut social = Social::new(Platform::X);
        for (advertiser, ads) in [("Brand", 3), ("Other", 1), (" Brand ", 2), ("", 1)] {
            for _ in 0..ads {
                social.ad(advertiser);
            }
        }
        for detail in [Detail::Email, Detail::Name, Detail::Email] {
            social.holds(detail);
        }
        social.gave_advertiser(Detail::Phone);
        let s = social.finish();
        // Seven ads, one without a name: counted, not listed.
        assert_eq!((s.ads, s.ad_advertiser_count), (7, 2));
        assert_eq!(
            s.ads_by_advertiser,
            [("Brand".to_owned(), 5), ("Other".to_owned(), 1)]
        );
        assert_eq!(s.details, [Detail::Name, Detail::Email]);
        assert_eq!(s.advertiser_forms, [Detail::Phone]);
        let found = findings(&s);
        let text = |id: &str, lang| crate::analysis::said(&found, id, lang);
        assert_eq!(
            text("ads_seen", crate::i18n::Lang::En),
            "X (Twitter) showed you 7\u{a0}ads from 2\u{a0}advertisers. The most, 5 (71%), came from Brand."
        );
        assert_eq!(
            text("ads_seen", crate::i18n::Lang::Fr),
            "X (Twitter) vous a montré 7\u{a0}publicités de 2\u{a0}annonceurs. Le plus présent, Brand, en a payé 5 (71\u{a0}%)."
        );
        assert_eq!(
            text("personal_details", crate::i18n::Lang::En),
            "X (Twitter) holds your name and your e-mail address."
        );
        assert_eq!(
            text("personal_details", crate::i18n::Lang::Fr),
            "X (Twitter) détient votre nom et votre adresse e-mail."
        );
        assert_eq!(
            text("advertiser_forms", crate::i18n::Lang::Fr),
            "Pour les formulaires des annonceurs, X (Twitter) garde votre numéro de téléphone."
        );
    }

    #[test]
    fn a_user_agent_says_its_app_or_browser_and_system() {
        for (agent, name) in [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari (iPhone)"),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", "Chrome (Android)"),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "Edge (Windows)"),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) [FBAN/FBIOS;FBAV/400.0]", "Facebook (iPhone)"),
            ("SM-G991B", "SM-G991B"),
        ] {
            assert_eq!(device_name(agent), name, "{agent}");
        }
    }

    #[test]
    fn files_together_merge_interests_and_advertisers_across_platforms() {
        let mut facebook = Social::new(Platform::Facebook);
        facebook.interest("Cuisine");
        facebook.interest("Parti socialiste");
        facebook.advertiser(
            "Hogan Ltd",
            AudienceFlags {
                data_file: true,
                ..Default::default()
            },
        );
        facebook.active(1_700_000_000);
        let mut x = Social::new(Platform::X);
        x.interest(" cuisine ");
        x.interest("Randonnée");
        x.advertiser(
            "hogan ltd",
            AudienceFlags {
                remarketing: true,
                ..Default::default()
            },
        );
        x.advertiser("Vinted", AudienceFlags::default());
        x.active(1_700_003_600);
        let (facebook, x) = (facebook.finish(), x.finish());
        assert_eq!(overview([&facebook]), None);
        let o = overview([&facebook, &x]).unwrap();
        assert_eq!(o.files, 2);
        assert_eq!(o.platforms, [Platform::Facebook, Platform::X]);
        let interests: Vec<(&str, usize)> = o
            .interests
            .iter()
            .map(|i| (i.name.as_str(), i.platforms.len()))
            .collect();
        assert_eq!(
            interests,
            [("Cuisine", 2), ("Parti socialiste", 1), ("Randonnée", 1)]
        );
        assert_eq!(o.interests[1].special, Some(Special::Politics));
        let hogan = &o.advertisers[0];
        assert!(hogan.flags.data_file && hogan.flags.remarketing);
        assert_eq!(hogan.platforms, [Platform::Facebook, Platform::X]);
        assert_eq!(o.rhythm.as_ref().map(|r| r.total), Some(2));
        let found = overview_findings(&o);
        let en = |id: &str| found.iter().find(|f| f.id == id).unwrap().text.en.clone();
        assert_eq!(
            en("merged_interests"),
            "Together, Facebook and X (Twitter) inferred 3\u{a0}different interests about you, one \
             of them touching a category of data the GDPR protects most (political opinions). \
             One was inferred by more than one platform: Cuisine."
        );
        assert_eq!(
            en("merged_advertisers"),
            "2\u{a0}different advertisers across Facebook and X (Twitter); one of them has your \
             contact details. One appears on more than one platform: Hogan Ltd."
        );
        assert!(en("merged_rhythm")
            .starts_with("2\u{a0}dated actions of yours on Facebook and X (Twitter)"));
    }
}
