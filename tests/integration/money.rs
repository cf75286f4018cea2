//! Bank statements (issue 9), read whole by their sources and summed up.
//!
//! Every expected number was computed independently of the parsers with a small python3 script
//! over the files themselves (not over Reflet's output, nor the generator's): OFX with
//! `re.findall(r'<STMTTRN>(.*?)</STMTTRN>')` and each leaf's text up to the next `<` or line end
//! (the label `MEMO` when it starts with `NAME`); QIF line by line up to each `^`, the first `D`
//! and `T` of a record, splits (`S`/`E`/`$`) skipped; CSV with `csv.reader(delimiter=';')` past
//! the preamble. Amounts summed in cents (decimal comma or point); merchants grouped after
//! dropping `CB`/`CARTE`/`PAIEMENT`/`PRLV`/`SEPA`/`VIR` at the start, words with digits, what
//! follows `ID` or a `/`, and the fixtures' town names at the end; recurring payments are those
//! paid at least 3 times, once a month, always the same amount; car costs sum the labels holding
//! `TOTALENERGIES` (not `ELECTRICITE`), `PARKING`, and `PEAGE` or `AUTOROUTES`.

use reflet::model::money::{CarYear, Format, MoneySummary, Period};

use super::common::{fixture, money, sample};

/// Transactions, money in and out, first and last days.
fn totals(s: &MoneySummary) -> (u64, i64, i64, &str, &str) {
    (
        s.transactions,
        s.money_in,
        s.money_out,
        s.first.as_deref().unwrap_or(""),
        s.last.as_deref().unwrap_or(""),
    )
}

/// The top merchants' names, payments and money.
fn top(s: &MoneySummary, n: usize) -> Vec<(&str, u64, i64)> {
    s.merchants
        .iter()
        .take(n)
        .map(|m| (m.name.as_str(), m.count, m.cents))
        .collect()
}

/// The recurring payments: name, typical amount, payments; all monthly.
fn recurring(s: &MoneySummary) -> Vec<(&str, i64, u64)> {
    assert!(s.recurring.iter().all(|r| r.period == Period::Monthly));
    s.recurring
        .iter()
        .map(|r| (r.name.as_str(), r.typical, r.count))
        .collect()
}

/// The ids of the findings the report gives a file.
fn ids(path: &std::path::Path) -> Vec<String> {
    let report = reflet::report::inspect_paths(&[path.to_path_buf()]);
    report.files[0]
        .findings
        .iter()
        .map(|f| f.id.clone())
        .collect()
}

/// The six payments made every month in the generated French statements.
const MONTHLY: [(&str, i64); 6] = [
    ("LOYER M DURAND", 72_000),
    ("EPARGNE LIVRET A", 20_000),
    ("TOTALENERGIES ELECTRICITE ET GAZ", 7_800),
    ("FREE TELECOM FREEBOX", 2_999),
    ("FREE MOBILE", 1_999),
    ("NETFLIX.COM", 1_349),
];

fn monthly(months: u64) -> Vec<(&'static str, i64, u64)> {
    MONTHLY.iter().map(|(n, c)| (*n, *c, months)).collect()
}

#[test]
fn the_real_ofx_sample_is_three_card_payments_in_canadian_dollars() {
    let path = sample("bank/bank_medium.ofx");
    let s = money(&path, "bank.ofx");
    assert_eq!(s.format, Format::Ofx);
    // -6.60, -316.67, -22.00; DTPOSTED 2009-04-01 to 2009-04-03 at 12:20 EST.
    assert_eq!(totals(&s), (3, 0, 34_527, "2009-04-01", "2009-04-03"));
    assert_eq!(s.currency.as_deref(), Some("CAD"));
    assert_eq!(
        top(&s, 3),
        [
            ("JOE'S BALD HAIRSTYLES", 1, 31_667),
            ("CONNIE'S HAIR D", 1, 2_200),
            ("MCDONALD'S", 1, 660)
        ]
    );
    // Two POS payments: Wednesday 1 and Friday 3 April 2009.
    assert_eq!(s.card_weekdays, Some([0, 0, 1, 0, 1, 0, 0]));
    assert!(s.recurring.is_empty() && s.towns.is_empty() && s.car.is_empty());
    // No account number anywhere in the report.
    let json = reflet::report::inspect_paths(&[path]).to_json();
    assert!(!json.contains("12345678") && !json.contains("160000100"));
}

#[test]
fn the_real_qif_sample_counts_its_split_transactions_once() {
    let s = money(&sample("bank/test.qif"), "bank.qif");
    assert_eq!(s.format, Format::Qif);
    // Six `!Type:Bank` records: 0.00, 67.50, 32.00 in; -10.00, -25.00, -100.00 out (the splits
    // of Target and Amazon not counted again); the investment list is left out.
    assert_eq!(totals(&s), (6, 9_950, 13_500, "2020-02-10", "2020-02-14"));
    assert_eq!(s.currency, None);
    assert_eq!(
        top(&s, 3),
        [
            ("AMAZON.COM", 1, 10_000),
            ("WALMART", 1, 2_500),
            ("TARGET", 1, 1_000)
        ]
    );
    // All three are `Food:Groceries`.
    assert_eq!(s.categories.len(), 1);
    assert_eq!(s.categories[0].cents, 13_500);
}

