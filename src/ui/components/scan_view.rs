//! What a file holds, for a file no source recognises: a line in its row (sensitivity and the
//! main kinds of personal data), and, on demand, a panel under the list with the full scan: the
//! sentence, the sensitivity's reasons, a table of the personal data (where, how many, masked
//! examples), a photo's metadata, the file's structure, and the value-free description of that
//! structure to download for Reflet's developers.
//!
//! The panel lives under the table, not in the row, so that the virtual list's rows keep one
//! height; opening it moves focus to its heading, closing it brings focus back to the button.

use yew::prelude::*;

use crate::i18n::scan::{
    binary_kind, category_name, column_kinds, counted, json_types, level_name, ScanText,
};
use crate::i18n::{colon, format_count, format_size, Lang};
use crate::report::FileReport;
use crate::scan::{FileScan, Level, Shape, ShapeReport};

/// Which file's scan is open, and how to open or close one. The button that opened it is named
/// by its element id, so that focus can return to it.
#[derive(Clone, PartialEq)]
pub struct ScanContext {
    /// The opened file, the path inside it, and the opener's id.
    pub open: Option<(u32, String, String)>,
    pub show: Callback<Option<(u32, String, String)>>,
    /// Ask the worker for a file's whole scan (a recognised file's raw view, or an unknown
    /// file's scan, kept brief in the list): the opened file and the path in it.
    pub raw: Callback<(u32, String)>,
}

/// The row's line: sensitivity, then the main kinds of personal data.
pub fn scan_line(lang: Lang, scan: &FileScan) -> Html {
    let class = classes!("level", level_class(scan.sensitivity.level));
    let kinds: Vec<String> = scan
        .found
        .iter()
        .take(3)
        .map(|f| counted(lang, f.category, f.count))
        .collect();
    html! {
        <span class="scan-line">
            <span {class}>{ format!("{}{} {}", ScanText::Sensitivity.get(lang), colon(lang), level_name(lang, scan.sensitivity.level)) }</span>
            if !kinds.is_empty() {
                { " " }
                <span class="scan-kinds">{ kinds.join(", ") }</span>
            }
        </span>
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Low => "level-low",
        Level::Medium => "level-medium",
        Level::High => "level-high",
    }
}

#[derive(Properties, PartialEq)]
pub struct ScanButtonProps {
    pub lang: Lang,
    pub owner: u32,
    pub path: String,
    /// The button's element id.
    pub id: String,
    /// The id of the row's header, the file's name: it tells the row's buttons apart.
    pub described: String,
    /// The file was recognised: the button offers its raw view.
    #[prop_or_default]
    pub raw: bool,
    /// The page holds no whole scan of it yet: the worker is asked for one.
    #[prop_or_default]
    pub ask: bool,
}

