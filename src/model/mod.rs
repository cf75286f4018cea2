//! Domain types: what the analysis talks about, independent of files, formats and browsers.
//!
//! Later layers add points, visits, events, people, advertisers, money and energy here. For now the
//! model knows one thing: a file the person handed us, named by its path inside what they opened.

use serde::{Deserialize, Serialize};

pub mod activity;
pub mod basemap;
pub mod blocks;
pub mod chat;
pub mod day;
pub mod energy;
pub mod gazetteer;
pub mod health;
pub mod location;
pub mod media;
pub mod money;
pub mod points;
pub mod portrait;
pub mod social;
pub mod time;
pub mod trips;
pub mod tz;

/// An unsigned LEB128 number at `at` in bundled data (the gazetteer, the time-zone grid), moving
/// `at` past it; `None` if the bytes end first or it runs over 64 bits.
pub(crate) fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// A file the person opened: its path (inside a folder or archive, `/`-separated) and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub path: String,
    pub size: u64,
}

impl FileRef {
    pub fn new(path: impl Into<String>, size: u64) -> Self {
        FileRef {
            path: normalise_path(&path.into()),
            size,
        }
    }

    /// The last component of the path, as shown in lists.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// Paths use `/` whatever the system, with no leading `./` or `/`.
fn normalise_path(path: &str) -> String {
    let unified = path.replace('\\', "/");
    let trimmed = unified.trim_start_matches("./").trim_start_matches('/');
    trimmed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_and_named_by_their_last_component() {
        let f = FileRef::new(r"Takeout\Location History\Records.json", 12);
        assert_eq!(f.path, "Takeout/Location History/Records.json");
        assert_eq!(f.name(), "Records.json");
        assert_eq!(FileRef::new("./a/b.csv", 0).path, "a/b.csv");
        assert_eq!(FileRef::new("/abs.json", 0).name(), "abs.json");
        assert_eq!(FileRef::new("plain.txt", 0).name(), "plain.txt");
    }
}

/// What a location history holds, in aggregate: enough to say what it reveals without keeping
/// a single point (summary mode).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PositionSummary {
    /// Positions read.
    pub count: u64,
    /// First and last instants, ISO 8601 UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BoundingBox>,
    /// Positions per source of the fix (`GPS`, `WIFI`, `CELL`…), as the export names them.
    pub sources: std::collections::BTreeMap<String, u64>,
    /// Records skipped because they had no usable position or time.
    pub skipped: u64,
    /// Stays at places, and moves between them, that the export lists.
    #[serde(default)]
    pub visits: u64,
    #[serde(default)]
    pub moves: u64,
    /// Calendar days (UTC) with at least one position, stay or move.
    #[serde(default)]
    pub days: u64,
    /// Those days, as runs (the portrait's timeline).
    #[serde(default, skip_serializing_if = "time::DayRuns::is_empty")]
    pub days_seen: time::DayRuns,
    /// While recording, the mean time between two positions, in seconds (gaps of more than an
    /// hour, when the phone was off or recording was paused, are left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_s: Option<u64>,
    /// What the service itself concluded: the places it labelled home and work (the first
    /// position it gave for each), and how much it thinks the person favours each way of
    /// travelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_home: Option<location::LatLng>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_work: Option<location::LatLng>,
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub affinities: std::collections::BTreeMap<location::Mode, f64>,
    /// How many times each activity was the service's top guess of what the person was doing
    /// (`STILL`, `IN_VEHICLE`…, upper-cased).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub activity_guesses: std::collections::BTreeMap<String, u64>,
    /// The devices the service names: those that gave positions, most positions first, or those
    /// its settings list, in their order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<location::Device>,
    /// The location history's own settings, when the file holds them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history_settings: Option<location::HistorySettings>,
    /// The place of most nights (00:00–06:00 local time), with how sure that is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<location::Home>,
    /// The places of most time spent, from the stays the export lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<location::TopPlace>,
    /// Named places that hint at a sensitive matter (health, religion, politics, trade unions,
    /// sexuality), most visited first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_places: Vec<location::TopPlace>,
    /// The place of most weekday working hours away from home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<location::Work>,
    /// Weekday departure and return times, and the hour × weekday share of time away from home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routine: Option<location::Routine>,
    /// Distance and carbon by way of travelling, per week, month and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trips: Option<trips::TripSummary>,
    /// The countries the positions fall in, most days first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<location::CountryVisit>,
    /// Where the positions fall, for the map's heat layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub density: Option<location::Density>,
    /// The largest towns around the busiest places, to label the map with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub towns: Vec<location::MapTown>,
}

impl PositionSummary {
    /// The counts only, without what is inferred from them (home, work, places): what a
    /// generator's ground truth states exactly.
    #[must_use]
    pub fn counts(&self) -> PositionSummary {
        PositionSummary {
            home: None,
            work: None,
            routine: None,
            trips: None,
            countries: Vec::new(),
            density: None,
            towns: Vec::new(),
            places: Vec::new(),
            sensitive_places: Vec::new(),
            ..self.clone()
        }
    }
}

