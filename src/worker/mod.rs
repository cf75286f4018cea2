//! The worker: all file work happens here, off the main thread.
//!
//! [`protocol`] holds the messages between page and worker; it is pure and tested natively. The
//! glue is browser-only:
//! - `spawn` is the page side: start, restart and terminate a worker from the compiled module the
//!   page keeps, with no request; `boot.js`, appended to the worker's glue, wires JSPI;
//! - `runtime` the worker side: receive jobs, analyse files, post results;
//! - `blob` reads a file's slices: through JSPI, by a second worker while this one parses, or with
//!   `FileReaderSync` where JSPI is missing (Safari);
//! - `netwatch` counts network requests on either side for the promise indicator.

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

/// Whether this code runs in the page (it has a `window`), not in a worker: the one module
/// starts the interface there and the engine here.
#[cfg(target_arch = "wasm32")]
pub fn in_page() -> bool {
    web_sys::window().is_some()
}
