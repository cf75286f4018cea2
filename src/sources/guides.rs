//! How to ask each service for its export: one [`Guide`] per way of getting one, in French and
//! English. Every source names its guide ([`super::Source::guide`]); [`guides`] walks the registry
//! and lists each guide with the files Reflet reads from that export, so a new source brings its
//! guide to the "Get your data" page.
//!
//! The official addresses were taken from each service's own help or settings pages (noted beside
//! each one); the steps follow those pages and `../shared/formats.md`.

use super::{Source, SOURCES};
use crate::i18n::Lang;

/// One way of getting an export: a service's procedure, in both languages.
#[derive(Debug)]
pub struct Guide {
    /// Stable id, also the page's anchor (`guide-<id>`).
    pub id: &'static str,
    /// The service's own page to ask for the export (`https://`); `None` when there is no single
    /// service (your bank, any map app).
    pub url: Option<&'static str>,
    pub fr: GuideText,
    pub en: GuideText,
}

/// A guide's words in one language.
#[derive(Debug)]
pub struct GuideText {
    /// The service, as a heading.
    pub name: &'static str,
    /// Where to click, in order: short imperative sentences.
    pub steps: &'static [&'static str],
    /// The format to choose, and why.
    pub format: &'static str,
    /// How long the service takes to prepare it.
    pub takes: &'static str,
    pub tip: Option<&'static str>,
}

impl Guide {
    pub fn text(&self, lang: Lang) -> &GuideText {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The host of the official page (`takeout.google.com`, `amazon.fr` for `www.amazon.fr`), to
    /// say where the link leads.
    pub fn host(&self) -> Option<&'static str> {
        let host = self.url?.strip_prefix("https://")?.split('/').next()?;
        Some(host.strip_prefix("www.").unwrap_or(host))
    }
}

/// Every guide reached from the registry, each with the sources it leads to (registry order),
/// sorted by the service's name in `lang`.
pub fn guides(lang: Lang) -> Vec<(&'static Guide, Vec<&'static dyn Source>)> {
    let key = |g: &Guide| g.text(lang).name.bytes().map(|b| b.to_ascii_lowercase());
    let mut out: Vec<(&'static Guide, Vec<&'static dyn Source>)> = Vec::new();
    for &source in SOURCES {
        let guide = source.guide();
        if let Some((_, sources)) = out.iter_mut().find(|(g, _)| g.id == guide.id) {
            sources.push(source);
            continue;
        }
        // Each new guide goes in its place by name (no sort, to keep the module small).
        let at = out
            .iter()
            .position(|(g, _)| key(g).gt(key(guide)))
            .unwrap_or(out.len());
        out.insert(at, (guide, vec![source]));
    }
    out
}

/// The guide of a Meta platform's export.
pub(super) fn meta(platform: super::meta::Meta) -> &'static Guide {
    match platform {
        super::meta::Meta::Facebook => &FACEBOOK,
        super::meta::Meta::Instagram => &INSTAGRAM,
    }
}

// Google's export tool itself.
pub(super) static TAKEOUT: Guide = Guide {
    id: "google.takeout",
    url: Some("https://takeout.google.com/"),
    fr: GuideText {
        name: "Google Takeout",
        steps: &[
            "Sur un ordinateur, ouvrez takeout.google.com et connectez-vous à votre compte Google.",
            "Cliquez sur «\u{a0}Tout désélectionner\u{a0}», puis cochez seulement ce que Reflet \
             lit\u{a0}: «\u{a0}Mon activité\u{a0}», «\u{a0}YouTube et YouTube Music\u{a0}», \
             «\u{a0}Chrome\u{a0}», «\u{a0}Fit\u{a0}» et, s'il est proposé, «\u{a0}Historique des \
             positions (Timeline)\u{a0}».",
            "Sous «\u{a0}Mon activité\u{a0}», cliquez sur «\u{a0}Formats multiples\u{a0}» et \
             choisissez JSON à la place de HTML\u{a0}; faites de même pour l'historique de \
             «\u{a0}YouTube et YouTube Music\u{a0}».",
            "Cliquez sur «\u{a0}Étape suivante\u{a0}», gardez l'envoi du lien par e-mail, une \
             seule exportation et le type .zip, puis cliquez sur «\u{a0}Créer une \
             exportation\u{a0}».",
            "Quand l'e-mail de Google arrive, téléchargez toutes les parties de l'archive \
             (takeout-…-001.zip, -002.zip…) et ajoutez-les dans Reflet telles quelles, sans les \
             décompresser.",
        ],
        format: "JSON pour «\u{a0}Mon activité\u{a0}» et l'historique YouTube (Google propose \
                 HTML par défaut)\u{a0}: plus léger, avec des dates exactes. HTML se lit aussi.",
        takes: "De quelques minutes à quelques jours, selon la taille du compte. Le lien reste \
                valable une semaine.",
        tip: Some(
            "Depuis 2024, Google ne met plus votre historique des positions dans Takeout\u{a0}: \
             il est sur votre téléphone (voir «\u{a0}Google Maps, Vos trajets\u{a0}»). Seules \
             les archives plus anciennes contiennent Records.json et Semantic Location History.",
        ),
    },
    en: GuideText {
        name: "Google Takeout",
        steps: &[
            "On a computer, open takeout.google.com and sign in to your Google account.",
            "Click \"Deselect all\", then tick only what Reflet reads: \"My Activity\", \"YouTube \
             and YouTube Music\", \"Chrome\", \"Fit\" and, if offered, \"Location History \
             (Timeline)\".",
            "Under \"My Activity\", click \"Multiple formats\" and choose JSON instead of HTML; do \
             the same for the history of \"YouTube and YouTube Music\".",
            "Click \"Next step\", keep the download link by email, a single export and the .zip \
             type, then click \"Create export\".",
            "When Google's email arrives, download every part of the archive \
             (takeout-…-001.zip, -002.zip…) and add them to Reflet as they are, without unzipping \
             them.",
        ],
        format: "JSON for \"My Activity\" and the YouTube history (Google offers HTML by \
                 default): lighter, with exact dates. HTML is read too.",
        takes: "From a few minutes to a few days, depending on the account's size. The link works \
                for a week.",
        tip: Some(
            "Since 2024 Google no longer puts your Location History in Takeout: it is on your \
             phone (see \"Google Maps Timeline\"). Only older archives hold Records.json and \
             Semantic Location History.",
        ),
    },
};

