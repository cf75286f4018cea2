//! Positions and trips as GeoJSON (RFC 7946), GPX 1.1 and CSV, written as a stream.

use std::io::{self, Write};

use super::csv::{row, Cell};
use super::Format;
use crate::model::location::LatLng;
use crate::model::time::{format_iso, Millis};
use crate::model::trips::TripRecord;

/// The start of a GPX document.
const GPX_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" \
    creator=\"Reflet\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n";

/// `text` escaped for XML text and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` as a JSON string, quotes included.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| String::from("\"\""))
}

/// A value's name as the report writes it (a mode's `walking`, `car`; a relation's `friend`…).
pub fn key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

/// Writes positions one by one: the document's start on the first, its end at [`Self::end`].
pub struct PositionWriter<'w> {
    out: &'w mut dyn Write,
    format: Format,
    /// Positions written.
    pub count: u64,
    /// The UTC day of the GPX segment open, if one is.
    segment: Option<i64>,
}

impl<'w> PositionWriter<'w> {
    pub fn new(out: &'w mut dyn Write, format: Format) -> io::Result<Self> {
        match format {
            Format::GeoJson => out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?,
            Format::Gpx => write!(out, "{GPX_HEAD}<trk>\n<name>Reflet</name>\n")?,
            Format::Csv => {
                out.write_all(super::csv::BOM)?;
                let header = ["time", "latitude", "longitude", "source"];
                row(out, &header.map(Cell::Text))?;
            }
        }
        Ok(PositionWriter {
            out,
            format,
            count: 0,
            segment: None,
        })
    }

    /// One position, at `time` (UTC), located by `source` (`GPS`, `WIFI`…, or `""`).
    pub fn fix(&mut self, time: Millis, at: LatLng, source: &str) -> io::Result<()> {
        let (lat, lng, iso) = (at.lat(), at.lng(), format_iso(time));
        match self.format {
            Format::GeoJson => {
                let comma = if self.count > 0 { "," } else { "" };
                write!(
                    self.out,
                    "{comma}\n{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\
                     \"coordinates\":[{lng:.7},{lat:.7}]}},\"properties\":{{\"time\":\"{iso}\""
                )?;
                if !source.is_empty() {
                    write!(self.out, ",\"source\":{}", json_string(source))?;
                }
                self.out.write_all(b"}}")?;
            }
            Format::Gpx => {
                // One segment per UTC day.
                let day = time.div_euclid(86_400_000);
                if self.segment != Some(day) {
                    if self.segment.is_some() {
                        self.out.write_all(b"</trkseg>\n")?;
                    }
                    self.out.write_all(b"<trkseg>\n")?;
                    self.segment = Some(day);
                }
                write!(
                    self.out,
                    "<trkpt lat=\"{lat:.7}\" lon=\"{lng:.7}\"><time>{iso}</time>"
                )?;
                if !source.is_empty() {
                    write!(self.out, "<src>{}</src>", xml_escape(source))?;
                }
                self.out.write_all(b"</trkpt>\n")?;
            }
            Format::Csv => row(
                self.out,
                &[
                    Cell::Text(&iso),
                    Cell::Num(lat, 7),
                    Cell::Num(lng, 7),
                    Cell::Text(source),
                ],
            )?,
        }
        self.count += 1;
        Ok(())
    }

    /// Ends the document.
    pub fn end(self) -> io::Result<u64> {
        match self.format {
            Format::GeoJson => self.out.write_all(b"\n]}\n")?,
            Format::Gpx => {
                if self.segment.is_some() {
                    self.out.write_all(b"</trkseg>\n")?;
                }
                self.out.write_all(b"</trk>\n</gpx>\n")?;
            }
            Format::Csv => {}
        }
        Ok(self.count)
    }
}

/// Writes `trips` as a whole document; returns how many were written (in GPX, only the trips
/// whose two ends are known).
pub fn write_trips(out: &mut dyn Write, format: Format, trips: &[TripRecord]) -> io::Result<u64> {
    match format {
        Format::GeoJson => trips_geojson(out, trips),
        Format::Gpx => trips_gpx(out, trips),
        Format::Csv => trips_csv(out, trips),
    }
}

/// `[lng,lat]`, as GeoJSON orders them.
fn point(p: LatLng) -> String {
    format!("[{:.7},{:.7}]", p.lng(), p.lat())
}

fn trips_geojson(out: &mut dyn Write, trips: &[TripRecord]) -> io::Result<u64> {
    let mut count = 0;
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    for trip in trips {
        let geometry = match (trip.from, trip.to) {
            (Some(a), Some(b)) => format!(
                "{{\"type\":\"LineString\",\"coordinates\":[{},{}]}}",
                point(a),
                point(b)
            ),
            (Some(p), None) | (None, Some(p)) => {
                format!("{{\"type\":\"Point\",\"coordinates\":{}}}", point(p))
            }
            (None, None) => String::from("null"),
        };
        let comma = if count > 0 { "," } else { "" };
        write!(
            out,
            "{comma}\n{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{{\
             \"start\":\"{}\",\"end\":\"{}\",\"mode\":\"{}\",\"metres\":{},\
             \"estimated\":{},\"corrected\":{}",
            format_iso(trip.start),
            format_iso(trip.end),
            key(&trip.mode),
            trip.metres,
            trip.estimated,
            trip.corrected
        )?;
        if let Some(grams) = trip.grams {
            write!(out, ",\"co2_grams\":{grams}")?;
        }
        out.write_all(b"}}")?;
        count += 1;
    }
    out.write_all(b"\n]}\n")?;
    Ok(count)
}

