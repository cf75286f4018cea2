use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::charts::trips::Measure;
use crate::i18n::{
    archive_summary, export_parts, file_count, format_size, missing_parts, positions_summary,
    progress_line, section, show_more, visits_and_moves, why_label, Lang, Text,
};
use crate::model::location::Routine;
use crate::model::media::MediaSummary;
use crate::model::social::SocialSummary;
use crate::model::time::parse_iso;
use crate::model::trips::TripSummary;
use crate::model::{PositionSummary, Summary};
use crate::report::{FileReport, Kind};
use crate::ui::state::{groups, FileEntry, FileStatus, Group, Part, Shared};

#[derive(Properties, PartialEq)]
pub struct FileListProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    pub busy: bool,
    pub on_cancel: Callback<()>,
    /// Map mode: what the worker keeps (for the benchmark, as data attributes).
    #[prop_or_default]
    pub kept: Option<crate::ui::state::Kept>,
    /// Ask the worker for a recognised file's raw view: the opened file and the path in it.
    #[prop_or_default]
    pub on_raw: Callback<(u32, String)>,
    /// A raw view that could not be made.
    #[prop_or_default]
    pub scan_failed: Option<(u32, String)>,
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
            let positions = positions_summary(lang, p.count, first.as_deref(), last.as_deref());
            match visits_and_moves(lang, p.visits, p.moves) {
                Some(more) if p.count > 0 => format!("{positions} · {more}"),
                Some(more) => more,
                None => positions,
            }
        }
        Summary::Social(s) => crate::i18n::social::summary_line(lang, s),
        Summary::Media(m) => crate::i18n::media::summary_line(lang, m),
        #[cfg(feature = "energy")]
        Summary::Energy(e) => crate::i18n::energy::summary_line(lang, e),
        #[cfg(feature = "chat")]
        Summary::Chat(c) => crate::i18n::chat::summary_line(lang, c),
        #[cfg(feature = "money")]
        Summary::Money(m) => crate::i18n::money::summary_line(lang, m),
        #[cfg(feature = "activity")]
        Summary::Activity(a) => crate::i18n::activity::summary_line(lang, a),
        #[cfg(feature = "health")]
        Summary::Health(h) => crate::i18n::health::summary_line(lang, h),
    }
}

/// The trips chart that follows a finding, if any: distance after `trips`, carbon after `co2`
/// when some was emitted.
fn chart_of(finding: &str, trips: Option<&TripSummary>) -> Option<Measure> {
    match finding {
        "trips" => Some(Measure::Distance),
        "co2" if trips.is_some_and(|t| t.grams > 0) => Some(Measure::Carbon),
        _ => None,
    }
}

/// What follows a social finding's sentence: its chart or its details.
fn social_detail(lang: Lang, key: &str, finding: &str, s: &SocialSummary) -> Html {
    match finding {
        "logins" => html! {
            <>
                if !s.login_months.is_empty() {
                    <super::CountsChart {lang} id={format!("c-{key}-logins")} kind="logins"
                        counts={s.login_months.clone()} title={Text::LoginsChartTitle.get(lang)}
                        alt={Text::LoginsChartAlt.get(lang)} period={Text::ChartMonth.get(lang)} />
                }
                <super::LoginsDetails {lang} devices={s.devices.clone()} ips={s.ips.clone()} />
            </>
        },
        "activity_rhythm" => s.rhythm.clone().map_or_else(Html::default, |rhythm| {
            html! {
                <super::RhythmChart {lang} id={format!("c-{key}-rhythm")} {rhythm} />
            }
        }),
        "off_platform" if !s.months.is_empty() => html! {
            <super::CountsChart {lang} id={format!("c-{key}-months")} kind="off_platform"
                counts={s.months.clone()} title={Text::OffPlatformChartTitle.get(lang)}
                alt={Text::OffPlatformChartAlt.get(lang)} period={Text::ChartMonth.get(lang)} />
        },
        "contacts" => {
            // Relations of every kind begun each year.
            let counts: Vec<(String, u64)> = s
                .contacts_by_year()
                .into_iter()
                .map(|(y, n)| (y.to_string(), n))
                .collect();
            html! {
                <>
                    if !counts.is_empty() {
                        <super::CountsChart {lang} id={format!("c-{key}-years")} kind="contacts"
                            {counts} title={Text::ContactsCaption.get(lang)}
                            alt={Text::ContactsChartAlt.get(lang)} period={Text::ContactsYear.get(lang)} />
                    }
                    <super::ContactsDetails {lang} contacts={s.contacts.clone()} />
                </>
            }
        }
        "contact_lists" => html! {
            <super::ContactListsDetails {lang} platform={s.platform} holders={
                s.advertisers.iter().filter(|a| a.flags.data_file).map(|a| a.name.clone()).collect::<Vec<_>>()
            } />
        },
        "ads_seen" => html! {
            <super::AdsDetails {lang} advertisers={s.ads_by_advertiser.clone()} ads={s.ads} />
        },
        "platform_inferences" => html! {
            <super::InferencesDetails {lang} inferred={s.inferred.clone()} />
        },
        "conversations" => html! {
            <super::ConversationsDetails {lang} conversations={s.conversations.clone()} />
        },
        _ => Html::default(),
    }
}

