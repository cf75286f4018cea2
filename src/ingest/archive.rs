//! Containers: zip archives (random access), zips inside zips and damaged zips (streamed from their
//! local headers), gzip and tar.gz (streamed), alone or inside a zip (Strava's `.fit.gz`).
//!
//! [`walk`] opens whatever the person handed us and calls back once per file inside, with a
//! streaming reader: nothing is ever buffered whole. A zip is opened from its end-of-central-
//! directory and central directory only (ZIP64 included); each entry is then inflated as it is
//! read. Problems are reported per entry ([`Event::Problem`]) and never stop the walk: an encrypted
//! entry, a bomb or an unsafe name costs that entry only. Ignored: folders, `__MACOSX/`, `.DS_Store`.

use std::io::{self, Read, Seek, SeekFrom};

use super::ByteSource;
use crate::error::ErrorKind;

/// An entry inflating beyond this ratio (and beyond [`BOMB_ALLOWANCE`]) is refused. Real exports
/// compress about 15:1 (JSON) and rarely beyond 40:1; zip bombs reach 1000:1.
pub const BOMB_RATIO: u64 = 200;
/// Small entries may inflate freely up to this many bytes (a 1 KB entry of spaces is no bomb).
pub const BOMB_ALLOWANCE: u64 = 1 << 20;
/// How many bytes are read from the source at a time, at most. The browser worker reads ahead in
/// larger slices of its own (`worker::blob`); this is what the reader takes from them at a time,
/// and the worker may return to its event loop between two (Cancel). 128 KiB of a zipped
/// `Records.json` inflate to about 1.8 MB of JSON, read in about 10 ms: with 1 MiB, Cancel in a
/// Takeout zip took 170 ms (BENCHMARKS.md T9).
pub const READ_CHUNK: usize = 128 << 10;
/// Zips inside zips inside zips… are followed this deep.
const MAX_DEPTH: u8 = 3;

/// What the walk found.
pub enum Event<'a> {
    /// A file to analyse. `path` is inside the archive (or the file's own name); `size` is the
    /// uncompressed size when known.
    File {
        path: &'a str,
        size: Option<u64>,
        reader: &'a mut dyn Read,
    },
    /// A file (or the archive itself) that cannot be analysed, and why.
    Problem {
        path: &'a str,
        size: Option<u64>,
        kind: ErrorKind,
    },
}

/// The kind of container, from the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Zip,
    Gzip,
    Plain,
}

impl Container {
    pub fn sniff(head: &[u8]) -> Container {
        match head {
            [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] | [b'P', b'K', 7, 8, ..] => {
                Container::Zip
            }
            [0x1f, 0x8b, ..] => Container::Gzip,
            _ => Container::Plain,
        }
    }
}

/// Walks one file the person opened: a plain file is one [`Event::File`]; an archive is one event
/// per file inside.
pub fn walk(name: &str, source: &mut dyn ByteSource, on: &mut dyn FnMut(Event<'_>)) {
    let total = source.len();
    let mut head = [0u8; 4];
    let got = source.read_at(0, &mut head).unwrap_or(0);
    let container = Container::sniff(head.get(..got).unwrap_or_default());
    // Large reads: each read of the source may cross into the browser (a `Blob.slice`).
    let mut reader = SourceReader::new(source);
    match container {
        Container::Zip => walk_zip(name, &mut reader, on),
        Container::Gzip => walk_gzip(name, total, &mut reader, on),
        Container::Plain => on(Event::File {
            path: name,
            size: Some(total),
            reader: &mut reader,
        }),
    }
}

/// Entries a person never means: macOS resource forks and Finder files.
pub fn is_ignored(path: &str) -> bool {
    path.starts_with("__MACOSX/")
        || path.contains("/__MACOSX/")
        || path.rsplit('/').next().is_some_and(|n| n == ".DS_Store")
}

/// One part of an export split over several archives, as Google Takeout does: the name without
/// its part number, and the number (`takeout-20241128T101010Z-002.zip` → `("takeout-20241128T101010Z",
/// 2)`). The folder, if any, stays in the stem, so parts from two folders are two exports.
pub fn split_part(path: &str) -> Option<(&str, u32)> {
    let lower = path.to_ascii_lowercase();
    let ext = [".zip", ".tgz", ".tar.gz"]
        .into_iter()
        .find(|ext| lower.ends_with(ext))?;
    let base = path.get(..path.len() - ext.len())?;
    let (stem, number) = base.rsplit_once('-')?;
    let valid = number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit());
    let name_start = stem.rfind('/').map_or(0, |i| i + 1);
    if !valid || stem.len() == name_start {
        return None;
    }
    Some((stem, number.parse().ok()?))
}

