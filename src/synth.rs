//! Synthetic inputs for tests and benchmarks, with their ground truth.
//!
//! A seeded, streaming generator of a Takeout-style `Records.json`: a simulated resident of La
//! Rochelle with a few anchor places (home, work, others), trips between them sampled every minute,
//! sparse fixes while still, and the field mix of real files (always `latitudeE7`, `longitudeE7`,
//! `accuracy`, `source`, `deviceTag`, time; half the records with velocity, heading and altitude;
//! a quarter with `activity` lists; a few with large `activeWifiScan` objects). The ground truth is
//! computed while writing, as the [`PositionSummary`] the reader must find. Nothing here is ever a
//! real person's data, and nothing is committed: inputs are generated when needed.

pub mod demo;
pub mod health;
pub mod meta;
pub mod person;
pub mod takeout;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::model::time::{format_iso, Millis};
use crate::model::{BoundingBox, PositionSummary};

/// A small, fast, deterministic generator (`SplitMix64`).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // 53 random bits
        let v = (self.next_u64() >> 11) as f64 / (1_u64 << 53) as f64;
        v
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct RecordsSpec {
    pub seed: u64,
    /// Stop after the first record that reaches this many bytes.
    pub target_bytes: u64,
    /// Write `timestampMs` (epoch ms as a string) as pre-2022 files do, instead of `timestamp`.
    pub legacy_ms: bool,
}

const SOURCES: [&str; 3] = ["WIFI", "GPS", "CELL"];
const ACTIVITIES: [&str; 5] = ["STILL", "WALKING", "ON_BICYCLE", "IN_VEHICLE", "ON_FOOT"];

