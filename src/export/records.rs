//! The sink a file is read into again for its export: positions go to a [`PositionWriter`],
//! everything else that has a value of its own becomes a row of the records CSV
//! (`time,type,name,detail,value,unit`, documented in `docs/exports.md`).

use std::io::{self, Write};

use super::csv::{row, Cell};
use super::geo::{key, PositionWriter};
use crate::model::activity::{ActivityKind, ActivitySink, Event};
use crate::model::chat::{ChatMessage, ChatSink, MessageKind};
use crate::model::energy::{EnergySink, Measure as Meter, Reading};
use crate::model::health::{HealthSink, Measure, Quantity, Workout};
use crate::model::location::{Fix, LocationSink};
use crate::model::media::{MediaSink, Play};
use crate::model::money::{MoneySink, Purchase, Transaction};
use crate::model::social::{AudienceFlags, Detail, Login, Relation, SocialSink};
use crate::model::time::format_iso;

/// Where rows go.
pub enum Exporter<'w> {
    Positions(PositionWriter<'w>),
    Records { out: &'w mut dyn Write, rows: u64 },
}

/// The first write error, kept until the end: after one, nothing more is written.
pub struct Writing<'w> {
    pub to: Exporter<'w>,
    pub error: Option<io::Error>,
}

/// An instant written as ISO 8601 UTC, from epoch seconds.
fn utc(seconds: i64) -> String {
    format_iso(seconds.saturating_mul(1000))
}

/// A local clock time (seconds, as health files give them), `YYYY-MM-DDTHH:MM:SS`, no zone.
fn local(seconds: i64) -> String {
    let mut text = utc(seconds);
    text.truncate(19);
    text
}

/// Cents as units, to the cent.
#[allow(clippy::cast_precision_loss)] // amounts far below 2^52 cents
fn money(cents: i64) -> Cell<'static> {
    Cell::Num(cents as f64 / 100.0, 2)
}

impl Writing<'_> {
    fn record(
        &mut self,
        time: &str,
        kind: &str,
        name: &str,
        detail: &str,
        value: Cell,
        unit: &str,
    ) {
        if self.error.is_some() {
            return;
        }
        let Exporter::Records { out, rows } = &mut self.to else {
            return;
        };
        let cells = [
            Cell::Text(time),
            Cell::Text(kind),
            Cell::Text(name),
            Cell::Text(detail),
            value,
            Cell::Text(unit),
        ];
        match row(*out, &cells) {
            Ok(()) => *rows += 1,
            Err(e) => self.error = Some(e),
        }
    }

    fn at(&mut self, at: Option<i64>, kind: &str, name: &str, detail: &str) {
        let time = at.map(utc).unwrap_or_default();
        self.record(&time, kind, name, detail, Cell::Empty, "");
    }

    /// What was written: positions or rows.
    pub fn count(&self) -> u64 {
        match &self.to {
            Exporter::Positions(p) => p.count,
            Exporter::Records { rows, .. } => *rows,
        }
    }
}

/// The records CSV's first row.
pub fn records_header(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(super::csv::BOM)?;
    let names = ["time", "type", "name", "detail", "value", "unit"];
    row(out, &names.map(Cell::Text))
}

impl LocationSink for Writing<'_> {
    fn fix(&mut self, fix: Fix, source: &str) {
        if self.error.is_some() {
            return;
        }
        if let Exporter::Positions(writer) = &mut self.to {
            if let Err(e) = writer.fix(fix.time, fix.at, source) {
                self.error = Some(e);
            }
        }
    }
}

impl SocialSink for Writing<'_> {
    fn interest(&mut self, name: &str) {
        self.at(None, "interest", name, "");
    }
    fn advertiser(&mut self, name: &str, flags: AudienceFlags) {
        let said: Vec<&str> = [
            (flags.data_file, "data_file"),
            (flags.remarketing, "remarketing"),
            (flags.in_store, "in_store"),
        ]
        .iter()
        .filter_map(|(on, name)| on.then_some(*name))
        .collect();
        self.at(None, "advertiser", name, &said.join(" "));
    }
    fn off_platform(&mut self, app: &str, kind: &str, at: Option<i64>) {
        self.at(at, "off_platform", app, kind);
    }
    fn login(&mut self, login: &Login<'_>) {
        self.at(
            login.at,
            "login",
            login.device.unwrap_or_default(),
            login.ip.unwrap_or_default(),
        );
    }
    fn active(&mut self, at: i64) {
        self.at(Some(at), "action", "", "");
    }
    fn contact(&mut self, relation: Relation, at: Option<i64>) {
        self.at(at, "contact", "", &key(&relation));
    }
    fn inferred(&mut self, label: &str, value: &str) {
        self.at(None, "inferred", label, value);
    }
    fn message(&mut self, conversation: &str, sent: Option<bool>, at: Option<i64>) {
        let way = match sent {
            Some(true) => "sent",
            Some(false) => "received",
            None => "",
        };
        self.at(at, "message", conversation, way);
    }
    fn holds(&mut self, detail: Detail) {
        self.at(None, "holds", &key(&detail), "");
    }
    fn gave_advertiser(&mut self, detail: Detail) {
        self.at(None, "gave_advertiser", &key(&detail), "");
    }
    fn ad(&mut self, advertiser: &str) {
        self.at(None, "ad", advertiser, "");
    }
}

