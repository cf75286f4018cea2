//! What health files reveal, in French and English (issue 9).

use super::day::long_date;
use super::social::{counted, names};
use super::{clock, distance, format_count, list_and, Lang};
use crate::model::health::WorkoutTotal;
use crate::model::health::{HealthApp, HealthSource, HealthSummary, Heart, RingDays, Sleep, Steps};

/// The app's name.
pub fn app_name(lang: Lang, app: HealthApp) -> &'static str {
    match (lang, app) {
        (Lang::Fr, HealthApp::AppleHealth) => "Apple Santé",
        (Lang::En, HealthApp::AppleHealth) => "Apple Health",
        (_, HealthApp::GoogleFit) => "Google Fit",
    }
}

/// A CamelCase name as lower-case words: `FunctionalStrengthTraining` → "functional strength
/// training" (names Apple adds later than this list, in English).
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A name from a short list (French, English), else its words.
fn named(lang: Lang, name: &str, list: &[(&str, &str, &str)]) -> String {
    match list.iter().find(|(n, _, _)| *n == name) {
        Some((_, fr, en)) => match lang {
            Lang::Fr => (*fr).to_owned(),
            Lang::En => (*en).to_owned(),
        },
        None => words(name),
    }
}

/// A workout's activity: `Running` → "course à pied" / "running".
pub fn activity(lang: Lang, kind: &str) -> String {
    named(
        lang,
        kind,
        &[
            ("Running", "course à pied", "running"),
            ("Walking", "marche", "walking"),
            ("Cycling", "vélo", "cycling"),
            ("Swimming", "natation", "swimming"),
            ("Hiking", "randonnée", "hiking"),
            ("Yoga", "yoga", "yoga"),
            (
                "TraditionalStrengthTraining",
                "musculation",
                "strength training",
            ),
            (
                "FunctionalStrengthTraining",
                "renforcement",
                "functional training",
            ),
            ("HighIntensityIntervalTraining", "fractionné (HIIT)", "HIIT"),
            ("Elliptical", "elliptique", "elliptical"),
            ("Rowing", "aviron", "rowing"),
            ("Other", "autre", "other"),
        ],
    )
}

/// A record type: `HeartRate` → "fréquence cardiaque" / "heart rate".
pub fn record_type(lang: Lang, kind: &str) -> String {
    named(
        lang,
        kind,
        &[
            ("StepCount", "pas", "steps"),
            ("HeartRate", "fréquence cardiaque", "heart rate"),
            (
                "RestingHeartRate",
                "fréquence au repos",
                "resting heart rate",
            ),
            (
                "DistanceWalkingRunning",
                "distance à pied",
                "distance on foot",
            ),
            ("ActiveEnergyBurned", "énergie active", "active energy"),
            ("BasalEnergyBurned", "énergie au repos", "resting energy"),
            ("SleepAnalysis", "sommeil", "sleep"),
            (
                "AppleExerciseTime",
                "minutes d'exercice",
                "exercise minutes",
            ),
            ("AppleStandTime", "temps debout", "standing time"),
            ("FlightsClimbed", "étages montés", "flights climbed"),
            ("BodyMass", "poids", "weight"),
            (
                "BodyMassIndex",
                "indice de masse corporelle",
                "body mass index",
            ),
        ],
    )
}

/// A characteristic: `BloodType` → "votre groupe sanguin" / "your blood type".
fn characteristic(lang: Lang, kind: &str) -> String {
    named(
        lang,
        kind,
        &[
            (
                "DateOfBirth",
                "votre date de naissance",
                "your date of birth",
            ),
            ("BiologicalSex", "votre sexe", "your sex"),
            ("BloodType", "votre groupe sanguin", "your blood type"),
            ("FitzpatrickSkinType", "votre phototype", "your skin type"),
            (
                "WheelchairUse",
                "l'usage d'un fauteuil roulant",
                "wheelchair use",
            ),
            (
                "CardioFitnessMedicationsUse",
                "vos médicaments pour le cœur",
                "your heart medication",
            ),
        ],
    )
}

/// Hours and minutes: "7 h 12" / "7 h 12 min".
fn hours(lang: Lang, minutes: u64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if h == 0 {
        return format!("{m}\u{a0}min");
    }
    match lang {
        Lang::Fr => format!("{h}\u{a0}h\u{a0}{m:02}"),
        Lang::En => format!("{h}\u{a0}h {m:02}\u{a0}min"),
    }
}

