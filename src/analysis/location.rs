//! Location findings, built from what the location sources hand over.
//!
//! [`Locations`] is the sink every location source writes into. It keeps aggregates only (summary
//! mode): memory does not grow with the number of positions.

use std::collections::{BTreeMap, BTreeSet};

use super::day::Kept;
use crate::model::location::{
    Device, Fix, HistorySettings, LatLng, LocationSink, Mode, Move, PlaceLabel, ServicePlace,
    Visit, MAX_DEVICES,
};
use crate::model::points::PointStore;
use crate::model::time::{format_iso, Millis};
use crate::model::{BoundingBox, PositionSummary};

/// Aggregates of every position read.
#[derive(Debug, Default)]
pub struct Locations {
    count: u64,
    skipped: u64,
    visits: u64,
    moves: u64,
    first: Option<Millis>,
    last: Option<Millis>,
    bbox: Option<BoundingBox>,
    sources: Tally,
    /// Days since 1970 (UTC) with a position: a few thousand for a decade.
    days: BTreeSet<i64>,
    /// The day of the last position, already in `days` (positions come mostly in order).
    last_day: Option<i64>,
    previous: Option<Millis>,
    /// Sum and number of the gaps of at most [`MAX_GAP`] between consecutive positions.
    gaps: (i64, i64),
    nights: super::home::Presence,
    places: super::places::Places,
    stays: super::places::Stays,
    service_home: Option<LatLng>,
    service_work: Option<LatLng>,
    affinities: BTreeMap<Mode, f64>,
    activity_guesses: Tally,
    /// The devices named, with their tag as a number when it is one; positions past
    /// [`MAX_DEVICES`] devices are counted in `other_devices`.
    devices: Vec<(Option<i64>, Device)>,
    other_devices: u64,
    /// The device of the last fix, to find it again without a search.
    last_device: usize,
    history_settings: Option<HistorySettings>,
    /// Every position, in map mode only.
    points: Option<PointStore>,
    trips: super::trips::Trips,
    countries: super::countries::Countries,
    density: super::density::Density,
}

/// The most positions kept in map mode: 30 to 80 MB at 3 to 8 bytes each, a 3.5 GB
/// `Records.json`. A larger file keeps none (its day view has no path), so that a tablet's memory is not all spent.
pub const MAX_POINTS: u64 = 10_000_000;

/// Longer gaps are pauses in recording, not its pace.
pub const MAX_GAP: Millis = 3_600_000;

/// Distinct names counted apart in a tally (`sources`, `activity_guesses`); any more are counted
/// under `OTHER`, so that memory stays bounded whatever the file holds.
pub const MAX_NAMES: usize = 64;

/// Counts one more `name` in `tally`, upper-cased: `GPS` and `gps` are counted together.
/// Returns the key it was counted under.
fn tally(tally: &mut BTreeMap<String, u64>, name: &str) -> String {
    let key = match tally.keys().find(|k| k.eq_ignore_ascii_case(name)) {
        Some(key) => key.clone(),
        None if tally.len() < MAX_NAMES => name.to_ascii_uppercase(),
        None => "OTHER".to_owned(),
    };
    *tally.entry(key.clone()).or_default() += 1;
    key
}

/// A [`tally`] of names that come over and over (a file names the same few sources and
/// activities on every record): the first time a name comes as written, it is counted as
/// [`tally`] counts it, and its key kept beside it; after that, only the count of the name as
/// written grows, added to its key at the end. Finding a name among the keys, without case, cost
/// more than all the rest of the counting. The same counts, in the same keys.
#[derive(Debug, Default)]
struct Tally {
    names: BTreeMap<String, u64>,
    /// Names as written (at most [`RECENT`]), the key each was counted under, and how many
    /// more times each came since.
    recent: Vec<(String, String, u64)>,
}

/// Names as written that [`Tally`] keeps apart; any others are counted by [`tally`] each time.
const RECENT: usize = 16;

