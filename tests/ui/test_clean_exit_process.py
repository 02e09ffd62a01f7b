"""Clean ends of a real walkapp process (tests/helpers/end_driver.py runs run_app, opens a
walk and types a note that its autosave would never commit by itself): a signal from
outside saves the note and exits 0; a failed save exits 1 and is in the log; a second
SIGTERM while a save hangs exits at once; an end that hangs is cut short.

Each test waits for the driver's own lines ("READY", "SAVING"), never for a fixed time.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import end_driver
from walkapp.config import Settings
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

DRIVER = Path(end_driver.__file__)
# Only a guard against a hung child, far above what any step takes.
GUARD_S = 120


class Driver:
    def __init__(self, walk_id: str, mode: str) -> None:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), walk_id, mode], env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._lines: queue.Queue[str] = queue.Queue()
        self._errors: list[str] = []
        # Both pipes are drained all along, so a chatty child never blocks on a full one.
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.strip())
        self._lines.put("")  # end of output

    def _read_errors(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._errors.append(line)

    def wait_for(self, word: str) -> None:
        while True:
            try:
                line = self._lines.get(timeout=GUARD_S)
            except queue.Empty:
                pytest.fail(f"the driver never said {word}")
            if line == word:
                return
            if line == "":
                pytest.fail(f"the driver ended before saying {word}: {self.stderr()}")

    def signal(self, signum: signal.Signals) -> None:
        self.proc.send_signal(signum)

    def wait(self) -> int:
        return self.proc.wait(timeout=GUARD_S)

    def stderr(self) -> str:
        return "".join(self._errors[-40:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def walk_id(services: Services) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    return walk.id


@pytest.fixture
def start(walk_id: str) -> Iterator[object]:
    started: list[Driver] = []

    def run(mode: str) -> Driver:
        driver = Driver(walk_id, mode)
        started.append(driver)
        driver.wait_for("READY")
        return driver

    yield run
    for driver in started:
        driver.stop()


def _stored(services: Services, walk_id: str) -> list[str]:
    return [n.text for n in services.notes.list_notes(walk_id)]


def _log(settings: Settings) -> str:
    path = settings.data_dir / "logs" / "walkapp.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_saves_the_note_being_typed_and_exits_0(
        start, services: Services, walk_id: str, signum: signal.Signals) -> None:
    driver = start("ok")
    driver.signal(signum)
    assert driver.wait() == 0, driver.stderr()
    assert _stored(services, walk_id) == [end_driver.TEXT]


def test_a_failed_save_at_the_end_exits_1_and_is_logged(
        start, services: Services, settings: Settings, walk_id: str) -> None:
    driver = start("fail")
    driver.signal(signal.SIGTERM)
    assert driver.wait() == 1, driver.stderr()
    assert _stored(services, walk_id) == []
    assert "could not be saved" in _log(settings)


def test_a_second_sigterm_exits_at_once(start, services: Services, walk_id: str) -> None:
    driver = start("hang")
    driver.signal(signal.SIGTERM)
    driver.wait_for("SAVING")  # the GUI thread is stuck in the save now
    driver.signal(signal.SIGTERM)
    assert driver.wait() == 128 + signal.SIGTERM, driver.stderr()


def test_an_end_that_hangs_is_cut_short_and_logged(
        start, settings: Settings) -> None:
    driver = start("hang-short")
    driver.signal(signal.SIGTERM)
    driver.wait_for("SAVING")
    assert driver.wait() == 1, driver.stderr()
    assert "took longer than" in _log(settings)
