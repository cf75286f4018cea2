//! The portrait across services (issue 9): real samples of four services dropped together.
//!
//! Expected values were counted with python3 on the samples, independently of the readers:
//! Netflix's `ViewingActivity.csv` has 374 plays that are not trailers or previews (empty
//! `Supplemental Video Type`) on 361 distinct `Start Time` dates, 2008-01-07 to 2022-10-27;
//! Google's `Records.json` has positions on 3 dates (2012-12-15, 2013-01-04, 2013-03-01);
//! Spotify's `StreamingHistory_music_0.json` has 3 plays, all ending on 2023-04-09.

use super::common::sample;
use reflet::model::portrait::Reach;
use reflet::report::inspect_paths;

#[test]
fn four_services_make_one_timeline_and_say_who_knows_what() {
    let report = inspect_paths(&[
        sample("google/Records.json"),
        sample("spotify/StreamingHistory_music_0.json"),
        sample("netflix/ViewingActivity.csv"),
        sample("instagram/whatif_2025"),
    ]);
    let across = report.across.expect("four services together");
    let portrait = across.portrait.as_ref().expect("a portrait");
    let rows: Vec<(&str, u64, &str, &str)> = portrait
        .timeline
        .iter()
        .map(|s| {
            (
                s.service.as_str(),
                s.days,
                s.first.as_str(),
                s.last.as_str(),
            )
        })
        .collect();
    // Earliest first. Instagram's days are those of its 2025 sample's dated actions.
    assert_eq!(rows[0], ("netflix", 361, "2008-01-07", "2022-10-27"));
    assert_eq!(rows[1], ("google", 3, "2012-12-15", "2013-03-01"));
    assert_eq!(rows[2], ("spotify", 1, "2023-04-09", "2023-04-09"));
    assert_eq!(rows[3].0, "instagram");
    // No day is shared by the four samples' years (2008–2022, 2012–13, 2023, 2024–25) but for
    // Netflix and Google's 2012–13 days, which do not coincide: the days add up.
    assert_eq!(portrait.days, 361 + 3 + 1 + rows[3].1);
    assert_eq!(portrait.days_by_three, 0);
    // Only Netflix has enough plays for a rhythm (374; Spotify 3, Instagram's actions fewer than
    // 50): no combined rhythm, no sleep window.
    assert!(portrait.rhythm.is_none());
    let google = portrait
        .knows
        .iter()
        .find(|k| k.service == "google")
        .unwrap();
    assert_eq!(google.location, Some(Reach::Precise));
    // Netflix writes the country of each play.
    let netflix = portrait
        .knows
        .iter()
        .find(|k| k.service == "netflix")
        .unwrap();
    assert_eq!(netflix.location, Some(Reach::Approximate));
    assert!(netflix.interests && netflix.habits && !netflix.contacts);
    let ids: Vec<&str> = across.findings.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"portrait_timeline") && ids.contains(&"portrait_knows"));
    let timeline = across
        .findings
        .iter()
        .find(|f| f.id == "portrait_timeline")
        .unwrap();
    assert!(
        timeline.text.en.starts_with(
            "From Monday 7 January 2008 to Tuesday 18 February 2025, Netflix, Google, Spotify and \
             Instagram saw you on"
        ),
        "{}",
        timeline.text.en
    );
    let knows = across
        .findings
        .iter()
        .find(|f| f.id == "portrait_knows")
        .unwrap();
    assert!(knows
        .text
        .fr
        .starts_with("Où vous êtes\u{a0}: Google (par vos positions)\u{a0}; Instagram et Netflix"));
}

#[test]
fn one_service_alone_has_no_portrait() {
    let report = inspect_paths(&[sample("netflix/ViewingActivity.csv")]);
    assert!(report.across.is_none());
}

#[test]
fn a_bank_statement_and_a_location_history_of_the_same_year_give_the_car_cost_a_kilometre() {
    // The generated 2024 statement pays 1,595.18 € of fuel, 41.00 € of parking and 80.90 € of
    // tolls (tests/integration/money.rs, counted with python3): 171,708 cents. The Android
    // Timeline sample has one 2024 segment in a passenger vehicle, `distanceMeters` 2900.0 (read
    // with python3's json): 171,708 × 1000 / 2900 = 59,209 cents a kilometre.
    let report = inspect_paths(&[
        sample("google/Timeline_android_gpsbabel.json"),
        super::common::fixture("bank.ofx", "releve_2024.ofx"),
    ]);
    let across = report.across.expect("a bank and a location history");
    let car = &across.portrait.as_ref().unwrap().car;
    assert_eq!(car.len(), 1);
    let year = &car[0];
    assert_eq!(
        (year.year, year.cents, year.metres, year.cents_per_km),
        (2024, 171_708, 2900, 59_209)
    );
    assert_eq!(year.currency.as_deref(), Some("EUR"));
    let finding = across
        .findings
        .iter()
        .find(|f| f.id == "portrait_car")
        .unwrap();
    assert!(
        finding.text.en.starts_with(
            "In 2024, your car cost you €1,717 in fuel, parking and tolls (from your statement), \
             and your location history shows 2.9\u{a0}km by car: about €592.09 a kilometre"
        ),
        "{}",
        finding.text.en
    );
}
