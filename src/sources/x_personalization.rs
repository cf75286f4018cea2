//! What X inferred about the person to show them ads: interests, languages, gender, age, TV
//! shows, and the advertisers whose audiences hold them.
//!
//! Where from: X's archive (see `guides::X`), `data/personalization.js`,
//! `window.YTD.personalization.part0 = [{"p13nData": {…}}]` (formats.md section 6):
//! - `demographics.languages[{language, isDisabled}]` → `inferred("languages", …)`;
//!   `demographics.genderInfo.gender` → `inferred("gender", …)`;
//! - `interests.interests[{name, isDisabled}]` → `interest`; every one is kept, those the
//!   person switched off (`isDisabled: true`) too: X inferred them and still holds them, the
//!   switch only keeps them out of ad choices; `interests.partnerInterests[]` (names from X's data
//!   partners, strings or `{name}`) → `interest`;
//! - `interests.audienceAndAdvertisers` (screen names, `@brand`): X's README says `advertisers`
//!   own the *tailored audiences* the person is in. A tailored audience is an uploaded list, the
//!   visitors of a site or the users of an app, and the file does not say which: not knowing that
//!   the advertiser has the person's contact details, they are taken as targeting the person for
//!   what they did (`remarketing`); `catalogAudienceAdvertisers` own audiences built from the
//!   products people viewed on their site (`remarketing` too); `lookalikeAdvertisers` own
//!   look-alike audiences, people who merely resemble their customers (no flag);
//!   `doNotReachAdvertisers` own lists of people not to show ads to, which hold the person all
//!   the same (no flag: nothing says how the list was made);
//!   `numAudiences` → `inferred("audiences", …)`;
//! - `interests.shows[]` → `inferred("shows", …)`;
//! - `inferredAgeInfo.age[]` → `inferred("age", …)`.
//!
//! Not read: `locationHistory` and `inferredAgeInfo.birthDate`.

use std::io::Read;

use serde_json::Value;

use super::x::{self, Step, Walker};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::{AudienceFlags, Platform};
use crate::model::Sink;

/// `personalization.js`.
pub struct XPersonalization;

const TYPES: [&str; 1] = ["personalization"];

const ROOT: &str = "$[].p13nData";

struct Pass<'a> {
    out: &'a mut dyn Sink,
}

impl Walker for Pass<'_> {
    fn step(&mut self, path: &str) -> Step {
        let Some(inner) = path.strip_prefix(ROOT) else {
            return match path {
                "$[]" => Step::Descend,
                _ => Step::Skip,
            };
        };
        match inner {
            ""
            | ".demographics"
            | ".demographics.languages"
            | ".interests"
            | ".interests.interests"
            | ".interests.partnerInterests"
            | ".interests.shows"
            | ".interests.shows[]"
            | ".interests.audienceAndAdvertisers"
            | ".interests.audienceAndAdvertisers.numAudiences"
            | ".inferredAgeInfo"
            | ".inferredAgeInfo.age"
            | ".inferredAgeInfo.age[]" => Step::Descend,
            ".demographics.languages[]"
            | ".demographics.genderInfo"
            | ".interests.interests[]"
            | ".interests.partnerInterests[]" => Step::Take,
            _ => match inner.strip_prefix(".interests.audienceAndAdvertisers.") {
                Some(list) if flags(list.trim_end_matches("[]")).is_some() => Step::Descend,
                _ => Step::Skip,
            },
        }
    }

    fn take(&mut self, path: &str, value: Value) {
        let Some(inner) = path.strip_prefix(ROOT) else {
            return;
        };
        let out = &mut *self.out;
        match inner {
            ".demographics.languages[]" => {
                if let Some(language) = x::str_at(&value, "language") {
                    out.inferred("languages", language);
                }
            }
            ".demographics.genderInfo" => {
                if let Some(gender) = x::str_at(&value, "gender") {
                    out.inferred("gender", gender);
                }
            }
            ".interests.interests[]" => {
                if let Some(name) = x::str_at(&value, "name") {
                    out.interest(name);
                }
            }
            ".interests.partnerInterests[]" => {
                if let Some(name) = value.as_str().or_else(|| x::str_at(&value, "name")) {
                    out.interest(name);
                }
            }
            ".interests.shows[]" => {
                if let Some(show) = x::text(&value) {
                    out.inferred("shows", &show);
                }
            }
            ".interests.audienceAndAdvertisers.numAudiences" => {
                if let Some(n) = x::text(&value) {
                    out.inferred("audiences", &n);
                }
            }
            ".inferredAgeInfo.age[]" => {
                if let Some(age) = x::text(&value) {
                    out.inferred("age", &age);
                }
            }
            _ => {
                let list = inner
                    .strip_prefix(".interests.audienceAndAdvertisers.")
                    .and_then(|l| l.strip_suffix("[]"));
                if let (Some(flags), Some(name)) = (list.and_then(flags), value.as_str()) {
                    out.advertiser(name, flags);
                }
            }
        }
    }
}

