//! The French and English catalogue: every user-facing string goes through here.
//!
//! Each [`Text`] maps to a `(french, english)` pair in one exhaustive `match`, so a key
//! cannot exist in one language only. Parametrised sentences are small functions
//! below the catalogue, tested in both languages.

use serde::{Deserialize, Serialize};

pub mod activity;
pub mod chat;
pub mod contribute;
pub mod day;
pub mod energy;
pub mod export;
#[cfg(feature = "guides")]
pub mod guides;
pub mod health;
pub mod media;
pub mod money;
pub mod offline;
pub mod portrait;
pub mod scan;
pub mod social;
pub mod trips;
pub mod vault;
pub mod workshop;

/// A language Reflet speaks. French first: it is the programme's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language, for the switch.
    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// Picks a language from the browser's ordered preferences (`navigator.languages`):
    /// the first of French or English that appears wins; English when neither does.
    pub fn negotiate<S: AsRef<str>>(preferences: impl IntoIterator<Item = S>) -> Lang {
        for tag in preferences {
            let primary = tag
                .as_ref()
                .split(['-', '_'])
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            match primary.as_str() {
                "fr" => return Lang::Fr,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }
}

/// One entry of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppName,
    Tagline,
    SkipToContent,
    SwitchLanguage,
    MainNavigation,
    NavHome,
    NavPromise,
    NavGuides,
    NavLetter,
    NewTab,
    LandingGuides,
    LandingTitle,
    LandingWhat,
    LandingWhy,
    LandingPromise,
    LandingPromiseLink,
    DropTitle,
    DropHint,
    DropHere,
    ChooseFiles,
    ChooseFolder,
    EngineLoading,
    EngineFailed,
    FilesTitle,
    ColumnName,
    ColumnSize,
    ColumnKind,
    KindUnknown,
    Reading,
    AddMoreFiles,
    ForgetEverything,
    Forgotten,
    PromiseTitle,
    PromiseIntro,
    PromiseWhatTitle,
    PromiseWhat,
    PromiseCheckTitle,
    PromiseCheckCounter,
    PromiseCheckOffline,
    PromiseCheckDevtools,
    PromiseCheckCsp,
    PromiseCheckTests,
    PromiseAfterTitle,
    PromiseCreditsTitle,
    PromiseCredits,
    PromiseAfter,
    Back,
    SelfTestTitle,
    SelfTestRequests,
    SelfTestPanic,
    SelfTestCrashFile,
    FooterProgramme,
    ErrorUnreadable,
    ErrorCrashed,
    ErrorEmpty,
    ErrorTruncated,
    ErrorCorrupt,
    ErrorEncrypted,
    ErrorBomb,
    ErrorUnsafeName,
    ErrorUnsupported,
    ErrorCancelled,
    ErrorMalformed,
    ErrorTooLarge,
    SectionProblems,
    SectionOthers,
    ErrorInvalidText,
    ErrorWrongType,
    Cancel,
    ProgressLabel,
    RoutineChartTitle,
    RoutineChartAlt,
    RoutineTableShow,
    RoutineTableDay,
    RoutineNoData,
    RoutineLegendNever,
    RoutineLegendAlways,
    AcrossTitle,
    TimelineChartTitle,
    TimelineChartAlt,
    TimelineService,
    TimelineFirst,
    TimelineLast,
    TimelineDays,
    PortraitRhythmTitle,
    KnowsTitle,
    KnowsWhere,
    KnowsInterests,
    KnowsContacts,
    KnowsHabits,
    KnowsMoney,
    KnowsHealth,
    KnowsPrecise,
    KnowsApproximate,
    KnowsYes,
    KnowsNo,
    RhythmChartTitle,
    RhythmChartAlt,
    RhythmLegendNone,
    RhythmLegendMost,
    LoginsShow,
    LoginsDevices,
    LoginsAddresses,
    LoginsDevice,
    LoginsAddress,
    LoginsCount,
    LoginsFirst,
    LoginsLast,
    InferencesShow,
    MediaUses,
    MediaMonthsTitle,
    MediaMonthsAlt,
    MediaTopShow,
    MediaCreators,
    MediaTitles,
    MediaPlays,
    MediaTime,
    MediaSegments,
    EnergyMonthsTitle,
    EnergyMonthsAlt,
    EnergyDayTitle,
    EnergyDayAlt,
    EnergyWeekdays,
    EnergyWeekends,
    EnergyLegendLow,
    EnergyLegendHigh,
    MoneyMonthsTitle,
    MoneyMonthsAlt,
    MoneyCategoriesTitle,
    MoneyCategoriesAlt,
    MoneyCategory,
    ChatMonthsTitle,
    ChatMonthsAlt,
    ChatRhythmTitle,
    ActivityMonthsTitle,
    ActivityMonthsAlt,
    ActivityRhythmTitle,
    HealthStepsTitle,
    HealthStepsAlt,
    HealthHeartTitle,
    HealthHeartAlt,
    AdsShow,
    AdsCaption,
    AdsAdvertiser,
    AdsCount,
    ConversationsShow,
    ConversationsName,
    ConversationsMessages,
    ConversationsSent,
    NamesShow,
    NamesHidden,
    ContactsShow,
    ContactsYear,
    ContactsCaption,
    LoginsChartTitle,
    LoginsChartAlt,
    OffPlatformChartTitle,
    OffPlatformChartAlt,
    ChartMonth,
    ContactsChartAlt,
    ConversationsCaption,
    TripsChartTitle,
    TripsChartAlt,
    Co2ChartTitle,
    Co2ChartAlt,
    ChartPeriod,
    PeriodWeek,
    PeriodMonth,
    PeriodYear,
    ChartTotal,
    MapTitle,
    MapAlt,
    MapHint,
    MapCredits,
    MapZoomIn,
    MapZoomOut,
    MapReset,
    MapHome,
    MapWork,
    MapPlace,
    MapRole,
    DayOpen,
    DayTitle,
    DayPrevious,
    DayNext,
    DayPick,
    DayClose,
    DayLoading,
    DayGone,
    DayNoPath,
    DayTimeline,
    DayTripMode,
    DayCorrectHint,
    DayNothing,
    DayPlaceIs,
    PlaceAsFound,
    PlaceMyHome,
    PlaceMyWork,
    PlaceOthersHome,
    PlaceNotMine,
}

