//! WhatsApp chat exports (issue 9), read whole through `inspect` (so that the file's name can
//! tell who the person is) and summed up.
//!
//! Every expected number was counted independently of the parser with a small python3 script: a
//! header is a line matching `^[\u200e\ufeff]*(\[)?(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4}),?
//! (\d{1,2}):(\d{2})(?::(\d{2}))?[ \u202f]?([ap]\. ?m\.|AM|PM)?(\]| -) (.*)$` (CR LF made LF);
//! its author is what comes before the first `:` followed by a space, a dot or the line's end; a
//! header without one, or whose text starts with U+200E and names a system event, is a system
//! line; kinds by their text (`<attached:`, `(file attached)`, `<Media omitted>`, `image
//! omitted`…); the day order by the largest first and second fields; reply delays as the gaps
//! between consecutive messages of different authors on the same day (within six hours), sorted,
//! the middle one. Not by reading Reflet's output.

use std::path::Path;

use reflet::model::chat::{ChatSummary, DateOrder, YouFrom};
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind};

use super::common::{fixture, sample};

/// The chat summary `inspect` gives of one file, and its findings' ids.
fn chat(path: &Path) -> (ChatSummary, Vec<String>) {
    let shown = path.display();
    let report = inspect_paths(&[path.to_path_buf()]);
    let [file] = &report.files[..] else {
        panic!("{shown}")
    };
    assert_eq!(file.kind, Kind::Source("whatsapp.chat".into()), "{shown}");
    assert!(file.error.is_none(), "{shown}: {:?}", file.error);
    let Some(Summary::Chat(s)) = &file.summary else {
        panic!("{shown}: {:?}", file.summary)
    };
    let ids = file.findings.iter().map(|f| f.id.clone()).collect();
    (s.clone(), ids)
}

/// Participants and their message counts, most first.
fn people(s: &ChatSummary) -> Vec<(&str, u64)> {
    s.participants
        .iter()
        .map(|p| (p.name.as_str(), p.messages))
        .collect()
}

#[test]
fn the_real_ios_group_chat() {
    let (s, ids) = chat(&sample("whatsapp/_chat.txt"));
    // 52 headers: 4 system lines (encryption notice, group created, two members added), 48
    // messages by 3 people, all on 20.06.19 (day first: 20 > 12).
    assert_eq!((s.messages, s.system), (48, 4));
    assert_eq!(people(&s), [("Loris", 29), ("John", 12), ("Emily", 7)]);
    assert_eq!(s.participant_count, 3);
    assert!(s.group && s.you.is_none());
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref(), s.days),
        (Some("2019-06-20"), Some("2019-06-20"), 1)
    );
    assert_eq!(s.date_order, Some(DateOrder::DayMonth));
    assert!(!s.order_guessed);
    // 4 `<attached: …>` and 1 `POLL:`; 43 texts.
    assert_eq!((s.attached, s.polls, s.texts), (4, 1, 43));
    // 26 replies, the middle one 17 s.
    assert_eq!((s.replies, s.reply_s), (26, Some(17)));
    assert_eq!(
        ids,
        [
            "chat_volume",
            "chat_rhythm",
            "chat_participants",
            "chat_media",
            "chat_replies"
        ]
    );
}

#[test]
fn the_real_small_samples_in_three_date_forms() {
    // The same 9 headers written three ways: 2 system lines (`+12 345 578 created group
    // "Groupname"`, `You were added`), 7 messages by 5 names, from 2019-01-01 to 2021-12-30.
    for (path, order) in [
        (
            "whatsapp/WhatsApp Chat android_ddmmyy_24h.txt",
            DateOrder::DayMonth,
        ),
        (
            "whatsapp/WhatsApp Chat android_es_12h.txt",
            DateOrder::MonthDay,
        ),
        ("whatsapp/_chat_ios_mmddyy_24h.txt", DateOrder::MonthDay),
    ] {
        let (s, _) = chat(&sample(path));
        assert_eq!((s.messages, s.system), (7, 2), "{path}");
        assert_eq!(s.participant_count, 5, "{path}");
        assert_eq!(people(&s).first(), Some(&("John Doe", 3)), "{path}");
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref(), s.days),
            (Some("2019-01-01"), Some("2021-12-30"), 7),
            "{path}"
        );
        // A field over 12 tells the order (30 first, or 30 second).
        assert_eq!(s.date_order, Some(order), "{path}");
        assert!(!s.order_guessed, "{path}");
        assert!(s.group, "{path}");
    }
}

