//! Text encodings: UTF-8 (with or without a byte-order mark), UTF-16 with a mark, and a
//! Windows-1252 fallback for the French CSV exports that are not UTF-8 (Enedis, some banks).
//!
//! [`Decoded`] turns any of them into a UTF-8 stream, chunk by chunk.

use std::io::{self, Read};

/// `bytes` without the UTF-8 byte-order mark it may start with.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The encoding a text stream was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Windows-1252's bytes 0x80–0x9F (the rest of the upper half is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn cp1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or('\u{fffd}'),
        _ => char::from(byte),
    }
}

/// Guesses the encoding from the first bytes: a byte-order mark, else UTF-8 if they are valid
/// UTF-8 (a character cut at the end is fine), else Windows-1252. Returns the mark's length too.
pub fn sniff(head: &[u8]) -> (Encoding, usize) {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        _ => match std::str::from_utf8(head) {
            Ok(_) => (Encoding::Utf8, 0),
            Err(e) if e.error_len().is_none() => (Encoding::Utf8, 0),
            Err(_) => (Encoding::Windows1252, 0),
        },
    }
}

/// A UTF-8 view of a text stream in any [`Encoding`].
pub struct Decoded<R> {
    inner: R,
    encoding: Encoding,
    /// Decoded bytes not yet handed out.
    out: Vec<u8>,
    out_pos: usize,
    /// An odd byte of UTF-16 waiting for its pair.
    carry: Option<u8>,
    /// A high surrogate waiting for its low half.
    surrogate: Option<u16>,
    /// The start of a UTF-8 character cut by the end of the last chunk.
    pending: Vec<u8>,
    raw: Vec<u8>,
}

impl<R: Read> Decoded<R> {
    /// Decodes `inner`, whose mark (if any) has already been read, as `encoding`.
    pub fn new(inner: R, encoding: Encoding) -> Self {
        Decoded {
            inner,
            encoding,
            out: Vec::new(),
            out_pos: 0,
            carry: None,
            surrogate: None,
            pending: Vec::new(),
            raw: vec![0; 64 * 1024],
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// UTF-8, with any byte that is not valid UTF-8 read as Windows-1252: a file that looked like
    /// UTF-8 in its first bytes may still hold a stray `é` written by an old program further on.
    fn utf8(&mut self, chunk: &[u8]) {
        let mut data = std::mem::take(&mut self.pending);
        data.extend_from_slice(chunk);
        let mut rest = data.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    self.out.extend_from_slice(valid.as_bytes());
                    return;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    self.out.extend_from_slice(valid);
                    let Some(len) = e.error_len() else {
                        // Cut by the end of the chunk: keep it for the next one.
                        self.pending = after.to_vec();
                        return;
                    };
                    let (bad, tail) = after.split_at(len.min(after.len()));
                    for &b in bad {
                        self.push_char(cp1252(b));
                    }
                    rest = tail;
                }
            }
        }
    }

    fn refill(&mut self) -> io::Result<bool> {
        let n = self.inner.read(&mut self.raw)?;
        self.out.clear();
        self.out_pos = 0;
        if n == 0 {
            // A character cut by the end of the file: show its bytes as Windows-1252.
            let rest = std::mem::take(&mut self.pending);
            for b in rest {
                self.push_char(cp1252(b));
            }
            return Ok(!self.out.is_empty());
        }
        let raw = std::mem::take(&mut self.raw);
        let chunk = raw.get(..n).unwrap_or_default();
        match self.encoding {
            Encoding::Utf8 => self.utf8(chunk),
            Encoding::Windows1252 => {
                for &b in chunk {
                    self.push_char(cp1252(b));
                }
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                for &b in chunk {
                    let Some(first) = self.carry.take() else {
                        self.carry = Some(b);
                        continue;
                    };
                    let unit = if self.encoding == Encoding::Utf16Le {
                        u16::from_le_bytes([first, b])
                    } else {
                        u16::from_be_bytes([first, b])
                    };
                    let c = match (self.surrogate.take(), unit) {
                        (None, 0xD800..=0xDBFF) => {
                            self.surrogate = Some(unit);
                            continue;
                        }
                        (Some(high), 0xDC00..=0xDFFF) => char::decode_utf16([high, unit])
                            .next()
                            .and_then(Result::ok)
                            .unwrap_or('\u{fffd}'),
                        (_, unit) => char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}'),
                    };
                    self.push_char(c);
                }
            }
        }
        self.raw = raw;
        Ok(true)
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos >= self.out.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let available = self.out.get(self.out_pos..).unwrap_or_default();
        let n = available.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.out_pos += n;
        Ok(n)
    }
}

