//! Folders dropped on the page: walked through the (WebKit-named, but universal) entries API.
//!
//! A drop's entries must be taken during the `drop` event itself; walking them is asynchronous.
//! Paths are the folder-relative paths a person would recognise (`Takeout/Mon activité/…`).

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry,
};

use super::app::Picked;
use crate::ingest::archive::is_ignored;

/// The entries of a drop, taken synchronously (they are gone after the event).
pub fn entries(transfer: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

async fn batch_of(reader: &FileSystemDirectoryReader) -> Vec<FileSystemEntry> {
    let promise = Promise::new(&mut |resolve, reject| {
        let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().filter_map(|e| e.dyn_into().ok()).collect())
        .unwrap_or_default()
}

/// Every file under the dropped entries, folders walked (without recursion, so depth is free).
pub async fn collect(roots: Vec<FileSystemEntry>) -> Vec<Picked> {
    let mut stack = roots;
    stack.reverse();
    let mut found = Vec::new();
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if is_ignored(&path) {
            continue;
        }
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // `readEntries` hands out entries in batches until it returns none.
            let mut children = Vec::new();
            loop {
                let batch = batch_of(&reader).await;
                if batch.is_empty() {
                    break;
                }
                children.extend(batch);
            }
            children.sort_by_key(FileSystemEntry::name);
            stack.extend(children.into_iter().rev());
        } else if let Some(file) = file_of(entry.unchecked_ref::<FileSystemFileEntry>()).await {
            found.push(Picked { file, path });
        }
    }
    found
}
