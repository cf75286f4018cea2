//! GPX 1.0 and 1.1 tracks, routes and waypoints: `*.gpx`, from any GPS device or app.
//!
//! Where from: sports watches and apps (Garmin, Strava's `activities/<id>.gpx`, Komoot, `OsmAnd`…),
//! and Apple Health's export, whose workout routes are GPX files
//! (`apple_health_export/workout-routes/route_2019-06-11_3.00pm.gpx`, creator "Apple Health
//! Export"). Detection reads the content: the root element `<gpx`.
//!
//! Shape: `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">` holding `wpt`,
//! `rte/rtept` and `trk/trkseg/trkpt`, each with `lat` and `lon` attributes and `ele`, `time`
//! (ISO 8601, UTC), `name` and `extensions` children (Garmin `gpxtpx:TrackPointExtension`, Apple
//! `speed`/`course`/`hAcc`/`vAcc`). A track of a day's run is a few thousand points; a year of
//! logging is hundreds of MB: points are streamed one at a time.
//!
//! Quirks: `time` may be missing (a planned route, a waypoint list): such points have no instant
//! and are skipped; some apps write a local offset (`+07:00`) or no zone at all (read as UTC, as
//! the GPX schema says); `trkseg` may be empty; namespace prefixes (`<gpx:trkpt>`) are dropped.

use std::borrow::Cow;
use std::io::Read;

use super::loose::fix_or_skip;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::xml::{for_each_element_where, Element, XmlError};
use crate::model::location::{LatLng, LocationSink};
use crate::model::time::{parse_iso, Millis};

pub struct Gpx;

/// What the fixes from this source are called.
const FIX_SOURCE: &str = "GPX";

/// Whether `needle` occurs in `hay`.
pub(super) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// The first bytes of an XML file as UTF-8, whatever its encoding (UTF-16 with a mark is common
/// for files saved on Windows), so that detection can look for markup.
pub(super) fn xml_head(head: &[u8]) -> Cow<'_, [u8]> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        let mut text = Vec::new();
        // A character cut by the end of the head is an error at the very end: what came before
        // is kept.
        let _ = crate::ingest::text::decode(head, &b""[..]).read_to_end(&mut text);
        Cow::Owned(text)
    } else {
        Cow::Borrowed(head)
    }
}

/// Whether the head of a file opens an element `name` (`<gpx `, `<kml>`, `<tcx:TrainingCenterDatabase
/// `): detection by the root element, whatever the encoding.
pub(super) fn has_root(head: &[u8], name: &str) -> bool {
    let head = xml_head(head);
    let name = name.as_bytes();
    head.windows(name.len() + 2).any(|w| {
        matches!(w.first(), Some(b'<' | b':'))
            && w.get(1..=name.len()) == Some(name)
            && matches!(w.last(), Some(b' ' | b'>' | b'\n' | b'\r' | b'\t'))
    })
}

/// Whether an element path (local names joined by `/`) ends with the names in `tail`.
pub(super) fn ends_with(path: &str, tail: &str) -> bool {
    path == tail
        || path
            .strip_suffix(tail)
            .is_some_and(|rest| rest.ends_with('/'))
}

/// What stopped an XML read, as the person is told.
pub(super) fn xml_error(error: XmlError) -> ErrorKind {
    match error {
        XmlError::Truncated => ErrorKind::Truncated,
        XmlError::Syntax { .. } => ErrorKind::Malformed,
        XmlError::TooDeep | XmlError::TooLarge => ErrorKind::TooLarge,
        XmlError::Io => ErrorKind::Unreadable,
    }
}

/// An ISO 8601 instant; one without a zone is UTC (GPX and KML both say so).
pub(super) fn parse_utc(text: &str) -> Option<Millis> {
    let text = text.trim();
    parse_iso(text).or_else(|| {
        let date_and_clock = text.len() >= 16 && !text.ends_with(['Z', 'z']);
        date_and_clock.then(|| parse_iso(&format!("{text}Z")))?
    })
}

/// A number written in an attribute or text, with surrounding white space.
pub(super) fn degrees(text: Option<&str>) -> Option<f64> {
    text?.trim().parse().ok()
}

/// Whether an element path names a GPX point: `gpx/wpt`, `gpx/rte/rtept`, `gpx/trk/trkseg/trkpt`.
fn is_point(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(name, "trkpt" | "rtept" | "wpt")
}

fn hand_over(point: &Element, out: &mut dyn LocationSink) {
    let at = degrees(point.attribute("lat"))
        .zip(degrees(point.attribute("lon")))
        .and_then(|(lat, lng)| LatLng::from_degrees(lat, lng));
    let time = point.text_of("time").and_then(parse_utc);
    fix_or_skip(at, time, FIX_SOURCE, out);
}

