//! What Spotify's sources share: small helpers to recognise its files and read its times.
//!
//! Where from: Spotify's privacy settings (formats.md section 8). The archive `my_spotify_data.zip`
//! holds `Spotify Account Data/` (older exports: `MyData/`), `Spotify Extended Streaming
//! History/` and `Spotify Technical Log Information/`, each a package asked for on its own.

use crate::model::time::parse_iso;

/// The file name at the end of `path`, whichever the separator.
pub(super) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Whether `name` is `prefix`, then anything made of digits, `_` and `-`, then `.json`
/// (`StreamingHistory_music_` + `0` + `.json`, `Streaming_History_Audio_` + `2019-2021_3`…).
pub(super) fn numbered(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|middle| {
            middle
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'_' || b == b'-')
        })
}

/// Epoch seconds of a play that ended at `end_ms` (epoch milliseconds) after `ms` played: the
/// start, rounded down to the second.
pub(super) fn start(end_ms: i64, ms: Option<u64>) -> i64 {
    let played = ms.and_then(|m| i64::try_from(m).ok()).unwrap_or(0);
    end_ms.saturating_sub(played).div_euclid(1000)
}

/// Epoch milliseconds of `YYYY-MM-DD HH:MM` (UTC, the basic history's `endTime`).
pub(super) fn parse_minute(text: &str) -> Option<i64> {
    let text = text.trim();
    (text.len() == 16 && text.get(10..11) == Some(" ")).then(|| parse_iso(&format!("{text}Z")))?
}

/// Epoch milliseconds of an ISO time (the extended history's `ts`, `2014-07-27T20:34:47Z`).
pub(super) fn parse_ts(text: &str) -> Option<i64> {
    parse_iso(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_times() {
        assert!(numbered(
            "StreamingHistory_music_0.json",
            "StreamingHistory_music_"
        ));
        assert!(numbered(
            "Streaming_History_Audio_2019-2021_3.json",
            "Streaming_History_Audio_"
        ));
        assert!(!numbered(
            "StreamingHistory_music_a.json",
            "StreamingHistory_music_"
        ));
        assert_eq!(
            file_name("a/b\\StreamingHistory0.json"),
            "StreamingHistory0.json"
        );
        // 2023-04-09 03:55 UTC is 1681012500.
        assert_eq!(parse_minute("2023-04-09 03:55"), Some(1_681_012_500_000));
        assert_eq!(parse_minute("2023-04-09T03:55"), None);
        assert_eq!(parse_minute("2023-13-09 03:55"), None);
        assert_eq!(start(1_681_012_500_000, Some(265_550)), 1_681_012_234);
        assert_eq!(parse_ts("2014-07-27T20:34:47Z"), Some(1_406_493_287_000));
    }
}
