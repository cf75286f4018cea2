//! A map without tiles, on any plotters backend: the bundled basemap (land, coasts, borders), a
//! heat layer of where the positions are, the towns of the gazetteer, and markers (home, work,
//! places), in the Web Mercator projection most maps use. Drawn in the backend's pixels: lines
//! are thinned to a point per pixel and what lies outside the view is skipped, so that a frame
//! costs little whatever the zoom.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::model::basemap::{mercator, Basemap};
use crate::model::day::DayView;
use crate::model::location::{Confidence, DensityGrid, MapTown, Mode};
use crate::model::{BoundingBox, PositionSummary};

/// Where the map looks: its centre, and how many pixels a degree of longitude takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub lat: f64,
    pub lng: f64,
    pub pixels_per_degree: f64,
}

fn latitude(y: f64) -> f64 {
    (2.0 * y.to_radians().exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees()
}

/// The closest and farthest zooms: the whole world in a few hundred pixels, a street.
const MIN_ZOOM: f64 = 0.5;
const MAX_ZOOM: f64 = 200_000.0;

impl View {
    /// The view that shows a box (degrees: south, west, north, east) in `size` pixels, with a
    /// margin of a tenth on each side.
    pub fn fit(bbox: (f64, f64, f64, f64), size: (f64, f64)) -> View {
        let (south, west, north, east) = bbox;
        let (w, h) = (size.0.max(1.0), size.1.max(1.0));
        let (y0, y1) = (mercator(south), mercator(north));
        let span_x = (east - west).abs().max(0.002);
        let span_y = (y1 - y0).abs().max(0.002);
        let zoom = (w * 0.8 / span_x).min(h * 0.8 / span_y);
        View {
            lat: latitude(f64::midpoint(y0, y1)),
            lng: f64::midpoint(west, east),
            pixels_per_degree: zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }

    /// A position's pixel in a map of `size` pixels.
    pub fn project(&self, lat: f64, lng: f64, size: (f64, f64)) -> (f64, f64) {
        let k = self.pixels_per_degree;
        (
            size.0 / 2.0 + (lng - self.lng) * k,
            size.1 / 2.0 - (mercator(lat) - mercator(self.lat)) * k,
        )
    }

    /// The position under a pixel.
    pub fn unproject(&self, x: f64, y: f64, size: (f64, f64)) -> (f64, f64) {
        let k = self.pixels_per_degree;
        (
            latitude(mercator(self.lat) - (y - size.1 / 2.0) / k),
            self.lng + (x - size.0 / 2.0) / k,
        )
    }

    /// The box in view: south, west, north, east.
    pub fn bounds(&self, size: (f64, f64)) -> (f64, f64, f64, f64) {
        let (south, west) = self.unproject(0.0, size.1, size);
        let (north, east) = self.unproject(size.0, 0.0, size);
        (south, west, north, east)
    }

    /// The view moved by a drag of `(dx, dy)` pixels: the map follows the finger.
    #[must_use]
    pub fn pan(&self, dx: f64, dy: f64, size: (f64, f64)) -> View {
        let (lat, lng) = self.unproject(size.0 / 2.0 - dx, size.1 / 2.0 - dy, size);
        View {
            lat: lat.clamp(-85.0, 85.0),
            lng: (lng + 180.0).rem_euclid(360.0) - 180.0,
            ..*self
        }
    }

    /// The view zoomed by `factor` about a pixel, which keeps showing the same place.
    #[must_use]
    pub fn zoom_at(&self, factor: f64, at: (f64, f64), size: (f64, f64)) -> View {
        let (lat, lng) = self.unproject(at.0, at.1, size);
        let k = (self.pixels_per_degree * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        // The centre such that (lat, lng) projects to `at` again.
        let centre_lng = lng - (at.0 - size.0 / 2.0) / k;
        let centre_y = mercator(lat) + (at.1 - size.1 / 2.0) / k;
        View {
            lat: latitude(centre_y).clamp(-85.0, 85.0),
            lng: (centre_lng + 180.0).rem_euclid(360.0) - 180.0,
            pixels_per_degree: k,
        }
    }
}

/// What a marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    Home,
    Work,
    Place,
}

/// A place marked on the map, with the uncertainty of where it is (a circle of that radius).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub lat: f64,
    pub lng: f64,
    pub kind: MarkerKind,
    pub radius_m: f64,
}

/// A cell of the heat layer: its south-west corner, its size in degrees, and its share (0–1)
/// of the busiest cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heat {
    pub lat: f64,
    pub lng: f64,
    pub size: f64,
    pub share: f64,
}

