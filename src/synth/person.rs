//! Synthetic people with a planted home and workplace, written in every location format Reflet
//! reads, so that home inference is tested through real file shapes, end to end.
//!
//! A [`Person`] lives around La Rochelle on a daily schedule in **Paris local time**, daylight
//! saving included by the EU rule (UTC+1, UTC+2 from the last Sunday of March to the last Sunday
//! of October, switching at 01:00 UTC), computed here from the calendar and never through the
//! code under test. Each day is a list of stays at places and trips between them; positions are
//! sampled every few minutes over both, with a few metres of seeded noise. The [`Kind`]s are an
//! office worker (the home and work a reader must find, confidently) and three decoys a reader
//! must not be sure about: night shifts, two homes week about, and sparse data.
//!
//! The writers turn a person into the files real exports are (their shapes are checked against
//! the real samples, or the key paths of `formats.md` where there is no sample, by the tests of
//! `tests/integration/people.rs`). Nothing here is ever a real person's data.

use std::fmt::Write as _;

use super::Rng;
use crate::model::location::LatLng;
use crate::model::time::{format_iso, Millis};

const MINUTE: Millis = 60_000;
const HOUR: Millis = 60 * MINUTE;
const DAY: Millis = 24 * HOUR;

/// Who the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Home at night, at the office 09:00–17:00 on weekdays, a gym, a market and a park besides.
    OfficeWorker,
    /// At work from 22:00 to 06:00 on weekday nights, asleep at home by day, home on weekends.
    NightShift,
    /// At work from 22:00 to 06:00 every night of the week, at home by day: the place of the
    /// nights is work, and only the time spent at home says otherwise.
    NightShiftEveryNight,
    /// Two homes, one week in each, the same office on weekdays.
    TwoHomes,
    /// An office worker whose phone recorded one day in twelve: too few nights to be sure.
    Sparse,
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct PersonSpec {
    pub kind: Kind,
    pub seed: u64,
    /// The first local day, as days since 1970-01-01.
    pub first_day: i64,
    pub days: i64,
    /// A position every this many minutes.
    pub step_minutes: i64,
}

impl PersonSpec {
    /// 60 days from Friday 2024-03-01, across the change to summer time, a position every 15
    /// minutes.
    pub fn new(kind: Kind, seed: u64) -> Self {
        PersonSpec {
            kind,
            seed,
            first_day: 19_783,
            days: 60,
            step_minutes: 15,
        }
    }
}

/// A place the person goes to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub name: &'static str,
    pub lat: f64,
    pub lng: f64,
}

/// Indices into [`Person::places`].
pub const HOME: usize = 0;
pub const WORK: usize = 1;
pub const FLAT: usize = 2;
const GYM: usize = 3;
const MARKET: usize = 4;
const PARK: usize = 5;

/// A stay at one place (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    pub place: usize,
    pub start: Millis,
    pub end: Millis,
}

/// A trip from one place to another (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trip {
    pub from: usize,
    pub to: usize,
    pub start: Millis,
    pub end: Millis,
}

/// One position (UTC, degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub time: Millis,
    pub lat: f64,
    pub lng: f64,
}

/// A synthetic person and their ground truth.
#[derive(Debug, Clone)]
pub struct Person {
    pub kind: Kind,
    /// Home, work, a second home (the flat), a gym, a market, a park: see [`HOME`], [`WORK`],
    /// [`FLAT`].
    pub places: Vec<Place>,
    pub stays: Vec<Stay>,
    pub trips: Vec<Trip>,
    pub points: Vec<Point>,
}

/// What the person does from a local time of day on: stay at a place or travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doing {
    At(usize),
    Travel(usize, usize),
    /// No data (the phone was off).
    Nothing,
}

