//! The personal-data detectors: e-mail addresses, phone numbers, IP addresses, coordinates,
//! IBANs, payment cards, French social security numbers, dates, URLs and tracker domains, MAC
//! addresses and device identifiers, found in one value (a JSON string or number, a CSV cell, an
//! XML text or attribute, a line of text).
//!
//! Each detector validates what it finds to avoid false alarms: check digits (IBAN mod 97, Luhn,
//! the NIR key), ranges (octets, latitudes, plausible years), shapes (phone groupings) and the
//! key the value sits under ([`Hint`]): a bare number is a date only under a time key, a UUID a
//! device identifier only under a device key. A span found by one detector is not reported again
//! by a later one (a NIR is not also a phone number), except a tracker, which is a URL too.
//! The accuracy of each is measured on a hand-labelled corpus (`tests/scan-corpus/`).

use serde::{Deserialize, Serialize};

use super::keys::Hint;
use super::trackers;

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Email,
    Phone,
    IpAddress,
    Coordinates,
    Iban,
    Card,
    Nir,
    Date,
    Url,
    Tracker,
    MacAddress,
    DeviceId,
}

impl Category {
    pub const ALL: [Category; 12] = [
        Category::Email,
        Category::Phone,
        Category::IpAddress,
        Category::Coordinates,
        Category::Iban,
        Category::Card,
        Category::Nir,
        Category::Date,
        Category::Url,
        Category::Tracker,
        Category::MacAddress,
        Category::DeviceId,
    ];

    /// The id the report writes (`ip_address`).
    pub fn id(self) -> &'static str {
        match self {
            Category::Email => "email",
            Category::Phone => "phone",
            Category::IpAddress => "ip_address",
            Category::Coordinates => "coordinates",
            Category::Iban => "iban",
            Category::Card => "card",
            Category::Nir => "nir",
            Category::Date => "date",
            Category::Url => "url",
            Category::Tracker => "tracker",
            Category::MacAddress => "mac_address",
            Category::DeviceId => "device_id",
        }
    }
}

/// One item found: its category and its byte span in the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub category: Category,
    pub start: usize,
    pub end: usize,
}

/// A value as a file holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text: a JSON string, a CSV cell, XML text or an attribute, a line.
    Text(&'a str),
    /// A JSON number, as written (`1700000000000`, `48.8566`).
    Number(&'a str),
}

/// Finds the personal data in one value under a key saying `hint`, appending to `out`.
pub fn detect(hint: Hint, value: Value<'_>, out: &mut Vec<Hit>) {
    let first = out.len();
    match value {
        Value::Number(text) => number(hint, text, out),
        Value::Text(text) => {
            let trimmed = text.trim();
            let offset = text.len() - text.trim_start().len();
            if keyed(hint, trimmed, offset, out) {
                return;
            }
            let mut scan = Scan {
                s: text,
                b: text.as_bytes(),
                out,
                first,
                hint,
            };
            scan.all();
            // A device key's value is an identifier whatever else it is (a MAC address too).
            let found = out.get(first..).unwrap_or_default();
            if hint == Hint::Device
                && device_value(trimmed)
                && !found.iter().any(|h| h.category == Category::DeviceId)
            {
                out.push(Hit {
                    category: Category::DeviceId,
                    start: offset,
                    end: offset + trimmed.len(),
                });
            }
        }
    }
}

/// A value the key alone explains (a number under a time key, a latitude, an identifier under a
/// device key): true if it was.
fn keyed(hint: Hint, text: &str, offset: usize, out: &mut Vec<Hit>) -> bool {
    let whole = |category| Hit {
        category,
        start: offset,
        end: offset + text.len(),
    };
    match hint {
        Hint::Time if is_number(text) && epoch_year(text).is_some() => {
            out.push(whole(Category::Date));
            true
        }
        // Most values under a time key are one date and time: found without the other detectors.
        Hint::Time if whole_date(text) => {
            out.push(whole(Category::Date));
            true
        }
        // An id is a number, not a card, a phone or a social security number.
        Hint::Id if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') => true,
        // Google writes Wi-Fi access points' MAC addresses as decimal numbers.
        Hint::Mac
            if !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            if text.trim_start_matches('0').len() >= 6 {
                out.push(whole(Category::MacAddress));
            }
            true
        }
        Hint::Latitude { e7 } if is_number(text) => {
            if latitude(text, e7) {
                out.push(whole(Category::Coordinates));
            }
            true
        }
        Hint::Longitude if is_number(text) => true,
        _ => false,
    }
}

fn number(hint: Hint, text: &str, out: &mut Vec<Hit>) {
    let whole = |category| Hit {
        category,
        start: 0,
        end: text.len(),
    };
    match hint {
        Hint::Mac if text.len() >= 6 && text.len() <= 15 && !text.starts_with('-') => {
            out.push(whole(Category::MacAddress));
        }
        Hint::Time if epoch_year(text).is_some() => out.push(whole(Category::Date)),
        Hint::Latitude { e7 } if latitude(text, e7) => out.push(whole(Category::Coordinates)),
        Hint::Device
            if text.len() >= 8
                && text
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && device_value(text.trim_start_matches('-')) =>
        {
            out.push(whole(Category::DeviceId));
        }
        _ => {}
    }
}

fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// The whole text is one numeric date, with its time if any (`2024-03-12T08:15:00.123Z`).
fn whole_date(text: &str) -> bool {
    let mut hits = Vec::new();
    let scan = Scan {
        s: text,
        b: text.as_bytes(),
        out: &mut hits,
        first: 0,
        hint: Hint::Time,
    };
    scan.numeric_date(0)
        .is_some_and(|end| scan.time_after(end) == text.len())
}

/// 1990-01-01 and 2040-01-01, in seconds since 1970.
const PLAUSIBLE: std::ops::Range<f64> = 631_152_000.0..2_208_988_800.0;

/// The year of an epoch number in seconds, milliseconds, microseconds or nanoseconds (told by its
/// number of digits), if it falls between 1990 and 2040.
pub fn epoch_year(text: &str) -> Option<i64> {
    let integer = text.split('.').next().unwrap_or(text);
    if integer.is_empty() || !integer.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scale = match integer.len() {
        9 | 10 => 1.0,
        12 | 13 => 1e3,
        15 | 16 => 1e6,
        18 | 19 => 1e9,
        _ => return None,
    };
    let value: f64 = text.parse().ok()?;
    let seconds = value / scale;
    if !PLAUSIBLE.contains(&seconds) {
        return None;
    }
    // Seconds to a year: exact enough for a range check and a masked example.
    #[allow(clippy::cast_possible_truncation)]
    let days = (seconds / 86_400.0) as i64;
    Some(crate::model::time::civil_from_days(days).0)
}

fn latitude(text: &str, e7: bool) -> bool {
    let Ok(value) = text.parse::<f64>() else {
        return false;
    };
    let integer = !text.contains('.');
    let degrees = if e7 || (integer && value.abs() > 90.0) {
        value / 1e7
    } else {
        value
    };
    degrees.abs() <= 90.0 && degrees != 0.0 && (e7 || !integer || value.abs() > 90.0)
}

/// A device identifier's value: an identifier's shape, not all zeros (an advertising id the
/// person switched off), and an IMEI's 15 digits passing its Luhn check.
fn device_value(text: &str) -> bool {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    let zeros = text.bytes().all(|b| matches!(b, b'0' | b'-' | b':'));
    let imei_ok =
        !(digits && text.len() == 15) || luhn(&text.bytes().map(|b| b - b'0').collect::<Vec<_>>());
    looks_like_id(text) && !zeros && imei_ok
}

/// An identifier's shape: a UUID, or one word of at least 8 letters and digits or hex, with a
/// digit in it.
fn looks_like_id(text: &str) -> bool {
    text.len() >= 8
        && text.len() <= 80
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':')
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().filter(u8::is_ascii_alphanumeric).count() >= 8
}

