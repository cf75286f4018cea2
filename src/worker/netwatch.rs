//! Counting network requests, on the page or in the worker, for the promise indicator.
//!
//! A `PerformanceObserver` on `resource` entries sees every fetch of its own global (page or
//! worker), including those made before it started (`buffered`). Only `http:`/`https:` entries
//! count: `blob:` and `data:` URLs are not requests. URLs are looked at for their scheme only and
//! never logged.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Performance, PerformanceEntry, PerformanceObserver, PerformanceObserverEntryList,
    PerformanceObserverInit,
};

/// Keeps the observer alive; dropping it stops observing.
pub struct NetWatch {
    observer: PerformanceObserver,
    _callback: Closure<dyn FnMut(PerformanceObserverEntryList, PerformanceObserver)>,
}

impl Drop for NetWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_requests` with the start times (on `performance`'s clock, ms) of new network requests.
pub fn observe(on_requests: impl Fn(Vec<f64>) + 'static) -> Result<NetWatch, JsValue> {
    let callback = Closure::<dyn FnMut(PerformanceObserverEntryList, PerformanceObserver)>::new(
        move |list: PerformanceObserverEntryList, _: PerformanceObserver| {
            let times = network_times(&list.get_entries());
            if !times.is_empty() {
                on_requests(times);
            }
        },
    );
    let observer = PerformanceObserver::new(callback.as_ref().unchecked_ref())?;
    // `{type, buffered}` (not web-sys's `entryTypes` constructor, which ignores `buffered`).
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"type".into(), &"resource".into())?;
    js_sys::Reflect::set(&init, &"buffered".into(), &true.into())?;
    observer.observe(init.unchecked_ref::<PerformanceObserverInit>());
    Ok(NetWatch {
        observer,
        _callback: callback,
    })
}

fn network_times(entries: &Array) -> Vec<f64> {
    entries
        .iter()
        .filter_map(|e| e.dyn_into::<PerformanceEntry>().ok())
        .filter(|e| {
            let name = e.name();
            name.starts_with("http:") || name.starts_with("https:")
        })
        .map(|e| e.start_time())
        .collect()
}

/// The current time on a global's performance clock, or 0 where there is none.
pub fn now(performance: Option<&Performance>) -> f64 {
    performance.map_or(0.0, Performance::now)
}
