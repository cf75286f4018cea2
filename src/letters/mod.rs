//! "Ask for more": letters that exercise a person's GDPR rights — access (Art. 15), portability
//! (Art. 20), objection (Art. 21) and erasure (Art. 17) — in French and English.
//!
//! The letters follow the spirit of the CNIL's model letters: polite, they cite the articles,
//! identify the person, say exactly what is asked (for access, a copy of the data *and* the
//! information of Art. 15(1) a–h), state the deadline (one month from receipt, extendable by two
//! further months, Art. 12(3)) and that the answer is free (Art. 12(5)), and mention the right to
//! complain to the CNIL or another supervisory authority.
//!
//! Everything here is plain text: the page renders it as text nodes only, never as markup, and
//! nothing is stored or sent. The one place the letter may enter a URL is [`mailto`], which the
//! page offers only after the person has ticked a warning.

pub mod contacts;
pub mod form;
pub mod text;

pub use contacts::{Contact, CONTACTS};

use std::fmt::Write as _;

use crate::i18n::day::month_name;
use crate::i18n::{colon, Lang};

/// A right the letter exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Right {
    Access,
    Portability,
    Objection,
    Erasure,
}

impl Right {
    /// In the order the page offers them.
    pub const ALL: [Right; 4] = [
        Right::Access,
        Right::Portability,
        Right::Objection,
        Right::Erasure,
    ];

    /// The GDPR article that grants it.
    pub fn article(self) -> u8 {
        match self {
            Right::Access => 15,
            Right::Portability => 20,
            Right::Objection => 21,
            Right::Erasure => 17,
        }
    }

    /// A stable identifier, for form values: `"access"`.
    pub fn id(self) -> &'static str {
        match self {
            Right::Access => "access",
            Right::Portability => "portability",
            Right::Objection => "objection",
            Right::Erasure => "erasure",
        }
    }

    /// The right with this identifier.
    pub fn from_id(id: &str) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Its name: "droit d'accès" / "right of access".
    pub fn name(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, Right::Access) => "droit d'accès",
            (Lang::En, Right::Access) => "right of access",
            (Lang::Fr, Right::Portability) => "droit à la portabilité",
            (Lang::En, Right::Portability) => "right to data portability",
            (Lang::Fr, Right::Objection) => "droit d'opposition",
            (Lang::En, Right::Objection) => "right to object",
            (Lang::Fr, Right::Erasure) => "droit à l'effacement",
            (Lang::En, Right::Erasure) => "right to erasure",
        }
    }

    /// What it gets the person, in plain words.
    pub fn plainly(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, Right::Access) => {
                "Savoir ce qu'une entreprise a sur vous\u{a0}: une copie de vos données, d'où elles \
                 viennent, à qui elles ont été données, combien de temps elles sont gardées."
            }
            (Lang::En, Right::Access) => {
                "Find out what a company holds about you: a copy of your data, where it came from, \
                 who it was given to, how long it is kept."
            }
            (Lang::Fr, Right::Portability) => {
                "Récupérer les données que vous lui avez confiées dans un fichier lisible par un \
                 ordinateur, pour les garder ou les emporter ailleurs."
            }
            (Lang::En, Right::Portability) => {
                "Get the data you gave it back in a file a computer can read, to keep it or take \
                 it elsewhere."
            }
            (Lang::Fr, Right::Objection) => {
                "Dire non à la publicité ciblée et au profilage\u{a0}: l'entreprise doit arrêter, \
                 sans que vous ayez à vous justifier."
            }
            (Lang::En, Right::Objection) => {
                "Say no to targeted advertising and profiling: the company must stop, and you need \
                 not give a reason."
            }
            (Lang::Fr, Right::Erasure) => {
                "Faire effacer vos données, et faire prévenir ceux à qui elles ont été transmises."
            }
            (Lang::En, Right::Erasure) => {
                "Have your data erased, and those it was passed on to told so."
            }
        }
    }

    /// The letter's subject.
    pub fn subject(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, Right::Access) => {
                "Demande d'accès à mes données personnelles (article 15 du RGPD)"
            }
            (Lang::En, Right::Access) => "Request for access to my personal data (Article 15 GDPR)",
            (Lang::Fr, Right::Portability) => {
                "Demande de portabilité de mes données personnelles (article 20 du RGPD)"
            }
            (Lang::En, Right::Portability) => {
                "Request for a portable copy of my personal data (Article 20 GDPR)"
            }
            (Lang::Fr, Right::Objection) => {
                "Opposition au traitement de mes données personnelles (article 21 du RGPD)"
            }
            (Lang::En, Right::Objection) => {
                "Objection to the processing of my personal data (Article 21 GDPR)"
            }
            (Lang::Fr, Right::Erasure) => {
                "Demande d'effacement de mes données personnelles (article 17 du RGPD)"
            }
            (Lang::En, Right::Erasure) => {
                "Request for erasure of my personal data (Article 17 GDPR)"
            }
        }
    }
}