/// The smallest box holding every position, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BoundingBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BoundingBox {
    pub fn around(lat: f64, lng: f64) -> Self {
        BoundingBox {
            south: lat,
            west: lng,
            north: lat,
            east: lng,
        }
    }

    /// Grows the box to hold a point. As `f64::min` and `f64::max` (a `NaN` is passed over),
    /// written as comparisons: for every position of a file, and the browser's module, built
    /// for size, calls a software `fmin` and `fmax` for those.
    pub fn include(&mut self, lat: f64, lng: f64) {
        if lat < self.south || self.south.is_nan() {
            self.south = lat;
        }
        if lat > self.north || self.north.is_nan() {
            self.north = lat;
        }
        if lng < self.west || self.west.is_nan() {
            self.west = lng;
        }
        if lng > self.east || self.east.is_nan() {
            self.east = lng;
        }
    }
}

/// What a source read from a file, for the report: `{"type": "positions", …}`, the summary's
/// fields after its type. Read back by hand ([`Summary::deserialize`]), the type first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // one a file: boxing would weigh on every match for nothing
pub enum Summary {
    Positions(PositionSummary),
    /// Interests, advertisers and off-platform activity (issue 8).
    Social(social::SocialSummary),
    /// Plays of a streaming service (issue 9).
    Media(media::MediaSummary),
    #[cfg(feature = "energy")]
    /// Readings of an electricity meter (issue 9).
    Energy(energy::EnergySummary),
    #[cfg(feature = "chat")]
    /// A chat export (issue 9).
    Chat(chat::ChatSummary),
    #[cfg(feature = "money")]
    /// A bank statement (issue 9).
    Money(money::MoneySummary),
    #[cfg(feature = "activity")]
    /// What Google or a browser kept of the person's web activity (issue 9).
    Activity(activity::ActivitySummary),
    #[cfg(feature = "health")]
    /// Health and sport records (issue 9).
    Health(health::HealthSummary),
}

/// The `type` of a [`Summary`].
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum SummaryType {
    Positions,
    Social,
    Media,
    #[cfg(feature = "energy")]
    Energy,
    #[cfg(feature = "chat")]
    Chat,
    #[cfg(feature = "money")]
    Money,
    #[cfg(feature = "activity")]
    Activity,
    #[cfg(feature = "health")]
    Health,
}

/// A summary is read with its `type` first, as Reflet writes it, and its fields then go straight
/// to the summary's own reader. Serde's derived reader of an internally tagged enum buffers the
/// whole object first, whatever the key order, which builds every summary's reader a second
/// time for the buffer: in the browser's wasm that was tens of kilobytes (issue 5, T7b).
impl<'de> Deserialize<'de> for Summary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TypeFirst;
        impl<'de> serde::de::Visitor<'de> for TypeFirst {
            type Value = Summary;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a summary, its \"type\" first")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Summary, A::Error> {
                use serde::de::{value::MapAccessDeserializer, Error};
                let key: Option<std::borrow::Cow<'de, str>> = map.next_key()?;
                if key.as_deref() != Some("type") {
                    return Err(A::Error::missing_field("type"));
                }
                let kind: SummaryType = map.next_value()?;
                let rest = MapAccessDeserializer::new(map);
                Ok(match kind {
                    SummaryType::Positions => Summary::Positions(Deserialize::deserialize(rest)?),
                    SummaryType::Social => Summary::Social(Deserialize::deserialize(rest)?),
                    SummaryType::Media => Summary::Media(Deserialize::deserialize(rest)?),
                    #[cfg(feature = "energy")]
                    SummaryType::Energy => Summary::Energy(Deserialize::deserialize(rest)?),
                    #[cfg(feature = "chat")]
                    SummaryType::Chat => Summary::Chat(Deserialize::deserialize(rest)?),
                    #[cfg(feature = "money")]
                    SummaryType::Money => Summary::Money(Deserialize::deserialize(rest)?),
                    #[cfg(feature = "activity")]
                    SummaryType::Activity => Summary::Activity(Deserialize::deserialize(rest)?),
                    #[cfg(feature = "health")]
                    SummaryType::Health => Summary::Health(Deserialize::deserialize(rest)?),
                })
            }
        }
        deserializer.deserialize_map(TypeFirst)
    }
}

/// Where a source hands what it reads: positions, places and devices, social and advertising
/// data, plays, meter readings, chat messages, bank transactions, web activity and health
/// records. Each collector listens to what it knows and ignores the rest.
pub trait Sink:
    location::LocationSink
    + social::SocialSink
    + media::MediaSink
    + energy::EnergySink
    + chat::ChatSink
    + money::MoneySink
    + activity::ActivitySink
    + health::HealthSink
{
}

impl<
        T: location::LocationSink
            + social::SocialSink
            + media::MediaSink
            + energy::EnergySink
            + chat::ChatSink
            + money::MoneySink
            + activity::ActivitySink
            + health::HealthSink
            + ?Sized,
    > Sink for T
{
}
