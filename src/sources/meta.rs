//! What Meta's exports (Facebook and Instagram) have in common: the platform a file comes from,
//! the 2024+ "generic" `label_values` shape, read as it streams.
//!
//! Meta writes every non-ASCII character as mojibake (`Ch\u00c3\u00a2teau`): every name handed
//! over is repaired first ([`crate::ingest::text::repair_mojibake`]).

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::gpx::contains;
use super::Claim;
use crate::error::ErrorKind;
use crate::ingest::json::{json_start, visit_object, JsonError};
use crate::ingest::text::repair_mojibake;
use crate::model::social::Platform;

/// Meta's two platforms, whose exports share their shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    Facebook,
    Instagram,
}

impl Meta {
    pub fn platform(self) -> Platform {
        match self {
            Meta::Facebook => Platform::Facebook,
            Meta::Instagram => Platform::Instagram,
        }
    }
}

/// Folders only Instagram's exports have (formats.md sections 3 and 19).
const INSTAGRAM_FOLDERS: [&str; 4] = [
    "your_instagram_activity",
    "followers_and_following",
    "login_and_profile_creation",
    "ads_and_topics",
];

/// Keys, or the start of keys, only Instagram writes (formats.md section 19).
const INSTAGRAM_KEYS: [&[u8]; 13] = [
    b"\"ig_custom_audiences_all_types\"",
    b"\"apps_and_websites_off_meta_activity\"",
    b"\"relationships_",
    b"\"account_history_",
    b"\"devices_devices\"",
    b"\"likes_media_likes\"",
    b"\"impressions_history_",
    b"\"searches_user\"",
    b"\"comments_media_comments\"",
    b"\"saved_saved_media\"",
    b"\"story_activities_",
    b"\"ig_stories\"",
    b"\"ig_reels_media\"",
];

/// The platform a Meta file comes from: Instagram when a folder of its path says so (a name
/// starting `instagram`, as the archive's, or `…_of_instagram`, `instagram_ads_…`, or one of
/// [`INSTAGRAM_FOLDERS`]) or when one of Instagram's own keys is there; else Facebook.
pub(super) fn platform(path: &str, head: &[u8]) -> Meta {
    let lower = path.to_ascii_lowercase();
    let folder = lower.split(['/', '\\']).any(|part| {
        part.starts_with("instagram")
            || part.ends_with("_of_instagram")
            || part.contains("instagram_ads")
            || INSTAGRAM_FOLDERS.contains(&part)
    });
    if folder || INSTAGRAM_KEYS.iter().any(|key| contains(head, key)) {
        Meta::Instagram
    } else {
        Meta::Facebook
    }
}

/// The claim of a Meta source of `platform` on a JSON object: `strong` when its own keys are
/// there (90), `weak` when only its file name and a generic shape are (80); none for another
/// platform's file.
pub(super) fn claim(
    (source, platform): (&'static str, Meta),
    path: &str,
    head: &[u8],
    strong: bool,
    weak: bool,
) -> Option<Claim> {
    if !opens_object(head) || self::platform(path, head) != platform || !(strong || weak) {
        return None;
    }
    Some(Claim {
        source,
        confidence: if strong { 90 } else { 80 },
    })
}

/// Walks a whole JSON object with `document`, which says whether it met one of its source's
/// keys: fine if it did, else not this source's file; or what stopped the walk.
pub(super) fn read_document<V>(reader: &mut dyn Read, document: V) -> Option<ErrorKind>
where
    V: for<'de> Visitor<'de, Value = bool>,
{
    match visit_object(reader, document) {
        Ok(true) => None,
        Ok(false) => Some(ErrorKind::WrongType),
        Err(e) => Some(e.kind()),
    }
}

/// Walks a whole JSON document, object or array, with `document`, which says whether it met
/// what its source reads: fine if it did, else not this source's file; or what stopped the walk.
pub(super) fn read_any<V>(reader: &mut dyn Read, document: V) -> Option<ErrorKind>
where
    V: for<'de> Visitor<'de, Value = bool>,
{
    let mut de = serde_json::Deserializer::from_reader(json_start(std::io::BufReader::new(reader)));
    match Deserializer::deserialize_any(&mut de, document)
        .and_then(|known| de.end().map(|()| known))
    {
        Ok(true) => None,
        Ok(false) => Some(ErrorKind::WrongType),
        Err(e) => Some(JsonError::from(e).kind()),
    }
}

/// The file's name, lower case.
pub(super) fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase()
}

