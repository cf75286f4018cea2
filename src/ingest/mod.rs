//! Reading bytes without loading whole files.
//!
//! Everything reads through [`ByteSource`]: "give me N bytes at offset O". In the browser worker it
//! is backed by `Blob.slice` + `FileReaderSync` (`src/worker/`); natively by `std::fs::File`; in
//! tests by a byte slice. Containers (zip, tar, gzip) and streaming syntaxes (JSON, CSV, XML) are
//! built on top of it, so memory follows the chunk size, never the file size.

pub mod archive;
pub mod csv;
pub mod fast;
pub mod json;
pub mod structure;
pub mod text;
pub mod xml;

/// How many bytes detection looks at: enough for a zip header, a BOM and the first JSON keys.
pub const HEAD_LEN: usize = 4096;

/// Random access to the bytes of one file.
pub trait ByteSource {
    /// Total length in bytes.
    fn len(&self) -> u64;

    /// True when the source holds no bytes.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads up to `buf.len()` bytes at `offset`; returns how many were read (0 at the end).
    fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize>;
}

/// Reads up to `max` bytes from the start of a stream, looping over short reads.
pub fn read_prefix(reader: &mut dyn std::io::Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(max.min(HEAD_LEN));
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, max as u64), &mut head)?;
    Ok(head)
}

impl ByteSource for &[u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }

    fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(<[u8]>::len(self));
        let available = self.get(start..).unwrap_or_default();
        let n = available.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        Ok(n)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::{Read, Seek, SeekFrom};

    use super::ByteSource;

    /// A file on disk, for `inspect`, tests and benchmarks.
    pub struct FileSource {
        file: std::fs::File,
        len: u64,
    }

    impl FileSource {
        pub fn open(path: &std::path::Path) -> std::io::Result<Self> {
            let file = std::fs::File::open(path)?;
            let len = file.metadata()?.len();
            Ok(FileSource { file, len })
        }
    }

    /// Every file under `paths` (files as given, folders walked in name order), named as the
    /// browser names them: a loose file by its name, a folder's files from the folder itself
    /// (`Takeout/Location History/Records.json`, like `webkitRelativePath`). Unreadable folders are listed as they are, so
    /// the report can say so rather than skip them silently.
    pub fn walk(paths: &[std::path::PathBuf]) -> Vec<(String, std::path::PathBuf)> {
        let mut out = Vec::new();
        for path in paths {
            if path.is_dir() {
                // Name files from the folder itself, even for `inspect .`.
                let folder = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                let base = folder.parent().unwrap_or(&folder).to_path_buf();
                walk_dir(&folder, &base, &mut out);
            } else {
                // A loose file is named as a browser's file picker names it: by its file name.
                let name = path.file_name().unwrap_or(path.as_os_str());
                out.push((name.to_string_lossy().into_owned(), path.clone()));
            }
        }
        out
    }

    fn walk_dir(
        dir: &std::path::Path,
        base: &std::path::Path,
        out: &mut Vec<(String, std::path::PathBuf)>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            out.push((display(dir, base), dir.to_path_buf()));
            return;
        };
        // Links are not followed: a link to a parent folder would loop for ever.
        let mut children: Vec<_> = entries
            .filter_map(Result::ok)
            .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
            .filter(|(_, kind)| !kind.is_symlink())
            .collect();
        children.sort_by(|a, b| a.0.cmp(&b.0));
        for (child, kind) in children {
            if kind.is_dir() {
                walk_dir(&child, base, out);
            } else {
                out.push((display(&child, base), child));
            }
        }
    }

    fn display(path: &std::path::Path, base: &std::path::Path) -> String {
        path.strip_prefix(base)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    impl ByteSource for FileSource {
        fn len(&self) -> u64 {
            self.len
        }

        fn read_at(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
            self.file.seek(SeekFrom::Start(offset))?;
            self.file.read(buf)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{walk, FileSource};

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream that hands out at most 3 bytes a call.
    struct Trickle<'a>(&'a [u8]);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(3).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn prefix_is_capped_and_survives_short_reads() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let head = read_prefix(&mut Trickle(&data), HEAD_LEN).unwrap();
        assert_eq!(head[..], data[..HEAD_LEN]);
        assert_eq!(
            read_prefix(&mut &b"{\"a\":1}"[..], HEAD_LEN).unwrap(),
            b"{\"a\":1}"
        );
        assert!(read_prefix(&mut &b""[..], HEAD_LEN).unwrap().is_empty());
    }

    #[test]
    fn slices_read_at_any_offset_even_past_the_end() {
        let mut src: &[u8] = b"abcdef";
        let mut buf = [0u8; 4];
        assert_eq!(src.read_at(4, &mut buf).unwrap(), 2);
        assert_eq!(&buf[..2], b"ef");
        assert_eq!(src.read_at(99, &mut buf).unwrap(), 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn folders_are_walked_in_order_and_named_from_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("Takeout");
        std::fs::create_dir_all(top.join("b")).unwrap();
        std::fs::write(top.join("b/2.json"), b"[]").unwrap();
        std::fs::write(top.join("a.json"), b"{}").unwrap();
        let loose = dir.path().join("loose.csv");
        std::fs::write(&loose, b"x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&top, top.join("b/loop")).unwrap();
        let names: Vec<String> = walk(&[top, loose.clone()])
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["Takeout/a.json", "Takeout/b/2.json", "loose.csv"]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn files_on_disk_read_like_slices() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, b"[1,2,3]").unwrap();
        let mut f = FileSource::open(&path).unwrap();
        assert_eq!(f.len(), 7);
        let mut buf = [0u8; 3];
        assert_eq!(f.read_at(2, &mut buf).unwrap(), 3);
        assert_eq!(&buf, b",2,");
    }
}
