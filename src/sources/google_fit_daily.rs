//! Google Fit's daily metrics: `Takeout/Fit/Daily activity metrics/Daily activity metrics.csv`.
//!
//! Where from: Google Takeout, "Fit" (Google Fit's API is being retired in 2025–2026; the app's
//! data stays in Takeout). Shape (formats.md section 1.6): one row a day, `Date` (`2024-03-01`,
//! the person's local day) then metric columns that appear only when the account has such data:
//! `Move Minutes count`, `Calories (kcal)`, `Distance (m)`, `Heart Points`, `Heart Minutes`,
//! `Average/Max/Min heart rate (bpm)`, `Step count`, speeds, weights, durations by activity in
//! ms, and `Low/High latitude/longitude (deg)`, the box around the day's positions.
//!
//! Read: steps, distance, move minutes and heart rate (the day's mean, lowest and highest) by day;
//! every other non-empty metric is counted as a record of its column's name. Not read: the
//! day's latitude and longitude box (not counted either), weights and speeds (counted only), and
//! `Calories (kcal)`, which adds the resting metabolism and is no active energy (counted only).
//! Headers are matched in English only, in any case: Takeout's column names in other languages
//! are not documented in formats.md. The 15-minute files (`2024-03-01.csv`, `Start time,End
//! time,…`) and `All Sessions/*.json` are not read.

use std::io::Read;

use super::apple_health::local_day;
use super::netflix::cell;
use super::{linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::health::{HealthApp, Measure, Quantity};
use crate::model::Sink;

/// `Daily activity metrics.csv`.
pub struct GoogleFitDaily;

/// The metrics followed, by column name.
const FOLLOWED: [(&str, Quantity); 6] = [
    ("Step count", Quantity::Steps),
    ("Distance (m)", Quantity::Distance),
    ("Move Minutes count", Quantity::ExerciseMinutes),
    ("Average heart rate (bpm)", Quantity::HeartRate),
    ("Min heart rate (bpm)", Quantity::HeartRateMin),
    ("Max heart rate (bpm)", Quantity::HeartRateMax),
];

/// Columns of the header that identify the file with `Date`: one at least is there whenever
/// the account has any data.
const KEYS: [&str; 4] = [
    "Move Minutes count",
    "Step count",
    "Calories (kcal)",
    "Heart Points",
];

fn hand_over(header: &csv::StringRecord, row: &csv::StringRecord, out: &mut dyn Sink) {
    let Some(day) = row.get(0).and_then(local_day) else {
        out.skipped();
        return;
    };
    let at = day * 86_400;
    for (name, value) in header.iter().zip(row.iter()).skip(1) {
        let name = name.trim();
        let Some(value) = Some(value.trim())
            .filter(|v| !v.is_empty())
            .and_then(|v| v.parse::<f64>().ok())
        else {
            continue;
        };
        if name.contains("latitude") || name.contains("longitude") {
            continue;
        }
        out.record(name, "", at);
        if let Some((_, kind)) = FOLLOWED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            out.measure(&Measure {
                kind: *kind,
                start: at,
                end: at + 86_399,
                value,
                source: "",
            });
        }
    }
}

impl Source for GoogleFitDaily {
    fn id(&self) -> &'static str {
        "google.fit.daily"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Fit, mesures quotidiennes (Daily activity metrics.csv)",
            Lang::En => "Google Fit daily metrics (Daily activity metrics.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn health(&self) -> Option<HealthApp> {
        Some(HealthApp::GoogleFit)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        KEYS.iter()
            .any(|key| linkedin::header_has_any_case(head, &["Date", key]))
            .then_some(Claim {
                source: self.id(),
                confidence: 90,
            })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        // The header, for the row handler: every metric column is read by its name.
        let header = std::cell::RefCell::new(csv::StringRecord::new());
        linkedin::read_rows(
            reader,
            |h| {
                let ok = linkedin::find_any_case(h, "Date") == Some(0)
                    && KEYS.iter().any(|k| linkedin::find_any_case(h, k).is_some());
                if ok {
                    header.replace(h.clone());
                }
                ok.then_some(())
            },
            |(), row| cell(row, Some(0)).and_then(local_day).is_some(),
            |(), row| hand_over(&header.borrow(), row, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    #[test]
    fn the_fixture_day_by_day() {
        let bytes = fixture("google.fit.daily", "Daily activity metrics.csv");
        assert!(GoogleFitDaily
            .detect(
                "Takeout/Fit/Daily activity metrics/Daily activity metrics.csv",
                &bytes
            )
            .is_some());
        let (out, error) = collect(&GoogleFitDaily, &bytes);
        assert_eq!(error, None);
        // Counted with python3 (csv.DictReader): 15 rows, the first five with steps 5874, 1502,
        // (none), 12480, 4310.
        let steps: Vec<(i64, f64)> = out
            .measures
            .iter()
            .filter(|m| m.0 == Quantity::Steps)
            .map(|m| (m.1 / 86_400, m.3))
            .collect();
        // 2024-03-01 is day 19783.
        assert_eq!(
            steps[..4],
            [
                (19_783, 5874.0),
                (19_784, 1502.0),
                (19_786, 12_480.0),
                (19_787, 4310.0)
            ]
        );
        // The day without activity still has its calories; no latitude nor longitude counted.
        assert!(out
            .health_records
            .iter()
            .any(|r| r.0 == "Calories (kcal)" && r.2 == 19_785 * 86_400));
        assert!(!out.health_records.iter().any(|r| r.0.contains("itude")));
        assert!(out.fixes.is_empty());
    }

    #[test]
    fn columns_only_when_data_exists_cut_files_and_detection() {
        let file = "Date,Step count\n2024-03-01,812\n2024-03-02,90";
        let (out, error) = collect(&GoogleFitDaily, file.as_bytes());
        assert_eq!((out.measures.len(), error), (2, None));
        let (out, error) = collect(&GoogleFitDaily, &file.as_bytes()[..file.len() - 4]);
        assert_eq!((out.measures.len(), error), (1, Some(ErrorKind::Truncated)));
        // The 15-minute files start with Start time, not Date.
        let quarter = b"Start time,End time,Move Minutes count,Step count\n00:00:00.000+01:00,00:15:00.000+01:00,,12\n";
        assert!(GoogleFitDaily.detect("2024-03-01.csv", quarter).is_none());
        let (_, error) = collect(&GoogleFitDaily, quarter);
        assert_eq!(error, Some(ErrorKind::WrongType));
        assert!(GoogleFitDaily
            .detect("x.csv", b"Date,Description,Amount\n")
            .is_none());
    }
}
