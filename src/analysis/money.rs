//! Sums up what bank statements hand over ([`MoneySink`]) into a [`MoneySummary`]: money in and
//! out by month, spending by category (a small bilingual keyword list), the merchants paid most,
//! the payments that come back every month or year, where (towns named in card labels) and on
//! which weekday the card pays, and what the car costs (issue 9).
//!
//! Memory follows the number of merchants (at most [`MAX_NAMES`], each with its last
//! [`MAX_DATES`] payments), never the number of transactions.

use std::collections::{BTreeMap, HashMap};

use super::social::{bounded, by_month, plausible, Span, Week, MAX_NAMES};
use super::Finding;
use crate::i18n::money as text;
use crate::i18n::Messages;
use crate::model::location::{Fix, LocationSink};
use crate::model::money::{
    fold, CarYear, Category, CategoryTotal, Format, Merchant, MoneySink, MoneySummary, MonthFlow,
    Period, Product, Purchase, Recurring, Town, Transaction, TOP,
};
use crate::model::social::SocialSink;
use crate::model::time::{civil_from_days, days_from_civil};

/// Payments kept per merchant to find those that come back (three years of monthly ones).
pub const MAX_DATES: usize = 36;
/// Payments that make a recurring one, at least.
pub const MIN_RECURRING: usize = 3;

/// Keywords, by category, in the order they are tried (energy before fuel: `TotalEnergies` sells
/// both; income and cash before transfers: `VIR SEPA SALAIRE`). Matched as whole words of the
/// label, memo and category, upper-cased without accents.
const LEXICON: [(Category, &str); 15] = [
    (Category::Cash, "RETRAIT DAB|DAB|ATM|WITHDRAWAL|CASH"),
    (
        Category::Income,
        "SALAIRE|SALARY|PAYROLL|PAIE|CAF|POLE EMPLOI|FRANCE TRAVAIL|PENSION|RETRAITE|INTERETS|INTEREST",
    ),
    (
        Category::Housing,
        "LOYER|RENT|LOGEMENT|EDF|ENGIE|ELECTRICITE|GAZ|EAU|VEOLIA|SAUR|HABITAT|FONCIA|NEXITY|UTILITIES|MORTGAGE",
    ),
    (
        Category::PublicTransport,
        "SNCF|RATP|NAVIGO|TRANSILIEN|OUIGO|TER|YELO|TRANSPORT|TRANSIT",
    ),
    (
        Category::Telecom,
        "FREE MOBILE|FREE TELECOM|FREEBOX|ORANGE|SFR|BOUYGUES|SOSH|RED BY SFR|PHONE|MOBILE|INTERNET|TELECOM|TELEPHONE",
    ),
    (
        Category::Subscriptions,
        "NETFLIX|SPOTIFY|DEEZER|DISNEY|CANAL|PRIME VIDEO|AMAZON PRIME|APPLE COM BILL|ITUNES|YOUTUBE|ABONNEMENT|SUBSCRIPTION|STREAMING",
    ),
    (
        Category::ParkingTolls,
        "PARKING|STATIONNEMENT|INDIGO|EFFIA|SAEMES|PEAGE|AUTOROUTE|AUTOROUTES|SANEF|APRR|ASF|COFIROUTE|TOLL|TOLLS",
    ),
    (
        Category::Fuel,
        "TOTALENERGIES|TOTAL ACCESS|ESSO|SHELL|BP|AVIA|CARBURANT|STATION SERVICE|FUEL|GAS",
    ),
    (
        Category::Groceries,
        "CARREFOUR|LECLERC|COURSES|ALIMENTATION|AUCHAN|INTERMARCHE|LIDL|ALDI|MONOPRIX|FRANPRIX|CASINO|SUPER U|HYPER U|BIOCOOP|PICARD|BOULANGERIE|GROCERIES|GROCERY|SUPERMARKET|WALMART",
    ),
    (
        Category::Restaurants,
        "RESTAURANT|RESTO|BISTROT|CREPERIE|MCDONALD|BURGER|KFC|SUBWAY|PIZZA|SUSHI|BRASSERIE|CAFE|DELIVEROO|UBER EATS|STARBUCKS|DINING",
    ),
    (
        Category::Car,
        "GARAGE|NORAUTO|FEU VERT|SPEEDY|MIDAS|CONTROLE TECHNIQUE|AUTOMOBILE|VOITURE|CAR",
    ),
    (
        Category::Health,
        "PHARMACIE|PHARMACY|SANTE|MEDECIN|DOCTEUR|DENTISTE|KINE|OPTICIEN|HOPITAL|CLINIQUE|LABO|MUTUELLE|CPAM|HEALTHCARE|PRESCRIPTIONS",
    ),
    (
        Category::Shopping,
        "AMAZON|FNAC|DARTY|DECATHLON|IKEA|ZARA|KIABI|LEROY MERLIN|CASTORAMA|ACTION|CDISCOUNT|SHOPPING|CLOTHING",
    ),
    (
        Category::Leisure,
        "CINEMA|CGR|LOISIRS|PATHE|GAUMONT|UGC|MUSEE|THEATRE|CONCERT|PISCINE|FITNESS|HOTEL|AIRBNB|BOOKING|LEISURE|ENTERTAINMENT",
    ),
    (
        Category::Transfers,
        "VIR|VIREMENT|TRANSFER|XFER|LYDIA|PAYPAL",
    ),
];

