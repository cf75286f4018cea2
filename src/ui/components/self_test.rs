use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct SelfTestProps {
    pub lang: Lang,
    pub on_requests: Callback<()>,
    pub on_crash_file: Callback<()>,
}

/// Shown only with `#selftest` in the address: lets the end-to-end tests (or a curious person)
/// check that the indicator counts requests, and that a crash shows the calm banner.
#[function_component]
pub fn SelfTest(props: &SelfTestProps) -> Html {
    let lang = props.lang;
    let on_requests = props.on_requests.reform(|_: MouseEvent| ());
    let on_crash_file = props.on_crash_file.reform(|_: MouseEvent| ());
    let on_panic = Callback::from(|_: MouseEvent| {
        #[allow(clippy::panic)] // the point of this button
        {
            panic!("self-test");
        }
    });
    html! {
        <section class="self-test" aria-labelledby="self-test-title">
            <h2 id="self-test-title">{ Text::SelfTestTitle.get(lang) }</h2>
            <button type="button" class="button quiet" id="selftest-requests" onclick={on_requests}>
                { Text::SelfTestRequests.get(lang) }
            </button>
            <button type="button" class="button quiet" id="selftest-panic" onclick={on_panic}>
                { Text::SelfTestPanic.get(lang) }
            </button>
            <button type="button" class="button quiet" id="selftest-crash-file" onclick={on_crash_file}>
                { Text::SelfTestCrashFile.get(lang) }
            </button>
        </section>
    }
}
