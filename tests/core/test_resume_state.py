"""The position file and the running marker (walkapp.services.resume): what is written
is read back; anything else — garbage, another format, a link, a FIFO, a huge file — reads
as "the walks library", never as an error; the marker tells an unclean end from a clean one.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from walkapp.services import Services
from walkapp.services.notes import NoteDraft
from walkapp.services.resume import (
    LIBRARY,
    Position,
    PositionSaver,
    PositionStore,
    RunningMarker,
    TimerMark,
    from_json,
    last_saved_note,
    position_file,
    to_json,
)

MOMENT = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
FULL = Position("walk-1", "observation", "person-2", "visit-3",
                {"visit-3": TimerMark(61.5, True), "visit-1": TimerMark(600.0)},
                TimerMark(12.0), MOMENT)


def test_a_position_reads_back_as_written(tmp_path: Path) -> None:
    store = PositionStore(tmp_path / "resume.json")
    assert store.load() == LIBRARY  # nothing saved yet
    store.save(FULL)
    assert store.load() == FULL
    assert oct((tmp_path / "resume.json").stat().st_mode & 0o777) == "0o600"


def test_a_running_timer_counts_on_and_a_paused_one_does_not() -> None:
    assert TimerMark(60.0, True).now(240) == 300
    assert TimerMark(60.0, False).now(240) == 60
    assert TimerMark(60.0, True).now(-5) == 60  # the clock went back: no time is invented
    assert FULL.seconds_since(MOMENT + timedelta(minutes=4)) == 240
    assert FULL.seconds_since(MOMENT - timedelta(minutes=4)) == 0


GARBAGE = [
    "", "{", "null", "[]", "42", '"walk"', "{}",
    json.dumps({"format": 99, "walk": "walk-1"}),
    json.dumps({"format": 1}),
    json.dumps({"format": 1, "walk": 7}),
    json.dumps({"format": 1, "walk": ""}),
    json.dumps({"format": 1, "walk": "x" * 500}),
    json.dumps({"format": 1, "walk": "bad\nid"}),
    "[" * 100_000,
]


@pytest.mark.parametrize("text", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_reads_as_the_library(text: str) -> None:
    assert from_json(text) == LIBRARY


def test_bad_parts_are_dropped_and_the_rest_kept() -> None:
    text = json.dumps({"format": 1, "walk": "walk-1", "page": ["plan"], "author": None,
                       "visit": 3, "saved_at": "yesterday",
                       "corridor": {"elapsed": "NaN", "running": True},
                       "visit_timers": {"v1": {"elapsed": 5, "running": True},
                                        "v2": {"elapsed": -1, "running": False},
                                        "v3": {"elapsed": 1e300, "running": False},
                                        "v4": {"elapsed": True, "running": False},
                                        "v5": "five"}})
    position = from_json(text)
    assert position == Position("walk-1", visit_timers={"v1": TimerMark(5.0, True)})


def test_binary_huge_linked_and_fifo_files_read_as_the_library(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    store = PositionStore(path)
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert store.load() == LIBRARY
    path.write_text(to_json(FULL) + " " * (300 * 1024))
    assert store.load() == LIBRARY
    path.unlink()
    real = tmp_path / "real.json"
    real.write_text(to_json(FULL))
    path.symlink_to(real)
    assert store.load() == LIBRARY  # never read through a planted link
    store.save(FULL)  # …and never written through one: the link is replaced
    assert not path.is_symlink() and real.read_text() == to_json(FULL)
    path.unlink()
    os.mkfifo(path)
    assert store.load() == LIBRARY  # does not hang on a FIFO


def test_each_database_has_its_own_file_and_no_secret_is_written(tmp_path: Path) -> None:
    one = position_file(tmp_path, "/data/walkapp.sqlite3")
    other = position_file(tmp_path, "postgresql://me:s3cret@server/walks")
    assert one != other and one.parent == tmp_path
    assert "s3cret" not in other.name


def test_the_saver_writes_the_newest_position_off_the_calling_thread(tmp_path: Path) -> None:
    written: list[tuple[Position, str]] = []
    release = threading.Event()

    class SlowStore(PositionStore):
        def save(self, position: Position) -> None:
            release.wait(10)
            written.append((position, threading.current_thread().name))

    saver = PositionSaver(SlowStore(tmp_path / "resume.json"))
    positions = [Position(f"walk-{n}") for n in range(5)]
    for position in positions:
        saver.submit(position)  # returns at once although the store is stuck
    release.set()
    assert saver.close()
    assert written[-1][0] == positions[-1]
    assert len(written) <= 2  # the ones in between were replaced, not queued
    assert all(name == "walkapp-position" for _, name in written)


def test_a_failing_disk_is_logged_once_and_does_not_stop_the_saver(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = PositionStore(tmp_path / "missing-folder" / "resume.json")
    saver = PositionSaver(store)
    saver.submit(FULL)
    assert saver.flush()
    saver.submit(LIBRARY)
    assert saver.close()
    assert caplog.text.count("could not remember where the window was") == 1


def test_the_marker_tells_an_unclean_end_from_a_clean_one(tmp_path: Path) -> None:
    marker = RunningMarker(tmp_path)
    assert marker.begin() is False  # first start ever
    # …killed here: the marker stays.
    assert RunningMarker(tmp_path).begin() is True
    RunningMarker(tmp_path).end()  # a clean end
    assert RunningMarker(tmp_path).begin() is False
    RunningMarker(tmp_path).end()
    RunningMarker(tmp_path).end()  # twice does no harm
    assert not marker.path.exists()


def test_the_last_saved_note(services: Services) -> None:
    assert last_saved_note(services.db) is None
    walk = make_walk(services, visits=1)
    author = walk.walkers[0].id
    first = services.notes.save_note(NoteDraft(walk.id, author, "One"))
    second = services.notes.save_note(NoteDraft(walk.id, author, "Two"))
    assert last_saved_note(services.db) == max(first.updated_at, second.updated_at)
    assert last_saved_note(services.db).tzinfo is not None  # type: ignore[union-attr]
