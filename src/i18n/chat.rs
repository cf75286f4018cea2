//! What chat exports reveal, in French and English (issue 9). No sentence names anyone: the
//! names stay in the summary, masked until the person asks.

use super::media::duration;
use super::social::counted;
use super::{clock, format_count, list_and, percent, weekday_name, Lang};
use crate::model::chat::ChatSummary;

/// "This chat holds 1,234 messages, on 210 days between 2019-06-20 and 2021-12-30. Busiest
/// month: 2020-03, with 320 messages."
pub fn volume(lang: Lang, s: &ChatSummary, busiest: Option<&(String, u64)>) -> String {
    let n = counted(
        lang,
        s.messages,
        ("message", "messages"),
        ("message", "messages"),
    );
    let days = counted(lang, s.days, ("jour", "jours"), ("day", "days"));
    let when = match (lang, s.first.as_deref(), s.last.as_deref()) {
        (Lang::Fr, Some(a), Some(b)) if a == b => format!(", le {a}"),
        (Lang::En, Some(a), Some(b)) if a == b => format!(", on {a}"),
        (Lang::Fr, Some(a), Some(b)) => format!(", sur {days} entre le {a} et le {b}"),
        (Lang::En, Some(a), Some(b)) => format!(", on {days} between {a} and {b}"),
        _ => String::new(),
    };
    let month = busiest
        .filter(|_| s.months.len() > 1)
        .map(|(m, k)| {
            let k = counted(lang, *k, ("message", "messages"), ("message", "messages"));
            match lang {
                Lang::Fr => format!(" Mois le plus actif\u{a0}: {m}, avec {k}."),
                Lang::En => format!(" Busiest month: {m}, with {k}."),
            }
        })
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!("Cette discussion compte {n}{when}.{month}"),
        Lang::En => format!("This chat holds {n}{when}.{month}"),
    }
}

/// "Only 2% of this chat's 1,234 messages are sent between 1:00 and 7:00 (Paris time): most
/// likely when you sleep. The busiest hour: Monday, 20:00 to 21:00."
pub fn rhythm(
    lang: Lang,
    total: u64,
    quiet: Option<(u8, u8, u8)>,
    (day, h): (usize, u8),
) -> String {
    let hour = |h: u8| clock(lang, u16::from(h) * 60);
    let n = counted(
        lang,
        total,
        ("message", "messages"),
        ("message", "messages"),
    );
    let (day, from, to) = (weekday_name(lang, day), hour(h), hour(h + 1));
    let busy = match lang {
        Lang::Fr => format!("L'heure la plus active\u{a0}: le {day} de {from} à {to}."),
        Lang::En => format!("The busiest hour: {day}, {from} to {to}."),
    };
    match (lang, quiet) {
        (Lang::Fr, Some((start, end, 0))) => format!(
            "Aucun des {n} de cette discussion n'est envoyé entre {} et {} (heure de \
             Paris)\u{a0}: sans doute pendant votre sommeil. {busy}",
            hour(start),
            hour(end)
        ),
        (Lang::En, Some((start, end, 0))) => format!(
            "None of this chat's {n} is sent between {} and {} (Paris time): most likely when \
             you sleep. {busy}",
            hour(start),
            hour(end)
        ),
        (Lang::Fr, Some((start, end, share))) => format!(
            "Seuls {} des {n} de cette discussion sont envoyés entre {} et {} (heure de \
             Paris)\u{a0}: sans doute pendant votre sommeil. {busy}",
            percent(lang, share),
            hour(start),
            hour(end)
        ),
        (Lang::En, Some((start, end, share))) => format!(
            "Only {} of this chat's {n} are sent between {} and {} (Paris time): most likely \
             when you sleep. {busy}",
            percent(lang, share),
            hour(start),
            hour(end)
        ),
        (Lang::Fr, None) => format!(
            "L'heure la plus active des {n} de cette discussion (heure de Paris)\u{a0}: le {day} \
             de {from} à {to}."
        ),
        (Lang::En, None) => {
            format!("The busiest hour of this chat's {n} (Paris time): {day}, {from} to {to}.")
        }
    }
}

