//! What the files reveal together, under the list: the social files' interests and advertisers
//! merged across platforms, the rhythm of every dated action, and the portrait across every
//! service ([`crate::report::Across`], the same object as `inspect`'s report).

use yew::prelude::*;

use crate::i18n::{why_label, Lang, Text};
use crate::report::Across;
use crate::ui::state::{FileEntry, FileStatus};

#[derive(Properties, PartialEq)]
pub struct AcrossViewProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
}

#[function_component(AcrossView)]
pub fn across_view(props: &AcrossViewProps) -> Html {
    let lang = props.lang;
    // Worked out again only when a file is done or forgotten, not at each progress message.
    let key: Vec<(u32, usize)> = props
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Done)
        .map(|f| (f.id, f.reports.len()))
        .collect();
    let across = use_memo(key, |_| {
        Across::of(
            props
                .files
                .iter()
                .filter(|f| f.status == FileStatus::Done)
                .flat_map(|f| f.reports.iter().map(|r| &**r)),
        )
    });
    let Some(across) = across.as_ref() else {
        return Html::default();
    };
    html! {
        <section class="across" aria-labelledby="across-title">
            <h2 id="across-title">{ Text::AcrossTitle.get(lang) }</h2>
            <ul class="across-findings">
                { for across.findings.iter().map(|f| {
                    let id = format!("f-across-{}", f.id);
                    html! {
                        <li>
                            <span class="finding" id={id.clone()} data-finding={f.id.clone()}>{ f.text.get(lang) }</span>
                            if f.id == "merged_rhythm" {
                                if let Some(rhythm) = across.social.as_ref().and_then(|s| s.rhythm.clone()) {
                                    <super::RhythmChart {lang} id="c-across-rhythm" {rhythm} />
                                }
                            }
                            if let Some(portrait) = across.portrait.as_ref() {
                                if f.id == "portrait_timeline" {
                                    <super::TimelineChart {lang} timeline={portrait.timeline.clone()} />
                                }
                                if f.id == "portrait_sleep" {
                                    if let Some(rhythm) = portrait.rhythm.clone() {
                                        <super::RhythmChart {lang} id="c-portrait-rhythm" {rhythm}
                                            title={AttrValue::from(Text::PortraitRhythmTitle.get(lang))} />
                                    }
                                }
                                if f.id == "portrait_knows" {
                                    <super::KnowsTable {lang} knows={portrait.knows.clone()} />
                                }
                            }
                            <details class="why" data-why={f.id.clone()}>
                                <summary aria-describedby={id}>{ why_label(lang) }</summary>
                                <p>{ f.why.get(lang) }</p>
                            </details>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
