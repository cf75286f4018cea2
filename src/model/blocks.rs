//! A list that grows a block at a time, never by copying what it holds: a `Vec` doubles its
//! room and copies itself when full, so that at its peak it holds up to three times what it needs
//! (the old room and the new one, half empty) — and in wasm, whose memory never shrinks, that
//! peak stays. Used for what grows with a file's length and is kept until the end (the trips kept
//! one by one and their legs: BENCHMARK.md's T6).

/// Items per block.
const BLOCK: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
pub struct Blocks<T> {
    blocks: Vec<Vec<T>>,
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Blocks { blocks: Vec::new() }
    }
}

impl<T> Blocks<T> {
    /// The index the next item pushed will have.
    pub fn next_index(&self) -> usize {
        match self.blocks.last() {
            Some(last) => (self.blocks.len() - 1) * BLOCK + last.len(),
            None => 0,
        }
    }

    /// Items held (the first [`Blocks::next_index`] indices, but for those a run skipped).
    pub fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Vec::is_empty)
    }

    pub fn push(&mut self, item: T) {
        match self.blocks.last_mut() {
            Some(last) if last.len() < BLOCK => last.push(item),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(item);
                self.blocks.push(block);
            }
        }
    }

    /// Appends `run` so that it stays in one block (a block too full for it is left as it is),
    /// and returns its first item's index, for [`Blocks::run`]; `None` if it is longer than a
    /// block, when nothing is appended.
    pub fn push_run(&mut self, run: &[T]) -> Option<usize>
    where
        T: Clone,
    {
        if run.len() > BLOCK {
            return None;
        }
        if self
            .blocks
            .last()
            .is_none_or(|last| BLOCK - last.len() < run.len())
        {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        let first = self.next_index();
        self.blocks.last_mut()?.extend_from_slice(run);
        Some(first)
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        self.blocks.get(index / BLOCK)?.get(index % BLOCK)
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.blocks.get_mut(index / BLOCK)?.get_mut(index % BLOCK)
    }

    /// The `len` items from `first`, as [`Blocks::push_run`] appended them; empty if there are
    /// no such items.
    pub fn run(&self, first: usize, len: usize) -> &[T] {
        self.blocks
            .get(first / BLOCK)
            .and_then(|b| b.get(first % BLOCK..first % BLOCK + len))
            .unwrap_or(&[])
    }

    /// The items in order, with their indices.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &T)> + '_ {
        self.blocks.iter().enumerate().flat_map(|(b, block)| {
            block
                .iter()
                .enumerate()
                .map(move |(i, t)| (b * BLOCK + i, t))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_index_across_blocks_and_runs_stay_whole() {
        let mut items = Blocks::default();
        assert!(items.is_empty());
        for i in 0..10_000 {
            items.push(i);
        }
        assert_eq!((items.len(), items.next_index()), (10_000, 10_000));
        assert_eq!(items.get(4097), Some(&4097));
        assert_eq!(items.get(10_000), None);
        *items.get_mut(5000).unwrap() = -1;
        assert_eq!(items.get(5000), Some(&-1));
        assert!(items
            .iter()
            .all(|(i, &v)| v == -1 || usize::try_from(v).unwrap() == i));
        // Room for 2,288 more in the third block: a run of 3,000 starts a fourth.
        let run: Vec<i32> = (0..3000).collect();
        let first = items.push_run(&run).unwrap();
        assert_eq!(first, 3 * BLOCK);
        assert_eq!(items.run(first, 3000), &run[..]);
        assert_eq!(items.len(), 13_000);
        let small = items.push_run(&[7, 8]).unwrap();
        assert_eq!((small, items.run(small, 2)), (first + 3000, &[7, 8][..]));
        // Indices as iter gives them, gaps included; too long or missing: nothing.
        assert_eq!(items.iter().map(|(i, _)| i).nth(10_000), Some(first));
        assert_eq!(items.push_run(&vec![0; BLOCK + 1]), None);
        assert_eq!(items.run(first, BLOCK), &[] as &[i32]);
        assert_eq!(items.run(99 * BLOCK, 1), &[] as &[i32]);
    }
}