struct Counter<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes a `Records.json` and returns its ground truth.
pub fn write_records(spec: RecordsSpec, out: impl Write) -> io::Result<PositionSummary> {
    let mut rng = Rng::new(spec.seed);
    let mut out = Counter {
        inner: out,
        bytes: 0,
    };
    // Anchors around La Rochelle (46.16 N, 1.15 W): home, work, and two others, in E7.
    let anchors: Vec<(i64, i64)> = (0..4)
        .map(|_| {
            let lat = 461_600_000 + i64::try_from(rng.below(400_000)).unwrap_or(0) - 200_000;
            let lng = -11_500_000 + i64::try_from(rng.below(600_000)).unwrap_or(0) - 300_000;
            (lat, lng)
        })
        .collect();
    let mut truth = PositionSummary::default();
    let mut sources: BTreeMap<String, u64> = BTreeMap::new();
    let mut bbox: Option<BoundingBox> = None;
    let mut time: Millis = 1_577_836_800_000 + i64::try_from(rng.below(86_400_000)).unwrap_or(0); // 2020
    let mut first: Option<Millis> = None;
    let mut days = std::collections::BTreeSet::new();
    let mut gaps = (0_i64, 0_i64);
    let mut last_time: Option<Millis> = None;
    let (mut lat, mut lng) = anchors
        .first()
        .copied()
        .unwrap_or((461_600_000, -11_500_000));
    let mut target = 1;
    let mut moving = 0u32;
    out.write_all(b"{\n  \"locations\": [")?;
    let mut n: u64 = 0;
    while out.bytes < spec.target_bytes || n == 0 {
        // Move: either heading to the target anchor (1-min fixes) or still (10–30 min apart).
        if moving == 0 && rng.below(10) < 3 {
            target = usize::try_from(rng.below(anchors.len() as u64)).unwrap_or(0);
            moving = 10 + u32::try_from(rng.below(40)).unwrap_or(0);
        }
        let (tlat, tlng) = anchors.get(target).copied().unwrap_or((lat, lng));
        if moving > 0 {
            lat +=
                (tlat - lat) / i64::from(moving) + i64::try_from(rng.below(200)).unwrap_or(0) - 100;
            lng +=
                (tlng - lng) / i64::from(moving) + i64::try_from(rng.below(200)).unwrap_or(0) - 100;
            moving -= 1;
            time += 60_000 + i64::try_from(rng.below(5_000)).unwrap_or(0);
        } else {
            lat = tlat + i64::try_from(rng.below(300)).unwrap_or(0) - 150;
            lng = tlng + i64::try_from(rng.below(300)).unwrap_or(0) - 150;
            time += 600_000 + i64::try_from(rng.below(1_200_000)).unwrap_or(0);
        }
        let source = SOURCES
            .get(usize::try_from(rng.below(3)).unwrap_or(0))
            .copied()
            .unwrap_or("WIFI");
        if n > 0 {
            out.write_all(b",")?;
        }
        let (activity, tag) =
            write_record(&mut out, &mut rng, (lat, lng, time), source, spec.legacy_ms)?;
        n += 1;
        if let Some(activity) = activity {
            *truth
                .activity_guesses
                .entry(activity.to_owned())
                .or_default() += 1;
        }
        let tag = tag.to_string();
        match truth.devices.iter_mut().find(|d| d.tag == tag) {
            Some(device) => device.positions += 1,
            None => truth.devices.push(crate::model::location::Device {
                tag,
                positions: 1,
                ..Default::default()
            }),
        }
        if let Some(previous) = last_time.replace(time) {
            if time - previous <= crate::analysis::location::MAX_GAP {
                gaps = (gaps.0 + time - previous, gaps.1 + 1);
            }
        }
        days.insert(time.div_euclid(86_400_000));
        first.get_or_insert(time);
        *sources.entry(source.to_owned()).or_default() += 1;
        #[allow(clippy::cast_precision_loss)] // E7 values fit f64 exactly
        let (la, lo) = (lat as f64 / 1e7, lng as f64 / 1e7);
        match bbox.as_mut() {
            Some(b) => b.include(la, lo),
            None => bbox = Some(BoundingBox::around(la, lo)),
        }
    }
    out.write_all(b"]\n}\n")?;
    out.flush()?;
    truth.count = n;
    truth.first = first.map(format_iso);
    truth.last = Some(format_iso(time));
    truth.bbox = bbox;
    truth.sources = sources;
    truth.days = days.len() as u64;
    truth.days_seen = crate::model::time::DayRuns::from_sorted(days.iter().copied());
    truth
        .devices
        .sort_by_key(|d| std::cmp::Reverse(d.positions));
    truth.interval_s = crate::analysis::location::mean_interval_s(gaps.0, gaps.1);
    Ok(truth)
}

