//! A location file's map, drawn without tiles by [`crate::charts::map`]: the bundled basemap,
//! where the positions are (a heat layer), towns, home, work and the places of most time spent.
//! It pans and zooms by mouse (drag, wheel), touch (drag, pinch), keyboard (arrows, + and -, 0)
//! and buttons; the places it shows are listed under it, its text alternative.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart_canvas::{mark_drawn, ChartSave, Surface};

use crate::charts::map::{draw_map, heat_for, map_data, DayLayer, Layers, MapData, View};
use crate::i18n::{position, Lang, Text};
use crate::model::basemap::basemap;
use crate::model::PositionSummary;
use crate::ui::state::Part;

/// The map's height on screen, in CSS pixels.
const CSS_HEIGHT: f64 = 340.0;
/// A keyboard or button step: pixels panned, and the zoom factor.
const PAN_STEP: f64 = 80.0;
const ZOOM_STEP: f64 = 1.6;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub lang: Lang,
    /// Unique on the page: the ids inside derive from it.
    pub id: AttrValue,
    pub positions: Part<PositionSummary>,
    /// The opened file that holds the location file, and its path: the day view of that file,
    /// when open, is drawn over the map.
    pub file: u32,
    pub path: AttrValue,
}

/// The canvas's size in CSS pixels, from its width as last observed (reading it from the
/// element would force a layout of the page, as long as the results just added).
fn css_size(width: Option<f64>) -> (f64, f64) {
    (width.unwrap_or(600.0).max(200.0), CSS_HEIGHT)
}

/// Draws the map at the size it is shown, in device pixels.
fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    size: (f64, f64),
    view: &View,
    data: &MapData,
    day: Option<&DayLayer>,
) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
    let (width, height) = ((size.0 * dpr).round() as u32, (size.1 * dpr).round() as u32);
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let layers = Layers {
        basemap: basemap(),
        heat: heat_for(data, view),
        towns: &data.towns,
        markers: &data.markers,
        day,
    };
    if let Some(area) = CanvasBackend::with_canvas_object(canvas.clone())
        .map(|b| Surface::Canvas(b).into_drawing_area())
    {
        // A drawing error leaves the canvas as it was; the list below still says what is shown.
        if draw_map(&area, view, &layers, dpr).is_ok() {
            let _ = area.present();
        }
    }
    // For the end-to-end tests: the view drawn, and that it is drawn.
    let _ = canvas.set_attribute(
        "data-view",
        &format!(
            "{:.5},{:.5},{:.1}",
            view.lat, view.lng, view.pixels_per_degree
        ),
    );
    mark_drawn(canvas);
}

/// Draws a small map once on a canvas that is never shown, in a task of its own at start-up: the
/// browser compiles the drawing code on its first run (about 20 ms here), which would otherwise
/// lengthen the task that draws a file's first map (BENCHMARK.md T8: no main-thread task of
/// 50 ms while working). The basemap is decoded here too, by the first draw.
pub fn warm_up() {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    let Some(canvas) = canvas else {
        return;
    };
    canvas.set_width(64);
    canvas.set_height(64);
    let data = MapData {
        markers: vec![crate::charts::map::Marker {
            lat: 46.16,
            lng: -1.15,
            kind: crate::charts::map::MarkerKind::Home,
            radius_m: 300.0,
        }],
        fine: vec![crate::charts::map::Heat {
            lat: 46.16,
            lng: -1.16,
            size: 0.005,
            share: 1.0,
        }],
        coarse: Vec::new(),
        start: (46.0, -1.3, 46.3, -1.0),
        towns: vec![crate::model::location::MapTown {
            name: "·".to_owned(),
            lat: 46.16,
            lng: -1.15,
            population_at_least: 0,
        }],
    };
    let view = View::fit(data.start, (64.0, 64.0));
    if let Some(area) =
        CanvasBackend::with_canvas_object(canvas).map(|b| Surface::Canvas(b).into_drawing_area())
    {
        let layers = Layers {
            basemap: basemap(),
            heat: &data.fine,
            towns: &data.towns,
            markers: &data.markers,
            day: None,
        };
        let _ = draw_map(&area, &view, &layers, 1.0);
    }
}

