//! The trips' charts: distance or carbon per week, month or year, stacked by mode, and the same
//! values as table rows (their text alternative).

use plotters::style::RGBColor;

use super::{Columns, Stack};
use crate::i18n::{mode_name, Lang};
use crate::model::location::Mode;
use crate::model::trips::{Period, TripSummary};

/// What the columns measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Kilometres.
    Distance,
    /// Kilograms of CO2 equivalent.
    Carbon,
}

/// Periods of the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Week,
    Month,
    Year,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Week, Scale::Month, Scale::Year];

    /// Months, unless the trips span fewer than three of them.
    pub fn default_for(trips: &TripSummary) -> Scale {
        if trips.months.len() < 3 {
            Scale::Week
        } else {
            Scale::Month
        }
    }
}

/// Each mode's colour: distinct hues, each at least 3:1 against white (WCAG 1.4.11).
pub fn mode_colour(mode: Mode) -> RGBColor {
    match mode {
        Mode::Walking => RGBColor(0x1b, 0x78, 0x37),
        Mode::Running => RGBColor(0x4d, 0x7c, 0x0f),
        Mode::Cycling => RGBColor(0x00, 0x6b, 0xa6),
        Mode::Car => RGBColor(0xb2, 0x18, 0x2b),
        Mode::Motorcycle => RGBColor(0x9a, 0x34, 0x12),
        Mode::Bus => RGBColor(0x7b, 0x32, 0x94),
        Mode::Train => RGBColor(0x1d, 0x4e, 0x89),
        Mode::Subway => RGBColor(0x3f, 0x3f, 0x99),
        Mode::Tram => RGBColor(0x8c, 0x6d, 0x31),
        Mode::Ferry => RGBColor(0x0e, 0x74, 0x90),
        Mode::Flying => RGBColor(0xb3, 0x58, 0x06),
        Mode::Skiing => RGBColor(0x5e, 0x6b, 0x7a),
        Mode::Still | Mode::Unknown => RGBColor(0x76, 0x76, 0x76),
    }
}

/// The CSS colour of a mode, for the legend's swatches.
pub fn mode_css(mode: Mode) -> String {
    let c = mode_colour(mode);
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn periods(trips: &TripSummary, scale: Scale) -> &[Period] {
    match scale {
        Scale::Week => &trips.weeks,
        Scale::Month => &trips.months,
        Scale::Year => &trips.years,
    }
}

/// The modes shown, in the report's order (longest distance first): for carbon, only those that
/// emitted some.
pub fn modes(trips: &TripSummary, measure: Measure) -> Vec<Mode> {
    trips
        .modes
        .iter()
        .filter(|m| measure == Measure::Distance || m.grams.is_some_and(|g| g > 0))
        .map(|m| m.mode)
        .collect()
}

/// A period's value for a mode, in kilometres or kilograms.
fn value(period: &Period, mode: Mode, measure: Measure) -> f64 {
    let raw = match measure {
        Measure::Distance => period.metres.get(&mode),
        Measure::Carbon => period.grams.get(&mode),
    };
    #[allow(clippy::cast_precision_loss)] // metres and grams far below 2^52
    raw.map_or(0.0, |v| *v as f64 / 1000.0)
}

/// The chart's columns: one per period with a trip, a stack per mode.
pub fn columns(lang: Lang, trips: &TripSummary, measure: Measure, scale: Scale) -> Columns {
    let periods = periods(trips, scale);
    Columns {
        columns: periods.iter().map(|p| p.period.clone()).collect(),
        stacks: modes(trips, measure)
            .into_iter()
            .map(|mode| Stack {
                label: mode_name(lang, mode).to_owned(),
                colour: mode_colour(mode),
                values: periods.iter().map(|p| value(p, mode, measure)).collect(),
            })
            .collect(),
    }
}

/// A value as the table and the axis write it: one decimal, the language's separator.
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The text alternative: a row per period, its value for each mode, then its total.
pub fn table_rows(lang: Lang, chart: &Columns) -> Vec<Vec<String>> {
    let totals = chart.totals();
    chart
        .columns
        .iter()
        .enumerate()
        .map(|(i, period)| {
            std::iter::once(period.clone())
                .chain(
                    chart
                        .stacks
                        .iter()
                        .map(|s| number(lang, s.values.get(i).copied().unwrap_or(0.0))),
                )
                .chain(std::iter::once(number(
                    lang,
                    totals.get(i).copied().unwrap_or(0.0),
                )))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::trips::{ModeTotal, TripOrigin};
    use std::collections::BTreeMap;

    fn period(name: &str, metres: &[(Mode, u64)], grams: &[(Mode, u64)]) -> Period {
        Period {
            period: name.to_owned(),
            metres: metres.iter().copied().collect::<BTreeMap<_, _>>(),
            grams: grams.iter().copied().collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn columns_and_their_table_from_the_report_values() {
        let total = |mode, metres, grams| ModeTotal {
            mode,
            legs: 1,
            metres,
            estimated_metres: 0,
            grams,
        };
        let trips = TripSummary {
            origin: TripOrigin::Export,
            trips: 3,
            modes: vec![
                total(Mode::Car, 52_000, Some(11_315)),
                total(Mode::Cycling, 8_250, Some(0)),
            ],
            grams: 11_315,
            plane_grams: 0,
            weeks: Vec::new(),
            months: vec![
                period(
                    "2024-01",
                    &[(Mode::Car, 40_000), (Mode::Cycling, 8_250)],
                    &[(Mode::Car, 8_704), (Mode::Cycling, 0)],
                ),
                period("2024-02", &[(Mode::Car, 12_000)], &[(Mode::Car, 2_611)]),
            ],
            years: Vec::new(),
            home_work: Vec::new(),
        };
        assert_eq!(Scale::default_for(&trips), Scale::Week);
        let distance = columns(Lang::Fr, &trips, Measure::Distance, Scale::Month);
        assert_eq!(distance.columns, ["2024-01", "2024-02"]);
        let stacks: Vec<(&str, Vec<f64>)> = distance
            .stacks
            .iter()
            .map(|s| (s.label.as_str(), s.values.clone()))
            .collect();
        assert_eq!(
            stacks,
            [("voiture", vec![40.0, 12.0]), ("vélo", vec![8.25, 0.0])]
        );
        assert_eq!(
            table_rows(Lang::Fr, &distance),
            [
                ["2024-01", "40,0", "8,2", "48,2"],
                ["2024-02", "12,0", "0,0", "12,0"]
            ]
        );
        // Carbon: the bike is left out (it emits nothing).
        let carbon = columns(Lang::En, &trips, Measure::Carbon, Scale::Month);
        assert_eq!(carbon.stacks.len(), 1);
        assert_eq!(
            table_rows(Lang::En, &carbon),
            [["2024-01", "8.7", "8.7"], ["2024-02", "2.6", "2.6"]]
        );
    }
}
