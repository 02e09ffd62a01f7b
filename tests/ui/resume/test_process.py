"""A real walkapp process killed with SIGKILL comes back where it was (tests/helpers/
resume_driver.py runs run_app): the same walk, page, person and visit, the room timer
counted on from before the kill, and a calm notice with the time of the last saved note —
shown once: after the next, clean end there is no notice, and the place is still kept.

Each step waits for the driver's own lines ("READY", "SEEN …"), never for a fixed time;
the time between the runs is told to the driver (RESUME_NOW), not measured.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from tests.helpers import resume_driver
from tests.helpers.fake_clock import START
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.resume import saved_time_text

GUARD_S = 120  # only a guard against a hung child, far above what any step takes


class Run:
    def __init__(self, walk_id: str, mode: str, now: datetime) -> None:
        env = dict(os.environ, RESUME_NOW=now.isoformat())
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.proc = subprocess.Popen(
            [sys.executable, resume_driver.__file__, walk_id, mode], env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._lines: queue.Queue[str] = queue.Queue()
        self._errors: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.strip())
        self._lines.put("")

    def _read_errors(self) -> None:
        assert self.proc.stderr is not None
        self._errors.extend(self.proc.stderr)

    def line(self, word: str) -> str:
        """The rest of the first line that starts with `word`."""
        while True:
            try:
                line = self._lines.get(timeout=GUARD_S)
            except queue.Empty:
                pytest.fail(f"the driver never said {word}")
            if line.split(" ", 1)[0] == word:
                return line[len(word):].strip()
            if line == "":
                pytest.fail(f"the driver ended before saying {word}: "
                            + "".join(self._errors[-40:]))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def runs() -> Iterator[list[Run]]:
    started: list[Run] = []
    yield started
    for run in started:
        run.stop()


@pytest.fixture
def walk_id(services: Services) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=3)
    for name in ("Ana", "Ben"):
        services.plan.add_participant(walk.id, name)
    return walk.id


def test_after_a_kill_9_walkapp_reopens_the_same_place_and_says_so_once(
        runs: list[Run], services: Services, walk_id: str) -> None:
    work = Run(walk_id, "work", START)
    runs.append(work)
    person, visit = work.line("CHOSE").split()
    work.line("READY")
    work.proc.send_signal(signal.SIGKILL)
    assert work.proc.wait(timeout=GUARD_S) == -signal.SIGKILL

    later = START + timedelta(minutes=4)
    look = Run(walk_id, "look", later)
    runs.append(look)
    seen = json.loads(look.line("SEEN"))
    assert look.proc.wait(timeout=GUARD_S) == 0, "".join(look._errors[-40:])
    assert (seen["page"], seen["person"], seen["visit"]) == ("observation", person, visit)
    assert seen["running"] is True and seen["elapsed"] == 240
    saved = max(n.updated_at for n in services.notes.list_notes(walk_id))
    assert seen["notice_visible"] is True
    assert seen["notice"].startswith("walkapp did not close properly last time.")
    assert f"safe up to {saved_time_text(saved, datetime.now(saved.tzinfo))}" \
        in seen["notice"]

    again = Run(walk_id, "look", later + timedelta(minutes=1))
    runs.append(again)
    seen = json.loads(again.line("SEEN"))
    assert again.proc.wait(timeout=GUARD_S) == 0
    assert seen["notice_visible"] is False  # that end was clean: nothing to say
    assert (seen["page"], seen["person"], seen["visit"]) == ("observation", person, visit)
    assert seen["running"] is True and seen["elapsed"] == 300


def test_after_sigterm_walkapp_reopens_the_same_place_without_a_notice(
        runs: list[Run], walk_id: str) -> None:
    work = Run(walk_id, "work", START)
    runs.append(work)
    person, visit = work.line("CHOSE").split()
    work.line("READY")
    work.proc.send_signal(signal.SIGTERM)  # a logout: walkapp ends under its own control
    assert work.proc.wait(timeout=GUARD_S) == 0, "".join(work._errors[-40:])

    look = Run(walk_id, "look", START + timedelta(minutes=2))
    runs.append(look)
    seen = json.loads(look.line("SEEN"))
    assert look.proc.wait(timeout=GUARD_S) == 0
    assert seen["notice_visible"] is False
    assert (seen["page"], seen["person"], seen["visit"]) == ("observation", person, visit)
    assert seen["running"] is True and seen["elapsed"] == 120
