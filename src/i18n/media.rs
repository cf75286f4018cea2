//! What streaming files reveal, in French and English (issue 9).

use super::social::{counted, names, rhythm_of};
use super::{format_count, Lang};
use crate::model::media::{MediaKind, MediaSummary, Service};

/// A duration: "56 hours", "1 hour", "45 minutes" (rounded; "less than a minute" for less).
pub fn duration(lang: Lang, ms: u64) -> String {
    let minutes = (ms + 30_000) / 60_000;
    if minutes >= 60 {
        let hours = (minutes + 30) / 60;
        counted(lang, hours, ("heure", "heures"), ("hour", "hours"))
    } else if minutes > 0 {
        counted(lang, minutes, ("minute", "minutes"), ("minute", "minutes"))
    } else {
        match lang {
            Lang::Fr => "moins d'une minute".to_owned(),
            Lang::En => "less than a minute".to_owned(),
        }
    }
}

/// A short duration for a list: "12 h", "45 min".
fn short(lang: Lang, ms: u64) -> String {
    let minutes = (ms + 30_000) / 60_000;
    if minutes >= 60 {
        format!("{}\u{a0}h", format_count(lang, (minutes + 30) / 60))
    } else {
        format!("{}\u{a0}min", format_count(lang, minutes))
    }
}

/// Days from `first` to `last` (`YYYY-MM-DD`), both counted.
fn days_between(first: &str, last: &str) -> Option<u64> {
    let day = |iso: &str| {
        let d = crate::model::time::parse_iso(&format!("{iso}T00:00:00Z"))?;
        Some(d.div_euclid(86_400_000))
    };
    u64::try_from(day(last)? - day(first)? + 1).ok()
}

/// "Spotify lists 1,234 plays, 56 hours in all, between 2023-01-01 and 2023-12-31: about 9
/// minutes a day."
pub fn time(
    lang: Lang,
    service: Service,
    plays: u64,
    ms: u64,
    span: Option<(&str, &str)>,
) -> String {
    let who = service.name();
    let n = counted(lang, plays, ("lecture", "lectures"), ("play", "plays"));
    let total = (ms > 0).then(|| match lang {
        Lang::Fr => format!(", {} en tout", duration(lang, ms)),
        Lang::En => format!(", {} in all", duration(lang, ms)),
    });
    let between = span.map(|(first, last)| match lang {
        _ if first == last => match lang {
            Lang::Fr => format!(", le {first}"),
            Lang::En => format!(", on {first}"),
        },
        Lang::Fr => format!(", du {first} au {last}"),
        Lang::En => format!(", between {first} and {last}"),
    });
    let per_day = span
        .and_then(|(first, last)| days_between(first, last))
        .filter(|days| ms > 0 && *days > 1)
        .map(|days| match lang {
            Lang::Fr => format!(
                "\u{a0}: environ {} par jour",
                duration(lang, ms / days.max(1))
            ),
            Lang::En => format!(": about {} a day", duration(lang, ms / days.max(1))),
        });
    let (total, between, per_day) = (
        total.unwrap_or_default(),
        between.unwrap_or_default(),
        per_day.unwrap_or_default(),
    );
    match lang {
        Lang::Fr => format!("{who} recense {n}{total}{between}{per_day}."),
        Lang::En => format!("{who} lists {n}{total}{between}{per_day}."),
    }
}

/// What the creators of `kind` are called: artists, podcasts, series, channels.
fn creators_noun(lang: Lang, kind: Option<MediaKind>) -> (&'static str, &'static str) {
    match (lang, kind) {
        (Lang::Fr, Some(MediaKind::Music)) => ("artiste", "artistes"),
        (Lang::En, Some(MediaKind::Music)) => ("artist", "artists"),
        (_, Some(MediaKind::Podcast)) => ("podcast", "podcasts"),
        (Lang::Fr, Some(MediaKind::Show)) => ("série ou film", "séries et films"),
        (Lang::En, Some(MediaKind::Show)) => ("series or film", "series and films"),
        (Lang::Fr, Some(MediaKind::Video)) => ("chaîne", "chaînes"),
        (Lang::En, Some(MediaKind::Video)) => ("channel", "channels"),
        (Lang::Fr, _) => ("auteur", "auteurs"),
        (Lang::En, _) => ("creator", "creators"),
    }
}

