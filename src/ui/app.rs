//! The root component: owns the state, the worker and the network watch.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

use super::components::{
    AcrossView, DayContext, DropZone, FileList, Header, IdleWarning, Landing, LiveRegion,
    NetCounter, PromisePage, SelfTest,
};
use super::state::{self, Action, FileStatus, State, View};
use crate::export::{Format, What};
use crate::i18n::Lang;
use crate::model::day::PlaceSaid;
use crate::model::location::Mode;
use crate::model::FileRef;
use crate::worker::netwatch::{self, NetWatch};
use crate::worker::protocol::{FileJob, FromWorker, ToWorker};
use crate::worker::spawn::{Engine, WorkerHandle};

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(state::reduce(&self, action))
    }
}

/// Mounts the app in `#app`, replacing the loading placeholder.
pub fn start() {
    super::panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    root.set_text_content(None);
    yew::Renderer::<App>::with_root(root).render();
}

/// A file picked or dropped, with its path inside what was opened.
#[derive(Clone, PartialEq)]
pub struct Picked {
    pub file: File,
    pub path: String,
}

/// Effects that live outside the state: the worker and the files it has not finished.
#[derive(Default)]
struct Runtime {
    engine: Option<Rc<Engine>>,
    worker: Option<WorkerHandle>,
    /// The current worker has said it is ready: jobs can be sent to it.
    worker_ready: bool,
    /// Workers in a row that died before saying they were ready.
    boot_crashes: u32,
    /// Files opened and not yet fully reported, by id.
    pending: BTreeMap<u32, Picked>,
    /// Every file opened, by id, until everything is forgotten: the raw view reads them again.
    opened: BTreeMap<u32, Picked>,
    /// A raw view asked while the worker was starting: sent once it is ready.
    raw_waiting: Option<(u32, String)>,
    /// Files sent to the current worker and not finished, oldest first: it reads them in order,
    /// so if it dies, the first one is the one that killed it.
    in_flight: Vec<u32>,
    /// How many of the current worker's own requests have been counted.
    worker_requests: u32,
    /// The `blob:` URL of the last export, kept for its "save again" link until the next one or
    /// until everything is forgotten (then it is revoked, and its file freed).
    export_url: Option<String>,
    next_id: u32,
    /// Kept for its lifetime: dropping it stops counting the page's requests.
    #[allow(dead_code)]
    netwatch: Option<NetWatch>,
}

/// After this many workers in a row die while starting, the engine is reported as failed.
const MAX_BOOT_CRASHES: u32 = 3;

type Shared = Rc<RefCell<Runtime>>;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

fn page_now() -> f64 {
    netwatch::now(performance().as_ref())
}

fn browser_lang() -> Lang {
    let languages: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::negotiate(languages)
}

fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn view_from_hash(hash: &str) -> View {
    match hash {
        "#promise" => View::Promise,
        "#letter" => View::Letter,
        "#share" => View::Share,
        "#facilitate" => View::Facilitate,
        _ => View::Home,
    }
}

