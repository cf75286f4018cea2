//! The words of contributions and of the facilitator's view (issue 11), in French and English.

use std::fmt::Write as _;

use super::trips::{km, mass};
use super::{format_count, mode_name, pick, Lang};
use crate::contribute::{LeftOut, Row};
use crate::error::ErrorKind;

/// The words of the "share" and "facilitator" pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareText {
    Title,
    Intro,
    NoFile,
    Masked,
    Source,
    PartKm,
    PartCo2,
    PartPlaces,
    ReviewTitle,
    ReviewHint,
    ColumnWhat,
    ColumnWhen,
    ColumnValue,
    ColumnAction,
    Remove,
    Restart,
    Download,
    Downloaded,
    Empty,
    AboutTitle,
    NeverSent,
    FacilitatorTitle,
    FacilitatorIntro,
    FacilitatorFiles,
    FacilitatorK,
    FacilitatorKHint,
    Reading,
    KmTitle,
    CellsTitle,
    ColumnPeople,
    ColumnCell,
    GridAlt,
    NothingShown,
    NavShare,
    NavFacilitate,
}

impl ShareText {
    #[allow(clippy::too_many_lines)] // a table of sentences
    pub fn get(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                ShareText::Title => ("Partager une partie, à vos conditions", "Share a part, on your terms"),
                ShareText::Intro => (
                    "Composez un fichier de contribution sur votre mobilité, pour un atelier, une \
                     étude ou une coopérative de données. Vous choisissez ce qu'il contient, vous \
                     relisez chaque valeur et vous pouvez en retirer. Reflet ne l'envoie jamais\u{a0}: \
                     vous le téléchargez, puis vous décidez à qui le donner.",
                    "Build a contribution file about how you move, for a workshop, a study or a \
                     data cooperative. You choose what it holds, you review every value and can \
                     remove any. Reflet never sends it: you download it, then decide whom to give \
                     it to.",
                ),
                ShareText::NoFile => (
                    "Ouvrez d'abord un historique de positions (Google, Snapchat, GPX…) sur la \
                     page d'accueil\u{a0}: la contribution est faite à partir de ce que Reflet y \
                     a trouvé.",
                    "First open a location history (Google, Snapchat, GPX…) on the home page: the \
                     contribution is made from what Reflet found in it.",
                ),
                ShareText::Masked => (
                    "Mode présentation\u{a0}: les valeurs d'une contribution ne sont pas montrées. \
                     Retirez le masque pour en composer une.",
                    "Presenting: a contribution's values are not shown. Take the mask off to build \
                     one.",
                ),
                ShareText::Source => ("Fichier de départ", "File to start from"),
                ShareText::PartKm => (
                    "Kilomètres par mode de déplacement et par mois",
                    "Kilometres per way of travelling per month",
                ),
                ShareText::PartCo2 => ("CO2 par mois", "CO2 per month"),
                ShareText::PartPlaces => (
                    "Lieux fréquentés, sur une grille de cases d'environ 2\u{a0}km (sans un bloc de \
                     cases autour du domicile et du travail, ni les cases de moins de 1\u{a0}% de \
                     vos positions)",
                    "Places you go, on a grid of cells of about 2 km (without a block of cells \
                     around home and work, nor the cells holding less than 1% of your positions)",
                ),
                ShareText::ReviewTitle => ("Ce que le fichier contiendra", "What the file will hold"),
                ShareText::ReviewHint => (
                    "Chaque ligne du tableau est une valeur du fichier\u{a0}; il ne contient rien \
                     d'autre que ces valeurs, le texte ci-dessous, le mois de sa création et un \
                     identifiant tiré au hasard. Retirez les lignes que vous ne voulez pas \
                     partager\u{a0}: retirer des kilomètres retire aussi leur CO2 du mois.",
                    "Each row of the table is a value of the file; it holds nothing else but these \
                     values, the text below, the month it was made and a random identifier. Remove \
                     the rows you do not want to share: removing kilometres removes their CO2 from \
                     the month too.",
                ),
                ShareText::ColumnWhat => ("Quoi", "What"),
                ShareText::ColumnWhen => ("Quand ou où", "When or where"),
                ShareText::ColumnValue => ("Valeur", "Value"),
                ShareText::ColumnAction => ("Action", "Action"),
                ShareText::Remove => ("Retirer", "Remove"),
                ShareText::Restart => ("Tout remettre", "Put everything back"),
                ShareText::Download => ("Télécharger la contribution", "Download the contribution"),
                ShareText::Downloaded => (
                    "Le fichier est enregistré sur votre appareil, dans vos téléchargements. Rien \
                     n'a été envoyé.",
                    "The file is saved on your device, in your downloads. Nothing was sent.",
                ),
                ShareText::Empty => (
                    "Le fichier ne contiendrait aucune valeur.",
                    "The file would hold no value.",
                ),
                ShareText::AboutTitle => ("Ce que dit le fichier de lui-même", "What the file says about itself"),
                ShareText::NeverSent => (
                    "Reflet n'envoie jamais ce fichier.",
                    "Reflet never sends this file.",
                ),
                ShareText::FacilitatorTitle => ("Vue d'animation", "Facilitator view"),
                ShareText::FacilitatorIntro => (
                    "Chargez les fichiers de contribution des participants pour voir l'image \
                     d'ensemble. Toute valeur ou case tirée de moins de k personnes est retenue\u{a0}: \
                     vous voyez ce qu'une coopérative de données verrait, et rien de plus. Tout \
                     reste sur cet appareil.",
                    "Load the participants' contribution files to see the combined picture. Any \
                     value or cell drawn from fewer than k people is withheld: you see what a data \
                     cooperative would see, and nothing more. Everything stays on this device.",
                ),
                ShareText::FacilitatorFiles => ("Fichiers de contribution", "Contribution files"),
                ShareText::FacilitatorK => (
                    "k, le nombre minimum de personnes",
                    "k, the smallest number of people",
                ),
                ShareText::FacilitatorKHint => (
                    "Au moins 2. Plus k est grand, moins on peut reconnaître quelqu'un.",
                    "At least 2. The larger k is, the harder it is to recognise anyone.",
                ),
                ShareText::Reading => ("Lecture des fichiers…", "Reading the files…"),
                ShareText::KmTitle => ("Kilomètres par mois et par mode", "Kilometres per month and mode"),
                ShareText::CellsTitle => ("Grille des lieux fréquentés", "Grid of places people go"),
                ShareText::ColumnPeople => ("Personnes", "People"),
                ShareText::ColumnCell => ("Case (coin sud-ouest)", "Cell (south-west corner)"),
                ShareText::GridAlt => (
                    "Carte de chaleur des cases montrées\u{a0}: plus une case est foncée, plus de \
                     personnes y vont. Le tableau qui suit donne les mêmes valeurs.",
                    "Heat grid of the cells shown: the darker a cell, the more people go there. \
                     The table that follows gives the same values.",
                ),
                ShareText::NothingShown => (
                    "Rien à montrer\u{a0}: aucune valeur n'est tirée d'au moins k personnes.",
                    "Nothing to show: no value is drawn from at least k people.",
                ),
                ShareText::NavShare => ("Partager", "Share"),
                ShareText::NavFacilitate => ("Animer", "Facilitate"),
            },
        )
    }
}

