//! Google Fit's sessions: `Takeout/Fit/All Sessions/<ISO start>_<ACTIVITY>.json`, one file a
//! session (a walk, a run, a ride, a night's sleep).
//!
//! Shape (formats.md section 1.6): `{"fitnessActivity": "walking", "startTime":
//! "2024-03-01T18:00:00.000+01:00", "endTime": …, "duration": "2700.5s", "segment": […],
//! "aggregate": [{"metricName": "com.google.distance.delta", "floatValue": 4012.3}, …]}`.
//! Detection: the keys `fitnessActivity` and `startTime` in an object's head.
//!
//! Read: the activity, start, duration (or end less start), distance and calories of each
//! session, as a workout; a `sleep` session as a night's sleep. Times with an offset keep their
//! local clock; times in UTC (`…Z`) are put in Paris time. Not read: the segments and the other
//! aggregates (steps, speed, heart points). A file cut midway hands over what it had read of its
//! session.

use std::fmt;
use std::io::Read;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::apple_health::local_time;
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::ingest::json::{visit_object, JsonError};
use crate::model::health::{HealthApp, Workout};
use crate::model::Sink;

/// `All Sessions/*.json`.
pub struct GoogleFitSessions;

/// What a session file said, as far as it was read.
#[derive(Default)]
struct Session {
    activity: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
    seconds: Option<f64>,
    metres: Option<f64>,
    kcal: Option<f64>,
}

/// A Google Fit time as its local clock, seconds: the written offset's, or Paris time for UTC.
fn local(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.ends_with(['Z', 'z']) {
        let utc = crate::model::time::parse_iso(text)?.div_euclid(1000);
        Some(utc + crate::model::tz::paris_offset(utc))
    } else {
        local_time(text)
    }
}

