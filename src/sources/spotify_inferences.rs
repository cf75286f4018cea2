//! The marketing segments Spotify put the person in.
//!
//! Where from: Spotify's "Account data" package (see `guides::SPOTIFY`), folder
//! `Spotify Account Data/` (older: `MyData/`), formats.md section 8: `Inferences.json`,
//! `{"inferences": ["1P_Custom_…", "2P_<Advertiser>_<segment>_<date>_<CC>_Lookalike",
//! "3P_…", "… [Advertiser-Restricted]", …]}`.
//!
//! Each string of `inferences` is handed over as one segment, as written, in the file's order;
//! anything else in the file is passed over. The strings stream one by one, so a file cut off
//! midway has handed over the segments before the cut. Detection needs the key `inferences` in
//! the head and the name `Inferences.json`.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::spotify::file_name;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, Each, JsonError};
use crate::model::media::Service;
use crate::model::Sink;

/// `Inferences.json`.
pub struct SpotifyInferences;

const KEY: &str = "inferences";

/// The whole file; it says whether the key was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Spotify's inferences")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == KEY {
                known = true;
                map.next_value_seed(Each {
                    each: &mut |item: Value| {
                        if let Some(name) = item.as_str().filter(|s| !s.trim().is_empty()) {
                            out.segment(name);
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

impl Source for SpotifyInferences {
    fn id(&self) -> &'static str {
        "spotify.inferences"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Spotify, segments marketing déduits",
            Lang::En => "Spotify inferred marketing segments",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SPOTIFY
    }

    fn media(&self) -> Option<Service> {
        Some(Service::Spotify)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        (file_name(path).eq_ignore_ascii_case("Inferences.json")
            && super::meta::opens_object(head)
            && super::meta::has_key(head, KEY))
        .then(|| Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        match visit_object(reader, Document { out }) {
            Ok(true) => None,
            Ok(false) => Some(ErrorKind::WrongType),
            Err(e) => Some(JsonError::kind(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const DOC: &[u8] = br#"{
  "inferences" : [ "1P_Custom_Podcast_Listeners", "2P_Renault_Auto-Intenders_20230115_FR_Lookalike [Advertiser-Restricted]", null, "3P_Travel" ]
}"#;

    #[test]
    fn each_string_is_a_segment_in_order() {
        let (out, error) = collect(&SpotifyInferences, DOC);
        assert_eq!(error, None);
        assert_eq!(
            out.segments,
            [
                "1P_Custom_Podcast_Listeners",
                "2P_Renault_Auto-Intenders_20230115_FR_Lookalike [Advertiser-Restricted]",
                "3P_Travel"
            ]
        );
        let (out, error) = collect(&SpotifyInferences, DOC.get(..DOC.len() - 20).unwrap());
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.segments.len(), 2);
    }

    #[test]
    fn detection_needs_the_name_and_the_key() {
        assert!(SpotifyInferences
            .detect("MyData/Inferences.json", DOC)
            .is_some());
        assert!(SpotifyInferences
            .detect("inferences_about_you.json", DOC)
            .is_none());
        assert!(SpotifyInferences
            .detect("Inferences.json", b"{\"inferred\": []}")
            .is_none());
    }

    #[test]
    fn garbage_is_an_error() {
        for bytes in [
            &b""[..],
            b"\x89PNG\r\n\x1a\n",
            b"[[[[[[[[",
            b"{\"locations\": []}",
        ] {
            assert!(collect(&SpotifyInferences, bytes).1.is_some(), "{bytes:?}");
        }
    }

    #[test]
    fn the_fixture_is_read_whole() {
        let bytes = fixture("spotify.inferences", "Inferences.json");
        let (out, error) = collect(&SpotifyInferences, &bytes);
        assert_eq!(error, None);
        assert!(out.segments.len() > 20);
    }
}
