//! The apps the person used X with, and the address their account was created from.
//!
//! Where from: X's archive (see `guides::X`), two small files of `data/` (formats.md
//! section 6):
//! - `device-token.js`, `window.YTD.device_token.part0 = [{"deviceToken":
//!   {"clientApplicationId": "…", "clientApplicationName": "Twitter for iPhone", "createdAt":
//!   "2023-08-12T16:10:37.000Z", "lastSeenAt": "…", "token": "…"}}]`: one entry per app
//!   installation X could reach the person on. Each hands over two logins with the app's name as
//!   the device, one at `createdAt` (when it was set up) and one at `lastSeenAt` (its last use),
//!   so that the summary's first and last dates for the app are X's own; a missing or unreadable
//!   time gives a login without a date. The application id and the token are never read.
//! - `account-creation-ip.js`, `window.YTD.account_creation_ip.part0 = [{"accountCreationIp":
//!   {"accountId": "…", "userCreationIp": "…"}}]`: the IP address the account was created from,
//!   handed over as one login with that address and no date (the file gives none). The account
//!   id is not read.
//!
//! `account.js` holds no login: the kinds of detail it holds (user name, display name, e-mail
//! address) are read by [`super::x_account`], with `phone-number.js`.

use std::io::Read;

use serde::Deserialize;
use serde_json::Value;

use super::x;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{for_each_element, JsonError};
use crate::model::social::{Login, Platform};
use crate::model::Sink;

/// `device-token.js` and `account-creation-ip.js`.
pub struct XDevices;

const TYPES: [&str; 2] = ["device_token", "account_creation_ip"];

/// One entry of either file; anything else in it is passed over.
#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "deviceToken")]
    device_token: Option<Device>,
    #[serde(rename = "accountCreationIp")]
    creation: Option<Creation>,
}

#[derive(Deserialize)]
struct Device {
    #[serde(rename = "clientApplicationName")]
    app: Option<Value>,
    #[serde(rename = "createdAt")]
    created_at: Option<Value>,
    #[serde(rename = "lastSeenAt")]
    last_seen_at: Option<Value>,
}

#[derive(Deserialize)]
struct Creation {
    #[serde(rename = "userCreationIp")]
    ip: Option<Value>,
}

/// A time as X writes it, if the value is one.
fn time(value: Option<&Value>) -> Option<i64> {
    value.and_then(Value::as_str).and_then(x::parse_time)
}

impl Source for XDevices {
    fn id(&self) -> &'static str {
        "x.devices"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), applications utilisées et adresse IP de création du compte",
            Lang::En => "X (Twitter) apps used and the account's creation IP address",
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
        for_each_element(reader, &[], &mut |entry: Entry| {
            if let Some(device) = entry.device_token {
                let app = device.app.as_ref().and_then(Value::as_str);
                for at in [&device.created_at, &device.last_seen_at] {
                    out.login(&Login {
                        at: time(at.as_ref()),
                        ip: None,
                        device: app,
                    });
                }
            }
            if let Some(creation) = entry.creation {
                out.login(&Login {
                    at: None,
                    ip: creation.ip.as_ref().and_then(Value::as_str),
                    device: None,
                });
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
    fn each_app_is_two_logins_at_its_first_and_last_use() {
        let doc = br#"window.YTD.device_token.part0 = [
          { "deviceToken" : { "clientApplicationId" : "129032", "token" : "secret",
              "createdAt" : "2023-08-12T16:10:37.000Z", "lastSeenAt" : "2023-08-13T16:10:37.000Z",
              "clientApplicationName" : "Twitter for iPhone" } },
          { "deviceToken" : { "clientApplicationId" : "3033300", "createdAt" : "someday",
              "clientApplicationName" : "Twitter Web App" } },
          { "other" : 1 }
        ]"#;
        let (out, error) = collect(&XDevices, doc);
        assert_eq!(error, None);
        let iphone = Some("Twitter for iPhone".to_owned());
        let web = Some("Twitter Web App".to_owned());
        assert_eq!(
            out.logins,
            [
                (Some(1_691_856_637), None, iphone.clone()),
                (Some(1_691_943_037), None, iphone),
                (None, None, web.clone()),
                (None, None, web),
            ]
        );
        // Neither the token nor the application id is handed over.
        assert!(out.inferred.is_empty() && out.interests.is_empty());
        let (out, error) = collect(&XDevices, &doc[..doc.len() - 60]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.logins.len(), 2);
    }

    #[test]
    fn the_creation_address_is_one_login_without_a_date() {
        let doc = br#"window.YTD.account_creation_ip.part0 = [
          { "accountCreationIp" : { "accountId" : "1234", "userCreationIp" : "192.0.2.7" } }
        ]"#;
        let (out, error) = collect(&XDevices, doc);
        assert_eq!(error, None);
        assert_eq!(out.logins, [(None, Some("192.0.2.7".to_owned()), None)]);
        assert!(XDevices
            .detect("data/account-creation-ip.js", doc)
            .is_some());
    }

    #[test]
    fn other_files_are_not_claimed_and_garbage_is_an_error() {
        for head in [
            &b"window.YTD.tweets.part0 = []"[..],
            b"window.YTD.account.part0 = []",
            b"window.YTD.ip_audit.part0 = []",
        ] {
            assert!(XDevices.detect("data/device-token.js", head).is_none());
            assert_eq!(collect(&XDevices, head).1, Some(ErrorKind::WrongType));
        }
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n", b"[[[[[[[["] {
            assert!(collect(&XDevices, bytes).1.is_some());
        }
        let deep = format!("window.YTD.device_token.part0 = {}", "[".repeat(5000));
        assert!(collect(&XDevices, deep.as_bytes()).1.is_some());
    }

    #[test]
    fn the_fixtures_are_read_whole() {
        let (out, error) = collect(&XDevices, &fixture("x.devices", "device-token.js"));
        assert_eq!(error, None);
        assert_eq!(out.logins.len(), 24);
        assert!(out
            .logins
            .iter()
            .all(|(at, ip, device)| at.is_some() && ip.is_none() && device.is_some()));
        let (out, error) = collect(&XDevices, &fixture("x.devices", "account-creation-ip.js"));
        assert_eq!(error, None);
        assert_eq!(out.logins, [(None, Some("90.12.204.17".to_owned()), None)]);
    }
}
