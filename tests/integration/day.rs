//! The day view and corrections, on the mobility fixture (`tests/fixtures/mobility/generate.py`):
//! a bike commuter in La Rochelle (local time UTC+1 in March 2024) riding 08:30–08:42 to work and
//! 17:00–17:12 back on weekdays, in steps of 0.0025° (277.99 m), and a flight to Nice on
//! Saturday 9 March at 09:00. Values worked out by hand, as in `trips.rs`.

use reflet::analysis::day::{day_view, days_with_data, parse_day, Positions};
use reflet::analysis::trips::Journal;
use reflet::analysis::{findings, Memory};
use reflet::ingest::FileSource;
use reflet::model::day::StopPlace;
use reflet::model::location::Mode;
use reflet::model::points::PointStore;
use reflet::model::Summary;
use reflet::report::{describe_input_with, FileReport, Sink};

#[derive(Default)]
struct Kept {
    points: Vec<PointStore>,
    journals: Vec<(String, Journal)>,
    reports: Vec<FileReport>,
}

impl Sink for Kept {
    fn report(&mut self, report: FileReport) {
        self.reports.push(report);
    }
    fn kept(&mut self, report: &FileReport, kept: reflet::analysis::day::Kept) {
        self.points.extend(kept.points);
        self.journals.push((report.file.path.clone(), kept.journal));
    }
}

fn fixture(memory: Memory) -> Kept {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mobility/takeout-mobility.zip");
    let mut kept = Kept::default();
    let mut source = FileSource::open(&path).unwrap();
    describe_input_with("takeout-mobility.zip", &mut source, &mut kept, memory);
    kept
}

#[test]
fn a_weekday_shows_its_path_two_bike_trips_and_the_stays_at_home_and_work() {
    let kept = fixture(Memory::Map);
    // Both files keep their positions (Semantic history's are its visits and its moves' ends).
    let ([records, semantic], [points, _]) = (&kept.journals[..], &kept.points[..]) else {
        panic!(
            "{} journals, {} point sets",
            kept.journals.len(),
            kept.points.len()
        )
    };
    assert!(records.0.ends_with("Records.json"), "{}", records.0);
    assert!(semantic.0.ends_with("2024_MARCH.json"), "{}", semantic.0);
    let journal = &records.1;

    // Positions from Monday 4 March 01:00 local to Monday 18 March 00:45 local.
    let days = days_with_data(journal, Some(points));
    assert_eq!(days.len(), 15);
    let monday = parse_day("2024-03-04").unwrap();
    let spans = points.spans();
    let positions = Some(Positions {
        store: points,
        spans: &spans,
    });
    let day = day_view(journal, positions, &days, Some(monday)).unwrap();
    assert_eq!(day.date, "2024-03-04");
    assert_eq!(
        (day.previous, day.next.as_deref()),
        (None, Some("2024-03-05"))
    );
    assert_eq!(
        (day.first.as_str(), day.last.as_str()),
        ("2024-03-04", "2024-03-18")
    );

    // Two trips by bike, from Google's guesses: 12 steps of 277.99 m, 3,335.85 m each.
    let trips: Vec<_> = day
        .trips
        .iter()
        .map(|t| {
            (
                t.start.as_str(),
                t.end.as_str(),
                t.mode,
                t.metres,
                t.estimated,
            )
        })
        .collect();
    assert_eq!(
        trips,
        [
            ("08:30", "08:42", Mode::Cycling, 3_336, false),
            ("17:00", "17:12", Mode::Cycling, 3_336, false)
        ]
    );
    assert_eq!((day.metres, day.grams), (6_672, 0));

    // Home until 08:30, work 08:42–17:00, home from 17:12.
    let stops: Vec<_> = day
        .stops
        .iter()
        .map(|s| (s.from.as_deref(), s.until.as_deref(), s.place.clone()))
        .collect();
    assert_eq!(
        stops,
        [
            (None, Some("08:30"), StopPlace::Home),
            (Some("08:42"), Some("17:00"), StopPlace::Work),
            (Some("17:12"), None, StopPlace::Home)
        ]
    );

    // The path: home, 12 steps north to work, 12 back; still positions add no point.
    // Positions: every 15 minutes from 00:00 to 22:45 UTC, less the rides, plus 13 per ride.
    assert!(day.path_kept);
    assert_eq!(day.path.len(), 25);
    assert!((day.path[0][0] - 46.1603).abs() < 1e-6);
    assert!((day.path[12][0] - 46.1903).abs() < 1e-6);
    assert!((day.path[24][0] - 46.1603).abs() < 1e-6);
    assert!(day.positions > 26, "{}", day.positions);

    // With no date, the last day: a few positions at home after midnight, no trip.
    let last = day_view(journal, positions, &days, None).unwrap();
    assert_eq!((last.date.as_str(), last.next), ("2024-03-18", None));
    assert_eq!(last.previous.as_deref(), Some("2024-03-17"));
    assert!(last.trips.is_empty());
    assert_eq!(last.stops.len(), 1);
    assert_eq!(last.stops[0].place, StopPlace::Home);
}

