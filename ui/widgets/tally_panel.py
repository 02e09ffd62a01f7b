"""The observation screen's tally strip: one control per `[[tallies]]` entry of the protocol,
for the visit on screen, written as the screen's author.

A count is a button showing its number (a tap adds one) with a "−" beside it that takes
one away; a duration is a Start/Stop button with the seconds so far, running from the
page's clock. Each tally's `shortcut` key does the same (adds one, or starts/stops) while
the typing focus is not in a text field: the note editor accepts plain keys before any
shortcut (Qt's ShortcutOverride), and `_typing()` refuses one that slips through, so a
shortcut never steals a letter from a note.

Taps and times are saved through the window's one writer, off the GUI thread, each as an
undoable edit of its row (Edit ▸ Undo puts the count back). The number shown moves at
once; the stored one replaces it when the last write of that tally is in. A running
timer saves what it has every CHECKPOINT_SECONDS and when it stops: on Stop, on another
visit, when the screen closes. The strip is hidden when the protocol has no tallies.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import count as counter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from walkapp.errors import WalkappError
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.services import Services
from walkapp.services import tallies as t
from walkapp.services.commands import Call, Target
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.countdown import format_seconds
from walkapp.ui.workers import cancel_owned_by, read_in_background
from walkapp.ui.writer import Writer, describe_failure

Clock = Callable[[], float]
CHECKPOINT_SECONDS = 30  # a running timer's time is saved at least this often
_FIELDS = ("count", "seconds", "deleted_at")  # what an undo of a tap puts back
_writes = counter(1)


@dataclass
class _Shown:
    """One tally on screen: its stored value, what is on its way, and a running timer."""

    tally: Tally
    count: int = 0
    seconds: int = 0
    pending: int = 0                 # writes of this tally not yet back
    started_at: float | None = None  # the clock when the running part began
    buttons: list[QWidget] = field(default_factory=list)


def _typing() -> bool:
    """Is the keyboard focus in a field that takes typed text?"""
    focus = QApplication.focusWidget()
    if isinstance(focus, (QTextEdit, QPlainTextEdit)):
        return not focus.isReadOnly()
    if isinstance(focus, QLineEdit):
        return not focus.isReadOnly()
    if isinstance(focus, QComboBox):
        return focus.isEditable()
    return isinstance(focus, QAbstractSpinBox)


class TallyPanel(QFrame, Stoppable):
    """Signals: `save_failed(message)` when a tap or a time could not be saved."""

    save_failed = Signal(str)

    def __init__(self, services: Services, walk_id: str, author_id: str | None,
                 tallies: Sequence[Tally], writer: Writer, clock: Clock | None = None,
                 origin: object | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyPanel")
        self._services, self._walk_id, self._author_id = services, walk_id, author_id
        self._writer, self._clock = writer, clock or time.monotonic
        self._origin = origin if origin is not None else self
        self._visit_id: str | None = None
        self._closed = False
        self._reads = 0
        self.loading = False  # a read of the visit's values is under way
        self._shown: dict[str, _Shown] = {}
        self._actions: list[QAction] = []
        self.buttons: dict[str, QPushButton] = {}
        self.minus_buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        title = QLabel(self.tr("Counts"))
        title.setObjectName("tallyTitle")
        layout.addWidget(title)
        for tally in tallies:
            self._add(tally, layout)
        layout.addStretch(1)
        self.setVisible(bool(tallies))
        writer.succeeded.connect(self._saved)
        writer.failed.connect(self._not_saved)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)

    def _add(self, tally: Tally, layout: QHBoxLayout) -> None:
        shown = _Shown(tally)
        self._shown[tally.key] = shown
        button = QPushButton()
        button.setObjectName("tallyButton")
        key = tally.shortcut
        hint = (self.tr(" (key {0})").format(key.upper()) if key else "")
        if tally.kind is TallyKind.DURATION:
            button.clicked.connect(lambda: self.toggle_timer(tally.key))
            button.setToolTip((tally.description or self.tr("Start or stop the timer"))
                              + hint)
            shown.buttons = [button]
        else:
            button.clicked.connect(lambda: self.tap(tally.key))
            button.setToolTip((tally.description or self.tr("Add one")) + hint)
            minus = QToolButton()
            minus.setText("−")
            minus.setAccessibleName(self.tr("Take one away from {0}").format(tally.label))
            minus.setToolTip(self.tr("Take one away (a tap made by mistake)"))
            minus.clicked.connect(lambda: self.take_one(tally.key))
            self.minus_buttons[tally.key] = minus
            shown.buttons = [button, minus]
        button.setAccessibleName(tally.label)
        self.buttons[tally.key] = button
        group = QHBoxLayout()
        group.setSpacing(2)
        for widget in shown.buttons:
            group.addWidget(widget)
        layout.addLayout(group)
        layout.addSpacing(10)
        if key:
            action = QAction(tally.label, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda: self._shortcut(tally.key))
            self._actions.append(action)
        self._show(tally.key)

    # -- public ------------------------------------------------------------------------------
    def shortcut_actions(self) -> list[QAction]:
        """The tallies' keys, for the screen to add (they work anywhere in it)."""
        return list(self._actions)

    def focus_chain(self) -> list[QWidget]:
        return [w for shown in self._shown.values() for w in shown.buttons] \
            if self._shown else []

    def show_visit(self, visit_id: str | None) -> None:
        """Show `visit_id`'s tallies (a running timer of the visit left is saved first)."""
        if visit_id == self._visit_id or self._closed:
            return
        self.stop_timers()
        self._visit_id = visit_id
        for shown in self._shown.values():
            shown.pending = 0  # writes still on their way are the visit left's
        self.reload()

    def reload(self) -> None:
        """Read the stored values of the visit on screen, off the GUI thread (a handful of
        rows: shown at once, as a rule)."""
        visit_id = self._visit_id
        if self._closed or not self._shown or visit_id is None:
            return
        service, walk_id, author_id = self._services.tallies, self._walk_id, self._author_id
        self._reads += 1
        generation = self._reads
        self.loading = True

        def apply(stored: dict[str, t.TallyValue]) -> None:
            if self._closed or generation != self._reads or visit_id != self._visit_id:
                return
            self.loading = False
            for key, shown in self._shown.items():
                if shown.pending:
                    continue  # the writes on their way bring the stored value
                value = stored.get(key)
                shown.count = value.count if value else 0
                shown.seconds = value.seconds if value else 0
                self._show(key)

        def failed(error: BaseException, _details: str) -> None:
            if self._closed or generation != self._reads:
                return
            self.loading = False
            if not isinstance(error, WalkappError):
                raise error  # a bug: the crash handler shows it
            self.save_failed.emit(self.tr("The counts could not be read: {0}")
                                  .format(error.message))

        read_in_background(lambda: service.for_visit(walk_id, visit_id, author_id), apply,
                           owner=self, on_error=failed)

    def tap(self, key: str) -> None:
        self._write(key, count=1)

    def take_one(self, key: str) -> None:
        if self._shown[key].count > 0:
            self._write(key, count=-1)

    def toggle_timer(self, key: str) -> None:
        shown = self._shown[key]
        if shown.started_at is None:
            if self._visit_id is not None and not self._closed:
                shown.started_at = self._clock()
                self._ticker.start()
            self._show(key)
        else:
            self._stop(key)

    def is_running(self, key: str) -> bool:
        return self._shown[key].started_at is not None

    def shown_count(self, key: str) -> int:
        return self._shown[key].count

    def shown_seconds(self, key: str) -> int:
        shown = self._shown[key]
        return shown.seconds + self._running(shown)

    def refresh(self) -> None:
        """Show the running timers' seconds; save a long-running one's time so far."""
        for key, shown in self._shown.items():
            if shown.started_at is not None:
                if self._running(shown) >= CHECKPOINT_SECONDS:
                    self._commit_running(key)
                self._show(key)
        if not any(s.started_at is not None for s in self._shown.values()):
            self._ticker.stop()

    def stop_timers(self) -> None:
        for key, shown in self._shown.items():
            if shown.started_at is not None:
                self._stop(key)

    def shutdown(self) -> None:
        if self._closed:
            return
        self.stop_timers()
        self._closed = True
        self._ticker.stop()
        cancel_owned_by(self)

    # -- inside --------------------------------------------------------------------------------
    def _shortcut(self, key: str) -> None:
        if _typing() or not self.isVisible():
            return
        if self._shown[key].tally.kind is TallyKind.DURATION:
            self.toggle_timer(key)
        else:
            self.tap(key)

    def _running(self, shown: _Shown) -> int:
        return max(0, round(self._clock() - shown.started_at)) \
            if shown.started_at is not None else 0

    def _stop(self, key: str) -> None:
        self._commit_running(key)
        self._shown[key].started_at = None
        self._show(key)

    def _commit_running(self, key: str) -> None:
        shown = self._shown[key]
        seconds = self._running(shown)
        if shown.started_at is not None:
            shown.started_at += seconds  # what is left over keeps running
        if seconds:
            self._write(key, seconds=seconds)

    def _write(self, key: str, count: int = 0, seconds: int = 0) -> None:
        visit_id = self._visit_id
        if visit_id is None or self._closed:
            return
        shown = self._shown[key]
        shown.count = min(t.MAX_COUNT, max(0, shown.count + count))
        shown.seconds = min(t.MAX_SECONDS, max(0, shown.seconds + seconds))
        shown.pending += 1
        self._show(key)
        walk_id, author_id = self._walk_id, self._author_id

        def work(services: Services) -> tuple[str, t.TallyValue]:
            return key, services.tallies.add(walk_id, visit_id, author_id, key,
                                             count=count, seconds=seconds)

        rid = t.row_id(walk_id, visit_id, author_id, key)
        what = self.tr("save the count") if count else self.tr("save the time")
        self._writer.submit(f"tally:{rid}:{next(_writes)}", 0,
                            Call(work, what, target=Target("Tally", rid, _FIELDS)),
                            origin=self._origin)

    def _saved(self, write_key: str, _generation: int, result: object) -> None:
        if not write_key.startswith("tally:") or self._closed:
            return
        if not (isinstance(result, tuple) and len(result) == 2
                and isinstance(result[1], t.TallyValue)):
            return
        key, value = result
        shown = self._shown.get(key)
        if shown is None or value.walk_id != self._walk_id \
                or value.author_id != self._author_id:
            return
        if value.visit_id == self._visit_id:
            shown.pending = max(0, shown.pending - 1)
            if not shown.pending:
                shown.count, shown.seconds = value.count, value.seconds
                self._show(key)

    def _not_saved(self, write_key: str, _generation: int, error: object) -> None:
        if not write_key.startswith("tally:") or self._closed:
            return
        for shown in self._shown.values():
            shown.pending = 0
        assert isinstance(error, BaseException)
        self.save_failed.emit(self.tr("A count was not saved: {0}").format(
            describe_failure(error)))
        self.reload()  # show what is stored, not what was lost

    def _key_hint(self, tally: Tally) -> str:
        # As the stems' buttons show theirs: the key after the words.
        return self.tr("  {0}").format(tally.shortcut.upper()) if tally.shortcut else ""

    def _show(self, key: str) -> None:
        shown = self._shown[key]
        tally, button = shown.tally, self.buttons[key]
        if tally.kind is TallyKind.DURATION:
            running = shown.started_at is not None
            button.setText(self.tr("{0} {1} · {2}").format(
                "■" if running else "▶", tally.label,
                format_seconds(shown.seconds + self._running(shown))) + self._key_hint(tally))
            button.setProperty("running", running)
        else:
            button.setText(self.tr("{0}: {1}").format(tally.label, shown.count)
                           + self._key_hint(tally))
            self.minus_buttons[key].setEnabled(shown.count > 0)
