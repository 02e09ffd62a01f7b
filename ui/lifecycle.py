"""Closing screens for good: their timers stop and their late results are dropped.

A screen can outlive its walk by a moment: Qt deletes a closed widget only later, a QTimer
started just before the close still fires, a load on the thread pool still reports back,
and a change event committed just before the close is still queued. Any of these reaching
the database after it was closed is a crash, so every walkapp object that owns a timer, a
background load or a saver is a `walkapp.ui.page.Stoppable` (pages and panels are
`Page`s, which are Stoppable too). Its `shutdown()` saves what is typed but not yet saved
(the database is still open when it runs), stops the object's timers, and from then on
the object ignores late results and changes and starts nothing new. Calling it twice
does no harm.

`shutdown_tree(root)` calls `shutdown()` on `root` and on every Stoppable object under it,
parents before their children, so a screen saves what it holds before its parts stop. The
main window runs it when a walk or the window closes; the test fixtures run it after every
screen test (and fail a test that leaves a walkapp timer running: tests/helpers/leftovers.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from walkapp.ui.page import Stoppable


def shutdown_tree(root: QObject, *, include_root: bool = True) -> None:
    """Shut down `root` (unless `include_root` is false: for a `shutdown()` that uses
    this for its parts) and every Stoppable object below it, parents first."""
    objects = root.findChildren(QObject)
    if include_root:
        objects.insert(0, root)
    for obj in objects:
        if isinstance(obj, Stoppable):
            obj.shutdown()
