//! The user interface: Yew function components over a pure state.
//!
//! [`state`] (the reducer) is pure and tested natively; everything else is browser-only and is the
//! one place, with `worker`, allowed to use yew, web-sys, gloo, wasm-bindgen and js-sys.

pub mod state;
/// Results kept on this device, encrypted (issue 11).
pub mod vault;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod dropped;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
mod save;

#[cfg(target_arch = "wasm32")]
pub use app::{start, App, Picked};