/// A row of a contribution as the review table shows it: what, when or where, value.
pub fn row_cells(lang: Lang, row: &Row) -> (String, String, String) {
    match row {
        Row::Km { month, mode, km: v } => (
            format!(
                "{} · {}",
                pick(lang, ("Distance", "Distance")),
                mode_name(lang, *mode)
            ),
            month.clone(),
            km(lang, thousandths(*v)),
        ),
        Row::Co2 { month, kg } => (
            pick(lang, ("CO2", "CO2")).to_owned(),
            month.clone(),
            mass(lang, thousandths(*kg)),
        ),
        Row::Cell {
            row,
            col,
            share_pct,
        } => (
            pick(lang, ("Case de la grille", "Grid cell")).to_owned(),
            cell_name(lang, *row, *col),
            match lang {
                Lang::Fr => format!("{share_pct}\u{a0}% de vos positions"),
                Lang::En => format!("{share_pct}% of your positions"),
            },
        ),
    }
}

/// A cell named by its south-west corner: "46,16° N 1,17° O" / "46.16° N 1.17° W".
pub fn cell_name(lang: Lang, row: i64, col: i64) -> String {
    let (sw, _) = Row::cell_bounds(row, col);
    let (north, east) = (sw.lat(), sw.lng());
    let dec = |v: f64| {
        let text = format!("{:.2}", v.abs());
        match lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let ns = if north >= 0.0 { "N" } else { "S" };
    let ew = match (lang, east >= 0.0) {
        (_, true) => "E",
        (Lang::Fr, false) => "O",
        (Lang::En, false) => "W",
    };
    format!("{}°\u{a0}{ns} {}°\u{a0}{ew}", dec(north), dec(east))
}

/// Kilometres or kilograms (one decimal) as metres or grams, for [`km`] and [`mass`].
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small, non-negative
pub fn thousandths(value: f64) -> u64 {
    (value.max(0.0) * 1000.0).round() as u64
}

/// What the file holds and does not hold, as its `about` lines and the page's summary.
pub fn about(lang: Lang, rows: &[Row], left_out: LeftOut, removed: usize) -> Vec<String> {
    let count = |f: fn(&Row) -> bool| rows.iter().filter(|r| f(r)).count() as u64;
    let n_km = count(|r| matches!(r, Row::Km { .. }));
    let n_co2 = count(|r| matches!(r, Row::Co2 { .. }));
    let n_cells = count(|r| matches!(r, Row::Cell { .. }));
    let months: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Km { month, .. } | Row::Co2 { month, .. } => Some(month.as_str()),
            Row::Cell { .. } => None,
        })
        .collect();
    let span = match (months.first(), months.last()) {
        (Some(a), Some(b)) if a != b => match lang {
            Lang::Fr => format!(" (de {a} à {b})"),
            Lang::En => format!(" (from {a} to {b})"),
        },
        (Some(a), _) => format!(" ({a})"),
        _ => String::new(),
    };
    let n = |v: u64| format_count(lang, v);
    let mut lines = match lang {
        Lang::Fr => vec![
            "Contribution Reflet sur la mobilité (format reflet.contribution, version 1)."
                .to_owned(),
            format!(
                "Elle contient\u{a0}: {} valeur(s) de kilomètres par mode et par mois{span}, {} \
                 valeur(s) de CO2 par mois, {} case(s) d'environ 2\u{a0}km avec la part de vos \
                 positions qui y tombe (au moins 1\u{a0}%).",
                n(n_km),
                n(n_co2),
                n(n_cells)
            ),
            "Elle ne contient pas\u{a0}: vos positions, vos trajets ni leurs heures, votre \
             domicile ni votre travail (un bloc de 5\u{a0}×\u{a0}5 cases autour de chacun, placé \
             au hasard, est retiré), les cases de moins de 1\u{a0}% de vos positions, votre nom, \
             le nom de vos fichiers."
                .to_owned(),
            "Son identifiant est tiré au hasard\u{a0}: il sert seulement à ne pas compter deux \
             fois le même fichier."
                .to_owned(),
            "Reflet ne l'envoie nulle part\u{a0}: vous choisissez à qui la donner.".to_owned(),
        ],
        Lang::En => vec![
            "Reflet contribution on mobility (format reflet.contribution, version 1).".to_owned(),
            format!(
                "It holds: {} value(s) of kilometres per mode per month{span}, {} value(s) of CO2 \
                 per month, {} cell(s) of about 2 km with the share of your positions that falls \
                 in each (at least 1%).",
                n(n_km),
                n(n_co2),
                n(n_cells)
            ),
            "It does not hold: your positions, your trips or their times, your home or your \
             work (a block of 5 × 5 cells around each, placed at random, is removed), the cells \
             holding less than 1% of your positions, your name, the names of your files."
                .to_owned(),
            "Its identifier is drawn at random: it only serves not to count the same file twice."
                .to_owned(),
            "Reflet sends it nowhere: you choose whom to give it to.".to_owned(),
        ],
    };
    lines.extend(left_out_lines(lang, left_out, removed));
    lines
}

