//! What the scanner found, in French and English.

use super::{format_count, list_and, Lang};
use crate::scan::binary::Exif;
use crate::scan::{Category, Found, Shape};

/// A category's noun, singular and plural: "adresse e-mail" / "adresses e-mail".
#[allow(clippy::enum_glob_use, clippy::match_same_arms)] // a catalogue reads best as one table
fn noun(lang: Lang, category: Category) -> (&'static str, &'static str) {
    use Category::*;
    match (lang, category) {
        (Lang::Fr, Email) => ("adresse e-mail", "adresses e-mail"),
        (Lang::En, Email) => ("e-mail address", "e-mail addresses"),
        (Lang::Fr, Phone) => ("numéro de téléphone", "numéros de téléphone"),
        (Lang::En, Phone) => ("phone number", "phone numbers"),
        (Lang::Fr, IpAddress) => ("adresse IP", "adresses IP"),
        (Lang::En, IpAddress) => ("IP address", "IP addresses"),
        (Lang::Fr, Coordinates) => ("position géographique", "positions géographiques"),
        (Lang::En, Coordinates) => ("geographic position", "geographic positions"),
        (Lang::Fr, Iban) => ("IBAN", "IBAN"),
        (Lang::En, Iban) => ("IBAN", "IBANs"),
        (Lang::Fr, Card) => ("numéro de carte bancaire", "numéros de carte bancaire"),
        (Lang::En, Card) => ("payment card number", "payment card numbers"),
        (Lang::Fr, Nir) => ("numéro de sécurité sociale", "numéros de sécurité sociale"),
        (Lang::En, Nir) => (
            "French social security number",
            "French social security numbers",
        ),
        (Lang::Fr, Date) => ("date", "dates"),
        (Lang::En, Date) => ("date", "dates"),
        (Lang::Fr, Url) => ("adresse web", "adresses web"),
        (Lang::En, Url) => ("web address", "web addresses"),
        (Lang::Fr, Tracker) => (
            "adresse de pisteur publicitaire",
            "adresses de pisteurs publicitaires",
        ),
        (Lang::En, Tracker) => (
            "tracker or ad network address",
            "tracker or ad network addresses",
        ),
        (Lang::Fr, MacAddress) => ("adresse MAC", "adresses MAC"),
        (Lang::En, MacAddress) => ("MAC address", "MAC addresses"),
        (Lang::Fr, DeviceId) => ("identifiant d'appareil", "identifiants d'appareil"),
        (Lang::En, DeviceId) => ("device identifier", "device identifiers"),
    }
}

/// A category's name, as a heading: "Adresses e-mail".
pub fn category_name(lang: Lang, category: Category) -> String {
    let plural = noun(lang, category).1;
    let mut chars = plural.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "3 adresses e-mail", "1 IBAN".
pub fn counted(lang: Lang, category: Category, count: u64) -> String {
    let (one, many) = noun(lang, category);
    let word = if count == 1 { one } else { many };
    format!("{}\u{a0}{word}", format_count(lang, count))
}

/// What a category lets someone learn or do, in one sentence.
#[allow(clippy::enum_glob_use)] // a catalogue reads best as one table
fn stakes(lang: Lang, category: Category) -> &'static str {
    use Category::*;
    match (lang, category) {
        (Lang::Fr, Nir) => "Un numéro de sécurité sociale identifie une personne et dit son sexe, son année et son lieu de naissance.",
        (Lang::En, Nir) => "A social security number identifies one person and tells their sex, year and place of birth.",
        (Lang::Fr, Iban) => "Un IBAN permet de prélever un compte.",
        (Lang::En, Iban) => "An IBAN lets someone debit a bank account.",
        (Lang::Fr, Card) => "Un numéro de carte permet de payer en ligne.",
        (Lang::En, Card) => "A card number lets someone pay online.",
        (Lang::Fr, Coordinates) => "Des positions disent où vous étiez.",
        (Lang::En, Coordinates) => "Positions tell where you were.",
        (Lang::Fr, Email) => "Des adresses e-mail permettent de vous joindre, vous ou vos contacts.",
        (Lang::En, Email) => "E-mail addresses let someone reach you or your contacts.",
        (Lang::Fr, Phone) => "Des numéros de téléphone permettent de vous joindre, vous ou vos contacts.",
        (Lang::En, Phone) => "Phone numbers let someone reach you or your contacts.",
        (Lang::Fr, IpAddress) => "Des adresses IP disent à peu près d'où vous vous connectiez.",
        (Lang::En, IpAddress) => "IP addresses tell roughly where you connected from.",
        (Lang::Fr, Tracker) => "Des sociétés de pistage ou de publicité apparaissent dans ce fichier.",
        (Lang::En, Tracker) => "Tracking or advertising companies appear in this file.",
        (Lang::Fr, DeviceId) => "Des identifiants d'appareil permettent de vous reconnaître d'une application à l'autre.",
        (Lang::En, DeviceId) => "Device identifiers let apps recognise you from one to the next.",
        (Lang::Fr, MacAddress) => "Des adresses MAC identifient vos appareils et ceux qu'ils ont croisés.",
        (Lang::En, MacAddress) => "MAC addresses identify your devices and the ones they met.",
        (Lang::Fr, Date) => "Des dates disent quand vous étiez actif.",
        (Lang::En, Date) => "Dates tell when you were active.",
        (Lang::Fr, Url) => "Des adresses web disent ce que vous avez consulté.",
        (Lang::En, Url) => "Web addresses tell what you looked at.",
    }
}

