//! Sums up what electricity files hand over ([`EnergySink`]) into an [`EnergySummary`]: energy
//! by day and month, the standby load, the daily profile, when the home wakes up and goes quiet,
//! the weekday hours it stands empty, the holidays away and the highest power (issue 9).
//!
//! Memory follows the number of days (at most [`MAX_DAYS`], each 48 half-hours), never the
//! number of readings.

use std::collections::{BTreeMap, BTreeSet};

use super::social::plausible;
use super::Finding;
use crate::i18n::energy as text;
use crate::i18n::Messages;
use crate::model::energy::{
    Absence, EmptyHours, EnergySink, EnergySummary, Layout, Measure, Peak, Reading,
};
use crate::model::location::{Fix, LocationSink};
use crate::model::media::MediaSink;
use crate::model::social::SocialSink;
use crate::model::time::{civil_from_days, format_day};
use crate::model::tz::paris_offset;

/// Days kept at most (Enedis keeps three years): a hostile file cannot fill the memory.
const MAX_DAYS: usize = 4000;
/// Half-hours in a day.
const SLOTS: usize = 48;
/// A day counts whole with at least this much load curve (seconds): 20 hours.
const WHOLE: u64 = 20 * 3600;
/// Days needed for a typical time or the empty hours.
const MIN_DAYS: usize = 3;
/// Absences kept at most.
const MAX_ABSENCES: usize = 100;

/// One local day of readings.
#[derive(Clone)]
struct Day {
    /// Energy (Wh) and seconds measured in each half-hour of the load curve.
    wh: [f32; SLOTS],
    secs: [u16; SLOTS],
    daily: Option<f64>,
    max_va: Option<(f64, i64)>,
}

impl Default for Day {
    fn default() -> Self {
        Day {
            wh: [0.0; SLOTS],
            secs: [0; SLOTS],
            daily: None,
            max_va: None,
        }
    }
}

impl Day {
    fn curve_secs(&self) -> u64 {
        self.secs.iter().map(|&s| u64::from(s)).sum()
    }

    /// The energy of the day (Wh): its daily value, else what its load curve measured.
    fn energy(&self) -> Option<f64> {
        self.daily.or_else(|| {
            (self.curve_secs() > 0).then(|| self.wh.iter().map(|&w| f64::from(w)).sum())
        })
    }

    fn whole(&self) -> bool {
        self.daily.is_some() || self.curve_secs() >= WHOLE
    }

    /// Whether the load curve covers the day whole.
    fn curve_whole(&self) -> bool {
        self.curve_secs() >= WHOLE
    }

    /// The mean power of a half-hour (W), if at least half of it was measured.
    fn slot(&self, i: usize) -> Option<f64> {
        let secs = f64::from(*self.secs.get(i)?);
        (secs >= 900.0).then(|| f64::from(self.wh.get(i).copied().unwrap_or(0.0)) * 3600.0 / secs)
    }

    /// The mean power of an hour (W), if at least half of it was measured.
    fn hour(&self, h: usize) -> Option<f64> {
        let secs: f64 = (2 * h..2 * h + 2)
            .filter_map(|i| self.secs.get(i))
            .map(|&s| f64::from(s))
            .sum();
        let wh: f64 = (2 * h..2 * h + 2)
            .filter_map(|i| self.wh.get(i))
            .map(|&w| f64::from(w))
            .sum();
        (secs >= 1800.0).then(|| wh * 3600.0 / secs)
    }
}

/// The collector an electricity source reads into.
#[derive(Default)]
pub struct Energy {
    layout: Option<Layout>,
    measures: BTreeSet<Measure>,
    step: Option<i64>,
    readings: u64,
    missing: u64,
    /// By local day (days since 1970, Paris time).
    days: BTreeMap<i64, Day>,
    /// The highest mean power of a step (W), and the step's end.
    peak_w: Option<(f64, i64)>,
    /// The last hour since 1970 (UTC) whose offset was looked up, and that offset in seconds.
    offset: Option<(i64, i64)>,
}

/// Monday first: 0–4 are weekdays.
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// The median of some values (the upper middle), none without any.
fn median(mut values: Vec<u64>) -> Option<u64> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

