//! What health and fitness apps recorded about a person: steps, heart rate, sleep, workouts,
//! activity rings, which devices and apps wrote it, and which characteristics the file states
//! (issue 9).
//!
//! Sources hand records over one by one to a [`HealthSink`]; `analysis::health` sums them up by
//! day into a [`HealthSummary`], which the report carries. Times are the person's local clock as
//! the file writes it (`2019-07-19 10:36:11 -0700` is 10:36:11), in seconds since 1970 as if
//! that clock were UTC: days and bedtimes are those the person lived.

use serde::{Deserialize, Serialize};

/// The app an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthApp {
    AppleHealth,
    GoogleFit,
}

/// A measured quantity the summary follows, in its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quantity {
    /// Steps.
    Steps,
    /// Distance walked or run, metres.
    Distance,
    /// Active energy, kcal.
    ActiveEnergy,
    /// Heart rate, beats a minute: one measure (Apple Health), or a day's mean (Google Fit).
    HeartRate,
    /// A day's lowest and highest heart rate (Google Fit), beats a minute: they bound the range,
    /// and do not count as measures.
    HeartRateMin,
    HeartRateMax,
    /// Resting heart rate, beats a minute.
    RestingHeartRate,
    /// Exercise (Apple) or move (Google) minutes.
    ExerciseMinutes,
}

/// One measure: `value` of `kind` between `start` and `end` (local clock, seconds), written by
/// `source` (an app or a device, as named in the file).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure<'a> {
    pub kind: Quantity,
    pub start: i64,
    pub end: i64,
    pub value: f64,
    pub source: &'a str,
}

/// One workout, as the file lists it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Workout<'a> {
    /// The activity, as the file names it without its prefix (`Running`, `Cycling`).
    pub kind: &'a str,
    /// Local clock, seconds.
    pub start: i64,
    pub seconds: f64,
    pub metres: Option<f64>,
    pub kcal: Option<f64>,
}

/// One day of Apple's activity rings (`ActivitySummary`): what was done, and the goal.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rings {
    /// Days since 1970 (the file's `dateComponents`).
    pub day: i64,
    pub energy: f64,
    pub energy_goal: f64,
    pub exercise: f64,
    pub exercise_goal: f64,
    pub stand: f64,
    pub stand_goal: f64,
}

/// Where what a source reads from health files goes.
pub trait HealthSink {
    /// A record of any type (`HKQuantityTypeIdentifierStepCount` written `StepCount`), and the
    /// app or device that wrote it, as named in the file: counted, whatever its value.
    fn record(&mut self, _kind: &str, _source: &str, _at: i64) {}
    /// A measure of a quantity the summary follows.
    fn measure(&mut self, _measure: &Measure<'_>) {}
    /// A stretch of sleep (local clock, seconds): `asleep` false for time in bed awake.
    fn sleep(&mut self, _start: i64, _end: i64, _asleep: bool, _source: &str) {}
    fn workout(&mut self, _workout: &Workout<'_>) {}
    /// One day of activity rings.
    fn rings(&mut self, _rings: &Rings) {}
    /// A characteristic the file states (`DateOfBirth`, `BiologicalSex`): its kind, never its
    /// value.
    fn characteristic(&mut self, _kind: &str) {}
}

/// What a health file holds, summed up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HealthSummary {
    pub app: HealthApp,
    /// Records read, of every type.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub records: u64,
    /// Records left out: no usable date, or one before 2004 or after 2039.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skipped: u64,
    /// The first and last day with a record, `YYYY-MM-DD` (local), and the days with any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: u64,
    /// Those days, as runs (the portrait's timeline).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
    /// Records by type (prefix dropped: `StepCount`, `HeartRate`, `SleepAnalysis`), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<(String, u64)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Steps>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heart: Option<Heart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep: Option<Sleep>,
    /// Workouts by activity, most time first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workouts: Vec<WorkoutTotal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rings: Option<RingDays>,
    /// The apps and devices that wrote the records, most records first (at most `MAX_NAMES`).
    /// Their names may hold the person's first name ("iPhone de Marie").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<HealthSource>,
    /// The characteristics the file states (`DateOfBirth`, `BiologicalSex`, `BloodType`,
    /// `FitzpatrickSkinType`…), kinds only, in the file's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub characteristics: Vec<String>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Steps and daily movement. A day's count is that of the app or device that counted most that
/// day (a phone and a watch count the same steps).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Steps {
    /// Days with steps, and their mean.
    pub days: u64,
    pub mean: u64,
    /// The day with most steps (`YYYY-MM-DD`) and its count.
    pub best_day: String,
    pub best: u64,
    /// Mean steps a day by month (`YYYY-MM`, days with steps), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
    /// Mean distance walked or run a day, metres, and mean active energy a day, kcal (days with
    /// some).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_kcal: Option<u64>,
    /// Mean exercise (Apple) or move (Google) minutes a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise_min: Option<u64>,
}

/// Heart rate, beats a minute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heart {
    /// Measures read (days, for Google Fit), lowest, mean and highest.
    pub measures: u64,
    pub min: u64,
    pub mean: u64,
    pub max: u64,
    /// Mean resting heart rate, when the file has some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resting: Option<u64>,
    /// By month (`YYYY-MM`): mean, and mean resting heart rate (0: none), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64, u64)>,
}

/// Sleep, night by night (a night is dated by the evening it begins).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sleep {
    pub nights: u64,
    /// Mean time asleep a night, minutes.
    pub asleep_min: u64,
    /// The usual (median) time of falling asleep and of waking, minutes after midnight, local.
    pub bedtime: u16,
    pub wake: u16,
    /// The file records time in bed only, not sleep itself (an iPhone without a watch).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_bed_only: bool,
}

/// Workouts of one activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkoutTotal {
    pub kind: String,
    pub count: u64,
    pub seconds: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub metres: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub kcal: u64,
}

/// Apple's activity rings over the days the file has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RingDays {
    pub days: u64,
    /// Mean active energy (kcal), exercise (minutes) and stand hours a day.
    pub energy: u64,
    pub exercise: u64,
    pub stand: u64,
    /// Days each goal was met (days with a goal set).
    pub energy_met: u64,
    pub exercise_met: u64,
    pub stand_met: u64,
}

/// An app or device that wrote records, and which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthSource {
    pub name: String,
    pub records: u64,
    /// The types it wrote most (at most 3), most first.
    pub types: Vec<String>,
}
