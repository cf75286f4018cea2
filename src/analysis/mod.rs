//! What a file reveals.
//!
//! Analyses turn a file's bytes into findings: a number, a plain sentence in French and English and
//! the reasoning behind it. For now the analysis identifies each file through the source registry;
//! the findings come with the source issues. The worker and `inspect` both reach [`describe`] through
//! `report::describe_file`, so the
//! screen and the JSON report always agree.

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use std::io::Read;

use crate::i18n::Lang;
use crate::i18n::{
    activity_guesses, affinities, coverage, device_kind, finding_why, history_settings,
    home_sentence, near_town, place_item, position, position_devices, routine_sentence,
    sensitive_name, sensitive_places, service_places, settings_device, settings_devices,
    top_places, uniqueness, work_sentence, Messages,
};
use crate::ingest::{read_prefix, HEAD_LEN};
use crate::model::location::TopPlace;
use crate::model::location::{Confidence, Doubt, LatLng, Mode, Routine};
use crate::model::{FileRef, Summary};
use crate::sources;

pub mod activity;
pub mod chat;
pub mod co2;
pub mod countries;
pub mod day;
pub mod density;
pub mod energy;
pub mod fxhash;
pub mod health;
pub mod home;
pub mod location;
pub mod media;
pub mod money;
pub mod places;
pub mod portrait;
pub mod routine;
pub mod social;
pub mod trips;

/// The detected kind of a file: `"unknown"`, or the id of the source that claimed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Kind {
    Unknown,
    Source(String),
}

impl Kind {
    pub const UNKNOWN: &'static str = "unknown";
}

impl From<String> for Kind {
    fn from(s: String) -> Self {
        if s == Kind::UNKNOWN {
            Kind::Unknown
        } else {
            Kind::Source(s)
        }
    }
}

impl From<Kind> for String {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Unknown => Kind::UNKNOWN.to_owned(),
            Kind::Source(id) => id,
        }
    }
}

/// What the analysis learnt about one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileAnalysis {
    pub file: FileRef,
    pub kind: Kind,
    /// How sure the source that claimed the file is (0–100).
    pub confidence: Option<u8>,
    pub summary: Option<Summary>,
    pub findings: Vec<Finding>,
    pub error: Option<ErrorKind>,
    /// Location files only: the trips one by one, and the positions in map mode, for the day
    /// view and corrections.
    pub kept: Option<day::Kept>,
    /// What the scanner found in a file no source recognised: its shape and personal data.
    pub scan: Option<crate::scan::FileScan>,
}

/// What is kept of a file's positions (DESIGN.md's two memory modes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Memory {
    /// Aggregates only: memory does not grow with the file.
    #[default]
    Summary,
    /// Aggregates, and every position at 3 to 8 bytes for maps and day views.
    Map,
}

/// One thing a file reveals, in a plain sentence in both languages. Its numbers are in the summary
/// beside it, so the screen and the report say the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable name (`coverage`), for tests and for anyone reading the report.
    pub id: String,
    pub text: Messages,
    /// How Reflet came to it: the method, in plain words.
    pub why: Messages,
}

impl Finding {
    pub(crate) fn new(id: &str, text: Messages) -> Finding {
        Finding {
            id: id.to_owned(),
            text,
            why: Messages::from_fn(|lang| finding_why(lang, id).to_owned()),
        }
    }
}

/// Who recorded a file, from its source's id.
fn company(source: &str) -> Option<&'static str> {
    let prefix = source.split('.').next()?;
    [
        ("google", "Google"),
        ("snapchat", "Snapchat"),
        ("apple", "Apple"),
        ("strava", "Strava"),
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
    ]
    .into_iter()
    .find(|(p, _)| *p == prefix)
    .map(|(_, name)| name)
}

/// What a file's summary reveals, in words: what is read, then home, work, routine and places,
/// then what the service itself inferred, then why it matters.
pub fn findings(kind: &Kind, summary: &Summary) -> Vec<Finding> {
    match summary {
        Summary::Positions(p) => position_findings(kind, p),
        Summary::Social(s) => social::findings(s),
        Summary::Media(m) => media::findings(m),
        #[cfg(feature = "energy")]
        Summary::Energy(e) => energy::findings(e),
        #[cfg(feature = "chat")]
        Summary::Chat(c) => chat::findings(c),
        #[cfg(feature = "money")]
        Summary::Money(m) => money::findings(m),
        #[cfg(feature = "activity")]
        Summary::Activity(a) => activity::findings(a),
        #[cfg(feature = "health")]
        Summary::Health(h) => health::findings(h),
    }
}

