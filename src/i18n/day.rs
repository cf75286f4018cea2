//! The day view's sentences, in French and English.

use super::trips::{km, mass};
use super::{clock, colon, mode_name, weekday_name, Lang};
use crate::analysis::day::parse_day;
use crate::model::day::{DayStop, DayTrip, DayView, StopPlace};
use crate::model::time::civil_from_days;

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month's name (1–12): "mars" / "March".
pub fn month_name(lang: Lang, month: i64) -> &'static str {
    let names = match lang {
        Lang::Fr => FR_MONTHS,
        Lang::En => EN_MONTHS,
    };
    usize::try_from(month - 1)
        .ok()
        .and_then(|m| names.get(m))
        .copied()
        .unwrap_or_default()
}

/// "lundi 4 mars 2024" / "Monday 4 March 2024"; the text itself if it is not a date.
pub fn long_date(lang: Lang, date: &str) -> String {
    let Some(days) = parse_day(date) else {
        return date.to_owned();
    };
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday (index 3, Monday first).
    let weekday = usize::try_from((days + 3).rem_euclid(7)).unwrap_or(0);
    let name = month_name(lang, month);
    let first = if day == 1 && lang == Lang::Fr {
        "1er".to_owned()
    } else {
        day.to_string()
    };
    format!("{} {first} {name} {year}", weekday_name(lang, weekday))
}

/// A local time `"08:30"` as the person reads it: "8 h 30" / "8:30".
fn time(lang: Lang, hhmm: &str) -> String {
    let minutes = hhmm
        .split_once(':')
        .and_then(|(h, m)| Some(h.parse::<u16>().ok()? * 60 + m.parse::<u16>().ok()?));
    minutes.map_or_else(|| hhmm.to_owned(), |m| clock(lang, m))
}

/// "2 trips, 6.7 km, 0 g of CO2" / "No trip on this day."
pub fn day_summary(lang: Lang, day: &DayView) -> String {
    let n = day.trips.len();
    if n == 0 {
        return match lang {
            Lang::Fr => "Aucun trajet ce jour-là.".to_owned(),
            Lang::En => "No trip on this day.".to_owned(),
        };
    }
    let (distance, carbon) = (km(lang, day.metres), mass(lang, day.grams));
    match (lang, n) {
        (Lang::Fr, 1) => format!("1 trajet, {distance}, {carbon} de CO2."),
        (Lang::Fr, n) => format!("{n} trajets, {distance}, {carbon} de CO2."),
        (Lang::En, 1) => format!("1 trip, {distance}, {carbon} of CO2."),
        (Lang::En, n) => format!("{n} trips, {distance}, {carbon} of CO2."),
    }
}

/// A stay, with when and where: "8 h 42 – 17 h : travail probable".
pub fn stop_line(lang: Lang, stop: &DayStop) -> String {
    let when = match (&stop.from, &stop.until, lang) {
        (None, None, Lang::Fr) => "Toute la journée".to_owned(),
        (None, None, Lang::En) => "All day".to_owned(),
        (None, Some(until), Lang::Fr) => format!("Jusqu'à {}", time(lang, until)),
        (None, Some(until), Lang::En) => format!("Until {}", time(lang, until)),
        (Some(from), None, Lang::Fr) => format!("À partir de {}", time(lang, from)),
        (Some(from), None, Lang::En) => format!("From {}", time(lang, from)),
        (Some(from), Some(until), _) => format!("{} – {}", time(lang, from), time(lang, until)),
    };
    let place = match (&stop.place, lang) {
        (StopPlace::Home, Lang::Fr) => "domicile probable".to_owned(),
        (StopPlace::Home, Lang::En) => "probable home".to_owned(),
        (StopPlace::Work, Lang::Fr) => "travail probable".to_owned(),
        (StopPlace::Work, Lang::En) => "probable place of work".to_owned(),
        (StopPlace::OthersHome, Lang::Fr) => "chez quelqu'un d'autre".to_owned(),
        (StopPlace::OthersHome, Lang::En) => "someone else's home".to_owned(),
        (StopPlace::Near { town }, Lang::Fr) => format!("près de {town}"),
        (StopPlace::Near { town }, Lang::En) => format!("near {town}"),
        (StopPlace::Unnamed, _) => super::position(lang, stop.lat, stop.lng),
    };
    let colon = colon(lang);
    format!("{when}{colon} {place}")
}

