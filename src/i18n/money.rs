//! What bank statements reveal, in French and English (issue 9).

use super::day::long_date;
use super::social::{counted, names};
use super::{clock, format_count, list_and, percent, weekday_name, Lang};
use crate::model::money::{
    CarYear, Category, CategoryTotal, Format, Merchant, MoneySummary, Period, Product, Recurring,
    Town,
};
use crate::model::social::Rhythm;

/// An amount in cents in whole units of its currency, as sentences and charts round it.
pub fn whole_units(cents: i64) -> u64 {
    (cents.unsigned_abs() + 50) / 100
}

/// An amount in cents: `1 284,50 €` / `€1,284.50`, or whole units (`1 285 €`) when `exact` is
/// false. A currency without a symbol is written by its code (`12,50 CAD` / `CAD 12.50`).
pub fn amount(lang: Lang, cents: i64, currency: Option<&str>, exact: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let (units, rest) = if exact {
        let cents = cents.unsigned_abs();
        (cents / 100, Some(cents % 100))
    } else {
        (whole_units(cents), None)
    };
    let number = match (lang, rest) {
        (_, None) => format_count(lang, units),
        (Lang::Fr, Some(r)) => format!("{},{r:02}", format_count(lang, units)),
        (Lang::En, Some(r)) => format!("{}.{r:02}", format_count(lang, units)),
    };
    let Some(code) = currency else {
        return format!("{sign}{number}");
    };
    let symbol = match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        other => other,
    };
    match lang {
        Lang::Fr => format!("{sign}{number}\u{a0}{symbol}"),
        Lang::En if symbol == code => format!("{sign}{code}\u{a0}{number}"),
        Lang::En => format!("{sign}{symbol}{number}"),
    }
}

/// A category's name, in a sentence.
pub fn category_name(lang: Lang, c: Category) -> &'static str {
    let (fr, en) = match c {
        Category::Groceries => ("courses", "groceries"),
        Category::Restaurants => ("restaurants", "restaurants"),
        Category::Fuel => ("carburant", "fuel"),
        Category::ParkingTolls => ("parkings et péages", "parking and tolls"),
        Category::PublicTransport => ("transports en commun", "public transport"),
        Category::Car => ("voiture", "car"),
        Category::Housing => ("logement et énergie", "housing and energy"),
        Category::Telecom => ("téléphone et internet", "phone and internet"),
        Category::Subscriptions => ("abonnements et streaming", "subscriptions and streaming"),
        Category::Health => ("santé", "health"),
        Category::Shopping => ("achats", "shopping"),
        Category::Leisure => ("loisirs", "leisure"),
        Category::Cash => ("retraits d'espèces", "cash withdrawals"),
        Category::Transfers => ("virements", "transfers"),
        Category::Income => ("revenus", "income"),
        Category::Other => ("autres", "other"),
    };
    super::pick(lang, (fr, en))
}

/// `part` of `total` in percent, rounded.
fn share(lang: Lang, part: i64, total: i64) -> String {
    let p = part.max(0).saturating_mul(100).saturating_add(total / 2) / total.max(1);
    percent(lang, u8::try_from(p.clamp(0, 100)).unwrap_or(100))
}

/// "342 transactions between 2024-01-02 and 2024-12-30: 28,540 € in, 27,310 € out, about
/// 2,276 € out a month over 12 months."
pub fn flow(lang: Lang, s: &MoneySummary, cur: Option<&str>) -> String {
    let n = counted(
        lang,
        s.transactions,
        ("opération", "opérations"),
        ("transaction", "transactions"),
    );
    let between = match (s.first.as_deref(), s.last.as_deref(), lang) {
        (Some(a), Some(b), Lang::Fr) if a != b => format!(" du {a} au {b}"),
        (Some(a), Some(b), Lang::En) if a != b => format!(" between {a} and {b}"),
        _ => String::new(),
    };
    let (money_in, money_out) = (
        amount(lang, s.money_in, cur, false),
        amount(lang, s.money_out, cur, false),
    );
    let months = i64::try_from(s.months.len()).unwrap_or(1);
    let per_month = (months > 1).then(|| {
        let each = amount(lang, s.money_out / months, cur, false);
        let m = counted(
            lang,
            months.unsigned_abs(),
            ("mois", "mois"),
            ("month", "months"),
        );
        match lang {
            Lang::Fr => format!(", soit environ {each} dépensés par mois sur {m}"),
            Lang::En => format!(", about {each} out a month over {m}"),
        }
    });
    let per_month = per_month.unwrap_or_default();
    let money_in = match lang {
        _ if s.money_in == 0 => String::new(),
        Lang::Fr => format!("{money_in} entrés, "),
        Lang::En => format!("{money_in} in, "),
    };
    match lang {
        Lang::Fr => format!(
            "Votre relevé compte {n}{between}\u{a0}: {money_in}{money_out} sortis{per_month}."
        ),
        Lang::En => {
            format!("Your statement lists {n}{between}: {money_in}{money_out} out{per_month}.")
        }
    }
}

