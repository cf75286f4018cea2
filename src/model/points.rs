//! Positions kept for maps and day views (map mode): about 4 to 8 bytes each.
//!
//! A point is its time to the second and its latitude and longitude in E7, each written as its
//! difference with the point before (the first of a chunk: its time with the chunk's start, its
//! position with 0), zigzag-coded in a LEB128 varint: a person standing still costs 3 bytes a
//! point, one travelling a few kilometres between points 7 or 8, and nothing is rounded (every
//! point comes back exactly, to the second). Chunks of 64 KiB are allocated at their final size,
//! so that no point pays for a growing vector's spare capacity, and the last one is shrunk to fit
//! once the file is read. Summary mode keeps no points at all. (Until session 16: 12 bytes a
//! point, as three plain 4-byte numbers; BENCHMARK.md's T6 asked for less.)

use super::location::{Fix, LatLng};
use super::time::Millis;

/// A chunk's earliest and latest time, in seconds since 1970.
pub type Span = (i64, i64);

/// Bytes per chunk.
const CHUNK_BYTES: usize = 64 << 10;
/// The most one point takes: three varints of a 33-bit zigzag value, 5 bytes each.
const MAX_POINT: usize = 15;

/// Zigzag (small magnitudes small, either sign) then LEB128, appended to `out`.
fn put_varint(out: &mut Vec<u8>, value: i64) {
    let mut v = ((value << 1) ^ (value >> 63)).cast_unsigned();
    while v >= 0x80 {
        out.push(low_byte(v) | 0x80);
        v >>= 7;
    }
    out.push(low_byte(v));
}

/// The low 7 bits of `v`.
fn low_byte(v: u64) -> u8 {
    u8::try_from(v & 0x7f).unwrap_or(0)
}

/// The varint at the start of `bytes` and its length, as [`put_varint`] wrote it.
fn get_varint(bytes: &[u8]) -> Option<(i64, usize)> {
    let mut v: u64 = 0;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let value = (v >> 1).cast_signed() ^ -((v & 1).cast_signed());
            return Some((value, i + 1));
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    /// The first point's time, in seconds since 1970.
    start_s: i64,
    /// The last point written: seconds after `start_s`, latitude and longitude in E7.
    last: (i64, i64, i64),
    bytes: Vec<u8>,
}

impl Chunk {
    fn new(start_s: i64) -> Self {
        Chunk {
            start_s,
            last: (0, 0, 0),
            bytes: Vec::with_capacity(CHUNK_BYTES),
        }
    }

    /// Whether another point surely fits in the room allocated.
    fn has_room(&self) -> bool {
        self.bytes.capacity() - self.bytes.len() >= MAX_POINT
    }

    /// Writes a point `dt_s` seconds after the chunk's start.
    fn put(&mut self, dt_s: i32, at: LatLng) {
        let now = (i64::from(dt_s), i64::from(at.lat_e7), i64::from(at.lng_e7));
        put_varint(&mut self.bytes, now.0 - self.last.0);
        put_varint(&mut self.bytes, now.1 - self.last.1);
        put_varint(&mut self.bytes, now.2 - self.last.2);
        self.last = now;
    }

    /// Its points: seconds after the chunk's start, and where.
    fn points(&self) -> Points<'_> {
        Points {
            bytes: &self.bytes,
            last: (0, 0, 0),
        }
    }

    /// Its points, times to the second.
    fn fixes(&self) -> impl Iterator<Item = Fix> + '_ {
        self.points().map(move |(dt_s, at)| Fix {
            time: (self.start_s + i64::from(dt_s)) * 1000 as Millis,
            at,
        })
    }
}

/// The points of a chunk, read back in order.
struct Points<'a> {
    bytes: &'a [u8],
    last: (i64, i64, i64),
}

