//! A seeded, streaming Apple Health `export.xml` (`../shared/formats.md` section 12) with its
//! ground truth: a simulated person whose iPhone counts steps and distance every hour, and whose
//! Apple Watch, worn most days, counts steps too (a little more than the phone, over the same
//! hours), active energy, heart rate through the day, a resting heart rate, sleep stages at
//! night, and an activity summary; a run or a ride every few days.
//!
//! As real exports, the file opens with the internal DTD, then `ExportDate` and `Me`, then the
//! records type by type (each in time order), the workouts, and the activity summaries. Each day
//! is drawn from its own seed, so a type's pass over the days draws the same day again. The truth
//! is what the reader must find; nothing here is ever a real person's data.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::Rng;
use crate::model::time::civil_from_days;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct HealthSpec {
    pub seed: u64,
    /// About this many bytes: the days (at most [`MAX_DAYS`]) and the heart-rate measures a day
    /// follow from it.
    pub target_bytes: u64,
}

/// Days at most: ten years from 2016-01-01; a larger file has more heart-rate measures a day.
pub const MAX_DAYS: i64 = 3650;
/// 2016-01-01.
const FIRST_DAY: i64 = 16_801;

/// What the reader must find.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthTruth {
    pub records: u64,
    pub days: u64,
    pub first: String,
    pub last: String,
    /// Records by type (prefix dropped).
    pub types: BTreeMap<String, u64>,
    /// Days with steps; mean steps a day (the larger of phone and watch each day); best day.
    pub steps_days: u64,
    pub steps_mean: u64,
    pub best_day: String,
    pub best: u64,
    /// Heart-rate measures, lowest, mean, highest; mean resting rate.
    pub heart: (u64, u64, u64, u64),
    pub resting: u64,
    /// Nights, mean minutes asleep, median bedtime and waking time (minutes after midnight).
    pub sleep: (u64, u64, u16, u16),
    /// Workouts by activity: count, seconds, metres.
    pub workouts: BTreeMap<String, (u64, u64, u64)>,
    /// Days of activity rings.
    pub rings: u64,
}

const PHONE: &str = "iPhone de Camille";
const WATCH: &str = "Apple Watch de Camille";
const PHONE_DEVICE: &str = "&lt;&lt;HKDevice: 0x281f3c2d0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.4.1&gt;";
const WATCH_DEVICE: &str = "&lt;&lt;HKDevice: 0x281f3c5a0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.4&gt;";

