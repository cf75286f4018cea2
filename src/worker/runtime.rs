//! The worker side: receive jobs, read files, post reports.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent, RequestCache, RequestInit};

use super::blob::BlobSource;
use super::netwatch;
use super::protocol::{FileJob, FromWorker, ToWorker};
use crate::error::ErrorKind;
use crate::model::FileRef;
use crate::report::{self, FileReport};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    let envelope = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&envelope, &"json".into(), &message.to_json().into());
    let _ = scope().post_message(&envelope);
}

/// The worker binary's entry point, run once the page has handed over the compiled module.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // The location only: a panic message could quote a person's data.
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        gloo::console::error!(format!("Reflet's worker stopped ({place})."));
    }));

    let onmessage =
        Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| handle(&event.data()));
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget(); // lives as long as the worker

    // Count the worker's own requests (there should be none) for the page's indicator.
    let total = Rc::new(Cell::new(0u32));
    if let Ok(watch) = netwatch::observe(move |times| {
        total.set(
            total
                .get()
                .saturating_add(u32::try_from(times.len()).unwrap_or(u32::MAX)),
        );
        post(&FromWorker::Requests { total: total.get() });
    }) {
        std::mem::forget(watch); // observes for the worker's whole life
    }

    post(&FromWorker::Ready);
}

fn handle(data: &JsValue) {
    let message = Reflect::get(data, &"json".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|json| serde_json::from_str::<ToWorker>(&json).ok());
    match message {
        Some(ToWorker::Analyse { jobs }) => {
            let files: Array = Reflect::get(data, &"files".into())
                .ok()
                .and_then(|v| v.dyn_into().ok())
                .unwrap_or_default();
            for job in jobs {
                post(&FromWorker::Started { id: job.id });
                analyse(&files, &job, &mut |report| {
                    post(&FromWorker::Found { id: job.id, report });
                });
                post(&FromWorker::Finished { id: job.id });
            }
        }
        Some(ToWorker::SelfTestRequest { url }) => {
            let init = RequestInit::new();
            init.set_cache(RequestCache::NoStore);
            // The response does not matter: the request is what is being counted.
            let _ = scope().fetch_with_str_and_init(&url, &init);
        }
        None => {}
    }
}

fn analyse(files: &Array, job: &FileJob, on_report: &mut dyn FnMut(FileReport)) {
    let blob = files.get(job.index).dyn_into::<Blob>().ok();
    match blob.map(BlobSource::new) {
        Some(Ok(mut source)) => report::describe_input(&job.path, &mut source, on_report),
        _ => on_report(FileReport::failed(
            FileRef::new(job.path.clone(), 0),
            ErrorKind::Unreadable,
        )),
    }
}