const TIMELINE_FR_TAKES: &str = "Quelques secondes, sur le téléphone.";
const TIMELINE_EN_TAKES: &str = "A few seconds, on the phone.";
const TIMELINE_FR_TIP: &str = "Le fichier ne contient que ce que le téléphone a gardé, selon le \
     réglage de suppression automatique de Vos trajets (souvent 3\u{a0}mois). Depuis 2024, Google \
     ne garde plus cet historique en ligne.";
const TIMELINE_EN_TIP: &str = "The file holds only what the phone kept, per Timeline's \
     auto-delete setting (often 3 months). Since 2024 Google no longer keeps this history online.";

// Google Maps Help, "Manage your Timeline", Android tab.
pub(super) static TIMELINE_ANDROID: Guide = Guide {
    id: "google.timeline.android",
    url: Some("https://support.google.com/maps/answer/6258979?co=GENIE.Platform%3DAndroid"),
    fr: GuideText {
        name: "Google Maps, Vos trajets (Android)",
        steps: &[
            "Sur le téléphone Android qui enregistre vos trajets, ouvrez l'application Paramètres.",
            "Touchez «\u{a0}Localisation\u{a0}» (ou «\u{a0}Position\u{a0}»), puis «\u{a0}Services \
             de localisation\u{a0}», puis «\u{a0}Vos trajets\u{a0}» (Timeline).",
            "Touchez «\u{a0}Exporter les données Vos trajets\u{a0}», puis «\u{a0}Continuer\u{a0}».",
            "Choisissez où enregistrer le fichier (par exemple Téléchargements)\u{a0}: vous \
             obtenez Timeline.json.",
            "Ajoutez ce fichier dans Reflet tel quel, sur le téléphone ou après l'avoir copié sur \
             un ordinateur.",
        ],
        format: "JSON, le seul format proposé (Timeline.json).",
        takes: TIMELINE_FR_TAKES,
        tip: Some(TIMELINE_FR_TIP),
    },
    en: GuideText {
        name: "Google Maps Timeline (Android)",
        steps: &[
            "On the Android phone that records your Timeline, open the Settings app.",
            "Tap \"Location\", then \"Location services\", then \"Timeline\".",
            "Tap \"Export Timeline data\", then \"Continue\".",
            "Choose where to save the file (Downloads, for instance): you get Timeline.json.",
            "Add that file to Reflet as it is, on the phone or after copying it to a computer.",
        ],
        format: "JSON, the only format offered (Timeline.json).",
        takes: TIMELINE_EN_TAKES,
        tip: Some(TIMELINE_EN_TIP),
    },
};

// Google Maps Help, "Manage your Timeline", iPhone & iPad tab.
pub(super) static TIMELINE_IPHONE: Guide = Guide {
    id: "google.timeline.iphone",
    url: Some("https://support.google.com/maps/answer/6258979?co=GENIE.Platform%3DiOS"),
    fr: GuideText {
        name: "Google Maps, Vos trajets (iPhone)",
        steps: &[
            "Sur l'iPhone, ouvrez l'application Google Maps.",
            "Touchez votre photo de profil, puis «\u{a0}Paramètres\u{a0}».",
            "Touchez «\u{a0}Contenu personnel\u{a0}» (ou «\u{a0}Position et \
             confidentialité\u{a0}», selon la version), puis «\u{a0}Exporter les données Vos \
             trajets\u{a0}».",
            "Enregistrez location-history.json dans Fichiers (ou envoyez-le par AirDrop sur un \
             ordinateur).",
            "Ajoutez ce fichier dans Reflet tel quel.",
        ],
        format: "JSON, le seul format proposé (location-history.json).",
        takes: TIMELINE_FR_TAKES,
        tip: Some(TIMELINE_FR_TIP),
    },
    en: GuideText {
        name: "Google Maps Timeline (iPhone)",
        steps: &[
            "On the iPhone, open the Google Maps app.",
            "Tap your profile picture, then \"Settings\".",
            "Tap \"Personal content\" (or \"Location & privacy\", depending on the version), then \
             \"Export Timeline data\".",
            "Save location-history.json to Files (or AirDrop it to a computer).",
            "Add that file to Reflet as it is.",
        ],
        format: "JSON, the only format offered (location-history.json).",
        takes: TIMELINE_EN_TAKES,
        tip: Some(TIMELINE_EN_TIP),
    },
};

/// The steps Facebook and Instagram share once in the Accounts Center.
macro_rules! meta_steps {
    ($fr_open:literal, $fr_profile:literal, $en_open:literal, $en_profile:literal) => {
        (
            &[
                $fr_open,
                "Touchez «\u{a0}Vos informations et autorisations\u{a0}», «\u{a0}Exporter vos \
                 informations\u{a0}», puis «\u{a0}Créer une exportation\u{a0}».",
                $fr_profile,
                "Gardez toutes les informations, choisissez la période «\u{a0}Depuis le \
                 début\u{a0}», le format JSON (HTML est proposé d'abord) et une qualité des \
                 médias basse, puis lancez l'exportation.",
                "Quand la notification ou l'e-mail arrive, revenez dans «\u{a0}Exporter vos \
                 informations\u{a0}», téléchargez chaque partie et ajoutez-les dans Reflet telles \
                 quelles.",
            ],
            &[
                $en_open,
                "Tap \"Your information and permissions\", \"Export your information\", then \
                 \"Create export\".",
                $en_profile,
                "Keep all information, choose \"All time\", the JSON format (HTML is offered \
                 first) and a low media quality, then start the export.",
                "When the notification or email arrives, go back to \"Export your \
                 information\", download each part and add them to Reflet as they are.",
            ],
        )
    };
}

