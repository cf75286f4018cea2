//! The root component: owns the state, the worker and the network watch.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

use super::components::{
    DropZone, FileList, Header, Landing, LiveRegion, NetCounter, PromisePage, SelfTest,
};
use super::state::{self, Action, FileStatus, State, View};
use crate::i18n::Lang;
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
    /// Files handed to the worker and not yet reported, by id.
    pending: BTreeMap<u32, Picked>,
    /// The file the worker is reading now.
    current: Option<u32>,
    /// How many of the current worker's own requests have been counted.
    worker_requests: u32,
    next_id: u32,
    /// Kept for its lifetime: dropping it stops counting the page's requests.
    #[allow(dead_code)]
    netwatch: Option<NetWatch>,
}

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
    if hash == "#promise" {
        View::Promise
    } else {
        View::Home
    }
}

/// Starts a worker wired to the state; a crash marks the file it was reading and starts another.
fn spawn_worker(rt: &Shared, dispatch: &UseReducerDispatcher<State>) {
    let Some(engine) = rt.borrow().engine.clone() else {
        return;
    };
    let (rt_msg, dispatch_msg) = (Rc::clone(rt), dispatch.clone());
    let (rt_crash, dispatch_crash) = (Rc::clone(rt), dispatch.clone());
    let on_message = move |message: Option<FromWorker>| match message {
        Some(FromWorker::Ready) => {
            dispatch_msg.dispatch(Action::EngineReady { at: page_now() });
            resend_pending(&rt_msg);
        }
        Some(FromWorker::Started { id }) => {
            rt_msg.borrow_mut().current = Some(id);
            dispatch_msg.dispatch(Action::FileStarted { id });
        }
        Some(FromWorker::Done { id, report }) => {
            let mut r = rt_msg.borrow_mut();
            r.pending.remove(&id);
            r.current = None;
            drop(r);
            dispatch_msg.dispatch(Action::FileDone { id, report });
        }
        Some(FromWorker::Requests { total: _ }) => {
            dispatch_msg.dispatch(Action::Requests {
                times: vec![page_now()],
            });
        }
        None => dispatch_msg.dispatch(Action::EngineFailed),
    };
    let on_crash = move || {
        let crashed = rt_crash.borrow_mut().current.take();
        if let Some(id) = crashed {
            rt_crash.borrow_mut().pending.remove(&id);
        }
        dispatch_crash.dispatch(Action::WorkerCrashed);
        // The new worker gets the files still waiting once it says it is ready.
        spawn_worker(&rt_crash, &dispatch_crash);
    };
    match engine.spawn(on_message, on_crash) {
        Ok(worker) => {
            let mut r = rt.borrow_mut();
            r.worker = Some(worker);
            r.worker_requests = 0;
        }
        Err(_) => dispatch.dispatch(Action::EngineFailed),
    }
}

fn send_jobs(rt: &Shared, ids: &[u32]) {
    let r = rt.borrow();
    let Some(worker) = r.worker.as_ref() else {
        return;
    };
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
    if !jobs.is_empty() {
        let _ = worker.send(&ToWorker::Analyse { jobs }, &files);
    }
}

fn resend_pending(rt: &Shared) {
    let ids: Vec<u32> = rt.borrow().pending.keys().copied().collect();
    send_jobs(rt, &ids);
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
    let state = use_reducer(|| State::new(browser_lang(), hash().contains("selftest")));
    let rt: Shared = use_mut_ref(Runtime::default);
    let main_ref = use_node_ref();

    // On mount: watch the page's requests, follow the address's #hash, load the engine.
    {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        use_effect_with((), move |()| {
            let d = dispatch.clone();
            rt.borrow_mut().netwatch =
                netwatch::observe(move |times| d.dispatch(Action::Requests { times })).ok();
            dispatch.dispatch(Action::Show(view_from_hash(&hash())));
            let d = dispatch.clone();
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    d.dispatch(Action::Show(view_from_hash(&hash())));
                })
            });
            wasm_bindgen_futures::spawn_local(async move {
                match Engine::load().await {
                    Ok(engine) => {
                        rt.borrow_mut().engine = Some(Rc::new(engine));
                        spawn_worker(&rt, &dispatch);
                    }
                    Err(_) => dispatch.dispatch(Action::EngineFailed),
                }
            });
            move || drop(listener)
        });
    }

    // Keep <html lang> and the title in the chosen language.
    use_effect_with(state.lang, |lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            document.set_title(&format!(
                "Reflet · {}",
                crate::i18n::Text::Tagline.get(*lang).trim_end_matches('.')
            ));
        }
    });

    // Keep the address in step with the view (Forget everything returns home), and after a change
    // of page move focus to its heading, so keyboard and screen-reader users land on it.
    {
        let (main_ref, first) = (main_ref.clone(), use_mut_ref(|| true));
        use_effect_with(state.view, move |view| {
            let wanted = match view {
                View::Home => "",
                View::Promise => "#promise",
            };
            let current = hash();
            if current != wanted && !(wanted.is_empty() && current.contains("selftest")) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(wanted);
                }
            }
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_heading(&main_ref);
            }
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

    let on_forget = {
        let (rt, dispatch) = (Rc::clone(&rt), state.dispatcher());
        Callback::from(move |()| {
            {
                let mut r = rt.borrow_mut();
                r.worker = None; // terminates it: its memory is freed
                r.pending.clear();
                r.current = None;
            }
            dispatch.dispatch(Action::Forget);
            spawn_worker(&rt, &dispatch);
        })
    };

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

    let lang = state.lang;
    let files = state.files();
    let busy = files
        .iter()
        .any(|f| !matches!(f.status, FileStatus::Done(_)));
    let content = match state.view {
        View::Promise => html! { <PromisePage {lang} /> },
        View::Home => html! {
            <>
                if files.is_empty() {
                    <Landing {lang} />
                } else {
                    <FileList {lang} files={files.to_vec()} {busy} />
                }
                <DropZone {lang} engine={state.engine} compact={!files.is_empty()} on_files={on_files.clone()} />
            </>
        },
    };

    html! {
        <>
            <a class="skip-link" href="#main" onclick={on_skip}>{ crate::i18n::Text::SkipToContent.get(lang) }</a>
            <Header {lang} view={state.view} has_data={!files.is_empty()} {on_lang} {on_forget} />
            <main id="main" ref={main_ref} tabindex="-1">
                { content }
                if state.selftest {
                    <SelfTest {lang} on_requests={on_selftest_requests} />
                }
            </main>
            <footer class="site-footer">
                <NetCounter {lang} count={state.net.count()} since_files={state.net.files_at.is_some()} />
                <p class="footer-note">{ crate::i18n::Text::FooterProgramme.get(lang) }</p>
            </footer>
            <LiveRegion {lang} announcement={state.announcement} />
        </>
    }
}
