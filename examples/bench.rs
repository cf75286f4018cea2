//! Native side of the benchmark: `cargo run --release --example bench -- [--map] [SIZE_MB...]`
//! (`--map`: map mode, every position kept; otherwise summary mode).
//!
//! For each size (default 10 100 1000), generates (once, cached in `target/bench/`) a seeded
//! Takeout-style `Records.json` and the same inside a Takeout-like zip, with their ground truth;
//! then reads each through the very code the browser worker runs (`report::describe_input`) and
//! prints throughput, peak memory and whether the result matches the ground truth exactly.
//! The browser side (the same files in the worker) is `tests/e2e/bench.mjs`; `BENCHMARKS.md` holds
//! the numbers.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // Instant::now: native only, this is what is measured
mod native {
    use std::fs::File;
    use std::io::{BufWriter, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use reflet::analysis::Memory;
    use reflet::ingest::FileSource;
    use reflet::model::points::PointStore;
    use reflet::model::{PositionSummary, Summary};
    use reflet::report::{describe_input_with, FileReport, Sink};
    use reflet::synth::{write_records, RecordsSpec};

    const SEED: u64 = 7;
    /// Bump when the generator's output or its ground truth changes, so cached inputs are made again.
    const GENERATOR: u32 = 3;

    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn reset_peak() {
        // Linux: "5" resets the peak resident set size of the process.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }

    /// Generates the inputs of one size if missing; returns (json, zip, truth).
    fn inputs(dir: &Path, mb: u64) -> std::io::Result<(PathBuf, PathBuf, PositionSummary)> {
        let stem = format!("records-g{GENERATOR}-s{SEED}-{mb}MB");
        let (json, zip, truth_path) = (
            dir.join(format!("{stem}.json")),
            dir.join(format!("takeout-{stem}.zip")),
            dir.join(format!("{stem}.truth.json")),
        );
        if !(json.exists() && zip.exists() && truth_path.exists()) {
            eprintln!("generating {mb} MB…");
            let spec = RecordsSpec {
                seed: SEED,
                target_bytes: mb * 1_000_000,
                legacy_ms: false,
            };
            let truth = write_records(
                spec,
                BufWriter::with_capacity(1 << 20, File::create(&json)?),
            )?;
            let mut writer = zip::ZipWriter::new(BufWriter::new(File::create(&zip)?));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(mb >= 4000);
            writer
                .start_file("Takeout/Location History/Records.json", options)
                .map_err(std::io::Error::other)?;
            std::io::copy(&mut File::open(&json)?, &mut writer)?;
            writer
                .start_file("Takeout/archive_browser.html", options)
                .map_err(std::io::Error::other)?;
            writer.write_all(b"<html></html>")?;
            writer.finish().map_err(std::io::Error::other)?;
            std::fs::write(&truth_path, serde_json::to_vec_pretty(&truth)?)?;
        }
        let truth = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((json, zip, truth))
    }

    struct Run {
        seconds: f64,
        peak_mb: f64,
        exact: bool,
        /// Map mode: points kept and the bytes they take.
        kept: (u64, u64),
    }

    /// Keeps reports, and the positions in map mode, as the worker does.
    #[derive(Default)]
    struct Keep {
        reports: Vec<FileReport>,
        points: Vec<PointStore>,
    }

    impl Sink for Keep {
        fn report(&mut self, report: FileReport) {
            self.reports.push(report);
        }
        fn points(&mut self, _: &str, points: PointStore) {
            self.points.push(points);
        }
    }

    fn measure(path: &Path, truth: &PositionSummary, memory: Memory) -> std::io::Result<Run> {
        reset_peak();
        let start = Instant::now();
        let mut source = FileSource::open(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut keep = Keep::default();
        describe_input_with(&name, &mut source, &mut keep, memory);
        let reports = &keep.reports;
        let kept = keep
            .points
            .iter()
            .fold((0, 0), |(n, b), p| (n + p.len(), b + p.heap_bytes()));
        let seconds = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let peak_mb = peak_rss_kb().unwrap_or(0) as f64 / 1024.0;
        let exact = reports.iter().any(|r| {
            matches!(&r.summary, Some(Summary::Positions(p)) if p.counts() == *truth)
                && r.error.is_none()
        });
        // In map mode, every position is kept.
        let exact = exact && (memory == Memory::Summary || kept.0 == truth.count);
        Ok(Run {
            seconds,
            peak_mb,
            exact,
            kept,
        })
    }

    pub fn run() -> ExitCode {
        let memory = if std::env::args().any(|a| a == "--map") {
            Memory::Map
        } else {
            Memory::Summary
        };
        let sizes: Vec<u64> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        let sizes = if sizes.is_empty() {
            vec![10, 100, 1000]
        } else {
            sizes
        };
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        println!("{memory:?} mode");
        println!(
            "| input | size | records | time | MB/s | peak RSS | points kept | B/point | exact |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        let mut all_exact = true;
        // Times by input, for tests/e2e/bench.mjs's ratios (W/N): merged into what is there.
        let times_path = dir.join(format!("native-{memory:?}.json").to_lowercase());
        let mut times: std::collections::BTreeMap<String, f64> = std::fs::read(&times_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        for mb in sizes {
            let (json, zip, truth) = match inputs(&dir, mb) {
                Ok(found) => found,
                Err(e) => {
                    eprintln!("cannot generate {mb} MB: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for (label, path) in [("Records.json", &json), ("Takeout zip", &zip)] {
                let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
                match measure(path, &truth, memory) {
                    Ok(run) => {
                        all_exact &= run.exact;
                        times.insert(format!("{label} {mb} MB"), run.seconds);
                        #[allow(clippy::cast_precision_loss)]
                        let (size_mb, json_mb) = (bytes as f64 / 1e6, mb as f64);
                        #[allow(clippy::cast_precision_loss)]
                        let per_point = match run.kept {
                            (0, _) => "–".to_owned(),
                            (n, b) => format!("{:.2}", b as f64 / n as f64),
                        };
                        println!(
                            "| {label} {mb} MB | {size_mb:.1} MB | {} | {:.2} s | {:.0} | {:.1} MB | {} | {per_point} | {} |",
                            truth.count,
                            run.seconds,
                            json_mb / run.seconds,
                            run.peak_mb,
                            run.kept.0,
                            if run.exact { "yes" } else { "NO" }
                        );
                    }
                    Err(e) => {
                        eprintln!("{}: {e}", path.display());
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        if let Ok(json) = serde_json::to_vec_pretty(&times) {
            let _ = std::fs::write(&times_path, json);
        }
        if all_exact {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
