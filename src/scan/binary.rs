//! Binary files among what a person drops: what they are, from their first bytes, and what a
//! photo's EXIF headers say (when, with which camera, where).
//!
//! [`sniff`] looks at the head of a file (the first [`crate::ingest::HEAD_LEN`] bytes) for the
//! magic numbers of common image, video, audio, document, archive, database, font and executable
//! formats. Text is never taken for binary: a magic made of printable characters (`BM`, `ID3`,
//! `MZ`, `GIF89a`, `#!AMR`) counts only when the header fields after it are those of the format,
//! so "BMW,Golf" stays a CSV line.
//!
//! [`jpeg_exif`] reads a JPEG's EXIF from its headers alone: it walks the segments from the start
//! up to the image data (SOS) or [`EXIF_SCAN_LIMIT`] bytes, whichever comes first, and parses the
//! TIFF structure of the first `APP1 Exif` segment. Any input is safe: every read is bounded,
//! every offset checked, and only three IFDs (IFD0, Exif, GPS) of at most [`MAX_IFD_ENTRIES`]
//! entries are ever visited, so cyclic offsets cannot loop.

use std::io::Read;

/// What kind of thing a binary file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Document,
    Archive,
    Database,
    Font,
    Executable,
}

/// A binary format recognised by [`sniff`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Binary {
    pub kind: MediaKind,
    /// Short lowercase format name: "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "tiff",
    /// "bmp", "ico", "mp4", "mov", "m4a", "3gp", "3g2", "webm", "mkv", "avi", "mp3", "mp2", "ogg",
    /// "flac", "wav", "aac", "amr", "pdf", "zip", "gzip", "7z", "rar", "tar", "bzip2", "xz",
    /// "zstd", "sqlite", "woff", "woff2", "ttf", "ttc", "otf", "exe", "elf", "mach-o", "class",
    /// "wasm".
    pub format: String,
    /// The usual MIME type of the format, e.g. "image/jpeg".
    pub mime: String,
}

/// What a photo's EXIF says, as written by the camera or phone.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Exif {
    /// When the photo was taken, as written by the camera: "2023-07-14T16:32:05", with "+02:00"
    /// appended when the matching offset tag says so. `DateTimeOriginal` (with
    /// `OffsetTimeOriginal`), else `DateTime` (with `OffsetTime`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    /// "Apple iPhone 12": Make and Model, trimmed of NULs and spaces, the make not repeated when
    /// the model already starts with it ("Canon" + "Canon EOS 80D" → "Canon EOS 80D").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<String>,
    /// The firmware or program that wrote the file ("16.5.1", "Adobe Photoshop 24.0").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software: Option<String>,
    /// Where the photo was taken, when the GPS tags hold a plausible position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gps: Option<Gps>,
}

/// A photo's GPS position.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Gps {
    /// Degrees, north positive.
    pub lat: f64,
    /// Degrees, east positive.
    pub lng: f64,
    /// Metres above sea level (negative below).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altitude_m: Option<f64>,
    /// "2023-07-14T14:32:05Z", from `GPSDateStamp` and `GPSTimeStamp` (UTC by definition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------------------------

#[allow(clippy::unnecessary_wraps)] // what every recogniser returns
fn binary(kind: MediaKind, format: &str, mime: &str) -> Option<Binary> {
    Some(Binary {
        kind,
        format: format.to_owned(),
        mime: mime.to_owned(),
    })
}

/// `len` bytes of `data` at `at`, if they are all there (no overflow, no panic).
fn bytes_at(data: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    data.get(at..at.checked_add(len)?)
}

fn has(data: &[u8], at: usize, magic: &[u8]) -> bool {
    bytes_at(data, at, magic.len()) == Some(magic)
}

fn byte(data: &[u8], at: usize) -> Option<u8> {
    data.get(at).copied()
}

