//! The worker binary: started by the page from a `blob:` URL with the module it already holds.

#[cfg(target_arch = "wasm32")]
fn main() {
    reflet::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Reflet worker only runs inside a browser Web Worker.");
}
