//! Where the positions fall, counted in cells of two sizes (about 500 m and 10 km), for the map's
//! heat layer. Memory is bounded: past [`MAX_CELLS`] cells of a size, positions in new cells of
//! that size are not counted, until a tenth as many have been turned away: then the cells seen
//! only once are dropped to make room (they are still counted in the larger cells, which a decade
//! of travels does not fill).

use super::fxhash::FxHashMap;

use crate::model::gazetteer::largest_within;
use crate::model::location::{Density as Grids, DensityGrid, LatLng, MapTown};

/// Cell sizes, in E7 units: 0.005° and 0.1°.
const FINE_E7: i32 = 50_000;
const COARSE_E7: i32 = 1_000_000;
const MAX_CELLS: usize = 50_000;
/// Cells of each size written in the report, the busiest first.
pub const REPORTED: usize = 5_000;

type Cell = (i32, i32);

#[derive(Debug, Default)]
struct Counts {
    /// Hashed by [`FxHasher`](super::fxhash::FxHasher): `SipHash` cost more than the counting.
    cells: FxHashMap<Cell, u32>,
    /// The last cell and the positions in it not yet added: positions come in runs.
    run: Option<(Cell, u32)>,
    /// New cells not counted since the cells were last thinned out.
    turned_away: usize,
}

impl Counts {
    fn add(&mut self, cell: Cell) {
        match &mut self.run {
            Some((c, n)) if *c == cell => *n = n.saturating_add(1),
            _ => {
                self.flush();
                self.run = Some((cell, 1));
            }
        }
    }

    fn flush(&mut self) {
        let Some((cell, n)) = self.run.take() else {
            return;
        };
        if self.cells.len() >= MAX_CELLS && !self.cells.contains_key(&cell) {
            // Full: once enough new cells were turned away, the cells seen once make room
            // (after a move, the new home's cells must count).
            self.turned_away += 1;
            if self.turned_away < MAX_CELLS / 10 {
                return;
            }
            self.turned_away = 0;
            self.cells.retain(|_, count| *count > 1);
            if self.cells.len() >= MAX_CELLS {
                return;
            }
        }
        let count = self.cells.entry(cell).or_default();
        *count = count.saturating_add(n);
    }

    fn finish(mut self, size_e7: i32) -> DensityGrid {
        self.flush();
        let mut cells: Vec<[i64; 3]> = self
            .cells
            .into_iter()
            .map(|((lat, lng), n)| [i64::from(lat), i64::from(lng), i64::from(n)])
            .collect();
        cells.sort_by(|a, b| b[2].cmp(&a[2]).then_with(|| a.cmp(b)));
        cells.truncate(REPORTED);
        DensityGrid {
            size: f64::from(size_e7) / 1e7,
            cells,
        }
    }
}

/// The two grids, as positions come.
#[derive(Debug, Default)]
pub struct Density {
    fine: Counts,
    coarse: Counts,
}

impl Density {
    pub fn fix(&mut self, at: LatLng) {
        let cell = |size: i32| (at.lat_e7.div_euclid(size), at.lng_e7.div_euclid(size));
        self.fine.add(cell(FINE_E7));
        self.coarse.add(cell(COARSE_E7));
    }

    /// The fine grid and the coarse one; `None` without a position.
    pub fn finish(self) -> Option<Grids> {
        let fine = self.fine.finish(FINE_E7);
        let coarse = self.coarse.finish(COARSE_E7);
        (!coarse.cells.is_empty()).then_some(Grids { fine, coarse })
    }
}

/// Towns labelled on a map: the largest within the box of the busiest cells.
const TOWNS: usize = 60;
/// The busiest cells whose box the towns are taken from.
const TOWN_CELLS: usize = 200;

/// The largest towns around where the positions mostly are (the box of the busiest fine cells,
/// with 0.2° around it), to label the map with.
pub fn towns(grids: &Grids) -> Vec<MapTown> {
    let grid = &grids.fine;
    let mut bbox: Option<(f64, f64, f64, f64)> = None;
    for &[row, column, _] in grid.cells.iter().take(TOWN_CELLS) {
        #[allow(clippy::cast_precision_loss)] // cell indices far below 2^52
        let (lat, lng) = (row as f64 * grid.size, column as f64 * grid.size);
        let b = bbox.get_or_insert((lat, lng, lat, lng));
        *b = (b.0.min(lat), b.1.min(lng), b.2.max(lat), b.3.max(lng));
    }
    let Some((south, west, north, east)) = bbox else {
        return Vec::new();
    };
    let margin = 0.2;
    largest_within(
        south - margin,
        west - margin,
        north + grid.size + margin,
        east + grid.size + margin,
        TOWNS,
    )
    .into_iter()
    .map(MapTown::from)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_counted_in_their_cells_busiest_first() {
        let mut density = Density::default();
        let at = |lat, lng| LatLng::from_degrees(lat, lng).unwrap();
        // Three positions at home, one in Paris, two at home again.
        for p in [
            at(46.1603, -1.1511),
            at(46.1604, -1.1512),
            at(46.1603, -1.1511),
            at(48.8566, 2.3522),
            at(46.1603, -1.1511),
            at(46.1601, -1.1510),
        ] {
            density.fix(p);
        }
        let Grids { fine, coarse } = density.finish().unwrap();
        assert!((fine.size - 0.005).abs() < 1e-12);
        // 46.1603 / 0.005 = 9232.06 → 9232; -1.1511 / 0.005 = -230.22 → -231.
        assert_eq!(fine.cells, [[9232, -231, 5], [9771, 470, 1]]);
        assert!((coarse.size - 0.1).abs() < 1e-12);
        assert_eq!(coarse.cells, [[461, -12, 5], [488, 23, 1]]);
        assert!(Density::default().finish().is_none());
    }

    #[test]
    fn memory_stays_bounded_whatever_the_spread() {
        let mut density = Density::default();
        // 50,001 fine cells seen once, 50 rows of 1,000: the last finds no room.
        for i in 0..=i32::try_from(MAX_CELLS).unwrap() {
            density.fix(LatLng {
                lat_e7: 400_000_000 + (i / 1000) * FINE_E7,
                lng_e7: (i % 1000) * FINE_E7,
            });
        }
        assert_eq!(density.fine.cells.len(), MAX_CELLS);
        // Then the person moves: a new place seen again and again is counted once the cells
        // seen once made room for it.
        for i in 0..=(MAX_CELLS / 10) {
            density.fix(LatLng {
                lat_e7: 480_000_000,
                lng_e7: 20_000_000 + i32::try_from(i % 2).unwrap() * FINE_E7,
            });
        }
        assert!(density.fine.cells.len() < MAX_CELLS);
        let grids = density.finish().unwrap();
        let home = [480_000_000 / FINE_E7, 20_000_000 / FINE_E7].map(i64::from);
        assert!(
            grids.fine.cells.iter().any(|c| c[..2] == home),
            "{:?}",
            &grids.fine.cells[..3]
        );
    }
}