/// "Apple Health counted 7,412 steps a day on average over 1,234 days; your best day, Friday 14
/// June 2019, 21,034 steps."
pub fn steps(lang: Lang, app: HealthApp, s: &Steps) -> String {
    let who = app_name(lang, app);
    let (mean, best) = (format_count(lang, s.mean), format_count(lang, s.best));
    let days = counted(lang, s.days, ("jour", "jours"), ("day", "days"));
    let date = long_date(lang, &s.best_day);
    #[allow(clippy::cast_precision_loss)]
    let far = s.distance_m.map(|m| distance(lang, m as f64));
    let far = far.map_or_else(String::new, |d| match lang {
        Lang::Fr => format!(" Soit environ {d} à pied par jour."),
        Lang::En => format!(" That is about {d} on foot a day."),
    });
    match lang {
        Lang::Fr => format!(
            "{who} a compté en moyenne {mean}\u{a0}pas par jour, sur {days}\u{a0}; votre \
             meilleure journée, le {date}, {best}\u{a0}pas.{far}"
        ),
        Lang::En => format!(
            "{who} counted {mean} steps a day on average, over {days}; your best day, {date}, \
             {best} steps.{far}"
        ),
    }
}

/// "Your heart rate, measured 12,345 times, ranged from 42 to 187 beats a minute, 74 on average;
/// at rest, 58 on average."
pub fn heart(lang: Lang, app: HealthApp, h: &Heart) -> String {
    let rest = h.resting.map(|r| match lang {
        Lang::Fr => format!("au repos, {r}\u{a0}battements par minute en moyenne"),
        Lang::En => format!("at rest, {r} beats a minute on average"),
    });
    if h.measures == 0 {
        let rest = rest.unwrap_or_default();
        return match lang {
            Lang::Fr => format!("Votre cœur battait, {rest}."),
            Lang::En => format!("Your heart beat, {rest}."),
        };
    }
    // Google Fit gives a mean a day, Apple Health each measure.
    let times = match (lang, app) {
        (_, HealthApp::AppleHealth) => {
            let n = match (lang, h.measures) {
                (Lang::En, 1) => "once".to_owned(),
                _ => counted(lang, h.measures, ("fois", "fois"), ("time", "times")),
            };
            super::pick(lang, ("mesurée ", "measured ")).to_owned() + &n
        }
        (Lang::Fr, HealthApp::GoogleFit) => {
            format!(
                "sur {}",
                counted(lang, h.measures, ("jour", "jours"), ("", ""))
            )
        }
        (Lang::En, HealthApp::GoogleFit) => {
            format!(
                "over {}",
                counted(lang, h.measures, ("", ""), ("day", "days"))
            )
        }
    };
    let rest = rest.map_or_else(String::new, |r| match lang {
        Lang::Fr => format!("\u{a0}; {r}"),
        Lang::En => format!("; {r}"),
    });
    let (min, mean, max) = (h.min, h.mean, h.max);
    if min == max {
        return match lang {
            Lang::Fr => format!("Votre fréquence cardiaque, {times}, était de {mean}\u{a0}battements par minute{rest}."),
            Lang::En => format!("Your heart rate, {times}, was {mean} beats a minute{rest}."),
        };
    }
    match lang {
        Lang::Fr => format!(
            "Votre fréquence cardiaque, {times}, est allée de {min} à {max}\u{a0}battements \
             par minute, {mean} en moyenne{rest}."
        ),
        Lang::En => format!(
            "Your heart rate, {times}, ranged from {min} to {max} beats a minute, {mean} \
             on average{rest}."
        ),
    }
}

/// "Your phone or watch recorded you asleep from about 23:40 to 7:10: 7 h 12 min a night on
/// average, over 312 nights."
pub fn sleep(lang: Lang, s: &Sleep) -> String {
    let (bed, wake) = (clock(lang, s.bedtime), clock(lang, s.wake));
    let nights = counted(lang, s.nights, ("nuit", "nuits"), ("night", "nights"));
    let time = hours(lang, s.asleep_min);
    match (lang, s.in_bed_only) {
        (Lang::Fr, false) => format!(
            "Votre téléphone ou votre montre a enregistré votre sommeil d'environ {bed} à \
             {wake}\u{a0}: {time} par nuit en moyenne, sur {nights}."
        ),
        (Lang::Fr, true) => format!(
            "Votre téléphone a enregistré votre temps au lit, d'environ {bed} à {wake}\u{a0}: \
             {time} par nuit en moyenne, sur {nights}."
        ),
        (Lang::En, false) => format!(
            "Your phone or watch recorded you asleep from about {bed} to {wake}: {time} a night \
             on average, over {nights}."
        ),
        (Lang::En, true) => format!(
            "Your phone recorded you in bed from about {bed} to {wake}: {time} a night on \
             average, over {nights}."
        ),
    }
}

