//! Trips: how far the person went, by which means, week by week, and what it cost in carbon.
//!
//! Two ways in, kept apart until the file is read:
//! - the moves the export lists (Timeline's activity segments, workouts), with the export's mode and
//!   distance (else the straight line between their ends);
//! - trips cut out of the positions. A trip starts when a position lies 200 m or more from the
//!   last place the person was seen, and ends after 10 minutes with no such step. Its length is
//!   the sum of those steps, so that a phone's position wandering around a still person adds
//!   nothing; positions located by cell towers (off by a kilometre or more) are left out. A trip
//!   that never gets far from its start for its length (back and forth between two wrong
//!   positions) is left out too. A step faster than 1,200 km/h is a bad position, and is left
//!   out. Steps after 30 minutes to a day with no position are moves the export does not show:
//!   a flight when long and fast enough, else a distance whose mode is unknown (over 1 km).
//!
//! When the export lists moves, they are the trips (the positions of such files repeat them). A
//! position's mode comes from the export's own guesses of the activity (Records.json's
//! `activity`), for the step that starts there; a trip with no guess at all has its mode
//! estimated from its speeds, and is marked so.
//!
//! Memory stays bounded: per local day and mode, a few numbers (a decade is a few thousand days),
//! per pair of places (cells of about 330 m) and year, the trips between them, for home–work, and
//! the first [`MAX_LOGGED`] trips one by one (about 50 bytes each), for the day view and for
//! corrections. Once the file is read, all this is its [`Journal`]: a correction of a trip's mode
//! takes its legs out of the totals and puts them back under the new mode, so that the summary
//! it gives is what the file would have said had the export named that mode.

use std::collections::BTreeMap;

use super::co2;
use super::fxhash::FxHashMap;
use super::home::{Clock, Presence, Said};
use crate::model::blocks::Blocks;
use crate::model::day::{DayLeg, DayTrip, PlaceSaid};
use crate::model::location::{Fix, Home, LatLng, Mode, Move, Routine, Work};
use crate::model::time::{civil_from_days, iso_week, Millis};
use crate::model::trips::{HomeWork, ModeTotal, Period, TripOrigin, TripRecord, TripSummary};

const DAY: Millis = 86_400_000;
/// A step shorter than this is the position wandering, not the person moving.
const STEP_M: f64 = 200.0;
/// A trip ends after this long without a step.
const STOP: Millis = 10 * 60_000;
/// Longer without a position, a step is a move the export does not show…
const GAP: Millis = 30 * 60_000;
/// …and longer still, nothing can be said of it.
const LONG_GAP: Millis = DAY;
/// Faster is a bad position (an airliner flies at about 900 km/h).
const MAX_KMH: f64 = 1_200.0;
/// A step this long waits for the next position to confirm it.
const SPIKE_M: f64 = 1_000.0;
/// Longer than any trip on Earth's surface (half a great circle): a distance the export gives
/// beyond it is wrong, and the straight line between the ends is taken instead.
const MAX_LEG_M: f64 = 20_100_000.0;
/// Caps on what is kept, whatever the file holds: (day, mode) pairs (ten modes a day for 27
/// years), and pairs of places for home–work.
const MAX_DAY_MODES: usize = 100_000;
const MAX_ENDS: usize = 50_000;
const MAX_ENDS_PER_YEAR: usize = 10_000;
/// Cells for home–work, in E7 units: 0.003°, about 330 m of latitude.
const END_CELL_E7: i32 = 30_000;
/// What the person says of a place holds within this distance of where they said it.
const SAME_PLACE_M: f64 = 250.0;
/// Trips kept one by one (a trip a day for 500 years, ten a day for 50): about 10 MB at most.
pub const MAX_LOGGED: usize = 200_000;

/// The modes, in the order of [`Mode`]'s variants, to count guesses in an array.
const MODES: [Mode; 14] = [
    Mode::Walking,
    Mode::Running,
    Mode::Cycling,
    Mode::Car,
    Mode::Motorcycle,
    Mode::Bus,
    Mode::Train,
    Mode::Subway,
    Mode::Tram,
    Mode::Ferry,
    Mode::Flying,
    Mode::Skiing,
    Mode::Still,
    Mode::Unknown,
];

fn index(mode: Mode) -> usize {
    MODES
        .iter()
        .position(|m| *m == mode)
        .unwrap_or(MODES.len() - 1)
}

/// One leg of a trip: a mode, a length, and whether the mode was estimated from speed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Leg {
    mode: Mode,
    metres: f64,
    estimated: bool,
}

/// What a day holds for one mode.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Tally {
    legs: u32,
    metres: f64,
    estimated: f64,
    /// `None` until a leg with a carbon factor is added.
    grams: Option<u64>,
}

type Cell = (i32, i32);

fn end_cell(at: LatLng) -> Cell {
    (
        at.lat_e7.div_euclid(END_CELL_E7),
        at.lng_e7.div_euclid(END_CELL_E7),
    )
}

/// The leg of most of a trip's length.
fn main_leg(legs: &[Leg]) -> Option<Leg> {
    let mut main: Option<Leg> = None;
    for leg in legs {
        if main.is_none_or(|m| leg.metres > m.metres) {
            main = Some(*leg);
        }
    }
    main
}

/// What a kept trip's legs add up to, as the day view and the exports show it.
struct LegSums {
    /// The mode of most of its length.
    mode: Mode,
    metres: u64,
    /// `None` when no leg has a carbon factor.
    grams: Option<u64>,
    estimated: bool,
}

impl LegSums {
    fn of(legs: &[Leg]) -> Option<LegSums> {
        let main = main_leg(legs)?;
        Some(LegSums {
            mode: main.mode,
            metres: whole(legs.iter().map(|l| l.metres).sum()),
            grams: legs
                .iter()
                .filter_map(|l| co2::grams(l.mode, l.metres))
                .reduce(u64::saturating_add),
            estimated: legs.iter().any(|l| l.estimated),
        })
    }
}

/// One trip, as it is added.
struct Trip<'a> {
    start: Millis,
    end: Millis,
    /// Local time at its start, and at its end (where it ended).
    local_start: Millis,
    local_end: Millis,
    from: Option<LatLng>,
    to: Option<LatLng>,
    legs: &'a [Leg],
}