/// Starts a worker wired to the state. If it dies, the file it was reading is marked, and a new
/// worker takes over the others, started from the module in memory (no request).
fn spawn_worker(rt: &Shared, dispatch: &UseReducerDispatcher<State>) {
    let Some(engine) = rt.borrow().engine.clone() else {
        return;
    };
    let (rt_msg, dispatch_msg) = (Rc::clone(rt), dispatch.clone());
    let (rt_crash, dispatch_crash) = (Rc::clone(rt), dispatch.clone());
    let on_message = move |message: Option<FromWorker>, blob: Option<web_sys::Blob>| match message {
        Some(FromWorker::Ready) => {
            {
                let mut r = rt_msg.borrow_mut();
                r.worker_ready = true;
                r.boot_crashes = 0;
            }
            dispatch_msg.dispatch(Action::EngineReady { at: page_now() });
            let ids: Vec<u32> = rt_msg.borrow().pending.keys().copied().collect();
            send_jobs(&rt_msg, &ids);
            let waiting = rt_msg.borrow_mut().raw_waiting.take();
            if let Some((id, path)) = waiting {
                send_raw(&rt_msg, id, path);
            }
        }
        Some(FromWorker::BootFailed) => worker_died(&rt_msg, &dispatch_msg),
        Some(FromWorker::Started { id }) => {
            dispatch_msg.dispatch(Action::FileStarted { id, at: page_now() });
        }
        Some(FromWorker::Progress { id, read }) => dispatch_msg.dispatch(Action::Progress {
            id,
            read,
            at: page_now(),
        }),
        Some(FromWorker::Found { id, reports }) => {
            dispatch_msg.dispatch(Action::FileFound { id, reports });
        }
        Some(FromWorker::Finished { id }) => {
            {
                let mut r = rt_msg.borrow_mut();
                r.pending.remove(&id);
                r.in_flight.retain(|&f| f != id);
            }
            dispatch_msg.dispatch(Action::FileFinished { id });
        }
        Some(FromWorker::Requests { total }) => {
            let new = {
                let mut r = rt_msg.borrow_mut();
                let new = total.saturating_sub(r.worker_requests);
                r.worker_requests = r.worker_requests.max(total);
                new
            };
            let times = vec![page_now(); usize::try_from(new).unwrap_or(0)];
            dispatch_msg.dispatch(Action::Requests { times });
        }
        Some(FromWorker::Kept {
            points,
            bytes,
            wasm_bytes,
        }) => dispatch_msg.dispatch(Action::Kept(state::Kept {
            points,
            bytes,
            wasm_bytes,
        })),
        Some(FromWorker::Day {
            id,
            path,
            view,
            known,
        }) => {
            dispatch_msg.dispatch(Action::DayShown {
                id,
                path,
                view,
                known,
            });
        }
        Some(FromWorker::Updated { id, report }) => {
            dispatch_msg.dispatch(Action::ReportUpdated { id, report });
        }
        Some(FromWorker::Scanned { id, path, scan }) => {
            dispatch_msg.dispatch(Action::Scanned { id, path, scan });
        }
        Some(exported @ FromWorker::Exported { .. }) => {
            if let Some(export) = save_export(&rt_msg, exported, blob) {
                dispatch_msg.dispatch(Action::Exported(export));
            }
        }
        Some(FromWorker::Combined { combined, problems }) => {
            dispatch_msg.dispatch(Action::Combined { combined, problems });
        }
        // A message this page does not understand: nothing to do with it.
        None => {}
    };
    let on_crash = move || worker_died(&rt_crash, &dispatch_crash);
    match engine.spawn(on_message, on_crash) {
        Ok(worker) => {
            let mut r = rt.borrow_mut();
            r.worker = Some(worker);
            r.worker_ready = false;
            r.in_flight.clear();
            r.worker_requests = 0;
        }
        Err(_) => dispatch.dispatch(Action::EngineFailed),
    }
}

/// The worker died (a panic, out of memory) or could not start.
fn worker_died(rt: &Shared, dispatch: &UseReducerDispatcher<State>) {
    let culprit = {
        let mut r = rt.borrow_mut();
        r.worker = None;
        if r.worker_ready {
            let culprit = r.in_flight.first().copied();
            if let Some(id) = culprit {
                r.pending.remove(&id);
            }
            culprit
        } else {
            r.boot_crashes += 1;
            if r.boot_crashes >= MAX_BOOT_CRASHES {
                drop(r);
                dispatch.dispatch(Action::EngineFailed);
                return;
            }
            None
        }
    };
    dispatch.dispatch(Action::WorkerCrashed { culprit });
    // The new worker gets the files still pending once it says it is ready.
    spawn_worker(rt, dispatch);
}

/// Asks the worker for the raw view of the file at `path` in opened file `id`: false if that
/// file is no longer at hand.
fn send_raw(rt: &Shared, id: u32, path: String) -> bool {
    let r = rt.borrow();
    let (Some(worker), Some(picked)) = (r.worker.as_ref(), r.opened.get(&id)) else {
        return false;
    };
    let message = ToWorker::Scan {
        id,
        name: picked.path.clone(),
        path,
    };
    worker
        .send(&message, std::slice::from_ref(&picked.file))
        .is_ok()
}

