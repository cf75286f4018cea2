//! The world's coastlines, land and country borders, offline, for maps drawn without tiles.
//!
//! From a file bundled in the binary (`assets/basemap/world.bin`, built by
//! `scripts/gen-basemap.mjs` from Natural Earth's 1:50m countries, public domain, as the npm
//! package `world-atlas` redistributes them): `TopoJSON`'s arcs, each a coastline or a border, and
//! the rings of land made of them, each line simplified to within 0.008° (about 900 m). At this
//! scale a coast is drawn to within two kilometres or so.

use std::sync::OnceLock;

use super::varint;

static BYTES: &[u8] = include_bytes!("../../assets/basemap/world.bin");

/// A line of the map: a piece of coastline or of a border between two countries.
#[derive(Debug, Clone, PartialEq)]
pub struct Arc {
    pub border: bool,
    /// (longitude, latitude) in degrees.
    pub points: Vec<(f32, f32)>,
    /// Each point's Web Mercator y, in degrees at the equator (see [`mercator`]): maps project
    /// it with a multiplication.
    pub y: Vec<f32>,
    /// The smallest box holding it: west, south, east, north.
    pub bbox: (f32, f32, f32, f32),
}

/// The decoded basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    pub arcs: Vec<Arc>,
    /// Rings of land, as arcs: `i` is arc `i` forwards, `!i` (that is `-1 - i`) arc `i`
    /// backwards. Outer rings and holes alike: fill them with the even-odd rule.
    pub land: Vec<Vec<i32>>,
    /// Each ring's box: west, south, east, north.
    pub land_bbox: Vec<(f32, f32, f32, f32)>,
    /// Whether each ring is a hole in the land (a lake, an inland sea): turned the other way
    /// round from the largest ring.
    pub land_hole: Vec<bool>,
}

impl Basemap {
    /// A ring's points in order, as (longitude, latitude) in degrees; each arc's first point is
    /// dropped after the first arc (it repeats the previous arc's last).
    pub fn ring(&self, ring: &[i32]) -> Vec<(f32, f32)> {
        self.ring_of(ring, |arc, i| arc.points.get(i).copied())
    }

    /// A ring's points as (longitude, Mercator y), in order.
    pub fn ring_mercator(&self, ring: &[i32]) -> Vec<(f32, f32)> {
        self.ring_of(ring, |arc, i| Some((arc.points.get(i)?.0, *arc.y.get(i)?)))
    }

    fn ring_of(
        &self,
        ring: &[i32],
        point: impl Fn(&Arc, usize) -> Option<(f32, f32)>,
    ) -> Vec<(f32, f32)> {
        let mut out: Vec<(f32, f32)> = Vec::new();
        for &reference in ring {
            let (index, backwards) = if reference < 0 {
                (!reference, true)
            } else {
                (reference, false)
            };
            let Some(arc) = usize::try_from(index).ok().and_then(|i| self.arcs.get(i)) else {
                continue;
            };
            let skip = usize::from(!out.is_empty());
            let n = arc.points.len();
            let order: Box<dyn Iterator<Item = usize>> = if backwards {
                Box::new((0..n).rev().skip(skip))
            } else {
                Box::new((0..n).skip(skip))
            };
            out.extend(order.filter_map(|i| point(arc, i)));
        }
        out
    }
}

/// The Web Mercator y of a latitude, in "degrees" (x and y share a scale at the equator);
/// latitudes are clamped to ±85°.
pub fn mercator(lat: f64) -> f64 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0)
        .tan()
        .ln()
        .to_degrees()
}

/// The basemap, decoded on first use; `None` if the bundled file is not what we wrote.
pub fn basemap() -> Option<&'static Basemap> {
    static MAP: OnceLock<Option<Basemap>> = OnceLock::new();
    MAP.get_or_init(|| decode(BYTES)).as_ref()
}

fn f64_at(bytes: &[u8], at: usize) -> Option<f64> {
    let raw: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(f64::from_le_bytes(raw))
}

fn zigzag(bytes: &[u8], at: &mut usize) -> Option<i64> {
    let n = varint(bytes, at)?;
    let half = i64::try_from(n >> 1).ok()?;
    Some(if n & 1 == 0 { half } else { -half - 1 })
}

/// Which land rings are holes: those turned the other way round from the largest ring (by
/// twice their signed area, the shoelace formula, in square degrees).
fn holes(map: &Basemap) -> Vec<bool> {
    let areas: Vec<f64> = map
        .land
        .iter()
        .map(|ring| {
            let points = map.ring(ring);
            points
                .iter()
                .zip(points.iter().cycle().skip(1))
                .map(|(a, b)| f64::from(a.0) * f64::from(b.1) - f64::from(b.0) * f64::from(a.1))
                .sum()
        })
        .collect();
    let outer = areas
        .iter()
        .copied()
        .max_by(|a, b| a.abs().total_cmp(&b.abs()))
        .unwrap_or(0.0);
    areas.iter().map(|a| a * outer < 0.0).collect()
}