const META_STEPS: (&[&str], &[&str]) = meta_steps!(
    "Dans Facebook, ouvrez le menu, «\u{a0}Paramètres et confidentialité\u{a0}», \
     «\u{a0}Paramètres\u{a0}», puis l'Espace Comptes.",
    "Choisissez votre profil Facebook, puis «\u{a0}Exporter vers l'appareil\u{a0}».",
    "In Facebook, open the menu, \"Settings & privacy\", \"Settings\", then Accounts Center.",
    "Pick your Facebook profile, then \"Export to device\"."
);
const INSTAGRAM_STEPS: (&[&str], &[&str]) = meta_steps!(
    "Dans Instagram, touchez votre profil, le menu ☰, puis l'Espace Comptes.",
    "Choisissez votre compte Instagram, puis «\u{a0}Exporter vers l'appareil\u{a0}».",
    "In Instagram, tap your profile, the ☰ menu, then Accounts Center.",
    "Pick your Instagram account, then \"Export to device\"."
);
const META_FR_FORMAT: &str = "JSON\u{a0}: Reflet ne lit pas la version HTML, proposée par défaut.";
const META_EN_FORMAT: &str = "JSON: Reflet does not read the HTML version, offered by default.";
const META_FR_TAKES: &str = "De quelques minutes à quelques jours\u{a0}; le fichier reste \
                             téléchargeable 4\u{a0}jours.";
const META_EN_TAKES: &str = "From a few minutes to a few days; the file can be downloaded for \
                             4 days.";
const META_FR_TIP: &str = "Une qualité des médias basse rend l'archive bien plus légère\u{a0}: \
                           Reflet lit les données, pas les photos.";
const META_EN_TIP: &str = "A low media quality makes the archive much lighter: Reflet reads the \
                           data, not the photos.";

// Meta's Accounts Center, "Export your information".
pub(super) static FACEBOOK: Guide = Guide {
    id: "facebook",
    url: Some("https://accountscenter.facebook.com/info_and_permissions/dyi/"),
    fr: GuideText {
        name: "Facebook",
        steps: META_STEPS.0,
        format: META_FR_FORMAT,
        takes: META_FR_TAKES,
        tip: Some(META_FR_TIP),
    },
    en: GuideText {
        name: "Facebook",
        steps: META_STEPS.1,
        format: META_EN_FORMAT,
        takes: META_EN_TAKES,
        tip: Some(META_EN_TIP),
    },
};

// Meta's Accounts Center, "Export your information", on Instagram's domain.
pub(super) static INSTAGRAM: Guide = Guide {
    id: "instagram",
    url: Some("https://accountscenter.instagram.com/info_and_permissions/dyi/"),
    fr: GuideText {
        name: "Instagram",
        steps: INSTAGRAM_STEPS.0,
        format: META_FR_FORMAT,
        takes: META_FR_TAKES,
        tip: Some(META_FR_TIP),
    },
    en: GuideText {
        name: "Instagram",
        steps: INSTAGRAM_STEPS.1,
        format: META_EN_FORMAT,
        takes: META_EN_TAKES,
        tip: Some(META_EN_TIP),
    },
};

// Snapchat's accounts site, "My Data".
pub(super) static SNAPCHAT: Guide = Guide {
    id: "snapchat",
    url: Some("https://accounts.snapchat.com/accounts/downloadmydata"),
    fr: GuideText {
        name: "Snapchat",
        steps: &[
            "Sur accounts.snapchat.com (ou dans Snapchat\u{a0}: Paramètres, «\u{a0}Mes \
             données\u{a0}»), connectez-vous et ouvrez «\u{a0}Mes données\u{a0}».",
            "Cochez au moins ce que Reflet lit\u{a0}: «\u{a0}Historique de localisation\u{a0}», \
             «\u{a0}Historique de connexion et informations du compte\u{a0}», «\u{a0}Amis\u{a0}», \
             «\u{a0}Historique des discussions\u{a0}», «\u{a0}Historique des snaps\u{a0}» et \
             «\u{a0}Profils utilisateur et publics\u{a0}».",
            "Choisissez le format JSON et la période la plus longue, puis envoyez la demande.",
            "Quand l'e-mail arrive, téléchargez le zip (mydata~….zip) et ajoutez-le dans Reflet \
             tel quel.",
        ],
        format: "JSON\u{a0}: Reflet lit les fichiers du dossier json/, pas la version HTML.",
        takes: "De quelques heures à quelques jours.",
        tip: Some(
            "Sans les souvenirs ni les médias des discussions, l'archive reste légère\u{a0}: \
             Reflet ne les lit pas.",
        ),
    },
    en: GuideText {
        name: "Snapchat",
        steps: &[
            "On accounts.snapchat.com (or in Snapchat: Settings, \"My Data\"), sign in and open \
             \"My Data\".",
            "Tick at least what Reflet reads: \"Location History\", \"Login History and Account \
             Information\", \"Friends\", \"Chat History\", \"Snap History\" and \"User & Public \
             Profiles\".",
            "Choose the JSON format and the longest period, then submit the request.",
            "When the email arrives, download the zip (mydata~….zip) and add it to Reflet as it \
             is.",
        ],
        format: "JSON: Reflet reads the files of the json/ folder, not the HTML version.",
        takes: "From a few hours to a few days.",
        tip: Some(
            "Without memories and chat media the archive stays light: Reflet does not read them.",
        ),
    },
};

// TikTok's settings page, "Download your data".
pub(super) static TIKTOK: Guide = Guide {
    id: "tiktok",
    url: Some("https://www.tiktok.com/setting/download-your-data"),
    fr: GuideText {
        name: "TikTok",
        steps: &[
            "Dans TikTok, touchez «\u{a0}Profil\u{a0}», le menu ☰, puis «\u{a0}Paramètres et \
             confidentialité\u{a0}».",
            "Touchez «\u{a0}Compte\u{a0}», puis «\u{a0}Télécharger vos données\u{a0}».",
            "Choisissez «\u{a0}Toutes les données\u{a0}» et le format JSON, puis touchez \
             «\u{a0}Demander les données\u{a0}».",
            "Quand le fichier est prêt, téléchargez-le depuis l'onglet «\u{a0}Télécharger les \
             données\u{a0}» et ajoutez le zip dans Reflet tel quel.",
        ],
        format: "JSON (un seul fichier, user_data_tiktok.json), le plus complet. Le format TXT se \
                 lit aussi, en partie.",
        takes: "De quelques heures à quelques jours\u{a0}; le fichier reste téléchargeable \
                4\u{a0}jours.",
        tip: None,
    },
    en: GuideText {
        name: "TikTok",
        steps: &[
            "In TikTok, tap \"Profile\", the ☰ menu, then \"Settings and privacy\".",
            "Tap \"Account\", then \"Download your data\".",
            "Choose \"All data\" and the JSON format, then tap \"Request data\".",
            "When the file is ready, download it from the \"Download data\" tab and add the zip to \
             Reflet as it is.",
        ],
        format: "JSON (a single file, user_data_tiktok.json), the most complete. The TXT format \
                 is read too, in part.",
        takes: "From a few hours to a few days; the file can be downloaded for 4 days.",
        tip: None,
    },
};

