//! What Snapchat's "My Data" files have in common: their times (`2024-09-09 00:40:41 UTC`, older
//! `2021/09/02 20:37:47 UTC`), the detection of their JSON
//! objects by Snapchat's own Title Case keys, and a streaming reader for their lists of small
//! records that reads only the fields a source names (a chat's `Content` is never read into
//! memory, only skipped).
//!
//! The archive: accounts.snapchat.com, "My Data", a `mydata~<epoch>.zip` (split in parts for big
//! accounts) with `json/` and/or `html/` folders (formats.md section 4).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::model::time::{parse_iso, Millis};

/// `2021/09/02 20:37:47 UTC` or `2024-09-09 00:40:41 UTC`, in epoch milliseconds.
pub(super) fn parse_millis(text: &str) -> Option<Millis> {
    let text = text.trim();
    let text = text.strip_suffix("UTC").map_or(text, str::trim_end);
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    parse_iso(&format!("{}{rest}Z", date.replace('/', "-")))
}

/// The same, in epoch seconds (what the social sink takes).
pub(super) fn parse_seconds(text: &str) -> Option<i64> {
    parse_millis(text).map(|ms| ms.div_euclid(1000))
}

/// An epoch number in seconds, however it was written: `Created(microseconds)` holds
/// microseconds in some exports and milliseconds in others (13 digits in 2024), so the unit is
/// told by the size (after 1973 in milliseconds, after 1973 in microseconds).
pub(super) fn epoch_seconds(value: &Value) -> Option<i64> {
    let number = match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.abs() < 9.0e18)
                .map(round)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }?;
    Some(crate::model::time::epoch_seconds(number))
}

#[allow(clippy::cast_possible_truncation)] // finite and within ±9e18, checked first
fn round(value: f64) -> i64 {
    value.round() as i64
}

pub(super) use super::meta::{file_name, has_key};

/// The first bytes of a file, without a byte-order mark, if they open a JSON object.
pub(super) fn object_head(head: &[u8]) -> Option<&[u8]> {
    super::meta::opens_object(head).then(|| crate::ingest::text::without_bom(head))
}

/// The named fields of one record, as written; every other field was skipped unread.
#[derive(Debug, Default)]
pub(super) struct Record {
    fields: Vec<(&'static str, Value)>,
}

impl Record {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A field's text, trimmed; none when empty.
    pub fn text(&self, key: &str) -> Option<&str> {
        Some(self.get(key)?.as_str()?.trim()).filter(|t| !t.is_empty())
    }

    /// A field's time (`… UTC`), epoch seconds.
    pub fn time(&self, key: &str) -> Option<i64> {
        parse_seconds(self.text(key)?)
    }

