//! The worker side: receive jobs, read files, post reports.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent, RequestCache, RequestInit};

use super::blob::{BlobSource, Reads};
use super::netwatch;
use super::protocol::{FileJob, FromWorker, ReadProgress, ToWorker};
use crate::analysis::day::{parse_day, Kept};
use crate::analysis::trips::Journal;
use crate::analysis::{findings, Memory};
use crate::error::ErrorKind;
use crate::export::{self, What};
use crate::model::day::PlaceSaid;
use crate::model::location::{LatLng, Mode};

use crate::model::{FileRef, PositionSummary, Summary};
use crate::report::{self, FileReport, Sink};

thread_local! {
    /// Set by the self-test: the name of a file this worker must die on.
    static CRASH_ON: RefCell<Option<String>> = const { RefCell::new(None) };
    /// What is kept of every location file read, for day views and corrections. It lives as
    /// long as the worker; forgetting everything ends the worker.
    static KEPT: RefCell<Vec<KeptFile>> = const { RefCell::new(Vec::new()) };
    /// Messages received and not yet handled, in order, and the warm-up's steps.
    static QUEUE: RefCell<VecDeque<Queued>> = const { RefCell::new(VecDeque::new()) };
    /// The warm-up while it lasts: see [`warm_up`].
    static WARM_UP: RefCell<Option<WarmUp>> = const { RefCell::new(None) };
    /// True from the moment a drain of the queue is scheduled until it has emptied the queue.
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

#[wasm_bindgen]
extern "C" {
    /// Calls [`drain`] in a microtask, once the current call into wasm has returned: under
    /// `WebAssembly.promising` where the browser has JSPI, directly otherwise (defined by the boot
    /// script, `worker/boot.js`).
    #[wasm_bindgen(js_name = refletDrainSoon)]
    fn reflet_drain_soon();
}

/// One location file of opened file `id`: what is kept of it, and its report as last sent
/// (corrections update it).
struct KeptFile {
    id: u32,
    kept: Kept,
    report: FileReport,
}

/// Runs `f` on the kept file `path` of opened file `id`, if there is one.
fn with_kept<T>(id: u32, path: &str, f: impl FnOnce(&mut KeptFile) -> Option<T>) -> Option<T> {
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        kept.iter_mut()
            .find(|f| f.id == id && f.report.file.path == path)
            .and_then(f)
    })
}

/// Day `date` of a kept file (the last day with data when `None` or not a date), as the message
/// that carries it.
fn day(id: u32, path: String, date: Option<&str>) -> FromWorker {
    let view = with_kept(id, &path, |file| {
        Some(file.kept.day(date.and_then(parse_day)))
    });
    FromWorker::Day {
        id,
        path,
        known: view.is_some(),
        view: view.flatten(),
    }
}

/// A correction of a kept file: `change` corrects its journal and the summary (false: nothing
/// to correct); then the trips and the findings are worked out again. The file's new report.
fn corrected(
    id: u32,
    path: &str,
    change: impl FnOnce(&mut Journal, &mut PositionSummary) -> bool,
) -> Option<FileReport> {
    with_kept(id, path, |file| {
        let (journal, report) = (&mut file.kept.journal, &mut file.report);
        let Some(Summary::Positions(positions)) = report.summary.as_mut() else {
            return None;
        };
        if !change(journal, positions) {
            return None;
        }
        positions.trips = journal.summary();
        report.findings = report
            .summary
            .as_ref()
            .map(|summary| findings(&report.kind, summary))
            .unwrap_or_default();
        Some(report.clone())
    })
}

/// After a correction: the file's new report (if it changed), then the day shown, again.
fn post_corrected(id: u32, path: String, date: &str, report: Option<FileReport>) {
    if let Some(report) = report {
        post(&FromWorker::Updated { id, report });
    }
    post(&day(id, path, Some(date)));
}

/// Sets a trip's mode.
fn correct(id: u32, path: &str, trip: u32, mode: Mode) -> Option<FileReport> {
    corrected(id, path, |journal, _| journal.correct(trip, mode))
}

