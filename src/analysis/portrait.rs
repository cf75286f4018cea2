//! The portrait across every file (issue 9): builds [`Portrait`] from the files' summaries and
//! says what it shows.
//!
//! Files are grouped by service, the first part of their source's id (`google.records` and
//! `google.semantic` are both Google's). A service with several files counts once: its days are
//! the union of its files' days, its rhythm the sum of theirs, what it knows what any of them
//! holds.

use std::collections::{BTreeMap, BTreeSet};

use super::social::{busiest_hour, rhythm_of, MIN_RHYTHM};
use super::{Finding, Kind};
use crate::i18n::portrait as text;
use crate::i18n::Messages;
use crate::model::portrait::{CarYear, Knows, Portrait, Reach, RhythmSource, ServiceDays, WEIGHT};
use crate::model::social::Rhythm;
use crate::model::time::{format_day, DayRuns};
use crate::model::Summary;

/// What one file adds to the portrait.
struct Part<'a> {
    days: Option<&'a DayRuns>,
    rhythm: Option<&'a Rhythm>,
    knows: Knows,
}

fn part(summary: &Summary) -> Part<'_> {
    match summary {
        Summary::Positions(p) => Part {
            days: Some(&p.days_seen),
            rhythm: None,
            knows: Knows {
                location: (p.count > 0 || p.visits > 0).then_some(Reach::Precise),
                habits: p.routine.is_some(),
                ..Knows::default()
            },
        },
        Summary::Social(s) => Part {
            days: Some(&s.days_seen),
            rhythm: s.rhythm.as_ref(),
            knows: Knows {
                location: (!s.ips.is_empty()).then_some(Reach::Approximate),
                interests: !s.interests.is_empty() || !s.inferred.is_empty(),
                contacts: !s.contacts.is_empty() || s.messages > 0,
                habits: s.rhythm.is_some(),
                ..Knows::default()
            },
        },
        #[cfg(feature = "energy")]
        Summary::Energy(e) => Part {
            days: Some(&e.days_seen),
            rhythm: None,
            knows: Knows {
                habits: e.wake_weekdays.is_some()
                    || e.bed_weekdays.is_some()
                    || !e.absences.is_empty(),
                ..Knows::default()
            },
        },
        #[cfg(feature = "chat")]
        Summary::Chat(c) => Part {
            days: Some(&c.days_seen),
            rhythm: c.rhythm.as_ref(),
            knows: Knows {
                contacts: c.participant_count > 0,
                habits: c.rhythm.is_some(),
                ..Knows::default()
            },
        },
        #[cfg(feature = "money")]
        Summary::Money(m) => Part {
            days: Some(&m.days_seen),
            // An order history's orders (a statement has none).
            rhythm: m.rhythm.as_ref(),
            knows: Knows {
                location: (!m.towns.is_empty()).then_some(Reach::Approximate),
                money: m.transactions > 0,
                ..Knows::default()
            },
        },
        #[cfg(feature = "health")]
        Summary::Health(h) => Part {
            days: Some(&h.days_seen),
            rhythm: None,
            knows: Knows {
                health: h.records > 0,
                habits: h.sleep.is_some(),
                ..Knows::default()
            },
        },
        Summary::Media(m) => Part {
            days: Some(&m.days_seen),
            rhythm: m.rhythm.as_ref(),
            knows: Knows {
                location: (!m.ips.is_empty() || !m.countries.is_empty())
                    .then_some(Reach::Approximate),
                interests: !m.segments.is_empty() || m.creator_count > 0,
                habits: m.rhythm.is_some(),
                ..Knows::default()
            },
        },
        #[cfg(feature = "activity")]
        Summary::Activity(a) => Part {
            days: Some(&a.days_seen),
            rhythm: a.rhythm.as_ref(),
            knows: Knows {
                location: (a.located > 0 || a.ip_events > 0).then_some(Reach::Approximate),
                interests: a.searches > 0 || a.domain_count > 0,
                habits: a.rhythm.is_some(),
                ..Knows::default()
            },
        },
    }
}

