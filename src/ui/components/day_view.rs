//! The day view of a location file: pick a date, or step day by day, and see that day's stays and
//! trips in order (the map above draws its path); each trip's mode can be corrected, and every
//! finding and chart follows. The worker keeps the file's trips and positions and answers each
//! day asked ([`crate::worker::protocol::ToWorker::Day`]).

use yew::prelude::*;

use crate::i18n::day::{day_summary, long_date, stop_line, trip_line};
use crate::i18n::{colon, mode_name, Lang, Text};
use crate::model::day::{DayStop, DayView, PlaceSaid, StopPlace};
use crate::model::location::Mode;
use crate::ui::state::DayState;

/// What the app lends the day views and the maps: the day shown, and how to ask for another or
/// correct a trip (by the location file's path).
#[derive(Clone, PartialEq)]
pub struct DayContext {
    pub day: Option<DayState>,
    /// The presenter's mask is on: no day view (it shows exact places and times), nor its button.
    pub masked: bool,
    /// Opened files whose results were unlocked from this device: the worker has not read them,
    /// so it has no day to show.
    pub restored: Vec<u32>,
    /// A file's day: the opened file, the location file's path, and the date (`None`: the last
    /// day with data).
    pub ask: Callback<(u32, String, Option<String>)>,
    /// A trip's new mode: the file, its path, the trip, the mode, and the date shown.
    pub correct: Callback<(u32, String, u32, Mode, String)>,
    /// What a place is: the file, its path, where, what, and the date shown.
    pub relabel: Callback<(u32, String, [f64; 2], PlaceSaid, String)>,
    pub close: Callback<()>,
}

impl DayContext {
    /// Whether opened file `file` may show a day: not under the mask, nor when its results were
    /// unlocked from the device.
    pub fn offered(&self, file: u32) -> bool {
        !self.masked && !self.restored.contains(&file)
    }

