//! Trips, their modes and their carbon, in French and English.

use super::{format_count, list_and, mode_name, share, Lang};
use crate::model::location::{CountryVisit, Mode};
use crate::model::trips::{HomeWork, TripOrigin, TripSummary};

/// A length for findings: "850 m", "12.3 km" / "12,3 km", "2,690 km" / "2 690 km".
pub fn km(lang: Lang, metres: u64) -> String {
    if metres < 1000 {
        return format!("{metres}\u{a0}m");
    }
    if metres < 100_000 {
        let tenths = (metres + 50) / 100;
        let sep = match lang {
            Lang::Fr => ',',
            Lang::En => '.',
        };
        return format!("{}{sep}{}\u{a0}km", tenths / 10, tenths % 10);
    }
    format!("{}\u{a0}km", format_count(lang, (metres + 500) / 1000))
}

/// A mass of CO2 equivalent: "850 g", "151.8 kg" / "151,8 kg", "1.24 t" / "1,24 t".
pub fn mass(lang: Lang, grams: u64) -> String {
    let decimal = |text: String| match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    };
    #[allow(clippy::cast_precision_loss)] // grams far below 2^52
    let g = grams as f64;
    if grams < 1000 {
        format!("{grams}\u{a0}g")
    } else if grams < 1_000_000 {
        format!("{}\u{a0}kg", decimal(format!("{:.1}", g / 1000.0)))
    } else {
        format!("{}\u{a0}t", decimal(format!("{:.2}", g / 1e6)))
    }
}

