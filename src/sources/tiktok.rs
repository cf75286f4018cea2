//! TikTok's JSON export: everything the account's data holds, in one file.
//!
//! Where from: TikTok, Settings and privacy → Account → Download your data, format JSON: an
//! archive `TikTok_Data_<epoch>.zip` holding a single `user_data_tiktok.json` (2024+) or
//! `user_data.json` (2022–23), from 0.1 to 50 MB. (The TXT format, folders of `.txt` blocks, is
//! read by [`super::tiktok_txt`].)
//!
//! Shape (formats.md section 5): sections > subsections > lists, whose names vary by vintage:
//! `{"Activity" (or "Your Activity"): {"Video Browsing History" (or "Watch History"):
//! {"VideoList": [{"Date": "2024-11-20 15:21:12", "Link": "…"}]}, "Login History":
//! {"LoginHistoryList": [{"Date", "IP", "DeviceModel", "DeviceSystem", …}]}, …}, "Ads and data":
//! {"Ad Interests": {"AdInterestCategories": "A|B"}, …}, "Direct Messages": {"Chat History":
//! {"ChatHistory": {"Chat History with <user>:": [{"Date", "From", "Content" | "comment"}]}}},
//! "Profile": {"Profile Information": {"ProfileMap": {"userName", …}}}, …}`. Empty lists are
//! `null`; dates are `YYYY-MM-DD HH:MM:SS` in UTC, sometimes with a trailing ` UTC`; sections
//! also carry flags (`"App": 1`, `"IsFastLane"`).
//!
//! The file is streamed: the reader walks sections, subsections and lists by their key names,
//! whatever the section's name, and hands over, element by element:
//! - the moments the person watched (`VideoList` of the browsing history), liked
//!   (`ItemFavoriteList`, whose keys are lower-case in 2024), added to favourites
//!   (`FavoriteVideoList`), searched (`SearchList`), shared (`ShareHistoryList`), commented
//!   (`CommentsList`) and posted (`VideoList` of `Videos`, `PostList` of recently deleted posts):
//!   [`SocialSink::active`], never the link, search term or comment;
//! - logins (`LoginHistoryList`): when, from which IP address, on which device (the model with
//!   the system's name without its version, `iPhone14,4 (iOS)`, so that a phone stays one device
//!   across system updates);
//! - followers (`FansList`) and followings (`Following`), with the date, never the name;
//! - ad interests (`AdInterestCategories`, `|`-separated);
//! - off-TikTok activity (`OffTikTokActivityDataList`: `[{"TimeStamp", "Source", "Event"}]`, as
//!   documented; no sample has one);
//! - direct messages, by conversation (the name after `Chat History with `), with whether the
//!   person sent each one (see [`Chats`]), never their text;
//! - the kinds of detail the profile holds (`ProfileMap`: `userName`, `birthDate`,
//!   `emailAddress`, `telephoneNumber`…, each named by [`Detail::from_label`]) whose value is
//!   filled in (not empty, not `N/A` or `None`): [`SocialSink::holds`], never the value;
//!   `bioDescription`, `likesReceived`, the photo, the video and the linked platforms
//!   (`PlatformInfo`) name no kind of detail;
//! - the kinds of detail TikTok keeps to pre-fill ad forms (`"Auto Fill"` or `"Autofill"`:
//!   `{PhoneNumber, Email, FirstName, LastName, Address, ZipCode, Unit, City, State,
//!   Country}`), those filled in, each kind once: [`SocialSink::gave_advertiser`], never the
//!   value.
//!
//! Everything else (settings, the bio, purchases, live, shop, status, location, the answers to
//! instant-form ads) is skipped unread.
//!
//! [`SocialSink::active`]: crate::model::social::SocialSink::active
//! [`SocialSink::holds`]: crate::model::social::SocialSink::holds
//! [`SocialSink::gave_advertiser`]: crate::model::social::SocialSink::gave_advertiser

