//! The hour × weekday map of a social file's dated actions, drawn by [`super::GridChart`]: the
//! darker the cell, the more actions at that hour on that weekday (Paris time).

use yew::prelude::*;

use super::grid_chart::GridChart;
use super::routine_chart::week_grid;
use crate::i18n::{format_count, Lang, Text};
use crate::model::social::Rhythm;

#[derive(Properties, PartialEq)]
pub struct RhythmChartProps {
    pub lang: Lang,
    /// Unique on the page: the title's id derives from it.
    pub id: AttrValue,
    pub rhythm: Rhythm,
    /// The chart's title, if not that of one file's actions.
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

#[function_component(RhythmChart)]
pub fn rhythm_chart(props: &RhythmChartProps) -> Html {
    let lang = props.lang;
    let counts = &props.rhythm.counts;
    let most = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    // Each cell's colour is its share of the busiest cell's actions.
    let values = counts
        .iter()
        .map(|row| {
            row.iter()
                .map(|n| u8::try_from(n * 100 / most).ok())
                .collect()
        })
        .collect();
    let cells: Vec<Vec<Option<String>>> = counts
        .iter()
        .map(|row| row.iter().map(|n| Some(format_count(lang, *n))).collect())
        .collect();
    let legend = vec![
        ("never".into(), Text::RhythmLegendNone.get(lang).into()),
        ("always".into(), Text::RhythmLegendMost.get(lang).into()),
    ];
    html! {
        <GridChart {lang} id={props.id.clone()} kind="rhythm" grid={week_grid(lang, values)} {cells}
            title={props.title.clone().unwrap_or_else(|| Text::RhythmChartTitle.get(lang).into())} alt={Text::RhythmChartAlt.get(lang)} {legend} />
    }
}