/// How a person travelled, after a number of trips: "by car", "on foot" / "en voiture", "à pied".
pub fn by_mode(lang: Lang, mode: Mode) -> &'static str {
    let (fr, en) = match mode {
        Mode::Walking => ("à pied", "on foot"),
        Mode::Running => ("en courant", "running"),
        Mode::Cycling => ("à vélo", "by bike"),
        Mode::Car => ("en voiture", "by car"),
        Mode::Motorcycle => ("en deux-roues motorisé", "by motorbike"),
        Mode::Bus => ("en bus", "by bus"),
        Mode::Train => ("en train", "by train"),
        Mode::Subway => ("en métro", "by underground"),
        Mode::Tram => ("en tramway", "by tram"),
        Mode::Ferry => ("en bateau", "by boat"),
        Mode::Flying => ("en avion", "by plane"),
        Mode::Skiing => ("à ski", "skiing"),
        Mode::Still | Mode::Unknown => ("par un moyen inconnu", "by unknown means"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The `trips` finding: how far, by which means, and how much of it is estimated.
pub fn trips_sentence(lang: Lang, t: &TripSummary) -> String {
    let total: u64 = t.modes.iter().map(|m| m.metres).sum();
    let estimated: u64 = t.modes.iter().map(|m| m.estimated_metres).sum();
    let items: Vec<String> = t
        .modes
        .iter()
        .map(|m| {
            format!(
                "{} {} ({})",
                mode_name(lang, m.mode),
                km(lang, m.metres),
                share(lang, m.metres, total)
            )
        })
        .collect();
    let (list, trips, all) = (
        list_and(lang, &items),
        format_count(lang, t.trips),
        km(lang, total),
    );
    let head = match (lang, t.origin, t.trips) {
        (Lang::Fr, TripOrigin::Export, 1) => {
            format!("Le trajet listé dans ce fichier couvre {all}")
        }
        (Lang::Fr, TripOrigin::Export, _) => {
            format!("Les {trips}\u{a0}trajets listés dans ce fichier couvrent {all}")
        }
        (Lang::Fr, TripOrigin::Positions, 1) => {
            format!("Vos positions montrent un trajet de {all}")
        }
        (Lang::Fr, TripOrigin::Positions, _) => {
            format!("Vos positions montrent {trips}\u{a0}trajets, soit {all}")
        }
        (Lang::En, TripOrigin::Export, 1) => format!("The trip this file lists covers {all}"),
        (Lang::En, TripOrigin::Export, _) => {
            format!("The {trips} trips this file lists cover {all}")
        }
        (Lang::En, TripOrigin::Positions, 1) => format!("Your positions show one trip of {all}"),
        (Lang::En, TripOrigin::Positions, _) => {
            format!("Your positions show {trips} trips, {all} in all")
        }
    };
    let tail = match (lang, estimated) {
        (_, 0) => String::new(),
        (Lang::Fr, e) if e == total => {
            " Le fichier ne dit pas comment vous vous déplaciez\u{a0}: les modes sont estimés \
             d'après la vitesse."
                .to_owned()
        }
        (Lang::En, e) if e == total => {
            " The file does not say how you travelled: the modes are estimated from speed."
                .to_owned()
        }
        (Lang::Fr, e) => format!(
            " Pour {}, le mode est estimé d'après la vitesse.",
            km(lang, e)
        ),
        (Lang::En, e) => format!(" For {}, the mode is estimated from speed.", km(lang, e)),
    };
    match lang {
        Lang::Fr => format!("{head}\u{a0}: {list}.{tail}"),
        Lang::En => format!("{head}: {list}.{tail}"),
    }
}

/// The `co2` finding: the carbon of the trips, the plane's share called out, and the distance
/// whose carbon is not counted.
pub fn co2_sentence(lang: Lang, t: &TripSummary) -> String {
    let counted: Vec<_> = t
        .modes
        .iter()
        .filter(|m| m.grams.is_some_and(|g| g > 0))
        .collect();
    let mut sentence = if t.grams == 0 {
        match lang {
            Lang::Fr => {
                "Selon les facteurs de l'ADEME, ces trajets n'ont émis aucun CO2 mesurable."
                    .to_owned()
            }
            Lang::En => "By ADEME's factors, these trips emitted no measurable CO2.".to_owned(),
        }
    } else {
        let total = mass(lang, t.grams);
        let mut modes = counted.clone();
        modes.sort_by_key(|m| std::cmp::Reverse(m.grams));
        let items: Vec<String> = modes
            .iter()
            .map(|m| {
                let g = m.grams.unwrap_or(0);
                format!(
                    "{} {} ({})",
                    mode_name(lang, m.mode),
                    mass(lang, g),
                    share(lang, g, t.grams)
                )
            })
            .collect();
        let list = list_and(lang, &items);
        let plane = (t.plane_grams > 0).then(|| share(lang, t.plane_grams, t.grams));
        match (lang, plane) {
            (Lang::Fr, Some(p)) => format!(
                "Selon les facteurs de l'ADEME, ces trajets ont émis environ {total} \
                 d'équivalent CO2, dont {p} pour l'avion\u{a0}: {list}."
            ),
            (Lang::Fr, None) => format!(
                "Selon les facteurs de l'ADEME, ces trajets ont émis environ {total} \
                 d'équivalent CO2\u{a0}: {list}."
            ),
            (Lang::En, Some(p)) => format!(
                "By ADEME's factors, these trips emitted about {total} of CO2 equivalent, {p} of \
                 it by plane: {list}."
            ),
            (Lang::En, None) => format!(
                "By ADEME's factors, these trips emitted about {total} of CO2 equivalent: {list}."
            ),
        }
    };
    let left: Vec<_> = t.modes.iter().filter(|m| m.grams.is_none()).collect();
    if !left.is_empty() {
        let metres: u64 = left.iter().map(|m| m.metres).sum();
        let names: Vec<String> = left
            .iter()
            .map(|m| mode_name(lang, m.mode).to_owned())
            .collect();
        let names = list_and(lang, &names);
        let left = km(lang, metres);
        let tail = match lang {
            Lang::Fr => format!(
                " Le carbone de {left} ({names}) n'est pas compté\u{a0}: aucun facteur ne s'y \
                 applique."
            ),
            Lang::En => {
                format!(" The carbon of {left} ({names}) is not counted: no factor applies to it.")
            }
        };
        sentence.push_str(&tail);
    }
    sentence
}

/// The `home_work` finding: the trips between home and work in the latest year that has some.
pub fn home_work_sentence(lang: Lang, rows: &[HomeWork]) -> Option<String> {
    let year = rows.iter().map(|r| r.year).max()?;
    let mut those: Vec<&HomeWork> = rows.iter().filter(|r| r.year == year).collect();
    those.sort_by_key(|r| std::cmp::Reverse(r.trips));
    let trips: u64 = those.iter().map(|r| r.trips).sum();
    let items: Vec<String> = those
        .iter()
        .map(|r| {
            format!(
                "{} {} ({})",
                format_count(lang, r.trips),
                by_mode(lang, r.mode),
                km(lang, r.metres)
            )
        })
        .collect();
    let list = list_and(lang, &items);
    let n = format_count(lang, trips);
    Some(match (lang, trips) {
        (Lang::Fr, 1) => format!("Entre domicile et travail en {year}\u{a0}: un trajet, {list}."),
        (Lang::Fr, _) => {
            format!("Entre domicile et travail en {year}\u{a0}: {n}\u{a0}trajets, dont {list}.")
        }
        (Lang::En, 1) => format!("Between home and work in {year}: one trip, {list}."),
        (Lang::En, _) => format!("Between home and work in {year}: {n} trips, {list}."),
    })
}

/// Every country's name, `code<TAB>French<TAB>English` (`scripts/gen-countries.py`, from the
/// iso-codes package).
static COUNTRY_NAMES: &str = include_str!("../../assets/countries/names.tsv");

/// A country's name from its ISO 3166-1 alpha-2 code; the code itself if unknown.
pub fn country_name(lang: Lang, code: &str) -> String {
    COUNTRY_NAMES
        .lines()
        .find_map(|line| {
            let mut fields = line.split('\t');
            (fields.next()? == code).then_some(())?;
            let (fr, en) = (fields.next()?, fields.next()?);
            Some(match lang {
                Lang::Fr => fr,
                Lang::En => en,
            })
        })
        .unwrap_or(code)
        .to_owned()
}

/// The `countries` finding: the countries the positions fall in, most days first (the first
/// eight named).
pub fn countries_sentence(lang: Lang, countries: &[CountryVisit]) -> String {
    let items: Vec<String> = countries
        .iter()
        .map(|c| {
            let days = format_count(lang, c.days);
            let days = match (lang, c.days) {
                (Lang::Fr, 1) => "1\u{a0}jour".to_owned(),
                (Lang::Fr, _) => format!("{days}\u{a0}jours"),
                (Lang::En, 1) => "1 day".to_owned(),
                (Lang::En, _) => format!("{days} days"),
            };
            format!("{} ({days})", country_name(lang, &c.code))
        })
        .collect();
    let list = super::first_and_others(
        lang,
        items,
        8,
        ("autre pays", "autres pays"),
        ("other country", "other countries"),
    );
    let n = format_count(lang, countries.len() as u64);
    match (lang, countries.len()) {
        (Lang::Fr, 1) => {
            format!("D'après vos positions, vous étiez dans un seul pays\u{a0}: {list}.")
        }
        (Lang::Fr, _) => {
            format!("D'après vos positions, vous étiez dans {n}\u{a0}pays\u{a0}: {list}.")
        }
        (Lang::En, 1) => format!("By your positions, you were in one country: {list}."),
        (Lang::En, _) => format!("By your positions, you were in {n} countries: {list}."),
    }
}

/// How the trip findings were reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "trips") => {
            "Quand le fichier liste vos déplacements (segments d'activité de Timeline, séances), \
             ce sont vos trajets, avec le mode et la distance qu'il donne (sinon la ligne droite). \
             Sinon, ils sont découpés dans vos positions\u{a0}: un trajet commence quand une \
             position est à 200\u{a0}m ou plus du dernier endroit où vous étiez, et finit après \
             10\u{a0}minutes sans tel pas. Les positions par antenne relais (imprécises) et les \
             allers-retours entre deux positions fausses sont écartés. Le mode vient des \
             hypothèses d'activité du fichier\u{a0}; à défaut, il est estimé d'après la vitesse \
             (moins de 7\u{a0}km/h\u{a0}: marche, moins de 22\u{a0}km/h\u{a0}: vélo, au-delà de \
             100\u{a0}km/h avec des pointes à 180\u{a0}: train, au-delà de 250\u{a0}km/h\u{a0}: \
             avion, sinon voiture) et signalé comme estimé."
        }
        (Lang::En, "trips") => {
            "When the file lists your moves (Timeline's activity segments, workouts), they are \
             your trips, with the mode and distance it gives (else the straight line). Otherwise \
             they are cut out of your positions: a trip starts when a position lies 200 m or more \
             from the last place you were, and ends after 10 minutes with no such step. Positions \
             located by cell towers (imprecise) and back-and-forth between two wrong positions \
             are left out. The mode comes from the file's own guesses of your activity; without \
             them it is estimated from speed (under 7 km/h: walking, under 22 km/h: cycling, over \
             100 km/h with peaks at 180: train, over 250 km/h: plane, else car) and marked as \
             estimated."
        }
        (Lang::Fr, "co2") => {
            "Chaque trajet est multiplié par le facteur d'émission de son mode, en grammes \
             d'équivalent CO2 par kilomètre et par personne, de la Base Carbone de l'ADEME telle \
             que la publie son calculateur Impact CO2 (valeurs de 2023)\u{a0}: voiture thermique \
             avec une personne 217,6\u{a0}g, moto 192\u{a0}g, bus thermique 112,7\u{a0}g, TER \
             27,7\u{a0}g (trains de moins de 150\u{a0}km), TGV 2,93\u{a0}g, métro 4,44\u{a0}g, \
             tramway 4,28\u{a0}g, avion 258,6\u{a0}g jusqu'à 1\u{a0}000\u{a0}km, 187,6\u{a0}g \
             jusqu'à 3\u{a0}500\u{a0}km et 152\u{a0}g au-delà (traînées de condensation \
             comprises). Marche, course et vélo comptent zéro. Aucun facteur ne s'applique au \
             bateau ni aux modes inconnus."
        }
        (Lang::En, "co2") => {
            "Each trip is multiplied by its mode's emission factor, in grams of CO2 equivalent \
             per kilometre and person, from ADEME's Base Carbone as its calculator Impact CO2 \
             publishes it (2023 values): thermal car with one person 217.6 g, motorbike 192 g, \
             thermal bus 112.7 g, regional train (TER) 27.7 g (trains under 150 km), high-speed \
             train (TGV) 2.93 g, underground 4.44 g, tram 4.28 g, plane 258.6 g up to 1,000 km, \
             187.6 g up to 3,500 km and 152 g beyond (contrails included). Walking, running and \
             cycling count zero. No factor applies to boats or unknown modes."
        }
        (Lang::Fr, "countries") => {
            "Chaque position est rangée dans le pays de son fuseau horaire, d'après les \
             frontières des fuseaux intégrées à Reflet (cases de 0,1°, tirées d'OpenStreetMap)\u{a0}: \
             à quelques kilomètres d'une frontière, une position peut compter pour le pays \
             voisin, et un très petit pays (Monaco) pour son voisin. Les positions en haute mer \
             ne comptent pour aucun pays. On compte les jours (UTC) avec au moins une position \
             dans chaque pays. Les noms viennent de la liste ISO 3166 du projet iso-codes."
        }
        (Lang::En, "countries") => {
            "Each position is put in the country of its time zone, from the zone boundaries \
             built into Reflet (0.1° cells, drawn from OpenStreetMap): within a few kilometres of \
             a border a position may count for the country next door, and a very small country \
             (Monaco) for its neighbour. Positions on the open sea count for no country. The days \
             (UTC) with at least one position in each country are counted. Names come from the \
             ISO 3166 list of the iso-codes project."
        }
        (Lang::Fr, "home_work") => {
            "Les trajets dont un bout est à moins d'environ 330\u{a0}m de votre domicile probable \
             et l'autre de votre lieu de travail probable, dans un sens ou dans l'autre, comptés \
             par année et par mode principal (celui de la plus grande partie du trajet)."
        }
        (Lang::En, "home_work") => {
            "The trips with one end within about 330 m of your probable home and the other of \
             your probable place of work, either way, counted by year and main mode (the mode of \
             most of the trip)."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::trips::ModeTotal;

    fn summary(modes: &[(Mode, u64, u64, Option<u64>)], plane: u64) -> TripSummary {
        TripSummary {
            origin: TripOrigin::Positions,
            trips: 12,
            modes: modes
                .iter()
                .map(|&(mode, metres, estimated_metres, grams)| ModeTotal {
                    mode,
                    legs: 1,
                    metres,
                    estimated_metres,
                    grams,
                })
                .collect(),
            grams: modes.iter().filter_map(|m| m.3).sum(),
            plane_grams: plane,
            weeks: Vec::new(),
            months: Vec::new(),
            years: Vec::new(),
            home_work: Vec::new(),
        }
    }

    #[test]
    fn lengths_and_masses_in_both_languages() {
        assert_eq!(km(Lang::En, 850), "850\u{a0}m");
        assert_eq!(km(Lang::Fr, 12_345), "12,3\u{a0}km");
        assert_eq!(km(Lang::En, 99_960), "100.0\u{a0}km");
        assert_eq!(km(Lang::Fr, 2_690_499), "2\u{202f}690\u{a0}km");
        assert_eq!(mass(Lang::En, 999), "999\u{a0}g");
        assert_eq!(mass(Lang::Fr, 151_809), "151,8\u{a0}kg");
        assert_eq!(mass(Lang::En, 1_244_000), "1.24\u{a0}t");
    }

    #[test]
    fn trips_and_their_carbon_in_plain_words() {
        let t = summary(
            &[
                (Mode::Flying, 688_093, 688_093, Some(177_927)),
                (Mode::Car, 40_000, 0, Some(8_704)),
                (Mode::Walking, 12_000, 2_000, Some(0)),
                (Mode::Ferry, 20_000, 0, None),
            ],
            177_927,
        );
        assert_eq!(
            trips_sentence(Lang::En, &t),
            "Your positions show 12 trips, 760\u{a0}km in all: plane 688\u{a0}km (91%), car 40.0\u{a0}km (5%), \
             walking 12.0\u{a0}km (2%) and boat 20.0\u{a0}km (3%). For 690\u{a0}km, the mode is estimated from \
             speed."
        );
        assert_eq!(
            trips_sentence(Lang::Fr, &t),
            "Vos positions montrent 12\u{a0}trajets, soit 760\u{a0}km\u{a0}: avion 688\u{a0}km \
             (91\u{a0}%), voiture 40,0\u{a0}km (5\u{a0}%), marche 12,0\u{a0}km (2\u{a0}%) et \
             bateau 20,0\u{a0}km (3\u{a0}%). Pour 690\u{a0}km, le mode est estimé d'après la \
             vitesse."
        );
        assert_eq!(
            co2_sentence(Lang::En, &t),
            "By ADEME's factors, these trips emitted about 186.6\u{a0}kg of CO2 equivalent, 95% \
             of it by plane: plane 177.9\u{a0}kg (95%) and car 8.7\u{a0}kg (5%). The carbon of \
             20.0\u{a0}km (boat) is not counted: no factor applies to it."
        );
        assert_eq!(
            co2_sentence(Lang::Fr, &t),
            "Selon les facteurs de l'ADEME, ces trajets ont émis environ 186,6\u{a0}kg \
             d'équivalent CO2, dont 95\u{a0}% pour l'avion\u{a0}: avion 177,9\u{a0}kg \
             (95\u{a0}%) et voiture 8,7\u{a0}kg (5\u{a0}%). Le carbone de 20,0\u{a0}km (bateau) \
             n'est pas compté\u{a0}: aucun facteur ne s'y applique."
        );
        let green = summary(&[(Mode::Cycling, 5_000, 0, Some(0))], 0);
        assert_eq!(
            co2_sentence(Lang::En, &green),
            "By ADEME's factors, these trips emitted no measurable CO2."
        );
        assert!(trips_sentence(Lang::En, &green).ends_with("cycling 5.0\u{a0}km (100%)."));
    }

    #[test]
    fn countries_by_name_in_both_languages() {
        let visit = |code: &str, days| CountryVisit {
            code: code.to_owned(),
            days,
            first: String::new(),
            last: String::new(),
        };
        let countries = [visit("FR", 1_204), visit("DE", 12), visit("RE", 1)];
        assert_eq!(
            countries_sentence(Lang::En, &countries),
            "By your positions, you were in 3 countries: France (1,204 days), Germany (12 days) \
             and Réunion (1 day)."
        );
        assert_eq!(
            countries_sentence(Lang::Fr, &countries),
            "D'après vos positions, vous étiez dans 3\u{a0}pays\u{a0}: France \
             (1\u{202f}204\u{a0}jours), Allemagne (12\u{a0}jours) et La Réunion (1\u{a0}jour)."
        );
        assert_eq!(
            countries_sentence(Lang::Fr, &countries[..1]),
            "D'après vos positions, vous étiez dans un seul pays\u{a0}: France \
             (1\u{202f}204\u{a0}jours)."
        );
        assert_eq!(country_name(Lang::Fr, "XX"), "XX");
        // Ten countries: eight named, then how many more.
        let many: Vec<CountryVisit> = ["FR", "IT", "ES", "PT", "BE", "NL", "DE", "CH", "AT", "GB"]
            .iter()
            .map(|c| visit(c, 2))
            .collect();
        assert!(countries_sentence(Lang::En, &many)
            .ends_with("Switzerland (2 days) and 2 other countries."));
    }

    #[test]
    fn home_work_trips_of_the_latest_year() {
        let rows = [
            HomeWork {
                year: 2023,
                mode: Mode::Car,
                trips: 200,
                metres: 920_000,
            },
            HomeWork {
                year: 2024,
                mode: Mode::Car,
                trips: 30,
                metres: 138_000,
            },
            HomeWork {
                year: 2024,
                mode: Mode::Cycling,
                trips: 150,
                metres: 690_000,
            },
        ];
        assert_eq!(
            home_work_sentence(Lang::En, &rows).unwrap(),
            "Between home and work in 2024: 180 trips, 150 by bike (690\u{a0}km) and 30 by car \
             (138\u{a0}km)."
        );
        assert_eq!(
            home_work_sentence(Lang::Fr, &rows).unwrap(),
            "Entre domicile et travail en 2024\u{a0}: 180\u{a0}trajets, dont 150 à vélo \
             (690\u{a0}km) et 30 en voiture (138\u{a0}km)."
        );
        assert_eq!(home_work_sentence(Lang::En, &[]), None);
    }
}
