//! A [`ByteSource`] over a `Blob` (a `File`), read with `Blob.slice` + `FileReaderSync`.
//!
//! Synchronous reads are allowed in workers, and only the requested slice is ever copied into wasm
//! memory, so a file of many gigabytes costs no more than the chunk being read.
//!
//! Each `FileReaderSync` call has a fixed cost (a round trip to the browser process, which reads
//! the file): reading 100 MB in 1 MB slices ran at about 95 MB/s on the benchmark machine, in
//! 4 MB slices at 175 MB/s, in 8 MB slices at 205 MB/s (BENCHMARKS.md). So reads that follow each
//! other are served from a read-ahead slice kept on the JS side, outside wasm memory, which grows
//! from 64 KiB to [`AHEAD_MAX`] as long as reading stays sequential; a jump elsewhere (a zip's
//! central directory, then an entry) reads only what was asked.
//!
//! Each read returns a fresh `ArrayBuffer`. V8 frees those only when a garbage collection runs, and
//! a worker that allocates little on the JS heap rarely triggers one: reading 1 GB this way grew
//! Chromium's renderer by about 500 MB (BENCHMARKS.md). So once a chunk is copied into wasm memory,
//! its buffer is *transferred* into a message port whose other end is closed: a transfer detaches
//! the buffer and the dropped message frees its memory at once. The same 1 GB read then grows the
//! renderer by 27 MB, like a BYOB stream that reuses one buffer.
//!
//! Where the browser has JSPI (`WebAssembly.Suspending`, in Chromium since 137), reads are
//! asynchronous instead ([`Reads::Suspend`]): each slice is read by a second worker (`refletRead`),
//! the next slice's read starts before this one is parsed, and the wasm stack *suspends* until the
//! slice is there. Reading then overlaps parsing, and the worker returns to its event loop between
//! slices, so terminating it (Cancel) takes effect at once instead of after Chromium's 2 s grace
//! for a busy worker. The worker's boot script (`worker/boot.js`) defines the imports below and
//! wraps `refletSuspend` and the entry point; elsewhere (Safari) reads stay synchronous.

use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, FileReaderSync, MessageChannel, MessagePort};

use super::runtime::now;
use crate::ingest::ByteSource;

#[wasm_bindgen]
extern "C" {
    /// `blob.slice(start, end).arrayBuffer()`, resolving to `null` if the read fails (defined by
    /// the boot script).
    #[wasm_bindgen(js_name = refletRead)]
    fn reflet_read(blob: &Blob, start: f64, end: f64) -> Promise;
    /// Returns what the promise resolves to: the boot script wraps this import in
    /// `WebAssembly.Suspending`, so the call suspends the wasm stack until then. Only ever called
    /// under the entry point that `WebAssembly.promising` wraps ([`Reads::Suspend`]).
    #[wasm_bindgen(js_name = refletSuspend)]
    fn reflet_suspend(promise: &Promise) -> JsValue;
    /// A promise settled in a task of its own (a message to itself): suspending on it lets the
    /// event loop run, and the worker be terminated (defined by the boot script).
    #[wasm_bindgen(js_name = refletYield)]
    fn reflet_yield() -> Promise;
}

/// With suspending reads, the longest the worker keeps its thread between two returns to its event
/// loop: a read that comes later than this after the last one suspends for a moment first, so that
/// Cancel (terminating the worker) takes effect within about this time, even when the slice being
/// parsed was read long ago (BENCHMARK.md T9: 50 ms).
const YIELD_MS: f64 = 10.0;

/// How the slices are read.
#[derive(Clone, Copy)]
pub enum Reads {
    /// `FileReaderSync`, blocking the worker's thread.
    Sync,
    /// `Blob.arrayBuffer()` through the suspending import: the caller runs under
    /// `WebAssembly.promising`.
    Suspend,
}

/// The reader behind [`Reads`].
enum Reader {
    Sync(FileReaderSync),
    Suspend {
        /// The next slice's read, started before the current slice was parsed: its start, end
        /// and promise.
        next: Option<(u64, u64, Promise)>,
        /// When the worker last returned to its event loop (`performance.now()`).
        last_yield: f64,
    },
}

/// The largest read-ahead slice: 4 MiB (see the module documentation for the measurements).
///
/// With suspending reads two slices are in flight (the one parsed and the next), so this bounds
/// the renderer's read buffers at twice as much. Measured on 50 MB (medians of seven runs): 8 MiB
/// took 0.85 s with the renderer peaking 17 MB above the 10 MB run, 4 MiB 0.91 s and 10 MB above,
/// 2 MiB 1.00 s and 6 MB above. A 10 MB file never reaches 8 MiB slices, so the larger size also
/// made memory look as if it grew with the input, up to the CI smoke's 16 MB limit.
const AHEAD_MAX: u64 = 4 << 20;
/// The read-ahead slice after a jump.
const AHEAD_MIN: u64 = 64 << 10;

/// The slice that follows one of `last` bytes in a sequential read: twice as long, within
/// [`AHEAD_MIN`]..=[`AHEAD_MAX`].
fn grown(last: u64) -> u64 {
    (last * 2).clamp(AHEAD_MIN, AHEAD_MAX)
}

/// A slice of the blob already read, waiting in a JS `ArrayBuffer`.
struct Ahead {
    start: u64,
    bytes: Uint8Array,
}

impl Ahead {
    fn end(&self) -> u64 {
        self.start + u64::from(self.bytes.length())
    }
}

