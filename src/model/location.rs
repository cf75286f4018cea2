//! Where a person was: position fixes, stays at places and moves between them, as every location
//! export (Google, Apple, Snapchat, Strava, GPX, KML…) hands them over once read.
//!
//! Sources turn their format into these types and give them to a [`LocationSink`]; analyses
//! consume them. A [`Fix`] is 16 bytes, so that map mode can keep millions of them.

use serde::{Deserialize, Serialize};

use super::time::Millis;

/// A point on Earth in degrees × 10^7 (Google's "E7"): 8 bytes, exact to about a centimetre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LatLng {
    pub lat_e7: i32,
    pub lng_e7: i32,
}

/// The mean Earth radius, in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

impl LatLng {
    /// From degrees; `None` for NaN, out-of-range values and the exact `0, 0` that exports write
    /// for "no position".
    pub fn from_degrees(lat: f64, lng: f64) -> Option<LatLng> {
        if !(lat.abs() <= 90.0 && lng.abs() <= 180.0) || (lat == 0.0 && lng == 0.0) {
            return None;
        }
        #[allow(clippy::cast_possible_truncation)] // within ±1.8e9 after the range check
        Some(LatLng {
            lat_e7: (lat * 1e7).round() as i32,
            lng_e7: (lng * 1e7).round() as i32,
        })
    }

    /// From E7 integers, undoing the 32-bit overflow of some old Google exports (values past
    /// the range had 2^32 added).
    pub fn from_e7(lat: i64, lng: i64) -> Option<LatLng> {
        let fix = |v: i64, limit: i64| if v > limit { v - (1_i64 << 32) } else { v };
        let (lat, lng) = (fix(lat, 900_000_000), fix(lng, 1_800_000_000));
        if lat.abs() > 900_000_000 || lng.abs() > 1_800_000_000 || (lat == 0 && lng == 0) {
            return None;
        }
        Some(LatLng {
            lat_e7: i32::try_from(lat).ok()?,
            lng_e7: i32::try_from(lng).ok()?,
        })
    }

    /// Reads the text forms exports use: `"48.8566°, 2.3522°"` (Android Timeline), `"geo:48.8566,2.3522"`
    /// (iOS Timeline), `"48.8566, 2.3522"`.
    pub fn parse(text: &str) -> Option<LatLng> {
        let text = text.trim();
        let text = text.strip_prefix("geo:").unwrap_or(text);
        let (lat, lng) = text.split_once(',')?;
        let number =
            |s: &str| -> Option<f64> { s.trim().trim_end_matches('°').trim().parse::<f64>().ok() };
        // `geo:` URIs may carry parameters after a `;` (`geo:1,2;u=35`).
        let lng = lng.split(';').next().unwrap_or(lng);
        LatLng::from_degrees(number(lat)?, number(lng)?)
    }

    pub fn lat(self) -> f64 {
        f64::from(self.lat_e7) / 1e7
    }

    pub fn lng(self) -> f64 {
        f64::from(self.lng_e7) / 1e7
    }

    /// Great-circle distance in metres (haversine, mean Earth radius).
    pub fn distance_m(self, other: LatLng) -> f64 {
        self.distance_with_cos(self.cos_lat(), other, other.cos_lat())
    }

    /// The cosine of the latitude, as [`LatLng::distance_with_cos`] takes it.
    pub fn cos_lat(self) -> f64 {
        self.lat().to_radians().cos()
    }