/// A trip: "8 h 30 – 8 h 42 : vélo, 3,3 km, 0 g de CO2 (mode estimé)".
pub fn trip_line(lang: Lang, trip: &DayTrip) -> String {
    let later = match (trip.ends_later, lang) {
        (0, _) => String::new(),
        (1, Lang::Fr) => " le lendemain".to_owned(),
        (1, Lang::En) => " the next day".to_owned(),
        (n, Lang::Fr) => format!(" {n} jours plus tard"),
        (n, Lang::En) => format!(" {n} days later"),
    };
    let when = format!(
        "{} – {}{later}",
        time(lang, &trip.start),
        time(lang, &trip.end)
    );
    let carbon = match (trip.grams, lang) {
        (Some(g), Lang::Fr) => format!(", {} de CO2", mass(lang, g)),
        (Some(g), Lang::En) => format!(", {} of CO2", mass(lang, g)),
        (None, Lang::Fr) => ", CO2 non compté".to_owned(),
        (None, Lang::En) => ", CO2 not counted".to_owned(),
    };
    let note = match (trip.corrected, trip.estimated, lang) {
        (true, _, Lang::Fr) => " (corrigé par vous)",
        (true, _, Lang::En) => " (corrected by you)",
        (false, true, Lang::Fr) => " (mode estimé d'après la vitesse)",
        (false, true, Lang::En) => " (mode estimated from speed)",
        (false, false, _) => "",
    };
    let colon = colon(lang);
    format!(
        "{when}{colon} {}, {}{carbon}{note}",
        mode_name(lang, trip.mode),
        km(lang, trip.metres)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::Mode;

    #[test]
    fn a_day_reads_in_both_languages() {
        assert_eq!(long_date(Lang::Fr, "2024-03-04"), "lundi 4 mars 2024");
        assert_eq!(long_date(Lang::En, "2024-03-09"), "Saturday 9 March 2024");
        assert_eq!(long_date(Lang::Fr, "2024-06-01"), "samedi 1er juin 2024");
        let trip = DayTrip {
            id: 0,
            start: "08:30".into(),
            end: "08:42".into(),
            ends_later: 0,
            from: None,
            to: None,
            mode: Mode::Cycling,
            legs: Vec::new(),
            metres: 3_336,
            grams: Some(0),
            estimated: true,
            corrected: false,
        };
        assert_eq!(
            trip_line(Lang::Fr, &trip),
            "8\u{a0}h\u{a0}30 – 8\u{a0}h\u{a0}42\u{a0}: vélo, 3,3\u{a0}km, 0\u{a0}g de CO2 \
             (mode estimé d'après la vitesse)"
        );
        assert_eq!(
            trip_line(Lang::En, &trip),
            "8:30 – 8:42: cycling, 3.3\u{a0}km, 0\u{a0}g of CO2 (mode estimated from speed)"
        );
        let night = DayTrip {
            start: "22:40".into(),
            end: "07:00".into(),
            ends_later: 1,
            mode: Mode::Train,
            estimated: false,
            ..trip.clone()
        };
        assert_eq!(
            trip_line(Lang::En, &night),
            "22:40 – 7:00 the next day: train, 3.3\u{a0}km, 0\u{a0}g of CO2"
        );
        let stop = DayStop {
            from: Some("08:42".into()),
            until: Some("17:00".into()),
            lat: 46.19,
            lng: -1.15,
            place: StopPlace::Work,
            said: None,
        };
        assert_eq!(
            stop_line(Lang::Fr, &stop),
            "8\u{a0}h\u{a0}42 – 17\u{a0}h\u{a0}: travail probable"
        );
        assert_eq!(
            stop_line(Lang::En, &stop),
            "8:42 – 17:00: probable place of work"
        );
    }
}