use std::fmt;
use std::io::Read;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::meta::{file_name, has_key, opens_object};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::visit_object;
use crate::model::social::{Detail, Login, Platform, Relation};
use crate::model::time::parse_iso;
use crate::model::Sink;

/// TikTok's JSON export.
pub struct TikTok;

/// Top-level section names, across vintages.
const SECTIONS: [&str; 16] = [
    "Activity",
    "Your Activity",
    "Ads and data",
    "App Settings",
    "Profile And Settings",
    "Comment",
    "Direct Messages",
    "Direct Message",
    "Income Plus Wallet Transactions",
    "Likes and Favorites",
    "Poi Review",
    "Profile",
    "Tiktok Live",
    "Tiktok Shopping",
    "TikTok Shop",
    "Video",
];

/// Keys only TikTok's export has, looked for in the first bytes.
const OWN_KEYS: [&str; 16] = [
    "VideoList",
    "FavoriteHashtagList",
    "FavoriteSoundList",
    "ItemFavoriteList",
    "FavoriteVideoList",
    "FavoriteEffectsList",
    "FansList",
    "LoginHistoryList",
    "ActivitySummaryMap",
    "ShareHistoryList",
    "AdInterestCategories",
    "OffTikTokActivityDataList",
    "Video Browsing History",
    "Favorite Effects",
    "ProfileMap",
    "ChatHistory",
];

/// The depth a walk goes down to: sections (1), subsections (2), lists (3), and one more for an
/// export that nests a level deeper.
const MAX_DEPTH: usize = 4;

/// Messages held while the sender is unknown, per conversation (beyond, handed over without
/// saying who sent them).
const MAX_PENDING: usize = 10_000;

/// What the value under a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Dated actions of the person.
    Active,
    Logins,
    Followers,
    Following,
    Interests,
    OffPlatform,
    Chats,
    Profile,
    /// The details kept to pre-fill ad forms.
    AutoFill,
}

/// What a key's value holds, by the key's name.
fn kind(key: &str) -> Option<Kind> {
    Some(match key {
        "VideoList" | "ItemFavoriteList" | "FavoriteVideoList" | "SearchList"
        | "ShareHistoryList" | "CommentsList" | "PostList" => Kind::Active,
        "LoginHistoryList" => Kind::Logins,
        "FansList" => Kind::Followers,
        // A list; "Following" is also a subsection's name (an object), walked down as any.
        "Following" => Kind::Following,
        "AdInterestCategories" => Kind::Interests,
        "OffTikTokActivityDataList" => Kind::OffPlatform,
        "ChatHistory" => Kind::Chats,
        "ProfileMap" => Kind::Profile,
        "Auto Fill" | "Autofill" => Kind::AutoFill,
        _ => return None,
    })
}

/// A date as TikTok writes it (`2024-11-20 15:21:12`, UTC, maybe followed by ` UTC`), or epoch
/// seconds (or milliseconds, or microseconds), to epoch seconds.
pub(super) fn date(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_suffix("UTC").unwrap_or(text).trim_end();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = text.parse().ok()?;
        return Some(crate::model::time::epoch_seconds(n));
    }
    parse_iso(text)
        .or_else(|| parse_iso(&format!("{text}Z")))
        .map(|ms| ms.div_euclid(1000))
}

/// A text worth handing over: not empty, not one of TikTok's placeholders.
fn filled(text: Option<&str>) -> Option<&str> {
    let text = text?.trim();
    (!text.is_empty() && !["N/A", "None", "null"].contains(&text)).then_some(text)
}

