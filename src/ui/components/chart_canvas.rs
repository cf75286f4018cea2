//! What the charts' components share: a canvas drawn at the size it is shown, in its own task,
//! and a table of values built when its `<details>` is opened.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

/// Where a chart is drawn: its canvas on screen, or an SVG document the person saves. One type,
/// so that each chart's drawing code is compiled once for both.
pub enum Surface<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// A drawing error of either surface (the chart is then left blank; its table holds the values).
#[derive(Debug)]
pub struct SurfaceError;

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("drawing failed")
    }
}

impl std::error::Error for SurfaceError {}

type Drawn = Result<(), DrawingErrorKind<SurfaceError>>;

fn lift_kind<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<SurfaceError> {
    match e {
        DrawingErrorKind::DrawingError(_) => DrawingErrorKind::DrawingError(SurfaceError),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

fn lift<E: std::error::Error + Send + Sync>(result: Result<(), DrawingErrorKind<E>>) -> Drawn {
    result.map_err(lift_kind)
}

/// Runs `$body` with `$b` bound to the surface's backend, its error made a [`SurfaceError`].
macro_rules! on_backend {
    ($self:expr, $b:ident => $body:expr) => {
        match $self {
            Surface::Canvas($b) => lift($body),
            Surface::Svg($b) => lift($body),
        }
    };
}

impl DrawingBackend for Surface<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Surface::Canvas(b) => b.get_size(),
            Surface::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Drawn {
        on_backend!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Drawn {
        on_backend!(self, b => b.present())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        on_backend!(self, b => b.draw_pixel(point, color))
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        on_backend!(self, b => b.draw_line(from, to, style))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        on_backend!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        on_backend!(self, b => b.draw_path(path, style))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        on_backend!(self, b => b.draw_circle(center, radius, style, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        on_backend!(self, b => b.fill_polygon(vert, style))
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Drawn {
        on_backend!(self, b => b.draw_text(text, style, pos))
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        match self {
            Surface::Canvas(b) => b.estimate_text_size(text, style).map_err(lift_kind),
            Surface::Svg(b) => b.estimate_text_size(text, style).map_err(lift_kind),
        }
    }
}

/// A chart's drawing area.
pub type Area<'a> = DrawingArea<Surface<'a>, Shift>;

/// The canvas resized to its width on screen and `css_height`, in device pixels (sharp text on
/// any screen): its drawing area, the device pixel ratio and its width in CSS pixels.
pub fn sized_area(
    element: &web_sys::HtmlCanvasElement,
    css_height: f64,
) -> Option<(Area<'static>, f64, f64)> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let css_width = f64::from(element.client_width()).max(200.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
    let (width, height) = (
        (css_width * dpr).round() as u32,
        (css_height * dpr).round() as u32,
    );
    element.set_width(width);
    element.set_height(height);
    let backend = CanvasBackend::with_canvas_object(element.clone())?;
    Some((Surface::Canvas(backend).into_drawing_area(), dpr, css_width))
}

/// For the end-to-end tests: the drawing is done (it happens a moment after the render).
pub fn mark_drawn(element: &web_sys::HtmlCanvasElement) {
    let _ = element.set_attribute("data-drawn", "");
}

/// A chart's drawing code: on an area, at a scale (device pixels per CSS pixel), the area's width
/// in CSS pixels, for its data. True when it drew.
pub trait Draw<T>: Fn(&Area<'_>, f64, f64, &T) -> bool + 'static {}
impl<T, F: Fn(&Area<'_>, f64, f64, &T) -> bool + 'static> Draw<T> for F {}

/// Runs `draw` on the canvas, `css_height` CSS pixels high, in a task of its own after each
/// change of `data`, once the browser has laid the page out: drawing within the render that
/// added a file's results made one main-thread task of 40–50 ms (the canvas's width forced a
/// layout of the whole new list), which crossed BENCHMARK.md's 50 ms (T8) on a busy machine.
///
/// Returns the chart as an SVG document, drawn by the same code at the canvas's size on screen.
#[hook]
pub fn use_drawing<T, F>(canvas: NodeRef, data: T, css_height: f64, draw: F) -> Callback<(), String>
where
    T: Clone + PartialEq + 'static,
    F: Draw<T>,
{
    let draw = Rc::new(draw);
    {
        let (canvas, draw) = (canvas.clone(), Rc::clone(&draw));
        use_effect_with(data.clone(), move |data| {
            let data = data.clone();
            let timeout = gloo::timers::callback::Timeout::new(0, move || {
                if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    if let Some((area, dpr, css_width)) = sized_area(&element, css_height) {
                        if draw(&area, dpr, css_width, &data) {
                            let _ = area.present();
                        }
                    }
                    mark_drawn(&element);
                }
            });
            move || drop(timeout)
        });
    }
    Callback::from(move |()| {
        let css_width = canvas
            .cast::<web_sys::HtmlCanvasElement>()
            .map_or(720.0, |e| f64::from(e.client_width()).max(200.0));
        let mut svg = String::new();
        {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small sizes
            let size = (css_width.round() as u32, css_height.round() as u32);
            let area = Surface::Svg(SVGBackend::with_string(&mut svg, size)).into_drawing_area();
            if draw(&area, 1.0, css_width, &data) {
                let _ = area.present();
            }
        }
        svg
    })
}

/// A chart's two downloads, under it: PNG (the canvas as drawn) and SVG (drawn again as a
/// vector document). `name` is the file's name without its extension.
#[derive(Properties, PartialEq)]
pub struct ChartSaveProps {
    pub lang: crate::i18n::Lang,
    pub name: AttrValue,
    /// The chart's title: each button names it for screen readers.
    pub title: AttrValue,
    pub canvas: NodeRef,
    pub svg: Callback<(), String>,
}

#[function_component]
pub fn ChartSave(props: &ChartSaveProps) -> Html {
    use crate::i18n::export::ExportText;
    let lang = props.lang;
    let on_png = {
        let (canvas, name) = (props.canvas.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = canvas
                .cast::<web_sys::HtmlCanvasElement>()
                .and_then(|c| c.to_data_url_with_type("image/png").ok())
            {
                crate::ui::save::save_url(&format!("{name}.png"), &url);
            }
        })
    };
    let on_svg = {
        let (svg, name) = (props.svg.clone(), props.name.clone());
        Callback::from(move |_: MouseEvent| {
            let document = svg.emit(());
            crate::ui::save::save_text(&format!("{name}.svg"), &document, "image/svg+xml");
        })
    };
    html! {
        <p class="chart-save">
            <button type="button" class="button quiet" data-save="png" onclick={on_png}
                aria-label={format!("{}, {}", ExportText::ChartPng.get(lang), props.title)}>
                { ExportText::ChartPng.get(lang) }
            </button>
            <button type="button" class="button quiet" data-save="svg" onclick={on_svg}
                aria-label={format!("{}, {}", ExportText::ChartSvg.get(lang), props.title)}>
                { ExportText::ChartSvg.get(lang) }
            </button>
        </p>
    }
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