/// Everything drawn on a map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layers<'a> {
    pub basemap: Option<&'a Basemap>,
    pub heat: &'a [Heat],
    pub towns: &'a [MapTown],
    pub markers: &'a [Marker],
    /// A day shown over the rest (the heat layer is then left out, so that the path shows).
    pub day: Option<&'a DayLayer>,
}

/// A day on the map: its path, the straight line of each trip (where there is no path, in its
/// mode's colour), and the places the person stayed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DayLayer {
    pub path: Vec<(f64, f64)>,
    pub trips: Vec<Segment>,
    pub stops: Vec<(f64, f64)>,
}

/// A trip as a straight line: from, to (latitude, longitude), and its mode.
pub type Segment = ((f64, f64), (f64, f64), Mode);

/// The day's path.
pub const DAY_PATH: RGBColor = RGBColor(0x00, 0x5f, 0x73);

impl DayLayer {
    pub fn of(day: &DayView) -> DayLayer {
        DayLayer {
            path: day.path.iter().map(|p| (p[0], p[1])).collect(),
            trips: day
                .trips
                .iter()
                .filter_map(|t| {
                    let (a, b) = (t.from?, t.to?);
                    Some(((a[0], a[1]), (b[0], b[1]), t.mode))
                })
                .collect(),
            stops: day.stops.iter().map(|s| (s.lat, s.lng)).collect(),
        }
    }

    /// South, west, north, east of everything drawn; `None` for an empty day.
    pub fn bbox(&self) -> Option<(f64, f64, f64, f64)> {
        let ends = self.trips.iter().flat_map(|(a, b, _)| [*a, *b]);
        let mut all = self.path.iter().chain(&self.stops).copied().chain(ends);
        let (lat, lng) = all.next()?;
        let mut b = BoundingBox::around(lat, lng);
        for (lat, lng) in all {
            b.include(lat, lng);
        }
        Some((b.south, b.west, b.north, b.east))
    }
}

/// The background when the map is too close for the basemap's coasts (see [`DETAIL_KM`]).
pub const PLAIN: RGBColor = RGBColor(0xee, 0xee, 0xea);
/// Narrower than this, in kilometres across, coasts and borders are not drawn: Natural Earth's
/// 1:50 million lines are a kilometre or two off, which would put a harbour town at sea.
pub const DETAIL_KM: f64 = 20.0;

/// How wide the view is, in kilometres, at its centre's latitude.
fn across_km(view: &View, size: (f64, f64)) -> f64 {
    size.0 / view.pixels_per_degree * METRES_PER_DEGREE / 1000.0 * view.lat.to_radians().cos()
}

pub const SEA: RGBColor = RGBColor(0xdb, 0xe7, 0xf3);
pub const LAND: RGBColor = RGBColor(0xf6, 0xf3, 0xec);
const COAST: RGBColor = RGBColor(0x7d, 0x95, 0xad);
const BORDER: RGBColor = RGBColor(0x9a, 0x86, 0xb8);
/// The heat layer, from pale to strong.
pub const HEAT: RGBColor = RGBColor(0xd9, 0x48, 0x01);
pub const HOME: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
pub const WORK: RGBColor = RGBColor(0x7b, 0x32, 0x94);
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// Towns labelled at once, the largest first.
const TOWNS: usize = 10;

/// Metres per degree of latitude (mean Earth radius).
const METRES_PER_DEGREE: f64 = 111_195.08;