impl Tally {
    fn add(&mut self, name: &str) {
        for (written, _, n) in &mut self.recent {
            if written == name {
                *n += 1;
                return;
            }
        }
        let key = tally(&mut self.names, name);
        if self.recent.len() < RECENT {
            self.recent.push((name.to_owned(), key, 0));
        }
    }

    fn finish(mut self) -> BTreeMap<String, u64> {
        for (_, key, n) in self.recent {
            if let Some(count) = self.names.get_mut(&key) {
                *count += n;
            }
        }
        self.names
    }
}

/// The mean gap in whole seconds, from a sum and a count of gaps in milliseconds.
pub fn mean_interval_s(sum_ms: i64, gaps: i64) -> Option<u64> {
    (gaps > 0).then(|| u64::try_from((sum_ms / gaps + 500) / 1000).unwrap_or(0))
}

/// A location file holds no social data.
impl crate::model::social::SocialSink for Locations {}
impl crate::model::media::MediaSink for Locations {}
impl crate::model::energy::EnergySink for Locations {}
impl crate::model::chat::ChatSink for Locations {}
impl crate::model::money::MoneySink for Locations {}
impl crate::model::activity::ActivitySink for Locations {}
impl crate::model::health::HealthSink for Locations {}

impl LocationSink for Locations {
    fn fix(&mut self, fix: Fix, source: &str) {
        let (lat, lng) = (fix.at.lat(), fix.at.lng());
        self.count += 1;
        if let Some(points) = self.points.as_mut() {
            if points.len() >= MAX_POINTS {
                // Past the cap, no path at all rather than part of one: the day view says so.
                self.points = None;
            } else {
                points.push(fix);
            }
        }
        match self.bbox.as_mut() {
            Some(bbox) => bbox.include(lat, lng),
            None => self.bbox = Some(BoundingBox::around(lat, lng)),
        }
        let day = fix.time.div_euclid(86_400_000);
        if self.last_day != Some(day) {
            self.days.insert(day);
            self.last_day = Some(day);
        }
        self.nights.fix(fix.at, fix.time);
        self.stays.fix(fix.at, fix.time);
        self.trips.fix(fix, source);
        self.countries.fix(fix.at, fix.time);
        self.density.fix(fix.at);
        // Written without `Option`'s combinators, which a build for size leaves as calls.
        if let Some(previous) = self.previous {
            let gap = fix.time - previous;
            #[allow(clippy::manual_range_contains)] // `contains` would be a call here
            if gap >= 0 && gap <= MAX_GAP {
                self.gaps.0 += gap;
                self.gaps.1 += 1;
            }
        }
        self.previous = Some(fix.time);
        match self.first {
            Some(first) if first <= fix.time => {}
            _ => self.first = Some(fix.time),
        }
        match self.last {
            Some(latest) if latest >= fix.time => {}
            _ => self.last = Some(fix.time),
        }
        let source = if source.is_empty() { "UNKNOWN" } else { source };
        self.sources.add(source);
    }

    fn visit(&mut self, visit: &Visit) {
        self.visits += 1;
        self.nights.visit(visit);
        self.places.visit(visit);
        self.days.insert(visit.start.div_euclid(86_400_000));
    }

    fn movement(&mut self, movement: &Move) {
        self.moves += 1;
        self.nights.movement(movement);
        self.trips.movement(movement);
        self.days.insert(movement.start.div_euclid(86_400_000));
    }

    fn service_place(&mut self, place: &ServicePlace) {
        let slot = match place.label {
            PlaceLabel::Home | PlaceLabel::InferredHome => &mut self.service_home,
            PlaceLabel::Work | PlaceLabel::InferredWork => &mut self.service_work,
            _ => return,
        };
        if slot.is_none() {
            *slot = place.at;
        }
    }

    fn affinity(&mut self, mode: Mode, affinity: f64) {
        if affinity.is_finite() && (0.0..=1.0).contains(&affinity) {
            self.affinities.insert(mode, affinity);
        }
    }

