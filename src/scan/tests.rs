//! The scanner on whole files: shapes, places, examples, errors, and the value-free report.

use std::fmt::Write;

use super::*;
use crate::ingest::csv::MAX_LINE;

fn run(path: &str, bytes: &[u8]) -> Option<ErrorKind> {
    scanned(path, bytes).1
}

fn scanned(path: &str, bytes: &[u8]) -> (Option<FileScan>, Option<ErrorKind>) {
    let split = bytes.len().min(4096);
    let (head, rest) = bytes.split_at(split);
    scan(path, head, &mut &rest[..])
}

fn scan_of(path: &str, bytes: &[u8]) -> FileScan {
    let (scan, error) = scanned(path, bytes);
    assert_eq!(error, None, "{path}");
    scan.unwrap()
}

fn found(scan: &FileScan, category: Category) -> &Found {
    scan.found
        .iter()
        .find(|f| f.category == category)
        .unwrap_or_else(|| panic!("no {category:?} in {:?}", scan.found))
}

#[test]
fn valid_files_pass() {
    assert_eq!(run("a.json", br#"{"a": [1, 2, {"b": null}]}"#), None);
    assert_eq!(run("a.js", b"window.YTD.tweets.part0 = [{\"a\": 1}]"), None);
    assert_eq!(run("a.csv", b"a;b\n1;2\n"), None);
    assert_eq!(
        run(
            "run.gpx",
            b"<?xml version=\"1.0\"?><gpx><trk><trkseg/></trk></gpx>"
        ),
        None
    );
    assert_eq!(
        run("notes.txt", "Bonjour\n\u{e9}t\u{e9}\n".as_bytes()),
        None
    );
    // UTF-16 text has NUL bytes and is still text.
    assert_eq!(run("u.txt", b"\xFF\xFEa\0b\0\n\0"), None);
    // A photo named as one is fine.
    assert_eq!(run("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF"), None);
}

#[test]
fn an_image_renamed_json_is_said_to_be_something_else() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_eq!(run("Takeout/data.json", png), Some(ErrorKind::WrongType));
    assert_eq!(run("table.csv", png), Some(ErrorKind::WrongType));
    assert_eq!(
        run("a.json", b"Hello, this is not JSON"),
        Some(ErrorKind::WrongType)
    );
}

#[test]
fn broken_json_says_how() {
    assert_eq!(run("a.json", br#"{"a": [1, 2"#), Some(ErrorKind::Truncated));
    assert_eq!(
        run("a.json", br#"{"a": [1, 2}}"#),
        Some(ErrorKind::Malformed)
    );
    assert_eq!(
        run("a.json", b"{\"name\": \"caf\xE9\"}"),
        Some(ErrorKind::InvalidText)
    );
    let deep = "[".repeat(10_000);
    assert_eq!(
        run("deep.json", deep.as_bytes()),
        Some(ErrorKind::Malformed)
    );
}

#[test]
fn broken_xml_says_how() {
    assert_eq!(
        run("a.gpx", b"<gpx><trk><trkseg>"),
        Some(ErrorKind::Truncated)
    );
    assert_eq!(
        run("a.kml", b"<kml><a></b></kml>"),
        Some(ErrorKind::Malformed)
    );
    assert_eq!(
        run("a.xml", b"{\"not\": \"xml\"}"),
        Some(ErrorKind::WrongType)
    );
    let deep = "<a>".repeat(10_000);
    assert_eq!(run("deep.xml", deep.as_bytes()), Some(ErrorKind::Malformed));
}

#[test]
fn a_line_of_more_than_16_mb_is_refused_in_text_and_csv() {
    let mut long = b"first line\n".to_vec();
    long.resize(long.len() + MAX_LINE + 1, b'x');
    long.extend_from_slice(b"\nlast\n");
    assert_eq!(run("notes.txt", &long), Some(ErrorKind::TooLarge));
    let mut csv = b"a,b\n1,2\n".to_vec();
    csv.resize(csv.len() + MAX_LINE + 1, b'x');
    assert_eq!(run("t.csv", &csv), Some(ErrorKind::TooLarge));
    // Exactly at the limit is fine.
    let mut ok = b"a\n".to_vec();
    ok.resize(ok.len() + MAX_LINE, b'y');
    assert_eq!(run("notes.txt", &ok), None);
}

#[test]
fn a_json_file_s_personal_data_with_paths_and_masked_examples() {
    let doc = br#"{"messages": [
        {"sender_name": "Marie", "timestamp_ms": 1700000000000, "content": "Mon num\u00e9ro : 06 12 34 56 78"},
        {"sender_name": "Jean", "timestamp_ms": 1700000100000, "content": "jean.martin@exemple.fr"},
        {"sender_name": "Jean", "timestamp_ms": 1700000200000, "content": "ok", "id": 1700000300000}
    ], "contacts": {"jeanne@exemple.fr": {"since": "2021-05-04"}}}"#;
    let scan = scan_of("inbox/message_1.json", doc);
    let dates = found(&scan, Category::Date);
    assert_eq!(dates.count, 4);
    assert_eq!(dates.places[0].at, "$.messages[].timestamp_ms");
    assert_eq!(dates.places[0].count, 3);
    assert_eq!(dates.examples[0], "2023-**-**");
    let phone = found(&scan, Category::Phone);
    assert_eq!(
        (phone.count, phone.examples[0].as_str()),
        (1, "06 ** ** ** 78")
    );
    let email = found(&scan, Category::Email);
    assert_eq!(email.examples, ["j***@exemple.fr"]);
    // An id in a timestamp's range is not a date; a key that is an address is not written out.
    let Shape::Json(structure) = &scan.shape else {
        panic!("{:?}", scan.shape)
    };
    assert!(
        structure.paths.contains_key("$.contacts.<email>.since"),
        "{:?}",
        structure.paths.keys()
    );
    assert!(!structure.paths.keys().any(|k| k.contains("jeanne")));
    // Phone and e-mail make it medium; the reasons name them.
    assert_eq!(scan.sensitivity.level, Level::Medium);
    assert_eq!(scan.sensitivity.reasons.len(), 2);
    assert!(
        scan.text.en.starts_with(
            "This file holds 2\u{a0}e-mail addresses, 1\u{a0}phone number and 4\u{a0}dates."
        ),
        "{}",
        scan.text.en
    );
    assert!(scan.text.fr.starts_with("Ce fichier contient 2\u{a0}adresses e-mail, 1\u{a0}numéro de téléphone et 4\u{a0}dates."), "{}", scan.text.fr);
}

#[test]
fn csv_columns_are_the_places_and_column_names_that_are_values_are_hidden() {
    let csv = "Date;Libellé;Montant;IBAN\n\
               01/03/2024;PRLV SEPA EDF;-45,20;FR76 3000 6000 0112 3456 7890 189\n\
               02/03/2024;CB CARREFOUR 01/03;-23,10;\n";
    let scan = scan_of("releve.csv", csv.as_bytes());
    let iban = found(&scan, Category::Iban);
    assert_eq!((iban.count, iban.places[0].at.as_str()), (1, "IBAN"));
    assert_eq!(iban.examples, ["FR76 **** 189"]);
    assert_eq!(found(&scan, Category::Date).places[0].at, "Date");
    assert_eq!(scan.sensitivity.level, Level::High);
    // A file whose first line is data: its "column names" are values.
    let headless = "jean@exemple.fr,0612345678\nmarie@exemple.fr,0698765432\n";
    let scan = scan_of("contacts.csv", headless.as_bytes());
    let Shape::Csv(structure) = &scan.shape else {
        panic!()
    };
    let names: Vec<&str> = structure.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["<email>", "<phone>"]);
}

#[test]
fn xml_attributes_and_text_are_scanned_where_they_are() {
    // The namespace and schema URLs are the format's: only the link is the person's.
    let gpx = br#"<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
        <metadata><link href="https://www.strava.com/"/></metadata>
        <trk><trkseg><trkpt lat="46.1591" lon="-1.1520"><time>2024-03-12T08:15:00Z</time></trkpt>
        <trkpt lat="46.1601" lon="-1.1530"><time>2024-03-12T08:16:00Z</time></trkpt></trkseg></trk></gpx>"#;
    let scan = scan_of("course.gpx", gpx);
    let at = found(&scan, Category::Coordinates);
    assert_eq!(
        (at.count, at.places[0].at.as_str()),
        (2, "gpx/trk/trkseg/trkpt@lat")
    );
    assert_eq!(at.examples, ["46.2"]);
    assert_eq!(
        found(&scan, Category::Date).places[0].at,
        "gpx/trk/trkseg/trkpt/time"
    );
    let url = found(&scan, Category::Url);
    assert_eq!(
        (url.count, url.places[0].at.as_str()),
        (1, "gpx/metadata/link@href")
    );
    assert_eq!(scan.sensitivity.level, Level::High);
}

#[test]
fn text_files_get_lines_encoding_and_a_language() {
    let text =
        "12/03/2024, 08:15 - Marie: Je suis dans le train, je vous appelle pour la réunion\n\
                12/03/2024, 08:16 - Jean: Pas de souci, et le dossier est dans la boîte\n";
    let scan = scan_of("_chat.txt", text.as_bytes());
    let Shape::Text(shape) = &scan.shape else {
        panic!("{:?}", scan.shape)
    };
    assert_eq!((shape.lines, shape.encoding.as_str()), (2, "utf-8"));
    assert_eq!(shape.language.as_deref(), Some("fr"));
    assert_eq!(found(&scan, Category::Date).count, 2);
    let latin1 = b"Libell\xe9 du virement: the end of the line and the rest of it is in the text\n";
    let scan = scan_of("notes.txt", latin1);
    let Shape::Text(shape) = &scan.shape else {
        panic!()
    };
    assert_eq!(shape.encoding, "windows-1252");
    assert_eq!(shape.language.as_deref(), Some("en"));
}

#[test]
fn binary_files_are_named_and_not_read() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    let scan = scan_of("image.png", png);
    assert!(
        matches!(&scan.shape, Shape::Binary(b) if b.format == "png"),
        "{:?}",
        scan.shape
    );
    assert!(scan.found.is_empty());
    assert_eq!(scan.sensitivity.level, Level::Low);
    assert!(scan.text.en.contains("does not read inside"));
}

