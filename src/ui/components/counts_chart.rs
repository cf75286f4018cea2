//! Counts over time as columns: off-platform events by month, relations begun by year. A canvas
//! drawn by [`crate::charts::draw_columns`], and the same values in a table, its text alternative.

use yew::prelude::*;

use super::chart_canvas::{use_details_open, use_drawing, Area, ChartSave};
use crate::charts::{draw_columns, Columns, Fit, Stack, ACCENT};
use crate::i18n::{format_count, Lang, Text};

/// The chart's height on screen, in CSS pixels.
const CSS_HEIGHT: f64 = 180.0;

#[derive(Properties, PartialEq)]
pub struct CountsChartProps {
    pub lang: Lang,
    /// Unique on the page: the title's id derives from it.
    pub id: AttrValue,
    /// For the end-to-end tests: which chart this is.
    pub kind: AttrValue,
    /// Each period (`2021-10`, `2021`) and its count, in order.
    pub counts: Vec<(String, u64)>,
    pub title: AttrValue,
    /// The canvas's text alternative.
    pub alt: AttrValue,
    /// The table's first column: the period's name.
    pub period: AttrValue,
}

/// Draws the columns, `css_width` CSS pixels wide at `dpr` pixels each.
fn draw(area: &Area<'_>, dpr: f64, css_width: f64, chart: &Columns) -> bool {
    // About 60 CSS pixels per label.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small counts
    let fits = ((css_width - 70.0) / 60.0).max(1.0) as usize;
    let label_every = u32::try_from(chart.columns.len().div_ceil(fits).max(1)).unwrap_or(1);
    let fit = Fit {
        scale: dpr,
        label_every,
    };
    draw_columns(area, chart, fit, &|v| format!("{v:.0}")).is_ok()
}

#[function_component(CountsChart)]
pub fn counts_chart(props: &CountsChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let chart = Columns {
        columns: props.counts.iter().map(|(p, _)| p.clone()).collect(),
        stacks: vec![Stack {
            label: props.title.to_string(),
            colour: ACCENT,
            values: props.counts.iter().map(|(_, n)| *n as f64).collect(),
        }],
    };
    let svg = use_drawing(canvas.clone(), chart, CSS_HEIGHT, draw);
    let (open, on_toggle) = use_details_open();
    let title = format!("{}-title", props.id);
    html! {
        <figure class="chart" aria-labelledby={title.clone()} data-chart={props.kind.clone()}>
            <figcaption id={title.clone()}>{ props.title.clone() }</figcaption>
            <canvas ref={canvas.clone()} width="720" height="180" role="img" aria-label={props.alt.clone()}></canvas>
            <ChartSave {lang} name={format!("reflet-chart-{}", props.kind)} title={props.title.clone()} {canvas} {svg} />
            <details ontoggle={on_toggle}>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                if open {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title.clone()}>
                        <table class="grid-table">
                            <caption class="visually-hidden">{ props.title.clone() }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ props.period.clone() }</th>
                                    <th scope="col">{ Text::ChartTotal.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for props.counts.iter().map(|(period, n)| html! {
                                    <tr>
                                        <th scope="row">{ period }</th>
                                        <td>{ format_count(lang, *n) }</td>
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
