//! Facebook's and Instagram's logins, sessions and devices: when the account was opened, from
//! which IP address, with which browser or phone.
//!
//! Where from: the JSON export (see `guides::meta`).
//!
//! Facebook (formats.md section 2), in `security_and_login_information/` (sometimes under
//! `personal_information/profile_information/`), one list of records per file:
//! - `ip_address_activity.json`: `{"used_ip_address_v2": [{"ip", "action", "timestamp",
//!   "user_agent"}]}`;
//! - `account_activity.json`: `{"account_activity_v2": [{"action", "timestamp", "ip_address",
//!   "user_agent", "city", …}]}`;
//! - `logins_and_logouts.json`: `{"account_accesses_v2": [{"action", "timestamp", "site",
//!   "ip_address"}]}`;
//! - `where_you're_logged_in.json` (or `where_you_re_logged_in.json`): `{"active_sessions_v2":
//!   [{"created_timestamp", "updated_timestamp", "ip_address", "user_agent", "device", …}]}`: a
//!   session counts from its creation, its device is its user agent, else its `device`;
//! - `recognized_devices.json` (older `authorized_logins.json`): `{"recognized_devices_v2":
//!   [{"name", "created_timestamp", "updated_timestamp", "ip_address", "user_agent",
//!   "datr_cookie"}]}`;
//! - `mobile_devices.json`: `{"devices_v2": [{"type", "os", "device_locale", "update_time",
//!   "advertiser_id", "udid", "family_device_id", "push_tokens": […]}]}`.
//!
//! A device is one login, at the latest time it gives (it was last seen then), from its IP
//! address, with its user agent, else its name (`Chrome on Windows`), else its type and system
//! (`IPHONE (iOS 17.1.2)`); each field may be missing. Its cookie, advertising id, device ids and
//! push tokens are not read.
//!
//! The same keys without `_v2` are read too, but claimed only under their file's name.
//!
//! Instagram (formats.md section 3), generic records `{"title", "string_map_data": {"<Label>":
//! {"href", "value", "timestamp"}}}` (or the 2024+ `label_values`), whose labels are localised
//! (`IP Address`, `Adresse IP`, `IP-adres`, `Dirección IP`…):
//! - `security_and_login_information/login_and_profile_creation/login_activity.json`
//!   (`account_history_login_history`; `title` is the time, ISO 8601) and `logout_activity.json`
//!   (`account_history_logout_history`);
//! - `personal_information/device_information/devices.json` (`devices_devices`: `Last Login`,
//!   `User Agent`).
//!
//! Labels are read by their meaning in any language: the IP address is the field whose label
//! holds the word `IP` (or whose value is an IP address), the device the one whose label holds
//! `agent` (`User Agent`, `Agent utilisateur`, `Agente de usuario`, `Gebruikersagent`), else a
//! device's label; the time is the record's ISO `title`, else its first non-zero timestamp.
//! Every record is one login, but a logout (Instagram's logout list, or a Facebook record whose
//! action says so), which is only a moment the account was used (for the rhythm). Other account
//! events (a session update) count as logins: they come with an address and a device. Cookies,
//! languages, cities and ports are not read.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::meta::{self, Meta};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::Each;
use crate::model::social::{Login, Platform};
use crate::model::time::parse_iso;
use crate::model::Sink;

/// Logins, sessions and devices, for one platform.
pub struct MetaLogins {
    pub platform: Meta,
}

/// Facebook's keys of lists of logins.
const FACEBOOK_KEYS: [&str; 6] = [
    "used_ip_address_v2",
    "account_activity_v2",
    "account_accesses_v2",
    "active_sessions_v2",
    "recognized_devices_v2",
    "devices_v2",
];
/// The same lists in older exports, and the names of their files.
const FACEBOOK_OLD: [(&str, &[&str]); 6] = [
    ("used_ip_address", &["ip_address_activity.json"]),
    ("account_activity", &["account_activity.json"]),
    ("account_accesses", &["logins_and_logouts.json"]),
    (
        "active_sessions",
        &["where_you're_logged_in.json", "where_you_re_logged_in.json"],
    ),
    (
        "recognized_devices",
        &["recognized_devices.json", "authorized_logins.json"],
    ),
    ("devices", &["mobile_devices.json"]),
];
/// Facebook's keys of lists of devices (a device is a login at the latest time it gives).
const FACEBOOK_DEVICES: [&str; 4] = [
    "recognized_devices_v2",
    "devices_v2",
    "recognized_devices",
    "devices",
];
/// The times a Facebook device may give.
const DEVICE_TIMES: [&str; 4] = [
    "updated_timestamp",
    "update_time",
    "created_timestamp",
    "timestamp",
];
/// Instagram's keys of lists of logins and devices.
const INSTAGRAM_KEYS: [&str; 3] = [
    "account_history_login_history",
    "account_history_logout_history",
    "devices_devices",
];