// X's settings page, "Download an archive of your data".
pub(super) static X: Guide = Guide {
    id: "x",
    url: Some("https://x.com/settings/download_your_data"),
    fr: GuideText {
        name: "X (Twitter)",
        steps: &[
            "Sur X (anciennement Twitter), ouvrez «\u{a0}Paramètres et confidentialité\u{a0}», \
             puis «\u{a0}Votre compte\u{a0}».",
            "Choisissez «\u{a0}Télécharger une archive de vos données\u{a0}» et confirmez votre \
             mot de passe.",
            "Saisissez le code reçu, puis touchez «\u{a0}Demander l'archive\u{a0}».",
            "Quand le lien arrive (par e-mail et dans l'application), téléchargez \
             twitter-AAAA-MM-JJ-….zip et ajoutez-le dans Reflet tel quel.",
        ],
        format: "Le seul proposé\u{a0}: un zip dont les données sont dans le dossier data/ \
                 (fichiers .js qui contiennent du JSON).",
        takes: "24\u{a0}heures ou plus.",
        tip: None,
    },
    en: GuideText {
        name: "X (Twitter)",
        steps: &[
            "On X (formerly Twitter), open \"Settings and privacy\", then \"Your account\".",
            "Choose \"Download an archive of your data\" and confirm your password.",
            "Enter the code you receive, then tap \"Request archive\".",
            "When the link arrives (by email and in the app), download twitter-YYYY-MM-DD-….zip \
             and add it to Reflet as it is.",
        ],
        format: "The only one offered: a zip whose data is in the data/ folder (.js files that \
                 hold JSON).",
        takes: "24 hours or more.",
        tip: None,
    },
};

// LinkedIn's settings, "Download your data".
pub(super) static LINKEDIN: Guide = Guide {
    id: "linkedin",
    url: Some("https://www.linkedin.com/mypreferences/d/download-my-data"),
    fr: GuideText {
        name: "LinkedIn",
        steps: &[
            "Sur linkedin.com, ouvrez «\u{a0}Moi\u{a0}», puis «\u{a0}Préférences et \
             confidentialité\u{a0}».",
            "Ouvrez «\u{a0}Confidentialité des données\u{a0}», puis «\u{a0}Obtenir une copie de \
             vos données\u{a0}».",
            "Choisissez la grande archive (avec les relations, le ciblage publicitaire et ce que \
             LinkedIn déduit de vous), puis «\u{a0}Demander l'archive\u{a0}».",
            "Quand l'e-mail annonçant l'archive complète arrive, téléchargez le zip et ajoutez-le \
             dans Reflet tel quel.",
        ],
        format: "CSV, le seul format proposé.",
        takes: "Une première partie en quelques minutes, l'archive complète en 24\u{a0}heures \
                environ.",
        tip: Some(
            "Attendez l'archive complète (Complete_LinkedInDataExport_….zip)\u{a0}: la première, \
             plus petite, n'a pas tout ce que Reflet lit.",
        ),
    },
    en: GuideText {
        name: "LinkedIn",
        steps: &[
            "On linkedin.com, open \"Me\", then \"Settings & Privacy\".",
            "Open \"Data privacy\", then \"Get a copy of your data\".",
            "Choose the larger archive (with connections, ad targeting and what LinkedIn infers \
             about you), then \"Request archive\".",
            "When the email about the complete archive arrives, download the zip and add it to \
             Reflet as it is.",
        ],
        format: "CSV, the only format offered.",
        takes: "A first part within minutes, the complete archive within about 24 hours.",
        tip: Some(
            "Wait for the complete archive (Complete_LinkedInDataExport_….zip): the first, smaller \
             one lacks some of what Reflet reads.",
        ),
    },
};

// Spotify's account page, "Privacy settings".
pub(super) static SPOTIFY: Guide = Guide {
    id: "spotify",
    url: Some("https://www.spotify.com/account/privacy/"),
    fr: GuideText {
        name: "Spotify",
        steps: &[
            "Sur spotify.com, dans un navigateur, connectez-vous et ouvrez votre compte, puis \
             «\u{a0}Paramètres de confidentialité\u{a0}».",
            "Sous «\u{a0}Télécharger vos données\u{a0}», cochez «\u{a0}Données du compte\u{a0}» \
             et, pour toute votre histoire, «\u{a0}Historique de streaming étendu\u{a0}».",
            "Demandez les données, puis confirmez depuis l'e-mail que Spotify envoie aussitôt.",
            "Quand l'e-mail annonçant vos données arrive, téléchargez my_spotify_data.zip et \
             ajoutez-le dans Reflet tel quel.",
        ],
        format: "JSON, le seul format proposé.",
        takes: "Environ 5\u{a0}jours pour les données du compte, jusqu'à 30\u{a0}jours pour \
                l'historique étendu (souvent moins).",
        tip: Some(
            "Les données du compte couvrent la dernière année d'écoute et vos segments marketing \
             (Inferences.json)\u{a0}; l'historique étendu couvre toute la vie du compte, avec les \
             appareils et adresses IP.",
        ),
    },
    en: GuideText {
        name: "Spotify",
        steps: &[
            "On spotify.com, in a browser, sign in and open your account, then \"Privacy \
             settings\".",
            "Under \"Download your data\", tick \"Account data\" and, for your whole history, \
             \"Extended streaming history\".",
            "Request the data, then confirm from the email Spotify sends at once.",
            "When the email saying your data is ready arrives, download my_spotify_data.zip and \
             add it to Reflet as it is.",
        ],
        format: "JSON, the only format offered.",
        takes: "About 5 days for the account data, up to 30 days for the extended history (often \
                less).",
        tip: Some(
            "The account data covers the last year of listening and your marketing segments \
             (Inferences.json); the extended history covers the account's whole life, with \
             devices and IP addresses.",
        ),
    },
};