/// The person who writes. Every field may be empty: the letter then shows a bracketed prompt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Requester {
    pub name: String,
    /// The postal address, one line per line.
    pub address: String,
    pub email: String,
    /// What identifies the person's account at the company: a login, phone number, username…
    pub account: String,
}

/// The company written to, from [`CONTACTS`] or typed by the person (or prefilled from a
/// finding).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recipient {
    pub name: String,
    /// The postal address's lines, after the name.
    pub postal: Vec<String>,
    pub email: Option<String>,
    pub web_form: Option<String>,
}

impl Recipient {
    /// A listed company, addressed by its legal entity.
    pub fn from_contact(contact: &Contact) -> Recipient {
        Recipient {
            name: contact.legal_entity.to_owned(),
            postal: contact.postal.iter().map(|&l| l.to_owned()).collect(),
            email: contact.email.map(str::to_owned),
            web_form: contact.web_form.map(str::to_owned),
        }
    }

    /// A company the person typed: its name, its postal address (one line per line) and its
    /// e-mail address, each possibly empty.
    pub fn typed(name: &str, address: &str, email: &str) -> Recipient {
        let email = one_line(email);
        Recipient {
            name: one_line(name),
            postal: lines(address),
            email: (!email.is_empty()).then_some(email),
            web_form: None,
        }
    }
}

/// What a finding hands the letter page: the company it names and the sentence that found it
/// ("This advertiser uploaded a list containing you to Facebook (Meta).").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterPrefill {
    pub company: String,
    /// The finding's sentence, in the person's words, in both languages (the letter is written
    /// in the language chosen when it is read); empty when the letter is not opened from one.
    pub context: crate::i18n::Messages,
}

/// A letter, in plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

impl Letter {
    /// The whole letter as one text, for copying: the body already holds the subject line.
    pub fn text(&self) -> &str {
        &self.body
    }
}

/// One line of text: runs of whitespace (newlines included) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The non-empty lines of a multi-line field, each as [`one_line`].
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A field's value, or its bracketed prompt when empty.
fn or_prompt(value: &str, prompt: &str) -> String {
    let value = one_line(value);
    if value.is_empty() {
        prompt.to_owned()
    } else {
        value
    }
}

/// A date in words: "1er mars 2025" / "1 March 2025".
pub fn date_in_words(lang: Lang, (year, month, day): (i32, u32, u32)) -> String {
    let name = month_name(lang, i64::from(month));
    match lang {
        Lang::Fr if day == 1 => format!("1er {name} {year}"),
        _ => format!("{day} {name} {year}"),
    }
}

/// Bracketed prompts for what the person has not typed.
struct Prompts {
    name: &'static str,
    address: &'static str,
    email: &'static str,
    account: &'static str,
    company: &'static str,
    company_address: &'static str,
}

fn prompts(lang: Lang) -> Prompts {
    match lang {
        Lang::Fr => Prompts {
            name: "[votre nom]",
            address: "[votre adresse postale]",
            email: "[votre adresse e-mail]",
            account:
                "[l'adresse e-mail, le téléphone ou l'identifiant sous lequel l'entreprise vous connaît]",
            company: "[nom de l'entreprise]",
            company_address: "[adresse de l'entreprise]",
        },
        Lang::En => Prompts {
            name: "[your name]",
            address: "[your postal address]",
            email: "[your email address]",
            account: "[the email address, phone number or username the company knows you by]",
            company: "[company name]",
            company_address: "[company address]",
        },
    }
}