#[test]
fn the_shape_report_holds_no_value() {
    let doc = br#"{"profile": {"email": "jeanne.dupont@exemple.fr", "phone": "+33 6 12 34 56 78",
        "birth": "1984-12-03", "iban": "FR7630006000011234567890189"}, "logins": [{"ip": "82.64.12.201"}]}"#;
    let scan = scan_of("messages/inbox/jeannedupont_1234567890/profile.json", doc);
    let report = ShapeReport::new(
        "messages/inbox/jeannedupont_1234567890/profile.json",
        200,
        &scan,
    );
    let json = report.to_json();
    for value in [
        "jeanne", "dupont", "exemple", "12 34", "1984", "FR76", "82.64", "j***",
    ] {
        assert!(
            !json.to_lowercase().contains(&value.to_lowercase()),
            "{value} in {json}"
        );
    }
    assert_eq!(report.path, "messages/inbox/<folder>/profile.json");
    assert_eq!(
        shape_path("DCIM/IMG_20240312_081500.jpg"),
        "DCIM/IMG_########_######.jpg"
    );
    assert_eq!(
        shape_path("contacts/jean@exemple.fr.vcf"),
        "contacts/<email>"
    );
    assert_eq!(report.categories.get(&Category::Iban), Some(&1));
    assert!(json.contains("$.profile.email"));
}

