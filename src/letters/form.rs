//! The letter page's form, as a pure state: what the person chose and typed, in memory only.
//! The page applies an [`Edit`] per input and draws the letter from it; [`Edit::Clear`] forgets
//! everything typed.

use super::contacts::{self, Contact};
use super::{compose, mailto, Letter, LetterPrefill, Recipient, Requester, Right};
use crate::i18n::Lang;

/// The `<select>`'s value for a company that is not listed.
pub const OTHER: &str = "other";

/// Which company the letter goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Company {
    /// None chosen yet.
    Unchosen,
    Listed(&'static Contact),
    /// One the person types (or a finding names).
    Other,
}

impl Company {
    /// The `<select>`'s value for it.
    pub fn value(self) -> &'static str {
        match self {
            Company::Unchosen => "",
            Company::Listed(c) => c.id,
            Company::Other => OTHER,
        }
    }

    /// The company a `<select>` value names.
    pub fn from_value(value: &str) -> Company {
        match value {
            OTHER => Company::Other,
            id => contacts::find(id).map_or(Company::Unchosen, Company::Listed),
        }
    }
}

/// The form's whole state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterForm {
    pub right: Right,
    pub company: Company,
    /// A company the person types: its name, postal address and e-mail address.
    pub other_name: String,
    pub other_address: String,
    pub other_email: String,
    pub requester: Requester,
    /// What a finding hands the page, if it was opened from one.
    pub prefill: Option<LetterPrefill>,
    /// The letter mentions the finding's sentence.
    pub include_context: bool,
    /// The person ticked "I understand that my mail program will receive these details".
    pub mail_consent: bool,
}

/// One change the person makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Right(Right),
    /// The `<select>`'s new value.
    Company(String),
    OtherName(String),
    OtherAddress(String),
    OtherEmail(String),
    Name(String),
    Address(String),
    Email(String),
    Account(String),
    IncludeContext(bool),
    MailConsent(bool),
    /// A finding opened the page (again): its company and sentence replace the company chosen.
    Prefill(Option<LetterPrefill>),
    /// Forget everything typed; a finding's company and sentence stay.
    Clear,
}

impl LetterForm {
    /// A fresh form: the right of access, and the finding's company when there is one (a listed
    /// service when its name designates one, "another company" typed with its name otherwise).
    pub fn new(prefill: Option<LetterPrefill>) -> LetterForm {
        let mut form = LetterForm {
            right: Right::Access,
            company: Company::Unchosen,
            other_name: String::new(),
            other_address: String::new(),
            other_email: String::new(),
            requester: Requester::default(),
            prefill: None,
            include_context: true,
            mail_consent: false,
        };
        form.prefill_with(prefill);
        form
    }

    fn prefill_with(&mut self, prefill: Option<LetterPrefill>) {
        if let Some(p) = &prefill {
            if let Some(contact) = contacts::matching(&p.company) {
                self.company = Company::Listed(contact);
            } else {
                self.company = Company::Other;
                self.other_name.clone_from(&p.company);
                self.other_address.clear();
                self.other_email.clear();
            }
            self.include_context = true;
        }
        self.prefill = prefill;
    }

