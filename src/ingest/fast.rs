//! A strict, fast reader for the common shape of a JSON element, before `serde_json`.
//!
//! `serde_json` reads a `Records.json` record through generic visitors: about a third of the
//! browser worker's time on a 1 GB file (BENCHMARKS.md). Most records are flat objects of
//! integers and plain ASCII strings, which a [`Cursor`] reads directly from the bytes. It only
//! says yes to what `serde_json` would read to the same value: anything else (an escape, a
//! float where an integer is expected, a duplicate key, a syntax error…) makes it give up, and the
//! caller reads the element again with `serde_json`, whose results and errors stay the
//! reference. Values the caller does not use are skipped by `serde_json` itself (checked,
//! not built).

// `Option<Option<T>>`: the outer `None` gives up, the inner one is JSON's `null`.
#![allow(clippy::option_option)]
// The browser's module is built for size (`opt-level = "z"`), which inlines nothing, not even
// `Option`'s combinators: the few helpers called for every byte or value are inlined by hand
// (measured: an eighth fewer instructions for the whole reading of a `Records.json` in V8).
#![allow(clippy::inline_always)]

use serde::de::{DeserializeOwned, IgnoredAny};

/// A position in the bytes of one element. Every method returns `None` to give up.
pub struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The `\n` in the bytes before `pos`: counted as white space is passed over (the only
    /// place JSON has them), so that the file's reader need not count them again for its error
    /// lines.
    lines: usize,
}

/// A place in the bytes to come back to ([`Cursor::mark`], [`Cursor::back_to`]).
#[derive(Clone, Copy)]
pub struct Mark {
    pos: usize,
    lines: usize,
}