    /// A field's yes or no: `true`, or `"true"` as text.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// A record's key: which of the named keys it is, if any, compared where it lies (no copy).
struct Key {
    keys: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<&'static str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.keys.iter().copied().find(|k| *k == key))
    }
}

/// Reads one record: an object's named fields; anything else (a number, a list) is skipped and
/// gives no record.
struct Pick {
    keys: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for Pick {
    type Value = Option<Record>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Pick {
    type Value = Option<Record>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Snapchat record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key_seed(Key { keys: self.keys })? {
            match key {
                Some(k) if !record.has(k) => record.fields.push((k, map.next_value()?)),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(record))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Streams a list of records, handing each over as it comes. `strict`: the value must be a list
/// (or `null`), anything else is an error, for a key whose meaning is known; otherwise any other
/// value is skipped (the 2023+ files, whose keys are conversations).
pub(super) struct Records<'a> {
    pub keys: &'static [&'static str],
    pub strict: bool,
    pub each: &'a mut dyn FnMut(Record),
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Records<'_> {
    fn other<E: de::Error>(&self, unexpected: de::Unexpected<'_>) -> Result<(), E> {
        if self.strict {
            Err(E::invalid_type(unexpected, self))
        } else {
            Ok(())
        }
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of Snapchat records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element_seed(Pick { keys: self.keys })? {
            if let Some(record) = record {
                (self.each)(record);
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.strict {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.other(de::Unexpected::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.other(de::Unexpected::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.other(de::Unexpected::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.other(de::Unexpected::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.other(de::Unexpected::Str(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_both_writings_and_epoch_numbers_in_any_unit() {
        // date -ud '2024-09-09 00:40:41' +%s → 1725842441
        assert_eq!(
            parse_seconds("2024-09-09 00:40:41 UTC"),
            Some(1_725_842_441)
        );
        assert_eq!(
            parse_seconds("2024/09/09 00:40:41 UTC"),
            Some(1_725_842_441)
        );
        assert_eq!(parse_seconds("yesterday"), None);
        for value in [
            serde_json::json!(1_725_842_441_123_456_i64),
            serde_json::json!(1_725_842_441_123_i64),
            serde_json::json!(1_725_842_441),
            serde_json::json!("1725842441123"),
        ] {
            assert_eq!(epoch_seconds(&value), Some(1_725_842_441), "{value}");
        }
        assert_eq!(epoch_seconds(&serde_json::json!(true)), None);
    }

    #[test]
    fn a_record_keeps_only_its_named_fields() {
        let mut got = Vec::new();
        let json = r#"[{"From": "a", "Content": "secret", "IsSender": "true"}, 3, [1], {"From": "b", "From": "c"}]"#;
        let mut de = serde_json::Deserializer::from_str(json);
        Records {
            keys: &["From", "IsSender"],
            strict: true,
            each: &mut |r: Record| got.push(r),
        }
        .deserialize(&mut de)
        .unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text("From"), Some("a"));
        assert_eq!(got[0].flag("IsSender"), Some(true));
        assert!(!got[0].has("Content"));
        assert_eq!(got[1].text("From"), Some("b"));
    }
}

#[cfg(test)]
mod fixtures {
    use crate::ingest::structure::json_structure;

    fn paths(id: &str, name: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(id)
            .join(name);
        let structure = json_structure(&std::fs::read(path).unwrap()[..]).unwrap();
        structure.paths.into_keys().collect()
    }

    fn assert_paths(id: &str, name: &str, expected: &[&str]) {
        let found = paths(id, name);
        for path in expected {
            assert!(
                found.iter().any(|p| p == path),
                "{name}: {path} in {found:?}"
            );
        }
    }

    #[test]
    fn the_fixtures_have_the_documented_key_paths() {
        // formats.md section 4, file by file.
        for name in [
            "account_2019.json",
            "account_2022.json",
            "account_2024.json",
        ] {
            assert_paths(
                "snapchat.account",
                name,
                &[
                    "$.Basic Information.Username",
                    "$.Basic Information.Name",
                    "$.Basic Information.Creation Date",
                    "$.Device Information",
                    "$.Login History[].IP",
                    "$.Login History[].Country",
                    "$.Login History[].Created",
                    "$.Login History[].Status",
                    "$.Login History[].Device",
                ],
            );
        }
        for name in ["friends_2019.json", "friends_2023.json"] {
            assert_paths(
                "snapchat.friends",
                name,
                &[
                    "$.Friends[].Username",
                    "$.Friends[].Display Name",
                    "$.Friends[].Creation Timestamp",
                    "$.Friends[].Last Modified Timestamp",
                    "$.Deleted Friends[].Username",
                    "$.Blocked Users[].Username",
                ],
            );
        }
        for name in ["chat_history_2021.json", "chat_history_2022.json"] {
            assert_paths(
                "snapchat.chat_history",
                name,
                &[
                    "$.Received Saved Chat History[].From",
                    "$.Received Saved Chat History[].Media Type",
                    "$.Received Saved Chat History[].Created",
                    "$.Received Saved Chat History[].Text",
                    "$.Sent Saved Chat History[].To",
                ],
            );
        }
        let newer = [
            "From",
            "Media Type",
            "Created",
            "Created(microseconds)",
            "Content",
            "Conversation Title",
            "IsSender",
            "IsSaved",
            "Media IDs",
        ];
        for (name, friend) in [
            ("chat_history_2023.json", "tom.10"),
            ("chat_history_2025.json", "chloe.13"),
        ] {
            let expected: Vec<String> = newer.iter().map(|k| format!("$.{friend}[].{k}")).collect();
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            assert_paths("snapchat.chat_history", name, &expected);
        }
        assert_paths(
            "snapchat.snap_history",
            "snap_history_2022.json",
            &[
                "$.Received Snap History[].From",
                "$.Received Snap History[].Created",
                "$.Sent Snap History[].To",
                "$.Sent Snap History[].Media Type",
            ],
        );
        assert_paths(
            "snapchat.snap_history",
            "snap_history_2024.json",
            &["$.tom.10[].IsSender", "$.tom.10[].Created(microseconds)"],
        );
        for name in ["user_profile_2021.json", "user_profile_2024.json"] {
            assert_paths(
                "snapchat.user_profile",
                name,
                &[
                    "$.Engagement[].Event",
                    "$.Discover Channels Viewed[].Channel Name",
                    "$.Interest Categories[]",
                    "$.Demographics.Cohort Age",
                ],
            );
        }
    }
}
