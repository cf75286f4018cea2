//! A French bank's CSV export of an account's transactions (formats.md section 17).
//!
//! Shape: `;` separated, decimal commas (`1 234,56`), `dd/mm/yyyy` dates, Windows-1252 or UTF-8
//! (with or without a byte-order mark), and often lines before the header (the account's
//! number, the period, a balance). Layouts differ per bank, so the header is found by its names
//! (any case, with or without accents): a date (`Date`, `Date opération`; not `Date valeur`), a
//! label (`Libellé`, `Libellé simplifié`, `Libellé opération`) and either a signed amount
//! (`Montant`, `Montant(EUROS)`) or separate `Débit` and `Crédit` columns (a debit counts as
//! money out whether written with a minus or not). A `Catégorie` column is read as the category
//! as written, a `Devise` column as the currency (`EUR` otherwise). Preamble lines (the account
//! number, the IBAN) and every other column are not read.
//!
//! A file that does not end with a line break and whose last row misses a column, a readable
//! date, or an amount with its two decimals, was cut off: that row is left out. A last row
//! whose last column is empty or a label cannot be told from a whole one.

use std::io::Read;

use super::{bank, linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::text::decode;
use crate::model::money::{fold, Format, Transaction};
use crate::model::Sink;

/// French bank CSV exports.
pub struct BankCsv;

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    date: usize,
    label: usize,
    amount: Option<usize>,
    debit: Option<usize>,
    credit: Option<usize>,
    category: Option<usize>,
    currency: Option<usize>,
}

impl Columns {
    /// The columns of a header row, if it is one.
    fn of<'a>(header: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        let names: Vec<String> = header.into_iter().map(fold).collect();
        let find = |start: &str| names.iter().position(|n| n.starts_with(start));
        let columns = Columns {
            date: names
                .iter()
                .position(|n| n.starts_with(" DATE") && !n.contains("VALEUR"))?,
            label: find(" LIBELLE")?,
            amount: find(" MONTANT"),
            debit: find(" DEBIT"),
            credit: find(" CREDIT"),
            category: find(" CATEGORIE"),
            currency: find(" DEVISE"),
        };
        (columns.amount.is_some() || columns.debit.is_some() || columns.credit.is_some())
            .then_some(columns)
    }

    fn cell(row: &csv::StringRecord, i: Option<usize>) -> Option<&str> {
        i.and_then(|i| row.get(i))
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }

    /// The amount in cents: the signed amount, or the credit less the debit.
    fn cents(self, row: &csv::StringRecord) -> Option<i64> {
        if let Some(a) = Self::cell(row, self.amount) {
            return bank::cents(a);
        }
        let debit = Self::cell(row, self.debit).map(bank::cents);
        let credit = Self::cell(row, self.credit).map(bank::cents);
        match (debit, credit) {
            (Some(d), None) => d.map(|d| -d.abs()),
            (None, Some(c)) => c.map(i64::abs),
            (Some(d), Some(c)) => Some(c?.abs() - d?.abs()),
            (None, None) => None,
        }
    }

    /// Whether a last row without a line break after it is whole: all its columns, its date,
    /// and its amounts with two decimals.
    fn whole(self, row: &csv::StringRecord) -> bool {
        let two_decimals = |i: Option<usize>| {
            Self::cell(row, i).is_none_or(|a| a.rfind([',', '.']).is_some_and(|p| a.len() - p == 3))
        };
        Self::cell(row, Some(self.date))
            .and_then(bank::french_date)
            .is_some()
            && two_decimals(self.amount)
            && two_decimals(self.debit)
            && two_decimals(self.credit)
            && self.cents(row).is_some()
    }

    fn hand_over(self, row: &csv::StringRecord, out: &mut dyn Sink) {
        let at = Self::cell(row, Some(self.date)).and_then(bank::french_date);
        let (Some(at), Some(cents)) = (at, self.cents(row)) else {
            return;
        };
        out.transaction(&Transaction {
            at,
            cents,
            currency: Self::cell(row, self.currency).or(Some("EUR")),
            label: Self::cell(row, Some(self.label)),
            memo: None,
            category: Self::cell(row, self.category),
            kind: None,
        });
    }
}

impl Source for BankCsv {
    fn id(&self) -> &'static str {
        "bank.csv"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Relevé bancaire CSV (banque française)",
            Lang::En => "Bank statement (French bank CSV)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::BANK
    }

    fn money(&self) -> Option<Format> {
        Some(Format::Csv)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let mut text = String::new();
        // A character cut by the end of the head is fine.
        let _ = decode(head, &b""[..]).read_to_string(&mut text);
        let found = text
            .lines()
            .take(20)
            .any(|l| l.contains(';') && Columns::of(l.split(';')).is_some());
        found.then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        // The shared reader takes the first line of a steady width for the header: a preamble of
        // that width is passed over here, until the row that names the columns.
        let mut columns: Option<Option<Columns>> = None;
        let end = linkedin::read(reader, &mut |header, record| match *columns
            .get_or_insert_with(|| Columns::of(header.iter()))
        {
            Some(c) => c.hand_over(record, out),
            None => columns = Some(Columns::of(record.iter())),
        });
        let end = match end {
            Ok(end) => end,
            Err(kind) => return Some(kind),
        };
        let Some(c) = columns.flatten().or_else(|| Columns::of(end.header.iter())) else {
            return Some(ErrorKind::WrongType);
        };
        match end.last_whole(|record| c.whole(record)) {
            Ok(Some(record)) => {
                c.hand_over(record, out);
                None
            }
            Ok(None) => None,
            Err(kind) => Some(kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::days_from_civil;
    use crate::sources::collect;

    #[test]
    fn both_layouts_are_read() {
        let debit_credit =
            "Compte courant;0001234567\r\n\r\nDate;Libellé;Débit euros;Crédit euros\r\n\
12/03/2024;CB CARREFOUR MARKET 11/03;23,45;\r\n28/03/2024;VIR SEPA SALAIRE;;2 150,00\r\n";
        let latin1: Vec<u8> = debit_credit
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        let signed = "\u{feff}Date opération;Date valeur;Libellé;Montant;Devise\n\
12/03/2024;13/03/2024;CB CARREFOUR MARKET 11/03;-23,45;EUR\n\
28/03/2024;28/03/2024;VIR SEPA SALAIRE;2150,00;EUR\n";
        for file in [&latin1[..], signed.as_bytes()] {
            assert!(BankCsv.detect("x.csv", file).is_some());
            let (got, error) = collect(&BankCsv, file);
            assert_eq!(error, None);
            let found: Vec<(i64, i64, &str)> = got
                .transactions
                .iter()
                .map(|t| (t.at, t.cents, t.label.as_deref().unwrap()))
                .collect();
            assert_eq!(
                found,
                [
                    (
                        days_from_civil(2024, 3, 12) * 86_400,
                        -2345,
                        "CB CARREFOUR MARKET 11/03"
                    ),
                    (
                        days_from_civil(2024, 3, 28) * 86_400,
                        215_000,
                        "VIR SEPA SALAIRE"
                    )
                ]
            );
            // Cut in the last amount.
            let cut = &file[..file.len() - 8];
            let (got, error) = collect(&BankCsv, cut);
            assert_eq!(error, Some(ErrorKind::Truncated));
            assert_eq!(got.transactions.len(), 1);
        }
        assert!(BankCsv.detect("x.csv", b"Horodate;Valeur\n").is_none());
    }
}