/// Whether the first bytes open a JSON object (after a byte-order mark and white space).
pub(super) fn opens_object(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Whether the first bytes open a JSON array (after a byte-order mark and white space).
pub(super) fn opens_array(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[')
}

/// Whether `"key"` appears in the first bytes.
pub(super) fn has_key(head: &[u8], key: &str) -> bool {
    contains(head, format!("\"{key}\"").as_bytes())
}

/// A text as Meta wrote it, repaired.
pub(super) fn text(value: &str) -> String {
    repair_mojibake(value).into_owned()
}

/// Streams the `label_values` array of Meta's 2024+ generic shape
/// (`[{"label": "Name", "vec": [{"value": "…"}, …]}, {"label": "…", "value": "…"}]`), handing
/// every text value to `each` as it comes: an item's own `value`, each `vec` entry's `value`,
/// and the first `value` of a `vec` entry's `dict` (with `vec_only`, the `vec` entries alone: an
/// item's own `value` is a sentence about the list, as Instagram's "Usage explanation").
pub(super) struct LabelValues<'a> {
    pub each: &'a mut dyn FnMut(&str),
    pub vec_only: bool,
}

impl<'de> DeserializeSeed<'de> for LabelValues<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LabelValues<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Meta's label_values")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(Item {
                each: &mut *self.each,
                vec_only: self.vec_only,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// One `label_values` item.
struct Item<'a> {
    each: &'a mut dyn FnMut(&str),
    vec_only: bool,
}

impl<'de> DeserializeSeed<'de> for Item<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Item<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a label_values item")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" if !self.vec_only => {
                    if let Value::String(s) = map.next_value::<Value>()? {
                        (self.each)(&text(&s));
                    }
                }
                "vec" => map.next_value_seed(Entries {
                    each: &mut *self.each,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// A `vec` array: each entry, read whole (they are small), as it comes.
struct Entries<'a> {
    each: &'a mut dyn FnMut(&str),
}

impl<'de> DeserializeSeed<'de> for Entries<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a vec of values")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(entry) = seq.next_element::<Value>()? {
            let value = entry.get("value").and_then(Value::as_str).or_else(|| {
                entry
                    .get("dict")?
                    .as_array()?
                    .iter()
                    .find_map(|d| d.get("value")?.as_str())
            });
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                (self.each)(&text(value));
            }
        }
        Ok(())
    }
}

/// One labelled field of Meta's generic records (Instagram's `string_map_data` and
/// `string_list_data`, and the 2024+ `label_values`), its label and value repaired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Field {
    /// The label as written (localised: `Time`, `Heure`, `Tijd`…); empty in `string_list_data`.
    pub label: String,
    pub value: Option<String>,
    /// Epoch seconds, if not 0.
    pub timestamp: Option<i64>,
}

/// Epoch seconds written as a number or as digits; 0 (Meta's "none") and anything else are
/// none.
pub(super) fn seconds(value: &Value) -> Option<i64> {
    let n: i64 = match value {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (n != 0).then_some(n)
}

/// A text value, repaired; none when empty.
fn text_of(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(text)
}

/// The labelled fields of one record: its `string_map_data` (`{"Time": {"value", "timestamp"}}`),
/// its `label_values` (`[{"label", "value" | "timestamp_value"}]`) and its `string_list_data`
/// (`[{"href", "value", "timestamp"}]`, no label), in that order.
pub(super) fn fields(record: &Value) -> Vec<Field> {
    let mut out = Vec::new();
    if let Some(map) = record.get("string_map_data").and_then(Value::as_object) {
        for (label, entry) in map {
            out.push(Field {
                label: text(label),
                value: text_of(entry.get("value")),
                timestamp: entry.get("timestamp").and_then(seconds),
            });
        }
    }
    if let Some(items) = record.get("label_values").and_then(Value::as_array) {
        for item in items {
            out.push(Field {
                label: text_of(item.get("label")).unwrap_or_default(),
                value: text_of(item.get("value")),
                timestamp: item.get("timestamp_value").and_then(seconds),
            });
        }
    }
    if let Some(items) = record.get("string_list_data").and_then(Value::as_array) {
        for item in items {
            out.push(Field {
                label: String::new(),
                value: text_of(item.get("value")),
                timestamp: item.get("timestamp").and_then(seconds),
            });
        }
    }
    out
}