/// What the pointers on the map are doing: their last positions, by pointer id.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
}

impl Gesture {
    /// The midpoint of two pointers and their distance.
    fn pinch(&self) -> Option<((f64, f64), f64)> {
        let mut it = self.pointers.values();
        let (a, b) = (it.next()?, it.next()?);
        let mid = (f64::midpoint(a.0, b.0), f64::midpoint(a.1, b.1));
        Some((mid, (a.0 - b.0).hypot(a.1 - b.1)))
    }
}

fn offset(event: &PointerEvent) -> (f64, f64) {
    (f64::from(event.offset_x()), f64::from(event.offset_y()))
}

#[function_component(MapView)]
pub fn map_view(props: &MapViewProps) -> Html {
    let lang = props.lang;
    let canvas = use_node_ref();
    // Built once per file (the page re-renders often while other files are read).
    let data = use_memo(props.positions.clone(), |p| {
        p.get().and_then(map_data).unwrap_or_default()
    });
    // The day shown of this file, if any: drawn over the map, which then fits it.
    let days = use_context::<super::DayContext>();
    let shown = days
        .as_ref()
        .and_then(|d| d.of(props.file, &props.path))
        .and_then(|d| d.view.clone());
    let day = use_memo(shown.clone(), |v| v.as_deref().map(DayLayer::of));
    let day_box = day.as_ref().as_ref().and_then(DayLayer::bbox);
    // The view is kept outside the render state, so that several events in one task (a touch
    // move carries both fingers) each build on the one before; a render then draws the latest.
    // `None` until the canvas is laid out: the first view fits the start box to it.
    let view = use_mut_ref(|| None::<View>);
    let redraw = use_force_update();
    let gesture = use_mut_ref(Gesture::default);
    // The canvas's width, as a resize observer reports it once the page is laid out.
    let width = use_mut_ref(|| None::<f64>);
    let size = {
        let width = width.clone();
        move || css_size(*width.borrow())
    };
    {
        let canvas = canvas.clone();
        let width = width.clone();
        let redraw = redraw.clone();
        use_effect_with((), move |()| {
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let observed = entries
                    .get(0)
                    .dyn_into::<web_sys::ResizeObserverEntry>()
                    .ok()
                    .map(|e| e.content_rect().width());
                if observed.is_some() && observed != *width.borrow() {
                    *width.borrow_mut() = observed;
                    redraw.force_update();
                }
            });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(c)) = (&observer, canvas.cast::<web_sys::Element>()) {
                o.observe(&c);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    // The first view: the day shown, else the file's start box.
    let start = {
        let data = data.clone();
        let size = size.clone();
        move || View::fit(day_box.unwrap_or(data.start), size())
    };
    {
        // A new day (or none any more): back to the first view, on it.
        let view = view.clone();
        let redraw = redraw.clone();
        let date = shown.as_ref().map(|v| v.date.clone());
        use_effect_with(date, move |_| {
            *view.borrow_mut() = None;
            redraw.force_update();
        });
    }
    {
        // Drawn in a task of its own after each render, once the page is laid out (see
        // `chart_canvas::use_drawing`).
        let canvas = canvas.clone();
        let data = data.clone();
        let view = view.clone();
        let start = start.clone();
        let width = width.clone();
        let size = size.clone();
        let day = day.clone();
        use_effect(move || {
            let timeout = gloo::timers::callback::Timeout::new(0, move || {
                let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
                    return;
                };
                // Not laid out yet: the resize observer draws it once it is.
                if width.borrow().is_none() {
                    return;
                }
                let current = *view.borrow();
                let current = current.unwrap_or_else(|| {
                    let first = start();
                    *view.borrow_mut() = Some(first);
                    first
                });
                draw(&element, size(), &current, &data, day.as_ref().as_ref());
            });
            move || drop(timeout)
        });
    }
    // The map as shown, drawn again as an SVG document for the person to save.
    let svg = {
        let (data, view, start, size, day) = (
            data.clone(),
            view.clone(),
            start.clone(),
            size.clone(),
            day.clone(),
        );
        Callback::from(move |()| {
            let current = view.borrow().unwrap_or_else(&start);
            let (width, height) = size();
            let mut svg = String::new();
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
                let backend = SVGBackend::with_string(&mut svg, (width as u32, height as u32));
                let area = Surface::Svg(backend).into_drawing_area();
                let layers = Layers {
                    basemap: basemap(),
                    heat: heat_for(&data, &current),
                    towns: &data.towns,
                    markers: &data.markers,
                    day: day.as_ref().as_ref(),
                };
                if draw_map(&area, &current, &layers, 1.0).is_ok() {
                    let _ = area.present();
                }
            }
            svg
        })
    };
    // Every change of view goes through here.
    let change = {
        let view = view.clone();
        let start = start.clone();
        Rc::new(move |f: &dyn Fn(View) -> View| {
            let current = (*view.borrow()).unwrap_or_else(&start);
            *view.borrow_mut() = Some(f(current));
            redraw.force_update();
        })
    };
    {
        // The wheel zooms the map, not the page: a listener that may prevent the default.
        let canvas = canvas.clone();
        let change = change.clone();
        let size = size.clone();
        use_effect_with((), move |()| {
            let listener = canvas.cast::<web_sys::HtmlCanvasElement>().map(|element| {
                EventListener::new_with_options(
                    &element,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        // With Ctrl (or ⌘) only, as a trackpad's pinch sends it: a plain wheel
                        // scrolls the page past the map.
                        let Some(event) = event
                            .dyn_ref::<WheelEvent>()
                            .filter(|e| e.ctrl_key() || e.meta_key())
                        else {
                            return;
                        };
                        event.prevent_default();
                        let at = (f64::from(event.offset_x()), f64::from(event.offset_y()));
                        let factor = (-event.delta_y() * 0.002).clamp(-1.0, 1.0).exp();
                        let size = size();
                        change(&|v| v.zoom_at(factor, at, size));
                    },
                )
            });
            move || drop(listener)
        });
    }
    let on_down = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            // A mouse drags with its main button only.
            if event.pointer_type() == "mouse" && event.button() != 0 {
                return;
            }
            if let Some(target) = event.target_dyn_into::<web_sys::Element>() {
                let _ = target.set_pointer_capture(event.pointer_id());
            }
            gesture
                .borrow_mut()
                .pointers
                .insert(event.pointer_id(), offset(&event));
        })
    };
    let on_move = {
        let gesture = gesture.clone();
        let change = change.clone();
        let size = size.clone();
        Callback::from(move |event: PointerEvent| {
            let id = event.pointer_id();
            let now = offset(&event);
            let mut g = gesture.borrow_mut();
            let Some(&before) = g.pointers.get(&id) else {
                return;
            };
            let pinch_before = g.pinch();
            g.pointers.insert(id, now);
            let size = size();
            match (pinch_before, g.pinch()) {
                // Two fingers: zoom by how far apart they moved, pan by their midpoint.
                (Some((mid0, d0)), Some((mid1, d1))) if d0 > 0.0 => {
                    let factor = d1 / d0;
                    change(&|v| {
                        v.pan(mid1.0 - mid0.0, mid1.1 - mid0.1, size)
                            .zoom_at(factor, mid1, size)
                    });
                }
                _ => change(&|v| v.pan(now.0 - before.0, now.1 - before.1, size)),
            }
        })
    };
    let on_up = {
        let gesture = gesture.clone();
        Callback::from(move |event: PointerEvent| {
            gesture.borrow_mut().pointers.remove(&event.pointer_id());
        })
    };
    let on_key = {
        let change = change.clone();
        let start = start.clone();
        let size = size.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Ctrl + and Ctrl 0 are the browser's zoom: leave them to it.
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let size = size();
            let centre = (size.0 / 2.0, size.1 / 2.0);
            let step: Option<Box<dyn Fn(View) -> View>> = match event.key().as_str() {
                "ArrowLeft" => Some(Box::new(move |v: View| v.pan(PAN_STEP, 0.0, size))),
                "ArrowRight" => Some(Box::new(move |v: View| v.pan(-PAN_STEP, 0.0, size))),
                "ArrowUp" => Some(Box::new(move |v: View| v.pan(0.0, PAN_STEP, size))),
                "ArrowDown" => Some(Box::new(move |v: View| v.pan(0.0, -PAN_STEP, size))),
                "+" | "=" => Some(Box::new(move |v: View| v.zoom_at(ZOOM_STEP, centre, size))),
                "-" | "_" => Some(Box::new(move |v: View| {
                    v.zoom_at(1.0 / ZOOM_STEP, centre, size)
                })),
                "0" => {
                    let start = start.clone();
                    Some(Box::new(move |_| start()))
                }
                _ => None,
            };
            if let Some(step) = step {
                event.prevent_default();
                change(&*step);
            }
        })
    };
    let button = |text: Text, f: Rc<dyn Fn(View) -> View>| {
        let change = change.clone();
        let onclick = Callback::from(move |_: MouseEvent| change(&*f));
        html! { <button type="button" class="button quiet" {onclick}>{ text.get(lang) }</button> }
    };
    let centre = {
        let size = size.clone();
        move || {
            let s = size();
            (s, (s.0 / 2.0, s.1 / 2.0))
        }
    };
    let zoom_in = {
        let centre = centre.clone();
        Rc::new(move |v: View| {
            let (s, c) = centre();
            v.zoom_at(ZOOM_STEP, c, s)
        })
    };
    let zoom_out = Rc::new(move |v: View| {
        let (s, c) = centre();
        v.zoom_at(1.0 / ZOOM_STEP, c, s)
    });
    let reset = {
        let start = start.clone();
        Rc::new(move |_: View| start())
    };
    let title = format!("{}-title", props.id);
    let hint = format!("{}-hint", props.id);
    html! {
        <figure class="chart map" aria-labelledby={title.clone()} data-chart="map">
            <figcaption id={title.clone()}>{ Text::MapTitle.get(lang) }</figcaption>
            <div class="map-tools">
                { button(Text::MapZoomIn, zoom_in) }
                { button(Text::MapZoomOut, zoom_out) }
                { button(Text::MapReset, reset) }
            </div>
            // An application, not an image: screen readers then pass the arrow keys to it.
            <canvas ref={canvas.clone()} width="720" height="340" tabindex="0" role="application"
                aria-roledescription={Text::MapRole.get(lang)}
                aria-label={Text::MapAlt.get(lang)} aria-describedby={hint.clone()}
                onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up.clone()}
                onlostpointercapture={on_up} onkeydown={on_key}></canvas>
            <p class="map-hint" id={hint}>{ Text::MapHint.get(lang) }</p>
            <ChartSave {lang} name="reflet-map" title={Text::MapTitle.get(lang)} {canvas} {svg} />
            { props.positions.get().map(|p| places(lang, p)) }
            <p class="map-credits">{ Text::MapCredits.get(lang) }</p>
        </figure>
    }
}

/// The places the map marks, in words: its text alternative.
fn places(lang: Lang, p: &PositionSummary) -> Html {
    let mut items: Vec<String> = Vec::new();
    if let Some(home) = p.home.as_ref().filter(|h| h.nights_total >= 3) {
        items.push(format!(
            "{}{}",
            Text::MapHome.get(lang),
            position(lang, home.lat, home.lng)
        ));
    }
    if let Some(work) = p.work.as_ref().filter(|w| w.days_total >= 3) {
        items.push(format!(
            "{}{}",
            Text::MapWork.get(lang),
            position(lang, work.lat, work.lng)
        ));
    }
    for place in &p.places {
        let at = place.lat.zip(place.lng).map(|(a, b)| position(lang, a, b));
        let name = match (&place.name, at) {
            (Some(name), Some(at)) => format!("{name} ({at})"),
            (None, Some(at)) => at,
            // Not on the map without a position.
            (_, None) => continue,
        };
        items.push(format!("{}{name}", Text::MapPlace.get(lang)));
    }
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="map-places">
            { for items.into_iter().map(|item| html! { <li>{ item }</li> }) }
        </ul>
    }
}
