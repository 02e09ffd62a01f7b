"""One conflict, its versions side by side, and the four ways to settle it.

A conflict is one note (or reflection, commitment, feedback answer) that was changed on two
laptops before they met: each version is a column with who wrote it, when, and its whole
text — or, for a deletion, that the other laptop deleted it. Under each column "Keep this
one"; under them all "Keep both" and "Edit into one…", which opens an editor filled with
every text, to be saved as the one version.

The view only says what the user chose (`keep_requested`, `keep_both_requested`,
`merge_requested`); the panel sends the write. The editor's text is the one thing here that
can be lost, so the panel asks it (`has_draft`) before the walk closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.events import Entity
from walkapp.ui.screens.postbrief.base import wrap_label
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under
from walkapp.ui.words import Words

if TYPE_CHECKING:
    from walkapp import domain as d

Conflicts = Words("Conflicts")

# A version's column is never narrower than this; the versions that do not fit side by side
# go on the next row.
SIDE_MIN_WIDTH = 160


def kind_label(entity: Entity) -> str:
    """What kind of thing is in conflict, as the user knows it."""
    labels = {Entity.NOTE: Conflicts.tr("Note"), Entity.REFLECTION: Conflicts.tr("Reflection"),
              Entity.COMMITMENT: Conflicts.tr("Commitment"),
              Entity.FEEDBACK: Conflicts.tr("Feedback answer")}
    return labels.get(entity) or Conflicts.tr("Item")


def author_label(side: d.ConflictSide) -> str:
    return side.author_name or Conflicts.tr("Facilitator")


def conflict_title(conflict: d.Conflict) -> str:
    """"Note by Ana on Visit 2 (Room 12)": the service's label says what it is; without
    one, the kind alone."""
    label = conflict.label.strip()
    return label[:1].upper() + label[1:] if label else kind_label(conflict.entity)


def merged_text(conflict: d.Conflict) -> str:
    """The editor's first text: every version that still has text, in order, apart."""
    texts: list[str] = []
    for side in conflict.sides:
        if not side.deleted and side.text.strip() and side.text not in texts:
            texts.append(side.text)
    return "\n\n".join(texts)


class SideCard(QFrame):
    """One version: who, when, the whole text (or "deleted"), and "Keep this one"."""

    def __init__(self, side: d.ConflictSide, keep_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName("conflictSide")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(SIDE_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        who = author_label(side)
        self.who = QLabel(who)
        font = QFont(self.who.font())
        font.setBold(True)
        self.who.setFont(font)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        when = fmt.moment(side.updated_at)
        # Both versions may carry the same writer (a facilitator's edit of a walker's
        # note): which one the lists show now tells them apart.
        changed = self.tr("Changed {0}").format(when)
        self.when = wrap_label(self.tr("{0} · shown in lists now").format(changed)
                               if side.current else changed, name="panelHint")
        layout.addWidget(self.who)
        layout.addWidget(self.when)
        if side.deleted:
            self.text_view: QPlainTextEdit | None = None
            self.deleted_label = wrap_label(self.tr(
                "Deleted on the other laptop. Keep this one to delete it here too."),
                name="conflictDeleted")
            italic = QFont(self.deleted_label.font())
            italic.setItalic(True)
            self.deleted_label.setFont(italic)
            layout.addWidget(self.deleted_label, 1, Qt.AlignmentFlag.AlignTop)
            described = self.tr("deleted by {0}, {1}").format(who, when)
        else:
            # Read-only but focusable: the whole text can be read (and scrolled) by keyboard.
            self.text_view = QPlainTextEdit(side.text)
            self.text_view.setReadOnly(True)
            self.text_view.setTabChangesFocus(True)
            self.text_view.setAccessibleName(self.tr("The version by {0}").format(who))
            self.text_view.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.TextSelectableByMouse)
            # As tall as the card can be, never less than three lines: its own size hint
            # (a dozen lines) would push the Keep buttons out of sight on a small screen.
            self.text_view.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Ignored)
            self.text_view.setMinimumHeight(self.text_view.fontMetrics().lineSpacing() * 3
                                            + 12)
            layout.addWidget(self.text_view, 1)
            described = self.tr("the version by {0}, {1}").format(who, when)
        self.keep_button = QPushButton(keep_text)
        self.keep_button.setAccessibleName(self.tr("Keep {0}").format(described))
        layout.addWidget(self.keep_button)

    def focus_order(self) -> list[QWidget]:
        return [w for w in (self.text_view, self.keep_button) if w is not None]


