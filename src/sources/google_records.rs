//! Google Takeout location history, legacy raw records: `Records.json`.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", until Google moved Timeline onto
//! the phone in 2024 (older archives keep it). Path: `Takeout/<Location History>/Records.json`
//! (the folder name is translated: `Historique des positions`…), so detection reads the content.
//!
//! Shape: `{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "accuracy": 20,
//! "source": "WIFI", "deviceTag": -123, "timestamp": "2022-09-21T11:52:59.995Z"}, …]}`, one record
//! per one or two minutes, 200 MB to over 1 GB for a decade: it is streamed record by record.
//!
//! Quirks: files before ~2022 write `timestampMs` (epoch milliseconds as a string) instead of
//! `timestamp`; rare overflowed coordinates need 2^32 subtracted; `source` comes in upper or lower
//! case; unknown fields (`activity`, `activeWifiScan`…) are skipped without being built.

use std::io::Read;

use serde::Deserialize;

use super::{Claim, Read as SourceRead, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::time::{format_iso, parse_iso, Millis};
use crate::model::{BoundingBox, PositionSummary, Summary};

pub struct GoogleRecords;

#[derive(Deserialize)]
struct Record {
    #[serde(rename = "latitudeE7")]
    lat: Option<i64>,
    #[serde(rename = "longitudeE7")]
    lng: Option<i64>,
    timestamp: Option<String>,
    #[serde(rename = "timestampMs")]
    timestamp_ms: Option<String>,
    source: Option<String>,
}

/// E7 integers to degrees, undoing the rare 32-bit overflow of old exports.
fn degrees(e7: i64, limit: i32) -> Option<f64> {
    let fixed = if e7 > i64::from(limit) * 10_000_000 {
        e7 - (1_i64 << 32)
    } else {
        e7
    };
    #[allow(clippy::cast_precision_loss)] // E7 values fit f64 exactly
    let value = fixed as f64 / 1e7;
    (value.abs() <= f64::from(limit)).then_some(value)
}

impl Record {
    fn time(&self) -> Option<Millis> {
        match (&self.timestamp, &self.timestamp_ms) {
            (Some(iso), _) => parse_iso(iso),
            (None, Some(ms)) => ms.trim().parse().ok(),
            (None, None) => None,
        }
    }
}

#[derive(Default)]
struct Tally {
    summary: PositionSummary,
    first: Option<Millis>,
    last: Option<Millis>,
}

impl Tally {
    fn add(&mut self, record: &Record) {
        let position = record
            .lat
            .and_then(|lat| degrees(lat, 90))
            .zip(record.lng.and_then(|lng| degrees(lng, 180)));
        let (Some((lat, lng)), Some(time)) = (position, record.time()) else {
            self.summary.skipped += 1;
            return;
        };
        let s = &mut self.summary;
        s.count += 1;
        match s.bbox.as_mut() {
            Some(bbox) => bbox.include(lat, lng),
            None => s.bbox = Some(BoundingBox::around(lat, lng)),
        }
        self.first = Some(self.first.map_or(time, |f| f.min(time)));
        self.last = Some(self.last.map_or(time, |l| l.max(time)));
        let source = record
            .source
            .as_deref()
            .unwrap_or("UNKNOWN")
            .to_ascii_uppercase();
        *s.sources.entry(source).or_default() += 1;
    }

    fn finish(mut self) -> PositionSummary {
        self.summary.first = self.first.map(format_iso);
        self.summary.last = self.last.map(format_iso);
        self.summary
    }
}

impl Source for GoogleRecords {
    fn id(&self) -> &'static str {
        "google.records"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google, historique des positions (Records.json)",
            Lang::En => "Google Location History (Records.json)",
        }
    }

    fn guide(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => {
                "Sur takeout.google.com, cliquez « Tout désélectionner », cochez « Historique des \
                 positions (Timeline) » et gardez le format JSON. L'archive arrive par e-mail, en \
                 quelques heures à quelques jours. Depuis 2024, Google garde l'historique sur le \
                 téléphone\u{a0}: si votre archive ne contient pas Records.json, exportez-le depuis \
                 les paramètres de localisation du téléphone (Timeline, « Exporter »)."
            }
            Lang::En => {
                "On takeout.google.com, click \"Deselect all\", tick \"Location History \
                 (Timeline)\" and keep the JSON format. The archive arrives by e-mail, within hours \
                 to days. Since 2024 Google keeps the history on the phone: if your archive has no \
                 Records.json, export it from the phone's location settings (Timeline, \"Export\")."
            }
        }
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        let fields = has(b"\"latitudeE7\"") || has(b"\"timestampMs\"");
        (has(b"\"locations\"") && fields && !has(b"\"timelineObjects\"")).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read) -> SourceRead {
        let mut tally = Tally::default();
        let result = for_each_element::<Record>(reader, &["locations"], &mut |r| tally.add(&r));
        let error = match result {
            Ok(_) => None,
            Err(JsonError::Truncated) => Some(ErrorKind::Truncated),
            Err(JsonError::Syntax { .. } | JsonError::TooLarge) => Some(ErrorKind::Malformed),
            Err(JsonError::Io) => Some(ErrorKind::Unreadable),
        };
        SourceRead {
            summary: Some(Summary::Positions(tally.finish())),
            error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summarise(json: &str) -> (PositionSummary, Option<ErrorKind>) {
        let out = GoogleRecords.read(&mut json.as_bytes());
        let Some(Summary::Positions(s)) = out.summary else {
            panic!("no summary")
        };
        (s, out.error)
    }

    #[test]
    fn both_timestamp_forms_sources_and_the_overflow_quirk() {
        let (s, error) = summarise(
            r#"{"locations": [
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "source": "WIFI", "timestamp": "2022-09-21T11:52:59.995Z"},
              {"latitudeE7": 4294967295, "longitudeE7": -1000000, "source": "gps", "timestampMs": "1500000000000", "activity": [{"x": 1}]},
              {"latitudeE7": 10, "timestamp": "2022-01-01T00:00:00Z"},
              {"latitudeE7": 451000000, "longitudeE7": 51000000, "timestamp": "not a time"}
            ]}"#,
        );
        assert_eq!(error, None);
        assert_eq!(s.count, 2);
        assert_eq!(s.skipped, 2);
        assert_eq!(s.first.as_deref(), Some("2017-07-14T02:40:00.000Z"));
        assert_eq!(s.last.as_deref(), Some("2022-09-21T11:52:59.995Z"));
        let bbox = s.bbox.unwrap();
        assert!((bbox.south - -0.000_000_1).abs() < 1e-9, "{bbox:?}");
        assert!(
            (bbox.north - 48.5).abs() < 1e-9
                && (bbox.west - -0.1).abs() < 1e-9
                && (bbox.east - 2.3).abs() < 1e-9
        );
        assert_eq!(s.sources.get("WIFI"), Some(&1));
        assert_eq!(s.sources.get("GPS"), Some(&1));
    }

    #[test]
    fn a_cut_off_file_keeps_what_was_read_and_says_so() {
        let (s, error) = summarise(
            r#"{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}, {"latitudeE7": 48"#,
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(s.count, 1);
        let (_, error) = summarise(r#"{"locations": "nope"}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn a_record_too_large_to_be_one_is_malformed_after_the_ones_before_it() {
        let (s, error) = summarise(&format!(
            r#"{{"locations": [{{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}}, {{"source": "{}"}}]}}"#,
            "W".repeat(crate::ingest::json::MAX_ELEMENT)
        ));
        assert_eq!((s.count, error), (1, Some(ErrorKind::Malformed)));
    }

    #[test]
    fn detection_is_by_content_not_by_name() {
        let head = br#"{
  "locations": [{
    "latitudeE7": 1"#;
        assert!(GoogleRecords
            .detect("Takeout/Historique des positions/Records.json", head)
            .is_some());
        assert!(GoogleRecords.detect("anything.json", head).is_some());
        assert!(GoogleRecords.detect("Records.json", br#"{"timelineObjects": [{"placeVisit": {"location": {"latitudeE7": 1}}}], "locations": 1}"#).is_none());
        assert!(GoogleRecords.detect("Records.json", b"[]").is_none());
    }
}
