//! Snapchat's account file: `json/account.json` in the "My Data" archive (see
//! [`super::snapchat`]), and the logins it lists.
//!
//! Shape (formats.md section 4): an object with `"Basic Information"` (`Username`, `Name`,
//! `"Creation Date"`, `"Registration IP"`, `Country`, `"Last Active"`), `"Device Information"`
//! (the current phone: `Make`, `"Model ID"`…), `"Device History"`, the terms accepted, `"Login
//! History"` `[{"IP", "Country", "Created": "2024-09-09 00:40:41 UTC" (older `2021/09/02 …`),
//! "Status", "Device"}]` and `"Family Center"`.
//!
//! Read: each `"Login History"` entry is a login (its time, IP address and device, as written);
//! an entry whose `Status` says it failed is not the person's login and is skipped. The basic
//! information names the kinds of personal detail Snapchat holds ([`SocialSink::holds`]): each
//! field that is a user name, a name, an e-mail address, a phone number or a birth date (by
//! [`Detail::from_label`]: `Username`, `Name`, and `Email`, `Phone Number`, `Birthday` if a file
//! lists them), filled in, each kind once; the values are never kept. Its `Country` (where the
//! account was registered), creation date, registration IP and last activity are not read (the
//! account's creation is not an action of the rhythm). Not read either: the device information
//! and history (the logins name the devices), the terms. `account_history.json` (changes of display name, e-mail address, phone number and
//! password) is not this source's: it holds personal identifiers and no login. No real sample was
//! available: the fixtures in `tests/fixtures/snapchat.account/` were written from formats.md.
//!
//! [`SocialSink::holds`]: crate::model::social::SocialSink::holds

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::meta::read_document;
use super::snapchat::{has_key, object_head, Record, Records};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{Detail, Login, Platform};
use crate::model::Sink;

pub struct SnapchatAccount;

const LOGINS: &str = "Login History";
const BASIC: &str = "Basic Information";
/// The kinds of detail read from the basic information.
const DETAILS: [Detail; 5] = [
    Detail::Username,
    Detail::Name,
    Detail::Email,
    Detail::Phone,
    Detail::BirthDate,
];
/// The file's other keys.
const OTHER_KEYS: [&str; 3] = ["Device Information", "Device History", "Family Center"];
const LOGIN_FIELDS: &[&str] = &["IP", "Created", "Status", "Device"];

fn hand_over(record: &Record, out: &mut dyn Sink) {
    if record
        .text("Status")
        .is_some_and(|s| s.to_ascii_lowercase().contains("fail"))
    {
        return;
    }
    out.login(&Login {
        at: record.time("Created"),
        ip: record.text("IP"),
        device: record.text("Device"),
    });
}