// Netflix's account page, "Download your personal information".
pub(super) static NETFLIX: Guide = Guide {
    id: "netflix",
    url: Some("https://www.netflix.com/account/getmyinfo"),
    fr: GuideText {
        name: "Netflix",
        steps: &[
            "Sur netflix.com, connectez-vous avec le compte principal et ouvrez \
             «\u{a0}Compte\u{a0}».",
            "Ouvrez «\u{a0}Sécurité et confidentialité\u{a0}», puis «\u{a0}Télécharger vos \
             informations personnelles\u{a0}».",
            "Envoyez la demande, puis confirmez-la depuis l'e-mail que Netflix envoie aussitôt.",
            "Quand le lien arrive, téléchargez netflix-report.zip et ajoutez-le dans Reflet tel \
             quel.",
        ],
        format: "CSV, le seul format proposé.",
        takes: "Jusqu'à 30\u{a0}jours, souvent quelques jours.",
        tip: Some(
            "CONTENT_INTERACTION/ViewingActivity.csv liste ce que chaque profil a regardé, DEVICES \
             et IP_ADDRESSES les appareils et adresses.",
        ),
    },
    en: GuideText {
        name: "Netflix",
        steps: &[
            "On netflix.com, sign in with the main account and open \"Account\".",
            "Open \"Security & privacy\", then \"Download your personal information\".",
            "Submit the request, then confirm it from the email Netflix sends at once.",
            "When the link arrives, download netflix-report.zip and add it to Reflet as it is.",
        ],
        format: "CSV, the only format offered.",
        takes: "Up to 30 days, often a few days.",
        tip: Some(
            "CONTENT_INTERACTION/ViewingActivity.csv lists what each profile watched, DEVICES and \
             IP_ADDRESSES the devices and addresses.",
        ),
    },
};

// Amazon's Privacy Central, "Request my data", on amazon.fr.
pub(super) static AMAZON: Guide = Guide {
    id: "amazon",
    url: Some("https://www.amazon.fr/hz/privacy-central/data-requests/preview.html"),
    fr: GuideText {
        name: "Amazon",
        steps: &[
            "Sur amazon.fr, connectez-vous et ouvrez la page «\u{a0}Demander mes données\u{a0}» \
             (depuis «\u{a0}Votre compte\u{a0}», rubrique confidentialité).",
            "Choisissez «\u{a0}Vos commandes\u{a0}» (ou toutes vos données) et envoyez la demande.",
            "Confirmez la demande depuis l'e-mail qu'Amazon envoie aussitôt.",
            "Quand le lien arrive, téléchargez «\u{a0}Your Orders.zip\u{a0}» et ajoutez-le dans \
             Reflet tel quel.",
        ],
        format: "CSV, le seul format proposé (Retail.OrderHistory.1.csv).",
        takes: "Quelques jours, jusqu'à un mois.",
        tip: Some("Les adresses, moyens de paiement et numéros de suivi ne sont pas lus."),
    },
    en: GuideText {
        name: "Amazon",
        steps: &[
            "On Amazon, sign in and open the \"Request my data\" page (from \"Your Account\", \
             privacy section).",
            "Choose \"Your Orders\" (or all your data) and submit the request.",
            "Confirm the request from the email Amazon sends at once.",
            "When the link arrives, download \"Your Orders.zip\" and add it to Reflet as it is.",
        ],
        format: "CSV, the only format offered (Retail.OrderHistory.1.csv).",
        takes: "A few days, up to a month.",
        tip: Some("Addresses, payment methods and tracking numbers are not read."),
    },
};

// Uber's privacy centre, "Download your data".
pub(super) static UBER: Guide = Guide {
    id: "uber",
    url: Some("https://myprivacy.uber.com/privacy/exploreyourdata/download"),
    fr: GuideText {
        name: "Uber",
        steps: &[
            "Ouvrez le centre de confidentialité d'Uber (lien ci-dessous, ou dans l'application\u{a0}: \
             «\u{a0}Aide\u{a0}», puis «\u{a0}Confidentialité\u{a0}») et connectez-vous.",
            "Choisissez «\u{a0}Télécharger vos données\u{a0}» et envoyez la demande.",
            "Quand l'e-mail arrive, téléchargez le zip et ajoutez-le dans Reflet tel quel.",
        ],
        format: "CSV, le seul format proposé (Rider/trips_data.csv pour vos courses).",
        takes: "Quelques jours.",
        tip: Some("Reflet lit vos courses, avec leurs points de départ et d'arrivée."),
    },
    en: GuideText {
        name: "Uber",
        steps: &[
            "Open Uber's privacy centre (link below, or in the app: \"Help\", then \"Privacy\") \
             and sign in.",
            "Choose \"Download your data\" and submit the request.",
            "When the email arrives, download the zip and add it to Reflet as it is.",
        ],
        format: "CSV, the only format offered (Rider/trips_data.csv for your rides).",
        takes: "A few days.",
        tip: Some("Reflet reads your rides, with where each began and ended."),
    },
};

