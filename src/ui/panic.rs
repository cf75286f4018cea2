//! A panic shows a calm banner, never a blank page.
//!
//! The banner is plain HTML in `index.html` (French and English), so it shows even when the app
//! itself is broken. Only the panic's location is logged: its message could quote a person's data.

use wasm_bindgen::JsCast;

/// Replaces the default panic hook (through yew, which would otherwise install its own, logging the
/// panic's message, when the app is rendered).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        gloo::console::error!(format!(
            "Reflet stopped ({place}). Nothing left your device."
        ));
        show_banner();
    }));
}

/// Reveals the crash banner and moves focus to it, so screen-reader users hear it.
pub fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(banner) = document.get_element_by_id("crash") else {
        return;
    };
    let _ = banner.remove_attribute("hidden");
    if let Ok(banner) = banner.dyn_into::<web_sys::HtmlElement>() {
        let _ = banner.focus();
    }
}