/// Part numbers absent between 1 and the highest one present.
pub fn missing_parts(present: &[u32]) -> Vec<u32> {
    let highest = present.iter().copied().max().unwrap_or(0);
    (1..highest).filter(|n| !present.contains(n)).collect()
}

/// An entry name that tries to leave its folder (`../`, an absolute path or a drive letter).
pub fn is_unsafe_name(path: &str) -> bool {
    let unified = path.replace('\\', "/");
    unified.starts_with('/')
        || unified.as_bytes().get(1) == Some(&b':')
        || unified.split('/').any(|part| part == "..")
}

fn walk_zip<R: Read + Seek>(name: &str, reader: &mut R, on: &mut dyn FnMut(Event<'_>)) {
    let Ok(mut archive) = zip::ZipArchive::new(&mut *reader) else {
        // No readable central directory: the download was cut off or the file is damaged.
        // Say so, then save what can be saved by reading the entries from the front.
        on(Event::Problem {
            path: name,
            size: None,
            kind: ErrorKind::Truncated,
        });
        if reader.seek(SeekFrom::Start(0)).is_ok() {
            walk_zip_stream(reader, 1, on);
        }
        return;
    };
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            on(Event::Problem {
                path: name,
                size: None,
                kind: ErrorKind::Corrupt,
            });
            continue;
        };
        let (path, size, compressed, encrypted, is_dir) = (
            entry_name(&entry),
            entry.size(),
            entry.compressed_size(),
            entry.encrypted(),
            entry.is_dir(),
        );
        drop(entry);
        if is_dir || is_ignored(&path) {
            continue;
        }
        if let Some(kind) = refuse(&path, size, compressed, encrypted) {
            on(Event::Problem {
                path: &path,
                size: Some(size),
                kind,
            });
            continue;
        }
        match archive.by_index(index) {
            Ok(entry) => visit_entry(&path, Some(size), compressed, entry, 1, on),
            Err(error) => on(Event::Problem {
                path: &path,
                size: Some(size),
                kind: zip_error_kind(&error),
            }),
        }
    }
}

/// Reads zip entries front to back from their local headers: for a zip inside a zip (its central
/// directory comes last in a stream) and to salvage a damaged zip.
fn walk_zip_stream(reader: &mut dyn Read, depth: u8, on: &mut dyn FnMut(Event<'_>)) {
    // One concrete reader type, so that zips inside zips do not multiply generic instances.
    let mut reader = DynRead(reader);
    loop {
        // None at the central directory (the end); an error at damage beyond which nothing can
        // be read.
        let Ok(Some(entry)) = zip::read::read_zipfile_from_stream(&mut reader) else {
            return;
        };
        let (path, size, compressed) = (entry_name(&entry), entry.size(), entry.compressed_size());
        if entry.is_dir() || is_ignored(&path) {
            continue;
        }
        if let Some(kind) = refuse(&path, size, compressed, entry.encrypted()) {
            on(Event::Problem {
                path: &path,
                size: Some(size),
                kind,
            });
            continue;
        }
        // Sizes may be unknown here (data descriptors): the guard then watches the real ratio.
        let known = (size > 0 || compressed == 0).then_some(size);
        visit_entry(&path, known, compressed, entry, depth + 1, on);
    }
}

/// The entry's name as UTF-8 (zip names are UTF-8 or CP437; a stray byte must not lose the entry).
fn entry_name<R: Read>(entry: &zip::read::ZipFile<'_, R>) -> String {
    entry.name().map_or_else(
        |_| String::from_utf8_lossy(entry.name_raw()).into_owned(),
        std::borrow::Cow::into_owned,
    )
}

struct DynRead<'a>(&'a mut dyn Read);

impl Read for DynRead<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

fn refuse(path: &str, size: u64, compressed: u64, encrypted: bool) -> Option<ErrorKind> {
    if is_unsafe_name(path) {
        Some(ErrorKind::UnsafeName)
    } else if encrypted {
        Some(ErrorKind::Encrypted)
    } else if size > bomb_limit(compressed) {
        Some(ErrorKind::Bomb)
    } else {
        None
    }
}

fn bomb_limit(compressed: u64) -> u64 {
    compressed.saturating_mul(BOMB_RATIO).max(BOMB_ALLOWANCE)
}