// Strava's settings page, "Download or Delete Your Account".
pub(super) static STRAVA: Guide = Guide {
    id: "strava",
    url: Some("https://www.strava.com/athlete/delete_your_account"),
    fr: GuideText {
        name: "Strava",
        steps: &[
            "Sur strava.com, dans un navigateur (pas dans l'application), ouvrez \
             «\u{a0}Paramètres\u{a0}», puis «\u{a0}Mon compte\u{a0}».",
            "Sous «\u{a0}Télécharger ou supprimer votre compte\u{a0}», cliquez sur \
             «\u{a0}Commencer\u{a0}»\u{a0}: rien n'est supprimé à cette étape.",
            "Cliquez sur «\u{a0}Demander votre archive\u{a0}».",
            "Quand l'e-mail arrive, téléchargez export_….zip et ajoutez-le dans Reflet tel quel.",
        ],
        format: "Le seul proposé\u{a0}: activities.csv liste vos activités, le dossier activities \
                 contient leurs traces (GPX, TCX ou FIT, selon l'appareil).",
        takes: "Quelques heures.",
        tip: Some("Ne cliquez pas sur la suppression du compte, plus bas sur la même page."),
    },
    en: GuideText {
        name: "Strava",
        steps: &[
            "On strava.com, in a browser (not in the app), open \"Settings\", then \"My \
             Account\".",
            "Under \"Download or Delete Your Account\", click \"Get Started\": nothing is deleted \
             at this step.",
            "Click \"Request Your Archive\".",
            "When the email arrives, download export_….zip and add it to Reflet as it is.",
        ],
        format: "The only one offered: activities.csv lists your activities, the activities \
                 folder holds their tracks (GPX, TCX or FIT, depending on the device).",
        takes: "A few hours.",
        tip: Some("Do not click the account deletion, further down the same page."),
    },
};

// Apple's iPhone User Guide, "Share your health data".
pub(super) static APPLE_HEALTH: Guide = Guide {
    id: "apple.health",
    url: Some("https://support.apple.com/guide/iphone/share-your-health-data-iph5ede58c3d/ios"),
    fr: GuideText {
        name: "Apple Santé",
        steps: &[
            "Sur l'iPhone, ouvrez l'application Santé.",
            "Touchez votre photo de profil (ou vos initiales), en haut à droite.",
            "Touchez «\u{a0}Exporter toutes les données de santé\u{a0}», puis \
             «\u{a0}Exporter\u{a0}».",
            "Quand export.zip est prêt, enregistrez-le dans Fichiers (ou envoyez-le par AirDrop) \
             et ajoutez-le dans Reflet tel quel.",
        ],
        format: "Le seul proposé\u{a0}: export.zip, avec export.xml et les trajets des \
                 entraînements en GPX (dossier workout-routes).",
        takes: "De quelques minutes à une demi-heure, sur le téléphone.",
        tip: Some(
            "L'archive peut peser plusieurs gigaoctets\u{a0}: Reflet la lit par morceaux, sans la \
             charger entièrement en mémoire.",
        ),
    },
    en: GuideText {
        name: "Apple Health",
        steps: &[
            "On the iPhone, open the Health app.",
            "Tap your profile picture (or initials), at the top right.",
            "Tap \"Export All Health Data\", then \"Export\".",
            "When export.zip is ready, save it to Files (or AirDrop it) and add it to Reflet as \
             it is.",
        ],
        format: "The only one offered: export.zip, with export.xml and the workout routes as GPX \
                 (workout-routes folder).",
        takes: "From a few minutes to half an hour, on the phone.",
        tip: Some(
            "The archive can weigh several gigabytes: Reflet reads it piece by piece, without \
             loading it whole into memory.",
        ),
    },
};

// Enedis's customer space (French only), "Mes mesures".
pub(super) static ENEDIS: Guide = Guide {
    id: "enedis",
    url: Some("https://mon-compte-particulier.enedis.fr/"),
    fr: GuideText {
        name: "Enedis (compteur Linky)",
        steps: &[
            "Sur mon-compte-particulier.enedis.fr, connectez-vous à votre espace client (créez-le \
             si besoin, une facture d'électricité sous la main).",
            "Si ce n'est pas fait, activez l'enregistrement de la consommation horaire (courbe de \
             charge)\u{a0}: Enedis ne la garde qu'à votre demande.",
            "Ouvrez «\u{a0}Mes mesures\u{a0}», puis «\u{a0}Télécharger mes données\u{a0}».",
            "Choisissez la courbe de charge, la consommation quotidienne ou la puissance \
             maximale, la période la plus longue, au format CSV.",
            "Ajoutez le fichier dans Reflet tel quel.",
        ],
        format: "CSV plutôt qu'Excel\u{a0}: c'est le CSV que Reflet lit.",
        takes: "Le téléchargement est immédiat. La courbe de charge n'existe qu'à partir de son \
                activation\u{a0}: activez-la quelques semaines avant l'atelier.",
        tip: None,
    },
    en: GuideText {
        name: "Enedis (Linky meter)",
        steps: &[
            "On mon-compte-particulier.enedis.fr (in French), sign in to your customer space \
             (create it if needed, with an electricity bill at hand).",
            "If not done yet, turn on the recording of hourly consumption (\"courbe de \
             charge\"): Enedis keeps it only when asked.",
            "Open \"Mes mesures\", then \"Télécharger mes données\".",
            "Choose the load curve, the daily consumption or the maximum power, the longest \
             period, as CSV.",
            "Add the file to Reflet as it is.",
        ],
        format: "CSV rather than Excel: Reflet reads the CSV.",
        takes: "The download is immediate. The load curve exists only from when it is turned on: \
                turn it on a few weeks before the workshop.",
        tip: None,
    },
};

// No single service: every bank has its own online banking.
pub(super) static BANK: Guide = Guide {
    id: "bank",
    url: None,
    fr: GuideText {
        name: "Votre banque",
        steps: &[
            "Connectez-vous à l'espace client de votre banque, de préférence sur son site web \
             (l'application propose rarement l'export).",
            "Ouvrez le compte, puis cherchez «\u{a0}Télécharger\u{a0}», «\u{a0}Exporter les \
             opérations\u{a0}» ou «\u{a0}Historique\u{a0}».",
            "Choisissez la période la plus longue proposée (souvent 12 à 24\u{a0}mois) et le \
             format OFX (parfois nommé «\u{a0}Money\u{a0}» ou «\u{a0}Quicken\u{a0}»), sinon QIF ou \
             CSV (Excel).",
            "Ajoutez le fichier dans Reflet tel quel.",
        ],
        format: "OFX de préférence\u{a0}: il a la même forme dans toutes les banques. QIF et CSV \
                 se lisent aussi.",
        takes: "Immédiat.",
        tip: Some("Les numéros de compte ne sont pas lus."),
    },
    en: GuideText {
        name: "Your bank",
        steps: &[
            "Sign in to your bank's online banking, preferably on its website (the app rarely \
             offers the export).",
            "Open the account, then look for \"Download\", \"Export transactions\" or \
             \"History\".",
            "Pick the longest period offered (often 12 to 24 months) and the OFX format \
             (sometimes called \"Money\" or \"Quicken\"), otherwise QIF or CSV (Excel).",
            "Add the file to Reflet as it is.",
        ],
        format: "OFX if you can: it has the same shape at every bank. QIF and CSV are read too.",
        takes: "Immediate.",
        tip: Some("Account numbers are not read."),
    },
};