    /// The day view of the file at `path` in opened file `file`, if it is the one open and it may
    /// show it ([`DayContext::offered`]).
    pub fn of(&self, file: u32, path: &str) -> Option<&DayState> {
        self.day
            .as_ref()
            .filter(|d| d.id == file && d.path == path && self.offered(file))
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
    /// The opened file that holds the location file, and its path.
    pub file: u32,
    pub path: AttrValue,
}

#[function_component(DayPanel)]
pub fn day_panel(props: &DayPanelProps) -> Html {
    let lang = props.lang;
    let heading = use_node_ref();
    let opener = use_node_ref();
    // Whether the day was open at the last render, and whether its own Close closed it: focus
    // goes to the day's heading when it opens, and back to "See a day" when closed from here
    // (not when another file's day takes its place).
    let was_open = use_mut_ref(|| false);
    let closed_here = use_mut_ref(|| false);
    let ctx = use_context::<DayContext>();
    let open = ctx
        .as_ref()
        .and_then(|c| c.of(props.file, &props.path))
        .is_some();
    {
        let (heading, opener) = (heading.clone(), opener.clone());
        let (was_open, closed_here) = (was_open.clone(), closed_here.clone());
        use_effect_with(open, move |&open| {
            let before = std::mem::replace(&mut *was_open.borrow_mut(), open);
            let target = match (before, open) {
                (false, true) => heading.cast::<web_sys::HtmlElement>(),
                (true, false) if closed_here.replace(false) => {
                    opener.cast::<web_sys::HtmlElement>()
                }
                _ => None,
            };
            if let Some(element) = target {
                let _ = element.focus();
            }
        });
    }
    let Some(ctx) = ctx.filter(|c| c.offered(props.file)) else {
        return Html::default();
    };
    let (file, path) = (props.file, props.path.to_string());
    let ask = |date: Option<String>| {
        let (ask, path) = (ctx.ask.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            // A step past the first or last day does nothing (the button says it is disabled,
            // and keeps the focus).
            if let Some(date) = date.clone() {
                ask.emit((file, path.clone(), Some(date)));
            }
        })
    };
    let Some(state) = ctx.of(file, &path) else {
        let (ask, path) = (ctx.ask.clone(), path.clone());
        let onclick = Callback::from(move |_: MouseEvent| ask.emit((file, path.clone(), None)));
        return html! {
            <p class="day-open">
                <button type="button" class="button quiet" id={format!("{}-open", props.id)}
                    ref={opener} {onclick}>{ Text::DayOpen.get(lang) }</button>
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
                ask.emit((file, path.clone(), Some(value)));
            }
        })
    };
    let close = {
        let close = ctx.close.clone();
        Callback::from(move |_: MouseEvent| {
            *closed_here.borrow_mut() = true;
            close.emit(());
        })
    };
    let (previous, next) = (
        view.and_then(|v| v.previous.clone()),
        view.and_then(|v| v.next.clone()),
    );
    let step = |text: Text, name: &'static str, to: Option<String>| {
        html! {
            <button type="button" class="button quiet" data-step={name}
                aria-disabled={if to.is_none() { "true" } else { "false" }}
                onclick={ask(to)}>{ text.get(lang) }</button>
        }
    };
    html! {
        <section class="day" aria-labelledby={title.clone()} data-day={date.clone()}
            aria-busy={if state.waiting { "true" } else { "false" }}>
            <h2 id={title} tabindex="-1" ref={heading}>
                { Text::DayTitle.get(lang) }
                if let Some(v) = view {
                    { format!("{} {}", colon(lang), long_date(lang, &v.date)) }
                }
            </h2>
            <div class="day-tools">
                { step(Text::DayPrevious, "previous", previous) }
                <label for={input.clone()}>{ Text::DayPick.get(lang) }</label>
                <input type="date" id={input} value={date.clone()}
                    min={view.map(|v| v.first.clone())} max={view.map(|v| v.last.clone())}
                    onchange={on_date} />
                { step(Text::DayNext, "next", next) }
                <button type="button" class="button quiet" data-step="close" onclick={close}>
                    { Text::DayClose.get(lang) }
                </button>
            </div>
            <div class="day-status" role="status">
                if state.waiting {
                    { Text::DayLoading.get(lang) }
                } else if state.gone {
                    <span class="status error">{ Text::DayGone.get(lang) }</span>
                } else if let Some(v) = view {
                    { day_summary(lang, v) }
                } else {
                    { Text::DayNothing.get(lang) }
                }
            </div>
            if let Some(v) = view {
                { timeline(lang, &props.id, (file, &path), v, &ctx) }
            }
        </section>
    }
}

/// What the person may say a place is, with its option's text; the first takes back what was
/// said of it.
const PLACES: [(PlaceSaid, Text); 5] = [
    (PlaceSaid::Unsaid, Text::PlaceAsFound),
    (PlaceSaid::Home, Text::PlaceMyHome),
    (PlaceSaid::Work, Text::PlaceMyWork),
    (PlaceSaid::OthersHome, Text::PlaceOthersHome),
    (PlaceSaid::NotMine, Text::PlaceNotMine),
];

/// The option a stay selects: what the person said of it, else what Reflet found.
fn place_value(stop: &DayStop) -> String {
    let said = stop.said.unwrap_or(match stop.place {
        StopPlace::Home => PlaceSaid::Home,
        StopPlace::Work => PlaceSaid::Work,
        StopPlace::OthersHome => PlaceSaid::OthersHome,
        StopPlace::Near { .. } | StopPlace::Unnamed => PlaceSaid::Unsaid,
    });
    value_of(said)
}

