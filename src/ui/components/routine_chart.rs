//! The hour × weekday map of time away from home: a canvas drawn by [`crate::charts`], its title,
//! and the same values in a table, its text alternative.

use yew::prelude::*;

use super::chart_canvas::{sized_area, use_details_open, use_drawing};

use crate::charts::{draw_grid, grid_text, Fit, Grid};
use crate::i18n::{clock, percent, weekday_name, Lang, Text};
use crate::model::location::Routine;

/// The chart's height on screen, in CSS pixels.
const CSS_HEIGHT: f64 = 190.0;

#[derive(Properties, PartialEq)]
pub struct RoutineChartProps {
    pub lang: Lang,
    /// Unique on the page: the title's id derives from it.
    pub id: AttrValue,
    pub routine: Routine,
}

fn grid(lang: Lang, routine: &Routine) -> Grid {
    Grid {
        rows: (0..7).map(|d| weekday_name(lang, d).to_owned()).collect(),
        columns: (0..24_u16).map(|h| clock(lang, h * 60)).collect(),
        values: routine.away.iter().map(|row| row.to_vec()).collect(),
    }
}

/// Draws the grid on the canvas, at the size it is shown.
fn draw(element: &web_sys::HtmlCanvasElement, grid: &Grid) {
    let Some((area, dpr, css_width)) = sized_area(element, CSS_HEIGHT) else {
        return;
    };
    let fit = Fit {
        scale: dpr,
        label_every: match css_width {
            w if w < 300.0 => 12,
            w if w < 420.0 => 6,
            _ => 3,
        },
    };
    // A drawing error leaves the canvas blank; the table still holds every value.
    if draw_grid(&area, grid, fit).is_ok() {
        let _ = area.present();
    }
}

#[function_component(RoutineChart)]
pub fn routine_chart(props: &RoutineChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let grid = grid(lang, &props.routine);
    use_drawing(canvas.clone(), grid.clone(), draw);
    let (open, on_toggle) = use_details_open();
    let title = format!("{}-title", props.id);
    let table = if open {
        table(lang, &grid, &title)
    } else {
        Html::default()
    };
    html! {
        <figure class="chart" aria-labelledby={title.clone()} data-chart="routine">
            <figcaption id={title.clone()}>{ Text::RoutineChartTitle.get(lang) }</figcaption>
            <canvas ref={canvas} width="720" height="190" role="img"
                aria-label={Text::RoutineChartAlt.get(lang)}></canvas>
            <ul class="legend">
                <li><span class="swatch never"></span>{ Text::RoutineLegendNever.get(lang) }</li>
                <li><span class="swatch always"></span>{ Text::RoutineLegendAlways.get(lang) }</li>
                <li><span class="swatch none"></span>{ Text::RoutineNoData.get(lang) }</li>
            </ul>
            <details ontoggle={on_toggle}>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                { table }
            </details>
        </figure>
    }
}

/// The chart's values as a table, its text alternative.
fn table(lang: Lang, grid: &Grid, title: &str) -> Html {
    let rows = grid_text(grid, &|p| percent(lang, p));
    let no_data = html! {
        <>
            <span aria-hidden="true">{ "—" }</span>
            <span class="visually-hidden">{ Text::RoutineNoData.get(lang) }</span>
        </>
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title.to_owned()}>
            <table class="grid-table">
                <caption class="visually-hidden">{ Text::RoutineChartTitle.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Text::RoutineTableDay.get(lang) }</th>
                        { for grid.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().zip(&grid.values).map(|(row, values)| {
                        let mut cells = row.iter();
                        let day = cells.next().cloned().unwrap_or_default();
                        html! {
                            <tr>
                                <th scope="row">{ day }</th>
                                { for cells.zip(values).map(|(c, v)| match v {
                                    Some(_) => html! { <td>{ c }</td> },
                                    None => html! { <td>{ no_data.clone() }</td> },
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
