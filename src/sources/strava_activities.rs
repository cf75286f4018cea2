//! Strava's list of activities: `activities.csv` in the account archive.
//!
//! Where from: strava.com, Settings, My Account, "Download or delete your account", "Request your
//! archive": an `export_<athleteId>.zip` holding `activities.csv`, the original uploads in
//! `activities/` (`<id>.gpx`, `.tcx.gz`, `.fit.gz`: read by the GPX, TCX and FIT sources; the
//! `Filename` column names each row's file), `profile.csv`…
//! Detection reads the header: `Activity ID`, `Activity Date`, `Activity Type`.
//!
//! Shape: one row per activity, 80 to 100 columns: `Activity ID`, `Activity Date`
//! (`Oct 1, 2024, 11:35:00 AM`, UTC, US English), `Activity Name`, `Activity Type` (Run, Ride,
//! Walk, Hike, Swim, Alpine Ski…), `Elapsed Time` (seconds), `Distance`, …, `Filename`
//! (`activities/123.fit.gz`, empty for a manual entry). Each row is handed over as a [`Move`]
//! without places: when, how long, how far, which way of moving. The positions are in the files
//! the rows name.
//!
//! Quirks: real exports have a second block of columns with **the same names** (`Elapsed Time`
//! again, `Distance` again, in metres, while the first `Distance` is in km or miles per the
//! person's setting): the last `Distance` is read. A file with a single `Distance` column (the
//! reduced sample) is checked against `Average Speed` × `Moving Time` (m/s × s) to tell metres,
//! kilometres and miles apart; a row whose speed does not tell takes the unit an earlier row
//! showed; before any, the distance is left out rather than guessed.

use std::io::Read;

use super::gpx::contains;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::csv::{for_each_record, CsvError};
use crate::ingest::read_prefix;
use crate::ingest::HEAD_LEN;
use crate::model::location::{LocationSink, Mode, Move};
use crate::model::time::{english_month, parse_iso, Millis};

pub struct StravaActivities;

/// Where the columns read are.
#[derive(Debug, Default)]
struct Columns {
    date: Option<usize>,
    kind: Option<usize>,
    elapsed: Option<usize>,
    /// The last `Distance` column, and whether there were several (then it is in metres).
    distance: Option<usize>,
    distance_twice: bool,
    moving: Option<usize>,
    speed: Option<usize>,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Columns {
        let mut c = Columns::default();
        for (i, name) in header.iter().enumerate() {
            let first = |slot: &mut Option<usize>| {
                slot.get_or_insert(i);
            };
            match name.trim().trim_start_matches('\u{feff}') {
                "Activity Date" => first(&mut c.date),
                "Activity Type" => first(&mut c.kind),
                "Elapsed Time" => first(&mut c.elapsed),
                "Moving Time" => first(&mut c.moving),
                "Average Speed" => first(&mut c.speed),
                "Distance" => {
                    c.distance_twice = c.distance.is_some();
                    c.distance = Some(i);
                }
                _ => {}
            }
        }
        c
    }
}

/// A number as Strava writes it (`33892`, `33892.0`, `6.43`; a decimal comma is accepted).
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    text.parse::<f64>()
        .ok()
        .or_else(|| text.replace(',', ".").parse().ok())
        .filter(|v: &f64| v.is_finite() && *v >= 0.0)
}

