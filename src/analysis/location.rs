//! Location findings, built from what the location sources hand over.
//!
//! [`Locations`] is the sink every location source writes into. It keeps aggregates only (summary
//! mode): memory does not grow with the number of positions.

use std::collections::BTreeMap;

use crate::model::location::{Fix, LocationSink};
use crate::model::time::{format_iso, Millis};
use crate::model::{BoundingBox, PositionSummary};

/// Aggregates of every position read.
#[derive(Debug, Default)]
pub struct Locations {
    count: u64,
    skipped: u64,
    first: Option<Millis>,
    last: Option<Millis>,
    bbox: Option<BoundingBox>,
    sources: BTreeMap<String, u64>,
}

impl LocationSink for Locations {
    fn fix(&mut self, fix: Fix, source: &str) {
        let (lat, lng) = (fix.at.lat(), fix.at.lng());
        self.count += 1;
        match self.bbox.as_mut() {
            Some(bbox) => bbox.include(lat, lng),
            None => self.bbox = Some(BoundingBox::around(lat, lng)),
        }
        self.first = Some(self.first.map_or(fix.time, |f| f.min(fix.time)));
        self.last = Some(self.last.map_or(fix.time, |l| l.max(fix.time)));
        let source = if source.is_empty() { "UNKNOWN" } else { source };
        // Exports write `GPS` and `gps` alike; count them together without allocating each time.
        match self
            .sources
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(source))
        {
            Some((_, n)) => *n += 1,
            None => {
                self.sources.insert(source.to_ascii_uppercase(), 1);
            }
        }
    }

    fn skipped(&mut self) {
        self.skipped += 1;
    }
}

impl Locations {
    /// The summary shown for a location file and written in the report.
    pub fn finish(self) -> PositionSummary {
        PositionSummary {
            count: self.count,
            first: self.first.map(format_iso),
            last: self.last.map(format_iso),
            bbox: self.bbox,
            sources: self.sources,
            skipped: self.skipped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::LatLng;

    #[test]
    fn positions_are_counted_bounded_and_grouped_by_how_they_were_located() {
        let mut locations = Locations::default();
        let at = |lat, lng| LatLng::from_degrees(lat, lng).unwrap();
        locations.fix(
            Fix {
                time: 2_000,
                at: at(48.5, 2.3),
            },
            "WIFI",
        );
        locations.fix(
            Fix {
                time: 1_000,
                at: at(-0.1, -0.1),
            },
            "gps",
        );
        locations.fix(
            Fix {
                time: 3_000,
                at: at(45.0, 5.0),
            },
            "GPS",
        );
        locations.fix(
            Fix {
                time: 2_500,
                at: at(45.0, 5.0),
            },
            "",
        );
        locations.skipped();
        let s = locations.finish();
        assert_eq!((s.count, s.skipped), (4, 1));
        assert_eq!(s.first.as_deref(), Some("1970-01-01T00:00:01.000Z"));
        assert_eq!(s.last.as_deref(), Some("1970-01-01T00:00:03.000Z"));
        let bbox = s.bbox.unwrap();
        assert_eq!(
            (bbox.south, bbox.west, bbox.north, bbox.east),
            (-0.1, -0.1, 48.5, 5.0)
        );
        let sources: Vec<(&str, u64)> = s.sources.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(sources, [("GPS", 2), ("UNKNOWN", 1), ("WIFI", 1)]);
    }
}
