//! A facilitator's view of several people's contributions (issue 11): totals where at least `k`
//! people gave a value, and only how many values were withheld elsewhere — what a data
//! cooperative holding these files would see, and nothing more.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Contribution, Row};
use crate::model::location::Mode;

/// The smallest and default k.
pub const K_MIN: u32 = 2;
pub const K_DEFAULT: u32 = 5;

/// The dominance rule: a total of which one person makes more than this share is withheld, however
/// many people gave to it (one long flight among five people's cycling would be that flight).
pub const DOMINANCE: f64 = 0.85;

/// Several contributions put together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Combined {
    /// People counted: files with different ids.
    pub people: u32,
    /// Files loaded again (the same id), counted once.
    pub repeated: u32,
    pub k: u32,
    /// Kilometres per month and mode, months in order, from at least k people.
    pub km: Vec<KmTotal>,
    /// Carbon per month.
    pub co2: Vec<Co2Total>,
    /// Cells of the grid with at least k people, most people first.
    pub cells: Vec<CellTotal>,
    /// Values drawn from fewer than k people, not shown: months and modes, months of carbon,
    /// cells.
    pub withheld_km: u32,
    pub withheld_co2: u32,
    pub withheld_cells: u32,
    /// Of the withheld values, those drawn from at least k people but dominated by one
    /// ([`DOMINANCE`]).
    pub dominated: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KmTotal {
    pub month: String,
    pub mode: Mode,
    pub people: u32,
    pub km: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Co2Total {
    pub month: String,
    pub people: u32,
    pub kg: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellTotal {
    pub row: i64,
    pub col: i64,
    /// People with this cell among their places.
    pub people: u32,
}

/// One value summed over people.
#[derive(Default)]
struct Total {
    people: u32,
    sum: f64,
    largest: f64,
}

impl Total {
    fn add(&mut self, value: f64) {
        self.people += 1;
        self.sum += value;
        self.largest = self.largest.max(value);
    }

    /// Whether it may be shown with this `k`; if not, whether because one person dominates it
    /// (rather than too few people).
    fn shown(&self, k: u32) -> Result<(), bool> {
        if self.people < k {
            Err(false)
        } else if self.largest > DOMINANCE * self.sum {
            Err(true)
        } else {
            Ok(())
        }
    }
}

/// Puts contributions together; `k` below [`K_MIN`] counts as [`K_MIN`].
pub fn combine(files: &[Contribution], k: u32) -> Combined {
    let k = k.max(K_MIN);
    let mut seen = BTreeSet::new();
    let mut out = Combined {
        k,
        ..Combined::default()
    };
    // Per value: people, total, and the largest one person gave.
    let mut km: BTreeMap<(String, Mode), Total> = BTreeMap::new();
    let mut co2: BTreeMap<String, Total> = BTreeMap::new();
    let mut cells: BTreeMap<(i64, i64), u32> = BTreeMap::new();
    for file in files {
        if !seen.insert(file.id.as_str()) {
            out.repeated += 1;
            continue;
        }
        out.people += 1;
        // A person counts once per value, even if their file repeats a row.
        let mut mine_km = BTreeMap::new();
        let mut mine_co2 = BTreeMap::new();
        let mut mine_cells = BTreeSet::new();
        for row in &file.rows {
            match row {
                Row::Km { month, mode, km } => {
                    *mine_km.entry((month.clone(), *mode)).or_insert(0.0) += km;
                }
                Row::Co2 { month, kg } => *mine_co2.entry(month.clone()).or_insert(0.0) += kg,
                Row::Cell { row, col, .. } => {
                    mine_cells.insert((*row, *col));
                }
            }
        }
        for (key, value) in mine_km {
            km.entry(key).or_default().add(value);
        }
        for (key, value) in mine_co2 {
            co2.entry(key).or_default().add(value);
        }
        for key in mine_cells {
            *cells.entry(key).or_insert(0) += 1;
        }
    }
    let tenth = |v: f64| (v * 10.0).round() / 10.0;
    // A month's carbon, less the carbon of the kilometres shown, would give back those withheld
    // (the factors are public): it is withheld with them.
    let mut months_withheld = BTreeSet::new();
    for ((month, mode), total) in km {
        match total.shown(k) {
            Ok(()) => out.km.push(KmTotal {
                month,
                mode,
                people: total.people,
                km: tenth(total.sum),
            }),
            Err(dominated) => {
                out.withheld_km += 1;
                out.dominated += u32::from(dominated);
                months_withheld.insert(month);
            }
        }
    }
    for (month, total) in co2 {
        match total.shown(k) {
            Ok(()) if !months_withheld.contains(&month) => out.co2.push(Co2Total {
                month,
                people: total.people,
                kg: tenth(total.sum),
            }),
            Ok(()) => out.withheld_co2 += 1,
            Err(dominated) => {
                out.withheld_co2 += 1;
                out.dominated += u32::from(dominated);
            }
        }
    }
    for ((row, col), people) in cells {
        if people >= k {
            out.cells.push(CellTotal { row, col, people });
        } else {
            out.withheld_cells += 1;
        }
    }
    out.cells.sort_by(|a, b| {
        b.people
            .cmp(&a.people)
            .then((a.row, a.col).cmp(&(b.row, b.col)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, cells: &[(i64, i64)], cycling_km: f64) -> Contribution {
        let mut rows = vec![
            Row::Km {
                month: "2024-03".into(),
                mode: Mode::Cycling,
                km: cycling_km,
            },
            Row::Co2 {
                month: "2024-03".into(),
                kg: 1.0,
            },
        ];
        rows.extend(cells.iter().map(|&(row, col)| Row::Cell {
            row,
            col,
            share_pct: 10,
        }));
        Contribution::mobility(id.into(), "2026-11".into(), rows, Vec::new())
    }

    #[test]
    fn a_cell_of_fewer_than_k_people_is_withheld_and_one_of_all_is_shown() {
        let files = [
            person("a", &[(2308, -39), (2309, -40)], 10.0),
            person("b", &[(2308, -39)], 20.0),
            person("c", &[(2308, -39), (2310, -41)], 30.5),
        ];
        let combined = combine(&files, 2);
        assert_eq!(combined.people, 3);
        assert_eq!(
            combined.cells,
            [CellTotal {
                row: 2308,
                col: -39,
                people: 3
            }]
        );
        assert_eq!(combined.withheld_cells, 2);
        assert_eq!(combined.km.len(), 1);
        assert!((combined.km[0].km - 60.5).abs() < 1e-9);
        assert_eq!(combined.co2[0].people, 3);
        // With k = 4, nothing at all is shown.
        let strict = combine(&files, 4);
        assert!(strict.cells.is_empty() && strict.km.is_empty() && strict.co2.is_empty());
        assert_eq!(strict.withheld_cells, 3);
        assert_eq!((strict.withheld_km, strict.withheld_co2), (1, 1));
    }

    #[test]
    fn a_month_s_carbon_is_withheld_with_a_mode_of_that_month() {
        let mut flier = person("d", &[], 10.0);
        flier.rows.push(Row::Km {
            month: "2024-03".into(),
            mode: Mode::Flying,
            km: 1400.0,
        });
        let files = [person("a", &[], 10.0), person("b", &[], 20.0), flier];
        let combined = combine(&files, 2);
        // Cycling, from three people, is shown; the one flight is not, nor March's carbon.
        assert_eq!(combined.km.len(), 1);
        assert_eq!(combined.withheld_km, 1);
        assert!(combined.co2.is_empty());
        assert_eq!(combined.withheld_co2, 1);
    }

    #[test]
    fn a_total_dominated_by_one_person_is_withheld_with_its_month_s_carbon() {
        // Three people cycled in March: 10, 20 and 200 km. 200 is 87 % of 230: one person's
        // value, nearly; withheld although three gave to it. The carbon of March goes with it.
        let files = [
            person("a", &[], 10.0),
            person("b", &[], 20.0),
            person("c", &[], 200.0),
        ];
        let combined = combine(&files, 2);
        assert!(combined.km.is_empty() && combined.co2.is_empty());
        assert_eq!((combined.withheld_km, combined.withheld_co2), (1, 1));
        assert_eq!(combined.dominated, 1);
        // 150 of 180 is 83 %: shown.
        let files = [
            person("a", &[], 10.0),
            person("b", &[], 20.0),
            person("c", &[], 150.0),
        ];
        let combined = combine(&files, 2);
        assert_eq!(combined.km.len(), 1);
        assert_eq!(combined.co2.len(), 1);
        assert_eq!(combined.dominated, 0);
        // A carbon total dominated on its own: two people's 1 kg and one's 20 kg.
        let mut heavy = person("c", &[], 30.0);
        for row in &mut heavy.rows {
            if let Row::Co2 { kg, .. } = row {
                *kg = 20.0;
            }
        }
        let combined = combine(&[person("a", &[], 10.0), person("b", &[], 20.0), heavy], 2);
        assert_eq!(combined.km.len(), 1);
        assert!(combined.co2.is_empty());
        assert_eq!((combined.withheld_co2, combined.dominated), (1, 1));
    }

    #[test]
    fn a_file_loaded_twice_counts_once_and_k_never_falls_below_two() {
        let a = person("a", &[(1, 1)], 5.0);
        let combined = combine(&[a.clone(), a.clone(), a], 0);
        assert_eq!((combined.people, combined.repeated, combined.k), (1, 2, 2));
        assert!(combined.cells.is_empty());
        assert_eq!(combined.withheld_cells, 1);
    }
}
