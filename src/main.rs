//! The UI binary: Trunk builds it to wasm32 and `boot.js` starts it.

#[cfg(target_arch = "wasm32")]
fn main() {
    reflet::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Reflet runs in the browser: use scripts/serve.sh, or `cargo run --example inspect -- FILE...`.");
}