/// Says what a place is: home, work and the routine are found again.
fn relabel(id: u32, path: &str, at: LatLng, place: PlaceSaid) -> Option<FileReport> {
    corrected(id, path, |journal, positions| {
        let places = journal.relabel(at, place);
        positions.home = places.home;
        positions.work = places.work;
        positions.routine = places.routine;
        true
    })
}

/// The positions kept, their bytes, and the wasm memory's size.
fn kept() -> FromWorker {
    let (points, bytes) = KEPT.with(|k| {
        k.borrow()
            .iter()
            .filter_map(|f| f.kept.points.as_ref())
            .fold((0, 0), |(n, b), s| (n + s.len(), b + s.heap_bytes()))
    });
    let wasm_bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |b| u64::from(b.byte_length()));
    FromWorker::Kept {
        points,
        bytes,
        wasm_bytes,
    }
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    post_with(message, None);
}

/// Posts `message`, with an export's file beside it.
fn post_with(message: &FromWorker, blob: Option<&Blob>) {
    let envelope = Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&envelope, &"json".into(), &message.to_json().into());
    if let Some(blob) = blob {
        let _ = Reflect::set(&envelope, &"blob".into(), blob);
    }
    let _ = scope().post_message(&envelope);
}

/// An export as it is written: its bytes leave wasm memory a mebibyte at a time, each mebibyte a
/// `Blob` of its own (the browser may keep blobs on disk), and the export is one `Blob` of those
/// at the end, which copies none of them: an export of millions of positions grows neither the
/// worker's wasm memory nor its JS heap by its size.
#[derive(Default)]
struct BlobParts {
    parts: Vec<Blob>,
    buffer: Vec<u8>,
}

impl BlobParts {
    const CHUNK: usize = 1 << 20;

    fn flush_chunk(&mut self) {
        if !self.buffer.is_empty() {
            let bytes = Array::of1(&js_sys::Uint8Array::from(&self.buffer[..]));
            if let Ok(blob) = Blob::new_with_u8_array_sequence(&bytes) {
                self.parts.push(blob);
            }
            self.buffer.clear();
        }
    }

    fn into_blob(mut self, media_type: &str) -> Option<Blob> {
        self.flush_chunk();
        let parts: Array = self.parts.iter().collect();
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        Blob::new_with_blob_sequence_and_options(&parts, &options).ok()
    }
}

impl std::io::Write for BlobParts {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= Self::CHUNK {
            self.flush_chunk();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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

    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        enqueue(Queued::Message(event.data()));
    });
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

    warm_up();
}

pub(super) fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// How much generated `Records.json` the worker reads before it says it is ready: once in full,
/// then a part of it at a time until the browser has optimised the reader.
const WARM_UP_BYTES: u64 = 1 << 20;
const PROBE_BYTES: usize = 256 << 10;
/// The longest the warm-up waits for optimised code before saying it is ready anyway.
const WARM_UP_MAX_MS: f64 = 1500.0;

/// What waits for [`drain`]: a message from the page, or the warm-up's next read.
enum Queued {
    Message(JsValue),
    WarmUp,
}

/// Queues `item` and makes sure a drain is on its way.
fn enqueue(item: Queued) {
    QUEUE.with(|q| q.borrow_mut().push_back(item));
    if !DRAINING.replace(true) {
        reflet_drain_soon();
    }
}

/// The warm-up's document, and its speeds so far.
struct WarmUp {
    doc: Blob,
    /// When the warm-up started (`performance.now()`).
    start: f64,
    /// Whether the whole document has been read once.
    read_once: bool,
    /// Probes read so far, and the last one's speed.
    probes: u32,
    last: f64,
}

