//! Google Timeline exported from the iPhone's Google Maps app (2024+): `location-history.json`.
//!
//! Where from: since Google moved Timeline onto the phone, iPhone users export it from Google Maps:
//! profile picture › Settings › Personal content › "Export Timeline data". The app writes
//! `location-history.json` (any name is possible, so detection reads the content). 1–10 MB.
//!
//! Shape: a **bare top-level array** of segments `{startTime, endTime}` (ISO 8601 with the local
//! offset) holding one of:
//! - `visit{hierarchyLevel "0", probability "0.71", topCandidate{placeID, semanticType,
//!   probability, placeLocation "geo:27.720022,-97.347951"}}`;
//! - `activity{start "geo:…", end "geo:…", distanceMeters "908.83", topCandidate{type}}`;
//! - `timelinePath[{point "geo:…", durationMinutesOffsetFromStartTime "49"}]`: the point's time
//!   is the segment's start plus that many minutes;
//! - `timelineMemory{destinations[{identifier}], distanceFromOriginKms}` (no coordinates).
//!
//! Quirks against the Android export: every number is a string, coordinates are `geo:` URIs,
//! `placeID` has a capital `ID`, `semanticType` and activity types are human-readable
//! (`"Inferred Home"`, `"in passenger vehicle"`), and there are no raw signals nor profile.
//! The segment reader is the Android one, which accepts both spellings; the hand-over is the same
//! (visits with their arrival and departure fixes, home/work service places, moves, path fixes).

use std::io::Read;

use serde::de::DeserializeSeed;

use super::google_timeline_android::{error_kind, json_text, Each, EofWatch, Segment};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::json_start;
use crate::model::location::LocationSink;

pub struct GoogleTimelineIos;

impl Source for GoogleTimelineIos {
    fn id(&self) -> &'static str {
        "google.timeline.ios"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Maps, Vos trajets (export iPhone, location-history.json)",
            Lang::En => "Google Maps Timeline (iPhone export, location-history.json)",
        }
    }

    fn guide(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => {
                "Depuis 2024, Google garde l'historique des positions sur le téléphone, plus dans \
                 Takeout. Dans l'application Google Maps de l'iPhone, touchez votre photo de \
                 profil › Paramètres › Contenu personnel › « Exporter les données Vos \
                 trajets », puis enregistrez location-history.json dans Fichiers (ou \
                 envoyez-le par AirDrop). L'export prend quelques secondes\u{a0}; déposez le \
                 fichier ici, tel quel."
            }
            Lang::En => {
                "Since 2024 Google keeps Location History on the phone, no longer in Takeout. In \
                 the Google Maps app on the iPhone, tap your profile picture › Settings › \
                 Personal content › \"Export Timeline data\", then save location-history.json to \
                 Files (or AirDrop it). The export takes a few seconds; drop the file here as it \
                 is."
            }
        }
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let text = json_text(head);
        let has = |needle: &[u8]| text.windows(needle.len()).any(|w| w == needle);
        let segment = has(b"\"visit\"") || has(b"\"activity\"") || has(b"\"timelinePath\"");
        (text.starts_with(b"[") && has(b"\"geo:") && segment).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn LocationSink) -> Option<ErrorKind> {
        let mut text = EofWatch::new(json_start(reader));
        let mut de = serde_json::Deserializer::from_reader(&mut text);
        let read = Each {
            each: &mut |s: Segment| s.hand_over(out),
            nullable: false,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        drop(de);
        read.err().map(|e| error_kind(e, text.ended))
    }
}