/// Pixels as the backend takes them (far-off points are clamped: the backend clips).
#[allow(clippy::cast_possible_truncation)] // clamped to ±1e6 first
fn pixel((x, y): (f64, f64)) -> (i32, i32) {
    (
        x.clamp(-1e6, 1e6).round() as i32,
        y.clamp(-1e6, 1e6).round() as i32,
    )
}

/// Whole pixels, one per pixel at most: consecutive points that fall on the same pixel are one.
fn thin(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for p in points {
        let p = pixel(*p);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// A clipping rectangle, in pixels.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// Where a segment crosses a vertical line (`x`) or a horizontal one (`y`).
fn at_x(x: f64, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1))
}

fn at_y(y: f64, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y)
}

impl Rect {
    /// A polygon clipped to the rectangle (Sutherland–Hodgman: exact for filling, whatever the
    /// polygon's shape, as the rectangle is convex).
    fn polygon(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        type Inside<'a> = &'a dyn Fn((f64, f64)) -> bool;
        type Cross<'a> = &'a dyn Fn((f64, f64), (f64, f64)) -> (f64, f64);
        let edges: [(Inside, Cross); 4] = [
            (&|p| p.0 >= self.x0, &|a, b| at_x(self.x0, a, b)),
            (&|p| p.0 <= self.x1, &|a, b| at_x(self.x1, a, b)),
            (&|p| p.1 >= self.y0, &|a, b| at_y(self.y0, a, b)),
            (&|p| p.1 <= self.y1, &|a, b| at_y(self.y1, a, b)),
        ];
        let mut out = points.to_vec();
        for (inside, cross) in edges {
            let input = std::mem::take(&mut out);
            let Some(&last) = input.last() else {
                return out;
            };
            let mut previous = last;
            for &point in &input {
                match (inside(point), inside(previous)) {
                    (true, true) => out.push(point),
                    (true, false) => {
                        out.push(cross(previous, point));
                        out.push(point);
                    }
                    (false, true) => out.push(cross(previous, point)),
                    (false, false) => {}
                }
                previous = point;
            }
        }
        out
    }

    /// The runs of a line that cross the rectangle: consecutive segments whose box meets it.
    fn runs<'a>(&self, line: &'a [(f64, f64)]) -> Vec<&'a [(f64, f64)]> {
        let meets = |a: (f64, f64), b: (f64, f64)| {
            a.0.max(b.0) >= self.x0
                && a.0.min(b.0) <= self.x1
                && a.1.max(b.1) >= self.y0
                && a.1.min(b.1) <= self.y1
        };
        let mut runs = Vec::new();
        let mut start: Option<usize> = None;
        for (i, pair) in line.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            match (meets(*a, *b), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.extend(line.get(s..=i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.extend(line.get(s..));
        }
        runs
    }
}

/// The land, its coasts and the borders, clipped to the view.
fn draw_basemap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Basemap,
    view: &View,
    size: (f64, f64),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (south, west, north, east) = view.bounds(size);
    let visible = |b: (f32, f32, f32, f32)| {
        f64::from(b.2) >= west
            && f64::from(b.0) <= east
            && f64::from(b.3) >= south
            && f64::from(b.1) <= north
    };
    // Projected with the points' precomputed Mercator y: a multiplication each.
    let (zoom, centre_x, centre_y) = (view.pixels_per_degree, view.lng, mercator(view.lat));
    let to_pixel = |(lng, y): (f32, f32)| {
        (
            size.0 / 2.0 + (f64::from(lng) - centre_x) * zoom,
            size.1 / 2.0 - (f64::from(y) - centre_y) * zoom,
        )
    };
    // What is drawn is clipped to the view and a margin: a coast thousands of kilometres long
    // costs no more than the part of it on screen.
    let clip = Rect {
        x0: -2.0,
        y0: -2.0,
        x1: size.0 + 2.0,
        y1: size.1 + 2.0,
    };
    {
        // Land, then its holes (lakes, inland seas) as water over it.
        for holes in [false, true] {
            let rings = map.land.iter().zip(&map.land_bbox).zip(&map.land_hole);
            for ((ring, bbox), _) in rings.filter(|(_, hole)| **hole == holes) {
                if visible(*bbox) {
                    let outline: Vec<(f64, f64)> =
                        map.ring_mercator(ring).into_iter().map(to_pixel).collect();
                    let outline = thin(&clip.polygon(&outline));
                    if outline.len() >= 3 {
                        let colour = if holes { SEA } else { LAND };
                        area.draw(&Polygon::new(outline, colour.filled()))?;
                    }
                }
            }
        }
        for arc in map.arcs.iter().filter(|a| visible(a.bbox)) {
            let style = if arc.border {
                BORDER.stroke_width(1)
            } else {
                COAST.stroke_width(1)
            };
            let line: Vec<(f64, f64)> = arc
                .points
                .iter()
                .zip(&arc.y)
                .map(|(p, y)| to_pixel((p.0, *y)))
                .collect();
            for run in clip.runs(&line) {
                area.draw(&PathElement::new(thin(run), style))?;
            }
        }
    }
    Ok(())
}

