//! Sums up what health files hand over ([`HealthSink`]) into a [`HealthSummary`]: records by type
//! and writer, steps, distance and active energy by day, heart rate, sleep night by night,
//! workouts by activity, activity rings, and the characteristics the file states (issue 9).
//!
//! Memory follows the number of days (a few thousand), writers and types, never the number of
//! records (millions in a multi-GB Apple Health export).

use std::collections::{BTreeMap, HashMap};

use super::social::{by_month, clean, plausible, MAX_NAMES};
use super::Finding;
use crate::i18n::health as text;
use crate::i18n::Messages;
use crate::model::health::{
    HealthApp, HealthSink, HealthSource, HealthSummary, Heart, Measure, Quantity, RingDays, Rings,
    Sleep, Steps, Workout, WorkoutTotal,
};
use crate::model::location::{Fix, LocationSink};
use crate::model::social::SocialSink;
use crate::model::time::{civil_from_days, format_date};

const DAY: i64 = 86_400;

/// One day's measures. Steps, distance, energy and exercise are summed by writer: a phone and a
/// watch count the same steps, and the day keeps the writer that counted most.
#[derive(Default)]
struct Day {
    sums: Vec<(Quantity, u16, f64)>,
    heart_n: u32,
    heart_sum: f64,
    heart_min: f64,
    heart_max: f64,
    rest_n: u32,
    rest_sum: f64,
}

impl Day {
    /// The day's total of `kind`: the largest writer's.
    fn total(&self, kind: Quantity) -> Option<f64> {
        self.sums
            .iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, _, v)| *v)
            .reduce(f64::max)
    }
}

/// One night's sleep (dated by the evening it begins): the first and last moment, and the time.
#[derive(Clone, Copy)]
struct Night {
    start: i64,
    end: i64,
    seconds: i64,
}

impl Night {
    fn add(night: Option<&mut Night>, start: i64, end: i64) -> Option<Night> {
        match night {
            Some(n) => {
                n.start = n.start.min(start);
                n.end = n.end.max(end);
                n.seconds += end - start;
                None
            }
            None => Some(Night {
                start,
                end,
                seconds: end - start,
            }),
        }
    }

    /// Time asleep: overlapping writers may count a stretch twice, never more than the night.
    fn asleep(&self) -> i64 {
        self.seconds.min(self.end - self.start)
    }
}

/// Workouts of one activity.
#[derive(Default)]
struct Totals {
    count: u64,
    seconds: f64,
    metres: f64,
    kcal: f64,
}

/// A writer of records: how many, and of which types (indices in `Health::types`).
struct Writer {
    name: String,
    records: u64,
    types: Vec<(u16, u64)>,
}

/// The collector a health source reads into.
pub struct Health {
    app: HealthApp,
    records: u64,
    skipped: u64,
    first: Option<i64>,
    last: Option<i64>,
    days: BTreeMap<i64, Day>,
    /// Days with a record, and the last one added.
    dated: std::collections::BTreeSet<i64>,
    last_day: Option<i64>,
    types: Vec<(String, u64)>,
    type_index: HashMap<String, u16>,
    writers: Vec<Writer>,
    writer_index: HashMap<String, u16>,
    /// The last type and writer looked up (records come in runs of both).
    last_type: Option<(String, u16)>,
    last_writer: Option<(String, u16)>,
    asleep: BTreeMap<i64, Night>,
    in_bed: BTreeMap<i64, Night>,
    workouts: HashMap<String, Totals>,
    rings: Vec<Rings>,
    characteristics: Vec<String>,
}

/// Looks `name` up in a list indexed by `index`, adding it while under [`MAX_NAMES`] (and 65,535
/// for the index), through a cache of the last one.
fn intern<T>(
    name: &str,
    cache: &mut Option<(String, u16)>,
    index: &mut HashMap<String, u16>,
    list: &mut Vec<T>,
    new: impl FnOnce(&str) -> T,
) -> Option<u16> {
    if let Some((n, i)) = cache {
        if n == name {
            return Some(*i);
        }
    }
    let i = match index.get(name) {
        Some(&i) => i,
        None if list.len() < MAX_NAMES.min(usize::from(u16::MAX)) => {
            let i = u16::try_from(list.len()).ok()?;
            index.insert(name.to_owned(), i);
            list.push(new(name));
            i
        }
        None => return None,
    };
    *cache = Some((name.to_owned(), i));
    Some(i)
}

