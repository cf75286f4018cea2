//! Enedis's Linky files (issue 9), read whole by their source, `enedis.linky`.
//!
//! No real export is public: the files in `tests/fixtures/enedis.linky/` were written by its
//! `generate.py` (formats.md section 16) for an invented household whose times are set there:
//! standby 180 W (±10), up at 6:45 on weekdays and 8:45 at weekends, out from about 8:15 to
//! 18:00–18:30 on weekdays, in bed at 23:15 on weeknights and 0:30 on Friday and Saturday nights
//! (each ±15 minutes, drawn day by day), away from Saturday 21 October 2023 10:00 to Sunday 29
//! October 17:00 (load curve: whole days away 22 to 28 October) and from 5 August 2023 09:00 to
//! 20 August 18:00 (daily file: whole days away 6 to 19 August).
//!
//! The totals were counted independently of Reflet with Python, over the files' rows:
//! `sum(int(v) for each non-empty value) / 2` Wh for a 30-minute curve (mean W over half an hour),
//! the plain sum for the daily file (Wh) and the hourly SGE curve, `max` for the maximum power;
//! months by the first seven characters of the step's start:
//! - `mes-donnees-courbe-de-charge.csv`: 2,690 rows (56 days of 48 half-hours and the hour clocks go back), 4 empty, 785,127 Wh; September 92,283,
//!   October 395,385.5, November 297,458.5; 25 September to 19 November 2023 (56 days);
//! - `mes-donnees-consommation-quotidienne.csv`: 365 rows, 1 empty (14 March), 364 days,
//!   5,499,414 Wh (15,108 a day), December the biggest month (485,134 Wh);
//! - `mes-donnees-puissance-maximale.csv`: 56 days, the highest 3,101 VA at
//!   `2023-11-16T19:40:00+01:00`;
//! - `export-2024.csv` (flat): 1,006 rows, 324,442 Wh; `sge-courbe.csv`: 336 rows, 217,706 Wh.

use reflet::analysis::{findings, read_source, Kind};
use reflet::i18n::Lang;
use reflet::model::energy::{EnergySummary, Layout, Measure};
use reflet::model::Summary;
use reflet::sources;

use super::common::{energy, fixture};

const ID: &str = "enedis.linky";

fn read(name: &str) -> EnergySummary {
    energy(&fixture(ID, name), ID)
}

/// Within the generator's drawn range around a set time (minutes after midnight).
fn near(found: Option<u16>, set: u16) {
    let found = found.unwrap();
    assert!(found.abs_diff(set) <= 15, "{found} is not {set} ± 15");
}

#[test]
fn the_classic_load_curve_shows_the_household_s_days_and_its_week_away() {
    let s = read("mes-donnees-courbe-de-charge.csv");
    assert_eq!(s.layout, Some(Layout::Classic));
    assert_eq!(s.measures, [Measure::LoadCurve]);
    assert_eq!((s.step_minutes, s.readings, s.missing), (Some(30), 2686, 4));
    assert_eq!(
        (s.first.as_deref(), s.last.as_deref()),
        (Some("2023-09-25"), Some("2023-11-19"))
    );
    assert_eq!((s.days, s.whole_days), (56, 56));
    assert!(s.total_wh.abs_diff(785_127) <= 2, "{}", s.total_wh);
    let months: Vec<(&str, u64)> = s.months.iter().map(|(m, wh)| (m.as_str(), *wh)).collect();
    for ((m, wh), (want_m, want)) in months.iter().zip([
        ("2023-09", 92_283),
        ("2023-10", 395_386),
        ("2023-11", 297_459),
    ]) {
        assert_eq!(*m, want_m);
        assert!(wh.abs_diff(want) <= 2, "{m}: {wh}");
    }
    assert!((170..=190).contains(&s.base_w.unwrap()));
    near(s.wake_weekdays, 6 * 60 + 45);
    near(s.wake_weekends, 8 * 60 + 45);
    near(s.bed_weekdays, 23 * 60 + 15);
    near(s.bed_weekends, 24 * 60 + 30);
    let empty = s.empty_weekdays.as_ref().unwrap();
    assert_eq!((empty.from, empty.to), (9, 18));
    assert_eq!(s.absences.len(), 1);
    let away = &s.absences[0];
    assert_eq!(
        (away.from.as_str(), away.to.as_str(), away.days),
        ("2023-10-22", "2023-10-28", 7)
    );
    // The profile: standby at 5:00, the water heater at 2:00, out at 11:00, cooking at 19:00.
    let p = &s.profile_weekdays;
    assert_eq!(p.len(), 24);
    assert!(
        p[5] < 200 && p[2] > 2000 && p[11] < 200 && p[19] > 1500,
        "{p:?}"
    );
    let kind = Kind::Source(ID.to_owned());
    let found = findings(&kind, &Summary::Energy(s.clone()));
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "energy_use",
            "energy_rhythm",
            "energy_empty",
            "energy_absences",
            "energy_peak"
        ]
    );
    let absent = found.iter().find(|f| f.id == "energy_absences").unwrap();
    assert_eq!(
        absent.text.get(Lang::En),
        "Your home was empty from 22 to 28 October 2023 (7\u{a0}days): your meter tells anyone \
         who reads it when you are away."
    );
    assert_eq!(
        absent.text.get(Lang::Fr),
        "Votre logement était vide du 22 au 28 octobre 2023 (7\u{a0}jours)\u{a0}: votre compteur \
         dit à qui le lit quand vous êtes absent."
    );
    // The meter id is never kept nor shown.
    let json = serde_json::to_string(&s).unwrap()
        + &serde_json::to_string(
            &found
                .iter()
                .map(|f| f.text.get(Lang::Fr))
                .collect::<Vec<_>>(),
        )
        .unwrap();
    assert!(!json.contains("09876543210987"));
}

