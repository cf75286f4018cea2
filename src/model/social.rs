//! What social networks and advertisers hold about a person: the interests inferred to target
//! ads, the advertisers that hold or use their data, and the apps and sites that report what
//! they do elsewhere (issue 8).
//!
//! Sources hand these over one by one to a [`SocialSink`]; `analysis::social` sums them up into
//! a [`SocialSummary`], which the report carries.

use serde::{Deserialize, Serialize};

/// The platform an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Facebook,
    Instagram,
}

impl Platform {
    /// The platform's name, the same in French and English.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
        }
    }
}

/// What an advertiser's entry says it did with the person's data (Meta's three flags; an old
/// export's "uploaded a contact list" list sets `data_file` alone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceFlags {
    /// Uploaded a list (e-mail addresses, phone numbers) that holds the person: it has their
    /// contact details.
    pub data_file: bool,
    /// Targets the people who visited its site or used its app: it follows what they did there.
    pub remarketing: bool,
    /// Matched the person with a visit to one of its shops.
    pub in_store: bool,
}

impl AudienceFlags {
    /// Adds what `other` says to what is known.
    pub fn merge(&mut self, other: AudienceFlags) {
        self.data_file |= other.data_file;
        self.remarketing |= other.remarketing;
        self.in_store |= other.in_store;
    }
}

/// Where what a source reads from social and advertising files goes.
pub trait SocialSink {
    /// An interest or category the platform inferred about the person to show them ads, as it
    /// wrote it (its mojibake repaired).
    fn interest(&mut self, _name: &str) {}
    /// An advertiser holding or using the person's data, and what it did.
    fn advertiser(&mut self, _name: &str, _flags: AudienceFlags) {}
    /// One event an app or site reported about the person: the app's name, the event's type as
    /// the export writes it (`PAGE_VIEW`, `PURCHASE`…), and when (epoch seconds), if it says.
    fn off_platform(&mut self, _app: &str, _kind: &str, _at: Option<i64>) {}
}

/// A GDPR special category of personal data (Art. 9), which an interest may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Special {
    Health,
    Religion,
    Politics,
    Sexuality,
    Ethnicity,
    TradeUnion,
}

/// An interest the platform inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interest {
    pub name: String,
    /// The special category it touches, if any (by the bilingual lexicon of `analysis::social`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
}

/// An advertiser, and what it did with the person's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advertiser {
    pub name: String,
    pub flags: AudienceFlags,
}

/// An app or site that reported the person's activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffPlatformApp {
    pub name: String,
    pub events: u64,
    /// Events by type, most frequent first.
    pub types: Vec<(String, u64)>,
    /// The first and last event, `YYYY-MM-DD` (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// What a social or advertising file holds, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialSummary {
    pub platform: Platform,
    /// Interests and categories inferred for ads, as listed (duplicates once), sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    /// Advertisers, sorted by name (each once, its flags merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advertisers: Vec<Advertiser>,
    /// Apps and sites that reported activity, most events first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off_platform: Vec<OffPlatformApp>,
    /// Off-platform events by month (`YYYY-MM`, UTC), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
}