/// Reads a small generated `Records.json` until the browser runs the reader's optimised code,
/// results thrown away, then says the worker is ready.
///
/// The browser first runs wasm through a quick baseline compiler and optimises a function once it
/// has run for a while, in the background; a call already running keeps the code it started
/// with, and the reader's loop runs in one call per file. So a file opened at once in a fresh
/// worker ran mostly on baseline code: 100 MB took 1.5–1.7 s, against 1.0–1.1 s once the worker
/// had read something before (BENCHMARKS.md). The warm-up reads 1 MiB once, then 256 KiB every
/// 40 ms (leaving the optimising compiler the processor in between) until reading has stopped
/// getting faster, or for 1.5 s at most, while the page still shows the engine loading. (384 KiB
/// and 96 KiB left a first 10 MB file 0.20-0.31 s, against 0.16-0.21 s then.) Until session 19
/// the first probe could end it (the speed it was compared with started infinite), often 300 ms
/// in, while the reader's loop was still being optimised: traced with V8's
/// `--trace-wasm-compilation-times`, 61–66 functions were optimised after a first 100 MB file
/// had started, against 50–52 since, the loop always before it. Each read is a step of the
/// queue, so that it runs as a file's job does: under the suspending entry point where the
/// browser has one, its slices read by the reader worker.
fn warm_up() {
    let spec = crate::synth::RecordsSpec {
        seed: 1,
        target_bytes: WARM_UP_BYTES,
        legacy_ms: false,
    };
    let mut doc = Vec::new();
    let blob = crate::synth::write_records(spec, &mut doc)
        .ok()
        .and_then(|_| {
            Blob::new_with_u8_array_sequence(&Array::of1(&js_sys::Uint8Array::from(&doc[..]))).ok()
        });
    let Some(doc) = blob else {
        post(&FromWorker::Ready);
        return;
    };
    WARM_UP.set(Some(WarmUp {
        doc,
        start: now(),
        read_once: false,
        probes: 0,
        last: 0.0,
    }));
    enqueue(Queued::WarmUp);
}

/// The warm-up's next read: the whole document the first time, then a probe; says the worker is
/// ready once reading has stopped getting faster (from the third probe on, two probes in a row
/// within 10 %: the optimised code is in), or after [`WARM_UP_MAX_MS`]; otherwise the next
/// probe comes 40 ms later.
#[allow(clippy::cast_precision_loss)] // a few KiB
fn warm_up_step(reads: Reads) {
    let Some(mut warm) = WARM_UP.take() else {
        return;
    };
    if warm.read_once {
        // The probe is a prefix of the document: cut inside a record, it ends as truncated,
        // after the same reading.
        let part = warm
            .doc
            .slice_with_f64_and_f64(0.0, PROBE_BYTES as f64)
            .unwrap_or_else(|_| warm.doc.clone());
        let speed = read_for_nothing(&part, reads);
        warm.probes += 1;
        let settled = warm.probes >= 3 && (speed - warm.last).abs() <= 0.1 * warm.last;
        if settled || now() - warm.start >= WARM_UP_MAX_MS {
            post(&FromWorker::Ready);
            return;
        }
        warm.last = speed;
    } else {
        read_for_nothing(&warm.doc, reads);
        warm.read_once = true;
    }
    WARM_UP.set(Some(warm));
    gloo::timers::callback::Timeout::new(40, || enqueue(Queued::WarmUp)).forget();
}

/// Reads `blob` as a file is read (a [`BlobSource`], its reports turned into the message that
/// would carry them), results thrown away; returns its speed in bytes per millisecond. The same
/// path as a file's: a first job that went through code the warm-up had not run took 0.31 s on
/// 10 MB, against 0.20 s after a first job of 1 MB (BENCHMARKS.md).
fn read_for_nothing(blob: &Blob, reads: Reads) -> f64 {
    let t0 = now();
    let mut discard = |report: FileReport| {
        let _ = FromWorker::Found {
            id: 0,
            reports: vec![report],
        }
        .to_json();
    };
    if let Ok(mut source) = BlobSource::new(blob.clone(), reads) {
        report::describe_input_with("Records.json", &mut source, &mut discard, Memory::Summary);
    }
    blob.size() / (now() - t0).max(0.1)
}

/// Handles the messages received, in order, until none is left: the worker binary's export that
/// the boot script calls (see [`reflet_drain_soon`]). With `suspending`, this call runs under
/// `WebAssembly.promising` and file reads suspend it; messages that arrive meanwhile wait in the
/// queue. The call always starts from a microtask, with no wasm below it on the stack: wasm that
/// ran while it is suspended could otherwise overwrite its frames on the shadow stack.
pub fn drain(suspending: bool) {
    let reads = if suspending {
        Reads::Suspend
    } else {
        Reads::Sync
    };
    while let Some(item) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        match item {
            Queued::Message(data) => handle(&data, reads),
            Queued::WarmUp => warm_up_step(reads),
        }
    }
    DRAINING.set(false);
}

