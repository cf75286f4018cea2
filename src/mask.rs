//! The presenter's mask (issue 11, workshop mode): reports with the names, addresses and exact
//! coordinates hidden, for a screen others can see. It works on the reports themselves, so that
//! every text the page draws from them — sentences, tables, file names, `aria-label`s — is masked
//! alike, and nothing has to remember to mask.
//!
//! What is hidden:
//! - every name a report holds (people in chats, places, merchants and payees, advertisers,
//!   contacts, towns, devices…: the `name` fields of its summary, and the like), wherever it
//!   appears — in the findings' sentences and in file names too;
//! - coordinates written in a sentence (`46.167° N`);
//! - positions in numbers, rounded to 0.1° (about 10 km), and the map's heat layer and raw
//!   views, dropped.

use serde_json::Value;

use crate::report::FileReport;

/// What a hidden name or coordinate becomes.
pub const HIDDEN: &str = "•••";

/// Fields whose text is a name to hide, wherever it also appears.
const NAME_KEYS: [&str; 4] = ["name", "you", "ads_by_advertiser", "participants"];
/// Fields that are a latitude or a longitude (degrees, or 1e-7 degrees for `_e7`).
const DEGREE_KEYS: [&str; 6] = ["lat", "lng", "south", "west", "north", "east"];
const E7_KEYS: [&str; 2] = ["lat_e7", "lng_e7"];
/// Fields whose text is a code the page reads (a kind, a mode, a level), never a name: left as
/// they are, so that the masked report still reads back.
const CODE_KEYS: [&str; 12] = [
    "type",
    "kind",
    "mode",
    "id",
    "platform",
    "service",
    "confidence",
    "doubt",
    "origin",
    "app",
    "format",
    "category",
];
/// Fields dropped whole: the map's heat layer and the raw view's samples.
const DROPPED_KEYS: [&str; 2] = ["density", "scan"];
/// The shortest name hidden (shorter ones would hide bits of words).
const MIN_NAME: usize = 3;

/// The names to hide across all `reports`, longest first (so that "Marché Imaginaire" is hidden
/// whole before "Marché" alone could be).
pub fn dictionary<'a>(reports: impl IntoIterator<Item = &'a FileReport>) -> Vec<String> {
    let mut names = Vec::new();
    for report in reports {
        if let Some(summary) = value_of(report).as_ref().and_then(|r| r.get("summary")) {
            collect(summary, false, &mut names);
        }
    }
    names.retain(|n: &String| n.chars().count() >= MIN_NAME && n.chars().any(char::is_alphabetic));
    // As user names and folders write them too: `jules exemple`, `julesexemple`,
    // `jules.exemple`, `jules_exemple`, `jules-exemple`.
    let variants: Vec<String> = names
        .iter()
        .flat_map(|n| {
            let lower = n.to_lowercase();
            let mut v = vec![lower.clone()];
            if lower.contains(' ') {
                v.extend(["", ".", "_", "-"].map(|sep| lower.replace(' ', sep)));
            }
            v
        })
        .collect();
    names.extend(variants);
    names.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
}

/// `value` as a JSON tree, through its text: the page already writes reports as text (the
/// report's JSON download), where writing them straight to a tree would build every summary's
/// writer a second time (about 50 KB of the first load).
fn value_of(value: &impl serde::Serialize) -> Option<Value> {
    serde_json::from_str(&serde_json::to_string(value).ok()?).ok()
}

fn collect(value: &Value, named: bool, out: &mut Vec<String>) {
    match value {
        Value::String(text) if named => out.push(text.trim().to_owned()),
        Value::Array(items) => items.iter().for_each(|v| collect(v, named, out)),
        Value::Object(fields) => {
            for (key, v) in fields {
                collect(v, named || NAME_KEYS.contains(&key.as_str()), out);
            }
        }
        _ => {}
    }
}

/// A copy of `report` with what the mask hides hidden (`names` from [`dictionary`]). Should the
/// masked report not read back, only its kind and masked path are kept: the mask never fails
/// open.
pub fn report(report: &FileReport, names: &[String]) -> FileReport {
    let masked = value_of(report).and_then(|mut value| {
        walk(&mut value, None, names);
        // Read back through the text, as the page reads the worker's reports.
        let mut text = String::new();
        write_tag_first(&value, &mut text);
        serde_json::from_str(&text).ok()
    });
    masked.unwrap_or_else(|| stub(report, names))
}

/// What the mask shows of a report it could not mask: its kind and its masked path.
fn stub(report: &FileReport, names: &[String]) -> FileReport {
    let mut file = report.file.clone();
    file.path = text_masked(&file.path, names);
    FileReport::identified(file, report.kind.clone())
}

