//! The day view of a location file: pick a date, or step day by day, and see that day's stays and
//! trips in order (the map above draws its path); each trip's mode can be corrected, and every
//! finding and chart follows. The worker keeps the file's trips and positions and answers each
//! day asked ([`crate::worker::protocol::ToWorker::Day`]).

use yew::prelude::*;

use crate::i18n::day::{day_summary, long_date, stop_line, trip_line};
use crate::i18n::{mode_name, Lang, Text};
use crate::model::day::DayView;
use crate::model::location::Mode;
use crate::ui::state::DayState;

/// What the app lends the day views and the maps: the day shown, and how to ask for another or
/// correct a trip (by the location file's path).
#[derive(Clone, PartialEq)]
pub struct DayContext {
    pub day: Option<DayState>,
    /// A file's day: its path, and the date (`None`: the last day with data).
    pub ask: Callback<(String, Option<String>)>,
    /// A trip's new mode: the file's path, the trip, the mode, and the date shown.
    pub correct: Callback<(String, u32, Mode, String)>,
    pub close: Callback<()>,
}

impl DayContext {
    /// The day view of the file at `path`, if it is the one open.
    pub fn of(&self, path: &str) -> Option<&DayState> {
        self.day.as_ref().filter(|d| d.path == path)
    }
}

/// The modes a trip can be set to, in the order offered.
const MODES: [Mode; 11] = [
    Mode::Walking,
    Mode::Running,
    Mode::Cycling,
    Mode::Car,
    Mode::Motorcycle,
    Mode::Bus,
    Mode::Tram,
    Mode::Subway,
    Mode::Train,
    Mode::Ferry,
    Mode::Flying,
];

fn mode_value(mode: Mode) -> String {
    serde_json::to_string(&mode)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

fn mode_of(value: &str) -> Option<Mode> {
    serde_json::from_str(&format!("\"{value}\"")).ok()
}

#[derive(Properties, PartialEq)]
pub struct DayPanelProps {
    pub lang: Lang,
    /// Unique on the page: the ids inside derive from it.
    pub id: AttrValue,
    /// The location file's path.
    pub path: AttrValue,
}

#[function_component(DayPanel)]
pub fn day_panel(props: &DayPanelProps) -> Html {
    let lang = props.lang;
    let Some(ctx) = use_context::<DayContext>() else {
        return Html::default();
    };
    let path = props.path.to_string();
    let ask = |date: Option<String>| {
        let (ask, path) = (ctx.ask.clone(), path.clone());
        Callback::from(move |_: MouseEvent| ask.emit((path.clone(), date.clone())))
    };
    let Some(state) = ctx.of(&path) else {
        return html! {
            <p class="day-open">
                <button type="button" class="button quiet" id={format!("{}-open", props.id)}
                    onclick={ask(None)}>{ Text::DayOpen.get(lang) }</button>
            </p>
        };
    };
    let title = format!("{}-title", props.id);
    let input = format!("{}-date", props.id);
    let view = state.view.as_deref();
    let date = view.map(|v| v.date.clone()).unwrap_or_default();
    let on_date = {
        let (ask, path) = (ctx.ask.clone(), path.clone());
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            // A cleared field asks for nothing.
            if !value.is_empty() {
                ask.emit((path.clone(), Some(value)));
            }
        })
    };
    let close = ctx.close.reform(|_: MouseEvent| ());
    html! {
        <section class="day" aria-labelledby={title.clone()} data-day={date.clone()}
            aria-busy={if state.waiting { "true" } else { "false" }}>
            <h2 id={title}>
                { Text::DayTitle.get(lang) }
                if let Some(v) = view {
                    { format!("{} {}", colon(lang), long_date(lang, &v.date)) }
                }
            </h2>
            <div class="day-tools">
                <button type="button" class="button quiet" data-step="previous"
                    disabled={view.and_then(|v| v.previous.as_ref()).is_none()}
                    onclick={ask(view.and_then(|v| v.previous.clone()))}>
                    { Text::DayPrevious.get(lang) }
                </button>
                <label for={input.clone()}>{ Text::DayPick.get(lang) }</label>
                <input type="date" id={input} value={date.clone()}
                    min={view.map(|v| v.first.clone())} max={view.map(|v| v.last.clone())}
                    onchange={on_date} />
                <button type="button" class="button quiet" data-step="next"
                    disabled={view.and_then(|v| v.next.as_ref()).is_none()}
                    onclick={ask(view.and_then(|v| v.next.clone()))}>
                    { Text::DayNext.get(lang) }
                </button>
                <button type="button" class="button quiet" data-step="close" onclick={close}>
                    { Text::DayClose.get(lang) }
                </button>
            </div>
            <div class="day-status" role="status">
                if state.waiting {
                    { Text::DayLoading.get(lang) }
                } else if let Some(v) = view {
                    { day_summary(lang, v) }
                }
            </div>
            if state.gone {
                <p class="status error">{ Text::DayGone.get(lang) }</p>
            }
            if let Some(v) = view {
                { timeline(lang, &props.id, &path, v, &ctx.correct) }
            }
        </section>
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// The day's stays and trips in time order; each trip with its mode to correct.
fn timeline(
    lang: Lang,
    id: &str,
    path: &str,
    view: &DayView,
    correct: &Callback<(String, u32, Mode, String)>,
) -> Html {
    // Stays sort by their start (a stay from the day before first), trips by theirs; a stay
    // that starts as a trip does goes first.
    let mut items: Vec<((&str, u8), Html)> = Vec::new();
    for stop in &view.stops {
        let at = stop.from.as_deref().unwrap_or("");
        items.push((
            (at, 0),
            html! { <li class="day-stop">{ stop_line(lang, stop) }</li> },
        ));
    }
    for trip in &view.trips {
        let select = format!("{id}-trip-{}", trip.id);
        let onchange = {
            let (correct, path, date, trip) =
                (correct.clone(), path.to_owned(), view.date.clone(), trip.id);
            Callback::from(move |event: Event| {
                let value = event
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .map(|s| s.value());
                if let Some(mode) = value.as_deref().and_then(mode_of) {
                    correct.emit((path.clone(), trip, mode, date.clone()));
                }
            })
        };
        let mut modes: Vec<Mode> = MODES.to_vec();
        if !modes.contains(&trip.mode) {
            modes.push(trip.mode);
        }
        items.push((
            (trip.start.as_str(), 1),
            html! {
                <li class="day-trip" data-trip={trip.id.to_string()} data-mode={mode_value(trip.mode)}>
                    <span class="day-trip-text">{ trip_line(lang, trip) }</span>
                    <label for={select.clone()}>{ Text::DayTripMode.get(lang) }</label>
                    <select id={select} {onchange}>
                        { for modes.into_iter().map(|m| html! {
                            <option value={mode_value(m)} selected={m == trip.mode}>{ mode_name(lang, m) }</option>
                        }) }
                    </select>
                </li>
            },
        ));
    }
    items.sort_by(|a, b| a.0.cmp(&b.0));
    html! {
        <>
            if !view.path_kept {
                <p class="day-note">{ Text::DayNoPath.get(lang) }</p>
            }
            if !view.trips.is_empty() {
                <p class="day-note">{ Text::DayCorrectHint.get(lang) }</p>
            }
            <ol class="day-timeline" aria-label={Text::DayTimeline.get(lang)}>
                { for items.into_iter().map(|(_, item)| item) }
            </ol>
        </>
    }
}