/// Labels of a device's name when no user agent is given (EN, FR, NL, ES, DE, IT, PT).
const DEVICE_LABELS: [&str; 7] = [
    "device",
    "appareil",
    "apparaat",
    "dispositivo",
    "gerät",
    "device name",
    "nom de l'appareil",
];

/// Whether a record's key is one of this file's lists.
fn is_list(key: &str) -> bool {
    FACEBOOK_KEYS.contains(&key)
        || INSTAGRAM_KEYS.contains(&key)
        || FACEBOOK_OLD.iter().any(|(old, _)| *old == key)
}

/// A text field of a Facebook record, if not empty.
fn string<'a>(record: &'a Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .filter_map(|k| record.get(*k)?.as_str())
        .map(str::trim)
        .find(|s| !s.is_empty())
}

/// One Facebook record: `timestamp` or `created_timestamp`, `ip` or `ip_address`, `user_agent`
/// or `device`.
fn facebook(record: &Value, out: &mut dyn Sink) {
    let at = ["timestamp", "created_timestamp"]
        .iter()
        .find_map(|k| record.get(*k).and_then(meta::seconds));
    if string(record, &["action"]).is_some_and(is_logout) {
        if let Some(at) = at {
            out.active(at);
        }
        return;
    }
    let ip = string(record, &["ip", "ip_address"]).map(meta::text);
    let device = string(record, &["user_agent", "device"]).map(meta::text);
    out.login(&Login {
        at,
        ip: ip.as_deref(),
        device: device.as_deref(),
    });
}

/// One Facebook device: a login at the latest time it gives, from its IP address, with its user
/// agent, else its name, else its type and system. Its cookie and ids are not read.
fn facebook_device(record: &Value, out: &mut dyn Sink) {
    let at = DEVICE_TIMES
        .iter()
        .filter_map(|k| record.get(*k).and_then(meta::seconds))
        .max();
    let ip = string(record, &["ip_address", "ip"]).map(meta::text);
    let device = string(record, &["user_agent", "name"])
        .map(meta::text)
        .or_else(|| {
            let kind = string(record, &["type"]).map(meta::text);
            let os = string(record, &["os"]).map(meta::text);
            match (kind, os) {
                (Some(kind), Some(os)) => Some(format!("{kind} ({os})")),
                (kind, os) => kind.or(os),
            }
        });
    out.login(&Login {
        at,
        ip: ip.as_deref(),
        device: device.as_deref(),
    });
}

