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
}

/// Keys equal to or ending with these (letters only, lower case) name a device or advertising
/// identifier.
const DEVICE_ENDINGS: &[&str] = &[
    "idfa",
    "idfv",
    "gaid",
    "aaid",
    "adid",
    "imei",
    "udid",
    "maid",
    "deviceid",
    "devicetag",
    "androidid",
    "advertisingid",
    "deviceuuid",
    "deviceidentifier",
    "adsid",
    "identifiantpublicitaire",
    "idpublicitaire",
    "identifiantappareil",
    "idappareil",
];

/// Keys containing these name a time.
const TIME_WORDS: &[&str] = &[
    "time", "date", "horodat", "heure", "created", "updated", "modified", "epoch", "nanos", "usec",
    "when",
];

/// Keys equal to these name a time.
const TIME_KEYS: &[&str] = &[
    "ts", "t", "at", "start", "end", "from", "until", "day", "jour", "seen", "lastseen",
];

/// The hint a key gives its values. Case, `_`, `-`, spaces and dots are ignored: `Device ID`,
/// `device_id` and `deviceId` are one key.
pub fn hint(key: &str) -> Hint {
    let mut buf = [0u8; 48];
    let mut len = 0;
    for b in key.bytes().filter(u8::is_ascii_alphanumeric) {
        let Some(slot) = buf.get_mut(len) else {
            // A very long key: its last letters matter most, keep shifting them in.
            buf.copy_within(1.., 0);
            if let Some(last) = buf.last_mut() {
                *last = b.to_ascii_lowercase();
            }
            continue;
        };
        *slot = b.to_ascii_lowercase();
        len += 1;
    }
    let n = std::str::from_utf8(buf.get(..len).unwrap_or_default()).unwrap_or_default();
    if n.is_empty() {
        return Hint::None;
    }
    if n.contains("version") || n == "ver" || n == "build" {
        return Hint::Version;
    }
    if DEVICE_ENDINGS.iter().any(|d| n.ends_with(d)) {
        return Hint::Device;
    }
    if n.ends_with("latitudee7") || n.ends_with("late7") {
        return Hint::Latitude { e7: true };
    }
    if n.ends_with("latitude") || matches!(n, "lat" | "startlat" | "endlat" | "geolat") {
        return Hint::Latitude { e7: false };
    }
    if n.ends_with("longitudee7")
        || n.ends_with("lnge7")
        || n.ends_with("lone7")
        || n.ends_with("longitude")
        || matches!(n, "lng" | "lon" | "long")
    {
        return Hint::Longitude;
    }
    let camel_at = key.ends_with("_at") || key.ends_with("At") || key.ends_with(" at");
    if n.contains("timestamp") || n.contains("time") || n.contains("date") || camel_at {
        return Hint::Time;
    }
    if n == "id"
        || n.ends_with("id")
        || n.ends_with("idstr")
        || n.ends_with("ids")
        || n.contains("uuid")
        || n.contains("number")
        || n.contains("numero")
        || n.contains("hash")
    {
        return Hint::Id;
    }
    if TIME_WORDS.iter().any(|w| n.contains(w)) || TIME_KEYS.contains(&n) {
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
            "id", "fbid", "tweet_id", "order_id", "Order ID", "uuid", "id_str",
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
        ] {
            assert_eq!(hint(key), Hint::Device, "{key}");
        }
        assert_eq!(hint("latitudeE7"), Hint::Latitude { e7: true });
        assert_eq!(hint("lat"), Hint::Latitude { e7: false });
        assert_eq!(hint("Latitude"), Hint::Latitude { e7: false });
        assert_eq!(hint("start_latitude"), Hint::Latitude { e7: false });
        assert_eq!(hint("longitudeE7"), Hint::Longitude);
        assert_eq!(hint("lng"), Hint::Longitude);
        assert_eq!(hint("app_version"), Hint::Version);
        for key in ["name", "title", "content", "Libellé", "", "platform"] {
            assert_eq!(hint(key), Hint::None, "{key}");
        }
        // A very long key keeps its ending.
        let long = format!("{}_timestamp", "x".repeat(100));
        assert_eq!(hint(&long), Hint::Time);
    }
}