/// "Where your money goes, from what the labels say: groceries 4,210 € (15%), …"
pub fn categories(lang: Lang, list: &[CategoryTotal], out: i64, cur: Option<&str>) -> String {
    let items: Vec<String> = list
        .iter()
        .take(5)
        .map(|c| {
            format!(
                "{} {} ({})",
                category_name(lang, c.category),
                amount(lang, c.cents, cur, false),
                share(lang, c.cents, out)
            )
        })
        .collect();
    let items = list_and(lang, &items);
    match lang {
        Lang::Fr => format!("Où part votre argent, d'après les libellés\u{a0}: {items}."),
        Lang::En => format!("Where your money goes, from what the labels say: {items}."),
    }
}

/// "Paid most, out of 84 merchants: CARREFOUR MARKET (52 times, 2,310 €), …"
pub fn merchants(lang: Lang, list: &[Merchant], count: u64, cur: Option<&str>) -> String {
    let shown: Vec<String> = list
        .iter()
        .take(5)
        .map(|m| {
            let times = counted(lang, m.count, ("fois", "fois"), ("time", "times"));
            format!(
                "{} ({times}, {})",
                m.name,
                amount(lang, m.cents, cur, false)
            )
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let out_of = counted(
        lang,
        count,
        ("commerçant", "commerçants"),
        ("merchant", "merchants"),
    );
    match lang {
        Lang::Fr => format!("Ceux que vous payez le plus, parmi {out_of}\u{a0}: {listed}."),
        Lang::En => format!("Paid most, out of {out_of}: {listed}."),
    }
}

/// "You pay 9 regular payments, 1,284 € a year: FREE MOBILE 19.99 € a month, …"
pub fn recurring(lang: Lang, list: &[Recurring], cur: Option<&str>) -> String {
    let yearly = list.iter().fold(0i64, |t, r| t.saturating_add(r.yearly));
    let n = counted(
        lang,
        list.len() as u64,
        ("paiement régulier", "paiements réguliers"),
        ("regular payment", "regular payments"),
    );
    let shown: Vec<String> = list
        .iter()
        .map(|r| {
            let each = amount(lang, r.typical, cur, true);
            let per = match (lang, r.period) {
                (Lang::Fr, Period::Monthly) => "par mois",
                (Lang::Fr, Period::Yearly) => "par an",
                (Lang::En, Period::Monthly) => "a month",
                (Lang::En, Period::Yearly) => "a year",
            };
            format!("{} {each} {per}", r.name)
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let total = amount(lang, yearly, cur, false);
    match lang {
        Lang::Fr => format!("Vous avez {n}, {total} par an\u{a0}: {listed}."),
        Lang::En => format!("You pay {n}, {total} a year: {listed}."),
    }
}

/// Card payments by weekday needed to say which weekday is the busiest.
pub const MIN_WEEKDAYS: u64 = 10;

/// "Your card payments name 3 towns: La Rochelle (120 payments), …. You pay by card most on
/// Saturdays (28% of payments)." The weekday is said from [`MIN_WEEKDAYS`] card payments.
pub fn trail(lang: Lang, towns: &[Town], weekdays: &[u64; 7]) -> String {
    let total: u64 = weekdays.iter().sum();
    let (day, most) = weekdays
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or((0, 0), |(d, n)| (d, *n));
    let pct = share(
        lang,
        i64::try_from(most).unwrap_or(0),
        i64::try_from(total).unwrap_or(1),
    );
    let day = weekday_name(lang, day);
    let when = match lang {
        _ if total < MIN_WEEKDAYS => String::new(),
        Lang::Fr => format!("Vous payez par carte surtout le {day} ({pct} des paiements)."),
        Lang::En => format!("You pay by card most on {day}s ({pct} of payments)."),
    };
    if towns.is_empty() {
        return when;
    }
    let shown: Vec<String> = towns
        .iter()
        .map(|t| {
            let n = counted(
                lang,
                t.payments,
                ("paiement", "paiements"),
                ("payment", "payments"),
            );
            format!("{} ({n})", t.name)
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let n = counted(
        lang,
        towns.len() as u64,
        ("ville", "villes"),
        ("town", "towns"),
    );
    let text = match lang {
        Lang::Fr => format!("Vos paiements par carte nomment {n}\u{a0}: {listed}."),
        Lang::En => format!("Your card payments name {n}: {listed}."),
    };
    if when.is_empty() {
        text
    } else {
        format!("{text} {when}")
    }
}

/// "Fuel, parking and tolls: your car cost you €1,520 in 2024 (fuel €1,100, parking €120 and
/// tolls €300)."
pub fn car(lang: Lang, years: &[CarYear], cur: Option<&str>) -> String {
    let each: Vec<String> = years
        .iter()
        .rev()
        .map(|y| {
            let total = amount(
                lang,
                y.fuel.saturating_add(y.parking).saturating_add(y.tolls),
                cur,
                false,
            );
            let parts: Vec<String> = [
                (Category::Fuel, y.fuel, ("carburant", "fuel")),
                (Category::ParkingTolls, y.parking, ("parking", "parking")),
                (Category::ParkingTolls, y.tolls, ("péages", "tolls")),
            ]
            .iter()
            .filter(|p| p.1 > 0)
            .map(|(_, cents, names)| {
                format!(
                    "{} {}",
                    super::pick(lang, *names),
                    amount(lang, *cents, cur, false)
                )
            })
            .collect();
            let parts = list_and(lang, &parts);
            match lang {
                Lang::Fr => format!("{total} en {} ({parts})", y.year),
                Lang::En => format!("{total} in {} ({parts})", y.year),
            }
        })
        .collect();
    let each = list_and(lang, &each);
    match lang {
        Lang::Fr => {
            format!("Carburant, parking et péages\u{a0}: votre voiture vous a coûté {each}.")
        }
        Lang::En => format!("Fuel, parking and tolls: your car cost you {each}."),
    }
}

/// Orders, counted.
fn orders_n(lang: Lang, n: u64) -> String {
    counted(lang, n, ("commande", "commandes"), ("order", "orders"))
}

/// "Your Amazon order history holds 42 orders (57 items), from Sunday 7 February 2021 to
/// Monday 21 October 2024: €3,210 spent. You spent most in 2022: €1,020 (by year: €420 in 2021,
/// …)."
pub fn orders(lang: Lang, s: &MoneySummary, cur: Option<&str>) -> String {
    let n = orders_n(lang, s.orders);
    let items = counted(lang, s.items, ("article", "articles"), ("item", "items"));
    let (first, last) = (s.first.as_deref(), s.last.as_deref());
    let when = match (first.zip(last), lang) {
        (Some((a, b)), Lang::Fr) if a != b => {
            format!(", du {} au {}", long_date(lang, a), long_date(lang, b))
        }
        (Some((a, b)), Lang::En) if a != b => {
            format!(", from {} to {}", long_date(lang, a), long_date(lang, b))
        }
        (Some((a, _)), Lang::Fr) => format!(", le {}", long_date(lang, a)),
        (Some((a, _)), Lang::En) => format!(", on {}", long_date(lang, a)),
        (None, _) => String::new(),
    };
    let total = amount(lang, s.money_out, cur, false);
    let mut years: Vec<(&str, i64)> = Vec::new();
    for m in &s.months {
        let year = m.month.get(..4).unwrap_or_default();
        match years.last_mut() {
            Some(last) if last.0 == year => last.1 = last.1.saturating_add(m.money_out),
            _ => years.push((year, m.money_out)),
        }
    }
    let most = years
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .filter(|_| years.len() > 1);
    let by_year = most.map_or_else(String::new, |(top, cents)| {
        let each: Vec<String> = years
            .iter()
            .map(|(y, c)| match lang {
                Lang::Fr => format!("{} en {y}", amount(lang, *c, cur, false)),
                Lang::En => format!("{} in {y}", amount(lang, *c, cur, false)),
            })
            .collect();
        let (each, most) = (list_and(lang, &each), amount(lang, *cents, cur, false));
        match lang {
            Lang::Fr => format!(
                " C'est en {top} que vous avez le plus dépensé\u{a0}: {most} (par année\u{a0}: \
                 {each})."
            ),
            Lang::En => format!(" You spent most in {top}: {most} (by year: {each})."),
        }
    });
    match lang {
        Lang::Fr => format!(
            "Votre historique Amazon compte {n} ({items}){when}\u{a0}: {total} dépensés.{by_year}"
        ),
        Lang::En => {
            format!("Your Amazon order history holds {n} ({items}){when}: {total} spent.{by_year}")
        }
    }
}

/// "You order on Amazon most on Sundays (12 of your 42 orders), most often between 21:00 and
/// 22:00 (7 orders, Paris time). 3 were placed between midnight and 6:00."
pub fn order_times(lang: Lang, r: &Rhythm) -> String {
    let by_day: Vec<u64> = r.counts.iter().map(|d| d.iter().sum()).collect();
    let by_hour: Vec<u64> = (0..24)
        .map(|h| r.counts.iter().filter_map(|d| d.get(h)).sum())
        .collect();
    let top = |list: &[u64]| {
        list.iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or((0, 0), |(i, n)| (i, *n))
    };
    let ((day, on_day), (hour, at_hour)) = (top(&by_day), top(&by_hour));
    let night: u64 = by_hour.iter().take(6).sum();
    let (day, of) = (weekday_name(lang, day), format_count(lang, on_day));
    let (total, at) = (orders_n(lang, r.total), orders_n(lang, at_hour));
    let clock_at = |h: usize| clock(lang, u16::try_from(h * 60).unwrap_or(0));
    let (from, to) = (clock_at(hour), clock_at(hour + 1));
    let night = match (lang, night) {
        (_, 0) => String::new(),
        (Lang::Fr, n) => format!(
            " Entre minuit et 6\u{a0}h, vous en avez passé {}.",
            format_count(lang, n)
        ),
        (Lang::En, 1) => " One was placed between midnight and 6:00.".to_owned(),
        (Lang::En, n) => format!(
            " {} were placed between midnight and 6:00.",
            format_count(lang, n)
        ),
    };
    match lang {
        Lang::Fr => format!(
            "Vous commandez sur Amazon surtout le {day} ({of} de vos {total}), et le plus \
             souvent entre {from} et {to} ({at}, heure de Paris).{night}"
        ),
        Lang::En => format!(
            "You order on Amazon most on {day}s ({of} of your {total}), most often between \
             {from} and {to} ({at}, Paris time).{night}"
        ),
    }
}

/// "What you order most, out of 51 different products: Lavazza Café en Grains Qualità Oro
/// (6 times, €102), …"; when each was ordered once, the dearest.
pub fn products(lang: Lang, list: &[Product], count: u64, cur: Option<&str>) -> String {
    let again = list.first().is_some_and(|p| p.count > 1);
    let shown: Vec<String> = list
        .iter()
        .take(5)
        .map(|p| {
            let cost = amount(lang, p.cents, cur, false);
            if again {
                let times = counted(lang, p.count, ("fois", "fois"), ("time", "times"));
                format!("{} ({times}, {cost})", p.name)
            } else {
                format!("{} ({cost})", p.name)
            }
        })
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    let listed = names(lang, &shown);
    let out_of = counted(
        lang,
        count,
        ("produit différent", "produits différents"),
        ("different product", "different products"),
    );
    match (lang, again) {
        (Lang::Fr, true) => {
            format!("Ce que vous commandez le plus, parmi {out_of}\u{a0}: {listed}.")
        }
        (Lang::En, true) => format!("What you order most, out of {out_of}: {listed}."),
        (Lang::Fr, false) => format!(
            "Vos {out_of} n'ont été commandés qu'une fois chacun\u{a0}; les plus chers\u{a0}: \
             {listed}."
        ),
        (Lang::En, false) => {
            format!("Your {out_of} were each ordered once; the dearest: {listed}.")
        }
    }
}

/// The line under a statement's or an order history's name.
pub fn summary_line(lang: Lang, s: &MoneySummary) -> String {
    if s.transactions == 0 {
        return match lang {
            Lang::Fr => "Aucune opération lue".to_owned(),
            Lang::En => "No transaction read".to_owned(),
        };
    }
    let mut parts = vec![if s.format == Format::Amazon {
        orders_n(lang, s.orders)
    } else {
        counted(
            lang,
            s.transactions,
            ("opération", "opérations"),
            ("transaction", "transactions"),
        )
    }];
    if let (Some(a), Some(b)) = (&s.first, &s.last) {
        parts.push(match lang {
            Lang::Fr => format!("du {a} au {b}"),
            Lang::En => format!("from {a} to {b}"),
        });
    }
    let cur = s.currency.as_deref();
    parts.push(match lang {
        Lang::Fr if s.format == Format::Amazon => {
            format!("{} dépensés", amount(lang, s.money_out, cur, false))
        }
        Lang::En if s.format == Format::Amazon => {
            format!("{} spent", amount(lang, s.money_out, cur, false))
        }
        Lang::Fr => format!("{} sortis", amount(lang, s.money_out, cur, false)),
        Lang::En => format!("{} out", amount(lang, s.money_out, cur, false)),
    });
    parts.join(" · ")
}

/// How each money finding was reached.
#[allow(clippy::too_many_lines)] // one entry a finding and language
pub fn why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "money_flow") => {
            "Chaque opération du relevé est comptée une fois (les ventilations d'une opération QIF \
             ne le sont pas à part)\u{a0}: les montants positifs sont des entrées, les négatifs \
             des sorties. La moyenne par mois divise les sorties par les mois où il y a des \
             opérations. Les numéros de compte ne sont ni lus ni gardés."
        }
        (Lang::En, "money_flow") => {
            "Each transaction of the statement counts once (the splits of a QIF transaction do \
             not count apart): positive amounts are money in, negative ones money out. The \
             monthly average divides money out by the months with transactions. Account numbers \
             are neither read nor kept."
        }
        (Lang::Fr, "money_categories") => {
            "Chaque dépense est rangée par une courte liste de mots-clés, en français et en \
             anglais, cherchés comme mots entiers dans le libellé, la note et la catégorie \
             (CARREFOUR, LIDL\u{a0}: courses\u{a0}; TOTALENERGIES, ESSO\u{a0}: carburant\u{a0}; \
             PEAGE, PARKING\u{a0}; NETFLIX, SPOTIFY\u{a0}; RETRAIT DAB…), sinon par le type OFX \
             (ATM, XFER). Ce que la liste ne reconnaît pas va dans «\u{a0}autres\u{a0}»."
        }
        (Lang::En, "money_categories") => {
            "Each expense is filed by a short list of French and English keywords, looked for as \
             whole words in the label, memo and category (CARREFOUR, LIDL: groceries; \
             TOTALENERGIES, ESSO: fuel; PEAGE, PARKING; NETFLIX, SPOTIFY; RETRAIT DAB…), else by \
             the OFX type (ATM, XFER). What the list does not know goes to \"other\"."
        }
        (Lang::Fr, "money_merchants") => {
            "Le nom du commerçant est tiré du libellé\u{a0}: sans les mots du moyen de paiement \
             (CB, PAIEMENT CB, PRLV SEPA, VIR), sans les mots qui portent des chiffres (numéro \
             de carte, date comme 12/03, numéro de magasin), sans ce qui suit une référence, \
             sans la ville reconnue à la fin, au plus quatre mots. Les commerçants sont classés \
             par montant payé."
        }
        (Lang::En, "money_merchants") => {
            "The merchant's name is taken from the label: without the words of the means of \
             payment (CB, PAIEMENT CB, PRLV SEPA, VIR), without words holding digits (card \
             number, a date such as 12/03, a store number), without what follows a reference, \
             without a town recognised at the end, four words at most. Merchants are ranked by \
             money paid."
        }
        (Lang::Fr, "money_recurring") => {
            "Un paiement est régulier quand le même commerçant est payé au moins 3\u{a0}fois, \
             avec un écart médian de 26 à 35\u{a0}jours (mensuel) ou de 350 à 380 (annuel), les \
             deux tiers des écarts entre 20 et 40\u{a0}jours (ou 330 et 400) et les trois quarts \
             des montants à 15\u{a0}% près du montant médian. Le coût annuel est ce montant \
             médian fois 12 (ou fois 1)."
        }
        (Lang::En, "money_recurring") => {
            "A payment is regular when the same merchant is paid at least 3 times, the median \
             gap 26 to 35 days (monthly) or 350 to 380 (yearly), two thirds of the gaps between \
             20 and 40 days (or 330 and 400) and three quarters of the amounts within 15% of the \
             median amount. The yearly cost is that median amount times 12 (or times 1)."
        }
        (Lang::Fr, "money_trail") => {
            "Un paiement par carte est une opération de type POS ou dont le libellé commence \
             par CB, CARTE ou PAIEMENT CB. Son jour est la date de la carte écrite dans le \
             libellé (12/03, ou 0403 après CB), sinon la date de l'opération. Les villes sont \
             les derniers mots du libellé quand ils sont le nom d'une commune française d'au \
             moins 1\u{a0}000\u{a0}habitants (liste GeoNames embarquée, SAINT écrit ST)\u{a0}; \
             une ville absente de la liste ou écrite autrement n'est pas vue. Le jour le plus \
             fréquent n'est dit qu'à partir de 10\u{a0}paiements."
        }
        (Lang::En, "money_trail") => {
            "A card payment is a transaction of type POS or whose label opens with CB, CARTE or \
             PAIEMENT CB. Its day is the card's date written in the label (12/03, or 0403 after \
             CB), else the transaction's date. Towns are the label's last words when they are \
             the name of a French commune of at least 1,000 inhabitants (the bundled GeoNames \
             list, SAINT written ST); a town missing from the list or spelled otherwise is not \
             seen. The busiest weekday is said from 10 payments on."
        }
        (Lang::Fr, "money_car") => {
            "La somme, par année, des dépenses rangées en carburant et en parkings et péages \
             (péage, autoroute, SANEF, APRR… pour les péages). L'entretien, l'assurance et \
             l'achat de la voiture n'y sont pas."
        }
        (Lang::En, "money_car") => {
            "The sum, by year, of the expenses filed as fuel and as parking and tolls (PEAGE, \
             AUTOROUTE, SANEF, APRR… for tolls). Upkeep, insurance and buying the car are not \
             in it."
        }
        (Lang::Fr, "amazon_orders") => {
            "Chaque ligne de l'historique est un article d'une expédition\u{a0}: les commandes \
             annulées sont laissées de côté, les autres comptées une fois par numéro de commande \
             (le numéro n'est pas gardé), les articles par leur quantité. Le montant d'un \
             article est ce qui était dû (Total Owed, ou Total Amount en 2025), taxes, port et \
             remises compris, à la date de la commande. Adresses, moyens de paiement, numéros \
             de suivi et messages cadeaux ne sont ni lus ni gardés."
        }
        (Lang::En, "amazon_orders") => {
            "Each row of the history is one item of one shipment: cancelled orders are left out, \
             the others counted once per order number (the number is not kept), items by their \
             quantity. An item's amount is what was owed (Total Owed, or Total Amount in 2025), \
             tax, shipping and discounts included, on the order's date. Addresses, payment \
             methods, tracking numbers and gift messages are neither read nor kept."
        }
        (Lang::Fr, "amazon_times") => {
            "Chaque commande est placée à son jour de la semaine et à son heure, en heure de \
             Paris (le fichier écrit l'heure UTC)\u{a0}; une heure pile à la seconde près \
             (12:00:00) est prise pour une date sans heure et n'est pas comptée. Dit à partir de \
             10\u{a0}commandes datées."
        }
        (Lang::En, "amazon_times") => {
            "Each order is placed at its weekday and hour, Paris time (the file writes UTC); a \
             time exactly on the hour (12:00:00) is taken for a date without its time and not \
             counted. Said from 10 dated orders on."
        }
        (Lang::Fr, "amazon_products") => {
            "Le nom du produit est raccourci avant la première virgule, le premier tiret, barre \
             ou parenthèse qui suit au moins deux mots (tailles, lots et arguments de vente), \
             dix mots au plus\u{a0}; les produits de même nom court sont réunis. Classés par \
             nombre de commandes, puis par montant."
        }
        (Lang::En, "amazon_products") => {
            "The product's name is cut before the first comma, dash, bar or bracket that follows \
             two words at least (sizes, packs and selling points), ten words at most; products \
             with the same short name are merged. Ranked by times ordered, then by money spent."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_way_each_language_does() {
        assert_eq!(
            amount(Lang::Fr, 128_450, Some("EUR"), true),
            "1\u{202f}284,50\u{a0}€"
        );
        assert_eq!(amount(Lang::En, 128_450, Some("EUR"), true), "€1,284.50");
        assert_eq!(amount(Lang::En, 128_450, Some("EUR"), false), "€1,285");
        assert_eq!(amount(Lang::Fr, 128_450, None, false), "1\u{202f}285");
        assert_eq!(amount(Lang::Fr, -660, Some("CAD"), true), "-6,60\u{a0}CAD");
        assert_eq!(amount(Lang::En, 660, Some("CAD"), true), "CAD\u{a0}6.60");
    }
}