/// `Oct 01, 2024, 11:35:00 AM` (UTC), or an ISO 8601 instant.
pub(super) fn parse_date(text: &str) -> Option<Millis> {
    // Newer exports may put a narrow no-break space before AM/PM.
    let text: String = text
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if let Some(ms) = parse_iso(&text).or_else(|| parse_iso(&format!("{text}Z"))) {
        return Some(ms);
    }
    let mut parts = text.split(',').map(str::trim);
    let (month_day, year, clock) = (parts.next()?, parts.next()?, parts.next()?);
    let (month, day) = month_day.split_once(' ')?;
    let month = english_month(month)?;
    let day: u32 = day.trim().parse().ok()?;
    let year: u32 = year.parse().ok()?;
    let (clock, meridiem) = match clock.rsplit_once(' ') {
        Some((clock, m)) => (clock.trim(), m.to_ascii_uppercase()),
        None => (clock, String::new()),
    };
    let mut hms = clock.split(':');
    let hour: u32 = hms.next()?.parse().ok()?;
    let minute: u32 = hms.next()?.parse().ok()?;
    let second: u32 = hms.next().map_or(Some(0), |s| s.parse().ok())?;
    let hour = match (meridiem.as_str(), hour) {
        ("AM", 12) => 0,
        ("AM", 1..=11) | ("", 0..=23) => hour,
        ("PM", 12) => 12,
        ("PM", 1..=11) => hour + 12,
        _ => return None,
    };
    parse_iso(&format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z"
    ))
}

/// The way of moving of an `Activity Type` (`Ride`, `Trail Run`, `E-Bike Ride`, `Alpine Ski`…).
fn mode(kind: &str) -> Mode {
    let parsed = Mode::parse(kind);
    if parsed != Mode::Unknown {
        return parsed;
    }
    let squashed: String = kind
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let has = |part: &str| squashed.contains(part);
    if has("ride") || has("bike") || has("cycl") || has("velomobile") {
        Mode::Cycling
    } else if has("run") {
        Mode::Running
    } else if has("walk") || has("hike") || has("snowshoe") {
        Mode::Walking
    } else if has("ski") || has("snowboard") {
        Mode::Skiing
    } else if has("sail") {
        Mode::Ferry
    } else {
        Mode::Unknown
    }
}

/// The unit (metres per unit) of a single `Distance` column that matches this row's average speed
/// (m/s) × time.
fn unit_of(row: &csv::StringRecord, c: &Columns, value: f64) -> Option<f64> {
    let speed = number(row.get(c.speed?)?)?;
    let time = c.moving.or(c.elapsed).and_then(|i| number(row.get(i)?))?;
    let travelled = speed * time;
    [1.0, 1000.0, 1609.344]
        .into_iter()
        .find(|factor| travelled > 0.0 && (0.8..=1.25).contains(&(value * factor / travelled)))
}

/// The distance of a row in metres. `unit`: the unit a single `Distance` column was found in by an
/// earlier row, for the rows whose speed does not tell.
fn distance(row: &csv::StringRecord, c: &Columns, unit: &mut Option<f64>) -> Option<f64> {
    let value = number(row.get(c.distance?)?)?;
    if c.distance_twice {
        return Some(value);
    }
    if let Some(found) = unit_of(row, c, value) {
        *unit = Some(found);
    }
    unit.map(|factor| value * factor)
}

fn hand_over(
    row: &csv::StringRecord,
    c: &Columns,
    unit: &mut Option<f64>,
    out: &mut dyn LocationSink,
) {
    let Some(start) = c.date.and_then(|i| row.get(i)).and_then(parse_date) else {
        out.skipped();
        return;
    };
    #[allow(clippy::cast_possible_truncation)] // a finite, non-negative number of seconds
    let elapsed_ms = c
        .elapsed
        .and_then(|i| number(row.get(i)?))
        .filter(|s| *s < 1e9)
        .map_or(0, |s| (s * 1000.0).round() as i64);
    out.movement(&Move {
        start,
        end: start + elapsed_ms,
        from: None,
        to: None,
        distance_m: distance(row, c, unit),
        mode: mode(c.kind.and_then(|i| row.get(i)).unwrap_or("")),
    });
}

