//! What Google kept of what a person did, in HTML: My Activity's default format,
//! `MyActivity.html` (split ones `MyActivity-1.html`), and YouTube's `search-history.html` or
//! `watch-history.html`.
//!
//! Where from: Google Takeout (takeout.google.com), "My Activity" as it comes (HTML):
//! `Takeout/My Activity/<Product>/MyActivity.html`, localised (`Mon activité/Recherche/
//! MonActivité.html`) (formats.md section 1.3).
//!
//! Shape: one `div.outer-cell` per event; inside it `p.mdl-typography--title` (the product),
//! `div.content-cell.mdl-typography--body-1` (the title, its link, then after a `<br>` the date,
//! a localised string: `Mar 8, 2018, 5:14:40 PM CET`, `15 juin 2026, 20:30:41 CEST`; no zone
//! before 2018, UTC then, the local zone at export time since) and
//! `div.content-cell.mdl-typography--caption` (lines "Products:", "Locations:" with a maps link
//! and where Google got it, "Details:" with `From Google Ads` or an IP address).
//!
//! Detection: `outer-cell` and `mdl-typography--body-1` in the first bytes; or, should a long
//! style sheet push the first cell further, the file's name (`MyActivity*.html`,
//! `MonActivité*.html`, `search-history.html`, `watch-history.html`) and Material Design classes.
//!
//! The file is streamed and cut into cells at each `outer-cell` (a cell is at most 1 MB), with no
//! HTML parser: a small scanner skips tags and decodes the usual entities. Each cell with a
//! readable date is an event, read as `google.my_activity` reads a JSON record (the same helpers
//! give its kind, the domain it links to, its location's source, ads and IP addresses). Dates are
//! read in English, French or Spanish with the zone abbreviations Google writes (UTC, GMT, CET,
//! CEST, PST, PDT, MSK…, or `GMT+02:00`); an unknown one is taken as UTC. A file that ends before
//! `</html>` is cut: its last cell is left out.

use std::io::Read;

use super::google_activity::{domain, ip_in, is_ad, kind_of, location_source};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::activity::Event;
use crate::model::time::{days_from_civil, english_month};
use crate::model::Sink;

/// `MyActivity.html`.
pub struct GoogleActivityHtml;

const MARK: &[u8] = b"outer-cell";
/// The longest cell (or text before the first one) read whole.
const MAX_CELL: usize = 1 << 20;

/// Zone abbreviations and their offsets in minutes east of UTC.
const ZONES: [(&str, i64); 24] = [
    ("UTC", 0),
    ("GMT", 0),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("IST", 330),
    ("CET", 60),
    ("CEST", 120),
    ("MEZ", 60),
    ("MESZ", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("JST", 540),
    ("AEST", 600),
    ("AEDT", 660),
];

/// Months in French and Spanish that English's first three letters do not give.
const MONTHS: [(&str, i64); 13] = [
    ("fév", 2),
    ("fev", 2),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juil", 7),
    ("aoû", 8),
    ("aou", 8),
    ("déc", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
];

/// A zone's offset in minutes: an abbreviation, or `UTC+2`, `GMT-05:00`.
fn zone(word: &str) -> Option<i64> {
    if let Some((_, minutes)) = ZONES.iter().find(|(z, _)| *z == word) {
        return Some(*minutes);
    }
    let rest = word
        .strip_prefix("UTC")
        .or_else(|| word.strip_prefix("GMT"))?;
    let sign = match rest.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    let (h, m) = rest
        .get(1..)?
        .split_once(':')
        .unwrap_or((rest.get(1..)?, "0"));
    Some(sign * (h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?))
}

/// A month from its name in English, French or Spanish.
fn month(word: &str) -> Option<i64> {
    let lower = word.to_lowercase();
    english_month(&lower).or_else(|| {
        MONTHS
            .iter()
            .find(|(m, _)| lower.starts_with(m))
            .map(|(_, n)| *n)
    })
}

/// A localised date line as epoch seconds (UTC): `Mar 8, 2018, 5:14:40 PM CET`, `15 juin 2026,
/// 20:30:41 CEST`, `Jun 23, 2015, 2:43:45 PM` (UTC).
fn parse_date(line: &str) -> Option<i64> {
    let (mut day, mut mon, mut year, mut clock, mut pm, mut offset) =
        (None, None, None, None, None, 0);
    for word in line
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
    {
        if let Some(z) = zone(word) {
            offset = z;
        } else if word.contains(':') {
            let mut parts = word.split(':').map(str::parse::<i64>);
            let (h, m) = (parts.next()?.ok()?, parts.next()?.ok()?);
            let s = parts.next().map_or(Some(0), Result::ok)?;
            clock = Some((h, m, s));
        } else if let Ok(n) = word.parse::<i64>() {
            if n > 31 {
                year = Some(n);
            } else {
                day = Some(n);
            }
        } else if word.eq_ignore_ascii_case("PM") || word.eq_ignore_ascii_case("p.m") {
            pm = Some(true);
        } else if word.eq_ignore_ascii_case("AM") || word.eq_ignore_ascii_case("a.m") {
            pm = Some(false);
        } else if let Some(m) = month(word) {
            mon = Some(m);
        }
    }
    let (h, m, s) = clock?;
    let h = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    let (day, mon) = (day?, mon?);
    if !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year?, mon, day);
    Some(days * 86_400 + h * 3600 + m * 60 + s - offset * 60)
}

/// The text of some HTML: tags skipped, the usual entities decoded, white space made one space.
fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(rest.get(..i).unwrap_or_default());
        rest = rest.get(i..).unwrap_or_default();
        if rest.starts_with('<') {
            rest = rest.split_once('>').map_or("", |(_, r)| r);
            continue;
        }
        let entity = rest
            .get(1..)
            .and_then(|r| r.split_once(';'))
            .filter(|(e, _)| e.len() <= 8);
        let Some((name, after)) = entity else {
            out.push('&');
            rest = rest.get(1..).unwrap_or_default();
            continue;
        };
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" | "emsp" | "ensp" | "thinsp" => Some(' '),
            _ => {
                let code = name.strip_prefix('#');
                let n = code.and_then(|c| match c.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => c.parse().ok(),
                });
                n.and_then(char::from_u32)
            }
        };
        out.push(decoded.unwrap_or('&'));
        rest = if decoded.is_some() {
            after
        } else {
            rest.get(1..).unwrap_or_default()
        };
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first link's address in some HTML, its entities decoded.
fn href(html: &str) -> Option<String> {
    let rest = html.split_once("href=\"")?.1;
    Some(rest.split('"').next()?.replace("&amp;", "&"))
}

