"""Calibration: pick a visit and read what each walker wrote about it, side by side.

Seeing several descriptions of the same five minutes is how a group learns to describe
before it judges. Walkers appear as "Walker A, B…" unless the facilitator shows names.
A note changed on two laptops (a conflict) starts with "⚠ 2 versions" in its cell; a line
above the grid says so, with a way to the Conflicts view (so does Enter on the cell).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.domain import Note, Walk
from walkapp.events import Entity
from walkapp.protocol.schema import Prompt
from walkapp.services.notes import NoteService
from walkapp.services.walks import WalkService
from walkapp.ui.models.calibration import CalibrationModel, CalibrationTexts, calibration_grid
from walkapp.ui.models.form_answers import with_answers
from walkapp.ui.screens.postbrief.base import Panel, heading, stem_names, visit_label
from walkapp.ui.screens.postbrief.conflicts import (
    ConflictReader,
    note_families,
    note_versions,
)
from walkapp.ui.screens.postbrief.padded import PaddedTextDelegate
from walkapp.ui.widgets.conflict_bar import ConflictBar


@dataclass(frozen=True)
class CalibrationData:
    walk: Walk
    visit_id: str | None
    notes: tuple[Note, ...]
    versions: Mapping[str, int] = field(default_factory=dict)  # note id → its versions
    families: Mapping[str, str] = field(default_factory=dict)  # note id → its conflict
    answers: tuple[Note, ...] = ()  # the visit's answers to the visit form


class CalibrationView(Panel):
    entities = frozenset({Entity.NOTE, Entity.VISIT, Entity.PARTICIPANT, Entity.LOOK_FOR})
    background = True
    coalesce_ms = 60

    def __init__(self, notes: NoteService, walks: WalkService, walk_id: str,
                 parent: QWidget | None = None, *,
                 conflicts: ConflictReader | None = None,
                 stem_labels: Mapping[str, str] | None = None,
                 form: Sequence[Prompt] = ()) -> None:
        super().__init__(walk_id, parent)
        self._form = tuple(form)  # the protocol's visit form: its questions are rows too
        self._conflicts = conflicts  # None: no conflict marks (a panel built alone)
        # The walk's protocol's stem labels (as on the note-taker's buttons).
        # (By group key, in order: see base.stem_names.)
        self._stem_labels = dict(stem_labels or stem_names(()))
        self._notes = notes
        self._walks = walks
        self._visit_id: str | None = None
        self._data: CalibrationData | None = None
        self.setObjectName("calibrationView")

        self.body.addWidget(heading(self.tr("Calibration"), self.tr(
            "The same visit through different eyes. Compare how each of you described it: "
            "what did one see that another did not?")))

        controls = QHBoxLayout()
        visit_caption = QLabel(self.tr("Visit:"))
        self.visit_box = QComboBox()
        self.visit_box.setAccessibleName(self.tr("Visit to compare"))
        self.visit_box.setMinimumContentsLength(10)
        visit_caption.setBuddy(self.visit_box)
        self.visit_box.currentIndexChanged.connect(self._visit_picked)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous visit"))
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next visit"))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.show_names = QCheckBox(self.tr("Show walkers' names"))
        self.show_names.setAccessibleName(self.tr("Show walkers' names"))
        self.show_names.toggled.connect(self._rebuild)
        controls.addWidget(visit_caption)
        controls.addWidget(self.visit_box)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.next_button)
        controls.addStretch(1)
        controls.addWidget(self.show_names)
        self.body.addLayout(controls)

        # Shown only while a note of this visit has two versions.
        self.conflict_bar = ConflictBar()
        self.conflict_label = self.conflict_bar.label
        self.conflict_button = self.conflict_bar.button
        self.conflict_button.clicked.connect(self._resolve_clicked)
        self.body.addWidget(self.conflict_bar)

        self.model = CalibrationModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("What each walker wrote for this visit"))
        self.table.setWordWrap(True)
        self.table.setItemDelegate(PaddedTextDelegate(self.table, pad_x=8, pad_y=6))
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalScrollBar().setSingleStep(24)
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(self._cell_activated)  # Enter, or a double-click
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        # Wrapped text needs new row heights whenever the columns change width.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_timer.start())
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        self.body.addWidget(self._stack, 1)

    # -- visits ------------------------------------------------------------------------------
    def visit_id(self) -> str | None:
        return self._visit_id

    def set_visit(self, visit_id: str) -> None:
        index = self.visit_box.findData(visit_id)
        if index >= 0:
            self.visit_box.setCurrentIndex(index)

    def _visit_picked(self, index: int) -> None:
        visit_id = self.visit_box.itemData(index)
        if visit_id and visit_id != self._visit_id:
            self._visit_id = visit_id
            self.refresh()
        self._update_steppers()

    def _step(self, delta: int) -> None:
        index = self.visit_box.currentIndex() + delta
        if 0 <= index < self.visit_box.count():
            self.visit_box.setCurrentIndex(index)

    def _update_steppers(self) -> None:
        index = self.visit_box.currentIndex()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.visit_box.count() - 1)

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> CalibrationData:
        walk = self._walks.get_walk(self.walk_id)
        wanted = self._visit_id
        visit_ids = [v.id for v in walk.visits]
        visit_id = wanted if wanted in visit_ids else (visit_ids[0] if visit_ids else None)
        notes = self._notes.list_notes(self.walk_id, visit_id=visit_id) if visit_id else []
        answers = self._notes.list_answers(self.walk_id, visit_id=visit_id) \
            if visit_id and self._form else []
        conflicts = (self._conflicts.list_conflicts(self.walk_id)
                     if self._conflicts is not None else [])
        return CalibrationData(walk, visit_id, tuple(notes), note_versions(conflicts),
                               note_families(conflicts), tuple(answers))

    def apply(self, data: CalibrationData) -> None:
        self._data = data
        self._visit_id = data.visit_id
        self.visit_box.blockSignals(True)
        self.visit_box.clear()
        for visit in data.walk.visits:
            self.visit_box.addItem(visit_label(visit.position), visit.id)
        if data.visit_id:
            self.visit_box.setCurrentIndex(self.visit_box.findData(data.visit_id))
        self.visit_box.blockSignals(False)
        self._update_steppers()
        self._rebuild()

    def _rebuild(self) -> None:
        data = self._data
        if data is None:
            return
        texts = CalibrationTexts(stems=self._stem_labels,
                                 walker=lambda tag: self.tr("Walker {0}").format(tag),
                                 facilitator=self.tr("Facilitator"),
                                 unattributed=self.tr("Not attributed"),
                                 versions=self.tr("{0} versions").format)
        grid = calibration_grid(data.walk, data.notes, texts,
                                show_names=self.show_names.isChecked(),
                                tag_names={lf.id: lf.text for lf in data.walk.look_fors},
                                versions=data.versions)
        grid = with_answers(grid, data.walk, self._form, data.answers, texts,
                            show_names=self.show_names.isChecked())
        self.model.set_grid(grid)
        marked = len({data.families.get(n, n) for n in self.conflicted_notes()})
        self.conflict_bar.say(self.tr(
            "{0} of this visit changed on two laptops: their versions are marked below. "
            "Choose what to keep.").format(fmt.plural(marked, "{n} note", "{n} notes"))
            if marked else "")
        if not data.walk.visits:
            self.empty.setText(self.tr("This walk has no visits yet. Add them to the route "
                                       "in the plan."))
            self._stack.setCurrentWidget(self.empty)
        elif not grid.note_count:
            visit = data.walk.visit(data.visit_id)
            self.empty.setText(self.tr("No notes for {0} yet.").format(
                visit_label(visit.position) if visit else ""))
            self._stack.setCurrentWidget(self.empty)
        else:
            self._stack.setCurrentWidget(self.table)
            self.table.resizeRowsToContents()

    # -- conflicts ---------------------------------------------------------------------------
    def conflicted_notes(self) -> list[str]:
        """This visit's notes marked "N versions"."""
        data = self._data
        return [n.id for n in data.notes if n.id in data.versions] if data else []

    def _resolve_clicked(self) -> None:
        marked = self.conflicted_notes()
        self.conflicts_requested.emit(marked[0] if marked else "")

    def _cell_activated(self, index: QModelIndex) -> None:
        marked = self.model.conflicted(index.row(), index.column())
        if marked:
            self.conflicts_requested.emit(marked[0])
