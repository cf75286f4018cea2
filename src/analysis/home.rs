//! Probable home: the place where the person is at night, in local time.
//!
//! Every position between 00:00 and 06:00 local time (the time zone of the position, daylight
//! saving included: [`crate::model::tz`]) is counted in a cell of about 150 m; each night's place is
//! its most seen cell, and home is the place of most nights (a cell and its eight neighbours, so
//! that a home on a cell's edge is not split in two). Stays that cover the night count too.
//!
//! The answer says how sure it is, and why not: few nights; nights split between two places; or
//! weekday and weekend nights at different places (night work, a second home). A confident wrong
//! answer is worse than an honest "low confidence".

use std::collections::HashMap;

use super::fxhash::FxHashMap;
use super::routine::Timeline;
pub use crate::model::location::{Confidence, Doubt, Home, Work};
use crate::model::location::{LatLng, Move, Routine, Visit};
use crate::model::time::Millis;
use crate::model::tz;

/// Cell size in E7 units: 0.0015°, about 167 m of latitude (and 105–120 m of longitude in France).
const CELL_E7: i32 = 15_000;
const DAY: Millis = 86_400_000;
/// Night, in local time: from midnight to 06:00.
const NIGHT_END: Millis = 6 * 3_600_000;

pub(super) type Cell = (i32, i32);

pub(super) fn cell_of(at: LatLng) -> Cell {
    (at.lat_e7.div_euclid(CELL_E7), at.lng_e7.div_euclid(CELL_E7))
}

/// Local time at positions, with the zone and the offset remembered between calls: positions come
/// in time order, mostly in the same place, so the lookups are rarely made.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Clock {
    zone: Option<((i32, i32), Option<&'static str>)>,
    offset: Option<((usize, i64), i64)>,
}

impl Clock {
    pub(super) fn local(&mut self, at: LatLng, utc: Millis) -> Millis {
        // Zones change at most every 0.1° (the grid's cell).
        let key = (
            at.lat_e7.div_euclid(1_000_000),
            at.lng_e7.div_euclid(1_000_000),
        );
        let zone = match self.zone {
            Some((k, zone)) if k == key => zone,
            _ => {
                let zone = tz::zone_at(at.lat(), at.lng());
                self.zone = Some((key, zone));
                zone
            }
        };
        let Some(zone) = zone else {
            return tz::local_millis(at.lat(), at.lng(), utc);
        };
        // Offsets change on the hour (UTC) at the earliest.
        let key = (zone.as_ptr() as usize, utc.div_euclid(3_600_000));
        let minutes = match self.offset {
            Some((k, minutes)) if k == key => minutes,
            _ => {
                let minutes = tz::utc_offset_minutes(zone, utc).map_or(0, i64::from);
                self.offset = Some((key, minutes));
                minutes
            }
        };
        utc + minutes * 60_000
    }
}

/// The most seen cells of one night, counted with the Space-Saving algorithm: a fixed number of
/// counters, so that a night of GPS noise over many cells costs no more than a quiet one. The
/// most seen cell is always right when it holds more than 1/[`TOP`] of the night's weight.
const TOP: usize = 6;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counter {
    cell: Cell,
    weight: u32,
    /// Sums of the positions counted, for the mean position.
    lat: i64,
    lng: i64,
    n: u32,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct DayCounters {
    counters: Vec<Counter>,
}

impl DayCounters {
    fn add(&mut self, cell: Cell, at: LatLng, weight: u32) {
        let index = match self.counters.iter().position(|c| c.cell == cell) {
            Some(i) => i,
            None if self.counters.len() < TOP => {
                self.counters.push(Counter {
                    cell,
                    ..Counter::default()
                });
                self.counters.len() - 1
            }
            None => {
                // Replace the smallest counter, which keeps its weight (Space-Saving).
                let Some((i, smallest)) = self
                    .counters
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, c)| c.weight)
                else {
                    return;
                };
                let weight = smallest.weight;
                if let Some(c) = self.counters.get_mut(i) {
                    *c = Counter {
                        cell,
                        weight,
                        ..Counter::default()
                    };
                }
                i
            }
        };
        if let Some(c) = self.counters.get_mut(index) {
            c.weight += weight;
            c.lat += i64::from(at.lat_e7) * i64::from(weight);
            c.lng += i64::from(at.lng_e7) * i64::from(weight);
            c.n += weight;
        }
    }

    /// The night's place.
    fn top(&self) -> Option<&Counter> {
        self.counters
            .iter()
            .max_by_key(|c| (c.weight, std::cmp::Reverse(c.cell)))
    }
}

