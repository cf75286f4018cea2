//! What a Linky meter recorded of a home: Enedis's CSV downloads (formats.md section 16).
//!
//! Where from: the customer space mon-compte-particulier.enedis.fr, "Mes mesures", "Télécharger
//! mes données" (see [`Enedis::guide`]). One reader covers the three CSV layouts, told apart by
//! their header (each is `;`-separated, in UTF-8 with or without a byte-order mark, or in
//! Windows-1252; [`crate::ingest::text::decode`] handles all):
//! - the classic "Mes données" file (2019–2024): a meta header `Identifiant PRM;Type de donnees;
//!   Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite[;Pas en
//!   minutes]`, its values, a blank line, then `Horodate;Valeur` rows: a load curve (mean W over
//!   the step, dated at the step's end), a daily consumption (Wh, dated at the day's start) or a
//!   daily maximum power (VA, dated when it was reached), after the meta header's unit and type;
//!   the index file (`Horodate;Type de releve;EAS F1;…;EAS T`, cumulative Wh) gives each day's
//!   energy as the difference of two `EAS T` readings;
//! - the flat 2024+ export: one row a reading, `Identifiant PRM;Date de début;Date de fin;
//!   Grandeur physique;Grandeur métier;Etape métier;Unité;Horodate;Valeur;Nature;Pas;…` with
//!   codes (`PA;CONS;BRUT;W;…;PT30M`);
//! - the SGE layout: `Date de la mesure;Heure de la mesure;Valeur;Statut de la mesure;PRM;Type de
//!   données;…;Unité;Pas en minutes`, the date `DD/MM/YYYY` (or `YYYY-MM-DD`) and the time
//!   `HH:MM:SS` in Paris time without an offset.
//!
//! A single reader rather than one per layout: the three differ only in where the unit, the step
//! and the time stand, and each file says which measure it holds (so one id, `enedis.linky`).
//! Columns are found by name (accents and case ignored, so a Latin-1 file read with `�` in its
//! header still reads). What is measured comes from the unit (`W`, `Wh`, `kWh`, `VA`, `kVA`),
//! else the code (`PA`, `EA`, `PMA`), else the type's words. The step comes from `Pas`
//! (`PT30M`) or `Pas en minutes`, else from the gap to the previous row (30 minutes at first).
//! Rows of production (`Grandeur métier` `Production`/`PROD`) are left out: the home's own
//! consumption is what is read. An empty value counts as missing.
//!
//! Not read: the meter id (PRM, 14 digits, personal: never kept), the dates of the request, the
//! statuses and quality codes, the tariff registers of the index file (only their total `EAS T`),
//! and the `.xlsx` download.
//!
//! A file that does not end with a line break is taken as cut off: its last line is left out.

use std::io::Read;

use super::tiktok_txt::each_line;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::{read_prefix, text, HEAD_LEN};
use crate::model::energy::{Layout, Measure, Reading};
use crate::model::time::{days_from_civil, parse_iso};
use crate::model::tz::paris_utc;
use crate::model::Sink;

/// Enedis's consumption CSV files, all layouts.
pub struct Enedis;

/// A header cell, compared without case, accents nor anything but ASCII letters, digits and
/// spaces: `Unité`, `Unite` and `Unit�` all give `unit…`.
fn key(cell: &str) -> String {
    cell.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_ascii_lowercase()
}

fn find(keys: &[String], matches: impl Fn(&str) -> bool) -> Option<usize> {
    keys.iter().position(|k| matches(k))
}

/// Where the values stand in a data row.
#[derive(Clone, Copy)]
struct Columns {
    when: usize,
    /// SGE's time of day, apart from its date.
    hour: Option<usize>,
    value: Option<usize>,
    /// The index file's total `EAS T`.
    index: Option<usize>,
    unit: Option<usize>,
    step: Option<usize>,
    physical: Option<usize>,
    business: Option<usize>,
    kind: Option<usize>,
}