/// Monday = 0 … Sunday = 6, from days since 1970-01-01 (a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// A day's plan: from which local minute on the person does what.
fn plan(kind: Kind, first_day: i64, day: i64) -> Vec<(i64, Doing)> {
    use Doing::{At, Nothing, Travel};
    let wd = weekday(day);
    let office = |bed: usize| -> Vec<(i64, Doing)> {
        match wd {
            0..=4 => {
                let mut p = vec![
                    (0, At(bed)),
                    (8 * 60 + 30, Travel(bed, WORK)),
                    (9 * 60, At(WORK)),
                ];
                if wd == 2 && bed == HOME {
                    p.extend([
                        (17 * 60, Travel(WORK, GYM)),
                        (17 * 60 + 30, At(GYM)),
                        (19 * 60, Travel(GYM, bed)),
                        (19 * 60 + 30, At(bed)),
                    ]);
                } else {
                    p.extend([(17 * 60, Travel(WORK, bed)), (17 * 60 + 30, At(bed))]);
                }
                p
            }
            5 => vec![
                (0, At(bed)),
                (10 * 60, Travel(bed, MARKET)),
                (10 * 60 + 30, At(MARKET)),
                (12 * 60, Travel(MARKET, bed)),
                (12 * 60 + 30, At(bed)),
            ],
            _ => vec![
                (0, At(bed)),
                (14 * 60, Travel(bed, PARK)),
                (14 * 60 + 30, At(PARK)),
                (17 * 60, Travel(PARK, bed)),
                (17 * 60 + 30, At(bed)),
            ],
        }
    };
    match kind {
        Kind::OfficeWorker => office(HOME),
        Kind::Sparse if (day - first_day).rem_euclid(12) == 0 => {
            // The phone is off from 23:00: a stay ending at midnight would leave a position
            // then, on the next (empty) day's night.
            let mut p = office(HOME);
            p.push((23 * 60, Nothing));
            p
        }
        Kind::Sparse => vec![(0, Nothing)],
        Kind::TwoHomes => {
            // Weeks from Monday: even ones at home, odd ones at the flat.
            let bed = if (day + 3).div_euclid(7) % 2 == 0 {
                HOME
            } else {
                FLAT
            };
            office(bed)
        }
        Kind::NightShiftEveryNight => vec![
            (0, At(WORK)),
            (6 * 60, Travel(WORK, HOME)),
            (6 * 60 + 30, At(HOME)),
            (21 * 60 + 30, Travel(HOME, WORK)),
            (22 * 60, At(WORK)),
        ],
        Kind::NightShift => {
            let mut p = if wd <= 4 {
                vec![
                    (0, At(WORK)),
                    (6 * 60, Travel(WORK, HOME)),
                    (6 * 60 + 30, At(HOME)),
                ]
            } else {
                vec![(0, At(HOME))]
            };
            // Shifts start on Sunday to Thursday evenings.
            if wd == 6 || wd <= 3 {
                p.extend([(21 * 60 + 30, Travel(HOME, WORK)), (22 * 60, At(WORK))]);
            }
            p
        }
    }
}

impl Person {
    pub fn new(spec: PersonSpec) -> Person {
        let mut rng = Rng::new(spec.seed);
        // The whole layout moves by up to about 1 km with the seed.
        let (dlat, dlng) = ((rng.unit() - 0.5) * 0.02, (rng.unit() - 0.5) * 0.02);
        let place = |name, lat: f64, lng: f64| Place {
            name,
            lat: lat + dlat,
            lng: lng + dlng,
        };
        let places = vec![
            place("Home", 46.1603, -1.1511),
            place("Office", 46.1450, -1.1700),
            place("Flat", 46.1800, -1.1900),
            place("Gym", 46.1550, -1.1300),
            place("Market", 46.1590, -1.1520),
            place("Park", 46.1500, -1.1400),
        ];
        // The timeline: (UTC start, what), in order.
        let mut timeline: Vec<(Millis, Doing)> = Vec::new();
        for day in spec.first_day..spec.first_day + spec.days {
            for (minute, doing) in plan(spec.kind, spec.first_day, day) {
                let start = utc_of_paris(day * DAY + minute * MINUTE);
                if timeline.last().is_none_or(|(_, last)| *last != doing) {
                    timeline.push((start, doing));
                }
            }
        }
        let end = utc_of_paris((spec.first_day + spec.days) * DAY);
        let mut person = Person {
            kind: spec.kind,
            places,
            stays: Vec::new(),
            trips: Vec::new(),
            points: Vec::new(),
        };
        let step = spec.step_minutes.max(1) * MINUTE;
        for (i, &(start, doing)) in timeline.iter().enumerate() {
            let until = timeline.get(i + 1).map_or(end, |next| next.0);
            match doing {
                Doing::At(place) => person.stays.push(Stay {
                    place,
                    start,
                    end: until,
                }),
                Doing::Travel(from, to) => person.trips.push(Trip {
                    from,
                    to,
                    start,
                    end: until,
                }),
                Doing::Nothing => continue,
            }
            let mut time = (start + step - 1).div_euclid(step) * step;
            while time < until {
                if let Some((lat, lng)) = person.where_at(doing, start, until, time) {
                    person.points.push(Point {
                        time,
                        lat: lat + (rng.unit() - 0.5) * 0.000_36,
                        lng: lng + (rng.unit() - 0.5) * 0.000_5,
                    });
                }
                time += step;
            }
        }
        person
    }

    fn where_at(
        &self,
        doing: Doing,
        start: Millis,
        end: Millis,
        time: Millis,
    ) -> Option<(f64, f64)> {
        match doing {
            Doing::At(p) => self.places.get(p).map(|p| (p.lat, p.lng)),
            Doing::Travel(from, to) => {
                let (a, b) = (self.places.get(from)?, self.places.get(to)?);
                #[allow(clippy::cast_precision_loss)] // durations of minutes
                let f = (time - start) as f64 / (end - start).max(1) as f64;
                Some((a.lat + (b.lat - a.lat) * f, a.lng + (b.lng - a.lng) * f))
            }
            Doing::Nothing => None,
        }
    }