/// One simulated day, drawn from its own seed.
struct Day {
    date: i64,
    /// Steps counted by the phone in each waking hour (7:00 to 22:00).
    phone: [u32; 16],
    /// The watch is worn (then it counts 5 % more steps than the phone, hour by hour).
    watch: bool,
    /// Heart-rate measures: seconds after midnight, beats a minute.
    heart: Vec<(i64, u32)>,
    resting: u32,
    /// Active energy each waking hour, tenths of kcal.
    energy: [u32; 16],
    /// Sleep stages of the night beginning this evening: start, end (seconds after this
    /// midnight), stage.
    sleep: Vec<(i64, i64, &'static str)>,
    /// A workout: activity, start (seconds after midnight), seconds, metres.
    workout: Option<(&'static str, i64, i64, u64)>,
}

impl Day {
    fn draw(seed: u64, day: i64, heart_per_day: u64) -> Day {
        let mut rng = Rng::new(seed ^ day.cast_unsigned().wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let lazy = rng.below(5) == 0;
        let mut phone = [0u32; 16];
        for h in &mut phone {
            let n = if lazy {
                rng.below(400)
            } else {
                rng.below(1200)
            };
            *h = u32::try_from(n).unwrap_or(0);
        }
        let watch = rng.below(10) < 8;
        let mut heart = Vec::new();
        let mut energy = [0u32; 16];
        let mut sleep = Vec::new();
        let mut resting = 0;
        if watch {
            let spacing = (16 * 3600 / heart_per_day.max(1)).max(1);
            let mut at = 7 * 3600;
            while at < 23 * 3600 {
                let bpm = 55 + rng.below(60) + if rng.below(20) == 0 { 60 } else { 0 };
                heart.push((at, u32::try_from(bpm).unwrap_or(60)));
                // Up to 30 s late, but never more than a quarter of the spacing: dense days
                // (large files) keep the density chosen for them.
                at += i64::try_from(spacing).unwrap_or(600)
                    + i64::try_from(rng.below((spacing / 4).clamp(1, 30))).unwrap_or(0);
            }
            resting = 50 + u32::try_from(rng.below(15)).unwrap_or(0);
            for e in &mut energy {
                *e = u32::try_from(rng.below(400)).unwrap_or(0);
            }
            // Asleep from 22:30–23:59 until 6:30–7:59 the next morning, in three stages.
            let start = 22 * 3600 + 1800 + i64::try_from(rng.below(90 * 60)).unwrap_or(0);
            let end = 86_400 + 6 * 3600 + 1800 + i64::try_from(rng.below(90 * 60)).unwrap_or(0);
            let third = (end - start) / 3;
            sleep.push((start, start + third, "AsleepCore"));
            sleep.push((start + third, start + 2 * third, "AsleepDeep"));
            sleep.push((start + 2 * third, end, "AsleepREM"));
        }
        let workout = (rng.below(3) == 0).then(|| {
            let run = rng.below(2) == 0;
            let seconds = 6 * i64::try_from(200 + rng.below(400)).unwrap_or(300);
            let metres = if run {
                2000 + rng.below(10_000)
            } else {
                5000 + rng.below(30_000)
            };
            let kind = if run { "Running" } else { "Cycling" };
            (kind, 18 * 3600, seconds, metres)
        });
        Day {
            date: day,
            phone,
            watch,
            heart,
            resting,
            energy,
            sleep,
            workout,
        }
    }

    fn watch_steps(&self, hour: usize) -> u32 {
        self.phone.get(hour).map_or(0, |s| s + s / 20)
    }
}

/// `2024-03-01 08:00:00 +0100`: `at` seconds after the day's midnight, in Paris time (winter
/// offset from November to March, summer offset the rest of the year).
fn date(day: i64, at: i64) -> String {
    let (y, m, d) = civil_from_days(day + at.div_euclid(86_400));
    let s = at.rem_euclid(86_400);
    let offset = if (4..=10).contains(&m) {
        "+0200"
    } else {
        "+0100"
    };
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} {offset}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

use crate::model::time::format_day as day_text;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
]>
<HealthData locale="fr_FR">
 <ExportDate value="2026-01-02 09:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-06-21" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>
"#;

/// The writer, counting bytes and records.
struct Out<W> {
    inner: W,
    bytes: u64,
    truth: HealthTruth,
    days: std::collections::BTreeSet<i64>,
}

impl<W: Write> Out<W> {
    fn text(&mut self, text: &str) -> io::Result<()> {
        self.bytes += text.len() as u64;
        self.inner.write_all(text.as_bytes())
    }

    /// One `Record`, and its child if any.
    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        kind: &str,
        watch: bool,
        unit: Option<&str>,
        (day, start, end): (i64, i64, i64),
        value: &str,
        child: Option<&str>,
    ) -> io::Result<()> {
        let (source, version, device) = if watch {
            (WATCH, "10.4", WATCH_DEVICE)
        } else {
            (PHONE, "17.4.1", PHONE_DEVICE)
        };
        let prefix = if kind == "SleepAnalysis" {
            "HKCategoryTypeIdentifier"
        } else {
            "HKQuantityTypeIdentifier"
        };
        let unit = unit.map_or_else(String::new, |u| format!(" unit=\"{u}\""));
        let (s, e, c) = (date(day, start), date(day, end), date(day, end + 40));
        let close = if child.is_some() { ">" } else { "/>" };
        let line = format!(
            " <Record type=\"{prefix}{kind}\" sourceName=\"{source}\" sourceVersion=\"{version}\" device=\"{device}\"{unit} creationDate=\"{c}\" startDate=\"{s}\" endDate=\"{e}\" value=\"{value}\"{close}\n"
        );
        self.text(&line)?;
        if let Some(child) = child {
            self.text(child)?;
            self.text(" </Record>\n")?;
        }
        self.truth.records += 1;
        *self.truth.types.entry(kind.to_owned()).or_default() += 1;
        self.days.insert(day + start.div_euclid(86_400));
        Ok(())
    }
}

/// The record types, in the order written.
const TYPES: [&str; 6] = [
    "StepCount",
    "DistanceWalkingRunning",
    "ActiveEnergyBurned",
    "HeartRate",
    "RestingHeartRate",
    "SleepAnalysis",
];

fn write_type<W: Write>(out: &mut Out<W>, kind: &str, d: &Day) -> io::Result<()> {
    let day = d.date;
    let hour = |h: usize| i64::try_from(h).unwrap_or(0) * 3600 + 7 * 3600;
    match kind {
        "StepCount" => {
            for (h, steps) in d.phone.iter().enumerate() {
                if *steps > 0 {
                    out.record(
                        kind,
                        false,
                        Some("count"),
                        (day, hour(h), hour(h) + 3000),
                        &steps.to_string(),
                        None,
                    )?;
                }
            }
            if d.watch {
                for h in 0..d.phone.len() {
                    let steps = d.watch_steps(h);
                    if steps > 0 {
                        out.record(
                            kind,
                            true,
                            Some("count"),
                            (day, hour(h) + 5, hour(h) + 3010),
                            &steps.to_string(),
                            None,
                        )?;
                    }
                }
            }
        }
        "DistanceWalkingRunning" => {
            for (h, steps) in d.phone.iter().enumerate() {
                if *steps > 0 {
                    let km = format!("{:.5}", f64::from(*steps) * 0.000_75);
                    out.record(
                        kind,
                        false,
                        Some("km"),
                        (day, hour(h), hour(h) + 3000),
                        &km,
                        None,
                    )?;
                }
            }
        }
        "ActiveEnergyBurned" if d.watch => {
            for (h, tenths) in d.energy.iter().enumerate() {
                let kcal = format!("{}.{}", tenths / 10, tenths % 10);
                out.record(
                    kind,
                    true,
                    Some("kcal"),
                    (day, hour(h), hour(h) + 3599),
                    &kcal,
                    None,
                )?;
            }
        }
        "HeartRate" => {
            let child =
                "  <MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"0\"/>\n";
            for (at, bpm) in &d.heart {
                out.record(
                    kind,
                    true,
                    Some("count/min"),
                    (day, *at, *at),
                    &bpm.to_string(),
                    Some(child),
                )?;
            }
        }
        "RestingHeartRate" if d.watch => {
            out.record(
                kind,
                true,
                Some("count/min"),
                (day, 0, 86_340),
                &d.resting.to_string(),
                None,
            )?;
        }
        "SleepAnalysis" => {
            for (start, end, stage) in &d.sleep {
                let value = format!("HKCategoryValueSleepAnalysis{stage}");
                out.record(kind, true, None, (day, *start, *end), &value, None)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A `Workout` with its route's file reference, as Apple writes one.
fn workout_line(day: i64, kind: &str, start: i64, seconds: i64, metres: u64) -> String {
    let (s, e, c) = (
        date(day, start),
        date(day, start + seconds),
        date(day, start + seconds + 60),
    );
    // Durations are whole multiples of 6 s: one decimal of a minute says them exactly.
    let minutes = format!("{}.{}", seconds / 60, seconds % 60 / 6);
    let km = format!("{}.{:03}", metres / 1000, metres % 1000);
    format!(
        " <Workout workoutActivityType=\"HKWorkoutActivityType{kind}\" duration=\"{minutes}\" durationUnit=\"min\" totalDistance=\"{km}\" totalDistanceUnit=\"km\" totalEnergyBurned=\"{}\" totalEnergyBurnedUnit=\"kcal\" sourceName=\"{WATCH}\" sourceVersion=\"10.4\" device=\"{WATCH_DEVICE}\" creationDate=\"{c}\" startDate=\"{s}\" endDate=\"{e}\">\n  <MetadataEntry key=\"HKTimeZone\" value=\"Europe/Paris\"/>\n  <WorkoutRoute sourceName=\"{WATCH}\" sourceVersion=\"10.4\" creationDate=\"{c}\" startDate=\"{s}\" endDate=\"{e}\">\n   <FileReference path=\"/workout-routes/route_{}_6.00pm.gpx\"/>\n  </WorkoutRoute>\n </Workout>\n",
        seconds / 10,
        day_text(day),
    )
}

/// Writes an `export.xml` of about `spec.target_bytes` and returns its ground truth.
#[allow(clippy::too_many_lines)] // one pass a part of the file, in the file's order
pub fn write_health(spec: HealthSpec, out: impl Write) -> io::Result<HealthTruth> {
    // The mean size of a day at 150 heart-rate measures (over four weeks), to choose the days
    // and the density.
    let mut probe = Out {
        inner: io::sink(),
        bytes: 0,
        truth: HealthTruth::default(),
        days: std::collections::BTreeSet::new(),
    };
    let mut heart_bytes = 0;
    for day in FIRST_DAY..FIRST_DAY + 28 {
        let sample = Day::draw(spec.seed, day, 150);
        for kind in TYPES {
            let before = probe.bytes;
            write_type(&mut probe, kind, &sample)?;
            if kind == "HeartRate" {
                heart_bytes += probe.bytes - before;
            }
        }
    }
    let (per_day, heart_bytes) = (probe.bytes / 28 + 600, (heart_bytes / 28).max(1));
    let wanted = i64::try_from(spec.target_bytes / per_day)
        .unwrap_or(MAX_DAYS)
        .max(1);
    let (days, heart_per_day) = if wanted > MAX_DAYS {
        // More heart-rate measures a day: the rest of a day stays as it is.
        let day_bytes = spec.target_bytes / MAX_DAYS.unsigned_abs();
        let scale = (day_bytes.saturating_sub(per_day - heart_bytes) * 150) / heart_bytes;
        (MAX_DAYS, scale.clamp(150, 8000))
    } else {
        (wanted, 150)
    };
    let mut out = Out {
        inner: io::BufWriter::with_capacity(1 << 20, out),
        bytes: 0,
        truth: HealthTruth::default(),
        days: std::collections::BTreeSet::new(),
    };
    out.text(HEAD)?;
    let range = FIRST_DAY..FIRST_DAY + days;
    let draw = |day| Day::draw(spec.seed, day, heart_per_day);
    for kind in TYPES {
        for day in range.clone() {
            write_type(&mut out, kind, &draw(day))?;
        }
    }
    // Workouts, then activity summaries, and the truth of the day by day measures.
    let mut steps = (0u64, 0u64, 0i64, 0u64);
    let (mut heart, mut rest) = ((0u64, u64::MAX, 0u64, 0u64), (0u64, 0u64));
    let (mut nights, mut asleep, mut beds, mut wakes) = (0u64, 0i64, Vec::new(), Vec::new());
    for day in range.clone() {
        let d = draw(day);
        let phone: u64 = d.phone.iter().map(|s| u64::from(*s)).sum();
        let watch: u64 = if d.watch {
            (0..d.phone.len())
                .map(|h| u64::from(d.watch_steps(h)))
                .sum()
        } else {
            0
        };
        let total = phone.max(watch);
        if total > 0 {
            steps.0 += 1;
            steps.1 += total;
            if total > steps.3 {
                (steps.2, steps.3) = (day, total);
            }
        }
        for (_, bpm) in &d.heart {
            let bpm = u64::from(*bpm);
            heart = (
                heart.0 + 1,
                heart.1.min(bpm),
                heart.2 + bpm,
                heart.3.max(bpm),
            );
        }
        if d.watch {
            rest = (rest.0 + 1, rest.1 + u64::from(d.resting));
        }
        if let (Some(first), Some(last)) = (d.sleep.first(), d.sleep.last()) {
            nights += 1;
            asleep += last.1 - first.0;
            beds.push((first.0 - 43_200) / 60);
            wakes.push((last.1 - 43_200) / 60);
        }
        if let Some((kind, start, seconds, metres)) = d.workout {
            out.text(&workout_line(day, kind, start, seconds, metres))?;
            let w = out.truth.workouts.entry(kind.to_owned()).or_default();
            *w = (w.0 + 1, w.1 + seconds.unsigned_abs(), w.2 + metres);
        }
    }
    for day in range.clone() {
        let d = draw(day);
        if d.watch {
            let kcal: u32 = d.energy.iter().sum::<u32>() / 10;
            let line = format!(
                " <ActivitySummary dateComponents=\"{}\" activeEnergyBurned=\"{kcal}\" activeEnergyBurnedGoal=\"500\" activeEnergyBurnedUnit=\"kcal\" appleMoveTime=\"0\" appleMoveTimeGoal=\"0\" appleExerciseTime=\"{}\" appleExerciseTimeGoal=\"30\" appleStandHours=\"{}\" appleStandHoursGoal=\"12\"/>\n",
                day_text(day),
                d.workout.map_or(5, |w| w.2 / 60),
                8 + d.resting % 6,
            );
            out.text(&line)?;
            out.truth.rings += 1;
        }
    }
    out.text("</HealthData>\n")?;
    out.inner.flush()?;
    let mut truth = out.truth;
    truth.days = out.days.len() as u64;
    truth.first = out.days.first().map(|d| day_text(*d)).unwrap_or_default();
    truth.last = out.days.last().map(|d| day_text(*d)).unwrap_or_default();
    let mean = |sum: u64, n: u64| (2 * sum + n) / (2 * n).max(1);
    truth.steps_days = steps.0;
    truth.steps_mean = mean(steps.1, steps.0);
    truth.best_day = day_text(steps.2);
    truth.best = steps.3;
    truth.heart = (
        heart.0,
        if heart.0 > 0 { heart.1 } else { 0 },
        mean(heart.2, heart.0),
        heart.3,
    );
    truth.resting = mean(rest.1, rest.0);
    let median = |list: &mut Vec<i64>| {
        list.sort_unstable();
        let m = list.get(list.len() / 2).copied().unwrap_or(0);
        u16::try_from((m + 720).rem_euclid(1440)).unwrap_or(0)
    };
    truth.sleep = (
        nights,
        mean(u64::try_from(asleep).unwrap_or(0), nights * 60),
        median(&mut beds),
        median(&mut wakes),
    );
    Ok(truth)
}