impl Iterator for Points<'_> {
    type Item = (i32, LatLng);

    fn next(&mut self) -> Option<Self::Item> {
        let (dt, a) = get_varint(self.bytes)?;
        let (lat, b) = get_varint(self.bytes.get(a..)?)?;
        let (lng, c) = get_varint(self.bytes.get(a + b..)?)?;
        self.bytes = self.bytes.get(a + b + c..)?;
        self.last = (self.last.0 + dt, self.last.1 + lat, self.last.2 + lng);
        // Each value was an i32 when written ([`Chunk::put`]).
        Some((
            i32::try_from(self.last.0).ok()?,
            LatLng {
                lat_e7: i32::try_from(self.last.1).ok()?,
                lng_e7: i32::try_from(self.last.2).ok()?,
            },
        ))
    }
}

/// Every point of a file, in the order read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointStore {
    chunks: Vec<Chunk>,
    /// Points more than 68 years from their chunk's start (broken clocks): rare, kept whole.
    far: Vec<Fix>,
    /// The time (s) of the last point, if it went to `far`: a second far point near it starts a
    /// new chunk instead (the chunk before held a bogus date).
    last_far: Option<i64>,
    len: u64,
}

impl PointStore {
    /// Keeps a position (its time rounded down to the second).
    pub fn push(&mut self, fix: Fix) {
        let time_s = fix.time.div_euclid(1000);
        let dt = |start_s: i64| i32::try_from(time_s - start_s).ok();
        self.len += 1;
        let last_far = self.last_far.take();
        if let Some(chunk) = self.chunks.last_mut() {
            match dt(chunk.start_s) {
                Some(dt_s) if chunk.has_room() => {
                    chunk.put(dt_s, fix.at);
                    return;
                }
                None if last_far.is_none_or(|t| dt(t).is_none()) => {
                    self.far.push(fix);
                    self.last_far = Some(time_s);
                    return;
                }
                // Two far points in a row, close to each other: the chunk's start was the odd
                // one. Close that chunk and start another.
                None => chunk.bytes.shrink_to_fit(),
                Some(_) => {}
            }
        }
        // A new chunk: the first, or a full one's successor.
        let mut chunk = Chunk::new(time_s);
        chunk.put(0, fix.at);
        self.chunks.push(chunk);
    }

    /// Gives back the last chunk's spare room, once every point is in.
    pub fn shrink(&mut self) {
        if let Some(last) = self.chunks.last_mut() {
            last.bytes.shrink_to_fit();
        }
        self.chunks.shrink_to_fit();
        self.far.shrink_to_fit();
    }

    /// Points kept.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Heap bytes held: every chunk's allocated room, and the chunk list itself.
    pub fn heap_bytes(&self) -> u64 {
        let points: usize = self.chunks.iter().map(|c| c.bytes.capacity()).sum();
        let list = self.chunks.capacity() * std::mem::size_of::<Chunk>();
        let far = self.far.capacity() * std::mem::size_of::<Fix>();
        (points + list + far) as u64
    }