    pub fn place(&self, index: usize) -> Place {
        self.places.get(index).copied().unwrap_or(Place {
            name: "?",
            lat: 0.0,
            lng: 0.0,
        })
    }

    /// The planted home (for [`Kind::TwoHomes`], the first of the two).
    pub fn home(&self) -> Place {
        self.place(HOME)
    }

    pub fn work(&self) -> Place {
        self.place(WORK)
    }

    /// Stays and trips, in time order.
    fn segments(&self) -> Vec<Segment> {
        let mut all: Vec<Segment> = self
            .stays
            .iter()
            .map(|s| Segment::Stay(*s))
            .chain(self.trips.iter().map(|t| Segment::Trip(*t)))
            .collect();
        all.sort_by_key(Segment::start);
        all
    }

    /// The sampled points between `start` and `end`.
    fn points_within(&self, start: Millis, end: Millis) -> impl Iterator<Item = &Point> {
        self.points
            .iter()
            .filter(move |p| p.time >= start && p.time < end)
    }

    fn distance_m(&self, from: usize, to: usize) -> f64 {
        let at = |p: Place| LatLng::from_degrees(p.lat, p.lng);
        match (at(self.place(from)), at(self.place(to))) {
            (Some(a), Some(b)) => a.distance_m(b),
            _ => 0.0,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Stay(Stay),
    Trip(Trip),
}

impl Segment {
    fn start(&self) -> Millis {
        match self {
            Segment::Stay(s) => s.start,
            Segment::Trip(t) => t.start,
        }
    }
}

// --- Paris time by the rule ---------------------------------------------------------------------

/// Days since 1970-01-01 of a civil date (proleptic Gregorian calendar; H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last Sunday of a month of 31 days, as days since 1970-01-01.
fn last_sunday(year: i64, month: i64) -> i64 {
    let last = days_from_civil(year, month, 31);
    last - (weekday(last) + 1) % 7
}

/// Paris's offset from UTC at an instant, in milliseconds: one hour, two in summer time.
pub fn paris_offset(utc: Millis) -> Millis {
    let day = utc.div_euclid(DAY);
    // The year, from the mean Gregorian year, corrected at its edges.
    let mut year = 1970 + day * 400 / 146_097;
    if day < days_from_civil(year, 1, 1) {
        year -= 1;
    } else if day >= days_from_civil(year + 1, 1, 1) {
        year += 1;
    }
    let summer = last_sunday(year, 3) * DAY + HOUR..last_sunday(year, 10) * DAY + HOUR;
    if summer.contains(&utc) {
        2 * HOUR
    } else {
        HOUR
    }
}

/// UTC of a Paris wall-clock time (epoch milliseconds as if the wall clock were UTC). The hour
/// skipped in March is read as summer time; the hour repeated in October, as its first pass.
pub fn utc_of_paris(local: Millis) -> Millis {
    let summer = local - 2 * HOUR;
    if paris_offset(summer) == 2 * HOUR {
        summer
    } else {
        local - HOUR
    }
}

/// ISO 8601 with Paris's offset: `2024-03-01T09:00:00.000+01:00`.
fn paris_iso(utc: Millis) -> String {
    let offset = paris_offset(utc);
    let zone = if offset == 2 * HOUR {
        "+02:00"
    } else {
        "+01:00"
    };
    format_iso(utc + offset).replace('Z', zone)
}

// --- Writers ------------------------------------------------------------------------------------

#[allow(clippy::cast_possible_truncation)] // degrees within ±180
fn e7(degrees: f64) -> i64 {
    (degrees * 1e7).round() as i64
}

fn place_id(name: &str) -> String {
    format!("ChIJsynth{name}000000000")
}

/// Legacy Takeout `Records.json`, as Takeout writes it (two-space indents).
pub fn records_json(person: &Person) -> String {
    let items: Vec<String> = person
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{{\n      \"latitudeE7\": {},\n      \"longitudeE7\": {},\n      \"accuracy\": {},\n      \"source\": \"{}\",\n      \"deviceTag\": 1184882232,\n      \"timestamp\": \"{}\"\n    }}",
                e7(p.lat),
                e7(p.lng),
                10 + i % 30,
                if i % 3 == 0 { "GPS" } else { "WIFI" },
                format_iso(p.time)
            )
        })
        .collect();
    format!(
        "{{\n  \"locations\": [\n    {}\n  ]\n}}\n",
        items.join(",\n    ")
    )
}

/// The Semantic Location History month files: (`2024_MARCH.json`, its text), one per local month
/// holding a stay's or a trip's start. `legacy_ms` writes `startTimestampMs` and `timestampMs`
/// (epoch milliseconds as strings, files up to ~2021) instead of ISO times.
pub fn semantic_months(person: &Person, legacy_ms: bool) -> Vec<(String, String)> {
    semantic_months_counted(person, legacy_ms)
        .into_iter()
        .map(|m| (m.name, m.text))
        .collect()
}

/// One month of Semantic Location History and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemanticMonth {
    /// `2024_MARCH.json`.
    pub name: String,
    pub text: String,
    /// `placeVisit` objects.
    pub visits: u64,
    /// `activitySegment` objects.
    pub moves: u64,
    /// Timed points written: a visit's `simplifiedRawPath` points, or none (see
    /// [`SemanticMonth::positions`]).
    pub raw_points: u64,
}

