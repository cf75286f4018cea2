//! A value-free structure report of a JSON file: key paths, value types, counts, array lengths
//! and depth, never a value.
//!
//! Paths join keys with `.` and mark array elements with `[]` (`locations[].latitudeE7`); the root
//! is `$`. The file is streamed: memory follows the number of distinct paths (capped at
//! [`MAX_PATHS`]), never the file's size. Tests use it to check that generated fixtures have the
//! shape of the real samples; the scanner builds on it to describe files nobody recognises.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::json::{json_start, JsonError};

/// Distinct paths kept at most; beyond, the report says it was cut short.
pub const MAX_PATHS: usize = 5000;

/// The JSON types a path was seen with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::struct_excessive_bools)] // one flag per JSON type reads best in the report
pub struct Types {
    pub null: bool,
    pub bool: bool,
    pub number: bool,
    pub string: bool,
    pub array: bool,
    pub object: bool,
}

/// What is known of one path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStats {
    /// How many values were seen at this path.
    pub count: u64,
    pub types: Types,
    /// The longest array seen at this path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_len: Option<u64>,
}

/// The structure of one JSON file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Structure {
    pub paths: BTreeMap<String, PathStats>,
    pub max_depth: usize,
    /// More than [`MAX_PATHS`] distinct paths: later new ones were not recorded.
    pub cut_short: bool,
}

impl Structure {
    fn see(&mut self, path: &str, depth: usize, mark: impl FnOnce(&mut Types)) -> bool {
        self.max_depth = self.max_depth.max(depth);
        // Most values are at a path already seen: no allocation for them.
        if let Some(stats) = self.paths.get_mut(path) {
            stats.count += 1;
            mark(&mut stats.types);
            return true;
        }
        if self.paths.len() >= MAX_PATHS {
            self.cut_short = true;
            return false;
        }
        let stats = self.paths.entry(path.to_owned()).or_default();
        stats.count += 1;
        mark(&mut stats.types);
        true
    }
}

/// Streams a JSON document and reports its structure.
pub fn json_structure(reader: impl Read) -> Result<Structure, JsonError> {
    let mut structure = Structure::default();
    json_structure_with(reader, &mut structure, &mut ())?;
    Ok(structure)
}

/// A scalar value, as the walk meets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leaf<'a> {
    Str(&'a str),
    U64(u64),
    I64(i64),
    F64(f64),
}

