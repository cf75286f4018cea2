//! The facilitator's view (issue 11): several participants' contribution files put together,
//! offline, where any value or cell drawn from fewer than k people is withheld. The files are
//! read by the worker ([`crate::worker::protocol::ToWorker::Combine`]); this page keeps them
//! in memory only, to combine them again when k changes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::contribute::combine::{Combined, K_DEFAULT, K_MIN};
use crate::i18n::contribute::{
    cell_name, combined_line, file_problem, thousandths, ShareText as T,
};
use crate::i18n::trips::{km, mass};
use crate::i18n::{format_count, mode_name, Lang};
use crate::ui::state::Facilitation;

#[derive(Properties, PartialEq)]
pub struct FacilitatePageProps {
    pub lang: Lang,
    pub facilitation: Option<Facilitation>,
    /// Combine these files with this k.
    pub on_combine: Callback<(Vec<web_sys::File>, u32)>,
}

#[function_component]
pub fn FacilitatePage(props: &FacilitatePageProps) -> Html {
    let lang = props.lang;
    let t = |text: T| text.get(lang);
    let files: Rc<RefCell<Vec<web_sys::File>>> = use_mut_ref(Vec::new);
    let k = use_state(|| K_DEFAULT);

    let on_files = {
        let (files, k, on_combine) = (files.clone(), k.clone(), props.on_combine.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let list = input.files();
            let picked: Vec<web_sys::File> =
                (0..list.as_ref().map_or(0, web_sys::FileList::length))
                    .filter_map(|i| list.as_ref().and_then(|l| l.get(i)))
                    .collect();
            files.borrow_mut().clone_from(&picked);
            if !picked.is_empty() {
                on_combine.emit((picked, *k));
            }
        })
    };
    let on_k = {
        let (files, k, on_combine) = (files.clone(), k.clone(), props.on_combine.clone());
        Callback::from(move |e: Event| {
            let Some(value) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<u32>().ok())
            else {
                return;
            };
            let value = value.clamp(K_MIN, 1000);
            k.set(value);
            let picked = files.borrow().clone();
            if !picked.is_empty() {
                on_combine.emit((picked, value));
            }
        })
    };

    let busy = props.facilitation.as_ref().is_some_and(|f| f.busy);
    let problems = props
        .facilitation
        .as_ref()
        .map(|f| f.problems.clone())
        .unwrap_or_default();
    let combined = props.facilitation.as_ref().and_then(|f| f.combined.clone());

    html! {
        <section class="share-page" aria-labelledby="facilitate-title">
            <h1 id="facilitate-title" tabindex="-1">{ t(T::FacilitatorTitle) }</h1>
            <p class="lede">{ t(T::FacilitatorIntro) }</p>
            <form class="share-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <p>
                    <label for="facilitate-files">{ t(T::FacilitatorFiles) }</label>
                    <input type="file" id="facilitate-files" multiple=true accept=".json,application/json"
                        onchange={on_files} />
                </p>
                <p>
                    <label for="facilitate-k">{ t(T::FacilitatorK) }</label>
                    <input type="number" id="facilitate-k" min={K_MIN.to_string()} max="1000" step="1"
                        inputmode="numeric" value={k.to_string()} aria-describedby="facilitate-k-hint"
                        onchange={on_k} />
                    <span id="facilitate-k-hint" class="hint">{ t(T::FacilitatorKHint) }</span>
                </p>
            </form>
            <div role="status" class="share-status">
                if busy { { t(T::Reading) } }
                else if let Some(c) = &combined { { combined_line(lang, c) } }
            </div>
            if !problems.is_empty() {
                <ul class="share-problems">
                    { for problems.iter().map(|(name, kind)| html! {
                        <li>
                            if !name.is_empty() { <strong>{ name.clone() }</strong>{ crate::i18n::colon(lang) }{ " " } }
                            { file_problem(lang, *kind) }
                        </li>
                    }) }
                </ul>
            }
            if let Some(c) = combined {
                { results(lang, &c) }
            }
        </section>
    }
}