fn visit_entry(
    path: &str,
    size: Option<u64>,
    compressed: u64,
    entry: impl Read,
    depth: u8,
    on: &mut dyn FnMut(Event<'_>),
) {
    let mut guarded = BombGuard::new(entry, compressed);
    let extension = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let nested = depth <= MAX_DEPTH;
    if nested && extension.as_deref() == Some("zip") {
        walk_zip_stream(&mut guarded, depth, on);
    } else if nested && matches!(extension.as_deref(), Some("gz" | "tgz")) {
        // Strava keeps its activities as `activities/<id>.fit.gz`: inflated as they are read,
        // no further than the bomb ratio allows over the bytes the zip holds.
        walk_gzip(path, compressed, &mut guarded, on);
    } else {
        on(Event::File {
            path,
            size,
            reader: &mut guarded,
        });
    }
    if guarded.tripped {
        on(Event::Problem {
            path,
            size,
            kind: ErrorKind::Bomb,
        });
    }
}

fn zip_error_kind(error: &zip::result::ZipError) -> ErrorKind {
    match error {
        zip::result::ZipError::UnsupportedArchive(message) if message.contains("assword") => {
            ErrorKind::Encrypted
        }
        zip::result::ZipError::UnsupportedArchive(_) => ErrorKind::Unsupported,
        _ => ErrorKind::Corrupt,
    }
}

fn walk_gzip(name: &str, total: u64, reader: &mut dyn Read, on: &mut dyn FnMut(Event<'_>)) {
    let lower = name.to_ascii_lowercase();
    let inner = ["tar.gz", "tgz"].iter().any(|ext| lower.ends_with(ext));
    let decoder = BombGuard::new(flate2::read::MultiGzDecoder::new(reader), total);
    if inner {
        let mut tar = tar::Archive::new(decoder);
        let Ok(entries) = tar.entries() else {
            on(Event::Problem {
                path: name,
                size: None,
                kind: ErrorKind::Corrupt,
            });
            return;
        };
        for entry in entries {
            let Ok(mut entry) = entry else {
                on(Event::Problem {
                    path: name,
                    size: None,
                    kind: ErrorKind::Truncated,
                });
                return;
            };
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let path = entry
                .path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let size = entry.header().size().ok();
            if is_ignored(&path) {
                continue;
            }
            if is_unsafe_name(&path) {
                on(Event::Problem {
                    path: &path,
                    size,
                    kind: ErrorKind::UnsafeName,
                });
                continue;
            }
            on(Event::File {
                path: &path,
                size,
                reader: &mut entry,
            });
        }
    } else {
        // `x.fit.gz`, `X.FIT.GZ` or `x.fit.Gz` alike: the name without its last 3 bytes.
        let inner_name = name
            .len()
            .checked_sub(3)
            .and_then(|cut| Some((name.get(..cut)?, name.get(cut..)?)))
            .filter(|(_, ext)| ext.eq_ignore_ascii_case(".gz"))
            .map_or(name, |(stem, _)| stem);
        let mut decoder = decoder;
        on(Event::File {
            path: inner_name,
            size: None,
            reader: &mut decoder,
        });
        if decoder.tripped {
            on(Event::Problem {
                path: inner_name,
                size: None,
                kind: ErrorKind::Bomb,
            });
        }
    }
}

/// Stops inflating past [`BOMB_RATIO`] times the compressed size: the reader then fails, and the
/// walk reports the entry as a bomb. A bomb costs time, never memory.
struct BombGuard<R> {
    inner: R,
    produced: u64,
    limit: u64,
    tripped: bool,
}

impl<R> BombGuard<R> {
    fn new(inner: R, compressed: u64) -> Self {
        BombGuard {
            inner,
            produced: 0,
            limit: bomb_limit(compressed),
            tripped: false,
        }
    }
}

impl<R: Read> Read for BombGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.tripped {
            return Err(io::Error::other("inflation ratio too high"));
        }
        let n = self.inner.read(buf)?;
        self.produced = self.produced.saturating_add(n as u64);
        if self.produced > self.limit {
            self.tripped = true;
            return Err(io::Error::other("inflation ratio too high"));
        }
        Ok(n)
    }
}

/// A buffered [`Read`] + [`Seek`] over a [`ByteSource`] that keeps its buffer across seeks.
///
/// The zip reader seeks to every entry; a plain `BufReader` throws its buffer away at each seek
/// and reads a whole new chunk, so an archive of 20,000 small files cost 20,000 reads of 1 MB from
/// the browser. Here a seek inside the buffer costs nothing, a random read fills a small window,
/// and a read that continues where the last one ended doubles the window, up to [`READ_CHUNK`].
pub struct SourceReader<'a> {
    source: &'a mut dyn ByteSource,
    position: u64,
    buf: Vec<u8>,
    /// The source offset of `buf[0]`.
    buf_start: u64,
    /// How much the next refill reads.
    window: usize,
}