/// What a file is and reveals. `key` is the row's key, unique on the page: ids derive from it;
/// `owner`, the opened file that holds it (the worker knows it by that and its path).
/// What follows a streaming finding: the time played by month, the rhythm's chart, what was
/// played most, the devices and addresses, the segments.
fn media_detail(lang: Lang, key: &str, finding: &str, m: &MediaSummary) -> Html {
    match finding {
        "media_time" if !m.months.is_empty() => html! {
            <super::CountsChart {lang} id={format!("c-{key}-media")} kind="media_months"
                counts={m.months.clone()} title={Text::MediaMonthsTitle.get(lang)}
                alt={Text::MediaMonthsAlt.get(lang)} period={Text::ChartMonth.get(lang)} />
        },
        "media_rhythm" => m.rhythm.clone().map_or_else(Html::default, |rhythm| {
            html! { <super::RhythmChart {lang} id={format!("c-{key}-rhythm")} {rhythm} /> }
        }),
        "media_top" => html! {
            <super::MediaTopDetails {lang} creators={m.creators.clone()} titles={m.titles.clone()} />
        },
        "media_devices" => html! {
            <super::LoginsDetails {lang} devices={m.devices.clone()} ips={m.ips.clone()} uses=true />
        },
        "media_segments" => html! {
            <super::InferencesDetails {lang}
                inferred={vec![(Text::MediaSegments.get(lang).to_owned(), m.segments.clone())]} />
        },
        _ => Html::default(),
    }
}

/// The id of the source that recognised the file, if one did.
fn kind_id(report: &FileReport) -> Option<AttrValue> {
    match &report.kind {
        Kind::Source(id) => Some(AttrValue::from(id.clone())),
        Kind::Unknown => None,
    }
}

/// The positions a report summarises, if it does.
fn positions_of(report: &FileReport) -> Option<&PositionSummary> {
    match &report.summary {
        Some(Summary::Positions(p)) => Some(p),
        _ => None,
    }
}

fn trips_of(report: &FileReport) -> Option<&TripSummary> {
    positions_of(report)?.trips.as_ref()
}

fn routine_of(report: &FileReport) -> Option<&Routine> {
    positions_of(report)?.routine.as_ref()
}

/// A map is drawn of positions with their density.
fn mapped_of(report: &FileReport) -> Option<&PositionSummary> {
    positions_of(report).filter(|p| p.density.is_some())
}