/// Opens a text stream: sniffs its encoding from `head` (its first bytes, already read) and returns
/// a UTF-8 reader over `head` followed by the rest.
pub fn decode<'a>(head: &'a [u8], rest: impl Read + 'a) -> Decoded<impl Read + 'a> {
    let (encoding, mark) = sniff(head);
    let after_mark = head.get(mark..).unwrap_or_default();
    Decoded::new(after_mark.chain(rest), encoding)
}

/// Repairs Meta's mojibake: its exports escape each UTF-8 byte of a non-ASCII character as a
/// separate `\u00XX`, so "Château" arrives as "ChÃ¢teau". A string made only of characters up to
/// U+00FF whose bytes form valid UTF-8 is decoded again; anything else (real Latin-1 text such as
/// "café", or text with characters beyond U+00FF) is returned as it is.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xFF) {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes: Vec<u8> = text
        .chars()
        .filter_map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    match String::from_utf8(bytes) {
        Ok(repaired) => std::borrow::Cow::Owned(repaired),
        Err(_) => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(head: &[u8], rest: &[u8]) -> (String, Encoding) {
        let mut d = decode(head, rest);
        let mut s = String::new();
        d.read_to_string(&mut s).unwrap();
        (s, d.encoding())
    }

    #[test]
    fn meta_mojibake_is_repaired_and_real_text_left_alone() {
        assert_eq!(repair_mojibake("Ch\u{c3}\u{a2}teau"), "Château");
        assert_eq!(
            repair_mojibake("Fran\u{c3}\u{a7}ois H\u{c3}\u{a9}l\u{c3}\u{a8}ne"),
            "François Hélène"
        );
        assert_eq!(repair_mojibake("\u{f0}\u{9f}\u{98}\u{80}"), "😀");
        for untouched in ["café", "plain", "Château", "déjà vu 😀", "Ã"] {
            assert_eq!(repair_mojibake(untouched), untouched);
        }
        // The real sample: every interest reads as French again.
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/facebook/ads_interests.json");
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let topics: Vec<String> = value["topics_v2"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| repair_mojibake(t.as_str().unwrap()).into_owned())
            .collect();
        assert!(topics.iter().any(|t| t.contains("Château")), "{topics:?}");
        assert!(topics.iter().all(|t| !t.contains('Ã')), "{topics:?}");
    }

    #[test]
    fn every_encoding_becomes_utf8() {
        assert_eq!(
            all(b"\xEF\xBB\xBFdate;kWh\n", b"01/02;3,5\n"),
            ("date;kWh\n01/02;3,5\n".into(), Encoding::Utf8)
        );
        // Windows-1252: é is 0xE9, € is 0x80, ’ is 0x92.
        assert_eq!(
            all(b"Relev\xe9 ;", b"12 \x80 l\x92an"),
            ("Relevé ;12 € l’an".into(), Encoding::Windows1252)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Été 😀".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (head, rest) = utf16.split_at(5); // cut inside a code unit
        assert_eq!(all(head, rest), ("Été 😀".into(), Encoding::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(all(&be, b""), ("ok".into(), Encoding::Utf16Be));
        // A UTF-8 character cut by the end of the head is still UTF-8.
        let text = "données".as_bytes();
        assert_eq!(sniff(&text[..2]).0, Encoding::Utf8);
        assert_eq!(all(&text[..2], &text[2..]).0, "données");
        // UTF-8 at first, a Windows-1252 byte further on: it is read, not lost.
        let mixed = [
            b"id;label\n".repeat(1000).as_slice(),
            b"7;caf\xe9 cr\xc3\xa8me\n",
        ]
        .concat();
        let (text, encoding) = all(&mixed[..4096], &mixed[4096..]);
        assert_eq!(encoding, Encoding::Utf8);
        assert!(
            text.ends_with("7;café crème\n"),
            "{}",
            &text[text.len() - 20..]
        );
    }
}
