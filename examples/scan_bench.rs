//! `cargo run --release --example scan_bench -- [--runs N] [--json FILE] SIZE_MB...`
//!
//! The scanner's speed natively (issue 7), next to the plain read of the same file: for each
//! size, the benchmark's generated `Records.json` (`target/bench/records-gG-s7-{mb}MB.json`,
//! made by `examples/bench.rs`) is
//! - read to its end in 1 MiB slices (the floor: what any reader pays),
//! - analysed by its source (`report::describe_input`, summary mode: N of BENCHMARK.md),
//! - scanned whole for its structure and personal data (`report::scan_entry`, the raw view).
//!
//! Prints a markdown table (median of `--runs`, default 3) and, with `--json`, the runs.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // Instant::now: native only, this is what is measured
mod native {
    use std::io::Read;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use reflet::ingest::FileSource;
    use reflet::report::{describe_input, scan_entry, FileReport};

    /// The newest generated input of `mb` MB.
    fn input(dir: &Path, mb: u64) -> Option<PathBuf> {
        let suffix = format!("-s7-{mb}MB.json");
        let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let generation = name.strip_prefix("records-g")?.strip_suffix(&suffix)?;
                Some((generation.parse().ok()?, e.path()))
            })
            .collect();
        found.sort();
        found.pop().map(|(_, p)| p)
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
    }

    /// The three timings of one run, and what the scan found.
    fn once(path: &Path, name: &str) -> Option<(f64, f64, f64, String)> {
        let start = Instant::now();
        let mut file = std::fs::File::open(path).ok()?;
        let mut buf = vec![0u8; 1 << 20];
        while file.read(&mut buf).is_ok_and(|n| n > 0) {}
        let read = start.elapsed().as_secs_f64();

        let mut bytes = FileSource::open(path).ok()?;
        let start = Instant::now();
        let mut reports: Vec<FileReport> = Vec::new();
        describe_input(name, &mut bytes, &mut |r: FileReport| reports.push(r));
        let source = start.elapsed().as_secs_f64();

        let start = Instant::now();
        let result = scan_entry(name, &mut bytes, name);
        let scan = start.elapsed().as_secs_f64();
        let found = result.map_or_else(
            || "nothing".to_owned(),
            |s| {
                s.found
                    .iter()
                    .map(|f| format!("{} {}", f.count, f.category.id()))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        Some((read, source, scan, found))
    }

    pub fn run() -> ExitCode {
        let mut args: Vec<String> = std::env::args().skip(1).collect();
        let mut take = |flag: &str| {
            let i = args.iter().position(|a| a == flag)?;
            let value = args.get(i + 1).cloned();
            args.drain(i..(i + 2).min(args.len()));
            value
        };
        let runs: usize = take("--runs")
            .and_then(|r| r.parse().ok())
            .unwrap_or(3)
            .max(1);
        let json_out = take("--json");
        let sizes: Vec<u64> = args.iter().filter_map(|a| a.parse().ok()).collect();
        if sizes.is_empty() {
            eprintln!("usage: scan_bench [--runs N] [--json FILE] SIZE_MB...");
            return ExitCode::from(2);
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        println!("Scanner, natively: median of {runs} run(s)");
        println!("| input | read (floor) | source (N) | scan (raw view) | scan MB/s | found |");
        println!("|---|---:|---:|---:|---:|---|");
        let mut rows = Vec::new();
        for mb in sizes {
            let Some(path) = input(&dir, mb) else {
                eprintln!(
                    "no {mb} MB input in {}: run cargo run --release --example bench -- {mb}",
                    dir.display()
                );
                return ExitCode::FAILURE;
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (mut read, mut source, mut scan) = (Vec::new(), Vec::new(), Vec::new());
            let mut found = String::new();
            for _ in 0..runs {
                let Some((r, s, c, f)) = once(&path, &name) else {
                    eprintln!("cannot read {}", path.display());
                    return ExitCode::FAILURE;
                };
                read.push(r);
                source.push(s);
                scan.push(c);
                found = f;
            }
            let (r, s, c) = (
                median(read.clone()),
                median(source.clone()),
                median(scan.clone()),
            );
            #[allow(clippy::cast_precision_loss)] // sizes in MB
            let rate = mb as f64 / c;
            println!(
                "| Records.json {mb} MB | {r:.2} s | {s:.2} s | {c:.2} s | {rate:.0} | {found} |"
            );
            rows.push(serde_json::json!({
                "mb": mb, "input": name, "read_s": read, "source_s": source, "scan_s": scan,
                "found": found,
            }));
        }
        if let Some(out) = json_out {
            let doc = serde_json::json!({ "runs": runs, "rows": rows });
            if std::fs::write(&out, format!("{doc:#}\n")).is_err() {
                eprintln!("cannot write {out}");
                return ExitCode::FAILURE;
            }
        }
        ExitCode::SUCCESS
    }
}
