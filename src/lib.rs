//! Reflet: see what your personal-data exports reveal about you, entirely in your browser.
//!
//! # Map of the layers
//!
//! Each layer depends only on those above it in this list (`../shared/DESIGN.md`):
//!
//! | layer | module | knows about |
//! |---|---|---|
//! | text | [`i18n`] | the French and English catalogue, number and size formatting |
//! | model | [`model`] | domain types, nothing about files or browsers |
//! | errors | [`error`] | one error type, written for the person who gave us the file |
//! | ingest | [`ingest`] | reading bytes: the random-access [`ingest::ByteSource`] |
//! | sources | [`sources`] | one file per export type, and the registry that detects them |
//! | analysis | [`analysis`] | what a file reveals |
//! | report | [`report`] | the serialisable report: what the UI shows and `inspect` prints |
//! | exports | [`export`] | what was read, written again as GeoJSON, GPX and CSV, safe to open |
//! | letters | [`letters`] | GDPR request letters (access, portability, objection, erasure) and where to send them |
//! | guide pages | `handouts` | the static "Get your data" pages, from the registry's guides |
//! | charts | [`charts`] | drawing findings on any plotters backend |
//! | test data | [`synth`] | seeded synthetic exports with their ground truth, for tests and benchmarks |
//! | ui / worker glue | `ui`, `worker` | yew, web-sys, gloo, wasm-bindgen, js-sys |
//!
//! Only `ui` and `worker` may name the browser crates; `tests/integration/layers.rs`
//! enforces it. Everything else builds and tests natively with `cargo test`.

pub mod analysis;
pub mod charts;
pub mod contribute;
pub mod error;
pub mod export;
#[cfg(feature = "guides")]
pub mod handouts;
pub mod i18n;
pub mod ingest;
pub mod letters;
pub mod mask;
pub mod model;
pub mod report;
pub mod scan;
pub mod sources;
pub mod synth;
pub mod ui;
pub mod worker;