/// A count, a duration or an energy as a float (precise below 2^53).
fn float(n: impl TryInto<i64>) -> f64 {
    // Values here stay far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    let x = n.try_into().unwrap_or(i64::MAX) as f64;
    x
}

/// Minutes after midnight, from a float.
fn minutes(m: f64) -> u16 {
    u16::try_from(round(m)).unwrap_or(u16::MAX)
}

fn round(x: f64) -> u64 {
    // Values are clamped positive and far below 2^53.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = x.max(0.0).round() as u64;
    n
}

impl Energy {
    /// An instant's local time (seconds since 1970 as if Paris time were UTC).
    fn local(&mut self, at: i64) -> i64 {
        let hour = at.div_euclid(3600);
        let offset = match self.offset {
            Some((h, offset)) if h == hour => offset,
            _ => {
                let offset = paris_offset(at);
                self.offset = Some((hour, offset));
                offset
            }
        };
        at + offset
    }

    /// The day of local day number `day`, if kept.
    fn day(&mut self, day: i64) -> Option<&mut Day> {
        if self.days.len() >= MAX_DAYS && !self.days.contains_key(&day) {
            return None;
        }
        Some(self.days.entry(day).or_default())
    }

    /// Spreads a step of the load curve over the half-hours it covers.
    fn curve(&mut self, start: i64, end: i64, watts: f64) {
        let mut t = start;
        while t < end {
            let local = self.local(t);
            let (day, in_day) = (local.div_euclid(86_400), local.rem_euclid(86_400));
            let slot = in_day / 1800;
            let until = (end - t).min((slot + 1) * 1800 - in_day);
            let Some(d) = self.day(day) else { return };
            let i = usize::try_from(slot).unwrap_or(0);
            if let (Some(wh), Some(secs)) = (d.wh.get_mut(i), d.secs.get_mut(i)) {
                // Precision to a few mWh is plenty.
                #[allow(clippy::cast_possible_truncation)]
                let add = (watts * float(until) / 3600.0) as f32;
                *wh += add;
                *secs = secs.saturating_add(u16::try_from(until).unwrap_or(u16::MAX));
            }
            t += until.max(1);
        }
    }

    pub fn finish(self) -> EnergySummary {
        let mut s = EnergySummary {
            layout: self.layout,
            measures: self.measures.iter().copied().collect(),
            step_minutes: self.step.and_then(|st| u64::try_from(st / 60).ok()),
            readings: self.readings,
            missing: self.missing,
            first: self.days.keys().next().map(|&d| format_day(d)),
            last: self.days.keys().next_back().map(|&d| format_day(d)),
            ..EnergySummary::default()
        };
        let days = &self.days;
        let mut months: BTreeMap<(i64, i64), f64> = BTreeMap::new();
        let mut whole = Vec::new();
        let mut total = 0.0;
        for (&d, day) in days {
            if let Some(e) = day.energy() {
                s.days += 1;
                total += e;
                let (y, m, _) = civil_from_days(d);
                *months.entry((y, m)).or_default() += e;
                if day.whole() {
                    whole.push(e);
                }
            }
        }
        s.total_wh = round(total);
        s.whole_days = whole.len() as u64;
        s.mean_wh_day =
            (!whole.is_empty()).then(|| round(whole.iter().sum::<f64>() / float(whole.len())));
        s.months = months
            .into_iter()
            .map(|((y, m), e)| (format!("{y:04}-{m:02}"), round(e)))
            .collect();
        // The standby load: each whole day's lowest hourly mean, the median over days.
        let base = median(
            days.values()
                .filter(|d| d.curve_whole())
                .filter_map(|d| (0..24).filter_map(|h| d.hour(h)).map(round).min())
                .collect(),
        );
        s.base_w = base;
        let base = base.map(float);
        let away = away_days(days, base);
        s.absences = absences(&away);
        s.days_seen = crate::model::time::DayRuns::from_sorted(
            days.iter()
                .filter(|(d, day)| day.energy().is_some() && !away.contains(d))
                .map(|(d, _)| *d),
        );
        // Above this, someone is doing something: the standby load and half as much again, at
        // least 150 W more.
        if let Some(base) = base {
            let busy = base + (base * 0.5).max(150.0);
            let home: Vec<(i64, &Day)> = days
                .iter()
                .filter(|(d, day)| day.curve_whole() && !away.contains(d))
                .map(|(&d, day)| (d, day))
                .collect();
            s.profile_weekdays = profile(&home, true);
            s.profile_weekends = profile(&home, false);
            let typical = |mut times: Vec<u16>| {
                (times.len() >= MIN_DAYS)
                    .then(|| super::routine::median(&mut times))
                    .flatten()
            };
            let mut wakes = (Vec::new(), Vec::new());
            let mut beds = (Vec::new(), Vec::new());
            for &(d, day) in &home {
                if let Some(w) = wake(day, base, busy).map(minutes) {
                    if weekday(d) < 5 {
                        &mut wakes.0
                    } else {
                        &mut wakes.1
                    }
                    .push(w);
                }
                let next = days.get(&(d + 1)).filter(|_| !away.contains(&(d + 1)));
                if let Some(b) = bed(day, next, base, busy).map(minutes) {
                    // The night before a weekday: Sunday to Thursday.
                    if weekday(d + 1) < 5 {
                        &mut beds.0
                    } else {
                        &mut beds.1
                    }
                    .push(b);
                }
            }
            s.wake_weekdays = typical(wakes.0);
            s.wake_weekends = typical(wakes.1);
            s.bed_weekdays = typical(beds.0);
            s.bed_weekends = typical(beds.1);
            s.empty_weekdays = empty_hours(&home, busy);
        }
        s.peak = peak(days, self.peak_w, |at| {
            let local = at + paris_offset(at);
            (local.div_euclid(86_400), local.rem_euclid(86_400) / 60)
        });
        s
    }
}