fn u16_le(data: &[u8], at: usize) -> Option<u16> {
    let b = bytes_at(data, at, 2)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u16_be(data: &[u8], at: usize) -> Option<u16> {
    u16_le(data, at).map(u16::swap_bytes)
}

fn u32_le(data: &[u8], at: usize) -> Option<u32> {
    let b = bytes_at(data, at, 4)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

fn u32_be(data: &[u8], at: usize) -> Option<u32> {
    u32_le(data, at).map(u32::swap_bytes)
}

/// Whether `bytes` read as text: printable ASCII, common whitespace or UTF-8 (a sequence cut at
/// the end still counts), with no other control character.
fn is_text(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        // Only a multi-byte character cut by the end of the slice is forgiven.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default()).unwrap_or("")
        }
        Err(_) => return false,
    };
    !valid
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

/// Recognises a binary file from its first bytes (up to 4096 are looked at); `None` for text and
/// for formats it does not know.
pub fn sniff(head: &[u8]) -> Option<Binary> {
    let head = head.get(..head.len().min(crate::ingest::HEAD_LEN))?;
    sniff_media(head).or_else(|| sniff_other(head))
}

/// Images, videos and sounds.
fn sniff_media(head: &[u8]) -> Option<Binary> {
    use MediaKind::{Audio, Image};

    // Images.
    if has(head, 0, &[0xFF, 0xD8, 0xFF]) {
        return binary(Image, "jpeg", "image/jpeg");
    }
    if has(head, 0, b"\x89PNG\r\n\x1a\n") {
        return binary(Image, "png", "image/png");
    }
    if (has(head, 0, b"GIF87a") || has(head, 0, b"GIF89a"))
        // The logical screen descriptor (sizes, flags) is binary in practice.
        && !is_text(head.get(6..13).unwrap_or_default())
    {
        return binary(Image, "gif", "image/gif");
    }
    if has(head, 0, b"II*\0") || has(head, 0, b"MM\0*") {
        return binary(Image, "tiff", "image/tiff");
    }
    if is_bmp(head) {
        return binary(Image, "bmp", "image/bmp");
    }
    if is_ico(head) {
        return binary(Image, "ico", "image/vnd.microsoft.icon");
    }
    if has(head, 0, b"RIFF") {
        return riff(head);
    }
    if let Some(found) = iso_media(head) {
        return Some(found);
    }
    if has(head, 0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        return ebml(head);
    }

    // Audio.
    if is_id3(head) {
        return binary(Audio, "mp3", "audio/mpeg");
    }
    if has(head, 0, b"OggS") && byte(head, 4) == Some(0) {
        return if has(head, 28, b"\x80theora") {
            binary(MediaKind::Video, "ogg", "video/ogg")
        } else {
            binary(Audio, "ogg", "audio/ogg")
        };
    }
    if has(head, 0, b"fLaC")
        // The first metadata block is STREAMINFO (type 0), 34 bytes long.
        && byte(head, 4).map(|b| b & 0x7F) == Some(0)
        && has(head, 5, &[0, 0, 34])
    {
        return binary(Audio, "flac", "audio/flac");
    }
    for (magic, mime) in [
        (&b"#!AMR\n"[..], "audio/amr"),
        (&b"#!AMR-WB\n"[..], "audio/amr-wb"),
    ] {
        if has(head, 0, magic) {
            let frames = head.get(magic.len()..).unwrap_or_default();
            let frames = frames.get(..frames.len().min(32)).unwrap_or_default();
            if frames.is_empty() || !is_text(frames) {
                return binary(Audio, "amr", mime);
            }
        }
    }
    mpeg_audio(head)
}

/// Documents, archives, databases, fonts and executables.
fn sniff_other(head: &[u8]) -> Option<Binary> {
    use MediaKind::{Archive, Database, Document, Executable};
    if has(head, 0, b"%PDF-") && byte(head, 5).is_some_and(|b| b.is_ascii_digit()) {
        return binary(Document, "pdf", "application/pdf");
    }
    if has(head, 0, b"PK\x03\x04") || has(head, 0, b"PK\x05\x06") || has(head, 0, b"PK\x07\x08") {
        return binary(Archive, "zip", "application/zip");
    }
    if has(head, 0, &[0x1F, 0x8B, 0x08]) {
        return binary(Archive, "gzip", "application/gzip");
    }
    if has(head, 0, &[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C]) {
        return binary(Archive, "7z", "application/x-7z-compressed");
    }
    if has(head, 0, b"Rar!\x1a\x07\x00") || has(head, 0, b"Rar!\x1a\x07\x01\x00") {
        return binary(Archive, "rar", "application/vnd.rar");
    }
    if has(head, 0, b"BZh")
        && byte(head, 3).is_some_and(|b| (b'1'..=b'9').contains(&b))
        // A compressed block (digits of pi) or the end of the stream (digits of sqrt(pi)).
        && (has(head, 4, &[0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
            || has(head, 4, &[0x17, 0x72, 0x45, 0x38, 0x50, 0x90]))
    {
        return binary(Archive, "bzip2", "application/x-bzip2");
    }
    if has(head, 0, &[0xFD, b'7', b'z', b'X', b'Z', 0x00]) {
        return binary(Archive, "xz", "application/x-xz");
    }
    if has(head, 0, &[0x28, 0xB5, 0x2F, 0xFD]) {
        return binary(Archive, "zstd", "application/zstd");
    }
    if is_tar(head) {
        return binary(Archive, "tar", "application/x-tar");
    }
    if has(head, 0, b"SQLite format 3\0") {
        return binary(Database, "sqlite", "application/vnd.sqlite3");
    }

    // Fonts.
    if let Some(found) = font(head) {
        return Some(found);
    }

    // Executables.
    if has(head, 0, b"MZ") && is_pe(head) {
        return binary(
            Executable,
            "exe",
            "application/vnd.microsoft.portable-executable",
        );
    }
    if has(head, 0, b"\x7fELF")
        && matches!(byte(head, 4), Some(1 | 2))
        && matches!(byte(head, 5), Some(1 | 2))
        && byte(head, 6) == Some(1)
    {
        return binary(Executable, "elf", "application/x-executable");
    }
    if [
        [0xFE, 0xED, 0xFA, 0xCE],
        [0xFE, 0xED, 0xFA, 0xCF],
        [0xCE, 0xFA, 0xED, 0xFE],
        [0xCF, 0xFA, 0xED, 0xFE],
    ]
    .iter()
    .any(|magic| has(head, 0, magic))
    {
        return binary(Executable, "mach-o", "application/x-mach-binary");
    }
    if has(head, 0, &[0xCA, 0xFE, 0xBA, 0xBE]) {
        return cafebabe(head);
    }
    if has(head, 0, b"\0asm\x01\0\0\0") {
        return binary(Executable, "wasm", "application/wasm");
    }
    None
}

/// BMP: "BM", the file size, two reserved zero words, the pixel offset, then a DIB header whose
/// size field is one of the known versions.
fn is_bmp(head: &[u8]) -> bool {
    const DIB_SIZES: [u32; 8] = [12, 16, 40, 52, 56, 64, 108, 124];
    if !has(head, 0, b"BM") || u32_le(head, 6) != Some(0) {
        return false;
    }
    let (Some(pixels), Some(dib)) = (u32_le(head, 10), u32_le(head, 14)) else {
        return false;
    };
    DIB_SIZES.contains(&dib) && pixels >= 14 + dib
}

/// ICO: a reserved zero word, type 1, at least one image, and a sane first directory entry.
fn is_ico(head: &[u8]) -> bool {
    if !has(head, 0, &[0, 0, 1, 0]) {
        return false;
    }
    let Some(count) = u16_le(head, 4).filter(|&c| c > 0) else {
        return false;
    };
    let planes = u16_le(head, 10);
    let bits = u16_le(head, 12);
    let size = u32_le(head, 14);
    let offset = u32_le(head, 18);
    byte(head, 9) == Some(0)
        && matches!(planes, Some(0 | 1))
        && matches!(bits, Some(0 | 1 | 2 | 4 | 8 | 16 | 24 | 32))
        && size.is_some_and(|s| s > 0)
        && offset.is_some_and(|o| o >= 6 + 16 * u32::from(count))
}

/// RIFF containers: WAV, AVI, WebP.
fn riff(head: &[u8]) -> Option<Binary> {
    match bytes_at(head, 8, 4)? {
        b"WAVE" => binary(MediaKind::Audio, "wav", "audio/wav"),
        b"AVI " => binary(MediaKind::Video, "avi", "video/x-msvideo"),
        b"WEBP" => binary(MediaKind::Image, "webp", "image/webp"),
        _ => None,
    }
}

/// ISO base media files (MP4, MOV, M4A, 3GP, HEIC, AVIF) by their `ftyp` brands, and old
/// `QuickTime` files that start with another atom.
fn iso_media(head: &[u8]) -> Option<Binary> {
    use MediaKind::{Audio, Image, Video};
    let size = u32_be(head, 0)?;
    let atom = bytes_at(head, 4, 4)?;
    if atom != b"ftyp" {
        // A QuickTime movie without `ftyp`: a small first atom (its size's top byte is zero,
        // which no text starts with) of a known type.
        let known = [b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"];
        return if ((size >> 24 == 0 && size >= 8) || size == 1) && known.iter().any(|k| atom == *k)
        {
            binary(Video, "mov", "video/quicktime")
        } else {
            None
        };
    }
    if !(16..=4096).contains(&size) {
        return None;
    }
    let major = bytes_at(head, 8, 4)?;
    if !major.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
        return None;
    }
    let end = usize::try_from(size).ok()?.min(head.len());
    let compatible: Vec<&[u8]> = head
        .get(16..end)
        .unwrap_or_default()
        .chunks_exact(4)
        .collect();
    let heic = |b: &[u8]| matches!(b, b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx");
    let avif = |b: &[u8]| matches!(b, b"avif" | b"avis");
    if heic(major) {
        return binary(Image, "heic", "image/heic");
    }
    if avif(major) {
        return binary(Image, "avif", "image/avif");
    }
    if matches!(major, b"mif1" | b"msf1" | b"miaf") {
        return if compatible.iter().any(|b| avif(b)) {
            binary(Image, "avif", "image/avif")
        } else if compatible.iter().any(|b| heic(b)) {
            binary(Image, "heic", "image/heic")
        } else {
            binary(Image, "heif", "image/heif")
        };
    }
    match major {
        b"M4A " | b"M4B " | b"M4P " => binary(Audio, "m4a", "audio/mp4"),
        b"qt  " => binary(Video, "mov", "video/quicktime"),
        _ if major.starts_with(b"3gp") => binary(Video, "3gp", "video/3gpp"),
        _ if major.starts_with(b"3g2") => binary(Video, "3g2", "video/3gpp2"),
        // isom, iso2…iso9, mp41, mp42, avc1, dash, M4V, …: MP4 is what the rest are.
        _ => binary(Video, "mp4", "video/mp4"),
    }
}

/// Matroska and `WebM`: the EBML header's `DocType` element tells them apart.
fn ebml(head: &[u8]) -> Option<Binary> {
    let window = head.get(4..head.len().min(64)).unwrap_or_default();
    let doctype = window
        .windows(2)
        .position(|w| w == [0x42, 0x82])
        .and_then(|at| {
            // A one-byte size (0x80 | n) is what every writer uses for so short a string.
            let len = usize::from(byte(window, at + 2)? & 0x7F);
            bytes_at(window, at + 3, len)
        });
    if doctype.is_some_and(|d| d.starts_with(b"webm")) {
        binary(MediaKind::Video, "webm", "video/webm")
    } else {
        binary(MediaKind::Video, "mkv", "video/x-matroska")
    }
}

/// An `ID3v2` tag: version 2 to 4, a revision, flags whose low bits are zero, a sync-safe size.
fn is_id3(head: &[u8]) -> bool {
    has(head, 0, b"ID3")
        && matches!(byte(head, 3), Some(2..=4))
        && byte(head, 4).is_some_and(|b| b != 0xFF)
        && byte(head, 5).is_some_and(|b| b.trailing_zeros() >= 4)
        && bytes_at(head, 6, 4).is_some_and(|size| size.iter().all(|b| b & 0x80 == 0))
}

/// MPEG audio frames (MP3, MP2) and AAC in ADTS frames, from the first frame header.
fn mpeg_audio(head: &[u8]) -> Option<Binary> {
    let (b1, b2, b3) = (byte(head, 1)?, byte(head, 2)?, byte(head, 3)?);
    // FF FE is the UTF-16 little-endian byte order mark: text, not an MPEG-1 layer I frame.
    if byte(head, 0)? != 0xFF || b1 & 0xE0 != 0xE0 || b1 == 0xFE {
        return None;
    }
    let version = (b1 >> 3) & 0b11;
    let layer = (b1 >> 1) & 0b11;
    if layer == 0 {
        // ADTS: a 12-bit sync, layer 00, a sampling frequency index up to 12, a frame length
        // that holds at least its own header.
        let frame_len = (u32::from(b3 & 0b11) << 11)
            | (u32::from(byte(head, 4)?) << 3)
            | u32::from(byte(head, 5)? >> 5);
        return if b1 & 0xF0 == 0xF0 && (b2 >> 2) & 0x0F <= 12 && frame_len >= 7 {
            binary(MediaKind::Audio, "aac", "audio/aac")
        } else {
            None
        };
    }
    let bitrate = b2 >> 4;
    let sample_rate = (b2 >> 2) & 0b11;
    let emphasis = b3 & 0b11;
    if version == 0b01 || bitrate == 0b1111 || sample_rate == 0b11 || emphasis == 0b10 {
        return None;
    }
    if layer == 0b01 {
        binary(MediaKind::Audio, "mp3", "audio/mpeg")
    } else {
        binary(MediaKind::Audio, "mp2", "audio/mpeg")
    }
}

/// A POSIX or GNU tar header: "ustar" at 257 and a header checksum that adds up.
fn is_tar(head: &[u8]) -> bool {
    if !has(head, 257, b"ustar") {
        return false;
    }
    let Some(header) = head.get(..512) else {
        return false;
    };
    let Some(field) = header.get(148..156) else {
        return false;
    };
    let digits: String = field
        .iter()
        .skip_while(|b| **b == b' ')
        .take_while(|b| (b'0'..=b'7').contains(*b))
        .map(|b| char::from(*b))
        .collect();
    let Ok(stored) = u32::from_str_radix(&digits, 8) else {
        return false;
    };
    // The checksum is computed with its own field read as spaces.
    let sum: u32 = header
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                u32::from(b' ')
            } else {
                u32::from(*b)
            }
        })
        .sum();
    sum == stored
}

/// Font files: WOFF, WOFF2 (with a known flavour), `TrueType`, `OpenType` and collections (with a
/// table count whose search range agrees).
fn font(head: &[u8]) -> Option<Binary> {
    const FLAVOURS: [&[u8]; 3] = [&[0, 1, 0, 0], b"OTTO", b"true"];
    let sfnt_ok = || {
        let tables = u16_be(head, 4).unwrap_or(0);
        let range = u16_be(head, 6).unwrap_or(0);
        (1..=256).contains(&tables)
            && u32::from(range) == 16 * (1u32 << (u16::BITS - 1 - tables.leading_zeros()))
    };
    let magic = bytes_at(head, 0, 4)?;
    let flavour_ok = || FLAVOURS.iter().any(|f| has(head, 4, f));
    match magic {
        b"wOFF" if flavour_ok() => binary(MediaKind::Font, "woff", "font/woff"),
        b"wOF2" if flavour_ok() => binary(MediaKind::Font, "woff2", "font/woff2"),
        b"OTTO" if sfnt_ok() => binary(MediaKind::Font, "otf", "font/otf"),
        [0, 1, 0, 0] | b"true" if sfnt_ok() => binary(MediaKind::Font, "ttf", "font/ttf"),
        b"ttcf" if has(head, 4, &[0, 1, 0, 0]) || has(head, 4, &[0, 2, 0, 0]) => {
            binary(MediaKind::Font, "ttc", "font/collection")
        }
        _ => None,
    }
}

/// A PE executable: the DOS header's `e_lfanew` points at "PE\0\0" within the head.
fn is_pe(head: &[u8]) -> bool {
    u32_le(head, 0x3C)
        .and_then(|at| usize::try_from(at).ok())
        .is_some_and(|at| at >= 0x40 && has(head, at, b"PE\0\0"))
}

/// CAFEBABE is both a Java class and a Mach-O universal ("fat") binary. A fat binary has a
/// handful of architectures where a class file has its major version (45 for Java 1.1, 65 for
/// Java 21): the same split as file(1)'s, at 30.
fn cafebabe(head: &[u8]) -> Option<Binary> {
    let next = u32_be(head, 4)?;
    if (1..30).contains(&next) {
        binary(MediaKind::Executable, "mach-o", "application/x-mach-binary")
    } else if (45..=100).contains(&u16_be(head, 6)?) {
        binary(MediaKind::Executable, "class", "application/java-vm")
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// JPEG EXIF
// ---------------------------------------------------------------------------------------------

/// How far into a JPEG [`jpeg_exif`] reads at most: EXIF comes before the image data, in the
/// first segments.
pub const EXIF_SCAN_LIMIT: u64 = 256 * 1024;

/// How many entries of one IFD are read at most (real ones hold a few dozen).
pub const MAX_IFD_ENTRIES: usize = 1024;

/// The longest text value kept (a camera's name, a program's, a date).
const MAX_TEXT_LEN: usize = 256;

/// How many segments are walked at most before giving up.
const MAX_SEGMENTS: usize = 4096;

/// Reads the EXIF of a JPEG from its headers, never the image data: `None` when the bytes are not
/// a JPEG, hold no EXIF, or nothing useful in it (no date, camera, software nor position).
pub fn jpeg_exif(reader: &mut dyn Read) -> Option<Exif> {
    let mut r = Read::take(reader, EXIF_SCAN_LIMIT);
    let mut soi = [0u8; 2];
    r.read_exact(&mut soi).ok()?;
    if soi != [0xFF, 0xD8] {
        return None;
    }
    for _ in 0..MAX_SEGMENTS {
        let marker = next_marker(&mut r)?;
        match marker {
            // End of image, start of scan: the headers are over.
            0xD9 | 0xDA => return None,
            // Markers without a length: TEM, RSTn, a stray SOI.
            0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let mut len = [0u8; 2];
        r.read_exact(&mut len).ok()?;
        // The length counts its own two bytes; it is at most 65535, so reads stay under 64 KiB.
        let payload = u64::from(u16::from_be_bytes(len).checked_sub(2)?);
        let mut segment = (&mut r).take(payload);
        if marker == 0xE1 {
            let mut bytes = Vec::new();
            segment.read_to_end(&mut bytes).ok()?;
            if let Some(tiff) = bytes.strip_prefix(b"Exif\0") {
                // "Exif\0\0", though a few writers put another byte after the first NUL.
                let found = tiff.get(1..).and_then(parse_tiff);
                if found.is_some() {
                    return found;
                }
            }
            if (bytes.len() as u64) < payload {
                return None;
            }
        } else if std::io::copy(&mut segment, &mut std::io::sink()).ok()? < payload {
            return None;
        }
    }
    None
}

/// The next marker's code: 0xFF, any number of fill bytes 0xFF (bounded by the reader's limit),
/// then the code. `None` at the end of the input or when no 0xFF is where a marker must be.
fn next_marker(r: &mut impl Read) -> Option<u8> {
    let mut b = [0u8; 1];
    r.read_exact(&mut b).ok()?;
    if b != [0xFF] {
        return None;
    }
    loop {
        r.read_exact(&mut b).ok()?;
        match b {
            [0xFF] => {}
            // FF 00 is a stuffed byte inside entropy-coded data, not a marker.
            [0x00] => return None,
            [code] => return Some(code),
        }
    }
}

/// One 12-byte IFD entry.
#[derive(Clone, Copy)]
struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    /// Offset of the entry in the TIFF data; its value or the value's offset is at `at + 8`.
    at: usize,
}

/// The TIFF structure inside an EXIF segment.
struct Tiff<'a> {
    data: &'a [u8],
    big_endian: bool,
}

impl Tiff<'_> {
    fn u16(&self, at: usize) -> Option<u16> {
        let v = u16_le(self.data, at)?;
        Some(if self.big_endian { v.swap_bytes() } else { v })
    }

    fn u32(&self, at: usize) -> Option<u32> {
        let v = u32_le(self.data, at)?;
        Some(if self.big_endian { v.swap_bytes() } else { v })
    }

    fn offset(&self, at: usize) -> Option<usize> {
        usize::try_from(self.u32(at)?).ok()
    }

    /// The entries of the IFD at `offset`, at most [`MAX_IFD_ENTRIES`], up to the first one cut
    /// by the end of the data.
    fn entries(&self, offset: usize) -> Vec<Entry> {
        let count = self.u16(offset).map_or(0, usize::from);
        (0..count.min(MAX_IFD_ENTRIES))
            .map_while(|i| {
                let at = offset.checked_add(2)?.checked_add(i.checked_mul(12)?)?;
                Some(Entry {
                    tag: self.u16(at)?,
                    kind: self.u16(at.checked_add(2)?)?,
                    count: self.u32(at.checked_add(4)?)?,
                    at,
                })
            })
            .collect()
    }

    /// The bytes of an entry's value: inline when they fit in 4 bytes, else at its offset.
    fn value(&self, entry: Entry) -> Option<&[u8]> {
        let unit = match entry.kind {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            5 | 10 | 12 => 8,
            _ => return None,
        };
        let len = usize::try_from(entry.count).ok()?.checked_mul(unit)?;
        let inline = entry.at.checked_add(8)?;
        if len <= 4 {
            bytes_at(self.data, inline, len)
        } else {
            bytes_at(self.data, self.offset(inline)?, len)
        }
    }

    /// The `index`th unsigned integer of a BYTE, SHORT, LONG or IFD value.
    fn uint(&self, entry: Entry, index: usize) -> Option<u32> {
        let value = self.value(entry)?;
        let tiff = Tiff {
            data: value,
            big_endian: self.big_endian,
        };
        match entry.kind {
            1 | 7 => byte(value, index).map(u32::from),
            3 => tiff.u16(index.checked_mul(2)?).map(u32::from),
            4 | 13 => tiff.u32(index.checked_mul(4)?),
            _ => None,
        }
    }

    /// The `index`th (signed) rational of a value; `None` for a zero denominator.
    fn rational(&self, entry: Entry, index: usize) -> Option<f64> {
        let value = self.value(entry)?;
        let tiff = Tiff {
            data: value,
            big_endian: self.big_endian,
        };
        let at = index.checked_mul(8)?;
        let (num, den) = (tiff.u32(at)?, tiff.u32(at.checked_add(4)?)?);
        let ratio = match entry.kind {
            5 if den != 0 => f64::from(num) / f64::from(den),
            // SRATIONAL: the same bits, signed.
            10 if den != 0 => {
                f64::from(i32::from_ne_bytes(num.to_ne_bytes()))
                    / f64::from(i32::from_ne_bytes(den.to_ne_bytes()))
            }
            _ => return None,
        };
        ratio.is_finite().then_some(ratio)
    }

    /// An ASCII value (or UNDEFINED or BYTE, as some writers store text): up to its first NUL,
    /// trimmed; `None` when empty, or when it is not text (invalid UTF-8, control characters,
    /// longer than [`MAX_TEXT_LEN`]), as offsets that point at the wrong bytes give.
    fn text(&self, entry: Entry) -> Option<String> {
        if !matches!(entry.kind, 1 | 2 | 7) {
            return None;
        }
        let value = self.value(entry)?;
        let end = value.iter().position(|b| *b == 0).unwrap_or(value.len());
        let text = std::str::from_utf8(value.get(..end)?).ok()?.trim();
        let plausible =
            !text.is_empty() && text.len() <= MAX_TEXT_LEN && !text.chars().any(char::is_control);
        plausible.then(|| text.to_owned())
    }
}

fn find(entries: &[Entry], tag: u16) -> Option<Entry> {
    entries.iter().find(|e| e.tag == tag).copied()
}

mod tag {
    pub const MAKE: u16 = 0x010F;
    pub const MODEL: u16 = 0x0110;
    pub const SOFTWARE: u16 = 0x0131;
    pub const DATE_TIME: u16 = 0x0132;
    pub const EXIF_IFD: u16 = 0x8769;
    pub const GPS_IFD: u16 = 0x8825;
    pub const DATE_TIME_ORIGINAL: u16 = 0x9003;
    pub const OFFSET_TIME: u16 = 0x9010;
    pub const OFFSET_TIME_ORIGINAL: u16 = 0x9011;
    pub const GPS_LATITUDE_REF: u16 = 0x0001;
    pub const GPS_LATITUDE: u16 = 0x0002;
    pub const GPS_LONGITUDE_REF: u16 = 0x0003;
    pub const GPS_LONGITUDE: u16 = 0x0004;
    pub const GPS_ALTITUDE_REF: u16 = 0x0005;
    pub const GPS_ALTITUDE: u16 = 0x0006;
    pub const GPS_TIME_STAMP: u16 = 0x0007;
    pub const GPS_DATE_STAMP: u16 = 0x001D;
}

/// Parses the TIFF structure of an EXIF segment (after "Exif\0\0"). Only IFD0, the Exif IFD and
/// the GPS IFD are read, each once: no chain is followed, so cyclic offsets cannot loop.
fn parse_tiff(data: &[u8]) -> Option<Exif> {
    let big_endian = match data.get(..2)? {
        b"II" => false,
        b"MM" => true,
        _ => return None,
    };
    let tiff = Tiff { data, big_endian };
    if tiff.u16(2)? != 42 {
        return None;
    }
    let ifd0 = tiff.entries(tiff.offset(4)?);
    let sub_ifd = |tag| {
        find(&ifd0, tag)
            .and_then(|e| tiff.uint(e, 0))
            .and_then(|at| usize::try_from(at).ok())
            .map(|at| tiff.entries(at))
            .unwrap_or_default()
    };
    let exif_ifd = sub_ifd(tag::EXIF_IFD);
    let gps_ifd = sub_ifd(tag::GPS_IFD);
    let text = |entries: &[Entry], tag| find(entries, tag).and_then(|e| tiff.text(e));

    let stamp = |date_tag, offset_tag| {
        let when = date_time(&text(&exif_ifd, date_tag).or_else(|| text(&ifd0, date_tag))?)?;
        let offset = text(&exif_ifd, offset_tag)
            .or_else(|| text(&ifd0, offset_tag))
            .filter(|o| is_utc_offset(o));
        Some(when + offset.as_deref().unwrap_or(""))
    };
    let taken = stamp(tag::DATE_TIME_ORIGINAL, tag::OFFSET_TIME_ORIGINAL)
        .or_else(|| stamp(tag::DATE_TIME, tag::OFFSET_TIME));
    let camera = camera(text(&ifd0, tag::MAKE), text(&ifd0, tag::MODEL));
    let software = text(&ifd0, tag::SOFTWARE);
    let gps = gps(&tiff, &gps_ifd);

    if taken.is_none() && camera.is_none() && software.is_none() && gps.is_none() {
        return None;
    }
    Some(Exif {
        taken,
        camera,
        software,
        gps,
    })
}

/// "Apple" + "iPhone 12" → "Apple iPhone 12"; "Canon" + "Canon EOS 80D" → "Canon EOS 80D";
/// "NIKON CORPORATION" + "NIKON D750" → "NIKON D750" (the model starts with the make's name).
fn camera(make: Option<String>, model: Option<String>) -> Option<String> {
    match (make, model) {
        (Some(make), Some(model)) => {
            let first_word = |s: &str| s.split_whitespace().next().unwrap_or("").to_lowercase();
            if model.to_lowercase().starts_with(&make.to_lowercase())
                || first_word(&model) == first_word(&make)
            {
                Some(model)
            } else {
                Some(format!("{make} {model}"))
            }
        }
        (make, model) => model.or(make),
    }
}

/// Two ASCII digits as a number.
fn two_digits(s: &[u8], at: usize) -> Option<u32> {
    let d = bytes_at(s, at, 2)?;
    let (a, b) = (*d.first()?, *d.get(1)?);
    (a.is_ascii_digit() && b.is_ascii_digit())
        .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
}

/// "2023:07:14" (or "2023-07-14") → "2023-07-14", when it is a plausible date.
fn date(s: &[u8]) -> Option<String> {
    let year = two_digits(s, 0)? * 100 + two_digits(s, 2)?;
    let (month, day) = (two_digits(s, 5)?, two_digits(s, 8)?);
    let separators = [byte(s, 4)?, byte(s, 7)?];
    if !matches!(separators, [b':', b':'] | [b'-', b'-'])
        || year == 0
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// "2023:07:14 16:32:05" → "2023-07-14T16:32:05"; `None` for the blank "0000:00:00 00:00:00"
/// and anything else that is not a date and time.
fn date_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let day = date(b)?;
    let (hour, minute, second) = (two_digits(b, 11)?, two_digits(b, 14)?, two_digits(b, 17)?);
    if !matches!(byte(b, 10)?, b' ' | b'T')
        || byte(b, 13)? != b':'
        || byte(b, 16)? != b':'
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(format!("{day}T{hour:02}:{minute:02}:{second:02}"))
}

/// "+02:00", "-05:30": a UTC offset as EXIF 2.31 writes it.
fn is_utc_offset(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 6
        && matches!(byte(b, 0), Some(b'+' | b'-'))
        && byte(b, 3) == Some(b':')
        && two_digits(b, 1).is_some_and(|h| h <= 14)
        && two_digits(b, 4).is_some_and(|m| m <= 59)
}

/// The GPS IFD's position, altitude and time; `None` unless latitude and longitude are both there,
/// readable (no zero denominator), within range and not the 0,0 of an unset receiver.
fn gps(tiff: &Tiff, entries: &[Entry]) -> Option<Gps> {
    let text = |tag| find(entries, tag).and_then(|e| tiff.text(e));
    let dms = |tag| {
        let entry = find(entries, tag)?;
        let parts = usize::try_from(entry.count).ok()?.min(3);
        if parts == 0 {
            return None;
        }
        (0..parts).try_fold(0.0, |sum, i| {
            let part = tiff.rational(entry, i)?;
            Some(sum + part / [1.0, 60.0, 3600.0].get(i)?)
        })
    };
    let negative = |tag, letter: char| {
        text(tag)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.eq_ignore_ascii_case(&letter))
    };
    let signed = |value: f64, negative: bool| if negative { -value.abs() } else { value };
    let lat = signed(
        dms(tag::GPS_LATITUDE)?,
        negative(tag::GPS_LATITUDE_REF, 'S'),
    );
    let lng = signed(
        dms(tag::GPS_LONGITUDE)?,
        negative(tag::GPS_LONGITUDE_REF, 'W'),
    );
    if !(-90.0..=90.0).contains(&lat)
        || !(-180.0..=180.0).contains(&lng)
        || (lat == 0.0 && lng == 0.0)
    {
        return None;
    }
    let below_sea = find(entries, tag::GPS_ALTITUDE_REF)
        .and_then(|e| tiff.value(e)?.first().copied())
        .is_some_and(|b| b == 1 || b == b'1');
    let altitude_m = find(entries, tag::GPS_ALTITUDE)
        .and_then(|e| tiff.rational(e, 0))
        .filter(|a| a.abs() < 100_000.0)
        .map(|a| signed(a, below_sea));
    Some(Gps {
        lat,
        lng,
        altitude_m,
        time: gps_time(tiff, entries),
    })
}

