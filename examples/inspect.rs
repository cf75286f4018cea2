//! `cargo run --release --example inspect -- FILE_OR_FOLDER...`
//!
//! Prints the JSON report of the given files (folders are walked), from the same analysis the
//! browser runs: every finding on screen is in this report, with the same values.
//! Schema: `docs/report-schema.md`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() || paths.iter().any(|p| p == "--help" || p == "-h") {
        eprintln!(
            "usage: inspect FILE_OR_FOLDER...\nPrints Reflet's JSON report of the given files."
        );
        return ExitCode::from(2);
    }
    println!("{}", reflet::report::inspect_paths(&paths).to_json());
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