// WhatsApp Help Center, "How to export your chat history".
pub(super) static WHATSAPP: Guide = Guide {
    id: "whatsapp",
    url: Some("https://faq.whatsapp.com/1180414079177245"),
    fr: GuideText {
        name: "WhatsApp",
        steps: &[
            "Dans WhatsApp, ouvrez la discussion à exporter.",
            "Touchez le nom du contact ou du groupe en haut (iPhone), ou le menu ⋮ puis \
             «\u{a0}Plus\u{a0}» (Android).",
            "Touchez «\u{a0}Exporter la discussion\u{a0}», puis «\u{a0}Sans médias\u{a0}».",
            "Enregistrez le fichier (dans Fichiers, ou envoyez-le-vous par e-mail) et ajoutez-le \
             dans Reflet tel quel\u{a0}: le zip sur iPhone, le .txt sur Android.",
        ],
        format: "Texte, le seul format proposé\u{a0}; «\u{a0}Sans médias\u{a0}» le garde léger.",
        takes: "Quelques secondes, sur le téléphone.",
        tip: Some(
            "Un export par discussion\u{a0}: recommencez pour chacune. Les messages des autres \
             participants y figurent aussi\u{a0}: gardez le fichier pour vous.",
        ),
    },
    en: GuideText {
        name: "WhatsApp",
        steps: &[
            "In WhatsApp, open the chat to export.",
            "Tap the contact's or group's name at the top (iPhone), or the ⋮ menu then \"More\" \
             (Android).",
            "Tap \"Export chat\", then \"Without media\".",
            "Save the file (to Files, or email it to yourself) and add it to Reflet as it is: the \
             zip on iPhone, the .txt on Android.",
        ],
        format: "Text, the only format offered; \"Without media\" keeps it light.",
        takes: "A few seconds, on the phone.",
        tip: Some(
            "One export per chat: repeat for each. The other participants' messages are in it \
             too: keep the file to yourself.",
        ),
    },
};

// Garmin Connect's list of activities, where each one is exported.
pub(super) static SPORTS: Guide = Guide {
    id: "sports",
    url: Some("https://connect.garmin.com/modern/activities"),
    fr: GuideText {
        name: "Montres et applications de sport (GPX, TCX, FIT)",
        steps: &[
            "Garmin Connect, sur le site web\u{a0}: ouvrez l'activité, la roue dentée, puis \
             «\u{a0}Exporter l'original\u{a0}» (FIT), ou l'export GPX ou TCX.",
            "Autres montres et applications (Coros, Suunto, Wahoo, Komoot, OsmAnd…)\u{a0}: sur la \
             page de l'activité, cherchez «\u{a0}Exporter\u{a0}» ou «\u{a0}Partager\u{a0}», \
             format FIT ou GPX.",
            "Ajoutez les fichiers .fit (ou .fit.gz), .gpx ou .tcx dans Reflet tels quels, un ou \
             plusieurs à la fois.",
        ],
        format: "FIT, le fichier original de la montre, est le plus complet\u{a0}; GPX et TCX se \
                 lisent aussi.",
        takes: "Immédiat, activité par activité.",
        tip: Some(
            "Vous utilisez Strava, Apple Santé ou Google Fit\u{a0}? Leurs archives contiennent \
             déjà ces fichiers (dossiers activities, workout-routes, Fit/Activities)\u{a0}: voir \
             leurs guides.",
        ),
    },
    en: GuideText {
        name: "Sports watches and apps (GPX, TCX, FIT)",
        steps: &[
            "Garmin Connect, on the website: open the activity, the gear icon, then \"Export \
             Original\" (FIT), or the GPX or TCX export.",
            "Other watches and apps (Coros, Suunto, Wahoo, Komoot, OsmAnd…): on the activity's \
             page, look for \"Export\" or \"Share\", as FIT or GPX.",
            "Add the .fit (or .fit.gz), .gpx or .tcx files to Reflet as they are, one or several \
             at a time.",
        ],
        format: "FIT, the watch's original file, is the most complete; GPX and TCX are read too.",
        takes: "Immediate, one activity at a time.",
        tip: Some(
            "Using Strava, Apple Health or Google Fit? Their archives already hold these files \
             (activities, workout-routes, Fit/Activities folders): see their guides.",
        ),
    },
};

// Google My Maps, the maps Google Earth and My Maps share.
pub(super) static MY_MAPS: Guide = Guide {
    id: "google.mymaps",
    url: Some("https://www.google.com/maps/d/"),
    fr: GuideText {
        name: "Google Earth et My Maps (KML)",
        steps: &[
            "Dans Google My Maps, ouvrez votre carte, le menu ⋮ à côté de son titre, puis \
             «\u{a0}Exporter en KML/KMZ\u{a0}».",
            "Dans Google Earth, ouvrez le lieu ou le projet, puis «\u{a0}Fichier\u{a0}», \
             «\u{a0}Enregistrer\u{a0}» (ou l'export en fichier KML).",
            "Ajoutez le fichier .kml ou .kmz dans Reflet tel quel.",
        ],
        format: "KML ou KMZ (un KML compressé)\u{a0}: les deux se lisent.",
        takes: "Immédiat.",
        tip: Some(
            "Seuls les lieux et trajets datés parlent de vos déplacements. L'ancien historique \
             Google (Timeline) exportait chaque journée en KML\u{a0}; beaucoup d'applications GPS \
             exportent aussi en KML.",
        ),
    },
    en: GuideText {
        name: "Google Earth and My Maps (KML)",
        steps: &[
            "In Google My Maps, open your map, the ⋮ menu beside its title, then \"Export to \
             KML/KMZ\".",
            "In Google Earth, open the place or project, then \"File\", \"Save\" (or the export \
             as a KML file).",
            "Add the .kml or .kmz file to Reflet as it is.",
        ],
        format: "KML or KMZ (a zipped KML): both are read.",
        takes: "Immediate.",
        tip: Some(
            "Only timed places and paths tell about your movements. Google's old Timeline \
             exported each day as KML; many GPS apps export KML too.",
        ),
    },
};