/// One service, over all its files.
#[derive(Default)]
struct Service {
    files: u64,
    days: BTreeSet<i64>,
    counts: [[u64; 24]; 7],
    actions: u64,
    knows: Knows,
}

/// The portrait of `files` (each its kind and summary), when two services or more say
/// something.
pub fn portrait<'a>(files: impl IntoIterator<Item = (&'a Kind, &'a Summary)>) -> Option<Portrait> {
    let files: Vec<(&Kind, &Summary)> = files.into_iter().collect();
    let mut services: BTreeMap<String, Service> = BTreeMap::new();
    for &(kind, summary) in &files {
        let Kind::Source(id) = kind else { continue };
        let key = id.split('.').next().unwrap_or(id);
        let part = part(summary);
        let service = services.entry(key.to_owned()).or_default();
        service.files += 1;
        service.knows.merge(&part.knows);
        if let Some(days) = part.days {
            service.days.extend(days.days());
        }
        if let Some(r) = part.rhythm {
            service.actions += r.total;
            for (sum, day) in service.counts.iter_mut().zip(&r.counts) {
                for (cell, n) in sum.iter_mut().zip(day) {
                    *cell += n;
                }
            }
        }
    }
    let (car, meter_night) = (car_years(&files), meter_night(&files));
    services.retain(|_, s| !s.days.is_empty() || s.knows.any());
    if services.len() < 2 {
        return None;
    }
    let mut portrait = Portrait {
        meter_night,
        car,
        ..Portrait::default()
    };
    timeline(&services, &mut portrait);
    combined_rhythm(&services, &mut portrait);
    portrait.knows = services
        .iter()
        .filter(|(_, s)| s.knows.any())
        .map(|(key, s)| Knows {
            service: key.clone(),
            ..s.knows.clone()
        })
        .collect();
    Some(portrait)
}

fn timeline(services: &BTreeMap<String, Service>, portrait: &mut Portrait) {
    let mut by_day: BTreeMap<i64, u32> = BTreeMap::new();
    for (key, s) in services {
        let (Some(first), Some(last)) = (s.days.first(), s.days.last()) else {
            continue;
        };
        for day in &s.days {
            *by_day.entry(*day).or_default() += 1;
        }
        portrait.timeline.push(ServiceDays {
            service: key.clone(),
            files: s.files,
            days: s.days.len() as u64,
            first: format_day(*first),
            last: format_day(*last),
            runs: DayRuns::from_sorted(s.days.iter().copied()),
        });
    }
    portrait.timeline.sort_by(|a, b| {
        a.first
            .cmp(&b.first)
            .then_with(|| a.service.cmp(&b.service))
    });
    portrait.days = by_day.len() as u64;
    portrait.days_by_three = by_day.values().filter(|n| **n >= 3).count() as u64;
    portrait.first = by_day.keys().next().map(|d| format_day(*d));
    portrait.last = by_day.keys().next_back().map(|d| format_day(*d));
}

/// Each service's rhythm shared out over [`WEIGHT`] points, added up; the quiet hours of the sum,
/// and how much of each service's own actions fall in them.
fn combined_rhythm(services: &BTreeMap<String, Service>, portrait: &mut Portrait) {
    // A service with a handful of actions says too little to weigh as much as the others.
    let with_rhythm: Vec<(&String, &Service)> = services
        .iter()
        .filter(|(_, s)| s.actions >= MIN_RHYTHM)
        .collect();
    if with_rhythm.len() < 2 {
        return;
    }
    let mut counts = [[0_u64; 24]; 7];
    for (_, s) in &with_rhythm {
        for (sum, day) in counts.iter_mut().zip(&s.counts) {
            for (cell, n) in sum.iter_mut().zip(day) {
                *cell += (n * WEIGHT + s.actions / 2) / s.actions;
            }
        }
    }
    let Some(rhythm) = rhythm_of(&counts) else {
        return;
    };
    portrait.rhythm_from = with_rhythm
        .iter()
        .map(|(key, s)| {
            let quiet_percent = rhythm.quiet.map(|(start, end)| {
                let inside: u64 = s
                    .counts
                    .iter()
                    .flat_map(|day| day.iter().enumerate())
                    .filter(|(h, _)| in_window(*h, start, end))
                    .map(|(_, n)| n)
                    .sum();
                (inside, window_len(start, end))
            });
            RhythmSource {
                service: (*key).clone(),
                actions: s.actions,
                quiet_percent: quiet_percent.map(|(inside, _)| {
                    u8::try_from(inside * 100 / s.actions.max(1)).unwrap_or(100)
                }),
                // Under a quarter of an even share in every quiet hour, on average.
                reveals: quiet_percent
                    .is_some_and(|(inside, hours)| inside * 96 < s.actions * hours),
            }
        })
        .collect();
    portrait.rhythm = Some(rhythm);
}

