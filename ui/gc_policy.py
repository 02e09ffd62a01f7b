"""When the app's Python garbage collector runs: the one place that decides it.

Why: Python's full (oldest-generation) collection walks every object the interpreter
tracks. Once the window is built that is about 125,000 objects (modules, SQLAlchemy's
mappers, Qt's wrappers) and one full collection takes 100–200 ms on the GUI thread, at a
moment the collector picks: `make bench` saw it as a 99–120 ms stall while a plan edit
waited for a locked database. Those objects live as long as the app, so collecting them
is wasted work.

The policy:

- `started()`, once the main window is built and before anything is opened: one
  collection of the two young generations (the garbage start-up made lately; the oldest
  generation held 10 unreachable objects among about 120,000 when measured, and walking
  it took 0.1–0.2 s before the first window was shown), then `gc.freeze()` moves every
  object that exists into the permanent generation, which the collector never walks. A full
  collection then walks only what was made since (an open walk of 1,080 notes: about
  15,000 objects, a few ms). Frozen objects are still freed by reference counting; only a
  reference cycle among them would never be, which is why nothing is frozen later (an
  open walk's pages, which do become garbage when it closes, are never frozen).
- `walk_closed()`: a walk's pages were closed, a calm moment (the library is shown):
  one collection soon after, so the closed pages' reference cycles are freed at once
  rather than whenever the collector next gets round to it. It walks only the unfrozen
  objects, so it is short.

- Only the GUI thread collects, and only while no background work runs. Python's own
  collector runs on whichever thread allocates when a count passes its threshold: a worker
  thread reading a big walk through SQLAlchemy allocates the most, so it was the one that
  collected the reference cycles of a closed page, and deleting Qt widgets off the GUI
  thread crashed the process (segfault; caught in the test suite, where it happened in
  about half of the runs of the step guide's tests). `install()` turns the automatic
  collector off and a timer on the GUI thread runs the collection Python would have run
  (`due_generation()`: the same thresholds and generations), skipped while a task of
  walkapp.ui.workers or a write of walkapp.ui.writer is running and taken up on a later
  tick.

With the start-up objects frozen, the collections are short, and a higher threshold would
only let garbage pile up between them. `make bench` checks both: the plan-edit row, and
memory over repeated opening and closing of the big walk. Tests build many windows and
never call `started()`, so nothing is frozen in the test process and `walk_closed()` does
nothing there; tests/conftest.py holds the collector off during each Qt test the same way
(`hold()`, then `collect_if_idle()`).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer

# How long after a walk closes its pages are collected: long enough for Qt to have
# deleted the widgets (deleteLater), short enough to be while the user looks at the list.
COLLECT_AFTER_CLOSE_MS = 300

# How often the GUI thread looks whether a collection is due: Python itself checks on
# every allocation; four times a second keeps garbage from piling up in a burst of work
# and costs nothing measurable when idle (one call to gc.get_count()).
TICK_MS = 250

_state = {"started": False}
_timer: list[QTimer] = []


def started() -> None:
    """The app is up (its window built, nothing opened yet): collect the young
    generations, then freeze what exists. Calling it again is harmless (it freezes what
    is new since)."""
    gc.collect(1)  # not a full collection: see the module docstring
    gc.freeze()
    _state["started"] = True


def is_started() -> bool:
    return _state["started"]


def walk_closed() -> None:
    """A walk's pages were closed: collect them soon (only once `started()` ran)."""
    if _state["started"]:
        QTimer.singleShot(COLLECT_AFTER_CLOSE_MS, collect_now)


def collect_now() -> int:
    """One collection of everything not frozen, unless background work is running (then
    the timer's next due collection takes it up); how many objects it freed."""
    return collect_if_idle(full=True) or 0


def stop() -> None:
    """Undo `started()` (for a test): everything frozen goes back to the collector."""
    gc.unfreeze()
    _state["started"] = False
    uninstall()


def install(parent: QObject) -> None:
    """Collect only on the GUI thread, only while no background work runs (see the module
    docstring). `parent` (the application) owns the timer."""
    hold()
    if not _timer:
        timer = QTimer(parent)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(collect_if_idle)
        timer.start()
        _timer.append(timer)


def uninstall() -> None:
    """Undo `install()` (for a test, or when the app has shut down): Python's own collector
    again."""
    while _timer:
        _timer.pop().stop()
    gc.enable()


def hold() -> None:
    """No automatic collection from here on, on any thread: `collect_if_idle()` does it."""
    gc.disable()


def due_generation() -> int | None:
    """The generation Python's collector would collect now, or None: the oldest whose
    count has passed its threshold (gc.get_count() against gc.get_threshold())."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            return generation
    return None


def background_busy() -> bool:
    """A worker task or a write is running: its thread may be deep inside SQLAlchemy, and
    no collection (which can delete Qt objects) should run beside it."""
    workers = sys.modules.get("walkapp.ui.workers")
    if workers is not None and workers.pending():
        return True
    writer = sys.modules.get("walkapp.ui.writer")
    return writer is not None and writer.any_writing()


def collect_if_idle(*, full: bool = False) -> int | None:
    """On the GUI thread: run the collection that is due (everything with `full`), unless
    background work is running. How many objects it freed, or None when it did not run."""
    if background_busy():
        return None
    generation = 2 if full else due_generation()
    if generation is None:
        return 0
    return gc.collect(generation)
