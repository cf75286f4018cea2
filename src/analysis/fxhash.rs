//! A hasher for the maps the analysis updates on every position (cells, days): a rotation and a
//! multiplication per word, as rustc's `FxHasher`. The default `SipHash` cost more than the
//! counting itself. It does not resist chosen collisions, which would only slow down the reading
//! of one's own file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed by [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.add(u64::from(n.cast_unsigned()));
    }

    fn write_i64(&mut self, n: i64) {
        self.add(n.cast_unsigned());
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.add(n.cast_unsigned() as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word counts, in order: cells and days that differ hash apart.
    #[test]
    fn words_hash_apart_and_in_order() {
        let hash = |f: &dyn Fn(&mut FxHasher)| {
            let mut h = FxHasher::default();
            f(&mut h);
            h.finish()
        };
        let a = hash(&|h| {
            h.write_i32(1);
            h.write_i32(2);
        });
        let b = hash(&|h| {
            h.write_i32(2);
            h.write_i32(1);
        });
        assert_ne!(a, b);
        assert_ne!(
            hash(&|h| h.write_i64(20_000)),
            hash(&|h| h.write_i64(20_001))
        );
        let mut days: FxHashMap<i64, u32> = FxHashMap::default();
        for day in 0..10_000 {
            *days.entry(day % 1_000).or_default() += 1;
        }
        assert_eq!(days.len(), 1_000);
        assert!(days.values().all(|&n| n == 10));
    }
}
