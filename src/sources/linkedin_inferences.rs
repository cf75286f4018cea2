//! What LinkedIn infers about the person (career stage, job seeking, interests…), with its
//! answer.
//!
//! Where from: LinkedIn's complete data export (see `guides::LINKEDIN`),
//! `Inferences_about_you.csv` at the archive's root.
//!
//! Shape (formats.md section 7): `Category,Type of inference,Description,Inference`, one row per
//! inference: `Career inferences,Freelancer,"Based on factors such as your profile experience,
//! summary, and headline.",true`. The answer is `Yes`, `No`, `true`, `false` or a score
//! (`0.0085…`). Each row is handed over as what LinkedIn inferred, labelled `Category – Type of
//! inference` (`Career inferences – Freelancer`: the type names the inference, the category
//! groups it; the description only says what it is based on, and is not kept), with the answer
//! as written.

use std::io::Read;

use super::linkedin::{self, find};
use super::{Claim, Source};
use crate::error::ErrorKind;
use crate::i18n::Lang;
use crate::model::social::Platform;
use crate::model::Sink;

/// `Inferences_about_you.csv`.
pub struct LinkedInInferences;

/// Where the columns read are.
#[derive(Clone, Copy)]
struct Columns {
    category: usize,
    kind: usize,
    answer: usize,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Option<Columns> {
        Some(Columns {
            category: find(header, "Category")?,
            kind: find(header, "Type of inference")?,
            answer: find(header, "Inference")?,
        })
    }
}

/// An answer read whole: a word LinkedIn writes, or a number (a cut-off `tr` is not).
fn whole_answer(answer: &str) -> bool {
    let answer = answer.trim();
    ["yes", "no", "true", "false"]
        .iter()
        .any(|w| answer.eq_ignore_ascii_case(w))
        || answer.parse::<f64>().is_ok()
}

fn hand_over(c: Columns, row: &csv::StringRecord, out: &mut dyn Sink) {
    let get = |i: usize| row.get(i).map(str::trim).unwrap_or_default();
    let (category, kind, answer) = (get(c.category), get(c.kind), get(c.answer));
    let label = match (category.is_empty(), kind.is_empty()) {
        (false, false) => format!("{category} – {kind}"),
        (true, false) => kind.to_owned(),
        (false, true) => category.to_owned(),
        (true, true) => return,
    };
    if !answer.is_empty() {
        out.inferred(&label, answer);
    }
}

impl Source for LinkedInInferences {
    fn id(&self) -> &'static str {
        "linkedin.inferences"
    }

    fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "LinkedIn, déductions sur vous (Inferences_about_you.csv)",
            Lang::En => "LinkedIn inferences about you (Inferences_about_you.csv)",
        }
    }

    #[cfg(feature = "guides")]
    fn guide(&self) -> &'static super::guides::Guide {
        &super::guides::LINKEDIN
    }

    fn social(&self) -> Option<Platform> {
        Some(Platform::LinkedIn)
    }

    fn detect(&self, _path: &str, head: &[u8]) -> Option<Claim> {
        linkedin::header_has(head, &["Category", "Type of inference", "Inference"]).then_some(
            Claim {
                source: self.id(),
                confidence: 90,
            },
        )
    }

    fn read(&self, reader: &mut dyn Read, out: &mut dyn Sink) -> Option<ErrorKind> {
        linkedin::read_rows(
            reader,
            Columns::find,
            |c, row| row.get(c.answer).is_some_and(whole_answer),
            |c, row| hand_over(c, row, out),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::collect;

    const FILE: &str = "Category,Type of inference,Description,Inference\n\
        Career inferences,Recruiter,Based on factors such as your experience and profile headline.,No\n\
        Career inferences,Freelancer,\"Based on factors such as your profile experience, summary, and headline.\",true\n\
        Career inferences,Likelihood to be a marketer,Based on your profile and other factors.,0.008506942256753853";

    #[test]
    fn each_row_is_an_inference_labelled_by_category_and_type() {
        let (out, error) = collect(&LinkedInInferences, FILE.as_bytes());
        assert_eq!(error, None);
        let inferred: Vec<(&str, &str)> = out
            .inferred
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            inferred,
            [
                ("Career inferences – Recruiter", "No"),
                ("Career inferences – Freelancer", "true"),
                (
                    "Career inferences – Likelihood to be a marketer",
                    "0.008506942256753853"
                )
            ]
        );
    }

    #[test]
    fn a_cut_file_keeps_the_rows_before_the_cut() {
        let true_at = FILE.find("true").unwrap();
        for cut in [true_at + 2, true_at - 10] {
            let (out, error) = collect(&LinkedInInferences, &FILE.as_bytes()[..cut]);
            assert_eq!((out.inferred.len(), error), (1, Some(ErrorKind::Truncated)));
        }
    }

    #[test]
    fn detection_and_other_files() {
        assert!(LinkedInInferences
            .detect("x.csv", FILE.as_bytes())
            .is_some());
        assert!(LinkedInInferences
            .detect("x.csv", b"Category,Value\n")
            .is_none());
        assert_eq!(
            collect(&LinkedInInferences, b"a,b\n1,2\n").1,
            Some(ErrorKind::WrongType)
        );
    }
}