    fn skipped(&mut self) {
        self.skipped += 1;
    }

    fn activity_guess(&mut self, kind: &str) {
        self.activity_guesses.add(kind);
        self.trips.guess(kind);
    }

    fn fix_device(&mut self, tag: i64, platform: Option<&str>, form_factor: Option<&str>) {
        let found = match self.devices.get(self.last_device) {
            Some((Some(t), _)) if *t == tag => Some(self.last_device),
            _ => self.devices.iter().position(|(t, _)| *t == Some(tag)),
        };
        let index = match found {
            Some(index) => index,
            None if self.devices.len() < MAX_DEVICES => {
                self.devices.push((
                    Some(tag),
                    Device {
                        tag: tag.to_string(),
                        ..Device::default()
                    },
                ));
                self.devices.len() - 1
            }
            None => {
                self.other_devices += 1;
                return;
            }
        };
        self.last_device = index;
        if let Some((_, device)) = self.devices.get_mut(index) {
            device.positions += 1;
            if device.platform.is_none() {
                device.platform = platform.map(str::to_ascii_uppercase);
            }
            if device.form_factor.is_none() {
                device.form_factor = form_factor.map(str::to_ascii_uppercase);
            }
        }
    }

    fn device(&mut self, device: &Device) {
        let tag = device.tag.trim().parse::<i64>().ok();
        let same = |(t, d): &(Option<i64>, Device)| match (t, tag) {
            (Some(a), Some(b)) => *a == b,
            _ => d.tag == device.tag,
        };
        if let Some((_, known)) = self.devices.iter_mut().find(|d| same(d)) {
            let positions = known.positions;
            *known = Device {
                positions,
                ..device.clone()
            };
        } else if self.devices.len() < MAX_DEVICES {
            self.devices.push((tag, device.clone()));
        }
    }

    fn history_settings(&mut self, settings: &HistorySettings) {
        self.history_settings = Some(settings.clone());
    }
}

impl Locations {
    /// Map mode: keep every position as well (3 to 8 bytes each).
    pub fn keep_points(&mut self) {
        self.points.get_or_insert_with(PointStore::default);
    }

    /// The summary shown for a location file and written in the report.
    pub fn finish(self) -> PositionSummary {
        self.finish_kept().0
    }

    /// The summary, and what is kept for the day view and corrections: the trips one by one,
    /// the nights and working hours home and work were found from, and the positions in map mode.
    pub fn finish_kept(mut self) -> (PositionSummary, Kept) {
        let mut points = self.points.take();
        if let Some(p) = points.as_mut() {
            p.shrink();
        }
        let density = self.density.finish();
        let home = self.nights.home();
        let work = self.nights.work(home.as_ref());
        let routine = self.nights.routine(home.as_ref());
        let journal = self
            .trips
            .journal(home.as_ref(), work.as_ref(), self.nights);
        // The stays the export lists, or else those found in its positions.
        let (places, sensitive_places) = if self.visits > 0 || self.stays.is_empty() {
            self.places.finish()
        } else {
            self.stays.finish().finish()
        };
        let summary = PositionSummary {
            places,
            sensitive_places,
            count: self.count,
            first: self.first.map(format_iso),
            last: self.last.map(format_iso),
            bbox: self.bbox,
            sources: self.sources.finish(),
            skipped: self.skipped,
            visits: self.visits,
            moves: self.moves,
            days: self.days.len() as u64,
            days_seen: crate::model::time::DayRuns::from_sorted(self.days.iter().copied()),
            interval_s: mean_interval_s(self.gaps.0, self.gaps.1),
            routine,
            trips: journal.summary(),
            countries: self.countries.finish(),
            towns: density
                .as_ref()
                .map_or_else(Vec::new, super::density::towns),
            density,
            home,
            work,
            service_home: self.service_home,
            service_work: self.service_work,
            affinities: self.affinities,
            activity_guesses: self.activity_guesses.finish(),
            devices: Self::devices(self.devices, self.other_devices),
            history_settings: self.history_settings,
        };
        (summary, Kept::new(journal, points))
    }