impl SemanticMonth {
    /// The positions a reader finds in an ISO month (`legacy_ms` false): each visit's raw points
    /// (there is always at least one in a stay of 30 minutes or more sampled every 15), and each
    /// move's two ends, which never repeat the fix before them (a raw point is noisy; a visit's
    /// last raw point comes before the departure).
    pub fn positions(&self) -> u64 {
        self.raw_points + 2 * self.moves
    }
}

/// [`semantic_months`], with what each month holds.
pub fn semantic_months_counted(person: &Person, legacy_ms: bool) -> Vec<SemanticMonth> {
    const MONTHS: [&str; 12] = [
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ];
    let mut months: Vec<(SemanticMonth, Vec<String>)> = Vec::new();
    for segment in person.segments() {
        // Months in local time: a stay starting at midnight on the 1st is in that month.
        let iso = paris_iso(segment.start());
        let (year, month) = (
            iso.get(..4).unwrap_or("1970"),
            iso.get(5..7).unwrap_or("01"),
        );
        let month = month.parse::<usize>().unwrap_or(1);
        let name = format!(
            "{year}_{}.json",
            MONTHS.get(month - 1).copied().unwrap_or("JANUARY")
        );
        let (object, raw_points) = semantic_object(person, segment, legacy_ms);
        if months.last().is_none_or(|(m, _)| m.name != name) {
            months.push((
                SemanticMonth {
                    name,
                    text: String::new(),
                    visits: 0,
                    moves: 0,
                    raw_points: 0,
                },
                Vec::new(),
            ));
        }
        if let Some((m, objects)) = months.last_mut() {
            match segment {
                Segment::Stay(_) => m.visits += 1,
                Segment::Trip(_) => m.moves += 1,
            }
            m.raw_points += raw_points;
            objects.push(object);
        }
    }
    months
        .into_iter()
        .map(|(mut month, objects)| {
            month.text = format!(
                "{{\n  \"timelineObjects\": [\n    {}\n  ]\n}}\n",
                objects.join(",\n    ")
            );
            month
        })
        .collect()
}

