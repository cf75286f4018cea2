//! The worker: all file work happens here, off the main thread.
//!
//! [`protocol`] holds the messages between page and worker; it is pure and tested natively. The
//! glue is browser-only: `spawn` is the page side (start, restart and terminate a worker from the
//! compiled module the page keeps, with no request), `runtime` the worker side (read files through
//! `Blob.slice` + `FileReaderSync`, analyse them, post results), and `netwatch` counts network
//! requests on either side for the promise indicator.

pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod blob;
#[cfg(target_arch = "wasm32")]
pub mod netwatch;
#[cfg(target_arch = "wasm32")]
mod runtime;
#[cfg(target_arch = "wasm32")]
pub mod spawn;

#[cfg(target_arch = "wasm32")]
pub use runtime::{drain, start};
