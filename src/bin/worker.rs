//! The worker binary: started by the page from a `blob:` URL with the module it already holds.

#[cfg(target_arch = "wasm32")]
fn main() {
    reflet::worker::start();
}

/// Handles the messages the worker has received (`reflet::worker::drain`); called by the boot
/// script in `reflet::worker::spawn`, through `WebAssembly.promising` where the browser has JSPI.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn reflet_drain(suspending: bool) {
    reflet::worker::drain(suspending);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Reflet worker only runs inside a browser Web Worker.");
}
