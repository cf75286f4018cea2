//! The day view of a location file: pick a date, or step day by day, and see that day's stays and
//! trips in order (the map above draws its path); each trip's mode can be corrected, and every
//! finding and chart follows. The worker keeps the file's trips and positions and answers each
//! day asked ([`crate::worker::protocol::ToWorker::Day`]).

use yew::prelude::*;

use crate::i18n::day::{day_summary, long_date, stop_line, trip_line};
use crate::i18n::{mode_name, Lang, Text};
use crate::model::day::{DayStop, DayView, PlaceSaid, StopPlace};
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
    /// What a place is: the file's path, where, what, and the date shown.
    pub relabel: Callback<(String, [f64; 2], PlaceSaid, String)>,
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

/// A mode's or a place's name in the report (`cycling`, `others_home`): an option's value.
fn value_of<T: serde::Serialize>(value: T) -> String {
    serde_json::to_string(&value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

/// The mode or place an option's value names.
fn from_value<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
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
                { timeline(lang, &props.id, &path, v, &ctx) }
            }
        </section>
    }
}

/// What the person may say a place is, with its option's text.
const PLACES: [(PlaceSaid, Text); 4] = [
    (PlaceSaid::Home, Text::PlaceMyHome),
    (PlaceSaid::Work, Text::PlaceMyWork),
    (PlaceSaid::OthersHome, Text::PlaceOthersHome),
    (PlaceSaid::NotMine, Text::PlaceNotMine),
];

/// The option a stay's place selects: what it is now (no option for a town).
fn place_value(place: &StopPlace) -> String {
    match place {
        StopPlace::Home => value_of(PlaceSaid::Home),
        StopPlace::Work => value_of(PlaceSaid::Work),
        StopPlace::OthersHome => value_of(PlaceSaid::OthersHome),
        StopPlace::Near { .. } | StopPlace::Unnamed => String::new(),
    }
}

/// "This place is…": as found, my home, my work, someone else's home, neither.
fn place_select(
    lang: Lang,
    id: String,
    path: &str,
    date: &str,
    stop: &DayStop,
    relabel: &Callback<(String, [f64; 2], PlaceSaid, String)>,
) -> Html {
    let onchange = {
        let (relabel, path, date, at) = (
            relabel.clone(),
            path.to_owned(),
            date.to_owned(),
            [stop.lat, stop.lng],
        );
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value());
            let said: Option<PlaceSaid> = value.as_deref().and_then(from_value);
            if let Some(said) = said {
                relabel.emit((path.clone(), at, said, date.clone()));
            }
        })
    };
    let current = place_value(&stop.place);
    html! {
        <select {id} {onchange}>
            <option value="" selected={current.is_empty()} disabled=true>{ Text::PlaceAsFound.get(lang) }</option>
            { for PLACES.iter().map(|(said, text)| {
                let value = value_of(*said);
                let selected = value == current;
                html! { <option {selected} {value}>{ text.get(lang) }</option> }
            }) }
        </select>
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// The day's stays and trips in time order; each trip with its mode to correct.
fn timeline(lang: Lang, id: &str, path: &str, view: &DayView, ctx: &DayContext) -> Html {
    // Stays sort by their start (a stay from the day before first), trips by theirs; a stay
    // that starts as a trip does goes first.
    let mut items: Vec<((&str, u8), Html)> = Vec::new();
    for (i, stop) in view.stops.iter().enumerate() {
        let at = stop.from.as_deref().unwrap_or("");
        let select = format!("{id}-stop-{i}");
        items.push((
            (at, 0),
            html! {
                <li class="day-stop" data-place={place_value(&stop.place)}>
                    <span class="day-stop-text">{ stop_line(lang, stop) }</span>
                    <label for={select.clone()}>{ Text::DayPlaceIs.get(lang) }</label>
                    { place_select(lang, select, path, &view.date, stop, &ctx.relabel) }
                </li>
            },
        ));
    }
    let correct = &ctx.correct;
    for trip in &view.trips {
        let select = format!("{id}-trip-{}", trip.id);
        let onchange = {
            let (correct, path, date, trip) =
                (correct.clone(), path.to_owned(), view.date.clone(), trip.id);
            Callback::from(move |event: Event| {
                let value = event
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .map(|s| s.value());
                if let Some(mode) = value.as_deref().and_then(from_value) {
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
                <li class="day-trip" data-trip={trip.id.to_string()} data-mode={value_of(trip.mode)}>
                    <span class="day-trip-text">{ trip_line(lang, trip) }</span>
                    <label for={select.clone()}>{ Text::DayTripMode.get(lang) }</label>
                    <select id={select} {onchange}>
                        { for modes.into_iter().map(|m| html! {
                            <option value={value_of(m)} selected={m == trip.mode}>{ mode_name(lang, m) }</option>
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
