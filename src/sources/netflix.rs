//! What Netflix's CSV files have in common: `H:MM:SS` durations, and finding columns by name.
//!
//! The files are read with LinkedIn's CSV reader ([`super::linkedin::read`]: the shared CSV
//! reader, the last record held back so that a file cut off midway can be told from a whole one).

/// A duration `H:MM:SS` (hours of any length), in milliseconds. Minutes and seconds must have
/// two digits, so that a value cut short (`0:03:5`) is none.
pub(super) fn duration_ms(text: &str) -> Option<u64> {
    let mut parts = text.trim().split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || m.len() != 2 || s.len() != 2 || h.is_empty() {
        return None;
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !(digits(h) && digits(m) && digits(s)) {
        return None;
    }
    let (h, m, s): (u64, u64, u64) = (h.parse().ok()?, m.parse().ok()?, s.parse().ok()?);
    if m >= 60 || s >= 60 {
        return None;
    }
    Some(((h * 60 + m) * 60 + s) * 1000)
}

/// The index of the first of `names` the header has (in any case).
pub(super) fn find(header: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| super::linkedin::find_any_case(header, n))
}

/// A cell, trimmed, if it is there and not empty.
pub(super) fn cell(row: &csv::StringRecord, i: Option<usize>) -> Option<&str> {
    i.and_then(|i| row.get(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_ms("1:59:59"), Some(7_199_000));
        assert_eq!(duration_ms("0:03:58"), Some(238_000));
        assert_eq!(duration_ms("12:00:00"), Some(43_200_000));
        for bad in ["0:03:5", "0:3:58", "", "1:60:00", "a:00:00", "0:00"] {
            assert_eq!(duration_ms(bad), None, "{bad}");
        }
    }
}
