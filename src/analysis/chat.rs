//! Sums up what chat exports hand over ([`ChatSink`]) into a [`ChatSummary`]: how many messages,
//! on which days and months, at which hours, who writes and how much, what kinds (media, calls,
//! shared locations, deleted messages), and how fast people reply (issue 9).
//!
//! Times are the phone's, without a zone: sources take them as Paris time and hand them over in
//! UTC, so that the days, months and rhythm here are the times the file shows. Memory follows the
//! number of people (at most [`MAX_NAMES`]) and days, with at most [`MAX_KEPT`] lengths and
//! delays kept for their medians.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::social::{bounded, by_month, clean, plausible, Week, MAX_NAMES};
use super::Finding;
use crate::i18n::chat as text;
use crate::i18n::Messages;
use crate::model::chat::{
    ChatMessage, ChatSink, ChatSummary, DateOrder, MessageKind, Participant, YouFrom,
};
use crate::model::location::{Fix, LocationSink};
use crate::model::media::MediaSink;
use crate::model::social::SocialSink;
use crate::model::time::{civil_from_days, format_date};

/// Lengths and reply delays kept for their medians; past this, the first ones make the median.
const MAX_KEPT: usize = 100_000;
/// A reply is counted between messages of the same day only, and within six hours.
const MAX_REPLY: i64 = 6 * 3600;

/// The collector a chat source reads into.
#[derive(Default)]
pub struct Chat {
    s: ChatSummary,
    /// First and last message, local seconds.
    span: Option<(i64, i64)>,
    days: BTreeSet<i64>,
    months: BTreeMap<i64, u64>,
    week: Week,
    authors: HashMap<String, u64>,
    chars: Vec<u32>,
    delays: Vec<u32>,
    /// The previous message: local seconds and author.
    previous: Option<(i64, String)>,
}

/// An instant (UTC seconds) in Paris time, seconds since 1970 on that clock.
fn paris(at: i64) -> i64 {
    at + crate::model::tz::paris_offset(at)
}

/// The median of `values`, none without any.
fn median(values: &mut [u32]) -> Option<u32> {
    let middle = values.len() / 2;
    (!values.is_empty()).then(|| *values.select_nth_unstable(middle).1)
}

impl Chat {
    pub fn finish(mut self) -> ChatSummary {
        let mut s = self.s;
        if let Some((first, last)) = self.span {
            s.first = Some(format_date(first * 1000));
            s.last = Some(format_date(last * 1000));
        }
        s.days = self.days.len() as u64;
        s.days_seen = crate::model::time::DayRuns::from_sorted(self.days.iter().copied());
        s.months = by_month(self.months);
        s.rhythm = self.week.rhythm();
        s.participant_count = self.authors.len() as u64;
        let mut list: Vec<(String, u64)> = self.authors.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let total = s.messages.max(1);
        s.participants = list
            .into_iter()
            .map(|(name, messages)| Participant {
                name,
                messages,
                percent: u8::try_from((messages * 100 + total / 2) / total).unwrap_or(100),
            })
            .collect();
        s.group |= s.participant_count > 2;
        s.text_chars = median(&mut self.chars);
        s.replies = self.delays.len() as u64;
        s.reply_s = median(&mut self.delays).map(u64::from);
        s
    }
}

