//! "Keep it safely" (issue 11): the analysed results, never the files, kept on this device,
//! encrypted with a passphrase the person chooses.
//!
//! What is kept is the text [`encode`] writes: every opened file's [`FileRef`] and its reports,
//! as JSON, versioned. `vault.js` (a global, `refletVault`) derives the key (PBKDF2-SHA-256,
//! 600,000 iterations, a random 16-byte salt; a non-extractable AES-GCM 256 key), encrypts it
//! with a random 12-byte IV, and keeps one record `{version: 1, iterations, salt, iv, data}` in
//! the IndexedDB database `reflet`. WebCrypto needs a secure context (https, or localhost):
//! [`available`] says why it cannot be used where it cannot. "Forget everything" erases the
//! database ([`wipe`]). Nothing here makes a request.
//!
//! The format and the checks are plain Rust, tested natively; the browser calls are at the end.

use serde::{Deserialize, Serialize};

use super::state::FileEntry;
use crate::model::FileRef;
use crate::report::FileReport;

/// The version of the kept text (the record around it has its own, in `vault.js`).
const FORMAT: u32 = 1;

/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE: usize = 8;

/// One opened file (its path and size, as in its [`FileRef`]) and its reports, as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptFile {
    pub path: String,
    pub size: u64,
    pub reports: Vec<FileReport>,
}

impl KeptFile {
    pub fn file(&self) -> FileRef {
        FileRef::new(self.path.clone(), self.size)
    }
}

#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    files: Vec<KeptFile>,
}

/// The text to keep: the files done, with their reports.
pub fn encode(files: &[FileEntry]) -> String {
    let files = files
        .iter()
        .filter(|f| f.status == super::state::FileStatus::Done)
        .map(|f| KeptFile {
            path: f.file.path.clone(),
            size: f.file.size,
            reports: f.reports.iter().map(|r| (**r).clone()).collect(),
        })
        .collect();
    serde_json::to_string(&Kept {
        version: FORMAT,
        files,
    })
    .unwrap_or_default()
}

/// The files kept in `text`.
pub fn decode(text: &str) -> Result<Vec<KeptFile>, VaultError> {
    match serde_json::from_str::<Kept>(text) {
        Ok(kept) if kept.version == FORMAT => Ok(kept.files),
        _ => Err(VaultError::Version),
    }
}

/// What is wrong with a new passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassProblem {
    TooShort,
    Mismatch,
}

/// A new passphrase and its confirmation: long enough, and the same.
pub fn check_new(passphrase: &str, again: &str) -> Result<(), PassProblem> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE {
        Err(PassProblem::TooShort)
    } else if passphrase != again {
        Err(PassProblem::Mismatch)
    } else {
        Ok(())
    }
}

/// Why results cannot be kept in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// Not a secure context (https or localhost): no WebCrypto.
    Insecure,
    /// No WebCrypto, or `vault.js` did not load.
    NoCrypto,
    /// No IndexedDB.
    NoStorage,
}

impl Unavailable {
    /// From `refletVault.why()`: `None` when results can be kept.
    pub fn from_code(code: &str) -> Option<Unavailable> {
        match code {
            "" => None,
            "insecure" => Some(Unavailable::Insecure),
            "storage" => Some(Unavailable::NoStorage),
            _ => Some(Unavailable::NoCrypto),
        }
    }

    pub fn text(self) -> crate::i18n::vault::VaultText {
        use crate::i18n::vault::VaultText;
        match self {
            Unavailable::Insecure => VaultText::Insecure,
            Unavailable::NoCrypto => VaultText::NoCrypto,
            Unavailable::NoStorage => VaultText::NoStorage,
        }
    }
}

/// Why keeping, unlocking or erasing failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultError {
    Unavailable,
    /// Nothing is kept.
    Nothing,
    /// Another passphrase: AES-GCM's check failed.
    Wrong,
    /// A record or a text this version cannot read.
    Version,
    /// The browser's storage failed (full, blocked).
    Storage,
}

