use yew::prelude::*;

use crate::i18n::workshop::WorkshopText;
use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub lang: Lang,
    /// Open the demo persona's files (offered once the engine is ready).
    #[prop_or_default]
    pub on_demo: Option<Callback<()>>,
    /// A workshop session just ended (`true`: after a while without activity).
    #[prop_or_default]
    pub ended: Option<bool>,
    /// Shown under the lead: the offer to unlock results kept on this device (issue 11).
    #[prop_or_default]
    pub children: Html,
}

/// What Reflet does, why, and the promise, in plain words.
#[function_component]
pub fn Landing(props: &LandingProps) -> Html {
    let lang = props.lang;
    let t = |text: WorkshopText| text.get(lang);
    html! {
        <section class="landing" aria-labelledby="landing-title">
            <h1 id="landing-title" tabindex="-1">{ Text::LandingTitle.get(lang) }</h1>
            <div role="status" class="session-ended">
                if let Some(idle) = props.ended {
                    <p><strong>{ t(if idle { WorkshopText::EndedIdle } else { WorkshopText::Ended }) }</strong></p>
                    <p>{ t(WorkshopText::Downloads) }</p>
                }
            </div>
            <p class="lead">{ Text::LandingWhat.get(lang) }</p>
            { props.children.clone() }
            <p>{ Text::LandingWhy.get(lang) }</p>
            if let Some(on_demo) = &props.on_demo {
                <div class="demo-box">
                    <button type="button" class="button" id="demo" aria-describedby="demo-hint"
                        onclick={on_demo.reform(|_: MouseEvent| ())}>{ t(WorkshopText::Demo) }</button>
                    <p id="demo-hint">{ t(WorkshopText::DemoHint) }</p>
                </div>
            }
            <p class="landing-guides">
                { Text::LandingGuides.get(lang) }{ " " }
                <super::GuidesLink {lang} />
            </p>
            <div class="promise-box">
                <svg class="promise-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1zm2 0h6V7a3 3 0 0 0-6 0v3z" />
                </svg>
                <div>
                    <p class="promise-text">{ Text::LandingPromise.get(lang) }</p>
                    <a href="#promise" id="promise-link">{ Text::LandingPromiseLink.get(lang) }</a>
                </div>
            </div>
        </section>
    }
}