/// Each year with car costs in a bank statement and distance by car in a location history.
/// Statements add up (several accounts); location files may cover the same trips (Records.json
/// and Semantic Location History), so the one with most distance that year counts.
#[cfg(not(feature = "money"))]
fn car_years(_files: &[(&Kind, &Summary)]) -> Vec<CarYear> {
    Vec::new()
}

/// [`car_years`], with bank statements read.
#[cfg(feature = "money")]
fn car_years(files: &[(&Kind, &Summary)]) -> Vec<CarYear> {
    let mut cost: BTreeMap<i64, i64> = BTreeMap::new();
    let mut driven: BTreeMap<i64, (u64, u64)> = BTreeMap::new();
    let mut currency = None;
    for (kind, summary) in files {
        match summary {
            #[cfg(feature = "money")]
            // An order history (Amazon) has no car costs: its currency is not theirs.
            Summary::Money(m) if !m.car.is_empty() => {
                currency = currency.or(m.currency.clone());
                for y in &m.car {
                    let paid = y.fuel.saturating_add(y.parking).saturating_add(y.tolls);
                    *cost.entry(y.year).or_default() += paid.saturating_abs();
                }
            }
            // Rides with a driver (Uber) are not the person's car.
            Summary::Positions(p) if !matches!(kind, Kind::Source(id) if id.starts_with("uber.")) => {
                for period in p.trips.iter().flat_map(|t| &t.years) {
                    let Ok(year) = period.period.parse::<i64>() else {
                        continue;
                    };
                    let metres = period
                        .metres
                        .get(&crate::model::location::Mode::Car)
                        .copied()
                        .unwrap_or(0);
                    let grams = period
                        .grams
                        .get(&crate::model::location::Mode::Car)
                        .copied()
                        .unwrap_or(0);
                    let best = driven.entry(year).or_default();
                    if metres > best.0 {
                        *best = (metres, grams);
                    }
                }
            }
            _ => {}
        }
    }
    cost.into_iter()
        .filter_map(|(year, cents)| {
            let &(metres, grams) = driven.get(&year).filter(|d| d.0 >= 1000)?;
            let per_km = cents.saturating_mul(1000) / i64::try_from(metres).ok()?;
            (cents > 0).then_some(CarYear {
                year,
                cents,
                currency: currency.clone(),
                metres,
                grams,
                cents_per_km: per_km,
            })
        })
        .collect()
}

/// When a meter file shows the home waking up and going quiet on weekdays.
fn meter_night(files: &[(&Kind, &Summary)]) -> Option<(u16, u16)> {
    files.iter().find_map(|(_, s)| match s {
        #[cfg(feature = "energy")]
        Summary::Energy(e) => e.wake_weekdays.zip(e.bed_weekdays),
        _ => None,
    })
}

fn in_window(hour: usize, start: u8, end: u8) -> bool {
    let (h, start, end) = (hour, usize::from(start), usize::from(end));
    if start < end {
        (start..end).contains(&h)
    } else {
        h >= start || h < end
    }
}

fn window_len(start: u8, end: u8) -> u64 {
    u64::from((end + 24 - start) % 24)
}

