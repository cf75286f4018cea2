//! Contributions (issue 11): a part of a person's results that they choose to share, in a small,
//! documented and versioned file (`docs/contribution.md`) that Reflet writes and never sends.
//!
//! The first theme is mobility, built from a location file's report alone (never from its
//! positions): kilometres per way of travelling per month, carbon per month, and the places where
//! the positions fall on a grid of cells of about 2 km, without the cells of home and work and
//! their neighbours, and without the cells under 1 % of the positions. The person reviews every
//! row, can remove any, and downloads what is left. [`combine`] puts several people's files
//! together for a facilitator, withholding what fewer than k people gave.

pub mod combine;

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::model::location::{Confidence, LatLng, Mode};
use crate::model::PositionSummary;

/// The `format` of every contribution file.
pub const FORMAT: &str = "reflet.contribution";
/// The version this Reflet writes and reads; a later one is refused, an earlier one does not
/// exist yet.
pub const VERSION: u32 = 1;
/// The grid of places, in 1e-7 degrees: 0.02° of latitude (2.2 km) by 0.03° of longitude
/// (2.3 km in France; at least 1 km up to 72° of latitude). The same for everyone, so that a
/// facilitator can add people's cells up.
pub const LAT_STEP_E7: i64 = 200_000;
pub const LNG_STEP_E7: i64 = 300_000;
/// Cells holding less than this share of the person's positions are dropped (rarely visited).
pub const MIN_SHARE_PCT: u32 = 1;
/// A contribution file is a few kilobytes; anything far larger is not one.
pub const MAX_BYTES: u64 = 4 << 20;

/// What a contribution may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Mobility,
}

/// A contribution file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// Always [`FORMAT`].
    pub format: String,
    pub version: u32,
    /// Random, made when the file is built, so that a facilitator counts a file loaded twice
    /// once. It says nothing about the person.
    pub id: String,
    pub theme: Theme,
    /// The month the file was made (`2026-11`).
    pub made: String,
    /// The cells' size in degrees, for the record ([`LAT_STEP_E7`], [`LNG_STEP_E7`]).
    pub grid: Grid,
    pub rows: Vec<Row>,
    /// What the file holds and does not hold, in the person's words and language.
    #[serde(default)]
    pub about: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub lat_step: f64,
    pub lng_step: f64,
}

impl Grid {
    pub fn standard() -> Grid {
        #[allow(clippy::cast_precision_loss)] // small constants
        Grid {
            lat_step: LAT_STEP_E7 as f64 / 1e7,
            lng_step: LNG_STEP_E7 as f64 / 1e7,
        }
    }
}

/// One value of a contribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Row {
    /// Kilometres travelled one way in one month (local time at each trip's start).
    Km { month: String, mode: Mode, km: f64 },
    /// Kilograms of CO2 equivalent of the month's trips (the modes with a carbon factor).
    Co2 { month: String, kg: f64 },
    /// A cell of the grid, `row` cells north of the equator and `col` cells east of Greenwich
    /// (its south-west corner), and the share of the person's positions in it, in whole percent.
    Cell { row: i64, col: i64, share_pct: u32 },
}

impl Row {
    /// The cell's south-west corner and north-east corner, in degrees.
    pub fn cell_bounds(row: i64, col: i64) -> (LatLng, LatLng) {
        let corner = |r: i64, c: i64| LatLng {
            lat_e7: clamp_e7(r * LAT_STEP_E7),
            lng_e7: clamp_e7(c * LNG_STEP_E7),
        };
        (corner(row, col), corner(row + 1, col + 1))
    }
}

fn clamp_e7(value: i64) -> i32 {
    i32::try_from(value.clamp(-1_800_000_000, 1_800_000_000)).unwrap_or(0)
}

/// The cell a position is in.
pub fn cell_of(at: LatLng) -> (i64, i64) {
    (
        i64::from(at.lat_e7).div_euclid(LAT_STEP_E7),
        i64::from(at.lng_e7).div_euclid(LNG_STEP_E7),
    )
}