/// "2023-07-14T14:32:05Z" from `GPSDateStamp` and `GPSTimeStamp` (whole seconds).
fn gps_time(tiff: &Tiff, entries: &[Entry]) -> Option<String> {
    let day = date(tiff.text(find(entries, tag::GPS_DATE_STAMP)?)?.as_bytes())?;
    let stamp = find(entries, tag::GPS_TIME_STAMP)?;
    let part = |i| whole(tiff.rational(stamp, i)?);
    let (hour, minute, second) = (part(0)?, part(1)?, part(2)?);
    if hour > 23 || minute > 59 {
        return None;
    }
    Some(format!("{day}T{hour:02}:{minute:02}:{second:02}Z"))
}

/// The whole part of a time unit in 0..61; a fraction of a second is dropped.
fn whole(v: f64) -> Option<u32> {
    if !(0.0..61.0).contains(&v) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in 0..61
    let whole = v.floor() as u32;
    Some(whole)
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)] // small test sizes, and bytes cut from random words
mod tests {
    use super::*;

    // ---- A small EXIF writer: TIFF structure in either byte order, wrapped in a JPEG. ----

    #[derive(Clone)]
    enum Val {
        Ascii(&'static str),
        Byte(u8),
        Short(u16),
        Long(u32),
        Rationals(Vec<(u32, u32)>),
    }