/// What was left out, and by whom: the `about` lines' end.
fn left_out_lines(lang: Lang, left_out: LeftOut, removed: usize) -> Vec<String> {
    let n = |v: u64| format_count(lang, v);
    let mut lines = Vec::new();
    let extra = |fr: String, en: String| match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    if left_out.no_home {
        lines.push(extra(
            "Aucun lieu n'y figure\u{a0}: Reflet n'a pas trouvé votre domicile dans ce fichier, \
             ou pas sûrement (deux lieux de nuit, trop peu de nuits…), et ne pourrait donc pas \
             promettre de l'avoir retiré."
                .to_owned(),
            "No place is in it: Reflet did not find your home in this file, or not surely (two \
             places of nights, too few nights…), so it could not promise to have left it out."
                .to_owned(),
        ));
    }
    if left_out.busiest > 0 {
        lines.push(extra(
            format!(
                "Reflet n'a pas trouvé votre lieu de travail\u{a0}: {} case(s) qui tiennent plus \
                 de 15\u{a0}% de vos positions, qui pourraient l'être, sont retirées aussi.",
                n(left_out.busiest as u64)
            ),
            format!(
                "Reflet did not find your place of work: {} cell(s) holding more than 15% of \
                 your positions, which could be it, are left out too.",
                n(left_out.busiest as u64)
            ),
        ));
    }
    if left_out.rare > 0 {
        lines.push(extra(
            format!(
                "Retirées d'office aussi\u{a0}: {} case(s) qui tiennent moins de 1\u{a0}% de vos \
                 positions.",
                n(left_out.rare as u64)
            ),
            format!(
                "Left out from the start too: {} cell(s) holding less than 1% of your positions.",
                n(left_out.rare as u64)
            ),
        ));
    }
    if removed > 0 {
        lines.push(extra(
            format!("Vous avez retiré {} ligne(s).", n(removed as u64)),
            format!("You removed {} row(s).", n(removed as u64)),
        ));
    }
    lines
}

