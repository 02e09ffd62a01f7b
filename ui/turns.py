"""Work cut into slices, each in a later turn of the event loop.

Why not `QTimer.singleShot(0, …)`: in Qt 6 that posts an event, and the GUI thread takes
posted events before the timers and input that are waiting (Qt's GLib event dispatcher,
which the app runs on Linux): a chain of zero-delay slices runs back to back, one long
stall, and the repaint or key press the slicing was for waits until the chain ends
(measured: two 20 ms slices gave a 46 ms stall). A 1 ms timer is a real timer: every
timer and input that is due runs before it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

# The delay of a slice: the smallest a timer has; what matters is that it is a timer.
SLICE_MS = 1


def later(receiver: QObject, slot: Callable[[], None]) -> None:
    """Call `slot` in a later turn, after what is due (timers, input, repaints); never if
    `receiver` has been deleted meanwhile."""
    QTimer.singleShot(SLICE_MS, receiver, slot)
