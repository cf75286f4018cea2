//! Amazon's order history (issue 9, money), read whole by its source and summed up.
//!
//! The files are generated (tests/fixtures/amazon.orders/generate.py, from formats.md section
//! 10). Every expected number was counted independently of the reader and of the generator, with
//! python3 over the files themselves: `csv.DictReader`, rows whose `Order Status` is not
//! `Cancelled`; orders are the distinct `Order ID`s, items the sum of `Quantity` (`Original
//! Quantity` in 2025), money the sum of `round(float(Total Owed) * 100)` (`Total Amount`), by
//! year from the first four characters of `Order Date`; products grouped by their name cut
//! before the first `, `/` - `/` – `/` | `/` (`/` [` that follows two words, ten words at most,
//! ranked by rows then cents; order times turned to Europe/Paris with `zoneinfo`, each order once.

use reflet::model::money::{Format, MoneySummary};
use reflet::report::inspect_paths;

use super::common::{fixture, money, sample};

fn read(name: &str) -> MoneySummary {
    money(&fixture("amazon.orders", name), "amazon.orders")
}

/// Orders, items, rows, money out, currency, first and last days.
fn totals(s: &MoneySummary) -> (u64, u64, u64, i64, &str, &str, &str) {
    (
        s.orders,
        s.items,
        s.transactions,
        s.money_out,
        s.currency.as_deref().unwrap_or(""),
        s.first.as_deref().unwrap_or(""),
        s.last.as_deref().unwrap_or(""),
    )
}

fn products(s: &MoneySummary) -> Vec<(&str, u64, i64)> {
    s.products
        .iter()
        .take(5)
        .map(|p| (p.name.as_str(), p.count, p.cents))
        .collect()
}

fn years(s: &MoneySummary) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for m in &s.months {
        let year = m.month[..4].to_owned();
        match out.last_mut() {
            Some(last) if last.0 == year => last.1 += m.money_out,
            _ => out.push((year, m.money_out)),
        }
    }
    out
}

/// The ids and English sentences of the findings the report gives a file.
fn findings(name: &str) -> Vec<(String, String)> {
    let report = inspect_paths(&[fixture("amazon.orders", name)]);
    report.files[0]
        .findings
        .iter()
        .map(|f| (f.id.clone(), f.text.en.clone()))
        .collect()
}

#[test]
fn the_2024_history_counts_orders_items_years_products_and_times() {
    let s = read("Retail.OrderHistory.1.csv");
    assert_eq!(s.format, Format::Amazon);
    // 91 rows, 2 of them the cancelled order's: 89 items rows of 54 orders, 91 units.
    assert_eq!(
        totals(&s),
        (54, 91, 89, 369_554, "EUR", "2021-02-07", "2024-11-16")
    );
    assert_eq!(
        years(&s),
        [
            ("2021".to_owned(), 93_491),
            ("2022".to_owned(), 71_789),
            ("2023".to_owned(), 93_422),
            ("2024".to_owned(), 110_852)
        ]
    );
    assert_eq!(s.product_count, 12);
    assert_eq!(
        products(&s),
        [
            ("Lavazza Café en Grains Qualità Oro", 22, 43_356),
            ("Anker Câble USB C vers USB C 2 m", 18, 33_264),
            ("Amazon Basics Piles Alcalines AA", 12, 20_474),
            ("Tapis de Yoga Antidérapant 183 x 61 cm", 7, 18_686),
            ("Kindle Paperwhite", 6, 101_694)
        ]
    );
    // A statement's parts stay empty: products are not merchants, nothing is a car cost.
    assert!(s.merchants.is_empty() && s.categories.is_empty() && s.car.is_empty());
    assert!(s.recurring.is_empty() && s.card_weekdays.is_none() && s.towns.is_empty());
    // Every order has a time (none on the hour to the second): Sundays 28, 23:00 Paris 9 times,
    // 11 between midnight and 6:00.
    let rhythm = s.rhythm.as_ref().unwrap();
    assert_eq!(rhythm.total, 54);
    assert_eq!(rhythm.counts[6].iter().sum::<u64>(), 28);
    let found = findings("Retail.OrderHistory.1.csv");
    let ids: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(ids, ["amazon_orders", "amazon_times", "amazon_products"]);
    assert_eq!(
        found[0].1,
        "Your Amazon order history holds 54\u{a0}orders (91\u{a0}items), from Sunday 7 February \
         2021 to Saturday 16 November 2024: €3,696 spent. You spent most in 2024: €1,109 (by \
         year: €935 in 2021, €718 in 2022, €934 in 2023 and €1,109 in 2024)."
    );
    assert_eq!(
        found[1].1,
        "You order on Amazon most on Sundays (28 of your 54\u{a0}orders), most often between \
         23:00 and 24:00 (9\u{a0}orders, Paris time). 11 were placed between midnight and 6:00."
    );
    assert!(found[2].1.starts_with(
        "What you order most, out of 12\u{a0}different products: Lavazza Café en Grains Qualità \
         Oro (22\u{a0}times, €434)"
    ));
}