/// Writes the letter: the sender's and the company's addresses, the date in words, the subject,
/// what is asked and on which article, how to find the person's data, the deadline, that it is
/// free, the right to complain, and the signature. `context` is a finding's sentence: it says
/// why the person writes and, for access, makes the letter ask where the data came from and
/// whom it was shared with. `today` is (year, month, day).
pub fn compose(
    lang: Lang,
    right: Right,
    recipient: &Recipient,
    requester: &Requester,
    context: Option<&str>,
    today: (i32, u32, u32),
) -> Letter {
    let p = prompts(lang);
    let c = colon(lang);
    let name = or_prompt(&requester.name, p.name);
    let mut out: Vec<String> = Vec::new();

    // The sender.
    out.push(name.clone());
    let address = lines(&requester.address);
    if address.is_empty() {
        out.push(p.address.to_owned());
    } else {
        out.extend(address);
    }
    out.push(or_prompt(&requester.email, p.email));
    out.push(String::new());

    // The company.
    out.push(or_prompt(&recipient.name, p.company));
    if !recipient.postal.is_empty() {
        out.extend(recipient.postal.iter().map(|l| one_line(l)));
    } else if let Some(email) = recipient.email.as_deref().filter(|e| !e.trim().is_empty()) {
        out.push(one_line(email));
    } else if recipient.web_form.is_none() {
        out.push(p.company_address.to_owned());
    }
    out.push(String::new());

    let date = date_in_words(lang, today);
    out.push(match lang {
        Lang::Fr => format!("Le {date}"),
        Lang::En => date,
    });
    out.push(String::new());

    let subject = right.subject(lang).to_owned();
    let label = match lang {
        Lang::Fr => "Objet",
        Lang::En => "Subject",
    };
    out.push(format!("{label}{c} {subject}"));
    out.push(String::new());
    out.push(
        match lang {
            Lang::Fr => "Madame, Monsieur,",
            Lang::En => "Dear Sir or Madam,",
        }
        .to_owned(),
    );
    out.push(String::new());

    let context = context.map(one_line).filter(|s| !s.is_empty());
    for paragraph in asked(lang, right, context.as_deref()) {
        out.push(paragraph);
        out.push(String::new());
    }

    let account = or_prompt(&requester.account, p.account);
    out.push(match lang {
        Lang::Fr => format!(
            "Pour retrouver les données me concernant, vous pouvez utiliser{c} {account}. Mes \
             coordonnées figurent en tête de cette lettre\u{a0}; si vous avez besoin de vérifier \
             mon identité, merci de ne me demander que ce qui est nécessaire à cette fin."
        ),
        Lang::En => format!(
            "To find the data about me, you can use: {account}. My contact details are at the top \
             of this letter; if you need to verify my identity, please ask only for what is \
             necessary for that purpose."
        ),
    });
    out.push(String::new());
    for paragraph in closing(lang) {
        out.push(paragraph.to_owned());
        out.push(String::new());
    }
    out.push(name);

    Letter {
        subject,
        body: out.join("\n"),
    }
}

/// The paragraphs that say what is asked, on which articles.
fn asked(lang: Lang, right: Right, context: Option<&str>) -> Vec<String> {
    let mut out = vec![opening(lang, right).to_owned()];
    if let Some(context) = context {
        out.push(match lang {
            Lang::Fr => format!(
                "Ma demande fait suite à ce que j'ai lu dans les données qu'un service m'a \
                 transmises\u{a0}: «\u{a0}{context}\u{a0}»"
            ),
            Lang::En => {
                format!(
                    "I am writing after reading this in the data a service sent me: “{context}”"
                )
            }
        });
        if right == Right::Access {
            out.push(
                match lang {
                    Lang::Fr => {
                        "Je vous demande donc en particulier de m'indiquer d'où proviennent les \
                         données me concernant (articles 14 et 15.1.g du RGPD)\u{a0}: de qui vous \
                         les avez obtenues, à quelle date et par quel moyen, et si vous les avez \
                         transmises ou partagées, et avec qui."
                    }
                    Lang::En => {
                        "I therefore ask you in particular to tell me where the data about me came \
                         from (Articles 14 and 15(1)(g) GDPR): from whom you obtained it, when and \
                         how, and whether you have passed it on or shared it, and with whom."
                    }
                }
                .to_owned(),
            );
        }
    }
    out.extend(details(lang, right).iter().map(|&p| p.to_owned()));
    out
}

