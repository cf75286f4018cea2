//! Instants as milliseconds since 1970 (UTC), read from and written to ISO 8601.
//!
//! Exports write time in many ways; this is the common ground. No time zone database is needed for
//! that: offsets are written in the text (`Z`, `+01:00`).

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date (year, month, day) of a day number since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The ISO 8601 week (year, week 1–53) of a day number since 1970-01-01: weeks start on Monday,
/// and week 1 holds the year's first Thursday.
pub fn iso_week(days: i64) -> (i64, i64) {
    // 1970-01-01 was a Thursday: Monday is 0.
    let weekday = (days + 3).rem_euclid(7);
    let thursday = days - weekday + 3;
    let (year, _, _) = civil_from_days(thursday);
    (year, (thursday - days_from_civil(year, 1, 1)) / 7 + 1)
}

fn number(text: &str) -> Option<i64> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or `±HH:MM` (or `±HHMM`); a space may
/// replace the `T`. Returns `None` for anything else, including impossible dates.
pub fn parse_iso(text: &str) -> Option<Millis> {
    parse_utc(text.as_bytes()).or_else(|| parse_any(text))
}

/// [`parse_iso`] of bytes, UTF-8 checked only past the usual `…Z` form: `None` if not UTF-8.
pub fn parse_iso_bytes(text: &[u8]) -> Option<Millis> {
    parse_utc(text).or_else(|| parse_any(std::str::from_utf8(text).ok()?))
}

/// [`parse_iso`] for every form it reads.
fn parse_any(text: &str) -> Option<Millis> {
    let text = text.trim();
    let date = text.get(..10)?;
    let (year, month, day) = (
        number(date.get(..4)?)?,
        number(date.get(5..7)?)?,
        number(date.get(8..10)?)?,
    );
    if date.get(4..5)? != "-"
        || date.get(7..8)? != "-"
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    let rest = text.get(10..)?;
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    // Split the clock from the zone.
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = hms.split(':');
    let hour = number(parts.next()?)?;
    let minute = number(parts.next()?)?;
    let second = parts.next().map_or(Some(0), number)?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let millis = if fraction.is_empty() {
        0
    } else {
        millis(fraction.as_bytes())?
    };
    let offset_minutes = match zone {
        "Z" | "z" => 0,
        "" => return None,
        _ => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone.get(1..)?.chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 {
                return None;
            }
            sign * (number(digits.get(..2)?)? * 60 + number(digits.get(2..)?)?)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute - offset_minutes) * 60_000 + second * 1000 + millis)
}

/// The milliseconds of a fraction of a second (the digits after the point): its first three
/// digits, which must be digits; later ones are not looked at. `None` if it is empty.
// Written as a plain loop: it runs for every position of a `Records.json` (see `parse_utc`).
fn millis(fraction: &[u8]) -> Option<i64> {
    let kept = match fraction.get(..3) {
        Some(first) => first,
        None => fraction,
    };
    if kept.is_empty() {
        return None;
    }
    let (mut value, mut scale) = (0, 1000);
    for &b in kept {
        if !b.is_ascii_digit() {
            return None;
        }
        scale /= 10;
        value += i64::from(b - b'0') * scale;
    }
    Some(value)
}

/// The usual form, `YYYY-MM-DDTHH:MM:SS[.f…]Z` with nothing around it, read byte by byte (this
/// runs for every position of a `Records.json`); `None` for anything else, which [`parse_iso`]
/// then reads the general way, to the same value.
// Written without closures, iterators or `Option`'s combinators, which a build for size (the
// browser's module) leaves as calls.
fn parse_utc(text: &[u8]) -> Option<Millis> {
    let Some(
        &[y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, b'T', h1, h2, b':', mi1, mi2, b':', s1, s2],
    ) = text.get(..19)
    else {
        return None;
    };
    let year = two_digits(y1, y2)? * 100 + two_digits(y3, y4)?;
    let (month, day) = (two_digits(mo1, mo2)?, two_digits(d1, d2)?);
    let (hour, minute, second) = (
        two_digits(h1, h2)?,
        two_digits(mi1, mi2)?,
        two_digits(s1, s2)?,
    );
    // (Two digits are never negative.)
    if month == 0 || month > 12 || day == 0 || day > 31 || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // `Z`, or a fraction of a second then `Z`.
    let millis = match text.get(19..) {
        Some([b'Z']) => 0,
        Some([b'.', fraction @ .., b'Z']) => {
            // Every digit checked, as the general reader does.
            for &b in fraction {
                if !b.is_ascii_digit() {
                    return None;
                }
            }
            millis(fraction)?
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis)
}

/// Two ASCII digits as a number.
#[allow(clippy::inline_always)] // see `parse_utc`
#[inline(always)]
fn two_digits(tens: u8, units: u8) -> Option<i64> {
    let (t, u) = (tens.wrapping_sub(b'0'), units.wrapping_sub(b'0'));
    if t > 9 || u > 9 {
        return None;
    }
    Some(i64::from(t) * 10 + i64::from(u))
}

/// Writes an instant as `YYYY-MM-DDTHH:MM:SS.fffZ`.
pub fn format_iso(ms: Millis) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    let (h, m, s, f) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000,
    );
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{f:03}Z")
}

