//! Map mode: every position a file holds is kept, at 3 to 8 bytes each, and handed over with the
//! file's report; summary mode keeps none. The positions come from the synthetic person's own
//! list, not from a reader.

use reflet::analysis::Memory;
use reflet::ingest::FileSource;
use reflet::model::points::PointStore;
use reflet::report::{describe_input_with, FileReport, Sink};
use reflet::synth::person::{self, Kind, Person, PersonSpec};

#[derive(Default)]
struct Kept {
    points: Vec<(String, PointStore)>,
    reports: Vec<FileReport>,
}

impl Sink for Kept {
    fn report(&mut self, report: FileReport) {
        self.reports.push(report);
    }
    fn kept(&mut self, report: &FileReport, kept: reflet::analysis::day::Kept) {
        if let Some(points) = kept.points {
            self.points.push((report.file.path.clone(), points));
        }
    }
}

fn read(path: &std::path::Path, name: &str, memory: Memory) -> Kept {
    let mut kept = Kept::default();
    let mut source = FileSource::open(path).unwrap();
    describe_input_with(name, &mut source, &mut kept, memory);
    kept
}

#[test]
fn map_mode_keeps_every_position_to_the_second_and_summary_mode_none() {
    let person = Person::new(PersonSpec::new(Kind::OfficeWorker, 21));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Records.json");
    std::fs::write(&path, person::records_json(&person)).unwrap();

    let kept = read(&path, "Records.json", Memory::Map);
    assert_eq!(kept.reports.len(), 1);
    let [(name, points)] = &kept.points[..] else {
        panic!("{} point sets", kept.points.len())
    };
    assert_eq!(name, "Records.json");
    assert_eq!(points.len(), person.points.len() as u64);
    // The written file rounds to E7 and the store to the second.
    #[allow(clippy::cast_possible_truncation)] // La Rochelle's E7 values fit
    let e7 = |degrees: f64| (degrees * 1e7).round() as i32;
    for (kept, planted) in points.iter().zip(&person.points) {
        assert_eq!(kept.time, planted.time.div_euclid(1000) * 1000);
        assert_eq!(
            (kept.at.lat_e7, kept.at.lng_e7),
            (e7(planted.lat), e7(planted.lng))
        );
    }
    // A few thousand points: the chunks' spare room still keeps them under 16 bytes each.
    assert!(
        points.heap_bytes() <= 16 * points.len(),
        "{} bytes for {} points",
        points.heap_bytes(),
        points.len()
    );

    // The same report either way; summary mode hands over no points.
    let summary = read(&path, "Records.json", Memory::Summary);
    assert!(summary.points.is_empty());
    assert_eq!(summary.reports, kept.reports);
}
