//! WhatsApp's chat export (`Export chat` in a chat's menu; formats.md section 15): one chat a
//! file, one message a line, UTF-8, with the phone's local time and no zone.
//!
//! - iOS: `_chat.txt` (in `WhatsApp Chat - <Name>.zip`), `[20.06.19, 15:58:47] Loris: text`,
//!   `[3/4/25, 2:05:09 PM]` (U+202F before AM/PM), `[01/30/19 20:49]`, often CR LF.
//! - Android: `WhatsApp Chat with <Name>.txt`, `30/01/19, 20:49 - Name: text`,
//!   `3/4/25, 2:05 PM - …`, `01/30/2019, 08:49 p. m. - …` (Spanish), `2019/01/01, 11:25 - …`,
//!   `4.3.2025 klo 14.05 - …` (Finnish).
//!
//! A line that starts with a date and a time (after U+200E/U+200F/U+FEFF marks) opens a message;
//! any other line continues the one before. The author is what comes before the first `: `; a
//! line without one is WhatsApp's own (encryption notice, group created, member added), and so is
//! a text that iOS marks with U+200E and that says so (`‎Alice left`). Attachments
//! (`<attached: …>`, `… (file attached)`), media left out (`<Media omitted>`, `‎image omitted`),
//! deleted messages, iOS call lines, shared locations (`location: https://maps.google.com/…`)
//! and polls (`POLL:`) are recognised in English, French, Spanish and German; everything else is
//! a text, of which only the length is handed over, never the words.
//!
//! Day and month order depends on the phone's language: it is inferred from the whole file (a
//! first field over 12 means day first, a second one month first; otherwise the field that
//! changes more often from one message to the next is the day). So messages are held (a few
//! numbers each) until the end, at most [`MAX_HELD`] of them (WhatsApp exports at most 40,000):
//! past that, the order is decided from those and the rest handed over as read. Two-digit years
//! are 20xx. Times are taken as Paris time.
//!
//! A text file cut off cannot always be told from a whole one. iOS ends every line with CR LF,
//! the last too: a CR LF file whose last line has no line break was cut. Otherwise (public
//! Android samples end without a line break), a last line without its break was cut when it
//! begins a date it does not finish, ends inside a character, is a header without an author that
//! says nothing WhatsApp says, or an author with no text (WhatsApp writes no empty message). A
//! file cut right after a line break, or inside the text of its last message, reads as whole.

use std::collections::HashMap;
use std::io::Read;

use super::meta::file_name;
use super::tiktok_txt::each_raw_line;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::chat::{ChatMessage, DateOrder, MessageKind};
use crate::model::time::{civil_from_days, days_from_civil};
use crate::model::tz::utc_offset_minutes;
use crate::model::Sink;

/// WhatsApp's chat export, as a text file.
pub struct WhatsAppChat;

/// Messages held at most until the date order is decided.
const MAX_HELD: usize = 100_000;
/// Distinct authors named at most (a group holds 1,024 people at most); later ones are handed
/// over without a name.
const MAX_AUTHORS: usize = 4096;
const NO_AUTHOR: u32 = u32::MAX;

/// White space WhatsApp writes around times: space, no-break space, narrow no-break space.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
/// Direction marks and byte-order mark written before headers and some bodies.
const MARKS: [char; 3] = ['\u{200e}', '\u{200f}', '\u{feff}'];

/// A header's date and time as written: the three date fields, whether the year comes first,
/// and the seconds since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    a: u16,
    b: u16,
    c: u16,
    year_first: bool,
    secs: u32,
}

/// A message held until the date order is known.
#[derive(Debug, Clone, Copy)]
struct Held {
    stamp: Stamp,
    author: u32,
    kind: MessageKind,
    chars: u32,
}

/// A number of 1 to `max` digits at the start of `s`, its digit count, and the rest.
fn number(s: &str, max: usize) -> Option<(u16, usize, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some((s.get(..n)?.parse().ok()?, n, s.get(n..)?))
}