/// One trip kept for the day view and corrections; its legs are `leg_store[first..first + count]`
/// of the [`Legs`] that keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Logged {
    start: Millis,
    end: Millis,
    /// Local time minus UTC at its start and at its end, in milliseconds.
    offset: i32,
    end_offset: i32,
    from: Option<LatLng>,
    to: Option<LatLng>,
    first: u32,
    count: u8,
    corrected: bool,
}

impl Logged {
    fn day(&self) -> i64 {
        (self.start + Millis::from(self.offset)).div_euclid(DAY)
    }
}

/// The trips of one way in: per local day and mode, per pair of places, year and main mode, and
/// the first [`MAX_LOGGED`] one by one.
#[derive(Debug, Default, Clone, PartialEq)]
struct Legs {
    trips: u64,
    days: BTreeMap<(i64, Mode), Tally>,
    ends: FxHashMap<(Cell, Cell, i64, Mode), (u64, f64)>,
    /// Pairs kept per year.
    ends_per_year: BTreeMap<i64, usize>,
    log: Blocks<Logged>,
    leg_store: Blocks<Leg>,
}

impl Legs {
    /// One trip.
    fn add(&mut self, trip: &Trip<'_>) {
        let day = trip.local_start.div_euclid(DAY);
        self.trips += 1;
        self.tally(day, trip.legs);
        if self.log.next_index() < MAX_LOGGED {
            // The legs are stored only once the trip's header fits, so none is left unlogged.
            if let (Ok(count), Ok(offset), Ok(end_offset)) = (
                u8::try_from(trip.legs.len()),
                i32::try_from(trip.local_start - trip.start),
                i32::try_from(trip.local_end - trip.end),
            ) {
                let first = self.leg_store.push_run(trip.legs);
                if let Some(first) = first.and_then(|first| u32::try_from(first).ok()) {
                    self.log.push(Logged {
                        start: trip.start,
                        end: trip.end,
                        offset,
                        end_offset,
                        from: trip.from,
                        to: trip.to,
                        first,
                        count,
                        corrected: false,
                    });
                }
            }
        }
        let (Some(main), Some(from), Some(to)) = (main_leg(trip.legs), trip.from, trip.to) else {
            return;
        };
        let year = civil_from_days(day).0;
        let key = (end_cell(from), end_cell(to), year, main.mode);
        if !self.ends.contains_key(&key) && !self.room_for(year) {
            return;
        }
        let end = self.ends.entry(key).or_default();
        end.0 += 1;
        end.1 += trip.legs.iter().map(|l| l.metres).sum::<f64>();
    }

    /// Adds legs to their day's totals.
    fn tally(&mut self, day: i64, legs: &[Leg]) {
        for leg in legs {
            let key = (day, leg.mode);
            if self.days.len() >= MAX_DAY_MODES && !self.days.contains_key(&key) {
                continue;
            }
            let tally = self.days.entry(key).or_default();
            tally.legs = tally.legs.saturating_add(1);
            tally.metres += leg.metres;
            if leg.estimated {
                tally.estimated += leg.metres;
            }
            if let Some(g) = co2::grams(leg.mode, leg.metres) {
                tally.grams = Some(tally.grams.unwrap_or(0).saturating_add(g));
            }
        }
    }

    /// Takes legs added by [`Legs::tally`] out of their day's totals.
    fn untally(&mut self, day: i64, legs: &[Leg]) {
        for leg in legs {
            let Some(tally) = self.days.get_mut(&(day, leg.mode)) else {
                continue;
            };
            tally.legs = tally.legs.saturating_sub(1);
            tally.metres -= leg.metres;
            if leg.estimated {
                tally.estimated -= leg.metres;
            }
            if let (Some(g), Some(sum)) = (co2::grams(leg.mode, leg.metres), tally.grams.as_mut()) {
                *sum = sum.saturating_sub(g);
            }
            if tally.legs == 0 {
                self.days.remove(&(day, leg.mode));
            }
        }
    }

    /// The legs of a kept trip.
    fn legs_of(&self, trip: &Logged) -> &[Leg] {
        self.leg_store
            .run(trip.first as usize, usize::from(trip.count))
    }

    /// Sets the mode of kept trip `index`: all its length becomes one leg of `mode`, no longer
    /// an estimate. False if there is no such trip.
    fn correct(&mut self, index: usize, mode: Mode) -> bool {
        let Some(trip) = self.log.get(index).copied() else {
            return false;
        };
        let old = self.legs_of(&trip).to_vec();
        let Some(old_main) = main_leg(&old) else {
            return false;
        };
        let metres: f64 = old.iter().map(|l| l.metres).sum();
        let new = Leg {
            mode,
            metres,
            estimated: false,
        };
        let day = trip.day();
        // At the cap on (day, mode) pairs, a new pair would lose the trip's length.
        if self.days.len() >= MAX_DAY_MODES && !self.days.contains_key(&(day, mode)) {
            return false;
        }
        self.untally(day, &old);
        self.tally(day, &[new]);
        if let (Some(from), Some(to)) = (trip.from, trip.to) {
            let (a, b, year) = (end_cell(from), end_cell(to), civil_from_days(day).0);
            // Moved to the new mode only if it was counted (a full budget may have left it out).
            if let Some(end) = self.ends.get_mut(&(a, b, year, old_main.mode)) {
                end.0 = end.0.saturating_sub(1);
                end.1 -= metres;
                if end.0 == 0 {
                    self.ends.remove(&(a, b, year, old_main.mode));
                }
                let end = self.ends.entry((a, b, year, mode)).or_default();
                end.0 += 1;
                end.1 += metres;
            }
        }
        if let Some(slot) = self.leg_store.get_mut(trip.first as usize) {
            *slot = new;
        }
        if let Some(logged) = self.log.get_mut(index) {
            logged.count = 1;
            logged.corrected = true;
        }
        true
    }

