//! Routine: when the person usually leaves home and comes back on weekdays, and an hour × weekday
//! map of the time spent away from home.
//!
//! Every local day is cut into 144 slots of ten minutes, each holding where the person was: a
//! place (a cell of about 150 m, [`super::home`]), on the move, or unknown. A position marks its
//! slot; the slots between two positions at most two hours apart are filled (the same place or a
//! neighbouring cell: still there; another place: still at the first until the last half hour,
//! on the way then), since phones record rarely while still. Stays and
//! moves the export lists fill the slots they cover. Once home is known, each slot is at home,
//! away or unknown.
//!
//! Memory: 576 bytes per day with a position (about 2 MB for a decade) and about 40 bytes per
//! place of 150 m visited, whatever the number of positions; both capped, so that a file of bogus
//! dates or scattered coordinates cannot take more than about 16 MB.

use std::collections::HashMap;

use super::fxhash::FxHashMap;
use super::home::{near, Cell};
use crate::model::location::Routine;
use crate::model::time::Millis;

/// Ten minutes.
const SLOT: Millis = 600_000;
const SLOTS: usize = 144;
const SLOTS_I64: i64 = 144;
/// Gaps filled between two positions: two hours at most.
const MAX_FILL: i64 = 12;
/// The longest stay or move filled: a month.
const MAX_SPAN: i64 = 31 * SLOTS_I64;
/// A slot's value: a `u16`, two bytes a slot (288 a day).
type Value = u16;
const UNKNOWN: Value = 0;
const MOVING: Value = 1;
/// Weekdays needed to state usual departure and return times, and days for the hour map.
const MIN_DAYS: usize = 5;

/// Days kept at most (55 years): a file of bogus dates costs at most 6 MB.
const MAX_DAYS: usize = 20_000;
/// Places tracked at most (under 1 MB), so that a slot's value fits beside [`FIXED`]; positions in
/// more places count as moving (away from home), as on the way between places.
const MAX_CELLS: usize = 32_000;
/// Set on a slot a position marked: stays do not overwrite it.
const FIXED: Value = 1 << 15;
// Every place's value (its index + 2) stays below the flag.
const _: () = assert!(MAX_CELLS + 2 < FIXED as usize);
/// Between positions at two different places, the last slots of the gap are the way there (30
/// minutes); the ones before, still at the first place (phones record rarely while still).
const MOVE_TAIL: i64 = 3;

/// What may overwrite a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Priority {
    /// A position: overwrites anything.
    Position,
    /// A stay the export lists: overwrites anything but a position.
    Stay,
    /// A gap filled between positions, or a move: only fills unknown slots.
    Fill,
}

type Slots = Box<[Value; SLOTS]>;

/// Where the person was, slot by slot.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Local day number → its slots (0: unknown, 1: moving, n + 2: the place `cells[n]`; with
    /// [`FIXED`] when a position marked it). The day being written is kept out, in `current`.
    days: FxHashMap<i64, Slots>,
    current: Option<(i64, Slots)>,
    cells: Vec<Cell>,
    index: FxHashMap<Cell, Value>,
    /// The last position's slot (absolute, local), value and cell.
    last: Option<(i64, Value, Cell)>,
}

/// A slot seen from home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Unknown,
    Home,
    Away,
}

impl Timeline {
    fn value(&mut self, cell: Cell) -> Value {
        if let Some(&v) = self.index.get(&cell) {
            return v;
        }
        if self.cells.len() >= MAX_CELLS {
            return MOVING;
        }
        let v = Value::try_from(self.cells.len()).map_or(MOVING, |n| n.saturating_add(2));
        if v > MOVING {
            self.cells.push(cell);
            self.index.insert(cell, v);
        }
        v
    }

    /// The place of a slot's value, if it is one.
    fn cell(&self, v: Value) -> Option<Cell> {
        let v = v & !FIXED;
        let i = usize::from(v.checked_sub(2)?);
        self.cells.get(i).copied()
    }

    fn slot_mut(&mut self, slot: i64) -> Option<&mut Value> {
        let day = slot.div_euclid(SLOTS_I64);
        if self.current.as_ref().is_none_or(|(d, _)| *d != day) {
            // Another day: put the current one back, and take this one out (or start it).
            let slots = match self.days.remove(&day) {
                Some(slots) => slots,
                None if self.days.len() < MAX_DAYS => Box::new([UNKNOWN; SLOTS]),
                None => return None,
            };
            if let Some((d, previous)) = self.current.replace((day, slots)) {
                self.days.insert(d, previous);
            }
        }
        let i = usize::try_from(slot.rem_euclid(SLOTS_I64)).ok()?;
        self.current.as_mut()?.1.get_mut(i)
    }