#[test]
fn an_ios_group_with_a_12_hour_clock_and_system_lines() {
    let (s, ids) = chat(&fixture("whatsapp.chat", "_chat_ios_12h_group.txt"));
    // 68 headers: 5 system lines written by the group's name, 63 messages by 3 people, from
    // 3/8/25 to 3/16/25 (month first: 16 > 12), 9 days.
    assert_eq!((s.messages, s.system), (63, 5));
    assert_eq!(people(&s), [("Léa Martin", 31), ("Tom", 16), ("~ Sam", 16)]);
    assert!(s.group && s.created_by_you);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref(), s.days),
        (Some("2025-03-08"), Some("2025-03-16"), 9)
    );
    assert_eq!(s.date_order, Some(DateOrder::MonthDay));
    // 3 media left out (2 images, 1 video), 1 missed call, 1 location, 1 deleted, 1 poll.
    assert_eq!(
        (s.omitted, s.calls, s.locations, s.deleted, s.polls),
        (3, 1, 1, 1, 1)
    );
    // Every message between 9 AM and midnight: the quiet hours start at midnight.
    let rhythm = s.rhythm.unwrap();
    assert_eq!(rhythm.total, 63);
    assert_eq!(rhythm.quiet.map(|q| q.0), Some(0));
    assert_eq!(rhythm.quiet_percent, Some(0));
    assert!(ids.contains(&"chat_rhythm".to_owned()));
}

#[test]
fn an_android_one_to_one_chat_named_after_the_other_person() {
    let (s, ids) = chat(&fixture(
        "whatsapp.chat",
        "WhatsApp Chat with Léa Martin.txt",
    ));
    // 25 headers: the encryption notice and 24 messages, 12 each; the file names Léa Martin, so
    // the person is Hugo.
    assert_eq!((s.messages, s.system), (24, 1));
    assert_eq!(people(&s), [("Hugo", 12), ("Léa Martin", 12)]);
    assert!(!s.group);
    assert_eq!(
        (s.you.as_deref(), s.you_from),
        (Some("Hugo"), Some(YouFrom::FileName))
    );
    assert_eq!(s.date_order, Some(DateOrder::YearMonthDay));
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref(), s.days),
        (Some("2024-05-02"), Some("2024-05-05"), 4)
    );
    assert_eq!(
        (s.attached, s.omitted, s.deleted, s.locations),
        (2, 2, 2, 2)
    );
    // 14 replies, the middle one 19 minutes.
    assert_eq!((s.replies, s.reply_s), (14, Some(1140)));
    assert!(ids.contains(&"chat_replies".to_owned()));
}

#[test]
fn a_day_first_file_where_no_day_is_over_12() {
    let (s, _) = chat(&fixture("whatsapp.chat", "_chat_de_ddmmyy.txt"));
    // 43 headers: the encryption notice (U+200E, `Ende-zu-Ende`) and 42 messages, 21 each, on
    // 14 dates from 01.02.24 to 05.03.24; the first field never passes 9, the second 3, but the
    // first changes 13 times and the second once: day first, guessed.
    assert_eq!((s.messages, s.system), (42, 1));
    assert_eq!(people(&s), [("Anna", 21), ("Jonas", 21)]);
    assert_eq!(s.date_order, Some(DateOrder::DayMonth));
    assert!(s.order_guessed);
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref(), s.days),
        (Some("2024-02-01"), Some("2024-03-05"), 14)
    );
    assert_eq!(
        s.months,
        [("2024-02".to_owned(), 27), ("2024-03".to_owned(), 15)]
    );
    // `Bild weggelassen`, `Diese Nachricht wurde gelöscht.`, `Verpasster Sprachanruf`: 4 each.
    assert_eq!((s.omitted, s.deleted, s.calls), (4, 4, 4));
    assert!(s.you.is_none());
}