impl Source for StravaActivities {
    fn id(&self) -> &'static str {
        "strava.activities"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Strava, liste des activités (activities.csv)",
            Lang::En => "Strava activities (activities.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::STRAVA
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let header = ["Activity ID", "Activity Date", "Activity Type"]
            .iter()
            .all(|name| contains(first_line, name.as_bytes()));
        header.then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let Ok(head) = read_prefix(reader, HEAD_LEN) else {
            return Some(ErrorKind::Unreadable);
        };
        // The header, read from the first bytes: the columns are found before the first row.
        let mut text = Vec::new();
        let _ = crate::ingest::text::decode(&head, &b""[..]).read_to_end(&mut text);
        let header = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(&text[..])
            .headers()
            .ok()
            .cloned();
        let columns = header.as_ref().map(Columns::find).unwrap_or_default();
        if columns.date.is_none() {
            return Some(ErrorKind::WrongType);
        }
        let mut unit = None;
        let result = for_each_record(&head, reader, &mut |row| {
            hand_over(row, &columns, &mut unit, out);
        });
        match result {
            Ok(_) => None,
            Err(CsvError::NotCsv) => Some(ErrorKind::WrongType),
            Err(CsvError::LineTooLong) => Some(ErrorKind::TooLarge),
            Err(CsvError::Io) => Some(ErrorKind::Unreadable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::collect;

    #[test]
    fn the_sample_gives_one_move_per_activity() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/strava/activities.csv");
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("no samples: skipped");
            return;
        };
        assert!(StravaActivities.detect("activities.csv", &bytes).is_some());
        let (out, error) = collect(&StravaActivities, &bytes);
        assert_eq!(error, None);
        assert!(out.fixes.is_empty());
        // python3 -c "import csv;r=list(csv.DictReader(open('strava/activities.csv')));print(len(r),sum(x['Activity Type']=='Run' for x in r),sum(x['Activity Type']=='Ride' for x in r))"
        // → 75 56 19
        assert_eq!(out.moves.len(), 75);
        assert_eq!(out.skipped, 0);
        let count = |mode| out.moves.iter().filter(|m| m.mode == mode).count();
        assert_eq!((count(Mode::Running), count(Mode::Cycling)), (56, 19));
        // First row: "Oct 01, 2024, 11:35:00 AM", Elapsed Time 5486, Distance 33892 (metres: its
        // Average Speed 6.43 m/s × Moving Time 5268 s = 33873 m);
        // date -ud '2024-10-01 11:35:00' +%s → 1727782500
        let first = &out.moves[0];
        assert_eq!(
            (
                first.start,
                first.end,
                first.distance_m,
                first.from,
                first.to
            ),
            (
                1_727_782_500_000,
                1_727_782_500_000 + 5_486_000,
                Some(33_892.0),
                None,
                None
            )
        );
        // Row "Jan 01, 2025, 12:00:00 PM": date -ud '2025-01-01 12:00:00' +%s → 1735732800
        // python3 -c "import csv;print(sum(float(x['Distance']) for x in csv.DictReader(open('strava/activities.csv'))))"
        // → 1089511.0 (the last three rows' speeds do not match their distances: the unit the
        // earlier rows showed, metres, is kept)
        assert!(out.moves.iter().any(|m| m.start == 1_735_732_800_000));
        let total: f64 = out.moves.iter().filter_map(|m| m.distance_m).sum();
        assert!((total - 1_089_511.0).abs() < 0.5, "{total}");
    }

