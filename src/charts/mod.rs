//! Drawing findings on any plotters backend: a canvas in the browser, SVG in native tests.
//!
//! A chart is a function over a [`DrawingArea`] fed by analysis output; binning and top-N belong to
//! `analysis`, drawing belongs here. Every chart has a text alternative built from the same data
//! ([`bars_text`]), which the UI shows beside it.

use plotters::coord::Shift;
use plotters::prelude::*;

pub mod map;
pub mod trips;

/// One labelled bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
}

/// Reflet's chart colour (the accent of `styles/tokens.css`, 4.5:1 on white).
pub const ACCENT: RGBColor = RGBColor(0x1d, 0x4e, 0x89);

/// Draws horizontal bars, largest first as given, with their labels.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[Bar],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let rows = u32::try_from(bars.len()).unwrap_or(u32::MAX).max(1);
    let mut chart = ChartBuilder::on(area)
        .margin(8)
        .x_label_area_size(24)
        .y_label_area_size(120)
        .build_cartesian_2d(0..max, (0..rows - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => usize::try_from(*i)
                .ok()
                .and_then(|i| bars.get(i))
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .draw()?;
    chart.draw_series(bars.iter().zip(0u32..).map(|(bar, row)| {
        Rectangle::new(
            [
                (0, SegmentValue::Exact(row)),
                (bar.value, SegmentValue::Exact(row + 1)),
            ],
            ACCENT.filled(),
        )
    }))?;
    Ok(())
}

/// The text alternative of a bar chart: one "label: value" line per bar.
pub fn bars_text(bars: &[Bar]) -> Vec<String> {
    bars.iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect()
}

/// A grid of shares in percent (`None`: no data), with its row and column labels: the hour ×
/// weekday map of time away from home.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub values: Vec<Vec<Option<u8>>>,
}

/// The colour of a share: from a pale grey-blue at 0 % to the accent at 100 %.
pub fn share_colour(percent: u8) -> RGBColor {
    let t = u32::from(percent.min(100));
    let mix = |low: u8, high: u8| {
        let value = (u32::from(low) * (100 - t) + u32::from(high) * t + 50) / 100;
        u8::try_from(value).unwrap_or(high)
    };
    RGBColor(
        mix(0xee, ACCENT.0),
        mix(0xf2, ACCENT.1),
        mix(0xf7, ACCENT.2),
    )
}

/// How a chart fits its place: `scale` device pixels per CSS pixel (text stays readable on
/// high-density screens), and every `label_every`-th column labelled (fewer on a phone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub label_every: u32,
}

impl Default for Fit {
    fn default() -> Self {
        Fit {
            scale: 1.0,
            label_every: 3,
        }
    }
}

/// Draws a grid as coloured cells, rows top to bottom, with every `fit.label_every`-th column
/// labelled.
pub fn draw_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    grid: &Grid,
    fit: Fit,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let rows = u32::try_from(grid.rows.len()).unwrap_or(u32::MAX).max(1);
    let columns = u32::try_from(grid.columns.len()).unwrap_or(u32::MAX).max(1);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small positive sizes
    let px = |css: f64| (css * fit.scale.clamp(0.5, 4.0)).round() as u32;
    let every = fit.label_every.max(1);
    let font = ("sans-serif", f64::from(px(12.0)));
    let mut chart = ChartBuilder::on(area)
        .margin(px(8.0))
        .x_label_area_size(px(24.0))
        .y_label_area_size(px(80.0))
        .build_cartesian_2d(
            (0..columns - 1).into_segmented(),
            (0..rows - 1).into_segmented(),
        )?;
    let label = |labels: &[String], v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => usize::try_from(*i)
            .ok()
            .and_then(|i| labels.get(i))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    };
    // Rows are drawn from the top: row 0 at the highest y.
    let row_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => rows
            .checked_sub(1 + i)
            .map(|r| label(&grid.rows, &SegmentValue::CenterOf(r)))
            .unwrap_or_default(),
        SegmentValue::Exact(_) | SegmentValue::Last => String::new(),
    };
    let column_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) if i % every == 0 => label(&grid.columns, v),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(grid.columns.len())
        .y_labels(grid.rows.len())
        .x_label_formatter(&column_label)
        .y_label_formatter(&row_label)
        .label_style(font)
        .draw()?;
    let cells = grid.values.iter().zip(0_u32..).flat_map(|(row, r)| {
        let y = rows.saturating_sub(1 + r);
        row.iter().zip(0_u32..).map(move |(value, x)| {
            let colour = value.map_or(RGBColor(0xff, 0xff, 0xff), share_colour);
            Rectangle::new(
                [
                    (SegmentValue::Exact(x), SegmentValue::Exact(y)),
                    (SegmentValue::Exact(x + 1), SegmentValue::Exact(y + 1)),
                ],
                colour.filled(),
            )
        })
    });
    chart.draw_series(cells)?;
    Ok(())
}