/// Tolls, among [`Category::ParkingTolls`].
const TOLLS: &str = "PEAGE|AUTOROUTE|AUTOROUTES|SANEF|APRR|ASF|COFIROUTE|TOLL|TOLLS";

/// Words that open a label without naming the merchant.
const PREFIXES: &str = "CB|CARTE|PAIEMENT|PAR|PRLV|PRELEVEMENT|PRELEVMNT|SEPA|VIR|VIREMENT|RECU|EMIS|INST|FACTURE|ACHAT|POS|DU|DE";
/// Words after which a label holds references, not the merchant's name.
const REFERENCES: &str = "REF|ECH|MDT|RUM|ID|NUM|NO|MANDAT|FACT";

/// Whether `folded` (from [`fold`]) holds one of `words` (`|`-separated) as whole words.
fn has_any(folded: &str, words: &str) -> bool {
    words.split('|').any(|w| {
        folded.match_indices(w).any(|(i, _)| {
            i.checked_sub(1).and_then(|b| folded.get(b..i)) == Some(" ")
                && folded.get(i + w.len()..=i + w.len()) == Some(" ")
        })
    })
}

/// The category of a transaction from its words (`folded`), its type and its direction.
fn categorise(folded: &str, kind: Option<&str>, category: Option<&str>, cents: i64) -> Category {
    // A QIF category in brackets is a transfer to another account.
    if category.is_some_and(|c| c.trim_start().starts_with('[')) {
        return Category::Transfers;
    }
    let found = LEXICON
        .iter()
        .find(|(c, words)| (*c != Category::Income || cents > 0) && has_any(folded, words))
        .map(|(c, _)| *c);
    if let Some(c) = found {
        return c;
    }
    match kind.map(str::trim).map(str::to_ascii_uppercase).as_deref() {
        Some("ATM" | "CASH") => Category::Cash,
        Some("XFER") => Category::Transfers,
        Some("DIRECTDEP" | "DEP" | "INT" | "DIV") if cents > 0 => Category::Income,
        _ => Category::Other,
    }
}

/// The merchant's name in a label: its words, upper-cased, without the opening words that name
/// the means of payment (`CB`, `PRLV SEPA`, `PAIEMENT CB`), without words holding digits (card
/// numbers, dates like `12/03`, store numbers), at most six (four once a town is left out at the
/// end), and nothing after a reference (`REF`, `ECH/…`, `ID:`).
pub fn merchant(label: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut opening = true;
    for word in label.split_whitespace() {
        let folded = fold(word);
        if opening && has_any(&folded, PREFIXES) && folded.trim().split(' ').count() == 1 {
            continue;
        }
        opening = false;
        if word.chars().any(|c| c.is_ascii_digit()) || !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        if word.contains(['/', ':']) || has_any(&folded, REFERENCES) {
            break;
        }
        words.push(
            word.to_uppercase()
                .trim_matches([',', '-', '.', '*'])
                .to_owned(),
        );
        if words.len() == 6 {
            break;
        }
    }
    let name = words.join(" ");
    (!name.trim().is_empty()).then(|| bounded(name.trim()).to_owned())
}