    fn set(&mut self, slot: i64, value: Value, priority: Priority) {
        if let Some(v) = self.slot_mut(slot) {
            let write = match priority {
                Priority::Position => true,
                Priority::Stay => *v & FIXED == 0,
                Priority::Fill => *v == UNKNOWN,
            };
            if write {
                *v = if priority == Priority::Position {
                    value | FIXED
                } else {
                    value
                };
            }
        }
    }

    /// Every day's slots.
    fn all_days(&self) -> impl Iterator<Item = (i64, &[Value; SLOTS])> {
        self.days
            .iter()
            .map(|(&d, s)| (d, &**s))
            .chain(self.current.iter().map(|(d, s)| (*d, &**s)))
    }

    /// A position at `local` time (ms since 1970 in local time) in `cell`.
    pub fn at(&mut self, local: Millis, cell: Cell) {
        let slot = local.div_euclid(SLOT);
        // Most positions fall in the same slot and cell as the one before: nothing to do.
        if matches!(self.last, Some((s, _, c)) if s == slot && c == cell) {
            return;
        }
        let value = self.value(cell);
        if let Some((previous, was, was_cell)) = self.last {
            // Only forward gaps are filled: out-of-order positions just mark their own slot.
            if (2..=MAX_FILL).contains(&(slot - previous)) {
                // Positions a few metres apart may fall in neighbouring cells: still there.
                let moved_at = if near(was_cell, cell) {
                    slot
                } else {
                    (slot - MOVE_TAIL).max(previous + 1)
                };
                for s in previous + 1..slot {
                    let between = if s < moved_at { was } else { MOVING };
                    self.set(s, between, Priority::Fill);
                }
            }
        }
        self.set(slot, value, Priority::Position);
        self.last = Some((slot, value, cell));
    }

    /// A stay from `start` to `end` (local times) in `cell`.
    pub fn stay(&mut self, start: Millis, end: Millis, cell: Cell) {
        let value = self.value(cell);
        self.span(start, end, value, Priority::Stay);
    }

    /// A move from `start` to `end` (local times): slots not known otherwise are "on the move".
    pub fn moving(&mut self, start: Millis, end: Millis) {
        self.span(start, end, MOVING, Priority::Fill);
    }

    fn span(&mut self, start: Millis, end: Millis, value: Value, priority: Priority) {
        let first = start.div_euclid(SLOT);
        let last = end.max(start).div_euclid(SLOT).min(first + MAX_SPAN);
        for s in first..=last {
            self.set(s, value, priority);
        }
    }

    /// Time spent in each place, in slots: what says where a person lives besides their nights.
    pub fn time_by_place(&self) -> HashMap<Cell, u64> {
        let mut out: HashMap<Cell, u64> = HashMap::new();
        for (_, slots) in self.all_days() {
            for cell in slots.iter().filter_map(|&v| self.cell(v)) {
                *out.entry(cell).or_default() += 1;
            }
        }
        out
    }

    fn seen(&self, slots: &[Value; SLOTS], home: Cell) -> [Seen; SLOTS] {
        let mut out = [Seen::Unknown; SLOTS];
        for (seen, &v) in out.iter_mut().zip(slots.iter()) {
            *seen = match v & !FIXED {
                UNKNOWN => Seen::Unknown,
                MOVING => Seen::Away,
                _ => match self.cell(v) {
                    Some(c) if near(c, home) => Seen::Home,
                    Some(_) => Seen::Away,
                    None => Seen::Unknown,
                },
            };
        }
        out
    }

    /// The routine around `home`, if enough days have positions.
    pub fn routine(&self, home: Cell) -> Option<Routine> {
        // Monday first; each hour's (away, known) slots.
        let mut hours = [[(0_u32, 0_u32); 24]; 7];
        let (mut leaves, mut backs) = (Vec::new(), Vec::new());
        let mut days = 0_usize;
        for (day, slots) in self.all_days() {
            let seen = self.seen(slots, home);
            if seen.iter().all(|s| *s == Seen::Unknown) {
                continue;
            }
            days += 1;
            let weekday = usize::try_from((day + 3).rem_euclid(7)).unwrap_or(0);
            if let Some(row) = hours.get_mut(weekday) {
                for (i, s) in seen.iter().enumerate() {
                    if let Some(cell) = row.get_mut(i / 6) {
                        cell.0 += u32::from(*s == Seen::Away);
                        cell.1 += u32::from(*s != Seen::Unknown);
                    }
                }
            }
            if weekday < 5 {
                if let Some((leave, back)) = day_out(&seen) {
                    leaves.push(leave);
                    backs.push(back);
                }
            }
        }
        if days < MIN_DAYS {
            return None;
        }
        let away = hours.map(|row| {
            row.map(|(away, known)| {
                // Fewer than three slots (half an hour) in that hour over all weeks say nothing.
                (known >= 3).then(|| {
                    let percent = (u64::from(away) * 100 + u64::from(known) / 2) / u64::from(known);
                    u8::try_from(percent).unwrap_or(100)
                })
            })
        });
        let weekdays = leaves.len();
        let (leave, back) = if weekdays >= MIN_DAYS {
            (median(&mut leaves), median(&mut backs))
        } else {
            (None, None)
        };
        Some(Routine {
            days: days as u64,
            weekdays: weekdays as u64,
            leave,
            back,
            away,
        })
    }
}