/// What is kept to find home and work: the most seen cells of each night and each weekday (a few thousand for a
/// decade, a few counters each).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Presence {
    clock: Clock,
    /// Local day number → that night's counters.
    nights: FxHashMap<i64, DayCounters>,
    /// Local day number → counters of that weekday's working hours (09:00–17:00, Monday–Friday).
    workdays: FxHashMap<i64, DayCounters>,
    /// Where the person was, ten minutes at a time: the routine, and the time spent at each place.
    timeline: Timeline,
}

/// What the person said of places (the day view's corrections).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    /// Their home, and their place of work or study, where they said so.
    pub home: Option<LatLng>,
    pub work: Option<LatLng>,
    /// Someone else's home (family, friends): neither home nor work.
    pub others_homes: Vec<LatLng>,
    /// Neither their home nor their work.
    pub not_mine: Vec<LatLng>,
}

impl Said {
    /// Cells that cannot be home.
    fn not_home(&self) -> Vec<Cell> {
        let work = self.work.iter();
        let others = self.others_homes.iter().chain(&self.not_mine);
        work.chain(others).copied().map(cell_of).collect()
    }

    /// Cells that cannot be work.
    fn not_work(&self) -> Vec<Cell> {
        let home = self.home.iter();
        let others = self.others_homes.iter().chain(&self.not_mine);
        home.chain(others).copied().map(cell_of).collect()
    }
}

/// Working hours, in local time.
const WORK_HOURS: (Millis, Millis) = (9 * 3_600_000, 17 * 3_600_000);

/// Monday to Friday, from a local day number (1970-01-01 was a Thursday).
fn is_weekday(day: i64) -> bool {
    (day + 3).rem_euclid(7) < 5
}

/// Each day's most seen cell.
fn daily_tops(days: &FxHashMap<i64, DayCounters>) -> HashMap<i64, Counter> {
    days.iter()
        .filter_map(|(&day, counters)| Some((day, *counters.top()?)))
        .collect()
}

pub(super) fn near(a: Cell, b: Cell) -> bool {
    (a.0 - b.0).abs() <= 1 && (a.1 - b.1).abs() <= 1
}

/// How many of the counted cells are [`near`] `c`: the counts of `c` and its eight neighbours.
fn around<S: std::hash::BuildHasher>(counts: &HashMap<Cell, u64, S>, c: Cell) -> u64 {
    (-1..=1)
        .flat_map(|a| (-1..=1).map(move |b| (c.0 + a, c.1 + b)))
        .filter_map(|n| counts.get(&n))
        .sum()
}

/// How many times each cell comes in `cells`, for [`around`]: a count of the cells near one
/// place in nine lookups, instead of a pass over them all for each place.
fn cell_counts(cells: impl Iterator<Item = Cell>) -> FxHashMap<Cell, u64> {
    let mut counts = FxHashMap::default();
    for cell in cells {
        *counts.entry(cell).or_insert(0) += 1;
    }
    counts
}

/// Where a place the person named is: the mean of the `seen` day tops near it, else where they
/// said (rounded to 0.001° either way).
fn where_said(tops: &HashMap<i64, Counter>, at: LatLng, seen: u64) -> (f64, f64) {
    if seen > 0 {
        mean_near(tops, cell_of(at))
    } else {
        let round = |degrees: f64| (degrees * 1000.0).round() / 1000.0;
        (round(at.lat()), round(at.lng()))
    }
}

