//! What the charts' components share: a canvas drawn at the size it is shown, in its own task,
//! and a table of values built when its `<details>` is opened.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

/// The canvas resized to its width on screen and `css_height`, in device pixels (sharp text on
/// any screen): its drawing area, the device pixel ratio and its width in CSS pixels.
pub fn sized_area(
    element: &web_sys::HtmlCanvasElement,
    css_height: f64,
) -> Option<(DrawingArea<CanvasBackend, Shift>, f64, f64)> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let css_width = f64::from(element.client_width()).max(200.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
    let (width, height) = (
        (css_width * dpr).round() as u32,
        (css_height * dpr).round() as u32,
    );
    element.set_width(width);
    element.set_height(height);
    let area = CanvasBackend::with_canvas_object(element.clone())?.into_drawing_area();
    Some((area, dpr, css_width))
}

/// For the end-to-end tests: the drawing is done (it happens a moment after the render).
pub fn mark_drawn(element: &web_sys::HtmlCanvasElement) {
    let _ = element.set_attribute("data-drawn", "");
}

/// Runs `draw` on the canvas in a task of its own after each change of `data`, once the browser
/// has laid the page out: drawing within the render that added a file's results made one
/// main-thread task of 40–50 ms (the canvas's width forced a layout of the whole new list), which
/// crossed BENCHMARK.md's 50 ms (T8) on a busy machine.
#[hook]
pub fn use_drawing<T, F>(canvas: NodeRef, data: T, draw: F)
where
    T: Clone + PartialEq + 'static,
    F: Fn(&web_sys::HtmlCanvasElement, &T) + 'static,
{
    use_effect_with(data, move |data| {
        let data = data.clone();
        let timeout = gloo::timers::callback::Timeout::new(0, move || {
            if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                draw(&element, &data);
                mark_drawn(&element);
            }
        });
        move || drop(timeout)
    });
}

/// Whether a `<details>` is open, and its `toggle` handler. Tables are built when opened: cells
/// that nobody sees (nor hears: a closed `details` hides its content from screen readers too)
/// made the render that adds a file's results longer (BENCHMARK.md T8).
#[hook]
pub fn use_details_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    (*open, on_toggle)
}
