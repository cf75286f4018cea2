//! Snapchat's profile of the person: `json/user_profile.json` in the "My Data" archive (see
//! [`super::snapchat`]), what Snapchat inferred to choose its ads and content.
//!
//! Shape (formats.md section 4): an object with `"App Profile"` (`Country`, `"Creation Time"`,
//! `"In-app Language"`…), `"Demographics"` (`{"Cohort Age": "AGE_21_TO_24", "Derived Ad
//! Demographic": "MALE"}`, older exports `"18-24"`…), `"Subscriptions"`, `"Engagement"`
//! (`[{"Event": "Application Opens", "Occurrences": 856}]`), `"Discover Channels Viewed"`,
//! `"Breakdown of Time Spent on App"` (`["Camera: 20%"…]`), `"Ads You Interacted With"`,
//! `"Interest Categories"` and `"Content Categories"` (lists of names), `"Geographic
//! Information"`, `"Interactions"` (`{"Web Interactions": ["example.com"…], "App Interactions":
//! […]}`), `"Off-Platform Sharing"`, `"Mobile Ad Id"`.
//!
//! Read: each interest category is an interest; each content category and the two demographic
//! values are what Snapchat inferred (label, value as written); each site of `"Web
//! Interactions"` and app of `"App Interactions"` reported the person's activity to Snapchat
//! (off-platform, undated, its kind the list's name). Not read: the app profile (country,
//! language), the counts of `"Engagement"` and the shares of time (measures of use, not
//! inferences, and undated), the channels and ads seen, the mobile ad id.
//! No real sample was available: the fixtures in `tests/fixtures/snapchat.user_profile/` were
//! written from formats.md.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::read_document;
use super::snapchat::{has_key, object_head};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

pub struct SnapchatProfile;

const INTERESTS: &str = "Interest Categories";
const CONTENT: &str = "Content Categories";
const DEMOGRAPHICS: &str = "Demographics";
const INTERACTIONS: &str = "Interactions";
/// The file's other keys, skipped.
const OTHER_KEYS: [&str; 9] = [
    "App Profile",
    "Subscriptions",
    "Engagement",
    "Discover Channels Viewed",
    "Breakdown of Time Spent on App",
    "Ads You Interacted With",
    "Geographic Information",
    "Off-Platform Sharing",
    "Mobile Ad Id",
];
const DEMOGRAPHIC_LABELS: [&str; 2] = ["Cohort Age", "Derived Ad Demographic"];
const INTERACTION_LISTS: [&str; 2] = ["Web Interactions", "App Interactions"];

/// A name in a list: a string, trimmed; none when empty or not a string.
fn name(value: &Value) -> Option<&str> {
    Some(value.as_str()?.trim()).filter(|t| !t.is_empty())
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Snapchat's user_profile.json")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                INTERESTS | CONTENT => {
                    known = true;
                    let interests = key == INTERESTS;
                    map.next_value_seed(Each {
                        each: &mut |value: Value| match name(&value) {
                            Some(n) if interests => out.interest(n),
                            Some(n) => out.inferred(CONTENT, n),
                            None => {}
                        },
                        nullable: true,
                    })?;
                }
                DEMOGRAPHICS => {
                    known = true;
                    // A small object: read whole.
                    if let Value::Object(fields) = map.next_value::<Value>()? {
                        for label in DEMOGRAPHIC_LABELS {
                            if let Some(value) = fields.get(label).and_then(name) {
                                out.inferred(label, value);
                            }
                        }
                    }
                }
                INTERACTIONS => {
                    known = true;
                    // Lists of a few hundred names at most: read whole.
                    if let Value::Object(fields) = map.next_value::<Value>()? {
                        for list in INTERACTION_LISTS {
                            let Some(Value::Array(names)) = fields.get(list) else {
                                continue;
                            };
                            for app in names.iter().filter_map(name) {
                                out.off_platform(app, list, None);
                            }
                        }
                    }
                }
                other => {
                    known |= OTHER_KEYS.contains(&other);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(known)
    }
}

impl Source for SnapchatProfile {
    fn id(&self) -> &'static str {
        "snapchat.user_profile"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Snapchat, profil publicitaire",
            Lang::En => "Snapchat ad profile",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SNAPCHAT
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::Snapchat)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let head = object_head(head)?;
        let own = [
            INTERESTS,
            "Breakdown of Time Spent on App",
            "Discover Channels Viewed",
            "Derived Ad Demographic",
        ]
        .iter()
        .any(|k| has_key(head, k))
            || (has_key(head, "App Profile") && has_key(head, "Engagement"));
        own.then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn interests_inferences_and_interactions() {
        let doc = br#"{
            "App Profile": {"Country": "FR", "Creation Time": "2017-02-02 11:16:14 UTC", "In-app Language": "fr"},
            "Demographics": {"Cohort Age": "AGE_21_TO_24", "Derived Ad Demographic": "", "Other": "x"},
            "Engagement": [{"Event": "Application Opens", "Occurrences": 856}],
            "Breakdown of Time Spent on App": ["Camera: 20%"],
            "Interest Categories": ["Gamers", " ", 3, "Travel Enthusiasts"],
            "Content Categories": ["Comedy"],
            "Interactions": {"Web Interactions": ["example.com"], "App Interactions": ["Spotify", ""]},
            "Mobile Ad Id": "00000000-0000-0000-0000-000000000000"
        }"#;
        let (out, error) = collect(&SnapchatProfile, doc);
        assert_eq!(error, None);
        assert_eq!(out.interests, ["Gamers", "Travel Enthusiasts"]);
        assert_eq!(
            out.inferred,
            [
                ("Cohort Age".to_owned(), "AGE_21_TO_24".to_owned()),
                ("Content Categories".to_owned(), "Comedy".to_owned()),
            ]
        );
        assert_eq!(
            out.off_platform,
            [
                (
                    "example.com".to_owned(),
                    "Web Interactions".to_owned(),
                    None
                ),
                ("Spotify".to_owned(), "App Interactions".to_owned(), None),
            ]
        );
        assert!(out.active.is_empty() && out.logins.is_empty());
    }

    #[test]
    fn detection_wants_snapchat_s_keys() {
        assert!(SnapchatProfile
            .detect(
                "json/user_profile.json",
                br#"{"App Profile": {}, "Engagement": []}"#
            )
            .is_some());
        assert!(SnapchatProfile
            .detect("x.json", br#"{"Interest Categories": ["Gamers"]}"#)
            .is_some());
        assert!(SnapchatProfile
            .detect("x.json", br#"{"Engagement": [{"Event": "x"}]}"#)
            .is_none());
        assert!(SnapchatProfile
            .detect("x.json", br#"{"topics_v2": ["Quiz"]}"#)
            .is_none());
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc = br#"{"Interest Categories": ["Gamers", "Tra"#;
        let (out, error) = collect(&SnapchatProfile, doc);
        assert_eq!(
            (out.interests.len(), error),
            (1, Some(ErrorKind::Truncated))
        );
        let (_, error) = collect(&SnapchatProfile, br#"{"topics_v2": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&SnapchatProfile, br#"{"Interest Categories": 3}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }
}
