//! The service worker's list of the app's files (`FILES` in `sw.js`) cannot drift from what the
//! build puts at the top of `dist/`: it is checked here against `index.html`, where Trunk learns
//! that list (tests/e2e checks it against `dist/` itself). A file missing from the list would not
//! be there offline; a listed file the build does not make would stop the service worker from
//! installing at all.

use std::collections::BTreeSet;
use std::fs;

/// The value of `name="..."` in one tag, if present.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag.get(start..)?.find('"')?;
    tag.get(start..start + len)
}

/// The top-level files of `dist/` that `index.html` makes Trunk write, by their names there
/// (`./` for `index.html` itself), `sw.js` excepted.
fn built_files(index: &str) -> BTreeSet<String> {
    let mut files = BTreeSet::from(["./".to_owned()]);
    for tag in index
        .split('<')
        .filter(|t| t.starts_with("link data-trunk "))
    {
        let href = attribute(tag, "href").unwrap_or_default();
        match attribute(tag, "rel") {
            Some("css") => {
                let name = href.rsplit('/').next().unwrap();
                files.insert(name.to_owned());
            }
            Some("copy-file") if href != "sw.js" => {
                files.insert(href.rsplit('/').next().unwrap().to_owned());
            }
            Some("rust") => {
                let bin = attribute(tag, "data-bin").expect("the rust link names its binary");
                files.insert(format!("{bin}.js"));
                files.insert(format!("{bin}_bg.wasm"));
            }
            // A folder (the guides): its pages are kept as they are visited, not installed.
            Some("copy-dir" | "copy-file") => {}
            other => panic!(
                "a Trunk link this test does not know ({other:?}): say what it puts in dist/"
            ),
        }
    }
    files
}

/// The quoted names of `const FILES = [ ... ];` in `sw.js`.
fn listed_files(sw: &str) -> BTreeSet<String> {
    let start = sw.find("const FILES = [").expect("sw.js lists FILES");
    let list = &sw[start..start + sw[start..].find("];").unwrap()];
    list.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_service_worker_installs_every_file_the_build_writes_at_the_top_of_dist() {
    let root = env!("CARGO_MANIFEST_DIR");
    let index = fs::read_to_string(format!("{root}/index.html")).unwrap();
    let sw = fs::read_to_string(format!("{root}/sw.js")).unwrap();
    let built = built_files(&index);
    assert!(
        built.contains("boot.js")
            && built.contains("reflet_bg.wasm")
            && built.contains("tokens.css")
    );
    assert_eq!(
        listed_files(&sw),
        built,
        "sw.js's FILES must list exactly the files of index.html's Trunk links (sw.js excepted)"
    );
}

#[test]
fn the_lists_are_read_as_written() {
    let index = r#"<link data-trunk rel="css" href="styles/a.css">
        <link data-trunk rel="rust" href="Cargo.toml" data-bin="app" data-type="main">
        <link data-trunk rel="copy-file" href="boot.js"><link data-trunk rel="copy-file" href="sw.js">
        <link data-trunk rel="copy-dir" href="assets/guides"><link rel="icon" href="data:,">"#;
    let expected: BTreeSet<String> = ["./", "a.css", "app.js", "app_bg.wasm", "boot.js"]
        .map(str::to_owned)
        .into();
    assert_eq!(built_files(index), expected);
    assert_eq!(
        listed_files("const FILES = [\n  './',\n  'a.css', // a comment\n];\nconst X = ['no'];"),
        ["./", "a.css"].map(str::to_owned).into()
    );
}