/// What a location file reveals.
fn position_findings(kind: &Kind, p: &crate::model::PositionSummary) -> Vec<Finding> {
    let mut out = Vec::new();
    let who = match kind {
        Kind::Source(id) => company(id),
        Kind::Unknown => None,
    };
    let year = |iso: &Option<String>| iso.as_deref()?.get(..4)?.parse::<i64>().ok();
    if let (true, Some(first), Some(last)) = (p.days > 0, year(&p.first), year(&p.last)) {
        out.push(Finding::new(
            "coverage",
            Messages::from_fn(|lang| coverage(lang, who, p.days, (first, last), p.interval_s)),
        ));
    }
    // One or two nights say too little to name a place, even with low confidence.
    if let Some(home) = p.home.as_ref().filter(|h| h.nights_total >= 3) {
        let confident = match home.confidence {
            Confidence::High => Some(true),
            Confidence::Medium => Some(false),
            Confidence::Low => None,
        };
        let doubt = home.doubt.map(|d| match d {
            Doubt::FewNights => 0,
            Doubt::WeekdaysDiffer => 1,
            Doubt::TwoPlaces => 2,
            Doubt::Scattered => 3,
            Doubt::DaytimeElsewhere => 4,
        });
        out.push(Finding::new(
            "home",
            Messages::from_fn(|lang| {
                let at = place_text(lang, home.lat, home.lng);
                home_sentence(lang, &at, home.nights, home.nights_total, confident, doubt)
            }),
        ));
    }
    if let Some(work) = p.work.as_ref().filter(|w| w.days_total >= 3) {
        let confident = match work.confidence {
            Confidence::High => Some(true),
            Confidence::Medium => Some(false),
            Confidence::Low => None,
        };
        out.push(Finding::new(
            "work",
            Messages::from_fn(|lang| {
                let at = place_text(lang, work.lat, work.lng);
                work_sentence(lang, &at, work.days, work.days_total, confident)
            }),
        ));
    }
    routine_finding(p, &mut out);
    place_findings(p, &mut out);
    mobility_findings(p, &mut out);
    if p.service_home.is_some() || p.service_work.is_some() {
        let apart = p
            .home
            .as_ref()
            .filter(|h| h.nights_total >= 3)
            .and_then(|h| LatLng::from_degrees(h.lat, h.lng))
            .zip(p.service_home)
            .map(|(ours, theirs)| ours.distance_m(theirs));
        out.push(Finding::new(
            "service_places",
            Messages::from_fn(|lang| {
                let text = |at: LatLng| position(lang, at.lat(), at.lng());
                let home = p.service_home.map(text);
                let work = p.service_work.map(text);
                service_places(
                    lang,
                    company_name(lang, who),
                    home.as_deref(),
                    work.as_deref(),
                    apart,
                )
            }),
        ));
    }
    if !p.affinities.is_empty() {
        let mut shares: Vec<(Mode, f64)> = p.affinities.iter().map(|(m, a)| (*m, *a)).collect();
        shares.sort_by(|a, b| b.1.total_cmp(&a.1));
        out.push(Finding::new(
            "travel_affinities",
            Messages::from_fn(|lang| affinities(lang, company_name(lang, who), &shares)),
        ));
    }
    service_findings(p, who, &mut out);
    if p.count >= 4 {
        out.push(Finding::new(
            "uniqueness",
            Messages::from_fn(|lang| uniqueness(lang, p.count)),
        ));
    }
    out
}