struct Document<'a> {
    session: &'a mut Session,
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Google Fit session")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let s = self.session;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "fitnessActivity" => s.activity = map.next_value::<Option<String>>()?,
                "startTime" => {
                    s.start = map
                        .next_value::<Option<String>>()?
                        .as_deref()
                        .and_then(local);
                }
                "endTime" => {
                    s.end = map
                        .next_value::<Option<String>>()?
                        .as_deref()
                        .and_then(local);
                }
                "duration" => {
                    s.seconds = map
                        .next_value::<Option<String>>()?
                        .and_then(|d| d.trim().trim_end_matches('s').parse::<f64>().ok())
                        .filter(|d| d.is_finite() && *d >= 0.0);
                }
                "aggregate" => {
                    for item in map.next_value::<Vec<Value>>()? {
                        let value = item
                            .get("floatValue")
                            .or_else(|| item.get("intValue"))
                            .and_then(Value::as_f64)
                            .filter(|v| v.is_finite() && *v >= 0.0);
                        match item.get("metricName").and_then(Value::as_str) {
                            Some("com.google.distance.delta") => s.metres = value,
                            Some("com.google.calories.expended") => s.kcal = value,
                            _ => {}
                        }
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Google's activity names as Apple's (`biking` → `Cycling`), which the sentences know; others
/// as written.
fn activity(name: &str) -> &str {
    match name {
        "walking" => "Walking",
        "running" => "Running",
        "biking" => "Cycling",
        "swimming" => "Swimming",
        "hiking" => "Hiking",
        "yoga" => "Yoga",
        "strength_training" => "TraditionalStrengthTraining",
        other => other,
    }
}

fn hand_over(s: &Session, out: &mut dyn Sink) -> bool {
    let (Some(name), Some(start)) = (s.activity.as_deref(), s.start) else {
        return false;
    };
    let end = s.end.filter(|&e| e >= start);
    #[allow(clippy::cast_precision_loss)] // seconds of a session
    let seconds = s.seconds.or_else(|| end.map(|e| (e - start) as f64));
    if name.starts_with("sleep") {
        #[allow(clippy::cast_possible_truncation)] // a duration in seconds, rounded
        let end = end.or_else(|| seconds.map(|d| start + d.round().clamp(0.0, 86_400.0) as i64));
        if let Some(end) = end {
            out.sleep(start, end, true, "");
        }
    } else {
        out.workout(&Workout {
            kind: activity(name.trim()),
            start,
            seconds: seconds.unwrap_or(0.0),
            metres: s.metres,
            kcal: s.kcal,
        });
    }
    true
}

impl Source for GoogleFitSessions {
    fn id(&self) -> &'static str {
        "google.fit.sessions"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Google Fit, séances (All Sessions)",
            Lang::En => "Google Fit sessions (All Sessions)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::TAKEOUT
    }

    fn health(&self) -> Option<HealthApp> {
        Some(HealthApp::GoogleFit)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        (super::meta::opens_object(head)
            && super::meta::has_key(head, "fitnessActivity")
            && super::meta::has_key(head, "startTime"))
        .then(|| Claim {
            source: self.id(),
            confidence: 90,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut session = Session::default();
        let read = visit_object(
            reader,
            Document {
                session: &mut session,
            },
        );
        let found = hand_over(&session, out);
        match read {
            Ok(()) if found => None,
            Ok(()) => Some(ErrorKind::WrongType),
            Err(e) => Some(JsonError::kind(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    #[test]
    fn sessions_are_workouts_in_local_time() {
        let run = fixture(
            "google.fit.sessions",
            "2024-03-01T18_00_00.000+01_00_RUNNING.json",
        );
        assert!(GoogleFitSessions
            .detect("All Sessions/x.json", &run)
            .is_some());
        let (out, error) = collect(&GoogleFitSessions, &run);
        assert_eq!(error, None);
        // 2024-03-01 is day 19783; 18:00 local, 2550 s, 7310.6 m, 512.4 kcal.
        let [(kind, start, seconds, Some(metres), Some(kcal))] = out.workouts.as_slice() else {
            panic!("{:?}", out.workouts)
        };
        assert_eq!(
            (kind.as_str(), *start, *seconds),
            ("Running", 19_783 * 86_400 + 18 * 3600, 2550.0)
        );
        assert!((metres - 7310.6).abs() < 0.01 && (kcal - 512.4).abs() < 0.01);
        // In UTC: 09:15:12 is 10:15:12 in Paris in March.
        let walk = fixture(
            "google.fit.sessions",
            "2024-03-02T09_15_12.345Z_WALKING.json",
        );
        let (out, error) = collect(&GoogleFitSessions, &walk);
        assert_eq!(error, None);
        assert_eq!(
            out.workouts[0].1,
            19_784 * 86_400 + 10 * 3600 + 15 * 60 + 12
        );
        // Cut, it keeps what it read of the session.
        let (out, error) = collect(&GoogleFitSessions, &run[..120]);
        assert_eq!((out.workouts.len(), error), (1, Some(ErrorKind::Truncated)));
    }

    #[test]
    fn a_sleep_session_is_a_night() {
        let doc = br#"{"fitnessActivity":"sleep","startTime":"2024-03-01T23:20:00.000+01:00","endTime":"2024-03-02T07:05:00.000+01:00","duration":"27900.000s"}"#;
        let (out, error) = collect(&GoogleFitSessions, doc);
        assert_eq!(error, None);
        assert!(out.workouts.is_empty());
        assert_eq!(
            out.sleeps,
            [(
                19_783 * 86_400 + 23 * 3600 + 20 * 60,
                19_784 * 86_400 + 7 * 3600 + 5 * 60,
                true,
                String::new()
            )]
        );
        let (_, error) = collect(&GoogleFitSessions, br#"{"name": "x"}"#);
        assert_eq!(error, Some(ErrorKind::WrongType));
        assert!(GoogleFitSessions
            .detect(
                "x.json",
                br#"{"Data Source": "derived", "Data Points": []}"#
            )
            .is_none());
    }
}