/// A device as shown: its model, and its system's name without the version (`iOS 17.6.1` →
/// `iOS`, `MacOs Monterrey 12.6` → `MacOs Monterrey`).
pub(super) fn device(model: Option<&str>, system: Option<&str>) -> Option<String> {
    let family = filled(system).map(|s| {
        s.split_whitespace()
            .take_while(|word| !word.starts_with(|c: char| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let family = family.filter(|f| !f.is_empty());
    match (filled(model), family) {
        (Some(model), Some(family)) => Some(format!("{model} ({family})")),
        (Some(model), None) => Some(model.to_owned()),
        (None, family) => family,
    }
}

/// One element of a list, with the keys read (others are skipped unread).
#[derive(Debug, Default)]
struct Row {
    /// `Date`, `date` or `TimeStamp`.
    date: Option<String>,
    ip: Option<String>,
    model: Option<String>,
    system: Option<String>,
    source: Option<String>,
    event: Option<String>,
    from: Option<String>,
    /// The element itself when it is a string (a list of interests).
    text: Option<String>,
}

/// The keys of a [`Row`].
enum Field {
    Date,
    Ip,
    Model,
    System,
    Source,
    Event,
    From,
    Other,
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Field, E> {
        Ok(match key {
            "Date" | "date" | "TimeStamp" | "Timestamp" => Field::Date,
            "IP" => Field::Ip,
            "DeviceModel" => Field::Model,
            "DeviceSystem" => Field::System,
            "Source" => Field::Source,
            "Event" => Field::Event,
            "From" => Field::From,
            _ => Field::Other,
        })
    }
}

/// A value read as text if it is a string or an integer; anything else is skipped.
struct Loose(Option<String>);

impl<'de> serde::Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Loose, E> {
        Ok(Loose(Some(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Loose, E> {
        Ok(Loose(None))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose(None))
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose(None))
    }
}

impl<'de> serde::Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Row, D::Error> {
        deserializer.deserialize_any(RowVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = Row;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list element")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
        let mut row = Row::default();
        while let Some(field) = map.next_key::<Field>()? {
            let slot = match field {
                Field::Date => &mut row.date,
                Field::Ip => &mut row.ip,
                Field::Model => &mut row.model,
                Field::System => &mut row.system,
                Field::Source => &mut row.source,
                Field::Event => &mut row.event,
                Field::From => &mut row.from,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            let Loose(value) = map.next_value()?;
            if slot.is_none() {
                *slot = value;
            }
        }
        Ok(row)
    }

    // Anything else is an element without the keys read (a string keeps its text).
    fn visit_str<E>(self, v: &str) -> Result<Row, E> {
        Ok(Row {
            text: Some(v.to_owned()),
            ..Row::default()
        })
    }
    fn visit_i64<E>(self, _: i64) -> Result<Row, E> {
        Ok(Row::default())
    }
    fn visit_u64<E>(self, _: u64) -> Result<Row, E> {
        Ok(Row::default())
    }
    fn visit_f64<E>(self, _: f64) -> Result<Row, E> {
        Ok(Row::default())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Row, E> {
        Ok(Row::default())
    }
    fn visit_unit<E>(self) -> Result<Row, E> {
        Ok(Row::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Row, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Row::default())
    }
}

/// Direct messages, conversation by conversation, for the JSON and the text exports.
///
/// The files say who wrote each message (`From`, or the name before the text), not whether it is
/// the person. When the person's user name is known (the JSON profile's `userName`, when it came
/// before: it comes after the messages in both samples), a message is the person's if its sender
/// is that name. Otherwise a message from the conversation's other party is not the person's,
/// and the others of that conversation are held (up to [`MAX_PENDING`]) until it ends: if the
/// other party wrote too and every held message has one same sender, that sender is the person
/// (a one-to-one conversation), for this conversation and those after; if not (a group, or the
/// other party never wrote), whom they are from is left unsaid.
#[derive(Default)]
pub(super) struct Chats {
    /// The person's own user name, from the profile or found in a conversation.
    me: Option<String>,
    /// The conversation being read.
    conversation: String,
    /// Whether its other party wrote in it.
    other_wrote: bool,
    /// Its messages whose sender is not yet known to be the person or not: sender, time.
    pending: Vec<(String, Option<i64>)>,
}

impl Chats {
    /// A new conversation, named by its key or header (`Chat History with ann:`, `>>> Chat
    /// History with ann::`): the one before ends.
    pub(super) fn begin(&mut self, out: &mut dyn Sink, key: &str) {
        self.end(out);
        let name = key.trim();
        let name = name.strip_prefix(">>>").unwrap_or(name).trim_start();
        let name = name.strip_prefix("Chat History with ").unwrap_or(name);
        let name = name.trim_end_matches(':').trim();
        name.clone_into(&mut self.conversation);
        self.other_wrote = false;
    }

    /// One message of the conversation being read: who wrote it (if the file says), when.
    pub(super) fn message(&mut self, out: &mut dyn Sink, from: Option<&str>, at: Option<i64>) {
        let Some(from) = filled(from) else {
            out.message(&self.conversation, None, at);
            return;
        };
        if from == self.conversation {
            self.other_wrote = true;
            out.message(&self.conversation, Some(false), at);
        } else if let Some(me) = &self.me {
            out.message(&self.conversation, Some(from == me), at);
        } else if self.pending.len() < MAX_PENDING {
            self.pending.push((from.to_owned(), at));
        } else {
            out.message(&self.conversation, None, at);
        }
    }

    /// Hands over the held messages of the conversation that ends.
    pub(super) fn end(&mut self, out: &mut dyn Sink) {
        if self.pending.is_empty() {
            return;
        }
        if self.me.is_none() && self.other_wrote {
            let mut senders = self.pending.iter().map(|(from, _)| from);
            if let Some(first) = senders.next() {
                if senders.all(|from| from == first) {
                    self.me = Some(first.clone());
                }
            }
        }
        for (from, at) in std::mem::take(&mut self.pending) {
            let sent = self.me.as_ref().map(|me| *me == from);
            out.message(&self.conversation, sent, at);
        }
    }
}

/// What the walk knows and hands over.
struct State<'a> {
    out: &'a mut dyn Sink,
    /// Whether a TikTok section or list was met.
    known: bool,
    chats: Chats,
}

impl State<'_> {
    fn row(&mut self, kind: Kind, row: &Row) {
        let at = row.date.as_deref().and_then(date);
        match kind {
            Kind::Active => {
                if let Some(at) = at {
                    self.out.active(at);
                }
            }
            Kind::Logins => {
                let device = device(row.model.as_deref(), row.system.as_deref());
                self.out.login(&Login {
                    at,
                    ip: filled(row.ip.as_deref()),
                    device: device.as_deref(),
                });
            }
            Kind::Followers => self.out.contact(Relation::Follower, at),
            Kind::Following => self.out.contact(Relation::Following, at),
            Kind::Interests => {
                if let Some(text) = &row.text {
                    self.interests(text);
                }
            }
            Kind::OffPlatform => {
                if let Some(app) = filled(row.source.as_deref()) {
                    let event = filled(row.event.as_deref()).unwrap_or_default();
                    self.out.off_platform(app, event, at);
                }
            }
            Kind::Chats | Kind::Profile | Kind::AutoFill => {}
        }
    }

    /// `A|B|C`: each part an interest.
    fn interests(&mut self, text: &str) {
        for part in text.split('|') {
            if let Some(name) = filled(Some(part)) {
                self.out.interest(name);
            }
        }
    }

    fn begin_conversation(&mut self, key: &str) {
        self.chats.begin(self.out, key);
    }

    fn message(&mut self, row: &Row) {
        let at = row.date.as_deref().and_then(date);
        self.chats.message(self.out, row.from.as_deref(), at);
    }

    fn end_conversation(&mut self) {
        self.chats.end(self.out);
    }
}

/// The whole file.
struct Document<'s, 'a> {
    state: &'s mut State<'a>,
}

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TikTok's export")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if SECTIONS.contains(&key.as_str()) {
                self.state.known = true;
            }
            map.next_value_seed(Node {
                state: &mut *self.state,
                kind: kind(&key),
                depth: 1,
            })?;
        }
        Ok(())
    }
}

