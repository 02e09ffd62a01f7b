"""Calibration: what each walker wrote about the same visit, side by side.

One column per walker (in roster order, including walkers who wrote nothing, so a quiet
column is visible rather than missing), one row per stem that was used in the visit. The
group compares *descriptions*: the grid never counts, scores or ranks anyone.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from walkapp.domain import Note, Role, Stem, Walk
from walkapp.protocol.own_keys import group_key

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CalibrationTexts:
    # Each group a note can go under, by key, in order, with its heading
    # (walkapp.protocol.own_keys: the protocol's stems, then the plain stems it leaves out).
    stems: Mapping[str, str]
    walker: Callable[[str], str]  # "Walker {0}" with a letter or number
    facilitator: str
    unattributed: str
    versions: Callable[[int], str] = "{0} versions".format  # the mark on a note in conflict


@dataclass(frozen=True)
class CalibrationGrid:
    columns: tuple[tuple[str, str], ...]  # (participant id or "", heading)
    # (the stem's group key, heading); then the visit form's questions ("form:" + key, the
    # question: walkapp.ui.models.form_answers).
    rows: tuple[tuple[str, str], ...]
    cells: dict[tuple[int, int], tuple[str, ...]]  # (row, column) -> note texts
    tooltips: dict[tuple[int, int], str]  # the look-fors tagged in a cell
    note_count: int
    # The notes in each cell that are in a conflict (marked "2 versions" in their text).
    conflicted: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)


def walker_tag(index: int) -> str:
    """A, B, … Z, then 27, 28…: a stable stand-in for a name when names are hidden."""
    return string.ascii_uppercase[index] if index < 26 else str(index + 1)


def calibration_grid(walk: Walk, notes: Iterable[Note], texts: CalibrationTexts, *,
                     show_names: bool = False,
                     tag_names: dict[str, str] | None = None,
                     versions: Mapping[str, int] | None = None) -> CalibrationGrid:
    """`versions`: for each note in a conflict, how many versions it has; its text in the
    grid starts with a mark that says so ("⚠ 2 versions")."""
    notes = sorted(notes, key=lambda n: (n.created_at, n.id))
    marked = versions or {}
    conflicted: dict[tuple[int, int], list[str]] = {}
    roster = {p.id: p for p in walk.participants}
    columns: list[tuple[str, str]] = []
    for i, walker in enumerate(walk.walkers):
        columns.append((walker.id, walker.display_name if show_names
                        else texts.walker(walker_tag(i))))
    # Someone who is not a walker (the facilitator) gets a column only if they wrote here.
    for note in notes:
        author = roster.get(note.author_id or "")
        key = author.id if author else ""
        if any(key == c[0] for c in columns):
            continue
        if author is None:
            columns.append(("", texts.unattributed))
        else:
            label = author.display_name if show_names else (
                texts.facilitator if author.role is Role.FACILITATOR
                else texts.walker(walker_tag(len(columns))))
            columns.append((author.id, label))
    column_of = {key: i for i, (key, _) in enumerate(columns)}
    names = {**texts.stems, **{s.value: texts.stems.get(s.value, s.value) for s in Stem}}

    def stem_of(note: Note) -> str:
        return group_key(texts.stems, note.stem, note.stem_key)

    present = {stem_of(n) for n in notes}
    used = [key for key in names if key in present]
    row_of = {key: i for i, key in enumerate(used)}
    gathered: dict[tuple[int, int], list[str]] = {}
    tips: dict[tuple[int, int], list[str]] = {}
    tags = tag_names or {}
    for note in notes:
        author = roster.get(note.author_id or "")
        cell = (row_of[stem_of(note)], column_of[author.id if author else ""])
        count = marked.get(note.id, 0)
        if count:
            conflicted.setdefault(cell, []).append(note.id)
            gathered.setdefault(cell, []).append(f"⚠ {texts.versions(count)}\n{note.text}")
        else:
            gathered.setdefault(cell, []).append(note.text)
        for tag in note.look_for_ids:
            if tag in tags and tags[tag] not in tips.setdefault(cell, []):
                tips[cell].append(tags[tag])
    return CalibrationGrid(
        columns=tuple(columns), rows=tuple((key, names[key]) for key in used),
        cells={k: tuple(v) for k, v in gathered.items()},
        tooltips={k: ", ".join(v) for k, v in tips.items() if v},
        note_count=len({n.family for n in notes}),  # a conflict's versions are one note
        conflicted={k: tuple(v) for k, v in conflicted.items()})


class CalibrationModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = CalibrationGrid((), (), {}, {}, 0)

    def set_grid(self, grid: CalibrationGrid) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def grid(self) -> CalibrationGrid:
        return self._grid

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self._grid.columns):
            return self._grid.columns[section][1]
        if orientation == Qt.Orientation.Vertical and section < len(self._grid.rows):
            return self._grid.rows[section][1]
        return None

    def cell(self, row: int, column: int) -> tuple[str, ...]:
        return self._grid.cells.get((row, column), ())

    def conflicted(self, row: int, column: int) -> tuple[str, ...]:
        """The notes of a cell that are in a conflict (their ids)."""
        return self._grid.conflicted.get((row, column), ())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        texts: Sequence[str] = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if not texts:
                return "—"
            # Several notes in one cell: bullets keep them apart.
            return texts[0] if len(texts) == 1 else "\n".join(f"• {t}" for t in texts)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._grid.tooltips.get((index.row(), index.column()))
            lines = [self.tr("Look-fors: {0}").format(tip)] if tip else []
            if self.conflicted(index.row(), index.column()):
                lines.append(self.tr("A note here was changed on two laptops before they "
                                     "met. Double-click or press Enter to choose which "
                                     "version to keep in Conflicts."))
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            who = self._grid.columns[index.column()][1]
            stem = self._grid.rows[index.row()][1]
            body = " ".join(texts) if texts else self.tr("nothing written")
            return f"{who}, {stem}: {body}"
        return None
