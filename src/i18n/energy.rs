//! What electricity files reveal, in French and English (issue 9).

use super::day::month_name;
use super::social::counted;
use super::{clock, format_count, percent, Lang};
use crate::analysis::day::parse_day;
use crate::model::energy::{Absence, EmptyHours, EnergySummary, Peak};
use crate::model::time::civil_from_days;

/// Energy in whole kWh, as sentences and charts round it.
pub fn whole_kwh(wh: u64) -> u64 {
    (wh + 500) / 1000
}

/// Energy: "812 kWh", "14.5 kWh" / "14,5 kWh" (one decimal below 100 kWh), "850 Wh".
pub fn kwh(lang: Lang, wh: u64) -> String {
    if wh < 1000 {
        return format!("{wh}\u{a0}Wh");
    }
    let tenths = (wh + 50) / 100;
    if tenths < 1000 {
        let sep = if lang == Lang::Fr { ',' } else { '.' };
        return format!("{}{sep}{}\u{a0}kWh", tenths / 10, tenths % 10);
    }
    format!("{}\u{a0}kWh", format_count(lang, whole_kwh(wh)))
}

/// "4 March 2024" / "4 mars 2024", "1er mars" in French.
fn day_name(lang: Lang, (_, month, day): (i64, i64, i64), year: Option<i64>) -> String {
    let day = if day == 1 && lang == Lang::Fr {
        "1er".to_owned()
    } else {
        day.to_string()
    };
    let name = month_name(lang, month);
    year.map_or_else(|| format!("{day} {name}"), |y| format!("{day} {name} {y}"))
}

/// "from 22 to 28 October 2023", "from 30 July to 5 August 2023" / "du 22 au 28 octobre 2023".
pub fn span(lang: Lang, from: &str, to: &str) -> String {
    let (Some(a), Some(b)) = (parse_day(from), parse_day(to)) else {
        return format!("{from} – {to}");
    };
    let (a, b) = (civil_from_days(a), civil_from_days(b));
    let first = if a.0 != b.0 {
        day_name(lang, a, Some(a.0))
    } else if a.1 != b.1 {
        day_name(lang, a, None)
    } else {
        a.2.to_string()
    };
    let last = day_name(lang, b, Some(b.0));
    if a == b {
        return match lang {
            Lang::Fr => format!("le {last}"),
            Lang::En => format!("on {last}"),
        };
    }
    match lang {
        Lang::Fr => format!("du {first} au {last}"),
        Lang::En => format!("from {first} to {last}"),
    }
}

/// A date alone: "3 November 2023" / "3 novembre 2023".
fn on(lang: Lang, date: &str) -> String {
    parse_day(date).map_or_else(
        || date.to_owned(),
        |d| {
            let c = civil_from_days(d);
            day_name(lang, c, Some(c.0))
        },
    )
}

/// "Your meter recorded 812.3 kWh over 56 days, from 25 September to 19 November 2023: 14.5 kWh a
/// day on average. 180 W run day and night (standby appliances), 4.3 kWh a day. The biggest
/// month: November 2023, 300 kWh."
pub fn usage(lang: Lang, s: &EnergySummary, top: Option<(&str, u64)>) -> String {
    let total = kwh(lang, s.total_wh);
    let days = counted(lang, s.days, ("jour", "jours"), ("day", "days"));
    let when = s
        .first
        .as_deref()
        .zip(s.last.as_deref())
        .map(|(a, b)| format!(", {}", span(lang, a, b)))
        .unwrap_or_default();
    let mean = s.mean_wh_day.map(|m| match lang {
        Lang::Fr => format!("\u{a0}: {} par jour en moyenne", kwh(lang, m)),
        Lang::En => format!(": {} a day on average", kwh(lang, m)),
    });
    let base = s.base_w.map(|w| match lang {
        Lang::Fr => format!(
            " {}\u{a0}W tournent jour et nuit (appareils en veille), {} par jour.",
            format_count(lang, w),
            kwh(lang, w * 24)
        ),
        Lang::En => format!(
            " {}\u{a0}W run day and night (standby appliances), {} a day.",
            format_count(lang, w),
            kwh(lang, w * 24)
        ),
    });
    let top = top.map(|(month, wh)| {
        let name = month
            .split_once('-')
            .and_then(|(y, m)| Some(format!("{} {y}", month_name(lang, m.parse().ok()?))))
            .unwrap_or_else(|| month.to_owned());
        match lang {
            Lang::Fr => format!(
                " Le mois le plus gourmand\u{a0}: {name}, {}.",
                kwh(lang, wh)
            ),
            Lang::En => format!(" The biggest month: {name}, {}.", kwh(lang, wh)),
        }
    });
    let (mean, base, top) = (
        mean.unwrap_or_default(),
        base.unwrap_or_default(),
        top.unwrap_or_default(),
    );
    match lang {
        Lang::Fr => format!("Votre compteur a relevé {total} sur {days}{when}{mean}.{base}{top}"),
        Lang::En => format!("Your meter recorded {total} over {days}{when}{mean}.{base}{top}"),
    }
}

