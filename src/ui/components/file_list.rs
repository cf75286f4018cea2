use yew::prelude::*;

use crate::i18n::{archive_summary, file_count, format_size, Lang, Text};
use crate::report::{FileReport, Kind};
use crate::ui::state::{FileEntry, FileStatus};

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    pub busy: bool,
}

fn kind_cell(lang: Lang, report: &FileReport) -> Html {
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

fn reading(lang: Lang) -> Html {
    html! { <span class="status reading">{ Text::Reading.get(lang) }</span> }
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

/// The rows of one opened file: a single row, or an archive's summary and its entries.
fn entry_rows(lang: Lang, entry: &FileEntry) -> Html {
    let done = entry.status == FileStatus::Done;
    if !entry.is_archive() {
        return match (entry.reports.as_slice(), done) {
            ([report], true) => report_row(lang, entry.id.to_string(), report, false),
            _ => html! {
                <tr key={entry.id.to_string()}>
                    { name_cell(&entry.file.path, entry.file.name(), false) }
                    <td class="num">{ format_size(lang, entry.file.size) }</td>
                    <td>{ reading(lang) }</td>
                </tr>
            },
        };
    }
    html! {
        <>
            <tr key={entry.id.to_string()} class="archive">
                { name_cell(&entry.file.path, entry.file.name(), false) }
                <td class="num">{ format_size(lang, entry.file.size) }</td>
                <td>
                    if done {
                        <span class="status">{ archive_summary(lang, entry.reports.len()) }</span>
                    } else {
                        { reading(lang) }
                    }
                </td>
            </tr>
            { for entry.reports.iter().enumerate().map(|(i, r)| report_row(lang, format!("{}-{i}", entry.id), r, true)) }
        </>
    }
}

/// The opened files: name, size and detected kind; archives with their contents.
#[function_component]
pub fn FileList(props: &FileListProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="file-list" aria-labelledby="files-title" aria-busy={props.busy.to_string()}>
            <h1 id="files-title" tabindex="-1">
                { Text::FilesTitle.get(lang) }
                <span class="count">{ format!(" ({})", file_count(lang, props.files.len())) }</span>
            </h1>
            <div class="table-wrap">
                <table id="files">
                    <thead>
                        <tr>
                            <th scope="col">{ Text::ColumnName.get(lang) }</th>
                            <th scope="col" class="num">{ Text::ColumnSize.get(lang) }</th>
                            <th scope="col">{ Text::ColumnKind.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.files.iter().map(|entry| entry_rows(lang, entry)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
