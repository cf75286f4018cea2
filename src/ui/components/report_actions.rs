//! Under the results: keep and reuse them as a whole, the report as JSON (the versioned schema
//! of `docs/report-schema.md`, the same `inspect` prints) or a page to print or save as PDF.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::export::ExportText;
use crate::i18n::Lang;
use crate::report::Report;
use crate::ui::state::FileEntry;

#[derive(Properties, PartialEq)]
pub struct ReportActionsProps {
    pub lang: Lang,
    pub files: Vec<FileEntry>,
    /// Under the actions: keeping the results on this device (issue 11).
    #[prop_or_default]
    pub children: Html,
}

/// Opens every "How do we know?" so that the printed page gives the reasoning too, then prints
/// once the page has been laid out again.
fn print() {
    let document = gloo::utils::document();
    if let Ok(all) = document.query_selector_all("details.why") {
        for i in 0..all.length() {
            if let Some(details) = all
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                details.set_open(true);
            }
        }
    }
    gloo::timers::callback::Timeout::new(200, || {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    })
    .forget();
}

#[function_component]
pub fn ReportActions(props: &ReportActionsProps) -> Html {
    let lang = props.lang;
    let on_json = {
        let files = props.files.clone();
        Callback::from(move |_: MouseEvent| {
            let reports = files
                .iter()
                .flat_map(|f| f.reports.iter().map(|r| (**r).clone()))
                .collect();
            let json = Report::new(reports).to_compact_json();
            crate::ui::save::save_text("reflet-report.json", &json, "application/json");
        })
    };
    html! {
        <section class="report-actions" aria-labelledby="reuse-title">
            <h2 id="reuse-title">{ ExportText::ReportTitle.get(lang) }</h2>
            <p>{ ExportText::ReportHint.get(lang) }</p>
            <div class="actions">
                <button type="button" class="button" id="report-json" onclick={on_json}>
                    { ExportText::ReportJson.get(lang) }
                </button>
                <button type="button" class="button quiet" id="report-print" onclick={Callback::from(|_: MouseEvent| print())}>
                    { ExportText::Print.get(lang) }
                </button>
            </div>
            { props.children.clone() }
        </section>
    }
}