/// Whether most of the next hour's known slots after `from` are `what` (no known slot: yes).
fn mostly(seen: &[Seen], from: usize, what: Seen) -> bool {
    let (mut known, mut matching) = (0, 0);
    for s in seen
        .iter()
        .skip(from)
        .take(6)
        .filter(|s| **s != Seen::Unknown)
    {
        known += 1;
        matching += usize::from(*s == what);
    }
    2 * matching >= known
}

/// A day's departure and return, in minutes after midnight: the first time the person leaves
/// home between 04:00 and 14:00 for at least most of an hour, and the last time they come back
/// home, after noon and at least an hour after leaving.
fn day_out(seen: &[Seen; SLOTS]) -> Option<(u16, u16)> {
    let mut previous = Seen::Unknown;
    let mut leave = None;
    for (i, &s) in seen.iter().enumerate() {
        if s == Seen::Unknown {
            continue;
        }
        if (24..84).contains(&i) && previous == Seen::Home && s == Seen::Away && mostly(seen, i, s)
        {
            leave = Some(i);
            break;
        }
        previous = s;
    }
    let leave = leave?;
    let mut back = None;
    let mut previous = Seen::Unknown;
    for (i, &s) in seen.iter().enumerate().skip(leave) {
        if s == Seen::Unknown {
            continue;
        }
        if i >= 72.max(leave + 6) && previous == Seen::Away && s == Seen::Home && mostly(seen, i, s)
        {
            back = Some(i);
        }
        previous = s;
    }
    let minutes = |slot: usize| u16::try_from(slot * 10).ok();
    Some((minutes(leave)?, minutes(back?)?))
}

