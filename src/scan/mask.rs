//! Masked examples: enough of a value to recognise its kind (`j***@exemple.fr`,
//! `06 ** ** ** 78`, `FR76 **** 189`), not enough to reuse it.

use std::fmt::Write;

use super::detect::{epoch_year, Category};

/// Any value, masked: as its category when it is one item of personal data, else each word's
/// first character kept and the rest starred (`Morris, Maddox` → `M*****, M*****`), at most 24
/// characters.
pub fn any(value: &str) -> String {
    let mut hits = Vec::new();
    super::detect::detect(
        super::keys::Hint::None,
        super::detect::Value::Text(value),
        &mut hits,
    );
    if let Some(hit) = hits
        .first()
        .filter(|h| h.start == 0 && h.end == value.len())
    {
        return mask(hit.category, value);
    }
    let mut out = String::new();
    let mut first = true;
    for c in value.chars().take(24) {
        if c.is_alphanumeric() {
            out.push(if first { c } else { '*' });
            first = false;
        } else {
            out.push(c);
            first = true;
        }
    }
    if value.chars().count() > 24 {
        out.push('…');
    }
    out
}

/// The masked form of `text`, found as `category`.
pub fn mask(category: Category, text: &str) -> String {
    match category {
        Category::Email => email(text),
        Category::Phone => keep_ends(text, 2, 2),
        Category::Card => keep_ends(text, 0, 4),
        Category::Nir => keep_ends(text, 0, 2),
        Category::Iban => iban(text),
        Category::IpAddress => ip(text),
        Category::Coordinates => coordinates(text),
        Category::Date => date(text),
        Category::Url | Category::Tracker => url(text),
        Category::MacAddress => mac(text),
        Category::DeviceId => {
            let head: String = text.chars().take(4).collect();
            format!("{head}…")
        }
    }
}

/// `j***@exemple.fr`.
fn email(text: &str) -> String {
    let (local, domain) = text.rsplit_once('@').unwrap_or((text, ""));
    let first: String = local.chars().take(1).collect();
    format!("{first}***@{domain}")
}

/// Digits and letters starred except the first `head` digits and the last `tail` ones; the
/// separators stay, so the shape shows.
fn keep_ends(text: &str, head: usize, tail: usize) -> String {
    let total = text.chars().filter(char::is_ascii_alphanumeric).count();
    let mut seen = 0;
    text.chars()
        .map(|c| {
            if !c.is_ascii_alphanumeric() {
                return c;
            }
            seen += 1;
            let shown = seen <= head || seen > total.saturating_sub(tail);
            if shown {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// `FR76 **** 189`: the country and check digits, and the last three characters.
fn iban(text: &str) -> String {
    let compact: String = text.chars().filter(char::is_ascii_alphanumeric).collect();
    let head = compact.get(..4).unwrap_or_default();
    let tail = compact
        .get(compact.len().saturating_sub(3)..)
        .unwrap_or_default();
    format!("{head} **** {tail}")
}

/// `82.64.*.*`, `2a01:e0a:…`.
fn ip(text: &str) -> String {
    if text.contains(':') {
        let groups: Vec<&str> = text.split(':').take(2).collect();
        format!("{}:…", groups.join(":"))
    } else {
        let parts: Vec<&str> = text.split('.').take(2).collect();
        format!("{}.*.*", parts.join("."))
    }
}

/// Every number rounded to one decimal (about 10 km): `48.9, 2.4`. An E7 integer is read as
/// such.
fn coordinates(text: &str) -> String {
    map_runs(
        text,
        |c, run| c.is_ascii_digit() || c == '.' || (c == '-' && run.is_empty()),
        |number, out| {
            let value: f64 = number.parse().unwrap_or(0.0);
            let degrees = if number.contains('.') || value.abs() <= 180.0 {
                value
            } else {
                value / 1e7
            };
            let _ = write!(out, "{degrees:.1}");
        },
    )
}

/// `text` with each run of characters that `in_run` takes (given the run so far) written by
/// `write` instead, and everything else as it is.
fn map_runs(
    text: &str,
    in_run: impl Fn(char, &str) -> bool,
    write: impl Fn(&str, &mut String),
) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in text.chars() {
        if in_run(c, &run) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            write(&run, &mut out);
            run.clear();
        }
        out.push(c);
    }
    if !run.is_empty() {
        write(&run, &mut out);
    }
    out
}

/// The year kept, the rest starred: `2024-**-**T**:**:**Z`, `** mars 2024`; an epoch number
/// becomes its year.
fn date(text: &str) -> String {
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Some(year) = epoch_year(text) {
            return format!("{year}-**-**");
        }
    }
    map_runs(
        text,
        |c, _| c.is_ascii_digit(),
        |run, out| {
            if run.len() == 4 {
                out.push_str(run);
            } else {
                out.extend(run.chars().map(|_| '*'));
            }
        },
    )
}

/// The scheme and host, the rest cut: `https://www.exemple.fr/…`.
fn url(text: &str) -> String {
    let (scheme, rest) = match text.find("://") {
        Some(i) => (
            text.get(..i + 3).unwrap_or_default(),
            text.get(i + 3..).unwrap_or_default(),
        ),
        None => ("", text),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or_default();
    // No user name or password, and an address written as numbers masked as one.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    let host = if host.parse::<std::net::Ipv4Addr>().is_ok() {
        ip(host)
    } else {
        host.to_owned()
    };
    if end < rest.len() {
        format!("{scheme}{host}/…")
    } else {
        format!("{scheme}{host}")
    }
}

/// The maker's half kept (it names the manufacturer): `a4:5e:60:**:**:**`.
fn mac(text: &str) -> String {
    // Google's decimal MACs have no maker's half to show.
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return keep_ends(text, 0, 0);
    }
    keep_ends(text, 6, 0)
}

