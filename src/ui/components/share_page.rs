//! "Share a part, on your terms" (issue 11): the person builds a mobility contribution from a
//! location file's report, reviews every value the file would hold in a table, removes any, and
//! downloads what is left with a summary of what it holds and does not. Nothing is sent; nothing
//! is kept once the page is left.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::contribute::{mobility, Contribution, Include, Removed, Row};
use crate::i18n::contribute::{about, row_cells, ShareText as T};
use crate::i18n::Lang;
use crate::model::{PositionSummary, Summary};
use crate::ui::state::FileEntry;

#[derive(Properties, PartialEq)]
pub struct SharePageProps {
    pub lang: Lang,
    /// The files as read (never masked: a contribution is made of the real values).
    pub files: Vec<FileEntry>,
    /// The presenter's mask is on: the values are not shown.
    #[prop_or_default]
    pub masked: bool,
}

/// The location reports a contribution can start from: their path and summary.
fn sources(files: &[FileEntry]) -> Vec<(String, &PositionSummary)> {
    files
        .iter()
        .flat_map(|f| f.reports.iter())
        .filter_map(|r| match &r.summary {
            Some(Summary::Positions(p)) if p.trips.is_some() || p.density.is_some() => {
                Some((r.file.path.clone(), p))
            }
            _ => None,
        })
        .collect()
}

/// 64 random bits.
fn random_u64() -> u64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // in 0..2^32
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (part() << 32) | part()
}

/// This month, `2026-11`.
fn this_month() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}", now.get_full_year(), now.get_month() + 1)
}

/// Moves focus to the element `id`; false if there is none.
fn focus(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

#[function_component]
pub fn SharePage(props: &SharePageProps) -> Html {
    let lang = props.lang;
    let t = |text: T| text.get(lang);
    let chosen = use_state(|| 0usize);
    let include = use_state(Include::default);
    let removed = use_state(Removed::default);
    let saved = use_state(|| false);
    // Drawn once while the page is open: the file's identifier (a facilitator counts a file
    // downloaded twice once; it says nothing about the person), and where the block hiding home
    // and work falls.
    let id = use_state(|| format!("{:016x}", random_u64()));
    let seed = use_state(random_u64);

    let sources = sources(&props.files);
    let heading = html! {
        <>
            <h1 id="share-title" tabindex="-1">{ t(T::Title) }</h1>
            <p class="lede">{ t(T::Intro) }</p>
        </>
    };
    let found = sources.get(*chosen).or(sources.first());
    let Some((_, summary)) = found.filter(|_| !props.masked) else {
        let why = if props.masked { T::Masked } else { T::NoFile };
        return html! {
            <section class="share-page" aria-labelledby="share-title">
                { heading }
                <p class="notice">{ t(why) }</p>
            </section>
        };
    };
    let (rows, left_out) = mobility(summary, *include, &removed, *seed);
    let kept: Vec<(usize, &Row)> = rows.iter().enumerate().collect();
    let lines = about(lang, &rows, left_out, removed.len());

    let on_source = {
        let (chosen, removed, saved) = (chosen.clone(), removed.clone(), saved.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok())
                .unwrap_or(0);
            chosen.set(value);
            removed.set(Removed::default());
            saved.set(false);
        })
    };
    let part = |label: T, id: &'static str, on: bool, set: fn(&mut Include, bool)| {
        let (include, saved) = (include.clone(), saved.clone());
        let onchange = Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let mut next = *include;
            set(&mut next, checked);
            include.set(next);
            saved.set(false);
        });
        html! {
            <div class="check">
                <input type="checkbox" {id} checked={on} {onchange} />
                <label for={id}>{ t(label) }</label>
            </div>
        }
    };
    let remove = |index: usize, row: &Row| {
        let (removed, saved, row) = (removed.clone(), saved.clone(), row.clone());
        Callback::from(move |_: MouseEvent| {
            let mut set = (*removed).clone();
            set.add(&row);
            removed.set(set);
            saved.set(false);
            // Focus goes to the button that took the row's place, or the one before, or the
            // table.
            gloo::timers::callback::Timeout::new(0, move || {
                let _ = focus(&format!("share-remove-{index}"))
                    || index > 0 && focus(&format!("share-remove-{}", index - 1))
                    || focus("share-review");
            })
            .forget();
        })
    };
    let on_restart = {
        let (removed, saved) = (removed.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            removed.set(Removed::default());
            saved.set(false);
        })
    };
    let on_download = {
        let (saved, kept_rows, lines, id) =
            (saved.clone(), rows.clone(), lines.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            let file = Contribution::mobility(
                (*id).clone(),
                this_month(),
                kept_rows.clone(),
                lines.clone(),
            );
            crate::ui::save::save_text(
                "reflet-contribution-mobilite.json",
                &file.to_json(),
                "application/json",
            );
            saved.set(true);
        })
    };

    html! {
        <section class="share-page" aria-labelledby="share-title">
            { heading }
            <form class="share-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                if sources.len() > 1 {
                    <p>
                        <label for="share-source">{ t(T::Source) }</label>
                        <select id="share-source" onchange={on_source}>
                            { for sources.iter().enumerate().map(|(i, (path, _))| html! {
                                <option value={i.to_string()} selected={i == *chosen}>{ path.clone() }</option>
                            }) }
                        </select>
                    </p>
                }
                <fieldset>
                    <legend>{ t(T::ReviewTitle) }</legend>
                    { part(T::PartKm, "share-km", include.km, |i, v| i.km = v) }
                    { part(T::PartCo2, "share-co2", include.co2, |i, v| i.co2 = v) }
                    { part(T::PartPlaces, "share-places", include.places, |i, v| i.places = v) }
                </fieldset>
            </form>
            <h2>{ t(T::ReviewTitle) }</h2>
            <p>{ t(T::ReviewHint) }</p>
            if kept.is_empty() {
                <p class="notice" id="share-review" tabindex="-1">{ t(T::Empty) }</p>
            } else {
                <div class="table-scroll">
                    <table class="grid-table share-table" id="share-review" tabindex="-1">
                        <caption class="visually-hidden">{ t(T::ReviewTitle) }</caption>
                        <thead><tr>
                            <th scope="col">{ t(T::ColumnWhat) }</th>
                            <th scope="col">{ t(T::ColumnWhen) }</th>
                            <th scope="col">{ t(T::ColumnValue) }</th>
                            <th scope="col">{ t(T::ColumnAction) }</th>
                        </tr></thead>
                        <tbody>
                            { for kept.iter().map(|(i, row)| {
                                let (what, when, value) = row_cells(lang, row);
                                let label = format!("{}{} {what}, {when}, {value}", t(T::Remove), crate::i18n::colon(lang));
                                html! {
                                    <tr key={*i}>
                                        <td>{ what }</td>
                                        <td>{ when }</td>
                                        <td class="number">{ value }</td>
                                        <td>
                                            <button type="button" class="button quiet" id={format!("share-remove-{i}")}
                                                aria-label={label} onclick={remove(*i, row)}>{ t(T::Remove) }</button>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !removed.is_empty() {
                <p><button type="button" class="button quiet" onclick={on_restart}>{ t(T::Restart) }</button></p>
            }
            <h2>{ t(T::AboutTitle) }</h2>
            <ul class="share-about">
                { for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
            </ul>
            <p>
                <button type="button" class="button primary" id="share-download"
                    disabled={kept.is_empty()} onclick={on_download}>{ t(T::Download) }</button>
            </p>
            <p role="status" class="share-status">
                if *saved { { t(T::Downloaded) } }
            </p>
        </section>
    }
}