/// What the service says of the person's devices, activities and history settings.
fn service_findings(
    p: &crate::model::PositionSummary,
    who: Option<&'static str>,
    out: &mut Vec<Finding>,
) {
    let tagged: u64 = p.devices.iter().map(|d| d.positions).sum();
    if tagged > 0 {
        out.push(Finding::new(
            "devices",
            Messages::from_fn(|lang| {
                let devices: Vec<(String, u64)> = p
                    .devices
                    .iter()
                    .filter(|d| d.positions > 0)
                    .map(|d| {
                        let kind = match (&d.name, d.tag.as_str()) {
                            (Some(name), _) => name.clone(),
                            (None, "other") => device_kind(lang, None, None),
                            (None, _) => {
                                device_kind(lang, d.platform.as_deref(), d.form_factor.as_deref())
                            }
                        };
                        (kind, d.positions)
                    })
                    .collect();
                position_devices(lang, company_name(lang, who), (tagged, p.count), &devices)
            }),
        ));
    } else if !p.devices.is_empty() {
        out.push(Finding::new(
            "devices",
            Messages::from_fn(|lang| {
                let items: Vec<String> = p
                    .devices
                    .iter()
                    .map(|d| {
                        let name = d.name.clone().or_else(|| {
                            let make = [&d.manufacturer, &d.model];
                            let words: Vec<&str> =
                                make.iter().filter_map(|w| w.as_deref()).collect();
                            (!words.is_empty()).then(|| words.join(" "))
                        });
                        settings_device(
                            lang,
                            name.as_deref(),
                            d.platform.as_deref(),
                            d.since.as_deref(),
                            d.reporting,
                        )
                    })
                    .collect();
                settings_devices(lang, company_name(lang, who), &items)
            }),
        ));
    }
    if !p.activity_guesses.is_empty() {
        let mut guesses: Vec<(String, u64)> = p
            .activity_guesses
            .iter()
            .map(|(k, n)| (k.clone(), *n))
            .collect();
        guesses.sort_by_key(|g| std::cmp::Reverse(g.1));
        out.push(Finding::new(
            "activity_guesses",
            Messages::from_fn(|lang| activity_guesses(lang, company_name(lang, who), &guesses)),
        ));
    }
    if let Some(s) = &p.history_settings {
        let text = |lang| history_settings(lang, s.enabled, s.retention_days, s.created.as_deref());
        if !text(Lang::En).is_empty() {
            out.push(Finding::new("history_settings", Messages::from_fn(text)));
        }
    }
}

/// How far the person went and by which means, between home and work, the carbon of it, and
/// in which countries.
fn mobility_findings(p: &crate::model::PositionSummary, out: &mut Vec<Finding>) {
    use crate::i18n::trips::{
        co2_sentence, countries_sentence, home_work_sentence, trips_sentence,
    };
    if !p.countries.is_empty() {
        out.push(Finding::new(
            "countries",
            Messages::from_fn(|lang| countries_sentence(lang, &p.countries)),
        ));
    }
    let Some(trips) = &p.trips else {
        return;
    };
    out.push(Finding::new(
        "trips",
        Messages::from_fn(|lang| trips_sentence(lang, trips)),
    ));
    if !trips.home_work.is_empty() {
        out.push(Finding::new(
            "home_work",
            Messages::from_fn(|lang| {
                home_work_sentence(lang, &trips.home_work).unwrap_or_default()
            }),
        ));
    }
    out.push(Finding::new(
        "co2",
        Messages::from_fn(|lang| co2_sentence(lang, trips)),
    ));
}

/// The weekday routine, when there is one.
fn routine_finding(p: &crate::model::PositionSummary, out: &mut Vec<Finding>) {
    if let Some(routine) = &p.routine {
        let times = routine.leave.zip(routine.back);
        let span = weekday_span(routine);
        out.push(Finding::new(
            "routine",
            Messages::from_fn(|lang| {
                routine_sentence(lang, times, routine.weekdays, span, routine.days)
            }),
        ));
    }
}

/// The first and last of the longest run of weekday hours (Monday–Friday together) mostly spent
/// away from home.
pub fn weekday_span(routine: &Routine) -> Option<(u16, u16)> {
    let mostly_away = |hour: usize| {
        let (mut sum, mut n) = (0_u32, 0_u32);
        for day in routine.away.iter().take(5) {
            if let Some(Some(percent)) = day.get(hour) {
                (sum, n) = (sum + u32::from(*percent), n + 1);
            }
        }
        n > 0 && sum > 50 * n
    };
    // The longest run of such hours (the first, on a tie).
    let (mut best, mut run): (Option<(u16, u16)>, Option<u16>) = (None, None);
    for h in 0..24_u16 {
        if mostly_away(usize::from(h)) {
            let start = *run.get_or_insert(h);
            if best.is_none_or(|(a, b)| h - start > b - a) {
                best = Some((start, h));
            }
        } else {
            run = None;
        }
    }
    best
}

