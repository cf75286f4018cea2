//! A file's exports, under what it reveals: its positions and trips as GeoJSON, GPX and CSV, or
//! its records as CSV. The worker reads the file again and writes the export; the download
//! follows, and a status line says how many positions, trips or rows it holds.

use yew::prelude::*;

use crate::export::{Format, What};
use crate::i18n::export::{export_failed, exported, what_name, ExportText};
use crate::i18n::Lang;
use crate::ui::state::ExportState;

/// How the menus ask for an export, and the last one asked.
#[derive(Clone, PartialEq)]
pub struct ExportContext {
    /// The opened file, the path in it, what and in which format.
    pub ask: Callback<(u32, String, What, Format)>,
    pub state: Option<ExportState>,
}

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub lang: Lang,
    pub owner: u32,
    pub path: AttrValue,
    /// What the file offers, each in its formats ([`crate::export::offered`]).
    pub offers: Vec<(What, Vec<Format>)>,
}

#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let Some(context) = use_context::<ExportContext>() else {
        return Html::default();
    };
    if props.offers.is_empty() {
        return Html::default();
    }
    let lang = props.lang;
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
                                    Callback::from(move |_: MouseEvent| {
                                        ask.emit((owner, path.clone(), what, format));
                                    })
                                };
                                html! {
                                    <button type="button" class="button quiet" {onclick}
                                        disabled={waiting}
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
            <p class="export-status" role="status">{ status.unwrap_or_default() }</p>
        </details>
    }
}