/// The calendar date (UTC) of an instant, `YYYY-MM-DD`.
pub fn format_date(ms: Millis) -> String {
    format_iso(ms).get(..10).unwrap_or_default().to_owned()
}

/// A month (1–12) from its English name or its first three letters, in any case (`Mar`,
/// `march`, `MAR`).
pub fn english_month(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let i = MONTHS
        .iter()
        .position(|m| word.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m)))?;
    i64::try_from(i).ok().map(|i| i + 1)
}

/// An epoch number in seconds, whatever its unit, told by its size: from 10^14 microseconds, from
/// 10^11 milliseconds (both after 1973), else seconds.
pub fn epoch_seconds(n: i64) -> i64 {
    match n.unsigned_abs() {
        a if a >= 100_000_000_000_000 => n.div_euclid(1_000_000),
        a if a >= 100_000_000_000 => n.div_euclid(1000),
        _ => n,
    }
}

/// Calendar days (UTC) on which a file shows the person, as runs of consecutive days: the
/// portrait's timeline. Written in the report as ISO 8601 dates, `2024-03-02` for a single day and
/// `2024-03-04/2024-03-09` for a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayRuns(Vec<(i64, i64)>);

impl DayRuns {
    /// Runs from days in increasing order (day numbers since 1970-01-01).
    pub fn from_sorted(days: impl IntoIterator<Item = i64>) -> Self {
        let mut runs: Vec<(i64, i64)> = Vec::new();
        for day in days {
            match runs.last_mut() {
                Some((_, last)) if day <= *last + 1 => *last = (*last).max(day),
                _ => runs.push((day, day)),
            }
        }
        DayRuns(runs)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each run, first and last day inclusive.
    pub fn runs(&self) -> &[(i64, i64)] {
        &self.0
    }

    /// Every day, in order.
    pub fn days(&self) -> impl Iterator<Item = i64> + '_ {
        self.0.iter().flat_map(|&(a, b)| a..=b)
    }

    /// How many days.
    pub fn count(&self) -> u64 {
        self.0
            .iter()
            .map(|&(a, b)| u64::try_from(b - a + 1).unwrap_or(0))
            .sum()
    }
}

/// Days since 1970 of a date written `2024-03-02`; `None` for anything else.
pub fn parse_day(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && civil_from_days(days_from_civil(year, month, day)) == (year, month, day);
    valid.then(|| days_from_civil(year, month, day))
}

/// A day number since 1970-01-01 as `YYYY-MM-DD`.
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

impl serde::Serialize for DayRuns {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|&(a, b)| {
            if a == b {
                format_day(a)
            } else {
                format!("{}/{}", format_day(a), format_day(b))
            }
        }))
    }
}

impl<'de> serde::Deserialize<'de> for DayRuns {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let texts: Vec<String> = serde::Deserialize::deserialize(deserializer)?;
        let mut runs = Vec::with_capacity(texts.len());
        for text in texts {
            let (a, b) = text.split_once('/').unwrap_or((&text, &text));
            let run = parse_day(a).zip(parse_day(b)).filter(|(a, b)| a <= b);
            let run = run.ok_or_else(|| serde::de::Error::custom("a date or a run of dates"))?;
            runs.push(run);
        }
        Ok(DayRuns(runs))
    }
}

/// Collects the days of instants (epoch seconds) for [`DayRuns`]; bounded by the number of
/// distinct days, whatever the number of instants.
#[derive(Debug, Clone, Default)]
pub struct DaySeen {
    days: std::collections::BTreeSet<i64>,
    last: Option<i64>,
}

impl DaySeen {
    /// The day of an instant in epoch seconds.
    pub fn add(&mut self, at: i64) {
        self.add_day(at.div_euclid(86_400));
    }

    /// A day number since 1970-01-01.
    pub fn add_day(&mut self, day: i64) {
        // Instants come mostly in order: skip the set when the day is the last one met.
        if self.last != Some(day) {
            self.last = Some(day);
            self.days.insert(day);
        }
    }

