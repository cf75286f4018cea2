//! "Ask for more": the page that writes a GDPR request letter (access, portability, objection,
//! erasure) to a company the person picks, or that a finding names.
//!
//! What the person types stays in this component's memory ([`LetterForm`]): nothing is stored,
//! nothing is sent, and it is gone when the page is left or cleared. The letter is rendered as a
//! text node only. Printing prints the letter alone (`styles/letters.css`); copying uses the
//! clipboard when the browser allows it; the `mailto:` link exists only once the person has
//! ticked the warning.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::letters::form::{Company, Edit, LetterForm, OTHER};
use crate::letters::text::{check_before_sending, published, right_label, LetterText as T};
use crate::letters::{LetterPrefill, Right, CONTACTS};

#[derive(Properties, PartialEq)]
pub struct LetterPageProps {
    pub lang: Lang,
    /// A finding's company and sentence, when the page is opened from one.
    #[prop_or_default]
    pub prefill: Option<LetterPrefill>,
}

/// The form's state, changed by one [`Edit`] at a time.
#[derive(PartialEq)]
struct FormState(LetterForm);

impl Reducible for FormState {
    type Action = Edit;
    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut form = self.0.clone();
        form.apply(edit);
        Rc::new(FormState(form))
    }
}

/// What the status line says, and how many times it has spoken (so that the same sentence
/// twice is still read again).
#[derive(Clone, Copy, PartialEq, Default)]
struct Status {
    text: Option<T>,
    count: u32,
}