/// The combined picture: kilometres, carbon, and the grid of places, each shown only where at
/// least k people gave it.
fn results(lang: Lang, c: &Combined) -> Html {
    let t = |text: T| text.get(lang);
    let n = |v: u32| format_count(lang, u64::from(v));
    if c.km.is_empty() && c.co2.is_empty() && c.cells.is_empty() {
        return html! { <p class="notice">{ t(T::NothingShown) }</p> };
    }
    let (when, what, people, value) = (
        t(T::ColumnWhen),
        t(T::ColumnWhat),
        t(T::ColumnPeople),
        t(T::ColumnValue),
    );
    let km_rows = c.km.iter().map(|r| {
        let mode = mode_name(lang, r.mode).to_owned();
        vec![
            r.month.clone(),
            mode,
            n(r.people),
            km(lang, thousandths(r.km)),
        ]
    });
    let co2_rows = c
        .co2
        .iter()
        .map(|r| vec![r.month.clone(), n(r.people), mass(lang, thousandths(r.kg))]);
    let cell_rows = c
        .cells
        .iter()
        .map(|cell| vec![cell_name(lang, cell.row, cell.col), n(cell.people)]);
    html! {
        <>
            if !c.km.is_empty() {
                <h2>{ t(T::KmTitle) }</h2>
                { table("facilitate-km", t(T::KmTitle), &[when, what, people, value], km_rows, 2) }
            }
            if !c.co2.is_empty() {
                <h2>{ t(T::PartCo2) }</h2>
                { table("facilitate-co2", t(T::PartCo2), &[when, people, value], co2_rows, 1) }
            }
            if !c.cells.is_empty() {
                <h2>{ t(T::CellsTitle) }</h2>
                { heat_grid(lang, c) }
                { table("facilitate-cells", t(T::CellsTitle), &[t(T::ColumnCell), people], cell_rows, 1) }
            }
        </>
    }
}

/// A table under its heading (`title`, its hidden caption too); cells from column `numbers` on
/// are numbers.
fn table(
    id: &'static str,
    title: &'static str,
    head: &[&'static str],
    rows: impl Iterator<Item = Vec<String>>,
    numbers: usize,
) -> Html {
    html! {
        <div class="table-scroll"><table class="grid-table" {id}>
            <caption class="visually-hidden">{ title }</caption>
            <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
                { for rows.map(|row| html! {
                    <tr>{ for row.into_iter().enumerate().map(|(i, cell)| html! {
                        <td class={(i >= numbers).then_some("number")}>{ cell }</td>
                    }) }</tr>
                }) }
            </tbody>
        </table></div>
    }
}

/// The cells shown, as squares shaded by how many people go there (north up); nothing when they
/// are too far apart to draw (the table says it all).
fn heat_grid(lang: Lang, c: &Combined) -> Html {
    const MAX_SPAN: i64 = 80;
    let rows = c.cells.iter().map(|cell| cell.row);
    let cols = c.cells.iter().map(|cell| cell.col);
    let (Some(south), Some(north), Some(west), Some(east)) = (
        rows.clone().min(),
        rows.max(),
        cols.clone().min(),
        cols.max(),
    ) else {
        return html! {};
    };
    let (height, width) = (north - south + 1, east - west + 1);
    if height > MAX_SPAN || width > MAX_SPAN {
        return html! {};
    }
    let most = c
        .cells
        .iter()
        .map(|cell| cell.people)
        .max()
        .unwrap_or(1)
        .max(1);
    html! {
        <svg class="heat-grid" role="img" aria-label={T::GridAlt.get(lang)}
            viewBox={format!("-0.5 -0.5 {} {}", width + 1, height + 1)}>
            <rect class="heat-frame" x="-0.5" y="-0.5" width={(width + 1).to_string()} height={(height + 1).to_string()} />
            { for c.cells.iter().map(|cell| {
                let level = (cell.people * 4).div_ceil(most).clamp(1, 4);
                html! {
                    <rect class={format!("heat-{level}")} x={(cell.col - west).to_string()}
                        y={(north - cell.row).to_string()} width="1" height="1" />
                }
            }) }
        </svg>
    }
}