/// Draws the map at `scale` device pixels per CSS pixel (text and lines keep their size).
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &View,
    layers: &Layers,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let size = (f64::from(w), f64::from(h));
    // The view is in CSS pixels; the backend in device pixels (the real ratio, so that the map
    // follows the pointer at any browser zoom; text and marks stay within readable sizes).
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let view = View {
        pixels_per_degree: view.pixels_per_degree * scale,
        ..*view
    };
    area.fill(&SEA)?;
    let (south, west, north, east) = view.bounds(size);
    if let Some(map) = layers.basemap {
        if across_km(&view, size) >= DETAIL_KM {
            draw_basemap(area, map, &view, size)?;
        } else {
            area.fill(&PLAIN)?;
        }
    }
    let heat = if layers.day.is_some() {
        &[][..]
    } else {
        layers.heat
    };
    for cell in heat {
        if cell.lat + cell.size < south
            || cell.lat > north
            || cell.lng + cell.size < west
            || cell.lng > east
        {
            continue;
        }
        let a = pixel(view.project(cell.lat + cell.size, cell.lng, size));
        let b = pixel(view.project(cell.lat, cell.lng + cell.size, size));
        // At least 3 pixels, so that a cell far out still shows.
        let b = (b.0.max(a.0 + 3), b.1.max(a.1 + 3));
        let alpha = 0.25 + 0.65 * cell.share.clamp(0.0, 1.0);
        area.draw(&Rectangle::new([a, b], HEAT.mix(alpha).filled()))?;
    }
    #[allow(clippy::cast_possible_truncation)] // small sizes
    let px = |css: f64| (css * scale.clamp(0.5, 4.0)).round() as i32;
    let font = ("sans-serif", f64::from(px(12.0))).into_font().color(&TEXT);
    let in_view = |t: &&MapTown| (south..=north).contains(&t.lat) && (west..=east).contains(&t.lng);
    for town in layers.towns.iter().filter(in_view).take(TOWNS) {
        let (x, y) = pixel(view.project(town.lat, town.lng, size));
        area.draw(&Circle::new((x, y), px(2.0), TEXT.filled()))?;
        area.draw(&Text::new(
            town.name.as_str(),
            (x + px(4.0), y - px(14.0)),
            font.clone(),
        ))?;
    }
    for marker in layers.markers {
        let centre = view.project(marker.lat, marker.lng, size);
        let (x, y) = pixel(centre);
        let colour = match marker.kind {
            MarkerKind::Home => HOME,
            MarkerKind::Work => WORK,
            MarkerKind::Place => TEXT,
        };
        // The uncertainty: a circle of the radius, in pixels at this zoom and latitude.
        let (_, edge) = pixel(view.project(
            marker.lat + marker.radius_m / METRES_PER_DEGREE,
            marker.lng,
            size,
        ));
        let radius = (y - edge).abs();
        if radius > px(8.0) {
            area.draw(&Circle::new((x, y), radius, colour.mix(0.15).filled()))?;
            area.draw(&Circle::new((x, y), radius, colour.stroke_width(1)))?;
        }
        let size = if marker.kind == MarkerKind::Place {
            px(4.0)
        } else {
            px(7.0)
        };
        area.draw(&Circle::new((x, y), size + px(2.0), WHITE.filled()))?;
        area.draw(&Circle::new((x, y), size, colour.filled()))?;
    }
    if let Some(day) = layers.day {
        draw_day(area, &view, size, day, px)?;
    }
    Ok(())
}

