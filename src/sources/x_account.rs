//! The kinds of personal detail X holds on the account: user name, display name, e-mail
//! address, phone number.
//!
//! Where from: X's archive (see `guides::X`), two small files of `data/` (formats.md
//! section 6):
//! - `account.js`, `window.YTD.account.part0 = [{"account": {"accountId": "…", "username":
//!   "…", "accountDisplayName": "…", "createdAt": "2021-07-22T16:10:37.000Z", "createdVia":
//!   "web", "email": "…"}}]`: `username` → [`Detail::Username`], `accountDisplayName` →
//!   [`Detail::Name`], `email` → [`Detail::Email`];
//! - `phone-number.js`, `window.YTD.phone_number.part0 = [{"device": {"phoneNumber":
//!   "+33…"}}]` (formats.md names the file without its fields; this shape is the one X's
//!   archives write): `phoneNumber` → [`Detail::Phone`].
//!
//! Each kind whose value is filled in (a non-blank string) is handed over once per file
//! ([`SocialSink::holds`]); the values themselves are never read out. The account id, its
//! creation time and the app it was created with are not read.
//!
//! [`SocialSink::holds`]: crate::model::social::SocialSink::holds

use std::io::Read;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::x;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::social::{Detail, Platform};
use crate::model::Sink;

/// `account.js` and `phone-number.js`.
pub struct XAccount;

const TYPES: [&str; 2] = ["account", "phone_number"];

/// The fields read, and the kind of detail each is.
const FIELDS: [(&str, Detail); 4] = [
    ("username", Detail::Username),
    ("accountDisplayName", Detail::Name),
    ("email", Detail::Email),
    ("phoneNumber", Detail::Phone),
];

/// One entry of either file; anything else in it is passed over.
#[derive(Deserialize)]
struct Entry {
    account: Option<Map<String, Value>>,
    device: Option<Map<String, Value>>,
}

impl Source for XAccount {
    fn id(&self) -> &'static str {
        "x.account"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), informations du compte (nom, e-mail, téléphone)",
            Lang::En => "X (Twitter) account details (name, e-mail, phone)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::X
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::X)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        x::claim(self.id(), &TYPES, head)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let reader = match x::open(reader, &TYPES) {
            Ok(reader) => reader,
            Err(kind) => return Some(kind),
        };
        let mut seen: Vec<Detail> = Vec::new();
        for_each_element(reader, &[], &mut |entry: Entry| {
            for fields in [&entry.account, &entry.device].into_iter().flatten() {
                for (key, detail) in FIELDS {
                    let filled = fields
                        .get(key)
                        .and_then(Value::as_str)
                        .is_some_and(|v| !v.trim().is_empty());
                    if filled && !seen.contains(&detail) {
                        seen.push(detail);
                        out.holds(detail);
                    }
                }
            }
        })
        .err()
        .map(JsonError::kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    #[test]
    fn the_account_names_the_kinds_of_detail_it_holds_never_their_values() {
        let doc = br#"window.YTD.account.part0 = [ {
          "account" : { "email" : "lea.martin@example.fr", "createdVia" : "web",
            "username" : "lea_m", "accountId" : "1418260157300000768",
            "createdAt" : "2021-07-22T16:10:37.000Z", "accountDisplayName" : "  " } } ]"#;
        let (out, error) = collect(&XAccount, doc);
        assert_eq!(error, None);
        // The display name is blank: not held.
        assert_eq!(out.holds, [Detail::Username, Detail::Email]);
        let all = format!("{out:?}");
        assert!(!all.contains("lea") && !all.contains("1418"));
        assert!(XAccount.detect("data/account.js", doc).is_some());
        let (out, error) = collect(&XAccount, &doc[..doc.len() - 30]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert!(out.holds.is_empty());
    }

    #[test]
    fn a_phone_number_is_held_once() {
        let doc = br#"window.YTD.phone_number.part0 = [
          { "device" : { "phoneNumber" : "+33612345678" } },
          { "device" : { "phoneNumber" : "+33698765432" } },
          { "device" : { "phoneNumber" : "" } }, { "other" : 1 } ]"#;
        let (out, error) = collect(&XAccount, doc);
        assert_eq!(error, None);
        assert_eq!(out.holds, [Detail::Phone]);
        assert!(XAccount.detect("data/phone-number.js", doc).is_some());
    }

    #[test]
    fn other_files_are_not_claimed_and_garbage_is_an_error() {
        for head in [
            &b"window.YTD.tweets.part0 = []"[..],
            b"window.YTD.account_creation_ip.part0 = []",
            b"window.YTD.device_token.part0 = []",
            b"window.YTD.email_address_change.part0 = []",
        ] {
            assert!(XAccount.detect("data/account.js", head).is_none());
            assert_eq!(collect(&XAccount, head).1, Some(ErrorKind::WrongType));
        }
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n", b"[[[[[[[["] {
            assert!(collect(&XAccount, bytes).1.is_some());
        }
        let deep = format!("window.YTD.account.part0 = {}", "[".repeat(5000));
        assert!(collect(&XAccount, deep.as_bytes()).1.is_some());
        // An entry that is not an object is an error, not a panic.
        assert!(collect(&XAccount, b"window.YTD.account.part0 = [1]")
            .1
            .is_some());
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        let (out, error) = collect(&XAccount, &fixture("x.account", "account.js"));
        assert_eq!(error, None);
        assert_eq!(out.holds, [Detail::Username, Detail::Name, Detail::Email]);
        let (out, error) = collect(&XAccount, &fixture("x.account", "phone-number.js"));
        assert_eq!(error, None);
        assert_eq!(out.holds, [Detail::Phone]);
    }
}