/// The `File`s a message carries.
fn files(data: &JsValue) -> Array {
    Reflect::get(data, &"files".into())
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .unwrap_or_default()
}

fn handle(data: &JsValue, reads: Reads) {
    let message = Reflect::get(data, &"json".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|json| serde_json::from_str::<ToWorker>(&json).ok());
    match message {
        Some(ToWorker::Analyse { jobs, keep_points }) => {
            let files = files(data);
            let memory = if keep_points {
                Memory::Map
            } else {
                Memory::Summary
            };
            for job in jobs {
                post(&FromWorker::Started { id: job.id });
                analyse(&files, &job, memory, reads);
                if keep_points {
                    post(&kept());
                }
                post(&FromWorker::Finished { id: job.id });
            }
        }
        Some(ToWorker::Day { id, path, date }) => {
            post(&day(id, path, date.as_deref()));
        }
        Some(ToWorker::Correct {
            id,
            path,
            trip,
            mode,
            date,
        }) => {
            let report = correct(id, &path, trip, mode);
            post_corrected(id, path, &date, report);
        }
        Some(ToWorker::Relabel {
            id,
            path,
            lat,
            lng,
            place,
            date,
        }) => {
            let report =
                LatLng::from_degrees(lat, lng).and_then(|at| relabel(id, &path, at, place));
            post_corrected(id, path, &date, report);
        }
        Some(ToWorker::Scan { id, name, path }) => {
            let files = files(data);
            let scan = files
                .get(0)
                .dyn_into::<Blob>()
                .ok()
                .and_then(|blob| BlobSource::new(blob, reads).ok())
                .and_then(|mut source| report::scan_entry(&name, &mut source, &path));
            post(&FromWorker::Scanned { id, path, scan });
        }
        Some(ToWorker::Export {
            id,
            name,
            path,
            what,
            format,
        }) => export(data, reads, id, &name, path, what, format),
        Some(ToWorker::Combine { names, k }) => {
            let files = files(data);
            let mut read = Vec::new();
            let mut problems = Vec::new();
            for (index, name) in (0..).zip(names) {
                let contribution = files
                    .get(index)
                    .dyn_into::<Blob>()
                    .ok()
                    .and_then(|blob| BlobSource::new(blob, reads).ok())
                    .ok_or(ErrorKind::Unreadable)
                    .and_then(|mut source| crate::contribute::read(&mut source));
                match contribution {
                    Ok(contribution) => read.push(contribution),
                    Err(kind) => problems.push((name, kind)),
                }
            }
            let combined = crate::contribute::combine::combine(&read, k);
            post(&FromWorker::Combined { combined, problems });
        }
        Some(ToWorker::SelfTestCrashOn { name }) => CRASH_ON.with(|c| *c.borrow_mut() = Some(name)),
        Some(ToWorker::SelfTestRequest { url }) => {
            let init = RequestInit::new();
            init.set_cache(RequestCache::NoStore);
            // The response does not matter: the request is what is being counted.
            let _ = scope().fetch_with_str_and_init(&url, &init);
        }
        None => {}
    }
}

/// Writes the export asked and posts it, with its file.
fn export(
    data: &JsValue,
    reads: Reads,
    id: u32,
    name: &str,
    path: String,
    what: What,
    format: export::Format,
) {
    let files = files(data);
    let mut parts = BlobParts::default();
    let written = match what {
        // The trips as the journal holds them, with the person's corrections.
        What::Trips => with_kept(id, &path, |file| Some(file.kept.journal.records()))
            .ok_or(ErrorKind::Unreadable)
            .and_then(|trips| {
                export::write_trips(&mut parts, format, &trips).map_err(|_| ErrorKind::Unreadable)
            }),
        What::Positions | What::Records => files
            .get(0)
            .dyn_into::<Blob>()
            .ok()
            .and_then(|blob| BlobSource::new(blob, reads).ok())
            .ok_or(ErrorKind::Unreadable)
            .and_then(|mut source| {
                export::export_entry(name, &mut source, &path, what, format, &mut parts)
            }),
    };
    let (count, failed) = match written {
        Ok(count) => (count, None),
        Err(kind) => (0, Some(kind)),
    };
    let blob = failed
        .is_none()
        .then(|| parts.into_blob(format.media_type()))
        .flatten();
    let failed = failed.or(blob.is_none().then_some(ErrorKind::Unreadable));
    let message = FromWorker::Exported {
        id,
        path,
        what,
        format,
        count,
        failed,
    };
    post_with(&message, blob.as_ref());
}

