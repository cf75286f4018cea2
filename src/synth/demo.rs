//! The workshop's demo persona (issue 11): Camille Fictive, a clearly fictional resident of La
//! Rochelle, with generated files of several services, to explore Reflet without one's own data.
//! Every name, address and number here is made up; the files are generated on the device when the
//! person asks (nothing is bundled, nothing is fetched).
//!
//! [`PLANTED`] lists the names and addresses a presenter's mask must hide.

use std::fmt::Write as _;

use super::person::{records_json, semantic_months, Kind, Person, PersonSpec};
use super::Rng;

/// The persona's name, as their files write it.
pub const PERSONA: &str = "Camille Fictive";

/// The places of the persona's semantic history: (the generator's name, the name and street the
/// demo gives it).
const PLACES: [(&str, &str, &str); 6] = [
    ("Home", "Domicile de Camille Fictive", "12 rue des Exemples"),
    ("Office", "Bureau Exemple SA", "4 avenue du Modèle"),
    (
        "Flat",
        "Appartement de Jules Exemple",
        "7 impasse Imaginaire",
    ),
    ("Gym", "Salle Forme Fictive", "21 quai Inventé"),
    ("Market", "Marché Imaginaire", "3 place Fictive"),
    ("Park", "Parc du Prétexte", "1 allée Factice"),
];

/// The friend the persona writes to.
const FRIEND: &str = "Jules Exemple";

/// Names and addresses that appear in the demo's files and on screen: what the mask hides.
pub const PLANTED: [&str; 7] = [
    PERSONA,
    FRIEND,
    "Parc du Prétexte",
    "Bureau Exemple SA",
    "Salle Forme Fictive",
    "Marché Imaginaire",
    "LOYER M FICTIF",
];

/// The demo's files: (name, bytes), as a person would open them.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let person = Person::new(PersonSpec {
        days: 30,
        step_minutes: 10,
        ..PersonSpec::new(Kind::OfficeWorker, 2026)
    });
    let mut files = vec![(
        "Records.json".to_owned(),
        records_json(&person).into_bytes(),
    )];
    for (name, mut text) in semantic_months(&person, false) {
        for (generated, place, street) in PLACES {
            text = text
                .replace(&format!("1 rue {generated}\\n"), &format!("{street}\\n"))
                .replace(
                    &format!("\"name\": \"{generated}\""),
                    &format!("\"name\": \"{place}\""),
                );
        }
        files.push((name, text.into_bytes()));
    }
    files.push((
        format!("WhatsApp Chat with {FRIEND}.txt"),
        chat().into_bytes(),
    ));
    files.push(("releve-compte-fictif.csv".to_owned(), bank().into_bytes()));
    files.push((
        "StreamingHistory_music_0.json".to_owned(),
        music().into_bytes(),
    ));
    files
}

/// A month of messages between the persona and a friend (WhatsApp's Android export).
fn chat() -> String {
    const LINES: [&str; 8] = [
        "Salut ! Tu viens au marché samedi ?",
        "Oui, vers 10h",
        "On se retrouve devant la salle ?",
        "<Media omitted>",
        "Parfait, à tout à l'heure",
        "Tu as vu l'atelier sur les données personnelles ?",
        "Oui, c'est jeudi à la médiathèque",
        "Super, je m'inscris",
    ];
    let mut rng = Rng::new(7);
    let mut out = String::from(
        "2024/03/01, 08:00 - Messages and calls are end-to-end encrypted. No one outside of this \
         chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n",
    );
    for day in 1..=30 {
        for i in 0..rng.below(4) {
            let who = if (day + i) % 2 == 0 { PERSONA } else { FRIEND };
            let line = LINES
                .get(usize::try_from(rng.below(8)).unwrap_or(0))
                .unwrap_or(&"");
            let _ = writeln!(
                out,
                "2024/03/{day:02}, {:02}:{:02} - {who}: {line}",
                8 + rng.below(13),
                rng.below(60)
            );
        }
    }
    out
}

