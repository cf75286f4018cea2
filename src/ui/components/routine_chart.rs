//! The hour × weekday map of time away from home: a canvas drawn by [`crate::charts`], its title,
//! and the same values in a table, its text alternative.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::charts::{draw_grid, grid_text, Grid};
use crate::i18n::{clock, percent, weekday_name, Lang, Text};
use crate::model::location::Routine;

#[derive(Properties, PartialEq)]
pub struct RoutineChartProps {
    pub lang: Lang,
    pub routine: Routine,
}

fn grid(lang: Lang, routine: &Routine) -> Grid {
    Grid {
        rows: (0..7).map(|d| weekday_name(lang, d).to_owned()).collect(),
        columns: (0..24_u16).map(|h| clock(lang, h * 60)).collect(),
        values: routine.away.iter().map(|row| row.to_vec()).collect(),
    }
}

#[function_component(RoutineChart)]
pub fn routine_chart(props: &RoutineChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let grid = grid(lang, &props.routine);
    {
        let canvas = canvas.clone();
        use_effect_with(grid.clone(), move |grid| {
            if let Some(area) = canvas
                .cast::<web_sys::HtmlCanvasElement>()
                .and_then(CanvasBackend::with_canvas_object)
                .map(IntoDrawingArea::into_drawing_area)
            {
                // A drawing error leaves the canvas blank; the table below still holds every value.
                if draw_grid(&area, grid).is_ok() {
                    let _ = area.present();
                }
            }
        });
    }
    let rows = grid_text(&grid, &|p| percent(lang, p));
    html! {
        <figure class="chart">
            <figcaption>{ Text::RoutineChartTitle.get(lang) }</figcaption>
            <canvas ref={canvas} width="720" height="220" role="img"
                aria-label={Text::RoutineChartAlt.get(lang)}></canvas>
            <details>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                <div class="table-scroll" tabindex="0" role="region"
                    aria-label={Text::RoutineChartTitle.get(lang)}>
                    <table class="grid-table">
                        <caption class="visually-hidden">{ Text::RoutineChartTitle.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::RoutineTableDay.get(lang) }</th>
                                { for grid.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().map(|row| {
                                let mut cells = row.iter();
                                let day = cells.next().cloned().unwrap_or_default();
                                html! {
                                    <tr>
                                        <th scope="row">{ day }</th>
                                        { for cells.map(|c| html! { <td>{ c }</td> }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
