//! Garmin FIT activity files: `*.fit`, and Strava's `activities/<id>.fit.gz` (the archive walker
//! inflates the `.gz`).
//!
//! Where from: Garmin, Wahoo, Coros, Suunto, Polar and Zwift devices record activities as FIT;
//! Garmin Connect's "Export Original" gives the `.fit` (in a zip), and Strava's account archive
//! keeps every upload made from a device as `activities/<id>.fit.gz`. Detection reads the content:
//! the header's bytes 8 to 11 are `.FIT`.
//!
//! Shape: a binary file. A header (12 or 14 bytes: its size, the protocol and profile versions,
//! the size of the data that follows, `.FIT`, and a CRC in the 14-byte form), then records, then a
//! 2-byte CRC of the whole. Each record starts with a byte saying whether it is a *definition*
//! (the layout of a local message type 0–15: which global message, which fields, their sizes,
//! byte order) or *data* in a layout defined earlier; a "compressed timestamp" header packs a
//! 5-bit time offset from the previous timestamp into that byte. Times are seconds since
//! 1989-12-31T00:00:00Z (field 253 in every message). `record` messages (global 20) hold
//! `position_lat` (field 0) and `position_long` (field 1) in *semicircles*
//! (degrees = semicircles × 180 / 2^31); `session` (18) holds `start_time` (2),
//! `start_position_lat`/`long` (3, 4), `sport` (5), `total_elapsed_time` (7, ms) and
//! `total_distance` (9, cm); `sport` (12) holds the sport (0) too. Each timed, positioned record
//! is a fix; each session a [`Move`].
//!
//! The decoder is Reflet's own and streams: it reads one record at a time (at most some 130 KB),
//! whatever the file's size, and keeps the 16 layouts only. Quirks: the byte order is per layout;
//! layouts are redefined midway; developer fields (Connect IQ apps) are skipped by their size;
//! invalid values (`0x7FFFFFFF` for a position) mean "none": indoor activities have records
//! without positions, skipped; times below `0x10000000` are relative to the device's power-on,
//! not instants, and skipped; several FIT files may follow each other ("chained"). A file whose
//! data ends before its header's data size says is cut off; a CRC that matches neither the data
//! nor the header and data is damage (some writers leave it 0: accepted).

use std::io::Read;

use super::loose::fix_or_skip;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::location::{Fix, LatLng, LocationSink, Mode, Move};
use crate::model::time::Millis;

pub struct Fit;

/// What the fixes from this source are called.
const FIX_SOURCE: &str = "GPS";

/// 1989-12-31T00:00:00Z, FIT's epoch, in Unix seconds.
const FIT_EPOCH_S: i64 = 631_065_600;

/// FIT times below this are seconds since the device was switched on, not instants.
const MIN_DATE_TIME: u64 = 0x1000_0000;

/// The global message numbers read.
const RECORD: u16 = 20;
const SESSION: u16 = 18;
const SPORT: u16 = 12;

/// The timestamp field, the same number in every message.
const TIMESTAMP: u8 = 253;

/// One field of a layout: its number and size in bytes.
#[derive(Debug, Clone, Copy)]
struct FieldDef {
    number: u8,
    size: usize,
}

/// The layout a definition message gives a local message type.
#[derive(Debug, Clone)]
struct Layout {
    global: u16,
    big_endian: bool,
    fields: Vec<FieldDef>,
    /// Every byte of a data message: fields and developer fields.
    size: usize,
}

impl Layout {
    /// The raw value of a field of 1, 2 or 4 bytes, unsigned; `None` if absent, of another size,
    /// or "invalid" (all bits set).
    fn unsigned(&self, data: &[u8], number: u8) -> Option<u64> {
        let mut offset = 0;
        for field in &self.fields {
            if field.number == number {
                let bytes = data.get(offset..offset + field.size)?;
                let mut value: u64 = 0;
                for i in 0..bytes.len() {
                    let b = if self.big_endian {
                        bytes.get(i)
                    } else {
                        bytes.get(bytes.len() - 1 - i)
                    };
                    value = (value << 8) | u64::from(*b?);
                }
                let invalid = match field.size {
                    1 => 0xFF,
                    2 => 0xFFFF,
                    4 => 0xFFFF_FFFF,
                    _ => return None,
                };
                return (value != invalid).then_some(value);
            }
            offset += field.size;
        }
        None
    }