    type Ifd = Vec<(u16, Val)>;

    fn u16_bytes(big: bool, v: u16) -> [u8; 2] {
        if big {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    }

    fn u32_bytes(big: bool, v: u32) -> [u8; 4] {
        if big {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    }

    /// Type, count and bytes of a value.
    fn encode(big: bool, val: &Val) -> (u16, u32, Vec<u8>) {
        match val {
            Val::Ascii(s) => {
                let mut b = s.as_bytes().to_vec();
                b.push(0);
                (2, b.len() as u32, b)
            }
            Val::Byte(v) => (1, 1, vec![*v]),
            Val::Short(v) => (3, 1, u16_bytes(big, *v).to_vec()),
            Val::Long(v) => (4, 1, u32_bytes(big, *v).to_vec()),
            Val::Rationals(r) => (
                5,
                r.len() as u32,
                r.iter()
                    .flat_map(|(n, d)| [u32_bytes(big, *n), u32_bytes(big, *d)].concat())
                    .collect(),
            ),
        }
    }

    fn ifd_len(entries: usize) -> usize {
        2 + 12 * entries + 4
    }

    /// Writes an IFD at the end of `out`; values longer than 4 bytes go to `data`, which will be
    /// placed at `data_at`.
    fn write_ifd(out: &mut Vec<u8>, big: bool, entries: &Ifd, data_at: usize, data: &mut Vec<u8>) {
        let mut entries = entries.clone();
        entries.sort_by_key(|(tag, _)| *tag);
        out.extend(u16_bytes(big, entries.len() as u16));
        for (tag, val) in &entries {
            let (kind, count, mut bytes) = encode(big, val);
            out.extend(u16_bytes(big, *tag));
            out.extend(u16_bytes(big, kind));
            out.extend(u32_bytes(big, count));
            if bytes.len() <= 4 {
                bytes.resize(4, 0);
                out.extend(bytes);
            } else {
                out.extend(u32_bytes(big, (data_at + data.len()) as u32));
                data.extend(bytes);
                if data.len() % 2 == 1 {
                    data.push(0);
                }
            }
        }
        out.extend(u32_bytes(big, 0));
    }

    /// A TIFF structure: IFD0 (pointing to the Exif and GPS IFDs when they have entries), the
    /// Exif IFD, the GPS IFD, then the values that do not fit in an entry.
    fn tiff(big: bool, ifd0: &Ifd, exif: &Ifd, gps: &Ifd) -> Vec<u8> {
        let mut ifd0 = ifd0.clone();
        let n0 = ifd0.len() + usize::from(!exif.is_empty()) + usize::from(!gps.is_empty());
        let exif_at = 8 + ifd_len(n0);
        let gps_at = exif_at
            + if exif.is_empty() {
                0
            } else {
                ifd_len(exif.len())
            };
        let data_at = gps_at
            + if gps.is_empty() {
                0
            } else {
                ifd_len(gps.len())
            };
        if !exif.is_empty() {
            ifd0.push((tag::EXIF_IFD, Val::Long(exif_at as u32)));
        }
        if !gps.is_empty() {
            ifd0.push((tag::GPS_IFD, Val::Long(gps_at as u32)));
        }
        let mut out = if big {
            b"MM\0\x2a\0\0\0\x08".to_vec()
        } else {
            b"II\x2a\0\x08\0\0\0".to_vec()
        };
        let mut data = Vec::new();
        write_ifd(&mut out, big, &ifd0, data_at, &mut data);
        for ifd in [exif, gps] {
            if !ifd.is_empty() {
                write_ifd(&mut out, big, ifd, data_at, &mut data);
            }
        }
        assert_eq!(out.len(), data_at);
        out.extend(data);
        out
    }

    fn segment(out: &mut Vec<u8>, marker: u8, payload: &[u8]) {
        out.extend([0xFF, marker]);
        out.extend(((payload.len() + 2) as u16).to_be_bytes());
        out.extend(payload);
    }

    const JFIF: &[u8] = b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00";
    /// A tiny fake scan: SOS header, entropy-coded bytes (with a stuffed FF 00), EOI.
    const SCAN: &[u8] = &[
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0xFF, 0x00, 0x56,
        0xFF, 0xD9,
    ];

    /// SOI, APP0 JFIF, APP1 Exif, a quantisation table, a tiny scan.
    fn jpeg(tiff: &[u8]) -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        segment(&mut j, 0xE0, JFIF);
        segment(&mut j, 0xE1, &[b"Exif\0\0", tiff].concat());
        segment(&mut j, 0xDB, &[0x01; 65]);
        j.extend(SCAN);
        j
    }

    fn rationals(r: &[(u32, u32)]) -> Val {
        Val::Rationals(r.to_vec())
    }

    fn full_ifds() -> (Ifd, Ifd, Ifd) {
        let ifd0 = vec![
            (tag::MAKE, Val::Ascii("Canon")),
            (tag::MODEL, Val::Ascii("Canon EOS 80D")),
            (tag::SOFTWARE, Val::Ascii("Firmware 1.0.2  ")),
            (tag::DATE_TIME, Val::Ascii("2023:07:15 09:00:00")),
            (0x011A, rationals(&[(72, 1)])),
            (0x0128, Val::Short(2)),
        ];
        let exif = vec![
            (tag::DATE_TIME_ORIGINAL, Val::Ascii("2023:07:14 16:32:05")),
            (tag::OFFSET_TIME_ORIGINAL, Val::Ascii("+02:00")),
            (0xA002, Val::Long(6000)),
        ];
        let gps = vec![
            (0x0000, Val::Long(0x0203_0000)),
            (tag::GPS_LATITUDE_REF, Val::Ascii("N")),
            (
                tag::GPS_LATITUDE,
                rationals(&[(46, 1), (9, 1), (3276, 100)]),
            ),
            (tag::GPS_LONGITUDE_REF, Val::Ascii("W")),
            (tag::GPS_LONGITUDE, rationals(&[(1, 1), (9, 1), (720, 100)])),
            (tag::GPS_ALTITUDE_REF, Val::Byte(0)),
            (tag::GPS_ALTITUDE, rationals(&[(1200, 100)])),
            (
                tag::GPS_TIME_STAMP,
                rationals(&[(14, 1), (32, 1), (537, 100)]),
            ),
            (tag::GPS_DATE_STAMP, Val::Ascii("2023:07:14")),
        ];
        (ifd0, exif, gps)
    }

    fn read(bytes: &[u8]) -> Option<Exif> {
        jpeg_exif(&mut &bytes[..])
    }

    fn assert_near(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-4, "{a} != {b}");
    }