/// Which parts to put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Include {
    pub km: bool,
    pub co2: bool,
    pub places: bool,
}

impl Default for Include {
    fn default() -> Self {
        Include {
            km: true,
            co2: true,
            places: true,
        }
    }
}

/// Rows the person removed, by what they are (so that a removal stays when parts are switched
/// on and off). A month's carbon leaves out the modes removed from that month, so that it cannot
/// give them back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    pub km: std::collections::BTreeSet<(String, Mode)>,
    pub co2: std::collections::BTreeSet<String>,
    pub cells: std::collections::BTreeSet<(i64, i64)>,
}

impl Removed {
    pub fn add(&mut self, row: &Row) {
        match row {
            Row::Km { month, mode, .. } => {
                self.km.insert((month.clone(), *mode));
            }
            Row::Co2 { month, .. } => {
                self.co2.insert(month.clone());
            }
            Row::Cell { row, col, .. } => {
                self.cells.insert((*row, *col));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.km.len() + self.co2.len() + self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What was left out of a mobility contribution, for the person to know.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Cells of the block hiding home and work.
    pub around_home_work: usize,
    /// Cells under [`MIN_SHARE_PCT`].
    pub rare: usize,
    /// No place of work was found: cells holding more than [`MAX_SHARE_WITHOUT_WORK`] percent
    /// of the positions (a workplace, a second home?) were left out too.
    pub busiest: usize,
    /// No home was found in the file, or not surely (two places of nights, too few nights…),
    /// so no place is offered: leaving home out could not be promised.
    pub no_home: bool,
}

/// Without a place of work found, a cell holding more than this share of the positions may be
/// one: it is left out.
pub const MAX_SHARE_WITHOUT_WORK: u32 = 15;
/// Home and work are hidden in a block of this many cells a side, placed at random around them,
/// so that the gap does not point at the home's cell.
const BLOCK: i64 = 5;

/// The mobility rows of a location file's report, without the rows `removed`, and what was left
/// out of them. `seed` places the block hiding home and work: draw it once per contribution, at
/// random.
pub fn mobility(
    summary: &PositionSummary,
    include: Include,
    removed: &Removed,
    seed: u64,
) -> (Vec<Row>, LeftOut) {
    let mut rows = Vec::new();
    if let Some(trips) = &summary.trips {
        for month in &trips.months {
            let gone = |mode: Mode| removed.km.contains(&(month.period.clone(), mode));
            if include.km {
                for (&mode, &metres) in &month.metres {
                    if mode != Mode::Still && metres > 0 && !gone(mode) {
                        rows.push(Row::Km {
                            month: month.period.clone(),
                            mode,
                            km: tenths(metres),
                        });
                    }
                }
            }
            let grams: u64 = month
                .grams
                .iter()
                .filter(|(&mode, _)| !(include.km && gone(mode)))
                .map(|(_, g)| g)
                .sum();
            if include.co2 && grams > 0 && !removed.co2.contains(&month.period) {
                rows.push(Row::Co2 {
                    month: month.period.clone(),
                    kg: tenths(grams),
                });
            }
        }
    }
    let mut left_out = LeftOut::default();
    if include.places {
        places(summary, seed, &mut rows, &mut left_out);
        rows.retain(|r| match r {
            Row::Cell { row, col, .. } => !removed.cells.contains(&(*row, *col)),
            _ => true,
        });
    }
    (rows, left_out)
}

/// A thousandth as a number with one decimal (metres to km, grams to kg).
#[allow(clippy::cast_precision_loss)] // distances and masses far below 2^52
fn tenths(thousandths: u64) -> f64 {
    (thousandths as f64 / 100.0).round() / 10.0
}

/// The grid cells of the positions, without a block of cells around home and work, without rare
/// ones; busiest first. None when the home is not surely known.
fn places(summary: &PositionSummary, seed: u64, rows: &mut Vec<Row>, left_out: &mut LeftOut) {
    let Some(density) = &summary.density else {
        return;
    };
    let home = summary
        .home
        .as_ref()
        .filter(|h| h.doubt.is_none() && h.confidence != Confidence::Low)
        .and_then(|h| LatLng::from_degrees(h.lat, h.lng));
    let Some(home) = home else {
        left_out.no_home = true;
        return;
    };
    let work = summary
        .work
        .as_ref()
        .and_then(|w| LatLng::from_degrees(w.lat, w.lng));
    let mut rng = crate::synth::Rng::new(seed);
    let mut private: Vec<(i64, i64)> = Vec::new();
    for (row, col) in [Some(home), work, summary.service_home, summary.service_work]
        .into_iter()
        .flatten()
        .map(cell_of)
    {
        // The anchor anywhere in the block, not at its centre.
        #[allow(clippy::cast_possible_wrap)] // below BLOCK
        let (dr, dc) = (
            rng.below(BLOCK as u64) as i64,
            rng.below(BLOCK as u64) as i64,
        );
        for r in row - dr..row - dr + BLOCK {
            for c in col - dc..col - dc + BLOCK {
                private.push((r, c));
            }
        }
    }
    // The fine grid's cells (about 500 m) added up into the contribution's.
    let fine_e7 = (density.fine.size * 1e7).round();
    if !(1.0..1e9).contains(&fine_e7) {
        return;
    }
    #[allow(clippy::cast_possible_truncation)] // checked just above
    let fine_e7 = fine_e7 as i64;
    let mut cells: std::collections::BTreeMap<(i64, i64), u64> = std::collections::BTreeMap::new();
    for &[row, col, count] in &density.fine.cells {
        let key = (
            (row * fine_e7).div_euclid(LAT_STEP_E7),
            (col * fine_e7).div_euclid(LNG_STEP_E7),
        );
        *cells.entry(key).or_default() += u64::try_from(count).unwrap_or(0);
    }
    let total = summary.count.max(cells.values().sum::<u64>()).max(1);
    let mut kept: Vec<(u32, (i64, i64))> = Vec::new();
    for (key, count) in cells {
        let share = u32::try_from(count.saturating_mul(100) / total).unwrap_or(100);
        if private.contains(&key) {
            left_out.around_home_work += 1;
        } else if share < MIN_SHARE_PCT {
            left_out.rare += 1;
        } else if work.is_none() && share > MAX_SHARE_WITHOUT_WORK {
            left_out.busiest += 1;
        } else {
            kept.push((share, key));
        }
    }
    kept.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    rows.extend(kept.into_iter().map(|(share_pct, (row, col))| Row::Cell {
        row,
        col,
        share_pct,
    }));
}

impl Contribution {
    /// A mobility contribution of `rows`, with its random `id` and the month it is `made`.
    pub fn mobility(id: String, made: String, rows: Vec<Row>, about: Vec<String>) -> Self {
        Contribution {
            format: FORMAT.to_owned(),
            version: VERSION,
            id,
            theme: Theme::Mobility,
            made,
            grid: Grid::standard(),
            rows,
            about,
        }
    }

    /// The file's text: indented JSON, for a person to read.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a contribution file from `source` (a file the facilitator chose); why not, if it is not
/// one this Reflet reads.
pub fn read(source: &mut dyn crate::ingest::ByteSource) -> Result<Contribution, ErrorKind> {
    let len = source.len();
    if len > MAX_BYTES {
        return Err(ErrorKind::TooLarge);
    }
    let mut bytes = vec![0; usize::try_from(len).map_err(|_| ErrorKind::TooLarge)?];
    let mut at = 0;
    while at < bytes.len() {
        let n = source
            .read_at(at as u64, bytes.get_mut(at..).unwrap_or_default())
            .map_err(|_| ErrorKind::Unreadable)?;
        if n == 0 {
            return Err(ErrorKind::Truncated);
        }
        at += n;
    }
    parse(&bytes)
}

/// The fields that say what a file is, read first (the others ignored).
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

/// Reads a contribution file's bytes; why not, if it is not one this Reflet reads.
pub fn parse(bytes: &[u8]) -> Result<Contribution, ErrorKind> {
    if bytes.is_empty() {
        return Err(ErrorKind::Empty);
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ErrorKind::TooLarge);
    }
    std::str::from_utf8(bytes).map_err(|_| ErrorKind::InvalidText)?;
    let header: Header = serde_json::from_slice(bytes).map_err(|_| ErrorKind::WrongType)?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ErrorKind::WrongType);
    }
    match header.version {
        Some(v) if v == u64::from(VERSION) => {}
        // A later Reflet's file: this one says to update.
        Some(v) if v > u64::from(VERSION) => return Err(ErrorKind::Unsupported),
        _ => return Err(ErrorKind::Malformed),
    }
    let contribution: Contribution =
        serde_json::from_slice(bytes).map_err(|_| ErrorKind::Malformed)?;
    let month_ok = |m: &str| {
        let b = m.as_bytes();
        b.len() == 7
            && b.get(4) == Some(&b'-')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
    };
    let sane = contribution.rows.iter().all(|row| match row {
        Row::Km { km, month, .. } => km.is_finite() && *km >= 0.0 && month_ok(month),
        Row::Co2 { kg, month } => kg.is_finite() && *kg >= 0.0 && month_ok(month),
        // A cell on Earth: 90° / 0.02° rows and 180° / 0.03° columns each way.
        Row::Cell {
            row,
            col,
            share_pct,
        } => *share_pct <= 100 && row.abs() <= 4_500 && col.abs() <= 6_000,
    });
    if sane {
        Ok(contribution)
    } else {
        Err(ErrorKind::Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::{Confidence, Home};
    use crate::model::trips::{Period, TripOrigin, TripSummary};
    use crate::model::{location::Density, location::DensityGrid};
    use std::collections::BTreeMap;

    /// A person at home near La Rochelle's centre most of the time, at work 5 km away, with a
    /// market cell, a park cell and a cell visited once.
    fn summary() -> PositionSummary {
        // Fine cells of 0.005°: rows and columns in that unit.
        let fine = |lat: f64, lng: f64, n: i64| {
            #[allow(clippy::cast_possible_truncation)]
            let cell = |v: f64| (v / 0.005).floor() as i64;
            [cell(lat), cell(lng), n]
        };
        let cells = vec![
            fine(46.1603, -1.1511, 6000), // home
            fine(46.1470, -1.1700, 2000), // work
            fine(46.4000, -1.0400, 900),  // market, 26 km north
            fine(46.1300, -1.5000, 500),  // park, 27 km west
            fine(46.3000, -0.9000, 5),    // once
        ];
        let mut metres = BTreeMap::new();
        metres.insert(Mode::Cycling, 66_700);
        metres.insert(Mode::Walking, 12_040);
        metres.insert(Mode::Still, 10);
        let mut grams = BTreeMap::new();
        grams.insert(Mode::Walking, 0);
        grams.insert(Mode::Cycling, 1_334);
        PositionSummary {
            count: 9405,
            home: Some(Home {
                lat: 46.1603,
                lng: -1.1511,
                nights: 80,
                nights_total: 90,
                confidence: Confidence::High,
                doubt: None,
            }),
            work: Some(crate::model::location::Work {
                lat: 46.1470,
                lng: -1.1700,
                days: 40,
                days_total: 60,
                confidence: Confidence::High,
                doubt: None,
            }),
            trips: Some(TripSummary {
                origin: TripOrigin::Positions,
                trips: 20,
                modes: Vec::new(),
                grams: 1_334,
                plane_grams: 0,
                weeks: Vec::new(),
                months: vec![Period {
                    period: "2024-03".to_owned(),
                    metres,
                    grams,
                }],
                years: Vec::new(),
                home_work: Vec::new(),
            }),
            density: Some(Density {
                fine: DensityGrid { size: 0.005, cells },
                coarse: DensityGrid {
                    size: 0.1,
                    cells: Vec::new(),
                },
            }),
            ..PositionSummary::default()
        }
    }

    #[test]
    fn kilometres_and_carbon_per_month_are_the_reports() {
        let (rows, _) = mobility(&summary(), Include::default(), &Removed::default(), 1);
        let km: Vec<_> = rows
            .iter()
            .filter(|r| matches!(r, Row::Km { .. }))
            .collect();
        assert_eq!(
            km,
            [
                &Row::Km {
                    month: "2024-03".into(),
                    mode: Mode::Walking,
                    km: 12.0
                },
                &Row::Km {
                    month: "2024-03".into(),
                    mode: Mode::Cycling,
                    km: 66.7
                },
            ]
        );
        assert!(rows.contains(&Row::Co2 {
            month: "2024-03".into(),
            kg: 1.3
        }));
    }

    #[test]
    fn home_and_work_cells_and_their_neighbours_are_left_out_and_rare_cells_dropped() {
        let s = summary();
        let (rows, left_out) = mobility(&s, Include::default(), &Removed::default(), 1);
        let cells: Vec<(i64, i64, u32)> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Cell {
                    row,
                    col,
                    share_pct,
                } => Some((*row, *col, *share_pct)),
                _ => None,
            })
            .collect();
        // The market (9 %) and the park (5 %), busiest first; not home, work, nor the cell seen once.
        let market = cell_of(LatLng::from_degrees(46.40, -1.04).unwrap());
        let park = cell_of(LatLng::from_degrees(46.13, -1.50).unwrap());
        assert_eq!(cells, [(market.0, market.1, 9), (park.0, park.1, 5)]);
        assert_eq!(left_out.around_home_work, 2);
        assert_eq!(left_out.rare, 1);
        // Home is hidden in a block of 5 × 5 cells placed at random: its cell is not always the
        // block's centre.
        let home = cell_of(LatLng::from_degrees(46.1603, -1.1511).unwrap());
        let near = |seed: u64, dr: i64, dc: i64| {
            let mut s = summary();
            if let Some(d) = s.density.as_mut() {
                // A cell `dr`, `dc` cells from home's, busy enough to be kept if not hidden.
                d.fine
                    .cells
                    .push([(home.0 + dr) * 4, (home.1 + dc) * 6, 900]);
            }
            let (rows, _) = mobility(&s, Include::default(), &Removed::default(), seed);
            rows.iter().any(|r| matches!(r, Row::Cell { row, col, .. } if (*row, *col) == (home.0 + dr, home.1 + dc)))
        };
        let shown_east: Vec<bool> = (0..40).map(|seed| near(seed, 0, 3)).collect();
        assert!(
            shown_east.contains(&true) && shown_east.contains(&false),
            "{shown_east:?}"
        );
        assert!(
            (0..40).all(|seed| !near(seed, 0, 0)),
            "the home's cell itself"
        );
        assert!((0..40).all(|seed| near(seed, 0, 5)), "beyond the block");
        // The cell's size is at least 1 km each way here.
        let (sw, ne) = Row::cell_bounds(market.0, market.1);
        let east = LatLng {
            lat_e7: sw.lat_e7,
            lng_e7: ne.lng_e7,
        };
        let north = LatLng {
            lat_e7: ne.lat_e7,
            lng_e7: sw.lng_e7,
        };
        assert!(sw.distance_m(east) > 1000.0, "{}", sw.distance_m(east));
        assert!(sw.distance_m(north) > 1000.0);
    }

    #[test]
    fn an_unsure_home_offers_no_place_and_without_work_the_busiest_cells_are_left_out() {
        let mut s = summary();
        if let Some(h) = s.home.as_mut() {
            h.doubt = Some(crate::model::location::Doubt::TwoPlaces);
        }
        let (rows, left_out) = mobility(&s, Include::default(), &Removed::default(), 1);
        assert!(left_out.no_home);
        assert!(!rows.iter().any(|r| matches!(r, Row::Cell { .. })));
        let mut s = summary();
        s.work = None;
        if let Some(d) = s.density.as_mut() {
            // A second anchor, 40 km away, holding 21 % of the positions.
            d.fine.cells.push([9300, -120, 2000]);
        }
        let (rows, left_out) = mobility(&s, Include::default(), &Removed::default(), 1);
        // That one, and the office (17 %) now that it is not known as work.
        assert_eq!(left_out.busiest, 2);
        assert!(rows.iter().all(
            |r| !matches!(r, Row::Cell { share_pct, .. } if *share_pct > MAX_SHARE_WITHOUT_WORK)
        ));
    }

    #[test]
    fn a_removed_row_stays_removed_and_its_carbon_leaves_the_month() {
        let mut removed = Removed::default();
        removed.add(&Row::Km {
            month: "2024-03".into(),
            mode: Mode::Cycling,
            km: 66.7,
        });
        let (rows, _) = mobility(&summary(), Include::default(), &removed, 1);
        assert!(!rows.iter().any(|r| matches!(
            r,
            Row::Km {
                mode: Mode::Cycling,
                ..
            }
        )));
        // Cycling's 1.334 kg left the month with it: only walking's 0 g is left, so no row.
        assert!(!rows.iter().any(|r| matches!(r, Row::Co2 { .. })));
        // Switching kilometres off keeps the removal, and the carbon of every mode is back.
        let no_km = Include {
            km: false,
            ..Include::default()
        };
        let (rows, _) = mobility(&summary(), no_km, &removed, 1);
        assert!(rows.contains(&Row::Co2 {
            month: "2024-03".into(),
            kg: 1.3
        }));
        assert_eq!(removed.len(), 1);
    }

    #[test]
    fn without_a_home_no_place_is_offered() {
        let mut s = summary();
        s.home = None;
        let (rows, left_out) = mobility(&s, Include::default(), &Removed::default(), 1);
        assert!(left_out.no_home);
        assert!(!rows.iter().any(|r| matches!(r, Row::Cell { .. })));
        assert!(rows.iter().any(|r| matches!(r, Row::Km { .. })));
    }

    #[test]
    fn parts_can_be_left_out() {
        let only_places = Include {
            km: false,
            co2: false,
            places: true,
        };
        let (rows, _) = mobility(&summary(), only_places, &Removed::default(), 1);
        assert!(rows.iter().all(|r| matches!(r, Row::Cell { .. })));
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn a_file_reads_back_and_other_files_are_refused_with_a_reason() {
        let (rows, _) = mobility(&summary(), Include::default(), &Removed::default(), 1);
        let file = Contribution::mobility("ab12".into(), "2026-11".into(), rows, vec!["x".into()]);
        let text = file.to_json();
        assert!(text.contains("\"format\": \"reflet.contribution\""));
        assert_eq!(parse(text.as_bytes()), Ok(file.clone()));
        assert_eq!(read(&mut text.as_bytes()), Ok(file.clone()));
        let huge = vec![b' '; usize::try_from(MAX_BYTES).unwrap() + 1];
        assert_eq!(read(&mut huge.as_slice()), Err(ErrorKind::TooLarge));
        assert_eq!(parse(b""), Err(ErrorKind::Empty));
        assert_eq!(parse(b"\xff\xfe"), Err(ErrorKind::InvalidText));
        assert_eq!(parse(b"{\"locations\": []}"), Err(ErrorKind::WrongType));
        assert_eq!(parse(b"not json"), Err(ErrorKind::WrongType));
        let later = text.replace("\"version\": 1", "\"version\": 2");
        assert_eq!(parse(later.as_bytes()), Err(ErrorKind::Unsupported));
        let none = text.replace("\"version\": 1,", "");
        assert_eq!(parse(none.as_bytes()), Err(ErrorKind::Malformed));
        let far = text.replace("\"row\": ", "\"row\": 9");
        assert_eq!(parse(far.as_bytes()), Err(ErrorKind::Malformed));
        let odd_month = text.replace("\"2024-03\"", "\"March\"");
        assert_eq!(parse(odd_month.as_bytes()), Err(ErrorKind::Malformed));
        let broken = text.replace("\"share_pct\": 9", "\"share_pct\": 900");
        assert_eq!(parse(broken.as_bytes()), Err(ErrorKind::Malformed));
        let odd_mode = text.replace("\"cycling\"", "\"teleporting\"");
        assert_eq!(parse(odd_mode.as_bytes()), Err(ErrorKind::Malformed));
    }
}
