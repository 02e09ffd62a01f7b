"""The Trash screen: deleted walks, when each is removed for good, and what to do with them.

Restore brings one walk back as it was. "Delete now" and "Empty Trash" ask first (through
the Asker) and then remove for good off the GUI thread — rewriting every backup can take a
while. The same background removal runs the 30-day expiry at start-up (`expire`).
`shutdown()` waits for a removal that is still running, so the database is never closed
under it, and drops its late result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.services.commands import TrashEdit
from walkapp.services.trash import TRASH_DAYS, RemovalResult, TrashService
from walkapp.ui.dialogs import Asker
from walkapp.ui.models.trash import TrashTableModel
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.row_table import row_table, select_row_id, selected_row_id
from walkapp.ui.writer import Writer


class TrashView(QWidget, Stoppable):
    back_requested = Signal()
    restored = Signal(str)            # walk id
    removal_finished = Signal(object, str)  # RemovalResult, what it did in a sentence
    removal_failed = Signal(str)      # the message shown

    def __init__(self, trash: TrashService, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._trash = trash
        self._asker = asker
        # Restoring goes through the window's writer (a view built alone makes its own);
        # removal for good has its own worker below.
        self.writer = writer if writer is not None else Writer.around(self, trash)
        # Set by the worker thread when the removal's work is over (shutdown waits on it);
        # `_running` is the GUI's view, cleared only once the result has been shown.
        self._done = threading.Event()
        self._done.set()
        self._running = False
        self._closed = False
        self._stale = False
        self.setObjectName("trashView")

        title = QLabel(self.tr("Trash"))
        title.setObjectName("screenTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Deleted walks wait here for {0} days, then they are removed for good — from "
            "this laptop's database and from its backups. Restore brings a walk back as it "
            "was.").format(TRASH_DAYS))
        intro.setWordWrap(True)

        self.model = TrashTableModel(self)
        self.table = row_table(self.model, self.tr("Walks in the Trash"), stretch_column=1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.empty_state = QLabel(self.tr("The Trash is empty."))
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setObjectName("emptyState")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_state)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What the Trash did last"))

        self.back_button = QPushButton(self.tr("Back to the walks"))
        self.back_button.clicked.connect(self.back_requested)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected walk"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_now_button = QPushButton(self.tr("Delete now…"))
        self.delete_now_button.setAccessibleName(
            self.tr("Remove the selected walk for good now"))
        self.delete_now_button.clicked.connect(self.delete_selected_now)
        self.empty_button = QPushButton(self.tr("Empty Trash…"))
        self.empty_button.setAccessibleName(self.tr("Remove every walk in the Trash for good"))
        self.empty_button.clicked.connect(self.empty_trash)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        for button in (self.restore_button, self.delete_now_button, self.empty_button):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        # Read when first shown: the first window needs only the walks library.
        self._stale = True
        self._update_buttons()

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_walk_id()
        try:
            rows = self._trash.list_trash()
        except WalkappError as error:
            self.message.setText(error.message)
            rows = []
        self.model.set_rows(rows)
        self._stack.setCurrentWidget(self.table if rows else self.empty_state)
        if selected and self.model.row_of(selected) >= 0:
            self.select_walk(selected)
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def on_change(self, change: Change) -> None:
        if change.entity is not Entity.WALK:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def selected_walk_id(self) -> str | None:
        return selected_row_id(self.table)

    def select_walk(self, walk_id: str) -> None:
        select_row_id(self.table, walk_id)

    def is_idle(self) -> bool:
        """True when no removal is running (and the last one's result has been shown)."""
        return not self._running

    def _update_buttons(self) -> None:
        idle = self.is_idle()
        has = self.selected_walk_id() is not None
        self.restore_button.setEnabled(idle and has)
        self.delete_now_button.setEnabled(idle and has)
        self.empty_button.setEnabled(idle and self.model.rowCount() > 0)

    # -- actions ----------------------------------------------------------------------------
    def restore_selected(self) -> None:
        walk = self.model.row_at(self.model.row_of(self.selected_walk_id() or ""))
        if walk is None or not self.is_idle():
            return
        def restored(_walk: object) -> None:
            self.refresh()
            self.message.setText(self.tr("“{0}” is back among your walks.").format(walk.title))
            self.restored.emit(walk.id)

        def failed(error: BaseException) -> None:
            if not isinstance(error, WalkappError):
                raise error
            self._asker.warn(self, self.tr("The walk was not restored"), error.message)
            self.refresh()

        self.restore_button.setEnabled(False)  # once: the row goes when it is restored
        self.writer.write(TrashEdit("restore", (walk.id,)), origin=self, on_done=restored,
                          on_failed=failed)

    def delete_selected_now(self) -> None:
        walk = self.model.row_at(self.model.row_of(self.selected_walk_id() or ""))
        if walk is None or not self.is_idle():
            return
        if not self._asker.confirm(
                self, self.tr("Delete now"),
                self.tr("Remove “{0}” ({1}) for good — its notes, commitments and action "
                        "items, from this laptop's database and from every backup? This "
                        "cannot be undone.").format(walk.title,
                                                    fmt.short_date(walk.walk_date)),
                self.tr("Remove for good")):
            return
        self._start(lambda: self._trash.empty([walk.id]))

    def empty_trash(self) -> None:
        count = self.model.rowCount()
        if count == 0 or not self.is_idle():
            return
        if not self._asker.confirm(
                self, self.tr("Empty Trash"),
                self.tr("Remove {0} in the Trash for good — their notes, commitments and "
                        "action items, from this laptop's database and from every backup? "
                        "This cannot be undone.").format(
                            self.tr("the walk") if count == 1
                            else self.tr("the {0} walks").format(fmt.number(count))),
                self.tr("Empty Trash")):
            return
        self._start(lambda: self._trash.empty())

    def expire(self) -> None:
        """Remove for good the walks whose 30 days are over (the app calls this at start)."""
        if self.is_idle():
            self._start(lambda: self._trash.expire(), quiet=True, describe=describe_expiry)

    # -- the removal, off the GUI thread ---------------------------------------------------
    def _start(self, work: Callable[[], RemovalResult], *, quiet: bool = False,
               describe: Callable[[RemovalResult], str] | None = None) -> None:
        from walkapp.ui.workers import run_in_background

        done = threading.Event()
        self._done = done
        self._running = True

        def run(_progress: object) -> RemovalResult:
            try:
                return work()
            finally:
                done.set()

        if not quiet:
            self.message.setText(self.tr("Removing for good, and from the backups…"))
        self._update_buttons()
        self._task = run_in_background(
            run, on_done=lambda result: self._finished(result, describe or describe_removal),
            on_error=self._failed)

    def _finished(self, result: object, describe: Callable[[RemovalResult], str]) -> None:
        if self._closed or not isinstance(result, RemovalResult):
            return
        text = ""
        if result.walk_ids or (result.scrub is not None and result.scrub.outcomes):
            text = describe(result)
            self.message.setText(text)
        if result.scrub is not None and result.scrub.failed:
            self._asker.warn(self, self.tr("Some backups still hold the walk"),
                             failed_backups(result))
        self.removal_finished.emit(result, text)
        self._running = False
        self.refresh()

    def _failed(self, error: BaseException, details: str) -> None:
        if self._closed:
            return
        if isinstance(error, WalkappError):
            message = error.message
            self._asker.warn(self, self.tr("Nothing was removed"), message)
        else:
            message = self.tr("An unexpected error stopped the removal.")
            self._asker.error(self, self.tr("Nothing was removed"), details)
        self.message.setText(message)
        self.removal_failed.emit(message)
        self._running = False
        self.refresh()

    def shutdown(self) -> None:
        """Wait for a removal still running (the database must not close under it) and
        ignore its result from then on."""
        self._done.wait()
        self._closed = True
        self._running = False


def describe_removal(result: RemovalResult) -> str:
    count = len(result.walk_ids)
    what = (f"“{result.titles[0]}” was removed for good" if count == 1 and result.titles
            else f"{count} walks were removed for good" if count else
            "Backups that still held removed walks were tried again")
    scrub = result.scrub
    tail = f"; {scrub.summary()}." if scrub is not None and scrub.outcomes else "."
    return what + tail


def describe_expiry(result: RemovalResult) -> str:
    count = len(result.walk_ids)
    if not count:
        return describe_removal(result)
    scrub = result.scrub
    tail = f"; {scrub.summary()}." if scrub is not None and scrub.outcomes else "."
    return fmt.plural(count, "{n} walk whose %d days in the Trash were over was removed "
                      "for good", "{n} walks whose %d days in the Trash were over were "
                      "removed for good") % TRASH_DAYS + tail


def failed_backups(result: RemovalResult) -> str:
    assert result.scrub is not None
    lines = [f"{o.path.name}: {o.problem}" for o in result.scrub.failed]
    return ("These backups could not be rewritten, so they may still hold the removed text. "
            "walkapp tries again the next time the Trash is emptied or the app starts; you "
            "can also delete them.\n\n" + "\n".join(lines))
