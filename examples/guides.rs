//! Writes the static "Get your data" pages (`reflet::handouts`) into `assets/guides/`:
//!
//!     cargo run --example guides
//!
//! Run it after adding a source or changing a guide; `cargo test` fails until the committed pages
//! are what the registry gives.

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/guides");
    std::fs::create_dir_all(&dir)?;
    // Pages of guides no longer in the registry go.
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "html") {
            std::fs::remove_file(path)?;
        }
    }
    let pages = reflet::handouts::pages();
    for (name, html) in &pages {
        std::fs::write(dir.join(name), html)?;
    }
    println!("{} pages in {}", pages.len(), dir.display());
    Ok(())
}
