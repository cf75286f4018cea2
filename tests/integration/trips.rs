//! Trips, modes and carbon, end to end through `inspect`: the real Semantic sample, and a
//! Takeout zip holding a bike commuter's `Records.json` (with Google's activity guesses) and
//! Semantic Location History (with its activity segments and two flights), made by
//! `tests/fixtures/mobility/generate.py`. Expected values are worked out by hand (haversine on a
//! sphere of 6,371,008.8 m, in Python) and from the ADEME factors in `src/analysis/co2.rs`.

use reflet::model::location::{CountryVisit, Mode};
use reflet::model::trips::{HomeWork, TripOrigin, TripSummary};
use reflet::model::Summary;
use reflet::report::{inspect_paths, FileReport};

fn trips(report: &FileReport) -> &TripSummary {
    let Some(Summary::Positions(p)) = &report.summary else {
        panic!("no positions in {}", report.file.path)
    };
    p.trips.as_ref().unwrap()
}

fn finding<'a>(report: &'a FileReport, id: &str) -> &'a str {
    &report.findings.iter().find(|f| f.id == id).unwrap().text.en
}

fn modes(t: &TripSummary) -> Vec<(Mode, u64, u64, Option<u64>)> {
    t.modes
        .iter()
        .map(|m| (m.mode, m.metres, m.estimated_metres, m.grams))
        .collect()
}

#[test]
fn the_semantic_sample_lists_three_trips_and_the_carbon_of_its_car_ride() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples/google/semantic_history_2013_DECEMBER.json");
    let report = inspect_paths(&[path]);
    let file = &report.files[0];
    let t = trips(file);
    assert_eq!((t.origin, t.trips), (TripOrigin::Export, 3));
    // jq -c '.timelineObjects[].activitySegment | [.activities[0].activityType, .distance]'
    // → ["WALKING",null] ["IN_VEHICLE",3853] ["WALKING",413]; the first has no distance and
    // empty ends: the straight line between its waypoint path's ends, 163 m.
    // Car: 3.853 km × 217.6 g = 838.4 g.
    assert_eq!(
        modes(t),
        [
            (Mode::Car, 3_853, 0, Some(838)),
            (Mode::Walking, 576, 0, Some(0))
        ]
    );
    assert_eq!(t.months[0].period, "2013-12");
    assert_eq!(
        finding(file, "co2"),
        "By ADEME's factors, these trips emitted about 838\u{a0}g of CO2 equivalent: car \
         838\u{a0}g (100%)."
    );
}

