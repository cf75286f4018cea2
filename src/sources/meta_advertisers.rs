//! Facebook's and Instagram's advertisers: who uploaded a list holding the person's contact
//! details, who targets them for what they did on its site or app, and who matched them with a
//! visit to a shop.
//!
//! Where from: the JSON export (see `guides::meta`), in `ads_information/` (Instagram:
//! `ads_information/instagram_ads_and_businesses/`).
//!
//! Shapes (formats.md section 2):
//! - `advertisers_using_your_activity_or_information.json`, until 2023:
//!   `{"custom_audiences_all_types_v2": [{"advertiser_name": "…", "has_data_file_custom_audience":
//!   true, "has_remarketing_custom_audience": false, "has_in_person_store_visit": true}]}`;
//!   Instagram writes `ig_custom_audiences_all_types`; 2024+ Facebook: the generic
//!   `label_values` shape, names only;
//! - `advertisers_who_uploaded_a_contact_list_with_your_information.json` (until 2022):
//!   `{"custom_audiences_v2": ["…"]}`: each uploaded a list that held the person (its own
//!   source, `facebook.contact_lists`); the same key in an older
//!   `advertisers_using_your_activity_or_information.json` lists names without saying what each
//!   did.
//!
//! Names are mojibake, repaired; an advertiser listed twice counts once, its flags merged.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, LabelValues, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::{AudienceFlags, Platform};
use crate::model::Sink;

/// Advertisers, for one platform.
pub struct MetaAdvertisers {
    pub platform: Meta,
    /// Facebook's older file of the advertisers that uploaded a contact list holding the person
    /// (`advertisers_who_uploaded_a_contact_list_with_your_information.json`): its own source,
    /// as the same `custom_audiences_v2` key, in the other file, says less.
    pub uploaded: bool,
}

/// Keys of the lists of advertisers with their flags.
const FLAGGED: [&str; 2] = [
    "custom_audiences_all_types_v2",
    "ig_custom_audiences_all_types",
];
/// The key of the list of advertisers that uploaded a contact list.
const UPLOADED: &str = "custom_audiences_v2";
/// The file name whose `label_values` are advertisers.
const NAME: &str = "advertisers_using_your_activity_or_information.json";
/// The name of Facebook's file of contact lists.
const UPLOADED_NAME: &str = "advertisers_who_uploaded_a_contact_list_with_your_information.json";

/// A flag, written as a boolean or as `"true"`.
fn flag(entry: &Value, key: &str) -> bool {
    match entry.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
    /// The file of contact lists: each advertiser of `custom_audiences_v2` uploaded one.
    uploaded: bool,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's advertisers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out, uploaded } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if FLAGGED.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |entry: Value| {
                        let Some(name) = entry.get("advertiser_name").and_then(Value::as_str)
                        else {
                            return;
                        };
                        let flags = AudienceFlags {
                            data_file: flag(&entry, "has_data_file_custom_audience"),
                            remarketing: flag(&entry, "has_remarketing_custom_audience"),
                            in_store: flag(&entry, "has_in_person_store_visit"),
                        };
                        out.advertiser(&meta::text(name), flags);
                    },
                    nullable: true,
                })?;
            } else if key == UPLOADED {
                known = true;
                // Only the file of contact lists says what its advertisers did.
                let uploaded = AudienceFlags {
                    data_file: uploaded,
                    ..AudienceFlags::default()
                };
                map.next_value_seed(Each {
                    each: &mut |name: Value| {
                        if let Some(name) = name.as_str() {
                            out.advertiser(&meta::text(name), uploaded);
                        }
                    },
                    nullable: true,
                })?;
            } else if key == "label_values" {
                known = true;
                map.next_value_seed(LabelValues {
                    each: &mut |name| out.advertiser(name, AudienceFlags::default()),
                    vec_only: false,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for MetaAdvertisers {
    fn id(&self) -> &'static str {
        match (self.platform, self.uploaded) {
            (Meta::Facebook, false) => "facebook.advertisers",
            (Meta::Facebook, true) => "facebook.contact_lists",
            (Meta::Instagram, _) => "instagram.advertisers",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        if self.uploaded {
            return match lang {
                Lang::Fr => "Facebook, annonceurs qui ont téléversé une liste avec vos coordonnées",
                Lang::En => "Facebook advertisers who uploaded a contact list with your details",
            };
        }
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, annonceurs qui utilisent vos données",
            (Meta::Facebook, Lang::En) => "Facebook advertisers using your information",
            (Meta::Instagram, Lang::Fr) => "Instagram, annonceurs qui utilisent vos données",
            (Meta::Instagram, Lang::En) => "Instagram advertisers using your information",
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
        if self.uploaded != (meta::file_name(path) == UPLOADED_NAME) {
            return None;
        }
        let strong =
            FLAGGED.iter().any(|k| meta::has_key(head, k)) || meta::has_key(head, UPLOADED);
        let weak = meta::has_key(head, "label_values") && meta::file_name(path) == NAME;
        meta::claim((self.id(), self.platform), path, head, strong, weak)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(
            reader,
            Document {
                out,
                uploaded: self.uploaded,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FACEBOOK: MetaAdvertisers = MetaAdvertisers {
        platform: Meta::Facebook,
        uploaded: false,
    };
    const CONTACT_LISTS: MetaAdvertisers = MetaAdvertisers {
        platform: Meta::Facebook,
        uploaded: true,
    };

    #[test]
    fn flags_are_read_as_written_and_an_uploaded_list_means_contact_details() {
        let doc = br#"{"custom_audiences_all_types_v2": [
            {"advertiser_name": "Fran\u00c3\u00a7ois & Fils", "has_data_file_custom_audience": true,
             "has_remarketing_custom_audience": "false", "has_in_person_store_visit": false},
            {"advertiser_name": "Hogan Ltd", "has_data_file_custom_audience": false,
             "has_remarketing_custom_audience": true, "has_in_person_store_visit": true},
            {"no_name": true}
        ]}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(out.advertisers.len(), 2);
        assert_eq!(out.advertisers[0].0, "François & Fils");
        assert_eq!(
            out.advertisers[0].1,
            AudienceFlags {
                data_file: true,
                remarketing: false,
                in_store: false
            }
        );
        assert!(out.advertisers[1].1.remarketing && out.advertisers[1].1.in_store);

        // The same key says "uploaded a contact list" in the file of contact lists only.
        let old = br#"{"custom_audiences_v2": ["Acme", "Zed"]}"#;
        let (out, _) = collect(&CONTACT_LISTS, old);
        assert!(out
            .advertisers
            .iter()
            .all(|(_, f)| f.data_file && !f.remarketing));
        let (out, _) = collect(&FACEBOOK, old);
        assert!(out
            .advertisers
            .iter()
            .all(|(_, f)| *f == AudienceFlags::default()));
        let lists =
            "ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json";
        assert!(
            CONTACT_LISTS.detect(lists, old).is_some() && FACEBOOK.detect(lists, old).is_none()
        );
        let using = "ads_information/advertisers_using_your_activity_or_information.json";
        assert!(
            FACEBOOK.detect(using, old).is_some() && CONTACT_LISTS.detect(using, old).is_none()
        );
    }

    #[test]
    fn instagram_s_own_key_is_instagram_s() {
        let doc = br#"{"ig_custom_audiences_all_types": [{"advertiser_name": "bla"}]}"#;
        let instagram = MetaAdvertisers {
            platform: Meta::Instagram,
            uploaded: false,
        };
        assert!(instagram.detect("x/advertisers.json", doc).is_some());
        assert!(FACEBOOK.detect("x/advertisers.json", doc).is_none());
    }
}