/// The flags of the advertisers of one list of `audienceAndAdvertisers` (see the module's
/// comment), or `None` for a key that is not a list of advertisers.
fn flags(list: &str) -> Option<AudienceFlags> {
    let remarketing = AudienceFlags {
        remarketing: true,
        ..AudienceFlags::default()
    };
    match list {
        "advertisers" | "catalogAudienceAdvertisers" => Some(remarketing),
        "lookalikeAdvertisers" | "doNotReachAdvertisers" => Some(AudienceFlags::default()),
        _ => None,
    }
}

impl Source for XPersonalization {
    fn id(&self) -> &'static str {
        "x.personalization"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), ce qu'il déduit de vous pour la publicité",
            Lang::En => "X (Twitter), what it inferred about you for ads",
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
        x::claim(self.id(), &TYPES, head)
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        x::walk(reader, &TYPES, &mut Pass { out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const DOC: &[u8] = r#"window.YTD.personalization.part0 = [ {
      "p13nData" : {
        "demographics" : {
          "languages" : [ { "language" : "French", "isDisabled" : false },
                          { "language" : "English", "isDisabled" : true } ],
          "genderInfo" : { "gender" : "female" }
        },
        "interests" : {
          "interests" : [ { "name" : "Cuisine française", "isDisabled" : false },
                          { "name" : "Randonnée", "isDisabled" : true } ],
          "partnerInterests" : [ "Voyages", { "name" : "Jardinage" } ],
          "audienceAndAdvertisers" : {
            "lookalikeAdvertisers" : [ "@lookalike" ],
            "advertisers" : [ "@tailored" ],
            "doNotReachAdvertisers" : [ "@dnr" ],
            "catalogAudienceAdvertisers" : [ "@catalog" ],
            "numAudiences" : "42"
          },
          "shows" : [ "Les Revenants" ]
        },
        "locationHistory" : [ "Paris" ],
        "inferredAgeInfo" : { "age" : [ "25-34" ], "birthDate" : "1990-01-01" }
      }
    } ]"#
        .as_bytes();

    #[test]
    fn every_inference_is_handed_over_as_written() {
        let (out, error) = collect(&XPersonalization, DOC);
        assert_eq!(error, None);
        assert_eq!(
            out.interests,
            ["Cuisine française", "Randonnée", "Voyages", "Jardinage"]
        );
        let remarketing = AudienceFlags {
            remarketing: true,
            ..AudienceFlags::default()
        };
        assert_eq!(
            out.advertisers,
            [
                ("@lookalike".to_owned(), AudienceFlags::default()),
                ("@tailored".to_owned(), remarketing),
                ("@dnr".to_owned(), AudienceFlags::default()),
                ("@catalog".to_owned(), remarketing),
            ]
        );
        let inferred: Vec<(&str, &str)> = out
            .inferred
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            inferred,
            [
                ("languages", "French"),
                ("languages", "English"),
                ("gender", "female"),
                ("audiences", "42"),
                ("shows", "Les Revenants"),
                ("age", "25-34"),
            ]
        );
    }

    #[test]
    fn another_data_file_and_a_cut_file_are_told() {
        let other = b"window.YTD.tweets.part0 = [ ]";
        assert!(XPersonalization
            .detect("data/personalization.js", other)
            .is_none());
        assert!(XPersonalization
            .detect("data/personalization.js", DOC)
            .is_some());
        assert_eq!(
            collect(&XPersonalization, other).1,
            Some(ErrorKind::WrongType)
        );
        let cut = &DOC[..DOC.len() / 2];
        let (out, error) = collect(&XPersonalization, cut);
        assert_eq!(error, Some(ErrorKind::Truncated));
        assert_eq!(out.inferred.len(), 3);
        assert_eq!(out.interests.len(), 2);
    }
}