    fn assert_gps(gps: &Gps, lat: f64, lng: f64, altitude: Option<f64>, time: Option<&str>) {
        assert_near(gps.lat, lat);
        assert_near(gps.lng, lng);
        match (gps.altitude_m, altitude) {
            (Some(a), Some(b)) => assert_near(a, b),
            (a, b) => assert_eq!(a, b),
        }
        assert_eq!(gps.time.as_deref(), time);
    }

    #[test]
    fn reads_every_field_in_both_byte_orders() {
        let (ifd0, exif, gps) = full_ifds();
        for big in [false, true] {
            let file = jpeg(&tiff(big, &ifd0, &exif, &gps));
            let found = read(&file).unwrap();
            assert_eq!(
                found.taken.as_deref(),
                Some("2023-07-14T16:32:05+02:00"),
                "big endian: {big}"
            );
            assert_eq!(found.camera.as_deref(), Some("Canon EOS 80D"));
            assert_eq!(found.software.as_deref(), Some("Firmware 1.0.2"));
            let position = found.gps.unwrap();
            assert_gps(
                &position,
                46.1591,
                -1.152,
                Some(12.0),
                Some("2023-07-14T14:32:05Z"),
            );
            assert_eq!(sniff(&file).unwrap().format, "jpeg");
        }
    }

