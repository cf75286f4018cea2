use yew::prelude::*;

use crate::i18n::{network_requests, Lang};

#[derive(Properties, PartialEq)]
pub struct NetCounterProps {
    pub lang: Lang,
    pub count: usize,
    pub since_files: bool,
}

/// The visible proof of the promise: requests made by the page and the worker.
#[function_component]
pub fn NetCounter(props: &NetCounterProps) -> Html {
    let class = classes!("net-counter", (props.count > 0).then_some("alert"));
    html! {
        <p id="net-counter" {class} role="status" data-count={props.count.to_string()}>
            <svg class="net-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 2a7 7 0 0 1 5.6 11.2L7.8 6.4A7 7 0 0 1 12 5zm-5.6 2.8 9.8 9.8A7 7 0 0 1 6.4 7.8z" />
            </svg>
            { network_requests(props.lang, props.since_files, props.count) }
        </p>
    }
}
