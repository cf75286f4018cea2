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

use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::for_each_element;
use crate::model::location::{Fix, LatLng, LocationSink};
use crate::model::time::{parse_iso, Millis};

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

impl Record {
    fn time(&self) -> Option<Millis> {
        match (&self.timestamp, &self.timestamp_ms) {
            (Some(iso), _) => parse_iso(iso),
            (None, Some(ms)) => ms.trim().parse().ok(),
            (None, None) => None,
        }
    }

    fn hand_over(&self, out: &mut dyn LocationSink) {
        let at = self
            .lat
            .zip(self.lng)
            .and_then(|(lat, lng)| LatLng::from_e7(lat, lng));
        if let (Some(at), Some(time)) = (at, self.time()) {
            out.fix(Fix { time, at }, self.source.as_deref().unwrap_or(""));
        } else {
            out.skipped();
        }
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

    fn read(&self, reader: &mut dyn Read, out: &mut dyn LocationSink) -> Option<ErrorKind> {
        let result = for_each_element::<Record>(reader, &["locations"], &mut |r| r.hand_over(out));
        match result {
            Ok(_) => None,
            Err(e) => Some(e.kind()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::collect;

    #[test]
    fn both_timestamp_forms_sources_and_the_overflow_quirk() {
        let (out, error) = collect(
            &GoogleRecords,
            br#"{"locations": [
              {"latitudeE7": 485000000, "longitudeE7": 23000000, "source": "WIFI", "timestamp": "2022-09-21T11:52:59.995Z"},
              {"latitudeE7": 4294967295, "longitudeE7": -1000000, "source": "gps", "timestampMs": "1500000000000", "activity": [{"x": 1}]},
              {"latitudeE7": 10, "timestamp": "2022-01-01T00:00:00Z"},
              {"latitudeE7": 451000000, "longitudeE7": 51000000, "timestamp": "not a time"}
            ]}"#,
        );
        assert_eq!(error, None);
        assert_eq!(out.skipped, 2);
        let fixes: Vec<(i64, i32, i32, &str)> = out
            .fixes
            .iter()
            .map(|(f, s)| (f.time, f.at.lat_e7, f.at.lng_e7, s.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [
                (1_663_761_179_995, 485_000_000, 23_000_000, "WIFI"),
                (1_500_000_000_000, -1, -1_000_000, "gps"),
            ]
        );
    }

    #[test]
    fn a_cut_off_file_keeps_what_was_read_and_says_so() {
        let (out, error) = collect(
            &GoogleRecords,
            br#"{"locations": [{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}, {"latitudeE7": 48"#,
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.fixes.len(), 1);
        let (_, error) = collect(&GoogleRecords, br#"{"locations": "nope"}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn a_record_too_large_to_be_one_is_refused_after_the_ones_before_it() {
        let (out, error) = collect(&GoogleRecords, format!(
            r#"{{"locations": [{{"latitudeE7": 485000000, "longitudeE7": 23000000, "timestamp": "2022-09-21T11:52:59Z"}}, {{"source": "{}"}}]}}"#,
            "W".repeat(crate::ingest::json::MAX_ELEMENT)
        ).as_bytes());
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::TooLarge)));
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