/// The mean position of the day tops near `cell`, rounded to 0.001°.
fn mean_near(tops: &HashMap<i64, Counter>, cell: Cell) -> (f64, f64) {
    let (mut lat, mut lng, mut n) = (0_i64, 0_i64, 0_i64);
    for top in tops.values().filter(|c| near(c.cell, cell)) {
        (lat, lng, n) = (lat + top.lat, lng + top.lng, n + i64::from(top.n));
    }
    let round = |e7_sum: i64| {
        #[allow(clippy::cast_precision_loss)] // sums of E7 values fit f64 closely enough
        let degrees = e7_sum as f64 / n.max(1) as f64 / 1e7;
        (degrees * 1000.0).round() / 1000.0
    };
    (round(lat), round(lng))
}

impl Presence {
    pub fn fix(&mut self, at: LatLng, utc: Millis) {
        let local = self.clock.local(at, utc);
        let (day, time) = (local.div_euclid(DAY), local.rem_euclid(DAY));
        self.timeline.at(local, cell_of(at));
        if time < NIGHT_END {
            self.add(day, at, 1);
        } else if is_weekday(day) && (WORK_HOURS.0..WORK_HOURS.1).contains(&time) {
            self.workdays
                .entry(day)
                .or_default()
                .add(cell_of(at), at, 1);
        }
    }

    pub fn visit(&mut self, visit: &Visit) {
        let Some(at) = visit.at else {
            return;
        };
        let (start, end) = (
            self.clock.local(at, visit.start),
            self.clock.local(at, visit.end.max(visit.start)),
        );
        self.timeline.stay(start, end, cell_of(at));
        // Each night the stay covers for at least an hour counts as a night there (a month of
        // nights at most, for a stay with a wrong end).
        let first = start.div_euclid(DAY);
        for day in first..=end.div_euclid(DAY).min(first + 31) {
            let night = (day * DAY, day * DAY + NIGHT_END);
            let covered = end.min(night.1) - start.max(night.0);
            if covered >= 3_600_000 {
                self.add(day, at, 30);
            }
        }
    }

    /// A move: the time it covers is time away from wherever the person was.
    pub fn movement(&mut self, movement: &Move) {
        let Some(at) = movement.from.or(movement.to) else {
            return;
        };
        let start = self.clock.local(at, movement.start);
        let end = self.clock.local(at, movement.end.max(movement.start));
        self.timeline.moving(start, end);
    }

    /// The weekday routine around `home`: none when home is not named (under 3 nights) or when
    /// the place of the nights is probably not home (night work every night).
    pub fn routine(&self, home: Option<&Home>) -> Option<Routine> {
        let home = home
            .filter(|h| h.nights_total >= 3 && h.doubt != Some(Doubt::DaytimeElsewhere))
            .and_then(|h| LatLng::from_degrees(h.lat, h.lng))?;
        self.timeline.routine(cell_of(home))
    }

    /// Whether another place holds clearly more of the person's time than the place of their
    /// nights: then the nights are likely spent at work (night shifts every night).
    fn daytime_elsewhere(&self, night: Cell) -> bool {
        let time = self.timeline.time_by_place();
        let at_night = around(&time, night);
        let elsewhere = time
            .keys()
            .filter(|c| (c.0 - night.0).abs() > 2 || (c.1 - night.1).abs() > 2)
            .map(|&c| around(&time, c))
            .max()
            .unwrap_or(0);
        elsewhere * 4 > at_night * 5
    }

    fn add(&mut self, day: i64, at: LatLng, weight: u32) {
        self.nights
            .entry(day)
            .or_default()
            .add(cell_of(at), at, weight);
    }

    /// The probable home, if there was any night position.
    pub fn home(&self) -> Option<Home> {
        self.home_as_said(&Said::default())
    }

