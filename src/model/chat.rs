//! What a chat export shows of a conversation (issue 9): when messages were sent and by whom,
//! what kind they were (text, media, calls, shared locations…), never what they said.
//!
//! Sources hand messages over one by one to a [`ChatSink`]; `analysis::chat` sums them up into a
//! [`ChatSummary`], which the report carries.

use serde::{Deserialize, Serialize};

use super::social::Rhythm;

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    Text,
    /// A photo, video, audio note, sticker or document, attached to the export.
    Attached,
    /// The same, left out of the export (`<Media omitted>`, `image omitted`).
    Omitted,
    Deleted,
    /// A voice or video call, answered or missed.
    Call,
    /// A location shared (a map link).
    Location,
    Poll,
    /// A line of the app, not of a person: encryption notice, group created, member added…
    System,
}

/// One message, as a chat export writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChatMessage<'a> {
    /// When it was sent, epoch seconds (UTC).
    pub at: i64,
    /// Who sent it, as written; `None` for a system line.
    pub author: Option<&'a str>,
    pub kind: MessageKind,
    /// The length of a text, in characters (continuation lines included): never the text.
    pub chars: u32,
}

/// How the dates of a chat export are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `20/01/19`, `20.06.19`.
    DayMonth,
    /// `01/20/19`.
    MonthDay,
    /// `2019/01/20`.
    YearMonthDay,
}

/// Where what a source reads from chat exports goes.
pub trait ChatSink {
    /// One message, in the file's order.
    fn chat_message(&mut self, _message: &ChatMessage<'_>) {}
    /// A system line says the chat is a group (created, members added or gone), and whether it
    /// says the person who exported it created it (`You created group…`).
    fn chat_group(&mut self, _created_by_you: bool) {}
    /// How the dates were read: their order, whether it was guessed from which field changes
    /// more often (no field over 12), and, for a file too long to hold, from how many messages.
    fn chat_dates(&mut self, _order: DateOrder, _guessed: bool, _from: Option<u64>) {}
}

/// A person who writes in a chat, and how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// As written: shown masked unless the person asks.
    pub name: String,
    pub messages: u64,
    /// Share of the chat's messages (system lines left out), percent.
    pub percent: u8,
}

/// How the person who exported the chat was told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YouFrom {
    /// Android's `WhatsApp Chat with <Name>.txt` (or iOS's `WhatsApp Chat - <Name>.zip`) names the
    /// other person of a one-to-one chat: the other author is the person.
    FileName,
}

/// What a chat export holds, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChatSummary {
    /// Messages counted (system lines left out).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub messages: u64,
    /// System lines (encryption notice, group changes).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub system: u64,
    /// The first and last day with a message, `YYYY-MM-DD`, as the phone wrote them (local time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// Days with at least one message.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub days: u64,
    /// Those days, as runs (the portrait's timeline).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
    /// Messages by month (`YYYY-MM`, local time), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<(String, u64)>,
    /// When messages are sent, by weekday and hour (the phone's times, taken as Paris time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<Rhythm>,
    /// The people who write, most messages first (at most `MAX_NAMES`), and how many they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub participant_count: u64,
    /// Which participant is the person who exported the chat, when the file tells (masked like
    /// the others), and how it was told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub you: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub you_from: Option<YouFrom>,
    /// A group (more than two people write, or system lines speak of a group), or a one-to-one
    /// chat.
    #[serde(default, skip_serializing_if = "is_false")]
    pub group: bool,
    /// A system line says the person created the group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub created_by_you: bool,
    /// Messages by kind.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub texts: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attached: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub omitted: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub deleted: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub calls: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub locations: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub polls: u64,
    /// The median length of a text, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_chars: Option<u32>,
    /// The typical reply time: the median delay, in seconds, between two messages of different
    /// people on the same day, and how many such replies there were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_s: Option<u64>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub replies: u64,
    /// How the dates were read (see [`ChatSink::chat_dates`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub order_guessed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_from: Option<u64>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_false(b: &bool) -> bool {
    !*b
}