// No single service: any map or tracking app that exports GeoJSON.
pub(super) static GEOJSON: Guide = Guide {
    id: "geojson",
    url: None,
    fr: GuideText {
        name: "GeoJSON (applications de carte)",
        steps: &[
            "Dans votre application de carte ou de suivi, ouvrez le trajet, le lieu ou la liste à \
             exporter.",
            "Choisissez «\u{a0}Exporter\u{a0}» (ou «\u{a0}Partager\u{a0}»), puis le format \
             GeoJSON (.geojson).",
            "Ajoutez le fichier dans Reflet tel quel.",
        ],
        format: "GeoJSON (.geojson ou .json).",
        takes: "Immédiat.",
        tip: Some(
            "Seuls les points datés comptent\u{a0}: une liste de lieux sans date n'apprend rien \
             sur vos déplacements.",
        ),
    },
    en: GuideText {
        name: "GeoJSON (map apps)",
        steps: &[
            "In your map or tracking app, open the track, place or list to export.",
            "Choose \"Export\" (or \"Share\"), then the GeoJSON format (.geojson).",
            "Add the file to Reflet as it is.",
        ],
        format: "GeoJSON (.geojson or .json).",
        takes: "Immediate.",
        tip: Some(
            "Only timed points count: a list of places without dates tells nothing about your \
             movements.",
        ),
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn all_texts(guide: &Guide, lang: Lang) -> Vec<&'static str> {
        let t = guide.text(lang);
        let mut texts = vec![t.name, t.format, t.takes];
        texts.extend(t.steps.iter().copied());
        texts.extend(t.tip);
        texts
    }

    #[test]
    fn every_source_has_a_guide_and_every_guide_a_source() {
        let listed = guides(Lang::Fr);
        let sources: usize = listed.iter().map(|(_, s)| s.len()).sum();
        assert_eq!(sources, SOURCES.len());
        // Every guide defined in this file is reached (all features are on in tests).
        let defined = include_str!("guides.rs")
            .lines()
            .filter(|l| l.starts_with("    id: \""))
            .count();
        assert_eq!(listed.len(), defined, "a guide no source names");
        let mut ids = std::collections::HashSet::new();
        for (guide, _) in &listed {
            assert!(ids.insert(guide.id), "{} twice", guide.id);
        }
    }

    #[test]
    fn guides_are_sorted_by_name_in_each_language() {
        for lang in [Lang::Fr, Lang::En] {
            let names: Vec<String> = guides(lang)
                .iter()
                .map(|(g, _)| g.text(lang).name.to_lowercase())
                .collect();
            assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        }
        assert_eq!(guides(Lang::Fr).first().map(|(g, _)| g.id), Some("amazon"));
    }

    #[test]
    fn every_guide_is_complete_in_both_languages() {
        for (guide, _) in guides(Lang::En) {
            let id = guide.id;
            for lang in [Lang::Fr, Lang::En] {
                let t = guide.text(lang);
                assert!(t.steps.len() >= 2, "{id}: steps");
                assert!(!t.name.is_empty() && !t.format.is_empty() && !t.takes.is_empty());
                for text in all_texts(guide, lang) {
                    assert_eq!(text.trim(), text, "{id}: {text}");
                    assert!(!text.contains("  "), "{id}: double space in {text}");
                }
            }
            assert_ne!(guide.fr.steps, guide.en.steps, "{id}");
            assert_ne!(guide.fr.format, guide.en.format, "{id}");
            assert_ne!(guide.fr.takes, guide.en.takes, "{id}");
        }
    }

    #[test]
    fn official_pages_are_https_on_the_services_own_domain() {
        for (guide, _) in guides(Lang::En) {
            let Some(url) = guide.url else {
                // Only the guides that name no single service have no page.
                assert!(["bank", "geojson"].contains(&guide.id), "{}", guide.id);
                continue;
            };
            assert!(url.starts_with("https://"), "{url}");
            let host = guide.host().unwrap_or_default();
            assert!(!host.is_empty() && !url.contains(' '), "{url}");
            // The domain's own name (`garmin` in connect.garmin.com) is the service the guide
            // talks about: in its id, name or steps.
            let domain = host.rsplit('.').nth(1).unwrap_or_default();
            let words = all_texts(guide, Lang::En).join(" ").to_lowercase();
            assert!(
                guide.id.contains(domain) || words.contains(domain),
                "{url} for {}",
                guide.id
            );
        }
    }

    #[test]
    fn french_keeps_its_no_break_spaces() {
        for (guide, _) in guides(Lang::Fr) {
            for text in all_texts(guide, Lang::Fr) {
                for mark in [" :", " ;", " ?", " !", " »", "« "] {
                    assert!(!text.contains(mark), "{}: {mark:?} in {text}", guide.id);
                }
            }
        }
    }

    #[test]
    fn takeout_names_what_reflet_reads_and_asks_for_json() {
        let t = TAKEOUT.text(Lang::Fr);
        let steps = t.steps.join(" ");
        for product in [
            "Mon activité",
            "YouTube",
            "Chrome",
            "Fit",
            "Historique des positions",
        ] {
            assert!(steps.contains(product), "{product}");
        }
        assert!(steps.contains("JSON") && t.format.starts_with("JSON"));
        let sources: Vec<&str> = guides(Lang::En)
            .into_iter()
            .find(|(g, _)| g.id == "google.takeout")
            .map(|(_, s)| s.iter().map(|s| s.id()).collect())
            .unwrap_or_default();
        assert!(sources.contains(&"google.records") && sources.contains(&"youtube.watch_history"));
        assert_eq!(TAKEOUT.host(), Some("takeout.google.com"));
        assert_eq!(AMAZON.host(), Some("amazon.fr"));
        assert_eq!(BANK.host(), None);
    }
}
