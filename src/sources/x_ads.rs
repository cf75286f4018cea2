//! The ads X showed the person, and those they engaged with: who paid for each, and why it
//! reached them.
//!
//! Where from: X's archive (see `guides::X`), `data/ad-impressions.js` and
//! `data/ad-engagements.js` (split as `…-part1.js`… when long; often 1–50 MB), formats.md
//! section 6:
//! - impressions: `window.YTD.ad_impressions.part0 = [{"ad": {"adsUserData": {"adImpressions":
//!   {"impressions": [{deviceInfo, displayLocation, promotedTweetInfo | promotedTrendInfo,
//!   advertiserInfo{advertiserName, screenName}, matchedTargetingCriteria[{targetingType,
//!   targetingValue}], impressionTime "YYYY-MM-DD HH:MM:SS"}]}}}}]`;
//! - engagements: `window.YTD.ad_engagements.part0 = [{"ad": {"adsUserData": {"adEngagements":
//!   {"engagements": [{"impressionAttributes": {…as an impression…}, "engagementAttributes":
//!   [{engagementTime, engagementType}]}]}}}}]`.
//!
//! Each ad hands over its advertiser (`advertiserName`, else its `screenName`) once, with what
//! its targeting criteria say it did ([`flags`]): a list it uploaded (`data_file`), the visitors
//! of its site or the users of its app (`remarketing`), or neither. Interests, keywords,
//! conversation topics, follower look-alikes (`@account`), TV shows and events it matched are
//! interests X tied to the person (`interest`). Each impression, and each engagement, is also
//! one ad shown by that advertiser (`ad`). Age, gender, place, language, platform and the
//! like are not read. When: each impression's `impressionTime`, each engagement's
//! `engagementTime` (its impression's time when it lists none) → `active`. The promoted tweet's
//! text and the device are not read.

use std::io::Read;

use serde_json::Value;

use super::x::{self, Step, Walker};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{AudienceFlags, Platform};
use crate::model::Sink;

/// `ad-impressions.js`, or `ad-engagements.js` when `engagements`.
pub struct XAds {
    pub engagements: bool,
}

/// Targeting types whose value is an interest X tied to the person.
const INTERESTS: [&str; 6] = [
    "interests",
    "keywords",
    "conversation topics",
    "follower look-alikes",
    "movies and tv shows",
    "events",
];

/// What one targeting type says the advertiser did: `List` and `Tailored audiences (lists)`,
/// an uploaded list (`data_file`); `Tailored audiences (web)`, `… (mobile apps)`, `Website
/// activity` and the `Retargeting …` types (people who saw or engaged with its earlier ads),
/// what the person did on its site, app or ads (`remarketing`); look-alikes of either only
/// resemble its audience (no flag).
fn flags(kind: &str) -> AudienceFlags {
    let kind = kind.trim().to_lowercase();
    let mut flags = AudienceFlags::default();
    if kind.contains("lookalike") || kind.contains("look-alike") {
        return flags;
    }
    let tailored = kind.starts_with("tailored audience");
    if kind == "list" || kind == "lists" || (tailored && kind.contains("list")) {
        flags.data_file = true;
    } else if (tailored && (kind.contains("web") || kind.contains("app")))
        || kind.starts_with("retargeting")
        || kind.starts_with("website")
    {
        flags.remarketing = true;
    }
    flags
}

struct Pass<'a> {
    out: &'a mut dyn Sink,
    /// The path of the list of ads.
    list: &'static str,
    engagements: bool,
}

impl Pass<'_> {
    /// One ad's attributes: its advertiser, the interests it matched, and (for an impression)
    /// its time.
    fn ad(&mut self, ad: &Value, timed: bool) {
        let mut flags = AudienceFlags::default();
        if let Some(criteria) = ad.get("matchedTargetingCriteria").and_then(Value::as_array) {
            for criterion in criteria {
                let (Some(kind), Some(value)) = (
                    x::str_at(criterion, "targetingType"),
                    criterion.get("targetingValue").and_then(x::text),
                ) else {
                    continue;
                };
                flags.merge(self::flags(kind));
                if INTERESTS.contains(&kind.trim().to_lowercase().as_str()) {
                    self.out.interest(&value);
                }
            }
        }
        let info = ad.get("advertiserInfo");
        let name = info
            .and_then(|i| x::str_at(i, "advertiserName"))
            .filter(|n| !n.trim().is_empty())
            .or_else(|| info.and_then(|i| x::str_at(i, "screenName")));
        if let Some(name) = name {
            self.out.advertiser(name, flags);
            self.out.ad(name);
        }
        if timed {
            if let Some(at) = x::str_at(ad, "impressionTime").and_then(x::parse_time) {
                self.out.active(at);
            }
        }
    }
}

impl Walker for Pass<'_> {
    fn step(&mut self, path: &str) -> Step {
        if path == self.list {
            Step::Descend
        } else if path.strip_suffix("[]") == Some(self.list) {
            Step::Take
        } else if self
            .list
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with(['.', '[']))
        {
            Step::Descend
        } else {
            Step::Skip
        }
    }

    fn take(&mut self, path: &str, value: Value) {
        if path.strip_suffix("[]") != Some(self.list) {
            return;
        }
        if !self.engagements {
            self.ad(&value, true);
            return;
        }
        let times: Vec<i64> = value
            .get("engagementAttributes")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|e| x::str_at(e, "engagementTime").and_then(x::parse_time))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(ad) = value.get("impressionAttributes") {
            self.ad(ad, times.is_empty());
        }
        for at in times {
            self.out.active(at);
        }
    }
}

