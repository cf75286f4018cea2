//! The portrait's sentences, in French and English (`analysis::portrait`).

use super::day::long_date;
#[cfg(feature = "money")]
use super::money::amount;
use super::social::counted;
#[cfg(feature = "money")]
use super::trips::{km, mass};
use super::{clock, format_count, list_and, percent, Lang};
#[cfg(feature = "money")]
use crate::model::portrait::CarYear;
use crate::model::portrait::{Knows, Reach};

/// A service's name from its key (the first part of its sources' ids).
pub fn service_name(lang: Lang, key: &str) -> String {
    let name = match key {
        "google" => "Google",
        "youtube" => "YouTube",
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        "whatsapp" => "WhatsApp",
        "x" => "X",
        "tiktok" => "TikTok",
        "snapchat" => "Snapchat",
        "linkedin" => "LinkedIn",
        "spotify" => "Spotify",
        "netflix" => "Netflix",
        "apple" => "Apple",
        "strava" => "Strava",
        "uber" => "Uber",
        "amazon" => "Amazon",
        "chrome" => "Google Chrome",
        "enedis" => "Enedis (Linky)",
        "bank" => match lang {
            Lang::Fr => "votre banque",
            Lang::En => "your bank",
        },
        "geo" => match lang {
            Lang::Fr => "vos traces GPS",
            Lang::En => "your GPS tracks",
        },
        other => return other.to_owned(),
    };
    name.to_owned()
}

fn names(lang: Lang, keys: &[&str]) -> String {
    let names: Vec<String> = keys.iter().map(|k| service_name(lang, k)).collect();
    list_and(lang, &names)
}

/// "Between 1 March 2013 and 4 June 2024, Google, Instagram and Spotify saw you on 1,234 days;
/// on 87 of them, three or more did."
pub fn timeline(
    lang: Lang,
    services: &[&str],
    days: u64,
    by_three: u64,
    span: Option<(&str, &str)>,
) -> String {
    let who = names(lang, services);
    let n = counted(lang, days, ("jour", "jours"), ("day", "days"));
    let when = span.map(|(a, b)| (long_date(lang, a), long_date(lang, b)));
    let mut out = match (lang, when) {
        (Lang::Fr, Some((a, b))) => format!("Du {a} au {b}, {who} vous ont vu {n} différents."),
        (Lang::En, Some((a, b))) => format!("From {a} to {b}, {who} saw you on {n}."),
        (Lang::Fr, None) => format!("{who} vous ont vu {n} différents."),
        (Lang::En, None) => format!("{who} saw you on {n}."),
    };
    if by_three > 0 && services.len() >= 3 {
        let count = format_count(lang, by_three);
        out = match lang {
            Lang::Fr => format!("{out} {count} de ces jours, trois services ou plus vous ont vu."),
            Lang::En => format!("{out} On {count} of them, three services or more did."),
        };
    }
    out
}

/// "Together, these services show you rarely active between 1:00 and 7:00 (2% of what you do
/// on them, Paris time): most likely while you sleep", then which of them reveal it alone, and
/// the busiest hour.
pub fn sleep(
    lang: Lang,
    from: &[&str],
    (start, end, share): (u8, u8, u8),
    reveal: &[&str],
    busiest: (usize, u8),
    meter: Option<(u16, u16)>,
) -> String {
    let hour = |h: u8| clock(lang, u16::from(h % 24) * 60);
    let who = names(lang, from);
    let share = percent(lang, share);
    let together = match lang {
        Lang::Fr => format!(
            "Ensemble, {who} vous montrent rarement actif entre {} et {} (heure de Paris\u{a0}; \
             {share} de ce que vous y faites, chaque service comptant autant)\u{a0}: sans doute les \
             heures de votre sommeil.",
            hour(start),
            hour(end)
        ),
        Lang::En => format!(
            "Together, {who} show you rarely active between {} and {} (Paris time; {share} of \
             what you do on them, each service weighing the same): most likely while you sleep.",
            hour(start),
            hour(end)
        ),
    };
    let alone = match (lang, reveal) {
        (Lang::Fr, []) => "Aucun ne le révèle seul.".to_owned(),
        (Lang::En, []) => "None reveals it alone.".to_owned(),
        (Lang::Fr, [one]) => format!("{} le révèle à lui seul.", names(lang, &[one])),
        (Lang::En, [one]) => format!("{} reveals it on its own.", names(lang, &[one])),
        (Lang::Fr, _) => format!("{} le révèlent chacun à eux seuls.", names(lang, reveal)),
        (Lang::En, _) => format!("{} each reveal it on their own.", names(lang, reveal)),
    };
    let busiest = super::social::busiest_hour(lang, busiest);
    let meter = match (lang, meter) {
        (_, None) => String::new(),
        (Lang::Fr, Some((wake, bed))) => format!(
            " Votre compteur électrique le confirme\u{a0}: votre logement s'endort vers {} et se \
             réveille vers {} en semaine.",
            clock(lang, bed % 1440),
            clock(lang, wake)
        ),
        (Lang::En, Some((wake, bed))) => format!(
            " Your electricity meter agrees: your home goes quiet around {} and wakes up around \
             {} on weekdays.",
            clock(lang, bed % 1440),
            clock(lang, wake)
        ),
    };
    format!("{together} {alone} {busiest}{meter}")
}

