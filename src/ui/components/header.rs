use yew::prelude::*;

use crate::i18n::contribute::ShareText;
use crate::i18n::workshop::WorkshopText;

use crate::i18n::{Lang, Text};
use crate::ui::state::View;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub view: View,
    pub has_data: bool,
    pub on_lang: Callback<()>,
    pub on_forget: Callback<()>,
    /// Workshop mode: "End session", always offered, instead of "Forget everything".
    #[prop_or_default]
    pub workshop: bool,
    /// The presenter's mask, and its switch.
    #[prop_or_default]
    pub masked: bool,
    #[prop_or_default]
    pub on_mask: Callback<()>,
}

/// The static "Get your data" pages (`guides/`, `crate::handouts`), in the person's language, in a
/// new tab: the files already opened stay open.
#[derive(Properties, PartialEq)]
pub struct GuidesLinkProps {
    pub lang: Lang,
}

#[function_component]
pub fn GuidesLink(props: &GuidesLinkProps) -> Html {
    let lang = props.lang;
    html! {
        <a href={format!("guides/index.{}.html", lang.code())} target="_blank"
            rel="noopener noreferrer" class="guides-link">
            { Text::NavGuides.get(lang) }
            <span class="new-tab" aria-hidden="true">{ " ↗" }</span>
            <span class="visually-hidden">{ " " }{ Text::NewTab.get(lang) }</span>
        </a>
    }
}

/// The banner: name, navigation, language switch and "Forget everything".
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let on_lang = props.on_lang.reform(|_: MouseEvent| ());
    let on_forget = props.on_forget.reform(|_: MouseEvent| ());
    let current = |v: View| (props.view == v).then_some("page");
    html! {
        <header class="site-header">
            <a class="brand" href="#">
                <span class="brand-mark" aria-hidden="true">{ "◐" }</span>
                { Text::AppName.get(lang) }
            </a>
            <nav class="site-nav" aria-label={Text::MainNavigation.get(lang)}>
                <a href="#" aria-current={current(View::Home)}>{ Text::NavHome.get(lang) }</a>
                <a href="#promise" aria-current={current(View::Promise)}>{ Text::NavPromise.get(lang) }</a>
                <a href="#letter" aria-current={current(View::Letter)}>{ Text::NavLetter.get(lang) }</a>
                <a href="#share" aria-current={current(View::Share)}>{ ShareText::NavShare.get(lang) }</a>
                <a href="#facilitate" aria-current={current(View::Facilitate)}>{ ShareText::NavFacilitate.get(lang) }</a>
                <GuidesLink {lang} />
            </nav>
            <div class="header-actions">
                <button type="button" class="button quiet lang-switch" id="lang-switch"
                    lang={lang.other().code()} onclick={on_lang}>
                    { Text::SwitchLanguage.get(lang) }
                </button>
                if props.has_data || props.workshop {
                    <button type="button" class="button quiet" id="mask-toggle"
                        aria-pressed={if props.masked { "true" } else { "false" }}
                        onclick={props.on_mask.reform(|_: MouseEvent| ())}>
                        { WorkshopText::Mask.get(lang) }
                    </button>
                }
                if props.workshop {
                    <button type="button" class="button danger" id="end-session" onclick={on_forget}>
                        { WorkshopText::EndSession.get(lang) }
                    </button>
                } else if props.has_data {
                    <button type="button" class="button danger" id="forget" onclick={on_forget}>
                        { Text::ForgetEverything.get(lang) }
                    </button>
                }
            </div>
        </header>
    }
}
