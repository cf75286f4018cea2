//! Known tracking and advertising domains, from the bundled list `assets/trackers.txt` (its origin
//! and licence are in its header, `assets/TRACKERS-LICENCE.md` and the README). A host is a
//! tracker if it, or a domain it is under, is listed: `ad.doubleclick.net` is under
//! `doubleclick.net`.

use std::sync::OnceLock;

/// The bundled list: one domain a line, after `#` comments.
const LIST: &str = include_str!("../../assets/trackers.txt");

fn list() -> &'static [&'static str] {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut all: Vec<&str> = LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        all.sort_unstable();
        all
    })
}

/// The listed domain `host` is, or is under (case ignored).
pub fn tracker(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let list = list();
    let mut rest = host.as_str();
    loop {
        if let Ok(i) = list.binary_search(&rest) {
            return list.get(i).copied();
        }
        let (_, parent) = rest.split_once('.')?;
        if !parent.contains('.') {
            return None;
        }
        rest = parent;
    }
}

/// Whether `host` is a known tracking or advertising domain.
pub fn is_tracker(host: &str) -> bool {
    tracker(host).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_matched_with_their_parents() {
        assert!(is_tracker("doubleclick.net"));
        assert!(is_tracker("ad.doubleclick.net"));
        assert!(is_tracker("STATS.G.DOUBLECLICK.NET"));
        assert!(is_tracker("www.google-analytics.com"));
        assert!(!is_tracker("exemple.fr"));
        assert!(!is_tracker("net"));
        assert!(!is_tracker("notdoubleclick.net"));
        // The list is sorted and every line has a domain.
        assert!(list().len() > 100, "{}", list().len());
        assert!(list().windows(2).all(|w| w[0] < w[1]));
    }
}
