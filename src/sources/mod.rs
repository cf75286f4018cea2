//! One file per export type, and the registry that detects them.
//!
//! A source declares a stable dotted id (`google.timeline.android`), a display name, and
//! `detect`: from a file's path and first bytes, a [`Claim`] with a confidence. Adding an export
//! type is one file in this folder and one line in [`SOURCES`]; the registry-wide tests loop over
//! every entry, so nothing registered goes untested.
//!
//! Detection reads the content first (folder names are translated into the account's language);
//! `read` then streams the whole file, handing what it holds (positions, visits, moves…) to the
//! model's sinks; the analyses consume them.

// Built without the guides (the worker), their helpers and the imports they use are not needed.
#![cfg_attr(
    not(feature = "guides"),
    allow(unused_imports, unused_macros, dead_code)
)]

mod amazon_orders;
mod apple_health;
mod bank;
mod bank_csv;
mod bank_ofx;
mod bank_qif;
mod chat_whatsapp;
mod chrome_history;
mod enedis;
mod fit;
mod geojson;
mod google_activity;
mod google_activity_html;
mod google_fit_daily;
mod google_fit_sessions;
mod google_no_history;
mod google_records;
mod google_semantic;
mod google_settings;
mod google_timeline_android;
mod google_timeline_edits;
mod google_timeline_ios;
mod gpx;
#[cfg(feature = "guides")]
pub mod guides;
mod instagram_inferences;
mod kml;
mod linkedin;
mod linkedin_ad_targeting;
mod linkedin_connections;
mod linkedin_inferences;
mod linkedin_logins;
mod linkedin_messages;
mod linkedin_profile;
mod loose;
mod meta;
mod meta_activity;
mod meta_advertisers;
mod meta_contacts;
mod meta_facebook_activity;
mod meta_interests;
mod meta_location;
mod meta_logins;
mod meta_messages;
mod meta_off_platform;
mod meta_profile;
mod meta_submitted;
mod netflix;
mod netflix_devices;
mod netflix_viewing;
mod snapchat;
mod snapchat_account;
mod snapchat_friends;
mod snapchat_location;
mod snapchat_messages;
mod snapchat_profile;
mod spotify;
mod spotify_extended;
mod spotify_history;
mod spotify_inferences;
mod strava_activities;
mod tcx;
mod tiktok;
mod tiktok_txt;
mod uber_trips;
mod x;
mod x_account;
mod x_ads;
mod x_ageinfo;
mod x_devices;
mod x_direct_messages;
mod x_follows;
mod x_ip_audit;
mod x_personalization;
mod x_tweets;
mod youtube_history;

