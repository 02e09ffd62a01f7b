"""What every post-brief panel shares: targeted, coalesced, lazy refresh and error reporting.

A panel names the entities it shows (`entities`). The workspace hands it every `Change`;
the panel refreshes only for its own walk and entities, coalesces bursts (an import of a
hundred notes is one reload), and when it is hidden it only remembers that it is stale and
reloads the next time it is shown. Panels whose data can be large (`background = True`)
load it on Qt's thread pool so the window never freezes; a generation counter makes sure a
slow, older load never overwrites a newer one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.domain import PatternKind, Stem
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.protocol.own_keys import stem_heads
from walkapp.protocol.schema import StemSpec
from walkapp.services.commands import Command
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.widgets.page_scroll import scrolling
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.words import Words
from walkapp.ui.workers import cancel_owned_by, run_in_background
from walkapp.ui.writer import Writer

PostBrief = Words("PostBrief")

T = TypeVar("T")



def stem_label(stem: Stem) -> str:
    """The stem as the walkers know it, translated (domain labels are English only)."""
    labels = {Stem.NOTICED: PostBrief.tr("I noticed"), Stem.WONDER: PostBrief.tr("I wonder"),
              Stem.WILL_TRY: PostBrief.tr("I will try"), Stem.QUESTION: PostBrief.tr("Question")}
    return labels[stem]


def stem_names(specs: Sequence[StemSpec]) -> dict[str, str]:
    """Every group a note can go under (walkapp.protocol.own_keys), in order, with its
    heading: the protocol's stems in its words, then the plain stems it does not offer,
    translated."""
    return {h.key: h.label if h.offered else stem_label(h.stem) for h in stem_heads(specs)}


def pattern_label(kind: PatternKind) -> str:
    labels = {PatternKind.DESCRIBE: PostBrief.tr("Describe"),
              PatternKind.ANALYSE: PostBrief.tr("Analyse"),
              PatternKind.PREDICT: PostBrief.tr("Predict"),
              PatternKind.NEXT_LEVEL: PostBrief.tr("Next level of work")}
    return labels[kind]


def visit_label(position: int | str) -> str:
    """Visits are numbered, never named."""
    return PostBrief.tr("Visit {0}").format(position)


def attempt(asker: Asker, parent: QWidget, title: str, action: Callable[[], T]) -> T | None:
    """Run a service call; an expected failure is shown to the user and gives None.

    Anything that is not a WalkappError is a bug and propagates to the crash handler.
    """
    try:
        return action()
    except WalkappError as error:
        asker.error(parent, title, error.message)
        return None


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit `widgets` in this order (call after they are all in one window)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def heading(title: str, hint: str) -> QWidget:
    """A panel's title with a one-line guiding hint beside it (saves vertical space)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    label = QLabel(title)
    label.setObjectName("panelTitle")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    guide = QLabel(hint)
    guide.setObjectName("panelHint")
    guide.setWordWrap(True)
    row.addWidget(label)
    row.addSpacing(12)
    row.addWidget(guide, 1)
    return box


