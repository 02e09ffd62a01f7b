"""Next steps: what the group will do next, as a numbered list (add and delete)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from walkapp.domain import NextStep
from walkapp.events import Entity
from walkapp.services.commands import DebriefEdit
from walkapp.services.debrief import DebriefService
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.postbrief.base import Panel, chain_tab_order, heading
from walkapp.ui.screens.postbrief.statement_list import Done, StatementList
from walkapp.ui.widgets.nudge_field import OFF, NudgeSetup
from walkapp.ui.writer import Writer


class NextStepsPanel(Panel):
    entities = frozenset({Entity.NEXT_STEP})

    def __init__(self, debrief: DebriefService, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None,
                 nudge: NudgeSetup = OFF) -> None:
        super().__init__(walk_id, parent)
        self._debrief = debrief
        self._asker = asker
        self.use_writer(writer or Writer.around(self, debrief))
        self.setObjectName("nextStepsPanel")
        self.body.addWidget(heading(self.tr("Next steps"), self.tr(
            "What happens after today, in order: what we share, when we walk again, what "
            "we look for next time.")))
        self.list = StatementList(self.tr("Next steps"),
                                  self.tr("A next step, e.g. “Share the sentence strips at "
                                          "the next staff meeting”"),
                                  on_add=self._add, on_delete=self._delete, numbered=True,
                                  nudge=nudge, field="next_step")
        self.body.addWidget(self.list, 1)
        chain_tab_order(self.list.tab_order())

    def save_pending(self) -> bool:
        """A next step is saved when it is added: one still in its box is not saved."""
        return super().save_pending() and not self.list.has_draft()

    def load(self) -> list[NextStep]:
        return self._debrief.list_next_steps(self.walk_id)

    def apply(self, steps: list[NextStep]) -> None:
        self.list.set_rows([(s.id, s.text) for s in steps])

    def _add(self, text: str, restore: Done, saved: Done) -> None:
        self.write(DebriefEdit("add_next_step", (self.walk_id, text)),
                   lambda _r: saved(), lambda _e: restore())

    def _delete(self, step_id: str, done: Done) -> None:
        if self._asker.confirm(self, self.tr("Delete next step"),
                               self.tr("Delete this next step? This cannot be undone."),
                               self.tr("Delete")):
            self.write(DebriefEdit("delete_next_step", (step_id,)), lambda _r: done())