#[test]
fn long_values_are_scanned_in_pieces_without_losing_items() {
    let mut text = String::new();
    for i in 0..5000 {
        let _ = write!(text, "contact{i}@exemple.fr ");
    }
    let doc = serde_json::json!({ "dump": text }).to_string();
    let scan = scan_of("dump.json", doc.as_bytes());
    assert_eq!(found(&scan, Category::Email).count, 5000);
}

#[test]
fn keys_that_are_ids_or_huge_are_renamed_without_scanning_them_whole() {
    assert_eq!(
        key_name("6D92078A-8246-4BA4-AE5B-76104861E7DC").as_deref(),
        Some("<id>")
    );
    assert_eq!(key_name("thread_10153029473729").as_deref(), Some("<id>"));
    assert_eq!(key_name("Device ID"), None);
    // A megabyte of key is named at once, not scanned (it would take quadratic time).
    let huge = "1.2.3.4 ".repeat(131_072);
    assert_eq!(key_name(&huge).as_deref(), Some("<long key>"));
}

#[test]
fn html_and_json_lines_are_read_as_text_and_an_unclaimed_name_gets_no_json_error() {
    let html =
        "<html><head><meta charset=\"utf-8\"></head><body>Écrire à jean@exemple.fr</body></html>\n";
    let (scan, error) = scanned("messages/inbox/message_1.html", html.as_bytes());
    assert_eq!(error, None);
    let scan = scan.unwrap();
    assert_eq!(scan.shape.format(), "text");
    assert_eq!(found(&scan, Category::Email).count, 1);
    let lines = "{\"a\": \"jean@exemple.fr\"}\n{\"a\": \"marie@exemple.fr\"}\n";
    let (scan, error) = scanned("events.jsonl", lines.as_bytes());
    assert_eq!(error, None);
    assert_eq!(found(&scan.unwrap(), Category::Email).count, 2);
    // A name that promises nothing: tried as JSON, no error for what is not.
    let (_, error) = scanned("README", b"{not json");
    assert_eq!(error, None);
}

