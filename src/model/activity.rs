//! What Google kept of what a person did on the web: My Activity (searches, sites visited, videos
//! watched, apps used), YouTube's search history and Chrome's browsing history (issue 9).
//!
//! Sources hand events over one by one to an [`ActivitySink`]; `analysis::activity` sums them up
//! into an [`ActivitySummary`]. Search terms and full addresses are never handed over: an event
//! carries the site's domain at most.

use serde::{Deserialize, Serialize};

use super::social::Rhythm;
use super::time::DayRuns;

/// What an event was, from its title's localised verb (`Searched for`, `Vous avez recherché`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Search,
    /// A page or place visited or viewed.
    Visit,
    Watch,
    /// An app used.
    Use,
    Other,
}

/// Where Google says an event's location came from (`locationInfos[].source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    /// "From your Location History".
    History,
    /// "Based on your past activity".
    PastActivity,
    /// Anything else: the device, an IP address, a labelled place ("From your places (Home)").
    Other,
}

/// One event, as an export lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event<'a> {
    /// The product, as written (`Search`, `Recherche`, `Maps`, `YouTube`, `Chrome`…).
    pub product: &'a str,
    /// Epoch seconds (UTC).
    pub at: i64,
    pub kind: ActivityKind,
    /// The site's domain (`lemonde.fr`), when the event links to one: the target of Google's
    /// `/url?q=` redirects; never the full address.
    pub domain: Option<&'a str>,
    /// Whether Google attached a location to the event, and from what.
    pub location: Option<LocationSource>,
    /// Whether it came from Google Ads (an ad clicked or shown).
    pub ad: bool,
    /// The IP address a detail gives (`From IP 1.2.3.4`).
    pub ip: Option<&'a str>,
}

/// Where what a source reads from activity files goes.
pub trait ActivitySink {
    /// One event.
    fn event(&mut self, _event: &Event<'_>) {}
}

/// What an activity file holds, summed up. Search terms are not kept, only counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySummary {
    /// The days (UTC) with an event (the portrait's timeline).
    #[serde(default, skip_serializing_if = "DayRuns::is_empty")]
    pub days_seen: DayRuns,
    /// Events counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub events: u64,
    /// The first and last day with an event, `YYYY-MM-DD` (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// Events by product as written, most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<(String, u64)>,
    /// Events by month (`YYYY-MM`, UTC), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
    /// Events by kind, most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<(ActivityKind, u64)>,
    /// When the person acts: events by weekday and hour, in Paris time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The sites visited most (at most [`TOP_SITES`]), most visits first, and how many sites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<(String, u64)>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub domain_count: u64,
    /// Searches counted (their terms are not kept), and those Google attached a location to.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub searches: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub searches_located: u64,
    /// Events with a location attached, by where it came from, most first.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub located: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location_sources: Vec<(LocationSource, u64)>,
    /// Events from Google Ads.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ads: u64,
    /// Events with an IP address, and how many addresses.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ip_events: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ip_count: u64,
}

/// Sites listed in a summary.
pub const TOP_SITES: usize = 10;

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}