/// One series of stacked columns: a name, its colour and a value per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    pub label: String,
    pub colour: RGBColor,
    pub values: Vec<f64>,
}

/// Columns of stacked values: distance or carbon per period, by mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    pub columns: Vec<String>,
    /// Bottom to top.
    pub stacks: Vec<Stack>,
}

impl Columns {
    /// Each column's total.
    pub fn totals(&self) -> Vec<f64> {
        (0..self.columns.len())
            .map(|i| {
                self.stacks
                    .iter()
                    .filter_map(|s| s.values.get(i))
                    .sum::<f64>()
            })
            .collect()
    }
}

/// Draws stacked columns, every `fit.label_every`-th column labelled; `value_label` writes the
/// vertical axis's values (with the person's decimal separator).
pub fn draw_columns<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Columns,
    fit: Fit,
    value_label: &dyn Fn(f64) -> String,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let columns = u32::try_from(chart.columns.len())
        .unwrap_or(u32::MAX)
        .max(1);
    let top = chart.totals().into_iter().fold(0.0, f64::max);
    let top = if top > 0.0 { top * 1.05 } else { 1.0 };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small positive sizes
    let px = |css: f64| (css * fit.scale.clamp(0.5, 4.0)).round() as u32;
    let every = fit.label_every.max(1);
    let font = ("sans-serif", f64::from(px(12.0)));
    let mut builder = ChartBuilder::on(area)
        .margin(px(8.0))
        // Room for the last column's label, centred under it.
        .margin_right(px(28.0))
        .x_label_area_size(px(24.0))
        .y_label_area_size(px(56.0))
        // One segment a column; a single column gets an empty one beside it, half the plot
        // (a range of one value has no width: its column would not be drawn).
        .build_cartesian_2d((0..columns.max(2) - 1).into_segmented(), 0.0..top)?;
    let column_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) if i % every == 0 => usize::try_from(*i)
            .ok()
            .and_then(|i| chart.columns.get(i))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    };
    builder
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .x_labels(chart.columns.len())
        .y_labels(5)
        .x_label_formatter(&column_label)
        .y_label_formatter(&|v| value_label(*v))
        .label_style(font)
        .draw()?;
    let mut base = vec![0.0; chart.columns.len()];
    for stack in &chart.stacks {
        let bars = stack
            .values
            .iter()
            .zip(base.iter_mut())
            .zip(0_u32..)
            .filter(|((v, _), _)| **v > 0.0)
            .map(|((v, low), x)| {
                let high = *low + v;
                let rect = Rectangle::new(
                    [
                        (SegmentValue::Exact(x), *low),
                        (SegmentValue::Exact(x + 1), high),
                    ],
                    stack.colour.filled(),
                );
                *low = high;
                rect
            })
            .collect::<Vec<_>>();
        builder.draw_series(bars)?;
    }
    Ok(())
}

/// The text alternative of a grid: a header line of column labels, then one line per row, each
/// cell as "85 %" (French spacing is the caller's `percent`) or "—" without data.
pub fn grid_text(grid: &Grid, percent: &dyn Fn(u8) -> String) -> Vec<Vec<String>> {
    grid.values
        .iter()
        .zip(&grid.rows)
        .map(|(row, name)| {
            std::iter::once(name.clone())
                .chain(
                    row.iter()
                        .map(|v| v.map_or_else(|| "—".to_owned(), percent)),
                )
                .collect()
        })
        .collect()
}

/// One row of a timeline: a service and its runs of days (first and last day inclusive, day
/// numbers since 1970-01-01).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub label: String,
    pub runs: Vec<(i64, i64)>,
}

/// The columns a timeline is drawn in, at most: a day becomes a column of its own only on short
/// spans, so that a single day stays visible over decades.
const TIMELINE_BINS: i64 = 360;