    /// Whether a new pair of places of `year` may be kept: each year has its own budget, and
    /// when all are spent the oldest year gives way to a newer one (the finding tells of the
    /// latest year).
    fn room_for(&mut self, year: i64) -> bool {
        let used = self.ends_per_year.get(&year).copied().unwrap_or(0);
        if used >= MAX_ENDS_PER_YEAR {
            return false;
        }
        if self.ends.len() >= MAX_ENDS {
            match self.ends_per_year.first_key_value() {
                Some((&oldest, _)) if oldest < year => {
                    self.ends.retain(|k, _| k.2 != oldest);
                    self.ends_per_year.remove(&oldest);
                }
                _ => return false,
            }
        }
        *self.ends_per_year.entry(year).or_default() += 1;
        true
    }
}

/// A trip being cut out of the positions.
#[derive(Debug)]
struct Open {
    start: Millis,
    from: LatLng,
    /// `from`'s [`LatLng::cos_lat`].
    from_cos: f64,
    end: Millis,
    to: LatLng,
    /// Metres of the steps that started at a position with a guess, by mode.
    guessed: [f64; MODES.len()],
    /// Metres of the other steps.
    unguessed: f64,
    /// The fastest step of at least 30 s, in km/h.
    max_kmh: f64,
    /// The farthest the trip got from its start, in metres.
    farthest: f64,
}

/// The mode a trip's speeds suggest: its mean speed (stops under 10 minutes included) and its
/// fastest step, in km/h.
fn by_speed(mean_kmh: f64, max_kmh: f64) -> Mode {
    if mean_kmh >= 250.0 || max_kmh >= 350.0 {
        Mode::Flying
    } else if mean_kmh >= 100.0 && max_kmh >= 180.0 {
        Mode::Train
    } else if mean_kmh <= 7.0 && max_kmh <= 15.0 {
        Mode::Walking
    } else if mean_kmh <= 22.0 && max_kmh <= 35.0 {
        Mode::Cycling
    } else {
        Mode::Car
    }
}

/// A move across a gap in the positions: a flight when long and fast enough, else unknown.
fn across_gap(metres: f64, kmh: f64) -> Mode {
    if (metres >= 150_000.0 && kmh >= 300.0) || (metres >= 1_000_000.0 && kmh >= 150.0) {
        Mode::Flying
    } else {
        Mode::Unknown
    }
}

fn kmh(metres: f64, ms: Millis) -> f64 {
    #[allow(clippy::cast_precision_loss)] // durations in ms are far below 2^52
    let hours = ms as f64 / 3_600_000.0;
    if hours > 0.0 {
        metres / 1000.0 / hours
    } else {
        f64::INFINITY
    }
}

/// Every trip a file holds; see the module's documentation.
#[derive(Debug, Default)]
pub struct Trips {
    clock: Clock,
    listed: Legs,
    found: Legs,
    /// Where the person was last seen still, and when.
    anchor: Option<Anchor>,
    last: Option<Millis>,
    open: Option<Open>,
    /// The export's guesses of activity for the last position, counted by mode.
    guesses: [u16; MODES.len()],
    guessed: bool,
    /// The last position was left out (a cell tower's, out of order): its guesses are too.
    ignore_guesses: bool,
    /// A far position and its guess, until the next position confirms it.
    held: Option<(Fix, Option<Mode>)>,
    /// The activities named so far, as written, and their mode (at most [`KINDS`]): a file names
    /// the same few over and over, and [`Mode::parse`] allocates.
    kinds: Vec<(String, Mode)>,
}

/// Activities named as written whose mode [`Trips`] keeps at hand; others are parsed each time.
const KINDS: usize = 32;

/// The last place the person was seen still, with what makes a quick first test of a step.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    at: LatLng,
    seen: Millis,
    /// Metres per E7 unit of latitude, and of longitude at this latitude.
    cos_lat: f64,
}

impl Anchor {
    fn new(at: LatLng, seen: Millis) -> Anchor {
        Anchor::with_cos(at, seen, at.cos_lat())
    }

    fn with_cos(at: LatLng, seen: Millis, cos_lat: f64) -> Anchor {
        Anchor { at, seen, cos_lat }
    }

    /// Whether `to` is under a step away, on a flat Earth around the anchor: within a
    /// millimetre of the great circle at these distances, without its trigonometry.
    fn near(&self, to: LatLng) -> bool {
        /// Metres per degree × 10^-7 on the mean sphere.
        const M_PER_E7: f64 = 111_195.08 / 1e7;
        let dlat = f64::from(to.lat_e7 - self.at.lat_e7) * M_PER_E7;
        // The shorter way round: across the antimeridian too.
        let dlng = (i64::from(to.lng_e7) - i64::from(self.at.lng_e7) + 1_800_000_000)
            .rem_euclid(3_600_000_000)
            - 1_800_000_000;
        #[allow(clippy::cast_precision_loss)] // within ±1.8e9
        let dlng = dlng as f64 * M_PER_E7 * self.cos_lat;
        dlat * dlat + dlng * dlng < STEP_M * STEP_M
    }
}

impl Trips {
    /// A position, in time order (earlier ones are left out of trips); `source` is how it was
    /// located (`GPS`, `WIFI`, `CELL`…).
    pub fn fix(&mut self, fix: Fix, source: &str) {
        if self.last.is_some_and(|last| fix.time <= last) || source.eq_ignore_ascii_case("CELL") {
            // The guesses that follow are this position's: not for a step.
            self.ignore_guesses = true;
            return;
        }
        self.last = Some(fix.time);
        let guess = self.take_guess();
        self.ignore_guesses = false;
        // A far position waits for the next one: if that one is back where the person was, the
        // far one was a bad position (one Wi-Fi position 50 km off would make two flights).
        if let Some((held, held_guess)) = self.held.take() {
            let anchor = self.anchor.map(|a| a.at);
            let spike =
                anchor.is_some_and(|a| 4.0 * a.distance_m(fix.at) < held.at.distance_m(fix.at));
            if !spike {
                self.step(held, held_guess, false);
            }
        }
        self.step(fix, guess, true);
    }