/// `AM`, `pm`, `a. m.`, `p.m.` at the start of `s`: whether it is PM, and the rest.
fn meridiem(s: &str) -> Option<(bool, &str)> {
    let mut chars = s.char_indices();
    let pm = match chars.next()?.1.to_ascii_lowercase() {
        'a' => false,
        'p' => true,
        _ => return None,
    };
    let rest = s.get(1..)?.strip_prefix('.').unwrap_or(s.get(1..)?);
    let rest = rest.trim_start_matches(SPACES);
    let rest = rest.strip_prefix('m').or_else(|| rest.strip_prefix('M'))?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    // Not the start of a word.
    (!rest.starts_with(char::is_alphanumeric)).then_some((pm, rest))
}

/// A message line's header: its date and time, and what follows the separator (`Author: text`,
/// or a system line). `None` for another line.
fn header(line: &str) -> Option<(Stamp, &str)> {
    let s = line.trim_start_matches(MARKS);
    let (bracket, s) = match s.strip_prefix('[') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (a, digits_a, s) = number(s, 4)?;
    let sep = s.chars().next().filter(|c| matches!(c, '/' | '.' | '-'))?;
    let (b, _, s) = number(s.get(1..)?.trim_start_matches(' '), 2)?;
    let (c, digits_c, s) = number(s.strip_prefix(sep)?.trim_start_matches(' '), 4)?;
    let year_first = digits_a == 4;
    let shaped = if year_first {
        digits_c <= 2
    } else {
        digits_a <= 2 && (digits_c == 2 || digits_c == 4)
    };
    if !shaped || b == 0 || b > 31 {
        return None;
    }
    let s = s.strip_prefix('.').unwrap_or(s);
    let s = s.strip_prefix(',').unwrap_or(s).trim_start_matches(SPACES);
    let s = s.strip_prefix("klo ").unwrap_or(s);
    let (hour, _, s) = number(s, 2)?;
    let time_sep = s.chars().next().filter(|c| matches!(c, ':' | '.'))?;
    let (minute, 2, s) = number(s.get(1..)?, 2)? else {
        return None;
    };
    let (second, s) = match s.strip_prefix(time_sep).and_then(|r| number(r, 2)) {
        Some((second, 2, rest)) => (second, rest),
        _ => (0, s),
    };
    let after = s.trim_start_matches(SPACES);
    let (hour, s) = match meridiem(after) {
        Some((pm, rest)) if hour <= 12 => (hour % 12 + if pm { 12 } else { 0 }, rest),
        Some(_) => return None,
        None => (hour, s),
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let s = s.trim_start_matches(SPACES);
    let s = if bracket {
        s.strip_prefix(']')?
    } else {
        s.strip_prefix('-')?
    };
    let rest = s.strip_prefix([' ', '\u{a0}'])?;
    let secs = u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second);
    Some((
        Stamp {
            a,
            b,
            c,
            year_first,
            secs,
        },
        rest,
    ))
}

/// Whether a line begins like a header (`[20.06.19, 15:5`, `30/01/19, 20:4`) without being one.
fn begun(line: &str) -> bool {
    let s = line.trim_start_matches(MARKS);
    let s = s.strip_prefix('[').unwrap_or(s);
    number(s, 4).is_some_and(|(_, _, rest)| rest.is_empty() || rest.starts_with(['/', '.', '-']))
        && header(line).is_none()
}

/// Lower-case phrases of WhatsApp's own lines that may hold a quoted `: ` (a new subject or
/// description), looked for in what would be an author's name.
const QUOTING: [&str; 10] = [
    " changed the subject",
    " changed the group",
    " changed this group",
    " created group",
    " a créé le groupe",
    " a modifié",
    " creó el grupo",
    " cambió ",
    " hat die gruppe",
    " geändert",
];