impl Source for Gpx {
    fn id(&self) -> &'static str {
        "geo.gpx"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Trace GPS (GPX)",
            Lang::En => "GPS track (GPX)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::SPORTS
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        has_root(head, "gpx").then_some(Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn crate::model::Sink) -> Option<ErrorKind> {
        for_each_element_where(reader, &is_point, &mut |_, point| hand_over(point, out))
            .err()
            .map(xml_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sources::{collect, fixture};

    fn samples() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples")
    }

    #[test]
    fn the_apple_health_route_sample() {
        let Ok(bytes) =
            std::fs::read(samples().join("apple/workout-routes/route_2019-06-11_3.00pm.gpx"))
        else {
            eprintln!("no samples: skipped");
            return;
        };
        assert!(Gpx.detect("route.gpx", &bytes).is_some());
        let (out, error) = collect(&Gpx, &bytes);
        assert_eq!(error, None);
        // grep -c '<trkpt' apple/workout-routes/route_2019-06-11_3.00pm.gpx → 3
        assert_eq!(out.fixes.len(), 3);
        assert_eq!(out.skipped, 0);
        // grep -o 'lon="[^"]*" lat="[^"]*"' …gpx | head -1 → lon="-122.396397" lat="37.781672";
        // date -ud 2019-06-11T22:00:42Z +%s → 1560290442
        let (first, source) = &out.fixes[0];
        assert_eq!(source, "GPX");
        assert_eq!(
            (first.time, first.at.lat_e7, first.at.lng_e7),
            (1_560_290_442_000, 377_816_720, -1_223_963_970)
        );
        // The last point: date -ud 2019-06-11T22:00:43Z +%s → 1560290443
        assert_eq!(out.fixes[2].0.time, 1_560_290_443_000);
    }

    #[test]
    fn the_generated_fixture() {
        let (out, error) = collect(&Gpx, &fixture("geo.gpx", "track.gpx"));
        assert_eq!(error, None);
        // grep -c '<time>' tests/fixtures/geo.gpx/track.gpx → 32 (30 trkpt, 1 wpt, 1 rtept), and
        // grep -c '<wpt' → 2: one waypoint has no time.
        assert_eq!((out.fixes.len(), out.skipped), (32, 1));
    }

    #[test]
    fn tracks_routes_and_waypoints_in_gpx_1_0_and_1_1() {
        let doc = br#"<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.0" creator="x" xmlns="http://www.topografix.com/GPX/1/0">
  <wpt lat="48.8566" lon="2.3522"><time>2024-03-01T10:00:00Z</time><name>Paris</name></wpt>
  <wpt lat="45.764" lon="4.8357"><name>Lyon, no time</name></wpt>
  <rte><rtept lat="46.16" lon="-1.15"><time>2024-03-01T11:00:00+01:00</time></rtept></rte>
  <trk><trkseg></trkseg><trkseg>
    <trkpt lat="-33.8688" lon="151.2093"><ele>3</ele><time>2024-03-01T12:00:00</time></trkpt>
    <trkpt lat="91" lon="0"><time>2024-03-01T12:00:01Z</time></trkpt>
    <trkpt lat="0" lon="0"><time>2024-03-01T12:00:02Z</time></trkpt>
    <trkpt lat=" 10.5 " lon="north"><time>2024-03-01T12:00:03Z</time></trkpt>
    <trkpt lat="10" lon="10"><time>not a time</time></trkpt>
  </trkseg></trk>
</gpx>"#;
        let (out, error) = collect(&Gpx, doc);
        assert_eq!(error, None);
        let fixes = out.points();
        assert_eq!(
            fixes,
            [
                (1_709_287_200_000, 488_566_000, 23_522_000),
                // 11:00+01:00 is 10:00Z.
                (1_709_287_200_000, 461_600_000, -11_500_000),
                // No zone: UTC.
                (1_709_294_400_000, -338_688_000, 1_512_093_000),
            ]
        );
        assert_eq!(out.skipped, 5);
    }

    #[test]
    fn prefixes_byte_order_marks_and_utf16() {
        let doc = "<g:gpx xmlns:g=\"http://www.topografix.com/GPX/1/1\"><g:trk><g:trkseg><g:trkpt lat=\"1\" lon=\"2\"><g:time>2024-01-01T00:00:00Z</g:time></g:trkpt></g:trkseg></g:trk></g:gpx>";
        let (out, error) = collect(&Gpx, doc.as_bytes());
        assert_eq!((out.fixes.len(), error), (1, None));
        let plain = doc.replace("g:", "").replace(" xmlns:g", " xmlns");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(plain.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(Gpx.detect("a.gpx", &utf16).is_some());
        let (out, error) = collect(&Gpx, &utf16);
        assert_eq!((out.fixes.len(), error), (1, None));
        let bom = [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()].concat();
        assert!(Gpx.detect("a.gpx", &bom).is_some());
        assert_eq!(collect(&Gpx, &bom).0.fixes.len(), 1);
    }

    #[test]
    fn cut_off_and_broken_files_say_so() {
        let doc = b"<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2024-01-01T00:00:00Z</time></trkpt><trkpt lat=\"1\" lo";
        let (out, error) = collect(&Gpx, doc);
        assert_eq!((out.fixes.len(), error), (1, Some(ErrorKind::Truncated)));
        let (_, error) = collect(&Gpx, b"<gpx><trk></wpt></gpx>");
        assert_eq!(error, Some(ErrorKind::Malformed));
        assert_eq!(collect(&Gpx, b"").1, Some(ErrorKind::Truncated));
    }

    #[test]
    fn detection_is_by_the_root_element() {
        assert!(Gpx
            .detect("x.xml", b"<?xml version=\"1.0\"?>\n<gpx\n version=\"1.1\">")
            .is_some());
        assert!(Gpx
            .detect("x.gpx", b"<kml xmlns=\"http://www.opengis.net/kml/2.2\">")
            .is_none());
        assert!(Gpx.detect("x.gpx", b"<gpxdata>").is_none());
        assert!(Gpx.detect("x.gpx", b"{\"gpx\": 1}").is_none());
    }
}