/// Reads `world.bin` (format in `scripts/gen-basemap.mjs`).
fn decode(bytes: &[u8]) -> Option<Basemap> {
    if bytes.get(..5)? != b"RBMP\x01" {
        return None;
    }
    let (sx, sy, tx, ty) = (
        f64_at(bytes, 5)?,
        f64_at(bytes, 13)?,
        f64_at(bytes, 21)?,
        f64_at(bytes, 29)?,
    );
    let mut at = 37;
    let count = usize::try_from(varint(bytes, &mut at)?).ok()?;
    let mut arcs = Vec::with_capacity(count.min(100_000));
    for _ in 0..count {
        let border = match *bytes.get(at)? {
            0 => false,
            1 => true,
            _ => return None,
        };
        at += 1;
        let n = usize::try_from(varint(bytes, &mut at)?).ok()?;
        let (mut x, mut y) = (0_i64, 0_i64);
        let mut points = Vec::with_capacity(n.min(1_000_000));
        let mut bbox = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for _ in 0..n {
            x += zigzag(bytes, &mut at)?;
            y += zigzag(bytes, &mut at)?;
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            let point = ((x as f64 * sx + tx) as f32, (y as f64 * sy + ty) as f32);
            bbox = (
                bbox.0.min(point.0),
                bbox.1.min(point.1),
                bbox.2.max(point.0),
                bbox.3.max(point.1),
            );
            points.push(point);
        }
        #[allow(clippy::cast_possible_truncation)] // within ±180
        let y = points
            .iter()
            .map(|p| mercator(f64::from(p.1)) as f32)
            .collect();
        arcs.push(Arc {
            border,
            points,
            y,
            bbox,
        });
    }
    let rings = usize::try_from(varint(bytes, &mut at)?).ok()?;
    let mut land = Vec::with_capacity(rings.min(100_000));
    for _ in 0..rings {
        let n = usize::try_from(varint(bytes, &mut at)?).ok()?;
        let mut ring = Vec::with_capacity(n.min(100_000));
        for _ in 0..n {
            let reference = i32::try_from(zigzag(bytes, &mut at)?).ok()?;
            let index = if reference < 0 { !reference } else { reference };
            if usize::try_from(index).ok()? >= arcs.len() {
                return None;
            }
            ring.push(reference);
        }
        land.push(ring);
    }
    let land_bbox = land
        .iter()
        .map(|ring: &Vec<i32>| {
            ring.iter()
                .filter_map(|&r| arcs.get(usize::try_from(if r < 0 { !r } else { r }).ok()?))
                .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |b, a| {
                    (
                        b.0.min(a.bbox.0),
                        b.1.min(a.bbox.1),
                        b.2.max(a.bbox.2),
                        b.3.max(a.bbox.3),
                    )
                })
        })
        .collect();
    let mut map = Basemap {
        arcs,
        land,
        land_bbox,
        land_hole: Vec::new(),
    };
    map.land_hole = holes(&map);
    (at == bytes.len()).then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crossing number of a point in a ring: odd inside.
    fn inside(ring: &[(f32, f32)], (x, y): (f32, f32)) -> bool {
        let mut odd = false;
        for (i, &(x1, y1)) in ring.iter().enumerate() {
            let (x0, y0) = ring[(i + ring.len() - 1) % ring.len()];
            if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
                odd = !odd;
            }
        }
        odd
    }

    #[test]
    fn the_bundled_basemap_holds_the_coasts_and_borders_of_the_world() {
        let map = basemap().expect("world.bin decodes");
        // scripts/gen-basemap.mjs printed: 1959 arcs, 30434 points (after simplifying to
        // 0.008° in Europe and France's overseas regions, 0.05° elsewhere), 1429 land rings.
        assert_eq!(map.arcs.len(), 1959);
        assert_eq!(
            map.arcs.iter().map(|a| a.points.len()).sum::<usize>(),
            30_434
        );
        assert_eq!(map.land.len(), 1429);
        let borders = map.arcs.iter().filter(|a| a.border).count();
        assert!(borders > 300 && borders < map.arcs.len() / 2, "{borders}");
        // Paris and Clermont-Ferrand are on land, the Bay of Biscay and the mid-Atlantic are not
        // (even-odd over every ring).
        let rings: Vec<Vec<(f32, f32)>> = map.land.iter().map(|r| map.ring(r)).collect();
        let on_land = |p| rings.iter().filter(|r| inside(r, p)).count() % 2 == 1;
        assert!(on_land((2.35, 48.86)));
        assert!(on_land((3.08, 45.78)));
        assert!(!on_land((-4.0, 45.5)));
        assert!(!on_land((-30.0, 30.0)));
        // The Caspian Sea is a hole in the land, drawn as water.
        assert!(!on_land((51.0, 42.0)));
        let holes: Vec<usize> = (0..map.land.len()).filter(|&i| map.land_hole[i]).collect();
        assert!(
            !holes.is_empty() && holes.len() < map.land.len() / 4,
            "{}",
            holes.len()
        );
        assert!(holes.iter().any(|&i| inside(&rings[i], (51.0, 42.0))));
        // Rings close: their last point is their first.
        for r in rings.iter().take(50) {
            assert_eq!(r.first(), r.last());
        }
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(decode(b""), None);
        assert_eq!(decode(b"RBMP\x02"), None);
        let mut cut = BYTES.to_vec();
        cut.truncate(BYTES.len() / 2);
        assert_eq!(decode(&cut), None);
    }
}
