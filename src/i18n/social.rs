//! What social and advertising files reveal, in French and English (issue 8).

use super::{first_and_others, format_count, Lang};
use crate::model::social::{Platform, Special};

/// Names listed in a sentence at most; the rest are counted.
const SHOWN: usize = 5;

/// `n` and a noun, singular or plural: "1 interest", "8 interests".
fn counted(lang: Lang, n: u64, fr: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    let noun = if n == 1 { one } else { many };
    format!("{}\u{a0}{noun}", format_count(lang, n))
}

/// The first names, then how many more.
fn names(lang: Lang, names: &[&str]) -> String {
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

/// The line under a social file's name: what was read from it.
pub fn summary_line(lang: Lang, interests: u64, advertisers: u64, events: u64) -> String {
    let mut parts = Vec::new();
    if interests > 0 {
        parts.push(counted(
            lang,
            interests,
            ("centre d'intérêt", "centres d'intérêt"),
            ("interest", "interests"),
        ));
    }
    if advertisers > 0 {
        parts.push(counted(
            lang,
            advertisers,
            ("annonceur", "annonceurs"),
            ("advertiser", "advertisers"),
        ));
    }
    if events > 0 {
        parts.push(counted(
            lang,
            events,
            ("événement hors plateforme", "événements hors plateforme"),
            ("off-platform event", "off-platform events"),
        ));
    }
    if parts.is_empty() {
        return match lang {
            Lang::Fr => "Aucune donnée publicitaire".to_owned(),
            Lang::En => "No advertising data".to_owned(),
        };
    }
    parts.join(" · ")
}

/// How each social finding was reached.
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
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