/// Saves an export the worker made, as a download; what it holds, or why there is none. Its
/// `blob:` URL stays for a "save again" link: a download started long after the click (a large
/// export) may be held back by the browser.
fn save_export(
    rt: &Shared,
    message: FromWorker,
    blob: Option<web_sys::Blob>,
) -> Option<state::ExportState> {
    let FromWorker::Exported {
        id,
        path,
        what,
        format,
        count,
        failed,
    } = message
    else {
        return None;
    };
    let url = blob
        .filter(|_| failed.is_none())
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok());
    let done = match &url {
        Some(url) => {
            crate::ui::save::save_url(&crate::export::file_name(&path, what, format), url);
            if let Some(old) = rt.borrow_mut().export_url.replace(url.clone()) {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
            Ok(count)
        }
        None => Err(failed.unwrap_or(crate::error::ErrorKind::Unreadable)),
    };
    Some(state::ExportState {
        id,
        path,
        what,
        format,
        done: Some(done),
        url,
    })
}

/// The callbacks of [`crate::ui::components::ActContext`]: ask for an export, open a letter.
#[allow(clippy::type_complexity)]
fn act_calls(
    rt: &Shared,
    dispatch: &UseReducerDispatcher<State>,
) -> (
    Callback<(u32, String, What, Format)>,
    Callback<crate::letters::LetterPrefill>,
) {
    let (rt, export_dispatch) = (Rc::clone(rt), dispatch.clone());
    let export = Callback::from(
        move |(id, path, what, format): (u32, String, What, Format)| {
            let asked = |done| state::ExportState {
                id,
                path: path.clone(),
                what,
                format,
                done,
                url: None,
            };
            export_dispatch.dispatch(Action::ExportAsked(asked(None)));
            if !send_export(&rt, id, path.clone(), what, format) {
                let failed = Some(Err(crate::error::ErrorKind::Unreadable));
                export_dispatch.dispatch(Action::Exported(asked(failed)));
            }
        },
    );
    let dispatch = dispatch.clone();
    let letter = Callback::from(move |prefill| dispatch.dispatch(Action::AskLetter(prefill)));
    (export, letter)
}

/// Asks the worker for an export of the file at `path` in opened file `id`: false if that file
/// is no longer open or there is no worker.
fn send_export(rt: &Shared, id: u32, path: String, what: What, format: Format) -> bool {
    let r = rt.borrow();
    let (Some(worker), Some(picked)) = (r.worker.as_ref(), r.opened.get(&id)) else {
        return false;
    };
    let message = ToWorker::Export {
        id,
        name: picked.path.clone(),
        path,
        what,
        format,
    };
    worker
        .send(&message, std::slice::from_ref(&picked.file))
        .is_ok()
}

/// Sends files to the worker once it is ready; until then they wait in `pending`.
fn send_jobs(rt: &Shared, ids: &[u32]) {
    let mut r = rt.borrow_mut();
    if !r.worker_ready {
        return;
    }
    let mut files = Vec::new();
    let mut jobs = Vec::new();
    for id in ids {
        if let Some(picked) = r.pending.get(id) {
            jobs.push(FileJob {
                id: *id,
                index: u32::try_from(files.len()).unwrap_or(u32::MAX),
                path: picked.path.clone(),
            });
            files.push(picked.file.clone());
        }
    }
    if jobs.is_empty() {
        return;
    }
    let sent = r.worker.as_ref().is_some_and(|w| {
        let keep_points = map_mode();
        w.send(
            &ToWorker::Analyse {
                jobs: jobs.clone(),
                keep_points,
            },
            &files,
        )
        .is_ok()
    });
    if sent {
        r.in_flight.extend(jobs.iter().map(|j| j.id));
    }
}

/// The address's query (`?kiosk=5`).
fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The demo persona's files ([`crate::synth::demo`]), made on the device, as if picked.
fn demo_files() -> Vec<Picked> {
    crate::synth::demo::files()
        .into_iter()
        .filter_map(|(name, bytes)| {
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&bytes[..]));
            let file = File::new_with_u8_array_sequence(&parts, &name).ok()?;
            Some(Picked { file, path: name })
        })
        .collect()
}