/// The first paragraph: the article, and what is asked.
fn opening(lang: Lang, right: Right) -> &'static str {
    match (lang, right) {
        (Lang::Fr, Right::Access) => {
            "En application de l'article 15 du règlement général sur la protection des \
             données (RGPD), je souhaite accéder aux données personnelles me concernant que \
             vous traitez."
        }
        (Lang::En, Right::Access) => {
            "Under Article 15 of the General Data Protection Regulation (GDPR), I wish to \
             access the personal data concerning me that you process."
        }
        (Lang::Fr, Right::Portability) => {
            "En application de l'article 20 du règlement général sur la protection des \
             données (RGPD), je vous demande de me transmettre les données personnelles me \
             concernant que je vous ai fournies, y compris celles issues de mon utilisation de \
             votre service (par exemple mon historique d'activité), dans un format structuré, \
             couramment utilisé et lisible par machine, tel que JSON ou CSV."
        }
        (Lang::En, Right::Portability) => {
            "Under Article 20 of the General Data Protection Regulation (GDPR), I ask you to \
             send me the personal data concerning me that I have provided to you, including \
             the data generated by my use of your service (such as my activity history), in a \
             structured, commonly used and machine-readable format, such as JSON or CSV."
        }
        (Lang::Fr, Right::Objection) => {
            "En application de l'article 21 du règlement général sur la protection des \
             données (RGPD), je m'oppose au traitement de mes données personnelles à des fins \
             de prospection commerciale, y compris au profilage lié à cette prospection \
             (article 21.2). Ce droit est sans condition\u{a0}: mes données ne doivent plus \
             être traitées à ces fins (article 21.3)."
        }
        (Lang::En, Right::Objection) => {
            "Under Article 21 of the General Data Protection Regulation (GDPR), I object to \
             the processing of my personal data for direct marketing purposes, including \
             profiling related to such marketing (Article 21(2)). This right is unconditional: \
             my data must no longer be processed for these purposes (Article 21(3))."
        }
        (Lang::Fr, Right::Erasure) => {
            "En application de l'article 17 du règlement général sur la protection des \
             données (RGPD), je vous demande d'effacer l'ensemble des données personnelles me \
             concernant que vous détenez. Je fonde ma demande sur l'article 17.1, notamment \
             parce que je retire mon consentement lorsque le traitement repose sur lui (point \
             b) et que je m'oppose aux autres traitements (point c)."
        }
        (Lang::En, Right::Erasure) => {
            "Under Article 17 of the General Data Protection Regulation (GDPR), I ask you to \
             erase all the personal data concerning me that you hold. I base my request on \
             Article 17(1), in particular because I withdraw my consent wherever the \
             processing relies on it (point (b)) and object to any other processing (point \
             (c))."
        }
    }
}

