//! Saving a file the person asked for (an export, a report, a chart) as a download: through a
//! `blob:` URL, which is never a request (DESIGN.md), and a link clicked for them.

use wasm_bindgen::JsCast;

/// Saves what `url` (a `blob:` or `data:` URL) holds as a file named `name`.
pub fn save_url(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.set_attribute("href", url);
        let _ = link.set_attribute("download", name);
        link.click();
    }
}

/// Saves `blob` as a file named `name`.
pub fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    save_url(name, &url);
    // The download has started from the URL by now; free it a little later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Saves `text` as a file named `name`, of media type `media_type`.
pub fn save_text(name: &str, text: &str, media_type: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(name, &blob);
    }
}
