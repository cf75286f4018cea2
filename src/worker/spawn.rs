//! The page side of the worker: start it as often as needed, without a request.
//!
//! The page and the worker run one wasm module (`reflet_bg.wasm`). While the app loads,
//! [`Engine::load`] fetches the module's JS glue (`reflet.js`, which the page has just imported,
//! so the browser's cache usually answers) and wraps it with a tiny boot script in a `blob:` URL.
//! Each [`Engine::spawn`] then starts a module `Worker` from that URL and posts it the module the
//! page itself was compiled from: the code is downloaded and compiled once, and starting,
//! terminating (Forget everything) and restarting (after a crash) never touch the network.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, WebAssembly};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, ErrorEvent, File, MessageEvent, Response, Url, Worker, WorkerOptions,
    WorkerType,
};

use super::protocol::{FromWorker, ToWorker};

/// Appended to the module's wasm-bindgen glue (`boot.js`): the first message is the compiled
/// module; then reads suspend where the browser has JSPI (see the script and `worker::blob`).
const BOOT: &str = include_str!("boot.js");

/// The worker, compiled and ready to start.
pub struct Engine {
    url: String,
    module: WebAssembly::Module,
}

/// Why the engine could not load.
#[derive(Debug)]
pub struct LoadError;

impl From<JsValue> for LoadError {
    fn from(_: JsValue) -> Self {
        LoadError
    }
}

async fn fetch_ok(path: &str) -> Result<Response, LoadError> {
    let window = web_sys::window().ok_or(LoadError)?;
    let response: Response = JsFuture::from(window.fetch_with_str(path))
        .await?
        .dyn_into()?;
    if response.ok() {
        Ok(response)
    } else {
        Err(LoadError)
    }
}

impl Engine {
    /// Gets the worker ready: the page's own compiled module, and its glue (`reflet.js`, beside
    /// the page) with the boot script.
    pub async fn load() -> Result<Engine, LoadError> {
        let module: WebAssembly::Module = wasm_bindgen::module().dyn_into()?;
        let glue = JsFuture::from(fetch_ok("./reflet.js").await?.text()?).await?;
        let parts = Array::of2(&glue, &JsValue::from_str(BOOT));
        let options = BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = Url::create_object_url_with_blob(&blob)?;
        Ok(Engine { url, module })
    }

    /// Starts a worker. `on_message` gets its messages (`None` when it failed to boot), with
    /// the file an export's message carries; `on_crash` runs if it dies.
    pub fn spawn(
        &self,
        on_message: impl Fn(Option<FromWorker>, Option<Blob>) + 'static,
        on_crash: impl Fn() + 'static,
    ) -> Result<WorkerHandle, JsValue> {
        // A module worker: the glue is an ES module (Chromium 80, Safari 15, Firefox 114).
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&self.url, &options)?;
        let alive = Rc::new(Cell::new(true));
        let on_message = Rc::new(on_message);
        let message_handler = {
            let alive = alive.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let json = Reflect::get(&event.data(), &"json".into())
                    .ok()
                    .and_then(|v| v.as_string());
                let message = json.as_deref().and_then(FromWorker::from_json);
                let blob = Reflect::get(&event.data(), &"blob".into())
                    .ok()
                    .and_then(|v| v.dyn_into::<Blob>().ok());
                // Handled in a task of its own, in the order the messages came: reading a large
                // report and showing it are then two tasks, each shorter than 50 ms, instead of
                // one (BENCHMARK.md T8). Nothing is handled once the worker is ended.
                let (alive, on_message) = (alive.clone(), on_message.clone());
                gloo::timers::callback::Timeout::new(0, move || {
                    if alive.get() {
                        on_message(message, blob);
                    }
                })
                .forget();
            })
        };
        let on_crash = Rc::new(on_crash);
        let error_handler = {
            let alive = alive.clone();
            Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                // Handled here: the browser need not report it again.
                event.prevent_default();
                // After the messages sent before it, which are handled in tasks of their own.
                let (alive, on_crash) = (alive.clone(), on_crash.clone());
                gloo::timers::callback::Timeout::new(0, move || {
                    if alive.get() {
                        on_crash();
                    }
                })
                .forget();
            })
        };
        worker.set_onmessage(Some(message_handler.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error_handler.as_ref().unchecked_ref()));
        worker.post_message(&self.module)?;
        Ok(WorkerHandle {
            worker,
            alive,
            _onmessage: message_handler,
            _onerror: error_handler,
        })
    }
}

/// A running worker; dropping it terminates the worker, which frees all its memory.
pub struct WorkerHandle {
    worker: Worker,
    /// Whether the worker still runs: messages it sent before it was ended are then dropped.
    alive: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

impl WorkerHandle {
    /// Sends a message, with the files it refers to.
    pub fn send(&self, message: &ToWorker, files: &[File]) -> Result<(), JsValue> {
        let envelope = Object::new();
        Reflect::set(&envelope, &"json".into(), &message.to_json().into())?;
        let list: Array = files.iter().collect();
        Reflect::set(&envelope, &"files".into(), &list)?;
        self.worker.post_message(&envelope)
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.alive.set(false);
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
