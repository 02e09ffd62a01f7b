"""Crash safety: SIGKILL the autosave path at random moments; nothing reported saved is lost.

See tests/helpers/crash.py for the harness. The normal run kills 200 times; the slow run
1,000. Figures are printed (run with -s to see them) and appended to the file named by
WALKAPP_FIGURES, if set, for the benchmark notes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.helpers import crash
from tests.helpers.crash import CHUNKS_PER_NOTE, CrashStats, _check_note, chunks_for, run_kills

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="SIGKILL and a fork server: Linux")


def _report(name: str, stats: CrashStats) -> None:
    figures = {"test": name, "kills": stats.kills,
               "kills_while_typing": stats.kills_while_typing,
               "kills_with_save_in_flight": stats.kills_with_save_in_flight,
               "saves_confirmed": stats.saves_confirmed,
               "worst_loss_chars": stats.worst_loss_chars,
               "worst_loss_autosave_intervals": stats.worst_loss_intervals,
               "exit_statuses_lost_by_fork_server": stats.statuses_lost,
               "failures": len(stats.failures), "seconds": round(stats.seconds, 1)}
    print(f"\ncrash figures: {json.dumps(figures)}")
    target = os.environ.get("WALKAPP_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(figures) + "\n")


def _run(tmp_path: Path, kills: int, lanes: int, name: str) -> None:
    seed = int(os.environ.get("WALKAPP_CRASH_SEED", random.randrange(1_000_000)))
    stats = run_kills(tmp_path, kills, lanes=lanes, seed=seed)
    _report(name, stats)
    assert stats.failures == [], f"seed {seed}: {stats.failures[:5]}"
    assert stats.kills >= kills
    # The kills really landed while notes were being typed and saved, not only at rest.
    assert stats.kills_with_save_in_flight >= kills // 4
    assert stats.saves_confirmed >= kills
    assert stats.worst_loss_intervals <= 1


def test_notes_survive_200_kills(tmp_path: Path) -> None:
    _run(tmp_path, 200, 2, "200 kills")


@pytest.mark.slow
def test_notes_survive_1000_kills(tmp_path: Path) -> None:
    _run(tmp_path, 1000, 3, "1000 kills")


# -- the checker itself must be able to fail ---------------------------------------------
def _row(seed: int, note: int, revision: int) -> tuple[int, str, None]:
    return (revision, "".join(chunks_for(seed, note)[:revision]), None)


def _length(seed: int, note: int, revision: int) -> int:
    return len("".join(chunks_for(seed, note)[:revision]))


def test_checker_accepts_a_save_in_flight() -> None:
    stats = CrashStats()
    # Typed revision 3, confirmed 2, the database has 2: one interval lost, allowed.
    _check_note(5, 0, _row(5, 0, 2), _length(5, 0, 3), (2, _length(5, 0, 2)), stats)
    assert stats.failures == [] and stats.worst_loss_intervals == 1


def test_checker_catches_a_lost_confirmed_save() -> None:
    stats = CrashStats()
    _check_note(5, 0, _row(5, 0, 1), _length(5, 0, 2), (2, _length(5, 0, 2)), stats)
    assert any("reported saved" in f for f in stats.failures)


def test_checker_catches_more_than_one_interval_lost() -> None:
    stats = CrashStats()
    _check_note(5, 0, _row(5, 0, 1), _length(5, 0, CHUNKS_PER_NOTE), None, stats)
    assert any("intervals" in f for f in stats.failures)


def test_checker_catches_wrong_or_half_written_text() -> None:
    stats = CrashStats()
    revision, text, _ = _row(5, 0, 2)
    _check_note(5, 0, (revision, text[:-1], None), _length(5, 0, 2), None, stats)
    assert any("wrong text" in f for f in stats.failures)
    stats = CrashStats()
    _check_note(5, 0, None, _length(5, 0, 1), (1, _length(5, 0, 1)), stats)
    assert any("reported saved" in f for f in stats.failures)


# -- the harness itself: lanes never race inside multiprocessing --------------------------
class _RecordingProcess:
    """Stands in for a fork-server child: "types" nothing, reports DONE at once, and notes
    whether the crash harness held its process lock for each call into it."""

    calls: ClassVar[list[tuple[str, bool]]] = []
    guard = threading.Lock()

    def __init__(self, target: Any, args: tuple[Any, ...], daemon: bool) -> None:
        self.job = args[0]
        self._alive = False

    def _note(self, name: str) -> None:
        lock = getattr(crash, "_process_lock", None)
        with self.guard:
            self.calls.append((name, lock is not None and lock.locked()))

    def start(self) -> None:
        self._note("start")
        self._alive = True
        Path(self.job.report).write_text("READY\nDONE\n", encoding="utf-8")

    def is_alive(self) -> bool:
        self._note("is_alive")
        return self._alive

    def kill(self) -> None:
        self._note("kill")
        self._alive = False

    def join(self, timeout: float | None = None) -> None:
        self._note("join")

    @property
    def exitcode(self) -> int:
        self._note("exitcode")
        return -signal.SIGKILL

    def close(self) -> None:
        self._note("close")


class _RecordingContext:
    Process = _RecordingProcess


def test_lanes_start_wait_for_and_close_children_one_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # multiprocessing's book of children is shared by all threads (Process.start() polls
    # every child); on Python 3.11.2 two lanes starting and closing at once fail with
    # "'NoneType' object has no attribute 'poll'". Every call must hold the one lock.
    _RecordingProcess.calls = []
    monkeypatch.setattr(crash, "fork_context", lambda: _RecordingContext())
    stats = run_kills(tmp_path, 6, lanes=3, seed=11)
    assert stats.failures == [] and stats.kills == 6
    names = {name for name, _ in _RecordingProcess.calls}
    assert {"start", "is_alive", "kill", "join", "exitcode", "close"} <= names
    unguarded = sorted({name for name, locked in _RecordingProcess.calls if not locked})
    assert unguarded == [], f"called without the process lock: {unguarded}"