fn kind_cell(lang: Lang, key: &str, owner: u32, report: &Shared) -> Html {
    let recognised = match &report.kind {
        Kind::Source(id) => Some(report.name.as_ref().map_or(id.as_str(), |n| n.get(lang))),
        Kind::Unknown => None,
    };
    if let (Some(name), Some(summary)) = (recognised, &report.summary) {
        // Parts of the report, shared with the charts and the map, not copied.
        let routine = Part::of(report, routine_of);
        let trips = Part::of(report, trips_of);
        let map = Part::of(report, mapped_of);
        // A day can be shown of a file with positions or trips.
        let located = positions_of(report).is_some_and(|p| p.count > 0 || p.trips.is_some());
        let social = match summary {
            Summary::Social(s) => Some(s),
            _ => None,
        };
        let media = match summary {
            Summary::Media(m) => Some(m),
            _ => None,
        };
        return html! {
            <>
                <span class="status known">{ name }</span>
                <span class="summary">{ summary_line(lang, summary) }</span>
                { for report.findings.iter().map(|f| {
                    // "How do we know?" is said of this finding: its sentence describes the button.
                    let id = format!("f-{key}-{}", f.id);
                    html! {
                        <>
                            <span class="finding" id={id.clone()} data-finding={f.id.clone()}>{ f.text.get(lang) }</span>
                            // The map follows the first sentence, what the file covers.
                            if f.id == "coverage" {
                                if let Some(positions) = map.clone() {
                                    <super::MapView {lang} id={format!("m-{key}")} {positions}
                                        file={owner} path={report.file.path.clone()} />
                                }
                                // The day view, under the map that draws its path.
                                if located {
                                    <super::DayPanel {lang} id={format!("d-{key}")}
                                        file={owner} path={report.file.path.clone()} />
                                }
                            }
                            // The routine's chart follows its sentence.
                            if f.id == "routine" {
                                if let Some(routine) = routine.clone() {
                                    <super::RoutineChart {lang} id={format!("c-{key}")} {routine} />
                                }
                            }
                            if let Some(s) = social {
                                { social_detail(lang, key, &f.id, s) }
                            }
                            if let Some(m) = media {
                                { media_detail(lang, key, &f.id, m) }
                            }
                            { super::everyday_details::everyday_detail(lang, key, &f.id, summary) }
                            // The trips' and the carbon's charts follow theirs.
                            if let Some(measure) = chart_of(&f.id, trips_of(report)) {
                                if let Some(trips) = trips.clone() {
                                    <super::TripsChart {lang} id={format!("c-{key}-{}", f.id)} {trips} {measure} />
                                }
                            }
                            <details class="why" data-why={f.id.clone()}>
                                <summary aria-describedby={id}>{ why_label(lang) }</summary>
                                <p>{ f.why.get(lang) }</p>
                            </details>
                        </>
                    }
                }) }
                if let Some(error) = &report.error {
                    <span class="status error">{ error.message.get(lang) }</span>
                }
                <super::ExportMenu {lang} {owner} path={report.file.path.clone()}
                    offers={crate::export::offered(report)} kind={kind_id(report)} />
                // Everything the file holds, as for a file no source knows.
                <super::ScanButton {lang} {owner} path={report.file.path.clone()} id={format!("s-{key}")}
                    described={format!("n-{key}")} raw=true ask={report.scan.as_ref().is_none_or(|s| s.brief)} />
            </>
        };
    }
    // A file no source claims: what the scanner found in it, and the button to see it all.
    let scanned = report.scan.as_ref().map(|scan| {
        html! {
            <>
                { super::scan_line(lang, scan) }
                <super::ScanButton {lang} {owner} path={report.file.path.clone()} id={format!("s-{key}")}
                    described={format!("n-{key}")} ask={scan.brief} />
            </>
        }
    });
    match (&report.error, &report.kind) {
        (Some(error), _) => html! {
            <>
                <span class="status error">{ error.message.get(lang) }</span>
                { scanned.unwrap_or_default() }
            </>
        },
        (None, Kind::Unknown) => html! {
            <>
                <span class="status unknown">{ Text::KindUnknown.get(lang) }</span>
                { scanned.unwrap_or_default() }
            </>
        },
        (None, Kind::Source(id)) => {
            let name = report.name.as_ref().map_or(id.as_str(), |n| n.get(lang));
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

/// The row's header: the file's name, and its path in an archive. `id` names it for the row's
/// buttons, which it describes.
fn name_cell(path: &str, name: &str, nested: bool, id: Option<String>) -> Html {
    let class = classes!("file-name", nested.then_some("nested"));
    // A conversation's folder is named after someone: masked.
    let shown = crate::report::shown_path(path).unwrap_or_else(|| path.to_owned());
    html! {
        <th scope="row" {class} {id}>
            <span class="name">{ name.to_owned() }</span>
            if path != name {
                <span class="path">{ shown }</span>
            }
        </th>
    }
}

/// The row of one report, rendered again only when the report (compared by identity), the
/// language or its place changes: not at every message of the worker about other files.
fn report_row(lang: Lang, key: String, owner: u32, report: &Shared, nested: bool) -> Html {
    let row = key.clone();
    html! {
        <ReportRow {key} {lang} {row} {owner} report={report.clone()} {nested} />
    }
}

#[derive(Properties, PartialEq)]
struct ReportRowProps {
    lang: Lang,
    /// The row's key, from which the ids inside derive.
    row: String,
    owner: u32,
    report: Shared,
    nested: bool,
}

#[function_component]
fn ReportRow(props: &ReportRowProps) -> Html {
    let (lang, key, report) = (props.lang, &props.row, &props.report);
    let header = format!("n-{key}");
    html! {
        <tr>
            { name_cell(&report.file.path, report.file.name(), props.nested, Some(header)) }
            <td class="num">{ format_size(lang, report.file.size) }</td>
            <td>{ kind_cell(lang, key, props.owner, report) }</td>
        </tr>
    }
}

/// Rows of recognised files and problems shown at first under an archive, and added by each
/// "show more".
const PAGE: usize = 200;
/// From this many other files, only the rows on screen are rendered.
const VIRTUAL_FROM: usize = 100;
/// Rows rendered above and below the screen, so that scrolling never shows a blank.
const OVERSCAN: usize = 12;

/// A report, and the opened file that holds it.
type Owned<'a> = (u32, &'a Shared);

/// An archive's entries in the order shown: recognised files grouped by source, then problems,
/// then the rest, each in archive order.
struct Sections<'a> {
    recognised: Vec<(&'a str, Vec<Owned<'a>>)>,
    problems: Vec<Owned<'a>>,
    others: Vec<Owned<'a>>,
}

fn sections<'a>(reports: impl Iterator<Item = Owned<'a>>) -> Sections<'a> {
    let mut out = Sections {
        recognised: Vec::new(),
        problems: Vec::new(),
        others: Vec::new(),
    };
    for owned in reports {
        let report = owned.1;
        match (&report.kind, &report.error) {
            (Kind::Source(id), _) => match out.recognised.iter_mut().find(|(s, _)| s == id) {
                Some((_, list)) => list.push(owned),
                None => out.recognised.push((id.as_str(), vec![owned])),
            },
            (Kind::Unknown, Some(_)) => out.problems.push(owned),
            (Kind::Unknown, None) => out.others.push(owned),
        }
    }
    out.recognised.sort_by_key(|(id, _)| *id);
    out
}