/// The whole days the home drew about its standby load only: at most 40 % above it (and 300 Wh),
/// and at most half a median day. Without a load curve, the standby is taken from the lowest days
/// (the 5th percentile of whole days).
fn away_days(days: &BTreeMap<i64, Day>, base: Option<f64>) -> BTreeSet<i64> {
    let whole: Vec<(i64, u64)> = days
        .iter()
        .filter(|(_, d)| d.whole())
        .filter_map(|(&n, d)| Some((n, round(d.energy()?))))
        .collect();
    let mut sorted: Vec<u64> = whole.iter().map(|&(_, e)| e).collect();
    sorted.sort_unstable();
    let (Some(&mid), Some(&low)) = (sorted.get(sorted.len() / 2), sorted.get(sorted.len() / 20))
    else {
        return BTreeSet::new();
    };
    let floor = base.map_or(float(low), |b| b * 24.0);
    let limit = (floor * 1.4 + 300.0).min(float(mid) * 0.5);
    whole
        .into_iter()
        .filter(|&(_, e)| float(e) <= limit)
        .map(|(n, _)| n)
        .collect()
}

/// Runs of at least three consecutive days away.
fn absences(away: &BTreeSet<i64>) -> Vec<Absence> {
    let mut out = Vec::new();
    let mut run: Option<(i64, i64)> = None;
    let close = |run: Option<(i64, i64)>, out: &mut Vec<Absence>| {
        if let Some((a, b)) = run.filter(|(a, b)| b - a >= 2) {
            if out.len() < MAX_ABSENCES {
                out.push(Absence {
                    from: format_day(a),
                    to: format_day(b),
                    days: u64::try_from(b - a + 1).unwrap_or(0),
                });
            }
        }
    };
    for &d in away {
        run = match run {
            Some((a, b)) if b + 1 == d => Some((a, d)),
            other => {
                close(other, &mut out);
                Some((d, d))
            }
        };
    }
    close(run, &mut out);
    out
}

