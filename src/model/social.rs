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
    /// X, formerly Twitter.
    X,
    #[serde(rename = "tiktok")]
    TikTok,
    Snapchat,
    #[serde(rename = "linkedin")]
    LinkedIn,
}

impl Platform {
    /// The platform's name, the same in French and English.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::X => "X (Twitter)",
            Platform::TikTok => "TikTok",
            Platform::Snapchat => "Snapchat",
            Platform::LinkedIn => "LinkedIn",
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
    /// A login or a session: when, from which IP address, with which device or browser.
    fn login(&mut self, _login: &Login<'_>) {}
    /// A moment the person did something on the platform (sent a message, liked, searched,
    /// watched, posted…), epoch seconds: together, the rhythm of their days.
    fn active(&mut self, _at: i64) {}
    /// One relation in the person's network, and when it began (epoch seconds), if the file says.
    fn contact(&mut self, _relation: Relation, _at: Option<i64>) {}
    /// Something the platform inferred about the person, its label and value as the platform
    /// wrote them (X's `age`, LinkedIn's `Member Traits`…).
    fn inferred(&mut self, _label: &str, _value: &str) {}
    /// One message of a conversation: the conversation's title (or the other person's name),
    /// whether the person sent it (if the file tells), and when (epoch seconds). Only the
    /// messages the person sent count in the rhythm of their actions.
    fn message(&mut self, _conversation: &str, _sent: Option<bool>, _at: Option<i64>) {}
    /// A kind of personal detail the platform holds about the person (their profile, their
    /// account): the kind only, never its value.
    fn holds(&mut self, _detail: Detail) {}
    /// A kind of personal detail the person gave an advertiser through the platform (an ad's
    /// form): the kind only, never its value.
    fn gave_advertiser(&mut self, _detail: Detail) {}
    /// One ad the platform showed the person, by the advertiser who paid for it.
    fn ad(&mut self, _advertiser: &str) {}
}

/// A kind of personal detail a platform holds about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    Name,
    Username,
    Email,
    Phone,
    BirthDate,
    Gender,
    /// A postal address, a city or a place lived.
    Address,
    /// Employers and job titles.
    Work,
    Education,
    /// Relationship status and family members.
    Family,
}

impl Detail {
    /// The kind of detail a profile's label names, in English or French (Instagram's
    /// `string_map_data` keys, Meta's and TikTok's field names, LinkedIn's columns), its mojibake
    /// already repaired: `Email`, `Adresse e-mail`, `Phone Number`, `Date de naissance`,
    /// `userName`… Labels about the data rather than the person (`Phone Confirmed`, `Private
    /// Account`) name none.
    pub fn from_label(label: &str) -> Option<Detail> {
        let l = label.trim().to_lowercase().replace(['_', '-'], " ");
        let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
        if has(&[
            "confirm", "verified", "vérifi", "private", "privé", "method", "méthode",
        ]) {
            return None;
        }
        let detail = if has(&["e mail", "email", "courriel"]) {
            Detail::Email
        } else if has(&["phone", "téléphone", "telephone", "mobile"]) {
            Detail::Phone
        } else if has(&["birth", "naissance", "birthday", "anniversaire"]) {
            Detail::BirthDate
        } else if has(&["gender", "genre", "sexe", "pronoun", "pronom"]) {
            Detail::Gender
        } else if has(&[
            "username",
            "user name",
            "utilisateur",
            "screen name",
            "handle",
        ]) {
            Detail::Username
        } else if has(&[
            "address",
            "adresse",
            "city",
            "ville",
            "hometown",
            "zip",
            "postal",
            "country",
            "pays",
            "places lived",
        ]) {
            Detail::Address
        } else if has(&[
            "employer",
            "employeur",
            "job",
            "poste",
            "work",
            "company",
            "entreprise",
        ]) {
            Detail::Work
        } else if has(&["education", "école", "school", "formation", "études"]) {
            Detail::Education
        } else if has(&[
            "relationship",
            "family",
            "famille",
            "situation amoureuse",
            "couple",
        ]) {
            Detail::Family
        } else if has(&["name", "nom", "prénom"]) {
            Detail::Name
        } else {
            return None;
        };
        Some(detail)
    }
}

/// A login or a session, as an export lists it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Login<'a> {
    /// Epoch seconds.
    pub at: Option<i64>,
    pub ip: Option<&'a str>,
    /// A user agent (`Mozilla/5.0 (iPhone; …`) or a device's model (`iPhone12,1`), as written.
    pub device: Option<&'a str>,
}

/// A relation in the person's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A friend (Facebook, Snapchat): both agreed.
    Friend,
    /// Someone who follows the person.
    Follower,
    /// Someone the person follows.
    Following,
    /// A LinkedIn connection.
    Connection,
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
    /// The days (UTC) with something the person did: an action, a login, a message, a new
    /// contact (the portrait's timeline).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
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
    /// Logins and sessions listed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub logins: u64,
    /// Dated logins by month (`YYYY-MM`, UTC), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub login_months: Vec<(String, u64)>,
    /// The devices and browsers they came from, most logins first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Seen>,
    /// The IP addresses they came from, most logins first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ips: Vec<Seen>,
    /// When the person is active, from every dated action and login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The person's network, by relation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contacts>,
    /// What the platform inferred about the person: a label and its values, as written, in the
    /// file's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<(String, Vec<String>)>,
    /// Messages counted in every conversation.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub messages: u64,
    /// Conversations counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub conversation_count: u64,
    /// The conversations with the most messages (at most [`TOP_CONVERSATIONS`]), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conversations: Vec<Conversation>,
    /// The kinds of personal details the platform holds (its profile and account files), in
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// The kinds of details kept for advertisers' forms (given to them, or kept to fill them in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advertiser_forms: Vec<Detail>,
    /// Ads shown, counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ads: u64,
    /// The advertisers who paid for them, counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ad_advertiser_count: u64,
    /// The advertisers with the most ads shown (at most [`TOP_CONVERSATIONS`]), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ads_by_advertiser: Vec<(String, u64)>,
}