impl Health {
    pub fn new(app: HealthApp) -> Self {
        Health {
            app,
            records: 0,
            skipped: 0,
            first: None,
            last: None,
            days: BTreeMap::new(),
            dated: std::collections::BTreeSet::new(),
            last_day: None,
            types: Vec::new(),
            type_index: HashMap::new(),
            writers: Vec::new(),
            writer_index: HashMap::new(),
            last_type: None,
            last_writer: None,
            asleep: BTreeMap::new(),
            in_bed: BTreeMap::new(),
            workouts: HashMap::new(),
            rings: Vec::new(),
            characteristics: Vec::new(),
        }
    }

    fn seen(&mut self, at: i64) {
        self.first = Some(self.first.map_or(at, |f| f.min(at)));
        self.last = Some(self.last.map_or(at, |l| l.max(at)));
    }

    fn writer(&mut self, name: &str) -> Option<u16> {
        let name = clean(name)?;
        intern(
            &name,
            &mut self.last_writer,
            &mut self.writer_index,
            &mut self.writers,
            |n| Writer {
                name: n.to_owned(),
                records: 0,
                types: Vec::new(),
            },
        )
    }

    pub fn finish(self) -> HealthSummary {
        let days = self.dated.len() as u64;
        let mut types: Vec<(String, u64)> = self.types.clone();
        types.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut sources: Vec<HealthSource> = self
            .writers
            .iter()
            .map(|w| {
                let mut own = w.types.clone();
                own.sort_by_key(|t| std::cmp::Reverse(t.1));
                HealthSource {
                    name: w.name.clone(),
                    records: w.records,
                    types: own
                        .iter()
                        .take(3)
                        .filter_map(|(t, _)| self.types.get(usize::from(*t)))
                        .map(|(t, _)| t.clone())
                        .collect(),
                }
            })
            .collect();
        sources.sort_by(|a, b| b.records.cmp(&a.records).then_with(|| a.name.cmp(&b.name)));
        let mut workouts: Vec<WorkoutTotal> = self
            .workouts
            .into_iter()
            .map(|(kind, t)| WorkoutTotal {
                kind,
                count: t.count,
                seconds: round(t.seconds),
                metres: round(t.metres),
                kcal: round(t.kcal),
            })
            .collect();
        workouts.sort_by(|a, b| b.seconds.cmp(&a.seconds).then_with(|| a.kind.cmp(&b.kind)));

        HealthSummary {
            days_seen: crate::model::time::DayRuns::from_sorted(self.dated.iter().copied()),
            app: self.app,
            records: self.records,
            skipped: self.skipped,
            first: self
                .first
                .map(|s| crate::model::time::format_day(s.div_euclid(DAY))),
            last: self
                .last
                .map(|s| crate::model::time::format_day(s.div_euclid(DAY))),
            days,
            types,
            steps: steps(&self.days),
            heart: heart(&self.days),
            sleep: sleep(&self.asleep, &self.in_bed),
            workouts,
            rings: rings(&self.rings),
            sources,
            characteristics: self.characteristics,
        }
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to u64's range
fn round(v: f64) -> u64 {
    v.round().clamp(0.0, 1e18) as u64
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
fn mean(sum: f64, n: u64) -> u64 {
    round(sum / n.max(1) as f64)
}

/// `YYYY-MM` month number of a day (`year * 12 + month - 1`).
fn month_of(day: i64) -> i64 {
    let (year, month, _) = civil_from_days(day);
    year * 12 + month - 1
}

fn steps(days: &BTreeMap<i64, Day>) -> Option<Steps> {
    let mut n = 0u64;
    let mut sum = 0.0;
    let mut best = (0, 0.0);
    let mut months: BTreeMap<i64, (f64, u64)> = BTreeMap::new();
    for (&day, d) in days {
        let Some(s) = d.total(Quantity::Steps).filter(|s| *s > 0.0) else {
            continue;
        };
        n += 1;
        sum += s;
        if s > best.1 {
            best = (day, s);
        }
        let m = months.entry(month_of(day)).or_default();
        m.0 += s;
        m.1 += 1;
    }
    let average = |kind| {
        let (sum, n) = days
            .values()
            .filter_map(|d| d.total(kind))
            .fold((0.0, 0u64), |(s, n), v| (s + v, n + 1));
        (n > 0).then(|| mean(sum, n))
    };
    let (distance_m, energy_kcal, exercise_min) = (
        average(Quantity::Distance),
        average(Quantity::ActiveEnergy),
        average(Quantity::ExerciseMinutes),
    );
    if n == 0 && distance_m.is_none() && energy_kcal.is_none() && exercise_min.is_none() {
        return None;
    }
    let months = months
        .into_iter()
        .map(|(m, (s, n))| (m, mean(s, n)))
        .collect();
    Some(Steps {
        days: n,
        mean: mean(sum, n),
        best_day: if n > 0 {
            format_date(best.0 * DAY * 1000)
        } else {
            String::new()
        },
        best: round(best.1),
        months: by_month(months),
        distance_m,
        energy_kcal,
        exercise_min,
    })
}

fn heart(days: &BTreeMap<i64, Day>) -> Option<Heart> {
    let (mut n, mut sum, mut min, mut max) = (0u64, 0.0, f64::MAX, 0.0f64);
    let (mut rest_n, mut rest_sum) = (0u64, 0.0);
    let mut months: BTreeMap<i64, (f64, u64, f64, u64)> = BTreeMap::new();
    for (&day, d) in days {
        if d.heart_max > 0.0 {
            min = min.min(d.heart_min);
            max = max.max(d.heart_max);
        }
        n += u64::from(d.heart_n);
        sum += d.heart_sum;
        rest_n += u64::from(d.rest_n);
        rest_sum += d.rest_sum;
        if d.heart_n + d.rest_n > 0 {
            let m = months.entry(month_of(day)).or_default();
            m.0 += d.heart_sum;
            m.1 += u64::from(d.heart_n);
            m.2 += d.rest_sum;
            m.3 += u64::from(d.rest_n);
        }
    }
    if n == 0 && rest_n == 0 {
        return None;
    }
    let months = months
        .into_iter()
        .map(|(m, (s, n, rs, rn))| {
            let (year, month) = (m.div_euclid(12), m.rem_euclid(12) + 1);
            (format!("{year:04}-{month:02}"), mean(s, n), mean(rs, rn))
        })
        .collect();
    Some(Heart {
        measures: n,
        min: if max > 0.0 { round(min) } else { 0 },
        mean: mean(sum, n),
        max: round(max),
        resting: (rest_n > 0).then(|| mean(rest_sum, rest_n)),
        months,
    })
}

/// Night by night: the asleep stretches when the file has any, else the time in bed.
fn sleep(asleep: &BTreeMap<i64, Night>, in_bed: &BTreeMap<i64, Night>) -> Option<Sleep> {
    let (nights, in_bed_only) = if asleep.is_empty() {
        (in_bed, true)
    } else {
        (asleep, false)
    };
    if nights.is_empty() {
        return None;
    }
    // Minutes after the noon before: a bedtime at 23:40 and one at 0:20 are 40 minutes apart.
    let after_noon = |day: i64, at: i64| (at - day * DAY - DAY / 2).clamp(0, 2 * DAY - 1) / 60;
    let mut starts: Vec<i64> = nights
        .iter()
        .map(|(&d, n)| after_noon(d, n.start))
        .collect();
    let mut ends: Vec<i64> = nights.iter().map(|(&d, n)| after_noon(d, n.end)).collect();
    let total: i64 = nights.values().map(Night::asleep).sum();
    let median = |list: &mut Vec<i64>| {
        list.sort_unstable();
        let m = list.get(list.len() / 2).copied().unwrap_or(0);
        u16::try_from((m + 720).rem_euclid(1440)).unwrap_or(0)
    };
    #[allow(clippy::cast_precision_loss)]
    let asleep_min = round(total as f64 / 60.0 / nights.len() as f64);
    Some(Sleep {
        nights: nights.len() as u64,
        asleep_min,
        bedtime: median(&mut starts),
        wake: median(&mut ends),
        in_bed_only,
    })
}

fn rings(list: &[Rings]) -> Option<RingDays> {
    if list.is_empty() {
        return None;
    }
    let n = list.len() as u64;
    let sum = |f: fn(&Rings) -> f64| list.iter().map(f).sum::<f64>();
    let met = |f: fn(&Rings) -> (f64, f64)| {
        list.iter()
            .filter(|r| {
                let (done, goal) = f(r);
                goal > 0.0 && done >= goal
            })
            .count() as u64
    };
    Some(RingDays {
        days: n,
        energy: mean(sum(|r| r.energy), n),
        exercise: mean(sum(|r| r.exercise), n),
        stand: mean(sum(|r| r.stand), n),
        energy_met: met(|r| (r.energy, r.energy_goal)),
        exercise_met: met(|r| (r.exercise, r.exercise_goal)),
        stand_met: met(|r| (r.stand, r.stand_goal)),
    })
}

impl HealthSink for Health {
    fn record(&mut self, kind: &str, source: &str, at: i64) {
        if !plausible(at) {
            self.skipped += 1;
            return;
        }
        self.records += 1;
        self.seen(at);
        let day = at.div_euclid(DAY);
        if self.last_day != Some(day) {
            self.last_day = Some(day);
            self.dated.insert(day);
        }
        let t = intern(
            kind,
            &mut self.last_type,
            &mut self.type_index,
            &mut self.types,
            |k| (k.to_owned(), 0),
        );
        if let Some((_, n)) = t.and_then(|t| self.types.get_mut(usize::from(t))) {
            *n += 1;
        }
        let w = self.writer(source);
        if let Some(w) = w.and_then(|w| self.writers.get_mut(usize::from(w))) {
            w.records += 1;
            if let Some(t) = t {
                match w.types.iter_mut().find(|(k, _)| *k == t) {
                    Some((_, n)) => *n += 1,
                    None => w.types.push((t, 1)),
                }
            }
        }
    }

    fn measure(&mut self, m: &Measure<'_>) {
        if !plausible(m.start) || !m.value.is_finite() || m.value < 0.0 {
            return;
        }
        let heart = matches!(
            m.kind,
            Quantity::HeartRate
                | Quantity::HeartRateMin
                | Quantity::HeartRateMax
                | Quantity::RestingHeartRate
        );
        if heart && !(20.0..=250.0).contains(&m.value) {
            return;
        }
        let writer = self.writer(m.source).unwrap_or(u16::MAX);
        let day = self.days.entry(m.start.div_euclid(DAY)).or_default();
        match m.kind {
            Quantity::HeartRate | Quantity::HeartRateMin | Quantity::HeartRateMax => {
                if m.kind == Quantity::HeartRate {
                    day.heart_n += 1;
                    day.heart_sum += m.value;
                }
                if day.heart_max == 0.0 {
                    day.heart_min = m.value;
                }
                day.heart_min = day.heart_min.min(m.value);
                day.heart_max = day.heart_max.max(m.value);
            }
            Quantity::RestingHeartRate => {
                day.rest_n += 1;
                day.rest_sum += m.value;
            }
            kind => match day
                .sums
                .iter_mut()
                .find(|(k, w, _)| *k == kind && *w == writer)
            {
                Some((_, _, v)) => *v += m.value,
                None => day.sums.push((kind, writer, m.value)),
            },
        }
    }

    fn sleep(&mut self, start: i64, end: i64, asleep: bool, _source: &str) {
        if !plausible(start) || end < start || end - start > DAY {
            return;
        }
        // A night belongs to the evening it begins: a stretch from noon to noon the next day.
        let night = (start - DAY / 2).div_euclid(DAY);
        let map = if asleep {
            &mut self.asleep
        } else {
            &mut self.in_bed
        };
        if let Some(new) = Night::add(map.get_mut(&night), start, end) {
            if map.len() < MAX_NAMES {
                map.insert(night, new);
            }
        }
    }

    fn workout(&mut self, w: &Workout<'_>) {
        if !plausible(w.start) {
            return;
        }
        self.seen(w.start);
        let Some(kind) = clean(w.kind) else {
            return;
        };
        if !self.workouts.contains_key(kind.as_ref()) && self.workouts.len() >= MAX_NAMES {
            return;
        }
        let totals = self.workouts.entry(kind.into_owned()).or_default();
        totals.count += 1;
        totals.seconds += w.seconds.clamp(0.0, 86_400.0);
        totals.metres += w.metres.filter(|m| m.is_finite()).unwrap_or(0.0).max(0.0);
        totals.kcal += w.kcal.filter(|k| k.is_finite()).unwrap_or(0.0).max(0.0);
    }

    fn rings(&mut self, rings: &Rings) {
        if plausible(rings.day * DAY) && self.rings.len() < MAX_NAMES {
            self.seen(rings.day * DAY);
            self.rings.push(*rings);
        }
    }

    fn characteristic(&mut self, kind: &str) {
        if let Some(kind) = clean(kind) {
            if self.characteristics.len() < 32 && !self.characteristics.iter().any(|c| *c == kind) {
                self.characteristics.push(kind.into_owned());
            }
        }
    }
}

/// A health file holds no position: records without a usable date are counted as skipped.
impl LocationSink for Health {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
    fn skipped(&mut self) {
        self.skipped += 1;
    }
}

/// Nor social data, nor plays.
impl SocialSink for Health {}
impl crate::model::media::MediaSink for Health {}
impl crate::model::energy::EnergySink for Health {}
impl crate::model::chat::ChatSink for Health {}
impl crate::model::money::MoneySink for Health {}
impl crate::model::activity::ActivitySink for Health {}

/// What a health file reveals, in words.
pub fn findings(s: &HealthSummary) -> Vec<Finding> {
    let mut out = Vec::new();
    let app = s.app;
    if let Some(steps) = s.steps.as_ref().filter(|st| st.days > 0) {
        out.push(Finding::new(
            "health_steps",
            Messages::from_fn(|lang| text::steps(lang, app, steps)),
        ));
    }
    if let Some(heart) = &s.heart {
        out.push(Finding::new(
            "health_heart",
            Messages::from_fn(|lang| text::heart(lang, app, heart)),
        ));
    }
    if let Some(sleep) = &s.sleep {
        out.push(Finding::new(
            "health_sleep",
            Messages::from_fn(|lang| text::sleep(lang, sleep)),
        ));
    }
    if !s.workouts.is_empty() {
        out.push(Finding::new(
            "health_workouts",
            Messages::from_fn(|lang| text::workouts(lang, app, &s.workouts)),
        ));
    }
    if let Some(rings) = &s.rings {
        out.push(Finding::new(
            "health_rings",
            Messages::from_fn(|lang| text::rings(lang, rings)),
        ));
    }
    if !s.sources.is_empty() {
        out.push(Finding::new(
            "health_sources",
            Messages::from_fn(|lang| text::sources(lang, app, s.records, &s.sources)),
        ));
    }
    if !s.characteristics.is_empty() {
        out.push(Finding::new(
            "health_profile",
            Messages::from_fn(|lang| text::profile(lang, &s.characteristics)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Summary;

    fn fixture_summary() -> HealthSummary {
        let bytes = crate::sources::fixture("apple.health", "export.xml");
        let (summary, error) =
            crate::analysis::read_source(&crate::sources::AppleHealth, &mut &bytes[..]);
        assert_eq!(error, None);
        match summary {
            Summary::Health(h) => h,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_fixture_summed_up() {
        // Counted by eye in tests/fixtures/apple.health/export.xml.
        let s = fixture_summary();
        assert_eq!((s.records, s.skipped, s.days), (14, 1, 2));
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref()),
            (Some("2024-03-01"), Some("2024-03-02"))
        );
        assert_eq!(s.types[0], ("SleepAnalysis".to_owned(), 5));
        assert_eq!(s.types[1], ("HeartRate".to_owned(), 2));
        // The phone counted 1,200 steps, the watch 1,300 over the same ten minutes: 1,300.
        let steps = s.steps.clone().unwrap();
        assert_eq!(
            (steps.days, steps.mean, steps.best_day.as_str(), steps.best),
            (1, 1300, "2024-03-01", 1300)
        );
        assert_eq!(
            (steps.distance_m, steps.energy_kcal, steps.exercise_min),
            (Some(1200), Some(100), Some(12))
        );
        let heart = s.heart.clone().unwrap();
        assert_eq!(
            (
                heart.measures,
                heart.min,
                heart.mean,
                heart.max,
                heart.resting
            ),
            (2, 64, 92, 120, Some(55))
        );
        assert_eq!(heart.months, [("2024-03".to_owned(), 92, 55)]);
        // Asleep 23:42–03:00, 03:00–04:00, 04:00–07:05: one night of 7 h 23 (443 minutes).
        assert_eq!(
            s.sleep,
            Some(Sleep {
                nights: 1,
                asleep_min: 443,
                bedtime: 23 * 60 + 42,
                wake: 7 * 60 + 5,
                in_bed_only: false
            })
        );
        let workouts: Vec<(&str, u64, u64, u64, u64)> = s
            .workouts
            .iter()
            .map(|w| (w.kind.as_str(), w.count, w.seconds, w.metres, w.kcal))
            .collect();
        assert_eq!(
            workouts,
            [
                ("Cycling", 1, 1800, 12_500, 310),
                ("Walking", 1, 1530, 1900, 95)
            ]
        );
        assert_eq!(
            s.rings,
            Some(RingDays {
                days: 1,
                energy: 512,
                exercise: 37,
                stand: 9,
                energy_met: 1,
                exercise_met: 1,
                stand_met: 0
            })
        );
        let sources: Vec<(&str, u64)> = s
            .sources
            .iter()
            .map(|w| (w.name.as_str(), w.records))
            .collect();
        assert_eq!(
            sources,
            [
                ("Apple Watch de Marie", 10),
                ("iPhone de Marie & Co", 3),
                ("Santé", 1)
            ]
        );
        assert_eq!(
            s.sources[0].types,
            ["SleepAnalysis", "HeartRate", "StepCount"]
        );
        assert_eq!(
            s.characteristics,
            ["DateOfBirth", "BiologicalSex", "BloodType"]
        );
    }

    #[test]
    fn the_fixture_in_words() {
        let s = fixture_summary();
        let found = findings(&s);
        let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "health_steps",
                "health_heart",
                "health_sleep",
                "health_workouts",
                "health_rings",
                "health_sources",
                "health_profile"
            ]
        );
        let say = |id: &str, lang| crate::analysis::said(&found, id, lang);
        assert_eq!(
            say("health_steps", Lang::En),
            "Apple Health counted 1,300 steps a day on average, over 1\u{a0}day; your best day, \
             Friday 1 March 2024, 1,300 steps. That is about 1.2\u{a0}km on foot a day."
        );
        assert_eq!(
            say("health_steps", Lang::Fr),
            "Apple Santé a compté en moyenne 1\u{202f}300\u{a0}pas par jour, sur 1\u{a0}jour\u{a0}; \
             votre meilleure journée, le vendredi 1er mars 2024, 1\u{202f}300\u{a0}pas. Soit \
             environ 1,2\u{a0}km à pied par jour."
        );
        assert_eq!(
            say("health_sleep", Lang::En),
            "Your phone or watch recorded you asleep from about 23:42 to 7:05: 7\u{a0}h \
             23\u{a0}min a night on average, over 1\u{a0}night."
        );
        assert_eq!(
            say("health_heart", Lang::Fr),
            "Votre fréquence cardiaque, mesurée 2\u{a0}fois, est allée de 64 à \
             120\u{a0}battements par minute, 92 en moyenne\u{a0}; au repos, 55\u{a0}battements \
             par minute en moyenne."
        );
        assert_eq!(
            say("health_profile", Lang::En),
            "The file states your date of birth, your sex and your blood type."
        );
        for f in &found {
            for lang in [Lang::Fr, Lang::En] {
                assert!(crate::i18n::health::why(lang, &f.id).is_some(), "{}", f.id);
                eprintln!("{}", f.text.get(lang));
            }
        }
        assert_eq!(
            crate::i18n::health::summary_line(Lang::En, &s),
            "14\u{a0}records · 2\u{a0}days · 2\u{a0}workouts"
        );
    }

    #[test]
    fn implausible_values_and_bounds() {
        let mut h = Health::new(HealthApp::GoogleFit);
        let day = 19_783 * DAY; // 2024-03-01
        h.record("StepCount", "", 10);
        for value in [-5.0, f64::NAN, 300.0] {
            h.measure(&Measure {
                kind: Quantity::HeartRate,
                start: day,
                end: day,
                value,
                source: "",
            });
        }
        h.sleep(day, day - 10, true, "");
        h.sleep(day, day + 3 * DAY, true, "");
        let s = h.finish();
        assert_eq!((s.records, s.skipped), (0, 1));
        assert!(s.heart.is_none() && s.sleep.is_none() && s.steps.is_none());
        assert!(findings(&s).is_empty());
    }
}