class Panel(QWidget, Page):
    """Base of the post-brief panels. Subclasses set `name`, `entities`, `title`, and
    implement `load()` (plain data; may run on a worker thread, so it must not touch
    widgets) and `apply(data)` (updates the widgets on the GUI thread). A panel that holds
    typed text overrides `save_pending()`."""

    refreshed = Signal()  # the view now shows freshly loaded data
    load_failed = Signal(str)
    # A number for the panel's tab title ("Conflicts (3)"); 0 shows the title alone.
    count_changed = Signal(int)
    # The user asked to settle the conflict of this row (a note marked "2 versions").
    conflicts_requested = Signal(str)

    entities: ClassVar[frozenset[Entity]] = frozenset()
    background: ClassVar[bool] = False
    # How long a burst of changes may pile up before one reload (ms).
    coalesce_ms: ClassVar[int] = 0

    def __init__(self, walk_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self.refresh_count = 0
        self._generation = 0
        self._loading = False
        self._stale = True
        self._closed = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=self.coalesce_ms)
        self._refresh_timer.timeout.connect(self.refresh)

        # Shown only when loading failed: the message and a way to try again.
        self._notice = QWidget()
        notice_row = QHBoxLayout(self._notice)
        notice_row.setContentsMargins(0, 0, 0, 0)
        self._notice_label = QLabel()
        self._notice_label.setObjectName("panelError")
        self._notice_label.setWordWrap(True)
        self._retry = QPushButton(PostBrief.tr("Try again"))
        self._retry.setAccessibleName(PostBrief.tr("Try loading again"))
        self._retry.clicked.connect(self.refresh)
        notice_row.addWidget(self._notice_label, 1)
        notice_row.addWidget(self._retry)
        self._notice.hide()

        self._busy = QProgressBar()
        self._busy.setRange(0, 0)
        self._busy.setMaximumHeight(4)
        self._busy.setTextVisible(False)
        self._busy.setAccessibleName(PostBrief.tr("Loading"))
        self._busy.hide()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(6)
        outer.addWidget(self._busy)
        outer.addWidget(self._notice)
        # The panel's own parts scroll when the window is too small for them (issue 18).
        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)
        outer.addWidget(scrolling(content), 1)
        self._outer = outer
        self.writer: Writer | None = None
        self.write_notice: WriteNotice | None = None

    def count(self) -> int:
        """The number in the panel's tab title (0: none); see `count_changed`."""
        return 0

    # -- writing -----------------------------------------------------------------------------
    def use_writer(self, writer: Writer) -> None:
        """Send this panel's edits through `writer` (the window's one writer); a line at
        the bottom says when one waits for the database or failed (with Retry)."""
        self.writer = writer
        self.write_notice = WriteNotice(writer, self)
        self._outer.addWidget(self.write_notice)

    def write(self, command: Command, then: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None) -> None:
        """Run `command` on the writer; `then(result)` on the GUI thread once committed,
        `failed(error)` if it failed — the notice then says why and offers Retry."""
        assert self.write_notice is not None, "call use_writer() first"
        if not self._closed:
            self.write_notice.write(command, then, failed)

    def write_failed(self) -> bool:
        """Has one of this panel's writes failed (and not been retried successfully)?"""
        return self.write_notice is not None and self.write_notice.has_failed()

    # -- change routing ----------------------------------------------------------------------
    def wants(self, change: Change) -> bool:
        return change.walk_id == self.walk_id and change.entity in self.entities

    def on_change(self, change: Change) -> None:
        if self._closed or not self.wants(change):
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def save_pending(self) -> bool:
        """Nothing typed here by default: True unless one of this panel's writes failed
        (its notice says why and offers Retry). The writer's line is flushed by the
        post-brief workspace, once for all its panels."""
        return not self.write_failed()

    def is_stale(self) -> bool:
        return self._stale

    def is_loading(self) -> bool:
        return self._loading or self._refresh_timer.isActive()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._closed:
            self._refresh_timer.start()

    def shutdown(self) -> None:
        """Stop for good (the walk is being closed): save what is pending, start no new
        load, and ignore the result of one still running."""
        self._closed = True
        # Every timer the panel made for itself (subclasses too): none may fire now.
        for timer in self.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly):
            timer.stop()
        self._generation += 1
        self._loading = False
        self._busy.hide()
        cancel_owned_by(self)

    def is_closed(self) -> bool:
        return self._closed

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> Any:
        raise NotImplementedError

    def apply(self, data: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        self._refresh_timer.stop()
        if self._closed:
            return  # the walk is closed: its database may be too
        self._stale = False
        self._generation += 1
        generation = self._generation
        if not self.background:
            try:
                data = self.load()
            except WalkappError as error:
                self._failed(generation, error.message)
                return
            self._loaded(generation, data)
            return
        self._loading = True
        self._busy.show()

        def on_error(error: BaseException, details: str) -> None:
            if not self._current(generation):
                return  # the panel is gone or a newer load is under way
            if not isinstance(error, WalkappError):
                self._loading = False
                self._busy.hide()
                raise error  # a bug: let the crash handler show it
            self._failed(generation, error.message)

        run_in_background(lambda _progress: self.load(),
                          on_done=lambda data: self._loaded(generation, data),
                          on_error=on_error, owner=self)

    def _current(self, generation: int) -> bool:
        # The widget may be gone (walk closed) or a newer load may have started.
        return shiboken6.isValid(self) and generation == self._generation

    def _loaded(self, generation: int, data: Any) -> None:
        if not self._current(generation):
            return
        self._loading = False
        self._busy.hide()
        self._notice.hide()
        self.apply(data)
        self.refresh_count += 1
        self.refreshed.emit()

    def _failed(self, generation: int, message: str) -> None:
        if not self._current(generation):
            return
        self._loading = False
        self._busy.hide()
        self._notice_label.setText(PostBrief.tr("Could not load this part of the post-brief: {0}")
                                   .format(message))
        self._notice.show()
        self.load_failed.emit(message)


def wrap_label(text: str, *, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label