/// A timeline as a grid for [`draw_grid`]: a row per service, a column per day or group of days
/// (`YYYY-MM` of its first day), full where the service saw the person; and how often to label a
/// column (about six labels).
pub fn timeline_grid(rows: &[TimelineRow]) -> (Grid, u32) {
    let runs = || rows.iter().flat_map(|r| r.runs.iter());
    let (Some(start), Some(end)) = (runs().map(|r| r.0).min(), runs().map(|r| r.1).max()) else {
        return (Grid::default(), 1);
    };
    let per_bin = ((end - start + TIMELINE_BINS) / TIMELINE_BINS).max(1);
    let bins = usize::try_from((end - start) / per_bin + 1).unwrap_or(1);
    let columns = (0..bins)
        .map(|bin| {
            let first = start + i64::try_from(bin).unwrap_or(0) * per_bin;
            let (y, m, _) = crate::model::time::civil_from_days(first);
            format!("{y:04}-{m:02}")
        })
        .collect();
    let values = rows
        .iter()
        .map(|row| {
            let mut cells = vec![None; bins];
            for &(a, b) in &row.runs {
                let (a, b) = ((a - start) / per_bin, (b - start) / per_bin);
                for bin in a..=b {
                    if let Some(cell) = usize::try_from(bin).ok().and_then(|i| cells.get_mut(i)) {
                        *cell = Some(100);
                    }
                }
            }
            cells
        })
        .collect();
    let grid = Grid {
        rows: rows.iter().map(|r| r.label.clone()).collect(),
        columns,
        values,
    };
    (grid, u32::try_from(bins.div_ceil(6)).unwrap_or(1).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeline_is_a_grid_of_services_by_groups_of_days() {
        // Two services over 720 days: two columns of two days each, at most 360 columns.
        let rows = vec![
            TimelineRow {
                label: "Google".into(),
                runs: vec![(0, 0), (1, 1), (10, 19)],
            },
            TimelineRow {
                label: "Spotify".into(),
                runs: vec![(700, 719)],
            },
        ];
        let (grid, every) = timeline_grid(&rows);
        // 720 days in 360 columns of two days each, labelled every 60 columns.
        assert_eq!((grid.columns.len(), every), (360, 60));
        assert_eq!(grid.columns[0], "1970-01");
        assert_eq!(grid.rows, ["Google", "Spotify"]);
        let full = |row: &[Option<u8>]| -> Vec<usize> {
            row.iter()
                .enumerate()
                .filter(|(_, v)| v.is_some())
                .map(|(i, _)| i)
                .collect()
        };
        // Days 0 and 1 fall in column 0; 10–19 in columns 5 to 9; Spotify's in 350 to 359.
        assert_eq!(full(&grid.values[0]), [0, 5, 6, 7, 8, 9]);
        assert_eq!(full(&grid.values[1]), (350..360).collect::<Vec<_>>());
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (720, 120)).into_drawing_area();
            draw_grid(
                &area,
                &grid,
                Fit {
                    scale: 1.0,
                    label_every: every,
                },
            )
            .unwrap();
            area.present().unwrap();
        }
        assert!(svg.contains("Google") && svg.contains("Spotify"), "{svg}");
    }

    #[test]
    fn bars_draw_to_svg_with_their_labels_and_lengths() {
        let bars = vec![
            Bar {
                label: "Google".into(),
                value: 30,
            },
            Bar {
                label: "Meta".into(),
                value: 10,
            },
        ];
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            draw_bars(&area, &bars).unwrap();
            area.present().unwrap();
        }
        assert!(
            svg.contains("Google") && svg.contains("Meta"),
            "labels missing: {svg}"
        );
        let accent = "fill=\"#1D4E89\"";
        let widths: Vec<f64> = svg
            .lines()
            .filter(|l| l.contains("<rect") && l.contains(accent))
            .filter_map(|l| l.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 2, "{svg}");
        // The first bar is three times the second.
        assert!((widths[0] / widths[1] - 3.0).abs() < 0.1, "{widths:?}");
        assert_eq!(bars_text(&bars), ["Google: 30", "Meta: 10"]);
    }

    #[test]
    fn a_single_column_is_drawn_over_half_the_plot() {
        let chart = Columns {
            columns: vec!["2009-04".into()],
            stacks: vec![Stack {
                label: "out".into(),
                colour: ACCENT,
                values: vec![345.0],
            }],
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw_columns(&area, &chart, Fit::default(), &|v| format!("{v:.0}")).unwrap();
            area.present().unwrap();
        }
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", ACCENT.0, ACCENT.1, ACCENT.2);
        let widths: Vec<f64> = svg
            .lines()
            .filter(|l| l.contains("<rect") && l.contains(&fill))
            .filter_map(|l| l.split(" width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 1, "{svg}");
        // The plot runs from the value labels (8 + 56 px) to the right margin (600 − 28 px).
        assert!(
            (widths[0] - (572.0 - 64.0) / 2.0).abs() <= 4.0,
            "{widths:?}"
        );
        assert!(svg.contains("2009-04"));
    }

    #[test]
    fn stacked_columns_draw_each_value_at_its_height_on_top_of_the_others() {
        let red = RGBColor(0xb2, 0x18, 0x2b);
        let blue = RGBColor(0x00, 0x72, 0xb2);
        let chart = Columns {
            columns: vec!["2024-01".into(), "2024-02".into(), "2024-03".into()],
            stacks: vec![
                Stack {
                    label: "car".into(),
                    colour: red,
                    values: vec![30.0, 0.0, 10.0],
                },
                Stack {
                    label: "cycling".into(),
                    colour: blue,
                    values: vec![10.0, 20.0, 0.0],
                },
            ],
        };
        assert_eq!(chart.totals(), [40.0, 20.0, 10.0]);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw_columns(&area, &chart, Fit::default(), &|v| format!("{v:.0} km")).unwrap();
            area.present().unwrap();
        }
        let rects = |c: RGBColor| -> Vec<(f64, f64, f64, f64)> {
            let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
            let attr = |l: &str, name: &str| -> f64 {
                l.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap()
            };
            svg.lines()
                .filter(|l| l.contains("<rect") && l.contains(&fill))
                .map(|l| {
                    (
                        attr(l, "x"),
                        attr(l, "y"),
                        attr(l, "width"),
                        attr(l, "height"),
                    )
                })
                .collect()
        };
        // Two car segments (none where the value is 0), two cycling ones.
        let (car, bike) = (rects(red), rects(blue));
        assert_eq!((car.len(), bike.len()), (2, 2), "{svg}");
        // Heights in proportion to the values: 30 km is three times 10 km; 20 twice 10.
        assert!((car[0].3 / car[1].3 - 3.0).abs() < 0.1, "{car:?}");
        assert!((bike[1].3 / bike[0].3 - 2.0).abs() < 0.1, "{bike:?}");
        // January's bike segment sits on top of its car segment.
        assert!(
            (bike[0].1 + bike[0].3 - car[0].1).abs() <= 1.0,
            "{car:?} {bike:?}"
        );
        // Three columns side by side fill the plot, up to its right margin (600 − 28 px, room
        // for the last label).
        let (x0, width) = (car[0].0, car[0].2);
        assert!((car[1].0 - (x0 + 2.0 * width)).abs() <= 2.0, "{car:?}");
        assert!((x0 + 3.0 * width - 572.0).abs() <= 4.0, "{car:?}");
        assert!(svg.contains("2024-01") && svg.contains("km"));
    }

    #[test]
    fn a_grid_draws_one_cell_per_value_coloured_by_its_share() {
        let grid = Grid {
            rows: vec!["Monday".into(), "Sunday".into()],
            columns: (0..24).map(|h| format!("{h}:00")).collect(),
            values: vec![
                (0..24)
                    .map(|h| Some(if (9..17).contains(&h) { 100 } else { 0 }))
                    .collect(),
                (0..24).map(|h| (h < 12).then_some(50)).collect(),
            ],
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 160)).into_drawing_area();
            draw_grid(&area, &grid, Fit::default()).unwrap();
            area.present().unwrap();
        }
        let fill = |c: RGBColor| format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let cells = |c: RGBColor| {
            svg.lines()
                .filter(|l| l.contains("<rect") && l.contains(&fill(c)))
                .count()
        };
        // Monday: 8 hours away (the accent), 16 at home; Sunday: 12 half-away hours.
        assert_eq!(cells(share_colour(100)), 8, "{svg}");
        assert_eq!(cells(share_colour(0)), 16);
        assert_eq!(cells(share_colour(50)), 12);
        assert!(svg.contains("Monday") && svg.contains("Sunday") && svg.contains("9:00"));
        assert!(!svg.contains(">1:00<"), "only every third hour is labelled");
        let text = grid_text(&grid, &|p| format!("{p} %"));
        assert_eq!(text[0][0], "Monday");
        assert_eq!(
            (text[0][10].as_str(), text[0][1].as_str()),
            ("100 %", "0 %")
        );
        assert_eq!((text[1][1].as_str(), text[1][13].as_str()), ("50 %", "—"));
    }

    #[test]
    fn hostile_labels_are_text_in_the_svg_a_chart_is_saved_as() {
        let chart = Columns {
            columns: vec!["<script>alert(1)</script>".into(), "<b>&</b>".into()],
            stacks: vec![Stack {
                label: "<b>".into(),
                colour: ACCENT,
                values: vec![1.0, 2.0],
            }],
        };
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            draw_columns(&area, &chart, Fit::default(), &|v| format!("{v:.0}")).unwrap();
            area.present().unwrap();
        }
        assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
    }
}
