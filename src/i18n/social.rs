//! What social and advertising files reveal, in French and English (issue 8).

use super::{clock, first_and_others, format_count, list_and, percent, weekday_name, Lang};
use crate::model::social::{Detail, Platform, Relation, SocialSummary, Special};

/// Names listed in a sentence at most; the rest are counted.
const SHOWN: usize = 5;

/// `n` and a noun, singular or plural: "1 interest", "8 interests".
pub(crate) fn counted(lang: Lang, n: u64, fr: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    let noun = if n == 1 { one } else { many };
    format!("{}\u{a0}{noun}", format_count(lang, n))
}

/// The first names, then how many more.
pub(crate) fn names(lang: Lang, names: &[&str]) -> String {
    first_and_others(
        lang,
        names.iter().map(|n| (*n).to_owned()).collect(),
        SHOWN,
        ("autre", "autres"),
        ("other", "others"),
    )
}

/// A special category's name: "health" / "santé".
pub fn special_name(lang: Lang, special: Special) -> &'static str {
    match (lang, special) {
        (Lang::Fr, Special::Health) => "santé",
        (Lang::En, Special::Health) => "health",
        (Lang::Fr, Special::Religion) => "religion ou convictions",
        (Lang::En, Special::Religion) => "religion or beliefs",
        (Lang::Fr, Special::Politics) => "opinions politiques",
        (Lang::En, Special::Politics) => "political opinions",
        (Lang::Fr, Special::Sexuality) => "vie ou orientation sexuelle",
        (Lang::En, Special::Sexuality) => "sex life or sexual orientation",
        (Lang::Fr, Special::Ethnicity) => "origine raciale ou ethnique",
        (Lang::En, Special::Ethnicity) => "racial or ethnic origin",
        (Lang::Fr, Special::TradeUnion) => "appartenance syndicale",
        (Lang::En, Special::TradeUnion) => "trade union membership",
    }
}

/// "Facebook inferred 8 interests about you to choose the ads it shows you: Château, Konbini,
/// Mont Blanc, Musique de jeu vidéo, Organisation mondiale de la santé and 3 others."
pub fn interests(lang: Lang, platform: Platform, list: &[&str]) -> String {
    let n = counted(
        lang,
        list.len() as u64,
        ("centre d'intérêt", "centres d'intérêt"),
        ("interest", "interests"),
    );
    let who = platform.name();
    let listed = names(lang, list);
    match lang {
        Lang::Fr => format!(
            "{who} vous attribue {n} pour choisir les publicités qu'il vous montre\u{a0}: {listed}."
        ),
        Lang::En => {
            format!("{who} inferred {n} about you to choose the ads it shows you: {listed}.")
        }
    }
}

/// "One of them touches a category of data the GDPR protects most (health): Organisation mondiale
/// de la santé." `total` is the number of interests listed.
pub fn special_interests(lang: Lang, total: usize, found: &[(&str, Special)]) -> String {
    let mut kinds: Vec<Special> = found.iter().map(|(_, s)| *s).collect();
    kinds.sort();
    kinds.dedup();
    let several = kinds.len() > 1;
    let kinds: Vec<&str> = kinds.iter().map(|k| special_name(lang, *k)).collect();
    let kinds = kinds.join(", ");
    let listed = names(lang, &found.iter().map(|(n, _)| *n).collect::<Vec<_>>());
    let n = format_count(lang, found.len() as u64);
    let (what_fr, what_en) = if several {
        (
            "des catégories de données que le RGPD protège le plus",
            "categories of data the GDPR protects most",
        )
    } else {
        (
            "une catégorie de données que le RGPD protège le plus",
            "a category of data the GDPR protects most",
        )
    };
    match (lang, total, found.len()) {
        (Lang::Fr, 1, _) => format!("Il touche {what_fr} ({kinds})\u{a0}: {listed}."),
        (Lang::Fr, _, 1) => format!("L'un d'eux touche {what_fr} ({kinds})\u{a0}: {listed}."),
        (Lang::Fr, _, _) => {
            format!("{n} d'entre eux touchent {what_fr} ({kinds})\u{a0}: {listed}.")
        }
        (Lang::En, 1, _) => format!("It touches {what_en} ({kinds}): {listed}."),
        (Lang::En, _, 1) => format!("One of them touches {what_en} ({kinds}): {listed}."),
        (Lang::En, _, _) => format!("{n} of them touch {what_en} ({kinds}): {listed}."),
    }
}

