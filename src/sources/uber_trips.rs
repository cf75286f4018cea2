//! Uber's rider trips: `Uber Data/Rider/trips_data.csv` (formats.md section 11).
//!
//! Where from: the Uber app or uber.com, Help, "Privacy", "Download your data": a zip whose
//! `Rider/trips_data.csv` lists every ride requested. Detection reads the header: `Begin Trip
//! Time`, `Dropoff Lat` and `Product Type`.
//!
//! Shape: `City,Product Type,Trip or Order Status,Request Time,Begin Trip Time,Begin Trip Lat,
//! Begin Trip Lng,Begin Trip Address,Dropoff Time,Dropoff Lat,Dropoff Lng,Dropoff Address,
//! Distance (miles),Fare Amount,Fare Currency`; times `2018-04-05 05:52:02 +0000 UTC`, degrees in
//! decimal. Columns are found by name, in any order and any case.
//!
//! Each `COMPLETED` ride is handed over as a [`Move`] by car, from its pick-up to its drop-off,
//! with its distance: the trips and their CO2 (`analysis::trips`). Cancelled rides, Uber Eats
//! orders (no drop-off place) and rows without a readable start are left out. Addresses, fares and
//! the city are not read: the places are the coordinates, and the fares are not a trip's.
//!
//! A file that does not end with a line break and whose last row misses a column, a whole
//! currency code or (for a completed ride) a readable drop-off time is taken as cut off: that row
//! is left out.

use std::io::Read;

use super::netflix::{cell, find};
use super::{linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::location::{LatLng, LocationSink, Mode, Move};
use crate::model::time::{parse_iso, Millis};
use crate::model::Sink;

/// `trips_data.csv`.
pub struct UberTrips;

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    status: usize,
    begin: usize,
    end: usize,
    from: (usize, usize),
    to: (usize, usize),
    miles: Option<usize>,
    currency: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Option<Self> {
        let at = |name: &str| find(header, &[name]);
        Some(Columns {
            status: at("Trip or Order Status")?,
            begin: at("Begin Trip Time")?,
            end: at("Dropoff Time")?,
            from: (at("Begin Trip Lat")?, at("Begin Trip Lng")?),
            to: (at("Dropoff Lat")?, at("Dropoff Lng")?),
            miles: at("Distance (miles)"),
            currency: at("Fare Currency"),
        })
    }

    fn hand_over(self, row: &csv::StringRecord, out: &mut dyn LocationSink) {
        let text = |i: usize| cell(row, Some(i));
        if !text(self.status).is_some_and(|s| s.eq_ignore_ascii_case("COMPLETED")) {
            return;
        }
        let (Some(start), Some(end)) = (
            text(self.begin).and_then(moment),
            text(self.end).and_then(moment),
        ) else {
            out.skipped();
            return;
        };
        let place = |(lat, lng): (usize, usize)| {
            let degrees = |i| text(i)?.parse::<f64>().ok();
            LatLng::from_degrees(degrees(lat)?, degrees(lng)?)
        };
        let (from, to) = (place(self.from), place(self.to));
        if from.is_none() || to.is_none() {
            out.skipped();
            return;
        }
        let distance_m = self
            .miles
            .and_then(|i| text(i)?.parse::<f64>().ok())
            .filter(|m| m.is_finite() && *m >= 0.0)
            .map(|miles| miles * 1609.344);
        out.movement(&Move {
            start,
            end: end.max(start),
            from,
            to,
            distance_m,
            mode: Mode::Car,
        });
    }
}

/// `2018-04-05 05:52:02 +0000 UTC`, or an ISO 8601 instant.
fn moment(text: &str) -> Option<Millis> {
    let text = text.trim();
    let bare = text.strip_suffix("UTC").map_or(text, str::trim_end);
    parse_iso(bare).or_else(|| {
        let (clock, zone) = bare.rsplit_once(' ')?;
        parse_iso(&format!("{clock}{zone}")).filter(|_| zone.starts_with(['+', '-']))
    })
}