/// The first window, and the one after a jump elsewhere.
const SMALL_WINDOW: usize = 64 << 10;

impl<'a> SourceReader<'a> {
    pub fn new(source: &'a mut dyn ByteSource) -> Self {
        SourceReader {
            source,
            position: 0,
            buf: Vec::new(),
            buf_start: 0,
            window: SMALL_WINDOW,
        }
    }

    fn buf_end(&self) -> u64 {
        self.buf_start + self.buf.len() as u64
    }

    /// The buffered bytes from `position` on, refilled if `position` is outside the buffer.
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.position < self.buf_start || self.position >= self.buf_end() {
            self.window = if self.position == self.buf_end() && !self.buf.is_empty() {
                (self.window * 2).min(READ_CHUNK)
            } else {
                SMALL_WINDOW
            };
            self.buf.resize(self.window, 0);
            let n = self.source.read_at(self.position, &mut self.buf)?;
            self.buf.truncate(n);
            self.buf_start = self.position;
        }
        let skip = usize::try_from(self.position - self.buf_start).unwrap_or(usize::MAX);
        Ok(self.buf.get(skip..).unwrap_or_default())
    }
}

impl Read for SourceReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill()?;
        let n = available.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.position += n as u64;
        Ok(n)
    }
}

impl io::BufRead for SourceReader<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill()
    }

    fn consume(&mut self, amount: usize) {
        self.position += amount as u64;
    }
}

impl Seek for SourceReader<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let len = self.source.len();
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(delta) => len.checked_add_signed(delta),
            SeekFrom::Current(delta) => self.position.checked_add_signed(delta),
        };
        let target = target
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before start"))?;
        self.position = target;
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the reads that reach the source.
    struct Counted {
        data: Vec<u8>,
        reads: Vec<(u64, usize)>,
    }

    impl ByteSource for Counted {
        fn len(&self) -> u64 {
            self.data.len() as u64
        }

        fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
            let start = usize::try_from(offset)
                .unwrap_or(usize::MAX)
                .min(self.data.len());
            let n = buf.len().min(self.data.len() - start);
            buf[..n].copy_from_slice(&self.data[start..start + n]);
            self.reads.push((offset, n));
            Ok(n)
        }
    }

    #[test]
    fn seeks_inside_the_buffer_do_not_read_again_and_streams_read_in_growing_chunks() {
        let data: Vec<u8> = (0..4_000_000u32).map(|i| (i % 251) as u8).collect();
        let mut source = Counted {
            data: data.clone(),
            reads: Vec::new(),
        };
        let mut reader = SourceReader::new(&mut source);
        let mut small = [0u8; 100];
        for offset in [1000u64, 50, 30_000, 1000, 60_000] {
            reader.seek(SeekFrom::Start(offset)).unwrap();
            reader.read_exact(&mut small).unwrap();
            let at = usize::try_from(offset).unwrap();
            assert_eq!(&small[..], &data[at..at + 100]);
        }
        reader.seek(SeekFrom::Start(0)).unwrap();
        let mut all = Vec::new();
        reader.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
        // Two reads served the five small ones (at 1000, then at 50); the stream from 0 starts
        // small (64 KiB) and doubles its window up to READ_CHUNK (128 KiB).
        let offsets: Vec<u64> = source.reads.iter().take(3).map(|r| r.0).collect();
        assert_eq!(offsets, [1000, 50, 0]);
        let sizes: Vec<usize> = source.reads.iter().map(|r| r.1).collect();
        assert_eq!(sizes[2..5], [65_536, 131_072, READ_CHUNK]);
        assert!(sizes[5..].iter().all(|&n| n <= READ_CHUNK));
    }

    #[test]
    fn takeout_parts_are_recognised_by_name() {
        assert_eq!(
            split_part("takeout-20241128T101010Z-002.zip"),
            Some(("takeout-20241128T101010Z", 2))
        );
        assert_eq!(
            split_part("Downloads/takeout-20241128T101010Z-001.TGZ"),
            Some(("Downloads/takeout-20241128T101010Z", 1))
        );
        assert_eq!(split_part("export-010.tar.gz"), Some(("export", 10)));
        for single in [
            "takeout.zip",
            "photo-001.jpg",
            "-001.zip",
            "dir/-001.zip",
            "a-01.zip",
            "a-0001.zip",
        ] {
            assert_eq!(split_part(single), None, "{single}");
        }
    }
}
