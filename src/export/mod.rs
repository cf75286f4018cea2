//! Reuse: what Reflet read from a file, written in open formats the person can take elsewhere
//! (issue 10). Positions and trips as GeoJSON, GPX and CSV; every other record a file holds
//! (plays, messages, logins, advertisers, transactions, purchases, meter readings, health
//! measures…) as one CSV of `time,type,name,detail,value,unit`. `docs/exports.md` says what
//! each column holds.
//!
//! Every export is safe to open: CSV text cells that a spreadsheet would take for a formula are
//! neutralised ([`csv::neutralise`]), XML text is escaped ([`geo::xml_escape`]), JSON strings are
//! written by serde. The browser writes exports in its worker, from the file read again (nothing
//! of the file is kept for them), and hands them to the person as a download: no request.

pub mod csv;
pub mod geo;
mod records;

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

use crate::error::ErrorKind;
use crate::ingest::{read_prefix, ByteSource, HEAD_LEN};
use crate::model::{FileRef, Summary};
use crate::report::FileReport;
use records::{records_header, Exporter, Writing};

pub use geo::write_trips;

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// Every position of a location file.
    Positions,
    /// The trips found in it, with the person's corrections.
    Trips,
    /// Everything else the file holds, one row each.
    Records,
}

/// The format written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    GeoJson,
    Gpx,
    Csv,
}

impl Format {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Gpx => "gpx",
            Format::Csv => "csv",
        }
    }

    /// The media type of the download.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::GeoJson => "application/geo+json",
            Format::Gpx => "application/gpx+xml",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// The format's name as shown.
    pub fn label(self) -> &'static str {
        match self {
            Format::GeoJson => "GeoJSON",
            Format::Gpx => "GPX",
            Format::Csv => "CSV",
        }
    }
}

impl What {
    fn key(self) -> &'static str {
        match self {
            What::Positions => "positions",
            What::Trips => "trips",
            What::Records => "records",
        }
    }
}

/// The exports a file's report offers: its positions and its trips for a location file (when
/// it has some), its records as CSV for any other recognised file.
pub fn offered(report: &FileReport) -> Vec<(What, Vec<Format>)> {
    let geo = || vec![Format::GeoJson, Format::Gpx, Format::Csv];
    match &report.summary {
        Some(Summary::Positions(p)) => {
            let mut offers = Vec::new();
            if p.count > 0 {
                offers.push((What::Positions, geo()));
            }
            if p.trips.as_ref().is_some_and(|t| t.trips > 0) {
                offers.push((What::Trips, geo()));
            }
            offers
        }
        Some(_) => vec![(What::Records, vec![Format::Csv])],
        None => Vec::new(),
    }
}

/// The download's name: `reflet-<what>-<file's name without extension>.<ext>`, with only
/// letters, digits, `-` and `_` from the file's name.
pub fn file_name(path: &str, what: What, format: Format) -> String {
    format!(
        "reflet-{}-{}.{}",
        what.key(),
        safe_stem(path),
        format.extension()
    )
}

/// The last component of `path` without its extension, with only letters, digits, `-` and `_`
/// (others become `_`), at most 60 of them: a download's name never says more than that.
pub fn safe_stem(path: &str) -> String {
    let name = FileRef::new(path, 0).name().to_owned();
    let stem = name
        .rsplit_once('.')
        .map_or(name.as_str(), |(stem, _)| stem);
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    if safe.is_empty() {
        String::from("file")
    } else {
        safe
    }
}

/// Reads the file at `path` inside what the person opened (`name`, a plain file or an archive)
/// again, and writes its positions or its records in `format` to `out`; returns how many
/// positions or rows were written. Trips are not read from the file: they are the journal's
/// ([`write_trips`]).
pub fn export_entry(
    name: &str,
    source: &mut dyn ByteSource,
    path: &str,
    what: What,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64, ErrorKind> {
    let mut result = Err(ErrorKind::Unreadable);
    crate::report::each_entry(
        name,
        source,
        &mut crate::report::first_of(path),
        &mut |entry, reader| result = export_reader(entry, reader, what, format, out),
    );
    result
}

/// [`export_entry`] of one file's bytes.
fn export_reader(
    path: &str,
    reader: &mut dyn Read,
    what: What,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64, ErrorKind> {
    let head = read_prefix(reader, HEAD_LEN).map_err(|_| ErrorKind::Unreadable)?;
    let source = crate::sources::detect(path, &head)
        .and_then(|claim| crate::sources::by_id(claim.source))
        .ok_or(ErrorKind::Unsupported)?;
    let io = |_| ErrorKind::Unreadable;
    let to = match what {
        What::Positions => Exporter::Positions(geo::PositionWriter::new(out, format).map_err(io)?),
        What::Records if format == Format::Csv => {
            records_header(out).map_err(io)?;
            Exporter::Records { out, rows: 0 }
        }
        What::Records | What::Trips => return Err(ErrorKind::Unsupported),
    };
    let mut writing = Writing { to, error: None };
    let whole = std::io::Cursor::new(&head).chain(reader);
    let mut buffered = std::io::BufReader::with_capacity(1 << 16, whole);
    // A file cut off midway has handed over what came before: that is exported.
    let _ = source.read(&mut buffered, &mut writing);
    if writing.error.is_some() {
        return Err(ErrorKind::Unreadable);
    }
    let count = writing.count();
    if let Exporter::Positions(writer) = writing.to {
        writer.end().map_err(io)?;
    }
    Ok(count)
}
