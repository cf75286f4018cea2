//! Known tracking and advertising domains, from the bundled list `assets/trackers.tsv` (its origin
//! and licence are in its header and in the README). A host is a tracker if it, or a domain it
//! is under, is listed: `ad.doubleclick.net` is under `doubleclick.net`.

use std::sync::OnceLock;

/// The bundled list: `domain<TAB>company<TAB>category` lines after `#` comments.
const LIST: &str = include_str!("../../assets/trackers.tsv");

/// One listed domain: who runs it and what for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tracker {
    pub domain: &'static str,
    /// The company, when the list names it.
    pub company: Option<&'static str>,
    /// `advertising`, `analytics`, `social`, `fingerprinting` or `other`.
    pub category: &'static str,
}

fn list() -> &'static [Tracker] {
    static SORTED: OnceLock<Vec<Tracker>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut all: Vec<Tracker> = LIST
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let domain = fields.next()?.trim();
                let company = fields.next().map(str::trim).filter(|c| !c.is_empty());
                let category = fields.next().map_or("other", str::trim);
                Some(Tracker {
                    domain,
                    company,
                    category,
                })
            })
            .collect();
        all.sort_by(|a, b| a.domain.cmp(b.domain));
        all
    })
}

/// The listed domain `host` is, or is under (case ignored).
pub fn tracker(host: &str) -> Option<Tracker> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let list = list();
    let mut rest = host.as_str();
    loop {
        if let Ok(i) = list.binary_search_by(|t| t.domain.cmp(rest)) {
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
        assert!(list().windows(2).all(|w| w[0].domain < w[1].domain));
    }
}
