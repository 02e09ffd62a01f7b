"""The GUI-stall bench's parts (tests.bench.bench_gui_stall): a row of figures, the
heartbeat that measures the GUI thread's longest gap, the sampler of where it stalled,
waiting on the event loop, and typing and clicking as a person does."""

from __future__ import annotations

import contextlib
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEARTBEAT_MS = 5
KEY_INTERVAL_MS = 40

@dataclass
class Row:
    action: str
    idle_ms: float | None = None
    locked_ms: float | None = None
    notes: list[str] = field(default_factory=list)


class Sampler:
    """`--why`: while the heartbeat is late by more than 30 ms, note where the GUI thread
    is (its innermost walkapp frame and its innermost frame), every 5 ms."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        import threading

        self.heartbeat = heartbeat
        self.main = threading.main_thread().ident
        self.seen: dict[str, int] = {}
        self.running = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.seen = {}
        self.running = True
        if not self.thread.is_alive():
            self.thread.start()

    def stop(self) -> dict[str, int]:
        self.running = False
        return dict(sorted(self.seen.items(), key=lambda kv: -kv[1])[:4])

    def _run(self) -> None:
        while True:
            time.sleep(0.005)
            if not self.running or time.perf_counter() - self.heartbeat.last < 0.03:
                continue
            frame = sys._current_frames().get(self.main or 0)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [f for f in stack if "/walkapp/" in f.filename or ("/ui/" in f.filename
                    and "tests/" not in f.filename)]
            inner = stack[-1]
            where = (f"{Path(ours[-1].filename).name}:{ours[-1].lineno} {ours[-1].name}"
                     if ours else "?") + f" > {Path(inner.filename).name}:{inner.name}"
            self.seen[where] = self.seen.get(where, 0) + 1


class Heartbeat:
    """A 5 ms timer on the GUI thread; `worst` is the largest gap between two ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return round(self.worst * 1000, 1)


def spin(until: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `until()` (checked every 10 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    met = [False]

    def check() -> None:
        try:
            ok = until()
        except Exception:
            ok = False
        if ok or time.monotonic() > deadline:
            met[0] = ok
            loop.quit()

    checker = QTimer()
    checker.setInterval(10)
    checker.timeout.connect(check)
    checker.start()
    loop.exec()
    checker.stop()
    return met[0]


def pause(seconds: float) -> None:
    end = time.monotonic() + seconds
    spin(lambda: time.monotonic() >= end, seconds + 1)


class Typist:
    """Types `text` into `widget` one key every KEY_INTERVAL_MS, from the event loop."""

    def __init__(self, widget: Any, text: str) -> None:
        from PySide6.QtCore import QTimer

        self.widget, self.rest = widget, list(text)
        self.timer = QTimer()
        self.timer.setInterval(KEY_INTERVAL_MS)
        self.timer.timeout.connect(self._key)

    def start(self) -> None:
        self.widget.setFocus()
        self.timer.start()

    def _key(self) -> None:
        from PySide6.QtTest import QTest

        if not self.rest:
            self.timer.stop()
            return
        QTest.keyClicks(self.widget, self.rest.pop(0))

    @property
    def done(self) -> bool:
        return not self.rest


def typing(writer: Any, widget_of: Callable[[], Any], text: str,
           saved: Callable[[str], bool]) -> Callable[[str], tuple[Callable[[], object],
                                                                Callable[[], bool]]]:
    """Type `text` (and the mode) into the widget; done when the database has it: after
    each write the window's writer reports once the last key is typed, `saved()` is asked
    once, off the GUI thread (the bench's own read must not count as the screen's stall).
    A check that fails (the database still held) is asked again at the next write."""
    def make(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
        import threading

        words = f"{text} ({mode})"
        typist = Typist(widget_of(), words)
        seen = threading.Event()

        def check() -> None:
            try:
                if saved(words):
                    seen.set()
            except Exception:
                pass  # e.g. the database held by the locker: the next write asks again

        def written(_ticket: object) -> None:
            if typist.done and not seen.is_set():
                threading.Thread(target=check, daemon=True).start()

        def start() -> None:
            writer.done.connect(written)
            typist.start()

        def done() -> bool:
            if seen.is_set():
                with contextlib.suppress(RuntimeError, TypeError):
                    writer.done.disconnect(written)
                return True
            return False
        return start, done
    return make


def click(button_of: Callable[[], Any], done: Callable[[], bool] | None = None
          ) -> Callable[[str], tuple[Callable[[], object], Callable[[], bool]]]:
    def make(mode: str) -> tuple[Callable[[], object], Callable[[], bool]]:
        button = button_of()
        if not button.isEnabled():
            raise RuntimeError(f"the button “{button.text()}” is not enabled")
        return button.click, done or (lambda: True)
    return make
