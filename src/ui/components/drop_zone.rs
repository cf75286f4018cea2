use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::app::Picked;
use crate::ui::state::Engine;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    pub lang: Lang,
    pub engine: Engine,
    /// Files are already listed: show a smaller "add more files" zone.
    pub compact: bool,
    pub on_files: Callback<Vec<Picked>>,
}

/// The path of a file inside a picked folder, or its name.
fn path_of(file: &File) -> String {
    Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

fn picked(list: Option<FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| Picked {
            path: path_of(&file),
            file,
        })
        .collect()
}

/// Folder picking needs `webkitdirectory`; iOS and iPadOS expose it but cannot pick folders.
fn folders_supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let Ok(input) = document.create_element("input") else {
        return false;
    };
    let navigator = window.navigator();
    let ua = navigator.user_agent().unwrap_or_default();
    let ios = ua.contains("iPhone")
        || ua.contains("iPad")
        || ua.contains("iPod")
        || (ua.contains("Macintosh") && navigator.max_touch_points() > 1);
    !ios && Reflect::has(&input, &"webkitdirectory".into()).unwrap_or(false)
}

/// Where files come in: drop them, or choose files or a folder. Large targets for fingers.
#[function_component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let lang = props.lang;
    let files_ref = use_node_ref();
    let folder_ref = use_node_ref();
    let dragging = use_state(|| false);
    let folders = use_memo((), |()| folders_supported());
    let ready = props.engine == Engine::Ready;

    // A file dropped beside the zone must not make the browser open it in place of Reflet (which
    // would end the session and show the file's contents): refuse drops everywhere else.
    use_effect_with((), |()| {
        let listeners = web_sys::window().map(|window| {
            let refuse = |event: &Event| {
                if let Some(drag) = event.dyn_ref::<DragEvent>() {
                    drag.prevent_default();
                }
            };
            [
                gloo::events::EventListener::new_with_options(
                    &window,
                    "dragover",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    refuse,
                ),
                gloo::events::EventListener::new_with_options(
                    &window,
                    "drop",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    refuse,
                ),
            ]
        });
        move || drop(listeners)
    });

    // `webkitdirectory` is not a standard attribute: set it on the element itself.
    {
        let folder_ref = folder_ref.clone();
        use_effect_with(*folders, move |_| {
            if let Some(input) = folder_ref.cast::<HtmlInputElement>() {
                input.set_webkitdirectory(true);
            }
        });
    }

    let on_change = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            on_files.emit(picked(input.files()));
            // Let the same file be chosen again after "Forget everything".
            input.set_value("");
        })
    };
    let open = |node: NodeRef| {
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, on_files) = (dragging.clone(), props.on_files.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let Some(transfer) = event.data_transfer().filter(|_| ready) else {
                return;
            };
            // Folders need the entries API; plain files come straight from the list.
            let roots = crate::ui::dropped::entries(&transfer);
            if roots.iter().any(web_sys::FileSystemEntry::is_directory) {
                let on_files = on_files.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    on_files.emit(crate::ui::dropped::collect(roots).await);
                });
            } else {
                on_files.emit(picked(transfer.files()));
            }
        })
    };

    let class = classes!(
        "drop-zone",
        props.compact.then_some("compact"),
        dragging.then_some("dragging"),
        (!ready).then_some("disabled"),
    );
    let status = match props.engine {
        Engine::Loading => {
            html! { <p class="engine-status" role="status">{ Text::EngineLoading.get(lang) }</p> }
        }
        Engine::Failed => {
            html! { <p class="engine-status error" role="alert">{ Text::EngineFailed.get(lang) }</p> }
        }
        Engine::Ready => html! {},
    };
    let title = if props.compact {
        Text::AddMoreFiles
    } else {
        Text::DropTitle
    };
    html! {
        <section {class} id="drop-zone" aria-labelledby="drop-title" aria-busy={(!ready).to_string()}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <h2 id="drop-title">{ title.get(lang) }</h2>
            if !props.compact {
                <p class="drop-hint">{ Text::DropHint.get(lang) }</p>
            }
            <p class="drop-here">{ Text::DropHere.get(lang) }</p>
            <div class="drop-actions">
                <button type="button" class="button primary" id="choose-files" disabled={!ready}
                    onclick={open(files_ref.clone())}>
                    { Text::ChooseFiles.get(lang) }
                </button>
                if *folders {
                    <button type="button" class="button" id="choose-folder" disabled={!ready}
                        onclick={open(folder_ref.clone())}>
                        { Text::ChooseFolder.get(lang) }
                    </button>
                }
            </div>
            { status }
            // Reached through the buttons above; hidden from assistive technology so that the
            // choice is not offered twice.
            <input type="file" multiple=true id="file-input" class="visually-hidden" tabindex="-1"
                aria-hidden="true" ref={files_ref} onchange={on_change.clone()} />
            if *folders {
                <input type="file" id="folder-input" class="visually-hidden" tabindex="-1"
                    aria-hidden="true" ref={folder_ref} onchange={on_change} />
            }
        </section>
    }
}
