"""The evidence wall's data: notes grouped by look-for, stem or visit, and a tree model.

`group_notes` is plain Python (fast, testable without widgets): it turns a walk and its
notes into groups of cards. A note with several look-for tags is a card in each of those
groups; notes with no tag (or no visit) get a group of their own. Counts are of notes,
never of people: the wall is about evidence, not about who wrote it or who was observed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from walkapp.domain import Note, Stem, Walk

Index = QModelIndex | QPersistentModelIndex

# Long notes are cut on the wall (the whole text is in the tooltip); a 20,000-character
# paste must not turn one card into a screen-high wall of text.
MAX_CARD_CHARS = 1200


class GroupBy(StrEnum):
    LOOK_FOR = "look_for"
    STEM = "stem"
    VISIT = "visit"


@dataclass(frozen=True)
class WallTexts:
    """The translated words the grouping needs (kept out of the pure function's logic)."""

    stem: Callable[[Stem], str]
    visit: Callable[[int], str]
    untagged: str
    no_visit: str
    unknown_author: str
    also: str = "also: {0}"  # the note's other look-fors, under one look-for's group


@dataclass(frozen=True)
class EvidenceCard:
    note_id: str
    text: str
    meta: str  # the note's other dimensions, e.g. "I noticed · Visit 2 · Wait time"
    author: str  # empty unless authors are shown


@dataclass(frozen=True)
class EvidenceGroup:
    key: str
    title: str
    description: str
    cards: tuple[EvidenceCard, ...]
    total: int  # notes in the group before the filter

    @property
    def shown(self) -> int:
        return len(self.cards)


def _matches(terms: Sequence[str], haystack: str) -> bool:
    return all(term in haystack for term in terms)


def group_notes(walk: Walk, notes: Iterable[Note], group_by: GroupBy, texts: WallTexts, *,
                query: str = "", show_authors: bool = False) -> list[EvidenceGroup]:
    """Group `notes` for the wall. With a `query`, only matching notes are kept and groups
    left empty by the filter are dropped; without one, every look-for, stem and visit has a
    group even when it is empty (an empty look-for is itself something to talk about)."""
    tags = {lf.id: lf for lf in walk.look_fors}
    visits = {v.id: v for v in walk.visits}
    names = {p.id: p.display_name for p in walk.participants}
    stem_order = {s: i for i, s in enumerate(Stem)}
    terms = query.casefold().split()

    def visit_position(note: Note) -> int:
        visit = visits.get(note.visit_id or "")
        return visit.position if visit else 1_000_000

    # Reading order on the wall: visit by visit, then as the notes were written.
    ordered = sorted(notes, key=lambda n: (visit_position(n), n.created_at, n.id))

    def keys_of(note: Note) -> list[str]:
        if group_by is GroupBy.LOOK_FOR:
            known = [t for t in note.look_for_ids if t in tags]
            return known or [""]
        if group_by is GroupBy.STEM:
            return [note.stem.value]
        return [note.visit_id if note.visit_id in visits else ""]

    def card(note: Note) -> tuple[EvidenceCard, str]:
        visit = visits.get(note.visit_id or "")
        parts: list[str] = []
        if group_by is not GroupBy.STEM:
            parts.append(texts.stem(note.stem))
        if group_by is not GroupBy.VISIT and visit is not None:
            parts.append(texts.visit(visit.position))
        tag_names = [tags[t].text for t in note.look_for_ids if t in tags]
        if group_by is not GroupBy.LOOK_FOR:
            parts.extend(tag_names)
        author = (names.get(note.author_id or "", texts.unknown_author)
                  if show_authors else "")
        text = note.text if len(note.text) <= MAX_CARD_CHARS \
            else note.text[:MAX_CARD_CHARS].rstrip() + "…"
        # Searchable: the text, its stem, visit and tags — and the author only when shown.
        haystack = " ".join([note.text, texts.stem(note.stem),
                             texts.visit(visit.position) if visit else "",
                             *tag_names, author]).casefold()
        return EvidenceCard(note.id, text, " · ".join(parts), author), haystack

    def also(entry: EvidenceCard, note: Note, key: str) -> EvidenceCard:
        # Under one look-for, name the note's *other* look-fors (the group names this one).
        others = [tags[t].text for t in note.look_for_ids if t in tags and t != key]
        if not others:
            return entry
        extra = texts.also.format(", ".join(others))
        return replace(entry, meta=" · ".join(p for p in (entry.meta, extra) if p))

    buckets: dict[str, list[EvidenceCard]] = {}
    totals: dict[str, int] = {}
    for note in ordered:
        entry, haystack = card(note)
        keep = _matches(terms, haystack)
        for key in keys_of(note):
            totals[key] = totals.get(key, 0) + 1
            if keep:
                placed = also(entry, note, key) if group_by is GroupBy.LOOK_FOR else entry
                buckets.setdefault(key, []).append(placed)

    skeleton: list[tuple[str, str, str]]
    if group_by is GroupBy.LOOK_FOR:
        skeleton = [(lf.id, lf.text, lf.description) for lf in walk.look_fors]
        skeleton.append(("", texts.untagged, ""))
    elif group_by is GroupBy.STEM:
        skeleton = [(s.value, texts.stem(s), "") for s in sorted(Stem, key=stem_order.get)]
    else:
        skeleton = [(v.id, texts.visit(v.position), "") for v in walk.visits]
        skeleton.append(("", texts.no_visit, ""))

    groups = []
    for key, title, description in skeleton:
        cards = tuple(buckets.get(key, ()))
        total = totals.get(key, 0)
        # The catch-all group appears only when it has notes; a filter hides empty groups.
        if (key == "" and total == 0) or (terms and not cards):
            continue
        groups.append(EvidenceGroup(key, title, description, cards, total))
    return groups


class EvidenceModel(QAbstractItemModel):
    """Two levels: groups at the top, cards below. Row ids are positions, so the whole
    model is rebuilt by `set_groups` (cheap: no per-item objects are created)."""

    MetaRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2  # "group" | "card"
    IdRole = Qt.ItemDataRole.UserRole + 3
    CountRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[EvidenceGroup] = []
        self._filtered = False

    def set_groups(self, groups: Sequence[EvidenceGroup], *, filtered: bool = False) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._filtered = filtered
        self.endResetModel()

    def groups(self) -> list[EvidenceGroup]:
        return list(self._groups)

    def count_text(self, group: EvidenceGroup) -> str:
        if self._filtered:
            return self.tr("{0} of {1}").format(group.shown, group.total)
        if group.total == 1:
            return self.tr("1 note")
        return self.tr("{0} notes").format(group.total)

    # -- structure ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].cards):
            return QModelIndex()
        # A card's internal id is its group's row + 1 (0 marks a group).
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()].cards)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data --------------------------------------------------------------------------------
    def _item(self, index: Index) -> EvidenceGroup | EvidenceCard | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._groups[index.row()] if index.row() < len(self._groups) else None
        group_row = int(index.internalId()) - 1
        if group_row >= len(self._groups):
            return None
        cards = self._groups[group_row].cards
        return cards[index.row()] if index.row() < len(cards) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None:
            return None
        if isinstance(item, EvidenceGroup):
            return self._group_data(item, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == self.MetaRole:
            return " · ".join(p for p in (item.meta, item.author) if p)
        if role == self.KindRole:
            return "card"
        if role == self.IdRole:
            return item.note_id
        if role == Qt.ItemDataRole.ToolTipRole and item.text.endswith("…"):
            return self.tr("This note is long; it is shortened here.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            meta = self.data(index, self.MetaRole)
            return f"{meta}: {item.text}" if meta else item.text
        return None

    def _group_data(self, group: EvidenceGroup, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.title
        if role == self.MetaRole:
            return self.count_text(group)
        if role == self.KindRole:
            return "group"
        if role == self.IdRole:
            return group.key
        if role == self.CountRole:
            return group.total
        if role == Qt.ItemDataRole.ToolTipRole and group.description:
            return group.description
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{group.title}, {self.count_text(group)}"
        return None