/// What the presenter's mask shows of the reports: the names it hides ([`crate::mask::dictionary`])
/// and each report masked, in the order of the files' reports. Computed again only when a
/// report comes or goes (reports are compared by identity), not on each progress message.
#[derive(PartialEq)]
struct MaskedReports {
    names: Vec<String>,
    reports: Vec<state::Shared>,
}

fn mask_reports(reports: &[state::Shared]) -> MaskedReports {
    let names = crate::mask::dictionary(reports.iter().map(|r| &**r));
    let reports = reports
        .iter()
        .map(|r| state::Shared::new(crate::mask::report(r, &names)))
        .collect();
    MaskedReports { names, reports }
}

/// The files as the page shows them: with the presenter's mask on (`masked`, made by
/// [`mask_reports`] from these files' reports), their reports and names masked.
fn shown_files(
    files: &[state::FileEntry],
    masked: Option<&MaskedReports>,
) -> Vec<state::FileEntry> {
    let Some(masked) = masked else {
        return files.to_vec();
    };
    let mut reports = masked.reports.iter();
    files
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.file.path = crate::mask::text_masked(&f.file.path, &masked.names);
            // Masked in the same order; should a report be missing, it is not shown unmasked.
            f.reports = f
                .reports
                .iter()
                .filter_map(|_| reports.next().cloned())
                .collect();
            f
        })
        .collect()
}

/// Watches for a page left alone: see [`watch_idle`]. Dropping it stops watching.
struct IdleWatch {
    _listeners: Vec<gloo::events::EventListener>,
    _interval: gloo::timers::callback::Interval,
}

/// Calls `end` once the page has seen no pointer, key, touch or scroll for `minutes`, and `warn`
/// with the seconds left over its last 30 seconds (half the time, if shorter), then with `None`
/// once the page is touched again (WCAG 2.2.1: warned, with a simple way to keep the session).
fn watch_idle(minutes: f64, warn: Callback<Option<u32>>, end: Callback<()>) -> Option<IdleWatch> {
    let window = web_sys::window()?;
    let total = minutes * 60_000.0;
    let lead = (total / 2.0).min(30_000.0);
    let last = Rc::new(std::cell::Cell::new(page_now()));
    let warned = Rc::new(std::cell::Cell::new(false));
    let listeners = ["pointerdown", "keydown", "touchstart", "wheel", "scroll"]
        .into_iter()
        .map(|kind| {
            let (last, warned, warn) = (Rc::clone(&last), Rc::clone(&warned), warn.clone());
            gloo::events::EventListener::new(&window, kind, move |_| {
                last.set(page_now());
                if warned.replace(false) {
                    warn.emit(None);
                }
            })
        })
        .collect();
    let interval = gloo::timers::callback::Interval::new(1000, move || {
        let left = total - (page_now() - last.get());
        if left <= 0.0 {
            last.set(page_now());
            warned.set(false);
            warn.emit(None);
            end.emit(());
        } else if left <= lead {
            warned.set(true);
            // Whole seconds, rounded up: never "0 s" while the session is still there.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 to 30
            let seconds = (left / 1000.0).ceil() as u32;
            warn.emit(Some(seconds));
        }
    });
    Some(IdleWatch {
        _listeners: listeners,
        _interval: interval,
    })
}

/// Map mode (DESIGN.md): the worker keeps every position (up to
/// [`crate::analysis::location::MAX_POINTS`]) for the day view's path. `?mode=summary` in the
/// address keeps aggregates only, as the benchmark's summary-mode runs do.
fn map_mode() -> bool {
    !search().split(['?', '&']).any(|p| p == "mode=summary")
}

/// What the day view says of a place: the opened file, the location file's path, where, what,
/// and the date shown.
type Relabel = (u32, String, [f64; 2], PlaceSaid, String);

/// The day view's callbacks: ask for a day, correct a trip, say what a place is, close.
type DayCalls = (
    Callback<(u32, String, Option<String>)>,
    Callback<(u32, String, u32, Mode, String)>,
    Callback<Relabel>,
    Callback<()>,
);