impl Text {
    /// Every key, for the tests that check the whole catalogue.
    pub const ALL: &'static [Text] = &[
        Text::AppName,
        Text::Tagline,
        Text::SkipToContent,
        Text::SwitchLanguage,
        Text::MainNavigation,
        Text::NavHome,
        Text::NavPromise,
        Text::NavGuides,
        Text::NavLetter,
        Text::NewTab,
        Text::LandingGuides,
        Text::LandingTitle,
        Text::LandingWhat,
        Text::LandingWhy,
        Text::LandingPromise,
        Text::LandingPromiseLink,
        Text::DropTitle,
        Text::DropHint,
        Text::DropHere,
        Text::ChooseFiles,
        Text::ChooseFolder,
        Text::EngineLoading,
        Text::EngineFailed,
        Text::FilesTitle,
        Text::ColumnName,
        Text::ColumnSize,
        Text::ColumnKind,
        Text::KindUnknown,
        Text::Reading,
        Text::AddMoreFiles,
        Text::ForgetEverything,
        Text::Forgotten,
        Text::PromiseTitle,
        Text::PromiseIntro,
        Text::PromiseWhatTitle,
        Text::PromiseWhat,
        Text::PromiseCheckTitle,
        Text::PromiseCheckCounter,
        Text::PromiseCheckOffline,
        Text::PromiseCheckDevtools,
        Text::PromiseCheckCsp,
        Text::PromiseCheckTests,
        Text::PromiseAfterTitle,
        Text::PromiseCreditsTitle,
        Text::PromiseCredits,
        Text::PromiseAfter,
        Text::Back,
        Text::SelfTestTitle,
        Text::SelfTestRequests,
        Text::SelfTestPanic,
        Text::SelfTestCrashFile,
        Text::FooterProgramme,
        Text::ErrorUnreadable,
        Text::ErrorCrashed,
        Text::ErrorEmpty,
        Text::ErrorTruncated,
        Text::ErrorCorrupt,
        Text::ErrorEncrypted,
        Text::ErrorBomb,
        Text::ErrorUnsafeName,
        Text::ErrorUnsupported,
        Text::ErrorCancelled,
        Text::ErrorMalformed,
        Text::ErrorTooLarge,
        Text::SectionProblems,
        Text::SectionOthers,
        Text::ErrorInvalidText,
        Text::ErrorWrongType,
        Text::Cancel,
        Text::ProgressLabel,
        Text::RoutineChartTitle,
        Text::RoutineChartAlt,
        Text::RoutineTableShow,
        Text::RoutineTableDay,
        Text::RoutineNoData,
        Text::RoutineLegendNever,
        Text::RoutineLegendAlways,
        Text::AcrossTitle,
        Text::TimelineChartTitle,
        Text::TimelineChartAlt,
        Text::TimelineService,
        Text::TimelineFirst,
        Text::TimelineLast,
        Text::TimelineDays,
        Text::PortraitRhythmTitle,
        Text::KnowsTitle,
        Text::KnowsWhere,
        Text::KnowsInterests,
        Text::KnowsContacts,
        Text::KnowsHabits,
        Text::KnowsMoney,
        Text::KnowsHealth,
        Text::KnowsPrecise,
        Text::KnowsApproximate,
        Text::KnowsYes,
        Text::KnowsNo,
        Text::RhythmChartTitle,
        Text::RhythmChartAlt,
        Text::RhythmLegendNone,
        Text::RhythmLegendMost,
        Text::LoginsShow,
        Text::LoginsDevices,
        Text::LoginsAddresses,
        Text::LoginsDevice,
        Text::LoginsAddress,
        Text::LoginsCount,
        Text::LoginsFirst,
        Text::LoginsLast,
        Text::InferencesShow,
        Text::MediaUses,
        Text::MediaMonthsTitle,
        Text::MediaMonthsAlt,
        Text::MediaTopShow,
        Text::MediaCreators,
        Text::MediaTitles,
        Text::MediaPlays,
        Text::MediaTime,
        Text::MediaSegments,
        Text::EnergyMonthsTitle,
        Text::EnergyMonthsAlt,
        Text::EnergyDayTitle,
        Text::EnergyDayAlt,
        Text::EnergyWeekdays,
        Text::EnergyWeekends,
        Text::EnergyLegendLow,
        Text::EnergyLegendHigh,
        Text::MoneyMonthsTitle,
        Text::MoneyMonthsAlt,
        Text::MoneyCategoriesTitle,
        Text::MoneyCategoriesAlt,
        Text::MoneyCategory,
        Text::ChatMonthsTitle,
        Text::ChatMonthsAlt,
        Text::ChatRhythmTitle,
        Text::ActivityMonthsTitle,
        Text::ActivityMonthsAlt,
        Text::ActivityRhythmTitle,
        Text::HealthStepsTitle,
        Text::HealthStepsAlt,
        Text::HealthHeartTitle,
        Text::HealthHeartAlt,
        Text::AdsShow,
        Text::AdsCaption,
        Text::AdsAdvertiser,
        Text::AdsCount,
        Text::ConversationsShow,
        Text::ConversationsName,
        Text::ConversationsMessages,
        Text::ConversationsSent,
        Text::NamesShow,
        Text::NamesHidden,
        Text::ContactsShow,
        Text::ContactsYear,
        Text::ContactsCaption,
        Text::LoginsChartTitle,
        Text::LoginsChartAlt,
        Text::OffPlatformChartTitle,
        Text::OffPlatformChartAlt,
        Text::ChartMonth,
        Text::ContactsChartAlt,
        Text::ConversationsCaption,
        Text::TripsChartTitle,
        Text::TripsChartAlt,
        Text::Co2ChartTitle,
        Text::Co2ChartAlt,
        Text::ChartPeriod,
        Text::PeriodWeek,
        Text::PeriodMonth,
        Text::PeriodYear,
        Text::ChartTotal,
        Text::MapTitle,
        Text::MapAlt,
        Text::MapHint,
        Text::MapCredits,
        Text::MapZoomIn,
        Text::MapZoomOut,
        Text::MapReset,
        Text::MapHome,
        Text::MapWork,
        Text::MapPlace,
        Text::MapRole,
        Text::DayOpen,
        Text::DayTitle,
        Text::DayPrevious,
        Text::DayNext,
        Text::DayPick,
        Text::DayClose,
        Text::DayLoading,
        Text::DayGone,
        Text::DayNoPath,
        Text::DayTimeline,
        Text::DayTripMode,
        Text::DayCorrectHint,
        Text::DayNothing,
        Text::DayPlaceIs,
        Text::PlaceAsFound,
        Text::PlaceMyHome,
        Text::PlaceMyWork,
        Text::PlaceOthersHome,
        Text::PlaceNotMine,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.pair())
    }

    #[allow(clippy::too_many_lines)] // a catalogue reads best as one table
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Text::AppName => ("Reflet", "Reflet"),
            Text::Tagline => (
                "Voyez ce que vos données personnelles révèlent de vous.",
                "See what your personal data reveals about you.",
            ),
            Text::SkipToContent => ("Aller au contenu", "Skip to content"),
            Text::SwitchLanguage => ("English", "Français"),
            Text::MainNavigation => ("Navigation principale", "Main navigation"),
            Text::NavHome => ("Accueil", "Home"),
            Text::NavPromise => ("Notre promesse", "Our promise"),
            Text::NavGuides => ("Récupérer vos données", "Get your data"),
            Text::NavLetter => ("Demander plus", "Ask for more"),
            Text::NewTab => ("(nouvel onglet)", "(new tab)"),
            Text::LandingGuides => (
                "Pas encore vos fichiers\u{a0}? Chaque service a sa façon de les donner, en \
                 quelques minutes ou quelques jours\u{a0}: voici comment les demander.",
                "Not got your files yet? Each service has its own way of giving them, in a few \
                 minutes or a few days: here is how to ask.",
            ),
            Text::LandingTitle => (
                "Que disent vos données de vous\u{a0}?",
                "What does your data say about you?",
            ),
            Text::LandingWhat => (
                "Les services que vous utilisez (Google, Facebook, Instagram, Spotify, votre banque…) \
                 doivent vous rendre vos données quand vous les demandez. Ouvrez ici les fichiers ou \
                 les archives qu'ils vous envoient\u{a0}: Reflet vous montre, fichier par fichier, ce \
                 qu'ils disent de vous, avec des mots simples.",
                "The services you use (Google, Facebook, Instagram, Spotify, your bank…) must give \
                 you your data when you ask for it. Open the files or archives they send you here: \
                 Reflet shows you, file by file and in plain words, what they say about you.",
            ),
            Text::LandingWhy => (
                "Pour comprendre ce que les entreprises savent de vous, réutiliser vos données pour \
                 vos propres besoins, et décider en connaissance de cause de ce que vous partagez.",
                "So that you can understand what companies know about you, reuse your data for \
                 your own purposes, and decide knowingly what you share.",
            ),
            Text::LandingPromise => (
                "Rien ne quitte votre appareil. Vos fichiers sont lus ici, dans votre navigateur, \
                 et ne sont envoyés nulle part.",
                "Nothing leaves your device. Your files are read here, in your browser, and are \
                 sent nowhere.",
            ),
            Text::LandingPromiseLink => (
                "Vos données, notre promesse\u{a0}: comment le vérifier",
                "Your data, our promise: how to check it",
            ),
            Text::DropTitle => ("Ouvrir vos fichiers", "Open your files"),
            Text::DropHint => (
                "Fichiers, dossiers ou archives .zip, de la taille que vous voulez.",
                "Files, folders or .zip archives, as large as you like.",
            ),
            Text::DropHere => (
                "Déposez-les ici, ou\u{a0}:",
                "Drop them here, or:",
            ),
            Text::ChooseFiles => ("Choisir des fichiers", "Choose files"),
            Text::ChooseFolder => ("Choisir un dossier", "Choose a folder"),
            Text::EngineLoading => (
                "Préparation de l'analyse…",
                "Getting the analysis ready…",
            ),
            Text::EngineFailed => (
                "Reflet n'a pas pu démarrer son moteur d'analyse. Rechargez la page. Si cela \
                 continue, utilisez un navigateur à jour\u{a0}: Chrome, Edge, Firefox, ou Safari 16 ou \
                 plus récent.",
                "Reflet could not start its analysis engine. Reload the page. If this keeps \
                 happening, use an up-to-date browser: Chrome, Edge, Firefox, or Safari 16 or \
                 newer.",
            ),
            Text::FilesTitle => ("Vos fichiers", "Your files"),
            Text::ColumnName => ("Nom", "Name"),
            Text::ColumnSize => ("Taille", "Size"),
            Text::ColumnKind => ("Type détecté", "Detected kind"),
            Text::KindUnknown => ("Pas encore reconnu", "Not recognised yet"),
            Text::Reading => ("Lecture…", "Reading…"),
            Text::AddMoreFiles => ("Ajouter d'autres fichiers", "Add more files"),
            Text::ForgetEverything => ("Tout oublier", "Forget everything"),
            Text::Forgotten => (
                "Tout a été effacé de la mémoire de cette page.",
                "Everything has been erased from this page's memory.",
            ),
            Text::PromiseTitle => ("Vos données, notre promesse", "Your data, our promise"),
            Text::PromiseIntro => (
                "Reflet lit vos fichiers uniquement dans votre navigateur, sur votre appareil.",
                "Reflet reads your files only in your browser, on your device.",
            ),
            Text::PromiseWhatTitle => ("Ce que nous promettons", "What we promise"),
            Text::PromiseWhat => (
                "Aucun fichier et aucun résultat n'est envoyé\u{a0}: ni à la ville, ni à nous, ni à \
                 personne. Il n'y a ni mesure d'audience, ni publicité, ni police, carte ou script \
                 chargé depuis un autre site. Tout ce dont Reflet a besoin est chargé avec la page\u{a0}; \
                 ensuite, plus rien ne circule sur le réseau.",
                "No file and no result is sent anywhere: not to the city, not to us, not to anyone. \
                 There is no analytics, no advertising, no font, map or script loaded from another \
                 site. Everything Reflet needs is loaded with the page; after that, nothing goes \
                 over the network.",
            ),
            Text::PromiseCheckTitle => ("Comment le vérifier vous-même", "How to check it yourself"),
            Text::PromiseCheckCounter => (
                "Regardez le compteur en bas de la page\u{a0}: il compte chaque requête réseau faite \
                 depuis l'ouverture de vos fichiers, par la page comme par le moteur d'analyse. Il \
                 doit rester à 0.",
                "Look at the counter at the bottom of the page: it counts every network request \
                 made since you opened your files, by the page and by the analysis engine alike. It \
                 must stay at 0.",
            ),
            Text::PromiseCheckOffline => (
                "Une fois la page chargée, coupez votre connexion (mode avion)\u{a0}: Reflet continue de \
                 fonctionner.",
                "Once the page has loaded, switch your connection off (airplane mode): Reflet keeps \
                 working.",
            ),
            Text::PromiseCheckDevtools => (
                "Sur un ordinateur, ouvrez les outils de développement du navigateur (touche F12), \
                 onglet «\u{a0}Réseau\u{a0}»\u{a0}: aucune requête n'apparaît pendant l'analyse.",
                "On a computer, open the browser's developer tools (F12 key), \"Network\" tab: no \
                 request appears while your files are analysed.",
            ),
            Text::PromiseCheckCsp => (
                "La page déclare une politique de sécurité du contenu (CSP) stricte\u{a0}: le navigateur \
                 lui-même refuse tout contact avec un autre site que celui qui sert Reflet.",
                "The page declares a strict Content Security Policy (CSP): the browser itself \
                 refuses any contact with a site other than the one serving Reflet.",
            ),
            Text::PromiseCheckTests => (
                "Les tests automatiques de Reflet échouent dès qu'une requête part pendant \
                 l'analyse, ou vers un autre site.",
                "Reflet's automated tests fail as soon as a request is made while files are \
                 analysed, or to another site.",
            ),
            Text::PromiseCreditsTitle => ("Données embarquées", "Bundled data"),
            Text::PromiseCredits => (
                "Pour situer vos lieux sans rien demander à personne, Reflet embarque des données \
                 ouvertes, lues sur votre appareil\u{a0}: les noms de lieux de GeoNames \
                 (geonames.org, CC BY\u{a0}4.0), les fuseaux horaires de timezone-boundary-builder \
                 par Evan Siroky (© les contributeurs d'OpenStreetMap, ODbL\u{a0}1.0) et la base des \
                 fuseaux horaires de l'IANA (domaine public).",
                "To place your locations without asking anyone, Reflet carries open data, read on \
                 your device: place names from GeoNames (geonames.org, CC BY 4.0), time zones from \
                 timezone-boundary-builder by Evan Siroky (© OpenStreetMap contributors, ODbL 1.0) \
                 and the IANA time zone database (public domain).",
            ),
            Text::PromiseAfterTitle => ("Et après\u{a0}?", "And afterwards?"),
            Text::PromiseAfter => (
                "Vos données restent dans la mémoire de cette page seulement. Fermer l'onglet ou \
                 appuyer sur «\u{a0}Tout oublier\u{a0}» les efface.",
                "Your data stays in this page's memory only. Closing the tab or pressing \"Forget \
                 everything\" erases it.",
            ),
            Text::Back => ("Retour", "Back"),
            Text::SelfTestTitle => ("Outils de vérification", "Self-test tools"),
            Text::SelfTestRequests => (
                "Faire une requête depuis la page et une depuis le moteur",
                "Make one request from the page and one from the engine",
            ),
            Text::SelfTestPanic => ("Provoquer une panne", "Cause a crash"),
            Text::SelfTestCrashFile => (
                "Faire tomber le moteur sur un fichier nommé crash-me.json",
                "Make the engine crash on a file named crash-me.json",
            ),
            Text::FooterProgramme => (
                "Reflet, un outil du programme Self Data de la ville.",
                "Reflet, a tool of the city's Self Data programme.",
            ),
            Text::ErrorUnreadable => (
                "Ce fichier n'a pas pu être lu. Il a peut-être été déplacé ou supprimé pendant la \
                 lecture\u{a0}: choisissez-le à nouveau.",
                "This file could not be read. It may have been moved or deleted while it was \
                 being read: choose it again.",
            ),
            Text::ErrorCrashed => (
                "L'analyse de ce fichier s'est arrêtée de façon inattendue. Les autres fichiers ne \
                 sont pas touchés, et rien n'a quitté votre appareil.",
                "The analysis of this file stopped unexpectedly. The other files are not affected, \
                 and nothing left your device.",
            ),
            Text::ErrorTruncated => (
                "Ce fichier s'arrête trop tôt\u{a0}: le téléchargement a sans doute été interrompu. \
                 Ce qui a pu être lu est affiché\u{a0}; téléchargez-le à nouveau pour avoir le reste.",
                "This file ends too early: the download was probably interrupted. What could be \
                 read is shown; download it again to get the rest.",
            ),
            Text::ErrorCorrupt => (
                "Cette archive est endommagée à cet endroit. Le reste de l'archive est analysé \
                 quand même.",
                "This archive is damaged at this point. The rest of the archive is analysed \
                 anyway.",
            ),
            Text::ErrorEncrypted => (
                "Ce fichier est protégé par un mot de passe\u{a0}: Reflet ne peut pas le lire. \
                 Demandez l'export sans mot de passe, ou décompressez-le d'abord.",
                "This file is protected by a password: Reflet cannot read it. Ask for the export \
                 without a password, or unzip it first.",
            ),
            Text::ErrorBomb => (
                "Ce fichier se décompresse de façon anormale (bien plus que des données réelles)\u{a0}: \
                 il a été ignoré pour protéger votre appareil.",
                "This file decompresses abnormally (far more than real data does): it was skipped \
                 to protect your device.",
            ),
            Text::ErrorUnsafeName => (
                "Le nom de ce fichier dans l'archive essaie de sortir de son dossier («\u{a0}../\u{a0}»)\u{a0}: \
                 il a été ignoré par sécurité.",
                "This file's name in the archive tries to leave its folder (\"../\"): it was \
                 skipped for safety.",
            ),
            Text::ErrorUnsupported => (
                "Ce fichier est compressé d'une façon que Reflet ne sait pas lire. Décompressez \
                 l'archive sur votre appareil, puis ouvrez le dossier obtenu.",
                "This file is compressed in a way Reflet cannot read. Unzip the archive on your \
                 device, then open the resulting folder.",
            ),
            Text::ErrorCancelled => (
                "Vous avez annulé l'analyse avant la fin de ce fichier.",
                "You cancelled the analysis before this file was finished.",
            ),
            Text::ErrorMalformed => (
                "Le contenu de ce fichier est abîmé en cours de route\u{a0}: ce qui précède a été \
                 lu. Demandez un nouvel export si le problème revient.",
                "This file's content is damaged partway: what comes before was read. Ask for a new \
                 export if it happens again.",
            ),
            Text::ErrorTooLarge => (
                "Une ligne de ce fichier dépasse 16\u{a0}Mo\u{a0}: Reflet ne la lit pas, pour ne pas \
                 saturer la mémoire de votre appareil. Vos autres fichiers sont analysés.",
                "A line in this file is longer than 16 MB: Reflet does not read it, so as not to \
                 fill your device's memory. Your other files are analysed.",
            ),
            Text::SectionProblems => ("Problèmes", "Problems"),
            Text::SectionOthers => ("Autres fichiers", "Other files"),
            Text::ErrorInvalidText => (
                "Ce fichier contient des octets qui ne forment pas du texte valide (UTF-8)\u{a0}: il \
                 est peut-être abîmé. Demandez un nouvel export, ou réenregistrez-le en UTF-8 dans \
                 un éditeur de texte.",
                "This file contains bytes that are not valid text (UTF-8): it may be damaged. Ask \
                 for a new export, or save it again as UTF-8 in a text editor.",
            ),
            Text::ErrorWrongType => (
                "Le contenu de ce fichier ne correspond pas à son nom (une image renommée en \
                 «\u{a0}.json\u{a0}», par exemple). Vérifiez que vous avez choisi le bon fichier.",
                "This file's content does not match its name (an image renamed \".json\", for \
                 example). Check that you chose the right file.",
            ),
            Text::Cancel => ("Annuler l'analyse", "Cancel the analysis"),
            Text::ProgressLabel => ("Avancement de la lecture", "Reading progress"),
            Text::RoutineChartTitle => (
                "Part du temps passé hors de chez vous, par heure et par jour de la semaine",
                "Share of time spent away from home, by hour and day of the week",
            ),
            Text::RoutineChartAlt => (
                "Carte de chaleur\u{a0}: plus la case est foncée, plus vous étiez souvent hors de \
                 chez vous à cette heure-là, ce jour-là. Les mêmes valeurs sont dans le tableau \
                 «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Heat map: the darker the cell, the more often you were away from home at that hour \
                 on that day. The same values are in the table \"Show the values in a table\", just \
                 below.",
            ),
            Text::RoutineTableShow => (
                "Voir les valeurs dans un tableau",
                "Show the values in a table",
            ),
            Text::RoutineTableDay => ("Jour", "Day"),
            Text::RoutineNoData => ("pas de données", "no data"),
            Text::RoutineLegendNever => ("jamais hors de chez vous", "never away from home"),
            Text::RoutineLegendAlways => ("toujours hors de chez vous", "always away from home"),
            Text::AcrossTitle => ("Tous vos fichiers ensemble", "All your files together"),
            Text::TimelineChartTitle => (
                "Les jours où chaque service vous a vu",
                "The days each service saw you",
            ),
            Text::TimelineChartAlt => (
                "Frise\u{a0}: une ligne par service, une marque pour chaque jour (ou groupe de jours \
                 proches) où il vous a vu. Les premiers et derniers jours, et leur nombre, sont \
                 dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Timeline: one row per service, a mark for each day (or group of nearby days) it saw \
                 you. The first and last days, and how many, are in the table \"Show the values \
                 in a table\", just below.",
            ),
            Text::TimelineService => (
                "Service",
                "Service",
            ),
            Text::TimelineFirst => (
                "Premier jour",
                "First day",
            ),
            Text::TimelineLast => (
                "Dernier jour",
                "Last day",
            ),
            Text::TimelineDays => (
                "Jours",
                "Days",
            ),
            Text::PortraitRhythmTitle => (
                "Toutes vos actions datées, par heure et par jour (heure de Paris), chaque service \
                 comptant pour 1\u{a0}000\u{a0}points",
                "All your dated actions, by hour and day (Paris time), each service counting for \
                 1,000 points",
            ),
            Text::KnowsTitle => (
                "Ce que chaque service sait de vous",
                "What each service knows about you",
            ),
            Text::KnowsWhere => (
                "Où vous êtes",
                "Where you are",
            ),
            Text::KnowsInterests => (
                "Vos goûts",
                "Your tastes",
            ),
            Text::KnowsContacts => (
                "Vos relations",
                "Whom you know",
            ),
            Text::KnowsHabits => (
                "Vos habitudes",
                "Your habits",
            ),
            Text::KnowsMoney => (
                "Vos dépenses",
                "Your spending",
            ),
            Text::KnowsHealth => (
                "Votre santé",
                "Your health",
            ),
            Text::KnowsPrecise => (
                "précis",
                "precise",
            ),
            Text::KnowsApproximate => (
                "approximatif",
                "approximate",
            ),
            Text::KnowsYes => (
                "oui",
                "yes",
            ),
            Text::KnowsNo => (
                "non",
                "no",
            ),
            Text::RhythmChartTitle => (
                "Vos actions datées, par heure et par jour de la semaine (heure de Paris)",
                "Your dated actions, by hour and day of the week (Paris time)",
            ),
            Text::RhythmChartAlt => (
                "Carte de chaleur\u{a0}: plus la case est foncée, plus vous avez agi souvent à \
                 cette heure-là, ce jour-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir \
                 les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Heat map: the darker the cell, the more often you acted at that hour on that \
                 day. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::RhythmLegendNone => ("aucune action", "no action"),
            Text::RhythmLegendMost => ("l'heure la plus active", "the busiest hour"),
            Text::LoginsShow => (
                "Voir les appareils et les adresses IP",
                "Show the devices and IP addresses",
            ),
            Text::LoginsDevices => ("Appareils et navigateurs", "Devices and browsers"),
            Text::LoginsAddresses => ("Adresses IP", "IP addresses"),
            Text::LoginsDevice => ("Appareil ou navigateur", "Device or browser"),
            Text::LoginsAddress => ("Adresse IP", "IP address"),
            Text::LoginsCount => ("Connexions", "Logins"),
            Text::LoginsFirst => ("Première", "First"),
            Text::LoginsLast => ("Dernière", "Last"),
            Text::InferencesShow => (
                "Voir tout ce que la plateforme a déduit",
                "Show everything the platform inferred",
            ),
            Text::MediaUses => ("Utilisations", "Uses"),
            Text::MediaMonthsTitle => (
                "Temps de lecture par mois, en minutes",
                "Time played by month, in minutes",
            ),
            Text::MediaMonthsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que vous \
                 avez écouté ou regardé longtemps ce mois-là. Les mêmes valeurs sont dans le \
                 tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the longer you listened or watched \
                 that month. The same values are in the table \"Show the values in a table\", just \
                 below.",
            ),
            Text::MediaTopShow => ("Voir les plus lus", "Show what was played most"),
            Text::MediaCreators => (
                "Artistes, podcasts, séries ou chaînes les plus lus",
                "Artists, podcasts, series or channels played most",
            ),
            Text::MediaTitles => ("Titres les plus lus", "Titles played most"),
            Text::MediaPlays => ("Lectures", "Plays"),
            Text::MediaTime => ("Durée", "Time"),
            Text::MediaSegments => ("Segments marketing", "Marketing segments"),
            Text::EnergyMonthsTitle => ("Énergie par mois, en kWh", "Energy by month, in kWh"),
            Text::EnergyMonthsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que le \
                 logement a consommé ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more energy the home used that \
                 month. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::EnergyDayTitle => (
                "Puissance moyenne heure par heure, en watts",
                "Mean power hour by hour, in watts",
            ),
            Text::EnergyDayAlt => (
                "Carte de chaleur\u{a0}: une ligne pour les jours de semaine, une pour le week-end, \
                 une case par heure, d'autant plus foncée que le logement consommait à cette \
                 heure-là (jours d'absence exclus). Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Heat map: one row for weekdays, one for weekends, one cell an hour, the darker the \
                 more power the home drew at that hour (days away left out). The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::EnergyWeekdays => ("Semaine", "Weekdays"),
            Text::EnergyWeekends => ("Week-end", "Weekend"),
            Text::EnergyLegendLow => ("Consommation la plus faible", "Lowest use"),
            Text::EnergyLegendHigh => ("Consommation la plus forte", "Highest use"),
            Text::MoneyMonthsTitle => ("Dépenses par mois", "Money out by month"),
            Text::MoneyMonthsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que vous \
                 avez dépensé ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more you spent that month. \
                 The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::MoneyCategoriesTitle => ("Dépenses par catégorie", "Money out by category"),
            Text::MoneyCategoriesAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par catégorie de dépense, d'autant plus \
                 haute que vous y avez dépensé. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a category of spending, the taller the more you spent \
                 on it. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::MoneyCategory => ("Catégorie", "Category"),
            Text::ChatMonthsTitle => ("Messages par mois", "Messages by month"),
            Text::ChatMonthsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que la \
                 discussion a compté de messages ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more messages the chat had that \
                 month. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::ActivityMonthsTitle => ("Activité par mois", "Activity by month"),
            Text::HealthStepsTitle => (
                "Pas par jour, en moyenne, mois par mois",
                "Steps a day, on average, month by month",
            ),
            Text::HealthStepsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que vous \
                 avez marché chaque jour ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more you walked each day that \
                 month. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::HealthHeartTitle => (
                "Fréquence cardiaque moyenne, mois par mois, en battements par minute",
                "Mean heart rate, month by month, in beats a minute",
            ),
            Text::HealthHeartAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que votre \
                 cœur battait vite en moyenne ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the faster your heart beat on \
                 average that month. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::ChatRhythmTitle => (
                "Les messages, par heure et jour de la semaine (heure de Paris)",
                "The messages, by hour and day of the week (Paris time)",
            ),
            Text::ActivityRhythmTitle => (
                "L'activité, par heure et jour de la semaine (heure de Paris)",
                "The activity, by hour and day of the week (Paris time)",
            ),
            Text::ActivityMonthsAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que le \
                 service a enregistré d'actions ce mois-là. Les mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more actions the service \
                 recorded that month. The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::AdsShow => (
                "Voir les annonceurs qui vous ont le plus visé",
                "Show the advertisers who targeted you most",
            ),
            Text::AdsCaption => (
                "Publicités montrées, par annonceur (les dix premiers)",
                "Ads shown, by advertiser (the first ten)",
            ),
            Text::AdsAdvertiser => ("Annonceur", "Advertiser"),
            Text::AdsCount => ("Publicités", "Ads"),
            Text::ConversationsShow => ("Voir les conversations", "Show the conversations"),
            Text::ConversationsName => ("Conversation", "Conversation"),
            Text::ConversationsMessages => ("Messages", "Messages"),
            Text::ConversationsSent => ("Envoyés par vous", "Sent by you"),
            Text::NamesShow => ("Afficher les noms", "Show the names"),
            Text::NamesHidden => (
                "Les noms sont masqués\u{a0}: ils ne s'affichent que si vous le demandez.",
                "The names are hidden: they show only if you ask.",
            ),
            Text::ContactsShow => (
                "Voir les relations par année",
                "Show the relations by year",
            ),
            Text::ContactsYear => ("Année", "Year"),
            Text::ContactsCaption => (
                "Relations commencées chaque année",
                "Relations begun each year",
            ),
            Text::OffPlatformChartTitle => (
                "Événements envoyés par des applications et des sites, par mois",
                "Events sent by apps and sites, by month",
            ),
            Text::OffPlatformChartAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que les \
                 applications et les sites ont envoyé d'événements ce mois-là. Les mêmes valeurs \
                 sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en \
                 dessous.",
                "Column chart: one column a month, the taller the more events apps and sites sent \
                 that month. The same values are in the table \"Show the values in a table\", just \
                 below.",
            ),
            Text::ChartMonth => ("Mois", "Month"),
            Text::ContactsChartAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par année, d'autant plus haute que plus de \
                 relations ont commencé cette année-là. Les mêmes valeurs sont dans le tableau \
                 «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a year, the taller the more relations began that year. \
                 The same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::LoginsChartTitle => ("Connexions par mois", "Logins by month"),
            Text::LoginsChartAlt => (
                "Diagramme en colonnes\u{a0}: une colonne par mois, d'autant plus haute que le \
                 compte a été ouvert de fois ce mois-là. Les mêmes valeurs sont dans le tableau \
                 «\u{a0}Voir les valeurs dans un tableau\u{a0}», juste en dessous.",
                "Column chart: one column a month, the taller the more logins that month. The \
                 same values are in the table \"Show the values in a table\", just below.",
            ),
            Text::ConversationsCaption => (
                "Les conversations les plus fournies",
                "The busiest conversations",
            ),
            Text::TripsChartTitle => (
                "Distance parcourue par mode de déplacement",
                "Distance travelled by way of travelling",
            ),
            Text::TripsChartAlt => (
                "Histogramme empilé\u{a0}: la hauteur de chaque colonne est la distance parcourue \
                 sur la période, partagée en couleurs par mode (voir la légende). Les mêmes \
                 valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un tableau\u{a0}», \
                 juste en dessous.",
                "Stacked columns: each column's height is the distance travelled in the period, \
                 split in colours by mode (see the legend). The same values are in the table \
                 \"Show the values in a table\", just below.",
            ),
            Text::Co2ChartTitle => (
                "Émissions de CO2 par mode de déplacement (kg d'équivalent CO2, facteurs de \
                 l'ADEME)",
                "CO2 emissions by way of travelling (kg of CO2 equivalent, ADEME factors)",
            ),
            Text::Co2ChartAlt => (
                "Histogramme empilé\u{a0}: la hauteur de chaque colonne est le CO2 émis par vos \
                 trajets sur la période, partagé en couleurs par mode (voir la légende). Les \
                 mêmes valeurs sont dans le tableau «\u{a0}Voir les valeurs dans un \
                 tableau\u{a0}», juste en dessous.",
                "Stacked columns: each column's height is the CO2 your trips emitted in the period, \
                 split in colours by mode (see the legend). The same values are in the table \
                 \"Show the values in a table\", just below.",
            ),
            Text::ChartPeriod => ("Période", "Period"),
            Text::PeriodWeek => ("Par semaine", "By week"),
            Text::PeriodMonth => ("Par mois", "By month"),
            Text::PeriodYear => ("Par année", "By year"),
            Text::ChartTotal => ("Total", "Total"),
            Text::MapTitle => (
                "Carte de vos positions",
                "Map of your positions",
            ),
            Text::MapAlt => (
                "Carte\u{a0}: plus une zone est orange foncé, plus vous y avez de positions\u{a0}; \
                 le rond bleu marque votre domicile probable, le rond violet votre lieu de travail \
                 probable, les points gris vos lieux les plus fréquentés. La liste sous la carte \
                 les nomme.",
                "Map: the darker orange an area, the more positions you have there; the blue dot \
                 marks your probable home, the purple dot your probable place of work, the grey \
                 dots your most visited places. The list below the map names them.",
            ),
            Text::MapHint => (
                "Déplacez la carte en la faisant glisser, ou avec les flèches du clavier\u{a0}; \
                 zoomez avec les boutons, en pinçant, avec Ctrl et la molette, ou avec les touches \
                 + et -\u{a0}; 0 revient à la vue de départ.",
                "Move the map by dragging it, or with the arrow keys; zoom with the buttons, by \
                 pinching, with Ctrl and the wheel, or with the + and - keys; 0 goes back to the \
                 first view.",
            ),
            Text::MapCredits => (
                "Fond de carte\u{a0}: Natural Earth (domaine public). Noms de lieux\u{a0}: \
                 GeoNames (CC BY 4.0). Vues de plus près que 20\u{a0}km, les côtes et les \
                 frontières ne sont pas tracées\u{a0}: à cette échelle, ce fond de carte les \
                 placerait mal.",
                "Basemap: Natural Earth (public domain). Place names: GeoNames (CC BY 4.0). Seen \
                 closer than 20\u{a0}km across, coasts and borders are not drawn: at that scale, \
                 this basemap would put them in the wrong place.",
            ),
            Text::MapZoomIn => ("Zoomer", "Zoom in"),
            Text::MapZoomOut => ("Dézoomer", "Zoom out"),
            Text::MapReset => ("Vue de départ", "First view"),
            Text::MapHome => ("Domicile probable\u{a0}: ", "Probable home: "),
            Text::MapWork => ("Travail probable\u{a0}: ", "Probable place of work: "),
            Text::MapPlace => ("Lieu fréquenté\u{a0}: ", "Frequent place: "),
            Text::MapRole => ("carte", "map"),
            Text::DayOpen => ("Voir une journée", "See a day"),
            Text::DayTitle => ("Une journée", "One day"),
            Text::DayPrevious => ("Jour précédent", "Previous day"),
            Text::DayNext => ("Jour suivant", "Next day"),
            Text::DayPick => ("Choisir une date", "Pick a date"),
            Text::DayClose => ("Fermer la journée", "Close the day"),
            Text::DayLoading => ("Chargement de la journée…", "Loading the day…"),
            Text::DayGone => ("Cette journée n'est plus disponible\u{a0}: le moteur d'analyse qui a lu ce fichier s'est arrêté. Ouvrez le fichier à nouveau pour la revoir.", "This day is no longer available: the analysis engine that read this file has stopped. Open the file again to see it."),
            Text::DayNoPath => ("Le tracé de la journée n'est pas conservé pour ce fichier (trop de positions pour la mémoire de cet appareil)\u{a0}: seuls ses trajets sont montrés.", "The day's path is not kept for this file (too many positions for this device's memory): only its trips are shown."),
            Text::DayTimeline => ("La journée, dans l'ordre", "The day, in order"),
            Text::DayTripMode => ("Mode de ce trajet", "Mode of this trip"),
            Text::DayPlaceIs => ("Ce lieu est", "This place is"),
            Text::PlaceAsFound => ("tel que Reflet l'a trouvé", "as Reflet found it"),
            Text::PlaceMyHome => ("mon domicile", "my home"),
            Text::PlaceMyWork => ("mon lieu de travail ou d'études", "my place of work or study"),
            Text::PlaceOthersHome => ("chez quelqu'un d'autre (famille, amis)", "someone else's home (family, friends)"),
            Text::PlaceNotMine => ("ni mon domicile ni mon travail", "neither my home nor my work"),
            Text::DayNothing => (
                "Aucune journée à montrer\u{a0}: ce fichier ne contient aucun trajet, et ses \
                 positions n'ont pas été gardées (trop nombreuses pour la mémoire de cet appareil).",
                "No day to show: this file holds no trip, and its positions were not kept (too many \
                 for this device's memory).",
            ),
            Text::DayCorrectHint => ("Si un mode ou un lieu est faux, corrigez-le\u{a0}: le domicile, le travail, les totaux, le CO2 et les graphiques sont recalculés. Vos corrections restent sur cet appareil, en mémoire seulement.", "If a mode or a place is wrong, correct it: home, work, the totals, the CO2 and the charts are worked out again. Your corrections stay on this device, in memory only."),
            Text::ErrorEmpty => (
                "Ce fichier est vide\u{a0}: il n'y a rien à lire.",
                "This file is empty: there is nothing to read.",
            ),
        }
    }
}

