//! The layer rule of DESIGN.md, enforced: only `src/ui/` and `src/worker/` (and the binary's
//! entry points, `src/main.rs`) may name the browser crates. Everything else must
//! build and test natively.

use std::path::{Path, PathBuf};

use super::common::files_under;

/// Crates that tie code to the browser.
const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

/// Folders (under `src/`) that are the UI and the worker glue.
const GLUE: &[&str] = &["ui", "worker"];
/// Files (under `src/`) that are glue too: the binary's entry points (its `main`, which starts the
/// interface or the engine, and the `reflet_drain` export that the worker's boot script calls).
const GLUE_FILES: &[&str] = &["main.rs"];

/// One use of a browser crate outside the glue.
#[derive(Debug, PartialEq)]
pub struct Violation {
    pub file: PathBuf,
    pub line: usize,
    pub name: String,
}

/// Code of a line with comments and string literals blanked, so prose may name the crates.
fn code_of(line: &str) -> String {
    let mut code = String::new();
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => in_string = !in_string,
            '\\' if in_string => {
                chars.next();
            }
            '/' if !in_string && chars.peek() == Some(&'/') => break,
            _ if in_string => {}
            _ => code.push(c),
        }
    }
    code
}

fn is_browser_crate(ident: &str) -> bool {
    BROWSER_CRATES.iter().any(|c| {
        ident == *c
            || ident
                .strip_prefix(c)
                .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// Every use of a browser crate in `src` outside the glue folders.
pub fn violations(src: &Path) -> Vec<Violation> {
    let files = files_under(src, &|p| p.extension().is_some_and(|e| e == "rs"));
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        if GLUE.contains(&top.as_ref()) || GLUE_FILES.iter().any(|f| relative == Path::new(f)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for ident in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if is_browser_crate(ident) {
                    found.push(Violation {
                        file: relative.to_path_buf(),
                        line: n + 1,
                        name: ident.to_owned(),
                    });
                }
            }
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn only_ui_and_worker_use_browser_crates() {
    let found = violations(&src());
    assert!(
        found.is_empty(),
        "browser crates outside src/ui and src/worker: {found:#?}"
    );
}

#[test]
fn the_check_catches_a_planted_use_yew_in_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("src");
    copy_tree(&src(), &copy);
    let target = copy.join("analysis/mod.rs");
    let mut text = std::fs::read_to_string(&target).unwrap();
    let planted_line = text.lines().count() + 1;
    text.push_str("use yew::prelude::*;\n");
    std::fs::write(&target, text).unwrap();
    assert_eq!(
        violations(&copy),
        [Violation {
            file: PathBuf::from("analysis/mod.rs"),
            line: planted_line,
            name: "yew".into()
        }]
    );
}

#[test]
fn the_check_ignores_prose_and_strings_but_sees_every_crate_form() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("src");
    std::fs::create_dir_all(copy.join("model")).unwrap();
    std::fs::create_dir_all(copy.join("ui")).unwrap();
    std::fs::write(
        copy.join("model/mod.rs"),
        "//! Not here: yew, web_sys.\nconst S: &str = \"gloo::x\"; // js_sys\n\
         fn f() { web_sys::window(); }\n#[wasm_bindgen]\nextern crate gloo_timers;\n",
    )
    .unwrap();
    std::fs::write(copy.join("ui/mod.rs"), "use yew::prelude::*;\n").unwrap();
    let names: Vec<(usize, String)> = violations(&copy)
        .into_iter()
        .map(|v| (v.line, v.name))
        .collect();
    assert_eq!(
        names,
        [
            (3, "web_sys".into()),
            (4, "wasm_bindgen".into()),
            (5, "gloo_timers".into())
        ]
    );
}