/// The mean power by hour over the weekdays (or the weekend days) at home, W.
fn profile(home: &[(i64, &Day)], weekdays: bool) -> Vec<u64> {
    let chosen: Vec<&Day> = home
        .iter()
        .filter(|(d, _)| (weekday(*d) < 5) == weekdays)
        .map(|(_, day)| *day)
        .collect();
    if chosen.is_empty() {
        return Vec::new();
    }
    (0..SLOTS / 2)
        .map(|h| {
            let (wh, secs) = chosen.iter().fold((0.0, 0.0), |(wh, secs), day| {
                let pair = 2 * h..2 * h + 2;
                (
                    wh + pair
                        .clone()
                        .filter_map(|i| day.wh.get(i))
                        .map(|&w| f64::from(w))
                        .sum::<f64>(),
                    secs + pair
                        .filter_map(|i| day.secs.get(i))
                        .map(|&s| f64::from(s))
                        .sum::<f64>(),
                )
            });
            if secs > 0.0 {
                round(wh * 3600.0 / secs)
            } else {
                0
            }
        })
        .collect()
}

/// How far the half-hour `i` is from `base` to `level`, 0–1 (its share of the half-hour busy).
fn share(slot: &dyn Fn(usize) -> Option<f64>, i: usize, base: f64, level: f64) -> f64 {
    slot(i).map_or(0.0, |w| {
        ((w - base) / (level - base).max(1.0)).clamp(0.0, 1.0)
    })
}

/// When the morning rise began (minutes after midnight). The rise is the first half-hour from
/// 4:30 to noon above `busy`, followed by another; its start is placed by the energy of the rise:
/// the end of the half-hour after it, less as many half-hours as the three around it are busy
/// (each as a share of the highest level of the two hours after), which gives the time even with
/// hourly steps.
fn wake(day: &Day, base: f64, busy: f64) -> Option<f64> {
    let slot = |i: usize| day.slot(i);
    let i = (9..24)
        .find(|&i| slot(i).is_some_and(|w| w > busy) && slot(i + 1).is_some_and(|w| w > busy))?;
    let level = (i..i + 4).filter_map(slot).fold(busy, f64::max);
    let busy_part: f64 = (i - 1..=i + 1).map(|j| share(&slot, j, base, level)).sum();
    Some((float(i) + 2.0 - busy_part) * 30.0)
}

/// When the evening fall ended (minutes after midnight, on past 24:00): the last half-hour from
/// 18:00 to 2:00 the next morning above `busy`, after another, placed the same way as
/// [`wake`]: the start of the half-hour before it, plus as many half-hours as the three around it
/// are busy.
fn bed(day: &Day, next: Option<&Day>, base: f64, busy: f64) -> Option<f64> {
    let slot = |i: usize| {
        if i < SLOTS {
            day.slot(i)
        } else {
            next?.slot(i - SLOTS)
        }
    };
    let i = (37..SLOTS + 4)
        .rev()
        .find(|&i| slot(i).is_some_and(|w| w > busy) && slot(i - 1).is_some_and(|w| w > busy))?;
    let level = (i - 3..=i).filter_map(slot).fold(busy, f64::max);
    let busy_part: f64 = (i - 1..=i + 1).map(|j| share(&slot, j, base, level)).sum();
    Some((float(i) - 1.0 + busy_part) * 30.0)
}

