//! The kinds of personal details Facebook and Instagram hold in the person's profile: name,
//! e-mail, phone, birth date, gender, places, work, education, family. Only the kind of each
//! detail is handed over ([`crate::model::social::SocialSink::holds`]), never its value: nothing
//! the file says about the person is kept.
//!
//! Where from: the JSON export (see `guides::meta`).
//!
//! Instagram (formats.md section 3), generic records `{"title", "media_map_data",
//! "string_map_data": {"<Label>": {"href", "value", "timestamp"}}}` (or the 2024+
//! `label_values`), whose labels are localised and written in Meta's mojibake (`Email`,
//! `Adresse e-mail`, `Num\u00c3\u00a9ro de t\u00c3\u00a9l\u00c3\u00a9phone`):
//! - `personal_information/personal_information/personal_information.json` (2024+; older:
//!   `personal_information/personal_information.json`, `account_information/…`): `profile_user`;
//! - `personal_information/personal_information/professional_information.json`:
//!   `profile_business`, the same records for a professional account (its business e-mail,
//!   phone, address…).
//!
//! Each label with a non-empty value names a kind of detail ([`Detail::from_label`], its mojibake
//! repaired first); labels about the account rather than the person (`Phone Confirmed`,
//! `Private Account`, `Emoji Pong High Score`) name none. The profile photo (`media_map_data`)
//! and every value are not read. `instagram_profile_information.json`
//! (`profile_account_insights`: contact syncing, first and last story times…) holds no personal
//! detail and is not claimed.
//!
//! Facebook (formats.md section 2): `profile_information/profile_information.json`,
//! `{"profile_v2": {"name": {"full_name", …}, "emails": {"emails": [], "previous_emails": [], …},
//! "birthday": {"year", "month", "day"}, "gender": {"gender_option", "pronoun"}, "current_city":
//! {"name", "timestamp"}, "hometown", "relationship", "family_members": [], "education_experiences":
//! [], "work_experiences": [], "places_lived": [], "phone_numbers": [], "username", …}}`: each
//! field that holds something (a non-empty text, or a number other than 0 and not a time, at any
//! depth) names a kind of detail by its key (`emails` → e-mail, `current_city` → address,
//! `work_experiences` → work…); fields that name none (`languages`, `websites`,
//! `registration_timestamp`, `profile_uri`) are skipped.
//!
//! Instagram's records and Facebook's fields stream one by one, so a file cut off midway has
//! handed over the details before the cut.

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::{Detail, Platform};
use crate::model::Sink;

/// The kinds of personal details in a Facebook or Instagram profile.
pub struct MetaProfile {
    pub platform: Meta,
}

/// Instagram's keys of lists of profile records (only Instagram writes them).
const INSTAGRAM_KEYS: [&str; 2] = ["profile_user", "profile_business"];
/// Facebook's key of the profile.
const FACEBOOK_KEY: &str = "profile_v2";

/// Whether a value holds something: a non-empty text, or a number other than 0 that is not a
/// time (under a key ending in `timestamp` or `time`), at any depth. Booleans (`verified`,
/// `graduated`) say nothing about the person on their own.
fn filled(key: &str, value: &Value) -> bool {
    match value {
        Value::String(s) => !s.trim().is_empty(),
        Value::Number(n) => {
            !key.ends_with("timestamp") && !key.ends_with("time") && n.as_f64() != Some(0.0)
        }
        Value::Array(items) => items.iter().any(|v| filled(key, v)),
        Value::Object(fields) => fields.iter().any(|(k, v)| filled(k, v)),
        Value::Bool(_) | Value::Null => false,
    }
}

/// One Instagram profile record: a kind of detail for each label with a value.
fn instagram(record: &Value, out: &mut dyn Sink) {
    for field in meta::fields(record) {
        if field.value.is_some() {
            if let Some(detail) = Detail::from_label(&field.label) {
                out.holds(detail);
            }
        }
    }
}