/// Lower-case phrases of WhatsApp's own lines, looked for in a text iOS marks with U+200E.
const SYSTEM: [&str; 22] = [
    "end-to-end",
    "de bout en bout",
    "de extremo a extremo",
    "ende-zu-ende",
    " added",
    " a ajouté",
    " añadió",
    " hinzugefügt",
    " left",
    " est parti",
    " salió",
    " verlassen",
    " removed",
    " a retiré",
    " eliminó a",
    " entfernt",
    " joined",
    " a rejoint",
    "security code",
    "code de sécurité",
    "código de seguridad",
    "sicherheitsnummer",
];

/// Lower-case phrases of system lines that say the chat is a group.
const GROUP: [&str; 12] = [
    "group",
    "groupe",
    "grupo",
    "gruppe",
    "added",
    "ajouté",
    "añadi",
    "hinzugefügt",
    "left",
    "parti",
    "salió",
    "verlassen",
];

/// Lower-case beginnings of a system line saying the person created the group.
const CREATED: [&str; 4] = [
    "you created group",
    "vous avez créé",
    "creaste el grupo",
    "du hast die gruppe",
];

fn has_any(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| text.contains(p))
}

/// A message's author and body: the text before the first `: ` (or a `:` ending the line, or
/// `:.`), unless it is a system line holding a quoted `: `.
fn split_author(rest: &str) -> (Option<&str>, &str) {
    let at = rest.char_indices().find_map(|(i, c)| {
        let next = rest.get(i + 1..)?;
        (c == ':' && (next.is_empty() || next.starts_with([' ', '.']))).then_some(i)
    });
    let Some(at) = at else { return (None, rest) };
    let (author, body) = (
        rest.get(..at).unwrap_or(""),
        rest.get(at + 1..).unwrap_or(""),
    );
    let author = author.trim_matches(MARKS).trim();
    if author.is_empty() || has_any(&author.to_lowercase(), &QUOTING) {
        return (None, rest);
    }
    (Some(author), body.strip_prefix(' ').unwrap_or(body))
}

/// What kind of message a body is, and its length in characters.
fn kind(body: &str) -> (MessageKind, u32) {
    let marked = body.contains(MARKS);
    let b = body.trim_matches(|c: char| MARKS.contains(&c) || c.is_whitespace());
    let chars = u32::try_from(b.chars().count()).unwrap_or(u32::MAX);
    if b.len() > 400 {
        return (MessageKind::Text, chars);
    }
    let lower = b.to_lowercase();
    let starts = |list: &[&str]| list.iter().any(|p| lower.starts_with(p));
    let ends = |list: &[&str]| list.iter().any(|p| lower.ends_with(p));
    let kind = if starts(&["<attached:", "<pièce jointe", "<adjunto", "<anhang"])
        || ends(&[
            "(file attached)",
            "(fichier joint)",
            "(datei angehängt)",
            "(archivo adjunto)",
        ]) {
        MessageKind::Attached
    } else if (lower.starts_with('<')
        && lower.ends_with('>')
        && has_any(&lower, &["omi", "ausgeschlossen"]))
        || (marked
            && ends(&[
                " omitted",
                " omitido",
                " omitida",
                " absente",
                " weggelassen",
            ]))
    {
        MessageKind::Omitted
    } else if lower.len() < 80
        && has_any(
            &lower,
            &[
                "message was deleted",
                "deleted this message",
                "message a été supprimé",
                "supprimé ce message",
                "eliminó este mensaje",
                "eliminaste este mensaje",
                "nachricht wurde gelöscht",
                "diese nachricht gelöscht",
            ],
        )
    {
        MessageKind::Deleted
    } else if marked && lower.len() < 80 && has_any(&lower, &["call", "appel", "llamada", "anruf"])
    {
        MessageKind::Call
    } else if starts(&["location: ", "localisation", "ubicación: ", "standort: "])
        || has_any(
            &lower,
            &[
                "maps.google.com/?q=",
                "live location shared",
                "position en direct partagée",
            ],
        )
    {
        MessageKind::Location
    } else if starts(&[
        "poll:",
        "sondage :",
        "sondage\u{a0}:",
        "encuesta:",
        "umfrage:",
    ]) {
        MessageKind::Poll
    } else if marked && (has_any(&lower, &SYSTEM) || has_any(&lower, &QUOTING)) {
        MessageKind::System
    } else {
        MessageKind::Text
    };
    (kind, chars)
}

