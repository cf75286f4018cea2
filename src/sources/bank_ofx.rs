//! A bank or credit-card statement in OFX (Open Financial Exchange), or Quicken's QFX, as banks
//! let their customers download it (formats.md section 17).
//!
//! Shapes: OFX 1.x is SGML: a text header (`OFXHEADER:100`, `DATA:OFXSGML`, `CHARSET:1252`…),
//! a blank line, then `<OFX>` with **unclosed leaf tags** (`<TRNAMT>-6.60<FITID>…`); OFX 2.x is
//! XML, opened by `<?OFX OFXHEADER="200" VERSION="2xx"?>`, every tag closed. QFX is OFX with
//! Intuit's tags (`<INTU.BID>`). Bank statements sit in
//! `BANKMSGSRSV1/STMTTRNRS/STMTRS`, card statements in `CREDITCARDMSGSRSV1/CCSTMTTRNRS/CCSTMTRS`;
//! both list `BANKTRANLIST/STMTTRN{TRNTYPE, DTPOSTED, TRNAMT, FITID, NAME, MEMO}` and the
//! statement's `CURDEF`.
//!
//! Both shapes are read by one streaming tokenizer: a leaf's value is the text up to the next
//! tag, whether a closing tag follows or not. Each `STMTTRN` is handed over when it closes (its
//! closing tag, required in both versions): `DTPOSTED` (`YYYYMMDD[HHMMSS[.XXX]][[-5:EST]]`: a
//! day alone at its midnight UTC, a time turned into UTC by its offset, or read as UTC without
//! one, as the specification says), `TRNAMT` (decimal point, or comma as some French banks
//! write it), `NAME` as the label (or `PAYEE/NAME`; `MEMO` when it is `NAME` written whole, as
//! banks do when a label runs past `NAME`'s 32 characters), `MEMO`, `TRNTYPE` and the statement's
//! `CURDEF`. `FITID`, `CHECKNUM`, balances, and the account (`BANKID`, `BRANCHID`, `ACCTID`,
//! `ACCTTYPE`) are not read.
//!
//! A file without `<OFX>` is not a statement; one without `</OFX>` was cut off (the transaction
//! it was cut in is left out).

use std::io::{BufRead, BufReader, Read};

use super::{bank, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::{read_prefix, text::decode, HEAD_LEN};
use crate::model::money::{Format, Transaction};
use crate::model::Sink;

/// OFX and QFX statements.
pub struct BankOfx;

/// Longest value kept, in bytes.
const MAX_VALUE: usize = 256;

/// The leaves read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Type,
    Posted,
    Amount,
    Name,
    Memo,
    Currency,
}

#[derive(Default)]
struct Fields {
    kind: String,
    posted: String,
    amount: String,
    name: String,
    memo: String,
}

/// An OFX date to epoch seconds (UTC): `20090401`, `20090401122017.000[-5:EST]`,
/// `20240312101500[+1]`.
fn ofx_date(text: &str) -> Option<i64> {
    let text = text.trim();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = text.get(r)?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let midnight = bank::day(digits(0..4)?, digits(4..6)?, digits(6..8)?)?;
    let Some(hour) = digits(8..10) else {
        return Some(midnight);
    };
    let (minute, second) = (digits(10..12)?, digits(12..14).unwrap_or(0));
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // `[-5:EST]`, `[+5.5]`: hours from UTC.
    let offset = text
        .split_once('[')
        .and_then(|(_, zone)| zone.split([':', ']']).next())
        .and_then(|h| h.trim().parse::<f64>().ok())
        .filter(|h| h.abs() <= 14.0)
        .unwrap_or(0.0);
    #[allow(clippy::cast_possible_truncation)] // within ±14 hours
    let offset = (offset * 3600.0).round() as i64;
    Some(midnight + hour * 3600 + minute * 60 + second - offset)
}

/// A value's entities decoded (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;`).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
}

