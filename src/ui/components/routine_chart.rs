//! The hour × weekday map of time away from home, drawn by [`super::GridChart`].

use yew::prelude::*;

use super::grid_chart::GridChart;
use crate::charts::Grid;
use crate::i18n::{clock, percent, weekday_name, Lang, Text};
use crate::model::location::Routine;
use crate::ui::state::Part;

#[derive(Properties, PartialEq)]
pub struct RoutineChartProps {
    pub lang: Lang,
    /// Unique on the page: the title's id derives from it.
    pub id: AttrValue,
    pub routine: Part<Routine>,
}

/// The days and hours of a week, Monday first, as the grid's rows and columns.
pub fn week_grid(lang: Lang, values: Vec<Vec<Option<u8>>>) -> Grid {
    Grid {
        rows: (0..7).map(|d| weekday_name(lang, d).to_owned()).collect(),
        columns: (0..24_u16).map(|h| clock(lang, h * 60)).collect(),
        values,
    }
}

#[function_component(RoutineChart)]
pub fn routine_chart(props: &RoutineChartProps) -> Html {
    let lang = props.lang;
    let Some(routine) = props.routine.get() else {
        return Html::default();
    };
    let values: Vec<Vec<Option<u8>>> = routine.away.iter().map(|row| row.to_vec()).collect();
    let cells: Vec<Vec<Option<String>>> = values
        .iter()
        .map(|row| row.iter().map(|v| v.map(|p| percent(lang, p))).collect())
        .collect();
    let legend = vec![
        ("never".into(), Text::RoutineLegendNever.get(lang).into()),
        ("always".into(), Text::RoutineLegendAlways.get(lang).into()),
        ("none".into(), Text::RoutineNoData.get(lang).into()),
    ];
    html! {
        <GridChart {lang} id={props.id.clone()} kind="routine" grid={week_grid(lang, values)} {cells}
            title={Text::RoutineChartTitle.get(lang)} alt={Text::RoutineChartAlt.get(lang)} {legend} />
    }
}