#[test]
fn the_daily_file_gives_totals_by_month_and_the_summer_holidays_but_no_times() {
    let s = read("mes-donnees-consommation-quotidienne.csv");
    assert_eq!(s.measures, [Measure::Daily]);
    assert_eq!((s.readings, s.missing, s.days), (364, 1, 364));
    assert_eq!(s.total_wh, 5_499_414);
    assert_eq!(s.mean_wh_day, Some(15_108));
    assert_eq!(s.months.len(), 12);
    assert_eq!(s.months[11], ("2023-12".to_owned(), 485_134));
    let away: Vec<(&str, &str)> = s
        .absences
        .iter()
        .map(|a| (a.from.as_str(), a.to.as_str()))
        .collect();
    assert_eq!(away, [("2023-08-06", "2023-08-19")]);
    // A daily file says nothing of the hours.
    assert_eq!(
        (s.base_w, s.wake_weekdays, s.bed_weekdays),
        (None, None, None)
    );
    assert!(s.empty_weekdays.is_none() && s.profile_weekdays.is_empty());
    let found = findings(&Kind::Source(ID.to_owned()), &Summary::Energy(s));
    let ids: Vec<&str> = found.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["energy_use", "energy_absences"]);
}

#[test]
fn the_maximum_power_file_gives_the_day_of_the_highest_demand() {
    let s = read("mes-donnees-puissance-maximale.csv");
    assert_eq!(
        (s.measures.as_slice(), s.readings),
        (&[Measure::MaxPower][..], 56)
    );
    let peak = s.peak.as_ref().unwrap();
    assert_eq!(
        (
            peak.value,
            peak.unit.as_str(),
            peak.day.as_str(),
            peak.time.as_deref()
        ),
        (3101, "VA", "2023-11-16", Some("19:40"))
    );
    let found = findings(&Kind::Source(ID.to_owned()), &Summary::Energy(s));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text.get(Lang::En),
        "The most power your home drew at once was 3,101\u{a0}VA, on 16 November 2023 at 19:40: \
         several big appliances running together."
    );
}

#[test]
fn the_flat_and_sge_layouts_read_the_same_household() {
    let flat = read("export-2024.csv");
    assert_eq!(flat.layout, Some(Layout::Flat));
    assert_eq!(
        (flat.readings, flat.total_wh, flat.days),
        (1006, 324_442, 21)
    );
    let sge = read("sge-courbe.csv");
    assert_eq!(sge.layout, Some(Layout::Sge));
    assert_eq!(
        (sge.step_minutes, sge.readings, sge.total_wh),
        (Some(60), 336, 217_706)
    );
    assert_eq!(
        (sge.first.as_deref(), sge.last.as_deref()),
        (Some("2024-01-08"), Some("2024-01-21"))
    );
    for s in [&flat, &sge] {
        near(s.wake_weekdays, 6 * 60 + 45);
        near(s.wake_weekends, 8 * 60 + 45);
        near(s.bed_weekdays, 23 * 60 + 15);
        near(s.bed_weekends, 24 * 60 + 30);
        assert!((170..=190).contains(&s.base_w.unwrap()));
        assert!(s.absences.is_empty());
    }
}

#[test]
fn a_file_cut_midway_keeps_its_first_days() {
    let bytes = std::fs::read(fixture(ID, "mes-donnees-courbe-de-charge.csv")).unwrap();
    let source = sources::by_id(ID).unwrap();
    let (summary, error) = read_source(source, &mut &bytes[..bytes.len() / 2]);
    assert_eq!(error, Some(reflet::error::ErrorKind::Truncated));
    let Summary::Energy(s) = summary else {
        panic!()
    };
    assert_eq!(s.first.as_deref(), Some("2023-09-25"));
    assert!(s.days > 20 && s.days < 35, "{}", s.days);
}