    /// [`LatLng::distance_m`], the same value, given both points' [`LatLng::cos_lat`]: for a
    /// caller that measures from one point again and again (trigonometry is software in the
    /// browser).
    pub fn distance_with_cos(self, cos_self: f64, other: LatLng, cos_other: f64) -> f64 {
        let (la1, la2) = (self.lat().to_radians(), other.lat().to_radians());
        let dla = la2 - la1;
        let dlo = (other.lng() - self.lng()).to_radians();
        let h = (dla / 2.0).sin().powi(2) + cos_self * cos_other * (dlo / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
    }

    /// Whether `other` is within `radius_m` of here: `self.distance_m(other) <= radius_m`, the
    /// same answer, but without trigonometry (software in the browser) when two bounds of the
    /// distance settle it. On the sphere, the way between two points is at least their
    /// difference in latitude, and at most that plus their difference in longitude (along a
    /// meridian, then a parallel no longer than the equator's arc); only within a centimetre of
    /// the radius, or across the antimeridian, is the distance computed. For radii up to
    /// 1,000 km only: the haversine itself is off by up to about 9 cm near the antipodes.
    pub fn within_m(self, other: LatLng, radius_m: f64) -> bool {
        /// Metres per 10^-7 degree along a great circle of the mean sphere.
        const M_PER_E7: f64 = EARTH_RADIUS_M * std::f64::consts::PI / 180.0 / 1e7;
        const SLACK_M: f64 = 0.01;
        if radius_m > 1_000_000.0 {
            return self.distance_m(other) <= radius_m;
        }
        let dlat = (f64::from(other.lat_e7) - f64::from(self.lat_e7)).abs() * M_PER_E7;
        if dlat > radius_m + SLACK_M {
            return false;
        }
        let dlng = (f64::from(other.lng_e7) - f64::from(self.lng_e7)).abs() * M_PER_E7;
        if dlat + dlng < radius_m - SLACK_M {
            return true;
        }
        self.distance_m(other) <= radius_m
    }
}

/// One position fix at an instant: 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub time: Millis,
    pub at: LatLng,
}

/// Lower-case letters and digits only: `IN_PASSENGER_VEHICLE` and `"in passenger vehicle"` meet.
fn squash(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How a place was labelled, by the person or by the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceLabel {
    /// Set by the person.
    Home,
    Work,
    /// Guessed by the service.
    InferredHome,
    InferredWork,
    SearchedAddress,
    /// A place the person named ("Mum's").
    Aliased,
    Other,
}

impl PlaceLabel {
    /// Reads every spelling exports use: `TYPE_HOME`, `INFERRED_HOME`, `HOME`, `"Home"`,
    /// `"Inferred Home"`, `"Searched Address"`…
    pub fn parse(text: &str) -> PlaceLabel {
        match squash(text.trim().trim_start_matches("TYPE_")).as_str() {
            "home" => PlaceLabel::Home,
            "work" => PlaceLabel::Work,
            "inferredhome" => PlaceLabel::InferredHome,
            "inferredwork" => PlaceLabel::InferredWork,
            "searchedaddress" => PlaceLabel::SearchedAddress,
            "aliasedlocation" | "aliased" => PlaceLabel::Aliased,
            _ => PlaceLabel::Other,
        }
    }
}

/// How a person moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Walking,
    Running,
    Cycling,
    Car,
    Motorcycle,
    Bus,
    Train,
    Subway,
    Tram,
    Ferry,
    Flying,
    Skiing,
    Still,
    Unknown,
}

impl Mode {
    /// Reads every spelling exports use: `IN_PASSENGER_VEHICLE`, `"in passenger vehicle"`,
    /// `ON_BICYCLE`, `CYCLING`, `WALK`, `DRIVE`…
    pub fn parse(text: &str) -> Mode {
        match squash(text).as_str() {
            "walking" | "walk" | "onfoot" | "hiking" => Mode::Walking,
            "running" | "run" => Mode::Running,
            "cycling" | "onbicycle" | "bicycle" | "bike" | "ride" | "biking" => Mode::Cycling,
            "inpassengervehicle"
            | "invehicle"
            | "incar"
            | "drive"
            | "driving"
            | "car"
            | "infourwheelervehicle"
            | "inroadvehicle"
            | "intaxi" => Mode::Car,
            "motorcycling" | "intwowheelervehicle" => Mode::Motorcycle,
            "inbus" | "bus" => Mode::Bus,
            "intrain" | "inrailvehicle" | "train" => Mode::Train,
            "insubway" | "subway" | "metro" => Mode::Subway,
            "intram" | "tram" => Mode::Tram,
            "inferry" | "ferry" | "sailing" | "boating" => Mode::Ferry,
            "flying" | "inplane" | "plane" => Mode::Flying,
            "skiing" => Mode::Skiing,
            "still" | "stationary" => Mode::Still,
            _ => Mode::Unknown,
        }
    }
}

/// A stay at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub start: Millis,
    pub end: Millis,
    pub at: Option<LatLng>,
    /// The service's identifier for the place (Google `placeId`).
    pub place_id: Option<String>,
    /// The place's name or address, when the export gives one.
    pub name: Option<String>,
    pub label: Option<PlaceLabel>,
}