/// The bytes between an object's members, as an earlier member was followed by them (see
/// [`Cursor::next_key`]), and the `\n` among them.
#[derive(Default)]
struct Between<'a> {
    bytes: &'a [u8],
    lines: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Cursor {
            bytes,
            pos: 0,
            lines: 0,
        }
    }

    /// How many bytes have been read.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// How many `\n` the bytes read hold.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// Where the cursor is, to come back to it ([`Cursor::back_to`]).
    pub fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            lines: self.lines,
        }
    }

    /// Goes back to a [`Cursor::mark`], to read a value again another way.
    pub fn back_to(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.lines = mark.lines;
    }

    #[inline(always)]
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.lines += usize::from(b == b'\n');
            self.pos += 1;
        }
    }

    /// Passes over `between` if the bytes at the cursor are exactly those: the separator
    /// between an object's members that an earlier member was followed by (see
    /// [`Cursor::next_key`]).
    fn skip_same(&mut self, between: &Between) -> bool {
        let same = match self.bytes.get(self.pos..) {
            Some(rest) => starts_with(rest, between.bytes),
            None => false,
        };
        if same {
            self.pos += between.bytes.len();
            self.lines += between.lines;
        }
        same
    }

    /// After a member's value: `true` at the object's end (its `}` passed over), `false` past
    /// the `"` that opens the next key. `between` holds the bytes from a value's end to the next
    /// key's `"` as they were the first time (in a pretty-printed file `,\n    "`, the same for
    /// every member at one depth): when the bytes at the cursor are the same, they are passed
    /// over in one comparison, as reading them one by one would (same bytes, same reading).
    fn next_key(&mut self, between: &mut Between<'a>) -> Option<bool> {
        if !between.bytes.is_empty() && self.skip_same(between) {
            return Some(false);
        }
        let start = self.mark();
        if self.after_item(b'}')? {
            return Some(true);
        }
        self.consume(b'"')?;
        if between.bytes.is_empty() {
            *between = Between {
                bytes: self.bytes.get(start.pos..self.pos).unwrap_or_default(),
                lines: self.lines - start.lines,
            };
        }
        Some(false)
    }

    /// The next byte after white space, not consumed.
    #[inline(always)]
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` after white space.
    #[inline(always)]
    fn consume(&mut self, byte: u8) -> Option<()> {
        if self.peek()? != byte {
            return None;
        }
        self.pos += 1;
        Some(())
    }

    /// A string of printable ASCII without escapes, its bytes without the quotes.
    fn plain(&mut self) -> Option<&'a [u8]> {
        self.consume(b'"')?;
        self.plain_rest()
    }

    /// The rest of a plain string whose `"` was just consumed, up to and past the closing one.
    fn plain_rest(&mut self) -> Option<&'a [u8]> {
        let rest = self.bytes.get(self.pos..)?;
        let len = plain_len(rest)?;
        if !matches!(rest.get(len), Some(b'"')) {
            return None;
        }
        let text = rest.get(..len)?;
        self.pos += len + 1;
        Some(text)
    }

    /// `null`, after white space: consumed if there.
    pub fn null(&mut self) -> bool {
        self.skip_space();
        let found = matches!(self.bytes.get(self.pos..self.pos + 4), Some(b"null"))
            && ends_at(self.bytes, self.pos + 4);
        if found {
            self.pos += 4;
        }
        found
    }

    /// An integer (`-?[1-9][0-9]*` or `0`) that fits an `i64`, or `null`. Read in one pass: about
    /// six per record.
    pub fn int(&mut self) -> Option<Option<i64>> {
        self.skip_space();
        let bytes = self.bytes;
        let start = self.pos;
        let negative = matches!(bytes.get(start), Some(b'-'));
        let first = start + usize::from(negative);
        let mut at = first;
        let mut magnitude = 0_i64;
        // Eight digits at once when there are as many (latitudes, longitudes and device tags
        // have eight to ten), then one by one.
        // (`load8` gives 0, not digits, past the end.)
        if let Some(value) = eight_digits(load8(bytes, at)) {
            magnitude = value;
            at += 8;
        }
        while let Some(&b) = bytes.get(at) {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            // Wraps only past 18 digits, which are refused below.
            magnitude = magnitude.wrapping_mul(10).wrapping_add(i64::from(digit));
            at += 1;
        }
        let digits = at - first;
        if digits == 0 {
            return if self.null() { Some(None) } else { None };
        }
        // `serde_json` refuses leading zeros, and reads `1.5`, `1e3` and `-0` as floats.
        let zero = matches!(bytes.get(first), Some(b'0'));
        if digits > 18 || (zero && (digits > 1 || negative)) || !ends_at(bytes, at) {
            return None;
        }
        self.pos = at;
        Some(Some(if negative { -magnitude } else { magnitude }))
    }

    /// A string of printable ASCII without escapes, or `null`.
    pub fn text(&mut self) -> Option<Option<&'a str>> {
        // Printable ASCII is UTF-8.
        self.bytes_text()?.map(std::str::from_utf8).transpose().ok()
    }

    /// [`Cursor::text`] as bytes, all printable ASCII, for callers that need no `str` (checking
    /// them again as UTF-8 costs more than reading them).
    pub fn bytes_text(&mut self) -> Option<Option<&'a [u8]>> {
        if self.null() {
            return Some(None);
        }
        self.plain().map(Some)
    }

    /// The value at the cursor must be `byte` (after white space): consumed, or gives up.
    pub fn expect(&mut self, byte: u8) -> Option<()> {
        self.consume(byte)
    }

    /// One value read by `serde_json` into `T`.
    pub fn value<T: DeserializeOwned>(&mut self) -> Option<T> {
        self.skip_space();
        let rest = self.bytes.get(self.pos..)?;
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
        let value = values.next()?.ok()?;
        let len = values.byte_offset();
        self.lines += super::json::count_newlines(rest.get(..len)?);
        self.pos += len;
        Some(value)
    }

    /// One value passed over: directly when it is made of integers, plain strings, `null`,
    /// `true`, `false`, arrays and objects (the fields a `Records.json` reader passes over:
    /// `accuracy`, `velocity`, `activeWifiScan`…), anything else checked by `serde_json` from
    /// the value's start.
    pub fn skip(&mut self) -> Option<()> {
        if self.skip_int() {
            return Some(());
        }
        let start = self.mark();
        if self.skip_plain(SKIP_DEPTH).is_some() {
            return Some(());
        }
        self.back_to(start);
        self.value::<IgnoredAny>().map(|_| ())
    }

    /// Passes over an integer (`-?(0|[1-9][0-9]*)`, of any length, as `serde_json` passes over
    /// one) followed by a byte that ends it, after white space; `false`, the cursor after the
    /// white space, for anything else. Most values passed over are small integers (`accuracy`,
    /// `velocity`, `heading`…): read without their value, and without [`Cursor::skip_plain`]'s
    /// calls.
    fn skip_int(&mut self) -> bool {
        self.skip_space();
        let bytes = self.bytes;
        let mut at = self.pos;
        if matches!(bytes.get(at), Some(b'-')) {
            at += 1;
        }
        let first = at;
        while let Some(&b) = bytes.get(at) {
            if b.wrapping_sub(b'0') > 9 {
                break;
            }
            at += 1;
        }
        let digits = at - first;
        // `serde_json` refuses leading zeros (and reads `1.5` or `1e3` as floats: left to it).
        let zero = matches!(bytes.get(first), Some(b'0'));
        if digits == 0 || (zero && digits > 1) || !ends_at(bytes, at) {
            return false;
        }
        self.pos = at;
        true
    }

    /// A value of integers, plain strings, literals, arrays and objects (keys plain, repeated
    /// or not, as `IgnoredAny` takes them), nested at most `depth` deep; `None` for anything
    /// else, the cursor then anywhere inside.
    fn skip_plain(&mut self, depth: u32) -> Option<()> {
        match self.peek()? {
            b'"' => self.plain().map(drop),
            b'{' => {
                let inner = depth.checked_sub(1)?;
                self.object(|_, c| c.skip_plain(inner))
            }
            b'[' => {
                let inner = depth.checked_sub(1)?;
                self.array(|c| c.skip_plain(inner))
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            _ => self.int().map(drop),
        }
    }

    /// `word` (`true` or `false`) and a byte that ends it.
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) != Some(word) || !ends_at(self.bytes, end) {
            return None;
        }
        self.pos = end;
        Some(())
    }

    /// An array: `element` is called with the cursor at each element, which it must read or
    /// skip.
    pub fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if self.open(b'[', b']')? {
            return Some(());
        }
        loop {
            element(self)?;
            if self.after_item(b']')? {
                return Some(());
            }
        }
    }

    /// `open`, and whether `close` follows at once (an empty array or object, passed over).
    fn open(&mut self, open: u8, close: u8) -> Option<bool> {
        self.consume(open)?;
        let empty = self.peek()? == close;
        if empty {
            self.pos += 1;
        }
        Some(empty)
    }

    /// After an element or member: `,` (`false`: another follows) or `close` (`true`: the end),
    /// passed over.
    fn after_item(&mut self, close: u8) -> Option<bool> {
        let byte = self.peek()?;
        if byte != b',' && byte != close {
            return None;
        }
        self.pos += 1;
        Some(byte == close)
    }

    /// An object: `field` is called with each key (plain ASCII, without escapes) and the cursor
    /// at its value, which it must read or skip.
    pub fn object(
        &mut self,
        mut field: impl FnMut(&'a [u8], &mut Self) -> Option<()>,
    ) -> Option<()> {
        if self.open(b'{', b'}')? {
            return Some(());
        }
        let mut between = Between::default();
        self.consume(b'"')?;
        loop {
            let key = self.plain_rest()?;
            self.consume(b':')?;
            field(key, self)?;
            if self.next_key(&mut between)? {
                return Some(());
            }
        }
    }
}