/// What a walk over a JSON document hands out besides its structure: every key, which may be
/// written into the paths otherwise (a key that is itself a value, such as an e-mail address or
/// an id, should not be), and every scalar value with its path and key.
pub trait Leaves {
    /// The key (of an object at `path`) as the paths should name it, if not as written.
    fn key(&mut self, _path: &str, _key: &str) -> Option<String> {
        None
    }
    /// A scalar value at `path`, under `key` (the last object key above it).
    fn leaf(&mut self, _path: &str, _key: &str, _leaf: Leaf<'_>) {}
}

impl Leaves for () {}

/// [`json_structure`], adding to `structure` and handing keys and values to `leaves`. What
/// came before an error stays in `structure`.
pub fn json_structure_with(
    reader: impl Read,
    structure: &mut Structure,
    leaves: &mut dyn Leaves,
) -> Result<(), JsonError> {
    // serde_json reads byte by byte: from a `BufReader`, each byte is taken from its buffer
    // (std reads single bytes from one without a call through every reader underneath).
    let buffered = std::io::BufReader::with_capacity(64 << 10, json_start(reader));
    let mut de = serde_json::Deserializer::from_reader(buffered);
    let mut path = String::from("$");
    Node {
        path: &mut path,
        key: "",
        depth: 0,
        out: structure,
        leaves,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(())
}

struct Node<'a> {
    /// This value's path: one buffer for the whole walk, grown for a child and cut back after.
    path: &'a mut String,
    /// The last object key above this value.
    key: &'a str,
    depth: usize,
    out: &'a mut Structure,
    leaves: &'a mut dyn Leaves,
}

impl Node<'_> {
    fn scalar(self, leaf: Leaf<'_>, mark: impl FnOnce(&mut Types)) {
        self.out.see(self.path, self.depth, mark);
        self.leaves.leaf(self.path, self.key, leaf);
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.out.see(self.path, self.depth, |t| t.null = true);
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.out.see(self.path, self.depth, |t| t.bool = true);
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.scalar(Leaf::I64(v), |t| t.number = true);
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.scalar(Leaf::U64(v), |t| t.number = true);
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.scalar(Leaf::F64(v), |t| t.number = true);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.scalar(Leaf::Str(v), |t| t.string = true);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.out.see(self.path, self.depth, |t| t.array = true);
        let own = self.path.len();
        self.path.push_str("[]");
        let mut len = 0u64;
        while seq
            .next_element_seed(Node {
                path: &mut *self.path,
                key: self.key,
                depth: self.depth + 1,
                out: &mut *self.out,
                leaves: &mut *self.leaves,
            })?
            .is_some()
        {
            len += 1;
        }
        self.path.truncate(own);
        if let Some(stats) = self.out.paths.get_mut(self.path.as_str()) {
            stats.max_len = Some(stats.max_len.unwrap_or(0).max(len));
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.out.see(self.path, self.depth, |t| t.object = true);
        let own = self.path.len();
        while let Some(key) = map.next_key::<String>()? {
            let named = self.leaves.key(self.path, &key);
            self.path.push('.');
            self.path.push_str(named.as_deref().unwrap_or(&key));
            map.next_value_seed(Node {
                path: &mut *self.path,
                key: &key,
                depth: self.depth + 1,
                out: &mut *self.out,
                leaves: &mut *self.leaves,
            })?;
            self.path.truncate(own);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_types_counts_and_lengths_but_no_values() {
        let doc = br#"{"locations": [{"lat": 1, "src": "GPS"}, {"lat": 2.5, "src": null, "tags": []}], "v": true}"#;
        let s = json_structure(&doc[..]).unwrap();
        let keys: Vec<&str> = s.paths.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "$",
                "$.locations",
                "$.locations[]",
                "$.locations[].lat",
                "$.locations[].src",
                "$.locations[].tags",
                "$.v"
            ]
        );
        assert_eq!(s.paths["$.locations"].max_len, Some(2));
        assert_eq!(s.paths["$.locations[]"].count, 2);
        let src = s.paths["$.locations[].src"].types;
        assert!(src.string && src.null && !src.number);
        assert_eq!(s.max_depth, 3);
        // No value appears anywhere in the report.
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("GPS") && !json.contains("2.5"));
    }

    #[test]
    fn the_x_archive_wrapper_is_read_through() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/twitter/personalization.js");
        let s = json_structure(std::fs::File::open(path).unwrap()).unwrap();
        assert!(
            s.paths
                .contains_key("$[].p13nData.interests.interests[].name"),
            "{:?}",
            s.paths.keys().collect::<Vec<_>>()
        );
        assert!(s.paths["$"].types.array);
    }

    #[test]
    fn too_many_paths_and_bad_input_are_handled() {
        let mut doc = String::from("{");
        for i in 0..(MAX_PATHS + 10) {
            doc.push_str("\"k");
            doc.push_str(&i.to_string());
            doc.push_str("\": 1,");
        }
        doc.push_str("\"end\": 0}");
        let s = json_structure(doc.as_bytes()).unwrap();
        assert!(s.cut_short);
        assert_eq!(s.paths.len(), MAX_PATHS);
        assert_eq!(
            json_structure(&b"{\"a\": [1, 2"[..]),
            Err(JsonError::Truncated)
        );
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(matches!(
            json_structure(deep.as_bytes()),
            Err(JsonError::Syntax { .. })
        ));
    }
}
