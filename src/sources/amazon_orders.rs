//! What was bought on Amazon: the order history (formats.md section 10).
//!
//! Where from: Amazon's Privacy Central ("Request my data", "Your Orders"), delivered as zips;
//! `Retail.OrderHistory.1/Retail.OrderHistory.1.csv` (then `.2`, `.3`…) up to 2024,
//! `Your Orders/Order History.csv` since 2025.
//!
//! Shapes: a CSV with one row per item of a shipment. Up to 2024, `Website,Order ID,Order Date,
//! Purchase Order Number,Currency,Unit Price,…,Total Owed,…,ASIN,…,Quantity,Payment Instrument
//! Type,Order Status,…,Shipping Address,Billing Address,Carrier Name & Tracking Number,Product
//! Name,Gift Message,…`; since 2025 the same kind of columns in alphabetical order, with `Total
//! Amount`, `Original Quantity` and `Payment Method Type`. Dates are ISO UTC
//! (`2024-10-21T19:23:47Z`, maybe with milliseconds); `Not Available` and `Not Applicable` stand
//! for nothing. Columns are found by name.
//!
//! Each row of an order that is not cancelled is handed over as a [`Purchase`]: the order's date,
//! what was owed for the item (`Total Owed`, or `Total Amount`; else the unit price and its tax
//! times the quantity), the currency, the product's name and the quantity. A row without a
//! readable date or amount is left out. The order id only tells a new order from the one before
//! (the last few are compared through a hash while reading) and is never handed over; the
//! addresses, payment instruments (`Visa - 1234`), tracking numbers, gift messages and names,
//! serial numbers and the other columns are not read.
//!
//! A file that does not end with a line break and whose last row misses a column, a readable date
//! or amount, or whose last value is a placeholder or a website cut short (`Not Availab`,
//! `Amazon.c`), was cut off: that row is left out.

use std::hash::{Hash, Hasher};
use std::io::Read;

use super::netflix::{cell, find};
use super::{bank, linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::money::{Format, Purchase};
use crate::model::Sink;

/// `Retail.OrderHistory.N.csv` and `Order History.csv`.
pub struct AmazonOrders;

/// Values that stand for nothing.
const PLACEHOLDERS: [&str; 2] = ["Not Available", "Not Applicable"];

/// A cell with a value: neither empty nor a placeholder.
fn value(row: &csv::StringRecord, i: Option<usize>) -> Option<&str> {
    cell(row, i).filter(|v| !PLACEHOLDERS.contains(v))
}

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    order: Option<usize>,
    date: usize,
    owed: Option<usize>,
    unit: Option<usize>,
    unit_tax: Option<usize>,
    quantity: Option<usize>,
    currency: Option<usize>,
    status: Option<usize>,
    product: Option<usize>,
    website: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Option<Self> {
        let c = Columns {
            order: find(header, &["Order ID"]),
            date: find(header, &["Order Date"])?,
            owed: find(header, &["Total Owed", "Total Amount"]),
            unit: find(header, &["Unit Price"]),
            unit_tax: find(header, &["Unit Price Tax"]),
            quantity: find(header, &["Quantity", "Original Quantity"]),
            currency: find(header, &["Currency"]),
            status: find(header, &["Order Status"]),
            product: find(header, &["Product Name"]),
            website: find(header, &["Website"]),
        };
        (c.owed.is_some() || c.unit.is_some()).then_some(c)
    }

    fn quantity(self, row: &csv::StringRecord) -> u64 {
        value(row, self.quantity)
            .and_then(|q| q.parse().ok())
            .unwrap_or(1)
    }

    /// What was owed for the item, in cents.
    fn cents(self, row: &csv::StringRecord) -> Option<i64> {
        if let Some(owed) = value(row, self.owed).and_then(bank::cents) {
            return Some(owed);
        }
        let unit = value(row, self.unit).and_then(bank::cents)?;
        let tax = value(row, self.unit_tax).and_then(bank::cents).unwrap_or(0);
        let quantity = i64::try_from(self.quantity(row)).ok()?;
        unit.checked_add(tax)?.checked_mul(quantity)
    }

    /// Whether a last row without a line break after it is whole.
    fn whole(self, row: &csv::StringRecord) -> bool {
        let last = row.iter().next_back().unwrap_or_default().trim();
        let cut_placeholder = PLACEHOLDERS
            .iter()
            .any(|p| p.len() > last.len() && p.starts_with(last));
        // `Amazon.fr`, `Amazon.com`, `Amazon.co.uk`: a dot and two letters at least at the end,
        // not `co` (`Amazon.co` is `Amazon.com` or `Amazon.co.uk` cut short).
        let website = value(row, self.website).is_none_or(|w| {
            w.rsplit_once('.').is_some_and(|(_, end)| {
                end.len() >= 2 && end != "co" && end.chars().all(char::is_alphabetic)
            })
        });
        cell(row, Some(self.date))
            .and_then(linkedin::moment)
            .is_some()
            && self.cents(row).is_some()
            && !cut_placeholder
            && website
    }

    /// Hands a row over; `recent` holds the hashes of the last orders' ids.
    fn hand_over(self, row: &csv::StringRecord, recent: &mut Vec<u64>, out: &mut dyn Sink) {
        let cancelled = cell(row, self.status)
            .is_some_and(|s| s.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("cancel")));
        let at = cell(row, Some(self.date)).and_then(linkedin::moment);
        let (Some(at), Some(cents), false) = (at, self.cents(row), cancelled) else {
            return;
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        value(row, self.order)
            .or(cell(row, Some(self.date)))
            .hash(&mut hasher);
        let key = hasher.finish();
        let new_order = !recent.contains(&key);
        if new_order {
            if recent.len() == 8 {
                recent.remove(0);
            }
            recent.push(key);
        }
        out.purchase(&Purchase {
            at,
            cents,
            currency: value(row, self.currency),
            product: value(row, self.product),
            new_order,
            quantity: self.quantity(row),
        });
    }
}

