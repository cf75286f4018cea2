//! KML 2.2 placemarks and Google Earth tracks: `*.kml` (and the `doc.kml` inside a `.kmz`, which
//! the archive walker opens like any zip).
//!
//! Where from: Google Earth and My Maps, Google's old Location History ("Export this day",
//! `history-2019-06-11.kml`), GPS loggers and apps exporting KML. Detection reads the content: the
//! root element `<kml`.
//!
//! Shape: `<kml xmlns="http://www.opengis.net/kml/2.2">` with `Document`/`Folder` (nested at any
//! depth) holding `Placemark`s. A placemark with a `Point/coordinates` of `lon,lat[,alt]`
//! (**longitude first**) and a `TimeStamp/when` (or `TimeSpan/begin`) is one fix. A Google
//! `gx:Track` holds two parallel lists: `<when>` instants and `<gx:coord>lon lat alt`
//! (**space-separated**, longitude first), the n-th time going with the n-th coordinate;
//! `gx:MultiTrack` holds several.
//!
//! Quirks: namespace prefixes are dropped (`gx:Track` is `Track`); a time without a zone is read
//! as UTC; a `LineString` has no time per point, so its points are skipped; a placemark is read
//! whole, so one track is limited to [`crate::ingest::xml::MAX_ELEMENT`] (some 300,000 points).

use std::io::Read;

use super::gpx::{degrees, ends_with, has_root, parse_utc, xml_error};
use super::loose::fix_or_skip;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::xml::{for_each_element_where, Element};
use crate::model::location::{LatLng, LocationSink};

pub struct Kml;

/// What the fixes from this source are called.
const FIX_SOURCE: &str = "KML";

/// A position written `lon,lat[,alt]` (`<coordinates>`) or `lon lat alt` (`<gx:coord>`).
fn position(text: &str, separator: char) -> Option<LatLng> {
    let mut parts = text.trim().split(separator).map(str::trim);
    let lng = degrees(parts.next())?;
    let lat = degrees(parts.next())?;
    LatLng::from_degrees(lat, lng)
}

/// The tuples of a `<coordinates>` list: separated by white space, each `lon,lat[,alt]`.
fn tuples(text: &str) -> impl Iterator<Item = &str> {
    text.split_ascii_whitespace()
}

/// Hands over what one placemark holds: its points at its time, and its tracks.
fn hand_over(placemark: &Element, out: &mut dyn LocationSink) {
    let time = placemark
        .children
        .iter()
        .find(|c| ends_with(&c.path, "TimeStamp/when") || ends_with(&c.path, "TimeSpan/begin"))
        .and_then(|c| parse_utc(&c.text));
    // The times and coordinates of the track being read.
    let mut whens: Vec<&str> = Vec::new();
    let mut coords: Vec<&str> = Vec::new();
    let flush = |whens: &mut Vec<&str>, coords: &mut Vec<&str>, out: &mut dyn LocationSink| {
        for i in 0..whens.len().max(coords.len()) {
            let at = coords.get(i).and_then(|c| position(c, ' '));
            let time = whens.get(i).and_then(|w| parse_utc(w));
            fix_or_skip(at, time, FIX_SOURCE, out);
        }
        whens.clear();
        coords.clear();
    };
    for child in &placemark.children {
        let path = child.path.as_str();
        if ends_with(path, "Track") {
            flush(&mut whens, &mut coords, out);
        } else if ends_with(path, "Track/when") {
            whens.push(&child.text);
        } else if ends_with(path, "Track/coord") {
            coords.push(&child.text);
        } else if ends_with(path, "Point/coordinates") {
            fix_or_skip(position(&child.text, ','), time, FIX_SOURCE, out);
        } else if ends_with(path, "LineString/coordinates")
            || ends_with(path, "LinearRing/coordinates")
        {
            for _ in tuples(&child.text) {
                out.skipped();
            }
        }
    }
    flush(&mut whens, &mut coords, out);
}

