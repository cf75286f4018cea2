//! A bank, card or cash account in QIF (Quicken Interchange Format), as banks and money
//! programs export it (formats.md section 17).
//!
//! Shape: lines, each a one-letter field and its value; `^` ends a record; `!Type:Bank`,
//! `!Type:CCard`, `!Type:Cash`, `!Type:Oth A`, `!Type:Oth L` open a list of transactions;
//! `!Type:Invst`, `!Type:Cat`, `!Type:Class`, `!Type:Security`, `!Account` open lists that are
//! not (left out); `!Option:` and `!Clear:` lines are skipped. Fields read: `D` the date, `T` (or
//! `U`) the amount, `P` the payee (the label), `M` the memo, `L` the category as written
//! (`[Account]` is a transfer). A split's `S`/`E`/`$` lines are not read: the transaction is
//! handed over once, whole, with its `T`. `N` (cheque number), `C` (cleared) and `A` (address)
//! are not read. Encoding: UTF-8, or Windows-1252 as Quicken and French banks often write.
//!
//! Dates are locale-dependent: `2/14'2020` and `2/14'20` (Quicken US, the `'` before years from
//! 2000), `14/02/2020`, `02/14/20`, `2020-02-14`. Day and month order is inferred from the file's
//! first bytes: a first number above 12 says day first, a second one month first; without one,
//! a `'` says month first (Quicken US), else day first. Two-digit years are 20xx with a `'` or
//! below 70, 19xx otherwise.
//!
//! A file whose last line is not `^` (nor a `!` header) was cut off: the record it was cut in
//! is left out. Lines longer than 64 KB stop the file.

use std::io::{BufRead, BufReader, Read};