/// A typical time and, in brackets, the other one: "6:45 on weekdays (8:45 at weekends)".
fn times(lang: Lang, main: Option<u16>, other: Option<u16>, nights: bool) -> Option<String> {
    let (main_words, other_words) = match (lang, nights) {
        (Lang::Fr, false) => ("en semaine", "le week-end"),
        (Lang::En, false) => ("on weekdays", "at weekends"),
        (Lang::Fr, true) => ("en semaine", "les vendredis et samedis soir"),
        (Lang::En, true) => ("on weeknights", "on Friday and Saturday nights"),
    };
    let around = if lang == Lang::Fr { "vers" } else { "around" };
    match (main, other) {
        (Some(m), Some(o)) => Some(format!(
            "{around} {} {main_words} ({} {other_words})",
            clock(lang, m),
            clock(lang, o)
        )),
        (Some(m), None) => Some(format!("{around} {} {main_words}", clock(lang, m))),
        (None, Some(o)) => Some(format!("{around} {} {other_words}", clock(lang, o))),
        (None, None) => None,
    }
}

/// "Your meter shows your home waking up around 6:45 on weekdays (8:45 at weekends) and going
/// quiet around 23:15 on weeknights (0:30 on Friday and Saturday nights)."
pub fn rhythm(lang: Lang, s: &EnergySummary) -> String {
    let wake = times(lang, s.wake_weekdays, s.wake_weekends, false);
    let bed = times(lang, s.bed_weekdays, s.bed_weekends, true);
    let (wake_words, bed_words, and, start) = match lang {
        Lang::Fr => (
            "se réveille",
            "s'endort",
            " et ",
            "Votre compteur montre que votre logement ",
        ),
        Lang::En => (
            "waking up",
            "going quiet",
            " and ",
            "Your meter shows your home ",
        ),
    };
    let parts: Vec<String> = [(wake_words, wake), (bed_words, bed)]
        .into_iter()
        .filter_map(|(words, t)| Some(format!("{words} {}", t?)))
        .collect();
    format!("{start}{}.", parts.join(and))
}

/// "On 80% of weekdays your home draws no more than its standby load from 9:00 to 18:00: the
/// curve shows when nobody is in."
pub fn empty(lang: Lang, e: &EmptyHours, base: Option<u64>) -> String {
    let (from, to) = (
        clock(lang, u16::from(e.from) * 60),
        clock(lang, u16::from(e.to) * 60),
    );
    let share = percent(lang, e.percent);
    let base = base
        .map(|w| format!(" ({}\u{a0}W)", format_count(lang, w)))
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!(
            "Sur {share} des jours de semaine, votre logement ne consomme pas plus que sa veille{base} \
             de {from} à {to}\u{a0}: la courbe montre quand personne n'est là."
        ),
        Lang::En => format!(
            "On {share} of weekdays your home draws no more than its standby load{base} from \
             {from} to {to}: the curve shows when nobody is in."
        ),
    }
}