/// A move from one place to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    pub start: Millis,
    pub end: Millis,
    pub from: Option<LatLng>,
    pub to: Option<LatLng>,
    pub distance_m: Option<f64>,
    pub mode: Mode,
}

/// A place the service itself singled out (Timeline's "frequent places", a labelled visit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicePlace {
    pub label: PlaceLabel,
    pub at: Option<LatLng>,
    pub place_id: Option<String>,
}

/// Google's guesses of what the person was doing (Records.json `activity[].activity[].type`), as
/// the export spells them; other spellings are kept as written, upper-cased.
pub const ACTIVITY_TYPES: [&str; 15] = [
    "STILL",
    "ON_FOOT",
    "WALKING",
    "RUNNING",
    "ON_BICYCLE",
    "IN_VEHICLE",
    "IN_ROAD_VEHICLE",
    "IN_RAIL_VEHICLE",
    "IN_FOUR_WHEELER_VEHICLE",
    "IN_TWO_WHEELER_VEHICLE",
    "IN_CAR",
    "IN_BUS",
    "EXITING_VEHICLE",
    "TILTING",
    "UNKNOWN",
];

/// A device the service says located the person (Google's `deviceTag`): from Records.json, with
/// how many positions it gave; from Settings.json, with its name, model and settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// The service's tag for it, written out (a JSON number past 2^53 would lose digits), or
    /// `other` for the devices past the first [`MAX_DEVICES`].
    pub tag: String,
    /// The name the person or the phone gave it (`devicePrettyName`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `ANDROID`, `IOS`… and `PHONE`, `TABLET`…, upper-cased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_factor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// When the service first saw it, ISO 8601 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Whether it was set to report its location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting: Option<bool>,
    /// Positions it gave in this file.
    #[serde(default)]
    pub positions: u64,
}

/// Devices kept apart; the positions of any more are counted together under `other`.
pub const MAX_DEVICES: usize = 64;

/// The location history's own settings (Google's Settings.json).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistorySettings {
    /// Whether the history was on when the export was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// After how many days the service deletes positions (auto-delete), if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u64>,
    /// When the settings were created, ISO 8601 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

/// Where the positions fall, for the map's heat layer: counts in cells of about 500 m and 10 km.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Density {
    pub fine: DensityGrid,
    pub coarse: DensityGrid,
}

/// Positions counted in square cells of `size` degrees; each cell is `[row, column, positions]`,
/// its south-west corner at `row × size` degrees of latitude and `column × size` of longitude.
/// The busiest cells first (at most 5,000).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DensityGrid {
    pub size: f64,
    pub cells: Vec<[i64; 3]>,
}

/// A town to label the map with, from the bundled gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapTown {
    pub name: String,
    pub lat: f64,
    pub lng: f64,
    /// A lower bound of its population (the gazetteer's classes).
    pub population_at_least: u32,
}

/// A country the positions fall in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryVisit {
    /// ISO 3166-1 alpha-2 (`FR`).
    pub code: String,
    /// Days (UTC) with a position there.
    pub days: u64,
    /// The first and last days with a position there, `YYYY-MM-DD` (UTC).
    pub first: String,
    pub last: String,
}

/// How sure the inference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// Why the confidence is not high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Doubt {
    /// Too few nights with positions.
    FewNights,
    /// Weekday nights and weekend nights are at different places.
    WeekdaysDiffer,
    /// A second place holds many nights.
    TwoPlaces,
    /// No place holds most nights.
    Scattered,
    /// Another place holds more of the person's time than the place of their nights (night
    /// work every night?).
    DaytimeElsewhere,
}

/// The probable home, as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Home {
    /// The mean of the night positions there, rounded to about 100 m.
    pub lat: f64,
    pub lng: f64,
    /// Nights spent there, and nights with any position.
    pub nights: u64,
    pub nights_total: u64,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Doubt>,
}

/// The probable place of work or study, as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// The mean of the working-hours positions there, rounded to about 100 m.
    pub lat: f64,
    pub lng: f64,
    /// Weekdays spent there (09:00–17:00 local time), and weekdays with any position then.
    pub days: u64,
    pub days_total: u64,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Doubt>,
}

/// Weekday routine around home, as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    /// Days with any known slot, and weekdays with both a departure and a return.
    pub days: u64,
    pub weekdays: u64,
    /// Usual departure from home and return on weekdays, in minutes after local midnight (the
    /// median, rounded to 5 minutes), when at least 5 weekdays show both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<u16>,
    /// Share of the known time spent away from home, in percent, by weekday (Monday first) and
    /// local hour; `null` where under half an hour was known.
    pub away: [[Option<u8>; 24]; 7],
}