/// The tokenizer's state.
struct Reader<'o> {
    out: &'o mut dyn Sink,
    /// Inside a tag (`<…>`), or in text.
    in_tag: bool,
    tag: Vec<u8>,
    value: Vec<u8>,
    leaf: Option<Leaf>,
    current: Option<Fields>,
    currency: String,
    opened: bool,
    closed: bool,
}

impl Reader<'_> {
    fn byte(&mut self, b: u8) {
        match (self.in_tag, b) {
            (false, b'<') => {
                self.text_done();
                self.in_tag = true;
                self.tag.clear();
            }
            (false, _) => {
                if self.leaf.is_some() && self.value.len() < MAX_VALUE {
                    self.value.push(b);
                }
            }
            (true, b'>') => {
                self.in_tag = false;
                self.tag_done();
            }
            (true, _) => {
                if self.tag.len() < 64 {
                    self.tag.push(b);
                }
            }
        }
    }

    /// The text before a tag: the value of the leaf opened last, if one is read.
    fn text_done(&mut self) {
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        let value = unescape(String::from_utf8_lossy(&self.value).trim());
        self.value.clear();
        if leaf == Leaf::Currency {
            self.currency = value;
            return;
        }
        let Some(f) = self.current.as_mut() else {
            return;
        };
        let field = match leaf {
            Leaf::Type => &mut f.kind,
            Leaf::Posted => &mut f.posted,
            Leaf::Amount => &mut f.amount,
            // `PAYEE/NAME` after a `NAME` leaves it be.
            Leaf::Name if !f.name.is_empty() => return,
            Leaf::Name => &mut f.name,
            Leaf::Memo => &mut f.memo,
            Leaf::Currency => return,
        };
        *field = value;
    }

    fn tag_done(&mut self) {
        let tag = String::from_utf8_lossy(&self.tag).into_owned();
        let tag = tag.trim().trim_end_matches('/');
        if tag.starts_with(['?', '!']) {
            return;
        }
        let (closing, name) = match tag.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, tag.split_whitespace().next().unwrap_or_default()),
        };
        let name = name.to_ascii_uppercase();
        self.leaf = None;
        self.value.clear();
        match (closing, name.as_str()) {
            (false, "OFX") => self.opened = true,
            (true, "OFX") => self.closed = true,
            (false, "STMTTRN") => self.current = Some(Fields::default()),
            (true, "STMTTRN") => self.hand_over(),
            (false, "STMTRS" | "CCSTMTRS") => self.currency.clear(),
            (false, "CURDEF") => self.leaf = Some(Leaf::Currency),
            (false, "TRNTYPE") => self.leaf = Some(Leaf::Type),
            (false, "DTPOSTED") => self.leaf = Some(Leaf::Posted),
            (false, "TRNAMT") => self.leaf = Some(Leaf::Amount),
            (false, "NAME") => self.leaf = Some(Leaf::Name),
            (false, "MEMO") => self.leaf = Some(Leaf::Memo),
            _ => {}
        }
    }

    fn hand_over(&mut self) {
        let Some(f) = self.current.take() else {
            return;
        };
        let (Some(at), Some(cents)) = (ofx_date(&f.posted), bank::cents(&f.amount)) else {
            return;
        };
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        // A label cut at `NAME`'s 32 characters and written whole in `MEMO`: the memo is it.
        let whole = !f.name.is_empty() && f.memo.starts_with(&f.name);
        let (name, memo) = if whole {
            (some(&f.memo), None)
        } else {
            (some(&f.name), some(&f.memo))
        };
        self.out.transaction(&Transaction {
            at,
            cents,
            currency: Some(self.currency.as_str()).filter(|c| !c.is_empty()),
            label: name.as_deref().or(memo.as_deref()),
            memo: memo.as_deref().filter(|_| name.is_some()),
            category: None,
            kind: Some(f.kind.as_str()).filter(|k| !k.is_empty()),
        });
    }
}