#[test]
fn a_brief_scan_keeps_the_row_s_line_and_drops_the_shape_s_paths_and_examples() {
    let csv =
        "Nom;E-mail\nMarie Dupont;marie.dupont@exemple.fr\nJean Martin;jean.martin@exemple.fr\n";
    let json = br#"{"contacts": [{"mail": "marie.dupont@exemple.fr", "since": "2021-05-04"}]}"#;
    for (path, bytes, csv) in [
        ("contacts.csv", csv.as_bytes(), true),
        ("contacts.json", &json[..], false),
    ] {
        let whole = scan_of(path, bytes);
        let brief = whole.clone().brief();
        assert!(brief.brief && !whole.brief);
        // What the row says is the same.
        assert_eq!(
            (
                &brief.found,
                &brief.sensitivity,
                &brief.text,
                brief.shape.format()
            ),
            (
                &whole.found,
                &whole.sensitivity,
                &whole.text,
                whole.shape.format()
            )
        );
        // The shape's paths and columns, and the columns' examples, are gone.
        match &brief.shape {
            Shape::Json(s) => assert!(s.paths.is_empty()),
            Shape::Csv(s) => assert!(s.columns.is_empty() && s.rows == 2),
            other => panic!("{other:?}"),
        }
        assert!(brief.columns.is_empty());
        assert_eq!(whole.columns.is_empty(), !csv);
        let shown = serde_json::to_string(&brief).unwrap();
        assert!(!shown.contains("Marie"), "{shown}");
        let back: FileScan = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, brief);
    }
    // A whole scan says nothing of it in its JSON.
    assert!(!serde_json::to_string(&scan_of("contacts.json", json))
        .unwrap()
        .contains("brief"));
}
