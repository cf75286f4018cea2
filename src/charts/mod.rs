//! Drawing findings on any plotters backend: a canvas in the browser, SVG in native tests.
//!
//! A chart is a function over a [`DrawingArea`] fed by analysis output; binning and top-N belong to
//! `analysis`, drawing belongs here. Every chart has a text alternative built from the same data
//! ([`bars_text`]), which the UI shows beside it.

use plotters::coord::Shift;
use plotters::prelude::*;

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
        .build_cartesian_2d(0..max, (0..rows).into_segmented())?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
