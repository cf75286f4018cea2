//! Google Takeout location history settings, legacy: `Settings.json`.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", beside `Records.json` in
//! `Takeout/<Location History>/` (the folder name is translated); archives made after the 2024
//! move of Timeline onto the phone keep it too, beside `Encrypted Backups.txt`.
//!
//! Shape: one small object, `{"createdTime": "2014-03-02T09:11:40.312Z", "modifiedTime": …,
//! "historyEnabled": true, "deviceSettings": [{"deviceTag": -1234567890, "reportingEnabled": true,
//! "legalCountryCode": "fr", "devicePrettyName": "Pixel 7", "platformType": "ANDROID",
//! "deviceCreationTime": "2023-01-12T…Z", "latestLocationReportingSettingChange":
//! {"reportingEnabledModificationTime": …}, "androidOsLevel": 34, "deviceSpec": {"manufacturer":
//! "Google", "brand": "google", "product": "panther", "device": "panther", "model": "Pixel 7",
//! "isLowRam": false}}, …], "latestLocationHistorySettingChange": {…}, "retentionWindowDays": 540,
//! "hasReportedLocations": true, "hasSetRetention": true}`. It holds no position: each device is
//! handed over (its tag joins the `deviceTag` of Records.json), then the history's settings (on or
//! off, auto-delete window, creation time), including when the file is cut off.
//!
//! Quirks: tags are integers that may be negative and exceed 2^53 (kept as written); iOS devices
//! write `iosVersion` and a thinner `deviceSpec`; any key may be missing. Detection reads the
//! content (`deviceSettings` with the history's own keys), the file name only backing weaker
//! evidence. No real sample was available: the fixture in `tests/fixtures/google.settings/` was
//! written from the documented key paths.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::gpx::contains;
use super::loose::document_outcome;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, Each};
use crate::model::location::{Device, HistorySettings, LocationSink};
use crate::model::time::{format_iso, parse_iso};

pub struct GoogleSettings;

/// Top-level keys only this file has.
const KEYS: [&str; 4] = [
    "deviceSettings",
    "historyEnabled",
    "retentionWindowDays",
    "hasSetRetention",
];