impl Columns {
    /// The columns of a data header, and its layout if it says (flat, SGE); `None` for another
    /// line.
    fn of(keys: &[String]) -> Option<(Self, Option<Layout>)> {
        let sge = find(keys, |k| k == "date de la mesure");
        let when = find(keys, |k| k == "horodate")
            .or(sge)
            .or_else(|| find(keys, |k| k == "date"))?;
        let value = find(keys, |k| k.starts_with("valeur"));
        let index = find(keys, |k| k == "eas t");
        value.or(index)?;
        let layout = if sge.is_some() {
            Some(Layout::Sge)
        } else if find(keys, |k| k == "identifiant prm").is_some() {
            Some(Layout::Flat)
        } else {
            None
        };
        let columns = Columns {
            when,
            hour: find(keys, |k| k == "heure de la mesure"),
            value,
            index,
            unit: find(keys, |k| k.starts_with("unit")),
            step: find(keys, |k| k == "pas" || k.starts_with("pas en")),
            physical: find(keys, |k| k == "grandeur physique"),
            business: find(keys, |k| k.starts_with("grandeur m")),
            kind: find(keys, |k| k.starts_with("type de donn")),
        };
        Some((columns, layout))
    }
}

/// What is measured, and the factor to W, Wh or VA: from the unit, else the code of the
/// quantity, else the words of the type.
fn measure(unit: &str, physical: &str, kind: &str) -> Option<(Measure, f64)> {
    let by_unit = match key(unit).as_str() {
        "w" => Some((Measure::LoadCurve, 1.0)),
        "kw" => Some((Measure::LoadCurve, 1000.0)),
        "wh" => Some((Measure::Daily, 1.0)),
        "kwh" => Some((Measure::Daily, 1000.0)),
        "va" => Some((Measure::MaxPower, 1.0)),
        "kva" => Some((Measure::MaxPower, 1000.0)),
        _ => None,
    };
    let by_code = || match key(physical).as_str() {
        "pa" => Some((Measure::LoadCurve, 1.0)),
        "ea" => Some((Measure::Daily, 1.0)),
        "pma" => Some((Measure::MaxPower, 1.0)),
        _ => None,
    };
    let by_words = || {
        let k = key(kind);
        if k.contains("courbe") {
            Some((Measure::LoadCurve, 1.0))
        } else if k.contains("puissance max") {
            Some((Measure::MaxPower, 1.0))
        } else if k.contains("quotidien") || k.contains("consommation") {
            Some((Measure::Daily, 1.0))
        } else {
            None
        }
    };
    by_unit.or_else(by_code).or_else(by_words)
}

/// A step: `PT30M`, `PT1H`, `P1D` or minutes (`30`), in seconds.
fn step(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_uppercase();
    let seconds = if let Some(rest) = t.strip_prefix("PT") {
        let (n, unit) = rest.split_at(rest.len().checked_sub(1)?);
        let n: i64 = n.parse().ok()?;
        match unit {
            "M" => n * 60,
            "H" => n * 3600,
            _ => return None,
        }
    } else if let Some(rest) = t.strip_prefix('P') {
        rest.strip_suffix('D')?.parse::<i64>().ok()? * 86_400
    } else {
        t.parse::<i64>().ok()? * 60
    };
    (seconds > 0).then_some(seconds)
}

