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

The thresholds stay Python's own: with the start-up objects frozen, the collections they
trigger are short, and a higher threshold would only let garbage pile up between them.
`make bench` checks both: the plan-edit row, and memory over repeated opening and closing
of the big walk. Tests build many windows and never call `started()`, so nothing is
frozen in the test process and `walk_closed()` does nothing there.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

# How long after a walk closes its pages are collected: long enough for Qt to have
# deleted the widgets (deleteLater), short enough to be while the user looks at the list.
COLLECT_AFTER_CLOSE_MS = 300

_state = {"started": False}


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
    """One collection of everything not frozen; returns how many objects it freed."""
    return gc.collect()


def stop() -> None:
    """Undo `started()` (for a test): everything frozen goes back to the collector."""
    gc.unfreeze()
    _state["started"] = False
