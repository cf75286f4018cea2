//! Domain types: what the analysis talks about, independent of files, formats and browsers.
//!
//! Later layers add points, visits, events, people, advertisers, money and energy here. For now the
//! model knows one thing: a file the person handed us, named by its path inside what they opened.

use serde::{Deserialize, Serialize};

/// A file the person opened: its path (inside a folder or archive, `/`-separated) and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub path: String,
    pub size: u64,
}

impl FileRef {
    pub fn new(path: impl Into<String>, size: u64) -> Self {
        FileRef {
            path: normalise_path(&path.into()),
            size,
        }
    }

    /// The last component of the path, as shown in lists.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// Paths use `/` whatever the system, with no leading `./` or `/`.
fn normalise_path(path: &str) -> String {
    let unified = path.replace('\\', "/");
    let trimmed = unified.trim_start_matches("./").trim_start_matches('/');
    trimmed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_and_named_by_their_last_component() {
        let f = FileRef::new(r"Takeout\Location History\Records.json", 12);
        assert_eq!(f.path, "Takeout/Location History/Records.json");
        assert_eq!(f.name(), "Records.json");
        assert_eq!(FileRef::new("./a/b.csv", 0).path, "a/b.csv");
        assert_eq!(FileRef::new("/abs.json", 0).name(), "abs.json");
        assert_eq!(FileRef::new("plain.txt", 0).name(), "plain.txt");
    }
}