/// How an export names a stay's place: `names` of home, work and any other place.
fn label_of(place: usize, names: [&'static str; 3]) -> &'static str {
    let [home, work, other] = names;
    match place {
        HOME => home,
        WORK => work,
        _ => other,
    }
}

/// A time in a Semantic Location History file: ISO, or epoch milliseconds as a string (`…Ms`).
fn semantic_time(key: &str, ms: Millis, legacy_ms: bool) -> String {
    if legacy_ms {
        format!("\"{key}Ms\": \"{ms}\"")
    } else {
        format!("\"{key}\": \"{}\"", format_iso(ms))
    }
}

/// One `placeVisit` or `activitySegment`, and the number of raw points it holds.
fn semantic_object(person: &Person, segment: Segment, legacy_ms: bool) -> (String, u64) {
    let time = |key: &str, ms: Millis| semantic_time(key, ms, legacy_ms);
    match segment {
        Segment::Stay(stay) => {
            let place = person.place(stay.place);
            let label = label_of(
                stay.place,
                ["TYPE_HOME", "TYPE_WORK", "TYPE_SEARCHED_ADDRESS"],
            );
            // Old months hold no raw path; newer ones a few timed points of each stay.
            let (raw, raw_points) = if legacy_ms {
                (String::new(), 0)
            } else {
                let points: Vec<String> = person
                    .points_within(stay.start, stay.end)
                    .step_by(4)
                    .map(|p| {
                        format!(
                            "{{\"latE7\": {}, \"lngE7\": {}, \"accuracyMeters\": 15, {}}}",
                            e7(p.lat),
                            e7(p.lng),
                            time("timestamp", p.time)
                        )
                    })
                    .collect();
                (
                    format!(
                        ",\n      \"simplifiedRawPath\": {{\"points\": [{}]}}",
                        points.join(", ")
                    ),
                    points.len() as u64,
                )
            };
            let text = format!(
                    "{{\"placeVisit\": {{\n      \"location\": {{\"latitudeE7\": {}, \"longitudeE7\": {}, \"placeId\": \"{}\", \"address\": \"1 rue {}\\n17000 La Rochelle\\nFrance\", \"name\": \"{}\", \"semanticType\": \"{label}\", \"sourceInfo\": {{\"deviceTag\": 1184882232}}, \"locationConfidence\": 91.5}},\n      \"duration\": {{{}, {}}},\n      \"placeConfidence\": \"HIGH_CONFIDENCE\",\n      \"centerLatE7\": {},\n      \"centerLngE7\": {},\n      \"visitConfidence\": 95,\n      \"editConfirmationStatus\": \"NOT_CONFIRMED\",\n      \"placeVisitImportance\": \"MAIN\"{raw}\n    }}}}",
                    e7(place.lat),
                    e7(place.lng),
                    place_id(place.name),
                    place.name,
                    place.name,
                    time("startTimestamp", stay.start),
                    time("endTimestamp", stay.end),
                    e7(place.lat),
                    e7(place.lng),
                );
            (text, raw_points)
        }
        Segment::Trip(trip) => {
            let (from, to) = (person.place(trip.from), person.place(trip.to));
            let distance = person.distance_m(trip.from, trip.to);
            let text = format!(
                    "{{\"activitySegment\": {{\n      \"startLocation\": {{\"latitudeE7\": {}, \"longitudeE7\": {}}},\n      \"endLocation\": {{\"latitudeE7\": {}, \"longitudeE7\": {}}},\n      \"duration\": {{{}, {}}},\n      \"distance\": {distance:.0},\n      \"activityType\": \"IN_PASSENGER_VEHICLE\",\n      \"confidence\": \"HIGH\",\n      \"activities\": [{{\"activityType\": \"IN_PASSENGER_VEHICLE\", \"probability\": 91.2}}, {{\"activityType\": \"CYCLING\", \"probability\": 5.1}}],\n      \"waypointPath\": {{\"waypoints\": [{{\"latE7\": {}, \"lngE7\": {}}}, {{\"latE7\": {}, \"lngE7\": {}}}], \"source\": \"INFERRED\", \"distanceMeters\": {:.1}, \"travelMode\": \"DRIVE\", \"confidence\": 1.0}},\n      \"editConfirmationStatus\": \"NOT_CONFIRMED\"\n    }}}}",
                    e7(from.lat),
                    e7(from.lng),
                    e7(to.lat),
                    e7(to.lng),
                    time("startTimestamp", trip.start),
                    time("endTimestamp", trip.end),
                    e7(from.lat),
                    e7(from.lng),
                    e7(to.lat),
                    e7(to.lng),
                    distance * 1.1,
                );
            (text, 0)
        }
    }
}

/// Android's on-device `Timeline.json`: visits, activities with their `timelinePath`, every
/// position as a raw signal, and Google's own guess of home and work.
pub fn android_timeline(person: &Person) -> String {
    let degrees = |lat: f64, lng: f64| format!("{lat:.7}°, {lng:.7}°");
    let times = |start: Millis, end: Millis| {
        let (a, b) = (paris_offset(start) / MINUTE, paris_offset(end) / MINUTE);
        format!(
            "\"startTime\": \"{}\", \"endTime\": \"{}\", \"startTimeTimezoneUtcOffsetMinutes\": {a}, \"endTimeTimezoneUtcOffsetMinutes\": {b}",
            paris_iso(start),
            paris_iso(end)
        )
    };
    let mut segments = Vec::new();
    for segment in person.segments() {
        match segment {
            Segment::Stay(stay) => {
                let place = person.place(stay.place);
                let label = label_of(stay.place, ["INFERRED_HOME", "INFERRED_WORK", "UNKNOWN"]);
                segments.push(format!(
                    "{{{}, \"visit\": {{\"hierarchyLevel\": 0, \"probability\": 0.92, \"topCandidate\": {{\"placeId\": \"{}\", \"semanticType\": \"{label}\", \"probability\": 0.97, \"placeLocation\": {{\"latLng\": \"{}\"}}}}}}}}",
                    times(stay.start, stay.end),
                    place_id(place.name),
                    degrees(place.lat, place.lng)
                ));
            }
            Segment::Trip(trip) => {
                let (from, to) = (person.place(trip.from), person.place(trip.to));
                segments.push(format!(
                    "{{{}, \"activity\": {{\"start\": {{\"latLng\": \"{}\"}}, \"end\": {{\"latLng\": \"{}\"}}, \"distanceMeters\": {:.1}, \"probability\": 0.9, \"topCandidate\": {{\"type\": \"IN_PASSENGER_VEHICLE\", \"probability\": 0.81}}}}}}",
                    times(trip.start, trip.end),
                    degrees(from.lat, from.lng),
                    degrees(to.lat, to.lng),
                    person.distance_m(trip.from, trip.to)
                ));
                let path: Vec<String> = person
                    .points_within(trip.start, trip.end)
                    .map(|p| {
                        format!(
                            "{{\"point\": \"{}\", \"time\": \"{}\"}}",
                            degrees(p.lat, p.lng),
                            paris_iso(p.time)
                        )
                    })
                    .collect();
                segments.push(format!(
                    "{{{}, \"timelinePath\": [{}]}}",
                    times(trip.start, trip.end),
                    path.join(", ")
                ));
            }
        }
    }
    let signals: Vec<String> = person
        .points
        .iter()
        .map(|p| {
            format!(
                "{{\"position\": {{\"LatLng\": \"{}\", \"accuracyMeters\": 15, \"altitudeMeters\": 12.0, \"source\": \"WIFI\", \"speedMetersPerSecond\": 0.0, \"timestamp\": \"{}\"}}}}",
                degrees(p.lat, p.lng),
                format_iso(p.time)
            )
        })
        .collect();
    let (home, work) = (person.home(), person.work());
    format!(
        "{{\n  \"semanticSegments\": [\n    {}\n  ],\n  \"rawSignals\": [\n    {}\n  ],\n  \"userLocationProfile\": {{\"frequentPlaces\": [{{\"placeId\": \"{}\", \"placeLocation\": \"{}\", \"label\": \"HOME\"}}, {{\"placeId\": \"{}\", \"placeLocation\": \"{}\", \"label\": \"WORK\"}}]}}\n}}\n",
        segments.join(",\n    "),
        signals.join(",\n    "),
        place_id(home.name),
        degrees(home.lat, home.lng),
        place_id(work.name),
        degrees(work.lat, work.lng),
    )
}

/// The iPhone's `location-history.json`: a bare array of visits, activities, two-hour
/// `timelinePath` windows holding every position, and a trip memory; every number a string.
pub fn ios_timeline(person: &Person) -> String {
    let geo = |lat: f64, lng: f64| format!("geo:{lat:.6},{lng:.6}");
    let mut segments = Vec::new();
    for segment in person.segments() {
        match segment {
            Segment::Stay(stay) => {
                let place = person.place(stay.place);
                let label = label_of(stay.place, ["Home", "Work", "Unknown"]);
                segments.push(format!(
                    "{{\"endTime\": \"{}\", \"startTime\": \"{}\", \"visit\": {{\"hierarchyLevel\": \"0\", \"topCandidate\": {{\"probability\": \"0.785181\", \"semanticType\": \"{label}\", \"placeID\": \"{}\", \"placeLocation\": \"{}\"}}, \"probability\": \"0.710000\"}}}}",
                    paris_iso(stay.end),
                    paris_iso(stay.start),
                    place_id(place.name),
                    geo(place.lat, place.lng)
                ));
            }
            Segment::Trip(trip) => {
                let (from, to) = (person.place(trip.from), person.place(trip.to));
                segments.push(format!(
                    "{{\"endTime\": \"{}\", \"startTime\": \"{}\", \"activity\": {{\"start\": \"{}\", \"end\": \"{}\", \"distanceMeters\": \"{:.2}\", \"probability\": \"0.9\", \"topCandidate\": {{\"type\": \"in passenger vehicle\", \"probability\": \"0.81\"}}}}}}",
                    paris_iso(trip.end),
                    paris_iso(trip.start),
                    geo(from.lat, from.lng),
                    geo(to.lat, to.lng),
                    person.distance_m(trip.from, trip.to)
                ));
            }
        }
    }
    // Every position, in windows of two hours (UTC), as the app writes them.
    let mut window: Option<(Millis, Vec<String>)> = None;
    let close = |window: Option<(Millis, Vec<String>)>, segments: &mut Vec<String>| {
        if let Some((start, points)) = window {
            segments.push(format!(
                "{{\"endTime\": \"{}\", \"startTime\": \"{}\", \"timelinePath\": [{}]}}",
                format_iso(start + 2 * HOUR),
                format_iso(start),
                points.join(", ")
            ));
        }
    };
    for p in &person.points {
        let start = p.time.div_euclid(2 * HOUR) * 2 * HOUR;
        if window.as_ref().is_none_or(|(s, _)| *s != start) {
            close(window.take(), &mut segments);
            window = Some((start, Vec::new()));
        }
        if let Some((_, points)) = window.as_mut() {
            points.push(format!(
                "{{\"point\": \"{}\", \"durationMinutesOffsetFromStartTime\": \"{}\"}}",
                geo(p.lat, p.lng),
                (p.time - start) / MINUTE
            ));
        }
    }
    close(window.take(), &mut segments);
    if let (Some(first), Some(last)) = (person.points.first(), person.points.last()) {
        segments.push(format!(
            "{{\"endTime\": \"{}\", \"startTime\": \"{}\", \"timelineMemory\": {{\"destinations\": [{{\"identifier\": \"{}\"}}], \"distanceFromOriginKms\": \"3\"}}}}",
            paris_iso(last.time),
            paris_iso(first.time),
            place_id(person.work().name)
        ));
    }
    format!("[\n  {}\n]\n", segments.join(",\n  "))
}

/// Snapchat's `json/location_history.json`: the 2024 keys (positions as pairs of strings,
/// `"Home, School & Work"`), or with `old` those of 2021/22 (objects with `Time` and
/// `"Latitude, Longitude"`, `"Home & Work"`).
pub fn snapchat_location(person: &Person, old: bool) -> String {
    let time = |ms: Millis| {
        let iso = format_iso(ms);
        let text = iso.get(..19).unwrap_or(&iso).replace('T', " ");
        let text = if old { text.replace('-', "/") } else { text };
        format!("{text} UTC")
    };
    let both = |lat: f64, lng: f64| format!("{lat:.3} ± 14.2 meters, {lng:.3} ± 14.2 meters");
    let labelled = |p: Place| {
        format!(
            "lat {:.3} ± 19.47 meters, long {:.3} ± 19.47 meters",
            p.lat, p.lng
        )
    };
    let history: Vec<String> = person
        .points
        .iter()
        .map(|p| {
            if old {
                format!(
                    "{{\"Time\": \"{}\", \"Latitude, Longitude\": \"{}\"}}",
                    time(p.time),
                    both(p.lat, p.lng)
                )
            } else {
                format!("[\"{}\", \"{}\"]", time(p.time), both(p.lat, p.lng))
            }
        })
        .collect();
    let places = if old {
        format!(
            "\"Home & Work\": {{\"Home\": \"{}\", \"Work\": \"{}\"}}",
            labelled(person.home()),
            labelled(person.work())
        )
    } else {
        format!(
            "\"Home, School & Work\": {{\"inferredHome\": \"{}\", \"inferredWork\": \"{}\"}}",
            labelled(person.home()),
            labelled(person.work())
        )
    };
    format!(
        "{{\n  \"Frequent Locations\": [{{\"City\": \"La Rochelle\", \"Country\": \"FR\", \"Region\": \"Nouvelle-Aquitaine\"}}],\n  \"Latest Location\": [{{\"City\": \"La Rochelle\", \"Country\": \"FR\", \"Region\": \"Nouvelle-Aquitaine\"}}],\n  {places},\n  \"Location History\": [\n    {}\n  ]\n}}\n",
        history.join(",\n    ")
    )
}

/// Days (UTC) of the points, each with its points: one track segment, one placemark or one line
/// a day.
fn by_day(person: &Person) -> Vec<&[Point]> {
    person
        .points
        .chunk_by(|a, b| a.time.div_euclid(DAY) == b.time.div_euclid(DAY))
        .collect()
}

/// A GPX 1.1 track as Apple Health writes its workout routes, one `trkseg` a day; with
/// `empty_segment`, an empty `<trkseg/>` first.
pub fn gpx(person: &Person, empty_segment: bool) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Apple Health Export\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\">\n",
    );
    let first = person.points.first().map_or(0, |p| p.time);
    let _ = write!(
        out,
        "  <metadata>\n    <time>{}</time>\n  </metadata>\n  <trk>\n    <name>Route</name>\n",
        format_iso(first).replace(".000", "")
    );
    if empty_segment {
        out.push_str("    <trkseg/>\n");
    }
    for day in by_day(person) {
        out.push_str("    <trkseg>\n");
        for p in day {
            let _ = writeln!(
                out,
                "      <trkpt lon=\"{:.6}\" lat=\"{:.6}\"><ele>4.076904</ele><time>{}</time><extensions><speed>0.180883</speed><course>206.252884</course><hAcc>8.063116</hAcc><vAcc>6.428697</vAcc></extensions></trkpt>",
                p.lng,
                p.lat,
                format_iso(p.time).replace(".000", "")
            );
        }
        out.push_str("    </trkseg>\n");
    }
    out.push_str("  </trk>\n</gpx>\n");
    out
}