/// Part of a word: a letter, digit or underscore (non-ASCII letters count as letters).
fn wordy(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

struct Scan<'a, 'o> {
    s: &'a str,
    b: &'a [u8],
    out: &'o mut Vec<Hit>,
    /// This value's hits start here in `out`.
    first: usize,
    hint: Hint,
}

impl Scan<'_, '_> {
    fn all(&mut self) {
        let b = self.b;
        // Cheap facts that rule detectors out before they look.
        let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
        let has = |c: u8| memchr::memchr(c, b).is_some();
        let (at, colon, dot) = (has(b'@'), has(b':'), has(b'.'));
        if dot || colon {
            self.urls();
        }
        if at {
            self.emails();
        }
        if digits >= 12 {
            self.ibans();
            self.nirs();
            self.cards();
        }
        if digits >= 2 && (colon || has(b'-') || dot) {
            self.macs();
        }
        if colon {
            self.ipv6();
        }
        if digits >= 4 && dot && self.hint != Hint::Version {
            self.ipv4();
        }
        if digits >= 4 && self.hint != Hint::Version {
            self.coordinates();
        }
        if digits >= 4 {
            self.dates();
        }
        if digits >= 8 || self.b.len() >= 30 {
            self.device_ids();
        }
        if digits >= 8 {
            self.phones();
        }
        // An identifier's key (`bundleID`) makes `fr.leboncoin.app` a package name.
        if dot && self.hint != Hint::Id {
            self.domains();
        }
    }

    /// No hit of this value overlaps `start..end`.
    fn free(&self, start: usize, end: usize) -> bool {
        self.out
            .get(self.first..)
            .unwrap_or_default()
            .iter()
            .all(|h| h.end <= start || end <= h.start)
    }

    /// No hit but a URL overlaps `start..end`: a position or an address inside a URL
    /// (`maps/@?center=48.85,2.35`, `http://192.168.1.1/`) is one too.
    fn free_in_urls(&self, start: usize, end: usize) -> bool {
        self.out
            .get(self.first..)
            .unwrap_or_default()
            .iter()
            .filter(|h| !matches!(h.category, Category::Url | Category::Tracker))
            .all(|h| h.end <= start || end <= h.start)
    }

    fn push(&mut self, category: Category, start: usize, end: usize) {
        self.out.push(Hit {
            category,
            start,
            end,
        });
    }

    /// Up to `n` bytes of text before `i` (fewer, to start on a character).
    fn recent(&self, i: usize, n: usize) -> &str {
        let start = (i.saturating_sub(n)..=i)
            .find(|&k| self.s.is_char_boundary(k))
            .unwrap_or(i);
        self.s.get(start..i).unwrap_or_default()
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn before(&self, i: usize) -> u8 {
        i.checked_sub(1).map_or(0, |p| self.at(p))
    }

    /// Whether a number may start at `i`: not inside a word, and not continuing a number
    /// (`12.0612…`, `Chrome/120.…`).
    fn number_starts(&self, i: usize) -> bool {
        let p = self.before(i);
        if wordy(p) {
            return false;
        }
        let pp = i.checked_sub(2).map_or(0, |q| self.at(q));
        match p {
            // `12.0612…`, `12,5`, `08:15`: the same number goes on.
            b'.' | b',' | b'-' | b':' => !pp.is_ascii_digit(),
            // `Chrome/120.0…`, `C++17`: part of a word.
            b'/' | b'+' => !wordy(pp),
            _ => true,
        }
    }

    // ---- URLs, e-mail addresses, domains ----

    fn urls(&mut self) {
        let starts = |at: usize, with: &[u8]| {
            self.b
                .get(at..at + with.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(with))
        };
        let mut i = 0;
        while i < self.b.len() {
            if !matches!(self.at(i), b'h' | b'H' | b'w' | b'W') {
                i += 1;
                continue;
            }
            let scheme = if starts(i, b"https://") {
                8
            } else if starts(i, b"http://") {
                7
            } else if starts(i, b"www.") {
                0
            } else {
                i += 1;
                continue;
            };
            if wordy(self.before(i)) || !self.free(i, i + 1) {
                i += 1;
                continue;
            }
            let mut end = i + scheme;
            while end < self.b.len()
                && !matches!(
                    self.at(end),
                    b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'<' | b'>' | b'`' | b'|'
                )
            {
                end += 1;
            }
            while end > i + scheme
                && matches!(
                    self.at(end - 1),
                    b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}'
                )
            {
                end -= 1;
            }
            let host_start = i + scheme;
            let host = host_of(self.s.get(host_start..end).unwrap_or_default());
            let valid = if scheme == 0 {
                is_domain(host)
            } else {
                host.contains('.')
                    || host.starts_with('[')
                    || host.eq_ignore_ascii_case("localhost")
            };
            if valid && end > host_start {
                self.push(Category::Url, i, end);
                if trackers::is_tracker(host) {
                    self.push(Category::Tracker, i, end);
                }
            }
            i = end.max(i + 1);
        }
    }

    fn emails(&mut self) {
        for at in memchr::memchr_iter(b'@', self.b).collect::<Vec<_>>() {
            let mut start = at;
            while start > 0 && is_local(self.at(start - 1)) {
                start -= 1;
            }
            while self.at(start) == b'.' && start < at {
                start += 1;
            }
            let mut end = at + 1;
            while end < self.b.len()
                && (self.at(end).is_ascii_alphanumeric() || matches!(self.at(end), b'.' | b'-'))
            {
                end += 1;
            }
            while end > at + 1 && matches!(self.at(end - 1), b'.' | b'-') {
                end -= 1;
            }
            let local = self.s.get(start..at).unwrap_or_default();
            let domain = self.s.get(at + 1..end).unwrap_or_default();
            if local.is_empty() || local.len() > 64 || local.ends_with('.') {
                continue;
            }
            if !is_domain_any_tld(domain) || !self.free(start, end) {
                continue;
            }
            let tld = domain
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if matches!(
                tld.as_str(),
                "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
            ) {
                continue;
            }
            self.push(Category::Email, start, end);
        }
    }

    fn domains(&mut self) {
        let mut i = 0;
        let n = self.b.len();
        while i < n {
            if !(self.at(i).is_ascii_alphanumeric()) || wordy(self.before(i)) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n
                && (self.at(end).is_ascii_alphanumeric() || matches!(self.at(end), b'.' | b'-'))
            {
                end += 1;
            }
            let next = self.at(end);
            let mut stop = end;
            while stop > i && matches!(self.at(stop - 1), b'.' | b'-') {
                stop -= 1;
            }
            let token = self.s.get(i..stop).unwrap_or_default();
            let prev = self.before(i);
            // `.doubleclick.net`, as cookies name their domain, is a domain too.
            let cookie = prev == b'.' && !wordy(i.checked_sub(2).map_or(0, |p| self.at(p)));
            let glued = (matches!(prev, b'@' | b'/' | b'\\' | b'.') && !cookie)
                || matches!(next, b'@' | b'(' | b'\\' | b'_')
                || next >= 0x80;
            if !glued && is_domain(token) && self.free(i, stop) {
                self.push(Category::Url, i, stop);
                if trackers::is_tracker(token) {
                    self.push(Category::Tracker, i, stop);
                }
            }
            i = end.max(i + 1);
        }
    }

    // ---- Bank and identity numbers ----

    fn ibans(&mut self) {
        let n = self.b.len();
        for i in 0..n.saturating_sub(14) {
            let (c0, c1, d0, d1) = (self.at(i), self.at(i + 1), self.at(i + 2), self.at(i + 3));
            if !(c0.is_ascii_uppercase()
                && c1.is_ascii_uppercase()
                && d0.is_ascii_digit()
                && d1.is_ascii_digit())
                || wordy(self.before(i))
            {
                continue;
            }
            let Some(len) = iban_length([c0, c1]) else {
                continue;
            };
            let mut chars = Vec::with_capacity(34);
            let mut pos = i;
            while chars.len() < len && pos < n {
                let c = self.at(pos);
                if c.is_ascii_alphanumeric() {
                    chars.push(c.to_ascii_uppercase());
                    pos += 1;
                } else if c == b' '
                    && chars.len() % 4 == 0
                    && self.at(pos + 1).is_ascii_alphanumeric()
                {
                    pos += 1;
                } else {
                    break;
                }
            }
            if chars.len() == len && !wordy(self.at(pos)) && iban_valid(&chars) && self.free(i, pos)
            {
                self.push(Category::Iban, i, pos);
            }
        }
    }

    fn nirs(&mut self) {
        let n = self.b.len();
        for i in 0..n {
            if !matches!(self.at(i), b'1' | b'2' | b'3' | b'4' | b'7' | b'8')
                || !self.number_starts(i)
            {
                continue;
            }
            let mut chars = [0u8; 15];
            let mut len = 0;
            let mut pos = i;
            while len < 15 && pos < n {
                let c = self.at(pos).to_ascii_uppercase();
                let corsica = len == 6 && matches!(c, b'A' | b'B') && chars.get(5) == Some(&b'2');
                if c.is_ascii_digit() || corsica {
                    if let Some(slot) = chars.get_mut(len) {
                        *slot = c;
                    }
                    len += 1;
                    pos += 1;
                } else if c == b' ' && len > 0 && self.at(pos + 1).is_ascii_alphanumeric() {
                    pos += 1;
                } else {
                    break;
                }
            }
            if len == 15 && !wordy(self.at(pos)) && nir_valid(&chars) && self.free(i, pos) {
                self.push(Category::Nir, i, pos);
            }
        }
    }

    fn cards(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            if !self.at(i).is_ascii_digit() || !self.number_starts(i) || self.before(i) == b'+' {
                i += 1;
                continue;
            }
            let (end, digits) = self.digit_run(i, b" -", 19);
            // The number may be followed by other groups (`4539 8009 9139 3096 03/28`): cut the
            // run at each space, longest first.
            let mut cut = end;
            let mut count = digits.len();
            loop {
                let prefix = digits.get(..count).unwrap_or_default();
                if (13..=19).contains(&count) && luhn(prefix) && issuer(prefix) && self.free(i, cut)
                {
                    self.push(Category::Card, i, cut);
                    break;
                }
                // Back to the previous separator.
                let Some(sep) = (i..cut).rev().find(|&k| matches!(self.at(k), b' ' | b'-')) else {
                    break;
                };
                count -= cut - sep - 1;
                cut = sep;
                if count < 13 {
                    break;
                }
            }
            i = end.max(i + 1);
        }
    }

    /// The digits from `i`, single separators among `seps` allowed between them; stops after
    /// `max + 1` digits (too long to be anything asked).
    fn digit_run(&self, i: usize, seps: &[u8], max: usize) -> (usize, Vec<u8>) {
        let mut digits = Vec::with_capacity(max + 1);
        let mut pos = i;
        while pos < self.b.len() && digits.len() <= max {
            let c = self.at(pos);
            if c.is_ascii_digit() {
                digits.push(c - b'0');
                pos += 1;
            } else if seps.contains(&c) && self.at(pos + 1).is_ascii_digit() && !digits.is_empty() {
                pos += 1;
            } else {
                break;
            }
        }
        (pos, digits)
    }

    // ---- Network addresses ----

    fn macs(&mut self) {
        let n = self.b.len();
        for i in 0..n {
            if !self.at(i).is_ascii_hexdigit()
                || self.before(i).is_ascii_alphanumeric()
                || matches!(self.before(i), b':' | b'-' | b'.')
            {
                continue;
            }
            let hex = |k: usize| self.at(k).is_ascii_hexdigit();
            let sep = self.at(i + 2);
            let end = if matches!(sep, b':' | b'-')
                && (0..6).all(|g| hex(i + g * 3) && hex(i + g * 3 + 1))
                && (1..6).all(|g| self.at(i + g * 3 - 1) == sep)
            {
                i + 17
            } else if (0..3).all(|g| (0..4).all(|k| hex(i + g * 5 + k)))
                && self.at(i + 4) == b'.'
                && self.at(i + 9) == b'.'
                && self
                    .b
                    .get(i..i + 14)
                    .is_some_and(|s| s.iter().any(u8::is_ascii_alphabetic))
            {
                i + 14
            } else {
                continue;
            };
            let after = self.at(end);
            if after.is_ascii_alphanumeric() || after == sep && self.at(end + 1).is_ascii_hexdigit()
            {
                continue;
            }
            let span = self.b.get(i..end).unwrap_or_default();
            let all = |c: u8| {
                span.iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .all(|b| b.to_ascii_lowercase() == c)
            };
            if !all(b'0') && !all(b'f') && self.free(i, end) {
                self.push(Category::MacAddress, i, end);
            }
        }
    }

    fn ipv6(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.at(i);
            let starts = (c.is_ascii_hexdigit() || c == b':')
                && !self.before(i).is_ascii_alphanumeric()
                && !matches!(self.before(i), b':' | b'.');
            if !starts {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n
                && (self.at(end).is_ascii_hexdigit() || matches!(self.at(end), b':' | b'.'))
            {
                end += 1;
            }
            let mut stop = end;
            while stop > i
                && matches!(self.at(stop - 1), b'.' | b':')
                && self.before(stop - 1) != b':'
            {
                stop -= 1;
            }
            let text = self.s.get(i..stop).unwrap_or_default();
            let colons = text.bytes().filter(|&b| b == b':').count();
            let letters = text.bytes().any(|b| b.is_ascii_alphabetic());
            let groups = text.split(':').filter(|g| !g.is_empty()).count();
            if colons >= 2
                && (letters || groups >= 3)
                && !self.at(stop).is_ascii_alphanumeric()
                && text
                    .parse::<std::net::Ipv6Addr>()
                    .is_ok_and(|a| !a.is_unspecified())
                && self.free_in_urls(i, stop)
            {
                self.push(Category::IpAddress, i, stop);
            }
            i = end.max(i + 1);
        }
    }

    fn ipv4(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            if !self.at(i).is_ascii_digit() || !self.number_starts(i) || self.before(i) == b'.' {
                i += 1;
                continue;
            }
            let mut pos = i;
            let mut parts = 0;
            let mut ok = true;
            while parts < 4 {
                let start = pos;
                while pos < n && self.at(pos).is_ascii_digit() && pos - start < 4 {
                    pos += 1;
                }
                let part = self.s.get(start..pos).unwrap_or_default();
                let valid = !part.is_empty()
                    && part.len() <= 3
                    && !(part.len() > 1 && part.starts_with('0'))
                    && part.parse::<u16>().is_ok_and(|v| v <= 255);
                if !valid {
                    ok = false;
                    break;
                }
                parts += 1;
                if parts < 4 {
                    if self.at(pos) != b'.' {
                        ok = false;
                        break;
                    }
                    pos += 1;
                }
            }
            let after = self.at(pos);
            let continues = after.is_ascii_alphanumeric()
                || (matches!(after, b'.' | b',') && self.at(pos + 1).is_ascii_digit());
            if ok && !continues {
                let text = self.s.get(i..pos).unwrap_or_default();
                let special = matches!(text, "0.0.0.0" | "255.255.255.255");
                if !special && !self.after_version_word(i) && self.free_in_urls(i, pos) {
                    self.push(Category::IpAddress, i, pos);
                }
                i = pos;
            } else {
                // Skip the rest of this run of digits and dots.
                let mut end = i;
                while end < n && (self.at(end).is_ascii_digit() || self.at(end) == b'.') {
                    end += 1;
                }
                i = end.max(i + 1);
            }
        }
    }

    /// The word before `i` says a version follows (`version 1.2.3.4`, `v1.2.3.4`, `build`).
    fn after_version_word(&self, i: usize) -> bool {
        let head = self.recent(i, 64).trim_end_matches([' ', ':', '=', '(']);
        let mut words = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_lowercase);
        let word = words.next().unwrap_or_default();
        // `Firmware upgraded from 1.0.4.86`.
        let strong = |w: &String| {
            matches!(
                w.as_str(),
                "version" | "firmware" | "build" | "release" | "upgraded" | "updated" | "upgrade"
            )
        };
        if strong(&word) || words.take(3).any(|w| strong(&w)) {
            return true;
        }
        matches!(
            word.as_str(),
            "version"
                | "ver"
                | "v"
                | "build"
                | "release"
                | "firmware"
                | "os"
                | "ios"
                | "android"
                | "windows"
                | "chrome"
                | "firefox"
                | "safari"
                | "edge"
                | "app"
        )
    }

    // ---- Positions ----

    fn coordinates(&mut self) {
        let n = self.b.len();
        // geo:lat,lng
        for colon in memchr::memchr_iter(b':', self.b).collect::<Vec<_>>() {
            let Some(start) = colon.checked_sub(3) else {
                continue;
            };
            if !self
                .b
                .get(start..colon)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"geo"))
            {
                continue;
            }
            if let Some((end, lat, lng)) = self.pair(colon + 1, false) {
                if in_range(lat, lng) && self.free_in_urls(start, end) {
                    self.push(Category::Coordinates, start, end);
                }
            }
        }
        let mut i = 0;
        while i < n {
            let c = self.at(i);
            let signed = matches!(c, b'-' | b'+') && self.at(i + 1).is_ascii_digit();
            if !(c.is_ascii_digit() || signed)
                || wordy(self.before(i))
                || matches!(self.before(i), b'.' | b'-' | b'+' | b'/')
            {
                i += 1;
                continue;
            }
            if let Some((end, lat, lng)) = self.pair(i, true) {
                if in_range(lat, lng) && self.free_in_urls(i, end) {
                    self.push(Category::Coordinates, i, end);
                }
                i = end;
            } else {
                i += 1;
                while i < n && self.at(i).is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }

    /// A decimal number at `i`: its end, value and number of decimals.
    fn decimal(&self, i: usize) -> Option<(usize, f64, usize)> {
        let mut pos = i;
        if matches!(self.at(pos), b'-' | b'+') {
            pos += 1;
        }
        let int_start = pos;
        while self.at(pos).is_ascii_digit() && pos - int_start < 4 {
            pos += 1;
        }
        if pos == int_start || self.at(pos).is_ascii_digit() {
            return None;
        }
        let mut decimals = 0;
        if self.at(pos) == b'.' && self.at(pos + 1).is_ascii_digit() {
            pos += 1;
            while self.at(pos).is_ascii_digit() {
                pos += 1;
                decimals += 1;
            }
        }
        let value = self.s.get(i..pos)?.trim_start_matches('+').parse().ok()?;
        Some((pos, value, decimals))
    }

    /// A latitude and longitude from `i`: `48.8566, 2.3522`, `48.8566°, 2.3522°`,
    /// `46.15 ± 15.0 meters, -1.15 ± 15.0 meters`. `strict` (no `geo:` before): at least three
    /// decimals each, or degree signs (two decimals are prices more often than places).
    fn pair(&self, i: usize, strict: bool) -> Option<(usize, f64, f64)> {
        let (mut pos, lat, lat_dec) = self.decimal(i)?;
        let mut degrees = false;
        let mut skip = |pos: &mut usize| {
            if self.s.get(*pos..).is_some_and(|r| r.starts_with('°')) {
                *pos += '°'.len_utf8();
                degrees = true;
            }
            // Snapchat's "± 15.0 meters".
            if let Some(rest) = self.s.get(*pos..) {
                let t = rest.trim_start_matches(' ');
                if let Some(after) = t.strip_prefix('±') {
                    let after = after.trim_start_matches(' ');
                    let digits = after
                        .bytes()
                        .take_while(|b| b.is_ascii_digit() || *b == b'.')
                        .count();
                    let mut r = &after[digits..];
                    r = r.trim_start_matches(' ');
                    for unit in ["meters", "metres", "mètres", "m"] {
                        if let Some(x) = r.strip_prefix(unit) {
                            r = x;
                            break;
                        }
                    }
                    *pos += rest.len() - r.len();
                }
            }
        };
        skip(&mut pos);
        while self.at(pos) == b' ' {
            pos += 1;
        }
        // iCalendar's `GEO:48.85;2.35` uses a semicolon.
        if !(self.at(pos) == b',' || (!strict && self.at(pos) == b';')) {
            return None;
        }
        pos += 1;
        while self.at(pos) == b' ' {
            pos += 1;
        }
        // Snapchat writes "long" before the longitude.
        if let Some(rest) = self.s.get(pos..) {
            for word in ["long ", "lng "] {
                if rest.starts_with(word) {
                    pos += word.len();
                }
            }
        }
        let (mut end, lng, lng_dec) = self.decimal(pos)?;
        skip(&mut end);
        let min = if strict && !degrees { 3 } else { 1 };
        if lat_dec < min || lng_dec < min {
            return None;
        }
        let after = self.at(end);
        if after.is_ascii_alphanumeric() || (after == b'.' && self.at(end + 1).is_ascii_digit()) {
            return None;
        }
        Some((end, lat, lng))
    }

    // ---- Dates ----

    fn dates(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            // A date's shape is telling enough to start right after a field's comma
            // (`13:45:02,2024-09-19 09:12:40`).
            let field = matches!(self.before(i), b',' | b';');
            if !self.at(i).is_ascii_digit() || !(self.number_starts(i) || field) {
                i += 1;
                continue;
            }
            if let Some(end) = self.numeric_date(i) {
                let end = self.time_after(end);
                if self.free(i, end) {
                    self.push(Category::Date, i, end);
                }
                i = end;
            } else {
                while i < n && self.at(i).is_ascii_digit() {
                    i += 1;
                }
            }
        }
        self.written_dates();
    }

    fn digits_at(&self, i: usize, count: usize) -> Option<u32> {
        let s = self.s.get(i..i + count)?;
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// `2024-03-12`, `2024/03/12`, `12/03/2024`, `12.03.2024`, `12-03-2024`, `1/3/2024`, and
    /// `12/03/24` when a time follows: the end of the date.
    fn numeric_date(&self, i: usize) -> Option<usize> {
        if let Some(year) = self.digits_at(i, 4) {
            let sep = self.at(i + 4);
            if matches!(sep, b'-' | b'/') && self.at(i + 7) == sep && (1900..2100).contains(&year) {
                let month = self.digits_at(i + 5, 2)?;
                let day = self.digits_at(i + 8, 2)?;
                let end = i + 10;
                if (1..=12).contains(&month)
                    && (1..=31).contains(&day)
                    && !self.at(end).is_ascii_digit()
                {
                    return Some(end);
                }
            }
            return None;
        }
        // Day (or month) first.
        let a_len = if self.at(i + 1).is_ascii_digit() {
            2
        } else {
            1
        };
        let a = self.digits_at(i, a_len)?;
        let sep = self.at(i + a_len);
        if !matches!(sep, b'/' | b'.' | b'-') {
            return None;
        }
        let m_at = i + a_len + 1;
        let b_len = if self.at(m_at + 1).is_ascii_digit() {
            2
        } else {
            1
        };
        let b = self.digits_at(m_at, b_len)?;
        if self.at(m_at + b_len) != sep {
            return None;
        }
        let y_at = m_at + b_len + 1;
        let y_len = (0..5)
            .take_while(|k| self.at(y_at + k).is_ascii_digit())
            .count();
        let valid = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
        if !(valid(a, b) || valid(b, a)) {
            return None;
        }
        let end = y_at + y_len;
        match y_len {
            4 => {
                let year = self.digits_at(y_at, 4)?;
                ((1900..2100).contains(&year)).then_some(end)
            }
            // Two-digit years only with a time after them (WhatsApp's `12/03/24, 08:15`).
            2 if sep == b'/' || sep == b'.' => {
                let t = self.time_after(end);
                (t > end).then_some(end)
            }
            _ => None,
        }
    }

    /// The end of a time of day following a date at `end` (`T08:15:00Z`, ` 08:15`, `, 8:15 PM`),
    /// or `end` if none does.
    fn time_after(&self, end: usize) -> usize {
        let mut pos = end;
        match self.at(pos) {
            b'T' | b' ' => pos += 1,
            b',' if self.at(pos + 1) == b' ' => pos += 2,
            _ => return end,
        }
        if self.s.get(pos..).is_some_and(|r| r.starts_with("à ")) {
            pos += "à ".len();
        }
        let h_len = (0..3)
            .take_while(|k| self.at(pos + k).is_ascii_digit())
            .count();
        if !(1..=2).contains(&h_len) || !matches!(self.at(pos + h_len), b':' | b'h') {
            return end;
        }
        pos += h_len + 1;
        if self.digits_at(pos, 2).is_none() {
            return end;
        }
        pos += 2;
        if self.at(pos) == b':' && self.digits_at(pos + 1, 2).is_some() {
            pos += 3;
            if self.at(pos) == b'.' && self.at(pos + 1).is_ascii_digit() {
                pos += 1;
                while self.at(pos).is_ascii_digit() {
                    pos += 1;
                }
            }
        }
        if self.at(pos) == b'Z' {
            pos += 1;
        } else if matches!(self.at(pos), b'+' | b'-') && self.digits_at(pos + 1, 2).is_some() {
            let colon = usize::from(self.at(pos + 3) == b':');
            if self.digits_at(pos + 3 + colon, 2).is_some() {
                pos += 5 + colon;
            }
        } else if let Some(rest) = self.s.get(pos..) {
            for suffix in [" AM", " PM", " am", " pm", " UTC"] {
                if rest.starts_with(suffix) {
                    pos += suffix.len();
                    break;
                }
            }
        }
        pos
    }

    /// `12 mars 2024`, `1er mars 2024`, `March 12, 2024`, `Mar 12, 2024, 11:35:00 AM`,
    /// `15 Mar 2009`, `Sat Aug 12 16:10:37 +0000 2023`.
    fn written_dates(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            if !self.at(i).is_ascii_alphabetic() || wordy(self.before(i)) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n && wordy(self.at(end)) {
                end += 1;
            }
            let word = self.s.get(i..end).unwrap_or_default();
            let mut after = end;
            if self.at(after) == b'.' {
                after += 1;
            }
            if is_month(word) {
                let span = self
                    .slashed_date(i, end)
                    .or_else(|| self.day_month_year(i, after))
                    .or_else(|| self.month_day_year(i, after));
                if let Some(span) = span {
                    if self.free(span.0, span.1) {
                        self.push(Category::Date, span.0, span.1);
                    }
                    i = span.1;
                    continue;
                }
            }
            i = end.max(i + 1);
        }
    }

    /// Web servers' `12/Mar/2024:08:15:00 +0000`: the month word between `month` and `end`.
    fn slashed_date(&self, month: usize, end: usize) -> Option<(usize, usize)> {
        if self.before(month) != b'/' || self.at(end) != b'/' {
            return None;
        }
        let d_len = (1..=2)
            .rev()
            .find(|&k| month > k && self.digits_at(month - 1 - k, k).is_some())?;
        let start = month - 1 - d_len;
        let day = self.digits_at(start, d_len)?;
        let year = self.digits_at(end + 1, 4)?;
        if !(1..=31).contains(&day)
            || !(1900..2100).contains(&year)
            || self.before(start).is_ascii_digit()
        {
            return None;
        }
        let mut pos = end + 5;
        if self.at(pos) == b':' && self.digits_at(pos + 1, 2).is_some() && self.at(pos + 3) == b':'
        {
            pos += 9;
            if self.at(pos) == b' '
                && matches!(self.at(pos + 1), b'+' | b'-')
                && self.digits_at(pos + 2, 4).is_some()
            {
                pos += 6;
            }
        }
        Some((start, pos))
    }

    /// A day before the month word at `month` (`12 mars`, `1er mars`) and a year after it.
    fn day_month_year(&self, month: usize, after: usize) -> Option<(usize, usize)> {
        let head = self.s.get(..month)?.strip_suffix(' ')?;
        let head = head.strip_suffix("er").unwrap_or(head);
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let start = head.len() - digits;
        let day: u32 = head.get(start..)?.parse().ok()?;
        if !(1..=31).contains(&day) || wordy(self.before(start)) {
            return None;
        }
        if self.at(after) != b' ' {
            return None;
        }
        let year = self.digits_at(after + 1, 4)?;
        let end = after + 5;
        ((1900..2100).contains(&year) && !self.at(end).is_ascii_digit())
            .then(|| (start, self.time_after(end)))
    }

    /// A day and a year after the month word: `March 12, 2024`, `Aug 12 16:10:37 +0000 2023`.
    fn month_day_year(&self, month: usize, after: usize) -> Option<(usize, usize)> {
        if self.at(after) != b' ' {
            return None;
        }
        let d_at = after + 1;
        let d_len = (0..3)
            .take_while(|k| self.at(d_at + k).is_ascii_digit())
            .count();
        let day = self.digits_at(d_at, d_len)?;
        if !(1..=2).contains(&d_len) || !(1..=31).contains(&day) {
            return None;
        }
        let mut pos = d_at + d_len;
        if self.at(pos) == b',' {
            pos += 1;
        }
        if self.at(pos) != b' ' {
            return None;
        }
        pos += 1;
        if let Some(year) = self.digits_at(pos, 4) {
            let end = pos + 4;
            if (1900..2100).contains(&year) && !self.at(end).is_ascii_digit() {
                return Some((month, self.time_after(end)));
            }
            return None;
        }
        // X/Twitter: `Aug 12 16:10:37 +0000 2023`.
        let rest = self.s.get(pos..)?;
        let t = rest.get(..15)?;
        let tb = t.as_bytes();
        let shape = tb.iter().enumerate().all(|(k, c)| match k {
            2 | 5 => *c == b':',
            8 | 14 => *c == b' ',
            9 => matches!(c, b'+' | b'-'),
            _ => c.is_ascii_digit(),
        });
        if let Some(year) = self.digits_at(pos + 15, 4) {
            return (shape && (1900..2100).contains(&year)).then_some((month, pos + 19));
        }
        // `asctime`, as logs write it: `Nov 25 19:02:11 2024`.
        let clock = t.get(..8)?.as_bytes();
        let asctime = clock.iter().enumerate().all(|(k, c)| match k {
            2 | 5 => *c == b':',
            _ => c.is_ascii_digit(),
        }) && self.at(pos + 8) == b' ';
        let year = self.digits_at(pos + 9, 4)?;
        (asctime && (1900..2100).contains(&year) && !self.at(pos + 13).is_ascii_digit())
            .then_some((month, pos + 13))
    }

    // ---- Device identifiers ----

    fn device_ids(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            if !self.at(i).is_ascii_alphanumeric()
                || self.before(i).is_ascii_alphanumeric()
                || self.before(i) == b'-'
            {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n && (self.at(end).is_ascii_alphanumeric() || self.at(end) == b'-') {
                end += 1;
            }
            let token = self.s.get(i..end).unwrap_or_default();
            let shaped = device_value(token)
                && (is_uuid(token)
                    || (token.len() >= 14
                        && token.bytes().all(|b| b.is_ascii_hexdigit())
                        && token.bytes().any(|b| b.is_ascii_digit())));
            // The words just before, lower-cased only for an identifier's shape.
            let named = shaped
                && (self.hint == Hint::Device
                    || named_device_before(&self.recent(i, 64).to_ascii_lowercase()));
            if named && self.free(i, end) {
                self.push(Category::DeviceId, i, end);
            }
            i = end.max(i + 1);
        }
    }

    // ---- Phone numbers ----

    fn phones(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.at(i);
            let plus = c == b'+' && self.at(i + 1).is_ascii_digit() && !wordy(self.before(i));
            let after_group = self.before(i) == b' ' && i >= 2 && self.at(i - 2).is_ascii_digit();
            let zero = c == b'0' && self.number_starts(i) && !after_group;
            if !(plus || zero) {
                i += 1;
                continue;
            }
            if let Some(end) = self.phone_at(i) {
                if self.free(i, end) {
                    self.push(Category::Phone, i, end);
                }
                i = end;
            } else {
                i += 1;
                while i < n && self.at(i).is_ascii_digit() {
                    i += 1;
                }
            }
        }
    }

    /// The end of a phone number starting at `i` (`+`, `00` or a French `0`).
    fn phone_at(&self, i: usize) -> Option<usize> {
        let international = self.at(i) == b'+'
            || (self.at(i + 1) == b'0'
                && self.at(i + 2) != b'0'
                && self.at(i + 2).is_ascii_digit()
                && self.at(i) == b'0');
        if international {
            self.international_phone(i)
        } else {
            self.french_phone(i)
        }
    }

    /// `+33 6 12 34 56 78`, `+33 (0)6…`, `0033 6…`, `+1 (415) 555-0176`, `+4915112345678`.
    fn international_phone(&self, i: usize) -> Option<usize> {
        {
            let start = if self.at(i) == b'+' { i + 1 } else { i + 2 };
            // Country code, then groups; a `(0)` may follow the country code.
            let mut digits: Vec<u8> = Vec::new();
            let mut pos = start;
            let mut groups = 0;
            let mut zero_used = false;
            loop {
                let g_start = pos;
                while self.at(pos).is_ascii_digit() && digits.len() <= 15 {
                    digits.push(self.at(pos) - b'0');
                    pos += 1;
                }
                if pos == g_start {
                    break;
                }
                groups += 1;
                if self.at(pos) == b')' && self.at(g_start.wrapping_sub(1)) == b'(' {
                    pos += 1;
                }
                let sep = self.at(pos);
                let next = self.at(pos + 1);
                if matches!(sep, b' ' | b'.' | b'-') && next.is_ascii_digit() {
                    pos += 1;
                } else if sep == b' '
                    && next == b'('
                    && self.at(pos + 2).is_ascii_digit()
                    && self.at(pos + 2) != b'0'
                {
                    pos += 2;
                } else if !zero_used
                    && groups == 1
                    && self
                        .s
                        .get(pos..)
                        .is_some_and(|r| r.starts_with(" (0)") || r.starts_with("(0)"))
                {
                    pos += if sep == b' ' { 4 } else { 3 };
                    if self.at(pos) == b' ' {
                        pos += 1;
                    }
                    zero_used = true;
                } else {
                    break;
                }
            }
            // `00123456789012` is a reference padded with zeros, not `00` and a number.
            if self.at(i) == b'0' && groups < 2 {
                return None;
            }
            let french = digits.starts_with(&[3, 3]);
            let ok = if french {
                digits.len() == 11 && digits.get(2).is_some_and(|d| *d != 0)
            } else {
                (10..=15).contains(&digits.len())
                    && digits.first().is_some_and(|d| *d != 0)
                    && groups <= 7
            };
            (ok && !wordy(self.at(pos)) && !matches!(self.at(pos), b'.' | b'/')
                || ok && self.at(pos) == b'.' && !self.at(pos + 1).is_ascii_digit())
            .then_some(pos)
        }
    }

    /// `06 12 34 56 78`, `06.12.34.56.78`, `0612345678`, `0 800 123 456`, and British mobiles.
    fn french_phone(&self, i: usize) -> Option<usize> {
        // French national: 0X then 8 digits, in pairs or contiguous.
        if !matches!(self.at(i + 1), b'1'..=b'9' | b' ') {
            return None;
        }
        if let Some(10) = (0..11)
            .take_while(|k| self.at(i + k).is_ascii_digit())
            .count()
            .into()
        {
            let end = i + 10;
            let after = self.at(end);
            let continues =
                matches!(after, b'.' | b',' | b'-' | b'/') && self.at(end + 1).is_ascii_digit();
            return (!wordy(after) && !continues).then_some(end);
        }
        // `0 800 123 456`, as free numbers are written.
        if self.at(i + 1) == b' '
            && self.at(i + 2) == b'8'
            && [2usize, 6, 10]
                .iter()
                .all(|&g| (0..3).all(|k| self.at(i + g + k).is_ascii_digit()))
            && self.at(i + 5) == b' '
            && self.at(i + 9) == b' '
        {
            let end = i + 13;
            let after = self.at(end);
            let continues = matches!(after, b' ' | b'.') && self.at(end + 1).is_ascii_digit();
            return (!wordy(after) && !continues).then_some(end);
        }
        // British mobiles, as people write them: `07700 900 812`.
        let digits = |from: usize, to: usize| (from..to).all(|k| self.at(i + k).is_ascii_digit());
        if self.at(i + 1) == b'7'
            && digits(0, 5)
            && self.at(i + 5) == b' '
            && digits(6, 9)
            && self.at(i + 9) == b' '
            && digits(10, 13)
        {
            let end = i + 13;
            let continues =
                matches!(self.at(end), b' ' | b'.') && self.at(end + 1).is_ascii_digit();
            return (!wordy(self.at(end)) && !continues).then_some(end);
        }
        let sep = self.at(i + 2);
        if !matches!(sep, b' ' | b'.' | b'-') {
            return None;
        }
        for g in 0..5 {
            let at = i + g * 3;
            if !(self.at(at).is_ascii_digit() && self.at(at + 1).is_ascii_digit()) {
                return None;
            }
            if g < 4 && self.at(at + 2) != sep {
                return None;
            }
        }
        let end = i + 14;
        let after = self.at(end);
        let continues = wordy(after)
            || (matches!(after, b' ' | b'.' | b'-' | b',' | b'/' | b':')
                && self.at(end + 1).is_ascii_digit());
        (!continues).then_some(end)
    }
}

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The host of a URL without its scheme: up to the path, query, fragment or port.
fn host_of(rest: &str) -> &str {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if host.starts_with('[') {
        return host;
    }
    host.split(':').next().unwrap_or(host)
}

