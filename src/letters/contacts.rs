//! Where to write: the data-protection contacts of the main services Reflet reads.
//!
//! Each entry is the contact a company publishes in its privacy policy for requests about
//! personal data (its data protection officer's form or address when it names one), with the
//! postal address of its establishment in the European Union. `source_url` is the policy page
//! that publishes it and `checked` the month of the knowledge this entry was written from: the
//! entries were compiled from the policies as published at that time, not fetched live (Reflet
//! makes no request, and neither did the build). Companies move and change their forms, so the
//! page always tells the person to check the address on the linked page before sending.

/// A company's published contact for personal-data requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    /// A stable identifier, for forms and links: `"meta"`.
    pub id: &'static str,
    /// The name people know: "Meta (Facebook, Instagram, Messenger)".
    pub name: &'static str,
    /// The company that answers for EU residents' data (the controller or its EU representative).
    pub legal_entity: &'static str,
    /// An e-mail address published for personal-data requests.
    pub email: Option<&'static str>,
    /// A web form published for personal-data requests.
    pub web_form: Option<&'static str>,
    /// The postal address's lines, after the legal entity's name.
    pub postal: &'static [&'static str],
    /// The privacy policy that publishes this contact.
    pub source_url: &'static str,
    /// When the contact was known to be published: `"YYYY-MM"`.
    pub checked: &'static str,
}

/// The month the entries below were compiled from the companies' published privacy policies.
const KNOWN: &str = "2024-06";