impl Source for UberTrips {
    fn id(&self) -> &'static str {
        "uber.trips"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Uber — courses",
            Lang::En => "Uber — rides",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::UBER
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let line = String::from_utf8_lossy(first_line);
        ["Begin Trip Time", "Dropoff Lat", "Product Type"]
            .iter()
            .all(|name| line.contains(name))
            .then_some(Claim {
                source: self.id(),
                confidence: 90,
            })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        linkedin::read_rows(
            reader,
            Columns::of,
            |c, row| {
                // Uber writes the currency last: a code cut short (`EU`) ends a cut file.
                row.len() > c.to.1
                    && cell(row, c.currency).is_none_or(|code| code.len() == 3)
                    && (cell(row, Some(c.status)) != Some("COMPLETED")
                        || cell(row, Some(c.end)).and_then(moment).is_some())
            },
            |c, row| c.hand_over(row, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, Collected};

    const HEADER: &str = "City,Product Type,Trip or Order Status,Request Time,Begin Trip Time,\
        Begin Trip Lat,Begin Trip Lng,Begin Trip Address,Dropoff Time,Dropoff Lat,Dropoff Lng,\
        Dropoff Address,Distance (miles),Fare Amount,Fare Currency\n";

    fn read(body: &str) -> (Collected, Option<ErrorKind>) {
        collect(&UberTrips, format!("{HEADER}{body}").as_bytes())
    }

    #[test]
    fn completed_rides_are_moves_by_car_with_their_places_and_distance() {
        let (got, error) = read(
            "Paris,UberX,COMPLETED,2024-03-02 21:50:11 +0000 UTC,2024-03-02 21:58:40 +0000 UTC,\
             48.8566,2.3522,\"1 Rue X, Paris\",2024-03-02 22:21:05 +0000 UTC,48.8790,2.3000,\
             \"2 Rue Y, Paris\",4.2,18.50,EUR\n\
             Paris,UberX,CANCELED,2024-03-03 08:00:00 +0000 UTC,,,,,,,,,0,5.00,EUR\n\
             Paris,UberEATS Marketplace,COMPLETED,2024-03-04 12:00:00 +0000 UTC,\
             2024-03-04 12:01:00 +0000 UTC,,,,2024-03-04 12:30:00 +0000 UTC,,,,0,22.00,EUR\n",
        );
        assert_eq!(error, None);
        assert_eq!(got.moves.len(), 1);
        let m = &got.moves[0];
        assert_eq!(m.mode, Mode::Car);
        assert_eq!(m.start, parse_iso("2024-03-02T21:58:40Z").unwrap());
        assert_eq!(m.end, parse_iso("2024-03-02T22:21:05Z").unwrap());
        assert!((m.distance_m.unwrap() - 4.2 * 1609.344).abs() < 1e-6);
        assert!(m.from.is_some() && m.to.is_some());
        // The Eats order has no places: skipped, not a trip.
        assert_eq!(got.skipped, 1);
    }

    #[test]
    fn a_last_row_cut_short_is_left_out_and_said() {
        let (got, error) = read(
            "Paris,UberX,COMPLETED,2024-03-02 21:50:11 +0000 UTC,2024-03-02 21:58:40 +0000 UTC,\
             48.8566,2.3522,a,2024-03-02 22:21:05 +0000 UTC,48.87",
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert!(got.moves.is_empty());
    }

    #[test]
    fn uber_times() {
        assert_eq!(
            moment("2018-04-05 05:52:02 +0000 UTC"),
            parse_iso("2018-04-05T05:52:02Z")
        );
        assert_eq!(
            moment("2018-04-05 07:52:02 +0200"),
            parse_iso("2018-04-05T05:52:02Z")
        );
        assert_eq!(moment("2018-04-05 05:5"), None);
    }
}
