//! Native side of the benchmark:
//! `cargo run --release --example bench -- [--map] [--legacy] [--semantic] [--meta[=FILES]] [--health]
//! [--all-inputs] [--only-new] [SIZE_MB...]`
//!
//! For each size (default 10 100 1000), generates (once, cached in `target/bench/`) a seeded
//! Takeout-style `Records.json` and the same inside a Takeout-like zip, with their ground truth;
//! then reads each through the very code the browser worker runs (`report::describe_input`) and
//! prints throughput, peak memory and whether the result matches the ground truth exactly.
//!
//! Flags (each input is cached by generator version, seed and size; the times go to
//! `target/bench/native-summary.json`, or `native-map.json`, under the key given):
//! - `--map`: map mode, every position kept; otherwise summary mode.
//! - `--legacy`: also, per size, the same records with `timestampMs` strings (pre-2022 files):
//!   `records-legacy-g3-s7-10MB.json` (key `"Records.json legacy 10 MB"`).
//! - `--semantic`: also, per size, a fuller Takeout zip: the records, one Semantic Location History
//!   file per month over the same days (`Takeout/Location History/Semantic Location
//!   History/2020/2020_JANUARY.json`…) and `archive_browser.html`:
//!   `takeout-semantic-g3.1-s7-10MB.zip` (key `"Takeout zip semantic 10 MB"`). Exact when the records
//!   match their truth and each month its visits, moves and positions.
//! - `--meta[=FILES]`: also (once, whatever the sizes) a "many small files" zip of FILES (default
//!   20000) Facebook and Instagram JSON files with Meta's `\u00XX` mojibake:
//!   `meta-g1-s7-20000files.zip` (key `"Meta zip 20000 files"`). Exact when the reports are as many as
//!   the files, of the same total size, with the kinds and errors of its truth.
//! - `--health`: also, per size, an Apple Health `export.xml` (`synth::health`: records type by
//!   type, workouts, activity summaries): `health-g1-s7-10MB-export.xml` (key `"export.xml health
//!   10 MB"`). Exact when the health summary has the truth's records, days, steps, heart rate,
//!   sleep and workouts. Not part of `--all-inputs`.
//! - `--all-inputs`: `--legacy --semantic --meta`.
//! - `--only-new`: skip the plain `Records.json` and Takeout zip (still generated for the others).
//!
//! Without flags, `-- 10 100` generates and runs exactly what it always did.
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
    use std::collections::BTreeMap;
    use std::fs::File;
    use std::io::{BufWriter, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use serde::{Deserialize, Serialize};

    use reflet::analysis::day::Kept;
    use reflet::analysis::Memory;
    use reflet::ingest::FileSource;
    use reflet::model::points::PointStore;
    use reflet::model::time::parse_iso;
    use reflet::model::{PositionSummary, Summary};
    use reflet::report::{describe_input_with, FileReport, Sink};
    use reflet::synth::health::{write_health, HealthSpec, HealthTruth};
    use reflet::synth::meta::{write_meta, MetaSpec, MetaTruth};
    use reflet::synth::takeout::semantic_history;
    use reflet::synth::{write_records, RecordsSpec};

    const SEED: u64 = 7;
    /// Bump when the generator's output or its ground truth changes, so cached inputs are made again.
    const GENERATOR: u32 = 4;
    /// Bump when the semantic months (`synth::takeout`, `synth::person`) or that zip change.
    const SEMANTIC: u32 = 1;
    /// Bump when `synth::meta`'s files or truth change.
    const META: u32 = 1;
    /// Bump when `synth::health`'s file or truth change.
    const HEALTH: u32 = 2;

    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn reset_peak() {
        // Linux: "5" resets the peak resident set size of the process.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }

    fn zip_options(large: bool) -> zip::write::SimpleFileOptions {
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(large)
    }

    /// Writes a `Records.json` of `mb` MB and its truth, and says how fast it was generated.
    fn generate_records(
        json: &Path,
        truth_path: &Path,
        mb: u64,
        legacy_ms: bool,
    ) -> std::io::Result<PositionSummary> {
        eprintln!(
            "generating {mb} MB{}…",
            if legacy_ms { " (legacy)" } else { "" }
        );
        let start = Instant::now();
        let spec = RecordsSpec {
            seed: SEED,
            target_bytes: mb * 1_000_000,
            legacy_ms,
        };
        let truth = write_records(spec, BufWriter::with_capacity(1 << 20, File::create(json)?))?;
        let seconds = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let size = std::fs::metadata(json).map_or(0, |m| m.len()) as f64 / 1e6;
        eprintln!(
            "  {}: {size:.0} MB in {seconds:.1} s ({:.0} MB/s)",
            json.display(),
            size / seconds
        );
        std::fs::write(truth_path, serde_json::to_vec_pretty(&truth)?)?;
        Ok(truth)
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
            generate_records(&json, &truth_path, mb, false)?;
            let start = Instant::now();
            let mut writer = zip::ZipWriter::new(BufWriter::new(File::create(&zip)?));
            // ZIP64 is only needed for an entry (or an archive) over 4 GiB.
            let options = zip_options(mb >= 4000);
            writer
                .start_file("Takeout/Location History/Records.json", options)
                .map_err(std::io::Error::other)?;
            std::io::copy(&mut File::open(&json)?, &mut writer)?;
            writer
                .start_file("Takeout/archive_browser.html", options)
                .map_err(std::io::Error::other)?;
            writer.write_all(b"<html></html>")?;
            writer.finish().map_err(std::io::Error::other)?;
            eprintln!(
                "  {}: zipped in {:.1} s",
                zip.display(),
                start.elapsed().as_secs_f64()
            );
        }
        let truth = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((json, zip, truth))
    }

    /// The legacy (`timestampMs`) `Records.json` of one size and its truth, generated if missing.
    fn legacy_input(dir: &Path, mb: u64) -> std::io::Result<(PathBuf, PositionSummary)> {
        let stem = format!("records-legacy-g{GENERATOR}-s{SEED}-{mb}MB");
        let (json, truth_path) = (
            dir.join(format!("{stem}.json")),
            dir.join(format!("{stem}.truth.json")),
        );
        if !(json.exists() && truth_path.exists()) {
            generate_records(&json, &truth_path, mb, true)?;
        }
        let truth = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((json, truth))
    }

    /// What one month file of the semantic zip must read as.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    struct MonthTruth {
        path: String,
        bytes: u64,
        visits: u64,
        moves: u64,
        positions: u64,
    }

    /// The Takeout zip with Semantic Location History months beside the records (`json`, of
    /// which `truth` is the truth); returns it and the months' truth.
    fn semantic_input(
        dir: &Path,
        mb: u64,
        json: &Path,
        truth: &PositionSummary,
    ) -> std::io::Result<(PathBuf, Vec<MonthTruth>)> {
        let stem = format!("takeout-semantic-g{GENERATOR}.{SEMANTIC}-s{SEED}-{mb}MB");
        let (zip, truth_path) = (
            dir.join(format!("{stem}.zip")),
            dir.join(format!("{stem}.truth.json")),
        );
        if !(zip.exists() && truth_path.exists()) {
            eprintln!("generating the semantic months of {mb} MB…");
            let start = Instant::now();
            let span = truth
                .first
                .as_deref()
                .and_then(parse_iso)
                .zip(truth.last.as_deref().and_then(parse_iso));
            let Some((first, last)) = span else {
                return Err(std::io::Error::other("the records have no time span"));
            };
            let mut writer = zip::ZipWriter::new(BufWriter::new(File::create(&zip)?));
            let options = zip_options(mb >= 4000);
            writer
                .start_file("Takeout/archive_browser.html", options)
                .map_err(std::io::Error::other)?;
            writer.write_all(b"<html></html>")?;
            writer
                .start_file("Takeout/Location History/Records.json", options)
                .map_err(std::io::Error::other)?;
            std::io::copy(&mut File::open(json)?, &mut writer)?;
            let mut months = Vec::new();
            for file in semantic_history(SEED, first, last) {
                writer
                    .start_file(file.path.as_str(), zip_options(false))
                    .map_err(std::io::Error::other)?;
                writer.write_all(file.month.text.as_bytes())?;
                months.push(MonthTruth {
                    bytes: file.month.text.len() as u64,
                    visits: file.month.visits,
                    moves: file.month.moves,
                    positions: file.month.positions(),
                    path: file.path,
                });
            }
            writer.finish().map_err(std::io::Error::other)?;
            std::fs::write(&truth_path, serde_json::to_vec_pretty(&months)?)?;
            eprintln!(
                "  {}: {} months in {:.1} s",
                zip.display(),
                months.len(),
                start.elapsed().as_secs_f64()
            );
        }
        let months = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((zip, months))
    }

    /// The "many small files" zip of Meta exports and its truth, generated if missing.
    fn meta_input(dir: &Path, files: u64) -> std::io::Result<(PathBuf, MetaTruth)> {
        let stem = format!("meta-g{META}-s{SEED}-{files}files");
        let (zip, truth_path) = (
            dir.join(format!("{stem}.zip")),
            dir.join(format!("{stem}.truth.json")),
        );
        if !(zip.exists() && truth_path.exists()) {
            eprintln!("generating {files} Meta files…");
            let start = Instant::now();
            let mut writer = zip::ZipWriter::new(BufWriter::new(File::create(&zip)?));
            let truth = write_meta(MetaSpec { seed: SEED, files }, &mut |path, bytes| {
                writer
                    .start_file(path, zip_options(false))
                    .map_err(std::io::Error::other)?;
                writer.write_all(bytes)
            })?;
            writer.finish().map_err(std::io::Error::other)?;
            std::fs::write(&truth_path, serde_json::to_vec_pretty(&truth)?)?;
            #[allow(clippy::cast_precision_loss)]
            let mb = truth.bytes as f64 / 1e6;
            eprintln!(
                "  {}: {mb:.1} MB of JSON in {:.1} s",
                zip.display(),
                start.elapsed().as_secs_f64()
            );
        }
        let truth = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((zip, truth))
    }

    /// The Apple Health `export.xml` of about `mb` MB and its truth, generated if missing.
    fn health_input(dir: &Path, mb: u64) -> std::io::Result<(PathBuf, HealthTruth)> {
        let stem = format!("health-g{HEALTH}-s{SEED}-{mb}MB");
        let (xml, truth_path) = (
            dir.join(format!("{stem}-export.xml")),
            dir.join(format!("{stem}.truth.json")),
        );
        if !(xml.exists() && truth_path.exists()) {
            eprintln!("generating {mb} MB of Apple Health…");
            let start = Instant::now();
            let spec = HealthSpec {
                seed: SEED,
                target_bytes: mb * 1_000_000,
            };
            let truth = write_health(spec, File::create(&xml)?)?;
            std::fs::write(&truth_path, serde_json::to_vec_pretty(&truth)?)?;
            eprintln!(
                "  {}: {} records in {:.1} s",
                xml.display(),
                truth.records,
                start.elapsed().as_secs_f64()
            );
        }
        let truth = serde_json::from_slice(&std::fs::read(&truth_path)?)?;
        Ok((xml, truth))
    }

    /// What a run must find.
    enum Expect {
        Records(PositionSummary),
        /// The records, and each month file.
        Semantic(PositionSummary, Vec<MonthTruth>),
        Meta(MetaTruth),
        Health(HealthTruth),
    }

    impl Expect {
        /// Whether the reports (and, in map mode, the points kept) are exactly the truth.
        fn met(&self, reports: &[FileReport], kept: u64, memory: Memory) -> bool {
            let records = |truth: &PositionSummary| {
                reports.iter().any(|r| {
                    matches!(&r.summary, Some(Summary::Positions(p)) if p.counts() == *truth)
                        && r.error.is_none()
                })
            };
            let map = memory == Memory::Map;
            match self {
                Expect::Records(truth) => records(truth) && (!map || kept == truth.count),
                Expect::Semantic(truth, months) => {
                    let month_ok = |m: &MonthTruth| {
                        reports.iter().any(|r| {
                            r.file.path == m.path
                                && r.file.size == m.bytes
                                && r.error.is_none()
                                && matches!(&r.summary, Some(Summary::Positions(p))
                                    if p.visits == m.visits && p.moves == m.moves && p.count == m.positions)
                        })
                    };
                    let positions: u64 = months.iter().map(|m| m.positions).sum();
                    records(truth)
                        && months.iter().all(month_ok)
                        // The records, the months and archive_browser.html.
                        && reports.len() == months.len() + 2
                        && (!map || kept == truth.count + positions)
                }
                Expect::Health(t) => reports.iter().any(|r| {
                    matches!(&r.summary, Some(Summary::Health(h))
                        if h.records == t.records
                            && h.days == t.days
                            && h.steps.as_ref().is_some_and(|s| (s.days, s.mean, s.best) == (t.steps_days, t.steps_mean, t.best))
                            && h.heart.as_ref().is_some_and(|x| (x.measures, x.min, x.mean, x.max) == t.heart)
                            && h.sleep.as_ref().is_some_and(|s| (s.nights, s.asleep_min, s.bedtime, s.wake) == t.sleep)
                            && h.workouts.iter().map(|w| w.count).sum::<u64>() == t.workouts.values().map(|w| w.0).sum::<u64>())
                        && r.error.is_none()
                }),
                Expect::Meta(truth) => {
                    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
                    for r in reports {
                        *kinds.entry(r.kind.clone().into()).or_default() += 1;
                    }
                    let errors = reports.iter().filter(|r| r.error.is_some()).count() as u64;
                    reports.len() as u64 == truth.files
                        && reports.iter().map(|r| r.file.size).sum::<u64>() == truth.bytes
                        && kinds == truth.kinds
                        && errors == truth.errors
                        && kept == 0
                }
            }
        }

        /// The "records" column: positions, or files.
        fn items(&self) -> String {
            match self {
                Expect::Records(t) | Expect::Semantic(t, _) => t.count.to_string(),
                Expect::Meta(t) => format!("{} files", t.files),
                Expect::Health(t) => t.records.to_string(),
            }
        }
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
        fn kept(&mut self, _: &FileReport, kept: Kept) {
            self.points.extend(kept.points);
        }
    }

    fn measure(path: &Path, expect: &Expect, memory: Memory) -> std::io::Result<Run> {
        reset_peak();
        let start = Instant::now();
        let mut source = FileSource::open(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut keep = Keep::default();
        describe_input_with(&name, &mut source, &mut keep, memory);
        let kept = keep
            .points
            .iter()
            .fold((0, 0), |(n, b), p| (n + p.len(), b + p.heap_bytes()));
        let seconds = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        let peak_mb = peak_rss_kb().unwrap_or(0) as f64 / 1024.0;
        let exact = expect.met(&keep.reports, kept.0, memory);
        Ok(Run {
            seconds,
            peak_mb,
            exact,
            kept,
        })
    }

    /// What to run, from the command line.
    #[allow(clippy::struct_excessive_bools)] // one a flag
    struct Options {
        memory: Memory,
        sizes: Vec<u64>,
        legacy: bool,
        semantic: bool,
        /// Files in the Meta zip.
        meta: Option<u64>,
        only_new: bool,
        health: bool,
    }

    fn options() -> Result<Options, String> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let has = |flag: &str| args.iter().any(|a| a == flag);
        let all = has("--all-inputs");
        let mut meta = all.then_some(20_000);
        for arg in &args {
            if arg == "--meta" {
                meta = Some(20_000);
            } else if let Some(n) = arg.strip_prefix("--meta=") {
                meta = Some(n.parse().map_err(|_| format!("--meta={n}: not a number"))?);
            } else if arg.starts_with("--")
                && ![
                    "--map",
                    "--legacy",
                    "--semantic",
                    "--all-inputs",
                    "--only-new",
                    "--health",
                ]
                .contains(&arg.as_str())
            {
                return Err(format!("unknown flag {arg}"));
            }
        }
        let sizes: Vec<u64> = args.iter().filter_map(|a| a.parse().ok()).collect();
        Ok(Options {
            memory: if has("--map") {
                Memory::Map
            } else {
                Memory::Summary
            },
            sizes: if sizes.is_empty() {
                vec![10, 100, 1000]
            } else {
                sizes
            },
            legacy: all || has("--legacy"),
            semantic: all || has("--semantic"),
            meta,
            only_new: has("--only-new"),
            health: has("--health"),
        })
    }

    /// A size of records, or a number of Meta files.
    #[derive(Clone, Copy)]
    enum Job {
        Size(u64),
        Meta(u64),
    }

    /// One input to run: its key, file, MB of content (uncompressed) and truth.
    type Input = (String, PathBuf, f64, Expect);

    /// The inputs of one job, generated if missing.
    #[allow(clippy::cast_precision_loss)] // sizes in MB
    fn job_inputs(dir: &Path, job: Job, options: &Options) -> std::io::Result<Vec<Input>> {
        let mb = match job {
            Job::Size(mb) => mb,
            Job::Meta(files) => {
                let (zip, truth) = meta_input(dir, files)?;
                let mb = truth.bytes as f64 / 1e6;
                return Ok(vec![(
                    format!("Meta zip {files} files"),
                    zip,
                    mb,
                    Expect::Meta(truth),
                )]);
            }
        };
        let mut list = Vec::new();
        if options.health {
            let (xml, truth) = health_input(dir, mb)?;
            list.push((
                format!("export.xml health {mb} MB"),
                xml,
                mb as f64,
                Expect::Health(truth),
            ));
        }
        let (json, zip, truth) = inputs(dir, mb)?;
        if options.semantic {
            let (semantic, months) = semantic_input(dir, mb, &json, &truth)?;
            let bytes = mb as f64 + months.iter().map(|m| m.bytes).sum::<u64>() as f64 / 1e6;
            list.push((
                format!("Takeout zip semantic {mb} MB"),
                semantic,
                bytes,
                Expect::Semantic(truth.clone(), months),
            ));
        }
        if options.legacy {
            let (legacy, truth) = legacy_input(dir, mb)?;
            list.insert(
                0,
                (
                    format!("Records.json legacy {mb} MB"),
                    legacy,
                    mb as f64,
                    Expect::Records(truth),
                ),
            );
        }
        if !options.only_new {
            list.insert(
                0,
                (
                    format!("Takeout zip {mb} MB"),
                    zip,
                    mb as f64,
                    Expect::Records(truth.clone()),
                ),
            );
            list.insert(
                0,
                (
                    format!("Records.json {mb} MB"),
                    json,
                    mb as f64,
                    Expect::Records(truth),
                ),
            );
        }
        Ok(list)
    }

    pub fn run() -> ExitCode {
        let options = match options() {
            Ok(o) => o,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let memory = options.memory;
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
        let mut times: BTreeMap<String, f64> = std::fs::read(&times_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let jobs = options
            .sizes
            .iter()
            .map(|&mb| Job::Size(mb))
            .chain(options.meta.map(Job::Meta));
        for job in jobs {
            let list = match job_inputs(&dir, job, &options) {
                Ok(list) => list,
                Err(e) => {
                    eprintln!("cannot generate the inputs: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for (key, path, content_mb, expect) in list {
                let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                match measure(&path, &expect, memory) {
                    Ok(run) => {
                        all_exact &= run.exact;
                        times.insert(key.clone(), run.seconds);
                        #[allow(clippy::cast_precision_loss)]
                        let size_mb = bytes as f64 / 1e6;
                        #[allow(clippy::cast_precision_loss)]
                        let per_point = match run.kept {
                            (0, _) => "–".to_owned(),
                            (n, b) => format!("{:.2}", b as f64 / n as f64),
                        };
                        println!(
                            "| {key} | {size_mb:.1} MB | {} | {:.2} s | {:.0} | {:.1} MB | {} | {per_point} | {} |",
                            expect.items(),
                            run.seconds,
                            content_mb / run.seconds,
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