#[test]
fn the_flight_day_of_the_semantic_history_lists_the_plane_and_its_carbon() {
    let kept = fixture(Memory::Summary);
    assert!(kept.points.is_empty());
    let journal = &kept.journals[1].1;
    // Summary mode: the days with a trip, and no path.
    let days = days_with_data(journal, None);
    assert_eq!(
        days.len(),
        12,
        "ten weekdays, and the flights on Saturday and Sunday"
    );
    let saturday = parse_day("2024-03-09").unwrap();
    let day = day_view(journal, None, &days, Some(saturday)).unwrap();
    assert!(!day.path_kept);
    assert!(day.path.is_empty());
    let [flight] = &day.trips[..] else {
        panic!("{:?}", day.trips)
    };
    // La Rochelle airport–Nice, 718,658 m in a straight line, short haul: 185,831 g.
    assert_eq!(
        (flight.start.as_str(), flight.end.as_str(), flight.mode),
        ("09:00", "10:30", Mode::Flying)
    );
    assert_eq!((flight.metres, flight.grams), (718_658, Some(185_831)));
    assert_eq!((day.metres, day.grams), (718_658, 185_831));
    let names: Vec<_> = day.stops.iter().map(|s| s.place.clone()).collect();
    assert_eq!(
        names,
        [
            // The gazetteer's nearest places: the airport is at Lagord's edge, and the
            // fixture's Nice is in its Les Moulins quarter.
            StopPlace::Near {
                town: "Lagord".into()
            },
            StopPlace::Near {
                town: "Les Moulins".into()
            }
        ]
    );
}

#[test]
fn marking_a_trip_as_driven_moves_its_length_and_carbon_to_the_car_everywhere() {
    let kept = fixture(Memory::Summary);
    let mut journal = kept.journals[0].1.clone();
    let monday = parse_day("2024-03-04").unwrap();
    let days = days_with_data(&journal, None);
    let morning = day_view(&journal, None, &days, Some(monday)).unwrap().trips[0].clone();
    assert_eq!(
        (morning.start.as_str(), morning.mode),
        ("08:30", Mode::Cycling)
    );

    assert!(journal.correct(morning.id, Mode::Car));
    assert!(!journal.correct(10_000, Mode::Car), "no such trip");
    let t = journal.summary().unwrap();
    // 3,335.85 m by car: 3.33585 × 217.6 = 725.88 g; the bike keeps 66,717 − 3,335.85 m.
    let modes: Vec<_> = t
        .modes
        .iter()
        .map(|m| (m.mode, m.legs, m.metres, m.grams))
        .collect();
    assert_eq!(
        modes,
        [
            (Mode::Cycling, 19, 63_381, Some(0)),
            (Mode::Car, 1, 3_336, Some(726))
        ]
    );
    assert_eq!((t.trips, t.grams, t.plane_grams), (20, 726, 0));
    assert_eq!(t.weeks[0].metres[&Mode::Car], 3_336);
    assert_eq!(t.weeks[0].grams[&Mode::Car], 726);
    let home_work: Vec<_> = t.home_work.iter().map(|h| (h.mode, h.trips)).collect();
    assert_eq!(home_work, [(Mode::Cycling, 19), (Mode::Car, 1)]);

    // The day lists it as corrected, and the findings say the new totals.
    let again = day_view(&journal, None, &days, Some(monday)).unwrap();
    assert_eq!(
        (again.trips[0].mode, again.trips[0].corrected, again.grams),
        (Mode::Car, true, 726)
    );
    let report = &kept.reports[0];
    let Some(Summary::Positions(mut p)) = report.summary.clone() else {
        panic!()
    };
    p.trips = Some(t);
    let updated = findings(&report.kind, &Summary::Positions(p));
    let co2 = &updated.iter().find(|f| f.id == "co2").unwrap().text.en;
    assert!(co2.contains("726\u{a0}g"), "{co2}");

    // Back to the bike: the totals are the file's own again.
    assert!(journal.correct(morning.id, Mode::Cycling));
    let back = journal.summary().unwrap();
    assert_eq!(back.modes.len(), 1);
    assert_eq!(
        (back.modes[0].metres, back.grams, back.home_work[0].trips),
        (66_717, 0, 20)
    );
}