/// A day over the map: its path (or its trips as straight lines), and its stays.
fn draw_day<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &View,
    size: (f64, f64),
    day: &DayLayer,
    px: impl Fn(f64) -> i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    {
        let at = |(lat, lng): (f64, f64)| pixel(view.project(lat, lng, size));
        if day.path.len() >= 2 {
            let line: Vec<(i32, i32)> = day.path.iter().map(|p| at(*p)).collect();
            area.draw(&PathElement::new(
                line.clone(),
                WHITE.stroke_width(u32::try_from(px(5.0)).unwrap_or(5)),
            ))?;
            area.draw(&PathElement::new(
                line,
                DAY_PATH.stroke_width(u32::try_from(px(3.0)).unwrap_or(3)),
            ))?;
        } else {
            for (a, b, mode) in &day.trips {
                area.draw(&PathElement::new(
                    vec![at(*a), at(*b)],
                    crate::charts::trips::mode_colour(*mode)
                        .stroke_width(u32::try_from(px(3.0)).unwrap_or(3)),
                ))?;
            }
        }
        for stop in &day.stops {
            let (x, y) = at(*stop);
            area.draw(&Circle::new((x, y), px(7.0), WHITE.filled()))?;
            area.draw(&Circle::new((x, y), px(5.0), DAY_PATH.filled()))?;
        }
    }
    Ok(())
}

/// What a location file puts on its map: markers, the heat layer at two sizes, and the box to
/// show first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapData {
    pub markers: Vec<Marker>,
    /// Cells of about 500 m and 10 km, each with its share of the busiest of its size.
    pub fine: Vec<Heat>,
    pub coarse: Vec<Heat>,
    /// South, west, north, east: about 40 km around home, else around the busiest cell, else
    /// every position.
    pub start: (f64, f64, f64, f64),
    /// Towns to label, the largest first.
    pub towns: Vec<MapTown>,
}

/// The uncertainty drawn around home and work, by confidence: the place is a cell of about
/// 150 m and its neighbours, so a few hundred metres when sure, more when not.
fn uncertainty_m(confidence: Confidence) -> f64 {
    match confidence {
        Confidence::High => 250.0,
        Confidence::Medium => 500.0,
        Confidence::Low => 1_000.0,
    }
}

fn heat(grid: &DensityGrid) -> Vec<Heat> {
    let busiest = grid.cells.iter().map(|c| c[2]).max().unwrap_or(1).max(1);
    grid.cells
        .iter()
        .map(|&[row, column, n]| {
            #[allow(clippy::cast_precision_loss)] // cell indices and counts far below 2^52
            Heat {
                lat: row as f64 * grid.size,
                lng: column as f64 * grid.size,
                size: grid.size,
                share: n as f64 / busiest as f64,
            }
        })
        .collect()
}

