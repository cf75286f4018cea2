//! Facebook's and Instagram's ad interests and categories: what Meta inferred about the person
//! to choose which ads to show them.
//!
//! Where from: the JSON export (see `guides::meta`), in `ads_information/` (Instagram:
//! `ads_information/instagram_ads_and_businesses/`), or for older Facebook exports
//! `other_logged_information/` or `logged_information/other_logged_information/`.
//!
//! Shapes (formats.md section 2):
//! - `ads_interests.json`: `{"topics_v2": ["Ch\u00c3\u00a2teau", …]}`;
//! - `other_categories_used_to_reach_you.json`, 2023: `{"bcts": ["…"]}`; 2024+ and Instagram:
//!   Meta's generic `{"label_values": [{"label": "Name", "vec": [{"value": "…"}]}], "media": [],
//!   "fbid": "…"}`.
//!
//! Every name is mojibake, repaired; duplicates count once. Detection reads the keys; the
//! generic `label_values` shape is claimed only under one of the two file names.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, LabelValues, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

/// Ad interests and categories, for one platform.
pub struct MetaInterests {
    pub platform: Meta,
}

/// Keys that hold a list of names.
const LISTS: [&str; 2] = ["topics_v2", "bcts"];
/// File names whose `label_values` are interests.
const NAMES: [&str; 2] = [
    "ads_interests.json",
    "other_categories_used_to_reach_you.json",
];

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's ad interests")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if LISTS.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |name: Value| {
                        if let Some(name) = name.as_str() {
                            out.interest(&meta::text(name));
                        }
                    },
                    nullable: true,
                })?;
            } else if key == "label_values" {
                known = true;
                map.next_value_seed(LabelValues {
                    each: &mut |name| out.interest(name),
                    vec_only: false,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for MetaInterests {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.ad_interests",
            Meta::Instagram => "instagram.ad_interests",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, centres d'intérêt publicitaires",
            (Meta::Facebook, Lang::En) => "Facebook ad interests and categories",
            (Meta::Instagram, Lang::Fr) => "Instagram, catégories publicitaires",
            (Meta::Instagram, Lang::En) => "Instagram ad categories",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        super::guides::meta(self.platform)
    }

    fn social(&self) -> Option<Platform> {
        Some(self.platform.platform())
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let strong = LISTS.iter().any(|k| meta::has_key(head, k));
        let weak =
            meta::has_key(head, "label_values") && NAMES.contains(&meta::file_name(path).as_str());
        meta::claim((self.id(), self.platform), path, head, strong, weak)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FACEBOOK: MetaInterests = MetaInterests {
        platform: Meta::Facebook,
    };

    #[test]
    fn every_layout_hands_over_its_names_repaired() {
        for doc in [
            &br#"{"topics_v2": ["Ch\u00c3\u00a2teau", "Quiz"]}"#[..],
            br#"{"bcts": ["Ch\u00c3\u00a2teau", "Quiz"]}"#,
            br#"{"media": [], "label_values": [{"label": "Name", "vec": [{"value": "Ch\u00c3\u00a2teau"}, {"value": "Quiz"}]}], "fbid": "1"}"#,
        ] {
            let (out, error) = collect(&FACEBOOK, doc);
            assert_eq!(error, None);
            assert_eq!(out.interests, ["Château", "Quiz"]);
        }
    }

    #[test]
    fn the_platform_and_the_file_name_decide_the_claim() {
        let generic = br#"{"media": [], "label_values": [{"label": "Name", "vec": []}]}"#;
        let instagram = MetaInterests {
            platform: Meta::Instagram,
        };
        let ig_path =
            "ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json";
        assert!(instagram.detect(ig_path, generic).is_some());
        assert!(FACEBOOK.detect(ig_path, generic).is_none());
        assert!(FACEBOOK
            .detect(
                "ads_information/other_categories_used_to_reach_you.json",
                generic
            )
            .is_some());
        // The generic shape under another name is another file's.
        assert!(FACEBOOK
            .detect("ads_information/ad_preferences.json", generic)
            .is_none());
    }

    #[test]
    fn a_file_without_the_keys_is_not_this_one() {
        let (_, error) = collect(&FACEBOOK, br#"{"other": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
    }
}