/// The kinds of detail the basic information holds, each once, in the order of [`DETAILS`].
fn details(basic: &Map<String, Value>, out: &mut dyn Sink) {
    for detail in DETAILS {
        let held = basic.iter().any(|(label, value)| {
            Detail::from_label(label) == Some(detail)
                && value.as_str().is_some_and(|v| !v.trim().is_empty())
        });
        if held {
            out.holds(detail);
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
        f.write_str("Snapchat's account.json")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == LOGINS {
                known = true;
                map.next_value_seed(Records {
                    keys: LOGIN_FIELDS,
                    strict: true,
                    each: &mut |record| hand_over(&record, out),
                })?;
            } else if key == BASIC {
                known = true;
                // A handful of short fields: read whole.
                if let Value::Object(basic) = map.next_value::<Value>()? {
                    details(&basic, out);
                }
            } else {
                known |= OTHER_KEYS.contains(&key.as_str());
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(known)
    }
}

impl Source for SnapchatAccount {
    fn id(&self) -> &'static str {
        "snapchat.account"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Snapchat, compte et connexions",
            Lang::En => "Snapchat account and logins",
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
        // Bitmoji's file has a "Basic Information" too, with "Account Creation Date".
        let basic = has_key(head, BASIC)
            && (has_key(head, "Creation Date") || has_key(head, "Device Information"));
        // Snapchat's logins say when under "Created"; TikTok's "Login History" holds a
        // "LoginHistoryList" whose entries say "Date".
        let logins = has_key(head, LOGINS)
            && contains_utc(head)
            && super::gpx::contains(head, b"\"Created\"")
            && !super::gpx::contains(head, b"\"LoginHistoryList\"");
        (basic || logins).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        read_document(reader, Document { out })
    }
}

/// Whether a Snapchat time (`… UTC"`) is in the first bytes.
fn contains_utc(head: &[u8]) -> bool {
    super::gpx::contains(head, b" UTC\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    type Logins = Vec<(Option<i64>, Option<String>, Option<String>)>;

    fn logins(out: &crate::sources::Collected) -> Logins {
        out.logins.clone()
    }

    #[test]
    fn each_login_is_handed_over_and_the_failed_one_skipped() {
        let doc = br#"{
            "Basic Information": {"Username": "lea.m", "Name": "Lea M", "Creation Date": "2016-03-04 10:00:00 UTC"},
            "Device Information": {"Make": "Apple", "Model ID": "iPhone12,1"},
            "Login History": [
                {"IP": "203.0.113.7", "Country": "FR", "Created": "2024-09-09 00:40:41 UTC", "Status": "success", "Device": "iPhone12,1"},
                {"IP": "198.51.100.2", "Country": "FR", "Created": "2021/09/02 20:37:47 UTC", "Status": "failure", "Device": "SM-G991B"},
                {"IP": "", "Created": "someday", "Device": "SM-G991B"},
                7
            ]
        }"#;
        let (out, error) = collect(&SnapchatAccount, doc);
        assert_eq!(error, None);
        // date -ud '2024-09-09 00:40:41' +%s → 1725842441
        assert_eq!(
            logins(&out),
            [
                (
                    Some(1_725_842_441),
                    Some("203.0.113.7".into()),
                    Some("iPhone12,1".into())
                ),
                (None, None, Some("SM-G991B".into())),
            ]
        );
        // The kinds of detail held, never their values; no creation date.
        assert_eq!(out.holds, [Detail::Username, Detail::Name]);
        assert!(!format!("{out:?}").contains("lea.m"));
        assert!(out.inferred.is_empty() && out.active.is_empty() && out.contacts.is_empty());
    }

    #[test]
    fn the_basic_information_names_the_kinds_of_detail_held() {
        let doc = br#"{"Basic Information": {"Username": "lea.m", "Name": "", "Display Name": "Lea",
            "Email": "lea@example.fr", "Phone Number": "+33612345678", "Birthday": "1999-04-02",
            "Creation Date": "2016-03-04 10:00:00 UTC", "Registration IP": "192.0.2.1",
            "Country": "FR", "Last Active": "2024-12-30 22:14:03 UTC", "Mobile Verified": "true"}}"#;
        let (out, error) = collect(&SnapchatAccount, doc);
        assert_eq!(error, None);
        // `Name` is empty, `Display Name` is a name all the same; the country, the dates, the
        // address and what is verified are no detail read here.
        assert_eq!(
            out.holds,
            [
                Detail::Username,
                Detail::Name,
                Detail::Email,
                Detail::Phone,
                Detail::BirthDate
            ]
        );
        // Basic information that is not an object says nothing.
        let (out, error) = collect(&SnapchatAccount, br#"{"Basic Information": []}"#);
        assert_eq!(error, None);
        assert!(out.holds.is_empty());
    }

    #[test]
    fn the_fixtures_hold_a_user_name_and_a_name() {
        for name in [
            "account_2019.json",
            "account_2022.json",
            "account_2024.json",
        ] {
            let (out, error) = collect(
                &SnapchatAccount,
                &crate::sources::fixture("snapchat.account", name),
            );
            assert_eq!(error, None);
            assert_eq!(out.holds, [Detail::Username, Detail::Name], "{name}");
        }
    }

    #[test]
    fn detection_wants_snapchat_s_keys() {
        let account = br#"{"Basic Information": {"Username": "x", "Creation Date": "2016-03-04 10:00:00 UTC"}}"#;
        assert!(SnapchatAccount
            .detect("json/account.json", account)
            .is_some());
        let logins =
            br#"{"Login History": [{"IP": "1.2.3.4", "Created": "2024-09-09 00:40:41 UTC"}]}"#;
        assert!(SnapchatAccount.detect("x.json", logins).is_some());
        // TikTok's export, whatever its name, is TikTok's.
        let tiktok = br#"{"Activity": {"Login History": {"LoginHistoryList": [{"Date": "2024-09-09 00:40:41 UTC", "IP": "1.2.3.4"}]}}}"#;
        assert!(SnapchatAccount
            .detect("tiktok_export.json", tiktok)
            .is_none());
        // Bitmoji's account, another site's login history, a list.
        let bitmoji =
            br#"{"Basic Information": {"First Name": "x", "Account Creation Date": "2016-03-04"}}"#;
        assert!(SnapchatAccount
            .detect("json/bitmoji.json", bitmoji)
            .is_none());
        let other = br#"{"Login History": [{"ip": "1.2.3.4", "time": 1725842441}]}"#;
        assert!(SnapchatAccount.detect("x.json", other).is_none());
        assert!(SnapchatAccount.detect("x.json", b"[]").is_none());
    }

    #[test]
    fn cut_off_wrong_and_broken_files() {
        let doc = br#"{"Login History": [{"IP": "1.2.3.4", "Created": "2024-09-09 00:40:41 UTC"}, {"IP": "5.6"#;
        let (out, error) = collect(&SnapchatAccount, doc);
        assert_eq!((out.logins.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&SnapchatAccount, br#"{"Display Name Change": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        let (_, error) = collect(&SnapchatAccount, br#"{"Login History": 12}"#);
        assert_eq!(error, Some(ErrorKind::Malformed));
    }
}