#[cfg(test)]
mod tests {
    use super::Category::*;
    use super::*;

    #[test]
    fn examples_keep_their_kind_not_their_value() {
        assert_eq!(mask(Email, "jeanne.dupont@exemple.fr"), "j***@exemple.fr");
        assert_eq!(mask(Phone, "06 12 34 56 78"), "06 ** ** ** 78");
        assert_eq!(mask(Phone, "+33 6 12 34 56 78"), "+33 * ** ** ** 78");
        assert_eq!(
            mask(Iban, "FR76 3000 6000 0112 3456 7890 189"),
            "FR76 **** 189"
        );
        assert_eq!(mask(Card, "4970 1012 3456 7893"), "**** **** **** 7893");
        assert_eq!(mask(Nir, "1 84 12 75 108 042 31"), "* ** ** ** *** *** 31");
        assert_eq!(mask(IpAddress, "82.64.12.201"), "82.64.*.*");
        assert_eq!(mask(IpAddress, "2a01:e0a:5c3:9f10::1"), "2a01:e0a:…");
        assert_eq!(mask(Coordinates, "48.8566, 2.3522"), "48.9, 2.4");
        assert_eq!(mask(Coordinates, "488566000"), "48.9");
        assert_eq!(mask(Coordinates, "geo:48.8566,-2.3522"), "geo:48.9,-2.4");
        assert_eq!(mask(Date, "2024-03-12T08:15:00Z"), "2024-**-**T**:**:**Z");
        assert_eq!(mask(Date, "12 mars 2024"), "** mars 2024");
        assert_eq!(mask(Date, "1700000000000"), "2023-**-**");
        assert_eq!(
            mask(Url, "https://www.exemple.fr/compte?id=3"),
            "https://www.exemple.fr/…"
        );
        assert_eq!(mask(Tracker, "doubleclick.net"), "doubleclick.net");
        assert_eq!(
            mask(Url, "https://jean.dupont:motdepasse@exemple.fr/x"),
            "https://exemple.fr/…"
        );
        assert_eq!(
            mask(Url, "http://82.64.12.201:8080/admin"),
            "http://82.64.*.*/…"
        );
        assert_eq!(mask(MacAddress, "113031283555995"), "***************");
        assert_eq!(any("Morris, Maddox et Cie"), "M*****, M***** e* C**");
        assert_eq!(any("jean@exemple.fr"), "j***@exemple.fr");
        assert_eq!(
            any("Producer, television/film/video"),
            "P*******, t*********/f**…"
        );
        assert_eq!(mask(MacAddress, "a4:5e:60:c1:2b:9f"), "a4:5e:60:**:**:**");
        assert_eq!(
            mask(DeviceId, "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
            "6D92…"
        );
    }
}
