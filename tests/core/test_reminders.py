"""Reminders: open action items overdue or due soon (by the services' clock, never the wall
clock), and the calendar file of due dates — strict RFC 5545 checked by hand (no iCalendar
parser is a dependency): CRLF, lines folded at 75 octets, escaped text, one event per open
item with a due date, a UID that stays the same for the same item."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.cli_run import run
from tests.helpers.fake_clock import FakeClock
from walkapp import domain as d
from walkapp.exports.ics import calendar_bytes, escape_text, fold
from walkapp.services import NewWalk, Services
from walkapp.services.reminders import DueState, due_state

NOW = datetime(2026, 11, 3, 10, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def clocked(services: Services, clock: FakeClock) -> Services:
    return Services.create(services.db, services.bus, clock=clock)


def _items(services: Services, walk_id: str, *due: date | None) -> list[d.ActionItem]:
    return [services.debrief.add_action_item(walk_id, f"Item {i}", "Ann", day)
            for i, day in enumerate(due)]


def test_overdue_and_due_soon_follow_the_clock(clocked: Services, clock: FakeClock) -> None:
    walk = clocked.walks.create_walk(NewWalk(title="Autumn", walk_date=date(2026, 10, 1)))
    late, today, soon, later, none, done = _items(
        clocked, walk.id, date(2026, 10, 30), date(2026, 11, 3), date(2026, 11, 9),
        date(2026, 11, 10), None, date(2026, 10, 1))
    clocked.debrief.update_action_item(done.id, status="done")

    found = clocked.reminders.reminders()
    assert [i.id for i in found.overdue] == [late.id]
    assert [(i.id, i.state) for i in found.soon] == [(today.id, DueState.TODAY),
                                                     (soon.id, DueState.SOON)]
    assert found.overdue[0].walk_title == "Autumn"

    clock.advance(days=7)  # 10 November: three overdue, the last one due today
    found = clocked.reminders.reminders()
    assert [i.id for i in found.overdue] == [late.id, today.id, soon.id]
    assert [i.id for i in found.soon] == [later.id]
    assert none.id not in {i.id for i in found.overdue + found.soon}


def test_a_walk_in_the_trash_reminds_no_one(clocked: Services) -> None:
    walk = clocked.walks.create_walk(NewWalk(title="Gone", walk_date=date(2026, 10, 1)))
    _items(clocked, walk.id, date(2026, 10, 2))
    clocked.walks.delete_walk(walk.id)
    assert not clocked.reminders.reminders().any


def test_a_series_calendar_holds_the_series_items_only(clocked: Services) -> None:
    first = clocked.walks.create_walk(NewWalk(title="S", walk_date=date(2026, 10, 1)))
    second = clocked.series.plan_again(first.id, walk_date=date(2026, 11, 1))
    other = clocked.walks.create_walk(NewWalk(title="Other", walk_date=date(2026, 10, 5)))
    a = _items(clocked, first.id, date(2026, 11, 20))[0]
    b = _items(clocked, second.id, date(2026, 11, 21))[0]
    _items(clocked, other.id, date(2026, 11, 22))

    assert [i.id for i in clocked.reminders.calendar_items(second.id, series=True)] == \
        [a.id, b.id]
    assert [i.id for i in clocked.reminders.calendar_items(first.id)] == [a.id]
    assert len(clocked.reminders.calendar_items()) == 3


def test_due_state_of_an_item() -> None:
    item = d.ActionItem("i", "w", "t", "", date(2026, 11, 5), d.ActionStatus.OPEN, 0)
    assert due_state(item, date(2026, 11, 6)) is DueState.OVERDUE
    assert due_state(item, date(2026, 11, 5)) is DueState.TODAY
    assert due_state(item, date(2026, 10, 30)) is DueState.SOON
    assert due_state(item, date(2026, 10, 29)) is DueState.LATER


# -- the calendar file -----------------------------------------------------------------------
def _unfold(raw: bytes) -> list[str]:
    """The content lines, checked as RFC 5545 says they are written."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character
    text = raw.decode("utf-8")
    return re.sub(r"\r\n[ \t]", "", text).removesuffix("\r\n").split("\r\n")


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _components(lines: list[str]) -> list[dict[str, str]]:
    stack: list[str] = []
    events: list[dict[str, str]] = []
    for line in lines:
        name, _, value = line.partition(":")
        assert re.fullmatch(r"[A-Z-]+(;[A-Z-]+=[A-Z]+)*", name), line
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack.pop() == value
        elif stack[-1] == "VEVENT":
            events[-1][name] = value
    assert not stack
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    return events