    /// A signed 32-bit field (a position in semicircles); `None` if absent or invalid
    /// (`0x7FFFFFFF`).
    fn signed32(&self, data: &[u8], number: u8) -> Option<i32> {
        let mut offset = 0;
        for field in &self.fields {
            if field.number == number {
                let bytes: [u8; 4] = data.get(offset..offset + 4)?.try_into().ok()?;
                let value = if self.big_endian {
                    i32::from_be_bytes(bytes)
                } else {
                    i32::from_le_bytes(bytes)
                };
                return (field.size == 4 && value != i32::MAX).then_some(value);
            }
            offset += field.size;
        }
        None
    }

    fn position(&self, data: &[u8], lat: u8, lng: u8) -> Option<LatLng> {
        let degrees = |sc: i32| f64::from(sc) * 180.0 / 2_147_483_648.0;
        LatLng::from_degrees(
            degrees(self.signed32(data, lat)?),
            degrees(self.signed32(data, lng)?),
        )
    }
}

/// An instant from a FIT `date_time` (seconds since 1989-12-31); `None` for a relative time.
fn instant(value: u64) -> Option<Millis> {
    let seconds = i64::try_from(value).ok()?;
    (value >= MIN_DATE_TIME).then_some((FIT_EPOCH_S + seconds) * 1000)
}

/// The way of moving of a FIT `sport`.
fn mode(sport: Option<u64>) -> Mode {
    match sport {
        Some(1) => Mode::Running,
        Some(2 | 21) => Mode::Cycling,
        Some(11 | 16 | 17 | 35) => Mode::Walking,
        Some(12..=14) => Mode::Skiing,
        Some(20) => Mode::Flying,
        Some(22) => Mode::Motorcycle,
        Some(23 | 32) => Mode::Ferry,
        Some(24) => Mode::Car,
        _ => Mode::Unknown,
    }
}

/// FIT's CRC-16, one byte at a time.
fn crc(mut crc: u16, byte: u8) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    let entry = |i: u16| TABLE.get(usize::from(i & 0xF)).copied().unwrap_or(0);
    for nibble in [u16::from(byte), u16::from(byte) >> 4] {
        let tmp = entry(crc);
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ entry(nibble);
    }
    crc
}

/// The bytes of one FIT file's data section, with the CRCs kept as they go by.
struct Data<'a> {
    reader: &'a mut dyn Read,
    /// Bytes of the data section not read yet.
    left: u64,
    /// The CRC of the data alone, and of the header and data (writers differ).
    crc_body: u16,
    crc_all: u16,
}

impl Data<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<(), ErrorKind> {
        let wanted = u64::try_from(buf.len()).unwrap_or(u64::MAX);
        if wanted > self.left {
            // A record running past the data section: the layout and the sizes disagree.
            return Err(ErrorKind::Malformed);
        }
        read_exact(self.reader, buf)?;
        self.left -= wanted;
        for &b in &*buf {
            self.crc_body = crc(self.crc_body, b);
            self.crc_all = crc(self.crc_all, b);
        }
        Ok(())
    }

    fn byte(&mut self) -> Result<u8, ErrorKind> {
        let mut b = [0u8];
        self.read(&mut b)?;
        Ok(b[0])
    }
}

fn read_exact(reader: &mut dyn Read, buf: &mut [u8]) -> Result<(), ErrorKind> {
    reader.read_exact(buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            ErrorKind::Truncated
        } else {
            ErrorKind::Unreadable
        }
    })
}

