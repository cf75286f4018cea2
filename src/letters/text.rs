//! The letter page's words, in French and English.

use super::Right;
use crate::i18n::day::month_name;
use crate::i18n::Lang;

/// One of the page's fixed strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterText {
    Title,
    Intro,
    RightsTitle,
    NothingSent,
    FormLabel,
    RightLegend,
    CompanyLegend,
    CompanyLabel,
    CompanyChoose,
    CompanyOther,
    OtherName,
    OtherAddress,
    OtherEmail,
    OtherEmailHint,
    WhyTitle,
    WhyInclude,
    DetailsLegend,
    DetailsNote,
    YourName,
    YourAddress,
    YourEmail,
    YourAccount,
    YourAccountHint,
    WhereTitle,
    WhereForm,
    WhereEmail,
    WherePost,
    WhereNone,
    PolicyLink,
    NewTab,
    LetterTitle,
    LetterLabel,
    SendTitle,
    SendHow,
    Deadline,
    CnilLink,
    Print,
    Copy,
    Copied,
    CopyFailed,
    MailTitle,
    MailWarning,
    MailConsent,
    MailOpen,
    MailNoAddress,
    Clear,
    Cleared,
}

impl LetterText {
    pub const ALL: &'static [LetterText] = &[
        LetterText::Title,
        LetterText::Intro,
        LetterText::RightsTitle,
        LetterText::NothingSent,
        LetterText::FormLabel,
        LetterText::RightLegend,
        LetterText::CompanyLegend,
        LetterText::CompanyLabel,
        LetterText::CompanyChoose,
        LetterText::CompanyOther,
        LetterText::OtherName,
        LetterText::OtherAddress,
        LetterText::OtherEmail,
        LetterText::OtherEmailHint,
        LetterText::WhyTitle,
        LetterText::WhyInclude,
        LetterText::DetailsLegend,
        LetterText::DetailsNote,
        LetterText::YourName,
        LetterText::YourAddress,
        LetterText::YourEmail,
        LetterText::YourAccount,
        LetterText::YourAccountHint,
        LetterText::WhereTitle,
        LetterText::WhereForm,
        LetterText::WhereEmail,
        LetterText::WherePost,
        LetterText::WhereNone,
        LetterText::PolicyLink,
        LetterText::NewTab,
        LetterText::LetterTitle,
        LetterText::LetterLabel,
        LetterText::SendTitle,
        LetterText::SendHow,
        LetterText::Deadline,
        LetterText::CnilLink,
        LetterText::Print,
        LetterText::Copy,
        LetterText::Copied,
        LetterText::CopyFailed,
        LetterText::MailTitle,
        LetterText::MailWarning,
        LetterText::MailConsent,
        LetterText::MailOpen,
        LetterText::MailNoAddress,
        LetterText::Clear,
        LetterText::Cleared,
    ];

    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (fr, en) = self.pair();
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    #[allow(clippy::too_many_lines)] // a catalogue reads best as one table
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            LetterText::Title => ("Demander plus", "Ask for more"),
            LetterText::Intro => (
                "La loi (le RGPD) vous donne des droits sur les données que les entreprises \
                 gardent sur vous. Choisissez ce que vous demandez et à qui\u{a0}: Reflet écrit la \
                 lettre, vous l'envoyez.",
                "The law (the GDPR) gives you rights over the data companies keep about you. \
                 Choose what you ask for and whom to ask: Reflet writes the letter, you send it.",
            ),
            LetterText::RightsTitle => ("Vos quatre droits", "Your four rights"),
            LetterText::NothingSent => (
                "Reflet n'envoie rien et n'enregistre rien\u{a0}: ce que vous tapez reste sur cet \
                 appareil, sert seulement à remplir la lettre et disparaît quand vous quittez la \
                 page.",
                "Reflet sends nothing and stores nothing: what you type stays on this device, only \
                 fills in the letter, and is gone when you leave the page.",
            ),
            LetterText::FormLabel => ("Préparer la lettre", "Prepare the letter"),
            LetterText::RightLegend => ("Que demandez-vous\u{a0}?", "What are you asking for?"),
            LetterText::CompanyLegend => ("À quelle entreprise\u{a0}?", "To which company?"),
            LetterText::CompanyLabel => ("Entreprise", "Company"),
            LetterText::CompanyChoose => ("Choisissez une entreprise", "Choose a company"),
            LetterText::CompanyOther => ("Une autre entreprise…", "Another company…"),
            LetterText::OtherName => ("Nom de l'entreprise", "Company name"),
            LetterText::OtherAddress => (
                "Adresse postale de l'entreprise (si vous la connaissez)",
                "The company's postal address (if you know it)",
            ),
            LetterText::OtherEmail => (
                "Adresse e-mail de l'entreprise pour les données personnelles (si vous la \
                 connaissez)",
                "The company's email address for personal data (if you know it)",
            ),
            LetterText::OtherEmailHint => (
                "Elle figure souvent dans sa politique de confidentialité, à la rubrique «\u{a0}vos \
                 droits\u{a0}» ou «\u{a0}délégué à la protection des données\u{a0}».",
                "It is often in its privacy policy, under \"your rights\" or \"data protection \
                 officer\".",
            ),
            LetterText::WhyTitle => ("Pourquoi vous demandez", "Why you are asking"),
            LetterText::WhyInclude => (
                "Le dire dans la lettre",
                "Say so in the letter",
            ),
            LetterText::DetailsLegend => ("Vos coordonnées", "Your details"),
            LetterText::DetailsNote => (
                "L'entreprise en a besoin pour retrouver vos données et vous répondre. Laissez \
                 vide ce que vous préférez écrire à la main\u{a0}: la lettre montre alors un \
                 espace entre crochets à compléter.",
                "The company needs them to find your data and answer you. Leave empty what you \
                 would rather write by hand: the letter then shows a gap in brackets to fill in.",
            ),
            LetterText::YourName => ("Votre prénom et votre nom", "Your full name"),
            LetterText::YourAddress => ("Votre adresse postale", "Your postal address"),
            LetterText::YourEmail => ("Votre adresse e-mail", "Your email address"),
            LetterText::YourAccount => (
                "Ce qui vous identifie chez cette entreprise",
                "What identifies you at this company",
            ),
            LetterText::YourAccountHint => (
                "L'adresse e-mail, le numéro de téléphone ou le nom d'utilisateur avec lequel vous \
                 vous connectez, ou que l'entreprise connaît.",
                "The email address, phone number or username you log in with, or that the \
                 company knows.",
            ),
            LetterText::WhereTitle => ("Où l'envoyer", "Where to send it"),
            LetterText::WhereForm => (
                "Formulaire de l'entreprise pour les données personnelles",
                "The company's form for personal data",
            ),
            LetterText::WhereEmail => ("Par e-mail", "By email"),
            LetterText::WherePost => ("Par courrier", "By post"),
            LetterText::WhereNone => (
                "Cherchez l'adresse dans la politique de confidentialité de l'entreprise, à la \
                 rubrique «\u{a0}vos droits\u{a0}» ou «\u{a0}délégué à la protection des \
                 données\u{a0}».",
                "Look for the address in the company's privacy policy, under \"your rights\" or \
                 \"data protection officer\".",
            ),
            LetterText::PolicyLink => (
                "sa politique de confidentialité",
                "its privacy policy",
            ),
            LetterText::NewTab => ("(s'ouvre dans un nouvel onglet)", "(opens in a new tab)"),
            LetterText::LetterTitle => ("Votre lettre", "Your letter"),
            LetterText::LetterLabel => ("Texte de la lettre", "The letter's text"),
            LetterText::SendTitle => ("L'envoyer", "Send it"),
            LetterText::SendHow => (
                "Imprimez-la et postez-la (en recommandé avec accusé de réception si possible), \
                 ou copiez-la dans le formulaire ou l'e-mail de l'entreprise. Gardez-en une copie \
                 et notez la date d'envoi.",
                "Print it and post it (by registered post with proof of delivery if you can), or \
                 copy it into the company's form or email. Keep a copy and note the date you sent \
                 it.",
            ),
            LetterText::Deadline => (
                "L'entreprise doit vous répondre gratuitement dans un mois après avoir reçu votre \
                 demande, trois mois au plus si elle vous prévient d'un report. Sans réponse, vous \
                 pouvez porter plainte auprès de la CNIL.",
                "The company must answer you free of charge within one month of receiving your \
                 request, three months at most if it tells you it needs longer. Without an \
                 answer, you can complain to the CNIL, the French data protection authority.",
            ),
            LetterText::CnilLink => (
                "Porter plainte auprès de la CNIL",
                "Complain to the CNIL",
            ),
            LetterText::Print => ("Imprimer la lettre", "Print the letter"),
            LetterText::Copy => ("Copier la lettre", "Copy the letter"),
            LetterText::Copied => (
                "Lettre copiée. Collez-la dans le formulaire ou l'e-mail.",
                "Letter copied. Paste it into the form or email.",
            ),
            LetterText::CopyFailed => (
                "Ce navigateur ne permet pas de copier ici. Sélectionnez le texte de la lettre, \
                 puis copiez-le.",
                "This browser cannot copy here. Select the letter's text, then copy it.",
            ),
            LetterText::MailTitle => (
                "L'ouvrir dans votre messagerie",
                "Open it in your mail program",
            ),
            LetterText::MailWarning => (
                "Pour cela, Reflet met la lettre, avec vos coordonnées, dans un lien «\u{a0}mailto\u{a0}» \
                 qu'il confie à votre programme de messagerie (ou à votre webmail)\u{a0}: ces \
                 informations quittent alors Reflet. Rien n'est envoyé tant que vous n'appuyez pas \
                 sur «\u{a0}Envoyer\u{a0}» dans votre messagerie. Certains programmes coupent les \
                 longues lettres\u{a0}: vérifiez qu'elle est complète.",
                "To do so, Reflet puts the letter, with your details, into a \"mailto\" link that \
                 it hands to your mail program (or webmail): this information then leaves Reflet. \
                 Nothing is sent until you press \"Send\" in your mail program. Some programs cut \
                 long letters short: check that it is complete.",
            ),
            LetterText::MailConsent => (
                "Je comprends que mon programme de messagerie recevra ces informations",
                "I understand that my mail program will receive these details",
            ),
            LetterText::MailOpen => ("Ouvrir dans ma messagerie", "Open in my mail program"),
            LetterText::MailNoAddress => (
                "Aucune adresse e-mail n'est connue pour cette entreprise\u{a0}: utilisez son \
                 formulaire ou la poste, ou indiquez son adresse e-mail plus haut.",
                "No email address is known for this company: use its form or the post, or enter \
                 its email address above.",
            ),
            LetterText::Clear => ("Effacer ce que j'ai saisi", "Clear what I typed"),
            LetterText::Cleared => ("Le formulaire est vide.", "The form is empty."),
        }
    }
}

