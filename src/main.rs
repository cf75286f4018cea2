//! Reflet's one wasm module: Trunk builds it to wasm32 and `boot.js` starts it in the page; the
//! page then starts its worker from the same compiled module (`worker::spawn`), so the code the
//! two share (std, serde, the model, the analysis, the texts) is downloaded and compiled once.

/// The page starts the interface; a worker (no `window`) starts the analysis engine.
#[cfg(target_arch = "wasm32")]
fn main() {
    if reflet::worker::in_page() {
        reflet::ui::start();
    } else {
        reflet::worker::start();
    }
}

/// Handles the messages the worker has received (`reflet::worker::drain`); called by the
/// worker's boot script (`src/worker/boot.js`), through `WebAssembly.promising` where the browser
/// has JSPI. Never called in the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn reflet_drain(suspending: bool) {
    reflet::worker::drain(suspending);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Reflet runs in the browser: use scripts/serve.sh, or `cargo run --example inspect -- FILE...`.");
}
