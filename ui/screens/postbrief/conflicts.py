"""Conflicts: what was changed on two laptops before they met, and the user's choice.

A list of the walk's conflicts (kind, what it is about, who) beside the chosen one's
versions (`ConflictView`). Settling one is a write like any other: a `ConflictResolve`
command through the window's one writer, "Saved." once it is committed, "Not saved: …"
with Retry when it failed (the choice can be made again). The list follows `Change` events
of the four kinds that can conflict, so a conflict settled here, in another window or by an
import leaves the list without anyone refreshing it.

The panel is the post-brief's last tab (not a protocol step), titled with the number of
conflicts; that number is read off the GUI thread after every change of those kinds even
while the tab is not shown (`count_changed`), so the tab title is right without opening it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.services.commands import ConflictResolve
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.postbrief.base import Panel, chain_tab_order, heading, wrap_label
from walkapp.ui.screens.postbrief.conflict_view import (
    ConflictView,
    author_label,
    conflict_title,
)
from walkapp.ui.widgets.nudge_field import OFF, NudgeSetup
from walkapp.ui.workers import NewestRead
from walkapp.ui.writer import Writer

if TYPE_CHECKING:
    from walkapp import domain as d

# The kinds of rows that can be in conflict: a change of any of them may start or end one.
CONFLICT_ENTITIES = frozenset({Entity.NOTE, Entity.REFLECTION, Entity.COMMITMENT,
                               Entity.FEEDBACK})


class ConflictReader(Protocol):
    """The reads of `walkapp.services.conflicts.ConflictService` a screen needs."""

    def list_conflicts(self, walk_id: str) -> list[d.Conflict]: ...

    def count(self, walk_id: str) -> int: ...


def note_versions(conflicts: Sequence[d.Conflict]) -> dict[str, int]:
    """For each note row in a conflict, how many versions its conflict has (the wall's and
    calibration's "2 versions")."""
    return {side.row_id: len(c.sides) for c in conflicts if c.entity is Entity.NOTE
            for side in c.sides if not side.deleted}


def note_families(conflicts: Sequence[d.Conflict]) -> dict[str, str]:
    """For each note row in a conflict, its conflict (family): the two cards of one note
    count as one note changed on two laptops."""
    return {side.row_id: c.family for c in conflicts if c.entity is Entity.NOTE
            for side in c.sides if not side.deleted}


def who_names(conflict: d.Conflict) -> list[str]:
    """Who wrote the versions, each once, in the versions' order."""
    names: list[str] = []
    for side in conflict.sides:
        name = author_label(side)
        if name not in names:
            names.append(name)
    return names


def who_label(conflict: d.Conflict) -> str:
    return ", ".join(who_names(conflict))


class ConflictsPanel(Panel):
    entities = CONFLICT_ENTITIES | {Entity.PARTICIPANT, Entity.VISIT, Entity.LOOK_FOR}
    background = True
    coalesce_ms = 60

    def __init__(self, conflicts: ConflictReader, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer,
                 nudge: NudgeSetup = OFF) -> None:
        super().__init__(walk_id, parent)
        self._conflicts = conflicts
        self._asker = asker
        self.setObjectName("conflictsPanel")
        # The window's one writer: settling runs `services.conflicts` on its services.
        self.use_writer(writer)
        self.items: list[d.Conflict] = []
        self._count = -1
        self._wanted_row: str | None = None  # a row to select once the list is in
        self._busy_family: str | None = None
        self._count_reads = NewestRead(self, self.is_closed)
        # A burst of changes (an import) is one read of the count, just after it.
        self._count_timer = QTimer(self, singleShot=True, interval=self.coalesce_ms)
        self._count_timer.timeout.connect(self.read_count)

        self.body.addWidget(heading(self.tr("Conflicts"), self.tr(
            "What was changed on two laptops before they met. Nothing is lost: choose what "
            "to keep.")))

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conflicts to resolve"))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(150)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Each entry is two or three wrapped lines: shading and a gap keep them apart.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._picked)
        self.view = ConflictView(nudge=nudge)
        self.view.keep_requested.connect(self._keep)
        self.view.keep_both_requested.connect(self._keep_both)
        self.view.merge_requested.connect(self._merge)
        self.view.draft_changed.connect(self._draft_changed)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.list, 1)
        self.split.addWidget(left)
        self.split.addWidget(self.view)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([250, 750])  # a quarter for the list, wherever it is shown

        self.empty = wrap_label("", name="emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.split)
        self._stack.addWidget(self.empty)
        self.body.addWidget(self._stack, 1)
        self.status = wrap_label("", name="panelStatus")
        self.status.setAccessibleName(self.tr("What happened to your choice"))
        self.body.addWidget(self.status)
        self.read_count()

    # -- the count (tab title, header) ------------------------------------------------------
    def count(self) -> int:
        """Conflicts last read (-1 before the first read)."""
        return self._count

    def read_count(self) -> None:
        """Read the number of conflicts off the GUI thread; `count_changed` says it."""
        if self.is_closed():
            return
        conflicts, walk_id = self._conflicts, self.walk_id
        self._count_reads.start(lambda: conflicts.count(walk_id), self._set_count)

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.count_changed.emit(count)

    def on_change(self, change: Change) -> None:
        super().on_change(change)  # the list: now if shown, else when next shown
        if not self.is_closed() and change.walk_id == self.walk_id \
                and change.entity in CONFLICT_ENTITIES:
            self._count_timer.start()

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> list[d.Conflict]:
        return list(self._conflicts.list_conflicts(self.walk_id))

    def apply(self, conflicts: list[d.Conflict]) -> None:
        previous = self.current()
        previous_row = self.list.currentRow()
        self.items = list(conflicts)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.items:
            title = conflict_title(conflict)
            who = who_label(conflict)
            # The label names the writer already: a second line only for other names.
            extra = [n for n in who_names(conflict) if n not in title]
            item = QListWidgetItem(f"{title}\n{who}" if extra else title)
            item.setData(Qt.ItemDataRole.UserRole, conflict.family)
            item.setToolTip(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr(
                "{0}, {1} versions, by {2}").format(title, len(conflict.sides),
                                                    who_label(conflict)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._set_count(len(self.items))
        self.summary.setText(self.tr("{0} to resolve").format(
            fmt.plural(len(self.items), "{n} conflict", "{n} conflicts")))
        if not self.items and not self.view.is_editing():
            self._show_empty()
            return
        self._stack.setCurrentWidget(self.split)
        draft = self.view.draft_family()
        row = self._row_for(self._wanted_row) if self._wanted_row and not draft else -1
        if row >= 0:
            self._wanted_row = None
        elif draft is not None:
            row = self._row_for(draft)  # -1 when it was settled meanwhile: the view says so
        elif previous is not None:
            row = self._row_for(previous.family)
        if row < 0 and self.items and draft is None:
            # The one shown was settled: go on with the one that took its place.
            row = min(max(previous_row, 0), len(self.items) - 1)
        self.list.setCurrentRow(row)  # shows it (the list was cleared: the row changed)
        if row < 0:
            self._picked(row)

    def _show_empty(self) -> None:
        self.empty.setText(self.tr(
            "No conflicts. When the same note, reflection, commitment or feedback answer is "
            "changed on two laptops, both versions appear here for you to choose from."))
        self._stack.setCurrentWidget(self.empty)
        self.view.show_conflict(None)

    def _draft_changed(self) -> None:
        # While text is being edited into one, the list stays on its conflict: Save or
        # Cancel first (choosing another would leave the text without its versions).
        editing = self.view.is_editing()
        self.list.setEnabled(not editing)
        self._chain_focus()
        if not editing and not self.items and self._stack.currentWidget() is self.split:
            self._show_empty()  # the last conflict was settled while its text was edited
        elif not editing and self.items and self.current() is None:
            self.list.setCurrentRow(0)  # its conflict was settled meanwhile: the next one

    def _row_for(self, row_or_family: str) -> int:
        for index, conflict in enumerate(self.items):
            if conflict.family == row_or_family or any(
                    side.row_id == row_or_family for side in conflict.sides):
                return index
        return -1

    def current(self) -> d.Conflict | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, row_or_family: str) -> None:
        """Show the conflict of a row (a note's id from the evidence wall) or a family;
        if the list is not in yet, once it is."""
        if self.view.is_editing():
            return  # the text being edited into one stays in front until saved or dropped
        row = self._row_for(row_or_family)
        if row < 0:
            self._wanted_row = row_or_family
            return
        self.list.setCurrentRow(row)

    def _picked(self, row: int) -> None:
        conflict = self.items[row] if 0 <= row < len(self.items) else None
        self.view.show_conflict(conflict)
        if conflict is not None:
            self.view.set_busy(conflict.family == self._busy_family)
        self._chain_focus()

    def _chain_focus(self) -> None:
        # The versions are made for each conflict, after everything else: without this,
        # Tab would reach them last, after the status line.
        chain_tab_order([self.list, *self.view.focus_order()])

    # -- settling one ---------------------------------------------------------------------
    def _keep(self, family: str, row_id: str) -> None:
        self._resolve(ConflictResolve(self.walk_id, family, keep=row_id),
                      self.tr("Saved: the chosen version is kept."))

    def _keep_both(self, family: str) -> None:
        self._resolve(ConflictResolve(self.walk_id, family, keep_both=True),
                      self.tr("Saved: both versions are kept, as separate items."))

    def _merge(self, family: str, text: str) -> None:
        self._resolve(ConflictResolve(self.walk_id, family, text=text),
                      self.tr("Saved: the versions are now one."), merged=True)

    def _resolve(self, command: ConflictResolve, saved: str, *, merged: bool = False) -> None:
        if self._busy_family is not None:
            return  # one choice at a time: the first is still being saved
        self._busy_family = command.family
        self.view.set_busy(True)
        self.status.setText(self.tr("Saving…"))

        def done(_result: object) -> None:
            self._busy_family = None
            if merged and self.view.draft_family() == command.family:
                self.view.end_edit()
            self.status.setText(saved)
            self.view.set_busy(False)
            # The Change events reload the list; nothing to refresh by hand.

        def failed(_error: BaseException) -> None:
            self._busy_family = None
            self.status.setText(self.tr(
                "Your choice was not saved: the line below says why. Choose again, or "
                "Retry."))
            self.view.set_busy(False)

        self.write(command, done, failed)

    # -- the page contract ----------------------------------------------------------------
    def save_pending(self) -> bool:
        """Text edited into one and not saved yet is not saved."""
        return super().save_pending() and not self.view.has_draft()

    def has_draft(self) -> bool:
        return self.view.has_draft()

    def shown_families(self) -> Sequence[str]:
        return [c.family for c in self.items]