/// Conversations listed by name in a summary; the rest are counted in
/// [`SocialSummary::messages`].
pub const TOP_CONVERSATIONS: usize = 10;

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A device, a browser or an IP address seen at logins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub name: String,
    pub logins: u64,
    /// First and last login, `YYYY-MM-DD` (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// Dated actions by weekday and hour, in local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythm {
    /// The time zone the hours are in (the files write UTC).
    pub zone: String,
    pub total: u64,
    /// Monday first; hour 0 to 23.
    pub counts: [[u64; 24]; 7],
    /// The longest run of hours with little activity (each under a quarter of an even share),
    /// `(first hour, hour after the last)`, which can wrap past midnight; none with too few actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet: Option<(u8, u8)>,
    /// The share of actions in the quiet hours, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiet_percent: Option<u8>,
}

/// How many relations of one kind, and when they began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    pub relation: Relation,
    pub count: u64,
    /// Relations begun each year (those the file dates), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<(i64, u64)>,
}

impl Rhythm {
    /// The quiet hours and their share: `(first hour, hour after the last, percent)`.
    pub fn quiet_share(&self) -> Option<(u8, u8, u8)> {
        self.quiet
            .zip(self.quiet_percent)
            .map(|((start, end), share)| (start, end, share))
    }
}

impl SocialSummary {
    /// The relations of every kind begun each year (those the file dates), in order.
    pub fn contacts_by_year(&self) -> std::collections::BTreeMap<i64, u64> {
        let mut years = std::collections::BTreeMap::new();
        for (year, n) in self.contacts.iter().flat_map(|c| &c.years) {
            *years.entry(*year).or_default() += n;
        }
        years
    }
}

/// A conversation and its messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Its title or the other person's name, as written: shown masked unless the person asks.
    pub name: String,
    pub messages: u64,
    /// Of which the person sent, when the file tells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// What several social files say together: the interests and advertisers merged across
/// platforms (one name, the platforms that list it), and one rhythm of every dated action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialOverview {
    /// The social files read together.
    pub files: u64,
    /// Their platforms, each once.
    pub platforms: Vec<Platform>,
    /// Every interest once (names compared without case or extra spaces), sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<MergedInterest>,
    /// Every advertiser once, its flags merged, sorted by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advertisers: Vec<MergedAdvertiser>,
    /// The files' rhythms added up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The files that list interests, advertisers, or dated actions: how many, and their
    /// platforms.
    pub interests_from: Contributors,
    pub advertisers_from: Contributors,
    pub rhythm_from: Contributors,
}

/// The files that contribute to one part of an overview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributors {
    pub files: u64,
    pub platforms: Vec<Platform>,
}

impl Contributors {
    /// Counts a file of `platform`.
    pub fn add(&mut self, platform: Platform) {
        self.files += 1;
        if !self.platforms.contains(&platform) {
            self.platforms.push(platform);
            self.platforms.sort();
        }
    }
}

/// An interest, and the platforms that inferred it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedInterest {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    pub platforms: Vec<Platform>,
}

/// An advertiser, what it did, and the platforms that list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergedAdvertiser {
    pub name: String,
    pub flags: AudienceFlags,
    pub platforms: Vec<Platform>,
}

#[cfg(test)]
mod tests {
    use super::Detail;

    #[test]
    fn profile_labels_name_their_kind_of_detail_in_english_and_french() {
        // Instagram's `personal_information.json` (whatif 2025, and hestia 2022 in French),
        // TikTok's ProfileMap and Meta's `profile_v2` keys.
        let cases = [
            ("Email", Some(Detail::Email)),
            ("Adresse e-mail", Some(Detail::Email)),
            ("emailAddress", Some(Detail::Email)),
            ("Phone Number", Some(Detail::Phone)),
            ("telephoneNumber", Some(Detail::Phone)),
            ("Phone Confirmed", None),
            ("Numéro de téléphone confirmé", None),
            ("Phone Confirmation Method", None),
            ("Username", Some(Detail::Username)),
            ("Nom d\u{2019}utilisateur", Some(Detail::Username)),
            ("Name", Some(Detail::Name)),
            ("Nom", Some(Detail::Name)),
            ("Gender", Some(Detail::Gender)),
            ("Genre", Some(Detail::Gender)),
            ("Date of birth", Some(Detail::BirthDate)),
            ("birthDate", Some(Detail::BirthDate)),
            ("Private Account", None),
            ("Compte privé", None),
            ("current_city", Some(Detail::Address)),
            ("ZipCode", Some(Detail::Address)),
            ("work_experiences", Some(Detail::Work)),
            ("education_experiences", Some(Detail::Education)),
            ("family_members", Some(Detail::Family)),
            ("bioDescription", None),
            ("Bio", None),
        ];
        for (label, detail) in cases {
            assert_eq!(Detail::from_label(label), detail, "{label}");
        }
    }
}