/// One reason for a file's sensitivity: "2 IBAN. Un IBAN permet de prélever un compte."
pub fn sensitivity_reason(lang: Lang, category: Category, count: u64) -> String {
    format!(
        "{}. {}",
        counted(lang, category, count),
        stakes(lang, category)
    )
}

/// What a file reveals: what it holds, by category, and what the most sensitive lets someone do;
/// for a photo, what its EXIF says.
pub fn reveal_sentence(lang: Lang, shape: &Shape, found: &[Found], photo: Option<&Exif>) -> String {
    if let Some(exif) = photo {
        return photo_sentence(lang, exif);
    }
    if found.is_empty() {
        return match (lang, shape) {
            (Lang::Fr, Shape::Binary(_) | Shape::Data) => {
                "Reflet ne lit pas le contenu de ce type de fichier\u{a0}; il n'y a cherché aucune donnée personnelle.".to_owned()
            }
            (Lang::En, Shape::Binary(_) | Shape::Data) => {
                "Reflet does not read inside this kind of file; it looked for no personal data in it.".to_owned()
            }
            (Lang::Fr, _) => "Reflet n'a trouvé dans ce fichier aucune des données personnelles qu'il sait reconnaître.".to_owned(),
            (Lang::En, _) => "Reflet found none of the personal data it knows how to recognise in this file.".to_owned(),
        };
    }
    let mut items: Vec<String> = found
        .iter()
        .take(5)
        .map(|f| counted(lang, f.category, f.count))
        .collect();
    if found.len() > 5 {
        items.push(
            match lang {
                Lang::Fr => "d'autres données",
                Lang::En => "more",
            }
            .to_owned(),
        );
    }
    let top = found.first().map_or(Category::Date, |f| f.category);
    match lang {
        Lang::Fr => format!(
            "Ce fichier contient {}. {}",
            list_and(lang, &items),
            stakes(lang, top)
        ),
        Lang::En => format!(
            "This file holds {}. {}",
            list_and(lang, &items),
            stakes(lang, top)
        ),
    }
}

fn photo_sentence(lang: Lang, exif: &Exif) -> String {
    let mut parts = Vec::new();
    if let Some(taken) = &exif.taken {
        let day = taken.get(..10).unwrap_or(taken);
        parts.push(match lang {
            Lang::Fr => format!("quand elle a été prise (le {day})"),
            Lang::En => format!("when it was taken ({day})"),
        });
    }
    if let Some(camera) = &exif.camera {
        parts.push(match lang {
            Lang::Fr => format!("avec quel appareil ({camera})"),
            Lang::En => format!("with which device ({camera})"),
        });
    }
    if exif.gps.is_some() {
        parts.push(
            match lang {
                Lang::Fr => "et où, à quelques mètres près, par sa position GPS",
                Lang::En => "and where, to within a few metres, by its GPS position",
            }
            .to_owned(),
        );
    }
    if parts.is_empty() {
        return match lang {
            Lang::Fr => {
                "Les métadonnées de cette photo ne disent ni quand, ni où elle a été prise."
                    .to_owned()
            }
            Lang::En => {
                "This photo's metadata says neither when nor where it was taken.".to_owned()
            }
        };
    }
    let list = match (exif.gps.is_some(), parts.len()) {
        // The position alone: no "and" before it.
        (true, 1) => match lang {
            Lang::Fr => {
                "où elle a été prise, à quelques mètres près, par sa position GPS".to_owned()
            }
            Lang::En => {
                "where it was taken, to within a few metres, by its GPS position".to_owned()
            }
        },
        (true, _) => parts.join(", "),
        (false, _) => list_and(lang, &parts),
    };
    match lang {
        Lang::Fr => format!("Les métadonnées cachées de cette photo disent {list}."),
        Lang::En => format!("This photo's hidden metadata tells {list}."),
    }
}