/// A Paris date and time without an offset (`DD/MM/YYYY` or `YYYY-MM-DD`, then `HH:MM[:SS]`,
/// `24:00` being the next midnight), as an instant.
fn local(date: &str, time: &str) -> Option<i64> {
    let date = date.trim();
    let num = |s: Option<&str>| s?.parse::<i64>().ok();
    let (y, m, d) = if date.get(2..3) == Some("/") {
        (
            num(date.get(6..10))?,
            num(date.get(3..5))?,
            num(date.get(..2))?,
        )
    } else {
        (
            num(date.get(..4))?,
            num(date.get(5..7))?,
            num(date.get(8..10))?,
        )
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut parts = time.trim().split(':');
    let (h, min) = match parts.next().filter(|p| !p.is_empty()) {
        Some(h) => (h.parse::<i64>().ok()?, num(parts.next())?),
        None => (0, 0),
    };
    if h > 24 || min > 59 {
        return None;
    }
    Some(paris_utc(
        days_from_civil(y, m, d) * 86_400 + h * 3600 + min * 60,
    ))
}

/// An instant: ISO with its offset (`2020-08-20T23:40:00+02:00`), or a Paris date and time.
fn instant(when: &str, hour: Option<&str>) -> Option<i64> {
    if let Some(hour) = hour {
        return local(when, hour);
    }
    parse_iso(when).map(|ms| ms.div_euclid(1000)).or_else(|| {
        let (date, time) = when.split_once(['T', ' ']).unwrap_or((when, ""));
        local(date, time)
    })
}

/// A value: `270`, `270,5` or `270.5`.
fn number(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// What the classic meta header says of every row.
#[derive(Default)]
struct Defaults {
    unit: String,
    physical: String,
    kind: String,
    business: String,
    step: Option<i64>,
}

/// The reader's state, line after line.
struct Rows<'a> {
    out: &'a mut dyn Sink,
    /// The classic meta header's names, waiting for their values.
    meta: Option<Vec<String>>,
    defaults: Defaults,
    columns: Option<Columns>,
    /// The previous row's instant (to infer a step), and the previous index reading.
    previous: Option<i64>,
    index: Option<(i64, f64)>,
    cut: bool,
}

impl Rows<'_> {
    fn line(&mut self, line: &str, ended: bool) {
        if line.trim().is_empty() {
            return;
        }
        if !ended {
            self.cut = true;
            return;
        }
        let cells: Vec<&str> = line
            .split(';')
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        // A row begins with its date: no header to look for.
        if let Some(columns) = self.columns.filter(|_| self.meta.is_none()) {
            if line.starts_with(|c: char| c.is_ascii_digit()) {
                self.row(columns, &cells);
                return;
            }
        }
        let keys: Vec<String> = cells.iter().map(|c| key(c)).collect();
        if let Some((columns, layout)) = Columns::of(&keys) {
            if let Some(layout) = layout {
                self.out.layout(layout);
            }
            self.columns = Some(columns);
            return;
        }
        if let Some(names) = self.meta.take() {
            let cell = |m: &dyn Fn(&str) -> bool| {
                find(&names, m)
                    .and_then(|i| cells.get(i))
                    .map_or_else(String::new, |c| (*c).to_owned())
            };
            self.defaults = Defaults {
                unit: cell(&|k| k.starts_with("unit")),
                physical: cell(&|k| k == "grandeur physique"),
                kind: cell(&|k| k.starts_with("type de donn")),
                business: cell(&|k| k.starts_with("grandeur m")),
                step: step(&cell(&|k| k.starts_with("pas"))),
            };
            return;
        }
        match self.columns {
            Some(columns) => self.row(columns, &cells),
            None if find(&keys, |k| k == "identifiant prm").is_some() => {
                self.out.layout(Layout::Classic);
                self.meta = Some(keys);
            }
            None => {}
        }
    }

    fn row(&mut self, c: Columns, cells: &[&str]) {
        let get = |i: Option<usize>, default: &str| {
            i.and_then(|i| cells.get(i).copied())
                .filter(|v| !v.is_empty())
                .unwrap_or(default)
                .to_owned()
        };
        let d = &self.defaults;
        if key(&get(c.business, &d.business)).contains("prod") {
            return;
        }
        let Some(at) = cells
            .get(c.when)
            .and_then(|w| instant(w, c.hour.and_then(|h| cells.get(h).copied())))
        else {
            return;
        };
        if let Some(total) = c.index.and_then(|i| cells.get(i)).and_then(|v| number(v)) {
            // Cumulative: a day's energy is the next reading less this one.
            if let Some((before, was)) = self
                .index
                .filter(|(b, w)| total >= *w && at - b <= 2 * 86_400)
            {
                self.out.reading(&Reading {
                    start: before,
                    end: at,
                    measure: Measure::Daily,
                    value: total - was,
                });
            }
            self.index = Some((at, total));
            return;
        }
        let value = c.value.and_then(|i| cells.get(i)).map_or("", |v| v);
        let Some((measure, factor)) = measure(
            &get(c.unit, &d.unit),
            &get(c.physical, &d.physical),
            &get(c.kind, &d.kind),
        ) else {
            return;
        };
        let Some(value) = number(value) else {
            if value.is_empty() {
                self.out.missing();
            }
            return;
        };
        let gap = self
            .previous
            .map(|p| at - p)
            .filter(|g| (60..=7200).contains(g));
        self.previous = Some(at);
        let (start, end) = match measure {
            Measure::LoadCurve => {
                let step = c
                    .step
                    .and_then(|i| cells.get(i))
                    .and_then(|s| step(s))
                    .or(d.step)
                    .or(gap)
                    .filter(|s| *s <= 7200)
                    .unwrap_or(1800);
                (at - step, at)
            }
            Measure::Daily => (at, at + 86_400),
            Measure::MaxPower => (at, at),
        };
        self.out.reading(&Reading {
            start,
            end,
            measure,
            value: value * factor,
        });
    }
}