/// Where one file's progress stands, shared by the byte reader and the report sink.
struct Progress {
    id: u32,
    read: ReadProgress,
    last_post: f64,
    /// Reports not yet posted.
    batch: Vec<FileReport>,
}

/// Reports are posted at least this often (in count), whatever the time.
const MAX_BATCH: usize = 2000;

impl Progress {
    /// Posts the reports found so far, in one message.
    fn flush(&mut self) {
        if !self.batch.is_empty() {
            let reports = std::mem::take(&mut self.batch);
            post(&FromWorker::Found {
                id: self.id,
                reports,
            });
        }
    }

    /// Posts the reports found and the progress if 100 ms have passed since the last post (or if
    /// `force`): an archive of 20,000 files makes a few hundred messages, not 20,000.
    fn post(&mut self, force: bool) {
        let now = now();
        if force || now - self.last_post >= 100.0 || self.batch.len() >= MAX_BATCH {
            self.last_post = now;
            self.flush();
            post(&FromWorker::Progress {
                id: self.id,
                read: self.read.clone(),
            });
        }
    }
}

/// Posts each report as soon as it is ready, and keeps progress up to date; keeps what the
/// analysis hands over of location files.
struct PostingSink {
    progress: Rc<RefCell<Progress>>,
}

impl Sink for PostingSink {
    fn entry(&mut self, path: &str) {
        let mut p = self.progress.borrow_mut();
        path.clone_into(&mut p.read.entry);
        p.post(false);
    }

    fn report(&mut self, mut report: FileReport) {
        // The page keeps a file's scan brief; it asks for the whole of it when it is opened.
        report.scan = report.scan.take().map(crate::scan::FileScan::brief);
        let mut p = self.progress.borrow_mut();
        p.read.found += 1;
        p.batch.push(report);
        p.post(false);
    }

    fn kept(&mut self, report: &FileReport, kept: Kept) {
        let id = self.progress.borrow().id;
        KEPT.with(|k| {
            k.borrow_mut().push(KeptFile {
                id,
                kept,
                report: report.clone(),
            });
        });
    }
}

fn analyse(files: &Array, job: &FileJob, memory: Memory, reads: Reads) {
    // The self-test asked for it.
    assert!(
        CRASH_ON.with(|c| c.borrow().as_deref() != Some(job.path.as_str())),
        "self-test: crash on a file"
    );
    let blob = files.get(job.index).dyn_into::<Blob>().ok();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // sizes are whole, ≥ 0
    let size = blob.as_ref().map_or(0, |b| b.size() as u64);
    let progress = Rc::new(RefCell::new(Progress {
        id: job.id,
        read: ReadProgress {
            total: size,
            ..ReadProgress::default()
        },
        last_post: f64::NEG_INFINITY,
        batch: Vec::new(),
    }));
    // First progress at once: the person sees the bar move within milliseconds.
    progress.borrow_mut().post(true);
    let mut sink = PostingSink {
        progress: Rc::clone(&progress),
    };
    match blob.map(|b| BlobSource::new(b, reads)) {
        Some(Ok(source)) => {
            let watched = Rc::clone(&progress);
            let mut source = source.with_progress(move |done| {
                let mut p = watched.borrow_mut();
                // The first bytes read move the bar at once; then every 100 ms.
                let first = p.read.done == 0 && done > 0;
                p.read.done = done.min(p.read.total);
                p.post(first);
            });
            report::describe_input_with(&job.path, &mut source, &mut sink, memory);
        }
        _ => sink.report(FileReport::failed(
            FileRef::new(job.path.clone(), size),
            ErrorKind::Unreadable,
        )),
    }
    // Everything found, then the final progress, before `Finished`.
    progress.borrow_mut().post(true);
}
