//! A [`ByteSource`] over a `Blob` (a `File`), read with `Blob.slice` + `FileReaderSync`.
//!
//! Synchronous reads are allowed in workers, and only the requested slice is ever copied into wasm
//! memory, so a file of many gigabytes costs no more than the chunk being read.
//!
//! Each read returns a fresh `ArrayBuffer`. V8 frees those only when a garbage collection runs, and
//! a worker that allocates little on the JS heap rarely triggers one: reading 1 GB this way grew
//! Chromium's renderer by about 500 MB (BENCHMARKS.md). So once a chunk is copied into wasm memory,
//! its buffer is *transferred* into a message port whose other end is closed: a transfer detaches
//! the buffer and the dropped message frees its memory at once. The same 1 GB read then grows the
//! renderer by 27 MB, like a BYOB stream that reuses one buffer.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::{Blob, FileReaderSync, MessageChannel, MessagePort};

use crate::ingest::ByteSource;

pub struct BlobSource {
    blob: Blob,
    reader: FileReaderSync,
    /// Where read buffers are sent to be freed (see the module documentation); `None` if the
    /// browser has no `MessageChannel` in workers, when reading still works, with more memory.
    sink: Option<MessagePort>,
    len: u64,
    read: u64,
    on_read: Option<Box<dyn FnMut(u64)>>,
}

impl BlobSource {
    pub fn new(blob: Blob) -> std::io::Result<Self> {
        let reader =
            FileReaderSync::new().map_err(|_| std::io::Error::other("no FileReaderSync"))?;
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
}

impl ByteSource for BlobSource {
    fn len(&self) -> u64 {
        self.len
    }

    #[allow(clippy::cast_precision_loss)] // offsets stay far below 2^53
    fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        let end = offset.saturating_add(buf.len() as u64).min(self.len);
        if offset >= end {
            return Ok(0);
        }
        let slice = self
            .blob
            .slice_with_f64_and_f64(offset as f64, end as f64)
            .map_err(|_| std::io::Error::other("slice failed"))?;
        let bytes = self
            .reader
            .read_as_array_buffer(&slice)
            .map_err(|_| std::io::Error::other("read failed"))?;
        let array = Uint8Array::new(&bytes);
        let n = (array.length() as usize).min(buf.len());
        if let Some(dst) = buf.get_mut(..n) {
            // A view, not a copy: each read already allocates one ArrayBuffer.
            array
                .subarray(0, u32::try_from(n).unwrap_or(u32::MAX))
                .copy_to(dst);
        }
        self.release(&bytes);
        self.read = self.read.saturating_add(n as u64);
        if let Some(on_read) = self.on_read.as_mut() {
            on_read(self.read);
        }
        Ok(n)
    }
}
