//! "Keep my results on this device" (issue 11): under the results, opt-in and collapsed. The
//! person chooses a passphrase (twice); the results, not the files, are encrypted with it and
//! kept in this browser ([`crate::ui::vault`]). Where the browser cannot (an address that is not
//! secure, no storage), the panel says why instead of offering a button.

use yew::prelude::*;

use crate::i18n::vault::VaultText as T;
use crate::i18n::Lang;
use crate::ui::state::FileEntry;
use crate::ui::vault::{self, PassProblem};

#[derive(Properties, PartialEq)]
pub struct KeepPanelProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    /// Results are kept on this device already: keeping these replaces them.
    pub on_device: bool,
    /// Some results shown were unlocked from this device: their files are not at hand.
    pub restored: bool,
    /// The results are kept.
    pub on_kept: Callback<()>,
}

/// Where keeping is: working, done, or why it did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Working,
    Done,
    Failed(T),
}

pub(super) fn input(node: &NodeRef) -> Option<web_sys::HtmlInputElement> {
    node.cast::<web_sys::HtmlInputElement>()
}

#[function_component]
pub fn KeepPanel(props: &KeepPanelProps) -> Html {
    let lang = props.lang;
    let t = |text: T| text.get(lang);
    let status = use_state_eq(|| None::<Status>);
    let invalid = use_state_eq(|| None::<PassProblem>);
    let (pass, again) = (use_node_ref(), use_node_ref());

    let on_submit = {
        let (status, invalid) = (status.clone(), invalid.clone());
        let (pass, again) = (pass.clone(), again.clone());
        let (files, on_kept) = (props.files.clone(), props.on_kept.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (Some(pass), Some(again)) = (input(&pass), input(&again)) else {
                return;
            };
            if *status == Some(Status::Working) {
                return;
            }
            if let Err(problem) = vault::check_new(&pass.value(), &again.value()) {
                let (field, text) = match problem {
                    PassProblem::TooShort => (&pass, T::TooShort),
                    PassProblem::Mismatch => (&again, T::Mismatch),
                };
                invalid.set(Some(problem));
                status.set(Some(Status::Failed(text)));
                let _ = field.focus();
                return;
            }
            invalid.set(None);
            status.set(Some(Status::Working));
            let (status, files, on_kept) = (status.clone(), files.clone(), on_kept.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match vault::save(&pass.value(), &files).await {
                    Ok(()) => {
                        pass.set_value("");
                        again.set_value("");
                        status.set(Some(Status::Done));
                        on_kept.emit(());
                    }
                    Err(e) => status.set(Some(Status::Failed(e.text()))),
                }
            });
        })
    };

    let wrong = |p: PassProblem| (*invalid == Some(p)).then_some("true");
    let described = |p: PassProblem| (*invalid == Some(p)).then_some("keep-status");
    let form = match vault::available() {
        Err(why) => html! { <p class="keep-notice" id="keep-unavailable">{ t(why.text()) }</p> },
        Ok(()) => html! {
            <>
                <p>{ t(T::KeepWarning) }</p>
                if props.on_device {
                    <p>{ t(T::KeepReplaces) }</p>
                }
                <form class="keep-form" novalidate=true onsubmit={on_submit}>
                    <div class="keep-field">
                        <label for="keep-pass">{ t(T::Passphrase) }</label>
                        <input type="password" id="keep-pass" ref={pass} autocomplete="new-password"
                            aria-invalid={wrong(PassProblem::TooShort)}
                            aria-describedby={described(PassProblem::TooShort)} />
                    </div>
                    <div class="keep-field">
                        <label for="keep-again">{ t(T::PassphraseAgain) }</label>
                        <input type="password" id="keep-again" ref={again} autocomplete="new-password"
                            aria-invalid={wrong(PassProblem::Mismatch)}
                            aria-describedby={described(PassProblem::Mismatch)} />
                    </div>
                    <button type="submit" class="button primary" id="keep-save">{ t(T::KeepButton) }</button>
                </form>
                { status_line("keep-status", lang, *status, T::Encrypting, T::Kept) }
            </>
        },
    };
    html! {
        <>
            if props.restored {
                <p class="keep-notice" id="restored-note">{ t(T::RestoredNote) }</p>
            }
            <details class="keep" id="keep">
                <summary>{ t(T::KeepSummary) }</summary>
                <p>{ t(T::KeepWhat) }</p>
                { form }
            </details>
        </>
    }
}

/// The status line of a vault form, always there (a live region must exist before it speaks).
pub(super) fn status_line(
    id: &'static str,
    lang: Lang,
    status: Option<Status>,
    working: T,
    done: T,
) -> Html {
    let (class, text) = match status {
        None => ("keep-status", None),
        Some(Status::Working) => ("keep-status", Some(working)),
        Some(Status::Done) => ("keep-status ok", Some(done)),
        Some(Status::Failed(text)) => ("keep-status error", Some(text)),
    };
    html! { <p {id} {class} role="status">{ text.map(|t| t.get(lang)).unwrap_or_default() }</p> }
}
