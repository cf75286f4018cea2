//! One error type for everything that can go wrong with a person's file.
//!
//! An [`Error`] has a [`ErrorKind`] (what happened), the file it concerns and, where known, a
//! [`Location`] inside it. Its message is written for the person who gave us the file, in French
//! and English, and says what to do next. It never quotes the file's contents: messages end up on
//! screen and in the report, never in logs.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};

/// What went wrong, in categories a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The bytes could not be read at all (moved, deleted, permission).
    Unreadable,
    /// The file holds no bytes.
    Empty,
    /// The analysis stopped unexpectedly (a crash or running out of memory in the worker).
    Crashed,
    /// The file ends too early: a download cut off, a copy interrupted.
    Truncated,
    /// The archive's structure is damaged.
    Corrupt,
    /// The entry is protected by a password.
    Encrypted,
    /// The entry would inflate far beyond what real data does (a "zip bomb").
    Bomb,
    /// The entry's name tries to leave its folder (`../`).
    UnsafeName,
    /// A compression method Reflet cannot read.
    Unsupported,
    /// The person cancelled the analysis before this file was finished.
    Cancelled,
    /// The content breaks its format midway.
    Malformed,
    /// A line or a record is too long to be read without filling the device's memory.
    TooLarge,
    /// The text is not valid UTF-8.
    InvalidText,
    /// The content is not what the file's name says (an image renamed `.json`).
    WrongType,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 14] = [
        ErrorKind::Unreadable,
        ErrorKind::Empty,
        ErrorKind::Crashed,
        ErrorKind::Truncated,
        ErrorKind::Corrupt,
        ErrorKind::Encrypted,
        ErrorKind::Bomb,
        ErrorKind::UnsafeName,
        ErrorKind::Unsupported,
        ErrorKind::Cancelled,
        ErrorKind::Malformed,
        ErrorKind::TooLarge,
        ErrorKind::InvalidText,
        ErrorKind::WrongType,
    ];

    /// The message for the person, in their language.
    pub fn message(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    fn text(self) -> Text {
        match self {
            ErrorKind::Unreadable => Text::ErrorUnreadable,
            ErrorKind::Empty => Text::ErrorEmpty,
            ErrorKind::Crashed => Text::ErrorCrashed,
            ErrorKind::Truncated => Text::ErrorTruncated,
            ErrorKind::Corrupt => Text::ErrorCorrupt,
            ErrorKind::Encrypted => Text::ErrorEncrypted,
            ErrorKind::Bomb => Text::ErrorBomb,
            ErrorKind::UnsafeName => Text::ErrorUnsafeName,
            ErrorKind::Unsupported => Text::ErrorUnsupported,
            ErrorKind::Cancelled => Text::ErrorCancelled,
            ErrorKind::Malformed => Text::ErrorMalformed,
            ErrorKind::TooLarge => Text::ErrorTooLarge,
            ErrorKind::InvalidText => Text::ErrorInvalidText,
            ErrorKind::WrongType => Text::ErrorWrongType,
        }
    }
}

/// Where in a file a problem is: an archive entry, a line, a record number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

/// A problem with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub file: String,
    pub location: Location,
}

impl Error {
    pub fn new(kind: ErrorKind, file: impl Into<String>) -> Self {
        Error {
            kind,
            file: file.into(),
            location: Location::default(),
        }
    }

    /// The message for the person, in their language.
    pub fn message(&self, lang: Lang) -> &'static str {
        self.kind.message(lang)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_message_in_both_languages() {
        for kind in ErrorKind::ALL {
            let e = Error::new(kind, "a.json");
            assert_ne!(e.message(Lang::Fr), e.message(Lang::En));
        }
        let e = Error::new(ErrorKind::Crashed, "x/Records.json");
        assert!(e.to_string().starts_with("x/Records.json: The analysis"));
    }
}
