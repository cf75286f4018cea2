//! The countries a person's positions fall in, offline: each position's country is that of its
//! time zone ([`crate::model::tz::country_at`], 0.1° cells, so that a position within a few
//! kilometres of a border may count for the country across it, and positions on the open sea count
//! for none).

use crate::model::location::{CountryVisit, LatLng};
use crate::model::time::{format_date, Millis};
use crate::model::tz;

const DAY: Millis = 86_400_000;

/// What is known of one country.
#[derive(Debug)]
struct Seen {
    code: &'static str,
    /// Days (UTC) with a position there, counted as positions come (mostly in time order: a
    /// day is counted again only when the person came back to the country that same day).
    days: u64,
    last_day: i64,
    first: Millis,
    last: Millis,
}

/// The countries, as positions come; a few dozen at most, so a list is enough.
#[derive(Debug, Default)]
pub struct Countries {
    /// The last 0.1° cell looked up and its country: positions come mostly from the same place.
    cache: Option<((i32, i32), Option<&'static str>)>,
    seen: Vec<Seen>,
    /// The entry of the last position's country.
    current: usize,
}

impl Countries {
    pub fn fix(&mut self, at: LatLng, time: Millis) {
        let key = (
            at.lat_e7.div_euclid(1_000_000),
            at.lng_e7.div_euclid(1_000_000),
        );
        let country = match self.cache {
            Some((k, country)) if k == key => country,
            _ => {
                let country = tz::country_at(at.lat(), at.lng());
                self.cache = Some((key, country));
                country
            }
        };
        let Some(code) = country else {
            return;
        };
        let known = match self.seen.get(self.current) {
            Some(s) if s.code == code => Some(self.current),
            _ => self.seen.iter().position(|s| s.code == code),
        };
        let index = known.unwrap_or_else(|| {
            self.seen.push(Seen {
                code,
                days: 0,
                last_day: i64::MIN,
                first: time,
                last: time,
            });
            self.seen.len() - 1
        });
        self.current = index;
        if let Some(seen) = self.seen.get_mut(index) {
            let day = time.div_euclid(DAY);
            if seen.last_day != day {
                seen.days += 1;
                seen.last_day = day;
            }
            seen.first = seen.first.min(time);
            seen.last = seen.last.max(time);
        }
    }

    /// The countries, most days first.
    pub fn finish(self) -> Vec<CountryVisit> {
        let mut out: Vec<CountryVisit> = self
            .seen
            .into_iter()
            .map(|s| CountryVisit {
                code: s.code.to_owned(),
                days: s.days,
                first: format_date(s.first),
                last: format_date(s.last),
            })
            .collect();
        out.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.code.cmp(&b.code)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_iso;

    #[test]
    fn days_in_each_country_most_first() {
        let mut countries = Countries::default();
        let at = |lat, lng| LatLng::from_degrees(lat, lng).unwrap();
        let (paris, rome, sea) = (at(48.8566, 2.3522), at(41.9028, 12.4964), at(45.5, -5.0));
        let t = |iso: &str| parse_iso(iso).unwrap();
        // Paris on 3 days (two positions on the first), Rome on 2, a position at sea.
        for (when, place) in [
            ("2024-05-01T08:00:00Z", paris),
            ("2024-05-01T20:00:00Z", paris),
            ("2024-05-02T08:00:00Z", paris),
            ("2024-05-03T12:00:00Z", sea),
            ("2024-05-04T08:00:00Z", rome),
            ("2024-05-05T08:00:00Z", rome),
            ("2024-05-06T08:00:00Z", paris),
        ] {
            countries.fix(place, t(when));
        }
        assert_eq!(
            countries.finish(),
            [
                CountryVisit {
                    code: "FR".into(),
                    days: 3,
                    first: "2024-05-01".into(),
                    last: "2024-05-06".into()
                },
                CountryVisit {
                    code: "IT".into(),
                    days: 2,
                    first: "2024-05-04".into(),
                    last: "2024-05-05".into()
                }
            ]
        );
    }
}