use super::{bank, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::{read_prefix, text::decode, HEAD_LEN};
use crate::model::money::{Format, Transaction};
use crate::model::Sink;

/// QIF files.
pub struct BankQif;

const MAX_LINE: u64 = 64 * 1024;

/// The numbers of a QIF date (`2/14'2020` → 2, 14, 2020), and whether it has a `'`.
fn numbers(text: &str) -> Option<([i64; 3], usize, bool)> {
    let text = text.trim().replace(' ', "");
    let quote = text.contains('\'');
    let parts: Vec<&str> = text.split(['/', '-', '.', '\'']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let n = |s: &str| s.parse::<i64>().ok().filter(|_| s.len() <= 4);
    Some(([n(a)?, n(b)?, n(c)?], c.len(), quote))
}

/// A QIF date, `day_first` or month first, to epoch seconds at its midnight (UTC).
fn qif_date(text: &str, day_first: bool) -> Option<i64> {
    let ([a, b, c], year_len, quote) = numbers(text)?;
    if a > 31 {
        return bank::day(a, b, c);
    }
    let year = match year_len {
        4 => c,
        1 | 2 if quote || c < 70 => 2000 + c,
        2 => 1900 + c,
        _ => return None,
    };
    if day_first {
        bank::day(year, b, a)
    } else {
        bank::day(year, a, b)
    }
}

/// Whether dates are written day first, from the `D` lines of the first bytes.
fn day_first(head: &str) -> bool {
    let mut quote = false;
    for line in head.lines() {
        let Some(([a, b, _], _, q)) = line.strip_prefix('D').and_then(numbers) else {
            continue;
        };
        quote |= q;
        if a > 31 {
            continue;
        }
        if a > 12 {
            return true;
        }
        if b > 12 {
            return false;
        }
    }
    !quote
}

/// Whether a `!` line opens a list of transactions.
fn transactions(header: &str) -> bool {
    let kind = header.trim().to_ascii_lowercase();
    [
        "!type:bank",
        "!type:ccard",
        "!type:cash",
        "!type:oth a",
        "!type:oth l",
    ]
    .iter()
    .any(|t| kind == *t)
}

#[derive(Default)]
struct Record {
    date: Option<String>,
    amount: Option<String>,
    payee: Option<String>,
    memo: Option<String>,
    category: Option<String>,
}

impl Source for BankQif {
    fn id(&self) -> &'static str {
        "bank.qif"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Relevé bancaire QIF",
            Lang::En => "Bank statement (QIF)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::BANK
    }

    fn money(&self) -> Option<Format> {
        Some(Format::Qif)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let text = String::from_utf8_lossy(crate::ingest::text::without_bom(head));
        let header = |l: &str| {
            let l = l.trim_start().to_ascii_lowercase();
            l.starts_with("!type:") || l.starts_with("!account") || l.starts_with("!option:")
        };
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(header);
        let named = path
            .rsplit('.')
            .next()
            .is_some_and(|e| e.eq_ignore_ascii_case("qif"))
            && text.lines().take(40).any(header);
        (first || named).then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let Ok(head) = read_prefix(reader, HEAD_LEN) else {
            return Some(ErrorKind::Unreadable);
        };
        let mut text = BufReader::new(decode(&head, reader));
        let mut probe = String::new();
        let _ = decode(&head, &b""[..]).read_to_string(&mut probe);
        let day_first = day_first(&probe);
        let (mut listing, mut headed, mut record) = (false, false, Record::default());
        let mut line = Vec::new();
        let mut last_end = true;
        loop {
            line.clear();
            match (&mut text).take(MAX_LINE).read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) if line.len() as u64 >= MAX_LINE && line.last() != Some(&b'\n') => {
                    return Some(ErrorKind::TooLarge);
                }
                Ok(_) => {}
                Err(_) => return Some(ErrorKind::Unreadable),
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.trim().is_empty() {
                continue;
            }
            last_end = false;
            let value = || Some(l.get(1..).unwrap_or_default().trim().to_owned());
            match l.chars().next() {
                Some('!') => {
                    let option = l.to_ascii_lowercase();
                    if !option.starts_with("!option") && !option.starts_with("!clear") {
                        listing = transactions(l);
                        headed = true;
                        record = Record::default();
                    }
                    last_end = true;
                }
                Some('^') => {
                    last_end = true;
                    let r = std::mem::take(&mut record);
                    if !listing {
                        continue;
                    }
                    let at = r.date.as_deref().and_then(|d| qif_date(d, day_first));
                    let cents = r.amount.as_deref().and_then(bank::cents);
                    if let (Some(at), Some(cents)) = (at, cents) {
                        out.transaction(&Transaction {
                            at,
                            cents,
                            currency: None,
                            label: r.payee.as_deref().or(r.memo.as_deref()),
                            memo: r.memo.as_deref().filter(|_| r.payee.is_some()),
                            category: r.category.as_deref(),
                            kind: None,
                        });
                    }
                }
                // The first date only: a split may carry its own.
                Some('D') if record.date.is_none() => record.date = value(),
                Some('T' | 'U') if record.amount.is_none() => record.amount = value(),
                Some('P') => record.payee = value(),
                Some('M') => record.memo = value(),
                Some('L') => record.category = value(),
                _ => {}
            }
        }
        bank::verdict(headed, last_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::days_from_civil;
    use crate::sources::collect;

    #[test]
    fn dates_in_both_orders() {
        let d = |y, m, dd| days_from_civil(y, m, dd) * 86_400;
        assert_eq!(qif_date("2/14'2020", false), Some(d(2020, 2, 14)));
        assert_eq!(qif_date("2/14' 2", false), Some(d(2002, 2, 14)));
        assert_eq!(qif_date("14/02/2020", true), Some(d(2020, 2, 14)));
        assert_eq!(qif_date("02/14/20", false), Some(d(2020, 2, 14)));
        assert_eq!(qif_date("2020-02-14", true), Some(d(2020, 2, 14)));
        assert_eq!(qif_date("14/02/2020", false), None);
        assert!(day_first("!Type:Bank\nD03/04/2024\n^\nD14/04/2024\n"));
        assert!(!day_first("!Type:Bank\nD2/10'2020\n^\nD2/14'2020\n"));
        assert!(!day_first("!Type:Bank\nD2/10'2020\n"));
        assert!(day_first("!Type:Bank\nD02/03/2024\n"));
    }

    #[test]
    fn a_split_transaction_counts_once_and_other_lists_not_at_all() {
        let file =
            b"!Type:Cat\nNFood\n^\n!Type:Bank\nD2/12'2020\nT-10.00\nPTarget\nLFood:Groceries\n\
SFood:Groceries\n$-5.00\nSFood:Groceries\n$-5.00\n^\n!Type:Invst\nD2/14'2020\nT32.00\n^\n";
        assert!(BankQif.detect("a.qif", file).is_some());
        let (got, error) = collect(&BankQif, file);
        assert_eq!(error, None);
        assert_eq!(got.transactions.len(), 1);
        let t = &got.transactions[0];
        assert_eq!(t.cents, -1000);
        assert_eq!(t.label.as_deref(), Some("Target"));
        assert_eq!(t.category.as_deref(), Some("Food:Groceries"));
        let (got, error) = collect(&BankQif, &file[..file.len() - 12]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(got.transactions.len(), 1);
        assert_eq!(collect(&BankQif, b"").1, Some(ErrorKind::WrongType));
    }
}