/// "In 2024, your car cost you €1,717 in fuel, parking and tolls (your bank statement), and your
/// location history shows 8,400 km by car: about €0.20 a kilometre, and 1.4 t of CO2."
#[cfg(feature = "money")]
pub fn car(lang: Lang, y: &CarYear) -> String {
    let currency = y.currency.as_deref();
    let paid = amount(lang, y.cents, currency, false);
    let per_km = amount(lang, y.cents_per_km, currency, true);
    let (driven, co2) = (km(lang, y.metres), mass(lang, y.grams));
    match lang {
        Lang::Fr => format!(
            "En {}, votre voiture vous a coûté {paid} en carburant, parking et péages (d'après \
             votre relevé), et votre historique de positions montre {driven} en voiture\u{a0}: \
             environ {per_km} par kilomètre, et {co2} de CO2.",
            y.year
        ),
        Lang::En => format!(
            "In {}, your car cost you {paid} in fuel, parking and tolls (from your statement), \
             and your location history shows {driven} by car: about {per_km} a kilometre, and \
             {co2} of CO2.",
            y.year
        ),
    }
}

/// A kind of knowledge: whether a service has it, its French and English label.
type Held = (fn(&Knows) -> bool, &'static str, &'static str);

/// "Where you are: Google (from positions); Netflix and Spotify (from IP addresses). What
/// interests you: Instagram and Spotify. …"
pub fn knows(lang: Lang, knows: &[Knows]) -> String {
    let pick = |f: fn(&Knows) -> bool| -> Vec<&str> {
        knows
            .iter()
            .filter(|k| f(k))
            .map(|k| k.service.as_str())
            .collect()
    };
    let precise = pick(|k| k.location == Some(Reach::Precise));
    let approximate = pick(|k| k.location == Some(Reach::Approximate));
    let mut parts: Vec<String> = Vec::new();
    let mut where_ = Vec::new();
    if !precise.is_empty() {
        where_.push(match lang {
            Lang::Fr => format!("{} (par vos positions)", names(lang, &precise)),
            Lang::En => format!("{} (from your positions)", names(lang, &precise)),
        });
    }
    if !approximate.is_empty() {
        where_.push(match lang {
            Lang::Fr => format!(
                "{} (par vos adresses IP ou pays)",
                names(lang, &approximate)
            ),
            Lang::En => format!(
                "{} (from your IP addresses or countries)",
                names(lang, &approximate)
            ),
        });
    }
    if !where_.is_empty() {
        parts.push(match lang {
            Lang::Fr => format!("Où vous êtes\u{a0}: {}.", where_.join("\u{a0}; ")),
            Lang::En => format!("Where you are: {}.", where_.join("; ")),
        });
    }
    let kinds: [Held; 5] = [
        (
            |k| k.interests,
            "Ce qui vous intéresse",
            "What interests you",
        ),
        (|k| k.contacts, "Qui vous connaissez", "Whom you know"),
        (|k| k.habits, "Quand vous agissez", "When you do things"),
        (|k| k.money, "Ce que vous dépensez", "What you spend"),
        (
            |k| k.health,
            "Votre corps et votre santé",
            "Your body and health",
        ),
    ];
    for (f, fr, en) in kinds {
        let who = pick(f);
        if !who.is_empty() {
            parts.push(match lang {
                Lang::Fr => format!("{fr}\u{a0}: {}.", names(lang, &who)),
                Lang::En => format!("{en}: {}.", names(lang, &who)),
            });
        }
    }
    parts.join(" ")
}