fn day_calls(rt: &Shared, dispatch: &UseReducerDispatcher<State>) -> DayCalls {
    let ask = {
        let (rt, dispatch) = (Rc::clone(rt), dispatch.clone());
        Callback::from(move |(file, path, date): (u32, String, Option<String>)| {
            ask_worker(&rt, &dispatch, (file, path), |id, path| ToWorker::Day {
                id,
                path,
                date,
            });
        })
    };
    let correct = {
        let (rt, dispatch) = (Rc::clone(rt), dispatch.clone());
        Callback::from(
            move |(file, path, trip, mode, date): (u32, String, u32, Mode, String)| {
                ask_worker(&rt, &dispatch, (file, path), |id, path| ToWorker::Correct {
                    id,
                    path,
                    trip,
                    mode,
                    date,
                });
            },
        )
    };
    let relabel = {
        let (rt, dispatch) = (Rc::clone(rt), dispatch.clone());
        Callback::from(move |(file, path, at, place, date): Relabel| {
            let [lat, lng] = at;
            ask_worker(&rt, &dispatch, (file, path), |id, path| ToWorker::Relabel {
                id,
                path,
                lat,
                lng,
                place,
                date,
            });
        })
    };
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::DayClosed))
    };
    (ask, correct, relabel, close)
}

/// Sends the worker a message of the day view (`make` builds it from the opened file's id and
/// the location file's path); that file's day is then awaited.
fn ask_worker(
    rt: &Shared,
    dispatch: &UseReducerDispatcher<State>,
    (id, path): (u32, String),
    make: impl FnOnce(u32, String) -> ToWorker,
) {
    let message = make(id, path.clone());
    let sent = rt
        .borrow()
        .worker
        .as_ref()
        .is_some_and(|w| w.send(&message, &[]).is_ok());
    if sent {
        dispatch.dispatch(Action::DayAsked { id, path });
    }
}