    /// A position in the trip being cut out; `hold`: a step of [`SPIKE_M`] or more waits for
    /// the next position.
    fn step(&mut self, fix: Fix, guess: Option<Mode>, hold: bool) {
        if self.open.as_ref().is_some_and(|o| fix.time - o.end >= STOP) {
            self.close();
        }
        let Some(Anchor {
            at: anchor,
            seen,
            cos_lat: anchor_cos,
        }) = self.anchor
        else {
            self.anchor = Some(Anchor::new(fix.at, fix.time));
            return;
        };
        if let Some(a) = self.anchor.as_mut().filter(|a| a.near(fix.at)) {
            a.seen = fix.time;
            return;
        }
        // Each cosine once: the anchor's is kept, this position's is the next anchor's.
        let fix_cos = fix.at.cos_lat();
        let metres = anchor.distance_with_cos(anchor_cos, fix.at, fix_cos);
        if metres < STEP_M {
            // Near the antimeridian, where the quick test does not hold.
            if let Some(a) = self.anchor.as_mut() {
                a.seen = fix.time;
            }
            return;
        }
        let elapsed = fix.time - seen;
        let speed = kmh(metres, elapsed);
        if speed > MAX_KMH {
            return;
        }
        if hold && metres >= SPIKE_M {
            self.held = Some((fix, guess));
            return;
        }
        self.anchor = Some(Anchor::with_cos(fix.at, fix.time, fix_cos));
        if elapsed > GAP {
            self.close();
            if metres >= 1000.0 && elapsed <= LONG_GAP {
                let mode = across_gap(metres, speed);
                let leg = Leg {
                    mode,
                    metres,
                    estimated: true,
                };
                self.add_found((seen, fix.time), anchor, fix.at, &[leg]);
            }
            return;
        }
        let open = self.open.get_or_insert(Open {
            start: seen,
            from: anchor,
            from_cos: anchor_cos,
            end: seen,
            to: anchor,
            guessed: [0.0; MODES.len()],
            unguessed: 0.0,
            max_kmh: 0.0,
            farthest: 0.0,
        });
        let from = open.from.distance_with_cos(open.from_cos, fix.at, fix_cos);
        open.farthest = open.farthest.max(from);
        match guess {
            Some(mode) => {
                if let Some(m) = open.guessed.get_mut(index(mode)) {
                    *m += metres;
                }
            }
            None => open.unguessed += metres,
        }
        if elapsed >= 30_000 {
            open.max_kmh = open.max_kmh.max(speed);
        }
        open.end = fix.time;
        open.to = fix.at;
    }

    /// One of the export's guesses of what the person was doing at the last position
    /// (`IN_VEHICLE`, `ON_BICYCLE`, `STILL`…).
    pub fn guess(&mut self, kind: &str) {
        if self.ignore_guesses {
            return;
        }
        let mode = if let Some(&(_, mode)) = self.kinds.iter().find(|(k, _)| k == kind) {
            mode
        } else {
            let mode = Mode::parse(kind);
            if self.kinds.len() < KINDS {
                self.kinds.push((kind.to_owned(), mode));
            }
            mode
        };
        if !matches!(mode, Mode::Still | Mode::Unknown) {
            if let Some(n) = self.guesses.get_mut(index(mode)) {
                *n = n.saturating_add(1);
                self.guessed = true;
            }
        }
    }

    /// The most guessed mode of the last position, if any; the count starts again.
    fn take_guess(&mut self) -> Option<Mode> {
        if !std::mem::take(&mut self.guessed) {
            return None;
        }
        let (best, n) = self
            .guesses
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
        let mode = (*n > 0).then(|| MODES.get(best).copied()).flatten();
        self.guesses = [0; MODES.len()];
        mode
    }

    fn add_found(
        &mut self,
        (start, end): (Millis, Millis),
        from: LatLng,
        to: LatLng,
        legs: &[Leg],
    ) {
        let local_start = self.clock.local(from, start);
        let local_end = self.clock.local(to, end);
        self.found.add(&Trip {
            start,
            end,
            local_start,
            local_end,
            from: Some(from),
            to: Some(to),
            legs,
        });
    }

    /// Ends the trip under way: kept unless it is the position wandering (under 200 m from
    /// where it started and under 1 km long, more than 5 times longer than the farthest it got
    /// from its start, or slower than 1.5 km/h on average).
    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let metres = open.unguessed + open.guessed.iter().sum::<f64>();
        let mean = kmh(metres, open.end - open.start);
        if (open.from.distance_m(open.to) < 200.0 && metres < 1000.0)
            || metres > 5.0 * open.farthest
            || mean < 1.5
        {
            return;
        }
        let mut legs: Vec<Leg> = MODES
            .iter()
            .zip(open.guessed)
            .filter(|(_, m)| *m > 0.0)
            .map(|(mode, metres)| Leg {
                mode: *mode,
                metres,
                estimated: false,
            })
            .collect();
        // "In a vehicle" at a high-speed train's speeds is a train.
        let fast = by_speed(mean, open.max_kmh);
        for leg in &mut legs {
            if leg.mode == Mode::Car && matches!(fast, Mode::Train | Mode::Flying) {
                (leg.mode, leg.estimated) = (fast, true);
            }
        }
        if open.unguessed > 0.0 {
            let main = legs.iter_mut().max_by(|a, b| a.metres.total_cmp(&b.metres));
            match main {
                Some(main) => main.metres += open.unguessed,
                None => legs.push(Leg {
                    mode: fast,
                    metres: open.unguessed,
                    estimated: true,
                }),
            }
        }
        self.add_found((open.start, open.end), open.from, open.to, &legs);
    }

    /// A move the export lists.
    pub fn movement(&mut self, movement: &Move) {
        let straight = movement.from.zip(movement.to).map(|(a, b)| a.distance_m(b));
        let Some(metres) = movement
            .distance_m
            .filter(|d| d.is_finite() && *d > 0.0 && *d <= MAX_LEG_M)
            .or(straight)
            .filter(|d| *d > 0.0)
        else {
            return;
        };
        let leg = match movement.mode {
            Mode::Still | Mode::Unknown if movement.end > movement.start => Leg {
                mode: by_speed(kmh(metres, movement.end - movement.start), 0.0),
                metres,
                estimated: true,
            },
            mode => Leg {
                mode,
                metres,
                estimated: false,
            },
        };
        // Local time where it started (else where it ended; else UTC).
        let local_start = match movement.from.or(movement.to) {
            Some(at) => self.clock.local(at, movement.start),
            None => movement.start,
        };
        let end = movement.end.max(movement.start);
        let local_end = match movement.to.or(movement.from) {
            Some(at) => self.clock.local(at, end),
            None => end,
        };
        self.listed.add(&Trip {
            start: movement.start,
            end,
            local_start,
            local_end,
            from: movement.from,
            to: movement.to,
            legs: &[leg],
        });
    }

    /// The trips, once the whole file is read: the moves the export lists if it lists any, else
    /// those found in the positions; `None` when there are none. `home` and `work` name the
    /// trips between them.
    pub fn finish(self, home: Option<&Home>, work: Option<&Work>) -> Option<TripSummary> {
        self.journal(home, work, Presence::default()).summary()
    }

    /// What is kept of the trips once the whole file is read (see [`Trips::finish`]), with
    /// `presence`, where home and work were found from, to find them again when the person says
    /// what a place is.
    pub fn journal(
        mut self,
        home: Option<&Home>,
        work: Option<&Work>,
        presence: Presence,
    ) -> Journal {
        if let Some((held, guess)) = self.held.take() {
            self.step(held, guess, false);
        }
        self.close();
        let (origin, legs) = if self.listed.trips > 0 {
            (TripOrigin::Export, self.listed)
        } else {
            (TripOrigin::Positions, self.found)
        };
        Journal {
            origin,
            legs,
            home: home.and_then(|h| LatLng::from_degrees(h.lat, h.lng)),
            work: work.and_then(|w| LatLng::from_degrees(w.lat, w.lng)),
            presence,
            said: Said::default(),
        }
    }
}