/// What the advertisers did: how many, and how many of each flag.
pub fn advertisers(
    lang: Lang,
    platform: Platform,
    total: u64,
    (data_file, remarketing, in_store): (u64, u64, u64),
) -> String {
    let who = platform.name();
    let n = counted(
        lang,
        total,
        ("annonceur", "annonceurs"),
        ("advertiser", "advertisers"),
    );
    // What each flag says, for one advertiser and for several.
    let said = [
        (
            data_file,
            (
                "a téléversé une liste qui contient vos coordonnées",
                "ont téléversé une liste qui contient vos coordonnées",
            ),
            (
                "uploaded a list holding your contact details",
                "uploaded a list holding your contact details",
            ),
        ),
        (
            remarketing,
            (
                "vous cible pour ce que vous avez fait sur son site ou son application",
                "vous ciblent pour ce que vous avez fait sur leur site ou leur application",
            ),
            (
                "targets you for what you did on its site or app",
                "target you for what you did on their site or app",
            ),
        ),
        (
            in_store,
            (
                "vous a associé à une visite dans l'un de ses magasins",
                "vous ont associé à une visite dans l'un de leurs magasins",
            ),
            (
                "matched you with a visit to one of its shops",
                "matched you with a visit to one of their shops",
            ),
        ),
    ];
    let parts: Vec<String> = said
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, fr, en)| {
            let (one, many) = match lang {
                Lang::Fr => fr,
                Lang::En => en,
            };
            format!(
                "{} {}",
                format_count(lang, *n),
                if *n == 1 { one } else { many }
            )
        })
        .collect();
    let head = match (lang, total) {
        (Lang::Fr, 1) => format!("{n} utilise votre activité ou vos informations sur {who}"),
        (Lang::Fr, _) => format!("{n} utilisent votre activité ou vos informations sur {who}"),
        (Lang::En, 1) => format!("{n} uses your activity or information on {who}"),
        (Lang::En, _) => format!("{n} use your activity or information on {who}"),
    };
    if parts.is_empty() {
        format!("{head}.")
    } else {
        format!(
            "{head}{} {}.",
            super::colon(lang),
            super::list_and(lang, &parts)
        )
    }
}

/// "They have your contact details: Francis, Tran and Hebert, Hogan Ltd… uploaded a list that
/// contains you."
pub fn contact_lists(lang: Lang, list: &[&str]) -> String {
    let listed = names(lang, list);
    match (lang, list.len()) {
        (Lang::Fr, 1) => format!("Cet annonceur a vos coordonnées\u{a0}: {listed}."),
        (Lang::Fr, _) => format!("Ces annonceurs ont vos coordonnées\u{a0}: {listed}."),
        (Lang::En, 1) => format!("This advertiser has your contact details: {listed}."),
        (Lang::En, _) => format!("These advertisers have your contact details: {listed}."),
    }
}

/// "79 apps and sites told Facebook what you did there: 1,804 events, from 2019-04-01 to
/// 2021-10-30. The most: Activision Publishing (127 events)."
pub fn off_platform(
    lang: Lang,
    platform: Platform,
    apps: u64,
    events: u64,
    span: Option<(&str, &str)>,
    top: (&str, u64),
) -> String {
    let who = platform.name();
    let told = if apps == 1 { "a dit" } else { "ont dit" };
    let apps = counted(
        lang,
        apps,
        ("application ou site", "applications et sites"),
        ("app or site", "apps and sites"),
    );
    let events_n = counted(
        lang,
        events,
        ("événement", "événements"),
        ("event", "events"),
    );
    let top_n = counted(
        lang,
        top.1,
        ("événement", "événements"),
        ("event", "events"),
    );
    let span = span.map_or_else(String::new, |(first, last)| match lang {
        Lang::Fr => format!(", du {first} au {last}"),
        Lang::En => format!(", from {first} to {last}"),
    });
    match lang {
        Lang::Fr => format!(
            "{apps} {told} à {who} ce que vous y faisiez\u{a0}: {events_n}{span}. Le plus\u{a0}: {} ({top_n}).",
            top.0
        ),
        Lang::En => format!(
            "{apps} told {who} what you did there: {events_n}{span}. The most: {} ({top_n}).",
            top.0
        ),
    }
}

/// "Instagram keeps a record of 12 logins, from 3 devices or browsers and 5 IP addresses, between
/// 2021-03-01 and 2024-05-06. Most often: Chrome (Windows), 8 logins."
pub fn logins(
    lang: Lang,
    platform: Platform,
    (logins, devices, ips): (u64, u64, u64),
    span: Option<(&str, &str)>,
    top: Option<(&str, u64)>,
) -> String {
    let who = platform.name();
    let n = counted(
        lang,
        logins,
        ("connexion", "connexions"),
        ("login", "logins"),
    );
    let mut from = Vec::new();
    if devices > 0 {
        from.push(counted(
            lang,
            devices,
            ("appareil ou navigateur", "appareils ou navigateurs"),
            ("device or browser", "devices or browsers"),
        ));
    }
    if ips > 0 {
        from.push(counted(
            lang,
            ips,
            ("adresse IP", "adresses IP"),
            ("IP address", "IP addresses"),
        ));
    }
    let from = if from.is_empty() {
        String::new()
    } else {
        let list = list_and(lang, &from);
        match lang {
            Lang::Fr => format!(", depuis {list}"),
            Lang::En => format!(", from {list}"),
        }
    };
    let span = span.map_or_else(String::new, |(first, last)| match lang {
        Lang::Fr => format!(", du {first} au {last}"),
        Lang::En => format!(", between {first} and {last}"),
    });
    let top = top.map_or_else(String::new, |(name, n)| {
        let n = counted(lang, n, ("connexion", "connexions"), ("login", "logins"));
        match lang {
            Lang::Fr => format!(" Le plus souvent\u{a0}: {name}, {n}."),
            Lang::En => format!(" Most often: {name}, {n}."),
        }
    });
    match lang {
        Lang::Fr => format!("{who} garde la trace de {n}{from}{span}.{top}"),
        Lang::En => format!("{who} keeps a record of {n}{from}{span}.{top}"),
    }
}

