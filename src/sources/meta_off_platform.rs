//! Facebook's and Instagram's activity off Meta technologies: the apps and sites that told Meta
//! what the person did there (opened the app, viewed a page, bought, searched…), event by event.
//!
//! Where from: the JSON export (see `guides::meta`), in
//! `apps_and_websites_off_of_facebook/` (Instagram: `apps_and_websites_off_of_instagram/
//! apps_and_websites/`): `your_activity_off_meta_technologies.json`, until 2022
//! `your_off-facebook_activity.json`.
//!
//! Shape (formats.md section 2): `{"off_facebook_activity_v2": [{"name": "Vinted", "events":
//! [{"id": 4282504849, "type": "PAGE_VIEW", "timestamp": 1635622200}, …]}, …]}`; Instagram
//! writes `apps_and_websites_off_meta_activity`. Times are epoch seconds, 0 for none. Each app's
//! events are streamed one by one: an app with a hundred thousand events costs no more memory
//! than one with ten (events written before the app's name wait for it, up to
//! [`MAX_WAITING`]).

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::Platform;
use crate::model::Sink;

/// Off-platform activity, for one platform.
pub struct MetaOffPlatform {
    pub platform: Meta,
}

/// Keys of the list of apps.
const KEYS: [&str; 3] = [
    "off_facebook_activity_v2",
    "apps_and_websites_off_meta_activity",
    "off_facebook_activity",
];

/// Events of an app held until its name comes (Meta writes the name first).
const MAX_WAITING: usize = 10_000;

/// One event, as written.
#[derive(Deserialize)]
struct Event {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
}

impl Event {
    fn at(&self) -> Option<i64> {
        match self.timestamp.as_ref()? {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's off-platform activity")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if KEYS.contains(&key.as_str()) {
                known = true;
                map.next_value_seed(Apps { out: &mut *out })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

/// The list of apps.
struct Apps<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> DeserializeSeed<'de> for Apps<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Apps<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of apps")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(App {
                out: &mut *self.out,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// One app: its name, then its events one by one (events written before the name wait for it).
struct App<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> DeserializeSeed<'de> for App<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for App<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an app and its events")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let out = self.out;
        let mut name: Option<String> = None;
        let mut waiting: Vec<(String, Option<i64>)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" => {
                    let value: Option<String> = map.next_value()?;
                    name = value.map(|n| meta::text(&n));
                    if let Some(name) = &name {
                        for (kind, at) in waiting.drain(..) {
                            out.off_platform(name, &kind, at);
                        }
                    }
                }
                "events" => map.next_value_seed(Each {
                    each: &mut |event: Event| {
                        let kind = event.kind.as_deref().map(meta::text).unwrap_or_default();
                        match &name {
                            Some(name) => out.off_platform(name, &kind, event.at()),
                            // Held for a name still to come, up to a bound: a file whose
                            // app has no name does not fill the memory.
                            None if waiting.len() < MAX_WAITING => {
                                waiting.push((kind, event.at()));
                            }
                            None => {}
                        }
                    },
                    nullable: true,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl Source for MetaOffPlatform {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.off_platform",
            Meta::Instagram => "instagram.off_platform",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, activité en dehors des technologies Meta",
            (Meta::Facebook, Lang::En) => "Facebook activity off Meta technologies",
            (Meta::Instagram, Lang::Fr) => "Instagram, activité en dehors des technologies Meta",
            (Meta::Instagram, Lang::En) => "Instagram activity off Meta technologies",
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
        let strong = KEYS.iter().any(|k| meta::has_key(head, k));
        let weak = false;
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

    #[test]
    fn events_are_handed_over_with_their_app_even_before_its_name() {
        let doc = br#"{"off_facebook_activity_v2": [
            {"name": "Activision Publishing", "events": [
                {"id": 1352425571809883, "type": "CUSTOM", "timestamp": 1635622200},
                {"id": 159306912964078, "type": "PAGE_VIEW", "timestamp": "1633728480"}]},
            {"events": [{"id": 1, "type": "PURCHASE", "timestamp": 0}], "name": "Caf\u00c3\u00a9 Lomi"}
        ]}"#;
        let facebook = MetaOffPlatform {
            platform: Meta::Facebook,
        };
        let (out, error) = collect(&facebook, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.off_platform,
            [
                (
                    "Activision Publishing".to_owned(),
                    "CUSTOM".to_owned(),
                    Some(1_635_622_200)
                ),
                (
                    "Activision Publishing".to_owned(),
                    "PAGE_VIEW".to_owned(),
                    Some(1_633_728_480)
                ),
                ("Café Lomi".to_owned(), "PURCHASE".to_owned(), Some(0)),
            ]
        );
    }

    #[test]
    fn a_file_cut_midway_keeps_the_events_before_the_cut() {
        let doc = br#"{"apps_and_websites_off_meta_activity": [{"name": "Vinted", "events": [{"type": "Test", "timestamp": 1700000000}, {"type": "Te"#;
        let instagram = MetaOffPlatform {
            platform: Meta::Instagram,
        };
        let (out, error) = collect(&instagram, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.off_platform.len(), 1);
    }
}