/// What the element of a class holds, up to the next `</div>`, as lines (cut at each `<br>`).
fn lines<'a>(cell: &'a str, class: &str) -> Vec<&'a str> {
    let Some(inner) = cell
        .split_once(class)
        .and_then(|(_, r)| r.split_once('>'))
        .map(|(_, r)| r.split("</div>").next().unwrap_or(r))
    else {
        return Vec::new();
    };
    inner
        .split("<br")
        .enumerate()
        .map(|(i, part)| match i {
            0 => part,
            _ => part.split_once('>').map_or("", |(_, r)| r),
        })
        .collect()
}

/// Hands one cell over as an event, if it has a readable date.
fn hand_over(cell: &str, out: &mut dyn Sink) {
    let body = lines(cell, "mdl-typography--body-1");
    let (Some(first), Some(at)) = (
        body.first(),
        body.iter().rev().find_map(|l| parse_date(&text(l))),
    ) else {
        return;
    };
    let product = lines(cell, "mdl-typography--title")
        .first()
        .map(|l| text(l))
        .unwrap_or_default();
    let url = href(first);
    let kind = kind_of(&text(first), url.as_deref());
    let site = url.as_deref().and_then(domain);
    let (mut location, mut ad, mut ip) = (None, false, None);
    for line in lines(cell, "mdl-typography--caption") {
        let said = text(line);
        if location.is_none() && href(line).is_some_and(|h| h.contains("/maps")) {
            location = Some(location_source(&said));
        }
        ad |= is_ad(&said);
        if ip.is_none() {
            ip = ip_in(&said).map(str::to_owned);
        }
    }
    out.event(&Event {
        product: &product,
        at,
        kind,
        domain: site.as_deref(),
        location,
        ad,
        ip: ip.as_deref(),
    });
}

