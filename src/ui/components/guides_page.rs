//! "Get your data" (`#guides`): how to ask each service for its export, one section per guide of
//! the registry ([`crate::sources::guides::guides`]), each printable alone on one page
//! (`styles/guides.css`), or all of them, one per page.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::guides::{official_page, Words};
use crate::i18n::Lang;
use crate::sources::guides::guides;

#[derive(Properties, PartialEq)]
pub struct GuidesPageProps {
    pub lang: Lang,
}

/// What the next print holds: every guide, or one (by id).
#[derive(Clone, Copy, PartialEq)]
enum Print {
    All,
    One(&'static str),
}

/// Moves the focus (and the view) to an element of the page, by id.
fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// The guides to get each export, with a table of contents and print buttons.
#[function_component]
pub fn GuidesPage(props: &GuidesPageProps) -> Html {
    let lang = props.lang;
    let w = |words: Words| words.get(lang);
    let listed = use_memo(lang, |&lang| guides(lang));
    let print = use_state_eq(|| Print::All);
    // Each press asks for one print, after the page shows what it will hold.
    let asked = use_state(|| 0_u32);
    use_effect_with(*asked, |&asked| {
        if asked > 0 {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }
    });
    // Once printed, the browser's own print prints every guide again.
    {
        let print = print.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "afterprint", move |_| print.set(Print::All))
            });
            move || drop(listener)
        });
    }
    let ask = |what: Print| {
        let (print, asked) = (print.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| {
            print.set(what);
            asked.set(*asked + 1);
        })
    };
    let go = |id: String| Callback::from(move |_: MouseEvent| focus(&id));

    let toc = listed.iter().map(|(guide, _)| {
        html! {
            <li>
                <button type="button" class="button quiet" onclick={go(format!("guide-{}-title", guide.id))}>
                    { guide.text(lang).name }
                </button>
            </li>
        }
    });
    let sections = listed.iter().map(|(guide, sources)| {
        let t = guide.text(lang);
        let title = format!("guide-{}-title", guide.id);
        let mut reads: Vec<&str> = Vec::new();
        for source in sources {
            let name = source.name(lang);
            if !reads.contains(&name) {
                reads.push(name);
            }
        }
        let chosen = *print == Print::One(guide.id);
        html! {
            <section class={classes!("guide", chosen.then_some("print-this"))} id={format!("guide-{}", guide.id)}>
                <h2 id={title} tabindex="-1">{ t.name }</h2>
                <h3>{ w(Words::Steps) }</h3>
                <ol class="guide-steps">
                    { for t.steps.iter().map(|step| html! { <li>{ *step }</li> }) }
                </ol>
                <dl class="guide-facts">
                    <dt>{ w(Words::Format) }</dt>
                    <dd>{ t.format }</dd>
                    <dt>{ w(Words::Takes) }</dt>
                    <dd>{ t.takes }</dd>
                    if let Some(tip) = t.tip {
                        <dt>{ w(Words::Tip) }</dt>
                        <dd>{ tip }</dd>
                    }
                    <dt>{ w(Words::Reads) }</dt>
                    <dd>
                        <ul class="guide-reads">
                            { for reads.iter().map(|name| html! { <li>{ *name }</li> }) }
                        </ul>
                    </dd>
                </dl>
                if let (Some(url), Some(host)) = (guide.url, guide.host()) {
                    <p class="guide-link">
                        <a href={url} target="_blank" rel="noopener noreferrer">
                            { official_page(lang, host) }
                            <span class="guide-new-tab">{ " " }{ w(Words::NewTab) }</span>
                        </a>
                    </p>
                }
                <p class="guide-print-note">{ w(Words::PrintNote) }</p>
                <p class="guide-actions">
                    <button type="button" class="button" onclick={ask(Print::One(guide.id))}>
                        { w(Words::PrintThis) }
                        <span class="visually-hidden">{ format!(" ({})", t.name) }</span>
                    </button>
                    <button type="button" class="button quiet" onclick={go("guides-toc-title".to_owned())}>
                        { w(Words::Back) }
                    </button>
                </p>
            </section>
        }
    });

    let printing = match *print {
        Print::All => "all",
        Print::One(_) => "one",
    };
    html! {
        <div class="guides-page" data-print={printing}>
            <div class="guides-head">
                <h1 tabindex="-1">{ w(Words::Title) }</h1>
                <p class="lead">{ w(Words::Intro) }</p>
                <p>{ w(Words::Json) }</p>
                <p class="guides-actions">
                    <button type="button" class="button" onclick={ask(Print::All)}>{ w(Words::PrintAll) }</button>
                </p>
            </div>
            <nav class="guides-toc" aria-labelledby="guides-toc-title">
                <h2 id="guides-toc-title" tabindex="-1">{ w(Words::Contents) }</h2>
                <ul>{ for toc }</ul>
            </nav>
            { for sections }
        </div>
    }
}
