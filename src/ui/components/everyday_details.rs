//! What follows the sentences of issue 9's everyday files: the meter's energy by month and its
//! day, hour by hour; the statement's spending by month and by category; an order history's
//! spending by month and order times; a chat's and a web history's months and rhythm; steps and
//! heart rate by month. Each chart has its values in a table (its text alternative), and the same
//! values are in the report that `inspect` prints.

use yew::prelude::*;

#[cfg(any(
    feature = "energy",
    feature = "money",
    feature = "chat",
    feature = "activity",
    feature = "health"
))]
use super::CountsChart;
#[cfg(any(feature = "chat", feature = "activity", feature = "money"))]
use super::RhythmChart;
use crate::i18n::Lang;
#[cfg(any(
    feature = "energy",
    feature = "money",
    feature = "chat",
    feature = "activity",
    feature = "health"
))]
use crate::i18n::Text;
use crate::model::Summary;

/// The chart that follows finding `finding` of an everyday file, if it has one. `key` is the
/// file row's key: ids derive from it.
pub fn everyday_detail(lang: Lang, key: &str, finding: &str, summary: &Summary) -> Html {
    match summary {
        #[cfg(feature = "energy")]
        Summary::Energy(e) => energy(lang, key, finding, e),
        #[cfg(feature = "money")]
        Summary::Money(m) => money(lang, key, finding, m),
        #[cfg(feature = "chat")]
        Summary::Chat(c) => months_and_rhythm(
            lang,
            key,
            (finding, "chat_volume", "chat_rhythm"),
            &c.months,
            c.rhythm.as_ref(),
            (
                Text::ChatMonthsTitle,
                Text::ChatMonthsAlt,
                Text::ChatRhythmTitle,
            ),
        ),
        #[cfg(feature = "activity")]
        Summary::Activity(a) => months_and_rhythm(
            lang,
            key,
            (finding, "activity_volume", "activity_hours"),
            &a.months,
            a.rhythm.as_ref(),
            (
                Text::ActivityMonthsTitle,
                Text::ActivityMonthsAlt,
                Text::ActivityRhythmTitle,
            ),
        ),
        #[cfg(feature = "health")]
        Summary::Health(h) => health(lang, key, finding, h),
        _ => {
            let _ = (lang, key, finding);
            Html::default()
        }
    }
}

/// Mean steps a day by month after the steps' sentence; the mean heart rate by month after the
/// heart's.
#[cfg(feature = "health")]
fn health(lang: Lang, key: &str, finding: &str, h: &crate::model::health::HealthSummary) -> Html {
    let (kind, counts, title, alt) = match (finding, &h.steps, &h.heart) {
        ("health_steps", Some(steps), _) => (
            "health_steps_months",
            steps.months.clone(),
            Text::HealthStepsTitle,
            Text::HealthStepsAlt,
        ),
        ("health_heart", _, Some(heart)) => (
            "health_heart_months",
            heart
                .months
                .iter()
                .map(|(m, mean, _)| (m.clone(), *mean))
                .collect(),
            Text::HealthHeartTitle,
            Text::HealthHeartAlt,
        ),
        _ => return Html::default(),
    };
    if counts.len() < 2 {
        // One month says no more than the sentence.
        return Html::default();
    }
    by_month(lang, key, kind, counts, title.get(lang), alt)
}

/// A count by month as columns (`kind` names the chart for the tests), its table under it.
#[cfg(any(
    feature = "energy",
    feature = "money",
    feature = "chat",
    feature = "activity",
    feature = "health"
))]
fn by_month(
    lang: Lang,
    key: &str,
    kind: &str,
    counts: Vec<(String, u64)>,
    title: impl Into<AttrValue>,
    alt: Text,
) -> Html {
    html! {
        <CountsChart {lang} id={format!("c-{key}-{kind}")} kind={kind.to_owned()} {counts}
            title={title.into()} alt={alt.get(lang)} period={Text::ChartMonth.get(lang)} />
    }
}

/// A count by month after the volume's sentence, the hour × weekday rhythm after the rhythm's.
#[cfg(any(feature = "chat", feature = "activity"))]
fn months_and_rhythm(
    lang: Lang,
    key: &str,
    (finding, volume, rhythm_id): (&str, &str, &str),
    months: &[(String, u64)],
    rhythm: Option<&crate::model::social::Rhythm>,
    (title, alt, rhythm_title): (Text, Text, Text),
) -> Html {
    if finding == volume && !months.is_empty() {
        by_month(
            lang,
            key,
            &format!("{volume}_months"),
            months.to_vec(),
            title.get(lang),
            alt,
        )
    } else if finding == rhythm_id {
        rhythm.cloned().map_or_else(Html::default, |rhythm| {
            html! {
                <RhythmChart {lang} id={format!("c-{key}-rhythm")} {rhythm}
                    title={AttrValue::from(rhythm_title.get(lang))} />
            }
        })
    } else {
        Html::default()
    }
}

