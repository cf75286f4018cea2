//! Workshop mode's warning before a session ends by itself (`?kiosk=N`): "Still there?", the
//! seconds left, and a button that keeps the session (WCAG 2.2.1, Timing Adjustable: warned, and
//! a simple action to extend). Any touch, key or scroll keeps it too.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::workshop::{idle_left, WorkshopText};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct IdleWarningProps {
    pub lang: Lang,
    /// Seconds before the session ends.
    pub left: u32,
    pub on_continue: Callback<()>,
}

#[function_component(IdleWarning)]
pub fn idle_warning(props: &IdleWarningProps) -> Html {
    let button = use_node_ref();
    // Focus goes to "Continue" when the warning shows, and back where it was when it goes, unless
    // the person has put it somewhere else meanwhile.
    {
        let button = button.clone();
        use_effect_with((), move |()| {
            let document = web_sys::window().and_then(|w| w.document());
            let before = document
                .as_ref()
                .and_then(web_sys::Document::active_element);
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            move || {
                let now = document
                    .as_ref()
                    .and_then(web_sys::Document::active_element);
                // Still on the button, or on nothing (the page's body) once it is gone.
                let ours = now
                    .as_ref()
                    .is_none_or(|e| e.id() == "idle-continue" || e.tag_name() == "BODY");
                if let Some(before) = before.filter(|b| b.is_connected()) {
                    if ours {
                        if let Ok(el) = before.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
            }
        });
    }
    let lang = props.lang;
    let onclick = props.on_continue.reform(|_: MouseEvent| ());
    html! {
        <div class="idle-warning" role="alertdialog" aria-modal="false"
            aria-labelledby="idle-title" aria-describedby="idle-left">
            <h2 id="idle-title">{ WorkshopText::StillThere.get(lang) }</h2>
            <p id="idle-left">{ idle_left(lang, props.left) }</p>
            <button type="button" class="button" id="idle-continue" ref={button} {onclick}>
                { WorkshopText::Continue.get(lang) }
            </button>
        </div>
    }
}