/// The value under a key: a list read for its kind, an object walked down, or skipped.
struct Node<'s, 'a> {
    state: &'s mut State<'a>,
    kind: Option<Kind>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a section, a list or a value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if let Some(kind) = self
            .kind
            .filter(|k| !matches!(k, Kind::Chats | Kind::Profile | Kind::AutoFill))
        {
            self.state.known = true;
            while let Some(row) = seq.next_element::<Row>()? {
                self.state.row(kind, &row);
            }
            return Ok(());
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Node { state, kind, depth } = self;
        match kind {
            Some(Kind::Chats) => {
                state.known = true;
                while let Some(key) = map.next_key::<String>()? {
                    state.begin_conversation(&key);
                    map.next_value_seed(Messages { state: &mut *state })?;
                    state.end_conversation();
                }
            }
            Some(kind @ (Kind::Profile | Kind::AutoFill)) => {
                state.known = true;
                let mut seen: Vec<Detail> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(detail) = Detail::from_label(&key) else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    let Loose(value) = map.next_value()?;
                    let Some(value) = filled(value.as_deref()) else {
                        continue;
                    };
                    if kind == Kind::Profile && key == "userName" {
                        state.chats.me = Some(value.to_owned());
                    }
                    if seen.contains(&detail) {
                        continue;
                    }
                    seen.push(detail);
                    if kind == Kind::Profile {
                        state.out.holds(detail);
                    } else {
                        state.out.gave_advertiser(detail);
                    }
                }
            }
            _ if depth < MAX_DEPTH => {
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value_seed(Node {
                        state: &mut *state,
                        kind: self::kind(&key),
                        depth: depth + 1,
                    })?;
                }
            }
            _ => while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {},
        }
        Ok(())
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        if self.kind == Some(Kind::Interests) {
            self.state.known = true;
            self.state.interests(v);
        }
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The messages of one conversation.
struct Messages<'s, 'a> {
    state: &'s mut State<'a>,
}