/// "See what's inside" (or "Raw view" for a recognised file): opens the scan panel under the
/// list.
#[function_component]
pub fn ScanButton(props: &ScanButtonProps) -> Html {
    let Some(context) = use_context::<ScanContext>() else {
        return Html::default();
    };
    let open = context
        .open
        .as_ref()
        .is_some_and(|(o, p, _)| *o == props.owner && *p == props.path);
    let onclick = {
        let (show, raw, owner, path, id, ask) = (
            context.show.clone(),
            context.raw.clone(),
            props.owner,
            props.path.clone(),
            props.id.clone(),
            props.ask,
        );
        Callback::from(move |_: MouseEvent| {
            if ask {
                raw.emit((owner, path.clone()));
            }
            show.emit(Some((owner, path.clone(), id.clone())));
        })
    };
    let label = if props.raw {
        ScanText::RawOpen
    } else {
        ScanText::Open
    };
    html! {
        <button type="button" class="button quiet scan-open" id={props.id.clone()} {onclick}
            aria-describedby={props.described.clone()}
            aria-controls={open.then_some("scan-panel")} aria-expanded={open.to_string()}>
            { label.get(props.lang) }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScanPanelProps {
    pub lang: Lang,
    /// The opened file that holds it.
    pub owner: u32,
    pub report: FileReport,
    /// The raw view was asked and could not be made.
    #[prop_or_default]
    pub failed: bool,
    pub on_close: Callback<()>,
}

/// Paths shown at most in the structure table; the download holds them all.
const SHOWN_PATHS: usize = 200;

/// The full scan of one file.
#[function_component]
pub fn ScanPanel(props: &ScanPanelProps) -> Html {
    let lang = props.lang;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((props.owner, props.report.file.path.clone()), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    // While the whole scan is on its way from the worker (or could not be made), the panel has
    // the same heading, live region and buttons: yew keeps those elements, and so the focus and
    // the announcement.
    let scan = props.report.scan.as_ref().filter(|s| !s.brief);
    let sentence = match (scan, props.failed) {
        (Some(scan), _) => scan.text.get(lang).to_owned(),
        (None, true) => ScanText::Failed.get(lang).to_owned(),
        (None, false) => ScanText::Loading.get(lang).to_owned(),
    };
    let unknown = props.report.kind == crate::report::Kind::Unknown;
    let shape = scan.filter(|_| unknown).map(|scan| {
        let report = ShapeReport::new(&props.report.file.path, props.report.file.size, scan);
        (report.to_json(), download_name(&report.path))
    });
    let body = scan.map_or_else(Html::default, |scan| {
        html! {
            <>
                <p>
                    <span class={classes!("level", level_class(scan.sensitivity.level))}>
                        { format!("{}{} {}", ScanText::Sensitivity.get(lang), colon(lang), level_name(lang, scan.sensitivity.level)) }
                    </span>
                </p>
                if !scan.sensitivity.reasons.is_empty() {
                    <ul class="scan-reasons">
                        { for scan.sensitivity.reasons.iter().map(|r| html! { <li>{ r.get(lang) }</li> }) }
                    </ul>
                }
                { found_table(lang, scan) }
                { photo(lang, scan) }
                <details class="scan-structure">
                    <summary>{ ScanText::Structure.get(lang) }</summary>
                    { structure(lang, &scan.shape, &scan.columns) }
                </details>
                // For a file Reflet cannot read yet: its shape, for its developers.
                if let Some((json, _)) = &shape {
                    <h3>{ ScanText::ShapeTitle.get(lang) }</h3>
                    <p class="scan-explain">{ ScanText::ShapeExplain.get(lang) }</p>
                    <details class="scan-preview">
                        <summary>{ ScanText::ShapePreview.get(lang) }</summary>
                        <pre tabindex="0" aria-label={ScanText::ShapePreview.get(lang)}>{ json.clone() }</pre>
                    </details>
                }
            </>
        }
    });
    let download_button = shape.map_or_else(Html::default, |(json, name)| {
        let on_download = Callback::from(move |_: MouseEvent| {
            crate::ui::save::save_text(&name, &json, "application/json");
        });
        html! {
            <button type="button" class="button" onclick={on_download}>{ ScanText::ShapeDownload.get(lang) }</button>
        }
    });
    html! {
        <section id="scan-panel" class="scan-panel" aria-labelledby="scan-title">
            <h2 id="scan-title" tabindex="-1" ref={heading}>
                { format!("{} {}", ScanText::Title.get(lang), props.report.file.name()) }
            </h2>
            // One live region, from "reading" to the result: the result is announced when it comes.
            <p class="scan-sentence" role="status">{ sentence }</p>
            <div class="scan-body">{ body }</div>
            <p class="scan-actions">
                { download_button }
                <button type="button" class="button quiet" onclick={on_close}>{ ScanText::Back.get(lang) }</button>
            </p>
        </section>
    }
}

fn found_table(lang: Lang, scan: &FileScan) -> Html {
    if scan.found.is_empty() {
        return Html::default();
    }
    html! {
        <table class="scan-found">
            <caption>{ ScanText::Found.get(lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ ScanText::ColumnData.get(lang) }</th>
                    <th scope="col" class="num">{ ScanText::ColumnCount.get(lang) }</th>
                    <th scope="col">{ ScanText::ColumnWhere.get(lang) }</th>
                    <th scope="col">{ ScanText::ColumnExamples.get(lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for scan.found.iter().map(|f| html! {
                    <tr data-category={f.category.id()}>
                        <th scope="row">{ category_name(lang, f.category) }</th>
                        <td class="num">{ format_count(lang, f.count) }</td>
                        <td>
                            <ul class="plain">
                                { for f.places.iter().map(|p| html! {
                                    <li><code>{ p.at.clone() }</code>{ format!(" ({})", format_count(lang, p.count)) }</li>
                                }) }
                            </ul>
                        </td>
                        <td>
                            <ul class="plain">
                                { for f.examples.iter().map(|e| html! { <li><code>{ e.clone() }</code></li> }) }
                            </ul>
                        </td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn photo(lang: Lang, scan: &FileScan) -> Html {
    let Some(exif) = &scan.photo else {
        return Html::default();
    };
    let row = |label: ScanText, value: Option<String>| {
        value.map_or_else(Html::default, |v| {
            html! { <tr><th scope="row">{ label.get(lang) }</th><td>{ v }</td></tr> }
        })
    };
    let gps = exif
        .gps
        .as_ref()
        .map(|g| crate::i18n::position(lang, g.lat, g.lng));
    html! {
        <table class="scan-photo">
            <caption>{ ScanText::Photo.get(lang) }</caption>
            <tbody>
                { row(ScanText::Taken, exif.taken.clone()) }
                { row(ScanText::Camera, exif.camera.clone()) }
                { row(ScanText::Software, exif.software.clone()) }
                { row(ScanText::GpsPosition, gps) }
            </tbody>
        </table>
    }
}

fn structure(lang: Lang, shape: &Shape, columns: &[crate::scan::ColumnExamples]) -> Html {
    let pair = |label: ScanText, value: String| {
        html! { <tr><th scope="row">{ label.get(lang) }</th><td>{ value }</td></tr> }
    };
    match shape {
        Shape::Json(s) => html! {
            <>
                <table class="scan-paths" aria-label={ScanText::Structure.get(lang)}>
                    <thead><tr>
                        <th scope="col">{ ScanText::Path.get(lang) }</th>
                        <th scope="col">{ ScanText::Types.get(lang) }</th>
                        <th scope="col" class="num">{ ScanText::Occurrences.get(lang) }</th>
                        <th scope="col" class="num">{ ScanText::LongestList.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for s.paths.iter().take(SHOWN_PATHS).map(|(path, stats)| html! {
                            <tr>
                                <td><code>{ path.clone() }</code></td>
                                <td>{ json_types(lang, &stats.types) }</td>
                                <td class="num">{ format_count(lang, stats.count) }</td>
                                <td class="num">{ stats.max_len.map(|n| format_count(lang, n)).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                if s.cut_short || s.paths.len() > SHOWN_PATHS {
                    <p>{ ScanText::CutShort.get(lang) }</p>
                }
            </>
        },
        Shape::Csv(s) => html! {
            <table class="scan-paths" aria-label={ScanText::Structure.get(lang)}>
                <thead><tr>
                    <th scope="col">{ ScanText::Column.get(lang) }</th>
                    <th scope="col">{ ScanText::Types.get(lang) }</th>
                    <th scope="col" class="num">{ ScanText::Filled.get(lang) }</th>
                    <th scope="col">{ ScanText::ColumnExamples.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for s.columns.iter().map(|c| {
                        let examples = columns
                            .iter()
                            .find(|e| e.name == c.name)
                            .map(|e| e.examples.join(" · "))
                            .unwrap_or_default();
                        html! {
                            <tr>
                                <td><code>{ c.name.clone() }</code></td>
                                <td>{ column_kinds(lang, c) }</td>
                                <td class="num">{ format!("{} / {}", format_count(lang, c.filled), format_count(lang, s.rows)) }</td>
                                <td><code>{ examples }</code></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
        Shape::Xml(s) => html! {
            <table class="scan-paths" aria-label={ScanText::Structure.get(lang)}>
                <thead><tr>
                    <th scope="col">{ ScanText::Element.get(lang) }</th>
                    <th scope="col">{ ScanText::Attributes.get(lang) }</th>
                    <th scope="col" class="num">{ ScanText::Occurrences.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for s.paths.iter().take(SHOWN_PATHS).map(|(path, stats)| html! {
                        <tr>
                            <td><code>{ path.clone() }</code></td>
                            <td>{ stats.attributes.iter().cloned().collect::<Vec<_>>().join(", ") }</td>
                            <td class="num">{ format_count(lang, stats.count) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
        Shape::Text(t) => html! {
            <table class="scan-paths" aria-label={ScanText::Structure.get(lang)}><tbody>
                { pair(ScanText::Lines, format_count(lang, t.lines)) }
                { pair(ScanText::Encoding, t.encoding.clone()) }
                { pair(ScanText::LongestLine, format_size(lang, t.longest_line)) }
                if let Some(language) = &t.language {
                    { pair(ScanText::Language, language.clone()) }
                }
            </tbody></table>
        },
        Shape::Binary(b) => html! {
            <table class="scan-paths" aria-label={ScanText::Structure.get(lang)}><tbody>
                { pair(ScanText::KindOfFile, binary_kind(lang, b)) }
            </tbody></table>
        },
        Shape::Data => Html::default(),
    }
}

/// `reflet-structure-message_1.json`, from the masked path's last component.
fn download_name(path: &str) -> String {
    format!("reflet-structure-{}.json", crate::export::safe_stem(path))
}
