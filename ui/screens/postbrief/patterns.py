"""Patterns: the group's statements, in the order describe → analyse → predict → next level.

Four numbered sections, each with a short prompt, so that the group describes before it
analyses, analyses before it predicts, and only then names the next level of work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from walkapp.domain import Pattern, PatternKind
from walkapp.events import Entity
from walkapp.services.commands import DebriefEdit
from walkapp.services.debrief import DebriefService
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.postbrief.base import (
    Panel,
    chain_tab_order,
    heading,
    pattern_label,
    wrap_label,
)
from walkapp.ui.screens.postbrief.statement_list import Done, StatementList
from walkapp.ui.writer import Writer


class PatternsPanel(Panel):
    entities = frozenset({Entity.PATTERN})

    def __init__(self, debrief: DebriefService, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(walk_id, parent)
        self._debrief = debrief
        self._asker = asker
        self.use_writer(writer or Writer.around(self, debrief))
        self.setObjectName("patternsPanel")
        self.body.addWidget(heading(self.tr("Patterns"), self.tr(
            "Description before analysis, analysis before prediction, prediction before "
            "the next level of work. Leave judgements out.")))

        prompts = {
            PatternKind.DESCRIBE: (
                self.tr("What did we see and hear across the rooms? Only what a camera "
                        "could have recorded."),
                self.tr("A pattern in the evidence, e.g. “In 4 of 5 rooms…”")),
            PatternKind.ANALYSE: (
                self.tr("What connects the evidence? Which patterns go together, and why "
                        "might that be?"),
                self.tr("A connection or an explanation")),
            PatternKind.PREDICT: (
                self.tr("If students did everything asked of them in these rooms, what would "
                        "they learn to do?"),
                self.tr("What students would learn to do")),
            PatternKind.NEXT_LEVEL: (
                self.tr("What do we — walkers and school — need to learn or try next?"),
                self.tr("A next level of work for us")),
        }
        self.sections: dict[PatternKind, StatementList] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for number, kind in enumerate(PatternKind):
            prompt, placeholder = prompts[kind]
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box.setObjectName(f"pattern_{kind.value}")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(8, 6, 8, 8)
            inner.setSpacing(4)
            title = QLabel(self.tr("{0}. {1}").format(number + 1, pattern_label(kind)))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            inner.addWidget(title)
            inner.addWidget(wrap_label(prompt, name="panelHint"))
            section = StatementList(
                self.tr("{0} statements").format(pattern_label(kind)), placeholder,
                on_add=self._adder(kind),
                on_edit=self._edit, on_delete=self._delete)
            inner.addWidget(section, 1)
            self.sections[kind] = section
            grid.addWidget(box, number // 2, number % 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.body.addLayout(grid, 1)
        chain_tab_order([w for section in self.sections.values() for w in section.tab_order()])

    def save_pending(self) -> bool:
        """A statement is saved when it is added: one still in its box is not saved."""
        return super().save_pending() and not any(section.has_draft()
                                                  for section in self.sections.values())

    def load(self) -> list[Pattern]:
        return self._debrief.list_patterns(self.walk_id)

    def apply(self, patterns: list[Pattern]) -> None:
        for kind, section in self.sections.items():
            section.set_rows([(p.id, p.text) for p in patterns if p.kind is kind])

    def _adder(self, kind: PatternKind) -> Callable[[str, Done, Done], None]:
        def add(text: str, restore: Done, saved: Done) -> None:
            self.write(DebriefEdit("add_pattern", (self.walk_id, kind, text)),
                       lambda _r: saved(), lambda _e: restore())
        return add

    def _edit(self, pattern_id: str, text: str, restore: Done, saved: Done) -> None:
        self.write(DebriefEdit("update_pattern", (pattern_id, text)),
                   lambda _r: saved(), lambda _e: restore())

    def _delete(self, pattern_id: str, done: Done) -> None:
        if self._asker.confirm(self, self.tr("Delete statement"),
                               self.tr("Delete this statement? This cannot be undone."),
                               self.tr("Delete")):
            self.write(DebriefEdit("delete_pattern", (pattern_id,)), lambda _r: done())