/// "Apple Health lists 58 workouts: running 45 times (32 h, 310.2 km), cycling 13 times (…)."
pub fn workouts(lang: Lang, app: HealthApp, list: &[WorkoutTotal]) -> String {
    let who = app_name(lang, app);
    let total = counted(
        lang,
        list.iter().map(|w| w.count).sum(),
        ("entraînement", "entraînements"),
        ("workout", "workouts"),
    );
    let items: Vec<String> = list
        .iter()
        .map(|w| {
            let mut what = vec![hours(lang, (w.seconds + 30) / 60)];
            if w.metres > 0 {
                #[allow(clippy::cast_precision_loss)]
                what.push(distance(lang, w.metres as f64));
            }
            let times = match (lang, w.count) {
                (Lang::En, 1) => "once".to_owned(),
                _ => counted(lang, w.count, ("fois", "fois"), ("time", "times")),
            };
            format!("{} {times} ({})", activity(lang, &w.kind), what.join(", "))
        })
        .collect();
    let shown: Vec<&str> = items.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    match lang {
        Lang::Fr => format!("{who} recense {total}\u{a0}: {listed}."),
        Lang::En => format!("{who} lists {total}: {listed}."),
    }
}

/// "Over 312 days of activity rings, you met your move goal on 180 days, …"
pub fn rings(lang: Lang, r: &RingDays) -> String {
    let days = counted(lang, r.days, ("jour", "jours"), ("day", "days"));
    let count = |v| format_count(lang, v);
    let (moved, trained, stood) = (
        count(r.energy_met),
        count(r.exercise_met),
        count(r.stand_met),
    );
    let (kcal, min, stand) = (count(r.energy), count(r.exercise), count(r.stand));
    match lang {
        Lang::Fr => format!(
            "Sur {days} d'anneaux d'activité, vous avez atteint votre objectif Bouger {moved}\u{a0}fois, \
             M'entraîner {trained}\u{a0}fois et Me lever {stood}\u{a0}fois\u{a0}; en moyenne \
             {kcal}\u{a0}kcal d'énergie active, {min}\u{a0}minutes d'exercice et {stand}\u{a0}heures \
             avec un moment debout par jour."
        ),
        Lang::En => format!(
            "Over {days} of activity rings, you met your move goal on {moved}, your exercise \
             goal on {trained} and your stand goal on {stood}; on average {kcal} kcal of active \
             energy, {min} minutes of exercise and {stand} hours with some standing a day."
        ),
    }
}

/// "3 apps and devices wrote the 1,234,567 records in Apple Health: Apple Watch de Marie
/// (1,000,000: heart rate, steps and active energy), …"
pub fn sources(lang: Lang, app: HealthApp, records: u64, list: &[HealthSource]) -> String {
    let who = app_name(lang, app);
    let n = counted(
        lang,
        list.len() as u64,
        ("application ou appareil", "applications et appareils"),
        ("app or device", "apps and devices"),
    );
    let records = counted(lang, records, ("relevé", "relevés"), ("record", "records"));
    let items: Vec<String> = list
        .iter()
        .map(|s| {
            let types: Vec<String> = s.types.iter().map(|t| record_type(lang, t)).collect();
            let count = format_count(lang, s.records);
            if types.is_empty() {
                format!("{} ({count})", s.name)
            } else {
                let colon = super::colon(lang);
                format!("{} ({count}{colon} {})", s.name, list_and(lang, &types))
            }
        })
        .collect();
    let shown: Vec<&str> = items.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    match (lang, list.len()) {
        (Lang::Fr, 1) => {
            format!("Les {records} dans {who} viennent d'une seule source\u{a0}: {listed}.")
        }
        (Lang::En, 1) => format!("The {records} in {who} come from one source: {listed}."),
        (Lang::Fr, _) => format!("{n} ont écrit les {records} dans {who}\u{a0}: {listed}."),
        (Lang::En, _) => format!("{n} wrote the {records} in {who}: {listed}."),
    }
}

/// "The file states your date of birth, your sex and your blood type."
pub fn profile(lang: Lang, kinds: &[String]) -> String {
    let items: Vec<String> = kinds.iter().map(|k| characteristic(lang, k)).collect();
    let listed = list_and(lang, &items);
    match lang {
        Lang::Fr => format!("Le fichier indique {listed}."),
        Lang::En => format!("The file states {listed}."),
    }
}