impl Source for GoogleActivityHtml {
    fn id(&self) -> &'static str {
        "google.my_activity_html"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google, Mon activité (MonActivité.html)",
            Lang::En => "Google My Activity (MyActivity.html)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn activity(&self) -> bool {
        true
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let has = |key: &[u8]| head.windows(key.len()).any(|w| w == key);
        // Its own name, should a long style sheet push the first cell past the first bytes.
        let name = super::meta::file_name(path);
        let named = name.rsplit_once('.').map(|(_, ext)| ext) == Some("html")
            && [
                "myactivity",
                "monactivit",
                "search-history",
                "watch-history",
            ]
            .iter()
            .any(|n| name.starts_with(n))
            && has(b"mdl-");
        let confidence = if has(MARK) && has(b"mdl-typography--body-1") {
            90
        } else if named {
            60
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let finder = memchr::memmem::Finder::new(MARK);
        let mut buf: Vec<u8> = Vec::new();
        let mut chunk = vec![0_u8; 64 * 1024];
        // Where the cell being read starts in `buf` (none before the first), where to look for
        // the next one from, and whether anything was read.
        let (mut start, mut from, mut read) = (None::<usize>, 0, false);
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Some(ErrorKind::Unreadable),
            };
            read = true;
            buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
            while let Some(i) = buf.get(from..).and_then(|b| finder.find(b)) {
                let end = from + i;
                if let Some(cell) = start.and_then(|s| buf.get(s..end)) {
                    hand_over(&String::from_utf8_lossy(cell), out);
                }
                (start, from) = (Some(end), end + 1);
            }
            // The cells handed over (or the text before the first) are let go of at once.
            let scanned = buf.len().saturating_sub(MARK.len() - 1).max(from);
            let keep = start.unwrap_or(scanned);
            buf.drain(..keep);
            (start, from) = (start.map(|_| 0), scanned - keep);
            if buf.len() > MAX_CELL {
                return Some(ErrorKind::TooLarge);
            }
        }
        if start.is_none() {
            return Some(if read {
                ErrorKind::WrongType
            } else {
                ErrorKind::Empty
            });
        }
        let last = String::from_utf8_lossy(&buf);
        match last.find("</html>").or_else(|| last.find("</HTML>")) {
            Some(end) => {
                hand_over(last.get(..end).unwrap_or_default(), out);
                None
            }
            None => Some(ErrorKind::Truncated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::activity::{ActivityKind, LocationSource};
    use crate::sources::{collect, fixture};

    #[test]
    fn localised_dates_with_zones_are_read() {
        // The date in google_takeout_parser's test of its HTML parser: 1599242506.
        assert_eq!(
            parse_date("Sep 4, 2020, 11:01:46 AM PDT"),
            Some(1_599_242_506)
        );
        // date -ud '2018-03-08 16:14:40' +%s → 1520525680.
        assert_eq!(
            parse_date("Mar 8, 2018, 5:14:40 PM CET"),
            Some(1_520_525_680)
        );
        // date -ud '2026-06-15 18:30:41' +%s → 1781548241.
        assert_eq!(
            parse_date("15 juin 2026, 20:30:41 CEST"),
            Some(1_781_548_241)
        );
        assert_eq!(
            parse_date("15 juil. 2026, 20:30:41 UTC+2"),
            Some(1_781_548_241 + 30 * 86_400)
        );
        // No zone before 2018: UTC. date -ud '2015-06-23 14:43:45' +%s → 1435070625.
        assert_eq!(parse_date("Jun 23, 2015, 2:43:45 PM"), Some(1_435_070_625));
        assert_eq!(
            parse_date("12 déc. 2019, 00:05:00 UTC"),
            parse_date("Dec 12, 2019, 12:05:00 AM UTC")
        );
        assert_eq!(parse_date("Products:"), None);
        assert_eq!(parse_date("Mar 40, 2018, 5:14:40 PM"), None);
    }

    #[test]
    fn text_skips_tags_and_decodes_entities() {
        assert_eq!(
            text("Searched for&nbsp;<a href=\"x\">caf&eacute; &amp; cr&#232;me</a>"),
            "Searched for caf&eacute; & crème"
        );
        assert_eq!(text("&emsp;From IP 8.8.8.8"), "From IP 8.8.8.8");
    }

    #[test]
    fn the_english_fixture_is_read_cell_by_cell() {
        let bytes = fixture("google.my_activity_html", "Search/MyActivity.html");
        let (out, error) = collect(&GoogleActivityHtml, &bytes);
        assert_eq!(error, None);
        let first = out.events.first().cloned();
        // The first cell: "Mar 8, 2018, 5:14:40 PM CET", a search located from the Location
        // History.
        assert_eq!(
            first.map(|e| (e.product, e.at, e.kind, e.location)),
            Some((
                "Search".to_owned(),
                1_520_525_680,
                ActivityKind::Search,
                Some(LocationSource::History)
            ))
        );
        assert!(out.events.iter().any(|e| e.ad));
        assert!(out
            .events
            .iter()
            .any(|e| e.ip.as_deref() == Some("192.0.2.44")));
        // Cut before the end, the last cell is left out and the file said to be cut.
        let (cut, error) = collect(&GoogleActivityHtml, &bytes[..bytes.len() - 2]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(cut.events.len() + 1, out.events.len());
    }

    /// Hands its bytes over a few at a time, as a slow stream would.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(7);
            let (head, rest) = self.0.split_at(n);
            buf[..n].copy_from_slice(head);
            self.0 = rest;
            Ok(n)
        }
    }

    #[test]
    fn cells_split_across_reads_are_read_the_same() {
        let bytes = fixture("google.my_activity_html", "Recherche/MonActivité.html");
        let (whole, error) = collect(&GoogleActivityHtml, &bytes);
        assert_eq!((whole.events.len(), error), (10, None));
        let mut out = crate::sources::Collected::default();
        let error = GoogleActivityHtml.read(&mut Trickle(&bytes), &mut out);
        assert_eq!(error, None);
        assert_eq!(out.events, whole.events);
    }

    #[test]
    fn garbage_is_an_error() {
        assert_eq!(collect(&GoogleActivityHtml, b"").1, Some(ErrorKind::Empty));
        assert_eq!(
            collect(&GoogleActivityHtml, b"<html><body>hello</body></html>").1,
            Some(ErrorKind::WrongType)
        );
        assert!(GoogleActivityHtml
            .detect("a.html", b"<html><p>outer-cell</p>")
            .is_none());
        let styled = b"<html><head><style>.mdl-grid{display:flex}</style>";
        let path = "Takeout/My Activity/Search/MyActivity.html";
        assert!(GoogleActivityHtml.detect(path, styled).is_some());
        assert!(GoogleActivityHtml
            .detect("Chrome/Bookmarks.html", styled)
            .is_none());
    }
}