/// The French or the English of a `(french, english)` pair.
pub(crate) fn pick(lang: Lang, (fr, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A colon as each language writes it: French puts a no-break space before it.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// A byte size in the person's language: `1,2 Mo` / `1.2 MB` (decimal units, as file managers show).
pub fn format_size(lang: Lang, bytes: u64) -> String {
    const UNITS_FR: [&str; 5] = ["octets", "ko", "Mo", "Go", "To"];
    const UNITS_EN: [&str; 5] = ["bytes", "kB", "MB", "GB", "TB"];
    let units = match lang {
        Lang::Fr => UNITS_FR,
        Lang::En => UNITS_EN,
    };
    let [small, larger @ ..] = units;
    if bytes < 1000 {
        let unit = match (lang, bytes) {
            (Lang::Fr, 0 | 1) => "octet",
            (Lang::En, 1) => "byte",
            _ => small,
        };
        return format!("{bytes}\u{a0}{unit}");
    }
    #[allow(clippy::cast_precision_loss)] // display only; sizes far below 2^52
    let mut value = bytes as f64;
    let mut unit = small;
    // Divide until the number, once rounded for display, is below 1000 ("1.0 MB", not "1000 kB").
    for next in larger {
        value /= 1000.0;
        unit = next;
        if value < 999.5 {
            break;
        }
    }
    // One decimal below 10 ("9.9 MB"), none from the value that rounds to 10 on ("10 MB").
    let digits = usize::from(value < 9.95);
    let number = format!("{value:.digits$}");
    let number = match lang {
        Lang::Fr => number.replace('.', ","),
        Lang::En => number,
    };
    format!("{number}\u{a0}{unit}")
}

/// "3 files" / "3 fichiers".
pub fn file_count(lang: Lang, n: usize) -> String {
    let count = format_count(lang, n as u64);
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{count} fichier"),
        (Lang::Fr, _) => format!("{count} fichiers"),
        (Lang::En, 1) => format!("{count} file"),
        (Lang::En, _) => format!("{count} files"),
    }
}

/// Announced when files are added: "3 files added, being read." / "3 fichiers ajoutés, en cours de lecture."
pub fn files_added(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} fichier ajouté, en cours de lecture."),
        (Lang::Fr, _) => format!("{n} fichiers ajoutés, en cours de lecture."),
        (Lang::En, 1) => format!("{n} file added, being read."),
        (Lang::En, _) => format!("{n} files added, being read."),
    }
}