/// A file's trips once it is read: the totals, and the first [`MAX_LOGGED`] trips one by one,
/// for the day view ([`super::day`]) and corrections.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Journal {
    origin: TripOrigin,
    legs: Legs,
    home: Option<LatLng>,
    work: Option<LatLng>,
    /// Where the person was at night and in working hours, to find home and work again when
    /// they say what a place is.
    presence: Presence,
    said: Said,
}

/// Home, work and the routine, found again after the person said what a place is.
#[derive(Debug, Clone, PartialEq)]
pub struct Places {
    pub home: Option<Home>,
    pub work: Option<Work>,
    pub routine: Option<Routine>,
}

impl Journal {
    /// The person says what the place at `at` is: home and work are found again (the home–work
    /// trips follow), and its stays are named so in the day view.
    pub fn relabel(&mut self, at: LatLng, place: PlaceSaid) -> Places {
        let here = |p: &LatLng| p.distance_m(at) <= SAME_PLACE_M;
        let said = &mut self.said;
        said.home = said.home.filter(|p| !here(p));
        said.work = said.work.filter(|p| !here(p));
        said.others_homes.retain(|p| !here(p));
        said.not_mine.retain(|p| !here(p));
        match place {
            PlaceSaid::Home => said.home = Some(at),
            PlaceSaid::Work => said.work = Some(at),
            PlaceSaid::OthersHome => said.others_homes.push(at),
            PlaceSaid::NotMine => said.not_mine.push(at),
            PlaceSaid::Unsaid => {}
        }
        let home = self.presence.home_as_said(&self.said);
        let work = self.presence.work_as_said(home.as_ref(), &self.said);
        self.home = home
            .as_ref()
            .and_then(|h| LatLng::from_degrees(h.lat, h.lng));
        self.work = work
            .as_ref()
            .and_then(|w| LatLng::from_degrees(w.lat, w.lng));
        Places {
            routine: self.presence.routine(home.as_ref()),
            home,
            work,
        }
    }

    /// What the person said of the place at `at`, if anything.
    pub fn said_at(&self, at: LatLng) -> Option<PlaceSaid> {
        let here = |p: &LatLng| p.distance_m(at) <= SAME_PLACE_M;
        let said = &self.said;
        if said.home.as_ref().is_some_and(here) {
            Some(PlaceSaid::Home)
        } else if said.work.as_ref().is_some_and(here) {
            Some(PlaceSaid::Work)
        } else if said.others_homes.iter().any(here) {
            Some(PlaceSaid::OthersHome)
        } else if said.not_mine.iter().any(here) {
            Some(PlaceSaid::NotMine)
        } else {
            None
        }
    }

    /// The probable home and place of work, as the file's summary names them.
    pub fn home(&self) -> Option<LatLng> {
        self.home
    }

    pub fn work(&self) -> Option<LatLng> {
        self.work
    }

    /// Sets the mode of trip `id` (a [`DayTrip::id`]); false if there is no such trip.
    pub fn correct(&mut self, id: u32, mode: Mode) -> bool {
        usize::try_from(id).is_ok_and(|i| self.legs.correct(i, mode))
    }

