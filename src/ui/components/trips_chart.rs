//! Distance or carbon per week, month or year, stacked by mode: a canvas drawn by
//! [`crate::charts`], a legend, a choice of period, and the same values in a table (its text
//! alternative).

use yew::prelude::*;

use super::chart_canvas::{use_details_open, use_drawing, Area, ChartSave};

use crate::charts::trips::{columns, mode_css, modes, number, table_rows, Measure, Scale};
use crate::charts::{draw_columns, Columns, Fit};
use crate::i18n::{mode_name, Lang, Text};
use crate::model::trips::TripSummary;
use crate::ui::state::Part;

/// The chart's height on screen, in CSS pixels.
const CSS_HEIGHT: f64 = 220.0;

#[derive(Properties, PartialEq)]
pub struct TripsChartProps {
    pub lang: Lang,
    /// Unique on the page: the ids inside derive from it.
    pub id: AttrValue,
    pub trips: Part<TripSummary>,
    pub measure: Measure,
}

/// Draws the columns, `css_width` CSS pixels wide at `dpr` pixels each.
fn draw(
    area: &Area<'_>,
    (dpr, css_width): (f64, f64),
    chart: &Columns,
    lang: Lang,
    unit: &'static str,
) -> bool {
    // About 60 CSS pixels per label.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small counts
    let fits = ((css_width - 70.0) / 60.0).max(1.0) as usize;
    let label_every = u32::try_from(chart.columns.len().div_ceil(fits).max(1)).unwrap_or(1);
    let fit = Fit {
        scale: dpr,
        label_every,
    };
    // Whole numbers from 10 up: "1500 km", "2,5 km".
    let label = |v: f64| {
        let text = if v >= 10.0 || v == 0.0 {
            format!("{v:.0}")
        } else {
            number(lang, v)
        };
        format!("{text} {unit}")
    };
    // A drawing error leaves the canvas blank; the table still holds every value.
    draw_columns(area, chart, fit, &label).is_ok()
}

#[function_component(TripsChart)]
pub fn trips_chart(props: &TripsChartProps) -> Html {
    let canvas = use_node_ref();
    let lang = props.lang;
    let trips = props.trips.get();
    let scale = use_state(|| trips.map_or(Scale::Week, Scale::default_for));
    let Some(trips) = trips else {
        return Html::default();
    };
    let chart = columns(lang, trips, props.measure, *scale);
    let (title_text, alt, unit) = match props.measure {
        Measure::Distance => (Text::TripsChartTitle, Text::TripsChartAlt, "km"),
        Measure::Carbon => (Text::Co2ChartTitle, Text::Co2ChartAlt, "kg"),
    };
    let svg = use_drawing(
        canvas.clone(),
        chart.clone(),
        CSS_HEIGHT,
        move |area, dpr, css_width, chart| draw(area, (dpr, css_width), chart, lang, unit),
    );
    let (open, on_toggle) = use_details_open();
    let title = format!("{}-title", props.id);
    let table = if open {
        table(lang, &chart, trips, props.measure, unit, &title)
    } else {
        Html::default()
    };
    let choices = Scale::ALL.iter().map(|&choice| {
        let label = match choice {
            Scale::Week => Text::PeriodWeek,
            Scale::Month => Text::PeriodMonth,
            Scale::Year => Text::PeriodYear,
        };
        let onchange = {
            let scale = scale.clone();
            Callback::from(move |_: Event| scale.set(choice))
        };
        html! {
            <label>
                <input type="radio" name={format!("{}-scale", props.id)}
                    checked={*scale == choice} {onchange} />
                { label.get(lang) }
            </label>
        }
    });
    html! {
        <figure class="chart" aria-labelledby={title.clone()} data-chart={match props.measure {
            Measure::Distance => "trips",
            Measure::Carbon => "co2",
        }}>
            <figcaption id={title.clone()}>{ title_text.get(lang) }</figcaption>
            <fieldset class="chart-scale">
                <legend>{ Text::ChartPeriod.get(lang) }</legend>
                { for choices }
            </fieldset>
            <canvas ref={canvas.clone()} width="720" height="220" role="img"
                aria-label={alt.get(lang)}></canvas>
            <ul class="legend">
                { for modes(trips, props.measure).into_iter().map(|mode| html! {
                    <li>
                        <span class="swatch" style={format!("background:{}", mode_css(mode))}></span>
                        { mode_name(lang, mode) }
                    </li>
                }) }
            </ul>
            <ChartSave {lang} name={format!("reflet-chart-{}", match props.measure {
                Measure::Distance => "trips",
                Measure::Carbon => "co2",
            })} title={title_text.get(lang)} {canvas} {svg} />
            <details ontoggle={on_toggle}>
                <summary>{ Text::RoutineTableShow.get(lang) }</summary>
                { table }
            </details>
        </figure>
    }
}

/// The chart's values as a table, its text alternative.
fn table(
    lang: Lang,
    chart: &Columns,
    trips: &TripSummary,
    measure: Measure,
    unit: &str,
    title: &str,
) -> Html {
    let rows = table_rows(lang, chart);
    let caption = match measure {
        Measure::Distance => Text::TripsChartTitle,
        Measure::Carbon => Text::Co2ChartTitle,
    };
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={title.to_owned()}>
            <table class="grid-table">
                <caption class="visually-hidden">{ caption.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Text::ChartPeriod.get(lang) }</th>
                        { for modes(trips, measure).into_iter().map(|m| html! {
                            <th scope="col">{ format!("{} ({unit})", mode_name(lang, m)) }</th>
                        }) }
                        <th scope="col">{ format!("{} ({unit})", Text::ChartTotal.get(lang)) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| {
                        let mut cells = row.iter();
                        let period = cells.next().cloned().unwrap_or_default();
                        html! {
                            <tr>
                                <th scope="row">{ period }</th>
                                { for cells.map(|c| html! { <td>{ c }</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