class ConflictView(QWidget):
    """The versions of one conflict side by side, or the editor that makes them one."""

    keep_requested = Signal(str, str)       # family, the row id of the version kept
    keep_both_requested = Signal(str)       # family
    merge_requested = Signal(str, str)      # family, the text edited into one
    draft_changed = Signal()                # the editor opened, closed or changed

    def __init__(self, parent: QWidget | None = None, *, nudge: NudgeSetup = OFF) -> None:
        super().__init__(parent)
        self.conflict: d.Conflict | None = None
        self.cards: list[SideCard] = []
        self._draft_family: str | None = None  # the conflict the editor's text is for
        self._draft_start = ""

        self.title = wrap_label("", name="conflictTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.hint = wrap_label("", name="panelHint")

        # -- the versions, side by side --------------------------------------------------
        self._sides_box = QWidget()
        # Side by side as many as fit (`_columns`), the rest on the next rows: a third
        # version on a small screen goes under the first instead of off the edge.
        self._sides_grid = QGridLayout(self._sides_box)
        self._sides_grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self.sides_scroll = QScrollArea()
        self.sides_scroll.setWidgetResizable(True)
        self.sides_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sides_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sides_scroll.setWidget(self._sides_box)
        self.keep_both_button = QPushButton(self.tr("Keep both"))
        self.keep_both_button.setToolTip(self.tr(
            "Both texts stay, as separate items; neither replaces the other."))
        self.keep_both_button.setAccessibleName(self.tr("Keep both versions as separate items"))
        self.keep_both_button.clicked.connect(self._keep_both)
        self.edit_button = QPushButton(self.tr("Edit into one…"))
        self.edit_button.setToolTip(self.tr(
            "Write one text from the versions; it replaces them all."))
        self.edit_button.setAccessibleName(self.tr("Edit the versions into one text"))
        self.edit_button.clicked.connect(self.start_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_both_button)
        actions.addWidget(self.edit_button)
        actions.addStretch(1)
        choose = QWidget()
        choose_layout = QVBoxLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(self.sides_scroll, 1)
        choose_layout.addLayout(actions)

        # -- the editor ------------------------------------------------------------------
        self.editor_hint = wrap_label(self.tr(
            "Every version is below. Edit them into the one text you want to keep, then "
            "save: it replaces the versions on every laptop."), name="panelHint")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("The text edited into one"))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self.draft_changed)
        self.nudge = NudgeField(self.editor, nudge, "conflict_text")
        self.save_button = QPushButton(self.tr("Save as one"))
        self.save_button.setAccessibleName(self.tr("Save the edited text as the one version"))
        self.save_button.clicked.connect(self._save_edit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop editing and drop the edited text"))
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.editor_note = wrap_label("", name="inlineError")
        self.editor_note.hide()
        edit_actions = QHBoxLayout()
        edit_actions.addWidget(self.save_button)
        edit_actions.addWidget(self.cancel_button)
        edit_actions.addStretch(1)
        edit = QWidget()
        edit_layout = QVBoxLayout(edit)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(self.editor_hint)
        edit_layout.addWidget(self.editor_note)
        edit_layout.addWidget(self.editor, 1)
        edit_layout.addWidget(hint_under(self.editor, self.nudge))
        edit_layout.addLayout(edit_actions)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(edit)
        self._choose, self._edit = choose, edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- what is shown -------------------------------------------------------------------
    def show_conflict(self, conflict: d.Conflict | None) -> None:
        """Show `conflict` (None: nothing chosen). A draft in the editor stays: for its own
        conflict it goes on; for one settled meanwhile the text stays to be copied."""
        same = (conflict is not None and self.conflict is not None
                and conflict.family == self.conflict.family)
        self.conflict = conflict
        if self._draft_family is not None:
            if conflict is not None and conflict.family == self._draft_family:
                self._describe(conflict)
                self.editor_note.hide()
                self.save_button.setEnabled(True)
                return
            if not same:
                self.editor_note.setText(self.tr(
                    "This conflict was settled meanwhile (on another screen or by an "
                    "import), so this text can no longer be saved here. Copy what you "
                    "need, then choose Cancel."))
                self.editor_note.show()
                self.save_button.setEnabled(False)
                return
        self._show_sides(conflict)

    def _describe(self, conflict: d.Conflict) -> None:
        self.title.setText(conflict_title(conflict))
        count = len(conflict.sides)
        self.hint.setText(self.tr(
            "Changed on two laptops before they were brought together. Choose the version "
            "to keep, keep both, or edit them into one.") if count == 2 else self.tr(
            "Changed on {0} laptops before they were brought together. Choose the version "
            "to keep, or edit them into one.").format(count))

    def _show_sides(self, conflict: d.Conflict | None) -> None:
        for card in self.cards:
            # Hidden now: deleteLater() only deletes in a later turn, and until then the
            # old versions would still be drawn under the new ones.
            card.hide()
            self._sides_grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self.pages.setCurrentWidget(self._choose)
        if conflict is None:
            self.title.setText("")
            self.hint.setText("")
            self.keep_both_button.setEnabled(False)
            self.edit_button.setEnabled(False)
            return
        self._describe(conflict)
        sides: Sequence[d.ConflictSide] = conflict.sides
        for position, side in enumerate(sides):
            if len(sides) == 2:
                keep = self.tr("Keep this one") if position == 0 else self.tr("Keep that one")
            else:
                keep = self.tr("Keep this one")
            card = SideCard(side, keep)
            card.keep_button.clicked.connect(
                lambda _checked=False, row=side.row_id: self._keep(row))
            self.cards.append(card)
        self._columns = 0
        self._place_cards()
        texts = [s for s in sides if not s.deleted]
        # Keeping "both" needs two texts: a deletion against a text has only one to keep.
        self.keep_both_button.setVisible(len(sides) == 2)
        self.keep_both_button.setEnabled(len(texts) >= 2)
        self.edit_button.setEnabled(bool(texts))
        self.set_busy(False)

    def focus_order(self) -> list[QWidget]:
        """Tab's order through the view: each version (its text, then Keep), then the
        choices for all of them, or the editor and its buttons."""
        if self.pages.currentWidget() is self._edit:
            return [self.editor, self.save_button, self.cancel_button]
        return [w for c in self.cards for w in c.focus_order()] + [self.keep_both_button,
                                                                  self.edit_button]

    def _fitting_columns(self) -> int:
        width = self.sides_scroll.viewport().width() or self.width()
        spacing = max(self._sides_grid.horizontalSpacing(), 0)
        return max(1, min(len(self.cards), (width + spacing) // (SIDE_MIN_WIDTH + spacing)))

    def _place_cards(self) -> None:
        columns = self._fitting_columns()
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._sides_grid.removeWidget(card)
        for column in range(self._sides_grid.columnCount()):
            self._sides_grid.setColumnStretch(column, 0)
        for position, card in enumerate(self.cards):
            self._sides_grid.addWidget(card, position // columns, position % columns)
            card.show()  # a child added to a shown widget stays hidden until told
        for column in range(columns):
            self._sides_grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()

    def set_busy(self, busy: bool) -> None:
        """While a choice is being saved, no second choice for the same conflict."""
        for card in self.cards:
            card.keep_button.setEnabled(not busy)
        sides = self.conflict.sides if self.conflict is not None else ()
        self.keep_both_button.setEnabled(not busy and sum(not s.deleted for s in sides) >= 2)
        self.edit_button.setEnabled(not busy and any(not s.deleted for s in sides))
        self.save_button.setEnabled(not busy and self._draft_family is not None
                                    and self.editor_note.isHidden())
        self.cancel_button.setEnabled(not busy)

    # -- the editor ------------------------------------------------------------------------
    def start_edit(self) -> None:
        conflict = self.conflict
        if conflict is None:
            return
        self._draft_family = conflict.family
        self._draft_start = merged_text(conflict)
        self.editor.setPlainText(self._draft_start)
        self.editor_note.hide()
        self.save_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentWidget(self._edit)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.draft_changed.emit()

    def cancel_edit(self) -> None:
        self.end_edit()
        self._show_sides(self.conflict)

    def end_edit(self) -> None:
        """Close the editor (its text saved, or dropped on purpose)."""
        self._draft_family = None
        self._draft_start = ""
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.editor_note.hide()
        self.draft_changed.emit()

    def is_editing(self) -> bool:
        return self._draft_family is not None

    def has_draft(self) -> bool:
        """Is there edited text that is not saved (more than the versions as they came)?"""
        return self._draft_family is not None and \
            self.editor.toPlainText() != self._draft_start

    def draft_family(self) -> str | None:
        return self._draft_family

    # -- the user's choices ---------------------------------------------------------------
    def _keep(self, row_id: str) -> None:
        if self.conflict is not None:
            self.keep_requested.emit(self.conflict.family, row_id)

    def _keep_both(self) -> None:
        if self.conflict is not None:
            self.keep_both_requested.emit(self.conflict.family)

    def _save_edit(self) -> None:
        if self._draft_family is None:
            return
        text = self.editor.toPlainText()
        if not text.strip():
            self.editor_note.setText(self.tr(
                "The text is empty. Write the one version to keep, or choose Cancel."))
            self.editor_note.show()
            return
        self.editor_note.hide()
        self.merge_requested.emit(self._draft_family, text)
