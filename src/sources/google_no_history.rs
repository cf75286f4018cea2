//! Google Takeout after the Timeline migration: `Encrypted Backups.txt`, the sign that the
//! archive holds no location history.
//!
//! Where from: takeout.google.com, "Location History (Timeline)", since Google moved Timeline onto
//! the phone (2024–2025). Path: `Takeout/<Location History>/Encrypted Backups.txt`, beside
//! `Timeline Edits.json`, `Settings.json` and `Tombstones.csv`.
//!
//! Shape: one English sentence of plain text, whatever the account's language: "You have
//! encrypted Timeline backups stored on Google servers. To export your Timeline data, disable
//! encryption in the Google Maps app on your phone first." It holds no position at all.
//!
//! Reflet claims it so that the person learns why their archive shows no history, and how to get
//! it (the Takeout guide points to the phone's Timeline guides): by the sentence (`encrypted Timeline backups`), or, more weakly, by the file
//! name when the content is plain prose (in case Google rewords or translates it). Reading checks
//! that it is such a short text, hands over nothing and reports no error.

use std::io::Read;

use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;

pub struct GoogleNoHistory;

/// The sentence's telling words, compared without regard to case.
const SENTENCE: &[u8] = b"encrypted timeline backups";

/// The notice is one sentence; a longer file is something else.
const MAX_LEN: usize = 64 * 1024;

fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Plain prose: UTF-8 (possibly cut in the middle of a character at the end of the head), no
/// control bytes but white space, and not the start of JSON, XML or HTML.
fn is_prose(head: &[u8]) -> bool {
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(head.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or("")
        }
        Err(_) => return false,
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    !text.is_empty()
        && !text.starts_with(['{', '[', '<'])
        && !text.chars().any(|c| c.is_control() && !c.is_whitespace())
}

/// The file name, without its folders, in lower case.
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_lowercase()
}

impl Source for GoogleNoHistory {
    fn id(&self) -> &'static str {
        "google.takeout_no_history"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Takeout sans historique des positions (Encrypted Backups.txt)",
            Lang::En => "Google Takeout without location history (Encrypted Backups.txt)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let confidence = if contains_ignoring_case(head, SENTENCE) && is_prose(head) {
            90
        } else if file_name(path) == "encrypted backups.txt" && is_prose(head) {
            50
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, _out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let mut text = Vec::new();
        let limit = u64::try_from(MAX_LEN).unwrap_or(u64::MAX) + 1;
        if reader.take(limit).read_to_end(&mut text).is_err() {
            return Some(ErrorKind::Unreadable);
        }
        if text.is_empty() {
            return Some(ErrorKind::Empty);
        }
        if text.len() > MAX_LEN {
            return Some(ErrorKind::TooLarge);
        }
        if std::str::from_utf8(&text).is_err() {
            return Some(ErrorKind::InvalidText);
        }
        // Text, but JSON or markup: not the notice.
        (!is_prose(&text)).then_some(ErrorKind::WrongType)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::collect;

    fn sample() -> Vec<u8> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/samples/google/Encrypted Backups.txt"
        );
        std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_notice_is_claimed_read_and_holds_nothing() {
        let bytes = sample();
        // grep -c 'encrypted Timeline backups' 'Encrypted Backups.txt' → 1
        let claim = GoogleNoHistory.detect(
            "Takeout/Historique des positions/Encrypted Backups.txt",
            &bytes,
        );
        assert_eq!(claim.map(|c| c.confidence), Some(90));
        assert_eq!(
            GoogleNoHistory
                .detect("notes.txt", &bytes)
                .map(|c| c.confidence),
            Some(90)
        );
        let (out, error) = collect(&GoogleNoHistory, &bytes);
        assert_eq!(error, None);
        assert!(out.fixes.is_empty() && out.visits.is_empty() && out.places.is_empty());
        assert_eq!(out.skipped, 0);
    }

    #[test]
    fn the_name_alone_is_a_weaker_claim_and_only_on_prose() {
        let reworded = "Vous avez des sauvegardes chiffrées de vos trajets.\n".as_bytes();
        let claim = GoogleNoHistory.detect("Takeout/Timeline/Encrypted Backups.txt", reworded);
        assert_eq!(claim.map(|c| c.confidence), Some(50));
        assert_eq!(
            GoogleNoHistory
                .detect(r"C:\Takeout\ENCRYPTED BACKUPS.TXT", reworded)
                .map(|c| c.confidence),
            Some(50)
        );
        assert_eq!(collect(&GoogleNoHistory, reworded).1, None);
        assert!(GoogleNoHistory
            .detect("Encrypted Backups.txt", b"{\"a\": 1}")
            .is_none());
        assert!(GoogleNoHistory
            .detect("Encrypted Backups.txt", b"\x89PNG\r\n\x1a\n")
            .is_none());
        assert!(GoogleNoHistory.detect("Other.txt", reworded).is_none());
        // A head cut inside a character is still prose.
        assert!(is_prose(&"chiffrées".as_bytes()[..8]));
    }

    #[test]
    fn anything_but_a_short_prose_text_is_an_error() {
        let cases: [(&[u8], ErrorKind); 4] = [
            (b"", ErrorKind::Empty),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", ErrorKind::InvalidText),
            (b"{\"locations\": []}", ErrorKind::WrongType),
            (
                b"You have encrypted Timeline backups\0\0",
                ErrorKind::WrongType,
            ),
        ];
        for (input, kind) in cases {
            assert_eq!(collect(&GoogleNoHistory, input).1, Some(kind), "{input:?}");
        }
        let long = "You have encrypted Timeline backups. ".repeat(2000);
        assert_eq!(
            collect(&GoogleNoHistory, long.as_bytes()).1,
            Some(ErrorKind::TooLarge)
        );
    }
}