    /// Applies one change.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Right(right) => self.right = right,
            Edit::Company(value) => {
                self.company = Company::from_value(&value);
                // The finding is about one company: a letter to another does not quote it.
                if let Some(p) = &self.prefill {
                    let same = match self.company {
                        Company::Listed(c) => {
                            contacts::matching(&p.company).is_some_and(|m| m.id == c.id)
                        }
                        Company::Other => true,
                        Company::Unchosen => false,
                    };
                    self.include_context &= same;
                }
            }
            Edit::OtherName(v) => self.other_name = v,
            Edit::OtherAddress(v) => self.other_address = v,
            Edit::OtherEmail(v) => self.other_email = v,
            Edit::Name(v) => self.requester.name = v,
            Edit::Address(v) => self.requester.address = v,
            Edit::Email(v) => self.requester.email = v,
            Edit::Account(v) => self.requester.account = v,
            Edit::IncludeContext(on) => self.include_context = on,
            Edit::MailConsent(on) => self.mail_consent = on,
            Edit::Prefill(prefill) => self.prefill_with(prefill),
            Edit::Clear => *self = LetterForm::new(self.prefill.take()),
        }
    }

    /// The listed company chosen, if any.
    pub fn contact(&self) -> Option<&'static Contact> {
        match self.company {
            Company::Listed(c) => Some(c),
            Company::Unchosen | Company::Other => None,
        }
    }

    /// Whom the letter is addressed to.
    pub fn recipient(&self) -> Recipient {
        match self.company {
            Company::Listed(c) => Recipient::from_contact(c),
            Company::Other => {
                Recipient::typed(&self.other_name, &self.other_address, &self.other_email)
            }
            Company::Unchosen => Recipient::default(),
        }
    }

    /// The finding's sentence in `lang`, when the letter mentions it.
    pub fn context(&self, lang: Lang) -> Option<&str> {
        self.prefill
            .as_ref()
            .filter(|_| self.include_context)
            .map(|p| p.context.get(lang))
            .filter(|c| !c.trim().is_empty())
    }

    /// The letter as it stands.
    pub fn letter(&self, lang: Lang, today: (i32, u32, u32)) -> Letter {
        compose(
            lang,
            self.right,
            &self.recipient(),
            &self.requester,
            self.context(lang),
            today,
        )
    }

    /// The `mailto:` link, only once the person has accepted that their mail program receives
    /// the letter, and only when the company's e-mail address is known.
    pub fn mailto(&self, letter: &Letter) -> Option<String> {
        if !self.mail_consent {
            return None;
        }
        mailto(letter, self.recipient().email.as_deref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i32, u32, u32) = (2025, 3, 1);

    fn finding(company: &str) -> LetterPrefill {
        LetterPrefill {
            company: company.to_owned(),
            context: crate::i18n::Messages {
                fr: "Cet annonceur a téléversé sur Facebook une liste qui me contient.".to_owned(),
                en: "This advertiser uploaded a list containing me to Facebook (Meta).".to_owned(),
            },
        }
    }

    #[test]
    fn a_fresh_form_asks_for_access_from_no_one_yet() {
        let form = LetterForm::new(None);
        assert_eq!(form.right, Right::Access);
        assert_eq!(form.company, Company::Unchosen);
        assert_eq!(form.context(Lang::En), None);
        assert!(!form.mail_consent);
        let body = form.letter(Lang::En, TODAY).body;
        assert!(body.contains("[company name]") && body.contains("[your name]"));
    }

    #[test]
    fn a_finding_names_the_company_and_says_why() {
        let form = LetterForm::new(Some(finding("Acme Shoes")));
        assert_eq!(form.company, Company::Other);
        assert_eq!(form.other_name, "Acme Shoes");
        let body = form.letter(Lang::En, TODAY).body;
        assert!(body.contains("\nAcme Shoes\n[company address]\n"));
        assert!(body.contains("uploaded a list containing me"));
        // In the language the letter is written in.
        assert!(form
            .letter(Lang::Fr, TODAY)
            .body
            .contains("une liste qui me contient"));
        assert!(body.contains("15(1)(g)"));
        // The person may leave the sentence out.
        let mut form = form;
        form.apply(Edit::IncludeContext(false));
        assert!(!form
            .letter(Lang::En, TODAY)
            .body
            .contains("uploaded a list"));
        // A listed service's name picks its published contact.
        let mut form = LetterForm::new(Some(finding("Facebook")));
        assert_eq!(form.contact().map(|c| c.id), Some("meta"));
        assert!(form.context(Lang::En).is_some());
        // A letter to another company does not quote a finding about this one.
        form.apply(Edit::Company("spotify".to_owned()));
        assert_eq!(form.context(Lang::En), None);
    }

    #[test]
    fn edits_fill_the_letter() {
        let mut form = LetterForm::new(None);
        form.apply(Edit::Company("spotify".to_owned()));
        form.apply(Edit::Right(Right::Portability));
        form.apply(Edit::Name("Camille Martin".to_owned()));
        form.apply(Edit::Address("1 rue A\n75001 Paris".to_owned()));
        form.apply(Edit::Email("c@example.org".to_owned()));
        form.apply(Edit::Account("camille".to_owned()));
        let letter = form.letter(Lang::Fr, TODAY);
        assert!(letter.subject.contains("article 20"));
        assert!(letter
            .body
            .starts_with("Camille Martin\n1 rue A\n75001 Paris\nc@example.org\n\nSpotify AB\n"));
        assert!(!letter.body.contains('['));
        form.apply(Edit::Company("nothing-listed".to_owned()));
        assert_eq!(form.company, Company::Unchosen);
        form.apply(Edit::Company(OTHER.to_owned()));
        form.apply(Edit::OtherName("Acme".to_owned()));
        form.apply(Edit::OtherEmail("dpo@acme.example".to_owned()));
        assert_eq!(form.recipient().email.as_deref(), Some("dpo@acme.example"));
    }

    #[test]
    fn mailto_only_after_consent_and_with_an_address() {
        let mut form = LetterForm::new(None);
        form.apply(Edit::Company("netflix".to_owned()));
        let letter = form.letter(Lang::En, TODAY);
        assert_eq!(form.mailto(&letter), None, "never without consent");
        form.apply(Edit::MailConsent(true));
        let url = form.mailto(&letter).unwrap();
        assert!(url.starts_with("mailto:privacy@netflix.com?subject="));
        form.apply(Edit::Company("meta".to_owned()));
        assert_eq!(
            form.mailto(&letter),
            None,
            "Meta publishes a form, no e-mail address"
        );
    }

    #[test]
    fn clear_forgets_what_was_typed_but_keeps_the_finding() {
        let mut form = LetterForm::new(Some(finding("Acme Shoes")));
        form.apply(Edit::Name("Camille".to_owned()));
        form.apply(Edit::Account("+33 6 00 00 00 00".to_owned()));
        form.apply(Edit::OtherEmail("dpo@acme.example".to_owned()));
        form.apply(Edit::MailConsent(true));
        form.apply(Edit::Right(Right::Erasure));
        form.apply(Edit::Clear);
        assert_eq!(form, LetterForm::new(Some(finding("Acme Shoes"))));
        assert_eq!(form.requester, Requester::default());
        // Another finding replaces the company.
        form.apply(Edit::Prefill(Some(finding("Snapchat"))));
        assert_eq!(form.contact().map(|c| c.id), Some("snapchat"));
        form.apply(Edit::Prefill(None));
        assert_eq!(form.context(Lang::En), None);
    }

    #[test]
    fn select_values_round_trip() {
        for company in [
            Company::Unchosen,
            Company::Other,
            Company::Listed(contacts::find("google").unwrap()),
        ] {
            assert_eq!(Company::from_value(company.value()), company);
        }
    }
}