/// The median of times in minutes, rounded to 5 minutes (the lower middle for an even count).
pub(crate) fn median(values: &mut [u16]) -> Option<u16> {
    values.sort_unstable();
    let middle = *values.get(values.len().checked_sub(1)? / 2)?;
    Some((middle + 2) / 5 * 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 3_600_000;
    const DAY: Millis = 24 * HOUR;
    const HOME: Cell = (30_773, -768);
    const WORK: Cell = (30_763, -780);
    /// 2024-03-04, a Monday, as a local day number.
    const MONDAY: i64 = 19_786;

    /// A position every 20 minutes: home at night, out from `leave` to `back` (minutes) on
    /// weekdays, at home all weekend.
    fn commuter(weeks: i64, leave: i64, back: i64) -> Timeline {
        let mut timeline = Timeline::default();
        for day in MONDAY..MONDAY + 7 * weeks {
            let weekday = (day + 3).rem_euclid(7);
            for step in 0..72 {
                let minute = step * 20;
                let cell = if weekday < 5 && (leave..back).contains(&minute) {
                    WORK
                } else {
                    HOME
                };
                timeline.at(day * DAY + minute * 60_000, cell);
            }
        }
        timeline
    }

    #[test]
    fn a_commuters_departure_and_return_are_found_to_ten_minutes() {
        // Leaves at 08:00, back at 18:00 (positions every 20 minutes: seen at 08:00 and 18:00).
        let routine = commuter(4, 8 * 60, 18 * 60).routine(HOME).unwrap();
        assert_eq!((routine.days, routine.weekdays), (28, 20));
        // The first slot away follows a slot filled as "on the move" (07:40 home, 08:00 work).
        assert_eq!(routine.leave, Some(7 * 60 + 50));
        assert_eq!(routine.back, Some(18 * 60));
        // Monday 12:00 away every week; Saturday never; Monday 03:00 at home.
        assert_eq!(routine.away[0][12], Some(100));
        assert_eq!(routine.away[5][12], Some(0));
        assert_eq!(routine.away[0][3], Some(0));
        // 07:00–08:00 on Mondays: 07:50 is on the move, one slot in six.
        assert_eq!(routine.away[0][7], Some(17));
    }

    #[test]
    fn too_few_days_give_no_routine_and_unseen_hours_stay_empty() {
        assert_eq!(commuter(0, 480, 1080).routine(HOME), None);
        let mut timeline = Timeline::default();
        for day in MONDAY..MONDAY + 6 {
            // One position a day at 12:00, so each day has one known slot only.
            timeline.at(day * DAY + 12 * HOUR, HOME);
        }
        let routine = timeline.routine(HOME).unwrap();
        assert_eq!((routine.days, routine.weekdays), (6, 0));
        assert_eq!((routine.leave, routine.back), (None, None));
        assert!(routine.away.iter().flatten().all(Option::is_none));
    }

    #[test]
    fn stays_and_moves_fill_the_slots_they_cover() {
        let mut timeline = Timeline::default();
        for day in MONDAY..MONDAY + 5 {
            let at = day * DAY;
            timeline.stay(at, at + 8 * HOUR, HOME);
            timeline.moving(at + 8 * HOUR, at + 9 * HOUR);
            timeline.stay(at + 9 * HOUR, at + 17 * HOUR, WORK);
            timeline.stay(at + 17 * HOUR + 30 * 60_000, at + DAY - 1, HOME);
        }
        let routine = timeline.routine(HOME).unwrap();
        assert_eq!(routine.weekdays, 5);
        // The stay ending at 08:00 holds slot 08:00 too; the move takes the next one.
        assert_eq!(routine.leave, Some(8 * 60 + 10));
        assert_eq!(routine.back, Some(17 * 60 + 30));
        let time = timeline.time_by_place();
        // Home: 00:00–08:00 (49 slots) and 17:30–24:00 (39) each day; work 9:00–17:00 (49).
        assert_eq!(time.get(&HOME), Some(&(5 * 88)));
        assert_eq!(time.get(&WORK), Some(&(5 * 49)));
    }

    #[test]
    fn positions_far_apart_in_time_leave_the_gap_unknown() {
        let mut timeline = Timeline::default();
        timeline.at(MONDAY * DAY, HOME);
        timeline.at(MONDAY * DAY + 3 * HOUR, HOME);
        timeline.at(MONDAY * DAY + 4 * HOUR, HOME);
        // 1 + 1 + the 5 slots between 03:00 and 04:00 + 1.
        assert_eq!(timeline.time_by_place().get(&HOME), Some(&8));
    }

    #[test]
    fn a_sparse_commute_leaves_in_the_last_half_hour_before_the_first_position_away() {
        let mut timeline = Timeline::default();
        for day in MONDAY..MONDAY + 5 {
            let at = |h: i64, m: i64| day * DAY + h * HOUR + m * 60_000;
            // Home every hour of the night, the last time at 6:30; at work from 8:30.
            for h in 0..7 {
                timeline.at(at(h, 30), HOME);
            }
            timeline.at(at(8, 30), WORK);
            timeline.at(at(10, 0), WORK);
            timeline.at(at(12, 0), WORK);
            timeline.at(at(13, 30), WORK);
            timeline.at(at(16, 50), WORK);
            timeline.at(at(18, 0), HOME);
            timeline.at(at(20, 0), HOME);
        }
        let routine = timeline.routine(HOME).unwrap();
        // Not 6:40, just after the last position at home: 30 minutes before the first at work.
        assert_eq!(routine.leave, Some(8 * 60));
        assert_eq!(routine.back, Some(18 * 60));
    }

    #[test]
    fn one_position_with_a_bogus_date_does_not_stop_the_filling() {
        let hourly = |timeline: &mut Timeline| {
            for h in 0..10 {
                timeline.at(MONDAY * DAY + h * HOUR, HOME);
            }
        };
        let mut clean = Timeline::default();
        hourly(&mut clean);
        let mut bogus = Timeline::default();
        // Year 9999, then the same positions.
        bogus.at(2_932_896 * DAY, HOME);
        hourly(&mut bogus);
        let at_home = |t: &Timeline| t.time_by_place().get(&HOME).copied();
        // 10 positions and the 5 slots between each pair.
        assert_eq!(at_home(&clean), Some(10 + 9 * 5));
        assert_eq!(at_home(&bogus), Some(10 + 9 * 5 + 1));
    }

    #[test]
    fn stays_do_not_overwrite_positions_and_positions_win_whatever_the_order() {
        let mut timeline = Timeline::default();
        let noon = MONDAY * DAY + 12 * HOUR;
        timeline.at(noon, WORK);
        // A listed stay at home over the whole day, read after the position.
        timeline.stay(MONDAY * DAY, MONDAY * DAY + DAY - 1, HOME);
        let time = timeline.time_by_place();
        assert_eq!((time.get(&WORK), time.get(&HOME)), (Some(&1), Some(&143)));
    }

    #[test]
    fn bogus_dates_and_scattered_places_are_capped() {
        let mut timeline = Timeline::default();
        // Positions on each of 30,000 days, each in another cell, three hours apart.
        for day in 0..30_000 {
            for h in 0..5 {
                let cell = (i32::try_from(day).unwrap(), i32::try_from(h).unwrap());
                timeline.at(day * DAY + h * 3 * HOUR, cell);
            }
        }
        assert_eq!(timeline.days.len(), MAX_DAYS);
        assert_eq!(timeline.cells.len(), MAX_CELLS);
    }
}