impl Cursor<'_> {
    /// An object whose keys are mostly among `known` (plain ASCII, no `"`), mostly in that
    /// order: `field` is called with each key's index in `known`, `None` for another key (plain
    /// ASCII, without escapes, or it gives up), and the cursor at its value, which it must read
    /// or skip. A known key is compared straight with the bytes, starting with the one after the
    /// key before: in a long file of records, usually the first tried.
    pub fn fields(
        &mut self,
        known: &[&[u8]],
        mut field: impl FnMut(Option<usize>, &mut Self) -> Option<()>,
    ) -> Option<()> {
        if self.open(b'{', b'}')? {
            return Some(());
        }
        let mut next = 0;
        let mut between = Between::default();
        self.consume(b'"')?;
        loop {
            let index = self.known_key(known, next);
            match index {
                Some(index) => next = index + 1,
                None => {
                    self.plain_rest()?;
                }
            }
            self.consume(b':')?;
            field(index, self)?;
            if self.next_key(&mut between)? {
                return Some(());
            }
        }
    }

    /// The index in `known` of the key whose `"` was just consumed, trying `first` first, then
    /// the ones after it (round); consumed up to and past its closing `"` when found.
    fn known_key(&mut self, known: &[&[u8]], first: usize) -> Option<usize> {
        let rest = self.bytes.get(self.pos..)?;
        let mut index = first;
        for _ in 0..known.len() {
            if index >= known.len() {
                index = 0;
            }
            let key = known.get(index)?;
            if starts_key(rest, key) {
                self.pos += key.len() + 1;
                return Some(index);
            }
            index += 1;
        }
        None
    }
}