/// Whether a transaction is a card payment: its type says so (`POS`), or its label opens with
/// `CB`, `CARTE` or `PAIEMENT CB`.
fn card(folded: &str, kind: Option<&str>) -> bool {
    kind.is_some_and(|k| k.trim().eq_ignore_ascii_case("POS"))
        || [
            " CB ",
            " CARTE ",
            " PAIEMENT CB ",
            " PAIEMENT PAR CARTE ",
            " FACTURE CARTE ",
        ]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// The day (since 1970) a card was used, when the label gives it (`12/03`, or `0403` after `CB`),
/// in the year that puts it at most a few days before `posted`.
fn card_day(label: &str, posted: i64) -> Option<i64> {
    let mut after_cb = false;
    let (day, month) = label.split_whitespace().find_map(|w| {
        let found = match w.split('/').collect::<Vec<_>>()[..] {
            [d, m] if d.len() == 2 && m.len() == 2 => Some((d, m)),
            _ if after_cb && w.len() == 4 => w.get(..2).zip(w.get(2..)),
            _ => None,
        };
        after_cb = w.eq_ignore_ascii_case("CB");
        found.and_then(|(d, m)| Some((d.parse::<i64>().ok()?, m.parse::<i64>().ok()?)))
    })?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (year, _, _) = civil_from_days(posted);
    let this = days_from_civil(year, month, day);
    Some(if this > posted + 3 {
        days_from_civil(year - 1, month, day)
    } else {
        this
    })
}

/// Money out to one merchant.
struct Tally {
    category: Category,
    cents: i64,
    count: u64,
    /// The last payments: day since 1970 and cents.
    dates: Vec<(i64, i64)>,
}

/// The collector a bank source reads into.
pub struct Money {
    format: Format,
    transactions: u64,
    span: Span,
    currencies: HashMap<String, u64>,
    incoming: i64,
    outgoing: i64,
    /// In and out by month since 1970 (`year * 12 + month - 1`).
    months: BTreeMap<i64, (i64, i64)>,
    out: BTreeMap<Category, (i64, u64)>,
    income: BTreeMap<Category, (i64, u64)>,
    merchants: HashMap<String, Tally>,
    weekdays: [u64; 7],
    /// The last words of card labels (one to three, upper-cased without accents) and their
    /// payments: the towns are looked up among them at the end.
    places: HashMap<String, u64>,
    car: BTreeMap<i64, (i64, i64, i64)>,
    /// The days with a payment (money out): the person did something that day.
    days: crate::model::time::DaySeen,
    orders: u64,
    items: u64,
    /// Products bought: times ordered and cents.
    products: HashMap<String, (u64, i64)>,
    /// When orders are placed.
    week: Week,
}

impl Money {
    pub fn new(format: Format) -> Self {
        Money {
            format,
            transactions: 0,
            span: Span::default(),
            days: crate::model::time::DaySeen::default(),
            currencies: HashMap::new(),
            incoming: 0,
            outgoing: 0,
            months: BTreeMap::new(),
            out: BTreeMap::new(),
            income: BTreeMap::new(),
            merchants: HashMap::new(),
            weekdays: [0; 7],
            places: HashMap::new(),
            car: BTreeMap::new(),
            orders: 0,
            items: 0,
            products: HashMap::new(),
            week: Week::default(),
        }
    }

    /// Counts a transaction's or a purchase's currency (at most 16 kept).
    fn currency(&mut self, currency: Option<&str>) {
        if let Some(c) = currency.map(str::trim).filter(|c| !c.is_empty()) {
            let c = bounded(c);
            if let Some(n) = self.currencies.get_mut(c) {
                *n += 1;
            } else if self.currencies.len() < 16 {
                self.currencies.insert(c.to_ascii_uppercase(), 1);
            }
        }
    }

    pub fn finish(self) -> MoneySummary {
        let (first, last) = self.span.dates();
        let currency = self
            .currencies
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(c, _)| c);
        let months = by_month(self.months.keys().map(|&m| (m, 0)).collect())
            .into_iter()
            .zip(self.months.values())
            .map(|((month, _), &(money_in, money_out))| MonthFlow {
                month,
                money_in,
                money_out,
            })
            .collect();
        let towns = towns(&self.places);
        let merchants = merge_towns(self.merchants, &towns);
        let merchant_count = merchants.len() as u64;
        let recurring = recurring(&merchants);
        let mut top: Vec<Merchant> = merchants
            .into_iter()
            .map(|(name, t)| Merchant {
                name,
                category: t.category,
                cents: t.cents,
                count: t.count,
            })
            .collect();
        top.sort_by(|a, b| b.cents.cmp(&a.cents).then_with(|| a.name.cmp(&b.name)));
        top.truncate(TOP);
        let product_count = self.products.len() as u64;
        let mut products: Vec<Product> = self
            .products
            .into_iter()
            .map(|(name, (count, cents))| Product { name, count, cents })
            .collect();
        products.sort_by(|a, b| (b.count, b.cents, &a.name).cmp(&(a.count, a.cents, &b.name)));
        products.truncate(TOP);
        MoneySummary {
            days_seen: self.days.runs(),
            format: self.format,
            transactions: self.transactions,
            first,
            last,
            currency,
            money_in: self.incoming,
            money_out: self.outgoing,
            months,
            categories: totals(self.out),
            categories_in: totals(self.income),
            merchants: top,
            merchant_count,
            recurring,
            card_weekdays: self
                .weekdays
                .iter()
                .any(|n| *n > 0)
                .then_some(self.weekdays),
            towns: towns
                .into_iter()
                .map(|(name, payments, _)| Town { name, payments })
                .collect(),
            car: self
                .car
                .into_iter()
                .map(|(year, (fuel, parking, tolls))| CarYear {
                    year,
                    fuel,
                    parking,
                    tolls,
                })
                .collect(),
            orders: self.orders,
            items: self.items,
            products,
            product_count,
            rhythm: self.week.rhythm(),
        }
    }
}

/// A product's name, short: up to the first `, `, ` - `, ` | `, ` (` or ` [` that follows two
/// words at least (the rest is sizes, packs and selling points), ten words at most.
pub fn product(name: &str) -> Option<String> {
    let words = |end: usize| name.get(..end).map_or(0, |s| s.split_whitespace().count());
    let end = [", ", " - ", " – ", " | ", " (", " ["]
        .iter()
        .filter_map(|sep| {
            name.match_indices(sep)
                .map(|(i, _)| i)
                .find(|&i| words(i) >= 2)
        })
        .min()
        .unwrap_or(name.len());
    let short: Vec<&str> = name
        .get(..end)
        .unwrap_or(name)
        .split_whitespace()
        .take(10)
        .collect();
    (!short.is_empty()).then(|| bounded(&short.join(" ")).to_owned())
}