/// "Of your 1,804 dated actions on Facebook, 2% fall between 1:00 and 7:00 (Paris time): you are
/// rarely active then, most likely while you sleep. The busiest hour: Tuesday, 21:00 to 22:00."
/// `quiet`: first hour, hour after the last, share in percent.
pub fn rhythm(
    lang: Lang,
    who: &str,
    total: u64,
    quiet: Option<(u8, u8, u8)>,
    busiest: (usize, u8),
) -> String {
    let n = counted(
        lang,
        total,
        ("action datée", "actions datées"),
        ("dated action", "dated actions"),
    );
    rhythm_of(lang, who, &n, quiet, busiest)
}

/// "The busiest hour: Monday, 12:00 to 13:00."
pub(crate) fn busiest_hour(lang: Lang, (day, h): (usize, u8)) -> String {
    let hour = |h: u8| clock(lang, u16::from(h) * 60);
    match lang {
        Lang::Fr => format!(
            "L'heure la plus active\u{a0}: le {} de {} à {}.",
            weekday_name(lang, day),
            hour(h),
            hour(h + 1)
        ),
        Lang::En => format!(
            "The busiest hour: {}, {} to {}.",
            weekday_name(lang, day),
            hour(h),
            hour(h + 1)
        ),
    }
}

/// [`rhythm`]'s sentence, of `n` (counted, with its noun: "1,804 dated actions", "3,210 plays").
pub fn rhythm_of(
    lang: Lang,
    who: &str,
    n: &str,
    quiet: Option<(u8, u8, u8)>,
    busiest: (usize, u8),
) -> String {
    let hour = |h: u8| clock(lang, u16::from(h) * 60);
    let busy = busiest_hour(lang, busiest);
    match (lang, quiet) {
        (Lang::Fr, Some((start, end, share))) => format!(
            "Sur vos {n} sur {who}, {} tombent entre {} et {} (heure de Paris)\u{a0}: vous agissez \
             rarement à ces heures-là, sans doute celles de votre sommeil. {busy}",
            percent(lang, share),
            hour(start),
            hour(end)
        ),
        (Lang::En, Some((start, end, share))) => format!(
            "Of your {n} on {who}, {} fall between {} and {} (Paris time): you are rarely \
             active then, most likely while you sleep. {busy}",
            percent(lang, share),
            hour(start),
            hour(end)
        ),
        (Lang::Fr, None) => format!("{n} de votre part sur {who} (heure de Paris). {busy}"),
        (Lang::En, None) => format!("{n} of yours on {who} (Paris time). {busy}"),
    }
}

/// "Together, Facebook, Instagram and X inferred 240 different interests about you, 12 of them
/// touching categories the GDPR protects most (health, political opinions). 5 were inferred by
/// more than one platform: Cooking, …"
pub fn merged_interests(
    lang: Lang,
    who: &str,
    total: u64,
    special: &[Special],
    shared: &[&str],
) -> String {
    let n = counted(
        lang,
        total,
        ("centre d'intérêt", "centres d'intérêt différents"),
        ("interest", "different interests"),
    );
    let mut kinds: Vec<Special> = special.to_vec();
    kinds.sort();
    kinds.dedup();
    let kinds: Vec<&str> = kinds.iter().map(|k| special_name(lang, *k)).collect();
    let kinds = kinds.join(", ");
    let special_n = format_count(lang, special.len() as u64);
    let touching = match (lang, special.len()) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => format!(
            ", dont un touche une catégorie de données que le RGPD protège le plus ({kinds})"
        ),
        (Lang::En, 1) => format!(", one of them touching a category of data the GDPR protects most ({kinds})"),
        (Lang::Fr, _) => format!(
            ", dont {special_n} touchent des catégories de données que le RGPD protège le plus ({kinds})"
        ),
        (Lang::En, _) => format!(
            ", {special_n} of them touching categories of data the GDPR protects most ({kinds})"
        ),
    };
    let shared_n = format_count(lang, shared.len() as u64);
    let listed = names(lang, shared);
    let shared = match (lang, shared.len()) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => {
            format!(" Un seul vous est attribué par plus d'une plateforme\u{a0}: {listed}.")
        }
        (Lang::En, 1) => format!(" One was inferred by more than one platform: {listed}."),
        (Lang::Fr, _) => {
            format!(" {shared_n} vous sont attribués par plus d'une plateforme\u{a0}: {listed}.")
        }
        (Lang::En, _) => format!(" {shared_n} were inferred by more than one platform: {listed}."),
    };
    match lang {
        Lang::Fr => format!("Ensemble, {who} vous attribuent {n}{touching}.{shared}"),
        Lang::En => format!("Together, {who} inferred {n} about you{touching}.{shared}"),
    }
}

