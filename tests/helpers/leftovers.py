"""What a screen test may not leave behind: running walkapp timers and background work.

A QTimer or a thread-pool result that outlives its test fires in a *later* test's event
loop, after this test's database was closed, and fails there ("Exceptions caught in Qt
event loop" at the set-up of an unrelated test). `active_timers()` finds such timers
deterministically, without waiting for them to fire; the autouse fixture in
tests/ui/conftest.py uses it after every screen test.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


def _python_class(obj: QObject) -> bool:
    # walkapp's classes and tests' subclasses of them; timers inside Qt's own widgets are
    # Qt's business.
    return not type(obj).__module__.startswith(("PySide6.", "shiboken6"))


def active_timers(roots: Iterable[QObject] | None = None) -> list[str]:
    """The running timers that walkapp objects under `roots` (default: every widget still
    alive) made for themselves, as "OwnerClass: <interval> ms", sorted."""
    if roots is None:
        app = QApplication.instance()
        roots = QApplication.allWidgets() if isinstance(app, QApplication) else []
    seen: set[int] = set()
    found: list[str] = []
    for root in roots:
        if not shiboken6.isValid(root):
            continue
        timers = root.findChildren(QTimer)
        if isinstance(root, QTimer):
            timers.append(root)
        for timer in timers:
            address = shiboken6.getCppPointer(timer)[0]
            if address in seen or not timer.isActive():
                continue
            seen.add(address)
            owner = timer.parent()
            if owner is not None and _python_class(owner):
                found.append(f"{type(owner).__name__}: {timer.interval()} ms")
    return sorted(found)
