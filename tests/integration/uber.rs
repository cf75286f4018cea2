//! Uber's rider trips as trips by car (issue 9).
//!
//! The fixture `tests/fixtures/uber.trips/trips_data.csv` was counted with python3's csv module,
//! independently of the reader: 24 rows, 20 `COMPLETED` with both places (2 `CANCELED`, 2
//! `UberEATS Marketplace` orders without places), 93.31 miles in all, so 150,168 m; each on a
//! date of its own.

use super::common::fixture;
use reflet::analysis::read_source;
use reflet::model::location::Mode;
use reflet::model::Summary;
use reflet::sources::{by_id, UberTrips};

#[test]
fn completed_rides_are_trips_by_car_with_their_distance_and_carbon() {
    let bytes = std::fs::read(fixture("uber.trips", "trips_data.csv")).unwrap();
    assert_eq!(
        reflet::sources::detect("Uber Data/Rider/trips_data.csv", &bytes).map(|c| c.source),
        Some("uber.trips")
    );
    assert!(by_id("uber.trips").is_some());
    let (summary, error) = read_source(&UberTrips, &mut &bytes[..]);
    assert_eq!(error, None);
    let Summary::Positions(p) = summary else {
        panic!("a location summary")
    };
    assert_eq!(p.moves, 20);
    assert_eq!(p.skipped, 2);
    let trips = p.trips.expect("trips");
    let car = trips.modes.iter().find(|m| m.mode == Mode::Car).unwrap();
    assert_eq!(car.legs, 20);
    assert!(car.metres.abs_diff(150_168) <= 1, "{}", car.metres);
    assert!(car.grams.is_some_and(|g| g > 0));
    // Each ride on a day of its own (20 distinct `Begin Trip Time` dates).
    assert_eq!(p.days, 20);
}
