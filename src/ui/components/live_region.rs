use yew::prelude::*;

use crate::i18n::{files_added, Lang, Text};
use crate::ui::state::Announcement;

#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    pub lang: Lang,
    pub announcement: Option<Announcement>,
}

/// Tells screen-reader users what just happened.
#[function_component]
pub fn LiveRegion(props: &LiveRegionProps) -> Html {
    let text = match props.announcement {
        Some(Announcement::FilesAdded(n)) => files_added(props.lang, n),
        Some(Announcement::Forgotten) => Text::Forgotten.get(props.lang).to_owned(),
        None => String::new(),
    };
    html! {
        <div id="announcer" class="visually-hidden" aria-live="polite">{ text }</div>
    }
}