/// What is learnt of the date order as headers go by.
#[derive(Default)]
struct Order {
    /// Whether a first or a second field was over 12.
    over: (bool, bool),
    /// How often each field changed from one message to the next.
    changes: (u64, u64),
    last: Option<(u16, u16)>,
}

impl Order {
    fn add(&mut self, s: Stamp) {
        if s.year_first {
            return;
        }
        self.over.0 |= s.a > 12;
        self.over.1 |= s.b > 12;
        if let Some((a, b)) = self.last {
            self.changes.0 += u64::from(a != s.a);
            self.changes.1 += u64::from(b != s.b);
        }
        self.last = Some((s.a, s.b));
    }

    /// Whether the day comes first, and whether that was guessed from the changes.
    fn day_first(&self) -> (bool, bool) {
        match self.over {
            (true, false) => (true, false),
            (false, true) => (false, false),
            _ => (self.changes.0 >= self.changes.1, true),
        }
    }
}

/// The instant (UTC seconds) of a stamp read with the day first or not, taken as Paris time;
/// `None` for a date that does not exist.
fn instant(s: Stamp, day_first: bool) -> Option<i64> {
    let (y, m, d) = if s.year_first {
        (s.a, s.b, s.c)
    } else if day_first {
        (s.c, s.b, s.a)
    } else {
        (s.c, s.a, s.b)
    };
    let year = if y < 100 {
        2000 + i64::from(y)
    } else {
        i64::from(y)
    };
    let (m, d) = (i64::from(m), i64::from(d));
    let days = days_from_civil(year, m, d);
    if civil_from_days(days) != (year, m, d) {
        return None;
    }
    let local = days * 86_400 + i64::from(s.secs);
    let offset = utc_offset_minutes("Europe/Paris", (local - 3600).saturating_mul(1000))
        .map_or(0, |m| i64::from(m) * 60);
    Some(local - offset)
}

/// The reading of one file: messages held until the order is known, authors by index.
struct Reading<'o> {
    out: &'o mut dyn Sink,
    held: Vec<Held>,
    authors: Vec<String>,
    index: HashMap<String, u32>,
    order: Order,
    /// Once decided: whether the day comes first.
    decided: Option<bool>,
    messages: u64,
}

impl Reading<'_> {
    fn author(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        if self.authors.len() >= MAX_AUTHORS {
            return NO_AUTHOR;
        }
        let i = u32::try_from(self.authors.len()).unwrap_or(NO_AUTHOR);
        self.authors.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        i
    }

    fn hand_over(&mut self, h: Held, day_first: bool) {
        let Some(at) = instant(h.stamp, day_first) else {
            return;
        };
        let author = usize::try_from(h.author)
            .ok()
            .and_then(|i| self.authors.get(i))
            .map(String::as_str);
        self.out.chat_message(&ChatMessage {
            at,
            author: author.filter(|_| h.kind != MessageKind::System),
            kind: h.kind,
            chars: h.chars,
        });
    }

    /// Decides the date order from what was seen, and hands over what was held.
    fn decide(&mut self) -> bool {
        if let Some(day_first) = self.decided {
            return day_first;
        }
        let (day_first, guessed) = self.order.day_first();
        let all_year_first = self.order.last.is_none();
        let order = match (all_year_first, day_first) {
            (true, _) => DateOrder::YearMonthDay,
            (false, true) => DateOrder::DayMonth,
            (false, false) => DateOrder::MonthDay,
        };
        let from = (self.held.len() >= MAX_HELD).then_some(self.messages);
        self.out.chat_dates(order, guessed && !all_year_first, from);
        self.decided = Some(day_first);
        for h in std::mem::take(&mut self.held) {
            self.hand_over(h, day_first);
        }
        day_first
    }

    fn push(&mut self, h: Held) {
        if let Some(day_first) = self.decided {
            self.hand_over(h, day_first);
        } else {
            self.held.push(h);
            if self.held.len() >= MAX_HELD {
                self.decide();
            }
        }
    }
}

