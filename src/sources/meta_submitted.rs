//! The kinds of personal details the person gave advertisers through Facebook's and Instagram's
//! ad forms ("lead ads"): e-mail, phone, name, city… Only the kind of each detail is handed over
//! ([`crate::model::social::SocialSink::gave_advertiser`]), never its value.
//!
//! Where from: the JSON export (see `guides::meta`):
//! - Instagram (formats.md section 3):
//!   `ads_information/instagram_ads_and_businesses/information_you've_submitted_to_advertisers.json`,
//!   `{"ig_lead_gen_info": [{"label": "Email", "value": "…"}]}`;
//! - Facebook (formats.md section 2): `ads_information/information_you've_submitted_to_advertisers.json`,
//!   `{"lead_gen_info_v2": [{"label", "value"}]}`.
//!
//! Each entry with a non-empty value names a kind of detail by its label, localised and written
//! in Meta's mojibake ([`Detail::from_label`], repaired first); labels that name none (a
//! form's own question) are skipped. Which advertiser received them, the files do not say.
//! Entries stream one by one, so a file cut off midway has handed over the entries before the cut.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::{Detail, Platform};
use crate::model::Sink;

/// The kinds of details given to advertisers through Facebook's or Instagram's ad forms.
pub struct MetaSubmitted {
    pub platform: Meta,
}

impl MetaSubmitted {
    /// The platform's key of the list of entries.
    fn key(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "lead_gen_info_v2",
            Meta::Instagram => "ig_lead_gen_info",
        }
    }
}

/// One entry: the kind its label names, when its value is not empty.
fn entry(record: &Value) -> Option<Detail> {
    let value = record.get("value").and_then(Value::as_str)?;
    if value.trim().is_empty() {
        return None;
    }
    Detail::from_label(&meta::text(record.get("label")?.as_str()?))
}

/// The whole file; it says whether its key was there.
struct Document<'a> {
    key: &'static str,
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("details given to advertisers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { key: own, out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == own {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if let Some(detail) = entry(&record) {
                            out.gave_advertiser(detail);
                        }
                    },
                    nullable: true,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for MetaSubmitted {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.submitted_to_advertisers",
            Meta::Instagram => "instagram.submitted_to_advertisers",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, informations transmises aux annonceurs",
            (Meta::Facebook, Lang::En) => "Facebook information submitted to advertisers",
            (Meta::Instagram, Lang::Fr) => "Instagram, informations transmises aux annonceurs",
            (Meta::Instagram, Lang::En) => "Instagram information submitted to advertisers",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        super::guides::meta(self.platform)
    }

    fn social(&self) -> Option<Platform> {
        Some(self.platform.platform())
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        // Each platform's key is its own: claimed wherever the file lies.
        (meta::opens_object(head) && meta::has_key(head, self.key())).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(
            reader,
            Document {
                key: self.key(),
                out,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};
    use Detail::*;

    const FACEBOOK: MetaSubmitted = MetaSubmitted {
        platform: Meta::Facebook,
    };
    const INSTAGRAM: MetaSubmitted = MetaSubmitted {
        platform: Meta::Instagram,
    };

    #[test]
    fn each_entry_with_a_value_names_its_kind() {
        let doc = br#"{"ig_lead_gen_info": [{"label": "Email", "value": "a@b.c"}, {"label": "Phone number", "value": " "},
            {"label": "Num\u00c3\u00a9ro de t\u00c3\u00a9l\u00c3\u00a9phone", "value": "+33"}, {"label": "Ville", "value": "Lyon"},
            {"label": "Quel est votre budget\u00c2\u00a0?", "value": "100"}, {"label": "Full name"}]}"#;
        let (out, error) = collect(&INSTAGRAM, doc);
        assert_eq!(error, None);
        assert_eq!(out.gave_advertiser, [Email, Phone, Address]);
        assert!(out.holds.is_empty() && out.advertisers.is_empty());
    }

    #[test]
    fn each_platform_claims_its_own_key() {
        let ig = br#"{"ig_lead_gen_info": []}"#;
        let fb = br#"{"lead_gen_info_v2": []}"#;
        let path = "ads_information/information_you've_submitted_to_advertisers.json";
        assert!(INSTAGRAM.detect(path, ig).is_some());
        assert!(FACEBOOK.detect(path, ig).is_none());
        assert!(FACEBOOK.detect(path, fb).is_some());
        assert!(INSTAGRAM.detect(path, fb).is_none());
        assert!(INSTAGRAM.detect(path, b"[\"ig_lead_gen_info\"]").is_none());
    }

    #[test]
    fn a_cut_file_keeps_the_entries_before_the_cut() {
        let doc = br#"{"lead_gen_info_v2": [{"label": "Email", "value": "a@b.c"}, {"label": "Phone", "val"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.gave_advertiser, [Email]);
        let (_, error) = collect(&FACEBOOK, br#"{"ig_lead_gen_info": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
    }

    #[test]
    fn the_generated_facebook_fixture_is_read() {
        let bytes = fixture(
            "facebook.submitted_to_advertisers",
            "information_you've_submitted_to_advertisers.json",
        );
        assert!(FACEBOOK
            .detect(
                "ads_information/information_you've_submitted_to_advertisers.json",
                &bytes
            )
            .is_some());
        let (out, error) = collect(&FACEBOOK, &bytes);
        assert_eq!(error, None);
        assert_eq!(out.gave_advertiser, [Name, Email, Phone, Address, Address]);
    }
}
