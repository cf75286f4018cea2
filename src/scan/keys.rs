//! What a key or column name says of its values: a time, an identifier, a latitude, a device or
//! advertising identifier, a version. Bare numbers and UUIDs mean nothing on their own; their key
//! is what makes `1700000000` a date and `6D92078A-…` an advertising identifier.

/// The meaning a key gives its values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Hint {
    /// Nothing in particular.
    #[default]
    None,
    /// A time: `timestamp`, `creation_timestamp`, `timestampMs`, `time_usec`, `created_at`…
    Time,
    /// An identifier of a record (`id`, `fbid`, `order_id`): its numbers are not dates.
    Id,
    /// A latitude, in degrees (`lat`, `latitude`) or E7 integers (`latitudeE7`).
    Latitude { e7: bool },
    /// A longitude: the same position as its latitude, so not counted again.
    Longitude,
    /// A device or advertising identifier (`advertising_id`, `idfa`, `device_id`, `imei`).
    Device,
    /// A version (`version`, `app_version`): `1.2.3.4` there is no IP address.
    Version,
    /// A MAC address (`mac`, `bssid`), which Google writes as a decimal number.
    Mac,
}

/// Words (or their last two or three words run together) that name a device or advertising
/// identifier: `IDFA`, `gps_adid`, `Device ID`, `device_vendor_id`, `IMEI 2`.
const DEVICE_WORDS: &[&str] = &[
    "idfa",
    "idfv",
    "gaid",
    "aaid",
    "adid",
    "imei",
    "udid",
    "maid",
    "adsid",
    "deviceid",
    "devicetag",
    "devicecode",
    "deviceuuid",
    "deviceidentifier",
    "devicevendorid",
    "vendorid",
    "androidid",
    "advertisingid",
    "advertisingidentifier",
    "identifiantpublicitaire",
    "idpublicitaire",
    "identifiantappareil",
    "idappareil",
];

/// Long endings that name a device identifier even glued to other words (`mobiledeviceid`).
const DEVICE_ENDINGS: &[&str] = &["deviceid", "androidid", "advertisingid", "deviceuuid"];

/// Keys containing these name a time.
const TIME_WORDS: &[&str] = &[
    "time", "date", "horodat", "heure", "created", "updated", "modified", "epoch", "nanos", "usec",
    "when",
];

/// A key whose last word is one of these names a time.
const TIME_KEYS: &[&str] = &[
    "ts", "t", "at", "start", "end", "from", "until", "day", "jour", "seen", "lastseen",
];

/// A key's words, lower case: split at anything not a letter or digit and where a lower-case
/// letter or digit meets a capital (`startTimeNanos`, `Device ID`, `latitudeE7`); a number
/// ending the key (`IMEI 2`) is dropped.
fn words(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    // A very long key: its last words say most.
    let skip = key.chars().count().saturating_sub(96);
    for c in key.chars().skip(skip) {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    while out.len() > 1
        && out
            .last()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        out.pop();
    }
    out
}

/// The hint a key gives its values, from its words: `Device ID`, `device_id` and `deviceId` are
/// one key.
pub fn hint(key: &str) -> Hint {
    let words = words(key);
    let n: String = words.concat();
    if n.is_empty() {
        return Hint::None;
    }
    let last = |k: usize| -> String {
        words
            .get(words.len().saturating_sub(k)..)
            .map(<[String]>::concat)
            .unwrap_or_default()
    };
    let word = |w: &str| words.iter().any(|x| x == w);
    if n.contains("version") || word("ver") || word("build") {
        return Hint::Version;
    }
    if matches!(last(1).as_str(), "mac" | "bssid" | "macaddress") || last(2) == "macaddress" {
        return Hint::Mac;
    }
    if (1..=3).any(|k| DEVICE_WORDS.contains(&last(k).as_str()))
        || DEVICE_ENDINGS.iter().any(|d| n.ends_with(d))
    {
        return Hint::Device;
    }
    let e7 = words.iter().any(|w| w.ends_with("e7"));
    if words
        .iter()
        .any(|w| w == "lat" || w.ends_with("latitude") || w == "late7" || w == "latitudee7")
    {
        return Hint::Latitude { e7 };
    }
    if words.iter().any(|w| {
        matches!(w.as_str(), "lng" | "lon" | "long" | "lnge7" | "lone7") || w.contains("longitude")
    }) {
        return Hint::Longitude;
    }
    let tail = last(1);
    if n.contains("timestamp") || n.contains("time") || n.contains("date") || tail == "at" {
        return Hint::Time;
    }
    if tail.ends_with("id")
        || tail == "ids"
        || last(2) == "idstr"
        || n.contains("uuid")
        || n.contains("hash")
    {
        return Hint::Id;
    }
    if TIME_WORDS.iter().any(|w| n.contains(w)) || TIME_KEYS.contains(&tail.as_str()) {
        return Hint::Time;
    }
    Hint::None
}

/// Keys that say nothing of their value (`value`, `string`): the key above them does.
pub fn generic(key: &str) -> bool {
    matches!(
        key.to_ascii_lowercase().as_str(),
        "value" | "string" | "text" | "label" | "data" | "content" | "href"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_as_exports_write_them() {
        for key in [
            "timestamp",
            "timestampMs",
            "timestamp_ms",
            "creation_timestamp",
            "time_usec",
            "startTimeNanos",
            "created_at",
            "createdAt",
            "Date",
            "Horodate",
            "ts",
            "Connected On date",
        ] {
            assert_eq!(hint(key), Hint::Time, "{key}");
        }
        for key in [
            "id",
            "fbid",
            "tweet_id",
            "order_id",
            "Order ID",
            "uuid",
            "id_str",
            "thread_id",
        ] {
            assert_eq!(hint(key), Hint::Id, "{key}");
        }
        for key in [
            "advertising_id",
            "IDFA",
            "gaid",
            "deviceId",
            "Device ID",
            "android_id",
            "imei",
            "ad_id",
            "gps_adid",
            "IMEI 2",
            "device_vendor_id",
            "deviceTag",
            "mobiledeviceid",
        ] {
            assert_eq!(hint(key), Hint::Device, "{key}");
        }
        assert_eq!(hint("latitudeE7"), Hint::Latitude { e7: true });
        assert_eq!(hint("lat"), Hint::Latitude { e7: false });
        assert_eq!(hint("Latitude"), Hint::Latitude { e7: false });
        assert_eq!(hint("start_latitude"), Hint::Latitude { e7: false });
        assert_eq!(hint("Begin Trip Lat"), Hint::Latitude { e7: false });
        assert_eq!(hint("latE7"), Hint::Latitude { e7: true });
        assert_eq!(hint("first_seen_ts"), Hint::Time);
        assert_eq!(hint("long_description"), Hint::Longitude);
        assert_eq!(hint("longitudeE7"), Hint::Longitude);
        assert_eq!(hint("lng"), Hint::Longitude);
        assert_eq!(hint("app_version"), Hint::Version);
        for key in [
            "name", "title", "content", "Libellé", "", "platform", "flat",
        ] {
            assert_eq!(hint(key), Hint::None, "{key}");
        }
        // A very long key keeps its ending.
        let long = format!("{}_timestamp", "x".repeat(100));
        assert_eq!(hint(&long), Hint::Time);
    }
}
