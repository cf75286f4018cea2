//! One day of a location file: its path, the places the person stayed and the trips between
//! them, in local time (the day view, and `inspect --day`).
//!
//! The trips are the file's own, as its [`Journal`] keeps them, so that the day view lists what
//! the totals count, corrections included. The stays are the places between trips: where the
//! first trip of the day left from, each trip's end until the next one leaves, and the last
//! trip's end. The path is the day's positions (map mode only), thinned to a step of 25 m.

use super::home::Clock;
use super::trips::Journal;
use crate::model::day::{DayStop, DayView, PlaceSaid, StopPlace, MAX_PATH};
use crate::model::gazetteer;
use crate::model::location::LatLng;
use crate::model::points::{PointStore, Span};
use crate::model::time::Millis;

const DAY: Millis = 86_400_000;
/// A stay this close to home or work is there.
const NEAR_M: f64 = 250.0;
/// The path's points are at least this far apart.
const PATH_STEP_M: f64 = 25.0;

/// What is kept of a location file once read, for its day view and corrections: its trips one
/// by one, its positions in map mode, and the index of its days, worked out on the first day
/// asked for (the days with data, and each chunk of positions' time span).
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub journal: Journal,
    pub points: Option<PointStore>,
    index: Option<(Vec<i64>, Vec<Span>)>,
}

impl Kept {
    pub fn new(journal: Journal, points: Option<PointStore>) -> Kept {
        Kept {
            journal,
            points,
            index: None,
        }
    }

    /// Day `day` (days since 1970, local), or the last day with data when `None`; `None` when
    /// the file has no day at all (see [`day_view`]).
    pub fn day(&mut self, day: Option<i64>) -> Option<DayView> {
        let (journal, points) = (&self.journal, self.points.as_ref());
        let (days, spans) = self.index.get_or_insert_with(|| {
            let days = days_with_data(journal, points);
            (days, points.map(PointStore::spans).unwrap_or_default())
        });
        let positions = points.map(|store| Positions { store, spans });
        day_view(journal, positions, days, day)
    }
}

pub use crate::model::time::{format_day, parse_day};

