use yew::prelude::*;

use crate::i18n::offline::{offline_status, STATES};
use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct PromisePageProps {
    pub lang: Lang,
}

/// "Your data, our promise": what we promise and how anyone can check it.
#[function_component]
pub fn PromisePage(props: &PromisePageProps) -> Html {
    let lang = props.lang;
    let t = |text: Text| text.get(lang);
    html! {
        <article class="promise-page" aria-labelledby="promise-title">
            <h1 id="promise-title" tabindex="-1">{ t(Text::PromiseTitle) }</h1>
            <p class="lead">{ t(Text::PromiseIntro) }</p>
            <h2>{ t(Text::PromiseWhatTitle) }</h2>
            <p>{ t(Text::PromiseWhat) }</p>
            <h2>{ t(Text::PromiseCheckTitle) }</h2>
            <ol class="checks">
                <li>{ t(Text::PromiseCheckCounter) }</li>
                <li>
                    { t(Text::PromiseCheckOffline) }
                    // Whether it also opens again without a network: styles/offline.css shows
                    // the sentence of the state boot.js wrote (data-offline), live.
                    { for STATES.iter().map(|&state| html! {
                        <span class={classes!("offline-status", state)}>
                            { " " }{ offline_status(lang, state) }
                        </span>
                    }) }
                </li>
                <li>{ t(Text::PromiseCheckDevtools) }</li>
                <li>{ t(Text::PromiseCheckCsp) }</li>
                <li>{ t(Text::PromiseCheckTests) }</li>
            </ol>
            <h2>{ t(Text::PromiseAfterTitle) }</h2>
            <p>{ t(Text::PromiseAfter) }</p>
            <h2>{ t(Text::PromiseCreditsTitle) }</h2>
            <p id="credits">{ t(Text::PromiseCredits) }</p>
            <p><a class="button" href="#" id="promise-back">{ t(Text::Back) }</a></p>
        </article>
    }
}