impl ChatSink for Chat {
    fn chat_message(&mut self, m: &ChatMessage<'_>) {
        if !plausible(m.at) {
            return;
        }
        let s = &mut self.s;
        if m.kind == MessageKind::System {
            s.system += 1;
            return;
        }
        s.messages += 1;
        let counter = match m.kind {
            MessageKind::Text => &mut s.texts,
            MessageKind::Attached => &mut s.attached,
            MessageKind::Omitted => &mut s.omitted,
            MessageKind::Deleted => &mut s.deleted,
            MessageKind::Call => &mut s.calls,
            MessageKind::Location => &mut s.locations,
            MessageKind::Poll | MessageKind::System => &mut s.polls,
        };
        *counter += 1;
        if m.kind == MessageKind::Text && self.chars.len() < MAX_KEPT {
            self.chars.push(m.chars);
        }
        let local = paris(m.at);
        self.span = Some(
            self.span
                .map_or((local, local), |(a, b)| (a.min(local), b.max(local))),
        );
        let day = local.div_euclid(86_400);
        self.days.insert(day);
        let (year, month, _) = civil_from_days(day);
        *self.months.entry(year * 12 + month - 1).or_default() += 1;
        self.week.add(m.at);
        let Some(author) = m.author.and_then(clean) else {
            self.previous = None;
            return;
        };
        let author = bounded(&author);
        if let Some(n) = self.authors.get_mut(author) {
            *n += 1;
        } else if self.authors.len() < MAX_NAMES {
            self.authors.insert(author.to_owned(), 1);
        }
        if let Some((before, who)) = &self.previous {
            let delay = local - before;
            if who != author
                && before.div_euclid(86_400) == day
                && (0..=MAX_REPLY).contains(&delay)
                && self.delays.len() < MAX_KEPT
            {
                self.delays.push(u32::try_from(delay).unwrap_or(0));
            }
        }
        match &mut self.previous {
            Some((before, who)) => {
                *before = local;
                who.clear();
                who.push_str(author);
            }
            None => self.previous = Some((local, author.to_owned())),
        }
    }

    fn chat_group(&mut self, created_by_you: bool) {
        self.s.group = true;
        self.s.created_by_you |= created_by_you;
    }

    fn chat_dates(&mut self, order: DateOrder, guessed: bool, from: Option<u64>) {
        self.s.date_order = Some(order);
        self.s.order_guessed = guessed;
        self.s.order_from = from;
    }
}