    #[test]
    fn the_full_export_with_duplicate_columns() {
        let csv = "\u{feff}Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed\n\
            1,\"Oct 1, 2024, 12:05:00\u{202f}AM\",Night,Alpine Ski,,600,\"5.20\",activities/1.fit.gz,600.0,500.0,5200.0,9.0,10.4\n\
            2,\"Mar 3, 2023, 12:30:00 PM\",\"Lunch, with a comma\",E-Bike Ride,,3600,12.5,,3600.0,3500.0,12500.0,7.0,3.5\n\
            3,not a date,x,Run,,1,1,,1,1,1,1,1\n\
            4,\"Jan 5, 2022, 7:00:00 PM\",Laps,Swim,,1800,,,1800.0,1800.0,,,\n\
            5,\"Jan 6, 2022, 6:00:00 PM\",Hill,Hike,,60,0.1,,60.0,60.0,100.0,2.0,1.7\n\
            6,\"Jan 6, 2022, 7:00:00 PM\",Notes,Walk,\"two\nlines\",60,0.1,,60.0,60.0,100.0,2.0,1.7\n";
        let (out, error) = collect(&StravaActivities, csv.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.skipped, 1);
        let moves: Vec<(i64, i64, Option<f64>, Mode)> = out
            .moves
            .iter()
            .map(|m| (m.start, m.end - m.start, m.distance_m, m.mode))
            .collect();
        assert_eq!(
            moves,
            [
                // 12:05 AM is 00:05.
                (1_727_741_100_000, 600_000, Some(5200.0), Mode::Skiing),
                (1_677_846_600_000, 3_600_000, Some(12_500.0), Mode::Cycling),
                (1_641_409_200_000, 1_800_000, None, Mode::Unknown),
                (1_641_492_000_000, 60_000, Some(100.0), Mode::Walking),
                // A description on two lines (the sniffer needs five one-line rows first).
                (1_641_495_600_000, 60_000, Some(100.0), Mode::Walking),
            ]
        );
    }

    #[test]
    fn a_single_distance_column_in_kilometres_or_miles() {
        let km = "Activity ID,Activity Date,Activity Type,Elapsed Time,Moving Time,Distance,Average Speed\n\
            1,\"Oct 1, 2024, 8:00:00 AM\",Walk,3600,3600,5.0,\n\
            2,\"Oct 2, 2024, 8:00:00 AM\",Run,3600,3600,10.0,2.78\n\
            3,\"Oct 3, 2024, 8:00:00 AM\",Walk,3600,3600,4.2,\n";
        let (out, error) = collect(&StravaActivities, km.as_bytes());
        assert_eq!(error, None);
        let d: Vec<Option<f64>> = out.moves.iter().map(|m| m.distance_m).collect();
        // Nothing tells the first row's unit; the second shows kilometres, kept for the third.
        assert_eq!(d, [None, Some(10_000.0), Some(4200.0)]);
        assert_eq!(out.moves[2].mode, Mode::Walking);
        let miles = "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance,Average Speed\n\
            1,\"Oct 2, 2024, 8:00:00 AM\",Run,3600,6.2,2.78\n";
        let (out, _) = collect(&StravaActivities, miles.as_bytes());
        assert_eq!(out.moves[0].distance_m, Some(6.2 * 1609.344));
    }

    #[test]
    fn dates_modes_and_detection() {
        assert_eq!(
            parse_date("Oct 01, 2024, 11:35:00 AM"),
            Some(1_727_782_500_000)
        );
        assert_eq!(
            parse_date("October 1, 2024, 11:35:00 PM"),
            Some(1_727_825_700_000)
        );
        assert_eq!(parse_date("2024-10-01 11:35:00"), Some(1_727_782_500_000));
        assert_eq!(parse_date("Foo 01, 2024, 11:35:00 AM"), None);
        assert_eq!(parse_date("Oct 01, 2024, 13:35:00 PM"), None);
        for (kind, expected) in [
            ("Ride", Mode::Cycling),
            ("Virtual Ride", Mode::Cycling),
            ("Mountain Bike Ride", Mode::Cycling),
            ("Run", Mode::Running),
            ("Trail Run", Mode::Running),
            ("Walk", Mode::Walking),
            ("Hike", Mode::Walking),
            ("Nordic Ski", Mode::Skiing),
            ("Snowboard", Mode::Skiing),
            ("Sail", Mode::Ferry),
            ("Swim", Mode::Unknown),
            ("Weight Training", Mode::Unknown),
        ] {
            assert_eq!(mode(kind), expected, "{kind}");
        }
        assert!(StravaActivities
            .detect("x.csv", b"Profile Name,Start Time,Duration\n")
            .is_none());
        assert!(StravaActivities
            .detect(
                "activities.csv",
                b"Activity ID,Activity Date,Activity Name,Activity Type\n1"
            )
            .is_some());
        assert_eq!(
            collect(&StravaActivities, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
    }
}