/// "Played most on Spotify, out of 356 artists: Angèle (12 h), Stromae (8 h), … The first makes
/// 4% of your plays."
pub fn top(
    lang: Lang,
    service: Service,
    kind: Option<MediaKind>,
    list: &[(&str, u64)],
    count: u64,
    (first_plays, plays): (u64, u64),
) -> String {
    let who = service.name();
    let timed = list.iter().any(|(_, ms)| *ms > 0);
    let shown: Vec<String> = list
        .iter()
        .take(5)
        .map(|(name, ms)| {
            if timed {
                format!("{name} ({})", short(lang, *ms))
            } else {
                (*name).to_owned()
            }
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let (one, many) = creators_noun(lang, kind);
    let out_of = counted(lang, count, (one, many), (one, many));
    let share = super::percent(
        lang,
        u8::try_from((first_plays * 100 + plays / 2) / plays.max(1)).unwrap_or(100),
    );
    // French says what was done: listened to, or watched.
    let verb = match kind {
        Some(MediaKind::Show | MediaKind::Video) => "regardé",
        _ => "écouté",
    };
    match (lang, count) {
        (Lang::Fr, 1) => format!("Tout ce que vous avez {verb} sur {who} est de {listed}."),
        (Lang::En, 1) => format!("All you played on {who} is by {listed}."),
        (Lang::Fr, _) => format!(
            "Les plus {verb}s sur {who}, parmi {out_of}\u{a0}: {listed}. Le premier fait {share} \
             de vos lectures."
        ),
        (Lang::En, _) => format!(
            "Played most on {who}, out of {out_of}: {listed}. The first makes {share} of your \
             plays."
        ),
    }
}

/// "Of your 3,210 plays on Spotify, 1% fall between 2:00 and 7:00 (Paris time): …"
pub fn rhythm(
    lang: Lang,
    service: Service,
    total: u64,
    quiet: Option<(u8, u8, u8)>,
    busiest: (usize, u8),
) -> String {
    let n = counted(lang, total, ("lecture", "lectures"), ("play", "plays"));
    rhythm_of(lang, service.name(), &n, quiet, busiest)
}

/// "Spotify saw 4 devices or apps and 35 IP addresses, in 3 countries. Most used: Chrome
/// (Windows), 120 times."
pub fn devices(
    lang: Lang,
    service: Service,
    (devices, ips): (u64, u64),
    countries: u64,
    top: Option<(&str, u64)>,
) -> String {
    let who = service.name();
    let mut seen = Vec::new();
    if devices > 0 {
        seen.push(counted(
            lang,
            devices,
            ("appareil ou application", "appareils ou applications"),
            ("device or app", "devices or apps"),
        ));
    }
    if ips > 0 {
        seen.push(counted(
            lang,
            ips,
            ("adresse IP", "adresses IP"),
            ("IP address", "IP addresses"),
        ));
    }
    let seen = super::list_and(lang, &seen);
    let countries = if countries > 1 {
        let c = counted(lang, countries, ("pays", "pays"), ("country", "countries"));
        match lang {
            Lang::Fr => format!(", dans {c}"),
            Lang::En => format!(", in {c}"),
        }
    } else {
        String::new()
    };
    let top = top
        .map(|(name, n)| {
            let n = counted(lang, n, ("fois", "fois"), ("time", "times"));
            match lang {
                Lang::Fr => format!(" Le plus utilisé\u{a0}: {name}, {n}."),
                Lang::En => format!(" Most used: {name}, {n}."),
            }
        })
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!("{who} a vu {seen}{countries}.{top}"),
        Lang::En => format!("{who} saw {seen}{countries}.{top}"),
    }
}

/// The advertiser a Spotify segment was made for (`2P_<Advertiser>_<segment>_…`), if it names
/// one.
pub fn segment_advertiser(segment: &str) -> Option<&str> {
    let rest = segment.trim().strip_prefix("2P_")?;
    rest.split('_').next().filter(|a| !a.is_empty())
}

/// "Spotify put you in 23 marketing segments, 8 of them made for named advertisers: …"
pub fn segments(lang: Lang, service: Service, list: &[String], advertisers: u64) -> String {
    let who = service.name();
    let n = counted(
        lang,
        list.len() as u64,
        ("segment marketing", "segments marketing"),
        ("marketing segment", "marketing segments"),
    );
    let shown: Vec<&str> = list.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let made = match (lang, advertisers) {
        (_, 0) => String::new(),
        (Lang::Fr, n) => format!(
            ", dont {} faits pour des annonceurs nommés",
            format_count(lang, n)
        ),
        (Lang::En, n) => format!(
            ", {} of them made for named advertisers",
            format_count(lang, n)
        ),
    };
    match lang {
        Lang::Fr => format!("{who} vous a placé dans {n}{made}\u{a0}: {listed}."),
        Lang::En => format!("{who} put you in {n}{made}: {listed}."),
    }
}

/// The line under a streaming file's name: what was read from it.
pub fn summary_line(lang: Lang, s: &MediaSummary) -> String {
    let mut parts = Vec::new();
    if s.plays > 0 {
        parts.push(counted(
            lang,
            s.plays,
            ("lecture", "lectures"),
            ("play", "plays"),
        ));
    }
    if s.ms > 0 {
        parts.push(duration(lang, s.ms));
    }
    let seen = (s.devices.len() + s.ips.len()) as u64;
    if seen > 0 && s.plays == 0 {
        parts.push(counted(
            lang,
            seen,
            ("appareil ou adresse", "appareils ou adresses"),
            ("device or address", "devices or addresses"),
        ));
    }
    if !s.segments.is_empty() {
        parts.push(counted(
            lang,
            s.segments.len() as u64,
            ("segment", "segments"),
            ("segment", "segments"),
        ));
    }
    if parts.is_empty() {
        return match lang {
            Lang::Fr => "Rien de daté ni de nommé".to_owned(),
            Lang::En => "Nothing dated or named".to_owned(),
        };
    }
    parts.join(" · ")
}

/// How each streaming finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "media_time") => {
            "Chaque lecture du fichier est comptée (les bandes-annonces et aperçus écartés), avec \
             la durée que le service note, dans la limite d'un jour par lecture. La moyenne par \
             jour divise le total par les jours entre la première et la dernière lecture."
        }
        (Lang::En, "media_time") => {
            "Each play in the file counts (trailers and previews left out), with the time the \
             service notes, at most a day a play. The daily average divides the total by the \
             days from the first play to the last."
        }
        (Lang::Fr, "media_top") => {
            "Les artistes, podcasts, séries ou chaînes sont classés par temps de lecture (par \
             nombre de lectures quand le fichier ne donne pas de durée). C'est ce qui nourrit \
             les recommandations du service, et ce qu'il peut dire de vos goûts."
        }
        (Lang::En, "media_top") => {
            "Artists, podcasts, series or channels are ranked by time played (by plays when the \
             file gives no time). This is what feeds the service's recommendations, and what it \
             can tell of your tastes."
        }
        (Lang::Fr, "media_rhythm") => {
            "Le début de chaque lecture est placé à son jour et à son heure, à l'heure de Paris. \
             Les heures creuses sont la plus longue suite d'au moins trois heures qui comptent \
             chacune moins du quart d'une part égale (1/96 des lectures)\u{a0}; il en faut au \
             moins 50 pour en parler."
        }
        (Lang::En, "media_rhythm") => {
            "The start of each play is placed at its weekday and hour, in Paris time. The quiet \
             hours are the longest run of at least three hours that each hold less than a \
             quarter of an even share (1/96 of the plays); it takes at least 50 plays to speak \
             of them."
        }
        (Lang::Fr, "media_devices") => {
            "Les appareils et applications (déduits de ce que le fichier écrit) et les adresses \
             IP sont comptés une fois chacun, avec le nombre de lectures ou de connexions. Une \
             adresse IP situe approximativement l'endroit où vous étiez."
        }
        (Lang::En, "media_devices") => {
            "Devices and apps (from what the file writes) and IP addresses count once each, \
             with their plays or logins. An IP address roughly places where you were."
        }
        (Lang::Fr, "media_segments") => {
            "Les segments sont ceux du fichier, tels que le service les écrit. Ceux qui \
             commencent par «\u{a0}2P_\u{a0}» portent le nom d'un annonceur pour lequel le \
             segment a été fait\u{a0}; «\u{a0}1P_\u{a0}» sont les siens, «\u{a0}3P_\u{a0}» \
             viennent de courtiers en données."
        }
        (Lang::En, "media_segments") => {
            "The segments are the file's, as the service writes them. Those beginning with \
             \"2P_\" carry the name of an advertiser the segment was made for; \"1P_\" are its \
             own, \"3P_\" come from data brokers."
        }
        _ => return None,
    })
}