/// Whether an action is a logout (`Log Out`, `Logout`, `Déconnexion`, `Uitloggen`,
/// `Cerrar sesión`, `Abmelden`): a moment the account was used, not a login.
fn is_logout(action: &str) -> bool {
    let lower = meta::text(action).to_lowercase();
    [
        "log out",
        "logout",
        "log-out",
        "déconnexion",
        "uitloggen",
        "cerrar sesión",
        "abmelden",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a label names an IP address: it holds the word `IP` (`IP Address`, `Adresse IP`,
/// `IP-adres`, `Dirección IP`, `IP-Adresse`).
fn is_ip_label(label: &str) -> bool {
    label
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == "IP")
}

/// Whether a label names a user agent (`User Agent`, `Agent utilisateur`, `Agente de usuario`,
/// `User-Agent`, `Gebruikersagent`).
fn is_agent_label(label: &str) -> bool {
    label.to_lowercase().contains("agent")
}

/// An Instagram record's time: its ISO `title`, else its first timestamp.
fn instagram_time(record: &Value) -> Option<i64> {
    record
        .get("title")
        .and_then(Value::as_str)
        .and_then(parse_iso)
        .map(|ms| ms.div_euclid(1000))
        .or_else(|| meta::fields(record).iter().find_map(|f| f.timestamp))
        .or_else(|| record.get("timestamp").and_then(meta::seconds))
}

/// One Instagram record, its labels read by their meaning.
fn instagram(record: &Value, out: &mut dyn Sink) {
    let fields = meta::fields(record);
    let at = instagram_time(record);
    let ip = fields
        .iter()
        .find(|f| is_ip_label(&f.label) && f.value.is_some())
        .or_else(|| {
            fields.iter().find(|f| {
                f.value
                    .as_deref()
                    .is_some_and(|v| v.trim().parse::<std::net::IpAddr>().is_ok())
            })
        })
        .and_then(|f| f.value.as_deref());
    let device = fields
        .iter()
        .find(|f| is_agent_label(&f.label) && f.value.is_some())
        .or_else(|| {
            fields.iter().find(|f| {
                DEVICE_LABELS.contains(&f.label.to_lowercase().as_str()) && f.value.is_some()
            })
        })
        .and_then(|f| f.value.as_deref());
    out.login(&Login { at, ip, device });
}

/// The whole file; it says whether one of its keys was there.
struct Document<'a> {
    out: &'a mut dyn Sink,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's logins")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Document { out } = self;
        let mut known = false;
        while let Some(key) = map.next_key::<String>()? {
            if is_list(&key) {
                known = true;
                let generic = INSTAGRAM_KEYS.contains(&key.as_str());
                let logouts = key == "account_history_logout_history";
                let devices = FACEBOOK_DEVICES.contains(&key.as_str());
                map.next_value_seed(Each {
                    each: &mut |record: Value| {
                        if logouts {
                            if let Some(at) = instagram_time(&record) {
                                out.active(at);
                            }
                        } else if generic {
                            instagram(&record, &mut *out);
                        } else if devices {
                            facebook_device(&record, &mut *out);
                        } else {
                            facebook(&record, &mut *out);
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

impl Source for MetaLogins {
    fn id(&self) -> &'static str {
        match self.platform {
            Meta::Facebook => "facebook.logins",
            Meta::Instagram => "instagram.logins",
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.platform, lang) {
            (Meta::Facebook, Lang::Fr) => "Facebook, connexions, appareils et adresses IP",
            (Meta::Facebook, Lang::En) => "Facebook logins, devices and IP addresses",
            (Meta::Instagram, Lang::Fr) => "Instagram, connexions et appareils",
            (Meta::Instagram, Lang::En) => "Instagram logins and devices",
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
        let (strong, weak) = match self.platform {
            Meta::Facebook => {
                let name = meta::file_name(path);
                (
                    FACEBOOK_KEYS.iter().any(|k| meta::has_key(head, k)),
                    FACEBOOK_OLD.iter().any(|(key, names)| {
                        names.contains(&name.as_str()) && meta::has_key(head, key)
                    }),
                )
            }
            Meta::Instagram => (INSTAGRAM_KEYS.iter().any(|k| meta::has_key(head, k)), false),
        };
        meta::claim((self.id(), self.platform), path, head, strong, weak)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        meta::read_document(reader, Document { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const FACEBOOK: MetaLogins = MetaLogins {
        platform: Meta::Facebook,
    };
    const INSTAGRAM: MetaLogins = MetaLogins {
        platform: Meta::Instagram,
    };

    type Logins = Vec<(Option<i64>, Option<String>, Option<String>)>;

    fn login(
        at: i64,
        ip: Option<&str>,
        device: Option<&str>,
    ) -> (Option<i64>, Option<String>, Option<String>) {
        (Some(at), ip.map(str::to_owned), device.map(str::to_owned))
    }

    #[test]
    fn each_facebook_file_hands_over_its_logins() {
        let cases: [(&[u8], Logins); 4] = [
            (
                br#"{"used_ip_address_v2": [{"ip": "2a01:cb00::1", "action": "Login", "timestamp": 1700000000, "user_agent": "Mozilla/5.0 (iPhone)"}]}"#,
                vec![login(1_700_000_000, Some("2a01:cb00::1"), Some("Mozilla/5.0 (iPhone)"))],
            ),
            (
                br#"{"account_activity_v2": [{"action": "Session updated", "timestamp": 1700000001, "ip_address": "90.1.2.3", "user_agent": "Firefox", "city": "Montr\u00c3\u00a9al"}]}"#,
                vec![login(1_700_000_001, Some("90.1.2.3"), Some("Firefox"))],
            ),
            (
                br#"{"account_accesses_v2": [{"action": "Login", "timestamp": 1700000002, "site": "www.facebook.com", "ip_address": "90.1.2.4"},
                    {"action": "Log Out", "timestamp": 1700000009, "site": "www.facebook.com", "ip_address": "90.1.2.4"}]}"#,
                vec![login(1_700_000_002, Some("90.1.2.4"), None)],
            ),
            (
                br#"{"active_sessions_v2": [{"created_timestamp": 1700000003, "updated_timestamp": 1700009999, "ip_address": "90.1.2.5", "device": "iPhone12,1"},
                    {"created_timestamp": 1700000004, "ip_address": "", "user_agent": "Chrome", "device": "Pixel"}]}"#,
                vec![
                    login(1_700_000_003, Some("90.1.2.5"), Some("iPhone12,1")),
                    login(1_700_000_004, None, Some("Chrome")),
                ],
            ),
        ];
        for (doc, expected) in cases {
            let (out, error) = collect(&FACEBOOK, doc);
            assert_eq!(error, None);
            assert_eq!(out.logins, expected);
        }
        // The logout is a moment of use.
        let (out, _) = collect(&FACEBOOK, br#"{"account_accesses_v2": [{"action": "D\u00c3\u00a9connexion", "timestamp": 1700000009}]}"#);
        assert_eq!(
            (out.logins.len(), out.active.clone()),
            (0, vec![1_700_000_009])
        );
    }

    #[test]
    fn facebook_devices_are_logins_at_their_latest_time_without_cookies_nor_ids() {
        let doc = br#"{"recognized_devices_v2": [
            {"name": "Chrome sur Windows", "created_timestamp": 1672531200, "updated_timestamp": 1701388800,
             "ip_address": "90.12.34.56", "user_agent": "Mozilla/5.0 (Windows)", "datr_cookie": "Xk3pZQ"},
            {"name": "Firefox sur Ubuntu", "created_timestamp": 1609459200, "ip_address": "176.145.10.20"},
            {"updated_timestamp": 0, "ip_address": "", "datr_cookie": "Qr9sT8"}]}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                login(
                    1_701_388_800,
                    Some("90.12.34.56"),
                    Some("Mozilla/5.0 (Windows)")
                ),
                login(
                    1_609_459_200,
                    Some("176.145.10.20"),
                    Some("Firefox sur Ubuntu")
                ),
                (None, None, None),
            ]
        );
        let doc = br#"{"devices_v2": [
            {"type": "IPHONE", "os": "iOS 17.1.2", "device_locale": "fr_FR", "update_time": 1704067200,
             "advertiser_id": "6D92078A", "push_tokens": [{"device_id": "A1B2", "creation_time": 1654041600}]},
            {"type": "IPAD", "update_time": 1625097600},
            {"os": "Android 9", "advertiser_id": "00000000"}]}"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                login(1_704_067_200, None, Some("IPHONE (iOS 17.1.2)")),
                login(1_625_097_600, None, Some("IPAD")),
                (None, None, Some("Android 9".to_owned())),
            ]
        );
        // Older keys, under their file's name only.
        let old = br#"{"devices": [{"type": "IPHONE"}]}"#;
        assert!(FACEBOOK
            .detect("security_and_login_information/mobile_devices.json", old)
            .is_some());
        assert!(FACEBOOK
            .detect("security_and_login_information/devices.json", old)
            .is_none());
        let (out, error) = collect(&FACEBOOK, old);
        assert_eq!((out.logins.len(), error), (1, None));
    }

    #[test]
    fn the_generated_facebook_device_fixtures_are_read() {
        let bytes = fixture("facebook.logins", "recognized_devices.json");
        assert!(FACEBOOK
            .detect(
                "security_and_login_information/recognized_devices.json",
                &bytes
            )
            .is_some());
        let (out, error) = collect(&FACEBOOK, &bytes);
        assert_eq!(error, None);
        let times: Vec<Option<i64>> = out.logins.iter().map(|l| l.0).collect();
        assert_eq!(
            times,
            [
                Some(1_701_388_800),
                Some(1_704_067_200),
                Some(1_609_459_200),
                Some(1_577_836_800),
                Some(1_688_169_600)
            ]
        );
        assert_eq!(out.logins.iter().filter(|l| l.1.is_some()).count(), 4);
        assert_eq!(
            out.logins.get(2).and_then(|l| l.2.as_deref()),
            Some("Firefox sur Ubuntu")
        );
        let bytes = fixture("facebook.logins", "mobile_devices.json");
        let (out, error) = collect(&FACEBOOK, &bytes);
        assert_eq!(error, None);
        let devices: Vec<(Option<i64>, Option<&str>)> =
            out.logins.iter().map(|l| (l.0, l.2.as_deref())).collect();
        assert_eq!(
            devices,
            [
                (Some(1_625_097_600), Some("IPAD")),
                (Some(1_688_169_600), Some("ANDROID (Android 13)")),
                (Some(1_704_067_200), Some("IPHONE (iOS 17.1.2)")),
                (None, Some("Android 9")),
            ]
        );
        assert!(out.logins.iter().all(|l| l.1.is_none()));
    }

    #[test]
    fn instagram_labels_are_read_in_any_language_and_the_title_gives_the_time() {
        let doc = br#"{"account_history_login_history": [
            {"title": "2025-02-18T10:48:24+00:00", "media_map_data": {}, "string_map_data": {
                "Nom du cookie": {"href": "", "value": "***", "timestamp": 0},
                "Adresse IP": {"href": "", "value": "84.81.8.1", "timestamp": 0},
                "Heure": {"href": "", "value": "", "timestamp": 17375704},
                "Agent utilisateur": {"href": "", "value": "Instagram 300.0 Android", "timestamp": 0}}},
            {"title": "", "string_map_data": {
                "Direcci\u00c3\u00b3n IP": {"value": "10.0.0.1"},
                "Hora": {"timestamp": 1711185107},
                "Agente de usuario": {"value": "Mozilla/5.0"}}},
            {"title": "", "string_map_data": {
                "Tijd": {"timestamp": 1711185108},
                "Iets": {"value": "2001:db8::1"}}}
        ]}"#;
        let (out, error) = collect(&INSTAGRAM, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                login(
                    1_739_875_704,
                    Some("84.81.8.1"),
                    Some("Instagram 300.0 Android")
                ),
                login(1_711_185_107, Some("10.0.0.1"), Some("Mozilla/5.0")),
                login(1_711_185_108, Some("2001:db8::1"), None),
            ]
        );
    }

    #[test]
    fn instagram_devices_and_label_values_records_are_logins_too() {
        let doc = br#"{"devices_devices": [
            {"title": "", "media_map_data": {}, "string_map_data": {
                "Last Login": {"href": "", "value": "", "timestamp": 1739875704},
                "User Agent": {"href": "", "value": "kkok", "timestamp": 0}}},
            {"timestamp": 1711185107, "media": [], "label_values": [
                {"label": "Appareil", "value": "iPhone12,1"},
                {"label": "Derni\u00c3\u00a8re connexion", "timestamp_value": 1711185107}]}
        ]}"#;
        let (out, error) = collect(&INSTAGRAM, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.logins,
            [
                login(1_739_875_704, None, Some("kkok")),
                login(1_711_185_107, None, Some("iPhone12,1")),
            ]
        );
    }

    #[test]
    fn keys_and_platform_decide_the_claim() {
        let fb = br#"{"account_activity_v2": []}"#;
        let path = "security_and_login_information/account_activity.json";
        assert!(FACEBOOK.detect(path, fb).is_some());
        assert!(INSTAGRAM.detect(path, fb).is_none());
        let ig = br#"{"account_history_login_history": []}"#;
        let path = "security_and_login_information/login_and_profile_creation/login_activity.json";
        assert!(INSTAGRAM.detect(path, ig).is_some());
        assert!(FACEBOOK.detect(path, ig).is_none());
        // An older key only under its file's name.
        let old = br#"{"account_activity": []}"#;
        assert!(FACEBOOK.detect(path, old).is_none());
        assert!(FACEBOOK
            .detect("security_and_login_information/account_activity.json", old)
            .is_some());
        // Signing up is not a login list.
        let signup = br#"{"account_history_registration_info": []}"#;
        assert!(INSTAGRAM.detect("signup_details.json", signup).is_none());
    }

    #[test]
    fn a_cut_file_keeps_the_logins_before_the_cut() {
        let doc =
            br#"{"used_ip_address_v2": [{"ip": "1.2.3.4", "timestamp": 1700000000}, {"ip": "1.2"#;
        let (out, error) = collect(&FACEBOOK, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.logins.len(), 1);
        let (_, error) = collect(&FACEBOOK, br#"{"other": []}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
    }

    #[test]
    fn the_generated_facebook_fixtures_are_read() {
        for (name, count) in [
            ("ip_address_activity.json", 5),
            ("account_activity.json", 4),
            // One of the four is a logout: only a moment of use.
            ("logins_and_logouts.json", 3),
            ("where_you're_logged_in.json", 5),
        ] {
            let bytes = fixture("facebook.logins", name);
            assert!(FACEBOOK
                .detect(&format!("security_and_login_information/{name}"), &bytes)
                .is_some());
            let (out, error) = collect(&FACEBOOK, &bytes);
            assert_eq!(error, None, "{name}");
            assert_eq!(out.logins.len(), count, "{name}");
            assert!(out
                .logins
                .iter()
                .all(|(at, ip, _)| at.is_some() && ip.is_some()));
        }
    }
}
