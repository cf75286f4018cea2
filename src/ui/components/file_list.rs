use yew::prelude::*;

use crate::i18n::{file_count, format_size, Lang, Text};
use crate::report::Kind;
use crate::ui::state::{FileEntry, FileStatus};

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    pub busy: bool,
}

fn kind_cell(lang: Lang, status: &FileStatus) -> Html {
    match status {
        FileStatus::Waiting | FileStatus::Reading => {
            html! { <span class="status reading">{ Text::Reading.get(lang) }</span> }
        }
        FileStatus::Done(report) => match (&report.error, &report.kind) {
            (Some(error), _) => {
                html! { <span class="status error">{ error.message.get(lang) }</span> }
            }
            (None, Kind::Unknown) => {
                html! { <span class="status unknown">{ Text::KindUnknown.get(lang) }</span> }
            }
            (None, Kind::Source(id)) => {
                let name = crate::sources::by_id(id).map_or(id.as_str(), |s| s.name(lang));
                html! { <span class="status known">{ name }</span> }
            }
        },
    }
}

/// The chosen files: name, size and detected kind.
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
                        { for props.files.iter().map(|f| html! {
                            <tr key={f.id}>
                                <th scope="row" class="file-name">
                                    <span class="name">{ f.file.name() }</span>
                                    if f.file.path != f.file.name() {
                                        <span class="path">{ f.file.path.clone() }</span>
                                    }
                                </th>
                                <td class="num">{ format_size(lang, f.file.size) }</td>
                                <td>{ kind_cell(lang, &f.status) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