/// One record, with the field mix of real files. Returns its activity guess, if any, and its
/// device tag.
fn write_record(
    out: &mut impl Write,
    rng: &mut Rng,
    (lat, lng, time): (i64, i64, Millis),
    source: &str,
    legacy_ms: bool,
) -> io::Result<(Option<&'static str>, i64)> {
    let mut guess = None;
    write!(
        out,
        "{{\n    \"latitudeE7\": {lat},\n    \"longitudeE7\": {lng},\n    \"accuracy\": {},",
        5 + rng.below(60)
    )?;
    if rng.below(2) == 0 {
        write!(
            out,
            "\n    \"velocity\": {},\n    \"heading\": {},\n    \"altitude\": {},\n    \"verticalAccuracy\": {},",
            rng.below(30),
            rng.below(360),
            rng.below(80),
            rng.below(20)
        )?;
    }
    if rng.below(4) == 0 {
        let activity = ACTIVITIES
            .get(usize::try_from(rng.below(5)).unwrap_or(0))
            .copied()
            .unwrap_or("STILL");
        write!(
            out,
            "\n    \"activity\": [{{\n      \"activity\": [{{\n        \"type\": \"{activity}\",\n        \"confidence\": {}\n      }}],\n      \"timestamp\": \"{}\"\n    }}],",
            rng.below(100),
            format_iso(time - 1000)
        )?;
        guess = Some(activity);
    }
    if rng.below(50) == 0 {
        out.write_all(b"\n    \"activeWifiScan\": {\n      \"accessPoints\": [")?;
        for i in 0..12 {
            if i > 0 {
                out.write_all(b",")?;
            }
            write!(out, "{{\n        \"mac\": \"{}\",\n        \"strength\": -{},\n        \"frequencyMhz\": 2437\n      }}", rng.next_u64() >> 16, 40 + rng.below(50))?;
        }
        out.write_all(b"]\n    },")?;
    }
    let tag = -1_234_567_890_i64 + i64::try_from(rng.below(3)).unwrap_or(0);
    write!(
        out,
        "\n    \"source\": \"{source}\",\n    \"deviceTag\": {tag},"
    )?;
    if legacy_ms {
        write!(out, "\n    \"timestampMs\": \"{time}\"\n  }}")?;
    } else {
        write!(out, "\n    \"timestamp\": \"{}\"\n  }}", format_iso(time))?;
    }
    Ok((guess, tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Summary;
    use crate::sources::GoogleRecords;

    fn generate(spec: RecordsSpec) -> (Vec<u8>, PositionSummary) {
        let mut bytes = Vec::new();
        let truth = write_records(spec, &mut bytes).unwrap();
        (bytes, truth)
    }

    #[test]
    fn the_reader_finds_exactly_the_ground_truth_in_both_timestamp_forms() {
        for legacy_ms in [false, true] {
            let (bytes, truth) = generate(RecordsSpec {
                seed: 7,
                target_bytes: 300_000,
                legacy_ms,
            });
            assert!(bytes.len() >= 300_000 && bytes.len() < 310_000);
            assert!(truth.count > 500, "{}", truth.count);
            let (summary, error) = crate::analysis::read_source(&GoogleRecords, &mut &bytes[..]);
            assert_eq!(error, None);
            let Summary::Positions(read) = summary else {
                panic!("a location file")
            };
            assert_eq!(read.counts(), truth);
        }
    }

    #[test]
    fn generated_records_have_the_shape_of_the_real_sample() {
        use crate::ingest::structure::json_structure;
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/google/Records.json");
        let real = json_structure(std::fs::File::open(sample).unwrap()).unwrap();
        let (bytes, _) = generate(RecordsSpec {
            seed: 3,
            target_bytes: 200_000,
            legacy_ms: false,
        });
        let ours = json_structure(&bytes[..]).unwrap();
        // Every path of the real file is generated, with the same types; the generator adds the
        // fields of fuller exports (velocity, activity, activeWifiScan…).
        for (path, stats) in &real.paths {
            let generated = ours
                .paths
                .get(path)
                .unwrap_or_else(|| panic!("{path} is never generated"));
            assert_eq!(generated.types, stats.types, "{path}");
        }
        for extra in [
            "$.locations[].activity[].activity[].type",
            "$.locations[].activeWifiScan.accessPoints[].mac",
            "$.locations[].velocity",
        ] {
            assert!(ours.paths.contains_key(extra), "{extra}");
        }
    }

    #[test]
    fn generation_is_deterministic_per_seed_and_valid_json() {
        let spec = RecordsSpec {
            seed: 42,
            target_bytes: 50_000,
            legacy_ms: false,
        };
        let (a, _) = generate(spec);
        let (b, _) = generate(spec);
        let (c, _) = generate(RecordsSpec { seed: 43, ..spec });
        assert_eq!(a, b);
        assert_ne!(a, c);
        let value: serde_json::Value = serde_json::from_slice(&a).unwrap();
        let first = &value["locations"][0];
        for key in [
            "latitudeE7",
            "longitudeE7",
            "accuracy",
            "source",
            "deviceTag",
            "timestamp",
        ] {
            assert!(!first[key].is_null(), "{key} missing");
        }
        // Takeout's layout: pretty-printed with two spaces.
        assert!(a.starts_with(b"{\n  \"locations\": [{\n    \"latitudeE7\": "));
    }
}