    #[test]
    fn inline_values_fallbacks_and_southern_hemisphere() {
        // "LG" and "G6" fit in the entry (3 bytes with the NUL), as do the refs and the pointers.
        let ifd0 = vec![
            (tag::MAKE, Val::Ascii("LG")),
            (tag::MODEL, Val::Ascii("G6")),
            (tag::DATE_TIME, Val::Ascii("2021:12:31 23:59:59")),
        ];
        let exif = vec![
            // The blank date some cameras write: DateTime is used instead, with OffsetTime.
            (tag::DATE_TIME_ORIGINAL, Val::Ascii("0000:00:00 00:00:00")),
            (tag::OFFSET_TIME_ORIGINAL, Val::Ascii("+11:00")),
            (tag::OFFSET_TIME, Val::Ascii("-03:00")),
        ];
        let gps = vec![
            (tag::GPS_LATITUDE_REF, Val::Ascii("S")),
            (
                tag::GPS_LATITUDE,
                rationals(&[(33, 1), (5130, 100), (0, 1)]),
            ),
            (tag::GPS_LONGITUDE_REF, Val::Ascii("E")),
            (tag::GPS_LONGITUDE, rationals(&[(151, 1), (12, 1), (36, 1)])),
            (tag::GPS_ALTITUDE_REF, Val::Byte(1)),
            (tag::GPS_ALTITUDE, rationals(&[(5, 2)])),
            // A time without a date is not kept.
            (tag::GPS_TIME_STAMP, rationals(&[(1, 1), (2, 1), (3, 1)])),
        ];
        for big in [false, true] {
            let found = read(&jpeg(&tiff(big, &ifd0, &exif, &gps))).unwrap();
            assert_eq!(found.taken.as_deref(), Some("2021-12-31T23:59:59-03:00"));
            assert_eq!(found.camera.as_deref(), Some("LG G6"));
            assert_eq!(found.software, None);
            let position = found.gps.unwrap();
            assert_gps(&position, -33.855, 151.21, Some(-2.5), None);
        }
    }

    #[test]
    fn implausible_positions_are_dropped_but_the_rest_is_kept() {
        let (ifd0, exif, _) = full_ifds();
        let position = |lat: Vec<(u32, u32)>, lng: Vec<(u32, u32)>| {
            vec![
                (tag::GPS_LATITUDE_REF, Val::Ascii("N")),
                (tag::GPS_LATITUDE, Val::Rationals(lat)),
                (tag::GPS_LONGITUDE_REF, Val::Ascii("E")),
                (tag::GPS_LONGITUDE, Val::Rationals(lng)),
            ]
        };
        let cases = [
            // A zero denominator.
            position(vec![(46, 1), (9, 0), (0, 1)], vec![(1, 1), (0, 1), (0, 1)]),
            // Out of range.
            position(vec![(95, 1), (0, 1), (0, 1)], vec![(1, 1), (0, 1), (0, 1)]),
            position(
                vec![(45, 1), (0, 1), (0, 1)],
                vec![(181, 1), (0, 1), (0, 1)],
            ),
            // The 0,0 of a receiver without a fix.
            position(vec![(0, 1), (0, 1), (0, 1)], vec![(0, 1), (0, 1), (0, 1)]),
            // No longitude at all.
            position(vec![(45, 1), (0, 1), (0, 1)], vec![]),
        ];
        for gps in &cases {
            for big in [false, true] {
                let found = read(&jpeg(&tiff(big, &ifd0, &exif, gps))).unwrap();
                assert_eq!(found.gps, None);
                assert_eq!(found.camera.as_deref(), Some("Canon EOS 80D"));
            }
        }
        // A zero denominator in the altitude only loses the altitude.
        let mut gps = position(vec![(45, 1), (30, 1), (0, 1)], vec![(4, 1), (0, 1), (0, 1)]);
        gps.push((tag::GPS_ALTITUDE, rationals(&[(12, 0)])));
        let found = read(&jpeg(&tiff(true, &ifd0, &exif, &gps))).unwrap();
        assert_gps(&found.gps.unwrap(), 45.5, 4.0, None, None);
    }

    #[test]
    fn nothing_useful_is_none() {
        let ifd0 = vec![(0x011A, rationals(&[(72, 1)])), (0x0128, Val::Short(2))];
        let exif = vec![(0xA002, Val::Long(6000))];
        for big in [false, true] {
            assert_eq!(read(&jpeg(&tiff(big, &ifd0, &exif, &vec![]))), None);
        }
        // Not JPEGs, or a JPEG without APP1.
        for bytes in [
            &b""[..],
            b"\xFF",
            b"\xFF\xD8",
            b"GIF89a",
            b"\x89PNG\r\n\x1a\n",
            SCAN,
        ] {
            assert_eq!(read(bytes), None);
        }
        let mut plain = vec![0xFF, 0xD8];
        segment(&mut plain, 0xE0, JFIF);
        plain.extend(SCAN);
        assert_eq!(read(&plain), None);
    }

    #[test]
    fn camera_names() {
        let camera = |make: &str, model: &str| {
            let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            camera(some(make), some(model))
        };
        assert_eq!(
            camera("Apple", "iPhone 12").as_deref(),
            Some("Apple iPhone 12")
        );
        assert_eq!(
            camera("Canon", "Canon EOS 80D").as_deref(),
            Some("Canon EOS 80D")
        );
        assert_eq!(
            camera("NIKON CORPORATION", "NIKON D750").as_deref(),
            Some("NIKON D750")
        );
        assert_eq!(
            camera("samsung", "SM-G991B").as_deref(),
            Some("samsung SM-G991B")
        );
        assert_eq!(camera("", "Pixel 7").as_deref(), Some("Pixel 7"));
        assert_eq!(camera("HUAWEI", "").as_deref(), Some("HUAWEI"));
        assert_eq!(camera("", ""), None);
        // Trailing NULs and spaces, as some cameras pad their strings.
        let ifd0 = vec![
            (tag::MAKE, Val::Ascii("Apple\0\0 ")),
            (tag::MODEL, Val::Ascii("  iPhone 12   ")),
        ];
        let found = read(&jpeg(&tiff(false, &ifd0, &vec![], &vec![]))).unwrap();
        assert_eq!(found.camera.as_deref(), Some("Apple iPhone 12"));
        // Bytes that are no text are not a name.
        let ifd0 = vec![
            (tag::MAKE, Val::Ascii("\u{1}\u{2}\u{3}\u{4}\u{5}")),
            (tag::MODEL, Val::Ascii("Pixel 7")),
            (tag::SOFTWARE, Val::Ascii("\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}")),
        ];
        let found = read(&jpeg(&tiff(true, &ifd0, &vec![], &vec![]))).unwrap();
        assert_eq!(found.camera.as_deref(), Some("Pixel 7"));
        assert_eq!(found.software, None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_time("2023:07:14 16:32:05").as_deref(),
            Some("2023-07-14T16:32:05")
        );
        assert_eq!(
            date_time("2023-07-14T16:32:05").as_deref(),
            Some("2023-07-14T16:32:05")
        );
        for bad in [
            "0000:00:00 00:00:00",
            "    :  :     :  :  ",
            "2023:13:01 00:00:00",
            "2023",
        ] {
            assert_eq!(date_time(bad), None, "{bad}");
        }
        assert!(is_utc_offset("+02:00") && is_utc_offset("-09:30"));
        assert!(!is_utc_offset("02:00") && !is_utc_offset("+2:00") && !is_utc_offset("Z"));
    }

