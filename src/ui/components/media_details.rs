//! What follows a streaming finding's sentence: the artists, series or channels and the titles
//! played most, in a `<details>` whose tables are built when opened.

use yew::prelude::*;

use super::chart_canvas::use_details_open;
use crate::i18n::media::duration;
use crate::i18n::{format_count, Lang, Text};
use crate::model::media::Played;

#[derive(Properties, PartialEq)]
pub struct MediaTopProps {
    pub lang: Lang,
    pub creators: Vec<Played>,
    pub titles: Vec<Played>,
}

/// One table: name, plays, time played (a dash where the file gives no time).
fn played_table(lang: Lang, caption: Text, rows: &[Played]) -> Html {
    if rows.is_empty() {
        return Html::default();
    }
    let time = |p: &Played| {
        if p.ms > 0 {
            duration(lang, p.ms)
        } else {
            "—".to_owned()
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.get(lang)}>
            <table class="grid-table">
                <caption>{ caption.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Text::ColumnName.get(lang) }</th>
                        <th scope="col">{ Text::MediaPlays.get(lang) }</th>
                        <th scope="col">{ Text::MediaTime.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|p| html! {
                        <tr>
                            <th scope="row">{ &p.name }</th>
                            <td>{ format_count(lang, p.plays) }</td>
                            <td>{ time(p) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[function_component(MediaTopDetails)]
pub fn media_top_details(props: &MediaTopProps) -> Html {
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    html! {
        <details class="social-details" data-details="media-top" ontoggle={on_toggle}>
            <summary>{ Text::MediaTopShow.get(lang) }</summary>
            if open {
                { played_table(lang, Text::MediaCreators, &props.creators) }
                { played_table(lang, Text::MediaTitles, &props.titles) }
            }
        </details>
    }
}