/// KML 2.2 with one Google Earth `gx:Track` a day (`<when>` list, then `<gx:coord>lon lat alt`).
pub fn kml(person: &Person) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:gx=\"http://www.google.com/kml/ext/2.2\">\n  <Document>\n    <name>Google Earth Track</name>\n",
    );
    for day in by_day(person) {
        out.push_str("    <Placemark>\n      <name>GPS Track</name>\n      <gx:Track>\n");
        for p in day {
            let _ = writeln!(
                out,
                "        <when>{}</when>",
                format_iso(p.time).replace(".000", "")
            );
        }
        for p in day {
            let _ = writeln!(
                out,
                "        <gx:coord>{:.6} {:.6} 10</gx:coord>",
                p.lng, p.lat
            );
        }
        out.push_str("      </gx:Track>\n    </Placemark>\n");
    }
    out.push_str("  </Document>\n</kml>\n");
    out
}

/// A `GeoJSON` feature collection with one `LineString` a day, its instants in
/// `properties.coordTimes` (as togeojson converts tracks), longitude first.
pub fn geojson(person: &Person) -> String {
    let features: Vec<String> = by_day(person)
        .into_iter()
        .map(|day| {
            let coordinates: Vec<String> = day
                .iter()
                .map(|p| format!("[{:.6}, {:.6}, 10]", p.lng, p.lat))
                .collect();
            let times: Vec<String> = day
                .iter()
                .map(|p| format!("\"{}\"", format_iso(p.time)))
                .collect();
            format!(
                "{{\"type\": \"Feature\", \"geometry\": {{\"type\": \"LineString\", \"coordinates\": [{}]}}, \"properties\": {{\"name\": \"Track\", \"coordTimes\": [{}]}}}}",
                coordinates.join(", "),
                times.join(", ")
            )
        })
        .collect();
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n  {}\n]}}\n",
        features.join(",\n  ")
    )
}

