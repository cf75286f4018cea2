//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use reflet::analysis::read_source;
use reflet::model::activity::ActivitySummary;
use reflet::model::energy::EnergySummary;
use reflet::model::health::HealthSummary;
use reflet::model::media::MediaSummary;
use reflet::model::social::SocialSummary;
use reflet::model::Summary;
use reflet::report::{inspect_paths, Kind};
use reflet::sources;

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A real sample, `../shared/samples/<path>`.
pub fn sample(path: &str) -> PathBuf {
    root().join("../shared/samples").join(path)
}

/// A file written for the source `id` where no real sample exists, `tests/fixtures/<id>/<name>`.
pub fn fixture(id: &str, name: &str) -> PathBuf {
    root().join("tests/fixtures").join(id).join(name)
}

/// The summary of one file read whole by the source `id` with [`read_source`], after checking
/// that the report `inspect` prints, given the file alone, recognises it as `id`'s and reads it
/// without error.
fn summary(path: &Path, id: &str) -> Summary {
    let shown = path.display();
    let report = inspect_paths(&[path.to_path_buf()]);
    let [file] = &report.files[..] else {
        panic!("{shown}: {} files", report.files.len())
    };
    assert_eq!(file.kind, Kind::Source(id.into()), "{shown}");
    assert_eq!(file.error, None, "{shown}");
    let bytes = std::fs::read(path).unwrap();
    let (summary, error) = read_source(sources::by_id(id).unwrap(), &mut &bytes[..]);
    assert_eq!(error, None, "{shown}");
    summary
}

/// [`summary`] of a social file.
pub fn social(path: &Path, id: &str) -> SocialSummary {
    match summary(path, id) {
        Summary::Social(s) => s,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// [`summary`] of a web activity file.
pub fn activity(path: &Path, id: &str) -> ActivitySummary {
    match summary(path, id) {
        Summary::Activity(a) => a,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// [`summary`] of a streaming file.
pub fn media(path: &Path, id: &str) -> MediaSummary {
    match summary(path, id) {
        Summary::Media(m) => m,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// [`summary`] of an electricity file.
pub fn energy(path: &Path, id: &str) -> EnergySummary {
    match summary(path, id) {
        Summary::Energy(e) => e,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// [`summary`] of a bank statement.
pub fn money(path: &Path, id: &str) -> reflet::model::money::MoneySummary {
    match summary(path, id) {
        Summary::Money(m) => m,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// [`summary`] of a health file.
pub fn health(path: &Path, id: &str) -> HealthSummary {
    match summary(path, id) {
        Summary::Health(h) => h,
        other => panic!("{}: {other:?}", path.display()),
    }
}

/// Every file under `dir` that `keep` accepts, folders walked depth first, in sorted order.
pub fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for path in entries {
        if path.is_dir() {
            out.extend(files_under(&path, keep));
        } else if keep(&path) {
            out.push(path);
        }
    }
    out
}
