//! What an electricity meter saw of a home: Enedis's Linky exports (issue 9, formats.md section
//! 16). A load curve shows, half-hour by half-hour, when the home wakes up, empties, fills again
//! and goes to sleep, and the days nobody is there.
//!
//! Sources hand readings over one by one to an [`EnergySink`]; `analysis::energy` sums them up
//! into an [`EnergySummary`], which the report carries.

use serde::{Deserialize, Serialize};

/// Which of Enedis's CSV layouts a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The "Mes données" CSV (2019–2024): a meta header, then `Horodate;Valeur`.
    Classic,
    /// The flat 2024+ export: one row a reading, with its codes (`PA;CONS;BRUT;W;…;PT30M`).
    Flat,
    /// The SGE layout: `Date de la mesure;Heure de la mesure;Valeur;…`.
    Sge,
}

/// What a reading measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The mean power over the step, in W (a load curve).
    LoadCurve,
    /// The energy used over a day, in Wh.
    Daily,
    /// The highest power of a day, in VA.
    MaxPower,
}

/// One reading of the meter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The interval it covers, epoch seconds (UTC): a step of a load curve, or a whole local day
    /// for a daily value (the day is the local day of `start`).
    pub start: i64,
    pub end: i64,
    pub measure: Measure,
    /// W, Wh or VA, after [`Measure`].
    pub value: f64,
}

/// Where what a source reads from electricity files goes.
pub trait EnergySink {
    /// The file's layout, once known.
    fn layout(&mut self, _layout: Layout) {}
    /// One reading.
    fn reading(&mut self, _reading: &Reading) {}
    /// A dated row without a value (the meter did not report).
    fn missing(&mut self) {}
}

/// A run of days when the home drew no more than its standby load: nobody was there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    /// The first and last whole day away, `YYYY-MM-DD` (Paris time).
    pub from: String,
    pub to: String,
    pub days: u64,
}

/// The weekday hours the home looks empty: from `from` to `to` (hours, Paris time, `to`
/// excluded), each on at least `percent` % of the `weekdays` looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmptyHours {
    pub from: u8,
    pub to: u8,
    pub percent: u8,
    pub weekdays: u64,
}

/// The highest power the file shows, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peak {
    /// In VA for a maximum-power file, else in W (the highest mean over a step of the curve).
    pub value: u64,
    pub unit: String,
    /// The day, `YYYY-MM-DD`, and the time, `HH:MM` (Paris time; the end of the step for a load
    /// curve).
    pub day: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// What an electricity file holds, summed up. Days and hours are in Paris time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnergySummary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// What the file measures (most often one kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// A load curve's step, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_minutes: Option<u64>,
    /// Readings read, and dated rows without a value.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub readings: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub missing: u64,
    /// The first and last day with a reading, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// The days with energy measured when the home was not empty (the portrait's timeline: the
    /// meter saw someone at home).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
    /// Days with some energy measured, and those measured whole (a daily value, or at least
    /// 20 hours of load curve).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub whole_days: u64,
    /// Energy measured in all, in Wh, and the mean of a whole day.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub total_wh: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_wh_day: Option<u64>,
    /// Energy by month (`YYYY-MM`), in Wh, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
    /// The mean power by hour of the day (0–23), in W, over the days at home (absences left
    /// out): Monday to Friday, and Saturday and Sunday. Load curves only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile_weekdays: Vec<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile_weekends: Vec<u64>,
    /// The standby load, W: the median over whole days of each day's lowest hourly mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_w: Option<u64>,
    /// The typical time (minutes after midnight) the morning rise above the standby load begins,
    /// Monday to Friday and at weekends, and the evening fall back to it ends, on nights before a
    /// weekday (Sunday to Thursday) and before a weekend day (Friday and Saturday); past
    /// midnight, the minutes count on (1470 is 0:30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wake_weekdays: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wake_weekends: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_weekdays: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_weekends: Option<u16>,
    /// The weekday daytime hours the home draws no more than its standby load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_weekdays: Option<EmptyHours>,
    /// Runs of at least three days near the standby load (holidays away), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak: Option<Peak>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}