#[test]
fn the_ofx_2_bank_statement_shows_a_year_in_la_rochelle() {
    let path = fixture("bank.ofx", "releve_2024.ofx");
    let s = money(&path, "bank.ofx");
    assert_eq!(
        totals(&s),
        (234, 2_945_469, 2_028_860, "2024-01-01", "2024-12-27")
    );
    assert_eq!(s.currency.as_deref(), Some("EUR"));
    assert_eq!(s.months.len(), 12);
    assert_eq!(s.merchant_count, 19);
    assert_eq!(
        top(&s, 3),
        [
            ("LOYER M DURAND", 12, 864_000),
            ("CARREFOUR MARKET", 48, 287_019),
            ("EPARGNE LIVRET A", 12, 240_000)
        ]
    );
    assert_eq!(recurring(&s), monthly(12));
    assert_eq!(
        s.car,
        [CarYear {
            year: 2024,
            fuel: 159_518,
            parking: 4_100,
            tolls: 8_090
        }]
    );
    assert_eq!(s.towns[0].name, "La Rochelle");
    assert_eq!(
        ids(&path),
        [
            "money_flow",
            "money_categories",
            "money_merchants",
            "money_recurring",
            "money_trail",
            "money_car"
        ]
    );
}

#[test]
fn the_sgml_card_statement_with_decimal_commas_is_read() {
    let s = money(&fixture("bank.ofx", "carte_2024.ofx"), "bank.ofx");
    assert_eq!(totals(&s), (72, 0, 318_465, "2024-07-01", "2024-12-31"));
    assert_eq!(
        top(&s, 3),
        [
            ("PEAGE APRR", 11, 61_168),
            ("CARREFOUR MARKET", 12, 57_687),
            ("PARKING INDIGO", 12, 56_274)
        ]
    );
    assert_eq!(recurring(&s), [("SPOTIFY", 1_112, 6)]);
    assert_eq!(
        s.car,
        [CarYear {
            year: 2024,
            fuel: 21_111,
            parking: 56_274,
            tolls: 61_168
        }]
    );
}

#[test]
fn the_french_qif_reads_day_first_dates_and_windows_1252() {
    let s = money(&fixture("bank.qif", "compte_2024.qif"), "bank.qif");
    assert_eq!(
        totals(&s),
        (83, 1_960_000, 826_335, "2024-03-01", "2024-10-26")
    );
    assert_eq!(s.merchant_count, 10);
    assert_eq!(
        top(&s, 3),
        [
            ("LOYER M DURAND", 8, 576_000),
            ("CARREFOUR MARKET", 9, 45_470),
            ("TOTALENERGIES AYTRÉ", 10, 43_489)
        ]
    );
    assert_eq!(
        recurring(&s),
        [
            ("LOYER M DURAND", 72_000, 8),
            ("FREE MOBILE", 1_999, 8),
            ("NETFLIX", 1_349, 8)
        ]
    );
    // `Voiture:Carburant`.
    assert_eq!(s.car.first().map(|c| c.fuel), Some(43_489));
}

#[test]
fn the_debit_credit_csv_after_its_preamble() {
    let s = money(&fixture("bank.csv", "releve_debit_credit.csv"), "bank.csv");
    assert_eq!(s.format, Format::Csv);
    assert_eq!(
        totals(&s),
        (231, 2_944_171, 1_976_799, "2023-07-02", "2024-06-27")
    );
    assert_eq!(s.currency.as_deref(), Some("EUR"));
    assert_eq!(
        top(&s, 3),
        [
            ("LOYER M DURAND", 12, 864_000),
            ("CARREFOUR MARKET", 48, 301_414),
            ("EPARGNE LIVRET A", 12, 240_000)
        ]
    );
    assert_eq!(recurring(&s), monthly(12));
    // Fuel 154,275, parking 2,300 and tolls 10,080 cents over the two years.
    let car = s.car.iter().fold((0, 0, 0), |t, y| {
        (t.0 + y.fuel, t.1 + y.parking, t.2 + y.tolls)
    });
    assert_eq!(car, (154_275, 2_300, 10_080));
    assert_eq!(s.car.len(), 2);
}

#[test]
fn the_signed_amount_csv_newest_first() {
    let s = money(&fixture("bank.csv", "releve_montant.csv"), "bank.csv");
    assert_eq!(
        totals(&s),
        (118, 1_475_573, 1_009_344, "2024-01-02", "2024-06-27")
    );
    assert_eq!(
        top(&s, 3),
        [
            ("LOYER M DURAND", 6, 432_000),
            ("CARREFOUR MARKET", 24, 146_201),
            ("EPARGNE LIVRET A", 6, 120_000)
        ]
    );
    assert_eq!(recurring(&s), monthly(6));
    assert_eq!(
        s.car,
        [CarYear {
            year: 2024,
            fuel: 79_395,
            parking: 1_550,
            tolls: 3_590
        }]
    );
    assert_eq!(s.towns[0].name, "Paris");
}

#[test]
fn the_schema_doc_documents_every_money_key_and_category() {
    let doc = std::fs::read_to_string(super::common::root().join("docs/report-schema.md")).unwrap();
    let report = reflet::report::inspect_paths(&[fixture("bank.ofx", "releve_2024.ofx")]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let summary = json["files"][0]["summary"].as_object().unwrap();
    for key in summary.keys().filter(|k| *k != "type") {
        assert!(doc.contains(&format!("`{key}`")), "{key} is not documented");
    }
    for c in summary["categories"].as_array().unwrap() {
        let name = c["category"].as_str().unwrap();
        assert!(
            doc.contains(&format!("`{name}`")),
            "{name} is not documented"
        );
    }
}
