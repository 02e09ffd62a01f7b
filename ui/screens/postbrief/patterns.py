"""Patterns: the group's statements, in the stages of the walk's debrief sequence.

The stages are the protocol's `[[debrief_sequence]]` (walkapp's usual describe → analyse →
predict → next level when it has none: Protocol.debrief_stages()), each a numbered section
with the protocol's title and prompt, so that the group describes before it analyses, and
so on, in the protocol's own words. A protocol may have stages of its own that share a kind
(two "analyse" stages: "Raise questions", "Dig deeper"; format version 2): each is a section
of its own, and a statement made in it keeps its stage (Pattern.stage_key; which section a
statement goes under is walkapp.protocol.own_keys'). Statements kept under a stage or kind
the protocol leaves out (written before, or merged from another laptop) are shown under
"Other", never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from walkapp.domain import Pattern, PatternKind
from walkapp.events import Entity
from walkapp.protocol.own_keys import pattern_stage_key, stage_heads
from walkapp.protocol.schema import DEFAULT_DEBRIEF, DebriefStage
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
from walkapp.ui.widgets.nudge_field import OFF, NudgeSetup
from walkapp.ui.writer import Writer

COLUMNS = 2


class PatternsPanel(Panel):
    entities = frozenset({Entity.PATTERN})

    def __init__(self, debrief: DebriefService, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None,
                 stages: Sequence[DebriefStage] | None = None,
                 nudge: NudgeSetup = OFF) -> None:
        super().__init__(walk_id, parent)
        self._debrief = debrief
        self._asker = asker
        self.stages = tuple(stages) if stages else DEFAULT_DEBRIEF
        self.use_writer(writer or Writer.around(self, debrief))
        self.setObjectName("patternsPanel")
        self.body.addWidget(heading(self.tr("Patterns"), self.tr(
            "Take the stages in order, one at a time. Leave judgements out.")))

        # Keyed by the stage's key (DebriefStage.stage_key: its own, else its kind's name).
        self.sections: dict[str, StatementList] = {}
        self.titles: dict[str, QLabel] = {}
        self.prompts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        heads = stage_heads(self.stages)
        for number, stage in enumerate((h for h in heads if not h.left_out), start=1):
            box, inner, title = self._box(f"pattern_{stage.key}",
                                          self.tr("{0}. {1}").format(number, stage.title))
            self.titles[stage.key] = title
            prompt = wrap_label(stage.prompt, name="panelHint")
            inner.addWidget(prompt)
            self.prompts[stage.key] = prompt
            section = StatementList(
                self.tr("{0} statements").format(stage.title),
                self.tr("A statement for “{0}”").format(stage.title),
                on_add=self._adder(stage.kind, stage.own_key), on_edit=self._edit,
                on_delete=self._delete, nudge=nudge, field="pattern")
            inner.addWidget(section, 1)
            self.sections[stage.key] = section
            grid.addWidget(box, (number - 1) // COLUMNS, (number - 1) % COLUMNS)
        # Kinds this protocol leaves out: their stored statements, to edit or delete.
        self._left_out = tuple(h.kind for h in heads if h.left_out)
        self.other_box, inner, _title = self._box("pattern_other", self.tr("Other statements"))
        inner.addWidget(wrap_label(self.tr(
            "Kept from earlier under a stage this protocol does not use ({0}).").format(
            ", ".join(pattern_label(k) for k in self._left_out)), name="panelHint"))
        self.other = StatementList(self.tr("Other statements"),
                                   self.tr("Select a statement and choose Edit to change it"),
                                   on_add=None, on_edit=self._edit, on_delete=self._delete,
                                   nudge=nudge, field="pattern")
        inner.addWidget(self.other, 1)
        count = len(self.stages)
        grid.addWidget(self.other_box, count // COLUMNS, count % COLUMNS)
        self.other_box.hide()
        for row in range((count + COLUMNS) // COLUMNS):
            grid.setRowStretch(row, 1)
        self.body.addLayout(grid, 1)
        chain_tab_order([w for section in [*self.sections.values(), self.other]
                         for w in section.tab_order()])

    def _box(self, name: str, title_text: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setObjectName(name)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(8, 6, 8, 8)
        inner.setSpacing(4)
        title = QLabel(title_text)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        inner.addWidget(title)
        return box, inner, title

    def save_pending(self) -> bool:
        """A statement is saved when it is added: one still in its box is not saved."""
        return super().save_pending() and not any(
            section.has_draft() for section in [*self.sections.values(), self.other])

    def load(self) -> list[Pattern]:
        return self._debrief.list_patterns(self.walk_id)

    def apply(self, patterns: list[Pattern]) -> None:
        placed = {p.id: pattern_stage_key(self.stages, p.kind, p.stage_key) for p in patterns}
        for key, section in self.sections.items():
            section.set_rows([(p.id, p.text) for p in patterns if placed[p.id] == key])
        others = [(p.id, p.text) for p in patterns if placed[p.id] not in self.sections]
        self.other.set_rows(others)
        self.other_box.setVisible(bool(others))

    def _adder(self, kind: PatternKind, stage_key: str) -> Callable[[str, Done, Done], None]:
        def add(text: str, restore: Done, saved: Done) -> None:
            self.write(DebriefEdit("add_pattern", (self.walk_id, kind, text, stage_key)),
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
