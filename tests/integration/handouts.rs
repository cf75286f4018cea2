//! The static "Get your data" pages in `assets/guides/` are what the source registry gives
//! (`reflet::handouts`): a new source or a changed guide fails here until
//! `cargo run --example guides` has written them again.

use super::common::root;

#[test]
fn the_committed_guide_pages_are_the_registrys() {
    let dir = root().join("assets/guides");
    let pages = reflet::handouts::pages();
    for (name, html) in &pages {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == *html,
            "assets/guides/{name} is not what the registry gives: run `cargo run --example guides`"
        );
    }
    let committed = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    assert_eq!(
        committed,
        pages.len(),
        "a page of a guide no longer in the registry: run `cargo run --example guides`"
    );
}