/// A `1` in each byte of a word, and each byte's high bit.
pub(super) const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// Where the first byte that may not be inside a plain string is (`"`, `\\`, a control byte,
/// DEL, or any byte of a multi-byte character): eight bytes at a time, as a `u64`, then one by
/// one (no SIMD: the same in the browser).
fn plain_len(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let w = load8(bytes, at);
        // For each test, the lowest byte flagged is exact (higher ones may be flagged wrongly
        // after a borrow), which is all that finding the first one needs.
        let special = zero_bytes(w ^ (ONES * u64::from(b'"')))
            | zero_bytes(w ^ (ONES * u64::from(b'\\')))
            // Below 0x20.
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
            // 0x7F and above.
            | (((w & !HIGH) + ONES) | w) & HIGH;
        if special != 0 {
            return Some(at + (special.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b.wrapping_sub(0x20) >= 0x5f {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The bytes of `w` that are zero, flagged by their high bit: the lowest flag is exact.
#[inline(always)]
fn zero_bytes(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w & HIGH
}

/// Whether `rest` starts with `key` and a `"`.
fn starts_key(rest: &[u8], key: &[u8]) -> bool {
    rest.get(key.len()) == Some(&b'"') && starts_with(rest, key)
}

/// Whether `rest` starts with `key`; compared a word at a time (two overlapping ones): no
/// call to `memcmp` for 4 to 16 bytes.
#[inline(always)]
fn starts_with(rest: &[u8], key: &[u8]) -> bool {
    let n = key.len();
    let Some(text) = rest.get(..n) else {
        return false;
    };
    match n {
        8..=16 => load8(text, 0) == load8(key, 0) && load8(text, n - 8) == load8(key, n - 8),
        4..=7 => load4(text, 0) == load4(key, 0) && load4(text, n - 4) == load4(key, n - 4),
        _ => text == key,
    }
}

/// The eight bytes at `at` as a number (`0` past the end: callers check lengths first). Written
/// without closures or conversions, which a build for size leaves as calls.
#[inline(always)]
#[allow(clippy::many_single_char_names)]
pub(super) fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => 0,
    }
}

/// The four bytes at `at` as a number, as [`load8`].
#[inline(always)]
fn load4(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// The number written by eight ASCII digits (the first in the lowest byte), or `None` if one
/// of the bytes is not a digit: a handful of operations instead of eight rounds of a loop.
#[inline(always)]
fn eight_digits(w: u64) -> Option<i64> {
    // A byte is a digit when its high half is 3 and adding 6 keeps it so (no carry crosses a
    // byte that passes both tests, and a byte that fails one fails the word).
    const HIGH_HALVES: u64 = ONES * 0xF0;
    const THREES: u64 = ONES * 0x30;
    if w & HIGH_HALVES != THREES || w.wrapping_add(ONES * 0x06) & HIGH_HALVES != THREES {
        return None;
    }
    // Digits to values, then pairs, fours and the eight combined.
    let v = w - ONES * 0x30;
    let v = (v * 10) + (v >> 8);
    let v = ((v & 0x0000_00FF_0000_00FF).wrapping_mul(100 + (1_000_000 << 32))
        + ((v >> 16) & 0x0000_00FF_0000_00FF).wrapping_mul(1 + (10_000 << 32)))
        >> 32;
    i64::try_from(v).ok()
}

/// Whether the byte at `at` ends a number or a literal.
#[inline(always)]
fn ends_at(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(&b) => ends_value(b),
        None => false,
    }
}

/// How deep [`Cursor::skip`] follows arrays and objects itself (`serde_json` stops at 128).
const SKIP_DEPTH: u32 = 32;

/// Bytes that may follow a number or a literal inside an element.
#[inline(always)]
fn ends_value(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',' | b'}' | b']')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(json: &str) -> Option<Option<i64>> {
        Cursor::new(json.as_bytes()).int()
    }

    #[test]
    fn integers_are_read_as_serde_json_reads_them_or_not_at_all() {
        assert_eq!(ints("485000000,"), Some(Some(485_000_000)));
        assert_eq!(ints("-23 }"), Some(Some(-23)));
        assert_eq!(ints("0]"), Some(Some(0)));
        assert_eq!(ints("null,"), Some(None));
        // Floats, leading zeros, numbers that may go on, and words are left to serde_json.
        for other in [
            "1.5,",
            "1e3,",
            "012,",
            "12",
            "-,",
            "nullx,",
            "\"12\",",
            "9999999999999999999,",
        ] {
            assert_eq!(ints(other), None, "{other}");
        }
    }

    #[test]
    fn eight_digits_at_once_as_one_by_one() {
        let word = |text: &[u8]| load8(text, 0);
        assert_eq!(eight_digits(word(b"12345678")), Some(12_345_678));
        assert_eq!(eight_digits(word(b"00000000")), Some(0));
        assert_eq!(eight_digits(word(b"99999999")), Some(99_999_999));
        let mut state = 7_u64;
        for _ in 0..100_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let mut text = *format!("{:08}", state % 100_000_000)
                .as_bytes()
                .first_chunk::<8>()
                .unwrap();
            assert_eq!(
                eight_digits(word(&text)),
                std::str::from_utf8(&text).unwrap().parse().ok()
            );
            // Any byte that is not a digit, anywhere.
            let at = usize::try_from(state >> 61).unwrap();
            text[at] = u8::try_from((state >> 8) % 256).unwrap();
            let expected = text
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| std::str::from_utf8(&text).unwrap().parse().unwrap());
            assert_eq!(eight_digits(word(&text)), expected, "{text:?}");
        }
        // Longer numbers, read as serde_json reads them.
        assert_eq!(ints("461409479,"), Some(Some(461_409_479)));
        assert_eq!(ints("-1234567890}"), Some(Some(-1_234_567_890)));
        assert_eq!(ints("12345678]"), Some(Some(12_345_678)));
        assert_eq!(
            ints("123456789012345678,"),
            Some(Some(123_456_789_012_345_678))
        );
        assert_eq!(ints("1234567890123456789,"), None);
        assert_eq!(ints("01234567,"), None);
        assert_eq!(ints("1234567a,"), None);
        assert_eq!(ints("12345678"), None);
    }

    #[test]
    fn strings_only_when_plain() {
        let text = |json: &str| {
            Cursor::new(json.as_bytes())
                .text()
                .map(|t| t.map(str::to_owned))
        };
        assert_eq!(text(r#""WIFI","#), Some(Some("WIFI".into())));
        assert_eq!(text("null}"), Some(None));
        assert_eq!(text(r#""a\"b","#), None);
        assert_eq!(text("\"caf\u{e9}\","), None);
        assert_eq!(text("\"tab\there\","), None);
    }

    #[test]
    fn objects_walk_their_keys_and_stop_at_anything_unusual() {
        let keys = |json: &str| {
            let mut seen = Vec::new();
            let mut cursor = Cursor::new(json.as_bytes());
            cursor
                .object(|key, c| {
                    seen.push(String::from_utf8_lossy(key).into_owned());
                    c.skip()
                })
                .map(|()| (seen, cursor.pos()))
        };
        let doc = r#"{ "a": 1, "b" : {"c": [1, "x"]}, "d": "e" } ,"#;
        assert_eq!(
            keys(doc),
            Some((vec!["a".into(), "b".into(), "d".into()], doc.len() - 2))
        );
        assert_eq!(keys("{}"), Some((vec![], 2)));
        assert_eq!(keys(r#"{"a": 1,}"#), None);
        assert_eq!(keys(r#"{"a": tru}"#), None);
        assert_eq!(keys(r#"{"a" 1}"#), None);
        assert_eq!(keys(r#"{"a\u0062": 1}"#), None);
        assert_eq!(keys("[1]"), None);
    }

    #[test]
    fn skip_passes_over_any_value_exactly_as_far_as_serde_json() {
        // Read directly (integers, plain strings, null) or by serde_json (the rest): the cursor
        // ends right after the value either way, and an invalid value is refused.
        let skip = |json: &str| {
            let mut cursor = Cursor::new(json.as_bytes());
            cursor.skip().map(|()| cursor.pos())
        };
        for (json, end) in [
            ("  42 ,", 4),
            ("-7}", 2),
            ("0,", 1),
            ("-0]", 2),
            ("123456789012345678901234567890 ,", 30),
            ("null,", 4),
            (r#""WIFI","#, 6),
            (r#""a\"b","#, 6),
            ("1.5e3,", 5),
            ("012,", 0),
            ("true,", 4),
            (r#"{"a": [1, {"b": null}]},"#, 23),
            ("\"caf\u{e9}\",", 7),
            ("true ,", 4),
            ("false]", 5),
            ("[],", 2),
            ("{ } ,", 3),
            (
                r#"[true, false, null, -1, "x", [{}], {"a": {"a": []}}] ,"#,
                52,
            ),
            (r#"{"a": 1, "a": 2},"#, 16),
            (r#"{"a": [1, 2.5]},"#, 15),
            (r#"{"a\u0062": 1},"#, 14),
        ] {
            let expected = (end > 0).then_some(end);
            assert_eq!(skip(json), expected, "{json}");
            // Where serde_json itself ends it.
            let mut values =
                serde_json::Deserializer::from_slice(json.as_bytes()).into_iter::<IgnoredAny>();
            let serde = values
                .next()
                .and_then(Result::ok)
                .map(|_| values.byte_offset());
            assert_eq!(serde, expected, "{json}");
        }
        assert_eq!(skip("\"unterminated"), None);
        assert_eq!(skip("[1, 2"), None);
        for bad in [
            "[1,],",
            "-,",
            "-01,",
            "{\"a\":1,},",
            "tru,",
            "truex,",
            "[1 2],",
            "{\"a\" 1},",
            "[}",
        ] {
            assert_eq!(skip(bad), None, "{bad}");
        }
        // Deeper than the skipper goes itself: serde_json's reading (which has no depth limit
        // when it ignores a value).
        let deep = |n: usize| format!("{}{},", "[".repeat(n), "]".repeat(n));
        assert_eq!(skip(&deep(100)), Some(200));
        assert_eq!(skip(&deep(2000)), Some(4000));
        assert_eq!(skip(&(deep(100) + "]")), Some(200));
        assert_eq!(skip(&deep(100).replacen(']', "", 1)), None);
    }

    #[test]
    fn plain_strings_end_at_the_first_byte_that_is_not_plain_ascii() {
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || !(0x20..0x7f).contains(&b))
        };
        // Every byte at every place of strings of 0 to 20 bytes, against the plain way.
        for len in 0..20 {
            for at in 0..len {
                for special in 0..=255_u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(plain_len(&bytes), naive(&bytes), "{bytes:?}");
                    // A second special byte after the first changes nothing.
                    bytes.push(b'"');
                    assert_eq!(plain_len(&bytes), naive(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn known_keys_are_matched_whole_and_others_read_as_plain_strings() {
        let known: [&[u8]; 5] = [
            b"a",
            b"type",
            b"timestamp",
            b"timestampMs",
            b"verticalAccuracy",
        ];
        let keys = |json: &str| {
            let mut seen = Vec::new();
            let mut cursor = Cursor::new(json.as_bytes());
            cursor
                .fields(&known, |index, c| {
                    seen.push(index);
                    c.skip()
                })
                .map(|()| seen)
        };
        assert_eq!(
            keys(
                r#"{"timestampMs": 1, "timestamp": 2, "type": 3, "types": 4, "a": 5, "verticalAccuracy": 6, "verticalAccurac": 7, "": 8, "typ": 9}"#
            ),
            Some(vec![
                Some(3),
                Some(2),
                Some(1),
                None,
                Some(0),
                Some(4),
                None,
                None,
                None
            ])
        );
        assert_eq!(keys("{}"), Some(vec![]));
        assert_eq!(keys(r#"{"ty\u0070e": 1}"#), None);
        assert_eq!(keys(r#"{"type\": 1}"#), None);
        assert_eq!(keys(r#"{"type": 1,}"#), None);
        assert_eq!(keys(r#"{"type" 1}"#), None);
    }
}