/// "182 different advertisers across Facebook and Instagram; 31 have your contact details. 4
/// appear on more than one platform: …"
pub fn merged_advertisers(
    lang: Lang,
    who: &str,
    total: u64,
    holders: u64,
    shared: &[&str],
) -> String {
    let n = counted(
        lang,
        total,
        ("annonceur", "annonceurs différents"),
        ("advertiser", "different advertisers"),
    );
    let holders_n = format_count(lang, holders);
    let holding = match (lang, holders) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => "\u{a0}; l'un d'eux a vos coordonnées".to_owned(),
        (Lang::En, 1) => "; one of them has your contact details".to_owned(),
        (Lang::Fr, _) => format!("\u{a0}; {holders_n} d'entre eux ont vos coordonnées"),
        (Lang::En, _) => format!("; {holders_n} of them have your contact details"),
    };
    let shared_n = format_count(lang, shared.len() as u64);
    let listed = names(lang, shared);
    let shared = match (lang, shared.len()) {
        (_, 0) => String::new(),
        (Lang::Fr, 1) => format!(" Un seul apparaît sur plus d'une plateforme\u{a0}: {listed}."),
        (Lang::En, 1) => format!(" One appears on more than one platform: {listed}."),
        (Lang::Fr, _) => {
            format!(" {shared_n} apparaissent sur plus d'une plateforme\u{a0}: {listed}.")
        }
        (Lang::En, _) => format!(" {shared_n} appear on more than one platform: {listed}."),
    };
    match lang {
        Lang::Fr => format!("{n} sur {who}{holding}.{shared}"),
        Lang::En => format!("{n} across {who}{holding}.{shared}"),
    }
}

/// Under a table cut short: "… and 2,239 more, all in the report."
pub fn more_rows(lang: Lang, n: u64) -> String {
    let n = format_count(lang, n);
    match lang {
        Lang::Fr => format!("… et {n} de plus, tous dans le rapport."),
        Lang::En => format!("… and {n} more, all in the report."),
    }
}

/// A relation's name, counted: "120 followers", "1 abonné".
pub fn relation(lang: Lang, relation: Relation, n: u64) -> String {
    let (fr, en) = match relation {
        Relation::Friend => (("ami", "amis"), ("friend", "friends")),
        Relation::Follower => (("abonné", "abonnés"), ("follower", "followers")),
        Relation::Following => (
            ("compte suivi", "comptes suivis"),
            ("account followed", "accounts followed"),
        ),
        Relation::Connection => (("relation", "relations"), ("connection", "connections")),
    };
    counted(lang, n, fr, en)
}

/// "Your network on Instagram: 120 followers and 98 accounts followed. The year it grew most:
/// 2021 (45)."
pub fn contacts(
    lang: Lang,
    platform: Platform,
    counts: &[(Relation, u64)],
    busiest_year: Option<(i64, u64)>,
) -> String {
    let who = platform.name();
    let list: Vec<String> = counts.iter().map(|(r, n)| relation(lang, *r, *n)).collect();
    let list = list_and(lang, &list);
    let year = busiest_year.map_or_else(String::new, |(year, n)| {
        let n = format_count(lang, n);
        match lang {
            Lang::Fr => format!(" L'année où il a le plus grandi\u{a0}: {year} ({n})."),
            Lang::En => format!(" The year it grew most: {year} ({n})."),
        }
    });
    match lang {
        Lang::Fr => format!("Votre réseau sur {who}\u{a0}: {list}.{year}"),
        Lang::En => format!("Your network on {who}: {list}.{year}"),
    }
}

/// Labels platforms write in English, in French (the English is kept as written).
const FRENCH_LABELS: &[(&str, &str)] = &[
    // Facebook.
    ("primary location", "lieu principal"),
    ("postcode", "code postal"),
    ("public location", "lieu public"),
    ("last location", "dernière position"),
    ("mobile carrier", "opérateur mobile"),
    // Instagram.
    ("based in", "ville de référence"),
    ("locations of interest", "lieux d'intérêt"),
    // Snapchat.
    ("Cohort Age", "tranche d'âge"),
    (
        "Derived Ad Demographic",
        "profil démographique publicitaire",
    ),
    ("Content Categories", "catégories de contenus"),
    // LinkedIn's ad targeting.
    ("Member Age", "âge"),
    ("Member Gender", "genre"),
    ("Member Traits", "traits"),
    ("Member Skills", "compétences"),
    ("Member Interests", "centres d'intérêt"),
    ("Member Schools", "établissements"),
    ("Member Groups", "groupes"),
    ("Job Titles", "intitulés de poste"),
    ("Job Functions", "fonctions"),
    ("Job Seniorities", "niveaux hiérarchiques"),
    ("Company Names", "entreprises"),
    ("Company Follower of", "entreprises suivies"),
    ("Company Industries", "secteurs d'activité"),
    ("Company Size", "taille d'entreprise"),
    ("Company Category", "catégorie d'entreprise"),
    ("Degrees", "diplômes"),
    ("Fields of Study", "domaines d'études"),
    ("Graduation Year", "année de diplôme"),
    ("Profile Locations", "lieux du profil"),
    ("Years of Experience", "années d'expérience"),
    ("Interface Locales", "langues de l'interface"),
];

/// A label of what a platform inferred, in words where Reflet knows it, else as written.
pub fn inferred_label(lang: Lang, label: &str) -> String {
    if lang == Lang::Fr {
        if let Some((_, fr)) = FRENCH_LABELS.iter().find(|(en, _)| *en == label) {
            return (*fr).to_owned();
        }
    }
    let known = match (lang, label) {
        (Lang::Fr, "age") => "âge",
        (Lang::En, "age") => "age",
        (Lang::Fr, "gender") => "genre",
        (Lang::En, "gender") => "gender",
        (Lang::Fr, "languages") => "langues",
        (Lang::En, "languages") => "languages",
        (Lang::Fr, "audiences") => "audiences publicitaires",
        (Lang::En, "audiences") => "advertising audiences",
        (Lang::Fr, "shows") => "émissions",
        (Lang::En, "shows") => "shows",
        _ => return label.to_owned(),
    };
    known.to_owned()
}