#[test]
fn a_takeout_with_records_and_semantic_history_gives_modes_home_work_trips_and_carbon() {
    let zip_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mobility/takeout-mobility.zip");
    let report = inspect_paths(&[zip_path]);
    let [records, semantic] = &report.files[..] else {
        panic!("{:?}", report.files)
    };

    // Records.json: 20 trips cut out of the positions, by bike from Google's guesses (the first
    // step of each, from a record with no guess, goes to the trip's mode): 20 × 3,335.85 m.
    let t = trips(records);
    assert_eq!((t.origin, t.trips), (TripOrigin::Positions, 20));
    assert_eq!(modes(t), [(Mode::Cycling, 66_717, 0, Some(0))]);
    assert_eq!(
        t.home_work,
        [HomeWork {
            year: 2024,
            mode: Mode::Cycling,
            trips: 20,
            metres: 66_717
        }]
    );
    let weeks: Vec<(&str, u64)> = t
        .weeks
        .iter()
        .map(|w| (w.period.as_str(), w.metres[&Mode::Cycling]))
        .collect();
    assert_eq!(weeks, [("2024-W10", 33_359), ("2024-W11", 33_359)]);
    assert_eq!(
        finding(records, "trips"),
        "Your positions show 20 trips, 66.7\u{a0}km in all: cycling 66.7\u{a0}km (100%)."
    );
    assert_eq!(
        finding(records, "home_work"),
        "Between home and work in 2024: 20 trips, 20 by bike (66.7\u{a0}km)."
    );
    assert_eq!(
        finding(records, "co2"),
        "By ADEME's factors, these trips emitted no measurable CO2."
    );
    // Every position in La Rochelle, every day from Monday 4 to Sunday 17 March.
    let Some(Summary::Positions(p)) = &records.summary else {
        panic!()
    };
    assert_eq!(
        p.countries,
        [CountryVisit {
            code: "FR".into(),
            days: 14,
            first: "2024-03-04".into(),
            last: "2024-03-17".into()
        }]
    );
    assert_eq!(
        finding(records, "countries"),
        "By your positions, you were in one country: France (14 days)."
    );

    // Semantic Location History: its 22 segments, with its modes and distances; the flights
    // have none: the straight line La Rochelle airport–Nice, 718,658 m, short haul: 258.58 g/km,
    // 185,831 g each way.
    let t = trips(semantic);
    assert_eq!((t.origin, t.trips), (TripOrigin::Export, 22));
    assert_eq!(
        modes(t),
        [
            (Mode::Flying, 1_437_316, 0, Some(371_662)),
            (Mode::Cycling, 68_000, 0, Some(0))
        ]
    );
    assert_eq!((t.grams, t.plane_grams), (371_662, 371_662));
    assert_eq!(
        finding(semantic, "co2"),
        "By ADEME's factors, these trips emitted about 371.7\u{a0}kg of CO2 equivalent, 100% of \
         it by plane: plane 371.7\u{a0}kg (100%)."
    );
    let months: Vec<&str> = t.months.iter().map(|m| m.period.as_str()).collect();
    assert_eq!(months, ["2024-03"]);
}

#[test]
fn the_records_sample_is_in_russia() {
    // Its positions are in Barnaul, Siberia, about 53.37° N, 83.70° E:
    // jq -c '.locations[] | [.latitudeE7, .longitudeE7, .timestamp[:10]]'.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples/google/Records.json");
    let report = inspect_paths(&[path]);
    let file = &report.files[0];
    assert_eq!(
        finding(file, "countries"),
        "By your positions, you were in one country: Russia (3 days)."
    );
    let Some(Summary::Positions(p)) = &file.summary else {
        panic!()
    };
    assert_eq!(
        (p.countries[0].first.as_str(), p.countries[0].last.as_str()),
        ("2012-12-15", "2013-03-01")
    );
}

#[test]
fn the_map_of_the_commuter_marks_home_and_work_and_names_the_towns_around() {
    use reflet::charts::map::{map_data, MarkerKind};
    let zip_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mobility/takeout-mobility.zip");
    let report = inspect_paths(&[zip_path]);
    let Some(Summary::Positions(p)) = &report.files[0].summary else {
        panic!()
    };
    // Positions counted in 0.005° cells: the busiest is home's (46.1603 / 0.005 = 9232.06,
    // -1.1511 / 0.005 = -230.2 → -231), where the person spends nights and weekends.
    let density = p.density.as_ref().unwrap();
    assert_eq!(density.fine.cells[0][..2], [9232, -231]);
    let total: i64 = density.coarse.cells.iter().map(|c| c[2]).sum();
    assert_eq!(u64::try_from(total).unwrap(), p.count);
    // The towns to label it with, largest first: La Rochelle leads.
    assert_eq!(p.towns[0].name, "La Rochelle");
    let data = map_data(p).unwrap();
    let marks: Vec<(MarkerKind, f64, f64)> = data
        .markers
        .iter()
        .filter(|m| m.kind != MarkerKind::Place)
        .map(|m| (m.kind, m.lat, m.lng))
        .collect();
    assert_eq!(
        marks,
        [
            (MarkerKind::Work, 46.19, -1.151),
            (MarkerKind::Home, 46.16, -1.151)
        ]
    );
    // First shown: 0.2° around home.
    let (south, west, north, east) = data.start;
    assert!(
        (south - 45.96).abs() < 1e-9 && (east + 0.951).abs() < 1e-9,
        "{:?}",
        data.start
    );
    assert!(north > south && east > west);
}
