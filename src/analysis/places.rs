//! Most visited places, from the stays a location export lists (Timeline visits, Semantic
//! Location History `placeVisit`s), by time spent and by number of visits; and those whose name
//! hints at a sensitive matter (health, religion, politics, trade unions, sexuality), which the
//! GDPR (article 9) protects specially.
//!
//! Places are told apart by the service's place id, else by a cell of about 150 m. Memory follows
//! the number of distinct places (hundreds for years of history), never the number of visits.

use std::collections::HashMap;

use crate::model::location::{LatLng, Visit};
use crate::model::location::{Sensitive, TopPlace};
use crate::model::time::Millis;

/// Places kept in the summary.
pub const TOP: usize = 5;
/// Distinct places followed at most; beyond, new ones are not counted (years of real history
/// stay far below).
const MAX_PLACES: usize = 20_000;
/// A stay longer than this is an export error (a missing end): it counts for this much.
const LONGEST_STAY: Millis = 7 * 86_400_000;

#[derive(Debug, Default)]
struct Stats {
    name: Option<String>,
    at: Option<LatLng>,
    visits: u64,
    time: Millis,
}

/// Words in a place's name that hint at a sensitive matter, lower-case, French and English.
const WORDS: &[(Sensitive, &[&str])] = &[
    (
        Sensitive::Health,
        &[
            "hôpital",
            "hopital",
            "hospital",
            "clinique",
            "clinic",
            "chu ",
            "centre hospitalier",
            "médecin",
            "medecin",
            "doctor",
            "cabinet médical",
            "laboratoire d'analyses",
            "psychiatr",
            "psycholog",
            "planning familial",
            "oncolog",
            "dialyse",
            "addictolog",
            "csapa",
        ],
    ),
    (
        Sensitive::Religion,
        &[
            "église",
            "eglise",
            "church",
            "cathédrale",
            "cathedral",
            "chapelle",
            "chapel",
            "mosquée",
            "mosquee",
            "mosque",
            "synagogue",
            "temple",
            "paroisse",
            "parish",
            "salle du royaume",
            "kingdom hall",
            "pagode",
            "gurdwara",
        ],
    ),
    (
        Sensitive::Politics,
        &[
            "parti ",
            "party headquarters",
            "rassemblement national",
            "la france insoumise",
            "parti socialiste",
            "les républicains",
            "europe écologie",
        ],
    ),
    (
        Sensitive::TradeUnion,
        &[
            "syndicat",
            "trade union",
            "bourse du travail",
            "cgt ",
            "cfdt",
            "force ouvrière",
        ],
    ),
    (
        Sensitive::Sexuality,
        &["lgbt", "gay ", "lesbi", "queer", "club échangiste"],
    ),
];

/// The sensitive matter a place's name hints at, if any.
pub fn sensitive(name: &str) -> Option<Sensitive> {
    let lower = format!("{} ", name.to_lowercase());
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| contains_word(&lower, w)))
        .map(|(kind, _)| *kind)
}

/// `word` in `text` at the start of a word (so that "cgt " is not found in "lacgtou").
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        i == 0
            || text
                .get(..i)
                .and_then(|before| before.chars().last())
                .is_some_and(|c| !c.is_alphanumeric())
    })
}

/// Visits to each place.
#[derive(Debug, Default)]
pub struct Places {
    by_key: HashMap<String, Stats>,
}

impl Places {
    pub fn visit(&mut self, visit: &Visit) {
        let key = match (&visit.place_id, visit.at) {
            (Some(id), _) if !id.is_empty() => id.clone(),
            (_, Some(at)) => format!(
                "{},{}",
                at.lat_e7.div_euclid(15_000),
                at.lng_e7.div_euclid(15_000)
            ),
            _ => return,
        };
        if !self.by_key.contains_key(&key) && self.by_key.len() >= MAX_PLACES {
            return;
        }
        let stats = self.by_key.entry(key).or_default();
        stats.visits += 1;
        stats.time += (visit.end - visit.start).clamp(0, LONGEST_STAY);
        if stats.name.is_none() {
            stats.name.clone_from(&visit.name);
        }
        stats.at = stats.at.or(visit.at);
    }