impl XAds {
    fn types(&self) -> [&'static str; 1] {
        [if self.engagements {
            "ad_engagements"
        } else {
            "ad_impressions"
        }]
    }
}

impl Source for XAds {
    fn id(&self) -> &'static str {
        if self.engagements {
            "x.ad_engagements"
        } else {
            "x.ad_impressions"
        }
    }

    fn name(&self, lang: Lang) -> &'static str {
        match (self.engagements, lang) {
            (false, Lang::Fr) => "X (Twitter), publicités vues et pourquoi elles vous ciblaient",
            (false, Lang::En) => "X (Twitter) ads seen, and why they targeted you",
            (true, Lang::Fr) => "X (Twitter), publicités avec lesquelles vous avez interagi",
            (true, Lang::En) => "X (Twitter) ads you engaged with",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::X
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::X)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        x::claim(self.id(), &self.types(), head)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        let list = if self.engagements {
            "$[].ad.adsUserData.adEngagements.engagements"
        } else {
            "$[].ad.adsUserData.adImpressions.impressions"
        };
        x::walk(
            reader,
            &self.types(),
            &mut Pass {
                out,
                list,
                engagements: self.engagements,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const IMPRESSIONS: XAds = XAds { engagements: false };
    const ENGAGEMENTS: XAds = XAds { engagements: true };

    #[test]
    fn targeting_types_say_what_the_advertiser_did() {
        assert!(flags("Tailored audiences (lists)").data_file);
        assert!(flags("List").data_file);
        assert!(flags("Tailored audiences (web)").remarketing);
        assert!(flags("Tailored audiences (mobile apps)").remarketing);
        assert!(flags("Retargeting campaign engager").remarketing);
        assert_eq!(
            flags("Tailored audience CRM lookalikes"),
            AudienceFlags::default()
        );
        assert_eq!(flags("Follower look-alikes"), AudienceFlags::default());
        assert_eq!(flags("Locations"), AudienceFlags::default());
    }

    #[test]
    fn impressions_hand_over_advertisers_interests_and_times() {
        let doc = r#"window.YTD.ad_impressions.part0 = [ { "ad" : { "adsUserData" : {
          "adImpressions" : { "impressions" : [
            { "advertiserInfo" : { "advertiserName" : "Crédit Mutuel", "screenName" : "@creditmutuel" },
              "matchedTargetingCriteria" : [
                { "targetingType" : "Tailored audiences (lists)", "targetingValue" : "Clients 2023" },
                { "targetingType" : "Keywords", "targetingValue" : "épargne" },
                { "targetingType" : "Age", "targetingValue" : "25 to 54" } ],
              "impressionTime" : "2023-08-12 16:10:37" },
            { "advertiserInfo" : { "screenName" : "@sansnom" },
              "impressionTime" : "not a time" }
          ] } } } } ]"#;
        let (out, error) = collect(&IMPRESSIONS, doc.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out.interests, ["épargne"]);
        assert_eq!(
            out.advertisers,
            [
                (
                    "Crédit Mutuel".to_owned(),
                    AudienceFlags {
                        data_file: true,
                        ..AudienceFlags::default()
                    }
                ),
                ("@sansnom".to_owned(), AudienceFlags::default())
            ]
        );
        assert_eq!(out.active, [1_691_856_637]);
        // One ad shown per impression, by the advertiser's name (else its screen name).
        assert_eq!(out.ads, ["Crédit Mutuel", "@sansnom"]);
        // The engagements' reader refuses the impressions' file.
        assert_eq!(
            collect(&ENGAGEMENTS, doc.as_bytes()).1,
            Some(ErrorKind::WrongType)
        );
        assert!(ENGAGEMENTS.detect("x.js", doc.as_bytes()).is_none());
        assert!(IMPRESSIONS.detect("x.js", doc.as_bytes()).is_some());
    }

    #[test]
    fn engagements_are_timed_by_each_engagement() {
        let doc = br#"window.YTD.ad_engagements.part0 = [ { "ad" : { "adsUserData" : {
          "adEngagements" : { "engagements" : [
            { "impressionAttributes" : {
                "advertiserInfo" : { "advertiserName" : "Boulanger", "screenName" : "@Boulanger" },
                "matchedTargetingCriteria" : [
                  { "targetingType" : "Retargeting campaign engager", "targetingValue" : "Retargeting campaign engager: 123" } ],
                "impressionTime" : "2023-08-12 16:10:00" },
              "engagementAttributes" : [
                { "engagementTime" : "2023-08-12 16:10:37", "engagementType" : "ChargeableImpression" },
                { "engagementTime" : "2023-08-12 16:11:37", "engagementType" : "VideoContent1secView" } ] },
            { "impressionAttributes" : {
                "advertiserInfo" : { "advertiserName" : "Fnac" },
                "impressionTime" : "2023-08-12 16:10:37" } }
          ] } } } } ]"#;
        let (out, error) = collect(&ENGAGEMENTS, doc);
        assert_eq!(error, None);
        assert_eq!(out.active, [1_691_856_637, 1_691_856_697, 1_691_856_637]);
        assert!(out.advertisers[0].1.remarketing);
        assert_eq!(
            out.advertisers[1],
            ("Fnac".to_owned(), AudienceFlags::default())
        );
        // One ad per engagement, however many times it lists.
        assert_eq!(out.ads, ["Boulanger", "Fnac"]);
        let (out, error) = collect(&ENGAGEMENTS, &doc[..doc.len() - 20]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.advertisers.len(), 2);
        assert_eq!(out.ads.len(), 2);
    }
}
