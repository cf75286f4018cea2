//! One day of a location file, as the day view shows it and `inspect --day` prints it: the path,
//! the places the person stayed, and the trips between them, in local time.

use serde::{Deserialize, Serialize};

use super::location::Mode;

/// A day of a location file. Times are local (`"08:05"`), dates `2024-03-02`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayView {
    pub date: String,
    /// The nearest days before and after with a position or a trip, and the first and last of
    /// the file: to step day by day, and to bound the date picker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub first: String,
    pub last: String,
    /// Whether the positions were kept (map mode): without them, there is no path.
    pub path_kept: bool,
    /// The day's positions, and its path as drawn: `[lat, lng]`, thinned to a step of at least
    /// 25 m (at most [`MAX_PATH`] points).
    pub positions: u64,
    pub path: Vec<[f64; 2]>,
    pub stops: Vec<DayStop>,
    pub trips: Vec<DayTrip>,
    /// The trips' whole length, and the carbon of those whose mode has a factor.
    pub metres: u64,
    pub grams: u64,
}

/// The most points of a day's path sent to be drawn.
pub const MAX_PATH: usize = 4000;

/// A place the person stayed: before the first trip, between two, or after the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayStop {
    /// From when and until when; `None` when the stay began the day before or goes on the next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub lat: f64,
    pub lng: f64,
    pub place: StopPlace,
    /// What the person said of this place, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<PlaceSaid>,
}

/// What the place is, as far as Reflet can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StopPlace {
    /// Within 250 m of the probable home, or of the place of work or study.
    Home,
    Work,
    /// A place the person said was someone else's home (family, friends).
    OthersHome,
    /// Near a town of the gazetteer.
    Near {
        town: String,
    },
    /// Nowhere Reflet knows a name for.
    Unnamed,
}

/// What the person says a place is, correcting Reflet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceSaid {
    /// My home.
    Home,
    /// My place of work or study.
    Work,
    /// Someone else's home: my parents', a friend's.
    OthersHome,
    /// Neither my home nor my work.
    NotMine,
    /// Take back what I said of this place.
    Unsaid,
}

/// One trip of the day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayTrip {
    /// Its number in the file's trips: what a correction names.
    pub id: u32,
    pub start: String,
    /// Local time where it ended; `ends_later` days after it started (a night train, a flight).
    pub end: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ends_later: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<[f64; 2]>,
    /// The mode of most of its length, and every mode with its length.
    pub mode: Mode,
    pub legs: Vec<DayLeg>,
    pub metres: u64,
    /// `None` when no leg has a carbon factor (a boat, an unknown mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grams: Option<u64>,
    /// Some of its modes were estimated from speed.
    pub estimated: bool,
    /// The person set its mode.
    pub corrected: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayLeg {
    pub mode: Mode,
    pub metres: u64,
}
