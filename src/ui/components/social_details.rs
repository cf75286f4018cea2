//! What follows a social finding's sentence: the devices and addresses of the logins, the
//! relations by year, everything a platform inferred, and the conversations, whose names stay
//! hidden until the person asks. Each is a `<details>` whose content is built when opened.

use yew::prelude::*;

use super::chart_canvas::use_details_open;
use crate::i18n::social::inferred_label;
use crate::i18n::{format_count, Lang, Text};
use crate::model::social::{Contacts, Conversation, Seen};

#[derive(Properties, PartialEq)]
pub struct LoginsProps {
    pub lang: Lang,
    pub devices: Vec<Seen>,
    pub ips: Vec<Seen>,
    /// Counts are uses (plays, logins) rather than logins alone: a streaming service's.
    #[prop_or_default]
    pub uses: bool,
}

/// Rows shown in a table at most; the rest are counted under it (all are in the report).
const ROWS: usize = 50;

/// How many rows are left out of a table, if any.
fn more_rows(lang: Lang, total: usize) -> Html {
    let more = total.saturating_sub(ROWS) as u64;
    if more == 0 {
        return Html::default();
    }
    html! { <p class="more-rows">{ crate::i18n::social::more_rows(lang, more) }</p> }
}

/// One table of devices or addresses: name, logins, first and last.
fn seen_table(lang: Lang, (caption, header, count): (Text, Text, Text), all: &[Seen]) -> Html {
    if all.is_empty() {
        return Html::default();
    }
    let rows = all.iter().take(ROWS);
    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "—".to_owned());
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.get(lang)}>
            <table class="grid-table">
                <caption>{ caption.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ header.get(lang) }</th>
                        <th scope="col">{ count.get(lang) }</th>
                        <th scope="col">{ Text::LoginsFirst.get(lang) }</th>
                        <th scope="col">{ Text::LoginsLast.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|s| html! {
                        <tr>
                            <th scope="row">{ &s.name }</th>
                            <td>{ format_count(lang, s.logins) }</td>
                            <td>{ date(&s.first) }</td>
                            <td>{ date(&s.last) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { more_rows(lang, all.len()) }
        </div>
    }
}

#[function_component(LoginsDetails)]
pub fn logins_details(props: &LoginsProps) -> Html {
    let lang = props.lang;
    let count = if props.uses {
        Text::MediaUses
    } else {
        Text::LoginsCount
    };
    let (open, on_toggle) = use_details_open();
    html! {
        <details class="social-details" data-details="logins" ontoggle={on_toggle}>
            <summary>{ Text::LoginsShow.get(lang) }</summary>
            if open {
                { seen_table(lang, (Text::LoginsDevices, Text::LoginsDevice, count), &props.devices) }
                { seen_table(lang, (Text::LoginsAddresses, Text::LoginsAddress, count), &props.ips) }
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContactsProps {
    pub lang: Lang,
    pub contacts: Vec<Contacts>,
}

/// The relations begun each year, one column per kind.
#[function_component(ContactsDetails)]
pub fn contacts_details(props: &ContactsProps) -> Html {
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    let mut years: Vec<i64> = props
        .contacts
        .iter()
        .flat_map(|c| c.years.iter().map(|(y, _)| *y))
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        return Html::default();
    }
    let cell = |c: &Contacts, year: i64| {
        let n = c
            .years
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(0, |(_, n)| *n);
        format_count(lang, n)
    };
    let kind = |c: &Contacts| {
        // "120 followers" without the number: the column's name.
        let words = crate::i18n::social::relation(lang, c.relation, 2);
        words
            .split_once('\u{a0}')
            .map_or(words.clone(), |(_, w)| w.to_owned())
    };
    html! {
        <details class="social-details" data-details="contacts" ontoggle={on_toggle}>
            <summary>{ Text::ContactsShow.get(lang) }</summary>
            if open {
                <div class="table-scroll" tabindex="0" role="region" aria-label={Text::ContactsShow.get(lang)}>
                    <table class="grid-table">
                        <caption class="visually-hidden">{ Text::ContactsCaption.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::ContactsYear.get(lang) }</th>
                                { for props.contacts.iter().map(|c| html! { <th scope="col">{ kind(c) }</th> }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for years.iter().map(|year| html! {
                                <tr>
                                    <th scope="row">{ year }</th>
                                    { for props.contacts.iter().map(|c| html! { <td>{ cell(c, *year) }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct InferencesProps {
    pub lang: Lang,
    pub inferred: Vec<(String, Vec<String>)>,
}

/// Every heading and value the platform wrote.
#[function_component(InferencesDetails)]
pub fn inferences_details(props: &InferencesProps) -> Html {
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    html! {
        <details class="social-details" data-details="inferences" ontoggle={on_toggle}>
            <summary>{ Text::InferencesShow.get(lang) }</summary>
            if open {
                <dl class="inferred">
                    { for props.inferred.iter().map(|(label, values)| html! {
                        <>
                            <dt>{ inferred_label(lang, label) }</dt>
                            { for values.iter().map(|v| html! { <dd>{ v }</dd> }) }
                        </>
                    }) }
                </dl>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct AdsProps {
    pub lang: Lang,
    /// Advertisers and their ads, most first.
    pub advertisers: Vec<(String, u64)>,
    /// Ads shown in all.
    pub ads: u64,
}

/// The advertisers who paid for the most ads shown.
#[function_component(AdsDetails)]
pub fn ads_details(props: &AdsProps) -> Html {
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    let share = |n: u64| {
        let p = (n * 100 + props.ads / 2) / props.ads.max(1);
        crate::i18n::percent(lang, u8::try_from(p).unwrap_or(100))
    };
    html! {
        <details class="social-details" data-details="ads" ontoggle={on_toggle}>
            <summary>{ Text::AdsShow.get(lang) }</summary>
            if open {
                <div class="table-scroll" tabindex="0" role="region" aria-label={Text::AdsShow.get(lang)}>
                    <table class="grid-table">
                        <caption>{ Text::AdsCaption.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::AdsAdvertiser.get(lang) }</th>
                                <th scope="col">{ Text::AdsCount.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for props.advertisers.iter().map(|(name, n)| html! {
                                <tr>
                                    <th scope="row">{ name }</th>
                                    <td>{ format!("{} ({})", format_count(lang, *n), share(*n)) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConversationsProps {
    pub lang: Lang,
    pub conversations: Vec<Conversation>,
}

/// The busiest conversations; their names are not in the page until the person asks.
#[function_component(ConversationsDetails)]
pub fn conversations_details(props: &ConversationsProps) -> Html {
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    let named = use_state(|| false);
    let on_names = {
        let named = named.clone();
        Callback::from(move |_: MouseEvent| named.set(!*named))
    };
    let name = |i: usize, c: &Conversation| {
        if *named {
            c.name.clone()
        } else {
            format!("{} {}", Text::ConversationsName.get(lang), i + 1)
        }
    };
    let sent = |c: &Conversation| {
        c.sent
            .map_or_else(|| "—".to_owned(), |n| format_count(lang, n))
    };
    html! {
        <details class="social-details" data-details="conversations" ontoggle={on_toggle}>
            <summary>{ Text::ConversationsShow.get(lang) }</summary>
            if open {
                <p>
                    if !*named {
                        <span class="names-hidden">{ Text::NamesHidden.get(lang) }</span>{ " " }
                    }
                    <button type="button" class="button quiet" aria-pressed={(*named).to_string()}
                        onclick={on_names}>{ Text::NamesShow.get(lang) }</button>
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label={Text::ConversationsShow.get(lang)}>
                    <table class="grid-table">
                        <caption class="visually-hidden">{ Text::ConversationsCaption.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::ConversationsName.get(lang) }</th>
                                <th scope="col">{ Text::ConversationsMessages.get(lang) }</th>
                                <th scope="col">{ Text::ConversationsSent.get(lang) }</th>
                                <th scope="col">{ Text::LoginsFirst.get(lang) }</th>
                                <th scope="col">{ Text::LoginsLast.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for props.conversations.iter().enumerate().map(|(i, c)| html! {
                                <tr>
                                    <th scope="row" data-conversation="">{ name(i, c) }</th>
                                    <td>{ format_count(lang, c.messages) }</td>
                                    <td>{ sent(c) }</td>
                                    <td>{ c.first.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                                    <td>{ c.last.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContactListsProps {
    pub lang: Lang,
    pub platform: crate::model::social::Platform,
    /// The advertisers who uploaded a list holding the person, as listed.
    pub holders: Vec<String>,
}

/// The advertisers who hold the person's contact details, each with a letter to ask them what
/// they hold and where they got it ("Ask for more", pre-filled).
#[function_component(ContactListsDetails)]
pub fn contact_lists_details(props: &ContactListsProps) -> Html {
    use crate::letters::text::{ask_them, uploaded_list};
    let lang = props.lang;
    let (open, on_toggle) = use_details_open();
    let letter = use_context::<super::ActContext>().map(|c| c.letter);
    html! {
        <details class="social-details" data-details="contact_lists" ontoggle={on_toggle}>
            <summary>{ ask_them(lang) }</summary>
            if open {
                <ul class="ask-list">
                    { for props.holders.iter().map(|name| {
                        let onclick = letter.clone().map(|letter| {
                            let (name, platform) = (name.clone(), props.platform.name());
                            letter.reform(move |_: MouseEvent| crate::letters::LetterPrefill {
                                company: name.clone(),
                                context: crate::i18n::Messages::from_fn(|l| uploaded_list(l, &name, platform)),
                            })
                        });
                        html! {
                            <li>
                                <span class="ask-name">{ name }</span>
                                <button type="button" class="button quiet" {onclick}
                                    aria-label={format!("{}, {name}", ask_them(lang))}>
                                    { ask_them(lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </details>
    }
}