/// A year of a current account's statement (a French bank's CSV export).
fn bank() -> String {
    let mut rng = Rng::new(11);
    let mut out = String::from(
        "Compte courant;FR76 0000 0000 0000 0000 0000 000\nSolde au 31/03/2024;1 204,10\n\
         Période du 01/04/2023 au 31/03/2024\n\nDate;Libellé;Débit euros;Crédit euros\n",
    );
    for month in 0..12 {
        let (year, m) = if month < 9 {
            (2023, month + 4)
        } else {
            (2024, month - 8)
        };
        let _ = writeln!(
            out,
            "01/{m:02}/{year};VIR SEPA SALAIRE BUREAU EXEMPLE SA;;2 150,00"
        );
        let _ = writeln!(out, "02/{m:02}/{year};VIR SEPA LOYER M FICTIF;690,00;");
        let _ = writeln!(
            out,
            "05/{m:02}/{year};PRLV SEPA OPERATEUR IMAGINAIRE ECH/05{m:02}{};19,99;",
            year % 100
        );
        for _ in 0..6 {
            let day = 6 + rng.below(22);
            let (label, euros) = match rng.below(4) {
                0 => ("CB MARCHE IMAGINAIRE", 20 + rng.below(40)),
                1 => ("CB SALLE FORME FICTIVE", 35),
                2 => ("CB SUPERMARCHE EXEMPLE", 30 + rng.below(60)),
                _ => ("CB BOULANGERIE DU MODELE", 3 + rng.below(9)),
            };
            let _ = writeln!(
                out,
                "{day:02}/{m:02}/{year};{label} {day:02}/{m:02} LA ROCHELLE;{euros},{:02};",
                rng.below(100)
            );
        }
    }
    out
}

/// A month of music plays (Spotify's account data export).
fn music() -> String {
    const TRACKS: [(&str, &str); 6] = [
        ("Les Exemples", "Chanson de test"),
        ("Les Exemples", "Refrain fictif"),
        ("Orchestre Imaginaire", "Symphonie factice"),
        ("Duo Prétexte", "Ballade inventée"),
        ("Duo Prétexte", "Nuit de démonstration"),
        ("La Fanfare Modèle", "Marche d'essai"),
    ];
    let mut rng = Rng::new(13);
    let mut plays = Vec::new();
    for day in 1..=30 {
        for _ in 0..rng.below(8) {
            let (artist, track) = TRACKS
                .get(usize::try_from(rng.below(6)).unwrap_or(0))
                .copied()
                .unwrap_or(TRACKS[0]);
            plays.push(format!(
                "  {{\n    \"endTime\" : \"2024-03-{day:02} {:02}:{:02}\",\n    \"artistName\" : \"{artist}\",\n    \"trackName\" : \"{track}\",\n    \"msPlayed\" : {}\n  }}",
                7 + rng.below(16),
                rng.below(60),
                60_000 + rng.below(180_000)
            ));
        }
    }
    format!("[\n{}\n]\n", plays.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_persona_is_read_by_reflet_file_by_file_and_the_planted_names_are_shown() {
        let files = files();
        assert!(files.len() >= 5, "{}", files.len());
        let mut kinds = Vec::new();
        let mut shown = String::new();
        for (name, bytes) in &files {
            let mut reports = Vec::new();
            crate::report::describe_input(
                name,
                &mut &bytes[..],
                &mut |r: crate::report::FileReport| {
                    reports.push(r);
                },
            );
            assert_eq!(reports.len(), 1, "{name}");
            let report = reports.remove(0);
            assert!(report.error.is_none(), "{name}: {:?}", report.error);
            kinds.push(String::from(report.kind.clone()));
            for finding in &report.findings {
                shown.push_str(&finding.text.en);
                shown.push('\n');
            }
            shown.push_str(&serde_json::to_string(&report.summary).unwrap_or_default());
        }
        assert_eq!(
            kinds,
            [
                "google.records",
                "google.semantic",
                "whatsapp.chat",
                "bank.csv",
                "spotify.streaming_history"
            ]
        );
        // The home is found where the generator put it, and the names are there to be masked.
        for planted in PLANTED {
            assert!(shown.contains(planted), "{planted} is not shown in {shown}");
        }
    }
}
