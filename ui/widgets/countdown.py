"""A calm countdown: planned vs elapsed time, a gentle warning near the end, never a popup.

Used for protocol steps, classroom visits and corridor talk. The clock is injectable
(`clock()` returns seconds, monotonic) so tests drive time without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from walkapp.ui.page import Stoppable

Clock = Callable[[], float]


def format_seconds(seconds: float) -> str:
    seconds = round(abs(seconds))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


class Countdown(QWidget, Stoppable):
    """Shows time left of a planned length; emits `warning` once near the end and
    `elapsed_planned` once when the planned time is used up (the timer keeps counting)."""

    warning = Signal()
    elapsed_planned = Signal()
    state_changed = Signal(str)  # "idle" | "running" | "paused"

    WARN_FRACTION = 0.2
    WARN_MIN_SECONDS = 60

    def __init__(self, label: str = "", clock: Clock | None = None,
                 parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._planned = 0.0
        self._accumulated = 0.0
        self._started_at: float | None = None
        self._warned = False
        self._over = False
        self._closed = False

        self.caption = QLabel(label)
        self.caption.setObjectName("countdownCaption")
        self.time_label = QLabel("0:00")
        self.time_label.setObjectName("countdownTime")
        font = QFont(self.time_label.font())
        font.setPointSizeF(font.pointSizeF() * (1.4 if compact else 2.0))
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.time_label.setFont(font)
        self.time_label.setAccessibleName(label or self.tr("Time left"))
        self.detail = QLabel("")
        self.detail.setObjectName("countdownDetail")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName(self.tr("Share of planned time used"))

        row = QHBoxLayout()
        row.addWidget(self.time_label)
        row.addWidget(self.detail, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if label:
            layout.addWidget(self.caption)
        layout.addLayout(row)
        layout.addWidget(self.bar)

        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.refresh)
        self.refresh()

    # -- control ---------------------------------------------------------------------------
    def set_planned(self, seconds: float, *, reset: bool = True) -> None:
        self._planned = max(0.0, float(seconds))
        if reset:
            self.reset()
        else:
            self.refresh()

    def planned(self) -> float:
        return self._planned

    def shutdown(self) -> None:
        """Stop ticking for good (its screen is closing); the time shown stays."""
        self._closed = True
        self._ticker.stop()

    def start(self) -> None:
        if self._closed:
            return
        if self._started_at is None:
            self._started_at = self._clock()
            self._ticker.start()
            self.state_changed.emit("running")
        self.refresh()

    def pause(self) -> None:
        if self._started_at is not None:
            self._accumulated += self._clock() - self._started_at
            self._started_at = None
            self._ticker.stop()
            self.state_changed.emit("paused")
        self.refresh()

    def toggle(self) -> None:
        if self.is_running():
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._accumulated = 0.0
        self._started_at = None
        self._warned = self._over = False
        self._ticker.stop()
        self.state_changed.emit("idle")
        self.refresh()

    def extend(self, seconds: float) -> None:
        self._planned += seconds
        if self.remaining() > self._warn_threshold():
            self._warned = False
        if self.remaining() > 0:
            self._over = False
        self.refresh()

    def set_elapsed(self, seconds: float) -> None:
        """Resume a timer after a restart (elapsed time read back from the log)."""
        self._accumulated = max(0.0, seconds)
        if self._started_at is not None:
            self._started_at = self._clock()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        running = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._accumulated + running

    def remaining(self) -> float:
        return self._planned - self.elapsed()

    def _warn_threshold(self) -> float:
        return min(self.WARN_MIN_SECONDS, self._planned * self.WARN_FRACTION) \
            if self._planned < self.WARN_MIN_SECONDS * 5 else self.WARN_MIN_SECONDS

    def state(self) -> str:
        """"normal", "warning" (near the end) or "over" (past the planned time)."""
        remaining = self.remaining()
        if self._planned and remaining <= 0:
            return "over"
        if self._planned and remaining <= self._warn_threshold():
            return "warning"
        return "normal"

    def refresh(self) -> None:
        remaining = self.remaining()
        state = self.state()
        if state == "over":
            self.time_label.setText("+" + format_seconds(remaining))
            self.detail.setText(self.tr("over the planned {0}").format(
                format_seconds(self._planned)))
        else:
            self.time_label.setText(format_seconds(remaining))
            self.detail.setText(self.tr("left of {0}").format(format_seconds(self._planned))
                                + ("" if self.is_running() or not self.elapsed()
                                   else self.tr(" · paused")))
        used = self.elapsed() / self._planned if self._planned else 0.0
        self.bar.setValue(int(min(1.0, used) * 1000))
        # A property, so the stylesheet colours the time without hard-coded colours here.
        if self.property("timeState") != state:
            self.setProperty("timeState", state)
            for widget in (self.time_label, self.bar):
                widget.setProperty("timeState", state)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.time_label.setAccessibleDescription(self.time_label.text() + " "
                                                 + self.detail.text())
        if state in ("warning", "over") and not self._warned and self.is_running():
            self._warned = True
            self.warning.emit()
        if state == "over" and not self._over and self.is_running():
            self._over = True
            self.elapsed_planned.emit()