/// The local days with a position or a trip, in order (a decade is a few thousand).
pub fn days_with_data(journal: &Journal, points: Option<&PointStore>) -> Vec<i64> {
    let mut days: Vec<i64> = journal.days().collect();
    if let Some(points) = points {
        let mut clock = Clock::default();
        let mut last = None;
        for fix in points.iter() {
            let day = clock.local(fix.at, fix.time).div_euclid(DAY);
            if last != Some(day) {
                days.push(day);
                last = Some(day);
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

/// The positions for the day view: the store, and its chunks' time spans
/// ([`PointStore::spans`]; empty to look at every chunk).
#[derive(Clone, Copy)]
pub struct Positions<'a> {
    pub store: &'a PointStore,
    pub spans: &'a [Span],
}

/// Day `day` (days since 1970, local), or the last day with data when `None`; `days` is
/// [`days_with_data`]. `None` when the file has no day at all.
pub fn day_view(
    journal: &Journal,
    points: Option<Positions<'_>>,
    days: &[i64],
    day: Option<i64>,
) -> Option<DayView> {
    let (&first, &last) = (days.first()?, days.last()?);
    let day = day.unwrap_or(last);
    let previous = days.partition_point(|&d| d < day).checked_sub(1);
    let next = days.partition_point(|&d| d <= day);
    let (positions, path) = points.map_or((0, Vec::new()), |p| path_of(p, day));
    let trips = journal.trips_on(day);
    let stops = stops_of(journal, &trips, path.first().copied());
    Some(DayView {
        date: format_day(day),
        previous: previous.and_then(|i| days.get(i)).map(|&d| format_day(d)),
        next: days.get(next).map(|&d| format_day(d)),
        first: format_day(first),
        last: format_day(last),
        path_kept: points.is_some(),
        positions,
        path,
        metres: trips.iter().map(|t| t.metres).sum(),
        grams: trips.iter().filter_map(|t| t.grams).sum(),
        stops,
        trips,
    })
}

/// The day's positions, and its path thinned to a step of [`PATH_STEP_M`] and at most
/// [`MAX_PATH`] points. Only the positions within 14 hours of the day in UTC are looked at (no
/// time zone is further from UTC): on a decade of positions, a few chunks of thousands.
fn path_of(points: Positions<'_>, day: i64) -> (u64, Vec<[f64; 2]>) {
    const MARGIN: Millis = 14 * 3_600_000;
    let mut clock = Clock::default();
    let mut count = 0;
    let mut kept: Vec<LatLng> = Vec::new();
    let (from, to) = (day * DAY - MARGIN, (day + 1) * DAY + MARGIN);
    for fix in points.store.iter_between(points.spans, from, to) {
        if clock.local(fix.at, fix.time).div_euclid(DAY) != day {
            continue;
        }
        count += 1;
        if kept
            .last()
            .is_none_or(|last| last.distance_m(fix.at) >= PATH_STEP_M)
        {
            kept.push(fix.at);
        }
    }
    if kept.len() > MAX_PATH {
        // Every k-th point, and the last.
        let step = kept.len().div_ceil(MAX_PATH - 1);
        let end = kept.last().copied();
        kept = kept.into_iter().step_by(step).collect();
        kept.extend(end);
    }
    (
        count,
        kept.into_iter().map(|a| [a.lat(), a.lng()]).collect(),
    )
}

/// The stays around the day's trips; with no trip, the one place of the day's first position.
fn stops_of(
    journal: &Journal,
    trips: &[crate::model::day::DayTrip],
    first_position: Option<[f64; 2]>,
) -> Vec<DayStop> {
    let stop = |at: [f64; 2], from: Option<&str>, until: Option<&str>| {
        let said = LatLng::from_degrees(at[0], at[1]).and_then(|here| journal.said_at(here));
        DayStop {
            from: from.map(str::to_owned),
            until: until.map(str::to_owned),
            lat: at[0],
            lng: at[1],
            place: place_of(journal, at, said),
            said,
        }
    };
    let (Some(first), Some(last)) = (trips.first(), trips.last()) else {
        return first_position
            .map(|at| stop(at, None, None))
            .into_iter()
            .collect();
    };
    let mut stops = Vec::with_capacity(trips.len() + 1);
    if let Some(at) = first.from {
        stops.push(stop(at, None, Some(&first.start)));
    }
    // A trip that ends on a later day ends this day's stays.
    for pair in trips.windows(2) {
        if let [before, after] = pair {
            if let Some(at) = before.to.filter(|_| before.ends_later == 0) {
                stops.push(stop(at, Some(&before.end), Some(&after.start)));
            }
        }
    }
    if let Some(at) = last.to.filter(|_| last.ends_later == 0) {
        stops.push(stop(at, Some(&last.end), None));
    }
    stops
}

/// Home or work when within [`NEAR_M`] of either, someone else's home when the person `said`
/// so, else the nearest town.
fn place_of(journal: &Journal, at: [f64; 2], said: Option<PlaceSaid>) -> StopPlace {
    let Some(here) = LatLng::from_degrees(at[0], at[1]) else {
        return StopPlace::Unnamed;
    };
    let near = |place: Option<LatLng>| place.is_some_and(|p| p.distance_m(here) <= NEAR_M);
    if near(journal.home()) {
        StopPlace::Home
    } else if near(journal.work()) {
        StopPlace::Work
    } else if said == Some(PlaceSaid::OthersHome) {
        StopPlace::OthersHome
    } else {
        gazetteer::nearest(at[0], at[1]).map_or(StopPlace::Unnamed, |p| StopPlace::Near {
            town: p.name.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::days_from_civil;

    #[test]
    fn dates_are_read_and_written_as_the_date_picker_does() {
        assert_eq!(parse_day("2024-03-02"), Some(days_from_civil(2024, 3, 2)));
        assert_eq!(format_day(days_from_civil(2024, 3, 2)), "2024-03-02");
        assert_eq!(parse_day("1970-01-01"), Some(0));
        for bad in [
            "2024-02-30",
            "2024-13-01",
            "",
            "2024-03",
            "soon",
            "2024-03-02-1",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
