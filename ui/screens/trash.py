"""The Trash screen: deleted walks, when each is removed for good, and what to do with them.

Restore brings one walk back as it was. "Delete now" and "Empty Trash" ask first (through
the Asker) and then remove for good off the GUI thread — rewriting every backup can take a
while — through a `walkapp.ui.trash_removal.TrashRemoval`, the same one that runs the
30-day expiry at start-up (the screen itself is built only when first shown).
`shutdown()` waits for a removal that is still running, so the database is never closed
under it, and drops its late result.
"""

from __future__ import annotations

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
from walkapp.services.trash import TRASH_DAYS, TrashService
from walkapp.ui.dialogs import Asker
from walkapp.ui.help_sections import GuideSection
from walkapp.ui.models.trash import TrashTableModel
from walkapp.ui.page import Stoppable
from walkapp.ui.trash_removal import TrashRemoval
from walkapp.ui.widgets.guide_link import GuideLink
from walkapp.ui.widgets.row_table import row_table, select_row_id, selected_row_id
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.writer import Writer


class TrashView(QWidget, Stoppable):
    back_requested = Signal()
    restored = Signal(str)            # walk id
    removal_finished = Signal(object, str)  # RemovalResult, what it did in a sentence
    removal_failed = Signal(str)      # the message shown
    guide_requested = Signal(str)     # the guide at a section (walkapp.ui.help_sections)

    def __init__(self, trash: TrashService, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None,
                 removal: TrashRemoval | None = None) -> None:
        super().__init__(parent)
        self._trash = trash
        self._asker = asker
        # Restoring goes through the window's writer (a view built alone makes its own);
        # removal for good goes through the window's TrashRemoval, shared with the start-up
        # expiry (a view built alone makes its own), one removal at a time.
        self.writer = writer if writer is not None else Writer.around(self, trash)
        self.removal = removal if removal is not None else TrashRemoval(
            trash, asker, lambda: self, self)
        self.removal.message.connect(self._show_message)
        self.removal.failed.connect(self.removal_failed)
        self.removal.finished.connect(self.removal_finished)
        self.removal.running_changed.connect(self._removal_over)
        self._stale = False
        self.setObjectName("trashView")

        title = screen_title(self.tr("Trash"))
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
        # Empty: what the Trash is for, in the guide's part on where things are kept.
        self.learn_more = GuideLink(self.guide_requested.emit, GuideSection.KEPT)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_state)
        empty_layout.addWidget(self.learn_more, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self._empty_page = empty_page
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(empty_page)

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
        self._stack.setCurrentWidget(self.table if rows else self._empty_page)
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
        return self.removal.is_idle()

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
        self.removal.empty([walk.id])

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
        self.removal.empty()

    def expire(self) -> None:
        """Remove for good the walks whose 30 days are over (as the app does at start)."""
        self.removal.expire()

    # -- the removal, off the GUI thread (shared with the start-up expiry) ------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)

    def _removal_over(self) -> None:
        self._update_buttons()
        if self.removal.is_idle():
            self.refresh()

    def shutdown(self) -> None:
        """Wait for a removal still running (the database must not close under it) and
        ignore its result from then on."""
        self.removal.shutdown()