/// The paragraphs after the opening (and the finding's): the details of what is asked.
fn details(lang: Lang, right: Right) -> &'static [&'static str] {
    match (lang, right) {
        (Lang::Fr, Right::Access) => &[
            "Je vous remercie de m'adresser une copie de l'ensemble de ces données (article \
             15.3), ainsi que les informations suivantes (article 15.1)\u{a0}:\n\
             - les finalités pour lesquelles vous les traitez\u{a0};\n\
             - les catégories de données concernées\u{a0};\n\
             - les destinataires ou catégories de destinataires à qui elles ont été ou seront \
             communiquées, en particulier hors de l'Union européenne, avec les garanties prévues \
             pour ces transferts (article 15.2)\u{a0};\n\
             - la durée pendant laquelle vous les conserverez ou, à défaut, les critères utilisés \
             pour la fixer\u{a0};\n\
             - l'existence de mes droits de rectification, d'effacement, de limitation et \
             d'opposition, et de mon droit d'introduire une réclamation auprès d'une autorité de \
             contrôle\u{a0};\n\
             - la source de ces données, lorsqu'elles n'ont pas été collectées auprès de \
             moi\u{a0};\n\
             - l'existence d'une prise de décision automatisée, y compris un profilage, et dans ce \
             cas des informations utiles sur la logique suivie, ainsi que l'importance et les \
             conséquences prévues de ce traitement pour moi.",
        ],
        (Lang::En, Right::Access) => &[
            "Please send me a copy of all this data (Article 15(3)), together with the following \
             information (Article 15(1)):\n\
             - the purposes for which you process it;\n\
             - the categories of data concerned;\n\
             - the recipients or categories of recipients to whom it has been or will be \
             disclosed, in particular outside the European Union, with the safeguards for these \
             transfers (Article 15(2));\n\
             - how long you will keep it or, if that is not possible, the criteria used to decide;\n\
             - the existence of my rights to rectification, erasure, restriction and objection, \
             and of my right to lodge a complaint with a supervisory authority;\n\
             - the source of the data, where it was not collected from me;\n\
             - the existence of automated decision-making, including profiling, and in that case \
             meaningful information about the logic involved, and the significance and the \
             envisaged consequences of such processing for me.",
        ],
        (Lang::Fr, Right::Portability) => &[
            "Si une partie de ces données ne peut pas m'être transmise, merci de m'indiquer \
             lesquelles et pour quelle raison.",
        ],
        (Lang::En, Right::Portability) => &[
            "If any of this data cannot be provided, please tell me which, and why.",
        ],
        (Lang::Fr, Right::Objection) => &[
            "Je m'oppose également, pour des raisons tenant à ma situation particulière, à tout \
             autre traitement de mes données fondé sur votre intérêt légitime ou sur une mission \
             d'intérêt public (article 21.1)\u{a0}; si vous souhaitez poursuivre un tel \
             traitement, il vous revient de démontrer des motifs légitimes et impérieux qui \
             prévalent sur mes intérêts, droits et libertés.",
            "Je vous remercie de me confirmer la prise en compte de mon opposition et de \
             m'indiquer les traitements auxquels elle a mis fin.",
        ],
        (Lang::En, Right::Objection) => &[
            "I also object, on grounds relating to my particular situation, to any other \
             processing of my data based on your legitimate interests or on a task carried out \
             in the public interest (Article 21(1)); if you wish to continue any such processing, \
             it is for you to demonstrate compelling legitimate grounds which override my \
             interests, rights and freedoms.",
            "Please confirm that my objection has been taken into account, and tell me which \
             processing it has stopped.",
        ],
        (Lang::Fr, Right::Erasure) => &[
            "Conformément à l'article 19 du RGPD, je vous demande de notifier cet effacement à \
             chacun des destinataires à qui ces données ont été communiquées, et de m'indiquer \
             qui sont ces destinataires. Si vous avez rendu ces données publiques, merci d'en \
             informer également les autres responsables qui les traitent (article 17.2).",
            "Si vous estimez devoir conserver certaines données (article 17.3), merci de \
             m'indiquer lesquelles et sur quel fondement. Je vous remercie de me confirmer \
             l'effacement.",
        ],
        (Lang::En, Right::Erasure) => &[
            "In accordance with Article 19 GDPR, I ask you to communicate this erasure to each \
             recipient to whom this data has been disclosed, and to tell me who these recipients \
             are. If you have made this data public, please also inform the other controllers \
             processing it (Article 17(2)).",
            "If you consider that you must keep some of this data (Article 17(3)), please tell \
             me which, and on what basis. Please confirm the erasure to me.",
        ],
    }
}

/// The deadline, that it is free, the right to complain, and the formula.
fn closing(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Fr => [
            "Vous disposez d'un délai d'un mois à compter de la réception de ma demande pour y \
             répondre. Ce délai peut être prolongé de deux mois, compte tenu de la complexité et \
             du nombre de demandes, à condition de m'en informer dans le premier mois en \
             précisant les motifs de ce report (article 12.3 du RGPD). Votre réponse doit être \
             gratuite (article 12.5).",
            "À défaut de réponse dans ce délai, ou en cas de réponse incomplète, je pourrai \
             introduire une réclamation auprès de la Commission nationale de l'informatique et \
             des libertés (CNIL) ou d'une autre autorité de contrôle (article 77 du RGPD).",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations \
             distinguées.",
        ],
        Lang::En => [
            "You have one month from receipt of my request to answer it. This period may be \
             extended by two further months where necessary, taking into account the complexity \
             and number of requests, provided you inform me within the first month and give the \
             reasons for the delay (Article 12(3) GDPR). Your answer must be free of charge \
             (Article 12(5)).",
            "If I receive no answer within this period, or an incomplete one, I may lodge a \
             complaint with the French data protection authority (CNIL) or another supervisory \
             authority (Article 77 GDPR).",
            "Yours faithfully,",
        ],
    }
}

