"""The evidence wall's decisions on notes (walkapp.note_states), as a part of the wall:
the line that counts the notes held back from the record, and opening a card
(note_card.NoteCardDialog) to rewrite, set aside, keep or put it back.

A mixin of `EvidenceWall` (evidence_wall.py), which owns the widgets and the loading; kept
apart so that each file says one thing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from walkapp import formatting as fmt
from walkapp import nudge
from walkapp.domain import Note, Walk
from walkapp.events import Entity
from walkapp.note_states import NoteState, NoteStatus
from walkapp.services.tallies import TallySummary
from walkapp.ui.models.evidence import EvidenceCard, EvidenceGroup, EvidenceModel, GroupBy
from walkapp.ui.screens.postbrief.note_card import NoteCardDialog, OpenedNote

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from walkapp.services.history import HistoryService
    from walkapp.ui.models.evidence import WallTexts
    from walkapp.ui.screens.postbrief.cards import CardList


@dataclass(frozen=True)
class WallRequest:
    group_by: GroupBy
    query: str
    show_authors: bool
    texts: WallTexts


@dataclass(frozen=True)
class WallData:
    walk: Walk
    notes: tuple[Note, ...]
    request: WallRequest
    groups: list[EvidenceGroup]
    versions: Mapping[str, int] = field(default_factory=dict)  # note id → its versions
    families: Mapping[str, str] = field(default_factory=dict)  # note id → its conflict
    edited: frozenset[str] = frozenset()  # notes the facilitator changed (history kept)
    # Each note's state (walkapp.note_states); empty without a ReviewService.
    statuses: Mapping[str, NoteStatus] = field(default_factory=dict)
    # The visit form's answers (notes with a form key), grouped "by question".
    answers: tuple[Note, ...] = ()
    # Counts across the walk (school level), when the protocol keeps tallies.
    tallies: tuple[TallySummary, ...] = ()


class WallDecisions:
    """What the wall needs for its decisions (set by EvidenceWall)."""

    if TYPE_CHECKING:
        _data: WallData | None
        _history: HistoryService | None
        held_back: QLabel
        tree: CardList
        model: EvidenceModel
        walk_id: str
        card_dialog: NoteCardDialog | None

        tr: Callable[..., str]
        is_closed: Callable[..., bool]
        write: Callable[..., None]

    def states(self) -> dict[str, NoteState]:
        """Each loaded note's state, by id (tests and the summary read it)."""
        return {k: v.state for k, v in self._data.statuses.items()} if self._data else {}

    def _show_held_back(self) -> None:
        states = self.states().values()
        flagged = sum(1 for s in states if s is NoteState.FLAGGED)
        aside = sum(1 for s in states if s is NoteState.SET_ASIDE)
        if flagged and aside:
            line = self.tr("{0} flagged and {1} set aside: {2} not going to the record."
                           ).format(fmt.number(flagged), fmt.number(aside),
                                    fmt.plural(flagged + aside, "{n} note is",
                                               "{n} notes are"))
        elif flagged:
            line = fmt.plural(flagged, "{n} flagged note is not going to the record.",
                              "{n} flagged notes are not going to the record.")
        elif aside:
            line = fmt.plural(aside, "{n} note set aside is not going to the record.",
                              "{n} notes set aside are not going to the record.")
        else:
            self.held_back.hide()
            return
        if flagged:
            line += " " + self.tr("Open a flagged note (Enter) to rewrite it, keep it in "
                                  "the record, or set it aside.")
        self.held_back.setText(line)
        self.held_back.show()

    def _current_card(self) -> str:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(EvidenceModel.KindRole) != "card":
            return ""
        return str(index.data(EvidenceModel.IdRole))

    def _card(self, note_id: str) -> EvidenceCard | None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if isinstance(item, EvidenceCard) and item.note_id == note_id:
                return item
        return None

    def open_card(self, note_id: str) -> NoteCardDialog | None:
        """Open the note `note_id`: its text, history and the decisions on it (None: no
        such note on the wall)."""
        data = self._data
        note = next((n for n in (*data.notes, *data.answers) if n.id == note_id),
                    None) if data else None
        if data is None or note is None or self.is_closed():
            return None
        card = self._card(note_id)
        status = data.statuses.get(note_id)
        opened = OpenedNote(note_id, note.text, card.meta if card else "",
                            status.state if status else NoteState.IN_RECORD,
                            note_id in data.edited, data.walk.language or "en")
        if self.card_dialog is not None:
            self.card_dialog.close()
            self.card_dialog.deleteLater()
        history = self._history
        walk_id = self.walk_id
        read = (lambda: history.history(walk_id, Entity.NOTE, note_id)) \
            if history is not None else None
        parent = self if isinstance(self, QWidget) else None  # the wall itself
        self.card_dialog = NoteCardDialog(opened, self.write, nudge.check, read, parent)
        self.card_dialog.finished.connect(lambda _r: self._card_closed(note_id))
        self.card_dialog.open()
        self.card_dialog.activateWindow()  # the keyboard goes to the note at once
        return self.card_dialog

    def _card_closed(self, note_id: str) -> None:
        # Back on the wall where the keyboard was: the same note (kept across the reload).
        if self.is_closed():
            return
        self._select("card", note_id)
        self.tree.setFocus()

    def _select(self, kind: str, key: str) -> None:
        model = self.model
        row = next((r for r in range(model.rowCount())
                    if model.index(r, 0).data(EvidenceModel.KindRole) == kind
                    and model.index(r, 0).data(EvidenceModel.IdRole) == key), -1)
        if row >= 0:
            self.tree.setCurrentIndex(model.index(row, 0))