/// "What X inferred about you, as it writes it: age: 18-24; gender: male." The first headings
/// are named, each with its first values; the rest are counted.
pub fn inferences(lang: Lang, platform: Platform, inferred: &[(String, Vec<String>)]) -> String {
    let who = platform.name();
    let (sep, between) = match lang {
        Lang::Fr => ("\u{a0}: ", "\u{a0}; "),
        Lang::En => (": ", "; "),
    };
    let shown: Vec<String> = inferred
        .iter()
        .take(SHOWN)
        .map(|(label, values)| {
            let values = first_and_others(
                lang,
                values.clone(),
                SHOWN,
                ("autre", "autres"),
                ("other", "others"),
            );
            format!("{}{sep}{values}", inferred_label(lang, label))
        })
        .collect();
    let more = inferred.len().saturating_sub(SHOWN) as u64;
    let more = if more == 0 {
        String::new()
    } else {
        let n = counted(
            lang,
            more,
            ("autre rubrique", "autres rubriques"),
            ("more heading", "more headings"),
        );
        match lang {
            Lang::Fr => format!(" (et {n})"),
            Lang::En => format!(" (and {n})"),
        }
    };
    let shown = shown.join(between);
    match lang {
        Lang::Fr => {
            format!("Ce que {who} a déduit de vous, tel qu'il l'écrit\u{a0}: {shown}{more}.")
        }
        Lang::En => format!("What {who} inferred about you, as it writes it: {shown}{more}."),
    }
}

/// "1,234 messages in 12 conversations on Instagram, from 2019-01-01 to 2023-05-06. The busiest
/// holds 456 of them (37%)." No name is said: the list under the sentence names them only when
/// the person asks.
pub fn conversations(
    lang: Lang,
    platform: Platform,
    (messages, conversations): (u64, u64),
    span: Option<(&str, &str)>,
    top: u64,
) -> String {
    let who = platform.name();
    let m = counted(
        lang,
        messages,
        ("message", "messages"),
        ("message", "messages"),
    );
    let c = counted(
        lang,
        conversations,
        ("conversation", "conversations"),
        ("conversation", "conversations"),
    );
    let span = span.map_or_else(String::new, |(first, last)| match lang {
        Lang::Fr => format!(", du {first} au {last}"),
        Lang::En => format!(", from {first} to {last}"),
    });
    let share = percent(
        lang,
        u8::try_from((top * 100 + messages / 2) / messages.max(1)).unwrap_or(100),
    );
    let top_n = format_count(lang, top);
    match (lang, conversations) {
        (Lang::Fr, 1) => format!("{m} dans {c} sur {who}{span}."),
        (Lang::En, 1) => format!("{m} in {c} on {who}{span}."),
        (Lang::Fr, _) => {
            format!("{m} dans {c} sur {who}{span}. La plus fournie en compte {top_n} ({share}).")
        }
        (Lang::En, _) => {
            format!("{m} in {c} on {who}{span}. The busiest holds {top_n} of them ({share}).")
        }
    }
}

/// "X showed you 1,234 ads from 87 advertisers. The most, 120 (10%), came from Brand."
pub fn ads_seen(
    lang: Lang,
    platform: Platform,
    (ads, advertisers): (u64, u64),
    (top, top_ads): (&str, u64),
) -> String {
    let who = platform.name();
    let a = counted(lang, ads, ("publicité", "publicités"), ("ad", "ads"));
    let by = counted(
        lang,
        advertisers,
        ("annonceur", "annonceurs"),
        ("advertiser", "advertisers"),
    );
    let share = percent(
        lang,
        u8::try_from((top_ads * 100 + ads / 2) / ads.max(1)).unwrap_or(100),
    );
    let n = format_count(lang, top_ads);
    match (lang, advertisers) {
        (Lang::Fr, 1) if ads == 1 => format!("{who} vous a montré {a}, payée par {top}."),
        (Lang::En, 1) if ads == 1 => format!("{who} showed you {a}, paid for by {top}."),
        (Lang::Fr, 1) => format!("{who} vous a montré {a}, toutes payées par {top}."),
        (Lang::En, 1) => format!("{who} showed you {a}, all paid for by {top}."),
        (Lang::Fr, _) => format!(
            "{who} vous a montré {a} de {by}. Le plus présent, {top}, en a payé {n} ({share})."
        ),
        (Lang::En, _) => {
            format!("{who} showed you {a} from {by}. The most, {n} ({share}), came from {top}.")
        }
    }
}

