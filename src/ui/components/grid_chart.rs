//! An hour × weekday heat map: a canvas drawn by [`crate::charts::draw_grid`], its title, a
//! legend, and the same values in a table, its text alternative. The routine's time away from
//! home and the rhythm of social activity are drawn with it.

use yew::prelude::*;

use super::chart_canvas::{use_details_open, use_drawing, Area, ChartSave};

use crate::charts::{draw_grid, Fit, Grid};
use crate::i18n::{Lang, Text};

/// The chart's height on screen, in CSS pixels.
const CSS_HEIGHT: f64 = 190.0;

#[derive(Properties, PartialEq)]
pub struct GridChartProps {
    pub lang: Lang,
    /// Unique on the page: the title's id derives from it.
    pub id: AttrValue,
    /// For the end-to-end tests: which chart this is.
    pub kind: AttrValue,
    /// The cells' colours (percent of the darkest), rows Monday first.
    pub grid: Grid,
    /// What each cell says in the table (`None`: no data), rows as in `grid`.
    pub cells: Vec<Vec<Option<String>>>,
    pub title: AttrValue,
    /// The canvas's text alternative: what it shows and where the table is.
    pub alt: AttrValue,
    /// Legend entries: a swatch's class (`never`, `always`, `none`) and its words.
    pub legend: Vec<(AttrValue, AttrValue)>,
}

/// Draws the grid, `css_width` CSS pixels wide at `dpr` pixels each.
fn draw(area: &Area<'_>, dpr: f64, css_width: f64, grid: &Grid) -> bool {
    let fit = Fit {
        scale: dpr,
        label_every: match css_width {
            w if w < 300.0 => 12,
            w if w < 420.0 => 6,
            _ => 3,
        },
    };
    // A drawing error leaves the canvas blank; the table still holds every value.
    draw_grid(area, grid, fit).is_ok()
}

#[function_component(GridChart)]
pub fn grid_chart(props: &GridChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let svg = use_drawing(canvas.clone(), props.grid.clone(), CSS_HEIGHT, draw);
    let (open, on_toggle) = use_details_open();
    let title = format!("{}-title", props.id);
    let table = if open {
        table(lang, props, &title)
    } else {
        Html::default()
    };
    html! {
        <figure class="chart" aria-labelledby={title.clone()} data-chart={props.kind.clone()}>
            <figcaption id={title.clone()}>{ props.title.clone() }</figcaption>
            <canvas ref={canvas.clone()} width="720" height="190" role="img"
                aria-label={props.alt.clone()}></canvas>
            <ul class="legend">
                { for props.legend.iter().map(|(class, words)| html! {
                    <li><span class={classes!("swatch", class.to_string())}></span>{ words.clone() }</li>
                }) }
            </ul>
            <ChartSave {lang} name={format!("reflet-chart-{}", props.kind)} title={props.title.clone()} {canvas} {svg} />
            <details ontoggle={on_toggle}>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                { table }
            </details>
        </figure>
    }
}

/// The chart's values as a table, its text alternative.
fn table(lang: Lang, props: &GridChartProps, title: &str) -> Html {
    let no_data = html! {
        <>
            <span aria-hidden="true">{ "—" }</span>
            <span class="visually-hidden">{ Text::RoutineNoData.get(lang) }</span>
        </>
    };
    let grid = &props.grid;
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title.to_owned()}>
            <table class="grid-table">
                <caption class="visually-hidden">{ props.title.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Text::RoutineTableDay.get(lang) }</th>
                        { for grid.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for grid.rows.iter().zip(&props.cells).map(|(day, cells)| html! {
                        <tr>
                            <th scope="row">{ day }</th>
                            { for cells.iter().map(|c| match c {
                                Some(text) => html! { <td>{ text }</td> },
                                None => html! { <td>{ no_data.clone() }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