pub struct BlobSource {
    blob: Blob,
    reader: Reader,
    /// Where read buffers are sent to be freed (see the module documentation); `None` if the
    /// browser has no `MessageChannel` in workers, when reading still works, with more memory.
    sink: Option<MessagePort>,
    len: u64,
    read: u64,
    on_read: Option<Box<dyn FnMut(u64)>>,
    ahead: Option<Ahead>,
}

impl BlobSource {
    pub fn new(blob: Blob, reads: Reads) -> std::io::Result<Self> {
        let reader = match reads {
            Reads::Sync => Reader::Sync(
                FileReaderSync::new().map_err(|_| std::io::Error::other("no FileReaderSync"))?,
            ),
            Reads::Suspend => Reader::Suspend {
                next: None,
                last_yield: now(),
            },
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // sizes are whole, ≥ 0
        let len = blob.size() as u64;
        let sink = MessageChannel::new().ok().map(|channel| {
            channel.port2().close();
            channel.port1()
        });
        Ok(BlobSource {
            blob,
            reader,
            sink,
            len,
            read: 0,
            on_read: None,
            ahead: None,
        })
    }

    /// Calls `on_read` after every read with the bytes read so far (for progress).
    pub fn with_progress(mut self, on_read: impl FnMut(u64) + 'static) -> Self {
        self.on_read = Some(Box::new(on_read));
        self
    }
}

impl BlobSource {
    /// Frees a buffer already copied into wasm memory, without waiting for a garbage collection.
    fn release(&self, bytes: &ArrayBuffer) {
        if let Some(sink) = &self.sink {
            // A failed transfer only means the buffer waits for the garbage collector.
            let _ = sink.post_message_with_transferable(&JsValue::NULL, &Array::of1(bytes));
        }
    }

    /// Reads the slice that starts at `at` into the read-ahead buffer, at least `wanted` bytes
    /// (up to the end of the blob) and more if reading is sequential; false at the end.
    fn refill(&mut self, at: u64, wanted: usize) -> std::io::Result<bool> {
        if at >= self.len {
            return Ok(false);
        }
        let sequential = self
            .ahead
            .as_ref()
            .map(|a| (a.end() == at, a.end() - a.start));
        let ahead = match sequential {
            Some((true, last)) => grown(last),
            _ => AHEAD_MIN,
        };
        let end = at.saturating_add(ahead.max(wanted as u64)).min(self.len);
        if let Some(old) = self.ahead.take() {
            self.release(&old.bytes.buffer());
        }
        let buffer = match &mut self.reader {
            Reader::Sync(reader) => reader
                .read_as_array_buffer(&slice(&self.blob, at, end)?)
                .map_err(|_| std::io::Error::other("read failed"))?,
            Reader::Suspend { next, last_yield } => {
                // The slice read ahead if it starts here (it may be longer than asked), else
                // a read of its own; either way the following slice's read starts now, so that
                // the browser reads it while this one is parsed.
                let (end, current) = match next.take() {
                    Some((start, end, promise)) if start == at && end >= at + wanted as u64 => {
                        (end, promise)
                    }
                    _ => (end, reflet_read(&self.blob, as_f64(at), as_f64(end))),
                };
                if end < self.len {
                    let following = end.saturating_add(grown(end - at)).min(self.len);
                    *next = Some((
                        end,
                        following,
                        reflet_read(&self.blob, as_f64(end), as_f64(following)),
                    ));
                }
                let buffer = reflet_suspend(&current);
                *last_yield = now();
                buffer
                    .dyn_into::<ArrayBuffer>()
                    .map_err(|_| std::io::Error::other("read failed"))?
            }
        };
        let bytes = Uint8Array::new(&buffer);
        if bytes.length() == 0 {
            return Ok(false);
        }
        self.ahead = Some(Ahead { start: at, bytes });
        Ok(true)
    }
}

#[allow(clippy::cast_precision_loss)] // offsets stay far below 2^53
fn as_f64(offset: u64) -> f64 {
    offset as f64
}

fn slice(blob: &Blob, start: u64, end: u64) -> std::io::Result<Blob> {
    blob.slice_with_f64_and_f64(as_f64(start), as_f64(end))
        .map_err(|_| std::io::Error::other("slice failed"))
}

impl Drop for BlobSource {
    fn drop(&mut self) {
        if let Some(old) = self.ahead.take() {
            self.release(&old.bytes.buffer());
        }
    }
}

impl ByteSource for BlobSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Reader::Suspend { last_yield, .. } = &mut self.reader {
            if now() - *last_yield >= YIELD_MS {
                reflet_suspend(&reflet_yield());
                *last_yield = now();
            }
        }
        let mut n = 0;
        while n < buf.len() {
            let at = offset + n as u64;
            if !self
                .ahead
                .as_ref()
                .is_some_and(|a| a.start <= at && at < a.end())
                && !self.refill(at, buf.len() - n)?
            {
                break;
            }
            let Some(ahead) = self.ahead.as_ref() else {
                break;
            };
            let Some(dst) = buf.get_mut(n..) else { break };
            // Both fit in u32: the slice is at most AHEAD_MAX or one caller's buffer long.
            let from = u32::try_from(at - ahead.start).unwrap_or(u32::MAX);
            let take = u32::try_from(dst.len())
                .unwrap_or(u32::MAX)
                .min(ahead.bytes.length() - from);
            let Some(dst) = dst.get_mut(..take as usize) else {
                break;
            };
            ahead.bytes.subarray(from, from + take).copy_to(dst);
            n += take as usize;
        }
        self.read = self.read.saturating_add(n as u64);
        if let Some(on_read) = self.on_read.as_mut() {
            on_read(self.read);
        }
        Ok(n)
    }
}