    /// The probable home, once the person has said where it is, or where it is not: a place they
    /// named home is home (as sure as can be); places they said were not theirs, or their work,
    /// are never taken for it.
    pub fn home_as_said(&self, said: &Said) -> Option<Home> {
        // Each night's place: its most seen cell.
        let nightly = daily_tops(&self.nights);
        let total = nightly.len() as u64;
        let places: Vec<(i64, Cell)> = nightly.iter().map(|(&d, c)| (d, c.cell)).collect();
        // The nights (those `filter` keeps) spent in each cell.
        let counts = |filter: &dyn Fn(i64) -> bool| {
            cell_counts(places.iter().filter(|(d, _)| filter(*d)).map(|p| p.1))
        };
        let all = |_: i64| true;
        let every_night = counts(&all);
        if let Some(at) = said.home {
            let nights = around(&every_night, cell_of(at));
            let (lat, lng) = where_said(&nightly, at, nights);
            return Some(Home {
                lat,
                lng,
                nights,
                nights_total: total,
                confidence: Confidence::High,
                doubt: None,
            });
        }
        let excluded = said.not_home();
        let allowed = |c: Cell| !excluded.iter().any(|x| near(*x, c));
        let mut candidates: Vec<Cell> =
            places.iter().map(|p| p.1).filter(|c| allowed(*c)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best_of = |counts: &FxHashMap<Cell, u64>| {
            candidates
                .iter()
                .map(|&c| (around(counts, c), c))
                .max_by_key(|&(n, c)| (n, std::cmp::Reverse(c)))
        };
        let (nights, home) = best_of(&every_night)?;
        // The second place: the best away from home.
        let second = every_night
            .keys()
            .filter(|p| (p.0 - home.0).abs() > 2 || (p.1 - home.1).abs() > 2)
            .map(|&c| around(&every_night, c))
            .max()
            .unwrap_or(0);
        // Weekday nights (Monday–Friday mornings) against weekend ones (Saturday, Sunday).
        let weekend = |day: i64| matches!((day + 3).rem_euclid(7), 5 | 6);
        let weekday = |day: i64| !weekend(day);
        let split = match (best_of(&counts(&weekday)), best_of(&counts(&weekend))) {
            (Some((a, wd)), Some((b, we))) if a >= 3 && b >= 3 => !near(wd, we),
            _ => false,
        };
        #[allow(clippy::cast_precision_loss)] // night counts are small
        let (share, share2) = (nights as f64 / total as f64, second as f64 / total as f64);
        let (confidence, doubt) = if total < 7 {
            (Confidence::Low, Some(Doubt::FewNights))
        } else if split {
            (Confidence::Low, Some(Doubt::WeekdaysDiffer))
        } else if share2 >= 0.3 {
            (Confidence::Low, Some(Doubt::TwoPlaces))
        } else if self.daytime_elsewhere(home) {
            (Confidence::Low, Some(Doubt::DaytimeElsewhere))
        } else if share >= 0.6 && share2 < 0.2 && total >= 14 {
            (Confidence::High, None)
        } else if share >= 0.45 {
            (
                Confidence::Medium,
                Some(if total < 14 {
                    Doubt::FewNights
                } else {
                    Doubt::Scattered
                }),
            )
        } else {
            (Confidence::Low, Some(Doubt::Scattered))
        };
        let (lat, lng) = mean_near(&nightly, home);
        Some(Home {
            lat,
            lng,
            nights,
            nights_total: total,
            confidence,
            doubt,
        })
    }
}

impl Presence {
    /// The probable place of work or study: where the person spends most weekday working hours,
    /// away from home (more than about 300 m from it).
    pub fn work(&self, home: Option<&Home>) -> Option<Work> {
        self.work_as_said(home, &Said::default())
    }