/// "Your home was empty from 22 to 28 October 2023 (7 days): your meter tells anyone who reads it
/// when you are away. It shows 3 such absences."
pub fn absences(lang: Lang, longest: &Absence, count: u64) -> String {
    let when = span(lang, &longest.from, &longest.to);
    let days = counted(lang, longest.days, ("jour", "jours"), ("day", "days"));
    let more = (count > 1).then(|| match lang {
        Lang::Fr => format!(" Il en montre {count} de ce genre en tout."),
        Lang::En => format!(" It shows {count} such absences in all."),
    });
    let more = more.unwrap_or_default();
    match lang {
        Lang::Fr => format!(
            "Votre logement était vide {when} ({days})\u{a0}: votre compteur dit à qui le lit \
             quand vous êtes absent.{more}"
        ),
        Lang::En => format!(
            "Your home was empty {when} ({days}): your meter tells anyone who reads it when you \
             are away.{more}"
        ),
    }
}

/// "The most power your home drew at once was 5,230 VA, on 3 November 2023 at 19:40."
pub fn peak(lang: Lang, p: &Peak) -> String {
    let value = format!("{}\u{a0}{}", format_count(lang, p.value), p.unit);
    let day = on(lang, &p.day);
    let at = p
        .time
        .as_deref()
        .and_then(|t| {
            let (h, m) = t.split_once(':')?;
            Some(clock(
                lang,
                h.parse::<u16>().ok()? * 60 + m.parse::<u16>().ok()?,
            ))
        })
        .map(|t| match lang {
            Lang::Fr => format!(" à {t}"),
            Lang::En => format!(" at {t}"),
        })
        .unwrap_or_default();
    match (lang, p.unit.as_str()) {
        (Lang::Fr, "VA") => format!(
            "Au plus fort, votre logement a appelé {value}, le {day}{at}\u{a0}: plusieurs gros \
             appareils en marche ensemble."
        ),
        (Lang::En, "VA") => format!(
            "The most power your home drew at once was {value}, on {day}{at}: several big \
             appliances running together."
        ),
        (Lang::Fr, _) => format!(
            "Le pas le plus chargé de votre courbe montre {value} en moyenne, le {day}{at}, \
             quand plusieurs gros appareils tournaient ensemble."
        ),
        (Lang::En, _) => format!(
            "The busiest step of your curve shows {value} on average, on {day}{at}, \
             when several big appliances ran together."
        ),
    }
}

/// One line for the file list: "56 days · 812.3 kWh · 14.5 kWh a day".
pub fn summary_line(lang: Lang, s: &EnergySummary) -> String {
    let mut parts = Vec::new();
    if s.days > 0 {
        parts.push(counted(lang, s.days, ("jour", "jours"), ("day", "days")));
    }
    if s.total_wh > 0 {
        parts.push(kwh(lang, s.total_wh));
    }
    if let Some(mean) = s.mean_wh_day {
        parts.push(match lang {
            Lang::Fr => format!("{} par jour", kwh(lang, mean)),
            Lang::En => format!("{} a day", kwh(lang, mean)),
        });
    }
    if let Some(p) = s.peak.as_ref().filter(|p| p.unit == "VA") {
        parts.push(format!("max {}\u{a0}VA", format_count(lang, p.value)));
    }
    if parts.is_empty() {
        return match lang {
            Lang::Fr => "Aucun relevé".to_owned(),
            Lang::En => "No reading".to_owned(),
        };
    }
    parts.join(" · ")
}

