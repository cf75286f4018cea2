//! The hour × weekday map of time away from home: a canvas drawn by [`crate::charts`], its title,
//! and the same values in a table, its text alternative.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

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
fn draw(canvas: &NodeRef, grid: &Grid) {
    let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
        return;
    };
    // Drawn at the size it is shown, in device pixels: sharp text on any screen.
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let css_width = f64::from(element.client_width()).max(200.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
    let (width, height) = (
        (css_width * dpr).round() as u32,
        (CSS_HEIGHT * dpr).round() as u32,
    );
    element.set_width(width);
    element.set_height(height);
    let fit = Fit {
        scale: dpr,
        label_every: match css_width {
            w if w < 300.0 => 12,
            w if w < 420.0 => 6,
            _ => 3,
        },
    };
    if let Some(area) =
        CanvasBackend::with_canvas_object(element.clone()).map(IntoDrawingArea::into_drawing_area)
    {
        // A drawing error leaves the canvas blank; the table still holds every value.
        if draw_grid(&area, grid, fit).is_ok() {
            let _ = area.present();
        }
    }
    // For the end-to-end tests: the drawing is done (it happens a moment after the render).
    let _ = element.set_attribute("data-drawn", "");
}

#[function_component(RoutineChart)]
pub fn routine_chart(props: &RoutineChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let grid = grid(lang, &props.routine);
    {
        let canvas = canvas.clone();
        use_effect_with(grid.clone(), move |grid| {
            // Drawn in a task of its own, once the browser has laid the page out: drawing within
            // the render that added the results made one main-thread task of 40-50 ms (the
            // canvas's width forced a layout of the whole new list), which crossed BENCHMARK.md's
            // 50 ms (T8) on a busy machine.
            let grid = grid.clone();
            let timeout = gloo::timers::callback::Timeout::new(0, move || draw(&canvas, &grid));
            move || drop(timeout)
        });
    }
    // The table is built when it is opened: 7 × 24 cells that nobody sees (nor hears: a closed
    // `details` hides its content from screen readers too) made the render that adds a file's
    // results longer (BENCHMARK.md T8).
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    let title = format!("{}-title", props.id);
    let table = if *open {
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