fn section_row(key: String, title: String) -> Html {
    html! {
        <tr {key} class="section">
            <th colspan="3" scope="colgroup">{ title }</th>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct VirtualRowsProps {
    lang: Lang,
    rows: Rc<Vec<Shared>>,
    prefix: String,
    /// The opened file that holds them.
    owner: u32,
}

/// Rows of one fixed height, of which only those on screen (and a few around) are in the page:
/// the list stays smooth for an archive of 20,000 files. The page itself scrolls, so touch,
/// keyboard and screen readers scroll as they always do.
#[function_component]
fn VirtualRows(props: &VirtualRowsProps) -> Html {
    let n = props.rows.len();
    let top = use_node_ref();
    let sample = use_node_ref();
    let row_height = use_state_eq(|| 56.0_f64);
    let range = use_state_eq(|| (0, n.min(60)));
    {
        let (top, range) = (top.clone(), range.clone());
        use_effect_with((n, *row_height), move |&(n, height)| {
            let update = move || {
                let Some(start) = top.cast::<web_sys::Element>() else {
                    return;
                };
                let above = -start.get_bounding_client_rect().top();
                let screen = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(800.0);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // row counts
                let (first, shown) = (
                    (above / height).floor().max(0.0) as usize,
                    (screen / height).ceil().max(1.0) as usize,
                );
                let from = first.saturating_sub(OVERSCAN).min(n);
                range.set((from, (first + shown + OVERSCAN).clamp(from, n)));
            };
            update();
            let window = gloo::utils::window();
            let on_scroll = {
                let update = update.clone();
                EventListener::new(&window, "scroll", move |_| update())
            };
            let on_resize = EventListener::new(&window, "resize", move |_| update());
            move || drop((on_scroll, on_resize))
        });
    }
    {
        // Rows are as high as the person's font size makes them: measure one.
        let (sample, row_height) = (sample.clone(), row_height.clone());
        use_effect(move || {
            if let Some(row) = sample.cast::<web_sys::HtmlElement>() {
                let height = f64::from(row.offset_height());
                if height > 0.0 && (height - *row_height).abs() >= 1.0 {
                    row_height.set(height);
                }
            }
        });
    }
    let (from, to) = *range;
    #[allow(clippy::cast_precision_loss)] // row counts
    let (before, after) = (
        from as f64 * *row_height,
        n.saturating_sub(to) as f64 * *row_height,
    );
    let spacer = |key: &str, height: f64, node: Option<NodeRef>| {
        html! {
            <tr key={format!("{}-{key}", props.prefix)} class="spacer" aria-hidden="true"
                ref={node.unwrap_or_default()} style={format!("height: {height:.0}px")}>
                <td colspan="3"></td>
            </tr>
        }
    };
    let rows = props.rows.get(from..to).unwrap_or_default();
    html! {
        <>
            { spacer("before", before, Some(top)) }
            { for rows.iter().enumerate().map(|(i, report)| {
                let key = format!("{}-{}", props.prefix, from + i);
                let node = if i == 0 { sample.clone() } else { NodeRef::default() };
                html! {
                    <tr key={key.clone()} class="virtual" ref={node}>
                        { name_cell(&report.file.path, report.file.name(), true, Some(format!("n-{key}"))) }
                        <td class="num">{ format_size(props.lang, report.file.size) }</td>
                        <td>{ kind_cell(props.lang, &key, props.owner, report) }</td>
                    </tr>
                }
            }) }
            { spacer("after", after, None) }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct GroupRowsProps {
    lang: Lang,
    group: Group,
}

/// The rows of one item: a single file, or an archive (or the parts of a split export) with its
/// entries grouped by source.
#[function_component]
fn GroupRows(props: &GroupRowsProps) -> Html {
    let (lang, group) = (props.lang, &props.group);
    let shown = use_state(|| PAGE);
    let id = group.id();
    let done = group.is_done();
    let first = group.parts.first();
    if let (false, [entry]) = (group.is_archive(), group.parts.as_slice()) {
        return match (entry.reports.as_slice(), done) {
            ([report], true) => report_row(lang, id.to_string(), entry.id, report, false),
            _ => html! {
                <tr key={id.to_string()}>
                    { name_cell(&entry.file.path, entry.file.name(), false, None) }
                    <td class="num">{ format_size(lang, entry.file.size) }</td>
                    <td>{ reading(lang, entry) }</td>
                </tr>
            },
        };
    }
    let (path, name) = match (&group.stem, first) {
        (Some(stem), _) => (stem.clone(), export_parts(lang, stem, group.parts.len())),
        (None, Some(entry)) => (entry.file.path.clone(), entry.file.name().to_owned()),
        (None, None) => return Html::default(),
    };
    let busy = group.parts.iter().find(|p| p.status != FileStatus::Done);
    let sections = sections(
        group
            .parts
            .iter()
            .flat_map(|p| p.reports.iter().map(|r| (p.id, r))),
    );
    let total = group.reports().count();
    let mut head: Vec<Html> = Vec::new();
    for (source, reports) in &sections.recognised {
        let title = reports
            .first()
            .and_then(|(_, r)| r.name.as_ref())
            .map_or(*source, |n| n.get(lang));
        head.push(section_row(
            format!("{id}-s-{source}"),
            section(lang, title, reports.len()),
        ));
        head.extend(reports.iter().enumerate().map(|(i, (owner, r))| {
            report_row(lang, format!("{id}-{source}-{i}"), *owner, r, true)
        }));
    }
    if !sections.problems.is_empty() {
        let title = section(
            lang,
            Text::SectionProblems.get(lang),
            sections.problems.len(),
        );
        head.push(section_row(format!("{id}-s-problems"), title));
        head.extend(
            sections
                .problems
                .iter()
                .enumerate()
                .map(|(i, (owner, r))| report_row(lang, format!("{id}-p-{i}"), *owner, r, true)),
        );
    }
    let head_rows = head.len();
    let left = head_rows.saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let others = &sections.others;
    html! {
        <>
            <tr key={id.to_string()} class="archive">
                { name_cell(&path, &name, false, None) }
                <td class="num">{ format_size(lang, group.size()) }</td>
                <td>
                    if let Some(entry) = busy {
                        { reading(lang, entry) }
                    } else {
                        <span class="status">{ archive_summary(lang, total) }</span>
                    }
                    if !group.missing.is_empty() {
                        <span class="status error missing">{ missing_parts(lang, &group.missing) }</span>
                    }
                </td>
            </tr>
            { for head.into_iter().take(*shown) }
            if left > 0 {
                <tr key={format!("{id}-more")} class="more">
                    <td colspan="3">
                        <button type="button" class="button quiet" onclick={on_more}>
                            { show_more(lang, PAGE.min(left), left) }
                        </button>
                    </td>
                </tr>
            }
            if left == 0 && !others.is_empty() {
                { section_row(format!("{id}-s-others"), section(lang, Text::SectionOthers.get(lang), others.len())) }
                if others.len() >= VIRTUAL_FROM {
                    <VirtualRows key={format!("{id}-virtual")} {lang} prefix={format!("{id}-o")} owner={id}
                        rows={Rc::new(others.iter().map(|(_, r)| (*r).clone()).collect::<Vec<_>>())} />
                } else {
                    { for others.iter().enumerate().map(|(i, (owner, r))| report_row(lang, format!("{id}-o-{i}"), *owner, r, true)) }
                }
            }
        </>
    }
}

/// The opened files: name, size and detected kind; archives with their contents.
#[function_component]
pub fn FileList(props: &FileListProps) -> Html {
    let lang = props.lang;
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    // The file whose scan is open (its panel follows the table), and the button that opened it.
    let open = use_state_eq(|| None::<(u32, String, String)>);
    let scans = super::ScanContext {
        open: (*open).clone(),
        show: {
            let open = open.clone();
            Callback::from(move |which| open.set(which))
        },
        raw: props.on_raw.clone(),
    };
    let panel = open.as_ref().and_then(|(owner, path, opener)| {
        let report = props
            .files
            .iter()
            .filter(|f| f.id == *owner)
            .flat_map(|f| f.reports.iter())
            .find(|r| r.file.path == *path)?;
        let failed = props
            .scan_failed
            .as_ref()
            .is_some_and(|(o, p)| o == owner && p == path);
        let on_close = {
            let (open, opener) = (open.clone(), opener.clone());
            Callback::from(move |()| {
                open.set(None);
                // Back to the button that opened it, once the panel is gone; to the list's
                // heading if its row has scrolled out of a long list (and is not rendered).
                let opener = opener.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    let document = gloo::utils::document();
                    if let Some(target) = document
                        .get_element_by_id(&opener)
                        .or_else(|| document.get_element_by_id("files-title"))
                        .and_then(|e| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()
                        })
                    {
                        let _ = target.focus();
                    }
                })
                .forget();
            })
        };
        Some(html! { <super::ScanPanel {lang} owner={*owner} report={(**report).clone()} {failed} {on_close} /> })
    });
    html! {
        <ContextProvider<super::ScanContext> context={scans}>
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
                <table id="files"
                    data-points-kept={props.kept.map(|k| k.points.to_string())}
                    data-point-bytes={props.kept.map(|k| k.bytes.to_string())}
                    data-wasm-bytes={props.kept.map(|k| k.wasm_bytes.to_string())}>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::ColumnName.get(lang) }</th>
                            <th scope="col" class="num">{ Text::ColumnSize.get(lang) }</th>
                            <th scope="col">{ Text::ColumnKind.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for groups(&props.files).into_iter().map(|group| {
                            let key = group.id();
                            html! { <GroupRows {key} {lang} {group} /> }
                        }) }
                    </tbody>
                </table>
            </div>
            { panel.unwrap_or_default() }
        </section>
        </ContextProvider<super::ScanContext>>
    }
}