    /// The local days with a trip kept, in no particular order.
    pub fn days(&self) -> impl Iterator<Item = i64> + '_ {
        self.legs.log.iter().map(|(_, trip)| trip.day())
    }

    /// The trips that start on local `day` (days since 1970), in time order, as the day view
    /// lists them.
    pub fn trips_on(&self, day: i64) -> Vec<DayTrip> {
        let hhmm = |ms: Millis| {
            let minutes = ms.rem_euclid(DAY) / 60_000;
            format!("{:02}:{:02}", minutes / 60, minutes % 60)
        };
        let point = |at: Option<LatLng>| at.map(|a| [a.lat(), a.lng()]);
        let mut trips: Vec<(Millis, DayTrip)> = Vec::new();
        for (i, trip) in self.legs.log.iter() {
            if trip.day() != day {
                continue;
            }
            let legs = self.legs.legs_of(trip);
            let Some(sums) = LegSums::of(legs) else {
                continue;
            };
            let local_end = trip.end + Millis::from(trip.end_offset);
            trips.push((
                trip.start,
                DayTrip {
                    id: u32::try_from(i).unwrap_or(u32::MAX),
                    start: hhmm(trip.start + Millis::from(trip.offset)),
                    end: hhmm(local_end),
                    ends_later: u32::try_from(local_end.div_euclid(DAY) - day).unwrap_or(0),
                    from: point(trip.from),
                    to: point(trip.to),
                    mode: sums.mode,
                    legs: legs
                        .iter()
                        .map(|l| DayLeg {
                            mode: l.mode,
                            metres: whole(l.metres),
                        })
                        .collect(),
                    metres: sums.metres,
                    grams: sums.grams,
                    estimated: sums.estimated,
                    corrected: trip.corrected,
                },
            ));
        }
        trips.sort_by_key(|(start, _)| *start);
        trips.into_iter().map(|(_, t)| t).collect()
    }

    /// Every trip kept (the first [`MAX_LOGGED`]), in time order, with the person's corrections:
    /// what the exports write.
    pub fn records(&self) -> Vec<TripRecord> {
        let mut records: Vec<TripRecord> = self
            .legs
            .log
            .iter()
            .filter_map(|(_, trip)| {
                let sums = LegSums::of(self.legs.legs_of(trip))?;
                Some(TripRecord {
                    start: trip.start,
                    end: trip.end,
                    from: trip.from,
                    to: trip.to,
                    mode: sums.mode,
                    metres: sums.metres,
                    grams: sums.grams,
                    estimated: sums.estimated,
                    corrected: trip.corrected,
                })
            })
            .collect();
        records.sort_by_key(|r| r.start);
        records
    }

    /// The trips' summary, as the report carries it; `None` when there are none.
    pub fn summary(&self) -> Option<TripSummary> {
        let (origin, legs) = (self.origin, &self.legs);
        if legs.days.is_empty() {
            return None;
        }
        let places = self.home.zip(self.work);
        Some(TripSummary {
            origin,
            trips: legs.trips,
            modes: totals(&legs.days),
            grams: legs
                .days
                .values()
                .filter_map(|t| t.grams)
                .fold(0, u64::saturating_add),
            plane_grams: legs
                .days
                .iter()
                .filter(|((_, mode), _)| *mode == Mode::Flying)
                .filter_map(|(_, t)| t.grams)
                .fold(0, u64::saturating_add),
            weeks: periods(&legs.days, |day| {
                let (year, week) = iso_week(day);
                format!("{year}-W{week:02}")
            }),
            months: periods(&legs.days, |day| {
                let (year, month, _) = civil_from_days(day);
                format!("{year}-{month:02}")
            }),
            years: periods(&legs.days, |day| civil_from_days(day).0.to_string()),
            home_work: places.map_or_else(Vec::new, |(h, w)| home_work(&legs.ends, h, w)),
        })
    }
}

/// Whole metres.
fn whole(metres: f64) -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // lengths on Earth
    let m = metres.max(0.0).round().min(1e15) as u64;
    m
}

/// Each mode over the whole file, longest first.
fn totals(days: &BTreeMap<(i64, Mode), Tally>) -> Vec<ModeTotal> {
    let mut by_mode: BTreeMap<Mode, Tally> = BTreeMap::new();
    for ((_, mode), t) in days {
        let total = by_mode.entry(*mode).or_default();
        total.legs = total.legs.saturating_add(t.legs);
        total.metres += t.metres;
        total.estimated += t.estimated;
        if let Some(g) = t.grams {
            total.grams = Some(total.grams.unwrap_or(0).saturating_add(g));
        }
    }
    let mut modes: Vec<ModeTotal> = by_mode
        .into_iter()
        .map(|(mode, t)| ModeTotal {
            mode,
            legs: u64::from(t.legs),
            metres: whole(t.metres),
            estimated_metres: whole(t.estimated),
            grams: t.grams,
        })
        .collect();
    modes.sort_by_key(|m| std::cmp::Reverse(m.metres));
    modes
}

/// The days grouped into periods named by `name` (days come in order, and so do periods).
fn periods(days: &BTreeMap<(i64, Mode), Tally>, name: impl Fn(i64) -> String) -> Vec<Period> {
    type Sums = (String, BTreeMap<Mode, f64>, BTreeMap<Mode, u64>);
    let mut out: Vec<Sums> = Vec::new();
    for ((day, mode), t) in days {
        let period = name(*day);
        if out.last().is_none_or(|(p, _, _)| *p != period) {
            out.push((period, BTreeMap::new(), BTreeMap::new()));
        }
        if let Some((_, metres, grams)) = out.last_mut() {
            *metres.entry(*mode).or_default() += t.metres;
            if let Some(g) = t.grams {
                let sum = grams.entry(*mode).or_default();
                *sum = sum.saturating_add(g);
            }
        }
    }
    out.into_iter()
        .map(|(period, metres, grams)| Period {
            period,
            metres: metres.into_iter().map(|(m, v)| (m, whole(v))).collect(),
            grams,
        })
        .collect()
}