pub use amazon_orders::AmazonOrders;
pub use apple_health::AppleHealth;
pub use bank_csv::BankCsv;
pub use bank_ofx::BankOfx;
pub use bank_qif::BankQif;
pub use chat_whatsapp::WhatsAppChat;
pub use chrome_history::ChromeHistory;
pub use enedis::Enedis;
pub use fit::Fit;
pub use geojson::GeoJson;
pub use google_activity::GoogleActivity;
pub use google_activity_html::GoogleActivityHtml;
pub use google_fit_daily::GoogleFitDaily;
pub use google_fit_sessions::GoogleFitSessions;
pub use google_no_history::GoogleNoHistory;
pub use google_records::GoogleRecords;
pub use google_semantic::GoogleSemantic;
pub use google_settings::GoogleSettings;
pub use google_timeline_android::GoogleTimelineAndroid;
pub use google_timeline_edits::GoogleTimelineEdits;
pub use google_timeline_ios::GoogleTimelineIos;
pub use gpx::Gpx;
pub use instagram_inferences::InstagramInferences;
pub use kml::Kml;
pub use linkedin_ad_targeting::LinkedInAdTargeting;
pub use linkedin_connections::LinkedInConnections;
pub use linkedin_inferences::LinkedInInferences;
pub use linkedin_logins::LinkedInLogins;
pub use linkedin_messages::LinkedInMessages;
pub use linkedin_profile::LinkedInProfile;
pub use meta_activity::InstagramActivity;
pub use meta_advertisers::MetaAdvertisers;
pub use meta_contacts::MetaContacts;
pub use meta_facebook_activity::FacebookActivity;
pub use meta_interests::MetaInterests;
pub use meta_location::FacebookLocation;
pub use meta_logins::MetaLogins;
pub use meta_messages::MetaMessages;
pub use meta_off_platform::MetaOffPlatform;
pub use meta_profile::MetaProfile;
pub use meta_submitted::MetaSubmitted;
pub use netflix_devices::NetflixDevices;
pub use netflix_viewing::NetflixViewing;
pub use snapchat_account::SnapchatAccount;
pub use snapchat_friends::SnapchatFriends;
pub use snapchat_location::SnapchatLocation;
pub use snapchat_messages::SnapchatMessages;
pub use snapchat_profile::SnapchatProfile;
pub use spotify_extended::SpotifyExtended;
pub use spotify_history::SpotifyHistory;
pub use spotify_inferences::SpotifyInferences;
pub use strava_activities::StravaActivities;
pub use tcx::Tcx;
pub use tiktok::TikTok;
pub use tiktok_txt::{TextList, TikTokText};
pub use uber_trips::UberTrips;
pub use x_account::XAccount;
pub use x_ads::XAds;
pub use x_ageinfo::XAgeInfo;
pub use x_devices::XDevices;
pub use x_direct_messages::XDirectMessages;
pub use x_follows::XFollows;
pub use x_ip_audit::XIpAudit;
pub use x_personalization::XPersonalization;
pub use x_tweets::XTweets;
pub use youtube_history::YouTubeHistory;

use crate::error::ErrorKind;
use crate::i18n::Lang;
#[cfg(test)]
use crate::model::location::LocationSink;
use crate::model::social::Platform;
#[cfg(test)]
use crate::model::social::{AudienceFlags, Login, Relation, SocialSink};
use crate::model::Sink;
use meta::Meta;

/// A source's claim on a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub source: &'static str,
    /// 0–100: how sure the source is that the file is its export.
    pub confidence: u8,
}

/// An export type Reflet can read.
pub trait Source: Sync {
    /// Stable dotted id, reused as fixture folder and snapshot name.
    fn id(&self) -> &'static str;
    /// Name shown to the person.
    fn name(&self, lang: Lang) -> &'static str;
    /// How a person obtains this export: where to click, which format, how long it takes. Many
    /// sources share one guide (every file of an archive); [`guides::guides`] groups them.
    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static guides::Guide;
    /// Looks at a path and the first bytes ([`crate::ingest::HEAD_LEN`]) and claims the file, or not.
    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim>;
    /// Reads the whole file as a stream into `out`. A file cut off or damaged midway has handed
    /// over what came before, and says what went wrong.
    fn read(&self, reader: &mut dyn std::io::Read, out: &mut dyn Sink) -> Option<ErrorKind>;
    /// The platform of a social or advertising file (its summary is then
    /// [`crate::model::Summary::Social`]); `None` for location files.
    fn social(&self) -> Option<Platform> {
        None
    }
    /// The service of a streaming file (its summary is then [`crate::model::Summary::Media`]).
    fn media(&self) -> Option<crate::model::media::Service> {
        None
    }
    /// Whether it is an electricity meter's file (its summary is then
    /// [`crate::model::Summary::Energy`]).
    fn energy(&self) -> bool {
        false
    }
    /// Whether the file is a chat export (its summary is then [`crate::model::Summary::Chat`]).
    fn chat(&self) -> bool {
        false
    }
    /// The format of a bank statement (its summary is then [`crate::model::Summary::Money`]).
    fn money(&self) -> Option<crate::model::money::Format> {
        None
    }
    /// Whether the file holds web activity (its summary is then
    /// [`crate::model::Summary::Activity`]).
    fn activity(&self) -> bool {
        false
    }
    /// The app of a health file (its summary is then [`crate::model::Summary::Health`]).
    fn health(&self) -> Option<crate::model::health::HealthApp> {
        None
    }
}