/// Why a contribution file could not be read.
pub fn file_problem(lang: Lang, kind: ErrorKind) -> &'static str {
    pick(
        lang,
        match kind {
            ErrorKind::WrongType => (
                "Ce n'est pas un fichier de contribution Reflet.",
                "This is not a Reflet contribution file.",
            ),
            ErrorKind::Unsupported => (
                "Ce fichier vient d'une version plus récente de Reflet\u{a0}: mettez Reflet à jour \
                 pour le lire.",
                "This file comes from a newer version of Reflet: update Reflet to read it.",
            ),
            ErrorKind::Empty => ("Ce fichier est vide.", "This file is empty."),
            ErrorKind::TooLarge => (
                "Ce fichier est bien trop grand pour être une contribution.",
                "This file is far too large to be a contribution.",
            ),
            ErrorKind::Unreadable => (
                "Ce fichier n'a pas pu être lu sur l'appareil.",
                "This file could not be read on the device.",
            ),
            _ => (
                "Ce fichier de contribution est abîmé ou a été modifié\u{a0}: il n'est pas compté.",
                "This contribution file is damaged or was edited: it is not counted.",
            ),
        },
    )
}

/// "3 people, 1 file loaded twice counted once; withheld: 4 values, 2 cells (fewer than 2 people),
/// 1 value dominated by one person".
pub fn combined_line(lang: Lang, c: &crate::contribute::combine::Combined) -> String {
    let n = |v: u32| format_count(lang, u64::from(v));
    let values = (c.withheld_km + c.withheld_co2).saturating_sub(c.dominated);
    let mut line = match lang {
        Lang::Fr => format!(
            "{} personne(s). Retenu, car tiré de moins de {} personnes\u{a0}: {} valeur(s), {} \
             case(s).",
            n(c.people),
            n(c.k),
            n(values),
            n(c.withheld_cells)
        ),
        Lang::En => format!(
            "{} person(s). Withheld, as drawn from fewer than {} people: {} value(s), {} cell(s).",
            n(c.people),
            n(c.k),
            n(values),
            n(c.withheld_cells)
        ),
    };
    if c.dominated > 0 {
        let dominated = n(c.dominated);
        let _ = match lang {
            Lang::Fr => write!(
                line,
                " Retenu aussi, car une seule personne en fait plus de 85\u{a0}%\u{a0}: \
                 {dominated} valeur(s)."
            ),
            Lang::En => write!(
                line,
                " Also withheld, as more than 85 % of each comes from one person: {dominated} \
                 value(s)."
            ),
        };
    }
    if c.repeated > 0 {
        let repeated = n(c.repeated);
        let _ = match lang {
            Lang::Fr => write!(
                line,
                " {repeated} fichier(s) chargé(s) deux fois, compté(s) une fois."
            ),
            Lang::En => write!(line, " {repeated} file(s) loaded twice, counted once."),
        };
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::Mode;

    #[test]
    fn the_combined_line_counts_dominated_values_apart() {
        let c = crate::contribute::combine::Combined {
            people: 5,
            repeated: 1,
            k: 3,
            withheld_km: 2,
            withheld_co2: 2,
            withheld_cells: 4,
            dominated: 1,
            ..Default::default()
        };
        assert_eq!(
            combined_line(Lang::En, &c),
            "5 person(s). Withheld, as drawn from fewer than 3 people: 3 value(s), 4 cell(s). \
             Also withheld, as more than 85 % of each comes from one person: 1 value(s). 1 file(s) \
             loaded twice, counted once."
        );
        assert!(combined_line(Lang::Fr, &c)
            .contains("Retenu aussi, car une seule personne en fait plus de 85\u{a0}%\u{a0}: 1"));
        let plain = crate::contribute::combine::Combined {
            dominated: 0,
            repeated: 0,
            ..c
        };
        assert!(!combined_line(Lang::En, &plain).contains("Also"));
    }

    #[test]
    fn rows_read_in_each_language() {
        let row = Row::Km {
            month: "2024-03".into(),
            mode: Mode::Cycling,
            km: 66.7,
        };
        assert_eq!(
            row_cells(Lang::Fr, &row),
            (
                "Distance · vélo".into(),
                "2024-03".into(),
                "66,7\u{a0}km".into()
            )
        );
        assert_eq!(row_cells(Lang::En, &row).2, "66.7\u{a0}km");
        let cell = Row::Cell {
            row: 2308,
            col: -39,
            share_pct: 9,
        };
        assert_eq!(row_cells(Lang::Fr, &cell).1, "46,16°\u{a0}N 1,17°\u{a0}O");
        assert_eq!(row_cells(Lang::En, &cell).2, "9% of your positions");
    }

    #[test]
    fn the_summary_counts_what_is_in_and_says_what_is_not() {
        let rows = [
            Row::Km {
                month: "2024-03".into(),
                mode: Mode::Cycling,
                km: 1.0,
            },
            Row::Km {
                month: "2024-05".into(),
                mode: Mode::Walking,
                km: 1.0,
            },
        ];
        let lines = about(Lang::En, &rows, LeftOut::default(), 3);
        assert!(lines[1].contains("2 value(s) of kilometres per mode per month (from 2024-03 to 2024-05), 0 value(s) of CO2"));
        assert!(lines[2].contains("your home"));
        assert_eq!(
            lines.last().map(String::as_str),
            Some("You removed 3 row(s).")
        );
        let fr = about(
            Lang::Fr,
            &rows,
            LeftOut {
                no_home: true,
                ..LeftOut::default()
            },
            0,
        );
        assert!(fr
            .iter()
            .any(|l| l.contains("n'a pas trouvé votre domicile")));
    }
}
