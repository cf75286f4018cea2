//! The portrait: what every file the person dropped reveals together (issue 9): which services
//! saw them and on which days, one rhythm of everything they did with the sleep window it shows
//! and which services reveal it, and which companies know where they are, what interests them
//! and whom they know.
//!
//! `analysis::portrait` builds it from the files' summaries; the report carries it under
//! `across.portrait`, and the page draws it from the same object.

use serde::{Deserialize, Serialize};

use super::social::Rhythm;
use super::time::DayRuns;

/// What the files say together, when two services or more contribute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portrait {
    /// Each service, earliest first: the days it saw the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<ServiceDays>,
    /// Days on which at least one service saw the person, and on which three or more did.
    #[serde(default)]
    pub days: u64,
    #[serde(default)]
    pub days_by_three: u64,
    /// The first and last of those days, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// Every dated action of every service by weekday and hour (Paris time), each service
    /// weighing the same: [`WEIGHT`] points shared out as its own actions are. Its quiet hours are
    /// the sleep window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The services in that rhythm, with how many actions each adds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rhythm_from: Vec<RhythmSource>,
    /// What each service knows, by kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub knows: Vec<Knows>,
    /// When the electricity meter shows the home waking up and going quiet on weekdays, minutes
    /// after midnight (bedtime may pass 1440), when a meter file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_night: Option<(u16, u16)>,
    /// The years a bank statement and a location history both cover: what the car cost against
    /// the distance driven.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub car: Vec<CarYear>,
}

/// A year's car costs (the bank's fuel, parking and tolls) against the distance by car the
/// location history shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarYear {
    pub year: i64,
    /// Fuel, parking and tolls paid, in cents, and the statements' currency.
    pub cents: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Metres by car, and their carbon in grams (the location file with most that year).
    pub metres: u64,
    pub grams: u64,
    /// Cents per kilometre driven.
    pub cents_per_km: i64,
}

/// The points each service adds to the combined rhythm.
pub const WEIGHT: u64 = 1000;

/// The days one service saw the person, over all its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDays {
    /// The service's key: the first part of its sources' ids (`google`, `spotify`, `bank`).
    pub service: String,
    pub files: u64,
    pub days: u64,
    pub first: String,
    pub last: String,
    pub runs: DayRuns,
}

/// One service's part of the combined rhythm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RhythmSource {
    pub service: String,
    /// Its dated actions.
    pub actions: u64,
    /// The share of them in the sleep window, percent; and whether that alone reveals it (fewer
    /// than a quarter of an even share, as for any quiet hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_percent: Option<u8>,
    #[serde(default)]
    pub reveals: bool,
}

/// How precisely a service knows where the person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// From the addresses (IP) and countries it saw the person from.
    Approximate,
    /// From positions: a location history, tracks, places.
    Precise,
}

/// What one service knows about the person, by kind (a table's columns: plain flags read best).
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Knows {
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Reach>,
    /// Interests, tastes, marketing segments, inferences.
    #[serde(default)]
    pub interests: bool,
    /// Friends, followers, connections, conversations.
    #[serde(default)]
    pub contacts: bool,
    /// When the person does things (a rhythm, a routine).
    #[serde(default)]
    pub habits: bool,
    /// Payments, purchases.
    #[serde(default)]
    pub money: bool,
    /// Body and health: steps, heart rate, sleep.
    #[serde(default)]
    pub health: bool,
}

impl Knows {
    /// Adds what another file of the same service knows.
    pub fn merge(&mut self, other: &Knows) {
        self.location = self.location.max(other.location);
        self.interests |= other.interests;
        self.contacts |= other.contacts;
        self.habits |= other.habits;
        self.money |= other.money;
        self.health |= other.health;
    }

    /// Whether it knows anything.
    pub fn any(&self) -> bool {
        self.location.is_some()
            || self.interests
            || self.contacts
            || self.habits
            || self.money
            || self.health
    }
}