/// What the portrait shows, in words.
pub fn findings(p: &Portrait) -> Vec<Finding> {
    let mut out = Vec::new();
    if p.timeline.len() > 1 {
        let services: Vec<&str> = p.timeline.iter().map(|s| s.service.as_str()).collect();
        let span = p.first.as_deref().zip(p.last.as_deref());
        out.push(Finding::new(
            "portrait_timeline",
            Messages::from_fn(|lang| {
                text::timeline(lang, &services, p.days, p.days_by_three, span)
            }),
        ));
    }
    if let Some(rhythm) = &p.rhythm {
        if let (Some((start, end)), Some(share)) = (rhythm.quiet, rhythm.quiet_percent) {
            let from: Vec<&str> = p.rhythm_from.iter().map(|s| s.service.as_str()).collect();
            let reveal: Vec<&str> = p
                .rhythm_from
                .iter()
                .filter(|s| s.reveals)
                .map(|s| s.service.as_str())
                .collect();
            let busiest = busiest_hour(&rhythm.counts);
            out.push(Finding::new(
                "portrait_sleep",
                Messages::from_fn(|lang| {
                    text::sleep(
                        lang,
                        &from,
                        (start, end, share),
                        &reveal,
                        busiest,
                        p.meter_night,
                    )
                }),
            ));
        }
    }
    #[cfg(feature = "money")]
    for year in &p.car {
        out.push(Finding::new(
            "portrait_car",
            Messages::from_fn(|lang| text::car(lang, year)),
        ));
    }
    if p.knows.len() > 1 {
        out.push(Finding::new(
            "portrait_knows",
            Messages::from_fn(|lang| text::knows(lang, &p.knows)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::media::{MediaSummary, Service as MediaService};
    use crate::model::social::SocialSummary;
    use crate::model::time::days_from_civil;

    fn runs(days: &[(i64, i64, i64)]) -> DayRuns {
        let mut d: Vec<i64> = days
            .iter()
            .map(|&(y, m, d)| days_from_civil(y, m, d))
            .collect();
        d.sort_unstable();
        DayRuns::from_sorted(d)
    }

    /// Actions at `hours` (each `n` times on each weekday).
    fn rhythm(hours: &[(usize, u64)]) -> Rhythm {
        let mut counts = [[0_u64; 24]; 7];
        for day in &mut counts {
            for &(h, n) in hours {
                if let Some(c) = day.get_mut(h) {
                    *c = n;
                }
            }
        }
        rhythm_of(&counts).unwrap()
    }

    fn media(days: DayRuns, r: Rhythm) -> Summary {
        Summary::Media(MediaSummary {
            service: MediaService::Spotify,
            days_seen: days,
            plays: r.total,
            rhythm: Some(r),
            creator_count: 3,
            countries: vec![("FR".to_owned(), 4)],
            ..serde_json::from_str(r#"{"service":"spotify"}"#).unwrap()
        })
    }

    fn social(days: DayRuns, r: Rhythm) -> Summary {
        Summary::Social(SocialSummary {
            days_seen: days,
            rhythm: Some(r),
            messages: 12,
            ..serde_json::from_str(r#"{"platform":"instagram"}"#).unwrap()
        })
    }

    #[test]
    fn two_services_make_a_portrait_with_their_days_rhythm_and_knowledge() {
        // Spotify: every hour from 8:00 to 23:00, 10 plays each (weight 1000 over 16 hours).
        // Instagram: a few huge hours, 9:00 to 22:00, 500 actions each. Neither acts 0:00–8:00.
        let day_hours: Vec<(usize, u64)> = (8..24).map(|h| (h, 10)).collect();
        let insta_hours: Vec<(usize, u64)> = (9..23).map(|h| (h, 500)).collect();
        let spotify = media(
            runs(&[(2024, 3, 1), (2024, 3, 2), (2024, 3, 5)]),
            rhythm(&day_hours),
        );
        let insta = social(runs(&[(2024, 3, 2), (2024, 4, 1)]), rhythm(&insta_hours));
        let (k1, k2) = (
            Kind::Source("spotify.streaming_history".into()),
            Kind::Source("instagram.activity".into()),
        );
        let p = portrait([(&k1, &spotify), (&k2, &insta)]).unwrap();
        assert_eq!(p.days, 4);
        assert_eq!(p.days_by_three, 0);
        assert_eq!(
            (p.first.as_deref(), p.last.as_deref()),
            (Some("2024-03-01"), Some("2024-04-01"))
        );
        let keys: Vec<&str> = p.timeline.iter().map(|s| s.service.as_str()).collect();
        assert_eq!(keys, ["spotify", "instagram"]);
        let rhythm = p.rhythm.as_ref().unwrap();
        // Both weigh 1000 points, so 2000 in all, give or take each cell's rounding (Spotify's
        // 112 cells of 8.9 points round to 9, Instagram's 98 of 10.2 to 10: 1008 + 980).
        assert_eq!(rhythm.total, 1988);
        assert_eq!(rhythm.quiet, Some((0, 8)));
        assert!(p
            .rhythm_from
            .iter()
            .all(|s| s.reveals && s.quiet_percent == Some(0)));
        let spotify_knows = p.knows.iter().find(|k| k.service == "spotify").unwrap();
        assert_eq!(spotify_knows.location, Some(Reach::Approximate));
        assert!(spotify_knows.interests && spotify_knows.habits && !spotify_knows.contacts);
        let insta_knows = p.knows.iter().find(|k| k.service == "instagram").unwrap();
        assert!(insta_knows.contacts && insta_knows.location.is_none());
        let ids: Vec<String> = findings(&p).into_iter().map(|f| f.id).collect();
        assert_eq!(
            ids,
            ["portrait_timeline", "portrait_sleep", "portrait_knows"]
        );
    }

    #[test]
    fn one_service_alone_makes_no_portrait_even_with_several_files() {
        let hours: Vec<(usize, u64)> = (8..24).map(|h| (h, 10)).collect();
        let a = media(runs(&[(2024, 3, 1)]), rhythm(&hours));
        let b = media(runs(&[(2024, 3, 9)]), rhythm(&hours));
        let (k1, k2) = (
            Kind::Source("spotify.streaming_history".into()),
            Kind::Source("spotify.extended_history".into()),
        );
        assert!(portrait([(&k1, &a), (&k2, &b)]).is_none());
    }

    #[test]
    fn a_service_awake_at_night_does_not_reveal_the_window() {
        // Spotify plays 3 times an hour at night, 10 by day; Instagram's actions stop 0:00–8:00.
        let all: Vec<(usize, u64)> = (0..24).map(|h| (h, if h < 8 { 3 } else { 10 })).collect();
        let day: Vec<(usize, u64)> = (8..24).map(|h| (h, 50)).collect();
        let spotify = media(runs(&[(2024, 3, 1)]), rhythm(&all));
        let insta = social(runs(&[(2024, 3, 1)]), rhythm(&day));
        let (k1, k2) = (
            Kind::Source("spotify.streaming_history".into()),
            Kind::Source("instagram.activity".into()),
        );
        let p = portrait([(&k1, &spotify), (&k2, &insta)]).unwrap();
        let from: Vec<(&str, bool)> = p
            .rhythm_from
            .iter()
            .map(|s| (s.service.as_str(), s.reveals))
            .collect();
        assert_eq!(from, [("instagram", true), ("spotify", false)]);
        // Together the nights are quiet (Instagram's none and Spotify's few); 168 of Spotify's
        // 1288 plays fall in 0:00–8:00: 13%, over a quarter of an even share (8/96 = 8.3%).
        assert_eq!(p.rhythm.as_ref().unwrap().quiet, Some((0, 8)));
        let spotify = p
            .rhythm_from
            .iter()
            .find(|s| s.service == "spotify")
            .unwrap();
        assert_eq!(spotify.quiet_percent, Some(13));
    }
}
