"""The evidence wall "by question": the answers to the protocol's visit form, one group per
question (walkapp.ui.models.form_answers), as a part of EvidenceWall kept on its own.

Written answers are cards, like notes (open, set aside, keep); a choice or a checklist is
one card of counts across the whole walk that opens nothing — never per visit, so no room is
scored. The notes' groupings (look-for, stem, visit) never hold an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from walkapp import formatting as fmt
from walkapp.ui.models.evidence import EvidenceGroup, GroupBy, group_notes
from walkapp.ui.models.form_answers import group_answers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QStackedWidget

    from walkapp.protocol.schema import Prompt
    from walkapp.ui.screens.postbrief.cards import CardList
    from walkapp.ui.screens.postbrief.wall_decisions import WallData, WallRequest
    from walkapp.ui.widgets.empty_state import EmptyState


class WallQuestions:
    """The wall's grouping of its data, by question or as notes (set by EvidenceWall)."""

    if TYPE_CHECKING:
        _data: WallData | None
        _form: tuple[Prompt, ...]
        summary: QLabel
        empty: EmptyState
        _stack: QStackedWidget
        tree: CardList

        tr: Callable[..., str]
        _show_empty: Callable[..., None]

    def _grouped(self, data: WallData, request: WallRequest) -> list[EvidenceGroup]:
        """The groups the controls ask for (a worker thread may run this: plain data)."""
        if request.group_by is GroupBy.QUESTION:
            return group_answers(data.walk, self._form, data.answers, request.texts,
                                 query=request.query, show_authors=request.show_authors,
                                 statuses=data.statuses)
        return group_notes(data.walk, data.notes, request.group_by, request.texts,
                           query=request.query, show_authors=request.show_authors,
                           versions=data.versions, edited=data.edited,
                           statuses=data.statuses)

    def _show_answers(self, groups: list[EvidenceGroup]) -> None:
        """The summary line and the empty state of the wall by question."""
        assert self._data is not None
        answered = len({n.family for n in self._data.answers if n.text.strip()})
        self.summary.setText(self.tr(
            "{0} to {1}. Choices and ticks are counted for the walk as a whole.").format(
                fmt.plural(answered, "{n} answer", "{n} answers"),
                fmt.plural(len(self._form), "{n} question", "{n} questions")))
        if not answered:
            self.empty.setText(self.tr("No answers yet\nWhat walkers answer to the visit's "
                                       "questions appears here, question by question."))
            self._show_empty(learn_more=False)
        elif groups:
            self._stack.setCurrentWidget(self.tree)
        else:
            self._show_empty(learn_more=False)