impl VaultError {
    /// From the code a `refletVault` promise rejects with.
    pub fn from_code(code: Option<&str>) -> VaultError {
        match code {
            Some("none") => VaultError::Nothing,
            Some("wrong") => VaultError::Wrong,
            Some("version") => VaultError::Version,
            Some("storage") => VaultError::Storage,
            _ => VaultError::Unavailable,
        }
    }

    pub fn text(self) -> crate::i18n::vault::VaultText {
        use crate::i18n::vault::VaultText;
        match self {
            VaultError::Unavailable => VaultText::NoCrypto,
            VaultError::Nothing => VaultText::Nothing,
            VaultError::Wrong => VaultText::Wrong,
            VaultError::Version => VaultText::Version,
            VaultError::Storage => VaultText::Storage,
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{available, exists, save, unlock, wipe};

/// The calls to `vault.js` (`self.refletVault`, loaded by the page before the app starts).
#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::Promise;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::{decode, encode, KeptFile, Unavailable, VaultError};
    use crate::ui::state::FileEntry;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = refletVault, js_name = why)]
        fn js_why() -> Result<String, JsValue>;
        #[wasm_bindgen(catch, js_namespace = refletVault, js_name = exists)]
        fn js_exists() -> Result<Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = refletVault, js_name = save)]
        fn js_save(passphrase: &str, text: &str) -> Result<Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = refletVault, js_name = unlock)]
        fn js_unlock(passphrase: &str) -> Result<Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = refletVault, js_name = wipe)]
        fn js_wipe() -> Result<Promise, JsValue>;
    }

    async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, VaultError> {
        let failed = |e: JsValue| VaultError::from_code(e.as_string().as_deref());
        JsFuture::from(promise.map_err(failed)?)
            .await
            .map_err(failed)
    }

    /// Whether results can be kept in this browser, and if not, why.
    pub fn available() -> Result<(), Unavailable> {
        let code = js_why().unwrap_or_else(|_| "script".to_owned());
        Unavailable::from_code(&code).map_or(Ok(()), Err)
    }

    /// Whether results are kept on this device (false where storage cannot be read).
    pub async fn exists() -> bool {
        wait(js_exists())
            .await
            .is_ok_and(|v| v.as_bool() == Some(true))
    }

    /// Keeps the results of `files`, encrypted with `passphrase`, replacing any kept before.
    pub async fn save(passphrase: &str, files: &[FileEntry]) -> Result<(), VaultError> {
        let text = encode(files);
        wait(js_save(passphrase, &text)).await.map(|_| ())
    }

    /// The files kept, decrypted with `passphrase`.
    pub async fn unlock(passphrase: &str) -> Result<Vec<KeptFile>, VaultError> {
        let text = wait(js_unlock(passphrase)).await?;
        decode(&text.as_string().unwrap_or_default())
    }

    /// Erases everything kept on this device (the whole database).
    pub async fn wipe() -> Result<(), VaultError> {
        wait(js_wipe()).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::Kind;
    use crate::ui::state::{reduce, Action, Announcement, FileStatus, Shared, State};

    fn entry(id: u32, name: &str, status: FileStatus) -> FileEntry {
        let mut report = FileReport::identified(
            FileRef::new(name, 42),
            Kind::Source("google.records".into()),
        );
        report.confidence = Some(90);
        FileEntry {
            id,
            file: FileRef::new(name, 42),
            status,
            reports: vec![Shared::new(report)],
            started_at: Some(1.0),
            progress: None,
        }
    }

    #[test]
    fn the_results_come_back_as_they_were_kept_and_only_files_done_are_kept() {
        let files = [
            entry(1, "Records.json", FileStatus::Done),
            entry(2, "takeout.zip", FileStatus::Reading),
        ];
        let text = encode(&files);
        assert!(text.starts_with("{\"version\":1,"), "{text}");
        let kept = decode(&text).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].file(), files[0].file);
        assert_eq!(kept[0].reports, vec![(*files[0].reports[0]).clone()]);
    }

    #[test]
    fn another_version_or_garbage_is_refused_calmly() {
        assert_eq!(
            decode("{\"version\":2,\"files\":[]}"),
            Err(VaultError::Version)
        );
        assert_eq!(decode("not json"), Err(VaultError::Version));
        assert_eq!(
            decode("{\"version\":1,\"files\":[{\"x\":1}]}"),
            Err(VaultError::Version)
        );
        assert_eq!(decode("{\"version\":1,\"files\":[]}"), Ok(Vec::new()));
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_twice_the_same() {
        assert_eq!(check_new("", ""), Err(PassProblem::TooShort));
        assert_eq!(check_new("1234567", "1234567"), Err(PassProblem::TooShort));
        // Characters, not bytes; spaces alone do not count.
        assert_eq!(check_new("éléphant", "éléphant"), Ok(()));
        assert_eq!(
            check_new("        ", "        "),
            Err(PassProblem::TooShort)
        );
        assert_eq!(
            check_new("correct horse", "correct hose"),
            Err(PassProblem::Mismatch)
        );
    }

    #[test]
    fn the_script_s_codes_are_understood() {
        assert_eq!(Unavailable::from_code(""), None);
        assert_eq!(
            Unavailable::from_code("insecure"),
            Some(Unavailable::Insecure)
        );
        assert_eq!(
            Unavailable::from_code("storage"),
            Some(Unavailable::NoStorage)
        );
        assert_eq!(
            Unavailable::from_code("script"),
            Some(Unavailable::NoCrypto)
        );
        assert_eq!(VaultError::from_code(Some("wrong")), VaultError::Wrong);
        assert_eq!(VaultError::from_code(Some("none")), VaultError::Nothing);
        assert_eq!(VaultError::from_code(None), VaultError::Unavailable);
    }

    #[test]
    fn unlocked_files_are_done_with_their_reports_and_forget_erases_the_device_too() {
        let s = reduce(
            &State::new(Lang::Fr, false),
            Action::EngineReady { at: 100.0 },
        );
        let s = reduce(&s, Action::VaultStored(true));
        assert!(s.vault.on_device);
        let kept = decode(&encode(&[
            entry(7, "Records.json", FileStatus::Done),
            entry(8, "b.csv", FileStatus::Done),
        ]))
        .unwrap();
        let files = vec![(3, kept[0].clone()), (4, kept[1].clone())];
        let s = reduce(&s, Action::Unlocked { files, at: 200.0 });
        let shown: Vec<(u32, &str, FileStatus, usize)> = s
            .files()
            .iter()
            .map(|f| (f.id, f.file.path.as_str(), f.status, f.reports.len()))
            .collect();
        assert_eq!(
            shown,
            [
                (3, "Records.json", FileStatus::Done, 1),
                (4, "b.csv", FileStatus::Done, 1)
            ]
        );
        assert!(matches!(s.phase, crate::ui::state::Phase::Ready { .. }));
        assert_eq!(s.vault.restored, [3, 4]);
        assert_eq!(s.announcement, Some(Announcement::Unlocked(2)));
        assert_eq!(s.net.files_at, Some(200.0));

        // Forget: the page's memory, then the device.
        let s = reduce(&s, Action::Forget);
        assert!(s.files().is_empty() && s.vault.restored.is_empty());
        assert!(s.vault.on_device, "until the database is erased");
        let failed = reduce(&s, Action::VaultErased(false));
        assert!(failed.vault.on_device);
        assert_eq!(failed.announcement, Some(Announcement::EraseFailed));
        let s = reduce(&s, Action::VaultErased(true));
        assert!(!s.vault.on_device);
        assert_eq!(s.announcement, Some(Announcement::DeviceErased));
        // Nothing was kept: "Forgotten" said it all.
        let again = reduce(&reduce(&s, Action::Forget), Action::VaultErased(true));
        assert_eq!(again.announcement, Some(Announcement::Forgotten));
    }
}
