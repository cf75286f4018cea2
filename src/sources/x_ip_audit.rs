//! X's logins: when, and from which IP address.
//!
//! Where from: X's archive (see `guides::X`), `data/ip-audit.js` (split as
//! `ip-audit-part1.js`… when long), `window.YTD.ip_audit.part0 = [{"ipAudit": {"accountId":
//! "…", "createdAt": "2023-08-12T16:10:37.000Z", "loginIp": "…", "loginPortNumber": "…"}}]`
//! (formats.md section 6). Each entry is one login: its time and IP address are handed over
//! (`login`, no device: the file names none); the account id and port are not read.

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

/// `ip-audit.js`.
pub struct XIpAudit;

const TYPES: [&str; 1] = ["ip_audit"];

/// One entry; anything else in it is passed over.
#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "ipAudit")]
    ip_audit: Option<Audit>,
}

#[derive(Deserialize)]
struct Audit {
    #[serde(rename = "createdAt")]
    created_at: Option<Value>,
    #[serde(rename = "loginIp")]
    login_ip: Option<Value>,
}

impl Source for XIpAudit {
    fn id(&self) -> &'static str {
        "x.ip_audit"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), connexions et adresses IP",
            Lang::En => "X (Twitter) logins and IP addresses",
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
            let Some(audit) = entry.ip_audit else { return };
            let at = audit
                .created_at
                .as_ref()
                .and_then(Value::as_str)
                .and_then(x::parse_time);
            let ip = audit.login_ip.as_ref().and_then(Value::as_str);
            out.login(&Login {
                at,
                ip,
                device: None,
            });
        })
        .err()
        .map(JsonError::kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn each_login_is_handed_over_with_its_time_and_address() {
        let doc = br#"window.YTD.ip_audit.part0 = [
          { "ipAudit" : { "accountId" : "1234", "createdAt" : "2023-08-12T16:10:37.000Z",
                          "loginIp" : "2a01:cb00:1234::1", "loginPortNumber" : "443" } },
          { "ipAudit" : { "accountId" : "1234", "createdAt" : "someday", "loginIp" : 7 } },
          { "other" : 1 }
        ]"#;
        let (out, error) = collect(&XIpAudit, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                (
                    Some(1_691_856_637),
                    Some("2a01:cb00:1234::1".to_owned()),
                    None
                ),
                (None, None, None)
            ]
        );
        let (out, error) = collect(&XIpAudit, &doc[..doc.len() - 60]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.logins.len(), 1);
        let tweets = b"window.YTD.tweets.part0 = []";
        assert_eq!(collect(&XIpAudit, tweets).1, Some(ErrorKind::WrongType));
        assert!(XIpAudit.detect("data/ip-audit.js", tweets).is_none());
        assert!(XIpAudit
            .detect("data/ip-audit-part1.js", b"window.YTD.ip_audit.part1 = [")
            .is_some());
    }
}