    /// The places of most time spent (then most visits), and every named place that hints at a
    /// sensitive matter (most visited first, at most [`TOP`]).
    pub fn finish(self) -> (Vec<TopPlace>, Vec<TopPlace>) {
        let mut all: Vec<TopPlace> = self
            .by_key
            .into_values()
            .map(|s| TopPlace {
                sensitive: s.name.as_deref().and_then(sensitive),
                name: s.name,
                lat: s.at.map(|a| (a.lat() * 1000.0).round() / 1000.0),
                lng: s.at.map(|a| (a.lng() * 1000.0).round() / 1000.0),
                visits: s.visits,
                hours: u64::try_from((s.time + 1_800_000) / 3_600_000).unwrap_or(0),
            })
            .collect();
        all.sort_by(|a, b| {
            (b.hours, b.visits)
                .cmp(&(a.hours, a.visits))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut sensitive: Vec<TopPlace> = all
            .iter()
            .filter(|p| p.sensitive.is_some())
            .cloned()
            .collect();
        sensitive.sort_by(|a, b| b.visits.cmp(&a.visits).then_with(|| a.name.cmp(&b.name)));
        sensitive.truncate(TOP);
        all.truncate(TOP);
        (all, sensitive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(id: &str, name: &str, start_h: i64, hours: i64) -> Visit {
        Visit {
            start: start_h * 3_600_000,
            end: (start_h + hours) * 3_600_000,
            at: LatLng::from_degrees(46.16, -1.15),
            place_id: Some(id.to_owned()),
            name: Some(name.to_owned()),
            label: None,
        }
    }

    #[test]
    fn places_rank_by_time_spent_then_visits() {
        let mut places = Places::default();
        for day in 0..10 {
            places.visit(&visit("home", "Maison", day * 24, 12));
            places.visit(&visit("work", "Bureau", day * 24 + 13, 8));
        }
        for week in 0..3 {
            places.visit(&visit("gym", "Salle de sport", week * 168 + 20, 1));
        }
        places.visit(&visit("clinic", "Clinique de l'Atlantique", 500, 2));
        places.visit(&visit("church", "Église Notre-Dame", 600, 1));
        let (top, sensitive) = places.finish();
        let names: Vec<(&str, u64, u64)> = top
            .iter()
            .map(|p| (p.name.as_deref().unwrap_or(""), p.visits, p.hours))
            .collect();
        assert_eq!(
            names,
            [
                ("Maison", 10, 120),
                ("Bureau", 10, 80),
                ("Salle de sport", 3, 3),
                ("Clinique de l'Atlantique", 1, 2),
                ("Église Notre-Dame", 1, 1),
            ]
        );
        let kinds: Vec<(Option<&str>, Option<Sensitive>)> = sensitive
            .iter()
            .map(|p| (p.name.as_deref(), p.sensitive))
            .collect();
        assert_eq!(
            kinds,
            [
                (Some("Clinique de l'Atlantique"), Some(Sensitive::Health)),
                (Some("Église Notre-Dame"), Some(Sensitive::Religion)),
            ]
        );
    }

    #[test]
    fn sensitive_words_are_matched_at_word_starts_only() {
        assert_eq!(
            sensitive("Mosquée de la Rochelle"),
            Some(Sensitive::Religion)
        );
        assert_eq!(sensitive("Union locale CGT"), Some(Sensitive::TradeUnion));
        assert_eq!(sensitive("Centre LGBT Poitou"), Some(Sensitive::Sexuality));
        assert_eq!(sensitive("CHU de Poitiers"), Some(Sensitive::Health));
        assert_eq!(sensitive("Boulangerie du Sud"), None);
        assert_eq!(sensitive("Bricomarché"), None);
        assert_eq!(sensitive("Pâtisserie Lacgtou"), None);
        assert_eq!(sensitive("Café de la Gare"), None);
    }
}
