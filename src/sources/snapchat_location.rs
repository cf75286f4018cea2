//! Snapchat's location history: `json/location_history.json` in the "My Data" archive.
//!
//! Where from: accounts.snapchat.com, "My Data": a `mydata~<epoch>.zip` (split in parts for big
//! accounts) with `json/` and/or `html/` folders. Detection reads the content: a JSON object with
//! Snapchat's location keys.
//!
//! Shape (the keys changed over the years): `"Location History"` holds the positions, until
//! 2021/22 as objects `{"Time": "2021/09/02 20:37:47 UTC", "Latitude, Longitude": "37.332 ± 39.66
//! meters, -121.884 ± 39.66 meters"}`, from 2024 as pairs `["2024-09-09 00:40:41 UTC", "32.191,
//! -110.792"]` (with or without `± … meters`); each is a fix. `"Home & Work"` (≤2022,
//! `{"Home", "Work"}`) or `"Home, School & Work"` (2023+, `{"inferredHome", "inferredWork"…}`) hold
//! the places Snapchat inferred, as `"lat 34.206 ± 19.47 meters, long -118.432 ± 19.47 meters"`:
//! handed over as service places. `"Frequent Locations"` and `"Latest Location"` give only a
//! city; `"Daily Top Locations"` (the date in the key) and the "places you may have visited" lists
//! are summaries, not positions: they are skipped without being built. 0.1 to 5 MB.
//!
//! Quirks: the accuracy radius (metres) is dropped, as a fix has no room for it; a separate
//! `Latitude` and `Longitude` (numbers or strings) are accepted too; times are UTC, written with
//! `-` or `/` in the date. No real sample was available: the fixtures in
//! `tests/fixtures/snapchat.location/` were generated from the documented key paths.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::gpx::contains;
use super::loose::document_outcome;
use super::snapchat::parse_millis as parse_time;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, Each};
use crate::model::location::{Fix, LatLng, LocationSink, PlaceLabel, ServicePlace};

pub struct SnapchatLocation;

/// Keys only Snapchat's location file has.
const SNAPCHAT_KEYS: [&str; 9] = [
    "Frequent Locations",
    "Latest Location",
    "Home & Work",
    "Home, School & Work",
    "Daily Top Locations",
    "Top Locations Per Six-Day Period",
    "Areas you may have visited in the last two years",
    "Businesses and public places you may have visited",
    "Businesses and places you may have visited",
];

const HISTORY: &str = "Location History";

/// The first number in a piece of text: `lat 34.206 ± 19.47 meters` → 34.206.
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit() || c == '-' || c == '.')?;
    let rest = text.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '.'))
        .unwrap_or(rest.len());
    rest.get(..end)?.parse().ok()
}

/// `"37.332 ± 39.66 meters, -121.884 ± 39.66 meters"`, `"32.191, -110.792"`,
/// `"lat 34.206 ± 19.47 meters, long -118.432 ± 19.47 meters"`.
fn parse_position(text: &str) -> Option<LatLng> {
    let (lat, lng) = text.split_once(',')?;
    LatLng::from_degrees(first_number(lat)?, first_number(lng)?)
}

/// A number or a string holding one.
fn degrees(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => first_number(s),
        _ => None,
    }
}

/// One entry of `"Location History"`, in either shape.
fn hand_over(entry: &Value, out: &mut dyn LocationSink) {
    let (time, at) = match entry {
        Value::Array(pair) => (
            pair.first().and_then(Value::as_str).and_then(parse_time),
            pair.get(1).and_then(Value::as_str).and_then(parse_position),
        ),
        Value::Object(fields) => {
            let at = fields
                .get("Latitude, Longitude")
                .and_then(Value::as_str)
                .and_then(parse_position)
                .or_else(|| {
                    let lat = degrees(fields.get("Latitude"))?;
                    LatLng::from_degrees(lat, degrees(fields.get("Longitude"))?)
                });
            let time = fields
                .get("Time")
                .and_then(Value::as_str)
                .and_then(parse_time);
            (time, at)
        }
        _ => (None, None),
    };
    match (time, at) {
        (Some(time), Some(at)) => out.fix(Fix { time, at }, ""),
        _ => out.skipped(),
    }
}

