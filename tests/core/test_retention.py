"""Retention: list the walks older than N months, remove exactly those after confirmation."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Change
from walkapp.services import NoteDraft, Services, open_services
from walkapp.services.retention import RetentionService, months_before

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(("today", "months", "expected"), [
    (date(2026, 11, 27), 1, date(2026, 10, 27)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2028, 3, 31), 1, date(2028, 2, 29)),
    (date(2026, 1, 15), 1, date(2025, 12, 15)),
    (date(2026, 1, 15), 25, date(2023, 12, 15)),
])
def test_months_before(today: date, months: int, expected: date) -> None:
    assert months_before(today, months) == expected


@given(today=st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 1, 1)),
       months=st.integers(1, 240))
def test_months_before_is_about_that_many_months(today: date, months: int) -> None:
    earlier = months_before(today, months)
    assert 28 * months - 3 <= (today - earlier).days <= 31 * months
    assert earlier.day <= today.day


def _retention(services: Services) -> RetentionService:
    return RetentionService(services.db, services.bus)


def test_the_setting_lives_in_the_database(services: Services) -> None:
    retention = _retention(services)
    assert retention.retention_months() is None  # keep everything unless asked
    retention.set_retention_months(18)
    assert retention.retention_months() == 18
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT value FROM app_meta WHERE key = 'retention_months'").scalar() == "18"
    retention.set_retention_months(None)
    assert retention.retention_months() is None
    for bad in (0, -3, 5000, True):
        with pytest.raises(ValidationError, match="whole number of months"):
            retention.set_retention_months(bad)


def _walk_with_everything(services: Services, title: str, when: date) -> d.Walk:
    walk = make_walk(services, title, walkers=2, visits=2, walk_date=when)
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                       visit_id=walk.visits[0].id, text=f"note of {title}",
                                       look_for_ids=(walk.look_fors[0].id,)))
    services.notes.save_reflection(walk.id, walk.walkers[0].id, "Learned?", "pauses")
    services.debrief.save_commitment(walk.id, walk.walkers[1].id, "I will try pauses")
    item = services.debrief.add_action_item(walk.id, "Share stems", owner_name="Fran")
    services.debrief.follow_up(item.id, walk.id, d.ActionStatus.DONE, "shared")
    services.debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "Pairs talked")
    services.debrief.add_next_step(walk.id, "Visit maths next")
    return walk


def _count(services: Services, table: str) -> int:
    with services.db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)


def test_purge_removes_exactly_the_listed_walks_and_their_rows(services: Services) -> None:
    old = _walk_with_everything(services, "Old walk", date(2024, 1, 10))
    older = _walk_with_everything(services, "Older walk", date(2023, 5, 2))
    recent = _walk_with_everything(services, "Recent walk", date(2026, 9, 1))
    # A walker who was only on the old walks, and one who also walked recently.
    services.plan.add_participant(old.id, "Only Oldwalk")
    services.plan.add_participant(recent.id, "Walker 1")  # person shared with old walks
    retention = _retention(services)
    listed = retention.walks_older_than(12, today=TODAY)
    assert [w.title for w in listed] == ["Older walk", "Old walk"]  # oldest first
    changes: list[Change] = []
    services.bus.subscribe(changes.append)

    result = retention.purge_walks([w.id for w in listed])
    assert set(result.walk_ids) == {old.id, older.id}
    assert [w.title for w in services.walks.list_walks()] == ["Recent walk"]
    for table, left in (("notes", 1), ("reflections", 1), ("commitments", 1),
                        ("action_items", 1), ("action_follow_ups", 1), ("patterns", 1),
                        ("next_steps", 1), ("visits", 2), ("look_fors", 2),
                        ("note_look_fors", 1)):
        assert _count(services, table) == left, table
    with services.db.engine.connect() as conn:
        people = {r[0] for r in conn.exec_driver_sql("SELECT display_name FROM people")}
    assert "Only Oldwalk" not in people and "Walker 1" in people
    assert {(c.action, c.walk_id) for c in changes} == {(Action.REMOVED, old.id),
                                                        (Action.REMOVED, older.id)}
    # The backup made just before was the safety net while the purge ran; afterwards it
    # is scrubbed like every other copy (see test_trash_scrub.py).
    assert result.backup is not None
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT count(*) FROM walks").fetchone() == (1,)


def test_purge_refuses_a_list_that_changed_meanwhile(services: Services) -> None:
    walk = make_walk(services, "Old", walk_date=date(2020, 1, 1))
    other = make_walk(services, "Also old", walk_date=date(2020, 2, 1))
    services.walks.delete_walk(other.id)  # gone since it was listed
    services.trash.empty([other.id])
    with pytest.raises(NotFoundError, match="no longer exist"):
        _retention(services).purge_walks([walk.id, other.id])
    assert [w.id for w in services.walks.list_walks()] == [walk.id]


def _seed_cli_walks() -> None:
    services = open_services(resolve_settings())
    try:
        make_walk(services, "Autumn 2019 walk", walkers=1, visits=1,
                  walk_date=date(2019, 10, 1))
        make_walk(services, "This term's walk", walkers=1, visits=1, walk_date=date.today())
    finally:
        services.close()


def test_cli_purge_lists_first_and_asks(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _seed_cli_walks()
    code = main(["purge", "--older-than", "24"])
    out, err = capsys.readouterr()
    assert code == 1 and "--yes" in err               # no terminal: refuse, do not guess
    assert "Autumn 2019 walk" in out and "This term's walk" not in out
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt="": "no")
    assert main(["purge", "--older-than", "24"]) == 1
    assert "Nothing was removed" in capsys.readouterr()[0]
    assert main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr()[0])) == 2
    monkeypatch.setattr("builtins.input", lambda prompt="": "y")
    assert main(["purge", "--older-than", "24"]) == 0
    assert "Removed 1 walk;" in capsys.readouterr()[0]
    main(["list", "--json"])
    assert [w["title"] for w in json.loads(capsys.readouterr()[0])] == ["This term's walk"]


def test_cli_purge_uses_the_retention_setting(capsys: pytest.CaptureFixture[str]) -> None:
    _seed_cli_walks()
    assert main(["purge", "--yes"]) == 1
    assert "--older-than MONTHS" in capsys.readouterr()[1]
    assert main(["retention", "36"]) == 0
    assert main(["retention"]) == 0
    assert "36 months are offered" in capsys.readouterr()[0]
    assert main(["purge", "--yes", "--json"]) == 0
    removed = json.loads(capsys.readouterr()[0])["removed"]
    assert [w["title"] for w in removed] == ["Autumn 2019 walk"]
    assert main(["retention", "off"]) == 0
    assert main(["retention", "soon"]) == 1
    assert "not a number of months" in capsys.readouterr()[1]
