use yew::prelude::*;

use crate::i18n::{
    archive_summary, file_count, format_size, positions_summary, progress_line, show_more, Lang,
    Text,
};
use crate::model::time::parse_iso;
use crate::model::Summary;
use crate::report::{FileReport, Kind};
use crate::ui::state::{FileEntry, FileStatus};

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    pub busy: bool,
    pub on_cancel: Callback<()>,
}

/// One line on what a source read, under its name.
fn summary_line(lang: Lang, summary: &Summary) -> String {
    match summary {
        Summary::Positions(p) => {
            let date = |iso: &Option<String>| {
                iso.as_deref()
                    .and_then(parse_iso)
                    .map(crate::model::time::format_date)
            };
            let (first, last) = (date(&p.first), date(&p.last));
            positions_summary(lang, p.count, first.as_deref(), last.as_deref())
        }
    }
}

fn kind_cell(lang: Lang, report: &FileReport) -> Html {
    let recognised = match &report.kind {
        Kind::Source(id) => Some(crate::sources::by_id(id).map_or(id.as_str(), |s| s.name(lang))),
        Kind::Unknown => None,
    };
    if let (Some(name), Some(summary)) = (recognised, &report.summary) {
        return html! {
            <>
                <span class="status known">{ name }</span>
                <span class="summary">{ summary_line(lang, summary) }</span>
                if let Some(error) = &report.error {
                    <span class="status error">{ error.message.get(lang) }</span>
                }
            </>
        };
    }
    match (&report.error, &report.kind) {
        (Some(error), _) => html! { <span class="status error">{ error.message.get(lang) }</span> },
        (None, Kind::Unknown) => {
            html! { <span class="status unknown">{ Text::KindUnknown.get(lang) }</span> }
        }
        (None, Kind::Source(id)) => {
            let name = crate::sources::by_id(id).map_or(id.as_str(), |s| s.name(lang));
            html! { <span class="status known">{ name }</span> }
        }
    }
}

/// "Reading…", with a progress bar once the worker reports progress.
fn reading(lang: Lang, entry: &FileEntry) -> Html {
    let Some(progress) = entry
        .progress
        .as_ref()
        .filter(|_| entry.status == FileStatus::Reading)
    else {
        return html! { <span class="status reading">{ Text::Reading.get(lang) }</span> };
    };
    let percent = progress.read.percent();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole seconds
    let eta = progress
        .eta_ms
        .map(|ms| (ms / 1000.0).ceil().max(0.0) as u64);
    let line = progress_line(
        lang,
        percent,
        &progress.read.entry,
        progress.read.found,
        eta,
    );
    html! {
        <div class="progress">
            <progress max="100" value={percent.to_string()} aria-label={Text::ProgressLabel.get(lang)}
                aria-valuetext={line.clone()}>{ format!("{percent}%") }</progress>
            <span class="status reading progress-line">{ line }</span>
        </div>
    }
}

fn name_cell(path: &str, name: &str, nested: bool) -> Html {
    let class = classes!("file-name", nested.then_some("nested"));
    html! {
        <th scope="row" {class}>
            <span class="name">{ name.to_owned() }</span>
            if path != name {
                <span class="path">{ path.to_owned() }</span>
            }
        </th>
    }
}

fn report_row(lang: Lang, key: String, report: &FileReport, nested: bool) -> Html {
    html! {
        <tr {key}>
            { name_cell(&report.file.path, report.file.name(), nested) }
            <td class="num">{ format_size(lang, report.file.size) }</td>
            <td>{ kind_cell(lang, report) }</td>
        </tr>
    }
}

/// Rows shown at first under an archive, and added by each "show more": the list stays light
/// for an archive of 20,000 files.
const PAGE: usize = 200;

/// Recognised files first (grouped by source), then problems, then the rest, each in archive order.
fn display_order(reports: &[FileReport]) -> Vec<&FileReport> {
    let mut ordered: Vec<&FileReport> = reports.iter().collect();
    ordered.sort_by_key(|r| match (&r.kind, &r.error) {
        (Kind::Source(id), _) => (0, id.clone()),
        (Kind::Unknown, Some(_)) => (1, String::new()),
        (Kind::Unknown, None) => (2, String::new()),
    });
    ordered
}

#[derive(Properties, PartialEq)]
struct EntryRowsProps {
    lang: Lang,
    entry: FileEntry,
}

/// The rows of one opened file: a single row, or an archive's summary and its entries.
#[function_component]
fn EntryRows(props: &EntryRowsProps) -> Html {
    let (lang, entry) = (props.lang, &props.entry);
    let shown = use_state(|| PAGE);
    let done = entry.status == FileStatus::Done;
    if !entry.is_archive() {
        return match (entry.reports.as_slice(), done) {
            ([report], true) => report_row(lang, entry.id.to_string(), report, false),
            _ => html! {
                <tr key={entry.id.to_string()}>
                    { name_cell(&entry.file.path, entry.file.name(), false) }
                    <td class="num">{ format_size(lang, entry.file.size) }</td>
                    <td>{ reading(lang, entry) }</td>
                </tr>
            },
        };
    }
    let ordered = display_order(&entry.reports);
    let left = ordered.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <>
            <tr key={entry.id.to_string()} class="archive">
                { name_cell(&entry.file.path, entry.file.name(), false) }
                <td class="num">{ format_size(lang, entry.file.size) }</td>
                <td>
                    if done {
                        <span class="status">{ archive_summary(lang, entry.reports.len()) }</span>
                    } else {
                        { reading(lang, entry) }
                    }
                </td>
            </tr>
            { for ordered.iter().take(*shown).enumerate().map(|(i, r)| report_row(lang, format!("{}-{i}", entry.id), r, true)) }
            if left > 0 {
                <tr key={format!("{}-more", entry.id)} class="more">
                    <td colspan="3">
                        <button type="button" class="button quiet" onclick={on_more}>
                            { show_more(lang, PAGE.min(left), left) }
                        </button>
                    </td>
                </tr>
            }
        </>
    }
}

/// The opened files: name, size and detected kind; archives with their contents.
#[function_component]
pub fn FileList(props: &FileListProps) -> Html {
    let lang = props.lang;
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="file-list" aria-labelledby="files-title">
            <div class="file-list-head">
                <h1 id="files-title" tabindex="-1">
                    { Text::FilesTitle.get(lang) }
                    <span class="count">{ format!(" ({})", file_count(lang, props.files.len())) }</span>
                </h1>
                if props.busy {
                    <button type="button" class="button danger" id="cancel" onclick={on_cancel}>
                        { Text::Cancel.get(lang) }
                    </button>
                }
            </div>
            // Scrolls sideways on narrow screens: focusable, so that keyboards can scroll it too.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="files-title">
                <table id="files">
                    <thead>
                        <tr>
                            <th scope="col">{ Text::ColumnName.get(lang) }</th>
                            <th scope="col" class="num">{ Text::ColumnSize.get(lang) }</th>
                            <th scope="col">{ Text::ColumnKind.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.files.iter().map(|entry| html! {
                            <EntryRows key={entry.id} {lang} entry={entry.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