    #[test]
    fn stops_at_the_scan_and_after_the_scan_limit() {
        let (ifd0, exif, gps) = full_ifds();
        let app1 = [&b"Exif\0\0"[..], &tiff(false, &ifd0, &exif, &gps)].concat();
        // EXIF after the image data is not looked for.
        let mut after_scan = vec![0xFF, 0xD8];
        after_scan.extend(&SCAN[..SCAN.len() - 2]);
        segment(&mut after_scan, 0xE1, &app1);
        assert_eq!(read(&after_scan), None);
        // Three comments of 64 KiB come first: still within the limit. Five: beyond it.
        for (comments, found) in [(3, true), (5, false)] {
            let mut file = vec![0xFF, 0xD8];
            for _ in 0..comments {
                segment(&mut file, 0xFE, &vec![b'x'; 65_533]);
            }
            segment(&mut file, 0xE1, &app1);
            file.extend(SCAN);
            assert_eq!(read(&file).is_some(), found, "{comments} comments");
        }
        // An XMP APP1 before the EXIF one, fill bytes and a restart marker are walked past.
        let mut file = vec![0xFF, 0xD8, 0xFF, 0xFF, 0xD0];
        segment(
            &mut file,
            0xE1,
            b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>",
        );
        segment(&mut file, 0xE1, &app1);
        assert!(read(&file).unwrap().gps.is_some());
    }

    /// A TIFF whose IFD0 points to itself as its Exif IFD, GPS IFD and next IFD, holds an entry
    /// count of 65535, and values whose offsets point back into it.
    fn cyclic_tiff(big: bool) -> Vec<u8> {
        let mut t = if big {
            b"MM\0\x2a\0\0\0\x08".to_vec()
        } else {
            b"II\x2a\0\x08\0\0\0".to_vec()
        };
        t.extend(u16_bytes(big, 0xFFFF));
        for (tag, kind, count, value) in [
            (tag::EXIF_IFD, 4, 1, 8),
            (tag::GPS_IFD, 4, 1, 8),
            (tag::MAKE, 2, 0xFFFF_FFFF, 8),
            (tag::MODEL, 2, 40, 8),
            (tag::GPS_LATITUDE, 5, 3, 0xFFFF_FFF0),
            (tag::GPS_LONGITUDE, 5, 0x2000_0000, 8),
        ] {
            t.extend(u16_bytes(big, tag));
            t.extend(u16_bytes(big, kind));
            t.extend(u32_bytes(big, count));
            t.extend(u32_bytes(big, value));
        }
        t.extend(u32_bytes(big, 8));
        t
    }

    #[test]
    fn cyclic_offsets_and_huge_counts_end() {
        for big in [false, true] {
            // The model's 40 bytes are IFD0's own, which are no text: nothing is usable.
            assert_eq!(read(&jpeg(&cyclic_tiff(big))), None);
        }
    }

