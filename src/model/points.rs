//! Positions kept for maps and day views (map mode): 12 bytes each.
//!
//! A point is its time to the second, as an offset from its chunk's first time (4 bytes), and its
//! latitude and longitude in E7 (4 bytes each). Chunks of 16,384 points are allocated at their
//! final size, so that no point pays for a growing vector's spare capacity, and the last one is
//! shrunk to fit once the file is read. Summary mode keeps no points at all.

use super::location::{Fix, LatLng};
use super::time::Millis;

/// A chunk's earliest and latest time, in seconds since 1970.
pub type Span = (i64, i64);

/// Points per chunk: 192 KB.
const CHUNK: usize = 16_384;

/// One kept point: seconds after the chunk's start, latitude and longitude in E7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    dt_s: i32,
    lat_e7: i32,
    lng_e7: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Chunk {
    /// The first point's time, in seconds since 1970.
    start_s: i64,
    points: Vec<Packed>,
}

impl Chunk {
    /// Its points, times to the second.
    fn fixes(&self) -> impl Iterator<Item = Fix> + '_ {
        self.points.iter().map(move |p| Fix {
            time: (self.start_s + i64::from(p.dt_s)) * 1000 as Millis,
            at: LatLng {
                lat_e7: p.lat_e7,
                lng_e7: p.lng_e7,
            },
        })
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
        let packed = |start_s: i64| {
            i32::try_from(time_s - start_s).ok().map(|dt_s| Packed {
                dt_s,
                lat_e7: fix.at.lat_e7,
                lng_e7: fix.at.lng_e7,
            })
        };
        self.len += 1;
        let last_far = self.last_far.take();
        if let Some(chunk) = self.chunks.last_mut() {
            match packed(chunk.start_s) {
                Some(p) if chunk.points.len() < chunk.points.capacity() => {
                    chunk.points.push(p);
                    return;
                }
                None if last_far.is_none_or(|t| packed(t).is_none()) => {
                    self.far.push(fix);
                    self.last_far = Some(time_s);
                    return;
                }
                // Two far points in a row, close to each other: the chunk's start was the odd
                // one. Close that chunk and start another.
                None => chunk.points.shrink_to_fit(),
                Some(_) => {}
            }
        }
        // A new chunk: the first, or a full one's successor.
        let mut points = Vec::with_capacity(CHUNK);
        if let Some(p) = packed(time_s) {
            points.push(p);
        }
        self.chunks.push(Chunk {
            start_s: time_s,
            points,
        });
    }

    /// Gives back the last chunk's spare room, once every point is in.
    pub fn shrink(&mut self) {
        if let Some(last) = self.chunks.last_mut() {
            last.points.shrink_to_fit();
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
        let points: usize = self
            .chunks
            .iter()
            .map(|c| c.points.capacity() * std::mem::size_of::<Packed>())
            .sum();
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
                let (low, high) = c.points.iter().fold((i32::MAX, i32::MIN), |(l, h), p| {
                    (l.min(p.dt_s), h.max(p.dt_s))
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
        // 100,000 points a minute apart (seven chunks), and one far-off broken clock.
        let start: Millis = 1_700_000_000_000;
        for i in 0..100_000 {
            store.push(fix(start + i * 60_000, i32::try_from(i).unwrap(), 0));
        }
        let spans = store.spans();
        assert_eq!(spans.len(), 7);
        assert_eq!(spans[0], (1_700_000_000, 1_700_000_000 + 16_383 * 60));
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
    fn points_come_back_as_kept_to_the_second_at_12_bytes_each() {
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
        #[allow(clippy::cast_precision_loss)] // a ratio
        let per_point = store.heap_bytes() as f64 / store.len() as f64;
        assert!((12.0..=12.01).contains(&per_point), "{per_point} B/point");
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