/// A `mailto:` URL that opens the letter in the person's mail program, addressed to `email`
/// (RFC 6068): everything but the unreserved characters is percent-encoded (UTF-8), and each
/// line break is `%0D%0A`. `None` without an e-mail address.
pub fn mailto(letter: &Letter, email: &str) -> Option<String> {
    let email = email.trim();
    if email.is_empty() || email.contains(char::is_whitespace) {
        return None;
    }
    let mut url = String::from("mailto:");
    for part in email.split('@') {
        if !url.ends_with(':') {
            url.push('@');
        }
        percent_encode(&mut url, part);
    }
    url.push_str("?subject=");
    percent_encode(&mut url, &letter.subject);
    url.push_str("&body=");
    percent_encode(&mut url, &letter.body);
    Some(url)
}

/// Appends `text` percent-encoded: unreserved characters as they are, line breaks (`\n`,
/// `\r\n` or `\r`) as `%0D%0A`, every other byte as `%XX`.
fn percent_encode(out: &mut String, text: &str) {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for byte in normalised.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            b'\n' => out.push_str("%0D%0A"),
            _ => {
                // Writing to a String cannot fail.
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i32, u32, u32) = (2025, 3, 1);

    fn someone() -> Requester {
        Requester {
            name: "Camille Martin".to_owned(),
            address: "12 rue des Lilas\n\n69003 Lyon\n".to_owned(),
            email: "camille@example.org".to_owned(),
            account: "camille.m".to_owned(),
        }
    }

    fn meta() -> Recipient {
        Recipient::from_contact(contacts::find("meta").unwrap())
    }

    #[test]
    fn each_letter_cites_its_article_the_deadline_and_that_it_is_free() {
        for lang in [Lang::Fr, Lang::En] {
            for right in Right::ALL {
                let letter = compose(lang, right, &meta(), &someone(), None, TODAY);
                let body = &letter.body;
                let article = right.article();
                let needles = match lang {
                    Lang::Fr => [
                        format!("l'article {article} du règlement général"),
                        "d'un mois à compter de la réception".to_owned(),
                        "prolongé de deux mois".to_owned(),
                        "(article 12.3 du RGPD)".to_owned(),
                        "gratuite (article 12.5)".to_owned(),
                        "(CNIL)".to_owned(),
                    ],
                    Lang::En => [
                        format!("Article {article} of the General Data Protection Regulation"),
                        "one month from receipt".to_owned(),
                        "two further months".to_owned(),
                        "(Article 12(3) GDPR)".to_owned(),
                        "free of charge (Article 12(5))".to_owned(),
                        "(CNIL)".to_owned(),
                    ],
                };
                for needle in &needles {
                    assert!(
                        body.contains(needle.as_str()),
                        "{lang:?} {right:?}: {needle}\n{body}"
                    );
                }
                assert!(letter.subject.contains(&article.to_string()));
                assert!(
                    body.contains(&letter.subject),
                    "the body repeats the subject"
                );
                assert!(body.contains("Meta Platforms Ireland Limited\nData Protection Officer"));
                assert!(body.contains("camille.m"));
                assert!(body.ends_with("\nCamille Martin"));
                assert!(!body.contains('['), "no prompt when all is typed:\n{body}");
                assert!(!body.contains("\n\n\n"), "no empty gap:\n{body}");
            }
        }
    }

    #[test]
    fn what_each_right_asks_for() {
        let fr = |right| compose(Lang::Fr, right, &meta(), &someone(), None, TODAY).body;
        let en = |right| compose(Lang::En, right, &meta(), &someone(), None, TODAY).body;
        // Access: a copy, and the information of Art. 15(1) a–h.
        for needle in [
            "copy of all this data",
            "purposes",
            "categories of data",
            "recipients",
            "how long you will keep it",
            "source of the data",
            "automated decision-making, including profiling",
            "lodge a complaint",
        ] {
            assert!(en(Right::Access).contains(needle), "{needle}");
        }
        assert!(fr(Right::Access).contains("copie de l'ensemble de ces données"));
        assert!(fr(Right::Access).contains("\u{a0};\n- la source de ces données"));
        assert!(en(Right::Portability).contains("structured, commonly used and machine-readable"));
        assert!(
            fr(Right::Portability).contains("structuré, couramment utilisé et lisible par machine")
        );
        assert!(en(Right::Objection).contains("direct marketing purposes, including profiling"));
        assert!(en(Right::Objection).contains("unconditional"));
        assert!(fr(Right::Objection).contains("prospection commerciale, y compris au profilage"));
        assert!(en(Right::Erasure).contains("Article 17(1)"));
        assert!(en(Right::Erasure).contains("Article 19"));
        assert!(fr(Right::Erasure).contains("l'article 19"));
    }

    #[test]
    fn the_date_is_written_in_words() {
        assert_eq!(date_in_words(Lang::Fr, (2025, 3, 1)), "1er mars 2025");
        assert_eq!(date_in_words(Lang::Fr, (2024, 8, 15)), "15 août 2024");
        assert_eq!(date_in_words(Lang::En, (2025, 3, 1)), "1 March 2025");
        let fr = compose(Lang::Fr, Right::Access, &meta(), &someone(), None, TODAY);
        assert!(fr.body.contains("\nLe 1er mars 2025\n"));
        assert!(fr.body.contains("\nObjet\u{a0}: Demande d'accès"));
        let en = compose(Lang::En, Right::Access, &meta(), &someone(), None, TODAY);
        assert!(en.body.contains("\n1 March 2025\n"));
    }

    #[test]
    fn missing_details_become_prompts() {
        let nobody = Requester::default();
        let unknown = Recipient::typed("  ", "", "");
        let fr = compose(Lang::Fr, Right::Erasure, &unknown, &nobody, None, TODAY).body;
        for prompt in [
            "[votre nom]",
            "[votre adresse postale]",
            "[votre adresse e-mail]",
            "[l'adresse e-mail, le téléphone ou l'identifiant sous lequel l'entreprise vous connaît]",
            "[nom de l'entreprise]",
            "[adresse de l'entreprise]",
        ] {
            assert!(fr.contains(prompt), "{prompt}\n{fr}");
        }
        assert!(fr.starts_with("[votre nom]\n"));
        assert!(fr.ends_with("\n[votre nom]"));
        let en = compose(Lang::En, Right::Access, &unknown, &nobody, None, TODAY).body;
        for prompt in [
            "[your name]",
            "[your postal address]",
            "[your email address]",
            "[company name]",
            "[company address]",
        ] {
            assert!(en.contains(prompt), "{prompt}");
        }
        assert!(!en.contains("\n\n\n"));
        assert!(!en.contains(":  ") && !en.contains(": .") && !en.contains(" ."));
    }

    #[test]
    fn a_typed_company_is_addressed_by_what_is_known() {
        let by_mail = Recipient::typed("Acme\nShoes", "", " dpo@acme.example ");
        assert_eq!(by_mail.name, "Acme Shoes");
        assert_eq!(by_mail.email.as_deref(), Some("dpo@acme.example"));
        let body = compose(Lang::En, Right::Access, &by_mail, &someone(), None, TODAY).body;
        assert!(body.contains("\nAcme Shoes\ndpo@acme.example\n"));
        let by_post = Recipient::typed("Acme", "1 Main St\n\n  Springfield  ", "");
        assert_eq!(by_post.postal, ["1 Main St", "Springfield"]);
        let body = compose(Lang::Fr, Right::Access, &by_post, &someone(), None, TODAY).body;
        assert!(body.contains("\nAcme\n1 Main St\nSpringfield\n"));
        // A listed company known only by its form needs no address prompt.
        let strava = Recipient::from_contact(contacts::find("strava").unwrap());
        let body = compose(Lang::En, Right::Access, &strava, &someone(), None, TODAY).body;
        assert!(!body.contains('['));
    }

    #[test]
    fn a_finding_makes_the_access_letter_ask_where_the_data_came_from() {
        let context = "This advertiser uploaded a list containing you to Facebook (Meta).";
        let acme = Recipient::typed("Acme Shoes", "", "");
        let en = compose(
            Lang::En,
            Right::Access,
            &acme,
            &someone(),
            Some(context),
            TODAY,
        )
        .body;
        assert!(en.contains(&format!("“{context}”")));
        assert!(en.contains("Articles 14 and 15(1)(g)"));
        assert!(en.contains("shared it, and with whom"));
        let fr = compose(
            Lang::Fr,
            Right::Access,
            &acme,
            &someone(),
            Some(context),
            TODAY,
        )
        .body;
        assert!(fr.contains(&format!("«\u{a0}{context}\u{a0}»")));
        assert!(fr.contains("articles 14 et 15.1.g"));
        // Other rights say why, without the access questions.
        let erase = compose(
            Lang::En,
            Right::Erasure,
            &acme,
            &someone(),
            Some(context),
            TODAY,
        )
        .body;
        assert!(erase.contains(context));
        assert!(!erase.contains("15(1)(g)"));
        // No context, or an empty one: no such paragraph.
        for none in [None, Some("  ")] {
            let plain = compose(Lang::En, Right::Access, &acme, &someone(), none, TODAY).body;
            assert!(!plain.contains("I am writing after"));
            assert!(!plain.contains("15(1)(g)"));
        }
    }

    const HOSTILE: &str = "=HYPERLINK(\"http://x\")\n<script>alert(1)</script> & co?\r\n";

    #[test]
    fn a_hostile_name_stays_plain_text() {
        let requester = Requester {
            name: HOSTILE.to_owned(),
            ..someone()
        };
        let letter = compose(Lang::En, Right::Access, &meta(), &requester, None, TODAY);
        let kept = "=HYPERLINK(\"http://x\") <script>alert(1)</script> & co?";
        assert!(letter.body.starts_with(&format!("{kept}\n")));
        assert!(letter.body.ends_with(&format!("\n{kept}")));
    }

    #[test]
    fn mailto_encodes_everything_but_unreserved_characters() {
        let requester = Requester {
            name: HOSTILE.to_owned(),
            ..someone()
        };
        let letter = compose(Lang::Fr, Right::Access, &meta(), &requester, None, TODAY);
        let url = mailto(&letter, "dpo@example.org").unwrap();
        assert!(url.starts_with("mailto:dpo@example.org?subject=Demande%20d%27acc%C3%A8s%20"));
        let query = url.split_once('?').unwrap().1;
        let (subject, body) = query.split_once("&body=").unwrap();
        assert!(subject.starts_with("subject="));
        for part in [&subject["subject=".len()..], body] {
            for raw in [
                '<', '>', '&', '?', '\n', '\r', ' ', '"', '(', '=', '#', '+', '\u{a0}',
            ] {
                assert!(!part.contains(raw), "raw {raw:?} in {part}");
            }
            assert!(part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        }
        assert!(body.starts_with("%3DHYPERLINK%28%22http%3A%2F%2Fx%22%29%20%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20%26%20co%3F%0D%0A"));
        assert!(!body.contains("%0A%0A") && !body.contains("%0D%0D"));
        assert!(
            body.contains("%C2%A0%3A"),
            "the no-break space is UTF-8 encoded"
        );
    }

    #[test]
    fn mailto_needs_an_address_and_encodes_it() {
        let letter = compose(Lang::En, Right::Objection, &meta(), &someone(), None, TODAY);
        assert_eq!(mailto(&letter, ""), None);
        assert_eq!(mailto(&letter, "   "), None);
        assert_eq!(mailto(&letter, "a b@c.d"), None);
        let url = mailto(&letter, "  privacy+eu@example.org ").unwrap();
        assert!(url.starts_with("mailto:privacy%2Beu@example.org?subject=Objection%20to%20"));
        let odd = mailto(&letter, "x?cc=evil@example.org&bcc=y").unwrap();
        assert!(odd.starts_with("mailto:x%3Fcc%3Devil@example.org%26bcc%3Dy?subject="));
    }

    #[test]
    fn rights_have_articles_names_and_ids() {
        let articles: Vec<u8> = Right::ALL.iter().map(|r| r.article()).collect();
        assert_eq!(articles, [15, 20, 21, 17]);
        for right in Right::ALL {
            assert_eq!(Right::from_id(right.id()), Some(right));
            assert_ne!(right.name(Lang::Fr), right.name(Lang::En));
            assert_ne!(right.plainly(Lang::Fr), right.plainly(Lang::En));
        }
        assert_eq!(Right::from_id("nothing"), None);
    }

    #[test]
    fn french_letters_keep_their_no_break_spaces() {
        for right in Right::ALL {
            let letter = compose(
                Lang::Fr,
                right,
                &meta(),
                &someone(),
                Some("Cet annonceur a importé une liste qui vous contient."),
                TODAY,
            );
            for text in [
                letter.body.as_str(),
                right.plainly(Lang::Fr),
                right.subject(Lang::Fr),
            ] {
                for mark in [" :", " ;", " ?", " !", " »", "« "] {
                    assert!(!text.contains(mark), "{right:?}: {mark:?}");
                }
            }
        }
    }
}