/// Trips from home to work or back (each end within a cell of its place), by year and mode.
fn home_work(
    ends: &FxHashMap<(Cell, Cell, i64, Mode), (u64, f64)>,
    home: LatLng,
    work: LatLng,
) -> Vec<HomeWork> {
    let near = |a: Cell, b: Cell| (a.0 - b.0).abs() <= 1 && (a.1 - b.1).abs() <= 1;
    let (h, w) = (end_cell(home), end_cell(work));
    if near(h, w) {
        return Vec::new();
    }
    let mut found: BTreeMap<(i64, Mode), (u64, f64)> = BTreeMap::new();
    for ((from, to, year, mode), (trips, metres)) in ends {
        if (near(*from, h) && near(*to, w)) || (near(*from, w) && near(*to, h)) {
            let entry = found.entry((*year, *mode)).or_default();
            entry.0 += trips;
            entry.1 += metres;
        }
    }
    found
        .into_iter()
        .map(|((year, mode), (trips, metres))| HomeWork {
            year,
            mode,
            trips,
            metres: whole(metres),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::Confidence;
    use crate::model::time::{days_from_civil, parse_iso};

    fn at(lat: f64, lng: f64) -> LatLng {
        LatLng::from_degrees(lat, lng).unwrap()
    }

    fn time(iso: &str) -> Millis {
        parse_iso(iso).unwrap()
    }

    /// Positions every `step` seconds along a straight line due north from `from`, `metres_each`
    /// apart, starting at `start`.
    fn walk_north(trips: &mut Trips, from: LatLng, start: Millis, n: i32, step_s: i64, each: f64) {
        // 1 m of latitude is 1/111,195 of a degree on the mean sphere.
        let dlat = each / 111_195.08;
        for i in 0..=n {
            let fix = Fix {
                time: start + i64::from(i) * step_s * 1000,
                at: at(from.lat() + f64::from(i) * dlat, from.lng()),
            };
            trips.fix(fix, "GPS");
        }
    }

    #[test]
    fn a_night_train_is_listed_on_the_day_it_leaves_and_ends_the_next() {
        let mut trips = Trips::default();
        // Paris 22:40 to Nice 07:00 the next morning, local time (UTC+1 in February).
        trips.movement(&Move {
            start: time("2024-02-14T21:40:00Z"),
            end: time("2024-02-15T06:00:00Z"),
            from: Some(at(48.8443, 2.3744)),
            to: Some(at(43.7046, 7.2619)),
            distance_m: Some(1_088_000.0),
            mode: Mode::Train,
        });
        let journal = trips.journal(None, None, Presence::default());
        let day = days_from_civil(2024, 2, 14);
        let [train] = &journal.trips_on(day)[..] else {
            panic!("{:?}", journal.trips_on(day))
        };
        assert_eq!(
            (train.start.as_str(), train.end.as_str(), train.ends_later),
            ("22:40", "07:00", 1)
        );
        assert!(journal.trips_on(day + 1).is_empty());
        // Listed on the day it left: its stays are the one before it only.
        let view = super::super::day::day_view(&journal, None, &[day], Some(day)).unwrap();
        assert_eq!(view.stops.len(), 1);
        assert_eq!(view.stops[0].until.as_deref(), Some("22:40"));
    }

    #[test]
    fn listed_moves_keep_the_exports_mode_and_distance_and_their_carbon() {
        let mut trips = Trips::default();
        let la_rochelle = at(46.16, -1.15);
        let paris = at(48.8566, 2.3522);
        let nice = at(43.6584, 7.2159);
        // By train to Paris (the export says 471.3 km), by plane to Nice (no distance: the
        // straight line), on foot in Nice.
        let listed = [
            (
                Mode::Train,
                "2024-02-14T07:00:00Z",
                la_rochelle,
                paris,
                Some(471_300.0),
            ),
            (Mode::Flying, "2024-02-16T09:00:00Z", paris, nice, None),
            (
                Mode::Walking,
                "2024-02-17T10:00:00Z",
                nice,
                at(43.70, 7.27),
                Some(3_200.4),
            ),
        ];
        for (mode, start, from, to, distance_m) in listed {
            trips.movement(&Move {
                start: time(start),
                end: time(start) + 3_600_000,
                from: Some(from),
                to: Some(to),
                distance_m,
                mode,
            });
        }
        // Positions as well (as Timeline's files have): they do not count twice.
        walk_north(
            &mut trips,
            paris,
            time("2024-02-15T10:00:00Z"),
            20,
            60,
            150.0,
        );
        let s = trips.finish(None, None).unwrap();
        assert_eq!(s.origin, TripOrigin::Export);
        assert_eq!(s.trips, 3);
        // The straight line Paris–Nice, by hand (haversine, R = 6,371,008.8 m): 688,093 m.
        assert_eq!(whole(paris.distance_m(nice)), 688_093);
        let modes: Vec<(Mode, u64, u64, Option<u64>)> = s
            .modes
            .iter()
            .map(|m| (m.mode, m.metres, m.estimated_metres, m.grams))
            .collect();
        // Train: 471.3 km × 2.93 g (TGV) = 1,380.9 g; plane: short haul, 688.093 km × 258.58 g
        // = 177,927 g.
        let plane_grams = 177_927;
        assert_eq!(
            modes,
            [
                (Mode::Flying, 688_093, 0, Some(plane_grams)),
                (Mode::Train, 471_300, 0, Some(1_381)),
                (Mode::Walking, 3_200, 0, Some(0)),
            ]
        );
        assert_eq!(s.grams, plane_grams + 1_381);
        assert_eq!(s.plane_grams, plane_grams);
        // All in one week and one month; the walk's day is a Saturday.
        assert_eq!(s.weeks.len(), 1);
        assert_eq!(s.weeks[0].period, "2024-W07");
        assert_eq!(s.months[0].period, "2024-02");
        assert_eq!(s.years[0].period, "2024");
        assert_eq!(s.months[0].metres.get(&Mode::Train), Some(&471_300));
        assert_eq!(s.months[0].grams.get(&Mode::Train), Some(&1_381));
        assert_eq!(s.months[0].grams.get(&Mode::Walking), Some(&0));
    }

    #[test]
    fn trips_cut_out_of_positions_by_their_guesses_or_their_speed() {
        let mut trips = Trips::default();
        let home = at(46.1600, -1.1500);
        let start = time("2024-03-04T07:00:00Z");
        // Still at home for an hour, positions wandering 40 m around.
        for i in 0..30 {
            let wobble = if i % 2 == 0 { 0.0 } else { 0.00036 };
            trips.fix(
                Fix {
                    time: start + i * 120_000,
                    at: at(home.lat() + wobble, home.lng()),
                },
                "WIFI",
            );
        }
        // Then 5 km north by bike, a position every minute, 250 m apart (15 km/h); the export
        // guesses ON_BICYCLE at each.
        let leave = start + 3_600_000;
        let dlat = 250.0 / 111_195.08;
        for i in 1..=20 {
            trips.guess("ON_BICYCLE");
            trips.guess("STILL");
            trips.fix(
                Fix {
                    time: leave + i64::from(i) * 60_000,
                    at: at(home.lat() + f64::from(i) * dlat, home.lng()),
                },
                "GPS",
            );
        }
        // An hour still there, then 2 km back south walking with no guesses (5 km/h: 201 m
        // steps every 145 s), with a cell-tower position 3 km off among them.
        let there = at(home.lat() + 20.0 * dlat, home.lng());
        let back = leave + 20 * 60_000 + 3_600_000;
        for i in 0..30 {
            trips.fix(
                Fix {
                    time: leave + 20 * 60_000 + i * 120_000,
                    at: there,
                },
                "WIFI",
            );
        }
        let dlat = 201.0 / 111_195.08;
        for i in 1..=10 {
            let t = back + i64::from(i) * 145_000;
            trips.fix(
                Fix {
                    time: t - 1000,
                    at: at(there.lat(), home.lng() + 0.04),
                },
                "CELL",
            );
            trips.fix(
                Fix {
                    time: t,
                    at: at(there.lat() - f64::from(i) * dlat, home.lng()),
                },
                "GPS",
            );
        }
        let s = trips.finish(None, None).unwrap();
        assert_eq!(s.origin, TripOrigin::Positions);
        assert_eq!(s.trips, 2);
        let modes: Vec<(Mode, u64, u64, Option<u64>)> = s
            .modes
            .iter()
            .map(|m| (m.mode, m.metres, m.estimated_metres, m.grams))
            .collect();
        assert_eq!(
            modes,
            [
                (Mode::Cycling, 5_000, 0, Some(0)),
                (Mode::Walking, 2_010, 2_010, Some(0)),
            ]
        );
        assert_eq!(s.grams, 0);
    }

    #[test]
    fn a_jump_across_a_gap_is_a_flight_when_fast_enough_and_bad_positions_are_left_out() {
        let mut trips = Trips::default();
        let paris = at(48.8566, 2.3522);
        let athens = at(37.9838, 23.7275);
        let t0 = time("2024-07-01T06:00:00Z");
        trips.fix(
            Fix {
                time: t0,
                at: paris,
            },
            "GPS",
        );
        // A bad position 50 km away one minute later (3,000 km/h): left out.
        trips.fix(
            Fix {
                time: t0 + 60_000,
                at: at(49.3, 2.35),
            },
            "GPS",
        );
        trips.fix(
            Fix {
                time: t0 + 120_000,
                at: paris,
            },
            "GPS",
        );
        // Nothing for 5 hours, then Athens (2,100 km: 420 km/h): a flight, estimated.
        trips.fix(
            Fix {
                time: t0 + 120_000 + 5 * 3_600_000,
                at: athens,
            },
            "GPS",
        );
        // Nothing for 10 hours, then 20 km away: a move of unknown mode.
        trips.fix(
            Fix {
                time: t0 + 120_000 + 15 * 3_600_000,
                at: at(37.9838 + 20_000.0 / 111_195.08, 23.7275),
            },
            "GPS",
        );
        let s = trips.finish(None, None).unwrap();

        let modes: Vec<(Mode, u64, u64, Option<u64>)> = s
            .modes
            .iter()
            .map(|m| (m.mode, m.metres, m.estimated_metres, m.grams))
            .collect();
        // Paris–Athens by hand: 2,095,851 m; medium haul, 2,095.851 km × 187.56 g = 393,098 g.
        let grams = 393_098;
        assert_eq!(
            modes,
            [
                (Mode::Flying, 2_095_851, 2_095_851, Some(grams)),
                (Mode::Unknown, 20_000, 20_000, None),
            ]
        );
        assert_eq!((s.grams, s.plane_grams), (grams, grams));
    }

    #[test]
    fn one_wrong_position_far_away_is_no_flight() {
        let home = at(46.16, -1.15);
        let t0 = time("2024-03-04T20:00:00Z");
        // Still at home, a position every 5 minutes; one of them 50 km off (600 km/h away and
        // back), then, another night, one 50 km off after an hour's silence.
        for silence in [5, 60] {
            let mut trips = Trips::default();
            let mut t = t0;
            for i in 0..20 {
                let at = if i == 10 { at(46.61, -1.15) } else { home };
                t += if i == 10 { silence * 60_000 } else { 300_000 };
                trips.fix(Fix { time: t, at }, "WIFI");
            }
            assert_eq!(trips.finish(None, None), None, "after {silence} minutes");
        }
    }

    #[test]
    fn a_phone_wandering_around_a_still_person_makes_no_trip() {
        let home = at(46.16, -1.15);
        let t0 = time("2024-03-04T20:00:00Z");
        // A night of Wi-Fi positions jumping back and forth every 5 minutes: 150 m (under a
        // step), then 250 m (steps, but never getting anywhere).
        for jump in [150.0, 250.0] {
            let mut trips = Trips::default();
            for i in 0..120 {
                let dlat = if i % 2 == 0 { 0.0 } else { jump / 111_195.08 };
                trips.fix(
                    Fix {
                        time: t0 + i * 300_000,
                        at: at(home.lat() + dlat, home.lng()),
                    },
                    "WIFI",
                );
            }
            assert_eq!(trips.finish(None, None), None, "{jump}");
        }
    }

    #[test]
    fn home_work_trips_are_counted_by_year_and_mode() {
        let mut trips = Trips::default();
        let home = at(46.1600, -1.1500);
        let work = at(46.2000, -1.1500);
        let day = time("2024-03-04T07:30:00Z");
        // Five weekdays by bike (the export's moves), and one car trip elsewhere.
        for d in 0..5 {
            for (from, to, hour) in [(home, work, 0), (work, home, 10)] {
                let start = day + d * DAY + hour * 3_600_000;
                trips.movement(&Move {
                    start,
                    end: start + 1_200_000,
                    from: Some(from),
                    to: Some(to),
                    distance_m: Some(4_600.0),
                    mode: Mode::Cycling,
                });
            }
        }
        trips.movement(&Move {
            start: day + 5 * DAY,
            end: day + 5 * DAY + 1_800_000,
            from: Some(home),
            to: Some(at(46.3, -1.0)),
            distance_m: Some(25_000.0),
            mode: Mode::Car,
        });
        let h = Home {
            lat: 46.1601,
            lng: -1.1502,
            nights: 5,
            nights_total: 5,
            confidence: Confidence::High,
            doubt: None,
        };
        let w = Work {
            lat: 46.2003,
            lng: -1.1497,
            days: 5,
            days_total: 5,
            confidence: Confidence::High,
            doubt: None,
        };
        let s = trips.finish(Some(&h), Some(&w)).unwrap();
        assert_eq!(
            s.home_work,
            [HomeWork {
                year: 2024,
                mode: Mode::Cycling,
                trips: 10,
                metres: 46_000,
            }]
        );
        // Car: 25 km × 217.6 g = 5,440 g.
        assert_eq!(s.grams, 5_440);
    }
}