/// Every registered export type, most specific first.
pub static SOURCES: &[&dyn Source] = &[
    &GoogleRecords,
    &GoogleTimelineAndroid,
    &GoogleTimelineIos,
    &SnapchatLocation,
    #[cfg(feature = "health")]
    &AppleHealth,
    &StravaActivities,
    &UberTrips,
    &Gpx,
    &Tcx,
    &Fit,
    &Kml,
    &GeoJson,
    &GoogleSemantic,
    &GoogleTimelineEdits,
    &GoogleSettings,
    &GoogleNoHistory,
    &MetaInterests {
        platform: Meta::Facebook,
    },
    &MetaInterests {
        platform: Meta::Instagram,
    },
    &MetaAdvertisers {
        platform: Meta::Facebook,
        uploaded: false,
    },
    &MetaAdvertisers {
        platform: Meta::Facebook,
        uploaded: true,
    },
    &MetaAdvertisers {
        platform: Meta::Instagram,
        uploaded: false,
    },
    &MetaOffPlatform {
        platform: Meta::Facebook,
    },
    &MetaOffPlatform {
        platform: Meta::Instagram,
    },
    &XPersonalization,
    &XIpAudit,
    &XAds { engagements: false },
    &XAds { engagements: true },
    &XTweets,
    &XDirectMessages,
    &XAgeInfo,
    &XFollows,
    &XDevices,
    &XAccount,
    &TikTok,
    &TikTokText {
        list: TextList::Actions,
    },
    &TikTokText {
        list: TextList::Logins,
    },
    &TikTokText {
        list: TextList::Followers,
    },
    &TikTokText {
        list: TextList::Following,
    },
    &TikTokText {
        list: TextList::Messages,
    },
    &LinkedInConnections,
    &LinkedInAdTargeting,
    &LinkedInInferences,
    &LinkedInLogins,
    &LinkedInMessages,
    &LinkedInProfile,
    &MetaLogins {
        platform: Meta::Facebook,
    },
    &MetaLogins {
        platform: Meta::Instagram,
    },
    &MetaContacts {
        platform: Meta::Facebook,
    },
    &MetaContacts {
        platform: Meta::Instagram,
    },
    &MetaMessages {
        platform: Meta::Facebook,
    },
    &MetaMessages {
        platform: Meta::Instagram,
    },
    &InstagramActivity,
    &FacebookActivity,
    &FacebookLocation,
    &InstagramInferences,
    &MetaProfile {
        platform: Meta::Facebook,
    },
    &MetaProfile {
        platform: Meta::Instagram,
    },
    &MetaSubmitted {
        platform: Meta::Facebook,
    },
    &MetaSubmitted {
        platform: Meta::Instagram,
    },
    &SnapchatAccount,
    &SnapchatFriends,
    &SnapchatMessages { snaps: false },
    &SnapchatMessages { snaps: true },
    &SnapchatProfile,
    &SpotifyHistory,
    &SpotifyExtended { video: false },
    &SpotifyExtended { video: true },
    &SpotifyInferences,
    &NetflixViewing,
    &NetflixDevices,
    &YouTubeHistory,
    #[cfg(feature = "energy")]
    &Enedis,
    #[cfg(feature = "chat")]
    &WhatsAppChat,
    #[cfg(feature = "money")]
    &BankOfx,
    #[cfg(feature = "money")]
    &BankQif,
    #[cfg(feature = "money")]
    &BankCsv,
    #[cfg(feature = "money")]
    &AmazonOrders,
    #[cfg(feature = "activity")]
    &GoogleActivity,
    #[cfg(feature = "activity")]
    &GoogleActivityHtml,
    #[cfg(feature = "activity")]
    &ChromeHistory,
    #[cfg(feature = "health")]
    &GoogleFitDaily,
    #[cfg(feature = "health")]
    &GoogleFitSessions,
];