/// What a file says of its activity while it is read.
#[derive(Default)]
struct Walk {
    /// The layout of each local message type, once defined.
    layouts: Vec<Option<Layout>>,
    /// The last full timestamp, for compressed ones.
    last_time: Option<u64>,
    /// The sport a `sport` message gave, for sessions that leave theirs out.
    sport: Option<u64>,
    /// The first and last fixes since the previous session.
    first: Option<Fix>,
    last: Option<Fix>,
    data: Vec<u8>,
}

impl Walk {
    fn definition(
        &mut self,
        data: &mut Data<'_>,
        local: usize,
        developer: bool,
    ) -> Result<(), ErrorKind> {
        let mut fixed = [0u8; 5];
        data.read(&mut fixed)?;
        let [_, architecture, g0, g1, count] = fixed;
        let big_endian = architecture == 1;
        let global = if big_endian {
            u16::from_be_bytes([g0, g1])
        } else {
            u16::from_le_bytes([g0, g1])
        };
        let mut fields = Vec::with_capacity(usize::from(count));
        let mut size = 0;
        for _ in 0..count {
            let mut def = [0u8; 3];
            data.read(&mut def)?;
            let [number, field_size, _base_type] = def;
            fields.push(FieldDef {
                number,
                size: usize::from(field_size),
            });
            size += usize::from(field_size);
        }
        if developer {
            for _ in 0..data.byte()? {
                let mut def = [0u8; 3];
                data.read(&mut def)?;
                size += usize::from(def[1]);
            }
        }
        if let Some(slot) = self.layouts.get_mut(local) {
            *slot = Some(Layout {
                global,
                big_endian,
                fields,
                size,
            });
        }
        Ok(())
    }