    /// The probable place of work, once the person has said where it is, or where it is not
    /// (as [`Presence::home_as_said`]).
    pub fn work_as_said(&self, home: Option<&Home>, said: &Said) -> Option<Work> {
        let tops = daily_tops(&self.workdays);
        let total = tops.len() as u64;
        let counts = cell_counts(tops.values().map(|t| t.cell));
        let days_near = |c: Cell| around(&counts, c);
        if let Some(at) = said.work {
            let days = days_near(cell_of(at));
            let (lat, lng) = where_said(&tops, at, days);
            return Some(Work {
                lat,
                lng,
                days,
                days_total: total,
                confidence: Confidence::High,
                doubt: None,
            });
        }
        let home = home
            .and_then(|h| LatLng::from_degrees(h.lat, h.lng))
            .map(cell_of);
        let excluded = said.not_work();
        let away = |c: Cell| {
            home.is_none_or(|h| (c.0 - h.0).abs() > 2 || (c.1 - h.1).abs() > 2)
                && !excluded.iter().any(|x| near(*x, c))
        };
        let mut candidates: Vec<Cell> =
            tops.values().map(|c| c.cell).filter(|c| away(*c)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let (days, work) = candidates
            .into_iter()
            .map(|c| (days_near(c), c))
            .max_by_key(|&(n, c)| (n, std::cmp::Reverse(c)))?;
        #[allow(clippy::cast_precision_loss)] // day counts are small
        let share = days as f64 / total as f64;
        let (confidence, doubt) = if total < 10 {
            (Confidence::Low, Some(Doubt::FewNights))
        } else if share >= 0.5 {
            (Confidence::High, None)
        } else if share >= 0.3 {
            (Confidence::Medium, Some(Doubt::Scattered))
        } else {
            (Confidence::Low, Some(Doubt::Scattered))
        };
        let (lat, lng) = mean_near(&tops, work);
        Some(Work {
            lat,
            lng,
            days,
            days_total: total,
            confidence,
            doubt,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 3_600_000;
    /// 2024-02-01T00:00:00Z.
    const START: Millis = 1_706_745_600_000;
    /// 2024-03-31T01:00:00Z: France moves from UTC+1 to UTC+2.
    const SUMMER: Millis = 1_711_846_800_000;

    /// La Rochelle: a home, a workplace 3 km away, a second home, a park.
    fn place(name: &str) -> LatLng {
        let (lat, lng) = match name {
            "home" => (46.1603, -1.1511),
            "work" => (46.1450, -1.1700),
            "flat" => (46.1800, -1.1900),
            _ => (46.1550, -1.1300),
        };
        LatLng::from_degrees(lat, lng).unwrap()
    }

    /// A deterministic jitter of up to ±25 m.
    fn jitter(at: LatLng, i: i64) -> LatLng {
        let x = i
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let (a, b) = ((x >> 20) % 450, (x >> 40) % 650);
        LatLng {
            lat_e7: at.lat_e7 + i32::try_from(a - 225).unwrap(),
            lng_e7: at.lng_e7 + i32::try_from(b - 325).unwrap(),
        }
    }

    /// UTC from Paris wall-clock time, by the rule (independent of the code under test).
    fn utc(local: Millis) -> Millis {
        let winter = local - HOUR;
        if winter >= SUMMER {
            local - 2 * HOUR
        } else {
            winter
        }
    }

    /// A person's days: `plan(day, weekday, local hour)` says where they are (or `None`: no
    /// position then). A position every 10 minutes.
    fn person(days: i64, plan: &dyn Fn(i64, i64, i64) -> Option<&'static str>) -> Presence {
        let mut nights = Presence::default();
        let first_day = START / DAY;
        for day in first_day..first_day + days {
            let weekday = (day + 3).rem_euclid(7);
            for step in 0..144 {
                let local = day * DAY + step * 600_000;
                if let Some(name) = plan(day, weekday, step / 6) {
                    nights.fix(jitter(place(name), step + day * 144), utc(local));
                }
            }
        }
        nights
    }

    fn office_worker(_: i64, weekday: i64, hour: i64) -> Option<&'static str> {
        match (weekday, hour) {
            (0..=4, 9..=16) => Some("work"),
            (5 | 6, 14..=16) => Some("park"),
            (_, 8 | 17) => None,
            _ => Some("home"),
        }
    }

    #[test]
    fn an_office_worker_is_found_at_home_through_the_change_to_summer_time() {
        let home = person(120, &office_worker).home().unwrap();
        let at = LatLng::from_degrees(home.lat, home.lng).unwrap();
        assert!(at.distance_m(place("home")) < 200.0, "{home:?}");
        assert_eq!((home.nights, home.nights_total), (120, 120));
        assert_eq!((home.confidence, home.doubt), (Confidence::High, None));
    }

    #[test]
    fn the_office_is_found_on_weekdays_and_a_person_at_home_all_day_has_none() {
        let nights = person(120, &office_worker);
        let home = nights.home();
        let work = nights.work(home.as_ref()).unwrap();
        let at = LatLng::from_degrees(work.lat, work.lng).unwrap();
        assert!(at.distance_m(place("work")) < 200.0, "{work:?}");
        // 2024-02-01 to 2024-05-30: 86 weekdays.
        assert_eq!((work.days, work.days_total), (86, 86));
        assert_eq!(work.confidence, Confidence::High);
        let at_home = person(60, &|_, _, _| Some("home"));
        assert_eq!(at_home.work(at_home.home().as_ref()), None);
    }

    #[test]
    fn a_night_worker_is_low_confidence_not_a_confident_wrong_answer() {
        // Monday to Friday mornings at work from 22:00 to 06:00, asleep at home until 15:00;
        // weekends at home.
        let plan = |_: i64, weekday: i64, hour: i64| match (weekday, hour) {
            (0..=4, 0..=5) | (0..=3, 22 | 23) => Some("work"),
            (_, 6) => None,
            _ => Some("home"),
        };
        let home = person(90, &plan).home().unwrap();
        assert_eq!(home.confidence, Confidence::Low);
        assert_eq!(home.doubt, Some(Doubt::WeekdaysDiffer));
    }

    #[test]
    fn a_night_worker_with_every_night_at_work_is_low_confidence_too() {
        // At work from 22:00 to 06:00 every night of the week, at home from 07:00 to 21:00.
        let plan = |_: i64, _: i64, hour: i64| match hour {
            0..=5 | 22 | 23 => Some("work"),
            6 | 21 => None,
            _ => Some("home"),
        };
        let home = person(60, &plan).home().unwrap();
        let at = LatLng::from_degrees(home.lat, home.lng).unwrap();
        // The place of the nights is work, and the answer says why it may not be home.
        assert!(at.distance_m(place("work")) < 200.0, "{home:?}");
        assert_eq!(home.confidence, Confidence::Low);
        assert_eq!(home.doubt, Some(Doubt::DaytimeElsewhere));
    }

    #[test]
    fn the_routine_holds_through_the_change_to_summer_time_and_needs_a_named_home() {
        let nights = person(120, &office_worker);
        let routine = nights.routine(nights.home().as_ref()).unwrap();
        // 2024-02-01 to 2024-05-30: 86 weekdays, each with a departure and a return. Last
        // position at home 7:50, first at work 9:00: on the way from 8:30 (the last half hour);
        // first position back home at 18:00. Local time, on both sides of 2024-03-31.
        assert_eq!((routine.days, routine.weekdays), (120, 86));
        assert_eq!(
            (routine.leave, routine.back),
            (Some(8 * 60 + 30), Some(18 * 60))
        );
        // Every weekday at 10:00 away, 3:00 at home; Sunday 15:00 at the park.
        for day in 0..5 {
            assert_eq!(
                (routine.away[day][10], routine.away[day][3]),
                (Some(100), Some(0))
            );
        }
        assert_eq!(routine.away[6][15], Some(100));
        // Twenty days but positions on two nights only: no home is named, so no routine.
        let first = START / DAY;
        let few_nights = person(20, &|day, weekday, hour| {
            if hour < 6 && day > first + 1 {
                None
            } else {
                office_worker(day, weekday, hour)
            }
        });
        let home = few_nights.home();
        assert_eq!(home.as_ref().map(|h| h.nights_total), Some(2));
        assert_eq!(few_nights.routine(home.as_ref()), None);
        // Every night at work: the night place is not home, so no routine around it.
        let plan = |_: i64, _: i64, hour: i64| match hour {
            0..=5 | 22 | 23 => Some("work"),
            6 | 21 => None,
            _ => Some("home"),
        };
        let night = person(60, &plan);
        assert_eq!(night.routine(night.home().as_ref()), None);
    }

    #[test]
    fn two_homes_week_about_are_low_confidence() {
        let plan = |day: i64, weekday: i64, hour: i64| {
            let week = (day + 3).div_euclid(7);
            let bed = if week % 2 == 0 { "home" } else { "flat" };
            match (weekday, hour) {
                (0..=4, 9..=16) => Some("work"),
                _ => Some(bed),
            }
        };
        let home = person(84, &plan).home().unwrap();
        assert_eq!(home.confidence, Confidence::Low);
        assert_eq!(home.doubt, Some(Doubt::TwoPlaces));
    }

    #[test]
    fn a_noisy_night_keeps_a_few_counters_and_its_main_place() {
        let mut night = DayCounters::default();
        let home = place("home");
        for i in 0..200 {
            // Every other position at home; the others scattered over 100 cells.
            let stray = LatLng {
                lat_e7: home.lat_e7 + 20_000 * (i % 100 + 2),
                ..home
            };
            night.add(cell_of(home), home, 1);
            night.add(cell_of(stray), stray, 1);
        }
        assert!(night.counters.len() <= TOP);
        let top = night.top().unwrap();
        assert_eq!((top.cell, top.n), (cell_of(home), 200));
    }

    #[test]
    fn a_few_nights_are_not_enough() {
        let home = person(4, &office_worker).home().unwrap();
        assert_eq!((home.nights_total, home.confidence), (4, Confidence::Low));
        assert_eq!(home.doubt, Some(Doubt::FewNights));
        assert_eq!(Presence::default().home(), None);
    }

    #[test]
    fn local_time_decides_what_night_is() {
        // At 23:30 UTC in summer it is 01:30 in Paris (night) but 19:30 in New York (evening).
        let utc = SUMMER + 40 * DAY + 22 * HOUR + 30 * 60_000 + HOUR;
        let mut nights = Presence::default();
        nights.fix(place("home"), utc);
        assert_eq!(nights.home().map(|h| h.nights_total), Some(1));
        let mut nights = Presence::default();
        nights.fix(LatLng::from_degrees(40.7128, -74.006).unwrap(), utc);
        assert_eq!(nights.home(), None);
    }

    #[test]
    fn stays_over_night_count_as_nights() {
        let mut nights = Presence::default();
        for day in 0..10 {
            let evening = utc(START + day * DAY + 20 * HOUR);
            nights.visit(&Visit {
                start: evening,
                end: evening + 11 * HOUR,
                at: Some(place("home")),
                place_id: None,
                name: None,
                label: None,
            });
        }
        let home = nights.home().unwrap();
        assert_eq!((home.nights, home.nights_total), (10, 10));
        assert_eq!(home.confidence, Confidence::Medium);
    }

    #[test]
    fn counts_around_a_cell_are_the_cells_near_it() {
        // Cells clustered in a 7×7 square (many neighbours, repeats), with a few far ones.
        let cells: Vec<Cell> = (0..400_i32)
            .map(|i| {
                let x = i.wrapping_mul(-1_640_531_535) >> 8;
                if i % 50 == 0 {
                    (x % 1000, x % 777)
                } else {
                    (x.rem_euclid(7) - 3, (x / 7).rem_euclid(7) - 3)
                }
            })
            .collect();
        let counts = cell_counts(cells.iter().copied());
        assert_eq!(counts.values().sum::<u64>(), 400);
        for a in -6..=6 {
            for b in -6..=6 {
                let c = (a, b);
                let direct = cells.iter().filter(|&&p| near(p, c)).count() as u64;
                assert_eq!(around(&counts, c), direct, "{c:?}");
            }
        }
        assert!(around(&counts, (0, 0)) > 30);
        assert_eq!(around(&counts, (100_000, -100_000)), 0);
    }
}
