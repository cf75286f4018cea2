//! The devices and IP addresses Netflix saw an account used from: `DEVICES/Devices.csv`,
//! `IP_ADDRESSES/IpAddressesStreaming.csv` and `IP_ADDRESSES/IpAddressesLogin.csv`.
//!
//! Where from: Netflix's report (see `guides::NETFLIX`), `netflix-report.zip`
//! (formats.md section 9, which names the files and says they list "IP, country/region, device
//! and timestamp" but gives no column list). The columns read are those public parsers and fake
//! data show (d3i-infra's `platforms/netflix.py`, hestiaAI's fake Netflix data); no real sample
//! was seen, so they are found by name, in any order and any case, and a file missing the ones
//! it needs is not read:
//! - `Devices.csv`: `Profile Name,Esn,Device Type,Acct First Playback Date,Acct Last Playback
//!   Date,Acct First Playback Date For User Generated Plays,Acct Last Playback Date For User
//!   Generated Plays,Profile First Playback Date,Profile Last Playback Date,…,Deactivation Time`.
//!   Each row hands over its `Device Type` as seen at the account's first and at its last
//!   playback date (one sighting without a date if neither is readable), so that the device's
//!   first and last dates are Netflix's own. The file has one row per profile and device, with
//!   the same account dates: a device already handed over at a date is not handed over again.
//!   The profiles' own dates are not read.
//! - `IpAddressesStreaming.csv`: `Profile Name,Esn,Country,Localized Device Description,Device
//!   Description,Ip Address,Region Code Display Name,Ts`, and `IpAddressesLogin.csv`:
//!   `Esn,Country,Localized Device Description,Device Description,Ip,Region Code Display
//!   Name,Ts`. Each row hands over its address and device description (the localised one when
//!   the other is empty) as seen at `Ts`.
//!
//! Times (`2022-06-17 09:38:25`, or ISO 8601) are taken as UTC. Not read: profile names, the
//! device serial numbers (`Esn`), countries and regions, deactivation times.
//!
//! A file that does not end with a line break and whose last row misses a column, or has a date
//! that cannot be read whole, is taken as cut off: that row is left out.

use std::collections::HashSet;
use std::io::Read;