/// How each electricity finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "energy_use") => {
            "L'énergie de chaque jour (heure de Paris) est sa valeur quotidienne, ou la somme de \
             sa courbe de charge (puissance moyenne × durée du pas). La moyenne ne compte que les \
             jours entiers (au moins 20\u{a0}heures de courbe). La veille est, pour chaque jour \
             entier, l'heure la plus basse, puis la médiane de ces minimums."
        }
        (Lang::En, "energy_use") => {
            "Each day's energy (Paris time) is its daily value, or the sum of its load curve \
             (mean power × step). The average counts whole days only (at least 20 hours of \
             curve). The standby load is each whole day's lowest hour, then the median of these \
             lows."
        }
        (Lang::Fr, "energy_rhythm") => {
            "Une demi-heure est «\u{a0}active\u{a0}» au-dessus de la veille plus la moitié \
             (150\u{a0}W de plus au moins). Le réveil est la première suite de deux demi-heures \
             actives entre 4\u{a0}h\u{a0}30 et midi, le coucher la dernière entre 18\u{a0}h et \
             2\u{a0}h, au prorata de la demi-heure de bascule. On retient la médiane des jours à \
             la maison (absences écartées), arrondie à 5\u{a0}minutes, s'il y en a au moins \
             trois. Un chauffe-eau ou un chauffage programmé peut brouiller ces heures."
        }
        (Lang::En, "energy_rhythm") => {
            "A half-hour is \"active\" above the standby load plus half as much (at least \
             150 W more). Waking up is the first run of two active half-hours from 4:30 to noon, \
             going quiet the last from 18:00 to 2:00, pro rata within the half-hour of the \
             change. The median over the days at home (absences left out) is kept, rounded to \
             5 minutes, when there are at least three. A timed water heater or heating can blur \
             these times."
        }
        (Lang::Fr, "energy_empty") => {
            "Pour chaque heure de 6\u{a0}h à 22\u{a0}h, on compte les jours de semaine à la \
             maison où elle reste sous le seuil d'activité (la veille plus la moitié, \
             150\u{a0}W de plus au moins). La plus longue suite d'au moins deux heures calmes \
             au moins 60\u{a0}% de ces jours est retenue, avec sa part la plus basse."
        }
        (Lang::En, "energy_empty") => {
            "For each hour from 6:00 to 22:00, the weekdays at home it stays below the activity \
             threshold (the standby load plus half as much, at least 150 W more) are counted. \
             The longest run of at least two hours quiet on at least 60% of these days is kept, \
             with its lowest share."
        }
        (Lang::Fr, "energy_absences") => {
            "Un jour entier est «\u{a0}vide\u{a0}» quand il consomme au plus 40\u{a0}% de plus \
             que la veille sur 24\u{a0}heures (plus 300\u{a0}Wh), et au plus la moitié d'un jour \
             médian (sans courbe de charge, la veille est prise aux 5\u{a0}% des jours les plus \
             sobres). Trois jours vides d'affilée au moins font une absence."
        }
        (Lang::En, "energy_absences") => {
            "A whole day is \"empty\" when it uses at most 40% more than the standby load over \
             24 hours (plus 300 Wh), and at most half a median day (without a load curve, the \
             standby is taken from the 5% most frugal days). Three empty days in a row or more \
             make an absence."
        }
        (Lang::Fr, "energy_peak") => {
            "La plus haute valeur du fichier\u{a0}: la puissance maximale du jour (VA) quand \
             Enedis la donne, sinon le pas de la courbe de charge à la plus forte puissance \
             moyenne (W), avec son heure de Paris."
        }
        (Lang::En, "energy_peak") => {
            "The file's highest value: the day's maximum power (VA) when Enedis gives it, else \
             the load curve step with the highest mean power (W), with its Paris time."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn energy_and_spans_read_naturally() {
        assert_eq!(kwh(Lang::En, 850), "850\u{a0}Wh");
        assert_eq!(kwh(Lang::Fr, 14_460), "14,5\u{a0}kWh");
        assert_eq!(kwh(Lang::En, 812_340), "812\u{a0}kWh");
        assert_eq!(kwh(Lang::Fr, 3_250_000), "3\u{202f}250\u{a0}kWh");
        assert_eq!(
            span(Lang::En, "2023-10-22", "2023-10-28"),
            "from 22 to 28 October 2023"
        );
        assert_eq!(
            span(Lang::Fr, "2023-07-30", "2023-08-05"),
            "du 30 juillet au 5 août 2023"
        );
        assert_eq!(
            span(Lang::Fr, "2023-12-30", "2024-01-01"),
            "du 30 décembre 2023 au 1er janvier 2024"
        );
        for id in [
            "energy_use",
            "energy_rhythm",
            "energy_empty",
            "energy_absences",
            "energy_peak",
        ] {
            assert!(why(Lang::Fr, id).is_some() && why(Lang::En, id).is_some());
        }
    }
}