impl MediaSink for Writing<'_> {
    #[allow(clippy::cast_precision_loss)] // durations far below 2^52 ms
    fn play(&mut self, play: &Play<'_>) {
        let minutes = play
            .ms
            .map_or(Cell::Empty, |ms| Cell::Num(ms as f64 / 60_000.0, 2));
        self.record(
            &utc(play.at),
            "play",
            play.title.unwrap_or_default(),
            play.creator.unwrap_or_default(),
            minutes,
            if play.ms.is_some() { "min" } else { "" },
        );
    }
    fn seen(&mut self, device: Option<&str>, ip: Option<&str>, at: Option<i64>) {
        self.at(
            at,
            "seen",
            device.unwrap_or_default(),
            ip.unwrap_or_default(),
        );
    }
    fn segment(&mut self, name: &str) {
        self.at(None, "segment", name, "");
    }
}

impl EnergySink for Writing<'_> {
    fn reading(&mut self, reading: &Reading) {
        let (kind, unit) = match reading.measure {
            Meter::LoadCurve => ("load_curve", "W"),
            Meter::Daily => ("daily_energy", "Wh"),
            Meter::MaxPower => ("max_power", "VA"),
        };
        let (start, end) = (utc(reading.start), utc(reading.end));
        self.record(&start, kind, "", &end, Cell::Num(reading.value, 3), unit);
    }
}

impl ChatSink for Writing<'_> {
    fn chat_message(&mut self, message: &ChatMessage<'_>) {
        let kind = match message.kind {
            MessageKind::Text => "text",
            MessageKind::Attached => "attached",
            MessageKind::Omitted => "omitted",
            MessageKind::Deleted => "deleted",
            MessageKind::Call => "call",
            MessageKind::Location => "location",
            MessageKind::Poll => "poll",
            MessageKind::System => "system",
        };
        self.record(
            &utc(message.at),
            "message",
            message.author.unwrap_or_default(),
            kind,
            Cell::Int(i64::from(message.chars)),
            "characters",
        );
    }
}

impl MoneySink for Writing<'_> {
    fn transaction(&mut self, t: &Transaction<'_>) {
        let detail = t.category.or(t.memo).unwrap_or_default();
        self.record(
            &utc(t.at),
            "transaction",
            t.label.unwrap_or_default(),
            detail,
            money(t.cents),
            t.currency.unwrap_or_default(),
        );
    }
    fn purchase(&mut self, p: &Purchase<'_>) {
        let quantity = p.quantity.to_string();
        self.record(
            &utc(p.at),
            "purchase",
            p.product.unwrap_or_default(),
            &quantity,
            money(p.cents),
            p.currency.unwrap_or_default(),
        );
    }
}

impl ActivitySink for Writing<'_> {
    fn event(&mut self, event: &Event<'_>) {
        let kind = match event.kind {
            ActivityKind::Search => "search",
            ActivityKind::Visit => "visit",
            ActivityKind::Watch => "watch",
            ActivityKind::Use => "use",
            ActivityKind::Other => "activity",
        };
        self.at(
            Some(event.at),
            kind,
            event.product,
            event.domain.unwrap_or_default(),
        );
    }
}

impl HealthSink for Writing<'_> {
    fn measure(&mut self, measure: &Measure<'_>) {
        let (kind, unit) = match measure.kind {
            Quantity::Steps => ("steps", "steps"),
            Quantity::Distance => ("distance", "m"),
            Quantity::ActiveEnergy => ("active_energy", "kcal"),
            Quantity::HeartRate => ("heart_rate", "bpm"),
            Quantity::HeartRateMin => ("heart_rate_min", "bpm"),
            Quantity::HeartRateMax => ("heart_rate_max", "bpm"),
            Quantity::RestingHeartRate => ("resting_heart_rate", "bpm"),
            Quantity::ExerciseMinutes => ("exercise", "min"),
        };
        let start = local(measure.start);
        self.record(
            &start,
            kind,
            measure.source,
            "",
            Cell::Num(measure.value, 3),
            unit,
        );
    }
    #[allow(clippy::cast_precision_loss)] // a night's seconds
    fn sleep(&mut self, start: i64, end: i64, asleep: bool, source: &str) {
        let kind = if asleep { "asleep" } else { "in_bed" };
        let hours = Cell::Num(end.saturating_sub(start) as f64 / 3600.0, 2);
        self.record(&local(start), kind, source, "", hours, "h");
    }
    fn workout(&mut self, workout: &Workout<'_>) {
        let minutes = Cell::Num(workout.seconds / 60.0, 1);
        self.record(
            &local(workout.start),
            "workout",
            workout.kind,
            "",
            minutes,
            "min",
        );
    }
}