fn walk(value: &mut Value, key: Option<&str>, names: &[String]) {
    match value {
        Value::String(text) if !key.is_some_and(|k| CODE_KEYS.contains(&k)) => {
            *text = text_masked(text, names);
        }
        Value::Number(n) => {
            let rounded = match (key, n.as_f64()) {
                (Some(k), Some(v)) if DEGREE_KEYS.contains(&k) => Some((v * 10.0).round() / 10.0),
                (Some(k), Some(v)) if E7_KEYS.contains(&k) => Some((v / 1e6).round() * 1e6),
                _ => None,
            };
            if let Some(v) = rounded {
                // Integers stay integers (`lat_e7`), degrees stay floats.
                *value = if n.is_f64() {
                    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
                } else {
                    #[allow(clippy::cast_possible_truncation)] // rounded 1e-7 degrees
                    Value::from(v as i64)
                };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk(v, key, names)),
        Value::Object(fields) => {
            for (k, v) in fields.iter_mut() {
                if DROPPED_KEYS.contains(&k.as_str()) {
                    *v = Value::Null;
                } else {
                    walk(v, Some(k), names);
                }
            }
        }
        Value::String(_) | Value::Null | Value::Bool(_) => {}
    }
}

/// Writes `value` as JSON with each object's `type` first: a summary's reader finds its kind by
/// its first field, and a `Value` keeps its fields in alphabetical order.
fn write_tag_first(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_tag_first(item, out);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            let tag = fields.iter().filter(|(k, _)| k.as_str() == "type");
            let others = fields.iter().filter(|(k, _)| k.as_str() != "type");
            for (i, (key, v)) in tag.chain(others).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_tag_first(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// `text` with every name of `names` and every coordinate (`46.167° N`, `1,152°\u{a0}O`) hidden.
pub fn text_masked(text: &str, names: &[String]) -> String {
    let mut out = text.to_owned();
    for name in names {
        if out.contains(name.as_str()) {
            out = out.replace(name.as_str(), HIDDEN);
        }
    }
    if out.contains('°') {
        out = coordinates_masked(&out);
    }
    out
}

/// Hides each number with decimals written just before a `°`, and the hemisphere after it.
fn coordinates_masked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('°') {
        let (before, after) = rest.split_at(at);
        let number = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '-')
            .last()
            .map_or(before.len(), |(i, _)| i);
        let digits = before.get(number..).unwrap_or_default();
        let after = after.get('°'.len_utf8()..).unwrap_or_default();
        if digits.contains(['.', ',']) && digits.chars().filter(char::is_ascii_digit).count() >= 3 {
            out.push_str(before.get(..number).unwrap_or_default());
            out.push_str(HIDDEN);
            // The hemisphere: "° N", "°\u{a0}O".
            let trimmed = after.trim_start_matches([' ', '\u{a0}']);
            rest = match trimmed.chars().next() {
                Some('N' | 'S' | 'E' | 'W' | 'O') => trimmed.get(1..).unwrap_or_default(),
                _ => after,
            };
        } else {
            out.push_str(before);
            out.push('°');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::demo;

    fn demo_reports() -> Vec<FileReport> {
        let mut reports = Vec::new();
        for (name, bytes) in demo::files() {
            crate::report::describe_input(&name, &mut &bytes[..], &mut |r: FileReport| {
                reports.push(r);
            });
        }
        reports
    }

    #[test]
    fn names_are_hidden_as_user_names_write_them_and_a_report_that_cannot_be_masked_shows_nothing()
    {
        let mut reports = demo_reports();
        let names = dictionary(&reports);
        assert_eq!(
            text_masked(
                "facebook-jules.exemple-2024.zip, julesexemple_123/message_1.json",
                &names
            ),
            "facebook-•••-2024.zip, •••_123/message_1.json"
        );
        // Codes are left alone, so a report masked with a name that is also a code ("chat")
        // still reads back, masked.
        let chat = reports
            .iter_mut()
            .find(|r| r.file.path.contains("WhatsApp"))
            .unwrap();
        let odd = vec!["Jules Exemple".to_owned(), "chat".to_owned()];
        let masked = report(chat, &odd);
        assert_eq!(masked.kind, chat.kind);
        assert_eq!(masked.findings.len(), chat.findings.len());
        assert!(!serde_json::to_string(&masked)
            .unwrap()
            .contains("Jules Exemple"));
        // And what cannot be masked shows nothing but its kind and masked path.
        let shown = stub(chat, &names);
        assert_eq!(shown.file.path, "WhatsApp Chat with •••.txt");
        assert!(shown.summary.is_none() && shown.findings.is_empty());
    }

    #[test]
    fn coordinates_in_sentences_are_hidden_and_other_degrees_kept() {
        let names = Vec::new();
        assert_eq!(
            text_masked("around La Rochelle (46.167° N, 1.152° W): home", &names),
            "around La Rochelle (•••, •••): home"
        );
        assert_eq!(
            text_masked("vers La Rochelle (46,167°\u{a0}N, 1,152°\u{a0}O)", &names),
            "vers La Rochelle (•••, •••)"
        );
        assert_eq!(
            text_masked("a 90° turn, 21.5 °C", &names),
            "a 90° turn, 21.5 °C"
        );
    }

    #[test]
    fn the_demo_persona_s_names_addresses_and_coordinates_are_hidden_everywhere() {
        let reports = demo_reports();
        let names = dictionary(&reports);
        let masked: Vec<FileReport> = reports.iter().map(|r| report(r, &names)).collect();
        let text = serde_json::to_string(&masked).unwrap();
        for planted in demo::PLANTED {
            assert!(
                !text.contains(planted),
                "{planted} is still in the masked reports: {}",
                text.get(text.find(planted).unwrap_or(0).saturating_sub(300)..)
                    .unwrap_or_default()
                    .get(..500)
                    .unwrap_or_default()
            );
            // It was there before.
            assert!(serde_json::to_string(&reports).unwrap().contains(planted));
        }
        assert!(!text.contains("46.167°"), "a coordinate is still there");
        // Still a report of the same files, with the same findings, only masked.
        assert_eq!(masked.len(), reports.len());
        for (m, r) in masked.iter().zip(&reports) {
            assert_eq!(m.kind, r.kind);
            assert_eq!(m.findings.len(), r.findings.len());
        }
        // The chat's file name named the friend.
        assert!(masked
            .iter()
            .any(|r| r.file.path == "WhatsApp Chat with •••.txt"));
        // Positions kept only to 0.1°.
        let home = masked.iter().find_map(|r| match &r.summary {
            Some(crate::model::Summary::Positions(p)) => p.home.clone(),
            _ => None,
        });
        let home = home.expect("a home");
        assert!(
            (home.lat * 10.0 - (home.lat * 10.0).round()).abs() < 1e-9,
            "{}",
            home.lat
        );
    }
}
