//! A file's exports, under what it reveals: its positions and trips as GeoJSON, GPX and CSV, or
//! its records as CSV. The worker reads the file again and writes the export; the download
//! follows, and a status line says how many positions, trips or rows it holds.

use yew::prelude::*;

use crate::export::{Format, What};
use crate::i18n::export::{export_failed, exported, what_name, ExportText};
use crate::i18n::Lang;
use crate::letters::LetterPrefill;
use crate::ui::state::ExportState;

/// How a file's rows act on what it reveals: ask for an export (and the last one asked), or open
/// a letter to a company.
#[derive(Clone, PartialEq)]
pub struct ActContext {
    /// The opened file, the path in it, what and in which format.
    pub ask: Callback<(u32, String, What, Format)>,
    pub state: Option<ExportState>,
    /// Opens "Ask for more", addressed to a company, with the finding that names it.
    pub letter: Callback<LetterPrefill>,
}

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub lang: Lang,
    pub owner: u32,
    pub path: AttrValue,
    /// What the file offers, each in its formats ([`crate::export::offered`]).
    pub offers: Vec<(What, Vec<Format>)>,
    /// The file's kind, for the letter to its service ([`AskService`]).
    #[prop_or_default]
    pub kind: Option<AttrValue>,
}

#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let Some(context) = use_context::<ActContext>() else {
        return Html::default();
    };
    let lang = props.lang;
    let ask = props.kind.clone().map_or_else(Html::default, |kind| {
        html! { <AskService {lang} {kind} /> }
    });
    if props.offers.is_empty() {
        return ask;
    }
    let mine = context
        .state
        .as_ref()
        .filter(|e| e.id == props.owner && *e.path == *props.path);
    let status = mine.map(|e| match &e.done {
        None => ExportText::Preparing.get(lang).to_owned(),
        Some(Ok(count)) => exported(lang, e.what, e.format.label(), *count),
        Some(Err(kind)) => export_failed(
            lang,
            crate::report::ReportError::new(*kind).message.get(lang),
        ),
    });
    let waiting = mine.is_some_and(|e| e.done.is_none());
    html! {
        <>
        <details class="export" data-export="">
            <summary>{ ExportText::Menu.get(lang) }</summary>
            <p class="export-hint">{ ExportText::Hint.get(lang) }</p>
            <ul class="export-offers">
                { for props.offers.iter().map(|(what, formats)| {
                    let name = what_name(lang, *what);
                    html! {
                        <li>
                            <span class="export-what">{ name }</span>
                            { for formats.iter().map(|format| {
                                let onclick = {
                                    let (ask, owner, path) =
                                        (context.ask.clone(), props.owner, props.path.to_string());
                                    let (what, format) = (*what, *format);
                                    // While one is written, a press does nothing (the button
                                    // stays focusable: `aria-disabled`, not `disabled`).
                                    Callback::from(move |_: MouseEvent| {
                                        if !waiting {
                                            ask.emit((owner, path.clone(), what, format));
                                        }
                                    })
                                };
                                html! {
                                    <button type="button" class="button quiet" {onclick}
                                        aria-disabled={waiting.then_some("true")}
                                        aria-label={format!("{name} · {}", format.label())}
                                        data-export-what={format!("{what:?}").to_lowercase()}
                                        data-export-format={format.extension()}>
                                        { format.label() }
                                    </button>
                                }
                            }) }
                        </li>
                    }
                }) }
            </ul>
            <p class="export-status" role="status">
                { status.unwrap_or_default() }
                if let Some((url, e)) = mine.and_then(|e| Some((e.url.clone()?, e))) {
                    { " " }
                    <a href={url} download={crate::export::file_name(&e.path, e.what, e.format)}>
                        { ExportText::SaveAgain.get(lang) }
                    </a>
                }
            </p>
        </details>
        { ask }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct AskServiceProps {
    pub lang: Lang,
    /// The file's kind (`facebook.advertisers`): its first part names the service.
    pub kind: AttrValue,
}

/// "Write to Meta to know more": a letter to the service a recognised file comes from, when its
/// data-protection contact is known (`crate::letters::contacts`).
#[function_component]
pub fn AskService(props: &AskServiceProps) -> Html {
    let Some(context) = use_context::<ActContext>() else {
        return Html::default();
    };
    let service = props.kind.split('.').next().unwrap_or_default();
    let Some(contact) = crate::letters::contacts::matching(service) else {
        return Html::default();
    };
    let name = contact.name.split(" (").next().unwrap_or(contact.name);
    let onclick = context.letter.reform(move |_: MouseEvent| LetterPrefill {
        company: contact.id.to_owned(),
        context: crate::i18n::Messages::default(),
    });
    html! {
        <p class="ask-service">
            <button type="button" class="button quiet" data-ask={contact.id} {onclick}>
                { crate::letters::text::ask_service(props.lang, name) }
            </button>
        </p>
    }
}