/// The best claim on a file among the registered sources.
pub fn detect(path: &str, head: &[u8]) -> Option<Claim> {
    detect_among(SOURCES, path, head)
}

/// The best claim among `sources`: highest confidence, the first registered on a tie.
pub fn detect_among(sources: &[&dyn Source], path: &str, head: &[u8]) -> Option<Claim> {
    let mut best: Option<Claim> = None;
    for source in sources {
        if let Some(claim) = source.detect(path, head) {
            if best.is_none_or(|b| claim.confidence > b.confidence) {
                best = Some(claim);
            }
        }
    }
    best
}

/// Looks a source up by id.
pub fn by_id(id: &str) -> Option<&'static dyn Source> {
    SOURCES.iter().copied().find(|s| s.id() == id)
}

/// Everything a source handed over, for the sources' own tests.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub fixes: Vec<(crate::model::location::Fix, String)>,
    pub visits: Vec<crate::model::location::Visit>,
    pub moves: Vec<crate::model::location::Move>,
    pub places: Vec<crate::model::location::ServicePlace>,
    pub affinities: Vec<(crate::model::location::Mode, f64)>,
    pub skipped: u64,
    pub guesses: Vec<String>,
    /// The device of each fix that names one: tag, platform, form factor.
    pub fix_devices: Vec<(i64, Option<String>, Option<String>)>,
    pub devices: Vec<crate::model::location::Device>,
    pub settings: Vec<crate::model::location::HistorySettings>,
    pub interests: Vec<String>,
    pub advertisers: Vec<(String, AudienceFlags)>,
    /// App, event type, time.
    pub off_platform: Vec<(String, String, Option<i64>)>,
    /// Time, IP address, device.
    pub logins: Vec<(Option<i64>, Option<String>, Option<String>)>,
    pub active: Vec<i64>,
    pub contacts: Vec<(Relation, Option<i64>)>,
    /// Label, value.
    pub inferred: Vec<(String, String)>,
    /// Conversation, sent by the person, time.
    pub messages: Vec<(String, Option<bool>, Option<i64>)>,
    pub holds: Vec<crate::model::social::Detail>,
    pub gave_advertiser: Vec<crate::model::social::Detail>,
    /// The advertiser of each ad shown.
    pub ads: Vec<String>,
    /// Start, time played, kind, title, creator, device, IP address, country.
    pub plays: Vec<CollectedPlay>,
    /// Device, IP address, time.
    pub seen: Vec<(Option<String>, Option<String>, Option<i64>)>,
    pub segments: Vec<String>,
    pub readings: Vec<crate::model::energy::Reading>,
    pub layouts: Vec<crate::model::energy::Layout>,
    pub missing: u64,
    pub chat: Vec<(i64, Option<String>, crate::model::chat::MessageKind, u32)>,
    pub chat_groups: Vec<bool>,
    pub chat_dates: Vec<(crate::model::chat::DateOrder, bool, Option<u64>)>,
    /// Bank transactions: time, cents, currency, label, memo, category, type.
    pub transactions: Vec<CollectedTransaction>,
    /// Items bought.
    pub purchases: Vec<CollectedPurchase>,
    /// Web activity events.
    pub events: Vec<CollectedEvent>,
    /// Health records: type, writer, start.
    pub health_records: Vec<(String, String, i64)>,
    /// Quantity, start, end, value, writer.
    pub measures: Vec<(crate::model::health::Quantity, i64, i64, f64, String)>,
    /// Start, end, asleep, writer.
    pub sleeps: Vec<(i64, i64, bool, String)>,
    /// Activity, start, seconds, metres, kcal.
    #[allow(clippy::type_complexity)]
    pub workouts: Vec<(String, i64, f64, Option<f64>, Option<f64>)>,
    pub rings: Vec<crate::model::health::Rings>,
    pub characteristics: Vec<String>,
}