/// `{"Home": "lat … ± … meters, long …", "Work": …}` or `{"inferredHome": …}`: Snapchat's guesses.
fn hand_over_places(places: &Value, out: &mut dyn LocationSink) {
    let Value::Object(places) = places else {
        return;
    };
    for (name, value) in places {
        let name = name.to_ascii_lowercase();
        let label = if name.contains("home") {
            PlaceLabel::InferredHome
        } else if name.contains("work") {
            PlaceLabel::InferredWork
        } else {
            PlaceLabel::Other
        };
        let at = value.as_str().and_then(parse_position);
        if at.is_some() {
            out.service_place(&ServicePlace {
                label,
                at,
                place_id: None,
            });
        }
    }
}

/// The whole file: a few keys, streamed one after the other.
struct Document<'a> {
    out: &'a mut dyn LocationSink,
    /// A Snapchat key was seen.
    known: &'a mut bool,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Snapchat's location history object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Document { out, known } = self;
        while let Some(key) = map.next_key::<String>()? {
            if key == HISTORY {
                *known = true;
                map.next_value_seed(Each {
                    each: &mut |entry: Value| hand_over(&entry, &mut *out),
                    nullable: false,
                })?;
            } else if key == "Home & Work" || key == "Home, School & Work" {
                *known = true;
                hand_over_places(&map.next_value::<Value>()?, out);
            } else {
                *known |= SNAPCHAT_KEYS.contains(&key.as_str());
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl Source for SnapchatLocation {
    fn id(&self) -> &'static str {
        "snapchat.location"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Snapchat, historique des positions",
            Lang::En => "Snapchat location history",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SNAPCHAT
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let head = crate::ingest::text::without_bom(head);
        let object = head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let has = |needle: &str| contains(head, needle.as_bytes());
        let key = |name: &str| has(&format!("\"{name}\""));
        let snapchat_key = SNAPCHAT_KEYS.iter().any(|k| key(k));
        let history = key(HISTORY) && (has(" UTC\"") || has("\"Latitude, Longitude\""));
        (object && (snapchat_key || history)).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut known = false;
        let result = visit_object(
            reader,
            Document {
                out,
                known: &mut known,
            },
        );
        document_outcome(result, known)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::structure::json_structure;
    use crate::sources::collect;

    // No real Snapchat sample exists: these fixtures were generated by
    // tests/fixtures/snapchat.location/generate.py from formats.md section 4.
    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snapchat.location")
            .join(name);
        std::fs::read(path).unwrap()
    }

    #[test]
    fn the_fixtures_have_the_documented_key_paths() {
        // formats.md section 4: the keys of each era, the two shapes of "Location History", and
        // the date inside the keys of "Daily Top Locations".
        let old = json_structure(&fixture("location_history_2021.json")[..]).unwrap();
        for path in [
            "$.Frequent Locations[].City",
            "$.Frequent Locations[].Country",
            "$.Frequent Locations[].Region",
            "$.Latest Location[].City",
            "$.Home & Work.Home",
            "$.Home & Work.Work",
            "$.Daily Top Locations[][].Date: 2021-09-02 UTC",
            "$.Location History[].Time",
            "$.Location History[].Latitude, Longitude",
            "$.Businesses and public places you may have visited",
            "$.Areas you may have visited in the last two years[].Postal Code",
        ] {
            assert!(old.paths.contains_key(path), "{path}");
        }
        assert!(old.paths["$.Location History[].Time"].types.string);
        let new = json_structure(&fixture("location_history_2024.json")[..]).unwrap();
        for path in [
            "$.Home, School & Work.inferredHome",
            "$.Home, School & Work.inferredWork",
            "$.Daily Top Locations[][].Date: 2024-09-09 UTC",
            "$.Businesses and places you may have visited",
        ] {
            assert!(new.paths.contains_key(path), "{path}");
        }
        // 2024: an array of two-element arrays of strings.
        assert_eq!(new.paths["$.Location History[]"].max_len, Some(2));
        assert!(new.paths["$.Location History[][]"].types.string);
        assert!(!new.paths.contains_key("$.Location History[].Time"));
    }

    #[test]
    fn the_2021_fixture() {
        let bytes = fixture("location_history_2021.json");
        assert!(SnapchatLocation
            .detect("json/location_history.json", &bytes)
            .is_some());
        let (out, error) = collect(&SnapchatLocation, &bytes);
        assert_eq!(error, None);
        // jq '."Location History" | length' location_history_2021.json → 40
        assert_eq!(out.fixes.len(), 40);
        assert_eq!(out.skipped, 0);
        // jq -r '."Location History"[0] | .Time, ."Latitude, Longitude"' → 2021/09/02 08:00:17 UTC,
        // "45.7578 ± 39.66 meters, 4.8320 ± 39.66 meters"; date -ud '2021-09-02 08:00:17' +%s →
        // 1630569617
        let (first, source) = &out.fixes[0];
        assert_eq!(
            (
                first.time,
                first.at.lat_e7,
                first.at.lng_e7,
                source.as_str()
            ),
            (1_630_569_617_000, 457_578_000, 48_320_000, "")
        );
        // jq '."Home & Work"' → Home "lat 45.76 ± …, long 4.835 ± …", Work "lat 45.75…, long 4.85…"
        let places: Vec<(PlaceLabel, Option<LatLng>)> =
            out.places.iter().map(|p| (p.label, p.at)).collect();
        assert_eq!(
            places,
            [
                (PlaceLabel::InferredHome, LatLng::from_degrees(45.76, 4.835)),
                (PlaceLabel::InferredWork, LatLng::from_degrees(45.75, 4.85)),
            ]
        );
    }

    #[test]
    fn the_2024_fixture() {
        let bytes = fixture("location_history_2024.json");
        assert!(SnapchatLocation
            .detect("json/location_history.json", &bytes)
            .is_some());
        let (out, error) = collect(&SnapchatLocation, &bytes);
        assert_eq!(error, None);
        // jq '."Location History" | length' location_history_2024.json → 40
        assert_eq!(out.fixes.len(), 40);
        // jq -r '."Location History"[1][]' → 2024-09-09 08:03:41 UTC, "45.7585, 4.8325";
        // date -ud '2024-09-09 08:03:41' +%s → 1725869021
        let second = out.fixes[1].0;
        assert_eq!(
            (second.time, second.at.lat_e7, second.at.lng_e7),
            (1_725_869_021_000, 457_585_000, 48_325_000)
        );
        assert_eq!(out.places.len(), 2);
    }

    #[test]
    fn variants_and_bad_entries() {
        let doc = "\u{feff}{\"Location History\": [
            [\"2024-09-09 00:40:41 UTC\", \"32.191, -110.792\"],
            [\"2024-09-09 00:41:41 UTC\", \"32.191 ± 8.5 meters, -110.792 ± 8.5 meters\"],
            {\"Time\": \"2021/09/02 20:37:47 UTC\", \"Latitude\": 37.332, \"Longitude\": \"-121.884\"},
            [\"2024-09-09 00:42:41 UTC\", \"0.0, 0.0\"],
            [\"2024-09-09 00:42:41 UTC\", \"95.0, 10.0\"],
            [\"2024-09-09 00:42:41 UTC\"],
            {\"Time\": \"yesterday\", \"Latitude, Longitude\": \"1.0 ± 1 meters, 2.0 ± 1 meters\"},
            {},
            42
        ], \"Home & Work\": {\"Home\": \"somewhere\"}}";
        let (out, error) = collect(&SnapchatLocation, doc.as_bytes());
        assert_eq!(error, None);
        let fixes = out.points();
        assert_eq!(
            fixes,
            [
                (1_725_842_441_000, 321_910_000, -1_107_920_000),
                (1_725_842_501_000, 321_910_000, -1_107_920_000),
                (1_630_615_067_000, 373_320_000, -1_218_840_000),
            ]
        );
        assert_eq!(out.skipped, 6);
        assert!(out.places.is_empty());
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc =
            br#"{"Location History": [["2024-09-09 00:40:41 UTC", "32.191, -110.792"], ["2024-09"#;
        let (out, error) = collect(&SnapchatLocation, doc);
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&SnapchatLocation, br#"{"locations": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&SnapchatLocation, br#"{"Location History": 12}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
        assert_eq!(
            collect(&SnapchatLocation, b"").1,
            Some(ErrorKind::Truncated)
        );
    }

    #[test]
    fn detection_reads_snapchat_keys_only() {
        assert!(SnapchatLocation
            .detect("x.json", br#"{"Frequent Locations": [{"City": "Lyon"}]"#)
            .is_some());
        assert!(SnapchatLocation
            .detect(
                "x.json",
                br#"{"Location History": [["2024-09-09 00:40:41 UTC", "1, 2"]]}"#
            )
            .is_some());
        // Google's own files: Records.json, and activity items naming the product.
        assert!(SnapchatLocation
            .detect(
                "Location History/Records.json",
                br#"{"locations": [{"latitudeE7": 1}]}"#
            )
            .is_none());
        assert!(SnapchatLocation
            .detect(
                "x.json",
                br#"[{"products": ["Location History"], "time": "2024-01-01T00:00:00Z"}]"#
            )
            .is_none());
        assert!(SnapchatLocation
            .detect("x.json", br#"{"Location History": "see the app"}"#)
            .is_none());
    }
}