/// A kind of personal detail, with its possessive: "your phone number" / "votre numéro de
/// téléphone".
pub fn detail_name(lang: Lang, detail: Detail) -> &'static str {
    match (lang, detail) {
        (Lang::Fr, Detail::Name) => "votre nom",
        (Lang::En, Detail::Name) => "your name",
        (Lang::Fr, Detail::Username) => "votre nom d'utilisateur",
        (Lang::En, Detail::Username) => "your username",
        (Lang::Fr, Detail::Email) => "votre adresse e-mail",
        (Lang::En, Detail::Email) => "your e-mail address",
        (Lang::Fr, Detail::Phone) => "votre numéro de téléphone",
        (Lang::En, Detail::Phone) => "your phone number",
        (Lang::Fr, Detail::BirthDate) => "votre date de naissance",
        (Lang::En, Detail::BirthDate) => "your date of birth",
        (Lang::Fr, Detail::Gender) => "votre genre",
        (Lang::En, Detail::Gender) => "your gender",
        (Lang::Fr, Detail::Address) => "votre adresse ou votre ville",
        (Lang::En, Detail::Address) => "your address or city",
        (Lang::Fr, Detail::Work) => "votre parcours professionnel",
        (Lang::En, Detail::Work) => "your work history",
        (Lang::Fr, Detail::Education) => "vos études",
        (Lang::En, Detail::Education) => "your education",
        (Lang::Fr, Detail::Family) => "votre situation familiale",
        (Lang::En, Detail::Family) => "your family and relationship status",
    }
}

fn details_list(lang: Lang, details: &[Detail]) -> String {
    let names: Vec<String> = details
        .iter()
        .map(|d| detail_name(lang, *d).to_owned())
        .collect();
    list_and(lang, &names)
}

/// "Instagram holds your name, your e-mail address and your date of birth."
pub fn personal_details(lang: Lang, platform: Platform, details: &[Detail]) -> String {
    let who = platform.name();
    let list = details_list(lang, details);
    match lang {
        Lang::Fr => format!("{who} détient {list}."),
        Lang::En => format!("{who} holds {list}."),
    }
}

/// "For advertisers' forms, TikTok keeps your e-mail address and your phone number."
pub fn advertiser_forms(lang: Lang, platform: Platform, details: &[Detail]) -> String {
    let who = platform.name();
    let list = details_list(lang, details);
    match lang {
        Lang::Fr => format!("Pour les formulaires des annonceurs, {who} garde {list}."),
        Lang::En => format!("For advertisers' forms, {who} keeps {list}."),
    }
}

/// The line under a social file's name: what was read from it.
pub fn summary_line(lang: Lang, s: &SocialSummary) -> String {
    let events: u64 = s.off_platform.iter().map(|a| a.events).sum();
    let contacts: u64 = s.contacts.iter().map(|c| c.count).sum();
    let actions = s.rhythm.as_ref().map_or(0, |r| r.total);
    let headings = s.inferred.len() as u64;
    let parts: Vec<String> = [
        (
            s.interests.len() as u64,
            ("centre d'intérêt", "centres d'intérêt"),
            ("interest", "interests"),
        ),
        (
            s.advertisers.len() as u64,
            ("annonceur", "annonceurs"),
            ("advertiser", "advertisers"),
        ),
        (
            events,
            ("événement hors plateforme", "événements hors plateforme"),
            ("off-platform event", "off-platform events"),
        ),
        (s.logins, ("connexion", "connexions"), ("login", "logins")),
        (
            contacts,
            ("relation", "relations"),
            ("relation", "relations"),
        ),
        (s.messages, ("message", "messages"), ("message", "messages")),
        (
            s.ads,
            ("publicité vue", "publicités vues"),
            ("ad shown", "ads shown"),
        ),
        (
            s.details.len() as u64,
            ("donnée de profil", "données de profil"),
            ("profile detail", "profile details"),
        ),
        (
            headings,
            ("déduction", "déductions"),
            ("inference", "inferences"),
        ),
        (
            actions,
            ("action datée", "actions datées"),
            ("dated action", "dated actions"),
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, fr, en)| counted(lang, n, fr, en))
    .collect();
    if parts.is_empty() {
        return match lang {
            Lang::Fr => "Rien de daté ni de nommé".to_owned(),
            Lang::En => "Nothing dated or named".to_owned(),
        };
    }
    parts.join(" · ")
}