/// "12 people write in this group; the most active sends 45% of the messages. The file does not
/// say which of them is you."
pub fn participants(lang: Lang, s: &ChatSummary, top: u8, yours: Option<u8>) -> String {
    let count = s.participant_count;
    let who = match (lang, count) {
        (Lang::Fr, 1) => "Une seule personne écrit".to_owned(),
        (Lang::En, 1) => "Only one person writes".to_owned(),
        (Lang::Fr, 2) => "Deux personnes écrivent".to_owned(),
        (Lang::En, 2) => "Two people write".to_owned(),
        (Lang::Fr, n) => format!("{}\u{a0}personnes écrivent", format_count(lang, n)),
        (Lang::En, n) => format!("{}\u{a0}people write", format_count(lang, n)),
    };
    let place = match (lang, s.group) {
        (Lang::Fr, true) => "dans ce groupe",
        (Lang::En, true) => "in this group",
        (Lang::Fr, false) => "dans cette discussion",
        (Lang::En, false) => "in this chat",
    };
    let share = percent(lang, top);
    let most = match (lang, count) {
        (_, 1) => String::new(),
        (Lang::Fr, 2) => format!("\u{a0}; l'une d'elles envoie {share} des messages"),
        (Lang::En, 2) => format!("; one of them sends {share} of the messages"),
        (Lang::Fr, _) => format!("\u{a0}; la plus active envoie {share} des messages"),
        (Lang::En, _) => format!("; the most active sends {share} of the messages"),
    };
    let you = match (lang, yours) {
        (Lang::Fr, Some(p)) => format!(
            " Vous envoyez {} de ses messages (le nom du fichier dit laquelle vous êtes).",
            percent(lang, p)
        ),
        (Lang::En, Some(p)) => format!(
            " You send {} of its messages (the file's name says which of them you are).",
            percent(lang, p)
        ),
        (Lang::Fr, None) => " Le fichier ne dit pas laquelle de ces personnes est vous.".to_owned(),
        (Lang::En, None) => " The file does not say which of them is you.".to_owned(),
    };
    let created = match (lang, s.created_by_you) {
        (_, false) => "",
        (Lang::Fr, true) => " D'après le fichier, c'est vous qui avez créé le groupe.",
        (Lang::En, true) => " The file says you created the group.",
    };
    if yours.is_some() {
        format!("{who} {place}.{you}{created}")
    } else {
        format!("{who} {place}{most}.{you}{created}")
    }
}

/// "Besides texts, this chat holds 4 attached media, 12 media left out of the export, 2 shared
/// locations and 1 deleted message."
pub fn media(lang: Lang, s: &ChatSummary) -> String {
    let items = [
        (
            s.attached,
            ("média joint", "médias joints"),
            ("attached media", "attached media"),
        ),
        (
            s.omitted,
            (
                "média non inclus dans l'export",
                "médias non inclus dans l'export",
            ),
            (
                "media left out of the export",
                "media left out of the export",
            ),
        ),
        (
            s.locations,
            ("position partagée", "positions partagées"),
            ("shared location", "shared locations"),
        ),
        (s.calls, ("appel", "appels"), ("call", "calls")),
        (s.polls, ("sondage", "sondages"), ("poll", "polls")),
        (
            s.deleted,
            ("message supprimé", "messages supprimés"),
            ("deleted message", "deleted messages"),
        ),
    ];
    let listed: Vec<String> = items
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, fr, en)| counted(lang, *n, *fr, *en))
        .collect();
    let listed = list_and(lang, &listed);
    let where_ = match (lang, s.locations > 0) {
        (_, false) => "",
        (Lang::Fr, true) => " Chaque position partagée dit où se trouvait son expéditeur.",
        (Lang::En, true) => " Each shared location says where its sender was.",
    };
    match lang {
        Lang::Fr => format!("En plus des textes, cette discussion contient {listed}.{where_}"),
        Lang::En => format!("Besides texts, this chat holds {listed}.{where_}"),
    }
}

/// "When someone answers the same day, it typically takes 4 minutes (median of 312 replies)."
pub fn replies(lang: Lang, seconds: u64, count: u64) -> String {
    let delay = if seconds < 60 {
        counted(
            lang,
            seconds,
            ("seconde", "secondes"),
            ("second", "seconds"),
        )
    } else {
        duration(lang, seconds * 1000)
    };
    let n = counted(lang, count, ("réponse", "réponses"), ("reply", "replies"));
    match lang {
        Lang::Fr => format!(
            "Quand quelqu'un répond dans la journée, il lui faut en général {delay} (médiane de \
             {n})."
        ),
        Lang::En => format!(
            "When someone answers the same day, it typically takes {delay} (median of {n})."
        ),
    }
}

/// The line under a chat's file name: what was read from it.
pub fn summary_line(lang: Lang, s: &ChatSummary) -> String {
    if s.messages == 0 {
        return match lang {
            Lang::Fr => "Aucun message".to_owned(),
            Lang::En => "No message".to_owned(),
        };
    }
    let mut parts = vec![counted(
        lang,
        s.messages,
        ("message", "messages"),
        ("message", "messages"),
    )];
    parts.push(counted(
        lang,
        s.participant_count,
        ("personne", "personnes"),
        ("person", "people"),
    ));
    if let (Some(a), Some(b)) = (&s.first, &s.last) {
        parts.push(format!("{a} → {b}"));
    }
    parts.join(" · ")
}