impl Source for Kml {
    fn id(&self) -> &'static str {
        "geo.kml"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Lieux et traces (KML, KMZ)",
            Lang::En => "Places and tracks (KML, KMZ)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::MY_MAPS
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        has_root(head, "kml").then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        let is_placemark = |path: &str| ends_with(path, "Placemark");
        for_each_element_where(reader, &is_placemark, &mut |_, p| hand_over(p, out))
            .err()
            .map(xml_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    #[test]
    fn the_google_earth_track_sample() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/samples/geo/gx_track.kml");
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("no samples: skipped");
            return;
        };
        assert!(Kml.detect("gx_track.kml", &bytes).is_some());
        let (out, error) = collect(&Kml, &bytes);
        assert_eq!(error, None);
        // grep -c '<gx:coord>' geo/gx_track.kml → 4 (and grep -c '<when>' → 4)
        assert_eq!(out.fixes.len(), 4);
        assert_eq!(out.skipped, 0);
        assert!(out.fixes.iter().all(|(_, s)| s == "KML"));
        // First: <when>2024-01-20T08:00:00Z</when>, <gx:coord>-122.0841 37.4220 10</gx:coord>;
        // date -ud 2024-01-20T08:00:00Z +%s → 1705737600. Last: 08:03:00, -122.0871 37.4250.
        let all = out.points();
        assert_eq!(all[0], (1_705_737_600_000, 374_220_000, -1_220_841_000));
        assert_eq!(all[3], (1_705_737_780_000, 374_250_000, -1_220_871_000));
    }

    #[test]
    fn the_generated_fixture() {
        let (out, error) = collect(&Kml, &fixture("geo.kml", "places.kml"));
        assert_eq!(error, None);
        // grep -c '<Placemark>' tests/fixtures/geo.kml/places.kml → 22: 20 timed points, one
        // without a time, one track; grep -c '<gx:coord>' → 10.
        assert_eq!((out.fixes.len(), out.skipped), (30, 1));
    }

    #[test]
    fn points_with_times_in_nested_folders_and_multi_tracks() {
        let doc = br#"<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><Folder><Folder>
  <Placemark><name>Stamp</name><TimeStamp><when>2024-03-01T10:00:00Z</when></TimeStamp>
    <Point><coordinates> 2.3522,48.8566,35 </coordinates></Point></Placemark>
  <Placemark><TimeSpan><begin>2024-03-01T11:00:00+01:00</begin><end>2024-03-01T12:00:00+01:00</end></TimeSpan>
    <Point><coordinates>-1.15,46.16</coordinates></Point></Placemark>
  <Placemark><name>No time</name><Point><coordinates>4.8357,45.764</coordinates></Point></Placemark>
  <Placemark><TimeStamp><when>2024-03-01T10:00:00Z</when></TimeStamp>
    <Point><coordinates>0,0</coordinates></Point></Placemark>
  <Placemark><TimeSpan><begin>2024-03-01T10:00:00Z</begin></TimeSpan>
    <LineString><coordinates>1,2,0 3,4,0
      5,6,0</coordinates></LineString></Placemark>
</Folder></Folder></Document>
<Placemark><gx:MultiTrack>
  <gx:Track><when>2024-03-01T13:00:00Z</when><when>2024-03-01T13:00:01Z</when>
    <gx:coord>151.2093 -33.8688 5</gx:coord><gx:coord>151.2094 -33.8689 5</gx:coord></gx:Track>
  <gx:Track><when>2024-03-01T14:00:00Z</when><when>2024-03-01T14:00:01Z</when>
    <gx:coord>10 20 0</gx:coord></gx:Track>
</gx:MultiTrack></Placemark>
</kml>"#;
        let (out, error) = collect(&Kml, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.points(),
            [
                (1_709_287_200_000, 488_566_000, 23_522_000),
                (1_709_287_200_000, 461_600_000, -11_500_000),
                (1_709_298_000_000, -338_688_000, 1_512_093_000),
                (1_709_298_001_000, -338_689_000, 1_512_094_000),
                (1_709_301_600_000, 200_000_000, 100_000_000),
            ]
        );
        // No time, the 0,0 point, three LineString tuples, the time without a coordinate.
        assert_eq!(out.skipped, 6);
    }

    #[test]
    fn cut_off_and_broken_files_say_so() {
        let doc = b"<kml><Placemark><TimeStamp><when>2024-01-01T00:00:00Z</when></TimeStamp><Point><coordinates>2,1</coordinates></Point></Placemark><Placemark><Point><coordi";
        let (out, error) = collect(&Kml, doc);
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&Kml, b"<kml><Placemark></Point></kml>");
        assert_eq!(error, Some(ErrorKind::Malformed));
    }

    #[test]
    fn detection_is_by_the_root_element() {
        assert!(Kml
            .detect(
                "doc.kml",
                b"<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
            )
            .is_some());
        assert!(Kml.detect("x.kml", b"<gpx version=\"1.1\">").is_none());
        assert!(Kml.detect("x.kml", b"<kmlish>").is_none());
    }
}
