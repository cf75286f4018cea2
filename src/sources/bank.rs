//! What bank statements have in common (formats.md section 17): amounts written with a decimal
//! point or comma (the guide to download a statement is `guides::BANK`).

/// An amount as banks write it, to cents: `-6.60`, `1 234,56`, `+2,150.00`, `1.234,56`,
/// `-25`. Thousands separators (spaces, no-break spaces, a `'`, or the separator that is not
/// the last) are left out; one or two digits after the decimal separator.
pub(super) fn cents(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits: String = digits
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    // The decimal separator is the last `.` or `,`, unless it is a lone comma followed by three
    // digits (`1,234`: thousands).
    let last = digits.rfind(['.', ',']);
    let decimal = last.filter(|&i| {
        let after = digits.len() - i - 1;
        after <= 2 || digits.get(i..=i) == Some(".")
    });
    let (units, fraction) = match decimal {
        Some(i) => (digits.get(..i)?, digits.get(i + 1..)?),
        None => (digits.as_str(), ""),
    };
    let units: String = units.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    if units.is_empty() && fraction.is_empty()
        || !units
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        || fraction.len() > 2
        || units.len() > 15
    {
        return None;
    }
    let units: i64 = if units.is_empty() {
        0
    } else {
        units.parse().ok()?
    };
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let value = units * 100 + fraction;
    Some(if negative { -value } else { value })
}

/// What a statement read to its end says: not a statement when nothing of one was `found`, cut
/// off when it did not end `whole`.
pub(super) fn verdict(found: bool, whole: bool) -> Option<crate::error::ErrorKind> {
    use crate::error::ErrorKind;
    match (found, whole) {
        (false, _) => Some(ErrorKind::WrongType),
        (true, false) => Some(ErrorKind::Truncated),
        (true, true) => None,
    }
}

/// A day from its numbers, checked, to epoch seconds at its midnight (UTC).
pub(super) fn day(year: i64, month: i64, day: i64) -> Option<i64> {
    ((1..=12).contains(&month) && (1..=31).contains(&day) && (1970..2100).contains(&year))
        .then(|| crate::model::time::days_from_civil(year, month, day) * 86_400)
}

/// `dd/mm/yyyy` (or `dd/mm/yy`, `dd-mm-yyyy`, `dd.mm.yyyy`) or `yyyy-mm-dd`.
pub(super) fn french_date(text: &str) -> Option<i64> {
    let parts: Vec<&str> = text.trim().split(['/', '-', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let n = |s: &str| {
        s.parse::<i64>()
            .ok()
            .filter(|_| !s.is_empty() && s.len() <= 4)
    };
    if a.len() == 4 {
        return day(n(a)?, n(b)?, n(c)?);
    }
    let year = match c.len() {
        2 => 2000 + n(c)?,
        4 => n(c)?,
        _ => return None,
    };
    day(year, n(b)?, n(a)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_every_notation() {
        assert_eq!(cents("-6.60"), Some(-660));
        assert_eq!(cents("1 234,56"), Some(123_456));
        assert_eq!(cents("1\u{a0}234,5"), Some(123_450));
        assert_eq!(cents("+2,150.00"), Some(215_000));
        assert_eq!(cents("1.234,56"), Some(123_456));
        assert_eq!(cents("1,234"), Some(123_400));
        assert_eq!(cents("-25"), Some(-2500));
        assert_eq!(cents("0.00"), Some(0));
        assert_eq!(cents(""), None);
        assert_eq!(cents("-"), None);
        assert_eq!(cents("12a"), None);
    }

    #[test]
    fn french_dates() {
        let d = |y, m, dd| crate::model::time::days_from_civil(y, m, dd) * 86_400;
        assert_eq!(french_date("14/02/2020"), Some(d(2020, 2, 14)));
        assert_eq!(french_date("14/02/20"), Some(d(2020, 2, 14)));
        assert_eq!(french_date("2020-02-14"), Some(d(2020, 2, 14)));
        assert_eq!(french_date("14/02/202"), None);
        assert_eq!(french_date("31/13/2020"), None);
    }
}