/// A place as the findings name it: "La Rochelle (46.160° N, 1.151° W)", from the bundled
/// gazetteer when a town lies within 30 km, else the coordinates alone.
fn place_text(lang: Lang, latitude: f64, longitude: f64) -> String {
    let at = position(lang, latitude, longitude);
    match crate::model::gazetteer::nearest(latitude, longitude) {
        Some(town) => near_town(town.name, &at),
        None => at,
    }
}

/// The most visited places, and those that hint at a sensitive matter.
fn place_findings(p: &crate::model::PositionSummary, out: &mut Vec<Finding>) {
    if !p.places.is_empty() {
        out.push(Finding::new(
            "places",
            Messages::from_fn(|lang| {
                let items: Vec<String> = p
                    .places
                    .iter()
                    .map(|t| place_item(lang, &top_place_name(lang, t), t.hours, t.visits))
                    .collect();
                top_places(lang, &items)
            }),
        ));
    }
    if !p.sensitive_places.is_empty() {
        out.push(Finding::new(
            "sensitive_places",
            Messages::from_fn(|lang| {
                let items: Vec<String> = p
                    .sensitive_places
                    .iter()
                    .map(|t| {
                        let kind = t.sensitive.map_or("", |k| sensitive_name(lang, k));
                        format!("{} ({kind})", top_place_name(lang, t))
                    })
                    .collect();
                sensitive_places(lang, &items)
            }),
        ));
    }
}

/// A top place's name, else where it is.
fn top_place_name(lang: Lang, place: &TopPlace) -> String {
    match (&place.name, place.lat.zip(place.lng)) {
        (Some(name), _) => name.clone(),
        (None, Some((latitude, longitude))) => place_text(lang, latitude, longitude),
        (None, None) => String::from("?"),
    }
}