/// The longest run of weekday hours from 6:00 to 22:00, at least two, each at the standby load on
/// at least 60 % of the weekdays at home (at least [`MIN_DAYS`]).
fn empty_hours(home: &[(i64, &Day)], busy: f64) -> Option<EmptyHours> {
    let weekdays: Vec<&Day> = home
        .iter()
        .filter(|(d, _)| weekday(*d) < 5)
        .map(|(_, day)| *day)
        .collect();
    let n = weekdays.len();
    if n < MIN_DAYS {
        return None;
    }
    let quiet: Vec<usize> = (0..24)
        .map(|h| {
            weekdays
                .iter()
                .filter(|day| day.hour(h).is_some_and(|w| w <= busy))
                .count()
        })
        .collect();
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for h in 6..=22 {
        let empty = h < 22 && quiet.get(h).is_some_and(|&q| q * 10 >= n * 6);
        match (empty, start) {
            (true, None) => start = Some(h),
            (false, Some(a)) => {
                if h - a >= 2 && best.is_none_or(|(b0, b1)| h - a > b1 - b0) {
                    best = Some((a, h));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (from, to) = best?;
    let least = (from..to).filter_map(|h| quiet.get(h)).min().copied()?;
    Some(EmptyHours {
        from: u8::try_from(from).ok()?,
        to: u8::try_from(to).ok()?,
        percent: u8::try_from((least * 100 + n / 2) / n).unwrap_or(100),
        weekdays: n as u64,
    })
}

/// The highest power: from a maximum-power file (VA), else the load curve's highest step (W).
fn peak(
    days: &BTreeMap<i64, Day>,
    peak_w: Option<(f64, i64)>,
    local: impl Fn(i64) -> (i64, i64),
) -> Option<Peak> {
    let clock = |minutes: i64| format!("{:02}:{:02}", minutes / 60, minutes % 60);
    if let Some((va, at)) = days
        .values()
        .filter_map(|d| d.max_va)
        .max_by(|a, b| a.0.total_cmp(&b.0))
    {
        let (day, minutes) = local(at);
        return Some(Peak {
            value: round(va),
            unit: "VA".to_owned(),
            day: format_day(day),
            time: Some(clock(minutes)),
        });
    }
    let (w, at) = peak_w?;
    let (day, minutes) = local(at);
    Some(Peak {
        value: round(w),
        unit: "W".to_owned(),
        day: format_day(day),
        time: Some(clock(minutes)),
    })
}

impl EnergySink for Energy {
    fn layout(&mut self, layout: Layout) {
        self.layout = Some(layout);
    }

    fn reading(&mut self, r: &Reading) {
        if !plausible(r.start) || !r.value.is_finite() || r.value < 0.0 || r.value > 1e7 {
            return;
        }
        self.readings += 1;
        self.measures.insert(r.measure);
        match r.measure {
            Measure::LoadCurve => {
                let step = r.end - r.start;
                if !(60..=7200).contains(&step) {
                    return;
                }
                self.step = Some(self.step.map_or(step, |s| s.min(step)));
                if self.peak_w.is_none_or(|(w, _)| r.value > w) {
                    self.peak_w = Some((r.value, r.end));
                }
                self.curve(r.start, r.end, r.value);
            }
            Measure::Daily => {
                let day = self.local(r.start).div_euclid(86_400);
                if let Some(d) = self.day(day) {
                    d.daily = Some(r.value);
                }
            }
            Measure::MaxPower => {
                let day = self.local(r.start).div_euclid(86_400);
                if let Some(d) = self.day(day) {
                    if d.max_va.is_none_or(|(v, _)| r.value > v) {
                        d.max_va = Some((r.value, r.start));
                    }
                }
            }
        }
    }

    fn missing(&mut self) {
        self.missing += 1;
    }
}

/// An electricity file holds no position.
impl LocationSink for Energy {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

/// Nor social data, nor plays.
impl SocialSink for Energy {}
impl MediaSink for Energy {}
impl crate::model::chat::ChatSink for Energy {}
impl crate::model::money::MoneySink for Energy {}
impl crate::model::activity::ActivitySink for Energy {}
impl crate::model::health::HealthSink for Energy {}

/// What an electricity file reveals, in words: how much the home uses, when it wakes up and goes
/// quiet, when it stands empty on weekdays, when nobody was there for days, and its highest
/// power.
pub fn findings(s: &EnergySummary) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.total_wh > 0 {
        let top = s
            .months
            .iter()
            .max_by_key(|(_, wh)| *wh)
            .filter(|_| s.months.len() > 1);
        out.push(Finding::new(
            "energy_use",
            Messages::from_fn(|lang| text::usage(lang, s, top.map(|(m, wh)| (m.as_str(), *wh)))),
        ));
    }
    if s.wake_weekdays.is_some() || s.bed_weekdays.is_some() {
        out.push(Finding::new(
            "energy_rhythm",
            Messages::from_fn(|lang| text::rhythm(lang, s)),
        ));
    }
    if let Some(empty) = &s.empty_weekdays {
        out.push(Finding::new(
            "energy_empty",
            Messages::from_fn(|lang| text::empty(lang, empty, s.base_w)),
        ));
    }
    if let Some(longest) = s.absences.iter().max_by_key(|a| a.days) {
        out.push(Finding::new(
            "energy_absences",
            Messages::from_fn(|lang| text::absences(lang, longest, s.absences.len() as u64)),
        ));
    }
    if let Some(peak) = &s.peak {
        out.push(Finding::new(
            "energy_peak",
            Messages::from_fn(|lang| text::peak(lang, peak)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-01-08, a Monday, 00:00 in Paris (23:00 UTC the day before).
    const MONDAY: i64 = 1_704_668_400;

    /// A half-hourly curve over `days` days: 200 W, 1,200 W from 7:00 to 8:30 and from 19:00 to
    /// 23:00, except on the days in `away`.
    fn curve(energy: &mut Energy, days: i64, away: &[i64]) {
        for d in 0..days {
            for slot in 0..48 {
                let start = MONDAY + d * 86_400 + slot * 1800;
                let busy = (14..17).contains(&slot) || (38..46).contains(&slot);
                let w = if busy && !away.contains(&d) {
                    1200.0
                } else {
                    200.0
                };
                energy.reading(&Reading {
                    start,
                    end: start + 1800,
                    measure: Measure::LoadCurve,
                    value: w,
                });
            }
        }
    }

    #[test]
    fn a_load_curve_gives_the_standby_the_times_the_empty_hours_and_the_days_away() {
        let mut energy = Energy::default();
        curve(&mut energy, 14, &[3, 4, 5, 6]);
        // Out of range: left out.
        energy.reading(&Reading {
            start: 10,
            end: 1810,
            measure: Measure::LoadCurve,
            value: 5.0,
        });
        let s = energy.finish();
        assert_eq!((s.readings, s.days, s.whole_days), (14 * 48, 14, 14));
        // 200 W all day is 4.8 kWh; busy days add 1 kW for 5.5 hours.
        assert_eq!(s.total_wh, 14 * 4800 + 10 * 5500);
        assert_eq!(s.base_w, Some(200));
        assert_eq!(
            (s.wake_weekdays, s.bed_weekdays),
            (Some(7 * 60), Some(23 * 60))
        );
        // Two weekend days at home only: too few for a typical time.
        assert_eq!(s.wake_weekends, None);
        let empty = s.empty_weekdays.unwrap();
        assert_eq!((empty.from, empty.to, empty.percent), (9, 19, 100));
        assert_eq!(
            s.absences,
            [Absence {
                from: "2024-01-11".to_owned(),
                to: "2024-01-14".to_owned(),
                days: 4
            }]
        );
        assert_eq!(s.profile_weekdays[7], 1200);
        assert_eq!(s.profile_weekdays[3], 200);
        let peak = s.peak.unwrap();
        assert_eq!((peak.value, peak.unit.as_str()), (1200, "W"));
    }

    #[test]
    fn daily_values_give_totals_and_absences_but_no_hours_and_days_are_bounded() {
        let mut energy = Energy::default();
        for d in 0..30 {
            let wh = if (10..15).contains(&d) {
                3000.0
            } else {
                12_000.0
            };
            energy.reading(&Reading {
                start: MONDAY + d * 86_400,
                end: MONDAY + (d + 1) * 86_400,
                measure: Measure::Daily,
                value: wh,
            });
        }
        let s = energy.finish();
        assert_eq!((s.days, s.total_wh), (30, 25 * 12_000 + 5 * 3000));
        assert_eq!(s.absences.len(), 1);
        assert_eq!(
            (s.absences[0].from.as_str(), s.absences[0].days),
            ("2024-01-18", 5)
        );
        assert!(s.base_w.is_none() && s.wake_weekdays.is_none() && s.empty_weekdays.is_none());
        assert!(findings(&s).iter().all(|f| f.id != "energy_rhythm"));
        let mut energy = Energy::default();
        for d in 0..4010 {
            energy.reading(&Reading {
                start: MONDAY + d * 86_400,
                end: MONDAY + d * 86_400,
                measure: Measure::MaxPower,
                value: 3000.0,
            });
        }
        assert_eq!(energy.days.len(), MAX_DAYS);
    }
}