/// The map of a location file's summary; `None` when it has no position to show.
pub fn map_data(p: &PositionSummary) -> Option<MapData> {
    let density = p.density.as_ref()?;
    let mut markers = Vec::new();
    for place in &p.places {
        if let (Some(lat), Some(lng)) = (place.lat, place.lng) {
            markers.push(Marker {
                lat,
                lng,
                kind: MarkerKind::Place,
                radius_m: 0.0,
            });
        }
    }
    if let Some(work) = p.work.as_ref().filter(|w| w.days_total >= 3) {
        markers.push(Marker {
            lat: work.lat,
            lng: work.lng,
            kind: MarkerKind::Work,
            radius_m: uncertainty_m(work.confidence),
        });
    }
    let home = p.home.as_ref().filter(|h| h.nights_total >= 3);
    if let Some(home) = home {
        markers.push(Marker {
            lat: home.lat,
            lng: home.lng,
            kind: MarkerKind::Home,
            radius_m: uncertainty_m(home.confidence),
        });
    }
    let around = |lat: f64, lng: f64, half: f64| (lat - half, lng - half, lat + half, lng + half);
    let busiest = density.fine.cells.first().map(|&[row, column, _]| {
        #[allow(clippy::cast_precision_loss)] // cell indices far below 2^52
        let (lat, lng) = (
            row as f64 * density.fine.size,
            column as f64 * density.fine.size,
        );
        (lat + density.fine.size / 2.0, lng + density.fine.size / 2.0)
    });
    let start = match (home, busiest, p.bbox) {
        (Some(h), _, _) => around(h.lat, h.lng, 0.2),
        (None, Some((lat, lng)), _) => around(lat, lng, 0.2),
        (None, None, Some(b)) => (b.south, b.west, b.north, b.east),
        (None, None, None) => return None,
    };
    Some(MapData {
        markers,
        fine: heat(&density.fine),
        coarse: heat(&density.coarse),
        start,
        towns: p.towns.clone(),
    })
}

