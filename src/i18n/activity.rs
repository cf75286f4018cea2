//! What web activity files reveal, in French and English (issue 9).

use super::social::{counted, names, rhythm_of};
use super::{format_count, list_and, percent, Lang};
use crate::model::activity::{ActivityKind, ActivitySummary, LocationSource};

/// "3 searches", "1 visit"… : events of a kind.
fn kind_count(lang: Lang, kind: ActivityKind, n: u64) -> String {
    let (fr, en) = match kind {
        ActivityKind::Search => (("recherche", "recherches"), ("search", "searches")),
        ActivityKind::Visit => (("visite", "visites"), ("visit", "visits")),
        ActivityKind::Watch => (
            ("vidéo regardée", "vidéos regardées"),
            ("video watched", "videos watched"),
        ),
        ActivityKind::Use => (
            ("utilisation d'application", "utilisations d'applications"),
            ("app used", "apps used"),
        ),
        ActivityKind::Other => (
            ("autre action", "autres actions"),
            ("other action", "other actions"),
        ),
    };
    counted(lang, n, fr, en)
}

/// " between 2024-01-15 and 2024-02-15" / " du … au …", or " on …" for one day.
fn between(lang: Lang, first: &str, last: &str) -> String {
    match lang {
        Lang::Fr if first == last => format!(" le {first}"),
        Lang::En if first == last => format!(" on {first}"),
        Lang::Fr => format!(" du {first} au {last}"),
        Lang::En => format!(" between {first} and {last}"),
    }
}

/// "Google kept 12,408 things you did between 2015-03-02 and 2024-11-30, in Search, Maps and
/// Chrome: 6,210 searches, 3,900 visits and 2,298 other actions. 14 of them came from Google
/// Ads."
pub fn volume(lang: Lang, s: &ActivitySummary) -> String {
    let n = counted(
        lang,
        s.events,
        ("trace de votre activité", "traces de votre activité"),
        ("thing you did", "things you did"),
    );
    let span = s
        .first
        .as_deref()
        .zip(s.last.as_deref())
        .map(|(a, b)| between(lang, a, b))
        .unwrap_or_default();
    let products: Vec<&str> = s.products.iter().map(|(p, _)| p.as_str()).collect();
    let products = match lang {
        _ if products.is_empty() => String::new(),
        Lang::Fr => format!(", dans {}", names(lang, &products)),
        Lang::En => format!(", in {}", names(lang, &products)),
    };
    let kinds: Vec<String> = s
        .kinds
        .iter()
        .map(|(k, n)| kind_count(lang, *k, *n))
        .collect();
    let kinds = list_and(lang, &kinds);
    let ads = match (lang, s.ads) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => " 1 venait de Google Ads.".to_owned(),
        (Lang::Fr, n) => format!(" {} venaient de Google Ads.", format_count(lang, n)),
        (Lang::En, n) => format!(" {} of them came from Google Ads.", format_count(lang, n)),
    };
    match lang {
        Lang::Fr => format!("Google a gardé {n}{span}{products}\u{a0}: {kinds}.{ads}"),
        Lang::En => format!("Google kept {n}{span}{products}: {kinds}.{ads}"),
    }
}

/// "Google attached a location to 41% of your searches (512 of 1,250). In all, 700 locations:
/// 300 from your Location History and 400 based on your past activity. It also noted the IP
/// address of 12 actions."
pub fn located(
    lang: Lang,
    s: &ActivitySummary,
    (part, whole, share): (u64, u64, u8),
    searches: bool,
) -> String {
    let mut out = String::new();
    if part > 0 {
        let what = match (lang, searches) {
            (_, false) => "actions",
            (Lang::Fr, true) => "recherches",
            (Lang::En, true) => "searches",
        };
        let (p, part, whole) = (
            percent(lang, share),
            format_count(lang, part),
            format_count(lang, whole),
        );
        out = match lang {
            Lang::Fr => {
                format!("Google a associé un lieu à {p} de vos {what} ({part} sur {whole}).")
            }
            Lang::En => {
                format!("Google attached a location to {p} of your {what} ({part} of {whole}).")
            }
        };
        let sources: Vec<String> = s
            .location_sources
            .iter()
            .map(|(source, n)| {
                let n = format_count(lang, *n);
                match (lang, source) {
                    (Lang::Fr, LocationSource::History) => {
                        format!("{n} d'après votre historique des positions")
                    }
                    (Lang::En, LocationSource::History) => {
                        format!("{n} from your Location History")
                    }
                    (Lang::Fr, LocationSource::PastActivity) => {
                        format!("{n} d'après votre activité passée")
                    }
                    (Lang::En, LocationSource::PastActivity) => {
                        format!("{n} based on your past activity")
                    }
                    (Lang::Fr, LocationSource::Other) => {
                        format!("{n} d'autres sources (appareil, adresse IP, lieu enregistré)")
                    }
                    (Lang::En, LocationSource::Other) => {
                        format!("{n} from elsewhere (device, IP address, saved place)")
                    }
                }
            })
            .collect();
        let all = counted(
            lang,
            s.located,
            ("lieu", "lieux"),
            ("location", "locations"),
        );
        let sources = list_and(lang, &sources);
        let in_all = match lang {
            Lang::Fr => " En tout, ",
            Lang::En => " In all, ",
        };
        out = format!("{out}{in_all}{all}{} {sources}.", super::colon(lang));
    }
    if s.ip_events > 0 {
        let n = counted(
            lang,
            s.ip_events,
            ("action", "actions"),
            ("action", "actions"),
        );
        let addresses = counted(
            lang,
            s.ip_count,
            ("adresse", "adresses"),
            ("address", "addresses"),
        );
        let sentence = match (lang, part > 0) {
            (Lang::Fr, true) => format!(" Il a aussi noté l'adresse IP de {n} ({addresses})."),
            (Lang::En, true) => format!(" It also noted the IP address of {n} ({addresses})."),
            (Lang::Fr, false) => format!("Google a noté l'adresse IP de {n} ({addresses})."),
            (Lang::En, false) => format!("Google noted the IP address of {n} ({addresses})."),
        };
        out.push_str(&sentence);
    }
    out
}

