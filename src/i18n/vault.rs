//! The words of "Keep it safely" (issue 11): results kept on this device, encrypted with a
//! passphrase, in French and English.

use super::{file_count, pick, Lang};

/// The words of the keep panel, the unlock panel and their announcements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultText {
    /// The keep panel's summary (collapsed until opened).
    KeepSummary,
    KeepWhat,
    KeepWarning,
    /// Results are kept already: keeping replaces them.
    KeepReplaces,
    Passphrase,
    PassphraseAgain,
    KeepButton,
    Encrypting,
    Kept,
    TooShort,
    Mismatch,
    /// Why results cannot be kept here: an address that is not secure (http).
    Insecure,
    /// No WebCrypto (or the script that uses it did not load).
    NoCrypto,
    /// No IndexedDB (private browsing may block it).
    NoStorage,
    /// The landing page's offer, once results are kept.
    UnlockTitle,
    UnlockWhat,
    UnlockPassphrase,
    UnlockButton,
    Unlocking,
    UnlockForgot,
    /// AES-GCM's check failed: another passphrase.
    Wrong,
    Nothing,
    Version,
    Storage,
    /// Under the results, once they were unlocked: the files themselves are not at hand.
    RestoredNote,
    /// Announced after "Forget everything" erased what was kept.
    DeviceErased,
    EraseFailed,
}