/// Top-level domains a bare domain may end with: the common ones, and none that is also a
/// common file extension (`.md`, `.zip`, `.mov`, `.py`, `.sh`, `.rs`) or a word of logs and code
/// (`.info`: `daemon.info`, `logger.info`).
const TLDS: &[&str] = &[
    "ai", "app", "at", "au", "be", "bg", "biz", "blog", "br", "bzh", "ca", "cc", "ch", "ci",
    "cloud", "club", "cm", "cn", "co", "com", "cz", "de", "dev", "dk", "dz", "edu", "ee", "es",
    "eu", "fi", "fm", "fr", "gf", "gg", "gl", "gov", "gp", "gr", "hr", "hu", "ie", "in", "io",
    "it", "jp", "li", "live", "lt", "lu", "lv", "ly", "ma", "mc", "me", "mg", "mq", "mu", "mx",
    "nc", "net", "news", "nl", "no", "nz", "online", "org", "ovh", "paris", "pf", "pl", "pm",
    "pro", "pt", "re", "ro", "ru", "se", "shop", "si", "site", "sk", "sn", "store", "tech", "tn",
    "to", "tv", "uk", "us", "wf", "xyz", "yt", "za",
];

/// `exemple.fr`, `shop.example.com`: labels of letters, digits and hyphens, a known lower-case
/// top-level domain, and a letter somewhere before it.
fn is_domain(token: &str) -> bool {
    let Some((rest, tld)) = token.rsplit_once('.') else {
        return false;
    };
    if TLDS.contains(&tld) {
        return labels_ok(rest);
    }
    // Bank statements write domains in capitals (`HELP.UBER.COM`), but `ASP.NET` is no domain.
    let capitals = token.bytes().all(|b| !b.is_ascii_lowercase());
    let lower = tld.to_ascii_lowercase();
    let framework = lower == "net" && !rest.contains('.') && rest.len() <= 3;
    capitals && !framework && TLDS.contains(&lower.as_str()) && labels_ok(rest)
}