/// One row's select: a correction's choices, named by the row's label and text.
fn row_select(
    label: (&str, &str),
    text_id: &str,
    options: Vec<(String, String, bool)>,
    onchange: Callback<Event>,
) -> Html {
    let (id, label) = label;
    let label_id = format!("{id}-label");
    html! {
        <>
            <label for={id.to_owned()} id={label_id.clone()}>{ label.to_owned() }</label>
            <select id={id.to_owned()} aria-labelledby={format!("{label_id} {text_id}")} {onchange}>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option {value} {selected}>{ text }</option>
                }) }
            </select>
        </>
    }
}

/// What an option's value names, from a select's change.
fn chosen<T: serde::de::DeserializeOwned>(event: &Event) -> Option<T> {
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .and_then(|s| from_value(&s.value()))
}

/// The day's stays and trips in time order; each stay with what the person says it is, each
/// trip with its mode, to correct. Rows are keyed by day, so that a choice never stays shown on
/// another day's row.
fn timeline(
    lang: Lang,
    id: &str,
    (file, path): (u32, &str),
    view: &DayView,
    ctx: &DayContext,
) -> Html {
    // Stays sort by their start (a stay from the day before first), trips by theirs; a stay
    // that starts as a trip does goes first.
    let mut items: Vec<((&str, u8), Html)> = Vec::new();
    for (i, stop) in view.stops.iter().enumerate() {
        let at = stop.from.as_deref().unwrap_or("");
        let row = format!("{id}-stop-{i}");
        let onchange = {
            let (relabel, path, date, at) = (
                ctx.relabel.clone(),
                path.to_owned(),
                view.date.clone(),
                [stop.lat, stop.lng],
            );
            Callback::from(move |event: Event| {
                if let Some(said) = chosen(&event) {
                    relabel.emit((file, path.clone(), at, said, date.clone()));
                }
            })
        };
        let current = place_value(stop);
        let options = PLACES
            .iter()
            .map(|(said, text)| {
                let value = value_of(*said);
                let selected = value == current;
                (value, text.get(lang).to_owned(), selected)
            })
            .collect();
        let text_id = format!("{row}-text");
        items.push((
            (at, 0),
            html! {
                <li key={format!("{}-s-{i}", view.date)} class="day-stop" data-place={current}>
                    <span class="day-stop-text" id={text_id.clone()}>{ stop_line(lang, stop) }</span>
                    { row_select((&row, Text::DayPlaceIs.get(lang)), &text_id, options, onchange) }
                </li>
            },
        ));
    }
    for trip in &view.trips {
        let row = format!("{id}-trip-{}", trip.id);
        let onchange = {
            let (correct, path, date, trip) = (
                ctx.correct.clone(),
                path.to_owned(),
                view.date.clone(),
                trip.id,
            );
            Callback::from(move |event: Event| {
                if let Some(mode) = chosen(&event) {
                    correct.emit((file, path.clone(), trip, mode, date.clone()));
                }
            })
        };
        let mut modes: Vec<Mode> = MODES.to_vec();
        if !modes.contains(&trip.mode) {
            modes.push(trip.mode);
        }
        let options = modes
            .into_iter()
            .map(|m| (value_of(m), mode_name(lang, m).to_owned(), m == trip.mode))
            .collect();
        let text_id = format!("{row}-text");
        items.push((
            (trip.start.as_str(), 1),
            html! {
                <li key={format!("{}-t-{}", view.date, trip.id)} class="day-trip"
                    data-trip={trip.id.to_string()} data-mode={value_of(trip.mode)}>
                    <span class="day-trip-text" id={text_id.clone()}>{ trip_line(lang, trip) }</span>
                    { row_select((&row, Text::DayTripMode.get(lang)), &text_id, options, onchange) }
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
            if !view.trips.is_empty() || !view.stops.is_empty() {
                <p class="day-note">{ Text::DayCorrectHint.get(lang) }</p>
            }
            <ol class="day-timeline" aria-label={Text::DayTimeline.get(lang)}>
                { for items.into_iter().map(|(_, item)| item) }
            </ol>
        </>
    }
}