impl VaultText {
    pub const ALL: &'static [VaultText] = &[
        VaultText::KeepSummary,
        VaultText::KeepWhat,
        VaultText::KeepWarning,
        VaultText::KeepReplaces,
        VaultText::Passphrase,
        VaultText::PassphraseAgain,
        VaultText::KeepButton,
        VaultText::Encrypting,
        VaultText::Kept,
        VaultText::TooShort,
        VaultText::Mismatch,
        VaultText::Insecure,
        VaultText::NoCrypto,
        VaultText::NoStorage,
        VaultText::UnlockTitle,
        VaultText::UnlockWhat,
        VaultText::UnlockPassphrase,
        VaultText::UnlockButton,
        VaultText::Unlocking,
        VaultText::UnlockForgot,
        VaultText::Wrong,
        VaultText::Nothing,
        VaultText::Version,
        VaultText::Storage,
        VaultText::RestoredNote,
        VaultText::DeviceErased,
        VaultText::EraseFailed,
    ];

    #[allow(clippy::too_many_lines)] // a catalogue reads best as one table
    pub fn get(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                VaultText::KeepSummary => (
                    "Garder mes résultats sur cet appareil",
                    "Keep my results on this device",
                ),
                VaultText::KeepWhat => (
                    "Reflet peut garder ce qu'il a trouvé (les résultats, pas vos fichiers) dans \
                     ce navigateur, sur cet appareil, chiffré avec une phrase de passe que vous \
                     choisissez. Rien n'est envoyé.",
                    "Reflet can keep what it found (the results, not your files) in this \
                     browser, on this device, encrypted with a passphrase you choose. Nothing is \
                     sent.",
                ),
                VaultText::KeepWarning => (
                    "Personne ne peut retrouver cette phrase de passe, pas même nous\u{a0}: sans \
                     elle, les résultats gardés sont illisibles. «\u{a0}Tout oublier\u{a0}» les \
                     efface de l'appareil.",
                    "No one can recover this passphrase, not even us: without it, the kept \
                     results cannot be read. \u{201c}Forget everything\u{201d} erases them from \
                     the device.",
                ),
                VaultText::KeepReplaces => (
                    "Des résultats sont déjà gardés sur cet appareil\u{a0}: garder ceux-ci les \
                     remplace.",
                    "Results are already kept on this device: keeping these replaces them.",
                ),
                VaultText::Passphrase => (
                    "Phrase de passe (au moins 8\u{a0}caractères)",
                    "Passphrase (at least 8 characters)",
                ),
                VaultText::PassphraseAgain => (
                    "La même phrase de passe, une seconde fois",
                    "The same passphrase, once more",
                ),
                VaultText::KeepButton => ("Garder, chiffré", "Keep, encrypted"),
                VaultText::Encrypting => ("Chiffrement…", "Encrypting…"),
                VaultText::Kept => (
                    "Résultats gardés sur cet appareil, chiffrés. La prochaine fois, \
                     déverrouillez-les depuis la page d'accueil avec votre phrase de passe.",
                    "Results kept on this device, encrypted. Next time, unlock them from the \
                     home page with your passphrase.",
                ),
                VaultText::TooShort => (
                    "La phrase de passe doit compter au moins 8\u{a0}caractères.",
                    "The passphrase must be at least 8 characters long.",
                ),
                VaultText::Mismatch => (
                    "Les deux phrases de passe ne sont pas identiques.",
                    "The two passphrases are not the same.",
                ),
                VaultText::Insecure => (
                    "Garder des résultats demande une adresse sécurisée (https)\u{a0}: à cette \
                     adresse, le navigateur ne permet pas de les chiffrer. Rien n'est gardé.",
                    "Keeping results needs a secure address (https): at this address, the \
                     browser does not allow encrypting them. Nothing is kept.",
                ),
                VaultText::NoCrypto => (
                    "Ce navigateur ne sait pas chiffrer les résultats\u{a0}: ils ne peuvent pas \
                     être gardés ici.",
                    "This browser cannot encrypt the results: they cannot be kept here.",
                ),
                VaultText::NoStorage => (
                    "Ce navigateur ne permet pas de garder des données sur cet appareil (la \
                     navigation privée peut l'empêcher).",
                    "This browser does not allow keeping data on this device (private browsing \
                     may prevent it).",
                ),
                VaultText::UnlockTitle => (
                    "Déverrouiller vos résultats gardés",
                    "Unlock your kept results",
                ),
                VaultText::UnlockWhat => (
                    "Des résultats d'une visite précédente sont gardés sur cet appareil, \
                     chiffrés. Entrez votre phrase de passe pour les revoir. Vos fichiers, eux, \
                     n'ont pas été gardés.",
                    "Results from an earlier visit are kept on this device, encrypted. Enter \
                     your passphrase to see them again. Your files themselves were not kept.",
                ),
                VaultText::UnlockPassphrase => ("Phrase de passe", "Passphrase"),
                VaultText::UnlockButton => ("Déverrouiller", "Unlock"),
                VaultText::Unlocking => ("Déverrouillage…", "Unlocking…"),
                VaultText::UnlockForgot => (
                    "Phrase de passe oubliée\u{a0}? Personne ne peut la retrouver\u{a0}: \
                     «\u{a0}Tout oublier\u{a0}» efface les résultats gardés.",
                    "Forgot the passphrase? No one can recover it: \u{201c}Forget \
                     everything\u{201d} erases the kept results.",
                ),
                VaultText::Wrong => (
                    "Phrase de passe incorrecte\u{a0}: les résultats restent verrouillés. \
                     Vérifiez-la et réessayez.",
                    "Wrong passphrase: the results stay locked. Check it and try again.",
                ),
                VaultText::Nothing => (
                    "Aucun résultat n'est plus gardé sur cet appareil.",
                    "No results are kept on this device any more.",
                ),
                VaultText::Version => (
                    "Ces résultats ont été gardés par une autre version de Reflet et ne peuvent \
                     pas être lus ici.",
                    "These results were kept by another version of Reflet and cannot be read \
                     here.",
                ),
                VaultText::Storage => (
                    "Le stockage de ce navigateur n'a pas pu être utilisé (la navigation privée \
                     ou un disque plein peuvent l'empêcher). Rien n'a été envoyé.",
                    "This browser's storage could not be used (private browsing or a full disk \
                     may prevent it). Nothing was sent.",
                ),
                VaultText::RestoredNote => (
                    "Ces résultats ont été déverrouillés depuis cet appareil, sans vos \
                     fichiers\u{a0}: pour exporter les données d'un fichier, voir son contenu \
                     brut ou ses journées, ouvrez-le à nouveau.",
                    "These results were unlocked from this device, without your files: to \
                     export a file's data, see its raw content or its days, open it again.",
                ),
                VaultText::DeviceErased => (
                    "Tout a été effacé, de la mémoire de cette page et de cet appareil.",
                    "Everything has been erased, from this page's memory and from this device.",
                ),
                VaultText::EraseFailed => (
                    "Les résultats gardés sur cet appareil n'ont pas pu être effacés\u{a0}: \
                     réessayez «\u{a0}Tout oublier\u{a0}», ou effacez les données du site dans \
                     les réglages du navigateur.",
                    "The results kept on this device could not be erased: try \u{201c}Forget \
                     everything\u{201d} again, or clear the site's data in the browser's \
                     settings.",
                ),
            },
        )
    }
}

/// Announced once kept results are unlocked: `Résultats déverrouillés : 2 fichiers.`
pub fn unlocked(lang: Lang, files: usize) -> String {
    let n = file_count(lang, files);
    match lang {
        Lang::Fr => format!("Résultats déverrouillés\u{a0}: {n}."),
        Lang::En => format!("Results unlocked: {n}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages_with_french_punctuation() {
        for &text in VaultText::ALL {
            let (fr, en) = (text.get(Lang::Fr), text.get(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{text:?}");
            assert!(!fr.contains("  ") && !en.contains("  "), "{text:?}");
            for mark in [" :", " ;", " ?", " !", " »", "« "] {
                assert!(!fr.contains(mark), "{text:?}: {mark:?}");
            }
        }
        assert_eq!(
            unlocked(Lang::Fr, 2),
            "Résultats déverrouillés\u{a0}: 2 fichiers."
        );
        assert_eq!(unlocked(Lang::En, 1), "Results unlocked: 1 file.");
    }
}