/// Facebook's `profile_v2` object, its fields read one by one.
struct Profile<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> DeserializeSeed<'de> for Profile<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Profile<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Facebook's profile")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            if filled(&key, &value) {
                if let Some(detail) = Detail::from_label(&meta::text(&key)) {
                    self.out.holds(detail);
                }
            }
        }
        Ok(())
    }
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    platform: Meta,
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's profile")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { platform, out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            match platform {
                Meta::Instagram if INSTAGRAM_KEYS.contains(&key.as_str()) => {
                    known = true;
                    map.next_value_seed(Each {
                        each: &mut |record: Value| instagram(&record, &mut *out),
                        nullable: true,
                    })?;
                }
                Meta::Facebook if key == FACEBOOK_KEY => {
                    known = true;
                    map.next_value_seed(Profile { out: &mut *out })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(known)
    }
}

impl Source for MetaProfile {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.profile",
            Meta::Instagram => "instagram.profile",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, informations de profil",
            (Meta::Facebook, Lang::En) => "Facebook profile information",
            (Meta::Instagram, Lang::Fr) => "Instagram, informations personnelles",
            (Meta::Instagram, Lang::En) => "Instagram personal information",
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
        match self.platform {
            // Only Instagram writes these keys: claimed wherever the file lies (a lone
            // `personal_information.json` says Instagram nowhere else).
            Meta::Instagram => (meta::opens_object(head)
                && INSTAGRAM_KEYS.iter().any(|k| meta::has_key(head, k)))
            .then_some(Claim {
                source: self.id(),
                confidence: 90,
            }),
            Meta::Facebook => meta::claim(
                (self.id(), self.platform),
                path,
                head,
                meta::has_key(head, FACEBOOK_KEY),
                false,
            ),
        }
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(
            reader,
            Document {
                platform: self.platform,
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

    const FACEBOOK: MetaProfile = MetaProfile {
        platform: Meta::Facebook,
    };
    const INSTAGRAM: MetaProfile = MetaProfile {
        platform: Meta::Instagram,
    };

    #[test]
    fn instagram_labels_with_a_value_name_their_kind_in_english_and_french() {
        let english = br#"{"profile_user": [{"title": "User Information", "media_map_data": {"Profile Photo": {"uri": "a.jpg", "creation_timestamp": 1501432813}},
            "string_map_data": {
                "Email": {"href": "", "value": "a@b.c", "timestamp": 0},
                "Phone Number": {"href": "", "value": "+33", "timestamp": 0},
                "Phone Confirmed": {"href": "", "value": "True", "timestamp": 0},
                "Username": {"href": "", "value": "ann", "timestamp": 0},
                "Name": {"href": "", "value": "", "timestamp": 0},
                "Date of birth": {"href": "", "value": "1990-01-01", "timestamp": 0},
                "Private Account": {"href": "", "value": "True", "timestamp": 0},
                "Emoji Pong High Score": {"href": "", "value": "0", "timestamp": 0}}}]}"#;
        let (mut out, error) = collect(&INSTAGRAM, english);
        assert_eq!(error, None);
        // The empty name is not held. (The labels come sorted: serde_json's maps are.)
        out.holds.sort_unstable();
        assert_eq!(out.holds, [Username, Email, Phone, BirthDate]);
        let french = br#"{"profile_user": [{"title": "Informations utilisateur", "string_map_data": {
                "Adresse e-mail": {"value": "a@b.c"},
                "Num\u00c3\u00a9ro de t\u00c3\u00a9l\u00c3\u00a9phone": {"value": "+33"},
                "Num\u00c3\u00a9ro de t\u00c3\u00a9l\u00c3\u00a9phone confirm\u00c3\u00a9": {"value": "False"},
                "Nom d\u00e2\u0080\u0099utilisateur": {"value": "ann"},
                "Nom": {"value": "Ann"},
                "Genre": {"value": "unspecified"},
                "Compte priv\u00c3\u00a9": {"value": "True"}}}]}"#;
        let (mut out, error) = collect(&INSTAGRAM, french);
        assert_eq!(error, None);
        out.holds.sort_unstable();
        assert_eq!(out.holds, [Name, Username, Email, Phone, Gender]);
        // Nothing else is handed over, values least of all.
        assert!(out.inferred.is_empty() && out.interests.is_empty() && out.logins.is_empty());
    }

    #[test]
    fn instagram_professional_records_and_label_values_are_read_the_same_way() {
        let doc = br#"{"profile_business": [{"title": "Business Information", "media_map_data": {}, "string_map_data": {}},
            {"media": [], "label_values": [{"label": "Business Email", "value": "shop@b.c"}, {"label": "Business Phone Number", "value": ""},
                {"label": "Business Address", "value": "1 rue X"}]}]}"#;
        let (out, error) = collect(&INSTAGRAM, doc);
        assert_eq!(error, None);
        assert_eq!(out.holds, [Email, Address]);
    }

    #[test]
    fn facebook_fields_that_hold_something_name_their_kind() {
        let doc = br#"{"profile_v2": {
            "name": {"full_name": "Ann Onyme", "first_name": "Ann", "middle_name": "", "last_name": "Onyme"},
            "emails": {"emails": [], "previous_emails": ["old@b.c"], "pending_emails": [], "ad_account_emails": []},
            "birthday": {"year": 1990, "month": 0, "day": 0},
            "gender": {"gender_option": "", "pronoun": ""},
            "current_city": {"name": "", "timestamp": 1600000000},
            "hometown": {"name": "Saint-\u00c3\u0089tienne", "timestamp": 0},
            "relationship": {"status": "Mari\u00c3\u00a9(e)", "timestamp": 1500000000},
            "family_members": [],
            "education_experiences": [{"name": "Lyc\u00c3\u00a9e", "graduated": true, "school_type": "High School"}],
            "work_experiences": [{"employer": "ACME", "title": "", "start_timestamp": 1400000000}],
            "places_lived": [{"place": "Lyon", "start_timestamp": 1300000000}],
            "phone_numbers": [{"phone_type": "", "phone_number": "", "verified": false}],
            "languages": [{"name": "Fran\u00c3\u00a7ais"}],
            "registration_timestamp": 1200000000,
            "username": "ann.onyme",
            "profile_uri": "https://www.facebook.com/ann.onyme"}}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.holds,
            [Name, Email, BirthDate, Address, Family, Education, Work, Address, Username]
        );
    }

    #[test]
    fn each_platform_claims_its_own_profile() {
        let ig = br#"{"profile_user": []}"#;
        assert!(INSTAGRAM.detect("personal_information.json", ig).is_some());
        assert!(FACEBOOK.detect("personal_information.json", ig).is_none());
        let fb = br#"{"profile_v2": {"name": {}}}"#;
        let path = "facebook-ann/profile_information/profile_information.json";
        assert!(FACEBOOK.detect(path, fb).is_some());
        assert!(INSTAGRAM.detect(path, fb).is_none());
        // Account insights hold no personal detail.
        let insights = br#"{"profile_account_insights": [{"string_map_data": {"First Country Code": {"value": "33"}}}]}"#;
        assert!(INSTAGRAM
            .detect("instagram_profile_information.json", insights)
            .is_none());
        assert!(INSTAGRAM
            .detect("x.json", b"[{\"profile_user\": 1}]")
            .is_none());
    }

    #[test]
    fn a_cut_file_keeps_the_details_before_the_cut() {
        let doc = br#"{"profile_v2": {"name": {"full_name": "Ann"}, "emails": {"emails": ["a@b.c"]}, "birthday": {"year": 19"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.holds, [Name, Email]);
        let doc = br#"{"profile_user": [{"string_map_data": {"Email": {"value": "a"}}}, {"string_map_data": {"Name": {"val"#;
        let (out, error) = collect(&INSTAGRAM, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.holds, [Email]);
        let (_, error) = collect(&FACEBOOK, br#"{"profile_user": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&INSTAGRAM, br#"{"other": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
    }

    #[test]
    fn the_generated_facebook_fixture_is_read() {
        let bytes = fixture("facebook.profile", "profile_information.json");
        assert!(FACEBOOK
            .detect("profile_information/profile_information.json", &bytes)
            .is_some());
        let (out, error) = collect(&FACEBOOK, &bytes);
        assert_eq!(error, None);
        assert_eq!(
            out.holds,
            [
                Name, Email, BirthDate, Gender, Address, Address, Family, Family, Education, Work,
                Address, Phone, Username
            ]
        );
    }
}