/// A right as the form offers it: "Droit d'accès (article 15)" / "Right of access (Article 15)".
pub fn right_label(lang: Lang, right: Right) -> String {
    let name = right.name(lang);
    let mut chars = name.chars();
    let name: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let article = right.article();
    match lang {
        Lang::Fr => format!("{name} (article {article})"),
        Lang::En => format!("{name} (Article {article})"),
    }
}

/// Where a listed company's contact comes from: "Adresses relevées en juin 2024 sur" /
/// "Addresses as published in June 2024 on", before the link to the policy; then
/// [`check_before_sending`] after it.
pub fn published(lang: Lang, checked: &str) -> String {
    let month = checked
        .split_once('-')
        .and_then(|(y, m)| Some(format!("{} {y}", month_name(lang, m.parse().ok()?))))
        .unwrap_or_else(|| checked.to_owned());
    match lang {
        Lang::Fr => format!("Adresses telles que publiées en {month} dans"),
        Lang::En => format!("Addresses as published in {month} in"),
    }
}

/// The sentence's end, after the link: "…: check them there before sending."
pub fn check_before_sending(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "\u{a0}: elles ont pu changer depuis, vérifiez-les sur cette page avant d'envoyer."
        }
        Lang::En => ": they may have changed since, so check them on that page before sending.",
    }
}

