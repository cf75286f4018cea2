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

/// A stay is at least this long…
const MIN_STAY: Millis = 15 * 60_000;
/// …within this distance of where it began…
const STAY_RADIUS_M: f64 = 150.0;
/// …with no gap in the positions longer than this.
const MAX_GAP: Millis = 3_600_000;

/// Finds stays in a stream of positions, for exports that list none (`Records.json`, GPX…): a run
/// of positions within [`STAY_RADIUS_M`] of its first for at least [`MIN_STAY`].
#[derive(Debug, Default)]
pub struct Stays {
    current: Option<Stay>,
    found: Places,
}

#[derive(Debug)]
struct Stay {
    anchor: LatLng,
    start: Millis,
    last: Millis,
    lat: i64,
    lng: i64,
    n: i64,
}

impl Stays {
    pub fn fix(&mut self, at: LatLng, time: Millis) {
        if let Some(stay) = self.current.as_mut() {
            if time < stay.last {
                return; // out of order: not part of a run
            }
            if time - stay.last <= MAX_GAP && stay.anchor.within_m(at, STAY_RADIUS_M) {
                stay.last = time;
                stay.lat += i64::from(at.lat_e7);
                stay.lng += i64::from(at.lng_e7);
                stay.n += 1;
                return;
            }
        }
        self.close();
        self.current = Some(Stay {
            anchor: at,
            start: time,
            last: time,
            lat: i64::from(at.lat_e7),
            lng: i64::from(at.lng_e7),
            n: 1,
        });
    }

    fn close(&mut self) {
        let Some(stay) = self.current.take() else {
            return;
        };
        if stay.last - stay.start < MIN_STAY {
            return;
        }
        let mean = |sum: i64| i32::try_from(sum / stay.n.max(1)).ok();
        let at = mean(stay.lat)
            .zip(mean(stay.lng))
            .map(|(lat_e7, lng_e7)| LatLng { lat_e7, lng_e7 });
        self.found.visit(&Visit {
            start: stay.start,
            end: stay.last,
            at,
            place_id: None,
            name: None,
            label: None,
        });
    }

    /// The places of the stays found.
    pub fn finish(mut self) -> Places {
        self.close();
        self.found
    }

    pub fn is_empty(&self) -> bool {
        self.found.by_key.is_empty() && self.current.is_none()
    }
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
    fn stays_are_found_in_raw_positions() {
        let home = LatLng::from_degrees(46.1603, -1.1511).unwrap();
        let work = LatLng::from_degrees(46.1450, -1.1700).unwrap();
        let mut stays = Stays::default();
        let minute = 60_000;
        for day in 0..5 {
            let t0 = day * 1440 * minute;
            // Home until 08:00, ten minutes on the road, work 08:30–17:00, home again.
            for m in (0..480).step_by(5) {
                stays.fix(home, t0 + m * minute);
            }
            for m in (485_i64..510).step_by(5) {
                let drift = i32::try_from((m - 480) * 5000).unwrap();
                let on_road = LatLng {
                    lat_e7: home.lat_e7 - drift,
                    ..home
                };
                stays.fix(on_road, t0 + m * minute);
            }
            for m in (510..1020).step_by(5) {
                stays.fix(work, t0 + m * minute);
            }
            for m in (1030..1440).step_by(5) {
                stays.fix(home, t0 + m * minute);
            }
        }
        let (top, _) = stays.finish().finish();
        let found: Vec<(Option<f64>, u64)> = top.iter().map(|p| (p.lat, p.visits)).collect();
        // Home: 5 mornings and 5 evenings, joined across midnight into 6 stays; work: 5.
        assert_eq!(found, [(Some(46.16), 6), (Some(46.145), 5)]);
        assert_eq!(top[1].hours, 42); // 5 × 8 h 25 min
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