impl<'de> DeserializeSeed<'de> for Messages<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Messages<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of messages")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(row) = seq.next_element::<Row>()? {
            self.state.message(&row);
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

impl Source for TikTok {
    fn id(&self) -> &'static str {
        "tiktok.user_data"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "TikTok, données du compte (user_data.json)",
            Lang::En => "TikTok account data (user_data.json)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TIKTOK
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::TikTok)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        if !opens_object(head) {
            return None;
        }
        let name = file_name(path);
        let named = name == "user_data.json" || name == "user_data_tiktok.json";
        let section = SECTIONS.iter().any(|s| has_key(head, s));
        let own = OWN_KEYS.iter().filter(|k| has_key(head, k)).count();
        let confidence = if named && section && own >= 1 {
            90
        } else if section && own >= 3 {
            80
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut state = State {
            out,
            known: false,
            chats: Chats::default(),
        };
        let result = visit_object(reader, Document { state: &mut state });
        // A file cut inside a conversation: its held messages are handed over all the same.
        state.end_conversation();
        match result {
            Err(e) => Some(e.kind()),
            Ok(()) if state.known => None,
            Ok(()) => Some(ErrorKind::WrongType),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    #[test]
    fn dates_devices_and_placeholders() {
        // date -ud '2024-11-20 15:21:12' +%s → 1732116072
        assert_eq!(date("2024-11-20 15:21:12"), Some(1_732_116_072));
        assert_eq!(date("2024-11-20 15:21:12 UTC"), Some(1_732_116_072));
        assert_eq!(date("1732116072"), Some(1_732_116_072));
        assert_eq!(date("1732116072000"), Some(1_732_116_072));
        assert_eq!(date("N/A"), None);
        assert_eq!(date(""), None);
        assert_eq!(
            device(Some("iPhone14,4"), Some("iOS 17.6.1")).as_deref(),
            Some("iPhone14,4 (iOS)")
        );
        assert_eq!(
            device(Some("Macbook Pro"), Some("MacOs Monterrey 12.6")).as_deref(),
            Some("Macbook Pro (MacOs Monterrey)")
        );
        assert_eq!(
            device(Some("SM-G991B"), Some("")).as_deref(),
            Some("SM-G991B")
        );
        assert_eq!(device(None, Some("Android 15")).as_deref(), Some("Android"));
        assert_eq!(device(Some("N/A"), None), None);
    }

    #[test]
    fn every_list_is_read_by_its_key_whatever_the_section_s_name() {
        let doc = br#"{
          "Your Activity": {
            "Watch History": {"App": 1, "VideoList": [
              {"Date": "2024-01-01 10:00:00", "Link": "https://www.tiktokv.com/share/video/1/"},
              {"Date": "2024-01-01 10:01:00 UTC", "Link": "x"}, "odd", 3, null]},
            "Searches": {"SearchList": [{"Date": "2024-01-02 09:00:00", "SearchTerm": "secret"}]},
            "Login History": {"LoginHistoryList": [{"Date": "2024-01-03 08:00:00", "IP": "1.2.3.4",
              "DeviceModel": "iPhone12,1", "DeviceSystem": "iOS 14.4", "NetworkType": "Wi-Fi",
              "Carrier": ""}, {"Date": "N/A", "IP": "N/A", "DeviceModel": "", "DeviceSystem": ""}]},
            "Follower": {"FansList": [{"Date": "2023-05-01 00:00:00", "UserName": "a"}]},
            "Following": {"IsFastLane": false, "Following": [{"Date": "2023-06-01 00:00:00", "UserName": "b"}]},
            "Favorite Sounds": {"FavoriteSoundList": null},
            "Some Future Section": {"Deeper": {"VideoList": [{"Date": "2020-01-01 00:00:00"}]}, "Too deep": {"a": {"VideoList": [{"Date": "2021-01-01 00:00:00"}]}}}
          },
          "Likes and Favorites": {"Like List": {"ItemFavoriteList": [{"date": "2024-01-04 07:00:00", "link": "x"}]}},
          "Ads and data": {
            "Ad Interests": {"AdInterestCategories": "Beauty|Gaming| |Food & Drink"},
            "Off TikTok Activity": {"OffTikTokActivityDataList": [
              {"TimeStamp": "2024-02-01 12:00:00", "Source": "Shop.example", "Event": "Purchase"},
              {"TimeStamp": 1706789000, "Source": "Game", "Event": "Launch app"},
              {"Event": "No source"}]}
          },
          "Comment": {"Comments": {"CommentsList": [{"date": "2024-01-05 06:00:00", "comment": "hidden"}]}},
          "Video": {"Videos": {"VideoList": [{"Date": "2024-01-06 05:00:00", "Likes": "3"}]}},
          "Profile": {"Profile Information": {"ProfileMap": {"userName": "me", "emailAddress": "x"}}}
        }"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, None);
        // date -ud '2024-01-01 10:00:00' +%s → 1704103200
        let day =
            |d: i64, h: i64, m: i64| 1_704_103_200 + (d - 1) * 86_400 + (h - 10) * 3600 + m * 60;
        assert_eq!(
            out.active,
            [
                day(1, 10, 0),
                day(1, 10, 1),
                day(2, 9, 0),
                1_577_836_800,
                day(4, 7, 0),
                day(5, 6, 0),
                day(6, 5, 0)
            ]
        );
        assert_eq!(
            out.logins,
            [
                (
                    Some(day(3, 8, 0)),
                    Some("1.2.3.4".to_owned()),
                    Some("iPhone12,1 (iOS)".to_owned())
                ),
                (None, None, None)
            ]
        );
        // date -ud '2023-05-01' +%s → 1682899200; '2023-06-01' → 1685577600
        assert_eq!(
            out.contacts,
            [
                (Relation::Follower, Some(1_682_899_200)),
                (Relation::Following, Some(1_685_577_600))
            ]
        );
        assert_eq!(out.interests, ["Beauty", "Gaming", "Food & Drink"]);
        // date -ud '2024-02-01 12:00:00' +%s → 1706788800
        assert_eq!(
            out.off_platform,
            [
                (
                    "Shop.example".to_owned(),
                    "Purchase".to_owned(),
                    Some(1_706_788_800)
                ),
                (
                    "Game".to_owned(),
                    "Launch app".to_owned(),
                    Some(1_706_789_000)
                )
            ]
        );
        // Nothing the person wrote or looked for is kept.
        let all = format!("{out:?}");
        assert!(!all.contains("secret") && !all.contains("hidden") && !all.contains("tiktokv"));
    }

    #[test]
    fn interests_may_come_as_a_list() {
        let doc = br#"{"Ads and data": {"Ad Interests": {"AdInterestCategories": ["Beauty", "Gaming|Food", {"x": 1}, null]}}}"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, None);
        assert_eq!(out.interests, ["Beauty", "Gaming", "Food"]);
    }

    #[test]
    fn messages_say_who_sent_them_from_the_profile_or_the_conversation() {
        // The profile first: its userName tells.
        let doc = br#"{"Profile": {"Profile Info": {"ProfileMap": {"userName": "me"}}},
          "Direct Message": {"Direct Messages": {"ChatHistory": {
            "Chat History with ann:": [
              {"Date": "2024-01-01 10:00:00", "From": "me", "Content": "hi"},
              {"Date": "2024-01-01 10:01:00", "From": "ann", "Content": "yo"}]}}}}"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.messages,
            [
                ("ann".to_owned(), Some(true), Some(1_704_103_200)),
                ("ann".to_owned(), Some(false), Some(1_704_103_260))
            ]
        );
        // The profile after: a one-to-one conversation tells who the person is; a group, or a
        // conversation where the other never wrote, does not.
        let doc = br#"{"Direct Messages": {"Chat History": {"ChatHistory": {
            "Chat History with solo:": [{"Date": "2024-01-01 10:00:00", "From": "me", "comment": "?"}],
            "Chat History with bob:": [
              {"Date": "2024-01-01 10:00:00", "From": "me", "comment": "a"},
              {"Date": "2024-01-01 10:01:00", "From": "bob", "comment": "b"},
              {"Date": "2024-01-01 10:02:00", "From": "me", "comment": "c"}],
            "Chat History with ann:": [
              {"Date": "2024-01-01 10:03:00", "From": "me"},
              {"Date": "2024-01-01 10:04:00", "From": "zoe"},
              {"Date": "2024-01-01 10:05:00"}]}}},
          "Profile": {"Profile Information": {"ProfileMap": {"userName": "me"}}}}"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, None);
        let sent: Vec<(&str, Option<bool>)> = out
            .messages
            .iter()
            .map(|(c, s, _)| (c.as_str(), *s))
            .collect();
        assert_eq!(
            sent,
            [
                ("solo", None),
                ("bob", Some(false)),
                ("bob", Some(true)),
                ("bob", Some(true)),
                ("ann", Some(true)),
                ("ann", Some(false)),
                ("ann", None)
            ]
        );
        assert!(!format!("{out:?}").contains("comment"));
    }

    #[test]
    fn the_profile_s_details_and_the_ad_forms_are_named_by_kind_only() {
        let doc = r#"{"Profile": {
          "Auto Fill": {"PhoneNumber": "+33 6 12 34 56 78", "Email": "N/A", "FirstName": "Léa",
            "LastName": "Martin", "Address": "3 rue des Lilas", "ZipCode": "69003", "Unit": "B",
            "City": "Lyon", "State": "", "Country": "France"},
          "Profile Information": {"App": 1, "ProfileMap": {
            "PlatformInfo": [{"Name": "Léa M", "Platform": "Facebook"}],
            "bioDescription": "Lyon", "birthDate": "01-Oct-1995",
            "emailAddress": "lea@example.fr", "likesReceived": "59", "profilePhoto": "https://p16/x",
            "telephoneNumber": "None", "userName": "lea.m"}}}}"#;
        let (out, error) = collect(&TikTok, doc.as_bytes());
        assert_eq!(error, None);
        assert_eq!(
            out.holds,
            [Detail::BirthDate, Detail::Email, Detail::Username]
        );
        // First and last names are one kind, the address's parts another; Email is N/A.
        assert_eq!(
            out.gave_advertiser,
            [Detail::Phone, Detail::Name, Detail::Address]
        );
        let all = format!("{out:?}");
        assert!(!all.contains("Lyon") && !all.contains("lea") && !all.contains("+33"));
        // Placeholders everywhere (the 2024 sample's Auto Fill): nothing.
        let doc = br#"{"Profile": {"Autofill": {"PhoneNumber": "N/A", "City": "N/A"},
          "Profile Info": {"ProfileMap": {"userName": "", "emailAddress": null, "birthDate": 3}}}}"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, None);
        // A number is read as text: a birth date written as one is still filled in.
        assert_eq!(out.holds, [Detail::BirthDate]);
        assert!(out.gave_advertiser.is_empty());
    }

    #[test]
    fn a_cut_file_keeps_what_came_before_and_other_files_are_refused() {
        let doc = br#"{"Activity": {"Like List": {"ItemFavoriteList": [{"date": "2024-01-04 07:00:00"}]}},
          "Direct Messages": {"Chat History": {"ChatHistory": {"Chat History with bob:": [
            {"Date": "2024-01-01 10:00:00", "From": "bob"}, {"Date": "2024-01-01 10:01:00", "From": "me"}, {"Da"#;
        let (out, error) = collect(&TikTok, doc);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!((out.active.len(), out.messages.len()), (1, 2));
        assert_eq!(out.messages[1].1, Some(true));
        for garbage in [
            &b"{\"locations\": [{\"latitudeE7\": 1}]}"[..],
            b"[]",
            b"",
            b"{\"Activity\": [[[[[[",
        ] {
            assert!(collect(&TikTok, garbage).1.is_some());
        }
        assert_eq!(
            collect(&TikTok, b"{\"x\": {\"VideoList\": 1}}").1,
            Some(ErrorKind::WrongType)
        );
    }

    #[test]
    fn detection_needs_tiktok_s_keys() {
        let head = br#"{"Activity": {"Favorite Effects": {"FavoriteEffectsList": null}"#;
        assert_eq!(
            TikTok
                .detect("TikTok/user_data_tiktok.json", head)
                .map(|c| c.confidence),
            Some(90)
        );
        assert_eq!(TikTok.detect("x/other.json", head), None);
        let rich = br#"{"Activity": {"Follower List": {"FansList": []}, "Like List": {"ItemFavoriteList": []}, "Login History": {"LoginHistoryList": []}"#;
        assert_eq!(
            TikTok.detect("renamed.json", rich).map(|c| c.confidence),
            Some(80)
        );
        assert_eq!(TikTok.detect("user_data.json", br#"{"Activity": 1}"#), None);
        assert_eq!(
            TikTok.detect("user_data.json", br#"["Activity", "VideoList"]"#),
            None
        );
    }

    #[test]
    fn the_samples_are_read_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/tiktok");
        let Ok(bytes) = std::fs::read(dir.join("user_data_hestia_2022.json")) else {
            eprintln!("no samples: skipped");
            return;
        };
        let (out, error) = collect(&TikTok, &bytes);
        assert_eq!(error, None);
        // Counted with python3's json module: 5549 videos watched + 589 likes + 389 searches + 1
        // share + 389 comments = 6917; 2289 logins; 778 messages, 374 sent by john.lennon.
        assert_eq!(out.active.len(), 6917);
        assert_eq!(out.logins.len(), 2289);
        assert_eq!(out.messages.len(), 778);
        let sent = out.messages.iter().filter(|m| m.1 == Some(true)).count();
        assert_eq!(sent, 374);
        // ProfileMap: birthDate, emailAddress and userName filled in; telephoneNumber "None".
        assert_eq!(
            out.holds,
            [Detail::BirthDate, Detail::Email, Detail::Username]
        );
        assert!(out.gave_advertiser.is_empty());
    }
}