#[test]
fn the_2025_history_in_dollars_is_read_by_its_column_names() {
    let s = read("Order History.csv");
    // 12 rows of 11 orders, one unit each.
    assert_eq!(
        totals(&s),
        (11, 12, 12, 27_848, "USD", "2025-01-05", "2025-11-02")
    );
    assert_eq!(years(&s), [("2025".to_owned(), 27_848)]);
    assert_eq!(
        products(&s),
        [
            ("Moleskine Classic Notebook", 5, 11_745),
            ("Lavazza Super Crema Whole Bean Coffee Blend", 4, 8128),
            ("Black Diamond Spot 400 Headlamp", 1, 5345),
            ("Amazon Basics AA Alkaline Batteries", 1, 1604),
            ("Gaiam Yoga Block", 1, 1026)
        ]
    );
    // Sundays 7 of 11 orders; 4 between midnight and 6:00 Paris time.
    let found = findings("Order History.csv");
    let ids: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(ids, ["amazon_orders", "amazon_times", "amazon_products"]);
    assert!(found[1]
        .1
        .starts_with("You order on Amazon most on Sundays (7 of your 11\u{a0}orders)"));
    assert!(found[1]
        .1
        .ends_with(" 4 were placed between midnight and 6:00."));
}

#[test]
fn no_address_card_tracking_number_gift_or_order_id_reaches_the_report_read_back_whole() {
    let report = inspect_paths(&[
        fixture("amazon.orders", "Retail.OrderHistory.1.csv"),
        fixture("amazon.orders", "Order History.csv"),
    ]);
    let json = report.to_json();
    for secret in [
        "171-",
        "113-",
        "Visa",
        "Mastercard",
        "4417",
        "7944",
        "Lilas",
        "Pine St",
        "AMZN",
        "UPS",
        "anniversaire",
        "Lucie",
        "B07LAVAZZA",
    ] {
        assert!(!json.contains(secret), "{secret}");
    }
    // The page reads the worker's report back (products, rhythm and all).
    let back: reflet::report::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn the_portrait_counts_amazon_as_spending_and_not_as_a_car_cost() {
    // As tests/integration/portrait.rs: the 2024 statement's car costs 171,708 cents, 2.9 km by
    // car. Amazon's file comes first and writes dollars: neither its money nor its currency go
    // to the car.
    let report = inspect_paths(&[
        fixture("amazon.orders", "Order History.csv"),
        sample("google/Timeline_android_gpsbabel.json"),
        fixture("bank.ofx", "releve_2024.ofx"),
    ]);
    let across = report.across.expect("three services");
    let portrait = across.portrait.as_ref().unwrap();
    let amazon = portrait
        .knows
        .iter()
        .find(|k| k.service == "amazon")
        .unwrap();
    assert!(amazon.money && amazon.location.is_none());
    let car = &portrait.car;
    assert_eq!(car.len(), 1);
    assert_eq!((car[0].year, car[0].cents), (2024, 171_708));
    assert_eq!(car[0].currency.as_deref(), Some("EUR"));
    let knows = across
        .findings
        .iter()
        .find(|f| f.id == "portrait_knows")
        .unwrap();
    assert!(knows.text.en.contains("Amazon"), "{}", knows.text.en);
}
