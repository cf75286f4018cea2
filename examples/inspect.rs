//! `cargo run --release --example inspect -- FILE_OR_FOLDER...`
//! `cargo run --release --example inspect -- --day 2024-03-04 FILE_OR_FOLDER...`
//! `cargo run --release --example inspect -- --raw FILE_OR_FOLDER...`
//!
//! Prints the JSON report of the given files (folders are walked), from the same analysis the
//! browser runs: every finding on screen is in this report, with the same values.
//! Schema: `docs/report-schema.md`. With `--day DATE` (`last` for each file's last day with
//! data), prints instead that day of each location file, as the day view shows it. With `--raw`,
//! every file gets the scanner's raw view (its structure and personal data), recognised ones too,
//! as the page's "raw view" shows it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let day = match args.iter().position(|a| a == "--day") {
        Some(i) if i + 1 < args.len() => {
            let date = args.remove(i + 1).to_string_lossy().into_owned();
            args.remove(i);
            Some(date)
        }
        Some(_) => {
            eprintln!("--day needs a date (2024-03-04) or `last`.");
            return ExitCode::from(2);
        }
        None => None,
    };
    let raw = args
        .iter()
        .position(|a| a == "--raw")
        .map(|i| args.remove(i))
        .is_some();
    if args.is_empty() || args.iter().any(|p| p == "--help" || p == "-h") {
        eprintln!(
            "usage: inspect [--raw] [--day DATE|last] FILE_OR_FOLDER...\nPrints Reflet's JSON \
             report of the given files (with --raw, every file's raw view too), or one day of \
             each location file."
        );
        return ExitCode::from(2);
    }
    match day {
        Some(date) => {
            let date = (date != "last").then_some(date);
            println!(
                "{}",
                reflet::report::inspect_day(&args, date.as_deref()).to_json()
            );
        }
        None if raw => println!("{}", reflet::report::inspect_raw(&args).to_json()),
        None => println!("{}", reflet::report::inspect_paths(&args).to_json()),
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
