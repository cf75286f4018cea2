//! What Instagram inferred about the person: the topics it ties them to, their ad interests, the
//! city it thinks their profile is based in, and the places it thinks they care about.
//!
//! Where from: Instagram's JSON export (see `guides::INSTAGRAM`), formats.md section 3:
//! - `preferences/your_topics/recommended_topics.json` (≤2022: `your_topics/your_topics.json`):
//!   `{"topics_your_topics": [{"title", "media_map_data", "string_map_data": {"Name": {"href",
//!   "value", "timestamp"}}}]}`, the label localised (`Nom`…); each topic is an interest;
//! - `information_about_you/ads_interests.json` (≤2023): `{"inferred_data_ig_interest":
//!   [{"string_map_data": {"Interest": {"value"}}}]}`, the label localised; each an interest
//!   (Facebook's `ads_interests.json`, `topics_v2`, is another source's);
//! - `personal_information/information_about_you/profile_based_in.json`:
//!   `{"inferred_data_primary_location": [{"string_map_data": {"City Name": {"value"}}}]}`: the
//!   city, handed over as inferred `based in`;
//! - `personal_information/information_about_you/locations_of_interest.json`, Meta's generic
//!   shape `{"media": [], "label_values": [{"label": "Locations of interest", "vec": [{"value"}]},
//!   {"label": "Usage explanation", "value": "…"}], "fbid"}`: each `vec` entry is a place,
//!   handed over as inferred `locations of interest`; the explanation (a lone `value`) is not.
//!
//! A record's value is its first non-empty labelled value (labels are localised, and these
//! records have one), its mojibake repaired; titles, links and timestamps are not read.
//! Records stream one by one, so a file cut off midway has handed over the records before the
//! cut. Detection reads the keys, which only Instagram writes; the generic shape is claimed only
//! under the name `locations_of_interest.json` (which Facebook's exports are not known to have),
//! and not in a folder that says Facebook: inside Instagram's archive, nothing in that file's
//! path or head says Instagram.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, LabelValues};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

/// Instagram's inferences about the person.
pub struct InstagramInferences;

/// Keys of lists of topics and ad interests.
const INTERESTS: [&str; 2] = ["topics_your_topics", "inferred_data_ig_interest"];
/// The key of the city the profile is based in.
const BASED_IN: &str = "inferred_data_primary_location";
/// The file whose generic `label_values` are locations of interest.
const LOCATIONS_FILE: &str = "locations_of_interest.json";

/// The label of the city handed over.
const BASED_IN_LABEL: &str = "based in";
/// The label of each location of interest handed over.
const LOCATIONS_LABEL: &str = "locations of interest";

/// A record's value: its first non-empty labelled value, repaired.
fn value(record: &Value) -> Option<String> {
    meta::fields(record).into_iter().find_map(|f| f.value)
}