/// A sensitive matter a place's name hints at (GDPR article 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitive {
    Health,
    Religion,
    Politics,
    TradeUnion,
    Sexuality,
}

/// A place among the most visited, as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopPlace {
    /// The name (or address) the export gives, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Rounded to 0.001° (about 100 m).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lng: Option<f64>,
    pub visits: u64,
    /// Time spent there, in whole hours.
    pub hours: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<Sensitive>,
}

/// Where sources hand what they read. Every method but [`LocationSink::fix`] does nothing unless
/// an analysis wants it.
pub trait LocationSink {
    /// A position fix; `source` is how the device located itself (`GPS`, `WIFI`, `CELL`…), as the
    /// export names it, or `""`.
    fn fix(&mut self, fix: Fix, source: &str);
    fn visit(&mut self, _visit: &Visit) {}
    fn movement(&mut self, _movement: &Move) {}
    fn service_place(&mut self, _place: &ServicePlace) {}
    /// How much the service thinks the person favours a way of travelling (0–1).
    fn affinity(&mut self, _mode: Mode, _affinity: f64) {}
    /// A record with no usable position or time.
    fn skipped(&mut self) {}
    /// The service's top guess of what the person was doing at one instant (`STILL`,
    /// `IN_VEHICLE`…, as the export spells it).
    fn activity_guess(&mut self, _kind: &str) {}
    /// The device that gave the last fix handed over: its tag, and its platform and form factor
    /// when the record names them.
    fn fix_device(&mut self, _tag: i64, _platform: Option<&str>, _form_factor: Option<&str>) {}
    /// A device the service lists, with what it says of it.
    fn device(&mut self, _device: &Device) {}
    /// The location history's own settings.
    fn history_settings(&mut self, _settings: &HistorySettings) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Fix>(), 16);
        assert_eq!(std::mem::size_of::<LatLng>(), 8);
    }

    #[test]
    fn within_answers_as_the_distance_does() {
        // Pairs around many places (the poles and the antimeridian too), at distances spread
        // around each radius, some right on its edge: the bounds never answer otherwise.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |n: i64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            i64::try_from(state % u64::try_from(n).unwrap()).unwrap()
        };
        let mut decided = [0_usize; 2];
        for radius in [50.0, 150.0, 200.0, 1_000.0] {
            for _ in 0..20_000 {
                let lat = i32::try_from(next(1_800_000_001) - 900_000_000).unwrap();
                let lng = i32::try_from(next(3_600_000_000) - 1_800_000_000).unwrap();
                let here = LatLng {
                    lat_e7: lat,
                    lng_e7: lng,
                };
                // Up to about four radii away in each direction.
                #[allow(clippy::cast_possible_truncation)] // at most 363,637
                let reach = (radius * 4.0 / 0.011) as i64;
                let step = |v: i64, lo: i64, hi: i64| v.clamp(lo, hi);
                let there = LatLng {
                    lat_e7: i32::try_from(step(
                        i64::from(lat) + next(2 * reach) - reach,
                        -900_000_000,
                        900_000_000,
                    ))
                    .unwrap(),
                    lng_e7: i32::try_from(step(
                        i64::from(lng) + next(2 * reach) - reach,
                        -1_800_000_000,
                        1_800_000_000,
                    ))
                    .unwrap(),
                };
                let exact = here.distance_m(there) <= radius;
                assert_eq!(
                    here.within_m(there, radius),
                    exact,
                    "{here:?} {there:?} {radius}"
                );
                decided[usize::from(exact)] += 1;
                // On the edge: the radius set to the distance itself, and just under it.
                let d = here.distance_m(there);
                assert!(here.within_m(there, d));
                assert_eq!(here.within_m(there, d - 1e-9), d <= d - 1e-9);
            }
        }
        // Both answers came up often.
        assert!(decided[0] > 5_000 && decided[1] > 5_000, "{decided:?}");
        // Radii near the antipodes, where the haversine's rounding is larger than the slack
        // (found by review): the distance decides.
        let south_pole = LatLng {
            lat_e7: -900_000_000,
            lng_e7: 0,
        };
        let near_north = LatLng {
            lat_e7: 899_999_987,
            lng_e7: 0,
        };
        let r = 20_015_114.26;
        assert_eq!(
            near_north.within_m(south_pole, r),
            near_north.distance_m(south_pole) <= r
        );
        let west = LatLng {
            lat_e7: 0,
            lng_e7: -900_000_000,
        };
        let east = LatLng {
            lat_e7: 0,
            lng_e7: 899_999_992,
        };
        let r = west.distance_m(east) - 0.03;
        assert!(!west.within_m(east, r));
        // Across the antimeridian.
        let east = LatLng {
            lat_e7: 0,
            lng_e7: 1_799_999_990,
        };
        let west = LatLng {
            lat_e7: 0,
            lng_e7: -1_799_999_990,
        };
        assert!(east.within_m(west, 10.0));
        assert!(!east.within_m(west, 0.1));
    }

    #[test]
    fn coordinates_in_every_written_form() {
        let paris = LatLng::from_degrees(48.8566, 2.3522).unwrap();
        assert_eq!(
            paris,
            LatLng {
                lat_e7: 488_566_000,
                lng_e7: 23_522_000
            }
        );
        assert_eq!(LatLng::parse("48.8566°, 2.3522°"), Some(paris));
        assert_eq!(LatLng::parse("geo:48.8566,2.3522"), Some(paris));
        assert_eq!(LatLng::parse("geo:48.8566,2.3522;u=35"), Some(paris));
        assert_eq!(LatLng::parse(" 48.8566, 2.3522 "), Some(paris));
        assert_eq!(
            LatLng::parse("-33.8688°, 151.2093°").map(|p| (p.lat(), p.lng())),
            Some((-33.8688, 151.2093))
        );
        for bad in [
            "",
            "geo:",
            "48.8566",
            "north, east",
            "91, 0",
            "0, 181",
            "NaN, 1",
            "0, 0",
        ] {
            assert_eq!(LatLng::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn e7_values_and_their_overflow() {
        assert_eq!(
            LatLng::from_e7(485_000_000, 23_000_000),
            Some(LatLng {
                lat_e7: 485_000_000,
                lng_e7: 23_000_000
            })
        );
        // A longitude of -1.15 written with 2^32 added.
        assert_eq!(
            LatLng::from_e7(461_600_000, 4_294_967_296 - 11_500_000).map(LatLng::lng),
            Some(-1.15)
        );
        assert_eq!(LatLng::from_e7(0, 0), None);
        assert_eq!(LatLng::from_e7(i64::MAX, 0), None);
    }

    #[test]
    fn distances_are_great_circle_metres() {
        let paris = LatLng::parse("48.8566, 2.3522").unwrap();
        let lyon = LatLng::parse("45.7640, 4.8357").unwrap();
        let d = paris.distance_m(lyon);
        assert!((d - 391_500.0).abs() < 1500.0, "{d}");
        assert!(paris.distance_m(paris).abs() < 1e-6);
        let a = LatLng::parse("46.16, -1.15").unwrap();
        let b = LatLng::parse("46.1609, -1.15").unwrap();
        assert!((a.distance_m(b) - 100.0).abs() < 1.0);
    }

    #[test]
    fn labels_and_modes_in_every_spelling() {
        for (text, label) in [
            ("TYPE_HOME", PlaceLabel::Home),
            ("INFERRED_HOME", PlaceLabel::InferredHome),
            ("Inferred Work", PlaceLabel::InferredWork),
            ("Home", PlaceLabel::Home),
            ("Searched Address", PlaceLabel::SearchedAddress),
            ("TYPE_ALIASED_LOCATION", PlaceLabel::Aliased),
            ("Unknown", PlaceLabel::Other),
        ] {
            assert_eq!(PlaceLabel::parse(text), label, "{text}");
        }
        for (text, mode) in [
            ("IN_PASSENGER_VEHICLE", Mode::Car),
            ("in passenger vehicle", Mode::Car),
            ("ON_BICYCLE", Mode::Cycling),
            ("on bicycle", Mode::Cycling),
            ("CYCLING", Mode::Cycling),
            ("WALK", Mode::Walking),
            ("IN_SUBWAY", Mode::Subway),
            ("in train", Mode::Train),
            ("FLYING", Mode::Flying),
            ("UNKNOWN_ACTIVITY_TYPE", Mode::Unknown),
        ] {
            assert_eq!(Mode::parse(text), mode, "{text}");
        }
    }
}