def test_the_calendar_file_is_strict_rfc_5545(clocked: Services) -> None:
    walk = clocked.walks.create_walk(NewWalk(title="Walk; with, commas",
                                             walk_date=date(2026, 10, 1)))
    long_text = ("Share the question stems with the maths team, then; collect three "
                 "examples\\of student talk — «ñandú» 数学 " * 3)
    item = clocked.debrief.add_action_item(walk.id, long_text, "Ann, Bo",
                                           date(2026, 11, 12))
    _items(clocked, walk.id, None)  # no due date: not in the calendar
    items = clocked.reminders.calendar_items()

    raw = calendar_bytes(items, clocked.reminders.clock())
    events = _components(_unfold(raw))

    assert len(events) == 1
    event = events[0]
    assert event["UID"] == f"{item.id}@walkapp"
    assert event["DTSTAMP"] == "20261103T100000Z"
    assert event["DTSTART;VALUE=DATE"] == "20261112"
    assert event["DTEND;VALUE=DATE"] == "20261113"
    assert _unescape(event["SUMMARY"]) == f"Action item: {long_text.strip()}"
    description = _unescape(event["DESCRIPTION"])
    assert description.split("\n")[0] == "Owner: Ann, Bo"
    assert "Walk; with, commas" in description
    # Every ; , \ inside a value is escaped (an unescaped comma would split the value).
    assert not re.search(r"(?<!\\)[;,]", event["SUMMARY"].replace("\\\\", ""))
    # The same item, another day: the same UID (a calendar moves the event).
    again = calendar_bytes(clocked.reminders.calendar_items(), datetime(2026, 12, 1,
                                                                        tzinfo=UTC))
    assert _components(_unfold(again))[0]["UID"] == event["UID"]


def test_folding_and_escaping() -> None:
    assert escape_text("a\\b;c,d\r\ne\x07") == "a\\\\b\\;c\\,d\\ne "
    folded = fold("X:" + "é" * 80)
    parts = folded.removesuffix("\r\n").split("\r\n ")
    assert all(len(p.encode()) <= 75 for p in parts[:1]) and all(
        len(p.encode()) <= 74 for p in parts[1:])
    assert "".join(parts) == "X:" + "é" * 80
    assert fold("short") == "short\r\n"


def test_walkapp_actions_lists_and_writes_the_calendar(
        services: Services, settings: object, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    walk = services.walks.create_walk(NewWalk(title="Autumn walk", walk_date=date(2020, 1, 6)))
    services.debrief.add_action_item(walk.id, "Share the stems", "Ann", date(2020, 2, 1))
    services.debrief.add_action_item(walk.id, "No date", "Bo")
    data = str(services.db.settings.data_dir)
    services.close()

    code, out, _err = run(capsys, "--data-dir", data, "actions")
    assert code == 0
    assert "Share the stems — Ann" in out and "overdue" in out and "No date" not in out

    target = tmp_path / "due.ics"
    code, out, _err = run(capsys, "--data-dir", data, "actions", "--walk", "Autumn",
                          "--ics", "-o", str(target))
    assert code == 0 and "1 calendar event" in out
    events = _components(_unfold(target.read_bytes()))
    assert [e["DTSTART;VALUE=DATE"] for e in events] == ["20200201"]

    code, _out, err = run(capsys, "--data-dir", data, "actions", "--ics")
    assert code != 0 and "-o FILE.ics" in err