impl Source for AmazonOrders {
    fn id(&self) -> &'static str {
        "amazon.orders"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Amazon, historique des commandes",
            Lang::En => "Amazon order history",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::AMAZON
    }

    fn money(&self) -> Option<Format> {
        Some(Format::Amazon)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let name = super::meta::file_name(path);
        let named = name == "order history.csv"
            || name
                .strip_prefix("retail.orderhistory.")
                .and_then(|n| n.strip_suffix(".csv"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let has = |names: &[&str]| linkedin::header_has_any_case(head, names);
        let keys = has(&["Order ID", "ASIN"]) || has(&["Total Amount", "Payment Method Type"]);
        (keys && (named || has(&["Order Date", "Product Name"]))).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut recent = Vec::new();
        linkedin::read_rows(reader, Columns::of, Columns::whole, |c, row| {
            c.hand_over(row, &mut recent, out);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const OLD: &str = "Website,Order ID,Order Date,Currency,Unit Price,Unit Price Tax,\
Total Owed,ASIN,Quantity,Payment Instrument Type,Order Status,Shipping Address,\
Carrier Name & Tracking Number,Product Name,Gift Message,Item Serial Number\n\
Amazon.fr,171-1,2024-10-21T19:23:47Z,EUR,13.33,2.66,18.98,B1,1,Visa - 4417,Closed,\
\"1 rue X, Niort\",AMZN(FR1),\"Câble USB C, 2 m\",Not Available,Not Available\n\
Amazon.fr,171-1,2024-10-21T19:23:47Z,EUR,10.41,2.08,\"1,024.50\",B2,2,Visa - 4417,Closed,\
\"1 rue X, Niort\",AMZN(FR2),Piles AA,Bon anniversaire,Not Available\n\
Amazon.fr,171-2,2024-09-01T12:00:00.000Z,EUR,5.00,1.00,Not Available,B3,3,Visa - 4417,Closed,\
\"1 rue X, Niort\",AMZN(FR3),Livre,Not Available,Not Available\n\
Amazon.fr,171-3,2024-08-01T10:00:00Z,EUR,5.00,1.00,6.00,B3,1,Visa - 4417,Cancelled,\
\"1 rue X, Niort\",Not Available,Livre,Not Available,Not Available\n";

    #[test]
    fn items_are_read_and_cancelled_orders_left_out() {
        assert!(AmazonOrders
            .detect(
                "Retail.OrderHistory.1/Retail.OrderHistory.1.csv",
                OLD.as_bytes()
            )
            .is_some());
        // A renamed file is known by its dates and products too.
        assert!(AmazonOrders.detect("x.csv", OLD.as_bytes()).is_some());
        let bare = b"Order ID,ASIN,Price\n";
        assert!(AmazonOrders.detect("x.csv", bare).is_none());
        assert!(AmazonOrders
            .detect("Retail.OrderHistory.2.csv", bare)
            .is_some());
        let (got, error) = collect(&AmazonOrders, OLD.as_bytes());
        assert_eq!(error, None);
        let found: Vec<(i64, i64, &str, bool, u64)> = got
            .purchases
            .iter()
            .map(|p| {
                (
                    p.at,
                    p.cents,
                    p.product.as_deref().unwrap(),
                    p.new_order,
                    p.quantity,
                )
            })
            .collect();
        let at = |m, d, s| crate::model::time::days_from_civil(2024, m, d) * 86_400 + s;
        assert_eq!(
            found,
            [
                (at(10, 21, 69_827), 1898, "Câble USB C, 2 m", true, 1),
                (at(10, 21, 69_827), 102_450, "Piles AA", false, 2),
                // No total: (5.00 + 1.00) × 3.
                (at(9, 1, 43_200), 1800, "Livre", true, 3)
            ]
        );
        assert!(got
            .purchases
            .iter()
            .all(|p| p.currency.as_deref() == Some("EUR")));
        // Cut in the last placeholder, or in the website of a 2025 file.
        let (got, error) = collect(&AmazonOrders, &OLD.as_bytes()[..OLD.len() - 3]);
        assert_eq!(
            (got.purchases.len(), error),
            (3, Some(ErrorKind::Truncated))
        );
        let new = "Currency,Order Date,Order ID,Payment Method Type,Product Name,Total Amount,\
Website\nUSD,2025-01-05T20:01:02Z,113-1,Visa - 7944,Headlamp,49.95,Amazon.com";
        assert!(AmazonOrders
            .detect("Order History.csv", new.as_bytes())
            .is_some());
        let (got, error) = collect(&AmazonOrders, new.as_bytes());
        assert_eq!((got.purchases.len(), error), (1, None));
        for cut in [1, 2] {
            let (got, error) = collect(&AmazonOrders, &new.as_bytes()[..new.len() - cut]);
            assert_eq!(
                (got.purchases.len(), error),
                (0, Some(ErrorKind::Truncated))
            );
        }
    }
}