/// A chat holds no position.
impl LocationSink for Chat {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

/// Nor social data or plays.
impl SocialSink for Chat {}
impl MediaSink for Chat {}
impl crate::model::energy::EnergySink for Chat {}
impl crate::model::money::MoneySink for Chat {}
impl crate::model::activity::ActivitySink for Chat {}
impl crate::model::health::HealthSink for Chat {}

/// The other person a chat export's path names, if any: Android's `WhatsApp Chat with <Name>.txt`
/// (and its translations), iOS's `WhatsApp Chat - <Name>.zip` or folder.
fn named_other(path: &str) -> Option<&str> {
    const PREFIXES: [&str; 5] = [
        "whatsapp chat with ",
        "whatsapp chat - ",
        "whatsapp chat mit ",
        "discussion whatsapp avec ",
        "chat de whatsapp con ",
    ];
    path.split(['/', '\\']).rev().find_map(|part| {
        let stem = part
            .strip_suffix(".txt")
            .or_else(|| part.strip_suffix(".zip"))
            .unwrap_or(part);
        PREFIXES.iter().find_map(|p| {
            let head = stem.get(..p.len())?;
            head.eq_ignore_ascii_case(p)
                .then(|| stem.get(p.len()..))
                .flatten()
        })
    })
}

/// Tells who the person is from the file's path: in a one-to-one chat whose path names the other
/// person, the other author.
pub fn name_you(s: &mut ChatSummary, path: &str) {
    let Some(other) = named_other(path).and_then(clean) else {
        return;
    };
    if s.group || s.participants.len() != 2 || !s.participants.iter().any(|p| p.name == other) {
        return;
    }
    if let Some(you) = s.participants.iter().find(|p| p.name != other) {
        s.you = Some(you.name.clone());
        s.you_from = Some(YouFrom::FileName);
    }
}

/// What a chat reveals, in words (never a name).
pub fn findings(s: &ChatSummary) -> Vec<Finding> {
    let mut out = Vec::new();
    if s.messages == 0 {
        return out;
    }
    // The first of the busiest months.
    let busiest = s.months.iter().rev().max_by_key(|(_, n)| *n).cloned();
    out.push(Finding::new(
        "chat_volume",
        Messages::from_fn(|lang| text::volume(lang, s, busiest.as_ref())),
    ));
    if let Some(rhythm) = &s.rhythm {
        let busiest = super::social::busiest_hour(&rhythm.counts);
        let quiet = rhythm.quiet_share();
        out.push(Finding::new(
            "chat_rhythm",
            Messages::from_fn(|lang| text::rhythm(lang, rhythm.total, quiet, busiest)),
        ));
    }
    if s.participant_count > 0 {
        let top = s.participants.first().map_or(0, |p| p.percent);
        let yours = s
            .you
            .as_ref()
            .and_then(|you| s.participants.iter().find(|p| p.name == *you))
            .map(|p| p.percent);
        out.push(Finding::new(
            "chat_participants",
            Messages::from_fn(|lang| text::participants(lang, s, top, yours)),
        ));
    }
    if s.attached + s.omitted + s.deleted + s.calls + s.locations + s.polls > 0 {
        out.push(Finding::new(
            "chat_media",
            Messages::from_fn(|lang| text::media(lang, s)),
        ));
    }
    if let Some(delay) = s.reply_s.filter(|_| s.replies >= 5) {
        out.push(Finding::new(
            "chat_replies",
            Messages::from_fn(|lang| text::replies(lang, delay, s.replies)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn message(chat: &mut Chat, at: i64, author: Option<&str>, kind: MessageKind) {
        chat.chat_message(&ChatMessage {
            at,
            author,
            kind,
            chars: 10,
        });
    }

    #[test]
    fn messages_are_counted_by_day_kind_and_author_with_reply_delays() {
        let mut chat = Chat::default();
        // 2024-01-15 12:00 UTC = 13:00 in Paris.
        let t = 1_705_320_000;
        message(&mut chat, t, None, MessageKind::System);
        message(&mut chat, t, Some("Léa"), MessageKind::Text);
        message(&mut chat, t + 60, Some("Tom"), MessageKind::Text);
        message(&mut chat, t + 180, Some("Léa"), MessageKind::Omitted);
        message(&mut chat, t + 200, Some("Léa"), MessageKind::Location);
        message(&mut chat, t + 86_400, Some("Tom"), MessageKind::Deleted);
        message(&mut chat, 10, Some("Nobody"), MessageKind::Text);
        chat.chat_dates(DateOrder::DayMonth, true, None);
        let mut s = chat.finish();
        assert_eq!((s.messages, s.system, s.days), (5, 1, 2));
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref()),
            (Some("2024-01-15"), Some("2024-01-16"))
        );
        assert_eq!(s.months, [("2024-01".to_owned(), 5)]);
        assert_eq!((s.texts, s.omitted, s.locations, s.deleted), (2, 1, 1, 1));
        assert_eq!(s.participant_count, 2);
        assert_eq!(
            (s.participants[0].name.as_str(), s.participants[0].percent),
            ("Léa", 60)
        );
        // Léa → Tom after 60 s, Tom → Léa after 120 s; Léa → Léa is no reply, nor is Tom the
        // next day.
        assert_eq!((s.replies, s.reply_s), (2, Some(120)));
        assert!(!s.group && s.you.is_none());
        name_you(&mut s, "Chats/WhatsApp Chat with Tom.txt");
        assert_eq!(s.you.as_deref(), Some("Léa"));
        let found = findings(&s);
        let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chat_volume",
                "chat_rhythm",
                "chat_participants",
                "chat_media"
            ]
        );
        let text = |id: &str, lang| crate::analysis::said(&found, id, lang);
        assert!(!text("chat_participants", Lang::En).contains("Léa"));
        assert!(!text("chat_participants", Lang::Fr).contains("Tom"));
        assert_eq!(
            text("chat_participants", Lang::En),
            "Two people write in this chat. You send 60% of its messages (the file's name says which of them you are)."
        );
    }

    #[test]
    fn the_other_person_is_named_by_the_path() {
        assert_eq!(named_other("a/WhatsApp Chat with Ann B.txt"), Some("Ann B"));
        assert_eq!(
            named_other("WhatsApp Chat - Ann.zip/_chat.txt"),
            Some("Ann")
        );
        assert_eq!(named_other("Discussion WhatsApp avec Zoé.txt"), Some("Zoé"));
        assert_eq!(named_other("_chat.txt"), None);
    }
}