impl Source for WhatsAppChat {
    fn id(&self) -> &'static str {
        "whatsapp.chat"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "WhatsApp, discussion exportée",
            Lang::En => "WhatsApp exported chat",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::WHATSAPP
    }

    fn chat(&self) -> bool {
        true
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = file_name(path);
        let named = name.rsplit('.').next() == Some("txt")
            && (name.starts_with("_chat") || name.contains("whatsapp"));
        if !named {
            return None;
        }
        let head = crate::ingest::text::without_bom(head);
        let text = String::from_utf8_lossy(head);
        let first = text.lines().find(|l| !l.trim().is_empty())?;
        header(first).map(|_| Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut reading = Reading {
            out,
            held: Vec::new(),
            authors: Vec::new(),
            index: HashMap::new(),
            order: Order::default(),
            decided: None,
            messages: 0,
        };
        let mut current: Option<Held> = None;
        let (mut crlf, mut cut) = (false, false);
        let error = each_raw_line(reader, &mut |line, ended, windows| {
            crlf |= windows;
            let last = !ended;
            // A whole file is whole UTF-8: a last line ending in a broken character was cut.
            cut |= last && line.ends_with('\u{fffd}');
            let Some((stamp, rest)) = header(line) else {
                cut |= last && (crlf || begun(line));
                if let Some(h) = current.as_mut().filter(|h| h.kind != MessageKind::System) {
                    let more = u32::try_from(line.chars().count()).unwrap_or(u32::MAX);
                    h.chars = h.chars.saturating_add(more).saturating_add(1);
                }
                return;
            };
            if let Some(h) = current.take() {
                reading.push(h);
            }
            reading.order.add(stamp);
            reading.messages += 1;
            let (author, body) = split_author(rest);
            let (kind, chars, author) = match author {
                Some(author) => {
                    let (kind, chars) = kind(body);
                    (kind, chars, (kind != MessageKind::System).then_some(author))
                }
                None => (MessageKind::System, 0, None),
            };
            let chars = if kind == MessageKind::System {
                0
            } else {
                chars
            };
            if kind == MessageKind::System {
                let lower = body.trim_start_matches(MARKS).to_lowercase();
                if has_any(&lower, &GROUP) {
                    reading
                        .out
                        .chat_group(CREATED.iter().any(|p| lower.starts_with(p)));
                }
                let known = has_any(&lower, &SYSTEM) || has_any(&lower, &GROUP);
                cut |= last && (crlf || (author.is_none() && !known));
            } else {
                // WhatsApp writes no empty message: `Name:` alone was cut.
                cut |= last && (crlf || body.trim_matches(MARKS).trim().is_empty());
            }
            let author = author.map_or(NO_AUTHOR, |a| reading.author(a));
            current = Some(Held {
                stamp,
                author,
                kind,
                chars,
            });
        });
        if let Some(h) = current {
            reading.push(h);
        }
        if reading.messages > 0 {
            reading.decide();
        }
        if error.is_some() {
            error
        } else if reading.messages == 0 {
            Some(ErrorKind::WrongType)
        } else if cut {
            Some(ErrorKind::Truncated)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    fn stamp(line: &str) -> Option<(u16, u16, u16, bool, u32)> {
        header(line).map(|(s, _)| (s.a, s.b, s.c, s.year_first, s.secs))
    }

    #[test]
    fn every_header_form_of_formats_md_is_read() {
        let at = |h: u32, m: u32, s: u32| h * 3600 + m * 60 + s;
        assert_eq!(
            stamp("[20.06.19, 15:58:47] Loris: hi"),
            Some((20, 6, 19, false, at(15, 58, 47)))
        );
        assert_eq!(
            stamp("\u{200e}[3/4/25, 2:05:09\u{202f}PM] Ann: hi"),
            Some((3, 4, 25, false, at(14, 5, 9)))
        );
        assert_eq!(
            stamp("[01/30/19 20:49] Ann: hi"),
            Some((1, 30, 19, false, at(20, 49, 0)))
        );
        assert_eq!(
            stamp("30/01/19, 20:49 - Ann: hi"),
            Some((30, 1, 19, false, at(20, 49, 0)))
        );
        assert_eq!(
            stamp("3/4/25, 12:05 AM - Ann: hi"),
            Some((3, 4, 25, false, at(0, 5, 0)))
        );
        assert_eq!(
            stamp("01/30/2019, 08:49 p. m. - Ann: hi"),
            Some((1, 30, 2019, false, at(20, 49, 0)))
        );
        assert_eq!(
            stamp("06/20/2020, 00:08 a.\u{a0}m. - Ann: hi"),
            Some((6, 20, 2020, false, at(0, 8, 0)))
        );
        assert_eq!(
            stamp("2019/01/01, 11:25 - Ann: hi"),
            Some((2019, 1, 1, true, at(11, 25, 0)))
        );
        assert_eq!(
            stamp("4.3.2025 klo 14.05 - Ann: hi"),
            Some((4, 3, 2025, false, at(14, 5, 0)))
        );
        assert_eq!(
            stamp("\u{feff}13. 6. 2018. 21:25:15 - Ann: hi"),
            Some((13, 6, 2018, false, at(21, 25, 15)))
        );
        // Not headers: a continuation line, an hour out of range, a date without a time.
        for line in [
            "consectetur adipiscing elit.",
            "3/4 of us agree",
            "[20.06.19, 25:58:47] Loris: hi",
            "20/06/19 - Loris: hi",
            "2019/01/01, 13:25 PM - Ann: hi",
            "",
        ] {
            assert_eq!(stamp(line), None, "{line}");
        }
    }

    #[test]
    fn authors_bodies_and_kinds() {
        assert_eq!(
            split_author("John Doe: Lorem : ipsum"),
            (Some("John Doe"), "Lorem : ipsum")
        );
        assert_eq!(split_author("John Doe:."), (Some("John Doe"), "."));
        assert_eq!(split_author("You were added"), (None, "You were added"));
        let subject = "Loris changed the subject to “Party: tonight”";
        assert_eq!(split_author(subject), (None, subject));
        let k = |body: &str| kind(body).0;
        assert_eq!(
            k("<attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>"),
            MessageKind::Attached
        );
        assert_eq!(
            k("IMG-20240503-WA0003.jpg (fichier joint)"),
            MessageKind::Attached
        );
        assert_eq!(k("<Médias omis>"), MessageKind::Omitted);
        assert_eq!(k("<Medien ausgeschlossen>"), MessageKind::Omitted);
        assert_eq!(k("\u{200e}image omitted"), MessageKind::Omitted);
        assert_eq!(
            k("report.pdf • 3 pages \u{200e}document omitted"),
            MessageKind::Omitted
        );
        // Without the mark, a text.
        assert_eq!(k("I omitted"), MessageKind::Text);
        assert_eq!(k("Ce message a été supprimé"), MessageKind::Deleted);
        assert_eq!(k("\u{200e}Missed video call"), MessageKind::Call);
        assert_eq!(k("Video call tomorrow?"), MessageKind::Text);
        assert_eq!(
            k("location: https://maps.google.com/?q=48.1,-1.6"),
            MessageKind::Location
        );
        assert_eq!(k("POLL:"), MessageKind::Poll);
        assert_eq!(k("\u{200e}Alice left"), MessageKind::System);
        assert_eq!(kind("Ça va ?"), (MessageKind::Text, 7));
    }

    #[test]
    fn the_day_is_the_field_over_12_or_the_one_that_changes_more() {
        let text = "01/02/24, 09:00 - A: a\n01/02/24, 10:00 - B: b\n02/02/24, 09:00 - A: c\n03/02/24, 09:00 - B: d\n01/03/24, 09:00 - A: e\n";
        let (out, error) = collect(&WhatsAppChat, text.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.chat_dates, [(DateOrder::DayMonth, true, None)]);
        // 2024-02-01 09:00 in Paris is 08:00 UTC (python3: datetime(2024,2,1,8,tzinfo=utc)
        // .timestamp() = 1706774400).
        assert_eq!(out.chat[0].0, 1_706_774_400);
        // Summer time: 2024-03-01 is still winter, so 08:00 UTC too, 29 days later.
        assert_eq!(out.chat[4].0, 1_706_774_400 + 29 * 86_400);
        let text = "01/02/24, 09:00 - A: a\n01/13/24, 10:00 - B: b\n";
        let (out, _) = collect(&WhatsAppChat, text.as_bytes());
        assert_eq!(out.chat_dates, [(DateOrder::MonthDay, false, None)]);
        // July: UTC+2. 2024-07-01 12:00 in Paris, 10:00 UTC = 1719828000 (python3).
        let (out, _) = collect(&WhatsAppChat, b"2024/07/01, 12:00 - A: a\n");
        assert_eq!(out.chat_dates, [(DateOrder::YearMonthDay, false, None)]);
        assert_eq!(out.chat[0].0, 1_719_828_000);
    }

    #[test]
    fn continuation_lines_add_to_the_length_and_system_lines_have_no_author() {
        let text = "[20.06.19, 15:58:47] Messages to this group are now secured with end-to-end encryption.\r\n[20.06.19, 15:58:47] Loris created group “X”\r\n[20.06.19, 15:59:00] Loris: ab\r\ncd\r\n[20.06.19, 16:00:00] X: \u{200e}You created group “X”\r\n";
        let (out, error) = collect(&WhatsAppChat, text.as_bytes());
        assert_eq!(error, None);
        let kinds: Vec<(Option<&str>, MessageKind, u32)> = out
            .chat
            .iter()
            .map(|(_, a, k, n)| (a.as_deref(), *k, *n))
            .collect();
        assert_eq!(
            kinds,
            [
                (None, MessageKind::System, 0),
                (None, MessageKind::System, 0),
                (Some("Loris"), MessageKind::Text, 5),
                (None, MessageKind::System, 0),
            ]
        );
        assert_eq!(out.chat_groups, [false, false, true]);
    }

    #[test]
    fn cut_wrong_and_garbage_files() {
        let whole = "[20.06.19, 15:58:47] Loris: hi\r\n[20.06.19, 15:58:50] Emily: hello\r\n";
        assert_eq!(collect(&WhatsAppChat, whole.as_bytes()).1, None);
        // CR LF lines: a last line without its break was cut.
        let (out, error) = collect(&WhatsAppChat, &whole.as_bytes()[..whole.len() - 3]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.chat.len(), 2);
        // LF lines: a date begun, or a header without an author that WhatsApp would not write.
        let lf = "30/01/19, 20:49 - Ann: hi\n30/01/19, 20:5";
        assert_eq!(
            collect(&WhatsAppChat, lf.as_bytes()).1,
            Some(ErrorKind::Truncated)
        );
        let lf = "30/01/19, 20:49 - Ann: hi\n30/01/19, 20:50 - An";
        assert_eq!(
            collect(&WhatsAppChat, lf.as_bytes()).1,
            Some(ErrorKind::Truncated)
        );
        let lf = "30/01/19, 20:49 - Ann: hi\n30/01/19, 20:50 - You were added";
        assert_eq!(collect(&WhatsAppChat, lf.as_bytes()).1, None);
        for garbage in [&b""[..], b"hello\nworld\n", b"\x89PNG\r\n\x1a\n\0\0"] {
            assert_eq!(
                collect(&WhatsAppChat, garbage).1,
                Some(ErrorKind::WrongType)
            );
        }
        // A bad date is skipped, never a panic.
        let (out, _) = collect(&WhatsAppChat, b"31/02/19, 20:49 - Ann: hi\n");
        assert!(out.chat.is_empty());
    }

    #[test]
    fn past_the_held_messages_the_order_is_decided_and_the_rest_handed_over() {
        use std::fmt::Write;
        let mut text = String::new();
        for i in 0..=MAX_HELD {
            let (day, minute) = (1 + i / 1440 % 28, i % 1440);
            let _ = writeln!(
                text,
                "{day:02}/02/24, {:02}:{:02} - A: a",
                minute / 60,
                minute % 60
            );
        }
        let (out, error) = collect(&WhatsAppChat, text.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.chat.len(), MAX_HELD + 1);
        assert_eq!(
            out.chat_dates,
            [(DateOrder::DayMonth, false, Some(MAX_HELD as u64))]
        );
    }

    #[test]
    fn cut_anywhere_it_says_so_or_holds_no_message() {
        let bytes = fixture("whatsapp.chat", "_chat_ios_12h_group.txt");
        // Cut inside its first line, a file does not show yet that its lines end with CR LF.
        let first = bytes.iter().position(|b| *b == b'\n').unwrap();
        for cut in (first + 1..bytes.len()).step_by(3) {
            let (out, error) = collect(&WhatsAppChat, &bytes[..cut]);
            let expected = if out.chat.is_empty() {
                Some(ErrorKind::WrongType)
            } else if bytes[..cut].ends_with(b"\r\n") {
                None
            } else {
                Some(ErrorKind::Truncated)
            };
            assert_eq!(error, expected, "cut at {cut}");
        }
        // Bytes of every kind never panic.
        let mut noise = Vec::new();
        let mut x = 7_u32;
        for _ in 0..20_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let alphabet = b"[]0123456789/.-:, APM\r\n\xe2\x80\xaf\xc3";
            noise.push(alphabet[(x >> 16) as usize % alphabet.len()]);
        }
        let _ = collect(&WhatsAppChat, &noise);
    }

    #[test]
    fn detection_wants_the_name_and_a_header_first() {
        let head = b"[20.06.19, 15:58:47] Loris: hi\r\n";
        for name in [
            "_chat.txt",
            "WhatsApp Chat - Ann.zip/_chat.txt",
            "WhatsApp Chat with Ann.txt",
            "Discussion WhatsApp avec Zoé.txt",
        ] {
            assert!(WhatsAppChat.detect(name, head).is_some(), "{name}");
        }
        assert!(WhatsAppChat.detect("notes.txt", head).is_none());
        assert!(WhatsAppChat.detect("_chat.json", head).is_none());
        assert!(WhatsAppChat
            .detect("_chat.txt", b"Some notes\n[20.06.19, 15:58:47] Loris: hi")
            .is_none());
    }

    #[test]
    fn the_group_fixture() {
        // Counted with python3 (see tests/integration/chat.rs): 68 headers, 5 system lines.
        let bytes = fixture("whatsapp.chat", "_chat_ios_12h_group.txt");
        let (out, error) = collect(&WhatsAppChat, &bytes);
        assert_eq!(error, None);
        assert_eq!(out.chat.len(), 68);
        let system = out
            .chat
            .iter()
            .filter(|m| m.2 == MessageKind::System)
            .count();
        assert_eq!(system, 5);
        assert!(out
            .chat
            .iter()
            .all(|m| (m.2 == MessageKind::System) == m.1.is_none()));
    }
}
