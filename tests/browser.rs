//! Browser tests (wasm-bindgen-test in headless Debian Chromium):
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use gloo::timers::future::sleep;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<reflet::ui::App>::with_root(root.clone()).render();
    root
}

async fn until(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("{selector} never appeared in {}", root.inner_html());
}

fn html_lang() -> Option<String> {
    document().document_element().unwrap().get_attribute("lang")
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn landing_speaks_the_browser_language_and_switches() {
    let root = mount();
    until(&root, "#landing-title").await;
    // Headless Chromium prefers en-US.
    assert_eq!(
        text(&root, "#landing-title"),
        "What does your data say about you?"
    );
    assert_eq!(html_lang().as_deref(), Some("en"));
    let switch: HtmlElement = root
        .query_selector("#lang-switch")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(switch.text_content().as_deref(), Some("Français"));
    assert_eq!(switch.get_attribute("lang").as_deref(), Some("fr"));
    switch.click();
    for _ in 0..50 {
        if html_lang().as_deref() == Some("fr") {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        text(&root, "#landing-title"),
        "Que disent vos données de vous\u{a0}?"
    );
    assert_eq!(html_lang().as_deref(), Some("fr"));
    assert!(document()
        .title()
        .starts_with("Reflet · Voyez ce que vos données"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_engine_is_explained_and_files_cannot_be_chosen() {
    // The test server has no worker.js: the app must say so, not hang or crash.
    let root = mount();
    let status = until(&root, ".engine-status.error").await;
    assert_eq!(status.get_attribute("role").as_deref(), Some("alert"));
    assert!(status.text_content().unwrap().contains("Safari 16"));
    let choose = root.query_selector("#choose-files").unwrap().unwrap();
    assert!(choose.has_attribute("disabled"));
    // Chromium can pick folders, so the folder button is offered.
    assert!(root.query_selector("#choose-folder").unwrap().is_some());
    assert_eq!(
        root.query_selector("#net-counter")
            .unwrap()
            .unwrap()
            .get_attribute("data-count")
            .as_deref(),
        Some("0")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn netwatch_counts_network_requests_but_not_blob_urls() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&seen);
    let _watch =
        reflet::worker::netwatch::observe(move |times| sink.borrow_mut().extend(times)).unwrap();
    sleep(Duration::from_millis(100)).await;
    let before = seen.borrow().len();
    let window = web_sys::window().unwrap();

    let blob = web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&"hi".into())).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    JsFuture::from(window.fetch_with_str(&url)).await.unwrap();
    sleep(Duration::from_millis(200)).await;
    assert_eq!(seen.borrow().len(), before, "a blob: URL is not a request");

    let start = window.performance().unwrap().now();
    JsFuture::from(window.fetch_with_str("./?netwatch-test"))
        .await
        .unwrap();
    sleep(Duration::from_millis(200)).await;
    let times = seen.borrow();
    assert_eq!(
        times.len(),
        before + 1,
        "one same-origin fetch is one request"
    );
    assert!(times.last().copied().unwrap() >= start);
}

#[wasm_bindgen_test]
fn the_crash_banner_is_revealed_and_focused() {
    let banner = document().create_element("div").unwrap();
    banner.set_id("crash");
    banner.set_attribute("hidden", "").unwrap();
    banner.set_attribute("tabindex", "-1").unwrap();
    document().body().unwrap().append_child(&banner).unwrap();
    reflet::ui::panic::show_banner();
    assert!(!banner.has_attribute("hidden"));
    assert_eq!(document().active_element(), Some(banner.clone()));
    banner.remove();
}