/// The button under an advertiser that holds the person's contact details.
pub fn ask_them(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Leur demander ce qu'ils détiennent",
        Lang::En => "Ask them what they hold",
    }
}

/// The button under a file, to write to the service that made it.
pub fn ask_service(lang: Lang, service: &str) -> String {
    match lang {
        Lang::Fr => format!("Écrire à {service} pour en savoir plus"),
        Lang::En => format!("Write to {service} to know more"),
    }
}

/// What a letter opened from an advertiser says the person read, in their own words: the
/// finding, about that advertiser.
pub fn uploaded_list(lang: Lang, advertiser: &str, platform: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{advertiser} a téléversé sur {platform} une liste (adresses e-mail ou numéros de \
             téléphone) qui me contient, pour me montrer des publicités."
        ),
        Lang::En => format!(
            "{advertiser} uploaded to {platform} a list (e-mail addresses or phone numbers) that \
             contains me, to show me ads."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for &text in LetterText::ALL {
            assert!(seen.insert(format!("{text:?}")), "{text:?} twice");
            let (fr, en) = text.pair();
            assert!(!fr.is_empty() && !en.is_empty(), "{text:?}");
            assert_ne!(fr, en, "{text:?}");
        }
        let source = include_str!("text.rs");
        let start = source.find("pub enum LetterText {").unwrap();
        let end = start + source[start..].find('}').unwrap();
        let variants = source[start..end]
            .lines()
            .filter(|l| l.trim().ends_with(','))
            .count();
        assert_eq!(variants, LetterText::ALL.len());
    }

    #[test]
    fn french_punctuation_keeps_its_no_break_space() {
        let mut french: Vec<String> = LetterText::ALL
            .iter()
            .map(|t| t.get(Lang::Fr).to_owned())
            .collect();
        french.push(published(Lang::Fr, "2024-06"));
        french.push(check_before_sending(Lang::Fr).to_owned());
        for fr in french {
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(
                    !fr.contains(mark),
                    "{fr:?}: use a no-break space in {mark:?}"
                );
            }
        }
    }

    #[test]
    fn rights_are_labelled_with_their_article() {
        assert_eq!(
            right_label(Lang::Fr, Right::Access),
            "Droit d'accès (article 15)"
        );
        assert_eq!(
            right_label(Lang::En, Right::Erasure),
            "Right to erasure (Article 17)"
        );
    }

    #[test]
    fn the_source_s_month_is_in_words() {
        assert_eq!(
            published(Lang::Fr, "2024-06"),
            "Adresses telles que publiées en juin 2024 dans"
        );
        assert_eq!(
            published(Lang::En, "2024-06"),
            "Addresses as published in June 2024 in"
        );
        assert_eq!(
            published(Lang::En, "soon"),
            "Addresses as published in soon in"
        );
    }
}
