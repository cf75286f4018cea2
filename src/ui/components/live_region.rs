use yew::prelude::*;

use crate::i18n::vault::VaultText;
use crate::i18n::{files_added, Lang, Text};
use crate::ui::state::Announcement;

#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    pub lang: Lang,
    pub announcement: Option<Announcement>,
    /// How many announcements so far.
    pub count: u32,
}

/// Tells screen-reader users what just happened.
#[function_component]
pub fn LiveRegion(props: &LiveRegionProps) -> Html {
    let text = match props.announcement {
        Some(Announcement::FilesAdded(n)) => files_added(props.lang, n),
        Some(Announcement::Forgotten) => Text::Forgotten.get(props.lang).to_owned(),
        Some(Announcement::Unlocked(n)) => crate::i18n::vault::unlocked(props.lang, n),
        Some(Announcement::DeviceErased) => VaultText::DeviceErased.get(props.lang).to_owned(),
        Some(Announcement::EraseFailed) => VaultText::EraseFailed.get(props.lang).to_owned(),
        None => String::new(),
    };
    // The same sentence twice in a row would not be read again: every other time, it ends with a
    // no-break space, which changes the text without changing what is heard.
    let text = if props.count.is_multiple_of(2) {
        text + "\u{a0}"
    } else {
        text
    };
    html! {
        <div id="announcer" class="visually-hidden" aria-live="polite">{ text }</div>
    }
}