fn trips_gpx(out: &mut dyn Write, trips: &[TripRecord]) -> io::Result<u64> {
    let mut count = 0;
    out.write_all(GPX_HEAD.as_bytes())?;
    for trip in trips {
        let (Some(from), Some(to)) = (trip.from, trip.to) else {
            continue;
        };
        let mode = key(&trip.mode);
        write!(
            out,
            "<trk>\n<name>{mode}</name>\n<type>{mode}</type>\n<trkseg>\n"
        )?;
        for (at, time) in [(from, trip.start), (to, trip.end)] {
            writeln!(
                out,
                "<trkpt lat=\"{:.7}\" lon=\"{:.7}\"><time>{}</time></trkpt>",
                at.lat(),
                at.lng(),
                format_iso(time)
            )?;
        }
        out.write_all(b"</trkseg>\n</trk>\n")?;
        count += 1;
    }
    out.write_all(b"</gpx>\n")?;
    Ok(count)
}

fn trips_csv(out: &mut dyn Write, trips: &[TripRecord]) -> io::Result<u64> {
    let header = [
        "start",
        "end",
        "mode",
        "metres",
        "co2_grams",
        "from_latitude",
        "from_longitude",
        "to_latitude",
        "to_longitude",
        "estimated",
        "corrected",
    ];
    out.write_all(super::csv::BOM)?;
    row(out, &header.map(Cell::Text))?;
    let coordinate = |p: Option<LatLng>, lat: bool| {
        p.map_or(Cell::Empty, |p| {
            Cell::Num(if lat { p.lat() } else { p.lng() }, 7)
        })
    };
    let yes = |b: bool| Cell::Text(if b { "true" } else { "false" });
    let mut count = 0;
    for trip in trips {
        let (start, end, mode) = (
            format_iso(trip.start),
            format_iso(trip.end),
            key(&trip.mode),
        );
        let whole = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
        row(
            out,
            &[
                Cell::Text(&start),
                Cell::Text(&end),
                Cell::Text(&mode),
                whole(trip.metres),
                trip.grams.map_or(Cell::Empty, whole),
                coordinate(trip.from, true),
                coordinate(trip.from, false),
                coordinate(trip.to, true),
                coordinate(trip.to, false),
                yes(trip.estimated),
                yes(trip.corrected),
            ],
        )?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::Mode;

    const HOSTILE: &str =
        "<script>alert(\"x\")</script> & =HYPERLINK(\"http://evil.example\")\u{1}";

    fn one_position(format: Format) -> String {
        let mut out = Vec::new();
        let mut writer = PositionWriter::new(&mut out, format).unwrap();
        let at = LatLng::from_degrees(46.16, -1.15).unwrap();
        writer.fix(1_700_000_000_000, at, HOSTILE).unwrap();
        assert_eq!(writer.end().unwrap(), 1);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_text_is_escaped_in_gpx_and_geojson() {
        let gpx = one_position(Format::Gpx);
        assert!(!gpx.contains("<script>"), "{gpx}");
        assert!(gpx.contains("<src>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "));
        assert!(!gpx.contains('\u{1}'));
        assert!(gpx.contains(
            "<trkpt lat=\"46.1600000\" lon=\"-1.1500000\"><time>2023-11-14T22:13:20.000Z</time>"
        ));

        let geojson = one_position(Format::GeoJson);
        let doc: serde_json::Value = serde_json::from_str(&geojson).unwrap();
        assert_eq!(doc["features"][0]["properties"]["source"], HOSTILE);
        assert_eq!(doc["features"][0]["geometry"]["coordinates"][0], -1.15);

        let csv = one_position(Format::Csv);
        assert!(csv.ends_with(",46.16,-1.15,\"<script>alert(\"\"x\"\")</script> & =HYPERLINK(\"\"http://evil.example\"\")\u{1}\"\r\n"), "{csv}");
    }

    #[test]
    fn trips_without_both_ends_are_kept_where_the_format_allows() {
        let at = LatLng::from_degrees(46.16, -1.15);
        let trip = TripRecord {
            start: 0,
            end: 600_000,
            from: at,
            to: None,
            mode: Mode::Cycling,
            metres: 2500,
            grams: Some(0),
            estimated: true,
            corrected: false,
        };
        let mut out = Vec::new();
        assert_eq!(write_trips(&mut out, Format::GeoJson, &[trip]).unwrap(), 1);
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["features"][0]["geometry"]["type"], "Point");
        assert_eq!(doc["features"][0]["properties"]["mode"], "cycling");
        let mut out = Vec::new();
        assert_eq!(write_trips(&mut out, Format::Gpx, &[trip]).unwrap(), 0);
    }
}