/// How each portrait finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "portrait_timeline") => {
            "Pour chaque service, on réunit les jours (UTC) où l'un de ses fichiers vous montre\u{a0}: \
             une position, une lecture, une action, une connexion, un message. Un jour compte une \
             fois par service, quel que soit le nombre de fichiers."
        }
        (Lang::En, "portrait_timeline") => {
            "For each service, the days (UTC) on which one of its files shows you are put \
             together: a position, a play, an action, a login, a message. A day counts once a \
             service, however many files it has."
        }
        (Lang::Fr, "portrait_sleep") => {
            "Les actions datées de chaque service sont réparties par jour de la semaine et par \
             heure (heure de Paris), puis chaque service est ramené à 1\u{a0}000 points pour peser \
             autant que les autres. Les heures calmes sont la plus longue suite d'au moins trois \
             heures recevant chacune moins du quart d'une part égale. Un service «\u{a0}le révèle \
             seul\u{a0}» si ses propres actions y tombent aussi moins qu'au quart d'une part égale."
        }
        (Lang::En, "portrait_sleep") => {
            "Each service's dated actions are spread by weekday and hour (Paris time), then each \
             service is scaled to 1,000 points so that it weighs as much as the others. The quiet \
             hours are the longest run of at least three hours each getting under a quarter of \
             an even share. A service \"reveals it on its own\" if its own actions also fall \
             there under a quarter of an even share."
        }
        (Lang::Fr, "portrait_car") => {
            "Pour chaque année, on additionne les paiements de carburant, de parking et de péage \
             que vos relevés bancaires nomment (d'après leurs libellés), et on les rapporte aux \
             kilomètres en voiture de votre historique de positions la même année (celui qui en \
             compte le plus, si plusieurs fichiers couvrent les mêmes trajets). L'entretien, \
             l'assurance et l'achat ne sont pas comptés\u{a0}: le vrai coût par kilomètre est plus \
             élevé."
        }
        (Lang::En, "portrait_car") => {
            "For each year, the fuel, parking and toll payments your bank statements name (from \
             their labels) are added up, and set against the kilometres by car in your location \
             history that year (the file with most, when several cover the same trips). Upkeep, \
             insurance and the car itself are not counted: the true cost a kilometre is higher."
        }
        (Lang::Fr, "portrait_knows") => {
            "Ce que chaque service détient, d'après ses fichiers\u{a0}: des positions (précis) ou des \
             adresses IP et pays (approximatif) pour le lieu\u{a0}; des centres d'intérêt, segments \
             marketing, déductions ou artistes écoutés pour les goûts\u{a0}; des amis, abonnés, \
             contacts ou messages pour les relations\u{a0}; un rythme ou une routine pour les \
             habitudes\u{a0}; des paiements pour l'argent\u{a0}; des mesures du corps pour la santé."
        }
        (Lang::En, "portrait_knows") => {
            "What each service holds, from its files: positions (precise) or IP addresses and \
             countries (approximate) for where you are; interests, marketing segments, \
             inferences or artists played for your tastes; friends, followers, contacts or \
             messages for whom you know; a rhythm or routine for your habits; payments for \
             money; body measurements for health."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_groups_services_by_what_they_know() {
        let held = [
            Knows {
                service: "google".into(),
                location: Some(Reach::Precise),
                habits: true,
                ..Knows::default()
            },
            Knows {
                service: "spotify".into(),
                location: Some(Reach::Approximate),
                interests: true,
                habits: true,
                ..Knows::default()
            },
        ];
        assert_eq!(
            knows(Lang::En, &held),
            "Where you are: Google (from your positions); Spotify (from your IP addresses or \
             countries). What interests you: Spotify. When you do things: Google and Spotify."
        );
        assert!(
            knows(Lang::Fr, &held).starts_with("Où vous êtes\u{a0}: Google (par vos positions)")
        );
    }

    #[test]
    fn the_sleep_sentence_names_who_reveals_it() {
        let s = sleep(
            Lang::En,
            &["instagram", "spotify"],
            (1, 7, 2),
            &["spotify"],
            (4, 21),
            Some((405, 1395)),
        );
        assert!(s.starts_with("Together, Instagram and Spotify show you rarely active between"));
        assert!(
            s.ends_with("your home goes quiet around 23:15 and wakes up around 6:45 on weekdays."),
            "{s}"
        );
        assert!(s.contains("Spotify reveals it on its own."), "{s}");
        let s = sleep(
            Lang::Fr,
            &["instagram", "spotify"],
            (1, 7, 2),
            &[],
            (4, 21),
            None,
        );
        assert!(s.contains("Aucun ne le révèle seul."), "{s}");
    }
}