/// "The sites you visited most, out of 312: wikipedia.org (120 visits), lemonde.fr (80 visits)…"
pub fn sites(lang: Lang, domains: &[(String, u64)], count: u64) -> String {
    let shown: Vec<String> = domains
        .iter()
        .map(|(d, n)| format!("{d} ({})", kind_count(lang, ActivityKind::Visit, *n)))
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let count = format_count(lang, count);
    match lang {
        Lang::Fr => {
            format!("Les sites que vous avez le plus visités, parmi {count}\u{a0}: {listed}.")
        }
        Lang::En => format!("The sites you visited most, out of {count}: {listed}."),
    }
}

/// "Of your 3,210 actions on Google, 1% fall between 2:00 and 7:00 (Paris time): …"
pub fn rhythm(lang: Lang, total: u64, quiet: Option<(u8, u8, u8)>, busiest: (usize, u8)) -> String {
    let n = counted(lang, total, ("action", "actions"), ("action", "actions"));
    rhythm_of(lang, "Google", &n, quiet, busiest)
}

/// The line under an activity file's name: what was read from it.
pub fn summary_line(lang: Lang, s: &ActivitySummary) -> String {
    if s.events == 0 {
        return match lang {
            Lang::Fr => "Aucune action datée".to_owned(),
            Lang::En => "No dated action".to_owned(),
        };
    }
    let mut parts = vec![counted(
        lang,
        s.events,
        ("action", "actions"),
        ("action", "actions"),
    )];
    if s.searches > 0 {
        parts.push(kind_count(lang, ActivityKind::Search, s.searches));
    }
    if s.domain_count > 0 {
        parts.push(counted(
            lang,
            s.domain_count,
            ("site", "sites"),
            ("site", "sites"),
        ));
    }
    parts.join(" · ")
}

/// How each activity finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "activity_volume") => {
            "Chaque entrée datée du fichier compte une fois, rangée par produit (tel que Google \
             l'écrit) et par nature, d'après le verbe de son titre («\u{a0}Vous avez \
             recherché\u{a0}», «\u{a0}A consulté\u{a0}», «\u{a0}Searched for\u{a0}»…). Les \
             termes recherchés ne sont ni gardés ni montrés, seulement comptés. Une entrée dont \
             un détail dit «\u{a0}From Google Ads\u{a0}» vient d'une publicité."
        }
        (Lang::En, "activity_volume") => {
            "Each dated entry in the file counts once, by product (as Google writes it) and by \
             kind, from the verb of its title (\"Searched for\", \"Visited\", \"Vous avez \
             recherché\"…). Search terms are neither kept nor shown, only counted. An entry with \
             a \"From Google Ads\" detail came from an ad."
        }
        (Lang::Fr, "activity_located") => {
            "Google joint à certaines entrées une zone approximative («\u{a0}locationInfos\u{a0}», \
             «\u{a0}À cet endroit approximatif\u{a0}») et dit d'où il la tient\u{a0}: votre \
             historique des positions, votre activité passée, votre appareil ou une adresse IP. \
             La part compte les recherches qui en portent une\u{a0}; les adresses IP viennent des \
             détails des entrées."
        }
        (Lang::En, "activity_located") => {
            "Google attaches a rough area to some entries (\"locationInfos\", \"At this general \
             area\") and says where it got it: your Location History, your past activity, your \
             device or an IP address. The share counts the searches that carry one; IP \
             addresses come from the entries' details."
        }
        (Lang::Fr, "activity_sites") => {
            "Seules les visites comptent (pas les recherches ni les vidéos)\u{a0}: pour chacune, \
             le nom de domaine du site, sans «\u{a0}www.\u{a0}», ni le reste de l'adresse\u{a0}; \
             pour les liens de Google («\u{a0}/url?q=\u{a0}»), le site vers lequel ils mènent."
        }
        (Lang::En, "activity_sites") => {
            "Only visits count (not searches nor videos): for each, the site's domain name, \
             without \"www.\" or the rest of the address; for Google's links (\"/url?q=\"), the \
             site they lead to."
        }
        (Lang::Fr, "activity_hours") => {
            "Chaque action est placée à son jour et à son heure, à l'heure de Paris. Les heures \
             creuses sont la plus longue suite d'au moins trois heures qui comptent chacune moins \
             du quart d'une part égale (1/96 des actions)\u{a0}; il en faut au moins 50 pour en \
             parler."
        }
        (Lang::En, "activity_hours") => {
            "Each action is placed at its weekday and hour, in Paris time. The quiet hours are \
             the longest run of at least three hours that each hold less than a quarter of an \
             even share (1/96 of the actions); it takes at least 50 actions to speak of them."
        }
        _ => return None,
    })
}