/// The summary row of an archive: "Archive: 12 files" / "Archive : 12 fichiers".
pub fn archive_summary(lang: Lang, files: usize) -> String {
    match lang {
        Lang::Fr => format!("Archive\u{a0}: {}", file_count(lang, files)),
        Lang::En => format!("Archive: {}", file_count(lang, files)),
    }
}

/// The line under a progress bar: "45 % · Takeout/Records.json · 12 files found · about 20 s left".
pub fn progress_line(
    lang: Lang,
    percent: u8,
    entry: &str,
    found: u32,
    eta_secs: Option<u64>,
) -> String {
    let mut parts = vec![match lang {
        Lang::Fr => format!("{percent}\u{a0}%"),
        Lang::En => format!("{percent}%"),
    }];
    if !entry.is_empty() {
        parts.push(entry.to_owned());
    }
    if found > 0 {
        let n = usize::try_from(found).unwrap_or(usize::MAX);
        parts.push(match lang {
            Lang::Fr => format!(
                "{} trouvé{}",
                file_count(lang, n),
                if n > 1 { "s" } else { "" }
            ),
            Lang::En => format!("{} found", file_count(lang, n)),
        });
    }
    if let Some(secs) = eta_secs {
        let time = if secs < 60 {
            format!("{secs}\u{a0}s")
        } else {
            format!("{}\u{a0}min", secs.div_ceil(60))
        };
        parts.push(match lang {
            Lang::Fr => format!("encore environ {time}"),
            Lang::En => format!("about {time} left"),
        });
    }
    parts.join(" · ")
}

