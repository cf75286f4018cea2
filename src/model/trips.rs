//! Trips as the report carries them: distance and carbon by way of travelling, per week, month and
//! year, and the trips between home and work. Distances are whole metres and carbon whole grams
//! of CO2 equivalent, so that the screen and the report say exactly the same.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::location::Mode;

/// Where the trips were found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TripOrigin {
    /// The moves the export lists (Timeline's activity segments, a workout…), with its own mode.
    Export,
    /// Cut out of the positions: a trip starts when the person leaves a place and ends when they
    /// stay 10 minutes somewhere.
    #[default]
    Positions,
}

/// All the trips of a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripSummary {
    pub origin: TripOrigin,
    pub trips: u64,
    /// Every mode, longest distance first.
    pub modes: Vec<ModeTotal>,
    /// Carbon of every trip whose mode has a factor (`co2.rs`), and the plane's part of it.
    pub grams: u64,
    pub plane_grams: u64,
    /// Weeks (ISO 8601, `2024-W07`), months (`2024-02`) and years (`2024`) in local time at the
    /// trip's start, in order; only periods with a trip.
    pub weeks: Vec<Period>,
    pub months: Vec<Period>,
    pub years: Vec<Period>,
    /// Trips from home to work and back, by year and main mode (when both places are named).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub home_work: Vec<HomeWork>,
}

/// One mode over the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeTotal {
    pub mode: Mode,
    /// Legs by this mode, and their length.
    pub legs: u64,
    pub metres: u64,
    /// The part of `metres` whose mode was estimated from speed (the export did not say).
    pub estimated_metres: u64,
    /// Carbon, or `None` where no factor applies (a boat, an unknown mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grams: Option<u64>,
}

/// One week, month or year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub period: String,
    pub metres: BTreeMap<Mode, u64>,
    /// The modes with a carbon factor only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub grams: BTreeMap<Mode, u64>,
}

/// Trips between home and work in one year by one main mode (the mode of most of the trip).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeWork {
    pub year: i64,
    pub mode: Mode,
    pub trips: u64,
    pub metres: u64,
}

/// One trip as the exports write it: UTC instants, its ends when known, its main mode (the mode
/// of most of its length, as the person corrected it), its length and carbon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TripRecord {
    pub start: super::time::Millis,
    pub end: super::time::Millis,
    pub from: Option<super::location::LatLng>,
    pub to: Option<super::location::LatLng>,
    pub mode: Mode,
    pub metres: u64,
    /// `None` when no leg has a carbon factor.
    pub grams: Option<u64>,
    /// Some of its modes were estimated from speed.
    pub estimated: bool,
    /// The person set its mode.
    pub corrected: bool,
}