fn totals(map: BTreeMap<Category, (i64, u64)>) -> Vec<CategoryTotal> {
    let mut list: Vec<CategoryTotal> = map
        .into_iter()
        .map(|(category, (cents, count))| CategoryTotal {
            category,
            cents,
            count,
        })
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.cents));
    list
}

/// `SAINT` and `SAINTE` as labels shorten them.
fn town_key(name: &str) -> String {
    fold(name)
        .replace(" SAINTE ", " STE ")
        .replace(" SAINT ", " ST ")
}

/// The French towns of at least 1,000 inhabitants among the last words of card labels: name as
/// the gazetteer spells it, payments, and the words as folded. A payment whose last words are a
/// town counts once, for the longest (`LA ROCHELLE`, not `ROCHELLE`).
fn towns(places: &HashMap<String, u64>) -> Vec<(String, u64, String)> {
    if places.is_empty() {
        return Vec::new();
    }
    let mut found: HashMap<&str, &'static str> = HashMap::new();
    for name in crate::model::gazetteer::french_names(1_000) {
        let key = town_key(name);
        if let Some((k, _)) = places.get_key_value(key.as_str()) {
            found.entry(k.as_str()).or_insert(name);
        }
    }
    let mut list: Vec<(String, u64, String)> = found
        .iter()
        .map(|(key, name)| {
            // Less the payments of a longer town ending with this one.
            let longer: u64 = found
                .keys()
                .filter(|k| k.len() > key.len() && k.ends_with(*key))
                .filter_map(|k| places.get(*k))
                .sum();
            let n = places
                .get(*key)
                .copied()
                .unwrap_or(0)
                .saturating_sub(longer);
            ((*name).to_owned(), n, (*key).to_owned())
        })
        .filter(|t| t.1 > 0)
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// Merchants whose names end with a town found: the town left out, four words kept, and merged.
fn merge_towns(
    merchants: HashMap<String, Tally>,
    towns: &[(String, u64, String)],
) -> HashMap<String, Tally> {
    let mut out: HashMap<String, Tally> = HashMap::new();
    for (name, tally) in merchants {
        let words: Vec<&str> = name.split(' ').collect();
        let cut = (1..words.len().min(4)).rev().find(|&k| {
            let tail = words.get(words.len() - k..).unwrap_or_default().join(" ");
            let key = town_key(&tail);
            towns.iter().any(|t| t.2 == key)
        });
        let keep = words.len() - cut.unwrap_or(0);
        let name = words.get(..keep.min(4)).unwrap_or_default().join(" ");
        match out.get_mut(&name) {
            Some(t) => {
                t.cents = t.cents.saturating_add(tally.cents);
                t.count += tally.count;
                t.dates.extend(tally.dates);
                t.dates.sort_unstable();
                let over = t.dates.len().saturating_sub(MAX_DATES);
                t.dates.drain(..over);
            }
            None => {
                out.insert(name, tally);
            }
        }
    }
    out
}

/// The middle value of a sorted list.
fn median(sorted: &[i64]) -> Option<i64> {
    sorted.get(sorted.len() / 2).copied()
}

/// The merchants paid about every month (gaps of 20 to 40 days, 26 to 35 in the middle) or every
/// year (330 to 400, 350 to 380), at least [`MIN_RECURRING`] times, two thirds of the gaps within
/// those bounds and three quarters of the amounts within 15 % of the median amount.
fn recurring(merchants: &HashMap<String, Tally>) -> Vec<Recurring> {
    let mut list: Vec<Recurring> = merchants
        .iter()
        .filter_map(|(name, t)| {
            if t.dates.len() < MIN_RECURRING || t.category == Category::Cash {
                return None;
            }
            let mut dates = t.dates.clone();
            dates.sort_unstable();
            let mut gaps: Vec<i64> = dates
                .windows(2)
                .filter_map(|w| Some(w.get(1)?.0 - w.first()?.0))
                .collect();
            gaps.sort_unstable();
            let mut amounts: Vec<i64> = dates.iter().map(|d| d.1).collect();
            amounts.sort_unstable();
            let (gap, typical) = (median(&gaps)?, median(&amounts)?);
            let (period, within, times) = match gap {
                26..=35 => (Period::Monthly, 20..=40, 12),
                350..=380 => (Period::Yearly, 330..=400, 1),
                _ => return None,
            };
            let regular = gaps.iter().filter(|g| within.contains(*g)).count();
            let similar = amounts
                .iter()
                .filter(|a| (**a - typical).abs() * 100 <= typical.abs() * 15)
                .count();
            (regular * 3 >= gaps.len() * 2 && similar * 4 >= amounts.len() * 3).then(|| Recurring {
                name: name.clone(),
                category: t.category,
                period,
                count: dates.len() as u64,
                typical,
                yearly: typical.saturating_mul(times),
            })
        })
        .collect();
    list.sort_by(|a, b| b.yearly.cmp(&a.yearly).then_with(|| a.name.cmp(&b.name)));
    list
}

impl MoneySink for Money {
    /// An item bought: money out, counted apart from a statement's merchants, categories and car.
    fn purchase(&mut self, p: &Purchase<'_>) {
        if !plausible(p.at) {
            return;
        }
        self.transactions += 1;
        self.items += p.quantity.max(1);
        self.span.add(p.at);
        self.currency(p.currency);
        let day = p.at.div_euclid(86_400);
        self.days.add_day(day);
        let (year, month, _) = civil_from_days(day);
        let flow = self.months.entry(year * 12 + month - 1).or_default();
        flow.1 = flow.1.saturating_add(p.cents);
        self.outgoing = self.outgoing.saturating_add(p.cents);
        if p.new_order {
            self.orders += 1;
            // A time on the hour to the second (`12:00:00`) stands for a day without its time.
            if p.at.rem_euclid(3600) != 0 {
                self.week.add(p.at);
            }
        }
        let Some(name) = p.product.and_then(product) else {
            return;
        };
        if let Some(t) = self.products.get_mut(&name) {
            *t = (t.0 + 1, t.1.saturating_add(p.cents));
        } else if self.products.len() < MAX_NAMES {
            self.products.insert(name, (1, p.cents));
        }
    }

    fn transaction(&mut self, t: &Transaction<'_>) {
        if !plausible(t.at) {
            return;
        }
        self.transactions += 1;
        self.span.add(t.at);
        self.currency(t.currency);
        let day = t.at.div_euclid(86_400);
        if t.cents < 0 {
            self.days.add_day(day);
        }
        let (year, month, _) = civil_from_days(day);
        let flow = self.months.entry(year * 12 + month - 1).or_default();
        let words = fold(&format!(
            "{} {} {}",
            t.label.unwrap_or_default(),
            t.memo.unwrap_or_default(),
            t.category.unwrap_or_default()
        ));
        let category = categorise(&words, t.kind, t.category, t.cents);
        if t.cents >= 0 {
            self.incoming = self.incoming.saturating_add(t.cents);
            flow.0 = flow.0.saturating_add(t.cents);
            let total = self.income.entry(category).or_default();
            total.0 = total.0.saturating_add(t.cents);
            total.1 += 1;
            return;
        }
        let cents = -t.cents;
        self.outgoing = self.outgoing.saturating_add(cents);
        flow.1 = flow.1.saturating_add(cents);
        let total = self.out.entry(category).or_default();
        total.0 = total.0.saturating_add(cents);
        total.1 += 1;
        let label = t.label.or(t.memo).unwrap_or_default();
        let is_card = card(&fold(label), t.kind);
        if is_card {
            let day = card_day(label, day).unwrap_or(day);
            // 1970-01-01 was a Thursday: Monday first, it is day 3.
            if let Some(n) = usize::try_from((day + 3).rem_euclid(7))
                .ok()
                .and_then(|d| self.weekdays.get_mut(d))
            {
                *n += 1;
            }
        }
        let name = merchant(label).filter(|_| category != Category::Cash);
        if let Some(name) = &name {
            if is_card {
                let words: Vec<&str> = name.split(' ').collect();
                for k in 1..words.len().min(4) {
                    let tail = words.get(words.len() - k..).unwrap_or_default().join(" ");
                    let key = town_key(&tail);
                    if let Some(n) = self.places.get_mut(&key) {
                        *n += 1;
                    } else if self.places.len() < MAX_NAMES {
                        self.places.insert(key, 1);
                    }
                }
            }
            if !self.merchants.contains_key(name) && self.merchants.len() >= MAX_NAMES {
                // Full: new merchants are counted in the totals only.
            } else {
                let tally = self.merchants.entry(name.clone()).or_insert(Tally {
                    category,
                    cents: 0,
                    count: 0,
                    dates: Vec::new(),
                });
                tally.cents = tally.cents.saturating_add(cents);
                tally.count += 1;
                if tally.dates.len() == MAX_DATES {
                    tally.dates.remove(0);
                }
                tally.dates.push((day, cents));
            }
        }
        if matches!(category, Category::Fuel | Category::ParkingTolls) {
            let car = self.car.entry(year).or_default();
            match category {
                Category::Fuel => car.0 = car.0.saturating_add(cents),
                _ if has_any(&words, TOLLS) => car.2 = car.2.saturating_add(cents),
                _ => car.1 = car.1.saturating_add(cents),
            }
        }
    }
}

/// A statement holds no position.
impl LocationSink for Money {
    fn fix(&mut self, _fix: Fix, _source: &str) {}
}

/// Nor social data.
impl SocialSink for Money {}

/// Nor plays.
impl crate::model::media::MediaSink for Money {}
impl crate::model::energy::EnergySink for Money {}
impl crate::model::chat::ChatSink for Money {}
impl crate::model::activity::ActivitySink for Money {}
impl crate::model::health::HealthSink for Money {}

/// What a statement reveals, in words.
pub fn findings(s: &MoneySummary) -> Vec<Finding> {
    let mut out = Vec::new();
    let cur = s.currency.as_deref();
    if s.format == Format::Amazon {
        if s.transactions > 0 {
            out.push(Finding::new(
                "amazon_orders",
                Messages::from_fn(|lang| text::orders(lang, s, cur)),
            ));
        }
        if let Some(r) = s.rhythm.as_ref().filter(|r| r.total >= text::MIN_WEEKDAYS) {
            out.push(Finding::new(
                "amazon_times",
                Messages::from_fn(|lang| text::order_times(lang, r)),
            ));
        }
        if !s.products.is_empty() {
            out.push(Finding::new(
                "amazon_products",
                Messages::from_fn(|lang| text::products(lang, &s.products, s.product_count, cur)),
            ));
        }
        return out;
    }
    if s.transactions > 0 {
        out.push(Finding::new(
            "money_flow",
            Messages::from_fn(|lang| text::flow(lang, s, cur)),
        ));
    }
    if s.categories.iter().any(|c| c.category != Category::Other) {
        out.push(Finding::new(
            "money_categories",
            Messages::from_fn(|lang| text::categories(lang, &s.categories, s.money_out, cur)),
        ));
    }
    if !s.merchants.is_empty() {
        out.push(Finding::new(
            "money_merchants",
            Messages::from_fn(|lang| text::merchants(lang, &s.merchants, s.merchant_count, cur)),
        ));
    }
    if !s.recurring.is_empty() {
        out.push(Finding::new(
            "money_recurring",
            Messages::from_fn(|lang| text::recurring(lang, &s.recurring, cur)),
        ));
    }
    let weekdays = s
        .card_weekdays
        .filter(|w| !s.towns.is_empty() || w.iter().sum::<u64>() >= text::MIN_WEEKDAYS);
    if let Some(weekdays) = weekdays {
        out.push(Finding::new(
            "money_trail",
            Messages::from_fn(|lang| text::trail(lang, &s.towns, &weekdays)),
        ));
    }
    if !s.car.is_empty() {
        out.push(Finding::new(
            "money_car",
            Messages::from_fn(|lang| text::car(lang, &s.car, cur)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merchants_are_named_without_means_dates_or_references() {
        let m = |l: &str| merchant(l);
        assert_eq!(
            m("CB CARREFOUR MARKET 12/03 LA ROCHELLE").as_deref(),
            Some("CARREFOUR MARKET LA ROCHELLE")
        );
        assert_eq!(m("PRLV SEPA FREE MOBILE").as_deref(), Some("FREE MOBILE"));
        assert_eq!(
            m("PRLV SEPA FREE MOBILE ECH/050324 ID EMETTEUR/FR12ZZZ").as_deref(),
            Some("FREE MOBILE")
        );
        assert_eq!(
            m("PAIEMENT CB 0403 TOTALENERGIES").as_deref(),
            Some("TOTALENERGIES")
        );
        assert_eq!(m("CB NETFLIX.COM 05/03").as_deref(), Some("NETFLIX.COM"));
        assert_eq!(m("CARTE X1234 15/03 SNCF").as_deref(), Some("SNCF"));
        assert_eq!(m("MCDONALD'S #112").as_deref(), Some("MCDONALD'S"));
        assert_eq!(m("CB 12/03"), None);
    }

    #[test]
    fn categories_come_from_whole_words() {
        let c = |l: &str, cents: i64| categorise(&fold(l), None, None, cents);
        assert_eq!(c("CB CARREFOUR MARKET 12/03", -100), Category::Groceries);
        assert_eq!(c("PAIEMENT CB 0403 TOTALENERGIES", -100), Category::Fuel);
        assert_eq!(
            c("PRLV SEPA TOTALENERGIES ELECTRICITE ET GAZ", -100),
            Category::Housing
        );
        assert_eq!(c("CB NETFLIX.COM", -100), Category::Subscriptions);
        assert_eq!(c("VIR SEPA SALAIRE ACME", 100), Category::Income);
        assert_eq!(c("VIR SEPA LOYER", -100), Category::Housing);
        assert_eq!(c("VIR SEPA M DUPONT", -100), Category::Transfers);
        assert_eq!(c("RETRAIT DAB 12/03", -100), Category::Cash);
        // Whole words only: "EAU" is not in "CHATEAU".
        assert_eq!(c("CB CHATEAU DES DUCS", -100), Category::Other);
        assert_eq!(c("CB PEAGE APRR", -100), Category::ParkingTolls);
        assert_eq!(
            categorise(&fold("Target"), None, Some("Food:Groceries"), -1),
            Category::Other
        );
        assert_eq!(
            categorise(&fold("Target Food:Groceries"), None, None, -1),
            Category::Groceries
        );
        assert_eq!(
            categorise(&fold("Opening"), None, Some("[Checking]"), 0),
            Category::Transfers
        );
    }

    #[test]
    fn card_dates_are_put_in_the_right_year() {
        let posted = days_from_civil(2024, 1, 2);
        assert_eq!(
            card_day("CB CARREFOUR 30/12 NIORT", posted),
            Some(days_from_civil(2023, 12, 30))
        );
        assert_eq!(
            card_day(
                "PAIEMENT CB 0103 TOTALENERGIES",
                days_from_civil(2024, 3, 2)
            ),
            Some(days_from_civil(2024, 3, 1))
        );
        assert_eq!(card_day("CB 45/13 X", posted), None);
    }

    fn pay(money: &mut Money, date: (i64, i64, i64), cents: i64, label: &str) {
        money.transaction(&Transaction {
            at: days_from_civil(date.0, date.1, date.2) * 86_400,
            cents,
            currency: Some("EUR"),
            label: Some(label),
            memo: None,
            category: None,
            kind: None,
        });
    }

    #[test]
    fn monthly_payments_towns_weekdays_and_car_costs_are_found() {
        let mut money = Money::new(Format::Csv);
        for month in 1..=6 {
            pay(&mut money, (2024, month, 5), -1999, "PRLV SEPA FREE MOBILE");
            pay(&mut money, (2024, month, 28), 250_000, "VIR SEPA SALAIRE");
            // Groceries every few days: not monthly.
            for day in [2, 9, 16, 23] {
                pay(
                    &mut money,
                    (2024, month, day + 1),
                    -4_000 - day * 10,
                    &format!("CB CARREFOUR MARKET {day:02}/{month:02} LA ROCHELLE"),
                );
            }
        }
        pay(
            &mut money,
            (2024, 3, 9),
            -6_000,
            "PAIEMENT CB 0903 TOTALENERGIES",
        );
        pay(&mut money, (2024, 3, 9), -1_250, "CB PEAGE APRR 09/03");
        let s = money.finish();
        assert_eq!(s.transactions, 6 * 6 + 2);
        assert_eq!(s.money_in, 6 * 250_000);
        assert_eq!(s.currency.as_deref(), Some("EUR"));
        assert_eq!(s.months.len(), 6);
        assert_eq!(s.recurring.len(), 1);
        let free = &s.recurring[0];
        assert_eq!(
            (free.name.as_str(), free.period, free.typical, free.yearly),
            ("FREE MOBILE", Period::Monthly, 1999, 23_988)
        );
        assert_eq!(s.merchants[0].name, "CARREFOUR MARKET");
        assert_eq!(s.merchants[0].count, 24);
        assert_eq!(s.towns.len(), 1);
        assert_eq!(
            (s.towns[0].name.as_str(), s.towns[0].payments),
            ("La Rochelle", 24)
        );
        // The 2nd, 9th, 16th and 23rd of each month by the card's date, and 9 March (Saturday).
        let weekdays = s.card_weekdays.unwrap();
        assert_eq!(weekdays.iter().sum::<u64>(), 26);
        assert_eq!(
            s.car,
            [CarYear {
                year: 2024,
                fuel: 6_000,
                parking: 0,
                tolls: 1_250
            }]
        );
        let ids: Vec<String> = findings(&s).into_iter().map(|f| f.id).collect();
        assert_eq!(
            ids,
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
    fn memory_is_bounded_and_yearly_payments_are_found() {
        let mut money = Money::new(Format::Ofx);
        // A yearly insurance, and a monthly one paid for four years: only its last payments kept.
        for year in 2021..=2024 {
            pay(
                &mut money,
                (year, 3, 1),
                -45_000,
                "PRLV SEPA MAIF ASSURANCE",
            );
            for month in 1..=12 {
                pay(&mut money, (year, month, 2), -999, "PRLV SEPA DEEZER");
            }
        }
        // Then more merchants than are kept: the new ones count in the totals only.
        for n in 0..MAX_NAMES + 50 {
            let words: String = format!("{n}")
                .bytes()
                .map(|b| char::from(b - b'0' + b'A'))
                .collect();
            pay(
                &mut money,
                (2024, 1, 10),
                -100,
                &format!("PRLV SEPA SHOP {words}"),
            );
        }
        assert!(money.merchants.len() <= MAX_NAMES);
        assert!(money.merchants.values().all(|t| t.dates.len() <= MAX_DATES));
        let s = money.finish();
        assert_eq!(s.merchant_count, MAX_NAMES as u64);
        assert_eq!(s.transactions, (MAX_NAMES + 50 + 4 * 13) as u64);
        let found: Vec<(&str, Period, i64, u64)> = s
            .recurring
            .iter()
            .map(|r| (r.name.as_str(), r.period, r.yearly, r.count))
            .collect();
        assert_eq!(
            found,
            [
                ("MAIF ASSURANCE", Period::Yearly, 45_000, 4),
                ("DEEZER", Period::Monthly, 11_988, MAX_DATES as u64)
            ]
        );
    }

    #[test]
    fn product_names_are_shortened() {
        assert_eq!(
            product("Lavazza Café en Grains Qualità Oro, 1 kg").as_deref(),
            Some("Lavazza Café en Grains Qualità Oro")
        );
        assert_eq!(
            product("Kindle Paperwhite (16 Go) | Écran 6,8\"").as_deref(),
            Some("Kindle Paperwhite")
        );
        // One word before a separator is too short a name: the next one is taken.
        assert_eq!(
            product("L'Anomalie (Folio) - Hervé Le Tellier").as_deref(),
            Some("L'Anomalie (Folio)")
        );
        assert_eq!(product("  "), None);
    }

    #[test]
    fn purchases_make_orders_and_speak_french() {
        use crate::i18n::Lang;
        let mut money = Money::new(Format::Amazon);
        // 7 January 2024 was a Sunday.
        let sunday = |week: i64| (days_from_civil(2024, 1, 7) + week * 7) * 86_400;
        // Twelve Sunday orders at 20:01 UTC (21:01 Paris in winter), the first of two items;
        // one order of 2023 whose time is only a date (on the hour to the second).
        for week in 0..12 {
            for (item, cents) in [(0, 1_699), (1, 500)] {
                money.purchase(&Purchase {
                    at: sunday(week) + 20 * 3600 + 61,
                    cents,
                    currency: Some("EUR"),
                    product: Some(if item == 0 {
                        "Café en grains, 1 kg"
                    } else {
                        "Piles AA"
                    }),
                    new_order: item == 0,
                    quantity: 1 + item,
                });
            }
        }
        money.purchase(&Purchase {
            at: days_from_civil(2023, 6, 1) * 86_400 + 12 * 3600,
            cents: 16_999,
            currency: Some("EUR"),
            product: Some("Kindle Paperwhite (16 Go)"),
            new_order: true,
            quantity: 1,
        });
        let s = money.finish();
        assert_eq!((s.orders, s.items, s.transactions), (13, 37, 25));
        assert_eq!(s.money_out, 12 * 2_199 + 16_999);
        assert_eq!(s.rhythm.as_ref().map(|r| r.total), Some(12));
        assert!(s.merchants.is_empty() && s.car.is_empty() && s.categories.is_empty());
        let found = findings(&s);
        let text = |id: &str| crate::analysis::said(&found, id, Lang::Fr);
        assert_eq!(
            text("amazon_orders"),
            "Votre historique Amazon compte 13\u{a0}commandes (37\u{a0}articles), du jeudi \
             1er juin 2023 au dimanche 24 mars 2024\u{a0}: 434\u{a0}€ dépensés. C'est en 2024 \
             que vous avez le plus dépensé\u{a0}: 264\u{a0}€ (par année\u{a0}: 170\u{a0}€ en \
             2023 et 264\u{a0}€ en 2024)."
        );
        assert_eq!(
            text("amazon_times"),
            "Vous commandez sur Amazon surtout le dimanche (12 de vos 12\u{a0}commandes), et le \
             plus souvent entre 21\u{a0}h et 22\u{a0}h (12\u{a0}commandes, heure de Paris)."
        );
        assert_eq!(
            text("amazon_products"),
            "Ce que vous commandez le plus, parmi 3\u{a0}produits différents\u{a0}: Café en \
             grains (12\u{a0}fois, 204\u{a0}€), Piles AA (12\u{a0}fois, 60\u{a0}€) et Kindle \
             Paperwhite (1\u{a0}fois, 170\u{a0}€)."
        );
    }

    #[test]
    fn findings_speak_french_and_english() {
        use crate::i18n::Lang;
        let mut money = Money::new(Format::Csv);
        for month in 1..=3 {
            pay(&mut money, (2024, month, 5), -1999, "PRLV SEPA FREE MOBILE");
            pay(
                &mut money,
                (2024, month, 6),
                -4_000 - month * 1_000,
                "PAIEMENT CB 0503 TOTALENERGIES",
            );
        }
        pay(&mut money, (2024, 3, 28), 150_000, "VIR SEPA SALAIRE");
        let s = money.finish();
        let found = findings(&s);
        let text = |id: &str, lang| crate::analysis::said(&found, id, lang);
        assert_eq!(
            text("money_recurring", Lang::Fr),
            "Vous avez 1\u{a0}paiement régulier, 240\u{a0}€ par an\u{a0}: FREE MOBILE \
             19,99\u{a0}€ par mois."
        );
        assert_eq!(
            text("money_recurring", Lang::En),
            "You pay 1\u{a0}regular payment, €240 a year: FREE MOBILE €19.99 a month."
        );
        assert_eq!(
            text("money_flow", Lang::Fr),
            "Votre relevé compte 7\u{a0}opérations du 2024-01-05 au 2024-03-28\u{a0}: \
             1\u{202f}500\u{a0}€ entrés, 240\u{a0}€ sortis, soit environ 80\u{a0}€ dépensés \
             par mois sur 3\u{a0}mois."
        );
        assert_eq!(
            text("money_car", Lang::En),
            "Fuel, parking and tolls: your car cost you €180 in 2024 (fuel €180)."
        );
        // Three card payments name no town: no weekday is said from so few.
        assert!(!found.iter().any(|f| f.id == "money_trail"));
    }
}