/// How each social finding was reached.
#[allow(clippy::too_many_lines)] // one entry a finding and language
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "ad_interests") => {
            "La liste est celle du fichier, telle que la plateforme l'a écrite (ses accents \
             réparés)\u{a0}: ce sont les sujets auxquels elle vous associe pour vendre de la \
             publicité ciblée, déduits de ce que vous regardez, aimez et faites."
        }
        (Lang::En, "ad_interests") => {
            "The list is the file's, as the platform wrote it (its accents repaired): the topics \
             it ties you to in order to sell targeted ads, inferred from what you look at, like \
             and do."
        }
        (Lang::Fr, "special_interests") => {
            "Chaque centre d'intérêt est comparé à un lexique français et anglais de mots liés \
             aux catégories de l'article 9 du RGPD (santé, religion, opinions politiques, vie \
             sexuelle, origine, syndicats). Un mot y correspond entier ou par son début\u{a0}; \
             un intérêt signalé ne dit pas que vous êtes concerné, mais qu'un annonceur peut \
             vous cibler ainsi."
        }
        (Lang::En, "special_interests") => {
            "Each interest is compared with a French and English lexicon of words tied to the \
             categories of Article 9 of the GDPR (health, religion, political opinions, sex \
             life, origin, trade unions). A word matches whole or by its start; a flagged \
             interest does not say it applies to you, but that an advertiser can target you by \
             it."
        }
        (Lang::Fr, "advertisers") => {
            "Chaque annonceur du fichier est compté une fois. Meta note pour chacun\u{a0}: \
             «\u{a0}liste de données\u{a0}» (il a téléversé une liste d'e-mails ou de numéros de \
             téléphone qui vous contient), «\u{a0}reciblage\u{a0}» (il vise les personnes qui ont \
             visité son site ou utilisé son application) et «\u{a0}visite en magasin\u{a0}» (il \
             vous a associé à une visite dans l'une de ses boutiques)."
        }
        (Lang::En, "advertisers") => {
            "Each advertiser in the file counts once. Meta notes for each: \"data file\" (it \
             uploaded a list of e-mail addresses or phone numbers that holds you), \
             \"remarketing\" (it targets people who visited its site or used its app) and \
             \"in-person store visit\" (it matched you with a visit to one of its shops)."
        }
        (Lang::Fr, "contact_lists") => {
            "Les annonceurs marqués «\u{a0}liste de données\u{a0}»\u{a0}: ils avaient votre \
             adresse e-mail ou votre numéro de téléphone avant de les confier à Meta pour vous \
             retrouver. Vous pouvez leur demander d'où ils les tiennent (droit d'accès, \
             article 15 du RGPD)."
        }
        (Lang::En, "contact_lists") => {
            "The advertisers marked \"data file\": they had your e-mail address or phone number \
             before handing them to Meta to find you. You can ask them where they got them \
             (right of access, GDPR Article 15)."
        }
        (Lang::Fr, "off_platform") => {
            "Chaque événement du fichier est compté par application ou site et par type \
             (ouverture de l'application, page vue, achat, recherche…), en écartant les dates \
             impossibles (0, avant 2004). Ce sont les entreprises elles-mêmes qui les envoient \
             à Meta, par ses outils (pixel, SDK), même quand vous n'êtes pas sur la plateforme."
        }
        (Lang::En, "off_platform") => {
            "Each event in the file is counted by app or site and by type (app opened, page \
             viewed, purchase, search…), leaving out impossible dates (0, before 2004). The \
             businesses themselves send them to Meta, through its tools (pixel, SDK), even when \
             you are not on the platform."
        }
        (Lang::Fr, "logins") => {
            "Chaque connexion ou session du fichier est comptée, avec son appareil ou son \
             navigateur (déduit de l'«\u{a0}agent utilisateur\u{a0}» que votre navigateur envoie, \
             ou du modèle écrit par la plateforme) et son adresse IP. Une adresse IP situe \
             approximativement l'endroit où vous étiez\u{a0}: votre fournisseur d'accès peut la \
             relier à votre abonnement."
        }
        (Lang::En, "logins") => {
            "Each login or session in the file is counted, with its device or browser (from the \
             \"user agent\" your browser sends, or the model the platform wrote) and its IP \
             address. An IP address roughly places where you were: your internet provider can \
             tie it to your subscription."
        }
        (Lang::Fr, "activity_rhythm") => {
            "Chaque date du fichier qui marque une action de votre part (connexion, message \
             envoyé, mention J'aime, recherche, vidéo regardée, événement envoyé par une \
             application…) est placée à son jour et à son heure, à l'heure de Paris. Les heures \
             creuses sont la plus longue suite d'au moins trois heures qui comptent chacune \
             moins du quart d'une part égale (1/96 des actions)\u{a0}; il en faut au moins 50 \
             pour en parler. C'est ce que toute plateforme peut lire de vos nuits."
        }
        (Lang::En, "activity_rhythm") => {
            "Every date in the file that marks an action of yours (login, message sent, like, \
             search, video watched, event sent by an app…) is placed at its weekday and hour, in \
             Paris time. The quiet hours are the longest run of at least three hours that each \
             hold less than a quarter of an even share (1/96 of the actions); it takes at least \
             50 actions to speak of them. This is what any platform can read of your nights."
        }
        (Lang::Fr, "contacts") => {
            "Chaque relation du fichier est comptée une fois par sorte (amis, abonnés, comptes \
             suivis, relations), et par année quand le fichier date son début. Aucun nom n'est \
             gardé."
        }
        (Lang::En, "contacts") => {
            "Each relation in the file is counted once by kind (friends, followers, accounts \
             followed, connections), and by year when the file dates its start. No name is kept."
        }
        (Lang::Fr, "platform_inferences") => {
            "Ces rubriques et ces valeurs sont celles du fichier, telles que la plateforme les \
             écrit (seuls quelques intitulés sont traduits)\u{a0}: c'est ce qu'elle a déduit de \
             vous, ou ce qu'elle propose aux annonceurs pour vous cibler."
        }
        (Lang::En, "platform_inferences") => {
            "These headings and values are the file's, as the platform writes them (only a few \
             headings are translated): what it inferred about you, or offers advertisers to \
             target you by."
        }
        (Lang::Fr, "ads_seen") => {
            "Chaque publicité du fichier est comptée une fois, avec l'annonceur qui l'a payée. \
             Le fichier dit aussi pourquoi elle vous a visé\u{a0}: les critères sont dans le \
             rapport."
        }
        (Lang::En, "ads_seen") => {
            "Each ad in the file counts once, with the advertiser who paid for it. The file also \
             says why it reached you: the criteria are in the report."
        }
        (Lang::Fr, "personal_details") => {
            "Les rubriques remplies des fichiers de profil et de compte sont reconnues par leur \
             intitulé, en français ou en anglais. Seule la sorte de donnée est notée\u{a0}: \
             Reflet n'en recopie jamais la valeur."
        }
        (Lang::En, "personal_details") => {
            "The filled-in fields of the profile and account files are recognised by their \
             heading, in French or English. Only the kind of detail is noted: Reflet never \
             copies its value."
        }
        (Lang::Fr, "advertiser_forms") => {
            "Ces rubriques sont celles que la plateforme garde pour les formulaires \
             publicitaires (inscription, demande de devis…)\u{a0}: ce que vous avez envoyé à des \
             annonceurs, ou ce qu'elle remplit d'avance pour eux. Seule la sorte de donnée est \
             notée."
        }
        (Lang::En, "advertiser_forms") => {
            "These fields are those the platform keeps for advertisers' forms (sign-ups, quote \
             requests…): what you sent advertisers, or what it fills in for them in advance. \
             Only the kind of detail is noted."
        }
        (Lang::Fr, "conversations") => {
            "Les messages sont comptés par conversation, sans jamais lire leur contenu. Les noms \
             des conversations restent masqués tant que vous ne demandez pas à les voir."
        }
        (Lang::En, "conversations") => {
            "Messages are counted by conversation, without ever reading their content. The \
             conversations' names stay hidden until you ask to see them."
        }
        (Lang::Fr, "merged_interests") => {
            "Les centres d'intérêt de tous vos fichiers sont réunis\u{a0}: un même nom (sans \
             tenir compte des majuscules ni des espaces) compte une fois, avec les plateformes \
             qui vous l'attribuent. Chacun est comparé au lexique des catégories de \
             l'article 9 du RGPD."
        }
        (Lang::En, "merged_interests") => {
            "The interests of all your files are put together: one name (ignoring capitals and \
             spaces) counts once, with the platforms that ascribe it to you. Each is compared \
             with the lexicon of GDPR Article 9 categories."
        }
        (Lang::Fr, "merged_advertisers") => {
            "Les annonceurs de tous vos fichiers sont réunis\u{a0}: un même nom compte une fois, \
             ce que chaque fichier en dit est additionné. «\u{a0}Ont vos coordonnées\u{a0}»\u{a0}: \
             ceux qu'un fichier marque comme ayant téléversé une liste qui vous contient."
        }
        (Lang::En, "merged_advertisers") => {
            "The advertisers of all your files are put together: one name counts once, what \
             each file says of it added up. \"Have your contact details\": those a file marks as \
             having uploaded a list that holds you."
        }
        (Lang::Fr, "merged_rhythm") => {
            "Les actions datées de tous vos fichiers sont additionnées, par jour de la semaine \
             et par heure (heure de Paris), et lues comme celles d'un seul fichier. Une même \
             action présente dans deux fichiers compte deux fois."
        }
        (Lang::En, "merged_rhythm") => {
            "The dated actions of all your files are added up, by weekday and hour (Paris time), \
             and read as one file's. An action present in two files counts twice."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_platforms_write_in_english_read_in_french_and_stay_as_written_in_english() {
        assert_eq!(inferred_label(Lang::Fr, "Member Age"), "âge");
        assert_eq!(inferred_label(Lang::En, "Member Age"), "Member Age");
        assert_eq!(inferred_label(Lang::Fr, "age"), "âge");
        assert_eq!(
            inferred_label(Lang::Fr, "Career inferences – Recruiter"),
            "Career inferences – Recruiter"
        );
    }

    #[test]
    fn one_advertiser_one_app_and_one_interest_are_said_in_the_singular() {
        assert_eq!(
            advertisers(Lang::Fr, Platform::Facebook, 1, (1, 1, 0)),
            "1\u{a0}annonceur utilise votre activité ou vos informations sur Facebook\u{a0}: 1 a \
             téléversé une liste qui contient vos coordonnées et 1 vous cible pour ce que vous avez \
             fait sur son site ou son application."
        );
        assert_eq!(
            advertisers(Lang::En, Platform::Instagram, 1, (0, 0, 1)),
            "1\u{a0}advertiser uses your activity or information on Instagram: 1 matched you with a \
             visit to one of its shops."
        );
        assert!(
            off_platform(Lang::Fr, Platform::Instagram, 1, 3, None, ("Vinted", 3))
                .starts_with("1\u{a0}application ou site a dit à Instagram ce que vous y faisiez")
        );
        assert_eq!(
            special_interests(Lang::En, 1, &[("Yoga thérapie", Special::Health)]),
            "It touches a category of data the GDPR protects most (health): Yoga thérapie."
        );
        assert_eq!(
            special_interests(
                Lang::Fr,
                9,
                &[("Islam", Special::Religion), ("Diabète", Special::Health)]
            ),
            "2 d'entre eux touchent des catégories de données que le RGPD protège le plus (santé, \
             religion ou convictions)\u{a0}: Islam et Diabète."
        );
    }
}