    /// The points, times to the second: in the order kept, then those with a far-off time.
    pub fn iter(&self) -> impl Iterator<Item = Fix> + '_ {
        self.chunks
            .iter()
            .flat_map(Chunk::fixes)
            .chain(self.far_fixes())
    }

    /// The points with a far-off time, to the second.
    fn far_fixes(&self) -> impl Iterator<Item = Fix> + '_ {
        self.far.iter().map(|f| Fix {
            time: f.time.div_euclid(1000) * 1000,
            at: f.at,
        })
    }

    /// Each chunk's earliest and latest time in seconds, for [`PointStore::iter_between`]: one
    /// pass over the points, worth keeping beside the store.
    pub fn spans(&self) -> Vec<Span> {
        self.chunks
            .iter()
            .map(|c| {
                let (low, high) = c.points().fold((i32::MAX, i32::MIN), |(l, h), (dt_s, _)| {
                    (l.min(dt_s), h.max(dt_s))
                });
                (c.start_s + i64::from(low), c.start_s + i64::from(high))
            })
            .collect()
    }

    /// The points from `from` to `to` (ms, both included), in the order kept, as [`PointStore::iter`]
    /// gives them; `spans` is [`PointStore::spans`], so that chunks wholly outside are skipped.
    pub fn iter_between<'a>(
        &'a self,
        spans: &'a [Span],
        from: Millis,
        to: Millis,
    ) -> impl Iterator<Item = Fix> + 'a {
        let (from_s, to_s) = (from.div_euclid(1000), to.div_euclid(1000));
        let overlaps = move |(i, _): &(usize, &Chunk)| {
            spans
                .get(*i)
                .is_none_or(|&(low, high)| high >= from_s && low <= to_s)
        };
        self.chunks
            .iter()
            .enumerate()
            .filter(overlaps)
            .flat_map(|(_, c)| c.fixes())
            .chain(self.far_fixes())
            .filter(move |f| (from..=to).contains(&f.time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(time: Millis, lat_e7: i32, lng_e7: i32) -> Fix {
        Fix {
            time,
            at: LatLng { lat_e7, lng_e7 },
        }
    }

    #[test]
    fn a_time_range_skips_the_chunks_outside_it_and_loses_no_point_inside() {
        let mut store = PointStore::default();
        // 100,000 points a minute apart, 3 bytes each: five chunks of 64 KiB.
        let start: Millis = 1_700_000_000_000;
        for i in 0..100_000 {
            store.push(fix(start + i * 60_000, i32::try_from(i).unwrap(), 0));
        }
        let spans = store.spans();
        assert_eq!(spans.len(), 5);
        let first = i64::try_from(store.chunks[0].points().count()).unwrap();
        assert_eq!(
            first,
            i64::try_from((CHUNK_BYTES - MAX_POINT) / 3 + 1).unwrap()
        );
        assert_eq!(spans[0], (1_700_000_000, 1_700_000_000 + (first - 1) * 60));
        let (from, to) = (start + 20_000 * 60_000, start + 20_100 * 60_000);
        let inside: Vec<i32> = store
            .iter_between(&spans, from, to)
            .map(|f| f.at.lat_e7)
            .collect();
        assert_eq!(inside, (20_000..=20_100).collect::<Vec<_>>());
        let all: Vec<Fix> = store
            .iter()
            .filter(|f| (from..=to).contains(&f.time))
            .collect();
        assert_eq!(
            store.iter_between(&spans, from, to).collect::<Vec<_>>(),
            all
        );
        // Without spans (or fewer), every chunk is looked at: the same points.
        assert_eq!(store.iter_between(&[], from, to).collect::<Vec<_>>(), all);
    }

    #[test]
    fn points_come_back_as_kept_to_the_second_at_4_bytes_each_when_close() {
        let mut store = PointStore::default();
        // A million points, every 2 minutes from 2014, out-of-order pairs included.
        let start: Millis = 1_388_534_400_123;
        let n: i32 = 1_000_000;
        for i in 0..n {
            let j = if i % 2 == 0 { i + 1 } else { i - 1 };
            store.push(fix(
                start + i64::from(j) * 120_000,
                461_603_000 + j,
                -11_511_000 - j,
            ));
        }
        assert_eq!(store.len(), 1_000_000);
        store.shrink();
        for (i, p) in (0..n).zip(store.iter()) {
            let j = if i % 2 == 0 { i + 1 } else { i - 1 };
            // The milliseconds are dropped.
            assert_eq!(
                p,
                fix(
                    start - 123 + i64::from(j) * 120_000,
                    461_603_000 + j,
                    -11_511_000 - j
                )
            );
        }
        // Each point 2 or 6 minutes from the one before, 1 or 3 E7 units away: 2 bytes for the
        // time, 1 for each coordinate.
        #[allow(clippy::cast_precision_loss)] // a ratio
        let per_point = store.heap_bytes() as f64 / store.len() as f64;
        assert!((4.0..=4.01).contains(&per_point), "{per_point} B/point");
        // A small file too, once shrunk.
        let mut small = PointStore::default();
        for i in 0..100 {
            small.push(fix(start + i * 1000, 0, 0));
        }
        small.shrink();
        assert!(
            small.heap_bytes() <= 100 * 12 + 64,
            "{}",
            small.heap_bytes()
        );
    }

    #[test]
    fn the_largest_steps_come_back_exactly_and_never_overflow_a_chunk() {
        let mut store = PointStore::default();
        // Latitude and longitude swinging between the ends of i32, times 68 years apart: every
        // difference 33 bits long, 15 bytes a point, the most a point takes.
        let base: Millis = 1_000_000_000;
        let extreme = |i: i32| {
            let (lat, lng, t) = if i % 2 == 0 {
                (i32::MIN, i32::MAX, 0)
            } else {
                (i32::MAX, i32::MIN, i64::from(i32::MAX))
            };
            fix((base + t) * 1000, lat, lng)
        };
        for i in 0..20_000 {
            store.push(extreme(i));
        }
        store.shrink();
        assert!(store.far.is_empty());
        let back: Vec<Fix> = store.iter().collect();
        assert_eq!(back, (0..20_000).map(extreme).collect::<Vec<_>>());
        assert!(store.chunks.len() > 1);
        assert!(store.chunks.iter().all(|c| c.bytes.len() <= CHUNK_BYTES));
        // Standing still: 3 bytes a point.
        let mut still = PointStore::default();
        for i in 0..10_000 {
            still.push(fix(base * 1000, 461_603_000, -11_511_000 + i % 2));
        }
        still.shrink();
        assert!(
            still.heap_bytes() <= 10_000 * 3 + 64,
            "{}",
            still.heap_bytes()
        );
    }

    #[test]
    fn varints_read_back_what_was_written() {
        for v in [
            0,
            1,
            -1,
            63,
            -64,
            64,
            1 << 33,
            -(1 << 33),
            i64::MAX,
            i64::MIN,
        ] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(get_varint(&out), Some((v, out.len())), "{v}");
        }
        // Cut short: nothing, never a panic.
        assert_eq!(get_varint(&[0x80, 0x80]), None);
        assert_eq!(get_varint(&[]), None);
    }

    #[test]
    fn one_bogus_date_first_does_not_send_every_later_point_aside() {
        let mut store = PointStore::default();
        // Year 9999, then 100,000 points every minute from 2024.
        store.push(fix(253_402_214_400_000, 0, 0));
        for i in 0..100_000 {
            store.push(fix(1_704_067_200_000 + i * 60_000, 1, 1));
        }
        store.shrink();
        assert_eq!(store.len(), 100_001);
        assert_eq!(
            store.far.len(),
            1,
            "only the second point, before the new chunk began"
        );
        assert!(
            store.heap_bytes() <= 100_001 * 12 + 512,
            "{}",
            store.heap_bytes()
        );
    }

    #[test]
    fn times_far_apart_and_before_1970_stay_exact_and_cost_no_chunk_each() {
        let mut store = PointStore::default();
        // Broken clocks: every other time a century away.
        let times: Vec<Millis> = (0..10_000)
            .map(|i| {
                if i % 2 == 0 {
                    i * 1000
                } else {
                    100 * 365 * 86_400_000 - i * 1000
                }
            })
            .chain([-86_400_000, -3_000_000_000_000])
            .collect();
        for (i, &t) in times.iter().enumerate() {
            store.push(fix(t, i32::try_from(i).unwrap(), 0));
        }
        assert_eq!(store.len(), 10_002);
        store.shrink();
        let mut back: Vec<(i32, Millis)> = store.iter().map(|f| (f.at.lat_e7, f.time)).collect();
        back.sort_unstable();
        let want: Vec<(i32, Millis)> = (0..).zip(times.iter().copied()).collect();
        assert_eq!(back, want);
        // The near ones in chunks, the far ones in a plain list: at most 16 bytes and a growing
        // list's spare room each.
        assert!(store.heap_bytes() < 10_002 * 32, "{}", store.heap_bytes());
        assert!(PointStore::default().is_empty());
        assert_eq!(PointStore::default().heap_bytes(), 0);
    }
}