/// Whether the first line holds the keys of one of the layouts.
fn recognised(head: &[u8]) -> bool {
    let head = crate::ingest::text::without_bom(head);
    let first = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let k = key(&String::from_utf8_lossy(first));
    (k.contains("identifiant prm") && k.contains("grandeur physique"))
        || (k.contains("date de la mesure")
            && k.contains("heure de la mesure")
            && k.contains("valeur"))
}

impl Source for Enedis {
    fn id(&self) -> &'static str {
        "enedis.linky"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Enedis, relevés du compteur Linky (CSV)",
            Lang::En => "Enedis Linky meter readings (CSV)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::ENEDIS
    }

    fn energy(&self) -> bool {
        true
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        recognised(head).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let Ok(head) = read_prefix(reader, HEAD_LEN) else {
            return Some(ErrorKind::Unreadable);
        };
        if head.is_empty() {
            return Some(ErrorKind::Empty);
        }
        let mut decoded = text::decode(&head, reader);
        let mut rows = Rows {
            out,
            meta: None,
            defaults: Defaults::default(),
            columns: None,
            previous: None,
            index: None,
            cut: false,
        };
        if let Some(error) = each_line(&mut decoded, &mut |line, ended| rows.line(line, ended)) {
            return Some(error);
        }
        if rows.cut {
            Some(ErrorKind::Truncated)
        } else if rows.columns.is_none() {
            Some(ErrorKind::WrongType)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const CLASSIC: &str = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;\
        Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes\n\
        00000000000000;Courbe de charge;01/09/2018;21/08/2020;Energie active;Consommation;\
        Comptage Brut;W;10\n\nHorodate;Valeur\n\
        2020-08-20T23:40:00+02:00;270\n2020-08-20T23:50:00+02:00;\n2020-08-21T00:00:00+02:00;300,5\n";

    #[test]
    fn a_classic_load_curve_gives_mean_power_over_the_step_before_each_time() {
        let (out, error) = collect(&Enedis, CLASSIC.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.layouts, [Layout::Classic]);
        assert_eq!(out.missing, 1);
        // 2020-08-20T21:40:00Z is 1597959600; the step is 10 minutes.
        let first = out.readings[0];
        assert_eq!(
            (first.start, first.end),
            (1_597_959_600 - 600, 1_597_959_600)
        );
        assert_eq!(first.measure, Measure::LoadCurve);
        assert!((out.readings[1].value - 300.5).abs() < 1e-9);
        assert!(Enedis.detect("x.csv", CLASSIC.as_bytes()).is_some());
        // Cut in the last row: what came before is kept.
        let cut = &CLASSIC.as_bytes()[..CLASSIC.len() - 3];
        let (out, error) = collect(&Enedis, cut);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.readings.len(), 1);
    }

    #[test]
    fn the_layouts_units_steps_and_local_times_are_read() {
        assert_eq!(step("PT30M"), Some(1800));
        assert_eq!(step("PT1H"), Some(3600));
        assert_eq!(step("P1D"), Some(86_400));
        assert_eq!(step("10"), Some(600));
        assert_eq!(step(""), None);
        assert_eq!(measure("kWh", "", "").map(|m| m.0), Some(Measure::Daily));
        assert_eq!(measure("", "PMA", "").map(|m| m.0), Some(Measure::MaxPower));
        assert_eq!(
            measure("", "", "Courbe de charge").map(|m| m.0),
            Some(Measure::LoadCurve)
        );
        // 29 October 2023: 02:30 comes twice; the first is summer time (00:30 UTC).
        assert_eq!(local("29/10/2023", "02:30:00"), Some(1_698_539_400));
        assert_eq!(local("2023-10-29", "03:30"), Some(1_698_546_600));
        assert_eq!(local("2023-10-28", "24:00"), local("2023-10-29", "00:00"));
        assert_eq!(local("2023-13-01", "00:00"), None);
        // SGE, and the flat layout in Windows-1252 with its accents.
        let sge = "Date de la mesure;Heure de la mesure;Valeur;Statut de la mesure;PRM;\
            Type de donn\u{e9}es;Unit\u{e9};Pas en minutes\n08/01/2024;01:00:00;180;R;1;\
            Courbe de charge;W;60\n";
        let (out, error) = collect(&Enedis, sge.as_bytes());
        assert_eq!((error, out.layouts.as_slice()), (None, &[Layout::Sge][..]));
        assert_eq!(out.readings[0].end - out.readings[0].start, 3600);
        let flat: Vec<u8> = "Identifiant PRM;Date de d\u{e9}but;Grandeur physique;Grandeur m\u{e9}tier;\
            Unit\u{e9};Horodate;Valeur;Pas\n1;2024-03-18;PMA;CONS;kVA;2024-03-18T19:40:00+01:00;6,2;P1D\n\
            1;2024-03-18;EA;PROD;Wh;2024-03-18T00:00:00+01:00;900;P1D\n"
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        let (out, error) = collect(&Enedis, &flat);
        assert_eq!((error, out.layouts.as_slice()), (None, &[Layout::Flat][..]));
        // The production row is left out.
        assert_eq!(out.readings.len(), 1);
        assert_eq!(out.readings[0].measure, Measure::MaxPower);
        assert!((out.readings[0].value - 6200.0).abs() < 1e-9);
    }

    #[test]
    fn the_index_file_gives_each_day_the_difference_of_two_totals() {
        let index = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;\
            Grandeur metier;Etape metier;Unite\n0;Index;01/01/2023;03/01/2023;Energie active;\
            Consommation;Comptage Brut;Wh\n\nHorodate;Type de releve;EAS F1;EAS F2;EAS T\n\
            2023-01-01T00:00:00+01:00;Arr\u{ea}t\u{e9} quotidien;1;2;1000000\n\
            2023-01-02T00:00:00+01:00;Arr\u{ea}t\u{e9} quotidien;1;2;1012500\n";
        let (out, error) = collect(&Enedis, index.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.readings.len(), 1);
        assert_eq!(out.readings[0].measure, Measure::Daily);
        assert!((out.readings[0].value - 12_500.0).abs() < 1e-9);
    }

    #[test]
    fn the_fixtures_are_read_and_the_meter_id_is_never_handed_over() {
        for name in [
            "mes-donnees-courbe-de-charge.csv",
            "mes-donnees-consommation-quotidienne.csv",
            "mes-donnees-puissance-maximale.csv",
            "export-2024.csv",
            "sge-courbe.csv",
        ] {
            let bytes = fixture("enedis.linky", name);
            assert!(Enedis.detect(name, &bytes).is_some(), "{name}");
            let (out, error) = collect(&Enedis, &bytes);
            assert_eq!(error, None, "{name}");
            assert!(out.readings.len() > 50, "{name}");
        }
        assert!(Enedis.detect("x.csv", b"Horodate;Valeur\n").is_none());
        let (_, error) = collect(&Enedis, b"hello;world\n1;2\n");
        assert_eq!(error, Some(ErrorKind::WrongType));
    }
}