fn focus_heading(main: &NodeRef) {
    if let Some(heading) = main
        .cast::<web_sys::Element>()
        .and_then(|m| m.query_selector("h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut state = State::new(browser_lang(), hash().contains("selftest"));
        // A link straight to a page (`…/#promise`) opens that page.
        state.view = view_from_hash(&hash());
        state.kiosk = state::kiosk(&search());
        state
    });
    let rt: Shared = use_mut_ref(Runtime::default);
    let main_ref = use_node_ref();

    // On mount: watch the page's requests, follow the address's #hash, load the engine.
    {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        use_effect_with((), move |()| {
            let d = dispatch.clone();
            rt.borrow_mut().netwatch =
                netwatch::observe(move |times| d.dispatch(Action::Requests { times })).ok();
            let d = dispatch.clone();
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    d.dispatch(Action::Show(view_from_hash(&hash())));
                })
            });
            // The maps' basemap is decoded, and their drawing code run once, now, in tasks of
            // their own, rather than in the one that draws a file's first map (BENCHMARK.md T8:
            // no main-thread task of 50 ms while working).
            gloo::timers::callback::Timeout::new(300, || {
                let _ = crate::model::basemap::basemap();
            })
            .forget();
            gloo::timers::callback::Timeout::new(600, crate::ui::components::warm_up_maps).forget();
            // Results kept on this device: the landing page offers to unlock them.
            let d = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if crate::ui::vault::exists().await {
                    d.dispatch(Action::VaultStored(true));
                }
            });
            let rt_load = Rc::clone(&rt);
            wasm_bindgen_futures::spawn_local(async move {
                match Engine::load().await {
                    Ok(engine) => {
                        rt_load.borrow_mut().engine = Some(Rc::new(engine));
                        spawn_worker(&rt_load, &dispatch);
                        // While the worker warms up, before files can be chosen: the reader of
                        // its reports is compiled now, not in the task of the first report.
                        let _ = crate::worker::protocol::warm_up_reader();
                    }
                    Err(_) => dispatch.dispatch(Action::EngineFailed),
                }
            });
            move || {
                drop(listener);
                // Unmounted: stop the worker and the request observer.
                let mut r = rt.borrow_mut();
                r.worker = None;
                r.netwatch = None;
            }
        });
    }

    // Keep <html lang> and the title in the chosen language.
    use_effect_with(state.lang, |lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            document.set_title(&format!(
                "{} · {}",
                crate::i18n::Text::AppName.get(*lang),
                crate::i18n::Text::Tagline.get(*lang).trim_end_matches('.')
            ));
        }
    });

    // After a change of page, of files opened or forgotten: keep the address in step with the view
    // (Forget everything returns home), and move focus to the new heading, so keyboard and
    // screen-reader users land on it. Nothing moves on the first render.
    {
        let (main_ref, first) = (main_ref.clone(), use_mut_ref(|| true));
        let has_files = !state.files().is_empty();
        use_effect_with((state.view, has_files), move |(view, _)| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            let timeout = (!first).then(|| {
                let wanted = match view {
                    View::Home => "",
                    View::Promise => "#promise",
                    View::Letter => "#letter",
                    View::Share => "#share",
                    View::Facilitate => "#facilitate",
                };
                let current = hash();
                if current != wanted && !(wanted.is_empty() && current.contains("selftest")) {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().set_hash(wanted);
                    }
                }
                // In a task of its own: focusing lays the page out, and within the render that
                // added the file list it made that task 30-40 ms (BENCHMARK.md T8: none of 50).
                gloo::timers::callback::Timeout::new(0, move || focus_heading(&main_ref))
            });
            move || drop(timeout)
        });
    }

    let on_files = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |picked: Vec<Picked>| {
            if picked.is_empty() {
                return;
            }
            let mut chosen = Vec::with_capacity(picked.len());
            let mut ids = Vec::with_capacity(picked.len());
            {
                let mut r = rt.borrow_mut();
                for p in picked {
                    r.next_id += 1;
                    let id = r.next_id;
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    chosen.push((id, FileRef::new(p.path.clone(), p.file.size() as u64)));
                    ids.push(id);
                    r.opened.insert(id, p.clone());
                    r.pending.insert(id, p);
                }
            }
            dispatch.dispatch(Action::FilesChosen {
                files: chosen,
                at: page_now(),
            });
            send_jobs(&rt, &ids);
        })
    };

    // Forget everything and Cancel both stop the worker at once (terminating it frees all its
    // memory) and start a fresh one from the module in memory, with no request.
    let restart = |action: Action| {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |()| {
            {
                let mut r = rt.borrow_mut();
                r.worker = None;
                r.worker_ready = false;
                r.boot_crashes = 0;
                r.pending.clear();
                // Cancel keeps the files listed: their raw view can still be asked.
                if matches!(action, Action::Forget | Action::EndSession { .. }) {
                    r.opened.clear();
                    if let Some(url) = r.export_url.take() {
                        let _ = web_sys::Url::revoke_object_url(&url);
                    }
                }
                r.raw_waiting = None;
                r.in_flight.clear();
            }
            dispatch.dispatch(action.clone());
            spawn_worker(&rt, &dispatch);
        })
    };
    // Forget everything (End session, in workshop mode) erases what is kept on this device too;
    // then focus goes to the heading (the button may be gone).
    let wiping = |action: Action| {
        let (forget, dispatch, main_ref) = (restart(action), state.dispatcher(), main_ref.clone());
        Callback::from(move |()| {
            forget.emit(());
            let (dispatch, main_ref) = (dispatch.clone(), main_ref.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let erased = crate::ui::vault::wipe().await.is_ok();
                dispatch.dispatch(Action::VaultErased(erased));
                focus_heading(&main_ref);
            });
        })
    };
    let on_forget = wiping(if state.workshop() {
        Action::EndSession { idle: false }
    } else {
        Action::Forget
    });
    // Results unlocked from this device: listed as files done, under new ids.
    let on_unlocked = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |kept: Vec<crate::ui::vault::KeptFile>| {
            let files = kept
                .into_iter()
                .map(|k| {
                    let mut r = rt.borrow_mut();
                    r.next_id += 1;
                    (r.next_id, k)
                })
                .collect();
            dispatch.dispatch(Action::Unlocked {
                files,
                at: page_now(),
            });
        })
    };
    let on_kept = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::VaultStored(true)))
    };
    // Workshop mode with `?kiosk=N`: the session ends by itself after N minutes without activity,
    // after a warning ([`IdleWarning`]) that any touch, or its button, answers.
    let idle_left = use_state_eq(|| None::<u32>);
    {
        let end = wiping(Action::EndSession { idle: true });
        // Not while files are read: a long analysis is not a tablet left alone.
        let reading = state.files().iter().any(|f| f.status != FileStatus::Done);
        let has_data = (!state.files().is_empty() || state.view != View::Home) && !reading;
        let minutes = state.kiosk.flatten();
        let warn = {
            let idle_left = idle_left.clone();
            Callback::from(move |left: Option<u32>| idle_left.set(left))
        };
        let cleared = idle_left.clone();
        use_effect_with((minutes.map(f64::to_bits), has_data), move |_| {
            let guard = minutes
                .filter(|_| has_data)
                .and_then(|m| watch_idle(m, warn, end));
            move || {
                drop(guard);
                cleared.set(None);
            }
        });
    }
    // "Continue the session": its press already counts as activity; the warning goes at once.
    let on_keep_session = {
        let idle_left = idle_left.clone();
        Callback::from(move |()| idle_left.set(None))
    };
    let on_mask = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::ToggleMask))
    };
    let on_demo = (state.engine == state::Engine::Ready).then(|| {
        let on_files = on_files.clone();
        Callback::from(move |()| on_files.emit(demo_files()))
    });
    let on_cancel = restart(Action::Cancel);

    let on_lang = {
        let dispatch = state.dispatcher();
        let lang = state.lang;
        Callback::from(move |()| dispatch.dispatch(Action::SetLang(lang.other())))
    };

    let on_selftest_requests = {
        let rt = Rc::clone(&rt);
        Callback::from(move |()| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let init = web_sys::RequestInit::new();
            init.set_cache(web_sys::RequestCache::NoStore);
            let _ = window.fetch_with_str_and_init("./?reflet-selftest=page", &init);
            let base = window
                .document()
                .and_then(|d| d.base_uri().ok().flatten())
                .unwrap_or_default();
            if let Ok(url) = web_sys::Url::new_with_base("./?reflet-selftest=worker", &base) {
                if let Some(worker) = rt.borrow().worker.as_ref() {
                    let _ = worker.send(&ToWorker::SelfTestRequest { url: url.href() }, &[]);
                }
            }
        })
    };

    let on_selftest_crash_file = {
        let rt = Rc::clone(&rt);
        Callback::from(move |()| {
            if let Some(worker) = rt.borrow().worker.as_ref() {
                let name = String::from("crash-me.json");
                let _ = worker.send(&ToWorker::SelfTestCrashOn { name }, &[]);
            }
        })
    };

    // The skip link moves focus without touching the address (the #hash selects the page).
    let on_skip = {
        let main_ref = main_ref.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        })
    };

    // The day view: the worker answers each day asked, and each correction with the file's new
    // report and the day again. The callbacks are made once: new ones at every render would make
    // the context differ, and every map redraw while files are read.
    let calls = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        use_memo((), move |()| day_calls(&rt, &dispatch))
    };
    let days = DayContext {
        // The day view shows exact places and times: not while the presenter's mask is on.
        day: state.day.clone(),
        masked: state.masked,
        restored: state.vault.restored.clone(),
        ask: calls.0.clone(),
        correct: calls.1.clone(),
        relabel: calls.2.clone(),
        close: calls.3.clone(),
    };

    // The raw view of a recognised file: the worker reads it again and scans it.
    let on_raw = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |(id, path): (u32, String)| {
            dispatch.dispatch(Action::ScanAsked);
            let ready = rt.borrow().worker_ready;
            if ready {
                if !send_raw(&rt, id, path.clone()) {
                    dispatch.dispatch(Action::Scanned {
                        id,
                        path,
                        scan: None,
                    });
                }
            } else {
                rt.borrow_mut().raw_waiting = Some((id, path));
            }
        })
    };

    // An export of one file: the worker reads it again and writes it; the download follows.
    // Acting on a file: an export (the worker reads it again and writes it; the download
    // follows), or a letter to a company. Made once, like the day view's: a new callback at every
    // render would make the context differ, and every row's menus render again while files are read.
    let acts = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        use_memo((), move |()| act_calls(&rt, &dispatch))
    };
    let exports = crate::ui::components::ActContext {
        ask: acts.0.clone(),
        state: state.export.clone(),
        letter: acts.1.clone(),
    };

    // The facilitator's view: the worker reads the contribution files and combines them.
    let on_combine = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |(files, k): (Vec<File>, u32)| {
            let names = files.iter().map(File::name).collect();
            let sent = rt
                .borrow()
                .worker
                .as_ref()
                .is_some_and(|w| w.send(&ToWorker::Combine { names, k }, &files).is_ok());
            if sent {
                dispatch.dispatch(Action::CombineAsked);
            }
        })
    };

    let lang = state.lang;
    let all_reports: Vec<state::Shared> = state
        .files()
        .iter()
        .flat_map(|f| f.reports.iter().cloned())
        .collect();
    let masked_reports = use_memo((all_reports, state.masked), |(reports, masked)| {
        masked.then(|| mask_reports(reports))
    });
    let shown = use_memo(
        (state.files().to_vec(), masked_reports.clone()),
        |(files, masked)| shown_files(files, masked.as_ref().as_ref()),
    );
    let files: &[state::FileEntry] = &shown;
    let busy = files.iter().any(|f| f.status != FileStatus::Done);
    let content = match state.view {
        View::Promise => html! { <PromisePage {lang} /> },
        View::Letter => html! {
            <crate::ui::components::LetterPage {lang} prefill={state.letter.clone()} />
        },
        View::Share => html! {
            <crate::ui::components::SharePage {lang} files={state.files().to_vec()} masked={state.masked} />
        },
        View::Facilitate => html! {
            <crate::ui::components::FacilitatePage {lang}
                facilitation={state.facilitation.clone()} {on_combine} />
        },
        View::Home => html! {
            <>
                if files.is_empty() {
                    <Landing {lang} {on_demo} ended={state.ended}>
                        if state.vault.on_device {
                            <crate::ui::components::UnlockPanel {lang} {on_unlocked} />
                        }
                    </Landing>
                } else {
                    <ContextProvider<DayContext> context={days}>
                    <ContextProvider<crate::ui::components::ActContext> context={exports}>
                        <FileList {lang} files={files.to_vec()} {busy} {on_cancel} kept={state.kept}
                            {on_raw} scan_failed={state.scan_failed.clone()} />
                        <AcrossView {lang} files={files.to_vec()} />
                        if !busy {
                            <crate::ui::components::ReportActions {lang} files={files.to_vec()}>
                                // Not on a shared tablet: each session ends erased.
                                if !state.workshop() {
                                    <crate::ui::components::KeepPanel {lang} files={state.files().to_vec()}
                                        on_device={state.vault.on_device}
                                        restored={!state.vault.restored.is_empty()} {on_kept} />
                                }
                            </crate::ui::components::ReportActions>
                        }
                    </ContextProvider<crate::ui::components::ActContext>>
                    </ContextProvider<DayContext>>
                }
                <DropZone {lang} engine={state.engine} compact={!files.is_empty()} on_files={on_files.clone()} />
            </>
        },
    };

    html! {
        <>
            <a class="skip-link" href="#main" onclick={on_skip}>{ crate::i18n::Text::SkipToContent.get(lang) }</a>
            <Header {lang} view={state.view}
                has_data={!files.is_empty() || state.vault.on_device || state.facilitation.is_some()}
                {on_lang} {on_forget} workshop={state.workshop()} masked={state.masked} {on_mask} />
            <main id="main" ref={main_ref} tabindex="-1">
                if state.masked {
                    <p class="masked-note">{ crate::i18n::workshop::WorkshopText::MaskedNote.get(lang) }</p>
                }
                { content }
                if state.selftest {
                    <SelfTest {lang} on_requests={on_selftest_requests} on_crash_file={on_selftest_crash_file} />
                }
            </main>
            if let Some(left) = *idle_left {
                <IdleWarning {lang} {left} on_continue={on_keep_session} />
            }
            <footer class="site-footer">
                <NetCounter {lang} count={state.net.count()} since_files={state.net.files_at.is_some()} />
                <p class="footer-note">{ crate::i18n::Text::FooterProgramme.get(lang) }</p>
            </footer>
            <LiveRegion {lang} announcement={state.announcement} count={state.announcements} />
        </>
    }
}