/// The scanner's labels on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanText {
    Open,
    RawOpen,
    Title,
    Back,
    Sensitivity,
    Low,
    Medium,
    High,
    Found,
    ColumnData,
    ColumnCount,
    ColumnWhere,
    ColumnExamples,
    Structure,
    Path,
    Types,
    Occurrences,
    LongestList,
    Column,
    Filled,
    Element,
    Attributes,
    Lines,
    Encoding,
    Language,
    LongestLine,
    KindOfFile,
    Photo,
    Taken,
    Camera,
    Software,
    GpsPosition,
    ShapeTitle,
    ShapeExplain,
    ShapeDownload,
    ShapePreview,
    CutShort,
    Loading,
    Failed,
}

impl ScanText {
    pub const ALL: &'static [ScanText] = &[
        ScanText::Open,
        ScanText::RawOpen,
        ScanText::Title,
        ScanText::Back,
        ScanText::Sensitivity,
        ScanText::Low,
        ScanText::Medium,
        ScanText::High,
        ScanText::Found,
        ScanText::ColumnData,
        ScanText::ColumnCount,
        ScanText::ColumnWhere,
        ScanText::ColumnExamples,
        ScanText::Structure,
        ScanText::Path,
        ScanText::Types,
        ScanText::Occurrences,
        ScanText::LongestList,
        ScanText::Column,
        ScanText::Filled,
        ScanText::Element,
        ScanText::Attributes,
        ScanText::Lines,
        ScanText::Encoding,
        ScanText::Language,
        ScanText::LongestLine,
        ScanText::KindOfFile,
        ScanText::Photo,
        ScanText::Taken,
        ScanText::Camera,
        ScanText::Software,
        ScanText::GpsPosition,
        ScanText::ShapeTitle,
        ScanText::ShapeExplain,
        ScanText::ShapeDownload,
        ScanText::ShapePreview,
        ScanText::CutShort,
        ScanText::Loading,
        ScanText::Failed,
    ];

    pub fn get(self, lang: Lang) -> &'static str {
        super::pick(lang, self.pair())
    }

    #[allow(clippy::too_many_lines)] // a catalogue reads best as one table
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            ScanText::Open => ("Voir ce qu'il contient", "See what's inside"),
            ScanText::RawOpen => ("Vue brute\u{a0}: tout ce qu'il contient", "Raw view: everything it holds"),
            ScanText::Title => ("Ce que contient", "What's inside"),
            ScanText::Back => ("Revenir à la liste", "Back to the list"),
            ScanText::Sensitivity => ("Sensibilité", "Sensitivity"),
            ScanText::Low => ("faible", "low"),
            ScanText::Medium => ("moyenne", "medium"),
            ScanText::High => ("élevée", "high"),
            ScanText::Found => ("Données personnelles trouvées", "Personal data found"),
            ScanText::ColumnData => ("Donnée", "Data"),
            ScanText::ColumnCount => ("Nombre", "Count"),
            ScanText::ColumnWhere => ("Où", "Where"),
            ScanText::ColumnExamples => ("Exemples masqués", "Masked examples"),
            ScanText::Structure => ("Sa structure, sans aucune valeur", "Its structure, without any value"),
            ScanText::Path => ("Chemin", "Path"),
            ScanText::Types => ("Types", "Types"),
            ScanText::Occurrences => ("Occurrences", "Occurrences"),
            ScanText::LongestList => ("Plus longue liste", "Longest list"),
            ScanText::Column => ("Colonne", "Column"),
            ScanText::Filled => ("Remplie", "Filled"),
            ScanText::Element => ("Élément", "Element"),
            ScanText::Attributes => ("Attributs", "Attributes"),
            ScanText::Lines => ("Lignes", "Lines"),
            ScanText::Encoding => ("Encodage", "Encoding"),
            ScanText::Language => ("Langue", "Language"),
            ScanText::LongestLine => ("Ligne la plus longue", "Longest line"),
            ScanText::KindOfFile => ("Type de fichier", "Kind of file"),
            ScanText::Photo => ("Métadonnées de la photo", "The photo's metadata"),
            ScanText::Taken => ("Prise le", "Taken on"),
            ScanText::Camera => ("Appareil", "Camera"),
            ScanText::Software => ("Logiciel", "Software"),
            ScanText::GpsPosition => ("Position GPS", "GPS position"),
            ScanText::ShapeTitle => ("Aider Reflet à lire ce type de fichier", "Help Reflet read this kind of file"),
            ScanText::ShapeExplain => (
                "Vous pouvez envoyer aux développeurs de Reflet une description de la forme de ce fichier\u{a0}: ses clés, ses types et ses nombres, sans aucune valeur tirée du fichier. Relisez-la avant de l'envoyer\u{a0}; Reflet ne l'envoie jamais lui-même.",
                "You can send Reflet's developers a description of this file's shape: its keys, types and counts, without any value from the file. Read it before you send it; Reflet never sends it itself.",
            ),
            ScanText::ShapeDownload => ("Télécharger la description de sa structure", "Download the description of its structure"),
            ScanText::ShapePreview => ("Lire la description avant de la télécharger", "Read the description before downloading it"),
            ScanText::CutShort => (
                "Ce fichier a plus de chemins que Reflet n'en note\u{a0}: les suivants ne sont pas listés.",
                "This file has more paths than Reflet records: the later ones are not listed.",
            ),
            ScanText::Loading => ("Lecture du fichier…", "Reading the file…"),
            ScanText::Failed => (
                "Ce fichier n'a pas pu être relu\u{a0}: ouvrez-le à nouveau pour le voir.",
                "This file could not be read again: open it again to see it.",
            ),
        }
    }
}