    pub fn runs(&self) -> DayRuns {
        DayRuns::from_sorted(self.days.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_kept_as_runs_and_written_as_iso_dates() {
        let mut seen = DaySeen::default();
        // 2024-03-02 twice, then 2024-03-04 to 2024-03-06 out of order.
        let day = |d: i64| days_from_civil(2024, 3, d) * 86_400 + 3600;
        for d in [2, 2, 5, 4, 6, 5] {
            seen.add(day(d));
        }
        let runs = seen.runs();
        assert_eq!(runs.count(), 4);
        let json = serde_json::to_string(&runs).unwrap();
        assert_eq!(json, r#"["2024-03-02","2024-03-04/2024-03-06"]"#);
        let back: DayRuns = serde_json::from_str(&json).unwrap();
        assert_eq!(back, runs);
        assert!(serde_json::from_str::<DayRuns>(r#"["2024-02-30"]"#).is_err());
        assert!(serde_json::from_str::<DayRuns>(r#"["2024-03-05/2024-03-01"]"#).is_err());
    }

    #[test]
    fn english_months_by_name_or_their_first_three_letters() {
        assert_eq!(english_month("Mar"), Some(3));
        assert_eq!(english_month("march"), Some(3));
        assert_eq!(english_month("DEC"), Some(12));
        assert_eq!(english_month("Ma"), None);
        assert_eq!(english_month("Mär"), None);
    }

    #[test]
    fn an_epoch_number_s_unit_is_told_by_its_size() {
        // 2023-11-14T22:13:20Z in seconds, milliseconds and microseconds.
        for n in [1_700_000_000, 1_700_000_000_000, 1_700_000_000_000_000] {
            assert_eq!(epoch_seconds(n), 1_700_000_000);
        }
    }

    #[test]
    fn iso_weeks_at_year_ends() {
        let week = |y, m, d| iso_week(days_from_civil(y, m, d));
        // 2021-01-03 (a Sunday) is in 2020's week 53; 2024-12-30 (a Monday) in 2025's week 1.
        assert_eq!(week(2021, 1, 3), (2020, 53));
        assert_eq!(week(2021, 1, 4), (2021, 1));
        assert_eq!(week(2024, 12, 30), (2025, 1));
        assert_eq!(week(2024, 2, 14), (2024, 7));
        assert_eq!(week(1970, 1, 1), (1970, 1));
    }

    #[test]
    fn the_usual_form_is_read_fast_to_the_same_value() {
        let usual = [
            "2022-09-21T11:52:59.995Z",
            "2022-09-21T11:52:59Z",
            "1970-01-01T00:00:00.1Z",
            "2016-12-31T23:59:60.123456Z",
            "2024-02-29T00:00:00.000000000Z",
        ];
        for text in usual {
            assert!(parse_utc(text.as_bytes()).is_some(), "{text}");
            assert_eq!(parse_utc(text.as_bytes()), parse_any(text), "{text}");
        }
        let others = [
            " 2022-09-21T11:52:59Z",
            "2022-09-21T11:52:59.Z",
            "2022-09-21T11:52:59z",
            "2022-09-21 11:52:59Z",
            "2022-09-21T11:52:59+02:00",
            "2022-09-21T11:52Z",
            "2022-13-21T11:52:59Z",
            "2022-09-21T24:00:00Z",
            "2022-09-21T11:52:59.12x4Z",
            "2022-0a-21T11:52:59Z",
            "+022-09-21T11:52:59Z",
        ];
        for text in others {
            assert_eq!(parse_utc(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn iso_instants_in_every_form_exports_use() {
        assert_eq!(parse_iso("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_iso("2022-09-21T11:52:59.995Z"),
            Some(1_663_761_179_995)
        );
        assert_eq!(
            parse_iso("2024-11-15T09:30:00.000-08:00"),
            parse_iso("2024-11-15T17:30:00Z")
        );
        assert_eq!(
            parse_iso("2024-03-01T10:00:00+0100"),
            parse_iso("2024-03-01T09:00:00Z")
        );
        assert_eq!(
            parse_iso("2013-12-01 08:00Z"),
            parse_iso("2013-12-01T08:00:00.000Z")
        );
        assert_eq!(
            parse_iso("2020-02-29T12:00:00.5Z").map(|m| m % 1000),
            Some(500)
        );
        assert_eq!(parse_iso("1969-12-31T23:59:59Z"), Some(-1000));
        for bad in [
            "",
            "2024-13-01T00:00:00Z",
            "2024-01-01",
            "2024-01-01T25:00:00Z",
            "2024-01-01T10:00:00",
            "17397255",
            "2024-01-01T10:00:00+1",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn formatting_round_trips() {
        for ms in [
            0,
            1_663_761_179_995,
            -1000,
            4_102_444_800_000,
            951_782_400_000,
        ] {
            assert_eq!(parse_iso(&format_iso(ms)), Some(ms));
        }
        assert_eq!(format_iso(1_663_761_179_995), "2022-09-21T11:52:59.995Z");
        assert_eq!(format_date(951_782_400_000), "2000-02-29");
    }
}