/// Energy by month after the energy used; the mean power hour by hour, weekdays and weekends,
/// after the waking and bed times.
#[cfg(feature = "energy")]
fn energy(lang: Lang, key: &str, finding: &str, e: &crate::model::energy::EnergySummary) -> Html {
    use super::grid_chart::GridChart;
    use crate::charts::Grid;
    use crate::i18n::{clock, format_count};
    match finding {
        "energy_use" if !e.months.is_empty() => {
            let counts: Vec<(String, u64)> = e
                .months
                .iter()
                .map(|(month, wh)| (month.clone(), crate::i18n::energy::whole_kwh(*wh)))
                .collect();
            by_month(
                lang,
                key,
                "energy_months",
                counts,
                Text::EnergyMonthsTitle.get(lang),
                Text::EnergyMonthsAlt,
            )
        }
        "energy_rhythm" if e.profile_weekdays.len() == 24 || e.profile_weekends.len() == 24 => {
            let rows = [&e.profile_weekdays, &e.profile_weekends];
            let most = rows
                .iter()
                .flat_map(|r| r.iter())
                .copied()
                .max()
                .unwrap_or(0)
                .max(1);
            // An hour with no reading (a profile left empty) is "no data", not zero watts.
            let hour = |row: &Vec<u64>, h: usize| row.get(h).copied();
            let values: Vec<Vec<Option<u8>>> = rows
                .iter()
                .map(|row| {
                    (0..24)
                        .map(|h| hour(row, h).and_then(|w| u8::try_from(w * 100 / most).ok()))
                        .collect()
                })
                .collect();
            let cells: Vec<Vec<Option<String>>> = rows
                .iter()
                .map(|row| {
                    (0..24)
                        .map(|h| hour(row, h).map(|w| format!("{}\u{a0}W", format_count(lang, w))))
                        .collect()
                })
                .collect();
            let grid = Grid {
                rows: vec![
                    Text::EnergyWeekdays.get(lang).to_owned(),
                    Text::EnergyWeekends.get(lang).to_owned(),
                ],
                columns: (0..24_u16).map(|h| clock(lang, h * 60)).collect(),
                values,
            };
            let legend = vec![
                ("never".into(), Text::EnergyLegendLow.get(lang).into()),
                ("always".into(), Text::EnergyLegendHigh.get(lang).into()),
            ];
            html! {
                <GridChart {lang} id={format!("c-{key}-energy-day")} kind="energy_day" {grid} {cells}
                    title={Text::EnergyDayTitle.get(lang)} alt={Text::EnergyDayAlt.get(lang)} {legend} />
            }
        }
        _ => Html::default(),
    }
}

/// Spending by month after the money in and out; by category after the categories' sentence.
/// Amounts in whole units of the statement's currency, named in the title.
#[cfg(feature = "money")]
fn money(lang: Lang, key: &str, finding: &str, m: &crate::model::money::MoneySummary) -> Html {
    use crate::i18n::money::{category_name, whole_units as units};
    let titled = |text: Text| match &m.currency {
        Some(currency) => format!("{} ({currency})", text.get(lang)),
        None => text.get(lang).to_owned(),
    };
    match finding {
        // A statement's money in and out, or an order history's orders.
        "money_flow" | "amazon_orders" if !m.months.is_empty() => {
            let counts: Vec<(String, u64)> = m
                .months
                .iter()
                .map(|month| (month.month.clone(), units(month.money_out)))
                .collect();
            by_month(
                lang,
                key,
                "money_months",
                counts,
                titled(Text::MoneyMonthsTitle),
                Text::MoneyMonthsAlt,
            )
        }
        "money_categories" if !m.categories.is_empty() => {
            let counts: Vec<(String, u64)> = m
                .categories
                .iter()
                .map(|c| (category_name(lang, c.category).to_owned(), units(c.cents)))
                .collect();
            html! {
                <CountsChart {lang} id={format!("c-{key}-categories")} kind="money_categories" {counts}
                    title={titled(Text::MoneyCategoriesTitle)} alt={Text::MoneyCategoriesAlt.get(lang)}
                    period={Text::MoneyCategory.get(lang)} />
            }
        }
        // When an order history's orders were placed.
        "amazon_times" => m.rhythm.clone().map_or_else(Html::default, |rhythm| {
            html! { <RhythmChart {lang} id={format!("c-{key}-rhythm")} {rhythm} /> }
        }),
        _ => Html::default(),
    }
}
