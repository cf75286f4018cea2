//! Where Facebook places the person: its files of `logged_information/location/` (older exports:
//! `location/`), as it writes them (formats.md section 2):
//! - `primary_location.json`: `{"primary_location_v2": {"city_region_pairs": [["Lyon",
//!   "Auvergne-Rhône-Alpes"]], "zipcode": ["69003"]}}`: the place Facebook takes for the
//!   person's home;
//! - `primary_public_location.json`: `{"primary_public_location_v2": {"city", "region",
//!   "country"}}`;
//! - `last_location.json`: `{"last_location_v2": {"time", "coordinate": {"latitude",
//!   "longitude"}, "name"?}}`: the last place a device reported;
//! - `device_location.json`: `{"phone_number_location_v2": [{"spn", "country_code"}]}`: the
//!   mobile carriers of the person's numbers.
//!
//! Each is what Facebook inferred or holds, handed over as written ([`SocialSink::inferred`]):
//! `primary location` ("Lyon, Auvergne-Rhône-Alpes"), `postcode`, `public location`, `last
//! location` ("Place (45.76, 4.83), 2024-03-01"), `mobile carrier` ("Orange (FR)"); its mojibake
//! repaired. These files are a few hundred bytes: each known key's value is read whole. The
//! older `location_history` and `your_sampled_locations.json` are not read.
//!
//! [`SocialSink::inferred`]: crate::model::social::SocialSink::inferred

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::time::format_date;
use crate::model::Sink;

/// Facebook's location files.
pub struct FacebookLocation;

const KEYS: [&str; 4] = [
    "primary_location_v2",
    "primary_public_location_v2",
    "last_location_v2",
    "phone_number_location_v2",
];

/// A text of a JSON value, repaired, if not empty.
fn text(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => meta::text(s.trim()),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Hands over what one known key holds.
fn hand_over(key: &str, value: &Value, out: &mut dyn Sink) {
    match key {
        "primary_location_v2" => {
            for pair in value
                .get("city_region_pairs")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let parts: Vec<String> = pair
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| text(Some(p)))
                    .collect();
                if !parts.is_empty() {
                    out.inferred("primary location", &parts.join(", "));
                }
            }
            for code in value
                .get("zipcode")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(code) = text(Some(code)) {
                    out.inferred("postcode", &code);
                }
            }
        }
        "primary_public_location_v2" => {
            let parts: Vec<String> = ["city", "region", "country"]
                .iter()
                .filter_map(|k| text(value.get(*k)))
                .collect();
            if !parts.is_empty() {
                out.inferred("public location", &parts.join(", "));
            }
        }
        "last_location_v2" => {
            let coordinate = value.get("coordinate");
            let degrees = |k: &str| coordinate?.get(k)?.as_f64().filter(|v| v.is_finite());
            let mut said = Vec::new();
            if let Some(name) = text(value.get("name")) {
                said.push(name);
            }
            if let (Some(lat), Some(lng)) = (degrees("latitude"), degrees("longitude")) {
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng) {
                    said.push(format!("({lat:.4}, {lng:.4})"));
                }
            }
            let when = value
                .get("time")
                .and_then(meta::seconds)
                .filter(|s| *s > 0)
                .map(|s| format_date(s.saturating_mul(1000)));
            if !said.is_empty() {
                let mut line = said.join(" ");
                if let Some(when) = when {
                    line = format!("{line}, {when}");
                }
                out.inferred("last location", &line);
            }
        }
        "phone_number_location_v2" => {
            for number in value.as_array().into_iter().flatten() {
                let carrier = text(number.get("spn"));
                let country = text(number.get("country_code"));
                let line = match (carrier, country) {
                    (Some(c), Some(k)) => format!("{c} ({k})"),
                    (Some(one), None) | (None, Some(one)) => one,
                    (None, None) => continue,
                };
                out.inferred("mobile carrier", &line);
            }
        }
        _ => {}
    }
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Facebook's location files")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if KEYS.contains(&key.as_str()) {
                known = true;
                let value: Value = map.next_value()?;
                hand_over(&key, &value, &mut *out);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for FacebookLocation {
    fn id(&self) -> &'static str {
        "facebook.location"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Facebook, lieux qu'il vous attribue",
            Lang::En => "Facebook, places it ties you to",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::FACEBOOK
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Facebook)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let strong = KEYS.iter().any(|k| meta::has_key(head, k));
        meta::claim((self.id(), Meta::Facebook), path, head, strong, false)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn each_file_says_where_facebook_places_the_person_as_written() {
        type Case<'a> = (&'a [u8], Vec<(&'a str, &'a str)>);
        let files: [Case; 4] = [
            (
                br#"{"primary_location_v2": {"city_region_pairs": [["Lyon", "Auvergne-Rh\u00c3\u00b4ne-Alpes"]], "zipcode": ["69003"]}}"#,
                vec![
                    ("primary location", "Lyon, Auvergne-Rhône-Alpes"),
                    ("postcode", "69003"),
                ],
            ),
            (
                br#"{"primary_public_location_v2": {"city": "Lyon", "region": "Auvergne-Rh\u00c3\u00b4ne-Alpes", "country": "France"}}"#,
                vec![("public location", "Lyon, Auvergne-Rhône-Alpes, France")],
            ),
            (
                br#"{"last_location_v2": {"time": 1709251200, "coordinate": {"latitude": 45.7578, "longitude": 4.8320}, "name": "Lyon"}}"#,
                vec![("last location", "Lyon (45.7578, 4.8320), 2024-03-01")],
            ),
            (
                br#"{"phone_number_location_v2": [{"spn": "Orange F", "country_code": "FR"}, {"spn": "", "country_code": "BE"}]}"#,
                vec![("mobile carrier", "Orange F (FR)"), ("mobile carrier", "BE")],
            ),
        ];
        for (doc, expected) in files {
            assert!(FacebookLocation
                .detect("logged_information/location/x.json", doc)
                .is_some());
            let (out, error) = collect(&FacebookLocation, doc);
            assert_eq!(error, None);
            let got: Vec<(&str, &str)> = out
                .inferred
                .iter()
                .map(|(l, v)| (l.as_str(), v.as_str()))
                .collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn bad_values_are_left_out_and_other_files_are_not_this() {
        let (out, error) = collect(
            &FacebookLocation,
            br#"{"last_location_v2": {"time": 0, "coordinate": {"latitude": 400, "longitude": "x"}}}"#,
        );
        assert_eq!(error, None);
        assert!(out.inferred.is_empty());
        let (_, error) = collect(&FacebookLocation, br#"{"timezone_v2": "Europe/Paris"}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(
            &FacebookLocation,
            br#"{"primary_location_v2": {"city_region_pairs": [["Ly"#,
        );
        assert_eq!(error, Some(ErrorKind::Truncated));
    }
}
