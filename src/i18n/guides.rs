//! The "Get your data" page's own words, in French and English; the guides' texts are in
//! `sources::guides`.

use super::Lang;

/// A piece of the page's chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Title,
    Intro,
    Json,
    PrintAll,
    Contents,
    Steps,
    Format,
    Takes,
    Tip,
    Reads,
    PrintThis,
    Back,
    NewTab,
    PrintNote,
}

impl Words {
    pub const ALL: &'static [Words] = &[
        Words::Title,
        Words::Intro,
        Words::Json,
        Words::PrintAll,
        Words::Contents,
        Words::Steps,
        Words::Format,
        Words::Takes,
        Words::Tip,
        Words::Reads,
        Words::PrintThis,
        Words::Back,
        Words::NewTab,
        Words::PrintNote,
    ];

    pub fn get(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Words::Title => ("Récupérer vos données", "Get your data"),
            Words::Intro => (
                "Chaque service prépare l'export de vos données à sa façon, en quelques minutes \
                 ou en plusieurs jours, parfois un mois. Faites vos demandes dès maintenant, \
                 quelques jours avant un atelier. Ensuite, Reflet lit le fichier sur votre \
                 appareil\u{a0}: rien ne le quitte.",
                "Each service prepares the export of your data its own way, in a few minutes or \
                 over several days, sometimes a month. Ask now, a few days before a workshop. \
                 Reflet then reads the file on your device: nothing leaves it.",
            ),
            Words::Json => (
                "Quand un service propose plusieurs formats, choisissez JSON\u{a0}: c'est le plus \
                 complet.",
                "When a service offers several formats, choose JSON: it is the most complete.",
            ),
            Words::PrintAll => ("Imprimer tous les guides", "Print all guides"),
            Words::Contents => ("Choisir un service", "Choose a service"),
            Words::Steps => ("Étapes", "Steps"),
            Words::Format => ("Format à choisir", "Format to choose"),
            Words::Takes => ("Délai", "How long it takes"),
            Words::Tip => ("Bon à savoir", "Good to know"),
            Words::Reads => ("Ce que Reflet y lit", "What Reflet reads in it"),
            Words::PrintThis => ("Imprimer ce guide", "Print this guide"),
            Words::Back => (
                "Retour à la liste des services",
                "Back to the list of services",
            ),
            Words::NewTab => ("(nouvel onglet)", "(new tab)"),
            Words::PrintNote => (
                "Ensuite, ouvrez Reflet et ajoutez le fichier\u{a0}: il est lu sur votre \
                 appareil, rien ne le quitte.",
                "Then open Reflet and add the file: it is read on your device, nothing leaves it.",
            ),
        };
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// The link to a service's page says where it leads: "Ouvrir la page officielle sur
/// takeout.google.com".
pub fn official_page(lang: Lang, host: &str) -> String {
    match lang {
        Lang::Fr => format!("Ouvrir la page officielle sur {host}"),
        Lang::En => format!("Open the official page on {host}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_exists_in_both_languages_with_french_spacing() {
        for &w in Words::ALL {
            let (fr, en) = (w.get(Lang::Fr), w.get(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{w:?}");
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(!fr.contains(mark), "{w:?}: {mark:?}");
            }
        }
        assert_eq!(
            official_page(Lang::Fr, "x.com"),
            "Ouvrir la page officielle sur x.com"
        );
    }
}