/// Who recorded a file, or a generic name for it.
fn company_name(lang: Lang, company: Option<&'static str>) -> &'static str {
    company.unwrap_or(match lang {
        Lang::Fr => "Le service",
        Lang::En => "The service",
    })
}

/// The buffer between a stream and a source's parser.
const SOURCE_BUFFER: usize = 256 * 1024;

/// Counts the bytes that pass through, to know a stream's size once read.
struct Counting<'a> {
    inner: &'a mut dyn Read,
    count: u64,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// Identifies one file from its stream (a loose file, or an entry inflating out of an archive)
/// and, when a source recognises it, reads it whole into a summary. `size` is the uncompressed
/// size when known; otherwise the stream is counted to its end. Never panics, whatever the bytes.
pub fn describe(path: &str, size: Option<u64>, reader: &mut dyn Read) -> FileAnalysis {
    describe_with(path, size, reader, Memory::Summary)
}

/// [`describe`], keeping the positions in map mode.
pub fn describe_with(
    path: &str,
    size: Option<u64>,
    reader: &mut dyn Read,
    memory: Memory,
) -> FileAnalysis {
    let mut counting = Counting {
        inner: reader,
        count: 0,
    };
    let mut analysis = FileAnalysis {
        file: FileRef::new(path, size.unwrap_or(0)),
        kind: Kind::Unknown,
        confidence: None,
        summary: None,
        findings: Vec::new(),
        error: None,
        kept: None,
        scan: None,
    };
    let Ok(head) = read_prefix(&mut counting, HEAD_LEN) else {
        analysis.error = Some(ErrorKind::Unreadable);
        return analysis;
    };
    if head.is_empty() {
        analysis.error = Some(ErrorKind::Empty);
        return analysis;
    }
    let claim = sources::detect(&analysis.file.path, &head);
    if let Some((claim, source)) = claim.and_then(|c| Some((c, sources::by_id(c.source)?))) {
        analysis.kind = Kind::Source(claim.source.to_owned());
        analysis.confidence = Some(claim.confidence);
        // Sources parse byte by byte: buffer here, so that each byte does not travel through the
        // inflater, the bomb guard and the counter one call at a time.
        let whole = std::io::Cursor::new(&head).chain(&mut counting);
        let (summary, error, kept) = read_source_kept(
            source,
            &mut std::io::BufReader::with_capacity(SOURCE_BUFFER, whole),
            memory,
        );
        analysis.kept = kept;
        #[cfg_attr(not(feature = "chat"), allow(unused_mut))]
        let mut summary = summary;
        #[cfg(feature = "chat")]
        if let Summary::Chat(chat) = &mut summary {
            chat::name_you(chat, &analysis.file.path);
        }
        analysis.findings = findings(&analysis.kind, &summary);
        analysis.summary = Some(summary);
        analysis.error = error;
    } else {
        let (scan, error) = crate::scan::scan(&analysis.file.path, &head, &mut counting);
        analysis.scan = scan;
        analysis.error = error;
    }
    if size.is_none() {
        let counted = count_rest(&mut counting);
        analysis.file.size = counting.count;
        if counted.is_err() {
            analysis.error.get_or_insert(ErrorKind::Unreadable);
        }
    }
    analysis
}

/// Reads a whole file with `source` into its summary; the error says what stopped it, if anything
/// did (the summary then holds what came before).
pub fn read_source(
    source: &dyn sources::Source,
    reader: &mut dyn Read,
) -> (Summary, Option<ErrorKind>) {
    let (summary, error, _) = read_source_kept(source, reader, Memory::Summary);
    (summary, error)
}

/// Reads a whole file with `source` into `collector`, then its summary (`finish`).
fn read_into<C: crate::model::Sink>(
    source: &dyn sources::Source,
    reader: &mut dyn Read,
    mut collector: C,
    finish: impl FnOnce(C) -> Summary,
) -> (Summary, Option<ErrorKind>, Option<day::Kept>) {
    let error = source.read(reader, &mut collector);
    (finish(collector), error, None)
}

/// [`read_source`], and what is kept of a location file for the day view and corrections
/// (positions in map mode).
pub fn read_source_kept(
    source: &dyn sources::Source,
    reader: &mut dyn Read,
    memory: Memory,
) -> (Summary, Option<ErrorKind>, Option<day::Kept>) {
    if let Some(platform) = source.social() {
        return read_into(source, reader, social::Social::new(platform), |c| {
            Summary::Social(c.finish())
        });
    }
    if let Some(service) = source.media() {
        return read_into(source, reader, media::Media::new(service), |c| {
            Summary::Media(c.finish())
        });
    }
    #[cfg(feature = "energy")]
    if source.energy() {
        return read_into(source, reader, energy::Energy::default(), |c| {
            Summary::Energy(c.finish())
        });
    }
    #[cfg(feature = "chat")]
    if source.chat() {
        return read_into(source, reader, chat::Chat::default(), |c| {
            Summary::Chat(c.finish())
        });
    }
    #[cfg(feature = "money")]
    if let Some(format) = source.money() {
        return read_into(source, reader, money::Money::new(format), |c| {
            Summary::Money(c.finish())
        });
    }
    #[cfg(feature = "activity")]
    if source.activity() {
        return read_into(source, reader, activity::Activity::default(), |c| {
            Summary::Activity(c.finish())
        });
    }
    #[cfg(feature = "health")]
    if let Some(app) = source.health() {
        return read_into(source, reader, health::Health::new(app), |c| {
            Summary::Health(c.finish())
        });
    }
    let mut locations = location::Locations::default();
    if memory == Memory::Map {
        locations.keep_points();
    }
    let error = source.read(reader, &mut locations);
    let (summary, kept) = locations.finish_kept();
    (Summary::Positions(summary), error, Some(kept))
}

fn count_rest(reader: &mut dyn Read) -> std::io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The sentence of finding `id` in `lang`, for the tests of the findings; panics, naming the
/// finding, when there is none.
#[cfg(test)]
pub(crate) fn said(found: &[Finding], id: &str, lang: crate::i18n::Lang) -> String {
    found
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no finding {id}"))
        .text
        .get(lang)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weekday_span_is_the_longest_run_of_hours_mostly_away() {
        let mut away = [[Some(0); 24]; 7];
        // Out 8–9 and 17–18 on weekdays (a school run), out all evening 19–23.
        for day in away.iter_mut().take(5) {
            for h in [8, 17, 19, 20, 21, 22, 23] {
                day[h] = Some(80);
            }
        }
        let routine = Routine {
            days: 7,
            weekdays: 5,
            leave: None,
            back: None,
            away,
        };
        assert_eq!(weekday_span(&routine), Some((19, 23)));
        // Said as "from 19:00 to 24:00", not "to 0:00".
        let text = routine_sentence(Lang::En, None, 5, weekday_span(&routine), 7);
        assert!(text.contains("from 19:00 to 24:00"), "{text}");
        let none = Routine {
            away: [[Some(10); 24]; 7],
            ..routine
        };
        assert_eq!(weekday_span(&none), None);
    }

    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("gone"))
        }
    }

    #[test]
    fn files_are_unknown_until_a_source_claims_them() {
        let r = describe(
            "Takeout/Records.json",
            Some(16),
            &mut &br#"{"locations":[]}"#[..],
        );
        assert_eq!(r.file.path, "Takeout/Records.json");
        assert_eq!(r.file.size, 16);
        assert_eq!(r.kind, Kind::Unknown);
        assert!(r.error.is_none());
    }

    #[test]
    fn empty_and_unreadable_files_get_a_clear_error_not_a_panic() {
        let r = describe("empty.json", Some(0), &mut &b""[..]);
        assert_eq!(r.error, Some(ErrorKind::Empty));
        let r = describe("gone.json", Some(10), &mut Broken);
        assert_eq!(r.error, Some(ErrorKind::Unreadable));
        assert_eq!(r.file.size, 10);
    }

    #[test]
    fn a_recognised_file_is_read_whole_into_a_summary() {
        let json = br#"{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}]}"#;
        // Size unknown (a gzip stream): the source reads it, and it is counted too.
        let r = describe("Records.json", None, &mut &json[..]);
        assert_eq!(r.kind, Kind::Source("google.records".into()));
        assert_eq!(r.confidence, Some(95));
        assert_eq!(r.file.size, json.len() as u64);
        assert!(matches!(r.summary, Some(Summary::Positions(ref p)) if p.count == 1));
        assert_eq!(r.error, None);
    }

    #[test]
    fn devices_and_activity_guesses_in_plain_words() {
        use crate::model::location::{Device, LocationSink};
        let mut locations = location::Locations::default();
        let at = LatLng::from_degrees(46.16, -1.15).unwrap();
        // 4 positions: 3 from an Android phone, 1 with no tag; 8 guesses.
        for (i, tag) in [Some(-5), Some(-5), None, Some(-5)].into_iter().enumerate() {
            locations.fix(
                crate::model::location::Fix {
                    time: 1_600_000_000_000 + i64::try_from(i).unwrap() * 60_000,
                    at,
                },
                "GPS",
            );
            if let Some(tag) = tag {
                locations.fix_device(tag, Some("ANDROID"), Some("PHONE"));
            }
        }
        for kind in [
            "STILL",
            "STILL",
            "still",
            "STILL",
            "IN_VEHICLE",
            "IN_VEHICLE",
            "ON_FOOT",
            "HOVERING",
        ] {
            locations.activity_guess(kind);
        }
        let p = locations.finish();
        assert_eq!(
            p.devices,
            [Device {
                tag: "-5".into(),
                platform: Some("ANDROID".into()),
                form_factor: Some("PHONE".into()),
                positions: 3,
                ..Device::default()
            }]
        );
        let found = findings(
            &Kind::Source("google.records".into()),
            &Summary::Positions(p),
        );
        let text = |id: &str| {
            let f = found.iter().find(|f| f.id == id).unwrap();
            (f.text.fr.clone(), f.text.en.clone())
        };
        assert_eq!(
            text("devices"),
            (
                "Google a noté, pour 3 des 4\u{a0}positions, l'appareil qui l'a enregistrée\u{a0}: \
                 un seul appareil (téléphone Android)."
                    .to_owned(),
                "Google noted, for 3 of the 4 positions, the device that recorded it: a single \
                 device (Android phone)."
                    .to_owned()
            )
        );
        assert_eq!(
            text("activity_guesses"),
            (
                "Google a deviné ce que vous faisiez 8\u{a0}fois\u{a0}: le plus souvent immobile \
                 (50\u{a0}%), en véhicule (25\u{a0}%), hovering (13\u{a0}%) et à pied (13\u{a0}%)."
                    .to_owned(),
                "Google guessed what you were doing 8 times: mostly still (50%), in a vehicle \
                 (25%), hovering (13%) and on foot (13%)."
                    .to_owned()
            )
        );
    }

    #[test]
    fn many_devices_and_the_settings_file_in_plain_words() {
        use crate::model::location::LocationSink;
        let mut locations = location::Locations::default();
        let at = LatLng::from_degrees(46.16, -1.15).unwrap();
        // 70 devices: 64 kept apart, the positions of the last 6 counted together.
        for tag in 0..70_i64 {
            let n = if tag == 0 { 100 } else { 1 };
            for _ in 0..n {
                locations.fix(crate::model::location::Fix { time: 0, at }, "");
                locations.fix_device(tag, None, None);
            }
        }
        let p = locations.finish();
        assert_eq!(p.devices.len(), 65);
        assert_eq!(
            (p.devices[0].tag.as_str(), p.devices[0].positions),
            ("0", 100)
        );
        assert_eq!(
            (p.devices[64].tag.as_str(), p.devices[64].positions),
            ("other", 6)
        );
        let found = findings(
            &Kind::Source("google.records".into()),
            &Summary::Positions(p),
        );
        let devices = found.iter().find(|f| f.id == "devices").unwrap();
        assert_eq!(
            devices.text.en,
            "Google noted, for every position, the device that recorded it: 65 devices, device \
             of unknown type (59%), device of unknown type (1%), device of unknown type (1%), \
             device of unknown type (1%) and 61 other devices."
        );
        // The settings fixture, read end to end (no real sample exists).
        let bytes = crate::sources::fixture("google.settings", "Settings.json");
        let r = describe(
            "Takeout/Location History/Settings.json",
            None,
            &mut &bytes[..],
        );
        assert_eq!(r.kind, Kind::Source("google.settings".into()));
        assert_eq!(r.error, None);
        let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["devices", "history_settings"]);
        assert_eq!(
            r.findings[0].text.en,
            "Google's Location History settings list 3 linked devices: Pixel 7 (Android, since \
             2023-01-12, location reporting on), Galaxy S9 (Android, since 2018-06-03, location \
             reporting off), iPad (iOS, since 2020-05-01, location reporting off)."
        );
        assert_eq!(
            r.findings[0].text.fr,
            "Les réglages de l'historique des positions de Google listent 3\u{a0}appareils \
             liés\u{a0}: Pixel 7 (Android, depuis le 2023-01-12, envoi des positions activé), \
             Galaxy S9 (Android, depuis le 2018-06-03, envoi des positions désactivé), iPad (iOS, \
             depuis le 2020-05-01, envoi des positions désactivé)."
        );
        assert_eq!(
            r.findings[1].text.en,
            "Location History was on when this export was made, and set to delete positions \
             after 540 days (about 18 months). Its settings date from 2014-03-02."
        );
        assert_eq!(
            r.findings[1].text.fr,
            "L'historique des positions était activé au moment de l'export, et réglé pour \
             supprimer les positions au bout de 540\u{a0}jours (environ 18\u{a0}mois). Ses \
             réglages datent du 2014-03-02."
        );
        for f in &r.findings {
            assert_ne!(f.why.en, crate::i18n::finding_why(Lang::En, "none"));
        }
    }

    #[test]
    fn an_unknown_size_is_counted_to_the_end() {
        let data = vec![b'x'; 100_000];
        let r = describe("big.txt", None, &mut &data[..]);
        assert_eq!(r.file.size, 100_000);
        assert!(r.error.is_none());
        assert_eq!(
            describe("none.txt", None, &mut &b""[..]).error,
            Some(ErrorKind::Empty)
        );
    }
}
