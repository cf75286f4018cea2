//! "Unlock your kept results" (issue 11): on the landing page, when results are kept on this
//! device. The passphrase derives the key; a wrong one fails AES-GCM's check, and the panel
//! says so ([`crate::ui::vault`]).

use yew::prelude::*;

use super::keep_panel::{input, status_line, Status};
use crate::i18n::vault::VaultText as T;
use crate::i18n::Lang;
use crate::ui::vault::{self, KeptFile};

#[derive(Properties, PartialEq)]
pub struct UnlockPanelProps {
    pub lang: Lang,
    /// The files kept, unlocked.
    pub on_unlocked: Callback<Vec<KeptFile>>,
}

#[function_component]
pub fn UnlockPanel(props: &UnlockPanelProps) -> Html {
    let lang = props.lang;
    let t = |text: T| text.get(lang);
    let status = use_state_eq(|| None::<Status>);
    let pass = use_node_ref();

    let on_submit = {
        let (status, pass, on_unlocked) = (status.clone(), pass.clone(), props.on_unlocked.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(pass) = input(&pass) else {
                return;
            };
            if *status == Some(Status::Working) {
                return;
            }
            status.set(Some(Status::Working));
            let (status, on_unlocked) = (status.clone(), on_unlocked.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match vault::unlock(&pass.value()).await {
                    Ok(files) => {
                        pass.set_value("");
                        status.set(Some(Status::Done));
                        on_unlocked.emit(files);
                    }
                    Err(e) => {
                        status.set(Some(Status::Failed(e.text())));
                        let _ = pass.focus();
                        pass.select();
                    }
                }
            });
        })
    };
    let wrong = matches!(*status, Some(Status::Failed(_)));
    html! {
        <section class="unlock" aria-labelledby="unlock-title">
            <h2 id="unlock-title">{ t(T::UnlockTitle) }</h2>
            <p>{ t(T::UnlockWhat) }</p>
            <form class="keep-form" novalidate=true onsubmit={on_submit}>
                <div class="keep-field">
                    <label for="unlock-pass">{ t(T::UnlockPassphrase) }</label>
                    <input type="password" id="unlock-pass" ref={pass} autocomplete="current-password"
                        aria-invalid={wrong.then_some("true")}
                        aria-describedby={wrong.then_some("unlock-status")} />
                </div>
                <button type="submit" class="button primary" id="unlock">{ t(T::UnlockButton) }</button>
            </form>
            { status_line("unlock-status", lang, *status, T::Unlocking, T::Unlocking) }
            <p class="keep-hint">{ t(T::UnlockForgot) }</p>
        </section>
    }
}