/// How each chat finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "chat_volume") => {
            "Chaque ligne qui commence par une date et une heure ouvre un message (les lignes \
             de WhatsApp lui-même, comme l'avis de chiffrement, sont écartées). Les jours et les \
             mois sont ceux qu'écrit le téléphone\u{a0}; le texte des messages n'est jamais \
             gardé."
        }
        (Lang::En, "chat_volume") => {
            "Each line that starts with a date and a time opens a message (WhatsApp's own \
             lines, such as the encryption notice, are left out). Days and months are those the \
             phone writes; the messages' text is never kept."
        }
        (Lang::Fr, "chat_rhythm") => {
            "L'export n'indique pas de fuseau horaire\u{a0}: ses heures, celles du téléphone, \
             sont prises comme heures de Paris. Chaque message est placé à son jour et à son \
             heure\u{a0}; les heures creuses sont la plus longue suite d'au moins trois heures \
             qui comptent chacune moins du quart d'une part égale\u{a0}; il faut au moins 50 \
             messages pour en parler."
        }
        (Lang::En, "chat_rhythm") => {
            "The export gives no time zone: its times, the phone's, are taken as Paris time. \
             Each message is placed at its weekday and hour; the quiet hours are the longest \
             run of at least three hours that each hold less than a quarter of an even share; it \
             takes at least 50 messages to speak of them."
        }
        (Lang::Fr, "chat_participants") => {
            "Les auteurs des messages sont comptés tels que le fichier les écrit, et leurs noms \
             restent masqués tant que vous ne demandez pas à les voir. Le fichier ne dit pas \
             qui l'a exporté, sauf quand son nom, sur Android, désigne l'autre personne d'une \
             discussion à deux."
        }
        (Lang::En, "chat_participants") => {
            "Message authors are counted as the file writes them, and their names stay hidden \
             until you ask to see them. The file does not say who exported it, except when its \
             name, on Android, names the other person of a one-to-one chat."
        }
        (Lang::Fr, "chat_media") => {
            "Les photos, vidéos, notes vocales et documents se reconnaissent à la mention que \
             WhatsApp écrit à leur place (joint, ou omis de l'export), comme les appels, les \
             positions partagées (un lien de carte), les sondages et les messages supprimés."
        }
        (Lang::En, "chat_media") => {
            "Photos, videos, voice notes and documents are recognised by the mention WhatsApp \
             writes in their place (attached, or left out of the export), as are calls, shared \
             locations (a map link), polls and deleted messages."
        }
        (Lang::Fr, "chat_replies") => {
            "Quand l'auteur change d'un message au suivant, le même jour et en moins de six \
             heures, l'écart compte comme une réponse\u{a0}; la valeur donnée est la médiane de \
             ces écarts."
        }
        (Lang::En, "chat_replies") => {
            "When the author changes from one message to the next, on the same day and within \
             six hours, the gap counts as a reply; the value given is the median of these gaps."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_in_both_languages_with_french_spacing() {
        let s = ChatSummary {
            messages: 1234,
            first: Some("2019-06-20".to_owned()),
            last: Some("2021-12-30".to_owned()),
            days: 210,
            months: vec![("2020-03".to_owned(), 320), ("2020-04".to_owned(), 12)],
            participant_count: 12,
            group: true,
            ..ChatSummary::default()
        };
        let busiest = ("2020-03".to_owned(), 320);
        assert_eq!(
            volume(Lang::Fr, &s, Some(&busiest)),
            "Cette discussion compte 1\u{202f}234\u{a0}messages, sur 210\u{a0}jours entre le 2019-06-20 et le 2021-12-30. Mois le plus actif\u{a0}: 2020-03, avec 320\u{a0}messages."
        );
        assert_eq!(
            rhythm(Lang::En, 1234, Some((1, 7, 2)), (0, 20)),
            "Only 2% of this chat's 1,234\u{a0}messages are sent between 1:00 and 7:00 (Paris time): most likely when you sleep. The busiest hour: Monday, 20:00 to 21:00."
        );
        assert_eq!(
            participants(Lang::Fr, &s, 45, None),
            "12\u{a0}personnes écrivent dans ce groupe\u{a0}; la plus active envoie 45\u{a0}% des messages. Le fichier ne dit pas laquelle de ces personnes est vous."
        );
        assert_eq!(
            replies(Lang::En, 30, 5),
            "When someone answers the same day, it typically takes 30\u{a0}seconds (median of 5\u{a0}replies)."
        );
        assert!(why(Lang::Fr, "chat_media").is_some());
        assert_eq!(why(Lang::En, "nothing"), None);
    }
}