    /// A small deterministic generator (xorshift64*), so failures can be replayed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn bytes(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.next() as u8).collect()
        }
    }

    #[test]
    fn garbage_never_panics() {
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        let fixture = fixture("photo-gps.jpg");
        for _ in 0..3000 {
            // Random bytes after SOI, with or without a marker first.
            let mut file = vec![0xFF, 0xD8];
            if rng.below(2) == 0 {
                file.push(0xFF);
            }
            let n = rng.below(300);
            file.extend(rng.bytes(n));
            let _ = read(&file);
            // A valid APP1 Exif header and TIFF header, then random IFDs and values.
            let order: &[u8] = if rng.below(2) == 0 {
                b"II\x2a\0\x08\0\0\0"
            } else {
                b"MM\0\x2a\0\0\0\x08"
            };
            let mut tiff = order.to_vec();
            let n = rng.below(600);
            tiff.extend(rng.bytes(n));
            let _ = read(&jpeg(&tiff));
            // The real fixture with a few bytes changed.
            let mut mutated = fixture.clone();
            for _ in 0..=rng.below(4) {
                let at = rng.below(mutated.len());
                mutated[at] = rng.next() as u8;
            }
            let _ = read(&mutated);
            let _ = sniff(&mutated);
            let _ = sniff(&file);
        }
    }

    #[test]
    fn truncated_files_never_panic() {
        let (ifd0, exif, gps) = full_ifds();
        let built = jpeg(&tiff(true, &ifd0, &exif, &gps));
        for file in [fixture("photo-gps.jpg"), fixture("photo-plain.jpg"), built] {
            for cut in 0..file.len() {
                let _ = read(&file[..cut]);
                let _ = sniff(&file[..cut]);
            }
        }
    }

    #[test]
    fn read_errors_end_the_walk() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("unplugged"))
            }
        }
        let (ifd0, exif, gps) = full_ifds();
        let file = jpeg(&tiff(false, &ifd0, &exif, &gps));
        let mut failing = Read::chain(&file[..40], Failing);
        assert_eq!(jpeg_exif(&mut failing), None);
    }

    // ---- The fixtures written by exiftool (tests/fixtures/scan/generate.sh). ----

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/scan")
            .join(name);
        std::fs::read(path).unwrap()
    }

    #[test]
    fn reads_the_exiftool_fixture_exactly() {
        let file = fixture("photo-gps.jpg");
        let found = jpeg_exif(&mut &file[..]).unwrap();
        assert_eq!(found.taken.as_deref(), Some("2023-07-14T16:32:05+02:00"));
        assert_eq!(found.camera.as_deref(), Some("Apple iPhone 12"));
        assert_eq!(found.software, None);
        let position = found.gps.clone().unwrap();
        assert_gps(
            &position,
            46.1591,
            -1.1520,
            Some(12.0),
            Some("2023-07-14T14:32:05Z"),
        );
        // What the report will carry.
        let json = serde_json::to_value(&found).unwrap();
        assert_eq!(json["camera"], "Apple iPhone 12");
        assert!(json.get("software").is_none());
        assert_eq!(serde_json::from_value::<Exif>(json).unwrap(), found);
    }

    #[test]
    fn a_jpeg_without_exif_gives_none() {
        let file = fixture("photo-plain.jpg");
        assert_eq!(jpeg_exif(&mut &file[..]), None);
        assert_eq!(sniff(&file).unwrap().format, "jpeg");
    }

    // ---- Sniffing ----

    fn tar_header() -> Vec<u8> {
        let mut h = vec![0u8; 512];
        h[..9].copy_from_slice(b"hello.txt");
        h[100..108].copy_from_slice(b"0000644\0");
        h[124..136].copy_from_slice(b"00000000005\0");
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
        h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        h.extend(b"hello");
        h
    }

    fn pe_header() -> Vec<u8> {
        let mut h = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
        h.resize(0x80, 0);
        h[0x3C] = 0x80;
        h.extend(b"PE\0\0\x64\x86");
        h
    }

    fn ebml_header(doctype: &str) -> Vec<u8> {
        let mut h = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F];
        h.extend([0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01]);
        h.extend([0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08]);
        h.extend([0x42, 0x82, 0x80 | doctype.len() as u8]);
        h.extend(doctype.as_bytes());
        h.extend([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
        h
    }

    fn ftyp(major: &[u8], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len() as u32;
        let mut h = size.to_be_bytes().to_vec();
        h.extend(b"ftyp");
        h.extend(major);
        h.extend([0, 0, 0, 0]);
        for c in compatible {
            h.extend(*c);
        }
        h.extend(b"\0\0\0\x08free");
        h
    }

    #[test]
    #[allow(clippy::too_many_lines)] // one row per format
    fn sniffs_each_format_from_a_minimal_header() {
        use MediaKind::{Archive, Audio, Database, Document, Executable, Font, Image, Video};
        let cases: Vec<(Vec<u8>, MediaKind, &str, &str)> = vec![
            (
                b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec(),
                Image,
                "jpeg",
                "image/jpeg",
            ),
            (
                b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec(),
                Image,
                "png",
                "image/png",
            ),
            (
                b"GIF89a\x01\x00\x01\x00\x80\x00\x00".to_vec(),
                Image,
                "gif",
                "image/gif",
            ),
            (
                b"GIF87a\x20\x03\x58\x02\xf7\x00\x00".to_vec(),
                Image,
                "gif",
                "image/gif",
            ),
            (
                b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(),
                Image,
                "webp",
                "image/webp",
            ),
            (
                ftyp(b"heic", &[b"mif1", b"heic"]),
                Image,
                "heic",
                "image/heic",
            ),
            (
                ftyp(b"mif1", &[b"mif1", b"heic"]),
                Image,
                "heic",
                "image/heic",
            ),
            (ftyp(b"mif1", &[b"mif1"]), Image, "heif", "image/heif"),
            (
                ftyp(b"avif", &[b"avif", b"mif1"]),
                Image,
                "avif",
                "image/avif",
            ),
            (
                ftyp(b"mif1", &[b"avif", b"miaf"]),
                Image,
                "avif",
                "image/avif",
            ),
            (b"II*\0\x08\0\0\0".to_vec(), Image, "tiff", "image/tiff"),
            (b"MM\0*\0\0\0\x08".to_vec(), Image, "tiff", "image/tiff"),
            (
                b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x02\0\0\0".to_vec(),
                Image,
                "bmp",
                "image/bmp",
            ),
            (
                b"\0\0\x01\0\x01\0\x10\x10\0\0\x01\0\x20\0\x68\x04\0\0\x16\0\0\0".to_vec(),
                Image,
                "ico",
                "image/vnd.microsoft.icon",
            ),
            (
                ftyp(b"isom", &[b"isom", b"iso2", b"mp41"]),
                Video,
                "mp4",
                "video/mp4",
            ),
            (
                ftyp(b"mp42", &[b"mp42", b"isom"]),
                Video,
                "mp4",
                "video/mp4",
            ),
            (ftyp(b"qt  ", &[b"qt  "]), Video, "mov", "video/quicktime"),
            (
                b"\0\0\0\x08wide\0\x12\x34\x56mdat".to_vec(),
                Video,
                "mov",
                "video/quicktime",
            ),
            (
                ftyp(b"M4A ", &[b"M4A ", b"mp42"]),
                Audio,
                "m4a",
                "audio/mp4",
            ),
            (
                ftyp(b"3gp4", &[b"3gp4", b"isom"]),
                Video,
                "3gp",
                "video/3gpp",
            ),
            (ftyp(b"3g2a", &[b"3g2a"]), Video, "3g2", "video/3gpp2"),
            (ebml_header("webm"), Video, "webm", "video/webm"),
            (ebml_header("matroska"), Video, "mkv", "video/x-matroska"),
            (
                b"RIFF\x24\0\0\0AVI LIST".to_vec(),
                Video,
                "avi",
                "video/x-msvideo",
            ),
            (
                b"ID3\x04\0\0\0\0\x01\x23TIT2".to_vec(),
                Audio,
                "mp3",
                "audio/mpeg",
            ),
            (b"\xFF\xFB\x90\x64\0\0".to_vec(), Audio, "mp3", "audio/mpeg"),
            (b"\xFF\xF3\x64\xC4\0\0".to_vec(), Audio, "mp3", "audio/mpeg"),
            (b"\xFF\xE3\x18\xC4\0\0".to_vec(), Audio, "mp3", "audio/mpeg"),
            (b"\xFF\xFD\x94\x04\0\0".to_vec(), Audio, "mp2", "audio/mpeg"),
            (
                b"OggS\0\x02\0\0\0\0\0\0\0\0".to_vec(),
                Audio,
                "ogg",
                "audio/ogg",
            ),
            (
                b"fLaC\0\0\0\x22\x10\0\x10\0".to_vec(),
                Audio,
                "flac",
                "audio/flac",
            ),
            (
                b"RIFF\x24\0\0\0WAVEfmt ".to_vec(),
                Audio,
                "wav",
                "audio/wav",
            ),
            (
                b"\xFF\xF1\x50\x80\x02\x1F\xFC".to_vec(),
                Audio,
                "aac",
                "audio/aac",
            ),
            (
                b"#!AMR\n\x3c\x91\x17\x16\xbe\x66\x78".to_vec(),
                Audio,
                "amr",
                "audio/amr",
            ),
            (
                b"#!AMR-WB\n\x24\xe2\x00".to_vec(),
                Audio,
                "amr",
                "audio/amr-wb",
            ),
            (
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
                Document,
                "pdf",
                "application/pdf",
            ),
            (
                b"%PDF-1.4\n1 0 obj\n".to_vec(),
                Document,
                "pdf",
                "application/pdf",
            ),
            (
                b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(),
                Archive,
                "zip",
                "application/zip",
            ),
            (
                [&b"PK\x05\x06"[..], &[0; 18]].concat(),
                Archive,
                "zip",
                "application/zip",
            ),
            (
                b"\x1f\x8b\x08\0\0\0\0\0".to_vec(),
                Archive,
                "gzip",
                "application/gzip",
            ),
            (
                b"7z\xbc\xaf\x27\x1c\0\x04".to_vec(),
                Archive,
                "7z",
                "application/x-7z-compressed",
            ),
            (
                b"Rar!\x1a\x07\x00\xcf\x90".to_vec(),
                Archive,
                "rar",
                "application/vnd.rar",
            ),
            (
                b"Rar!\x1a\x07\x01\x00\x33".to_vec(),
                Archive,
                "rar",
                "application/vnd.rar",
            ),
            (tar_header(), Archive, "tar", "application/x-tar"),
            (
                b"BZh91AY&SY\x12".to_vec(),
                Archive,
                "bzip2",
                "application/x-bzip2",
            ),
            (
                b"BZh9\x17\x72\x45\x38\x50\x90\0".to_vec(),
                Archive,
                "bzip2",
                "application/x-bzip2",
            ),
            (
                b"\xfd7zXZ\0\0\x04".to_vec(),
                Archive,
                "xz",
                "application/x-xz",
            ),
            (
                b"\x28\xb5\x2f\xfd\x04\0".to_vec(),
                Archive,
                "zstd",
                "application/zstd",
            ),
            (
                b"SQLite format 3\0\x10\0\x01\x01".to_vec(),
                Database,
                "sqlite",
                "application/vnd.sqlite3",
            ),
            (
                b"wOFF\0\x01\0\0\0\0\x10\0".to_vec(),
                Font,
                "woff",
                "font/woff",
            ),
            (b"wOF2OTTO\0\0\x10\0".to_vec(), Font, "woff2", "font/woff2"),
            (
                b"\0\x01\0\0\0\x0a\0\x80\0\x03\0\x20".to_vec(),
                Font,
                "ttf",
                "font/ttf",
            ),
            (
                b"OTTO\0\x0b\0\x80\0\x03\0\x30".to_vec(),
                Font,
                "otf",
                "font/otf",
            ),
            (
                b"ttcf\0\x01\0\0\0\0\0\x02".to_vec(),
                Font,
                "ttc",
                "font/collection",
            ),
            (
                pe_header(),
                Executable,
                "exe",
                "application/vnd.microsoft.portable-executable",
            ),
            (
                b"\x7fELF\x02\x01\x01\0\0\0".to_vec(),
                Executable,
                "elf",
                "application/x-executable",
            ),
            (
                b"\xcf\xfa\xed\xfe\x07\0\0\x01".to_vec(),
                Executable,
                "mach-o",
                "application/x-mach-binary",
            ),
            // CAFEBABE with 2 architectures: a universal binary; with major version 65: Java 21.
            (
                b"\xca\xfe\xba\xbe\0\0\0\x02\x01\0\0\x07".to_vec(),
                Executable,
                "mach-o",
                "application/x-mach-binary",
            ),
            (
                b"\xca\xfe\xba\xbe\0\0\0\x41\0\x1d\x0a".to_vec(),
                Executable,
                "class",
                "application/java-vm",
            ),
            (
                b"\0asm\x01\0\0\0\x01".to_vec(),
                Executable,
                "wasm",
                "application/wasm",
            ),
        ];
        for (head, kind, format, mime) in cases {
            let expected = Binary {
                kind,
                format: format.to_owned(),
                mime: mime.to_owned(),
            };
            assert_eq!(sniff(&head), Some(expected), "{format}: {head:02x?}");
        }
    }

    #[test]
    fn text_is_not_taken_for_binary() {
        let texts: Vec<&[u8]> = vec![
            b"BMW,Golf\n",
            b"BMW;Golf;2019;12000\nBMW;Polo;2018;9000\n",
            b"{\"a\":1}",
            b"\xef\xbb\xbf{\"a\":1}",
            b"ID3 is a tag format",
            b"ID3\nnotes about tags",
            b"MZ is a state",
            b"MZ,Mizoram,India\nNL,Nagaland,India\n",
            b"GIF89a is a picture format",
            b"#!AMR\nthis is no audio at all, only words",
            b"OggS are nice",
            b"fLaC is a word",
            b"RIFF raff and WAVE",
            b"%PDF is a format",
            b"PK is a tag",
            b"BZh9 is not bzip2",
            b"OTTO von Bismarck",
            b"true or false",
            b"ttcf",
            b"wOFF wOFF",
            b"abcdftypisom",
            b"    moov is a verb",
            b"II is two",
            b"date,lat,lng\n2023-07-14,46.1,-1.1\n",
            b"<?xml version=\"1.0\"?><gpx/>",
            b"",
            b"\x7fELF",
            // UTF-16 text with its byte order marks: FF FE is not an MPEG frame.
            b"\xff\xfe{\0\"\0a\0\"\0:\x001\0}\0",
            b"\xfe\xff\0{\0\"\0a\0\"\0:\x001\0}",
        ];
        for text in texts {
            assert_eq!(sniff(text), None, "{:?}", String::from_utf8_lossy(text));
        }
        // A tar header whose checksum does not add up is not a tar.
        let mut tar = tar_header();
        tar[0] = b'j';
        assert_eq!(sniff(&tar), None);
    }
}