/// The line under a health file's name: what was read from it.
pub fn summary_line(lang: Lang, s: &HealthSummary) -> String {
    let mut parts = Vec::new();
    if s.records > 0 {
        parts.push(counted(
            lang,
            s.records,
            ("relevé", "relevés"),
            ("record", "records"),
        ));
    }
    if s.days > 0 {
        parts.push(counted(lang, s.days, ("jour", "jours"), ("day", "days")));
    }
    let workouts: u64 = s.workouts.iter().map(|w| w.count).sum();
    if workouts > 0 {
        parts.push(counted(
            lang,
            workouts,
            ("entraînement", "entraînements"),
            ("workout", "workouts"),
        ));
    }
    if parts.is_empty() {
        return match lang {
            Lang::Fr => "Aucun relevé daté".to_owned(),
            Lang::En => "No dated record".to_owned(),
        };
    }
    parts.join(" · ")
}

/// How each health finding was reached.
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "health_steps") => {
            "Les pas sont additionnés jour par jour, à l'heure locale que le fichier écrit. Un \
             téléphone et une montre comptent les mêmes pas\u{a0}: chaque jour garde le total de \
             l'appareil qui en a compté le plus, comme le fait à peu près l'app. La moyenne porte \
             sur les jours qui ont des pas."
        }
        (Lang::En, "health_steps") => {
            "Steps are added up day by day, at the local time the file writes. A phone and a \
             watch count the same steps: each day keeps the total of the device that counted \
             most, roughly as the app does. The mean is over the days with steps."
        }
        (Lang::Fr, "health_heart") => {
            "Chaque mesure de fréquence cardiaque du fichier compte (entre 20 et 250\u{a0}battements \
             par minute). La fréquence au repos est celle que l'appareil calcule chaque jour. La \
             fréquence cardiaque est une donnée de santé, protégée comme telle par le RGPD."
        }
        (Lang::En, "health_heart") => {
            "Every heart-rate measure in the file counts (between 20 and 250 beats a minute). The \
             resting rate is the one the device works out each day. Heart rate is health data, \
             protected as such by the GDPR."
        }
        (Lang::Fr, "health_sleep") => {
            "Les moments de sommeil sont regroupés par nuit (de midi à midi). L'heure du coucher \
             et celle du réveil sont les médianes du premier et du dernier moment de chaque nuit\u{a0}; \
             le temps de sommeil additionne les phases, sans dépasser la nuit quand deux appareils \
             l'enregistrent. Sans phases de sommeil, c'est le temps au lit qui compte."
        }
        (Lang::En, "health_sleep") => {
            "Sleep stretches are grouped by night (noon to noon). Bedtime and waking time are the \
             medians of each night's first and last moment; time asleep adds up the stages, never \
             more than the night when two devices record it. Without sleep stages, time in bed \
             counts."
        }
        (Lang::Fr, "health_workouts") => {
            "Chaque entraînement du fichier compte, avec sa durée, sa distance et son énergie \
             quand il les donne, regroupé par activité. Les tracés GPS sont dans d'autres \
             fichiers (workout-routes), lus comme des trajets."
        }
        (Lang::En, "health_workouts") => {
            "Every workout in the file counts, with its time, distance and energy when it gives \
             them, grouped by activity. GPS routes are in other files (workout-routes), read as \
             trips."
        }
        (Lang::Fr, "health_rings") => {
            "Le fichier garde un résumé par jour des anneaux d'activité (Bouger, M'entraîner, Me \
             lever) et de leurs objectifs. Un objectif est atteint quand le jour l'égale ou le \
             dépasse."
        }
        (Lang::En, "health_rings") => {
            "The file keeps a daily summary of the activity rings (Move, Exercise, Stand) and \
             their goals. A goal is met when the day equals or passes it."
        }
        (Lang::Fr, "health_sources") => {
            "Chaque relevé nomme l'application ou l'appareil qui l'a écrit, tel que vous l'avez \
             appelé («\u{a0}iPhone de…\u{a0}»)\u{a0}: on compte les relevés de chacun et leurs \
             types les plus fréquents. Une application tierce qui écrit dans Santé a eu accès à \
             ces données."
        }
        (Lang::En, "health_sources") => {
            "Each record names the app or device that wrote it, as you named it (\"Marie's \
             iPhone\"): the records of each are counted, with their most frequent types. A \
             third-party app that writes to Health was given access to these data."
        }
        (Lang::Fr, "health_profile") => {
            "Ce sont les caractéristiques que vous avez renseignées dans l'app (les valeurs non \
             renseignées sont écartées). Seule leur nature est montrée ici, jamais leur valeur."
        }
        (Lang::En, "health_profile") => {
            "These are the characteristics you filled in in the app (those left unset are left \
             out). Only what they are is shown here, never their values."
        }
        _ => return None,
    })
}