/// A text value, trimmed, if not empty.
fn text(value: Option<&Value>) -> Option<String> {
    let text = value?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An ISO 8601 time, written back in UTC.
fn time(value: Option<&Value>) -> Option<String> {
    parse_iso(value?.as_str()?).map(format_iso)
}

/// An integer, written as a number or as a string.
fn integer(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A boolean, written as one or as `"true"` / `"false"`.
fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// One entry of `deviceSettings`.
fn device(entry: &Value) -> Option<Device> {
    let fields = entry.as_object()?;
    let tag = match fields.get("deviceTag")? {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return None,
    };
    let spec = fields.get("deviceSpec");
    Some(Device {
        tag,
        name: text(fields.get("devicePrettyName")),
        platform: text(fields.get("platformType")).map(|p| p.to_ascii_uppercase()),
        form_factor: text(fields.get("formFactor")).map(|p| p.to_ascii_uppercase()),
        manufacturer: text(spec.and_then(|s| s.get("manufacturer"))),
        model: text(spec.and_then(|s| s.get("model"))),
        since: time(fields.get("deviceCreationTime")),
        reporting: flag(fields.get("reportingEnabled")),
        positions: 0,
    })
}

/// The whole file: its keys one after the other, the devices streamed.
struct Document<'a> {
    out: &'a mut dyn LocationSink,
    settings: &'a mut HistorySettings,
    /// One of the file's own keys was seen.
    known: &'a mut bool,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Google's location history settings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Document {
            out,
            settings,
            known,
        } = self;
        while let Some(key) = map.next_key::<String>()? {
            *known |= KEYS.contains(&key.as_str());
            match key.as_str() {
                "deviceSettings" => map.next_value_seed(Each {
                    each: &mut |entry: Value| {
                        if let Some(d) = device(&entry) {
                            out.device(&d);
                        }
                    },
                    nullable: true,
                })?,
                "historyEnabled" => settings.enabled = flag(Some(&map.next_value()?)),
                "retentionWindowDays" => {
                    settings.retention_days =
                        integer(Some(&map.next_value()?)).and_then(|d| u64::try_from(d).ok());
                }
                "createdTime" => settings.created = time(Some(&map.next_value()?)),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl Source for GoogleSettings {
    fn id(&self) -> &'static str {
        "google.settings"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google, réglages de l'historique des positions (Settings.json)",
            Lang::En => "Google Location History settings (Settings.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let head = crate::ingest::text::without_bom(head);
        if head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return None;
        }
        let has = |key: &str| contains(head, format!("\"{key}\"").as_bytes());
        let own = KEYS.iter().filter(|k| has(k)).count();
        let devices = has("deviceSettings") && (has("deviceTag") || has("createdTime"));
        let named = path
            .rsplit(['/', '\\'])
            .next()
            .is_some_and(|name| name.eq_ignore_ascii_case("settings.json"));
        let confidence = if devices || own >= 2 {
            90
        } else if named && own == 1 {
            60
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let (mut settings, mut known) = (HistorySettings::default(), false);
        let result = visit_object(
            reader,
            Document {
                out: &mut *out,
                settings: &mut settings,
                known: &mut known,
            },
        );
        // What was read before a cut is handed over too.
        if settings != HistorySettings::default() {
            out.history_settings(&settings);
        }
        document_outcome(result, known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    /// A device as compared: tag, name, platform, day added, reporting, model.
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<bool>,
        Option<&'a str>,
    );

    // No real Settings.json sample exists: tests/fixtures/google.settings/Settings.json was
    // written by hand from formats.md section 1.1.
    fn settings() -> Vec<u8> {
        fixture("google.settings", "Settings.json")
    }

    #[test]
    fn devices_and_settings_are_read_as_written() {
        let (out, error) = collect(&GoogleSettings, &settings());
        assert_eq!(error, None);
        assert!(out.fixes.is_empty() && out.visits.is_empty());
        // python3 -c "import json; d=json.load(open('tests/fixtures/google.settings/Settings.json'));
        // print([(x['deviceTag'], x['devicePrettyName'], x['platformType'],
        // x['deviceCreationTime'][:10], x['reportingEnabled'], x['deviceSpec'].get('model'))
        // for x in d['deviceSettings']])"
        let devices: Vec<Row> = out
            .devices
            .iter()
            .map(|d| {
                (
                    d.tag.as_str(),
                    d.name.as_deref().unwrap_or(""),
                    d.platform.as_deref().unwrap_or(""),
                    d.since.as_deref().and_then(|s| s.get(..10)).unwrap_or(""),
                    d.reporting,
                    d.model.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            devices,
            [
                (
                    "-1234567890",
                    "Pixel 7",
                    "ANDROID",
                    "2023-01-12",
                    Some(true),
                    Some("Pixel 7")
                ),
                (
                    "1184882232",
                    "Galaxy S9",
                    "ANDROID",
                    "2018-06-03",
                    Some(false),
                    Some("SM-G960F")
                ),
                // Past 2^53: kept to the last digit.
                (
                    "7305519402217395201",
                    "iPad",
                    "IOS",
                    "2020-05-01",
                    Some(false),
                    None
                ),
            ]
        );
        // python3 -c "import json; d=json.load(open('tests/fixtures/google.settings/Settings.json'));
        // print(d['historyEnabled'], d['retentionWindowDays'], d['createdTime'])"
        assert_eq!(
            out.settings,
            [HistorySettings {
                enabled: Some(true),
                retention_days: Some(540),
                created: Some("2014-03-02T09:11:40.312Z".to_owned()),
            }]
        );
    }

    #[test]
    fn a_cut_off_file_hands_over_what_came_before() {
        let bytes = settings();
        // Cut inside the second device: the first and the settings before the list are kept.
        let cut = bytes.windows(9).position(|w| w == b"Galaxy S9").unwrap();
        let (out, error) = collect(&GoogleSettings, &bytes[..cut]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.devices.len(), 1);
        assert_eq!(out.settings.len(), 1);
        assert_eq!(out.settings[0].enabled, Some(true));
        assert_eq!(out.settings[0].retention_days, None);
    }

    #[test]
    fn variants_missing_keys_and_strings() {
        let (out, error) = collect(
            &GoogleSettings,
            "\u{feff}{\"historyEnabled\": \"false\", \"deviceSettings\": [{\"deviceTag\": \"42\"}, \
             {\"devicePrettyName\": \"no tag\"}, 7], \"retentionWindowDays\": \"90\"}"
                .as_bytes(),
        );
        assert_eq!(error, None);
        assert_eq!(out.devices.len(), 1);
        assert_eq!(out.devices[0].tag, "42");
        assert_eq!(out.devices[0].name, None);
        assert_eq!(out.settings[0].enabled, Some(false));
        assert_eq!(out.settings[0].retention_days, Some(90));
        let (_, error) = collect(&GoogleSettings, br#"{"deviceSettings": null}"#);
        assert_eq!(error, None);
        let (_, error) = collect(&GoogleSettings, br#"{"other": 1}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&GoogleSettings, br#"{"deviceSettings": [{"deviceTag": 1}"#);
        assert_eq!(error, Some(ErrorKind::Truncated));
    }

    #[test]
    fn detection_is_by_content_the_name_only_backing_it() {
        let head = settings();
        let head = head.get(..crate::ingest::HEAD_LEN.min(head.len())).unwrap();
        let claim =
            |path: &str, head: &[u8]| GoogleSettings.detect(path, head).map(|c| c.confidence);
        assert_eq!(
            claim("Takeout/Historique des positions/Settings.json", head),
            Some(90)
        );
        assert_eq!(claim("anything.json", head), Some(90));
        assert_eq!(
            claim("Settings.json", br#"{"historyEnabled": true}"#),
            Some(60)
        );
        assert_eq!(claim("prefs.json", br#"{"historyEnabled": true}"#), None);
        assert_eq!(claim("Settings.json", br#"{"theme": "dark"}"#), None);
        assert_eq!(
            claim("Settings.json", br#"["deviceSettings", "deviceTag"]"#),
            None
        );
        // Records.json is not taken for its settings.
        let records = br#"{"locations": [{"latitudeE7": 1, "deviceTag": 5}]}"#;
        assert_eq!(claim("Records.json", records), None);
    }

    #[test]
    fn the_fixture_has_the_documented_key_paths() {
        use crate::ingest::structure::json_structure;
        let ours = json_structure(&settings()[..]).unwrap();
        for path in [
            "$.createdTime",
            "$.historyEnabled",
            "$.retentionWindowDays",
            "$.deviceSettings[].deviceTag",
            "$.deviceSettings[].devicePrettyName",
            "$.deviceSettings[].platformType",
            "$.deviceSettings[].deviceCreationTime",
            "$.deviceSettings[].reportingEnabled",
            "$.deviceSettings[].deviceSpec.manufacturer",
            "$.deviceSettings[].deviceSpec.model",
            "$.deviceSettings[].latestLocationReportingSettingChange.reportingEnabledModificationTime",
        ] {
            assert!(ours.paths.contains_key(path), "{path}");
        }
    }
}