#[cfg(test)]
impl crate::model::energy::EnergySink for Collected {
    fn layout(&mut self, layout: crate::model::energy::Layout) {
        self.layouts.push(layout);
    }
    fn reading(&mut self, reading: &crate::model::energy::Reading) {
        self.readings.push(*reading);
    }
    fn missing(&mut self) {
        self.missing += 1;
    }
}

#[cfg(test)]
impl crate::model::chat::ChatSink for Collected {
    fn chat_message(&mut self, m: &crate::model::chat::ChatMessage<'_>) {
        self.chat
            .push((m.at, m.author.map(str::to_owned), m.kind, m.chars));
    }
    fn chat_group(&mut self, created_by_you: bool) {
        self.chat_groups.push(created_by_you);
    }
    fn chat_dates(
        &mut self,
        order: crate::model::chat::DateOrder,
        guessed: bool,
        from: Option<u64>,
    ) {
        self.chat_dates.push((order, guessed, from));
    }
}

/// A bank transaction as a source handed it over, owned.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CollectedTransaction {
    pub at: i64,
    pub cents: i64,
    pub currency: Option<String>,
    pub label: Option<String>,
    pub memo: Option<String>,
    pub category: Option<String>,
    pub kind: Option<String>,
}

#[cfg(test)]
impl crate::model::money::MoneySink for Collected {
    fn transaction(&mut self, t: &crate::model::money::Transaction<'_>) {
        let own = |s: Option<&str>| s.map(str::to_owned);
        self.transactions.push(CollectedTransaction {
            at: t.at,
            cents: t.cents,
            currency: own(t.currency),
            label: own(t.label),
            memo: own(t.memo),
            category: own(t.category),
            kind: own(t.kind),
        });
    }
    fn purchase(&mut self, p: &crate::model::money::Purchase<'_>) {
        self.purchases.push(CollectedPurchase {
            at: p.at,
            cents: p.cents,
            currency: p.currency.map(str::to_owned),
            product: p.product.map(str::to_owned),
            new_order: p.new_order,
            quantity: p.quantity,
        });
    }
}

/// An item bought as a source handed it over, owned.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CollectedPurchase {
    pub at: i64,
    pub cents: i64,
    pub currency: Option<String>,
    pub product: Option<String>,
    pub new_order: bool,
    pub quantity: u64,
}

/// A web activity event as a source handed it over, owned.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CollectedEvent {
    pub product: String,
    pub at: i64,
    pub kind: crate::model::activity::ActivityKind,
    pub domain: Option<String>,
    pub location: Option<crate::model::activity::LocationSource>,
    pub ad: bool,
    pub ip: Option<String>,
}

#[cfg(test)]
impl crate::model::activity::ActivitySink for Collected {
    fn event(&mut self, e: &crate::model::activity::Event<'_>) {
        self.events.push(CollectedEvent {
            product: e.product.to_owned(),
            at: e.at,
            kind: e.kind,
            domain: e.domain.map(str::to_owned),
            location: e.location,
            ad: e.ad,
            ip: e.ip.map(str::to_owned),
        });
    }
}

#[cfg(test)]
impl crate::model::health::HealthSink for Collected {
    fn record(&mut self, kind: &str, source: &str, at: i64) {
        self.health_records
            .push((kind.to_owned(), source.to_owned(), at));
    }
    fn measure(&mut self, m: &crate::model::health::Measure<'_>) {
        self.measures
            .push((m.kind, m.start, m.end, m.value, m.source.to_owned()));
    }
    fn sleep(&mut self, start: i64, end: i64, asleep: bool, source: &str) {
        self.sleeps.push((start, end, asleep, source.to_owned()));
    }
    fn workout(&mut self, w: &crate::model::health::Workout<'_>) {
        self.workouts
            .push((w.kind.to_owned(), w.start, w.seconds, w.metres, w.kcal));
    }
    fn rings(&mut self, rings: &crate::model::health::Rings) {
        self.rings.push(*rings);
    }
    fn characteristic(&mut self, kind: &str) {
        self.characteristics.push(kind.to_owned());
    }
}