/// Post-migration Takeout's `Timeline Edits.json`: each position as an edited raw signal.
pub fn timeline_edits(person: &Person) -> String {
    let edits: Vec<String> = person
        .points
        .iter()
        .map(|p| {
            format!(
                "{{\n      \"deviceId\": \"-1613859921\",\n      \"rawSignal\": {{\n        \"signal\": {{\n          \"position\": {{\n            \"point\": {{\n              \"latE7\": {},\n              \"lngE7\": {}\n            }},\n            \"accuracyMm\": 12000,\n            \"timestamp\": \"{}\"\n          }}\n        }}\n      }}\n    }}",
                e7(p.lat),
                e7(p.lng),
                format_iso(p.time)
            )
        })
        .collect();
    format!(
        "{{\n  \"timelineEdits\": [\n    {}\n  ]\n}}\n",
        edits.join(",\n    ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_follows_the_eu_rule() {
        // 2024-03-31T01:00:00Z and 2024-10-27T01:00:00Z: the changes of 2024.
        let (spring, autumn) = (1_711_846_800_000, 1_729_990_800_000);
        assert_eq!(paris_offset(spring - 1), HOUR);
        assert_eq!(paris_offset(spring), 2 * HOUR);
        assert_eq!(paris_offset(autumn - 1), 2 * HOUR);
        assert_eq!(paris_offset(autumn), HOUR);
        // 2023-03-26 and 2025-03-30.
        assert_eq!(paris_offset(1_679_792_400_000), 2 * HOUR);
        assert_eq!(paris_offset(1_679_792_400_000 - 1), HOUR);
        assert_eq!(paris_offset(1_743_296_400_000), 2 * HOUR);
        // 09:00 in Paris is 08:00 UTC in winter, 07:00 UTC in summer.
        assert_eq!(
            utc_of_paris(19_783 * DAY + 9 * HOUR),
            19_783 * DAY + 8 * HOUR
        );
        assert_eq!(
            utc_of_paris(19_814 * DAY + 9 * HOUR),
            19_814 * DAY + 7 * HOUR
        );
        assert_eq!(paris_iso(spring), "2024-03-31T03:00:00.000+02:00");
        assert_eq!(weekday(19_783), 4, "2024-03-01 is a Friday");
    }

    #[test]
    fn a_person_is_where_the_plan_says_every_step() {
        let person = Person::new(PersonSpec::new(Kind::OfficeWorker, 1));
        // 60 days of 96 quarters, but 2024-03-31 has 23 hours.
        assert_eq!(person.points.len(), 60 * 96 - 4);
        let near = |p: &Point, place: Place| {
            (p.lat - place.lat).abs() < 0.001 && (p.lng - place.lng).abs() < 0.001
        };
        for p in &person.points {
            let local = p.time + paris_offset(p.time);
            let hour = local.rem_euclid(DAY) / HOUR;
            if hour < 8 {
                assert!(near(p, person.home()), "{p:?}");
            }
            if weekday(local.div_euclid(DAY)) < 5 && (9..17).contains(&hour) {
                assert!(near(p, person.work()), "{p:?}");
            }
        }
        // Stays and trips follow each other without gaps.
        let segments = person.segments();
        for pair in segments.windows(2) {
            let end = match pair[0] {
                Segment::Stay(s) => s.end,
                Segment::Trip(t) => t.end,
            };
            assert_eq!(end, pair[1].start());
        }
        let sparse = Person::new(PersonSpec::new(Kind::Sparse, 1));
        assert_eq!(sparse.points.len(), 5 * 92);
    }
}