use super::netflix::{cell, find};
use super::{linkedin, Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::media::Service;
use crate::model::Sink;

/// `Devices.csv`, `IpAddressesStreaming.csv`, `IpAddressesLogin.csv`.
pub struct NetflixDevices;

/// How many (device, date) pairs are remembered to leave out `Devices.csv`'s repeats.
const MAX_HANDED: usize = 10_000;

const FIRST: &str = "Acct First Playback Date";
const LAST: &str = "Acct Last Playback Date";

/// The columns read.
#[derive(Clone, Copy)]
struct Columns {
    device: Option<usize>,
    localised: Option<usize>,
    ip: Option<usize>,
    ts: Option<usize>,
    first: Option<usize>,
    last: Option<usize>,
    /// Not read: only checked, to tell a cut last row.
    deactivated: Option<usize>,
    width: usize,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Self {
        Columns {
            device: find(header, &["Device Type", "Device Description"]),
            localised: find(header, &["Localized Device Description"]),
            ip: find(header, &["Ip Address", "Ip"]),
            ts: find(header, &["Ts"]),
            first: find(header, &[FIRST]),
            last: find(header, &[LAST]),
            deactivated: find(header, &["Deactivation Time"]),
            width: header.len(),
        }
    }

    /// A device list, or an address list.
    fn usable(self) -> bool {
        (self.device.is_some() && (self.first.is_some() || self.last.is_some()))
            || (self.ip.is_some() && self.ts.is_some())
    }

    /// Whether a last row without a line break after it is whole: every date it has is readable.
    fn whole(self, row: &csv::StringRecord) -> bool {
        row.len() >= self.width
            && [self.ts, self.first, self.last, self.deactivated]
                .into_iter()
                .all(|i| cell(row, i).is_none_or(|t| linkedin::moment(t).is_some()))
    }

    /// Hands a row over. `handed`: the devices and account dates already handed over from
    /// `Devices.csv`, whose rows repeat them for each profile (bounded to [`MAX_HANDED`]).
    fn hand_over(
        self,
        row: &csv::StringRecord,
        handed: &mut HashSet<(String, Option<i64>)>,
        out: &mut dyn Sink,
    ) {
        let device = cell(row, self.device).or_else(|| cell(row, self.localised));
        let ip = cell(row, self.ip);
        if self.ts.is_some() && self.ip.is_some() {
            out.seen(device, ip, cell(row, self.ts).and_then(linkedin::moment));
            return;
        }
        let mut dates: Vec<Option<i64>> = [self.first, self.last]
            .into_iter()
            .filter_map(|i| cell(row, i).and_then(linkedin::moment))
            .map(Some)
            .collect();
        if dates.is_empty() {
            dates.push(None);
        }
        for at in dates {
            if let Some(name) = device {
                if handed.contains(&(name.to_owned(), at)) {
                    continue;
                }
                if handed.len() < MAX_HANDED {
                    handed.insert((name.to_owned(), at));
                }
            }
            out.seen(device, ip, at);
        }
    }
}

impl Source for NetflixDevices {
    fn id(&self) -> &'static str {
        "netflix.devices"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Netflix, appareils et adresses IP (Devices.csv, IpAddresses*.csv)",
            Lang::En => "Netflix devices and IP addresses (Devices.csv, IpAddresses*.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::NETFLIX
    }

    fn media(&self) -> Option<Service> {
        Some(Service::Netflix)
    }

    fn detect(&self, path: &str, head: &[u8]) -> Option<Claim> {
        let has = |names: &[&str]| linkedin::header_has_any_case(head, names);
        let own = has(&["Esn", "Device Type", FIRST])
            || has(&["Esn", "Ip Address", "Ts"])
            || has(&["Esn", "Ip", "Ts"]);
        let name = super::meta::file_name(path);
        let named =
            matches!(
                name.as_str(),
                "devices.csv" | "ipaddressesstreaming.csv" | "ipaddresseslogin.csv"
            ) && (has(&["Device Type", FIRST]) || has(&["Ip Address", "Ts"]) || has(&["Ip", "Ts"]));
        let confidence = if own {
            90
        } else if named {
            80
        } else {
            return None;
        };
        Some(Claim {
            source: self.id(),
            confidence,
        })
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let mut handed = HashSet::new();
        linkedin::read_rows(
            reader,
            |header| Some(Columns::of(header)).filter(|c| c.usable()),
            Columns::whole,
            |columns, row| columns.hand_over(row, &mut handed, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{collect, fixture};

    const DEVICES: &str = "Profile Name,Esn,Device Type,Acct First Playback Date,Acct Last Playback Date,Acct First Playback Date For User Generated Plays,Acct Last Playback Date For User Generated Plays,Profile First Playback Date,Profile Last Playback Date,Deactivation Time\n\
        Léa,NFANDROID1-PRV-P-SAMSU-SM-G-1234,Samsung Galaxy S10,2021-01-02 10:00:00,2024-03-01 20:15:00,2021-01-02 10:00:00,2024-03-01 20:15:00,2021-01-02 10:00:00,2024-03-01 20:15:00,\n\
        Léa,NFCDCH-02-ABCD,Google Chromecast,,,,,,,2023-05-06 07:08:09\n";

    const STREAMING: &str = "Profile Name,Esn,Country,Localized Device Description,Device Description,Ip Address,Region Code Display Name,Ts\n\
        Léa,NFANDROID1-X,FR,Samsung Galaxy S10,Samsung Galaxy S10,203.0.113.9,Île-de-France,2024-03-01 20:15:00\n\
        Léa,NFCDCH-02-ABCD,FR,Chromecast,,2001:db8::1,Île-de-France,2024-03-02T09:05:07.000Z\n";

    const LOGIN: &str = "Esn,Country,Localized Device Description,Device Description,Ip,Region Code Display Name,Ts\n\
        NFANDROID1-X,FR,Samsung Galaxy S10,Samsung Galaxy S10,198.51.100.7,Bretagne,2024-03-01 20:15:00\n";

    #[allow(clippy::unnecessary_wraps)] // shaped as the sightings compared with
    fn owned(d: &str) -> Option<String> {
        Some(d.to_owned())
    }

    #[test]
    fn devices_are_seen_at_their_first_and_last_playback() {
        let (out, error) = collect(&NetflixDevices, DEVICES.as_bytes());
        assert_eq!(error, None);
        // date -ud '2021-01-02 10:00:00' +%s → 1609581600; '2024-03-01 20:15:00' → 1709324100
        assert_eq!(
            out.seen,
            [
                (owned("Samsung Galaxy S10"), None, Some(1_609_581_600)),
                (owned("Samsung Galaxy S10"), None, Some(1_709_324_100)),
                (owned("Google Chromecast"), None, None),
            ]
        );
        assert!(out.plays.is_empty());
    }

    #[test]
    fn a_device_listed_for_each_profile_is_seen_once_at_each_account_date() {
        let file = format!(
            "{DEVICES}{}",
            DEVICES
                .lines()
                .nth(1)
                .unwrap_or_default()
                .replacen("Léa", "Marc", 1)
        );
        let (out, error) = collect(&NetflixDevices, file.as_bytes());
        // No line break at the end, but the last row is whole.
        assert_eq!(error, None);
        assert_eq!(out.seen.len(), 3);
    }

    #[test]
    fn addresses_are_seen_with_their_device_and_time() {
        let (out, error) = collect(&NetflixDevices, STREAMING.as_bytes());
        assert_eq!(error, None);
        // '2024-03-02 09:05:07' → 1709370307
        assert_eq!(
            out.seen,
            [
                (
                    owned("Samsung Galaxy S10"),
                    owned("203.0.113.9"),
                    Some(1_709_324_100)
                ),
                (
                    owned("Chromecast"),
                    owned("2001:db8::1"),
                    Some(1_709_370_307)
                ),
            ]
        );
        let (out, error) = collect(&NetflixDevices, LOGIN.as_bytes());
        assert_eq!(error, None);
        assert_eq!(
            out.seen,
            [(
                owned("Samsung Galaxy S10"),
                owned("198.51.100.7"),
                Some(1_709_324_100)
            )]
        );
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        // Cut within the last row's last date (a cut within its fraction of a second, `07.00`,
        // cannot be told from a whole time, and is read).
        for file in [DEVICES, STREAMING] {
            let (whole, _) = collect(&NetflixDevices, file.as_bytes());
            let (out, error) = collect(&NetflixDevices, &file.as_bytes()[..file.len() - 12]);
            assert_eq!(error, Some(ErrorKind::Truncated));
            assert!(!out.seen.is_empty() && out.seen.len() < whole.seen.len());
        }
    }

    #[test]
    fn detection_and_other_files() {
        for (path, file) in [
            ("DEVICES/Devices.csv", DEVICES),
            ("IP_ADDRESSES/IpAddressesStreaming.csv", STREAMING),
            ("IP_ADDRESSES/IpAddressesLogin.csv", LOGIN),
        ] {
            assert!(
                NetflixDevices.detect(path, file.as_bytes()).is_some(),
                "{path}"
            );
        }
        for (path, head) in [
            (
                "Logins.csv",
                &b"Login Date,IP Address,User Agent,Login Type\n"[..],
            ),
            (
                "ViewingActivity.csv",
                b"Profile Name,Start Time,Duration,Attributes,Title,Supplemental Video Type,Device Type,Bookmark,Latest Bookmark,Country\n",
            ),
        ] {
            assert!(NetflixDevices.detect(path, head).is_none(), "{path}");
        }
        assert_eq!(
            collect(&NetflixDevices, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
        for bytes in [&b""[..], b"\x89PNG\r\n\x1a\n\0\0\0", b"[[[[[[[["] {
            assert!(collect(&NetflixDevices, bytes).1.is_some());
        }
    }

    #[test]
    fn the_generated_fixtures_are_read() {
        for name in [
            "Devices.csv",
            "IpAddressesStreaming.csv",
            "IpAddressesLogin.csv",
        ] {
            let (out, error) = collect(&NetflixDevices, &fixture("netflix.devices", name));
            assert_eq!(error, None, "{name}");
            assert!(out.seen.len() >= 5, "{name}");
        }
    }
}