/// Today's date, from the browser's clock: (year, month, day).
fn today() -> (i32, u32, u32) {
    let now = js_sys::Date::new_0();
    (
        i32::try_from(now.get_full_year()).unwrap_or_default(),
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The value of the input, textarea or select an event comes from.
fn value_of(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Whether the checkbox an event comes from is ticked.
fn checked(event: &Event) -> bool {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

/// "Ask for more": the four rights, the form, the letter, and how to send it.
#[function_component]
#[allow(clippy::too_many_lines)] // one page, read top to bottom
pub fn LetterPage(props: &LetterPageProps) -> Html {
    let lang = props.lang;
    let t = |text: T| text.get(lang);
    let form = use_reducer({
        let prefill = props.prefill.clone();
        move || FormState(LetterForm::new(prefill))
    });
    let status = use_state(Status::default);
    let date = *use_state(today);

    // Another finding opens the page while it is shown: its company and sentence replace the
    // company chosen (the first render already has them).
    {
        let form = form.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.prefill.clone(), move |prefill| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                form.dispatch(Edit::Prefill(prefill.clone()));
            }
        });
    }

    let f = &form.0;
    let letter = f.letter(lang, date);
    let mail = f.mailto(&letter);
    let recipient_email = f.recipient().email;

    let text_edit = |make: fn(String) -> Edit| {
        let form = form.clone();
        Callback::from(move |event: InputEvent| form.dispatch(make(value_of(&event))))
    };
    let on_company = {
        let form = form.clone();
        Callback::from(move |event: Event| form.dispatch(Edit::Company(value_of(&event))))
    };
    let on_include = {
        let form = form.clone();
        Callback::from(move |event: Event| form.dispatch(Edit::IncludeContext(checked(&event))))
    };
    let on_consent = {
        let form = form.clone();
        Callback::from(move |event: Event| form.dispatch(Edit::MailConsent(checked(&event))))
    };
    let say = {
        let status = status.clone();
        move |text: T| {
            status.set(Status {
                text: Some(text),
                count: status.count.wrapping_add(1),
            });
        }
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A browser without printing simply does nothing.
            let _ = window.print();
        }
    });
    let on_copy = {
        let say = say.clone();
        let text = letter.body.clone();
        Callback::from(move |_: MouseEvent| copy(&text, say.clone()))
    };
    let on_clear = {
        let (form, say) = (form.clone(), say.clone());
        Callback::from(move |_: MouseEvent| {
            form.dispatch(Edit::Clear);
            say(T::Cleared);
        })
    };
    let on_submit = Callback::from(|event: SubmitEvent| event.prevent_default());

    let status_text = status.text.map(|s| {
        // The same sentence twice in a row would not be read again.
        let text = s.get(lang).to_owned();
        if status.count.is_multiple_of(2) {
            text + "\u{a0}"
        } else {
            text
        }
    });

    let rights = Right::ALL.iter().map(|&right| {
        let id = format!("letter-right-{}", right.id());
        let form = form.clone();
        let onchange = Callback::from(move |_: Event| form.dispatch(Edit::Right(right)));
        html! {
            <div class="letter-choice" key={right.id()}>
                <input type="radio" name="letter-right" id={id.clone()} value={right.id()}
                    checked={f.right == right} {onchange} autocomplete="off" />
                <label for={id}>{ right_label(lang, right) }</label>
            </div>
        }
    });

    let company_value = f.company.value();
    let options = CONTACTS.iter().map(|c| {
        html! { <option key={c.id} value={c.id} selected={company_value == c.id}>{ c.name }</option> }
    });

    html! {
        <article class="letter-page" aria-labelledby="letter-title">
            <h1 id="letter-title" tabindex="-1">{ t(T::Title) }</h1>
            <p class="lead">{ t(T::Intro) }</p>
            <p class="letter-promise">{ t(T::NothingSent) }</p>

            <h2>{ t(T::RightsTitle) }</h2>
            <dl class="letter-rights">
                { for Right::ALL.iter().map(|&right| html! {
                    <div key={right.id()}>
                        <dt>{ right_label(lang, right) }</dt>
                        <dd>{ right.plainly(lang) }</dd>
                    </div>
                }) }
            </dl>

            <form class="letter-form" aria-labelledby="letter-form-title" autocomplete="off"
                onsubmit={on_submit}>
                <h2 id="letter-form-title">{ t(T::FormLabel) }</h2>
                <fieldset>
                    <legend>{ t(T::RightLegend) }</legend>
                    { for rights }
                </fieldset>

                <fieldset>
                    <legend>{ t(T::CompanyLegend) }</legend>
                    <div class="letter-field">
                        <label for="letter-company">{ t(T::CompanyLabel) }</label>
                        <select id="letter-company" autocomplete="off" onchange={on_company}>
                            <option value="" selected={f.company == Company::Unchosen}>{ t(T::CompanyChoose) }</option>
                            { for options }
                            <option value={OTHER} selected={f.company == Company::Other}>{ t(T::CompanyOther) }</option>
                        </select>
                    </div>
                    if f.company == Company::Other {
                        { field(Field::Line("letter-other-name"), t(T::OtherName), &f.other_name, None, text_edit(Edit::OtherName)) }
                        { field(Field::Area("letter-other-address"), t(T::OtherAddress), &f.other_address, None, text_edit(Edit::OtherAddress)) }
                        { field(Field::Email("letter-other-email"), t(T::OtherEmail), &f.other_email, Some(t(T::OtherEmailHint)), text_edit(Edit::OtherEmail)) }
                    }
                    if let Some(prefill) = &f.prefill {
                        if !prefill.context.get(lang).trim().is_empty() {
                            <div class="letter-why">
                                <h3>{ t(T::WhyTitle) }</h3>
                                <p>{ prefill.context.get(lang).to_owned() }</p>
                                { checkbox("letter-why-include", t(T::WhyInclude), f.include_context, None, on_include) }
                            </div>
                        }
                    }
                </fieldset>

                <fieldset>
                    <legend>{ t(T::DetailsLegend) }</legend>
                    <p class="letter-hint">{ t(T::DetailsNote) }</p>
                    { field(Field::Line("letter-name"), t(T::YourName), &f.requester.name, None, text_edit(Edit::Name)) }
                    { field(Field::Area("letter-address"), t(T::YourAddress), &f.requester.address, None, text_edit(Edit::Address)) }
                    { field(Field::Email("letter-email"), t(T::YourEmail), &f.requester.email, None, text_edit(Edit::Email)) }
                    { field(Field::Line("letter-account"), t(T::YourAccount), &f.requester.account, Some(t(T::YourAccountHint)), text_edit(Edit::Account)) }
                </fieldset>
            </form>

            <section class="letter-where" aria-labelledby="letter-where-title">
                <h2 id="letter-where-title">{ t(T::WhereTitle) }</h2>
                { where_to_send(lang, f) }
            </section>

            <section class="letter-preview" aria-labelledby="letter-preview-title">
                <h2 id="letter-preview-title">{ t(T::LetterTitle) }</h2>
                <pre class="letter-text" id="letter-text" tabindex="0"
                    aria-label={t(T::LetterLabel)}>{ letter.body.clone() }</pre>
            </section>

            <section class="letter-send" aria-labelledby="letter-send-title">
                <h2 id="letter-send-title">{ t(T::SendTitle) }</h2>
                <p>{ t(T::SendHow) }</p>
                <p>
                    { t(T::Deadline) }{ " " }
                    <a href="https://www.cnil.fr/fr/adresser-une-plainte" target="_blank"
                        rel="noopener noreferrer">
                        { t(T::CnilLink) }
                        <span class="visually-hidden">{ format!(" {}", t(T::NewTab)) }</span>
                    </a>
                </p>
                <div class="letter-actions">
                    <button type="button" class="button primary" onclick={on_print}>{ t(T::Print) }</button>
                    <button type="button" class="button" onclick={on_copy}>{ t(T::Copy) }</button>
                    <button type="button" class="button quiet" onclick={on_clear}>{ t(T::Clear) }</button>
                </div>
                <p class="letter-status" role="status" aria-live="polite">{ status_text.unwrap_or_default() }</p>

                <h3>{ t(T::MailTitle) }</h3>
                if recipient_email.is_some() {
                    <p id="letter-mail-warning" class="letter-warning">{ t(T::MailWarning) }</p>
                    { checkbox("letter-mail-consent", t(T::MailConsent), f.mail_consent, Some("letter-mail-warning"), on_consent) }
                    if let Some(href) = mail {
                        <a class="button" {href}>{ t(T::MailOpen) }</a>
                    } else {
                        <button type="button" class="button" disabled=true>{ t(T::MailOpen) }</button>
                    }
                } else {
                    <p>{ t(T::MailNoAddress) }</p>
                }
            </section>
        </article>
    }
}

