//! The age X holds for the person.
//!
//! Where from: X's archive (see `guides::X`), `data/ageinfo.js`,
//! `window.YTD.ageinfo.part0 = [{"ageMeta": {"ageInfo": {"age": ["13-54"], "birthDate": ""}}}]`
//! (formats.md section 6). X's README describes `ageInfo` as the birth date given to X and the
//! age it makes; some archives write an `inferredAgeInfo` of the same shape beside it. Each
//! `age[]` value of either → `inferred("age", …)`, as written (a range such as `13-54`, or an
//! age). The birth date itself is not read.

use std::io::Read;

use serde_json::Value;

use super::x::{self, Step, Walker};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// `ageinfo.js`.
pub struct XAgeInfo;

const TYPES: [&str; 1] = ["ageinfo"];

struct Pass<'a> {
    out: &'a mut dyn Sink,
}

impl Walker for Pass<'_> {
    fn step(&mut self, path: &str) -> Step {
        match path {
            "$[]"
            | "$[].ageMeta"
            | "$[].ageMeta.ageInfo"
            | "$[].ageMeta.ageInfo.age"
            | "$[].ageMeta.ageInfo.age[]"
            | "$[].ageMeta.inferredAgeInfo"
            | "$[].ageMeta.inferredAgeInfo.age"
            | "$[].ageMeta.inferredAgeInfo.age[]" => Step::Descend,
            _ => Step::Skip,
        }
    }

    fn take(&mut self, path: &str, value: Value) {
        if path.ends_with(".age[]") {
            if let Some(age) = x::text(&value) {
                self.out.inferred("age", &age);
            }
        }
    }
}

impl Source for XAgeInfo {
    fn id(&self) -> &'static str {
        "x.ageinfo"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "X (Twitter), l'âge qu'il vous attribue",
            Lang::En => "X (Twitter), the age it holds for you",
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

    #[test]
    fn each_age_is_handed_over_as_written() {
        let doc = br#"window.YTD.ageinfo.part0 = [ { "ageMeta" : {
            "ageInfo" : { "age" : [ "25-34" ], "birthDate" : "1992-05-04" },
            "inferredAgeInfo" : { "age" : [ "18-34" ], "birthDate" : "" } } } ]"#;
        let (out, error) = collect(&XAgeInfo, doc);
        assert_eq!(error, None);
        assert_eq!(
            out.inferred,
            [
                ("age".to_owned(), "25-34".to_owned()),
                ("age".to_owned(), "18-34".to_owned())
            ]
        );
        let (_, error) = collect(&XAgeInfo, &doc[..doc.len() - 4]);
        assert_eq!(error, Some(ErrorKind::Truncated));
        let personalization = b"window.YTD.personalization.part0 = [";
        assert!(XAgeInfo
            .detect("data/ageinfo.js", personalization)
            .is_none());
    }
}