/// The main services Reflet reads, by name.
pub const CONTACTS: &[Contact] = &[
    Contact {
        id: "amazon",
        name: "Amazon",
        legal_entity: "Amazon Europe Core S.à r.l.",
        email: None,
        web_form: Some("https://www.amazon.fr/gp/help/customer/contact-us"),
        postal: &["38 avenue John F. Kennedy", "L-1855 Luxembourg", "Luxembourg"],
        source_url: "https://www.amazon.fr/gp/help/customer/display.html?nodeId=201909010",
        checked: KNOWN,
    },
    Contact {
        id: "apple",
        name: "Apple (iCloud, App Store, Health)",
        legal_entity: "Apple Distribution International Ltd.",
        email: None,
        web_form: Some("https://www.apple.com/legal/privacy/contact/"),
        postal: &[
            "Data Protection Officer",
            "Hollyhill Industrial Estate",
            "Hollyhill, Cork, T23 YK84",
            "Ireland",
        ],
        source_url: "https://www.apple.com/legal/privacy/fr-ww/",
        checked: KNOWN,
    },
    Contact {
        id: "enedis",
        name: "Enedis (Linky)",
        legal_entity: "Enedis",
        email: None,
        web_form: None,
        postal: &[
            "Délégué à la protection des données",
            "Tour Enedis, 34 place des Corolles",
            "92079 Paris La Défense Cedex",
            "France",
        ],
        source_url: "https://espace-client-particuliers.enedis.fr/web/espace-particuliers/donnees-personnelles",
        checked: KNOWN,
    },
    Contact {
        id: "google",
        name: "Google (YouTube, Maps, Gmail, Fit)",
        legal_entity: "Google Ireland Limited",
        email: None,
        web_form: Some("https://support.google.com/policies/contact/general_privacy_form"),
        postal: &[
            "Data Protection Office",
            "Gordon House, Barrow Street",
            "Dublin 4, D04 E5W5",
            "Ireland",
        ],
        source_url: "https://policies.google.com/privacy",
        checked: KNOWN,
    },
    Contact {
        id: "linkedin",
        name: "LinkedIn",
        legal_entity: "LinkedIn Ireland Unlimited Company",
        email: None,
        web_form: Some("https://www.linkedin.com/help/linkedin/ask/TSO-DPO"),
        postal: &[
            "Attn: Data Protection Officer",
            "Wilton Plaza, Wilton Place",
            "Dublin 2",
            "Ireland",
        ],
        source_url: "https://www.linkedin.com/legal/privacy-policy",
        checked: KNOWN,
    },
    Contact {
        id: "meta",
        name: "Meta (Facebook, Instagram, Messenger)",
        legal_entity: "Meta Platforms Ireland Limited",
        email: None,
        web_form: Some("https://www.facebook.com/help/contact/540977946302970"),
        postal: &[
            "Data Protection Officer",
            "Merrion Road",
            "Dublin 4, D04 X2K5",
            "Ireland",
        ],
        source_url: "https://www.facebook.com/privacy/policy/",
        checked: KNOWN,
    },
    Contact {
        id: "netflix",
        name: "Netflix",
        legal_entity: "Netflix International B.V.",
        email: Some("privacy@netflix.com"),
        web_form: None,
        postal: &["Karperstraat 8", "1075 KZ Amsterdam", "Netherlands"],
        source_url: "https://help.netflix.com/legal/privacy",
        checked: KNOWN,
    },
    Contact {
        id: "snapchat",
        name: "Snapchat",
        legal_entity: "Snap B.V.",
        email: Some("dpo@snap.com"),
        web_form: None,
        postal: &["Keizersgracht 165", "1016 DP Amsterdam", "Netherlands"],
        source_url: "https://values.snap.com/privacy/privacy-policy",
        checked: KNOWN,
    },
    Contact {
        id: "spotify",
        name: "Spotify",
        legal_entity: "Spotify AB",
        email: Some("privacy@spotify.com"),
        web_form: None,
        postal: &[
            "Attn: Data Protection Officer",
            "Regeringsgatan 19",
            "111 53 Stockholm",
            "Sweden",
        ],
        source_url: "https://www.spotify.com/fr/legal/privacy-policy/",
        checked: KNOWN,
    },
    Contact {
        id: "strava",
        name: "Strava",
        legal_entity: "Strava, Inc.",
        email: None,
        web_form: Some("https://support.strava.com/hc/en-us/requests/new"),
        postal: &[],
        source_url: "https://www.strava.com/legal/privacy",
        checked: KNOWN,
    },
    Contact {
        id: "tiktok",
        name: "TikTok",
        legal_entity: "TikTok Technology Limited",
        email: None,
        web_form: Some("https://www.tiktok.com/legal/report/privacy"),
        postal: &["10 Earlsfort Terrace", "Dublin, D02 T380", "Ireland"],
        source_url: "https://www.tiktok.com/legal/page/eea/privacy-policy/fr",
        checked: KNOWN,
    },
    Contact {
        id: "uber",
        name: "Uber",
        legal_entity: "Uber B.V.",
        email: None,
        web_form: None,
        postal: &[
            "Attn: Data Protection Officer",
            "Burgerweeshuispad 301",
            "1076 HR Amsterdam",
            "Netherlands",
        ],
        source_url: "https://www.uber.com/legal/fr/document/?name=privacy-notice&country=france&lang=fr",
        checked: KNOWN,
    },
    Contact {
        id: "whatsapp",
        name: "WhatsApp",
        legal_entity: "WhatsApp Ireland Limited",
        email: None,
        web_form: None,
        postal: &[
            "Attn: Privacy Policy",
            "Merrion Road",
            "Dublin 4, D04 X2K5",
            "Ireland",
        ],
        source_url: "https://www.whatsapp.com/legal/privacy-policy-eea",
        checked: KNOWN,
    },
    Contact {
        id: "x",
        name: "X (Twitter)",
        legal_entity: "Twitter International Unlimited Company",
        email: None,
        web_form: Some("https://help.x.com/forms/privacy"),
        postal: &[
            "Attn: Data Protection Officer",
            "One Cumberland Place, Fenian Street",
            "Dublin 2, D02 AX07",
            "Ireland",
        ],
        source_url: "https://x.com/fr/privacy",
        checked: KNOWN,
    },
];