#[test]
fn inspect_prints_the_day_the_day_view_shows() {
    let zip = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mobility/takeout-mobility.zip");
    let report = reflet::report::inspect_day(&[zip], Some("2024-03-09"));
    let [records, semantic] = &report.days[..] else {
        panic!("{:?}", report.days)
    };
    assert!(records.path.ends_with("Records.json"));
    // Saturday in La Rochelle: the Records file has positions at home all day and no trip.
    assert_eq!(records.day.date, "2024-03-09");
    assert!(records.day.trips.is_empty() && records.day.positions > 0);
    // The Semantic history's flight, with its carbon.
    assert_eq!(semantic.day.trips[0].grams, Some(185_831));
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["days"][1]["day"]["trips"][0]["mode"], "flying");
    assert_eq!(json["days"][1]["day"]["stops"][1]["place"]["kind"], "near");
}

#[test]
fn saying_home_is_someone_elses_moves_home_and_work_and_what_follows_from_them() {
    use reflet::model::day::PlaceSaid;
    use reflet::model::location::LatLng;
    let kept = fixture(Memory::Summary);
    let mut journal = kept.journals[0].1.clone();
    let monday = parse_day("2024-03-04").unwrap();
    let days = days_with_data(&journal, None);
    let home = LatLng::from_degrees(46.1603, -1.1511).unwrap();
    let work = LatLng::from_degrees(46.1903, -1.1511).unwrap();

    // "This is my parents' house": every night was there, so no home is left; the office stays
    // the place of work, and the home–work trips are gone with home.
    let places = journal.relabel(home, PlaceSaid::OthersHome);
    assert_eq!(places.home, None);
    let found = places.work.unwrap();
    assert_eq!((found.lat, found.lng), (46.19, -1.151));
    assert!(places.routine.is_none());
    assert!(journal.summary().unwrap().home_work.is_empty());
    let day = day_view(&journal, None, &days, Some(monday)).unwrap();
    assert_eq!(day.stops[0].place, StopPlace::OthersHome);
    assert_eq!(day.stops[1].place, StopPlace::Work);

    // "No, this is my home" (said of the same place): home again, as sure as can be, with its
    // 15 nights (4 to 18 March, local), and the 20 home–work trips back.
    let places = journal.relabel(home, PlaceSaid::Home);
    let found = places.home.unwrap();
    assert_eq!((found.lat, found.lng, found.nights), (46.16, -1.151, 15));
    assert_eq!(found.confidence, reflet::model::location::Confidence::High);
    assert_eq!(journal.summary().unwrap().home_work[0].trips, 20);

    // "The office is not my work": no place of work is left, nor home–work trips.
    let places = journal.relabel(work, PlaceSaid::NotMine);
    assert!(places.home.is_some() && places.work.is_none());
    assert!(journal.summary().unwrap().home_work.is_empty());
    let day = day_view(&journal, None, &days, Some(monday)).unwrap();
    assert!(
        matches!(day.stops[1].place, StopPlace::Near { .. }),
        "{:?}",
        day.stops[1]
    );
}