/// A whole number with the language's thousands separator: `12 345` / `12,345`.
pub fn format_count(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// What a location history holds: "12,345 positions, from 2013-12-01 to 2024-03-01".
pub fn positions_summary(
    lang: Lang,
    count: u64,
    first: Option<&str>,
    last: Option<&str>,
) -> String {
    let n = format_count(lang, count);
    let plural = if count > 1 { "s" } else { "" };
    match (lang, first.zip(last)) {
        (Lang::Fr, Some((a, b))) => format!("{n} position{plural}, du {a} au {b}"),
        (Lang::En, Some((a, b))) => format!("{n} position{plural}, from {a} to {b}"),
        (_, None) => format!("{n} position{plural}"),
    }
}

/// Stays and moves a location export lists: "12 visits to places, 30 trips".
pub fn visits_and_moves(lang: Lang, visits: u64, moves: u64) -> Option<String> {
    let part = |n: u64, fr: (&str, &str), en: (&str, &str)| {
        let count = format_count(lang, n);
        match (lang, n) {
            (_, 0) => None,
            (Lang::Fr, 1) => Some(format!("{count} {}", fr.0)),
            (Lang::Fr, _) => Some(format!("{count} {}", fr.1)),
            (Lang::En, 1) => Some(format!("{count} {}", en.0)),
            (Lang::En, _) => Some(format!("{count} {}", en.1)),
        }
    };
    let parts: Vec<String> = [
        part(
            visits,
            ("lieu visité", "lieux visités"),
            ("place visited", "places visited"),
        ),
        part(moves, ("trajet", "trajets"), ("trip", "trips")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The button under a long archive: "Show 200 more (1,234 not shown)".
pub fn show_more(lang: Lang, step: usize, left: usize) -> String {
    let (step, left) = (
        format_count(lang, step as u64),
        format_count(lang, left as u64),
    );
    match lang {
        Lang::Fr => format!("Afficher {step} de plus ({left} non affichés)"),
        Lang::En => format!("Show {step} more ({left} not shown)"),
    }
}

/// A text in both languages, as the report carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Messages {
    pub fr: String,
    pub en: String,
}

impl Messages {
    /// Both languages from one function of the language.
    pub fn from_fn(text: impl Fn(Lang) -> String) -> Messages {
        Messages {
            fr: text(Lang::Fr),
            en: text(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// "every 2 minutes" / "toutes les 2 minutes", from seconds.
fn pace(lang: Lang, seconds: u64) -> String {
    let (n, fr, en) = match seconds {
        0..=89 => (seconds.max(1), "seconde", "second"),
        90..=3569 => ((seconds + 30) / 60, "minute", "minute"),
        _ => ((seconds + 1800) / 3600, "heure", "hour"),
    };
    match (lang, n) {
        (Lang::Fr, 1) => format!("chaque {fr}"),
        (Lang::Fr, _) => format!("toutes les {n}\u{a0}{fr}s"),
        (Lang::En, 1) => format!("every {en}"),
        (Lang::En, _) => format!("every {n} {en}s"),
    }
}

/// How closely a location history follows the person: "Google recorded where you were every 2
/// minutes on average, on 2,341 days between 2014 and 2024." `company` is who recorded it, if known.
pub fn coverage(
    lang: Lang,
    company: Option<&str>,
    days: u64,
    years: (i64, i64),
    interval_s: Option<u64>,
) -> String {
    let d = format_count(lang, days);
    let span = match (lang, years, days) {
        (Lang::Fr, _, 1) => format!("sur 1\u{a0}jour, en {}", years.0),
        (Lang::En, _, 1) => format!("on 1 day, in {}", years.0),
        (Lang::Fr, (a, b), _) if a == b => format!("sur {d}\u{a0}jours en {a}"),
        (Lang::En, (a, b), _) if a == b => format!("on {d} days in {a}"),
        (Lang::Fr, (a, b), _) => format!("sur {d}\u{a0}jours entre {a} et {b}"),
        (Lang::En, (a, b), _) => format!("on {d} days between {a} and {b}"),
    };
    let how_often = interval_s.map(|s| pace(lang, s));
    match (lang, company, how_often) {
        (Lang::Fr, Some(c), Some(p)) => {
            format!("{c} a enregistré où vous étiez {p} en moyenne, {span}.")
        }
        (Lang::Fr, None, Some(p)) => {
            format!("Ce fichier indique où vous étiez {p} en moyenne, {span}.")
        }
        (Lang::Fr, Some(c), None) => format!("{c} a enregistré où vous étiez {span}."),
        (Lang::Fr, None, None) => format!("Ce fichier indique où vous étiez {span}."),
        (Lang::En, Some(c), Some(p)) => {
            format!("{c} recorded where you were {p} on average, {span}.")
        }
        (Lang::En, None, Some(p)) => {
            format!("This file shows where you were {p} on average, {span}.")
        }
        (Lang::En, Some(c), None) => format!("{c} recorded where you were {span}."),
        (Lang::En, None, None) => format!("This file shows where you were {span}."),
    }
}

/// A distance: "120 m", "3.4 km" / "3,4 km".
pub fn distance(lang: Lang, metres: f64) -> String {
    if metres < 1000.0 {
        format!("{:.0}\u{a0}m", (metres / 10.0).round() * 10.0)
    } else {
        let km = format!("{:.1}", metres / 1000.0);
        match lang {
            Lang::Fr => format!("{}\u{a0}km", km.replace('.', ",")),
            Lang::En => format!("{km}\u{a0}km"),
        }
    }
}

/// A way of travelling, in words.
pub fn mode_name(lang: Lang, mode: crate::model::location::Mode) -> &'static str {
    use crate::model::location::Mode;
    let (fr, en) = match mode {
        Mode::Walking => ("marche", "walking"),
        Mode::Running => ("course à pied", "running"),
        Mode::Cycling => ("vélo", "cycling"),
        Mode::Car => ("voiture", "car"),
        Mode::Motorcycle => ("deux-roues motorisé", "motorcycle"),
        Mode::Bus => ("bus", "bus"),
        Mode::Train => ("train", "train"),
        Mode::Subway => ("métro", "underground"),
        Mode::Tram => ("tramway", "tram"),
        Mode::Ferry => ("bateau", "boat"),
        Mode::Flying => ("avion", "plane"),
        Mode::Skiing => ("ski", "skiing"),
        Mode::Still => ("immobile", "still"),
        Mode::Unknown => ("inconnu", "unknown"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// What the service itself concluded about home and work, and how far Reflet's own reading of
/// the nights is from it. `home`, `work`: positions as text; `apart_m`: Reflet's home to the
/// service's.
pub fn service_places(
    lang: Lang,
    company: &str,
    home: Option<&str>,
    work: Option<&str>,
    apart_m: Option<f64>,
) -> String {
    let labelled = match (lang, home, work) {
        (Lang::Fr, Some(h), Some(w)) => format!(
            "{company} a lui-même étiqueté un lieu comme votre domicile, vers {h}, et un autre \
             comme votre travail, vers {w}."
        ),
        (Lang::Fr, Some(h), None) => {
            format!("{company} a lui-même étiqueté un lieu comme votre domicile, vers {h}.")
        }
        (Lang::Fr, None, Some(w)) => {
            format!("{company} a lui-même étiqueté un lieu comme votre travail, vers {w}.")
        }
        (Lang::En, Some(h), Some(w)) => format!(
            "{company} itself labelled a place as your home, around {h}, and one as your work, \
             around {w}."
        ),
        (Lang::En, Some(h), None) => {
            format!("{company} itself labelled a place as your home, around {h}.")
        }
        (Lang::En, None, Some(w)) => {
            format!("{company} itself labelled a place as your work, around {w}.")
        }
        (_, None, None) => String::new(),
    };
    let compared = match (lang, apart_m) {
        (Lang::Fr, Some(d)) if d < 200.0 => {
            " D'après vos nuits, Reflet situe votre domicile au même endroit.".to_owned()
        }
        (Lang::Fr, Some(d)) => format!(
            " D'après vos nuits, Reflet situe votre domicile à {} de là.",
            distance(lang, d)
        ),
        (Lang::En, Some(d)) if d < 200.0 => {
            " Reflet's own reading of your nights puts your home at the same place.".to_owned()
        }
        (Lang::En, Some(d)) => format!(
            " Reflet's own reading of your nights puts your home {} from there.",
            distance(lang, d)
        ),
        (_, None) => String::new(),
    };
    labelled + &compared
}

/// The service's estimate of how much the person favours each way of travelling.
pub fn affinities(
    lang: Lang,
    company: &str,
    shares: &[(crate::model::location::Mode, f64)],
) -> String {
    let list = shares
        .iter()
        .map(|&(mode, share)| {
            let percent = (share * 100.0).round();
            match lang {
                Lang::Fr => format!("{} {percent}\u{a0}%", mode_name(lang, mode)),
                Lang::En => format!("{} {percent}%", mode_name(lang, mode)),
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Fr => format!(
            "{company} estime votre préférence pour chaque mode de déplacement\u{a0}: {list}."
        ),
        Lang::En => {
            format!("{company} estimates how much you favour each way of travelling: {list}.")
        }
    }
}

/// An activity Google guessed, in words ("still", "in a vehicle"…); a type it does not document,
/// lower-cased as written.
pub fn activity_name(lang: Lang, kind: &str) -> String {
    let (fr, en) = match kind.to_ascii_uppercase().as_str() {
        "STILL" => ("immobile", "still"),
        "ON_FOOT" => ("à pied", "on foot"),
        "WALKING" => ("en train de marcher", "walking"),
        "RUNNING" => ("en train de courir", "running"),
        "ON_BICYCLE" => ("à vélo", "cycling"),
        "IN_VEHICLE" => ("en véhicule", "in a vehicle"),
        "IN_ROAD_VEHICLE" => ("en véhicule routier", "in a road vehicle"),
        "IN_RAIL_VEHICLE" => ("en train ou en tram", "in a train or tram"),
        "IN_FOUR_WHEELER_VEHICLE" => ("en véhicule à quatre roues", "in a four-wheeled vehicle"),
        "IN_TWO_WHEELER_VEHICLE" => ("en deux-roues", "on a two-wheeler"),
        "IN_CAR" => ("en voiture", "in a car"),
        "IN_BUS" => ("en bus", "on a bus"),
        "EXITING_VEHICLE" => (
            "en train de descendre d'un véhicule",
            "getting out of a vehicle",
        ),
        "TILTING" => ("en train d'incliner le téléphone", "tilting the phone"),
        "UNKNOWN" => ("indéterminé", "undetermined"),
        _ => return kind.to_lowercase(),
    };
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// A share of a whole in percent, rounded; "<1 %" rather than "0 %" for a few.
fn share(lang: Lang, part: u64, whole: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let value = (part as f64 * 100.0 / whole.max(1) as f64).round();
    if value < 1.0 && part > 0 {
        return match lang {
            Lang::Fr => "<1\u{a0}%".to_owned(),
            Lang::En => "<1%".to_owned(),
        };
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0–100
    percent(lang, value.clamp(0.0, 100.0) as u8)
}

/// Items joined the way each language lists them: "a, b and c" / "a, b et c".
pub(crate) fn list_and(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// The first `shown` items, then how many more: "3 other activities" / "3 autres activités".
pub(crate) fn first_and_others(
    lang: Lang,
    mut items: Vec<String>,
    shown: usize,
    fr: (&str, &str),
    en: (&str, &str),
) -> String {
    let more = items.len().saturating_sub(shown);
    if more > 0 {
        items.truncate(shown);
        let count = format_count(lang, more as u64);
        items.push(match (lang, more) {
            (Lang::Fr, 1) => format!("{count} {}", fr.0),
            (Lang::Fr, _) => format!("{count} {}", fr.1),
            (Lang::En, 1) => format!("{count} {}", en.0),
            (Lang::En, _) => format!("{count} {}", en.1),
        });
    }
    list_and(lang, &items)
}

/// How often the service guessed what the person was doing, and its guesses, most frequent first
/// (`guesses`: type and count); the first four are named.
pub fn activity_guesses(lang: Lang, company: &str, guesses: &[(String, u64)]) -> String {
    let total: u64 = guesses.iter().map(|(_, n)| n).sum();
    let items: Vec<String> = guesses
        .iter()
        .map(|(kind, n)| format!("{} ({})", activity_name(lang, kind), share(lang, *n, total)))
        .collect();
    let list = first_and_others(
        lang,
        items,
        4,
        ("autre activité", "autres activités"),
        ("other activity", "other activities"),
    );
    let times = format_count(lang, total);
    match (lang, total, guesses.len()) {
        (Lang::Fr, 1, _) => {
            format!("{company} a deviné ce que vous faisiez 1\u{a0}fois\u{a0}: {list}.")
        }
        (Lang::Fr, _, 1) => {
            format!("{company} a deviné ce que vous faisiez {times}\u{a0}fois\u{a0}: {list}.")
        }
        (Lang::Fr, _, _) => format!(
            "{company} a deviné ce que vous faisiez {times}\u{a0}fois\u{a0}: le plus souvent {list}."
        ),
        (Lang::En, 1, _) => format!("{company} guessed what you were doing once: {list}."),
        (Lang::En, _, 1) => {
            format!("{company} guessed what you were doing {times} times: {list}.")
        }
        (Lang::En, _, _) => {
            format!("{company} guessed what you were doing {times} times: mostly {list}.")
        }
    }
}

/// A platform as people write it: `ANDROID` → "Android", `IOS` → "iOS"; another lower-cased.
pub fn platform_name(platform: &str) -> String {
    match platform.to_ascii_uppercase().as_str() {
        "ANDROID" => "Android".to_owned(),
        "IOS" => "iOS".to_owned(),
        _ => platform.to_lowercase(),
    }
}

/// What kind of device a tag stands for, from its platform and form factor: "Android phone" /
/// "téléphone Android", "iOS device" / "appareil iOS".
pub fn device_kind(lang: Lang, platform: Option<&str>, form_factor: Option<&str>) -> String {
    let platform = platform
        .filter(|p| !p.eq_ignore_ascii_case("UNKNOWN"))
        .map(platform_name);
    let known = match form_factor.map(str::to_ascii_uppercase).as_deref() {
        Some("PHONE") => Some(("téléphone", "phone")),
        Some("TABLET") => Some(("tablette", "tablet")),
        _ => None,
    };
    let (fr, en) = known.unwrap_or(("appareil", "device"));
    match (lang, platform, known) {
        (Lang::Fr, Some(p), _) => format!("{fr} {p}"),
        (Lang::En, Some(p), _) => format!("{p} {en}"),
        (Lang::Fr, None, None) => "appareil de type inconnu".to_owned(),
        (Lang::En, None, None) => "device of unknown type".to_owned(),
        (Lang::Fr, None, Some(_)) => fr.to_owned(),
        (Lang::En, None, Some(_)) => en.to_owned(),
    }
}

/// The devices that gave positions: `devices` (what each is, and its positions) most positions
/// first; `tagged` positions name their device, out of `count`. The first four are named.
pub fn position_devices(
    lang: Lang,
    company: &str,
    (tagged, count): (u64, u64),
    devices: &[(String, u64)],
) -> String {
    let items: Vec<String> = devices
        .iter()
        .map(|(kind, n)| format!("{kind} ({})", share(lang, *n, tagged)))
        .collect();
    let list = first_and_others(
        lang,
        items,
        4,
        ("autre appareil", "autres appareils"),
        ("other device", "other devices"),
    );
    let n = format_count(lang, devices.len() as u64);
    let (t, c) = (format_count(lang, tagged), format_count(lang, count));
    let which = match (lang, tagged == count) {
        (Lang::Fr, true) => {
            format!("{company} a noté, pour chaque position, l'appareil qui l'a enregistrée")
        }
        (Lang::Fr, false) => format!(
            "{company} a noté, pour {t} des {c}\u{a0}positions, l'appareil qui l'a enregistrée"
        ),
        (Lang::En, true) => {
            format!("{company} noted, for every position, the device that recorded it")
        }
        (Lang::En, false) => {
            format!("{company} noted, for {t} of the {c} positions, the device that recorded it")
        }
    };
    match (lang, devices.len()) {
        (Lang::Fr, 1) => format!(
            "{which}\u{a0}: un seul appareil ({}).",
            devices.first().map_or("", |d| d.0.as_str())
        ),
        (Lang::Fr, _) => format!("{which}\u{a0}: {n}\u{a0}appareils, {list}."),
        (Lang::En, 1) => format!(
            "{which}: a single device ({}).",
            devices.first().map_or("", |d| d.0.as_str())
        ),
        (Lang::En, _) => format!("{which}: {n} devices, {list}."),
    }
}

/// One device the settings list: its name, platform, since when, and whether it reported its
/// location.
pub fn settings_device(
    lang: Lang,
    name: Option<&str>,
    platform: Option<&str>,
    since: Option<&str>,
    reporting: Option<bool>,
) -> String {
    let name = name.map_or_else(
        || match lang {
            Lang::Fr => "appareil sans nom".to_owned(),
            Lang::En => "unnamed device".to_owned(),
        },
        str::to_owned,
    );
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = platform.filter(|p| !p.eq_ignore_ascii_case("UNKNOWN")) {
        parts.push(platform_name(p));
    }
    if let Some(day) = since.and_then(|s| s.get(..10)) {
        parts.push(match lang {
            Lang::Fr => format!("depuis le {day}"),
            Lang::En => format!("since {day}"),
        });
    }
    if let Some(on) = reporting {
        parts.push(
            match (lang, on) {
                (Lang::Fr, true) => "envoi des positions activé",
                (Lang::Fr, false) => "envoi des positions désactivé",
                (Lang::En, true) => "location reporting on",
                (Lang::En, false) => "location reporting off",
            }
            .to_owned(),
        );
    }
    if parts.is_empty() {
        name
    } else {
        format!("{name} ({})", parts.join(", "))
    }
}

/// The devices a location history's settings list (`items`, from [`settings_device`]).
pub fn settings_devices(lang: Lang, company: &str, items: &[String]) -> String {
    let list = items.join(", ");
    let n = format_count(lang, items.len() as u64);
    match (lang, items.len()) {
        (Lang::Fr, 1) => format!(
            "Les réglages de l'historique des positions de {company} listent 1\u{a0}appareil \
             lié\u{a0}: {list}."
        ),
        (Lang::Fr, _) => format!(
            "Les réglages de l'historique des positions de {company} listent {n}\u{a0}appareils \
             liés\u{a0}: {list}."
        ),
        (Lang::En, 1) => {
            format!("{company}'s Location History settings list 1 linked device: {list}.")
        }
        (Lang::En, _) => {
            format!("{company}'s Location History settings list {n} linked devices: {list}.")
        }
    }
}

/// About how long a number of days is: "about 18 months" / "environ 18 mois"; `None` under two
/// months, where the days say it.
fn about_days(lang: Lang, days: u64) -> Option<String> {
    #[allow(clippy::cast_precision_loss)] // days
    let days_f = days as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small and positive
    let (months, years) = (
        (days_f / 30.4375).round() as u64,
        (days_f / 365.25).round() as u64,
    );
    match (lang, days) {
        (_, 0..60) => None,
        (Lang::Fr, 60..730) => Some(format!("environ {months}\u{a0}mois")),
        (Lang::En, 60..730) => Some(format!("about {months} months")),
        (Lang::Fr, _) => Some(format!("environ {}\u{a0}ans", format_count(lang, years))),
        (Lang::En, _) => Some(format!("about {} years", format_count(lang, years))),
    }
}

/// The location history's own settings: on or off when the export was made, after how many days
/// it deleted positions, and since when the settings exist (`created`, ISO).
pub fn history_settings(
    lang: Lang,
    enabled: Option<bool>,
    retention_days: Option<u64>,
    created: Option<&str>,
) -> String {
    let retention = retention_days.map(|d| {
        let n = format_count(lang, d);
        let about = about_days(lang, d)
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        match (lang, d) {
            (Lang::Fr, 1) => format!("supprimer les positions au bout de 1\u{a0}jour{about}"),
            (Lang::Fr, _) => format!("supprimer les positions au bout de {n}\u{a0}jours{about}"),
            (Lang::En, 1) => format!("delete positions after 1 day{about}"),
            (Lang::En, _) => format!("delete positions after {n} days{about}"),
        }
    });
    let state = enabled.map(|on| match (lang, on) {
        (Lang::Fr, true) => "L'historique des positions était activé au moment de l'export",
        (Lang::Fr, false) => "L'historique des positions était désactivé au moment de l'export",
        (Lang::En, true) => "Location History was on when this export was made",
        (Lang::En, false) => "Location History was off when this export was made",
    });
    let first = match (lang, state, retention) {
        (Lang::Fr, Some(s), Some(r)) => format!("{s}, et réglé pour {r}."),
        (Lang::En, Some(s), Some(r)) => format!("{s}, and set to {r}."),
        (_, Some(s), None) => format!("{s}."),
        (Lang::Fr, None, Some(r)) => format!("L'historique des positions était réglé pour {r}."),
        (Lang::En, None, Some(r)) => format!("Location History was set to {r}."),
        (_, None, None) => String::new(),
    };
    let second = created.and_then(|c| c.get(..10)).map(|day| match lang {
        Lang::Fr => format!("Ses réglages datent du {day}."),
        Lang::En => format!("Its settings date from {day}."),
    });
    match second {
        Some(second) if first.is_empty() => second,
        Some(second) => format!("{first} {second}"),
        None => first,
    }
}

/// Why a location history matters, with the study that showed it.
pub fn uniqueness(lang: Lang, count: u64) -> String {
    let n = format_count(lang, count);
    match lang {
        Lang::Fr => format!(
            "Quelques lieux datés suffisent à distinguer presque tout le monde\u{a0}: quatre points \
             identifient 95\u{a0}% des personnes (de Montjoye et al., Scientific Reports, 2013). Ce \
             fichier en contient {n}."
        ),
        Lang::En => format!(
            "A handful of dated places is enough to single out almost anyone: four points identify \
             95% of people (de Montjoye et al., Scientific Reports, 2013). This file holds {n}."
        ),
    }
}

/// A town and the position it names: "La Rochelle (46.160° N, 1.151° W)", read after "around" /
/// "vers" in a sentence. The same in both languages.
pub fn near_town(town: &str, at: &str) -> String {
    format!("{town} ({at})")
}

/// A position as people read it: "46.160° N, 1.151° W" / "46,160° N, 1,151° O".
pub fn position(lang: Lang, latitude: f64, longitude: f64) -> String {
    let (north, south, east, west) = match lang {
        Lang::Fr => ("N", "S", "E", "O"),
        Lang::En => ("N", "S", "E", "W"),
    };
    let number = |v: f64| {
        let text = format!("{:.3}", v.abs());
        match lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let ns = if latitude >= 0.0 { north } else { south };
    let ew = if longitude >= 0.0 { east } else { west };
    format!(
        "{}°\u{a0}{ns}, {}°\u{a0}{ew}",
        number(latitude),
        number(longitude)
    )
}

/// The probable home, in a sentence with its confidence and, when not high, why.
/// `doubt`: 0 few nights, 1 weekdays and weekends differ, 2 two places, 3 scattered.
#[allow(clippy::too_many_arguments)] // one sentence, every part of it
pub fn home_sentence(
    lang: Lang,
    at: &str,
    nights: u64,
    total: u64,
    confident: Option<bool>,
    doubt: Option<u8>,
) -> String {
    #[allow(clippy::cast_precision_loss)] // night counts are small
    let percent = (nights as f64 * 100.0 / total.max(1) as f64).round();
    let (n, t) = (format_count(lang, nights), format_count(lang, total));
    let reason = |d: u8| match (lang, d) {
        (Lang::Fr, 0) => format!("seules {t}\u{a0}nuits ont des positions"),
        (Lang::Fr, 1) => {
            "vos nuits de semaine et de week-end se passent à des endroits différents \
            (travail de nuit, ou second logement\u{a0}?)"
                .to_owned()
        }
        (Lang::Fr, 2) => {
            "un autre endroit compte aussi beaucoup de vos nuits (deux logements\u{a0}?)".to_owned()
        }
        (Lang::Fr, 4) => {
            "vous passez bien plus de temps dans un autre endroit que là où vous êtes \
            la nuit (travail de nuit\u{a0}?)"
                .to_owned()
        }
        (Lang::Fr, _) => "vos nuits se répartissent entre plusieurs endroits".to_owned(),
        (Lang::En, 0) => format!("only {t} nights have positions"),
        (Lang::En, 1) => "your weekday and weekend nights are spent at different places (night \
            work, or a second home?)"
            .to_owned(),
        (Lang::En, 2) => "another place also holds many of your nights (two homes?)".to_owned(),
        (Lang::En, 4) => "you spend much more time at another place than where you are at night \
            (night work?)"
            .to_owned(),
        (Lang::En, _) => "your nights are spread over several places".to_owned(),
    };
    match (lang, confident, doubt) {
        (Lang::Fr, Some(true), _) => format!(
            "Vous étiez au même endroit {percent}\u{a0}% des nuits ({n} sur {t}), vers {at}\u{a0}: \
             c'est très probablement votre domicile (confiance élevée)."
        ),
        (Lang::En, Some(true), _) => format!(
            "You were at the same place on {percent}% of nights ({n} of {t}), around {at}: very \
             probably your home (high confidence)."
        ),
        (Lang::Fr, Some(false), d) => format!(
            "Vous étiez au même endroit {percent}\u{a0}% des nuits ({n} sur {t}), vers {at}\u{a0}: \
             c'est peut-être votre domicile (confiance moyenne\u{a0}: {}).",
            reason(d.unwrap_or(3))
        ),
        (Lang::En, Some(false), d) => format!(
            "You were at the same place on {percent}% of nights ({n} of {t}), around {at}: perhaps \
             your home (medium confidence: {}).",
            reason(d.unwrap_or(3))
        ),
        (Lang::Fr, None, d) => format!(
            "L'endroit où vous étiez le plus souvent la nuit est vers {at} ({n} nuits sur {t}), \
             mais rien ne permet d'y voir votre domicile avec assurance (confiance faible\u{a0}: {}).",
            reason(d.unwrap_or(3))
        ),
        (Lang::En, None, d) => format!(
            "The place you were at most often at night is around {at} ({n} of {t} nights), but \
             nothing says for sure it is your home (low confidence: {}).",
            reason(d.unwrap_or(3))
        ),
    }
}

/// The probable place of work or study, in a sentence with its confidence.
pub fn work_sentence(
    lang: Lang,
    at: &str,
    days: u64,
    total: u64,
    confident: Option<bool>,
) -> String {
    #[allow(clippy::cast_precision_loss)] // day counts are small
    let percent = (days as f64 * 100.0 / total.max(1) as f64).round();
    let (n, t) = (format_count(lang, days), format_count(lang, total));
    let how = match (lang, confident) {
        (Lang::Fr, Some(true)) => "très probablement là où vous travaillez ou étudiez (confiance élevée)",
        (Lang::Fr, Some(false)) => "peut-être là où vous travaillez ou étudiez (confiance moyenne)",
        (Lang::Fr, None) => {
            "sans qu'on puisse dire si vous y travaillez ou étudiez (confiance faible\u{a0}: trop peu \
             de jours, ou des lieux qui changent)"
        }
        (Lang::En, Some(true)) => "very probably where you work or study (high confidence)",
        (Lang::En, Some(false)) => "perhaps where you work or study (medium confidence)",
        (Lang::En, None) => {
            "though nothing says for sure you work or study there (low confidence: too few days, \
             or places that change)"
        }
    };
    match lang {
        Lang::Fr => format!(
            "En semaine, de 9\u{a0}h à 17\u{a0}h, vous étiez au même endroit hors de chez vous {percent}\u{a0}% \
             des jours ({n} sur {t}), vers {at}\u{a0}: {how}."
        ),
        Lang::En => format!(
            "On weekdays from 9:00 to 17:00, you were at the same place away from home on {percent}% \
             of days ({n} of {t}), around {at}: {how}."
        ),
    }
}

/// A time of day from minutes after midnight: "7 h 50" in French, "7:50" in English.
pub fn clock(lang: Lang, minutes: u16) -> String {
    // The end of the day is 24 h, not 0 h.
    let (h, m) = (
        minutes / 60 % 24 + 24 * u16::from(minutes == 1440),
        minutes % 60,
    );
    match (lang, m) {
        (Lang::Fr, 0) => format!("{h}\u{a0}h"),
        (Lang::Fr, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
        (Lang::En, m) => format!("{h}:{m:02}"),
    }
}

/// A weekday's name, Monday first.
pub fn weekday_name(lang: Lang, day: usize) -> &'static str {
    const FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let names = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    names.get(day).copied().unwrap_or("")
}

/// How the findings on what the service itself recorded (devices, activities, settings) were
/// reached.
fn service_finding_why(lang: Lang, id: &str) -> Option<&'static str> {
    Some(match (lang, id) {
        (Lang::Fr, "activity_guesses") => {
            "Chaque enregistrement de Records.json peut porter les hypothèses de Google sur ce que \
             vous faisiez à un instant (immobile, à pied, en véhicule…), chacune avec une confiance \
             de 0 à 100. Pour chaque instant, on garde celle de plus haute confiance, puis on compte \
             combien de fois chaque activité arrive en tête."
        }
        (Lang::En, "activity_guesses") => {
            "Each record of Records.json may carry Google's guesses of what you were doing at an \
             instant (still, on foot, in a vehicle…), each with a confidence from 0 to 100. For \
             each instant the guess of highest confidence is kept, then each activity's times at \
             the top are counted."
        }
        (Lang::Fr, "devices") => {
            "Dans Records.json, chaque position peut porter l'étiquette (deviceTag) de l'appareil \
             qui l'a enregistrée, avec sa plateforme et son format\u{a0}: on compte les positions \
             par étiquette. Dans Settings.json, Google liste les appareils liés à l'historique, avec \
             leur nom, leur date d'ajout et leur réglage d'envoi des positions, tels qu'écrits."
        }
        (Lang::En, "devices") => {
            "In Records.json, each position may carry the tag (deviceTag) of the device that \
             recorded it, with its platform and form factor: positions are counted per tag. In \
             Settings.json, Google lists the devices linked to the history, with their name, the \
             date they were added and their location reporting setting, as written."
        }
        (Lang::Fr, "history_settings") => {
            "Lu tel quel dans Settings.json\u{a0}: historyEnabled (activé ou non au moment de \
             l'export), retentionWindowDays (le délai de suppression automatique, en jours) et \
             createdTime (la création des réglages)."
        }
        (Lang::En, "history_settings") => {
            "Read as written in Settings.json: historyEnabled (on or off when the export was \
             made), retentionWindowDays (the auto-delete window, in days) and createdTime (when \
             the settings were created)."
        }
        _ => return None,
    })
}

/// How a finding was reached, in plain words: shown under it, and written in the report.
pub fn finding_why(lang: Lang, id: &str) -> &'static str {
    trips::why(lang, id)
        .or_else(|| social::why(lang, id))
        .or_else(|| media::why(lang, id))
        .or_else(|| portrait::why(lang, id))
        .or_else(|| everyday_why(lang, id))
        .or_else(|| service_finding_why(lang, id))
        .unwrap_or_else(|| place_finding_why(lang, id))
}

/// How the findings of issue 9's everyday sources were reached, for those built in.
#[allow(unused_variables)] // with none built in
fn everyday_why(lang: Lang, id: &str) -> Option<&'static str> {
    #[cfg(feature = "activity")]
    if let Some(why) = activity::why(lang, id) {
        return Some(why);
    }
    #[cfg(feature = "energy")]
    if let Some(why) = energy::why(lang, id) {
        return Some(why);
    }
    #[cfg(feature = "chat")]
    if let Some(why) = chat::why(lang, id) {
        return Some(why);
    }
    #[cfg(feature = "money")]
    if let Some(why) = money::why(lang, id) {
        return Some(why);
    }
    #[cfg(feature = "health")]
    if let Some(why) = health::why(lang, id) {
        return Some(why);
    }
    None
}

/// How the findings read from the positions themselves were reached.
fn place_finding_why(lang: Lang, id: &str) -> &'static str {
    match (lang, id) {
        (Lang::Fr, "coverage") => {
            "Compté sur chaque position datée du fichier\u{a0}: les jours (UTC) avec au moins une \
             position, et l'écart moyen entre deux positions, sans les pauses de plus d'une heure \
             (téléphone éteint, historique suspendu)."
        }
        (Lang::En, "coverage") => {
            "Counted over every dated position in the file: the days (UTC) with at least one \
             position, and the mean gap between two positions, leaving out pauses of over an hour \
             (phone off, history paused)."
        }
        (Lang::Fr, "home") => {
            "Chaque position entre 0\u{a0}h et 6\u{a0}h, à l'heure locale de l'endroit (fuseau \
             horaire et heure d'été compris), est rangée dans une case d'environ 150\u{a0}m. \
             L'endroit de chaque nuit est sa case la plus vue\u{a0}; le domicile probable est \
             l'endroit du plus grand nombre de nuits. La confiance baisse avec peu de nuits, des \
             nuits partagées entre deux endroits, des nuits de semaine et de week-end à des endroits \
             différents, ou un autre endroit où vous passez bien plus de temps. La ville est la plus \
             proche dans une liste GeoNames intégrée à Reflet."
        }
        (Lang::En, "home") => {
            "Every position between 0:00 and 6:00, in the place's local time (time zone and \
             daylight saving included), is put in a cell of about 150 m. Each night's place is its \
             most seen cell; the probable home is the place of most nights. Confidence drops with \
             few nights, nights split between two places, weekday and weekend nights at different \
             places, or another place where you spend much more time. The town is the nearest one \
             in a GeoNames list built into Reflet."
        }
        (Lang::Fr, "work") => {
            "Positions des jours de semaine entre 9\u{a0}h et 17\u{a0}h, heure locale, à plus de \
             300\u{a0}m environ du domicile probable\u{a0}: l'endroit le plus vu de chaque jour, puis \
             celui du plus grand nombre de jours."
        }
        (Lang::En, "work") => {
            "Weekday positions between 9:00 and 17:00 local time, more than about 300 m from the \
             probable home: each day's most seen place, then the place of most days."
        }
        (Lang::Fr, "routine") => {
            "Chaque journée est découpée en tranches de 10\u{a0}minutes\u{a0}: chez vous, ailleurs \
             (ou en chemin) ou inconnue. Entre deux positions à moins de deux heures d'écart, le \
             même endroit veut dire que vous y étiez resté, un autre que vous étiez en chemin. Le \
             départ est le premier passage de chez vous à ailleurs entre 4\u{a0}h et 14\u{a0}h, le \
             retour le dernier retour chez vous après midi\u{a0}; on donne la médiane des jours de \
             semaine."
        }
        (Lang::En, "routine") => {
            "Each day is cut into 10-minute slots: at home, elsewhere (or on the way) or unknown. \
             Between two positions less than two hours apart, the same place means you stayed \
             there, another place that you were on the way. The departure is the first move from \
             home to elsewhere between 4:00 and 14:00, the return the last return home after noon; \
             the median over weekdays is given."
        }
        (Lang::Fr, "places") => {
            "Le temps passé dans chaque lieu d'après les séjours que l'export liste, ou à défaut \
             ceux trouvés dans les positions (au moins 15\u{a0}minutes à moins de 150\u{a0}m)."
        }
        (Lang::En, "places") => {
            "Time spent at each place from the stays the export lists, or else those found in the \
             positions (at least 15 minutes within 150 m)."
        }
        (Lang::Fr, "sensitive_places") => {
            "Le nom du lieu contient un mot lié à la santé, à la religion, à la politique, à un \
             syndicat ou à la sexualité. Ce n'est qu'un indice, pas une preuve\u{a0}; mais le RGPD \
             (article\u{a0}9) protège tout particulièrement ces données."
        }
        (Lang::En, "sensitive_places") => {
            "The place's name holds a word tied to health, religion, politics, a trade union or \
             sexuality. It is a hint, not proof; but the GDPR (article 9) gives such data special \
             protection."
        }
        (Lang::Fr, "service_places") => {
            "Ce sont les lieux que le service a lui-même étiquetés dans l'export. La distance est \
             mesurée jusqu'au domicile que Reflet trouve dans vos nuits."
        }
        (Lang::En, "service_places") => {
            "These are the places the service itself labelled in the export. The distance is \
             measured to the home Reflet finds in your nights."
        }
        (Lang::Fr, "travel_affinities") => {
            "Les valeurs telles que le service les a écrites dans l'export (de 0 à 1), converties \
             en pourcentages."
        }
        (Lang::En, "travel_affinities") => {
            "The values as the service wrote them in the export (from 0 to 1), shown as \
             percentages."
        }
        (Lang::Fr, "uniqueness") => {
            "De Montjoye et al., «\u{a0}Unique in the Crowd\u{a0}», Scientific Reports, 2013\u{a0}: \
             dans les données de téléphonie de 1,5\u{a0}million de personnes, quatre lieux et \
             heures suffisaient à en distinguer 95\u{a0}%."
        }
        (Lang::En, "uniqueness") => {
            "De Montjoye et al., \"Unique in the Crowd\", Scientific Reports, 2013: in the mobile \
             phone data of 1.5 million people, four places and times were enough to single out \
             95% of them."
        }
        (Lang::Fr, _) => "Calculé à partir du contenu du fichier, sur votre appareil.",
        (Lang::En, _) => "Worked out from the file's content, on your device.",
    }
}

/// The label of a finding's reasoning, which opens it.
pub fn why_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Comment le sait-on\u{a0}?",
        Lang::En => "How do we know?",
    }
}

/// A share in percent, with French spacing: "85 %" or "85%".
pub fn percent(lang: Lang, value: u8) -> String {
    match lang {
        Lang::Fr => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
    }
}

/// The weekday routine: usual departure and return (`times`, over `weekdays` days) and the
/// weekday hours mostly spent away from home (`span`, first and last hour), over `days` days.
pub fn routine_sentence(
    lang: Lang,
    times: Option<(u16, u16)>,
    weekdays: u64,
    span: Option<(u16, u16)>,
    days: u64,
) -> String {
    let (w, d) = (format_count(lang, weekdays), format_count(lang, days));
    let first = match (lang, times) {
        (Lang::Fr, Some((leave, back))) => format!(
            "En semaine, vous quittez d'habitude votre domicile vers {} et y revenez vers {} \
             (médiane de {w}\u{a0}jours). ",
            clock(lang, leave),
            clock(lang, back)
        ),
        (Lang::En, Some((leave, back))) => format!(
            "On weekdays you usually leave home around {} and come back around {} (median of {w} \
             days). ",
            clock(lang, leave),
            clock(lang, back)
        ),
        (_, None) => String::new(),
    };
    let second = match (lang, span) {
        (Lang::Fr, Some((from, to))) => format!(
            "Sur {d}\u{a0}jours de positions, vous êtes le plus souvent hors de chez vous en semaine \
             de {} à {}. Le tableau heure par jour le détaille.",
            clock(lang, from * 60),
            clock(lang, (to + 1) * 60)
        ),
        (Lang::En, Some((from, to))) => format!(
            "Over {d} days of positions, you are mostly away from home on weekdays from {} to {}. \
             The hour-by-day table shows the detail.",
            clock(lang, from * 60),
            clock(lang, (to + 1) * 60)
        ),
        (Lang::Fr, None) => format!(
            "Sur {d}\u{a0}jours de positions, aucune heure de la semaine ne se passe surtout hors de \
             chez vous. Le tableau heure par jour le détaille."
        ),
        (Lang::En, None) => format!(
            "Over {d} days of positions, no weekday hour is mostly spent away from home. The \
             hour-by-day table shows the detail."
        ),
    };
    format!("{first}{second}")
}

/// One place in a list: "Maison (120 h, 10 visits)".
pub fn place_item(lang: Lang, name: &str, hours: u64, visits: u64) -> String {
    let v = format_count(lang, visits);
    let h = format_count(lang, hours);
    match (lang, visits) {
        (Lang::Fr, 1) => format!("{name} ({h}\u{a0}h, 1\u{a0}visite)"),
        (Lang::Fr, _) => format!("{name} ({h}\u{a0}h, {v}\u{a0}visites)"),
        (Lang::En, 1) => format!("{name} ({h} h, 1 visit)"),
        (Lang::En, _) => format!("{name} ({h} h, {v} visits)"),
    }
}

/// The most visited places, by time spent.
pub fn top_places(lang: Lang, items: &[String]) -> String {
    let list = items.join(", ");
    match lang {
        Lang::Fr => format!("Les lieux où vous avez passé le plus de temps\u{a0}: {list}."),
        Lang::En => format!("The places where you spent the most time: {list}."),
    }
}

/// A sensitive matter, in words.
pub fn sensitive_name(lang: Lang, kind: crate::model::location::Sensitive) -> &'static str {
    use crate::model::location::Sensitive;
    match (lang, kind) {
        (Lang::Fr, Sensitive::Health) => "santé",
        (_, Sensitive::Religion) => "religion",
        (Lang::Fr, Sensitive::Politics) => "opinions politiques",
        (Lang::Fr, Sensitive::TradeUnion) => "syndicat",
        (Lang::Fr, Sensitive::Sexuality) => "orientation sexuelle",
        (Lang::En, Sensitive::Health) => "health",
        (Lang::En, Sensitive::Politics) => "politics",
        (Lang::En, Sensitive::TradeUnion) => "trade union",
        (Lang::En, Sensitive::Sexuality) => "sexuality",
    }
}

/// Places whose name hints at a sensitive matter, said with care.
pub fn sensitive_places(lang: Lang, items: &[String]) -> String {
    let list = items.join(", ");
    match lang {
        Lang::Fr => format!(
            "Certains lieux où vous êtes allé peuvent révéler des informations sensibles, que la loi \
             protège tout particulièrement (RGPD, article\u{a0}9)\u{a0}: {list}. Vous seul savez ce \
             qu'ils signifient, mais quiconque détient ce fichier peut en tirer des conclusions."
        ),
        Lang::En => format!(
            "Some places you went to can reveal sensitive matters, which the law protects \
             specially (GDPR, article 9): {list}. Only you know what they mean, but anyone holding \
             this file could draw conclusions from them."
        ),
    }
}

/// The name of an export split in parts: "takeout-20241128T101010Z (3 parts)".
pub fn export_parts(lang: Lang, stem: &str, parts: usize) -> String {
    let name = stem.rsplit('/').next().unwrap_or(stem);
    match lang {
        Lang::Fr => format!("{name} ({parts}\u{a0}parties)"),
        Lang::En => format!("{name} ({parts} parts)"),
    }
}

/// Parts absent from a split export: "Part 2 is missing: …".
pub fn missing_parts(lang: Lang, missing: &[u32]) -> String {
    let list = missing
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, missing.len()) {
        (Lang::Fr, 1) => {
            format!("La partie {list} manque\u{a0}: ajoutez-la pour voir tout l'export.")
        }
        (Lang::Fr, _) => {
            format!("Les parties {list} manquent\u{a0}: ajoutez-les pour voir tout l'export.")
        }
        (Lang::En, 1) => format!("Part {list} is missing: add it to see the whole export."),
        (Lang::En, _) => format!("Parts {list} are missing: add them to see the whole export."),
    }
}

/// A section of an archive's list: "Problems (3)".
pub fn section(lang: Lang, label: &str, n: usize) -> String {
    format!("{label} ({})", format_count(lang, n as u64))
}

/// The network indicator. `since_files` is true once the person has opened files.
pub fn network_requests(lang: Lang, since_files: bool, n: usize) -> String {
    match (lang, since_files) {
        (Lang::Fr, true) => {
            format!("Requêtes réseau depuis l'ouverture de vos fichiers\u{a0}: {n}")
        }
        (Lang::Fr, false) => format!("Requêtes réseau depuis le chargement de Reflet\u{a0}: {n}"),
        (Lang::En, true) => format!("Network requests since you opened your files: {n}"),
        (Lang::En, false) => format!("Network requests since Reflet loaded: {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages_and_differs_where_it_should() {
        for &text in Text::ALL {
            let (fr, en) = (text.get(Lang::Fr), text.get(Lang::En));
            assert!(
                !fr.trim().is_empty() && !en.trim().is_empty(),
                "{text:?} is empty"
            );
            assert!(
                !fr.contains("  ") && !en.contains("  "),
                "{text:?} has a double space"
            );
            // Only proper names, and words French and English share, may read the same.
            if fr == en {
                assert!(
                    matches!(
                        text,
                        Text::AppName
                            | Text::ChartTotal
                            | Text::TimelineService
                            | Text::ConversationsName
                            | Text::ConversationsMessages
                    ),
                    "{text:?} is not translated"
                );
            }
        }
    }

    #[test]
    fn french_punctuation_keeps_its_no_break_space() {
        for &text in Text::ALL {
            let fr = text.get(Lang::Fr);
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(
                    !fr.contains(mark),
                    "{text:?}: use a no-break space in {mark:?}"
                );
            }
        }
    }

    #[test]
    fn all_lists_every_key_once() {
        let mut seen = std::collections::HashSet::new();
        for text in Text::ALL {
            assert!(seen.insert(format!("{text:?}")), "{text:?} twice");
        }
        // `pair` is an exhaustive match, so a key missing from ALL is the only way to skip a test;
        // count the variants in the enum's source to catch it.
        let source = include_str!("mod.rs");
        let start = source.find("pub enum Text {").unwrap();
        let end = start + source[start..].find('}').unwrap();
        let variants = source[start..end]
            .lines()
            .filter(|l| l.trim().ends_with(','))
            .count();
        assert_eq!(variants, Text::ALL.len());
    }

    #[test]
    fn french_wins_when_preferred_before_english() {
        assert_eq!(Lang::negotiate(["fr-FR", "en-US"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["de-DE", "fr"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["FR_ca"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["en-GB", "fr-FR"]), Lang::En);
        assert_eq!(Lang::negotiate(["de-DE", "es"]), Lang::En);
        assert_eq!(Lang::negotiate(Vec::<String>::new()), Lang::En);
    }

    #[test]
    fn sizes_read_naturally_in_each_language() {
        assert_eq!(format_size(Lang::Fr, 0), "0\u{a0}octet");
        assert_eq!(format_size(Lang::En, 1), "1\u{a0}byte");
        assert_eq!(format_size(Lang::En, 999), "999\u{a0}bytes");
        assert_eq!(format_size(Lang::Fr, 1_234_567), "1,2\u{a0}Mo");
        assert_eq!(format_size(Lang::En, 1_234_567), "1.2\u{a0}MB");
        assert_eq!(format_size(Lang::En, 25_300), "25\u{a0}kB");
        assert_eq!(format_size(Lang::Fr, 3_000_000_000), "3,0\u{a0}Go");
        assert_eq!(format_size(Lang::En, u64::MAX), "18446744\u{a0}TB");
        // Rounding never shows "1000 kB" or "10.0 MB".
        assert_eq!(format_size(Lang::En, 999_999), "1.0\u{a0}MB");
        assert_eq!(format_size(Lang::En, 9_960_000), "10\u{a0}MB");
        assert_eq!(format_size(Lang::En, 9_940_000), "9.9\u{a0}MB");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(file_count(Lang::Fr, 1), "1 fichier");
        assert_eq!(file_count(Lang::Fr, 2), "2 fichiers");
        assert_eq!(file_count(Lang::En, 1), "1 file");
        assert_eq!(archive_summary(Lang::Fr, 12), "Archive\u{a0}: 12 fichiers");
        assert_eq!(archive_summary(Lang::En, 1), "Archive: 1 file");
        assert_eq!(
            progress_line(Lang::En, 45, "Takeout/a.json", 12, Some(75)),
            "45% · Takeout/a.json · 12 files found · about 2\u{a0}min left"
        );
        assert_eq!(
            progress_line(Lang::Fr, 5, "", 1, Some(8)),
            "5\u{a0}% · 1 fichier trouvé · encore environ 8\u{a0}s"
        );
        assert_eq!(progress_line(Lang::Fr, 0, "", 0, None), "0\u{a0}%");
        assert_eq!(format_count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(format_count(Lang::Fr, 12_345), "12\u{202f}345");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(
            positions_summary(Lang::En, 1234, Some("2013-12-01"), Some("2024-03-01")),
            "1,234 positions, from 2013-12-01 to 2024-03-01"
        );
        assert_eq!(positions_summary(Lang::Fr, 1, None, None), "1 position");
        assert_eq!(
            show_more(Lang::En, 200, 1234),
            "Show 200 more (1,234 not shown)"
        );
        assert_eq!(files_added(Lang::En, 3), "3 files added, being read.");
        assert_eq!(
            network_requests(Lang::En, true, 2),
            "Network requests since you opened your files: 2"
        );
        assert!(network_requests(Lang::Fr, false, 0).ends_with("\u{a0}: 0"));
    }

    #[test]
    fn split_exports_are_named_with_their_parts_and_gaps() {
        assert_eq!(
            export_parts(Lang::En, "dl/takeout-20241128T101010Z", 3),
            "takeout-20241128T101010Z (3 parts)"
        );
        assert_eq!(export_parts(Lang::Fr, "t", 2), "t (2\u{a0}parties)");
        assert_eq!(
            missing_parts(Lang::En, &[2]),
            "Part 2 is missing: add it to see the whole export."
        );
        assert_eq!(
            missing_parts(Lang::Fr, &[2, 4]),
            "Les parties 2, 4 manquent\u{a0}: ajoutez-les pour voir tout l'export."
        );
        assert_eq!(
            section(Lang::Fr, "Autres fichiers", 19_996),
            "Autres fichiers (19\u{202f}996)"
        );
    }

    #[test]
    fn visits_and_trips_are_counted_in_words() {
        assert_eq!(visits_and_moves(Lang::En, 0, 0), None);
        assert_eq!(
            visits_and_moves(Lang::En, 1, 75).as_deref(),
            Some("1 place visited, 75 trips")
        );
        assert_eq!(
            visits_and_moves(Lang::Fr, 1200, 1).as_deref(),
            Some("1\u{202f}200 lieux visités, 1 trajet")
        );
    }

    #[test]
    fn home_in_plain_words_with_its_confidence() {
        let at = position(Lang::En, 46.1603, -1.1511);
        assert_eq!(at, "46.160°\u{a0}N, 1.151°\u{a0}W");
        assert_eq!(
            position(Lang::Fr, -33.8688, 151.2093),
            "33,869°\u{a0}S, 151,209°\u{a0}E"
        );
        assert_eq!(
            home_sentence(Lang::En, &at, 312, 358, Some(true), None),
            "You were at the same place on 87% of nights (312 of 358), around 46.160°\u{a0}N, \
             1.151°\u{a0}W: very probably your home (high confidence)."
        );
        let fr = home_sentence(Lang::Fr, "x", 3, 5, None, Some(0));
        assert!(
            fr.ends_with("(confiance faible\u{a0}: seules 5\u{a0}nuits ont des positions)."),
            "{fr}"
        );
        let en = home_sentence(Lang::En, "x", 50, 90, None, Some(1));
        assert!(en.contains("night work, or a second home?"), "{en}");
        assert!(!en.contains("  "), "{en}");
    }

    #[test]
    fn what_the_service_inferred_in_plain_words() {
        use crate::model::location::Mode;
        assert_eq!(distance(Lang::En, 123.0), "120\u{a0}m");
        assert_eq!(distance(Lang::Fr, 3_449.0), "3,4\u{a0}km");
        assert_eq!(
            service_places(Lang::En, "Google", Some("A"), Some("B"), Some(80.0)),
            "Google itself labelled a place as your home, around A, and one as your work, around \
             B. Reflet's own reading of your nights puts your home at the same place."
        );
        assert_eq!(
            service_places(Lang::Fr, "Google", Some("A"), None, Some(2_500.0)),
            "Google a lui-même étiqueté un lieu comme votre domicile, vers A. D'après vos nuits, \
             Reflet situe votre domicile à 2,5\u{a0}km de là."
        );
        assert_eq!(
            affinities(
                Lang::En,
                "Google",
                &[(Mode::Car, 0.62), (Mode::Walking, 0.3)]
            ),
            "Google estimates how much you favour each way of travelling: car 62%, walking 30%."
        );
        assert!(uniqueness(Lang::Fr, 1200).ends_with("Ce fichier en contient 1\u{202f}200."));
        for mode in [Mode::Walking, Mode::Car, Mode::Unknown] {
            assert_ne!(mode_name(Lang::Fr, mode), "");
        }
    }

    #[test]
    fn places_and_sensitive_places_in_words() {
        use crate::model::location::Sensitive;
        assert_eq!(
            place_item(Lang::En, "Maison", 120, 10),
            "Maison (120 h, 10 visits)"
        );
        assert_eq!(
            place_item(Lang::Fr, "Église", 1, 1),
            "Église (1\u{a0}h, 1\u{a0}visite)"
        );
        assert_eq!(
            top_places(
                Lang::En,
                &[
                    "A (1 h, 1 visit)".to_owned(),
                    "B (2 h, 3 visits)".to_owned()
                ]
            ),
            "The places where you spent the most time: A (1 h, 1 visit), B (2 h, 3 visits)."
        );
        let fr = sensitive_places(Lang::Fr, &["X".to_owned()]);
        assert!(fr.contains("(RGPD, article\u{a0}9)\u{a0}: X."), "{fr}");
        assert_eq!(sensitive_name(Lang::Fr, Sensitive::TradeUnion), "syndicat");
    }

    #[test]
    fn coverage_in_plain_words() {
        assert_eq!(
            coverage(Lang::En, Some("Google"), 2341, (2014, 2024), Some(118)),
            "Google recorded where you were every 2 minutes on average, on 2,341 days between 2014 and 2024."
        );
        assert_eq!(
            coverage(Lang::Fr, Some("Google"), 2341, (2014, 2024), Some(118)),
            "Google a enregistré où vous étiez toutes les 2\u{a0}minutes en moyenne, sur 2\u{202f}341\u{a0}jours entre 2014 et 2024."
        );
        assert_eq!(
            coverage(Lang::En, None, 1, (2020, 2020), Some(30)),
            "This file shows where you were every 30 seconds on average, on 1 day, in 2020."
        );
        assert_eq!(
            coverage(Lang::Fr, None, 12, (2020, 2020), Some(3600)),
            "Ce fichier indique où vous étiez chaque heure en moyenne, sur 12\u{a0}jours en 2020."
        );
        assert_eq!(
            coverage(Lang::En, Some("Snapchat"), 3, (2019, 2020), None),
            "Snapchat recorded where you were on 3 days between 2019 and 2020."
        );
    }
}