/// The contact with this id.
pub fn find(id: &str) -> Option<&'static Contact> {
    CONTACTS.iter().find(|c| c.id == id)
}

/// Other names people and findings use for a listed company.
const ALIASES: &[(&str, &str)] = &[
    ("facebook", "meta"),
    ("instagram", "meta"),
    ("messenger", "meta"),
    ("youtube", "google"),
    ("chrome", "google"),
    ("twitter", "x"),
    ("linky", "enedis"),
];

/// The contact a company's name designates, ignoring case: its id, its name's first word, its
/// legal entity, or a known other name ("Facebook" → Meta). A finding that names a listed
/// service can then offer its published address.
pub fn matching(company: &str) -> Option<&'static Contact> {
    let wanted = company.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let id = ALIASES
        .iter()
        .find(|(alias, _)| *alias == wanted)
        .map_or(wanted.as_str(), |(_, id)| id);
    CONTACTS.iter().find(|c| {
        c.id == id
            || c.legal_entity.to_lowercase() == wanted
            || c.name.to_lowercase() == wanted
            || c.name.split(' ').next().map(str::to_lowercase).as_deref() == Some(wanted.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_plain() {
        let mut seen = std::collections::HashSet::new();
        for c in CONTACTS {
            assert!(seen.insert(c.id), "{} twice", c.id);
            assert!(
                !c.id.is_empty() && c.id.bytes().all(|b| b.is_ascii_lowercase()),
                "{}",
                c.id
            );
            assert_eq!(find(c.id), Some(c));
        }
    }

    #[test]
    fn every_contact_has_a_way_to_write_and_an_https_source() {
        for c in CONTACTS {
            assert!(
                c.email.is_some() || c.web_form.is_some() || !c.postal.is_empty(),
                "{}: no way to write",
                c.id
            );
            assert!(c.source_url.starts_with("https://"), "{}", c.id);
            if let Some(form) = c.web_form {
                assert!(form.starts_with("https://"), "{}", c.id);
            }
            if let Some(email) = c.email {
                assert!(email.contains('@') && !email.contains(' '), "{}", c.id);
            }
            assert!(!c.name.is_empty() && !c.legal_entity.is_empty(), "{}", c.id);
        }
    }

    #[test]
    fn checked_is_a_year_and_month() {
        for c in CONTACTS {
            let (year, month) = c.checked.split_once('-').expect(c.id);
            assert_eq!(year.len(), 4, "{}", c.id);
            assert_eq!(month.len(), 2, "{}", c.id);
            let year: u32 = year.parse().expect(c.id);
            let month: u32 = month.parse().expect(c.id);
            assert!((2018..=2100).contains(&year), "{}", c.id);
            assert!((1..=12).contains(&month), "{}", c.id);
        }
    }

    #[test]
    fn the_main_services_reflet_reads_are_listed() {
        for id in [
            "google", "meta", "snapchat", "tiktok", "x", "linkedin", "spotify", "netflix",
            "amazon", "uber", "strava", "apple", "enedis", "whatsapp",
        ] {
            assert!(find(id).is_some(), "{id}");
        }
    }

    #[test]
    fn a_finding_s_company_name_finds_its_contact() {
        assert_eq!(matching("Facebook").map(|c| c.id), Some("meta"));
        assert_eq!(matching(" instagram ").map(|c| c.id), Some("meta"));
        assert_eq!(matching("YouTube").map(|c| c.id), Some("google"));
        assert_eq!(matching("Spotify AB").map(|c| c.id), Some("spotify"));
        assert_eq!(matching("Twitter").map(|c| c.id), Some("x"));
        assert_eq!(matching("Acme Shoes"), None);
        assert_eq!(
            matching("Store"),
            None,
            "a word inside a name is not a name"
        );
        assert_eq!(matching(""), None);
    }
}