    /// The devices, most positions first (those listed without positions keep their order),
    /// and the positions of the devices past the cap, together.
    fn devices(devices: Vec<(Option<i64>, Device)>, other: u64) -> Vec<Device> {
        let mut devices: Vec<Device> = devices.into_iter().map(|(_, d)| d).collect();
        devices.sort_by_key(|d| std::cmp::Reverse(d.positions));
        if other > 0 {
            devices.push(Device {
                tag: "other".to_owned(),
                positions: other,
                ..Device::default()
            });
        }
        devices
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::LatLng;

    /// The tally that keeps names as written apart counts what counting each name at once
    /// counts: names in other cases, more names than it keeps apart, more than the tally holds.
    #[test]
    fn a_tally_counts_as_counting_each_name_at_once() {
        let mut names: Vec<String> = ["GPS", "gps", "WIFI", "Gps", "CELL", "wifi", "UNKNOWN"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        for n in 0..100 {
            names.push(format!("source{}", n % 80));
            names.push(if n % 3 == 0 { "GPS" } else { "cell" }.to_owned());
            names.push(format!("SOURCE{}", n % 7));
        }
        let mut at_once = BTreeMap::new();
        let mut kept = Tally::default();
        for name in &names {
            tally(&mut at_once, name);
            kept.add(name);
        }
        assert!(at_once.contains_key("OTHER"), "{at_once:?}");
        assert_eq!(at_once.len(), MAX_NAMES + 1);
        assert_eq!(kept.finish(), at_once);
    }

    #[test]
    fn positions_are_counted_bounded_and_grouped_by_how_they_were_located() {
        let mut locations = Locations::default();
        let at = |lat, lng| LatLng::from_degrees(lat, lng).unwrap();
        locations.fix(
            Fix {
                time: 2_000,
                at: at(48.5, 2.3),
            },
            "WIFI",
        );
        locations.fix(
            Fix {
                time: 1_000,
                at: at(-0.1, -0.1),
            },
            "gps",
        );
        locations.fix(
            Fix {
                time: 3_000,
                at: at(45.0, 5.0),
            },
            "GPS",
        );
        locations.fix(
            Fix {
                time: 2_500,
                at: at(45.0, 5.0),
            },
            "",
        );
        locations.skipped();
        let s = locations.finish();
        assert_eq!((s.count, s.skipped), (4, 1));
        // Gaps in the order handed over: -1 s (out of order, left out), +2 s, -0.5 s: one gap.
        assert_eq!((s.days, s.interval_s), (1, Some(2)));
        assert_eq!(s.first.as_deref(), Some("1970-01-01T00:00:01.000Z"));
        assert_eq!(s.last.as_deref(), Some("1970-01-01T00:00:03.000Z"));
        let bbox = s.bbox.unwrap();
        assert_eq!(
            (bbox.south, bbox.west, bbox.north, bbox.east),
            (-0.1, -0.1, 48.5, 5.0)
        );
        let sources: Vec<(&str, u64)> = s.sources.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(sources, [("GPS", 2), ("UNKNOWN", 1), ("WIFI", 1)]);
    }

    #[test]
    fn days_and_pace_leave_pauses_out() {
        let mut locations = Locations::default();
        let at = LatLng::from_degrees(46.16, -1.15).unwrap();
        let day = 86_400_000;
        // Every 2 minutes for an hour, a pause of 3 days, every 2 minutes again.
        for start in [0, 3 * day] {
            for i in 0..30 {
                locations.fix(
                    Fix {
                        time: start + i * 120_000,
                        at,
                    },
                    "GPS",
                );
            }
        }
        let s = locations.finish();
        assert_eq!((s.count, s.days, s.interval_s), (60, 2, Some(120)));
    }
}
