//! The portrait's figures (`across.portrait` of the report): the days each service saw the
//! person, as a timeline (a grid of services by days, drawn by [`crate::charts::draw_grid`]) with
//! its table, and what each service knows, as a table.

use yew::prelude::*;

use super::chart_canvas::{use_details_open, use_drawing, Area, ChartSave};
use crate::charts::{draw_grid, timeline_grid, Fit, Grid, TimelineRow};
use crate::i18n::day::long_date;
use crate::i18n::portrait::service_name;
use crate::i18n::{format_count, Lang, Text};
use crate::model::portrait::{Knows, Reach, ServiceDays};

/// Height of a row, and of the dates under the rows, in CSS pixels.
const ROW_HEIGHT: f64 = 28.0;
const AXIS_HEIGHT: f64 = 40.0;

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub lang: Lang,
    pub timeline: Vec<ServiceDays>,
}

fn draw(area: &Area<'_>, dpr: f64, _: f64, (grid, every): &(Grid, u32)) -> bool {
    let fit = Fit {
        scale: dpr,
        label_every: *every,
    };
    draw_grid(area, grid, fit).is_ok()
}

#[function_component(TimelineChart)]
pub fn timeline_chart(props: &TimelineChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let rows: Vec<TimelineRow> = props
        .timeline
        .iter()
        .map(|s| TimelineRow {
            label: service_name(lang, &s.service),
            runs: s.runs.runs().to_vec(),
        })
        .collect();
    #[allow(clippy::cast_precision_loss)] // a few rows
    let height = ROW_HEIGHT * rows.len() as f64 + AXIS_HEIGHT;
    let svg = use_drawing(canvas.clone(), timeline_grid(&rows), height, draw);
    let (open, on_toggle) = use_details_open();
    let title = "c-portrait-timeline-title";
    html! {
        <figure class="chart" aria-labelledby={title} data-chart="timeline">
            <figcaption id={title}>{ Text::TimelineChartTitle.get(lang) }</figcaption>
            <canvas ref={canvas.clone()} width="720" height="120" role="img" aria-label={Text::TimelineChartAlt.get(lang)}></canvas>
            <ChartSave {lang} name="reflet-chart-timeline" title={Text::TimelineChartTitle.get(lang)} {canvas} {svg} />
            <details ontoggle={on_toggle}>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                if open {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title}>
                        <table class="grid-table">
                            <caption class="visually-hidden">{ Text::TimelineChartTitle.get(lang) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ Text::TimelineService.get(lang) }</th>
                                    <th scope="col">{ Text::TimelineFirst.get(lang) }</th>
                                    <th scope="col">{ Text::TimelineLast.get(lang) }</th>
                                    <th scope="col">{ Text::TimelineDays.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for props.timeline.iter().map(|s| html! {
                                    <tr>
                                        <th scope="row">{ service_name(lang, &s.service) }</th>
                                        <td>{ long_date(lang, &s.first) }</td>
                                        <td>{ long_date(lang, &s.last) }</td>
                                        <td>{ format_count(lang, s.days) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </details>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct KnowsTableProps {
    pub lang: Lang,
    pub knows: Vec<Knows>,
}

/// Who knows what: a service a row, a kind of knowledge a column.
#[function_component(KnowsTable)]
pub fn knows_table(props: &KnowsTableProps) -> Html {
    let lang = props.lang;
    let yes_no = |b: bool| if b { Text::KnowsYes } else { Text::KnowsNo }.get(lang);
    let place = |r: Option<Reach>| match r {
        Some(Reach::Precise) => Text::KnowsPrecise.get(lang),
        Some(Reach::Approximate) => Text::KnowsApproximate.get(lang),
        None => Text::KnowsNo.get(lang),
    };
    let title = "t-portrait-knows-title";
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title} data-table="knows">
            <table class="grid-table knows-table">
                <caption id={title}>{ Text::KnowsTitle.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Text::TimelineService.get(lang) }</th>
                        <th scope="col">{ Text::KnowsWhere.get(lang) }</th>
                        <th scope="col">{ Text::KnowsInterests.get(lang) }</th>
                        <th scope="col">{ Text::KnowsContacts.get(lang) }</th>
                        <th scope="col">{ Text::KnowsHabits.get(lang) }</th>
                        <th scope="col">{ Text::KnowsMoney.get(lang) }</th>
                        <th scope="col">{ Text::KnowsHealth.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.knows.iter().map(|k| html! {
                        <tr>
                            <th scope="row">{ service_name(lang, &k.service) }</th>
                            <td>{ place(k.location) }</td>
                            <td>{ yes_no(k.interests) }</td>
                            <td>{ yes_no(k.contacts) }</td>
                            <td>{ yes_no(k.habits) }</td>
                            <td>{ yes_no(k.money) }</td>
                            <td>{ yes_no(k.health) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
