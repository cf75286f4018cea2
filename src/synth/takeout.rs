//! The rest of a Takeout-like Location History archive beside a generated `Records.json`: one
//! Semantic Location History file per month (`Takeout/Location History/Semantic Location
//! History/2020/2020_JANUARY.json`…), over the same days as the records, with what each month
//! holds as Reflet counts it.
//!
//! The months come from [`super::person`]'s office worker in La Rochelle, seeded like the records
//! and living over the records' days: the same city, period and seed as the `Records.json`, but a
//! scheduled life (stays and trips between six places), not the records' random walk between
//! anchors. Nothing here is ever a real person's data.

use super::person::{semantic_months_counted, Kind, Person, PersonSpec, SemanticMonth};
use crate::model::time::Millis;

const DAY: Millis = 86_400_000;

/// The folder of the month files in an (English) Takeout archive.
pub const SEMANTIC_FOLDER: &str = "Takeout/Location History/Semantic Location History";

/// One month file, where it goes in the archive, and what a reader must find in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFile {
    /// `Takeout/Location History/Semantic Location History/2020/2020_JANUARY.json`.
    pub path: String,
    pub month: SemanticMonth,
}

/// The Semantic Location History of the person (seeded by `seed`) from the local day holding
/// `first` to the one holding `last`, with ISO times (`legacy_ms` false): one file a month.
pub fn semantic_history(seed: u64, first: Millis, last: Millis) -> Vec<MonthFile> {
    let first_day = first.div_euclid(DAY);
    let days = last.div_euclid(DAY) - first_day + 1;
    let person = Person::new(PersonSpec {
        kind: Kind::OfficeWorker,
        seed,
        first_day,
        days: days.max(1),
        step_minutes: 15,
    });
    semantic_months_counted(&person, false)
        .into_iter()
        .map(|month| MonthFile {
            path: format!(
                "{SEMANTIC_FOLDER}/{}/{}",
                month.name.get(..4).unwrap_or("1970"),
                month.name
            ),
            month,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Summary;
    use crate::sources::GoogleSemantic;

    #[test]
    fn each_month_holds_exactly_what_it_says_as_reflet_reads_it() {
        // 2019-12-20 to 2020-03-10: four months, a change of year, a February of 29 days.
        let (first, last) = (1_576_800_000_000, 1_583_798_400_000);
        let months = semantic_history(7, first, last);
        let paths: Vec<&str> = months.iter().map(|m| m.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "Takeout/Location History/Semantic Location History/2019/2019_DECEMBER.json",
                "Takeout/Location History/Semantic Location History/2020/2020_JANUARY.json",
                "Takeout/Location History/Semantic Location History/2020/2020_FEBRUARY.json",
                "Takeout/Location History/Semantic Location History/2020/2020_MARCH.json",
            ]
        );
        for file in &months {
            let (summary, error) =
                crate::analysis::read_source(&GoogleSemantic, &mut file.month.text.as_bytes());
            assert_eq!(error, None, "{}", file.path);
            let Summary::Positions(read) = summary else {
                panic!("a location file")
            };
            assert_eq!(read.visits, file.month.visits, "{}", file.path);
            assert_eq!(read.moves, file.month.moves, "{}", file.path);
            assert_eq!(read.count, file.month.positions(), "{}", file.path);
            // An independent count of the same text, as
            // python3 -c "import json,sys; o=json.load(open(sys.argv[1]))['timelineObjects']; \
            //   print(sum('placeVisit' in x for x in o), sum('activitySegment' in x for x in o), \
            //   sum(len(x['placeVisit']['simplifiedRawPath']['points']) for x in o if 'placeVisit' in x))"
            let value: serde_json::Value = serde_json::from_str(&file.month.text).unwrap();
            let objects = value["timelineObjects"].as_array().unwrap();
            let visits = objects.iter().filter(|o| o.get("placeVisit").is_some());
            let raw: usize = visits
                .clone()
                .map(|o| {
                    o["placeVisit"]["simplifiedRawPath"]["points"]
                        .as_array()
                        .unwrap()
                        .len()
                })
                .sum();
            assert_eq!(visits.count() as u64, file.month.visits);
            assert_eq!(raw as u64, file.month.raw_points);
            assert_eq!(objects.len() as u64, file.month.visits + file.month.moves);
        }
        // Two or three new stays a day (the night at home goes on from the evening before).
        assert!(months[1].month.visits > 60, "{}", months[1].month.visits);
        // Deterministic.
        assert_eq!(months, semantic_history(7, first, last));
    }
}