/// The heat layer to draw at a zoom: the fine cells once they are at least 2 pixels wide.
pub fn heat_for<'a>(data: &'a MapData, view: &View) -> &'a [Heat] {
    match data.fine.first() {
        Some(cell) if cell.size * view.pixels_per_degree >= 2.0 => &data.fine,
        _ => &data.coarse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::basemap::basemap;
    use crate::model::gazetteer::largest_within;

    const SIZE: (f64, f64) = (600.0, 400.0);

    #[test]
    fn shapes_are_clipped_to_the_view() {
        let r = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        // A square twice as large as the view, centred on its corner: a quarter remains.
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        let mut clipped = r.polygon(&square);
        clipped.sort_by(|a, b| a.partial_cmp(b).unwrap());
        clipped.dedup();
        assert_eq!(
            clipped,
            [(0.0, 0.0), (0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
        );
        assert!(r
            .polygon(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)])
            .is_empty());
        // A line in, out and back in: two runs, each with the segments that meet the view.
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (50.0, 5.0),
            (60.0, 5.0),
            (50.0, 6.0),
            (5.0, 6.0),
        ];
        let runs = r.runs(&line);
        assert_eq!(runs, [&line[0..3], &line[4..6]]);
    }

    #[test]
    fn views_project_pan_and_zoom_both_ways() {
        // A box around La Rochelle fills the map with a margin.
        let view = View::fit((46.10, -1.25, 46.20, -1.05), SIZE);
        let (x0, y0) = view.project(46.10, -1.25, SIZE);
        let (x1, y1) = view.project(46.20, -1.05, SIZE);
        // Its height is the tighter fit here: 80 % of 400 px, centred; its width within.
        assert!(
            (y0 - y1 - 320.0).abs() < 1e-6 && (y0 - 360.0).abs() < 1e-6,
            "{y0} {y1}"
        );
        assert!((x0 + x1 - 600.0).abs() < 1e-6 && x0 > 60.0, "{x0} {x1}");
        // unproject undoes project.
        let (lat, lng) = view.unproject(123.0, 321.0, SIZE);
        let (x, y) = view.project(lat, lng, SIZE);
        assert!((x - 123.0).abs() < 1e-6 && (y - 321.0).abs() < 1e-6);
        // A drag of 100 px to the right brings what was 100 px left of the centre to it.
        let moved = view.pan(100.0, 0.0, SIZE);
        let (x, _) = moved.project(view.lat, view.lng, SIZE);
        assert!((x - 400.0).abs() < 1e-6, "{x}");
        // Zooming in twice about a pixel keeps the place under it there.
        let (lat, lng) = view.unproject(500.0, 100.0, SIZE);
        let zoomed = view.zoom_at(2.0, (500.0, 100.0), SIZE);
        let (x, y) = zoomed.project(lat, lng, SIZE);
        assert!(
            (x - 500.0).abs() < 1e-6 && (y - 100.0).abs() < 1e-6,
            "{x} {y}"
        );
        assert!((zoomed.pixels_per_degree / view.pixels_per_degree - 2.0).abs() < 1e-9);
        // Zoom stops at its limits.
        assert!((view.zoom_at(1e12, (0.0, 0.0), SIZE).pixels_per_degree - MAX_ZOOM).abs() < 1e-9);
    }

    #[test]
    fn a_map_of_la_rochelle_draws_land_coast_heat_towns_and_home() {
        let view = View::fit((46.0, -1.5, 46.35, -0.9), SIZE);
        let (south, west, north, east) = view.bounds(SIZE);
        let towns: Vec<MapTown> = largest_within(south, west, north, east, 3)
            .into_iter()
            .map(MapTown::from)
            .collect();
        let heat = [Heat {
            lat: 46.15,
            lng: -1.16,
            size: 0.01,
            share: 1.0,
        }];
        let markers = [Marker {
            lat: 46.1603,
            lng: -1.1511,
            kind: MarkerKind::Home,
            radius_m: 300.0,
        }];
        let layers = Layers {
            basemap: basemap(),
            heat: &heat,
            towns: &towns,
            markers: &markers,
            day: None,
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            draw_map(&area, &view, &layers, 1.0).unwrap();
            area.present().unwrap();
        }
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        // Land (the mainland and the Île de Ré), its coast, the sea around.
        assert!(
            svg.matches(&format!("fill=\"{}\"", hex(LAND))).count() >= 2,
            "{svg}"
        );
        assert!(svg.contains(&format!("stroke=\"{}\"", hex(COAST))));
        assert!(svg.contains(&hex(SEA)));
        assert!(svg.contains(&hex(HEAT)));
        assert!(svg.contains("La Rochelle"));
        // Home is a filled circle at its place, with its uncertainty around it.
        let (x, y) = pixel(view.project(46.1603, -1.1511, SIZE));
        assert!(
            svg.contains(&format!(
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"7\" opacity=\"1\" fill=\"{}\"",
                hex(HOME)
            )),
            "{svg}"
        );

        // Closer than 20 km across: no coast nor land, a plain background.
        let close = View::fit((46.15, -1.17, 46.20, -1.13), SIZE);
        assert!(across_km(&close, SIZE) < DETAIL_KM);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            draw_map(&area, &close, &layers, 1.0).unwrap();
            area.present().unwrap();
        }
        assert!(svg.contains(&hex(PLAIN)));
        assert!(!svg.contains(&hex(LAND)) && !svg.contains(&hex(COAST)));

        // A day over it: its path (white under its colour) and its stays, and no heat.
        let day = DayLayer {
            path: vec![(46.1603, -1.1511), (46.1753, -1.1511), (46.1903, -1.1511)],
            trips: vec![((46.1603, -1.1511), (46.1903, -1.1511), Mode::Cycling)],
            stops: vec![(46.1603, -1.1511), (46.1903, -1.1511)],
        };
        assert_eq!(day.bbox(), Some((46.1603, -1.1511, 46.1903, -1.1511)));
        let layers = Layers {
            day: Some(&day),
            ..layers
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            draw_map(&area, &view, &layers, 1.0).unwrap();
            area.present().unwrap();
        }
        assert!(!svg.contains(&hex(HEAT)));
        let (x0, y0) = pixel(view.project(46.1603, -1.1511, SIZE));
        let (x2, y2) = pixel(view.project(46.1903, -1.1511, SIZE));
        let polyline = svg
            .lines()
            .find(|l| l.contains("<polyline") && l.contains(&hex(DAY_PATH)))
            .unwrap_or_else(|| panic!("{svg}"));
        assert!(polyline.contains(&format!("{x0},{y0}")), "{polyline}");
        assert!(polyline.contains(&format!("{x2},{y2}")), "{polyline}");
        assert_eq!(
            svg.matches(&format!("r=\"5\" opacity=\"1\" fill=\"{}\"", hex(DAY_PATH)))
                .count(),
            2
        );
    }
}
