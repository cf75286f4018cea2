//! What a bank statement says of a person: what they spend, where, when and on what, what they
//! pay every month, and what their car costs (issue 9).
//!
//! Sources hand transactions over one by one to a [`MoneySink`]; `analysis::money` sums them up
//! into a [`MoneySummary`], which the report carries. Account numbers (OFX `ACCTID`, `BANKID`,
//! IBANs in CSV preambles) are never handed over.

use serde::{Deserialize, Serialize};

/// Upper-cased, accents removed, every run of other characters than letters and digits one
/// space, with a space at each end: `" CB NETFLIX COM 05 03 "`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars().flat_map(char::to_uppercase) {
        let c = match c {
            'À' | 'Â' | 'Ä' | 'Á' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Î' | 'Ï' | 'Í' => 'I',
            'Ô' | 'Ö' | 'Ó' | 'Œ' => 'O',
            'Ù' | 'Û' | 'Ü' | 'Ú' => 'U',
            'Ç' => 'C',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The kind of file a statement comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// OFX 1.x (SGML) or 2.x (XML), and Quicken's QFX.
    Ofx,
    Qif,
    /// A French bank's CSV export.
    Csv,
    /// Amazon's order history (`Retail.OrderHistory.1.csv`, `Order History.csv`): purchases.
    Amazon,
}

/// One line of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transaction<'a> {
    /// When: epoch seconds (UTC) at the day's midnight, or the instant when the file gives a time.
    pub at: i64,
    /// Cents, signed: negative when money goes out.
    pub cents: i64,
    /// ISO 4217 code (`EUR`, `CAD`), if the file says.
    pub currency: Option<&'a str>,
    /// The label or payee, as written (`CB CARREFOUR MARKET 12/03 LA ROCHELLE`).
    pub label: Option<&'a str>,
    pub memo: Option<&'a str>,
    /// The category as written (QIF `L`, a bank's category column).
    pub category: Option<&'a str>,
    /// The transaction type as written (OFX `TRNTYPE`: `POS`, `DEBIT`, `XFER`…).
    pub kind: Option<&'a str>,
}

/// One item bought in a shop's order history (an Amazon row: one item of one shipment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purchase<'a> {
    /// When the order was placed: epoch seconds (UTC).
    pub at: i64,
    /// What was owed for the item (tax, shipping and discounts included), in cents.
    pub cents: i64,
    /// ISO 4217 code (`EUR`, `USD`), if the file says.
    pub currency: Option<&'a str>,
    /// The product's name, as written.
    pub product: Option<&'a str>,
    /// Whether it opens an order (the order's first item read).
    pub new_order: bool,
    /// Units bought (1 when the file does not say).
    pub quantity: u64,
}

/// Where what a source reads from a bank statement or an order history goes.
pub trait MoneySink {
    /// One transaction (a QIF split is not one: its transaction is handed over once, whole).
    fn transaction(&mut self, _t: &Transaction<'_>) {}
    /// One item bought.
    fn purchase(&mut self, _p: &Purchase<'_>) {}
}

/// What spending is about, from a small bilingual keyword list over labels and categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Groceries,
    Restaurants,
    Fuel,
    ParkingTolls,
    PublicTransport,
    Car,
    Housing,
    Telecom,
    Subscriptions,
    Health,
    Shopping,
    Leisure,
    Cash,
    Transfers,
    Income,
    Other,
}

/// How often a payment comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Monthly,
    Yearly,
}

/// What a statement holds, summed up. Amounts are in cents of [`MoneySummary::currency`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneySummary {
    pub format: Format,
    /// The days with a payment (money out), as runs (the portrait's timeline).
    #[serde(default, skip_serializing_if = "super::time::DayRuns::is_empty")]
    pub days_seen: super::time::DayRuns,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub transactions: u64,
    /// The first and last day with a transaction, `YYYY-MM-DD` (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// The currency of most transactions (`EUR` when a French CSV does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Money in and money out, in cents (both positive).
    #[serde(default, skip_serializing_if = "is_zero_i")]
    pub money_in: i64,
    #[serde(default, skip_serializing_if = "is_zero_i")]
    pub money_out: i64,
    /// Money in and out by month, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<MonthFlow>,
    /// Money out by category, most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryTotal>,
    /// Money in by category (income, transfers, refunds…), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories_in: Vec<CategoryTotal>,
    /// The merchants paid most (at most [`TOP`]), most money first, and how many there are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merchants: Vec<Merchant>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub merchant_count: u64,
    /// Payments that come back about every month or year, largest yearly cost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recurring: Vec<Recurring>,
    /// Card payments by weekday, Monday first (the card's own date when the label gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_weekdays: Option<[u64; 7]>,
    /// French towns named in card payments' labels, with their payments, most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub towns: Vec<Town>,
    /// What the car costs, by year (fuel, parking, tolls), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub car: Vec<CarYear>,
    /// An order history's orders and units bought (cancelled ones left out).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub orders: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub items: u64,
    /// The products ordered most often (at most [`TOP`]), then the dearest, and how many there
    /// are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Product>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub product_count: u64,
    /// When orders are placed, by weekday and hour (Paris time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rhythm: Option<super::social::Rhythm>,
}

/// A product bought: its name shortened (what follows the first comma, dash, bar or bracket left
/// out), the times it was ordered and what it cost in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub name: String,
    pub count: u64,
    pub cents: i64,
}

/// Names listed in a summary.
pub const TOP: usize = 10;

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn is_zero_i(n: &i64) -> bool {
    *n == 0
}

/// Money in and out in one month (`YYYY-MM`), in cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFlow {
    pub month: String,
    pub money_in: i64,
    pub money_out: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTotal {
    pub category: Category,
    pub cents: i64,
    pub count: u64,
}

/// A merchant, its name taken from the labels (card numbers, dates, references and towns left
/// out), what was paid to it and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merchant {
    pub name: String,
    pub category: Category,
    pub cents: i64,
    pub count: u64,
}

/// A payment that comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurring {
    pub name: String,
    pub category: Category,
    pub period: Period,
    /// Payments seen.
    pub count: u64,
    /// The median payment, in cents.
    pub typical: i64,
    /// What it costs a year at that rate.
    pub yearly: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Town {
    pub name: String,
    pub payments: u64,
}

/// Car costs in one year, in cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarYear {
    pub year: i64,
    pub fuel: i64,
    pub parking: i64,
    pub tolls: i64,
}
