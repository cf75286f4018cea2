#!/usr/bin/env python3
"""Writes tests/fixtures/geo.fit/run.fit: a small FIT activity, made without Reflet's own parser.

The FIT encoder is fit-tool from PyPI (BSD-3-Clause), not Reflet's decoder, so that the tests
check the decoder against an independent writer:

    python3 -m venv /tmp/fitvenv && /tmp/fitvenv/bin/pip install fit-tool==0.9.16
    /tmp/fitvenv/bin/python scripts/gen-fit-fixture.py

What it writes (the tests' expectations come from these inputs):
- a file_id (activity), a timer start event, then 43 `record` messages every 5 s from
  2024-05-12T07:30:00Z (1715499000): 40 with a position (a run along Annecy's lake, lat
  45.8992 + 0.0005 i, lng 6.1294 + 0.0003 i for i in 0..40) and, in the middle (after the 20th
  positioned record), 3 with a heart rate but no position (GPS lost under trees);
- a timer stop event, one lap, one session (sport running, 210 s, 2 400 m) and the activity.
"""

import datetime
import pathlib

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

START_S = int(datetime.datetime(2024, 5, 12, 7, 30, tzinfo=datetime.timezone.utc).timestamp())
STEP_S = 5
POSITIONED = 40
LOST_AFTER = 20
LOST = 3
DISTANCE_M = 2400.0


def main() -> None:
    start_ms = START_S * 1000
    builder = FitFileBuilder(auto_define=True, min_string_size=50)

    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = start_ms
    file_id.serial_number = 0x12345678
    builder.add(file_id)

    event = EventMessage()
    event.event = Event.TIMER
    event.event_type = EventType.START
    event.timestamp = start_ms
    builder.add(event)

    time_ms = start_ms
    for i in range(POSITIONED):
        if i == LOST_AFTER:
            for _ in range(LOST):
                record = RecordMessage()
                record.timestamp = time_ms
                record.heart_rate = 150
                builder.add(record)
                time_ms += STEP_S * 1000
        record = RecordMessage()
        record.timestamp = time_ms
        record.position_lat = 45.8992 + 0.0005 * i
        record.position_long = 6.1294 + 0.0003 * i
        record.distance = DISTANCE_M * i / (POSITIONED - 1)
        record.heart_rate = 140 + i % 10
        builder.add(record)
        time_ms += STEP_S * 1000
    end_ms = time_ms - STEP_S * 1000
    elapsed_s = (end_ms - start_ms) / 1000

    event = EventMessage()
    event.event = Event.TIMER
    event.event_type = EventType.STOP_ALL
    event.timestamp = end_ms
    builder.add(event)

    lap = LapMessage()
    lap.timestamp = end_ms
    lap.start_time = start_ms
    lap.total_elapsed_time = elapsed_s
    lap.total_timer_time = elapsed_s
    lap.total_distance = DISTANCE_M
    builder.add(lap)

    session = SessionMessage()
    session.timestamp = end_ms
    session.start_time = start_ms
    session.total_elapsed_time = elapsed_s
    session.total_timer_time = elapsed_s
    session.total_distance = DISTANCE_M
    session.sport = Sport.RUNNING
    session.first_lap_index = 0
    session.num_laps = 1
    builder.add(session)

    activity = ActivityMessage()
    activity.timestamp = end_ms
    activity.total_timer_time = elapsed_s
    activity.num_sessions = 1
    builder.add(activity)

    out = pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/geo.fit/run.fit"
    out.parent.mkdir(parents=True, exist_ok=True)
    builder.build().to_file(str(out))
    print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