    fn message(
        &mut self,
        data: &mut Data<'_>,
        local: usize,
        compressed: Option<u8>,
        out: &mut dyn LocationSink,
    ) -> Result<(), ErrorKind> {
        // A data message in a layout never defined is damage.
        let layout = self
            .layouts
            .get(local)
            .and_then(Option::as_ref)
            .ok_or(ErrorKind::Malformed)?;
        self.data.resize(layout.size, 0);
        data.read(&mut self.data)?;
        let bytes = self.data.as_slice();
        let time = match compressed {
            Some(offset) => self.last_time.map(|last| {
                let offset = u64::from(offset);
                last + (offset.wrapping_sub(last) & 0x1F)
            }),
            None => layout.unsigned(bytes, TIMESTAMP),
        };
        if time.is_some() {
            self.last_time = time;
        }
        match layout.global {
            RECORD => {
                let at = layout.position(bytes, 0, 1);
                let time = time.and_then(instant);
                if let (Some(at), Some(time)) = (at, time) {
                    let fix = Fix { time, at };
                    self.first.get_or_insert(fix);
                    self.last = Some(fix);
                }
                fix_or_skip(at, time, FIX_SOURCE, out);
            }
            SPORT => self.sport = layout.unsigned(bytes, 0).or(self.sport),
            SESSION => {
                let elapsed = layout
                    .unsigned(bytes, 7)
                    .and_then(|ms| i64::try_from(ms).ok());
                let end = time.and_then(instant);
                let start = layout
                    .unsigned(bytes, 2)
                    .and_then(instant)
                    .or_else(|| Some(end? - elapsed?))
                    .or(self.first.map(|f| f.time));
                let Some(start) = start else {
                    out.skipped();
                    return Ok(());
                };
                #[allow(clippy::cast_precision_loss)] // centimetres, far below 2^53
                let distance_m = layout.unsigned(bytes, 9).map(|cm| cm as f64 / 100.0);
                out.movement(&Move {
                    start,
                    end: elapsed
                        .map(|ms| start + ms)
                        .or(end)
                        .filter(|&e| e >= start)
                        .unwrap_or(start),
                    from: layout.position(bytes, 3, 4).or(self.first.map(|f| f.at)),
                    to: self.last.map(|f| f.at),
                    distance_m,
                    mode: mode(layout.unsigned(bytes, 5).or(self.sport)),
                });
                (self.first, self.last) = (None, None);
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads one FIT file's records and CRC, after its header.
    fn file(
        &mut self,
        reader: &mut dyn Read,
        data_size: u64,
        header_crc: u16,
        out: &mut dyn LocationSink,
    ) -> Result<(), ErrorKind> {
        self.layouts = vec![None; 16];
        self.last_time = None;
        let mut data = Data {
            reader,
            left: data_size,
            crc_body: 0,
            crc_all: header_crc,
        };
        while data.left > 0 {
            let header = data.byte()?;
            if header & 0x80 != 0 {
                let local = usize::from((header >> 5) & 0x03);
                self.message(&mut data, local, Some(header & 0x1F), out)?;
            } else if header & 0x40 != 0 {
                self.definition(&mut data, usize::from(header & 0x0F), header & 0x20 != 0)?;
            } else {
                self.message(&mut data, usize::from(header & 0x0F), None, out)?;
            }
        }
        let mut stored = [0u8; 2];
        read_exact(data.reader, &mut stored)?;
        let stored = u16::from_le_bytes(stored);
        if stored != 0 && stored != data.crc_body && stored != data.crc_all {
            return Err(ErrorKind::Malformed);
        }
        Ok(())
    }
}

/// Reads chained FIT files to the end of the stream.
fn read_all(reader: &mut dyn Read, out: &mut dyn LocationSink) -> Result<(), ErrorKind> {
    let mut walk = Walk::default();
    let mut first = true;
    loop {
        let mut size = [0u8];
        match reader.read(&mut size) {
            Ok(0) if first => return Err(ErrorKind::Truncated),
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(ErrorKind::Unreadable),
        }
        let [size] = size;
        if size < 12 {
            return Err(ErrorKind::Malformed);
        }
        let mut header = vec![0u8; usize::from(size)];
        if let Some(first_byte) = header.first_mut() {
            *first_byte = size;
        }
        read_exact(reader, header.get_mut(1..).unwrap_or_default())?;
        if header.get(8..12) != Some(b".FIT".as_slice()) {
            return Err(if first {
                ErrorKind::WrongType
            } else {
                ErrorKind::Malformed
            });
        }
        let data_size = header
            .get(4..8)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes);
        let header_crc = header.iter().fold(0, |c, &b| crc(c, b));
        walk.file(reader, u64::from(data_size), header_crc, out)?;
        first = false;
    }
}

impl Source for Fit {
    fn id(&self) -> &'static str {
        "geo.fit"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Activité sportive (FIT)",
            Lang::En => "Sports activity (FIT)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SPORTS
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        let header = head.first().is_some_and(|&size| size >= 12);
        (header && head.get(8..12) == Some(b".FIT".as_slice())).then_some(Claim {
            source: self.id(),
            confidence: 95,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        read_all(reader, out).err()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    fn run() -> Vec<u8> {
        fixture("geo.fit", "run.fit")
    }

    /// A FIT file around `records`, with a 14-byte header and a CRC left at 0 (not given).
    fn fit_file(records: &[u8]) -> Vec<u8> {
        let size = u32::try_from(records.len()).unwrap().to_le_bytes();
        let mut bytes = vec![14, 0x20, 0x08, 0x52, size[0], size[1], size[2], size[3]];
        bytes.extend_from_slice(b".FIT\0\0");
        bytes.extend_from_slice(records);
        bytes.extend_from_slice(&[0, 0]);
        bytes
    }

    #[test]
    fn the_generated_activity() {
        // Written by fit-tool (scripts/gen-fit-fixture.py), not by this decoder.
        let bytes = run();
        assert!(Fit.detect("activities/3.fit", &bytes).is_some());
        let (out, error) = collect(&Fit, &bytes);
        assert_eq!(error, None);
        // /tmp/fitvenv/bin/python -c "from fit_tool.fit_file import FitFile;
        //   from fit_tool.profile.messages.record_message import RecordMessage as R;
        //   r=[x.message for x in FitFile.from_file('tests/fixtures/geo.fit/run.fit').records
        //      if isinstance(x.message, R)]; p=[m for m in r if m.position_lat is not None];
        //   print(len(r), len(p), p[0].timestamp, p[0].position_lat, p[0].position_long,
        //         p[-1].timestamp, p[-1].position_lat, p[-1].position_long)"
        // → 43 40 1715499000000 45.89920001104474 6.1293999664485455
        //   1715499210000 45.91870000585914 6.141100013628602
        assert_eq!((out.fixes.len(), out.skipped), (40, 3));
        assert!(out.fixes.iter().all(|(_, s)| s == "GPS"));
        let points = out.points();
        assert_eq!(points[0], (1_715_499_000_000, 458_992_000, 61_294_000));
        assert_eq!(points[39], (1_715_499_210_000, 459_187_000, 61_411_000));
        // The session: the same script prints start_time 1715499000000, total_elapsed_time 210.0,
        // total_distance 2400.0, sport 1 (running).
        assert_eq!(
            out.moves,
            [Move {
                start: 1_715_499_000_000,
                end: 1_715_499_210_000,
                from: LatLng::from_e7(458_992_000, 61_294_000),
                to: LatLng::from_e7(459_187_000, 61_411_000),
                distance_m: Some(2400.0),
                mode: Mode::Running,
            }]
        );
    }

    #[test]
    fn chained_files_are_read_one_after_the_other() {
        let bytes = [run(), run()].concat();
        let (out, error) = collect(&Fit, &bytes);
        assert_eq!((out.fixes.len(), out.moves.len(), error), (80, 2, None));
    }

    #[test]
    fn cut_off_files_are_truncated_and_damage_never_panics() {
        let bytes = run();
        for len in 0..bytes.len() {
            let (_, error) = collect(&Fit, &bytes[..len]);
            assert_eq!(error, Some(ErrorKind::Truncated), "cut at {len}");
        }
        // Every byte flipped in turn, and garbage: an error or not, never a panic.
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0xFF;
            let _ = collect(&Fit, &damaged);
            damaged[i] ^= 0x5A;
            let _ = collect(&Fit, &damaged);
        }
        let mut noise = 0x2545_f491_u32;
        let garbage: Vec<u8> = (0..4096)
            .map(|_| {
                noise ^= noise << 13;
                noise ^= noise >> 17;
                noise ^= noise << 5;
                noise.to_le_bytes()[0]
            })
            .collect();
        for start in 0..64 {
            let mut file = bytes[..12].to_vec();
            file.extend_from_slice(&garbage[start..]);
            let _ = collect(&Fit, &file);
        }
        // The header that makes fitparser 0.11 slice out of bounds: 200 bytes long, 18 given.
        let crafted = [
            200, 0x10, 0, 0, 0, 0, 0, 0, b'.', b'F', b'I', b'T', 0x12, 0x34, 0, 0, 0, 0,
        ];
        assert_eq!(collect(&Fit, &crafted).1, Some(ErrorKind::Truncated));
    }

    #[test]
    fn a_wrong_crc_is_damage() {
        let mut bytes = run();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        let (out, error) = collect(&Fit, &bytes);
        assert_eq!((out.fixes.len(), error), (40, Some(ErrorKind::Malformed)));
        // A byte changed in a position: the CRC no longer matches.
        let mut bytes = run();
        let record = bytes.len() / 2;
        bytes[record] ^= 0x01;
        assert_eq!(collect(&Fit, &bytes).1, Some(ErrorKind::Malformed));
    }

    #[test]
    #[allow(clippy::cast_possible_truncation)] // semicircles and E7 of in-range degrees
    fn big_endian_layouts_compressed_timestamps_developer_fields_and_invalid_values() {
        let lat = |deg: f64| {
            let sc = (deg * 2_147_483_648.0 / 180.0).round() as i32;
            sc.to_be_bytes()
        };
        let mut records = vec![
            // Definition, local 0, developer fields: record (20) big-endian, timestamp (253, 4
            // bytes), position_lat (0), position_long (1), heart rate (3, 1 byte); one developer
            // field of 2 bytes.
            0x60, 0, 1, 0, 20, 4, 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 3, 1, 0x02, 1, 0, 2, 0,
        ];
        // Data, local 0: 2024-01-01T00:00:00Z is 1704067200 − 631065600 = 1073001600 s.
        let time = 1_073_001_600_u32;
        records.push(0x00);
        records.extend_from_slice(&time.to_be_bytes());
        records.extend_from_slice(&lat(48.8566));
        records.extend_from_slice(&lat(2.3522));
        records.extend_from_slice(&[150, 0xAB, 0xCD]);
        // Definition, local 1: record, little-endian, positions only.
        records.extend_from_slice(&[0x41, 0, 0, 20, 0, 2, 0, 4, 0x85, 1, 4, 0x85]);
        // Compressed timestamp, local 1, offset 3: +3 s (1073001600 is 0x3FF4_B480, low 5 bits 0).
        records.push(0x80 | (1 << 5) | 3);
        records.extend_from_slice(&0x1234_5678_i32.to_le_bytes());
        records.extend_from_slice(&0x1234_5678_i32.to_le_bytes());
        // Compressed, offset 1: wraps past 32 (+30 s); an invalid latitude.
        records.push(0x80 | (1 << 5) | 1);
        records.extend_from_slice(&i32::MAX.to_le_bytes());
        records.extend_from_slice(&0x1234_5678_i32.to_le_bytes());
        let (out, error) = collect(&Fit, &fit_file(&records));
        assert_eq!(error, None);
        let sc = |v: i32| (f64::from(v) * 180.0 / 2_147_483_648.0 * 1e7).round() as i32;
        assert_eq!(
            out.points(),
            [
                (1_704_067_200_000, 488_566_000, 23_522_000),
                (1_704_067_203_000, sc(0x1234_5678), sc(0x1234_5678)),
            ]
        );
        assert_eq!(out.skipped, 1);

        // A data message before any definition; a relative time.
        assert_eq!(
            collect(&Fit, &fit_file(&[0x03])).1,
            Some(ErrorKind::Malformed)
        );
        let relative = [
            0x40, 0, 0, 20, 0, 3, 253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85, 0x00,
        ];
        let mut relative = relative.to_vec();
        relative.extend_from_slice(&1000_u32.to_le_bytes());
        relative.extend_from_slice(&0x1234_5678_i32.to_le_bytes());
        relative.extend_from_slice(&0x1234_5678_i32.to_le_bytes());
        let (out, error) = collect(&Fit, &fit_file(&relative));
        assert_eq!((out.fixes.len(), out.skipped, error), (0, 1, None));
    }

    #[test]
    fn sports_and_detection() {
        assert_eq!(mode(Some(2)), Mode::Cycling);
        assert_eq!(mode(Some(17)), Mode::Walking);
        assert_eq!(mode(Some(13)), Mode::Skiing);
        assert_eq!(mode(Some(0)), Mode::Unknown);
        assert_eq!(mode(None), Mode::Unknown);
        assert!(Fit.detect("x", b"\x0e\x10\0\0\0\0\0\0.FIT").is_some());
        assert!(Fit.detect("x.fit", b"\x0e\x10\0\0\0\0\0\0.FAT").is_none());
        assert!(Fit.detect("x.fit", b"\x0e\x10\0\0").is_none());
        assert!(Fit.detect("x.fit", b"<gpx version=\"1.1\">").is_none());
        assert_eq!(collect(&Fit, b"").1, Some(ErrorKind::Truncated));
        assert_eq!(
            collect(&Fit, b"\x0e\x10\0\0\0\0\0\0.FAT\0\0").1,
            Some(ErrorKind::WrongType)
        );
    }
}
