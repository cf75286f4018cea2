//! The exports' words, in French and English (issue 10, "reuse").

use super::{format_count, pick, Lang};
use crate::export::What;

/// The words of the export menus and the report's actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportText {
    /// The menu under a file's findings.
    Menu,
    Hint,
    Positions,
    Trips,
    Records,
    Preparing,
    /// The link to the file just written, if the browser held the download back.
    SaveAgain,
    /// Above the file list: the whole report and the printable page.
    ReportTitle,
    ReportHint,
    ReportJson,
    Print,
    /// A chart's own downloads.
    ChartPng,
    ChartSvg,
}

impl ExportText {
    pub fn get(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                ExportText::Menu => ("Réutiliser ces données", "Reuse this data"),
                ExportText::Hint => (
                    "Le fichier est écrit sur votre appareil\u{a0}: rien n'est envoyé. GeoJSON et \
                     GPX s'ouvrent dans les logiciels de cartes (uMap, QGIS, OsmAnd…), CSV dans un \
                     tableur.",
                    "The file is written on your device: nothing is sent. GeoJSON and GPX open in \
                     map software (uMap, QGIS, OsmAnd…), CSV in a spreadsheet.",
                ),
                ExportText::Positions => ("Positions", "Positions"),
                ExportText::Trips => ("Trajets", "Trips"),
                ExportText::Records => ("Tous les enregistrements", "Every record"),
                ExportText::Preparing => ("Préparation du fichier…", "Preparing the file…"),
                ExportText::SaveAgain => (
                    "Pas de téléchargement\u{a0}? L'enregistrer",
                    "No download? Save it",
                ),
                ExportText::ReportTitle => ("Garder et réutiliser", "Keep and reuse"),
                ExportText::ReportHint => (
                    "Le rapport complet, dans un format ouvert (JSON, documenté), ou une page à \
                     imprimer ou à enregistrer en PDF. Chaque fichier a aussi ses propres exports, \
                     sous ce qu'il révèle.",
                    "The whole report, in an open format (JSON, documented), or a page to print \
                     or save as PDF. Each file also has its own exports, under what it reveals.",
                ),
                ExportText::ReportJson => (
                    "Télécharger le rapport (JSON)",
                    "Download the report (JSON)",
                ),
                ExportText::Print => ("Imprimer ou enregistrer en PDF", "Print or save as PDF"),
                ExportText::ChartPng => ("Image PNG", "PNG image"),
                ExportText::ChartSvg => ("Image SVG", "SVG image"),
            },
        )
    }
}

/// What an export holds, as its menu names it.
pub fn what_name(lang: Lang, what: What) -> &'static str {
    match what {
        What::Positions => ExportText::Positions.get(lang),
        What::Trips => ExportText::Trips.get(lang),
        What::Records => ExportText::Records.get(lang),
    }
}

/// The export is downloaded: `Fichier prêt : 1 234 positions (GeoJSON).`
pub fn exported(lang: Lang, what: What, format: &str, count: u64) -> String {
    let n = format_count(lang, count);
    let one = match lang {
        Lang::Fr => count <= 1,
        Lang::En => count == 1,
    };
    let (singular, plural) = match (lang, what) {
        (_, What::Positions) => ("position", "positions"),
        (Lang::Fr, What::Trips) => ("trajet", "trajets"),
        (Lang::En, What::Trips) => ("trip", "trips"),
        (Lang::Fr, What::Records) => ("ligne", "lignes"),
        (Lang::En, What::Records) => ("row", "rows"),
    };
    let things = if one { singular } else { plural };
    match lang {
        Lang::Fr => format!("Fichier {format} enregistré\u{a0}: {n} {things}."),
        Lang::En => format!("{format} file saved: {n} {things}."),
    }
}

/// The export could not be made, and why.
pub fn export_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Fr => format!("Le fichier n'a pas pu être écrit\u{a0}: {why}"),
        Lang::En => format!("The file could not be written: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_both_languages() {
        assert_eq!(
            exported(Lang::Fr, What::Positions, "GeoJSON", 1234),
            "Fichier GeoJSON enregistré\u{a0}: 1\u{202f}234 positions."
        );
        assert_eq!(
            exported(Lang::En, What::Trips, "GPX", 1),
            "GPX file saved: 1 trip."
        );
        assert_eq!(
            exported(Lang::Fr, What::Records, "CSV", 0),
            "Fichier CSV enregistré\u{a0}: 0 ligne."
        );
    }
}