/// Whether a folder of `path` says the file is Facebook's (`facebook-ann-2025…`,
/// `your_facebook_activity`, `apps_and_websites_off_of_facebook`).
fn facebook_folder(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let mut folders: Vec<&str> = lower.split(['/', '\\']).collect();
    folders.pop();
    folders.iter().any(|f| f.contains("facebook"))
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Instagram's inferences")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if INTERESTS.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if let Some(name) = value(&record) {
                            out.interest(&name);
                        }
                    },
                    nullable: true,
                })?;
            } else if key == BASED_IN {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if let Some(city) = value(&record) {
                            out.inferred(BASED_IN_LABEL, &city);
                        }
                    },
                    nullable: true,
                })?;
            } else if key == "label_values" {
                known = true;
                map.next_value_seed(LabelValues {
                    each: &mut |place| out.inferred(LOCATIONS_LABEL, place),
                    vec_only: true,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for InstagramInferences {
    fn id(&self) -> &'static str {
        "instagram.inferences"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Instagram, sujets et lieux déduits",
            Lang::En => "Instagram inferred topics and places",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::INSTAGRAM
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Instagram)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        if !meta::opens_object(head) {
            return None;
        }
        // Only Instagram writes these keys: claimed wherever the file lies.
        if INTERESTS
            .iter()
            .chain([&BASED_IN])
            .any(|k| meta::has_key(head, k))
        {
            return Some(Claim {
                source: self.id(),
                confidence: 90,
            });
        }
        // Facebook writes no such file; its export says it is Facebook's by its folders only.
        let weak = meta::has_key(head, "label_values")
            && meta::file_name(path) == LOCATIONS_FILE
            && !facebook_folder(path);
        weak.then_some(Claim {
            source: self.id(),
            confidence: 80,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const TOPICS: &[u8] = br#"{"topics_your_topics": [
        {"title": "", "media_map_data": {}, "string_map_data": {"Name": {"href": "", "value": "Ch\u00c3\u00a2teaux", "timestamp": 0}}},
        {"title": "", "media_map_data": {}, "string_map_data": {"Nom": {"href": "", "value": "Cuisine", "timestamp": 0}}},
        {"title": "", "media_map_data": {}, "string_map_data": {"Name": {"href": "", "value": "", "timestamp": 0}}}
    ]}"#;

    #[test]
    fn topics_and_ad_interests_are_interests_repaired() {
        let (out, error) = collect(&InstagramInferences, TOPICS);
        assert_eq!(error, None);
        assert_eq!(out.interests, ["Châteaux", "Cuisine"]);
        let ads = br#"{"inferred_data_ig_interest": [{"title": "", "media_map_data": {}, "string_map_data": {"Centre d'int\u00c3\u00a9r\u00c3\u00aat": {"href": "", "value": "R\u00c3\u00a9alit\u00c3\u00a9 virtuelle", "timestamp": 0}}}]}"#;
        let (out, error) = collect(&InstagramInferences, ads);
        assert_eq!(error, None);
        assert_eq!(out.interests, ["Réalité virtuelle"]);
        assert!(out.inferred.is_empty());
    }

    #[test]
    fn the_city_and_the_locations_are_inferred_without_the_explanation() {
        let based = br#"{"inferred_data_primary_location": [{"title": "", "media_map_data": {}, "string_map_data": {"City Name": {"href": "", "value": "Saint-\u00c3\u0089tienne, Auvergne-Rh\u00c3\u00b4ne-Alpes", "timestamp": 0}}}]}"#;
        let (out, error) = collect(&InstagramInferences, based);
        assert_eq!(error, None);
        assert_eq!(
            out.inferred,
            [(
                "based in".to_owned(),
                "Saint-Étienne, Auvergne-Rhône-Alpes".to_owned()
            )]
        );
        let locations = br#"{"media": [], "label_values": [{"label": "Locations of interest", "vec": [{"value": "Lyon"}, {"value": "Qu\u00c3\u00a9bec"}, {"value": " "}]}, {"label": "Usage explanation", "value": "Locations of interest are used to personalize your experience."}], "fbid": "17841652"}"#;
        let (out, error) = collect(&InstagramInferences, locations);
        assert_eq!(error, None);
        assert_eq!(
            out.inferred,
            [
                ("locations of interest".to_owned(), "Lyon".to_owned()),
                ("locations of interest".to_owned(), "Québec".to_owned())
            ]
        );
        assert!(out.interests.is_empty());
    }

    #[test]
    fn detection_is_by_key_or_by_name_in_an_instagram_export() {
        let s = &InstagramInferences;
        assert!(s
            .detect("export/your_topics/your_topics.json", TOPICS)
            .is_some());
        let generic =
            br#"{"media": [], "label_values": [{"label": "Locations of interest", "vec": []}]}"#;
        let path = "instagram-ann-2025/personal_information/information_about_you/locations_of_interest.json";
        assert_eq!(s.detect(path, generic).map(|c| c.confidence), Some(80));
        assert!(s
            .detect(
                "personal_information/information_about_you/locations_of_interest.json",
                generic
            )
            .is_some());
        // In a Facebook export, or under another name: another file's.
        assert!(s
            .detect(
                "facebook-ann/information_about_you/locations_of_interest.json",
                generic
            )
            .is_none());
        assert!(s
            .detect(
                "instagram-ann/ads_information/other_categories_used_to_reach_you.json",
                generic
            )
            .is_none());
        // Facebook's ads_interests.json.
        assert!(s
            .detect(
                "instagram-ann/information_about_you/ads_interests.json",
                br#"{"topics_v2": ["Quiz"]}"#
            )
            .is_none());
        assert!(s
            .detect("x.json", b"[{\"topics_your_topics\": 1}]")
            .is_none());
    }

    #[test]
    fn a_cut_file_keeps_the_records_before_the_cut() {
        let (out, error) = collect(&InstagramInferences, &TOPICS[..TOPICS.len() - 60]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.interests, ["Châteaux", "Cuisine"]);
        let (out, error) = collect(&InstagramInferences, br#"{"other": []}"#);
        assert_eq!(
            (out.interests.len(), error),
            (0, Some(ErrorKind::WrongType))
        );
    }

    #[test]
    fn the_generated_ads_interests_fixture_is_read() {
        let (out, error) = collect(
            &InstagramInferences,
            &fixture("instagram.inferences", "ads_interests.json"),
        );
        assert_eq!(error, None);
        assert!(out.interests.len() > 10);
    }
}