impl Source for BankOfx {
    fn id(&self) -> &'static str {
        "bank.ofx"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Relevé bancaire OFX ou QFX",
            Lang::En => "Bank statement (OFX or QFX)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::BANK
    }

    fn money(&self) -> Option<Format> {
        Some(Format::Ofx)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let text = String::from_utf8_lossy(crate::ingest::text::without_bom(head));
        let start = text.trim_start();
        let ofx = start.starts_with("OFXHEADER:")
            || start.starts_with("<?OFX")
            || (start.starts_with("<?xml") && text.contains("<?OFX") && text.contains("<OFX>"));
        ofx.then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let Ok(head) = read_prefix(reader, HEAD_LEN) else {
            return Some(ErrorKind::Unreadable);
        };
        let mut text = BufReader::new(decode(&head, reader));
        let mut r = Reader {
            out,
            in_tag: false,
            tag: Vec::new(),
            value: Vec::new(),
            leaf: None,
            current: None,
            currency: String::new(),
            opened: false,
            closed: false,
        };
        loop {
            let chunk = match text.fill_buf() {
                Ok([]) => break,
                Ok(chunk) => chunk,
                Err(_) => return Some(ErrorKind::Unreadable),
            };
            for &b in chunk {
                r.byte(b);
            }
            let n = chunk.len();
            text.consume(n);
        }
        bank::verdict(r.opened, r.closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::days_from_civil;
    use crate::sources::collect;

    #[test]
    fn ofx_dates_in_every_precision() {
        let day = days_from_civil(2009, 4, 1) * 86_400;
        assert_eq!(ofx_date("20090401"), Some(day));
        assert_eq!(
            ofx_date("20090401122017.000[-5:EST]"),
            Some(day + 17 * 3600 + 20 * 60 + 17)
        );
        assert_eq!(
            ofx_date("20090401122017"),
            Some(day + 12 * 3600 + 20 * 60 + 17)
        );
        assert_eq!(ofx_date("20090401120000[+1:CET]"), Some(day + 11 * 3600));
        assert_eq!(ofx_date("2009040"), None);
        assert_eq!(ofx_date("20091301"), None);
    }

    #[test]
    fn sgml_and_xml_statements_are_read_alike() {
        let sgml = b"OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>\
<CURDEF>EUR<BANKACCTFROM><BANKID>30004<ACCTID>00012345678</BANKACCTFROM><BANKTRANLIST>\
<STMTTRN><TRNTYPE>POS<DTPOSTED>20240312<TRNAMT>-23,45<FITID>1<NAME>CB CARREFOUR &amp; CIE\
<MEMO>12/03 LA ROCHELLE</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        let xml = b"<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\"?>\n<OFX>\
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>EUR</CURDEF><BANKTRANLIST><STMTTRN>\
<TRNTYPE>POS</TRNTYPE><DTPOSTED>20240312</DTPOSTED><TRNAMT>-23.45</TRNAMT><NAME>CB CARREFOUR \
&amp; CIE</NAME><MEMO>12/03 LA ROCHELLE</MEMO></STMTTRN></BANKTRANLIST></CCSTMTRS>\
</CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>";
        for file in [&sgml[..], &xml[..]] {
            assert!(BankOfx.detect("x.ofx", file).is_some());
            let (got, error) = collect(&BankOfx, file);
            assert_eq!(error, None);
            assert_eq!(got.transactions.len(), 1);
            let t = &got.transactions[0];
            assert_eq!(t.cents, -2345);
            assert_eq!(t.at, days_from_civil(2024, 3, 12) * 86_400);
            assert_eq!(t.label.as_deref(), Some("CB CARREFOUR & CIE"));
            assert_eq!(t.memo.as_deref(), Some("12/03 LA ROCHELLE"));
            assert_eq!(t.currency.as_deref(), Some("EUR"));
            assert_eq!(t.kind.as_deref(), Some("POS"));
            // Cut inside the transaction: nothing, and said so.
            let end = file.windows(10).position(|w| w == b"</STMTTRN>").unwrap();
            let (got, error) = collect(&BankOfx, &file[..end - 3]);
            assert_eq!(error, Some(ErrorKind::Truncated));
            assert!(got.transactions.is_empty());
        }
        assert_eq!(
            collect(&BankOfx, b"{\"a\": 1}").1,
            Some(ErrorKind::WrongType)
        );
    }
}
