//! The words of the workshop mode (issue 11): the demo persona, the presenter's mask and the end
//! of a session on a shared tablet, in French and English.

use super::{pick, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopText {
    Demo,
    DemoHint,
    Mask,
    MaskedNote,
    EndSession,
    Ended,
    EndedIdle,
    Downloads,
    StillThere,
    Continue,
}

impl WorkshopText {
    pub fn get(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                WorkshopText::Demo => (
                    "Explorer avec une personne fictive",
                    "Explore with a fictional person",
                ),
                WorkshopText::DemoHint => (
                    "Camille Fictive est une habitante inventée de La Rochelle. Ses fichiers \
                     (Google, WhatsApp, banque, Spotify) sont fabriqués sur cet appareil\u{a0}: \
                     aucune donnée réelle, rien n'est téléchargé.",
                    "Camille Fictive is a made-up resident of La Rochelle. Her files (Google, \
                     WhatsApp, bank, Spotify) are made on this device: no real data, nothing is \
                     downloaded.",
                ),
                WorkshopText::Mask => (
                    "Masquer noms et lieux",
                    "Mask names and places",
                ),
                WorkshopText::MaskedNote => (
                    "Mode présentation\u{a0}: les noms, les adresses et les coordonnées exactes \
                     sont masqués, la carte de chaleur et les vues brutes aussi.",
                    "Presenting: names, addresses and exact coordinates are masked, and so are \
                     the heat map and the raw views.",
                ),
                WorkshopText::EndSession => ("Terminer la session", "End session"),
                WorkshopText::Ended => (
                    "Session terminée\u{a0}: tout ce que Reflet avait lu est effacé de cette page.",
                    "Session ended: everything Reflet had read is erased from this page.",
                ),
                WorkshopText::EndedIdle => (
                    "Session terminée après un moment sans activité\u{a0}: tout ce que Reflet \
                     avait lu est effacé de cette page.",
                    "Session ended after a while without activity: everything Reflet had read is \
                     erased from this page.",
                ),
                WorkshopText::StillThere => ("Toujours là\u{a0}?", "Still there?"),
                WorkshopText::Continue => ("Continuer la session", "Continue the session"),
                WorkshopText::Downloads => (
                    "Les fichiers que vous avez téléchargés restent dans le dossier Téléchargements \
                     de l'appareil\u{a0}: supprimez-les avant de le rendre.",
                    "Files you downloaded stay in the device's Downloads folder: delete them \
                     before handing it back.",
                ),
            },
        )
    }
}

/// The idle warning's line: the session ends in `seconds` without a touch.
pub fn idle_left(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "Sans activité, la session se termine dans {seconds}\u{a0}s et tout ce que Reflet a \
             lu sera effacé."
        ),
        Lang::En => format!(
            "With no activity, the session ends in {seconds} s and everything Reflet read will \
             be erased."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_warning_says_the_seconds_left_in_both_languages() {
        assert_eq!(
            idle_left(Lang::En, 25),
            "With no activity, the session ends in 25 s and everything Reflet read will be erased."
        );
        assert_eq!(
            idle_left(Lang::Fr, 5),
            "Sans activité, la session se termine dans 5\u{a0}s et tout ce que Reflet a lu sera \
             effacé."
        );
        assert_eq!(WorkshopText::StillThere.get(Lang::Fr), "Toujours là\u{a0}?");
    }
}