/// A play as a source handed it over, owned.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CollectedPlay {
    pub at: i64,
    pub ms: Option<u64>,
    pub kind: crate::model::media::MediaKind,
    pub title: Option<String>,
    pub creator: Option<String>,
    pub device: Option<String>,
    pub ip: Option<String>,
    pub country: Option<String>,
}

#[cfg(test)]
impl crate::model::media::MediaSink for Collected {
    fn play(&mut self, play: &crate::model::media::Play<'_>) {
        let own = |s: Option<&str>| s.map(str::to_owned);
        self.plays.push(CollectedPlay {
            at: play.at,
            ms: play.ms,
            kind: play.kind,
            title: own(play.title),
            creator: own(play.creator),
            device: own(play.device),
            ip: own(play.ip),
            country: own(play.country),
        });
    }
    fn seen(&mut self, device: Option<&str>, ip: Option<&str>, at: Option<i64>) {
        self.seen
            .push((device.map(str::to_owned), ip.map(str::to_owned), at));
    }
    fn segment(&mut self, name: &str) {
        self.segments.push(name.to_owned());
    }
}

#[cfg(test)]
impl SocialSink for Collected {
    fn interest(&mut self, name: &str) {
        self.interests.push(name.to_owned());
    }
    fn advertiser(&mut self, name: &str, flags: AudienceFlags) {
        self.advertisers.push((name.to_owned(), flags));
    }
    fn off_platform(&mut self, app: &str, kind: &str, at: Option<i64>) {
        self.off_platform
            .push((app.to_owned(), kind.to_owned(), at));
    }
    fn login(&mut self, login: &Login<'_>) {
        self.logins.push((
            login.at,
            login.ip.map(str::to_owned),
            login.device.map(str::to_owned),
        ));
    }
    fn active(&mut self, at: i64) {
        self.active.push(at);
    }
    fn contact(&mut self, relation: Relation, at: Option<i64>) {
        self.contacts.push((relation, at));
    }
    fn inferred(&mut self, label: &str, value: &str) {
        self.inferred.push((label.to_owned(), value.to_owned()));
    }
    fn message(&mut self, conversation: &str, sent: Option<bool>, at: Option<i64>) {
        self.messages.push((conversation.to_owned(), sent, at));
    }
    fn holds(&mut self, detail: crate::model::social::Detail) {
        self.holds.push(detail);
    }
    fn gave_advertiser(&mut self, detail: crate::model::social::Detail) {
        self.gave_advertiser.push(detail);
    }
    fn ad(&mut self, advertiser: &str) {
        self.ads.push(advertiser.to_owned());
    }
}

#[cfg(test)]
impl LocationSink for Collected {
    fn fix(&mut self, fix: crate::model::location::Fix, source: &str) {
        self.fixes.push((fix, source.to_owned()));
    }
    fn visit(&mut self, visit: &crate::model::location::Visit) {
        self.visits.push(visit.clone());
    }
    fn movement(&mut self, movement: &crate::model::location::Move) {
        self.moves.push(movement.clone());
    }
    fn service_place(&mut self, place: &crate::model::location::ServicePlace) {
        self.places.push(place.clone());
    }
    fn affinity(&mut self, mode: crate::model::location::Mode, affinity: f64) {
        self.affinities.push((mode, affinity));
    }
    fn skipped(&mut self) {
        self.skipped += 1;
    }
    fn activity_guess(&mut self, kind: &str) {
        self.guesses.push(kind.to_owned());
    }
    fn fix_device(&mut self, tag: i64, platform: Option<&str>, form_factor: Option<&str>) {
        self.fix_devices.push((
            tag,
            platform.map(str::to_owned),
            form_factor.map(str::to_owned),
        ));
    }
    fn device(&mut self, device: &crate::model::location::Device) {
        self.devices.push(device.clone());
    }
    fn history_settings(&mut self, settings: &crate::model::location::HistorySettings) {
        self.settings.push(settings.clone());
    }
}