/// A sensitivity level's word.
pub fn level_name(lang: Lang, level: crate::scan::Level) -> &'static str {
    match level {
        crate::scan::Level::Low => ScanText::Low.get(lang),
        crate::scan::Level::Medium => ScanText::Medium.get(lang),
        crate::scan::Level::High => ScanText::High.get(lang),
    }
}

/// A JSON type's name: "texte", "nombre"…
pub fn json_types(lang: Lang, types: &crate::ingest::structure::Types) -> String {
    let names: [(bool, &str, &str); 6] = [
        (types.object, "objet", "object"),
        (types.array, "liste", "list"),
        (types.string, "texte", "text"),
        (types.number, "nombre", "number"),
        (types.bool, "vrai/faux", "true/false"),
        (types.null, "vide", "null"),
    ];
    names
        .iter()
        .filter(|(on, _, _)| *on)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What kind of binary file: "image (jpeg)".
#[allow(clippy::enum_glob_use, clippy::match_same_arms)] // a catalogue reads best as one table
pub fn binary_kind(lang: Lang, binary: &crate::scan::binary::Binary) -> String {
    use crate::scan::binary::MediaKind::*;
    let kind = match (lang, binary.kind) {
        (Lang::Fr, Image) => "image",
        (Lang::En, Image) => "image",
        (Lang::Fr, Video) => "vidéo",
        (Lang::En, Video) => "video",
        (Lang::Fr, Audio) => "son",
        (Lang::En, Audio) => "audio",
        (Lang::Fr, Document) => "document",
        (Lang::En, Document) => "document",
        (Lang::Fr, Archive) => "archive",
        (Lang::En, Archive) => "archive",
        (Lang::Fr, Database) => "base de données",
        (Lang::En, Database) => "database",
        (Lang::Fr, Font) => "police de caractères",
        (Lang::En, Font) => "font",
        (Lang::Fr, Executable) => "programme",
        (Lang::En, Executable) => "program",
    };
    format!("{kind} ({})", binary.format)
}

/// A CSV column's kinds of values, most frequent first: "dates (100 %)".
pub fn column_kinds(lang: Lang, column: &crate::ingest::csv::Column) -> String {
    let kinds = [
        (column.dates, "dates", "dates"),
        (column.integers, "entiers", "integers"),
        (column.decimals, "décimaux", "decimals"),
        (column.text, "texte", "text"),
    ];
    let mut present: Vec<_> = kinds.iter().filter(|k| k.0 > 0).collect();
    present.sort_by_key(|k| std::cmp::Reverse(k.0));
    present
        .iter()
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_both_languages() {
        for text in ScanText::ALL {
            assert!(
                !text.get(Lang::Fr).is_empty() && !text.get(Lang::En).is_empty(),
                "{text:?}"
            );
        }
        for category in Category::ALL {
            assert!(!category_name(Lang::Fr, category).is_empty());
            assert!(sensitivity_reason(Lang::Fr, category, 2).contains('.'));
        }
        assert_eq!(
            counted(Lang::Fr, Category::Email, 1),
            "1\u{a0}adresse e-mail"
        );
        assert_eq!(
            counted(Lang::En, Category::Email, 1234),
            "1,234\u{a0}e-mail addresses"
        );
    }
}
