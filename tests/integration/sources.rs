//! Registry-wide tests: every registered source, over the real samples it is meant to read.
//!
//! Each source lists its files in `tests/fixtures/<id>/samples.txt` (paths under
//! `../shared/samples/`): samples it must claim, read without error into positions, and report
//! cut off. Samples that cannot meet that are listed in `tests/fixtures/<id>/claims.txt` instead,
//! each with its reason (`Encrypted Backups.txt` holds no position at all; a one-record sample cut
//! at a third has nothing complete left to keep): claimed and read without error, nothing more
//! here, the source's own tests checking what they hold. A source with neither list, or with no sample in them, fails here, so nothing
//! registered goes untested; every other sample must be claimed by no source, so detection stays
//! specific.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reflet::analysis::read_source;
use reflet::error::ErrorKind;
use reflet::ingest::HEAD_LEN;
use reflet::model::Summary;
use reflet::sources::{self, SOURCES};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The samples a fixture list names (paths under `../shared/samples/`); an absent list is empty.
fn listed(id: &str, list: &str) -> Option<Vec<PathBuf>> {
    let text = std::fs::read_to_string(root().join("tests/fixtures").join(id).join(list)).ok()?;
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| root().join("../shared/samples").join(l))
            .collect(),
    )
}

/// A source's samples: those it must read into positions, and those it must only claim.
#[derive(Default)]
struct Fixtures {
    read: Vec<PathBuf>,
    claimed: Vec<PathBuf>,
}

/// Source id → its samples.
fn fixtures() -> BTreeMap<&'static str, Fixtures> {
    SOURCES
        .iter()
        .map(|source| {
            let id = source.id();
            let (read, claimed) = (listed(id, "samples.txt"), listed(id, "claims.txt"));
            assert!(
                read.is_some() || claimed.is_some(),
                "{id} has no tests/fixtures/{id}/samples.txt nor claims.txt"
            );
            let fixtures = Fixtures {
                read: read.unwrap_or_default(),
                claimed: claimed.unwrap_or_default(),
            };
            assert!(
                !fixtures.read.is_empty() || !fixtures.claimed.is_empty(),
                "{id}: no samples listed"
            );
            (id, fixtures)
        })
        .collect()
}

/// Whether a summary holds anything read from the file.
fn has_content(summary: &Summary) -> bool {
    match summary {
        Summary::Positions(p) => p.count > 0,
    }
}

fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(HEAD_LEN)]
}

/// Checks that `id` is the source that claims `path`, and returns its bytes and name.
fn claimed_by(id: &str, path: &Path) -> (Vec<u8>, String) {
    let bytes = std::fs::read(path).unwrap();
    let name = path.to_string_lossy().into_owned();
    let claim = sources::detect(&name, head(&bytes)).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(claim.source, id, "{name}");
    (bytes, name)
}

#[test]
fn every_source_claims_and_reads_its_samples_and_says_when_they_are_cut() {
    for (id, fixtures) in fixtures() {
        let source = sources::by_id(id).unwrap();
        for path in fixtures.read {
            let (bytes, name) = claimed_by(id, &path);
            let (summary, error) = read_source(source, &mut &bytes[..]);
            assert_eq!(error, None, "{name}");
            assert!(has_content(&summary), "{name}");
            // Cut anywhere past the start, it says so and keeps what came before.
            for cut in [bytes.len() / 3, bytes.len() * 2 / 3, bytes.len() - 2] {
                let (summary, error) = read_source(source, &mut &bytes[..cut]);
                assert_eq!(error, Some(ErrorKind::Truncated), "{name} cut at {cut}");
                assert!(has_content(&summary), "{name} cut at {cut}");
            }
        }
        // Samples that hold no positions, or too few to survive a cut: claimed, and read without
        // error.
        for path in fixtures.claimed {
            let (bytes, name) = claimed_by(id, &path);
            let (_, error) = read_source(source, &mut &bytes[..]);
            assert_eq!(error, None, "{name}");
        }
    }
}

#[test]
fn no_source_claims_a_sample_that_is_not_its_own() {
    let owned: Vec<PathBuf> = fixtures()
        .into_values()
        .flat_map(|f| f.read.into_iter().chain(f.claimed))
        .collect();
    let samples = root().join("../shared/samples");
    let mut checked = 0;
    for (name, path) in reflet::ingest::walk(&[samples]) {
        if owned
            .iter()
            .any(|o| o.canonicalize().ok() == path.canonicalize().ok())
        {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(sources::detect(&name, head(&bytes)), None, "{name}");
        checked += 1;
    }
    assert!(checked > 50, "{checked} samples checked");
}

#[test]
fn every_source_says_what_is_wrong_with_garbage() {
    let inputs: [&[u8]; 4] = [
        b"",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"{\"locations\": [{\"latitudeE7\": \"north\"}]}",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ];
    for source in SOURCES {
        for input in inputs {
            let (_, error) = read_source(*source, &mut &input[..]);
            assert!(error.is_some(), "{}: {input:?}", source.id());
        }
    }
}