#[cfg(test)]
impl Collected {
    /// The fixes as (time, latitude E7, longitude E7), to compare with expectations.
    pub fn points(&self) -> Vec<(i64, i32, i32)> {
        self.fixes
            .iter()
            .map(|(f, _)| (f.time, f.at.lat_e7, f.at.lng_e7))
            .collect()
    }

    /// The moves as (start, end, mode, distance), to compare with expectations.
    pub fn move_spans(&self) -> Vec<(i64, i64, crate::model::location::Mode, Option<f64>)> {
        self.moves
            .iter()
            .map(|m| (m.start, m.end, m.mode, m.distance_m))
            .collect()
    }
}

/// The bytes of a generated fixture, `tests/fixtures/<id>/<name>`, for the sources' own tests.
#[cfg(test)]
pub(crate) fn fixture(id: &str, name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads `bytes` with `source`, for the sources' own tests.
#[cfg(test)]
pub(crate) fn collect(source: &dyn Source, bytes: &[u8]) -> (Collected, Option<ErrorKind>) {
    let mut out = Collected::default();
    let error = source.read(&mut &bytes[..], &mut out);
    (out, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake {
        id: &'static str,
        needle: &'static [u8],
        confidence: u8,
    }
    impl Source for Fake {
        fn id(&self) -> &'static str {
            self.id
        }
        fn name(&self, _: Lang) -> &'static str {
            self.id
        }
        #[cfg(feature = "guides")]
        fn guide(&self) -> &'static guides::Guide {
            &guides::BANK
        }
        fn read(&self, _: &mut dyn std::io::Read, _: &mut dyn Sink) -> Option<ErrorKind> {
            None
        }
        fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
            head.windows(self.needle.len())
                .any(|w| w == self.needle)
                .then_some(Claim {
                    source: self.id,
                    confidence: self.confidence,
                })
        }
    }

    #[test]
    fn the_most_confident_claim_wins_and_ties_go_to_the_first() {
        let a = Fake {
            id: "a.loose",
            needle: b"locations",
            confidence: 40,
        };
        let b = Fake {
            id: "b.strict",
            needle: b"latitudeE7",
            confidence: 90,
        };
        let c = Fake {
            id: "c.same",
            needle: b"latitudeE7",
            confidence: 90,
        };
        let list: [&dyn Source; 3] = [&a, &b, &c];
        let head = br#"{"locations":[{"latitudeE7":1}]}"#;
        assert_eq!(
            detect_among(&list, "x.json", head).map(|c| c.source),
            Some("b.strict")
        );
        assert_eq!(
            detect_among(&list, "x.json", b"{\"locations\":[]}").map(|c| c.source),
            Some("a.loose")
        );
        assert_eq!(detect_among(&list, "x.json", b"hello"), None);
    }

    #[test]
    fn registered_ids_are_unique_dotted_and_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for source in SOURCES {
            let id = source.id();
            assert!(seen.insert(id), "{id} registered twice");
            assert!(
                id.contains('.')
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
            );
            assert!(by_id(id).is_some());
            for lang in [Lang::Fr, Lang::En] {
                assert!(!source.name(lang).is_empty(), "{id}");
                // The guide's own tests (guides.rs) check its texts in both languages.
                #[cfg(feature = "guides")]
                assert!(source.guide().text(lang).steps.len() >= 2, "{id}");
            }
        }
    }
}