/// A domain with any alphabetic top-level domain (for e-mail addresses, which say what they are).
fn is_domain_any_tld(domain: &str) -> bool {
    let Some((rest, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()) && labels_ok(rest)
}

fn labels_ok(rest: &str) -> bool {
    !rest.is_empty()
        && rest.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && rest.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Months in French and English, full and short, lower case.
const MONTHS: &[&str] = &[
    "janvier",
    "janv",
    "février",
    "fevrier",
    "févr",
    "fevr",
    "mars",
    "avril",
    "avr",
    "mai",
    "juin",
    "juillet",
    "juil",
    "août",
    "aout",
    "septembre",
    "sept",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "déc",
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

fn is_month(word: &str) -> bool {
    word.len() <= 9 && MONTHS.contains(&word.to_lowercase().as_str())
}

fn is_uuid(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(k, c)| match k {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Words that name a device or advertising identifier right before one (`IDFA: …`).
const DEVICE_WORDS: &[&str] = &[
    "idfa",
    "idfv",
    "gaid",
    "aaid",
    "advertising id",
    "advertising identifier",
    "identifiant publicitaire",
    "id publicitaire",
    "android id",
    "device id",
    "imei",
    "identifiant de l'appareil",
    "id de l'appareil",
    "identifiant d'appareil",
];

fn named_device_before(head: &str) -> bool {
    let head = head.trim_end_matches([
        ' ', ':', '=', '"', '\'', '(', ')', '[', ']', '>', '-', '\u{a0}',
    ]);
    // `IMEI 1 : …`: a device's number between the word and the identifier.
    let unnumbered = head
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let named = |head: &str| {
        let start = (0..=head.len().saturating_sub(30))
            .rev()
            .find(|&k| head.is_char_boundary(k))
            .unwrap_or(0);
        let tail = head.get(start..).unwrap_or(head);
        // Phrases right before; the short names anywhere close (`getImei(slot=0) -> …`).
        DEVICE_WORDS.iter().any(|w| tail.ends_with(w))
            || ["imei", "idfa", "idfv", "gaid", "aaid"]
                .iter()
                .any(|w| tail.contains(w))
    };
    // Or a key written in the text: `gps_adid=…`.
    let word = head
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or_default();
    named(head) || named(unnumbered) || super::keys::hint(word) == Hint::Device
}

/// IBAN lengths by country (SWIFT's registry).
fn iban_length(cc: [u8; 2]) -> Option<usize> {
    let len = match &cc {
        b"NO" => 15,
        b"BE" => 16,
        b"DK" | b"FI" | b"FO" | b"GL" | b"NL" => 18,
        b"MK" | b"SI" => 19,
        b"AT" | b"BA" | b"EE" | b"KZ" | b"LT" | b"LU" | b"XK" => 20,
        b"CH" | b"CR" | b"HR" | b"LI" | b"LV" => 21,
        b"BG" | b"BH" | b"DE" | b"GB" | b"GE" | b"IE" | b"ME" | b"RS" => 22,
        b"AE" | b"GI" | b"IL" | b"TL" => 23,
        b"AD" | b"CZ" | b"ES" | b"MD" | b"PK" | b"RO" | b"SA" | b"SE" | b"SK" | b"TN" | b"VG" => 24,
        b"PT" => 25,
        b"IS" | b"TR" => 26,
        b"FR" | b"GR" | b"IT" | b"MC" | b"MR" | b"SM" => 27,
        b"AL" | b"AZ" | b"BY" | b"CY" | b"DO" | b"GT" | b"HU" | b"LB" | b"PL" => 28,
        b"BR" | b"EG" | b"PS" | b"QA" | b"UA" => 29,
        b"JO" | b"KW" | b"MU" => 30,
        b"MT" | b"SC" => 31,
        _ => return None,
    };
    Some(len)
}

/// The IBAN check: moved to the end, letters as 10–35, the number mod 97 is 1.
fn iban_valid(chars: &[u8]) -> bool {
    let (head, tail) = chars.split_at(4.min(chars.len()));
    let mut rem: u32 = 0;
    for &c in tail.iter().chain(head) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// The NIR: sex, year, month, department (`2A`/`2B` for Corsica), commune, order, and a key of
/// 97 minus the 13-digit number mod 97 (Corsica's `2A` counting as 19, `2B` as 18).
fn nir_valid(chars: &[u8; 15]) -> bool {
    let digit = |k: usize| {
        chars
            .get(k)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u64::from(c - b'0'))
    };
    let month = digit(3).zip(digit(4)).map(|(a, b)| a * 10 + b);
    if !month
        .is_some_and(|m| (1..=12).contains(&m) || (20..=42).contains(&m) || (50..=99).contains(&m))
    {
        return false;
    }
    let mut number: u64 = 0;
    for k in 0..13 {
        let v = match (k, chars.get(5), chars.get(6)) {
            (5, Some(b'2'), Some(b'A' | b'B')) => 1,
            (6, _, Some(b'A')) => 9,
            (6, _, Some(b'B')) => 8,
            _ => match digit(k) {
                Some(v) => v,
                None => return false,
            },
        };
        number = number * 10 + v;
    }
    if chars.get(5..7) == Some(b"00") {
        return false;
    }
    let key = digit(13).zip(digit(14)).map(|(a, b)| a * 10 + b);
    key == Some(97 - number % 97)
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            let d = u32::from(d);
            if k % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether the number is in a card issuer's range, with that issuer's length.
fn issuer(digits: &[u8]) -> bool {
    let prefix = |n: usize| {
        digits
            .iter()
            .take(n)
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d))
    };
    let len = digits.len();
    let (p1, p2, p3, p4) = (prefix(1), prefix(2), prefix(3), prefix(4));
    match p1 {
        4 => matches!(len, 13 | 16 | 19),
        5 => {
            ((51..=55).contains(&p2) && len == 16)
                || ((p2 == 50 || (56..=59).contains(&p2)) && (12..=19).contains(&len))
        }
        2 => (2221..=2720).contains(&p4) && len == 16,
        3 => {
            ((p2 == 34 || p2 == 37) && len == 15)
                || ((3528..=3589).contains(&p4) && (16..=19).contains(&len))
                || (((300..=305).contains(&p3) || p2 == 36 || p2 == 38) && (14..=19).contains(&len))
        }
        6 => {
            ((p4 == 6011 || p2 == 65 || (644..=649).contains(&p3)) && (16..=19).contains(&len))
                || ((p2 == 62) && (16..=19).contains(&len))
                || (p2 >= 60 && (12..=19).contains(&len) && matches!(p2, 63 | 67))
        }
        _ => false,
    }
}

fn in_range(lat: f64, lng: f64) -> bool {
    lat.abs() <= 90.0 && lng.abs() <= 180.0 && !(lat == 0.0 && lng == 0.0)
}

/// The category and text of every hit in a value, for tests.
#[cfg(test)]
pub(crate) fn found(key: &str, value: Value<'_>) -> Vec<(Category, String)> {
    let mut hits = Vec::new();
    detect(super::keys::hint(key), value, &mut hits);
    let text = match value {
        Value::Text(t) | Value::Number(t) => t,
    };
    hits.iter()
        .map(|h| {
            (
                h.category,
                text.get(h.start..h.end).unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::*;

    fn text(value: &str) -> Vec<(Category, String)> {
        found("", Value::Text(value))
    }

    fn pairs(items: &[(Category, &str)]) -> Vec<(Category, String)> {
        items.iter().map(|(c, t)| (*c, (*t).to_owned())).collect()
    }

    #[test]
    fn emails_and_phones_in_a_message() {
        assert_eq!(
            text("Appelle-moi au 06 12 34 56 78 ou écris à j.dupont@exemple.fr !"),
            pairs(&[(Email, "j.dupont@exemple.fr"), (Phone, "06 12 34 56 78")])
        );
        for phone in [
            "0612345678",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "+33 6 12 34 56 78",
            "+33 (0)6 12 34 56 78",
            "+33612345678",
            "0033 6 12 34 56 78",
            "+44 20 7946 0958",
            "+1 415 555 0132",
            "+4915112345678",
        ] {
            assert_eq!(
                text(&format!("tel: {phone}.")),
                pairs(&[(Phone, phone)]),
                "{phone}"
            );
        }
        for not in [
            "commande 123456789012",
            "061234567",
            "06123456789",
            "icon@2x.png",
            "user@localhost",
        ] {
            assert_eq!(text(not), [], "{not}");
        }
        // A date and time in pairs of digits is a date, not a phone number.
        assert_eq!(
            text("le 01-02-2024 10:30"),
            pairs(&[(Date, "01-02-2024 10:30")])
        );
    }

    #[test]
    fn addresses_on_the_network() {
        assert_eq!(
            text("Connexion depuis 82.64.12.201 et 2a01:e0a:5c3:9f10::1"),
            pairs(&[
                (IpAddress, "2a01:e0a:5c3:9f10::1"),
                (IpAddress, "82.64.12.201")
            ])
        );
        assert_eq!(text("Chrome/120.0.6099.109 Safari/537.36"), []);
        assert_eq!(text("version 1.2.3.4"), []);
        assert_eq!(found("app_version", Value::Text("1.2.3.4")), []);
        assert_eq!(text("à 12:30:45"), []);
        assert_eq!(
            text("wifi a4:5e:60:c1:2b:9f"),
            pairs(&[(MacAddress, "a4:5e:60:c1:2b:9f")])
        );
        assert_eq!(
            text("A4-5E-60-C1-2B-9F, a45e.60c1.2b9f"),
            pairs(&[
                (MacAddress, "A4-5E-60-C1-2B-9F"),
                (MacAddress, "a45e.60c1.2b9f")
            ])
        );
    }

    #[test]
    fn bank_and_identity_numbers_pass_their_checks() {
        assert_eq!(
            text("IBAN FR76 3000 6000 0112 3456 7890 189 merci"),
            pairs(&[(Iban, "FR76 3000 6000 0112 3456 7890 189")])
        );
        assert_eq!(
            text("DE89370400440532013000"),
            pairs(&[(Iban, "DE89370400440532013000")])
        );
        assert_eq!(text("FR76 3000 6000 0112 3456 7890 188"), []);
        assert_eq!(
            text("carte 4970 1012 3456 7893"),
            pairs(&[(Card, "4970 1012 3456 7893")])
        );
        // Failing Luhn; passing Luhn outside every issuer's range.
        assert_eq!(text("carte 4970 1012 3456 7898"), []);
        assert_eq!(text("ref 9999 1012 3456 7899"), []);
        assert_eq!(
            text("1 84 12 75 108 042 31"),
            pairs(&[(Nir, "1 84 12 75 108 042 31")])
        );
        assert_eq!(text("1 84 12 75 108 042 32"), []);
    }

    #[test]
    fn corsican_nirs_count_2a_as_19_and_2b_as_18() {
        // 2 90 05 2A 004 123: 2900519004123 mod 97, key 97 - that.
        let key = |n: u64| 97 - n % 97;
        let a = format!("2 90 05 2A 004 123 {:02}", key(2_900_519_004_123));
        assert_eq!(text(&a), pairs(&[(Nir, &a)]));
        let b = format!("1900{}2B033045{:02}", "5", key(1_900_518_033_045));
        assert_eq!(text(&b), pairs(&[(Nir, &b)]));
    }

    #[test]
    fn positions_in_their_written_forms() {
        for pos in [
            "48.8566, 2.3522",
            "geo:48.8566,2.3522",
            "48.85661°, 2.35222°",
            "-33.8688, 151.2093",
        ] {
            assert_eq!(
                text(&format!("at {pos}")),
                pairs(&[(Coordinates, pos)]),
                "{pos}"
            );
        }
        assert_eq!(text("12.50, 13.75 €"), []);
        assert_eq!(text("0.0, 0.0"), []);
        assert_eq!(text("91.12345, 2.35"), []);
        assert_eq!(
            found("latitudeE7", Value::Number("488566000")),
            pairs(&[(Coordinates, "488566000")])
        );
        assert_eq!(found("latitudeE7", Value::Number("2000000000")), []);
        assert_eq!(found("longitudeE7", Value::Number("23522000")), []);
        assert_eq!(
            found("lat", Value::Number("48.8566")),
            pairs(&[(Coordinates, "48.8566")])
        );
    }

    #[test]
    fn dates_written_and_epoch_numbers_under_time_keys() {
        for date in [
            "2024-03-12",
            "2024-03-12T08:15:00Z",
            "2024-03-12 08:15:00",
            "12/03/2024",
            "12.03.2024",
            "12 mars 2024",
            "1er mars 2024",
            "March 12, 2024",
            "Mar 12, 2024, 11:35:00 AM",
            "15 Mar 2009",
            "Aug 12 16:10:37 +0000 2023",
        ] {
            assert_eq!(
                text(&format!("le {date}")),
                pairs(&[(Date, date)]),
                "{date}"
            );
        }
        assert_eq!(
            text("12/03/24, 08:15 - Marie: salut"),
            pairs(&[(Date, "12/03/24, 08:15")])
        );
        assert_eq!(
            found("timestamp_ms", Value::Number("1700000000000")),
            pairs(&[(Date, "1700000000000")])
        );
        assert_eq!(
            found("timestampMs", Value::Text("1700000000000")),
            pairs(&[(Date, "1700000000000")])
        );
        assert_eq!(
            found("time_usec", Value::Number("1700000000000000")),
            pairs(&[(Date, "1700000000000000")])
        );
        assert_eq!(found("fbid", Value::Number("1700000000000")), []);
        // A time key with no time in it: the other detectors still look.
        assert_eq!(
            found("from", Value::Text("0612345678")),
            pairs(&[(Phone, "0612345678")])
        );
        // A reference padded with zeros is no international number.
        assert_eq!(text("ref 00123456789012"), []);
        assert_eq!(found("timestamp", Value::Number("3000000000")), []);
        assert_eq!(text("en 2024 à 08:15"), []);
    }

    #[test]
    fn urls_domains_and_trackers() {
        assert_eq!(
            text("Visited https://www.exemple.fr/compte?id=3."),
            pairs(&[(Url, "https://www.exemple.fr/compte?id=3")])
        );
        assert_eq!(
            text("https://ad.doubleclick.net/x"),
            pairs(&[
                (Url, "https://ad.doubleclick.net/x"),
                (Tracker, "https://ad.doubleclick.net/x")
            ])
        );
        assert_eq!(text("exemple.fr"), pairs(&[(Url, "exemple.fr")]));
        assert_eq!(text("photo.jpg Records.json com.facebook.katana"), []);
        assert_eq!(
            text("jean@exemple.fr"),
            pairs(&[(Email, "jean@exemple.fr")])
        );
    }

    #[test]
    fn device_identifiers_need_their_key_or_name() {
        let uuid = "6D92078A-8246-4BA4-AE5B-76104861E7DC";
        assert_eq!(
            found("advertising_id", Value::Text(uuid)),
            pairs(&[(DeviceId, uuid)])
        );
        assert_eq!(found("id", Value::Text(uuid)), []);
        assert_eq!(text(uuid), []);
        assert_eq!(text(&format!("IDFA: {uuid}")), pairs(&[(DeviceId, uuid)]));
    }
}