/// The chosen company's published contact, with where it comes from; or how to find one.
fn where_to_send(lang: Lang, form: &LetterForm) -> Html {
    let t = |text: T| text.get(lang);
    let Some(contact) = form.contact() else {
        let typed = form.recipient();
        return match (&typed.email, typed.postal.is_empty()) {
            (None, true) => html! { <p>{ t(T::WhereNone) }</p> },
            _ => Html::default(),
        };
    };
    let new_tab = html! { <span class="visually-hidden">{ format!(" {}", t(T::NewTab)) }</span> };
    html! {
        <>
            <ul class="letter-ways">
                if let Some(form_url) = contact.web_form {
                    <li>
                        <a href={form_url} target="_blank" rel="noopener noreferrer">
                            { t(T::WhereForm) }{ new_tab.clone() }
                        </a>
                    </li>
                }
                if let Some(email) = contact.email {
                    <li>{ format!("{}{} ", t(T::WhereEmail), crate::i18n::colon(lang)) }<span class="letter-address">{ email }</span></li>
                }
                if !contact.postal.is_empty() {
                    <li>
                        { format!("{}{}", t(T::WherePost), crate::i18n::colon(lang)) }
                        <span class="letter-postal">
                            <span>{ contact.legal_entity }</span>
                            { for contact.postal.iter().map(|line| html! { <span>{ *line }</span> }) }
                        </span>
                    </li>
                }
            </ul>
            <p class="letter-source">
                { published(lang, contact.checked) }{ " " }
                <a href={contact.source_url} target="_blank" rel="noopener noreferrer">
                    { t(T::PolicyLink) }{ new_tab }
                </a>
                { check_before_sending(lang) }
            </p>
        </>
    }
}

/// A text field's kind, with its element id.
#[derive(Clone, Copy)]
enum Field {
    Line(&'static str),
    Email(&'static str),
    Area(&'static str),
}

/// A labelled text field, never filled in by the browser, with an optional hint under it.
fn field(
    kind: Field,
    label: &'static str,
    value: &str,
    hint: Option<&'static str>,
    oninput: Callback<InputEvent>,
) -> Html {
    let (Field::Line(id) | Field::Email(id) | Field::Area(id)) = kind;
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let value = value.to_owned();
    let input = match kind {
        Field::Area(_) => html! {
            <textarea {id} rows="3" autocomplete="off" {value} {oninput} />
        },
        Field::Line(_) | Field::Email(_) => {
            let kind = if matches!(kind, Field::Email(_)) {
                "email"
            } else {
                "text"
            };
            html! {
                <input {id} type={kind} autocomplete="off" aria-describedby={hint_id.clone()}
                    {value} {oninput} />
            }
        }
    };
    html! {
        <div class="letter-field">
            <label for={id}>{ label }</label>
            { input }
            if let (Some(hint), Some(hint_id)) = (hint, hint_id) {
                <p class="letter-hint" id={hint_id}>{ hint }</p>
            }
        </div>
    }
}

/// A labelled checkbox, optionally described by a warning.
fn checkbox(
    id: &'static str,
    label: &'static str,
    checked: bool,
    described: Option<&'static str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <div class="letter-choice">
            <input type="checkbox" {id} autocomplete="off" aria-describedby={described}
                {checked} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// Copies the letter with the clipboard, when the browser offers one here, and says how it went.
fn copy(text: &str, say: impl Fn(T) + 'static) {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    // Outside a secure context (or in an old browser) there is no clipboard: the getter gives
    // `undefined`.
    let Some(clipboard) = clipboard.filter(|c| !c.is_undefined() && !c.is_null()) else {
        say(T::CopyFailed);
        return;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => say(T::Copied),
            Err(_) => say(T::CopyFailed),
        }
    });
}
